//! Training the shipped models from treebank files, reproducibly: fixed seeds, sorted output,
//! gzip without timestamps, so the same data and settings give the same bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::{self, TrainSentence};
use crate::model::{self, Component, ModelMeta};
use crate::{Lemmatizer, Parser, ParserConfig, Tagger, TaggerConfig};

/// The licence the shipped models inherit from UD English-EWT.
pub const EWT_LICENCE: &str = "CC BY-SA 4.0 (trained on UD English-EWT)";

/// What to train and where.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Training treebanks (.conllu), read one after the other.
    pub train: Vec<PathBuf>,
    /// Development treebank, scored into the metadata.
    pub dev: Option<PathBuf>,
    /// Output directory.
    pub out: PathBuf,
    /// Tagger settings.
    pub tagger: TaggerConfig,
    /// Parser settings.
    pub parser: ParserConfig,
    /// Licence of the training data, recorded in the metadata.
    pub licence: String,
    /// Unlabelled text whose agreed parses join the parser's training data (see
    /// [`agreed_parses`]); `None` trains on the treebanks alone.
    pub unlabelled: Option<std::sync::Arc<Unlabelled>>,
}

/// Unlabelled text for the parser: sentences already split into words, and the tagger that
/// tags them, as the parser will read tags at run time.
#[derive(Clone, Debug)]
pub struct Unlabelled {
    /// The sentences, as words.
    pub sentences: Vec<Vec<String>>,
    /// The tagger that tags them.
    pub tagger: Tagger,
    /// The lemmatizer that gives their lemmas and features.
    pub lemmatizer: Lemmatizer,
    /// Where the text came from, for the metadata ("bbc-fulltext.tar.gz+text").
    pub source: String,
}

/// Why training failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// A treebank is not valid CoNLL-U.
    #[error("{path}: {source}")]
    Conllu {
        /// The file.
        path: String,
        /// The error.
        source: kestrel_core::conllu::ConlluError,
    },
    /// A treebank with no sentences.
    #[error("{0}: no sentences to train on")]
    Empty(String),
}

fn read_treebank(path: &Path) -> Result<(Vec<TrainSentence>, Vec<u8>), TrainError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| TrainError::Io {
        path: name.clone(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let sentences = corpus::parse(&text).map_err(|source| TrainError::Conllu {
        path: name.clone(),
        source,
    })?;
    if sentences.is_empty() {
        return Err(TrainError::Empty(name));
    }
    Ok((sentences, bytes))
}

/// The sentences of several treebanks, in order, and the fingerprint of their bytes one
/// after the other (for one file, that file's fingerprint).
fn read_treebanks(paths: &[PathBuf]) -> Result<(Vec<TrainSentence>, String), TrainError> {
    let (mut sentences, mut bytes) = (Vec::new(), Vec::new());
    for path in paths {
        let (s, b) = read_treebank(path)?;
        sentences.extend(s);
        bytes.extend(b);
    }
    if sentences.is_empty() {
        return Err(TrainError::Empty("no training files".into()));
    }
    Ok((sentences, model::fingerprint(&bytes)))
}

/// File names joined by `+`, as the metadata records them.
pub fn file_names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("+")
}

fn write(
    path: &Path,
    component: Component,
    meta: &ModelMeta,
    body: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), TrainError> {
    let io = |source| TrainError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::create(path).map_err(io)?;
    model::write_model(std::io::BufWriter::new(file), component, meta, body).map_err(io)
}

fn base_meta(
    component: &str,
    opts: &TrainOptions,
    hash: String,
    features: &str,
    settings: String,
) -> ModelMeta {
    ModelMeta {
        component: component.to_string(),
        train_file: file_names(&opts.train),
        train_hash: hash,
        dev_file: opts
            .dev
            .as_ref()
            .and_then(|d| d.file_name())
            .map(|n| n.to_string_lossy().into_owned()),
        features: features.to_string(),
        settings,
        dev_scores: BTreeMap::new(),
        licence: opts.licence.clone(),
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Reads the training treebank (and its hash) and the development one, and makes the output
/// directory.
type Prepared = (Vec<TrainSentence>, String, Option<Vec<TrainSentence>>);

fn prepare(opts: &TrainOptions) -> Result<Prepared, TrainError> {
    let (train, hash) = read_treebanks(&opts.train)?;
    let dev = opts
        .dev
        .as_deref()
        .map(read_treebank)
        .transpose()?
        .map(|d| d.0);
    std::fs::create_dir_all(&opts.out).map_err(|source| TrainError::Io {
        path: opts.out.display().to_string(),
        source,
    })?;
    Ok((train, hash, dev))
}

/// Trains the tagger and the lemmatizer; writes `tagger.bin.gz` and `lemmatizer.bin.gz`.
pub fn train_tagger(opts: &TrainOptions) -> Result<Vec<ModelMeta>, TrainError> {
    let (train, hash, dev) = prepare(opts)?;
    let tagger = Tagger::train(&train, &opts.tagger);
    let lemmatizer = Lemmatizer::train(&train);
    let mut tmeta = base_meta(
        "tagger",
        opts,
        hash.clone(),
        "tagger-v2: 61 templates (with word classes from unlabelled text), joint UPOS+XPOS classes, tag dictionary",
        format!("{:?}", opts.tagger),
    );
    let mut lmeta = base_meta(
        "lemmatizer",
        opts,
        hash,
        "lemmatizer-v1: (form, XPOS) lexicon, suffix edits up to 5",
        String::new(),
    );
    if let Some(dev) = &dev {
        let (mut n, mut upos, mut xpos, mut lemma, mut feats) =
            (0usize, 0usize, 0usize, 0usize, 0usize);
        for s in dev {
            let forms = s.forms();
            for (w, (u, x)) in s.words.iter().zip(tagger.tag(&forms)) {
                n += 1;
                upos += (u == w.upos) as usize;
                xpos += (x == w.xpos) as usize;
                lemma += (lemmatizer.lemma(&w.form, x) == w.lemma) as usize;
                feats += (lemmatizer.feats(&w.form, x) == w.feats) as usize;
            }
        }
        let f = |k: usize| round(k as f64 / n.max(1) as f64);
        tmeta.dev_scores.insert("upos".into(), f(upos));
        tmeta.dev_scores.insert("xpos".into(), f(xpos));
        lmeta.dev_scores.insert("lemma".into(), f(lemma));
        lmeta.dev_scores.insert("ufeats".into(), f(feats));
    }
    write(
        &opts.out.join("tagger.bin.gz"),
        Component::Tagger,
        &tmeta,
        |w| tagger.write_to(w),
    )?;
    write(
        &opts.out.join("lemmatizer.bin.gz"),
        Component::Lemmatizer,
        &lmeta,
        |w| lemmatizer.write_to(w),
    )?;
    Ok(vec![tmeta, lmeta])
}

/// Tags each fold of the training data with a one-pass tagger trained on the other folds, so
/// that the parser learns from tags as noisy as those it will see.
pub fn jackknife_tags(
    train: &[TrainSentence],
    config: &TaggerConfig,
    folds: usize,
) -> Vec<Vec<String>> {
    let mut tags: Vec<Vec<String>> = vec![Vec::new(); train.len()];
    // One run per fold, not the mean of `config.runs`: a parser trained on the tags of five-run
    // folds (EWT train, one parser, seed 11) scored EWT dev / GUM dev UAS 84.55 / 81.55, and
    // the parser trained on one-run folds read the five-run tagger's tags at 84.53 / 82.05.
    let quick = TaggerConfig {
        passes: 1,
        runs: 1,
        ..config.clone()
    };
    for fold in 0..folds {
        let rest: Vec<TrainSentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, &quick);
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            tags[i] = tagger
                .tag(&s.forms())
                .into_iter()
                .map(|(_, x)| x.to_string())
                .collect();
        }
    }
    tags
}

/// The treebank with its news copies (see `augment`) and the jackknifed tags the parser
/// learns from.
fn parser_training_set(
    mut train: Vec<TrainSentence>,
    opts: &TrainOptions,
) -> (Vec<TrainSentence>, Vec<Vec<String>>) {
    crate::augment::add_news_copies(&mut train, &opts.parser);
    let tags = jackknife_tags(&train, &opts.tagger, 4);
    (train, tags)
}

/// Sentences of unlabelled text that two different parsers trained on the treebank parse
/// alike, heads and relations, as training sentences (tags, lemmas and features from
/// `text`'s tagger and lemmatizer): tri-training's agreement (Zhou and Li 2005; Søgaard and
/// Rishøj 2010; Weiss et al. 2015), with a beam parser and a greedy one, each one run of
/// `config`. Where two parsers of different search agree, the tree is right far more often
/// than either parser alone (GUM dev, parsers trained on EWT train: 91.1 UAS on the 46% of
/// sentences where they agree, against 82.0 on all), and those trees teach the parser news
/// constructions the treebank has few of.
pub fn agreed_parses(
    train: &[TrainSentence],
    tags: &[Vec<String>],
    config: &ParserConfig,
    text: &Unlabelled,
) -> Vec<TrainSentence> {
    let one = ParserConfig {
        runs: 1,
        voters: false,
        neural: None,
        ..config.clone()
    };
    let beam = Parser::train(
        train,
        tags,
        &ParserConfig {
            beam: 4,
            ..one.clone()
        },
    );
    let greedy = Parser::train(train, tags, &ParserConfig { beam: 1, ..one });
    let mut agreed = Vec::new();
    for words in &text.sentences {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let tagged = text.tagger.tag(&forms);
        let xpos: Vec<&str> = tagged.iter().map(|&(_, x)| x).collect();
        let tree = beam.parse(&forms, &xpos);
        if tree != greedy.parse(&forms, &xpos) {
            continue;
        }
        let words = forms
            .iter()
            .zip(&tagged)
            .zip(tree)
            .map(
                |((&form, &(upos, xpos)), (head, deprel))| corpus::TrainWord {
                    form: form.to_string(),
                    lemma: text.lemmatizer.lemma(form, xpos),
                    upos: upos.to_string(),
                    xpos: xpos.to_string(),
                    feats: text.lemmatizer.feats(form, xpos).to_string(),
                    head,
                    deprel,
                },
            )
            .collect();
        agreed.push(TrainSentence { words });
    }
    agreed
}

/// Trains the parser on jackknifed predicted tags; writes `parser.bin.gz`, and with a neural
/// scorer (`opts.parser.neural`) `heads.bin.gz` beside it: the metadata of each. With
/// unlabelled text, two parsers trained first parse it, and the sentences they agree on join
/// the treebank before the parser is trained again on both (see [`agreed_parses`]).
pub fn train_parser(opts: &TrainOptions) -> Result<Vec<ModelMeta>, TrainError> {
    let (mut train, hash, dev) = prepare(opts)?;
    // The treebank's own trees, before copies and parses of unlabelled text join them.
    let gold = train.clone();
    let mut unlabelled_note = String::new();
    if let Some(text) = opts.unlabelled.as_deref() {
        let (first, tags) = parser_training_set(train.clone(), opts);
        let agreed = agreed_parses(&first, &tags, &opts.parser, text);
        unlabelled_note = format!(
            "; agreed parses of unlabelled text ({}): {} of {} sentences, {} words",
            text.source,
            agreed.len(),
            text.sentences.len(),
            agreed.iter().map(|s| s.words.len()).sum::<usize>()
        );
        train.extend(agreed);
    }
    let (train, tags) = parser_training_set(train, opts);
    let mut parser = Parser::train(&train, &tags, &opts.parser);
    parser.count_attachments(&gold);
    let attached = parser.attachment_sizes().unwrap_or_default();
    let (tf, lf, nl) = parser.sizes();
    let voters = parser.voter_sizes();
    let supertags = parser
        .supertagger_sizes()
        .map_or(String::new(), |(n, accuracy)| {
            format!(
                "; supertagger with {n} features, its guesses jackknifed over 4 folds ({:.2}% of the training words right)",
                100.0 * accuracy.unwrap_or(f64::NAN)
            )
        });
    let search = if opts.parser.beam > 1 && !voters.is_empty() {
        format!(
            "beam search ({}) trained with early update, its heads voted on with a greedy left-to-right and a greedy right-to-left parser ({} and {} transition features) and made a tree by the maximum spanning tree",
            opts.parser.beam, voters[0], voters[voters.len() - 1]
        )
    } else if opts.parser.beam > 1 {
        format!(
            "beam search ({}) trained with early update",
            opts.parser.beam
        )
    } else {
        "greedy search trained with a dynamic oracle".to_string()
    };
    let heads_description = match (&opts.parser.neural, parser.neural_size()) {
        (Some(c), Some(weights)) => Some(format!(
            "heads-v1: a neural head scorer ({} bidirectional LSTM layers of {} per direction over word and tag embeddings, biaffine arc scores, {weights} weights in half precision, read in eight bits where the CPU has VNNI, {} epochs), the maximum spanning tree over its log-probabilities{}",
            c.layers,
            c.hidden,
            c.epochs,
            if opts.parser.neural_bonus > 0.0 {
                format!(" with each arc of the transition model's tree worth {} more", opts.parser.neural_bonus)
            } else {
                String::new()
            }
        )),
        _ => None,
    };
    // The scorer's own metadata, its figures on dev taken while the parser still has it.
    let heads_meta = heads_description.map(|description| {
        let mut meta = base_meta(
            "heads",
            opts,
            hash.clone(),
            &description,
            format!("{:?}", opts.parser.neural),
        );
        if let Some(dev) = &dev {
            dev_attachment(&parser, dev, &mut meta);
        }
        meta
    });
    let heads = parser.take_neural();
    let mut meta = base_meta(
        "parser",
        opts,
        hash,
        &format!("parser-v6: arc-hybrid, {}, 74 transition templates (with case words, kinds and words of children, commas between), 42 label templates (with case, mark and auxiliary words, commas between, a coordinator taken, a bare noun after, the first child's word; from epoch 3 learnt on the beam's own trees){}, pseudo-projective (head), jackknifed tags (4 folds), news copies (time adjuncts, attributions, titles), mean of runs, prepositional phrases moved between a verb and a noun by the treebank's counts of each with each preposition", search, if opts.parser.supertags { " and supertags (each word's relation and head side guessed by a greedy tagger before parsing: 4 more transition templates and 4 more label templates)" } else { "" }),
        format!(
            "{:?}; {tf} transition features, {lf} label features, {nl} labels{supertags}; {} (verb, preposition) and {} (noun, preposition) pairs counted{unlabelled_note}",
            opts.parser, attached.0, attached.1
        ),
    );
    if let Some(dev) = &dev {
        dev_attachment(&parser, dev, &mut meta);
    }
    write(
        &opts.out.join("parser.bin.gz"),
        Component::Parser,
        &meta,
        |w| parser.write_to(w),
    )?;
    let mut metas = vec![meta];
    if let (Some((heads, bonus)), Some(meta)) = (heads, heads_meta) {
        write(
            &opts.out.join("heads.bin.gz"),
            Component::Heads,
            &meta,
            |w| heads.write_with_bonus(bonus, w),
        )?;
        metas.push(meta);
    }
    Ok(metas)
}

/// Puts the parser's attachment scores on `dev` (gold tags) into `meta`.
fn dev_attachment(parser: &Parser, dev: &[TrainSentence], meta: &mut ModelMeta) {
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    for s in dev {
        let forms = s.forms();
        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let lemmas: Vec<&str> = s.words.iter().map(|w| w.lemma.as_str()).collect();
        let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let parsed = parser.parse_tagged(&forms, &xpos, &upos, &lemmas);
        for (w, (h, l)) in s.words.iter().zip(parsed) {
            n += 1;
            if h == w.head {
                uas += 1;
                las += (l.split(':').next() == w.deprel.split(':').next()) as usize;
            }
        }
    }
    meta.dev_scores
        .insert("uas_gold_tags".into(), round(uas as f64 / n.max(1) as f64));
    meta.dev_scores
        .insert("las_gold_tags".into(), round(las as f64 / n.max(1) as f64));
}

/// Writes `meta.json` (all components' metadata) into the output directory.
pub fn write_meta(out: &Path, metas: &[ModelMeta]) -> Result<(), TrainError> {
    let path = out.join("meta.json");
    let json = serde_json::to_string_pretty(metas).expect("metadata serialises");
    std::fs::write(&path, json + "\n").map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// What to train the entity recogniser on, and where to write it.
#[derive(Clone, Debug)]
pub struct NerTrainOptions {
    /// Training files (UniversalNER IOB2), read one after the other.
    pub train: Vec<PathBuf>,
    /// Development file, scored into the metadata.
    pub dev: Option<PathBuf>,
    /// GeoNames folder for the gazetteer.
    pub geo: PathBuf,
    /// Folder of PETRARCH actor dictionaries whose names join the gazetteer.
    pub actors: Option<PathBuf>,
    /// Output directory.
    pub out: PathBuf,
    /// Training settings.
    pub config: crate::ner::NerConfig,
    /// Licence recorded in the metadata.
    pub licence: String,
    /// Unlabelled text, as sentences of words, from which sentences two recognisers read
    /// alike join the training data (see [`agreed_mentions`]); empty for none.
    pub unlabelled: Vec<Vec<String>>,
    /// Where the unlabelled text came from, for the metadata.
    pub unlabelled_source: String,
}

/// How many sentences of unlabelled text with agreed mentions join the recogniser's
/// training data (12,543 gold sentences in UniversalNER English-EWT train). Chosen on EWT dev
/// (UNER train alone, means of five seeds): none 75.04, 1,000 74.83, 2,000 75.16 (EWT test
/// 75.62 → 75.86, PUD 69.28 → 69.66), 3,000 74.99, and in a first trial 4,000 74.78 and
/// 12,000 (one seed) 73.93 against 74.48: more news text crowds out the web text EWT is.
pub const AGREED_MENTION_SENTENCES: usize = 2000;

/// Sentences of unlabelled text that `other`, a second recogniser (`train_ner` trains it on
/// the same data without word classes), reads exactly as `ner` does, as IOB2 training
/// sentences (NORP as UniversalNER's OTH). Only sentences of 5 to 60 words in which every capitalised word after
/// the first is inside a mention are kept: UniversalNER also marks names outside its three
/// types (OTH), which the recogniser does not report, so a capitalised word outside every
/// mention may be a name the sentence would teach as no name. `limit` of them are drawn with
/// `seed`.
pub fn agreed_mentions(
    ner: &crate::Ner,
    other: &crate::Ner,
    tagger: &Tagger,
    sentences: &[Vec<String>],
    limit: usize,
    seed: u64,
) -> Vec<crate::ner::NerSentence> {
    use crate::ner::EntityType;
    let mut agreed = Vec::new();
    for words in sentences.iter().filter(|w| (5..=60).contains(&w.len())) {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let tagged = tagger.tag(&forms);
        let xpos: Vec<&str> = tagged.iter().map(|&(_, x)| x).collect();
        let mentions = ner.recognise(&forms, &xpos);
        if mentions != other.recognise(&forms, &xpos) {
            continue;
        }
        let inside = |i: usize| mentions.iter().any(|m| m.tokens.contains(&i));
        let unmarked_name = forms.iter().enumerate().any(|(i, w)| {
            !inside(i)
                && if i == 0 {
                    tagged[0].0 == "PROPN"
                } else {
                    w.starts_with(char::is_uppercase)
                }
        });
        if unmarked_name {
            continue;
        }
        let mut labels = vec!["O".to_string(); forms.len()];
        for m in &mentions {
            let kind = match m.kind {
                EntityType::Person => "PER",
                EntityType::Org => "ORG",
                EntityType::Gpe | EntityType::Loc => "LOC",
                EntityType::Norp => "OTH",
            };
            for i in m.tokens.clone() {
                let prefix = if i == m.tokens.start { "B" } else { "I" };
                labels[i] = format!("{prefix}-{kind}");
            }
        }
        agreed.push(crate::ner::NerSentence {
            words: words.clone(),
            labels,
        });
    }
    crate::rng::Rng::new(seed).shuffle(&mut agreed);
    agreed.truncate(limit);
    agreed
}

/// Trains the entity recogniser, reading part-of-speech tags from `tagger`; writes
/// `ner.bin.gz`.
pub fn train_ner(opts: &NerTrainOptions, tagger: &Tagger) -> Result<ModelMeta, TrainError> {
    let (train, dev, geo, actors, out, config, licence) = (
        &opts.train,
        opts.dev.as_deref(),
        &opts.geo,
        opts.actors.as_deref(),
        &opts.out,
        &opts.config,
        &opts.licence,
    );
    fn io(path: &Path) -> impl Fn(std::io::Error) -> TrainError + '_ {
        move |source| TrainError::Io {
            path: path.display().to_string(),
            source,
        }
    }
    let mut bytes = Vec::new();
    for path in train {
        bytes.extend(std::fs::read(path).map_err(io(path))?);
        // Files that do not end in a blank line would run into the next one's first sentence.
        if !bytes.ends_with(b"\n\n") {
            bytes.extend_from_slice(b"\n\n");
        }
    }
    let sentences = crate::ner::parse_iob2(&String::from_utf8_lossy(&bytes));
    if sentences.is_empty() {
        return Err(TrainError::Empty(file_names(train)));
    }
    let mut gazetteer = crate::ner::Gazetteer::from_geonames(geo).map_err(io(geo))?;
    if let Some(dir) = actors {
        let mut dictionary = kestrel_actors::ActorDictionary::new();
        for file in kestrel_actors::PETRARCH_ACTOR_FILES {
            let path = dir.join(file);
            let text = std::fs::read(&path).map_err(io(&path))?;
            dictionary.add_petrarch(&String::from_utf8_lossy(&text));
        }
        // Names the imported files lack: today's office holders, companies, news organisations.
        dictionary
            .add_tsv(kestrel_actors::CURATED_ACTORS, "dictionaries/curated.tsv")
            .map_err(|e| TrainError::Io {
                path: "dictionaries/curated.tsv".into(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
            })?;
        gazetteer.add_actors(&dictionary);
    }
    let tag_all = |sentences: &[crate::ner::NerSentence]| -> Vec<Vec<String>> {
        sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                tagger
                    .tag(&words)
                    .into_iter()
                    .map(|t| t.1.to_string())
                    .collect()
            })
            .collect()
    };
    let mut sentences = sentences;
    let mut tags = tag_all(&sentences);
    let mut settings = format!("{config:?}");
    if !opts.unlabelled.is_empty() {
        let first = crate::ner::Ner::train(&sentences, &tags, gazetteer.clone(), config);
        let without_classes = crate::ner::NerConfig {
            clusters: std::sync::Arc::new(crate::clusters::WordClusters::empty()),
            ..config.clone()
        };
        let other = crate::ner::Ner::train(&sentences, &tags, gazetteer.clone(), &without_classes);
        let agreed = agreed_mentions(
            &first,
            &other,
            tagger,
            &opts.unlabelled,
            AGREED_MENTION_SENTENCES,
            config.seed,
        );
        settings.push_str(&format!(
            "; {} sentences of unlabelled text ({}) that a recogniser without word classes reads alike, of {}",
            agreed.len(),
            opts.unlabelled_source,
            opts.unlabelled.len()
        ));
        tags.extend(tag_all(&agreed));
        sentences.extend(agreed);
    }
    let ner = crate::ner::Ner::train(&sentences, &tags, gazetteer, config);
    let mut meta = ModelMeta {
        component: "ner".into(),
        train_file: file_names(train),
        train_hash: model::fingerprint(&bytes),
        dev_file: dev.and_then(|d| d.file_name()).map(|n| n.to_string_lossy().into_owned()),
        features: if actors.is_some() {
            "ner-v3: BILOU, 56 templates (with XPOS from Kestrel's tagger, runs of capitalised words and word classes), mean of runs, gazetteer: GeoNames (countries, admin1, cities15000), demonyms, PETRARCH actors (people, organisations) and Kestrel's curated actors, the given names of their people"
        } else {
            "ner-v3: BILOU, 56 templates (with XPOS from Kestrel's tagger, runs of capitalised words and word classes), mean of runs, gazetteer: GeoNames (countries, admin1, cities15000), demonyms"
        }.into(),
        settings,
        dev_scores: BTreeMap::new(),
        licence: licence.clone(),
    };
    if let Some(dev) = dev {
        let text = std::fs::read_to_string(dev).map_err(io(dev))?;
        let s = crate::ner::evaluate(&ner, tagger, &crate::ner::parse_iob2(&text));
        let (tp, fp, fn_) = s.overall;
        let f1 = if tp == 0 {
            0.0
        } else {
            2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
        };
        meta.dev_scores.insert("f1".into(), round(f1));
    }
    std::fs::create_dir_all(out).map_err(io(out))?;
    write(&out.join("ner.bin.gz"), Component::Ner, &meta, |w| {
        ner.write_to(w)
    })?;
    Ok(meta)
}
