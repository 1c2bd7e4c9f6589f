package com.grow.payments.infra.console;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs an operator in with the identity provider's OIDC user, holding {@code ROLE_ADMIN} only
 * when the configured claim lists the configured admin role. Anyone else is signed in without a
 * role and sees nothing: the console and the API both want ADMIN.
 */
final class AdminFromClaim implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ADMIN = "ROLE_ADMIN";

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final ConsoleProperties properties;

    AdminFromClaim(ConsoleProperties properties) {
        this(new OidcUserService(), properties);
    }

    AdminFromClaim(OAuth2UserService<OidcUserRequest, OidcUser> delegate, ConsoleProperties properties) {
        this.delegate = delegate;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> authorities = new HashSet<>();
        if (roles(user.getClaims().get(properties.rolesClaim())).contains(properties.adminRole())) {
            authorities.add(new SimpleGrantedAuthority(ADMIN));
        }
        String nameKey = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return nameKey == null || nameKey.isBlank()
                ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
    }

    /** The roles a claim names: a JSON array, or a string of names separated by spaces or commas. */
    static Set<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            Set<String> roles = new HashSet<>();
            values.forEach(value -> roles.add(String.valueOf(value)));
            return roles;
        }
        if (claim instanceof String value) {
            return new HashSet<>(Arrays.stream(value.split("[\\s,]+")).filter(role -> !role.isEmpty()).toList());
        }
        return Set.of();
    }
}
