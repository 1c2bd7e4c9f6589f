package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Admin calls that play what happens at Toss behind the merchant's back, for reconciliation and receipt tests
 * run from another process: a cancel in the merchant console with no webhook, a payment the service never saw,
 * cash receipts the tax office answers late, and the merchants the sandbox knows. Unauthenticated, like
 * {@link AdminApi}.
 */
final class ConsoleAdminApi {

    private final TossSandbox sandbox;
    private final PaymentJson json;

    ConsoleAdminApi(TossSandbox sandbox, PaymentJson json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    void register(Router router) {
        router.sandbox("POST", "/sandbox/admin/console-cancel", "admin", this::consoleCancel)
                .sandbox("POST", "/sandbox/admin/stray-payment", "admin", this::strayPayment)
                .sandbox("POST", "/sandbox/admin/cash-receipts/in-progress", "admin", this::inProgress)
                .sandbox("POST", "/sandbox/admin/cash-receipts/settle", "admin", this::settle)
                .sandbox("GET", "/sandbox/admin/merchants", "admin", request -> merchants());
    }

    /** {@code {orderId, mId?, cancelAmount?, taxFreeAmount?, cancelReason?}} → the cancelled Payment; no webhook is sent. */
    private SandboxResponse consoleCancel(SandboxRequest request) {
        JsonNode body = request.json();
        String orderId = Json.requiredText(body, "orderId");
        OptionalLong amount = Json.optionalLong(body, "cancelAmount");
        OptionalLong taxFree = Json.optionalLong(body, "taxFreeAmount");
        if ((amount.isPresent() && amount.getAsLong() <= 0) || (taxFree.isPresent() && taxFree.getAsLong() < 0)) {
            throw TossApiException.invalidRequest("cancelAmount 는 0보다 커야 하고 taxFreeAmount 는 0 이상이어야 합니다.");
        }
        SandboxPayment canceled = sandbox.cancelInConsole(Json.optionalText(body, "mId"), orderId,
                amount.isPresent() ? amount.getAsLong() : null, taxFree.isPresent() ? taxFree.getAsLong() : null,
                Json.optionalText(body, "cancelReason"));
        return SandboxResponse.json(200, json.render(canceled));
    }

    /** {@code {amount, mId?, orderId?, orderName?, taxFreeAmount?}} → 201 the approved Payment nobody confirmed. */
    private SandboxResponse strayPayment(SandboxRequest request) {
        JsonNode body = request.json();
        long amount = Json.requiredPositiveLong(body, "amount");
        String orderId = Json.optionalText(body, "orderId");
        String orderName = Json.optionalText(body, "orderName");
        SandboxPayment payment = sandbox.createStrayPayment(Json.optionalText(body, "mId"),
                orderId == null ? "stray-" + UUID.randomUUID() : orderId,
                orderName == null ? "Toss에만 있는 결제" : orderName, amount,
                Json.optionalLong(body, "taxFreeAmount").orElse(0L));
        return SandboxResponse.json(201, json.render(payment));
    }

    private SandboxResponse inProgress(SandboxRequest request) {
        long count = Json.optionalLong(request.json(), "count").orElse(1L);
        if (count < 0 || count > 10_000) {
            throw TossApiException.invalidRequest("count 는 0 이상 10000 이하여야 합니다.");
        }
        sandbox.issueNextCashReceiptsInProgress((int) count);
        return SandboxResponse.json(200, Map.of("inProgressNext", count));
    }

    private SandboxResponse settle(SandboxRequest request) {
        JsonNode body = request.json();
        CashReceipt settled = sandbox.settleCashReceipt(Json.requiredText(body, "receiptKey"),
                Json.requiredText(body, "issueStatus"));
        return SandboxResponse.json(200, json.receipts().render(settled));
    }

    /** The merchant ids the sandbox serves, default first; never their keys. */
    private SandboxResponse merchants() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", sandbox.config().mid());
        body.put("merchants", sandbox.config().merchantIds());
        return SandboxResponse.json(200, body);
    }
}
