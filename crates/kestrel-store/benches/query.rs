//! Query latency on a store of a million events, and the store's own insert rate. Run with
//! `cargo bench -p kestrel-store --bench query`.
//!
//! The store is synthetic: 101,000 documents of ten one-sentence reports each (a little over a
//! million events once the few that the rules merge are merged), between 150
//! made-up actor codes, over 16 event types and eleven years, a fifth of them placed in one
//! of 60 countries. It is built once into the system's temporary directory
//! (`kestrel-bench-1m.db`, about 1.4 GB; set KESTREL_BENCH_DB to put it elsewhere) and reused.

use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel_core::{Document, Event, Modality, Participant, Place, Sentence, Span};
use kestrel_store::{content_hash, Query, Store};

const DOCS: usize = 101_000;
const EVENTS_PER_DOC: usize = 10;
const TYPES: [(&str, &str); 16] = [
    ("AGREE", "057"),
    ("CONSULT", "040"),
    ("SUPPORT", "051"),
    ("CONCEDE", "080"),
    ("COOPERATE", "061"),
    ("AID", "070"),
    ("RETREAT", "087"),
    ("REQUEST", "020"),
    ("ACCUSE", "112"),
    ("REJECT", "120"),
    ("THREATEN", "130"),
    ("PROTEST", "141"),
    ("SANCTION", "163"),
    ("MOBILIZE", "150"),
    ("COERCE", "173"),
    ("ASSAULT", "190"),
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn code(i: usize) -> String {
    let a = (b'A' + (i / 26 % 26) as u8) as char;
    let b = (b'A' + (i % 26) as u8) as char;
    format!("X{a}{b}")
}

fn document(n: usize, rng: &mut Rng) -> Document {
    let words = [
        "harbour", "border", "ministry", "convoy", "election", "pipeline", "summit",
    ];
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut events = Vec::new();
    let mut places = Vec::new();
    for s in 0..EVENTS_PER_DOC {
        let actor = code(rng.below(150));
        let recipient = code(rng.below(150));
        let (event_type, cameo) = TYPES[rng.below(TYPES.len())];
        let start = text.len();
        let sentence = format!(
            "{actor} and {recipient} over the {} number {}. ",
            words[rng.below(words.len())],
            n * EVENTS_PER_DOC + s
        );
        text.push_str(&sentence);
        let span = |a: usize, len: usize| Span::new(start + a, start + a + len);
        let place = if rng.below(5) == 0 {
            let country = code(rng.below(60));
            places.push(Place {
                span: span(0, 3),
                sentence: s,
                entity: None,
                geonameid: 1 + rng.below(60) as u64,
                name: format!("{country} city"),
                country,
                admin1: None,
                lat: 0.0,
                lon: 0.0,
                level: "city".into(),
            });
            Some(places.len() - 1)
        } else {
            None
        };
        let day = rng.below(11 * 365);
        let date = format!(
            "{:04}-{:02}-{:02}",
            2015 + day / 365,
            1 + day % 365 / 31 % 12,
            1 + day % 28
        );
        let participant = |c: String, a: usize| Participant {
            span: span(a, 3),
            entity: None,
            code: Some(c),
            sector: Some(if a == 0 { "GOV" } else { "MIL" }.into()),
        };
        events.push(Event {
            sentence: s,
            trigger: span(4, 3),
            trigger_extra: vec![],
            plover_type: event_type.into(),
            mode: None,
            context: vec![],
            cameo: cameo.into(),
            goldstein: 0.0,
            quad_class: 1,
            plover_score: 0.0,
            actors: vec![participant(actor, 0)],
            recipients: vec![participant(recipient, 8)],
            modality: Modality::Asserted,
            date: Some(date),
            money: None,
            dead: None,
            injured: None,
            arrested: None,
            place,
            place_source: if place.is_some() { "text" } else { "none" },
            date_source: "text",
            rule: "bench:1".into(),
        });
        sentences.push(Sentence {
            span: Span::new(start, text.len() - 1),
            tokens: 0..0,
        });
    }
    let mut d = Document::new(format!("doc{n}"), text);
    d.site_name = Some(format!("outlet{}", rng.below(40)));
    d.sentences = sentences;
    d.events = events;
    d.places = places;
    d
}

fn store() -> Store {
    let path = std::env::var_os("KESTREL_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("kestrel-bench-1m.db"));
    if let Ok(s) = Store::open_read_only(&path) {
        if s.counts().map(|c| c[1]).unwrap_or(0) == (DOCS * EVENTS_PER_DOC) as i64 {
            return s;
        }
    }
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).expect("bench store opens");
    let mut rng = Rng(7);
    let started = Instant::now();
    for chunk in 0..DOCS / 1000 {
        let docs: Vec<(Document, String)> = (0..1000)
            .map(|i| {
                let d = document(chunk * 1000 + i, &mut rng);
                let h = content_hash(&d.text);
                (d, h)
            })
            .collect();
        store.insert(&docs, &[]).expect("insert");
    }
    let secs = started.elapsed().as_secs_f64();
    let [docs, mentions, events, _] = store.counts().unwrap();
    eprintln!(
        "built {}: {docs} documents, {mentions} mentions, {events} events in {secs:.0} s ({:.0} documents/s, {:.0} mentions/s)",
        path.display(),
        docs as f64 / secs,
        mentions as f64 / secs
    );
    drop(store);
    Store::open_read_only(&path).expect("bench store reopens")
}

fn queries(c: &mut Criterion) {
    let store = store();
    let [_, _, events, _] = store.counts().unwrap();
    eprintln!("store holds {events} events");
    let mut group = c.benchmark_group("query_1m");
    group.sample_size(10);
    let cases: Vec<(&str, Query)> = vec![
        (
            "actor_one_code",
            Query {
                actor: Some(code(17)),
                ..Query::default()
            },
        ),
        (
            "type_and_month",
            Query {
                event_type: Some("PROTEST".into()),
                from: Some("2020-03-01".into()),
                to: Some("2020-03-31".into()),
                ..Query::default()
            },
        ),
        (
            "actor_recipient_year",
            Query {
                actor: Some(code(3)),
                recipient: Some(code(4)),
                from: Some("2019-01-01".into()),
                to: Some("2019-12-31".into()),
                ..Query::default()
            },
        ),
        (
            "cameo_root_country",
            Query {
                cameo: Some("19".into()),
                country: Some(code(5)),
                ..Query::default()
            },
        ),
        (
            "full_text_phrase",
            Query {
                text: Some("\"number 777777\"".into()),
                ..Query::default()
            },
        ),
        (
            "first_1000",
            Query {
                limit: Some(1000),
                ..Query::default()
            },
        ),
    ];
    for (name, q) in cases {
        let n = store.events(&q).unwrap().len();
        eprintln!("{name}: {n} events");
        group.bench_function(name, |b| b.iter(|| store.events(&q).unwrap().len()));
    }
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
