//! Throughput of main-text extraction from HTML pages, in pages per second on one core: the
//! first 200 pages of trafilatura's evaluation set, extraction with metadata and dates
//! (`html_to_text`), and that followed by Kestrel's boilerplate filter (`html_to_clean_text`). Run with `cargo bench -p kestrel-web --bench extract`.
//!
//! The pages are read from ../shared/data/extraction/trafilatura-eval.tar.gz, or from the path
//! in KESTREL_EXTRACT_EVAL.

use std::io::Read;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// The `kestrel` binary's allocator, so that the figures are the ones users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PAGES: usize = 200;

fn pages() -> Option<Vec<Vec<u8>>> {
    let path = std::env::var_os("KESTREL_EXTRACT_EVAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/extraction/trafilatura-eval.tar.gz")
        });
    let file = std::fs::File::open(&path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let name = entry.path().ok()?.to_string_lossy().to_string();
        if !name.ends_with(".html") {
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).ok()?;
        out.push(bytes);
        if out.len() == PAGES {
            break;
        }
    }
    Some(out)
}

fn bench(c: &mut Criterion) {
    let Some(pages) = pages() else {
        eprintln!("extract bench skipped: the evaluation archive is not there");
        return;
    };
    let cleaner = kestrel_core::clean::CleanerConfig::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    // Extraction alone, as trafilatura does it: decoding, main text and metadata.
    group.bench_function("html_to_text", |b| {
        b.iter(|| {
            for bytes in &pages {
                let (html, _) = kestrel_web::decode_html(bytes);
                if let Ok(page) = kestrel_web::extract(&html, None) {
                    std::hint::black_box(page.text.len());
                }
            }
        })
    });
    group.bench_function("html_to_clean_text", |b| {
        b.iter(|| {
            for bytes in &pages {
                let (html, _) = kestrel_web::decode_html(bytes);
                if let Ok(page) = kestrel_web::extract(&html, None) {
                    let mut doc = kestrel_core::Document::new("page", page.text);
                    kestrel_core::clean::clean(&mut doc, &cleaner);
                    std::hint::black_box(doc.text.len());
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
