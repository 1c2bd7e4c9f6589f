package com.grow.payments.infra.toss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.shared.merchant.MerchantFlow;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Startup validation of the Toss merchants: every flow has exactly one merchant, or the service does not start. */
class TossMerchantsTest {

    private static final String CHECKOUT_KEY = "test_sk_unit_checkout";
    private static final String BILLING_KEY = "test_sk_unit_billing";

    private static TossProperties properties(String secretKey, Map<String, TossProperties.Merchant> merchants) {
        return new TossProperties(URI.create("http://localhost"), secretKey, Duration.ofSeconds(1),
                Duration.ofSeconds(1), merchants);
    }

    private static TossProperties.Merchant merchant(String key, String... flows) {
        return new TossProperties.Merchant(key, List.of(flows));
    }

    @Test
    void a_secret_key_alone_is_one_default_merchant_serving_every_flow() {
        TossMerchants merchants = new TossMerchants(properties(CHECKOUT_KEY, null));

        for (MerchantFlow flow : MerchantFlow.values()) {
            assertThat(merchants.merchantFor(flow)).isEqualTo("default");
        }
        assertThat(merchants.secretKey("default")).isEqualTo(CHECKOUT_KEY);
        assertThat(merchants.secretKey(null)).as("records from before merchants").isEqualTo(CHECKOUT_KEY);
    }

    @Test
    void named_merchants_route_each_flow_to_its_own_key() {
        TossMerchants merchants = new TossMerchants(properties(null, Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt"),
                "billing", merchant(BILLING_KEY, "billing"))));

        assertThat(merchants.merchantFor(MerchantFlow.CARD)).isEqualTo("checkout");
        assertThat(merchants.merchantFor(MerchantFlow.VIRTUAL_ACCOUNT)).isEqualTo("checkout");
        assertThat(merchants.merchantFor(MerchantFlow.CASH_RECEIPT)).isEqualTo("checkout");
        assertThat(merchants.merchantFor(MerchantFlow.BILLING)).isEqualTo("billing");
        assertThat(merchants.secretKey("billing")).isEqualTo(BILLING_KEY);
        assertThat(merchants.names()).containsExactlyInAnyOrder("checkout", "billing");
    }

    @Test
    void a_flow_with_no_merchant_refuses_to_start_naming_the_flow() {
        assertThatThrownBy(() -> new TossMerchants(properties(null, Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flow 'billing' has no merchant")
                .hasMessageNotContaining(CHECKOUT_KEY);
    }

    @Test
    void a_flow_with_two_merchants_refuses_to_start_naming_both() {
        assertThatThrownBy(() -> new TossMerchants(properties(null, Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt", "billing"),
                "billing", merchant(BILLING_KEY, "billing")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flow 'billing' has more than one merchant [billing, checkout]")
                .hasMessageNotContaining(BILLING_KEY);
    }

    @Test
    void an_unknown_flow_or_a_merchant_without_a_key_refuses_to_start() {
        assertThatThrownBy(() -> new TossMerchants(properties(null, Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt", "widget"),
                "billing", merchant(" ", "billing")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown flow 'widget'")
                .hasMessageContaining("toss.merchants.billing.secret-key is not set");
    }

    @Test
    void a_secret_key_beside_named_merchants_keeps_serving_the_records_made_before_them() {
        TossMerchants merchants = new TossMerchants(properties("test_sk_unit_old", Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt"),
                "billing", merchant(BILLING_KEY, "billing"))));

        assertThat(merchants.secretKey("default")).isEqualTo("test_sk_unit_old");
        assertThat(merchants.merchantFor(MerchantFlow.CARD)).isEqualTo("checkout");
    }

    @Test
    void a_merchant_that_is_no_longer_configured_is_refused_never_replaced_by_another_key() {
        TossMerchants merchants = new TossMerchants(properties(null, Map.of(
                "checkout", merchant(CHECKOUT_KEY, "card", "virtual-account", "cash-receipt"),
                "billing", merchant(BILLING_KEY, "billing"))));

        assertThatThrownBy(() -> merchants.secretKey("default")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'default' is not configured");
    }

    @Test
    void the_properties_never_print_a_key() {
        TossProperties properties = properties(CHECKOUT_KEY, Map.of("billing", merchant(BILLING_KEY, "billing")));

        assertThat(properties.toString()).doesNotContain(CHECKOUT_KEY).doesNotContain(BILLING_KEY)
                .contains("test_sk_****");
    }
}
