//! The outcome of a run, as every formatter receives it.

use std::path::PathBuf;

use serde::Serialize;

use super::summary::ProjectSummary;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Message;
use crate::base::messages;
use crate::base::source::{FileId, Position, SourceFile};
use crate::syntax::load::{Content, Problem};
use crate::syntax::suppress::Suppressions;

/// The rule a failure of ttlint itself is reported under.
const INTERNAL_ERROR: &str = "internal-error";

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
    /// Findings within the counts of the baseline (`ttlint-suppressions.json`), not reported.
    pub baselined: usize,
    /// Baseline entries that record more findings than this run found where it looked.
    #[serde(skip)]
    pub baseline_stale: usize,
    /// Source files not reachable from `app.json`, and so not linted.
    pub skipped: usize,
    /// Files of a framework's compiled output, next to its source (`unpackage/`, `dist/`).
    pub build_output: usize,
    /// Files that are not app code: configuration and Node scripts of the tooling around the app
    /// (`vue.config.js`), back-end code, mock data and tests.
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
    /// Not app code: a configuration or Node script of the tooling around the app, back-end
    /// code, mock data or tests (see `project::not_app`).
    Tooling,
    /// Built only for another platform.
    OtherPlatform,
    /// Named on the command line, but matches an ignore pattern.
    Ignored,
    /// Named on the command line, but of a kind ttlint does not read (`.ttss`, an image).
    NotRead,
}

impl SkipReason {
    /// Whether the file was named on the command line: the run says so as it starts, since
    /// someone asked for it.
    pub fn named(self) -> bool {
        matches!(self, Self::Ignored | Self::NotRead)
    }

    /// Why, in words: `--show-files` and the HTML report say the same thing.
    pub fn message(self) -> Message {
        match self {
            Self::Unreachable => messages::skipped_unreachable(),
            Self::BuildOutput => messages::skipped_build_output(),
            Self::Tooling => messages::skipped_tooling(),
            Self::OtherPlatform => messages::skipped_other_platform(),
            Self::Ignored => messages::skipped_ignored(),
            Self::NotRead => messages::skipped_not_read(),
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
    /// The rules that ran, by id: the baseline is pruned only where the run looked.
    pub rules: Vec<&'static str>,
    /// What the run read and the report does not need (see [`Unread`]).
    pub unread: Unread,
}

/// What a run read besides the files' text: each file's facts, template and suppressions, held
/// by the report rather than freed before it is written. A process that ends once its report is
/// out (the CLI) then leaves the freeing to the operating system: freeing a large app's facts
/// block by block was 0.8% of a run's instructions, and giving the memory back to the kernel
/// more beside. Dropping the report frees them, as usual.
#[derive(Default)]
pub struct Unread(pub Vec<(Content, Suppressions, Vec<Problem>)>);

impl std::fmt::Debug for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Unread({} files)", self.0.len())
    }
}

impl Report {
    /// Counts the findings again after some were taken out (the baseline, `--quiet`).
    pub fn recount(&mut self) {
        let count = |s: Severity| self.diagnostics.iter().filter(|d| d.severity == s).count();
        self.summary.errors = count(Severity::Error);
        self.summary.warnings = count(Severity::Warning);
        self.summary.infos = count(Severity::Info);
        self.summary.internal_errors = self
            .diagnostics
            .iter()
            .filter(|d| d.rule.id == INTERNAL_ERROR)
            .count();
    }

    /// `--quiet`: errors only, warnings and infos neither shown nor counted.
    pub fn keep_errors(&mut self) {
        self.diagnostics.retain(|d| d.severity == Severity::Error);
        self.recount();
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Start and end positions of a diagnostic.
    pub fn range(&self, d: &Diagnostic) -> (Position, Position) {
        let file = self.file(d.file);
        (file.position(d.span.start()), file.position(d.span.end()))
    }
}
