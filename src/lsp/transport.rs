//! JSON-RPC framing over standard input and output: `Content-Length` headers, then the message.
//!
//! `lsp-server`'s own stdio transport ends the connection on the first malformed message. An
//! editor must not lose its linter to one bad frame, so reading is ours: a frame whose body is not
//! JSON is answered with a `ParseError`, a JSON value that is not a request, response or
//! notification with an `InvalidRequest` (both with the request's id when it can be read, `null`
//! otherwise, as JSON-RPC says), a bad header line is skipped, and reading goes on with the next
//! frame. Only the end of the input ends the reader. Writing is one thread, so messages never
//! interleave on standard output.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};

/// Bodies larger than this are skipped unread (and answered with an error): a frame claiming
/// gigabytes must not make the server allocate them.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// What the writer thread sends.
#[derive(Debug)]
pub enum Outgoing {
    Message(Message),
    /// An error response whose id could not be read (`"id": null`), which `lsp-server`'s types
    /// cannot express.
    ErrorWithoutId {
        code: i32,
        message: String,
    },
    /// Everything before this is written; the writer stops.
    Stop,
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Self {
        Self::Message(message)
    }
}

/// The two ends the server works with, and the writer thread to wait for before exiting so that
/// everything sent reaches the client.
pub struct Transport {
    pub receiver: Receiver<Message>,
    pub sender: Sender<Outgoing>,
    writer: thread::JoinHandle<()>,
}

impl Transport {
    /// Starts reading `input` and writing `output` on threads of their own.
    pub fn start(
        input: impl Read + Send + 'static,
        output: impl Write + Send + 'static,
    ) -> io::Result<Self> {
        let (out_sender, out_receiver) = crossbeam_channel::unbounded::<Outgoing>();
        let (in_sender, in_receiver) = crossbeam_channel::unbounded::<Message>();
        let writer = thread::Builder::new()
            .name("ttlint-lsp-writer".into())
            .spawn(move || write_all(out_receiver, output))?;
        let errors = out_sender.clone();
        thread::Builder::new()
            .name("ttlint-lsp-reader".into())
            .spawn(move || read_all(io::BufReader::new(input), &in_sender, &errors))?;
        Ok(Self {
            receiver: in_receiver,
            sender: out_sender,
            writer,
        })
    }

    /// Stops writing once everything queued is written. The reader is not waited for: it may be
    /// blocked on input the client never closes.
    pub fn finish(self) {
        let Self {
            sender,
            writer,
            receiver,
        } = self;
        drop(receiver);
        // The reader holds a sender for its error replies and may stay blocked on input, so
        // the channel never closes: the writer is told to stop instead.
        let _ = sender.send(Outgoing::Stop);
        let _ = writer.join();
    }
}

fn write_all(receiver: Receiver<Outgoing>, mut output: impl Write) {
    for outgoing in receiver {
        let written = match outgoing {
            Outgoing::Message(message) => message.write(&mut output),
            Outgoing::ErrorWithoutId { code, message } => {
                let body = json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": code, "message": message },
                });
                write_frame(&mut output, &body.to_string())
            }
            Outgoing::Stop => return,
        };
        if written.is_err() {
            // The client is gone: nothing more can be said to it.
            return;
        }
    }
}

fn write_frame(output: &mut impl Write, body: &str) -> io::Result<()> {
    write!(output, "Content-Length: {}\r\n\r\n", body.len())?;
    output.write_all(body.as_bytes())?;
    output.flush()
}

/// Reads frames until the input ends or the server stops listening.
fn read_all(mut input: impl BufRead, messages: &Sender<Message>, errors: &Sender<Outgoing>) {
    loop {
        let frame = match read_frame(&mut input) {
            Ok(Some(frame)) => frame,
            Ok(None) => return,
            Err(e) => {
                log(errors, &format!("ttlint: cannot read from the client: {e}"));
                return;
            }
        };
        let body = match frame {
            Frame::Body(body) => body,
            Frame::Malformed(why) => {
                let _ = errors.send(Outgoing::ErrorWithoutId {
                    code: ErrorCode::ParseError as i32,
                    message: why,
                });
                continue;
            }
        };
        match parse(&body) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if messages.send(message).is_err() || exit {
                    return;
                }
            }
            Err(reply) => {
                if errors.send(reply).is_err() {
                    return;
                }
            }
        }
    }
}

/// A frame read: its body, or why it cannot be used (the stream is positioned after it).
enum Frame {
    Body(Vec<u8>),
    Malformed(String),
}

/// Reads one frame: header lines up to an empty line, then `Content-Length` bytes. `None` at the
/// end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = Vec::new();
    let mut seen_header = false;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if seen_header {
                break;
            }
            // Blank lines between frames are tolerated.
            continue;
        }
        seen_header = true;
        let Some((name, value)) = text.split_once(':') else {
            // Not a header: skipped, the frame's other headers may still be good.
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| format!("bad Content-Length header `{}`", value.trim())),
            );
        }
    }
    let length = match length {
        Some(Ok(length)) => length,
        Some(Err(why)) => return Ok(Some(Frame::Malformed(why))),
        None => {
            return Ok(Some(Frame::Malformed(
                "a message without a Content-Length header".into(),
            )));
        }
    };
    if length > MAX_BODY {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Frame::Malformed(format!(
            "a message of {length} bytes, more than the {MAX_BODY} ttlint reads"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

/// A frame's body as a message, or the error response it gets.
fn parse(body: &[u8]) -> Result<Message, Outgoing> {
    let value: Value = serde_json::from_slice(body).map_err(|e| Outgoing::ErrorWithoutId {
        code: ErrorCode::ParseError as i32,
        message: format!("the message is not JSON: {e}"),
    })?;
    let invalid = |why: String| {
        let id = value.get("id").and_then(request_id);
        let code = ErrorCode::InvalidRequest as i32;
        match id {
            Some(id) => Outgoing::Message(Message::Response(lsp_server::Response::new_err(
                id, code, why,
            ))),
            None => Outgoing::ErrorWithoutId { code, message: why },
        }
    };
    let Some(object) = value.as_object() else {
        return Err(invalid("a message must be a JSON object".into()));
    };
    if let Some(method) = object.get("method")
        && !method.is_string()
    {
        return Err(invalid("`method` must be a string".into()));
    }
    if let Some(id) = object.get("id")
        && !id.is_null()
        && request_id(id).is_none()
    {
        return Err(invalid(format!(
            "`id` must be a string or a 32-bit integer, got {id}"
        )));
    }
    if !object.contains_key("method") && !object.contains_key("id") {
        return Err(invalid(
            "neither a request, a response nor a notification".into(),
        ));
    }
    serde_json::from_value(value.clone())
        .map_err(|e| invalid(format!("not a JSON-RPC message: {e}")))
}

fn request_id(id: &Value) -> Option<lsp_server::RequestId> {
    match id {
        Value::String(s) => Some(s.clone().into()),
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(Into::into),
        _ => None,
    }
}

/// Tells the client something went wrong on the wire, as a log message.
fn log(errors: &Sender<Outgoing>, text: &str) {
    eprintln!("{text}");
    let params = json!({ "type": 1, "message": text });
    let notification = lsp_server::Notification::new("window/logMessage".into(), params);
    let _ = errors.send(Outgoing::Message(Message::Notification(notification)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<Message, Outgoing>> {
        let mut reader = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(frame) = read_frame(&mut reader).unwrap() {
            out.push(match frame {
                Frame::Body(body) => parse(&body),
                Frame::Malformed(why) => Err(Outgoing::ErrorWithoutId {
                    code: ErrorCode::ParseError as i32,
                    message: why,
                }),
            });
        }
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_frames_are_answered_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":3}"#),
            frame(r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#),
            frame("[1,2]"),
            "X-Junk\r\nContent-Length: nope\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 6);
        let codes: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(Message::Request(r)) => format!("request {}", r.method),
                Ok(other) => format!("{other:?}"),
                Err(Outgoing::ErrorWithoutId { code, .. }) => format!("error {code} id null"),
                Err(Outgoing::Message(Message::Response(r))) => format!(
                    "error {} id {}",
                    r.response_result.as_ref().err().map_or(0, |e| e.code),
                    r.id
                ),
                Err(other) => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                "error -32700 id null",
                "error -32600 id 7",
                "error -32600 id null",
                "error -32600 id null",
                "error -32700 id null",
                "request shutdown",
            ]
        );
    }

    #[test]
    fn oversized_bodies_are_skipped() {
        let input = format!(
            "Content-Length: {}\r\n\r\n{}",
            MAX_BODY + 1,
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        );
        let mut reader = io::BufReader::new(input.as_bytes());
        assert!(matches!(
            read_frame(&mut reader),
            Ok(Some(Frame::Malformed(_))) | Err(_)
        ));
    }
}
