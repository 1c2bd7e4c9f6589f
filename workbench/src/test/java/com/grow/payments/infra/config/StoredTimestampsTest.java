package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20261204);
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        Instant to = Instant.parse("2400-12-31T23:59:59.999Z");
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(from.toEpochMilli(), to.toEpochMilli()));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(instant);
        }
    }

    @Test
    void edgesOfTheDayAndTheYear() {
        for (String stored : new String[] {"2024-02-29T23:59:59.999Z", "2026-01-01T00:00:00.000Z",
                "2026-12-31T23:59:59.000Z", "1969-12-31T23:59:59.999Z"}) {
            assertThat(StoredTimestamps.parse(stored)).isEqualTo(Instant.parse(stored));
        }
    }

    @Test
    void otherShapesGoToAxonsParser() {
        assertThat(StoredTimestamps.parse("2026-12-04T16:39:12.345+09:00")).isEqualTo(Instant.parse("2026-12-04T07:39:12.345Z"));
        assertThat(StoredTimestamps.parse("2026-12-04T16:39:12.345678Z")).isEqualTo(Instant.parse("2026-12-04T16:39:12.345678Z"));
        assertThat(StoredTimestamps.parse("2026-12-04T16:39:12Z")).isEqualTo(Instant.parse("2026-12-04T16:39:12Z"));
    }

    @Test
    void whatIsNotATimestampFailsAsAxonsParserFails() {
        for (String stored : new String[] {"2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
                "2026-12-04T24:00:00.000Z", "2026-12-04T16:60:00.000Z", "2026-12-04T16:39:6x.000Z", "not a time"}) {
            assertThatThrownBy(() -> StoredTimestamps.parse(stored)).as(stored).isInstanceOf(DateTimeParseException.class);
        }
    }
}
