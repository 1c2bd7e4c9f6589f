package com.grow.payments.infra.toss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.sagas.gateway.BillingChargeRequest;
import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.CashReceiptLookup;
import com.grow.payments.sagas.gateway.CashReceiptOutcome;
import com.grow.payments.sagas.gateway.CashReceiptRequest;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.ConfirmRequest;
import com.grow.payments.sagas.gateway.IssueOutcome;
import com.grow.payments.sagas.gateway.LookupOutcome;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.VirtualAccountRequest;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.merchant.MerchantFlow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Toss Payments over HTTP (docs/toss.md): Basic auth with the named merchant's secret key and a trailing colon, an
 * Idempotency-Key on every POST, bounded connect and read timeouts, and non-blocking calls.
 * A timeout or transport error is an unknown outcome, never a failure.
 */
@Component
public class TossPaymentGateway implements PaymentGateway {

    private static final AtomicInteger ANSWER_THREADS = new AtomicInteger();

    private static final Logger log = LoggerFactory.getLogger(TossPaymentGateway.class);

    private final TossProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final TossMerchants merchants;
    /** A cash receipt is issued at its payment's merchant. */
    private final MerchantOf merchantOf;
    private final MeterRegistry registry;
    private final TossCallOutcomes outcomes;
    /**
     * Where Toss's answers are handled (parsed, then recorded by the caller's commands). The JDK's
     * client hands each answer to the default executor of {@code CompletableFuture}; that is only
     * ever for a moment here, because handling, which reads and writes the store, moves at once to
     * these reused threads. Never shut down: an answer that arrives while the service stops is still
     * recorded (the threads are daemons and end after a minute idle).
     */
    private final ExecutorService answers;

    public TossPaymentGateway(TossProperties properties, TossMerchants merchants, MerchantOf merchantOf,
                              MeterRegistry registry, TossCallOutcomes outcomes) {
        this.properties = properties;
        this.merchants = merchants;
        this.merchantOf = merchantOf;
        this.registry = registry;
        this.outcomes = outcomes;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.answers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "toss-answer-" + ANSWER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Basic auth with the merchant's key (a merchant not configured: the call fails before it is sent). */
    private String authorization(String merchant) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((merchants.secretKey(merchant) + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<ConfirmOutcome> confirm(String merchant, ConfirmRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("paymentKey", request.paymentKey().value())
                .put("orderId", request.orderId().value())
                .put("amount", request.amount().amount());
        return post(merchant, "confirm", "/v1/payments/confirm", request.idempotencyKey(), body)
                .thenApply(response -> TossPayments.confirmOutcome(response.statusCode(), parse(response),
                        request.orderId().value()))
                .exceptionally(failure -> new ConfirmOutcome.Unknown(reason("confirm", request.orderId().value(), failure)));
    }

    @Override
    public CompletableFuture<LookupOutcome> lookup(String merchant, OrderId orderId) {
        return send(merchant, "lookup", HttpRequest.newBuilder(endpoint("/v1/payments/orders/"
                        + URLEncoder.encode(orderId.value(), StandardCharsets.UTF_8))).GET())
                .thenApply(response -> TossPayments.lookupOutcome(response.statusCode(), parse(response)))
                .exceptionally(failure -> new LookupOutcome.Unknown(reason("lookup", orderId.value(), failure)));
    }

    @Override
    public CompletableFuture<CancelOutcome> cancel(String merchant, CancelRequest request) {
        ObjectNode body = json.createObjectNode().put("cancelReason", request.reason());
        if (request.amount() != null) {
            body.put("cancelAmount", request.amount().amount());
        }
        if (request.taxFreeAmount() != null && request.taxFreeAmount().isPositive()) {
            body.put("taxFreeAmount", request.taxFreeAmount().amount());
        }
        if (request.refundAccount() != null) {
            body.putObject("refundReceiveAccount")
                    .put("bank", request.refundAccount().bank())
                    .put("accountNumber", request.refundAccount().accountNumber())
                    .put("holderName", request.refundAccount().holderName());
        }
        String path = "/v1/payments/" + URLEncoder.encode(request.paymentKey().value(), StandardCharsets.UTF_8)
                + "/cancel";
        return post(merchant, "cancel", path, request.idempotencyKey(), body)
                .thenApply(response -> TossPayments.cancelOutcome(response.statusCode(), parse(response)))
                .exceptionally(failure -> new CancelOutcome.Unknown(reason("cancel", request.orderId().value(), failure)));
    }

    @Override
    public CompletableFuture<IssueOutcome> issueBillingKey(String merchant, String authKey, String customerKey, String idempotencyKey) {
        ObjectNode body = json.createObjectNode().put("authKey", authKey).put("customerKey", customerKey);
        return post(merchant, "billing_key_issue", "/v1/billing/authorizations/issue", idempotencyKey, body)
                .thenApply(response -> TossPayments.issueOutcome(response.statusCode(), parse(response)))
                .exceptionally(failure -> new IssueOutcome.Unknown(reason("billing-key issue", "-", failure)));
    }

    @Override
    public CompletableFuture<ConfirmOutcome> chargeBillingKey(String merchant, BillingChargeRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("customerKey", request.customerKey())
                .put("amount", request.amount().amount())
                .put("orderId", request.orderId().value())
                .put("orderName", request.orderName());
        if (request.taxFreeAmount() != null && request.taxFreeAmount().isPositive()) {
            body.put("taxFreeAmount", request.taxFreeAmount().amount());
        }
        return post(merchant, "billing_charge", "/v1/billing/" + URLEncoder.encode(request.billingKey(), StandardCharsets.UTF_8),
                request.idempotencyKey(), body)
                .thenApply(response -> TossPayments.confirmOutcome(response.statusCode(), parse(response),
                        request.orderId().value()))
                .exceptionally(failure -> new ConfirmOutcome.Unknown(reason("billing charge", request.orderId().value(),
                        failure)));
    }

    @Override
    public CompletableFuture<ConfirmOutcome> issueVirtualAccount(String merchant, VirtualAccountRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("amount", request.amount().amount())
                .put("orderId", request.orderId().value())
                .put("orderName", request.orderName())
                .put("customerName", request.customerName())
                .put("bank", request.bank());
        if (request.validHours() != null) {
            body.put("validHours", request.validHours());
        }
        if (request.taxFreeAmount() != null && request.taxFreeAmount().isPositive()) {
            body.put("taxFreeAmount", request.taxFreeAmount().amount());
        }
        if (request.cashReceiptType() != null && request.registrationNumber() != null) {
            body.putObject("cashReceipt").put("type", request.cashReceiptType().label())
                    .put("registrationNumber", request.registrationNumber());
        }
        return post(merchant, "virtual_account", "/v1/virtual-accounts", request.idempotencyKey(), body)
                .thenApply(response -> TossPayments.confirmOutcome(response.statusCode(), parse(response),
                        request.orderId().value()))
                .exceptionally(failure -> new ConfirmOutcome.Unknown(reason("virtual account", request.orderId().value(),
                        failure)));
    }

    @Override
    public CompletableFuture<Boolean> deleteBillingKey(String merchant, String billingKey) {
        // gone at Toss: deleted now, or already unknown to it
        return send(merchant, "billing_key_delete", HttpRequest.newBuilder(endpoint("/v1/billing/"
                        + URLEncoder.encode(billingKey, StandardCharsets.UTF_8))).DELETE())
                .thenApply(response -> response.statusCode() == 200 || response.statusCode() == 404
                        || response.statusCode() == 400 && "INVALID_REQUEST".equals(parse(response).path("code").asText()))
                .exceptionally(failure -> {
                    reason("billing-key delete", "-", failure);
                    return false;
                });
    }

    @Override
    public CompletableFuture<CashReceiptOutcome> issueCashReceipt(CashReceiptRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("amount", request.amount().amount())
                .put("orderId", request.orderId().value())
                .put("orderName", request.orderName())
                .put("customerIdentityNumber", request.customerIdentityNumber())
                .put("type", request.type().label());
        if (request.taxFreeAmount() > 0) {
            body.put("taxFreeAmount", request.taxFreeAmount());
        }
        return post(merchantOf.order(request.orderId()), "cash_receipt", "/v1/cash-receipts", request.idempotencyKey(), body)
                .thenApply(response -> TossCashReceipts.outcome(response.statusCode(), parse(response)))
                .exceptionally(failure -> new CashReceiptOutcome.Unknown(reason("cash receipt", request.orderId().value(),
                        failure)));
    }

    @Override
    public CompletableFuture<CashReceiptOutcome> cancelCashReceipt(String receiptKey, Money amount,
                                                                   String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        if (amount != null) {
            body.put("amount", amount.amount());
        }
        String path = "/v1/cash-receipts/" + URLEncoder.encode(receiptKey, StandardCharsets.UTF_8) + "/cancel";
        return post(merchants.merchantFor(MerchantFlow.CASH_RECEIPT), "cash_receipt_cancel", path, idempotencyKey, body)
                .thenApply(response -> TossCashReceipts.outcome(response.statusCode(), parse(response)))
                .exceptionally(failure -> new CashReceiptOutcome.Unknown(reason("cash receipt cancel", receiptKey,
                        failure)));
    }

    @Override
    public CompletableFuture<CashReceiptLookup> cashReceipts(LocalDate requestDate) {
        return cashReceiptPages(requestDate, null, new ArrayList<>())
                .exceptionally(failure -> new CashReceiptLookup.Unknown(reason("cash receipt look-up",
                        requestDate.toString(), failure)));
    }

    private CompletableFuture<CashReceiptLookup> cashReceiptPages(LocalDate requestDate, String cursor,
                                                                  List<PgCashReceipt> rows) {
        String query = "/v1/cash-receipts?requestDate=" + requestDate + "&limit=10000"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return send(merchants.merchantFor(MerchantFlow.CASH_RECEIPT), "cash_receipt_lookup",
                HttpRequest.newBuilder(endpoint(query)).GET()).thenCompose(response -> {
            if (response.statusCode() != 200) {
                return CompletableFuture.completedFuture(
                        new CashReceiptLookup.Unknown("HTTP " + response.statusCode() + " from the look-up"));
            }
            TossCashReceipts.Page page = TossCashReceipts.page(parse(response));
            rows.addAll(page.receipts());
            return page.nextCursor() == null ? CompletableFuture.completedFuture(new CashReceiptLookup.Found(rows))
                    : cashReceiptPages(requestDate, page.nextCursor(), rows);
        });
    }

    private CompletableFuture<HttpResponse<byte[]>> post(String merchant, String endpoint, String path,
                                                         String idempotencyKey, JsonNode body) {
        return send(merchant, endpoint, HttpRequest.newBuilder(endpoint(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** Sends with the merchant's key; a merchant that is not configured fails the call (an unknown outcome). */
    private CompletableFuture<HttpResponse<byte[]>> send(String merchant, String endpoint, HttpRequest.Builder request) {
        String authorization;
        try {
            authorization = authorization(merchant);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        return timed(endpoint, request.timeout(properties.readTimeout()).header("Authorization", authorization).build());
    }

    /**
     * Sends the request and records {@code toss_api_request_seconds{endpoint,outcome}}: outcome is
     * {@code 2xx}, {@code 4xx}, {@code 5xx}, {@code timeout} or {@code io_error}, never anything of
     * the payment itself.
     */
    private CompletableFuture<HttpResponse<byte[]>> timed(String endpoint, HttpRequest request) {
        Timer.Sample sample = Timer.start(registry);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenCompleteAsync((response, failure) -> {
            String outcome;
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                outcome = cause instanceof HttpTimeoutException ? "timeout" : "io_error";
            } else {
                outcome = (response.statusCode() / 100) + "xx";
            }
            // Toss's health is read from these, never from a probe of its own
            outcomes.record(failure == null && response.statusCode() < 500);
            sample.stop(Timer.builder("toss_api_request")
                    .description("Calls to Toss's API by endpoint and outcome")
                    .tags("endpoint", endpoint, "outcome", outcome)
                    // buckets, so p95/p99 come from histogram_quantile across every instance
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }, answers);
    }

    private URI endpoint(String path) {
        String base = properties.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            // a body that is not JSON (a proxy's error page) says nothing about the payment
            return json.createObjectNode().put("code", "UNREADABLE_RESPONSE")
                    .put("message", "HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a call has no known outcome: a timeout, a transport error, or an answer we could not read. */
    private static String reason(String step, String orderId, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof HttpTimeoutException ? "TIMEOUT: no answer from Toss in time"
                : "TRANSPORT: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        log.warn("Toss {} for order {} has no known outcome: {}", step, orderId, reason);
        return reason;
    }
}
