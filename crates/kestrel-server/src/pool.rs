//! Read-only store connections, reused across requests: opening one reads the schema, which
//! costs more than a small query.

use std::path::PathBuf;
use std::sync::Mutex;

use kestrel_store::{Store, StoreError};

/// Idle read-only connections to one store.
pub(crate) struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl ReadPool {
    /// A pool over the store at `path`; opens one connection now, so that a missing or
    /// foreign file is reported at start.
    pub(crate) fn new(path: PathBuf) -> Result<ReadPool, StoreError> {
        let first = Store::open_read_only(&path)?;
        Ok(ReadPool {
            path,
            idle: Mutex::new(vec![first]),
        })
    }

    /// Runs `f` on an idle connection, or a new one when none is idle.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let taken = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open_read_only(&self.path)?,
        };
        let out = f(&store);
        self.idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(store);
        out
    }
}
