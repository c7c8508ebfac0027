//! Colour on terminals: verdicts and errors, written through `anstream`, which drops the
//! codes when the output is not a terminal, when `NO_COLOR` is set, or with `--color never`.

use anstyle::{AnsiColor, Style};

/// `--color`: when to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum When {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

impl When {
    /// Makes this the choice for every stream the process writes.
    pub fn apply(self) {
        let choice = match self {
            Self::Auto => anstream::ColorChoice::Auto,
            Self::Always => anstream::ColorChoice::Always,
            Self::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

/// A verdict's words, padded to `width` and coloured by what they mean: green for ready
/// (or holding), yellow for emerging or useful-not-ready, red for not yet, dim for unknown.
pub fn verdict(words: &str, width: usize) -> String {
    let colour = if words.starts_with("ready")
        || words.starts_with("holds")
        || words == "actionable"
    {
        Some(AnsiColor::Green)
    } else if words.starts_with("emerging") || words.starts_with("useful") || words == "directional"
    {
        Some(AnsiColor::Yellow)
    } else if words.starts_with("not yet") || words == "vague" {
        Some(AnsiColor::Red)
    } else {
        None
    };
    let style = match colour {
        Some(c) => Style::new().fg_color(Some(c.into())).bold(),
        None => Style::new().dimmed(),
    };
    format!("{style}{words:<width$}{style:#}")
}

/// "cairn: error:", in red.
pub fn error() -> String {
    let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    format!("{style}cairn: error:{style:#}")
}
