//! The floor a lint run is measured against: read every script under the paths given and parse
//! it with swc — the same swc crates and settings ttlint uses, comments collected (a linter that
//! honours disable comments needs them) — then drop the tree. No facts, no templates, no rules,
//! no output. `bench/bench.py` times it beside ttlint:
//!
//! ```sh
//! cargo build --release --example parse_floor
//! target/release/examples/parse_floor --threads 2 path/to/app
//! ```
//!
//! Scripts are `.js`, `.mjs`, `.cjs`, `.ts` (not `.d.ts`), `.tsx`, `.jsx`, `.sjs`, and the
//! `<script>` blocks of `.vue` files. `node_modules` is not entered.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use swc_common::BytePos;
use swc_common::comments::SingleThreadedComments;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};

/// The allocator the `ttlint` binary ships with, so the two differ only in the work they do.
#[global_allocator]
static ALLOCATOR: ttlint::base::alloc::Mimalloc = ttlint::base::alloc::Mimalloc;

fn syntax(ext: &str) -> Option<Syntax> {
    let es = |jsx| {
        Syntax::Es(EsSyntax {
            jsx,
            decorators: true,
            allow_return_outside_function: true,
            ..Default::default()
        })
    };
    let ts = |tsx| {
        Syntax::Typescript(TsSyntax {
            decorators: true,
            tsx,
            ..Default::default()
        })
    };
    Some(match ext {
        "js" | "mjs" | "cjs" | "sjs" => es(false),
        "jsx" => es(true),
        "ts" => ts(false),
        "tsx" => ts(true),
        _ => return None,
    })
}

/// Parses one script; whether swc accepted it.
fn parse(text: &str, base: usize, syntax: Syntax) -> bool {
    let comments = SingleThreadedComments::default();
    let start = BytePos(base as u32 + 1);
    let end = BytePos((base + text.len()) as u32 + 1);
    let mut parser = Parser::new(syntax, StringInput::new(text, start, end), Some(&comments));
    let ok = parser.parse_program().is_ok();
    drop(comments.take_all());
    ok
}

/// Parses the scripts of one file: (bytes parsed, scripts that failed).
fn file(path: &Path) -> (usize, usize) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (0, 1);
    };
    let name = path.to_string_lossy();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "vue" {
        let sfc = ttlint::syntax::vue::sfc::split(&text, 0);
        let mut failed = 0;
        let mut bytes = 0;
        for script in &sfc.scripts {
            let lang = match &script.lang {
                ttlint::syntax::vue::sfc::ScriptLang::Js => "js",
                ttlint::syntax::vue::sfc::ScriptLang::Ts => "ts",
                ttlint::syntax::vue::sfc::ScriptLang::Tsx => "tsx",
                ttlint::syntax::vue::sfc::ScriptLang::Jsx => "jsx",
                ttlint::syntax::vue::sfc::ScriptLang::Other(_) => continue,
            };
            let Some(syntax) = syntax(lang) else { continue };
            let inner = &text[script.inner.start()..script.inner.end()];
            bytes += inner.len();
            failed += usize::from(!parse(inner, script.inner.start(), syntax));
        }
        return (bytes, failed);
    }
    match syntax(ext) {
        Some(_) if name.ends_with(".d.ts") => (0, 0),
        Some(syntax) => (text.len(), usize::from(!parse(&text, 0, syntax))),
        None => (0, 0),
    }
}

fn main() {
    ttlint::base::alloc::use_small_pages();
    ttlint::base::alloc::return_freed_memory_soon();
    let mut threads = 0;
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--threads" {
            threads = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        } else {
            roots.push(arg.into());
        }
    }
    if roots.is_empty() {
        eprintln!("usage: parse_floor [--threads N] PATH...");
        std::process::exit(2);
    }
    let files: Vec<PathBuf> = roots
        .iter()
        .flat_map(|root| {
            walkdir::WalkDir::new(root)
                .into_iter()
                .filter_entry(|e| e.file_name() != "node_modules")
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
        })
        .collect();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("cannot start worker threads: {e}");
            std::process::exit(2);
        }
    };
    let (bytes, failed) = pool.install(|| {
        files
            .par_iter()
            .map(|p| file(p))
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    println!(
        "parsed {bytes} bytes of script in {} files; {failed} failed",
        files.len()
    );
}
