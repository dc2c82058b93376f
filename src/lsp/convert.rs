//! Between ttlint's terms and the protocol's: byte spans and LSP ranges (0-based lines, UTF-16
//! columns — the encoding negotiated, and ttlint's own columns), paths and `file:` URIs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::base::source::{LineIndex, SourceFile, Span};
use crate::project::discover::normalize;

/// The LSP range of a span of `source`.
pub fn range(source: &SourceFile, span: Span) -> Range {
    let point = |offset: usize| {
        let p = source.position(offset);
        Position::new(p.line.saturating_sub(1), p.column.saturating_sub(1))
    };
    Range::new(point(span.start()), point(span.end()))
}

/// The byte offset of an LSP position in `text`. A line past the end is the end of the text; a
/// column past the end of its line is the end of the line (as the protocol says); a column inside
/// a character is that character's start.
pub fn offset(text: &str, lines: &LineIndex, position: Position) -> usize {
    let Some(start) = lines.line_start(position.line.saturating_add(1)) else {
        return text.len();
    };
    let mut units = 0u32;
    for (i, c) in text[start..].char_indices() {
        if c == '\n' || c == '\r' {
            return start + i;
        }
        let next = units + c.len_utf16() as u32;
        if next > position.character {
            return start + i;
        }
        units = next;
    }
    text.len()
}

/// Whether two ranges share a point (touching counts: a cursor at a finding's end is on it).
pub fn overlap(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The path a `file:` URI names, absolute and normalised; `None` for other schemes (unsaved
/// `untitled:` buffers, remote files), which ttlint does not lint.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let scheme_end = text.find(':')?;
    if !text[..scheme_end].eq_ignore_ascii_case("file") {
        return None;
    }
    let rest = text[scheme_end + 1..].split(['?', '#']).next()?;
    let (host, path) = match rest.strip_prefix("//") {
        Some(authority_and_path) => match authority_and_path.find('/') {
            Some(at) => authority_and_path.split_at(at),
            None => (authority_and_path, "/"),
        },
        None => ("", rest),
    };
    let decoded = decode(path)?;
    let host = decode(host)?;
    let host = if host.eq_ignore_ascii_case("localhost") {
        ""
    } else {
        &host
    };
    let path = if cfg!(windows) {
        // `/c:/a` → `c:/a`; a host is a UNC share: `//server/share/a`.
        let drive = decoded.len() >= 3
            && decoded.as_bytes()[0] == b'/'
            && decoded.as_bytes()[1].is_ascii_alphabetic()
            && decoded.as_bytes()[2] == b':';
        if !host.is_empty() {
            format!("//{host}{decoded}")
        } else if drive {
            decoded[1..].to_string()
        } else {
            decoded
        }
    } else if host.is_empty() {
        decoded
    } else {
        return None;
    };
    let path = PathBuf::from(path);
    path.is_absolute().then(|| normalize(&path, Path::new("/")))
}

/// The `file:` URI of an absolute path.
pub fn uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        // A Windows drive path: `c:/a` → `file:///c%3A/a`, as editors write it.
        out.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    Uri::from_str(&out).ok()
}

/// Percent-decodes a URI component; `None` when the result is not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;

    #[test]
    fn ranges_count_utf16_from_zero() {
        let text = "a\n支付 tt.pay()\r\nx😀Y";
        let source = SourceFile::new("/a.js".into(), "a.js".into(), FileKind::Script, text.into());
        let tt = text.find("tt").unwrap();
        assert_eq!(
            range(&source, Span::new(tt, tt + 6)),
            Range::new(Position::new(1, 3), Position::new(1, 9))
        );
        let y = text.find('Y').unwrap();
        assert_eq!(range(&source, Span::new(y, y)).start, Position::new(2, 3));
        for (offset, position) in [
            (tt, Position::new(1, 3)),
            (y, Position::new(2, 3)),
            (text.find('😀').unwrap(), Position::new(2, 2)),
            (text.find("\r\n").unwrap(), Position::new(1, 99)),
            (text.len(), Position::new(9, 0)),
        ] {
            assert_eq!(offset_of(text, position), offset, "{position:?}");
        }
    }

    fn offset_of(text: &str, position: Position) -> usize {
        offset(text, &LineIndex::new(text), position)
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/home/dev/我的 app/pages/a#1.js");
        let uri = uri(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/dev/%E6%88%91%E7%9A%84%20app/pages/a%231.js"
        );
        assert_eq!(super::path(&uri).unwrap(), path);
        let parse = |s: &str| super::path(&Uri::from_str(s).unwrap());
        assert_eq!(
            parse("file://localhost/a/./b/../c.js"),
            Some(PathBuf::from("/a/c.js"))
        );
        assert_eq!(parse("untitled:Untitled-1"), None);
        if !cfg!(windows) {
            assert_eq!(parse("file://server/share/a.js"), None);
        }
    }
}
