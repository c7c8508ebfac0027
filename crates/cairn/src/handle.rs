//! Short handles for records: the last eight hex digits of an id, and finding the one record
//! a typed handle (any unique start or end of an id, four digits or more) means.

use crate::failure::BadInput;

/// The handle lists show: the id's last eight characters (its random part).
pub fn short(id: &impl ToString) -> String {
    let id = id.to_string();
    id[id.len().saturating_sub(8)..].to_owned()
}

/// The one item whose id starts or ends with `typed`.
pub fn find<'a, T>(
    typed: &str,
    items: &'a [T],
    id: impl Fn(&T) -> String,
    what: &str,
) -> Result<&'a T, BadInput> {
    let typed = typed.trim().to_ascii_lowercase();
    if typed.len() < 4 {
        return Err(BadInput(format!(
            "'{typed}' is too short to name a {what}; give four or more digits of its id"
        )));
    }
    let matches: Vec<&T> = items
        .iter()
        .filter(|x| {
            let full = id(x);
            full.starts_with(&typed) || full.ends_with(&typed)
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(BadInput(format!("no {what} {typed}"))),
        _ => Err(BadInput(format!(
            "'{typed}' matches several {what}s; give more of the id"
        ))),
    }
}
