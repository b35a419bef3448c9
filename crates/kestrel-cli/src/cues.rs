//! `kestrel build-cues`: learns attribution cues from PolNeAR's training split into
//! `dictionaries/cues.tsv` for the quotes stage.
//!
//! Every verb and adjective of the split is counted by its lemma and its frame, read off
//! Kestrel's own parse: with a clausal complement (speech), a `to`-clause (intent), an oblique
//! with about/on/of/over (topic), an object and an `as` phrase (as), or an object (stance). A
//! (lemma, frame) pair inside annotated cues often enough is kept: "see" is no cue with an
//! object alone, but is one with an object and an `as` phrase ("saw the remarks as a threat").

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::output::CharOffsets;
use kestrel_core::Token;

/// A (lemma, frame) pair is kept when it occurs this often in the split...
const MIN_OCCURRENCES: usize = 3;
/// ...and is part of an annotated cue at least this share of the time.
const MIN_CUE_SHARE: f64 = 0.4;

#[derive(Default)]
struct Counts {
    occurrences: usize,
    cues: usize,
}

/// The frame of token `i` of a sentence: what its children make of it.
fn frame(tokens: &[Token], i: usize) -> Option<&'static str> {
    let children: Vec<&Token> = tokens.iter().filter(|k| k.head == Some(i)).collect();
    fn rel(k: &Token) -> &str {
        k.deprel.as_deref().unwrap_or("")
    }
    let case_of = |k: &Token| -> Option<String> {
        let at = tokens.iter().position(|x| std::ptr::eq(x, k))?;
        tokens
            .iter()
            .find(|x| x.head == Some(at) && x.deprel.as_deref() == Some("case"))
            .and_then(|x| x.lemma.clone())
    };
    let obl_with = |words: &[&str]| {
        children.iter().any(|k| {
            rel(k).starts_with("obl") && case_of(k).is_some_and(|c| words.contains(&c.as_str()))
        })
    };
    let has = |r: &str| children.iter().any(|k| rel(k) == r);
    if has("ccomp") {
        Some("speech")
    } else if children
        .iter()
        .any(|k| rel(k) == "xcomp" && k.upos.as_deref() == Some("VERB"))
    {
        Some("intent")
    } else if obl_with(&["about", "on", "of", "over"]) {
        Some("topic")
    } else if obl_with(&["to", "for", "against"]) {
        Some("towards")
    } else if has("obj")
        && (obl_with(&["as"])
            || children.iter().any(|o| {
                // "saw the remarks as a threat" with "as" hung on the object.
                rel(o) == "obj"
                    && tokens.iter().any(|x| {
                        x.head.is_some_and(|h| std::ptr::eq(&tokens[h], *o))
                            && x.deprel.as_deref().is_some_and(|r| r.starts_with("nmod"))
                            && case_of(x).as_deref() == Some("as")
                    })
            }))
    {
        Some("as")
    } else if has("obj") {
        Some("stance")
    } else {
        None
    }
}

/// A span of characters.
type Chars = (usize, usize);

/// The cue spans of one brat file's attributions (the first part of a discontinuous cue).
fn cues(ann: &str) -> Vec<Chars> {
    let mut spans: BTreeMap<&str, Vec<Chars>> = BTreeMap::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(meta)) = (f.next(), f.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        // "Cue 113 119" or, for discontinuous spans, "Content 1 5;9 12".
        let Some((_, ranges)) = meta.split_once(' ') else {
            continue;
        };
        let list = ranges
            .split(';')
            .filter_map(|r| {
                let (a, b) = r.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .collect();
        spans.insert(id, list);
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some(args) = line.split('\t').nth(1) else {
            continue;
        };
        let cue = args.split_whitespace().find_map(|arg| {
            let (role, id) = arg.split_once(':')?;
            role.starts_with("Cue")
                .then(|| spans.get(id)?.first().copied())
                .flatten()
        });
        out.extend(cue);
    }
    out
}

/// Runs `stages` over each annotated article of a PolNeAR split and hands `f` the document
/// with its annotated cue spans (characters); returns the number of annotation files.
fn each_annotated(
    polnear: &Path,
    stages: &[&str],
    mut f: impl FnMut(&kestrel_core::Document, &[Chars]),
) -> anyhow::Result<usize> {
    let files = crate::quotes_eval::polnear_annotations(polnear)?;
    let pipeline =
        kestrel_core::Pipeline::select(crate::code::available_stages(None, &[], &[])?, stages)?;
    for ann in &files {
        let stem = ann.file_stem().unwrap_or_default().to_string_lossy();
        // "<article>_<annotator>.ann" annotates "<article>.txt".
        let article = stem.rsplit_once('_').map_or(&*stem, |(a, _)| a);
        let text_path = polnear.join("text").join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        let gold = cues(&std::fs::read_to_string(ann)?);
        let mut doc = kestrel_core::Document::new(article.to_string(), text);
        pipeline.run(&mut doc);
        f(&doc, &gold);
    }
    Ok(files.len())
}

/// `kestrel build-cues`.
pub fn build(polnear: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let mut counts: BTreeMap<(String, &'static str), Counts> = BTreeMap::new();
    let files = each_annotated(polnear, &["segment", "tag", "parse"], |doc, gold| {
        let offsets = CharOffsets::new(&doc.text);
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for (i, t) in tokens.iter().enumerate() {
                // Verbs, and adjectives that carry a stance ("is confident that").
                if !matches!(t.upos.as_deref(), Some("VERB" | "ADJ")) {
                    continue;
                }
                let (Some(lemma), Some(frame)) = (t.lemma.as_deref(), frame(tokens, i)) else {
                    continue;
                };
                let c = counts.entry((lemma.to_lowercase(), frame)).or_default();
                c.occurrences += 1;
                let (a, b) = (offsets.char_at(t.span.start), offsets.char_at(t.span.end));
                if gold.iter().any(|&(s, e)| s <= a && b <= e) {
                    c.cues += 1;
                }
            }
        }
    })?;

    let mut lines = vec![
        "# Attribution cues learned from PolNeAR's training split by `kestrel build-cues`.".to_string(),
        format!(
            "# Kept: a lemma in a frame seen at least {MIN_OCCURRENCES} times, inside an annotated cue at least {:.0}% of the time.",
            MIN_CUE_SHARE * 100.0
        ),
        "# Frames: speech (clausal complement), intent (to-clause), topic (about/on/of/over), towards (to/for/against), as (object and as), stance (object).".to_string(),
        "# lemma\tframe\tcue\toccurrences".to_string(),
    ];
    let mut kept = 0;
    for ((lemma, frame), c) in &counts {
        let share = c.cues as f64 / c.occurrences as f64;
        if c.occurrences < MIN_OCCURRENCES || share < MIN_CUE_SHARE {
            continue;
        }
        kept += 1;
        lines.push(format!("{lemma}\t{frame}\t{}\t{}", c.cues, c.occurrences));
    }
    std::fs::write(out, lines.join("\n") + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "kestrel: {files} files, {} lemma-frame pairs seen, {kept} cues written to {}",
        counts.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `kestrel build-cue-model`: every verb the built-in rules leave alone in the training split,
/// labelled by whether an annotated cue covers it, trains [`kestrel_quotes::CueModel`].
pub fn build_model(polnear: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let mut examples: Vec<(Vec<String>, bool)> = Vec::new();
    let stages = ["segment", "tag", "parse", "ner", "actors"];
    let files = each_annotated(polnear, &stages, |doc, gold| {
        let offsets = CharOffsets::new(&doc.text);
        for (span, features) in kestrel_quotes::cue_model_examples(doc) {
            let (a, b) = (offsets.char_at(span.start), offsets.char_at(span.end));
            let label = gold.iter().any(|&(s, e)| s < b && a < e);
            examples.push((features, label));
        }
    })?;
    let model = kestrel_quotes::CueModel::train(&examples, 2026);
    std::fs::write(out, model.to_tsv())
        .with_context(|| format!("cannot write {}", out.display()))?;
    let positives = examples.iter().filter(|(_, y)| *y).count();
    eprintln!(
        "kestrel: {files} files, {} verbs ({positives} cues), {} features written to {}",
        examples.len(),
        model.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
