//! The vocabulary of the field: the tools, practices, artefacts and verbs engineers use for
//! each area of the work, so that evidence written in the words of the job ("AVX2",
//! "cert-manager", "cohort") finds its competency even when the ladder never says them.
//!
//! The areas belong to no ladder. Each is mapped onto the competency of a ladder whose own
//! words (name, description, expectations) share most of the area's anchors, so a company
//! ladder's "Technical skills" or "Reliability" gets the same vocabulary as the built-in
//! ladder's "Technical depth" and "Operations".

/// One area of the work.
pub(crate) struct Area {
    /// Words a ladder uses when it describes this area.
    pub anchors: &'static str,
    /// Words engineers use when they do this work.
    pub vocabulary: &'static str,
}

/// Every area.
pub(crate) static AREAS: &[Area] = &[
    Area {
        anchors: "technical depth craft code coding debugging performance testing tests quality expertise programming correctness tools",
        vocabulary: "profiling profiler profiled flamegraph flame graph benchmark benchmarked benchmarks \
            allocation allocations allocator memory leak leaks heap stack garbage collector gc cpu \
            cache misses simd avx avx2 sse neon vectorised vectorized vectorise intrinsics assembly \
            compiler compile compilation parser parsing lexer serializer serialiser serialization \
            deserialization concurrency concurrent race condition deadlock mutex lock-free atomics \
            threads threading async await goroutine algorithm algorithms complexity optimised \
            optimized optimisation optimization speedup hot path inner loop refactor refactored \
            refactoring rewrite rewrote bug bugs bugfix fix fixed crash segfault panic flaky \
            unit integration fuzzing fuzz fuzzer property-based coverage mutation typed types \
            typescript generics rust golang java kotlin swift python haskell sql query queries \
            index indexes n+1 regex library libraries linter lint static analysis clippy eslint \
            bazel webpack bundle bundler vite build builds ci wasm jvm runtime kernel syscall \
            io_uring zero-copy bytes buffer buffers encoding unicode utf-8 floating precision \
            root cause reproduced bisect bisected gdb debugger valgrind sanitizer hash hashing \
            quadratic binary format corrupt leakage off-by-one null pointer",
    },
    Area {
        anchors: "system design architecture apis data models trade-offs design documents rfcs systems",
        vocabulary: "architecture architectural architected design doc docs rfc rfcs adr adrs api apis \
            endpoint endpoints schema schemas data model modelling modeling interface interfaces \
            contract contracts boundary boundaries service services microservice microservices \
            monolith decomposed decomposition event-driven events event sourcing queue queues \
            kafka pubsub pub/sub message broker idempotent idempotency consistency eventual \
            partitioning partitioned sharding shard shards replication replica replicas \
            scalability scalable tradeoff tradeoffs trade-off storage layer versioning versioned \
            backward compatibility compatible grpc graphql rest protocol protobuf abstraction \
            module modular domain bounded context multi-tenant tenancy cqrs saga workflow \
            state machine whiteboard diagram sequence ledger table tables column columns \
            normalised normalized denormalised blob foreign key options alternatives \
            build-vs-buy evaluated compared recommended",
    },
    Area {
        anchors: "delivery scoping planning estimating shipping risk following through done projects",
        vocabulary: "shipped ship shipping launch launched launching release released releasing \
            rollout rolled milestone milestones deadline deadlines scope scoped scoping descoped \
            estimate estimates estimation plan planned planning sprint sprints backlog ticket \
            tickets epic epics project delivered on time ahead schedule unblocked blocker \
            blockers risk risks dependency dependencies migration migrated cutover feature flag \
            flags flagged incremental incrementally phased phase beta mvp deliverable handoff \
            follow-through finished completed wrapped closed out kanban jira burndown \
            critical path timeline slipped de-risked derisked prioritised prioritized \
            captain train releases go-live launch date cut line week weeks",
    },
    Area {
        anchors: "operations production on-call incidents postmortems observability service-level objectives security reliability running",
        vocabulary: "incident incidents outage outages on-call oncall pager pagerduty paging paged \
            alert alerts alerting monitoring monitor observability tracing traces trace \
            opentelemetry otel metrics dashboard dashboards grafana prometheus datadog logs \
            logging slo slos sli slis sla error budget uptime availability reliability sre \
            postmortem post-mortem postmortems runbook runbooks playbook rollback rolled back \
            failover disaster recovery backup backups restore restored certificate certificates \
            cert certs tls ssl cert-manager letsencrypt expiry expire expired renew renewal \
            patch patched patching cve cves vulnerability vulnerabilities security hardening \
            secrets rotation kubernetes k8s helm terraform ansible infrastructure iac capacity \
            autoscaling autoscaler deploy deploys deployment deployments production prod chaos \
            sev sev1 sev2 mitigated mitigation downtime degraded throttling rate limit firewall \
            vpc dns load balancer nginx ingress cluster clusters node nodes disk paging noise \
            page pages rotation rotations handover exhausted pool reconcile reconciliation",
    },
    Area {
        anchors: "collaboration working with others cross-team coordination communication partnership product design support",
        vocabulary: "paired pairing pair cross-team coordinated coordinating coordination partnered \
            partnership partner designers support stakeholders stakeholder aligned alignment \
            communicated communication sync synced meeting meetings workshop kickoff handover \
            handoff together jointly joint facilitated facilitation retro retros retrospective \
            demo demos helped helping unblocked colleagues teammates another team other teams \
            answered questions slack channel liaison embedded swarmed mob mobbing worked \
            closely vendor vendors call calls notes summary summaries agreed disagreement \
            disagreements pushed back negotiated negotiation compromise ux qa legal sales \
            timezone timezones updates status",
    },
    Area {
        anchors: "influence driving decisions beyond the team presenting direction leading cross-team initiatives speaking in public",
        vocabulary: "proposal proposed propose persuaded convinced adopted adoption standard \
            standards standardised standardized guild guilds org-wide company-wide direction \
            strategy strategic vision decision decisions talk talks conference presented \
            presentation presenting meetup blog keynote lightning advocated advocacy championed \
            champion buy-in consensus principles guidelines guideline radar initiative \
            initiatives cross-org leadership influenced policy governance all-hands townhall \
            working group steering committee chaired published recommendation deprecation \
            evangelised evangelized roadshow paved pitched pitch pitching argued \
            directors director cto vp execs executives department default defaults \
            convention conventions copied forum followed agreement whole",
    },
    Area {
        anchors: "mentoring growing others onboarding coaching teaching reviews interviewing",
        vocabulary: "mentored mentor mentoring mentee mentees coached coaching coach onboarding \
            onboarded new hire hires joiner joiners starter junior juniors intern interns \
            graduate graduates apprentice interview interviews interviewing interviewer hiring \
            loop loops candidate candidates taught teach teaching tutorial buddy career growth \
            1:1 1:1s one-on-one one-on-ones sponsored sponsoring shadowed shadowing reviewed \
            review reviews code review feedback explained pairing sessions training trained \
            bootcamp curriculum study group promotion packet grew grads grad new-grad \
            clinic lunch-and-learn office hours levelled leveled confidence",
    },
    Area {
        anchors: "product impact customers users business outcomes value metrics",
        vocabulary: "customer customers user users conversion retention churn revenue growth funnel \
            signup signups activation engagement a/b experiment experiments experimentation \
            cohort cohorts analysis analytics metric metrics kpi kpis okr okrs nps csat pricing \
            plan plans upgrade checkout discovery research insight insights business impact \
            cost costs savings saved spend dollars pounds margin product manager pm roadmap \
            usage adoption feature request requests lifted lift uplift increased conversion \
            dropped abandonment support volume satisfaction personas journey arr mrr deal \
            deals renew renewals accounts enterprise ctr click-through basket subscription \
            subscriptions qoq yoy contract contracts sales",
    },
];

/// The areas mapped onto `competency`: each area goes to the competency of `ladder` whose
/// own words share most of its anchors (ties to the earlier competency), and to none when
/// no competency shares any.
pub(crate) fn areas_of<'a>(
    ladder: &crate::ladder::Ladder,
    competency: &crate::id::CompetencyId,
) -> Vec<&'a Area> {
    use std::collections::HashSet;
    let texts: Vec<(&crate::id::CompetencyId, HashSet<String>)> = ladder
        .competencies
        .iter()
        .map(|c| {
            let mut all = format!("{} {} {}", c.name, c.name, c.description);
            for e in &c.expectations {
                all.push(' ');
                all.push_str(&e.text);
            }
            let stems = super::words(&all)
                .into_iter()
                .map(|(stem, _)| stem)
                .collect();
            (&c.id, stems)
        })
        .collect();
    AREAS
        .iter()
        .filter(|area| {
            let anchors: HashSet<String> = super::words(area.anchors)
                .into_iter()
                .map(|(stem, _)| stem)
                .collect();
            let mut best: Option<(&crate::id::CompetencyId, usize)> = None;
            for (id, stems) in &texts {
                let shared = anchors.intersection(stems).count();
                if shared > 0 && best.is_none_or(|(_, b)| shared > b) {
                    best = Some((id, shared));
                }
            }
            best.is_some_and(|(id, _)| id == competency)
        })
        .collect()
}
