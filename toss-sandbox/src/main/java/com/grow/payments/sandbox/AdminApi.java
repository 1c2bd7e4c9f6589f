package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remote control for tests that run the sandbox in another process: faults, latency, clock, stats,
 * reset, the buyer's deposits into virtual accounts, and webhooks (URL, deliveries, misbehaviour).
 * Unauthenticated on purpose; the sandbox is never exposed beyond a test network.
 */
final class AdminApi {

    private final TossSandbox sandbox;
    private final Clock clock;
    private final PaymentJson json;

    AdminApi(TossSandbox sandbox, Clock clock, PaymentJson json) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.json = json;
    }

    void register(Router router) {
        router.sandbox("POST", "/sandbox/admin/faults", "admin", this::addFault)
                .sandbox("GET", "/sandbox/admin/faults", "admin", request -> faults(200))
                .sandbox("DELETE", "/sandbox/admin/faults", "admin", this::clearFaults)
                .sandbox("POST", "/sandbox/admin/latency", "admin", this::latency)
                .sandbox("POST", "/sandbox/admin/reset", "admin", this::reset)
                .sandbox("GET", "/sandbox/admin/stats", "admin", request -> SandboxResponse.json(200, sandbox.stats().toJson()))
                .sandbox("GET", "/sandbox/admin/clock", "admin", request -> clockState(200))
                .sandbox("POST", "/sandbox/admin/clock", "admin", this::advanceClock)
                .sandbox("POST", "/sandbox/admin/deposit", "admin",
                        request -> payment(sandbox.deposit(orderId(request))))
                .sandbox("POST", "/sandbox/admin/deposit-error", "admin",
                        request -> payment(sandbox.depositError(orderId(request))))
                .sandbox("POST", "/sandbox/admin/payment-status-changed", "admin",
                        request -> SandboxResponse.json(200, sandbox.sendPaymentStatusChanged(orderId(request)).envelope()))
                .sandbox("POST", "/sandbox/admin/webhook-url", "admin", this::webhookUrl)
                .sandbox("GET", "/sandbox/admin/webhooks", "admin", request -> webhooks())
                .sandbox("POST", "/sandbox/admin/webhooks/duplicate-next", "admin", this::duplicateNext)
                .sandbox("POST", "/sandbox/admin/webhooks/hold", "admin", request -> {
                    sandbox.webhooks().holdAndReorder();
                    return webhooks();
                })
                .sandbox("POST", "/sandbox/admin/webhooks/release", "admin", request -> {
                    sandbox.webhooks().release();
                    return webhooks();
                });
    }

    private static String orderId(SandboxRequest request) {
        return Json.requiredText(request.json(), "orderId");
    }

    private SandboxResponse payment(SandboxPayment payment) {
        return SandboxResponse.json(200, json.render(payment));
    }

    private SandboxResponse webhookUrl(SandboxRequest request) {
        String url = Json.optionalText(request.json(), "url");
        try {
            sandbox.setWebhookUrl(url);
        } catch (IllegalArgumentException e) {
            throw TossApiException.invalidRequest("url 은 http(s) 절대 URL 이어야 합니다.");
        }
        return webhooks();
    }

    private SandboxResponse duplicateNext(SandboxRequest request) {
        long times = Json.optionalLong(request.json(), "times").orElse(1L);
        if (times < 1 || times > 100) {
            throw TossApiException.invalidRequest("times 는 1 이상 100 이하여야 합니다.");
        }
        sandbox.webhooks().duplicateNext((int) times);
        return webhooks();
    }

    /** {@code {url, deliveries: [{transmissionId, eventType, attempt, transmissionTime, httpStatus, error, body}]}}. */
    private SandboxResponse webhooks() {
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (WebhookDelivery delivery : sandbox.webhookDeliveries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("transmissionId", delivery.transmissionId());
            row.put("eventType", delivery.eventType());
            row.put("attempt", delivery.attempt());
            row.put("transmissionTime", delivery.transmissionTime());
            row.put("httpStatus", delivery.httpStatus());
            row.put("error", delivery.error());
            row.put("body", delivery.webhook().envelope());
            deliveries.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", sandbox.webhooks().url());
        body.put("deliveries", deliveries);
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse addFault(SandboxRequest request) {
        JsonNode body = request.json();
        String endpoint = Json.requiredText(body, "endpoint");
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(Json.requiredText(body, "kind").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TossApiException.invalidRequest("kind 는 SERVER_ERROR, PROVIDER_ERROR, IDEMPOTENT_PROCESSING, "
                    + "TIMEOUT, LOST_ANSWER 중 하나여야 합니다.");
        }
        long count = Json.optionalLong(body, "count").orElse(1L);
        long holdMillis = Json.optionalLong(body, "holdMillis").orElse(FaultPlan.DEFAULT_HOLD.toMillis());
        if (count <= 0 || count > Integer.MAX_VALUE || holdMillis < 0) {
            throw TossApiException.invalidRequest("count 는 양수, holdMillis 는 0 이상이어야 합니다.");
        }
        try {
            sandbox.faults().inject(endpoint, kind, (int) count, Duration.ofMillis(holdMillis));
        } catch (IllegalArgumentException e) {
            throw TossApiException.invalidRequest(e.getMessage());
        }
        return faults(201);
    }

    private SandboxResponse clearFaults(SandboxRequest request) {
        sandbox.faults().clearFaults();
        return faults(200);
    }

    private SandboxResponse latency(SandboxRequest request) {
        long millis = Json.optionalLong(request.json(), "millis").orElse(0L);
        if (millis < 0) {
            throw TossApiException.invalidRequest("millis 는 0 이상이어야 합니다.");
        }
        sandbox.faults().latency(Duration.ofMillis(millis));
        return faults(200);
    }

    private SandboxResponse reset(SandboxRequest request) {
        sandbox.reset();
        return SandboxResponse.json(200, Map.of("reset", true));
    }

    private SandboxResponse advanceClock(SandboxRequest request) {
        if (!(clock instanceof SandboxClock adjustable)) {
            return SandboxResponse.error(409, "CLOCK_NOT_ADJUSTABLE", "이 샌드박스의 시계는 조정할 수 없습니다.");
        }
        long seconds = Json.optionalLong(request.json(), "advanceSeconds")
                .orElseThrow(() -> TossApiException.invalidRequest("advanceSeconds 값이 필요합니다."));
        adjustable.advance(Duration.ofSeconds(seconds));
        return clockState(200);
    }

    private SandboxResponse clockState(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", TossFormats.timestamp(clock.instant()));
        body.put("adjustable", clock instanceof SandboxClock);
        return SandboxResponse.json(status, body);
    }

    private SandboxResponse faults(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latencyMillis", sandbox.faults().latency().toMillis());
        body.put("faults", sandbox.faults().describe());
        return SandboxResponse.json(status, body);
    }
}
