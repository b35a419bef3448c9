//! Training on a small treebank of our own: the models learn it, training is reproducible
//! byte for byte, and saved models load back to the same answers.

use std::path::PathBuf;

use kestrel_nlp::corpus::{self, TrainSentence};
use kestrel_nlp::train::{train_parser, train_tagger, TrainOptions};
use kestrel_nlp::{Models, Parser, ParserConfig, Tagger, TaggerConfig};

fn tiny_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny.conllu")
}

fn tiny() -> Vec<TrainSentence> {
    corpus::parse(&std::fs::read_to_string(tiny_path()).unwrap()).unwrap()
}

/// Word classes learned from the treebank's own sentences, so that the models' class
/// features are exercised (and saved and loaded with them).
fn tiny_clusters() -> std::sync::Arc<kestrel_nlp::clusters::WordClusters> {
    let sentences: Vec<Vec<String>> = tiny()
        .iter()
        .map(|s| s.forms().iter().map(|w| w.to_string()).collect())
        .collect();
    let config = kestrel_nlp::clusters::ClusterConfig {
        classes: vec![8, 4, 2],
        min_count: 1,
        iterations: 4,
    };
    std::sync::Arc::new(kestrel_nlp::clusters::WordClusters::learn(
        &sentences, &config,
    ))
}

fn quick_tagger() -> TaggerConfig {
    TaggerConfig {
        epochs: 8,
        passes: 2,
        folds: 2,
        seed: 3,
        // Two runs, so that the mean of runs is what learns, saves and loads back here.
        runs: 2,
        clusters: tiny_clusters(),
    }
}

fn quick_parser() -> ParserConfig {
    ParserConfig {
        epochs: 12,
        ..ParserConfig::default()
    }
}

#[test]
fn train_tagger_learns_its_treebank() {
    let data = tiny();
    let tagger = Tagger::train(&data, &quick_tagger());
    let (mut right, mut total) = (0, 0);
    for s in &data {
        for (w, (upos, xpos)) in s.words.iter().zip(tagger.tag(&s.forms())) {
            total += 1;
            right += (upos == w.upos && xpos == w.xpos) as usize;
        }
    }
    assert!(right * 100 >= total * 95, "{right}/{total}");
}

#[test]
fn train_parser_learns_its_treebank() {
    assert!(quick_parser().beam > 1);
    assert_parser_learns_its_treebank(&quick_parser());
}

#[test]
fn labeller_trained_on_the_parsers_own_trees_learns_its_treebank() {
    // From the first epoch, and never: both paths learn the relations.
    for from in [0, usize::MAX] {
        assert_parser_learns_its_treebank(&ParserConfig {
            label_parses_from: from,
            ..quick_parser()
        });
    }
}

#[test]
fn a_beam_parser_with_voters_learns_its_treebank() {
    assert_parser_learns_its_treebank(&ParserConfig {
        voters: true,
        ..quick_parser()
    });
}

#[test]
fn a_beam_parser_trains_two_voters_that_its_file_keeps() {
    let data = tiny();
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| s.words.iter().map(|w| w.xpos.clone()).collect())
        .collect();
    let with_voters = ParserConfig {
        voters: true,
        ..quick_parser()
    };
    let parser = Parser::train(&data, &tags, &with_voters);
    assert_eq!(parser.voter_sizes().len(), 2);
    assert!(parser.voter_sizes().iter().all(|&n| n > 0));
    let mut bytes = Vec::new();
    parser.write_to(&mut bytes).unwrap();
    let read = Parser::read_from(&mut bytes.as_slice()).unwrap();
    assert_eq!(read.voter_sizes(), parser.voter_sizes());
    for (s, t) in data.iter().zip(&tags) {
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        assert_eq!(read.parse(&s.forms(), &t), parser.parse(&s.forms(), &t));
    }
    // A greedy parser has none: it would vote with copies of its own kind.
    let greedy = Parser::train(
        &data,
        &tags,
        &ParserConfig {
            beam: 1,
            ..with_voters
        },
    );
    assert!(greedy.voter_sizes().is_empty());
    assert!(Parser::train(&data, &tags, &quick_parser())
        .voter_sizes()
        .is_empty());
}

#[test]
fn train_greedy_parser_learns_its_treebank() {
    assert_parser_learns_its_treebank(&ParserConfig {
        beam: 1,
        ..quick_parser()
    });
}

fn assert_parser_learns_its_treebank(config: &ParserConfig) {
    let data = tiny();
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| s.words.iter().map(|w| w.xpos.clone()).collect())
        .collect();
    let parser = Parser::train(&data, &tags, config);
    let (mut heads, mut labels, mut total) = (0, 0, 0);
    for (s, t) in data.iter().zip(&tags) {
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        let parsed = parser.parse(&s.forms(), &t);
        assert_eq!(
            parsed.iter().filter(|(h, _)| *h == 0).count(),
            1,
            "one root"
        );
        for (w, (h, l)) in s.words.iter().zip(parsed) {
            total += 1;
            heads += (h == w.head) as usize;
            labels += (h == w.head && l == w.deprel) as usize;
        }
    }
    assert!(heads * 100 >= total * 90, "UAS {heads}/{total}");
    assert!(labels * 100 >= total * 85, "LAS {labels}/{total}");
}

#[test]
fn a_sentence_past_the_parsing_limit_is_parsed_in_pieces_as_one_tree() {
    let data = tiny();
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| s.words.iter().map(|w| w.xpos.clone()).collect())
        .collect();
    let parser = Parser::train(
        &data,
        &tags,
        &ParserConfig {
            beam: 1,
            ..quick_parser()
        },
    );
    // The treebank's sentences run together until they make one of over 600 words.
    let (mut forms, mut long_tags) = (Vec::new(), Vec::new());
    while forms.len() <= 600 {
        for (s, t) in data.iter().zip(&tags) {
            forms.extend(s.forms());
            long_tags.extend(t.iter().map(String::as_str));
        }
    }
    let parsed = parser.parse(&forms, &long_tags);
    assert_eq!(parsed.len(), forms.len());
    let heads: Vec<usize> = parsed.iter().map(|(h, _)| *h).collect();
    assert!(kestrel_core::conllu::heads_form_a_tree(&heads));
    assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
    let root = heads.iter().position(|&h| h == 0).unwrap() + 1;
    let pieces = parsed
        .iter()
        .filter(|(h, l)| *h == root && l == "parataxis")
        .count();
    assert!(pieces >= 2, "{pieces} later pieces on the root");
    // No piece is longer than the limit: every arc stays within 250 words.
    for (d, &h) in heads.iter().enumerate() {
        if h != 0 && h != root {
            assert!((d + 1).abs_diff(h) < 250);
        }
    }
}

#[test]
fn train_is_reproducible_and_models_load_back() {
    let dir = std::env::temp_dir().join(format!("kestrel-train-{}", std::process::id()));
    let options = |out: PathBuf| TrainOptions {
        train: vec![tiny_path()],
        dev: Some(tiny_path()),
        out,
        tagger: quick_tagger(),
        // With voters, so that their training is reproducible and their file loads too.
        parser: ParserConfig {
            voters: true,
            ..quick_parser()
        },
        licence: "test".into(),
        unlabelled: None,
    };
    for run in ["a", "b"] {
        let opts = options(dir.join(run));
        train_tagger(&opts).unwrap();
        train_parser(&opts).unwrap();
    }
    for file in ["tagger.bin.gz", "lemmatizer.bin.gz", "parser.bin.gz"] {
        let a = std::fs::read(dir.join("a").join(file)).unwrap();
        let b = std::fs::read(dir.join("b").join(file)).unwrap();
        assert_eq!(a, b, "{file} differs between two runs");
    }
    let models = Models::from_dir(&dir.join("a")).unwrap();
    let trained = Tagger::train(&tiny(), &quick_tagger());
    let words = ["The", "court", "met", "the", "minister", "."];
    assert_eq!(models.tagger.tag(&words), trained.tag(&words));
    assert_eq!(models.lemmatizer.lemma("talks", "NNS"), "talk");
    assert_eq!(models.parser.voter_sizes().len(), 2);
    let parsed = models
        .parser
        .parse(&words, &["DT", "NN", "VBD", "DT", "NN", "."]);
    assert_eq!(parsed.iter().filter(|(h, _)| *h == 0).count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_neural_scorer_is_written_beside_the_parser_and_a_folder_of_it_alone_loads() {
    let dir = std::env::temp_dir().join(format!("kestrel-heads-{}", std::process::id()));
    let opts = TrainOptions {
        train: vec![tiny_path()],
        dev: Some(tiny_path()),
        out: dir.join("full"),
        tagger: quick_tagger(),
        parser: ParserConfig {
            neural: Some(kestrel_nlp::parser::neural::NeuralConfig {
                epochs: 10,
                word_dim: 4,
                tag_dim: 3,
                hidden: 4,
                layers: 1,
                arc_dim: 4,
                batch: 2,
                ..Default::default()
            }),
            neural_bonus: 1.0,
            ..quick_parser()
        },
        licence: "test".into(),
        unlabelled: None,
    };
    train_tagger(&opts).unwrap();
    let metas = train_parser(&opts).unwrap();
    let names: Vec<&str> = metas.iter().map(|m| m.component.as_str()).collect();
    assert_eq!(names, ["parser", "heads"]);
    // Trained again, the same bytes.
    let again = TrainOptions {
        out: dir.join("again"),
        ..opts.clone()
    };
    train_parser(&again).unwrap();
    for file in ["parser.bin.gz", "heads.bin.gz"] {
        let a = std::fs::read(dir.join("full").join(file)).unwrap();
        let b = std::fs::read(dir.join("again").join(file)).unwrap();
        assert_eq!(a, b, "{file} differs between two runs");
    }
    assert!(
        metas[1].features.starts_with("heads-v1"),
        "{}",
        metas[1].features
    );
    assert!(metas[1].dev_scores.contains_key("uas_gold_tags"));
    // The parser file goes without the scorer; the folder reads with it.
    let full = dir.join("full");
    let alone = Models::from_dir(&full).unwrap();
    assert!(alone.parser.neural_size().is_some());
    std::fs::rename(full.join("heads.bin.gz"), dir.join("heads.bin.gz")).unwrap();
    let without = Models::from_dir(&full).unwrap();
    assert!(without.parser.neural_size().is_none());
    // A folder with the scorer alone takes the rest from the built-in models (where this
    // build has them).
    let heads_only = dir.join("heads-only");
    std::fs::create_dir_all(&heads_only).unwrap();
    std::fs::rename(dir.join("heads.bin.gz"), heads_only.join("heads.bin.gz")).unwrap();
    if Models::builtin().is_ok() {
        let models = Models::from_dir(&heads_only).unwrap();
        assert_eq!(models.parser.neural_size(), alone.parser.neural_size());
        let words = ["The", "court", "met", "the", "minister", "."];
        let tags = ["DT", "NN", "VBD", "DT", "NN", "."];
        let parsed = models.parser.parse(&words, &tags);
        assert_eq!(parsed.iter().filter(|(h, _)| *h == 0).count(), 1);
    }
    // A folder with no model file is an error that names what it looked for.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let err = Models::from_dir(&empty).unwrap_err().to_string();
    assert!(err.contains("holds no model files"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn several_training_files_are_read_in_order_and_recorded() {
    let dir = std::env::temp_dir().join(format!("kestrel-two-files-{}", std::process::id()));
    let train = |files: Vec<PathBuf>, out: &str| {
        let opts = TrainOptions {
            train: files,
            dev: None,
            out: dir.join(out),
            tagger: quick_tagger(),
            parser: quick_parser(),
            licence: "test".into(),
            unlabelled: None,
        };
        train_tagger(&opts).unwrap().remove(0)
    };
    let one = train(vec![tiny_path()], "one");
    let two = train(vec![tiny_path(), tiny_path()], "two");
    assert_eq!(one.train_file, "tiny.conllu");
    assert_eq!(two.train_file, "tiny.conllu+tiny.conllu");
    assert_ne!(one.train_hash, two.train_hash, "the hash covers both files");
    let missing = TrainOptions {
        train: vec![tiny_path(), dir.join("no-such.conllu")],
        dev: None,
        out: dir.join("missing"),
        tagger: quick_tagger(),
        parser: quick_parser(),
        licence: "test".into(),
        unlabelled: None,
    };
    let err = train_tagger(&missing).unwrap_err().to_string();
    assert!(err.contains("no-such.conllu"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn models_refuse_a_wrong_file() {
    let dir = std::env::temp_dir().join(format!("kestrel-wrong-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["tagger.bin.gz", "lemmatizer.bin.gz", "parser.bin.gz"] {
        std::fs::write(dir.join(f), b"not a model").unwrap();
    }
    let err = Models::from_dir(&dir).unwrap_err().to_string();
    assert!(err.contains("not a Kestrel model file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn tiny_ner() -> Vec<kestrel_nlp::ner::NerSentence> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny-ner.iob2");
    kestrel_nlp::ner::parse_iob2(&std::fs::read_to_string(path).unwrap())
}

/// A gazetteer of two countries, a region, two cities and two demonyms.
fn tiny_gazetteer() -> kestrel_nlp::ner::Gazetteer {
    let geo = std::env::temp_dir().join(format!(
        "kestrel-geo-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&geo).unwrap();
    std::fs::write(
        geo.join("countryInfo.txt"),
        "#c\nKE\tKEN\t404\tKE\tKenya\tNairobi\nPE\tPER\t604\tPE\tPeru\tLima\n",
    )
    .unwrap();
    std::fs::write(
        geo.join("admin1CodesASCII.txt"),
        "KE.01\tNairobi Area\tNairobi Area\t1\n",
    )
    .unwrap();
    std::fs::write(
        geo.join("cities15000.txt"),
        "1\tNairobi\tNairobi\t\n2\tLima\tLima\t\n",
    )
    .unwrap();
    std::fs::write(
        geo.join("demonyms.csv"),
        "nationality,alpha_3_code\nKenyan,KEN\nValdorian,VAL\n",
    )
    .unwrap();
    let gazetteer = kestrel_nlp::ner::Gazetteer::from_geonames(&geo).unwrap();
    let _ = std::fs::remove_dir_all(&geo);
    gazetteer
}

#[test]
fn train_ner_learns_its_sentences_and_types_them() {
    let data = tiny_ner();
    // XPOS as a tagger would give them: proper nouns capitalised, the rest by a simple rule.
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| {
            s.words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                        "NNP"
                    } else {
                        "NN"
                    }
                    .to_string()
                })
                .collect()
        })
        .collect();
    let gazetteer = tiny_gazetteer();
    let ner = kestrel_nlp::Ner::train(
        &data,
        &tags,
        gazetteer,
        &kestrel_nlp::ner::NerConfig {
            epochs: 10,
            seed: 1,
            runs: 1,
            clusters: tiny_clusters(),
        },
    );
    let words = [
        "Minister", "Ana", "Ruiz", "visited", "Lima", "on", "Monday", ".",
    ];
    let t = ["NN", "NNP", "NNP", "NN", "NNP", "NN", "NNP", "NN"];
    let found: Vec<(String, &str)> = ner
        .recognise(&words, &t)
        .iter()
        .map(|m| (words[m.tokens.clone()].join(" "), m.kind.name()))
        .collect();
    assert!(
        found.contains(&("Ana Ruiz".to_string(), "PERSON")),
        "{found:?}"
    );
    // Lima is in the gazetteer as a city: a LOC mention of it is a GPE.
    assert!(found.contains(&("Lima".to_string(), "GPE")), "{found:?}");
    let scores = kestrel_nlp::ner::evaluate(&ner, &Tagger::train(&tiny(), &quick_tagger()), &data);
    let (tp, fp, fn_) = scores.overall;
    assert!(
        tp * 10 >= (tp + fn_) * 7 && tp * 10 >= (tp + fp) * 7,
        "{:?}",
        scores
    );
    let mut bytes = Vec::new();
    ner.write_to(&mut bytes).unwrap();
    let back = kestrel_nlp::Ner::read_from(&mut bytes.as_slice()).unwrap();
    assert_eq!(back.recognise(&words, &t), ner.recognise(&words, &t));
}

fn unlabelled_text(data: &[TrainSentence]) -> kestrel_nlp::train::Unlabelled {
    let sentences = [
        "The envoy met the minister .",
        "Rebels attacked the border .",
        "The court condemned the attack on Monday .",
        "Police said the army will withdraw troops near Lima .",
        "Talks about the crisis resumed and the president visited Kenya yesterday .",
        "Officials rejected a trade appeal that leaders signed next week in Chile .",
    ];
    kestrel_nlp::train::Unlabelled {
        sentences: sentences
            .iter()
            .map(|s| s.split(' ').map(str::to_string).collect())
            .collect(),
        tagger: Tagger::train(data, &quick_tagger()),
        lemmatizer: kestrel_nlp::Lemmatizer::train(data),
        source: "test".into(),
    }
}

#[test]
fn agreed_parses_are_the_sentences_a_beam_and_a_greedy_parser_parse_alike() {
    let data = tiny();
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| s.words.iter().map(|w| w.xpos.clone()).collect())
        .collect();
    let text = unlabelled_text(&data);
    let config = ParserConfig {
        runs: 3,
        ..quick_parser()
    };
    let agreed = kestrel_nlp::train::agreed_parses(&data, &tags, &config, &text);
    let one = |beam| ParserConfig {
        runs: 1,
        beam,
        voters: false,
        ..quick_parser()
    };
    let beam = Parser::train(&data, &tags, &one(4));
    let greedy = Parser::train(&data, &tags, &one(1));
    let mut expected = Vec::new();
    for words in &text.sentences {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let tagged = text.tagger.tag(&forms);
        let xpos: Vec<&str> = tagged.iter().map(|&(_, x)| x).collect();
        let tree = beam.parse(&forms, &xpos);
        if tree == greedy.parse(&forms, &xpos) {
            expected.push((forms.join(" "), tagged.clone(), tree));
        }
    }
    assert!(
        !expected.is_empty(),
        "the two parsers agree on some sentence"
    );
    assert!(
        expected.len() < text.sentences.len(),
        "and differ on some, so that agreement selects"
    );
    let got: Vec<_> = agreed
        .iter()
        .map(|s| {
            let tagged: Vec<(&str, &str)> = s
                .words
                .iter()
                .map(|w| (w.upos.as_str(), w.xpos.as_str()))
                .collect();
            let tree: Vec<(usize, String)> =
                s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
            (s.forms().join(" "), tagged, tree)
        })
        .collect();
    assert_eq!(got.len(), expected.len());
    for ((form, tagged, tree), (eform, etagged, etree)) in got.iter().zip(&expected) {
        assert_eq!(form, eform);
        assert_eq!(tagged, etagged);
        assert_eq!(tree, etree);
    }
    assert!(agreed
        .iter()
        .flat_map(|s| &s.words)
        .all(|w| !w.lemma.is_empty()));
}

#[test]
fn a_parser_trained_with_unlabelled_text_is_reproducible_and_says_what_it_read() {
    let dir = std::env::temp_dir().join(format!("kestrel-unlabelled-{}", std::process::id()));
    let text = std::sync::Arc::new(unlabelled_text(&tiny()));
    let mut metas = Vec::new();
    for run in ["a", "b"] {
        let opts = TrainOptions {
            train: vec![tiny_path()],
            dev: None,
            out: dir.join(run),
            tagger: quick_tagger(),
            parser: quick_parser(),
            licence: "test".into(),
            unlabelled: Some(text.clone()),
        };
        metas.extend(train_parser(&opts).unwrap());
    }
    let a = std::fs::read(dir.join("a").join("parser.bin.gz")).unwrap();
    let b = std::fs::read(dir.join("b").join("parser.bin.gz")).unwrap();
    assert_eq!(a, b, "parser.bin.gz differs between two runs");
    assert!(
        metas[0]
            .settings
            .contains("agreed parses of unlabelled text (test): "),
        "{}",
        metas[0].settings
    );
    assert!(metas[0].settings.contains(" of 6 sentences"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn agreed_mentions_are_sentences_two_recognisers_read_alike_with_no_unmarked_name() {
    let data = tiny_ner();
    let tagger = Tagger::train(&tiny(), &quick_tagger());
    let tags: Vec<Vec<String>> = data
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            tagger.tag(&words).iter().map(|t| t.1.to_string()).collect()
        })
        .collect();
    let config = |clusters| kestrel_nlp::ner::NerConfig {
        epochs: 10,
        seed: 1,
        runs: 1,
        clusters,
    };
    let with_classes =
        kestrel_nlp::Ner::train(&data, &tags, tiny_gazetteer(), &config(tiny_clusters()));
    let without = kestrel_nlp::Ner::train(
        &data,
        &tags,
        tiny_gazetteer(),
        &config(std::sync::Arc::new(
            kestrel_nlp::clusters::WordClusters::empty(),
        )),
    );
    let text: Vec<Vec<String>> = [
        "Minister Tomas Brenn visited Nairobi on Monday .",
        "Officials from the World Bank left Lima .",
        "The army met the envoy near the border .",
        "The Valdorian envoy met Ana Ruiz in Kenya .",
        "Rebels attacked a Zorvath convoy near Peru .",
        "Talks resumed .",
        "Brenn said the Lima talks about the Ostra border and the World Bank plan had failed again .",
    ]
    .iter()
    .map(|s| s.split(' ').map(str::to_string).collect())
    .collect();
    let agreed =
        kestrel_nlp::train::agreed_mentions(&with_classes, &without, &tagger, &text, 100, 9);
    let mut expected = Vec::new();
    for words in &text {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = tagger.tag(&forms).iter().map(|t| t.1).collect();
        let a = with_classes.recognise(&forms, &xpos);
        let inside = |i: usize| a.iter().any(|m| m.tokens.contains(&i));
        let capitalised_outside =
            (1..forms.len()).any(|i| !inside(i) && forms[i].starts_with(char::is_uppercase));
        if forms.len() >= 5 && a == without.recognise(&forms, &xpos) && !capitalised_outside {
            expected.push(forms.join(" "));
        }
    }
    let mut got: Vec<String> = agreed.iter().map(|s| s.words.join(" ")).collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(!got.is_empty());
    assert!(!got.contains(&"Talks resumed .".to_string()), "too short");
    for s in &agreed {
        let forms: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = tagger.tag(&forms).iter().map(|t| t.1).collect();
        let spans: Vec<(usize, usize)> = kestrel_nlp::ner::iob2_spans(&s.labels)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        let mentions: Vec<(usize, usize)> = with_classes
            .recognise(&forms, &xpos)
            .iter()
            .map(|m| (m.tokens.start, m.tokens.end))
            .collect();
        assert_eq!(spans, mentions, "{forms:?} {:?}", s.labels);
    }
    let one = kestrel_nlp::train::agreed_mentions(&with_classes, &without, &tagger, &text, 1, 9);
    assert_eq!(one.len(), 1.min(expected.len()));
}
