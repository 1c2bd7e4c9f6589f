package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionsTest extends MerchantTestSupport {

    private static final String DAY = "startDate=2026-11-25T00:00:00&endDate=2026-11-25T23:59:59";

    Answer transactions(String query, String... headers) {
        return get("/v1/transactions?" + query, headers);
    }

    @Test
    void every_approval_and_cancel_is_a_row_with_its_own_transaction_key() {
        String cardOrder = orderId();
        String paymentKey = paidCard(cardOrder, 10_000, 0);
        clock.advance(Duration.ofMinutes(5));
        cancel(paymentKey, Map.of("cancelReason", "일부", "cancelAmount", 4_000));
        String accountOrder = orderId();
        issueVirtualAccount(virtualAccountBody(accountOrder, 30_000));
        sandbox.deposit(accountOrder);

        Answer answer = transactions(DAY);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode rows = answer.json();
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(3);
        JsonNode approval = rows.get(0);
        assertThat(approval.path("mId").asText()).isEqualTo(CARD_MID);
        assertThat(approval.path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(approval.path("orderId").asText()).isEqualTo(cardOrder);
        assertThat(approval.path("amount").asLong()).isEqualTo(10_000);
        assertThat(approval.path("status").asText()).isEqualTo("DONE");
        assertThat(approval.path("method").asText()).isEqualTo("카드");
        assertThat(approval.path("currency").asText()).isEqualTo("KRW");
        assertThat(approval.path("useEscrow").asBoolean()).isFalse();
        assertThat(approval.has("customerKey")).isTrue();
        assertThat(approval.path("transactionAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        JsonNode cancel = rows.get(1);
        assertThat(cancel.path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(cancel.path("transactionKey").asText()).isNotEqualTo(approval.path("transactionKey").asText());
        assertThat(cancel.path("amount").asLong()).isEqualTo(4_000);
        assertThat(cancel.path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(rows.get(2).path("method").asText()).isEqualTo("가상계좌");
        assertThat(rows.get(2).path("orderId").asText()).isEqualTo(accountOrder);
    }

    @Test
    void withdrawn_accounts_declines_and_sessions_never_confirmed_are_no_transactions() {
        String account = orderId();
        String paymentKey = issueVirtualAccount(virtualAccountBody(account, 30_000)).json().path("paymentKey").asText();
        cancel(paymentKey, Map.of("cancelReason", "발급 취소"));
        String declined = orderId();
        confirm(sandbox.authorize(declined, "x", 1_000, "REJECT_CARD_PAYMENT"), declined, 1_000, newKey());
        sandbox.authorize(orderId(), "x", 1_000, null);

        assertThat(transactions(DAY).json()).isEmpty();
    }

    @Test
    void a_billing_charge_carries_its_customer_key() {
        String customer = customerKey();
        charge(billingKey(customer, null), customer, orderId(), 9_900, newKey());

        JsonNode row = transactions(DAY).json().get(0);
        assertThat(row.path("customerKey").asText()).isEqualTo(customer);
    }

    @Test
    void pages_follow_starting_after_until_an_empty_page_and_never_repeat_a_row() {
        for (int i = 0; i < 250; i++) {
            sandbox.createStrayPayment(null, "order-page-" + i, "x", 1_000 + i, 0);
        }
        List<String> keys = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            JsonNode page = transactions(DAY + "&limit=100" + (after == null ? "" : "&startingAfter=" + after)).json();
            if (page.isEmpty()) {
                break;
            }
            pages++;
            page.forEach(row -> keys.add(row.path("transactionKey").asText()));
            after = page.get(page.size() - 1).path("transactionKey").asText();
        }

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(250);
        Set<String> distinct = new HashSet<>(keys);
        assertThat(distinct).hasSize(250);
        assertThat(transactions(DAY).json()).hasSize(100);
    }

    @Test
    void ten_thousand_transactions_come_in_pages_of_at_most_the_limit() {
        for (int i = 0; i < 10_000; i++) {
            sandbox.createStrayPayment(null, "order-bulk-" + i, "x", 1_000, 0);
        }

        JsonNode full = transactions(DAY + "&limit=10000").json();
        String last = full.get(full.size() - 1).path("transactionKey").asText();
        JsonNode thousand = transactions(DAY + "&limit=1000&startingAfter=" + full.get(8_999).path("transactionKey").asText()).json();

        assertThat(full).hasSize(10_000);
        assertThat(thousand).hasSize(1_000);
        assertThat(thousand.get(999).path("transactionKey").asText()).isEqualTo(last);
        assertThat(transactions(DAY + "&startingAfter=" + last).json()).isEmpty();
    }

    @Test
    void an_unknown_or_another_merchants_starting_after_is_invalid_transaction_key() {
        String foreign = orderId();
        sandbox.createStrayPayment(BILLING_MID, foreign, "x", 1_000, 0);
        String foreignKey = transactions(DAY, asBilling()).json().get(0).path("transactionKey").asText();

        Answer unknown = transactions(DAY + "&startingAfter=txrd_doesnotexist");
        Answer othersKey = transactions(DAY + "&startingAfter=" + foreignKey);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("INVALID_TRANSACTION_KEY");
        assertThat(othersKey.code()).isEqualTo("INVALID_TRANSACTION_KEY");
        assertThat(transactions(DAY).json()).isEmpty();
    }

    @Test
    void the_period_is_inclusive_and_in_seoul_time() {
        paidCard(orderId(), 1_000, 0);                      // 14:03:22 on the 25th
        clock.advance(Duration.ofHours(10));                 // 00:03:22 on the 26th
        paidCard(orderId(), 2_000, 0);

        assertThat(transactions(DAY).json()).hasSize(1);
        assertThat(transactions("startDate=2026-11-25T14:03:22&endDate=2026-11-25T14:03:22").json()).hasSize(1);
        assertThat(transactions("startDate=2026-11-26T00:00:00&endDate=2026-11-26T23:59:59").json().get(0)
                .path("amount").asLong()).isEqualTo(2_000);
    }

    @Test
    void missing_dates_or_a_limit_out_of_range_are_invalid_requests() {
        assertThat(transactions("endDate=2026-11-25T23:59:59").code()).isEqualTo("INVALID_REQUEST");
        assertThat(transactions("startDate=2026-11-25&endDate=2026-11-25T23:59:59").code()).isEqualTo("INVALID_REQUEST");
        assertThat(transactions(DAY + "&limit=0").code()).isEqualTo("INVALID_REQUEST");
        assertThat(transactions(DAY + "&limit=10001").code()).isEqualTo("INVALID_REQUEST");
        assertThat(transactions(DAY + "&limit=10000").status()).isEqualTo(200);
    }

    @Test
    void a_fault_can_target_the_transaction_list() {
        sandbox.faults().inject(FaultPlan.TRANSACTIONS, FaultKind.SERVER_ERROR, 1);

        assertThat(transactions(DAY).status()).isEqualTo(500);
        assertThat(transactions(DAY).status()).isEqualTo(200);
    }
}
