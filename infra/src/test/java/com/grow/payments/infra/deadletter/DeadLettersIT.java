package com.grow.payments.infra.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.VaultFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One subscription whose charge cannot be handled is parked in the dead-letter queue, and every
 * other subscription is still charged; once its cause is gone, an operator's retry charges it. A
 * billing key that does not decrypt is no such failure: it is a hard decline, and the key is flagged.
 */
class DeadLettersIT extends IntegrationTest {

    private static final String PROCESSOR = "subscription-charges";

    private final List<String> started = new ArrayList<>();
    private VaultFault vault;

    @AfterEach
    void repairAndCancel() {
        vault().heal();
        started.forEach(id -> post("/api/v1/subscriptions/" + id + "/cancel", admin(), "{}"));
    }

    @Test
    void a_subscription_whose_charge_fails_is_parked_while_the_others_are_charged_and_a_retry_charges_it() {
        String token = token("member-dlq");
        String parkedKey = billingKey(token);
        String otherKey = billingKey(token);
        vault().breakFor(parkedKey);

        String parked = subscribe(token, parkedKey);
        JsonNode letter = awaitDeadLetter(parked);
        assertThat(letter.path("eventType").asText()).isEqualTo("SubscriptionChargeRequested");
        assertThat(letter.path("aggregateId").asText()).isEqualTo(parked);
        assertThat(letter.path("attempts").asLong()).isEqualTo(1);
        assertThat(letter.path("firstFailedAt").asText()).isNotBlank();
        // the cause names exception types only: no SQL, no values, nothing a message could carry
        assertThat(letter.path("cause").asText()).contains("PSQLException")
                .doesNotContain("SELECT", "billing_key_secret", "division", parkedKey);
        awaitGauge(1);

        String other = subscribe(token, otherKey);
        assertThat(awaitCharge(token, other, "DONE").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(sandbox().stats().billingCharges("sub_" + parked + "_1")).isZero();

        Reply failedAgain = post("/api/v1/admin/dead-letters/" + PROCESSOR + "/" + parked + "/retry", admin(), "");
        assertThat(failedAgain.status()).isEqualTo(202);
        assertThat(awaitDeadLetter(parked).path("attempts").asLong()).isEqualTo(2);

        vault().heal();
        Reply retried = post("/api/v1/admin/dead-letters/" + PROCESSOR + "/" + parked + "/retry", admin(), "");

        assertThat(retried.status()).isEqualTo(202);
        assertThat(awaitCharge(token, parked, "DONE").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(sandbox().stats().billingCharges("sub_" + parked + "_1")).isEqualTo(1);
        assertThat(deadLetter(parked)).isNull();
        awaitGauge(0);
    }

    @Test
    void a_billing_key_that_does_not_decrypt_is_a_hard_decline_and_is_flagged_for_an_operator() {
        String token = token("member-unreadable");
        String unreadableKey = billingKey(token);
        jdbc.update("UPDATE billing_key_secret SET ciphertext = decode('00112233445566778899aabbccddeeff00', 'hex') "
                + "WHERE billing_key_id = ?", unreadableKey);

        String id = subscribe(token, unreadableKey);
        JsonNode view = awaitCharge(token, id, "FAILED");

        assertThat(view.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(view.path("charges").get(0).path("failure").path("code").asText())
                .isEqualTo("BILLING_KEY_UNREADABLE");
        assertThat(sandbox().stats().billingCharges("sub_" + id + "_1")).isZero();
        assertThat(deadLetter(id)).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/v1/admin/billing-keys?needsAttention=true", admin()).json().path("content")
                        .findValuesAsText("billingKeyId")).contains(unreadableKey));
    }

    @Test
    void retrying_a_sequence_that_is_not_parked_is_404_and_members_may_not_see_dead_letters() {
        Reply unknown = post("/api/v1/admin/dead-letters/" + PROCESSOR + "/sub_nothing_here/retry", admin(), "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("DEAD_LETTER_NOT_FOUND");
        Reply noProcessor = post("/api/v1/admin/dead-letters/payment-history/sub_x/retry", admin(), "");
        assertThat(noProcessor.code()).isEqualTo("DEAD_LETTER_NOT_FOUND");

        assertThat(get("/api/v1/admin/dead-letters", token("member-curious")).status()).isEqualTo(403);
    }

    private VaultFault vault() {
        if (vault == null) {
            vault = new VaultFault(jdbc);
        }
        return vault;
    }

    private String admin() {
        return token("ops", "ADMIN");
    }

    private String billingKey(String token) {
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("billingKeyId").asText();
    }

    private String subscribe(String token, String billingKeyId) {
        Reply reply = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"dlq\",\"orderName\":\"Hobby club\",\"amount\":9900,\"cycle\":\"MONTHLY\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().path("subscriptionId").asText();
        started.add(id);
        return id;
    }

    private JsonNode awaitCharge(String token, String id, String status) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            view[0] = get("/api/v1/subscriptions/" + id, token).json();
            assertThat(view[0].path("charges")).as(view[0].toString()).isNotEmpty();
            assertThat(view[0].path("charges").get(0).path("status").asText()).isEqualTo(status);
            assertThat(view[0].path("chargeInProgress").asBoolean()).isFalse();
        });
        return view[0];
    }

    private JsonNode awaitDeadLetter(String sequenceId) {
        JsonNode[] letter = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            letter[0] = deadLetter(sequenceId);
            assertThat(letter[0]).as("dead letter of " + sequenceId).isNotNull();
        });
        return letter[0];
    }

    private JsonNode deadLetter(String sequenceId) {
        Reply list = get("/api/v1/admin/dead-letters", admin());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode letter : list.json().path("content")) {
            if (letter.path("processor").asText().equals(PROCESSOR)
                    && letter.path("sequenceId").asText().equals(sequenceId)) {
                return letter;
            }
        }
        return null;
    }

    private void awaitGauge(double value) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).body()
                .lines().filter(line -> line.startsWith("dead_letters{"))
                .filter(line -> line.contains("processor=\"" + PROCESSOR + "\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .containsExactly(value));
    }
}
