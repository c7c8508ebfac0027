//! Jira's CSV export ("Export > CSV (all fields)" or "current fields").
//!
//! Columns are found by name, whatever their order; Jira repeats a column once per value
//! (several `Labels`, `Sprint` or `Component/s` columns), and every copy is read. Quoted
//! fields may span lines. Dates come in Jira's default `12/Mar/24 3:45 PM` form or ISO.
//! A ticket's date is when it was resolved (else last updated, else created); its body is
//! its description with its labels and sprints.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::{SourceError, body};
use crate::activity::{Activity, ActivityKind};
use crate::dates::Timestamp;
use crate::evidence::Source;
use crate::id::PersonId;

/// What a Jira export held: the tickets assigned to the engineer, and how many rows were
/// someone else's.
#[derive(Debug)]
pub struct Tickets {
    /// One activity per ticket assigned to the engineer.
    pub activities: Vec<Activity>,
    /// Rows assigned to someone else, or to no one.
    pub others: u64,
}

/// Reads a Jira CSV export. `me` are the names and emails that count as the engineer in
/// the `Assignee` column (compared without case); an export without that column is taken
/// to be the engineer's own.
pub fn read(
    text: &str,
    me: &[String],
    owner: PersonId,
    at: Timestamp,
) -> Result<Tickets, SourceError> {
    if let Some(line) = unclosed_quote(text) {
        return Err(SourceError::new(
            Some(line),
            "",
            "a quote opened here is never closed, so the rest of the file would run into one \
             cell; close it (a quote inside a cell is written twice: \"\")",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| SourceError::new(Some(1), "", format!("not a CSV file: {e}")))?
        .clone();
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    let all = |name: &str| -> Vec<usize> {
        names
            .iter()
            .enumerate()
            .filter(|(_, n)| *n == name)
            .map(|(i, _)| i)
            .collect()
    };
    let one = |name: &str| all(name).first().copied();
    let required = |name: &str, shown: &str| {
        one(name).ok_or_else(|| {
            SourceError::new(
                Some(1),
                shown,
                format!(
                    "missing column (a Jira CSV export has `Issue key`, `Summary`, `Created`; \
                     this file's columns are: {})",
                    headers.iter().take(12).collect::<Vec<_>>().join(", ")
                ),
            )
        })
    };
    let key = required("issue key", "Issue key")?;
    let summary = required("summary", "Summary")?;
    let created = required("created", "Created")?;
    let (resolved, updated) = (one("resolved"), one("updated"));
    let assignee = one("assignee");
    let description = one("description");
    let labels = all("labels");
    let sprints = all("sprint");
    let me: Vec<String> = me.iter().map(|m| m.trim().to_lowercase()).collect();

    let mut activities: Vec<Activity> = Vec::new();
    let mut others = 0;
    let mut assignees: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            SourceError::new(line, "", csv_problem(&e))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() < headers.len() {
            // A short row is a damaged export: guessing which cells are missing would
            // misfile tickets.
            return Err(SourceError::new(
                Some(line),
                "",
                format!(
                    "this row has {} of the header's {} columns",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        if let Some(i) = assignee {
            let who = cell(Some(i));
            if who.is_empty() || !me.contains(&who.to_lowercase()) {
                if !who.is_empty() && !assignees.iter().any(|a| a == who) {
                    assignees.push(who.to_owned());
                }
                others += 1;
                continue;
            }
        }
        let issue = cell(Some(key));
        if crate::inbox::ticket_key(issue).as_deref() != Some(issue) {
            return Err(SourceError::new(
                Some(line),
                "Issue key",
                format!("'{issue}' is not a Jira issue key such as ABC-123"),
            ));
        }
        let title = cell(Some(summary));
        if super::entries::blank(title) {
            return Err(SourceError::new(Some(line), "Summary", "is empty"));
        }
        let date = |i: Option<usize>, name: &str| -> Result<Option<Timestamp>, SourceError> {
            let value = cell(i);
            if value.is_empty() {
                return Ok(None);
            }
            let t = parse_time(value).ok_or_else(|| {
                SourceError::new(
                    Some(line),
                    name,
                    format!("'{value}' is not a date in a form Jira writes (12/Mar/24 3:45 PM)"),
                )
            })?;
            // Jira dates before 2000 (a two-digit '99') or past next year are typos.
            if !(2000..=at.year() + 1).contains(&t.year()) {
                return Err(SourceError::new(
                    Some(line),
                    name,
                    format!(
                        "'{value}' is in {}, which cannot be a ticket's date",
                        t.year()
                    ),
                ));
            }
            Ok(Some(t))
        };
        let created_at = date(Some(created), "Created")?
            .ok_or_else(|| SourceError::new(Some(line), "Created", "is empty"))?;
        let done = date(resolved, "Resolved")?.or(date(updated, "Updated")?);
        let mut a = Activity::new(owner, Source::Jira, ActivityKind::Ticket, at);
        a.external_id = issue.to_owned();
        a.title = title.to_owned();
        a.occurred_at = done.unwrap_or(created_at);
        a.container = issue.split('-').next().unwrap_or(issue).to_owned();
        let mut detail = Vec::new();
        for (label, columns) in [("Labels", &labels), ("Sprint", &sprints)] {
            let values: Vec<&str> = columns
                .iter()
                .map(|i| cell(Some(*i)))
                .filter(|v| !v.is_empty())
                .collect();
            if !values.is_empty() {
                detail.push(format!("{label}: {}", values.join(", ")));
            }
        }
        let text = cell(description);
        a.body = body(&if text.is_empty() {
            detail.join("\n")
        } else {
            format!("{text}\n\n{}", detail.join("\n"))
        });
        activities.push(a.grouped());
    }
    if activities.is_empty() && !assignees.is_empty() {
        return Err(SourceError::new(
            None,
            "Assignee",
            format!(
                "no issue is assigned to {} (assignees here: {}); pass --assignee with the name \
                 Jira shows for you",
                me.join(", "),
                assignees
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(Tickets { activities, others })
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the file is not UTF-8 text; export it again as UTF-8".into()
        }
        _ => format!("not readable as CSV: {e}"),
    }
}

/// The line of a quote that opens a cell and is never closed, if there is one. A quote
/// inside a quoted cell is doubled, so it toggles twice and leaves the count even.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open = None;
    for (i, c) in text.char_indices() {
        if c == '"' {
            open = if open.is_some() { None } else { Some(i) };
        }
    }
    open.map(|i| crate::text::line_and_column(text, i).0)
}

/// A time in one of the forms Jira exports write, taken as UTC.
pub fn parse_time(value: &str) -> Option<Timestamp> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
        return Some(t.to_utc());
    }
    if let Ok(t) = chrono::DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Some(t.to_utc());
    }
    const TIMES: &[&str] = &[
        "%d/%b/%y %I:%M %p",
        "%d/%b/%Y %I:%M %p",
        "%d/%b/%y %H:%M",
        "%d/%b/%Y %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ];
    for format in TIMES {
        if let Ok(t) = NaiveDateTime::parse_from_str(value, format) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    for format in ["%d/%b/%y", "%d/%b/%Y", "%Y-%m-%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(value, format) {
            return Some(Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0)?));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    const EXPORT: &str = "Summary,Issue key,Issue id,Issue Type,Status,Assignee,Created,Resolved,Labels,Labels,Sprint,Sprint,Description\n\
        Refund retries,PAY-142,10042,Story,Done,Ada Lovelace,01/Mar/26 9:15 AM,04/Mar/26 5:30 PM,payments,backend,Sprint 9,Sprint 10,\"Retry refunds once.\n\nThen \"\"give up\"\" cleanly.\"\n\
        Someone else's,PAY-143,10043,Bug,Done,Bob,01/Mar/26 9:15 AM,,,,,,\n\
        Unassigned,PAY-144,10044,Bug,To Do,,01/Mar/26 9:15 AM,,,,,,\n\
        Ledger design,PAY-150,10050,Task,In Progress,ada lovelace,2026-03-10 10:00,,,,,,\n";

    fn me() -> Vec<String> {
        vec!["Ada Lovelace".into(), "ada@work.example".into()]
    }

    #[test]
    fn reads_assigned_tickets_with_repeated_columns_and_multiline_fields() {
        let t = read(EXPORT, &me(), PersonId::new(), now()).unwrap();
        assert_eq!(t.activities.len(), 2);
        assert_eq!(t.others, 2);
        let refund = &t.activities[0];
        assert_eq!(
            (refund.group.as_str(), refund.container.as_str()),
            ("PAY-142", "PAY")
        );
        assert_eq!(refund.occurred_at.to_rfc3339(), "2026-03-04T17:30:00+00:00");
        assert!(
            refund
                .body
                .starts_with("Retry refunds once.\n\nThen \"give up\" cleanly.")
        );
        assert!(refund.body.contains("Labels: payments, backend"));
        assert!(refund.body.contains("Sprint: Sprint 9, Sprint 10"));
        assert_eq!(
            t.activities[1].occurred_at.to_rfc3339(),
            "2026-03-10T10:00:00+00:00"
        );
    }

    #[test]
    fn short_rows_unclosed_quotes_and_implausible_years_are_refused_by_line() {
        let header = "Summary,Issue key,Assignee,Created,Description\n";
        let read_one = |rows: &str| {
            read(&format!("{header}{rows}"), &me(), PersonId::new(), now()).unwrap_err()
        };
        let short = read_one("Fine,PAY-1,Ada Lovelace,01/Mar/26 9:15 AM,x\nShort,PAY-2\n");
        assert_eq!(short.line, Some(3));
        assert!(
            short.message.contains("2 of the header's 5 columns"),
            "{}",
            short.message
        );

        let open = read_one(
            "Open,PAY-3,Ada Lovelace,01/Mar/26 9:15 AM,\"never closed\nNext,PAY-4,Ada Lovelace\n",
        );
        assert_eq!(open.line, Some(2));
        assert!(open.message.contains("never closed"), "{}", open.message);

        for date in ["01/Mar/99 9:15 AM", "31/Dec/9999"] {
            let old = read_one(&format!("Old,PAY-5,Ada Lovelace,{date},x\n"));
            assert_eq!(
                (old.line, old.field.as_str()),
                (Some(2), "Created"),
                "{date}"
            );
        }
    }

    #[test]
    fn problems_name_the_line_and_column() {
        let err = read("Key,Title\nA-1,x\n", &me(), PersonId::new(), now()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(1), "Issue key"));
        let bad = EXPORT.replace("04/Mar/26 5:30 PM", "the fourth");
        let err = read(&bad, &me(), PersonId::new(), now()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(2), "Resolved"));
        let err = read(EXPORT, &["Carol".into()], PersonId::new(), now()).unwrap_err();
        assert!(err.message.contains("Ada Lovelace, Bob"), "{err}");
        let bad = EXPORT.replace("PAY-150", "payments");
        let err = read(&bad, &me(), PersonId::new(), now()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(7), "Issue key"));
    }
}
