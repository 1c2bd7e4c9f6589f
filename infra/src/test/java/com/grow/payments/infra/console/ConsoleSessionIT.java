package com.grow.payments.infra.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's session as the API sees it: it is an ADMIN's, state-changing calls carry its CSRF
 * token, its actions are recorded with the operator as author, and bearer-token callers are served
 * exactly as before (no session, no CSRF).
 */
class ConsoleSessionIT extends IntegrationTest {

    @Test
    void a_visitor_without_a_session_is_sent_to_the_sign_in() throws Exception {
        Session visitor = new Session();
        HttpResponse<String> home = visitor.get("/console/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in");
        assertThat(visitor.get("/console/app/main.js").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/console/session").statusCode()).isEqualTo(401);
        assertThat(visitor.get("/console/sign-in").body()).contains("sign-in.js");
        assertThat(visitor.get("/console/assets/console.css").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/api/v1/admin/projections").statusCode()).isEqualTo(401);
    }

    @Test
    void an_operators_session_calls_the_api_as_admin_and_its_refunds_need_the_csrf_token() throws Exception {
        String member = "session-member-" + System.nanoTime();
        String token = token(member);
        String[] payment = checkoutAndAuthorize(token, 10_000, null);
        assertThat(confirm(token, payment[0], payment[1], 10_000).status()).isEqualTo(200);
        Session operator = Session.signedIn(this, "ops-lee");

        assertThat(operator.get("/api/v1/admin/projections").statusCode()).isEqualTo(200);
        assertThat(operator.get("/api/v1/payments/" + payment[0]).statusCode()).isEqualTo(200);
        String[] other = checkoutAndAuthorize(token, 3_000, null);
        assertThat(confirm(token, other[0], other[1], 3_000).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode byKey = JSON.readTree(operator.get("/api/v1/payments?paymentKey=" + payment[1]).body());
            return byKey.path("totalElements").asLong() == 1
                    && byKey.path("content").get(0).path("orderId").asText().equals(payment[0]);
        });

        String refund = "{\"cancelReason\":\"operator refund\",\"cancelAmount\":4000}";
        long eventsBefore = eventCount(payment[0]);
        HttpResponse<String> forged = operator.post("/api/v1/payments/" + payment[0] + "/cancel", refund, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(eventCount(payment[0])).isEqualTo(eventsBefore);

        HttpResponse<String> refunded = operator.post("/api/v1/payments/" + payment[0] + "/cancel", refund,
                operator.csrfHeader());
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(payment[0], token).equals("PARTIAL_CANCELED"));
        JsonNode events = get("/api/v1/payments/" + payment[0] + "/events", token).json();
        JsonNode request = null;
        for (JsonNode event : events) {
            if (event.path("type").asText().equals("PaymentCancelRequested")) {
                request = event;
            }
        }
        assertThat(request).isNotNull();
        assertThat(request.path("metadata").path("memberId").asText()).isEqualTo("ops-lee");
    }

    @Test
    void bearer_callers_are_served_as_before_without_a_session() {
        Reply answer = get("/api/v1/payments", token("bearer-member"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).isNull();
        Reply checkout = post("/api/v1/payments", token("bearer-member"), "{\"orderName\":\"Class\",\"amount\":1000}");
        assertThat(checkout.status()).isEqualTo(201);
        assertThat(post("/api/v1/payments", null, "{\"orderName\":\"Class\",\"amount\":1000}").status()).isEqualTo(401);
    }

    @Test
    void a_sign_in_without_the_csrf_token_or_with_a_bad_name_opens_no_session() throws Exception {
        Session visitor = new Session();
        visitor.options();
        assertThat(visitor.postForm("/console/sign-in/dev", Map.of("operator", "ops-choi")).statusCode()).isEqualTo(403);
        assertThat(visitor.get("/console/session").statusCode()).isEqualTo(401);

        HttpResponse<String> badName = visitor.postForm("/console/sign-in/dev",
                Map.of("operator", "ops choi<script>", "_csrf", visitor.options().path("csrf").path("token").asText()));
        assertThat(badName.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?error");
        assertThat(visitor.get("/console/session").statusCode()).isEqualTo(401);
    }

    @Test
    void signing_out_ends_the_session_for_the_console_and_the_api() throws Exception {
        Session operator = Session.signedIn(this, "ops-park");
        HttpResponse<String> out = operator.postForm("/console/sign-out", Map.of("_csrf", operator.csrfToken()));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?signed-out");
        assertThat(operator.get("/console/session").statusCode()).isEqualTo(401);
        assertThat(operator.get("/api/v1/admin/projections").statusCode()).isEqualTo(401);
    }

    /** A browser's session: its cookie jar, no redirects followed. */
    private final class Session {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        static Session signedIn(ConsoleSessionIT test, String operator) throws Exception {
            Session session = test.new Session();
            String csrf = session.options().path("csrf").path("token").asText();
            HttpResponse<String> signedIn = session.postForm("/console/sign-in/dev", Map.of("operator", operator, "_csrf", csrf));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
            return session;
        }

        JsonNode options() throws Exception {
            return JSON.readTree(get("/console/sign-in/options").body());
        }

        String csrfToken() throws Exception {
            return JSON.readTree(get("/console/session").body()).path("csrf").path("token").asText();
        }

        Map<String, String> csrfHeader() throws Exception {
            return Map.of("X-CSRF-TOKEN", csrfToken());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
