//! Language-server latency: how long after the debounce ends an edit's diagnostics are published,
//! on a ~300-page mini-program with one 2,000-line page: `cargo bench --bench lsp`.
//!
//! The project is `bench/gen_corpus.py --pages 300 --app --seed 42` (one mini-program: app.json
//! lists every page, pages import shared modules), plus 2,000 lines appended to the first page's
//! script.
//! The real `ttlint lsp` is spoken to over its standard input and output, as an editor does:
//! open that script, then edit it (and, second, its template, then `app.json`) one change at a
//! time, waiting for each publish. Latency = publish received − change sent − debounce.
//!
//! The machines these run on are shared, so wall time also counts waiting for a core. Where
//! Linux reports it (`/proc/<pid>/task/*/schedstat`), the CPU time the server's threads spent
//! on each edit is reported beside it: that is the cost on an idle machine with one core.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const PAGES: usize = 300;
const EXTRA_LINES: usize = 2_000;
const DEBOUNCE_MS: u64 = 200;
const EDITS: usize = 25;

struct Lsp {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<(Instant, Value)>,
}

impl Lsp {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ttlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ttlint starts");
        let stdin = child.stdin.take().expect("piped");
        let mut reader = BufReader::new(child.stdout.take().expect("piped"));
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let at = Instant::now();
                let Ok(value) = serde_json::from_slice(&body) else {
                    return;
                };
                if sender.send((at, value)).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            incoming,
        }
    }

    fn send(&mut self, message: Value) -> Instant {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
        Instant::now()
    }

    /// Waits for the first message satisfying `wanted`; when it arrived.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> (Instant, Value) {
        loop {
            let (at, message) = self
                .incoming
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers");
            if wanted(&message) {
                return (at, message);
            }
        }
    }

    fn published(&mut self, uri: &str, version: i64) -> (Instant, usize) {
        let (at, message) = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        let count = message["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        (at, count)
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Writes the benchmark corpus into `dir` with the repository's generator.
fn corpus(dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py");
    let status = Command::new("python3")
        .arg(&script)
        .args([
            "--pages",
            &PAGES.to_string(),
            "--app",
            "--seed",
            "42",
            "--out",
        ])
        .arg(dir)
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs bench/gen_corpus.py");
    assert!(status.success(), "bench/gen_corpus.py failed: {status}");
}

/// 2,000 lines of page code: handlers calling platform APIs, with text users see.
fn extra_lines() -> String {
    let mut out = String::from("\nconst extra = {\n");
    let mut lines = 2;
    let mut i = 0;
    while lines < EXTRA_LINES - 1 {
        out.push_str(&format!(
            "  handler{i}(event) {{\n    const {{ id }} = event.currentTarget.dataset;\n    tt.showToast({{ title: '已选择第{i}项', icon: 'none' }});\n    tt.navigateTo({{ url: `/pages/p00001/index?id=${{id}}&from={i}` }});\n    return id + {i};\n  }},\n"
        ));
        lines += 6;
        i += 1;
    }
    out.push_str("};\n");
    out
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Nanoseconds the threads of process `pid` have run on a CPU, where Linux says.
fn cpu_ns(pid: u32) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0;
    for task in tasks {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// What one series of edits cost: latency after the debounce, and the server's CPU time, in
/// milliseconds.
struct Series {
    latency: Vec<f64>,
    cpu: Vec<f64>,
}

/// Edits a document `count` times (a space typed at the start of `line`), waiting for each
/// publish.
fn edits(lsp: &mut Lsp, uri: &str, line: u32, version: &mut i64, count: usize) -> Series {
    let pid = lsp.child.id();
    let mut out = Series {
        latency: Vec::new(),
        cpu: Vec::new(),
    };
    for _ in 0..count {
        let cpu_before = cpu_ns(pid);
        *version += 1;
        let sent = lsp.send(json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": { "uri": uri, "version": *version },
                "contentChanges": [{
                    "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 0 } },
                    "text": " "
                }]
            }
        }));
        let (at, _) = lsp.published(uri, *version);
        let after_debounce = at.duration_since(sent).as_secs_f64() * 1e3 - DEBOUNCE_MS as f64;
        out.latency.push(after_debounce);
        if let (Some(before), Some(after)) = (cpu_before, cpu_ns(pid)) {
            out.cpu.push(after.saturating_sub(before) as f64 / 1e6);
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    out
}

fn report(what: &str, series: &Series) {
    let mut sorted = series.latency.clone();
    sorted.sort_by(f64::total_cmp);
    let cpu = if series.cpu.is_empty() {
        String::new()
    } else {
        format!("; server CPU median {:.1} ms", median(series.cpu.clone()))
    };
    println!(
        "{what}: median {:.1} ms after the debounce (min {:.1}, p90 {:.1}, max {:.1}; {} edits){cpu}",
        median(sorted.clone()),
        sorted[0],
        sorted[sorted.len() * 9 / 10],
        sorted[sorted.len() - 1],
        sorted.len()
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    corpus(&root);
    let page_dir = root.join("pages/p00000");
    let script = ["index.js", "index.ts"]
        .iter()
        .map(|n| page_dir.join(n))
        .find(|p| p.is_file())
        .expect("the first page has a script");
    let mut text = std::fs::read_to_string(&script).unwrap();
    text.push_str(&extra_lines());
    std::fs::write(&script, &text).unwrap();
    let script_lines = text.lines().count();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    let mut lsp = Lsp::start();
    lsp.send(json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "processId": null,
            "rootUri": uri(&root),
            "capabilities": {},
            "initializationOptions": { "debounceMs": DEBOUNCE_MS }
        }
    }));
    lsp.wait(|m| m["id"] == 1);
    lsp.send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));

    let open = |lsp: &mut Lsp, path: &Path, language: &str| -> (String, f64) {
        let uri = uri(path);
        let text = std::fs::read_to_string(path).unwrap();
        let sent = lsp.send(json!({
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": { "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }
        }));
        let (at, _) = lsp.published(&uri, 1);
        (uri, at.duration_since(sent).as_secs_f64() * 1e3)
    };
    let (script_uri, first) = open(&mut lsp, &script, "javascript");
    println!(
        "project: gen_corpus.py --pages {PAGES} --app --seed 42; {} with {script_lines} lines; load average {}",
        script.strip_prefix(&root).unwrap_or(&script).display(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("first open (loads and lints the whole project): {first:.0} ms");

    let mut version = 1;
    let middle = (script_lines / 2) as u32;
    // Warm-up: the first edits pay for caches and page faults.
    edits(&mut lsp, &script_uri, middle, &mut version, 5);
    let script_edits = edits(&mut lsp, &script_uri, middle, &mut version, EDITS);
    report("edit in the 2,000-line page script", &script_edits);
    // Above the page's `import`s every reference moves, and the model keeps where they are.
    let top = edits(&mut lsp, &script_uri, 0, &mut version, EDITS);
    report(
        "edit above that script's imports (every reference moves)",
        &top,
    );

    let (template_uri, _) = open(&mut lsp, &page_dir.join("index.ttml"), "ttml");
    let mut version = 1;
    report(
        "edit in that page's template (2 open documents re-published)",
        &edits(&mut lsp, &template_uri, 1, &mut version, EDITS),
    );

    let (app_uri, _) = open(&mut lsp, &root.join("app.json"), "json");
    let mut version = 1;
    report(
        "edit in app.json (the model is rebuilt; 3 open documents)",
        &edits(&mut lsp, &app_uri, 1, &mut version, EDITS),
    );
}
