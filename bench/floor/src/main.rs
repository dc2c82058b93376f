//! The floors a lint run is measured against: read every script under the paths given and parse
//! it, then drop the tree. No facts, no templates, no rules, no output. `bench/bench.py` times it
//! beside ttlint with each parser:
//!
//! - `--parser oxc`: ttlint's own parse ([`ttlint::syntax::js::parse`]: oxc, the same settings,
//!   comments collected — a linter that honours disable comments needs them);
//! - `--parser swc`: swc with the settings ttlint used before it moved to oxc, the floor the
//!   performance issue set its bar against.
//!
//! ```sh
//! cargo build --release --manifest-path bench/floor/Cargo.toml
//! bench/floor/target/release/floor --parser oxc --threads 2 path/to/app
//! ```
//!
//! Scripts are `.js`, `.mjs`, `.cjs`, `.ts` (not `.d.ts`), `.tsx`, `.jsx`, `.sjs`, and the
//! `<script>` blocks of `.vue` files. `node_modules` is not entered.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use swc_common::BytePos;
use swc_common::comments::SingleThreadedComments;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use ttlint::base::source::FileKind;
use ttlint::syntax::js::parse as oxc;
use ttlint::syntax::vue::sfc;

/// The allocator the `ttlint` binary ships with, so the two differ only in the work they do.
#[global_allocator]
static ALLOCATOR: ttlint::base::alloc::Mimalloc = ttlint::base::alloc::Mimalloc;

#[derive(Clone, Copy)]
enum Floor {
    Oxc,
    Swc,
}

fn swc_syntax(kind: FileKind) -> Syntax {
    match kind {
        FileKind::TypeScript | FileKind::Tsx => Syntax::Typescript(TsSyntax {
            decorators: true,
            tsx: kind == FileKind::Tsx,
            ..Default::default()
        }),
        _ => Syntax::Es(EsSyntax {
            jsx: kind == FileKind::Jsx,
            decorators: true,
            allow_return_outside_function: true,
            ..Default::default()
        }),
    }
}

/// Parses one script; whether the parser accepted it.
fn parse(floor: Floor, text: &str, base: usize, kind: FileKind) -> bool {
    match floor {
        Floor::Oxc => oxc::with_arena(|arena| oxc::parse(arena, text, base, kind).is_ok()),
        Floor::Swc => {
            let comments = SingleThreadedComments::default();
            let start = BytePos(base as u32 + 1);
            let end = BytePos((base + text.len()) as u32 + 1);
            let input = StringInput::new(text, start, end);
            let mut parser = Parser::new(swc_syntax(kind), input, Some(&comments));
            let ok = parser.parse_program().is_ok();
            drop(comments.take_all());
            ok
        }
    }
}

fn script_kind(ext: &str) -> Option<FileKind> {
    Some(match ext {
        "js" | "mjs" | "cjs" => FileKind::Script,
        "sjs" => FileKind::Sjs,
        "jsx" => FileKind::Jsx,
        "ts" => FileKind::TypeScript,
        "tsx" => FileKind::Tsx,
        _ => return None,
    })
}

/// Parses the scripts of one file: (bytes parsed, scripts that failed).
fn file(floor: Floor, path: &Path) -> (usize, usize) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (0, 1);
    };
    let name = path.to_string_lossy();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "vue" {
        let mut failed = 0;
        let mut bytes = 0;
        for script in &sfc::split(&text, 0).scripts {
            let Some(kind) = script.lang.file_kind() else {
                continue;
            };
            let inner = &text[script.inner.start()..script.inner.end()];
            bytes += inner.len();
            failed += usize::from(!parse(floor, inner, script.inner.start(), kind));
        }
        return (bytes, failed);
    }
    match script_kind(ext) {
        Some(_) if name.ends_with(".d.ts") => (0, 0),
        Some(kind) => (text.len(), usize::from(!parse(floor, &text, 0, kind))),
        None => (0, 0),
    }
}

fn usage() -> ! {
    eprintln!("usage: floor --parser oxc|swc [--threads N] PATH...");
    std::process::exit(2);
}

fn main() {
    ttlint::base::alloc::use_small_pages();
    ttlint::base::alloc::return_freed_memory_soon();
    let mut threads = 0;
    let mut floor = None;
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => threads = args.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            "--parser" => {
                floor = match args.next().as_deref() {
                    Some("oxc") => Some(Floor::Oxc),
                    Some("swc") => Some(Floor::Swc),
                    _ => usage(),
                }
            }
            _ => roots.push(arg.into()),
        }
    }
    let Some(floor) = floor else { usage() };
    if roots.is_empty() {
        usage();
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
            .map(|p| file(floor, p))
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    println!(
        "parsed {bytes} bytes of script in {} files; {failed} failed",
        files.len()
    );
}
