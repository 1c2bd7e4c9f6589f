package com.grow.payments.shared.cashreceipt;

import java.util.Optional;

/**
 * Where cash-receipt identity numbers (phone, resident or business numbers) live, encrypted,
 * outside the event store: events are kept for ever and copied into projections, the audit trail
 * and Kafka, so they carry the number masked only. One number per order.
 */
public interface IdentityNumberVault {

    /** Keeps the number for the order's next receipt request, in place of any kept before. */
    void store(String orderId, String identityNumber);

    /** The number in clear, for the call to Toss that needs it; empty if none is kept. */
    Optional<String> reveal(String orderId);
}
