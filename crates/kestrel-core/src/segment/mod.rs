//! Segmentation: paragraphs, an opening dateline, sentences and UD tokens.
//!
//! Sentence boundaries are decided over tokens, because most hard cases are token facts:
//! an abbreviation keeps its period ("U.S."), a closing quote after a period belongs to the
//! sentence before it, and "?" followed by lowercase ("\"Why?\" she asked") ends nothing.
//! A paragraph break always ends a sentence, so headlines without final punctuation stand
//! alone.

mod lexicon;
mod paragraph;
mod tokenize;

use std::ops::Range;

pub use paragraph::paragraph_spans;
pub use tokenize::{tokenize, tokenize_into};

use crate::document::{Dateline, Document, Layer, Sentence, Span, Token};

/// Adds paragraphs (when the cleaner has not), the dateline, tokens and sentences.
pub fn segment(doc: &mut Document) {
    if !doc.has_layer(Layer::Clean) || doc.paragraphs.is_empty() {
        doc.paragraphs = paragraph_spans(&doc.text);
    }
    doc.tokens.clear();
    doc.sentences.clear();
    doc.dateline = None;
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        let mut body = para;
        if p == 0 {
            if let Some(dateline) = find_dateline(&doc.text, para) {
                body.start = skip_whitespace(&doc.text, dateline.span.end, para.end);
                doc.dateline = Some(dateline);
            }
        }
        let first = doc.tokens.len();
        tokenize_into(&doc.text, body, &mut doc.tokens);
        for range in sentence_ranges(&doc.text, &doc.tokens[first..]) {
            let tokens = first + range.start..first + range.end;
            let span = Span::new(
                doc.tokens[tokens.start].span.start,
                doc.tokens[tokens.end - 1].span.end,
            );
            doc.sentences.push(Sentence { span, tokens });
        }
    }
}

fn skip_whitespace(text: &str, mut at: usize, end: usize) -> usize {
    while at < end {
        let c = text[at..].chars().next().expect("in bounds");
        if !c.is_whitespace() {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// Splits one paragraph's tokens into sentences, as ranges of token indices.
pub fn sentence_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let word = |i: usize| &text[tokens[i].span.range()];
    let mut i = 0;
    while i < tokens.len() {
        let w = word(i);
        let terminal = is_terminal(w);
        let abbreviation = !terminal && w.len() > 1 && w.ends_with('.');
        if !(terminal || abbreviation) {
            i += 1;
            continue;
        }
        // Closing quotes and brackets written against the mark belong to this sentence.
        let mut j = i + 1;
        // An opening mark written against the mark and followed by a space is a closing one
        // mistyped ("decision.“ The").
        let mistyped_closer = |j: usize| {
            word(j) == "\u{201c}"
                && tokens
                    .get(j + 1)
                    .is_none_or(|n| n.span.start > tokens[j].span.end)
        };
        while j < tokens.len()
            && (is_closer(word(j)) || mistyped_closer(j))
            && tokens[j].span.start == tokens[j - 1].span.end
        {
            j += 1;
        }
        if j >= tokens.len() {
            break;
        }
        let next = word(j);
        let prev = if i > start { Some(word(i - 1)) } else { None };
        if ends_sentence(w, prev, next, terminal) {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    if out.iter().any(|r| r.len() > MAX_SENTENCE_TOKENS) {
        out = out
            .into_iter()
            .flat_map(|r| split_overlong(text, tokens, r))
            .collect();
    }
    out
}

/// Sentences are cut to at most this many tokens. No sentence of UD English-EWT or -GUM runs
/// past 160 words; longer runs are text without sentence marks (a list, a table, a transcript,
/// a page's navigation run together), whose parse costs time that grows faster than its
/// length (a 20,000-word run took 46 s to code in one piece) and is worth nothing.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Cuts a run of tokens longer than [`MAX_SENTENCE_TOKENS`] into pieces no longer than that
/// (see [`cut_long_run`]), after semicolons, colons, commas and dashes.
fn split_overlong(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    cut_long_run(range, |i| {
        matches!(
            &text[tokens[i].span.range()],
            ";" | ":" | "," | "-" | "--" | "\u{2013}" | "\u{2014}"
        )
    })
}

/// Cuts `range` into consecutive pieces of at most [`MAX_SENTENCE_TOKENS`], each ending
/// after the last index in the second half of its window for which `breaks_after` holds, or
/// at the window's end where there is none. The parser cuts a long sentence given whole
/// the same way, by its tags.
pub fn cut_long_run(
    range: Range<usize>,
    breaks_after: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let window = start + MAX_SENTENCE_TOKENS / 2..start + MAX_SENTENCE_TOKENS;
        let end = window
            .clone()
            .rev()
            .find(|&i| breaks_after(i))
            .map_or(window.end, |i| i + 1);
        out.push(start..end);
        start = end;
    }
    out.push(start..range.end);
    out
}

fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
}

fn is_closer(w: &str) -> bool {
    matches!(
        w,
        "\"" | "'" | "''" | "\u{201d}" | "\u{2019}" | ")" | "]" | "}" | "\u{00bb}"
    )
}

fn ends_sentence(mark: &str, prev: Option<&str>, next: &str, terminal: bool) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    let next_upper = first.is_uppercase() || first.is_ascii_digit();
    let next_opens = matches!(
        first,
        '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\'' | '`' | '\u{00ab}'
    );
    if !terminal {
        // A word that kept its period: "U.S.", "Inc.", "Gen.", "F.".
        if lexicon::is_prefix_abbreviation(mark) {
            return false;
        }
        return lexicon::is_sentence_opener(next) || next_opens;
    }
    if mark.contains(['!', '?']) || mark.starts_with("..") || mark == "\u{2026}" {
        return next_upper || next_opens;
    }
    if next_upper || next_opens {
        return true;
    }
    // A lowercase word after a bare period: informal text starts sentences in lowercase,
    // but an unknown abbreviation ("approx.") does not end one.
    prev.is_some_and(|p| {
        (p.len() >= 3 && p.chars().all(|c| c.is_lowercase()))
            || p.chars().all(|c| c.is_ascii_digit())
    }) && first.is_alphabetic()
}

/// Recognises a wire-style dateline at the start of a paragraph: an upper-case place,
/// optionally a region or date after a comma and an agency in brackets, then a dash.
///
/// "NAIROBI, March 3 (Reuters) -", "SAN JOSE, Costa Rica \u{2014}", "GENEVA (AFP) --".
pub fn find_dateline(text: &str, para: Span) -> Option<Dateline> {
    let head = &text[para.range()];
    let window_end = floor_char_boundary(head, 90);
    let window = &head[..window_end];
    let (dash_at, dash_len) = [" -- ", " - ", " \u{2014} ", " \u{2013} ", "\u{2014}"]
        .iter()
        .filter_map(|d| window.find(d).map(|at| (at, d.len())))
        .min()?;
    let prefix = &window[..dash_at];
    let place_end = prefix.find([',', '(']).unwrap_or(prefix.len());
    let place = prefix[..place_end].trim_end();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3
        || letters.iter().any(|c| c.is_lowercase())
        || !place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
    {
        return None;
    }
    let rest = &prefix[place_end..];
    // What follows the place must look like a region, a date or an agency, not a clause.
    let clause_like = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .any(|w| w.chars().next().is_some_and(|c| c.is_lowercase()));
    if clause_like {
        return None;
    }
    let end = dash_at + dash_len;
    let end = head[..end].trim_end().len();
    Some(Dateline {
        span: Span::new(para.start, para.start + end),
        place: Span::new(para.start, para.start + place.len()),
    })
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let mut doc = Document::new("t", text);
        segment(&mut doc);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    /// (name, input, expected sentences)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "two_plain",
            "The vote passed. Critics objected.",
            &["The vote passed.", "Critics objected."],
        ),
        (
            "us_mid",
            "The U.S. envoy arrived. She spoke.",
            &["The U.S. envoy arrived.", "She spoke."],
        ),
        (
            "run_together",
            "The envoy arrived late.She spoke briefly.",
            &["The envoy arrived late.", "She spoke briefly."],
        ),
        (
            "newswire_marks",
            "The vote was close. ``We won,'' she said. ''Now we rest.'' They left.",
            &[
                "The vote was close.",
                "``We won,'' she said.",
                "''Now we rest.''",
                "They left.",
            ],
        ),
        (
            "mistyped_closing_mark",
            "\u{201c}We will not move.\u{201c} The crowd cheered.",
            &["\u{201c}We will not move.\u{201c}", "The crowd cheered."],
        ),
        (
            "us_final",
            "Troops left the U.S. The base closed.",
            &["Troops left the U.S.", "The base closed."],
        ),
        (
            "title",
            "Gen. Okafor spoke. Mr. Diallo left.",
            &["Gen. Okafor spoke.", "Mr. Diallo left."],
        ),
        (
            "initials",
            "Author J.R.R. Tolkien wrote. Fans read.",
            &["Author J.R.R. Tolkien wrote.", "Fans read."],
        ),
        (
            "decimal_money",
            "It costs $3.5 million. Few paid.",
            &["It costs $3.5 million.", "Few paid."],
        ),
        (
            "quote_final",
            "\"We will stay.\" Then he left.",
            &["\"We will stay.\"", "Then he left."],
        ),
        (
            "quote_question",
            "\"Why now?\" she asked. Nobody knew.",
            &["\"Why now?\" she asked.", "Nobody knew."],
        ),
        (
            "quote_comma",
            "\"It is over,\" he said.",
            &["\"It is over,\" he said."],
        ),
        (
            "curly_nested",
            "\u{201c}He said \u{2018}no.\u{2019}\u{201d} Talks ended.",
            &[
                "\u{201c}He said \u{2018}no.\u{2019}\u{201d}",
                "Talks ended.",
            ],
        ),
        (
            "ellipsis_lower",
            "We waited... and waited.",
            &["We waited... and waited."],
        ),
        (
            "ellipsis_upper",
            "We waited... Nothing came.",
            &["We waited...", "Nothing came."],
        ),
        (
            "headline",
            "Ministers walk out of summit\nThe talks collapsed on Friday.",
            &[
                "Ministers walk out of summit",
                "The talks collapsed on Friday.",
            ],
        ),
        (
            "time",
            "They met at 5 p.m. local time.",
            &["They met at 5 p.m. local time."],
        ),
        (
            "number_abbrev",
            "Resolution No. 12 passed.",
            &["Resolution No. 12 passed."],
        ),
        (
            "parenthetical",
            "It failed. (Officials disagreed.) Work resumed.",
            &["It failed.", "(Officials disagreed.)", "Work resumed."],
        ),
        (
            "exclaim",
            "Enough! The crowd cheered.",
            &["Enough!", "The crowd cheered."],
        ),
        (
            "initial_then_opener",
            "It came from Plan B. The rest failed.",
            &["It came from Plan B.", "The rest failed."],
        ),
        (
            "initial_then_name",
            "Judge Ana M. Ruiz ruled.",
            &["Judge Ana M. Ruiz ruled."],
        ),
    ];

    #[test]
    fn segment_cases() {
        let mut failures = Vec::new();
        for &(name, input, expected) in CASES {
            let got = sentences(input);
            if got != expected {
                failures.push(format!("{name}: {input:?} gave {got:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn segment_dateline_kept_out_of_sentence() {
        let text = "NAIROBI, March 3 (Reuters) - Kenya's parliament voted on Tuesday.";
        let mut doc = Document::new("t", text);
        segment(&mut doc);
        let d = doc.dateline.as_ref().expect("dateline");
        assert_eq!(doc.slice(d.span), "NAIROBI, March 3 (Reuters) -");
        assert_eq!(doc.slice(d.place), "NAIROBI");
        assert_eq!(
            doc.slice(doc.sentences[0].span),
            "Kenya's parliament voted on Tuesday."
        );
    }

    #[test]
    fn segment_no_dateline_in_ordinary_sentence() {
        for text in [
            "UN chief warns - talks are failing.",
            "The talks - which began in May - failed.",
            "NATO allies met - and agreed.",
        ] {
            let mut doc = Document::new("t", text);
            segment(&mut doc);
            assert!(doc.dateline.is_none(), "{text}");
        }
    }

    #[test]
    fn segment_sentence_spans_cover_their_tokens() {
        let text = "Ministers met. \u{201c}Talks failed,\u{201d} an aide said.\n\nA new paragraph.";
        let mut doc = Document::new("t", text);
        segment(&mut doc);
        assert_eq!(doc.sentences.len(), 3);
        for s in &doc.sentences {
            let toks = doc.sentence_tokens(s);
            assert_eq!(toks.first().unwrap().span.start, s.span.start);
            assert_eq!(toks.last().unwrap().span.end, s.span.end);
        }
    }

    #[test]
    fn segment_cuts_a_run_without_sentence_marks_into_pieces() {
        // 600 words, a comma after every 40th: cut after the last comma of each window.
        let words: Vec<String> = (0..600)
            .map(|i| {
                let w = ["talks", "resumed", "near", "the", "river"][i % 5];
                if i % 40 == 39 {
                    format!("{w},")
                } else {
                    w.to_string()
                }
            })
            .collect();
        let mut doc = Document::new("t", words.join(" "));
        segment(&mut doc);
        let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens.iter().sum::<usize>(), doc.tokens.len());
        assert!(lens.iter().all(|&n| n <= MAX_SENTENCE_TOKENS), "{lens:?}");
        for pair in doc.sentences.windows(2) {
            assert_eq!(pair[0].tokens.end, pair[1].tokens.start);
            let last = doc.sentence_tokens(&pair[0]).last().unwrap().span;
            assert_eq!(doc.slice(last), ",");
        }
        // With no mark to cut after, the pieces are the window's length.
        let mut doc = Document::new("t", ["ceasefire"; 600].join(" "));
        segment(&mut doc);
        let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 100]);
    }
}
