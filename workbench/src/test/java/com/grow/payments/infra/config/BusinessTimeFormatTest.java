package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BusinessTimeFormatTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Seoul"), ZoneId.of("UTC"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Europe/London"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Los_Angeles"));

    @Test
    void writes_what_the_pattern_writes_for_any_instant_and_zone() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 200_000; i++) {
            // year 1 to 9999, any nanosecond
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            assertThat(WebJsonConfiguration.format(at, zone)).as("%s in %s", at, zone)
                    .isEqualTo(PATTERN.format(at.atZone(zone)));
        }
    }

    @Test
    void the_edges_of_a_day_a_year_and_the_range() {
        for (String at : List.of("2026-12-31T14:59:59.999999999Z", "2026-12-31T15:00:00Z", "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "9999-12-31T14:59:59.999Z", "9999-12-31T23:59:59Z", "-0001-06-01T00:00:00Z",
                "2024-02-29T23:59:59.001Z")) {
            for (ZoneId zone : ZONES) {
                Instant instant = Instant.parse(at);
                assertThat(WebJsonConfiguration.format(instant, zone)).as("%s in %s", at, zone)
                        .isEqualTo(PATTERN.format(instant.atZone(zone)));
            }
        }
        assertThat(WebJsonConfiguration.format(Instant.parse("2026-11-25T05:03:22.123456Z"), ZoneId.of("Asia/Seoul")))
                .isEqualTo("2026-11-25T14:03:22.123+09:00");
    }
}
