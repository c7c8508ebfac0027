//! Text in and out: a file's bytes as text (the one place that decides what Cairn can read,
//! UTF-8 with or without a byte-order mark, and says precisely why it cannot read the
//! rest), and counts written as words.

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

/// `n` with its noun, singular or plural: "1 group", "3 groups".
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

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
