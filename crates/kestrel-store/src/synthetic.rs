//! Made-up documents for benchmarks and tests: deterministic, between invented actor codes
//! (`XAA` to `XFT`), so that a store of any size can be built without coding real text.

use std::path::Path;
use std::time::Instant;

use kestrel_core::{Document, Event, Modality, Participant, Place, Sentence, Span};

use crate::{content_hash, Store, StoreError};

/// Events (one per sentence) in each made-up document.
pub const EVENTS_PER_DOC: usize = 10;
/// The event types used, with a CAMEO code each.
pub const TYPES: [(&str, &str); 16] = [
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
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The `i`-th made-up actor code.
pub fn code(i: usize) -> String {
    let a = (b'A' + (i / 26 % 26) as u8) as char;
    let b = (b'A' + (i % 26) as u8) as char;
    format!("X{a}{b}")
}

/// Document number `n`: ten one-sentence reports between made-up actors (one of 150), of
/// 16 types, dated over 2015-2025, a fifth of them placed in one of 60 made-up countries.
pub fn document(n: usize, rng: &mut Rng) -> Document {
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
                basis: "name".into(),
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
            implied: false,
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

/// Builds a store of `docs` made-up documents at `path` (replacing what is there), a
/// thousand per transaction, and reports how long it took on standard error.
pub fn build(path: &Path, docs: usize) -> Result<Store, StoreError> {
    let _ = std::fs::remove_file(path);
    let mut store = Store::open(path)?;
    let mut rng = Rng(7);
    let started = Instant::now();
    let mut n = 0;
    while n < docs {
        let batch: Vec<(Document, String)> = (n..docs.min(n + 1000))
            .map(|i| {
                let d = document(i, &mut rng);
                let h = content_hash(&d.text);
                (d, h)
            })
            .collect();
        n += batch.len();
        store.insert(&batch, &[])?;
    }
    let secs = started.elapsed().as_secs_f64();
    let [docs, mentions, events, _] = store.counts()?;
    eprintln!(
        "built {}: {docs} documents, {mentions} mentions, {events} events in {secs:.0} s ({:.0} documents/s, {:.0} mentions/s)",
        path.display(),
        docs as f64 / secs,
        mentions as f64 / secs
    );
    Ok(store)
}

/// The store of `docs` made-up documents at `path`, built when it is missing or holds
/// something else (a store of an older schema is migrated), opened read-only.
pub fn cached(path: &Path, docs: usize) -> Result<Store, StoreError> {
    if let Ok(s) = Store::open(path) {
        if s.counts().map(|c| c[1]).unwrap_or(0) == (docs * EVENTS_PER_DOC) as i64 {
            drop(s);
            return Store::open_read_only(path);
        }
    }
    drop(build(path, docs)?);
    Store::open_read_only(path)
}
