package com.grow.payments.command.subscription;

import com.grow.payments.shared.subscription.Cycle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When each cycle is due, on the Asia/Seoul calendar. Cycle n is counted from the anchor, never
 * from the previous due date: a subscription started on Jan 31 is due Feb 28 (or 29), then Mar 31.
 */
public final class BillingCalendar {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private BillingCalendar() {
    }

    /** The due time of cycle {@code cycleNo} (1 = the anchor itself). */
    public static Instant dueAt(Instant anchor, Cycle cycle, int cycleNo) {
        ZonedDateTime start = anchor.atZone(SEOUL);
        long periods = cycleNo - 1L;
        ZonedDateTime due = switch (cycle) {
            case DAILY -> start.plusDays(periods);
            case WEEKLY -> start.plusWeeks(periods);
            case MONTHLY -> start.plusMonths(periods);
        };
        return due.toInstant();
    }
}
