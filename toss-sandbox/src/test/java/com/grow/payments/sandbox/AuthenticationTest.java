package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends SandboxTestSupport {

    private Answer lookupWith(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/payments/orders/order-0001")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    @Test
    void a_call_without_authorization_is_rejected_with_unauthorized_key() {
        Answer answer = lookupWith(null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHORIZED_KEY");
        assertThat(answer.json().path("message").asText()).isNotBlank();
    }

    @Test
    void credentials_without_the_trailing_colon_are_rejected_with_incorrect_basic_auth_format() {
        String noColon = "Basic " + Base64.getEncoder().encodeToString(SECRET_KEY.getBytes());

        Answer answer = lookupWith(noColon);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("INCORRECT_BASIC_AUTH_FORMAT");
    }

    @Test
    void a_secret_key_that_is_not_configured_is_rejected_with_unauthorized_key() {
        Answer answer = lookupWith(basic("test_sk_" + "someoneElsesKey"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHORIZED_KEY");
    }

    @Test
    void a_bearer_token_or_undecodable_credentials_are_rejected_with_unauthorized_key() {
        assertThat(lookupWith("Bearer " + SECRET_KEY).code()).isEqualTo("UNAUTHORIZED_KEY");
        assertThat(lookupWith("Basic !!!not-base64!!!").status()).isEqualTo(401);
    }

    @Test
    void the_configured_key_is_accepted() {
        Answer answer = lookupWith(basic(SECRET_KEY));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND_PAYMENT");
    }

    @Test
    void with_no_configured_keys_any_test_secret_key_is_accepted_and_live_keys_are_not() {
        try (TossSandbox open = TossSandbox.start(SandboxConfig.builder().secretKeys(Set.of()).clock(clock).build())) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(open.baseUrl() + "/v1/payments/orders/order-0001"));

            Answer testKey = send(request.copy().header("Authorization", basic("test_sk_" + "anything")).build());
            Answer liveKey = send(request.copy().header("Authorization", basic("live_sk_" + "anything")).build());

            assertThat(testKey.code()).isEqualTo("NOT_FOUND_PAYMENT");
            assertThat(liveKey.status()).isEqualTo(401);
            assertThat(liveKey.code()).isEqualTo("UNAUTHORIZED_KEY");
        }
    }

    @Test
    void the_secret_key_never_appears_in_the_configuration_text() {
        assertThat(sandbox.config().toString()).doesNotContain(SECRET_KEY);
    }
}
