package com.grow.payments.command.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.subscription.Cycle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BillingCalendarTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** 10:00 on Jan 31 in Seoul. */
    private static final Instant JAN_31_2027 = Instant.parse("2027-01-31T01:00:00Z");
    private static final Instant JAN_31_2028 = Instant.parse("2028-01-31T01:00:00Z");

    @ParameterizedTest
    @EnumSource(Cycle.class)
    void the_first_cycle_is_due_at_the_anchor_itself(Cycle cycle) {
        assertThat(BillingCalendar.dueAt(JAN_31_2027, cycle, 1)).isEqualTo(JAN_31_2027);
    }

    @Test
    void a_monthly_subscription_from_jan_31_is_due_on_the_last_day_of_february() {
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.MONTHLY, 2)).isEqualTo("2027-02-28T01:00:00Z");
        assertThat(BillingCalendar.dueAt(JAN_31_2028, Cycle.MONTHLY, 2)).isEqualTo("2028-02-29T01:00:00Z");
    }

    @Test
    void later_months_count_from_the_anchor_not_from_the_shortened_february() {
        // chained from Feb 28 these would be Mar 28 and Apr 28
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.MONTHLY, 3)).isEqualTo("2027-03-31T01:00:00Z");
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.MONTHLY, 4)).isEqualTo("2027-04-30T01:00:00Z");
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.MONTHLY, 13)).isEqualTo("2028-01-31T01:00:00Z");
    }

    @Test
    void a_weekly_subscription_is_due_every_seven_days_at_the_same_time() {
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.WEEKLY, 2)).isEqualTo("2027-02-07T01:00:00Z");
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.WEEKLY, 5)).isEqualTo("2027-02-28T01:00:00Z");
    }

    @Test
    void a_daily_subscription_is_due_every_day_at_the_same_time() {
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.DAILY, 2)).isEqualTo("2027-02-01T01:00:00Z");
        assertThat(BillingCalendar.dueAt(JAN_31_2027, Cycle.DAILY, 31)).isEqualTo("2027-03-02T01:00:00Z");
    }

    @Test
    void a_subscription_started_just_after_midnight_in_seoul_stays_on_the_seoul_date() {
        // 00:30 on Jan 31 in Seoul is still Jan 30 in UTC: counted in UTC, cycle 2 would land on Mar 1 in Seoul
        Instant justAfterMidnight = Instant.parse("2027-01-30T15:30:00Z");

        Instant due = BillingCalendar.dueAt(justAfterMidnight, Cycle.MONTHLY, 2);

        assertThat(due).isEqualTo("2027-02-27T15:30:00Z");
        assertThat(due.atZone(SEOUL).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void a_subscription_started_early_on_the_first_in_seoul_is_due_on_the_first_of_each_month() {
        // 00:30 on Mar 1 in Seoul is Feb 28 in UTC: counted in UTC, cycle 2 would land on Mar 29 in Seoul
        Instant marchFirstInSeoul = Instant.parse("2027-02-28T15:30:00Z");

        Instant due = BillingCalendar.dueAt(marchFirstInSeoul, Cycle.MONTHLY, 2);

        assertThat(due).isEqualTo("2027-03-31T15:30:00Z");
        assertThat(due.atZone(SEOUL).toLocalDate()).isEqualTo(LocalDate.of(2027, 4, 1));
    }
}
