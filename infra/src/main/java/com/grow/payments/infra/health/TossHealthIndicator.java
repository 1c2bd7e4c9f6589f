package com.grow.payments.infra.health;

import com.grow.payments.infra.toss.TossProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code toss}: can Toss's API be reached? Informational only — it is in no probe group, and its
 * bad news is {@code UNREACHABLE} (answered 200), because a pod cannot fix Toss: payments meanwhile
 * wait for Toss's answer or go UNKNOWN and are looked up later. Any HTTP answer (even a 401 to an
 * unauthenticated call) proves Toss is there; the secret key is never sent. Checked at most every
 * ten seconds, so probes and scrapes do not become load on Toss.
 */
@Component("toss")
public class TossHealthIndicator implements HealthIndicator {

    static final Status UNREACHABLE = new Status("UNREACHABLE", "Toss's API did not answer");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REUSE = Duration.ofSeconds(10);

    private final URI probe;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Health last;
    private volatile Instant checkedAt = Instant.EPOCH;

    public TossHealthIndicator(TossProperties properties) {
        String base = properties.baseUrl().toString();
        this.probe = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/payments/orders/health");
    }

    @Override
    public Health health() {
        Instant now = Instant.now();
        if (last == null || now.isAfter(checkedAt.plus(REUSE))) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return Health.up().withDetail("httpStatus", response.statusCode())
                    .withDetail("latencyMs", (System.nanoTime() - started) / 1_000_000).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.status(UNREACHABLE).build();
        } catch (Exception e) {
            return Health.status(UNREACHABLE).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
