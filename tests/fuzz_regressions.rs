//! Inputs the fuzzers in `fuzz/` found crashing or hanging a parser, kept so they never do again.
//! Each is loaded as every kind of file ttlint reads (and as the configuration files read under
//! their own rules), on a thread with the engine's worker stack, within a time bound.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ttlint::base::source::{FileKind, SourceFile};
use ttlint::syntax::load;

/// What each input is loaded as: a file name and its kind.
const AS: &[(&str, FileKind)] = &[
    ("page.ttml", FileKind::Ttml),
    ("page.vue", FileKind::Vue),
    ("page.tsx", FileKind::Tsx),
    ("page.jsx", FileKind::Jsx),
    ("page.js", FileKind::Script),
    ("page.ts", FileKind::TypeScript),
    ("page.sjs", FileKind::Sjs),
    ("app.json", FileKind::Json),
    ("pages.json", FileKind::Json),
    ("app.config.ts", FileKind::TypeScript),
];

/// Loads `text` as every kind of file, each within `bound`.
fn survives(text: &str, bound: Duration) {
    let text = text.to_string();
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            for (name, kind) in AS {
                let start = Instant::now();
                let source =
                    SourceFile::new(PathBuf::from(name), name.to_string(), *kind, text.clone());
                let loaded = load::parse(source, load::Origin::Build);
                let len = loaded.source.text().len();
                for p in &loaded.problems {
                    assert!(
                        p.span.end() <= len + 1,
                        "{name}: problem outside the text: {p:?}"
                    );
                }
                let took = start.elapsed();
                assert!(took < bound, "{name} took {took:?}");
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

/// Known hostile shapes, before any fuzzer finding: deep nesting of every bracket kind, blocks
/// and tags never closed, a byte-order mark alone, NUL and lone control characters.
#[test]
fn hostile_shapes_load_as_every_kind() {
    let deep = |open: &str, n: usize| open.repeat(n);
    let cases = [
        String::new(),
        "\u{feff}".to_string(),
        "\0\u{1}\r\r\n\u{2028}".to_string(),
        deep("[", 20_000),
        deep("{", 20_000),
        deep("(", 20_000),
        deep("<view>", 6_000),
        deep("<template>", 6_000),
        deep("{{", 6_000),
        deep("1+", 6_000) + "1",
        deep("a.", 6_000) + "a",
        deep("<!--", 6_000),
        deep("<script>", 6_000),
        "<template><view v-if=\"".to_string() + &deep("(", 6_000),
        "// ttlint-disable-next-line\n".repeat(6_000),
    ];
    for text in &cases {
        survives(text, Duration::from_secs(10));
    }
}

/// Found by the `app_config` target (with swc, ttlint's parser then): swc's time grew with the
/// square of nested TypeScript type assertions (`<view><view>…x` as `.ts`: 4.7 s at 1,000, 92 s
/// at 4,000). The nesting guard refuses more than 256 in a statement; the file is a
/// `parse-error`, in no time.
#[test]
fn chains_of_type_assertions_are_refused_before_parsing() {
    use ttlint::syntax::load::ProblemKind;
    // `(<a>(<a>…` is also a chain of generic-arrow attempts, refused at the fourth.
    for (text, limit) in [
        ("<view>".repeat(4_000), 256),
        ("(<a>".repeat(4_000) + "x", 3),
    ] {
        let start = Instant::now();
        let source = SourceFile::new(
            PathBuf::from("app.config.ts"),
            "app.config.ts".into(),
            FileKind::TypeScript,
            text.clone(),
        );
        let loaded = load::parse(source, load::Origin::Build);
        assert!(
            matches!(
                loaded.problems.first().map(|p| &p.kind),
                Some(ProblemKind::TooDeep { limit: l }) if *l == limit
            ),
            "{:?}",
            loaded.problems
        );
        assert!(start.elapsed() < Duration::from_secs(1));
        survives(&text, Duration::from_secs(10));
    }
}

/// Found by the `app_config` target (with swc, ttlint's parser then; oxc backtracks the same way):
/// the parser tries each `<(` after an operand as type arguments and backtracks, and nested
/// attempts multiply (this 125-byte input took swc 2.5 s of CPU as `.ts`; four more levels,
/// minutes). The nesting guard refuses more than three open in TypeScript and TSX.
#[test]
fn nested_type_argument_attempts_are_refused_before_parsing() {
    let generic_arrows = format!("x = {}", "(<T>((((0``".repeat(12));
    for text in [
        "e(inctt.requestPaym<(inC=ie<({yasyncl=instacnctt.requestm<(inC=aym<(inC=ifcfnoe<({yyasyncl=ntfx<UVuttoncfnoe    <({yasyncl=in",
        // After operators too (2.7 s).
        "eCc<({oC=r=tstPaym<(inC=i&cfnoe<({yasyncl=instacfnoe<! <({oC=r=turn!%=n<({oCen=xt<=rfturasyn! <({oC=r=tu<Vncu.ton\0lnn",
        // Generic arrows in deep parentheses (the shape of a 1.1 s, 516-byte input).
        generic_arrows.as_str(),
    ] {
        refused_quickly(text);
    }
}

/// `text` as `.ts` and `.tsx` is refused as too deep for type arguments, in well under a second,
/// and survives every other kind of file.
fn refused_quickly(text: &str) {
    use ttlint::syntax::load::ProblemKind;
    for (name, kind) in [
        ("app.config.ts", FileKind::TypeScript),
        ("page.tsx", FileKind::Tsx),
    ] {
        let start = Instant::now();
        let source = SourceFile::new(PathBuf::from(name), name.into(), kind, text.into());
        let loaded = load::parse(source, load::Origin::Build);
        assert!(
            matches!(
                loaded.problems.first().map(|p| &p.kind),
                Some(ProblemKind::TooDeep { limit: 3 })
            ),
            "{name}: {:?}",
            loaded.problems
        );
        assert!(start.elapsed() < Duration::from_secs(1), "{name}");
    }
    survives(text, Duration::from_secs(1));
}

/// Found by the `tsx` and `app_config` targets after the guard above: a chain of `<` before each
/// level multiplies its cost (`E<T<E<e<T<({s=…` three levels deep, 897 bytes, took 5.7 s as
/// `.tsx` in the fuzzing build, 1 s in release; `<[(` hid a level from a guard that counted only
/// `<(`, 0.45 s; `E<T[[[…`, square brackets inside an attempt, 23 s). The guard now weighs every
/// `<` pending when a parenthesis or square bracket opens, three levels at most, and ends a `//`
/// comment at `\r` as JavaScript does (one input hid its levels behind a comment the guard ran on
/// past a `\r`, another behind a `/*` that swc reads as the end of a regular expression and a
/// multiplication). The inputs are kept as found, in `tests/data/fuzz/`.
#[test]
fn chains_of_pending_type_arguments_are_refused_before_parsing() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut found = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        eprintln!("{}", path.display());
        refused_quickly(&text);
        found += 1;
    }
    assert_eq!(found, 8, "the inputs in {}", dir.display());
}

/// Found by the `project` target: a page template of 11 KB on one line with 3,523 syntax errors
/// took 2 s in the fuzzing build, each error's column counted from the start of the line in every
/// format (see `hostile::many_findings_on_one_long_line_cost_the_line_once`); later inputs like it
/// with ten thousand errors are why `parse-error` lists ten per file and counts the rest. The
/// project is kept as the target generated it, in `tests/data/fuzz-project/`.
#[test]
fn many_syntax_errors_on_one_line_are_written_in_every_format() {
    use crate::common;
    use ttlint::base::vfs::Vfs;
    use ttlint::engine::lint::{LintOptions, lint};
    use ttlint::output::{Format, write};

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-project/many-errors-on-one-line");
    let options = LintOptions {
        summarize: true,
        ..common::lint_options(&root, Vfs::disk())
    };
    let report = lint(&options).expect("the run completes");
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.id == "parse-error" && report.file(d.file).display == "pages/p3/p3.ttml")
        .collect();
    // Ten of the 3,523 listed, and one finding for the other 3,513.
    assert_eq!(errors.len(), 11);
    let more = errors[10];
    let catalogue = ttlint::base::message::Catalogue::new(ttlint::base::message::Lang::En);
    assert_eq!(
        catalogue.render(&more.message),
        "3513 more syntax errors in this file, not listed"
    );
    // Columns on the one long line, against counting UTF-16 units directly.
    let (start, _) = report.range(more);
    let text = report.file(more.file).text();
    let expected = text[..more.span.start()].encode_utf16().count() + 1;
    assert_eq!((start.line, start.column as usize), (1, expected));
    let style = common::plain_style();
    let start = Instant::now();
    for format in [
        Format::Pretty,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Checkstyle,
        Format::Junit,
        Format::Html,
    ] {
        write(&report, format, style, &mut std::io::sink()).unwrap();
    }
    let took = start.elapsed();
    assert!(took < Duration::from_secs(30), "took {took:?}");
}
