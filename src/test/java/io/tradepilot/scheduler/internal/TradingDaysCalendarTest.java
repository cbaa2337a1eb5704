package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.scheduler.internal.TradingDaysCalendar.Days;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradingDaysCalendarTest {

    private final TradingDaysCalendar nse = new TradingDaysCalendar(ExchangeCalendar.nse(), Days.ALL, null);

    @Test
    void excludes_weekends_and_holidays_in_the_exchange_zone() {
        assertThat(nse.isTimeIncluded(Instant.parse("2025-10-20T09:00:00Z").toEpochMilli())).isTrue();
        assertThat(nse.isTimeIncluded(Instant.parse("2025-10-21T09:00:00Z").toEpochMilli())).isFalse(); // Diwali
        // 2025-10-20 19:00 UTC is already the 21st in Kolkata
        assertThat(nse.isTimeIncluded(Instant.parse("2025-10-20T19:00:00Z").toEpochMilli())).isFalse();
        assertThat(nse.isTimeIncluded(Instant.parse("2025-10-25T09:00:00Z").toEpochMilli())).isFalse(); // Saturday
    }

    @Test
    void the_next_included_time_after_a_holiday_is_the_next_trading_days_midnight() {
        long next = nse.getNextIncludedTime(Instant.parse("2025-10-21T06:00:00Z").toEpochMilli());
        assertThat(Instant.ofEpochMilli(next)).isEqualTo(Instant.parse("2025-10-22T18:30:00Z")); // 23 Oct 00:00 IST
        long same = nse.getNextIncludedTime(Instant.parse("2025-10-20T06:00:00Z").toEpochMilli());
        assertThat(same).isEqualTo(Instant.parse("2025-10-20T06:00:00.001Z").toEpochMilli());
    }

    @Test
    void early_close_selections_split_the_trading_days() {
        var regular = new TradingDaysCalendar(ExchangeCalendar.nyse(), Days.REGULAR_CLOSE, null);
        var early = new TradingDaysCalendar(ExchangeCalendar.nyse(), Days.EARLY_CLOSE_AT, LocalTime.of(13, 0));
        long dayAfterThanksgiving = Instant.parse("2025-11-28T15:00:00Z").toEpochMilli();
        assertThat(regular.isTimeIncluded(dayAfterThanksgiving)).isFalse();
        assertThat(early.isTimeIncluded(dayAfterThanksgiving)).isTrue();
        assertThatThrownBy(() -> new TradingDaysCalendar(ExchangeCalendar.nyse(), Days.EARLY_CLOSE_AT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survives_the_job_stores_serialization_and_reloads_its_exchange_calendar() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(nse);
        }
        TradingDaysCalendar copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TradingDaysCalendar) in.readObject();
        }
        assertThat(copy).isEqualTo(nse);
        assertThat(copy.isTimeIncluded(Instant.parse("2025-10-21T09:00:00Z").toEpochMilli())).isFalse();
        assertThat(copy.isTimeIncluded(Instant.parse("2025-10-20T09:00:00Z").toEpochMilli())).isTrue();
    }
}
