//! Text in and out: a file's bytes as text (the one place that decides what Cairn can read,
//! UTF-8 with or without a byte-order mark, and says precisely why it cannot read the
//! rest), text fitted to what a record may hold, and counts written as words.

/// Why bytes are not readable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Line and column (from 1) of the first bad byte, when there is one.
    pub at: Option<(usize, usize)>,
    /// What is wrong and what to do.
    pub message: String,
}

/// The text of a file, or why it is not text: empty, UTF-16, not UTF-8, or binary.
pub fn decode(bytes: &[u8]) -> Result<&str, Unreadable> {
    let fail = |at, message: String| Err(Unreadable { at, message });
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return fail(
            None,
            "the file is UTF-16 text; save it as UTF-8 and import it again".into(),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = e.valid_up_to();
            let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
            return fail(
                Some(line_and_column(before, good)),
                format!(
                    "the file is not UTF-8 text (byte 0x{:02X} here); save it as UTF-8",
                    bytes[good]
                ),
            );
        }
    };
    if let Some(offset) = text.find('\0') {
        return fail(
            Some(line_and_column(text, offset)),
            "the file holds binary data, not text".into(),
        );
    }
    if text.trim().is_empty() {
        return fail(None, "the file is empty".into());
    }
    Ok(text)
}

/// The line and column (from 1, in characters) of a byte offset into `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    )
}

/// `text` cut to at most `max` characters, the last of them an ellipsis when it was cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(max.saturating_sub(1)).collect();
    kept.truncate(kept.trim_end().len());
    kept.push('…');
    kept
}

/// A title fitted to `max` characters and the body to go with it: when the title had to be
/// clipped, the whole of it opens the body, so nothing the source said is lost.
pub fn fit_title(title: &str, body: &str, max: usize) -> (String, String) {
    let clipped = clip(title, max);
    if clipped == title {
        (clipped, body.to_owned())
    } else if body.trim().is_empty() {
        (clipped, title.to_owned())
    } else {
        (clipped, format!("{title}\n\n{body}"))
    }
}

use crate::invalid::is_plain;

/// `text` with the control characters a record may not hold taken out
/// ([`crate::invalid::check_plain`]): `\r\n` and a lone `\r` become newlines, the rest go.
/// Imports pass what a file says through this, so a stray escape in a commit message never
/// makes a store that will not restore.
pub fn plain(text: &str) -> String {
    if text.chars().all(is_plain) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `\r\n` keeps its newline; a lone `\r` becomes one.
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            c if is_plain(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// The 64-bit FNV-1a hash of `bytes`: stable across builds and platforms, which std's
/// hasher is not, so it can name a record in a key that must not change between imports.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A competency's name as it reads inside a sentence: "System design" and "Planning and
/// Organising" as "system design" and "planning and organising"; acronyms ("API", "SRE")
/// keep their capitals.
pub fn in_sentence(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let acronym = word.chars().count() > 1 && word.chars().all(char::is_uppercase);
        out.push_str(&if acronym {
            std::mem::take(word)
        } else {
            std::mem::take(word).to_lowercase()
        });
    };
    for c in name.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `n` with its noun, singular or plural: "1 group", "3 groups".
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_in_a_sentence_without_their_title_case_but_with_their_acronyms() {
        assert_eq!(in_sentence("System design"), "system design");
        assert_eq!(
            in_sentence("Planning and Organising"),
            "planning and organising"
        );
        assert_eq!(
            in_sentence("Problem Solving & Decision Making"),
            "problem solving & decision making"
        );
        assert_eq!(in_sentence("API design"), "API design");
        assert_eq!(in_sentence("SRE-ready operations"), "SRE-ready operations");
    }

    #[test]
    fn clips_with_an_ellipsis_and_keeps_short_text_whole() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("exactly10!", 10), "exactly10!");
        assert_eq!(clip("fix: a very long subject", 10), "fix: a ve…");
        assert_eq!(clip("fix:     spaces", 10), "fix:…");
        assert_eq!(clip("ééééééé", 4).chars().count(), 4);
    }

    #[test]
    fn plain_text_loses_controls_but_keeps_lines_and_tabs() {
        assert_eq!(plain("a\r\nb\rc\td"), "a\nb\nc\td");
        assert_eq!(plain("\u{1b}[31mred\u{7}\0"), "[31mred");
        assert_eq!(plain("naïve ✓"), "naïve ✓");
        assert_eq!(
            crate::invalid::check_plain("x", &plain("\u{9b}\u{1}ok\r")),
            Ok(())
        );
    }

    #[test]
    fn says_why_bytes_are_not_text() {
        assert_eq!(decode(b"\xEF\xBB\xBFkey,x\n"), Ok("key,x\n"));
        assert!(
            decode(b"\xFF\xFEk\0")
                .unwrap_err()
                .message
                .contains("UTF-16")
        );
        let latin1 = decode(b"a,b\nCaf\xE9\n").unwrap_err();
        assert_eq!(latin1.at, Some((2, 4)));
        assert!(latin1.message.contains("0xE9"));
        assert_eq!(decode(b"ab\0").unwrap_err().at, Some((1, 3)));
        assert_eq!(decode(b" \n").unwrap_err().message, "the file is empty");
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(count(1u32, "group", "groups"), "1 group");
        assert_eq!(count(0u32, "entry", "entries"), "0 entries");
    }
}
