//! What rules see: a parsed file with its facts, or (in the project pass) the whole mini-program.

use crate::data::RuleData;
use crate::js::facts::JsFacts;
use crate::json::JsonDoc;
use crate::source::{FileId, SourceFile};

/// A file's parsed form. Scripts keep only their facts: the syntax tree is dropped after the one
/// traversal that extracts them.
#[derive(Debug)]
pub enum Content {
    Script(JsFacts),
    Json(JsonDoc),
    /// The file could not be parsed; a `parse-error` was reported for it.
    Unparsed,
}

/// The file pass's view of one file.
pub struct FileContext<'a> {
    pub id: FileId,
    pub source: &'a SourceFile,
    pub content: &'a Content,
    pub data: &'a RuleData,
}

impl FileContext<'_> {
    pub fn script(&self) -> Option<&JsFacts> {
        match self.content {
            Content::Script(facts) => Some(facts),
            _ => None,
        }
    }
}
