package com.grow.payments.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an on-call engineer scrapes from {@code /actuator/prometheus} after real flows: every
 * meter the dashboards and alerts use, with values that follow the flows, and no label that
 * names an order or a member.
 */
class MetricsIT extends IntegrationTest {

    @Test
    void a_scrape_after_payments_cancels_and_a_decline_shows_every_payment_meter_with_sensible_values() {
        String member = "member-metrics-" + UUID.randomUUID();
        String token = token(member);
        List<String> orders = new ArrayList<>();
        double approvedBefore = value(scrape(), "payment_approval_total", "method=\"CARD\",result=\"approved\"");
        double declinedBefore = value(scrape(), "payment_approval_total", "method=\"UNKNOWN\",result=\"declined\"");

        for (String outcome : new String[] {null, null, "REJECT_CARD_PAYMENT"}) {
            String[] payment = checkoutAndAuthorize(token, 20_000, outcome);
            confirm(token, payment[0], payment[1], 20_000);
            orders.add(payment[0]);
        }
        assertThat(post("/api/v1/payments/" + orders.get(0) + "/cancel", token,
                "{\"cancelReason\":\"one seat\",\"cancelAmount\":5000}").status()).isEqualTo(200);
        assertThat(post("/api/v1/payments/" + orders.get(1) + "/cancel", token, "{\"cancelReason\":\"all\"}").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(value(scrape, "payment_approval_total", "method=\"CARD\",result=\"approved\""))
                    .isGreaterThanOrEqualTo(approvedBefore + 2);
            assertThat(value(scrape, "payment_approval_total", "method=\"UNKNOWN\",result=\"declined\""))
                    .isGreaterThanOrEqualTo(declinedBefore + 1);
            assertThat(value(scrape, "payment_cancel_total", "kind=\"partial\",result=\"succeeded\"")).isPositive();
            assertThat(value(scrape, "payment_cancel_total", "kind=\"full\",result=\"succeeded\"")).isPositive();
            assertThat(value(scrape, "payment_state_transition_total", "from=\"IN_PROGRESS\",to=\"DONE\"")).isPositive();
            assertThat(value(scrape, "payment_state_transition_total", "from=\"IN_PROGRESS\",to=\"ABORTED\"")).isPositive();
            assertThat(value(scrape, "payment_state_transition_total", "from=\"DONE\",to=\"PARTIAL_CANCELED\""))
                    .isPositive();
            assertThat(value(scrape, "payment_state_transition_total", "from=\"DONE\",to=\"CANCELED\"")).isPositive();
            assertThat(value(scrape, "payment_error_total", "code=\"REJECT_CARD_PAYMENT\"")).isPositive();
        });

        String scrape = scrape();
        // Toss's latency: a histogram, so p95/p99 come from histogram_quantile across instances
        assertThat(value(scrape, "toss_api_request_seconds_count", "endpoint=\"confirm\",outcome=\"2xx\"")).isPositive();
        assertThat(value(scrape, "toss_api_request_seconds_count", "endpoint=\"cancel\",outcome=\"2xx\"")).isPositive();
        assertThat(value(scrape, "toss_api_request_seconds_count", "endpoint=\"confirm\",outcome=\"4xx\"")).isPositive();
        assertThat(scrape).containsPattern("toss_api_request_seconds_bucket\\{endpoint=\"confirm\",outcome=\"2xx\",le=\"[0-9.]+\"}");
        // present from the start, so rates and ratios exist before the first of each
        for (String series : List.of("compensation_total{reason=\"AMOUNT_MISMATCH\"}",
                "subscription_charge_total{result=\"charged\"}", "janitor_resolution_total{outcome=\"settled\"}",
                "payments_unresolved ", "payments_needing_attention ",
                "event_processor_lag_events{processor=\"payment-history\"}",
                "event_processor_lag_events{processor=\"integration-publisher\"}",
                "jvm_memory_used_bytes", "http_server_requests_seconds_count")) {
            assertThat(scrape).as(series).contains(series);
        }
        // Axon's own meters (axon-micrometer, dimensional)
        assertThat(scrape).containsPattern("(?m)^eventProcessor_\\w+\\{[^}]*processorName=\"payment-history\"");
        // bounded labels: no order or member ever becomes a label value
        for (String order : orders) {
            assertThat(scrape).doesNotContain(order);
        }
        assertThat(scrape).doesNotContain(member);
    }

    @Test
    void webhooks_are_counted_by_type_and_result_and_refusals_by_reason() {
        Reply refused = send(request(baseUrl(), "/api/v1/webhooks/toss", null)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"eventType\":\"PAYMENT_STATUS_CHANGED\"}")));
        assertThat(refused.status()).isGreaterThanOrEqualTo(400);
        assertThat(value(scrape(), "webhook_rejected_total", "reason=\"no_transmission_id\"")).isPositive();
    }

    private String scrape() {
        Reply scrape = get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    /** A series' value in the scrape, 0 when absent; {@code labels} is the exact inside of its braces. */
    private static double value(String scrape, String name, String labels) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
