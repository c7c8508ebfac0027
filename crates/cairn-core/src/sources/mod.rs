//! Readers for the places evidence comes from: git history, GitHub's JSON, Jira's CSV
//! export, generic CSV, Markdown brag documents and jrnl journals.
//!
//! Each reader is pure (text in, records out) and reports a problem with the line or field
//! that caused it, so the command line can refuse a bad file before anything is stored.

pub mod git;
