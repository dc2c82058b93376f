//! The outcome of a run, as every formatter receives it.

use std::path::PathBuf;

use serde::Serialize;

use super::summary::ProjectSummary;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::{FileId, Position, SourceFile};

/// Counts shown in the closing summary and in JSON output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings hidden by `ttlint-disable` comments.
    pub suppressed: usize,
    /// Source files not reachable from `app.json`, and so not linted.
    pub skipped: usize,
    /// Rules that failed on a file (a bug in ttlint): the run exits with code 2.
    #[serde(skip)]
    pub internal_errors: usize,
}

/// Sorted diagnostics with the files they point into.
#[derive(Debug, Default)]
pub struct Report {
    /// Every file read: the linted ones and those read only to understand their project.
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Display paths of the files linted, and of the source files skipped as unreachable.
    pub linted: Vec<String>,
    pub skipped: Vec<String>,
    /// The folder display paths are relative to (the working folder).
    pub root: PathBuf,
    /// Each mini-program page by page, when the run was asked to summarize
    /// ([`crate::engine::lint::LintOptions::summarize`]); empty otherwise.
    pub projects: Vec<ProjectSummary>,
}

impl Report {
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Start and end positions of a diagnostic.
    pub fn range(&self, d: &Diagnostic) -> (Position, Position) {
        let file = self.file(d.file);
        (file.position(d.span.start), file.position(d.span.end))
    }
}
