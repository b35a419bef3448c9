//! Writes a copy of a models folder whose parser uses a neural head scorer trained by the
//! `neural_heads` example.
//!
//! `cargo run --release -p kestrel-nlp --example attach_neural -- MODELS_DIR SCORER BONUS OUT_DIR`:
//! SCORER `-` keeps the parser's own scorer. BONUS is what each arc of the transition model's tree adds to the scorer's log-probability
//! (0: the transition model does not parse).

use kestrel_nlp::model::{read_model, write_model, Component};
use kestrel_nlp::parser::neural::NeuralHeads;
use kestrel_nlp::Parser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (models, scorer, bonus, out) = (&args[1], &args[2], args[3].parse::<f32>()?, &args[4]);
    std::fs::create_dir_all(out)?;
    for name in [
        "tagger.bin.gz",
        "lemmatizer.bin.gz",
        "clusters.tsv.gz",
        "ner.bin.gz",
    ] {
        let from = std::path::Path::new(models).join(name);
        if from.exists() {
            std::fs::copy(&from, std::path::Path::new(out).join(name))?;
        }
    }
    let file = std::fs::File::open(std::path::Path::new(models).join("parser.bin.gz"))?;
    let (meta, mut reader) = read_model(file, Component::Parser)?;
    let mut parser = Parser::read_from(&mut reader)?;
    if scorer == "-" {
        // Keep the parser's own scorer and change only the bonus.
        parser.set_neural_bonus(bonus);
    } else {
        let file = std::fs::File::open(scorer)?;
        let neural = NeuralHeads::read_from(&mut std::io::BufReader::new(file))?;
        parser.set_neural(Some(neural), bonus);
    }
    let file = std::fs::File::create(std::path::Path::new(out).join("parser.bin.gz"))?;
    write_model(file, Component::Parser, &meta, |w| parser.write_to(w))?;
    Ok(())
}
