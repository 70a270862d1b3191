//! Calendar arithmetic and date formatting (US Central ISO 8601 and RFC 3339 UTC) without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
fn weekday(days: i64) -> i64 {
    (days + 4).rem_euclid(7)
}

/// Day number of the `nth` Sunday (1-based) of a month.
fn nth_sunday(year: i64, month: u32, nth: i64) -> i64 {
    let first = days_from_civil(year, month, 1);
    let to_sunday = (7 - weekday(first)) % 7;
    first + to_sunday + 7 * (nth - 1)
}

/// US daylight saving time (rules since 2007): from the second Sunday of March 02:00 local standard
/// time to the first Sunday of November 02:00 local daylight time, returned as UTC instants for Central.
fn central_dst_window_utc(year: i64) -> (i64, i64) {
    let start = nth_sunday(year, 3, 2) * DAY + 8 * HOUR; // 02:00 CST = 08:00 UTC
    let end = nth_sunday(year, 11, 1) * DAY + 7 * HOUR; // 02:00 CDT = 07:00 UTC
    (start, end)
}

/// UTC offset in hours of US Central time at a UTC instant: -5 in summer, -6 in winter.
pub fn central_offset_hours(epoch_utc: i64) -> i64 {
    let (year, _, _) = civil_from_days(epoch_utc.div_euclid(DAY));
    let (start, end) = central_dst_window_utc(year);
    if epoch_utc >= start && epoch_utc < end {
        -5
    } else {
        -6
    }
}

/// UTC instant of a US Central wall-clock time. Wall times in the one-hour gaps or overlaps of the DST
/// switches resolve to one of the two readings; the generator only uses 00:00:00 and 23:59:59.
pub fn central_local_to_epoch(year: i64, month: u32, day: u32, secs_of_day: i64) -> i64 {
    let local = days_from_civil(year, month, day) * DAY + secs_of_day;
    // Try standard time first; if that instant falls in DST, the wall clock meant daylight time.
    let as_standard = local + 6 * HOUR;
    if central_offset_hours(as_standard) == -5 {
        local + 5 * HOUR
    } else {
        as_standard
    }
}

fn format_parts(epoch_local: i64) -> String {
    let days = epoch_local.div_euclid(DAY);
    let secs = epoch_local.rem_euclid(DAY);
    let (y, mo, d) = civil_from_days(days);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}",
        secs / HOUR,
        (secs % HOUR) / 60,
        secs % 60
    )
}

/// ISO 8601 in US Central time with its offset, the form the SoftLayer API uses,
/// e.g. `2024-03-02T10:14:07-06:00`.
pub fn format_central(epoch_utc: i64) -> String {
    let offset = central_offset_hours(epoch_utc);
    format!(
        "{}-{:02}:00",
        format_parts(epoch_utc + offset * HOUR),
        offset.abs()
    )
}

/// RFC 3339 in UTC, e.g. `2026-01-02T03:04:05Z`.
pub fn format_rfc3339_utc(epoch_utc: i64) -> String {
    format!("{}Z", format_parts(epoch_utc))
}

/// The current time as Unix seconds (0 if the clock is before 1970, which only a broken host reports).
pub fn now_epoch() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_covers_leap_years() {
        for days in [-1, 0, 59, 365, 11_016, 19_782, 20_000, 30_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(
            days_from_civil(2024, 2, 29) + 1,
            days_from_civil(2024, 3, 1)
        );
    }

    #[test]
    fn central_offset_follows_us_dst_rules() {
        // 2024: DST from 10 March 08:00 UTC to 3 November 07:00 UTC.
        let start = days_from_civil(2024, 3, 10) * DAY + 8 * HOUR;
        assert_eq!(central_offset_hours(start - 1), -6);
        assert_eq!(central_offset_hours(start), -5);
        let end = days_from_civil(2024, 11, 3) * DAY + 7 * HOUR;
        assert_eq!(central_offset_hours(end - 1), -5);
        assert_eq!(central_offset_hours(end), -6);
    }

    #[test]
    fn formats_central_and_utc() {
        let t = central_local_to_epoch(2024, 3, 2, 10 * HOUR + 14 * 60 + 7);
        assert_eq!(format_central(t), "2024-03-02T10:14:07-06:00");
        let summer = central_local_to_epoch(2024, 7, 4, 23 * HOUR + 59 * 60 + 59);
        assert_eq!(format_central(summer), "2024-07-04T23:59:59-05:00");
        assert_eq!(format_rfc3339_utc(summer), "2024-07-05T04:59:59Z");
    }
}
