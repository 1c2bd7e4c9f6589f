package com.grow.payments.infra.audit;

import com.grow.payments.command.payment.Payment;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: recomputes a payment's hash chain from the stored rows (ADR 0009). */
@RestController
public class EventChainController {

    private static final String PAYMENT = Payment.class.getSimpleName();

    private final StoredEvents storedEvents;
    private final ChainKey chainKey;

    public EventChainController(StoredEvents storedEvents, ChainKey chainKey) {
        this.storedEvents = storedEvents;
        this.chainKey = chainKey;
    }

    /** Always 200 with the verdict: valid or not, and where it breaks. */
    @GetMapping("/api/v1/admin/payments/{orderId}/chain")
    public ChainVerification chain(@PathVariable String orderId, Caller caller) {
        return verify(orderId, caller);
    }

    /** 200 when the chain is intact, 409 problem+json naming the first broken sequence. */
    @GetMapping("/api/v1/admin/payments/{orderId}/verify")
    public ChainVerification verdict(@PathVariable String orderId, Caller caller) {
        ChainVerification verification = verify(orderId, caller);
        if (!verification.valid()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("valid", false);
            properties.put("events", verification.events());
            properties.put("firstBrokenSequence", verification.firstBrokenSequence());
            throw new PaymentRejection(ErrorCode.EVENT_CHAIN_BROKEN, ErrorCode.EVENT_CHAIN_BROKEN.name(),
                    "event " + verification.firstBrokenSequence() + ": " + verification.reason(), properties);
        }
        return verification;
    }

    private ChainVerification verify(String orderId, Caller caller) {
        if (!caller.admin()) {
            throw new PaymentRejection(ErrorCode.FORBIDDEN, "only ADMIN may verify event chains");
        }
        List<StoredEvents.Row> rows = OrderId.isValid(orderId) ? storedEvents.stream(orderId) : List.of();
        if (rows.isEmpty() || !PAYMENT.equals(rows.get(0).aggregateType())) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        return ChainVerification.of(chainKey, orderId, rows);
    }
}
