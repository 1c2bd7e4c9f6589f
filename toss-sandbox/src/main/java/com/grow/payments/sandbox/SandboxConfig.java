package com.grow.payments.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link TossSandbox} listens, which secret keys it accepts, and where and how fast it sends webhooks.
 * Immutable; build with {@link #builder()}.
 */
public final class SandboxConfig {

    /** Toss's own test keys look like these; with no configured keys, any of them is accepted. */
    private static final String[] TEST_KEY_PREFIXES = {"test_sk_", "test_gsk_"};

    private final String host;
    private final int port;
    private final Set<String> secretKeys;
    /** Secret key to the merchant ({@code mId}) it belongs to, for every configured key. */
    private final Map<String, String> merchantByKey;
    private final Clock clock;
    private final String mid;
    private final String webhookUrl;
    private final Duration webhookRetryUnit;
    private final PaymentStatus expiredVirtualAccountStatus;
    private final SettlementTerms settlementTerms;

    private SandboxConfig(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.secretKeys = Set.copyOf(builder.secretKeys);
        Map<String, String> byKey = new LinkedHashMap<>();
        builder.secretKeys.forEach(key -> byKey.put(key, builder.mid));
        byKey.putAll(builder.merchantByKey);
        this.merchantByKey = Collections.unmodifiableMap(byKey);
        this.clock = builder.clock != null ? builder.clock : SandboxClock.system();
        this.mid = builder.mid;
        this.webhookUrl = builder.webhookUrl;
        this.webhookRetryUnit = builder.webhookRetryUnit;
        this.expiredVirtualAccountStatus = builder.expiredVirtualAccountStatus;
        this.settlementTerms = builder.settlementTerms;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Clock clock() {
        return clock;
    }

    /** The default merchant: the one {@link Builder#secretKey} keys belong to, and any test key when none is set. */
    public String mid() {
        return mid;
    }

    /** Every merchant that has a key, default first, each once. */
    public Set<String> merchantIds() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(mid);
        ids.addAll(merchantByKey.values());
        return Collections.unmodifiableSet(ids);
    }

    /** The merchant's webhook URL at start, or null (see also {@link TossSandbox#setWebhookUrl}). */
    public String webhookUrl() {
        return webhookUrl;
    }

    /** What one "minute" of Toss's webhook retry schedule (1, 4, 16 ... 4096 min) lasts. */
    public Duration webhookRetryUnit() {
        return webhookRetryUnit;
    }

    /** The status a virtual account shows once its due date has passed: EXPIRED or WAITING_FOR_DEPOSIT. */
    public PaymentStatus expiredVirtualAccountStatus() {
        return expiredVirtualAccountStatus;
    }

    /** Fees and payout delay behind {@code GET /v1/settlements}. */
    public SettlementTerms settlementTerms() {
        return settlementTerms;
    }

    /** The URL itself if it is an absolute http(s) URL, else IllegalArgumentException. */
    static String requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }

    /** Whether a decoded secret key may call the /v1 API. */
    boolean accepts(String secretKey) {
        return merchantOf(secretKey) != null;
    }

    /**
     * The merchant ({@code mId}) a decoded secret key belongs to, or null if the key is refused. With no key
     * configured at all, any test key is the default merchant's.
     */
    String merchantOf(String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            return null;
        }
        if (!merchantByKey.isEmpty()) {
            return merchantByKey.get(secretKey);
        }
        for (String prefix : TEST_KEY_PREFIXES) {
            if (secretKey.startsWith(prefix) && secretKey.length() > prefix.length()) {
                return mid;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // The keys themselves are secrets: only say how many there are.
        return "SandboxConfig[host=" + host + ", port=" + port + ", secretKeys=" + merchantByKey.size()
                + ", merchants=" + merchantIds() + ", clock=" + clock + ", mid=" + mid + ", webhookUrl=" + webhookUrl
                + ", webhookRetryUnit=" + webhookRetryUnit + ", expiredVirtualAccountStatus=" + expiredVirtualAccountStatus
                + ", settlementTerms=" + settlementTerms + "]";
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private final Set<String> secretKeys = new LinkedHashSet<>();
        private final Map<String, String> merchantByKey = new LinkedHashMap<>();
        private Clock clock;
        private String mid = "tgrowpay";
        private String webhookUrl;
        private Duration webhookRetryUnit = Duration.ofMinutes(1);
        private PaymentStatus expiredVirtualAccountStatus = PaymentStatus.EXPIRED;
        private SettlementTerms settlementTerms = SettlementTerms.DEFAULT;

        private Builder() {
        }

        /** Port to bind; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Interface to bind, 127.0.0.1 by default; "0.0.0.0" for a container. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Accepted secret keys; empty means any key starting with "test_sk_" (or "test_gsk_"). */
        public Builder secretKeys(Set<String> secretKeys) {
            this.secretKeys.clear();
            Objects.requireNonNull(secretKeys, "secretKeys").forEach(this::secretKey);
            return this;
        }

        /** A key of the default merchant ({@link #mid(String)}). */
        public Builder secretKey(String secretKey) {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("secret key must not be blank");
            }
            if (merchantByKey.containsKey(secretKey)) {
                throw new IllegalArgumentException("a secret key can belong to one merchant only");
            }
            this.secretKeys.add(secretKey);
            return this;
        }

        /**
         * Another merchant: {@code secretKey} is accepted and sees only {@code mid}'s payments, billing keys and
         * receipts, as each MID's keys do at Toss. Repeatable, also for several keys of one merchant; a key can
         * belong to one merchant only.
         */
        public Builder merchant(String mid, String secretKey) {
            if (mid == null || mid.isBlank()) {
                throw new IllegalArgumentException("merchant id must not be blank");
            }
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("secret key of merchant " + mid + " must not be blank");
            }
            String other = merchantByKey.get(secretKey);
            if ((other != null && !other.equals(mid)) || secretKeys.contains(secretKey)) {
                throw new IllegalArgumentException("a secret key can belong to one merchant only (" + mid + ")");
            }
            merchantByKey.put(secretKey, mid);
            return this;
        }

        /** Source of every timestamp and of the time windows; a {@link SandboxClock} by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Merchant id reported as {@code mId}. */
        public Builder mid(String mid) {
            this.mid = Objects.requireNonNull(mid, "mid");
            return this;
        }

        /**
         * Where webhooks are POSTed (absolute http or https); null, the default, only records them. A service
         * whose port is known only once it runs can set it later with {@link TossSandbox#setWebhookUrl}.
         */
        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl == null ? null : requireHttpUrl(webhookUrl);
            return this;
        }

        /**
         * The length of one minute of Toss's retry schedule: 1 minute (the default) is Toss's real timing;
         * tests compress it, e.g. 50 ms makes the first retries come after 50, 200 and 800 ms.
         */
        public Builder webhookRetryUnit(Duration unit) {
            Objects.requireNonNull(unit, "unit");
            if (unit.isZero() || unit.isNegative()) {
                throw new IllegalArgumentException("webhook retry unit must be positive: " + unit);
            }
            this.webhookRetryUnit = unit;
            return this;
        }

        /**
         * What a virtual account shows once its due date passes (it is {@code expired: true} either way, and no
         * webhook is sent). EXPIRED by default; WAITING_FOR_DEPOSIT plays the reading of Toss's docs in which
         * the status never changes (docs/toss.md), so a client can be tested against both.
         */
        public Builder expiredVirtualAccountStatus(PaymentStatus status) {
            if (status != PaymentStatus.EXPIRED && status != PaymentStatus.WAITING_FOR_DEPOSIT) {
                throw new IllegalArgumentException("expected EXPIRED or WAITING_FOR_DEPOSIT, got " + status);
            }
            this.expiredVirtualAccountStatus = status;
            return this;
        }

        /** Fees and payout delay for {@code GET /v1/settlements}; {@link SettlementTerms#DEFAULT} otherwise. */
        public Builder settlementTerms(SettlementTerms terms) {
            this.settlementTerms = Objects.requireNonNull(terms, "terms");
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(this);
        }
    }
}
