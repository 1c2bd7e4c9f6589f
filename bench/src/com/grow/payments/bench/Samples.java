package com.grow.payments.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every sample kept (a phase has tens of thousands, not millions), so percentiles are exact. Thread-safe. */
final class Samples {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long valueNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = valueNanos;
    }

    synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return sum / size / 1e6;
    }

    /** {count, p50, p95, p99, max, mean} in ms. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count());
        out.put("p50Ms", round(percentileMillis(50)));
        out.put("p95Ms", round(percentileMillis(95)));
        out.put("p99Ms", round(percentileMillis(99)));
        out.put("maxMs", round(percentileMillis(100)));
        out.put("meanMs", round(meanMillis()));
        return out;
    }

    /** One decimal from 100 up, two from 1, else four significant digits (ratios can be small). */
    static Double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        double abs = Math.abs(v);
        if (abs >= 100) {
            return Math.round(v * 10) / 10.0;
        }
        if (abs >= 1) {
            return Math.round(v * 100) / 100.0;
        }
        return abs == 0 ? 0.0 : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
