package com.grow.payments.infra.audit;

import java.util.List;

/**
 * What a payment's stored hash chain proves. Every event must carry its link: since the cut-over
 * (V13) there is no event from before the chain, so an event without a readable {@code chainHash}
 * is a break, never something to skip.
 *
 * @param events              how many events the payment has
 * @param firstBrokenSequence the first event whose stored hash does not hold, null when all do
 * @param headHash            the hash of the last event verified (of the whole stream when valid): kept
 *                            elsewhere, it shows a stream truncated later
 */
public record ChainVerification(String orderId, int events, boolean valid, Long firstBrokenSequence, String reason,
                                String headHash) {

    /** Recomputes the chain from the stored rows, oldest first, and stops at the first link that does not hold. */
    static ChainVerification of(ChainKey key, String orderId, List<StoredEvents.Row> rows) {
        String previous = ChainHash.GENESIS;
        String head = null;
        for (int i = 0; i < rows.size(); i++) {
            StoredEvents.Row row = rows.get(i);
            if (row.sequenceNumber() != i) {
                return broken(orderId, rows, row, head, "sequence " + i + " is missing");
            }
            if (row.metaData() == null) {
                return broken(orderId, rows, row, head, "the event's metadata cannot be read, so neither can its link");
            }
            String stored = row.chainHash();
            if (stored == null) {
                return broken(orderId, rows, row, head, "the event has no chainHash: its link was stripped");
            }
            if (!ChainHash.of(key, previous, row.link(orderId)).equals(stored)) {
                return broken(orderId, rows, row, head, "the stored chainHash does not match the event:"
                        + " its payload, type, sequence, time or request metadata changed, or the event before it did");
            }
            previous = stored;
            head = stored;
        }
        return new ChainVerification(orderId, rows.size(), true, null, "intact", head);
    }

    private static ChainVerification broken(String orderId, List<StoredEvents.Row> rows, StoredEvents.Row row,
                                            String head, String reason) {
        return new ChainVerification(orderId, rows.size(), false, row.sequenceNumber(), reason, head);
    }
}
