//! A company directory's view of a person, as it provisions them through SCIM: the user
//! name it knows them by, their name parts and display name, their emails, whether they
//! are active, and the directory's own id for them. It is kept as the directory wrote it
//! (so what it reads back is what it sent), and Cairn's own fields are derived from it:
//! the person's name and emails, the account's login and whether it is active.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::person::check_email;

/// A person's name in parts, as a directory sends it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Name {
    /// The whole name, formatted for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// The family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// The given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
}

impl Name {
    /// True when no part is set.
    pub fn is_empty(&self) -> bool {
        self.formatted.is_none() && self.family_name.is_none() && self.given_name.is_none()
    }
}

/// One email address, with the directory's type and primary flag kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Email {
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// work, home or other.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The directory's primary address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
}

/// What a directory says of one person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryUser {
    /// The name the directory knows them by (often their work email), as written.
    pub user_name: String,
    /// Their name in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// The name to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Their emails.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Email>,
    /// Whether they may sign in; unset reads as active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The directory's own id for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

impl DirectoryUser {
    /// Checks what Cairn derives from it: a user name it can log in with, and text a
    /// person's name can hold. Errors name the directory's attribute.
    pub fn check(&self) -> Result<(), Invalid> {
        user_name(&self.user_name)?;
        for e in &self.emails {
            if let Some(v) = &e.value
                && (v.trim().is_empty() || v.len() > 254 || v.chars().any(char::is_control))
            {
                return Err(Invalid::new(
                    "emails",
                    format!("'{v}' is not an email address"),
                ));
            }
        }
        if self.person_name().chars().count() > 200 {
            return Err(Invalid::new(
                "displayName",
                "must be at most 200 characters",
            ));
        }
        Ok(())
    }

    /// The login Cairn matches: the user name, lower-cased.
    pub fn login(&self) -> String {
        self.user_name.trim().to_lowercase()
    }

    /// The name Cairn shows: the display name, else the formatted name, else the given and
    /// family names, else the user name.
    pub fn person_name(&self) -> String {
        let parts = self.name.as_ref().map(|n| {
            [n.given_name.as_deref(), n.family_name.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        });
        [
            self.display_name.clone(),
            self.name.as_ref().and_then(|n| n.formatted.clone()),
            parts,
        ]
        .into_iter()
        .flatten()
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty())
        .unwrap_or_else(|| self.user_name.trim().to_owned())
    }

    /// The addresses Cairn keeps for the person: the emails that are addresses (primary
    /// first), else the user name when it is one.
    pub fn addresses(&self) -> Vec<String> {
        let mut sorted: Vec<&Email> = self.emails.iter().collect();
        sorted.sort_by_key(|e| e.primary != Some(true));
        let mut out: Vec<String> = Vec::new();
        for v in sorted.into_iter().filter_map(|e| e.value.as_deref()) {
            let v = v.trim().to_lowercase();
            if check_email(&v).is_ok() && !out.contains(&v) {
                out.push(v);
            }
        }
        if out.is_empty() && check_email(&self.login()).is_ok() {
            out.push(self.login());
        }
        out
    }

    /// True unless the directory says otherwise.
    pub fn is_active(&self) -> bool {
        self.active != Some(false)
    }
}

/// Checks a directory's user name: any text without spaces or control characters, up to
/// 254 characters (a directory may name people by email, employee number or UUID).
pub fn user_name(text: &str) -> Result<String, Invalid> {
    let name = text.trim();
    if name.is_empty() {
        return Err(Invalid::new("userName", "is empty"));
    }
    if name.chars().count() > 254 || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Invalid::new(
            "userName",
            format!("'{text}' must be one word of at most 254 characters"),
        ));
    }
    Ok(name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_and_addresses_come_from_what_the_directory_sent() {
        let user = DirectoryUser {
            user_name: "Ada@Acme.Example".into(),
            name: Some(Name {
                given_name: Some("Ada".into()),
                family_name: Some("Lovelace".into()),
                formatted: None,
            }),
            emails: vec![
                Email {
                    value: Some("ada@home.example".into()),
                    ..Email::default()
                },
                Email {
                    value: Some("Ada@Acme.Example".into()),
                    primary: Some(true),
                    kind: Some("work".into()),
                },
            ],
            ..DirectoryUser::default()
        };
        assert_eq!(user.person_name(), "Ada Lovelace");
        assert_eq!(user.addresses(), ["ada@acme.example", "ada@home.example"]);
        assert_eq!(user.login(), "ada@acme.example");
        assert!(user.is_active() && user.check().is_ok());
        let bare = DirectoryUser {
            user_name: "e3d1c0de-0000-4000-8000-000000000001".into(),
            active: Some(false),
            ..DirectoryUser::default()
        };
        assert_eq!(bare.person_name(), "e3d1c0de-0000-4000-8000-000000000001");
        assert!(bare.addresses().is_empty() && !bare.is_active());
        assert_eq!(user_name("two words").unwrap_err().field, "userName");
    }
}
