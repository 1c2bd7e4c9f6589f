package com.grow.payments.shared.error;

import java.util.List;

import java.util.Map;

/**
 * A request that cannot be served as asked. The one exception type the service throws on
 * purpose; the web layer maps it to problem+json by its kind, once.
 */
public class PaymentRejection extends RuntimeException {

    private final ErrorCode kind;
    private final String code;
    private final transient Map<String, Object> properties;

    public PaymentRejection(ErrorCode kind, String detail) {
        this(kind, kind.name(), detail, Map.of());
    }

    /**
     * @param code       the machine code callers see; Toss's code for a decline, else the kind's name
     * @param properties extra members of the problem body (e.g. the payment as it now stands)
     */
    public PaymentRejection(ErrorCode kind, String code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    /** A request whose {@code field} is invalid: a 400 naming the field in {@code errors[]}. */
    public static PaymentRejection invalidField(String field, String message) {
        return new PaymentRejection(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.name(),
                field + " " + message, Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public ErrorCode kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
