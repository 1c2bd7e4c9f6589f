package com.grow.payments.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.infra.events.TopicTail.Received;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import com.grow.payments.sandbox.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The published language for the flows {@link IntegrationEventsIT} leaves out: virtual accounts
 * (issue, deposit, deposit error, expiry, refund and withdrawal), subscriptions (charged,
 * declined and retried, declined hard, suspended), a billing key deleted, and a compensated
 * approval. Each flow is driven through the service's HTTP API and the Toss sandbox, and each
 * event it publishes must arrive exactly once, keyed by its subject, valid against its schema and
 * carrying the right data. The topic and database are shared with other test classes, so every
 * look is filtered by subject.
 */
class IntegrationEventFlowsIT extends IntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String REFUND_ACCOUNT =
            "\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"1234567890\",\"holderName\":\"김그로\"}";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${payments.events.topic}")
    String topic;

    private TopicTail tail;
    private final EventSchemas schemas = new EventSchemas();
    /** Every subject a test looked at, with the number of events it expects about it, for the final check. */
    private final Map<String, Integer> expected = new LinkedHashMap<>();

    @BeforeEach
    void tailTheTopic() {
        TestClock.reset();
        tail = TopicTail.shared(bootstrapServers, topic);
    }

    @AfterEach
    void restore() {
        TestClock.reset();
        sandbox().faults().clear();
    }

    // ---------------------------------------------------------------- virtual accounts

    @Test
    void a_virtual_account_issued_paid_and_reversed_is_told_in_order_and_never_with_its_secret() {
        String member = "member-flow-va";
        String token = token(member);
        JsonNode opened = openAccount(token, 21_000, 24);
        String orderId = opened.path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        assertThat(secret).isNotBlank();

        Received issued = awaitEvents(orderId, 1).get(0);
        assertThat(issued.type()).isEqualTo("grow.payments.VirtualAccountIssued");
        assertEnvelope(issued, orderId, member);
        assertThat(issued.data().path("amount").asLong()).isEqualTo(21_000);
        assertThat(issued.data().path("currency").asText()).isEqualTo("KRW");
        assertThat(issued.data().path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(issued.data().path("orderName").asText()).isEqualTo("Ceramics class");
        assertThat(issued.data().path("bank").asText()).isEqualTo("20");
        assertThat(issued.data().path("accountNumber").asText()).isNotBlank()
                .isEqualTo(opened.path("virtualAccount").path("accountNumber").asText());
        assertThat(issued.data().path("dueDate").asText()).isNotBlank();
        assertThat(instant(issued.data().path("dueDate")))
                .isEqualTo(instant(opened.path("virtualAccount").path("dueDate")));
        String paymentKey = issued.data().path("paymentKey").asText();
        assertThat(paymentKey).isNotBlank();

        // the buyer deposits; Toss's callback carries the secret, and a look-up at Toss confirms it
        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));
        Received deposited = awaitEvents(orderId, 2).get(1);
        assertThat(deposited.type()).isEqualTo("grow.payments.VirtualAccountDeposited");
        assertEnvelope(deposited, orderId, member);
        assertThat(deposited.data().path("amount").asLong()).isEqualTo(21_000);
        assertThat(deposited.data().path("status").asText()).isEqualTo("DONE");
        assertThat(deposited.data().path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(deposited.data().path("depositedAt").asText()).isNotBlank();

        // Toss reverses the deposit (a deposit error at the bank)
        sandbox().depositError(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "WAITING_FOR_DEPOSIT")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(orderId, token)).isEqualTo("WAITING_FOR_DEPOSIT"));
        List<Received> events = awaitEvents(orderId, 3);
        assertThat(events).extracting(Received::type).containsExactly("grow.payments.VirtualAccountIssued",
                "grow.payments.VirtualAccountDeposited", "grow.payments.VirtualAccountDepositReversed");
        Received reversed = events.get(2);
        assertEnvelope(reversed, orderId, member);
        assertThat(reversed.data().path("amount").asLong()).as("the deposited amount is taken back").isEqualTo(21_000);
        assertThat(reversed.data().path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(reversed.data().path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(reversed.data().path("reversedAt").asText()).isNotBlank();

        assertStrictlyIncreasingSeq(events);
        assertThat(events).extracting(Received::id).doesNotHaveDuplicates();
        for (Received event : events) {
            assertThat(event.event().toString()).doesNotContain(secret).doesNotContainIgnoringCase("secret");
        }
        assertNothingMore();
    }

    @Test
    void a_virtual_account_whose_due_date_passes_unpaid_is_told_expired_not_failed() {
        String member = "member-flow-va-expiry";
        String token = token(member);
        SandboxClock tossClock = (SandboxClock) sandbox().clock();
        tossClock.set(Instant.now()); // an earlier test may have moved Toss's clock: due dates count from now
        String orderId = openAccount(token, 5_000, 1).path("orderId").asText();
        Received issued = awaitEvents(orderId, 1).get(0);
        assertThat(issued.type()).isEqualTo("grow.payments.VirtualAccountIssued");

        // two hours later at Toss and here: the one-hour account is past due, and Toss sends nothing
        tossClock.advance(Duration.ofHours(2));
        TestClock.setNow(Instant.now().plus(Duration.ofHours(2)));
        List<Received> events;
        try {
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("EXPIRED"));
            events = awaitEvents(orderId, 2);
        } finally {
            TestClock.reset();
            tossClock.advance(Duration.ofHours(-2));
        }

        assertThat(events).extracting(Received::type)
                .containsExactly("grow.payments.VirtualAccountIssued", "grow.payments.VirtualAccountExpired");
        Received expired = events.get(1);
        assertEnvelope(expired, orderId, member);
        assertThat(expired.data().path("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.data().path("amount").asLong()).isEqualTo(5_000);
        assertThat(expired.data().path("orderName").asText()).isEqualTo("Ceramics class");
        assertThat(expired.data().path("paymentKey").asText()).isEqualTo(issued.data().path("paymentKey").asText());
        assertThat(instant(expired.data().path("dueDate"))).isEqualTo(instant(issued.data().path("dueDate")));
        // expiredAt is when the domain event was stored: the wall clock, which the test's moved clock does not move
        assertThat(instant(expired.data().path("expiredAt"))).isNotNull();
        assertStrictlyIncreasingSeq(events);
        assertNothingMore();
    }

    @Test
    void refunding_a_paid_account_gives_the_money_back_and_withdrawing_an_unpaid_one_refunds_nothing() {
        String member = "member-flow-va-refund";
        String token = token(member);

        String paid = openAccount(token, 18_000, 24).path("orderId").asText();
        String secret = atToss(paid).path("secret").asText();
        sandbox().deposit(paid);
        assertThat(webhook(depositCallback(paid, secret, "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(paid, token)).isEqualTo("DONE"));
        Reply refunded = post("/api/v1/payments/" + paid + "/cancel", token,
                "{\"cancelReason\":\"class full\"," + REFUND_ACCOUNT + "}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("status").asText()).isEqualTo("CANCELED");

        String unpaid = openAccount(token, 9_000, 24).path("orderId").asText();
        awaitEvents(unpaid, 1);
        // withdrawn by its owner: an unpaid account has no approval, so no owner window applies
        Reply withdrawn = post("/api/v1/payments/" + unpaid + "/cancel", token,
                "{\"cancelReason\":\"changed my mind\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("CANCELED");

        List<Received> paidEvents = awaitEvents(paid, 3);
        assertThat(paidEvents).extracting(Received::type).containsExactly("grow.payments.VirtualAccountIssued",
                "grow.payments.VirtualAccountDeposited", "grow.payments.PaymentCanceled");
        Received refund = paidEvents.get(2);
        assertEnvelope(refund, paid, member);
        assertThat(refund.data().path("cancelAmount").asLong()).isEqualTo(18_000);
        assertThat(refund.data().path("totalAmount").asLong()).isEqualTo(18_000);
        assertThat(refund.data().path("balanceAmount").asLong()).isZero();
        assertThat(refund.data().path("status").asText()).isEqualTo("CANCELED");
        assertThat(refund.data().path("cancelReason").asText()).isEqualTo("class full");
        assertThat(refund.data().path("paymentKey").asText())
                .isEqualTo(paidEvents.get(0).data().path("paymentKey").asText());
        assertThat(refund.data().path("canceledAt").asText()).isNotBlank();
        assertStrictlyIncreasingSeq(paidEvents);

        List<Received> unpaidEvents = awaitEvents(unpaid, 2);
        assertThat(unpaidEvents).extracting(Received::type)
                .containsExactly("grow.payments.VirtualAccountIssued", "grow.payments.PaymentCanceled");
        Received withdrawal = unpaidEvents.get(1);
        assertEnvelope(withdrawal, unpaid, member);
        assertThat(withdrawal.data().path("cancelAmount").asLong()).as("nothing was paid, nothing goes back").isZero();
        assertThat(withdrawal.data().path("totalAmount").asLong()).isEqualTo(9_000);
        assertThat(withdrawal.data().path("balanceAmount").asLong()).isZero();
        assertThat(withdrawal.data().path("status").asText()).isEqualTo("CANCELED");
        assertThat(withdrawal.data().path("cancelReason").asText()).isEqualTo("changed my mind");
        assertStrictlyIncreasingSeq(unpaidEvents);
        assertNothingMore();
    }

    // ---------------------------------------------------------------- subscriptions and billing keys

    @Test
    void subscription_charges_declines_retries_and_suspensions_are_told_on_the_subscriptions_key() {
        String member = "member-flow-sub";
        String token = token(member);
        List<String> started = new ArrayList<>();
        try {
            String good = subscribe(token, billingKey(token, null), started);
            String soft = subscribe(token, billingKey(token, "REJECT_CARD_PAYMENT"), started);
            String hard = subscribe(token, billingKey(token, "INVALID_CARD_EXPIRATION"), started);

            // a card that approves: cycle 1 charged, told once, and never also as a PaymentApproved
            Received charged = awaitEvents(good, 1).get(0);
            assertThat(charged.type()).isEqualTo("grow.payments.SubscriptionCharged");
            assertEnvelope(charged, good, member);
            assertThat(charged.data().path("planId").asText()).isEqualTo("hobby");
            assertThat(charged.data().path("orderName").asText()).isEqualTo("Hobby club");
            assertThat(charged.data().path("cycleNo").asInt()).isEqualTo(1);
            assertThat(charged.data().path("orderId").asText()).isEqualTo("sub_" + good + "_1");
            assertThat(charged.data().path("amount").asLong()).isEqualTo(9_900);
            assertThat(charged.data().path("currency").asText()).isEqualTo("KRW");
            assertThat(charged.data().path("paymentKey").asText()).isNotBlank();
            assertThat(instant(charged.data().path("nextChargeAt")))
                    .isAfter(instant(charged.data().path("chargedAt")).plus(Duration.ofDays(27)));
            assertThat(tail.about("sub_" + good + "_1")).as("a cycle's charge is no PaymentApproved").isEmpty();

            // a card that cannot be charged: one failure without retry, then the suspension
            List<Received> hardEvents = awaitEvents(hard, 2);
            assertThat(hardEvents).extracting(Received::type).containsExactly(
                    "grow.payments.SubscriptionChargeFailed", "grow.payments.SubscriptionSuspended");
            Received hardFailure = hardEvents.get(0);
            assertEnvelope(hardFailure, hard, member);
            assertThat(hardFailure.data().path("code").asText()).isEqualTo("INVALID_CARD_EXPIRATION");
            assertThat(hardFailure.data().path("cycleNo").asInt()).isEqualTo(1);
            assertThat(hardFailure.data().path("orderId").asText()).isEqualTo("sub_" + hard + "_1");
            assertThat(hardFailure.data().path("amount").asLong()).isEqualTo(9_900);
            assertThat(hardFailure.data().path("planId").asText()).isEqualTo("hobby");
            assertThat(hardFailure.data().path("failedAttempts").asInt()).isEqualTo(1);
            assertThat(hardFailure.data().path("willRetry").asBoolean(true)).isFalse();
            assertThat(hardFailure.data().has("nextRetryAt")).as("written, as null").isTrue();
            assertThat(hardFailure.data().path("nextRetryAt").isNull()).isTrue();
            Received hardSuspension = hardEvents.get(1);
            assertEnvelope(hardSuspension, hard, member);
            assertThat(hardSuspension.data().path("planId").asText()).isEqualTo("hobby");
            assertThat(hardSuspension.data().path("reason").asText())
                    .isEqualTo("card cannot be charged: INVALID_CARD_EXPIRATION");
            assertStrictlyIncreasingSeq(hardEvents);

            // a card that declines today: retried after 1, 3 and 7 days, then suspended
            Received first = awaitEvents(soft, 1).get(0);
            assertThat(first.type()).isEqualTo("grow.payments.SubscriptionChargeFailed");
            assertEnvelope(first, soft, member);
            assertThat(first.data().path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
            assertThat(first.data().path("cycleNo").asInt()).isEqualTo(1);
            assertThat(first.data().path("amount").asLong()).isEqualTo(9_900);
            assertThat(first.data().path("failedAttempts").asInt()).isEqualTo(1);
            assertThat(first.data().path("willRetry").asBoolean()).isTrue();
            assertThat(Duration.between(Instant.now(), instant(first.data().path("nextRetryAt"))))
                    .isBetween(Duration.ofDays(1).minusMinutes(1), Duration.ofDays(1));
            Received previous = first;
            for (int attempt = 2; attempt <= 3; attempt++) {
                Instant retryAt = instant(previous.data().path("nextRetryAt"));
                TestClock.setNow(retryAt);
                previous = awaitEvents(soft, attempt).get(attempt - 1);
                assertThat(previous.type()).isEqualTo("grow.payments.SubscriptionChargeFailed");
                assertEnvelope(previous, soft, member);
                assertThat(previous.data().path("failedAttempts").asInt()).isEqualTo(attempt);
                assertThat(previous.data().path("cycleNo").asInt()).isEqualTo(1);
                assertThat(previous.data().path("willRetry").asBoolean()).isTrue();
                Duration delay = attempt == 2 ? Duration.ofDays(3) : Duration.ofDays(7);
                assertThat(Duration.between(retryAt, instant(previous.data().path("nextRetryAt"))))
                        .isBetween(delay, delay.plusMinutes(1));
            }
            // the fourth decline: no retry left, and the suspension in the same commit
            TestClock.setNow(instant(previous.data().path("nextRetryAt")));
            List<Received> softEvents = awaitEvents(soft, 5);
            assertThat(softEvents).extracting(Received::type).containsExactly(
                    "grow.payments.SubscriptionChargeFailed", "grow.payments.SubscriptionChargeFailed",
                    "grow.payments.SubscriptionChargeFailed", "grow.payments.SubscriptionChargeFailed",
                    "grow.payments.SubscriptionSuspended");
            Received last = softEvents.get(3);
            assertEnvelope(last, soft, member);
            assertThat(last.data().path("failedAttempts").asInt()).isEqualTo(4);
            assertThat(last.data().path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
            assertThat(last.data().path("willRetry").asBoolean(true)).isFalse();
            assertThat(last.data().path("nextRetryAt").isNull()).isTrue();
            Received suspended = softEvents.get(4);
            assertEnvelope(suspended, soft, member);
            assertThat(suspended.data().path("reason").asText()).isEqualTo("charge failed 4 times");
            assertThat(suspended.data().path("planId").asText()).isEqualTo("hobby");
            assertStrictlyIncreasingSeq(softEvents);
            assertThat(tail.about("sub_" + soft + "_1")).isEmpty();
            assertThat(tail.about("sub_" + hard + "_1")).isEmpty();

            TestClock.reset();
            assertNothingMore();
        } finally {
            TestClock.reset();
            started.forEach(id -> post("/api/v1/subscriptions/" + id + "/cancel", token, "{}"));
        }
    }

    @Test
    void deleting_a_billing_key_is_told_by_its_id_never_by_the_key_or_the_customer_key() {
        String member = "member-flow-bk";
        String token = token(member);
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String billingKeyId = issued.json().path("billingKeyId").asText();
        String billingKey = sandbox().billingKeyOf(customerKey).orElseThrow();
        // a subscription not due for decades: the deletion suspends it
        Reply subscribed = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"pottery\",\"orderName\":\"Pottery club\",\"amount\":5000,\"cycle\":\"MONTHLY\","
                + "\"startDate\":\"2099-01-01\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        String subscriptionId = subscribed.json().path("subscriptionId").asText();
        try {
            Reply deleted = send(request(baseUrl(), "/api/v1/billing-keys/" + billingKeyId, token).DELETE());
            assertThat(deleted.status()).isEqualTo(204);

            Received keyDeleted = awaitEvents(billingKeyId, 1).get(0);
            assertThat(keyDeleted.type()).isEqualTo("grow.payments.BillingKeyDeleted");
            assertEnvelope(keyDeleted, billingKeyId, member);
            assertThat(keyDeleted.data().path("billingKeyId").asText()).isEqualTo(billingKeyId);
            assertThat(keyDeleted.data().path("reason").asText()).isEqualTo("deleted by the member");
            assertThat(keyDeleted.data().path("deletedAt").asText()).isNotBlank();

            Received suspended = awaitEvents(subscriptionId, 1).get(0);
            assertThat(suspended.type()).isEqualTo("grow.payments.SubscriptionSuspended");
            assertEnvelope(suspended, subscriptionId, member);
            assertThat(suspended.data().path("planId").asText()).isEqualTo("pottery");
            assertThat(suspended.data().path("reason").asText()).isEqualTo("billing key deleted");

            for (Received event : List.of(keyDeleted, suspended)) {
                String text = event.event().toString();
                assertThat(text).doesNotContain(billingKey).doesNotContain(customerKey);
                assertThat(event.data().has("billingKey")).isFalse();
                assertThat(event.data().has("customerKey")).isFalse();
            }
            assertNothingMore();
        } finally {
            post("/api/v1/subscriptions/" + subscriptionId + "/cancel", token, "{}");
        }
    }

    // ---------------------------------------------------------------- compensation

    @Test
    void an_approval_of_another_amount_is_told_once_as_failed_and_canceled_with_what_was_refunded() {
        String member = "member-flow-comp";
        String token = token(member);
        Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Drawing class\",\"amount\":10000}");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        String orderId = checkout.json().path("orderId").asText();
        // the merchant's page opened Toss's window with another amount than the checkout
        String paymentKey = sandbox().authorize(orderId, "Drawing class", 9_000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofSeconds(2));
        assertThat(confirm(token, orderId, paymentKey, 10_000).json().path("status").asText()).isEqualTo("UNKNOWN");
        // meanwhile the 9,000 was approved at Toss by another path; the janitor finds it and refunds it
        assertThat(callToss("/v1/payments/confirm", confirmBody(orderId, paymentKey, 9_000)).status()).isEqualTo(200);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("CANCELED"));

        Received failed = awaitEvents(orderId, 1).get(0);
        assertThat(failed.type()).as("never a PaymentApproved").isEqualTo("grow.payments.PaymentFailed");
        assertEnvelope(failed, orderId, member);
        assertThat(failed.data().path("status").asText()).isEqualTo("CANCELED");
        assertThat(failed.data().path("code").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(failed.data().path("refundedAmount").asLong()).isEqualTo(9_000);
        assertThat(failed.data().path("amount").asLong()).isEqualTo(10_000);
        assertThat(failed.data().path("orderName").asText()).isEqualTo("Drawing class");
        assertThat(failed.data().path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(failed.data().path("message").asText()).isNotBlank();
        assertThat(failed.data().path("failedAt").asText()).isNotBlank();
        assertNothingMore();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode openAccount(String token, long amount, int validHours) {
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Ceramics class\",\"amount\":" + amount
                + ",\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":" + validHours + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        return opened.json();
    }

    private String billingKey(String token, String card) {
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, card);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("billingKeyId").asText();
    }

    private String subscribe(String token, String billingKeyId, List<String> started) {
        Reply reply = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"hobby\",\"orderName\":\"Hobby club\",\"amount\":9900,\"cycle\":\"MONTHLY\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().path("subscriptionId").asText();
        started.add(id);
        return id;
    }

    private static Instant instant(JsonNode time) {
        assertThat(time.isTextual()).as("a time, not %s", time).isTrue();
        return OffsetDateTime.parse(time.asText()).toInstant();
    }

    /** What every message must be: keyed by its subject, structured CloudEvents, valid, about the member. */
    private void assertEnvelope(Received event, String subject, String memberId) {
        assertThat(event.key()).as("record key").isEqualTo(subject);
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.contentType()).startsWith("application/cloudevents+json");
        assertThat(event.event().path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.event().path("source").asText()).isEqualTo("/grow-payments");
        assertThat(event.event().path("time").asText()).endsWith("+09:00");
        assertThat(event.data().path("memberId").asText()).isEqualTo(memberId);
        schemas.assertValid(event.event());
    }

    private static void assertStrictlyIncreasingSeq(List<Received> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).subjectSeq()).as("subjectseq of %s after %s", events.get(i).type(),
                    events.get(i - 1).type()).isGreaterThan(events.get(i - 1).subjectSeq());
        }
    }

    /** Waits for at least {@code count} events about the subject; exactly that many must have arrived. */
    private List<Received> awaitEvents(String subject, int count) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(tail.about(subject)).hasSizeGreaterThanOrEqualTo(count));
        List<Received> events = tail.about(subject);
        assertThat(events).as("exactly %d events about %s: %s", count, subject, events).hasSize(count);
        expected.put(subject, count);
        return events;
    }

    /** A little longer on: no event about any subject of the test arrived twice or late. */
    private void assertNothingMore() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                expected.forEach((subject, count) -> assertThat(tail.about(subject))
                        .as("events about %s", subject).hasSize(count)));
    }
}
