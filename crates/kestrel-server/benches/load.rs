//! Load on loopback: queries per second and latency percentiles of the HTTP API over a store
//! of a million events. Run with `cargo bench -p kestrel-server --bench load`.
//!
//! The store is the made-up one of `kestrel-store`'s query benchmark (101,000 documents,
//! about a million events; built once into the temporary directory as `kestrel-bench-1m.db`,
//! or KESTREL_BENCH_DB). The server runs in this process on two worker threads; the client
//! keeps CONNECTIONS keep-alive connections busy for a bounded time and count per scenario.
//! Client and server share the machine's cores, as they would on one small host.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kestrel_server::{router, ServerConfig};
use kestrel_store::synthetic;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const DOCS: usize = 101_000;
const CONNECTIONS: usize = 8;
const SECONDS: u64 = 15;
const MAX_REQUESTS: usize = 50_000;

/// One GET over a keep-alive connection; returns the status and the body.
async fn get(conn: &mut BufReader<TcpStream>, path: &str) -> (u16, Vec<u8>) {
    let request = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
    conn.get_mut().write_all(request.as_bytes()).await.unwrap();
    let mut status = 0;
    let mut length = 0;
    let mut line = String::new();
    loop {
        line.clear();
        conn.read_line(&mut line).await.unwrap();
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some(rest) = l.strip_prefix("HTTP/1.1 ") {
            status = rest[..3].parse().unwrap();
        } else if let Some((name, v)) = l.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await.unwrap();
    (status, body)
}

async fn connect(addr: std::net::SocketAddr) -> BufReader<TcpStream> {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    BufReader::new(stream)
}

/// Runs `paths` round-robin from CONNECTIONS connections; prints the figures.
async fn scenario(addr: std::net::SocketAddr, name: &str, paths: Vec<String>) {
    let paths = std::sync::Arc::new(paths);
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CONNECTIONS {
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = connect(addr).await;
            let mut latencies = Vec::new();
            let mut i = c;
            while Instant::now() < deadline && latencies.len() < MAX_REQUESTS / CONNECTIONS {
                let path = &paths[i % paths.len()];
                let t = Instant::now();
                let (status, _) = get(&mut conn, path).await;
                latencies.push(t.elapsed());
                assert_eq!(status, 200, "{path}");
                i += CONNECTIONS;
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let secs = started.elapsed().as_secs_f64();
    all.sort();
    let pct =
        |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1e3;
    println!(
        "{name:<28} {:>7} requests {:>7.0} queries/s  p50 {:>6.2} ms  p90 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms",
        all.len(),
        all.len() as f64 / secs,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        all.last().unwrap().as_secs_f64() * 1e3,
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing and wants no run.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let path = std::env::var_os("KESTREL_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("kestrel-bench-1m.db"));
    let store = synthetic::cached(&path, DOCS).expect("bench store");
    let [docs, mentions, events, _] = store.counts().unwrap();
    drop(store);
    println!(
        "store {}: {docs} documents, {mentions} reports, {events} events",
        path.display()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut config = ServerConfig::new(path, "127.0.0.1:0".parse().unwrap());
        let app = router(&mut config).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

        // A type and a year per request, 16 types by 11 years; and the second page of each,
        // through the cursor the first page gave.
        let mut first_pages = Vec::new();
        for (t, _) in synthetic::TYPES {
            for year in 2015..2026 {
                first_pages.push(format!(
                    "/api/events?type={t}&from={year}-01-01&to={year}-12-31&limit=50"
                ));
            }
        }
        let mut conn = connect(addr).await;
        let mut second_pages = Vec::new();
        for p in &first_pages {
            let (_, body) = get(&mut conn, p).await;
            let page: serde_json::Value = serde_json::from_slice(&body).unwrap();
            if let Some(c) = page["next_cursor"].as_str() {
                second_pages.push(format!("{p}&cursor={c}"));
            }
        }
        let actors: Vec<String> = (0..150)
            .map(|i| format!("/api/events?actor={}&limit=50", synthetic::code(i)))
            .collect();
        let mut mixed = first_pages.clone();
        mixed.extend(second_pages.iter().cloned());
        println!(
            "{CONNECTIONS} connections, at most {SECONDS} s or {MAX_REQUESTS} requests per scenario"
        );
        scenario(addr, "type+year, first page", first_pages).await;
        scenario(addr, "type+year, pages 1 and 2", mixed).await;
        scenario(addr, "one actor, first page", actors).await;
        let timelines: Vec<String> = (0..150)
            .map(|i| format!("/api/timeline?actor={}", synthetic::code(i)))
            .collect();
        scenario(addr, "one actor's timeline", timelines).await;
    });
}
