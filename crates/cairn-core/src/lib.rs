//! Cairn's domain: the types every other crate speaks, and the pure logic over them.
//!
//! This crate owns what a career record *is* (ladders, people, destinations, evidence,
//! activities, assessments, reps, conversations, constraints) and the rules that keep it
//! valid. It does no I/O, runs no async code and knows nothing of SQL: callers hand it
//! values and text, and it hands back values, text or an [`Invalid`] naming the field.

/// Gives a fieldless enum its stored name, `Display`, and a `FromStr` whose error lists the
/// accepted names under the field the value was typed for.
macro_rules! named_enum {
    ($ty:ident, $field:literal, $($variant:ident = $name:literal),+) => {
        impl $ty {
            /// The stored and displayed name.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),+ }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::Invalid;
            fn from_str(s: &str) -> Result<Self, $crate::Invalid> {
                match s {
                    $($name => Ok(Self::$variant),)+
                    _ => Err($crate::Invalid::new(
                        $field,
                        format!("'{s}' is not one of: {}", [$($name),+].join(", ")),
                    )),
                }
            }
        }
    };
}

pub mod access;
pub mod account;
pub mod activity;
pub mod archive;
pub mod assessment;
pub mod calendar;
pub mod calibration;
pub mod clarity;
pub mod closest;
pub mod coaching;
pub mod constraint;
pub mod conversation;
pub mod dates;
pub mod decision;
pub mod destination;
pub mod directory;
pub mod evidence;
pub mod heatmap;
pub mod id;
pub mod inbox;
pub mod invalid;
pub mod ladder;
pub mod packet;
pub mod person;
pub mod privacy;
pub mod readiness;
pub mod rep;
pub mod review;
pub mod shape;
pub mod signal;
pub mod sources;
pub mod suggest;
pub mod svg;
pub mod sync;
pub mod team;
pub mod text;
pub mod visibility;
pub mod voice;

pub use invalid::Invalid;
pub use visibility::Visibility;
