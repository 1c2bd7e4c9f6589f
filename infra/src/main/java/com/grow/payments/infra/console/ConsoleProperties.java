package com.grow.payments.infra.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console's sign-in: which claim of the identity provider's ID token (or user info)
 * names the operator's roles, and which value in it makes an operator an ADMIN. The OIDC client
 * itself is Spring Boot's {@code spring.security.oauth2.client.*}.
 *
 * @param rolesClaim the claim holding the roles: an array, or one string of names separated by
 *                   spaces or commas (default {@code roles})
 * @param adminRole  the role in that claim that opens the console (default {@code ADMIN})
 */
@ConfigurationProperties("payments.console.oidc")
public record ConsoleProperties(@DefaultValue("roles") String rolesClaim, @DefaultValue("ADMIN") String adminRole) {
}
