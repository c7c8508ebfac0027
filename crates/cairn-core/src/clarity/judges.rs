//! Evidence stated as who judges and what they would do, beyond the phrasings of
//! `EVIDENCE`: a judge named by role or by name ("my lead backs me at calibration", "if Ana
//! and my EM both think I can carry the rotation"), a call that is someone's ("it's her
//! call"), and outcomes that can be seen to happen ("once two of them
//! land upstream", "DX satisfaction up 15 points").

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::re;

/// What a judge does when judging, after the judge: "backs me", "thinks I can", "rates my
/// handling", "signs me off", "will tell me whether", "opens a transfer".
const JUDGING: &str = r"(?:backs?|backing|rates?|rate|said (?:that )?(?:if|once|when)|says? (?:that )?(?:if|once|when)|makes? the call|make the call|approves?|approve|decides?|decide|confirms?|confirm|judges?|judge|vouch(?:es)?|nods?|nominates?|nominate|promotes?|promote|signs? (?:me |him |her |them |it )?off|sign (?:me |him |her |them |it )?off|signing (?:me |him |her |them )?off|tells? me|tell me|opens? (?:a|the) transfer|open (?:a|the) transfer|takes? (?:me|him|her|them)|take (?:me|him|her|them))";

/// What a judge thinks, which is a criterion only as a condition: "if my EM thinks I can",
/// not "our architect thinks it's a good fit".
const OPINION: &str = r"(?:thinks?|think|believes?|believe|says?|say|agrees?|agree|feels?|feel)";

/// Who judges, by role.
const JUDGE: &str = r"(?:manager|mgr|lead|em|tl|director|skip|skip-level|panel|committee|mentor|boss|vp|head|sponsor|architects?|staff engineers?|principals?)s?";

/// A judge by role, then what they do within the clause.
static ROLE_JUDGES: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{JUDGE}\b[^.;?]{{0,30}}?\b{JUDGING}\b|\b(?:if|once|when|until|unless)\b[^.;?]{{0,30}}?\b{JUDGE}\b[^.;?]{{0,20}}?\b{OPINION}\b"
    ))
});

/// A pronoun standing for the judge, with what they will do: "she'll tell me in December".
static PRONOUN_JUDGES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:she|he|they)(?:'ll| will| would|'d) (?:open (?:a|the) transfer|tell me|take me|sign (?:me |it )?off|approve|decide|rate me|nominate me|promote me|back me|vouch)\b",
    )
});

/// Other evidence families: a call that is someone's, what one would point to, knowing it worked, an approval got, a metric moved by points, a review got through,
/// an outcome that can be seen to happen.
static JUDGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?:his|her|their|(?:my |the |our )?(?:manager|lead|director|skip|committee|panel|boss)'s) (?:call|decision)\b",
        r"|\b(?:is|are) what (?:i|we|she|he|they)(?:'d| would| will|'ll)? (?:point to|look for|show|use|cite)\b",
        r"|\bevidence (?:i|we|she|he|they)(?:'d| would| will|'ll)? (?:look|want|need|use|point)",
        r"|\bknow (?:it|that|this) (?:worked|works|landed|paid off|stuck)\b",
        r"|\b(?:want|need|get|getting) (?:the|my|our|his|her) (?:[a-z-]+ )?(?:panel|committee|manager|skip|skip-level|director|lead|board|mgr)s? to see\b",
        r"|\b(?:as|is|be|would be|will be) (?:a|the) (?:good |clear |strong |real )?sign\b",
        r"|\b(?:gets?|got|is|are) (?:formally )?(?:approved|signed off|accepted|ratified)\b",
        r"|\b(?:up|down) (?:by )?\d+(?:\.\d+)? ?(?:points|pts|pp|%|percent)\b",
        r"|\b(?:get|gets|got|getting|make it|makes it) through (?:that|this|their|his|her) (?:[a-z-]+ )?(?:review|panel|committee|loop)",
        r"|\b(?:if|when|once) (?:[a-z0-9'-]+ ){0,4}?(?:lands?|landed|gets? merged|(?:is|are) merged|makes? it (?:into|to) production|goes? live|go live|(?:gets?|is|are) adopted)\b",
        r"|\b(?:if|when|once) (?:the |my |our )?(?:[a-z-]+ ){0,3}?(?:selects?|select|accepts?|accept|approves?|approve|picks?|pick|grants?|grant|votes?|vote|invites?|invite) (?:my|me|the|it|them|him|her)\b",
        r"|\b(?:grants?|granting|gives?|giving) (?:me|him|her|them) (?:commit|merge|maintainer|write|admin) (?:access|rights|bit)\b",
        r"|\b(?:win|done|success|passing|goal met|finish line)\s*=",
        r"|\b(?:signs?|signing|signed) (?:me|him|her|them) off\b",
        r"|\b(?:checked|validated|tested|verified|reviewed) by (?:the |my |our |a |an )?(?:[a-z-]+ )?(?:lead|leads|manager|architects?|team|panel|committee|director|reviewers?|qa|peers)\b",
        r"|\b(?:confirmation|sign|signal|proof|evidence|test|check)s? (?:will be|would be|is|=) (?:when|if|once|that)\b",
        r"|\b(?:i've|i have|i'll have|she's|he's|they've) made it (?:if|when|once)\b",
        r"|\b(?:if|when|once)\b[^.;]{3,80}?, (?:i'm|i am|she's|he's|they're|we're) (?:there|done|ready)\b",
        r"|\b(?:fewer|less|more|under|over) than (?:\d+|one|two) (?:in|out of) \d+\b",
        r"|\b(?:i'll have|i've|i have|she'll have|he'll have|we'll have) succeeded (?:if|when|once)\b|\b(?:it's|it is|it'll be|that's) a success (?:if|when|once)\b",
        r"|\bcounts? (?:only )?(?:if|when|once)\b",
        r"|\bfrom ~?\d[\d,.]*%?(?:/[a-z]+)?(?: ?[a-z]{1,7})? to (?:under |below |over |above |~)?\d",
        r"|\b(?:target|goal|aim) (?:is|=|:) (?:fewer|less|under|below|above|over|at least|at most|more) (?:than )?\d",
        r"|\b(?:panel|committee|manager|mgr|lead|director|skip|skip-level|board)s? (?:sees?|saw) enough\b",
        r"|\b(?:\d+|two|three|four|five|several|other|both|all) (?:other )?(?:teams|squads|people|engineers|devs|developers|orgs|customers|users) (?:actually |now )?(?:ask|asks|asking|come to|use|using|adopt|adopting|rely on|depend on|request|running on|run on|on it)\b",
        r"|(?:^|[\s(])[+\u{2212}-]\d+(?:\.\d+)? ?(?:%|pp|points|pts)",
        r"|\b(?:rate|rates|rated|rating) (?:it|them|me|my [a-z]+|the [a-z]+) (?:as )?(?:useful|helpful|good|clear|positive|high|highly|excellent|[0-9])",
        r"|\b(?:at least|more than) (?:\d+|two|three|four|five) (?:'[a-z]+' |\x22[a-z]+\x22 |[a-z]+ )?(?:ratings|votes|approvals|offers|yeses)\b",
        r"|\b(?:manager|mgr|lead|tl|em|skip|director|panel|committee|mentor|architect)s?(?:'s)? (?:would |will |to |can )?(?:reviews?|checks?|signs? off on|approves?) (?:it|them|the|my|his|her|their|our)\b",
        r"|\b(?:as )?measured (?:in|on|at|through)\b|\b(?:i'd|i would|i'll|we'll|we'd|we will|i will) measure (?:it|this|that|progress|success) (?:by|with|through|in)\b",
        r"|(?:^|\n|[.;] )\s*(?:the )?(?:outcome|result)s?(?: i'd want| i want| we want| wanted)?\s*[:=]",
        r"|\b(?:down|up|cut|reduced|lower|higher|drop|drops|fall|falls|shrink|shrinks|decrease|decreases|increase|increases|rise|rises|grow|grows) by (?:a third|a half|half|a quarter|two thirds)\b",
        r"|\b(?:manager|mgr|lead|tl|em|skip|director|cto|vp|head|architects?|committee|panel)\b[^.;]{0,20}?\bvalidates?\b",
        r"|\b(?:that|which) (?:the |other |our )?(?:[a-z-]+ )?(?:teams?|on-call|people|engineers|support) (?:actually )?(?:uses?|adopts?|runs on|depends on|relies on)\b",
        r"|\b(?:which|that) (?:the |my |our )?(?:[a-z-]+ )?(?:architects?|leads?|reviewers?|managers?|panel|committee|board) (?:will|would) (?:review|approve|sign off)\b",
        r"|\b(?:get|getting|have|having) (?:both|all|each|all three|the two) (?:[a-z-]+ )?(?:approved|accepted|signed off|merged|adopted)\b",
        r"|\b(?:evaluation|assessment|judgement|judgment|decision|verdict) (?:will be |is |would be )?(?:done |made |given )?(?:by|from) (?:the|my|our|a|an)\b",
        r"|\b(?:goal|objective|it|this)(?: is|'s| will be) (?:reached|achieved|met|accomplished|done|complete) (?:when|once|if)\b",
        r"|\b(?:a )?(?:successful|good) outcome (?:would be|is|will be)\b",
        r"|\b(?:manager|mgr|lead|director|skip|boss|vp|cto)s?\b[^.;]{0,20}?\bpromis(?:e|es|ed) (?:to|me|that)\b",
        r"|\b(?:organi[sz]ers?|maintainers|reviewers|program committee|cfp committee)\b[^.;]{0,20}?\b(?:says? yes|said yes|accepts?|accepted|selects?|selected|approves?|approved)\b",
        r"|\b(?:zero|no) (?:[a-z-]+ ){0,2}?(?:downtime|data loss|rollbacks)\b",
        r"|\b(?:land|get|receive|have|with) (?:an|a|at least one|one|two|\d+) (?:[a-z-]+ ){0,2}?offers?\b",
    ))
});

/// What follows a person's name when they judge: "rates my handling", "and my EM both
/// think", "said if".
static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:'s)?(?:\s+(?:and|or|&)\s+(?:my |our |the )?[a-z-]+)?(?:\s+(?:both|also|really|actually|then))?\s+(?:(?:will|would|should|can|could|must|'ll|'d)\s+)?(?P<act>{JUDGING}|{OPINION})\b"
    ))
});

/// "lead" as a verb with its object: "lead the rewrite", "lead 2 incidents".
static LEAD_AS_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(r"^leads? (?:the|a|an|our|my|this|that|\d+|one|two|three|four|five)\b"));

static OPINION_ONLY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{OPINION}$")));
static CONDITION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:if|once|when|until|unless)\b[^,]*$"));

/// The evidence phrases found in a statement, each with where it starts in `lower`;
/// `original` is the statement as written (its capitals tell names), `lower` the normalised
/// text the other patterns read.
pub(super) fn judgements(original: &str, lower: &str) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = [&*PRONOUN_JUDGES, &*JUDGEMENT]
        .into_iter()
        .flat_map(|re| re.find_iter(lower))
        .map(|m| (m.start(), m.as_str().to_owned()))
        .collect();
    // "lead the checkout rewrite, my mgr signs off": a judge word used as a verb is the
    // rep, and the judge is looked for after it.
    let mut at = 0;
    while let Some(m) = ROLE_JUDGES.find_at(lower, at) {
        if LEAD_AS_VERB.is_match(m.as_str()) {
            at = m.start() + "lead".len();
        } else {
            found.push((m.start(), m.as_str().to_owned()));
            at = m.end();
        }
    }
    for name in names(original) {
        let pattern = re(&format!(r"\b{}\b", regex::escape(&name)));
        for m in pattern.find_iter(lower) {
            let Some(cap) = AFTER_NAME.captures(&lower[m.end()..]) else {
                continue;
            };
            let (Some(whole), Some(act)) = (cap.get(0), cap.name("act")) else {
                continue;
            };
            let clause = lower[..m.start()]
                .rsplit(['.', ';', '?', '!'])
                .next()
                .unwrap_or("");
            if !OPINION_ONLY.is_match(act.as_str()) || CONDITION.is_match(clause) {
                found.push((
                    m.start(),
                    lower[m.start()..m.end() + whole.end()].to_owned(),
                ));
            }
        }
    }
    found
}

/// The people named in a statement, lowercased: capitalised words inside a sentence that
/// are not "I", a month or a day, and not written all in capitals (EM, SRE).
fn names(original: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut sentence_start = true;
    for raw in original.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let word = word.strip_suffix("'s").unwrap_or(word);
        let mut chars = word.chars();
        let is_name = !sentence_start
            && chars.next().is_some_and(char::is_uppercase)
            && word.len() > 1
            && chars.all(char::is_lowercase)
            && !is_calendar_word(word);
        if is_name && !names.iter().any(|n| n.eq_ignore_ascii_case(word)) {
            names.push(word.to_lowercase());
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':', ';']) || raw.starts_with(['-', '*']);
    }
    names
}

fn is_calendar_word(word: &str) -> bool {
    const WORDS: [&str; 19] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(text: &str) -> Vec<(usize, String)> {
        judgements(text, &text.to_lowercase())
    }

    #[test]
    fn a_judge_named_by_role_or_by_name_counts_when_they_judge() {
        for text in [
            "Lead the cache rewrite; if Priya and my EM both think I can run the rota, done.",
            "Maybe next year, once Tomasz rates the design as solid.",
            "The platform lead backs me at the spring calibration.",
            "I'd want the promo panel to see two designs of mine in production.",
            "My manager will make the call in December.",
            "She'll tell me in March whether I'm in.",
            "After the offsite Li said that if the two RFCs land, I'm in.",
            "Tech lead by June, lead the checkout rewrite, my mgr signs off.",
        ] {
            assert!(!judged(text).is_empty(), "{text}");
        }
        for text in [
            "I pair with Priya on the cache rewrite.",
            "In March I will lead the migration.",
            "Tomasz and I ship the billing service.",
            "Our architect thinks it's a good fit for Ana, who says it's fine.",
            "Lead the checkout rewrite and sign off the release notes.",
        ] {
            assert!(judged(text).is_empty(), "{text}: {:?}", judged(text));
        }
    }

    #[test]
    fn calls_feedback_pointers_and_visible_outcomes_count() {
        for text in [
            "Really it's my director's call.",
            "Two shipped features are what I'd point to.",
            "I'll know it worked when the rota runs without me.",
            "Only once the proposal gets approved.",
            "Onboarding satisfaction up 12 points.",
            "If it gets through that design review untouched.",
            "Once three of the patches land upstream.",
            "If the program committee select my talk, it is a success.",
            "KR3: existing maintainers grant me commit access",
            "win = 3 squads using it",
            "shadow 3 incidents, then run 2 with a senior IC signing me off",
            "2 other teams ask me for reviews",
            "ship the ranking model, CTR +2% in the A/B test",
            "juniors rate it useful in the survey",
            "get at least 3 'hire' ratings",
            "mgr reviews the postmortems",
            "Result will be checked by team lead and architect.",
            "The confirmation will be when the director makes the announcement.",
            "I'd say I've made it if the team stops paging me.",
            "If the drill goes clean and they route their pages to me, I'm there.",
            "the goal is fewer than 1 in 10 of the PRs I approve needing a fix",
            "I hope by the next cycle the panel sees enough to move me to senior.",
            "Ship faster by mid-year, as measured in my next perf rating.",
            "Outcome I'd want: pages per engineer per week down by a third.",
            "The evaluation will be done from the architects group of the company.",
            "The goal is reached when the core team gives me the role.",
            "A successful outcome would be an offer with relocation support.",
            "When I pass both, my manager promise to change my title.",
            "Give a talk in October; organisers said yes if the abstract's good.",
        ] {
            assert!(!judged(text).is_empty(), "{text}");
        }
        // Feedback asked for is a rep as often as a criterion: writers disagree, so it is
        // left to the phrasings that name who judges.
        assert!(judged("I'll ask my squad for feedback and grow.").is_empty());
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        assert_eq!(
            names("In May I asked Ana. Then Bo's lead, and the SRE team, said no."),
            ["ana", "bo"]
        );
    }
}
