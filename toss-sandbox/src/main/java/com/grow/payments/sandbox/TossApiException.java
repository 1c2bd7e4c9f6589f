package com.grow.payments.sandbox;

/**
 * A Toss-style refusal: becomes {@code {"code", "message"}} with the code's HTTP status.
 * Thrown by handlers and by the Java API ({@link TossSandbox#authorize}) on bad input.
 */
public final class TossApiException extends RuntimeException {

    private final String code;
    private final int status;

    public TossApiException(String code) {
        this(code, TossErrors.message(code));
    }

    public TossApiException(String code, String message) {
        super(message, null, false, false); // control flow, not a bug: no stack trace needed
        this.code = code;
        this.status = TossErrors.status(code);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    SandboxResponse toResponse() {
        return SandboxResponse.error(status, code, getMessage());
    }

    static TossApiException invalidRequest(String message) {
        return new TossApiException("INVALID_REQUEST", message);
    }
}
