//! Summaries for browsing a store: counts, a timeline, the actor network, actors and
//! documents. The HTTP API and the dashboard are built on these.

use rusqlite::types::Value;
use rusqlite::OptionalExtension;

use crate::query::fts_error;
use crate::{Query, Store, StoreError};

/// What [`Store::count_by`] groups events by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountKey {
    /// The event's date (`YYYY-MM-DD`).
    Day,
    /// The event's month (`YYYY-MM`).
    Month,
    /// The PLOVER event type.
    Type,
    /// The CAMEO root code (two digits).
    Cameo,
    /// CAMEO's quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict).
    QuadClass,
    /// The country (ISO alpha-3) where it happened.
    Country,
}

impl CountKey {
    /// Every key, by name.
    pub const ALL: [CountKey; 6] = [
        CountKey::Day,
        CountKey::Month,
        CountKey::Type,
        CountKey::Cameo,
        CountKey::QuadClass,
        CountKey::Country,
    ];

    /// The key's name (`day`, `month`, `type`, `cameo`, `quad_class`, `country`).
    pub fn name(self) -> &'static str {
        match self {
            CountKey::Day => "day",
            CountKey::Month => "month",
            CountKey::Type => "type",
            CountKey::Cameo => "cameo",
            CountKey::QuadClass => "quad_class",
            CountKey::Country => "country",
        }
    }

    /// The key with this name.
    pub fn from_name(name: &str) -> Option<CountKey> {
        CountKey::ALL.into_iter().find(|k| k.name() == name)
    }

    fn sql(self) -> &'static str {
        match self {
            CountKey::Day => "e.date",
            CountKey::Month => "substr(e.date, 1, 7)",
            CountKey::Type => "e.type",
            CountKey::Cameo => "substr(m.cameo, 1, 2)",
            CountKey::QuadClass => "CAST(m.quad_class AS TEXT)",
            CountKey::Country => "e.country",
        }
    }

    /// Dates read best in order; the other keys by size.
    fn order(self) -> &'static str {
        match self {
            CountKey::Day | CountKey::Month => "1",
            _ => "2 DESC, 1",
        }
    }
}

/// Events of one day by quad class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineDay {
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// Events of quad class 1 to 4 (verbal and material cooperation, verbal and material
    /// conflict).
    pub quad_classes: [i64; 4],
}

/// Events between an actor and a recipient, both coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The actor: its code, then its sector when it has one (`RUS GOV`).
    pub actor: String,
    /// The recipient, written the same way.
    pub recipient: String,
    /// Events with this actor and this recipient.
    pub events: i64,
}

/// An actor code and how often it appears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorSummary {
    /// The code (`USA`, `IGOUNO`).
    pub code: String,
    /// Event mentions where it acts.
    pub as_actor: i64,
    /// Event mentions where it is the recipient.
    pub as_recipient: i64,
    /// The words that name it most often, most frequent first (at most five).
    pub names: Vec<String>,
    /// Its sectors, most frequent first.
    pub sectors: Vec<String>,
}

/// A stored document, without its layers.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentSummary {
    /// Row id: the order documents were stored in, for paging.
    pub row: i64,
    /// The document's id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub site: String,
    /// Address.
    pub url: Option<String>,
    /// Where it was read from.
    pub source: Option<String>,
    /// Length of the cleaned text, in characters.
    pub length: i64,
    /// Event mentions coded from it.
    pub events: i64,
}

/// One report of an event: the document and sentence it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    /// The reporting document's id.
    pub doc_id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub site: String,
    /// Index of the event among the document's events (its `events` array in the JSON).
    pub seq: i64,
    /// Index of the sentence in the document.
    pub sentence: i64,
    /// The sentence.
    pub sentence_text: String,
    /// The trigger's words.
    pub trigger: String,
    /// Character offset of the trigger in the document.
    pub trigger_start: i64,
    /// The date this report gives.
    pub date: Option<String>,
}

const FILTERED: &str = "FROM events e JOIN mentions m ON m.mention = e.first_mention";

impl Store {
    /// Counts the events that match `q`, grouped by `key`: dates in order, the other keys
    /// largest first; at most `limit` groups. Events without a value for the key (undated,
    /// unplaced) are left out.
    pub fn count_by(
        &self,
        q: &Query,
        key: CountKey,
        limit: usize,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let (filter, values) = self.where_clause(q)?;
        // Dates that are not calendar days ("2005", "PAST_REF") have no day number.
        let dated = match key {
            CountKey::Day | CountKey::Month => " AND e.day IS NOT NULL",
            _ => "",
        };
        let sql = format!(
            "SELECT {k}, count(*) {FILTERED} WHERE {filter} AND {k} IS NOT NULL{dated}
             GROUP BY 1 ORDER BY {} LIMIT {limit}",
            key.order(),
            k = key.sql()
        );
        self.collect(&sql, values, |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// Events that match `q` per day and quad class, in date order.
    pub fn timeline(&self, q: &Query) -> Result<Vec<TimelineDay>, StoreError> {
        let (filter, values) = self.where_clause(q)?;
        let sql = format!(
            "SELECT e.date, m.quad_class, count(*) {FILTERED}
             WHERE {filter} AND e.day IS NOT NULL GROUP BY e.day, m.quad_class ORDER BY e.day"
        );
        let cells: Vec<(String, i64, i64)> =
            self.collect(&sql, values, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let mut days: Vec<TimelineDay> = Vec::new();
        for (date, quad, n) in cells {
            if days.last().is_none_or(|d| d.date != date) {
                days.push(TimelineDay {
                    date,
                    quad_classes: [0; 4],
                });
            }
            if let Some(slot) = (quad as usize)
                .checked_sub(1)
                .and_then(|i| days.last_mut().and_then(|d| d.quad_classes.get_mut(i)))
            {
                *slot += n;
            }
        }
        Ok(days)
    }

    /// Who acts on whom among the events that match `q`: pairs of coded actor and recipient,
    /// most events first, at most `limit`.
    pub fn network(&self, q: &Query, limit: usize) -> Result<Vec<Edge>, StoreError> {
        let (filter, values) = self.where_clause(q)?;
        let node = |t: &str| format!("{t}.code || coalesce(' ' || {t}.sector, '')");
        let sql = format!(
            "SELECT {a}, {r}, count(DISTINCT e.event) {FILTERED}
             JOIN participants pa ON pa.mention = m.mention AND pa.role = 'actor'
             JOIN participants pr ON pr.mention = m.mention AND pr.role = 'recipient'
             WHERE {filter} AND pa.code IS NOT NULL AND pr.code IS NOT NULL
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT {limit}",
            a = node("pa"),
            r = node("pr"),
        );
        self.collect(&sql, values, |r| {
            Ok(Edge {
                actor: r.get(0)?,
                recipient: r.get(1)?,
                events: r.get(2)?,
            })
        })
    }

    /// Actor codes that start with `prefix` (any code without one), most mentioned first.
    pub fn actors(
        &self,
        prefix: Option<&str>,
        limit: usize,
    ) -> Result<Vec<ActorSummary>, StoreError> {
        let prefix = prefix.unwrap_or("").to_uppercase();
        // A range over the index rather than LIKE, which SQLite's index cannot serve here.
        let upper = format!("{prefix}\u{10FFFF}");
        let codes: Vec<(String, i64, i64)> = self.collect(
            &format!(
                "SELECT code, sum(role = 'actor'), sum(role = 'recipient') FROM participants
                 WHERE code >= ?1 AND code < ?2 GROUP BY code ORDER BY count(*) DESC, code
                 LIMIT {limit}"
            ),
            vec![Value::Text(prefix), Value::Text(upper)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        codes
            .into_iter()
            .map(|(code, as_actor, as_recipient)| {
                let (names, sectors) = self.actor_words(&code)?;
                Ok(ActorSummary {
                    code,
                    as_actor,
                    as_recipient,
                    names,
                    sectors,
                })
            })
            .collect()
    }

    /// One actor code, when the store has it.
    pub fn actor(&self, code: &str) -> Result<Option<ActorSummary>, StoreError> {
        let code = code.to_uppercase();
        let counts: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT sum(role = 'actor'), sum(role = 'recipient') FROM participants
                 WHERE code = ?1 HAVING count(*) > 0",
                [&code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((as_actor, as_recipient)) = counts else {
            return Ok(None);
        };
        let (names, sectors) = self.actor_words(&code)?;
        Ok(Some(ActorSummary {
            code,
            as_actor,
            as_recipient,
            names,
            sectors,
        }))
    }

    fn actor_words(&self, code: &str) -> Result<(Vec<String>, Vec<String>), StoreError> {
        let names = self.collect(
            "SELECT text FROM participants WHERE code = ?1 AND lower(text) NOT IN
                 ('he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their',
                  'him', 'them', 'us', 'our', 'who', 'which', 'that')
             GROUP BY text ORDER BY count(*) DESC, text LIMIT 5",
            vec![Value::Text(code.to_string())],
            |r| r.get(0),
        )?;
        let sectors = self.collect(
            "SELECT sector FROM participants WHERE code = ?1 AND sector IS NOT NULL
             GROUP BY sector ORDER BY count(*) DESC, sector",
            vec![Value::Text(code.to_string())],
            |r| r.get(0),
        )?;
        Ok((names, sectors))
    }

    /// Stored documents in the order they were stored, after row `after`; with `text`, only
    /// those whose title or text match it (FTS5 syntax).
    pub fn documents(
        &self,
        text: Option<&str>,
        after: Option<i64>,
        limit: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        if let Some(t) = text {
            self.check_text_query(t)?;
        }
        let mut values = vec![Value::Integer(after.unwrap_or(0))];
        let mut filter = "d.doc > ?1".to_string();
        if let Some(t) = text {
            values.push(Value::Text(t.to_string()));
            filter.push_str(
                " AND d.doc IN (SELECT rowid FROM documents_text WHERE documents_text MATCH ?2)",
            );
        }
        let sql = format!(
            "SELECT d.doc, d.id, d.title, d.published, d.site, d.url, d.source, d.length,
                    (SELECT count(*) FROM mentions m WHERE m.doc = d.doc)
             FROM documents d WHERE {filter} ORDER BY d.doc LIMIT {limit}"
        );
        self.collect(&sql, values, |r| {
            Ok(DocumentSummary {
                row: r.get(0)?,
                id: r.get(1)?,
                title: r.get(2)?,
                published: r.get(3)?,
                site: r.get(4)?,
                url: r.get(5)?,
                source: r.get(6)?,
                length: r.get(7)?,
                events: r.get(8)?,
            })
        })
    }

    /// Every report of one event, in the order they were stored.
    pub fn event_mentions(&self, event: i64) -> Result<Vec<EventMention>, StoreError> {
        self.collect(
            "SELECT d.id, d.title, m.site, m.seq, m.sentence, m.sentence_text, m.trigger,
                    m.trigger_start, m.date
             FROM mentions m JOIN documents d ON d.doc = m.doc
             WHERE m.event = ?1 ORDER BY m.mention",
            vec![Value::Integer(event)],
            |r| {
                Ok(EventMention {
                    doc_id: r.get(0)?,
                    title: r.get(1)?,
                    site: r.get(2)?,
                    seq: r.get(3)?,
                    sentence: r.get(4)?,
                    sentence_text: r.get(5)?,
                    trigger: r.get(6)?,
                    trigger_start: r.get(7)?,
                    date: r.get(8)?,
                })
            },
        )
    }

    fn collect<T>(
        &self,
        sql: &str,
        values: Vec<Value>,
        f: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut st = self.conn.prepare_cached(sql).map_err(fts_error)?;
        let rows = st
            .query_map(rusqlite::params_from_iter(values), f)
            .map_err(fts_error)?;
        rows.collect::<Result<Vec<T>, _>>().map_err(fts_error)
    }
}
