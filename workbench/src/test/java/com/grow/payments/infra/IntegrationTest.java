package com.grow.payments.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.grow.payments.sandbox.TossSandbox;
import com.grow.payments.workbench.EmbeddedServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Integration tests run the real service on the standalone profile: embedded PostgreSQL and
 * Redis and the Toss sandbox, all on free ports, shared by every test class in the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "payments.sandbox.port=0",
        // the logs as in production (JSON lines), which LogsIT reads; a person's standalone run logs plain lines
        "logging.structured.format.console=logstash",
        "payments.standalone.kafka-port=0",
        "payments.events.ack-timeout=5s",
        "toss.read-timeout=1s",
        "payments.confirm.wait-timeout=6s",
        // the janitor on a compressed timetable: seconds where production waits minutes
        "payments.janitor.first-check-after=1s",
        "payments.janitor.backoff=1s,1s,2s",
        "payments.janitor.max-attempts=60",
        "payments.janitor.stuck-after=3s",
        "payments.janitor.sweep-interval=1s",
        "payments.janitor.sweep-initial-delay=1s",
        // hinted look-ups: at most one per order every two seconds, not every minute
        "payments.webhook.lookup-interval=2s"})
@ActiveProfiles("standalone")
@AutoConfigureObservability(tracing = false) // metrics as in production: /actuator/prometheus answers
@Import(TestClock.Configuration.class)
public abstract class IntegrationTest {

    static {
        // -Dit.servers=testcontainers where a Docker engine runs; the embedded servers otherwise
        ContainerServers.startIfSelected();
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected TossSandbox sandbox() {
        return EmbeddedServers.runningSandbox().orElseThrow();
    }

    /** A dev token for the member, signed by the service's own dev-token endpoint. */
    protected String token(String member, String roles) {
        return get("/dev/token?sub=" + member + "&roles=" + roles, null).body;
    }

    protected String token(String member) {
        return token(member, "USER");
    }

    protected Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected Reply post(String path, String token, String body) {
        return post(path, token, body, "application/json");
    }

    protected Reply post(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON POST carrying an Idempotency-Key. */
    protected Reply postWithKey(String path, String token, String key, String body) {
        return send(request(path, token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected static String confirmBody(String orderId, String paymentKey, long amount) {
        return "{\"paymentKey\":\"" + paymentKey + "\",\"orderId\":\"" + orderId + "\",\"amount\":" + amount + "}";
    }

    /** Base URL of this instance, for tests that talk to several. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The card merchant's Toss secret key (standalone: the checkout merchant's), for calling the sandbox as Toss's API. */
    @org.springframework.beans.factory.annotation.Value("${toss.secret-key:${toss.merchants.checkout.secret-key}}")
    protected String tossSecretKey;

    /** Calls Toss's API (the sandbox) directly, as another client of the same merchant would. */
    protected Reply callToss(String path, String body) {
        String basic = java.util.Base64.getEncoder().encodeToString((tossSecretKey + ":").getBytes());
        return send(request(sandbox().baseUrl(), path, null).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Toss's own record of the payment (the sandbox, called as Toss's API), with its secret. */
    protected JsonNode atToss(String orderId) {
        String basic = java.util.Base64.getEncoder().encodeToString((tossSecretKey + ":").getBytes());
        return send(request(sandbox().baseUrl(), "/v1/payments/orders/" + orderId, null)
                .header("Authorization", "Basic " + basic).GET()).json();
    }

    /** A webhook as Toss posts it: the transmission id and time headers, the body as given. */
    protected Reply webhook(String body, String transmissionId, java.time.OffsetDateTime at) {
        return send(request(baseUrl(), "/api/v1/webhooks/toss", null)
                .header("Content-Type", "application/json")
                .header("tosspayments-webhook-transmission-id", transmissionId)
                .header("tosspayments-webhook-transmission-time", at.toString())
                .header("tosspayments-webhook-transmission-retried-count", "0")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A webhook sent now, under a new transmission id. */
    protected Reply webhook(String body) {
        return webhook(body, "whtrans_" + java.util.UUID.randomUUID(), java.time.OffsetDateTime.now(SEOUL));
    }

    /** Toss's PAYMENT_STATUS_CHANGED webhook body, with only what the service reads of its Payment. */
    protected static String statusChanged(String orderId, String status) {
        return "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"createdAt\":\"2026-11-25T10:00:00.000000\","
                + "\"data\":{\"orderId\":\"" + orderId + "\",\"status\":\"" + status + "\"}}";
    }

    /** Toss's DEPOSIT_CALLBACK body for a virtual account. */
    protected static String depositCallback(String orderId, String secret, String status) {
        String createdAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
                .format(java.time.OffsetDateTime.now(SEOUL));
        return "{\"createdAt\":\"" + createdAt + "\",\"secret\":\"" + secret + "\",\"status\":\"" + status
                + "\",\"transactionKey\":\"tx_" + java.util.UUID.randomUUID() + "\",\"orderId\":\"" + orderId + "\"}";
    }

    protected String status(String orderId, String token) {
        return get("/api/v1/payments/" + orderId, token).json().path("status").asText();
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    protected long eventCount(String orderId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, orderId);
    }

    /** Checkout, then play the buyer's window at the sandbox: returns {orderId, paymentKey}. */
    protected String[] checkoutAndAuthorize(String token, long amount, String outcome) {
        Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Hobby class\",\"amount\":" + amount + "}");
        if (checkout.status != 201) {
            throw new AssertionError("checkout failed: " + checkout);
        }
        String orderId = checkout.json().path("orderId").asText();
        String paymentKey = sandbox().authorize(orderId, "Hobby class", amount, outcome);
        return new String[] {orderId, paymentKey};
    }

    /** A card registered in the sandbox's billing window and exchanged for a billing key: its billingKeyId. */
    protected String registerCard(String token, String cardOutcome) {
        String customerKey = java.util.UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, cardOutcome);
        Reply issued = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        if (issued.status != 201) {
            throw new AssertionError("card not registered: " + issued);
        }
        return issued.json().path("billingKeyId").asText();
    }

    protected Reply confirm(String token, String orderId, String paymentKey, long amount) {
        return post("/api/v1/payments/confirm", token, confirmBody(orderId, paymentKey, amount));
    }

    private HttpRequest.Builder request(String path, String token) {
        return request(baseUrl(), path, token);
    }

    protected static HttpRequest.Builder request(String baseUrl, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An HTTP answer: status, content type and body. */
    protected record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            return isProblem() ? json().path("code").asText() : null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
