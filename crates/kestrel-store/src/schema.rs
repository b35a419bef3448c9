//! The store's tables and their migrations.
//!
//! Each migration takes the schema from version N to N+1 and runs in one transaction; the
//! version lives in `PRAGMA user_version`. Never edit a released migration: add one.

use rusqlite::Connection;

use crate::{StoreError, APPLICATION_ID, SCHEMA_VERSION};

/// Migrations in order; `MIGRATIONS[i]` takes version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, their layers, event mentions and deduplicated events.
    "
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    -- One row per coded document; `json` is the document in Kestrel's JSON (schema kestrel/1),
    -- deflate-compressed (zlib).
    CREATE TABLE documents (
        doc        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        hash       TEXT NOT NULL,
        source     TEXT,
        url        TEXT,
        title      TEXT,
        published  TEXT,
        site       TEXT,
        length     INTEGER NOT NULL,
        ingested   TEXT NOT NULL,
        json       BLOB NOT NULL
    );
    CREATE INDEX documents_hash ON documents(hash);
    -- Full-text index of titles and texts; contentless: the words are indexed, not kept twice.
    -- (Plain contentless, without SQLite 3.43's contentless_delete, so that older SQLite
    -- clients read the file; Kestrel deletes with FTS5's 'delete' command.)
    CREATE VIRTUAL TABLE documents_text USING fts5(title, text, content='');
    -- Documents that could not be read or coded, with the reason.
    CREATE TABLE failures (
        id       TEXT,
        source   TEXT NOT NULL,
        message  TEXT NOT NULL,
        at       TEXT NOT NULL
    );
    CREATE TABLE entities (
        doc     INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        type    TEXT NOT NULL,
        text    TEXT NOT NULL,
        start   INTEGER NOT NULL,
        end     INTEGER NOT NULL,
        code    TEXT,
        sector  TEXT
    );
    CREATE INDEX entities_doc ON entities(doc);
    CREATE INDEX entities_code ON entities(code);
    CREATE TABLE places (
        doc        INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        geonameid  INTEGER NOT NULL,
        name       TEXT NOT NULL,
        country    TEXT NOT NULL,
        admin1     TEXT,
        lat        REAL NOT NULL,
        lon        REAL NOT NULL,
        level      TEXT NOT NULL
    );
    CREATE INDEX places_doc ON places(doc);
    CREATE TABLE quotes (
        doc      INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        kind     TEXT NOT NULL,
        content  TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        speaker  TEXT,
        code     TEXT,
        sector   TEXT
    );
    CREATE INDEX quotes_doc ON quotes(doc);
    -- Deduplicated events: one row per real-world event, with GDELT's counts.
    CREATE TABLE events (
        event          INTEGER PRIMARY KEY,
        day            INTEGER,
        date           TEXT,
        type           TEXT NOT NULL,
        modality       TEXT NOT NULL,
        actor_key      TEXT NOT NULL,
        recipient_key  TEXT NOT NULL,
        country        TEXT,
        first_mention  INTEGER,
        num_mentions   INTEGER NOT NULL DEFAULT 0,
        num_sources    INTEGER NOT NULL DEFAULT 0,
        num_articles   INTEGER NOT NULL DEFAULT 0,
        added          TEXT NOT NULL
    );
    CREATE INDEX events_key ON events(type, actor_key, recipient_key, day);
    CREATE INDEX events_day ON events(day);
    -- Event mentions: each event as one sentence of one document reports it.
    CREATE TABLE mentions (
        mention         INTEGER PRIMARY KEY,
        doc             INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
        seq             INTEGER NOT NULL,
        event           INTEGER REFERENCES events(event),
        sentence        INTEGER NOT NULL,
        sentence_text   TEXT NOT NULL,
        trigger         TEXT NOT NULL,
        trigger_start   INTEGER NOT NULL,
        day             INTEGER,
        date            TEXT,
        date_source     TEXT NOT NULL,
        type            TEXT NOT NULL,
        mode            TEXT,
        cameo           TEXT NOT NULL,
        goldstein       REAL NOT NULL,
        quad_class      INTEGER NOT NULL,
        modality        TEXT NOT NULL,
        actor_key       TEXT NOT NULL,
        recipient_key   TEXT NOT NULL,
        place_name      TEXT,
        place_country   TEXT,
        place_admin1    TEXT,
        place_level     TEXT,
        place_lat       REAL,
        place_lon       REAL,
        place_geonameid INTEGER,
        place_source    TEXT NOT NULL,
        site            TEXT NOT NULL,
        plover          TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc);
    CREATE INDEX mentions_event ON mentions(event, doc);
    CREATE INDEX mentions_country ON mentions(place_country);
    CREATE INDEX mentions_place ON mentions(place_name COLLATE NOCASE);
    -- Actors and recipients of each mention.
    CREATE TABLE participants (
        mention  INTEGER NOT NULL REFERENCES mentions(mention) ON DELETE CASCADE,
        role     TEXT NOT NULL,
        seq      INTEGER NOT NULL,
        text     TEXT NOT NULL,
        start    INTEGER NOT NULL,
        code     TEXT,
        sector   TEXT
    );
    CREATE INDEX participants_mention ON participants(mention);
    CREATE INDEX participants_code ON participants(code, role);
    ",
    // 2: faster pages: events by type in date order; each participant carries its mention's
    // event (kept in step by a trigger), so that the events of one actor come from an index
    // alone.
    "
    CREATE INDEX events_type_day ON events(type, day);
    ALTER TABLE participants ADD COLUMN event INTEGER;
    UPDATE participants SET event = (SELECT event FROM mentions m WHERE m.mention = participants.mention);
    DROP INDEX participants_code;
    CREATE INDEX participants_code ON participants(code, role, event);
    CREATE TRIGGER mentions_event_to_participants AFTER UPDATE OF event ON mentions
    BEGIN
        UPDATE participants SET event = NEW.event WHERE mention = NEW.mention;
    END;
    ",
    // 3: a participant that no words name but the event implies (a protest's own government).
    "
    ALTER TABLE participants ADD COLUMN implied INTEGER NOT NULL DEFAULT 0;
    ",
];

/// Brings a store to [`SCHEMA_VERSION`], creating it when empty.
pub(crate) fn migrate(conn: &Connection) -> Result<(), StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: conn.path().unwrap_or_default().into(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    Ok(())
}
