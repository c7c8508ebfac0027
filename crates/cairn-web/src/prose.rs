//! Core's sentences on a page: the command hints written for the terminal
//! (`` (`cairn inbox`) ``) become links to the page that does the same job.

use cairn_core::svg::escape;

/// Commands with a page, longest first so `rep add` wins over `rep`: (command, page, words).
const PAGES: [(&str, &str, &str); 10] = [
    ("cairn ladder next", "/ladder/next", "the next-level page"),
    (
        "cairn convo add",
        "/conversations",
        "the conversations page",
    ),
    ("cairn rep add", "/reps", "the reps page"),
    ("cairn review", "/", "the dashboard"),
    ("cairn decide", "/decide", "the decision page"),
    ("cairn inbox", "/inbox", "the inbox"),
    ("cairn import", "/inbox#bring", "the inbox's upload form"),
    ("cairn ready", "/ready", "the readiness page"),
    ("cairn log", "/evidence/new", "the evidence form"),
    ("cairn gap", "/calibration", "the calibration page"),
];

/// `text` as HTML: escaped, with each backticked `cairn …` hint that has a page turned into a
/// link to it, and any other hint shown as code to type in a terminal.
pub fn prose(text: &str) -> String {
    let mut html = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            html.push_str(&escape(part));
        } else if let Some((_, href, words)) = PAGES
            .iter()
            .find(|(command, _, _)| part == *command || part.starts_with(&format!("{command} ")))
        {
            html.push_str(&format!(r#"<a href="{href}">{words}</a>"#));
        } else {
            html.push_str(&format!("<code>{}</code>", escape(part)));
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::prose;

    #[test]
    fn a_hint_with_a_page_becomes_a_link_and_others_stay_code() {
        assert_eq!(
            prose("Log one thing (`cairn log`), or import it (`cairn import git PATH`)."),
            r#"Log one thing (<a href="/evidence/new">the evidence form</a>), or import it (<a href="/inbox#bring">the inbox's upload form</a>)."#
        );
        assert_eq!(
            prose("Record it with `cairn rep add`."),
            r#"Record it with <a href="/reps">the reps page</a>."#
        );
    }

    #[test]
    fn text_is_escaped_inside_and_outside_hints() {
        assert_eq!(prose("R&D <b>"), "R&amp;D &lt;b&gt;");
        assert_eq!(prose("`rm <x>`"), "<code>rm &lt;x&gt;</code>");
        assert_eq!(prose("`cairn importer`"), "<code>cairn importer</code>");
    }
}
