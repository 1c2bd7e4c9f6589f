package com.grow.payments.infra.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production sign-in: OIDC through Spring Security's OAuth2 login against an identity provider
 * (a small fake one here), ADMIN from the configured claim. The provider's login page is the only
 * part played by the test: it hands the service the code the provider would have given.
 */
class ConsoleOidcIT extends IntegrationTest {

    private static final FakeIdentityProvider IDP = new FakeIdentityProvider();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.corp.client-id", () -> FakeIdentityProvider.CLIENT_ID);
        registry.add(prefix + "registration.corp.client-secret", () -> "console-test-secret");
        registry.add(prefix + "registration.corp.client-name", () -> "Corp SSO");
        registry.add(prefix + "registration.corp.scope", () -> "openid");
        registry.add(prefix + "registration.corp.authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "registration.corp.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(prefix + "provider.corp.authorization-uri", () -> IDP.url() + "/authorize");
        registry.add(prefix + "provider.corp.token-uri", () -> IDP.url() + "/token");
        registry.add(prefix + "provider.corp.jwk-set-uri", () -> IDP.url() + "/jwks");
        registry.add(prefix + "provider.corp.user-name-attribute", () -> "sub");
    }

    @AfterAll
    static void stopProvider() {
        IDP.close();
    }

    @Test
    void an_operator_whose_claim_holds_admin_signs_in_through_the_identity_provider() throws Exception {
        HttpClient browser = browser();
        assertThat(send(browser, "/console/sign-in/options").body()).contains("/oauth2/authorization/corp", "Corp SSO");

        HttpResponse<String> back = signIn(browser, "ops-oidc", List.of("USER", "ADMIN"));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        assertThat(send(browser, "/console/session").body()).contains("\"operator\":\"ops-oidc\"");
        assertThat(send(browser, "/console/").statusCode()).isEqualTo(200);
        assertThat(send(browser, "/api/v1/admin/projections").statusCode()).isEqualTo(200);
    }

    @Test
    void someone_without_the_admin_role_is_signed_in_but_sees_neither_the_console_nor_the_api() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "someone", List.of("USER"));
        HttpResponse<String> home = send(browser, "/console/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?denied");
        assertThat(send(browser, "/api/v1/admin/projections").statusCode()).isEqualTo(401);
        assertThat(send(browser, "/api/v1/payments").statusCode()).isEqualTo(401);
    }

    /** The round trip: to the provider (its login played by the test), and back with a code. */
    private HttpResponse<String> signIn(HttpClient browser, String subject, List<String> roles) throws Exception {
        HttpResponse<String> toProvider = send(browser, "/oauth2/authorization/corp");
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(IDP.url() + "/authorize");
        Map<String, String> request = Arrays.stream(authorize.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        String code = IDP.code(subject, roles, request.get("nonce"));
        URI callback = URI.create(request.get("redirect_uri") + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> send(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
