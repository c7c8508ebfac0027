//! PATCH (RFC 7644 §3.5.2) on a user's SCIM document: `add`, `replace` and `remove`, in
//! any case (`Replace`, as some directories send it), with a path or without one; paths
//! name an attribute, a sub-attribute (`name.givenName`), a value filter
//! (`emails[type eq "work"].value`), the enterprise extension whole, or one of its
//! attributes (`…:enterprise:2.0:User:manager`). Attribute names match without case.

use serde_json::{Map, Value};

use super::{ENTERPRISE, ScimError, USER};

/// Applies a PatchOp request's operations to `doc`, in order; the first bad one refuses the
/// whole request (nothing is stored).
pub(super) fn apply(doc: &mut Value, request: &Value) -> Result<(), ScimError> {
    let ops = key(request, "Operations")
        .and_then(Value::as_array)
        .filter(|ops| !ops.is_empty())
        .ok_or_else(|| ScimError::invalid("invalidSyntax", "a PATCH needs Operations"))?;
    for op in ops {
        let name = key(op, "op")
            .and_then(Value::as_str)
            .map(str::to_lowercase)
            .unwrap_or_default();
        let value = key(op, "value").cloned().unwrap_or(Value::Null);
        let path = key(op, "path").and_then(Value::as_str).map(str::trim);
        let action = match name.as_str() {
            "add" => Action::Add,
            "replace" => Action::Replace,
            "remove" => Action::Remove,
            other => {
                return Err(ScimError::invalid(
                    "invalidSyntax",
                    &format!("'{other}' is not add, replace or remove"),
                ));
            }
        };
        match path.filter(|p| !p.is_empty()) {
            Some(path) => at(doc, &Path::parse(path)?, action, value)?,
            None if action == Action::Remove => {
                return Err(ScimError::invalid("noTarget", "remove needs a path"));
            }
            None => {
                let Value::Object(fields) = value else {
                    return Err(ScimError::invalid(
                        "invalidValue",
                        "without a path, the value must be an object of attributes",
                    ));
                };
                for (name, v) in fields {
                    at(doc, &Path::parse(&name)?, action, v)?;
                }
            }
        }
    }
    tidy(doc);
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Add,
    Replace,
    Remove,
}

/// Where an operation lands.
#[derive(Debug, PartialEq)]
struct Path {
    /// In the enterprise extension rather than the core.
    extension: bool,
    /// The attribute; `None` for the extension whole.
    attribute: Option<String>,
    /// A value filter on a multi-valued attribute: (sub-attribute, value).
    filter: Option<(String, String)>,
    /// A sub-attribute.
    sub: Option<String>,
}

impl Path {
    fn parse(text: &str) -> Result<Self, ScimError> {
        if !text.is_ascii() {
            return Err(ScimError::invalid(
                "invalidPath",
                &format!("'{text}' is not a path Cairn reads"),
            ));
        }
        let lower = text.to_ascii_lowercase();
        let (extension, rest) = if let Some(rest) = lower.strip_prefix(&ENTERPRISE.to_lowercase()) {
            (true, &text[text.len() - rest.len()..])
        } else if let Some(rest) = lower.strip_prefix(&format!("{}:", USER.to_lowercase())) {
            (false, &text[text.len() - rest.len()..])
        } else {
            (false, text)
        };
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        if rest.is_empty() {
            return if extension {
                Ok(Self {
                    extension,
                    attribute: None,
                    filter: None,
                    sub: None,
                })
            } else {
                Err(ScimError::invalid(
                    "invalidPath",
                    &format!("'{text}' names no attribute"),
                ))
            };
        }
        let bad = || {
            ScimError::invalid(
                "invalidPath",
                &format!("'{text}' is not a path Cairn reads"),
            )
        };
        let (head, filter, tail) = match rest.find('[') {
            Some(open) => {
                let close = rest.find(']').filter(|&c| c > open).ok_or_else(bad)?;
                let inside = &rest[open + 1..close];
                let (attr, value) = eq_filter(inside).ok_or_else(bad)?;
                (
                    &rest[..open],
                    Some((attr, value)),
                    rest[close + 1..].strip_prefix('.'),
                )
            }
            None => match rest.split_once('.') {
                Some((h, s)) => (h, None, Some(s)),
                None => (rest, None, None),
            },
        };
        if head.is_empty() || head.contains([' ', '"']) {
            return Err(bad());
        }
        Ok(Self {
            extension,
            attribute: Some(canonical(head)),
            filter,
            sub: tail.map(canonical),
        })
    }
}

/// `attr eq "value"` (the operator in any case): the attribute, canonical, and the value.
pub(super) fn eq_filter(text: &str) -> Option<(String, String)> {
    let lower = text.to_lowercase();
    let at = lower.find(" eq ")?;
    let attr = text[..at].trim();
    let value = text[at + 4..].trim();
    let value = value
        .strip_prefix('"')?
        .strip_suffix('"')?
        .replace("\\\"", "\"");
    if attr.is_empty() || attr.contains(' ') {
        return None;
    }
    Some((attr.to_owned(), value))
}

/// The spelling Cairn writes for an attribute name given in any case.
fn canonical(name: &str) -> String {
    const KNOWN: [&str; 14] = [
        "userName",
        "name",
        "displayName",
        "emails",
        "active",
        "externalId",
        "manager",
        "formatted",
        "familyName",
        "givenName",
        "value",
        "type",
        "primary",
        "$ref",
    ];
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_owned(), |k| (*k).to_owned())
}

/// A key of an object, matched without case.
pub(super) fn key<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

fn object(v: &mut Value) -> &mut Map<String, Value> {
    if !v.is_object() {
        *v = Value::Object(Map::new());
    }
    v.as_object_mut()
        .unwrap_or_else(|| unreachable!("just made an object"))
}

fn at(doc: &mut Value, path: &Path, action: Action, value: Value) -> Result<(), ScimError> {
    let root = object(doc);
    let container = if path.extension {
        object(root.entry(ENTERPRISE).or_insert(Value::Null))
    } else {
        root
    };
    let Some(attribute) = &path.attribute else {
        // The extension whole: its `schemas` key is no attribute.
        match action {
            Action::Remove => container.clear(),
            _ => {
                let Value::Object(fields) = value else {
                    return Err(ScimError::invalid(
                        "invalidValue",
                        "the extension's value must be an object",
                    ));
                };
                if action == Action::Replace {
                    container.clear();
                }
                for (k, v) in fields.into_iter().filter(|(k, _)| k != "schemas") {
                    container.insert(canonical(&k), v);
                }
            }
        }
        return Ok(());
    };
    let multi = attribute == "emails";
    let current = container.remove(attribute).unwrap_or(Value::Null);
    let updated = match (&path.filter, &path.sub) {
        (None, None) => whole(current, action, value, multi),
        (None, Some(sub)) if multi => each(current, |_| true, sub, action, &value),
        (None, Some(sub)) => {
            let mut item = current;
            set_sub(&mut item, sub, action, value);
            item
        }
        (Some((fattr, fvalue)), sub) => {
            let matches = |item: &Value| {
                key(item, fattr).is_some_and(|v| match v {
                    Value::String(s) => s.eq_ignore_ascii_case(fvalue),
                    other => other.to_string().eq_ignore_ascii_case(fvalue),
                })
            };
            match sub {
                Some(sub) => each(current, matches, sub, action, &value),
                None => {
                    let mut items = match current {
                        Value::Array(items) => items,
                        _ => Vec::new(),
                    };
                    match action {
                        Action::Remove => items.retain(|i| !matches(i)),
                        _ => {
                            for item in items.iter_mut().filter(|i| matches(i)) {
                                *item = value.clone();
                            }
                        }
                    }
                    Value::Array(items)
                }
            }
        }
    };
    if !updated.is_null() {
        container.insert(attribute.clone(), updated);
    }
    Ok(())
}

/// An operation on an attribute whole: add appends to a multi-valued one and merges into a
/// complex one; replace sets; remove unsets.
fn whole(current: Value, action: Action, value: Value, multi: bool) -> Value {
    match action {
        Action::Remove => Value::Null,
        Action::Replace => value,
        Action::Add if multi => {
            let mut items = match current {
                Value::Array(items) => items,
                _ => Vec::new(),
            };
            match value {
                Value::Array(more) => items.extend(more),
                Value::Null => {}
                one => items.push(one),
            }
            Value::Array(items)
        }
        Action::Add => match (current, value) {
            (Value::Object(mut old), Value::Object(new)) => {
                for (k, v) in new {
                    old.insert(canonical(&k), v);
                }
                Value::Object(old)
            }
            (_, new) => new,
        },
    }
}

/// A sub-attribute changed in every item of a multi-valued attribute that `matches`.
fn each(
    current: Value,
    matches: impl Fn(&Value) -> bool,
    sub: &str,
    action: Action,
    value: &Value,
) -> Value {
    let mut items = match current {
        Value::Array(items) => items,
        _ => Vec::new(),
    };
    for item in items.iter_mut().filter(|i| matches(i)) {
        set_sub(item, sub, action, value.clone());
    }
    Value::Array(items)
}

fn set_sub(item: &mut Value, sub: &str, action: Action, value: Value) {
    let fields = object(item);
    let existing = fields.keys().find(|k| k.eq_ignore_ascii_case(sub)).cloned();
    if let Some(k) = existing {
        fields.remove(&k);
    }
    if action != Action::Remove {
        fields.insert(canonical(sub), value);
    }
}

/// Drops what is left empty: `name: {}`, `emails: []`, an extension with nothing in it.
fn tidy(doc: &mut Value) {
    let Some(fields) = doc.as_object_mut() else {
        return;
    };
    for v in fields.values_mut() {
        if let Some(inner) = v.as_object_mut() {
            inner.retain(|_, x| !empty(x));
        }
    }
    fields.retain(|_, v| !empty(v));
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => o.is_empty() || o.values().all(empty),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patched(doc: Value, ops: &Value) -> Value {
        let mut doc = doc;
        apply(&mut doc, &json!({"Operations": ops})).unwrap();
        doc
    }

    #[test]
    fn operations_as_directories_send_them() {
        let doc = json!({"userName": "ada", "emails": [{"value": "a@x.example", "type": "work"}, {"value": "a@y.example", "type": "home"}]});
        // Entra's capitalised op, a value filter with a sub-attribute, a string boolean kept as sent.
        let after = patched(
            doc.clone(),
            &json!([{"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "ada@x.example"}, {"op": "replace", "path": "active", "value": "False"}]),
        );
        assert_eq!(after["emails"][0]["value"], "ada@x.example");
        assert_eq!(after["active"], "False");
        let after = patched(
            doc.clone(),
            &json!([{"op": "remove", "path": "emails[type eq \"home\"]"}]),
        );
        assert_eq!(after["emails"].as_array().unwrap().len(), 1);
        // Path-less replace, and the manager by its extension path.
        let after = patched(
            doc.clone(),
            &json!([{"op": "replace", "value": {"displayName": "Ada L", "name.givenName": "Ada"}}, {"op": "add", "path": format!("{ENTERPRISE}:manager"), "value": {"value": "b"}}]),
        );
        assert_eq!(
            (
                after["displayName"].as_str(),
                after["name"]["givenName"].as_str()
            ),
            (Some("Ada L"), Some("Ada"))
        );
        assert_eq!(after[ENTERPRISE]["manager"]["value"], "b");
        let after = patched(
            after,
            &json!([{"op": "remove", "path": format!("{ENTERPRISE}:manager")}]),
        );
        assert!(
            after.get(ENTERPRISE).is_none(),
            "an emptied extension goes: {after}"
        );
        let bad = apply(
            &mut doc.clone(),
            &json!({"Operations": [{"op": "move", "path": "x"}]}),
        );
        assert_eq!(bad.unwrap_err().kind, Some("invalidSyntax"));
    }

    #[test]
    fn filters_read_the_eq_form_only() {
        assert_eq!(
            eq_filter("userName eq \"ada@x.example\""),
            Some(("userName".into(), "ada@x.example".into()))
        );
        assert_eq!(
            eq_filter("userName EQ \"a\\\"b\""),
            Some(("userName".into(), "a\"b".into()))
        );
        assert_eq!(eq_filter("userName co \"ada\""), None);
    }
}
