//! `kestrel eval ...`: scores against gold data. With `--json` the last line of standard
//! output is one JSON object of scores, as fractions in [0, 1].

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::clean::CleanerConfig;
use kestrel_core::eval::{evaluate_boilerplate, evaluate_segmentation, LabelledArticle, Prf};
use serde_json::json;

fn prf_json(p: &Prf) -> serde_json::Value {
    json!({"precision": round(p.precision()), "recall": round(p.recall()), "f1": round(p.f1()),
           "tp": p.tp, "fp": p.fp, "fn": p.fn_})
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub fn segment(file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let sentences = kestrel_core::conllu::parse(&content)
        .with_context(|| format!("{} is not valid CoNLL-U", file.display()))?;
    let s = evaluate_segmentation(&sentences);
    println!(
        "{}: {} documents, {} sentences",
        file.display(),
        s.documents,
        sentences.len()
    );
    for (name, p) in [
        ("sentences", &s.sentences),
        ("tokens", &s.tokens),
        ("words", &s.words),
    ] {
        println!(
            "  {name:<10} precision {:.2}  recall {:.2}  F1 {:.2}",
            100.0 * p.precision(),
            100.0 * p.recall(),
            100.0 * p.f1()
        );
    }
    if json {
        let v = json!({
            "task": "segment",
            "file": file.display().to_string(),
            "documents": s.documents,
            "sentence_f1": round(s.sentences.f1()),
            "token_f1": round(s.tokens.f1()),
            "word_f1": round(s.words.f1()),
            "sentences": prf_json(&s.sentences),
            "tokens": prf_json(&s.tokens),
            "words": prf_json(&s.words),
            "unaligned_gold_tokens": s.unaligned_gold_tokens,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn boilerplate(file: &Path, json: bool, errors: bool) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut articles = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let a: LabelledArticle = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a labelled article", file.display(), n + 1))?;
        articles.push(a);
    }
    let s = evaluate_boilerplate(&articles, &CleanerConfig::default())?;
    println!(
        "{}: {} articles, {} paragraphs, {} boilerplate",
        file.display(),
        s.articles,
        s.paragraphs,
        s.counts.tp + s.counts.fn_
    );
    println!(
        "  boilerplate precision {:.2}  recall {:.2}  F1 {:.2}  kind accuracy {:.2}",
        100.0 * s.counts.precision(),
        100.0 * s.counts.recall(),
        100.0 * s.counts.f1(),
        100.0 * s.kind_accuracy
    );
    for (kind, (found, total)) in &s.recall_by_kind {
        println!("  {kind:<13} {found}/{total}");
    }
    if errors {
        for (id, gold, predicted, text) in &s.errors {
            println!("  {id}: labelled {gold}, predicted {predicted}: {text}");
        }
    }
    if json {
        let v = json!({
            "task": "boilerplate",
            "file": file.display().to_string(),
            "articles": s.articles,
            "paragraphs": s.paragraphs,
            "precision": round(s.counts.precision()),
            "recall": round(s.counts.recall()),
            "f1": round(s.counts.f1()),
            "kind_accuracy": round(s.kind_accuracy),
            "tp": s.counts.tp, "fp": s.counts.fp, "fn": s.counts.fn_,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn ud(file: &Path, raw: bool, json: bool, models: Option<&Path>) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let sentences = kestrel_core::conllu::parse(&content)
        .with_context(|| format!("{} is not valid CoNLL-U", file.display()))?;
    let models = match models {
        Some(dir) => std::sync::Arc::new(kestrel_nlp::Models::from_dir(dir)?),
        None => kestrel_nlp::Models::builtin()?,
    };
    let s = kestrel_nlp::evaluate::evaluate_ud(&models, &sentences, raw);
    println!(
        "{}: {} sentences, {} gold words, {}",
        file.display(),
        sentences.len(),
        s.gold_words,
        if raw {
            "from raw text"
        } else {
            "from gold words"
        }
    );
    for (name, v) in [
        ("UPOS", s.upos),
        ("XPOS", s.xpos),
        ("lemma", s.lemma),
        ("UFeats", s.ufeats),
        ("UAS", s.uas),
        ("LAS", s.las),
        ("words", s.words),
        ("sentences", s.sentences),
    ] {
        println!("  {name:<10} {:.2}", 100.0 * v);
    }
    if json {
        let v = json!({
            "task": "ud",
            "file": file.display().to_string(),
            "raw": raw,
            "gold_words": s.gold_words,
            "predicted_words": s.predicted_words,
            "upos": round(s.upos), "xpos": round(s.xpos), "lemma": round(s.lemma),
            "ufeats": round(s.ufeats), "uas": round(s.uas), "las": round(s.las),
            "words": round(s.words), "sentences": round(s.sentences),
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn ner(file: &Path, json: bool, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let sentences = kestrel_nlp::ner::parse_iob2(&content);
    let ner = match model {
        Some(path) => std::sync::Arc::new(kestrel_nlp::Ner::from_file(path)?),
        None => kestrel_nlp::Ner::builtin()?,
    };
    let models = kestrel_nlp::Models::builtin()?;
    let s = kestrel_nlp::ner::evaluate(&ner, &models.tagger, &sentences);
    let prf = |(tp, fp, fn_): (usize, usize, usize)| Prf { tp, fp, fn_ };
    println!("{}: {} sentences", file.display(), sentences.len());
    let mut per_type = serde_json::Map::new();
    for (t, counts) in &s.per_type {
        let p = prf(*counts);
        println!(
            "  {t:<8} precision {:.2}  recall {:.2}  F1 {:.2}",
            100.0 * p.precision(),
            100.0 * p.recall(),
            100.0 * p.f1()
        );
        per_type.insert(t.clone(), prf_json(&p));
    }
    let all = prf(s.overall);
    println!(
        "  overall  precision {:.2}  recall {:.2}  F1 {:.2}",
        100.0 * all.precision(),
        100.0 * all.recall(),
        100.0 * all.f1()
    );
    if json {
        let v = json!({
            "task": "ner",
            "file": file.display().to_string(),
            "sentences": sentences.len(),
            "precision": round(all.precision()), "recall": round(all.recall()), "f1": round(all.f1()),
            "per_type": per_type,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}
