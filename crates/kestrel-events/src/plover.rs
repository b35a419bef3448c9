//! PLOVER JSON Lines: one record per event, with the data fields of the PLOVER 2.0 manual.
//!
//! Fields: `id`, `date`, `actor` and `recipient` (lists of entity objects: `code`, `sector`,
//! `entity_text`), `event`, `mode`, `context` (lists), `event_text`, `quad_code`, `event_scale`
//! (the PLOVER score), `text` (the sentence), `text_info` (`sequence`, `start`, `end` in
//! characters), `cite_info` (`id`, `url`, `title`, `source`), `coder`. Kestrel adds `cameo`,
//! `goldstein`, `modality` and `date_source` (`text`, `published` or `none`), as the manual
//! invites providers to.

use kestrel_core::output::CharOffsets;
use kestrel_core::{Document, Participant};
use serde_json::{json, Value};

/// PLOVER's quad category of an event type: 1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict.
pub fn plover_quad(plover_type: &str) -> u8 {
    match plover_type {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        _ => 4,
    }
}

fn entity(doc: &Document, p: &Participant) -> Value {
    let mut v = json!({
        "code": p.code,
        "sector": p.sector,
        "entity_text": doc.slice(p.span),
    });
    // A recipient no words name (a protest's own government): said, as the JSON output says.
    if p.implied {
        v["implied"] = Value::Bool(true);
    }
    v
}

/// The document's events as PLOVER records, one JSON object per line (each line ends with a
/// newline). Documents without events give an empty string.
pub fn to_plover_jsonl(doc: &Document) -> String {
    let offsets = CharOffsets::new(&doc.text);
    let mut out = String::new();
    for (i, e) in doc.events.iter().enumerate() {
        let sentence = &doc.sentences[e.sentence];
        let mut event_text = vec![doc.slice(e.trigger)];
        event_text.extend(e.trigger_extra.iter().map(|&s| doc.slice(s)));
        let record = json!({
            "id": format!("{}-v{}", doc.id, i + 1),
            // The event's own date when its clause gives one, else the publication date.
            "date": e.date.as_deref().unwrap_or(""),
            "date_source": e.date_source,
            // PLOVER's size fields, and the money the event moves.
            "dead": e.dead,
            "injured": e.injured,
            "arrested": e.arrested,
            "money": e.money.and_then(|i| doc.amounts.get(i)).map(|a| json!({
                "value": a.value,
                "currency": a.currency,
                "text": doc.slice(a.span),
            })),
            // PLOVER's location: the place's name, country and coordinates.
            "location_source": e.place_source,
            "location": e.place.and_then(|i| doc.places.get(i)).map(|p| json!({
                "name": p.name,
                "text": doc.slice(p.span),
                "country": p.country,
                "admin1": p.admin1,
                "lat": p.lat,
                "lon": p.lon,
                "geonameid": p.geonameid,
            })),
            "actor": e.actors.iter().map(|p| entity(doc, p)).collect::<Vec<_>>(),
            "recipient": e.recipients.iter().map(|p| entity(doc, p)).collect::<Vec<_>>(),
            "event": [e.plover_type],
            "mode": e.mode.iter().collect::<Vec<_>>(),
            "context": e.context,
            "event_text": event_text,
            "quad_code": plover_quad(&e.plover_type),
            "event_scale": e.plover_score_f64(),
            "cameo": e.cameo,
            "goldstein": e.goldstein_f64(),
            "modality": e.modality.name(),
            "text": doc.slice(sentence.span),
            "text_info": {
                "sequence": e.sentence,
                "start": offsets.char_at(sentence.span.start),
                "end": offsets.char_at(sentence.span.end),
            },
            "cite_info": {
                "id": doc.id,
                "url": doc.url,
                "title": doc.title,
                "source": doc.source,
            },
            "coder": concat!("kestrel ", env!("CARGO_PKG_VERSION")),
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}
