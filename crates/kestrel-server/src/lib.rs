//! Kestrel's HTTP API and web dashboard over an event store.
//!
//! ```no_run
//! use kestrel_server::{serve, ServerConfig};
//!
//! let config = ServerConfig::new("kestrel.db".into(), "127.0.0.1:8080".parse().unwrap());
//! serve(config)?; // runs until Ctrl-C
//! # Ok::<(), kestrel_server::ServerError>(())
//! ```
//!
//! The API is read-only unless the configuration carries a pipeline to code posted
//! articles with ([`ServerConfig::ingest`]). Every query runs on a pooled read-only
//! connection on a blocking thread, bounded in number and in time; every error is JSON with
//! a 4xx status when the request was at fault. The dashboard's scripts, styles and map are
//! compiled into the binary: it works with no network.
#![deny(missing_docs)]

mod api;
mod assets;
mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use kestrel_core::{Pipeline, ReadOptions};
use kestrel_store::Store;

pub use api::ApiDoc;

/// How to code articles posted to `POST /api/documents`.
pub struct Ingest {
    /// The pipeline that codes them.
    pub pipeline: Pipeline,
    /// How their JSON is read (the HTML reader for `html` fields, the size limit).
    pub options: ReadOptions,
}

/// What the server serves and how.
pub struct ServerConfig {
    /// The store.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Coding and storing posted articles; none keeps the server read-only.
    pub ingest: Option<Ingest>,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Longest a request may take before it is answered with 503.
    pub timeout: Duration,
    /// Queries running at once; more wait (within the timeout).
    pub max_concurrent: usize,
}

impl ServerConfig {
    /// A read-only server on `addr` over the store at `db`, with the default limits: 2 MiB
    /// bodies, 10 s per request, two queries per core at once.
    pub fn new(db: PathBuf, addr: SocketAddr) -> ServerConfig {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerConfig {
            db,
            addr,
            ingest: None,
            max_body_bytes: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            max_concurrent: 2 * cores,
        }
    }
}

/// What can stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store cannot be opened.
    #[error(transparent)]
    Store(#[from] kestrel_store::StoreError),
    /// The address cannot be listened on, or the runtime failed.
    #[error("cannot serve on {addr}: {error}; choose another --addr")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// Why.
        error: std::io::Error,
    },
}

/// State shared by the handlers.
pub(crate) struct AppState {
    pub(crate) reads: pool::ReadPool,
    pub(crate) writer: Option<Mutex<Store>>,
    pub(crate) ingest: Option<Ingest>,
    pub(crate) timeout: Duration,
    pub(crate) permits: tokio::sync::Semaphore,
}

/// The application: API, documentation and dashboard, over the store at `config.db`. The
/// store must exist unless the configuration allows ingest, which creates it.
pub fn router(config: &mut ServerConfig) -> Result<Router, ServerError> {
    let ingest = config.ingest.take();
    let writer = match ingest {
        Some(_) => Some(Mutex::new(Store::open(&config.db)?)),
        None => None,
    };
    let reads = pool::ReadPool::new(config.db.clone())?;
    let state = Arc::new(AppState {
        reads,
        writer,
        ingest,
        timeout: config.timeout,
        permits: tokio::sync::Semaphore::new(config.max_concurrent.max(1)),
    });
    Ok(api::routes()
        .merge(assets::routes())
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .with_state(state))
}

/// Serves until Ctrl-C (or SIGTERM), on a runtime of its own.
pub fn serve(mut config: ServerConfig) -> Result<(), ServerError> {
    let app = router(&mut config)?;
    let addr = config.addr;
    let io = |error| ServerError::Io { addr, error };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
        let bound = listener.local_addr().map_err(io)?;
        eprintln!(
            "kestrel: serving {} on http://{bound}/ (API docs at /api/docs)",
            config.db.display()
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(io)
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("kestrel: stopping");
}
