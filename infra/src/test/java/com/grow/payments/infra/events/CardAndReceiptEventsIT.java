package com.grow.payments.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.infra.events.TopicTail.Received;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The published language of cards on file and cash receipts: SubscriptionPaymentMethodChanged,
 * CashReceiptIssued and CashReceiptCanceled reach Kafka valid against their schemas, with no card
 * data, no customer key and no identity number, clear or masked.
 */
class CardAndReceiptEventsIT extends IntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${payments.events.topic}")
    String topic;

    private TopicTail tail;
    private final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void tailTheTopic() {
        TestClock.reset();
        tail = TopicTail.shared(bootstrapServers, topic);
    }

    @Test
    void a_card_change_is_published_with_the_new_keys_id_only() {
        String member = "member-events-card";
        String token = token(member);
        String first = registerCard(token, null);
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        String second = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + authKey + "\",\"customerKey\":\""
                + customerKey + "\"}").json().path("billingKeyId").asText();
        String id = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + first + "\",\"planId\":\"violin\","
                + "\"orderName\":\"Violin\",\"amount\":20000,\"cycle\":\"MONTHLY\",\"startDate\":\"2099-01-01\"}")
                .json().path("subscriptionId").asText();

        Reply changed = send(request(baseUrl(), "/api/v1/subscriptions/" + id + "/billing-key", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"billingKeyId\":\"" + second + "\"}")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Received event = awaitType(id, "grow.payments.SubscriptionPaymentMethodChanged");
        schemas.assertValid(event.event());
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.data().path("billingKeyId").asText()).isEqualTo(second);
        assertThat(event.data().path("memberId").asText()).isEqualTo(member);
        assertThat(event.data().path("planId").asText()).isEqualTo("violin");
        assertThat(event.event().toString()).doesNotContain(customerKey).doesNotContain(first);
        post("/api/v1/subscriptions/" + id + "/cancel", token, "{}");
    }

    @Test
    void a_receipt_and_its_partial_cancel_are_published_without_the_identity_number() {
        String member = "member-events-receipt";
        String token = token(member);
        String number = "01077778888";
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Cello class\",\"amount\":60000,"
                + "\"bank\":\"20\",\"customerName\":\"김그로\"}");
        String orderId = opened.json().path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));

        Reply issued = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + number + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"a lesson missed\","
                + "\"cancelAmount\":15000,\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"1234567890\","
                + "\"holderName\":\"김그로\"}}").status()).isEqualTo(200);

        Received receipt = awaitType(orderId, "grow.payments.CashReceiptIssued");
        schemas.assertValid(receipt.event());
        assertThat(receipt.data().path("receiptKey").asText()).isEqualTo(issued.json().path("receiptKey").asText());
        assertThat(receipt.data().path("amount").asLong()).isEqualTo(60_000);
        assertThat(receipt.data().path("receiptType").asText()).isEqualTo("소득공제");
        Received canceled = awaitType(orderId, "grow.payments.CashReceiptCanceled");
        schemas.assertValid(canceled.event());
        assertThat(canceled.data().path("cancelAmount").asLong()).isEqualTo(15_000);
        assertThat(canceled.data().path("remainingAmount").asLong()).isEqualTo(45_000);
        assertThat(canceled.subjectSeq()).isGreaterThan(receipt.subjectSeq());

        List<Received> all = tail.about(orderId);
        assertThat(all).allSatisfy(message -> assertThat(message.event().toString())
                .doesNotContain(number).doesNotContain("8888\"").doesNotContain("customerIdentityNumber"));
    }

    private Received awaitType(String subject, String type) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(tail.about(subject)).extracting(Received::type).contains(type));
        return tail.about(subject).stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }
}
