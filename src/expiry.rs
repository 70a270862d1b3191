//! Expiry at a glance: how an order's expiration date stands against one "now", and the span to say it in.
//!
//! Plain arithmetic on milliseconds, so the boundaries are native tests; the UI measures every row of a list
//! against the same "now" and hands the span to `Intl.RelativeTimeFormat` in the widget's locale.

use crate::model::Timestamp;

/// How many days before its expiry an order counts as expiring soon, unless the host says otherwise.
pub const DEFAULT_EXPIRING_DAYS: u32 = 30;
/// The largest `expiringDays` a host may set: a year.
pub const MAX_EXPIRING_DAYS: u32 = 365;

const SECOND: u64 = 1_000;
const MINUTE: u64 = 60 * SECOND;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
/// The mean Gregorian month and year (365.2425 days), as `Intl` callers usually count them.
const MONTH: u64 = 2_629_746_000;
const YEAR: u64 = 12 * MONTH;

/// Where an order stands on its expiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// No expiration date: the certificate was never issued (pending, cancelled).
    NeverIssued,
    /// The expiration moment has come.
    Expired,
    /// Expires within the threshold: `expiringDays` days from now or sooner, not yet expired.
    ExpiringSoon,
    /// Expires later than the threshold.
    Valid,
}

/// Classifies `expiration` against `now_ms` (milliseconds since the epoch): expired from the expiration
/// moment on; expiring soon while at most `expiring_days` whole days remain.
pub fn classify(expiration: Option<Timestamp>, now_ms: i64, expiring_days: u32) -> Expiry {
    let Some(expiration) = expiration else {
        return Expiry::NeverIssued;
    };
    let left = expiration.epoch_ms.saturating_sub(now_ms);
    if left <= 0 {
        Expiry::Expired
    } else if left as u64 <= u64::from(expiring_days) * DAY {
        Expiry::ExpiringSoon
    } else {
        Expiry::Valid
    }
}

/// A distance in time as `Intl.RelativeTimeFormat.format(value, unit)` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeSpan {
    /// Whole units, never negative.
    pub count: u64,
    /// `second`, `minute`, `hour`, `day`, `month` or `year`.
    pub unit: &'static str,
    /// The moment has passed ("3 years ago"); a moment that is now counts as past.
    pub past: bool,
}

impl RelativeSpan {
    /// The signed value for `Intl`: negative in the past, and `-0` for "0 seconds ago", so that an order
    /// that expired this instant never reads "in 0 seconds".
    pub fn value(self) -> f64 {
        let count = self.count as f64;
        if self.past {
            -count
        } else {
            count
        }
    }
}

/// The span from `now_ms` to `moment_ms` in the largest unit that fits: seconds under a minute, minutes
/// under an hour, hours under a day, days under two months, months under a year, then years.
///
/// Up to days, the future rounds up and the past down: "in 30 days" means at most 30 days are left (the
/// same test as [`classify`]'s "expiring within 30 days"), "2 days ago" at least two full days passed.
/// Months and years count whole units, never more than have passed or are left ("6 years ago" for six
/// years and seven months, "in 1 year" for 400 days).
pub fn relative_span(moment_ms: i64, now_ms: i64) -> RelativeSpan {
    let diff = moment_ms.saturating_sub(now_ms);
    let past = diff <= 0;
    let distance = diff.unsigned_abs();
    let (size, unit) = match distance {
        d if d < MINUTE => (SECOND, "second"),
        d if d < HOUR => (MINUTE, "minute"),
        d if d < DAY => (HOUR, "hour"),
        d if d < 2 * MONTH => (DAY, "day"),
        d if d < YEAR => (MONTH, "month"),
        _ => (YEAR, "year"),
    };
    let count = if size > DAY || past {
        distance / size
    } else {
        distance.div_ceil(size)
    };
    RelativeSpan { count, unit, past }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_api_datetime;

    /// 2026-11-30T12:00:00Z, the fixed "now" of these tests.
    const NOW: i64 = 1_796_040_000_000;
    const DAY_MS: i64 = DAY as i64;

    fn at(epoch_ms: i64) -> Option<Timestamp> {
        Some(Timestamp {
            epoch_ms,
            offset_minutes: -360,
        })
    }

    #[test]
    fn the_fixed_now_is_the_date_it_says() {
        assert_eq!(
            parse_api_datetime("2026-11-30T12:00:00Z").unwrap().epoch_ms,
            NOW
        );
    }

    #[test]
    fn an_order_never_issued_has_no_expiry_status() {
        assert_eq!(classify(None, NOW, 30), Expiry::NeverIssued);
    }

    #[test]
    fn an_order_that_expired_a_second_ago_is_expired() {
        assert_eq!(classify(at(NOW - 1_000), NOW, 30), Expiry::Expired);
        assert_eq!(
            relative_span(NOW - 1_000, NOW),
            RelativeSpan {
                count: 1,
                unit: "second",
                past: true
            }
        );
    }

    #[test]
    fn an_order_expiring_this_instant_is_expired_and_reads_as_past() {
        assert_eq!(classify(at(NOW), NOW, 30), Expiry::Expired);
        let span = relative_span(NOW, NOW);
        assert_eq!((span.count, span.unit, span.past), (0, "second", true));
        assert!(span.value() == 0.0 && span.value().is_sign_negative());
        assert_eq!(classify(at(NOW + 1), NOW, 30), Expiry::ExpiringSoon);
    }

    #[test]
    fn exactly_n_days_left_is_expiring_soon_and_a_millisecond_more_is_not() {
        let n = 30;
        let boundary = NOW + i64::from(n) * DAY_MS;
        assert_eq!(classify(at(boundary), NOW, n), Expiry::ExpiringSoon);
        assert_eq!(classify(at(boundary + 1), NOW, n), Expiry::Valid);
        assert_eq!(relative_span(boundary, NOW).count, 30);
        assert_eq!(
            relative_span(boundary + 1, NOW).count,
            31,
            "the phrase agrees"
        );
        assert_eq!(classify(at(NOW + 7 * DAY_MS), NOW, 7), Expiry::ExpiringSoon);
        assert_eq!(classify(at(NOW + 7 * DAY_MS + 1), NOW, 7), Expiry::Valid);
    }

    #[test]
    fn the_threshold_takes_the_largest_setting_without_overflow() {
        let far = NOW + i64::from(MAX_EXPIRING_DAYS) * DAY_MS;
        assert_eq!(
            classify(at(far), NOW, MAX_EXPIRING_DAYS),
            Expiry::ExpiringSoon
        );
        assert_eq!(classify(at(i64::MAX), i64::MIN, 30), Expiry::Valid);
        assert_eq!(classify(at(i64::MIN), i64::MAX, 30), Expiry::Expired);
    }

    #[test]
    fn spans_use_the_largest_unit_that_fits() {
        let span = |ms: i64| {
            let s = relative_span(NOW + ms, NOW);
            (s.value(), s.unit)
        };
        assert_eq!(span(12 * DAY_MS), (12.0, "day"));
        assert_eq!(span(12 * DAY_MS - 3_600_000), (12.0, "day"), "rounded up");
        assert_eq!(span(-(12 * DAY_MS) - 3_600_000), (-12.0, "day"), "down");
        assert_eq!(span(5 * 60_000), (5.0, "minute"));
        assert_eq!(span(-3 * 3_600_000), (-3.0, "hour"));
        assert_eq!(span(59 * DAY_MS), (59.0, "day"));
        assert_eq!(
            span(90 * DAY_MS),
            (2.0, "month"),
            "2.96 months: two whole months left"
        );
        assert_eq!(span(92 * DAY_MS), (3.0, "month"));
        assert_eq!(span(-(3 * 365 + 10) * DAY_MS), (-3.0, "year"));
        assert_eq!(span(400 * DAY_MS), (1.0, "year"), "whole years");
        assert_eq!(span(-(6 * 365 + 215) * DAY_MS), (-6.0, "year"), "not 7");
    }

    #[test]
    fn the_api_offset_does_not_move_the_moment() {
        let central = parse_api_datetime("2026-12-12T06:00:00-06:00");
        let utc = parse_api_datetime("2026-12-12T12:00:00Z");
        assert_eq!(
            relative_span(central.unwrap().epoch_ms, NOW),
            relative_span(utc.unwrap().epoch_ms, NOW)
        );
        assert_eq!(relative_span(utc.unwrap().epoch_ms, NOW).count, 12);
    }
}
