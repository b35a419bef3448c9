//! `kestrel eval amounts FILE`: money against Microsoft Recognizers-Text's currency test cases
//! (a JSON list of `{Input, Results: [{Text, Start, End, Resolution: {value, unit}}]}`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::eval::Prf;
use kestrel_core::{AmountKind, Stage};
use serde_json::json;

/// Runs the evaluation: an expected amount is found when a money amount overlaps it; its
/// value is right when the numbers are equal.
pub fn run(file: &Path, json: bool, errors: bool) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let cases: Vec<serde_json::Value> = serde_json::from_str(&content)
        .with_context(|| format!("{} is not a JSON list of test cases", file.display()))?;
    let (mut found, mut valued) = (Prf::default(), Prf::default());
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        let mut doc = kestrel_core::Document::new("case", input);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        kestrel_amounts::AmountStage.process(&mut doc);
        let offsets = kestrel_core::output::CharOffsets::new(&doc.text);
        let predicted: Vec<(usize, usize, f64)> = doc
            .amounts
            .iter()
            .filter(|a| a.kind == AmountKind::Money)
            .map(|a| {
                (
                    offsets.char_at(a.span.start),
                    offsets.char_at(a.span.end),
                    a.value,
                )
            })
            .collect();
        let expected: Vec<(usize, usize, f64)> = case["Results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| {
                let start = r["Start"].as_u64()? as usize;
                let end = r["End"].as_u64()? as usize + 1;
                let value = r["Resolution"]["value"].as_str()?.parse().ok()?;
                Some((start, end, value))
            })
            .collect();
        let mut used = vec![false; expected.len()];
        for &(a, b, v) in &predicted {
            let hit =
                (0..expected.len()).find(|&i| !used[i] && expected[i].0 < b && a < expected[i].1);
            match hit {
                Some(i) => {
                    used[i] = true;
                    found.tp += 1;
                    if (expected[i].2 - v).abs() < 1e-6 * expected[i].2.abs().max(1.0) {
                        valued.tp += 1;
                    } else {
                        valued.fp += 1;
                        valued.fn_ += 1;
                        if errors {
                            println!("{input}\tgot {v} expected {}", expected[i].2);
                        }
                    }
                }
                None => {
                    found.fp += 1;
                    valued.fp += 1;
                }
            }
        }
        let missed = used.iter().filter(|u| !**u).count();
        found.fn_ += missed;
        valued.fn_ += missed;
        if errors && missed > 0 {
            println!("{input}\tmissed {missed}");
        }
    }
    println!("{}: {} cases", file.display(), cases.len());
    for (name, p) in [("money found", &found), ("money value", &valued)] {
        println!(
            "  {name:<12} precision {:.3}  recall {:.3}  F1 {:.3}",
            p.precision(),
            p.recall(),
            p.f1()
        );
    }
    if json {
        let prf = |p: &Prf| {
            json!({"precision": crate::eval::round(p.precision()), "recall": crate::eval::round(p.recall()),
                   "f1": crate::eval::round(p.f1()), "tp": p.tp, "fp": p.fp, "fn": p.fn_})
        };
        println!(
            "{}",
            json!({"task": "amounts", "file": file.display().to_string(), "cases": cases.len(),
                   "found": prf(&found), "value": prf(&valued)})
        );
    }
    Ok(ExitCode::SUCCESS)
}
