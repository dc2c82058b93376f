//! `--help` and command-line errors in the user's language.
//!
//! clap's derive attributes are English and static, and clap writes its own English headings
//! ("Usage:", "Options:") and errors. So the command is built from the derive and then every
//! text a user reads is put in from the catalogue before parsing: the about text, each command's
//! and argument's help, the usage lines, and a help template whose headings come from the
//! catalogue. Possible and default values are hidden from clap's own rendering (it labels them
//! in English) and written into each argument's help instead. The language has to be known
//! before clap parses, so `--lang` is looked for in the raw arguments first ([`requested`]).
//!
//! Errors: English shows clap's own (with its tips); other languages get the catalogue's
//! wording for the error kinds people meet (an unknown option, a bad value, a conflict, an
//! unknown command), with clap's suggestion, and a plain fallback for the rest.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use unicode_width::UnicodeWidthStr;

use crate::base::message::{Catalogue, Codes, Lang, Message};
use crate::base::messages;

/// Takes `--lang X` and `--lang=X` out of raw arguments and returns the language they name
/// (the last one wins, as with any option; nothing after `--` is an option).
///
/// The language must be known before clap parses, since clap's help and errors are built in
/// it. And taking it out lets it stand anywhere: clap would otherwise read `ttlint --lang zh-CN
/// rules` as linting a folder named `rules`, since an option before a command rules the command
/// out (`args_conflicts_with_subcommands`). A value that names no language is left in place for
/// clap to report with the values it accepts.
pub fn take_lang(args: Vec<OsString>) -> (Vec<OsString>, Option<Lang>) {
    let mut kept = Vec::with_capacity(args.len());
    let mut found = None;
    let mut args = args.into_iter();
    kept.extend(args.next());
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if text == "--" {
            kept.push(arg);
            kept.extend(args.by_ref());
            break;
        }
        if text == "--lang" {
            match args.next() {
                Some(value) => match Lang::parse(&value.to_string_lossy()) {
                    Some(lang) => found = Some(lang),
                    None => kept.extend([arg, value]),
                },
                None => kept.push(arg),
            }
        } else if let Some(value) = text.strip_prefix("--lang=") {
            match Lang::parse(value) {
                Some(lang) => found = Some(lang),
                None => kept.push(arg),
            }
        } else {
            kept.push(arg);
        }
    }
    (kept, found)
}

/// A message without arguments, named where it is used.
type Text = fn() -> Message;

/// Help texts of the options shared by `ttlint` and `ttlint check`, by argument id.
const CHECK_ARGS: &[(&str, Text)] = &[
    ("paths", messages::cli_arg_paths),
    ("format", messages::cli_arg_format),
    ("output_file", messages::cli_arg_output_file),
    ("color", messages::cli_arg_color),
    ("config", messages::cli_arg_config),
    ("rules", messages::cli_arg_rule),
    ("max_warnings", messages::cli_arg_max_warnings),
    ("max_diagnostics", messages::cli_arg_max_diagnostics),
    ("quiet", messages::cli_arg_quiet),
    ("ignore", messages::cli_arg_ignore),
    ("all_files", messages::cli_arg_all_files),
    (
        "include_build_output",
        messages::cli_arg_include_build_output,
    ),
    ("stdin_filename", messages::cli_arg_stdin_filename),
    ("show_files", messages::cli_arg_show_files),
    ("print_config", messages::cli_arg_print_config),
    ("fix", messages::cli_arg_fix),
    ("fix_dry_run", messages::cli_arg_fix_dry_run),
    ("suppress_all", messages::cli_arg_suppress_all),
    ("suppress_rule", messages::cli_arg_suppress_rule),
    ("prune_suppressions", messages::cli_arg_prune_suppressions),
    (
        "suppressions_location",
        messages::cli_arg_suppressions_location,
    ),
    ("threads", messages::cli_arg_threads),
];

/// The example commands of `--help`: code, the same in every language; only their
/// descriptions are translated.
const EXAMPLES: &[(&str, Text)] = &[
    ("ttlint", messages::cli_example_lint),
    ("ttlint check path/to/app", messages::cli_example_check),
    ("ttlint pages/pay/pay.js", messages::cli_example_file),
    (
        "ttlint --format json > out.json",
        messages::cli_example_json,
    ),
    (
        "ttlint --format html -o report.html",
        messages::cli_example_html,
    ),
    ("ttlint --lang zh-CN", messages::cli_example_lang),
    ("ttlint --suppress-all", messages::cli_example_baseline),
    ("ttlint --fix", messages::cli_example_fix),
    ("ttlint rules", messages::cli_example_rules),
    (
        "ttlint explain deprecated-tt-pay",
        messages::cli_example_explain,
    ),
    ("ttlint lsp", messages::cli_example_lsp),
];

/// The sections of a command's help, in order.
#[derive(Clone, Copy)]
enum Section {
    Commands,
    Arguments,
    Options,
}

/// `cmd` (ttlint's command line, as derived) with every text in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let text = Catalogue::shared(lang);
    let t = |message: Message| text.render(&message);
    // Continuation lines of a usage sit under the first one, past the heading.
    let indent = " ".repeat(usage_prefix(text).width());
    let options = t(messages::cli_usage_options());
    let command_word = t(messages::cli_usage_command());

    let mut cmd = cmd
        .about(t(messages::cli_about()))
        .after_help(after_help(text))
        .override_usage(format!(
            "ttlint [{options}] [PATH]...\n{indent}ttlint <{command_word}>"
        ))
        .help_template(template(
            text,
            &[Section::Commands, Section::Arguments, Section::Options],
        ))
        .mut_arg("lang", |a| a.help(t(messages::cli_arg_lang())));
    for (id, help) in CHECK_ARGS {
        cmd = cmd.mut_arg(*id, |a| a.help(t(help())));
    }
    cmd = cmd
        .mut_subcommand("check", |sub| {
            let mut sub = sub
                .about(t(messages::cli_cmd_check()))
                .override_usage(format!("ttlint check [{options}] [PATH]..."))
                .help_template(template(text, &[Section::Arguments, Section::Options]));
            for (id, help) in CHECK_ARGS {
                sub = sub.mut_arg(*id, |a| a.help(t(help())));
            }
            sub
        })
        .mut_subcommand("rules", |sub| {
            sub.about(t(messages::cli_cmd_rules()))
                .override_usage(format!("ttlint rules [{options}]"))
                .help_template(template(text, &[Section::Options]))
                .mut_arg("format", |a| a.help(t(messages::cli_arg_rules_format())))
        })
        .mut_subcommand("init", |sub| {
            sub.about(t(messages::cli_cmd_init()))
                .override_usage("ttlint init")
                .help_template(template(text, &[Section::Options]))
        })
        .mut_subcommand("explain", |sub| {
            sub.about(t(messages::cli_cmd_explain()))
                .override_usage(format!("ttlint explain [{options}] <RULE>"))
                .help_template(template(text, &[Section::Arguments, Section::Options]))
                .mut_arg("rule", |a| a.help(t(messages::cli_arg_explain_rule())))
        })
        .mut_subcommand("lsp", |sub| {
            sub.about(t(messages::cli_cmd_lsp()))
                .after_help(t(messages::cli_lsp_after_help()))
                .override_usage(format!("ttlint lsp [{options}]"))
                .help_template(template(text, &[Section::Options]))
                .mut_arg("stdio", |a| a.help(t(messages::cli_arg_lsp_stdio())))
        });
    // clap's own `--help`, `--version` and `help` command carry English texts that can only be
    // changed after building, which breaks clap's index of its arguments; ours replace them.
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help(t(messages::cli_arg_help()))
        .long_help(t(messages::cli_arg_help_long()));
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help(t(messages::cli_arg_version()));
    let help_command = Command::new(HELP_COMMAND)
        .about(t(messages::cli_cmd_help()))
        .override_usage(format!("ttlint help [{command_word}]..."))
        .help_template(template(text, &[Section::Arguments]))
        .disable_help_flag(true)
        .arg(
            Arg::new("command")
                .value_name(command_word.clone())
                .num_args(0..)
                .help(t(messages::cli_arg_help_command())),
        );
    let cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .mut_subcommands(|sub| sub.disable_help_flag(true))
        .arg(help)
        .arg(version)
        .subcommand(help_command);
    hide_values(cmd)
}

/// The name of our `help` command (clap's own is English; see [`command`]).
pub const HELP_COMMAND: &str = "help";

/// `ttlint help [COMMAND]...`: the help of the command named, or of ttlint, as clap prints it.
pub fn print_help(cmd: &Command, path: &[String]) -> std::io::Result<()> {
    let mut target = cmd.clone();
    for name in path {
        match target.find_subcommand(name) {
            Some(sub) => target = sub.clone(),
            None => break,
        }
    }
    target.print_long_help()
}

/// Possible and default values are in the catalogue's help texts; clap would add them again
/// under English labels (`[default: .]`, `Possible values:`).
fn hide_values(cmd: Command) -> Command {
    cmd.mut_args(|a| {
        if a.get_action().takes_values() {
            a.hide_possible_values(true).hide_default_value(true)
        } else {
            a
        }
    })
    .mut_subcommands(hide_values)
}

/// A help template with the catalogue's headings, styled as clap styles its own.
fn template(text: &Catalogue, sections: &[Section]) -> String {
    let styles = clap::builder::Styles::default();
    let header = styles.get_header();
    let heading = |message: Message| format!("{header}{}{header:#}", text.render(&message));
    let prefix = usage_prefix(text);
    let mut out = format!(
        "{{about-with-newline}}\n{header}{}{header:#}{}{{usage}}",
        prefix.trim_end(),
        &prefix[prefix.trim_end().len()..]
    );
    for section in sections {
        let (title, tag) = match section {
            Section::Commands => (messages::cli_heading_commands(), "subcommands"),
            Section::Arguments => (messages::cli_heading_arguments(), "positionals"),
            Section::Options => (messages::cli_heading_options(), "options"),
        };
        let _ = write!(out, "\n\n{}\n{{{tag}}}", heading(title));
    }
    out.push_str("{after-help}");
    out
}

/// What comes before a usage line: `Usage: ` in English; `用法：` in Chinese, where a
/// full-width colon takes no space after it.
fn usage_prefix(text: &Catalogue) -> String {
    let heading = text.render(&messages::cli_heading_usage());
    if heading.ends_with(':') {
        format!("{heading} ")
    } else {
        heading
    }
}

/// Examples and exit codes, after the options of `ttlint --help`.
fn after_help(text: &Catalogue) -> String {
    let width = EXAMPLES.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut out = text.render(&messages::cli_heading_examples());
    for (example, description) in EXAMPLES {
        let _ = write!(out, "\n  {example:width$}  {}", text.render(&description()));
    }
    let _ = write!(out, "\n\n{}", text.render(&messages::cli_exit_codes()));
    out
}

fn string(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => list.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A clap error in `lang`: the problem, a suggestion when clap has one, the usage and where to
/// read more. English, and help or version (which are not errors), are clap's own rendering.
pub fn render_error(error: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En || !error.use_stderr() {
        return error.render().ansi().to_string();
    }
    let text = Catalogue::shared(lang);
    let arg = || string(error.get(ContextKind::InvalidArg)).unwrap_or_default();
    let value = string(error.get(ContextKind::InvalidValue)).unwrap_or_default();
    let problem = match error.kind() {
        ErrorKind::UnknownArgument => messages::cli_error_unknown_argument(arg()),
        ErrorKind::InvalidValue if value.is_empty() => messages::cli_error_missing_value(arg()),
        ErrorKind::InvalidValue => messages::cli_error_invalid_value(
            arg(),
            value,
            Codes(strings(error.get(ContextKind::ValidValue))),
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(|e| e.to_string())
                .unwrap_or_default();
            messages::cli_error_value(arg(), value, reason)
        }
        ErrorKind::NoEquals
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::TooManyValues => messages::cli_error_missing_value(arg()),
        ErrorKind::MissingRequiredArgument => messages::cli_error_missing(arg()),
        ErrorKind::ArgumentConflict => messages::cli_error_conflict(
            arg(),
            string(error.get(ContextKind::PriorArg)).unwrap_or_default(),
        ),
        ErrorKind::InvalidSubcommand => messages::cli_error_unknown_command(
            string(error.get(ContextKind::InvalidSubcommand)).unwrap_or_default(),
        ),
        _ => {
            // A kind people rarely meet: clap's own sentence, inside ours.
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            messages::cli_error_other(first.trim_start_matches("error: ").to_string())
        }
    };
    let mut out = StyledStr::new();
    let _ = writeln!(out, "{}", text.render(&messages::cli_error(problem)));
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| string(error.get(kind)));
    if let Some(suggestion) = suggestion {
        let _ = writeln!(
            out,
            "\n  {}",
            text.render(&messages::cli_error_did_you_mean(suggestion))
        );
    }
    if let Some(usage) = string(error.get(ContextKind::Usage)) {
        // clap titles the usage in English; the usage itself is ours.
        let usage = usage.trim_start_matches("Usage:").trim_start();
        let _ = writeln!(out, "\n{}{usage}", usage_prefix(text));
    }
    let _ = writeln!(out, "\n{}", text.render(&messages::cli_error_more_info()));
    out.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale_check::{allowlist, chinese_problems};
    use crate::cli::command;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    /// clap checks a command's consistency only in debug builds, when it is first used.
    #[test]
    fn both_command_lines_are_consistent() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn the_language_is_taken_out_before_parsing() {
        let taken = |list: &[&str]| {
            let (kept, lang) = take_lang(args(list));
            let kept: Vec<String> = kept
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            (kept.join(" "), lang)
        };
        assert_eq!(
            taken(&["ttlint", "--lang", "zh-CN", "rules"]),
            ("ttlint rules".into(), Some(Lang::ZhCn))
        );
        assert_eq!(
            taken(&["ttlint", "rules", "--lang=en"]),
            ("ttlint rules".into(), Some(Lang::En))
        );
        assert_eq!(
            taken(&["ttlint", "--lang", "en", "--lang", "zh"]),
            ("ttlint".into(), Some(Lang::ZhCn))
        );
        assert_eq!(
            taken(&["ttlint", "--", "--lang", "zh"]),
            ("ttlint -- --lang zh".into(), None)
        );
        assert_eq!(
            taken(&["ttlint", "--lang", "fr"]),
            ("ttlint --lang fr".into(), None)
        );
        assert_eq!(taken(&["ttlint", "--lang"]), ("ttlint --lang".into(), None));
    }

    /// Every command and argument a user can see has a translated help: a new option added to
    /// the derive without a catalogue entry shows its English doc comment in Chinese help, and
    /// fails here.
    #[test]
    fn every_help_text_is_in_chinese() {
        let allow = allowlist();
        let mut problems = Vec::new();
        let mut check = |place: String, help: Option<&StyledStr>| match help {
            None => problems.push(format!("{place} has no help")),
            Some(help) => {
                for problem in chinese_problems(&help.to_string(), &allow) {
                    problems.push(format!("{place}: {problem}"));
                }
            }
        };
        let cmd = command(Lang::ZhCn);
        let mut commands = vec![&cmd];
        commands.extend(cmd.get_subcommands());
        for c in commands {
            check(format!("`{}`", c.get_name()), c.get_about());
            for a in c.get_arguments() {
                check(format!("`{} {}`", c.get_name(), a.get_id()), a.get_help());
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    /// Values clap no longer lists itself must be in the help text.
    #[test]
    fn every_possible_value_is_in_the_help() {
        for lang in Lang::ALL {
            let cmd = command(lang);
            let mut commands = vec![&cmd];
            commands.extend(cmd.get_subcommands());
            for c in commands {
                for a in c.get_arguments().filter(|a| a.get_action().takes_values()) {
                    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                    for value in a.get_possible_values() {
                        assert!(
                            help.contains(value.get_name()),
                            "{:?}: the help of `{} {}` does not name `{}`",
                            lang,
                            c.get_name(),
                            a.get_id(),
                            value.get_name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn chinese_help_and_errors() {
        let mut cmd = command(Lang::ZhCn);
        let help = cmd.render_help().to_string();
        for expected in [
            "用法：",
            "选项：",
            "命令：",
            "示例：",
            "ttlint [选项] [PATH]...",
            "显示帮助",
        ] {
            assert!(help.contains(expected), "{expected} missing from\n{help}");
        }
        assert!(
            !help.contains("Usage") && !help.contains("[default"),
            "{help}"
        );

        let error = command(Lang::ZhCn)
            .try_get_matches_from(["ttlint", "--formt", "json"])
            .unwrap_err();
        let rendered = render_error(&error, Lang::ZhCn);
        assert!(
            rendered.starts_with("错误：无法识别的参数 `--formt`"),
            "{rendered}"
        );
        assert!(
            rendered.contains("你要找的是不是 `--format`？"),
            "{rendered}"
        );
        assert!(
            rendered.contains("用法：ttlint [选项] [PATH]..."),
            "{rendered}"
        );

        let error = command(Lang::ZhCn)
            .try_get_matches_from(["ttlint", "--format", "xml"])
            .unwrap_err();
        let rendered = render_error(&error, Lang::ZhCn);
        assert!(
            rendered.contains(
                "`--format <FORMAT>` 的值 `xml` 无效；可选的值有：`pretty`、`concise`、`json`"
            ),
            "{rendered}"
        );
    }
}
