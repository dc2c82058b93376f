//! A cheap guard in front of the parser: how deeply could this script nest?
//!
//! The parser (oxc; swc before it) parses most nesting recursively, and recursion deep enough
//! overflows any stack, which aborts the whole process. Worker threads have large stacks (they
//! survive 50,000 levels of the costliest construct, arrow chains), so this scan only has to
//! refuse what no real script does:
//! thousands of open brackets, or thousands of nesting operators in a row (`x => x => …`,
//! `!!!…`, `a ? b : c ? …`, `while (a) while (a) …`) with no `,`, `;` or `}` between them.

/// Deepest nesting ttlint analyses. Minified bundles stay under 100.
pub const LIMIT: usize = 5_000;

/// Most TypeScript type assertions (`<T>x`) or generic arrows (`<T>() => …`) ttlint parses in one
/// statement. swc's time grew with the square of their nesting (`<a><a><a>…x` took seconds at
/// a thousand: found by fuzzing), and real code writes a handful.
pub const TYPE_ASSERTION_LIMIT: usize = 256;

/// Most parentheses or square brackets ttlint lets open while a `<` that could start type
/// arguments is pending (`f<(…`, `a < b < (…`, `!<(…`, `<T>(…`, `E<T[…`), one inside another, in
/// TypeScript and TSX. The parser tries each such `<` as type arguments or a generic arrow first
/// and backtracks, and nested attempts multiply. In swc `a<({b=` four levels deep took a
/// hundredth of a second, five levels 0.15 s, and a chain before a level (below) or square
/// brackets (tuple and indexed access types) made each level dearer (all found by fuzzing: 0.5 to
/// 23 s). oxc backtracks the same way: twenty lines of `a<(c=a<({b=` 150 times over take it 42 s.
/// Real code compares with a bracketed operand once or twice in a statement, rarely three levels
/// deep.
pub const TYPE_ARGUMENT_LIMIT: usize = 3;

/// Most weight the nested attempts of [`TYPE_ARGUMENT_LIMIT`] may have: the product, over the
/// parentheses open, of one more than the pending `<` before each (and than those pending inside
/// the innermost). Every pending `<` is an attempt of its own, so a chain multiplies a level's
/// cost: in swc three levels of `w<E<E<E<({s=` took a
/// tenth of a second and four took three seconds, where three levels of one `<` take a millisecond
/// (fuzzing found `E<T<E<e<T<({s=…` three times over at four seconds).
pub const TYPE_ARGUMENT_WEIGHT: usize = 64;

/// The offset where the nesting estimate first exceeds [`LIMIT`], if it does.
pub fn too_deep(text: &str) -> Option<usize> {
    // Each level, and each link of a nesting chain, takes a byte at least: a text no longer than
    // the limit cannot pass it. Most scripts, and every template expression, are that short.
    if text.len() <= LIMIT || !could_pass_limit(text.as_bytes()) {
        return None;
    }
    scan(text, false, false).map(|(at, _)| at)
}

/// Whether a script has enough brackets, or enough nesting operators and words, that its
/// nesting could pass [`LIMIT`]. The scan's depth grows by one at an opening bracket, and its
/// chain at an operator byte (`!`, `~`, `:`, `?`, `=`, `-`, `+`) or at a nesting keyword, whose
/// first byte is a letter after a byte that is not one, so counting those bytes everywhere
/// (strings and comments too) bounds both from above. Page scripts of up to some 700 lines stay
/// under the bound (ordinary code has about seven of those bytes a line), and the count, which
/// the compiler turns into vector instructions, takes a quarter of the scan's time: the scan was
/// 4% of a run, for scripts it could never refuse.
fn could_pass_limit(bytes: &[u8]) -> bool {
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    let mut opens = usize::from(is_open(first));
    let mut links = usize::from(is_operator_byte(first) || is_letter(first));
    // Each byte beside the one before it, in blocks of a fixed size with counters a block
    // cannot overflow: the shape the compiler vectorises.
    let before = &bytes[..bytes.len() - 1];
    let mut blocks = rest.chunks_exact(BLOCK).zip(before.chunks_exact(BLOCK));
    for (counted, (block, previous)) in (&mut blocks).enumerate() {
        let (mut block_opens, mut block_links) = (0u8, 0u8);
        for (&b, &p) in block.iter().zip(previous) {
            block_opens += u8::from(is_open(b));
            block_links += u8::from(is_operator_byte(b)) + u8::from(is_letter(b) & !is_letter(p));
        }
        opens += usize::from(block_opens);
        links += usize::from(block_links);
        if counted % BLOCKS_BETWEEN_LOOKS == BLOCKS_BETWEEN_LOOKS - 1
            && (opens > LIMIT || links > LIMIT)
        {
            return true;
        }
    }
    let tail = rest.len() - rest.len() % BLOCK;
    for (&b, &p) in rest[tail..].iter().zip(&before[tail..]) {
        opens += usize::from(is_open(b));
        links += usize::from(is_operator_byte(b)) + usize::from(is_letter(b) & !is_letter(p));
    }
    opens > LIMIT || links > LIMIT
}

/// Bytes [`could_pass_limit`] counts at a time. A byte adds at most one to each count (an
/// opening bracket, an operator byte and a letter are three different bytes), so a `u8` holds
/// a block's.
const BLOCK: usize = 64;

/// Blocks [`could_pass_limit`] counts between looks at its totals (4 KiB): a big script past
/// the bound goes on to the scan without being counted to its end.
const BLOCKS_BETWEEN_LOOKS: usize = 64;

fn is_open(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'{')
}

/// The bytes whose operators the scan may count as a link of a nesting chain.
fn is_operator_byte(b: u8) -> bool {
    matches!(b, b'!' | b'~' | b':' | b'?' | b'=' | b'-' | b'+')
}

/// A byte a nesting keyword starts with: an ASCII letter. The scan's words may also start with
/// `_` or `$`, but no keyword does, and leaving them out makes the count's vector code a third
/// cheaper.
fn is_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// [`too_deep`] for TypeScript, which also refuses more than [`TYPE_ASSERTION_LIMIT`] type
/// assertions in a statement and nested type-argument attempts past [`TYPE_ARGUMENT_LIMIT`] or
/// [`TYPE_ARGUMENT_WEIGHT`]: the offset and the limit exceeded.
pub fn too_deep_typescript(text: &str) -> Option<(usize, usize)> {
    too_deep_typed(text, true)
}

/// [`too_deep`] for TSX: `<` where an operand starts is JSX there, not a type assertion, but
/// `<(` is tried as type arguments or a generic arrow as in TypeScript.
pub fn too_deep_tsx(text: &str) -> Option<(usize, usize)> {
    too_deep_typed(text, false)
}

/// The type-aware scan, for a text that could pass one of its limits; JavaScript's counted
/// guard for one that cannot.
fn too_deep_typed(text: &str, assertions_parse: bool) -> Option<(usize, usize)> {
    if could_pass_type_limits(text.as_bytes()) {
        scan(text, assertions_parse, true)
    } else {
        too_deep(text).map(|at| (at, LIMIT))
    }
}

/// Whether a text has enough `<` to pass a limit of TypeScript's own. The scan opens each
/// nested type-argument attempt on a `<` of its own (one pending, or the `<` of `<T>(`), and
/// `n` of them weigh at most `2^n` together; a type assertion is a `<` too. So a text with at
/// most [`TYPE_ARGUMENT_LIMIT`] `<` (counted everywhere, strings and comments too) passes none
/// of them, and only the depth and chain limits are left to scan for: most TypeScript pages
/// compare or write generics a few times at most, and the type-aware scan was 1.5% of a
/// 5,000-page native run.
fn could_pass_type_limits(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'<', bytes)
        .nth(TYPE_ARGUMENT_LIMIT)
        .is_some()
}

// What `could_pass_type_limits` relies on: the fewest `<` that pass any of the type limits is
// one more than `TYPE_ARGUMENT_LIMIT`.
const _: () = assert!(
    1 << TYPE_ARGUMENT_LIMIT <= TYPE_ARGUMENT_WEIGHT && TYPE_ARGUMENT_LIMIT <= TYPE_ASSERTION_LIMIT
);

fn scan(text: &str, assertions_parse: bool, type_arguments: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut chain = 0usize;
    // `<` where an operand starts (`<T>x`), since the last `,`, `;` or `}`.
    let mut assertions = 0usize;
    // `<` that could start type arguments, since the innermost speculative bracket opened (or
    // the statement began), less those a `>` closed.
    let mut pending = 0usize;
    // The `(` and `[` still open that were opened while a `<` was pending: their depth and the
    // pending count they hid (restored when they close).
    let mut speculative: Vec<(usize, usize)> = Vec::new();
    // The last significant byte before the current one (`a` stands for any word, `"` for any
    // string), to tell unary `-x` from binary `a - x`.
    let mut prev = b';';
    // The significant byte before `prev`, and whether the last `>` closed `<Word>` (`<T>(`:
    // type parameters of a generic arrow, or type arguments of a call).
    let mut prev2 = b';';
    let mut type_parameters_closed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Whitespace changes nothing here, and indentation is a good part of a script's bytes:
        // skip it a run at a time.
        if SPACE[usize::from(b)] {
            i += 1;
            while i < bytes.len() && SPACE[usize::from(bytes[i])] {
                i += 1;
            }
            continue;
        }
        let mut next_i = i + 1;
        let mut this = b;
        let mut nests = false;
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > LIMIT {
                    return Some((i, LIMIT));
                }
                let after_type_parameters = prev == b'>' && type_parameters_closed;
                if type_arguments && b != b'{' && (pending > 0 || after_type_parameters) {
                    speculative.push((depth, pending.max(1)));
                    if speculative.len() > TYPE_ARGUMENT_LIMIT
                        || weight(&speculative, 0) > TYPE_ARGUMENT_WEIGHT
                    {
                        return Some((i, TYPE_ARGUMENT_LIMIT));
                    }
                    pending = 0;
                }
            }
            b')' | b']' => {
                close(&mut speculative, &mut pending, depth);
                depth = depth.saturating_sub(1);
            }
            b'}' => {
                close(&mut speculative, &mut pending, depth);
                depth = depth.saturating_sub(1);
                chain = 0;
                assertions = 0;
                pending = 0;
            }
            b',' => {
                chain = 0;
                assertions = 0;
            }
            b';' => {
                chain = 0;
                assertions = 0;
                pending = 0;
            }
            // `a < b && c`: type arguments never hold `&&` or `||`, so no attempt runs past one.
            b'&' | b'|' if bytes.get(i + 1) == Some(&b) => {
                pending = 0;
                next_i = i + 2;
            }
            // `<<`, `<=`, and `</` (a closing JSX tag) never start type arguments.
            b'<' if matches!(bytes.get(i + 1), Some(b'<' | b'=' | b'/')) => next_i = i + 2,
            b'<' => {
                pending += 1;
                // Inside an attempt, each `<` is an attempt of its own over what follows.
                if !speculative.is_empty() && weight(&speculative, pending) > TYPE_ARGUMENT_WEIGHT {
                    return Some((i, TYPE_ARGUMENT_LIMIT));
                }
                if assertions_parse && is_operator(prev) {
                    assertions += 1;
                    if assertions > TYPE_ASSERTION_LIMIT {
                        return Some((i, TYPE_ASSERTION_LIMIT));
                    }
                }
            }
            b'\'' | b'"' | b'`' => {
                next_i = skip_string(bytes, i);
                this = b'"';
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
                continue;
            }
            // A `/` where an operand starts is a regular expression: what it holds is not code,
            // and a `/*` right after it is not a comment (`s = * /re/*x<(…`, found by fuzzing).
            b'/' if is_operator(prev) => {
                next_i = skip_regex(bytes, i);
                this = b'"';
            }
            // `:` nests in label chains (`a: b: c: …`); in objects a `,` follows soon.
            b'>' => {
                type_parameters_closed = prev == b'a' && prev2 == b'<';
                pending = pending.saturating_sub(1);
            }
            b'!' | b'~' | b':' => nests = true,
            // `a ? b : c` nests; `?.` and `??` chain iteratively.
            b'?' => nests = !matches!(bytes.get(i + 1), Some(b'.' | b'?')),
            b'=' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b'=').count();
                // `=>` and assignment nest; `==`, `<=`, `!=`, `+=` are operators of a flat chain.
                nests = bytes.get(i + run) == Some(&b'>')
                    || (run == 1
                        && !matches!(
                            prev,
                            b'!' | b'<'
                                | b'>'
                                | b'+'
                                | b'-'
                                | b'*'
                                | b'/'
                                | b'%'
                                | b'&'
                                | b'|'
                                | b'^'
                        ));
                // The `>` of `=>` goes with it: it closes no `<`.
                next_i = i + run + usize::from(bytes.get(i + run) == Some(&b'>'));
            }
            // Unary `-x` and `+x` nest; binary `a - b` and `i++` do not.
            b'-' | b'+' => {
                if bytes.get(i + 1) == Some(&b) {
                    next_i = i + 2;
                } else {
                    nests = is_operator(prev);
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'$' => {
                next_i = word_end(bytes, i);
                nests = nesting_keyword(&bytes[i..next_i]);
                this = b'a';
            }
            _ => {}
        }
        if nests {
            chain += 1;
            if chain > LIMIT {
                return Some((i, LIMIT));
            }
        }
        prev2 = prev;
        prev = this;
        i = next_i;
    }
    None
}

/// The weight of nested type-argument attempts: one more than the `<` pending before each open
/// speculative parenthesis, and than the `pending` inside the innermost, multiplied.
fn weight(speculative: &[(usize, usize)], pending: usize) -> usize {
    speculative
        .iter()
        .map(|&(_, before)| before + 1)
        .fold(pending + 1, usize::saturating_mul)
}

/// Closes the bracket at `depth`: a speculative one opened there is closed too, and the `<`
/// pending before it are pending again.
fn close(speculative: &mut Vec<(usize, usize)>, pending: &mut usize, depth: usize) {
    if let Some(&(open, before)) = speculative.last()
        && open == depth
    {
        speculative.pop();
        *pending = before;
    }
}

/// Whether a unary operator may follow this byte (an operator or an opening bracket).
fn is_operator(prev: u8) -> bool {
    !(prev.is_ascii_alphanumeric() || matches!(prev, b'_' | b'$' | b'"' | b')' | b']' | b'}'))
}

/// Where the word whose first byte is at `start` ends (that byte is a word's: the scan calls
/// this at a letter, `_` or `$`).
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() && WORD[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// The bytes of a word: ASCII letters and digits, `_` and `$`. Tables, here and for white
/// space, because every byte of every identifier and of every indentation is looked up.
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
        b += 1;
    }
    table
};

/// ASCII white space, as [`u8::is_ascii_whitespace`] has it.
const SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_whitespace();
        b += 1;
    }
    table
};

/// Whether a word is a keyword that nests what follows (`new`, `typeof`, `while`…). Compared by
/// length first: every identifier of a script is asked, and almost none is a keyword.
fn nesting_keyword(word: &[u8]) -> bool {
    match word.len() {
        2 => matches!(word, b"if" | b"do"),
        3 => matches!(word, b"new" | b"for"),
        4 => matches!(word, b"void" | b"with" | b"else"),
        5 => matches!(word, b"await" | b"yield" | b"while"),
        6 => matches!(word, b"typeof" | b"delete"),
        _ => false,
    }
}

/// Where the line holding `from` ends: at `\n`, `\r`, U+2028 or U+2029, as JavaScript ends a
/// `//` comment (a comment the scan ran on past a `\r` hid code the parser reads: found by
/// fuzzing).
fn line_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => return i,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                return i;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Skips a regular expression literal starting at `start` (escapes and `[…]` classes may hold a
/// `/`); returns the offset after it, or the line's end if it is unterminated.
fn skip_regex(bytes: &[u8], start: usize) -> usize {
    let mut class = false;
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' | b'\r' => return i,
            b'[' => {
                class = true;
                i += 1;
            }
            b']' => {
                class = false;
                i += 1;
            }
            b'/' if !class => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Skips a quoted string or template literal starting at `start`; returns the offset after it.
/// A quote string ends at its line's end (`\n` or `\r`) if unterminated; `${ }` in templates is not entered (a
/// nested template can only make the estimate skip text, never crash the scan).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' | b'\r' if quote != b'`' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_code_passes() {
        let bundle = "!function(e){var t={};function n(r){if(t[r])return t[r].exports}n.m=e}([function(e,t){e.exports=a?b:c}]);".repeat(10_000);
        assert_eq!(too_deep(&bundle), None);
        let data = format!(
            "var s = '{}'; // {}",
            "(((".repeat(10_000),
            "[[[".repeat(10_000)
        );
        assert_eq!(
            too_deep(&data),
            None,
            "brackets in strings and comments do not count"
        );
        let flat = format!(
            "x = 'a'{}; y = 1{}; z = a{}",
            " + 'b'".repeat(10_000),
            " - 1".repeat(10_000),
            " == b".repeat(10_000)
        );
        assert_eq!(too_deep(&flat), None, "binary chains are flat");
    }

    /// The count is an upper bound of the scan: whatever the scan refuses, the count lets
    /// through to it, even where strings, comments and digits make the two see different words.
    #[test]
    fn the_count_never_hides_what_the_scan_refuses() {
        let n = LIMIT + 1;
        let refused = [
            "(".repeat(n),
            format!("a = {}1", "x => ".repeat(n)),
            format!("a = {}1", "a1b ? c2 : ".repeat(n / 2 + 1)),
            format!("{};", "while (a) ".repeat(n)),
            format!("a = {}1", "- ".repeat(n)),
            format!("x = '{}'; {}", ";".repeat(n), "!".repeat(n)),
            format!("x = 1e5{}", " ? 1e5 : ".repeat(n / 2 + 1)),
            // Names of `_` and `$` alone are not counted: the keywords between them are.
            format!("x = {}1", "typeof _$ ? ".repeat(n / 2 + 1)),
        ];
        for src in &refused {
            assert!(scan(src, false, false).is_some(), "{}", &src[..30]);
            assert!(could_pass_limit(src.as_bytes()), "{}", &src[..30]);
            assert!(too_deep(src).is_some(), "{}", &src[..30]);
        }
    }

    /// Counted in blocks, a bracket or word is counted once wherever a block boundary falls:
    /// exactly [`LIMIT`] of them passes, one more does not, at every offset into a block.
    #[test]
    fn the_count_is_exact_at_every_offset() {
        for shift in 0..=2 * BLOCK {
            let pad = " ".repeat(shift);
            for (unit, extra) in [("(", "("), ("ab ", "c"), ("- ", "!"), ("$_a1 ", "b")] {
                let at_limit = format!("{pad}{}", unit.repeat(LIMIT));
                assert!(!could_pass_limit(at_limit.as_bytes()), "{shift} {unit:?}");
                let past = format!("{at_limit}{extra}");
                assert!(could_pass_limit(past.as_bytes()), "{shift} {unit:?}");
            }
        }
    }

    #[test]
    fn page_scripts_are_not_scanned() {
        let handler = "  onTap(e) {\n    const { id } = (e && e.currentTarget && e.currentTarget.dataset) || {};\n    if (!id) { tt.showToast({ title: '缺少商品', icon: 'none' }); return; }\n    tt.navigateTo({ url: `/pages/goods/index?id=${id}` });\n  },\n";
        let page = format!("Page({{\n{}}});\n", handler.repeat(60));
        assert!(page.len() > 2 * LIMIT, "{}", page.len());
        assert!(!could_pass_limit(page.as_bytes()));
        assert_eq!(too_deep(&page), None);
    }

    #[test]
    fn line_comments_end_where_javascript_ends_lines() {
        let nested = "(".repeat(LIMIT + 1);
        for end in ["\n", "\r", "\u{2028}", "\u{2029}"] {
            let src = format!("// a comment{end}{nested}");
            assert!(too_deep(&src).is_some(), "{end:?}");
        }
        assert_eq!(too_deep(&format!("// {nested}")), None);
    }

    #[test]
    fn regular_expressions_are_not_code() {
        let nested = "(".repeat(LIMIT + 1);
        assert_eq!(too_deep(&format!("x = /{nested}/.test(s);")), None);
        assert_eq!(too_deep(&format!("x = /[/]{nested}/g;")), None);
        // `/re/` then `*`: a multiplication, not a comment hiding what follows.
        assert!(too_deep(&format!("s = x * /re/*{nested}")).is_some());
        assert!(
            too_deep(&format!("y = a / b / {nested}")).is_some(),
            "division"
        );
    }

    #[test]
    fn the_limit_is_exact_for_texts_of_every_length() {
        let at_limit = "(".repeat(LIMIT);
        assert_eq!(too_deep(&at_limit), None);
        assert_eq!(scan(&at_limit, false, false), None, "the scan agrees");
        assert_eq!(too_deep(&format!("{at_limit}(")), Some(LIMIT));
        let chain = format!("{}1", "!".repeat(LIMIT));
        assert_eq!(too_deep(&chain), None);
        assert_eq!(too_deep(&format!("!{chain}")), Some(LIMIT));
    }

    #[test]
    fn pathological_nesting_is_refused() {
        let n = LIMIT + 1;
        for src in [
            format!("a = {}1{}", "[".repeat(n), "]".repeat(n)),
            format!("a = {}1", "x => ".repeat(n)),
            format!("a = {}1", "!".repeat(n)),
            format!("{};", "while (a) ".repeat(n)),
            format!("a = {}1", "a ? b : ".repeat(n)),
            format!("a = {}1", "- ".repeat(n)),
            format!("a = {}1", "b = ".repeat(n)),
            format!("{};", (0..n).map(|i| format!("l{i}: ")).collect::<String>()),
        ] {
            assert!(too_deep(&src).is_some(), "{}", &src[..40]);
        }
    }

    #[test]
    fn chains_of_type_assertions_are_refused_in_typescript_only() {
        let n = TYPE_ASSERTION_LIMIT + 1;
        // `(<T>(<T>…` is also a chain of generic-arrow attempts, refused sooner.
        for (src, limit) in [
            ("<view>".repeat(n), TYPE_ASSERTION_LIMIT),
            (format!("a = {}x", "<T>".repeat(n)), TYPE_ASSERTION_LIMIT),
            (format!("a = {}x", "(<T>".repeat(n)), TYPE_ARGUMENT_LIMIT),
        ] {
            assert_eq!(
                too_deep_typescript(&src).map(|(_, limit)| limit),
                Some(limit),
                "{}",
                &src[..20]
            );
            assert_eq!(too_deep(&src), None, "JSX nests elements linearly");
        }
        let ordinary = format!(
            "{}{}",
            "const a = <T>b; let m: Map<string, Array<number>> = f<T>(x) < y ? 1 : 2;\n"
                .repeat(1_000),
            "x = <A>a + <B>b;".repeat(1_000)
        );
        assert_eq!(too_deep_typescript(&ordinary), None, "{}", &ordinary[..40]);
    }

    /// Four `<` are the fewest that pass a type limit: the count lets them through to the scan.
    #[test]
    fn four_lt_signs_can_pass_a_type_limit_and_three_cannot() {
        let four = format!("e({}", "a<(c=".repeat(TYPE_ARGUMENT_LIMIT + 1));
        assert!(could_pass_type_limits(four.as_bytes()));
        assert_eq!(
            too_deep_typescript(&four),
            Some((four.rfind('(').unwrap(), TYPE_ARGUMENT_LIMIT))
        );
        let closing = format!("e({}", "</a>(".repeat(TYPE_ARGUMENT_LIMIT + 1));
        assert!(could_pass_type_limits(closing.as_bytes()));
        assert_eq!(
            too_deep_tsx(&closing).map(|(_, limit)| limit),
            Some(TYPE_ARGUMENT_LIMIT),
            "`<a>(` opens an attempt whatever `<` it starts with"
        );
        let three = format!("e({}", "a<(c=".repeat(TYPE_ARGUMENT_LIMIT));
        assert!(!could_pass_type_limits(three.as_bytes()));
        assert_eq!(too_deep_typescript(&three), None);
    }

    /// `a<(c=a<({b=` four times over took 12 s in swc's TypeScript parser (fuzzing, app_config
    /// target): each `<(` is tried as type arguments and backtracked, nesting the attempts.
    #[test]
    fn nested_type_argument_attempts_are_refused_in_typescript_and_tsx() {
        let fuzzed =
            "e(inctt.requestPaym<(inC=ie<({yasyncl=instacnctt.requestm<(inC=aym<(inC=ifcfnoe<({yy";
        let nested = format!("e({}", "a<(c=".repeat(TYPE_ARGUMENT_LIMIT + 1));
        for src in [fuzzed, nested.as_str()] {
            assert_eq!(
                too_deep_typescript(src).map(|(_, limit)| limit),
                Some(TYPE_ARGUMENT_LIMIT),
                "{src}"
            );
            assert_eq!(
                too_deep_tsx(src).map(|(_, limit)| limit),
                Some(TYPE_ARGUMENT_LIMIT),
                "{src}"
            );
            assert_eq!(too_deep(src), None, "JavaScript has no type arguments");
        }
        let ordinary = [
            "if (a < (b + c) && d < (e * f)) { g<(x: number) => void>(h) }",
            "const m = useState<{ a: number }>({ a: 1 }); type F = Array<(a: A<(b: B) => C>) => D>;",
            "x = a < (b < (c < (d + 1) ? 2 : 3) ? 4 : 5) ? 6 : 7;",
            "const id = <T>(a: T) => a; const pair = <A, B>(a: A, b: B) => [a, b]; f<T>(g<U>(h<V>(1)));",
            "const [n, setN] = useState<number>(0); const f = useCallback<(e: E) => void>((e) => { setN(e.a < 1 ? 0 : 1) }, []);",
            "const v = useMemo<Item[]>(() => list.filter((x) => x.a < max && x.b > min).map((x) => (<View key={x.id} className=\"row\"><Text>{x.a < 1 ? '<1' : x.a}</Text><Image src={x.src} /></View>)), [list]);",
            "for (let i = 0; i < n; i++) { if (a[i] < b[i] || (c < d && (e < f))) { g(h < (i + 1), j < k); } }",
        ]
        .join("\n")
        .repeat(100);
        assert_eq!(too_deep_typescript(&ordinary), None);
        assert_eq!(too_deep_tsx(&ordinary), None);
    }

    mod fuzz {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            /// What [`could_pass_type_limits`] relies on: with at most three `<`, however the
            /// brackets, names, `>` and statement ends fall, the type-aware scans refuse nothing
            /// (let four in and this finds `a<(` nested four deep at once).
            #[test]
            fn three_lt_signs_pass_no_type_limit(
                parts in prop::collection::vec(prop::sample::select(vec![
                    "(", "[", "{", ")", "]", "}", "a", ">", "=", "=>", ",", ";", "&&", "/", "!",
                    "?", ":", " ", "'", "x.y",
                ]), 0..40),
                lts in prop::collection::vec((0usize..40, prop::sample::select(vec![
                    "a<(", "a<[", "<a>(", "</a>(", "<<a>(", "a<=(", "a<b<c<(", "<T>x", "a<",
                ])), 0..8),
            ) {
                let mut parts = parts;
                // Three `<` bytes at most (`<<` is two, `a<b<c<(` three).
                let mut left = TYPE_ARGUMENT_LIMIT;
                for (at, lt) in lts {
                    let n = lt.matches('<').count();
                    if n <= left {
                        left -= n;
                        parts.insert(at.min(parts.len()), lt);
                    }
                }
                let text = parts.concat();
                prop_assert!(!could_pass_type_limits(text.as_bytes()));
                prop_assert_eq!(scan(&text, true, true), None);
                prop_assert_eq!(scan(&text, false, true), None);
            }
        }
    }
}
