package com.grow.payments.sagas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepKeysTest {

    @Test
    void the_same_step_and_parts_always_give_the_same_key() {
        assertThat(StepKeys.of("confirm", "ord_000001", "tgen_key"))
                .isEqualTo(StepKeys.of("confirm", "ord_000001", "tgen_key"));
    }

    @Test
    void a_different_step_gives_a_different_key() {
        assertThat(StepKeys.of("confirm", "ord_000001", "tgen_key"))
                .isNotEqualTo(StepKeys.of("cancel", "ord_000001", "tgen_key"));
    }

    @Test
    void a_different_part_gives_a_different_key() {
        String key = StepKeys.of("confirm", "ord_000001", "tgen_key");

        assertThat(key).isNotEqualTo(StepKeys.of("confirm", "ord_000002", "tgen_key"));
        assertThat(key).isNotEqualTo(StepKeys.of("confirm", "ord_000001", "tgen_key2"));
        assertThat(key).isNotEqualTo(StepKeys.of("confirm", "tgen_key", "ord_000001"));
        assertThat(key).isNotEqualTo(StepKeys.of("confirm", "ord_000001"));
    }

    @Test
    void the_key_fits_tosss_300_character_limit_even_for_the_longest_ids() {
        String longestOrderId = "o".repeat(64);
        String longestPaymentKey = "k".repeat(200);

        assertThat(StepKeys.of("confirm", longestOrderId, longestPaymentKey))
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void a_separator_inside_a_part_cannot_make_two_steps_share_a_key() {
        assertThat(StepKeys.of("confirm", "a|b")).isNotEqualTo(StepKeys.of("confirm", "a", "b"));
    }
}
