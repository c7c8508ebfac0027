//! `/scim/v2/Users`: people as a directory provisions them. A user's id is their person id;
//! their SCIM document is what the directory last wrote (kept whole, so it reads back the
//! same), and Cairn's fields follow from it: the person's name and emails, the account's
//! login, whether it is active, and the reporting line from the enterprise `manager`.
//! Deleting a user removes their account from the directory's view and ends their access;
//! their person and records stay theirs.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cairn_core::access::Action;
use cairn_core::account::{Account, Role};
use cairn_core::dates::now;
use cairn_core::directory::{DirectoryUser, Email};
use cairn_core::id::PersonId;
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use cairn_core::privacy::check_manager;
use serde::Deserialize;
use serde_json::{Value, json};

use super::patch::{self, eq_filter, key};
use super::{ENTERPRISE, LIST, Provisioner, ScimBody, ScimError, ScimJson, USER, base};
use crate::AppState;
use crate::accounts::Actor;

/// The most users one page holds, and what a page holds unless asked for fewer.
pub(super) const MAX_PAGE: usize = 1000;
const PAGE: usize = 100;

/// How a list is asked for, as query parameters or a SearchRequest's fields.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    #[serde(default)]
    filter: Option<String>,
    #[serde(default, alias = "startindex")]
    start_index: Option<usize>,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    attributes: Option<Value>,
    #[serde(default, alias = "excludedattributes")]
    excluded_attributes: Option<Value>,
}

/// Which attributes to return, as `?attributes=` and `?excludedAttributes=` say.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    #[serde(default)]
    attributes: Option<String>,
    #[serde(default)]
    excluded_attributes: Option<String>,
}

/// An account the directory may see: any that it has not removed.
async fn visible(state: &AppState, id: &str) -> Result<(Person, Account), ScimError> {
    let id: PersonId = id
        .parse()
        .map_err(|_| ScimError::not_found(&format!("no user {id}")))?;
    let account = state
        .store
        .account_of(id)
        .await?
        .filter(|a| a.removed_at.is_none())
        .ok_or_else(|| ScimError::not_found(&format!("no user {id}")))?;
    Ok((state.store.person(id).await?, account))
}

/// The directory's document for an account: what it wrote, or, for an account an admin
/// made, one drawn from Cairn's fields. `active` follows the account when an admin
/// deactivated it meanwhile.
fn document(account: &Account, person: &Person) -> DirectoryUser {
    let mut doc = account
        .directory
        .as_deref()
        .and_then(|d| serde_json::from_str::<DirectoryUser>(d).ok())
        .unwrap_or_else(|| DirectoryUser {
            user_name: account.login.clone(),
            display_name: Some(person.name.clone()),
            emails: person
                .emails
                .iter()
                .map(|e| Email {
                    value: Some(e.clone()),
                    ..Email::default()
                })
                .collect(),
            active: Some(account.active),
            ..DirectoryUser::default()
        });
    if !account.active {
        doc.active = Some(false);
    }
    doc.external_id.clone_from(&account.external_id);
    doc
}

/// The SCIM resource for an account.
fn resource(state: &AppState, account: &Account, person: &Person) -> Value {
    let base = base(state);
    let mut v = serde_json::to_value(document(account, person)).unwrap_or_else(|_| json!({}));
    let mut schemas = vec![USER];
    if let Some(m) = person.manager {
        schemas.push(ENTERPRISE);
        v[ENTERPRISE] =
            json!({"manager": {"value": m.to_string(), "$ref": format!("{base}/Users/{m}")}});
    }
    v["schemas"] = json!(schemas);
    v["id"] = json!(person.id.to_string());
    v["meta"] = json!({
        "resourceType": "User",
        "created": account.created_at.to_rfc3339(),
        "lastModified": account.updated_at.to_rfc3339(),
        "location": format!("{base}/Users/{}", person.id),
    });
    v
}

/// Reads a user from what the directory sent: the document, and the manager when the
/// request names one (`Some(None)` clears it). Attributes Cairn does not keep are ignored.
fn read_user(body: &Value) -> Result<(DirectoryUser, Option<Option<String>>), ScimError> {
    let text = |name: &str| key(body, name).and_then(Value::as_str).map(str::to_owned);
    let Some(user_name) = text("userName").filter(|u| !u.trim().is_empty()) else {
        return Err(ScimError::invalid("invalidValue", "userName is required"));
    };
    let active = match key(body, "active") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        Some(other) => {
            return Err(ScimError::invalid(
                "invalidValue",
                &format!("active: {other} is not true or false"),
            ));
        }
    };
    let parse = |name: &str| -> Result<Option<Value>, ScimError> {
        Ok(key(body, name).filter(|v| !v.is_null()).cloned())
    };
    let doc = DirectoryUser {
        user_name,
        name: parse("name")?
            .map(serde_json::from_value)
            .transpose()
            .map_err(|e| ScimError::invalid("invalidValue", &format!("name: {e}")))?,
        display_name: text("displayName"),
        emails: match parse("emails")? {
            None => Vec::new(),
            Some(v) => serde_json::from_value(v)
                .map_err(|e| ScimError::invalid("invalidValue", &format!("emails: {e}")))?,
        },
        active,
        external_id: text("externalId"),
    };
    doc.check()?;
    let manager = match key(body, ENTERPRISE) {
        None | Some(Value::Null) => Some(None),
        Some(ext) => match key(ext, "manager") {
            None | Some(Value::Null) => Some(None),
            Some(m) => Some(
                key(m, "value")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .filter(|v| !v.trim().is_empty()),
            ),
        },
    };
    Ok((doc, manager))
}

/// The manager a directory named, checked: an existing user here, no loop, and someone who
/// can head a reporting line (an engineer becomes a manager; an admin cannot be one).
async fn manager(
    state: &AppState,
    person: PersonId,
    named: Option<&str>,
    actor: &Actor,
) -> Result<Option<PersonId>, ScimError> {
    let Some(named) = named else {
        return Ok(None);
    };
    let (boss, account) = visible(state, named).await.map_err(|_| {
        ScimError::invalid("invalidValue", &format!("manager {named} is no user here"))
    })?;
    let lines = state
        .store
        .people()
        .await?
        .into_iter()
        .map(|p| (p.id, p.manager))
        .collect();
    check_manager(person, Some(boss.id), &lines)?;
    match account.role {
        Role::Manager => {}
        Role::Admin => {
            return Err(ScimError::invalid(
                "invalidValue",
                &format!(
                    "{} is an admin, and admins read no one's records, so cannot manage",
                    account.login
                ),
            ));
        }
        Role::Engineer => {
            state.store.set_role(boss.id, Role::Manager, now()).await?;
            actor
                .record(
                    state.store.as_ref(),
                    Action::Provisioned,
                    &format!("{} is now a manager", account.login),
                )
                .await?;
        }
    }
    Ok(Some(boss.id))
}

/// Stores what the directory says of a person, new or known, in one transaction, and
/// audits it.
async fn save(
    state: &AppState,
    actor: &Actor,
    known: Option<(Person, Account)>,
    doc: DirectoryUser,
    named_manager: Option<Option<String>>,
) -> Result<(Person, Account), ScimError> {
    let at = now();
    let text = serde_json::to_string(&doc)
        .map_err(|e| ScimError::invalid("invalidValue", &e.to_string()))?;
    // A user name the directory removed earlier comes back as the same person.
    let known = match known {
        Some(k) => Some(k),
        None => match state.store.account(&doc.login()).await? {
            Some(a) if a.removed_at.is_some() => Some((state.store.person(a.person).await?, a)),
            Some(_) => {
                return Err(ScimError::new(
                    StatusCode::CONFLICT,
                    Some("uniqueness"),
                    &format!("userName {} is taken", doc.user_name),
                ));
            }
            None => None,
        },
    };
    let created = known.is_none();
    let (mut person, mut account) = match known {
        Some(k) => k,
        None => {
            let ladder = builtin::find(builtin::DEFAULT_LADDER).ok_or_else(|| {
                ScimError::invalid("invalidValue", "the built-in ladder is missing")
            })?;
            let level =
                ladder.levels.first().map(|l| l.id.clone()).ok_or_else(|| {
                    ScimError::invalid("invalidValue", "the ladder has no levels")
                })?;
            let person = Person {
                id: PersonId::new(),
                name: doc.person_name(),
                emails: doc.addresses(),
                github: None,
                ladder: ladder.reference(),
                level,
                manager: None,
                created_at: at,
                updated_at: at,
            };
            let account = Account {
                person: person.id,
                login: doc.login(),
                password_hash: String::new(),
                role: Role::Engineer,
                active: doc.is_active(),
                external_id: doc.external_id.clone(),
                directory: Some(text.clone()),
                removed_at: None,
                created_at: at,
                updated_at: at,
            };
            person.validate(&ladder)?;
            state.store.add_user(&ladder, &person, &account).await?;
            (person, account)
        }
    };
    if let Some(named) = named_manager {
        person.manager = manager(state, person.id, named.as_deref(), actor).await?;
    }
    person.name = doc.person_name();
    person.emails = doc.addresses();
    person.updated_at = at;
    account.login = doc.login();
    account.active = doc.is_active();
    account.external_id.clone_from(&doc.external_id);
    account.directory = Some(text);
    account.removed_at = None;
    account.updated_at = at;
    state.store.provision(&person, &account).await?;
    let what = if created { "created" } else { "updated" };
    actor
        .record(
            state.store.as_ref(),
            Action::Provisioned,
            &format!("{what} {}", account.login),
        )
        .await?;
    Ok((person, account))
}

/// Names from `?attributes=`, a SearchRequest's list, or a comma-separated text.
fn names(v: Option<&Value>) -> Vec<String> {
    let raw: Vec<String> = match v {
        Some(Value::String(s)) => s.split(',').map(str::to_owned).collect(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .map(|n| {
            let n = n.trim().to_lowercase();
            let core = format!("{}:", USER.to_lowercase());
            n.strip_prefix(&core).unwrap_or(&n).to_owned()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// The resource with only the attributes asked for (`id` and `schemas` always).
fn project(mut v: Value, attributes: &[String], excluded: &[String]) -> Value {
    let enterprise = ENTERPRISE.to_lowercase();
    let wanted = |k: &str, list: &[String]| {
        let k = k.to_lowercase();
        list.iter().any(|n| {
            n == &k
                || n.split('.').next() == Some(k.as_str())
                || (k == enterprise && n.starts_with(&enterprise))
        })
    };
    if let Some(fields) = v.as_object_mut() {
        fields.retain(|k, _| {
            matches!(k.as_str(), "id" | "schemas")
                || ((attributes.is_empty() || wanted(k, attributes)) && !wanted(k, excluded))
        });
    }
    v
}

async fn listed(state: &AppState, p: &ListParams) -> Result<ScimJson, ScimError> {
    let filter = match p.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(f) => Some(eq_filter(f).ok_or_else(|| {
            ScimError::invalid("invalidFilter", &format!("'{f}': filters read ATTRIBUTE eq \"VALUE\" on userName, externalId, emails.value or id"))
        })?),
    };
    let people = state.store.people().await?;
    let mut all: Vec<Value> = Vec::new();
    for account in state
        .store
        .accounts()
        .await?
        .into_iter()
        .filter(|a| a.removed_at.is_none())
    {
        let Some(person) = people.iter().find(|p| p.id == account.person) else {
            continue;
        };
        let doc = document(&account, person);
        let keep = match &filter {
            None => true,
            Some((attr, value)) => match attr
                .to_lowercase()
                .trim_start_matches(&format!("{}:", USER.to_lowercase()))
            {
                "username" => doc.user_name.eq_ignore_ascii_case(value),
                "externalid" => doc.external_id.as_deref() == Some(value.as_str()),
                "emails" | "emails.value" => doc.emails.iter().any(|e| {
                    e.value
                        .as_deref()
                        .is_some_and(|v| v.eq_ignore_ascii_case(value))
                }),
                "id" => person.id.to_string() == *value,
                other => {
                    return Err(ScimError::invalid(
                        "invalidFilter",
                        &format!("Cairn does not filter on '{other}'"),
                    ));
                }
            },
        };
        if keep {
            all.push(resource(state, &account, person));
        }
    }
    let total = all.len();
    let start = p.start_index.unwrap_or(1).max(1);
    let count = p.count.unwrap_or(PAGE).min(MAX_PAGE);
    let (attributes, excluded) = (
        names(p.attributes.as_ref()),
        names(p.excluded_attributes.as_ref()),
    );
    let page: Vec<Value> = all
        .into_iter()
        .skip(start - 1)
        .take(count)
        .map(|r| project(r, &attributes, &excluded))
        .collect();
    Ok(ScimJson::ok(json!({
        "schemas": [LIST], "totalResults": total, "startIndex": start, "itemsPerPage": page.len(), "Resources": page
    })))
}

/// `GET /scim/v2/Users`
pub async fn list(
    State(state): State<AppState>,
    Provisioner(_): Provisioner,
    Query(p): Query<ListParams>,
) -> Result<ScimJson, ScimError> {
    listed(&state, &p).await
}

/// `POST /scim/v2/Users/.search` and `/scim/v2/.search`: a SearchRequest.
pub async fn search(
    State(state): State<AppState>,
    Provisioner(_): Provisioner,
    ScimBody(p): ScimBody<ListParams>,
) -> Result<ScimJson, ScimError> {
    listed(&state, &p).await
}

/// `GET /scim/v2/Users/{id}`
pub async fn read(
    State(state): State<AppState>,
    Provisioner(_): Provisioner,
    Path(id): Path<String>,
    Query(p): Query<Projection>,
) -> Result<ScimJson, ScimError> {
    let (person, account) = visible(&state, &id).await?;
    let attributes = names(p.attributes.map(Value::String).as_ref());
    let excluded = names(p.excluded_attributes.map(Value::String).as_ref());
    Ok(ScimJson::ok(project(
        resource(&state, &account, &person),
        &attributes,
        &excluded,
    )))
}

/// `POST /scim/v2/Users`: 201 with the user and its `Location`.
pub async fn create(
    State(state): State<AppState>,
    Provisioner(actor): Provisioner,
    ScimBody(body): ScimBody<Value>,
) -> Result<ScimJson, ScimError> {
    let (doc, named) = read_user(&body)?;
    let (person, account) = save(&state, &actor, None, doc, named).await?;
    let v = resource(&state, &account, &person);
    let location = v["meta"]["location"].as_str().map(str::to_owned);
    Ok(ScimJson {
        status: StatusCode::CREATED,
        body: v,
        location,
    })
}

/// `PUT /scim/v2/Users/{id}`: the user as sent, whole.
pub async fn replace(
    State(state): State<AppState>,
    Provisioner(actor): Provisioner,
    Path(id): Path<String>,
    ScimBody(body): ScimBody<Value>,
) -> Result<ScimJson, ScimError> {
    let known = visible(&state, &id).await?;
    let (doc, named) = read_user(&body)?;
    let (person, account) = save(&state, &actor, Some(known), doc, named).await?;
    Ok(ScimJson::ok(resource(&state, &account, &person)))
}

/// `PATCH /scim/v2/Users/{id}`
pub async fn patch(
    State(state): State<AppState>,
    Provisioner(actor): Provisioner,
    Path(id): Path<String>,
    ScimBody(body): ScimBody<Value>,
) -> Result<ScimJson, ScimError> {
    let (person, account) = visible(&state, &id).await?;
    let mut doc = resource(&state, &account, &person);
    if let Some(fields) = doc.as_object_mut() {
        fields.remove("meta");
        fields.remove("schemas");
    }
    patch::apply(&mut doc, &body)?;
    let (directory, named) = read_user(&doc)?;
    let (person, account) = save(&state, &actor, Some((person, account)), directory, named).await?;
    Ok(ScimJson::ok(resource(&state, &account, &person)))
}

/// `DELETE /scim/v2/Users/{id}`: 204; the directory no longer sees them, their sessions and
/// tokens end, and their person and records stay.
pub async fn remove(
    State(state): State<AppState>,
    Provisioner(actor): Provisioner,
    Path(id): Path<String>,
) -> Result<Response, ScimError> {
    let (person, mut account) = visible(&state, &id).await?;
    account.active = false;
    account.removed_at = Some(now());
    account.updated_at = now();
    state.store.provision(&person, &account).await?;
    actor
        .record(
            state.store.as_ref(),
            Action::Provisioned,
            &format!("removed {}", account.login),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
