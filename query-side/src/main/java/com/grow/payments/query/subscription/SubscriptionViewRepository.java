package com.grow.payments.query.subscription;

import com.grow.payments.query.support.PageView;
import com.grow.payments.query.support.ReadModelJson;
import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.subscription.SubscriptionView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscription_view table: one row per subscription, the view as a JSON document. */
@Repository
public class SubscriptionViewRepository {

    record Stored(SubscriptionView view, long lastSequence) {
    }

    private final JdbcClient jdbc;
    private final ReadModelStore store;
    private final ReadModelJson json;

    public SubscriptionViewRepository(ReadModelStore store, ReadModelJson json) {
        this.jdbc = store.jdbc();
        this.store = store;
        this.json = json;
    }

    /** The row of a subscription that just started; a second delivery of its start changes nothing. */
    void insert(SubscriptionView view, long sequence, Instant at) {
        jdbc.sql(store.insertIgnoringDuplicate("subscription_view",
                        "subscription_id, member_id, billing_key_id, status, next_charge_at, charge_in_progress, "
                                + "in_flight_order_id, started_at, updated_at, document, last_sequence, needs_attention",
                        ":id, :memberId, :billingKeyId, :status, :nextChargeAt, :charging, :inFlight, :startedAt, "
                                + ":updatedAt, :document, :sequence, :needsAttention",
                        List.of("subscription_id")))
                .paramSource(columns(view, sequence, at))
                .update();
    }

    /** The row after a later event, unless an event as late or later was applied already. */
    void update(SubscriptionView view, long sequence, Instant at) {
        jdbc.sql("""
                UPDATE subscription_view SET billing_key_id = :billingKeyId, status = :status, next_charge_at = :nextChargeAt,
                    charge_in_progress = :charging, in_flight_order_id = :inFlight, updated_at = :updatedAt,
                    document = :document, last_sequence = :sequence, needs_attention = :needsAttention
                WHERE subscription_id = :id AND last_sequence < :sequence""")
                .paramSource(columns(view, sequence, at))
                .update();
    }

    private MapSqlParameterSource columns(SubscriptionView view, long sequence, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", view.subscriptionId())
                .addValue("memberId", view.memberId())
                .addValue("billingKeyId", view.billingKeyId())
                .addValue("status", view.status().name())
                .addValue("nextChargeAt", view.nextChargeAt() == null ? null : Timestamp.from(view.nextChargeAt()))
                .addValue("charging", view.chargeInProgress())
                .addValue("needsAttention", view.needsAttention())
                .addValue("inFlight", inFlightOrderId(view))
                .addValue("startedAt", Timestamp.from(view.startedAt()))
                .addValue("updatedAt", Timestamp.from(at))
                .addValue("document", json.write(view))
                .addValue("sequence", sequence);
    }

    Optional<Stored> find(String subscriptionId) {
        return jdbc.sql("SELECT document, last_sequence FROM subscription_view WHERE subscription_id = ?")
                .param(subscriptionId)
                .query((rs, row) -> new Stored(json.read(rs.getString(1), SubscriptionView.class), rs.getLong(2)))
                .optional();
    }

    PageView<SubscriptionView> page(String memberId, int page, int size) {
        String where = memberId == null ? "" : " WHERE member_id = ?";
        List<Object> args = memberId == null ? List.of() : List.of(memberId);
        return store.page("subscription_view", "document", where, args, "started_at DESC, subscription_id DESC", page,
                size, (rs, row) -> json.read(rs.getString(1), SubscriptionView.class));
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM subscription_view").update();
    }

    private static String inFlightOrderId(SubscriptionView view) {
        if (!view.chargeInProgress() || view.charges().isEmpty()) {
            return null;
        }
        return view.charges().get(view.charges().size() - 1).orderId();
    }
}
