package com.grow.payments.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks to the merchant's URL the way Toss does (docs/toss.md): a POST of the JSON body
 * with the {@code tosspayments-webhook-transmission-*} headers; anything but HTTP 200, or no answer, is
 * retried 7 times, 1/4/16/64/256/1024/4096 "minutes" apart, where a minute is
 * {@link SandboxConfig#webhookRetryUnit()} (real minutes by default, milliseconds in tests). Waiting is
 * done by the scheduler, never by a sleeping thread.
 * <p>
 * First attempts go out one at a time in the order the webhooks were made, so a test sees a predictable
 * sequence; retries run on their own schedule and may overtake later webhooks, as at Toss. For tests of a
 * receiver's robustness it can also misbehave on purpose: {@link #duplicateNext(int)} and
 * {@link #holdAndReorder()}. Thread-safe.
 */
public final class WebhookSender {

    public static final String TRANSMISSION_ID = "tosspayments-webhook-transmission-id";
    public static final String TRANSMISSION_TIME = "tosspayments-webhook-transmission-time";
    public static final String RETRIED_COUNT = "tosspayments-webhook-transmission-retried-count";

    /** Toss's retry intervals in minutes; their count is the number of retries. */
    static final List<Integer> RETRY_MINUTES = List.of(1, 4, 16, 64, 256, 1024, 4096);
    /** Toss's limit per attempt is only reported by third parties (docs/toss.md); 10 s is their figure. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** One transmission: a webhook and the id all its attempts share. */
    private record Transmission(String id, OutgoingWebhook webhook, String body, long epoch) {
    }

    private final Clock clock;
    private final Duration retryUnit;
    private final ScheduledExecutorService timer;
    private final Executor executor;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    // Bumped by reset(): attempts of older transmissions are dropped instead of sent.
    private final AtomicLong epoch = new AtomicLong();
    private volatile String url;
    private HttpClient client;

    // Guarded by this.
    private CompletableFuture<Void> firstAttempts = CompletableFuture.completedFuture(null);
    private int extraCopies;
    private boolean holding;
    private final List<Transmission> held = new ArrayList<>();

    WebhookSender(SandboxConfig config, ScheduledExecutorService timer, Executor executor) {
        this.clock = config.clock();
        this.retryUnit = config.webhookRetryUnit();
        this.timer = timer;
        this.executor = executor;
        this.url = config.webhookUrl();
    }

    /** Where webhooks go, or null when none is registered (webhooks are then only recorded). */
    public String url() {
        return url;
    }

    /** Registers the merchant's webhook URL (absolute http or https), or null to stop delivering. */
    public void url(String webhookUrl) {
        this.url = webhookUrl == null ? null : SandboxConfig.requireHttpUrl(webhookUrl);
    }

    /**
     * Sends the next webhook {@code times} extra times, every copy with the same transmission id (each copy
     * retried on its own), as when Toss delivers one event twice.
     */
    public synchronized WebhookSender duplicateNext(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        extraCopies = times;
        return this;
    }

    /** Buffers every webhook from now on until {@link #release()}, which delivers them newest first. */
    public synchronized WebhookSender holdAndReorder() {
        holding = true;
        return this;
    }

    /** Delivers the buffered webhooks in reverse order of creation, and stops buffering. */
    public synchronized WebhookSender release() {
        holding = false;
        List<Transmission> reversed = new ArrayList<>(held);
        held.clear();
        Collections.reverse(reversed);
        reversed.forEach(this::enqueue);
        return this;
    }

    /** Every attempt so far, in the order their outcome was known. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Hands a webhook over for delivery; returns at once. Nothing is sent while no URL is set. */
    void submit(OutgoingWebhook webhook) {
        if (url == null) {
            return;
        }
        synchronized (this) {
            Transmission transmission = new Transmission(TossFormats.transmissionId(), webhook, webhook.body(),
                    epoch.get());
            int copies = 1 + extraCopies;
            extraCopies = 0;
            for (int i = 0; i < copies; i++) {
                if (holding) {
                    held.add(transmission);
                } else {
                    enqueue(transmission);
                }
            }
        }
    }

    /** Forgets deliveries and the misbehaviour settings; retries still scheduled are dropped. The URL stays. */
    synchronized void reset() {
        epoch.incrementAndGet();
        deliveries.clear();
        held.clear();
        holding = false;
        extraCopies = 0;
    }

    /** Call holding this lock. The first attempt waits for the previous first attempt to finish. */
    private void enqueue(Transmission transmission) {
        firstAttempts = firstAttempts.exceptionally(ignored -> null)
                .thenComposeAsync(ignored -> attempt(transmission, 0), executor);
    }

    /** One POST; completes (never exceptionally) once its outcome is recorded and any retry scheduled. */
    private CompletableFuture<Void> attempt(Transmission transmission, int retried) {
        String target = url;
        if (target == null || transmission.epoch() != epoch.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String time = TossFormats.timestamp(clock.instant());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(ATTEMPT_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(TRANSMISSION_ID, transmission.id())
                    .header(TRANSMISSION_TIME, time)
                    .header(RETRIED_COUNT, Integer.toString(retried))
                    .POST(HttpRequest.BodyPublishers.ofString(transmission.body(), StandardCharsets.UTF_8))
                    .build();
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        finish(transmission, retried, time, response == null ? null : response.statusCode(), failure);
                        return null;
                    });
        } catch (RuntimeException e) {
            // A client shut down with the sandbox, or a URL the HTTP client refuses: a failed attempt all the same.
            finish(transmission, retried, time, null, e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private void finish(Transmission transmission, int retried, String time, Integer status, Throwable failure) {
        if (transmission.epoch() != epoch.get()) {
            return;
        }
        String error = failure == null ? null : describe(failure);
        WebhookDelivery delivery = new WebhookDelivery(transmission.id(), transmission.webhook().eventType(), retried,
                time, status, error, transmission.webhook());
        deliveries.add(delivery);
        if (delivery.delivered()) {
            log.debug("webhook {} {} delivered on attempt {}", delivery.eventType(), transmission.id(), retried);
            return;
        }
        if (retried >= RETRY_MINUTES.size()) {
            // Toss e-mails the merchant at this point; the deliveries list is the sandbox's e-mail.
            log.warn("webhook {} {} given up after {} retries (last: {})", delivery.eventType(), transmission.id(),
                    retried, status != null ? "HTTP " + status : error);
            return;
        }
        Duration wait = retryUnit.multipliedBy(RETRY_MINUTES.get(retried));
        log.debug("webhook {} {} failed ({}), retry {} in {}", delivery.eventType(), transmission.id(),
                status != null ? "HTTP " + status : error, retried + 1, wait);
        try {
            timer.schedule(() -> attempt(transmission, retried + 1), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("sandbox closed; retry of {} dropped", transmission.id());
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(ATTEMPT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor)
                    .build();
        }
        return client;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
