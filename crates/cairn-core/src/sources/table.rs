//! A generic CSV of past work: one row per entry, columns found by name or named with a
//! mapping (`date=When,title=What`). `date` and `title` are required; `body`, `impact`,
//! `skills` (several separated by `;` or `,`), `link` and `level` (current or next) are
//! read when present.

use super::SourceError;
use super::entries::Entry;
use crate::dates::parse_date;
use crate::evidence::LevelSignal;

/// Each field with the header names it is found under when no mapping names its column.
const FIELDS: &[(&str, &[&str])] = &[
    ("date", &["date", "day", "when"]),
    ("title", &["title", "summary", "what", "entry"]),
    ("body", &["body", "details", "description", "notes"]),
    ("impact", &["impact", "outcome", "result"]),
    (
        "skills",
        &["skills", "skill", "competencies", "competency", "tags"],
    ),
    ("link", &["link", "links", "url"]),
    ("level", &["level"]),
];

/// Reads a CSV. `mapping` holds `field=Column` pairs that override the usual names.
pub fn read(
    text: &str,
    mapping: &[(String, String)],
    today: chrono::NaiveDate,
) -> Result<Vec<Entry>, SourceError> {
    for (field, _) in mapping {
        if !FIELDS.iter().any(|(f, _)| f == field) {
            let known: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
            return Err(SourceError::new(
                None,
                "--map",
                format!("'{field}' is not a field; fields are {}", known.join(", ")),
            ));
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| SourceError::new(Some(1), "", format!("not a CSV file: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let column = |field: &str| -> Result<Option<usize>, SourceError> {
        if let Some((_, name)) = mapping.iter().find(|(f, _)| f == field) {
            return headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .map(Some)
                .ok_or_else(|| {
                    SourceError::new(
                        Some(1),
                        name.as_str(),
                        format!("no such column (columns: {})", headers.join(", ")),
                    )
                });
        }
        let names = FIELDS
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[][..], |(_, n)| *n);
        Ok(headers
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n))))
    };
    let required = |field: &str| -> Result<usize, SourceError> {
        column(field)?.ok_or_else(|| {
            SourceError::new(
                Some(1),
                field,
                format!(
                    "missing column; name it with --map {field}=COLUMN (columns: {})",
                    headers.join(", ")
                ),
            )
        })
    };
    let (date, title) = (required("date")?, required("title")?);
    let (body, impact, skills, link, level) = (
        column("body")?,
        column("impact")?,
        column("skills")?,
        column("link")?,
        column("level")?,
    );
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            SourceError::new(line, "", format!("not readable as CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let header = |i: usize| headers.get(i).cloned().unwrap_or_default();
        let day = parse_date(&header(date), cell(Some(date)), today)
            .map_err(|e| SourceError::new(Some(line), e.field, e.message))?;
        let what = cell(Some(title));
        if super::entries::blank(what) {
            return Err(SourceError::new(Some(line), header(title), "is empty"));
        }
        let signal = match cell(level) {
            "" => LevelSignal::Current,
            text => text.parse().map_err(|e: crate::Invalid| {
                SourceError::new(Some(line), level.map(header).unwrap_or_default(), e.message)
            })?,
        };
        entries.push(Entry {
            line,
            date: day,
            title: what.to_owned(),
            body: cell(body).to_owned(),
            impact: cell(impact).to_owned(),
            links: cell(link)
                .split_whitespace()
                .map(ToOwned::to_owned)
                .collect(),
            tags: cell(skills)
                .split([';', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(ToOwned::to_owned)
                .collect(),
            level: signal,
        });
    }
    if entries.is_empty() {
        return Err(SourceError::new(
            None,
            "",
            "the file has a header but no rows",
        ));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn columns_by_name_or_mapping() {
        let text = "When,What,Skills,Outcome,Level\n2026-03-02,Ran the review,\"mentoring; operations\",Fewer pages,next\n";
        let list = read(text, &[], today()).unwrap();
        assert_eq!(list[0].title, "Ran the review");
        assert_eq!(list[0].tags, ["mentoring", "operations"]);
        assert_eq!(
            (list[0].impact.as_str(), list[0].level),
            ("Fewer pages", LevelSignal::Next)
        );
        let mapped = "Day of work,Thing\n2026-03-02,Shipped it\n";
        let map = vec![
            ("date".to_owned(), "Day of work".to_owned()),
            ("title".to_owned(), "thing".to_owned()),
        ];
        assert_eq!(read(mapped, &map, today()).unwrap()[0].title, "Shipped it");
    }

    #[test]
    fn problems_name_line_and_column() {
        let err = read("Happened,What\n2026-03-02,x\n", &[], today()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(1), "date"));
        assert!(err.message.contains("--map date=COLUMN"), "{err}");
        let err = read("date,title\n2026-03-02,ok\nMarch,x\n", &[], today()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(3), "date"));
        let map = vec![("when".to_owned(), "x".to_owned())];
        assert_eq!(
            read("date,title\n", &map, today()).unwrap_err().field,
            "--map"
        );
        let err = read("date,title,level\n2026-03-02,x,senior\n", &[], today()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(2), "level"));
    }
}
