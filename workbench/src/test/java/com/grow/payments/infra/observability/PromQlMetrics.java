package com.grow.payments.infra.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a full parser:
 * string literals, label matchers in braces, ranges in brackets, Grafana variables, numbers and
 * durations are skipped; label lists after {@code by}, {@code without}, {@code on},
 * {@code ignoring}, {@code group_left} and {@code group_right} are skipped; known functions,
 * aggregations and keywords are not names. Any other identifier is a metric name, and any other
 * identifier followed by {@code (} is an error (a misspelt function must not pass as a metric).
 * Also loads the checked-in dashboard and alert rules, for the unit test and the scrape test.
 */
final class PromQlMetrics {

    static final String DASHBOARD = "docs/observability/grafana-dashboard.json";
    static final String ALERTS = "docs/observability/alerts.yml";
    static final String README = "docs/observability/README.md";

    /** A metric as one expression reads it: its name and the inside of its braces ("" without). */
    record Selector(String metric, String matchers) {
    }

    /** One PromQL expression of a file, and where it is (a panel and query, or an alert). */
    record Query(String where, String expr) {
    }

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "acos", "acosh", "asin",
            "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos",
            "cosh", "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg", "delta",
            "deriv", "double_exponential_smoothing", "end", "exp", "floor", "histogram_avg", "histogram_count",
            "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar", "histogram_sum",
            "holt_winters", "hour", "idelta", "increase", "info", "irate", "label_join", "label_replace",
            "last_over_time", "ln", "log10", "log2", "mad_over_time", "max_over_time", "min_over_time", "minute",
            "month", "pi", "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets",
            "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_by_label", "sort_by_label_desc", "sort_desc",
            "sqrt", "start", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan", "tanh", "time",
            "timestamp", "vector", "year");

    /** Modifiers followed by a parenthesised list of label names (group_left/right: optionally). */
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*(.+?)\\s*,\\s*\\w+\\s*\\)\\s*$");

    private PromQlMetrics() {
    }

    /** Every metric name the expression reads. */
    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        selectors(expr).forEach(selector -> names.add(selector.metric()));
        return names;
    }

    /** Every metric the expression reads, in order, with its label matchers. */
    static List<Selector> selectors(String expr) {
        List<Selector> found = new ArrayList<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{') {
                // a selector without a name ({__name__="x"}) is not used in these files: refuse it
                throw new IllegalArgumentException("a selector without a metric name at " + i + ": " + expr);
            } else if (c == '[') {
                i = skipTo(expr, i, ']');
            } else if (c == '$') {
                i = skipVariable(expr, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.'
                        || expr.charAt(i) == '_')) {
                    i++;
                }
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                String lower = word.toLowerCase(Locale.ROOT);
                if (LABEL_LIST_KEYWORDS.contains(lower)) {
                    if (call) {
                        i = skipTo(expr, next, ')');
                    }
                } else if (AGGREGATIONS.contains(lower) || KEYWORDS.contains(lower)) {
                    // sum by (x) (...), sum(...) by (x), a and b, offset 5m: nothing to read here
                } else if (call) {
                    if (!FUNCTIONS.contains(word)) {
                        throw new IllegalArgumentException("unknown PromQL function " + word + "(: " + expr);
                    }
                } else {
                    String matchers = "";
                    if (next < n && expr.charAt(next) == '{') {
                        int end = skipTo(expr, next, '}');
                        matchers = expr.substring(next + 1, end - 1).trim();
                        i = end;
                    }
                    found.add(new Selector(word, matchers));
                }
            } else {
                i++;
            }
        }
        return found;
    }

    /** The metric names of a Grafana variable query: {@code label_values(selector, label)}; else none. */
    static Set<String> variableMetricNames(String query) {
        Matcher matcher = LABEL_VALUES.matcher(query);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a label_values(metric, label) query: " + query);
        }
        return metricNames(matcher.group(1));
    }

    // ------------------------------------------------------------------ the files

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("infra"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (mvnw beside infra/) above " + dir);
    }

    static JsonNode dashboard(Path root) {
        try {
            return new ObjectMapper().readTree(root.resolve(DASHBOARD).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> alerts(Path root) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(root.resolve(ALERTS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of the dashboard's panels (rows included, should one carry any). */
    static List<Query> dashboardQueries(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel " + panel.path("id").asInt() + " \"" + panel.path("title").asText()
                        + "\" " + target.path("refId").asText(), target.path("expr").asText()));
            }
        }
        return queries;
    }

    /** Every panel, those nested in collapsed rows too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** Every alert's expression, by alert name. */
    @SuppressWarnings("unchecked")
    static List<Query> alertQueries(Map<String, Object> alerts) {
        List<Query> queries = new ArrayList<>();
        for (Object group : (List<Object>) alerts.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> r = (Map<String, Object>) rule;
                Object name = r.containsKey("alert") ? r.get("alert") : r.get("record");
                queries.add(new Query("rule " + name, String.valueOf(r.get("expr"))));
            }
        }
        return queries;
    }

    /** Metric name → where it is read, over the dashboard (panels and variables). */
    static Map<String, List<String>> dashboardMetrics(JsonNode dashboard) {
        Map<String, List<String>> used = new LinkedHashMap<>();
        for (Query query : dashboardQueries(dashboard)) {
            metricNames(query.expr()).forEach(name -> used.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                variableMetricNames(text).forEach(name -> used.computeIfAbsent(name, k -> new ArrayList<>())
                        .add("variable " + variable.path("name").asText()));
            }
        }
        return used;
    }

    /** Metric name → the alerts that read it. */
    static Map<String, List<String>> alertMetrics(Map<String, Object> alerts) {
        Map<String, List<String>> used = new LinkedHashMap<>();
        for (Query query : alertQueries(alerts)) {
            metricNames(query.expr()).forEach(name -> used.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where()));
        }
        return used;
    }

    /** Every metric name either file reads. */
    static Set<String> allMetrics(Path root) {
        Set<String> all = new TreeSet<>(dashboardMetrics(dashboard(root)).keySet());
        all.addAll(alertMetrics(alerts(root)).keySet());
        return all;
    }

    // ------------------------------------------------------------------ scanning

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    /** From a quote to just past its closing quote; backslash escapes in "" and ''. */
    private static int skipString(String expr, int i) {
        char quote = expr.charAt(i++);
        while (i < expr.length()) {
            char c = expr.charAt(i++);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string: " + expr);
    }

    /** From an opening bracket to just past its closer, skipping strings (and nested pairs). */
    private static int skipTo(String expr, int i, char close) {
        char open = expr.charAt(i++);
        int depth = 1;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("no '" + close + "' closes '" + open + "': " + expr);
    }

    /** A Grafana variable: $name, ${name} or ${name:format}. */
    private static int skipVariable(String expr, int i) {
        i++;
        if (i < expr.length() && expr.charAt(i) == '{') {
            return skipTo(expr, i, '}');
        }
        while (i < expr.length() && isIdentifierPart(expr.charAt(i))) {
            i++;
        }
        return i;
    }
}
