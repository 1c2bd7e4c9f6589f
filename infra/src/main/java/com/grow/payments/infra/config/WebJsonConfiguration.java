package com.grow.payments.infra.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
                out.writeString(ISO_MILLIS.format(value.atZone(zone)));
            }
        });
        return instants;
    }

    @Bean
    public Clock clock(@Value("${payments.time-zone:Asia/Seoul}") ZoneId zone) {
        return Clock.system(zone);
    }
}
