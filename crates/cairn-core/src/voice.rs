//! Who reads a judgement: the engineer about themselves, their manager about a named
//! report, or a third party (a promotion committee, a new manager) about a named engineer.
//! Text Cairn writes is addressed to its reader: a manager reads "Maya's own view is higher
//! than yours", never "your manager".

/// The reader of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice<'a> {
    /// The engineer, about themselves.
    Engineer,
    /// The manager, about the named report.
    Manager(&'a str),
    /// Anyone else, about the named engineer.
    Committee(&'a str),
}

impl Voice<'_> {
    /// Whose: "your" or "Maya's".
    pub fn whose(self) -> String {
        match self {
            Self::Engineer => "your".to_owned(),
            Self::Manager(name) | Self::Committee(name) => format!("{name}'s"),
        }
    }

    /// The manager's view, named for this reader.
    pub fn view(self) -> &'static str {
        match self {
            Self::Engineer => "your manager's view",
            Self::Manager(_) => "your view",
            Self::Committee(_) => "the manager's view",
        }
    }
}
