//! The dashboard as a user sees it: `kestrel ingest` a few articles, `kestrel serve` the
//! store, and drive headless Chromium through WebDriver (chromedriver): the page loads, the
//! panels fill, a filter narrows the events, and an event opens its document at its sentence.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or CHROMEDRIVER and CHROMIUM pointing at
//! them). Without them the test says so and passes, unless KESTREL_REQUIRE_BROWSER=1 (as in
//! `.ci/run`), which makes a missing browser a failure. KESTREL_SCREENSHOT=FILE saves a
//! picture of the dashboard.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "harbour-talks",
        "2026-04-14",
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Mombasa on Tuesday.\n\nThe two presidents signed an agreement to reopen the border crossing at Namanga.",
    ),
    (
        "lagos-arrests",
        "2026-04-15",
        "Nigerian police arrested twelve protesters in Lagos on Wednesday, a police spokesman said.\n\nThe protesters had marched against fuel prices.",
    ),
];

/// Kills the child when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find(env: &str, default: &str) -> Option<PathBuf> {
    let path = std::env::var_os(env).map_or_else(|| PathBuf::from(default), PathBuf::from);
    path.exists().then_some(path)
}

/// A scratch directory, removed with everything in it when the returned guard is dropped
/// (at the end of the test, passed or not).
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kestrel-dash-{name}-"))
        .tempdir()
        .unwrap()
}

fn reference_article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/g20-bali-2022-07-09.txt")
}

/// Starts `kestrel serve` on a free port and returns it with its address.
fn serve(db: &Path) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(["serve", "--db"])
        .arg(db)
        .args(["--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("kestrel serve said {line:?}"))
        .to_string();
    (Running(child), format!("http://{addr}"))
}

async fn browser(driver: &Path, chromium: &Path, dir: &Path) -> (Running, Client) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let driver = Running(child);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                format!("--user-data-dir={}", dir.join("profile").display()),
            ]
        }),
    );
    let started = Instant::now();
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return (driver, client),
            Err(e) if started.elapsed() < Duration::from_secs(20) => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("cannot start Chromium through chromedriver: {e}"),
        }
    }
}

/// Waits until the script returns true.
async fn wait_until(client: &Client, script: &str, what: &str) {
    let started = Instant::now();
    loop {
        let v = client
            .execute(&format!("return Boolean({script});"), vec![])
            .await
            .unwrap();
        if v == Value::Bool(true) {
            return;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let error = client
                .execute(
                    "return document.getElementById('error').textContent",
                    vec![],
                )
                .await
                .unwrap();
            panic!("timed out waiting for {what}; the page's error line says {error}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
        .click()
        .await
        .unwrap();
}

async fn screenshot(client: &Client, path: &Path) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

async fn value(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_filters_and_traces_events_to_sentences() {
    let required = std::env::var("KESTREL_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let (Some(driver), Some(chromium)) = (
        find("CHROMEDRIVER", "/usr/bin/chromedriver"),
        find("CHROMIUM", "/usr/bin/chromium"),
    ) else {
        assert!(
            !required,
            "KESTREL_REQUIRE_BROWSER=1 but chromium or chromedriver is missing; install Debian's chromium and chromium-driver"
        );
        eprintln!("skipped: no chromium/chromedriver (install Debian's chromium and chromium-driver to run it)");
        return;
    };
    let scratch = temp_dir("flow");
    let dir = scratch.path();
    let mut inputs = Vec::new();
    for (id, date, text) in ARTICLES {
        let path = dir.join(format!("{id}-{date}.txt"));
        std::fs::write(&path, text).unwrap();
        inputs.push(path);
    }
    inputs.push(reference_article());
    let db = dir.join("store.db");
    let out = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .arg("ingest")
        .args(&inputs)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_server, base) = serve(&db);
    let (_driver, client) = browser(&driver, &chromium, dir).await;

    client.goto(&format!("{base}/")).await.unwrap();
    wait_until(
        &client,
        "document.body.dataset.ready === 'true'",
        "the first load",
    )
    .await;
    wait_until(
        &client,
        "document.querySelectorAll('#events tr.event').length > 0",
        "events",
    )
    .await;
    let summary = value(
        &client,
        "return document.getElementById('store-summary').textContent",
    )
    .await;
    assert!(
        summary.as_str().unwrap().contains("3 documents"),
        "{summary}"
    );
    // Every panel drew: uPlot and cytoscape draw on canvases, the map is SVG.
    wait_until(
        &client,
        "document.querySelector('#timeline canvas')",
        "the timeline",
    )
    .await;
    wait_until(
        &client,
        "document.querySelector('#network canvas')",
        "the network",
    )
    .await;
    let shaded = value(
        &client,
        "return [...document.querySelectorAll('#map path.country')].filter(p => Number(p.dataset.events) > 0).map(p => p.dataset.code)",
    )
    .await;
    assert!(
        !shaded.as_array().unwrap().is_empty(),
        "no country shaded: {shaded}"
    );

    if let Some(path) = std::env::var_os("KESTREL_SCREENSHOT") {
        screenshot(&client, Path::new(&path)).await;
    }

    // Filter to the reference article's dates through the form.
    for (name, v) in [("from", "2022-07-08"), ("to", "2022-07-09")] {
        // Date inputs take typed digits in the browser's locale; set the value directly.
        client
            .execute(
                "document.querySelector(`#filters [name=${arguments[0]}]`).value = arguments[1];",
                vec![json!(name), json!(v)],
            )
            .await
            .unwrap();
    }
    click(&client, "#apply").await;
    wait_until(
        &client,
        "document.body.dataset.ready === 'true'",
        "the filtered load",
    )
    .await;
    let dates = value(
        &client,
        "return [...document.querySelectorAll('#events tr.event td:first-child')].map(td => td.textContent)",
    )
    .await;
    let dates: Vec<&str> = dates
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(!dates.is_empty());
    assert!(
        dates.iter().all(|d| d.starts_with("2022-07-0")),
        "{dates:?}"
    );
    let url = client.current_url().await.unwrap();
    assert!(
        url.as_str().contains("from=2022-07-08"),
        "the filters are kept in the address: {url}"
    );

    // Open the first event's document: its sentence is marked and holds the trigger.
    let trigger = value(
        &client,
        "return document.querySelector('#events tr.event b.trig').textContent",
    )
    .await;
    click(&client, "#events tr.event a.open-doc").await;
    wait_until(
        &client,
        "!document.getElementById('doc-view').hidden",
        "the document view",
    )
    .await;
    wait_until(
        &client,
        "document.querySelector('#doc-text .sentence.focus')",
        "the marked sentence",
    )
    .await;
    let focus = value(
        &client,
        "return document.querySelector('#doc-text .sentence.focus').textContent",
    )
    .await;
    assert!(
        focus.as_str().unwrap().contains(trigger.as_str().unwrap()),
        "sentence {focus} lacks trigger {trigger}"
    );
    let triggers = value(
        &client,
        "return document.querySelectorAll('#doc-text .trigger').length",
    )
    .await;
    assert!(triggers.as_u64().unwrap() >= 1);
    let entities = value(
        &client,
        "return document.querySelectorAll('#doc-text .ent').length",
    )
    .await;
    assert!(entities.as_u64().unwrap() >= 3);
    // The reference article ends with a donation appeal, removed as boilerplate and shown.
    let removed = value(
        &client,
        "return [...document.querySelectorAll('#doc-removed li.removed .kind')].map(k => k.textContent)",
    )
    .await;
    assert!(
        removed.as_array().unwrap().iter().any(|k| k == "appeal"),
        "{removed}"
    );
    // The document's event list links back to sentences.
    let listed = value(
        &client,
        "return document.querySelectorAll('#doc-events li.doc-event').length",
    )
    .await;
    assert!(listed.as_u64().unwrap() >= 2);

    // A malformed filter shows an error line instead of failing silently.
    client
        .execute(
            "document.querySelector('#filters [name=text]').value = '\"unclosed';",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "#doc-close").await;
    click(&client, "#apply").await;
    wait_until(
        &client,
        "!document.getElementById('error').hidden",
        "the error line",
    )
    .await;
    let error = value(
        &client,
        "return document.getElementById('error').textContent",
    )
    .await;
    assert!(
        error.as_str().unwrap().contains("full-text query"),
        "{error}"
    );
    client.close().await.unwrap();
}

/// The pictures in the README (docs/dashboard.png, docs/dashboard-document.png), taken from a
/// store given as KESTREL_SCREENSHOT_DB: `cargo test -p kestrel-cli --test dashboard --
/// --ignored`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes the README's pictures from a store you name"]
async fn screenshots_for_the_readme() {
    let db = PathBuf::from(
        std::env::var_os("KESTREL_SCREENSHOT_DB").expect("set KESTREL_SCREENSHOT_DB"),
    );
    let driver = find("CHROMEDRIVER", "/usr/bin/chromedriver").expect("chromedriver");
    let chromium = find("CHROMIUM", "/usr/bin/chromium").expect("chromium");
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let scratch = temp_dir("pictures");
    let dir = scratch.path();
    let (_server, base) = serve(&db);
    let (_driver, client) = browser(&driver, &chromium, dir).await;
    client.goto(&format!("{base}/")).await.unwrap();
    wait_until(
        &client,
        "document.body.dataset.ready === 'true'",
        "the first load",
    )
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    screenshot(&client, &docs.join("dashboard.png")).await;
    client
        .goto(&format!("{base}/?from=2022-07-08&to=2022-07-09"))
        .await
        .unwrap();
    wait_until(
        &client,
        "document.body.dataset.ready === 'true'",
        "the filtered load",
    )
    .await;
    click(&client, "#events tr.event a.open-doc").await;
    wait_until(
        &client,
        "document.querySelector('#doc-text .sentence.focus')",
        "the document",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    screenshot(&client, &docs.join("dashboard-document.png")).await;
    client.close().await.unwrap();
}
