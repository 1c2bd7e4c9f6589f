package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VirtualAccountIssueTest extends WebhookTestSupport {

    @Test
    void issuing_a_virtual_account_answers_a_payment_waiting_for_deposit_with_its_secret_and_account() {
        String orderId = orderId();

        JsonNode payment = issueVirtualAccount(orderId, 30_000).json();

        assertThat(payment.path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(payment.path("method").asText()).isEqualTo("가상계좌");
        assertThat(payment.path("type").asText()).isEqualTo("NORMAL");
        assertThat(payment.path("orderId").asText()).isEqualTo(orderId);
        assertThat(payment.path("totalAmount").asLong()).isEqualTo(30_000);
        assertThat(payment.path("balanceAmount").asLong()).isEqualTo(30_000);
        assertThat(payment.path("requestedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(payment.path("approvedAt").isNull()).isTrue();
        assertThat(payment.path("card").isNull()).isTrue();
        assertThat(payment.path("secret").asText()).matches("ps_[A-Za-z0-9]{28}");
        assertThat(payment.path("lastTransactionKey").asText()).isNotBlank();
        JsonNode account = payment.path("virtualAccount");
        assertThat(account.path("accountType").asText()).isEqualTo("일반");
        assertThat(account.path("accountNumber").asText()).matches("\\d{14}");
        assertThat(account.path("bankCode").asText()).isEqualTo("20");
        assertThat(account.path("customerName").asText()).isEqualTo("김그로");
        assertThat(account.path("dueDate").asText()).isEqualTo("2026-12-02T14:03:22+09:00"); // 168 hours
        assertThat(account.path("expired").asBoolean(true)).isFalse();
        assertThat(account.path("settlementStatus").asText()).isEqualTo("INCOMPLETED");
        assertThat(account.path("refundStatus").asText()).isEqualTo("NONE");
        assertThat(account.has("refundReceiveAccount")).isTrue();
        assertThat(account.path("refundReceiveAccount").isNull()).isTrue();
    }

    @Test
    void both_lookups_return_the_virtual_account_with_its_secret() {
        String orderId = orderId();
        JsonNode issued = issueVirtualAccount(orderId, 30_000).json();

        JsonNode byOrder = get("/v1/payments/orders/" + orderId).json();
        JsonNode byKey = get("/v1/payments/" + issued.path("paymentKey").asText()).json();

        assertThat(byOrder).isEqualTo(issued);
        assertThat(byKey).isEqualTo(issued);
        assertThat(byOrder.path("secret").asText()).isEqualTo(issued.path("secret").asText());
        SandboxPayment atToss = sandbox.payment(orderId).orElseThrow();
        assertThat(atToss.status()).isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
        assertThat(atToss.secret()).isEqualTo(issued.path("secret").asText());
        assertThat(atToss.virtualAccount().accountNumber()).isEqualTo(byOrder.path("virtualAccount").path("accountNumber").asText());
    }

    @Test
    void each_virtual_account_gets_its_own_unguessable_secret_and_account_number() {
        JsonNode first = issueVirtualAccount(orderId(), 1_000).json();
        JsonNode second = issueVirtualAccount(orderId(), 1_000).json();

        assertThat(first.path("secret").asText()).isNotEqualTo(second.path("secret").asText());
        assertThat(first.path("virtualAccount").path("accountNumber").asText())
                .isNotEqualTo(second.path("virtualAccount").path("accountNumber").asText());
    }

    @Test
    void valid_hours_or_a_due_date_set_the_deadline() {
        Map<String, Object> oneHour = virtualAccountBody(orderId(), 1_000);
        oneHour.put("validHours", 1);
        Map<String, Object> asText = virtualAccountBody(orderId(), 1_000);
        asText.put("validHours", "720");
        Map<String, Object> dated = virtualAccountBody(orderId(), 1_000);
        dated.put("dueDate", "2026-11-30T23:59:59");
        dated.put("customerEmail", "buyer@example.com");
        dated.put("customerMobilePhone", "01012345678");

        assertThat(issueVirtualAccount(oneHour).json().path("virtualAccount").path("dueDate").asText())
                .isEqualTo("2026-11-25T15:03:22+09:00");
        assertThat(issueVirtualAccount(asText).json().path("virtualAccount").path("dueDate").asText())
                .isEqualTo("2026-12-25T14:03:22+09:00");
        assertThat(issueVirtualAccount(dated).json().path("virtualAccount").path("dueDate").asText())
                .isEqualTo("2026-11-30T23:59:59+09:00");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("a malformed orderId", body -> body.put("orderId", "bad id!")),
                invalid("a too short orderId", body -> body.put("orderId", "abc")),
                invalid("a zero amount", body -> body.put("amount", 0)),
                invalid("a negative amount", body -> body.put("amount", -100)),
                invalid("a decimal amount", body -> body.put("amount", 10.5)),
                invalid("no orderName", body -> body.remove("orderName")),
                invalid("no customerName", body -> body.remove("customerName")),
                invalid("no bank", body -> body.remove("bank")),
                invalid("a bank name instead of a code", body -> body.put("bank", "우리")),
                invalid("a four-digit bank code", body -> body.put("bank", "0204")),
                invalid("a one-digit bank code", body -> body.put("bank", "2")),
                invalid("zero validHours", body -> body.put("validHours", 0)),
                invalid("more than 720 validHours", body -> body.put("validHours", 721)),
                invalid("non-numeric validHours", body -> body.put("validHours", "soon")),
                invalid("both validHours and dueDate", body -> {
                    body.put("validHours", 24);
                    body.put("dueDate", "2026-11-30T23:59:59+09:00");
                }),
                invalid("a due date in the past", body -> body.put("dueDate", "2026-11-25T14:00:00+09:00")),
                invalid("a due date more than 30 days ahead", body -> body.put("dueDate", "2026-12-26T14:03:23+09:00")),
                invalid("a malformed due date", body -> body.put("dueDate", "next friday")),
                invalid("a mobile phone with dashes", body -> body.put("customerMobilePhone", "010-1234-5678")),
                invalid("an email without @", body -> body.put("customerEmail", "buyer.example.com")));
    }

    private static Arguments invalid(String what, Consumer<Map<String, Object>> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void an_invalid_issue_request_is_refused_with_invalid_request(String what, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = virtualAccountBody(orderId(), 30_000);
        change.accept(body);

        Answer answer = issueVirtualAccount(body);

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.code()).as(what).isEqualTo("INVALID_REQUEST");
        assertThat(sandbox.outgoingWebhooks()).as(what).isEmpty();
    }

    @Test
    void an_order_already_paid_or_already_waiting_for_a_deposit_is_already_processed() {
        String paidByCard = orderId();
        paidCardOrder(paidByCard, 30_000);
        String waiting = orderId();
        issueVirtualAccount(waiting, 30_000);

        Answer onPaid = issueVirtualAccount(virtualAccountBody(paidByCard, 30_000));
        Answer onWaiting = issueVirtualAccount(virtualAccountBody(waiting, 30_000));

        assertThat(onPaid.status()).isEqualTo(400);
        assertThat(onPaid.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(onWaiting.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(get("/v1/payments/orders/" + paidByCard).json().path("method").asText()).isEqualTo("카드");
    }

    @Test
    void a_repeat_with_the_same_idempotency_key_replays_the_same_account() {
        String orderId = orderId();
        String key = newKey();

        Answer first = issueVirtualAccount(virtualAccountBody(orderId, 30_000), "Idempotency-Key", key);
        Answer replay = issueVirtualAccount(virtualAccountBody(orderId, 30_000), "Idempotency-Key", key);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(sandbox.outgoingWebhooks()).hasSize(1);
    }

    @Test
    void issuing_goes_through_auth_test_codes_and_faults_aimed_at_virtual_account() {
        sandbox.faults().inject(FaultPlan.VIRTUAL_ACCOUNT, FaultKind.SERVER_ERROR, 1);
        String orderId = orderId();

        Answer unauthenticated = issueVirtualAccount(virtualAccountBody(orderId, 1_000),
                "Authorization", basic("test_sk_" + "notThisMerchant"));
        Answer forced = issueVirtualAccount(virtualAccountBody(orderId, 1_000),
                TossApiPipeline.TEST_CODE, "PROVIDER_ERROR");
        Answer faulted = issueVirtualAccount(virtualAccountBody(orderId, 1_000));
        Answer retried = issueVirtualAccount(virtualAccountBody(orderId, 1_000));

        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(forced.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(faulted.status()).isEqualTo(500);
        assertThat(faulted.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(sandbox.stats().requests(FaultPlan.VIRTUAL_ACCOUNT)).isEqualTo(4);
    }

    @Test
    void issuing_sends_a_deposit_callback_waiting_for_deposit_with_the_secret() {
        String orderId = orderId();
        JsonNode issued = issueVirtualAccount(orderId, 30_000).json();

        WebhookReceiver.Received callback = receiver.awaitReceived(1).get(0);

        JsonNode body = callback.json();
        assertThat(body.has("eventType")).isFalse();
        assertThat(body.path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(body.path("orderId").asText()).isEqualTo(orderId);
        assertThat(body.path("secret").asText()).isEqualTo(issued.path("secret").asText());
        assertThat(body.path("transactionKey").asText()).isEqualTo(issued.path("lastTransactionKey").asText());
    }
}
