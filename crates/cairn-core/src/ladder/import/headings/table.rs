//! A framework written as one Markdown table (a competency per row, a level per column, or
//! the other way round), as a pipe table or an HTML `<table>`, read as the spreadsheet it
//! is: the table becomes CSV text for the sheet reader, each row on its line in the file,
//! so problems keep their places.

use std::sync::LazyLock;

use regex::Regex;

/// The lines (counted from 1) where tables after the first one begin, pipe or HTML.
pub(super) fn later_tables(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut starts: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| is_row(lines[i]) && is_separator(lines[i + 1]))
        .chain(
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.to_ascii_lowercase().contains("<table"))
                .map(|(i, _)| i),
        )
        .map(|i| i + 1)
        .collect();
    starts.sort_unstable();
    starts.split_off(1.min(starts.len()))
}

/// The first pipe table in `text` as CSV, when it has a header and at least one row.
pub(super) fn as_csv(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| is_row(l))?;
    lines.get(start + 1).filter(|l| is_separator(l))?;
    let end = (start + 2..lines.len())
        .find(|&i| !is_row(lines[i]))
        .unwrap_or(lines.len());
    if end <= start + 2 {
        return None;
    }
    // Blank lines stand for everything around the table, so each row keeps its line.
    let mut csv = "\n".repeat(start);
    for (i, line) in lines[start..end].iter().enumerate() {
        if i != 1 {
            let cells: Vec<String> = cells(line).iter().map(|c| quoted(c)).collect();
            csv.push_str(&cells.join(","));
        }
        csv.push('\n');
    }
    Some(csv)
}

static ROW: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?is)<tr\b[^>]*>(.*?)(?:</tr>|<tr\b|</table>)"));
static CELL: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?is)<t[hd]\b([^>]*)>(.*?)(?:</t[hd]>|<t[hd]\b|$)"));
static COLSPAN: LazyLock<Regex> = LazyLock::new(|| pattern(r#"(?i)colspan\s*=\s*"?(\d+)"#));
static ROWSPAN: LazyLock<Regex> = LazyLock::new(|| pattern(r#"(?i)rowspan\s*=\s*"?(\d+)"#));
static TABLE_END: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)</table>"));
static ITEM: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)<li\b[^>]*>"));
static BREAK: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)<br\s*/?>|</p>|</li>"));
static TAG: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?s)<[^>]*>"));

fn pattern(text: &str) -> Regex {
    Regex::new(text).unwrap_or_else(|e| panic!("table pattern {text}: {e}"))
}

/// The first HTML table in `text` as CSV, when it has a header and at least one row: list
/// items become bullet lines, and a cell spanning columns or rows fills each of them.
pub(super) fn html_as_csv(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<table")?;
    let rows = html_rows(text, start);
    (rows.len() >= 2).then(|| rows_as_csv(&rows))
}

/// The rows of the HTML table that starts at byte `start` of `text`, each with its line
/// (counted from 0) and its cells: list items as bullet lines, a cell spanning columns or
/// rows filling each of them, and a header written without a `<tr>` read as a row.
pub(super) fn html_rows(text: &str, start: usize) -> Vec<(usize, Vec<String>)> {
    let end = TABLE_END
        .find(&text[start..])
        .map_or(text.len(), |e| start + e.start());
    let mut table = text[start..end].to_owned();
    let lower = table.to_ascii_lowercase();
    // "<thead><th>Beginner</th>…</thead>": header cells with no row around them.
    if let Some(head) = lower.find("<thead")
        && let Some(close) = lower[head..].find("</thead>")
        && !lower[head..head + close].contains("<tr")
        && let Some(open_end) = table[head..].find('>')
    {
        table.insert_str(head + close, "</tr>");
        table.insert_str(head + open_end + 1, "<tr>");
    }
    let lines_before = text[..start].matches('\n').count();
    let mut rows = Vec::new();
    // Cells spanning rows still to come: (column, rows left, text).
    let mut carried: Vec<(usize, usize, String)> = Vec::new();
    for row in ROW.captures_iter(&table) {
        let (Some(whole), Some(inner)) = (row.get(0), row.get(1)) else {
            continue;
        };
        let line = lines_before + table[..whole.start()].matches('\n').count();
        let mut cells: Vec<String> = Vec::new();
        for cell in CELL.captures_iter(inner.as_str()) {
            fill_carried(&mut cells, &mut carried);
            let span = |re: &Regex| {
                re.captures(&cell[1])
                    .and_then(|c| c[1].parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 50)
            };
            let (columns, down) = (span(&COLSPAN), span(&ROWSPAN));
            let content = plain(&cell[2]);
            for _ in 0..columns {
                if down > 1 {
                    carried.retain(|c| c.0 != cells.len());
                    carried.push((cells.len(), down - 1, content.clone()));
                }
                cells.push(content.clone());
            }
        }
        fill_carried(&mut cells, &mut carried);
        if !cells.is_empty() {
            rows.push((line, cells));
        }
    }
    rows
}

/// Rows as CSV text, each row on its line of the file (blank lines stand for the rest), so
/// problems keep their places.
pub(super) fn rows_as_csv(rows: &[(usize, Vec<String>)]) -> String {
    let mut csv = String::new();
    for (line, cells) in rows {
        let written = csv.matches('\n').count();
        csv.push_str(&"\n".repeat(line.saturating_sub(written)));
        let quoted: Vec<String> = cells.iter().map(|c| quoted(c)).collect();
        csv.push_str(&quoted.join(","));
        csv.push('\n');
    }
    csv
}

/// Fills the columns from the next one on that cells spanning rows above still hold.
fn fill_carried(cells: &mut Vec<String>, carried: &mut [(usize, usize, String)]) {
    while let Some(c) = carried.iter_mut().find(|c| c.0 == cells.len() && c.1 > 0) {
        c.1 -= 1;
        cells.push(c.2.clone());
    }
}

/// An HTML cell's text: list items as bullet lines, breaks as line breaks, no tags.
fn plain(html: &str) -> String {
    let text = ITEM.replace_all(html, "\n- ");
    let text = BREAK.replace_all(&text, "\n");
    let text = TAG.replace_all(&text, " ");
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "-")
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn is_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.len() > 1
}

pub(super) fn is_separator(line: &str) -> bool {
    is_row(line)
        && cells(line)
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// The cells of a table row, with `<br>` as a line break and bold markers dropped.
pub(super) fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|c| {
            c.trim()
                .replace("<br />", "\n")
                .replace("<br/>", "\n")
                .replace("<br>", "\n")
                .replace("**", "")
        })
        // A cell wholly in italics ("*Mastery*") is a name, emphasised.
        .map(|c| {
            c.strip_prefix(['*', '_'])
                .and_then(|r| r.strip_suffix(['*', '_']))
                .filter(|r| !r.is_empty())
                .map_or_else(|| c.clone(), str::to_owned)
        })
        .collect()
}

fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_table_becomes_csv_on_its_own_lines() {
        let text = "# Ladder\n\n| Competency | L1 | L2 |\n|---|:--|--:|\n| **Coding** | Writes code.<br>Tests it. | |\n\nAfter.\n";
        let csv = as_csv(text).unwrap();
        let lines: Vec<&str> = csv.split('\n').collect();
        assert_eq!(lines[2], "\"Competency\",\"L1\",\"L2\"");
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "\"Coding\",\"Writes code.");
        assert_eq!(lines[5], "Tests it.\",\"\"");
        assert!(as_csv("| just | one row |\n").is_none());
        assert!(as_csv("no table here\n").is_none());
    }

    #[test]
    fn an_html_table_becomes_csv_with_list_items_as_bullets() {
        let text = "<style>td { color: red }</style>\n<table>\n<tr><th>Level</th><th colspan=\"2\">Craft &amp; care</th></tr>\n<tr>\n<td>1</td>\n<td><ul><li>Writes code</li><li>Tests it</li></ul></td><td></td>\n</tr>\n</table>\n";
        let csv = html_as_csv(text).unwrap();
        let lines: Vec<&str> = csv.split('\n').collect();
        assert_eq!(lines[2], "\"Level\",\"Craft & care\",\"Craft & care\"");
        assert_eq!(lines[3], "\"1\",\"- Writes code");
        assert_eq!(lines[4], "- Tests it\",\"\"");
        assert!(html_as_csv("<table><tr><td>one row</td></tr></table>").is_none());
    }

    #[test]
    fn tables_after_the_first_are_found_by_line() {
        let text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n<table>\n</table>\n| c | d |\n| - | - |\n";
        assert_eq!(later_tables(text), vec![5, 7]);
        assert!(later_tables("no tables").is_empty());
    }

    #[test]
    fn a_cell_spanning_rows_fills_its_column_in_each() {
        let text = "<table>\n<tr><th>Level</th><th>Craft</th><th>Care</th></tr>\n<tr><th rowspan=\"2\">L1</th><td>Writes</td><td>Tests</td></tr>\n<tr><td>Reviews</td><td rowspan=3>Helps</td></tr>\n<tr><td>L2</td><td>Designs</td></tr>\n</table>";
        let csv = html_as_csv(text).unwrap();
        let lines: Vec<&str> = csv.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[1], "\"L1\",\"Writes\",\"Tests\"");
        assert_eq!(lines[2], "\"L1\",\"Reviews\",\"Helps\"");
        // A span longer than the table's rows goes on into the next, then ends.
        assert_eq!(lines[3], "\"L2\",\"Designs\",\"Helps\"");
    }
}
