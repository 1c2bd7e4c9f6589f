package com.grow.payments.command.payment;

import static com.grow.payments.shared.payment.PaymentStatus.ABORTED;
import static com.grow.payments.shared.payment.PaymentStatus.CANCELED;
import static com.grow.payments.shared.payment.PaymentStatus.DONE;
import static com.grow.payments.shared.payment.PaymentStatus.EXPIRED;
import static com.grow.payments.shared.payment.PaymentStatus.IN_PROGRESS;
import static com.grow.payments.shared.payment.PaymentStatus.PARTIAL_CANCELED;
import static com.grow.payments.shared.payment.PaymentStatus.READY;
import static com.grow.payments.shared.payment.PaymentStatus.UNKNOWN;
import static com.grow.payments.shared.payment.PaymentStatus.WAITING_FOR_DEPOSIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentStatus;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentTransitionsTest {

    /** The lifecycle as the design states it: anything not listed here must be refused. */
    private static final Set<String> EXPECTED = Set.of(
            "READY->IN_PROGRESS", "READY->WAITING_FOR_DEPOSIT", "READY->EXPIRED",
            "IN_PROGRESS->DONE", "IN_PROGRESS->ABORTED", "IN_PROGRESS->EXPIRED", "IN_PROGRESS->UNKNOWN",
            "IN_PROGRESS->WAITING_FOR_DEPOSIT",
            "UNKNOWN->DONE", "UNKNOWN->ABORTED", "UNKNOWN->EXPIRED", "UNKNOWN->CANCELED", "UNKNOWN->WAITING_FOR_DEPOSIT",
            "ABORTED->UNKNOWN", "EXPIRED->UNKNOWN",
            "WAITING_FOR_DEPOSIT->DONE", "WAITING_FOR_DEPOSIT->EXPIRED", "WAITING_FOR_DEPOSIT->CANCELED",
            "DONE->PARTIAL_CANCELED", "DONE->CANCELED", "DONE->WAITING_FOR_DEPOSIT",
            "PARTIAL_CANCELED->PARTIAL_CANCELED", "PARTIAL_CANCELED->CANCELED");

    @Test
    void the_table_allows_exactly_the_listed_transitions() {
        Set<String> allowed = new HashSet<>();
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                if (PaymentTransitions.allows(from, to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void a_ready_payment_may_go_in_progress() {
        assertThat(PaymentTransitions.allows(READY, IN_PROGRESS)).isTrue();
    }

    @Test
    void an_approved_payment_never_goes_back_to_ready() {
        assertThat(PaymentTransitions.allows(DONE, READY)).isFalse();
    }

    @Test
    void an_unknown_outcome_may_be_settled_as_approved() {
        assertThat(PaymentTransitions.allows(UNKNOWN, DONE)).isTrue();
    }

    @Test
    void an_approved_payment_cannot_be_declined() {
        assertThat(PaymentTransitions.allows(DONE, ABORTED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void a_canceled_payment_goes_nowhere(PaymentStatus to) {
        assertThat(PaymentTransitions.allows(CANCELED, to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"ABORTED", "EXPIRED"})
    void a_declined_or_expired_payment_only_goes_to_unknown_to_compensate_a_late_approval(PaymentStatus from) {
        for (PaymentStatus to : PaymentStatus.values()) {
            assertThat(PaymentTransitions.allows(from, to)).as("%s -> %s", from, to).isEqualTo(to == UNKNOWN);
        }
    }

    @Test
    void a_compensation_ends_with_the_unknown_payment_canceled() {
        assertThat(PaymentTransitions.allows(UNKNOWN, CANCELED)).isTrue();
    }

    @Test
    void check_refuses_an_unlisted_transition_with_invalid_state_transition() {
        assertThatThrownBy(() -> PaymentTransitions.check(DONE, ABORTED))
                .isInstanceOf(PaymentRejection.class)
                .satisfies(e -> assertThat(((PaymentRejection) e).kind()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION))
                .hasMessageContaining("DONE")
                .hasMessageContaining("ABORTED");
    }

    @Test
    void check_lets_a_listed_transition_through() {
        assertThatCode(() -> PaymentTransitions.check(IN_PROGRESS, UNKNOWN)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentTransitions.check(WAITING_FOR_DEPOSIT, EXPIRED)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentTransitions.check(PARTIAL_CANCELED, PARTIAL_CANCELED)).doesNotThrowAnyException();
    }
}
