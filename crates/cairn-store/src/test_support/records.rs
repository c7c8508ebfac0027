//! Record builders for tests: each makes the plainest valid record of its kind, so a test
//! states only what matters to it with struct update syntax
//! (`Evidence { visibility: Shared, ..evidence(&me, day, "Title", &["delivery"]) }`).

use cairn_core::Visibility;
use cairn_core::account::{Account, Role};
use cairn_core::activity::{Activity, ActivityKind};
use cairn_core::dates::{Timestamp, now};
use cairn_core::evidence::{Evidence, LevelSignal, Source};
use cairn_core::id::{EvidenceId, PersonId};
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use chrono::{Days, NaiveDate};

/// The day `n` days before today.
pub fn days_ago(n: u64) -> NaiveDate {
    cairn_core::dates::today()
        .checked_sub_days(Days::new(n))
        .unwrap_or_else(|| panic!("{n} days ago is before the calendar"))
}

/// Someone at L2 on the default built-in ladder, with no manager and a work address made
/// from their name.
pub fn person(name: &str) -> Person {
    let ladder = builtin::find(builtin::DEFAULT_LADDER)
        .unwrap_or_else(|| panic!("the default built-in ladder is missing"));
    Person {
        id: PersonId::new(),
        name: name.into(),
        emails: vec![format!(
            "{}@work.example",
            name.to_lowercase().replace(' ', ".")
        )],
        github: None,
        ladder: ladder.reference(),
        level: "L2".parse().unwrap_or_else(|e| panic!("L2: {e}")),
        manager: None,
        created_at: now(),
        updated_at: now(),
    }
}

/// An active account for `person`, logging in with their first email and a password hash
/// that matches no password.
pub fn account(person: &Person, role: Role) -> Account {
    Account {
        person: person.id,
        login: person.emails[0].clone(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        role,
        active: true,
        external_id: None,
        directory: None,
        removed_at: None,
        created_at: now(),
        updated_at: now(),
    }
}

/// A private entry by `owner`, typed by hand, on `date`, showing `competencies` of the
/// owner's ladder at their current level.
pub fn evidence(owner: &Person, date: NaiveDate, title: &str, competencies: &[&str]) -> Evidence {
    Evidence {
        id: EvidenceId::new(),
        owner: owner.id,
        date,
        title: title.into(),
        body: String::new(),
        impact: String::new(),
        links: vec![],
        competencies: competencies
            .iter()
            .map(|c| c.parse().unwrap_or_else(|e| panic!("{c}: {e}")))
            .collect(),
        level: LevelSignal::Current,
        areas: vec![],
        visibility: Visibility::Private,
        source: Source::Manual,
        ladder: owner.ladder.clone(),
        created_at: now(),
        updated_at: now(),
    }
}

/// A git commit by `owner` to `repo` at `at`, waiting in the inbox and grouped as an import
/// groups it.
pub fn commit(owner: &Person, repo: &str, sha: &str, title: &str, at: Timestamp) -> Activity {
    let mut a = Activity::new(owner.id, Source::Git, ActivityKind::Commit, at);
    a.external_id = sha.into();
    a.title = title.into();
    a.container = repo.into();
    a.grouped()
}
