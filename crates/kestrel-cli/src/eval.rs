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

pub(crate) fn round(x: f64) -> f64 {
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

pub fn ud(
    file: &Path,
    raw: bool,
    json: bool,
    models: Option<&Path>,
    predictions: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let sentences = kestrel_core::conllu::parse(&content)
        .with_context(|| format!("{} is not valid CoNLL-U", file.display()))?;
    let models = match models {
        Some(dir) => std::sync::Arc::new(kestrel_nlp::Models::from_dir(dir)?),
        None => kestrel_nlp::Models::builtin()?,
    };
    let s = match predictions {
        Some(out) => {
            let predicted = kestrel_nlp::evaluate::predict_ud(&models, &sentences);
            std::fs::write(out, kestrel_core::conllu::write(&predicted))
                .with_context(|| format!("cannot write {}", out.display()))?;
            kestrel_nlp::evaluate::score_ud(&sentences, &predicted)
        }
        None => kestrel_nlp::evaluate::evaluate_ud(&models, &sentences, raw),
    };
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

pub fn ner(
    file: &Path,
    json: bool,
    model: Option<&Path>,
    errors: bool,
    pipeline: bool,
) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    // Sentences with the document they stand in (a treebank's; none for an IOB2 file).
    let (sentences, documents): (Vec<_>, Vec<_>) =
        if file.extension().is_some_and(|e| e == "conllu") {
            if !content.contains("Entity=") {
                anyhow::bail!(
                    "{} has no Entity= annotations in its MISC column; give a .iob2 file, or a \
                     treebank that marks entities (UD English-GUM)",
                    file.display()
                );
            }
            crate::ner_gold::named_entity_sentences(&content)
                .into_iter()
                .map(|(document, s)| (s, Some(document)))
                .unzip()
        } else {
            kestrel_nlp::ner::parse_iob2(&content)
                .into_iter()
                .map(|s| (s, None))
                .unzip()
        };
    let ner = match model {
        Some(path) => std::sync::Arc::new(kestrel_nlp::Ner::from_file(path)?),
        None => kestrel_nlp::Ner::builtin()?,
    };
    let models = kestrel_nlp::Models::builtin()?;
    // Each sentence's mentions: the recogniser's, or the pipeline's, which reads a treebank's
    // documents whole, as `kestrel code` reads a story (an IOB2 file's sentences one by one).
    let mut predictions: Vec<Vec<(std::ops::Range<usize>, kestrel_core::EntityKind)>> =
        Vec::with_capacity(sentences.len());
    if pipeline {
        let stages: Vec<Box<dyn kestrel_core::Stage>> = vec![
            Box::new(kestrel_nlp::TagStage::new(models.clone())),
            Box::new(kestrel_nlp::ParseStage::new(models.clone())),
            Box::new(kestrel_nlp::NerStage::new(ner.clone())),
            Box::new(kestrel_actors::ActorStage::new(kestrel::actor_dictionary(
                &[],
            )?)),
        ];
        let mut first = 0;
        while first < sentences.len() {
            let mut end = first + 1;
            while end < sentences.len()
                && documents[end].is_some()
                && documents[end] == documents[first]
            {
                end += 1;
            }
            let mut doc = document_of_sentences(&sentences[first..end]);
            for stage in &stages {
                stage.process(&mut doc);
            }
            let mut found = vec![Vec::new(); end - first];
            for e in doc
                .entities
                .iter()
                .filter(|e| e.mention == kestrel_core::MentionKind::Name)
            {
                let offset = doc.sentences[e.sentence].tokens.start;
                found[e.sentence].push((e.tokens.start - offset..e.tokens.end - offset, e.kind));
            }
            predictions.extend(found);
            first = end;
        }
    } else {
        for s in &sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags: Vec<&str> = models.tagger.tag(&words).into_iter().map(|t| t.1).collect();
            predictions.push(
                ner.recognise(&words, &tags)
                    .into_iter()
                    .map(|m| (m.tokens, m.kind))
                    .collect(),
            );
        }
    }
    let score = |subset: &[usize]| {
        let gold: Vec<kestrel_nlp::ner::NerSentence> =
            subset.iter().map(|&i| sentences[i].clone()).collect();
        let mut next = subset.iter();
        kestrel_nlp::ner::evaluate_with(&gold, |_| {
            predictions[*next.next().expect("one prediction a sentence")].clone()
        })
    };
    // A treebank of several genres is scored on each too (GUM's news is nearest to PUD's).
    let mut by_genre: std::collections::BTreeMap<&str, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, document) in documents.iter().enumerate() {
        if let Some(document) = document {
            by_genre
                .entry(crate::ner_gold::genre(document))
                .or_default()
                .push(i);
        }
    }
    if by_genre.len() < 2 {
        by_genre.clear();
    }
    let s = score(&(0..sentences.len()).collect::<Vec<_>>());
    let prf = |(tp, fp, fn_): (usize, usize, usize)| Prf { tp, fp, fn_ };
    if errors {
        for (what, t, words) in &s.errors {
            println!("{what}\t{t}\t{words}");
        }
    }
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
    let mut per_genre = serde_json::Map::new();
    for (genre, group) in &by_genre {
        let p = prf(score(group).overall);
        println!(
            "  genre {genre:<12} precision {:.2}  recall {:.2}  F1 {:.2}  ({} sentences)",
            100.0 * p.precision(),
            100.0 * p.recall(),
            100.0 * p.f1(),
            group.len()
        );
        let mut v = prf_json(&p);
        v["sentences"] = json!(group.len());
        per_genre.insert(genre.to_string(), v);
    }
    if json {
        let mut v = json!({
            "task": "ner",
            "file": file.display().to_string(),
            "scored": if pipeline { "pipeline" } else { "recogniser" },
            "sentences": sentences.len(),
            "precision": round(all.precision()), "recall": round(all.recall()), "f1": round(all.f1()),
            "per_type": per_type,
        });
        if !per_genre.is_empty() {
            v["per_genre"] = serde_json::Value::Object(per_genre);
        }
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A document of these sentences' words, separated by spaces as the treebank splits them,
/// one sentence a line.
fn document_of_sentences(sentences: &[kestrel_nlp::ner::NerSentence]) -> kestrel_core::Document {
    let text = sentences
        .iter()
        .map(|s| s.words.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut doc = kestrel_core::Document::new("document", text);
    let mut at = 0;
    for sentence in sentences {
        let (first, start) = (doc.tokens.len(), at);
        for w in &sentence.words {
            doc.tokens.push(kestrel_core::Token {
                span: kestrel_core::Span::new(at, at + w.len()),
                joined_to_previous: false,
                upos: None,
                xpos: None,
                lemma: None,
                feats: None,
                head: None,
                deprel: None,
            });
            at += w.len() + 1;
        }
        doc.sentences.push(kestrel_core::Sentence {
            span: kestrel_core::Span::new(start, at.saturating_sub(1).max(start)),
            tokens: first..doc.tokens.len(),
        });
    }
    doc
}

/// PLOVER 0.5 names in the gold file, as PLOVER 2.0 types.
fn plover_type_from_gold(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// CAMEO country codes that differ from ISO 3166 alpha-3.
fn iso_from_cameo(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "ROM" => "ROU",
        "DRC" => "COD",
        "GMW" => "DEU",
        other => other,
    }
}

fn gold_codes(v: Option<&serde_json::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("code").and_then(|c| c.as_str()))
                .filter(|c| !c.is_empty())
                .map(|c| iso_from_cameo(c).to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A predicted code matches a gold one when they are equal, or when gold names only the kind
/// of international actor (`IGO`, `NGO`, `IMG`) and the prediction is one of that kind.
fn code_matches(predicted: &str, gold: &str) -> bool {
    predicted == gold
        || (gold.len() == 3 && predicted.starts_with(gold) && matches!(gold, "IGO" | "NGO" | "IMG"))
}

fn any_match(predicted: &[kestrel_core::Participant], gold: &[String]) -> bool {
    predicted.iter().any(|p| {
        p.code
            .as_deref()
            .is_some_and(|c| gold.iter().any(|g| code_matches(c, g)))
    })
}

/// Depth of an event's trigger in its sentence's tree (0 for the root), to pick the main
/// event of a sentence.
fn trigger_depth(doc: &kestrel_core::Document, e: &kestrel_core::Event) -> usize {
    let s = &doc.sentences[e.sentence];
    let toks = doc.sentence_tokens(s);
    let Some(mut i) = toks.iter().position(|t| t.span == e.trigger) else {
        return usize::MAX;
    };
    let mut depth = 0;
    while let Some(h) = toks[i].head {
        if depth > toks.len() {
            break;
        }
        i = h;
        depth += 1;
    }
    depth
}

pub fn plover(
    file: &Path,
    json: bool,
    errors: bool,
    models: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    use std::collections::BTreeMap;
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let records: Vec<serde_json::Value> = serde_json::from_str(&content)
        .with_context(|| format!("{} is not a JSON array of PLOVER records", file.display()))?;
    let stages = crate::code::available_stages(models, &[], &[])?;
    let pipeline = kestrel_core::Pipeline::select(
        stages,
        &[
            "segment", "tag", "parse", "ner", "actors", "quotes", "dates", "amounts", "places",
            "events",
        ],
    )?;
    let mut n = 0usize;
    let (mut type_correct, mut predicted_events, mut event_tp) = (0usize, 0usize, 0usize);
    let (mut actor_total, mut actor_correct, mut actor_coded, mut actor_coded_correct) =
        (0, 0, 0, 0);
    let (mut recipient_total, mut recipient_correct) = (0usize, 0usize);
    let mut no_event = 0usize;
    // type -> (tp, fp, fn)
    let mut per_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for t in kestrel_events::PLOVER_TYPES {
        per_type.insert(t.to_string(), (0, 0, 0));
    }
    for r in &records {
        let Some(gold_name) = r.get("event").and_then(|e| e.as_str()) else {
            continue;
        };
        if gold_name == "DOCUMENT" {
            continue;
        }
        let Some(text) = r.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        n += 1;
        let gold_type = plover_type_from_gold(gold_name).to_string();
        let sources = gold_codes(r.get("source"));
        let targets = gold_codes(r.get("target"));
        let id = r
            .get("id")
            .and_then(|i| i.as_str())
            .unwrap_or("record")
            .to_string();
        let mut doc = kestrel_core::Document::new(id.clone(), text);
        doc.published = r.get("date").and_then(|d| d.as_str()).map(String::from);
        pipeline.run(&mut doc);
        predicted_events += doc.events.len();
        let main = doc
            .events
            .iter()
            .enumerate()
            .min_by_key(|(i, e)| (trigger_depth(&doc, e), *i))
            .map(|(_, e)| e);
        let predicted_type = main.map(|e| e.plover_type.clone());
        if predicted_type.as_deref() == Some(gold_type.as_str()) {
            type_correct += 1;
            per_type.entry(gold_type.clone()).or_default().0 += 1;
        } else {
            per_type.entry(gold_type.clone()).or_default().2 += 1;
            if let Some(p) = &predicted_type {
                per_type.entry(p.clone()).or_default().1 += 1;
            }
        }
        if main.is_none() {
            no_event += 1;
        }
        if !sources.is_empty() {
            actor_total += 1;
            if let Some(e) = main {
                actor_coded += 1;
                if any_match(&e.actors, &sources) {
                    actor_correct += 1;
                    actor_coded_correct += 1;
                }
            }
        }
        if !targets.is_empty() {
            recipient_total += 1;
            if main.is_some_and(|e| any_match(&e.recipients, &targets)) {
                recipient_correct += 1;
            }
        }
        // A gold event with no actor (violence by an unnamed perpetrator) is matched by a
        // prediction that names none either.
        let full = doc.events.iter().any(|e| {
            e.plover_type == gold_type
                && if sources.is_empty() {
                    e.actors.iter().all(|a| a.code.is_none())
                } else {
                    any_match(&e.actors, &sources)
                }
                && (targets.is_empty() || any_match(&e.recipients, &targets))
        });
        if full {
            event_tp += 1;
        }
        if errors && (!full || predicted_type.as_deref() != Some(gold_type.as_str())) {
            let got: Vec<String> = doc
                .events
                .iter()
                .map(|e| {
                    let codes = |ps: &[kestrel_core::Participant]| {
                        ps.iter()
                            .map(|p| p.code.clone().unwrap_or_else(|| "?".into()))
                            .collect::<Vec<_>>()
                            .join("+")
                    };
                    format!(
                        "{} {}->{} ({})",
                        e.plover_type,
                        codes(&e.actors),
                        codes(&e.recipients),
                        doc.slice(e.trigger)
                    )
                })
                .collect();
            println!(
                "{id}\tgold {gold_type} {}->{}\tgot [{}]",
                sources.join("+"),
                targets.join("+"),
                got.join("; ")
            );
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mut f1s = Vec::new();
    let mut per_type_json = serde_json::Map::new();
    for (t, &(tp, fp, fn_)) in &per_type {
        if tp + fn_ == 0 {
            continue; // a type the gold file does not have
        }
        let p = Prf { tp, fp, fn_ };
        f1s.push(p.f1());
        per_type_json.insert(t.clone(), prf_json(&p));
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let event = Prf {
        tp: event_tp,
        fp: predicted_events.saturating_sub(event_tp),
        fn_: n - event_tp,
    };
    println!("{}: {n} records", file.display());
    println!("  type accuracy        {:.3}", ratio(type_correct, n));
    println!(
        "  type macro F1        {macro_f1:.3}  ({} types)",
        f1s.len()
    );
    println!("  records with no event {no_event}");
    println!(
        "  actor country        {:.3} of records with gold actors; {:.3} of those coded",
        ratio(actor_correct, actor_total),
        ratio(actor_coded_correct, actor_coded)
    );
    println!(
        "  recipient country    {:.3} of records with gold recipients",
        ratio(recipient_correct, recipient_total)
    );
    println!(
        "  full event           precision {:.3}  recall {:.3}  F1 {:.3}",
        event.precision(),
        event.recall(),
        event.f1()
    );
    for (t, v) in &per_type_json {
        println!("    {t:<10} F1 {:.3}", v["f1"].as_f64().unwrap_or(0.0));
    }
    if json {
        let v = json!({
            "task": "plover",
            "file": file.display().to_string(),
            "records": n,
            "type_accuracy": round(ratio(type_correct, n)),
            "type_macro_f1": round(macro_f1),
            "records_without_event": no_event,
            "actor_country_accuracy": round(ratio(actor_correct, actor_total)),
            "actor_country_accuracy_coded": round(ratio(actor_coded_correct, actor_coded)),
            "recipient_country_accuracy": round(ratio(recipient_correct, recipient_total)),
            "event_precision": round(event.precision()),
            "event_recall": round(event.recall()),
            "event_f1": round(event.f1()),
            "per_type": per_type_json,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_of_sentences_keeps_each_sentences_words() {
        let sentence = |words: &[&str]| kestrel_nlp::ner::NerSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            labels: vec!["O".to_string(); words.len()],
        };
        let sentences = [sentence(&["Ama", "spoke", "."]), sentence(&["She", "left"])];
        let doc = document_of_sentences(&sentences);
        assert_eq!(doc.text, "Ama spoke .\nShe left");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].tokens, 3..5);
        let words: Vec<&str> = doc
            .tokens
            .iter()
            .map(|t| &doc.text[t.span.range()])
            .collect();
        assert_eq!(words, ["Ama", "spoke", ".", "She", "left"]);
        assert_eq!(&doc.text[doc.sentences[1].span.range()], "She left");
    }
}
