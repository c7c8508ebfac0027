//! A document tree that remembers where each value was written, read from TOML or YAML, and
//! a reader over it that collects every problem (wrong type, missing or unknown field) with
//! its line and column instead of stopping at the first.

use marked_yaml::{LoaderOptions, Node as YamlNode, Span};

use super::{Place, Places, Problem};
use crate::Invalid;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// A value with the place it starts.
#[derive(Debug, Clone)]
pub struct Node {
    /// Where the value starts.
    pub at: Pos,
    /// The value; every scalar is kept as the text it was written as.
    pub value: Value,
}

/// The shapes a document value takes.
#[derive(Debug, Clone)]
pub enum Value {
    /// Keys (with their places) and values, in file order where the format keeps it.
    Map(Vec<(String, Pos, Node)>),
    /// A sequence.
    List(Vec<Node>),
    /// A string, number, boolean or date, as written.
    Text(String),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Self::Map(_) => "a table of fields",
            Self::List(_) => "a list",
            Self::Text(_) => "a single value",
        }
    }
}

/// Reads TOML into a tree, or the syntax error with its place.
pub fn from_toml(text: &str) -> Result<Node, Problem> {
    let table = toml::de::DeTable::parse(text).map_err(|e| {
        let at = e.span().map(|s| line_and_column(text, s.start));
        Problem::new(at, "", e.message().trim())
    })?;
    let at = line_and_column(text, table.span().start);
    Ok(toml_table(text, at, table.get_ref()))
}

fn toml_table(text: &str, at: Pos, table: &toml::de::DeTable<'_>) -> Node {
    let entries = table
        .iter()
        .map(|(k, v)| {
            let key_at = line_and_column(text, k.span().start);
            (k.get_ref().to_string(), key_at, toml_value(text, v))
        })
        .collect();
    Node {
        at,
        value: Value::Map(entries),
    }
}

fn toml_value(text: &str, value: &toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let at = line_and_column(text, value.span().start);
    let value = match value.get_ref() {
        DeValue::String(s) => Value::Text(s.to_string()),
        DeValue::Integer(i) => Value::Text(i.as_str().to_owned()),
        DeValue::Float(f) => Value::Text(f.as_str().to_owned()),
        DeValue::Boolean(b) => Value::Text(b.to_string()),
        DeValue::Datetime(d) => Value::Text(d.to_string()),
        DeValue::Array(items) => Value::List(items.iter().map(|v| toml_value(text, v)).collect()),
        DeValue::Table(table) => return toml_table(text, at, table),
    };
    Node { at, value }
}

/// Reads YAML (a mapping at the top) into a tree, or the syntax error with its place.
/// Anchors, tags and repeated keys are refused: a ladder has no use for them, and refusing
/// aliases keeps a small file from expanding into a huge one.
pub fn from_yaml(text: &str) -> Result<Node, Problem> {
    parse_yaml(text, LoaderOptions::default())
}

/// Reads YAML or JSON whose top is a list into a tree, as [`from_yaml`] reads a mapping.
pub fn from_yaml_list(text: &str) -> Result<Node, Problem> {
    parse_yaml(text, LoaderOptions::default().toplevel_sequence())
}

fn parse_yaml(text: &str, options: LoaderOptions) -> Result<Node, Problem> {
    let options = options.error_on_duplicate_keys(true);
    let root = marked_yaml::parse_yaml_with_options(0, text, options).map_err(|e| {
        use marked_yaml::LoadError;
        let (marker, message) = match &e {
            LoadError::TopLevelMustBeMapping(m) => (
                Some(*m),
                "the file must be a YAML mapping of fields".to_owned(),
            ),
            LoadError::TopLevelMustBeSequence(m) => {
                (Some(*m), "the file must be a list".to_owned())
            }
            LoadError::UnexpectedAnchor(m)
            | LoadError::MappingKeyMustBeScalar(m)
            | LoadError::UnexpectedTag(m) => (Some(*m), yaml_message(&e)),
            LoadError::ScanError(m, scan) => (Some(*m), scan.info().to_owned()),
            LoadError::DuplicateKey(keys) => (
                keys.key.span().start().copied(),
                format!("'{}' appears twice in the same mapping", keys.key.as_str()),
            ),
        };
        let at = marker.map(|m| Pos {
            line: m.line(),
            column: m.column(),
        });
        Problem::new(at, "", message)
    })?;
    Ok(yaml_node(&root))
}

/// The library's message without the place it prefixes (the problem carries that).
fn yaml_message(error: &marked_yaml::LoadError) -> String {
    let text = error.to_string();
    text.split_once(": ")
        .map_or(text.clone(), |(_, m)| m.to_owned())
}

fn yaml_pos(span: &Span) -> Pos {
    span.start().map_or_else(Pos::default, |m| Pos {
        line: m.line(),
        column: m.column(),
    })
}

fn yaml_node(node: &YamlNode) -> Node {
    let mut at = yaml_pos(node.span());
    let value = match node {
        YamlNode::Scalar(s) => Value::Text(s.as_str().to_owned()),
        YamlNode::Sequence(items) => Value::List(items.iter().map(yaml_node).collect()),
        YamlNode::Mapping(map) => {
            let entries: Vec<(String, Pos, Node)> = map
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), yaml_pos(k.span()), yaml_node(v)))
                .collect();
            // A block mapping is placed where its first key is written.
            if let Some((_, key_at, _)) = entries.first() {
                at = *key_at;
            }
            Value::Map(entries)
        }
    };
    Node { at, value }
}

/// The 1-based line and column of a byte offset.
pub fn line_and_column(text: &str, offset: usize) -> Pos {
    let (line, column) = crate::text::line_and_column(text, offset);
    Pos { line, column }
}

/// Walks a tree, collecting problems and the place of every value it maps into a ladder.
#[derive(Debug, Default)]
pub struct Reader {
    /// Every problem found so far.
    pub problems: Vec<Problem>,
    /// Where each ladder field came from.
    pub places: Places,
    /// True when an item could not be read at all, so the ladder lacks it.
    pub incomplete: bool,
    /// Whether the format is another organisation's, whose extra fields are noted as not
    /// kept rather than refused: a typo in Cairn's own format is a mistake, but a field
    /// another tool adds is just something Cairn has no use for.
    pub foreign: bool,
    /// The unknown fields of a foreign format, each with its place and path.
    pub not_kept: Vec<(Pos, String)>,
    /// What a foreign format's file spells loosely and was read anyway (a single value
    /// where a list belongs, a list where one value belongs), for the import report.
    pub warnings: Vec<Problem>,
}

/// A map's fields, checked against the names a format allows.
pub struct Fields<'n> {
    entries: &'n [(String, Pos, Node)],
    /// Where the map starts.
    pub at: Pos,
    /// The map's field path in the source.
    pub field: String,
}

impl<'n> Fields<'n> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, v)| v)
    }

    /// The path of `key` within this map.
    pub fn path(&self, key: &str) -> String {
        join(&self.field, key)
    }
}

/// Whether a scalar is YAML's way of writing nothing (`key:`, `~`, `null`).
pub fn is_null(text: &str) -> bool {
    matches!(text.trim(), "" | "~" | "null")
}

/// `text` ending as a sentence does.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?', ';', ':']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// `parent.key`, or `key` at the top.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

impl Reader {
    /// A reader for another organisation's format (see [`Reader::foreign`]).
    pub fn foreign() -> Self {
        Self {
            foreign: true,
            ..Self::default()
        }
    }

    /// Records a problem at `at`.
    pub fn fail(&mut self, at: Pos, field: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(Some(at), field, message));
    }

    /// Records a warning at `at`.
    pub fn warn(&mut self, at: Pos, field: &str, message: impl Into<String>) {
        self.warnings.push(Problem::new(Some(at), field, message));
    }

    /// Records that ladder field `ladder_field` was read from `field` at `at`.
    pub fn place(&mut self, ladder_field: String, at: Pos, field: &str) {
        self.places.insert(
            ladder_field,
            Place {
                at,
                field: field.to_owned(),
            },
        );
    }

    /// `node` as a map whose keys are all in `known`; unknown keys are reported with the
    /// nearest known one suggested.
    pub fn map<'n>(&mut self, node: &'n Node, field: &str, known: &[&str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.fail(
                node.at,
                field,
                format!("must be a table of fields, not {}", node.value.kind()),
            );
            return None;
        };
        for (key, key_at, _) in entries {
            if !known.contains(&key.as_str()) && self.foreign {
                self.not_kept.push((*key_at, join(field, key)));
            } else if !known.contains(&key.as_str()) {
                let hint = crate::closest::closest(key, known.iter().copied()).map_or_else(
                    || format!(" (known fields: {})", known.join(", ")),
                    |near| format!("; did you mean '{near}'?"),
                );
                self.fail(*key_at, &join(field, key), format!("unknown field{hint}"));
            }
        }
        Some(Fields {
            entries,
            at: node.at,
            field: field.to_owned(),
        })
    }

    /// The items of list `key`; a missing key is an empty list when `required` is false.
    pub fn list<'n>(&mut self, fields: &Fields<'n>, key: &str, required: bool) -> &'n [Node] {
        match fields.get(key) {
            Some(Node {
                value: Value::List(items),
                ..
            }) => items,
            // Another tool's `criteria:` with nothing under it is an empty list, and one
            // value written without a list around it is a list of one.
            Some(Node {
                value: Value::Text(text),
                ..
            }) if self.foreign && is_null(text) => &[],
            Some(
                node @ Node {
                    value: Value::Text(_),
                    at,
                },
            ) if self.foreign => {
                self.warn(
                    *at,
                    &fields.path(key),
                    "is a single value where a list belongs: read as a list of one",
                );
                std::slice::from_ref(node)
            }
            Some(node) => {
                let found = node.value.kind();
                self.fail(
                    node.at,
                    &fields.path(key),
                    format!("must be a list, not {found}"),
                );
                &[]
            }
            None => {
                if required {
                    self.fail(fields.at, &fields.path(key), "is missing");
                }
                &[]
            }
        }
    }

    /// The text of `key`; missing gives `None` (reported when `required`).
    pub fn text(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        required: bool,
    ) -> Option<(String, Pos)> {
        match fields.get(key) {
            Some(node) => self.scalar(node, &fields.path(key)).map(|t| (t, node.at)),
            None => {
                if required {
                    self.fail(fields.at, &fields.path(key), "is missing");
                }
                None
            }
        }
    }

    /// A node that must be a single value. In a foreign format a list of single values
    /// where one belongs is read as one text, each item a sentence, with a warning.
    pub fn scalar(&mut self, node: &Node, field: &str) -> Option<String> {
        match &node.value {
            Value::Text(text) => Some(text.clone()),
            Value::List(items)
                if self.foreign && items.iter().all(|i| matches!(i.value, Value::Text(_))) =>
            {
                self.warn(
                    node.at,
                    field,
                    "is a list where one value belongs: its items are read as one text",
                );
                let sentences: Vec<String> = items
                    .iter()
                    .filter_map(|i| match &i.value {
                        Value::Text(t) if !is_null(t) => Some(sentence(t.trim())),
                        _ => None,
                    })
                    .collect();
                Some(sentences.join(" "))
            }
            other => {
                let found = other.kind();
                self.fail(
                    node.at,
                    field,
                    format!("must be a single value, not {found}"),
                );
                None
            }
        }
    }

    /// Text parsed into a slug id (or any `FromStr` with an [`Invalid`] error).
    pub fn parse<T: std::str::FromStr<Err = Invalid>>(
        &mut self,
        text: &str,
        at: Pos,
        field: &str,
    ) -> Option<T> {
        match text.trim().parse() {
            Ok(value) => Some(value),
            Err(e) => {
                self.fail(at, field, e.message);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_trees_keep_places() {
        let toml = from_toml("a = 1\n[b]\nc = [\"x\", \"y\"]\n").unwrap();
        let yaml = from_yaml("a: 1\nb:\n  c:\n    - x\n    - y\n").unwrap();
        for (tree, line) in [(toml, 3), (yaml, 5)] {
            let mut reader = Reader::default();
            let top = reader.map(&tree, "", &["a", "b"]).unwrap();
            let b = reader.map(top.get("b").unwrap(), "b", &["c"]).unwrap();
            let items = reader.list(&b, "c", true);
            assert_eq!(items.len(), 2);
            assert_eq!(items[1].at.line, line, "{items:?}");
            assert!(reader.problems.is_empty());
        }
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_each_reported_with_a_hint() {
        let tree = from_yaml("nmae: x\nlevels: 3\n").unwrap();
        let mut reader = Reader::default();
        let top = reader.map(&tree, "", &["name", "levels"]).unwrap();
        reader.list(&top, "levels", true);
        let text: Vec<String> = reader.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "line 1, column 1: nmae: unknown field; did you mean 'name'?",
                "line 2, column 9: levels: must be a list, not a single value",
            ]
        );
    }

    #[test]
    fn syntax_errors_have_places() {
        let toml = from_toml("a = 1\nb = = 2\n").unwrap_err();
        assert_eq!(toml.at.map(|p| p.line), Some(2));
        let yaml = from_yaml("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(yaml.at.is_some(), "{yaml}");
        let twice = from_yaml("a: 1\na: 2\n").unwrap_err();
        assert!(twice.to_string().contains("'a' appears twice"), "{twice}");
    }
}
