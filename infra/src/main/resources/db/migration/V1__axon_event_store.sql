-- Axon's JDBC storage on PostgreSQL, in snake_case (see AxonStorageConfiguration for the mapping).
-- Payloads are bytea, not large objects: Axon's Jackson serializer writes bytes, and oid columns
-- would leave orphaned large objects behind.

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    -- the guard against two writers appending the same sequence of one aggregate
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    PRIMARY KEY (saga_id)
);

CREATE TABLE association_value_entry (
    id                BIGSERIAL    NOT NULL,
    association_key   VARCHAR(255),
    association_value VARCHAR(255),
    saga_id           VARCHAR(255),
    saga_type         VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_lookup ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id      VARCHAR(255)  NOT NULL,
    processing_group    VARCHAR(255)  NOT NULL,
    sequence_identifier VARCHAR(255)  NOT NULL,
    sequence_index      BIGINT        NOT NULL,
    message_type        VARCHAR(255)  NOT NULL,
    event_identifier    VARCHAR(255)  NOT NULL,
    time_stamp          VARCHAR(255)  NOT NULL,
    payload_type        VARCHAR(255)  NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA         NOT NULL,
    meta_data           BYTEA,
    type                VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         VARCHAR(255)  NOT NULL,
    last_touched        VARCHAR(255),
    processing_started  VARCHAR(255),
    cause_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    diagnostics         BYTEA,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);
