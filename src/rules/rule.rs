//! The rule trait: what a rule implements to take part in the file pass or the project pass.

use crate::analysis::context::{FileContext, ProjectContext};
use crate::base::diagnostic::Diagnostic;
use crate::base::meta::RuleMeta;

/// A lint rule. Both passes are optional: most rules use one.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// Runs once per linted file, in parallel across files.
    fn check_file(&self, _cx: &FileContext<'_>, _out: &mut Vec<Diagnostic>) {}

    /// Runs once per mini-program, after every file has been loaded.
    fn check_project(&self, _cx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {}
}
