package com.grow.payments.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes answers, and plays dead for the silent faults without tying up a thread. */
final class ResponseWriter {

    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

    private final ScheduledExecutorService timer;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

    ResponseWriter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    void send(HttpExchange exchange, SandboxResponse response) {
        try {
            Headers headers = exchange.getResponseHeaders();
            if (response.contentType() != null) {
                headers.set("Content-Type", response.contentType());
            }
            response.headers().forEach(headers::set);
            byte[] body = response.body();
            boolean noBody = body.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client gave up (e.g. its own timeout fired); nothing to recover.
            log.debug("could not deliver answer to {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
        } finally {
            exchange.close();
        }
    }

    /**
     * Keeps the connection open without answering, then closes it. Closing an exchange whose
     * headers were never sent drops the TCP connection, which is what a client sees when a
     * gateway dies mid-request.
     */
    void hold(HttpExchange exchange, Duration hold) {
        held.add(exchange);
        try {
            timer.schedule(() -> drop(exchange), hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            drop(exchange);
        }
    }

    int heldConnections() {
        return held.size();
    }

    void dropAll() {
        held.forEach(this::drop);
    }

    private void drop(HttpExchange exchange) {
        if (held.remove(exchange)) {
            exchange.close();
        }
    }
}
