//! `ttlint lsp`: a language server over standard input and output, for any LSP client.
//!
//! Built on `lsp-server` and `lsp-types` (synchronous, no async runtime, what rust-analyzer
//! uses): ttlint's work is CPU-bound linting on its own thread pool, so a runtime would add a
//! dependency tree and nothing to wait on. Reading frames is ours ([`transport`]), so a malformed
//! message gets an error reply instead of ending the connection.
//!
//! What it does:
//!
//! - lints open documents from their unsaved text: on open and save at once, on change after a
//!   pause in typing (the debounce, 200 ms unless `initializationOptions.debounceMs` says
//!   otherwise), through an [`engine::session::Session`](crate::engine::session) that holds every
//!   open buffer in its file provider, so cross-file rules see them;
//! - re-lints the open documents of a project when any file of it changes (a buffer, or a file
//!   on disk the client reports: `app.json`, a component, a module), from the session's cached
//!   files; reloads the config when a `ttlint.json` is saved or changes on disk;
//! - offers code actions: the rule's fix, "disable `RULE` for this line" and "for this file" in
//!   the comment syntax of the place ([`actions`]), and "show documentation": the
//!   `ttlint.showDocumentation` command with the rule id, which the server declares as its own
//!   (`executeCommandProvider`), so every client sends it back and gets `window/showDocument`
//!   with the rule's platform page (or, where the client cannot open it, the address);
//! - hovers a finding with its rule's documentation and platform page; every diagnostic also
//!   carries the page as `codeDescription.href`.
//!
//! It never takes the editor down: a panic while linting is logged and that file's diagnostics
//! are cleared (the session is rebuilt); a request it does not know gets `MethodNotFound`;
//! `shutdown` then `exit` ends it with status 0, `exit` alone (or the input closing) with 1.
//!
//! Documents are linted by the session of the `ttlint.json` that applies to their project (found
//! from the folder of `app.json` upwards, or from the file's folder outside a mini-program), so a
//! workspace holding several mini-programs with their own configs lints each with its own.

mod actions;
mod convert;
mod transport;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use crossbeam_channel::{RecvTimeoutError, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use self::actions::Commenter;
use self::transport::{Outgoing, Transport};
use crate::base::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::base::error::UsageError;
use crate::base::message::{Catalogue, Lang};
use crate::base::messages;
use crate::base::meta::{RuleMeta, Severity};
use crate::base::source::SourceFile;
use crate::base::vfs::Vfs;
use crate::engine::config::{CONFIG_FILE, Config};
use crate::engine::session::{Linted, Session, SessionOptions};
use crate::project::discover;
use crate::rules::{self, Rule, docs};

/// How long after the last change a document is linted, unless the client says otherwise.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(200);

/// The command a "show documentation" code action carries, with the rule id as its argument.
pub const SHOW_DOCUMENTATION: &str = "ttlint.showDocumentation";

/// How the server ended, for the exit status: 0 after `shutdown` and `exit`, 1 otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Clean,
    Unclean,
}

/// Serves the protocol on standard input and output until `exit` or the end of the input.
/// `requested` is `--lang`; `environment` the language of `LC_ALL`/`LC_MESSAGES`/`LANG`.
pub fn run(requested: Option<Lang>, environment: Lang) -> Result<Exit, UsageError> {
    let transport = Transport::start(std::io::stdin(), std::io::stdout())
        .map_err(|e| UsageError::new(messages::error_stdin(e.to_string())))?;
    let exit = serve(&transport, requested, environment);
    transport.finish();
    Ok(exit)
}

/// The language messages are written in. The user's own choices come first, the editor's
/// display language last, as on the command line, where `"lang"` in ttlint.json beats the
/// environment:
///
/// 1. `initializationOptions.lang` (the editor's ttlint setting), then `--lang`;
/// 2. `"lang"` in the `ttlint.json` of the document's project;
/// 3. `InitializeParams.locale` (`zh-CN`, `zh-TW`, `en-US`: `zh…` reads Chinese, anything else
///    English), then the server's environment, for clients that send no locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Languages {
    chosen: Option<Lang>,
    fallback: Lang,
}

impl Languages {
    fn new(options: &InitOptions, locale: Option<&str>, cli: Option<Lang>, env: Lang) -> Self {
        Self {
            chosen: options.lang.as_deref().and_then(Lang::parse).or(cli),
            fallback: locale.map_or(env, Lang::from_locale),
        }
    }

    /// The language for a project whose config says `config` (`None`: it says nothing).
    fn of(self, config: Option<Lang>) -> Lang {
        self.chosen.or(config).unwrap_or(self.fallback)
    }
}

/// What `initializationOptions` may say.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct InitOptions {
    /// `en` or `zh-CN`: wins over everything else (see [`Languages`]).
    lang: Option<String>,
    /// The pause in typing before a changed document is linted.
    debounce_ms: Option<u64>,
}

/// What the client can do, as far as the server cares.
#[derive(Debug, Default)]
struct Client {
    /// Versioned `documentChanges` in workspace edits.
    document_changes: bool,
    /// `window/showDocument`, to open a rule's page.
    show_document: bool,
    /// Dynamic registration of file watchers.
    watch_registration: bool,
}

/// A finding in an open document, as published, with what its code actions need.
#[derive(Debug, Clone)]
struct Finding {
    diagnostic: lsp::Diagnostic,
    rule: &'static RuleMeta,
    fix: Option<FixAction>,
    disable_line: Option<Vec<lsp::TextEdit>>,
    disable_file: Option<Vec<lsp::TextEdit>>,
}

#[derive(Debug, Clone)]
struct FixAction {
    title: String,
    edits: Vec<lsp::TextEdit>,
    preferred: bool,
}

/// A document open in the editor.
#[derive(Debug)]
struct Document {
    /// As the client wrote it: diagnostics are published under the same URI.
    uri: lsp::Uri,
    version: i32,
    text: String,
    /// The `ttlint.json` whose session lints it.
    config: Option<PathBuf>,
    /// When to lint it next; `None` when its diagnostics are up to date.
    due: Option<Instant>,
    /// Its text changed since it was last published.
    edited: bool,
    findings: Vec<Finding>,
    published: Option<Vec<lsp::Diagnostic>>,
    /// The version whose lint panicked: not linted again until the text changes, so one bad
    /// file does not cost its project a rebuilt session on every keystroke elsewhere.
    failed: Option<i32>,
}

struct Server {
    out: Sender<Outgoing>,
    /// The workspace folder: display paths are relative to it.
    root: PathBuf,
    languages: Languages,
    debounce: Duration,
    client: Client,
    docs: BTreeMap<PathBuf, Document>,
    /// By the `ttlint.json` they lint with (`None`: the built-in defaults).
    sessions: BTreeMap<Option<PathBuf>, Session>,
    shutdown: bool,
    /// Fault injection for the integration tests: linting a file with this name panics
    /// (`TTLINT_TEST_PANIC`), as a bug in a parser would.
    panic_on: Option<std::ffi::OsString>,
}

/// Waits for `initialize`, answers it, then serves until `exit`.
fn serve(transport: &Transport, requested: Option<Lang>, environment: Lang) -> Exit {
    let out = &transport.sender;
    let params = loop {
        let Ok(message) = transport.receiver.recv() else {
            return Exit::Unclean;
        };
        match message {
            Message::Request(request) if request.method == "initialize" => {
                match serde_json::from_value::<lsp::InitializeParams>(request.params) {
                    Ok(params) => break (request.id, params),
                    Err(e) => reply_err(out, request.id, ErrorCode::InvalidParams, e.to_string()),
                }
            }
            Message::Request(request) => reply_err(
                out,
                request.id,
                ErrorCode::ServerNotInitialized,
                format!("`{}` before `initialize`", request.method),
            ),
            Message::Notification(n) if n.method == "exit" => return Exit::Unclean,
            // Notifications before `initialize` are dropped, as the protocol says.
            Message::Notification(_) | Message::Response(_) => {}
        }
    };
    let (id, params) = params;
    let mut server = Server::new(out.clone(), &params, requested, environment);
    reply(out, id, server.capabilities());
    server.run(transport)
}

fn reply(out: &Sender<Outgoing>, id: RequestId, result: impl serde::Serialize) {
    let response = match serde_json::to_value(result) {
        Ok(value) => Response::new_ok(id, value),
        Err(e) => Response::new_err(id, ErrorCode::InternalError as i32, e.to_string()),
    };
    let _ = out.send(Message::Response(response).into());
}

fn reply_err(out: &Sender<Outgoing>, id: RequestId, code: ErrorCode, message: String) {
    let _ = out.send(Message::Response(Response::new_err(id, code as i32, message)).into());
}

fn notify(out: &Sender<Outgoing>, method: &str, params: impl serde::Serialize) {
    let Ok(params) = serde_json::to_value(params) else {
        return;
    };
    let _ = out.send(Message::Notification(Notification::new(method.into(), params)).into());
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, String> {
    serde_json::from_value(value).map_err(|e| format!("invalid parameters: {e}"))
}

/// What a panic said.
fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown error".into())
}

impl Server {
    fn new(
        out: Sender<Outgoing>,
        params: &lsp::InitializeParams,
        requested: Option<Lang>,
        environment: Lang,
    ) -> Self {
        let options: InitOptions = params
            .initialization_options
            .clone()
            .and_then(|o| serde_json::from_value(o).ok())
            .unwrap_or_default();
        let languages = Languages::new(&options, params.locale.as_deref(), requested, environment);
        let caps = &params.capabilities;
        let client = Client {
            document_changes: caps
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            show_document: caps
                .window
                .as_ref()
                .and_then(|w| w.show_document.as_ref())
                .is_some_and(|s| s.support),
            watch_registration: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        };
        #[allow(deprecated)] // Older clients send only `rootUri`.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .and_then(|f| convert::path(&f.uri))
            .or_else(|| params.root_uri.as_ref().and_then(convert::path))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        Self {
            out,
            root,
            languages,
            debounce: options
                .debounce_ms
                .map_or(DEFAULT_DEBOUNCE, |ms| Duration::from_millis(ms.min(10_000))),
            client,
            docs: BTreeMap::new(),
            sessions: BTreeMap::new(),
            shutdown: false,
            panic_on: std::env::var_os("TTLINT_TEST_PANIC"),
        }
    }

    fn capabilities(&self) -> lsp::InitializeResult {
        lsp::InitializeResult {
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(lsp::PositionEncodingKind::UTF16),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                    lsp::TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                        save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                            lsp::SaveOptions {
                                include_text: Some(false),
                            },
                        )),
                        ..Default::default()
                    },
                )),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                    lsp::CodeActionOptions {
                        code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                        resolve_provider: Some(false),
                        work_done_progress_options: Default::default(),
                    },
                )),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                execute_command_provider: Some(lsp::ExecuteCommandOptions {
                    commands: vec![SHOW_DOCUMENTATION.into()],
                    work_done_progress_options: Default::default(),
                }),
                ..Default::default()
            },
            server_info: Some(lsp::ServerInfo {
                name: "ttlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    fn run(&mut self, transport: &Transport) -> Exit {
        loop {
            let next = self.docs.values().filter_map(|d| d.due).min();
            let received = match next {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match transport.receiver.recv_timeout(wait) {
                        Ok(message) => Some(message),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Exit::Unclean,
                    }
                }
                None => match transport.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return Exit::Unclean,
                },
            };
            if let Some(message) = received
                && let Some(exit) = self.handle(message)
            {
                return exit;
            }
            self.lint_due(Instant::now());
        }
    }

    fn handle(&mut self, message: Message) -> Option<Exit> {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                let method = request.method.clone();
                let handled = catch_unwind(AssertUnwindSafe(|| self.request(request)));
                if let Err(panic) = handled {
                    let text = panic_text(&panic);
                    self.log(
                        lsp::MessageType::ERROR,
                        &format!("ttlint: `{method}` failed: {text}"),
                    );
                    reply_err(&self.out, id, ErrorCode::InternalError, text);
                }
                None
            }
            Message::Notification(n) if n.method == "exit" => Some(if self.shutdown {
                Exit::Clean
            } else {
                Exit::Unclean
            }),
            Message::Notification(n) => {
                if !self.shutdown {
                    let method = n.method.clone();
                    if let Err(why) = self.notification(n) {
                        self.log(
                            lsp::MessageType::WARNING,
                            &format!("ttlint: ignored `{method}`: {why}"),
                        );
                    }
                }
                None
            }
            // Answers to our own requests (registering watchers, showing a document).
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, request: Request) {
        let Request { id, method, params } = request;
        if self.shutdown {
            reply_err(
                &self.out,
                id,
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            );
            return;
        }
        let result: Result<Value, (ErrorCode, String)> = match method.as_str() {
            "initialize" => Err((ErrorCode::InvalidRequest, "already initialized".into())),
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/codeAction" => self
                .typed(params, |s, p| s.code_actions(p))
                .and_then(to_value),
            "textDocument/hover" => self.typed(params, |s, p| s.hover(p)).and_then(to_value),
            "workspace/executeCommand" => self
                .typed(params, |s, p: lsp::ExecuteCommandParams| s.execute(p))
                .and_then(|r| r)
                .map(|()| Value::Null),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("ttlint does not handle `{method}`"),
            )),
        };
        match result {
            Ok(value) => reply(&self.out, id, value),
            Err((code, message)) => reply_err(&self.out, id, code, message),
        }
    }

    fn typed<P: DeserializeOwned, R>(
        &mut self,
        params: Value,
        handler: impl FnOnce(&mut Self, P) -> R,
    ) -> Result<R, (ErrorCode, String)> {
        let params = self::params(params).map_err(|e| (ErrorCode::InvalidParams, e))?;
        Ok(handler(self, params))
    }

    fn notification(&mut self, n: Notification) -> Result<(), String> {
        match n.method.as_str() {
            "initialized" => {
                self.register_watchers();
                Ok(())
            }
            "textDocument/didOpen" => params(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => params(n.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => params(n.params).map(|p| self.did_save(p)),
            "textDocument/didClose" => params(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => params(n.params).map(|p| self.watched(p)),
            // `$/cancelRequest`, `$/setTrace`, `workspace/didChangeConfiguration`…: nothing to do.
            _ => Ok(()),
        }
    }

    /// Tells the client about a problem in its log (and on standard error).
    fn log(&self, kind: lsp::MessageType, text: &str) {
        eprintln!("{text}");
        notify(
            &self.out,
            "window/logMessage",
            lsp::LogMessageParams {
                typ: kind,
                message: text.into(),
            },
        );
    }

    /// Tells the user (a bad config), and logs it.
    fn show(&self, kind: lsp::MessageType, text: &str) {
        self.log(kind, text);
        notify(
            &self.out,
            "window/showMessage",
            lsp::ShowMessageParams {
                typ: kind,
                message: text.into(),
            },
        );
    }

    /// Asks the client to report changes on disk to the files a project is made of.
    fn register_watchers(&self) {
        if !self.client.watch_registration {
            return;
        }
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(
                    "**/*.{js,mjs,cjs,ts,sjs,ttml,json,vue,jsx,tsx}".into(),
                ),
                kind: None,
            }],
        };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "ttlint-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let Ok(params) = serde_json::to_value(params) else {
            return;
        };
        let request = Request {
            id: RequestId::from("ttlint-register-watch".to_string()),
            method: "client/registerCapability".into(),
            params,
        };
        let _ = self.out.send(Message::Request(request).into());
    }

    /// The `ttlint.json` that applies to a document: the one above its mini-program's root,
    /// or above its folder outside any mini-program. Read from disk: an unsaved config is not
    /// used until it is saved.
    fn config_key(&self, path: &Path) -> Option<PathBuf> {
        let disk = Vfs::disk();
        let anchor = discover::enclosing_root(path, &disk)
            .map(|root| root.path)
            .or_else(|| path.parent().map(Path::to_path_buf))?;
        Config::find(&anchor, &disk)
    }

    /// The config at `key`, or the built-in defaults when it cannot be used (said to the user).
    fn load_config(&self, key: &Option<PathBuf>) -> Config {
        let Some(path) = key else {
            return Config::default();
        };
        Config::load(path, &Vfs::disk()).unwrap_or_else(|e| {
            self.show_config_error(&e);
            Config::default()
        })
    }

    fn show_config_error(&self, error: &UsageError) {
        let text = self.server_text();
        let text = text.render(&messages::lsp_config_error(error.render(text)));
        self.show(lsp::MessageType::ERROR, &text);
    }

    /// The catalogue of what is said outside any project (a config that cannot be read, a
    /// command).
    fn server_text(&self) -> &'static Catalogue {
        Catalogue::shared(self.languages.of(None))
    }

    /// The catalogue of the documents the session of `key` lints: its config may choose.
    fn text(&self, key: &Option<PathBuf>) -> &'static Catalogue {
        let config = self.sessions.get(key).and_then(|s| s.config().lang);
        Catalogue::shared(self.languages.of(config))
    }

    /// Starts the session of `key` if there is none, holding every open buffer.
    fn ensure_session(&mut self, key: &Option<PathBuf>) {
        if self.sessions.contains_key(key) {
            return;
        }
        let options = |config: Config| SessionOptions {
            cwd: self.root.clone(),
            config,
            threads: None,
            vfs: Vfs::disk(),
        };
        let session = match Session::new(options(self.load_config(key))) {
            Ok(session) => Ok(session),
            Err(e) => {
                self.show_config_error(&e);
                Session::new(options(Config::default()))
            }
        };
        match session {
            Ok(mut session) => {
                for (path, doc) in &self.docs {
                    session.set_text(path, doc.text.clone());
                }
                self.sessions.insert(key.clone(), session);
            }
            Err(e) => self.log(
                lsp::MessageType::ERROR,
                &format!("ttlint: cannot lint: {e}"),
            ),
        }
    }

    /// Lints, after `delay`, the document at `path` and every other open document its session
    /// lints (a change to one file can change findings in the files of its project).
    fn schedule(&mut self, path: &Path, delay: Duration) {
        let due = Instant::now() + delay;
        let Some(key) = self.docs.get(path).map(|d| d.config.clone()) else {
            return;
        };
        for doc in self.docs.values_mut().filter(|d| d.config == key) {
            doc.due = Some(doc.due.map_or(due, |d| d.min(due)));
        }
        if let Some(doc) = self.docs.get_mut(path) {
            doc.due = Some(due);
        }
    }

    fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) {
        let Some(path) = convert::path(&p.text_document.uri) else {
            return;
        };
        let config = self.config_key(&path);
        for session in self.sessions.values_mut() {
            session.set_text(&path, p.text_document.text.clone());
        }
        self.docs.insert(
            path.clone(),
            Document {
                uri: p.text_document.uri,
                version: p.text_document.version,
                text: p.text_document.text,
                config: config.clone(),
                due: None,
                edited: true,
                findings: Vec::new(),
                published: None,
                failed: None,
            },
        );
        self.ensure_session(&config);
        self.schedule(&path, Duration::ZERO);
    }

    fn did_change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let Some(path) = convert::path(&p.text_document.uri) else {
            return;
        };
        let Some(doc) = self.docs.get_mut(&path) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let lines = crate::base::source::LineIndex::new(&doc.text);
                    let start = convert::offset(&doc.text, &lines, range.start);
                    let end = convert::offset(&doc.text, &lines, range.end).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
                None => doc.text = change.text,
            }
        }
        doc.version = p.text_document.version;
        doc.edited = true;
        let text = doc.text.clone();
        for session in self.sessions.values_mut() {
            session.set_text(&path, text.clone());
        }
        self.schedule(&path, self.debounce);
    }

    fn did_save(&mut self, p: lsp::DidSaveTextDocumentParams) {
        let Some(path) = convert::path(&p.text_document.uri) else {
            return;
        };
        if path.file_name().is_some_and(|n| n == CONFIG_FILE) {
            self.reload_configs();
        }
        if self.docs.contains_key(&path) {
            self.schedule(&path, Duration::ZERO);
        }
    }

    fn did_close(&mut self, p: lsp::DidCloseTextDocumentParams) {
        let Some(path) = convert::path(&p.text_document.uri) else {
            return;
        };
        let Some(doc) = self.docs.remove(&path) else {
            return;
        };
        for session in self.sessions.values_mut() {
            session.close(&path);
        }
        // What the editor showed goes with the document.
        self.publish_to(&doc.uri, None, Vec::new());
        // The file on disk may differ from the buffer that was open.
        let peers: Vec<PathBuf> = self
            .docs
            .iter()
            .filter(|(_, d)| d.config == doc.config)
            .map(|(p, _)| p.clone())
            .collect();
        if let Some(peer) = peers.first() {
            self.schedule(peer, self.debounce);
        }
    }

    fn watched(&mut self, p: lsp::DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        for change in p.changes {
            let Some(path) = convert::path(&change.uri) else {
                continue;
            };
            if path.file_name().is_some_and(|n| n == CONFIG_FILE) {
                config_changed = true;
            }
            for session in self.sessions.values_mut() {
                session.disk_changed(&path);
            }
        }
        if config_changed {
            self.reload_configs();
        }
        let due = Instant::now() + self.debounce;
        for doc in self.docs.values_mut() {
            doc.due = Some(doc.due.map_or(due, |d| d.min(due)));
        }
    }

    /// A `ttlint.json` changed, appeared or went: documents find their config again, sessions
    /// reload theirs (a broken one keeps the last good config), and everything is linted again.
    fn reload_configs(&mut self) {
        let keys: Vec<(PathBuf, Option<PathBuf>)> = self
            .docs
            .keys()
            .map(|path| (path.clone(), self.config_key(path)))
            .collect();
        for (path, key) in keys {
            if let Some(doc) = self.docs.get_mut(&path) {
                doc.config = key;
            }
        }
        let used: BTreeSet<Option<PathBuf>> =
            self.docs.values().map(|d| d.config.clone()).collect();
        self.sessions.retain(|key, _| used.contains(key));
        let mut failed = Vec::new();
        for (key, session) in &mut self.sessions {
            let Some(path) = key else { continue };
            let loaded = Config::load(path, &Vfs::disk()).and_then(|c| session.set_config(c));
            if let Err(e) = loaded {
                failed.push(e);
            }
        }
        for e in failed {
            self.show_config_error(&e);
        }
        for key in used {
            self.ensure_session(&key);
        }
        let now = Instant::now();
        for doc in self.docs.values_mut() {
            doc.due = Some(now);
        }
    }

    /// Lints the documents whose time has come: those edited first, so the one being typed in
    /// is published before the others of its project.
    fn lint_due(&mut self, now: Instant) {
        let mut due: Vec<(bool, PathBuf)> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|due| due <= now))
            .map(|(p, d)| (!d.edited, p.clone()))
            .collect();
        due.sort();
        for (_, path) in due {
            self.lint(&path);
        }
    }

    /// Lints a document now if it waits for a lint, so that what a request sees is up to date.
    fn flush(&mut self, path: &Path) {
        if self.docs.get(path).is_some_and(|d| d.due.is_some()) {
            self.lint(path);
        }
    }

    /// Lints one open document and publishes its diagnostics. A panic clears them, is logged,
    /// and costs the session (rebuilt on next use): its state may be half updated.
    fn lint(&mut self, path: &Path) {
        let Some(key) = self.docs.get(path).map(|d| d.config.clone()) else {
            return;
        };
        self.ensure_session(&key);
        let (Some(session), Some(doc)) = (self.sessions.get_mut(&key), self.docs.get_mut(path))
        else {
            return;
        };
        doc.due = None;
        if doc.failed == Some(doc.version) {
            return;
        }
        let catalogue = Catalogue::shared(self.languages.of(session.config().lang));
        let uri = doc.uri.clone();
        let panic_on = self.panic_on.as_deref();
        let linted = catch_unwind(AssertUnwindSafe(|| {
            if panic_on.is_some_and(|name| path.file_name() == Some(name)) {
                panic!("TTLINT_TEST_PANIC: {}", path.display());
            }
            session
                .lint(path)
                .map(|linted| findings(&linted, catalogue))
                .unwrap_or_default()
        }));
        let mut failed = None;
        let findings = match linted {
            Ok(findings) => findings,
            Err(panic) => {
                failed = self.docs.get(path).map(|d| d.version);
                let text = catalogue.render(&messages::lsp_lint_failed(
                    path.display().to_string(),
                    panic_text(&panic),
                ));
                self.sessions.remove(&key);
                self.log(lsp::MessageType::ERROR, &text);
                Vec::new()
            }
        };
        let Some(doc) = self.docs.get_mut(path) else {
            return;
        };
        doc.failed = failed;
        let diagnostics: Vec<lsp::Diagnostic> =
            findings.iter().map(|f| f.diagnostic.clone()).collect();
        doc.findings = findings;
        let unchanged = !doc.edited && doc.published.as_ref() == Some(&diagnostics);
        doc.edited = false;
        if unchanged {
            return;
        }
        doc.published = Some(diagnostics.clone());
        let version = doc.version;
        self.publish_to(&uri, Some(version), diagnostics);
    }

    fn publish_to(&self, uri: &lsp::Uri, version: Option<i32>, diagnostics: Vec<lsp::Diagnostic>) {
        notify(
            &self.out,
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version,
            },
        );
    }

    fn workspace_edit(&self, doc: &Document, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
        if self.client.document_changes {
            lsp::WorkspaceEdit {
                document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri: doc.uri.clone(),
                        version: Some(doc.version),
                    },
                    edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
                }])),
                ..Default::default()
            }
        } else {
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                ..Default::default()
            }
        }
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let Some(path) = convert::path(&p.text_document.uri) else {
            return Vec::new();
        };
        if let Some(only) = &p.context.only
            && !only.iter().any(|k| {
                k.as_str().is_empty()
                    || lsp::CodeActionKind::QUICKFIX
                        .as_str()
                        .starts_with(k.as_str())
            })
        {
            return Vec::new();
        }
        self.flush(&path);
        let Some(doc) = self.docs.get(&path) else {
            return Vec::new();
        };
        let text = self.text(&doc.config);
        let hits: Vec<&Finding> = doc
            .findings
            .iter()
            .filter(|f| convert::overlap(&f.diagnostic.range, &p.range))
            .collect();
        let action =
            |title: String, diagnostic: &lsp::Diagnostic, edits: Option<Vec<lsp::TextEdit>>| {
                lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: edits.map(|e| self.workspace_edit(doc, e)),
                    ..Default::default()
                }
            };
        let mut fixes = Vec::new();
        let mut lines = Vec::new();
        let mut files = Vec::new();
        let mut docs = Vec::new();
        let mut seen: BTreeSet<(&str, &str, u32)> = BTreeSet::new();
        for f in &hits {
            let id = f.rule.id;
            if let Some(fix) = &f.fix {
                let mut a = action(fix.title.clone(), &f.diagnostic, Some(fix.edits.clone()));
                a.is_preferred = Some(fix.preferred);
                fixes.push(a);
            }
            let line = f.diagnostic.range.start.line;
            if let Some(edits) = &f.disable_line
                && seen.insert(("line", id, line))
            {
                let title = text.render(&messages::lsp_disable_line(id));
                lines.push(action(title, &f.diagnostic, Some(edits.clone())));
            }
            if let Some(edits) = &f.disable_file
                && seen.insert(("file", id, 0))
            {
                let title = text.render(&messages::lsp_disable_file(id));
                files.push(action(title, &f.diagnostic, Some(edits.clone())));
            }
            if seen.insert(("docs", id, 0)) {
                let title = text.render(&messages::lsp_show_documentation(id));
                let mut a = action(title.clone(), &f.diagnostic, None);
                a.command = Some(lsp::Command {
                    title,
                    command: SHOW_DOCUMENTATION.into(),
                    arguments: Some(vec![json!(id)]),
                });
                docs.push(a);
            }
        }
        [fixes, lines, files, docs]
            .into_iter()
            .flatten()
            .map(lsp::CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = &p.text_document_position_params;
        let path = convert::path(&at.text_document.uri)?;
        self.flush(&path);
        let doc = self.docs.get(&path)?;
        let text = self.text(&doc.config);
        let position = at.position;
        let mut rules_seen = BTreeSet::new();
        let hits: Vec<&Finding> = doc
            .findings
            .iter()
            .filter(|f| f.diagnostic.range.start <= position && position <= f.diagnostic.range.end)
            .filter(|f| rules_seen.insert(f.rule.id))
            .collect();
        let range = hits.first()?.diagnostic.range;
        let sections: Vec<String> = hits
            .iter()
            .map(|f| {
                let meta = f.rule;
                let link = format!("[{}]({})", meta.url, meta.url);
                let page = text.render(&messages::lsp_hover_platform_page(link));
                format!(
                    "**ttlint · `{}`**\n\n{}\n\n{}\n\n{}",
                    meta.id,
                    docs::summary(meta, text.lang()),
                    docs::docs(meta, text.lang()).trim(),
                    page
                )
            })
            .collect();
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: Some(range),
        })
    }

    /// `ttlint.showDocumentation`: the rule's platform page opens in the browser, or its address
    /// is shown where the client cannot open it.
    fn execute(&mut self, p: lsp::ExecuteCommandParams) -> Result<(), (ErrorCode, String)> {
        if p.command != SHOW_DOCUMENTATION {
            return Err((
                ErrorCode::InvalidParams,
                format!("unknown command `{}`", p.command),
            ));
        }
        let meta = p
            .arguments
            .first()
            .and_then(Value::as_str)
            .and_then(rules::find)
            .ok_or_else(|| {
                (
                    ErrorCode::InvalidParams,
                    format!("`{SHOW_DOCUMENTATION}` takes a rule id"),
                )
            })?;
        match lsp::Uri::from_str(meta.url) {
            Ok(uri) if self.client.show_document => {
                let params = lsp::ShowDocumentParams {
                    uri,
                    external: Some(true),
                    take_focus: Some(true),
                    selection: None,
                };
                if let Ok(params) = serde_json::to_value(params) {
                    let request = Request {
                        id: RequestId::from(format!("ttlint-show-{}", meta.id)),
                        method: "window/showDocument".into(),
                        params,
                    };
                    let _ = self.out.send(Message::Request(request).into());
                }
            }
            _ => {
                let link = meta.url.to_string();
                let text = self
                    .server_text()
                    .render(&messages::lsp_hover_platform_page(link));
                notify(
                    &self.out,
                    "window/showMessage",
                    lsp::ShowMessageParams {
                        typ: lsp::MessageType::INFO,
                        message: format!("{}: {text}", meta.id),
                    },
                );
            }
        }
        Ok(())
    }
}

fn to_value(result: impl serde::Serialize) -> Result<Value, (ErrorCode, String)> {
    serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn text_edits(source: &SourceFile, edits: &[Edit]) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|e| lsp::TextEdit {
            range: convert::range(source, e.span),
            new_text: e.text.clone(),
        })
        .collect()
}

/// A fix's title: "change `wx:if` to `tt:if`" when it rewrites a short piece of one line
/// inside the finding, the rule's name otherwise.
fn fix_title(source: &SourceFile, d: &Diagnostic, fix: &Fix, catalogue: &Catalogue) -> String {
    let before = source.slice(d.span);
    let short = !before.is_empty() && before.len() <= 80 && !before.contains(['\n', '\r']);
    let mut after = before.to_string();
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start()));
    let rewritten = short
        && edits.iter().all(|e| {
            d.span.contains(e.span)
                && after.is_char_boundary(e.span.start() - d.span.start())
                && after.is_char_boundary(e.span.end() - d.span.start())
                && {
                    after.replace_range(
                        e.span.start() - d.span.start()..e.span.end() - d.span.start(),
                        &e.text,
                    );
                    true
                }
        });
    let title = if rewritten {
        catalogue.render(&messages::lsp_fix_change(before, after))
    } else {
        catalogue.render(&messages::lsp_fix(d.rule.id))
    };
    match fix.applicability {
        Applicability::Safe => title,
        Applicability::Unsafe => catalogue.render(&messages::lsp_fix_unsafe(title)),
    }
}

/// The findings of a lint in the protocol's terms, with their code actions' edits.
fn findings(linted: &Linted<'_>, catalogue: &Catalogue) -> Vec<Finding> {
    let loaded = linted.file(linted.id);
    let source = &loaded.source;
    let commenter = Commenter::new(loaded);
    linted
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = catalogue.render(&d.message);
            if let Some(help) = &d.help {
                message.push('\n');
                message.push_str(&catalogue.render(help));
            }
            let related: Vec<lsp::DiagnosticRelatedInformation> = d
                .related
                .iter()
                .filter_map(|r| {
                    let file = linted.source(r.file);
                    Some(lsp::DiagnosticRelatedInformation {
                        location: lsp::Location {
                            uri: convert::uri(&file.path)?,
                            range: convert::range(file, r.span),
                        },
                        message: catalogue.render(&r.label),
                    })
                })
                .collect();
            let id = d.rule.id;
            let diagnostic = lsp::Diagnostic {
                range: convert::range(source, d.span),
                severity: Some(match d.severity {
                    Severity::Error => lsp::DiagnosticSeverity::ERROR,
                    Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                    Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
                }),
                code: Some(lsp::NumberOrString::String(id.into())),
                code_description: lsp::Uri::from_str(d.rule.url)
                    .ok()
                    .map(|href| lsp::CodeDescription { href }),
                source: Some("ttlint".into()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                tags: (id == rules::UnusedSuppression.meta().id)
                    .then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
                data: None,
            };
            let suppressible = !rules::UNSUPPRESSIBLE.contains(&id);
            let commenter = commenter.as_ref().filter(|_| suppressible);
            Finding {
                diagnostic,
                rule: d.rule,
                fix: d.fix.as_ref().map(|fix| FixAction {
                    title: fix_title(source, d, fix, catalogue),
                    edits: text_edits(source, &fix.edits),
                    preferred: fix.applicability == Applicability::Safe,
                }),
                disable_line: commenter
                    .and_then(|c| c.disable_line(id, d.span.start()))
                    .map(|edits| text_edits(source, &edits)),
                disable_file: commenter.map(|c| text_edits(source, &c.disable_file(id))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages(options: Option<&str>, locale: Option<&str>, cli: Option<Lang>) -> Languages {
        let options = InitOptions {
            lang: options.map(String::from),
            debounce_ms: None,
        };
        Languages::new(&options, locale, cli, Lang::En)
    }

    #[test]
    fn the_users_choice_wins_then_the_config_then_the_editors_language() {
        // The editor's display language, when nothing else says.
        assert_eq!(languages(None, Some("zh-CN"), None).of(None), Lang::ZhCn);
        assert_eq!(languages(None, Some("zh-tw"), None).of(None), Lang::ZhCn);
        assert_eq!(languages(None, Some("en-US"), None).of(None), Lang::En);
        assert_eq!(languages(None, Some("fr"), None).of(None), Lang::En);
        // No locale: the server's environment (English here).
        assert_eq!(languages(None, None, None).of(None), Lang::En);
        // A project's ttlint.json beats the editor's language…
        assert_eq!(
            languages(None, Some("zh-CN"), None).of(Some(Lang::En)),
            Lang::En
        );
        // …and the ttlint setting (initializationOptions.lang) or --lang beat both.
        assert_eq!(
            languages(Some("zh-CN"), Some("en"), None).of(Some(Lang::En)),
            Lang::ZhCn
        );
        assert_eq!(
            languages(None, Some("en"), Some(Lang::ZhCn)).of(Some(Lang::En)),
            Lang::ZhCn
        );
        assert_eq!(
            languages(Some("en"), None, Some(Lang::ZhCn)).of(None),
            Lang::En
        );
        // A setting that names no language ttlint speaks is no choice.
        assert_eq!(
            languages(Some("auto"), Some("zh-CN"), None).of(None),
            Lang::ZhCn
        );
    }
}
