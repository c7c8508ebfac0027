//! Normalising a statement before matching: plain punctuation and likely typos of the
//! patterns' key words corrected.

/// Words the patterns rely on, for correcting likely typos ("becom", "yaer").
pub(super) const KEY_WORDS: &[&str] = &[
    "become",
    "senior",
    "principal",
    "engineer",
    "engineering",
    "manager",
    "management",
    "architect",
    "director",
    "leadership",
    "promotion",
    "promoted",
    "quarter",
    "months",
    "month",
    "years",
    "january",
    "february",
    "march",
    "april",
    "august",
    "september",
    "october",
    "november",
    "december",
    "summer",
    "spring",
    "autumn",
    "winter",
    "review",
    "evidence",
    "mentor",
    "mentoring",
    "present",
    "design",
    "write",
    "within",
    "before",
    "judged",
    "measured",
    "approval",
    "approved",
    "developer",
    "backend",
    "frontend",
    "staff",
    "year",
    "next",
];
/// Real words near a key word that must stay as written.
pub(super) const REAL_WORDS: &[&str] = &[
    "stuff",
    "staffs",
    "years",
    "yearn",
    "mentors",
    "seniors",
    "reviews",
    "writes",
    "designs",
    "presents",
    "months",
    "nexus",
    "write",
    "wrote",
    "white",
    "while",
    "quarters",
    "within",
    "manage",
    "managed",
    "manages",
    "engine",
    "engines",
    "directors",
    "became",
    "becomes",
    "promote",
    "promotes",
    "designer",
    "develop",
    "spring",
    "string",
    "strong",
    "review",
    "texts",
    "neat",
    "near",
    "text",
    "nest",
    "yeah",
    "dear",
    "fear",
    "gear",
    "hear",
    "wear",
    "tear",
    "month",
    "sprint",
    "sprints",
    "mentee",
    "mentees",
    "writer",
    "designs",
    "desire",
    "resign",
    "yearly",
    "nearly",
];

/// Lowercase, with curly quotes and dashes made plain, spaces collapsed (line breaks kept, as a
/// note's lines are its items), bullets and
/// markup dropped, and likely typos of the words the patterns use corrected.
pub(super) fn normalise(text: &str) -> String {
    let plain = text
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{2013}', '\u{2014}'], " - ")
        .replace(['\u{2192}', '\u{27f6}'], " -> ")
        .replace(['*', '_', '`', '•'], " ")
        .replace("tl;dr", "summary:")
        .replace("i am ", "i'm ")
        .replace("i will ", "i'll ")
        .replace("organisation", "organization")
        .replace("behaviour", "behavior");
    // Pictographs (emoji, arrows, check marks) stand between a note's parts.
    let plain: String = plain
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() && u32::from(c) >= 0x2190 {
                ';'
            } else {
                c
            }
        })
        .collect();
    plain
        .lines()
        .map(|line| {
            // A line drawn as an arrow ("→ improve my skills") is a bullet.
            let line = line.trim_start();
            let line = line.strip_prefix("->").map_or(line, |rest| rest);
            line.split_whitespace()
                .map(|w| {
                    // Shorthand keeps the punctuation it is written with: "yrs," is "years,".
                    let bare = w.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
                    shorthand(bare).map_or_else(
                        || corrected(w),
                        |long| format!("{long}{}", &w[bare.len()..]),
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Endings that make a word from another ("direction", "seniority", "mentorship").
const DERIVED_ENDINGS: [&str; 12] = [
    "tion", "sion", "ness", "ment", "ship", "ity", "able", "ible", "ful", "less", "ous", "ive",
];

/// The long form of a note's shorthand ("b4", "w/", "cmte", "eoy", "yr").
fn shorthand(word: &str) -> Option<&'static str> {
    Some(match word {
        "b4" => "before",
        "w/" => "with",
        "w/in" => "within",
        "w/o" => "without",
        "thru" => "through",
        "cmte" | "cmtee" => "committee",
        "eoy" => "the end of the year",
        "eoq" => "the end of the quarter",
        "yr" => "year",
        "ill" => "i'll",
        "im" => "i'm",
        "ive" => "i've",
        "yrs" => "years",
        "wk" => "week",
        "wks" => "weeks",
        "mo" | "mth" => "month",
        "mos" | "mths" => "months",
        _ => return None,
    })
}

/// A word as the patterns know it when it is a likely typo of one of their key words.
pub(super) fn corrected(word: &str) -> String {
    let core = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    // An inflection of a key word ("judge" of "judged", "engineers") is a real word, and
    // so is anything with an apostrophe ("year's").
    let inflected = KEY_WORDS.iter().any(|k| {
        ["s", "es", "ed", "d"]
            .iter()
            .any(|end| core.strip_suffix(end) == Some(k) || k.strip_suffix(end) == Some(core))
    });
    if core.len() < 4
        || inflected
        || core.contains('\'')
        || REAL_WORDS.contains(&core)
        || KEY_WORDS.contains(&core)
    {
        return word.to_owned();
    }
    // A slip of the keys is one edit, or two in a longer word; a word with a derivational
    // ending the key word lacks ("direction" beside "director") is a real word.
    let derived = DERIVED_ENDINGS
        .iter()
        .any(|end| core.ends_with(end) && core.len() > end.len() + 2);
    let near = crate::closest::closest(core, KEY_WORDS.iter().copied()).filter(|k| {
        let edits = crate::closest::distance(core, k);
        k.starts_with(&core[..1])
            && k.len().abs_diff(core.len()) <= 1
            && (edits <= 1 || edits == 2 && core.len() >= 7)
            && (!derived || DERIVED_ENDINGS.iter().any(|end| k.ends_with(end)))
    });
    match near {
        Some(k) => word.replacen(core, k, 1),
        None => word.to_owned(),
    }
}
