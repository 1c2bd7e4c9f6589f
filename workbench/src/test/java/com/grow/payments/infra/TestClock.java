package com.grow.payments.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: real time plus an offset a test may move. Every application context
 * in the test JVM uses this one clock, as every instance in production shares the same time (the
 * contexts share one Quartz cluster and one set of event processors).
 */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private static final TestClock INSTANCE = new TestClock();

    private TestClock() {
    }

    /** From now on the service believes it is {@code now} (and time goes on from there). */
    public static void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Seoul");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Imported by every test context (and passed as a source to extra instances a test starts). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        public Clock testClock() {
            return INSTANCE;
        }
    }
}
