package com.grow.payments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's GC pauses, from its unified GC log ({@code -Xlog:gc:file=...:utctime}): counts
 * and time by kind, full GCs apart, and the heap left after each collection.
 */
final class GcLog {

    /** One stop-the-world pause. */
    record Pause(Instant at, String kind, double millis, long heapAfterMb, long heapMb) {
    }

    static final String DECORATIONS = "utctime";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause (\\w+).*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    private GcLog() {
    }

    static String collectorOf(Path log) {
        try {
            for (String line : Files.readAllLines(log)) {
                int at = line.indexOf("Using ");
                if (at >= 0) {
                    return line.substring(at + 6).trim();
                }
            }
        } catch (IOException e) {
            // no log yet
        }
        return "unknown";
    }

    static List<Pause> pauses(Path log) {
        List<Pause> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    out.add(new Pause(OffsetDateTime.parse(m.group(1), TIME).toInstant(), m.group(2),
                            Double.parseDouble(m.group(9)), mb(m.group(5), m.group(6)), mb(m.group(7), m.group(8))));
                }
            }
        } catch (IOException e) {
            // no log: no pauses to tell
        }
        return out;
    }

    private static long mb(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /** Pauses between two instants: count and ms by kind (Young, Full, Remark, Cleanup), the longest, the heap after. */
    static Map<String, Object> between(Path log, Instant from, Instant to) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        double total = 0;
        double longest = 0;
        long maxHeapAfter = 0;
        long fullCount = 0;
        for (Pause p : pauses(log)) {
            if (p.at().isBefore(from) || !p.at().isBefore(to)) {
                continue;
            }
            counts.computeIfAbsent(p.kind(), k -> new long[1])[0]++;
            millis.merge(p.kind(), p.millis(), Double::sum);
            total += p.millis();
            longest = Math.max(longest, p.millis());
            maxHeapAfter = Math.max(maxHeapAfter, p.heapAfterMb());
            if (p.kind().equals("Full")) {
                fullCount++;
            }
        }
        double seconds = Math.max(1e-9, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
        out.put("pauses", counts.values().stream().mapToLong(c -> c[0]).sum());
        out.put("pauseMs", Samples.round(total));
        out.put("pauseShare", Samples.round(total / 1000 / seconds));
        out.put("longestPauseMs", Samples.round(longest));
        out.put("fullGcs", fullCount);
        out.put("maxHeapAfterGcMb", maxHeapAfter);
        Map<String, Object> kinds = new LinkedHashMap<>();
        counts.forEach((k, c) -> kinds.put(k, Map.of("count", c[0], "ms", Samples.round(millis.get(k)))));
        out.put("byKind", kinds);
        return out;
    }
}
