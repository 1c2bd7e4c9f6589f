package com.grow.payments.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.sandbox.SandboxPayment;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Cards on file: a subscription suspended for its card takes another card of its member and resumes
 * with exactly one charge of the overdue cycle, on the new card, keeping its anchor day; the old
 * card is never charged for it again, and deleting it no longer touches the subscription.
 */
@TestPropertySource(properties = "payments.billing.poll-interval=300ms")
class SubscriptionCardChangeIT extends IntegrationTest {

    /** Mar 10, 10:00 in Seoul. */
    private static final Instant MAR_10_SEOUL = Instant.parse("2027-03-10T01:00:00Z");

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void fixTheClock() {
        TestClock.setNow(MAR_10_SEOUL);
    }

    @AfterEach
    void cancelWhatStarted() {
        started.forEach(id -> post("/api/v1/subscriptions/" + id + "/cancel", token("ops", "ADMIN"), "{}"));
        TestClock.reset();
    }

    @Test
    void a_subscription_suspended_for_a_declined_card_takes_a_new_card_and_resumes_with_exactly_one_charge() {
        String token = token("member-new-card");
        String oldCard = card(token, "INVALID_CARD_EXPIRATION");
        String id = subscribe(token, oldCard);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(subscription(token, id).path("status").asText()).isEqualTo("SUSPENDED"));
        String orderId = "sub_" + id + "_1";
        assertThat(sandbox().stats().billingCharges(orderId)).isEqualTo(1);

        String[] newCard = cardWithCustomer(token);
        TestClock.setNow(MAR_10_SEOUL.plus(Duration.ofDays(3)));
        Reply changed = put("/api/v1/subscriptions/" + id + "/billing-key", token,
                "{\"billingKeyId\":\"" + newCard[0] + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("billingKeyId").asText()).isEqualTo(newCard[0]);
        assertThat(changed.json().path("status").asText()).isEqualTo("SUSPENDED");

        Reply resumed = post("/api/v1/subscriptions/" + id + "/resume", token, "");

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(sandbox().stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox().stats().billingCharges(orderId)).as("the declined try and the one on the new card")
                .isEqualTo(2);
        SandboxPayment paid = sandbox().payment(orderId).orElseThrow();
        assertThat(paid.customerKey()).isEqualTo(newCard[1]);
        LocalDate nextDue = OffsetDateTime.parse(resumed.json().path("nextChargeAt").asText())
                .atZoneSameInstant(SEOUL).toLocalDate();
        assertThat(nextDue).as("the anchor day stays").isEqualTo(LocalDate.of(2027, 4, 10));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(sandbox().stats().billingCharges(orderId)).isEqualTo(2));
    }

    @Test
    void a_subscription_whose_card_was_deleted_resumes_on_the_new_card_and_the_old_one_is_never_charged() {
        String token = token("member-deleted-card");
        String oldCard = card(token, null);
        String id = subscribe(token, oldCard);
        JsonNode first = awaitDone(token, id, 1);
        assertThat(send(request(baseUrl(), "/api/v1/billing-keys/" + oldCard, token).DELETE()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(subscription(token, id).path("status").asText()).isEqualTo("SUSPENDED"));
        TestClock.setNow(OffsetDateTime.parse(first.path("nextChargeAt").asText()).toInstant().plus(Duration.ofDays(2)));

        Reply refused = put("/api/v1/subscriptions/" + id + "/billing-key", token,
                "{\"billingKeyId\":\"" + oldCard + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("BILLING_KEY_DELETED");

        String[] newCard = cardWithCustomer(token);
        assertThat(put("/api/v1/subscriptions/" + id + "/billing-key", token,
                "{\"billingKeyId\":\"" + newCard[0] + "\"}").status()).isEqualTo(200);
        Reply resumed = post("/api/v1/subscriptions/" + id + "/resume", token, "");

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        String orderId = "sub_" + id + "_2";
        assertThat(sandbox().stats().billingCharges(orderId)).isEqualTo(1);
        assertThat(sandbox().payment(orderId).orElseThrow().customerKey()).isEqualTo(newCard[1]);
        assertThat(OffsetDateTime.parse(resumed.json().path("nextChargeAt").asText()).atZoneSameInstant(SEOUL)
                .toLocalDate()).isEqualTo(LocalDate.of(2027, 5, 10));
    }

    @Test
    void after_a_card_change_deleting_the_old_card_leaves_the_subscription_active_and_deleting_the_new_one_suspends_it() {
        String token = token("member-card-handover");
        String oldCard = card(token, null);
        String id = subscribe(token, oldCard);
        awaitDone(token, id, 1);
        String newCard = card(token, null);
        assertThat(put("/api/v1/subscriptions/" + id + "/billing-key", token,
                "{\"billingKeyId\":\"" + newCard + "\"}").status()).isEqualTo(200);

        assertThat(send(request(baseUrl(), "/api/v1/billing-keys/" + oldCard, token).DELETE()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/v1/billing-keys/" + oldCard, token).json().path("status").asText()).isEqualTo("DELETED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(subscription(token, id).path("status").asText()).isEqualTo("ACTIVE"));

        assertThat(send(request(baseUrl(), "/api/v1/billing-keys/" + newCard, token).DELETE()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(subscription(token, id).path("status").asText()).isEqualTo("SUSPENDED"));
    }

    @Test
    void another_members_card_or_an_unknown_one_is_not_found_and_nothing_changes() {
        String token = token("member-own-cards");
        String mine = card(token, null);
        String id = subscribe(token, mine);
        String theirs = card(token("member-other-cards"), null);

        for (String billingKeyId : List.of(theirs, "bk_unknown", id)) {
            Reply refused = put("/api/v1/subscriptions/" + id + "/billing-key", token,
                    "{\"billingKeyId\":\"" + billingKeyId + "\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("BILLING_KEY_NOT_FOUND");
        }
        Reply stranger = put("/api/v1/subscriptions/" + id + "/billing-key", token("member-other-cards"),
                "{\"billingKeyId\":\"" + theirs + "\"}");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
        Reply blank = put("/api/v1/subscriptions/" + id + "/billing-key", token, "{}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(subscription(token, id).path("billingKeyId").asText()).isEqualTo(mine);
    }

    private Reply put(String path, String token, String body) {
        return send(request(baseUrl(), path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String card(String token, String outcome) {
        return registerCard(token, outcome);
    }

    /** A good card: its billingKeyId and the Toss customerKey charges on it carry. */
    private String[] cardWithCustomer(String token) {
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return new String[] {issued.json().path("billingKeyId").asText(), customerKey};
    }

    private String subscribe(String token, String billingKeyId) {
        Reply reply = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"piano\",\"orderName\":\"Piano lessons\",\"amount\":33000,\"cycle\":\"MONTHLY\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().path("subscriptionId").asText();
        started.add(id);
        return id;
    }

    private JsonNode subscription(String token, String id) {
        return get("/api/v1/subscriptions/" + id, token).json();
    }

    private JsonNode awaitDone(String token, String id, int cycleNo) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            view[0] = subscription(token, id);
            assertThat(view[0].path("chargeInProgress").asBoolean()).isFalse();
            assertThat(view[0].path("charges").findValuesAsText("status")).hasSize(cycleNo).containsOnly("DONE");
        });
        return view[0];
    }
}
