//! End-to-end throughput from text to events, in sentences per second on one core: boilerplate
//! removal, segmentation, tagging, parsing, entities, actors and event coding over the first 300
//! articles of the BBC news corpus. Run with `cargo bench -p kestrel-events --bench pipeline`.
//!
//! The corpus is read from ../shared/data/news/bbc-fulltext.tar.gz, or from the path in
//! KESTREL_BBC. KESTREL_BBC_ARTICLES sets how many articles (`all` for the whole corpus, 2,225
//! articles: about 16 seconds a sample, five minutes a run).

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// The `kestrel` binary's allocator, so that the figures are the ones users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use kestrel_core::{Document, Pipeline, Stage};

const ARTICLES: usize = 300;

fn article_count() -> usize {
    match std::env::var("KESTREL_BBC_ARTICLES").as_deref() {
        Ok("all") => usize::MAX,
        Ok(n) => n.parse().unwrap_or(ARTICLES),
        Err(_) => ARTICLES,
    }
}

fn articles() -> Option<Vec<String>> {
    let path = std::env::var_os("KESTREL_BBC")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/news/bbc-fulltext.tar.gz")
        });
    let file = std::fs::File::open(&path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    let wanted = article_count();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let path = entry.path().ok()?.into_owned();
        if path.extension().is_none_or(|e| e != "txt") || path.ends_with("README.TXT") {
            continue;
        }
        // A few stories are not UTF-8 (a pound sign in Latin-1); the stray byte is replaced.
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).ok()?;
        out.push(String::from_utf8_lossy(&bytes).into_owned());
        if out.len() == wanted {
            break;
        }
    }
    Some(out)
}

fn pipeline(with_events: bool) -> Option<Pipeline> {
    let models = kestrel_nlp::Models::builtin().ok()?;
    let ner = kestrel_nlp::Ner::builtin().ok()?;
    let actors = kestrel_actors::builtin().ok()?;
    let mut stages: Vec<Box<dyn Stage>> = kestrel_core::pipeline::all_stages();
    stages.push(Box::new(kestrel_nlp::TagStage::new(models.clone())));
    stages.push(Box::new(kestrel_nlp::ParseStage::new(models)));
    stages.push(Box::new(kestrel_nlp::NerStage::new(ner)));
    stages.push(Box::new(
        kestrel_actors::ActorStage::new(actors).with_places(kestrel_places::Gazetteer::builtin()),
    ));
    stages.push(Box::new(kestrel_time::DateStage));
    stages.push(Box::new(kestrel_amounts::AmountStage));
    stages.push(Box::new(kestrel_events::EventStage::new(Arc::new(
        kestrel_events::Coder::builtin().ok()?,
    ))));
    let last = if with_events { "events" } else { "actors" };
    Pipeline::select(stages, &[last]).ok()
}

fn bench(c: &mut Criterion) {
    let Some(texts) = articles() else {
        eprintln!("BBC corpus not found: set KESTREL_BBC to bbc-fulltext.tar.gz");
        return;
    };
    let (Some(full), Some(without_events)) = (pipeline(true), pipeline(false)) else {
        eprintln!("the built-in models or dictionaries did not load");
        return;
    };
    let mut sentences = 0;
    let mut events = 0;
    for t in &texts {
        let mut doc = Document::new("bbc", t.clone());
        full.run(&mut doc);
        sentences += doc.sentences.len();
        events += doc.events.len();
    }
    eprintln!(
        "{} articles, {sentences} sentences, {events} events",
        texts.len()
    );
    let name = if texts.len() == ARTICLES {
        "bbc300".to_string()
    } else {
        format!("bbc{}", texts.len())
    };
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Elements(sentences as u64));
    for (name, p) in [
        ("text_to_events", &full),
        ("text_to_actors", &without_events),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    let mut doc = Document::new("bbc", t.clone());
                    p.run(&mut doc);
                    n += doc.events.len();
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
