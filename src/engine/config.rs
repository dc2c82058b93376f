//! `ttlint.json`: rule severities, ignore globs and rule-data extensions.
//!
//! The file is looked up from the lint root upwards (`--config` names one explicitly). It is JSON
//! with `//` comments. Every problem in it stops the run with exit code 2 and names the file, the
//! line and the problem: a mistyped rule id silently doing nothing is worse than no config.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::api::Api;
use crate::base::data::{API_LISTS, DataExtensions};
use crate::base::diagnostic::Severity;
pub use crate::base::error::UsageError;
use crate::base::message::{Catalogue, Lang, Message};
use crate::base::messages;
use crate::base::meta::RuleMeta;
use crate::base::source::LineIndex;
use crate::base::suggest;
use crate::base::vfs::{Entry, Vfs};
use crate::rules;
use crate::syntax::json::{self, Dialect, Json, JsonValue};

/// The file name ttlint looks for.
pub const CONFIG_FILE: &str = "ttlint.json";

/// The settings of `ttlint.json`, besides `$schema`.
const SETTINGS: [&str; 4] = ["rules", "ignore", "data", "lang"];

/// A configured level for a rule: off, or a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    /// Parses `off`, `info`, `warning` (or `warn`), `error`.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "off" => Self::Off,
            "info" => Self::On(Severity::Info),
            "warning" | "warn" => Self::On(Severity::Warning),
            "error" => Self::On(Severity::Error),
            _ => return None,
        })
    }
}

/// The resolved configuration of a run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Rule id → level, as configured.
    pub rules: BTreeMap<String, Level>,
    /// Glob patterns of paths not to lint, relative to the config file's folder.
    pub ignore: Vec<String>,
    pub data: DataExtensions,
    /// The language of messages (`"lang"`), when the config sets one: a team whose machines
    /// have no Chinese locale (CI, Windows, macOS terminals) still reads Chinese.
    pub lang: Option<Lang>,
}

/// A problem in config text, at a line and column (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub line: u32,
    pub column: u32,
    pub problem: Message,
}

/// `line:column: problem`, in English (logs and tests); the CLI renders it in the run's
/// language through [`UsageError`].
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let problem = Catalogue::shared(Lang::En).render(&self.problem);
        write!(f, "{}:{}: {problem}", self.line, self.column)
    }
}

impl Config {
    /// The directory relative to which the config's globs are written.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// Finds `ttlint.json` in `start` (absolute) or its ancestors.
    pub fn discover(start: &Path, vfs: &Vfs) -> Result<Self, UsageError> {
        match Self::find(start, vfs) {
            Some(path) => Self::load(&path, vfs),
            None => Ok(Self::default()),
        }
    }

    /// The `ttlint.json` that applies at `start` (absolute): in it (a folder) or its nearest
    /// ancestor holding one.
    pub fn find(start: &Path, vfs: &Vfs) -> Option<PathBuf> {
        let mut dir = match vfs.entry(start) {
            Some(Entry::Folder) => Some(start),
            _ => start.parent(),
        };
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_FILE);
            if vfs.is_file(&candidate) {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// Reads and validates a config file.
    pub fn load(path: &Path, vfs: &Vfs) -> Result<Self, UsageError> {
        let bytes = vfs.read(path).map_err(|e| {
            UsageError::new(messages::config_unreadable(
                path.display().to_string(),
                e.to_string(),
            ))
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let mut config = Self::parse(&text).map_err(|e| {
            UsageError::at(
                format!("{}:{}:{}", path.display(), e.line, e.column),
                e.problem,
            )
        })?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses config text.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let lines = LineIndex::new(text);
        let at = |offset: usize, problem: Message| {
            let p = lines.position(text, offset);
            ConfigError {
                line: p.line,
                column: p.column,
                problem,
            }
        };
        let doc = json::parse(text, 0, Dialect::WithComments)
            .map_err(|e| at(e.span.start(), messages::config_invalid_json(&e.message)))?;
        let mut config = Self::default();
        let Some(root) = doc.value else {
            return Ok(config);
        };
        let members = root
            .as_object()
            .ok_or_else(|| at(root.span.start(), messages::config_not_object()))?;
        for member in members {
            match member.key.as_str() {
                "$schema" => {}
                "rules" => {
                    let rules = member.value.as_object().ok_or_else(|| {
                        at(
                            member.value.span.start(),
                            messages::config_rules_not_object(),
                        )
                    })?;
                    for rule in rules {
                        if rules::find(&rule.key).is_none() {
                            return Err(at(rule.key_span.start(), rules::unknown(&rule.key)));
                        }
                        if rules::ALWAYS_ON.contains(&rule.key.as_str()) {
                            return Err(at(
                                rule.key_span.start(),
                                messages::config_always_on(&rule.key),
                            ));
                        }
                        let level =
                            rule.value.as_str().and_then(Level::parse).ok_or_else(|| {
                                at(
                                    rule.value.span.start(),
                                    messages::config_bad_level(&rule.key),
                                )
                            })?;
                        config.rules.insert(rule.key.clone(), level);
                    }
                }
                "ignore" => config.ignore = string_list(&member.value, "ignore", &at)?,
                "data" => {
                    let lists = member.value.as_object().ok_or_else(|| {
                        at(
                            member.value.span.start(),
                            messages::config_data_not_object(),
                        )
                    })?;
                    for list in lists {
                        if !crate::base::data::EXTENSIBLE_LISTS.contains(&list.key.as_str()) {
                            let lists: Vec<String> = crate::base::data::EXTENSIBLE_LISTS
                                .iter()
                                .map(|l| l.to_string())
                                .collect();
                            return Err(at(
                                list.key_span.start(),
                                messages::config_unknown_list(&list.key, lists),
                            ));
                        }
                        let values = string_list(&list.value, &list.key, &at)?;
                        if API_LISTS.contains(&list.key.as_str())
                            && let (Some(items), Some(bad)) = (
                                list.value.as_array(),
                                values.iter().position(|v| Api::parse(v).is_none()),
                            )
                        {
                            return Err(at(
                                items[bad].span.start(),
                                messages::config_bad_api(&list.key, &values[bad]),
                            ));
                        }
                        config.data.lists.insert(list.key.clone(), values);
                    }
                }
                "lang" => {
                    let value = member.value.as_str();
                    let lang = value.and_then(Lang::parse).ok_or_else(|| {
                        at(
                            member.value.span.start(),
                            messages::config_bad_lang(value.unwrap_or(kind(&member.value))),
                        )
                    })?;
                    config.lang = Some(lang);
                }
                other => {
                    let problem = match suggest::similar(other, SETTINGS).first() {
                        Some(meant) => messages::config_unknown_setting_similar(other, *meant),
                        None => messages::config_unknown_setting(other),
                    };
                    return Err(at(member.key_span.start(), problem));
                }
            }
        }
        Ok(config)
    }

    /// Applies `--rule ID=LEVEL` overrides.
    pub fn override_rule(&mut self, spec: &str) -> Result<(), UsageError> {
        let (id, level) = spec
            .split_once('=')
            .ok_or_else(|| UsageError::new(messages::option_rule_syntax(spec)))?;
        let (id, level) = (id.trim(), level.trim());
        if rules::find(id).is_none() {
            return Err(UsageError::new(match rules::similar(id).first() {
                Some(meant) => messages::option_rule_unknown_similar(spec, id, meant),
                None => messages::option_rule_unknown(spec, id),
            }));
        }
        if rules::ALWAYS_ON.contains(&id) {
            return Err(UsageError::new(messages::option_rule_always_on(spec, id)));
        }
        let level = Level::parse(level)
            .ok_or_else(|| UsageError::new(messages::option_rule_bad_level(spec, level)))?;
        self.rules.insert(id.to_string(), level);
        Ok(())
    }

    /// The level of a rule in this run.
    pub fn level(&self, meta: &RuleMeta) -> Level {
        self.rules
            .get(meta.id)
            .copied()
            .unwrap_or(Level::On(meta.default_severity))
    }
}

fn string_list(
    value: &Json,
    name: &str,
    at: &dyn Fn(usize, Message) -> ConfigError,
) -> Result<Vec<String>, ConfigError> {
    let JsonValue::Array(items) = &value.value else {
        return Err(at(value.span.start(), messages::config_not_list(name)));
    };
    items
        .iter()
        .map(|item| {
            item.as_str().map(str::to_string).ok_or_else(|| {
                at(
                    item.span.start(),
                    messages::config_not_string(name, kind(item)),
                )
            })
        })
        .collect()
}

/// The kind of a JSON value, as the catalogue selects its wording.
fn kind(value: &Json) -> &'static str {
    match value.value {
        JsonValue::Null => "null",
        JsonValue::Bool(_) => "boolean",
        JsonValue::Number(_) => "number",
        JsonValue::String(_) => "string",
        JsonValue::Array(_) => "array",
        JsonValue::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let config = Config::parse(
            "{\n  // project settings\n  \"rules\": { \"deprecated-tt-pay\": \"warn\", \"unused-suppression\": \"off\" },\n  \"ignore\": [\"dist/**\"],\n}",
        )
        .unwrap();
        assert_eq!(
            config.rules["deprecated-tt-pay"],
            Level::On(Severity::Warning)
        );
        assert_eq!(config.rules["unused-suppression"], Level::Off);
        assert_eq!(config.ignore, vec!["dist/**"]);
    }

    #[test]
    fn mistakes_name_the_line_and_column() {
        let err = Config::parse("{\n  \"rules\": {\n    \"no-such-rule\": \"error\"\n  }\n}")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "3:5: unknown rule id `no-such-rule` (`ttlint rules` lists them)"
        );
        let err = Config::parse("{ \"rules\": { \"deprecated-tt-pay\": \"loud\" } }")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("1:35: bad level"), "{err}");
        let err = Config::parse("{ \"rule\": {} }").unwrap_err().to_string();
        assert_eq!(err, "1:3: unknown setting `rule`; did you mean `rules`?");
        let err = Config::parse("{ \"rules\": { \"drainage-qr\": \"off\" } }")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "1:14: unknown rule id `drainage-qr`; did you mean `drainage-qrcode`?"
        );
        let err = Config::parse("{ \"data\": { \"tradeApis\": [\"tt.myPay\", \"myPay\"] } }")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "1:39: `tradeApis` entries name an API as `tt.name`, `uni.name` or `Taro.name`; found `myPay`"
        );
        let err = Config::parse("{ \"ignore\": [1] }")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("1:14: `ignore` entries must be strings"),
            "{err}"
        );
        assert!(
            Config::parse("{ \"rules\": ")
                .unwrap_err()
                .to_string()
                .contains("invalid JSON")
        );
    }

    #[test]
    fn the_language_is_a_setting() {
        let config = Config::parse("{ \"lang\": \"zh-CN\" }").unwrap();
        assert_eq!(config.lang, Some(Lang::ZhCn));
        assert_eq!(Config::parse("{}").unwrap().lang, None);
        let err = Config::parse("{ \"lang\": \"fr\" }").unwrap_err();
        assert_eq!(
            err.to_string(),
            "1:11: `lang` must be \"en\" or \"zh-CN\"; found `fr`"
        );
        let zh = Catalogue::shared(Lang::ZhCn).render(&err.problem);
        assert_eq!(zh, "`lang` 只能是 `\"en\"` 或 `\"zh-CN\"`；实际是 `fr`");
    }

    #[test]
    fn command_line_overrides_are_checked() {
        let mut config = Config::default();
        config.override_rule("deprecated-tt-pay=off").unwrap();
        assert_eq!(config.rules["deprecated-tt-pay"], Level::Off);
        assert!(config.override_rule("deprecated-tt-pay").is_err());
        assert!(config.override_rule("nope=off").is_err());
        assert_eq!(
            config
                .override_rule("wechat-only-feture=off")
                .unwrap_err()
                .to_string(),
            "--rule wechat-only-feture=off: unknown rule id `wechat-only-feture`; did you mean `wechat-only-feature`?"
        );
        assert!(config.override_rule("deprecated-tt-pay=loud").is_err());
        assert_eq!(
            config
                .override_rule("internal-error=off")
                .unwrap_err()
                .to_string(),
            "--rule internal-error=off: `internal-error` cannot be configured: a failure of ttlint itself is always reported"
        );
    }
}
