//! Command-line interface: argument definitions, the language of the run, and the three
//! commands (`check`, `rules`, `explain`). `main.rs` only maps the outcome to an exit code.
//!
//! The language is chosen once, in order: `--lang`, then `"lang"` in ttlint.json, then the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`). Everything the user reads — findings, rule
//! docs, errors, `--help` — is rendered in it from the catalogue.

mod localize;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::base::error::UsageError;
use crate::base::message::{Catalogue, Lang};
use crate::base::messages;
use crate::base::vfs::Vfs;
use crate::engine::config::Config;
use crate::engine::lint::{self, LintOptions};
use crate::engine::report::Report;
use crate::output::{self, Format, Style};
use crate::project::discover::normalize;
use crate::rules::{self, docs};

pub use localize::render_error;

/// The command line, every text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    localize::localize(Cli::command(), lang)
}

/// The command line. Doc comments here are for contributors: every text users read, in
/// `--help` too, comes from the catalogue (`cli-*` in `locales/*.ftl`, put in by [`command`]).
#[derive(Debug, Parser)]
#[command(name = "ttlint", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
    /// Language of messages and help; overrides `"lang"` in ttlint.json and the environment.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "LANG"
    )]
    pub lang: Option<LangArg>,
}

/// `--lang`: the languages ttlint speaks, spelled as BCP 47 tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    #[value(name = "zh-CN", alias = "zh", alias = "zh_CN")]
    ZhCn,
}

impl From<Lang> for LangArg {
    fn from(value: Lang) -> Self {
        match value {
            Lang::En => LangArg::En,
            Lang::ZhCn => LangArg::ZhCn,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::En => Lang::En,
            LangArg::ZhCn => Lang::ZhCn,
        }
    }
}

/// The command line parsed, with the language it asks for: `--lang`, else the environment
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`; `zh…` reads Chinese). `--help`, `--version` and mistakes
/// in the arguments are answered here, in that language, as the exit code to end with.
pub fn parse(
    args: Vec<OsString>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<(Cli, Lang), ExitCode> {
    let (args, requested) = localize::take_lang(args);
    let lang = requested.unwrap_or_else(|| Lang::from_env(env));
    let mut cmd = command(lang);
    let matches = cmd
        .try_get_matches_from_mut(args)
        .map_err(|e| answer(&e, lang))?;
    if let Some((localize::HELP_COMMAND, sub)) = matches.subcommand() {
        let path: Vec<String> = sub
            .get_many::<String>("command")
            .map(|names| names.cloned().collect())
            .unwrap_or_default();
        let _ = localize::print_help(&cmd, &path);
        return Err(ExitCode::SUCCESS);
    }
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| answer(&e, lang))?;
    // `--lang` was taken out of the arguments; it is still the user's explicit choice.
    cli.lang = requested.map(LangArg::from).or(cli.lang);
    let lang = cli.lang.map_or(lang, Lang::from);
    Ok((cli, lang))
}

/// Prints what clap stopped at — help, the version, or a mistake — and the exit code for it.
fn answer(error: &clap::Error, lang: Lang) -> ExitCode {
    // Help and version (already in `lang`) and English mistakes are clap's to print: it knows
    // where they go and whether to colour them.
    if !error.use_stderr() || lang == Lang::En {
        let _ = error.print();
    } else {
        let _ = write!(io::stderr(), "{}", render_error(error, lang));
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint (the default command).
    Check(CheckArgs),
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Pretty)]
        format: ListFormat,
    },
    /// A rule's documentation.
    Explain { rule: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Pretty,
    Json,
    /// The README's rule table, generated so it cannot drift from the registry.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
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

    /// Write the output to FILE (created, or truncated) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,

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

    /// Also lint a uni-app or Taro project's compiled output (`unpackage/`, `dist/`) found next
    /// to its source. By default it is skipped: the source is what people write.
    #[arg(long)]
    pub include_build_output: bool,

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

/// Runs a parsed command line. `lang` is the language [`parse`] chose; a check that finds
/// `"lang"` in ttlint.json switches to it when `--lang` did not say otherwise, so that errors
/// after that point are shown in it too.
pub fn run(cli: Cli, lang: &mut Lang) -> Result<Outcome, UsageError> {
    let explicit = cli.lang.is_some();
    match cli.command {
        Some(Command::Check(args)) => check(args, lang, explicit),
        None => check(cli.check, lang, explicit),
        Some(Command::Rules { format }) => list_rules(format, *lang).map(|_| Outcome::Passed),
        Some(Command::Explain { rule }) => explain(&rule, *lang).map(|_| Outcome::Passed),
    }
}

/// Maps an output error. A closed pipe (`ttlint | head`) is not an error: the reader has what it
/// wanted, and the exit code still reflects the lint.
fn io_error(e: io::Error) -> UsageError {
    UsageError::new(messages::error_write_output(e.to_string()))
}

fn written(result: io::Result<()>) -> Result<(), UsageError> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(io_error(e)),
        _ => Ok(()),
    }
}

fn check(args: CheckArgs, lang: &mut Lang, explicit_lang: bool) -> Result<Outcome, UsageError> {
    let cwd = std::env::current_dir()
        .map_err(|e| UsageError::new(messages::error_working_folder(e.to_string())))?;
    let mut vfs = Vfs::disk();
    let stdin = match &args.stdin_filename {
        Some(path) => {
            let mut text = String::new();
            io::Read::read_to_string(&mut io::stdin(), &mut text)
                .map_err(|e| UsageError::new(messages::error_stdin(e.to_string())))?;
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
    if let (false, Some(configured)) = (explicit_lang, config.lang) {
        *lang = configured;
    }
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
        build_output: args.include_build_output,
        stdin,
        vfs: Arc::new(vfs),
        summarize: args.format.needs_projects() && !args.show_files,
    };
    // Opened before linting, so that a path that cannot be written fails at once.
    let file = match &args.output_file {
        Some(path) if !args.show_files => Some(create_output(path)?),
        _ => None,
    };
    let report = lint::lint(&options)?;
    if args.show_files {
        return show_files(&report, *lang).map(|_| Outcome::Passed);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            file.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stdout = io::stdout();
    let mut out: io::BufWriter<Box<dyn Write>> = match file {
        Some(file) => io::BufWriter::new(Box::new(file)),
        None => io::BufWriter::new(Box::new(stdout.lock())),
    };
    written(output::write(
        &report,
        args.format,
        Style { color, lang: *lang },
        &mut out,
    ))?;
    written(out.flush())?;
    Ok(outcome(&report, args.max_warnings))
}

/// Creates (or truncates) the `--output-file`.
fn create_output(path: &std::path::Path) -> Result<std::fs::File, UsageError> {
    std::fs::File::create(path).map_err(|e| {
        UsageError::new(messages::error_output_file(
            path.display().to_string(),
            e.to_string(),
        ))
    })
}

fn show_files(report: &Report, lang: Lang) -> Result<(), UsageError> {
    let text = Catalogue::shared(lang);
    let mut linted = report.linted.clone();
    linted.sort();
    let mut skipped = report.skipped.clone();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = io::stdout().lock();
    for path in linted {
        written(writeln!(out, "{path}"))?;
    }
    for file in skipped {
        let why = text.render(&file.reason.message());
        written(writeln!(out, "{} ({why})", file.path))?;
    }
    Ok(())
}

impl Outcome {
    /// The process exit code: 0 passed, 1 failed the gate, 2 ttlint itself failed.
    pub fn exit_code(self) -> u8 {
        match self {
            Self::Passed => 0,
            Self::Failed => 1,
            Self::InternalError => 2,
        }
    }
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
    /// In the run's language; ids and the other fields never change with it.
    summary: String,
    url: &'static str,
}

/// Pads `text` to `width` terminal columns: Chinese characters take two.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn list_rules(format: ListFormat, lang: Lang) -> Result<(), UsageError> {
    let text = Catalogue::shared(lang);
    let rows: Vec<RuleRow> = rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleRow {
                id: m.id,
                severity: m.default_severity.as_str(),
                category: m.category.as_str(),
                summary: docs::summary(m, lang),
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
        ListFormat::Markdown => {
            written(writeln!(
                out,
                "| rule | default | what it finds |\n|---|---|---|"
            ))?;
            for r in &rows {
                written(writeln!(
                    out,
                    "| `{}` | {} | {} |",
                    r.id, r.severity, r.summary
                ))?;
            }
        }
        ListFormat::Pretty => {
            let named: Vec<(String, String)> = rows
                .iter()
                .map(|r| {
                    (
                        text.render(&messages::severity_name(r.severity)),
                        text.render(&messages::category_name(r.category)),
                    )
                })
                .collect();
            let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let severity_width = named.iter().map(|(s, _)| s.width()).max().unwrap_or(0);
            let category_width = named.iter().map(|(_, c)| c.width()).max().unwrap_or(0);
            for (r, (severity, category)) in rows.iter().zip(&named) {
                written(writeln!(
                    out,
                    "{:width$}  {}  {}  {}",
                    r.id,
                    pad(severity, severity_width.max(7)),
                    pad(category, category_width.max(8)),
                    r.summary
                ))?;
            }
            written(writeln!(
                out,
                "\n{}",
                text.render(&messages::rules_footer())
            ))?;
        }
    }
    Ok(())
}

fn explain(id: &str, lang: Lang) -> Result<(), UsageError> {
    let Some(meta) = rules::find(id) else {
        let similar: Vec<String> = rules::all()
            .iter()
            .map(|r| r.meta().id)
            .filter(|known| known.contains(id) || id.contains(known))
            .map(str::to_string)
            .collect();
        return Err(UsageError::new(if similar.is_empty() {
            messages::error_unknown_rule(id)
        } else {
            messages::error_unknown_rule_similar(id, similar)
        }));
    };
    let text = Catalogue::shared(lang);
    let header = text.render(&messages::explain_header(
        text.render(&messages::severity_name(meta.default_severity.as_str())),
        text.render(&messages::category_name(meta.category.as_str())),
        meta.url,
    ));
    let mut out = io::stdout().lock();
    written(writeln!(
        out,
        "# {}\n\n{header}\n\n{}\n\n{}",
        meta.id,
        docs::summary(meta, lang),
        docs::docs(meta, lang).trim_end()
    ))
}
