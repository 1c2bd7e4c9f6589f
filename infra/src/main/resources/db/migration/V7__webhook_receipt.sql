-- Every Toss webhook accepted, once: Toss retries and duplicates transmissions, and the same
-- transmission id with the same body is the same delivery. (The body is part of the key so that a
-- forged post reusing a real transmission id cannot make the real one look like a duplicate.)
CREATE TABLE webhook_receipt (
    receipt_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    event_type   VARCHAR(40)  NOT NULL,
    order_id     VARCHAR(64),
    received_at  TIMESTAMPTZ  NOT NULL
);
