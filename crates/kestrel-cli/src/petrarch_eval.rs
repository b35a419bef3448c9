//! `kestrel eval petrarch`: codes a PETRARCH validation file with PETRARCH-format dictionaries
//! through Kestrel's own segmenter, tagger, parser and coder, and scores the (source, target,
//! code) triples against the file's expected codings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use kestrel_actors::petrarch::{
    code_petrarch_actors, PetrarchActors, PetrarchAgents, PetrarchDiscards,
};
use kestrel_events::petrarch::PetrarchVerbs;
use quick_xml::events::Event as XmlEvent;
use serde_json::json;

/// The dictionaries to code with.
pub struct Dictionaries {
    /// The verb file (`CAMEO.2.0.txt` or a validation suite's).
    pub verbs: Option<PathBuf>,
    /// Actor files.
    pub actors: Vec<PathBuf>,
    /// The agent file.
    pub agents: Option<PathBuf>,
    /// The discard file.
    pub discards: Option<PathBuf>,
    /// A directory of tagger and parser models to parse with instead of the built-in ones.
    pub models: Option<PathBuf>,
}

/// What a record expects.
#[derive(Debug)]
enum Expected {
    /// These events (an empty set: no event).
    Events(BTreeSet<Triple>),
    /// A record that tests something Kestrel does not do (PETRARCH's parse-error and dateline
    /// handling); not scored.
    NotScored(String),
}

type Triple = (String, String, String);

#[derive(Debug)]
struct Record {
    id: String,
    category: String,
    date: Option<String>,
    text: String,
    expected: Expected,
}

/// The `<Environment>` entries: element name and text (`Verbfile`, `PETR_Validate_...`).
type Environment = Vec<(String, String)>;

/// Reads the records and the `<Environment>` file names.
fn read_records(xml: &str) -> anyhow::Result<(Vec<Record>, Environment)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    // The suites leave some elements (`<PLEvent ...>`) unclosed.
    reader.config_mut().check_end_names = false;
    let mut records = Vec::new();
    let mut environment = Vec::new();
    let mut current: Option<Record> = None;
    let mut triples = BTreeSet::new();
    let mut not_scored: Option<String> = None;
    let mut field: Option<String> = None;
    let mut in_environment = false;
    loop {
        let event = reader.read_event().with_context(|| {
            format!(
                "the validation file is not readable XML near byte {}",
                reader.buffer_position()
            )
        })?;
        match event {
            XmlEvent::Eof => break,
            XmlEvent::Start(e) | XmlEvent::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                let mut attrs = std::collections::HashMap::new();
                for a in e.attributes().with_checks(false).flatten() {
                    let key = String::from_utf8_lossy(a.key.as_ref()).trim().to_string();
                    let value = a
                        .unescape_value()
                        .map(|v| v.to_string())
                        .unwrap_or_default();
                    attrs.insert(key, value.trim().to_string());
                }
                match name.as_str() {
                    "Environment" => in_environment = true,
                    "Sentence" => {
                        triples = BTreeSet::new();
                        not_scored = attrs
                            .get("evaluate")
                            .filter(|v| v.eq_ignore_ascii_case("false"))
                            .map(|_| "marked evaluate=\"false\"".to_string());
                        current = Some(Record {
                            id: attrs.get("id").cloned().unwrap_or_default(),
                            category: attrs.get("category").cloned().unwrap_or_default(),
                            date: attrs.get("date").cloned(),
                            text: String::new(),
                            expected: Expected::Events(BTreeSet::new()),
                        });
                    }
                    "EventCoding" => {
                        if let Some(error) = attrs.get("error") {
                            // Discards expect nothing; parse and dateline errors are
                            // PETRARCH's own.
                            if !error.ends_with("discard") {
                                not_scored = Some(format!("expects PETRARCH error {error}"));
                            }
                        } else if let (Some(code), Some(source), Some(target)) = (
                            attrs.get("eventcode"),
                            attrs.get("sourcecode"),
                            attrs.get("targetcode"),
                        ) {
                            triples.insert((source.clone(), target.clone(), code.clone()));
                        }
                    }
                    _ if in_environment || current.is_some() => field = Some(name),
                    _ => {}
                }
            }
            XmlEvent::Text(t) => {
                let Some(f) = &field else { continue };
                let text = t.unescape().map(|s| s.to_string()).unwrap_or_default();
                if f == "Text" {
                    if let Some(r) = current.as_mut() {
                        r.text.push_str(&text);
                    }
                } else if in_environment {
                    environment.push((f.clone(), text.trim().to_string()));
                }
            }
            XmlEvent::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                match name.as_str() {
                    "Environment" => in_environment = false,
                    "Sentence" => {
                        if let Some(mut r) = current.take() {
                            r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
                            r.expected = match not_scored.take() {
                                Some(why) => Expected::NotScored(why),
                                None => Expected::Events(std::mem::take(&mut triples)),
                            };
                            records.push(r);
                        }
                    }
                    _ => {}
                }
                field = None;
            }
            _ => {}
        }
    }
    Ok((records, environment))
}

/// Finds a dictionary the file's `<Environment>` names, beside the file or in `../dicts` and
/// `../dicts/petrarch2`, as the shared data lays them out.
fn environment_file(file: &Path, environment: &[(String, String)], key: &str) -> Option<PathBuf> {
    let name = &environment.iter().find(|(k, _)| k == key)?.1;
    let dir = file.parent().unwrap_or(Path::new("."));
    [
        dir.join(name),
        dir.join("../dicts").join(name),
        dir.join("../dicts/petrarch2").join(name),
    ]
    .into_iter()
    .find(|p| p.exists())
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Runs the evaluation.
pub fn run(
    file: &Path,
    dictionaries: Dictionaries,
    json: bool,
    errors: bool,
    monadic: bool,
) -> anyhow::Result<ExitCode> {
    let xml = read(file)?;
    let (records, environment) = read_records(&xml)?;
    anyhow::ensure!(
        !records.is_empty(),
        "{} has no <Sentence> records; is it a PETRARCH validation file?",
        file.display()
    );
    let find = |given: Option<PathBuf>, key: &str, flag: &str| -> anyhow::Result<PathBuf> {
        given
            .or_else(|| environment_file(file, &environment, key))
            .with_context(|| {
                format!("no {key} given and none found from the file's <Environment>; pass {flag}")
            })
    };
    let verbs_path = find(dictionaries.verbs, "Verbfile", "--verbs FILE")?;
    let actor_paths = if dictionaries.actors.is_empty() {
        vec![find(None, "Actorfile", "--actors FILE")?]
    } else {
        dictionaries.actors
    };
    let agents_path = find(dictionaries.agents, "Agentfile", "--agents FILE")?;
    let discards_path = dictionaries
        .discards
        .or_else(|| environment_file(file, &environment, "Discardfile"));

    let mut cameo = kestrel_events::CameoTable::builtin();
    let verbs = PetrarchVerbs::read(
        &read(&verbs_path)?,
        &verbs_path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        &mut cameo,
    );
    let mut actors = PetrarchActors::default();
    for p in &actor_paths {
        actors.add_text(&read(p)?);
    }
    let mut agents = PetrarchAgents::default();
    agents.add_text(&read(&agents_path)?);
    let mut discards = PetrarchDiscards::default();
    if let Some(p) = &discards_path {
        discards.add_text(&read(p)?);
    }
    let stages = crate::code::available_stages(dictionaries.models.as_deref(), &[], &[])?;
    let coder = PetrarchCoder {
        pipeline: kestrel_core::Pipeline::select(stages, &["segment", "tag", "parse"])?,
        verbs,
        cameo,
        actors,
        agents,
        discards,
        monadic,
    };

    let (mut scored, mut passed, mut tp, mut fp, mut fn_) = (0usize, 0usize, 0, 0, 0);
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut per_category: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for r in &records {
        let expected = match &r.expected {
            Expected::Events(t) => t,
            Expected::NotScored(why) => {
                skipped.push((r.id.clone(), why.clone()));
                continue;
            }
        };
        let coded = coder.code(r);
        let got = coded.triples;
        scored += 1;
        let hits = got.intersection(expected).count();
        tp += hits;
        fp += got.len() - hits;
        fn_ += expected.len() - hits;
        let ok = got == *expected;
        let slot = per_category.entry(r.category.clone()).or_default();
        slot.1 += 1;
        if ok {
            passed += 1;
            slot.0 += 1;
        } else if errors {
            let show = |s: &BTreeSet<Triple>| {
                if s.is_empty() {
                    "(none)".to_string()
                } else {
                    s.iter()
                        .map(|(a, b, c)| format!("{a}->{b} {c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            let why = match &coded.discarded {
                Some(phrase) => format!("discarded for {phrase:?}"),
                None => format!("actors [{}]", coded.actors.join(", ")),
            };
            println!(
                "{}\texpected {}\tgot {}\t{why}\t{}",
                r.id,
                show(expected),
                show(&got),
                r.text
            );
        }
    }
    let events = kestrel_core::eval::Prf { tp, fp, fn_ };
    let pass_rate = if scored == 0 {
        0.0
    } else {
        passed as f64 / scored as f64
    };
    println!(
        "{}: {} records, {scored} scored ({} not: PETRARCH-only error cases or evaluate=\"false\")",
        file.display(),
        records.len(),
        skipped.len()
    );
    println!(
        "  dictionaries: {} ({} patterns, {} left out), {} actor entries, {} agent phrases",
        verbs_path.display(),
        coder.verbs.patterns,
        coder.verbs.skipped,
        coder.actors.len(),
        coder.agents.len()
    );
    println!("  exact-match pass rate {pass_rate:.3}  ({passed}/{scored})");
    println!(
        "  events                precision {:.3}  recall {:.3}  F1 {:.3}",
        events.precision(),
        events.recall(),
        events.f1()
    );
    for (c, (ok, n)) in &per_category {
        println!("    {c:<10} {ok}/{n}");
    }
    if json {
        let categories: serde_json::Map<String, serde_json::Value> = per_category
            .iter()
            .map(|(c, (ok, n))| (c.clone(), json!({"passed": ok, "records": n})))
            .collect();
        let v = json!({
            "task": "petrarch",
            "file": file.display().to_string(),
            "records": records.len(),
            "scored": scored,
            "passed": passed,
            "pass_rate": crate::eval::round(pass_rate),
            "event_precision": crate::eval::round(events.precision()),
            "event_recall": crate::eval::round(events.recall()),
            "event_f1": crate::eval::round(events.f1()),
            "tp": tp, "fp": fp, "fn": fn_,
            "patterns": coder.verbs.patterns,
            "patterns_left_out": coder.verbs.skipped,
            "per_category": categories,
        });
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Everything needed to code a record the PETRARCH way.
struct PetrarchCoder {
    pipeline: kestrel_core::Pipeline,
    verbs: PetrarchVerbs,
    cameo: kestrel_events::CameoTable,
    actors: PetrarchActors,
    agents: PetrarchAgents,
    discards: PetrarchDiscards,
    monadic: bool,
}

/// What coding one record gave.
struct Coded {
    triples: BTreeSet<Triple>,
    /// The coded noun phrases, as `text=CODE`, for error listings.
    actors: Vec<String>,
    /// The discard phrase that silenced the record, if any.
    discarded: Option<String>,
}

impl PetrarchCoder {
    /// Codes one record into PETRARCH's (source, target, code) triples: one per actor and
    /// recipient pair of each event, and the paired code back for entries such as `042:043`.
    fn code(&self, r: &Record) -> Coded {
        let mut out = Coded {
            triples: BTreeSet::new(),
            actors: Vec::new(),
            discarded: None,
        };
        if let Some((phrase, _)) = self.discards.find(&r.text) {
            out.discarded = Some(phrase.to_string());
            return out;
        }
        let mut doc = kestrel_core::Document::new(r.id.clone(), r.text.clone());
        doc.published = r.date.clone();
        self.pipeline.run(&mut doc);
        code_petrarch_actors(&mut doc, &self.actors, &self.agents);
        out.actors = doc
            .entities
            .iter()
            .filter_map(|e| Some(format!("{}={}", doc.slice(e.span), e.actor.as_ref()?.code)))
            .collect();
        let conventions = kestrel_events::Conventions {
            plover_future_types: false,
            any_preposition_recipient: true,
            agent_nouns: false,
            code_sports_reports: true,
            implied_protest_target: false,
        };
        let code_of = |p: &kestrel_core::Participant| p.entity.and(p.code.clone());
        let events = kestrel_events::code_document_with(
            &doc,
            &self.verbs.dictionary,
            &self.cameo,
            conventions,
        );
        for e in events {
            let sources: Vec<String> = e.actors.iter().filter_map(code_of).collect();
            let mut targets: Vec<String> = e.recipients.iter().filter_map(code_of).collect();
            // PETRARCH codes a compound actor without a target as its members acting on each
            // other: "A and B renewed ties" is A->B and B->A.
            if targets.is_empty() && sources.len() > 1 {
                targets = sources.clone();
            }
            if targets.is_empty() {
                if !self.monadic {
                    continue;
                }
                targets.push("---".to_string());
            }
            let back = self.verbs.reverse.get(&e.rule);
            for s in &sources {
                for t in &targets {
                    if s == t {
                        continue;
                    }
                    out.triples.insert((s.clone(), t.clone(), e.cameo.clone()));
                    if let Some(b) = back.filter(|_| t != "---") {
                        out.triples.insert((t.clone(), s.clone(), b.clone()));
                    }
                }
            }
        }
        out
    }
}
