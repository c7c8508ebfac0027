//! The team every team-mode test plays in: skip-level ← manager ← (owner, peer), another
//! manager and an admin apart, each with a session; the owner's private and shared records
//! of every kind; and the request helpers. On SQLite, and on PostgreSQL when configured.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use cairn_core::Visibility;
use cairn_core::access::{Scope, Token};
use cairn_core::account::{Account, Role, Session};
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::now;
use cairn_core::decision::{Choice, Context as DecisionContext, Decision};
use cairn_core::destination::Setting;
use cairn_core::evidence::Evidence;
use cairn_core::id::{CommitmentId, ConversationId, DecisionId, EvidenceId, PersonId, RepId};
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use cairn_core::rep::{Exposure, Rep, RepStatus};
use cairn_store::test_support::records;
use cairn_store::test_support::{ScratchDatabase, scratch_postgres};
use cairn_store::{Location, Store};
use cairn_web::session::{new_access_token, new_token, token_hash};
use cairn_web::{AppState, password, router};

use super::{Reply, send};

pub const PASSWORD: &str = "correct horse battery staple";

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Who {
    Owner,
    Manager,
    SkipLevel,
    OtherManager,
    Peer,
    Admin,
    Anonymous,
}

pub const EVERYONE: [Who; 7] = [
    Who::Owner,
    Who::Manager,
    Who::SkipLevel,
    Who::OtherManager,
    Who::Peer,
    Who::Admin,
    Who::Anonymous,
];

pub struct Team {
    pub store: Arc<dyn Store>,
    pub app: Router,
    pub owner: PersonId,
    pub private: EvidenceId,
    pub shared: EvidenceId,
    pub cookies: Vec<(Who, String)>,
    /// Each persona's write token, sent as `Authorization: Bearer`.
    pub tokens: Vec<(Who, String)>,
    pub _keep: (Option<tempfile::TempDir>, Option<ScratchDatabase>),
}

impl Team {
    pub fn cookie(&self, who: Who) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, c)| c.as_str())
    }

    /// `who`'s write token.
    pub fn token(&self, who: Who) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, c)| c.as_str())
    }
}

pub fn person(name: &str, manager: Option<PersonId>) -> Person {
    Person {
        level: "L3".parse().unwrap(),
        manager,
        ..records::person(name)
    }
}

pub fn entry(owner: &Person, title: &str, visibility: Visibility) -> Evidence {
    Evidence {
        visibility,
        ..records::evidence(owner, records::days_ago(0), title, &["delivery"])
    }
}

/// skip ← manager ← (owner, peer); other manager and admin stand apart.
pub async fn team(
    store: Arc<dyn Store>,
    keep: (Option<tempfile::TempDir>, Option<ScratchDatabase>),
    hash: &str,
) -> Team {
    let ladder = builtin::find("software-engineer").unwrap();
    let skip = person("Skip", None);
    let manager = person("Manager", Some(skip.id));
    let owner = person("Owner", Some(manager.id));
    let peer = person("Peer", Some(manager.id));
    let other = person("Other", None);
    let admin = person("Admin", None);
    let roles = [
        (Who::SkipLevel, &skip, Role::Manager),
        (Who::Manager, &manager, Role::Manager),
        (Who::Owner, &owner, Role::Engineer),
        (Who::Peer, &peer, Role::Engineer),
        (Who::OtherManager, &other, Role::Manager),
        (Who::Admin, &admin, Role::Admin),
    ];
    let mut cookies = Vec::new();
    let mut tokens = Vec::new();
    for (who, p, role) in roles {
        let account = Account {
            password_hash: hash.to_owned(),
            ..records::account(p, role)
        };
        store.add_user(&ladder, p, &account).await.unwrap();
        let token = new_token();
        let session = Session {
            token_hash: token_hash(&token),
            person: p.id,
            csrf: new_token(),
            created_at: now(),
            expires_at: now() + chrono::Duration::hours(1),
        };
        store.add_session(&session).await.unwrap();
        cookies.push((who, format!("cairn_session={token}")));
        let secret = new_access_token();
        let bearer = Token::new(
            p.id,
            "tests",
            Scope::Write,
            token_hash(&secret),
            None,
            now(),
        )
        .unwrap();
        store.add_token(&bearer).await.unwrap();
        tokens.push((who, secret));
    }
    let private = entry(
        &owner,
        "Private reflection on my review",
        Visibility::Private,
    );
    let shared = entry(
        &owner,
        "Shared: led the incident review",
        Visibility::Shared,
    );
    store.add_evidence(&private).await.unwrap();
    store.add_evidence(&shared).await.unwrap();
    // An imported commit waits in the owner's inbox: raw and never anyone else's to see.
    let commit = records::commit(
        &owner,
        "acme/payroll",
        "9f1c2e7a",
        "PAY-77 spike on the payroll export",
        now(),
    );
    store.add_activities(&[commit], &[]).await.unwrap();
    // Two growth conversations, one kept private, and a private rep.
    for (ask, visibility) in [
        (
            "Lead the payroll migration design review",
            Visibility::Shared,
        ),
        (
            "Secretly interview elsewhere before the reorg",
            Visibility::Private,
        ),
    ] {
        let talk = Conversation {
            id: ConversationId::new(),
            owner: owner.id,
            date: chrono::Local::now().date_naive(),
            ask: ask.into(),
            response: String::new(),
            visibility,
            created_at: now(),
            updated_at: now(),
        };
        let promise = Commitment {
            id: CommitmentId::new(),
            conversation: talk.id,
            what: "Find a design review to lead".into(),
            who: "Manager".into(),
            due: None,
            outcome: Outcome::Open,
            created_at: now(),
            updated_at: now(),
        };
        store.add_conversation(&talk, &[promise]).await.unwrap();
    }
    let rep = Rep {
        id: RepId::new(),
        owner: owner.id,
        title: "Secret side project".into(),
        description: String::new(),
        competencies: vec!["influence".parse().unwrap()],
        exposure: Exposure::Low,
        status: RepStatus::Candidate,
        visibility: Visibility::Private,
        created_at: now(),
        updated_at: now(),
    };
    store.put_rep(&rep).await.unwrap();
    // A destination the owner keeps to themselves.
    let (goal, event) = Setting {
        statement: "Secretly interview for staff roles elsewhere by June".into(),
        visibility: Visibility::Private,
        ..Setting::default()
    }
    .apply(owner.id, None, now())
    .unwrap();
    store.set_destination(&goal, &event).await.unwrap();
    // A private decision: the manager chain never reads it.
    let today = chrono::Local::now().date_naive();
    let decision = Decision {
        id: DecisionId::new(),
        owner: owner.id,
        choice: Choice::Change,
        because: "Secretly interview elsewhere after the bonus".into(),
        decided_on: today,
        revisit: today + chrono::Days::new(90),
        context: DecisionContext::default(),
        visibility: Visibility::Private,
        created_at: now(),
        updated_at: now(),
    };
    store.add_decision(&decision).await.unwrap();
    let app = router(AppState::team(store.clone(), false));
    Team {
        store,
        app,
        owner: owner.id,
        private: private.id,
        shared: shared.id,
        cookies,
        tokens,
        _keep: keep,
    }
}

pub async fn teams() -> Vec<Team> {
    let hash = password::hash(PASSWORD).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = cairn_store::create(&Location::Sqlite(dir.path().join("team.db")))
        .await
        .unwrap();
    let mut all = vec![team(sqlite, (Some(dir), None), &hash).await];
    if let Some(db) = scratch_postgres().await {
        let pg = cairn_store::open(&Location::Postgres(db.url.clone()))
            .await
            .unwrap();
        all.push(team(pg, (None, Some(db)), &hash).await);
    }
    all
}

pub fn request(
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    body: Option<(&str, String)>,
) -> Request<Body> {
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "cairn.example");
    if let Some(c) = cookie {
        builder = builder.header(header::COOKIE, c);
    }
    match body {
        Some((content_type, text)) => builder
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(text))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// A request that proves who it is with a bearer token instead of a cookie.
pub fn with_token(
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<(&str, String)>,
) -> Request<Body> {
    let mut request = request(method, uri, None, body);
    if let Some(t) = token {
        request.headers_mut().insert(
            header::AUTHORIZATION,
            format!("Bearer {t}").parse().unwrap(),
        );
    }
    request
}

/// What each persona gets from a read path: `ok` for those who may read it.
pub fn expected(who: Who, ok: &[Who], api: bool) -> StatusCode {
    if who == Who::Anonymous {
        if api {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::SEE_OTHER
        }
    } else if ok.contains(&who) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}

/// The login form's token and cookie, as a browser gets them.
pub async fn login_form(app: &Router) -> (String, String) {
    let r = send(app, request("GET", "/login", None, None)).await;
    assert_eq!(r.status, StatusCode::OK);
    let set = r.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    let cookie = set.split(';').next().unwrap().to_owned();
    let marker = "name=\"token\" value=\"";
    let at = r.text.find(marker).unwrap() + marker.len();
    (r.text[at..].split('"').next().unwrap().to_owned(), cookie)
}

pub async fn log_in(app: &Router, login: &str, password: &str) -> Reply {
    let (token, cookie) = login_form(app).await;
    let body = format!(
        "token={token}&login={}&password={}",
        login.replace('@', "%40"),
        password.replace(' ', "+")
    );
    send(
        app,
        request(
            "POST",
            "/login",
            Some(&cookie),
            Some(("application/x-www-form-urlencoded", body)),
        ),
    )
    .await
}
