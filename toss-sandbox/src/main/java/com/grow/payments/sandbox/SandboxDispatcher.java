package com.grow.payments.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single HttpServer context: reads the request, routes it, and hands it to the right path. */
final class SandboxDispatcher implements HttpHandler {

    /** Far above anything Toss accepts; only here so a runaway client cannot exhaust memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(SandboxDispatcher.class);

    private final Router router;
    private final TossApiPipeline pipeline;
    private final ResponseWriter writer;
    private final SandboxStats stats;

    SandboxDispatcher(Router router, TossApiPipeline pipeline, ResponseWriter writer, SandboxStats stats) {
        this.router = router;
        this.pipeline = pipeline;
        this.writer = writer;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                writer.send(exchange, SandboxResponse.error("REQUEST_TOO_LARGE"));
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            stats.recordPath(exchange.getRequestMethod(), path);
            SandboxRequest request = new SandboxRequest(exchange.getRequestMethod(), path, uri.getRawQuery(),
                    exchange.getRequestHeaders(), body);
            Router.Lookup lookup = router.find(exchange.getRequestMethod(), path);
            if (lookup instanceof Router.NotFound) {
                writer.send(exchange, SandboxResponse.error("NOT_FOUND"));
            } else if (lookup instanceof Router.MethodNotAllowed) {
                writer.send(exchange, SandboxResponse.error("METHOD_NOT_ALLOWED"));
            } else {
                Router.Found found = (Router.Found) lookup;
                request.pathParams(found.params());
                stats.recordRequest(found.route().endpoint());
                if (found.route().kind() == Router.Kind.TOSS_API) {
                    pipeline.handle(found.route(), request, exchange);
                } else {
                    writer.send(exchange, runSandboxRoute(found.route(), request));
                }
            }
        } catch (IOException e) {
            log.debug("could not read request: {}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            log.error("unexpected sandbox failure on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            writer.send(exchange, SandboxResponse.error("FAILED_INTERNAL_SYSTEM_PROCESSING"));
        }
    }

    private static SandboxResponse runSandboxRoute(Router.Route route, SandboxRequest request) {
        try {
            return route.handler().handle(request);
        } catch (TossApiException e) {
            return e.toResponse();
        }
    }
}
