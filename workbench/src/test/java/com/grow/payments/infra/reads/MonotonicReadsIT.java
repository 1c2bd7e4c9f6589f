package com.grow.payments.infra.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a command's answer, a GET by the same caller never shows an earlier state, even while the
 * read model lags. The lag is made certain: a read-model table is locked against writes (reads go
 * on), so every instance's projection waits while the test reads.
 */
class MonotonicReadsIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void a_402_decline_is_never_followed_by_a_get_of_an_earlier_state() {
        String token = token("member-monotonic-decline");
        String[] payment = checkoutAndAuthorize(token, 5000, "REJECT_CARD_PAYMENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/payments/" + payment[0], token).status() == 200);

        JsonNode seen = whileLocked("payment_view", () -> {
            Reply declined = confirm(token, payment[0], payment[1], 5000);
            assertThat(declined.status()).as(declined.body()).isEqualTo(402);
            assertThat(declined.code()).isEqualTo("REJECT_CARD_PAYMENT");
            return get("/api/v1/payments/" + payment[0], token).json();
        });

        assertThat(seen.path("status").asText()).isEqualTo("ABORTED");
        assertThat(seen.path("failure").path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storedStatus(payment[0]))
                .isEqualTo("ABORTED"));
        assertThat(status(payment[0], token)).isEqualTo("ABORTED");
    }

    @Test
    void a_checkout_answered_201_is_found_before_the_read_model_has_it() {
        String token = token("member-monotonic-checkout");
        Reply seen = whileLocked("payment_view", () -> {
            Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Hobby class\",\"amount\":3000}");
            assertThat(checkout.status()).isEqualTo(201);
            return get("/api/v1/payments/" + checkout.json().path("orderId").asText(), token);
        });
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().path("status").asText()).isEqualTo("READY");
    }

    @Test
    void a_subscription_answered_is_read_as_answered_and_its_id_is_no_payment() {
        String token = token("member-monotonic-subscription");
        String billingKeyId = registerCard(token, null);
        String subscriptionId = whileLocked("subscription_view", () -> {
            Reply started = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                    + "\",\"planId\":\"hobby\",\"orderName\":\"Hobby club\",\"amount\":9900,\"cycle\":\"MONTHLY\","
                    + "\"startDate\":\"2090-01-01\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String id = started.json().path("subscriptionId").asText();
            Reply read = get("/api/v1/subscriptions/" + id, token);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("status").asText()).isEqualTo("ACTIVE");
            // another kind of record under the same id: not found, never a 500
            assertThat(get("/api/v1/payments/" + id, token).status()).isEqualTo(404);
            assertThat(get("/api/v1/subscriptions/" + id, token("member-monotonic-stranger")).status()).isEqualTo(404);
            return id;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> storedSubscriptionStatus(subscriptionId) != null);

        JsonNode afterCancel = whileLocked("subscription_view", () -> {
            Reply canceled = post("/api/v1/subscriptions/" + subscriptionId + "/cancel", token, "{}");
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            assertThat(storedSubscriptionStatus(subscriptionId)).as("the read model lags").isEqualTo("ACTIVE");
            return get("/api/v1/subscriptions/" + subscriptionId, token).json();
        });
        assertThat(afterCancel.path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void a_card_registered_or_removed_is_read_and_listed_as_answered() {
        String token = token("member-monotonic-card");
        String billingKeyId = whileLocked("billing_key_view", () -> {
            String id = registerCard(token, null);
            JsonNode one = get("/api/v1/billing-keys/" + id, token).json();
            assertThat(one.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(one.path("cardNumberMasked").asText()).contains("*");
            assertThat(one.has("memberId")).isFalse();
            JsonNode list = get("/api/v1/billing-keys", token).json();
            assertThat(list.path("content")).extracting(k -> k.path("billingKeyId").asText()).containsExactly(id);
            assertThat(get("/api/v1/billing-keys/" + id, token("member-monotonic-stranger")).status()).isEqualTo(404);
            assertThat(get("/api/v1/billing-keys", token("member-monotonic-stranger")).json().path("content"))
                    .isEmpty();
            return id;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(storedCardStatus(billingKeyId)));
        assertThat(get("/api/v1/billing-keys", token).json().path("content").get(0).path("status").asText())
                .isEqualTo("ACTIVE");

        JsonNode afterDelete = whileLocked("billing_key_view", () -> {
            Reply deleted = send(request(baseUrl(), "/api/v1/billing-keys/" + billingKeyId, token).DELETE());
            assertThat(deleted.status()).isIn(202, 204);
            assertThat(storedCardStatus(billingKeyId)).as("the read model lags").isEqualTo("ACTIVE");
            assertThat(get("/api/v1/billing-keys/" + billingKeyId, token).json().path("status").asText())
                    .isIn("DELETING", "DELETED");
            return get("/api/v1/billing-keys", token).json().path("content").get(0);
        });
        assertThat(afterDelete.path("status").asText()).isIn("DELETING", "DELETED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/v1/billing-keys/" + billingKeyId, token).json().path("status").asText()).isEqualTo("DELETED"));
    }

    private String storedStatus(String orderId) {
        return stored("SELECT status FROM payment_view WHERE order_id = ?", orderId);
    }

    private String storedSubscriptionStatus(String subscriptionId) {
        return stored("SELECT status FROM subscription_view WHERE subscription_id = ?", subscriptionId);
    }

    private String storedCardStatus(String billingKeyId) {
        return stored("SELECT status FROM billing_key_view WHERE billing_key_id = ?", billingKeyId);
    }

    /** What the read model holds right now (plain reads pass the lock); null when it has no row. */
    private String stored(String query, String id) {
        return jdbc.query(query, rs -> rs.next() ? rs.getString(1) : null, id);
    }

    /**
     * Runs the work while the read-model table takes no writes: its projection waits for the lock,
     * as a projection behind on a busy day would, while plain reads go on.
     */
    private <T> T whileLocked(String table, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
                return work.get();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
