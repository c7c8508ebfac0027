//! Markdown brag documents: headings give the period (`## March 2026`, `## 2026 Q1`,
//! `### 2026-03`, `## Week of 2026-03-02`) or a section (`## Mentoring`, which also tags
//! the entries under it); top-level bullets are entries, deeper bullets and continuation
//! lines their body. A date written in an entry (`2026-03-04`, `4 Mar 2026`, `March 4,
//! 2026`, `Mar 4`) is its day; otherwise the first day of its heading's period.

use chrono::{Datelike, NaiveDate};

use super::SourceError;
use super::entries::{Entry, tags};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a brag document. `year` fills in dates written without one when no heading gives it.
pub fn read(text: &str, year: i32) -> Result<Vec<Entry>, SourceError> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut period: Option<NaiveDate> = None;
    let mut section: Option<String> = None;
    let mut indent = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(heading) = trimmed.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            match period_of(heading) {
                Some(day) => period = Some(day),
                None => section = Some(heading.to_owned()),
            }
            indent = None;
            continue;
        }
        let depth = line.len() - trimmed.len();
        let bullet = bullet_text(trimmed);
        match (bullet, indent) {
            // A bullet that says nothing (left empty, or control characters alone) is
            // no entry: skipped rather than imported with a blank title.
            (Some(text), _) if super::entries::blank(text) => {}
            (Some(text), None) => {
                indent = Some(depth);
                entries.push(entry(i + 1, text, period, section.as_deref(), year)?);
            }
            (Some(text), Some(top)) if depth <= top => {
                indent = Some(depth);
                entries.push(entry(i + 1, text, period, section.as_deref(), year)?);
            }
            _ if trimmed.is_empty() => {}
            _ => {
                if let (Some(last), Some(_)) = (entries.last_mut(), indent) {
                    last.body.push_str(trimmed);
                    last.body.push('\n');
                }
            }
        }
    }
    if entries.is_empty() {
        return Err(SourceError::new(
            None,
            "",
            "no entries: a brag document lists its work as bullets (- Shipped ...)",
        ));
    }
    for e in &mut entries {
        e.body = e.body.trim().to_owned();
        let mut more = tags(&format!("{} {}", e.title, e.body));
        e.tags.append(&mut more);
    }
    Ok(entries)
}

fn bullet_text(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0)
        .then(|| line[digits..].strip_prefix(". "))
        .flatten()
        .map(str::trim)
}

fn entry(
    line: usize,
    text: &str,
    period: Option<NaiveDate>,
    section: Option<&str>,
    year: i32,
) -> Result<Entry, SourceError> {
    let text = text.trim_start_matches("[x] ").trim_start_matches("[ ] ");

    let year = period.map_or(year, |p| p.year());
    let date = date_in(text, year).or(period).ok_or_else(|| {
        SourceError::new(
            Some(line),
            "date",
            "no date for this entry: put it under a dated heading (## March 2026) or write its day (2026-03-04)",
        )
    })?;
    Ok(Entry {
        line,
        date,
        title: text.to_owned(),
        tags: section.map(|s| vec![s.to_owned()]).unwrap_or_default(),
        ..Entry::default()
    })
}

/// The first day of the period a heading names, if it names one.
fn period_of(heading: &str) -> Option<NaiveDate> {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(day) = words
        .iter()
        .find_map(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok())
    {
        return Some(day);
    }
    let year = words.iter().find_map(|w| {
        let y: i32 = w.parse().ok()?;
        (1970..=2100).contains(&y).then_some(y)
    });
    if let Some(ym) = words
        .iter()
        .find_map(|w| NaiveDate::parse_from_str(&format!("{w}-01"), "%Y-%m-%d").ok())
    {
        return Some(ym);
    }
    let year = year?;
    if let Some(q) = words.iter().find_map(|w| {
        w.strip_prefix('q')?
            .parse::<u32>()
            .ok()
            .filter(|q| (1..=4).contains(q))
    }) {
        return NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1);
    }
    if let Some(h) = words.iter().find_map(|w| {
        w.strip_prefix('h')?
            .parse::<u32>()
            .ok()
            .filter(|h| (1..=2).contains(h))
    }) {
        return NaiveDate::from_ymd_opt(year, (h - 1) * 6 + 1, 1);
    }
    let month = words.iter().find_map(|w| month(w));
    NaiveDate::from_ymd_opt(year, month.unwrap_or(1), 1)
}

fn month(word: &str) -> Option<u32> {
    let w = word.get(..3)?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS.iter().position(|m| *m == w)?;
    (word.len() == 3 || full[i].starts_with(word) || word == "sept").then_some(i as u32 + 1)
}

/// A day written in an entry: ISO, `4 Mar 2026`, `March 4, 2026`, or `Mar 4` in `year`.
fn date_in(text: &str, year: i32) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ':']).to_lowercase())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Ok(day) = NaiveDate::parse_from_str(w, "%Y-%m-%d") {
            return Some(day);
        }
        let Some(m) = month(w) else { continue };
        let number = |s: Option<&String>| {
            s.and_then(|s| {
                s.trim_end_matches(|c: char| c.is_alphabetic())
                    .parse::<u32>()
                    .ok()
            })
        };
        let year_at = |s: Option<&String>| {
            s.and_then(|s| s.parse::<i32>().ok())
                .filter(|y| (1970..=2100).contains(y))
        };
        // "4 Mar 2026" / "4 Mar"
        if let Some(d) = number(i.checked_sub(1).and_then(|j| words.get(j))).filter(|d| *d <= 31) {
            let y = year_at(words.get(i + 1)).unwrap_or(year);
            if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(day);
            }
        }
        // "March 4, 2026" / "Mar 4th"
        if let Some(d) = number(words.get(i + 1)).filter(|d| *d <= 31) {
            let y = year_at(words.get(i + 2)).unwrap_or(year);
            if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(day);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn headings_give_periods_and_sections_bullets_give_entries() {
        let text = "# Brag document\n\n## 2026 Q1\n\n### Mentoring\n- Onboarded Sam (4 Mar 2026)\n  - paired daily for two weeks\n  more context\n- Ran the interview training #hiring\n\n## April 2026\n* Shipped search v2 on April 20th\n1. Wrote the ADR for the ledger split, 2026-04-02\n";
        let list = read(text, 2020).unwrap();
        let got: Vec<(NaiveDate, &str)> = list.iter().map(|e| (e.date, e.title.as_str())).collect();
        let skipped = read(
            "## March 2026\n- \u{0}\u{0}\n-\u{20}\n- Ran the review\n",
            2026,
        )
        .unwrap();
        assert_eq!(skipped.len(), 1, "bullets that say nothing are no entries");
        assert_eq!(skipped[0].title, "Ran the review");
        assert_eq!(
            got,
            [
                (day("2026-03-04"), "Onboarded Sam (4 Mar 2026)"),
                (day("2026-01-01"), "Ran the interview training #hiring"),
                (day("2026-04-20"), "Shipped search v2 on April 20th"),
                (
                    day("2026-04-02"),
                    "Wrote the ADR for the ledger split, 2026-04-02"
                ),
            ]
        );
        assert_eq!(list[0].body, "- paired daily for two weeks\nmore context");
        assert_eq!(list[0].tags, ["Mentoring"]);
        assert_eq!(list[1].tags, ["Mentoring", "#hiring"]);
        assert_eq!(list[3].line, 13);
    }

    #[test]
    fn periods_and_dates_in_common_forms() {
        assert_eq!(period_of("H2 2025"), Some(day("2025-07-01")));
        assert_eq!(period_of("Week of 2026-03-02"), Some(day("2026-03-02")));
        assert_eq!(period_of("2026-03"), Some(day("2026-03-01")));
        assert_eq!(period_of("Sept 2025"), Some(day("2025-09-01")));
        assert_eq!(period_of("Projects"), None);
        assert_eq!(date_in("Mar 4: fixed it", 2026), Some(day("2026-03-04")));
        assert_eq!(
            date_in("March 4, 2025 fixed", 2026),
            Some(day("2025-03-04"))
        );
        assert_eq!(date_in("may the fourth", 2026), None);
    }

    #[test]
    fn an_undated_entry_is_named_by_line() {
        let err = read("## Projects\n- Did a thing\n", 2026).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(2), "date"));
    }
}
