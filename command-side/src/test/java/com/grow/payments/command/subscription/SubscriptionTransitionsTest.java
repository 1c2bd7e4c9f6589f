package com.grow.payments.command.subscription;

import static com.grow.payments.shared.subscription.SubscriptionStatus.ACTIVE;
import static com.grow.payments.shared.subscription.SubscriptionStatus.CANCELED;
import static com.grow.payments.shared.subscription.SubscriptionStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.command.TransitionMatrix;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SubscriptionTransitionsTest {

    /**
     * Every pair on purpose: row = from, column = to, in {@link SubscriptionStatus}'s order;
     * {@code +} allowed, {@code .} refused ({@link TransitionMatrix}).
     */
    private static final String[] MATRIX = {
        //                ACTIVE  PAST_DUE  SUSPENDED  CANCELED
        /* ACTIVE    */ ".       +         +          +",
        /* PAST_DUE  */ "+       .         +          +",
        /* SUSPENDED */ "+       .         .          +",
        /* CANCELED  */ ".       .         .          .",
    };

    @Test
    void the_table_allows_exactly_the_pairs_the_matrix_allows() {
        TransitionMatrix.assertTableIs(MATRIX, SubscriptionStatus.class, SubscriptionTransitions::allows);
    }

    @ParameterizedTest
    @EnumSource(SubscriptionStatus.class)
    void a_subscription_is_born_active_and_nothing_else(SubscriptionStatus to) {
        assertThat(SubscriptionTransitions.allows(null, to)).isEqualTo(to == ACTIVE);
    }

    @Test
    void a_suspended_subscription_does_not_become_past_due() {
        assertThat(SubscriptionTransitions.allows(SUSPENDED, SubscriptionStatus.PAST_DUE)).isFalse();
    }

    @Test
    void check_refuses_an_unlisted_transition_with_invalid_state_transition() {
        assertThatThrownBy(() -> SubscriptionTransitions.check(CANCELED, ACTIVE))
                .isInstanceOf(PaymentRejection.class)
                .satisfies(e -> assertThat(((PaymentRejection) e).kind()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION))
                .hasMessageContaining("CANCELED")
                .hasMessageContaining("ACTIVE");
    }
}
