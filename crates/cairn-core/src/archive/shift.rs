//! Moving an archive in time: every date and timestamp in the document moved by the same
//! number of days, so a record written once (the demo year) reads as recent on any day.

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, TimeDelta, Utc};
use serde_json::Value;

use super::{Archive, ArchiveError};
use crate::Invalid;
use crate::activity::Activity;

/// Reads `document` with every value that is a whole date (`2026-03-01`) or timestamp moved
/// by `days` (a negative number moves it back), checked as any archive is against `today`.
/// Imported activities are grouped again, since a group key may name a week.
pub fn shifted(document: &str, days: i64, today: NaiveDate) -> Result<Archive, ArchiveError> {
    let mut value: Value = serde_json::from_str(document).map_err(|e| ArchiveError {
        line: Some(e.line()),
        column: Some(e.column()),
        invalid: Invalid::new("", e.to_string()),
    })?;
    shift(&mut value, days);
    let mut archive = Archive::parse(&value.to_string(), today)?;
    archive.activities = archive
        .activities
        .into_iter()
        .map(Activity::grouped)
        .collect();
    Ok(archive)
}

/// Moves every date and timestamp inside `value` by `days`; keys and other text stay.
fn shift(value: &mut Value, days: i64) {
    match value {
        Value::String(text) => {
            if let Some(moved) = moved(text, days) {
                *text = moved;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| shift(v, days)),
        Value::Object(fields) => fields.values_mut().for_each(|v| shift(v, days)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// `text` moved by `days` when it is exactly a date or an RFC 3339 timestamp.
fn moved(text: &str, days: i64) -> Option<String> {
    if text.len() == 10
        && let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
    {
        let date = if days < 0 {
            date.checked_sub_days(Days::new(days.unsigned_abs()))
        } else {
            date.checked_add_days(Days::new(days.unsigned_abs()))
        }?;
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let at = DateTime::parse_from_rfc3339(text).ok()?.with_timezone(&Utc);
    let at = at.checked_add_signed(TimeDelta::try_days(days)?)?;
    Some(at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::ActivityKind;
    use crate::dates::now;
    use crate::evidence::Source;

    #[test]
    fn dates_and_timestamps_move_and_nothing_else_does() {
        assert_eq!(moved("2026-03-01", 3).as_deref(), Some("2026-03-04"));
        assert_eq!(moved("2026-03-01", -1).as_deref(), Some("2026-02-28"));
        assert_eq!(
            moved("2026-03-01T17:30:00.123456Z", 30).as_deref(),
            Some("2026-03-31T17:30:00.123456Z")
        );
        for text in ["2026 H1", "L2", "2026-03", "Shipped 2026-03-01", ""] {
            assert_eq!(moved(text, 3), None, "{text}");
        }
    }

    #[test]
    fn a_shifted_archive_keeps_its_records_and_their_spacing() {
        let archive = super::super::tests::sample();
        let days = -40;
        let moved = shifted(&archive.to_json(), days, now().date_naive()).unwrap();
        assert_eq!(moved.evidence.len(), archive.evidence.len());
        for (before, after) in archive.evidence.iter().zip(&moved.evidence) {
            assert_eq!(before.id, after.id);
            assert_eq!(before.title, after.title);
            assert_eq!((after.date - before.date).num_days(), days);
            assert_eq!((after.created_at - before.created_at).num_days(), days);
        }
        assert_eq!(
            (moved.people[0].created_at - archive.people[0].created_at).num_days(),
            days
        );
        assert_eq!(moved.ladders, archive.ladders);
    }

    #[test]
    fn an_activity_grouped_by_week_is_grouped_by_its_new_week() {
        let archive = super::super::tests::sample();
        let at = now() - TimeDelta::days(60);
        let mut a = Activity::new(archive.people[0].id, Source::Git, ActivityKind::Commit, at);
        a.title = "Tidy the retry loop".into();
        a.external_id = "4f1c2a9".into();
        a.container = "payments".into();
        let archive = archive.with_activities(vec![a.grouped()]);
        let moved = shifted(&archive.to_json(), -14, now().date_naive()).unwrap();
        let (before, after) = (&archive.activities[0].group, &moved.activities[0].group);
        assert!(before.starts_with("payments@"), "{before}");
        assert_ne!(before, after);
        assert_eq!(moved.activities[0].clone().grouped().group, *after);
    }

    #[test]
    fn a_document_that_is_not_json_names_the_line() {
        let e = shifted("{\n  \"format\": ", 1, now().date_naive()).unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
