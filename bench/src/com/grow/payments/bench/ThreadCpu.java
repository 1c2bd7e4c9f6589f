package com.grow.payments.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the service's CPU went in a phase, by thread group: the CPU time {@code jcmd Thread.print}
 * reports for each thread, differenced, with numbers in the names folded ("http-nio-#-exec-#"), so
 * that a reader sees at once whether Tomcat, an event processor, the sandbox or Kafka is busy.
 */
final class ThreadCpu {

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" #(\\d+).*? cpu=([\\d.]+)ms", Pattern.MULTILINE);

    private ThreadCpu() {
    }

    /** CPU ms per thread ("name #id"); empty when jcmd is not there or fails. */
    static Map<String, Double> snapshot(long pid) {
        Map<String, Double> out = new HashMap<>();
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return out;
            }
            Matcher m = THREAD.matcher(dump);
            while (m.find()) {
                out.put(m.group(1) + " #" + m.group(2), Double.parseDouble(m.group(3)));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // no breakdown this time
        }
        return out;
    }

    /** The busiest thread groups between two snapshots, in cores, the top {@code limit}. */
    static Map<String, Object> top(Map<String, Double> before, Map<String, Double> after, double seconds, int limit) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((thread, ms) -> {
            double used = ms - before.getOrDefault(thread, 0.0);
            String name = thread.substring(0, thread.lastIndexOf(" #")).replaceAll("\\d+", "#");
            groups.merge(name, used, Double::sum);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> out.put(e.getKey(), Samples.round(e.getValue() / 1000 / seconds)));
        return out;
    }
}
