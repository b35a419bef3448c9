//! Kestrel's embedded store: coded documents, their entities, places, quotes and events in one
//! SQLite file, with cross-article deduplication of events, queries and exports.
//!
//! ```no_run
//! use kestrel_store::{Query, Store};
//!
//! let store = Store::open_read_only("kestrel.db".as_ref())?;
//! let query = Query { actor: Some("USA".into()), ..Query::default() };
//! for event in store.events(&query)? {
//!     println!("{} {} {}", event.date.as_deref().unwrap_or("-"), event.event_type, event.num_mentions);
//! }
//! # Ok::<(), kestrel_store::StoreError>(())
//! ```
//!
//! The file is SQLite in WAL mode while a writer has it open (readers are never blocked), and
//! returns to a rollback journal when the writer closes, so that a finished store is one
//! self-contained file that can be copied or opened read-only. Its schema is versioned in
//! `PRAGMA user_version` and migrated forward on open; a file of another application, or of a
//! newer Kestrel, is refused and left untouched.
#![deny(missing_docs)]

mod browse;
mod dedup;
mod export;
mod insert;
pub mod parquet;
mod query;
mod schema;
pub mod synthetic;

use std::path::{Path, PathBuf};

pub use browse::{ActorSummary, CountKey, DocumentSummary, Edge, EventMention, TimelineDay};
pub use dedup::DedupRules;
pub use export::{
    csv_header, mention_csv_header, mention_csv_row, mention_json_line, to_csv_row,
    to_gdelt_mention_row, to_gdelt_row, to_json_line, to_plover_line,
};
pub use insert::{content_hash, IngestReport, Stored};
pub use query::{Cursor, EventRow, MentionRow, ParticipantRow, PlaceRow, Query};

use rusqlite::{Connection, OpenFlags};

/// The store's schema version; `PRAGMA user_version` holds it.
pub const SCHEMA_VERSION: i64 = schema::MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a Kestrel store ("KSTR"): tells our files from other SQLite files.
pub const APPLICATION_ID: i64 = 0x4B53_5452;

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database.
    #[error("{0} is not a SQLite database (Kestrel left it untouched); give --db a new file name")]
    NotSqlite(PathBuf),
    /// The file is a SQLite database of some other application.
    #[error("{0} is a SQLite database but not a Kestrel store (Kestrel left it untouched); give --db a new file name")]
    Foreign(PathBuf),
    /// The store was written by a newer Kestrel.
    #[error("{path} has store schema {found}, newer than this Kestrel's {supported}; upgrade Kestrel to read it")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this build reads.
        supported: i64,
    },
    /// The store was written by an older Kestrel and has not been brought up to date.
    #[error("{path} has store schema {found}, older than this Kestrel's {supported}; open it for writing once to migrate it (`kestrel ingest --db {path} DIR` with an empty directory DIR)")]
    Older {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The version this build reads.
        supported: i64,
    },
    /// The file does not exist (read-only opening never creates one).
    #[error("{0} does not exist; create it with `kestrel ingest --db {0}`")]
    Missing(PathBuf),
    /// A query's filters cannot be read (a malformed date, cursor or full-text query).
    #[error("{0}")]
    BadQuery(String),
    /// SQLite reported an error.
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    writable: bool,
    rules: DedupRules,
}

impl Store {
    /// Opens a store for writing, creating it when the file does not exist, and migrates its
    /// schema to this version.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        check_header(path)?;
        let conn = Connection::open(path)?;
        check_identity(&conn, path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&conn)?;
        let rules = dedup::load_rules(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            writable: true,
            rules,
        })
    }

    /// Opens an existing store for reading only; works on read-only files and media.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match Connection::open_with_flags(path, flags) {
            Ok(c)
                if c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
                    .is_ok() =>
            {
                c
            }
            // A store left in WAL mode on a read-only medium cannot create its shared-memory
            // file; as immutable, SQLite reads the main file alone.
            _ => Connection::open_with_flags(
                format!("file:{}?immutable=1", path.display()),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?,
        };
        check_identity(&conn, path)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            return Err(if version > SCHEMA_VERSION {
                StoreError::Newer {
                    path: path.to_path_buf(),
                    found: version,
                    supported: SCHEMA_VERSION,
                }
            } else {
                StoreError::Older {
                    path: path.to_path_buf(),
                    found: version,
                    supported: SCHEMA_VERSION,
                }
            });
        }
        let rules = dedup::load_rules(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            writable: false,
            rules,
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The deduplication rules the store was built with.
    pub fn rules(&self) -> &DedupRules {
        &self.rules
    }

    /// Sets the deduplication rules. They are kept in the store; changing them regroups every
    /// stored event.
    pub fn set_rules(&mut self, rules: DedupRules) -> Result<(), StoreError> {
        if rules == self.rules {
            return Ok(());
        }
        self.rules = rules;
        dedup::save_rules(&self.conn, &self.rules)?;
        dedup::regroup(&mut self.conn, &self.rules)?;
        Ok(())
    }

    /// Counts of what the store holds: documents, event mentions, events (after
    /// deduplication), failed documents.
    pub fn counts(&self) -> Result<[i64; 4], StoreError> {
        let one = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        Ok([
            one("SELECT count(*) FROM documents")?,
            one("SELECT count(*) FROM mentions")?,
            one("SELECT count(*) FROM events")?,
            one("SELECT count(*) FROM failures")?,
        ])
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.writable {
            // Back to a rollback journal: the closed store is one self-contained file.
            let _ = self.conn.pragma_update(None, "journal_mode", "DELETE");
        }
    }
}

/// Refuses a file that exists, is not empty, and does not start like a SQLite database.
fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(path) else {
        return Ok(());
    };
    let mut head = [0u8; 16];
    let n = f.read(&mut head).unwrap_or(0);
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite(path.to_path_buf()));
    }
    Ok(())
}

/// Refuses a SQLite file that holds tables but is not ours.
fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let corrupt = |e: rusqlite::Error| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            StoreError::NotSqlite(path.to_path_buf())
        }
        e => StoreError::Sqlite(e),
    };
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(corrupt)?;
    if app == APPLICATION_ID || (app == 0 && tables == 0) {
        return Ok(());
    }
    Err(StoreError::Foreign(path.to_path_buf()))
}
