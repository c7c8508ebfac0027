//! Calendar dates and timestamps as Cairn reads and writes them.
//!
//! Users type dates as `YYYY-MM-DD`, `today` or `yesterday`, and months as `YYYY-MM`. The
//! caller passes "today" in, so everything here stays pure and testable. Timestamps are kept
//! to the microsecond, the precision both stores hold, so a record reads back exactly as it
//! was written and an export is byte-for-byte stable.

use chrono::{DateTime, Datelike, Days, NaiveDate, SubsecRound, Utc};

use crate::Invalid;

/// A point in time, always UTC.
pub type Timestamp = DateTime<Utc>;

/// The current time, truncated to microseconds.
pub fn now() -> Timestamp {
    Utc::now().trunc_subsecs(6)
}

/// Today's date where the user is: evidence dates are calendar days, not instants.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The longest window, in months, a reading (readiness, the signal) may look back.
pub const MAX_WINDOW_MONTHS: u32 = 60;

/// Checks a window of `months` given for `field`: 1 to [`MAX_WINDOW_MONTHS`].
pub fn window_months(field: &str, months: u32) -> Result<u32, Invalid> {
    if (1..=MAX_WINDOW_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(Invalid::new(
            field,
            format!("give 1 to {MAX_WINDOW_MONTHS} months, not {months}"),
        ))
    }
}

/// Reads a date typed by a user for `field`.
pub fn parse_date(field: &str, input: &str, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    match input.trim() {
        "today" => Ok(today),
        "yesterday" => today
            .checked_sub_days(Days::new(1))
            .ok_or_else(|| Invalid::new(field, "is out of range")),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .or_else(|| ahead(text, today))
            .ok_or_else(|| {
                Invalid::new(
                    field,
                    format!(
                        "'{input}' is not a date (expected YYYY-MM-DD, 'today', 'yesterday' or 'in 3 months')"
                    ),
                )
            }),
    }
}

/// "in 3 months", "in 2 weeks", "in 10 days": that far after `today`.
fn ahead(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let mut words = text.split_whitespace();
    let (Some("in"), Some(n), Some(unit), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    let n: u32 = n.parse().ok()?;
    match unit.trim_end_matches('s') {
        "day" => today.checked_add_days(Days::new(n.into())),
        "week" => today.checked_add_days(Days::new(u64::from(n) * 7)),
        "month" => today.checked_add_months(chrono::Months::new(n)),
        "year" => today.checked_add_months(chrono::Months::new(n.checked_mul(12)?)),
        _ => None,
    }
}

/// Reads a month typed as `YYYY-MM` and returns its first and last day.
pub fn parse_month(field: &str, input: &str) -> Result<(NaiveDate, NaiveDate), Invalid> {
    let bad = || {
        Invalid::new(
            field,
            format!("'{input}' is not a month (expected YYYY-MM)"),
        )
    };
    let first = NaiveDate::parse_from_str(&format!("{}-01", input.trim()), "%Y-%m-%d")
        .map_err(|_| bad())?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    let last = next.and_then(|d| d.pred_opt()).ok_or_else(bad)?;
    Ok((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_spans_ahead_of_today() {
        let today = day("2026-01-31");
        assert_eq!(parse_date("d", "in 1 month", today), Ok(day("2026-02-28")));
        assert_eq!(parse_date("d", "in 2 weeks", today), Ok(day("2026-02-14")));
        assert_eq!(parse_date("d", "in 10 days", today), Ok(day("2026-02-10")));
        assert_eq!(parse_date("d", "in 1 year", today), Ok(day("2027-01-31")));
        assert!(parse_date("d", "in a while", today).is_err());
        assert!(parse_date("d", "in 3 fortnights", today).is_err());
    }

    #[test]
    fn reads_dates_in_the_forms_users_type() {
        let today = day("2026-03-01");
        assert_eq!(
            parse_date("date", "2026-02-14", today).unwrap(),
            day("2026-02-14")
        );
        assert_eq!(parse_date("date", "today", today).unwrap(), today);
        assert_eq!(
            parse_date("date", "yesterday", today).unwrap(),
            day("2026-02-28")
        );
        let err = parse_date("--date", "2026-13-01", today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--date: '2026-13-01' is not a date (expected YYYY-MM-DD, 'today', 'yesterday' or 'in 3 months')"
        );
        assert!(parse_date("date", "14/02/2026", today).is_err());
    }

    #[test]
    fn months_span_their_first_to_last_day() {
        assert_eq!(
            parse_month("month", "2024-02").unwrap(),
            (day("2024-02-01"), day("2024-02-29"))
        );
        assert_eq!(
            parse_month("month", "2025-12").unwrap(),
            (day("2025-12-01"), day("2025-12-31"))
        );
        assert!(parse_month("month", "2025-13").is_err());
        assert!(parse_month("month", "May").is_err());
    }

    #[test]
    fn timestamps_keep_microseconds_only() {
        assert_eq!(now().timestamp_subsec_nanos() % 1_000, 0);
    }
}
