//! Who may read what. An engineer's private records are theirs alone; shared records are
//! also visible to their manager chain (their manager, that manager's manager, and so on).
//! Admins manage accounts but read no one's content. Everything else answers "not found".
//!
//! On a team server only an account with the manager role heads a reporting line: an
//! engineer or an admin made someone's manager would gain the chain's reads their role does
//! not carry, so such a line is refused, and a manager whose role changes loses their
//! reports at once ([`check_manager_role`]).

use std::collections::HashMap;

use crate::account::Role;
use crate::id::PersonId;
use crate::{Invalid, Visibility};

/// Each person's manager, as stored: the reporting lines.
pub type ReportingLines = HashMap<PersonId, Option<PersonId>>;

/// True when `viewer` may read a record of `owner` with this visibility.
pub fn may_read(
    viewer: PersonId,
    owner: PersonId,
    visibility: Visibility,
    lines: &ReportingLines,
) -> bool {
    viewer == owner || (visibility == Visibility::Shared && in_chain(viewer, owner, lines))
}

/// True when `manager` is above `person` in the reporting lines.
pub fn in_chain(manager: PersonId, person: PersonId, lines: &ReportingLines) -> bool {
    let mut current = lines.get(&person).copied().flatten();
    // The lines are kept acyclic, but a bound makes a damaged store harmless.
    for _ in 0..=lines.len() {
        match current {
            Some(m) if m == manager => return true,
            Some(m) => current = lines.get(&m).copied().flatten(),
            None => return false,
        }
    }
    false
}

/// Checks a new reporting line: no one manages themselves, directly or round a loop.
pub fn check_manager(
    person: PersonId,
    manager: Option<PersonId>,
    lines: &ReportingLines,
) -> Result<(), Invalid> {
    let Some(manager) = manager else {
        return Ok(());
    };
    if manager == person {
        return Err(Invalid::new("manager", "no one can be their own manager"));
    }
    if !lines.contains_key(&manager) {
        return Err(Invalid::new(
            "manager",
            format!("{manager} is not a person here"),
        ));
    }
    if in_chain(person, manager, lines) {
        return Err(Invalid::new(
            "manager",
            "that would make a loop in the reporting lines",
        ));
    }
    Ok(())
}

/// Checks that the account to become someone's manager holds the manager role.
pub fn check_manager_role(login: &str, role: Role) -> Result<(), Invalid> {
    if role == Role::Manager {
        Ok(())
    } else {
        Err(Invalid::new(
            "manager",
            format!(
                "{login} is an {role}; only an account with the manager role can have reports \
                 (give them the manager role first)"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ceo ← director ← manager ← (ada, bo); other ← peer
    struct Org {
        ceo: PersonId,
        director: PersonId,
        manager: PersonId,
        ada: PersonId,
        bo: PersonId,
        other: PersonId,
        lines: ReportingLines,
    }

    fn org() -> Org {
        let [ceo, director, manager, ada, bo, other] = std::array::from_fn(|_| PersonId::new());
        let lines = HashMap::from([
            (ceo, None),
            (director, Some(ceo)),
            (manager, Some(director)),
            (ada, Some(manager)),
            (bo, Some(manager)),
            (other, None),
        ]);
        Org {
            ceo,
            director,
            manager,
            ada,
            bo,
            other,
            lines,
        }
    }

    #[test]
    fn shared_records_reach_the_whole_chain_and_private_ones_only_the_owner() {
        let o = org();
        let cases = [
            (o.ada, true, true),
            (o.manager, false, true),
            (o.director, false, true),
            (o.ceo, false, true),
            (o.bo, false, false),
            (o.other, false, false),
        ];
        for (viewer, private, shared) in cases {
            assert_eq!(
                may_read(viewer, o.ada, Visibility::Private, &o.lines),
                private
            );
            assert_eq!(
                may_read(viewer, o.ada, Visibility::Shared, &o.lines),
                shared
            );
        }
        assert!(
            !may_read(o.ada, o.manager, Visibility::Shared, &o.lines),
            "reports do not read up"
        );
    }

    #[test]
    fn reporting_lines_never_loop() {
        let o = org();
        assert!(check_manager(o.other, Some(o.manager), &o.lines).is_ok());
        assert!(check_manager(o.ada, None, &o.lines).is_ok());
        assert_eq!(
            check_manager(o.ada, Some(o.ada), &o.lines)
                .unwrap_err()
                .field,
            "manager"
        );
        let err = check_manager(o.ceo, Some(o.ada), &o.lines).unwrap_err();
        assert!(err.message.contains("loop"), "{err}");
        assert!(check_manager(o.ada, Some(PersonId::new()), &o.lines).is_err());
    }

    #[test]
    fn a_damaged_loop_does_not_hang() {
        let [a, b, c] = std::array::from_fn(|_| PersonId::new());
        let lines = HashMap::from([(a, Some(b)), (b, Some(a)), (c, None)]);
        assert!(!in_chain(c, a, &lines));
    }
}
