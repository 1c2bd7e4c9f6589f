package com.grow.payments.shared.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status each payment event leaves, as both the aggregate and the read model take it. */
class PaymentEventStatusTest {

    private static final OrderId ORDER = new OrderId("ord_status_1");
    private static final PaymentKey KEY = new PaymentKey("tgen_status");
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private static PaymentCancelled cancelledLeaving(long balance) {
        return new PaymentCancelled(ORDER, "c1", "tx_c1", Money.won(1_000), "reason", AT, Money.won(balance), null);
    }

    @Test
    void a_cancel_leaving_a_balance_is_partial_and_one_leaving_nothing_is_canceled() {
        assertThat(PaymentEventStatus.of(cancelledLeaving(4_000))).contains(PaymentStatus.PARTIAL_CANCELED);
        assertThat(PaymentEventStatus.of(cancelledLeaving(0))).contains(PaymentStatus.CANCELED);
    }

    @Test
    void a_compensation_is_unknown_until_its_refund_then_canceled() {
        assertThat(PaymentEventStatus.of(new PaymentCompensationStarted(ORDER, KEY, Money.won(5_000), "AMOUNT_MISMATCH")))
                .contains(PaymentStatus.UNKNOWN);
        assertThat(PaymentEventStatus.of(new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx_r", Money.won(5_000), AT)))
                .contains(PaymentStatus.CANCELED);
    }

    @Test
    void a_deposit_error_puts_a_paid_account_back_to_waiting() {
        assertThat(PaymentEventStatus.after(new PaymentDepositReversed(ORDER, KEY, "deposit error"), PaymentStatus.DONE))
                .isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
    }

    @Test
    void an_event_that_sets_no_status_leaves_the_one_there_is() {
        assertThat(PaymentEventStatus.of(new PaymentNeedsAttention(ORDER, "doubt"))).isEmpty();
        assertThat(PaymentEventStatus.after(new PaymentNeedsAttention(ORDER, "doubt"), PaymentStatus.DONE))
                .isEqualTo(PaymentStatus.DONE);
    }
}
