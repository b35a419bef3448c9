//! Event rows into the field's formats: JSON Lines, CSV records, PLOVER, GDELT 2.0.

use kestrel_places::Gazetteer;
use serde_json::{json, Value};

use crate::query::{EventRow, MentionRow, ParticipantRow};

fn participants_json(list: &[ParticipantRow]) -> Value {
    Value::Array(
        list.iter()
            .map(|p| {
                let mut v = json!({"text": p.text, "code": p.code, "sector": p.sector});
                if p.implied {
                    v["implied"] = Value::Bool(true);
                }
                v
            })
            .collect(),
    )
}

/// One event as a JSON object on one line.
pub fn to_json_line(e: &EventRow) -> String {
    json!({
        "event": e.event,
        "date": e.date,
        "type": e.event_type,
        "mode": e.mode,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "modality": e.modality,
        "actors": participants_json(&e.actors),
        "recipients": participants_json(&e.recipients),
        "place": e.place.as_ref().map(|p| json!({
            "name": p.name, "country": p.country, "admin1": p.admin1, "level": p.level,
            "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "source": p.source,
        })),
        "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "num_articles": e.num_articles,
        "added": e.added,
        "doc_id": e.doc_id,
        "url": e.url,
        "title": e.title,
        "sentence": e.sentence,
        "text": e.sentence_text,
        "trigger": e.trigger,
    })
    .to_string()
}

/// The first mention's PLOVER record with the event's id and GDELT-style counts added.
pub fn to_plover_line(e: &EventRow) -> String {
    let mut v: Value = serde_json::from_str(&e.plover).unwrap_or_else(|_| json!({}));
    if let Value::Object(map) = &mut v {
        map.insert("event_id".into(), json!(e.event));
        map.insert("num_mentions".into(), json!(e.num_mentions));
        map.insert("num_sources".into(), json!(e.num_sources));
        map.insert("num_articles".into(), json!(e.num_articles));
    }
    v.to_string()
}

/// CSV column names, in the order of [`to_csv_row`].
pub fn csv_header() -> &'static [&'static str] {
    &[
        "event",
        "date",
        "type",
        "mode",
        "cameo",
        "goldstein",
        "quad_class",
        "modality",
        "actor_codes",
        "actor_sectors",
        "actor_names",
        "recipient_codes",
        "recipient_sectors",
        "recipient_names",
        "recipient_implied",
        "place_name",
        "place_country",
        "place_admin1",
        "place_level",
        "lat",
        "lon",
        "geonameid",
        "place_source",
        "num_mentions",
        "num_sources",
        "num_articles",
        "added",
        "doc_id",
        "url",
        "title",
        "sentence",
        "text",
        "trigger",
    ]
}

fn joined(list: &[ParticipantRow], f: impl Fn(&ParticipantRow) -> Option<&str>) -> String {
    list.iter()
        .map(|p| f(p).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(";")
}

/// "1" for a participant no words name but the event implies (a protest's own government),
/// else "0": one per recipient, beside its code, sector and name.
pub(crate) fn implied_flag(p: &ParticipantRow) -> &'static str {
    if p.implied {
        "1"
    } else {
        "0"
    }
}

/// One event as CSV fields (several participants joined by `;`).
pub fn to_csv_row(e: &EventRow) -> Vec<String> {
    let p = e.place.as_ref();
    vec![
        e.event.to_string(),
        e.date.clone().unwrap_or_default(),
        e.event_type.clone(),
        e.mode.clone().unwrap_or_default(),
        e.cameo.clone(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        e.modality.clone(),
        joined(&e.actors, |a| a.code.as_deref()),
        joined(&e.actors, |a| a.sector.as_deref()),
        joined(&e.actors, |a| Some(a.text.as_str())),
        joined(&e.recipients, |a| a.code.as_deref()),
        joined(&e.recipients, |a| a.sector.as_deref()),
        joined(&e.recipients, |a| Some(a.text.as_str())),
        joined(&e.recipients, |a| Some(implied_flag(a))),
        p.map(|p| p.name.clone()).unwrap_or_default(),
        p.map(|p| p.country.clone()).unwrap_or_default(),
        p.and_then(|p| p.admin1.clone()).unwrap_or_default(),
        p.map(|p| p.level.clone()).unwrap_or_default(),
        p.map(|p| p.lat.to_string()).unwrap_or_default(),
        p.map(|p| p.lon.to_string()).unwrap_or_default(),
        p.map(|p| p.geonameid.to_string()).unwrap_or_default(),
        p.map(|p| p.source.clone()).unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.added.clone(),
        e.doc_id.clone(),
        e.url.clone().unwrap_or_default(),
        e.title.clone().unwrap_or_default(),
        e.sentence.to_string(),
        e.sentence_text.clone(),
        e.trigger.clone(),
    ]
}

/// GDELT fields hold no tabs or line breaks.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// `YYYY-MM-DD...` as `YYYYMMDD`, or empty.
fn compact_date(date: Option<&str>) -> String {
    date.and_then(|d| d.get(0..10))
        .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
        .map(|d| d.replace('-', ""))
        .unwrap_or_default()
}

/// `YYYY-MM-DDTHH:MM:SS...` (or a date alone) as `YYYYMMDDHHMMSS`.
fn compact_time(t: &str) -> String {
    let digits: String = t.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() < 8 {
        return String::new();
    }
    format!("{digits:0<14}")
}

/// GDELT's actor fields 1-10 (code, name, country, known group, ethnic, religion ×2, type ×3).
fn gdelt_actor(p: Option<&ParticipantRow>) -> [String; 10] {
    let Some(p) = p else {
        return Default::default();
    };
    // PETRARCH's "---" (country unknown) is no code.
    let code = p.code.clone().filter(|c| c != "---").unwrap_or_default();
    let sector = p.sector.clone().unwrap_or_default();
    let group = ["IGO", "NGO", "MNC", "IMG"]
        .iter()
        .find(|g| code.len() > 3 && code.starts_with(**g))
        .map(|_| code[3..].to_string())
        .unwrap_or_default();
    let country = if code.len() == 3 && group.is_empty() {
        code.clone()
    } else {
        String::new()
    };
    [
        format!("{code}{sector}"),
        clean(&p.text.to_uppercase()),
        country,
        group,
        String::new(),
        String::new(),
        String::new(),
        sector,
        String::new(),
        String::new(),
    ]
}

/// One event as a GDELT 2.0 event record: 61 tab-separated fields, no header. Codes stay
/// strings ("010" keeps its zero). Actor geography, ethnicity, religion and tone are not
/// computed and stay empty; the action's place is the event's, with its country as FIPS 10-4
/// (GDELT's convention), its feature id the GeoNames id.
pub fn to_gdelt_row(e: &EventRow, gazetteer: &Gazetteer) -> String {
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(e.event.to_string());
    let sqldate = compact_date(e.date.as_deref());
    f.push(sqldate.clone());
    f.push(sqldate.get(0..6).unwrap_or("").to_string());
    f.push(sqldate.get(0..4).unwrap_or("").to_string());
    f.push(
        match (
            sqldate.get(0..4).and_then(|y| y.parse::<f64>().ok()),
            sqldate.get(4..6).and_then(|m| m.parse::<f64>().ok()),
            sqldate.get(6..8).and_then(|d| d.parse::<f64>().ok()),
        ) {
            (Some(y), Some(m), Some(d)) => format!("{:.4}", y + (m * 30.0 + d) / 365.0),
            _ => String::new(),
        },
    );
    f.extend(gdelt_actor(e.actors.first()));
    f.extend(gdelt_actor(e.recipients.first()));
    f.push(if e.sentence == 0 { "1" } else { "0" }.into());
    f.push(e.cameo.clone());
    f.push(e.cameo.get(0..3).unwrap_or(&e.cameo).to_string());
    f.push(e.cameo.get(0..2).unwrap_or(&e.cameo).to_string());
    f.push(e.quad_class.to_string());
    f.push(format!("{}", e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(String::new()); // AvgTone
    for _ in 0..2 {
        // Actor1Geo_*, Actor2Geo_*
        f.push("0".into());
        f.extend(std::iter::repeat_n(String::new(), 7));
    }
    match &e.place {
        Some(p) => {
            let in_us = p.country == "USA";
            let geo_type = match p.level.as_str() {
                "country" => 1,
                "admin1" | "region" if in_us => 2,
                _ if in_us => 3,
                "city" | "capital" => 4,
                _ => 5,
            };
            let country = gazetteer.country(&p.country);
            let country_name = country.map_or(p.country.as_str(), |c| c.name.as_str());
            let full = match p.level.as_str() {
                "country" => country_name.to_string(),
                // A continent has no country to name after it.
                "continent" => p.name.clone(),
                "admin1" | "region" => format!("{}, {country_name}", p.name),
                _ => match &p.admin1 {
                    Some(a) if !a.is_empty() => format!("{}, {a}, {country_name}", p.name),
                    _ => format!("{}, {country_name}", p.name),
                },
            };
            let fips = gazetteer.fips(&p.country).unwrap_or("").to_string();
            f.push(geo_type.to_string());
            f.push(clean(&full));
            f.push(fips.clone());
            f.push(if p.level == "country" {
                fips
            } else {
                String::new()
            });
            f.push(String::new());
            f.push(format!("{:.4}", p.lat));
            f.push(format!("{:.4}", p.lon));
            f.push(p.geonameid.to_string());
        }
        None => {
            f.push("0".into());
            f.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    f.push(compact_time(&e.added));
    f.push(clean(
        e.url
            .as_deref()
            .or(e.source.as_deref())
            .unwrap_or(&e.doc_id),
    ));
    debug_assert_eq!(f.len(), 61);
    f.join("\t")
}

/// One mention as a GDELT 2.0 mentions record: 16 tab-separated fields, no header. Confidence
/// and tone are not computed and stay empty.
pub fn to_gdelt_mention_row(m: &MentionRow) -> String {
    let event_time = {
        let d = compact_date(m.event_date.as_deref());
        if d.is_empty() {
            d
        } else {
            format!("{d}000000")
        }
    };
    let f = [
        m.event.to_string(),
        event_time,
        compact_time(&m.published),
        "1".into(),
        clean(&m.site),
        clean(&m.identifier),
        (m.sentence + 1).to_string(),
        m.actor_start.to_string(),
        m.recipient_start.to_string(),
        m.trigger_start.to_string(),
        "1".into(),
        String::new(),
        m.doc_length.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ];
    f.join("\t")
}

/// CSV column names of mentions, in the order of [`mention_csv_row`].
pub fn mention_csv_header() -> &'static [&'static str] {
    &[
        "event",
        "event_date",
        "published",
        "site",
        "identifier",
        "sentence",
        "actor_start",
        "recipient_start",
        "trigger_start",
        "doc_length",
    ]
}

/// One mention as CSV fields.
pub fn mention_csv_row(m: &MentionRow) -> Vec<String> {
    vec![
        m.event.to_string(),
        m.event_date.clone().unwrap_or_default(),
        m.published.clone(),
        m.site.clone(),
        m.identifier.clone(),
        m.sentence.to_string(),
        m.actor_start.to_string(),
        m.recipient_start.to_string(),
        m.trigger_start.to_string(),
        m.doc_length.to_string(),
    ]
}

/// One mention as a JSON object on one line.
pub fn mention_json_line(m: &MentionRow) -> String {
    json!({
        "event": m.event,
        "event_date": m.event_date,
        "published": m.published,
        "site": m.site,
        "identifier": m.identifier,
        "sentence": m.sentence,
        "actor_start": m.actor_start,
        "recipient_start": m.recipient_start,
        "trigger_start": m.trigger_start,
        "doc_length": m.doc_length,
    })
    .to_string()
}
