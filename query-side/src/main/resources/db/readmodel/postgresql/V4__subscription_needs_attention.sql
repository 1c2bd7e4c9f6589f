-- A subscription whose cycle charge Toss's record did not prove paid waits for an operator
-- (docs/money-rules.md): the janitor's sweep stops looking it up, and operators can list them.
ALTER TABLE subscription_view ADD COLUMN needs_attention BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX subscription_view_needs_attention ON subscription_view (updated_at) WHERE needs_attention;
