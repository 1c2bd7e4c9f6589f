package com.grow.payments.infra.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.payment.PaymentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private static final Instant AT = Instant.parse("2026-11-25T05:03:22Z");

    private static TossTransaction toss(String key, PaymentStatus status, long amount) {
        return new TossTransaction("tgrowpay", key, "pk_1", "ord_000001", "카드", amount, status, status.name(), AT);
    }

    private static OurOrder ours(Long expected, OurTransaction... transactions) {
        return new OurOrder("ord_000001", true, expected, "DONE", List.of(transactions));
    }

    private static OurTransaction approval(String key, long amount) {
        return new OurTransaction("ord_000001", "pk_1", key, ItemKind.APPROVAL, amount, AT);
    }

    @Test
    void the_same_transaction_with_the_same_amount_matches_and_asks_nothing() {
        Matching.Verdict verdict = Matching.compare(toss("tx_a", PaymentStatus.DONE, 10_000),
                ours(10_000L, approval("tx_a", 10_000)));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MATCHED);
        assertThat(verdict.action()).isEqualTo(ItemAction.NONE);
        assertThat(verdict.needsAttention()).isFalse();
    }

    @Test
    void the_same_transaction_with_another_amount_is_mismatched_looked_up_and_flagged() {
        Matching.Verdict verdict = Matching.compare(toss("tx_a", PaymentStatus.DONE, 9_000),
                ours(10_000L, approval("tx_a", 10_000)));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MISMATCHED);
        assertThat(verdict.ourAmount()).isEqualTo(10_000);
        assertThat(verdict.action()).isEqualTo(ItemAction.LOOKUP);
        assertThat(verdict.needsAttention()).isTrue();
    }

    @Test
    void a_subscription_charge_without_a_key_of_ours_matches_by_its_payment() {
        Matching.Verdict verdict = Matching.compare(toss("tx_b", PaymentStatus.DONE, 9_900),
                ours(null, approval(null, 9_900)));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MATCHED);
    }

    @Test
    void a_cancel_we_never_recorded_of_a_known_order_is_missing_here_and_looked_up() {
        Matching.Verdict verdict = Matching.compare(toss("tx_c", PaymentStatus.CANCELED, 10_000),
                ours(10_000L, approval("tx_a", 10_000)));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MISSING_HERE);
        assertThat(verdict.action()).isEqualTo(ItemAction.LOOKUP);
        assertThat(verdict.needsAttention()).isFalse();
    }

    @Test
    void an_order_never_seen_here_is_missing_here_and_flagged() {
        Matching.Verdict verdict = Matching.compare(toss("tx_d", PaymentStatus.DONE, 5_000),
                OurOrder.unknown("ord_000001"));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MISSING_HERE);
        assertThat(verdict.action()).isEqualTo(ItemAction.FLAG);
        assertThat(verdict.needsAttention()).isTrue();
    }

    @Test
    void toss_approving_another_amount_than_was_checked_out_is_mismatched() {
        Matching.Verdict verdict = Matching.compare(toss("tx_e", PaymentStatus.DONE, 9_000), ours(10_000L));

        assertThat(verdict.status()).isEqualTo(ItemStatus.MISMATCHED);
        assertThat(verdict.ourAmount()).isEqualTo(10_000);
        assertThat(verdict.action()).isEqualTo(ItemAction.LOOKUP);
    }

    @Test
    void a_csv_cell_never_starts_a_formula_and_quotes_what_it_must() {
        assertThat(ReconciliationCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ReconciliationCsv.cell("-12")).isEqualTo("-12");
        assertThat(ReconciliationCsv.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }
}
