//! The team store at scale: how long a manager's team view for 50 reports takes, and one
//! person's readiness (a team view of one report), on a PostgreSQL database `bench/scale`
//! filled with generated people and evidence.
//!
//! Usage: CAIRN_BENCH_POSTGRES_URL=postgres://… cargo bench -p cairn-store --bench scale
//! Prints one Markdown row: people, evidence, and the two medians over 20 runs.

use std::time::{Duration, Instant};

use cairn_store::Location;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let Ok(url) = std::env::var("CAIRN_BENCH_POSTGRES_URL") else {
        eprintln!("scale: set CAIRN_BENCH_POSTGRES_URL to a database filled by bench/scale");
        return;
    };
    let store = cairn_store::open(&Location::Postgres(url))
        .await
        .expect("open the store");
    let people = store.people().await.expect("people");
    // bench/scale makes the first person of each group of 51 the manager of the other 50,
    // and the last person reports alone to the person before.
    let big = people
        .iter()
        .find(|p| people.iter().filter(|r| r.manager == Some(p.id)).count() == 50)
        .expect("a manager with 50 reports")
        .id;
    let lone = people
        .iter()
        .find(|p| people.iter().filter(|r| r.manager == Some(p.id)).count() == 1)
        .expect("a manager with one report")
        .id;
    let today = chrono::Local::now().date_naive();
    let mut team = Vec::new();
    let mut one = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let rows = cairn_store::team(store.as_ref(), big, today)
            .await
            .expect("team view");
        team.push(started.elapsed());
        assert_eq!(rows.len(), 50);
        let started = Instant::now();
        let rows = cairn_store::team(store.as_ref(), lone, today)
            .await
            .expect("one report");
        one.push(started.elapsed());
        assert_eq!(rows.len(), 1);
    }
    let evidence = std::env::var("CAIRN_BENCH_EVIDENCE").unwrap_or_default();
    println!(
        "| {} | {evidence} | {:.1} ms | {:.1} ms |",
        people.len(),
        median(team).as_secs_f64() * 1000.0,
        median(one).as_secs_f64() * 1000.0
    );
}
