//! Trains the opt-in neural head scorer alone on a treebank and reports its head accuracy
//! on a development treebank after each epoch.
//!
//! ```sh
//! cargo run --release -p kestrel-nlp --example neural_heads -- \
//!   ../shared/data/ud/en_ewt-ud-train.conllu ../shared/data/ud/en_ewt-ud-dev.conllu \
//!   train-only-models 15 128 2 target/jackknife-tags.txt 0.33 0.85 target/scorer.bin news
//! ```
//!
//! Arguments: train, dev, a models folder, then optionally epochs, LSTM units, layers, the
//! tag cache, dropout, decay, a file to save the scorer to, and `news` to add the news copies.
//! The training sentences' tags come from jackknifing (4 folds), the development sentences'
//! from the tagger in the models folder, which should not have seen them (`kestrel train all`
//! on EWT train alone makes one).

use std::time::Instant;

use kestrel_nlp::parser::neural::{NeuralConfig, NeuralHeads};
use kestrel_nlp::{Models, TaggerConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    let mut train = kestrel_nlp::corpus::parse(&std::fs::read_to_string(&args[1])?)?;
    if args.get(11).is_some_and(|a| a == "news") {
        // The copies the shipped parser trains on too (see `ParserConfig`).
        kestrel_nlp::augment::add_news_copies(&mut train, &kestrel_nlp::ParserConfig::default());
        eprintln!("{} sentences with the news copies", train.len());
    }
    let dev = kestrel_nlp::corpus::parse(&std::fs::read_to_string(&args[2])?)?;
    let models = Models::from_dir(std::path::Path::new(&args[3]))?;
    let epochs: usize = arg(4, "10").parse()?;
    let hidden: usize = arg(5, "128").parse()?;
    let layers: usize = arg(6, "2").parse()?;
    // Beside the build, relative to the repository root the example is run from.
    let cache = arg(7, "target/jackknife-tags.txt");
    let dropout: f32 = arg(8, "0.33").parse()?;
    let decay: f32 = arg(9, "0.9").parse()?;
    let save = args.get(10).cloned();
    let tags: Vec<Vec<String>> = match std::fs::read_to_string(&cache) {
        Ok(text) if text.lines().count() == train.len() => text
            .lines()
            .map(|l| l.split(' ').map(String::from).collect())
            .collect(),
        _ => {
            let started = Instant::now();
            let tags = kestrel_nlp::train::jackknife_tags(&train, &TaggerConfig::default(), 4);
            let text: Vec<String> = tags.iter().map(|t| t.join(" ")).collect();
            std::fs::write(&cache, text.join("\n") + "\n")?;
            eprintln!("jackknifed tags in {:.0?}", started.elapsed());
            tags
        }
    };
    let data: Vec<(Vec<String>, Vec<String>, Vec<usize>)> = train
        .iter()
        .zip(tags)
        .map(|(s, t)| {
            (
                s.words.iter().map(|w| w.form.clone()).collect(),
                t,
                s.words.iter().map(|w| w.head).collect(),
            )
        })
        .collect();
    let dev_tagged: Vec<(Vec<String>, Vec<String>, Vec<usize>)> = dev
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut tags = models.tagger.tag(&forms);
            kestrel_nlp::tag_repair::repair_tags(&forms, &mut tags);
            (
                forms.iter().map(|f| f.to_string()).collect(),
                tags.iter().map(|t| t.1.to_string()).collect(),
                s.words.iter().map(|w| w.head).collect(),
            )
        })
        .collect();
    let config = NeuralConfig {
        epochs,
        hidden,
        layers,
        dropout,
        decay,
        ..NeuralConfig::default()
    };
    eprintln!("{config:?}");
    let started = Instant::now();
    let model = NeuralHeads::train(&data, &config, |epoch, loss, accuracy, model| {
        let (mut right, mut total) = (0usize, 0usize);
        let scored = Instant::now();
        for (forms, tags, gold) in &dev_tagged {
            let f: Vec<&str> = forms.iter().map(String::as_str).collect();
            let t: Vec<&str> = tags.iter().map(String::as_str).collect();
            let heads = model.heads(&f, &t);
            for (i, g) in gold.iter().enumerate() {
                right += (heads[i + 1] == *g) as usize;
                total += 1;
            }
        }
        eprintln!(
            "epoch {epoch}: loss {loss:.4}, train heads {:.2}%, dev UAS {:.2}% ({} words, {:.0} words/s), {:.0?} so far",
            100.0 * accuracy,
            100.0 * right as f64 / total as f64,
            total,
            total as f64 / scored.elapsed().as_secs_f64(),
            started.elapsed()
        );
    });
    if let Some(path) = save {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        model.write_to(&mut out)?;
    }
    Ok(())
}
