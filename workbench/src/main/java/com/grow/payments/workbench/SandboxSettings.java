package com.grow.payments.workbench;

import com.grow.payments.sandbox.SandboxConfig;
import com.grow.payments.sandbox.SettlementTerms;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded Toss sandbox's configuration from the standalone profile's properties (docs/toss-sandbox.md):
 * <ul>
 *   <li>the service's own key ({@code toss.secret-key}) is the default merchant's;</li>
 *   <li>{@code payments.sandbox.merchants.<mId>=<secretKey>} adds merchants, each key seeing only its own
 *   merchant's payments;</li>
 *   <li>every {@code toss.merchants.<name>.secret-key} the service is configured with is a merchant too (mId
 *   {@code tgrow<name>}), unless listed above, so naming merchants for the service is enough to run them;</li>
 *   <li>{@code payments.sandbox.settlement.card-fee-bps}, {@code .virtual-account-fee} and
 *   {@code .payout-delay-days} set the fees and payout day of {@code GET /v1/settlements}.</li>
 * </ul>
 */
final class SandboxSettings {

    static final String MERCHANTS = "payments.sandbox.merchants";
    static final String SERVICE_MERCHANTS = "toss.merchants";
    static final String SETTLEMENT = "payments.sandbox.settlement.";

    private SandboxSettings() {
    }

    /** The sandbox for this environment, listening on {@code port}; {@code secretKey} may be null. */
    static SandboxConfig.Builder from(ConfigurableEnvironment env, int port, String secretKey) {
        SandboxConfig.Builder builder = SandboxConfig.builder().port(port);
        if (secretKey != null) {
            builder.secretKey(secretKey);
        }
        Map<String, String> merchants = merchants(env);
        merchants.forEach((mid, key) -> {
            if (!key.equals(secretKey)) {
                builder.merchant(mid, key);
            }
        });
        for (Map.Entry<String, String> named : serviceMerchantKeys(env).entrySet()) {
            String key = named.getValue();
            if (!key.equals(secretKey) && !merchants.containsValue(key)) {
                builder.merchant(midFor(named.getKey()), key);
            }
        }
        SettlementTerms defaults = SettlementTerms.DEFAULT;
        builder.settlementTerms(new SettlementTerms(
                env.getProperty(SETTLEMENT + "card-fee-bps", Long.class, defaults.cardFeeBasisPoints()),
                env.getProperty(SETTLEMENT + "virtual-account-fee", Long.class, defaults.virtualAccountFee()),
                env.getProperty(SETTLEMENT + "payout-delay-days", Integer.class, defaults.payoutDelayDays())));
        return builder;
    }

    /** Whether the service names its merchants, in which case it needs no generated {@code toss.secret-key}. */
    static boolean serviceNamesMerchants(ConfigurableEnvironment env) {
        return !serviceMerchantKeys(env).isEmpty();
    }

    /** {@code tgrow} and the merchant's name in lower-case letters and digits, e.g. {@code billing} → {@code tgrowbilling}. */
    static String midFor(String name) {
        return "tgrow" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, String> merchants(ConfigurableEnvironment env) {
        return Binder.get(env).bind(MERCHANTS, Bindable.mapOf(String.class, String.class)).orElseGet(Map::of);
    }

    private static Map<String, String> serviceMerchantKeys(ConfigurableEnvironment env) {
        Map<String, Object> names = Binder.get(env).bind(SERVICE_MERCHANTS, Bindable.mapOf(String.class, Object.class))
                .orElseGet(Map::of);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : names.keySet()) {
            String key = env.getProperty(SERVICE_MERCHANTS + "." + name + ".secret-key");
            if (key != null && !key.isBlank()) {
                keys.put(name, key);
            }
        }
        return keys;
    }
}
