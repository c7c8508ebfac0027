//! Certifications named in a statement ("get my CKA", "pass the AWS SA Pro exam"): aimed at,
//! they are a destination; passed, they are evidence.

use regex::Regex;

use super::patterns::ROLE_START;

/// The matches of `pattern` whose certificate slot holds one of the statement's `acronyms`,
/// each as (start, end, words); a match on another word gives its text back to the search.
pub(super) fn certifications(
    pattern: &Regex,
    lower: &str,
    acronyms: &[String],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(cap) = pattern.captures_at(lower, at) {
        let Some(whole) = cap.get(0) else { break };
        let named = pattern
            .capture_names()
            .flatten()
            .filter_map(|name| cap.name(name))
            .any(|slot| acronyms.iter().any(|a| a == slot.as_str()));
        if named {
            out.push((whole.start(), whole.end(), whole.as_str().to_owned()));
            at = whole.end().max(whole.start() + 1);
        } else {
            at = lower[whole.start()..]
                .char_indices()
                .nth(1)
                .map_or(lower.len(), |(i, _)| whole.start() + i);
        }
        if at >= lower.len() {
            break;
        }
    }
    out
}

/// The acronyms a statement writes in capitals that name no role ("CKA", "OSCP", "SA"),
/// lowercased: what a certification is called.
pub(super) fn acronyms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let capitals = (2..=6).contains(&word.len())
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let lower = word.to_lowercase();
        // The work's own acronyms name no certificate.
        let work = matches!(
            lower.as_str(),
            "api"
                | "apis"
                | "pr"
                | "prs"
                | "mvp"
                | "ui"
                | "ux"
                | "db"
                | "sql"
                | "ci"
                | "cd"
                | "qa"
                | "okr"
                | "okrs"
                | "kpi"
                | "slo"
                | "sla"
                | "rfc"
                | "adr"
                | "poc"
                | "eta"
                | "eod"
                | "eoy"
                | "ic"
                | "kr"
                | "kr1"
                | "kr2"
                | "kr3"
                | "kr4"
                | "ok"
                | "fyi"
        );
        if capitals && !work && !ROLE_START.is_match(&lower) && !out.contains(&lower) {
            out.push(lower);
        }
    }
    out
}
