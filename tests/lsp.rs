//! `ttlint lsp` spoken to as an editor does: JSON-RPC with `Content-Length` frames over the real
//! binary's standard input and output. Every wait has a deadline, so a server that stops
//! answering fails the test instead of hanging it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);

/// A running `ttlint lsp` and the messages it sent that nobody took yet.
struct Lsp {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    pending: Vec<Value>,
    next_id: i64,
}

impl Lsp {
    fn start() -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("ttlint"))
            .arg("lsp")
            .env("TTLINT_TEST_PANIC", "boom.js")
            // The server's environment is its last say on the language: English here.
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("ttlint starts");
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("every frame has a Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if sender.send(value).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            incoming,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its response (the whole message: `result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(&format!("the response to {method}"), |m| {
            m["id"] == json!(id) && m.get("method").is_none()
        })
    }

    /// The first message (already received or still to come) that satisfies `wanted`.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.pending.iter().position(&wanted) {
            return self.pending.remove(at);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.pending.push(message),
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no {what} within {WAIT:?}; received meanwhile: {:#?}",
                    self.pending
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output while waiting for {what}")
                }
            }
        }
    }

    /// The next diagnostics published for `uri` (at `version`, when given).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics for {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn initialize(&mut self, root: &Path) -> Value {
        self.initialize_with(root, json!({ "lang": "en", "debounceMs": 50 }), "en")
    }

    /// `initialize` with these `initializationOptions` and the editor's display language.
    fn initialize_with(&mut self, root: &Path, options: Value, locale: &str) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {
                    "workspace": { "workspaceEdit": { "documentChanges": true } },
                    "window": { "showDocument": { "support": true } },
                    "general": { "positionEncodings": ["utf-16"] }
                },
                "initializationOptions": options,
                "locale": locale
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, text: &str) {
        // The ids VS Code gives these files.
        let language = match uri.rsplit_once('.').map_or("", |(_, ext)| ext) {
            "js" => "javascript",
            "ts" => "typescript",
            "tsx" => "typescriptreact",
            "vue" => "vue",
            "json" => "json",
            _ => "ttml",
        };
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    /// Ends the session as the protocol says and returns the exit status.
    fn shut_down(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.exit_status()
    }

    fn exit_status(&mut self) -> Option<i32> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the server did not exit within {WAIT:?}");
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

/// A folder holding `files`, and its canonical path (macOS temp folders are behind a symbolic
/// link, and URIs must match).
fn tree(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, root)
}

/// A mini-program: a VIP page whose tap reaches a payment through a module (a cross-file
/// finding on the template), with a WeChat directive that has a fix.
fn project() -> (tempfile::TempDir, PathBuf) {
    tree(&[
        (
            "app.json",
            r#"{ "pages": ["pages/vip/vip", "pages/index/index"] }"#,
        ),
        ("pages/vip/vip.ttml", VIP_TTML),
        (
            "pages/vip/vip.js",
            "const { pay } = require('../../utils/pay');\nPage({ buy() { pay(); } });\n",
        ),
        (
            "pages/vip/vip.json",
            r#"{ "usingComponents": { "cs": "/components/cs/cs" } }"#,
        ),
        ("components/cs/cs.ttml", "<view>客服</view>\n"),
        ("components/cs/cs.js", "Component({});\n"),
        ("components/cs/cs.json", r#"{ "component": true }"#),
        ("pages/index/index.ttml", "<view>首页</view>\n"),
        ("pages/index/index.js", "Page({});\n"),
        ("utils/pay.js", PAY_JS),
    ])
}

const VIP_TTML: &str = "<view>开通会员</view>\n<button bindtap=\"buy\">开通</button>\n<view wx:if=\"{{show}}\">x</view>\n";
const PAY_JS: &str = "module.exports = { pay() { tt.getOrderPayment({}); } };\n";

/// `rule line:character-line:character` of each diagnostic (0-based, as LSP counts).
fn summary(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{}",
                d["code"].as_str().unwrap_or("?"),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"]
            )
        })
        .collect()
}

/// Applies a `WorkspaceEdit`'s edits for one document to its text.
fn apply(text: &str, edit: &Value) -> (String, Vec<Value>) {
    let edits: Vec<Value> = edit["documentChanges"][0]["edits"]
        .as_array()
        .cloned()
        .expect("document changes");
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut sorted: Vec<&Value> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in sorted {
        let (start, end) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    (out, edits)
}

/// The code actions offered for a diagnostic.
fn actions_for(lsp: &mut Lsp, uri: &str, diagnostic: &Value) -> Vec<Value> {
    let response = lsp.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] }
        }),
    );
    response["result"]
        .as_array()
        .cloned()
        .expect("a list of actions")
}

fn titles(actions: &[Value]) -> Vec<&str> {
    actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect()
}

/// Applies a code action's edit as the editor does: to its buffer, and as an incremental
/// `didChange` of `version`. Returns the new text.
fn apply_action(lsp: &mut Lsp, uri: &str, text: &str, action: &Value, version: i64) -> String {
    let (after, edits) = apply(text, &action["edit"]);
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": version },
            "contentChanges": edits
                .iter()
                .rev()
                .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
                .collect::<Vec<_>>()
        }),
    );
    after
}

/// Replaces a document's whole text, as an editor may send it.
fn replace(lsp: &mut Lsp, uri: &str, text: &str, version: i64) {
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": version },
            "contentChanges": [{ "text": text }]
        }),
    );
}

fn action<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action `{title}` in {actions:#?}"))
}

#[test]
fn an_editor_session_from_open_to_exit() {
    let (_dir, root) = project();
    let mut lsp = Lsp::start();
    let init = lsp.initialize(&root);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["ttlint.showDocumentation"])
    );
    assert_eq!(init["result"]["serverInfo"]["name"], "ttlint");

    // Open: the page's findings, one of them reached through vip.js and utils/pay.js.
    let page = uri(&root.join("pages/vip/vip.ttml"));
    lsp.open(&page, VIP_TTML);
    let found = lsp.diagnostics(&page, Some(1));
    assert_eq!(
        summary(&found),
        vec![
            "ios-virtual-payment 1:8-1:21",
            "wechat-only-feature 2:6-2:11"
        ]
    );
    let ios = &found[0];
    assert_eq!(ios["severity"], 2);
    assert_eq!(ios["source"], "ttlint");
    assert!(
        ios["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/ios-virtual-payment"),
        "{ios}"
    );
    let related: Vec<&str> = ios["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["location"]["uri"].as_str().unwrap())
        .collect();
    assert!(
        related.contains(&uri(&root.join("utils/pay.js")).as_str()),
        "{related:?}"
    );

    // The fix of `wx:if`, applied as the editor would, removes that finding.
    let response = lsp.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": page },
            "range": found[1]["range"],
            "context": { "diagnostics": [found[1]] }
        }),
    );
    let actions = response["result"].as_array().cloned().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Change `wx:if` to `tt:if`",
            "Disable `wechat-only-feature` for this line",
            "Disable `wechat-only-feature` for this file",
            "Show documentation for `wechat-only-feature`",
        ]
    );
    let fix = action(&actions, "Change `wx:if` to `tt:if`");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(
        fix["edit"]["documentChanges"][0]["textDocument"]["version"],
        1
    );
    let (fixed, edits) = apply(VIP_TTML, &fix["edit"]);
    assert!(fixed.contains("<view tt:if=\"{{show}}\">"), "{fixed}");
    let docs = action(&actions, "Show documentation for `wechat-only-feature`");
    assert_eq!(docs["command"]["command"], "ttlint.showDocumentation");
    assert_eq!(docs["command"]["arguments"], json!(["wechat-only-feature"]));
    // The client runs it by sending it back: the server asks it to open the platform page.
    let ran = lsp.request("workspace/executeCommand", docs["command"].clone());
    assert_eq!(ran["result"], Value::Null, "{ran}");
    let show = lsp.wait_for("window/showDocument", |m| {
        m["method"] == "window/showDocument"
    });
    assert_eq!(
        show["params"],
        json!({
            "uri": "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage",
            "external": true,
            "takeFocus": true
        })
    );
    let disable = action(&actions, "Disable `wechat-only-feature` for this line");
    let (disabled, _) = apply(VIP_TTML, &disable["edit"]);
    assert!(
        disabled.contains(
            "</button>\n<!-- ttlint-disable-next-line wechat-only-feature -->\n<view wx:if"
        ),
        "{disabled}"
    );

    // Incremental changes: the fix's own edit, as the editor sends it.
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": page, "version": 2 },
            "contentChanges": edits.iter().map(|e| json!({ "range": e["range"], "text": e["newText"] })).collect::<Vec<_>>()
        }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(2))),
        vec!["ios-virtual-payment 1:8-1:21"]
    );

    // Hover on the remaining finding: the rule's documentation and page.
    let hover = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": page }, "position": { "line": 1, "character": 10 } }),
    );
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    assert!(markdown.contains("`ios-virtual-payment`"), "{markdown}");
    assert!(markdown.contains("## Why is this bad?"), "{markdown}");
    assert!(
        markdown.contains("Platform rule: [https://developer.open-douyin.com/"),
        "{markdown}"
    );
    let nothing = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": page }, "position": { "line": 3, "character": 0 } }),
    );
    assert_eq!(nothing["result"], Value::Null);

    // Unsaved text decides: the page stops selling a membership (nothing on disk changed).
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": page, "version": 3 },
            "contentChanges": [{
                "range": { "start": { "line": 0, "character": 6 }, "end": { "line": 0, "character": 10 } },
                "text": "购买鞋子"
            }]
        }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(3))),
        Vec::<String>::new()
    );
    assert_eq!(
        std::fs::read_to_string(root.join("pages/vip/vip.ttml")).unwrap(),
        VIP_TTML
    );

    assert_eq!(lsp.shut_down(), Some(0));
}

#[test]
fn changes_to_other_files_relint_the_page() {
    let (_dir, root) = project();
    let mut lsp = Lsp::start();
    lsp.initialize(&root);
    let page = uri(&root.join("pages/vip/vip.ttml"));
    lsp.open(&page, VIP_TTML);
    let first = summary(&lsp.diagnostics(&page, Some(1)));
    assert!(
        first.contains(&"ios-virtual-payment 1:8-1:21".to_string()),
        "{first:?}"
    );

    // The module the tap reaches stops paying, unsaved: the page's finding goes.
    let pay = uri(&root.join("utils/pay.js"));
    lsp.open(&pay, PAY_JS);
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": pay, "version": 2 },
            "contentChanges": [{ "text": "module.exports = { pay() {} };\n" }]
        }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(1))),
        vec!["wechat-only-feature 2:6-2:11"]
    );
    // It pays again: the finding is back.
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": pay, "version": 3 },
            "contentChanges": [{ "text": PAY_JS }]
        }),
    );
    assert_eq!(summary(&lsp.diagnostics(&page, Some(1))), first);

    // app.json, unsaved, no longer lists the page: it is not a page, so nothing sells on it.
    let app = uri(&root.join("app.json"));
    let app_text = std::fs::read_to_string(root.join("app.json")).unwrap();
    lsp.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": app, "languageId": "json", "version": 1, "text": app_text } }),
    );
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": app, "version": 2 },
            "contentChanges": [{ "text": r#"{ "pages": ["pages/index/index"] }"# }]
        }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(1))),
        vec!["wechat-only-feature 2:6-2:11"]
    );

    // A file changed on disk and reported by the client's watcher: a missing module.
    std::fs::write(
        root.join("pages/index/index.js"),
        "require('./gone');\nPage({});\n",
    )
    .unwrap();
    let index = uri(&root.join("pages/index/index.js"));
    lsp.open(&index, "require('./gone');\nPage({});\n");
    assert_eq!(
        summary(&lsp.diagnostics(&index, Some(1))),
        vec!["missing-file 0:8-0:16"]
    );
    std::fs::write(root.join("pages/index/gone.js"), "module.exports = {};\n").unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&root.join("pages/index/gone.js")), "type": 1 }] }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&index, Some(1))),
        Vec::<String>::new()
    );

    // ttlint.json turns a rule off: the config is reloaded.
    std::fs::write(
        root.join("ttlint.json"),
        r#"{ "rules": { "wechat-only-feature": "off" } }"#,
    )
    .unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&root.join("ttlint.json")), "type": 1 }] }),
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(1))),
        Vec::<String>::new()
    );

    // Closing a document clears what the editor shows for it.
    lsp.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": page } }),
    );
    assert_eq!(lsp.diagnostics(&page, None), Vec::<Value>::new());
    assert_eq!(lsp.shut_down(), Some(0));
}

#[test]
fn bad_input_gets_errors_and_never_a_crash() {
    let (_dir, root) = project();
    let mut lsp = Lsp::start();
    // Before `initialize`: an error, not a crash.
    let early = lsp.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    lsp.initialize(&root);

    lsp.send_raw("{ this is not json");
    let parse_error = lsp.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    lsp.send_raw(r#"{"jsonrpc":"2.0","id":41,"method":7}"#);
    let invalid = lsp.wait_for("an invalid request", |m| m["id"] == 41);
    assert_eq!(invalid["error"]["code"], -32600);

    let unknown = lsp.request("textDocument/definition", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = lsp.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");

    // A panic while linting a file: logged, its diagnostics cleared, the server goes on.
    let boom = uri(&root.join("utils/boom.js"));
    lsp.open(&boom, "tt.pay({});\n");
    assert_eq!(lsp.diagnostics(&boom, Some(1)), Vec::<Value>::new());
    let log = lsp.wait_for("the failure in the log", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("boom.js"))
    });
    assert_eq!(log["params"]["type"], 1);
    let page = uri(&root.join("pages/vip/vip.ttml"));
    lsp.open(&page, VIP_TTML);
    assert_eq!(lsp.diagnostics(&page, Some(1)).len(), 2, "still linting");

    // Still answering, then `exit` without `shutdown`: status 1.
    let still = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": page }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(still.get("error").is_none(), "{still}");
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.exit_status(), Some(1));
}

const VIP_VUE: &str = "<template>
  <view class=\"vip\">
    <view>开通会员</view>
    <button @tap=\"buy\">立即开通</button>
    <view>加微信领取优惠</view>
  </view>
</template>

<script>
import { pay } from '@/utils/pay'
export default {
  methods: {
    buy() { pay() },
    legacy() { tt.pay({}) },
  },
}
</script>
";

/// A uni-app `.vue` page: the template takes `<!-- -->` directives, the script `//`, and the
/// page follows `pages.json`.
#[test]
fn a_uni_app_page_is_disabled_in_the_syntax_of_each_block() {
    let pages = r#"{ "pages": [{ "path": "pages/vip/vip" }, { "path": "pages/index/index" }] }"#;
    let (_dir, root) = tree(&[
        ("pages.json", pages),
        ("manifest.json", "{}"),
        ("pages/vip/vip.vue", VIP_VUE),
        (
            "pages/index/index.vue",
            "<template><view>首页</view></template>\n",
        ),
        (
            "utils/pay.js",
            "export function pay() { uni.requestPayment({ provider: 'toutiao', orderInfo: {} }) }\n",
        ),
    ]);
    let mut lsp = Lsp::start();
    lsp.initialize(&root);
    let page = uri(&root.join("pages/vip/vip.vue"));
    lsp.open(&page, VIP_VUE);
    let found = lsp.diagnostics(&page, Some(1));
    assert_eq!(
        summary(&found),
        vec![
            // Reached through `utils/pay.js`: a finding across files.
            "ios-virtual-payment 3:12-3:22",
            "drainage-contact 4:10-4:13",
            "deprecated-tt-pay 13:15-13:21",
        ]
    );

    // In the template: an HTML comment on a line of its own.
    let actions = actions_for(&mut lsp, &page, &found[1]);
    assert_eq!(
        titles(&actions),
        vec![
            "Disable `drainage-contact` for this line",
            "Disable `drainage-contact` for this file",
            "Show documentation for `drainage-contact`",
        ]
    );
    let file = action(&actions, "Disable `drainage-contact` for this file");
    let (whole, _) = apply(VIP_VUE, &file["edit"]);
    assert_eq!(
        whole,
        format!("<!-- ttlint-disable-file drainage-contact -->\n{VIP_VUE}")
    );
    let line = action(&actions, "Disable `drainage-contact` for this line");
    let text = apply_action(&mut lsp, &page, VIP_VUE, line, 2);
    assert_eq!(
        text,
        VIP_VUE.replace(
            "    <view>加微信",
            "    <!-- ttlint-disable-next-line drainage-contact -->\n    <view>加微信"
        )
    );
    let found = lsp.diagnostics(&page, Some(2));
    assert_eq!(
        summary(&found),
        vec![
            "ios-virtual-payment 3:12-3:22",
            "deprecated-tt-pay 14:15-14:21",
        ]
    );

    // In the script: a `//` comment.
    let actions = actions_for(&mut lsp, &page, &found[1]);
    let line = action(&actions, "Disable `deprecated-tt-pay` for this line");
    let text = apply_action(&mut lsp, &page, &text, line, 3);
    assert!(
        text.contains("  methods: {\n    buy() { pay() },\n    // ttlint-disable-next-line deprecated-tt-pay\n    legacy() {"),
        "{text}"
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(3))),
        vec!["ios-virtual-payment 3:12-3:22"]
    );

    // pages.json, unsaved, drops the page: nothing sells on a page that is not one.
    let config = uri(&root.join("pages.json"));
    lsp.open(&config, pages);
    replace(
        &mut lsp,
        &config,
        r#"{ "pages": [{ "path": "pages/index/index" }] }"#,
        2,
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(3))),
        Vec::<String>::new()
    );
    assert_eq!(lsp.shut_down(), Some(0));
}

const VIP_TSX: &str = "import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { pay } from '../../utils/pay'

export default function Vip() {
  const legacy = () => Taro.pay({ orderInfo: {} })
  return (
    <View>
      <Text>开通会员</Text>
      <Button onClick={() => pay()}>立即开通</Button>
      <Text>加微信领取优惠</Text>
    </View>
  )
}
";

/// A Taro `.tsx` page: `{/* */}` among JSX children, `//` in the code around them, and the
/// page follows `app.config.ts`.
#[test]
fn a_taro_page_is_disabled_with_jsx_comments() {
    let app_config =
        "export default defineAppConfig({ pages: ['pages/vip/index', 'pages/index/index'] })\n";
    let (_dir, root) = tree(&[
        ("src/app.config.ts", app_config),
        ("src/pages/vip/index.tsx", VIP_TSX),
        (
            "src/pages/index/index.tsx",
            "import { View } from '@tarojs/components'\nexport default () => <View>首页</View>\n",
        ),
        (
            "src/utils/pay.ts",
            "import Taro from '@tarojs/taro'\nexport function pay() { Taro.getOrderPayment({ orderId: '1' }) }\n",
        ),
    ]);
    let mut lsp = Lsp::start();
    lsp.initialize(&root);
    let page = uri(&root.join("src/pages/vip/index.tsx"));
    lsp.open(&page, VIP_TSX);
    let found = lsp.diagnostics(&page, Some(1));
    assert_eq!(
        summary(&found),
        vec![
            "deprecated-tt-pay 5:23-5:31",
            "ios-virtual-payment 9:14-9:35",
            "drainage-contact 10:12-10:15",
        ]
    );

    // Among JSX children a `//` comment would be text: `{/* */}` it is.
    let actions = actions_for(&mut lsp, &page, &found[2]);
    let line = action(&actions, "Disable `drainage-contact` for this line");
    let text = apply_action(&mut lsp, &page, VIP_TSX, line, 2);
    assert_eq!(
        text,
        VIP_TSX.replace(
            "      <Text>加微信",
            "      {/* ttlint-disable-next-line drainage-contact */}\n      <Text>加微信"
        )
    );
    let found = lsp.diagnostics(&page, Some(2));
    assert_eq!(
        summary(&found),
        vec![
            "deprecated-tt-pay 5:23-5:31",
            "ios-virtual-payment 9:14-9:35",
        ]
    );

    // In the component's code: `//`, for the line and for the file.
    let actions = actions_for(&mut lsp, &page, &found[0]);
    let file = action(&actions, "Disable `deprecated-tt-pay` for this file");
    let (whole, _) = apply(&text, &file["edit"]);
    assert_eq!(
        whole,
        format!("// ttlint-disable-file deprecated-tt-pay\n{text}")
    );
    let line = action(&actions, "Disable `deprecated-tt-pay` for this line");
    let text = apply_action(&mut lsp, &page, &text, line, 3);
    assert!(
        text.contains("export default function Vip() {\n  // ttlint-disable-next-line deprecated-tt-pay\n  const legacy"),
        "{text}"
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(3))),
        vec!["ios-virtual-payment 10:14-10:35"]
    );

    // app.config.ts, unsaved, drops the page.
    let config = uri(&root.join("src/app.config.ts"));
    lsp.open(&config, app_config);
    replace(
        &mut lsp,
        &config,
        "export default defineAppConfig({ pages: ['pages/index/index'] })\n",
        2,
    );
    assert_eq!(
        summary(&lsp.diagnostics(&page, Some(3))),
        Vec::<String>::new()
    );
    assert_eq!(lsp.shut_down(), Some(0));
}

/// The editor's display language decides when nothing else does; a project's ttlint.json
/// decides over it.
#[test]
fn messages_follow_the_editors_language() {
    let (_dir, root) = project();
    let mut lsp = Lsp::start();
    lsp.initialize_with(&root, json!({ "debounceMs": 50 }), "zh-CN");
    let page = uri(&root.join("pages/vip/vip.ttml"));
    lsp.open(&page, VIP_TTML);
    let found = lsp.diagnostics(&page, Some(1));
    assert_eq!(
        found[1]["message"],
        "`wx:if` 是微信的指令，抖音会忽略它：元素总是会渲染\n请改用 `tt:if`。"
    );
    let actions = actions_for(&mut lsp, &page, &found[1]);
    assert_eq!(
        titles(&actions),
        vec![
            "把 `wx:if` 改为 `tt:if`",
            "在这一行屏蔽 `wechat-only-feature`",
            "在整个文件中屏蔽 `wechat-only-feature`",
            "查看 `wechat-only-feature` 的文档",
        ]
    );
    let hover = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": page }, "position": { "line": 1, "character": 10 } }),
    );
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("## 为什么有问题"), "{markdown}");
    assert!(
        markdown.contains("平台规则：[https://developer.open-douyin.com/"),
        "{markdown}"
    );

    // The project says English: its config wins over the editor's language.
    std::fs::write(root.join("ttlint.json"), r#"{ "lang": "en" }"#).unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&root.join("ttlint.json")), "type": 1 }] }),
    );
    let found = lsp.diagnostics(&page, Some(1));
    assert_eq!(
        found[1]["message"],
        "`wx:if` is WeChat's directive and Douyin ignores it: the element renders unconditionally\nUse `tt:if`."
    );
    assert_eq!(lsp.shut_down(), Some(0));
}
