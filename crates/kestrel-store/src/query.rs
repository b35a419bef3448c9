//! Queries: deduplicated events by date, participants, type, CAMEO root, place and text.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use crate::insert::day_number;
use crate::{Store, StoreError};

/// Filters; each one given narrows the result, and none gives every event.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// First date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last date, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// An actor's code (country `USA`, organisation `IGOUNO`).
    pub actor: Option<String>,
    /// A recipient's code.
    pub recipient: Option<String>,
    /// A code that takes part either way, as actor or as recipient.
    pub participant: Option<String>,
    /// A sector (`GOV`, `MIL`, ...) of an actor or a recipient.
    pub sector: Option<String>,
    /// A PLOVER event type (`PROTEST`).
    pub event_type: Option<String>,
    /// A CAMEO root code (`14`) or any longer prefix (`141`).
    pub cameo: Option<String>,
    /// The country (ISO alpha-3) where it happened.
    pub country: Option<String>,
    /// A place name where it happened (GeoNames name or the words of the text).
    pub place: Option<String>,
    /// A full-text query over the reporting articles' titles and texts (SQLite FTS5 syntax:
    /// words, "phrases", AND, OR, NOT, prefix*).
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
    /// Only events after this one in the result's order (date, then id): the next page.
    pub after: Option<Cursor>,
}

/// A position in the event order (date, then id), for paging through results: the last
/// event of one page starts the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The event's date as days since 1970-01-01 (none for undated events, which come first).
    pub day: Option<i64>,
    /// The event's id.
    pub event: i64,
}

impl Cursor {
    /// The cursor after an event row.
    pub fn after(row: &EventRow) -> Cursor {
        Cursor {
            day: row.date.as_deref().and_then(day_number),
            event: row.event,
        }
    }

    /// Reads a cursor written by [`Cursor::to_token`].
    pub fn from_token(token: &str) -> Result<Cursor, StoreError> {
        let bad = || StoreError::BadQuery(format!("cursor {token:?} is not one this server gave"));
        let (day, event) = token.split_once('.').ok_or_else(bad)?;
        let day = match day {
            "u" => None,
            d => Some(d.parse::<i64>().map_err(|_| bad())?),
        };
        Ok(Cursor {
            day,
            event: event.parse().map_err(|_| bad())?,
        })
    }

    /// The cursor as a short opaque string (`20123.4567`; `u.12` for an undated event).
    pub fn to_token(self) -> String {
        match self.day {
            Some(d) => format!("{d}.{}", self.event),
            None => format!("u.{}", self.event),
        }
    }
}

/// One participant of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantRow {
    /// The words naming it.
    pub text: String,
    /// Character offset of those words in the reporting document.
    pub start: i64,
    /// Country or organisation code.
    pub code: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// Named by no words but implied by the event (see `Participant::implied`).
    pub implied: bool,
}

/// A deduplicated event with its first report's details.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The event's id in the store (GDELT's GLOBALEVENTID).
    pub event: i64,
    /// When it happened, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// PLOVER type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// CAMEO quad class.
    pub quad_class: i64,
    /// `asserted`, `future` or `historical`.
    pub modality: String,
    /// Who acted.
    pub actors: Vec<ParticipantRow>,
    /// Who was acted on.
    pub recipients: Vec<ParticipantRow>,
    /// Where: GeoNames name, country, region, level, latitude, longitude, id.
    pub place: Option<PlaceRow>,
    /// Mentions, distinct outlets and distinct articles reporting it.
    pub num_mentions: i64,
    /// Distinct outlets.
    pub num_sources: i64,
    /// Distinct articles.
    pub num_articles: i64,
    /// When it was stored, `YYYY-MM-DDTHH:MM:SSZ`.
    pub added: String,
    /// The first reporting document's id, URL, source and title.
    pub doc_id: String,
    /// Its URL.
    pub url: Option<String>,
    /// Its file or feed.
    pub source: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The sentence index and text of the first mention.
    pub sentence: i64,
    /// The sentence's text.
    pub sentence_text: String,
    /// The trigger's words.
    pub trigger: String,
    /// The first mention's PLOVER record.
    pub plover: String,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    /// GeoNames name.
    pub name: String,
    /// ISO alpha-3.
    pub country: String,
    /// First-level region.
    pub admin1: Option<String>,
    /// `country`, `admin1`, `admin2`, `region`, `capital`, `city`.
    pub level: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonameid: i64,
    /// `text`, `dateline` or `article`.
    pub source: String,
}

/// One report of an event (GDELT's mentions table).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    /// The event it reports.
    pub event: i64,
    /// The event's date.
    pub event_date: Option<String>,
    /// The reporting document's publication date, else when it was stored.
    pub published: String,
    /// Its outlet.
    pub site: String,
    /// Its URL, else its source file.
    pub identifier: String,
    /// Sentence index.
    pub sentence: i64,
    /// Character offsets of the first actor, the first recipient and the trigger (-1 when
    /// absent).
    pub actor_start: i64,
    /// The first recipient's.
    pub recipient_start: i64,
    /// The trigger's.
    pub trigger_start: i64,
    /// The document's length in characters.
    pub doc_length: i64,
}

const EVENT_COLUMNS: &str = "e.event, e.date, m.type, m.mode, m.cameo, m.goldstein, m.quad_class,
    m.modality, m.place_name, m.place_country, m.place_admin1, m.place_level, m.place_lat,
    m.place_lon, m.place_geonameid, m.place_source, e.num_mentions, e.num_sources,
    e.num_articles, e.added, d.id, d.url, d.source, d.title, m.sentence, m.sentence_text,
    m.trigger, m.plover, m.mention";

impl Store {
    /// The events that match, by date then id.
    pub fn events(&self, q: &Query) -> Result<Vec<EventRow>, StoreError> {
        let (filter, values) = self.where_clause(q)?;
        self.event_rows(&filter, values, q.limit)
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>, StoreError> {
        Ok(self
            .event_rows("e.event = ?1", vec![Value::Integer(id)], Some(1))?
            .pop())
    }

    fn event_rows(
        &self,
        filter: &str,
        values: Vec<Value>,
        limit: Option<usize>,
    ) -> Result<Vec<EventRow>, StoreError> {
        // The page is chosen first, on the events and their first mentions alone; only its
        // rows are then joined with their documents. Joining every candidate before sorting
        // made a page of one actor's events (thousands of candidates) ten times slower.
        // Only the CAMEO filter reads the first mention.
        let mention = if filter.contains("m.cameo") {
            "JOIN mentions m ON m.mention = e.first_mention"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM (
                 SELECT e.event AS id FROM events e {mention}
                 WHERE {filter} ORDER BY e.day, e.event {}
             ) page
             JOIN events e ON e.event = page.id
             JOIN mentions m ON m.mention = e.first_mention
             JOIN documents d ON d.doc = m.doc
             ORDER BY e.day, e.event",
            limit.map(|n| format!("LIMIT {n}")).unwrap_or_default()
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(fts_error)?;
        let mut rows = st
            .query(rusqlite::params_from_iter(values))
            .map_err(fts_error)?;
        let mut parts = self
            .conn
            .prepare_cached("SELECT role, text, start, code, sector, implied FROM participants WHERE mention = ?1 ORDER BY role, seq")?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(fts_error)? {
            let mut row = event_row(r)?;
            let mention: i64 = r.get(28)?;
            let list = parts.query_map([mention], |p| {
                Ok((
                    p.get::<_, String>(0)?,
                    ParticipantRow {
                        text: p.get(1)?,
                        start: p.get(2)?,
                        code: p.get(3)?,
                        sector: p.get(4)?,
                        implied: p.get(5)?,
                    },
                ))
            })?;
            for item in list {
                let (role, p) = item?;
                if role == "actor" {
                    row.actors.push(p);
                } else {
                    row.recipients.push(p);
                }
            }
            out.push(row);
        }
        Ok(out)
    }

    /// A stored document in Kestrel's JSON (schema kestrel/1), by id.
    pub fn document_json(&self, doc_id: &str) -> Result<Option<String>, StoreError> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT json FROM documents WHERE id = ?1", [doc_id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(blob.map(|b| crate::insert::decompress(&b)))
    }

    /// The event mentions stored for one document, in text order: (event id, sentence
    /// index, sentence text, PLOVER type).
    pub fn document_mentions(
        &self,
        doc_id: &str,
    ) -> Result<Vec<(i64, i64, String, String)>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT m.event, m.sentence, m.sentence_text, m.type FROM mentions m
             JOIN documents d ON d.doc = m.doc WHERE d.id = ?1 ORDER BY m.seq",
        )?;
        let rows = st.query_map([doc_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every mention of the events that match, by event then mention.
    pub fn mentions(&self, q: &Query) -> Result<Vec<MentionRow>, StoreError> {
        let (filter, values) = self.where_clause(q)?;
        let events = format!(
            "SELECT e.event FROM events e JOIN mentions m ON m.mention = e.first_mention
             WHERE {filter} ORDER BY e.day, e.event {}",
            q.limit.map(|n| format!("LIMIT {n}")).unwrap_or_default()
        );
        let sql = format!(
            "SELECT m.event, m2e.date, coalesce(d.published, d.ingested), m.site,
                    coalesce(d.url, d.source, d.id), m.sentence,
                    coalesce((SELECT start FROM participants p WHERE p.mention = m.mention AND p.role = 'actor' ORDER BY seq LIMIT 1), -1),
                    coalesce((SELECT start FROM participants p WHERE p.mention = m.mention AND p.role = 'recipient' ORDER BY seq LIMIT 1), -1),
                    m.trigger_start, d.length
             FROM mentions m JOIN documents d ON d.doc = m.doc JOIN events m2e ON m2e.event = m.event
             WHERE m.event IN ({events}) ORDER BY m2e.day, m.event, m.mention"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(MentionRow {
                event: r.get(0)?,
                event_date: r.get(1)?,
                published: r.get(2)?,
                site: r.get(3)?,
                identifier: r.get(4)?,
                sentence: r.get(5)?,
                actor_start: r.get(6)?,
                recipient_start: r.get(7)?,
                trigger_start: r.get(8)?,
                doc_length: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    let place = match r.get::<_, Option<String>>(8)? {
        Some(name) => Some(PlaceRow {
            name,
            country: r.get(9)?,
            admin1: r.get(10)?,
            level: r.get(11)?,
            lat: r.get(12)?,
            lon: r.get(13)?,
            geonameid: r.get(14)?,
            source: r.get(15)?,
        }),
        None => None,
    };
    Ok(EventRow {
        event: r.get(0)?,
        date: r.get(1)?,
        event_type: r.get(2)?,
        mode: r.get(3)?,
        cameo: r.get(4)?,
        goldstein: r.get(5)?,
        quad_class: r.get(6)?,
        modality: r.get(7)?,
        actors: Vec::new(),
        recipients: Vec::new(),
        place,
        num_mentions: r.get(16)?,
        num_sources: r.get(17)?,
        num_articles: r.get(18)?,
        added: r.get(19)?,
        doc_id: r.get(20)?,
        url: r.get(21)?,
        source: r.get(22)?,
        title: r.get(23)?,
        sentence: r.get(24)?,
        sentence_text: r.get(25)?,
        trigger: r.get(26)?,
        plover: r.get(27)?,
    })
}

impl Store {
    /// The SQL condition for `q`, after checking its full-text query: SQLite reports a
    /// malformed one only while running, in words that do not always name FTS5.
    pub(crate) fn where_clause(&self, q: &Query) -> Result<(String, Vec<Value>), StoreError> {
        if let Some(text) = &q.text {
            self.check_text_query(text)?;
        }
        where_clause(q)
    }

    pub(crate) fn check_text_query(&self, text: &str) -> Result<(), StoreError> {
        let checked = self.conn.query_row(
            "SELECT count(*) FROM documents_text WHERE documents_text MATCH ?1 AND rowid = -1",
            [text],
            |_| Ok(()),
        );
        match checked {
            Ok(()) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(_, Some(msg))) => Err(StoreError::BadQuery(format!(
                "full-text query {text:?}: {msg}; quote phrases (\"...\") and use AND, OR, NOT, prefix*"
            ))),
            Err(e) => Err(StoreError::Sqlite(e)),
        }
    }
}

/// A malformed full-text query is the user's error, not the store's.
pub(crate) fn fts_error(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.starts_with("fts5:") => {
            StoreError::BadQuery(format!(
                "full-text query: {msg}; quote phrases (\"...\") and use AND, OR, NOT, prefix*"
            ))
        }
        _ => StoreError::Sqlite(e),
    }
}

/// The SQL condition over events `e` (joined with their first mention `m`) and its values.
fn where_clause(q: &Query) -> Result<(String, Vec<Value>), StoreError> {
    let mut parts: Vec<String> = vec!["1 = 1".into()];
    let mut values: Vec<Value> = Vec::new();
    let mut push = |sql: &str, v: Value, parts: &mut Vec<String>| {
        values.push(v);
        parts.push(sql.replace('?', &format!("?{}", values.len())));
    };
    let day = |d: &str| {
        day_number(d)
            .ok_or_else(|| StoreError::BadQuery(format!("date {d:?}: write it as YYYY-MM-DD")))
    };
    if let Some(d) = &q.from {
        push("e.day >= ?", Value::Integer(day(d)?), &mut parts);
    }
    if let Some(d) = &q.to {
        push("e.day <= ?", Value::Integer(day(d)?), &mut parts);
    }
    let by_participant = "e.event IN (SELECT p.event FROM participants p WHERE ";
    if let Some(c) = &q.actor {
        push(
            &format!("{by_participant} p.code = ? AND p.role = 'actor')"),
            Value::Text(c.to_uppercase()),
            &mut parts,
        );
    }
    if let Some(c) = &q.recipient {
        push(
            &format!("{by_participant} p.code = ? AND p.role = 'recipient')"),
            Value::Text(c.to_uppercase()),
            &mut parts,
        );
    }
    if let Some(c) = &q.participant {
        push(
            &format!("{by_participant} p.code = ?)"),
            Value::Text(c.to_uppercase()),
            &mut parts,
        );
    }
    if let Some(s) = &q.sector {
        push(
            &format!("{by_participant} p.sector = ?)"),
            Value::Text(s.to_uppercase()),
            &mut parts,
        );
    }
    if let Some(t) = &q.event_type {
        push("e.type = ?", Value::Text(t.to_uppercase()), &mut parts);
    }
    if let Some(c) = &q.cameo {
        let digits: String = c.chars().filter(char::is_ascii_digit).collect();
        push(
            "m.cameo LIKE ?",
            Value::Text(format!("{digits}%")),
            &mut parts,
        );
    }
    if let Some(c) = &q.country {
        push(
            "e.event IN (SELECT event FROM mentions WHERE place_country = ?)",
            Value::Text(c.to_uppercase()),
            &mut parts,
        );
    }
    if let Some(p) = &q.place {
        push(
            "e.event IN (SELECT event FROM mentions WHERE place_name = ? COLLATE NOCASE)",
            Value::Text(p.clone()),
            &mut parts,
        );
    }
    if let Some(t) = &q.text {
        push(
            "e.event IN (SELECT event FROM mentions WHERE doc IN
                (SELECT rowid FROM documents_text WHERE documents_text MATCH ?))",
            Value::Text(t.clone()),
            &mut parts,
        );
    }
    if let Some(c) = q.after {
        // Undated events sort first (NULL is lowest in SQLite).
        match c.day {
            None => {
                values.push(Value::Integer(c.event));
                parts.push(format!(
                    "(e.day IS NOT NULL OR e.event > ?{})",
                    values.len()
                ));
            }
            Some(d) => {
                values.push(Value::Integer(d));
                values.push(Value::Integer(c.event));
                let n = values.len();
                // A row value: SQLite walks the (day, event) index from the cursor on.
                parts.push(format!("(e.day, e.event) > (?{}, ?{n})", n - 1));
            }
        }
    }
    Ok((parts.join(" AND "), values))
}
