package com.grow.payments.query.payment;

import com.grow.payments.query.payment.PaymentViewRepository.StoredView;
import com.grow.payments.shared.payment.PaymentView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The payment_view rows one batch of events touches: read once, folded in memory, written once.
 * An order whose row is neither stored nor checked out in the batch is left alone, as a single
 * event would leave it.
 */
final class PaymentViewBatch {

    /** A row as the batch has it; {@code stored} false for a checkout not yet written. */
    static final class Row {
        private PaymentView view;
        private long lastSequence;
        private Instant at;
        private final boolean stored;
        private boolean changed;

        private Row(PaymentView view, long lastSequence, Instant at, boolean stored) {
            this.view = view;
            this.lastSequence = lastSequence;
            this.at = at;
            this.stored = stored;
        }

        PaymentView view() {
            return view;
        }

        long lastSequence() {
            return lastSequence;
        }

        Instant at() {
            return at;
        }
    }

    private final PaymentViewRepository views;
    private final boolean writeThrough;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    /** @param writeThrough write each change at once (outside a unit of work) */
    PaymentViewBatch(PaymentViewRepository views, boolean writeThrough) {
        this.views = views;
        this.writeThrough = writeThrough;
    }

    /** Reads the stored rows of these orders in one query. */
    void read(Collection<String> orderIds) {
        List<String> unread = orderIds.stream().filter(id -> !read.contains(id)).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<String, StoredView> stored = views.findAll(unread);
        for (String orderId : unread) {
            read.add(orderId);
            StoredView view = stored.get(orderId);
            if (view != null) {
                rows.put(orderId, new Row(view.view(), view.lastSequence(), null, true));
            }
        }
    }

    /** A new order's row; a checkout delivered again changes nothing. */
    void checkedOut(PaymentView view, long sequence, Instant at) {
        read(List.of(view.orderId()));
        if (!rows.containsKey(view.orderId())) {
            Row row = new Row(view, sequence, at, false);
            row.changed = true;
            rows.put(view.orderId(), row);
        }
        writeIfThrough();
    }

    /** Folds one event into its order's row, unless the row already holds it. */
    void apply(String orderId, long sequence, Instant at, UnaryOperator<PaymentView> change) {
        read(List.of(orderId));
        Row row = rows.get(orderId);
        if (row != null && row.lastSequence < sequence) {
            row.view = change.apply(row.view);
            row.lastSequence = sequence;
            row.at = at;
            row.changed = true;
        }
        writeIfThrough();
    }

    /** Writes every changed row: new ones inserted, stored ones updated, each once. */
    void write() {
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.changed) {
                (row.stored ? updates : inserts).add(row);
            }
        }
        views.insertAll(inserts);
        views.updateAll(updates);
        rows.clear();
        read.clear();
    }

    private void writeIfThrough() {
        if (writeThrough) {
            write();
        }
    }
}
