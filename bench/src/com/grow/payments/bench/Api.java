package com.grow.payments.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's REST API and the sandbox's buyer window and admin, as the README's walk-through
 * uses them: HTTP/1.1 on the calling thread ({@link Http1}), one pool of keep-alive connections for
 * all virtual users (about one connection per user in flight).
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

    private final Http1 http = new Http1(TIMEOUT);
    private final String service;
    private final String sandbox;

    Api(int servicePort, int sandboxPort) {
        this.service = "http://127.0.0.1:" + servicePort;
        this.sandbox = "http://127.0.0.1:" + sandboxPort;
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
        return send("GET", url, token, null, step);
    }

    private Answer post(String url, String token, String body, String step) throws Failure {
        return send("POST", url, token, body, step);
    }

    private Answer send(String method, String url, String token, String body, String step) throws Failure {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        try {
            Http1.Response r = http.send(method, URI.create(url), headers, body);
            return new Answer(r.status(), r.body());
        } catch (SocketTimeoutException e) {
            throw new Failure(step + ":timeout");
        } catch (ConnectException e) {
            throw new Failure(step + ":connect-refused");
        } catch (IOException | RuntimeException e) {
            throw new Failure(step + ":io:" + e.getClass().getSimpleName());
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
