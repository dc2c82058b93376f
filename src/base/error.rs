//! The error that stops a run before any finding is made: a bad argument, a bad `ttlint.json`, a
//! path that does not exist. It maps to exit code 2.
//!
//! It carries a catalogue [`Message`], not text, so that the command line can show it in the
//! run's language; it is rendered only when it is printed. Its `Display` is English, for logs,
//! panics and tests.

use std::fmt;

use super::message::{Catalogue, Lang, Message};

/// A problem that stops the run (exit code 2): bad config, bad arguments, unreadable paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    /// Where the problem is, as editors and terminals link it: `ttlint.json:3:5`. Not words,
    /// so the same in every language.
    place: Option<String>,
    message: Message,
}

impl UsageError {
    pub fn new(message: Message) -> Self {
        Self {
            place: None,
            message,
        }
    }

    /// A problem at a place in a file: shown as `<place>: <message>`.
    pub fn at(place: impl Into<String>, message: Message) -> Self {
        Self {
            place: Some(place.into()),
            message,
        }
    }

    pub fn message(&self) -> &Message {
        &self.message
    }

    /// The error in the catalogue's language.
    pub fn render(&self, catalogue: &Catalogue) -> String {
        let text = catalogue.render(&self.message);
        match &self.place {
            Some(place) => format!("{place}: {text}"),
            None => text,
        }
    }
}

impl From<Message> for UsageError {
    fn from(message: Message) -> Self {
        Self::new(message)
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Catalogue::shared(Lang::En)))
    }
}

impl std::error::Error for UsageError {}
