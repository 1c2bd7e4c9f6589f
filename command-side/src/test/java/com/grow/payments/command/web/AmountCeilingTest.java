package com.grow.payments.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import org.junit.jupiter.api.Test;

class AmountCeilingTest {

    private final AmountCeiling ceiling = new AmountCeiling(100_000_000L);

    @Test
    void an_amount_up_to_the_ceiling_passes() {
        assertThatCode(() -> ceiling.check("amount", 100_000_000L)).doesNotThrowAnyException();
        assertThatCode(() -> ceiling.check("cancelAmount", null)).doesNotThrowAnyException();
    }

    @Test
    void an_amount_above_the_ceiling_is_a_validation_failure_naming_the_field() {
        assertThatThrownBy(() -> ceiling.check("amount", 100_000_001L))
                .isInstanceOfSatisfying(PaymentRejection.class, rejection -> {
                    assertThat(rejection.kind()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(rejection.properties().toString()).contains("field=amount");
                });
        assertThatThrownBy(() -> ceiling.check("amount", Long.MAX_VALUE)).isInstanceOf(PaymentRejection.class);
    }

    @Test
    void a_ceiling_of_zero_or_less_is_a_configuration_error() {
        assertThatThrownBy(() -> new AmountCeiling(0)).isInstanceOf(IllegalStateException.class);
    }
}
