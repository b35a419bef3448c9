//! `kestrel eval quotes DIR`: quotation finding against PolNeAR-style brat annotations
//! (`DIR/attributions/*.ann` with Source, Cue and Content spans over `DIR/text/*.txt`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::eval::Prf;
use kestrel_core::output::CharOffsets;
use kestrel_core::QuoteKind;
use serde_json::json;

const ROLES: [&str; 3] = ["source", "cue", "content"];

/// Spans (character offsets) of the three roles in one document.
#[derive(Default)]
struct Roles {
    spans: [Vec<(usize, usize)>; 3],
}

fn role_index(label: &str) -> Option<usize> {
    match label {
        "Source" => Some(0),
        "Cue" => Some(1),
        "Content" => Some(2),
        _ => None,
    }
}

/// Reads a brat `.ann` file's Source, Cue and Content spans; a discontinuous span counts from
/// its first start to its last end.
fn read_ann(content: &str) -> Roles {
    let mut roles = Roles::default();
    for line in content.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(label_spans)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let Some((label, spans)) = label_spans.split_once(' ') else {
            continue;
        };
        let Some(r) = role_index(label) else {
            continue;
        };
        let numbers: Vec<usize> = spans
            .split([' ', ';'])
            .filter_map(|n| n.parse().ok())
            .collect();
        if let (Some(&a), Some(&b)) = (numbers.iter().min(), numbers.iter().max()) {
            if !roles.spans[r].contains(&(a, b)) {
                roles.spans[r].push((a, b));
            }
        }
    }
    roles
}

/// A span with edge whitespace and punctuation trimmed, for exact comparison: annotators and
/// Kestrel differ on whether a closing comma or quotation mark belongs to a span.
fn trimmed(chars: &[char], (a, b): (usize, usize)) -> (usize, usize) {
    let edge = |c: char| c.is_whitespace() || ",.;:\"“”‘’'—–-".contains(c);
    let (mut a, mut b) = (a.min(chars.len()), b.min(chars.len()));
    while a < b && edge(chars[a]) {
        a += 1;
    }
    while b > a && edge(chars[b - 1]) {
        b -= 1;
    }
    (a, b)
}

/// Counts matches between predicted and gold spans: exact (after trimming) and overlapping,
/// each gold span matched at most once.
fn score(chars: &[char], predicted: &[(usize, usize)], gold: &[(usize, usize)]) -> (usize, usize) {
    let gold_t: Vec<(usize, usize)> = gold.iter().map(|&g| trimmed(chars, g)).collect();
    let mut used = vec![false; gold.len()];
    let mut exact = 0;
    for &p in predicted {
        let p = trimmed(chars, p);
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && gold_t[i] == p) {
            used[i] = true;
            exact += 1;
        }
    }
    let mut used = vec![false; gold.len()];
    let mut overlap = 0;
    for &(a, b) in predicted {
        let best = (0..gold.len())
            .filter(|&i| !used[i])
            .map(|i| {
                let (c, d) = gold[i];
                (i, b.min(d).saturating_sub(a.max(c)))
            })
            .filter(|&(_, o)| o > 0)
            .max_by_key(|&(_, o)| o);
        if let Some((i, _)) = best {
            used[i] = true;
            overlap += 1;
        }
    }
    (exact, overlap)
}

/// Runs the evaluation.
/// The brat annotation files of a PolNeAR split (`DIR/attributions/*.ann`), sorted.
pub fn polnear_annotations(dir: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let ann_dir = dir.join("attributions");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| {
            format!(
                "cannot read {}; expected a PolNeAR split with attributions/ and text/",
                ann_dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no .ann files in {}", ann_dir.display());
    Ok(files)
}

pub fn run(dir: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let text_dir = dir.join("text");
    let files = polnear_annotations(dir)?;
    let stages = crate::code::available_stages(None, &[], &[])?;
    let pipeline = kestrel_core::Pipeline::select(
        stages,
        &["segment", "tag", "parse", "ner", "actors", "quotes"],
    )?;

    let mut exact = [Prf::default(), Prf::default(), Prf::default()];
    let mut overlap = [Prf::default(), Prf::default(), Prf::default()];
    let mut documents = 0;
    for ann in &files {
        let stem = ann
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        // "<article>_<annotator>.ann" annotates "<article>.txt".
        let article = stem.rsplit_once('_').map_or(stem.as_str(), |(a, _)| a);
        let text_path = text_dir.join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        let gold = read_ann(&std::fs::read_to_string(ann)?);
        let mut doc = kestrel_core::Document::new(article.to_string(), text.clone());
        pipeline.run(&mut doc);
        let offsets = CharOffsets::new(&doc.text);
        let span = |s: kestrel_core::Span| (offsets.char_at(s.start), offsets.char_at(s.end));
        let mut predicted = Roles::default();
        let mut by_cue: Vec<(kestrel_core::Span, usize)> = Vec::new();
        // The last direct quote: its paragraph and its content's place in the predictions.
        let mut last_direct: Option<(Option<usize>, usize)> = None;
        for (i, q) in doc.quotes.iter().enumerate() {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            // A partial quote inside another quote's content is part of that attribution.
            let inside = doc.quotes.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.kind != QuoteKind::Scare
                    && o.content.start <= q.content.start
                    && q.content.end <= o.content.end
            });
            if q.kind == QuoteKind::Partial && inside {
                continue;
            }
            // Quotes that share a cue are one attribution, whose content brat writes as one
            // (discontinuous) span: the parts of a quotation its attribution interrupts ("“...,”
            // she said, “...”"), the partial quotes of one verb ("called it “x” and “y”").
            // Likewise a quote with no cue of its own that continues the last direct quote's
            // speaker in the same paragraph ("“...,” he said. “...”").
            let paragraph = doc
                .paragraphs
                .iter()
                .position(|p| p.start <= q.content.start && q.content.start < p.end);
            let continues = (q.kind == QuoteKind::Direct && q.cue.is_none() && q.speaker.is_some())
                .then_some(last_direct)
                .flatten()
                .filter(|&(para, _)| para == paragraph)
                .map(|(_, at)| at);
            let part_of = q
                .cue
                .and_then(|c| by_cue.iter().find(|(cue, _)| *cue == c).map(|&(_, at)| at))
                .or(continues);
            match part_of {
                Some(at) => {
                    let (a, b) = predicted.spans[2][at];
                    let (c, d) = span(q.content);
                    predicted.spans[2][at] = (a.min(c), b.max(d));
                }
                None => {
                    if let Some(c) = q.cue {
                        by_cue.push((c, predicted.spans[2].len()));
                    }
                    predicted.spans[2].push(span(q.content));
                }
            }
            if q.kind == QuoteKind::Direct {
                let at = part_of.unwrap_or(predicted.spans[2].len() - 1);
                last_direct = Some((paragraph, at));
            }
            if let Some(sp) = &q.speaker {
                if !predicted.spans[0].contains(&span(sp.span)) {
                    predicted.spans[0].push(span(sp.span));
                }
            }
            if let Some(c) = q.cue {
                if !predicted.spans[1].contains(&span(c)) {
                    predicted.spans[1].push(span(c));
                }
            }
        }
        let chars: Vec<char> = text.chars().collect();
        for r in 0..3 {
            let (e, o) = score(&chars, &predicted.spans[r], &gold.spans[r]);
            let (p, g) = (predicted.spans[r].len(), gold.spans[r].len());
            exact[r].tp += e;
            exact[r].fp += p - e;
            exact[r].fn_ += g - e;
            overlap[r].tp += o;
            overlap[r].fp += p - o;
            overlap[r].fn_ += g - o;
        }
        documents += 1;
    }
    println!("{}: {documents} documents", dir.display());
    println!("  role      exact P / R / F1          overlap P / R / F1");
    for r in 0..3 {
        println!(
            "  {:<8}  {:.3} / {:.3} / {:.3}     {:.3} / {:.3} / {:.3}",
            ROLES[r],
            exact[r].precision(),
            exact[r].recall(),
            exact[r].f1(),
            overlap[r].precision(),
            overlap[r].recall(),
            overlap[r].f1()
        );
    }
    if json {
        let mut v = serde_json::Map::new();
        v.insert("task".into(), json!("quotes"));
        v.insert("dir".into(), json!(dir.display().to_string()));
        v.insert("documents".into(), json!(documents));
        for r in 0..3 {
            for (kind, prf) in [("exact", &exact[r]), ("overlap", &overlap[r])] {
                v.insert(
                    format!("{}_{kind}", ROLES[r]),
                    json!({
                        "precision": crate::eval::round(prf.precision()),
                        "recall": crate::eval::round(prf.recall()),
                        "f1": crate::eval::round(prf.f1()),
                        "tp": prf.tp, "fp": prf.fp, "fn": prf.fn_,
                    }),
                );
            }
        }
        println!("{}", serde_json::Value::Object(v));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_and_scoring() {
        let ann = "T1\tSource 0 5\tGhana\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tx\nT4\tAttribution 6 10\tsaid\nE1\tAttribution:T4\n";
        let roles = read_ann(ann);
        assert_eq!(roles.spans[0], [(0, 5)]);
        assert_eq!(roles.spans[2], [(11, 30)]);
        let chars: Vec<char> = "Ghana said, \"it is over.\"".chars().collect();
        // Trimming makes `"it is over."` and `it is over` the same span.
        assert_eq!(score(&chars, &[(12, 25)], &[(13, 23)]), (1, 1));
        assert_eq!(score(&chars, &[(0, 4)], &[(0, 5)]), (0, 1));
        assert_eq!(score(&chars, &[(6, 10)], &[(0, 5)]), (0, 0));
    }
}
