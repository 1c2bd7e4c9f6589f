package com.grow.payments.infra.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * JSON as callers see it: instants in the business time zone with their offset
 * ({@code 2026-11-25T14:03:22.123+09:00}), and no silent coercion of wrong types (a float or a
 * string where an amount belongs is a 400, not a rounded charge).
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfiguration {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Primary so the web uses it; Axon keeps its own {@code defaultAxonObjectMapper}. */
    @Bean
    @Primary
    public ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder,
                                        @Value("${payments.time-zone:Asia/Seoul}") ZoneId zone) {
        return builder.build().registerModule(businessTime(zone));
    }

    /** Instants written in the business time zone with their offset, to the millisecond (docs/money-rules.md). */
    public static SimpleModule businessTime(ZoneId zone) {
        SimpleModule instants = new SimpleModule("business-time-zone");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format(value, zone));
            }
        });
        return instants;
    }

    /**
     * {@code 2026-11-25T14:03:22.123+09:00}: what {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} writes, put
     * together by hand because every instant of every answer and Kafka event goes through here and
     * the pattern formatter was a visible share of writing a history page (ADR 0011). Years
     * outside 1–9999 and offsets with seconds, which never occur in payments, take the formatter.
     */
    static String format(Instant value, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(value);
        LocalDateTime local = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), offset);
        int year = local.getYear();
        if (year < 1 || year > 9999 || offset.getTotalSeconds() % 60 != 0) {
            return ISO_MILLIS.format(value.atZone(zone));
        }
        StringBuilder text = new StringBuilder(29);
        digits(text, year, 4).append('-');
        digits(text, local.getMonthValue(), 2).append('-');
        digits(text, local.getDayOfMonth(), 2).append('T');
        digits(text, local.getHour(), 2).append(':');
        digits(text, local.getMinute(), 2).append(':');
        digits(text, local.getSecond(), 2).append('.');
        digits(text, local.getNano() / 1_000_000, 3);
        return text.append(offset.getId()).toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int pad = width - 1, limit = 10; pad > 0; pad--, limit *= 10) {
            if (value < limit) {
                text.append('0');
            }
        }
        return text.append(value);
    }

    @Bean
    public Clock clock(@Value("${payments.time-zone:Asia/Seoul}") ZoneId zone) {
        return Clock.system(zone);
    }
}
