//! Identifiers. Records get UUIDv7 ids, so a personal store and a team server can exchange
//! records without collisions and ids sort by creation time. Ladder content (ladders,
//! competencies, levels) uses short readable slugs chosen by the ladder's author.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Invalid;

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new id, ordered after every id this process made before.
            #[allow(clippy::new_without_default)] // a default id would hide where ids come from
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Wraps an id read back from storage.
            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The underlying UUID.
            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = Invalid;
            fn from_str(s: &str) -> Result<Self, Invalid> {
                Uuid::parse_str(s)
                    .map(Self)
                    .map_err(|_| Invalid::new("id", format!("'{s}' is not a record id (a UUID)")))
            }
        }
    };
}

record_id!(
    /// A person: an engineer, a manager or an admin.
    PersonId
);
record_id!(
    /// A piece of evidence.
    EvidenceId
);
record_id!(
    /// A destination (goal).
    DestinationId
);
record_id!(
    /// One entry in a destination's history.
    DestinationEventId
);
record_id!(
    /// A raw imported activity.
    ActivityId
);
record_id!(
    /// An assessment round.
    RoundId
);
record_id!(
    /// One competency's assessment within a round.
    AssessmentId
);
record_id!(
    /// A rep: a candidate project or opportunity.
    RepId
);
record_id!(
    /// A growth conversation.
    ConversationId
);
record_id!(
    /// A commitment made in a growth conversation.
    CommitmentId
);
record_id!(
    /// A constraint the organisation has declared.
    ConstraintId
);
record_id!(
    /// A decision to push, wait or change environments.
    DecisionId
);
record_id!(
    /// One change to a person's profile.
    ProfileChangeId
);
record_id!(
    /// A personal access token.
    TokenId
);
record_id!(
    /// One line of a team server's audit log.
    AuditId
);

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The slug as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = Invalid;
            fn from_str(s: &str) -> Result<Self, Invalid> {
                check_slug(s, $what).map(|()| Self(s.to_owned()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = Invalid;
            fn try_from(s: String) -> Result<Self, Invalid> {
                check_slug(&s, $what).map(|()| Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

slug_id!(
    /// A ladder, such as `software-engineer`.
    LadderId,
    "ladder id"
);
slug_id!(
    /// A competency within a ladder, such as `system-design`.
    CompetencyId,
    "competency id"
);
slug_id!(
    /// A level within a ladder, such as `L3`.
    LevelId,
    "level id"
);
slug_id!(
    /// A track a ladder branches into, such as `individual-contributor`.
    TrackId,
    "track id"
);

/// Slugs are short, start with a letter or digit, and hold only ASCII letters, digits, `-`,
/// `_` and `.`, so they can be typed on a command line and used in URLs unescaped.
fn check_slug(s: &str, what: &str) -> Result<(), Invalid> {
    let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let ok_chars = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok_start && ok_chars && s.len() <= 64 {
        Ok(())
    } else {
        Err(Invalid::new(
            what,
            format!(
                "'{s}' is not a valid {what} (use up to 64 letters, digits, '-', '_' or '.', starting with a letter or digit)"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_are_time_ordered_and_round_trip_as_text() {
        let a = EvidenceId::new();
        let b = EvidenceId::new();
        assert!(a < b, "a later id sorts after an earlier one");
        assert!(a.to_string() < b.to_string(), "and so does its text");
        assert_eq!(a.uuid().get_version_num(), 7);
        assert_eq!(a.to_string().parse::<EvidenceId>().unwrap(), a);
        assert!("not-a-uuid".parse::<EvidenceId>().is_err());
    }

    #[test]
    fn slugs_accept_ladder_style_ids_and_reject_the_rest() {
        for good in ["L1", "system-design", "ic_3", "v1.2"] {
            assert!(good.parse::<LevelId>().is_ok(), "{good}");
        }
        for bad in ["", "-lead", "has space", "naïve", &"x".repeat(65)] {
            assert!(bad.parse::<CompetencyId>().is_err(), "{bad}");
        }
        let err = "bad id".parse::<CompetencyId>().unwrap_err();
        assert!(
            err.message
                .contains("'bad id' is not a valid competency id")
        );
    }

    #[test]
    fn slugs_validate_when_deserialized() {
        let ok: Result<LadderId, _> = serde_json::from_str("\"software-engineer\"");
        assert!(ok.is_ok());
        let bad: Result<LadderId, _> = serde_json::from_str("\"two words\"");
        assert!(bad.is_err());
    }
}
