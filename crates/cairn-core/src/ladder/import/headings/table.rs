//! A framework written as one Markdown table (a competency per row, a level per column, or
//! the other way round), read as the spreadsheet it is: the table becomes CSV text for the
//! sheet reader, on the same lines as in the file, so problems keep their places.

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

fn is_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.len() > 1
}

fn is_separator(line: &str) -> bool {
    is_row(line)
        && cells(line)
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// The cells of a table row, with `<br>` as a line break and bold markers dropped.
fn cells(line: &str) -> Vec<String> {
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
}
