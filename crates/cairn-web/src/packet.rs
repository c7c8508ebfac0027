//! The packet as one self-contained HTML document: inline CSS and SVG, no scripts and no
//! external requests, laid out to print well (A4, sections kept whole where they fit).

use askama::Template;
use cairn_core::packet::Packet;

#[derive(Template)]
#[template(path = "packet.html")]
struct PacketDocument<'a> {
    p: &'a Packet,
    overall: &'static str,
    timeline_svg: String,
}

/// The packet as HTML.
pub fn html(p: &Packet) -> Result<String, askama::Error> {
    let (overall, _) = crate::pages::growth::overall_words(p.readiness.overall);
    PacketDocument {
        p,
        overall,
        timeline_svg: p.timeline_svg(),
    }
    .render()
}
