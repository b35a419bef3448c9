//! Segmentation and tokenization throughput on the BBC news corpus (2,225 articles), in
//! bytes per second. Run with `cargo bench -p kestrel-core --bench segment`.
//!
//! The corpus is read from ../shared/data/news/bbc-fulltext.tar.gz, or from the path in
//! KESTREL_BBC. Without it the benchmark says so and measures nothing.

use std::io::Read;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kestrel_core::{Document, Pipeline};

fn corpus() -> Option<Vec<String>> {
    let path = std::env::var_os("KESTREL_BBC")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/news/bbc-fulltext.tar.gz")
        });
    let file = std::fs::File::open(&path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut texts = Vec::new();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let is_article = entry.path().ok()?.extension().is_some_and(|e| e == "txt")
            && !entry.path().ok()?.ends_with("README.TXT");
        if is_article {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).ok()?;
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Some(texts)
}

fn bench(c: &mut Criterion) {
    let Some(texts) = corpus() else {
        eprintln!("BBC corpus not found: set KESTREL_BBC to bbc-fulltext.tar.gz");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("bbc");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let segment_only = Pipeline::with_stage_names(&["segment"]).expect("stage exists");
    group.bench_function("segment+tokenize", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for t in &texts {
                let mut doc = Document::new("bbc", t.as_str());
                segment_only.run(&mut doc);
                sentences += doc.sentences.len();
            }
            sentences
        })
    });
    let full = Pipeline::default();
    group.bench_function("clean+segment+tokenize", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for t in &texts {
                let mut doc = Document::new("bbc", t.as_str());
                full.run(&mut doc);
                tokens += doc.tokens.len();
            }
            tokens
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
