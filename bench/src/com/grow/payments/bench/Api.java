package com.grow.payments.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The service's REST API and the sandbox's buyer window and admin, as the README's walk-through
 * uses them: HTTP/1.1, one client for all virtual users (its pool keeps a connection per user).
 */
final class Api {

    /** A step of a payment that did not go as it should, named for the errors table ("confirm:402:CODE"). */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String kind;

        Failure(String kind) {
            super(kind, null, false, false);
            this.kind = kind;
        }
    }

    record Answer(int status, String body) {
        Map<String, Object> json() {
            return Json.object(body);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String service;
    private final String sandbox;

    Api(int servicePort, int sandboxPort) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(daemon()))
                .build();
        this.service = "http://127.0.0.1:" + servicePort;
        this.sandbox = "http://127.0.0.1:" + sandboxPort;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        };
    }

    String token(String member, String roles) throws Failure {
        Answer a = get(service + "/dev/token?sub=" + enc(member) + "&roles=" + enc(roles) + "&ttl=PT6H", null, "token");
        expect(a, 200, "token");
        return a.body().trim();
    }

    /** {@code POST /api/v1/payments}: the orderId of a new READY payment. */
    String checkout(String token, long amount) throws Failure {
        Answer a = post(service + "/api/v1/payments", token,
                "{\"orderName\":\"bench\",\"amount\":" + amount + "}", "checkout");
        expect(a, 201, "checkout");
        return (String) a.json().get("orderId");
    }

    /** The buyer approves in Toss's window (the sandbox's curl equivalent): the paymentKey. */
    String authorize(String orderId, long amount) throws Failure {
        Answer a = post(sandbox + "/sandbox/authorize", null,
                "{\"orderId\":\"" + orderId + "\",\"orderName\":\"bench\",\"amount\":" + amount + "}", "authorize");
        if (a.status() != 201 && a.status() != 200) {
            throw new Failure(kind("authorize", a));
        }
        return (String) a.json().get("paymentKey");
    }

    Answer confirm(String token, String orderId, String paymentKey, long amount) throws Failure {
        return post(service + "/api/v1/payments/confirm", token, "{\"paymentKey\":\"" + paymentKey
                + "\",\"orderId\":\"" + orderId + "\",\"amount\":" + amount + "}", "confirm");
    }

    /** The member's history, newest first. */
    Answer history(String token, int size) throws Failure {
        Answer a = get(service + "/api/v1/payments?size=" + size, token, "history");
        expect(a, 200, "history");
        return a;
    }

    Map<String, Object> processor(String adminToken, String name) throws Failure {
        Answer a = get(service + "/api/v1/admin/projections/" + name, adminToken, "projections");
        expect(a, 200, "projections");
        return a.json();
    }

    Map<String, Object> processors(String adminToken) throws Failure {
        Answer a = get(service + "/api/v1/admin/projections", adminToken, "projections");
        expect(a, 200, "projections");
        return a.json();
    }

    Map<String, Object> replay(String adminToken, String name) throws Failure {
        Answer a = post(service + "/api/v1/admin/projections/" + name + "/replay", adminToken, "", "replay");
        expect(a, 202, "replay");
        return a.json();
    }

    Prometheus prometheus() throws Failure {
        Answer a = get(service + "/actuator/prometheus", null, "prometheus");
        expect(a, 200, "prometheus");
        return Prometheus.parse(a.body());
    }

    /** HTTP status of the readiness probe, or -1 while nothing answers. */
    int readiness() {
        try {
            return get(service + "/actuator/health/readiness", null, "readiness").status();
        } catch (Failure notYet) {
            return -1;
        }
    }

    /** The sandbox's global latency: added before every Toss API answer (confirm, look-ups, cancels). */
    void sandboxLatency(Duration latency) throws Failure {
        Answer a = post(sandbox + "/sandbox/admin/latency", null, "{\"millis\":" + latency.toMillis() + "}", "sandbox");
        expect(a, 200, "sandbox-latency");
    }

    private Answer get(String url, String token, String step) throws Failure {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build(), step);
    }

    private Answer post(String url, String token, String body, String step) throws Failure {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build(), step);
    }

    private Answer send(HttpRequest request, String step) throws Failure {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new Failure(step + ":timeout");
        } catch (ConnectException e) {
            throw new Failure(step + ":connect-refused");
        } catch (IOException e) {
            throw new Failure(step + ":io:" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(step + ":interrupted");
        }
    }

    /** Fails with "step:status:code" (the problem+json code when there is one). */
    static void expect(Answer a, int status, String step) throws Failure {
        if (a.status() != status) {
            throw new Failure(kind(step, a));
        }
    }

    static String kind(String step, Answer a) {
        String code = null;
        try {
            Object c = a.json().get("code");
            code = c == null ? (String) a.json().get("status") : c.toString();
        } catch (RuntimeException notJson) {
            // no code to tell
        }
        return step + ":" + a.status() + (code == null ? "" : ":" + code);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
