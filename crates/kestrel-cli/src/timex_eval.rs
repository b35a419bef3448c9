//! `kestrel eval timex DIR`: temporal expressions against TimeML files (TimeBank and AQUAINT as
//! cleaned for TempEval-3): span F1 (strict and relaxed), and value F1 with each document's
//! creation time as the publication date.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::eval::Prf;
use kestrel_core::Stage;
use serde_json::json;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_string())
}

/// The document creation time, the plain text of `<TEXT>` and its TIMEX3 spans (character
/// offsets).
fn read_tml(content: &str) -> Option<(String, String, Vec<Gold>)> {
    let dct_at = content.find("CREATION_TIME")?;
    let tag_start = content[..dct_at].rfind('<')?;
    let dct = attribute(&content[tag_start..], "value")?;
    let body_start = content.find("<TEXT>")? + "<TEXT>".len();
    let body_end = content.find("</TEXT>")?;
    let body = &content[body_start..body_end];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').unwrap_or(rest.len() - 1);
                let tag = &rest[..=end];
                if tag.starts_with("<TIMEX3") {
                    open = Some((
                        chars,
                        attribute(tag, "type").unwrap_or_default(),
                        attribute(tag, "value").unwrap_or_default(),
                    ));
                } else if tag.starts_with("</TIMEX3") {
                    if let Some((start, kind, value)) = open.take() {
                        gold.push(Gold {
                            start,
                            end: chars,
                            kind,
                            value,
                        });
                    }
                }
                rest = &rest[end + 1..];
            }
            found => {
                let until = found.unwrap_or(rest.len());
                let piece = unescape(&rest[..until]);
                chars += piece.chars().count();
                text.push_str(&piece);
                rest = &rest[until..];
            }
        }
    }
    Some((dct, text, gold))
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs the evaluation.
pub fn run(dir: &Path, json: bool, errors: bool) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    tml_files(dir, &mut files).with_context(|| format!("cannot read {}", dir.display()))?;
    anyhow::ensure!(!files.is_empty(), "no .tml files under {}", dir.display());
    let (mut strict, mut relaxed, mut valued) = (Prf::default(), Prf::default(), Prf::default());
    let (mut type_ok, mut matched) = (0usize, 0usize);
    let mut documents = 0;
    // As in the pipeline, dates come after tagging: a verb's tense decides which way a month
    // without a year looks.
    let tagger = kestrel_nlp::TagStage::new(
        kestrel_nlp::Models::builtin().context("cannot load the built-in models")?,
    );
    for path in &files {
        let content = std::fs::read_to_string(path)?;
        let Some((dct, text, gold)) = read_tml(&content) else {
            continue;
        };
        documents += 1;
        let mut doc = kestrel_core::Document::new(path.display().to_string(), text);
        doc.published = Some(dct);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        tagger.process(&mut doc);
        kestrel_time::DateStage.process(&mut doc);
        let offsets = kestrel_core::output::CharOffsets::new(&doc.text);
        let predicted: Vec<(usize, usize, &str, Option<&str>)> = doc
            .dates
            .iter()
            .map(|x| {
                (
                    offsets.char_at(x.span.start),
                    offsets.char_at(x.span.end),
                    x.kind.name(),
                    x.value.as_deref(),
                )
            })
            .collect();
        let mut used = vec![false; gold.len()];
        for &(a, b, kind, value) in &predicted {
            if gold.iter().any(|g| g.start == a && g.end == b) {
                strict.tp += 1;
            } else {
                strict.fp += 1;
            }
            let hit = (0..gold.len()).find(|&i| !used[i] && gold[i].start < b && a < gold[i].end);
            match hit {
                Some(i) => {
                    used[i] = true;
                    relaxed.tp += 1;
                    matched += 1;
                    if gold[i].kind == kind {
                        type_ok += 1;
                    }
                    if value.is_some_and(|v| same_value(v, &gold[i].value)) {
                        valued.tp += 1;
                    } else {
                        valued.fp += 1;
                        valued.fn_ += 1;
                        if errors {
                            println!(
                                "{}\t{:?}\tgot {:?} expected {}",
                                path.display(),
                                &doc.text[doc
                                    .dates
                                    .iter()
                                    .find(|x| offsets.char_at(x.span.start) == a)
                                    .map_or(0..0, |x| x.span.range())],
                                value,
                                gold[i].value
                            );
                        }
                    }
                }
                None => {
                    relaxed.fp += 1;
                    valued.fp += 1;
                    if errors {
                        let chars: Vec<char> = doc.text.chars().collect();
                        let end = b.min(chars.len());
                        let text: String = chars[a.min(end)..end].iter().collect();
                        println!("{}	{text:?}	spurious {value:?} at {a}..{b}", path.display());
                    }
                }
            }
        }
        if errors {
            let chars: Vec<char> = doc.text.chars().collect();
            for (i, g) in gold.iter().enumerate() {
                if !used[i] {
                    let text: String = chars[g.start..g.end.min(chars.len())].iter().collect();
                    println!(
                        "{}\t{text:?}\tmissed {} {}",
                        path.display(),
                        g.kind,
                        g.value
                    );
                }
            }
        }
        let missed = used.iter().filter(|u| !**u).count();
        relaxed.fn_ += missed;
        valued.fn_ += missed;
        strict.fn_ += gold
            .iter()
            .filter(|g| !predicted.iter().any(|p| p.0 == g.start && p.1 == g.end))
            .count();
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("{}: {documents} documents", dir.display());
    for (name, p) in [
        ("span strict", &strict),
        ("span relaxed", &relaxed),
        ("value", &valued),
    ] {
        println!(
            "  {name:<13} precision {:.3}  recall {:.3}  F1 {:.3}",
            p.precision(),
            p.recall(),
            p.f1()
        );
    }
    println!(
        "  type accuracy on matched spans {:.3}",
        ratio(type_ok, matched)
    );
    if json {
        let prf = |p: &Prf| {
            json!({"precision": crate::eval::round(p.precision()), "recall": crate::eval::round(p.recall()),
                   "f1": crate::eval::round(p.f1()), "tp": p.tp, "fp": p.fp, "fn": p.fn_})
        };
        let v = json!({
            "task": "timex",
            "dir": dir.display().to_string(),
            "documents": documents,
            "span_strict": prf(&strict),
            "span_relaxed": prf(&relaxed),
            "value": prf(&valued),
            "value_f1": crate::eval::round(valued.f1()),
            "type_accuracy": crate::eval::round(ratio(type_ok, matched)),
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether two TIMEX3 values name the same time: equal, or equal but for a week number's
/// leading zero, which the treebank writes both ways ("2000-W8" and "1998-W08").
fn same_value(a: &str, b: &str) -> bool {
    fn unpadded(v: &str) -> String {
        match v.split_once("-W0") {
            Some((year, rest)) if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                format!("{year}-W{rest}")
            }
            _ => v.to_string(),
        }
    }
    // A decade or century written with its unknown digits as X ("199X", "19XX") or without
    // them ("199", "19"): the treebank writes both.
    fn without_unknown_digits(v: &str) -> &str {
        let trimmed = v.trim_end_matches('X');
        if trimmed.len() < v.len()
            && trimmed.len() >= 2
            && trimmed.chars().all(|c| c.is_ascii_digit())
        {
            trimmed
        } else {
            v
        }
    }
    a == b || unpadded(a) == unpadded(b) || without_unknown_digits(a) == without_unknown_digits(b)
}

#[cfg(test)]
mod tests {
    use super::same_value;

    #[test]
    fn week_numbers_match_with_or_without_a_leading_zero() {
        assert!(same_value("2000-W08", "2000-W8"));
        assert!(same_value("1998-W08", "1998-W08"));
        assert!(!same_value("2000-W08", "2000-W18"));
        assert!(!same_value("2000-W08", "2000-W09"));
    }

    #[test]
    fn decades_match_with_or_without_their_unknown_digits() {
        assert!(same_value("199", "199X"));
        assert!(same_value("19XX", "19"));
        assert!(!same_value("199", "198X"));
        assert!(!same_value("1990", "199X"));
    }
}
