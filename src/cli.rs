//! Command-line interface: argument definitions and the commands (`check`, `rules`, `explain`,
//! and `lsp`, which hands over to [`crate::lsp`]). `main.rs` only maps the outcome to an exit
//! code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::base::error::UsageError;
use crate::base::message::Lang;
use crate::base::vfs::Vfs;
use crate::engine::config::Config;
use crate::engine::lint::{self, LintOptions};
use crate::engine::report::Report;
use crate::output::{self, Format, Style};
use crate::project::discover::normalize;
use crate::rules;

const ABOUT: &str = "Compliance linter for Douyin (抖音) mini-programs.

Finds what gets a submission rejected or its payment capability banned: the offline tt.pay API, \
cash payment for virtual goods on iOS, traffic drained to WeChat and other platforms, and trade \
pages without Douyin IM customer service. Each finding names the file, line and platform rule.";

const AFTER_HELP: &str = "Examples:
  ttlint                          lint the mini-program in the current folder
  ttlint check path/to/app        the same for another folder (`check` is optional)
  ttlint pages/pay/pay.js         lint one file, with its project around it
  ttlint --format json > out.json machine-readable output for editors and scripts
  ttlint rules                    list every rule
  ttlint explain deprecated-tt-pay
  ttlint lsp                      the language server, for editors (stdio)

Exit codes: 0 no errors (and warnings within --max-warnings), 1 the check failed, 2 usage,
config or internal error.";

#[derive(Debug, Parser)]
#[command(name = "ttlint", version, about = ABOUT, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint mini-program files (the default command).
    Check(CheckArgs),
    /// List every rule: id, default severity, category, summary and platform page.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Pretty)]
        format: ListFormat,
    },
    /// Show a rule's full documentation: what it flags, why, what to do instead.
    Explain {
        /// A rule id, as shown in findings (for example `deprecated-tt-pay`).
        rule: String,
    },
    /// Run the language server on standard input and output, for editors: findings as you
    /// type, quick fixes, disable comments, rule documentation on hover.
    Lsp {
        /// Accepted for clients that pass it; standard input and output are the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files or folders to lint. A folder holding app.json is linted as a mini-program: only
    /// files reachable from app.json are checked.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// When to use colours in pretty output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Config file to use instead of the ttlint.json found from the linted folder upwards.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Set a rule's level, overriding the config: ID=off|info|warning|error. Repeatable.
    #[arg(long = "rule", value_name = "ID=LEVEL")]
    pub rules: Vec<String>,

    /// Fail (exit 1) when there are more than N warnings. Default: warnings never fail.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Report errors only: warnings and infos are neither shown nor counted.
    #[arg(long, short)]
    pub quiet: bool,

    /// Do not lint paths matching GLOB (relative to the working folder). Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub ignore: Vec<String>,

    /// Also lint files that app.json does not reach (unused pages, dead utilities). By default
    /// they are skipped, and the summary says how many.
    #[arg(long)]
    pub all_files: bool,

    /// Lint the text on standard input as if it were the file at PATH (which need not exist
    /// yet), with the mini-program on disk around it: for editors linting unsaved buffers.
    #[arg(long, value_name = "PATH", conflicts_with = "all_files")]
    pub stdin_filename: Option<PathBuf>,

    /// Print the files that would be linted, and the unreachable ones skipped, instead of
    /// linting.
    #[arg(long)]
    pub show_files: bool,

    /// Worker threads (default: one per CPU core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// What a command ended with, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing fails the check.
    Passed,
    /// Errors found, or more warnings than allowed.
    Failed,
    /// A rule failed on a file (a bug in ttlint): the check is incomplete.
    InternalError,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, UsageError> {
    match cli.command {
        Some(Command::Check(args)) => check(args),
        None => check(cli.check),
        Some(Command::Rules { format }) => list_rules(format).map(|_| Outcome::Passed),
        Some(Command::Explain { rule }) => explain(&rule).map(|_| Outcome::Passed),
        // The protocol's exit statuses: 0 after `shutdown` and `exit`, 1 for `exit` alone.
        Some(Command::Lsp { .. }) => crate::lsp::run().map(|exit| match exit {
            crate::lsp::Exit::Clean => Outcome::Passed,
            crate::lsp::Exit::Unclean => Outcome::Failed,
        }),
    }
}

/// Maps an output error. A closed pipe (`ttlint | head`) is not an error: the reader has what it
/// wanted, and the exit code still reflects the lint.
fn io_error(e: io::Error) -> UsageError {
    UsageError(format!("cannot write output: {e}"))
}

fn written(result: io::Result<()>) -> Result<(), UsageError> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(io_error(e)),
        _ => Ok(()),
    }
}

fn check(args: CheckArgs) -> Result<Outcome, UsageError> {
    let cwd = std::env::current_dir()
        .map_err(|e| UsageError(format!("cannot read the working folder: {e}")))?;
    let mut vfs = Vfs::disk();
    let stdin = match &args.stdin_filename {
        Some(path) => {
            let mut text = String::new();
            io::Read::read_to_string(&mut io::stdin(), &mut text)
                .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
            let path = normalize(path, &cwd);
            vfs.insert(path.clone(), text);
            Some(path)
        }
        None => None,
    };
    let start = normalize(stdin.as_ref().unwrap_or(&args.paths[0]), &cwd);
    let mut config = match &args.config {
        Some(path) => Config::load(path, &vfs)?,
        None => Config::discover(&start, &vfs)?,
    };
    for spec in &args.rules {
        config.override_rule(spec)?;
    }
    let options = LintOptions {
        paths: args.paths.clone(),
        cwd,
        config,
        ignore: args.ignore.clone(),
        threads: args.threads.map(usize::from),
        quiet: args.quiet,
        all_files: args.all_files,
        stdin,
        vfs: Arc::new(vfs),
    };
    let report = lint::lint(&options)?;
    if args.show_files {
        return show_files(&report).map(|_| Outcome::Passed);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    written(output::write(
        &report,
        args.format,
        Style {
            color,
            lang: Lang::En,
        },
        &mut out,
    ))?;
    written(out.flush())?;
    Ok(outcome(&report, args.max_warnings))
}

fn show_files(report: &Report) -> Result<(), UsageError> {
    let mut linted = report.linted.clone();
    linted.sort();
    let mut skipped = report.skipped.clone();
    skipped.sort();
    let mut out = io::stdout().lock();
    for path in linted {
        written(writeln!(out, "{path}"))?;
    }
    for path in skipped {
        written(writeln!(
            out,
            "{path} (skipped: not reachable from app.json)"
        ))?;
    }
    Ok(())
}

/// The gate: errors fail; warnings fail only beyond `--max-warnings`; infos never fail.
pub fn outcome(report: &Report, max_warnings: Option<usize>) -> Outcome {
    if report.summary.internal_errors > 0 {
        return Outcome::InternalError;
    }
    let too_many_warnings = max_warnings.is_some_and(|max| report.summary.warnings > max);
    if report.summary.errors > 0 || too_many_warnings {
        Outcome::Failed
    } else {
        Outcome::Passed
    }
}

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    severity: &'static str,
    category: &'static str,
    summary: &'static str,
    url: &'static str,
}

fn list_rules(format: ListFormat) -> Result<(), UsageError> {
    let rows: Vec<RuleRow> = rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleRow {
                id: m.id,
                severity: m.default_severity.as_str(),
                category: m.category.as_str(),
                summary: m.summary,
                url: m.url,
            }
        })
        .collect();
    let mut out = io::stdout().lock();
    match format {
        ListFormat::Json => {
            written(serde_json::to_writer_pretty(&mut out, &rows).map_err(io::Error::from))?;
            written(writeln!(out))?;
        }
        ListFormat::Pretty => {
            let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in &rows {
                written(writeln!(
                    out,
                    "{:width$}  {:7}  {:8}  {}",
                    r.id, r.severity, r.category, r.summary
                ))?;
            }
            written(writeln!(
                out,
                "\n`ttlint explain <id>` shows a rule's documentation."
            ))?;
        }
    }
    Ok(())
}

fn explain(id: &str) -> Result<(), UsageError> {
    let Some(meta) = rules::find(id) else {
        let similar: Vec<&str> = rules::all()
            .iter()
            .map(|r| r.meta().id)
            .filter(|known| known.contains(id) || id.contains(known))
            .collect();
        let hint = if similar.is_empty() {
            "`ttlint rules` lists every rule".to_string()
        } else {
            format!("did you mean {}?", similar.join(", "))
        };
        return Err(UsageError(format!("unknown rule `{id}`: {hint}")));
    };
    let mut out = io::stdout().lock();
    written(writeln!(
        out,
        "# {}\n\nDefault severity: {} · Category: {} · Platform page: {}\n\n{}\n\n{}",
        meta.id,
        meta.default_severity,
        meta.category,
        meta.url,
        meta.summary,
        meta.docs.trim_end()
    ))
}
