package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final ChainKey KEY = ChainKey.parse(java.util.Base64.getEncoder().encodeToString(
            "chain-key-for-tests-only-32bytes".getBytes(StandardCharsets.UTF_8)));

    private static final byte[] PAYLOAD = "{\"orderId\":\"ord_test01\",\"amount\":15000}".getBytes(StandardCharsets.UTF_8);

    private static ChainHash.Link link(long sequence, String type, String revision, String timestamp,
                                       Map<String, String> metaData, byte[] payload) {
        return new ChainHash.Link("ord_test01", sequence, type, revision, timestamp, metaData, payload);
    }

    private static ChainHash.Link first() {
        return link(0, "com.grow.payments.shared.payment.PaymentCheckedOut", "1", "2026-11-25T05:03:22.123Z",
                Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "memberId", "member-1"), PAYLOAD);
    }

    @Test
    void the_hash_is_the_documented_formula_an_hmac_sha256_under_the_chain_key() throws Exception {
        // printf '%s\n...' <previous> ord_test01 0 <type> 1 <timestamp> <metadata> <payload> | openssl dgst -sha256 -hmac <key>
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec("chain-key-for-tests-only-32bytes".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        hmac.update(ChainHash.header(ChainHash.GENESIS, first()).getBytes(StandardCharsets.UTF_8));
        hmac.update(PAYLOAD);

        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, first()))
                .isEqualTo(java.util.HexFormat.of().formatHex(hmac.doFinal()));
    }

    @Test
    void without_the_key_the_hash_cannot_be_recomputed() {
        ChainKey other = ChainKey.parse(java.util.Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(ChainHash.of(other, ChainHash.GENESIS, first())).isNotEqualTo(ChainHash.of(KEY, ChainHash.GENESIS, first()));
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, first())).isNotEqualTo(ChainHash.unkeyed(ChainHash.GENESIS, first()));
    }

    @Test
    void the_formula_before_the_key_is_still_the_documented_sha256_for_the_cut_over() {
        // printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' <previous> ord_test01 0 <type> 1 <timestamp> <metadata> <payload> | sha256sum
        assertThat(ChainHash.unkeyed(ChainHash.GENESIS, first()))
                .isEqualTo("bb7a6a0c3f467df807e04a12b6f0a239f16361aa7ee0ad2c06cbd8e91564e81a");
    }

    @Test
    void a_chain_key_must_be_base64_of_32_bytes_or_more_and_is_never_echoed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKey.parse(null))
                .hasMessageContaining(ChainKey.PROPERTY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKey.parse("c2hvcnQ="))
                .hasMessageContaining(ChainKey.PROPERTY).hasMessageNotContaining("c2hvcnQ=");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKey.parse("not base64 %%"))
                .hasMessageContaining(ChainKey.PROPERTY).hasMessageNotContaining("%%");
        assertThat(KEY.toString()).doesNotContain("chain-key");
    }

    @Test
    void a_chain_starts_from_64_zeros_and_hashes_are_64_lowercase_hex_digits() {
        assertThat(ChainHash.GENESIS).hasSize(64).matches("0+");
        assertThat(ChainHash.isHash(ChainHash.of(KEY, ChainHash.GENESIS, first()))).isTrue();
        assertThat(ChainHash.isHash("not a hash")).isFalse();
    }

    @Test
    void every_covered_part_changes_the_hash() {
        String original = ChainHash.of(KEY, ChainHash.GENESIS, first());
        byte[] flipped = PAYLOAD.clone();
        flipped[10] ^= 1;
        Map<String, String> otherMember = new HashMap<>(first().chainedMetaData());
        otherMember.put("memberId", "member-2");

        assertThat(ChainHash.of(KEY, "1".repeat(64), first())).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(1, first().payloadType(), "1", first().timestamp(),
                first().chainedMetaData(), PAYLOAD))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, "com.grow.payments.shared.payment.PaymentApproved", "1",
                first().timestamp(), first().chainedMetaData(), PAYLOAD))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, first().payloadType(), "2", first().timestamp(),
                first().chainedMetaData(), PAYLOAD))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, first().payloadType(), "1", "2026-11-25T05:03:22.124Z",
                first().chainedMetaData(), PAYLOAD))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, first().payloadType(), "1", first().timestamp(),
                otherMember, PAYLOAD))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, first().payloadType(), "1", first().timestamp(),
                first().chainedMetaData(), flipped))).isNotEqualTo(original);
        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, new ChainHash.Link("ord_test02", 0, first().payloadType(), "1",
                first().timestamp(), first().chainedMetaData(), PAYLOAD))).isNotEqualTo(original);
    }

    @Test
    void only_the_chained_metadata_counts_in_a_fixed_order_whatever_the_map() {
        Map<String, String> withOthers = new HashMap<>(first().chainedMetaData());
        withOthers.put("chainHash", "ab".repeat(32));
        withOthers.put("somethingElse", "x");

        assertThat(ChainHash.of(KEY, ChainHash.GENESIS, link(0, first().payloadType(), "1", first().timestamp(),
                withOthers, PAYLOAD))).isEqualTo(ChainHash.of(KEY, ChainHash.GENESIS, first()));
        assertThat(ChainHash.canonical(Map.of("traceId", "t", "memberId", "m", "correlationId", "c")))
                .isEqualTo("{\"correlationId\":\"c\",\"memberId\":\"m\",\"traceId\":\"t\"}");
    }

    @Test
    void a_missing_revision_hashes_as_an_empty_line() {
        assertThat(ChainHash.header(ChainHash.GENESIS, link(3, "T", null, "ts", Map.of(), PAYLOAD)))
                .isEqualTo(ChainHash.GENESIS + "\nord_test01\n3\nT\n\nts\n{}\n");
    }
}
