//! Query latency on a store of a million events, and the store's own insert rate. Run with
//! `cargo bench -p kestrel-store --bench query`.
//!
//! The store is synthetic: 101,000 documents of ten one-sentence reports each (a little over a
//! million events once the few that the rules merge are merged), between 150
//! made-up actor codes, over 16 event types and eleven years, a fifth of them placed in one
//! of 60 countries. It is built once into the system's temporary directory
//! (`kestrel-bench-1m.db`, about 1.4 GB; set KESTREL_BENCH_DB to put it elsewhere) and reused.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel_store::synthetic::{self, code};
use kestrel_store::{Query, Store};

const DOCS: usize = 101_000;

fn store() -> Store {
    let path = std::env::var_os("KESTREL_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("kestrel-bench-1m.db"));
    synthetic::cached(&path, DOCS).expect("bench store")
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
