package com.grow.payments.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Method + path-template routing. Resources register themselves ({@code PaymentsApi.register},
 * {@code CheckoutPage.register}, ...), so billing, virtual accounts and the like are new
 * registrations, not edits here. When two templates match, the one with more literal segments wins,
 * so registration order never matters.
 */
final class Router {

    /** Toss API routes go through auth, idempotency, faults and latency; sandbox routes do not. */
    enum Kind { TOSS_API, SANDBOX }

    @FunctionalInterface
    interface Handler {
        SandboxResponse handle(SandboxRequest request);
    }

    /**
     * @param endpoint name used for stats and for fault targeting (e.g. "confirm")
     * @param observer sees each authenticated request before idempotency and faults decide its fate
     */
    record Route(String method, String template, String endpoint, Kind kind, Handler handler,
                 Consumer<SandboxRequest> observer, String[] segments, int literals) {
    }

    sealed interface Lookup permits Found, NotFound, MethodNotAllowed {
    }

    record Found(Route route, Map<String, String> params) implements Lookup {
    }

    record NotFound() implements Lookup {
    }

    record MethodNotAllowed() implements Lookup {
    }

    private final List<Route> routes = new ArrayList<>();

    Router toss(String method, String template, String endpoint, Handler handler) {
        return toss(method, template, endpoint, handler, request -> { });
    }

    Router toss(String method, String template, String endpoint, Handler handler, Consumer<SandboxRequest> observer) {
        return add(method, template, endpoint, Kind.TOSS_API, handler, observer);
    }

    Router sandbox(String method, String template, String endpoint, Handler handler) {
        return add(method, template, endpoint, Kind.SANDBOX, handler, request -> { });
    }

    /** Endpoint names of the Toss API routes, i.e. what faults can target. */
    Set<String> tossEndpoints() {
        Set<String> names = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.kind() == Kind.TOSS_API) {
                names.add(route.endpoint());
            }
        }
        return names;
    }

    Lookup find(String method, String path) {
        String[] segments = split(path);
        Found best = null;
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equalsIgnoreCase(method)
                    && (best == null || route.literals() > best.route().literals())) {
                best = new Found(route, params);
            }
        }
        if (best != null) {
            return best;
        }
        return pathKnown ? new MethodNotAllowed() : new NotFound();
    }

    private Router add(String method, String template, String endpoint, Kind kind, Handler handler,
                       Consumer<SandboxRequest> observer) {
        String[] segments = split(template);
        int literals = 0;
        for (String segment : segments) {
            if (!isVariable(segment)) {
                literals++;
            }
        }
        routes.add(new Route(method, template, endpoint, kind, handler, observer, segments, literals));
        return this;
    }

    private static Map<String, String> match(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (isVariable(template[i])) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(template[i].substring(1, template[i].length() - 1), decode(actual[i]));
            } else if (!template[i].equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
