package com.grow.payments.infra.billing;

import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyIssueOutcomeUnknown;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyUnreadable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The billing keys an operator must look at, in {@code billing_key_attention}: an issue whose
 * answer never came (a live key may exist at Toss) and a stored key that does not decrypt. Gauge
 * {@code billing_keys_needing_attention}; the list is under {@code /api/v1/admin/billing-keys}.
 */
@Component
@ProcessingGroup(BillingKeyAttention.PROCESSING_GROUP)
@DisallowReplay
public class BillingKeyAttention {

    public static final String PROCESSING_GROUP = "billing-key-attention";
    static final String ISSUE_OUTCOME_UNKNOWN = "ISSUE_OUTCOME_UNKNOWN";
    static final String UNREADABLE = "BILLING_KEY_UNREADABLE";

    private static final Logger log = LoggerFactory.getLogger(BillingKeyAttention.class);

    /** One billing key that needs an operator, and why. */
    public record Flag(String billingKeyId, String memberId, String reason, String detail, Instant flaggedAt) {
    }

    private final JdbcClient jdbc;

    public BillingKeyAttention(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("billing_keys_needing_attention", this, BillingKeyAttention::count)
                .description("Billing keys an operator must look at: issue outcome unknown, or unreadable")
                .register(registry);
    }

    @EventHandler
    void on(BillingKeyIssueOutcomeUnknown event, @Timestamp Instant at) {
        log.warn("billing key {} of member {}: Toss's answer to the issue never came ({}); a live key may exist there",
                event.billingKeyId(), event.memberId(), event.reason());
        flag(event.billingKeyId(), event.memberId(), ISSUE_OUTCOME_UNKNOWN, event.reason(), at);
    }

    @EventHandler
    void on(BillingKeyUnreadable event, @Timestamp Instant at) {
        flag(event.billingKeyId(), event.memberId(), UNREADABLE, null, at);
    }

    @EventHandler
    void on(BillingKeyIssued event) {
        jdbc.sql("DELETE FROM billing_key_attention WHERE billing_key_id = ? AND reason = ?")
                .params(event.billingKeyId(), ISSUE_OUTCOME_UNKNOWN).update();
    }

    @EventHandler
    void on(BillingKeyDeleted event) {
        jdbc.sql("DELETE FROM billing_key_attention WHERE billing_key_id = ?").param(event.billingKeyId()).update();
    }

    /** Every flagged key, oldest first. */
    public List<Flag> flagged() {
        return jdbc.sql("SELECT billing_key_id, member_id, reason, detail, flagged_at FROM billing_key_attention "
                        + "ORDER BY flagged_at, billing_key_id")
                .query((rs, row) -> new Flag(rs.getString("billing_key_id"), rs.getString("member_id"),
                        rs.getString("reason"), rs.getString("detail"),
                        rs.getObject("flagged_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private double count() {
        return jdbc.sql("SELECT count(*) FROM billing_key_attention").query(Long.class).single();
    }

    private void flag(String billingKeyId, String memberId, String reason, String detail, Instant at) {
        String shortDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 200));
        jdbc.sql("""
                        INSERT INTO billing_key_attention (billing_key_id, reason, member_id, detail, flagged_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (billing_key_id, reason) DO NOTHING""")
                .params(billingKeyId, reason, memberId, shortDetail, at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
