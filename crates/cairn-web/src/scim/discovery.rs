//! What a directory reads to learn this server: its service provider configuration, its
//! one resource type (User, with the enterprise extension) and the schemas, which declare
//! exactly what Cairn keeps, so what a directory writes it reads back unchanged.

use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::{ENTERPRISE, LIST, ScimError, ScimJson, USER, base};
use crate::AppState;

const SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/// One attribute's definition; `more` adds to the defaults (optional, read-write, returned
/// by default, not case-exact).
fn attribute(name: &str, kind: &str, multi: bool, more: Value) -> Value {
    let mut a = json!({
        "name": name, "type": kind, "multiValued": multi, "required": false, "caseExact": false,
        "mutability": "readWrite", "returned": "default", "uniqueness": "none", "description": name
    });
    if let (Some(a), Value::Object(more)) = (a.as_object_mut(), more) {
        a.extend(more);
    }
    a
}

fn schemas(base: &str) -> [Value; 2] {
    let user = json!({
        "schemas": [SCHEMA], "id": USER, "name": "User", "description": "A person with a Cairn account",
        "attributes": [
            attribute("userName", "string", false, json!({"required": true, "uniqueness": "server", "description": "What the directory calls them; their Cairn login"})),
            attribute("name", "complex", false, json!({"subAttributes": [
                attribute("formatted", "string", false, json!({})),
                attribute("familyName", "string", false, json!({})),
                attribute("givenName", "string", false, json!({})),
            ]})),
            attribute("displayName", "string", false, json!({"description": "The name Cairn shows"})),
            attribute("emails", "complex", true, json!({"subAttributes": [
                attribute("value", "string", false, json!({})),
                attribute("type", "string", false, json!({"canonicalValues": ["work", "home", "other"]})),
                attribute("primary", "boolean", false, json!({})),
            ]})),
            attribute("active", "boolean", false, json!({"description": "False ends their sessions and tokens; their record stays theirs"})),
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{USER}")}
    });
    let enterprise = json!({
        "schemas": [SCHEMA], "id": ENTERPRISE, "name": "EnterpriseUser", "description": "Reporting lines",
        "attributes": [attribute("manager", "complex", false, json!({"description": "Their manager: who may read what they share", "subAttributes": [
            attribute("value", "string", false, json!({"description": "The manager's id"})),
            attribute("$ref", "reference", false, json!({"referenceTypes": ["User"]})),
        ]}))],
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{ENTERPRISE}")}
    });
    [user, enterprise]
}

fn user_type(base: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User", "name": "User", "endpoint": "/Users", "description": "A person with a Cairn account",
        "schema": USER,
        "schemaExtensions": [{"schema": ENTERPRISE, "required": false}],
        "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/User")}
    })
}

fn list(items: &[Value]) -> Value {
    json!({"schemas": [LIST], "totalResults": items.len(), "startIndex": 1, "itemsPerPage": items.len(), "Resources": items})
}

/// `GET /scim/v2/ServiceProviderConfig`
pub async fn config(State(state): State<AppState>) -> ScimJson {
    ScimJson::ok(json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "documentationUri": "https://example.invalid/cairn/README.md#deploying-for-a-team",
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": super::users::MAX_PAGE},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token", "description": "A Cairn token of scope scim, made by an admin with `cairn token create --scope scim`", "primary": true}],
        "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{}/ServiceProviderConfig", base(&state))}
    }))
}

/// `GET /scim/v2/ResourceTypes`
pub async fn resource_types(State(state): State<AppState>) -> ScimJson {
    ScimJson::ok(list(&[user_type(&base(&state))]))
}

/// `GET /scim/v2/ResourceTypes/{id}`
pub async fn resource_type(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<ScimJson, ScimError> {
    if id == "User" {
        Ok(ScimJson::ok(user_type(&base(&state))))
    } else {
        Err(ScimError::not_found(&format!("no resource type {id}")))
    }
}

/// `GET /scim/v2/Schemas`
pub async fn schema_list(State(state): State<AppState>) -> ScimJson {
    ScimJson::ok(list(&schemas(&base(&state))))
}

/// `GET /scim/v2/Schemas/{id}`
pub async fn schema(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<ScimJson, ScimError> {
    schemas(&base(&state))
        .into_iter()
        .find(|s| s["id"] == id.as_str())
        .map(ScimJson::ok)
        .ok_or_else(|| ScimError::not_found(&format!("no schema {id}")))
}
