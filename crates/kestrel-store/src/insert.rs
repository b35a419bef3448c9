//! Storing coded documents: one transaction per batch, idempotent by id and content hash.

use kestrel_core::output::{to_json, CharOffsets};
use kestrel_core::{Document, InputError, Participant};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{dedup, Store, StoreError};

/// What the store already holds for a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Nothing: code and store it.
    New,
    /// The same id with the same content: nothing to do.
    Unchanged,
    /// The same id with other content: code it and replace the stored one.
    Changed,
    /// The same content under another id (the one given): nothing to do.
    Duplicate(String),
}

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored for the first time.
    pub added: usize,
    /// Documents whose stored version was replaced.
    pub replaced: usize,
    /// Event mentions stored.
    pub mentions: usize,
    /// Failures recorded.
    pub failed: usize,
    /// Documents not stored because their content is stored under another id.
    pub duplicates: usize,
}

/// A stable 64-bit FNV-1a hash of a document's text, as 16 hex digits: the same text always
/// gives the same key, across runs and builds.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The document JSON as stored: zlib-compressed, which makes it about a tenth of its size.
fn compress(json: &str) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = z.write_all(json.as_bytes());
    z.finish().unwrap_or_default()
}

/// The stored document JSON back as text.
pub(crate) fn decompress(blob: &[u8]) -> String {
    use std::io::Read;
    let mut s = String::new();
    let _ = flate2::read::ZlibDecoder::new(blob).read_to_string(&mut s);
    s
}

/// Days since 1970-01-01 of a `YYYY-MM-DD...` date; `None` for anything else.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=12).contains(&m)
        || !(1..=month_days).contains(&d)
        || date.as_bytes().get(4) != Some(&b'-')
    {
        return None;
    }
    // Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil from days, the inverse of `day_number`.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// The outlet a document came from, for GDELT's NumSources: its site name, else its URL's
/// host, else `unknown`.
pub(crate) fn site_of(doc: &Document) -> String {
    if let Some(s) = doc.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        return s.trim().to_string();
    }
    if let Some(url) = doc.url.as_deref() {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        if !host.is_empty() {
            return host.to_lowercase();
        }
    }
    "unknown".to_string()
}

/// The key of a participant list for deduplication: each participant's code, else its
/// sector, else its words in lower case; sorted, without repeats.
pub(crate) fn participant_key(list: &[Participant], doc: &Document) -> String {
    let mut keys: Vec<String> = list
        .iter()
        .map(|p| {
            p.code
                .clone()
                .or_else(|| p.sector.clone())
                .unwrap_or_else(|| doc.slice(p.span).to_lowercase())
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys.join(";")
}

impl Store {
    /// What the store holds for a document id and content hash (see [`content_hash`]).
    pub fn status(&self, id: &str, hash: &str) -> Result<Stored, StoreError> {
        let by_id: Option<String> = self
            .conn
            .query_row("SELECT hash FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match by_id {
            Some(h) if h == hash => return Ok(Stored::Unchanged),
            Some(_) => return Ok(Stored::Changed),
            None => {}
        }
        let by_hash: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE hash = ?1 LIMIT 1",
                [hash],
                |r| r.get(0),
            )
            .optional()?;
        Ok(by_hash.map_or(Stored::New, Stored::Duplicate))
    }

    /// Stores coded documents and failures in one transaction: all of them or, on an error,
    /// none. Each document's `hash` is its [`content_hash`] taken before coding. A document
    /// whose id is stored already replaces the stored one; a new id whose content is stored
    /// under another id is skipped and counted as a duplicate.
    pub fn insert(
        &mut self,
        docs: &[(Document, String)],
        failures: &[InputError],
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let rules = self.rules.clone();
        let tx = self.conn.transaction()?;
        let at = now();
        for (doc, hash) in docs {
            let old: Option<i64> = tx
                .query_row("SELECT doc FROM documents WHERE id = ?1", [&doc.id], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(old) = old {
                remove_document(&tx, old)?;
                report.replaced += 1;
            } else {
                let same_text: bool = tx
                    .prepare_cached("SELECT EXISTS(SELECT 1 FROM documents WHERE hash = ?1)")?
                    .query_row([hash], |r| r.get(0))?;
                if same_text {
                    report.duplicates += 1;
                    continue;
                }
                report.added += 1;
            }
            report.mentions += insert_document(&tx, doc, hash, &at, &rules)?;
        }
        for f in failures {
            tx.execute(
                "INSERT INTO failures (id, source, message, at) VALUES (?1, ?2, ?3, ?4)",
                params![f.id, f.source, f.message, at],
            )?;
            report.failed += 1;
        }
        tx.commit()?;
        Ok(report)
    }
}

/// Removes a document and its rows, and recounts the events its mentions belonged to.
fn remove_document(tx: &Transaction, doc: i64) -> Result<(), StoreError> {
    let events: Vec<i64> = {
        let mut st =
            tx.prepare("SELECT DISTINCT event FROM mentions WHERE doc = ?1 AND event IS NOT NULL")?;
        let rows = st.query_map([doc], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    tx.execute(
        "DELETE FROM participants WHERE mention IN (SELECT mention FROM mentions WHERE doc = ?1)",
        [doc],
    )?;
    for table in ["mentions", "entities", "places", "quotes"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [doc])?;
    }
    // A contentless FTS5 row is deleted by giving back the values it indexed.
    let (title, json): (Option<String>, Vec<u8>) = tx.query_row(
        "SELECT title, json FROM documents WHERE doc = ?1",
        [doc],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let text = serde_json::from_str::<serde_json::Value>(&decompress(&json))
        .ok()
        .and_then(|v| v["text"].as_str().map(str::to_string))
        .unwrap_or_default();
    tx.execute(
        "INSERT INTO documents_text (documents_text, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
        params![doc, title.as_deref().unwrap_or(""), text],
    )?;
    tx.execute("DELETE FROM documents WHERE doc = ?1", [doc])?;
    for e in events {
        dedup::recount(tx, e)?;
    }
    Ok(())
}

/// Inserts one document and its layers; returns the number of event mentions.
fn insert_document(
    tx: &Transaction,
    doc: &Document,
    hash: &str,
    at: &str,
    rules: &dedup::DedupRules,
) -> Result<usize, StoreError> {
    let offsets = CharOffsets::new(&doc.text);
    let ch = |b: usize| offsets.char_at(b) as i64;
    let site = site_of(doc);
    tx.execute(
        "INSERT INTO documents (id, hash, source, url, title, published, site, length, ingested, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            doc.id,
            hash,
            doc.source,
            doc.url,
            doc.title,
            doc.published,
            site,
            doc.text.chars().count() as i64,
            at,
            compress(&to_json(doc))
        ],
    )?;
    let doc_row = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO documents_text (rowid, title, text) VALUES (?1, ?2, ?3)",
        params![doc_row, doc.title.as_deref().unwrap_or(""), doc.text],
    )?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO entities (doc, seq, type, text, start, end, code, sector)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, e) in doc.entities.iter().enumerate() {
            st.execute(params![
                doc_row,
                i as i64,
                e.kind.name(),
                doc.slice(e.span),
                ch(e.span.start),
                ch(e.span.end),
                e.actor.as_ref().map(|a| a.code.as_str()),
                e.actor.as_ref().and_then(|a| a.sector.as_deref()),
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO places (doc, seq, text, start, end, geonameid, name, country, admin1, lat, lon, level)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, p) in doc.places.iter().enumerate() {
            st.execute(params![
                doc_row,
                i as i64,
                doc.slice(p.span),
                ch(p.span.start),
                ch(p.span.end),
                p.geonameid as i64,
                p.name,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                p.level
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes (doc, seq, kind, content, start, end, speaker, code, sector)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, q) in doc.quotes.iter().enumerate() {
            let actor = q
                .speaker
                .as_ref()
                .and_then(|s| s.entity)
                .and_then(|e| doc.entities.get(e))
                .and_then(|e| e.actor.as_ref());
            st.execute(params![
                doc_row,
                i as i64,
                q.kind.name(),
                doc.slice(q.content),
                ch(q.content.start),
                ch(q.content.end),
                q.speaker.as_ref().map(|s| doc.slice(s.span)),
                actor.map(|a| a.code.as_str()),
                actor.and_then(|a| a.sector.as_deref()),
            ])?;
        }
    }
    let plover = kestrel_events::plover::to_plover_jsonl(doc);
    let plover: Vec<&str> = plover.lines().collect();
    let mut mention_st = tx.prepare_cached(
        "INSERT INTO mentions (doc, seq, sentence, sentence_text, trigger, trigger_start, day, date,
             date_source, type, mode, cameo, goldstein, quad_class, modality, actor_key,
             recipient_key, place_name, place_country, place_admin1, place_level, place_lat,
             place_lon, place_geonameid, place_source, site, plover)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?;
    let mut participant_st = tx.prepare_cached(
        "INSERT INTO participants (mention, role, seq, text, start, code, sector, implied)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, e) in doc.events.iter().enumerate() {
        let place = e.place.and_then(|p| doc.places.get(p));
        let date = e.date.as_deref();
        let day = date.and_then(day_number);
        let actor_key = participant_key(&e.actors, doc);
        let recipient_key = participant_key(&e.recipients, doc);
        let sentence = doc
            .sentences
            .get(e.sentence)
            .map_or("", |s| doc.slice(s.span));
        mention_st.execute(params![
            doc_row,
            i as i64,
            e.sentence as i64,
            sentence,
            doc.slice(e.trigger),
            ch(e.trigger.start),
            day,
            date,
            e.date_source,
            e.plover_type,
            e.mode,
            e.cameo,
            e.goldstein_f64(),
            i64::from(e.quad_class),
            e.modality.name(),
            actor_key,
            recipient_key,
            place.map(|p| p.name.as_str()),
            place.map(|p| p.country.as_str()),
            place.and_then(|p| p.admin1.as_deref()),
            place.map(|p| p.level.as_str()),
            place.map(|p| p.lat),
            place.map(|p| p.lon),
            place.map(|p| p.geonameid as i64),
            e.place_source,
            site,
            plover.get(i).copied().unwrap_or("{}"),
        ])?;
        let mention = tx.last_insert_rowid();
        for (role, list) in [("actor", &e.actors), ("recipient", &e.recipients)] {
            for (j, p) in list.iter().enumerate() {
                participant_st.execute(params![
                    mention,
                    role,
                    j as i64,
                    doc.slice(p.span),
                    ch(p.span.start),
                    p.code,
                    p.sector,
                    p.implied
                ])?;
            }
        }
        let (actor_key, recipient_key) =
            dedup::event_keys(&e.plover_type, &e.cameo, &actor_key, &recipient_key);
        let key = dedup::MentionKey {
            mention,
            doc: doc_row,
            day,
            date: date.map(str::to_string),
            event_type: e.plover_type.clone(),
            modality: e.modality.name().to_string(),
            actor_key,
            recipient_key,
            // Only a place the report ties to the event counts against merging: the
            // article's main place is a guess.
            country: place
                .filter(|_| matches!(e.place_source, "text" | "dateline"))
                .map(|p| p.country.clone()),
            site: site.clone(),
        };
        dedup::assign(tx, &key, rules, at)?;
    }
    Ok(doc.events.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_hashes_are_stable() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2022-07-09"), Some(19_182));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2022-13-01"), None);
        assert_eq!(day_number("July 9"), None);
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(now().len(), 20);
    }
}
