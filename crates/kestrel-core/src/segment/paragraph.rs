//! Paragraphs of plain text.
//!
//! Scraped news comes in two shapes: one paragraph per line (most scrapers), or hard-wrapped
//! lines with blank lines between paragraphs (e-mail, wire feeds). In the second shape a line
//! break inside a sentence must not end the paragraph, so we look for the tell-tale sign: a
//! line that stops mid-sentence and a next line that carries on in lowercase.

use crate::document::Span;

/// Splits text into paragraph spans, each trimmed of surrounding whitespace.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    if is_hard_wrapped(text) {
        blocks(text)
    } else {
        lines(text)
    }
}

fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block_start = 0;
    let mut line_start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            if text[line_start..i].trim().is_empty() {
                push_trimmed(text, block_start, line_start, &mut out);
                block_start = i + 1;
            }
            line_start = i + 1;
        }
    }
    push_trimmed(text, block_start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let has_blank = lines.iter().any(|l| l.trim().is_empty());
    if !has_blank {
        return false;
    }
    let mut continued = 0;
    let mut breaks = 0;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].trim_end(), pair[1].trim_start());
        if a.is_empty() || b.is_empty() {
            continue;
        }
        breaks += 1;
        let ends_open = !a.ends_with(['.', '!', '?', ':', '"', '\u{201d}', ')', '\'']);
        let next_lower = b.chars().next().is_some_and(|c| c.is_lowercase());
        if ends_open && next_lower {
            continued += 1;
        }
    }
    breaks > 0 && continued * 4 >= breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraph_spans(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn paragraph_one_per_line() {
        let text = "First line here.\nSecond line.\n\n  Third.  \n";
        assert_eq!(texts(text), ["First line here.", "Second line.", "Third."]);
    }

    #[test]
    fn paragraph_hard_wrapped_blocks() {
        let text = "The council met on Monday and\nagreed to a budget.\n\nA second paragraph\nfollows here.\n";
        assert_eq!(
            texts(text),
            [
                "The council met on Monday and\nagreed to a budget.",
                "A second paragraph\nfollows here."
            ]
        );
    }

    #[test]
    fn paragraph_empty_text() {
        assert!(paragraph_spans("  \n\n ").is_empty());
    }
}
