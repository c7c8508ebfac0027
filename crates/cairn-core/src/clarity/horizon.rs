//! Horizons: dates, months, quarters, cycles, spans and named events ahead, not
//! frequencies, the past or "someday".

use super::criteria::undecided_after_label;
use super::patterns::*;
use super::push;

/// The time frames in `lower`.
pub(super) fn horizons(lower: &str) -> Vec<String> {
    let mut horizon: Vec<String> = Vec::new();
    for m in HORIZON.find_iter(lower) {
        let sentence = lower[..m.start()]
            .rsplit(['.', ';', '?', '!', '\n'])
            .next()
            .unwrap_or("");
        // "I joined in 2022", "I've been here for four years": the past is no time frame.
        // "sometime in the next few years" puts off, not times.
        let put_off = ["sometime ", "some time ", "someday "]
            .iter()
            .any(|w| lower[..m.start()].ends_with(w));
        // "for 3 sprints straight" is a streak to keep, not a time frame.
        let streak = [" straight", " in a row", " running"]
            .iter()
            .any(|w| lower[m.end()..].starts_with(w));
        let past = PAST
            .find_iter(sentence)
            .last()
            .is_some_and(|p| !AHEAD.is_match(&sentence[p.end()..]));
        if !FREQUENCY.is_match(&lower[..m.start()]) && !past && !put_off && !streak {
            push(&mut horizon, m.as_str());
        }
    }
    for m in LABELLED_HORIZON
        .find_iter(lower)
        .filter(|m| !undecided_after_label(m.as_str()))
    {
        push(
            &mut horizon,
            m.as_str().trim_start_matches(['.', ';', ' ', '\n']),
        );
    }
    for cap in BARE_SPAN.captures_iter(lower) {
        if let Some(m) = cap.get(1)
            // "engineer, 6 years": experience is counted in years.
            && !(EXPERIENCE_BEFORE.is_match(&lower[..m.start()]) && m.as_str().contains("year"))
        {
            push(&mut horizon, m.as_str());
        }
    }
    horizon
}
