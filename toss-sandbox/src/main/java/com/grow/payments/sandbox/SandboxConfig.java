package com.grow.payments.sandbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** How a {@link TossSandbox} listens and which secret keys it accepts. Immutable; build with {@link #builder()}. */
public final class SandboxConfig {

    /** Toss's own test keys look like these; with no configured keys, any of them is accepted. */
    private static final String[] TEST_KEY_PREFIXES = {"test_sk_", "test_gsk_"};

    private final String host;
    private final int port;
    private final Set<String> secretKeys;
    private final Clock clock;
    private final String mid;

    private SandboxConfig(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.secretKeys = Set.copyOf(builder.secretKeys);
        this.clock = builder.clock != null ? builder.clock : SandboxClock.system();
        this.mid = builder.mid;
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

    public String mid() {
        return mid;
    }

    /** Whether a decoded secret key may call the /v1 API. */
    boolean accepts(String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            return false;
        }
        if (!secretKeys.isEmpty()) {
            return secretKeys.contains(secretKey);
        }
        for (String prefix : TEST_KEY_PREFIXES) {
            if (secretKey.startsWith(prefix) && secretKey.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // The keys themselves are secrets: only say how many there are.
        return "SandboxConfig[host=" + host + ", port=" + port + ", secretKeys=" + secretKeys.size()
                + ", clock=" + clock + ", mid=" + mid + "]";
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private final Set<String> secretKeys = new LinkedHashSet<>();
        private Clock clock;
        private String mid = "tgrowpay";

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

        public Builder secretKey(String secretKey) {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("secret key must not be blank");
            }
            this.secretKeys.add(secretKey);
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

        public SandboxConfig build() {
            return new SandboxConfig(this);
        }
    }
}
