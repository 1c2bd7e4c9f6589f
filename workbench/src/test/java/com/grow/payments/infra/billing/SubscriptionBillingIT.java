package com.grow.payments.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.sandbox.FaultKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Recurring billing over HTTP against the sandbox, on a clock the test moves, with two instances
 * (two schedulers) on one database: every cycle is charged exactly once.
 */
@TestPropertySource(properties = "payments.billing.poll-interval=300ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SubscriptionBillingIT extends IntegrationTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Jan 31, 10:00 in Seoul: a month-end anchor. */
    private static final Instant JAN_31_SEOUL = Instant.parse("2027-01-31T01:00:00Z");

    private static ConfigurableApplicationContext second;
    private final List<String> started = new ArrayList<>();

    @BeforeAll
    static void startSecondScheduler() {
        TestClock.setNow(JAN_31_SEOUL);
        second = new SpringApplicationBuilder(GrowPaymentsApplication.class, TestClock.Configuration.class)
                .profiles("standalone")
                .run("--server.port=0", "--payments.sandbox.port=0", "--payments.billing.poll-interval=300ms",
                        "--toss.read-timeout=1s");
    }

    @AfterAll
    static void stopSecondScheduler() {
        if (second != null) {
            second.close();
        }
        TestClock.reset();
    }

    @AfterEach
    void cancelWhatStarted() {
        sandbox().faults().clear();
        started.forEach(id -> post("/api/v1/subscriptions/" + id + "/cancel", token("ops", "ADMIN"), "{}"));
    }

    private String billingKey(String token, String card) {
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, card);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("billingKeyId").asText();
    }

    private String subscribe(String token, String billingKeyId, String cycle) {
        Reply reply = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"hobby\",\"orderName\":\"Hobby club\",\"amount\":9900,\"cycle\":\"" + cycle + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("status").asText()).isEqualTo("ACTIVE");
        String id = reply.json().path("subscriptionId").asText();
        started.add(id);
        return id;
    }

    private JsonNode subscription(String token, String id) {
        return get("/api/v1/subscriptions/" + id, token).json();
    }

    private JsonNode awaitCharge(String token, String id, int cycleNo, String status) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            view[0] = subscription(token, id);
            JsonNode charge = charge(view[0], cycleNo);
            assertThat(charge).as("cycle " + cycleNo + " in " + view[0]).isNotNull();
            assertThat(charge.path("status").asText()).isEqualTo(status);
            assertThat(view[0].path("chargeInProgress").asBoolean()).isFalse();
        });
        return view[0];
    }

    @org.springframework.beans.factory.annotation.Autowired
    private Clock serviceClock;

    private static JsonNode charge(JsonNode view, int cycleNo) {
        for (JsonNode charge : view.path("charges")) {
            if (charge.path("cycleNo").asInt() == cycleNo) {
                return charge;
            }
        }
        return null;
    }

    private static void moveTo(JsonNode view) {
        TestClock.setNow(OffsetDateTime.parse(view.path("nextChargeAt").asText()).toInstant());
    }

    @Test
    void twelve_monthly_cycles_from_a_month_end_are_charged_once_each_across_two_schedulers() {
        String token = token("member-monthly");
        TestClock.setNow(JAN_31_SEOUL); // other tests move the clock; this one needs its month-end anchor
        String id = subscribe(token, billingKey(token, null), "MONTHLY");
        List<String> dueDays = new ArrayList<>();

        for (int cycle = 1; cycle <= 12; cycle++) {
            JsonNode view = awaitCharge(token, id, cycle, "DONE");
            String orderId = charge(view, cycle).path("orderId").asText();
            assertThat(orderId).isEqualTo("sub_" + id + "_" + cycle);
            assertThat(sandbox().stats().billingCharges(orderId)).as("charges of " + orderId).isEqualTo(1);
            assertThat(sandbox().stats().approvals(orderId)).isEqualTo(1);
            dueDays.add(OffsetDateTime.parse(view.path("nextChargeAt").asText()).atZoneSameInstant(SEOUL)
                    .toLocalDate().toString());
            moveTo(view);
        }

        assertThat(dueDays).startsWith("2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30")
                .contains("2027-12-31", "2028-01-31");
        assertThat(subscription(token, id).path("charges")).hasSize(12);
    }

    @Test
    void a_declined_charge_is_retried_after_a_day_and_a_success_resets_the_count() {
        String token = token("member-dunning");
        sandbox().faults().inject("billing", FaultKind.CARD_DECLINED, 1);
        String id = subscribe(token, billingKey(token, null), "MONTHLY");

        JsonNode pastDue = awaitCharge(token, id, 1, "FAILED");
        assertThat(pastDue.path("status").asText()).isEqualTo("PAST_DUE");
        assertThat(pastDue.path("failedAttempts").asInt()).isEqualTo(1);
        Duration untilRetry = Duration.between(serviceClock.instant(),
                OffsetDateTime.parse(pastDue.path("nextChargeAt").asText()).toInstant());
        // the clock goes on ticking: a day after the failure, give or take the seconds the test took
        assertThat(untilRetry).isBetween(Duration.ofDays(1).minusMinutes(1), Duration.ofDays(1));
        moveTo(pastDue);

        JsonNode recovered = awaitCharge(token, id, 1, "DONE");
        assertThat(recovered.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(recovered.path("failedAttempts").asInt()).isZero();
        assertThat(sandbox().stats().approvals("sub_" + id + "_1")).isEqualTo(1);
    }

    @Test
    void a_card_that_keeps_declining_is_retried_three_times_then_suspended_and_resume_charges_once() {
        String token = token("member-suspended");
        sandbox().faults().inject("billing", FaultKind.CARD_DECLINED, 4);
        String id = subscribe(token, billingKey(token, null), "MONTHLY");

        JsonNode view = awaitCharge(token, id, 1, "FAILED");
        for (int failures = 2; failures <= 4; failures++) {
            moveTo(view);
            int expected = failures;
            // the last decline and the suspension are two events: the read model may show one before the other
            String status = failures == 4 ? "SUSPENDED" : "PAST_DUE";
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode now = subscription(token, id);
                assertThat(now.path("failedAttempts").asInt()).isEqualTo(expected);
                assertThat(now.path("status").asText()).isEqualTo(status);
            });
            view = subscription(token, id);
        }
        assertThat(view.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(sandbox().stats().billingCharges("sub_" + id + "_1")).isEqualTo(4);

        Reply resumed = post("/api/v1/subscriptions/" + id + "/resume", token, "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(charge(resumed.json(), 1).path("status").asText()).isEqualTo("DONE");
        assertThat(sandbox().stats().approvals("sub_" + id + "_1")).isEqualTo(1);
    }

    @Test
    void a_card_that_cannot_be_charged_suspends_at_once() {
        String token = token("member-expired-card");
        String id = subscribe(token, billingKey(token, "INVALID_CARD_EXPIRATION"), "MONTHLY");

        JsonNode view = awaitCharge(token, id, 1, "FAILED");

        assertThat(view.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(charge(view, 1).path("failure").path("code").asText()).isEqualTo("INVALID_CARD_EXPIRATION");
    }

    @Test
    void downtime_across_two_due_dates_charges_each_missed_cycle_once() {
        String token = token("member-downtime");
        String id = subscribe(token, billingKey(token, null), "WEEKLY");
        JsonNode first = awaitCharge(token, id, 1, "DONE");
        Instant due2 = OffsetDateTime.parse(first.path("nextChargeAt").asText()).toInstant();

        TestClock.setNow(due2.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));

        awaitCharge(token, id, 3, "DONE");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(subscription(token, id).path("charges")).hasSize(3));
        for (int cycle = 1; cycle <= 3; cycle++) {
            assertThat(sandbox().stats().billingCharges("sub_" + id + "_" + cycle)).isEqualTo(1);
        }
    }

    @Test
    void deleting_the_billing_key_suspends_its_subscriptions_and_nothing_is_charged_again() {
        String token = token("member-delete-card");
        String billingKeyId = billingKey(token, null);
        String id = subscribe(token, billingKeyId, "DAILY");
        JsonNode first = awaitCharge(token, id, 1, "DONE");

        Reply deleted = send(request(baseUrl(), "/api/v1/billing-keys/" + billingKeyId, token).DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(subscription(token, id).path("status").asText()).isEqualTo("SUSPENDED"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_key_secret WHERE billing_key_id = ?",
                Long.class, billingKeyId)).isZero();

        moveTo(first);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(sandbox().stats().billingCharges("sub_" + id + "_2")).isZero());
        Reply again = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"p\",\"orderName\":\"x\",\"amount\":1000,\"cycle\":\"DAILY\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("BILLING_KEY_NOT_FOUND");
    }

    @Test
    void the_billing_key_is_stored_nowhere_in_clear() {
        String token = token("member-secret-key");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        String billingKey = sandbox().billingKeyOf(customerKey).orElseThrow();

        assertThat(issued.body()).doesNotContain(billingKey);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE position(? in convert_from(payload, 'UTF8')) > 0 OR position(? in convert_from(meta_data, 'UTF8')) > 0",
                Long.class, billingKey, billingKey)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_key_secret s WHERE position(? in s::text) > 0",
                Long.class, billingKey)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry WHERE position(? in convert_from(serialized_saga, 'UTF8')) > 0",
                Long.class, billingKey)).isZero();
    }

    @Test
    void a_customer_key_that_looks_like_a_member_id_is_refused() {
        String token = token("member-guessable");
        Reply refused = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"whatever\",\"customerKey\":\"member-guessable\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).contains("customerKey");
    }

    @Test
    void a_charge_whose_answer_was_lost_is_looked_up_not_charged_again() {
        String token = token("member-lost-charge");
        sandbox().faults().inject("billing", FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(2));
        String id = subscribe(token, billingKey(token, null), "MONTHLY");

        JsonNode view = awaitCharge(token, id, 1, "DONE");

        assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(sandbox().stats().billingCharges("sub_" + id + "_1")).isEqualTo(1);
        assertThat(sandbox().stats().approvals("sub_" + id + "_1")).isEqualTo(1);
    }
}
