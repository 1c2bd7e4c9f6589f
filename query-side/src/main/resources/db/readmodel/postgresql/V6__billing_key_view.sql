-- The cards a member has on file: one row per billing key Toss issued, never the key itself (only
-- the card's company and masked number). Keys Toss refused have no row.
CREATE TABLE billing_key_view (
    billing_key_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id          VARCHAR(128) NOT NULL,
    card_company       VARCHAR(64),
    card_number_masked VARCHAR(64),
    status             VARCHAR(16)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    last_sequence      BIGINT       NOT NULL
);
CREATE INDEX billing_key_view_member ON billing_key_view (member_id, created_at DESC, billing_key_id DESC);
