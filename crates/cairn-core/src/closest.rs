//! "Did you mean": the known word nearest to a mistyped one, when one is near enough to be
//! a likely typo rather than a different word.

/// The one candidate nearest to `typed`, ignoring case, if it is a likely typo: within a
/// third of the word's length in edits (a swap of two letters is one edit), or only a
/// difference of case for words shorter than three letters. A tie suggests nothing.
pub fn closest<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.to_lowercase();
    let length = typed.chars().count();
    let limit = if length < 3 { 0 } else { (length / 3).max(1) };
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for candidate in candidates {
        let d = distance(&typed, &candidate.to_lowercase());
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tied = true,
            _ => {
                best = Some((d, candidate));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

/// Edit distance in characters, counting a swap of neighbours as one edit.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: distance between the first i characters of a and the first j of b.
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_words_and_nothing_for_far_ones() {
        let known = ["senior-1", "senior-2-ic", "engineer"];
        assert_eq!(closest("senior-3", known.into_iter()), Some("senior-1"));
        assert_eq!(closest("Engineer", known.into_iter()), Some("engineer"));
        assert_eq!(closest("enginer", known.into_iter()), Some("engineer"));
        assert_eq!(closest("director", known.into_iter()), None);
        assert_eq!(
            closest("nmae", ["name", "levels"].into_iter()),
            Some("name")
        );
        assert_eq!(
            closest("N", ["A", "M"].into_iter()),
            None,
            "one letter is no evidence"
        );
        assert_eq!(closest("l3", ["L3", "L4"].into_iter()), Some("L3"));
        assert_eq!(
            closest("level-x", ["level-a", "level-b"].into_iter()),
            None,
            "a tie"
        );
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
