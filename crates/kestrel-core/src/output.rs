//! Writing documents out: JSON (schema `kestrel/1`, documented in docs/schema.md) and a
//! readable table for terminals.
//!
//! Inside Kestrel spans are byte offsets; in the JSON they are character (Unicode scalar
//! value) offsets, as Python and R slice strings.

use serde::Serialize;

use crate::document::{Document, Event, Participant, Span, Token};
use crate::ingest::InputError;

/// The version tag of the JSON output, written as every document's `schema` field.
pub const SCHEMA: &str = "kestrel/1";

/// Converts byte offsets of one text to character offsets.
pub struct CharOffsets {
    /// `None` for ASCII text, where bytes and characters coincide.
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Prepares the conversion for `text`.
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut chars = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut table[i..i + c.len_utf8()] {
                *slot = chars;
            }
            chars += 1;
        }
        table[text.len()] = chars;
        CharOffsets { table: Some(table) }
    }

    /// The character offset of a byte offset.
    pub fn char_at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t[byte] as usize,
        }
    }

    fn span(&self, s: Span) -> (usize, usize) {
        (self.char_at(s.start), self.char_at(s.end))
    }
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema: &'static str,
    id: &'a str,
    source: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    author: Option<&'a str>,
    site_name: Option<&'a str>,
    text: &'a str,
    layers: Vec<&'static str>,
    removed: Vec<JsonRemoved<'a>>,
    paragraphs: Vec<JsonSpan>,
    dateline: Option<JsonDateline<'a>>,
    sentences: Vec<JsonSentence<'a>>,
    entities: Vec<JsonEntity<'a>>,
    quotes: Vec<JsonQuote<'a>>,
    events: Vec<JsonEvent<'a>>,
    places: Vec<JsonPlace<'a>>,
    dates: Vec<JsonTimex<'a>>,
    amounts: Vec<JsonAmount<'a>>,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: String,
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    mention: &'static str,
    sentence: usize,
    cluster: Option<usize>,
    actor: Option<JsonActor<'a>>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: String,
    sentence: usize,
    trigger: JsonText<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    trigger_extra: Vec<JsonText<'a>>,
    #[serde(rename = "type")]
    plover_type: &'a str,
    mode: Option<&'a str>,
    context: &'a [String],
    cameo: &'a str,
    goldstein: f32,
    quad_class: u8,
    plover_score: f32,
    actors: Vec<JsonParticipant<'a>>,
    recipients: Vec<JsonParticipant<'a>>,
    modality: &'static str,
    date: Option<&'a str>,
    date_source: &'static str,
    money: Option<String>,
    dead: Option<f64>,
    injured: Option<f64>,
    arrested: Option<f64>,
    place: Option<String>,
    place_source: &'static str,
    rule: &'a str,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    id: String,
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    entity: Option<String>,
    geonameid: u64,
    name: &'a str,
    country: &'a str,
    admin1: Option<&'a str>,
    lat: f64,
    lon: f64,
    level: &'a str,
    basis: &'a str,
}

#[derive(Serialize)]
struct JsonAmount<'a> {
    id: String,
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    value: f64,
    currency: Option<&'a str>,
    at_least: bool,
}

#[derive(Serialize)]
struct JsonTimex<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Option<&'a str>,
    relative: bool,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    id: String,
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    speaker: Option<JsonSpeaker<'a>>,
    cue: Option<JsonText<'a>>,
    sentences: Vec<usize>,
}

#[derive(Serialize)]
struct JsonSpeaker<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    entity: Option<String>,
    code: Option<&'a str>,
    sector: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonText<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonParticipant<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    entity: Option<String>,
    code: Option<&'a str>,
    sector: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    implied: bool,
}

#[derive(Serialize)]
struct JsonActor<'a> {
    code: &'a str,
    sector: Option<&'a str>,
    name: &'a str,
    source: &'static str,
}

#[derive(Serialize)]
struct JsonRemoved<'a> {
    start: usize,
    end: usize,
    at: usize,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonDateline<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    place: &'a str,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    start: usize,
    end: usize,
    tokens: Vec<JsonToken<'a>>,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    joined: bool,
    upos: Option<&'a str>,
    xpos: Option<&'a str>,
    lemma: Option<&'a str>,
    feats: Option<&'a str>,
    head: Option<usize>,
    deprel: Option<&'a str>,
}

fn json_token<'a>(doc: &'a Document, t: &'a Token, offsets: &CharOffsets) -> JsonToken<'a> {
    let (start, end) = offsets.span(t.span);
    JsonToken {
        text: doc.slice(t.span),
        start,
        end,
        joined: t.joined_to_previous,
        upos: t.upos.as_deref(),
        xpos: t.xpos.as_deref(),
        lemma: t.lemma.as_deref(),
        feats: t.feats.as_deref(),
        // CoNLL-U convention: 1-based within the sentence, 0 for the root.
        head: t.deprel.as_ref().map(|_| t.head.map_or(0, |h| h + 1)),
        deprel: t.deprel.as_deref(),
    }
}

fn json_document<'a>(doc: &'a Document, offsets: &CharOffsets) -> JsonDocument<'a> {
    // Removed spans refer to the text before cleaning, which is the cleaned text with the
    // removed pieces put back.
    let mut before_cleaning = String::new();
    let original_offsets = if doc.removed.iter().any(|r| !r.text.is_ascii()) || !doc.text.is_ascii()
    {
        before_cleaning = doc.text.clone();
        for r in doc.removed.iter().rev() {
            before_cleaning.insert_str(r.at, &r.text);
        }
        CharOffsets::new(&before_cleaning)
    } else {
        CharOffsets { table: None }
    };
    drop(before_cleaning);
    JsonDocument {
        schema: SCHEMA,
        id: &doc.id,
        source: doc.source.as_deref(),
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
        published: doc.published.as_deref(),
        language: doc.language.as_deref(),
        author: doc.author.as_deref(),
        site_name: doc.site_name.as_deref(),
        text: &doc.text,
        layers: doc.layers.iter().map(|l| l.name()).collect(),
        removed: doc
            .removed
            .iter()
            .map(|r| {
                let (start, end) = original_offsets.span(r.original);
                JsonRemoved {
                    start,
                    end,
                    at: offsets.char_at(r.at),
                    kind: r.kind.name(),
                    text: &r.text,
                }
            })
            .collect(),
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|&p| {
                let (start, end) = offsets.span(p);
                JsonSpan { start, end }
            })
            .collect(),
        dateline: doc.dateline.as_ref().map(|d| {
            let (start, end) = offsets.span(d.span);
            JsonDateline {
                text: doc.slice(d.span),
                start,
                end,
                place: doc.slice(d.place),
            }
        }),
        sentences: doc
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = offsets.span(s.span);
                JsonSentence {
                    start,
                    end,
                    tokens: doc
                        .sentence_tokens(s)
                        .iter()
                        .map(|t| json_token(doc, t, offsets))
                        .collect(),
                }
            })
            .collect(),
        entities: doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (start, end) = offsets.span(e.span);
                JsonEntity {
                    id: format!("e{}", i + 1),
                    text: doc.slice(e.span),
                    start,
                    end,
                    kind: e.kind.name(),
                    mention: e.mention.name(),
                    sentence: e.sentence,
                    cluster: e.cluster,
                    actor: e.actor.as_ref().map(|a| JsonActor {
                        code: &a.code,
                        sector: a.sector.as_deref(),
                        name: &a.name,
                        source: a.source.name(),
                    }),
                }
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (start, end) = offsets.span(q.content);
                JsonQuote {
                    id: format!("q{}", i + 1),
                    kind: q.kind.name(),
                    text: doc.slice(q.content),
                    start,
                    end,
                    speaker: q.speaker.as_ref().map(|sp| {
                        let (start, end) = offsets.span(sp.span);
                        let actor = sp
                            .entity
                            .and_then(|e| doc.entities.get(e))
                            .and_then(|e| e.actor.as_ref());
                        JsonSpeaker {
                            text: doc.slice(sp.span),
                            start,
                            end,
                            entity: sp.entity.map(|e| format!("e{}", e + 1)),
                            code: actor.map(|a| a.code.as_str()),
                            sector: actor.and_then(|a| a.sector.as_deref()),
                        }
                    }),
                    cue: q.cue.map(|c| json_text(doc, c, offsets)),
                    sentences: q.sentences.clone().collect(),
                }
            })
            .collect(),
        events: doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| json_event(doc, i, e, offsets))
            .collect(),
        places: doc
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (start, end) = offsets.span(p.span);
                JsonPlace {
                    id: format!("p{}", i + 1),
                    text: doc.slice(p.span),
                    start,
                    end,
                    sentence: p.sentence,
                    entity: p.entity.map(|e| format!("e{}", e + 1)),
                    geonameid: p.geonameid,
                    name: &p.name,
                    country: &p.country,
                    admin1: p.admin1.as_deref(),
                    lat: p.lat,
                    lon: p.lon,
                    level: &p.level,
                    basis: &p.basis,
                }
            })
            .collect(),
        dates: doc
            .dates
            .iter()
            .map(|x| {
                let (start, end) = offsets.span(x.span);
                JsonTimex {
                    text: doc.slice(x.span),
                    start,
                    end,
                    sentence: x.sentence,
                    kind: x.kind.name(),
                    value: x.value.as_deref(),
                    relative: x.relative,
                }
            })
            .collect(),
        amounts: doc
            .amounts
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let (start, end) = offsets.span(a.span);
                JsonAmount {
                    id: format!("a{}", i + 1),
                    text: doc.slice(a.span),
                    start,
                    end,
                    sentence: a.sentence,
                    kind: a.kind.name(),
                    value: a.value,
                    currency: a.currency.as_deref(),
                    at_least: a.at_least,
                }
            })
            .collect(),
        warnings: &doc.warnings,
    }
}

fn json_text<'a>(doc: &'a Document, span: Span, offsets: &CharOffsets) -> JsonText<'a> {
    let (start, end) = offsets.span(span);
    JsonText {
        text: doc.slice(span),
        start,
        end,
    }
}

fn json_participant<'a>(
    doc: &'a Document,
    p: &'a Participant,
    offsets: &CharOffsets,
) -> JsonParticipant<'a> {
    let (start, end) = offsets.span(p.span);
    JsonParticipant {
        text: doc.slice(p.span),
        start,
        end,
        entity: p.entity.map(|i| format!("e{}", i + 1)),
        code: p.code.as_deref(),
        sector: p.sector.as_deref(),
        implied: p.implied,
    }
}

fn json_event<'a>(
    doc: &'a Document,
    i: usize,
    e: &'a Event,
    offsets: &CharOffsets,
) -> JsonEvent<'a> {
    JsonEvent {
        id: format!("v{}", i + 1),
        sentence: e.sentence,
        trigger: json_text(doc, e.trigger, offsets),
        trigger_extra: e
            .trigger_extra
            .iter()
            .map(|&s| json_text(doc, s, offsets))
            .collect(),
        plover_type: &e.plover_type,
        mode: e.mode.as_deref(),
        context: &e.context,
        cameo: &e.cameo,
        goldstein: e.goldstein,
        quad_class: e.quad_class,
        plover_score: e.plover_score,
        actors: e
            .actors
            .iter()
            .map(|p| json_participant(doc, p, offsets))
            .collect(),
        recipients: e
            .recipients
            .iter()
            .map(|p| json_participant(doc, p, offsets))
            .collect(),
        modality: e.modality.name(),
        date: e.date.as_deref(),
        date_source: e.date_source,
        money: e.money.map(|i| format!("a{}", i + 1)),
        dead: e.dead,
        injured: e.injured,
        arrested: e.arrested,
        place: e.place.map(|i| format!("p{}", i + 1)),
        place_source: e.place_source,
        rule: &e.rule,
    }
}

/// The document as one line of JSON (no trailing newline).
pub fn to_json(doc: &Document) -> String {
    let offsets = CharOffsets::new(&doc.text);
    serde_json::to_string(&json_document(doc, &offsets)).expect("documents always serialise")
}

/// The document as indented JSON.
pub fn to_json_pretty(doc: &Document) -> String {
    let offsets = CharOffsets::new(&doc.text);
    serde_json::to_string_pretty(&json_document(doc, &offsets)).expect("documents always serialise")
}

#[derive(Serialize)]
struct JsonError<'a> {
    schema: &'static str,
    id: Option<&'a str>,
    source: &'a str,
    line: Option<usize>,
    error: &'a str,
}

/// An error record for a document that could not be read or processed.
pub fn error_to_json(error: &InputError) -> String {
    serde_json::to_string(&JsonError {
        schema: SCHEMA,
        id: error.id.as_deref(),
        source: &error.source,
        line: error.line,
        error: &error.message,
    })
    .expect("errors always serialise")
}

/// The document as CoNLL-U: one `# newdoc`, then each sentence with its words; columns of
/// layers that have not run are `_`.
pub fn to_conllu(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# newdoc id = {}", doc.id);
    for (n, s) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}-{}", doc.id, n + 1);
        let _ = writeln!(out, "# text = {}", doc.slice(s.span).replace('\n', " "));
        let toks = doc.sentence_tokens(s);
        let mut i = 0;
        while i < toks.len() {
            // A multi-word token: this word and the following joined ones.
            let mut j = i + 1;
            while j < toks.len() && toks[j].joined_to_previous {
                j += 1;
            }
            if j - i > 1 {
                let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    i + 1,
                    j,
                    doc.slice(span),
                    space_after(doc, toks, j - 1)
                );
            }
            for k in i..j {
                let t = &toks[k];
                let col = |v: &Option<String>| v.clone().unwrap_or_else(|| "_".to_string());
                let head = match (&t.deprel, t.head) {
                    (None, _) => "_".to_string(),
                    (Some(_), None) => "0".to_string(),
                    (Some(_), Some(h)) => (h + 1).to_string(),
                };
                let misc = if j - i > 1 {
                    "_".to_string()
                } else {
                    space_after(doc, toks, k)
                };
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                    k + 1,
                    doc.slice(t.span),
                    col(&t.lemma),
                    col(&t.upos),
                    col(&t.xpos),
                    col(&t.feats),
                    head,
                    col(&t.deprel),
                    misc
                );
            }
            i = j;
        }
        out.push('\n');
    }
    // Each sentence, the document's last included, ends with a blank line: without it a
    // reader of several documents' output would run one document's last sentence into the
    // next document's first.
    out
}

fn space_after(doc: &Document, toks: &[Token], k: usize) -> String {
    match toks.get(k + 1) {
        Some(next) if next.span.start == toks[k].span.end => "SpaceAfter=No".to_string(),
        Some(_) => "_".to_string(),
        None => {
            let end = toks[k].span.end;
            if doc.text[end..].starts_with(char::is_whitespace) || end == doc.text.len() {
                "_".to_string()
            } else {
                "SpaceAfter=No".to_string()
            }
        }
    }
}

/// A readable summary of the document for a terminal.
pub fn to_table(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let dash = "-".repeat(72);
    let _ = writeln!(out, "{dash}");
    let _ = writeln!(out, "document  {}", doc.id);
    for (label, value) in [
        ("title", &doc.title),
        ("published", &doc.published),
        ("source", &doc.source),
        ("url", &doc.url),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "{label:<9} {v}");
        }
    }
    let _ = writeln!(
        out,
        "layers    {}",
        doc.layers
            .iter()
            .map(|l| l.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(d) = &doc.dateline {
        let _ = writeln!(out, "dateline  {}", doc.slice(d.span));
    }
    if !doc.sentences.is_empty() {
        let _ = writeln!(out, "\nsentences ({})", doc.sentences.len());
        for (i, s) in doc.sentences.iter().enumerate() {
            let text = doc.slice(s.span).replace('\n', " ");
            let _ = writeln!(out, "{:>4}  {}", i, shorten(&text, 140));
        }
    }
    if !doc.entities.is_empty() {
        let _ = writeln!(out, "\nentities ({})", doc.entities.len());
        for e in &doc.entities {
            let actor = e.actor.as_ref().map_or(String::new(), |a| {
                format!(
                    "  -> {}{} ({})",
                    a.code,
                    a.sector
                        .as_deref()
                        .map_or(String::new(), |s| format!(" {s}")),
                    a.name
                )
            });
            let _ = writeln!(out, "  {:<7} {}{actor}", e.kind.name(), doc.slice(e.span));
        }
    }
    if !doc.removed.is_empty() {
        let _ = writeln!(out, "\nremoved ({})", doc.removed.len());
        for r in &doc.removed {
            let text = r.text.trim().replace('\n', " / ");
            let _ = writeln!(out, "  {:<12} {}", r.kind.name(), shorten(&text, 120));
        }
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "warning   {w}");
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    #[test]
    fn output_offsets_are_characters() {
        let text = "\u{00c9}lys\u{00e9}e \u{2014} Paris. Caf\u{00e9} talks began.";
        let mut doc = Document::new("d", text);
        Pipeline::default().run(&mut doc);
        let v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
        let chars: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        for s in v["sentences"].as_array().unwrap() {
            for t in s["tokens"].as_array().unwrap() {
                let (a, b) = (
                    t["start"].as_u64().unwrap() as usize,
                    t["end"].as_u64().unwrap() as usize,
                );
                let sliced: String = chars[a..b].iter().collect();
                assert_eq!(sliced, t["text"].as_str().unwrap());
            }
        }
    }

    #[test]
    fn output_removed_offsets_point_into_the_text_before_cleaning() {
        let text = "The council in Ost\u{00e9}ria met on Monday to vote on the budget.\n\
The mayor said the vote would be held again next week.\n\
Members argued over road repairs for most of the session.\n\
A second vote is planned for the spring, officials said.\n\
Subscribe to our newsletter \u{2014} you will get every story in your inbox.\n";
        let mut doc = Document::new("d", text);
        Pipeline::default().run(&mut doc);
        let v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
        let removed = v["removed"].as_array().unwrap();
        assert_eq!(removed.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = (
            removed[0]["start"].as_u64().unwrap() as usize,
            removed[0]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            removed[0]["text"].as_str().unwrap()
        );
    }
}
