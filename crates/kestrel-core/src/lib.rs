//! Kestrel's core: the document model, the pipeline, input readers, the boilerplate cleaner
//! and the segmenter.
//!
//! An article flows one way through the pipeline, and each stage adds a layer to its
//! [`Document`]:
//!
//! 1. [`ingest`] reads files, directories, JSON Lines and standard input into documents;
//! 2. [`clean`] removes publisher boilerplate and records what it removed;
//! 3. [`segment`] splits paragraphs, sentences and Universal Dependencies tokens;
//! 4. [`output`] writes the document as JSON (schema `kestrel/1`) or as a readable table.
//!
//! ```
//! use kestrel_core::{Document, Pipeline};
//!
//! let mut doc = Document::new("example", "The U.S. envoy met Gen. Okafor. Talks went well.");
//! Pipeline::default().run(&mut doc);
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["The U.S. envoy met Gen. Okafor.", "Talks went well."]);
//! ```
#![deny(missing_docs)]

pub mod clean;
pub mod conllu;
pub mod document;
pub mod embedded;
pub mod eval;
pub mod ingest;
pub mod morphology;
pub mod output;
pub mod pipeline;
pub mod segment;

pub use document::{
    ActorCode, ActorSource, Amount, AmountKind, BoilerplateKind, Dateline, Document, Entity,
    EntityKind, Event, Layer, MentionKind, Modality, Participant, Place, Quote, QuoteKind, Removed,
    Sentence, Span, Speaker, TimeExpression, TimexKind, Token,
};
pub use ingest::{
    document_from_json_value, InputError, InputFormat, InputKind, Inputs, ReadOptions,
};
pub use output::SCHEMA;

/// Words that name a day near the publication date, which news also writes between a subject
/// and its verb ("Kenya today accused ...", "Rebels on Tuesday blocked ..."): the parser's
/// repairs and the event coder read them as dates, not as names or subjects.
pub const DAY_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The names of the weekdays, lower case: the last seven of [`DAY_WORDS`].
pub const WEEKDAYS: &[&str] = DAY_WORDS.split_at(4).1;

/// The names of the months, lower case.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub use pipeline::{Pipeline, PipelineError, Stage};

/// Decompresses a gzip file embedded in the binary (a dictionary) into a string. The string is
/// sized once from the size gzip records at the end: grown step by step, a large dictionary
/// was copied and its fresh memory cleared several times over while loading.
pub fn gunzip_to_string(bytes: &[u8]) -> std::io::Result<String> {
    use std::io::Read;
    let recorded = bytes.len().checked_sub(4).map_or(0, |at| {
        u32::from_le_bytes(bytes[at..].try_into().expect("4 bytes")) as usize
    });
    let mut text = String::with_capacity(recorded.min(1 << 30) + 1);
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text)?;
    Ok(text)
}
