//! Where and how a `ttlint-disable` comment goes: the edits behind "disable `RULE` for this
//! line" and "for this file", in the comment syntax of the place they are written.
//!
//! The syntax depends on the place, not only on the file: `//` in scripts and in a Vue
//! `<script>`, `<!-- -->` in TTML, in a Vue `<template>` and between a `.vue` file's blocks,
//! `{/* */}` among JSX children (and `//` inside a JSX tag's attributes, where JS comments are
//! allowed). A comment is never put where it would change the code: a line inside a multi-line
//! start tag or `{{ }}` of a template gets a `ttlint-disable` … `ttlint-enable` pair around that
//! tag instead, since a template comment cannot go inside a tag; a line inside an `<sjs>` body gets
//! no line action (its comments are not read as directives). `.json` files have no comments.
//!
//! Known limit: in a script, a line inside a multi-line template literal gets the `//` line
//! above it, inside the literal; ttlint keeps no token positions to see that.

use std::path::Path;

use crate::base::diagnostic::Edit;
use crate::base::source::{LineIndex, Span};
use crate::syntax::load::Loaded;
use crate::syntax::markup::{Markup, NodeKind, TextPart};
use crate::syntax::vue::sfc;

/// How a comment is written at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// `// …`
    Line,
    /// `<!-- … -->`
    Html,
    /// `{/* … */}`
    JsxChild,
}

impl Syntax {
    fn wrap(self, body: &str) -> String {
        match self {
            Self::Line => format!("// {body}"),
            Self::Html => format!("<!-- {body} -->"),
            Self::JsxChild => format!("{{/* {body} */}}"),
        }
    }

    /// The body of a comment of this syntax that fills `line` (trimmed), and where it starts in
    /// the line.
    fn body_of(self, line: &str) -> Option<(usize, &str)> {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let (open, close) = match self {
            Self::Line => ("//", ""),
            Self::Html => ("<!--", "-->"),
            Self::JsxChild => ("{/*", "*/}"),
        };
        let inner = trimmed.strip_prefix(open)?.strip_suffix(close)?;
        Some((lead + open.len(), inner))
    }
}

/// What kind of file, for its comment syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Family {
    /// `.js`, `.ts`, `.sjs` and the like: `//` everywhere.
    Script,
    /// `.ttml`: `<!-- -->`.
    Template,
    /// `.vue`: by block.
    Vue {
        template: Option<Span>,
        scripts: Vec<Span>,
    },
    /// `.jsx`, `.tsx`: `//`, and `{/* */}` among JSX children.
    Jsx,
}

impl Family {
    fn of(path: &Path, text: &str) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => return None,
            "ttml" => Self::Template,
            "vue" => {
                let split = sfc::split(text, 0);
                Self::Vue {
                    template: split.template.map(|t| t.inner),
                    scripts: split.scripts.iter().map(|s| s.inner).collect(),
                }
            }
            "jsx" | "tsx" => Self::Jsx,
            _ => Self::Script,
        })
    }
}

/// A stretch of markup a line may fall inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RegionKind {
    /// From `<` to the `>` of a start tag.
    StartTag,
    /// An expression in text: `{{ }}`, a JSX `{…}`.
    Expression,
    /// Between an element's start and end tags.
    Children,
    /// The script body of `<sjs>`.
    Raw,
}

#[derive(Debug, Clone, Copy)]
struct Region {
    span: Span,
    kind: RegionKind,
}

/// The regions of a file's markup, in no particular order.
fn regions(markup: &Markup, text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    for node in &markup.nodes {
        match &node.kind {
            NodeKind::Element(element) => {
                // A start tag cut off before its `>` has no children to tell apart.
                let Some(gt) = (element.start_tag_end as usize)
                    .checked_sub(1)
                    .filter(|&gt| text.as_bytes().get(gt) == Some(&b'>'))
                else {
                    continue;
                };
                out.push(Region {
                    span: Span::new(node.span.start(), gt + 1),
                    kind: RegionKind::StartTag,
                });
                let self_closing = text.get(..gt).is_some_and(|t| t.ends_with('/'));
                if self_closing || gt + 1 >= node.span.end() {
                    continue;
                }
                let close = text
                    .get(gt + 1..node.span.end())
                    .and_then(|inner| inner.rfind("</"))
                    .map_or(node.span.end(), |at| gt + 1 + at);
                let kind = if element.tag == "sjs" {
                    RegionKind::Raw
                } else {
                    RegionKind::Children
                };
                out.push(Region {
                    span: Span::new(gt + 1, close),
                    kind,
                });
            }
            NodeKind::Text(parts) => {
                for part in parts {
                    if let TextPart::Dynamic { span, .. } = part {
                        out.push(Region {
                            span: *span,
                            kind: RegionKind::Expression,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Writes `ttlint-disable` comments into one file.
pub struct Commenter<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    bom: usize,
    family: Family,
    regions: Vec<Region>,
}

/// Where a line-level directive goes.
enum Placement {
    /// `ttlint-disable-next-line` on a line of its own above.
    NextLine(Syntax),
    /// `ttlint-disable` above the lines of `span` and `ttlint-enable` after them.
    Around(Span, Syntax),
}

impl<'a> Commenter<'a> {
    /// The commenter of a loaded file; `None` for a file without comments (`.json`).
    pub fn new(loaded: &'a Loaded) -> Option<Self> {
        let source = &loaded.source;
        let family = Family::of(&source.path, source.text())?;
        let regions = match (&family, loaded.content.markup()) {
            (Family::Script, _) | (_, None) => Vec::new(),
            (_, Some(markup)) => regions(markup, source.text()),
        };
        Some(Self {
            text: source.text(),
            lines: source.lines(),
            bom: source.bom,
            family,
            regions,
        })
    }

    /// The text of a 1-based line, without its line break.
    fn line_text(&self, line: u32) -> Option<(usize, &'a str)> {
        let start = self.lines.line_start(line)?;
        let end = self
            .lines
            .line_start(line + 1)
            .unwrap_or(self.text.len())
            .max(start);
        let text = self.text.get(start..end)?;
        Some((start, text.trim_end_matches(['\n', '\r'])))
    }

    /// The line break the file uses at `line` (`\r\n` or `\n`).
    fn newline(&self, line: u32) -> &'static str {
        let end = self.lines.line_start(line + 1).unwrap_or(self.text.len());
        let start = self.lines.line_start(line).unwrap_or(0);
        match self.text.get(start..end) {
            Some(t) if t.ends_with("\r\n") => "\r\n",
            Some(t) if t.ends_with('\n') || t.ends_with('\r') => "\n",
            _ if self.text.contains("\r\n") => "\r\n",
            _ => "\n",
        }
    }

    /// The innermost region strictly containing `offset`, and the outermost start tag or
    /// expression containing it (a template comment cannot go inside either).
    fn placement(&self, offset: usize) -> Option<Placement> {
        let inside = |r: &&Region| r.span.start() < offset && offset < r.span.end();
        let innermost = self
            .regions
            .iter()
            .filter(inside)
            .max_by_key(|r| (r.span.start(), std::cmp::Reverse(r.span.end())));
        let unbreakable = self
            .regions
            .iter()
            .filter(inside)
            .filter(|r| matches!(r.kind, RegionKind::StartTag | RegionKind::Expression))
            .min_by_key(|r| (r.span.start(), std::cmp::Reverse(r.span.end())));
        let markup = |this: &Self| {
            match innermost.map(|r| r.kind) {
                Some(RegionKind::Raw) => None,
                _ => Some(match unbreakable {
                    Some(r) => Placement::Around(r.span, Syntax::Html),
                    None => Placement::NextLine(Syntax::Html),
                }),
            }
            .filter(|_| this.text.is_char_boundary(offset))
        };
        match &self.family {
            Family::Script => Some(Placement::NextLine(Syntax::Line)),
            Family::Template => markup(self),
            Family::Vue { template, scripts } => {
                let within = |s: &Span| s.start() <= offset && offset <= s.end();
                if scripts.iter().any(within) {
                    Some(Placement::NextLine(Syntax::Line))
                } else if template.as_ref().is_some_and(within) {
                    markup(self)
                } else {
                    Some(Placement::NextLine(Syntax::Html))
                }
            }
            Family::Jsx => Some(Placement::NextLine(match innermost.map(|r| r.kind) {
                Some(RegionKind::Children) => Syntax::JsxChild,
                _ => Syntax::Line,
            })),
        }
    }

    /// The edits that make `ttlint-disable-next-line RULE` (or a disable/enable pair) cover
    /// the line of `offset`. `None` where no comment can go.
    pub fn disable_line(&self, rule: &str, offset: usize) -> Option<Vec<Edit>> {
        let line = self.lines.line_of(offset);
        let (start, text) = self.line_text(line)?;
        let indent = &text[..text.len() - text.trim_start().len()];
        let nl = self.newline(line);
        match self.placement(start + indent.len())? {
            Placement::NextLine(syntax) => {
                let directive = "ttlint-disable-next-line";
                if let Some(edit) = self.extend(line.checked_sub(1), syntax, directive, rule) {
                    return Some(vec![edit]);
                }
                let comment = syntax.wrap(&format!("{directive} {rule}"));
                Some(vec![Edit {
                    span: Span::new(start, start),
                    text: format!("{indent}{comment}{nl}"),
                }])
            }
            Placement::Around(span, syntax) => {
                let first = self.lines.line_of(span.start());
                let (first_start, first_text) = self.line_text(first)?;
                let indent = &first_text[..first_text.len() - first_text.trim_start().len()];
                let last = self.lines.line_of(span.end().saturating_sub(1));
                let (last_start, last_text) = self.line_text(last)?;
                let last_end = last_start + last_text.len();
                Some(vec![
                    Edit {
                        span: Span::new(first_start, first_start),
                        text: format!(
                            "{indent}{}{nl}",
                            syntax.wrap(&format!("ttlint-disable {rule}"))
                        ),
                    },
                    Edit {
                        span: Span::new(last_end, last_end),
                        text: format!(
                            "{nl}{indent}{}",
                            syntax.wrap(&format!("ttlint-enable {rule}"))
                        ),
                    },
                ])
            }
        }
    }

    /// The edit that makes `ttlint-disable-file RULE` at the top of the file cover the rule.
    pub fn disable_file(&self, rule: &str) -> Vec<Edit> {
        let syntax = match self.family {
            Family::Script | Family::Jsx => Syntax::Line,
            Family::Template | Family::Vue { .. } => Syntax::Html,
        };
        // After a byte-order mark, and after a `#!` line, which must stay first.
        let mut line = 1;
        if self.family == Family::Script
            && self
                .line_text(1)
                .is_some_and(|(_, t)| t.trim_start_matches('\u{feff}').starts_with("#!"))
        {
            line = 2;
        }
        let directive = "ttlint-disable-file";
        if let Some(edit) = self.extend(Some(line), syntax, directive, rule) {
            return vec![edit];
        }
        let at = self
            .lines
            .line_start(line)
            .unwrap_or(self.text.len())
            .max(self.bom);
        let nl = self.newline(1);
        let text = if at == self.text.len() && line > 1 && !self.text.ends_with('\n') {
            // A `#!` line with nothing after it.
            format!("{nl}{}", syntax.wrap(&format!("{directive} {rule}")))
        } else {
            format!("{}{nl}", syntax.wrap(&format!("{directive} {rule}")))
        };
        vec![Edit {
            span: Span::new(at, at),
            text,
        }]
    }

    /// When `line` is already a `directive` comment of `syntax` naming some rules, the edit that
    /// adds `rule` to it.
    fn extend(
        &self,
        line: Option<u32>,
        syntax: Syntax,
        directive: &str,
        rule: &str,
    ) -> Option<Edit> {
        let line = line.filter(|&l| l >= 1)?;
        let (start, text) = self.line_text(line)?;
        let (body_at, body) = syntax.body_of(text)?;
        let args = body.trim_start().strip_prefix(directive)?;
        if !args.starts_with(char::is_whitespace) {
            return None;
        }
        // Ids end where the reason (` -- …`) starts.
        let ids_len = args.find(" --").unwrap_or(args.trim_end().len());
        let ids = &args[..ids_len];
        if ids.trim().is_empty()
            || ids
                .split(|c: char| c == ',' || c.is_whitespace())
                .any(|id| id == rule)
        {
            return None;
        }
        let args_at = body_at + (body.len() - body.trim_start().len()) + directive.len();
        let at = start + args_at + ids.trim_end().len();
        Some(Edit {
            span: Span::new(at, at),
            text: format!(", {rule}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::base::source::{FileKind, SourceFile};
    use crate::syntax::js::facts::Keep;
    use crate::syntax::load;

    fn apply(text: &str, mut edits: Vec<Edit>) -> String {
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start()));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.span.start()..e.span.end(), &e.text);
        }
        out
    }

    /// A file as the engine loads it, whose templates keep no `class` (no rule reads it).
    fn loaded(name: &str, text: &str) -> Loaded {
        let path = PathBuf::from(format!("/p/{name}"));
        let kind = FileKind::from_path(&path).unwrap_or(FileKind::Script);
        let keep = Keep {
            attribute: &|name| name != "class",
            ..Keep::EVERYTHING
        };
        load::parse_keeping(
            SourceFile::new(path, name.into(), kind, text.into()),
            load::Origin::Build,
            keep,
        )
    }

    /// The file after "disable for this line" on the line holding `needle`.
    fn line_action(name: &str, text: &str, needle: &str) -> Option<String> {
        let file = loaded(name, text);
        let c = Commenter::new(&file)?;
        let at = text.find(needle).unwrap();
        c.disable_line("drainage-contact", at)
            .map(|edits| apply(text, edits))
    }

    #[test]
    fn scripts_get_a_line_comment_with_the_line_indentation() {
        let js = "Page({\n  onLoad() {\n    tt.pay({});\n  },\n});\n";
        assert_eq!(
            line_action("a.js", js, "tt.pay").unwrap(),
            "Page({\n  onLoad() {\n    // ttlint-disable-next-line drainage-contact\n    tt.pay({});\n  },\n});\n"
        );
        let crlf = "a();\r\n\ttt.pay();\r\n";
        assert_eq!(
            line_action("a.ts", crlf, "tt.pay").unwrap(),
            "a();\r\n\t// ttlint-disable-next-line drainage-contact\r\n\ttt.pay();\r\n"
        );
    }

    #[test]
    fn an_existing_directive_gains_the_rule() {
        let js = "  // ttlint-disable-next-line deprecated-tt-pay -- legacy\n  tt.pay();\n";
        assert_eq!(
            line_action("a.js", js, "tt.pay(").unwrap(),
            "  // ttlint-disable-next-line deprecated-tt-pay, drainage-contact -- legacy\n  tt.pay();\n"
        );
        let ttml = "<!-- ttlint-disable-next-line im-button-invalid -->\n<view>加微信</view>\n";
        assert_eq!(
            line_action("a.ttml", ttml, "<view>").unwrap(),
            "<!-- ttlint-disable-next-line im-button-invalid, drainage-contact -->\n<view>加微信</view>\n"
        );
    }

    #[test]
    fn templates_get_html_comments_and_never_inside_a_tag() {
        let ttml = "<view>\n  <text>加微信</text>\n</view>\n";
        assert_eq!(
            line_action("a.ttml", ttml, "<text>").unwrap(),
            "<view>\n  <!-- ttlint-disable-next-line drainage-contact -->\n  <text>加微信</text>\n</view>\n"
        );
        let multiline = "<view>\n  <button\n    class=\"b\"\n    open-type=\"contact\"\n  >客服</button>\n</view>\n";
        assert_eq!(
            line_action("a.ttml", multiline, "open-type").unwrap(),
            "<view>\n  <!-- ttlint-disable drainage-contact -->\n  <button\n    class=\"b\"\n    open-type=\"contact\"\n  >客服</button>\n  <!-- ttlint-enable drainage-contact -->\n</view>\n"
        );
        let mustache = "<view>{{ vip\n  ? '加微信' : '' }}</view>\n";
        assert_eq!(
            line_action("a.ttml", mustache, "? '加微信'").unwrap(),
            "<!-- ttlint-disable drainage-contact -->\n<view>{{ vip\n  ? '加微信' : '' }}</view>\n<!-- ttlint-enable drainage-contact -->\n"
        );
        let sjs = "<sjs module=\"m\">\nvar a = 1;\n</sjs>\n";
        assert_eq!(line_action("a.ttml", sjs, "var a"), None);
        assert!(line_action("app.json", "{}", "{").is_none());
    }

    #[test]
    fn a_start_tag_ends_at_its_own_gt_not_at_one_in_a_dropped_value() {
        let ttml = "<button open-type=\"contact\" class=\"a>b\">客服</button>";
        let file = loaded("a.ttml", ttml);
        let markup = file.content.markup().expect("a template");
        let spans: Vec<(&str, RegionKind)> = regions(markup, ttml)
            .iter()
            .map(|r| (&ttml[r.span.start()..r.span.end()], r.kind))
            .collect();
        assert_eq!(
            format!("{spans:?}"),
            r#"[("<button open-type=\"contact\" class=\"a>b\">", StartTag), ("客服", Children)]"#
        );
    }

    #[test]
    fn the_directives_written_suppress_the_finding() {
        use crate::syntax::suppress::Suppressions;
        for (name, text, needle) in [
            ("a.js", "x();\n    tt.pay();\n", "tt.pay"),
            (
                "a.ttml",
                "<view>\n  <text>加微信</text>\n</view>\n",
                "加微信",
            ),
            (
                "a.ttml",
                "<button\n  open-type=\"contact\"\n>x</button>\n",
                "open-type",
            ),
            (
                "a.vue",
                "<template>\n  <view>\n    <text>加微信</text>\n  </view>\n</template>\n",
                "加微信",
            ),
            (
                "a.vue",
                "<template><view/></template>\n<script setup>\nconst a = 1\nwx.login()\n</script>\n",
                "wx.login",
            ),
            (
                "a.tsx",
                "export default () => (\n  <View>\n    <Text>加微信</Text>\n  </View>\n)\n",
                "加微信",
            ),
            (
                "a.tsx",
                "export default () => (\n  <Button\n    openType=\"contact\"\n  />\n)\n",
                "openType",
            ),
        ] {
            let after = line_action(name, text, needle).unwrap();
            let file = loaded(name, &after);
            let mut s: Suppressions = file.suppressions.clone();
            let at = after.find(needle).unwrap();
            let line = file.source.lines().line_of(at);
            assert!(s.suppresses("drainage-contact", at, line), "{after}");
        }
    }

    #[test]
    fn file_level_directives_go_on_top() {
        let file = loaded("a.js", "#!/usr/bin/env node\ntt.pay();\n");
        let c = Commenter::new(&file).unwrap();
        assert_eq!(
            apply(file.source.text(), c.disable_file("deprecated-tt-pay")),
            "#!/usr/bin/env node\n// ttlint-disable-file deprecated-tt-pay\ntt.pay();\n"
        );
        let file = loaded("a.ttml", "\u{feff}<view/>\n");
        let c = Commenter::new(&file).unwrap();
        assert_eq!(
            apply(file.source.text(), c.disable_file("drainage-contact")),
            "\u{feff}<!-- ttlint-disable-file drainage-contact -->\n<view/>\n"
        );
        let file = loaded("a.js", "// ttlint-disable-file a-rule\nx();\n");
        let c = Commenter::new(&file).unwrap();
        assert_eq!(
            apply(file.source.text(), c.disable_file("deprecated-tt-pay")),
            "// ttlint-disable-file a-rule, deprecated-tt-pay\nx();\n"
        );
    }

    #[test]
    fn vue_blocks_have_their_own_syntax() {
        let text = "<template>\n  <view>\n    <text>加微信</text>\n  </view>\n</template>\n<script>\nexport default {\n  m() { wx.login(); },\n};\n</script>\n";
        let file = loaded("a.vue", text);
        let c = Commenter::new(&file).unwrap();
        let template = apply(
            text,
            c.disable_line("r", text.find("<text>").unwrap()).unwrap(),
        );
        assert_eq!(
            template,
            text.replace(
                "    <text>",
                "    <!-- ttlint-disable-next-line r -->\n    <text>"
            )
        );
        let script = apply(
            text,
            c.disable_line("r", text.find("m()").unwrap()).unwrap(),
        );
        assert_eq!(
            script,
            text.replace("  m() {", "  // ttlint-disable-next-line r\n  m() {")
        );
        assert_eq!(
            apply(text, c.disable_file("r")),
            format!("<!-- ttlint-disable-file r -->\n{text}")
        );
    }

    #[test]
    fn jsx_children_get_a_braced_comment() {
        let text = "const A = () => (\n  <View\n    className=\"a\"\n  >\n    <Text>加微信</Text>\n  </View>\n);\n";
        let file = loaded("a.tsx", text);
        let c = Commenter::new(&file).unwrap();
        let inside = apply(
            text,
            c.disable_line("r", text.find("<Text>").unwrap()).unwrap(),
        );
        assert_eq!(
            inside,
            text.replace(
                "    <Text>",
                "    {/* ttlint-disable-next-line r */}\n    <Text>"
            )
        );
        // Among a tag's attributes a JS comment is allowed.
        let attribute = apply(
            text,
            c.disable_line("r", text.find("className").unwrap())
                .unwrap(),
        );
        assert_eq!(
            attribute,
            text.replace(
                "    className",
                "    // ttlint-disable-next-line r\n    className"
            )
        );
        let outside = apply(text, c.disable_line("r", 0).unwrap());
        assert_eq!(outside, format!("// ttlint-disable-next-line r\n{text}"));
        assert_eq!(
            apply(text, c.disable_file("r")),
            format!("// ttlint-disable-file r\n{text}")
        );
    }
}
