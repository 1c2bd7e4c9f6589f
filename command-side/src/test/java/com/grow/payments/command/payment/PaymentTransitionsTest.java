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

import com.grow.payments.command.TransitionMatrix;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentTransitionsTest {

    /**
     * The lifecycle as the design states it, every pair on purpose: row = from, column = to, in
     * {@link PaymentStatus}'s order; {@code +} allowed, {@code .} refused ({@link TransitionMatrix}).
     */
    private static final String[] MATRIX = {
        //                    READY  IN_PR  WAIT   DONE   CANCD  PARTL  ABORT  EXPRD  UNKWN
        /* READY            */ ".      +      +      .      .      .      .      +      .",
        /* IN_PROGRESS      */ ".      .      +      +      .      .      +      +      +",
        /* WAITING_FOR_DEP. */ ".      .      .      +      +      .      .      +      .",
        /* DONE             */ ".      .      +      .      +      +      .      .      .",
        /* CANCELED         */ ".      .      .      .      .      .      .      .      .",
        /* PARTIAL_CANCELED */ ".      .      .      .      +      +      .      .      .",
        /* ABORTED          */ ".      .      .      .      .      .      .      .      +",
        /* EXPIRED          */ ".      .      .      .      .      .      .      .      +",
        /* UNKNOWN          */ ".      .      +      +      +      .      +      +      +",
    };

    @Test
    void the_table_allows_exactly_the_pairs_the_matrix_allows() {
        TransitionMatrix.assertTableIs(MATRIX, PaymentStatus.class, PaymentTransitions::allows);
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void a_payment_is_born_ready_and_nothing_else(PaymentStatus to) {
        assertThat(PaymentTransitions.allows(null, to)).isEqualTo(to == READY);
    }

    @Test
    void a_compensation_may_start_from_an_unknown_outcome() {
        assertThat(PaymentTransitions.allows(UNKNOWN, UNKNOWN)).isTrue();
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

    @Test
    void a_declined_or_expired_payment_only_goes_to_unknown_to_compensate_a_late_approval() {
        for (PaymentStatus from : List.of(ABORTED, EXPIRED)) {
            for (PaymentStatus to : PaymentStatus.values()) {
                assertThat(PaymentTransitions.allows(from, to)).as("%s -> %s", from, to).isEqualTo(to == UNKNOWN);
            }
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
                .hasMessageContaining(ABORTED.name());
    }

    @Test
    void check_lets_a_listed_transition_through() {
        assertThatCode(() -> PaymentTransitions.check(IN_PROGRESS, UNKNOWN)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentTransitions.check(WAITING_FOR_DEPOSIT, EXPIRED)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentTransitions.check(PARTIAL_CANCELED, PARTIAL_CANCELED)).doesNotThrowAnyException();
    }
}
