package com.grow.payments.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authKey of Toss's billing window is a one-time secret: it is sealed outside the event store
 * while the billing key is issued and gone once Toss has answered. No stored event ever holds it.
 */
class AuthKeyCustodyIT extends IntegrationTest {

    @Test
    void after_a_billing_key_is_issued_no_event_and_no_table_holds_the_authkey() {
        String token = token("member-auth-key-custody");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);

        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String billingKeyId = issued.json().path("billingKeyId").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM billing_auth_key WHERE billing_key_id = ?", Long.class, billingKeyId)).isZero());
        List<String> stored = jdbc.query("SELECT payload, meta_data FROM domain_event_entry", (rs, n) ->
                new String(rs.getBytes(1), StandardCharsets.UTF_8) + " "
                        + (rs.getBytes(2) == null ? "" : new String(rs.getBytes(2), StandardCharsets.UTF_8)));
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(authKey));
        assertThat(jdbc.queryForList("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%BillingKeyIssueRequested'", String.class, billingKeyId))
                .containsExactly("2");
        Reply trail = get("/api/v1/billing-keys", token);
        assertThat(trail.body()).doesNotContain(authKey);
    }

    @Test
    void a_refused_issuance_does_not_keep_the_authkey_either() {
        String token = token("member-auth-key-refused");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        long keptBefore = jdbc.queryForObject("SELECT count(*) FROM billing_auth_key", Long.class);

        // another customer's authKey: Toss refuses, the authKey stays unused at Toss but not with us
        Reply refused = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + UUID.randomUUID() + "\"}");

        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM billing_auth_key", Long.class)).isLessThanOrEqualTo(keptBefore));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8')"
                + " LIKE ?", Long.class, "%" + authKey + "%")).isZero();
    }
}
