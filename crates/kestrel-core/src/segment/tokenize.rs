//! Tokenization into Universal Dependencies words.
//!
//! We follow the English UD treebanks (EWT, GUM) so that a parser trained on them sees the
//! tokens it was trained on: punctuation is split off, clitics become their own words
//! ("don't" → `do` `n't`, "Russia's" → `Russia` `'s`, "cannot" → `can` `not`), hyphenated
//! compounds are split ("long-term" → `long` `-` `term`) except after a bound prefix
//! ("co-founder", "e-mail"), currency symbols and percent signs are split from numbers, and
//! abbreviations, initials, decimals, dates, URLs and e-mail addresses stay whole.

use super::lexicon;
use crate::document::{Span, Token};

/// Appends the tokens of `text[span]` to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let piece = &text[span.range()];
    let mut chunk_start: Option<usize> = None;
    for (i, c) in piece.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_run_together(text, span.start + s, span.start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_run_together(text, span.start + s, span.end, out);
    }
}

/// Splits a chunk where two sentences run together without a space, as scraped text often
/// has them ("he said.The minister", "love it!”Former"): a lowercase word of two letters or
/// more, a sentence mark and any closing quotation marks, then a capitalised word. Dotted
/// abbreviations ("e.g.The"), addresses and URLs stay whole.
fn split_run_together(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    // Most chunks have no mark before their last character: nothing to look at.
    let inner = chunk
        .char_indices()
        .next_back()
        .map_or("", |(last, _)| &chunk[..last]);
    if !inner.contains(['.', '!', '?']) || is_url_or_email(chunk) || chunk.contains('@') {
        split_chunk(text, start, end, out);
        return;
    }
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    // Where the current piece starts: a character index and its byte offset in the chunk.
    let (mut from, mut from_byte) = (0, 0);
    let mut k = 2;
    while k + 2 < chars.len() {
        let (_, c) = chars[k];
        // The word before the mark: all lowercase, so that names and domains ("Inc.One",
        // "Newsfeed.Com") stay whole.
        let word_start = chars[from..k]
            .iter()
            .rposition(|&(_, c)| !c.is_alphabetic())
            .map_or(from, |p| from + p + 1);
        let run_together = matches!(c, '.' | '!' | '?')
            && k >= word_start + 2
            && chars[word_start..k].iter().all(|&(_, c)| c.is_lowercase())
            && chars[from..k].iter().all(|&(_, c)| c != '.')
            && {
                let mut j = k + 1;
                while j < chars.len() && matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}') {
                    j += 1;
                }
                j + 1 < chars.len() && chars[j].1.is_uppercase() && chars[j + 1].1.is_lowercase()
            };
        if run_together {
            let mut j = k + 1;
            while matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}') {
                j += 1;
            }
            let cut = chars[j].0;
            split_chunk(text, start + from_byte, start + cut, out);
            (from, from_byte) = (j, cut);
            k = j + 2;
            continue;
        }
        k += 1;
    }
    split_chunk(text, start + from_byte, end, out);
}

/// Tokenizes a whole string (one paragraph's worth of text).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, joined: bool) {
    if start < end {
        out.push(Token {
            span: Span::new(start, end),
            joined_to_previous: joined,
            ..Token::default()
        });
    }
}

const OPENERS: &[char] = &[
    '(', '[', '{', '"', '\u{201c}', '\u{2018}', '\u{00ab}', '\u{2039}', '\u{00bf}', '\u{00a1}',
    '\u{201e}', '*',
];
const CLOSERS: &[char] = &[
    ')', ']', '}', '"', '\u{201d}', '\u{2019}', '\u{00bb}', '\u{203a}', ',', ';', ':', '*',
];
const CURRENCY: &[char] = &[
    '$', '\u{20ac}', '\u{00a3}', '\u{00a5}', '\u{20b9}', '\u{20bd}',
];
const DASHES: &[char] = &['\u{2014}', '\u{2013}', '\u{2012}', '\u{2015}'];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits one whitespace-free chunk `text[start..end]`.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Leading punctuation, each mark its own token.
    loop {
        let rest = &text[start..end];
        let Some(c) = rest.chars().next() else { return };
        let len = c.len_utf8();
        let opener = OPENERS.contains(&c)
            || DASHES.contains(&c)
            || rest.starts_with("``")
            || (c == '\'' && !starts_with_elision(&rest[1..]))
            || (CURRENCY.contains(&c) && rest.len() > len);
        if !opener || rest.len() == len {
            break;
        }
        // Plain-text quotation marks of newswire archives: ``...'' (and ''...''), one token
        // each.
        if (rest.starts_with("``") || rest.starts_with("''")) && rest.len() > 2 {
            push(out, start, start + 2, false);
            start += 2;
            continue;
        }
        if rest.starts_with("--") {
            let n = rest.bytes().take_while(|&b| b == b'-').count();
            if n == rest.len() {
                break;
            }
            push(out, start, start + n, false);
            start += n;
        } else {
            push(out, start, start + len, false);
            start += len;
        }
    }
    if is_url_or_email(&text[start..end]) {
        let keep = trim_url_end(&text[start..end]);
        push(out, start, start + keep, false);
        trailing_marks(text, start + keep, end, out);
        return;
    }

    // Trailing punctuation, collected right to left.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        let core = &text[start..end];
        let Some(c) = core.chars().next_back() else {
            break;
        };
        let len = c.len_utf8();
        if core.len() == len {
            break;
        }
        if c == '.' {
            let dots = core.bytes().rev().take_while(|&b| b == b'.').count();
            if dots >= 2 {
                if dots == core.len() {
                    break;
                }
                tail.push((end - dots, end));
                end -= dots;
                continue;
            }
            if keeps_period(core) {
                break;
            }
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if c == '!' || c == '?' {
            let n = core
                .bytes()
                .rev()
                .take_while(|&b| b == b'!' || b == b'?')
                .count();
            if n == core.len() {
                break;
            }
            tail.push((end - n, end));
            end -= n;
            continue;
        }
        if core.ends_with("''") && core.len() > 2 {
            tail.push((end - 2, end));
            end -= 2;
            continue;
        }
        if c == '\u{2026}' || DASHES.contains(&c) {
            tail.push((end - len, end));
            end -= len;
            continue;
        }
        if c == '-' && core.ends_with("--") {
            let n = core.bytes().rev().take_while(|&b| b == b'-').count();
            if n == core.len() {
                break;
            }
            tail.push((end - n, end));
            end -= n;
            continue;
        }
        if c == '%' && core[..core.len() - 1].ends_with(|d: char| d.is_ascii_digit()) {
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if c == '\'' || c == '\u{2019}' || CLOSERS.contains(&c) || c == '\u{201c}' {
            // (An opening mark that ends a word is a closing one mistyped: "grim,“".)
            tail.push((end - len, end));
            end -= len;
            continue;
        }
        break;
    }

    split_core(text, start, end, out);
    for &(s, e) in tail.iter().rev() {
        push(out, s, e, false);
    }
}

fn trailing_marks(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    for (i, c) in text[start..end].char_indices() {
        push(out, start + i, start + i + c.len_utf8(), false);
    }
}

/// An apostrophe that opens an elided word ("'90s", "'em", "'til") rather than a quotation.
fn starts_with_elision(rest: &str) -> bool {
    let lower = rest.to_ascii_lowercase();
    let digits = lower.bytes().take_while(|b| b.is_ascii_digit()).count();
    (digits == 2 && lower[2..].trim_end_matches(|c: char| !c.is_alphanumeric()) == "s")
        || ["em", "til", "cause", "n"]
            .iter()
            .any(|w| lower.trim_end_matches(|c: char| !c.is_alphanumeric()) == *w)
}

fn is_url_or_email(s: &str) -> bool {
    let prefixed = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if prefixed("http://") || prefixed("https://") || prefixed("www.") {
        return true;
    }
    if let Some(at) = s.find('@') {
        let (user, host) = (&s[..at], &s[at + 1..]);
        return !user.is_empty()
            && host.contains('.')
            && host
                .trim_end_matches(['.', ',', ';', ':', ')', '"'])
                .contains('.');
    }
    false
}

fn trim_url_end(s: &str) -> usize {
    s.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '!', '?', '\u{201d}'])
        .len()
}

/// Whether a word ending in a period keeps it: abbreviations, initials and acronyms.
fn keeps_period(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    if lexicon::is_abbreviation(stem) {
        return true;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "a.m.", "J.R.R."
    let mut letters = 0;
    let mut expect_letter = true;
    for c in stem.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters >= 1 && (letters > 1 || stem.chars().all(|c| c.is_uppercase()))
}

/// Splits the middle of a chunk: clitics, hyphens, slashes, inner dashes.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let core = &text[start..end];
    if let Some(cut) = clitic_split(core) {
        split_inner(text, start, start + cut, out);
        // "gonna" → gon + na: the second part is its own word of the same token.
        push(out, start + cut, end, true);
        return;
    }
    split_inner(text, start, end, out);
}

/// Finds where a trailing clitic starts, if the word has one.
fn clitic_split(word: &str) -> Option<usize> {
    let has_apostrophe = word.contains(['\'', '\u{2019}']);
    if !has_apostrophe && !matches!(word.len(), 5 | 6) {
        return None;
    }
    let lower = word.to_lowercase();
    let n = lower.len();
    // n't: "don't" → do n't, "can't" → ca n't, "won't" → wo n't.
    for nt in ["n't", "n\u{2019}t"] {
        if n > nt.len() && lower.ends_with(nt) && lower.is_char_boundary(n - nt.len()) {
            return Some(word.len() - nt.len());
        }
    }
    for whole in ["cannot", "gonna", "gotta", "wanna"] {
        if lower == whole {
            return Some(3);
        }
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() >= 3 {
        // 's 'm 'd
        let (i, a) = chars[chars.len() - 2];
        let last = chars[chars.len() - 1].1.to_ascii_lowercase();
        if is_apostrophe(a) && matches!(last, 's' | 'm' | 'd') && i > 0 {
            return Some(i);
        }
    }
    if chars.len() >= 4 {
        // 're 've 'll
        let (i, a) = chars[chars.len() - 3];
        let tail: String = chars[chars.len() - 2..]
            .iter()
            .map(|&(_, c)| c.to_ascii_lowercase())
            .collect();
        if is_apostrophe(a) && matches!(tail.as_str(), "re" | "ve" | "ll") && i > 0 {
            return Some(i);
        }
    }
    None
}

/// Splits hyphens, slashes and dashes inside a word.
fn split_inner(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let splittable = |c: char| c == '-' || c == '/' || DASHES.contains(&c) || c == '\u{2026}';
    if !word.contains(splittable) {
        push(out, start, end, false);
        return;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut piece_start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|&(_, c)| c);
        if c == '-' && next == Some('-') && prev.is_some() {
            let run = chars[k..].iter().take_while(|&&(_, c)| c == '-').count();
            if k + run < chars.len() {
                let run_end = chars[k + run].0;
                push(out, start + piece_start, start + i, false);
                push(out, start + i, start + run_end, false);
                piece_start = run_end;
                k += run;
                continue;
            }
        }
        let split_here = match c {
            '-' => {
                prev.is_some_and(|c| c.is_alphabetic() || c == '.')
                    && next.is_some_and(char::is_alphabetic)
                    && !lexicon::is_bound_prefix(&word[piece_start..i])
                    && !word[piece_start..i].chars().any(|c| c.is_ascii_digit())
            }
            '/' => prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic),
            c if DASHES.contains(&c) || c == '\u{2026}' => prev.is_some() && next.is_some(),
            _ => false,
        };
        if split_here {
            push(out, start + piece_start, start + i, false);
            push(out, start + i, start + i + c.len_utf8(), false);
            piece_start = i + c.len_utf8();
        }
        k += 1;
    }
    push(out, start + piece_start, end, false);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    /// (name, input, expected words)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "plain",
            "Ministers met today.",
            &["Ministers", "met", "today", "."],
        ),
        (
            "clitic_nt",
            "They don't agree.",
            &["They", "do", "n't", "agree", "."],
        ),
        ("clitic_cant", "We can't go", &["We", "ca", "n't", "go"]),
        (
            "run_together_sentences",
            "the envoy said.The talks",
            &["the", "envoy", "said", ".", "The", "talks"],
        ),
        (
            "run_together_after_a_quote",
            "won!\u{201d}Later",
            &["won", "!", "\u{201d}", "Later"],
        ),
        (
            "names_and_domains_stay_whole",
            "Acme Inc.One Valdoria.Com e.g.The",
            &["Acme", "Inc.One", "Valdoria.Com", "e.g.The"],
        ),
        (
            "newswire_marks",
            "``We agree,'' she said",
            &["``", "We", "agree", ",", "''", "she", "said"],
        ),
        (
            "mistyped_closing_mark",
            "was grim,\u{201c} said",
            &["was", "grim", ",", "\u{201c}", "said"],
        ),
        (
            "clitic_curly",
            "It won\u{2019}t",
            &["It", "wo", "n\u{2019}t"],
        ),
        ("possessive", "Chile's envoy", &["Chile", "'s", "envoy"]),
        (
            "plural_possessive",
            "the voters' choice",
            &["the", "voters", "'", "choice"],
        ),
        ("cannot", "I cannot", &["I", "can", "not"]),
        ("contraction_re", "they're here", &["they", "'re", "here"]),
        ("money", "$360 million", &["$", "360", "million"]),
        ("euro", "\u{20ac}2bn", &["\u{20ac}", "2bn"]),
        ("percent", "rose 3.5%.", &["rose", "3.5", "%", "."]),
        ("thousands", "1,200 troops", &["1,200", "troops"]),
        ("us_abbrev", "the U.S. envoy", &["the", "U.S.", "envoy"]),
        ("title_abbrev", "Gen. Okafor", &["Gen.", "Okafor"]),
        ("initials", "J.R.R. Tolkien", &["J.R.R.", "Tolkien"]),
        (
            "single_initial",
            "John F. Kennedy",
            &["John", "F.", "Kennedy"],
        ),
        ("final_period", "in Lima.", &["in", "Lima", "."]),
        ("ellipsis", "wait... no", &["wait", "...", "no"]),
        (
            "quotes_straight",
            "\"No,\" he said.",
            &["\"", "No", ",", "\"", "he", "said", "."],
        ),
        (
            "quotes_curly",
            "\u{201c}Yes.\u{201d}",
            &["\u{201c}", "Yes", ".", "\u{201d}"],
        ),
        ("nested", "'fair,'\"", &["'", "fair", ",", "'", "\""]),
        (
            "hyphen_split",
            "long-term plan",
            &["long", "-", "term", "plan"],
        ),
        ("hyphen_prefix", "co-founder", &["co-founder"]),
        (
            "hyphen_after_abbrev",
            "U.S.-funded",
            &["U.S.", "-", "funded"],
        ),
        ("hyphen_number", "COVID-19", &["COVID-19"]),
        ("iso_date", "2022-07-08", &["2022-07-08"]),
        ("em_dash", "talks\u{2014}and", &["talks", "\u{2014}", "and"]),
        ("spaced_dash", "talks - and", &["talks", "-", "and"]),
        ("double_hyphen", "end--start", &["end", "--", "start"]),
        ("slash_words", "and/or", &["and", "/", "or"]),
        ("slash_date", "9/11", &["9/11"]),
        (
            "url",
            "see https://example.org/a.html.",
            &["see", "https://example.org/a.html", "."],
        ),
        (
            "email",
            "write to desk@example.com,",
            &["write", "to", "desk@example.com", ","],
        ),
        ("parens", "(Reuters)", &["(", "Reuters", ")"]),
        ("question_quote", "\"Why?\"", &["\"", "Why", "?", "\""]),
        ("exclaims", "Stop!!", &["Stop", "!!"]),
        ("nineties", "the '90s", &["the", "'90s"]),
    ];

    #[test]
    fn tokenize_cases() {
        let mut failures = Vec::new();
        for &(name, input, expected) in CASES {
            let got = words(input);
            if got != expected {
                failures.push(format!(
                    "{name}: {input:?} gave {got:?}, expected {expected:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn tokenize_case_names_unique() {
        let mut names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }

    #[test]
    fn tokenize_marks_multiword_tokens() {
        let toks = tokenize("Peru's");
        assert!(!toks[0].joined_to_previous);
        assert!(toks[1].joined_to_previous);
    }

    #[test]
    fn tokenize_offsets_slice_back() {
        let text = "\u{00c9}lys\u{00e9}e's \u{201c}n\u{00e9}gociation\u{201d} \u{2014} 5\u{20ac}.";
        for t in tokenize(text) {
            assert!(!text[t.span.range()].trim().is_empty());
        }
    }
}
