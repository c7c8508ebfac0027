//! `cairn convo add`: record a growth conversation.

use cairn_core::Invalid;
use cairn_core::clarity::check;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::{now, parse_date, today};
use cairn_core::id::{CommitmentId, ConversationId};
use cairn_core::signal::clear_ask;
use cairn_core::text::count;
use serde_json::json;

use crate::cli::Globals;
use crate::commands::evidence_flags::VisibilityFlags;
use crate::failure::bad_input;
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Record a growth conversation: the day, your ask (checked for clarity), your manager's
/// response, and each commitment as "WHAT|WHO|DUE" (DUE optional, YYYY-MM-DD).
///
/// A vague ask is kept, but it is said so and does not count towards `cairn signal`.
///
/// Examples:
///   cairn convo add --date 2026-11-03 --ask 'Lead the payments design review in Q1' \
///     --response 'Yes, after the launch' --commit 'Introduce me to the review chair|Grace|2026-11-30'
///   cairn convo add --date yesterday --ask 'Run the next incident review' --shared
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The day it happened (YYYY-MM-DD, today, yesterday)
    #[arg(long)]
    date: Option<String>,
    /// What you asked for
    #[arg(long)]
    ask: String,
    /// What your manager said
    #[arg(long, default_value = "")]
    response: String,
    /// A commitment: "WHAT|WHO|DUE" (repeat)
    #[arg(long = "commit", value_name = "WHAT|WHO|DUE")]
    commitments: Vec<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let Some(date) = &args.date else {
        bad_input!(
            "--date: a conversation needs the day it happened (YYYY-MM-DD, today, yesterday)"
        );
    };
    let date = parse_date("--date", date, today())?;
    let profile = Profile::load(globals).await?;
    let at = now();
    let conversation = Conversation {
        id: ConversationId::new(),
        owner: profile.me.id,
        date,
        ask: args.ask.trim().to_owned(),
        response: args.response.trim().to_owned(),
        visibility: args.visibility.chosen().unwrap_or_default(),
        created_at: at,
        updated_at: at,
    };
    conversation
        .validate()
        .map_err(|e| Invalid::new(format!("--{}", e.field), e.message))?;
    let mut commitments = Vec::new();
    for (i, text) in args.commitments.iter().enumerate() {
        let parts: Vec<&str> = text.split('|').map(str::trim).collect();
        let (what, who, due) = match parts.as_slice() {
            [what, who] => (*what, *who, None),
            [what, who, ""] => (*what, *who, None),
            [what, who, due] => (
                *what,
                *who,
                Some(parse_date(&format!("--commit {}", i + 1), due, today())?),
            ),
            _ => bad_input!("--commit '{text}': give WHAT|WHO or WHAT|WHO|DUE"),
        };
        let c = Commitment {
            id: CommitmentId::new(),
            conversation: conversation.id,
            what: what.to_owned(),
            who: who.to_owned(),
            due,
            outcome: Outcome::Open,
            created_at: at,
            updated_at: at,
        };
        c.validate(&conversation)
            .map_err(|e| Invalid::new(format!("--commit {}: {}", i + 1, e.field), e.message))?;
        commitments.push(c);
    }
    profile
        .store
        .add_conversation(&conversation, &commitments)
        .await?;
    let clarity = check(&conversation.ask);
    let clear = clear_ask(&conversation.ask);
    if globals.json {
        let shown = json!({
            "conversation": conversation,
            "commitments": commitments,
            "clarity": clarity,
            "clear_ask": clear,
        });
        output::json(&mut std::io::stdout().lock(), &shown)?;
    } else {
        println!("{}", conversation.id);
    }
    eprintln!(
        "Recorded the conversation of {} ({}).",
        conversation.date,
        count(commitments.len() as u64, "commitment", "commitments")
    );
    for c in &commitments {
        eprintln!("  {}  {} ({})", handle::short(&c.id), c.what, c.who);
    }
    if !clear {
        eprintln!(
            "The ask is vague, so it does not count towards `cairn signal`. Next time name the \
             opportunity and its object, for example \"lead the next payments design review\"."
        );
    }
    Ok(())
}
