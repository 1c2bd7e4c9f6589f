-- What the janitor's sweep looks for: payments whose answer from Toss is still open (a
-- confirmation or a cancel with nothing recorded), by how long they have been quiet.
ALTER TABLE payment_view ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE payment_view ADD COLUMN cancel_in_progress BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE payment_view ADD COLUMN needs_attention BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE payment_view SET updated_at = requested_at WHERE updated_at IS NULL;
ALTER TABLE payment_view ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX payment_view_open_work ON payment_view (updated_at)
    WHERE status IN ('IN_PROGRESS', 'UNKNOWN') OR cancel_in_progress;
