//! `kestrel eval dedup FILE.jsonl`: event deduplication against articles with the true event
//! group of each event sentence (data/eval/dedup.jsonl).
//!
//! The articles go through the whole pipeline into a store in memory. Each gold mention is
//! matched to the first event Kestrel coded in the sentence that contains the gold sentence;
//! pairs of matched mentions are then scored: a pair in one gold group and one Kestrel event is
//! right, a pair in one Kestrel event but two gold groups is a false merge, a pair in one gold
//! group but two Kestrel events a missed merge.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::{InputFormat, Inputs, ReadOptions};
use kestrel_store::{DedupRules, Store};
use serde_json::{json, Value};

struct GoldMention {
    doc: String,
    sentence: String,
    group: String,
}

/// Runs the evaluation under the given rules.
pub fn run(file: &Path, rules: DedupRules, json: bool, errors: bool) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut gold = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", file.display(), i + 1))?;
        let doc = v["id"].as_str().unwrap_or_default().to_string();
        for e in v["events"].as_array().into_iter().flatten() {
            gold.push(GoldMention {
                doc: doc.clone(),
                sentence: e["sentence"].as_str().unwrap_or_default().to_string(),
                group: e["group"].as_str().unwrap_or_default().to_string(),
            });
        }
    }
    anyhow::ensure!(!gold.is_empty(), "no gold events in {}", file.display());
    let pipeline = kestrel::standard_pipeline()?;
    let mut store = Store::open(Path::new(":memory:"))?;
    store.set_rules(rules.clone())?;
    let options = ReadOptions {
        format: InputFormat::Jsonl,
        ..ReadOptions::default()
    };
    let mut docs = Vec::new();
    for (_, item) in Inputs::new(&[file.to_path_buf()], options) {
        let mut doc = item.map_err(|e| anyhow::anyhow!("{e}"))?;
        let hash = kestrel_store::content_hash(&doc.text);
        pipeline.run(&mut doc);
        docs.push((doc, hash));
    }
    store.insert(&docs, &[])?;

    // Gold mention -> Kestrel event.
    let mut found: Vec<Option<i64>> = Vec::with_capacity(gold.len());
    let mut by_doc: HashMap<String, Vec<(i64, i64, String, String)>> = HashMap::new();
    for g in &gold {
        let mentions = match by_doc.get(&g.doc) {
            Some(m) => m,
            None => {
                let m = store.document_mentions(&g.doc)?;
                by_doc.entry(g.doc.clone()).or_insert(m)
            }
        };
        found.push(
            mentions
                .iter()
                .find(|(_, _, s, _)| s.contains(&g.sentence) || g.sentence.contains(s.as_str()))
                .map(|(e, _, _, _)| *e),
        );
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut wrong: Vec<String> = Vec::new();
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let (Some(a), Some(b)) = (found[i], found[j]) else {
                continue;
            };
            let same_gold = gold[i].group == gold[j].group;
            match (same_gold, a == b) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    wrong.push(format!(
                        "false merge\t{} {:?}\t{} {:?}",
                        gold[i].group, gold[i].sentence, gold[j].group, gold[j].sentence
                    ));
                }
                (true, false) => {
                    fn_ += 1;
                    wrong.push(format!(
                        "missed merge\t{} {:?}\t{:?}",
                        gold[i].group, gold[i].sentence, gold[j].sentence
                    ));
                }
                (false, false) => {}
            }
        }
    }
    if errors {
        for (g, f) in gold.iter().zip(&found) {
            if f.is_none() {
                println!("not coded\t{} {}\t{:?}", g.group, g.doc, g.sentence);
            }
        }
        for w in &wrong {
            println!("{w}");
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let scores = kestrel_core::eval::Prf { tp, fp, fn_ };
    let (precision, recall, f1) = (scores.precision(), scores.recall(), scores.f1());
    let coded = found.iter().filter(|f| f.is_some()).count();
    let groups: std::collections::HashSet<&str> = gold
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_some())
        .map(|(g, _)| g.group.as_str())
        .collect();
    let events: std::collections::HashSet<i64> = found.iter().flatten().copied().collect();
    println!(
        "{}: {} gold event mentions in {} articles; rules: window {} day(s), places {}",
        file.display(),
        gold.len(),
        docs.len(),
        rules.window_days,
        if rules.match_place {
            "matched"
        } else {
            "ignored"
        }
    );
    println!(
        "  coded by Kestrel         {coded} of {} ({:.3})",
        gold.len(),
        ratio(coded, gold.len())
    );
    println!(
        "  events                   {} Kestrel events for {} true ones",
        events.len(),
        groups.len()
    );
    println!("  pairwise precision       {precision:.3}  ({tp} right, {fp} false merges)");
    println!("  pairwise recall          {recall:.3}  ({fn_} missed merges)");
    println!("  pairwise F1              {f1:.3}");
    if json {
        println!(
            "{}",
            json!({"task": "dedup", "file": file.display().to_string(), "gold_mentions": gold.len(),
                   "coded": coded, "true_events": groups.len(), "kestrel_events": events.len(),
                   "window_days": rules.window_days, "match_place": rules.match_place,
                   "precision": crate::eval::round(precision), "recall": crate::eval::round(recall),
                   "f1": crate::eval::round(f1)})
        );
    }
    Ok(ExitCode::SUCCESS)
}
