package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Toss Payments server speaking Toss's REST API (v1, 2022-11-16) on the JDK's HttpServer.
 * Embeddable (threads are daemons, {@link #close()} frees the port) and runnable alone via {@link #main}.
 *
 * <pre>{@code
 * try (TossSandbox sandbox = TossSandbox.start(SandboxConfig.builder().clock(clock).build())) {
 *     String paymentKey = sandbox.authorize("order-0001", "Coffee", 4_500, null);
 *     // the client under test calls sandbox.baseUrl() + "/v1/payments/confirm" ...
 * }
 * }</pre>
 */
public final class TossSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TossSandbox.class);
    private static final int BACKLOG = 1024;
    static final String CONSOLE_CANCEL_REASON = "상점관리자 취소";

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ResponseWriter writer;
    private final PaymentStore store;
    private final SandboxStats stats = new SandboxStats();
    private final IdempotencyCache idempotency = new IdempotencyCache();
    private final FaultPlan faults;
    private final CheckoutPage checkout;
    private final BillingRegistry billingRegistry = new BillingRegistry();
    private final CashReceiptBook cashReceiptBook = new CashReceiptBook();
    private final WebhookSender webhookSender;
    private final WebhookOutbox outbox;
    private final BillingAuthPage billingAuth;
    private final BillingApi billing;
    private final VirtualAccountApi virtualAccounts;
    private final PaymentsApi payments;
    private final CashReceiptApi cashReceipts;
    private final PaymentJson paymentJson;
    private final String baseUrl;

    private TossSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        this.store = new PaymentStore(config.clock(), config.expiredVirtualAccountStatus());
        // Cached pool: calls held by latency never park a thread, so this only grows with real concurrency.
        this.workers = Executors.newCachedThreadPool(daemonThreads("toss-sandbox-http"));
        this.timer = new ScheduledThreadPoolExecutor(2, daemonThreads("toss-sandbox-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.writer = new ResponseWriter(timer);
        this.webhookSender = new WebhookSender(config, timer, workers);
        this.outbox = new WebhookOutbox(webhookSender);

        serverDefaults();
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), BACKLOG);
        String host = isWildcard(config.host()) ? "127.0.0.1" : config.host();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();

        Router router = new Router();
        this.paymentJson = new PaymentJson(config.mid(), baseUrl);
        this.payments = new PaymentsApi(store, stats, paymentJson, outbox, cashReceiptBook);
        payments.register(router);
        this.virtualAccounts = new VirtualAccountApi(store, stats, paymentJson, outbox, cashReceiptBook);
        virtualAccounts.register(router);
        this.cashReceipts = new CashReceiptApi(store, cashReceiptBook, stats, paymentJson.receipts());
        cashReceipts.register(router);
        new ReconciliationApi(store, config.settlementTerms()).register(router);
        this.checkout = new CheckoutPage(store);
        checkout.register(router);
        this.billing = new BillingApi(store, billingRegistry, stats, paymentJson, outbox);
        billing.register(router);
        this.billingAuth = new BillingAuthPage(store, billingRegistry);
        billingAuth.register(router);
        this.faults = new FaultPlan(router.tossEndpoints());
        new AdminApi(this, config.clock(), paymentJson).register(router);
        new ConsoleAdminApi(this, paymentJson).register(router);

        TossApiPipeline pipeline = new TossApiPipeline(config, idempotency, faults, writer, workers, timer, stats);
        server.createContext("/", new SandboxDispatcher(router, pipeline, writer, stats));
        server.setExecutor(workers);
        server.start();
    }

    /** Starts a sandbox; with port 0 it picks a free port (see {@link #port()}). */
    public static TossSandbox start(SandboxConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            TossSandbox sandbox = new TossSandbox(config);
            log.info("Toss sandbox listening on {}", sandbox.baseUrl);
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Toss sandbox on " + config.host() + ":" + config.port(), e);
        }
    }

    /** Starts a sandbox on a free port with default settings. */
    public static TossSandbox start() {
        return start(SandboxConfig.builder().build());
    }

    /** E.g. "http://127.0.0.1:54321"; use it as the Toss API base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FaultPlan faults() {
        return faults;
    }

    public SandboxStats stats() {
        return stats;
    }

    public Clock clock() {
        return config.clock();
    }

    public SandboxConfig config() {
        return config;
    }

    /**
     * Plays the buyer's payment window: creates an authenticated session and returns its paymentKey.
     *
     * @param outcome null or "APPROVE" to approve at confirm, or a Toss error code (e.g.
     *                "REJECT_CARD_PAYMENT") that confirm will answer with, leaving the payment ABORTED
     * @throws TossApiException INVALID_REQUEST for bad input, DUPLICATED_ORDER_ID if the order was already paid
     */
    public String authorize(String orderId, String orderName, long amount, String outcome) {
        return checkout.authorize(orderId, orderName, amount, outcome).paymentKey();
    }

    /**
     * As {@link #authorize(String, String, long, String)}, with the window's {@code taxFreeAmount}, for merchant
     * {@code mid}: only that merchant's keys can confirm or see it. With {@code mid} null the session belongs to
     * whichever merchant confirms it first (the window alone does not say).
     */
    public String authorize(String mid, String orderId, String orderName, long amount, long taxFreeAmount,
                            String outcome) {
        return checkout.authorize(mid, orderId, orderName, amount, taxFreeAmount, outcome).paymentKey();
    }

    /**
     * Plays a cancel made in Toss's merchant console: the payment is cancelled (whole balance when
     * {@code cancelAmount} is null; tax-free part as {@link #cancelInConsole(String, Long, Long, String)}) and
     * no webhook is sent, as when the notice is lost. A paid virtual account is refunded to a test account.
     *
     * @throws TossApiException as the cancel API would (NOT_FOUND_PAYMENT, ALREADY_CANCELED_PAYMENT, ...)
     */
    public SandboxPayment cancelInConsole(String orderId, Long cancelAmount, String cancelReason) {
        return cancelInConsole(orderId, cancelAmount, null, cancelReason);
    }

    /** As {@link #cancelInConsole(String, Long, String)}, with the cancel's tax-free part (null: the default). */
    public SandboxPayment cancelInConsole(String orderId, Long cancelAmount, Long taxFreeAmount, String cancelReason) {
        return cancelInConsole(null, orderId, cancelAmount, taxFreeAmount, cancelReason);
    }

    /** As {@link #cancelInConsole(String, Long, Long, String)}, in merchant {@code mid}'s console (null: any). */
    public SandboxPayment cancelInConsole(String mid, String orderId, Long cancelAmount, Long taxFreeAmount,
                                         String cancelReason) {
        Objects.requireNonNull(orderId, "orderId");
        SandboxPayment payment = store.atomically(() -> Optional.ofNullable(store.byOrderId(mid, orderId))
                .map(PaymentRecord::snapshot)).orElseThrow(() -> new TossApiException("NOT_FOUND_PAYMENT"));
        ObjectNode refundTo = Json.object()
                .put("bank", "20").put("accountNumber", "1002000000000").put("holderName", "콘솔환불");
        return payments.cancel(new PaymentsApi.CancelOrder(null, payment.paymentKey(),
                cancelReason == null ? CONSOLE_CANCEL_REASON : cancelReason, cancelAmount, taxFreeAmount, refundTo,
                false));
    }

    /**
     * Plays a payment Toss holds and the service never saw (a card payment approved for merchant {@code mid}
     * with no confirm from the service, and no webhook): for reconciliation's "missing here".
     *
     * @param mid null for the default merchant
     * @throws TossApiException DUPLICATED_ORDER_ID if the merchant's order is already paid, INVALID_REQUEST for bad input
     */
    public SandboxPayment createStrayPayment(String mid, String orderId, String orderName, long amount,
                                             long taxFreeAmount) {
        String merchant = mid == null ? config.mid() : mid;
        if (!TossFormats.isValidOrderId(orderId) || orderName == null || orderName.isBlank() || amount <= 0
                || taxFreeAmount < 0 || taxFreeAmount > amount) {
            throw TossApiException.invalidRequest("orderId, orderName, amount(>0), taxFreeAmount(0..amount) 를 확인해주세요.");
        }
        return store.atomically(() -> {
            PaymentRecord record = store.addStrayPayment(merchant, orderId, orderName, amount, taxFreeAmount);
            stats.recordApproval(orderId, amount);
            return record.snapshot();
        });
    }

    /** Every cash receipt transaction issued for the order (issue, then cancels), oldest first. */
    public List<CashReceipt> cashReceipts(String orderId) {
        return store.atomically(() -> cashReceiptBook.byOrder(orderId).stream()
                .flatMap(record -> record.rows().stream()).toList());
    }

    /** The next {@code count} cash receipt issues answer IN_PROGRESS until {@link #settleCashReceipt} decides them. */
    public void issueNextCashReceiptsInProgress(int count) {
        cashReceipts.issueNextInProgress(count);
    }

    /** Completes (COMPLETED) or fails (FAILED) an IN_PROGRESS cash receipt, as the tax office answers later. */
    public CashReceipt settleCashReceipt(String receiptKey, String issueStatus) {
        return cashReceipts.settle(receiptKey, issueStatus);
    }

    /** The merchant's transactions (approvals and cancels) in the order they happened; null: every merchant's. */
    public List<SandboxTransaction> transactions(String mid) {
        return store.atomically(() -> store.transactions(mid));
    }

    /**
     * Plays the buyer's billing-auth window ({@code requestBillingAuth}): registers a test card for the
     * customer and returns the authKey that successUrl would carry, for
     * {@code POST /v1/billing/authorizations/issue}.
     *
     * @param cardOutcome null or "NORMAL" for a card whose charges approve, or a Toss error code (e.g.
     *                    "REJECT_CARD_PAYMENT", "INVALID_CARD_EXPIRATION") that every charge with it answers,
     *                    leaving that charge's payment ABORTED
     * @throws TossApiException INVALID_REQUEST for a malformed customerKey or an unknown error code
     */
    public String authorizeBilling(String customerKey, String cardOutcome) {
        return billingAuth.authorize(customerKey, cardOutcome);
    }

    /**
     * Plays Toss deleting a billing key on its own side (e.g. the card company revoked the card): later
     * charges and deletes get the unknown-billing-key error, and a BILLING_DELETED webhook is recorded in
     * {@link #outgoingWebhooks()}.
     *
     * @throws TossApiException the unknown-billing-key error ({@link TossErrors#UNKNOWN_BILLING_KEY}) if the
     *                          key does not exist or is already deleted
     */
    public void deleteBillingKeyAtToss(String billingKey) {
        deleteBillingKeyAtToss(billingKey, BillingApi.DELETED_AT_TOSS);
    }

    /** As {@link #deleteBillingKeyAtToss(String)}, with the webhook's {@code data.reason}. */
    public void deleteBillingKeyAtToss(String billingKey, String reason) {
        billing.deleteAtToss(billingKey, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Webhooks Toss would have sent, oldest first, whether or not a webhook URL was set: BILLING_DELETED,
     * DEPOSIT_CALLBACK (virtual account issued, deposited, deposit error, canceled) and PAYMENT_STATUS_CHANGED
     * (cancels, {@link #sendPaymentStatusChanged}). With a URL they are also delivered; see {@link #webhookDeliveries()}.
     */
    public List<OutgoingWebhook> outgoingWebhooks() {
        return outbox.recorded();
    }

    /** Delivery of webhooks over HTTP: the URL, the attempts so far, and deliberate misbehaviour for tests. */
    public WebhookSender webhooks() {
        return webhookSender;
    }

    /** Every delivery attempt so far (transmission id, event, retried count, HTTP status or error). */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhookSender.deliveries();
    }

    /**
     * Registers the merchant's webhook URL (absolute http or https), or null to only record webhooks. Webhooks
     * made while no URL is set are never delivered later, as at Toss.
     */
    public void setWebhookUrl(String webhookUrl) {
        webhookSender.url(webhookUrl);
    }

    /**
     * Plays the buyer paying the exact amount into the order's virtual account: the payment becomes DONE
     * (approvedAt now, a new transactionKey) and DEPOSIT_CALLBACK {@code {createdAt, secret, status: "DONE",
     * transactionKey, orderId}} is sent.
     *
     * @throws TossApiException NOT_FOUND_PAYMENT for an unknown order; INVALID_REQUEST when the order's payment
     *                          is no virtual account, or is not waiting for a deposit (paid, canceled, expired)
     */
    public SandboxPayment deposit(String orderId) {
        return virtualAccounts.deposit(Objects.requireNonNull(orderId, "orderId"));
    }

    /**
     * Plays Toss's deposit error (입금 오류): the order's DONE virtual account goes back to WAITING_FOR_DEPOSIT
     * and DEPOSIT_CALLBACK is sent with that status. The buyer may deposit again.
     *
     * @throws TossApiException NOT_FOUND_PAYMENT for an unknown order; INVALID_REQUEST unless it is a DONE
     *                          virtual account
     */
    public SandboxPayment depositError(String orderId) {
        return virtualAccounts.reverseDeposit(Objects.requireNonNull(orderId, "orderId"));
    }

    /**
     * Sends PAYMENT_STATUS_CHANGED {@code {eventType, createdAt, data: <the order's Payment as now>}}, e.g. to
     * replay a late or duplicate notice. Cancels send it on their own.
     *
     * @throws TossApiException NOT_FOUND_PAYMENT for an unknown order
     */
    public OutgoingWebhook sendPaymentStatusChanged(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return store.atomically(() -> {
            PaymentRecord payment = store.byOrderId(orderId);
            if (payment == null) {
                throw new TossApiException("NOT_FOUND_PAYMENT");
            }
            OutgoingWebhook webhook = OutgoingWebhook.paymentStatusChanged(
                    paymentJson.renderAsMap(payment.snapshot()), store.now());
            outbox.add(webhook);
            return webhook;
        });
    }

    /** The order's payment as the sandbox sees it (the approved attempt, else the newest). */
    public Optional<SandboxPayment> payment(String orderId) {
        return store.snapshotByOrderId(orderId);
    }

    public Optional<SandboxPayment> paymentByKey(String paymentKey) {
        return store.snapshotByPaymentKey(paymentKey);
    }

    /**
     * Observes every payment state change (approve, abort, expire, cancel) in order, synchronously
     * under the store lock. Hook for outgoing webhooks; keep listeners fast.
     */
    public void onPaymentChanged(Consumer<SandboxPayment> listener) {
        store.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** The billing key issued to the customer and not deleted: for tests that must prove it is kept secret. */
    public Optional<String> billingKeyOf(String customerKey) {
        synchronized (billingRegistry) {
            return billingRegistry.activeKeyOf(customerKey);
        }
    }

    /**
     * Forgets payments, billing keys, webhooks and their deliveries (pending retries are dropped), faults,
     * latency, stats and idempotency keys. The clock and the webhook URL are left alone.
     */
    public void reset() {
        store.clear();
        store.atomically(() -> {
            billingRegistry.clear();
            cashReceiptBook.clear();
            return null;
        });
        cashReceipts.issueNextInProgress(0);
        outbox.clear();
        webhookSender.reset();
        faults.clear();
        stats.reset();
        idempotency.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        writer.dropAll();
        timer.shutdownNow();
        workers.shutdownNow();
        log.info("Toss sandbox on {} stopped", baseUrl);
    }

    /**
     * Standalone: {@code --port=8090 --host=127.0.0.1 --secret-key=test_sk_... --mid=tgrowpay
     * --merchant=<mId>:<secretKey> --webhook-url=http://... --card-fee-bps=320 --virtual-account-fee=300
     * --payout-delay-days=2} (keys and merchants repeatable).
     */
    public static void main(String[] args) throws InterruptedException {
        SandboxConfig.Builder builder;
        try {
            builder = SandboxCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: TossSandbox [--port=8090] [--host=127.0.0.1] [--secret-key=test_sk_...]"
                    + " [--mid=tgrowpay] [--merchant=<mId>:<secretKey>]... [--webhook-url=http://host:port/path]"
                    + " [--card-fee-bps=320] [--virtual-account-fee=300] [--payout-delay-days=2]");
            System.exit(2);
            return;
        }
        TossSandbox sandbox = start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "toss-sandbox-shutdown"));
        log.info("{}", "Toss sandbox ready at " + sandbox.baseUrl()
                + " (checkout: " + sandbox.baseUrl() + "/sandbox/checkout, card registration: "
                + sandbox.baseUrl() + "/sandbox/billing-auth)");
        // Every sandbox thread is a daemon, so the main thread is what keeps the JVM alive.
        stopped.await();
    }

    /**
     * The JDK server's settings, which it reads once per JVM from system properties, set before the
     * first server unless given on the command line. Answers leave at once: with Nagle's algorithm an
     * answer's body waits for the client to acknowledge its head, and a client's delayed
     * acknowledgement holds it for up to 40 ms. Up to 1,000 idle keep-alive connections are kept
     * instead of 200: the server closes one beyond that without a word, and the client that reuses
     * it finds it closed (seen with 256 load-generator users).
     */
    private static void serverDefaults() {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "1000");
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
