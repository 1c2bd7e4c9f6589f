-- The same column as on PostgreSQL: a subscription waiting for an operator after an unproven charge.
ALTER TABLE subscription_view
    ADD COLUMN needs_attention BOOLEAN NOT NULL DEFAULT FALSE,
    ADD INDEX subscription_view_needs_attention (needs_attention, updated_at);
