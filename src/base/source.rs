//! Source files as ttlint holds them: the text read once from disk, and the index that turns byte
//! offsets into the line/column pairs editors, ESLint and SARIF speak (1-based, UTF-16 columns).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in the run's file table. Diagnostics carry this instead of a path so they stay
/// small and cheap to sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// What kind of source a file is, decided from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// `.js`, `.mjs`, `.cjs`: page and component scripts, utilities.
    Script,
    /// `.ts`: TypeScript scripts.
    TypeScript,
    /// `.sjs`: TTML script modules (a JS subset).
    Sjs,
    /// `.ttml`: templates.
    Ttml,
    /// `.json`: `app.json`, page and component configuration.
    Json,
    /// `.vue`: uni-app single-file components (scripts and a template).
    Vue,
    /// `.tsx`: TypeScript with JSX (Taro).
    Tsx,
    /// `.jsx`: JavaScript with JSX (Taro).
    Jsx,
}

impl FileKind {
    /// The kind of a path ttlint lints, or `None` for files it does not read.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Some(match ext {
            "js" | "mjs" | "cjs" => Self::Script,
            "ts" if !path.to_string_lossy().ends_with(".d.ts") => Self::TypeScript,
            "sjs" => Self::Sjs,
            "ttml" => Self::Ttml,
            "json" => Self::Json,
            "vue" => Self::Vue,
            "tsx" => Self::Tsx,
            "jsx" => Self::Jsx,
            _ => return None,
        })
    }

    /// Scripts and templates: the files counted when unreachable ones are skipped.
    pub fn is_source(self) -> bool {
        !matches!(self, Self::Json)
    }
}

/// A file read from disk (or standard input), with its text and, once asked for, its line index.
#[derive(Debug)]
pub struct SourceFile {
    /// The path on disk, as discovered (used for resolution).
    pub path: PathBuf,
    /// The path as shown to the user: as they named it, with `/` separators.
    pub display: String,
    pub kind: FileKind,
    /// The file's text. Invalid UTF-8 is replaced (and reported as a parse error), so offsets before
    /// the first invalid byte are exact.
    text: Stored,
    /// Length of a leading UTF-8 byte-order mark, which parsers skip.
    pub bom: usize,
    /// Built on first use ([`SourceFile::lines`]).
    lines: OnceLock<LineIndex>,
}

/// A file's text: whole as read, or packed once the file is parsed.
#[derive(Debug)]
enum Stored {
    Whole(String),
    /// An LZ4 block, its length first; unpacked on the first read and kept from then on.
    Packed {
        bytes: Box<[u8]>,
        unpacked: OnceLock<String>,
    },
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, kind: FileKind, text: String) -> Self {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Self {
            path,
            display,
            kind,
            text: Stored::Whole(text),
            bom,
            lines: OnceLock::new(),
        }
    }

    /// The file's line index, built on the first call. Only positions need it: those of
    /// findings, of suppression comments, of the few spans a rule trims to a line. On the
    /// benchmark's 5,000 pages four files in five have none of these, and indexing every file as
    /// it was read cost 0.8% of a run's instructions and 4 to 6 MB of its peak memory. A text
    /// packed away is unpacked for the index and dropped again, unless it was unpacked already.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| match &self.text {
            Stored::Whole(text) => LineIndex::new(text),
            Stored::Packed { bytes, unpacked } => match unpacked.get() {
                Some(text) => LineIndex::new(text),
                None => index_packed(bytes),
            },
        })
    }

    /// The file's text (unpacked on the first read, if packed).
    pub fn text(&self) -> &str {
        match &self.text {
            Stored::Whole(text) => text,
            Stored::Packed { bytes, unpacked } => unpacked.get_or_init(|| unpack(bytes)),
        }
    }

    /// Packs the text away. Once a file is parsed, the passes after read its facts and markup;
    /// the text itself only where a finding is reported or a match pointed at, and
    /// those are few files. Ten thousand pages' text held whole was a fifth of a run's peak
    /// memory; packed it takes a third of that, for about four percent more instructions. A
    /// text that would not shrink stays whole, and so does one of 4 GiB or more (a block
    /// records its length in 32 bits).
    pub fn pack(&mut self) {
        if let Stored::Whole(text) = &self.text
            && u32::try_from(text.len()).is_ok()
        {
            let bytes = lz4_flex::compress_prepend_size(text.as_bytes());
            if bytes.len() < text.len() {
                self.text = Stored::Packed {
                    bytes: bytes.into_boxed_slice(),
                    unpacked: OnceLock::new(),
                };
            }
        }
    }

    /// Whether the text is packed away ([`SourceFile::pack`]) and not unpacked since.
    #[cfg(test)]
    pub fn is_packed(&self) -> bool {
        matches!(&self.text, Stored::Packed { unpacked, .. } if unpacked.get().is_none())
    }

    /// The text after any byte-order mark; parsers start at offset [`SourceFile::bom`].
    pub fn body(&self) -> &str {
        &self.text()[self.bom..]
    }

    /// The position of `offset`. On a line of ASCII the index alone places it and a packed text
    /// stays packed; on any other line the text is read (and, if packed, unpacked and kept).
    pub fn position(&self, offset: usize) -> Position {
        let lines = self.lines();
        lines
            .ascii_position(offset)
            .unwrap_or_else(|| lines.position(self.text(), offset))
    }

    /// The text of a span, or an empty string when the span does not fall on character
    /// boundaries (it never should).
    pub fn slice(&self, span: Span) -> &str {
        self.text().get(span.start()..span.end()).unwrap_or("")
    }
}

/// The text [`SourceFile::pack`] packed. It packed a `String`, so the block is whole and valid
/// UTF-8: a failure here is a bug in ttlint (a panic, reported as an internal error), never
/// something in the user's file.
fn unpack(bytes: &[u8]) -> String {
    let raw = lz4_flex::decompress_size_prepended(bytes).expect("a block packed by `pack`");
    String::from_utf8(raw).expect("packed from a `String`")
}

thread_local! {
    /// A thread's room for the texts it unpacks only to index them ([`index_packed`]).
    static UNPACKED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The line index of a text [`SourceFile::pack`] packed, unpacked into the thread's room for
/// the while. Unpacked into memory of its own, each text was freed at once: the allocator gave
/// that memory back to the kernel and took fresh pages for the next, a tenth of indexing the
/// benchmark's 1,800 texts that findings point into.
fn index_packed(bytes: &[u8]) -> LineIndex {
    UNPACKED.with_borrow_mut(|room| {
        let (len, block) =
            lz4_flex::block::uncompressed_size(bytes).expect("a block packed by `pack`");
        if room.len() < len {
            room.resize(len, 0);
        }
        let len = lz4_flex::block::decompress_into(block, &mut room[..len])
            .expect("a block packed by `pack`");
        LineIndex::new(std::str::from_utf8(&room[..len]).expect("packed from a `String`"))
    })
}

/// A byte range in one file: `start..end`, end exclusive.
///
/// Offsets are kept in 32 bits: every fact, template node and attribute holds a span, and a
/// run keeps them for all files at once. Files are far smaller than 4 GiB (oxc's own positions
/// are 32-bit); an offset past that is clamped, never wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

/// An offset in 32 bits: clamped, never wrapped.
pub fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: narrow(start),
            end: narrow(end.max(start)),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A point in a file. `line` and `column` are 1-based; `column` counts UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
}

/// Byte offsets of line starts, built once per file. `\n`, `\r\n` and a lone `\r` end lines.
/// 32-bit, as [`Span`]s are.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Checkpoints every [`MARK_STRIDE`] bytes along lines longer than that (minified code), in
    /// offset order: finding a column then counts at most a stride of bytes. Without them a
    /// column cost the bytes before it on its line, and N findings on one line of L bytes cost
    /// N × L: 20,000 findings on a 1 MB minified line took 100 s to write as SARIF.
    marks: Vec<Mark>,
    /// Whether each line holds only ASCII, a bit a line: a column on such a line is its distance
    /// from the line's start, found without the text, so a packed text need not be unpacked
    /// and kept to place a finding there.
    ascii: Box<[u64]>,
    /// The length of the text indexed.
    len: u32,
}

/// A character boundary on a long line and its UTF-16 column there (0-based).
#[derive(Debug, Clone, Copy)]
struct Mark {
    offset: u32,
    column: u32,
}

/// Small enough that a column costs little even in the fuzzing build, where every byte compared
/// is a call (at 4 KiB, 4,000 syntax errors on one 15 KB line took 2 s there), and large enough
/// that the marks of a 50 MB line take 800 KB.
const MARK_STRIDE: usize = 512;

/// The offset of the first byte of `bytes` that is not ASCII. Blocks of 64 bytes are cleared as
/// a whole, a word at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut offset = 0;
    for block in bytes.chunks(64) {
        if !block.is_ascii() {
            return block.iter().position(|b| !b.is_ascii()).map(|i| offset + i);
        }
        offset += block.len();
    }
    None
}

/// UTF-16 code units in `text`: one per character, two for those outside the BMP (the
/// characters UTF-8 writes in four bytes). Counted on bytes, which the compiler vectorises.
fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // Every byte of every file passes through here: memchr finds the line ends a word at a
        // time, where a byte loop cost a twentieth of what parsing the scripts does.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(narrow(i + 1));
            }
        }
        // Kept for the whole run, like the text it indexes.
        starts.shrink_to_fit();
        let mut marks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let start = start as usize;
            let end = starts.get(i + 1).map_or(text.len(), |&s| s as usize);
            let (mut at, mut column) = (start, 0);
            while end - at > MARK_STRIDE {
                let mut next = at + MARK_STRIDE;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += utf16_len(&text[at..next]);
                marks.push(Mark {
                    offset: narrow(next),
                    column: narrow(column),
                });
                at = next;
            }
        }
        // Every line is taken for ASCII, then each line where a byte of another character is
        // found is struck off, and the search goes on from the next line: most lines of code
        // are ASCII, and the search runs a word at a time.
        let mut ascii = vec![u64::MAX; starts.len().div_ceil(64)].into_boxed_slice();
        let mut from = 0;
        while let Some(found) = first_non_ascii(&bytes[from..]) {
            let line = starts.partition_point(|&s| s as usize <= from + found) - 1;
            ascii[line / 64] &= !(1 << (line % 64));
            from = starts.get(line + 1).map_or(bytes.len(), |&s| s as usize);
        }
        Self {
            starts,
            marks,
            ascii,
            len: narrow(text.len()),
        }
    }

    /// The position of `offset` if its line holds only ASCII (found without the text), else
    /// `None`. As with [`LineIndex::position`], an offset past the end is clamped to it.
    pub fn ascii_position(&self, offset: usize) -> Option<Position> {
        let offset = offset.min(self.len as usize);
        let line = self.line_of(offset);
        let index = line as usize - 1;
        let ascii = self.ascii.get(index / 64)? >> (index % 64) & 1 == 1;
        ascii.then(|| Position {
            line,
            column: narrow(offset - self.starts[index] as usize) + 1,
            offset,
        })
    }

    /// The 1-based line of an offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        let index = self
            .starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        index as u32 + 1
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let start = self.starts.get((line as usize).checked_sub(1)?)?;
        Some(*start as usize)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Position of `offset` in `text` (the text this index was built from). Offsets past the end
    /// or inside a character are clamped to the nearest preceding character boundary.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line as usize - 1] as usize;
        let mark = self
            .marks
            .partition_point(|m| m.offset as usize <= offset)
            .checked_sub(1)
            .map(|i| self.marks[i])
            .filter(|m| m.offset as usize >= start);
        let (from, before) = mark.map_or((start, 0), |m| (m.offset as usize, m.column as usize));
        let column = before + text.get(from..offset).map_or(0, utf16_len);
        Position {
            line,
            column: column as u32 + 1,
            offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(
            "p.js".into(),
            "p.js".into(),
            FileKind::Script,
            text.to_string(),
        )
    }

    #[test]
    fn a_packed_text_reads_back_whole() {
        let text = "\u{feff}tt.pay({ orderInfo });\n// 支付 😀\n".repeat(50);
        let mut packed = file(&text);
        packed.pack();
        assert!(
            matches!(packed.text, Stored::Packed { ref bytes, .. } if bytes.len() < text.len() / 4)
        );
        let pay = text.rfind("tt.pay").unwrap();
        assert_eq!(packed.position(pay), file(&text).position(pay));
        assert_eq!(packed.text(), text);
        assert_eq!(packed.body(), &text[3..]);
        assert_eq!(packed.slice(Span::new(pay, pay + 6)), "tt.pay");
    }

    #[test]
    fn the_line_index_waits_to_be_asked_for_and_leaves_a_packed_text_packed() {
        let text = "Page({\n  onLoad() {\n    tt.pay({});\n  }\n});\n".repeat(40);
        let mut packed = file(&text);
        assert!(packed.lines.get().is_none());
        packed.pack();
        let pay = text.rfind("tt.pay").unwrap();
        assert_eq!(packed.lines().line_of(pay), 198);
        assert_eq!(
            packed.lines().line_start(198),
            text[..pay].rfind('\n').map(|n| n + 1)
        );
        assert!(
            matches!(packed.text, Stored::Packed { ref unpacked, .. } if unpacked.get().is_none())
        );
    }

    #[test]
    fn a_line_of_ascii_is_placed_without_the_text() {
        let text = "Page({\n  title: '支付',\r\n  buy() { tt.pay({}); }\n});";
        let index = LineIndex::new(text);
        let pay = text.find("tt.pay").unwrap();
        assert_eq!(index.ascii_position(pay), Some(index.position(text, pay)));
        assert_eq!(
            index.ascii_position(pay).map(|p| (p.line, p.column)),
            Some((3, 11))
        );
        let title = text.find("title").unwrap();
        assert_eq!(index.ascii_position(title), None, "the line holds 支付");
        let end = Some(index.position(text, text.len()));
        assert_eq!(
            index.ascii_position(text.len() + 10),
            end,
            "clamped to the end"
        );
    }

    #[test]
    fn each_line_is_told_ascii_or_not() {
        let lines: Vec<String> = (0..200)
            .map(|i| match i % 7 {
                0 => format!("title: '支付{i}',"),
                3 => format!("x{i} // 😀"),
                _ => format!("tt.pay({i});"),
            })
            .collect();
        let text = lines.join("\n");
        let index = LineIndex::new(&text);
        for (i, line) in lines.iter().enumerate() {
            let start = index.line_start(i as u32 + 1).unwrap();
            assert_eq!(
                index.ascii_position(start).is_some(),
                line.is_ascii(),
                "line {}: {line}",
                i + 1
            );
        }
    }

    #[test]
    fn a_packed_text_is_indexed_whatever_the_thread_unpacked_before() {
        let long = "Page({\n  title: '支付',\n});\n".repeat(400);
        let short = "ab\n".repeat(50);
        for text in [&long, &short, &long] {
            let mut packed = file(text);
            packed.pack();
            assert!(packed.is_packed());
            let whole = LineIndex::new(text);
            assert_eq!(packed.lines().line_count(), whole.line_count());
            assert_eq!(packed.lines().len, whole.len);
        }
    }

    #[test]
    fn placing_on_a_line_of_ascii_leaves_a_packed_text_packed() {
        let text = "Page({\n  buy() { tt.pay({}); },\n  title: '支付',\n});\n".repeat(40);
        let mut packed = file(&text);
        packed.pack();
        let pay = text.rfind("tt.pay").unwrap();
        assert_eq!(packed.position(pay), file(&text).position(pay));
        assert!(packed.is_packed());
        let title = text.rfind("title").unwrap();
        assert_eq!(packed.position(title), file(&text).position(title));
        assert!(
            !packed.is_packed(),
            "a line of other characters reads the text"
        );
    }

    #[test]
    fn a_text_that_would_not_shrink_stays_whole() {
        let mut small = file("tt.pay()");
        small.pack();
        assert!(matches!(small.text, Stored::Whole(ref t) if t == "tt.pay()"));
    }

    #[test]
    fn positions_count_utf16_columns() {
        let text = "a\n支付 tt.pay()\r\nx😀Y\rZ";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let tt = text.find("tt").unwrap();
        assert_eq!(
            index.position(text, tt),
            Position {
                line: 2,
                column: 4,
                offset: tt
            }
        );
        let y = text.find('Y').unwrap();
        assert_eq!(
            index.position(text, y).column,
            4,
            "an emoji is two UTF-16 units"
        );
        let z = text.find('Z').unwrap();
        assert_eq!(index.position(text, z).line, 4, "a lone CR ends a line");
    }

    #[test]
    fn columns_on_long_lines_match_counting_from_the_line_start() {
        // Lines of several strides, of one-, two-, three- and four-byte characters, so that
        // strides end inside characters; then a short line after them.
        let long = "a支é😀".repeat(3 * MARK_STRIDE / 10 + 7);
        let text = format!("x\n{long}\r\n{long}\nend");
        let index = LineIndex::new(&text);
        assert!(index.marks.len() >= 4, "{} marks", index.marks.len());
        for (offset, _) in text.char_indices() {
            let line = index.line_of(offset);
            let start = index.line_start(line).unwrap();
            let expected: usize = text[start..offset].chars().map(char::len_utf16).sum();
            let at = index.position(&text, offset);
            assert_eq!(
                (at.line, at.column as usize),
                (line, expected + 1),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn lines_end_at_each_convention() {
        let text = "a\r\r\nb\nc\r";
        let index = LineIndex::new(text);
        let starts: Vec<_> = (1..=6).map(|line| index.line_start(line)).collect();
        assert_eq!(starts, [Some(0), Some(2), Some(4), Some(6), Some(8), None]);
        assert_eq!(
            index.line_count(),
            5,
            "a CR at the very end starts an empty line"
        );
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let text = "支付";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1).offset, 0);
        assert_eq!(index.position(text, 99).offset, text.len());
    }

    #[test]
    fn spans_past_32_bits_are_clamped_not_wrapped() {
        let far = u32::MAX as usize;
        let span = Span::new(far + 10, far + 20);
        assert_eq!((span.start(), span.end(), span.len()), (far, far, 0));
        let straddling = Span::new(far - 1, far + 5);
        assert_eq!((straddling.start(), straddling.end()), (far - 1, far));
        assert_eq!(
            Span::new(7, 3).end(),
            7,
            "an end before the start is the start"
        );
    }

    #[test]
    fn declaration_files_are_not_linted() {
        assert_eq!(FileKind::from_path(Path::new("a/types.d.ts")), None);
        assert_eq!(
            FileKind::from_path(Path::new("a/pay.ts")),
            Some(FileKind::TypeScript)
        );
        assert_eq!(FileKind::from_path(Path::new("a/pay.ttss")), None);
    }
}
