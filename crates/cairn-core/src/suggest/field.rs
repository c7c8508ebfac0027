//! The vocabulary of the field: the tools, practices, artefacts and verbs engineers use for
//! each area of the work, so that evidence written in the words of the job ("AVX2",
//! "cert-manager", "cohort") finds its competency even when the ladder never says them.
//!
//! The areas belong to no ladder. Each is mapped onto the competency of a ladder whose own
//! words (name, description, expectations) share most of the area's anchors, so a company
//! ladder's "Technical skills" or "Reliability" gets the same vocabulary as the built-in
//! ladder's "Technical depth" and "Operations".

use std::sync::LazyLock;

use regex::Regex;

/// One area of the work.
pub(crate) struct Area {
    /// Words a ladder uses when it describes this area.
    pub anchors: &'static str,
    /// Words engineers use when they do this work.
    pub vocabulary: &'static str,
    /// Patterns of the work that no single word carries (another team named as the
    /// counterpart, someone addressed by handle), each counting once as a driver.
    pub cues: &'static [&'static str],
}

/// Each area's cues, compiled once, in the order of [`AREAS`].
static CUES: LazyLock<Vec<Vec<Regex>>> = LazyLock::new(|| {
    AREAS
        .iter()
        .map(|area| {
            area.cues
                .iter()
                .map(|cue| Regex::new(cue).unwrap_or_else(|e| panic!("field cue {cue}: {e}")))
                .collect()
        })
        .collect()
});

impl Area {
    /// This area's cues, compiled.
    pub(crate) fn compiled_cues(&self) -> &'static [Regex] {
        AREAS
            .iter()
            .position(|a| std::ptr::eq(a, self))
            .and_then(|i| CUES.get(i))
            .map_or(&[], Vec::as_slice)
    }
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
            quadratic binary format corrupt leakage off-by-one null pointer \
            heisenbug data race races sharded sharding mutexes contention lock contention
            oom out-of-memory memory pressure skew skewed join salting salted broadcast spill
            strictnullchecks strict mode nullable nan undefined type errors type-safe typing
            numpy pandas vectorization vectorisation numba cython jit inlining inlined
            rebalance rebalancing poll thread worker pool thread pool backpressure tuned tuning
            gomaxprocs goroutines channels tokio borrow checker lifetimes unsafe ffi cgo
            allocs realloc memcpy copy copies hot loop tight loop branch prediction cache line
            cache-friendly dataflow sql plan explain analyze query plan slow query deadlocks
            reproducer repro minimal repro stack trace core dump heap dump memory profile
            cpu profile pprof perf ebpf strace dtrace instruments xcode android studio
            flaky tests test suite mocking mocks snapshot tests e2e playwright
            cypress selenium junit pytest jest vitest rspec tdd test-driven regression test
            edge case edge cases invariant invariants assertion assertions type system
            codegen macro macros template templates compile time build time incremental
            linker bundle size tree shaking minified dead code upgrade upgraded dependency
            bump deprecated api typed language idiomatic readable maintainable
            tech debt cleanup clean up simplified simplify duplication decoupled
            reproducible reproducibility deterministic non-deterministic nondeterministic
            bit-for-bit fsync syscalls throughput
            firmware i2c spi uart brownout adc dac interrupt isr dma rtos watchdog shader shaders
            stutter frame-time kalman imu covariance numerically numerical numerics fixed-point \
            summation kahan myers dst utc timezone open-addressing big-o worst-case amortised amortized rounding overflow underflow endianness",
        cues: &[],
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
            build-vs-buy evaluated compared recommended \
            hexagonal ports adapters clean architecture layering layered offline-first
            offline sync source of truth last-writer-wins conflict resolution crdt crdts
            module boundaries dependency direction dependency graph package structure
            token bucket sliding window rate limiter fallback fail-open fail-closed circuit
            breaker retries retry backoff exponential ordering guarantees exactly-once
            at-least-once back-pressure webhooks webhook polling cdc change data capture
            debezium outbox pattern alias swap zero downtime blue-green point-in-time
            feature store batch online serving skew ota a/b partitions manifest firmware
            update scheme cache layer caching strategy write-through invalidation ttl
            read replica read model projection aggregate aggregates entity entities
            schema evolution data flow topology fan-out fan-in pipeline design
            reference architecture target architecture high-level design low-level design
            sequence diagram c4 threat model api design api contract openapi swagger sdk
            public api internal api pagination cursor rate limits quota multi-region
            region failover design review architecture review proposal structure skeleton
            extensible pluggable plugin interface abstraction layer separation of concerns
            hl7 fhir ecs entity component system inheritance node graph ros2 pub/sub publishes
            subscribe subscribers tenant isolation row-level security schema-per-tenant multi-tenant
            multi-currency double-entry wallets \
            saga sagas compensating backend-for-frontend bff out-of-process handshake two-stage re-rank coalescing fan-out fan-in synchronous asynchronous decouple decoupling",
        cues: &[
            r"\b(?:split|splits|splitting|separated?|separating|decoupled?|decoupling|carved? out|extracted?|extracting)\b[^.;]{0,30}?\b(?:into|from|out of)\b",
            r"\b(?:behind|via|through) (?:an?|the) (?:[a-z-]+ )?(?:api|interface|facade|gateway|queue|contract|abstraction|boundary)\b",
            r"\bso (?:that )?(?:[a-z0-9-]+ ){1,5}(?:can|could) (?:roll back|scale|be replayed|be reprocessed|fail over|evolve|be swapped)\b",
            r"\b(?:recommended|chose|picked|compared|evaluated) [a-z0-9.-]+(?:, [a-z0-9.-]+)* (?:and|vs\.?|versus|over|against) [a-z0-9.-]+",
        ],
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
            captain train releases go-live launch date cut line week weeks \
            pre-mortem premortem kickoff kick-off risk register mitigations owners
            re-platform replatform cutover plan go-live launch plan rollout plan staged
            canary phased rollout dark launch feature toggle slip slipped slippage new date
            revised date delay delayed delays re-scoped rescoped trade scope cut scope
            milestone plan project plan gantt roadmap item quarter plan commitments
            committed promised date dates on schedule behind schedule status update status
            report weekly update stakeholders informed raid log dependencies tracked
            unblocking chased follow-up followed up closed tickets throughput velocity
            story points estimate estimated t-shirt sizing spikes spike breakdown broke down
            work breakdown vertical slices slice thin slice mvp scope v1 first version
            shipped early delivered early hit the date made the date code freeze release
            candidate release notes release train app store review submission accessibility
            audit closed out backlog grooming refinement triage prioritised backlog
            cut list certification window release window launch window phased rollout slipped
            re-plan replanned \
            freeze freezes code-freeze handoff hand-off cutover rc1 go/no-go unblocked",
        cues: &[],
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
            page pages rotation rotations handover exhausted pool reconcile reconciliation \
            crashlytics sentry bugsnag crash-free crash rate crashes hotfix hotfixes
            hot-fix expedited game day gameday chaos engineering load test load-tested load
            testing soak test peak traffic black friday pre-scaled prescaled hpa vpa replicas
            patroni pgbouncer failover tested restore drill dr drill backup restore rto rpo
            incident commander incident response war room status page statuspage comms lead
            root-caused mitigated rollback rolled back revert reverted deploy freeze
            alert fatigue noisy alerts paging policy escalation policy burn rate burn-rate
            error rate latency p99 p95 saturation golden signals red metrics use metrics
            synthetic checks probes health check healthcheck liveness readiness probe
            etl dropped rows silently data quality freshness lag replication lag consumer lag
            disk full inode cron job cronjob scheduler node pool spot instances eviction
            evicted oomkilled crashloop crashloopbackoff pod pods kubectl argo argocd
            gitops flux vault kms iam least privilege waf ddos pentest pen test audit log
            soc2 compliance patch tuesday dependabot snyk trivy sbom image scanning
            cve cves openssl eks gke aks k8s kubernetes upgrade heartbeat fleet auto-ticket trace ids
            propagate propagation circuit breaker failed open cutover runbook dry-run dry-runs \
            drain draining drained failover autoscale autoscaling right-size right-sized rightsizing spend restored mitigation mitigated reschedule rescheduled smoke overloaded scraper throttle throttling ilm",
        cues: &[],
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
            timezone timezones updates status \
            pm pms prd prds acceptance criteria qa team loom walkthrough walkthroughs
            consultant in the loop kept informed reached out merged efforts shared package
            cross-functional partner team partner teams counterpart counterparts liaised
            liaison ops team customer success cs team support team sales engineers product
            designer ux writer researcher research sessions user interviews clinicians
            doctors nurses teachers operators field team warehouse drivers agents
            time zones async async updates written updates faq explainer plain-language
            summary summarised summarized translated translating explained to non-technical
            handover doc onboarding doc for another team walkthrough session demo day
            bug bash bugbash office hours for another team joint session mob session
            reviewed their prs code reviews for another team unblocked another team
            integration partner external partner vendor call api consumers consumers
            feedback loop shared channel escalations from support
            mock server glossary localisation localization translation account managers
            heads-up advance notice figma storybook
            firmware team finance team changelog integrator integrators \
            co-wrote co-authored jointly joint liaison syncs buy-in integrators",
        cues: &[
            r"\b(?:the|their|with|for|from|and|other) (?:[a-z0-9&/-]+ ){1,2}teams?\b",
            r"\b(?:with|for|from) (?:the |our |their |a |an )?(?:designers?|ux|pms?|product managers?|product|analytics|analysts|data scientists?|qa|testers|security|legal|finance|support agents?|support|sales|marketing|partners?|vendors?|agency|studio|stakeholders|devrel|l10n|localisation|localization|compliance|dpo|clinicians|physicists|scientists|researchers|ops|it)\b",
            r"\b(?:ping me|lmk|let me know|happy to (?:jump on|pair|walk)|tags? the (?:[a-z0-9-]+ ){0,2}teams?|sat in on|shadowed)\b",
            r"(?:^|\s)@[a-z0-9][a-z0-9_-]*",
            r"\b(?:mediated|liaison|point of contact|go-between|bridge between)\b",
            r"\b(?:got|brought) both (?:[a-z-]+ )?(?:into|on|onto) (?:a |one )?(?:call|room|meeting)\b",
            r"\bagreed (?:a |the |on )?(?:contract|format|event names|names|interface|schema|spec|success metrics)\b",
            r"\b(?:both|two) (?:sides|leads)\b",
            r"\bweekly (?:sync|syncs|call|meeting) with\b",
        ],
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
            convention conventions copied forum followed agreement whole \
            aligned teams alignment across teams standard envelope standardisation
            standardization staff meeting architecture board review board design authority
            argued against pushed for made the case business case brought data convinced
            leadership got buy-in buy in secured funding funded headcount tech debt quarter
            roadmap slot put on the roadmap vp cto director level exec review exec summary
            memo one-pager position paper white paper rfc process adr process template
            became the template adopted by other teams adopted org-wide company-wide policy
            council chair chaired founded started the guild community of practice
            engineering principles golden path paved road tech radar blog post conference
            talk meetup talk podcast panel keynote workshop at conference open source
            maintainer upstream accepted upstream external talk internal talk all-hands demo
            lobbied negotiated across teams changed the plan plan changed reversed the
            decision steered
            essay options paper stalemate semantic conventions sig spec trunk-based
            pushed back test strategy deadlock \
            mandates mandate mandated engineering-wide championed champion guidance policy policies",
        cues: &[
            r"\b(?:every|all|each|both) (?:[a-z-]+ )?(?:teams|squads|services|orgs|product teams|engineering teams)\b",
            r"\b(?:across|throughout) (?:the |all |every )?(?:org|organi[sz]ation|company|engineering|department|teams|squads)\b",
            r"\b(?:adopted|used|followed) (?:by|across) (?:\d+|two|three|four|five|six|all|every|most)\b",
            r"\b(?:\d+|two|three|four|five|six|all|most) (?:other )?teams (?:now )?(?:use|using|adopted|follow|run|moved)\b",
            r"\bbecame (?:the )?(?:default|standard|norm|template)\b",
            r"\b(?:got|getting|get) (?:[a-z-]+ )?(?:and [a-z-]+ )?(?:to agree|to adopt|to standardi[sz]e|to switch|to drop|on board|behind it)\b",
            r"\b(?:my|her|his|their|our) (?:recommendation|proposal|write-up|writeup|rfc|position|argument|comments?|options doc|strategy) (?:became|was adopted|changed|is now|kicked off|led to)\b",
            r"\b(?:they|leadership|execs?|directors?|the (?:org|company|vp|cto|board)) (?:chose|picked|went with|decided|approved)\b",
            r"\b(?:talk|keynote|spoke|speaking|presented) (?:at|to) (?:the )?(?:[a-z0-9-]+ ){0,2}(?:kubecon|gophercon|pycon|conf|conference|summit|meetup|execs|directors|eng org|whole)\b",
            r"\b(?:represented|represent|representing) (?:the |our )?(?:company|org|organi[sz]ation|team) (?:in|at|on)\b",
            r"\b(?:working group|review board|steering committee|architecture board|tsc|arch council|architecture council|steering)\b",
            r"\b(?:fosdem|rustconf|kubecon|gophercon|pycon|jsconf|strange loop|qcon|devoxx|amia|devroom|eng summit|engineering summit)\b",
            r"\b(?:made|making) the case (?:to|for)\b|\b(?:won|secured|got) (?:the )?(?:budget|funding|headcount)\b",
            r"\b(?:set|sets|setting) how (?:the )?(?:whole )?(?:org|company|team|teams|engineering)\b|\bcited (?:in|by)\b",
            r"\b(?:represented|representing) (?:us|the company|the org)\b",
        ],
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
            clinic lunch-and-learn office hours levelled leveled confidence \
            club debugging club reading group book club workshop for juniors exercises
            student students gsoc outreachy learners newcomers newer folks new joiners
            apprentices bootcamp grads career changers taught them walked her through walked
            him through explained why instead of fixing it myself let her own let him own
            by himself by herself on their own independently grew into stretch assignment
            stretch project delegated sponsor sponsored promotion case growth plan
            development plan career conversations feedback sessions gave feedback 1:1s
            one-to-ones coaching sessions practice talk rehearsal dry run mock interview
            mock interviews interview panel interview training calibrated interviewers
            hiring committee take-home question bank rubric onboarding plan onboarding buddy
            first pr first on-call shadow shifts reverse shadow pair programming with junior
            learning path study plan kata katas brown bag tech talk for the team
            course courses time-to-first-pr time to first pr structured feedback
            lunch-and-learn intern interns shadow rotation promo case \
            apprentices apprenticeship narrating debrief debriefs bug-hunting exercises exercise",
        cues: &[
            r"\b(?:his|her|their) (?:first|own) (?:pr|prs|pull request|release|releases|design|incident|on-call|shift|talk|rfc|feature|project)\b",
            r"\b(?:grew|grown|growing|brought|took|walked|guided|coached) (?:\w+ ){0,2}(?:into|through)\b",
            r"\brather than (?:me )?(?:answering|fixing|doing|writing|telling)\b",
            r"\b(?:new joiners?|new hires?|newcomers|apprentices|interns|juniors|graduates|grads)\b",
            r"\b(?:ran|run|running|gave|taught|led|held) (?:a |an |the |my )?(?:[a-z0-9'-]+ ){0,4}?(?:workshop|course|series|sessions?|brown-bag|class|classes|training)\b[^.;]{0,40}?\bfor (?:the |my |our |a )?(?:[a-z-]+ ){0,2}?(?:team|engineers|analysts|cohort|folks|people|juniors|grads|agents|newer)\b",
            r"\b(?:through|on) (?:their|his|her) first\b",
            r"\b(?:instead of|rather than) (?:taking (?:it|the keyboard)|writing it|doing it|fixing it|answering)\b|\bdidn't take the keyboard\b|\bquestions rather than\b",
            r"\b(?:found|fixed|reasoned|worked) (?:[a-z-]+ ){0,3}?(?:themselves|himself|herself)\b",
            r"\b(?:got|were|was) promoted\b",
        ],
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
            subscriptions qoq yoy contract contracts sales \
            fraud chargeback chargebacks false declines decline rate approval rate
            rpm cpm ecpm holdout control group uplift significant statistically paid seats
            seats free tier tier tiers trial trials trial-to-paid upsell cross-sell ltv cac
            gmv aov bookings orders order volume basket size cart abandonment conversion rate
            sign-up rate activation rate time to value onboarding completion drop-off
            funnel step bounce rate dau mau wau stickiness engagement session length
            watch time listening time ratings app store rating reviews star rating nps score
            csat score ticket volume contact rate deflection self-serve cost per cost savings
            aws bill cloud bill bigquery bill spend reduction rightsizing reserved instances
            savings plan dollars per month per month saved per year revenue impact
            willingness to pay pricing page paywall monetisation monetization discovery
            user research usage data analytics dashboard product analytics amplitude mixpanel
            looker experiment results shipped to customers customer feedback feature gap
            lost deals won deals churned customers enterprise customers
            cancelled cancellations cancelling win-back winback k-factor referral referrals
            rice 7-day retention 30-day retention
            day-7 day-30 revenue at risk time studies renewal 1-star reviews battery drain gpu spend
            fake-door \
            usability usability-test research residents patients creators dispatchers shoppers riders time-to-find interleaving ndcg ctr",
        cues: &[
            r"\b\d+(?:\.\d+)?\s?%\s+(?:of\s+)?(?:new\s+)?(?:users|customers|signups|sessions|orders|uploads|visitors|patients|merchants|riders|shoppers|buyers|sellers|members)\b",
            r"\b(?:conversion|retention|revenue|churn|activation|engagement|nps|csat|signups|bookings|gmv|arpu)\b[^.;]{0,25}?\b(?:up|down|from|rose|fell|grew|dropped|increased|decreased|lifted|improved)\b",
            r"[$\u{20ac}\u{a3}]\s?\d[\d,.]*\s?(?:k|m|mm|million)?\b",
            r"\b(?:minutes?|mins?|hours?|seconds?|days?)\b[^.;]{0,12}?\bper (?:ticket|patient|user|customer|order|agent|request|booking|shift|case|claim|visit)\b",
            r"\bper (?:inspector|clinician|driver|farmer|nurse|teacher|student|learner|broker|adjuster|agent|shopper|merchant|rider|player|customer|user|patient) per (?:day|week|month|shift)\b",
            r"\b(?:retention|renewals?|renewed|churn|uptake|active (?:users|farmers|customers|players|drivers|patients)|bookings|orders|completions)\b[^.;]{0,30}?\b(?:up|down|from|rose|fell|grew|dropped|\d+(?:\.\d+)?\s?x)\b",
            r"\b(?:top|#1|number one|biggest) (?:[a-z-]+ )?(?:request|complaint|churn reason|reason)\b",
            r"\b(?:open|click|conversion|retention|churn|bounce|completion|adoption|no-show|show-up|renewal) rates?\b",
        ],
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
