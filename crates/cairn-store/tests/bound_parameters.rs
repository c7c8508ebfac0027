//! No SQL is built from values: every statement is a literal or a literal joined with the
//! engines' named SQL constants, and every value goes in as a bound parameter. This reads
//! the engines' source and fails on any SQL-looking `format!` that interpolates something
//! other than an UPPER_CASE constant, and on any `QueryBuilder::push` of something other
//! than a literal, a constant, or the fixed fragments the filter builder uses.

use std::path::Path;

fn source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
    for file in ["sqlite.rs", "postgres.rs"] {
        let text = source(file);
        let formats = sql_formats(&text);
        assert!(
            formats.len() > 10,
            "{file}: the scan found too little to be working"
        );
        for (line, s) in formats {
            for p in placeholders(&s) {
                // `plain` is a fixed fragment too: "+" or "" (checked below).
                assert!(
                    p == "plain"
                        || !p.is_empty() && p.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                    "{file}:{line}: SQL built with {{{p}}}: {s}"
                );
            }
        }
    }
}

#[test]
fn query_builders_push_only_literals_and_constants() {
    for file in ["sqlite.rs", "postgres.rs"] {
        let text = source(file);
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
    let sqlite = source("sqlite.rs");
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
