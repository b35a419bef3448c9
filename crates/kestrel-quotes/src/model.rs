//! A learned second look at verbs the rules did not read as cues.
//!
//! PolNeAR annotates attributions with a long tail of verbs ("made the case", "took aim at",
//! "referred to") that no word list covers and that are cues in some contexts only. After the
//! rules have run, every other verb outside the attributions found is scored by a logistic
//! regression over features of its lemma, its dependents and its subject (is it a person, a
//! pronoun, an organisation); a verb that scores at least [`THRESHOLD`] with a subject becomes
//! an indirect attribution. The weights are learned from PolNeAR's training split by
//! `kestrel build-cue-model` and kept, readable, in `dictionaries/cue_model.tsv`.

use std::collections::HashMap;

/// The probability from which a scored verb is taken as a cue (chosen on PolNeAR's dev split:
/// 0.3 to 0.6 all gave source F1 within 0.003 in a first trial).
pub const THRESHOLD: f64 = 0.4;

/// A logistic regression over named binary features.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CueModel {
    bias: f64,
    weights: HashMap<String, f64>,
}

/// Passes over the training examples.
const EPOCHS: usize = 8;
/// Learning rate of the first pass; it decays as 1/(1 + pass).
const LEARNING_RATE: f64 = 0.2;
/// L2 penalty per update, which keeps rare features' weights small.
const L2: f64 = 1e-5;
/// Features seen fewer times than this in training are left out of the model.
const MIN_COUNT: usize = 3;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl CueModel {
    /// The probability that a verb with these features is a cue.
    pub fn probability<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f.as_ref()))
                .sum::<f64>();
        sigmoid(z)
    }

    /// Learns the weights by stochastic gradient descent, in an order fixed by `seed`: the
    /// same examples give the same model.
    pub fn train(examples: &[(Vec<String>, bool)], seed: u64) -> CueModel {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (features, _) in examples {
            for f in features {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
        let mut model = CueModel::default();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = seed.max(1);
        for epoch in 0..EPOCHS {
            // Fisher-Yates with a xorshift generator.
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let rate = LEARNING_RATE / (1.0 + epoch as f64);
            for &i in &order {
                let (features, label) = &examples[i];
                let kept: Vec<&String> = features
                    .iter()
                    .filter(|f| counts[f.as_str()] >= MIN_COUNT)
                    .collect();
                let gradient = model.probability(&kept) - if *label { 1.0 } else { 0.0 };
                model.bias -= rate * gradient;
                for f in kept {
                    let w = model.weights.entry(f.clone()).or_default();
                    *w -= rate * (gradient + L2 * *w);
                }
            }
        }
        model.weights.retain(|_, w| w.abs() >= 1e-3);
        model
    }

    /// The model as text: a `bias` line, then one `feature<TAB>weight` line per feature,
    /// sorted.
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .weights
            .iter()
            .map(|(f, w)| format!("{f}\t{w:.4}"))
            .collect();
        lines.sort();
        let mut out = format!(
            "# Cue model learned from PolNeAR's training split by `kestrel build-cue-model`.\n\
             bias\t{:.4}\n",
            self.bias
        );
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        out
    }

    /// Reads the text form; lines that do not parse are skipped.
    pub fn from_tsv(text: &str) -> CueModel {
        let mut model = CueModel::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, weight)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(w) = weight.parse::<f64>() else {
                continue;
            };
            if name == "bias" {
                model.bias = w;
            } else {
                model.weights.insert(name.to_string(), w);
            }
        }
        model
    }

    /// Kestrel's own model.
    pub fn builtin() -> &'static CueModel {
        static MODEL: std::sync::OnceLock<CueModel> = std::sync::OnceLock::new();
        MODEL
            .get_or_init(|| CueModel::from_tsv(include_str!("../../../dictionaries/cue_model.tsv")))
    }

    /// How many features carry a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no features (an untrained model scores every verb alike).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_model_learns_separable_features_and_round_trips() {
        let example = |f: &[&str], y: bool| (f.iter().map(|s| s.to_string()).collect(), y);
        let mut examples = Vec::new();
        for _ in 0..20 {
            examples.push(example(&["lem=declare", "subj=PROPN"], true));
            examples.push(example(&["lem=walk", "subj=PROPN"], false));
            examples.push(example(&["lem=walk", "nosubj"], false));
        }
        let model = CueModel::train(&examples, 7);
        assert!(model.probability(&["lem=declare", "subj=PROPN"]) > 0.8);
        assert!(model.probability(&["lem=walk", "subj=PROPN"]) < 0.2);
        assert_eq!(
            CueModel::train(&examples, 7),
            model,
            "same seed, same model"
        );
        let back = CueModel::from_tsv(&model.to_tsv());
        let p = |m: &CueModel| m.probability(&["lem=declare", "subj=PROPN"]);
        assert!((p(&back) - p(&model)).abs() < 1e-3);
    }
}
