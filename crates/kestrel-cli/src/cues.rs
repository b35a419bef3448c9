//! `kestrel build-cues`: learns attribution cue verbs, and what each introduces, from
//! PolNeAR's training split, into `dictionaries/cues.tsv` for the quotes stage.
//!
//! Every verb and adjective of the split is counted; a verb inside an annotated cue counts as a cue, and the
//! relation of its attribution's content to it (a clausal complement, a `to`-clause, an object)
//! votes for its class. Verbs that are cues often enough, with one clear class, are kept.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::output::CharOffsets;

/// A verb is kept when it occurs this often in the split...
const MIN_OCCURRENCES: usize = 5;
/// ...is part of an annotated cue at least this share of the time...
const MIN_CUE_SHARE: f64 = 0.5;
/// ...and at least this many of its attributions agree on one class.
const MIN_CLASS_VOTES: usize = 2;

#[derive(Default)]
struct Counts {
    occurrences: usize,
    cues: usize,
    /// Votes: speech (clausal complement), intent (`to`-clause), stance (object), topic (an
    /// oblique with about, on, of or over).
    votes: [usize; 4],
}

const CLASSES: [&str; 4] = ["speech", "intent", "stance", "topic"];

/// A span of characters.
type Chars = (usize, usize);

/// Attributions of one brat file: (cue span, content spans).
fn attributions(ann: &str) -> Vec<(Chars, Vec<Chars>)> {
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
        let mut cue = None;
        let mut content = Vec::new();
        for arg in args.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let found = spans.get(id).cloned().unwrap_or_default();
            if role.starts_with("Cue") {
                cue = found.first().copied();
            } else if role.starts_with("Content") {
                content.extend(found);
            }
        }
        if let Some(c) = cue {
            out.push((c, content));
        }
    }
    out
}

/// `kestrel build-cues`.
pub fn build(polnear: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let ann_dir = polnear.join("attributions");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| {
            format!(
                "cannot read {}; give the PolNeAR training split (attributions/ and text/)",
                ann_dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no .ann files in {}", ann_dir.display());
    let pipeline = kestrel_core::Pipeline::select(
        crate::code::available_stages(None, &[], &[])?,
        &["segment", "tag", "parse"],
    )?;
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for ann in &files {
        let stem = ann.file_stem().unwrap_or_default().to_string_lossy();
        // "<article>_<annotator>.ann" annotates "<article>.txt".
        let article = stem.rsplit_once('_').map_or(&*stem, |(a, _)| a);
        let text_path = polnear.join("text").join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        let gold = attributions(&std::fs::read_to_string(ann)?);
        let mut doc = kestrel_core::Document::new(article.to_string(), text);
        pipeline.run(&mut doc);
        let offsets = CharOffsets::new(&doc.text);
        let chars =
            |t: &kestrel_core::Token| (offsets.char_at(t.span.start), offsets.char_at(t.span.end));
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for (i, t) in tokens.iter().enumerate() {
                // Verbs, and adjectives that carry a stance ("is confident that", "are
                // content to wait").
                if !matches!(t.upos.as_deref(), Some("VERB" | "ADJ")) {
                    continue;
                }
                let Some(lemma) = t.lemma.as_deref().map(str::to_lowercase) else {
                    continue;
                };
                let c = counts.entry(lemma).or_default();
                c.occurrences += 1;
                let (a, b) = chars(t);
                let Some((_, content)) = gold.iter().find(|((s, e), _)| *s <= a && b <= *e) else {
                    continue;
                };
                c.cues += 1;
                // The content's head: a content token attached to this verb.
                let inside = |t: &kestrel_core::Token| {
                    let (x, y) = chars(t);
                    content.iter().any(|&(s, e)| s <= x && y <= e)
                };
                let vote = tokens.iter().find_map(|k| {
                    let attached = k.head == Some(i);
                    if !attached || !inside(k) {
                        return None;
                    }
                    match k.deprel.as_deref()? {
                        "ccomp" => Some(0),
                        "xcomp" => Some(1),
                        "obj" => Some(2),
                        rel if rel.starts_with("obl") => {
                            // The preposition is a child of the oblique's head.
                            let about = tokens.iter().any(|x| {
                                x.head.is_some_and(|h| std::ptr::eq(&tokens[h], k))
                                    && x.deprel.as_deref() == Some("case")
                                    && x.lemma.as_deref().is_some_and(|l| {
                                        matches!(l, "about" | "on" | "of" | "over")
                                    })
                            });
                            about.then_some(3)
                        }
                        _ => None,
                    }
                });
                if let Some(v) = vote {
                    c.votes[v] += 1;
                }
            }
        }
    }
    let mut lines = vec![
        "# Attribution cue verbs and adjectives learned from PolNeAR's training split by `kestrel build-cues`.".to_string(),
        format!(
            "# Kept: at least {MIN_OCCURRENCES} occurrences as a verb or adjective, inside an annotated cue at least {:.0}% of the time, and at least {MIN_CLASS_VOTES} attributions of one class.",
            MIN_CUE_SHARE * 100.0
        ),
        "# lemma\tclass\tcue\toccurrences\tspeech\tintent\tstance\ttopic".to_string(),
    ];
    let mut kept = 0;
    for (lemma, c) in &counts {
        let share = c.cues as f64 / c.occurrences as f64;
        let (best, votes) = c
            .votes
            .iter()
            .enumerate()
            .max_by_key(|&(i, v)| (*v, std::cmp::Reverse(i)))
            .map(|(i, v)| (i, *v))
            .unwrap_or((0, 0));
        if c.occurrences < MIN_OCCURRENCES || share < MIN_CUE_SHARE || votes < MIN_CLASS_VOTES {
            continue;
        }
        kept += 1;
        lines.push(format!(
            "{lemma}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            CLASSES[best], c.cues, c.occurrences, c.votes[0], c.votes[1], c.votes[2], c.votes[3]
        ));
    }
    std::fs::write(out, lines.join("\n") + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "kestrel: {} files, {} verb and adjective lemmas seen, {kept} cues written to {}",
        files.len(),
        counts.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
