package com.grow.payments.infra.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class AdminFromClaimTest {

    private static final ConsoleProperties DEFAULTS = new ConsoleProperties("roles", "ADMIN");

    @Test
    void an_operator_whose_roles_claim_lists_admin_is_an_admin() {
        OidcUser user = signIn(DEFAULTS, "roles", List.of("USER", "ADMIN"));
        assertThat(authorities(user)).containsExactly("ROLE_ADMIN");
        assertThat(user.getName()).isEqualTo("ops-1");
    }

    @Test
    void an_operator_without_the_admin_role_signs_in_with_no_role_at_all() {
        assertThat(authorities(signIn(DEFAULTS, "roles", List.of("USER")))).isEmpty();
        assertThat(authorities(signIn(DEFAULTS, "groups", List.of("ADMIN")))).isEmpty();
    }

    @Test
    void the_claim_and_the_role_are_configurable_and_a_string_claim_is_split() {
        ConsoleProperties groups = new ConsoleProperties("groups", "payments-operators");
        assertThat(authorities(signIn(groups, "groups", "staff payments-operators"))).containsExactly("ROLE_ADMIN");
        assertThat(authorities(signIn(groups, "groups", "staff,payments-operators"))).containsExactly("ROLE_ADMIN");
        assertThat(authorities(signIn(groups, "groups", "payments-operators-readonly"))).isEmpty();
    }

    private static OidcUser signIn(ConsoleProperties properties, String claim, Object roles) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("ops-1").claim(claim, roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        ClientRegistration registration = ClientRegistration.withRegistrationId("idp").clientId("console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .userNameAttributeName("sub").scope("openid").build();
        OidcUserRequest request = new OidcUserRequest(registration, new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, "access", Instant.now(), Instant.now().plusSeconds(60)), idToken);
        return new AdminFromClaim(ignored -> new DefaultOidcUser(Set.of(), idToken), properties).loadUser(request);
    }

    private static List<String> authorities(OidcUser user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
