package com.grow.payments.infra.console;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The dev sign-in of a local service (on only where dev tokens are, never beside a live Toss key):
 * any operator name is an ADMIN, no password. The name is who the audit trail records.
 */
final class DevOperators implements AuthenticationProvider {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().strip();
        if (!NAME.matcher(name).matches()) {
            throw new BadCredentialsException("an operator name is 1-64 letters, digits or . _ @ -");
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(AdminFromClaim.ADMIN)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
