//! The strategic signal: clear asks for growth that keep producing no opportunity.
//!
//! Over a window (default six months), each growth conversation whose ask is clear counts
//! as an ask: [`clear_ask`] says when. It was *delivered* when at
//! least one of its commitments was delivered; it *produced nothing* when it got no
//! commitment, or every commitment was dropped or is overdue; otherwise it is still open.
//! Three or more asks that produced nothing raise the signal. It is information for the
//! next conversation, not a verdict on anyone, and it says so.

use chrono::NaiveDate;
use serde::Serialize;

use crate::clarity::{Verdict, check};
use crate::constraint::Constraint;
use crate::conversation::{Commitment, Conversation, Outcome};
use crate::id::ConversationId;
use crate::text::count;
use crate::voice::Voice;

/// Asks that produced nothing before the signal is raised.
const RAISE_AT: usize = 3;

/// What became of one ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fate {
    /// A commitment was delivered.
    Delivered,
    /// Commitments are open and not yet due.
    Open,
    /// No commitment, or all dropped or overdue.
    Nothing,
}

/// One clear ask in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ask {
    /// The conversation.
    pub conversation: ConversationId,
    /// Its day.
    pub date: NaiveDate,
    /// What was asked.
    pub ask: String,
    /// What became of it.
    pub fate: Fate,
    /// Why, in a sentence.
    pub reason: String,
}

/// The signal over a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signal {
    /// Three or more clear asks produced nothing.
    pub raised: bool,
    /// Clear asks in the window.
    pub asks: usize,
    /// Of those, delivered.
    pub delivered: usize,
    /// Why, one line per ask that produced nothing.
    pub reasons: Vec<String>,
    /// The window, in months.
    pub window_months: u32,
    /// Every clear ask in the window, oldest first.
    pub listed: Vec<Ask>,
    /// Asks left out of the count because they were not clear.
    pub vague: usize,
    /// Constraints in force during the window, which may explain part of it.
    pub constraints: Vec<String>,
    /// The conversation to have next.
    pub next: String,
    /// What the signal is and is not.
    pub note: String,
}

/// The months a signal looks back over unless told otherwise.
pub const WINDOW_MONTHS: u32 = 6;

impl Signal {
    /// The reading in one sentence: raised or not, out of how many clear asks.
    pub fn headline(&self) -> String {
        let asks = count(self.asks as u64, "clear ask", "clear asks");
        let months = count(self.window_months, "month", "months");
        if self.raised {
            format!(
                "Signal raised: {} of {asks} in {months} produced no opportunity.",
                self.reasons.len()
            )
        } else {
            format!(
                "No signal: {asks} in {months}, {} delivered.",
                self.delivered
            )
        }
    }
}

/// Reads the signal from `conversations` (each with its commitments) over the
/// `window_months` before `today`, its advice addressed to `voice`: the engineer, their
/// manager, or anyone else.
pub fn read(
    conversations: &[(Conversation, Vec<Commitment>)],
    constraints: &[Constraint],
    today: NaiveDate,
    window_months: u32,
    voice: Voice<'_>,
) -> Signal {
    let start = today
        .checked_sub_months(chrono::Months::new(window_months))
        .unwrap_or(NaiveDate::MIN);
    let mut listed = Vec::new();
    let mut vague = 0;
    for (c, commitments) in conversations
        .iter()
        .filter(|(c, _)| c.date >= start && c.date <= today)
    {
        if !clear_ask(&c.ask) {
            vague += 1;
            continue;
        }
        let (fate, reason) = fate(commitments, today);
        listed.push(Ask {
            conversation: c.id,
            date: c.date,
            ask: c.ask.clone(),
            fate,
            reason,
        });
    }
    listed.sort_by_key(|a| (a.date, a.conversation));
    let nothing: Vec<&Ask> = listed.iter().filter(|a| a.fate == Fate::Nothing).collect();
    let raised = nothing.len() >= RAISE_AT;
    let reasons = nothing
        .iter()
        .map(|a| format!("{}: \u{201c}{}\u{201d}: {}", a.date, a.ask, a.reason))
        .collect();
    let in_force: Vec<String> = constraints
        .iter()
        .filter(|k| k.since <= today && k.until.is_none_or(|u| u >= start))
        .map(|k| {
            let until = k
                .until
                .map_or("no end set".to_owned(), |u| format!("until {u}"));
            format!(
                "{} ({}, since {}, {until})",
                k.description,
                k.kind.words(),
                k.since
            )
        })
        .collect();
    let (next, note) = advice(
        voice,
        raised,
        nothing.len(),
        listed.is_empty(),
        !in_force.is_empty(),
    );
    Signal {
        raised,
        asks: listed.len(),
        delivered: listed.iter().filter(|a| a.fate == Fate::Delivered).count(),
        reasons,
        window_months,
        listed,
        vague,
        constraints: in_force,
        next,
        note,
    }
}

/// What to do next and how to take it, for whoever reads: the engineer brings the asks to
/// their manager; the manager talks them through with the engineer.
fn advice(
    voice: Voice<'_>,
    raised: bool,
    nothing: usize,
    none_asked: bool,
    constrained: bool,
) -> (String, String) {
    let next = match voice {
        Voice::Engineer if raised => format!(
            "Bring these {nothing} asks to your manager together, not one by one: ask what would \
             have to be true for one of them to happen next quarter, and whether something \
             outside their control stands in the way.{}",
            if constrained { " Recorded constraints may explain part of it; ask when they lift." } else { "" }
        ),
        Voice::Engineer if none_asked => {
            "No clear ask in the window: say what you want next, concretely (`cairn convo add --ask`)."
                .to_owned()
        }
        Voice::Engineer => "Keep asking concretely and record what was promised; follow up on open \
                            commitments when they fall due."
            .to_owned(),
        Voice::Manager(name) if raised => format!(
            "{name} has made {nothing} clear asks that came to nothing. Talk them through \
             together, not one by one: what would have to be true for one of them to happen \
             next quarter, and what outside your control stands in the way.{}",
            if constrained { format!(" Recorded constraints may explain part of it; tell {name} when they lift.") } else { String::new() }
        ),
        Voice::Manager(name) if none_asked => format!(
            "No clear ask from {name} in the window: ask them what they want next."
        ),
        Voice::Manager(_) => "Follow up on the commitments made when they fall due.".to_owned(),
        Voice::Committee(name) if raised => format!(
            "{name} made {nothing} clear asks that came to nothing in the window."
        ),
        Voice::Committee(_) => String::new(),
    };
    let note = match voice {
        Voice::Engineer => {
            "This is information for your next conversation, not a verdict on you \
                            or your manager: it counts what was asked and promised, not why."
        }
        Voice::Manager(_) => {
            "This is information for your next conversation with them, not a \
                              verdict on either of you: it counts what was asked and promised, \
                              not why."
        }
        Voice::Committee(_) => "It counts what was asked and promised, not why.",
    };
    (next, note.to_owned())
}

/// An ask is clear when the clarity check finds a concrete action in it (a rep with its
/// object, such as "lead the payments design review"), or finds it clear as a whole: an
/// ask is a request for an opportunity, so it need not name a destination as a goal must.
pub fn clear_ask(ask: &str) -> bool {
    let c = check(ask);
    c.elements.action || c.verdict != Verdict::Vague
}

fn fate(commitments: &[Commitment], today: NaiveDate) -> (Fate, String) {
    if let Some(done) = commitments.iter().find(|c| c.outcome == Outcome::Delivered) {
        return (Fate::Delivered, format!("delivered: {}", done.what));
    }
    if commitments.is_empty() {
        return (Fate::Nothing, "no commitment was made".to_owned());
    }
    if let Some(open) = commitments
        .iter()
        .find(|c| c.outcome == Outcome::Open && !c.overdue(today))
    {
        let due = open.due.map_or(String::new(), |d| format!(", due {d}"));
        return (
            Fate::Open,
            format!("open: {} ({}{due})", open.what, open.who),
        );
    }
    let parts: Vec<String> = commitments
        .iter()
        .map(|c| match (c.outcome, c.due) {
            (Outcome::Dropped, _) => format!("{} ({}) was dropped", c.what, c.who),
            (_, Some(due)) => format!("{} ({}) is overdue since {due}", c.what, c.who),
            (_, None) => format!("{} ({}) is open", c.what, c.who),
        })
        .collect();
    (Fate::Nothing, parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::constraint::ConstraintKind;
    use crate::dates::now;
    use crate::id::{CommitmentId, ConstraintId, PersonId};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn talk(
        date: &str,
        ask: &str,
        promises: &[(&str, Option<&str>, Outcome)],
    ) -> (Conversation, Vec<Commitment>) {
        let c = Conversation {
            id: ConversationId::new(),
            owner: PersonId::new(),
            date: day(date),
            ask: ask.into(),
            response: String::new(),
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        let commitments = promises
            .iter()
            .map(|(what, due, outcome)| Commitment {
                id: CommitmentId::new(),
                conversation: c.id,
                what: (*what).into(),
                who: "manager".into(),
                due: due.map(day),
                outcome: *outcome,
                created_at: now(),
                updated_at: now(),
            })
            .collect();
        (c, commitments)
    }

    const CLEAR: &str =
        "I want to lead the payments design review by March to show staff-level influence";

    #[test]
    fn asks_are_told_clear_or_vague_in_many_phrasings() {
        for clear in [
            "Can I lead the payments design review next quarter?",
            "I'd like to run the retro for last week's outage.",
            "Could I present our migration at the architecture forum?",
            "Please put me forward for staff in the March cycle.",
            "I asked to mentor the two new grads.",
            "can i own the on-call rotation redesign",
        ] {
            assert!(clear_ask(clear), "{clear}");
        }
        for vague in [
            "I want more visibility.",
            "Can I have more responsibility?",
            "I'd like to grow.",
            "Give me more interesting work please",
            "I want to be more senior.",
            "More impact, basically.",
        ] {
            assert!(!clear_ask(vague), "{vague}");
        }
    }

    #[test]
    fn three_clear_asks_with_nothing_delivered_raise_it() {
        let today = day("2026-11-24");
        let talks = vec![
            talk("2026-06-01", CLEAR, &[]),
            talk(
                "2026-07-01",
                CLEAR,
                &[("Introduce to the chair", Some("2026-07-31"), Outcome::Open)],
            ),
            talk(
                "2026-08-01",
                CLEAR,
                &[("Budget for the course", None, Outcome::Dropped)],
            ),
            talk("2026-09-01", "I want to grow.", &[]),
            talk(
                "2026-10-01",
                CLEAR,
                &[("Pair on the RFC", Some("2026-12-15"), Outcome::Open)],
            ),
            talk("2026-01-01", CLEAR, &[]), // outside six months
        ];
        let s = read(&talks, &[], today, 6, Voice::Engineer);
        assert!(s.raised);
        assert_eq!((s.asks, s.delivered, s.vague), (4, 0, 1));
        assert!(s.next.starts_with("Bring these 3 asks to your manager"));
        // The manager reads the same signal as advice to them, about the engineer by name.
        let theirs = read(&talks, &[], today, 6, Voice::Manager("Sam"));
        assert!(
            theirs
                .next
                .starts_with("Sam has made 3 clear asks that came to nothing. Talk them through")
        );
        assert!(!theirs.next.contains("your manager") && !theirs.note.contains("your manager"));
        assert_eq!(s.reasons.len(), 3);
        assert!(
            s.reasons[0].ends_with("no commitment was made"),
            "{:?}",
            s.reasons
        );
        assert!(
            s.reasons[1].ends_with("Introduce to the chair (manager) is overdue since 2026-07-31")
        );
        assert!(s.reasons[2].ends_with("Budget for the course (manager) was dropped"));
        assert_eq!(s.listed[3].fate, Fate::Open);
        assert!(s.note.contains("not a verdict"));
    }

    #[test]
    fn a_delivered_commitment_or_a_short_window_keeps_it_down() {
        let today = day("2026-11-24");
        let mut talks = vec![
            talk("2026-06-01", CLEAR, &[]),
            talk("2026-07-01", CLEAR, &[]),
            talk("2026-08-01", CLEAR, &[("Intro", None, Outcome::Delivered)]),
        ];
        let s = read(&talks, &[], today, 6, Voice::Engineer);
        assert!(!s.raised);
        assert_eq!((s.asks, s.delivered), (3, 1));
        talks.push(talk("2026-09-01", CLEAR, &[]));
        let limit = Constraint {
            id: ConstraintId::new(),
            owner: PersonId::new(),
            recorded_by: PersonId::new(),
            kind: ConstraintKind::LevelMovement,
            description: "Promotions frozen".into(),
            since: day("2026-05-01"),
            until: None,
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        let s = read(
            &talks,
            std::slice::from_ref(&limit),
            today,
            6,
            Voice::Engineer,
        );
        assert!(s.raised);
        assert!(s.next.contains("Recorded constraints"));
        assert_eq!(s.constraints.len(), 1);
        assert!(
            !read(&talks, &[], today, 3, Voice::Engineer).raised,
            "three months hold two of them"
        );
    }
}
