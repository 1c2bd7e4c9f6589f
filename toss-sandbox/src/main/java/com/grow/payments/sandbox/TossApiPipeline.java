package com.grow.payments.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every /v1 call goes through, in Toss's order: auth, header checks, forced test codes,
 * injected faults, the idempotency cache, then the resource handler, with the global latency
 * applied before the answer.
 * <p>
 * Latency is waited out before the handler runs, with the idempotency key already reserved, so
 * a slow call is "in flight" for its whole duration: a repeat during it gets 409 as from Toss.
 * Waiting happens on a timer, never by sleeping on a pool thread.
 */
final class TossApiPipeline {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TEST_CODE = "TossPayments-Test-Code";

    private static final Logger log = LoggerFactory.getLogger(TossApiPipeline.class);

    private final SandboxConfig config;
    private final Clock clock;
    private final IdempotencyCache idempotency;
    private final FaultPlan faults;
    private final ResponseWriter writer;
    private final Executor workers;
    private final ScheduledExecutorService timer;

    private final SandboxStats stats;

    TossApiPipeline(SandboxConfig config, IdempotencyCache idempotency, FaultPlan faults, ResponseWriter writer,
                    Executor workers, ScheduledExecutorService timer, SandboxStats stats) {
        this.config = config;
        this.stats = stats;
        this.clock = config.clock();
        this.idempotency = idempotency;
        this.faults = faults;
        this.writer = writer;
        this.workers = workers;
        this.timer = timer;
    }

    void handle(Router.Route route, SandboxRequest request, HttpExchange exchange) {
        Duration delay = faults.latency();
        SandboxResponse refusal = gate(request);
        if (request.secretKey() != null) {
            stats.recordKeyRequest(request.secretKey(), request.mid(), route.endpoint());
            stats.recordKeyPath(request.secretKey(), request.method().toUpperCase(), request.path());
        }
        if (refusal != null) {
            later(delay, exchange, () -> writer.send(exchange, refusal));
            return;
        }
        route.observer().accept(request);

        FaultPlan.Fault fault = faults.take(route.endpoint()).orElse(null);
        if (fault != null && fault.kind() == FaultKind.TIMEOUT) {
            log.debug("fault TIMEOUT on {}: holding for {}", route.endpoint(), fault.hold());
            writer.hold(exchange, fault.hold());
            return;
        }
        if (fault != null && fault.kind() != FaultKind.LOST_ANSWER) {
            // Nothing ran, so nothing is cached: a retry under the same key really runs.
            SandboxResponse error = SandboxResponse.error(fault.kind().errorCode());
            later(delay, exchange, () -> writer.send(exchange, error));
            return;
        }

        String key = request.header(IDEMPOTENCY_KEY);
        if (key == null || !"POST".equalsIgnoreCase(request.method())) {
            later(delay, exchange, () -> deliver(exchange, run(route, request, null), fault));
            return;
        }
        String scope = IdempotencyCache.scope(request.secretKey(), request.method().toUpperCase(), request.path(), key);
        IdempotencyCache.Begin begin = idempotency.begin(scope, clock.instant());
        if (begin instanceof IdempotencyCache.Replay replay) {
            later(delay, exchange, () -> deliver(exchange, replay.response(), fault));
        } else if (begin instanceof IdempotencyCache.InFlight) {
            SandboxResponse busy = SandboxResponse.error("IDEMPOTENT_REQUEST_PROCESSING");
            later(delay, exchange, () -> deliver(exchange, busy, fault));
        } else {
            IdempotencyCache.Started started = (IdempotencyCache.Started) begin;
            later(delay, exchange, () -> deliver(exchange, run(route, request, started), fault));
        }
    }

    /** Checks that need no state: auth, the key's format, a forced Test-Code. Null when all pass. */
    private SandboxResponse gate(SandboxRequest request) {
        try {
            request.secretKey(BasicAuth.secretKey(request.header("Authorization"), config));
            request.mid(config.merchantOf(request.secretKey()));
        } catch (TossApiException e) {
            return e.toResponse();
        }
        String key = request.header(IDEMPOTENCY_KEY);
        if (key != null && "POST".equalsIgnoreCase(request.method())
                && (key.isBlank() || key.length() > IdempotencyCache.MAX_KEY_LENGTH)) {
            return SandboxResponse.error("INVALID_IDEMPOTENCY_KEY");
        }
        String testCode = request.header(TEST_CODE);
        if (testCode != null && !testCode.isBlank()) {
            return SandboxResponse.error(testCode.trim());
        }
        return null;
    }

    private SandboxResponse run(Router.Route route, SandboxRequest request, IdempotencyCache.Started started) {
        SandboxResponse response;
        try {
            response = route.handler().handle(request);
        } catch (TossApiException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            log.error("sandbox handler for {} failed", route.endpoint(), e);
            if (started != null) {
                idempotency.abandon(started);
            }
            return SandboxResponse.error("FAILED_INTERNAL_SYSTEM_PROCESSING");
        }
        if (started != null) {
            idempotency.complete(started, response);
        }
        return response;
    }

    private void deliver(HttpExchange exchange, SandboxResponse response, FaultPlan.Fault fault) {
        if (fault != null && fault.kind() == FaultKind.LOST_ANSWER) {
            log.debug("fault LOST_ANSWER on {}: processed, answer withheld for {}", fault.endpoint(), fault.hold());
            writer.hold(exchange, fault.hold());
        } else {
            writer.send(exchange, response);
        }
    }

    private void later(Duration delay, HttpExchange exchange, Runnable answer) {
        if (delay.isZero()) {
            answer.run();
            return;
        }
        try {
            timer.schedule(() -> {
                try {
                    workers.execute(answer);
                } catch (RejectedExecutionException shuttingDown) {
                    exchange.close();
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            exchange.close();
        }
    }
}
