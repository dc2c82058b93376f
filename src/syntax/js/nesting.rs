//! A cheap guard in front of the parser: how deeply could this script nest?
//!
//! swc parses most nesting recursively, and recursion deep enough overflows any stack, which
//! aborts the whole process. Worker threads have large stacks (they survive 50,000 levels of the
//! costliest construct, arrow chains), so this scan only has to refuse what no real script does:
//! thousands of open brackets, or thousands of nesting operators in a row (`x => x => …`,
//! `!!!…`, `a ? b : c ? …`, `while (a) while (a) …`) with no `,`, `;` or `}` between them.

/// Deepest nesting ttlint analyses. Minified bundles stay under 100.
pub const LIMIT: usize = 5_000;

/// Most TypeScript type assertions (`<T>x`) or generic arrows (`<T>() => …`) ttlint parses in one
/// statement. swc's time grows with the square of their nesting (`<a><a><a>…x` takes seconds at
/// a thousand: found by fuzzing), and real code writes a handful.
pub const TYPE_ASSERTION_LIMIT: usize = 256;

/// Most parentheses ttlint lets open right after a `<` that could start type arguments (`f<(…`,
/// `a < (…`) in TypeScript and TSX. swc tries each such `<` as type arguments first and backtracks, and
/// nested attempts multiply: `a<(c=a<({b=` four times over takes seconds (found by fuzzing),
/// each level about four times the one before. Real code compares with a parenthesised operand
/// once or twice in a statement, never four levels deep.
pub const TYPE_ARGUMENT_LIMIT: usize = 4;

/// The offset where the nesting estimate first exceeds [`LIMIT`], if it does.
pub fn too_deep(text: &str) -> Option<usize> {
    scan(text, false, false).map(|(at, _)| at)
}

/// [`too_deep`] for TypeScript, which also refuses more than [`TYPE_ASSERTION_LIMIT`] type
/// assertions in a statement and more than [`TYPE_ARGUMENT_LIMIT`] open brackets after a `<`
/// that could start type arguments: the offset and the limit exceeded.
pub fn too_deep_typescript(text: &str) -> Option<(usize, usize)> {
    scan(text, true, true)
}

/// [`too_deep`] for TSX: `<` where an operand starts is JSX there, not a type assertion, but a
/// `<` after an operand is tried as type arguments as in TypeScript.
pub fn too_deep_tsx(text: &str) -> Option<(usize, usize)> {
    scan(text, false, true)
}

fn scan(text: &str, assertions_parse: bool, type_arguments: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut chain = 0usize;
    // `<` where an operand starts (`<T>x`), since the last `,`, `;` or `}`.
    let mut assertions = 0usize;
    // The depths of the parentheses still open that follow a `<` after an operand (`f<(`).
    let mut speculative: Vec<usize> = Vec::new();
    // The last significant byte before the current one (`a` stands for any word, `"` for any
    // string), to tell unary `-x` from binary `a - x`.
    let mut prev = b';';
    // Whether the last `<` followed an operand (`f<`), where it may open type arguments.
    let mut after_operand_lt = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut next_i = i + 1;
        let mut this = b;
        let mut nests = false;
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > LIMIT {
                    return Some((i, LIMIT));
                }
                if type_arguments && b == b'(' && prev == b'<' && after_operand_lt {
                    speculative.push(depth);
                    if speculative.len() > TYPE_ARGUMENT_LIMIT {
                        return Some((i, TYPE_ARGUMENT_LIMIT));
                    }
                }
            }
            b')' | b']' => {
                close(&mut speculative, depth);
                depth = depth.saturating_sub(1);
            }
            b'}' => {
                close(&mut speculative, depth);
                depth = depth.saturating_sub(1);
                chain = 0;
                assertions = 0;
            }
            b',' | b';' => {
                chain = 0;
                assertions = 0;
            }
            b'<' if assertions_parse && is_operator(prev) => {
                after_operand_lt = false;
                assertions += 1;
                if assertions > TYPE_ASSERTION_LIMIT {
                    return Some((i, TYPE_ASSERTION_LIMIT));
                }
            }
            b'<' => after_operand_lt = !is_operator(prev),
            b'\'' | b'"' | b'`' => {
                next_i = skip_string(bytes, i);
                this = b'"';
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr(bytes, i, b'\n');
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
                continue;
            }
            // `:` nests in label chains (`a: b: c: …`); in objects a `,` follows soon.
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
                next_i = i + run;
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
                nests = matches!(
                    &text[i..next_i],
                    "new"
                        | "typeof"
                        | "void"
                        | "delete"
                        | "await"
                        | "yield"
                        | "while"
                        | "for"
                        | "if"
                        | "with"
                        | "else"
                        | "do"
                );
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
        if !b.is_ascii_whitespace() {
            prev = this;
        }
        i = next_i;
    }
    None
}

/// Closes the bracket at `depth`: a speculative one opened there is closed too.
fn close(speculative: &mut Vec<usize>, depth: usize) {
    if speculative.last() == Some(&depth) {
        speculative.pop();
    }
}

/// Whether a unary operator may follow this byte (an operator or an opening bracket).
fn is_operator(prev: u8) -> bool {
    !(prev.is_ascii_alphanumeric() || matches!(prev, b'_' | b'$' | b'"' | b')' | b']' | b'}'))
}

fn word_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'$'))
        .map_or(bytes.len(), |n| start + n)
}

fn memchr(bytes: &[u8], from: usize, needle: u8) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map_or(bytes.len(), |n| from + n)
}

/// Skips a quoted string or template literal starting at `start`; returns the offset after it.
/// A quote string ends at its line's end if unterminated; `${ }` in templates is not entered (a
/// nested template can only make the estimate skip text, never crash the scan).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if quote != b'`' => return i,
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
        for src in [
            "<view>".repeat(n),
            format!("a = {}x", "<T>".repeat(n)),
            format!("a = {}x", "(<T>".repeat(n)),
        ] {
            assert_eq!(
                too_deep_typescript(&src).map(|(_, limit)| limit),
                Some(TYPE_ASSERTION_LIMIT),
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
        ]
        .join("\n")
        .repeat(100);
        assert_eq!(too_deep_typescript(&ordinary), None);
        assert_eq!(too_deep_tsx(&ordinary), None);
    }
}
