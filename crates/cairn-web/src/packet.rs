//! The two documents one record makes, each as one self-contained HTML file (inline CSS
//! and SVG, no scripts, no external requests) laid out to print on A4: the case, handed to
//! a committee or a new manager, and the coaching report, kept by the engineer.

use askama::Template;
use cairn_core::coaching::Coaching;
use cairn_core::packet::Packet;

#[derive(Template)]
#[template(path = "packet.html")]
struct CaseDocument<'a> {
    p: &'a Packet,
    overall: &'static str,
    overall_class: &'static str,
    timeline_svg: String,
    /// Whether the destination's story has a "why" column.
    reasons: bool,
}

#[derive(Template)]
#[template(path = "coaching.html")]
struct CoachingDocument<'a> {
    c: &'a Coaching,
}

/// The case as HTML.
pub fn html(p: &Packet) -> Result<String, askama::Error> {
    let (overall, overall_class) = crate::pages::readiness::overall_words(p.readiness.overall);
    CaseDocument {
        p,
        overall,
        overall_class,
        timeline_svg: p.timeline_svg(),
        reasons: p.story.iter().any(|t| !t.reason.is_empty()),
    }
    .render()
}

/// The coaching report as HTML.
pub fn coaching_html(c: &Coaching) -> Result<String, askama::Error> {
    CoachingDocument { c }.render()
}
