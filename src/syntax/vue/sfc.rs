//! Splitting a `.vue` single-file component into its top-level blocks, with exact offsets.
//!
//! Only the outline is read here: where the `<template>` body and each `<script>` body start
//! and end, and the comments between blocks (uni-app's `<!-- #ifdef -->` and `ttlint-disable`
//! directives can sit there). The bodies are parsed by their own parsers at those offsets, so
//! every span of every finding points into the `.vue` file.
//!
//! Like Vue's own compiler, only `<template>` is markup: its end is the `</template>` that
//! matches it by depth (`<template v-if>` and `<template #slot>` nest inside it). `<script>`,
//! `<style>` and custom blocks (`<i18n>`, `<docs>`) are raw text up to their end tag. Text
//! between blocks is ignored. Broken files are recovered from: a block never closed runs to the
//! end of the file and is reported at its opening tag.

use crate::base::source::{FileKind, Span};
use crate::syntax::comment::Comment;
use crate::syntax::syntax_error::SyntaxError;

/// A `.vue` file's blocks, in the terms the loader needs.
#[derive(Debug, Clone, Default)]
pub struct Sfc {
    /// The first `<template>` block (Vue compiles only one).
    pub template: Option<Template>,
    /// Every `<script>` block, in file order: the options-API `<script>` and `<script setup>`
    /// may both be present.
    pub scripts: Vec<Script>,
    /// `<!-- -->` comments between blocks (their text without the delimiters). Comments inside
    /// a block belong to that block's parser.
    pub comments: Vec<Comment>,
    /// Blocks never closed, comments cut off, duplicate templates; in source order.
    pub errors: Vec<SyntaxError>,
}

/// The `<template>` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// From the `<` of `<template` to the end of `</template>` (or of the file).
    pub span: Span,
    /// The markup between the tags.
    pub inner: Span,
    /// `lang="pug"`: a template that is not HTML-like markup and cannot be read as such.
    pub lang: Option<String>,
    /// `src="./page.html"`: the markup lives in another file.
    pub src: Option<String>,
}

/// A `<script>` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// From the `<` of `<script` to the end of `</script>` (or of the file).
    pub span: Span,
    /// The code between the tags.
    pub inner: Span,
    /// `<script setup>`: the Composition API's compiled-away component body.
    pub setup: bool,
    pub lang: ScriptLang,
    /// `src="./page.js"`: the code lives in another file.
    pub src: Option<String>,
}

/// The language of a `<script>` block, from its `lang` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptLang {
    /// No `lang`, or `lang="js"`.
    Js,
    Jsx,
    Ts,
    Tsx,
    /// Any other language (`coffee`): not parsed by ttlint.
    Other(String),
}

impl ScriptLang {
    /// The kind of script the block is parsed as; `None` for a language ttlint does not read.
    pub fn file_kind(&self) -> Option<FileKind> {
        match self {
            Self::Js => Some(FileKind::Script),
            Self::Jsx => Some(FileKind::Jsx),
            Self::Ts => Some(FileKind::TypeScript),
            Self::Tsx => Some(FileKind::Tsx),
            Self::Other(_) => None,
        }
    }

    fn from_attr(lang: Option<&str>) -> Self {
        match lang.map(str::to_ascii_lowercase).as_deref() {
            None | Some("js" | "javascript" | "") => Self::Js,
            Some("jsx") => Self::Jsx,
            Some("ts" | "typescript") => Self::Ts,
            Some("tsx") => Self::Tsx,
            Some(other) => Self::Other(other.to_string()),
        }
    }
}

/// Splits a `.vue` file whose text (after any byte-order mark) starts at byte `base` of the
/// file into its blocks. Never fails: what is broken is in [`Sfc::errors`].
pub fn split(text: &str, base: usize) -> Sfc {
    let mut s = Splitter {
        text,
        bytes: text.as_bytes(),
        base,
        sfc: Sfc::default(),
    };
    s.run();
    let mut sfc = s.sfc;
    sfc.errors.sort_by_key(|e| e.span.start());
    sfc
}

/// An attribute of a block's opening tag, as written (no entity decoding).
struct RawAttr<'a> {
    name: &'a str,
    value: Option<&'a str>,
}

/// An opening tag read up to its `>`.
struct Head<'a> {
    name: &'a str,
    /// Offset just past the end of the name (the span of errors at this tag).
    name_end: usize,
    attrs: Vec<RawAttr<'a>>,
    /// Offset just past `>` or `/>`; `None` when the file ends inside the tag.
    end: Option<usize>,
    self_closing: bool,
}

impl Head<'_> {
    fn attr(&self, name: &str) -> Option<&RawAttr<'_>> {
        self.attrs.iter().find(|a| a.name == name)
    }

    fn value(&self, name: &str) -> Option<String> {
        self.attr(name)?.value.map(str::to_string)
    }
}

fn is_tag_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    base: usize,
    sfc: Sfc,
}

impl<'a> Splitter<'a> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error(&mut self, start: usize, end: usize, message: String) {
        let span = self.span(start, end.max(start + 1));
        self.sfc.errors.push(SyntaxError { span, message });
    }

    // memchr's searches rather than `str::find` and `Iterator::position`: the splitter looks
    // for the next `<` of every tag in a template, and a byte-at-a-time loop was a third of
    // splitting a page.
    fn find(&self, from: usize, needle: &str) -> Option<usize> {
        memchr::memmem::find(self.bytes.get(from..)?, needle.as_bytes()).map(|i| from + i)
    }

    fn find_byte(&self, from: usize, needle: u8) -> Option<usize> {
        memchr::memchr(needle, self.bytes.get(from..)?).map(|i| from + i)
    }

    fn skip_whitespace(&self, mut i: usize) -> usize {
        while i < self.bytes.len() && self.bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    fn name_end(&self, mut i: usize) -> usize {
        while i < self.bytes.len() && is_tag_name(self.bytes[i]) {
            i += 1;
        }
        i
    }

    /// Whether `<` at `at` opens a tag: a letter follows it.
    fn opens_tag(&self, at: usize) -> bool {
        self.bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
    }

    /// Whether `<` at `at` starts an end tag `</name`.
    fn opens_end_tag(&self, at: usize) -> bool {
        self.bytes.get(at + 1) == Some(&b'/')
            && self.bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic)
    }

    fn run(&mut self) {
        let mut i = 0;
        while let Some(lt) = self.find_byte(i, b'<') {
            i = if self.bytes[lt..].starts_with(b"<!--") {
                self.comment(lt)
            } else if self.opens_tag(lt) {
                self.block(lt)
            } else if self
                .bytes
                .get(lt + 1)
                .is_some_and(|b| matches!(b, b'/' | b'!' | b'?'))
            {
                // A stray end tag, `<!DOCTYPE>` or `<?xml?>` between blocks: not ours to judge.
                // It ends at its `>`, or where the next tag starts if it has none, so that a
                // file of such fragments is read once.
                let rest = self.bytes.get(lt + 1..).unwrap_or_default();
                match rest.iter().position(|&b| b == b'>' || b == b'<') {
                    Some(n) if rest[n] == b'>' => lt + 1 + n + 1,
                    Some(n) => lt + 1 + n,
                    None => self.bytes.len(),
                }
            } else {
                lt + 1
            };
        }
    }

    /// A comment between blocks; returns the offset after it.
    fn comment(&mut self, start: usize) -> usize {
        let body = start + 4;
        let (body_end, end) = match self.find(body, "-->") {
            Some(close) => (close, close + 3),
            None => {
                self.error(
                    start,
                    body,
                    "comment is never closed (`-->` missing)".into(),
                );
                (self.text.len(), self.text.len())
            }
        };
        self.sfc.comments.push(Comment {
            span: self.span(start, end),
            text: self.text[body..body_end].to_string(),
            block: true,
        });
        end
    }

    /// Reads an opening tag whose `<` is at `start`, up to its `>`. Quoted values may hold `>`.
    /// As in the markup parser, a `<` where an attribute should start ends a tag that is
    /// missing its `>`. Its attributes are kept when `attributes` is set: a template's own tags
    /// are read only to find where the template ends (the markup parser reads them again), and
    /// a list of attributes for each was most of that reading.
    fn head(&self, start: usize, attributes: bool) -> Head<'a> {
        let text = self.text;
        let name_end = self.name_end(start + 1);
        let mut head = Head {
            name: &text[start + 1..name_end],
            name_end,
            attrs: Vec::new(),
            end: None,
            self_closing: false,
        };
        let mut i = name_end;
        loop {
            i = self.skip_whitespace(i);
            let Some(&b) = self.bytes.get(i) else {
                return head;
            };
            match b {
                b'>' => {
                    head.end = Some(i + 1);
                    return head;
                }
                b'/' if self.bytes.get(i + 1) == Some(&b'>') => {
                    head.end = Some(i + 2);
                    head.self_closing = true;
                    return head;
                }
                b'<' => {
                    head.end = Some(i);
                    return head;
                }
                _ => {}
            }
            let name_start = i;
            while i < self.bytes.len()
                && !self.bytes[i].is_ascii_whitespace()
                && !matches!(self.bytes[i], b'=' | b'>' | b'<' | b'"' | b'\'')
                && !self.bytes[i..].starts_with(b"/>")
            {
                i += 1;
            }
            if i == name_start {
                // A stray `=`, quote or `/`.
                i += 1;
                continue;
            }
            let name = &text[name_start..i];
            let look = self.skip_whitespace(i);
            let mut value = None;
            if self.bytes.get(look) == Some(&b'=') {
                i = self.skip_whitespace(look + 1);
                match self.bytes.get(i).copied() {
                    Some(q @ (b'"' | b'\'')) => match self.find_byte(i + 1, q) {
                        Some(close) => {
                            value = Some(&text[i + 1..close]);
                            i = close + 1;
                        }
                        None => {
                            if attributes {
                                head.attrs.push(RawAttr { name, value: None });
                            }
                            return head;
                        }
                    },
                    _ => {
                        let from = i;
                        while i < self.bytes.len()
                            && !self.bytes[i].is_ascii_whitespace()
                            && self.bytes[i] != b'>'
                            && !self.bytes[i..].starts_with(b"/>")
                        {
                            i += 1;
                        }
                        value = Some(&text[from..i]);
                    }
                }
            }
            if attributes {
                head.attrs.push(RawAttr { name, value });
            }
        }
    }

    /// A top-level block whose `<` is at `start`; returns the offset after it.
    fn block(&mut self, start: usize) -> usize {
        let head = self.head(start, true);
        let name = head.name;
        let Some(head_end) = head.end else {
            self.error(
                start,
                head.name_end,
                format!("`<{name}>` is never closed: the file ends inside its tag"),
            );
            return self.text.len();
        };
        // The body and the block's end: `(inner end, block end)`.
        let (inner_end, end) = if head.self_closing {
            (head_end, head_end)
        } else {
            let close = if name == "template" {
                self.template_end(head_end)
            } else {
                self.raw_end(head_end, name)
            };
            close.unwrap_or_else(|| {
                self.error(start, head.name_end, format!("`<{name}>` is never closed"));
                (self.text.len(), self.text.len())
            })
        };
        let span = self.span(start, end);
        let inner = self.span(head_end, inner_end);
        match name {
            "template" if self.sfc.template.is_some() => self.error(
                start,
                head.name_end,
                "a single-file component has one `<template>`; this one is ignored".into(),
            ),
            "template" => {
                self.sfc.template = Some(Template {
                    span,
                    inner,
                    lang: head.value("lang"),
                    src: head.value("src"),
                })
            }
            "script" => self.sfc.scripts.push(Script {
                span,
                inner,
                setup: head.attr("setup").is_some(),
                lang: ScriptLang::from_attr(head.attr("lang").and_then(|a| a.value)),
                src: head.value("src"),
            }),
            // `<style>` and custom blocks: nothing users see on a mini-program page is decided
            // there that ttlint checks.
            _ => {}
        }
        end
    }

    /// The offset after an end tag whose name ends at `name_end`: after its `>`, or after the
    /// name when the `>` is missing (as the markup parser reads it), so that a run of broken
    /// end tags is not searched to the next `>` again and again.
    fn end_tag_end(&self, name_end: usize) -> usize {
        let close = self.skip_whitespace(name_end);
        if self.bytes.get(close) == Some(&b'>') {
            close + 1
        } else {
            name_end
        }
    }

    /// The end tag `</name>` of a raw-text block whose body starts at `from`:
    /// `(its start, the offset after it)`.
    fn raw_end(&self, from: usize, name: &str) -> Option<(usize, usize)> {
        let closing = format!("</{name}");
        let mut i = from;
        loop {
            let at = self.find(i, &closing)?;
            let after = at + closing.len();
            if self.bytes.get(after).is_some_and(|&b| is_tag_name(b)) {
                // `</scripts>`: not this block's end.
                i = after;
                continue;
            }
            return Some((at, self.end_tag_end(after)));
        }
    }

    /// The `</template>` that closes a template whose body starts at `from`, counting the
    /// `<template>` elements opened inside it: `(its start, the offset after it)`. Tags are read
    /// to their `>` so that a `>` inside a quoted value (`v-if="a > b"`) is not a tag's end, and
    /// comments are skipped whole.
    fn template_end(&self, from: usize) -> Option<(usize, usize)> {
        let mut depth = 1usize;
        let mut i = from;
        while let Some(lt) = self.find_byte(i, b'<') {
            if self.bytes[lt..].starts_with(b"<!--") {
                i = self.find(lt + 4, "-->")? + 3;
            } else if self.opens_end_tag(lt) {
                let name_end = self.name_end(lt + 2);
                let end = self.end_tag_end(name_end);
                if &self.text[lt + 2..name_end] == "template" {
                    depth -= 1;
                    if depth == 0 {
                        return Some((lt, end));
                    }
                }
                i = end;
            } else if self.opens_tag(lt) {
                let head = self.head(lt, false);
                if head.name == "template" && !head.self_closing {
                    depth += 1;
                }
                i = head.end?;
            } else {
                i = lt + 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(src: &str, span: Span) -> &str {
        &src[span.start()..span.end()]
    }

    const OPTIONS_PAGE: &str = r#"<template>
  <view class="page">
    <button open-type="im" :data-im-id="imId" @tap="buy">购买</button>
  </view>
</template>

<script>
export default {
  data() { return { imId: 'x' } },
  methods: { buy() { uni.requestPayment({}) } }
}
</script>

<style lang="scss" scoped>
.page { color: red; } /* </template> <script> */
</style>
"#;

    #[test]
    fn an_options_api_page() {
        let sfc = split(OPTIONS_PAGE, 0);
        assert!(sfc.errors.is_empty(), "{:?}", sfc.errors);
        let template = sfc.template.expect("the template");
        let body = inner(OPTIONS_PAGE, template.inner);
        assert!(body.starts_with("\n  <view class=\"page\">"), "{body:?}");
        assert!(body.ends_with("</view>\n"), "{body:?}");
        assert_eq!(
            inner(OPTIONS_PAGE, template.span),
            format!("<template>{body}</template>")
        );
        assert_eq!(template.lang, None);
        assert_eq!(sfc.scripts.len(), 1, "<style> is not a script");
        let script = &sfc.scripts[0];
        assert!(!script.setup);
        assert_eq!(script.lang, ScriptLang::Js);
        let code = inner(OPTIONS_PAGE, script.inner);
        assert!(code.starts_with("\nexport default {"), "{code:?}");
        assert!(code.ends_with("}\n"), "{code:?}");
        assert!(sfc.comments.is_empty());
    }

    #[test]
    fn script_setup_in_typescript() {
        let src = "<script setup lang=\"ts\">\nimport { ref } from 'vue'\nconst open = ref<boolean>(false)\n</script>\n\n<template>\n  <view @tap=\"open = true\">{{ open ? '关闭' : '打开' }}</view>\n</template>\n";
        let sfc = split(src, 0);
        assert!(sfc.errors.is_empty(), "{:?}", sfc.errors);
        let [script] = sfc.scripts.as_slice() else {
            panic!("{:?}", sfc.scripts)
        };
        assert!(script.setup);
        assert_eq!(script.lang, ScriptLang::Ts);
        assert_eq!(
            inner(src, script.inner),
            "\nimport { ref } from 'vue'\nconst open = ref<boolean>(false)\n"
        );
        let template = sfc.template.expect("the template");
        assert_eq!(
            inner(src, template.inner).trim(),
            "<view @tap=\"open = true\">{{ open ? '关闭' : '打开' }}</view>"
        );
    }

    #[test]
    fn both_scripts_in_one_file() {
        let src = "<template><view/></template>\n<script lang='ts'>\nexport default { options: { styleIsolation: 'shared' } }\n</script>\n<script setup lang=\"tsx\">\nconst a = '</scripts>'\n</script>\n<script src=\"./extra.js\"></script>\n";
        let sfc = split(src, 0);
        assert!(sfc.errors.is_empty(), "{:?}", sfc.errors);
        let langs: Vec<_> = sfc
            .scripts
            .iter()
            .map(|s| (s.setup, s.lang.clone(), s.src.as_deref()))
            .collect();
        assert_eq!(
            langs,
            vec![
                (false, ScriptLang::Ts, None),
                (true, ScriptLang::Tsx, None),
                (false, ScriptLang::Js, Some("./extra.js")),
            ]
        );
        assert_eq!(
            inner(src, sfc.scripts[1].inner),
            "\nconst a = '</scripts>'\n",
            "an end tag of another name is code"
        );
        assert_eq!(inner(src, sfc.scripts[2].inner), "");
    }

    #[test]
    fn nested_templates_close_by_depth() {
        let src = r#"<template>
  <view>
    <template v-if="a > b">
      <text>A</text>
    </template>
    <template v-else>
      <!-- </template> in a comment -->
      <uni-list>
        <template #footer="{ item }"><text>{{ item }}</text></template>
        <template v-slot:header />
      </uni-list>
    </template>
  </view>
</template>
<script>export default {}</script>
"#;
        let sfc = split(src, 0);
        assert!(sfc.errors.is_empty(), "{:?}", sfc.errors);
        let template = sfc.template.expect("the template");
        let body = inner(src, template.inner);
        assert!(body.trim_end().ends_with("</view>"), "{body:?}");
        assert_eq!(
            template.span.end(),
            src.find("</template>\n<script>").unwrap() + "</template>".len()
        );
        assert_eq!(inner(src, sfc.scripts[0].inner), "export default {}");
    }

    #[test]
    fn comments_between_blocks_are_kept_with_spans() {
        let src = "<!-- ttlint-disable drainage-contact -->\n<template><view/></template>\n<!-- #ifdef MP-WEIXIN -->\n<script>wx.login()</script>\n<!-- #endif -->\n<!-- #ifdef MP-TOUTIAO -->\n<script>tt.login()</script>\n<!-- #endif -->\n";
        let sfc = split(src, 3);
        let comments: Vec<(usize, &str)> = sfc
            .comments
            .iter()
            .map(|c| (c.span.start() - 3, c.text.trim()))
            .collect();
        assert_eq!(
            comments,
            vec![
                (0, "ttlint-disable drainage-contact"),
                (src.find("<!-- #ifdef MP-W").unwrap(), "#ifdef MP-WEIXIN"),
                (src.find("<!-- #endif").unwrap(), "#endif"),
                (src.find("<!-- #ifdef MP-T").unwrap(), "#ifdef MP-TOUTIAO"),
                (src.rfind("<!-- #endif").unwrap(), "#endif"),
            ]
        );
        let c = &sfc.comments[1];
        assert_eq!(
            &src[c.span.start() - 3..c.span.end() - 3],
            "<!-- #ifdef MP-WEIXIN -->"
        );
        assert_eq!(sfc.scripts.len(), 2);
        assert_eq!(
            &src[sfc.scripts[1].inner.start() - 3..sfc.scripts[1].inner.end() - 3],
            "tt.login()"
        );
    }

    #[test]
    fn offsets_follow_a_byte_order_mark() {
        let file = "\u{feff}<template><view>支付</view></template>";
        let sfc = split(&file[3..], 3);
        let template = sfc.template.expect("the template");
        assert_eq!(
            &file[template.inner.start()..template.inner.end()],
            "<view>支付</view>"
        );
        assert_eq!(template.span.start(), 3);
    }

    #[test]
    fn a_missing_end_tag_runs_to_the_end_of_the_file() {
        let src = "<script>\nexport default {}\n</script>\n<template>\n  <view>\n    <template v-if=\"a\"></template>\n  </view>\n";
        let sfc = split(src, 0);
        let at = src.find("<template>").unwrap();
        assert_eq!(
            sfc.errors,
            vec![SyntaxError {
                span: Span::new(at, at + "<template".len()),
                message: "`<template>` is never closed".into()
            }]
        );
        let template = sfc.template.expect("still a template");
        assert_eq!(template.inner.end(), src.len());
        assert_eq!(sfc.scripts.len(), 1);

        let src = "<template><view/></template>\n<script setup>\nconst a = 1\n";
        let sfc = split(src, 0);
        assert_eq!(sfc.errors.len(), 1);
        assert_eq!(sfc.errors[0].span.start(), src.find("<script").unwrap());
        assert_eq!(sfc.scripts[0].inner.end(), src.len());
        assert!(sfc.scripts[0].setup);
    }

    #[test]
    fn broken_outlines_are_reported_not_fatal() {
        assert_eq!(split("<template", 0).errors.len(), 1);
        assert_eq!(split("<template><!-- x", 0).errors.len(), 1);
        assert_eq!(split("<!-- never closed", 0).errors.len(), 1);
        let two = split("<template><a/></template><template><b/></template>", 0);
        assert_eq!(two.errors.len(), 1);
        assert_eq!(two.template.map(|t| t.inner), Some(Span::new(10, 14)));
        let quiet = split(
            "text </div> <!DOCTYPE html> <? ?> < 3 <style>a{}</style>",
            0,
        );
        assert!(quiet.errors.is_empty(), "{:?}", quiet.errors);
        assert!(quiet.template.is_none() && quiet.scripts.is_empty());
        let fragments = "</a <!x <?y ".repeat(100_000);
        assert!(split(&fragments, 0).errors.is_empty(), "read once, quietly");
        let broken = format!("<template>{}", "</view".repeat(100_000));
        assert_eq!(split(&broken, 0).errors.len(), 1);
        let deep = format!(
            "<template>{}{}</template>",
            "<template v-if=\"a\">".repeat(100_000),
            "</template>".repeat(100_000)
        );
        let sfc = split(&deep, 0);
        assert!(sfc.errors.is_empty());
        assert_eq!(sfc.template.map(|t| t.span.end()), Some(deep.len()));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn check(src: &str) {
        let sfc = split(src, 0);
        let inside = |s: Span| {
            s.start() <= s.end()
                && s.end() <= src.len()
                && src.is_char_boundary(s.start())
                && src.is_char_boundary(s.end())
        };
        let blocks = sfc
            .template
            .iter()
            .map(|t| (t.span, t.inner))
            .chain(sfc.scripts.iter().map(|s| (s.span, s.inner)));
        for (span, inner) in blocks {
            assert!(
                inside(span) && inside(inner),
                "{span:?} {inner:?} in {src:?}"
            );
            assert!(span.start() <= inner.start() && inner.end() <= span.end());
        }
        for c in &sfc.comments {
            assert!(inside(c.span), "{c:?} in {src:?}");
        }
        for e in &sfc.errors {
            assert!(e.span.start() <= src.len(), "{e:?} in {src:?}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(src in any::<String>()) {
            check(&src);
        }

        #[test]
        fn block_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
            "<template", "<script", "<style", ">", "/>", "</template>", "</script>", "</style>",
            "<!--", "-->", "\"", "'", "=", " setup", " lang=", "ts", "<view", "</", "<", "支付",
            "\n", " v-if=\"a > b\"",
        ]), 0..60)) {
            check(&parts.concat());
        }
    }
}
