package com.grow.payments.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.observability.PromQlMetrics.Query;
import com.grow.payments.infra.observability.PromQlMetrics.Selector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The checked-in Grafana dashboard and Prometheus alert rules ({@code docs/observability/}):
 * well-formed, documented in the README, and reading exactly the metrics listed here, so a
 * misspelt metric fails this test (and {@code ObservabilityScrapeIT} proves each one exists on a
 * real scrape). With {@code promtool} on the PATH (Debian's {@code prometheus} package), it also
 * checks the rules, parses every dashboard query and unit-tests when each alert fires.
 */
class ObservabilityFilesTest {

    /** Every metric the dashboard reads (its panels and its instance variable). */
    static final Set<String> DASHBOARD_METRICS = Set.of(
            "payment_approval_total",
            "payment_error_total",
            "payment_cancel_total",
            "payment_state_transition_total",
            "compensation_total",
            "subscription_charge_total",
            "janitor_resolution_total",
            "payments_unresolved",
            "payments_needing_attention",
            "toss_api_request_seconds_bucket",
            "toss_api_request_seconds_count",
            "webhook_received_total",
            "webhook_rejected_total",
            "event_processor_lag_events",
            "integration_publish_lag_seconds_bucket",
            "integration_events_published_total",
            "eventProcessor_latency",
            "eventProcessor_failureCounter_total",
            "commandBus_failureCounter_total",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "reconciliation_items_total");

    /** Every metric the alert rules read. */
    static final Set<String> ALERT_METRICS = Set.of(
            "payment_approval_total",
            "compensation_total",
            "payments_unresolved",
            "payments_needing_attention",
            "event_processor_lag_events",
            "integration_publish_lag_seconds_bucket",
            "toss_api_request_seconds_bucket",
            "toss_api_request_seconds_count",
            "webhook_rejected_total",
            "dead_letters",
            "billing_keys_needing_attention",
            "reconciliation_items_total");

    static final Set<String> ALERT_NAMES = Set.of("ApprovalRateDrop", "CompensationSpike", "UnresolvedPayments",
            "PaymentsNeedAttention", "ProcessorLagHigh", "IntegrationPublisherLagHigh", "IntegrationPublishSlow",
            "TossLatencyHigh", "TossErrors", "WebhookRejectsSpike", "DeadLettersParked", "BillingKeysNeedAttention",
            "ReconciliationDifferences");

    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
    private static final String INSTANCE_FILTER = "instance=~\"$instance\"";
    private static final String DATASOURCE = "${datasource}";

    private static Path root;
    private static JsonNode dashboard;
    private static Map<String, Object> alerts;
    private static String readme;

    @BeforeAll
    static void load() throws IOException {
        root = PromQlMetrics.repositoryRoot();
        dashboard = PromQlMetrics.dashboard(root);
        alerts = PromQlMetrics.alerts(root);
        readme = Files.readString(root.resolve(PromQlMetrics.README));
    }

    // ------------------------------------------------------------------ the dashboard

    @Test
    void the_dashboard_is_a_grafana_dashboard_on_a_templated_prometheus_data_source() {
        assertThat(dashboard.path("uid").asText()).isEqualTo("grow-payments");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).as("Grafana 10/11 schema").isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("id").isNull() || dashboard.path("id").isMissingNode())
                .as("no database id: importable anywhere").isTrue();

        Map<String, JsonNode> variables = new LinkedHashMap<>();
        dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        assertThat(variables).containsKeys("datasource", "instance");
        JsonNode datasource = variables.get("datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("current").path("value").asText())
                .as("the provisioned data source's uid (deploy/grafana) is the default").isEqualTo("prometheus");
        JsonNode instance = variables.get("instance");
        assertThat(instance.path("type").asText()).isEqualTo("query");
        assertThat(instance.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
        assertThat(instance.path("includeAll").asBoolean()).isTrue();
        assertThat(instance.path("allValue").asText()).isEqualTo(".*");

        for (JsonNode panel : PromQlMetrics.panels(dashboard)) {
            if (isRow(panel)) {
                continue;
            }
            assertThat(panel.path("datasource").path("type").asText()).as(describe(panel)).isEqualTo("prometheus");
            assertThat(panel.path("datasource").path("uid").asText()).as(describe(panel)).isEqualTo(DATASOURCE);
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).as(describe(panel)).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void every_panel_has_a_unique_id_a_place_of_its_own_and_queries() {
        List<JsonNode> panels = PromQlMetrics.panels(dashboard);
        assertThat(panels).hasSizeGreaterThan(10);
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : panels) {
            assertThat(ids.add(panel.path("id").asInt(-1))).as("unique id: " + describe(panel)).isTrue();
            assertThat(panel.path("id").isInt()).as(describe(panel)).isTrue();
            assertThat(panel.path("title").asText()).as("title of panel " + panel.path("id")).isNotBlank();
            assertThat(panel.path("type").asText()).as(describe(panel))
                    .isIn("row", "timeseries", "stat", "bargauge", "gauge", "table");
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt(-1);
            int y = grid.path("y").asInt(-1);
            int w = grid.path("w").asInt(0);
            int h = grid.path("h").asInt(0);
            assertThat(x).as("gridPos.x of " + describe(panel)).isBetween(0, 23);
            assertThat(y).as("gridPos.y of " + describe(panel)).isNotNegative();
            assertThat(w).as("gridPos.w of " + describe(panel)).isPositive();
            assertThat(x + w).as("gridPos of " + describe(panel) + " within 24 columns").isLessThanOrEqualTo(24);
            assertThat(h).as("gridPos.h of " + describe(panel)).isPositive();
            for (int[] other : boxes) {
                boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3]
                        && other[1] < y + h;
                assertThat(overlaps).as(describe(panel) + " overlaps panel " + other[4]).isFalse();
            }
            boxes.add(new int[] {x, y, w, h, panel.path("id").asInt()});

            if (isRow(panel)) {
                assertThat(panel.path("targets").size()).as("a row queries nothing: " + describe(panel)).isZero();
                continue;
            }
            assertThat(panel.path("targets").size()).as("queries of " + describe(panel)).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("expr of " + describe(panel)).isNotBlank();
                assertThat(refIds.add(target.path("refId").asText())).as("unique refId in " + describe(panel)).isTrue();
            }
            assertThat(panel.path("description").asText()).as("description of " + describe(panel)).isNotBlank();
        }
    }

    @Test
    void every_dashboard_query_follows_the_instance_variable() {
        for (Query query : PromQlMetrics.dashboardQueries(dashboard)) {
            List<Selector> selectors = PromQlMetrics.selectors(query.expr());
            assertThat(selectors).as(query.where()).isNotEmpty();
            for (Selector selector : selectors) {
                assertThat(selector.matchers()).as(query.where() + ": " + selector.metric()).contains(INSTANCE_FILTER);
            }
        }
    }

    @Test
    void the_dashboard_reads_exactly_the_expected_metrics() {
        assertThat(PromQlMetrics.dashboardMetrics(dashboard).keySet())
                .as("metric names in grafana-dashboard.json (a new one goes into DASHBOARD_METRICS, "
                        + "and must exist on a real scrape: ObservabilityScrapeIT)")
                .containsExactlyInAnyOrderElementsOf(DASHBOARD_METRICS);
    }

    @Test
    void the_dashboard_shows_what_the_issue_asks_for() {
        Map<String, String> required = Map.of(
                "approval rate", "payment_approval_total{result=\"approved\"",
                "top errors", "topk(10, sum by (code) (",
                "Toss p95", "histogram_quantile(0.95, sum by (endpoint, le) (rate(toss_api_request_seconds_bucket",
                "Toss p99", "histogram_quantile(0.99, sum by (endpoint, le) (rate(toss_api_request_seconds_bucket",
                "state transitions", "sum by (from, to) (rate(payment_state_transition_total",
                "compensations", "increase(compensation_total{" + INSTANCE_FILTER + "}[1h])",
                "processor lag", "max by (processor) (event_processor_lag_events",
                "Kafka publish lag p99", "histogram_quantile(0.99, sum by (le) (rate(integration_publish_lag_seconds_bucket");
        String all = String.join("\n", PromQlMetrics.dashboardQueries(dashboard).stream().map(Query::expr).toList());
        required.forEach((what, expr) -> assertThat(all).as(what).contains(expr));
    }

    // ------------------------------------------------------------------ the alert rules

    @Test
    @SuppressWarnings("unchecked")
    void every_alert_rule_is_complete_and_has_a_runbook_section() {
        List<Object> groups = (List<Object>) alerts.get("groups");
        assertThat(groups).isNotEmpty();
        Set<String> groupNames = new HashSet<>();
        Set<String> alertNames = new HashSet<>();
        for (Object g : groups) {
            Map<String, Object> group = (Map<String, Object>) g;
            assertThat(groupNames.add((String) group.get("name"))).as("unique group name " + group.get("name")).isTrue();
            List<Object> rules = (List<Object>) group.get("rules");
            assertThat(rules).as("rules of " + group.get("name")).isNotEmpty();
            for (Object r : rules) {
                Map<String, Object> rule = (Map<String, Object>) r;
                String alert = (String) rule.get("alert");
                assertThat(alert).as("every rule is an alert: " + rule).isNotBlank().matches("[A-Z][A-Za-z0-9]+");
                assertThat(alertNames.add(alert)).as("unique alert " + alert).isTrue();
                assertThat(String.valueOf(rule.get("expr"))).as("expr of " + alert).isNotBlank();
                assertThat(String.valueOf(rule.get("for"))).as("for of " + alert).matches(DURATION);
                Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
                assertThat(labels).as("labels of " + alert).isNotNull();
                assertThat(labels.get("severity")).as("severity of " + alert).isIn(SEVERITIES.toArray());
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                assertThat(annotations).as("annotations of " + alert).isNotNull();
                assertThat((String) annotations.get("summary")).as("summary of " + alert).isNotBlank();
                assertThat((String) annotations.get("description")).as("description of " + alert).isNotBlank();
                String anchor = alert.toLowerCase(Locale.ROOT);
                assertThat(annotations.get("runbook_url")).as("runbook of " + alert)
                        .isEqualTo(PromQlMetrics.README + "#" + anchor);
                assertThat(readme).as("README section for " + alert).containsPattern("(?m)^### " + alert + "$");
            }
        }
        assertThat(alertNames).containsExactlyInAnyOrderElementsOf(ALERT_NAMES);
    }

    @Test
    void the_alerts_read_exactly_the_expected_metrics() {
        assertThat(PromQlMetrics.alertMetrics(alerts).keySet())
                .as("metric names in alerts.yml (a new one goes into ALERT_METRICS, and must exist on a real "
                        + "scrape: ObservabilityScrapeIT)")
                .containsExactlyInAnyOrderElementsOf(ALERT_METRICS);
    }

    @Test
    void the_readme_explains_every_panel() {
        for (JsonNode panel : PromQlMetrics.panels(dashboard)) {
            assertThat(readme).as("README mentions panel " + describe(panel)).contains(panel.path("title").asText());
        }
    }

    // ------------------------------------------------------------------ the tokenizer

    @Test
    void the_tokenizer_finds_metric_names_and_nothing_else() {
        assertThat(PromQlMetrics.metricNames(
                "histogram_quantile(0.95, sum by (endpoint, le) (rate(toss_api_request_seconds_bucket"
                        + "{endpoint=\"confirm\",instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("toss_api_request_seconds_bucket");
        assertThat(PromQlMetrics.metricNames(
                "sum(rate(a_total{x=\"rate(b_total)\"}[5m] offset 1h)) / on (instance) group_left (job) "
                        + "(sum without (le) (c_total) > bool 0) and topk(10, d_total) or max(e) unless f:recorded"))
                .containsExactlyInAnyOrder("a_total", "c_total", "d_total", "e", "f:recorded");
        assertThat(PromQlMetrics.metricNames("sum(x_total) by (code) * 1e-3 + Inf - NaN + 0x1f"))
                .containsExactly("x_total");
        assertThat(PromQlMetrics.metricNames("max_over_time(lag[1h:5m]) # a comment naming not_a_metric"))
                .containsExactly("lag");
        assertThat(PromQlMetrics.selectors("rate(a_total{result=\"approved\", instance=~\"$instance\"}[1m])"))
                .containsExactly(new Selector("a_total", "result=\"approved\", instance=~\"$instance\""));
        assertThatThrownBy(() -> PromQlMetrics.metricNames("rat(a_total[5m])"))
                .hasMessageContaining("unknown PromQL function rat");
        assertThatThrownBy(() -> PromQlMetrics.metricNames("{__name__=\"a\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PromQlMetrics.variableMetricNames("label_values(payment_approval_total, instance)"))
                .containsExactly("payment_approval_total");
    }

    // ------------------------------------------------------------------ promtool, when installed

    @Test
    void promtool_accepts_the_alert_rules() throws Exception {
        Path promtool = promtool();
        Result result = run(promtool, "check", "rules", root.resolve(PromQlMetrics.ALERTS).toString());
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void promtool_parses_every_dashboard_query(@TempDir Path dir) throws Exception {
        Path promtool = promtool();
        // each query becomes a recording rule, with Grafana's variables replaced as Grafana would
        List<Map<String, Object>> rules = new ArrayList<>();
        for (JsonNode panel : PromQlMetrics.panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$__rate_interval", "1m")
                        .replace("$__range", "6h").replace("$instance", ".*");
                assertThat(expr).as(describe(panel)).doesNotContain("$");
                rules.add(Map.of("record", "dashboard:panel_" + panel.path("id").asInt() + ":" + target.path("refId").asText(),
                        "expr", expr));
            }
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
        Result result = run(promtool, "check", "rules", file.toString());
        assertThat(result.exit()).as(result.output()).isZero();
    }

    /**
     * When each alert fires, on made-up series ({@code promtool test rules}). The rules are tested
     * without their annotations (promtool would compare every word of them; check rules already
     * checks their templates).
     */
    @Test
    @SuppressWarnings("unchecked")
    void promtool_fires_each_alert_when_it_should_and_not_before(@TempDir Path dir) throws Exception {
        Path promtool = promtool();
        Map<String, Object> bare = PromQlMetrics.alerts(root);
        for (Object group : (List<Object>) bare.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                ((Map<String, Object>) rule).remove("annotations");
            }
        }
        Files.writeString(dir.resolve("alerts.yml"), yaml().dump(bare));
        Files.writeString(dir.resolve("alerts-test.yml"), ALERT_TESTS);
        Result result = run(promtool, "test", "rules", dir.resolve("alerts-test.yml").toString());
        assertThat(result.exit()).as(result.output()).isZero();
    }

    private static final String ALERT_TESTS = """
            rule_files:
              - alerts.yml
            evaluation_interval: 1m
            tests:
              # half the confirmations declined, 10 a minute: the approval rate drops
              - interval: 1m
                input_series:
                  - series: 'payment_approval_total{method="CARD",result="approved"}'
                    values: '0+5x40'
                  - series: 'payment_approval_total{method="UNKNOWN",result="declined"}'
                    values: '0+5x40'
                alert_rule_test:
                  - eval_time: 3m
                    alertname: ApprovalRateDrop
                  - eval_time: 25m
                    alertname: ApprovalRateDrop
                    exp_alerts:
                      - exp_labels: {severity: critical, service: grow-payments}
              # the same ratio on a handful of confirmations: below the volume guard
              - interval: 1m
                input_series:
                  - series: 'payment_approval_total{method="CARD",result="approved"}'
                    values: '0+0.1x40'
                  - series: 'payment_approval_total{method="UNKNOWN",result="declined"}'
                    values: '0+0.4x40'
                alert_rule_test:
                  - eval_time: 30m
                    alertname: ApprovalRateDrop
              # nine in ten approved: healthy
              - interval: 1m
                input_series:
                  - series: 'payment_approval_total{method="CARD",result="approved"}'
                    values: '0+9x40'
                  - series: 'payment_approval_total{method="UNKNOWN",result="declined"}'
                    values: '0+1x40'
                alert_rule_test:
                  - eval_time: 30m
                    alertname: ApprovalRateDrop
              # five compensations within minutes; the series exists at zero from the start
              - interval: 1m
                input_series:
                  - series: 'compensation_total{reason="AMOUNT_MISMATCH"}'
                    values: '0 0 0 0 0 1 2 3 4 5 5 5 5 5 5 5 5 5 5 5'
                  - series: 'compensation_total{reason="APPROVED_AFTER_EXPIRED"}'
                    values: '0x20'
                alert_rule_test:
                  - eval_time: 6m
                    alertname: CompensationSpike
                  - eval_time: 12m
                    alertname: CompensationSpike
                    exp_alerts:
                      - exp_labels: {severity: critical, service: grow-payments}
              # gauges: unresolved from minute 2 (fires after 10 more), needing attention from minute 2
              - interval: 1m
                input_series:
                  - series: 'payments_unresolved{instance="a"}'
                    values: '0 0 1x30'
                  - series: 'payments_unresolved{instance="b"}'
                    values: '0 0 1x30'
                  - series: 'payments_needing_attention{instance="a"}'
                    values: '0 0 2x30'
                alert_rule_test:
                  - eval_time: 11m
                    alertname: UnresolvedPayments
                  - eval_time: 13m
                    alertname: UnresolvedPayments
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments}
                  - eval_time: 1m
                    alertname: PaymentsNeedAttention
                  - eval_time: 4m
                    alertname: PaymentsNeedAttention
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments}
              # a parked charge from minute 2 (fires after 5 more), a billing key flagged from minute 2
              - interval: 1m
                input_series:
                  - series: 'dead_letters{processor="subscription-charges",instance="a"}'
                    values: '0 0 1x30'
                  - series: 'billing_keys_needing_attention{instance="a"}'
                    values: '0 0 1x30'
                alert_rule_test:
                  - eval_time: 5m
                    alertname: DeadLettersParked
                  - eval_time: 8m
                    alertname: DeadLettersParked
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments, processor: subscription-charges}
                  - eval_time: 1m
                    alertname: BillingKeysNeedAttention
                  - eval_time: 4m
                    alertname: BillingKeysNeedAttention
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments}
              # a run at minute 3 finds two items missing here, and the matched ones alert nothing
              - interval: 1m
                input_series:
                  - series: 'reconciliation_items_total{status="MISSING_HERE",instance="a"}'
                    values: '0 0 0 2x30'
                  - series: 'reconciliation_items_total{status="MATCHED",instance="a"}'
                    values: '0 0 0 500x30'
                alert_rule_test:
                  - eval_time: 2m
                    alertname: ReconciliationDifferences
                  - eval_time: 5m
                    alertname: ReconciliationDifferences
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments, status: MISSING_HERE}
              # lag: a projection and the Kafka relay each behind, on their own alerts
              - interval: 1m
                input_series:
                  - series: 'event_processor_lag_events{processor="payment-history",instance="a"}'
                    values: '0 5000x20'
                  - series: 'event_processor_lag_events{processor="ledger",instance="a"}'
                    values: '0 10x20'
                  - series: 'event_processor_lag_events{processor="integration-publisher",instance="a"}'
                    values: '0 800x20'
                alert_rule_test:
                  - eval_time: 3m
                    alertname: ProcessorLagHigh
                  - eval_time: 10m
                    alertname: ProcessorLagHigh
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments, processor: payment-history}
                  - eval_time: 10m
                    alertname: IntegrationPublisherLagHigh
                    exp_alerts:
                      - exp_labels: {severity: critical, service: grow-payments}
              # Kafka acknowledging after about two minutes
              - interval: 1m
                input_series:
                  - series: 'integration_publish_lag_seconds_bucket{le="10.0"}'
                    values: '0x30'
                  - series: 'integration_publish_lag_seconds_bucket{le="120.0"}'
                    values: '0+10x30'
                  - series: 'integration_publish_lag_seconds_bucket{le="+Inf"}'
                    values: '0+10x30'
                alert_rule_test:
                  - eval_time: 8m
                    alertname: IntegrationPublishSlow
                  - eval_time: 16m
                    alertname: IntegrationPublishSlow
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments}
              # Toss: confirms between 1 s and 5 s (p95 about 4.8 s); one in six fails with a 5xx;
              # lookups time out, but too few of them to page
              - interval: 1m
                input_series:
                  - series: 'toss_api_request_seconds_bucket{endpoint="confirm",outcome="2xx",le="1.0"}'
                    values: '0x30'
                  - series: 'toss_api_request_seconds_bucket{endpoint="confirm",outcome="2xx",le="5.0"}'
                    values: '0+10x30'
                  - series: 'toss_api_request_seconds_bucket{endpoint="confirm",outcome="2xx",le="+Inf"}'
                    values: '0+10x30'
                  - series: 'toss_api_request_seconds_count{endpoint="confirm",outcome="2xx"}'
                    values: '0+10x30'
                  - series: 'toss_api_request_seconds_count{endpoint="confirm",outcome="5xx"}'
                    values: '0+2x30'
                  - series: 'toss_api_request_seconds_count{endpoint="lookup",outcome="timeout"}'
                    values: '0+1x30'
                alert_rule_test:
                  - eval_time: 9m
                    alertname: TossLatencyHigh
                  - eval_time: 12m
                    alertname: TossLatencyHigh
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments}
                  - eval_time: 3m
                    alertname: TossErrors
                  - eval_time: 10m
                    alertname: TossErrors
                    exp_alerts:
                      - exp_labels: {severity: critical, service: grow-payments, endpoint: confirm}
              # two forged webhooks a minute
              - interval: 1m
                input_series:
                  - series: 'webhook_rejected_total{reason="bad_signature"}'
                    values: '0+2x30'
                  - series: 'webhook_rejected_total{reason="no_transmission_id"}'
                    values: '0+0x30'
                alert_rule_test:
                  - eval_time: 4m
                    alertname: WebhookRejectsSpike
                  - eval_time: 12m
                    alertname: WebhookRejectsSpike
                    exp_alerts:
                      - exp_labels: {severity: warning, service: grow-payments, reason: bad_signature}
            """;

    // ------------------------------------------------------------------ helpers

    private static boolean isRow(JsonNode panel) {
        return panel.path("type").asText().equals("row");
    }

    private static String describe(JsonNode panel) {
        return "panel " + panel.path("id").asText() + " \"" + panel.path("title").asText() + "\"";
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    }

    /** promtool from the PATH; the calling test is skipped without it. */
    private static Path promtool() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "promtool is not on the PATH (Debian: apt-get install prometheus)");
        return found.get();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path promtool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // promtool prints little and exits: read to the end, then collect its exit code
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish: " + command + "\n" + output);
        }
        return new Result(process.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
