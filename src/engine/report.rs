//! The outcome of a run, as every formatter receives it.

use std::path::PathBuf;

use serde::Serialize;

use super::summary::ProjectSummary;
use crate::base::diagnostic::Diagnostic;
use crate::base::message::Message;
use crate::base::messages;
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
    /// Files of a framework's compiled output, next to its source (`unpackage/`, `dist/`).
    pub build_output: usize,
    /// Configuration and Node scripts of the tooling around the app (`vue.config.js`).
    pub tooling: usize,
    /// Files built only for other platforms (`index.weapp.tsx`, `platforms/mp-weixin/`).
    pub other_platforms: usize,
    /// Rules that failed on a file (a bug in ttlint): the run exits with code 2.
    #[serde(skip)]
    pub internal_errors: usize,
}

/// Why a file was not linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// Nothing in its mini-program reaches it (`--all-files` lints it).
    Unreachable,
    /// A framework's compiled output next to its source (`--include-build-output` lints it).
    BuildOutput,
    /// A configuration or Node script of the tooling around the app.
    Tooling,
    /// Built only for another platform.
    OtherPlatform,
}

impl SkipReason {
    /// Why, in words: `--show-files` and the HTML report say the same thing.
    pub fn message(self) -> Message {
        match self {
            Self::Unreachable => messages::skipped_unreachable(),
            Self::BuildOutput => messages::skipped_build_output(),
            Self::Tooling => messages::skipped_tooling(),
            Self::OtherPlatform => messages::skipped_other_platform(),
        }
    }
}

/// A file not linted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
}

/// Sorted diagnostics with the files they point into.
#[derive(Debug, Default)]
pub struct Report {
    /// Every file read: the linted ones and those read only to understand their project.
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Display paths of the files linted, and the files skipped with why.
    pub linted: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// Mini-programs the project pass ran over (their configuration could be read).
    pub project_passes: usize,
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
