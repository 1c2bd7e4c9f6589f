package com.grow.payments.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevTokenGuardTest {

    @Test
    void dev_tokens_next_to_a_live_toss_key_stop_the_start_naming_the_property_not_the_key() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("payments.security.dev-tokens.enabled", "true")
                .withProperty("toss.secret-key", "live_sk_" + "abcdefgh12345678");

        assertThatThrownBy(() -> new DevTokenGuard(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toss.secret-key")
                .hasMessageNotContaining("abcdefgh12345678");
    }

    @Test
    void a_live_key_of_any_named_merchant_counts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("toss.secret-key", "test_sk_" + "abcdefgh12345678")
                .withProperty("toss.merchants.billing.secret-key", "live_sk_" + "zzzzzzzz12345678")
                .withProperty("toss.merchants.widget.secret-key", "test_sk_" + "yyyyyyyy12345678");

        assertThat(DevTokenGuard.liveKeyProperties(environment)).containsExactly("toss.merchants.billing.secret-key");
        assertThatThrownBy(() -> new DevTokenGuard(environment)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dev_tokens_with_test_keys_start() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("toss.secret-key", "test_sk_" + "abcdefgh12345678");

        assertThat(DevTokenGuard.liveKeyProperties(environment)).isEmpty();
        new DevTokenGuard(environment);
    }
}
