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
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The payment_view rows one batch of events touches: read once, folded in memory, written once.
 * An order whose row is neither stored nor checked out in the batch is left alone, as a single
 * event would leave it. A row is not read at all when the batch can fold without it: its events
 * begin with the checkout, or right after the view the repository keeps for the order.
 */
final class PaymentViewBatch {

    /** A row as the batch has it. */
    static final class Row {
        private PaymentView view;
        private long lastSequence;
        private Instant at;
        private boolean changed;

        private Row(PaymentView view, long lastSequence, Instant at) {
            this.view = view;
            this.lastSequence = lastSequence;
            this.at = at;
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
    private final List<Row> written = new ArrayList<>();

    /** @param writeThrough write each change at once (outside a unit of work) */
    PaymentViewBatch(PaymentViewRepository views, boolean writeThrough) {
        this.views = views;
        this.writeThrough = writeThrough;
    }

    /**
     * Readies the rows of the orders whose events the batch holds, by the sequence of each order's
     * first event in it: from nothing when that is the checkout (sequence 0), from the kept view
     * when it is of the sequence just before, and the rest read in one query.
     */
    void open(Map<String, Long> firstSequences) {
        List<String> unread = new ArrayList<>();
        firstSequences.forEach((orderId, first) -> {
            if (read.contains(orderId)) {
                return;
            }
            Optional<StoredView> kept = first == 0 ? Optional.empty() : views.keptAt(orderId, first - 1);
            if (first == 0 || kept.isPresent()) {
                read.add(orderId);
                kept.ifPresent(view -> rows.put(orderId, new Row(view.view(), view.lastSequence(), null)));
            } else {
                unread.add(orderId);
            }
        });
        read(unread);
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
                rows.put(orderId, new Row(view.view(), view.lastSequence(), null));
            }
        }
    }

    /** A new order's row; a checkout delivered again changes nothing. */
    void checkedOut(PaymentView view, long sequence, Instant at) {
        read(List.of(view.orderId()));
        if (!rows.containsKey(view.orderId())) {
            Row row = new Row(view, sequence, at);
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

    /** Writes every changed row, each once, in one statement. */
    void write() {
        List<Row> changed = rows.values().stream().filter(row -> row.changed).toList();
        views.writeAll(changed);
        written.addAll(changed);
        rows.clear();
        read.clear();
    }

    /** Once what {@link #write()} wrote has committed: the repository keeps those views. */
    void committed() {
        views.keep(written);
        written.clear();
    }

    private void writeIfThrough() {
        if (writeThrough) {
            write();
            committed();
        }
    }
}
