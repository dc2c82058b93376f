//! uni-app conditional compilation: `// #ifdef MP-TOUTIAO` … `// #endif` and friends.
//!
//! uni-app projects keep the code of every platform in one source tree and let the compiler keep
//! only the regions for the platform being built. Code inside `#ifdef MP-WEIXIN` never ships to
//! Douyin, so no rule may report it; code inside `#ifdef MP-TOUTIAO` ships only to Douyin, which is
//! what makes `uni.requestPayment` there a `tt.pay` call. The directives are comments (`//`,
//! `/* */` in scripts, `<!-- -->` in templates); [`Regions`] answers "does the code at this offset
//! ship to Douyin?" for any of them.

use crate::base::source::Span;

/// Whether code ships to a Douyin build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Outside any conditional region (or in one whose condition ttlint cannot decide): the code
    /// ships to every platform the project is built for.
    Unconditional,
    /// Inside a region compiled for Douyin (`#ifdef MP-TOUTIAO`, `#ifdef MP`).
    Douyin,
    /// Inside a region that is never compiled for Douyin (`#ifdef MP-WEIXIN`, `#ifndef MP-TOUTIAO`).
    Excluded,
}

impl Target {
    pub fn ships_to_douyin(self) -> bool {
        self != Self::Excluded
    }

    /// The target of code that is `self` inside code that is `outer`.
    pub fn within(self, outer: Target) -> Target {
        match (outer, self) {
            (Target::Excluded, _) | (_, Target::Excluded) => Target::Excluded,
            (Target::Douyin, _) | (_, Target::Douyin) => Target::Douyin,
            _ => Target::Unconditional,
        }
    }
}

/// The platform names uni-app defines that are not Douyin. Unknown names (`VUE3`, custom ones)
/// are undecidable and leave the code unconditional.
const OTHER_PLATFORMS: &[&str] = &[
    "APP",
    "APP-PLUS",
    "APP-PLUS-NVUE",
    "APP-NVUE",
    "APP-ANDROID",
    "APP-IOS",
    "APP-HARMONY",
    "H5",
    "WEB",
    "MP-WEIXIN",
    "MP-ALIPAY",
    "MP-BAIDU",
    "MP-QQ",
    "MP-LARK",
    "MP-KUAISHOU",
    "MP-JD",
    "MP-360",
    "MP-XHS",
    "MP-HARMONY",
    "QUICKAPP-WEBVIEW",
    "QUICKAPP-WEBVIEW-UNION",
    "QUICKAPP-WEBVIEW-HUAWEI",
];

/// Platform names that include a Douyin build.
const DOUYIN_PLATFORMS: &[&str] = &["MP-TOUTIAO", "MP"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Truth {
    Yes,
    No,
    Unknown,
}

fn platform(name: &str) -> Truth {
    let name = name.trim().to_ascii_uppercase();
    if DOUYIN_PLATFORMS.contains(&name.as_str()) {
        Truth::Yes
    } else if OTHER_PLATFORMS.contains(&name.as_str()) {
        Truth::No
    } else {
        Truth::Unknown
    }
}

/// Evaluates `A || B` / `A && B` lists (uni-app does not mix them) for a Douyin build.
fn condition(expr: &str) -> Truth {
    let fold = |parts: Vec<Truth>, any: bool| {
        if any {
            if parts.contains(&Truth::Yes) {
                Truth::Yes
            } else if parts.contains(&Truth::Unknown) {
                Truth::Unknown
            } else {
                Truth::No
            }
        } else if parts.contains(&Truth::No) {
            Truth::No
        } else if parts.contains(&Truth::Unknown) {
            Truth::Unknown
        } else {
            Truth::Yes
        }
    };
    if expr.contains("&&") {
        fold(expr.split("&&").map(platform).collect(), false)
    } else {
        fold(expr.split("||").map(platform).collect(), true)
    }
}

enum Directive {
    If(Target),
    End,
}

fn directive(comment: &str) -> Option<Directive> {
    let text = comment.trim();
    let text = text.strip_prefix('#')?;
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    match word {
        "ifdef" => Some(Directive::If(match condition(rest) {
            Truth::Yes => Target::Douyin,
            Truth::No => Target::Excluded,
            Truth::Unknown => Target::Unconditional,
        })),
        "ifndef" => Some(Directive::If(match condition(rest) {
            Truth::Yes => Target::Excluded,
            Truth::No | Truth::Unknown => Target::Unconditional,
        })),
        "endif" => Some(Directive::End),
        _ => None,
    }
}

/// The conditional regions of one file, as sorted segments of constant target.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    /// `(start offset, target from there on)`, sorted by offset.
    segments: Vec<(usize, Target)>,
}

impl Regions {
    /// Builds the regions from a file's comments in source order: `(span, text without
    /// delimiters)`. An `#ifdef` left open runs to the end of the file.
    pub fn from_comments<'a>(comments: impl IntoIterator<Item = (Span, &'a str)>) -> Self {
        let mut stack: Vec<Target> = Vec::new();
        let mut segments = Vec::new();
        for (span, text) in comments {
            let Some(d) = directive(text) else { continue };
            match d {
                Directive::If(target) => {
                    let outer = stack.last().copied().unwrap_or(Target::Unconditional);
                    let effective = target.within(outer);
                    stack.push(effective);
                    segments.push((span.start(), effective));
                }
                Directive::End => {
                    stack.pop();
                    let now = stack.last().copied().unwrap_or(Target::Unconditional);
                    segments.push((span.end(), now));
                }
            }
        }
        Self { segments }
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The target of the code at `offset`.
    pub fn target_at(&self, offset: usize) -> Target {
        let i = self.segments.partition_point(|&(start, _)| start <= offset);
        match i {
            0 => Target::Unconditional,
            _ => self.segments[i - 1].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(src: &str) -> Regions {
        // Each line starting with `//` is a comment spanning that line.
        let mut offset = 0;
        let mut comments = Vec::new();
        for line in src.split_inclusive('\n') {
            if let Some(text) = line.trim_end().strip_prefix("//") {
                comments.push((Span::new(offset, offset + line.trim_end().len()), text));
            }
            offset += line.len();
        }
        Regions::from_comments(comments)
    }

    fn target_of(src: &str, needle: &str) -> Target {
        regions(src).target_at(src.find(needle).unwrap())
    }

    #[test]
    fn ifdef_regions_decide_the_target() {
        let src =
            "<a>\n// #ifdef MP-WEIXIN\n<b>\n// #endif\n// #ifdef MP-TOUTIAO\n<c>\n// #endif\n<d>\n";
        assert_eq!(target_of(src, "<a>"), Target::Unconditional);
        assert_eq!(target_of(src, "<b>"), Target::Excluded);
        assert_eq!(target_of(src, "<c>"), Target::Douyin);
        assert_eq!(target_of(src, "<d>"), Target::Unconditional);
    }

    #[test]
    fn lists_negations_and_nesting() {
        let src = "// #ifdef MP-WEIXIN || MP-TOUTIAO\n<a>\n// #endif\n// #ifndef MP-TOUTIAO\n<b>\n// #endif\n// #ifndef H5\n<c>\n// #ifdef APP-PLUS\n<d>\n// #endif\n<e>\n// #endif\n// #ifdef VUE3\n<f>\n// #endif\n";
        assert_eq!(target_of(src, "<a>"), Target::Douyin);
        assert_eq!(target_of(src, "<b>"), Target::Excluded);
        assert_eq!(target_of(src, "<c>"), Target::Unconditional);
        assert_eq!(target_of(src, "<d>"), Target::Excluded);
        assert_eq!(target_of(src, "<e>"), Target::Unconditional);
        assert_eq!(target_of(src, "<f>"), Target::Unconditional);
    }

    #[test]
    fn an_unclosed_region_runs_to_the_end() {
        let src = "// #ifdef H5\n<a>\n";
        assert_eq!(target_of(src, "<a>"), Target::Excluded);
    }

    #[test]
    fn ordinary_comments_are_not_directives() {
        assert!(regions("// if you define MP-WEIXIN\n// #define X\n").is_empty());
    }
}
