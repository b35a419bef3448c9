//! Kestrel's standard pipeline, assembled from its crates: the stages `kestrel code` runs, with
//! the built-in models and dictionaries or others, for programs that code news without the
//! command line (the Python package, the server).
//!
//! ```no_run
//! let pipeline = kestrel::standard_pipeline()?;
//! let mut doc = kestrel_core::Document::new("note-1", "The council met on Monday.".to_string());
//! let doc = kestrel::run_pipeline(doc, &pipeline).map_err(|e| anyhow::anyhow!("{e}"))?;
//! println!("{}", kestrel_core::output::to_json(&doc));
//! # Ok::<(), anyhow::Error>(())
//! ```

use std::panic::{catch_unwind, AssertUnwindSafe};

use anyhow::Context;
use kestrel_core::{InputError, Pipeline};

/// The pipeline with every stage, the built-in models and dictionaries.
pub fn standard_pipeline() -> anyhow::Result<Pipeline> {
    Ok(Pipeline::select(
        available_stages(None, &[], &[])?,
        DEFAULT_STAGES,
    )?)
}

/// The stages `kestrel code` runs unless told otherwise: all of them.
pub const DEFAULT_STAGES: &[&str] = &[
    "clean", "segment", "tag", "parse", "ner", "actors", "quotes", "dates", "amounts", "places",
    "events",
];

/// Every stage: the core ones, then the model stages over the built-in models or those in
/// `models`.
pub fn available_stages(
    models: Option<&std::path::Path>,
    actor_files: &[std::path::PathBuf],
    event_files: &[std::path::PathBuf],
) -> anyhow::Result<Vec<Box<dyn kestrel_core::Stage>>> {
    available_stages_with(
        models,
        actor_files,
        event_files,
        kestrel_events::Conventions::default(),
    )
}

/// [`available_stages`] with the event coder under other conventions (`kestrel code
/// --code-sports` codes sports reports too).
pub fn available_stages_with(
    models: Option<&std::path::Path>,
    actor_files: &[std::path::PathBuf],
    event_files: &[std::path::PathBuf],
    conventions: kestrel_events::Conventions,
) -> anyhow::Result<Vec<Box<dyn kestrel_core::Stage>>> {
    let models_dir = models;
    // Loading is most of a short run's time, and its parts are independent: the tagger and
    // parser load on one thread, the rest one after another on a second. Two threads halve
    // the wait; more would hold more transient buffers at once for little gain (see README,
    // Speed).
    let loaded = std::thread::scope(|scope| {
        let models = scope.spawn(|| -> anyhow::Result<_> {
            Ok(match models_dir {
                Some(dir) => std::sync::Arc::new(
                    kestrel_nlp::Models::from_dir(dir).with_context(|| format!("cannot load models from {}", dir.display()))?,
                ),
                None => kestrel_nlp::Models::builtin().context("cannot load the built-in models; run with --stages clean,segment to skip tagging and parsing")?,
            })
        });
        let rest = scope.spawn(|| -> anyhow::Result<_> {
            let ner = match models_dir.map(|d| d.join("ner.bin.gz")).filter(|p| p.exists()) {
                Some(path) => std::sync::Arc::new(kestrel_nlp::Ner::from_file(path.as_path()).with_context(|| format!("cannot load {}", path.display()))?),
                None => kestrel_nlp::Ner::builtin().context("cannot load the built-in entity model; run with --stages clean,segment,tag,parse to skip entities")?,
            };
            let actors = actor_dictionary(actor_files)?;
            let gazetteer = kestrel_places::Gazetteer::builtin();
            let coder = event_coder(event_files)?;
            Ok((ner, actors, gazetteer, coder))
        });
        let joined = |what: &str| anyhow::anyhow!("loading the {what} failed unexpectedly");
        let models = models.join().map_err(|_| joined("models"))??;
        let rest = rest.join().map_err(|_| joined("dictionaries"))??;
        anyhow::Ok((models, rest))
    });
    let (models, (ner, actors, gazetteer, mut coder)) = loaded?;
    let mut stages = kestrel_core::pipeline::all_stages();
    stages.push(Box::new(kestrel_nlp::TagStage::new(models.clone())));
    stages.push(Box::new(kestrel_nlp::ParseStage::new(models)));
    stages.push(Box::new(kestrel_nlp::NerStage::new(ner)));
    stages.push(Box::new(
        kestrel_actors::ActorStage::new(actors).with_places(gazetteer.clone()),
    ));
    stages.push(Box::new(kestrel_quotes::QuoteStage));
    stages.push(Box::new(kestrel_time::DateStage));
    stages.push(Box::new(kestrel_amounts::AmountStage));
    stages.push(Box::new(kestrel_places::PlaceStage::new(gazetteer)));
    coder.conventions = conventions;
    stages.push(Box::new(kestrel_events::EventStage::new(
        std::sync::Arc::new(coder),
    )));
    Ok(stages)
}

/// The built-in event coder, with the user's dictionaries read after the built-in one.
pub fn event_coder(files: &[std::path::PathBuf]) -> anyhow::Result<kestrel_events::Coder> {
    let mut coder = kestrel_events::Coder::builtin()?;
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read event dictionary {}", path.display()))?;
        coder
            .dictionary
            .add_text(&text, &path.display().to_string(), &coder.cameo)?;
    }
    Ok(coder)
}

/// The built-in actor dictionary, with the user's files added on top.
pub fn actor_dictionary(
    files: &[std::path::PathBuf],
) -> anyhow::Result<std::sync::Arc<kestrel_actors::ActorDictionary>> {
    let builtin = kestrel_actors::builtin()?;
    if files.is_empty() {
        return Ok(builtin);
    }
    let mut dict = (*builtin).clone();
    let before = dict.len();
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read actor dictionary {}", path.display()))?;
        // Kestrel's format has four tab-separated columns; anything else is read as PETRARCH's.
        let tsv = text
            .lines()
            .any(|l| !l.starts_with('#') && l.split('\t').count() == 4);
        if tsv {
            dict.add_tsv(&text, &path.display().to_string())?;
        } else {
            dict.add_petrarch(&text);
        }
    }
    dict.index_surnames(before);
    Ok(std::sync::Arc::new(dict))
}

/// The error record for a document whose coding panicked: it names the document and what the
/// panic said.
pub fn internal_error(
    id: String,
    source: String,
    panic: &(dyn std::any::Any + Send),
) -> InputError {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".to_string());
    InputError {
        id: Some(id),
        source,
        line: None,
        message: format!(
            "internal error while coding: {what}; please report it with this document"
        ),
    }
}

/// Runs the pipeline over one document; a panic inside becomes an error that names the
/// document, so that one document that trips a bug does not end the run.
pub fn run_pipeline(
    mut doc: kestrel_core::Document,
    pipeline: &Pipeline,
) -> Result<kestrel_core::Document, InputError> {
    let id = doc.id.clone();
    let source = doc.source.clone().unwrap_or_default();
    match catch_unwind(AssertUnwindSafe(|| pipeline.run(&mut doc))) {
        Ok(()) => Ok(doc),
        Err(panic) => Err(internal_error(id, source, panic.as_ref())),
    }
}
