//! `new-rule`: the five edits a rule needs, made at once. The rule file is rendered from a
//! template; the registry, the message catalogues, the message constructors and the config
//! schema get one insertion each, at a fixed anchor, so a failure names the anchor that moved.

use std::fs;
use std::path::Path;

/// What the developer asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The rule id, kebab-case: `drainage-phone`.
    pub id: String,
    pub category: String,
    pub severity: String,
}

const CATEGORIES: &[&str] = &["payment", "ios", "drainage", "service", "deposit"];
const SEVERITIES: &[&str] = &["error", "warning", "info"];

impl Request {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut id = None;
        let mut category = "drainage".to_string();
        let mut severity = "warning".to_string();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--category" => category = args.next().ok_or("--category needs a value")?.clone(),
                "--severity" => severity = args.next().ok_or("--severity needs a value")?.clone(),
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                name if id.is_none() => id = Some(name.to_string()),
                extra => return Err(format!("unexpected argument {extra}")),
            }
        }
        let id = id.ok_or(super::USAGE)?;
        if !is_kebab(&id) {
            return Err(format!(
                "`{id}` is not a rule id: lower-case words joined by `-`, like `drainage-phone`"
            ));
        }
        if !CATEGORIES.contains(&category.as_str()) {
            return Err(format!("category must be one of {}", CATEGORIES.join(", ")));
        }
        if !SEVERITIES.contains(&severity.as_str()) {
            return Err(format!("severity must be one of {}", SEVERITIES.join(", ")));
        }
        Ok(Self {
            id,
            category,
            severity,
        })
    }

    fn snake(&self) -> String {
        self.id.replace('-', "_")
    }

    fn pascal(&self) -> String {
        self.id
            .split('-')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect()
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// The rule's source file.
pub fn render_rule(request: &Request) -> String {
    let id = &request.id;
    let snake = request.snake();
    let pascal = request.pascal();
    let category = capitalised(&request.category);
    let severity = capitalised(&request.severity);
    format!(
        r####"//! `{id}`: one sentence on what it reports, for readers of the source.

use crate::analysis::context::FileContext;
use crate::base::diagnostic::{{Diagnostic, Severity}};
use crate::base::meta::{{Category, FixKind, RuleMeta}};
use crate::rules::rule::Rule;

pub struct {pascal};

pub static META: RuleMeta = RuleMeta {{
    id: "{id}",
    default_severity: Severity::{severity},
    category: Category::{category},
    fix: FixKind::None,
    summary: "what it finds, as the README's rule table says it",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/",
    docs: r#"## What it does
What the rule reports, in the words of the platform rule, and what it leaves alone.

## Why is this bad?
Which platform rule forbids it and what review does about it.

## Example
```html
<view>the smallest page the rule reports</view>
```

## Use instead
```html
<view>the same page, written the way the platform accepts</view>
```

## References
- The platform page: https://developer.open-douyin.com/
"#,
}};

impl Rule for {pascal} {{
    fn meta(&self) -> &'static RuleMeta {{
        &META
    }}

    /// Ask the markup model (`cx.content.markup()`) and the script facts
    /// (`cx.content.script()`), never a dialect: the rule then holds for `.ttml`, `.vue` and
    /// `.tsx` alike. Words go in `locales/en.ftl` through `messages::{snake}`.
    fn check_file(&self, _cx: &FileContext<'_>, _out: &mut Vec<Diagnostic>) {{}}
}}

#[cfg(test)]
mod tests {{
    use super::*;
    use crate::rules::tester::{{Tester, check_docs, js, tsx, ttml, vue}};

    #[test]
    fn cases() {{
        Tester::new(&{pascal})
            .pass([
                // Traps: the same words in a comment, in `console.*`, in a look-alike name,
                // in code compiled only for another platform, in a feature test.
                js("// the pattern, commented out"),
                js("console.log('the pattern, logged')"),
                js("// #ifdef MP-WEIXIN\n// the pattern, built for WeChat only\n// #endif"),
                ttml("<view>an ordinary page</view>"),
                vue("<template>\n  <view>an ordinary page</view>\n</template>"),
                tsx("export default function Page() {{\n  return null\n}}"),
            ])
            .fail([
                ttml("<view>the pattern, in a native template</view>"),
                vue("<template>\n  <view>the pattern, in a uni-app page</view>\n</template>"),
                tsx("import {{ View }} from '@tarojs/components'\nexport default function Page() {{\n  return <View>the pattern, in a Taro page</View>\n}}"),
            ])
            .test_and_snapshot();
    }}

    #[test]
    fn docs_examples() {{
        check_docs(&{pascal});
    }}
}}
"####
    )
}

/// `src/rules/mod.rs` with the module declared (in order) and the rule registered before the
/// engine's own rules.
pub fn register(mod_rs: &str, request: &Request) -> Result<String, String> {
    let snake = request.snake();
    let declaration = format!("mod {snake};");
    if mod_rs.contains(&declaration) {
        return Err(format!("`{}` is already registered", request.id));
    }
    let mut lines: Vec<String> = mod_rs.lines().map(str::to_string).collect();
    let module_name = |line: &str| {
        line.strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
            .and_then(|rest| rest.strip_suffix(';'))
            .map(str::to_string)
    };
    let modules: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| module_name(l).map(|m| (i, m)))
        .collect();
    let at = modules
        .iter()
        .find(|(_, m)| *m > snake)
        .or(modules.last())
        .map(|&(i, ref m)| if *m > snake { i } else { i + 1 })
        .ok_or("src/rules/mod.rs declares no modules")?;
    lines.insert(at, declaration);
    let anchor = "    &parse_error::ParseError,";
    let engine = lines
        .iter()
        .position(|l| l == anchor)
        .ok_or_else(|| format!("src/rules/mod.rs: the line `{anchor}` moved"))?;
    lines.insert(engine, format!("    &{snake}::{},", request.pascal()));
    Ok(lines.join("\n") + "\n")
}

/// A catalogue with the rule's section added before the engine rules' messages.
pub fn add_messages(ftl: &str, request: &Request) -> Result<String, String> {
    let anchor = "## parse-error\n";
    let at = ftl
        .find(anchor)
        .ok_or_else(|| format!("a catalogue lost its `{}` heading", anchor.trim()))?;
    let id = &request.id;
    let section = format!(
        "## {id}\n\n{id} = `{{ $found }}`: what is wrong, and why the platform rejects it\n{id}-help = What to do instead.\n\n"
    );
    Ok(format!("{}{section}{}", &ftl[..at], &ftl[at..]))
}

/// `src/base/messages.rs` with the rule's constructors added before the engine rules' ones.
pub fn add_constructors(messages_rs: &str, request: &Request) -> Result<String, String> {
    let anchor = "    parse_error";
    let at = messages_rs
        .find(anchor)
        .ok_or_else(|| format!("src/base/messages.rs: `{}` moved", anchor.trim()))?;
    let (snake, id) = (request.snake(), &request.id);
    let lines = format!("    {snake}(found) = \"{id}\";\n    {snake}_help() = \"{id}-help\";\n\n");
    Ok(format!(
        "{}{lines}{}",
        &messages_rs[..at],
        &messages_rs[at..]
    ))
}

/// The config schema with the rule's level added first among the rules.
pub fn add_to_schema(schema: &str, request: &Request) -> Result<String, String> {
    let rules = schema
        .find("\"rules\": {")
        .ok_or("schemas/ttlint.schema.json has no `rules`")?;
    let properties = schema[rules..]
        .find("\"properties\": {\n")
        .map(|i| rules + i + "\"properties\": {\n".len())
        .ok_or("schemas/ttlint.schema.json: `rules` has no `properties`")?;
    let entry = format!(
        "        \"{}\": {{\n          \"$ref\": \"#/definitions/level\"\n        }},\n",
        request.id
    );
    Ok(format!(
        "{}{entry}{}",
        &schema[..properties],
        &schema[properties..]
    ))
}

/// Makes every edit, or none: all files are read and edited in memory before any is written.
pub fn create(root: &Path, request: &Request) -> Result<String, String> {
    let read = |path: &str| {
        fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let rule_path = format!("src/rules/{}.rs", request.snake());
    if root.join(&rule_path).exists() {
        return Err(format!("{rule_path} already exists"));
    }
    let mut writes = vec![
        (rule_path.clone(), render_rule(request)),
        (
            "src/rules/mod.rs".to_string(),
            register(&read("src/rules/mod.rs")?, request)?,
        ),
        (
            "src/base/messages.rs".to_string(),
            add_constructors(&read("src/base/messages.rs")?, request)?,
        ),
        (
            "schemas/ttlint.schema.json".to_string(),
            add_to_schema(&read("schemas/ttlint.schema.json")?, request)?,
        ),
    ];
    let mut catalogues: Vec<String> = fs::read_dir(root.join("locales"))
        .map_err(|e| format!("cannot read locales/: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect();
    catalogues.sort();
    for name in catalogues {
        let path = format!("locales/{name}");
        writes.push((path.clone(), add_messages(&read(&path)?, request)?));
    }
    for (path, text) in &writes {
        fs::write(root.join(path), text).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    let edited: Vec<&str> = writes.iter().map(|(p, _)| p.as_str()).collect();
    Ok(format!(
        "Created {rule_path} and edited {}.\n\nNext:\n  1. Write the check, the docs and the pass/fail cases in {rule_path}; put every message in the catalogues.\n  2. cargo test --lib rules::{} — then review and accept the snapshot with INSTA_UPDATE=always.\n  3. Paste `cargo run -- rules --format markdown` over the README's rule table.\n  4. cargo test --workspace",
        edited[1..].join(", "),
        request.snake()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request::parse(&[
            "drainage-phone".into(),
            "--severity".into(),
            "warning".into(),
        ])
        .expect("a valid request")
    }

    #[test]
    fn the_rule_file_is_the_template() {
        insta::assert_snapshot!(render_rule(&request()));
    }

    #[test]
    fn requests_are_validated() {
        let parse =
            |args: &[&str]| Request::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>());
        assert_eq!(
            parse(&["induced-share", "--category", "service"]),
            Ok(Request {
                id: "induced-share".into(),
                category: "service".into(),
                severity: "warning".into(),
            })
        );
        assert!(parse(&["Drainage_Phone"]).is_err());
        assert!(parse(&["drainage--phone"]).is_err());
        assert!(parse(&["x", "--category", "engine"]).is_err());
        assert!(parse(&[]).is_err());
    }

    #[test]
    fn the_registry_gets_the_module_in_order_and_the_rule_before_the_engine_rules() {
        let before = "mod drainage_contact;\nmod evidence;\npub mod rule;\n\nstatic RULES: &[&dyn Rule] = &[\n    &drainage_contact::DrainageContact,\n    &parse_error::ParseError,\n];\n";
        insta::assert_snapshot!(register(before, &request()).unwrap());
        let twice = register(&register(before, &request()).unwrap(), &request());
        assert_eq!(twice, Err("`drainage-phone` is already registered".into()));
    }

    #[test]
    fn messages_constructors_and_schema_get_one_entry_each() {
        let ftl =
            "## drainage-contact\n\ndrainage-contact = x\n\n## parse-error\n\nparse-error = y\n";
        let messages = "messages! {\n    drainage_contact(found) = \"drainage-contact\";\n\n    parse_error(detail) = \"parse-error\";\n}\n";
        let schema = "{\n  \"properties\": {\n    \"rules\": {\n      \"type\": \"object\",\n      \"properties\": {\n        \"drainage-contact\": {\n          \"$ref\": \"#/definitions/level\"\n        }\n      }\n    }\n  }\n}\n";
        insta::assert_snapshot!(format!(
            "{}\n---\n{}\n---\n{}",
            add_messages(ftl, &request()).unwrap(),
            add_constructors(messages, &request()).unwrap(),
            add_to_schema(schema, &request()).unwrap()
        ));
    }

    /// The scaffold against the real repository files: every anchor it needs is still there.
    #[test]
    fn the_anchors_exist_in_the_repository() {
        let root = crate::repo_root();
        let read = |p: &str| fs::read_to_string(root.join(p)).unwrap();
        let request = Request::parse(&["scaffold-anchor-check".into()]).unwrap();
        register(&read("src/rules/mod.rs"), &request).unwrap();
        add_constructors(&read("src/base/messages.rs"), &request).unwrap();
        add_to_schema(&read("schemas/ttlint.schema.json"), &request).unwrap();
        add_messages(&read("locales/en.ftl"), &request).unwrap();
    }
}
