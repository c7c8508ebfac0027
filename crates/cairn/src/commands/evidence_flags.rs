//! The flags that set evidence fields, shared by `log` and `edit`, and the filters shared
//! by `list` and `search`. Errors name the flag the user typed, not the internal field.

use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::dates::{parse_date, parse_month, today};
use cairn_core::evidence::{EvidenceQuery, LevelSignal, Source};
use cairn_core::id::{CompetencyId, PersonId};
use cairn_core::ladder::Ladder;
use chrono::NaiveDate;

/// `--private` / `--shared`.
#[derive(Debug, Default, clap::Args)]
#[group(multiple = false)]
pub struct VisibilityFlags {
    /// Only you can see it (the default for new evidence)
    #[arg(long)]
    private: bool,
    /// Your manager chain can see it too, on a team server
    #[arg(long)]
    shared: bool,
}

impl VisibilityFlags {
    /// The visibility chosen, if either flag was given.
    pub fn chosen(&self) -> Option<Visibility> {
        match (self.private, self.shared) {
            (true, _) => Some(Visibility::Private),
            (_, true) => Some(Visibility::Shared),
            _ => None,
        }
    }
}

/// `--skill` values found on the ladder by id or name, in any case.
pub fn skills(ladder: &Ladder, values: &[String]) -> Result<Vec<CompetencyId>, Invalid> {
    values
        .iter()
        .map(|v| ladder.find_competency("--skill", v))
        .collect()
}

/// `--level current|next`.
pub fn level(value: &str) -> Result<LevelSignal, Invalid> {
    value
        .parse()
        .map_err(|e: Invalid| Invalid::new("--level", e.message))
}

/// `--date`.
pub fn date(value: &str) -> Result<NaiveDate, Invalid> {
    parse_date("--date", value, today())
}

/// Renames a validation error's field to the flag that sets it.
pub fn as_flag(e: Invalid, title_flag: &str) -> Invalid {
    let flag = match e.field.split('[').next().unwrap_or_default() {
        "title" => title_flag,
        "competencies" => "--skill",
        "links" => "--link",
        "areas" => "--area",
        "date" => "--date",
        "body" => "--body",
        "impact" => "--impact",
        _ => return e,
    };
    Invalid::new(flag, e.message)
}

/// Filters for `list` and `search`.
#[derive(Debug, Default, clap::Args)]
pub struct Filters {
    /// Only evidence on or after this day (YYYY-MM-DD, today, yesterday)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only evidence on or before this day
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only evidence from this month (YYYY-MM)
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["since", "until"])]
    month: Option<String>,
    /// Only evidence tagged with this competency id
    #[arg(long, value_name = "ID")]
    skill: Option<String>,
    /// Only evidence from this source (manual, git, github, jira, csv, markdown, jrnl, demo)
    #[arg(long)]
    source: Option<String>,
    /// At most this many entries, newest first
    #[arg(long, short = 'n', value_name = "N")]
    limit: Option<u32>,
}

impl Filters {
    /// The store query for these filters, for `owner`'s evidence.
    pub fn query(&self, owner: PersonId, ladder: &Ladder) -> Result<EvidenceQuery, Invalid> {
        let today = today();
        let (mut since, mut until) = (None, None);
        if let Some(month) = &self.month {
            let (first, last) = parse_month("--month", month)?;
            (since, until) = (Some(first), Some(last));
        }
        if let Some(s) = &self.since {
            since = Some(parse_date("--since", s, today)?);
        }
        if let Some(u) = &self.until {
            until = Some(parse_date("--until", u, today)?);
        }
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(Invalid::new(
                "--until",
                format!("{u} is before --since {s}"),
            ));
        }
        let competency = match &self.skill {
            Some(skill) => skills(ladder, std::slice::from_ref(skill))?.pop(),
            None => None,
        };
        let source = match &self.source {
            Some(s) => Some(
                s.parse::<Source>()
                    .map_err(|e| Invalid::new("--source", e.message))?,
            ),
            None => None,
        };
        Ok(EvidenceQuery {
            owner: Some(owner),
            since,
            until,
            competency,
            source,
            text: None,
            shared_only: false,
            limit: self.limit,
        })
    }
}
