package com.grow.payments.infra.audit;

import java.util.List;

/**
 * The metadata every command and event carries for the audit trail: who and which request caused
 * it, and the event's link in its aggregate's hash chain. None of it is secret.
 */
public final class AuditMetaData {

    /** The member whose request caused the message; {@link #SYSTEM} when no member did. */
    public static final String MEMBER_ID = "memberId";
    /** The request's {@code Idempotency-Key} header, when it had one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The request's trace id: the tracer's, the caller's {@code traceparent} or {@code X-Request-Id}, or ours. */
    public static final String TRACE_ID = "traceId";
    /** Axon's id of the message that caused this one ({@code MessageOriginProvider}). */
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_METHOD = "requestMethod";
    public static final String REQUEST_PATH = "requestPath";
    /** The event's link in its aggregate's hash chain (ADR 0009). */
    public static final String CHAIN_HASH = "chainHash";

    /** The member id of commands no member's request caused: schedulers, the janitor, webhooks. */
    public static final String SYSTEM = "system";

    /** What a command's metadata hands on to the events it causes (through Axon's correlation data). */
    static final List<String> REQUEST_KEYS =
            List.of(MEMBER_ID, IDEMPOTENCY_KEY, TRACE_ID, REQUEST_METHOD, REQUEST_PATH);

    /** The metadata the hash chain covers, so that "who caused it" cannot be rewritten unseen. */
    static final List<String> CHAINED_KEYS =
            List.of(CORRELATION_ID, IDEMPOTENCY_KEY, MEMBER_ID, REQUEST_METHOD, REQUEST_PATH, TRACE_ID);

    private AuditMetaData() {
    }
}
