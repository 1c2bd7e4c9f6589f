package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CashReceiptTest extends MerchantTestSupport {

    private static final String PHONE = "01012345678";
    private static final String TODAY = "2026-11-25";

    static Map<String, Object> receiptBody(String orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("orderId", orderId);
        body.put("orderName", "겨울 특강");
        body.put("customerIdentityNumber", PHONE);
        body.put("type", "소득공제");
        return body;
    }

    Answer issueReceipt(Map<String, Object> body, String... headers) {
        return post("/v1/cash-receipts", body, headers);
    }

    Answer cancelReceipt(String receiptKey, Object body, String... headers) {
        return post("/v1/cash-receipts/" + receiptKey + "/cancel", body, headers);
    }

    Answer lookup(String query, String... headers) {
        return get("/v1/cash-receipts?" + query, headers);
    }

    @Test
    void an_issued_receipt_answers_tosss_shape_with_the_identity_number_masked() {
        String orderId = orderId();
        Map<String, Object> body = receiptBody(orderId, 150_000);
        body.put("taxFreeAmount", 150_000);

        Answer issued = issueReceipt(body, "Idempotency-Key", newKey());

        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonNode r = issued.json();
        assertThat(r.path("receiptKey").asText()).startsWith("csrcpt_");
        assertThat(r.path("issueNumber").asText()).matches("\\d{9}");
        assertThat(r.path("issueStatus").asText()).isEqualTo("COMPLETED");
        assertThat(r.path("transactionType").asText()).isEqualTo("CONFIRM");
        assertThat(r.path("type").asText()).isEqualTo("소득공제");
        assertThat(r.path("amount").asLong()).isEqualTo(150_000);
        assertThat(r.path("taxFreeAmount").asLong()).isEqualTo(150_000);
        assertThat(r.path("orderId").asText()).isEqualTo(orderId);
        assertThat(r.path("mId").asText()).isEqualTo(CARD_MID);
        assertThat(r.path("requestedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(r.path("receiptUrl").asText()).startsWith(sandbox.baseUrl());
        assertThat(r.path("customerIdentityNumber").asText()).isEqualTo("*******5678");
        assertThat(issued.body()).doesNotContain(PHONE);
        assertThat(sandbox.stats().cashReceiptsIssued(orderId)).isEqualTo(1);
        assertThat(sandboxGet("/sandbox/cash-receipts/" + r.path("receiptKey").asText()).status()).isEqualTo(200);
    }

    @Test
    void a_repeated_issue_under_the_same_idempotency_key_replays_and_issues_nothing_new() {
        String orderId = orderId();
        String key = newKey();

        Answer first = issueReceipt(receiptBody(orderId, 100_000), "Idempotency-Key", key);
        Answer again = issueReceipt(receiptBody(orderId, 100_000), "Idempotency-Key", key);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(sandbox.stats().cashReceiptsIssued(orderId)).isEqualTo(1);
        assertThat(sandbox.cashReceipts(orderId)).hasSize(1);
    }

    @Test
    void bad_input_is_refused() {
        Map<String, Object> badType = receiptBody(orderId(), 1_000);
        badType.put("type", "영수증");
        Map<String, Object> badNumber = receiptBody(orderId(), 1_000);
        badNumber.put("customerIdentityNumber", "010-1234-5678");
        Map<String, Object> taxFree = receiptBody(orderId(), 1_000);
        taxFree.put("taxFreeAmount", 1_001);

        assertThat(issueReceipt(badType).code()).isEqualTo("INVALID_REQUEST");
        assertThat(issueReceipt(badNumber).code()).isEqualTo("INVALID_REQUEST");
        assertThat(issueReceipt(taxFree).code()).isEqualTo("INVALID_REQUEST");
        assertThat(lookup("cursor=1").code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void a_receipt_is_cancelled_in_parts_then_whole_and_not_beyond() {
        Map<String, Object> body = receiptBody(orderId(), 100_000);
        body.put("taxFreeAmount", 40_000);
        String receiptKey = issueReceipt(body).json().path("receiptKey").asText();

        Answer part = cancelReceipt(receiptKey, Map.of("amount", 70_000));
        Answer tooMuch = cancelReceipt(receiptKey, Map.of("amount", 30_001));
        Answer rest = cancelReceipt(receiptKey, "");
        Answer again = cancelReceipt(receiptKey, Map.of());

        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.json().path("transactionType").asText()).isEqualTo("CANCEL");
        assertThat(part.json().path("receiptKey").asText()).isEqualTo(receiptKey);
        assertThat(part.json().path("amount").asLong()).isEqualTo(70_000);
        assertThat(part.json().path("taxFreeAmount").asLong()).isEqualTo(10_000); // the taxable 60,000 first
        assertThat(tooMuch.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(rest.json().path("amount").asLong()).isEqualTo(30_000);
        assertThat(rest.json().path("taxFreeAmount").asLong()).isEqualTo(30_000);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("ALREADY_CANCELED_CASH_RECEIPT");
        assertThat(cancelReceipt("csrcpt_unknown", Map.of()).code()).isEqualTo("NOT_FOUND_CASH_RECEIPT");
    }

    @Test
    void another_merchants_key_neither_sees_nor_cancels_a_receipt() {
        String orderId = orderId();
        String receiptKey = issueReceipt(receiptBody(orderId, 10_000)).json().path("receiptKey").asText();

        assertThat(cancelReceipt(receiptKey, Map.of(), asBilling()).status()).isEqualTo(404);
        assertThat(lookup("requestDate=" + TODAY, asBilling()).json().path("data")).isEmpty();
        assertThat(lookup("requestDate=" + TODAY).json().path("data")).hasSize(1);
    }

    @Test
    void the_look_up_lists_a_days_issues_and_cancels_by_cursor() {
        for (int i = 0; i < 3; i++) {
            issueReceipt(receiptBody(orderId(), 1_000 + i));
        }
        clock.advance(Duration.ofDays(1));
        issueReceipt(receiptBody(orderId(), 9_999));

        JsonNode first = lookup("requestDate=" + TODAY + "&limit=2").json();
        JsonNode second = lookup("requestDate=" + TODAY + "&limit=2&cursor=" + first.path("lastCursor").asLong()).json();

        assertThat(first.path("hasNext").asBoolean()).isTrue();
        assertThat(first.path("data")).hasSize(2);
        assertThat(first.path("data").get(0).path("amount").asLong()).isEqualTo(1_000);
        assertThat(second.path("hasNext").asBoolean()).isFalse();
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.path("data").get(0).path("amount").asLong()).isEqualTo(1_002);
        assertThat(lookup("requestDate=2026-11-26").json().path("data")).hasSize(1);
    }

    @Test
    void an_issue_whose_answer_is_lost_stands_at_toss_and_the_look_up_finds_it() {
        String orderId = orderId();
        sandbox.faults().inject(FaultPlan.CASH_RECEIPT, FaultKind.LOST_ANSWER, 1, Duration.ofMillis(200));

        HttpRequest request = tossRequest("/v1/cash-receipts", "Idempotency-Key", newKey())
                .POST(jsonBody(receiptBody(orderId, 120_000))).build();
        assertThatThrownBy(() -> send(request)).isInstanceOf(UncheckedIOException.class);

        JsonNode found = lookup("requestDate=" + TODAY).json().path("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("orderId").asText()).isEqualTo(orderId);
        assertThat(found.get(0).path("issueStatus").asText()).isEqualTo("COMPLETED");
        assertThat(sandbox.stats().cashReceiptsIssued(orderId)).isEqualTo(1);
    }

    @Test
    void a_timed_out_issue_processed_nothing() {
        String orderId = orderId();
        sandbox.faults().inject(FaultPlan.CASH_RECEIPT, FaultKind.TIMEOUT, 1, Duration.ofMillis(200));

        HttpRequest request = tossRequest("/v1/cash-receipts").POST(jsonBody(receiptBody(orderId, 120_000))).build();
        assertThatThrownBy(() -> send(request)).isInstanceOf(UncheckedIOException.class);

        assertThat(lookup("requestDate=" + TODAY).json().path("data")).isEmpty();
        assertThat(sandbox.stats().requestsByKey(SECRET_KEY, FaultPlan.CASH_RECEIPT)).isEqualTo(1);
    }

    @Test
    void an_issue_in_progress_cannot_be_cancelled_until_the_tax_office_completes_it() {
        sandboxPost("/sandbox/admin/cash-receipts/in-progress", Map.of("count", 1));
        JsonNode issued = issueReceipt(receiptBody(orderId(), 5_000)).json();
        String receiptKey = issued.path("receiptKey").asText();

        Answer early = cancelReceipt(receiptKey, Map.of());
        Answer settled = sandboxPost("/sandbox/admin/cash-receipts/settle",
                Map.of("receiptKey", receiptKey, "issueStatus", "COMPLETED"));
        Answer later = cancelReceipt(receiptKey, Map.of());

        assertThat(issued.path("issueStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(early.code()).isEqualTo("NOT_CANCELABLE_CASH_RECEIPT");
        assertThat(settled.json().path("issueStatus").asText()).isEqualTo("COMPLETED");
        assertThat(later.status()).isEqualTo(200);
        assertThat(issueReceipt(receiptBody(orderId(), 5_000)).json().path("issueStatus").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void a_failed_issue_carries_its_failure() {
        sandbox.issueNextCashReceiptsInProgress(1);
        String receiptKey = issueReceipt(receiptBody(orderId(), 5_000)).json().path("receiptKey").asText();
        sandbox.settleCashReceipt(receiptKey, CashReceipt.FAILED);

        JsonNode row = lookup("requestDate=" + TODAY).json().path("data").get(0);
        assertThat(row.path("issueStatus").asText()).isEqualTo("FAILED");
        assertThat(row.path("failure").path("code").asText()).isNotBlank();
    }

    @Test
    void a_virtual_account_asking_for_a_receipt_gets_it_on_deposit_and_a_refund_cancels_its_part() {
        String orderId = orderId();
        Map<String, Object> body = virtualAccountBody(orderId, 200_000);
        body.put("cashReceipt", Map.of("type", "소득공제", "registrationNumber", PHONE));
        JsonNode issued = issueVirtualAccount(body).json();
        assertThat(issued.path("cashReceipt").isNull()).isTrue();

        JsonNode paid = get("/v1/payments/orders/" + orderId).json();
        assertThat(paid.path("cashReceipt").isNull()).isTrue();
        sandbox.deposit(orderId);
        paid = get("/v1/payments/orders/" + orderId).json();
        assertThat(paid.path("cashReceipt").path("type").asText()).isEqualTo("소득공제");
        assertThat(paid.path("cashReceipt").path("amount").asLong()).isEqualTo(200_000);
        assertThat(paid.path("cashReceipts")).hasSize(1);
        assertThat(paid.toString()).doesNotContain(PHONE);

        Answer refund = cancel(issued.path("paymentKey").asText(), Map.of("cancelReason", "부분 환불",
                "cancelAmount", 50_000, "refundReceiveAccount", refundTo()));

        JsonNode after = refund.json();
        assertThat(after.path("cashReceipt").path("amount").asLong()).isEqualTo(150_000);
        assertThat(after.path("cashReceipts")).hasSize(2);
        assertThat(after.path("cashReceipts").get(1).path("transactionType").asText()).isEqualTo("CANCEL");
        assertThat(after.path("cashReceipts").get(1).path("amount").asLong()).isEqualTo(50_000);
        assertThat(lookup("requestDate=" + TODAY).json().path("data")).hasSize(2);
        assertThat(sandbox.stats().cashReceiptsIssued(orderId)).isEqualTo(1);
    }

    @Test
    void a_virtual_account_refuses_a_malformed_cash_receipt_request() {
        Map<String, Object> body = virtualAccountBody(orderId(), 10_000);
        body.put("cashReceipt", Map.of("type", "현금", "registrationNumber", PHONE));

        assertThat(issueVirtualAccount(body).code()).isEqualTo("INVALID_REQUEST");
    }
}
