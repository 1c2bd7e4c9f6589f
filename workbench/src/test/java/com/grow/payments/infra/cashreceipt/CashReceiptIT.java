package com.grow.payments.infra.cashreceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.sandbox.CashReceipt;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Cash receipts (현금영수증) against the sandbox: issued once for a paid virtual account, cancelled
 * with the payment for the cancelled part, a lost answer settled by Toss's look-up (never a second
 * issue), and the identity number never in clear in the event store, the answers or the views.
 */
@ExtendWith(OutputCaptureExtension.class)
class CashReceiptIT extends IntegrationTest {

    private static final String IDENTITY = "01098765432";
    private static final String REFUND_ACCOUNT =
            "\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"1234567890\",\"holderName\":\"김그로\"}";

    @BeforeEach
    void realTime() {
        TestClock.reset();
    }

    @AfterEach
    void clearFaults() {
        sandbox().faults().clear();
    }

    @AfterEach
    void noIdentityNumberInAnyLogLine(CapturedOutput output) {
        assertThat(output.getAll()).as("the service's and the sandbox's log lines").doesNotContain(IDENTITY);
    }

    @Test
    void a_receipt_is_issued_for_a_paid_account_and_cancelled_with_a_partial_refund() {
        String token = token("member-receipt");
        String orderId = paidAccount(token, 30_000);

        Reply issued = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + IDENTITY + "\"}");

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("receiptKey").asText()).isNotBlank();
        assertThat(issued.json().path("type").asText()).isEqualTo("소득공제");
        assertThat(issued.json().path("amount").asLong()).isEqualTo(30_000);
        assertThat(issued.json().path("issueStatus").asText()).isEqualTo("COMPLETED");
        assertThat(issued.json().path("customerIdentityNumber").asText()).isEqualTo("*******5432");
        assertThat(sandbox().stats().cashReceiptsIssued(orderId)).isEqualTo(1);

        Reply again = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"지출증빙\",\"customerIdentityNumber\":\"1234567890\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("receiptKey").asText()).isEqualTo(issued.json().path("receiptKey").asText());
        assertThat(sandbox().stats().cashReceiptsIssued(orderId)).as("the receipt that stands is answered").isEqualTo(1);

        Reply refunded = post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"one class missed\",\"cancelAmount\":10000," + REFUND_ACCOUNT + "}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode receipt = get("/api/v1/payments/" + orderId, token).json().path("cashReceipt");
            assertThat(receipt.path("amount").asLong()).isEqualTo(20_000);
            assertThat(receipt.path("canceledAmount").asLong()).isEqualTo(10_000);
        });
        List<CashReceipt> rows = sandbox().cashReceipts(orderId);
        assertThat(rows).filteredOn(r -> CashReceipt.CANCEL.equals(r.transactionType()))
                .singleElement().satisfies(cancel -> assertThat(cancel.amount()).isEqualTo(10_000));

        assertThat(post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"left the class\"," + REFUND_ACCOUNT + "}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get("/api/v1/payments/" + orderId, token).json().path("cashReceipt").path("amount").asLong()).isZero());
        assertThat(sandbox().cashReceipts(orderId)).filteredOn(r -> CashReceipt.CANCEL.equals(r.transactionType()))
                .extracting(CashReceipt::amount).containsExactly(10_000L, 20_000L);
    }

    @Test
    void a_lost_answer_is_settled_by_the_look_up_with_exactly_one_issue() {
        String token = token("member-receipt-lost");
        String orderId = paidAccount(token, 150_000);
        sandbox().faults().inject(FaultPlan.CASH_RECEIPT, FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(3));

        Reply answered = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"지출증빙\",\"customerIdentityNumber\":\"1234567890\"}");

        assertThat(answered.status()).as(answered.body()).isIn(201, 202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode receipt = get("/api/v1/payments/" + orderId, token).json().path("cashReceipt");
            assertThat(receipt.path("issueStatus").asText()).isEqualTo("COMPLETED");
            assertThat(receipt.path("receiptKey").asText()).isNotBlank();
        });
        assertThat(sandbox().stats().cashReceiptsIssued(orderId)).isEqualTo(1);
        assertThat(sandbox().stats().requests("cash-receipt-lookup")).isPositive();
    }

    @Test
    void twenty_concurrent_requests_issue_one_receipt() throws Exception {
        String token = token("member-receipt-rush");
        String orderId = paidAccount(token, 110_000);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> post("/api/v1/payments/" + orderId + "/cash-receipt",
                        token, "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + IDENTITY + "\"}"), pool));
            }
            for (CompletableFuture<Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().body()).isIn(201, 202);
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/v1/payments/" + orderId,
                token).json().path("cashReceipt").path("issueStatus").asText()).isEqualTo("COMPLETED"));
        assertThat(sandbox().stats().cashReceiptsIssued(orderId)).isEqualTo(1);
    }

    @Test
    void the_identity_number_is_never_in_clear_in_the_event_store_the_answers_or_the_views() {
        String token = token("member-receipt-private");
        String orderId = paidAccount(token, 45_000);
        String number = "9901011234567";

        Reply issued = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + number + "\"}");

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).doesNotContain(number);
        assertThat(get("/api/v1/payments/" + orderId, token).body()).doesNotContain(number);
        assertThat(get("/api/v1/payments/" + orderId + "/events", token).body()).doesNotContain(number);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in "
                + "convert_from(payload, 'UTF8')) > 0 OR position(? in convert_from(meta_data, 'UTF8')) > 0",
                Long.class, number, number)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry WHERE position(? in "
                + "convert_from(serialized_saga, 'UTF8')) > 0", Long.class, number)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cash_receipt_identity c WHERE order_id = ? "
                + "AND position(? in c::text) = 0", Long.class, orderId, number)).as("kept, encrypted").isEqualTo(1);
    }

    @Test
    void a_card_payment_takes_no_receipt_and_a_bad_number_is_refused_before_anything_is_kept() {
        String token = token("member-receipt-card");
        String[] checkout = checkoutAndAuthorize(token, 12_000, null);
        assertThat(confirm(token, checkout[0], checkout[1], 12_000).status()).isEqualTo(200);

        Reply card = post("/api/v1/payments/" + checkout[0] + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + IDENTITY + "\"}");
        assertThat(card.status()).isEqualTo(409);
        assertThat(card.code()).isEqualTo("CASH_RECEIPT_NOT_APPLICABLE");

        String orderId = paidAccount(token, 20_000);
        Reply bad = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"12ab\"}");
        assertThat(bad.status()).isEqualTo(400);
        Reply badType = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"영수증\",\"customerIdentityNumber\":\"" + IDENTITY + "\"}");
        assertThat(badType.status()).isEqualTo(400);
        Reply stranger = post("/api/v1/payments/" + orderId + "/cash-receipt", token("member-someone-else"),
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + IDENTITY + "\"}");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cash_receipt_identity WHERE order_id IN (?, ?)",
                Long.class, orderId, checkout[0])).isZero();
    }

    @Test
    void a_receipt_asked_with_the_virtual_account_is_issued_by_toss_on_deposit_and_cancelled_with_the_refund() {
        String token = token("member-receipt-on-deposit");
        String number = "01055556666";
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Violin class\",\"amount\":50000,"
                + "\"bank\":\"20\",\"customerName\":\"김그로\",\"cashReceipt\":{\"type\":\"소득공제\","
                + "\"registrationNumber\":\"" + number + "\"}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).doesNotContain(number);
        assertThat(opened.json().path("cashReceipt").path("issueStatus").asText()).isEqualTo("ON_DEPOSIT");
        String orderId = opened.json().path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();

        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode receipt = get("/api/v1/payments/" + orderId, token).json().path("cashReceipt");
            assertThat(receipt.path("receiptKey").asText()).isNotBlank();
            assertThat(receipt.path("amount").asLong()).isEqualTo(50_000);
        });
        assertThat(sandbox().cashReceipts(orderId)).filteredOn(r -> CashReceipt.CONFIRM.equals(r.transactionType()))
                .singleElement().satisfies(r -> assertThat(r.customerIdentityNumber()).endsWith("6666"));
        Reply asked = post("/api/v1/payments/" + orderId + "/cash-receipt", token,
                "{\"type\":\"소득공제\",\"customerIdentityNumber\":\"" + number + "\"}");
        assertThat(asked.status()).as("the receipt that stands").isEqualTo(201);
        assertThat(sandbox().cashReceipts(orderId)).filteredOn(r -> CashReceipt.CONFIRM.equals(r.transactionType()))
                .hasSize(1);

        assertThat(post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"two lessons missed\",\"cancelAmount\":20000," + REFUND_ACCOUNT + "}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/v1/payments/" + orderId,
                token).json().path("cashReceipt").path("amount").asLong()).isEqualTo(30_000));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in "
                + "convert_from(payload, 'UTF8')) > 0", Long.class, number)).isZero();
    }

    /** A virtual account opened and paid: its order id. */
    private String paidAccount(String token, long amount) {
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Piano class\",\"amount\":" + amount
                + ",\"bank\":\"20\",\"customerName\":\"김그로\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String orderId = opened.json().path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));
        return orderId;
    }
}
