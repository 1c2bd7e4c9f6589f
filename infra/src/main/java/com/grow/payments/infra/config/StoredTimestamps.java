package com.grow.payments.infra.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps Axon writes to the event store: {@code 2026-12-04T16:39:12.345Z}, always UTC,
 * always milliseconds. That one shape is read by hand, digit by digit; anything else (a row written
 * by other code, an offset other than Z) goes to Axon's own parser, which reads any ISO offset date-time.
 */
final class StoredTimestamps {

    private static final String SHAPE = "0000-00-00T00:00:00.000Z";

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text.length() == SHAPE.length() && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60 && millis >= 0) {
                try {
                    long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400
                            + hour * 3_600L + minute * 60L + second;
                    return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
                } catch (DateTimeException notADate) {
                    // e.g. February 30th: let Axon's parser say what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 if any of it is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
