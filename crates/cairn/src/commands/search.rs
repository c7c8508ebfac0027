//! `cairn search`: full-text search over evidence titles, bodies and impact.

use std::io::{self, BufWriter, Write};

use super::evidence_flags::Filters;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Search your evidence for words in the title, body or impact; every word must appear.
///
/// Words match their other forms ("migrations" finds "migrated"). Examples:
///   cairn search latency
///   cairn search postgres migration --since 2026-01-01
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The words to look for
    #[arg(required = true, value_name = "WORD")]
    words: Vec<String>,
    #[command(flatten)]
    filters: Filters,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let text = args.words.join(" ");
    if cairn_core::evidence::search_words(&text).is_empty() {
        bad_input!("search: '{text}' has no words to look for");
    }
    let profile = Profile::load(globals).await?;
    let mut query = args.filters.query(profile.me.id, &profile.ladder)?;
    query.text = Some(text);
    let list = profile.store.list_evidence(&query).await?;
    let mut out = BufWriter::new(io::stdout().lock());
    output::evidence_list(&mut out, &list, globals.json)?;
    out.flush()?;
    Ok(())
}
