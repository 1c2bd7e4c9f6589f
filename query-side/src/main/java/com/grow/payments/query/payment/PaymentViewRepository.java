package com.grow.payments.query.payment;

import com.grow.payments.query.support.PageView;
import com.grow.payments.query.support.ReadModelJson;
import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.support.BoundedLru;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment_view table: one row per order, the whole view as a JSON document. */
@Repository
public class PaymentViewRepository {

    /** A stored view with the sequence of the last event folded into it. */
    public record StoredView(PaymentView view, long lastSequence) {
    }

    /** Which payments a list asks for; null members mean "any". */
    public record Filter(String memberId, PaymentStatus status, Instant from, Instant to, boolean needsAttention,
                         String paymentKey) {
    }

    /**
     * How many orders' views are kept, as read or as written by the projection. A member's history
     * page is read again and again: a row whose last sequence is the one kept is not read from JSON
     * again. A view is the fold of its order's events up to its sequence and nothing else, so a kept
     * view is right for that sequence whatever the table holds now: the projection folds on from
     * it without reading the row when the batch's events for the order begin right after it.
     */
    private static final int KEPT_VIEWS = 10_000;

    private final JdbcClient jdbc;
    private final BoundedLru<String, StoredView> kept = new BoundedLru<>(KEPT_VIEWS);
    private final ReadModelStore store;
    private final ReadModelJson json;
    private final String write;

    public PaymentViewRepository(ReadModelStore store, ReadModelJson json) {
        this.jdbc = store.jdbc();
        this.store = store;
        this.json = json;
        this.write = store.insertOrUpdateIfNewer("payment_view", INSERT_COLUMNS, INSERT_VALUES, List.of("order_id"),
                UPDATED_COLUMNS, "last_sequence");
    }

    private static final String INSERT_COLUMNS = "order_id, member_id, payment_key, order_name, method, status, "
            + "total_amount, balance_amount, currency, requested_at, approved_at, due_date, document, last_sequence, "
            + "updated_at, cancel_in_progress, needs_attention";
    private static final String INSERT_VALUES = ":orderId, :memberId, :paymentKey, :orderName, :method, :status, "
            + ":totalAmount, :balanceAmount, :currency, :requestedAt, :approvedAt, :dueDate, :document, :sequence, "
            + ":updatedAt, :cancelInProgress, :needsAttention";
    /** What a later event can change; the member, the order's name, currency and time never do. */
    private static final List<String> UPDATED_COLUMNS = List.of("payment_key", "method", "status", "total_amount",
            "balance_amount", "approved_at", "due_date", "document", "updated_at", "cancel_in_progress",
            "needs_attention");

    /**
     * The rows in one batch: a new order's row inserted, a stored one updated unless it already
     * holds a later event (a checkout or an event delivered again leaves it as it is).
     */
    void writeAll(List<PaymentViewBatch.Row> rows) {
        store.batch(write, parameters(rows));
    }

    /** Keeps the views of rows just written, so that neither the next batch nor a page reads them back. */
    void keep(List<PaymentViewBatch.Row> rows) {
        rows.forEach(row -> kept.put(row.view().orderId(), new StoredView(row.view(), row.lastSequence())));
    }

    /** The kept view of the order, if it is the one of exactly this sequence. */
    Optional<StoredView> keptAt(String orderId, long sequence) {
        StoredView view = kept.get(orderId);
        return view != null && view.lastSequence() == sequence ? Optional.of(view) : Optional.empty();
    }

    private List<MapSqlParameterSource> parameters(List<PaymentViewBatch.Row> rows) {
        return rows.stream().map(row -> columns(row.view(), row.lastSequence(), row.at())).toList();
    }

    public Optional<StoredView> find(String orderId) {
        return jdbc.sql("SELECT document, last_sequence FROM payment_view WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> stored(orderId, rs.getLong(2), () -> rs.getString(1)))
                .optional();
    }

    /** The stored rows of these orders, by order id; orders without a row are absent. */
    Map<String, StoredView> findAll(Collection<String> orderIds) {
        Map<String, StoredView> found = new HashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.sql("SELECT order_id, document, last_sequence FROM payment_view WHERE order_id IN (:orderIds)")
                    .param("orderIds", orderIds)
                    .query((rs, row) -> Map.entry(rs.getString(1),
                            stored(rs.getString(1), rs.getLong(3), () -> rs.getString(2))))
                    .list()
                    .forEach(row -> found.put(row.getKey(), row.getValue()));
        }
        return found;
    }

    public PageView<PaymentView> page(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.memberId() != null) {
            where.append(" AND member_id = ?");
            args.add(filter.memberId());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.needsAttention()) {
            where.append(" AND needs_attention");
        }
        if (filter.paymentKey() != null) {
            where.append(" AND payment_key = ?");
            args.add(filter.paymentKey());
        }
        if (filter.from() != null) {
            where.append(" AND requested_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND requested_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return store.page("payment_view", "order_id, last_sequence, document", where.toString(), args,
                "requested_at DESC, order_id DESC", page, size,
                (rs, row) -> stored(rs.getString(1), rs.getLong(2), () -> rs.getString(3)).view());
    }

    /**
     * The row's view: the one kept when it is of the same sequence, else read from its document.
     * The document column is decoded into text only then: a history page of kept views decodes none.
     */
    private StoredView stored(String orderId, long sequence, DocumentColumn document) throws SQLException {
        StoredView view = kept.get(orderId);
        if (view == null || view.lastSequence() != sequence) {
            view = new StoredView(json.read(document.text(), PaymentView.class), sequence);
            kept.put(orderId, view);
        }
        return view;
    }

    /** A row's document column, read from the result set only when asked. */
    @FunctionalInterface
    private interface DocumentColumn {
        String text() throws SQLException;
    }

    public void deleteAll() {
        jdbc.sql("DELETE FROM payment_view").update();
    }

    private MapSqlParameterSource columns(PaymentView view, long sequence,
                                                                                   Instant at) {
        return new MapSqlParameterSource()
                .addValue("orderId", view.orderId())
                .addValue("memberId", view.memberId())
                .addValue("paymentKey", view.paymentKey())
                .addValue("orderName", view.orderName())
                .addValue("method", view.method())
                .addValue("status", view.status().name())
                .addValue("totalAmount", view.totalAmount())
                .addValue("balanceAmount", view.balanceAmount())
                .addValue("currency", view.currency())
                .addValue("requestedAt", Timestamp.from(view.requestedAt()))
                .addValue("approvedAt", view.approvedAt() == null ? null : Timestamp.from(view.approvedAt()))
                .addValue("dueDate", view.virtualAccount() == null || view.virtualAccount().dueDate() == null ? null
                        : Timestamp.from(view.virtualAccount().dueDate()))
                .addValue("document", json.write(view))
                .addValue("sequence", sequence)
                .addValue("updatedAt", Timestamp.from(at))
                .addValue("cancelInProgress", view.cancelInProgress())
                .addValue("needsAttention", view.needsAttention());
    }
}
