//! The monthly review as a calendar event: an iCalendar (RFC 5545) file with one event that
//! repeats on the last given weekday of every month, at a local ("floating") time, so it
//! stays at that hour wherever the engineer is.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

use crate::dates::Timestamp;

/// The event to write.
#[derive(Debug, Clone)]
pub struct Reminder {
    /// A stable id, so importing the file again updates the event instead of adding one.
    pub uid: String,
    /// The weekday, whose last occurrence in each month the review falls on.
    pub weekday: Weekday,
    /// The local time it starts.
    pub start: NaiveTime,
    /// How long it lasts, in minutes.
    pub minutes: u32,
}

/// The last `weekday` of the month holding `day`.
pub fn last_weekday(day: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if day.month() == 12 {
        NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)?
    };
    let mut d = next_month.pred_opt()?;
    while d.weekday() != weekday {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// The first occurrence on or after `today` that does not fall between Christmas Eve and
/// New Year's Day, when few people review anything: that month's is skipped for the next.
pub fn first_occurrence(today: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let mut this = last_weekday(today, weekday)?;
    while this < today || in_the_holidays(this) {
        this = last_weekday(this.checked_add_days(Days::new(10))?, weekday)?;
    }
    Some(this)
}

/// 24 December to 1 January.
fn in_the_holidays(day: NaiveDate) -> bool {
    (day.month() == 12 && day.day() >= 24) || (day.month() == 1 && day.day() == 1)
}

/// The calendar file, with CRLF line ends and long lines folded as RFC 5545 asks.
pub fn ics(reminder: &Reminder, today: NaiveDate, now: Timestamp) -> Option<String> {
    let first = first_occurrence(today, reminder.weekday)?;
    let start = first.and_time(reminder.start);
    let end = start + chrono::Duration::minutes(i64::from(reminder.minutes));
    let day = match reminder.weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Cairn//Monthly review//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", reminder.uid),
        format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
        format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")),
        format!("RRULE:FREQ=MONTHLY;BYDAY=-1{day}"),
        "SUMMARY:Cairn monthly review".to_owned(),
        escape_line(
            "DESCRIPTION:",
            "Run `cairn review` (or open the dashboard): see what you logged this month, which \
             competencies of your gap got evidence and which did not, and empty the inbox.",
        ),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        "DESCRIPTION:Cairn monthly review".to_owned(),
        "TRIGGER:-PT15M".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    Some(lines.iter().map(|l| fold(l)).collect::<String>())
}

/// A property line with its text escaped (backslash, semicolon, comma, newline).
fn escape_line(name: &str, text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n");
    format!("{name}{escaped}")
}

/// One content line, folded into 75-octet pieces (continuations start with a space), with
/// its CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_first_review_is_this_months_last_friday_or_next_months() {
        assert_eq!(
            last_weekday(day("2026-11-03"), Weekday::Fri),
            Some(day("2026-11-27"))
        );
        assert_eq!(
            last_weekday(day("2026-12-03"), Weekday::Thu),
            Some(day("2026-12-31"))
        );
        assert_eq!(
            first_occurrence(day("2026-11-24"), Weekday::Fri),
            Some(day("2026-11-27"))
        );
        // The last Friday of December 2026 is Christmas Day: the first review is January's.
        assert_eq!(
            first_occurrence(day("2026-11-28"), Weekday::Fri),
            Some(day("2027-01-29"))
        );
        assert_eq!(
            first_occurrence(day("2026-12-01"), Weekday::Mon),
            Some(day("2027-01-25")),
            "28 December is in the holidays too"
        );
        assert_eq!(
            first_occurrence(day("2027-11-01"), Weekday::Thu),
            Some(day("2027-11-25"))
        );
        assert_eq!(
            first_occurrence(day("2026-11-27"), Weekday::Fri),
            Some(day("2026-11-27"))
        );
    }

    #[test]
    fn writes_a_folded_recurring_event() {
        let r = Reminder {
            uid: "monthly-review-1@cairn".into(),
            weekday: Weekday::Fri,
            start: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            minutes: 30,
        };
        let now = "2026-11-24T09:00:00Z".parse().unwrap();
        let text = ics(&r, day("2026-11-24"), now).unwrap();
        assert!(text.contains("DTSTART:20261127T160000\r\nDTEND:20261127T163000\r\n"));
        assert!(text.contains("RRULE:FREQ=MONTHLY;BYDAY=-1FR\r\n"));
        assert!(text.contains("DTSTAMP:20261124T090000Z\r\n"));
        assert!(text.lines().all(|l| l.trim_end_matches('\r').len() <= 75));
        assert!(text.contains("\\, which"), "commas are escaped");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
    }
}
