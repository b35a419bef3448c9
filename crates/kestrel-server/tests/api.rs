//! The API as a client sees it, on a store of made-up documents: pages, filters, errors,
//! the OpenAPI description, the embedded dashboard, and ingest through the core stages.

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kestrel_server::{router, Ingest, ServerConfig};
use kestrel_store::synthetic;
use serde_json::Value;
use tower::ServiceExt;

const DOCS: usize = 60;

/// A scratch database's path, and the directory it lies in (removed with everything in it
/// when the returned guard is dropped, at the end of the test).
fn temp_db(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("kestrel-server-{name}-"))
        .tempdir()
        .unwrap();
    let path = dir.path().join("test.db");
    (dir, path)
}

/// The app over a synthetic store, and the store's directory (kept while the app serves it).
fn app(name: &str) -> (Router, tempfile::TempDir) {
    let (scratch, path) = temp_db(name);
    drop(synthetic::build(&path, DOCS).unwrap());
    let mut config = ServerConfig::new(path, "127.0.0.1:0".parse().unwrap());
    (router(&mut config).unwrap(), scratch)
}

async fn call(app: &Router, method: &str, uri: &str, body: Option<&str>) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let req = req
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, json)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    call(app, "GET", uri, None).await
}

#[tokio::test]
async fn pages_walk_every_event_once_in_order() {
    let (app, _db) = app("pages");
    let (status, health) = get(&app, "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    let total = health["events"].as_i64().unwrap();
    assert!(total > 500, "{health}");
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let uri = match &cursor {
            Some(c) => format!("/api/events?limit=77&cursor={c}"),
            None => "/api/events?limit=77".to_string(),
        };
        let (status, page) = get(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for e in page["events"].as_array().unwrap() {
            seen.push((
                e["date"].as_str().unwrap().to_string(),
                e["id"].as_i64().unwrap(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, total);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "pages come in date, then id order");
    sorted.dedup_by_key(|e| e.1);
    assert_eq!(sorted.len() as i64, total, "no event twice");
}

#[tokio::test]
async fn filters_narrow_and_counts_agree() {
    let (app, _db) = app("filters");
    let (_, page) = get(&app, "/api/events?type=protest&from=2018-01-01&limit=1000").await;
    let events = page["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        assert_eq!(e["type"], "PROTEST");
        assert!(e["date"].as_str().unwrap() >= "2018-01-01");
        assert_eq!(e["first_report"]["trigger"].as_str().unwrap().len(), 3);
    }
    let (_, counts) = get(&app, "/api/counts?by=type&from=2018-01-01").await;
    let protest = counts["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "PROTEST")
        .unwrap()["events"]
        .as_i64()
        .unwrap();
    assert_eq!(protest as usize, events.len());

    let code = synthetic::code(17);
    let (status, actor) = get(&app, &format!("/api/actors/{code}?limit=1000")).await;
    assert_eq!(status, StatusCode::OK, "{actor}");
    let events = actor["events"]["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let codes: Vec<&str> = e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["recipients"].as_array().unwrap())
            .filter_map(|p| p["code"].as_str())
            .collect();
        assert!(codes.contains(&code.as_str()), "{e}");
    }
    let (_, timeline) = get(&app, &format!("/api/timeline?actor={code}")).await;
    let days: i64 = timeline["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            d["quad_classes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_i64().unwrap())
                .sum::<i64>()
        })
        .sum();
    let (_, as_actor) = get(&app, &format!("/api/events?actor={code}&limit=1000")).await;
    assert_eq!(days as usize, as_actor["events"].as_array().unwrap().len());

    let (_, network) = get(&app, "/api/network?limit=5").await;
    let edges = network["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 5);
    assert!(edges[0]["events"].as_i64() >= edges[4]["events"].as_i64());

    let (_, one) = get(&app, "/api/events/1").await;
    assert_eq!(one["event"]["id"], 1);
    let reports = one["reports"].as_array().unwrap();
    assert!(!reports.is_empty());
    let doc_id = reports[0]["doc_id"].as_str().unwrap();
    let (status, doc) = get(&app, &format!("/api/documents/{doc_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["document"]["id"], doc_id);
    let seq = reports[0]["seq"].as_u64().unwrap() as usize;
    assert_eq!(doc["stored_events"][seq]["event"], 1);

    let (_, docs) = get(&app, "/api/documents?limit=7").await;
    assert_eq!(docs["documents"].as_array().unwrap().len(), 7);
    let next = docs["next_cursor"].as_str().unwrap();
    let (_, more) = get(&app, &format!("/api/documents?limit=7&cursor={next}")).await;
    assert_ne!(more["documents"][0]["id"], docs["documents"][0]["id"]);
}

#[tokio::test]
async fn bad_requests_get_json_errors_not_500s() {
    let (app, _db) = app("errors");
    for uri in [
        "/api/events?from=2020-02-31",
        "/api/events?limit=abc",
        "/api/events?limit=0",
        "/api/events?limit=100000",
        "/api/events?cursor=garbage",
        "/api/events?text=%22open",
        "/api/events?text=AND",
        "/api/counts?by=weekday",
        "/api/counts",
        "/api/events/abc",
        "/api/documents?cursor=x",
        "/api/documents?text=NOT",
    ] {
        let (status, body) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["status"], 400, "{uri}");
        assert!(!body["error"].as_str().unwrap().is_empty());
    }
    for uri in [
        "/api/events/999999999",
        "/api/documents/nope",
        "/api/actors/ZZZ",
        "/api/nowhere",
    ] {
        let (status, body) = get(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {body}");
        assert_eq!(body["status"], 404);
    }
    let (status, body) = call(&app, "POST", "/api/documents", Some(r#"{"text": "Hi."}"#)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["error"].as_str().unwrap().contains("--allow-ingest"));
}

#[tokio::test]
async fn openapi_and_dashboard_are_served_from_the_binary() {
    let (app, _db) = app("assets");
    let (status, spec) = get(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/counts",
        "/api/documents",
    ] {
        assert!(
            spec["paths"][path].is_object(),
            "{path} missing from the spec"
        );
    }
    assert!(spec["components"]["schemas"]["Event"].is_object());
    let (status, page) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    let html = page.as_str().unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no outside address"
    );
    // Every file the page and the API docs load is served.
    let (_, docs) = get(&app, "/api/docs").await;
    let pages = format!("{html}{}", docs.as_str().unwrap());
    let mut assets = 0;
    for part in pages.split("\"/assets/").skip(1) {
        let file = &part[..part.find('"').unwrap()];
        let (status, _) = get(&app, &format!("/assets/{file}")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assets += 1;
    }
    assert!(assets >= 8);
    let (status, _) = get(&app, "/assets/vendor/countries-110m.json").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(&app, "/assets/../Cargo.toml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn posted_articles_are_coded_stored_and_idempotent() {
    let (_scratch, path) = temp_db("ingest");
    let mut config = ServerConfig::new(path, "127.0.0.1:0".parse().unwrap());
    config.max_body_bytes = 4096;
    // The core stages alone: enough to see a document stored and read back.
    config.ingest = Some(Ingest {
        pipeline: kestrel_core::Pipeline::with_stage_names(&["clean", "segment"]).unwrap(),
        options: kestrel_core::ReadOptions::default(),
    });
    let app = router(&mut config).unwrap();
    let article = r#"{"id": "wire/note-1", "text": "The harbour board met on Tuesday. It agreed to dredge the channel.", "published": "2026-05-05"}"#;
    let (status, body) = call(&app, "POST", "/api/documents", Some(article)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "added");
    assert_eq!(body["document"]["sentences"].as_array().unwrap().len(), 2);
    let (_, again) = call(&app, "POST", "/api/documents", Some(article)).await;
    assert_eq!(again["status"], "unchanged");
    let copy = article.replace("note-1", "note-2");
    let (_, dup) = call(&app, "POST", "/api/documents", Some(&copy)).await;
    assert_eq!(dup["status"], "duplicate");
    assert_eq!(dup["duplicate_of"], "wire/note-1");
    // Ids with slashes (paths of files read from folders) are found written either way.
    for uri in ["/api/documents/wire/note-1", "/api/documents/wire%2Fnote-1"] {
        let (status, doc) = get(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(doc["document"]["id"], "wire/note-1");
    }
    let (_, health) = get(&app, "/api/health").await;
    assert_eq!(health["documents"], 1);
    assert_eq!(health["ingest"], true);

    for (body, want) in [
        (r#"{"text": 5}"#, StatusCode::UNPROCESSABLE_ENTITY),
        (r#"{"text": "   "}"#, StatusCode::UNPROCESSABLE_ENTITY),
        (r#"{"text": "#, StatusCode::BAD_REQUEST),
        (r#"[1, 2]"#, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (status, err) = call(&app, "POST", "/api/documents", Some(body)).await;
        assert_eq!(status, want, "{body}: {err}");
        assert!(err["error"].is_string());
    }
    let big = format!(r#"{{"text": "{}"}}"#, "word ".repeat(2000));
    let (status, err) = call(&app, "POST", "/api/documents", Some(&big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{err}");
}
