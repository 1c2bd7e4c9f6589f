package com.grow.payments.infra.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's pages and what its script needs to know about the session: who is signed in and
 * the CSRF token its state-changing API calls carry (kept in the page's memory, never in storage
 * or a URL). Everything else the console shows comes from the API under {@code /api/v1}.
 */
@Controller
public class ConsoleController {

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;
    private final boolean devSignIn;

    public ConsoleController(ObjectProvider<ClientRegistrationRepository> identityProviders,
                             @Value("${payments.security.dev-tokens.enabled:false}") boolean devSignIn) {
        this.identityProviders = identityProviders;
        this.devSignIn = devSignIn;
    }

    @GetMapping("/console")
    public String console() {
        return "redirect:" + ConsoleSecurityConfiguration.HOME;
    }

    @GetMapping(ConsoleSecurityConfiguration.HOME)
    public String home() {
        return "forward:/console/index.html";
    }

    @GetMapping(ConsoleSecurityConfiguration.SIGN_IN)
    public String signIn() {
        return "forward:/console/sign-in.html";
    }

    /** The ways to sign in here, and the CSRF token the dev sign-in form posts. */
    @GetMapping("/console/sign-in/options")
    @ResponseBody
    public Map<String, Object> signInOptions(CsrfToken csrf) {
        List<Map<String, String>> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(Map.of("name", client.getClientName(),
                        "url", "/oauth2/authorization/" + client.getRegistrationId()));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("devSignIn", devSignIn);
        options.put("devSignInUrl", ConsoleSecurityConfiguration.DEV_SIGN_IN);
        options.put("providers", providers);
        options.put("csrf", csrf(csrf));
        return options;
    }

    /** The signed-in operator and the session's CSRF token; 401 when the session is gone. */
    @GetMapping("/console/session")
    @ResponseBody
    public Map<String, Object> session(Authentication operator, CsrfToken csrf) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("operator", operator.getName());
        session.put("csrf", csrf(csrf));
        return session;
    }

    private static Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                "token", token.getToken());
    }
}
