package com.grow.payments.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the machine while a phase runs: the service's resident memory (sampled every second),
 * the event processors' lag (scraped every 2 s), and at the phase's ends the CPU time of the
 * service, its PostgreSQL, the benchmark itself and everything else on the machine, and the GC log.
 */
final class Monitor {

    /** Where a phase began. */
    record Mark(Instant at, long nanos, long[] machine, long service, long postgres, long sandbox, long bench,
                Map<String, Double> threads) {
    }

    private final long servicePid;
    private final long sandboxPid;
    private final OptionalLong postmaster;
    private final Path gcLog;
    private final Api api;
    private final long benchPid = ProcessHandle.current().pid();
    private final AtomicLong maxRssKb = new AtomicLong();
    private volatile Prometheus.GaugeMax processorLag = new Prometheus.GaugeMax();
    private volatile boolean running = true;

    Monitor(long servicePid, long sandboxPid, OptionalLong postmaster, Path gcLog, Api api) {
        this.servicePid = servicePid;
        this.sandboxPid = sandboxPid;
        this.postmaster = postmaster;
        this.gcLog = gcLog;
        this.api = api;
        Thread sampler = new Thread(this::sample, "bench-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long tick = 0;
        while (running) {
            long rss = ProcFs.rssKb(servicePid);
            maxRssKb.accumulateAndGet(rss, Math::max);
            if (tick++ % 2 == 0) {
                try {
                    processorLag.offer(api.prometheus().byLabel("event_processor_lag_events", "processor"));
                } catch (Api.Failure busy) {
                    // a missed scrape only coarsens the maximum
                }
            }
            Load.sleep(1_000_000_000L);
        }
    }

    void close() {
        running = false;
    }

    Mark begin() {
        // the thread dump first: jcmd is a JVM of its own, and its CPU should not land in the phase
        Map<String, Double> threads = ThreadCpu.snapshot(servicePid);
        maxRssKb.set(ProcFs.rssKb(servicePid));
        processorLag = new Prometheus.GaugeMax();
        return new Mark(Instant.now(), System.nanoTime(), ProcFs.machineTicks(), ProcFs.treeCpuTicks(servicePid),
                postmaster.isPresent() ? ProcFs.treeCpuTicks(postmaster.getAsLong()) : 0,
                ProcFs.cpuTicks(sandboxPid), ProcFs.cpuTicks(benchPid), threads);
    }

    /** CPU (in cores busy), memory, GC and processor lag since the mark. */
    Map<String, Object> end(Mark mark) {
        long[] machine = ProcFs.machineTicks();
        long service = ProcFs.treeCpuTicks(servicePid) - mark.service();
        long postgres = postmaster.isPresent() ? ProcFs.treeCpuTicks(postmaster.getAsLong()) - mark.postgres() : 0;
        long sandbox = ProcFs.cpuTicks(sandboxPid) - mark.sandbox();
        // the benchmark's own process only: the service and the sandbox are its children
        long bench = ProcFs.cpuTicks(benchPid) - mark.bench();
        long busy = machine[0] - mark.machine()[0];
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        double perCore = ProcFs.CLOCK_TICKS * seconds;
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("machineBusy", Samples.round(busy / perCore));
        cpu.put("service", Samples.round(service / perCore));
        cpu.put("postgres", Samples.round(postgres / perCore));
        cpu.put("tossSandbox", Samples.round(sandbox / perCore));
        cpu.put("benchmark", Samples.round(bench / perCore));
        cpu.put("other", Samples.round(Math.max(0, busy - service - postgres - sandbox - bench) / perCore));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpuCores", cpu);
        out.put("serviceRssMaxMb", maxRssKb.get() / 1024);
        out.put("serviceRssEndMb", ProcFs.rssKb(servicePid) / 1024);
        out.put("gc", GcLog.between(gcLog, mark.at(), Instant.now()));
        out.put("processorLagMaxEvents", processorLag.snapshot());
        // threads that ended inside the phase are missing: a breakdown, not an account
        out.put("serviceThreadsCpuCores", ThreadCpu.top(mark.threads(), ThreadCpu.snapshot(servicePid), seconds, 12));
        return out;
    }
}
