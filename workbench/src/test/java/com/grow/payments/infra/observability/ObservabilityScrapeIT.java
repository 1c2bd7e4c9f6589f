package com.grow.payments.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every metric the checked-in dashboard and alert rules read ({@code docs/observability/}) is on
 * a real scrape of {@code /actuator/prometheus}, after a small day of business: a payment
 * approved, one declined, a partial cancel, a webhook accepted and one refused. A panel or an
 * alert on a metric the service does not expose would show nothing and never fire.
 */
class ObservabilityScrapeIT extends IntegrationTest {

    @Autowired
    private Clock clock;

    @Test
    void every_metric_the_dashboard_and_the_alerts_read_is_on_a_real_scrape() {
        Path root = PromQlMetrics.repositoryRoot();
        Set<String> used = PromQlMetrics.allMetrics(root);
        // the unit test pins the names; here, the same extraction found them in the files
        Set<String> pinned = new TreeSet<>(ObservabilityFilesTest.DASHBOARD_METRICS);
        pinned.addAll(ObservabilityFilesTest.ALERT_METRICS);
        assertThat(used).containsExactlyInAnyOrderElementsOf(pinned);

        String token = token("member-observability-" + UUID.randomUUID());
        String[] approved = checkoutAndAuthorize(token, 30_000, null);
        assertThat(confirm(token, approved[0], approved[1], 30_000).status()).isEqualTo(200);
        String[] declined = checkoutAndAuthorize(token, 30_000, "REJECT_CARD_PAYMENT");
        assertThat(confirm(token, declined[0], declined[1], 30_000).status()).isEqualTo(402);
        assertThat(post("/api/v1/payments/" + approved[0] + "/cancel", token,
                "{\"cancelReason\":\"one lesson missed\",\"cancelAmount\":10000}").status()).isEqualTo(200);
        // a webhook Toss sends and this service only acknowledges, and one without its transmission id
        assertThat(webhook("{\"eventType\":\"CANCEL_STATUS_CHANGED\",\"data\":{}}", "whtrans_" + UUID.randomUUID())
                .status()).isEqualTo(200);
        assertThat(webhook("{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{}}", null).status())
                .isGreaterThanOrEqualTo(400);

        // processors count, publish and project on their own threads: wait for every series
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String scrape = scrape();
            List<String> missing = used.stream().filter(name -> !exposes(scrape, name)).toList();
            assertThat(missing).as("metrics the dashboard or alerts read that /actuator/prometheus does not expose")
                    .isEmpty();
        });

        String scrape = scrape();
        // the labels the queries select on carry the values they select
        assertThat(scrape).contains("payment_approval_total{method=\"CARD\",result=\"approved\"}");
        assertThat(scrape).containsPattern("(?m)^toss_api_request_seconds_bucket\\{endpoint=\"confirm\",outcome=\"2xx\",le=\"[0-9.]+\"}");
        assertThat(scrape).contains("event_processor_lag_events{processor=\"integration-publisher\"}");
        assertThat(scrape).contains("jvm_memory_used_bytes{area=\"heap\"");
        assertThat(scrape).contains("webhook_rejected_total{reason=\"no_transmission_id\"}");
        assertThat(scrape).contains("payment_error_total{code=\"REJECT_CARD_PAYMENT\"}");
        assertThat(scrape).containsPattern("(?m)^eventProcessor_latency\\{processorName=\"payment-history\"}");
    }

    /** A sample of the metric: a line starting with its name, then its labels or its value. */
    private static boolean exposes(String scrape, String metric) {
        return Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(scrape).find();
    }

    private Reply webhook(String body, String transmissionId) {
        HttpRequest.Builder request = request(baseUrl(), "/api/v1/webhooks/toss", null)
                .header("Content-Type", "application/json")
                .header("tosspayments-webhook-transmission-time", OffsetDateTime.now(clock).toString())
                .header("tosspayments-webhook-transmission-retried-count", "0");
        if (transmissionId != null) {
            request.header("tosspayments-webhook-transmission-id", transmissionId);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String scrape() {
        Reply scrape = get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }
}
