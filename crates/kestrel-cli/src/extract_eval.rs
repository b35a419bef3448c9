//! `kestrel eval extract ARCHIVE`: main-text extraction from HTML pages, scored by
//! trafilatura's own method: each page lists snippets the main text must contain ("with")
//! and must not ("without").

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::clean::CleanerConfig;
use serde_json::json;

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the evaluation over a `.tar.gz` holding `evaldata.json` and `eval/*.html`.
pub fn run(
    archive: &Path,
    json: bool,
    errors: bool,
    dump: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = dump {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    let file = std::fs::File::open(archive)
        .with_context(|| format!("cannot open {}", archive.display()))?;
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut pages: HashMap<String, Vec<u8>> = HashMap::new();
    let mut evaldata: Option<serde_json::Value> = None;
    for entry in tar.entries().context("not a tar.gz archive")? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        if path.ends_with("evaldata.json") {
            evaldata = Some(serde_json::from_slice(&bytes).context("evaldata.json is not JSON")?);
        } else if let Some(name) = path.rsplit('/').next().filter(|n| n.ends_with(".html")) {
            pages.insert(name.to_string(), bytes);
        }
    }
    let evaldata = evaldata.context("the archive has no evaldata.json")?;
    let entries = evaldata
        .as_object()
        .context("evaldata.json must map URLs to expectations")?;
    let cleaner = CleanerConfig::default();
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut fields: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut scored = 0usize;
    let mut failed = 0usize;
    let started = std::time::Instant::now();
    let mut urls: Vec<&String> = entries.keys().collect();
    urls.sort();
    for url in urls {
        let expect = &entries[url];
        let Some(bytes) = expect["file"].as_str().and_then(|f| pages.get(f)) else {
            continue;
        };
        scored += 1;
        let (html, _) = kestrel_web::decode_html(bytes);
        let page = kestrel_web::extract(&html, Some(url)).unwrap_or_else(|_| {
            failed += 1;
            kestrel_web::Page::default()
        });
        // Kestrel's own boilerplate filter runs on what the extractor kept.
        let mut doc = kestrel_core::Document::new(url.clone(), page.text.clone());
        kestrel_core::clean::clean(&mut doc, &cleaner);
        if let Some(dir) = dump {
            let name = expect["file"].as_str().unwrap_or_default();
            std::fs::write(dir.join(format!("{name}.extracted.txt")), &page.text)?;
            std::fs::write(dir.join(format!("{name}.txt")), &doc.text)?;
        }
        let text = normalise(&doc.text);
        let mut misses = Vec::new();
        for snippet in expect["with"].as_array().into_iter().flatten() {
            let s = normalise(snippet.as_str().unwrap_or(""));
            if text.contains(&s) {
                tp += 1;
            } else {
                fn_ += 1;
                misses.push(format!("missing {s:?}"));
            }
        }
        for snippet in expect["without"].as_array().into_iter().flatten() {
            let s = normalise(snippet.as_str().unwrap_or(""));
            if text.contains(&s) {
                fp += 1;
                misses.push(format!("kept {s:?}"));
            } else {
                tn += 1;
            }
        }
        let checks: [(&str, Option<String>); 3] = [
            (
                "date",
                page.published
                    .as_deref()
                    .map(|d| d.chars().take(10).collect()),
            ),
            ("title", page.title.as_deref().map(normalise)),
            ("author", page.author.as_deref().map(normalise)),
        ];
        for (field, got) in checks {
            let Some(gold) = expect
                .get(field)
                .and_then(|v| v.as_str())
                .filter(|g| !g.trim().is_empty())
            else {
                continue;
            };
            let slot = fields.entry(field).or_default();
            slot.1 += 1;
            let ok = got.as_deref().is_some_and(|g| match field {
                "author" => g.eq_ignore_ascii_case(&normalise(gold)),
                _ => g == normalise(gold),
            });
            if ok {
                slot.0 += 1;
            } else {
                misses.push(format!("{field} {got:?} for {gold:?}"));
            }
        }
        if errors && !misses.is_empty() {
            println!("{url}\t{}", misses.join("; "));
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let scores = kestrel_core::eval::Prf { tp, fp, fn_ };
    let (precision, recall, f1) = (scores.precision(), scores.recall(), scores.f1());
    let accuracy = ratio(tp + tn, tp + tn + fp + fn_);
    println!(
        "{}: {scored} pages ({failed} with no article found)",
        archive.display()
    );
    println!("  main text  precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}  accuracy {accuracy:.3}");
    let mut field_json = serde_json::Map::new();
    for field in ["date", "title", "author"] {
        let (ok, n) = fields.get(field).copied().unwrap_or_default();
        println!("  {field:<9}  {:.3}  ({ok}/{n} exact)", ratio(ok, n));
        field_json.insert(
            field.to_string(),
            json!({"accuracy": crate::eval::round(ratio(ok, n)), "correct": ok, "pages": n}),
        );
    }
    println!(
        "  {:.0} pages per second on one thread, extraction and cleaning (not a benchmark)",
        scored as f64 / elapsed.max(1e-9)
    );
    if json {
        let v = json!({
            "task": "extract",
            "archive": archive.display().to_string(),
            "pages": scored,
            "no_article": failed,
            "precision": crate::eval::round(precision),
            "recall": crate::eval::round(recall),
            "f1": crate::eval::round(f1),
            "accuracy": crate::eval::round(accuracy),
            "tp": tp, "fp": fp, "fn": fn_, "tn": tn,
            "fields": field_json,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}
