//! Kestrel's event coder: who did what to whom, in PLOVER 2.0 and CAMEO, from each sentence's
//! Universal Dependencies parse, entities and actors.
//!
//! The coder reads a [`Document`] that has been parsed and whose entities have actors, and adds
//! its `events` layer. What words code which events is data: an [`EventDictionary`] in a
//! documented text format (`dictionaries/events.txt` ships with Kestrel). The CAMEO codes'
//! names, Goldstein scores and PLOVER conversions are a [`CameoTable`]
//! (`dictionaries/cameo.tsv`).
//!
//! Precision comes first. An event is coded only when its clause asserts it (not negated,
//! conditional, modal, questioned, wished for or demanded), when a dictionary entry accepts the
//! trigger in its syntactic company, and when its actor resolves to a country or organisation.
//! There is no fallback code: a sentence with nothing codable yields nothing.
#![deny(missing_docs)]

use std::sync::Arc;

use kestrel_core::{Document, Layer, Stage};

mod coder;
pub mod dictionary;
pub mod ontology;
pub mod petrarch;
pub mod plover;

pub use coder::{
    code_document, code_document_with, explain_document, sports_report, Conventions, Decision,
};
pub use dictionary::{EventDictionary, TriggerKind};
pub use ontology::{build_cameo_table, CameoTable, PLOVER_TYPES};

/// What can go wrong reading event dictionaries and tables.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    /// A line of a dictionary or table is malformed.
    #[error("{source_name}:{line}: {message}")]
    Dictionary {
        /// The file's name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// An event dictionary with the CAMEO table it refers to: everything the coder needs.
#[derive(Clone, Debug)]
pub struct Coder {
    /// The entries that decide what is an event.
    pub dictionary: EventDictionary,
    /// CAMEO codes, scores and PLOVER conversions.
    pub cameo: CameoTable,
    /// Coding conventions; the default is Kestrel's (PLOVER's), with sports reports left
    /// uncoded.
    pub conventions: Conventions,
}

impl Coder {
    /// The coder with Kestrel's shipped dictionary and table.
    pub fn builtin() -> Result<Coder, EventError> {
        let cameo = CameoTable::builtin();
        let dictionary = EventDictionary::builtin(&cameo)?;
        Ok(Coder {
            dictionary,
            cameo,
            conventions: Conventions::default(),
        })
    }

    /// Codes a parsed document's events (without adding them to it).
    pub fn code(&self, doc: &Document) -> Vec<kestrel_core::Event> {
        code_document_with(doc, &self.dictionary, &self.cameo, self.conventions)
    }

    /// What the coder decided about each word of a parsed document that the dictionary
    /// lists: the event it coded, or why it coded none.
    pub fn explain(&self, doc: &Document) -> Vec<Decision> {
        explain_document(doc, &self.dictionary, &self.cameo).1
    }
}

/// The pipeline stage that adds the `events` layer.
pub struct EventStage {
    coder: Arc<Coder>,
}

impl EventStage {
    /// A stage over a coder.
    pub fn new(coder: Arc<Coder>) -> EventStage {
        EventStage { coder }
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse, Layer::Actors, Layer::Dates, Layer::Amounts]
    }

    fn assigns(&self) -> Layer {
        Layer::Events
    }

    fn process(&self, doc: &mut Document) {
        let conventions = self.coder.conventions;
        if !conventions.code_sports_reports {
            if let Some((sport, words)) = sports_report(doc) {
                doc.events.clear();
                doc.warnings.push(format!(
                    "a sports report ({sport} of {words} words are of sport): no events coded"
                ));
                return;
            }
        }
        // Judged above: the coder need not look again.
        let conventions = Conventions {
            code_sports_reports: true,
            ..conventions
        };
        doc.events =
            code_document_with(doc, &self.coder.dictionary, &self.coder.cameo, conventions);
    }
}
