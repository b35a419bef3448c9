//! Kestrel's statistical models, trained in Rust from Universal Dependencies English:
//!
//! 1. [`Tagger`]: UPOS and Penn Treebank tags by a two-pass averaged perceptron;
//! 2. [`Lemmatizer`]: lemmas and morphological features from a treebank lexicon and learned
//!    suffix edits;
//! 3. [`Parser`]: a greedy arc-hybrid transition parser with a dynamic oracle, a
//!    pseudo-projective transform for non-projective trees, and an arc labeler;
//! 4. [`Ner`]: named entities (PERSON, ORG, GPE, LOC, NORP) by a BILOU perceptron with
//!    GeoNames gazetteer features, trained on UniversalNER.
//!
//! The tagger and the recogniser also read word classes learned from unlabelled text
//! ([`clusters`]); the parser is the mean of several trained with different seeds.
//!
//! [`Models::builtin`] loads the models shipped with Kestrel (trained on UD English-EWT,
//! CC BY-SA 4.0), and [`TagStage`] and [`ParseStage`] plug them into the pipeline.
#![deny(missing_docs)]

pub mod augment;
pub mod clusters;
pub mod corpus;
pub mod evaluate;
mod hash;
mod io_util;
pub mod lemma;
pub mod model;
pub mod ner;
pub mod parser;
mod perceptron;
mod rng;
mod stages;
pub mod tag_repair;
pub mod tagger;
pub mod train;

use std::sync::{Arc, OnceLock};

pub use lemma::Lemmatizer;
pub use model::{ModelError, ModelMeta};
pub use ner::Ner;
pub use parser::{Parser, ParserConfig};
pub use stages::{NerStage, ParseStage, TagStage};
pub use tagger::{Tagger, TaggerConfig};

/// The three models together.
#[derive(Clone, Debug)]
pub struct Models {
    /// Tagger.
    pub tagger: Tagger,
    /// Lemmatizer and features.
    pub lemmatizer: Lemmatizer,
    /// Parser.
    pub parser: Parser,
}

impl Models {
    /// Reads the model files of a directory: `tagger.bin.gz`, `lemmatizer.bin.gz` and
    /// `parser.bin.gz`, each the built-in one where the directory has none of its name (a
    /// directory with none of them is an error), and `heads.bin.gz`, a neural head scorer
    /// for the parser, where it has one (see [`Parser::set_neural`]).
    pub fn from_dir(dir: &std::path::Path) -> Result<Models, ModelError> {
        const FILES: [&str; 3] = ["tagger.bin.gz", "lemmatizer.bin.gz", "parser.bin.gz"];
        let heads_path = dir.join("heads.bin.gz");
        let present = |name: &str| dir.join(name).is_file();
        if !FILES.iter().any(|f| present(f)) && !heads_path.is_file() {
            return Err(ModelError::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "{} holds no model files (tagger.bin.gz, lemmatizer.bin.gz, parser.bin.gz, heads.bin.gz)",
                    dir.display()
                ),
            )));
        }
        let mut models = if FILES.iter().all(|f| present(f)) {
            let open = |name: &str| std::fs::File::open(dir.join(name)).map_err(ModelError::Io);
            Models::from_readers(
                open("tagger.bin.gz")?,
                open("lemmatizer.bin.gz")?,
                open("parser.bin.gz")?,
            )?
        } else {
            // Loaded apart from `builtin`'s shared copy, which would stay in memory beside.
            let builtin = Models::load_builtin()?;
            let read = |name: &str, component| -> Result<_, ModelError> {
                let file = std::fs::File::open(dir.join(name))?;
                let (_, r) = model::read_model(file, component)?;
                Ok(r)
            };
            Models {
                tagger: if present(FILES[0]) {
                    Tagger::read_from(&mut read(FILES[0], model::Component::Tagger)?)?
                } else {
                    builtin.tagger
                },
                lemmatizer: if present(FILES[1]) {
                    Lemmatizer::read_from(&mut read(FILES[1], model::Component::Lemmatizer)?)?
                } else {
                    builtin.lemmatizer
                },
                parser: if present(FILES[2]) {
                    Parser::read_from(&mut read(FILES[2], model::Component::Parser)?)?
                } else {
                    builtin.parser
                },
            }
        };
        if heads_path.is_file() {
            let (_, mut r) =
                model::read_model(std::fs::File::open(&heads_path)?, model::Component::Heads)?;
            let (heads, bonus) = parser::neural::NeuralHeads::read_with_bonus(&mut r)?;
            models.parser.set_neural(Some(heads), bonus);
        }
        Ok(models)
    }

    fn from_readers(
        tagger: impl std::io::Read,
        lemmatizer: impl std::io::Read,
        parser: impl std::io::Read,
    ) -> Result<Models, ModelError> {
        let (_, mut r) = model::read_model(tagger, model::Component::Tagger)?;
        let tagger = Tagger::read_from(&mut r)?;
        let (_, mut r) = model::read_model(lemmatizer, model::Component::Lemmatizer)?;
        let lemmatizer = Lemmatizer::read_from(&mut r)?;
        let (_, mut r) = model::read_model(parser, model::Component::Parser)?;
        let parser = Parser::read_from(&mut r)?;
        Ok(Models {
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// The models shipped in this binary, loaded once per process and shared.
    pub fn builtin() -> Result<Arc<Models>, ModelError> {
        static MODELS: OnceLock<Result<Arc<Models>, String>> = OnceLock::new();
        MODELS
            .get_or_init(|| {
                Models::load_builtin()
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|e| ModelError::Io(std::io::Error::other(e)))
    }

    #[cfg(kestrel_models)]
    fn load_builtin() -> Result<Models, ModelError> {
        let files: [&'static [u8]; 3] = [
            include_bytes!("../../../models/en_ewt/tagger.bin.gz"),
            include_bytes!("../../../models/en_ewt/lemmatizer.bin.gz"),
            include_bytes!("../../../models/en_ewt/parser.bin.gz"),
        ];
        let [tagger, lemmatizer, parser] = files.map(kestrel_core::embedded::Reader::new);
        Models::from_readers(tagger, lemmatizer, parser)
    }

    #[cfg(not(kestrel_models))]
    fn load_builtin() -> Result<Models, ModelError> {
        Err(ModelError::Io(std::io::Error::other(
            "this build has no models: train them with `kestrel train all` (see README) and rebuild",
        )))
    }
}

impl Ner {
    /// Reads a recogniser from a model file (`ner.bin.gz`).
    pub fn from_file(path: &std::path::Path) -> Result<Ner, ModelError> {
        let file = std::fs::File::open(path)?;
        let (_, mut r) = model::read_model(file, model::Component::Ner)?;
        Ok(Ner::read_from(&mut r)?)
    }

    /// The recogniser shipped in this binary, loaded once per process.
    pub fn builtin() -> Result<Arc<Ner>, ModelError> {
        static NER: OnceLock<Result<Arc<Ner>, String>> = OnceLock::new();
        NER.get_or_init(|| Ner::load_builtin().map(Arc::new).map_err(|e| e.to_string()))
            .clone()
            .map_err(|e| ModelError::Io(std::io::Error::other(e)))
    }

    #[cfg(kestrel_ner)]
    fn load_builtin() -> Result<Ner, ModelError> {
        let bytes = &include_bytes!("../../../models/en_ewt/ner.bin.gz")[..];
        let (_, mut r) = model::read_model(bytes, model::Component::Ner)?;
        let ner = Ner::read_from(&mut r);
        kestrel_core::embedded::release(bytes);
        Ok(ner?)
    }

    #[cfg(not(kestrel_ner))]
    fn load_builtin() -> Result<Ner, ModelError> {
        Err(ModelError::Io(std::io::Error::other(
            "this build has no entity model: train it with `kestrel train ner` (see README) and rebuild",
        )))
    }
}
