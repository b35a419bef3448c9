//! Cross-article deduplication: event mentions that report one real-world event become one
//! event, counted as GDELT counts (mentions, sources, articles).
//!
//! A mention joins an existing event when all of these hold:
//! - the same PLOVER type and the same modality (a threat and its execution stay apart);
//! - the same actors and the same recipients, compared by country or organisation code (a
//!   participant without a code by its sector, else its words), as sets; for joint acts
//!   (PLOVER CONSULT and COOPERATE, CAMEO 057 signing an agreement) the actors and recipients
//!   together, since "A met B", "B met A" and "A and B met" report one meeting;
//! - dates at most `window_days` apart (mentions without a date start an event of their own);
//! - with `match_place`, no two different countries for where it happened, as the reports'
//!   own clauses or datelines place it (a missing place matches any; the article's main place,
//!   a guess, is not compared).
//!
//! Among several candidates the nearest in date wins, then the oldest. The rules are kept in
//! the store's `settings` table; changing them regroups every mention.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::StoreError;

/// The tunable deduplication rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DedupRules {
    /// Largest gap, in days, between the dates of two mentions of one event.
    pub window_days: i64,
    /// Whether mentions placed in different countries are kept apart.
    pub match_place: bool,
}

impl Default for DedupRules {
    fn default() -> DedupRules {
        DedupRules {
            window_days: 1,
            match_place: true,
        }
    }
}

/// What deduplication compares of one mention.
pub(crate) struct MentionKey {
    pub mention: i64,
    pub doc: i64,
    pub day: Option<i64>,
    pub date: Option<String>,
    pub event_type: String,
    pub modality: String,
    pub actor_key: String,
    pub recipient_key: String,
    pub country: Option<String>,
    pub site: String,
}

/// The participant keys deduplication compares: joint acts compare everyone involved.
pub(crate) fn event_keys(
    event_type: &str,
    cameo: &str,
    actor_key: &str,
    recipient_key: &str,
) -> (String, String) {
    let joint = matches!(event_type, "CONSULT" | "COOPERATE") || cameo.starts_with("057");
    if !joint {
        return (actor_key.to_string(), recipient_key.to_string());
    }
    let mut all: Vec<&str> = actor_key
        .split(';')
        .chain(recipient_key.split(';'))
        .filter(|k| !k.is_empty())
        .collect();
    all.sort_unstable();
    all.dedup();
    (all.join(";"), String::new())
}

pub(crate) fn load_rules(conn: &Connection) -> Result<DedupRules, StoreError> {
    let get = |key: &str| -> Result<Option<String>, StoreError> {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let defaults = DedupRules::default();
    Ok(DedupRules {
        window_days: get("dedup.window_days")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.window_days),
        match_place: get("dedup.match_place")?
            .map(|v| v == "true")
            .unwrap_or(defaults.match_place),
    })
}

pub(crate) fn save_rules(conn: &Connection, rules: &DedupRules) -> Result<(), StoreError> {
    for (key, value) in [
        ("dedup.window_days", rules.window_days.to_string()),
        ("dedup.match_place", rules.match_place.to_string()),
    ] {
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
    }
    Ok(())
}

/// Puts a stored mention into an event: an existing one that the rules match, else a new one.
pub(crate) fn assign(
    tx: &Transaction,
    m: &MentionKey,
    rules: &DedupRules,
    at: &str,
) -> Result<i64, StoreError> {
    let found = match m.day {
        None => None,
        Some(day) => {
            let mut st = tx.prepare_cached(
                "SELECT event, country FROM events
                 WHERE type = ?1 AND actor_key = ?2 AND recipient_key = ?3 AND modality = ?4
                   AND day BETWEEN ?5 AND ?6
                 ORDER BY abs(day - ?7), event",
            )?;
            let rows = st.query_map(
                params![
                    m.event_type,
                    m.actor_key,
                    m.recipient_key,
                    m.modality,
                    day - rules.window_days,
                    day + rules.window_days,
                    day
                ],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)),
            )?;
            let mut found = None;
            for row in rows {
                let (event, country) = row?;
                let clash = rules.match_place
                    && matches!((&country, &m.country), (Some(a), Some(b)) if a != b);
                if !clash {
                    found = Some((event, country));
                    break;
                }
            }
            found
        }
    };
    let event = match found {
        Some((event, country)) => {
            let same_doc: bool = tx
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND doc = ?2)",
                )?
                .query_row(params![event, m.doc], |r| r.get(0))?;
            let same_site: bool = tx
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND site = ?2)",
                )?
                .query_row(params![event, m.site], |r| r.get(0))?;
            tx.prepare_cached(
                "UPDATE events SET num_mentions = num_mentions + 1,
                     num_articles = num_articles + ?2, num_sources = num_sources + ?3,
                     country = coalesce(country, ?4)
                 WHERE event = ?1",
            )?
            .execute(params![
                event,
                i64::from(!same_doc),
                i64::from(!same_site),
                country.or_else(|| m.country.clone())
            ])?;
            event
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO events (day, date, type, modality, actor_key, recipient_key, country,
                     first_mention, num_mentions, num_sources, num_articles, added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 1, 1, ?9)",
            )?
            .execute(params![
                m.day,
                m.date,
                m.event_type,
                m.modality,
                m.actor_key,
                m.recipient_key,
                m.country,
                m.mention,
                at
            ])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached("UPDATE mentions SET event = ?1 WHERE mention = ?2")?
        .execute(params![event, m.mention])?;
    Ok(event)
}

/// Recomputes an event's counts and first mention from its mentions; removes it when none
/// are left.
pub(crate) fn recount(tx: &Transaction, event: i64) -> Result<(), StoreError> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM mentions WHERE event = ?1",
        [event],
        |r| r.get(0),
    )?;
    if n == 0 {
        tx.execute("DELETE FROM events WHERE event = ?1", [event])?;
        return Ok(());
    }
    tx.execute(
        "UPDATE events SET
             num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
             num_articles = (SELECT count(DISTINCT doc) FROM mentions WHERE event = ?1),
             num_sources = (SELECT count(DISTINCT site) FROM mentions WHERE event = ?1),
             first_mention = (SELECT min(mention) FROM mentions WHERE event = ?1)
         WHERE event = ?1",
        [event],
    )?;
    Ok(())
}

/// Regroups every stored mention under the given rules, in the order they were stored.
pub(crate) fn regroup(conn: &mut Connection, rules: &DedupRules) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    tx.execute("UPDATE mentions SET event = NULL", [])?;
    tx.execute("DELETE FROM events", [])?;
    let keys: Vec<MentionKey> = {
        let mut st = tx.prepare(
            "SELECT mention, doc, day, date, type, modality, actor_key, recipient_key, cameo,
                    CASE WHEN place_source IN ('text', 'dateline') THEN place_country END, site
             FROM mentions ORDER BY mention",
        )?;
        let rows = st.query_map([], |r| {
            let event_type: String = r.get(4)?;
            let cameo: String = r.get(8)?;
            let (actor_key, recipient_key) = event_keys(
                &event_type,
                &cameo,
                &r.get::<_, String>(6)?,
                &r.get::<_, String>(7)?,
            );
            Ok(MentionKey {
                mention: r.get(0)?,
                doc: r.get(1)?,
                day: r.get(2)?,
                date: r.get(3)?,
                event_type,
                modality: r.get(5)?,
                actor_key,
                recipient_key,
                country: r.get(9)?,
                site: r.get(10)?,
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let at = crate::insert::now();
    for k in &keys {
        assign(&tx, k, rules, &at)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_acts_compare_everyone_involved() {
        let met = event_keys("CONSULT", "040", "VAL", "KSL");
        assert_eq!(met, event_keys("CONSULT", "040", "KSL;VAL", ""));
        assert_eq!(met, ("KSL;VAL".to_string(), String::new()));
        assert_eq!(
            event_keys("SUPPORT", "057", "KSL", "VAL"),
            event_keys("SUPPORT", "057", "VAL", "KSL")
        );
        // Directed acts keep their direction.
        assert_ne!(
            event_keys("ACCUSE", "112", "VAL", "KSL"),
            event_keys("ACCUSE", "112", "KSL", "VAL")
        );
    }
}
