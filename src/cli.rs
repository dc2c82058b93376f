//! Command-line interface: argument definitions, the language of the run, and the commands
//! (`check`, `rules`, `explain`, and `lsp`, which hands over to [`crate::lsp`]). `main.rs` only
//! maps the outcome to an exit code.
//!
//! The language is chosen once, in order: `--lang`, then `"lang"` in ttlint.json, then the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`). Everything the user reads — findings, rule
//! docs, errors, `--help` — is rendered in it from the catalogue. (The language server also
//! hears the editor's language: see [`crate::lsp`].)

mod localize;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::base::error::UsageError;
use crate::base::message::{Catalogue, Lang, Message};
use crate::base::messages;
use crate::base::meta::RuleMeta;
use crate::base::vfs::Vfs;
use crate::engine::baseline::{BASELINE_FILE, Baseline};
use crate::engine::config::{CONFIG_FILE, Config, Level};
use crate::engine::fix;
use crate::engine::lint::{self, LintOptions};
use crate::engine::report::Report;
use crate::output::{self, Format, Style};
use crate::project::discover::{display_path, normalize};
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
    /// Lint (the default command). Boxed: its options outweigh the other commands many times.
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Pretty)]
        format: ListFormat,
    },
    /// A rule's documentation.
    Explain { rule: String },
    /// Write a commented ttlint.json in the working folder.
    Init,
    /// The language server, on standard input and output.
    Lsp {
        /// Accepted for clients that pass it; standard input and output are the only transport.
        #[arg(long)]
        stdio: bool,
    },
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

    /// Show at most N findings in pretty and concise output; the counts stay true.
    #[arg(long, value_name = "N")]
    pub max_diagnostics: Option<usize>,

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

    /// Print the settings that apply to the first PATH (config file, rule levels after it and
    /// `--rule`, ignores, data, language, baseline) as JSON, instead of linting.
    #[arg(long, conflicts_with = "show_files")]
    pub print_config: bool,

    /// Apply the safe fixes to the files, then lint again and report what is left.
    #[arg(long, conflicts_with_all = ["fix_dry_run", "stdin_filename"])]
    pub fix: bool,

    /// Print the safe fixes as a unified diff instead of applying them (exit 1 when there are
    /// some).
    #[arg(long)]
    pub fix_dry_run: bool,

    /// Record every finding in the baseline (`ttlint-suppressions.json`): from then on, only
    /// findings beyond its counts fail.
    #[arg(long, conflicts_with_all = ["suppress_rule", "stdin_filename"])]
    pub suppress_all: bool,

    /// Record the findings of one rule in the baseline. Repeatable.
    #[arg(long, value_name = "ID", conflicts_with = "stdin_filename")]
    pub suppress_rule: Vec<String>,

    /// Lower the baseline's counts to what is found now, and drop what is gone.
    #[arg(long, conflicts_with = "stdin_filename")]
    pub prune_suppressions: bool,

    /// The baseline file (default: `ttlint-suppressions.json` in the working folder). In
    /// `--help` only: its name would widen `-h`'s option column past what Chinese help, which
    /// cannot wrap at spaces, is broken for.
    #[arg(long, value_name = "FILE", hide_short_help = true)]
    pub suppressions_location: Option<PathBuf>,

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
        Some(Command::Check(args)) => check(*args, lang, explicit),
        None => check(cli.check, lang, explicit),
        Some(Command::Rules { format }) => list_rules(format, *lang).map(|_| Outcome::Passed),
        Some(Command::Explain { rule }) => explain(&rule, *lang).map(|_| Outcome::Passed),
        Some(Command::Init) => init(*lang).map(|_| Outcome::Passed),
        // The protocol's exit statuses: 0 after `shutdown` and `exit`, 1 for `exit` alone.
        Some(Command::Lsp { .. }) => {
            crate::lsp::run(explicit.then_some(*lang), *lang).map(|exit| match exit {
                crate::lsp::Exit::Clean => Outcome::Passed,
                crate::lsp::Exit::Unclean => Outcome::Failed,
            })
        }
    }
}

/// Maps an output error. A closed pipe (`ttlint | head`) is not an error: the reader has what it
/// wanted, and the exit code still reflects the lint.
fn io_error(e: io::Error) -> UsageError {
    UsageError::new(messages::error_write_output(e.to_string()))
}

/// The findings a report is given room for up front (a kilobyte each, 64 MiB in all); a larger
/// report grows as it is laid out.
const REPORT_ROOM_FINDINGS: usize = 64 * 1024;

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
    for id in &args.suppress_rule {
        check_rule_id(id)?;
    }
    let baseline_path = normalize(
        args.suppressions_location
            .as_deref()
            .unwrap_or(Path::new(BASELINE_FILE)),
        &cwd,
    );
    // Read before linting: a broken baseline stops the run at once.
    let baseline_shown = display_path(&baseline_path, &cwd);
    let existing = Baseline::load(&baseline_path, &baseline_shown, &vfs)?;
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
    if args.print_config {
        let baseline = existing.is_some().then_some(baseline_shown.as_str());
        return print_config(&config, &args.ignore, baseline, *lang, &cwd).map(|_| Outcome::Passed);
    }
    let options = LintOptions {
        paths: args.paths.clone(),
        cwd,
        config,
        ignore: args.ignore.clone(),
        threads: args.threads.map(usize::from),
        // After the baseline, which counts warnings too.
        quiet: false,
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
    // One set of threads for the lint and the layout of its report after it.
    let pool = lint::worker_pool(options.threads)?;
    let mut report = lint::lint_in(&pool, &options, rules::all())?;
    if args.show_files {
        return show_files(&report, *lang).map(|_| Outcome::Passed);
    }
    let text = Catalogue::shared(*lang);
    for file in report.skipped.iter().filter(|s| s.reason.named()) {
        let why = text.render(&file.reason.message());
        eprintln!(
            "{}",
            text.render(&messages::note_named_skipped(&file.path, why))
        );
    }
    if args.fix_dry_run {
        return fix_dry_run(&report, *lang);
    }
    if args.fix && apply_fixes(&report, *lang)? {
        report = lint::lint_in(&pool, &options, rules::all())?;
    }
    let records = args.suppress_all || !args.suppress_rule.is_empty();
    let baseline = if records || args.prune_suppressions {
        let mut baseline = existing.unwrap_or_default();
        if records {
            let only = (!args.suppress_all).then_some(args.suppress_rule.as_slice());
            baseline.record(&report, only);
        }
        if args.prune_suppressions {
            baseline.prune(&report, &|file| options.cwd.join(file).exists());
        }
        write_baseline(&baseline, &baseline_path, &baseline_shown, *lang)?;
        Some(baseline)
    } else {
        existing
    };
    if let Some(baseline) = &baseline {
        baseline.apply(&mut report);
    }
    if args.quiet {
        report.keep_errors();
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
    // The report is laid out across the run's threads, into memory (a writer to the terminal
    // cannot move between threads), then written. With room for a kilobyte a finding (the JSON
    // report takes 800 bytes a finding, the pretty one less), it is not moved as it grows; room
    // left untouched takes no memory.
    let mut rendered = Vec::with_capacity(report.diagnostics.len().min(REPORT_ROOM_FINDINGS) << 10);
    let style = Style {
        color,
        lang: *lang,
        max_diagnostics: args.max_diagnostics,
    };
    written(pool.install(|| output::write(&report, args.format, style, &mut rendered)))?;
    written(out.write_all(&rendered))?;
    written(out.flush())?;
    if args.format == Format::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        step_summary(&report, Path::new(&path), *lang);
    }
    let outcome = outcome(&report, args.max_warnings);
    // The process ends with this run: the report's thousands of files, with the facts and
    // templates it holds unread, are left to it to free rather than freed block by block.
    std::mem::forget(report);
    Ok(outcome)
}

/// `--print-config`: what a run with these arguments would use, as JSON. Rule levels are
/// every rule's, after `ttlint.json` and `--rule`; data lists are the config's additions to the
/// built-in ones.
fn print_config(
    config: &Config,
    cli_ignore: &[String],
    baseline: Option<&str>,
    lang: Lang,
    cwd: &Path,
) -> Result<(), UsageError> {
    #[derive(Serialize)]
    struct Effective<'a> {
        /// The `ttlint.json` in use, as a path from the working folder; `null` for none.
        config: Option<String>,
        lang: &'static str,
        rules: std::collections::BTreeMap<&'static str, &'static str>,
        /// `ignore` of `ttlint.json` (relative to its folder) and `--ignore` (to the working one).
        ignore: Ignores<'a>,
        data: &'a std::collections::BTreeMap<String, Vec<String>>,
        /// The baseline applied, if there is one.
        suppressions: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Ignores<'a> {
        config: &'a [String],
        #[serde(rename = "commandLine")]
        command_line: &'a [String],
    }
    let rules = rules::all()
        .iter()
        .map(|r| {
            let meta = r.meta();
            let level = match config.level(meta) {
                Level::Off => "off",
                Level::On(severity) => severity.as_str(),
            };
            (meta.id, level)
        })
        .collect();
    let effective = Effective {
        config: config.path.as_deref().map(|p| display_path(p, cwd)),
        lang: lang.tag(),
        rules,
        ignore: Ignores {
            config: &config.ignore,
            command_line: cli_ignore,
        },
        data: &config.data.lists,
        suppressions: baseline,
    };
    let mut out = io::stdout().lock();
    written(serde_json::to_writer_pretty(&mut out, &effective).map_err(io::Error::from))?;
    written(writeln!(out))
}

/// `ttlint init`: a commented `ttlint.json` in the working folder, with its comments in the
/// run's language. An existing one is never overwritten.
fn init(lang: Lang) -> Result<(), UsageError> {
    let text = Catalogue::shared(lang);
    let path = Path::new(CONFIG_FILE);
    let t = |message: Message| text.render(&message);
    let body = format!(
        "{{\n  // {}\n  \"$schema\": \"{SCHEMA_URL}\",\n\n  // {}\n  \"rules\": {{\n    // \"trade-prerequisites\": \"off\"\n  }},\n\n  // {}\n  \"ignore\": [],\n\n  // {}\n  // \"lang\": \"zh-CN\",\n\n  // {}\n  \"data\": {{\n    // \"ownDomains\": [\"m.example.com\"]\n  }}\n}}\n",
        t(messages::init_comment_schema()),
        t(messages::init_comment_rules()),
        t(messages::init_comment_ignore()),
        t(messages::init_comment_lang()),
        t(messages::init_comment_data()),
    );
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            UsageError::new(if e.kind() == io::ErrorKind::AlreadyExists {
                messages::init_exists(CONFIG_FILE)
            } else {
                messages::init_write(CONFIG_FILE, e.to_string())
            })
        })?;
    file.write_all(body.as_bytes())
        .map_err(|e| UsageError::new(messages::init_write(CONFIG_FILE, e.to_string())))?;
    let mut out = io::stdout().lock();
    written(writeln!(out, "{}", t(messages::init_done(CONFIG_FILE))))
}

/// Where editors find the schema of `ttlint.json`, for completion.
const SCHEMA_URL: &str = "https://github.com/ttlint/ttlint/raw/main/schemas/ttlint.schema.json";

/// `--fix-dry-run`: the safe fixes as a unified diff, and how many there are. Fails (exit 1)
/// when there is something to fix, so that CI can ask for it.
fn fix_dry_run(report: &Report, lang: Lang) -> Result<Outcome, UsageError> {
    let fixes = fix::fixes(report);
    let mut out = io::stdout().lock();
    for file in &fixes.files {
        written(write!(out, "{}", fix::unified_diff(file)))?;
    }
    written(out.flush())?;
    let text = Catalogue::shared(lang);
    for refused in &fixes.refused {
        eprintln!("{}", text.render(&messages::fix_refused(refused)));
    }
    eprintln!(
        "{}",
        text.render(&messages::fix_would(fixes.count(), fixes.files.len()))
    );
    Ok(if fixes.files.is_empty() {
        Outcome::Passed
    } else {
        Outcome::Failed
    })
}

/// `--fix`: writes the safe fixes, says what it fixed, and whether any file changed (then the
/// caller lints again). A file that changed on disk since it was read is left alone.
fn apply_fixes(report: &Report, lang: Lang) -> Result<bool, UsageError> {
    let text = Catalogue::shared(lang);
    let fixes = fix::fixes(report);
    let mut fixed = 0;
    let mut files = 0;
    for file in &fixes.files {
        let unchanged =
            std::fs::read(&file.path).is_ok_and(|bytes| bytes == file.before.as_bytes());
        if !unchanged {
            eprintln!("{}", text.render(&messages::fix_changed(&file.display)));
            continue;
        }
        std::fs::write(&file.path, &file.after)
            .map_err(|e| UsageError::new(messages::fix_write(&file.display, e.to_string())))?;
        fixed += file.fixed;
        files += 1;
    }
    for refused in &fixes.refused {
        eprintln!("{}", text.render(&messages::fix_refused(refused)));
    }
    eprintln!("{}", text.render(&messages::fix_applied(fixed, files)));
    Ok(files > 0)
}

/// Appends the summary to the GitHub job's step summary. A summary that cannot be written costs
/// a note, not the check.
fn step_summary(report: &Report, path: &Path, lang: Lang) {
    let text = Catalogue::shared(lang);
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| output::write_step_summary(report, text, &mut file));
    if let Err(e) = appended {
        eprintln!(
            "{}",
            text.render(&messages::note_step_summary(
                path.display().to_string(),
                e.to_string()
            ))
        );
    }
}

/// A rule id named on the command line, checked: an unknown one is answered with the ids it may
/// have meant.
fn check_rule_id(id: &str) -> Result<&'static RuleMeta, UsageError> {
    let meta = rules::find(id).ok_or_else(|| {
        let similar = rules::similar(id);
        UsageError::new(if similar.is_empty() {
            messages::error_unknown_rule(id)
        } else {
            messages::error_unknown_rule_similar(id, similar)
        })
    })?;
    Ok(meta)
}

/// Writes the baseline after `--suppress-all`, `--suppress-rule` or `--prune-suppressions`, and
/// says what it holds now.
fn write_baseline(
    baseline: &Baseline,
    path: &Path,
    shown: &str,
    lang: Lang,
) -> Result<(), UsageError> {
    std::fs::write(path, baseline.to_json())
        .map_err(|e| UsageError::new(messages::baseline_write(shown, e.to_string())))?;
    let (findings, files) = baseline.totals();
    let text = Catalogue::shared(lang);
    eprintln!(
        "{}",
        text.render(&messages::baseline_written(shown, findings, files))
    );
    Ok(())
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
    /// `safe` (`--fix` applies its fixes), `unsafe` (offered only) or `none`.
    fix: &'static str,
    /// In the run's language; ids and the other fields never change with it.
    summary: String,
    url: &'static str,
}

/// `ttlint rules --format json`: versioned like the check's JSON output, so that a script can
/// tell which shape it reads.
#[derive(Serialize)]
struct RuleList<'a> {
    version: u32,
    tool: Tool,
    rules: &'a [RuleRow],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
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
                fix: m.fix.as_str(),
                summary: docs::summary(m, lang),
                url: m.url,
            }
        })
        .collect();
    let mut out = io::stdout().lock();
    match format {
        ListFormat::Json => {
            let list = RuleList {
                version: 1,
                tool: Tool {
                    name: "ttlint",
                    version: env!("CARGO_PKG_VERSION"),
                },
                rules: &rows,
            };
            written(serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::from))?;
            written(writeln!(out))?;
        }
        ListFormat::Markdown => {
            written(writeln!(
                out,
                "| rule | default | fix | what it finds |\n|---|---|---|---|"
            ))?;
            for r in &rows {
                let fix = if r.fix == "none" { "" } else { r.fix };
                written(writeln!(
                    out,
                    "| `{}` | {} | {fix} | {} |",
                    r.id, r.severity, r.summary
                ))?;
            }
        }
        ListFormat::Pretty => {
            let named: Vec<(String, String, String)> = rows
                .iter()
                .map(|r| {
                    (
                        text.render(&messages::severity_name(r.severity)),
                        text.render(&messages::category_name(r.category)),
                        text.render(&messages::fix_kind_name(r.fix)),
                    )
                })
                .collect();
            let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let severity_width = named.iter().map(|n| n.0.width()).max().unwrap_or(0);
            let category_width = named.iter().map(|n| n.1.width()).max().unwrap_or(0);
            let fix_width = named.iter().map(|n| n.2.width()).max().unwrap_or(0);
            for (r, (severity, category, fix)) in rows.iter().zip(&named) {
                written(writeln!(
                    out,
                    "{:width$}  {}  {}  {}  {}",
                    r.id,
                    pad(severity, severity_width.max(7)),
                    pad(category, category_width.max(8)),
                    pad(fix, fix_width),
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
    let meta = check_rule_id(id)?;
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
