package com.grow.payments.infra.toss;

import com.grow.payments.shared.merchant.MerchantFlow;
import com.grow.payments.shared.merchant.MerchantRouting;
import com.grow.payments.shared.merchant.Merchants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Toss merchants (MIDs) the service holds keys for, and which one serves each flow
 * (docs/adr/0014-merchant-routing.md):
 * <ul>
 *   <li>{@code toss.secret-key} alone: one merchant, {@code default}, serving every flow;</li>
 *   <li>{@code toss.merchants.<name>.secret-key} and {@code .flows}: named merchants. A
 *   {@code toss.secret-key} beside them is the {@code default} merchant serving no flow, for the
 *   records made before the merchants were named.</li>
 * </ul>
 * Every flow must have exactly one merchant, else the service does not start; the message names
 * the flow, never a key.
 */
@Component
public class TossMerchants implements MerchantRouting {

    private static final Logger log = LoggerFactory.getLogger(TossMerchants.class);

    private final Map<String, String> keys;
    private final Map<MerchantFlow, String> routes;

    public TossMerchants(TossProperties properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<MerchantFlow, String> routes = new EnumMap<>(MerchantFlow.class);
        if (properties.merchants().isEmpty()) {
            keys.put(Merchants.DEFAULT, nullToEmpty(properties.secretKey()));
            for (MerchantFlow flow : MerchantFlow.values()) {
                routes.put(flow, Merchants.DEFAULT);
            }
        } else {
            route(properties, keys, routes);
        }
        this.keys = Collections.unmodifiableMap(keys);
        this.routes = Collections.unmodifiableMap(routes);
        keys.forEach((name, key) -> {
            if (key.isEmpty()) {
                log.warn("Toss merchant {} has no secret key: every call to Toss with it will be refused", name);
            }
        });
        log.info("Toss merchants {}; flows {}", keys.keySet(), routes);
    }

    private static void route(TossProperties properties, Map<String, String> keys, Map<MerchantFlow, String> routes) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()
                && !properties.merchants().containsKey(Merchants.DEFAULT)) {
            keys.put(Merchants.DEFAULT, properties.secretKey());
        }
        Map<MerchantFlow, Set<String>> serving = new EnumMap<>(MerchantFlow.class);
        List<String> problems = new ArrayList<>();
        new TreeSet<>(properties.merchants().keySet()).forEach(name -> {
            TossProperties.Merchant merchant = properties.merchants().get(name);
            if (merchant.secretKey() == null || merchant.secretKey().isBlank()) {
                problems.add("toss.merchants." + name + ".secret-key is not set");
            }
            keys.put(name, nullToEmpty(merchant.secretKey()));
            for (String word : merchant.flows()) {
                MerchantFlow flow = MerchantFlow.of(word).orElse(null);
                if (flow == null) {
                    problems.add("toss.merchants." + name + ".flows names an unknown flow '" + word
                            + "' (known: card, billing, virtual-account, cash-receipt)");
                } else {
                    serving.computeIfAbsent(flow, f -> new TreeSet<>()).add(name);
                }
            }
        });
        for (MerchantFlow flow : MerchantFlow.values()) {
            Set<String> names = serving.getOrDefault(flow, Set.of());
            if (names.isEmpty()) {
                problems.add("flow '" + flow.key() + "' has no merchant: add it to one toss.merchants.<name>.flows");
            } else if (names.size() > 1) {
                problems.add("flow '" + flow.key() + "' has more than one merchant " + names
                        + ": keep it in exactly one toss.merchants.<name>.flows");
            } else {
                routes.put(flow, names.iterator().next());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Toss merchants are misconfigured: " + String.join("; ", problems));
        }
    }

    @Override
    public String merchantFor(MerchantFlow flow) {
        return routes.get(flow);
    }

    /**
     * The merchant's secret key, for the clients that call Toss with it (never to be logged); a
     * record of a merchant no longer configured cannot be served.
     */
    public String secretKey(String merchant) {
        String key = keys.get(Merchants.orDefault(merchant));
        if (key == null) {
            throw new IllegalStateException("Toss merchant '" + merchant + "' is not configured; a merchant that "
                    + "still has payments must stay under toss.merchants (its flows may be empty)");
        }
        return key;
    }

    /** The names of every configured merchant, in a stable order (default first, then by name): a resumed reconciliation counts on it. */
    public Set<String> names() {
        return keys.keySet();
    }

    private static String nullToEmpty(String key) {
        return key == null ? "" : key;
    }
}
