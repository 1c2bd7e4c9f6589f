package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear problem+json 4xx and changes nothing. */
class BadRequestsIT extends IntegrationTest {

    private String token;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        token = token("member-bad-input");
        eventsBefore = eventCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"orderName\":\"x\",\"amount\":",
            "not json at all",
            "[1,2,3]",
            "{\"orderName\":\"x\",\"amount\":\"1000\"}",
            "{\"orderName\":\"x\",\"amount\":1000.5}",
            "{\"orderName\":\"x\",\"amount\":0}",
            "{\"orderName\":\"x\",\"amount\":-5}",
            "{\"orderName\":\"x\",\"amount\":99999999999999999999999}",
            "{\"orderName\":\"x\",\"amount\":1000,\"currency\":\"DOGE\"}",
            "{\"orderName\":\"x\",\"amount\":1000,\"currency\":0}",
            "{\"amount\":1000}",
            "{\"orderName\":\"  \",\"amount\":1000}",
            "{\"orderName\":\"x\"}",
            "{\"orderId\":\"bad id!\",\"orderName\":\"x\",\"amount\":1000}",
            "{\"orderId\":\"short\",\"orderName\":\"x\",\"amount\":1000}",
            "{\"orderName\":{\"nested\":true},\"amount\":1000}"})
    void a_bad_checkout_is_a_400_problem_and_writes_no_event(String body) {
        Reply reply = post("/api/v1/payments", token, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("code").asText()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(reply.json().path("instance").asText()).isEqualTo("/api/v1/payments");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_wrong_typed_field_is_named_in_errors() {
        Reply reply = post("/api/v1/payments", token, "{\"orderName\":\"x\",\"amount\":\"lots\"}");

        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
    }

    @Test
    void a_missing_field_is_named_in_errors() {
        Reply reply = post("/api/v1/payments/confirm", token, "{\"orderId\":\"order-123456\",\"amount\":100}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains("paymentKey");
    }

    @Test
    void a_confirm_of_an_order_never_checked_out_is_404() {
        Reply reply = post("/api/v1/payments/confirm", token,
                "{\"paymentKey\":\"tgen_x\",\"orderId\":\"never-checked-out\",\"amount\":100}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_body_over_64_kib_is_413_and_writes_nothing() {
        String huge = "{\"orderName\":\"" + "x".repeat(70 * 1024) + "\",\"amount\":1000}";

        Reply reply = post("/api/v1/payments", token, huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_wrong_content_type_is_415_problem() {
        Reply reply = post("/api/v1/payments", token, "orderName=x&amount=1", "application/x-www-form-urlencoded");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void a_missing_or_forged_token_is_401_problem() {
        Reply missing = get("/api/v1/payments", null);
        Reply forged = get("/api/v1/payments", token.substring(0, token.length() - 4) + "AAAA");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.isProblem()).isTrue();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_member_cannot_reach_admin_endpoints_nor_list_other_members() {
        assertThat(get("/api/v1/admin/projections", token).status()).isEqualTo(403);
        Reply other = get("/api/v1/payments?memberId=someone-else", token);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?size=1000", "?size=0", "?page=-1", "?status=BOGUS", "?from=yesterday"})
    void bad_list_parameters_are_400_problems(String query) {
        Reply reply = get("/api/v1/payments" + query, token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        Reply reply = get("/api/v1/nothing-here", token);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
    }
}
