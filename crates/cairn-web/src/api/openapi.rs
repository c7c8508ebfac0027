//! The OpenAPI 3.1 description of `/api/v1`, written by hand next to the handlers it
//! describes; a test checks that every route in it answers.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::AppState;

/// `GET /api/v1/openapi.json`: a team server's document also has its access routes and
/// security schemes.
pub async fn document(State(state): State<AppState>) -> Json<Value> {
    let mut doc = spec();
    if state.is_team() {
        add_team(&mut doc);
    }
    Json(doc)
}

/// A team server's own routes (tokens, password, audit) and how requests prove who they are.
fn add_team(doc: &mut Value) {
    let token = json!({"application/json": {"schema": {"$ref": "#/components/schemas/NewToken"}}});
    let paths = json!({
        "/api/v1/login": {
            "post": {
                "summary": "Trade a login and password for a personal access token (what `cairn login` does); failed attempts are limited and audited",
                "security": [],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["email", "password", "name"], "properties": {
                    "email": {"type": "string"}, "password": {"type": "string"}, "name": {"type": "string", "description": "What to call the token"},
                    "scope": {"type": "string", "enum": ["read", "write"]}, "expires_in_days": {"type": "integer", "minimum": 1, "maximum": 3650}
                }}}}},
                "responses": with_errors(json!({"201": {"description": "The token, shown this once", "content": token}, "429": {"description": "Too many failed logins"}}))
            }
        },
        "/api/v1/tokens": {
            "get": {"summary": "Your tokens, newest first (never their secrets)", "responses": with_errors(json!({"200": {"description": "Tokens", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}}}}))},
            "post": {
                "summary": "A new token for your browser session (a token does not make tokens)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["name"], "properties": {
                    "name": {"type": "string"}, "scope": {"type": "string", "enum": ["read", "write"]}, "expires_in_days": {"type": "integer", "minimum": 1, "maximum": 3650}
                }}}}},
                "responses": with_errors(json!({"201": {"description": "The token, shown this once", "content": token}, "403": {"description": "Asked with a token"}}))
            }
        },
        "/api/v1/tokens/{id}": {
            "delete": {"summary": "Revoke one of your tokens", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}], "responses": with_errors(json!({"204": {"description": "Revoked"}}))}
        },
        "/api/v1/password": {
            "post": {
                "summary": "Change your password; your other sessions end",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["current", "password"], "properties": {"current": {"type": "string"}, "password": {"type": "string", "minLength": 12}}}}}},
                "responses": with_errors(json!({"204": {"description": "Changed"}}))
            }
        },
        "/api/v1/sync": {
            "get": {
                "summary": "Your record as this server holds it, changed since a cursor (what `cairn sync` pulls): your manager's side of a round only once both sides are in, deletions, who wrote what you did not, and the next cursor",
                "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}}],
                "responses": with_errors(json!({"200": {"description": "A batch", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SyncBatch"}}}}}))
            },
            "post": {
                "summary": "Merge what your own store shares (what `cairn sync` pushes): only your records marked shared, your side of rounds, and your deletions; merged by id, the newer copy winning, in one transaction",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SyncBatch"}}}},
                "responses": with_errors(json!({"200": {"description": "What was written", "content": {"application/json": {"schema": {"type": "object", "required": ["written", "unchanged"], "properties": {"written": {"type": "integer"}, "unchanged": {"type": "integer"}}}}}}}))
            }
        },
        "/api/v1/audit": {
            "get": {
                "summary": "The audit log, newest first: admin actions and logins, never record content (admins only; 404 for anyone else)",
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}],
                "responses": with_errors(json!({"200": {"description": "Entries", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["id", "at", "actor_login", "action", "subject", "address"]}}}}}}))
            }
        }
    });
    let schemas = json!({
        "Token": {"type": "object", "required": ["id", "name", "scope", "state", "created_at"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "scope": {"type": "string", "enum": ["read", "write", "scim"]},
            "state": {"type": "string", "enum": ["active", "expired", "revoked"]}, "created_at": {"type": "string", "format": "date-time"},
            "expires_at": {"type": ["string", "null"], "format": "date-time"}, "last_used_at": {"type": ["string", "null"], "format": "date-time"}
        }},
        "SyncBatch": {"type": "object", "additionalProperties": false, "properties": {
            "records": {"type": "object", "description": "Lists as in an archive: ladders, destinations, destination_events, evidence, rounds, assessments, reps, conversations, commitments, constraints, decisions"},
            "tombstones": {"type": "array", "items": {"type": "object", "required": ["kind", "id", "owner", "deleted_at"]}},
            "authors": {"type": "array", "items": {"type": "object", "required": ["kind", "id", "remote"]}},
            "cursor": {"type": ["string", "null"], "format": "date-time"},
            "person": {"type": ["string", "null"], "format": "uuid"}
        }},
        "NewToken": {"type": "object", "required": ["token", "id", "name", "scope", "person"], "properties": {"token": {"type": "string", "description": "The secret: send it as Authorization: Bearer"}}}
    });
    if let (Some(all), Value::Object(more)) = (doc["paths"].as_object_mut(), paths) {
        all.extend(more);
    }
    if let (Some(all), Value::Object(more)) =
        (doc["components"]["schemas"].as_object_mut(), schemas)
    {
        all.extend(more);
    }
    doc["components"]["securitySchemes"] = json!({
        "bearer": {"type": "http", "scheme": "bearer", "description": "A personal access token (cairn_…)"},
        "session": {"type": "apiKey", "in": "cookie", "name": "cairn_session"}
    });
    doc["security"] = json!([{"bearer": []}, {"session": []}]);
}

fn error_responses() -> Value {
    json!({
        "401": {"description": "Team mode: no valid session or token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "404": {"description": "No such record, or not yours to see", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "422": {"description": "A value broke a rule; `field` names it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    })
}

fn with_errors(mut responses: Value) -> Value {
    if let (Some(map), Value::Object(errors)) = (responses.as_object_mut(), error_responses()) {
        map.extend(errors);
    }
    responses
}

/// The document.
pub fn spec() -> Value {
    let id_param = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}});
    let evidence =
        json!({"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}});
    let person = json!({"name": "person", "in": "query", "description": "A report's person id or login (team mode); empty for your own", "schema": {"type": "string"}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Cairn API",
            "version": "1",
            "description": "The owner's career record: evidence mapped to a career ladder. Errors share one shape: {\"error\": {\"status\", \"code\", \"message\", \"field\"?}}."
        },
        "paths": {
            "/api/v1/evidence": {
                "get": {
                    "summary": "List evidence, newest first",
                    "parameters": [
                        {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}},
                        {"name": "until", "in": "query", "schema": {"type": "string", "format": "date"}},
                        {"name": "month", "in": "query", "schema": {"type": "string", "pattern": "^\\d{4}-\\d{2}$"}},
                        {"name": "skill", "in": "query", "description": "A competency id", "schema": {"type": "string"}},
                        {"name": "source", "in": "query", "schema": {"$ref": "#/components/schemas/Source"}},
                        {"name": "q", "in": "query", "description": "Words that must all appear in title, body or impact", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                        {"name": "person", "in": "query", "description": "A report's person id (team mode): their shared evidence only", "schema": {"type": "string", "format": "uuid"}}
                    ],
                    "responses": with_errors(json!({"200": {"description": "The evidence", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}}}}))
                },
                "post": {
                    "summary": "Log a piece of evidence",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewEvidence"}}}},
                    "responses": with_errors(json!({"201": {"description": "Logged", "content": evidence}}))
                }
            },
            "/api/v1/evidence/{id}": {
                "get": {"summary": "One piece of evidence", "parameters": [id_param], "responses": with_errors(json!({"200": {"description": "The evidence", "content": evidence}}))},
                "put": {
                    "summary": "Change fields of a piece of evidence",
                    "parameters": [id_param],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvidencePatch"}}}},
                    "responses": with_errors(json!({"200": {"description": "Changed", "content": evidence}}))
                },
                "delete": {"summary": "Delete a piece of evidence", "parameters": [id_param], "responses": with_errors(json!({"204": {"description": "Deleted"}}))}
            },
            "/api/v1/goal": {
                "get": {"summary": "The current destination, its clarity check and its history (a report's: only what they shared)", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "The goal", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "destination": {"type": ["object", "null"]}, "clarity": {"oneOf": [{"$ref": "#/components/schemas/Clarity"}, {"type": "null"}]},
                    "history": {"type": "array", "items": {"type": "object", "properties": {"change": {"type": "string", "enum": ["set", "revised", "pivoted", "reached", "dropped"]}, "statement": {"type": "string"}, "reason": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}}
                }}}}}}))},
                "post": {
                    "summary": "Set or change the destination (a vague one is refused unless force is true)",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["statement"], "properties": {
                        "statement": {"type": "string"}, "target_level": {"type": "string"}, "by": {"type": "string", "format": "date"},
                        "reps": {"type": "array", "items": {"type": "string"}}, "evidence_criteria": {"type": "string"},
                        "pivot": {"type": "boolean"}, "reason": {"type": "string"}, "force": {"type": "boolean"}
                    }}}}},
                    "responses": with_errors(json!({"201": {"description": "Set"}, "200": {"description": "Revised or pivoted"}}))
                }
            },
            "/api/v1/goal/check": {
                "post": {
                    "summary": "Check how concrete a goal statement is",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["text"], "properties": {"text": {"type": "string"}}}}}},
                    "responses": with_errors(json!({"200": {"description": "The check", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Clarity"}}}}}))
                }
            },
            "/api/v1/rounds": {
                "get": {
                    "summary": "Assessment rounds, newest first, with the entries the caller may see: a side sees the other side's entries only once both have submitted",
                    "parameters": [person.clone()],
                    "responses": with_errors(json!({"200": {"description": "The rounds", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Round"}}}}}}))
                },
                "post": {
                    "summary": "Submit one side's view (once per side per round)",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {
                        "type": "object", "additionalProperties": false, "required": ["side", "ratings"],
                        "properties": {
                            "side": {"type": "string", "enum": ["self", "manager"]},
                            "person": {"type": "string", "description": "Whose round: empty for your own; a report's id for their manager"},
                            "round": {"type": "string", "description": "The round's name; empty for the round waiting for this side, or a new one"},
                            "ratings": {"type": "array", "minItems": 1, "items": {"type": "object", "additionalProperties": false, "required": ["competency", "level"], "properties": {
                                "competency": {"type": "string"}, "level": {"type": "string"}, "note": {"type": "string"}
                            }}}
                        }
                    }}}},
                    "responses": with_errors(json!({"201": {"description": "Submitted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Round"}}}}}))
                }
            },
            "/api/v1/gap": {
                "get": {
                    "summary": "Calibration: self, manager and target level per competency, alignment, trend and a reading",
                    "parameters": [person.clone(), {"name": "target", "in": "query", "description": "A level id; default the destination's target, else the next level", "schema": {"type": "string"}}],
                    "responses": with_errors(json!({"200": {"description": "The calibration", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Calibration"}}}}}))
                }
            },
            "/api/v1/shape": {
                "get": {
                    "summary": "Depth and breadth across areas, per half-year",
                    "parameters": [person, {"name": "halves", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 20}}],
                    "responses": with_errors(json!({"200": {"description": "The shape", "content": {"application/json": {"schema": {"type": "object", "required": ["areas", "periods", "untagged", "reading"]}}}}}))
                }
            },
            "/api/v1/inbox": {
                "get": {
                    "summary": "Imported work waiting to become evidence, in groups (newest first), each with its suggested title, competencies and level; your own only",
                    "responses": with_errors(json!({"200": {"description": "The groups", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/InboxGroup"}}}}}}))
                }
            },
            "/api/v1/inbox/accept": {
                "post": {
                    "summary": "Turn an inbox group into evidence; fields left out take the group's suggestions",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["group"], "additionalProperties": false, "properties": {
                        "group": {"type": "string"}, "title": {"type": "string"}, "competencies": {"type": "array", "items": {"type": "string"}},
                        "level": {"type": "string", "enum": ["current", "next"]}, "impact": {"type": "string"}, "visibility": {"type": "string", "enum": ["", "private", "shared"]}}}}}},
                    "responses": with_errors(json!({"201": {"description": "The new evidence", "content": evidence.clone()}}))
                }
            },
            "/api/v1/inbox/dismiss": {
                "post": {
                    "summary": "Dismiss an inbox group",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["group"], "additionalProperties": false, "properties": {"group": {"type": "string"}}}}}},
                    "responses": with_errors(json!({"200": {"description": "How many activities were dismissed", "content": {"application/json": {"schema": {"type": "object", "required": ["dismissed"], "properties": {"dismissed": {"type": "integer"}}}}}}}))
                }
            },
            "/api/v1/review": {
                "get": {
                    "summary": "The monthly review: what was logged, which gap competencies got evidence, days since the last entry, the inbox, and one nudge",
                    "parameters": [{"name": "month", "in": "query", "description": "YYYY-MM; default this month", "schema": {"type": "string", "pattern": "^\\d{4}-\\d{2}$"}}],
                    "responses": with_errors(json!({"200": {"description": "The review", "content": {"application/json": {"schema": {"type": "object", "required": ["month", "logged", "gap", "inbox_groups", "nudge"]}}}}}))
                }
            },
            "/api/v1/suggest": {
                "get": {
                    "summary": "Competencies a text shows, best first, with the words that drove each score",
                    "parameters": [{"name": "text", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}}],
                    "responses": with_errors(json!({"200": {"description": "Ranked competencies", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["competency", "name", "score", "words"]}}}}}}))
                }
            },
            "/api/v1/ready": {
                "get": {
                    "summary": "Readiness for the target level: per competency the expectation, the views, next-level evidence in the window (recency-weighted), a verdict (ready, emerging, not-yet) and its reason; overall ready, useful-not-ready or not-yet, and a summary",
                    "parameters": [person.clone(), {"name": "target", "in": "query", "schema": {"type": "string"}}, {"name": "window", "in": "query", "description": "Months, 1 to 60 (default 12)", "schema": {"type": "integer", "minimum": 1, "maximum": 60}}],
                    "responses": with_errors(json!({"200": {"description": "Readiness", "content": {"application/json": {"schema": {"type": "object", "required": ["target", "overall", "competencies", "summary"], "properties": {"overall": {"type": "string", "enum": ["ready", "useful-not-ready", "not-yet"]}, "competencies": {"type": "array", "items": {"type": "object", "required": ["competency", "verdict", "reason"]}}}}}}}}))
                }
            },
            "/api/v1/signal": {
                "get": {
                    "summary": "The strategic signal: clear asks over the window that produced no delivered opportunity. Information, not a verdict",
                    "parameters": [person.clone(), {"name": "window", "in": "query", "description": "Months, 1 to 60 (default 6)", "schema": {"type": "integer", "minimum": 1, "maximum": 60}}],
                    "responses": with_errors(json!({"200": {"description": "The signal", "content": {"application/json": {"schema": {"type": "object", "required": ["raised", "asks", "delivered", "reasons"]}}}}}))
                }
            },
            "/api/v1/reps/{id}": {
                "delete": {"summary": "Delete one of your reps for good (one you chose not to do is better set to dropped)", "parameters": [id_param], "responses": with_errors(json!({"204": {"description": "Deleted"}}))}
            },
            "/api/v1/reps": {
                "get": {"summary": "Your reps, oldest first (a report's: only those they shared)", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "Reps", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["id", "title", "competencies", "exposure", "status"]}}}}}}))},
                "post": {
                    "summary": "Record a rep",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["title", "competencies"], "additionalProperties": false, "properties": {"title": {"type": "string"}, "competencies": {"type": "array", "items": {"type": "string"}}, "exposure": {"type": "string", "enum": ["low", "medium", "high"]}, "status": {"type": "string", "enum": ["candidate", "active", "done", "dropped"]}, "description": {"type": "string"}, "visibility": {"type": "string", "enum": ["private", "shared"]}}}}}},
                    "responses": with_errors(json!({"201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object"}}}}}))
                }
            },
            "/api/v1/reps/plan": {
                "get": {
                    "summary": "Your open reps ranked by how much of the gap to the target they would close",
                    "parameters": [{"name": "target", "in": "query", "schema": {"type": "string"}}, {"name": "window", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 60}}],
                    "responses": with_errors(json!({"200": {"description": "The plan", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["rep", "score", "builds", "note"]}}}}}}))
                }
            },
            "/api/v1/conversations": {
                "get": {"summary": "Growth conversations with their commitments (a report's shared ones with `person`)", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "Conversations", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["conversation", "commitments", "clear_ask"]}}}}}}))},
                "post": {
                    "summary": "Record a growth conversation and its commitments, all or nothing",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["date", "ask"], "additionalProperties": false, "properties": {"date": {"type": "string", "format": "date"}, "ask": {"type": "string"}, "response": {"type": "string"}, "commitments": {"type": "array", "items": {"type": "object", "required": ["what", "who"], "properties": {"what": {"type": "string"}, "who": {"type": "string"}, "due": {"type": "string", "format": "date"}}}}, "visibility": {"type": "string", "enum": ["private", "shared"]}}}}}},
                    "responses": with_errors(json!({"201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object"}}}}}))
                }
            },
            "/api/v1/commitments/{id}": {
                "post": {
                    "summary": "Record how one of your commitments turned out",
                    "parameters": [id_param],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["outcome"], "properties": {"outcome": {"type": "string", "enum": ["open", "delivered", "dropped"]}}}}}},
                    "responses": with_errors(json!({"200": {"description": "The commitment", "content": {"application/json": {"schema": {"type": "object"}}}}}))
                }
            },
            "/api/v1/constraints": {
                "get": {"summary": "Constraints: what the organisation cannot offer now", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "Constraints", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}}))},
                "post": {
                    "summary": "Record a constraint affecting you",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["kind", "description"], "additionalProperties": false, "properties": {"kind": {"type": "string", "enum": ["headcount", "level_movement", "budget", "other"]}, "description": {"type": "string"}, "since": {"type": "string", "format": "date"}, "until": {"type": "string", "format": "date"}, "visibility": {"type": "string", "enum": ["private", "shared"]}}}}}},
                    "responses": with_errors(json!({"201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object"}}}}}))
                }
            },
            "/api/v1/team": {
                "get": {
                    "summary": "Your direct reports at a glance, from what each shared",
                    "parameters": [{"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["name", "quiet", "gap", "readiness", "attention"]}}],
                    "responses": with_errors(json!({"200": {"description": "One row per report", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["person", "name", "readiness", "overdue", "signal"]}}}}}}))
                }
            },
            "/api/v1/export": {
                "get": {"summary": "Your record as a Cairn archive (team mode: only your own records; a round's manager entries only once both views are in)", "responses": with_errors(json!({"200": {"description": "The archive", "content": {"application/json": {"schema": {"type": "object", "required": ["format", "version"]}}}}}))}
            },
            "/api/v1/profile": {
                "get": {"summary": "The owner's profile", "parameters": [person.clone()], "responses": {"200": {"description": "The profile", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}}}}},
                "post": {
                    "summary": "Change your own profile; each field that differs is kept in its history with the reason",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {"name": {"type": "string"}, "level": {"type": "string"}, "emails": {"type": "array", "items": {"type": "string"}}, "github": {"type": "string", "description": "Empty clears it"}, "reason": {"type": "string"}}}}}},
                    "responses": with_errors(json!({"200": {"description": "What changed", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["field", "from", "to", "reason", "at"]}}}}}}))
                }
            },
            "/api/v1/profile/history": {
                "get": {"summary": "Every change to the profile, oldest first", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "Profile changes", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}}))}
            },
            "/api/v1/decisions": {
                "get": {"summary": "Decisions to push, wait or change, oldest first (a report's shared ones only)", "parameters": [person.clone()], "responses": with_errors(json!({"200": {"description": "Decisions", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}}))},
                "post": {
                    "summary": "Record your decision, with today's readiness, signal and constraints attached",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["choice", "because", "revisit"], "additionalProperties": false, "properties": {"choice": {"type": "string", "enum": ["push", "wait", "change"]}, "because": {"type": "string"}, "revisit": {"type": "string", "description": "A date (YYYY-MM-DD) or 'in 3 months'"}, "visibility": {"type": "string", "enum": ["private", "shared"]}}}}}},
                    "responses": with_errors(json!({"201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object"}}}}}))
                }
            },
            "/api/v1/ladder": {
                "get": {"summary": "The owner's career ladder, whole", "parameters": [person.clone()], "responses": {"200": {"description": "The ladder (the shape of docs/ladders.md)", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
            "/api/v1/ladder/next": {
                "get": {
                    "summary": "What the level above the owner's (or `level`) adds, per competency, along `track` where the ladder branches",
                    "parameters": [
                        person.clone(),
                        {"name": "level", "in": "query", "schema": {"type": "string"}},
                        {"name": "track", "in": "query", "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {"description": "from, to, the other tracks' next levels (elsewhere), and one step per competency with now and next expectations", "content": {"application/json": {"schema": {"type": "object", "required": ["from", "to", "elsewhere", "steps"]}}}},
                        "422": {"description": "An unknown level or track, a level off the track, or the top of the ladder"}
                    }
                }
            },
            "/api/v1/packet": {
                "get": {
                    "summary": "The case for the target level as a document: your own, or a report's from what they shared (third person)",
                    "parameters": [person.clone(), {"name": "target", "in": "query", "schema": {"type": "string"}}, {"name": "window", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 60}}, {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["md", "html"]}}],
                    "responses": with_errors(json!({"200": {"description": "The case", "content": {"text/markdown": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}}))
                }
            },
            "/api/v1/me": {
                "get": {"summary": "Who this request is: the person, their login and role, and whether a session or a token (and its scope) proved it", "responses": with_errors(json!({"200": {"description": "Who", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "name", "email", "role", "via"]}}}}}))}
            },
            "/api/v1/openapi.json": {
                "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            }
        },
        "components": {
            "schemas": {
                "Source": {"type": "string", "enum": ["manual", "git", "github", "jira", "csv", "markdown", "jrnl", "demo"]},
                "InboxGroup": {
                    "type": "object",
                    "required": ["key", "title", "date", "suggestions", "level", "activities"],
                    "properties": {
                        "key": {"type": "string", "description": "What /inbox/accept and /inbox/dismiss take"},
                        "title": {"type": "string"},
                        "date": {"type": "string", "format": "date"},
                        "suggestions": {"type": "array", "items": {"type": "object", "required": ["competency", "name", "score", "words"]}},
                        "level": {"type": "string", "enum": ["current", "next"]},
                        "activities": {"type": "array", "items": {"type": "object", "required": ["id", "source", "external_id", "kind", "title", "occurred_at"]}}
                    }
                },
                "Clarity": {
                    "type": "object",
                    "required": ["verdict", "elements", "questions", "matched"],
                    "properties": {
                        "verdict": {"type": "string", "enum": ["vague", "directional", "actionable"]},
                        "elements": {"type": "object", "properties": {"destination": {"type": "boolean"}, "action": {"type": "boolean"}, "horizon": {"type": "boolean"}, "evidence": {"type": "boolean"}}},
                        "questions": {"type": "array", "items": {"type": "string"}},
                        "matched": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
                    }
                },
                "Evidence": {
                    "type": "object",
                    "required": ["id", "date", "title", "body", "impact", "links", "competencies", "level", "areas", "visibility", "source", "created_at", "updated_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "date": {"type": "string", "format": "date"},
                        "title": {"type": "string"},
                        "body": {"type": "string"},
                        "impact": {"type": "string"},
                        "links": {"type": "array", "items": {"type": "string", "format": "uri"}},
                        "competencies": {"type": "array", "items": {"type": "string"}},
                        "level": {"type": "string", "enum": ["current", "next"]},
                        "areas": {"type": "array", "items": {"type": "string"}},
                        "visibility": {"type": "string", "enum": ["private", "shared"]},
                        "source": {"$ref": "#/components/schemas/Source"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                },
                "NewEvidence": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["title"],
                    "properties": {
                        "title": {"type": "string", "minLength": 1, "maxLength": 300},
                        "date": {"type": "string", "description": "YYYY-MM-DD, today or yesterday; default today"},
                        "body": {"type": "string"},
                        "impact": {"type": "string"},
                        "competencies": {"type": "array", "items": {"type": "string"}},
                        "level": {"type": "string", "enum": ["current", "next"]},
                        "links": {"type": "array", "items": {"type": "string", "format": "uri"}},
                        "areas": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]{1,40}$"}},
                        "visibility": {"type": "string", "enum": ["private", "shared"]}
                    }
                },
                "EvidencePatch": {
                    "type": "object",
                    "additionalProperties": false,
                    "description": "Only the fields present change; lists replace the whole list.",
                    "properties": {
                        "title": {"type": "string"}, "date": {"type": "string"}, "body": {"type": "string"},
                        "impact": {"type": "string"}, "competencies": {"type": "array", "items": {"type": "string"}},
                        "level": {"type": "string", "enum": ["current", "next"]},
                        "links": {"type": "array", "items": {"type": "string"}}, "areas": {"type": "array", "items": {"type": "string"}},
                        "visibility": {"type": "string", "enum": ["private", "shared"]}
                    }
                },
                "Round": {
                    "type": "object",
                    "required": ["id", "name", "ladder", "ladder_version", "revealed", "created_at", "entries"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                        "ladder": {"type": "string"}, "ladder_version": {"type": "integer"},
                        "self_submitted_at": {"type": ["string", "null"], "format": "date-time"},
                        "manager_submitted_at": {"type": ["string", "null"], "format": "date-time"},
                        "revealed": {"type": "boolean"}, "created_at": {"type": "string", "format": "date-time"},
                        "entries": {"type": "array", "items": {"type": "object", "properties": {
                            "assessor": {"type": "string", "enum": ["self", "manager"]}, "competency": {"type": "string"},
                            "level": {"type": "string"}, "note": {"type": "string"}, "by_hand": {"type": "boolean"}
                        }}}
                    }
                },
                "Calibration": {
                    "type": "object",
                    "required": ["competencies", "trend", "reading", "revealed"],
                    "properties": {
                        "round": {"type": ["string", "null"]}, "revealed": {"type": "boolean"},
                        "target": {"type": ["string", "null"]},
                        "competencies": {"type": "array", "items": {"type": "object", "required": ["competency", "self", "manager", "target", "delta", "label"], "properties": {
                            "competency": {"type": "string"}, "name": {"type": "string"},
                            "self": {"type": ["string", "null"]}, "manager": {"type": ["string", "null"]}, "target": {"type": ["string", "null"]},
                            "delta": {"type": ["integer", "null"], "description": "self minus manager, in levels"},
                            "label": {"type": ["string", "null"], "enum": ["aligned", "over-confident", "under-confident", null]},
                            "to_target": {"type": ["integer", "null"]}
                        }}},
                        "alignment": {"type": ["object", "null"]},
                        "trend": {"type": "array", "items": {"type": "object"}},
                        "reading": {"type": "array", "items": {"type": "string"}}
                    }
                },
                "Profile": {
                    "type": "object",
                    "required": ["id", "name", "emails", "ladder", "ladder_version", "level", "level_title"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                        "emails": {"type": "array", "items": {"type": "string"}},
                        "ladder": {"type": "string"}, "ladder_version": {"type": "integer"},
                        "level": {"type": "string"}, "level_title": {"type": "string"},
                        "destination": {"type": ["string", "null"]}
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
                        "status": {"type": "integer"}, "code": {"type": "string", "enum": ["not_found", "invalid", "bad_request", "login_required", "too_many_attempts", "forbidden", "internal"]},
                        "message": {"type": "string"}, "field": {"type": "string"}
                    }}}
                }
            }
        }
    })
}
