package com.grow.payments.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registering a card when Toss's answer to the billing-key issue is lost or a 5xx: the outcome is
 * unknown, not a refusal (a live key may exist at Toss), it is flagged for an operator, and the
 * same authKey is never sent to Toss again.
 */
class BillingKeyIssueFaultsIT extends IntegrationTest {

    @AfterEach
    void clearFaults() {
        sandbox().faults().clearFaults();
    }

    @Test
    void a_lost_answer_is_unknown_flagged_for_an_operator_and_the_same_authkey_is_refused_without_reaching_toss() {
        String token = token("member-lost-issue");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        sandbox().faults().inject(FaultPlan.BILLING_ISSUE, FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(3));

        Reply first = issue(token, authKey, customerKey);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().path("status").asText()).isEqualTo("UNKNOWN");
        String billingKeyId = first.json().path("billingKeyId").asText();
        assertThat(sandbox().billingKeyOf(customerKey)).as("Toss issued a live key").isPresent();
        awaitFlagged(billingKeyId, "ISSUE_OUTCOME_UNKNOWN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).body()
                .lines().filter(line -> line.startsWith("billing_keys_needing_attention"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .singleElement().satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1.0)));

        long issueCalls = sandbox().stats().requests(FaultPlan.BILLING_ISSUE);
        Reply again = issue(token, authKey, customerKey);

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("AUTH_KEY_ALREADY_USED");
        assertThat(again.json().path("billingKeyId").asText()).isEqualTo(billingKeyId);
        assertThat(sandbox().stats().requests(FaultPlan.BILLING_ISSUE)).isEqualTo(issueCalls);
    }

    @Test
    void a_server_error_from_toss_is_unknown_not_a_refusal() {
        String token = token("member-5xx-issue");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        sandbox().faults().inject(FaultPlan.BILLING_ISSUE, FaultKind.SERVER_ERROR, 1);

        Reply reply = issue(token, authKey, customerKey);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("status").asText()).isEqualTo("UNKNOWN");
        awaitFlagged(reply.json().path("billingKeyId").asText(), "ISSUE_OUTCOME_UNKNOWN");
    }

    @Test
    void another_members_retry_of_a_used_authkey_is_refused_without_naming_the_key() {
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        assertThat(issue(token("member-first"), authKey, customerKey).status()).isEqualTo(201);

        Reply again = issue(token("member-second"), authKey, customerKey);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("AUTH_KEY_ALREADY_USED");
        assertThat(again.json().has("billingKeyId")).isFalse();
    }

    @Test
    void an_authkey_toss_refused_may_be_sent_again() {
        String token = token("member-refused-issue");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);

        Reply refused = issue(token, authKey, UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);

        Reply issued = issue(token, authKey, customerKey);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }

    private Reply issue(String token, String authKey, String customerKey) {
        return post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
    }

    private void awaitFlagged(String billingKeyId, String reason) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reply flagged = get("/api/v1/admin/billing-keys?needsAttention=true", token("ops", "ADMIN"));
            assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);
            assertThat(flagged.json().path("content")).anySatisfy(flag -> {
                assertThat(flag.path("billingKeyId").asText()).isEqualTo(billingKeyId);
                assertThat(flag.path("reason").asText()).isEqualTo(reason);
            });
        });
    }
}
