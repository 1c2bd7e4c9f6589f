package com.grow.payments.sandbox;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** The merchant's webhook endpoint in a test: a JDK HttpServer on a free port that records what arrives. */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/webhooks/toss";

    /** One POST as received; header names are lower-cased. */
    record Received(Map<String, String> headers, String body, long arrivedNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String transmissionId() {
            return header(WebhookSender.TRANSMISSION_ID);
        }

        int retriedCount() {
            return Integer.parseInt(header(WebhookSender.RETRIED_COUNT));
        }

        JsonNode json() {
            try {
                return SandboxTestSupport.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** PAYMENT_STATUS_CHANGED or BILLING_DELETED from the envelope; DEPOSIT_CALLBACK has no eventType. */
        String eventType() {
            return json().path("eventType").asText(OutgoingWebhook.DEPOSIT_CALLBACK);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private volatile int otherwise = 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext(PATH, this::handle);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The next requests get these statuses, in order; after them, {@link #otherwise}. */
    WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** The status for requests beyond the script (200 unless changed). */
    WebhookReceiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests arrived and returns them all. */
    List<Received> awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= count);
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), now));
        Integer scripted = script.poll();
        exchange.sendResponseHeaders(scripted != null ? scripted : otherwise, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
