//! `kestrel train`: build models from treebanks.

use std::process::ExitCode;
use std::time::Instant;

use kestrel_nlp::train::{train_parser, train_tagger, write_meta, TrainOptions};
use kestrel_nlp::{ParserConfig, TaggerConfig};

use crate::{TrainArgs, TrainWhat};

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    if args.what == TrainWhat::Clusters {
        return train_clusters(&args);
    }
    let mut tagger = TaggerConfig::default();
    let mut parser = ParserConfig::default();
    if let Some(e) = args.epochs {
        tagger.epochs = e;
        parser.epochs = e;
    }
    if let Some(p) = args.tagger_passes {
        tagger.passes = p;
    }
    if let Some(p) = args.explore {
        parser.explore = p.clamp(0.0, 1.0);
    }
    if let Some(e) = args.explore_from {
        parser.explore_from = e;
    }
    if let Some(share) = args.news_adjuncts {
        parser.news_adjuncts = share.clamp(0.0, 1.0);
    }
    if let Some(share) = args.news_attributions {
        parser.news_attributions = share.clamp(0.0, 1.0);
    }
    if let Some(share) = args.news_titles {
        parser.news_titles = share.clamp(0.0, 1.0);
    }
    if let Some(s) = args.seed {
        tagger.seed = s;
        parser.seed = s;
    }
    if let Some(r) = args.runs {
        parser.runs = r;
    }
    if let Some(r) = args.tagger_runs {
        tagger.runs = r;
    }
    if let Some(b) = args.beam {
        parser.beam = b.max(1);
    }
    parser.voters = args.voters;
    parser.supertags = args.supertags;
    if let Some(epochs) = args.neural_epochs.filter(|&e| e > 0) {
        parser.neural = Some(kestrel_nlp::parser::neural::NeuralConfig {
            epochs,
            seed: parser.seed,
            ..Default::default()
        });
        parser.neural_bonus = args.neural_bonus.unwrap_or(0.0);
    }
    let clusters = std::sync::Arc::new(read_clusters(&args.clusters)?);
    tagger.clusters = clusters.clone();
    let mut opts = TrainOptions {
        train: args.train.clone(),
        dev: args.dev.clone(),
        out: args.out.clone(),
        tagger,
        parser,
        licence: args.licence.clone(),
        unlabelled: None,
    };
    let mut metas = Vec::new();
    // Keep what an earlier run wrote for the component not trained now.
    if let Ok(old) = std::fs::read_to_string(opts.out.join("meta.json")) {
        if let Ok(old) = serde_json::from_str::<Vec<kestrel_nlp::ModelMeta>>(&old) {
            metas = old;
        }
    }
    if args.what == TrainWhat::Ner {
        let start = Instant::now();
        let config = kestrel_nlp::ner::NerConfig {
            epochs: args
                .epochs
                .unwrap_or(kestrel_nlp::ner::NerConfig::default().epochs),
            seed: args
                .seed
                .unwrap_or(kestrel_nlp::ner::NerConfig::default().seed),
            runs: args
                .runs
                .unwrap_or(kestrel_nlp::ner::NerConfig::default().runs),
            clusters: clusters.clone(),
        };
        let licence = if args.licence == kestrel_nlp::train::EWT_LICENCE {
            "CC BY-SA 4.0 (trained on UniversalNER English-EWT; gazetteer from GeoNames, CC BY 4.0)"
                .to_string()
        } else {
            args.licence.clone()
        };
        let models = kestrel_nlp::Models::builtin()?;
        let ner_opts = kestrel_nlp::train::NerTrainOptions {
            train: opts.train.clone(),
            dev: opts.dev.clone(),
            geo: args.geo.clone(),
            actors: (args.actors.as_os_str() != "none").then(|| args.actors.clone()),
            out: opts.out.clone(),
            config,
            licence,
            unlabelled: args
                .text
                .iter()
                .map(|p| text_sentences(p))
                .collect::<anyhow::Result<Vec<_>>>()?
                .concat(),
            unlabelled_source: kestrel_nlp::train::file_names(&args.text),
        };
        let new = kestrel_nlp::train::train_ner(&ner_opts, &models.tagger)?;
        eprintln!(
            "kestrel: entity recogniser trained in {:.1}s: {:?}",
            start.elapsed().as_secs_f64(),
            new.dev_scores
        );
        metas.retain(|m| m.component != "ner");
        metas.push(new);
    }
    if matches!(args.what, TrainWhat::Tagger | TrainWhat::All) {
        let start = Instant::now();
        let new = train_tagger(&opts)?;
        eprintln!(
            "kestrel: tagger and lemmatizer trained in {:.1}s: {:?} {:?}",
            start.elapsed().as_secs_f64(),
            new[0].dev_scores,
            new[1].dev_scores
        );
        metas.retain(|m| m.component != "tagger" && m.component != "lemmatizer");
        metas.extend(new);
    }
    if matches!(args.what, TrainWhat::Parser | TrainWhat::All) {
        let start = Instant::now();
        if !args.text.is_empty() {
            opts.unlabelled = Some(std::sync::Arc::new(unlabelled_text(&args)?));
        }
        let new = train_parser(&opts)?;
        for m in &new {
            eprintln!(
                "kestrel: {} trained in {:.1}s: {:?}",
                m.component,
                start.elapsed().as_secs_f64(),
                m.dev_scores
            );
        }
        // A parser trained without a scorer leaves none from before beside it.
        let heads = opts.out.join("heads.bin.gz");
        if new.len() == 1 && heads.exists() {
            use anyhow::Context as _;
            std::fs::remove_file(&heads)
                .with_context(|| format!("cannot remove the old {}", heads.display()))?;
        }
        metas.retain(|m| m.component != "parser" && m.component != "heads");
        metas.extend(new);
    }
    let order = |c: &str| {
        ["tagger", "lemmatizer", "parser", "heads"]
            .iter()
            .position(|x| *x == c)
    };
    metas.sort_by_key(|m| order(&m.component));
    write_meta(&opts.out, &metas)?;
    Ok(ExitCode::SUCCESS)
}

pub fn build_actors(
    geo: &std::path::Path,
    petrarch: &std::path::Path,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let read = |p: std::path::PathBuf| -> anyhow::Result<String> {
        let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let mut dict = kestrel_actors::ActorDictionary::new();
    let mut counts = Vec::new();
    for file in kestrel_actors::PETRARCH_ACTOR_FILES {
        let n = dict.add_petrarch(&read(petrarch.join(file))?);
        counts.push(format!("{file}: {n}"));
    }
    let renamed = dict.use_iso_country_codes();
    counts.push(format!("{renamed} roles given ISO country codes"));
    let n = dict.add_countries(
        &read(geo.join("countryInfo.txt"))?,
        &read(geo.join("demonyms.csv"))?,
    );
    counts.push(format!("GeoNames countries: {n}"));
    let tsv = dict.to_tsv();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    if out.extension().is_some_and(|e| e == "gz") {
        use std::io::Write;
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .write(file, flate2::Compression::best());
        gz.write_all(tsv.as_bytes())?;
        gz.finish()?;
    } else {
        std::fs::write(out, tsv)?;
    }
    eprintln!(
        "kestrel: {} actors written to {} ({})",
        dict.len(),
        out.display(),
        counts.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

pub fn build_cameo(
    cameo: &std::path::Path,
    plover: &std::path::Path,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let read = |p: &std::path::Path| -> anyhow::Result<String> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let tsv = kestrel_events::build_cameo_table(&read(cameo)?, &read(plover)?)?;
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
    eprintln!("kestrel: {rows} CAMEO codes written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Word classes from a file `kestrel train clusters` wrote (gzipped or not), or none.
fn read_clusters(path: &std::path::Path) -> anyhow::Result<kestrel_nlp::clusters::WordClusters> {
    use anyhow::Context as _;
    if path.as_os_str() == "none" {
        return Ok(kestrel_nlp::clusters::WordClusters::empty());
    }
    let file = std::fs::File::open(path).with_context(|| {
        format!(
            "cannot read word classes from {}: give --clusters FILE (`kestrel train clusters` writes one) or --clusters none",
            path.display()
        )
    })?;
    let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    kestrel_nlp::clusters::WordClusters::read_tsv(std::io::BufReader::new(reader))
        .with_context(|| format!("{} is not a word class file", path.display()))
}

/// `kestrel train clusters`: word classes from the treebank's sentences and unlabelled text,
/// written as gzipped text (`word<TAB>fine<TAB>middle<TAB>coarse`).
fn train_clusters(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    let start = Instant::now();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for path in &args.train {
        let treebank = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        sentences.extend(
            kestrel_core::conllu::parse(&treebank)
                .with_context(|| format!("{} is not valid CoNLL-U", path.display()))?
                .into_iter()
                .map(|s| s.words.into_iter().map(|w| w.form).collect::<Vec<String>>()),
        );
    }
    let labelled = sentences.len();
    for path in &args.text {
        sentences.extend(text_sentences(path)?);
    }
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let config = kestrel_nlp::clusters::ClusterConfig::default();
    let clusters = kestrel_nlp::clusters::WordClusters::learn(&sentences, &config);
    if let Some(dir) = args.clusters.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(&args.clusters)
        .with_context(|| format!("cannot write {}", args.clusters.display()))?;
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(std::io::BufWriter::new(file), flate2::Compression::best());
    clusters.write_tsv(&mut gz)?;
    gz.finish()?;
    eprintln!(
        "kestrel: {} word classes ({:?}) from {} sentences, {tokens} tokens ({} from text) in {:.1}s: {}",
        clusters.len(),
        config.classes,
        sentences.len(),
        sentences.len() - labelled,
        start.elapsed().as_secs_f64(),
        args.clusters.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The sentences of `--text`, split into words by the segmenter, with the tagger and
/// lemmatizer in the output folder (where `train all` has just written them), else the
/// built-in ones.
fn unlabelled_text(args: &TrainArgs) -> anyhow::Result<kestrel_nlp::train::Unlabelled> {
    use anyhow::Context as _;
    let models = if args.out.join("tagger.bin.gz").exists() {
        let dir = &args.out;
        let read = |name: &str| {
            std::fs::File::open(dir.join(name))
                .with_context(|| format!("cannot read {}", dir.join(name).display()))
        };
        let (_, mut r) = kestrel_nlp::model::read_model(
            read("tagger.bin.gz")?,
            kestrel_nlp::model::Component::Tagger,
        )?;
        let tagger = kestrel_nlp::Tagger::read_from(&mut r)?;
        let (_, mut r) = kestrel_nlp::model::read_model(
            read("lemmatizer.bin.gz")?,
            kestrel_nlp::model::Component::Lemmatizer,
        )?;
        (tagger, kestrel_nlp::Lemmatizer::read_from(&mut r)?)
    } else {
        let builtin = kestrel_nlp::Models::builtin()?;
        (builtin.tagger.clone(), builtin.lemmatizer.clone())
    };
    let mut sentences = Vec::new();
    for path in &args.text {
        sentences.extend(text_sentences(path)?);
    }
    Ok(kestrel_nlp::train::Unlabelled {
        sentences,
        tagger: models.0,
        lemmatizer: models.1,
        source: kestrel_nlp::train::file_names(&args.text),
    })
}

/// The sentences of the `.txt` files under `path`, split into words by the segmenter.
fn text_sentences(path: &std::path::Path) -> anyhow::Result<Vec<Vec<String>>> {
    let mut sentences = Vec::new();
    for text in read_texts(path)? {
        let mut doc = kestrel_core::Document::new("text", text);
        kestrel_core::segment::segment(&mut doc);
        for s in &doc.sentences {
            sentences.push(
                doc.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| doc.text[t.span.start..t.span.end].to_string())
                    .collect(),
            );
        }
    }
    Ok(sentences)
}

/// The `.txt` files in a folder (recursively, in name order) or in a `.tar.gz`.
fn read_texts(path: &std::path::Path) -> anyhow::Result<Vec<String>> {
    use anyhow::Context as _;
    use std::io::Read as _;
    let mut out = Vec::new();
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                out.extend(read_texts(&p)?);
            } else if p.extension().is_some_and(|e| e == "txt") {
                let bytes = std::fs::read(&p)?;
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        return Ok(out);
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut named = Vec::new();
    for entry in archive
        .entries()
        .with_context(|| format!("{} is not a .tar.gz", path.display()))?
    {
        let mut entry = entry?;
        let name = entry.path()?.to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes)?;
            named.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    named.sort();
    out.extend(named.into_iter().map(|(_, t)| t));
    Ok(out)
}
