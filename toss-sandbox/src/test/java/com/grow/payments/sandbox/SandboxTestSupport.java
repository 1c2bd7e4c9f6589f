package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a sandbox on a free port with a frozen clock and talks to it over real HTTP. */
abstract class SandboxTestSupport {

    static final String SECRET_KEY = "test_sk_" + "zXLkKEypNArWmo50nX3lmeaxYG5R";
    static final Instant START = Instant.parse("2026-11-25T05:03:22Z"); // 14:03:22 in Seoul
    static final ObjectMapper MAPPER = new ObjectMapper();

    protected SandboxClock clock;
    protected TossSandbox sandbox;
    protected HttpClient http;

    @BeforeEach
    void startSandbox() {
        clock = SandboxClock.fixed(START);
        sandbox = TossSandbox.start(configure(SandboxConfig.builder().port(0).secretKeys(Set.of(SECRET_KEY)).clock(clock)).build());
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Subclasses may change the configuration. */
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return builder;
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    static String basic(String secretKey) {
        return "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    static String orderId() {
        return "order-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A POST to the Toss API with the default key; extra headers as name, value pairs. */
    Answer post(String path, Object body, String... headers) {
        return send(tossRequest(path, headers).POST(jsonBody(body)).build());
    }

    Answer get(String path, String... headers) {
        return send(tossRequest(path, headers).GET().build());
    }

    HttpRequest.Builder tossRequest(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(SECRET_KEY));
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** A call to the sandbox's own (unauthenticated) endpoints. */
    Answer sandboxPost(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json").POST(jsonBody(body)).build());
    }

    Answer sandboxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET().build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> confirmBody(String paymentKey, String orderId, long amount) {
        return Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount);
    }

    Answer confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return post("/v1/payments/confirm", confirmBody(paymentKey, orderId, amount), "Idempotency-Key", idempotencyKey);
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String code() {
            return json().path("code").asText(null);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
