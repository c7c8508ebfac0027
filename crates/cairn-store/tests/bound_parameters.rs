//! No SQL is built from values: every statement is a literal or a literal joined with the
//! engines' named SQL constants, and every value goes in as a bound parameter. This reads
//! the engines' source and fails on any SQL-looking `format!` that interpolates something
//! other than an UPPER_CASE constant, and on any `QueryBuilder::push` of something other
//! than a literal, a constant, or the fixed fragments the filter builder uses.

use std::path::Path;

/// Every source file of an engine's folder (`sqlite/`, `postgres/`), named as
/// `engine/file.rs`, with its text.
fn engine(name: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(name);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let file = path.file_name().expect("a file name").to_string_lossy();
            (format!("{name}/{file}"), text)
        })
        .collect();
    files.sort();
    assert!(
        files.len() > 5,
        "{name}/: the engine's files were not found"
    );
    files
}

/// The `format!` string literals of a file whose text looks like SQL, with their lines.
fn sql_formats(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(at) = rest.find("format!(") {
        let start = offset + at;
        let after = &text[start + 8..];
        let literal = after.trim_start();
        if let Some(body) = literal.strip_prefix('"') {
            let end = body.find('"').unwrap_or(body.len());
            let s = &body[..end];
            let upper = s.to_uppercase();
            let sql = ["SELECT", "INSERT", "UPDATE", "DELETE", " WHERE ", " FROM "]
                .iter()
                .any(|k| upper.contains(k))
                || s.starts_with('{') && s.contains("} WHERE");
            if sql {
                found.push((text[..start].matches('\n').count() + 1, s.to_owned()));
            }
        }
        offset = start + 8;
        rest = &text[offset..];
    }
    found
}

fn placeholders(s: &str) -> Vec<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split('}').next())
        .map(|p| p.split(':').next().unwrap_or(p).to_owned())
        .collect()
}

#[test]
fn statements_interpolate_only_sql_constants() {
    for name in ["sqlite", "postgres"] {
        let mut scanned = 0;
        for (file, text) in engine(name) {
            let formats = sql_formats(&text);
            scanned += formats.len();
            for (line, s) in formats {
                for p in placeholders(&s) {
                    // `plain` is a fixed fragment too: "+" or "" (checked below).
                    assert!(
                        p == "plain"
                            || !p.is_empty()
                                && p.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                        "{file}:{line}: SQL built with {{{p}}}: {s}"
                    );
                }
            }
        }
        assert!(
            scanned > 10,
            "{name}/: the scan found too little to be working"
        );
    }
}

#[test]
fn query_builders_push_only_literals_and_constants() {
    for (file, text) in engine("sqlite").into_iter().chain(engine("postgres")) {
        for (n, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices(".push(") {
                let arg = line[at + 6..].trim_start();
                let ok = arg.is_empty() // a literal on the next line
                    || arg.starts_with('"')
                    || arg.starts_with("clause)")
                    || arg.starts_with("sql)")
                    || arg
                        .split(')')
                        .next()
                        .is_some_and(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
                assert!(
                    ok,
                    "{file}:{}: QueryBuilder::push of a value: {line}",
                    n + 1
                );
            }
        }
    }
    // The two fixed fragments: `clause` is " WHERE " or " AND ", and `sql` is always a
    // literal at the call site.
    let sqlite: String = engine("sqlite").into_iter().map(|(_, text)| text).collect();
    assert!(
        sqlite.contains("let mut clause = \" WHERE \";") && sqlite.contains("clause = \" AND \";")
    );
    assert_eq!(
        sqlite.matches("let plain = ").count(),
        sqlite
            .matches("let plain = if query.text.is_some() { \"+\" } else { \"\" };")
            .count()
    );
}
