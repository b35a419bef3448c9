//! Tagging and parsing throughput, in tokens per second on one core, over the first 300
//! articles of the BBC news corpus (segmented outside the timing). Run with
//! `cargo bench -p kestrel-nlp --bench tag_parse`.
//!
//! The corpus is read from ../shared/data/news/bbc-fulltext.tar.gz, or from the path in
//! KESTREL_BBC. The models are the built-in ones, or those in the folder KESTREL_MODELS names
//! (to compare a retrained model with the shipped one without rebuilding).

use std::io::Read;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// The `kestrel` binary's allocator, so that the figures are the ones users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use kestrel_core::{Document, Pipeline};
use kestrel_nlp::Models;

const ARTICLES: usize = 300;

fn sentences() -> Option<Vec<Vec<String>>> {
    let path = std::env::var_os("KESTREL_BBC")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/news/bbc-fulltext.tar.gz")
        });
    let file = std::fs::File::open(&path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let pipeline = Pipeline::default();
    let mut out = Vec::new();
    let mut articles = 0;
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let path = entry.path().ok()?.into_owned();
        if path.extension().is_none_or(|e| e != "txt") || path.ends_with("README.TXT") {
            continue;
        }
        let mut text = String::new();
        entry.read_to_string(&mut text).ok()?;
        let mut doc = Document::new("bbc", text);
        pipeline.run(&mut doc);
        for s in &doc.sentences {
            out.push(
                doc.sentence_tokens(s)
                    .iter()
                    .map(|t| doc.slice(t.span).to_string())
                    .collect(),
            );
        }
        articles += 1;
        if articles == ARTICLES {
            break;
        }
    }
    Some(out)
}

fn bench(c: &mut Criterion) {
    let Some(sentences) = sentences() else {
        eprintln!("BBC corpus not found: set KESTREL_BBC to bbc-fulltext.tar.gz");
        return;
    };
    let models = match std::env::var_os("KESTREL_MODELS") {
        Some(dir) => Models::from_dir(std::path::Path::new(&dir)).map(std::sync::Arc::new),
        None => Models::builtin(),
    };
    let models = match models {
        Ok(m) => m,
        Err(e) => {
            eprintln!("no models: {e}");
            return;
        }
    };
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {tokens} tokens", sentences.len());
    let mut group = c.benchmark_group("bbc300");
    group.sample_size(10);
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                let words: Vec<&str> = s.iter().map(String::as_str).collect();
                n += models.tagger.tag(&words).len();
            }
            n
        })
    });
    group.bench_function("tag+lemma+parse", |b| {
        b.iter(|| {
            let mut n = 0;
            // Parsed 32 sentences at a time, as the parse stage parses a document's sentences.
            for group in sentences.chunks(32) {
                let mut columns: Vec<[Vec<&str>; 3]> = Vec::with_capacity(group.len());
                let mut lemma_strings: Vec<Vec<String>> = Vec::with_capacity(group.len());
                for s in group {
                    let words: Vec<&str> = s.iter().map(String::as_str).collect();
                    let tags = models.tagger.tag(&words);
                    let xpos: Vec<&str> = tags.iter().map(|t| t.1).collect();
                    let upos: Vec<&str> = tags.iter().map(|t| t.0).collect();
                    let lemmas: Vec<String> = words
                        .iter()
                        .zip(&xpos)
                        .map(|(w, x)| models.lemmatizer.lemma(w, x))
                        .collect();
                    n += lemmas.iter().map(String::len).sum::<usize>();
                    columns.push([words, xpos, upos]);
                    lemma_strings.push(lemmas);
                }
                let lemma_refs: Vec<Vec<&str>> = lemma_strings
                    .iter()
                    .map(|l| l.iter().map(String::as_str).collect())
                    .collect();
                let batch: Vec<kestrel_nlp::parser::TaggedWords<'_>> = columns
                    .iter()
                    .zip(&lemma_refs)
                    .map(|([w, x, u], l)| (w.as_slice(), x.as_slice(), u.as_slice(), l.as_slice()))
                    .collect();
                n += models
                    .parser
                    .parse_tagged_many(&batch)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
