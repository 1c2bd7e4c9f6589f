package com.grow.payments.infra.audit;

import java.util.List;

/**
 * What a payment's stored hash chain proves.
 *
 * @param events              how many events the payment has
 * @param firstBrokenSequence the first event whose stored hash does not hold, null when all do
 * @param headHash            the hash of the last event verified (of the whole stream when valid): kept
 *                            elsewhere, it shows a stream truncated later
 * @param unchainedPrefix     how many leading events predate the hash chain (not covered by it)
 */
public record ChainVerification(String orderId, int events, boolean valid, Long firstBrokenSequence, String reason,
                                String headHash, int unchainedPrefix) {

    /** Recomputes the chain from the stored rows, oldest first, and stops at the first link that does not hold. */
    static ChainVerification of(String orderId, List<StoredEvents.Row> rows) {
        String previous = null;
        int unchained = 0;
        for (int i = 0; i < rows.size(); i++) {
            StoredEvents.Row row = rows.get(i);
            String stored = row.chainHash();
            if (row.sequenceNumber() != i) {
                return broken(orderId, rows, row, previous, unchained, "sequence " + i + " is missing");
            }
            if (stored == null && previous == null) {
                unchained++;
                continue;
            }
            if (stored == null) {
                return broken(orderId, rows, row, previous, unchained, "the event has no chainHash, but the ones before have");
            }
            String computed = ChainHash.of(previous == null ? ChainHash.GENESIS : previous, row.link(orderId));
            if (!computed.equals(stored)) {
                return broken(orderId, rows, row, previous, unchained, "the stored chainHash does not match the event:"
                        + " its payload, type, sequence, time or request metadata changed, or the event before it did");
            }
            previous = stored;
        }
        String reason = unchained == 0 ? "intact"
                : previous == null ? "no event is chained: all " + unchained + " predate the hash chain (unchained prefix)"
                : "intact; events 0-" + (unchained - 1) + " predate the hash chain (unchained prefix)";
        return new ChainVerification(orderId, rows.size(), true, null, reason, previous, unchained);
    }

    private static ChainVerification broken(String orderId, List<StoredEvents.Row> rows, StoredEvents.Row row,
                                            String previous, int unchained, String reason) {
        return new ChainVerification(orderId, rows.size(), false, row.sequenceNumber(), reason, previous, unchained);
    }
}
