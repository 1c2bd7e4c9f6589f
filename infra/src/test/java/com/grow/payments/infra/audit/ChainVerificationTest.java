package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    private static final String ORDER = "ord_chain01";
    private static final ChainKey KEY = ChainHashTest.KEY;

    /** Rows as the hash chain interceptor would have stored them, the first {@code unchained} without a hash. */
    private static List<StoredEvents.Row> stream(int events, int unchained) {
        List<StoredEvents.Row> rows = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int sequence = 0; sequence < events; sequence++) {
            Map<String, String> metaData = new HashMap<>(Map.of("memberId", "member-1", "traceId", "t" + sequence));
            StoredEvents.Row row = new StoredEvents.Row(sequence, "Payment", "com.example.Event" + sequence, "1",
                    "2026-11-25T05:03:22." + (100 + sequence) + "Z",
                    ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8), metaData);
            if (sequence >= unchained) {
                String hash = ChainHash.of(KEY, previous, row.link(ORDER));
                metaData.put(AuditMetaData.CHAIN_HASH, hash);
                previous = hash;
            }
            rows.add(row);
        }
        return rows;
    }

    private static StoredEvents.Row withPayload(StoredEvents.Row row, byte[] payload) {
        return new StoredEvents.Row(row.sequenceNumber(), row.aggregateType(), row.payloadType(), row.payloadRevision(),
                row.timestamp(), payload, row.metaData());
    }

    @Test
    void an_untouched_chain_is_valid_and_names_its_head() {
        List<StoredEvents.Row> rows = stream(5, 0);
        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.events()).isEqualTo(5);
        assertThat(verification.firstBrokenSequence()).isNull();
        assertThat(verification.headHash()).isEqualTo(rows.get(4).chainHash());
        assertThat(verification.reason()).isEqualTo("intact");
    }

    @Test
    void a_changed_payload_byte_breaks_the_chain_at_exactly_that_event() {
        List<StoredEvents.Row> rows = new ArrayList<>(stream(5, 0));
        byte[] tampered = rows.get(2).payload().clone();
        tampered[5] ^= 1;
        rows.set(2, withPayload(rows.get(2), tampered));

        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.headHash()).isEqualTo(rows.get(1).chainHash());
    }

    @Test
    void a_removed_event_breaks_the_chain_where_it_was() {
        List<StoredEvents.Row> rows = new ArrayList<>(stream(5, 0));
        rows.remove(3);

        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(4L);
        assertThat(verification.reason()).contains("sequence 3 is missing");
    }

    @Test
    void a_stripped_hash_after_the_chain_started_is_a_break() {
        List<StoredEvents.Row> rows = stream(4, 0);
        rows.get(2).metaData().remove(AuditMetaData.CHAIN_HASH);

        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void a_stream_whose_every_link_was_stripped_is_not_valid() {
        List<StoredEvents.Row> rows = stream(4, 0);
        rows.forEach(row -> row.metaData().remove(AuditMetaData.CHAIN_HASH));

        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isZero();
        assertThat(verification.reason()).contains("stripped");
    }

    @Test
    void leading_events_without_a_link_are_a_break_not_a_prefix_to_skip() {
        ChainVerification verification = ChainVerification.of(KEY, ORDER, stream(5, 2));

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isZero();
    }

    @Test
    void an_event_whose_metadata_cannot_be_parsed_is_a_break() {
        List<StoredEvents.Row> rows = new ArrayList<>(stream(3, 0));
        StoredEvents.Row garbled = rows.get(1);
        rows.set(1, new StoredEvents.Row(garbled.sequenceNumber(), garbled.aggregateType(), garbled.payloadType(),
                garbled.payloadRevision(), garbled.timestamp(), garbled.payload(),
                StoredEvents.metaData("{\"chainHash\":".getBytes(StandardCharsets.UTF_8))));

        ChainVerification verification = ChainVerification.of(KEY, ORDER, rows);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
        assertThat(verification.reason()).contains("cannot be read");
        assertThat(StoredEvents.metaData("[]".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void a_chain_written_under_another_key_is_not_valid() {
        ChainKey other = ChainKey.parse(java.util.Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(ChainVerification.of(other, ORDER, stream(3, 0)).valid()).isFalse();
    }

    @Test
    void rewriting_who_caused_an_event_breaks_the_chain() {
        List<StoredEvents.Row> rows = stream(3, 0);
        rows.get(1).metaData().put("memberId", "member-2");

        assertThat(ChainVerification.of(KEY, ORDER, rows).firstBrokenSequence()).isEqualTo(1L);
    }
}
