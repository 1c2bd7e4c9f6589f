package com.grow.payments.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs HS256 tokens for trying the service locally. It exists only in the {@code standalone}
 * profile and only with {@code payments.security.dev-tokens.enabled=true}: production tokens come
 * from the platform's identity provider. {@link DevTokenGuard} refuses to start it next to a live
 * Toss key.
 */
@RestController
@Profile(DevTokenController.PROFILE)
@ConditionalOnProperty(name = DevTokenGuard.ENABLED, havingValue = "true")
public class DevTokenController {

    /** The only profile the endpoint exists in. */
    public static final String PROFILE = "standalone";

    private final byte[] key;
    private final Clock clock;

    public DevTokenController(@Value("${payments.security.jwt.hmac-secret}") String secret, Clock clock) {
        this.key = SecurityConfiguration.HmacKeys.of(secret).getEncoded();
        this.clock = clock;
    }

    @GetMapping(value = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    public String token(@RequestParam(defaultValue = "member-1") String sub,
                        @RequestParam(defaultValue = "USER") String roles,
                        @RequestParam(defaultValue = "PT12H") Duration ttl) throws JOSEException {
        List<String> roleList = Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .claim("roles", roleList)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }
}
