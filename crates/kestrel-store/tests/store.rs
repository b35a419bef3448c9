//! The store on hand-built documents: idempotent ingest, replacement, deduplication, queries,
//! exports, and refusal of files that are not ours.

use kestrel_core::{Document, Event, Modality, Participant, Place, Sentence, Span};
use kestrel_store::{content_hash, DedupRules, Query, Store, StoreError};
use std::path::PathBuf;

struct Report<'a> {
    actor: (&'a str, &'a str),
    recipient: Option<(&'a str, &'a str)>,
    trigger: &'a str,
    event_type: &'a str,
    cameo: &'a str,
    date: &'a str,
    place: Option<(&'a str, &'a str)>,
}

/// A one-sentence document reporting one event; the sentence is made of the participants'
/// names and the trigger, so that spans can be found in it.
fn doc(id: &str, site: &str, r: &Report) -> Document {
    let mut text = format!("{} {}", r.actor.0, r.trigger);
    if let Some((name, _)) = r.recipient {
        text.push_str(&format!(" {name}"));
    }
    if let Some((name, _)) = r.place {
        text.push_str(&format!(" in {name}"));
    }
    text.push('.');
    // Each article in its own words: the store skips a second copy of the same text.
    text.push_str(&format!(" (Report {id}.)"));
    let span = |word: &str| {
        let start = text.find(word).expect("word in text");
        Span::new(start, start + word.len())
    };
    let mut d = Document::new(id, text.clone());
    d.site_name = Some(site.to_string());
    d.published = Some(r.date.to_string());
    d.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..0,
    }];
    let participant = |(name, code): (&str, &str)| Participant {
        span: span(name),
        entity: None,
        code: Some(code.to_string()),
        sector: Some("GOV".to_string()),
        implied: false,
    };
    if let Some((name, country)) = r.place {
        d.places.push(Place {
            span: span(name),
            sentence: 0,
            entity: None,
            geonameid: 1,
            name: name.to_string(),
            country: country.to_string(),
            admin1: None,
            lat: 1.0,
            lon: 2.0,
            level: "city".to_string(),
            basis: "name".to_string(),
        });
    }
    d.events.push(Event {
        sentence: 0,
        trigger: span(r.trigger),
        trigger_extra: vec![],
        plover_type: r.event_type.to_string(),
        mode: None,
        context: vec![],
        cameo: r.cameo.to_string(),
        goldstein: -2.0,
        quad_class: 3,
        plover_score: 0.0,
        actors: vec![participant(r.actor)],
        recipients: r.recipient.map(participant).into_iter().collect(),
        modality: Modality::Asserted,
        date: Some(r.date.to_string()),
        money: None,
        dead: None,
        injured: None,
        arrested: None,
        place: r.place.map(|_| 0),
        place_source: if r.place.is_some() { "text" } else { "none" },
        date_source: "published",
        rule: "test:1".to_string(),
    });
    d
}

fn accuse<'a>(date: &'a str, place: Option<(&'a str, &'a str)>) -> Report<'a> {
    Report {
        actor: ("Valdoria", "VAL"),
        recipient: Some(("Kessland", "KSL")),
        trigger: "accused",
        event_type: "ACCUSE",
        cameo: "112",
        date,
        place,
    }
}

/// A scratch database's path, and the directory it lies in (removed with everything in it
/// when the returned guard is dropped, at the end of the test).
fn temp_db(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("kestrel-store-{name}-"))
        .tempdir()
        .unwrap();
    let path = dir.path().join("test.db");
    (dir, path)
}

fn with_hash(d: Document) -> (Document, String) {
    let h = content_hash(&d.text);
    (d, h)
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_documents() {
    let (_scratch, path) = temp_db("idempotent");
    let mut store = Store::open(&path).unwrap();
    let a = doc("a", "Daily Lantern", &accuse("2026-03-02", None));
    let hash = content_hash(&a.text);
    assert_eq!(
        store.status("a", &hash).unwrap(),
        kestrel_store::Stored::New
    );
    let r = store.insert(&[with_hash(a.clone())], &[]).unwrap();
    assert_eq!((r.added, r.mentions), (1, 1));
    assert_eq!(
        store.status("a", &hash).unwrap(),
        kestrel_store::Stored::Unchanged
    );
    assert_eq!(
        store.status("copy-of-a", &hash).unwrap(),
        kestrel_store::Stored::Duplicate("a".into())
    );
    // The same id with new content replaces the old rows and events.
    let changed = doc("a", "Daily Lantern", &accuse("2026-05-20", None));
    assert_eq!(
        store.status("a", &content_hash(&changed.text)).unwrap(),
        kestrel_store::Stored::Unchanged,
        "same words, same hash: the text decides, not the metadata"
    );
    let r = store.insert(&[with_hash(changed)], &[]).unwrap();
    assert_eq!(r.replaced, 1);
    assert_eq!(store.counts().unwrap(), [1, 1, 1, 0]);
    let events = store.events(&Query::default()).unwrap();
    assert_eq!(events[0].date.as_deref(), Some("2026-05-20"));
    let json = store.document_json("a").unwrap().expect("stored");
    assert!(json.contains("\"schema\":\"kestrel/1\""), "{json}");
    // Replacing a document replaces its words in the full-text index.
    let before = Report {
        actor: ("Ostria", "OST"),
        ..accuse("2026-05-20", None)
    };
    store
        .insert(&[with_hash(doc("a", "Daily Lantern", &before))], &[])
        .unwrap();
    let text = |w: &str| {
        store
            .events(&Query {
                text: Some(w.into()),
                ..Query::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!((text("Ostria"), text("Valdoria")), (1, 0));
    drop(store);
    // Closed, the store is one file that opens read-only.
    assert!(!path.with_extension("db-wal").exists());
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.counts().unwrap()[0], 1);
}

#[test]
fn reports_of_one_event_merge_and_are_counted() {
    let (_scratch, path) = temp_db("dedup");
    let mut store = Store::open(&path).unwrap();
    let docs = vec![
        with_hash(doc(
            "1",
            "Daily Lantern",
            &accuse("2026-03-02", Some(("Portmere", "VAL"))),
        )),
        // The next day, another outlet: the same event.
        with_hash(doc("2", "Evening Courier", &accuse("2026-03-03", None))),
        // Same outlet again: one more article, no new source.
        with_hash(doc("3", "Daily Lantern", &accuse("2026-03-02", None))),
        // A week later: another event.
        with_hash(doc("4", "Daily Lantern", &accuse("2026-03-09", None))),
        // Same day, placed in another country: another event.
        with_hash(doc(
            "5",
            "Evening Courier",
            &accuse("2026-03-02", Some(("Lakeside", "KSL"))),
        )),
        // Other participants: another event.
        with_hash(doc(
            "6",
            "Evening Courier",
            &Report {
                recipient: Some(("Ostria", "OST")),
                ..accuse("2026-03-02", None)
            },
        )),
    ];
    store.insert(&docs, &[]).unwrap();
    let events = store.events(&Query::default()).unwrap();
    let counts: Vec<(i64, i64, i64)> = events
        .iter()
        .map(|e| (e.num_mentions, e.num_sources, e.num_articles))
        .collect();
    assert_eq!(events.len(), 4, "{counts:?}");
    let first = &events[0];
    assert_eq!(
        (first.num_mentions, first.num_sources, first.num_articles),
        (3, 2, 3)
    );
    assert_eq!(first.doc_id, "1");
    // Wider rules regroup what is stored: a week's window and places ignored.
    store
        .set_rules(DedupRules {
            window_days: 7,
            match_place: false,
        })
        .unwrap();
    assert_eq!(store.events(&Query::default()).unwrap().len(), 2);
    assert_eq!(store.rules().window_days, 7);
    // Filters by participant follow the regrouped events.
    let by_recipient = |code: &str| {
        store
            .events(&Query {
                recipient: Some(code.into()),
                actor: Some("VAL".into()),
                ..Query::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!((by_recipient("KSL"), by_recipient("OST")), (1, 1));
    drop(store);
    // The rules are kept in the store.
    assert_eq!(Store::open(&path).unwrap().rules().window_days, 7);
}

#[test]
fn queries_filter_and_exports_keep_their_shape() {
    let (_scratch, path) = temp_db("query");
    let mut store = Store::open(&path).unwrap();
    let protest = Report {
        actor: ("Ostria", "OST"),
        recipient: None,
        trigger: "marched",
        event_type: "PROTEST",
        cameo: "141",
        date: "2026-04-10",
        place: Some(("Portmere", "VAL")),
    };
    store
        .insert(
            &[
                with_hash(doc("p", "Daily Lantern", &protest)),
                with_hash(doc("q", "Daily Lantern", &accuse("2026-03-02", None))),
            ],
            &[],
        )
        .unwrap();
    let n = |q: Query| store.events(&q).unwrap().len();
    assert_eq!(n(Query::default()), 2);
    assert_eq!(
        n(Query {
            actor: Some("val".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            recipient: Some("KSL".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            actor: Some("KSL".into()),
            ..Query::default()
        }),
        0
    );
    assert_eq!(
        n(Query {
            event_type: Some("protest".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            cameo: Some("14".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            cameo: Some("11".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            country: Some("VAL".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            place: Some("portmere".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            sector: Some("GOV".into()),
            ..Query::default()
        }),
        2
    );
    assert_eq!(
        n(Query {
            text: Some("marched".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            from: Some("2026-04-01".into()),
            to: Some("2026-04-30".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        n(Query {
            limit: Some(1),
            ..Query::default()
        }),
        1
    );
    assert!(store
        .events(&Query {
            from: Some("April".into()),
            ..Query::default()
        })
        .is_err());

    let events = store.events(&Query::default()).unwrap();
    let gazetteer = kestrel_places::Gazetteer::builtin();
    for e in &events {
        let row = kestrel_store::to_gdelt_row(e, &gazetteer);
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 61, "{row}");
        assert_eq!(fields[1].len(), 8);
        assert_eq!(fields[26], e.cameo);
        assert_eq!(fields[32].parse::<i64>().unwrap(), e.num_articles);
        assert_eq!(
            kestrel_store::to_csv_row(e).len(),
            kestrel_store::csv_header().len()
        );
        let json: serde_json::Value =
            serde_json::from_str(&kestrel_store::to_json_line(e)).unwrap();
        assert_eq!(json["event"], e.event);
    }
    // CAMEO codes keep their leading zeros in every export.
    let mentions = store.mentions(&Query::default()).unwrap();
    assert_eq!(mentions.len(), 2);
    for m in &mentions {
        assert_eq!(
            kestrel_store::to_gdelt_mention_row(m).split('\t').count(),
            16
        );
    }

    // Parquet: one file, and a directory partitioned by date; both read back.
    let file = path.with_file_name("events.parquet");
    kestrel_store::parquet::write(&events, &file).unwrap();
    assert_eq!(parquet_rows(&file), 2);
    let dir = path.with_file_name("by-date");
    kestrel_store::parquet::write(&events, &dir).unwrap();
    assert_eq!(
        parquet_rows(&dir.join("event_date=2026-04-10/events.parquet")),
        1
    );
    assert_eq!(
        parquet_rows(&dir.join("event_date=2026-03-02/events.parquet")),
        1
    );
}

fn parquet_rows(path: &std::path::Path) -> i64 {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let meta = reader.metadata();
    let names: Vec<&str> = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    assert_eq!(names, kestrel_store::csv_header());
    meta.file_metadata().num_rows()
}

#[test]
fn files_that_are_not_stores_are_refused_and_left_alone() {
    let (_scratch, path) = temp_db("foreign");
    std::fs::write(&path, "event,date\n1,2026-01-01\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotSqlite(_))));
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NotSqlite(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A SQLite file of another application.
    let other = path.with_file_name("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE birds (name TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign(_)), "{err}");
    assert!(err.to_string().contains("not a Kestrel store"));
    assert_eq!(std::fs::read(&other).unwrap(), before);

    assert!(matches!(
        Store::open_read_only(&path.with_file_name("missing.db")),
        Err(StoreError::Missing(_))
    ));
}

#[test]
fn an_implied_recipient_is_kept_and_exported_as_implied() {
    let (_scratch, path) = temp_db("implied");
    let mut store = Store::open(&path).unwrap();
    let protest = Report {
        recipient: None,
        trigger: "marched",
        event_type: "PROTEST",
        cameo: "141",
        ..accuse("2026-03-02", None)
    };
    let mut d = doc("p", "Daily Lantern", &protest);
    let trigger = d.events[0].trigger;
    d.events[0].recipients.push(Participant {
        span: Span::new(trigger.start, trigger.start),
        entity: None,
        code: Some("VAL".into()),
        sector: Some("GOV".into()),
        implied: true,
    });
    store.insert(&[with_hash(d)], &[]).unwrap();
    let events = store.events(&Query::default()).unwrap();
    let recipient = &events[0].recipients[0];
    assert!(
        recipient.implied && recipient.text.is_empty(),
        "{recipient:?}"
    );
    assert!(!events[0].actors[0].implied);
    let line = kestrel_store::to_json_line(&events[0]);
    assert!(line.contains("\"implied\":true"), "{line}");
    // CSV (and Parquet, with the same columns) flag each recipient.
    let header = kestrel_store::csv_header();
    let row = kestrel_store::to_csv_row(&events[0]);
    let column = |name: &str| row[header.iter().position(|h| *h == name).unwrap()].clone();
    assert_eq!(column("recipient_codes"), "VAL");
    assert_eq!(column("recipient_implied"), "1");
}
