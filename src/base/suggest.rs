//! "Did you mean": the known names closest to a mistyped one, for rule ids on the command line,
//! in `ttlint.json`, in the suppressions file and in `ttlint explain`, and for config settings.

/// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`, by character.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the optimal-string-alignment table: two back for a swap.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// The candidates `word` most likely meant, best first (at most three): those a few edits away
/// (a typo), and those that contain it or that it contains (`tt-pay` for `deprecated-tt-pay`).
pub fn similar<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return Vec::new();
    }
    // A third of the word, at least one edit and at most three.
    let allowed = (word.chars().count() / 3).clamp(1, 3);
    let mut found: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|known| {
            let lower = known.to_lowercase();
            let edits = distance(&word, &lower);
            let part = word.len() >= 3 && (lower.contains(&word) || word.contains(&lower));
            (edits <= allowed || part).then_some((edits, known))
        })
        .collect();
    found.sort();
    found.into_iter().take(3).map(|(_, known)| known).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &[
        "deprecated-tt-pay",
        "deprecated-trade-api",
        "drainage-contact",
        "drainage-qrcode",
        "ios-platform-value",
    ];

    #[test]
    fn typos_and_parts_find_the_name() {
        assert_eq!(distance("deprecated-tt-pai", "deprecated-tt-pay"), 1);
        assert_eq!(distance("ab", "ba"), 1, "a swap is one edit");
        assert_eq!(
            similar("deprecated-tt-pai", RULES.iter().copied()),
            vec!["deprecated-tt-pay"]
        );
        assert_eq!(
            similar("tt-pay", RULES.iter().copied()),
            vec!["deprecated-tt-pay"]
        );
        assert_eq!(
            similar("DRAINAGE-QRCODE ", RULES.iter().copied()),
            vec!["drainage-qrcode"]
        );
        assert_eq!(
            similar("drainage", RULES.iter().copied()),
            vec!["drainage-qrcode", "drainage-contact"]
        );
        assert_eq!(
            similar("rule", ["rules", "ignore", "data", "lang"]),
            vec!["rules"]
        );
        assert!(similar("payment", RULES.iter().copied()).is_empty());
        assert!(similar("", RULES.iter().copied()).is_empty());
    }
}
