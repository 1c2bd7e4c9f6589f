package com.grow.payments.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of {@code /actuator/prometheus}, and the figures the benchmark reads from two of them. */
final class Prometheus {

    /** A series: its name, its labels as written ({@code a="x",b="y"}), its value. */
    record Series(String name, String labels, double value) {
        String label(String key) {
            String needle = key + "=\"";
            int at = labels.indexOf(needle);
            if (at < 0) {
                return null;
            }
            int start = at + needle.length();
            return labels.substring(start, labels.indexOf('"', start));
        }
    }

    private final List<Series> series;

    private Prometheus(List<Series> series) {
        this.series = series;
    }

    static Prometheus parse(String text) {
        List<Series> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name;
            String labels = "";
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                labels = line.substring(brace + 1, line.lastIndexOf('}'));
            } else {
                name = line.substring(0, space);
            }
            try {
                out.add(new Series(name, labels, Double.parseDouble(line.substring(space + 1))));
            } catch (NumberFormatException ignored) {
                // a value we do not need (e.g. NaN written oddly): skip the line
            }
        }
        return new Prometheus(out);
    }

    static Prometheus empty() {
        return new Prometheus(List.of());
    }

    /** Sum of a metric over the series whose labels contain {@code filter} (empty: all). */
    double sum(String name, String filter) {
        return series.stream().filter(s -> s.name.equals(name) && s.labels.contains(filter))
                .mapToDouble(Series::value).sum();
    }

    /** The value of each series of a gauge, by one label's value. */
    Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> out = new TreeMap<>();
        series.stream().filter(s -> s.name.equals(name)).forEach(s -> out.merge(s.label(label), s.value, Double::sum));
        return out;
    }

    /**
     * What happened to a histogram between two scrapes: count, mean and quantiles, interpolated
     * inside buckets as Prometheus's histogram_quantile does (so only as fine as the buckets).
     */
    static Map<String, Object> histogramDelta(Prometheus before, Prometheus after, String base, String filter) {
        Map<Double, Double> buckets = new TreeMap<>();
        collect(after, base, filter, buckets, 1);
        collect(before, base, filter, buckets, -1);
        double count = after.sum(base + "_count", filter) - before.sum(base + "_count", filter);
        double sum = after.sum(base + "_sum", filter) - before.sum(base + "_sum", filter);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", Math.round(count));
        out.put("meanMs", count > 0 ? Samples.round(sum / count * 1000) : null);
        out.put("p50Ms", quantileMillis(buckets, count, 0.50));
        out.put("p95Ms", quantileMillis(buckets, count, 0.95));
        out.put("p99Ms", quantileMillis(buckets, count, 0.99));
        return out;
    }

    private static void collect(Prometheus scrape, String base, String filter, Map<Double, Double> into, int sign) {
        for (Series s : scrape.series) {
            if (s.name.equals(base + "_bucket") && s.labels.contains(filter)) {
                String le = s.label("le");
                double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                into.merge(bound, sign * s.value, Double::sum);
            }
        }
    }

    private static Double quantileMillis(Map<Double, Double> cumulative, double count, double q) {
        if (count <= 0) {
            return null;
        }
        double rank = q * count;
        double previousBound = 0;
        double previousCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return Samples.round(previousBound * 1000);
                }
                double inBucket = bucket.getValue() - previousCount;
                double fraction = inBucket <= 0 ? 1 : (rank - previousCount) / inBucket;
                return Samples.round((previousBound + (bucket.getKey() - previousBound) * fraction) * 1000);
            }
            previousBound = bucket.getKey();
            previousCount = bucket.getValue();
        }
        return null;
    }

    /** Running maxima of gauges sampled during a phase. */
    static final class GaugeMax {
        private final Map<String, Double> max = new HashMap<>();

        synchronized void offer(Map<String, Double> values) {
            values.forEach((k, v) -> max.merge(k, v, Math::max));
        }

        synchronized Map<String, Double> snapshot() {
            return new TreeMap<>(max);
        }
    }
}
