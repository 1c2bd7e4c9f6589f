package com.grow.payments.query.billing;

import com.grow.payments.query.support.MonotonicReads.Row;
import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.billing.BillingKeyStatus;
import com.grow.payments.shared.billing.BillingKeyView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The billing_key_view table: one row per issued billing key, in columns (there is no document to keep). */
@Repository
public class BillingKeyViewRepository {

    private static final String COLUMNS = "billing_key_id, member_id, card_company, card_number_masked, status, "
            + "created_at, last_sequence";

    private final JdbcClient jdbc;
    private final String insert;

    public BillingKeyViewRepository(ReadModelStore store) {
        this.jdbc = store.jdbc();
        this.insert = store.insertIgnoringDuplicate("billing_key_view",
                COLUMNS + ", updated_at",
                ":id, :memberId, :cardCompany, :cardNumberMasked, :status, :createdAt, :sequence, :updatedAt",
                List.of("billing_key_id"));
    }

    /** The row of a key Toss just issued; a second delivery of the issue changes nothing. */
    void insert(BillingKeyView view, long sequence, Instant at) {
        jdbc.sql(insert).paramSource(columns(view, sequence, at)).update();
    }

    /** The row after a later event, unless an event as late or later was applied already. */
    void update(BillingKeyView view, long sequence, Instant at) {
        jdbc.sql("""
                UPDATE billing_key_view SET status = :status, updated_at = :updatedAt, last_sequence = :sequence
                WHERE billing_key_id = :id AND last_sequence < :sequence""")
                .paramSource(columns(view, sequence, at))
                .update();
    }

    Optional<Row<BillingKeyView>> find(String billingKeyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_key_view WHERE billing_key_id = ?")
                .param(billingKeyId)
                .query((rs, row) -> new Row<>(view(rs), rs.getLong("last_sequence")))
                .optional();
    }

    /** The member's keys, newest first, each with the last sequence folded into it. */
    List<Row<BillingKeyView>> ofMember(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_key_view WHERE member_id = ?"
                        + " ORDER BY created_at DESC, billing_key_id DESC")
                .param(memberId)
                .query((rs, row) -> new Row<>(view(rs), rs.getLong("last_sequence")))
                .list();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM billing_key_view").update();
    }

    private static BillingKeyView view(ResultSet rs) throws SQLException {
        return new BillingKeyView(rs.getString("billing_key_id"), rs.getString("card_company"),
                rs.getString("card_number_masked"), rs.getTimestamp("created_at").toInstant(),
                BillingKeyStatus.valueOf(rs.getString("status")), rs.getString("member_id"));
    }

    private static MapSqlParameterSource columns(BillingKeyView view, long sequence, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", view.billingKeyId())
                .addValue("memberId", view.memberId())
                .addValue("cardCompany", view.cardCompany())
                .addValue("cardNumberMasked", view.cardNumberMasked())
                .addValue("status", view.status().name())
                .addValue("createdAt", Timestamp.from(view.createdAt()))
                .addValue("updatedAt", Timestamp.from(at))
                .addValue("sequence", sequence);
    }
}
