//! Dates as the SoftLayer API writes them (ISO 8601 in US Central time with its `-06:00`/`-05:00`
//! offset) and RFC 3339 UTC for the control API. The calendar and the formatting are the `time`
//! crate's; it carries no time-zone data, so the US daylight-saving rule for Central time is the one
//! rule written here. Instants are Unix seconds, as the generator draws them.

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset, Weekday};

/// Central Standard Time.
const CST: UtcOffset = offset_hours(-6);
/// Central Daylight Time.
const CDT: UtcOffset = offset_hours(-5);
/// The daylight-saving switches happen at 02:00 local time.
const SWITCH: Time = hms(2, 0, 0);
/// The last whole second of a day, where certificate validity ends.
pub const LAST_SECOND: Time = hms(23, 59, 59);

/// A calendar date; for constants, where an impossible date fails the build.
pub const fn date(year: i32, month: Month, day: u8) -> Date {
    match Date::from_calendar_date(year, month, day) {
        Ok(d) => d,
        Err(_) => panic!("not a calendar date"),
    }
}

const fn hms(hour: u8, minute: u8, second: u8) -> Time {
    match Time::from_hms(hour, minute, second) {
        Ok(t) => t,
        Err(_) => panic!("not a time of day"),
    }
}

const fn offset_hours(hours: i8) -> UtcOffset {
    match UtcOffset::from_hms(hours, 0, 0) {
        Ok(o) => o,
        Err(_) => panic!("not a UTC offset"),
    }
}

/// Unix seconds as a UTC instant, clamped to the years 1–9999 so that every offset and format below
/// is defined (RFC 3339 has four-digit years). The generator stays within 2019–2026.
fn instant(epoch_utc: i64) -> OffsetDateTime {
    const FIRST: i64 = -62_135_596_800; // 0001-01-01T00:00:00Z
    const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
    OffsetDateTime::from_unix_timestamp(epoch_utc.clamp(FIRST, LAST))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The UTC calendar date of an instant.
pub fn utc_date(epoch_utc: i64) -> Date {
    instant(epoch_utc).date()
}

/// The `n`th Sunday (1-based) of a month.
fn nth_sunday(year: i32, month: Month, n: u8) -> Date {
    let first = Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN);
    // `nth_next_occurrence` counts from the day after, so start on the last day of the month before.
    first
        .previous_day()
        .unwrap_or(first)
        .nth_next_occurrence(Weekday::Sunday, n)
}

/// US Central offset at an instant. US daylight saving time (rules since 2007) runs from the second
/// Sunday of March 02:00 local standard time to the first Sunday of November 02:00 local daylight
/// time; the year is the instant's UTC year.
fn central_offset(at: OffsetDateTime) -> UtcOffset {
    let year = at.to_offset(UtcOffset::UTC).year();
    let start = nth_sunday(year, Month::March, 2)
        .with_time(SWITCH)
        .assume_offset(CST);
    let end = nth_sunday(year, Month::November, 1)
        .with_time(SWITCH)
        .assume_offset(CDT);
    if start <= at && at < end {
        CDT
    } else {
        CST
    }
}

/// Unix seconds of a US Central wall-clock time. Wall times in the one-hour gaps or overlaps of the
/// DST switches resolve to one of the two readings; the generator only uses 00:00:00 and 23:59:59.
pub fn central_local_to_epoch(date: Date, time: Time) -> i64 {
    let wall = date.with_time(time);
    // Try standard time first; if that instant falls in DST, the wall clock meant daylight time.
    let as_standard = wall.assume_offset(CST);
    if central_offset(as_standard) == CDT {
        wall.assume_offset(CDT).unix_timestamp()
    } else {
        as_standard.unix_timestamp()
    }
}

/// RFC 3339 of an instant at a whole-hour offset. It cannot fail for the clamped years of
/// [`instant`], so the empty fallback is never seen.
fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// ISO 8601 in US Central time with its offset, the form the SoftLayer API uses,
/// e.g. `2024-03-02T10:14:07-06:00`.
pub fn format_central(epoch_utc: i64) -> String {
    let at = instant(epoch_utc);
    rfc3339(at.to_offset(central_offset(at)))
}

/// RFC 3339 in UTC, e.g. `2026-01-02T03:04:05Z`.
pub fn format_rfc3339_utc(epoch_utc: i64) -> String {
    rfc3339(instant(epoch_utc))
}

/// The current time as Unix seconds.
pub fn now_epoch() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600;

    fn utc(d: Date, hour: u8) -> i64 {
        d.with_time(hms(hour, 0, 0)).assume_utc().unix_timestamp()
    }

    #[test]
    fn central_offset_follows_us_dst_rules() {
        // 2024: DST from 10 March 08:00 UTC to 3 November 07:00 UTC.
        let start = utc(date(2024, Month::March, 10), 8);
        assert_eq!(format_central(start - 1), "2024-03-10T01:59:59-06:00");
        assert_eq!(format_central(start), "2024-03-10T03:00:00-05:00");
        let end = utc(date(2024, Month::November, 3), 7);
        assert_eq!(format_central(end - 1), "2024-11-03T01:59:59-05:00");
        assert_eq!(format_central(end), "2024-11-03T01:00:00-06:00");
    }

    #[test]
    fn formats_central_and_utc() {
        let t = central_local_to_epoch(date(2024, Month::March, 2), hms(10, 14, 7));
        assert_eq!(format_central(t), "2024-03-02T10:14:07-06:00");
        let summer = central_local_to_epoch(date(2024, Month::July, 4), LAST_SECOND);
        assert_eq!(format_central(summer), "2024-07-04T23:59:59-05:00");
        assert_eq!(format_rfc3339_utc(summer), "2024-07-05T04:59:59Z");
        assert_eq!(summer, utc(date(2024, Month::July, 5), 4) + HOUR - 1);
    }

    #[test]
    fn utc_date_is_the_calendar_day_in_utc() {
        let t = central_local_to_epoch(date(2024, Month::February, 29), LAST_SECOND);
        assert_eq!(utc_date(t), date(2024, Month::March, 1));
    }

    #[test]
    fn instants_beyond_four_digit_years_are_clamped() {
        assert_eq!(format_rfc3339_utc(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(format_rfc3339_utc(i64::MIN), "0001-01-01T00:00:00Z");
        assert_eq!(format_central(i64::MIN), "0000-12-31T18:00:00-06:00");
    }
}
