//! Supertags: a guess, made for each word before parsing, of the relation it will bear and on
//! which side its head lies ("nsubj, head to the right"). A greedy tagger reads a window of
//! five words and their tags and makes the guess from local evidence alone; the transition
//! model then reads the guesses of the words on its stack and buffer as features (Ouchi,
//! Duh and Matsumoto 2014 report about a point of UAS on English from such tags).
//!
//! The parser learns from supertags as noisy as those it will see: each training sentence's
//! supertags come from a supertagger trained on the other folds (jackknifing, as for the POS
//! tags it reads).

use std::collections::HashMap;
use std::io::{self, Read, Write};

use super::{bucket, Words, NONE};
use crate::hash::{feature, string};
use crate::io_util::{read_string, read_u32, write_string, write_u32};
use crate::perceptron::Perceptron;
use crate::rng::Rng;

/// Passes over the training sentences.
/// Chosen on EWT dev and GUM dev (parsers trained on EWT train, seed 11): 12 epochs gave
/// UAS 84.55 / 81.77 against 84.70 / 82.01 for 6.
const EPOCHS: usize = 6;

/// A trained supertagger.
#[derive(Clone, Debug)]
pub(super) struct Supertagger {
    model: Perceptron,
    /// Each class's name ("nsubj>", "obj<", "root").
    names: Vec<String>,
    /// Each class's name hashed, the value the parser's features read.
    hashes: Vec<u64>,
}

/// A word's supertag from its gold tree: its relation's universal part and where its head
/// lies (`<` to its left, `>` to its right), or `root`. `heads` are 1-based with slot 0 the
/// root's; `labels` one per word.
pub(super) fn gold_supertags(heads: &[usize], labels: &[String]) -> Vec<String> {
    (1..heads.len())
        .map(|d| {
            let h = heads[d];
            if h == 0 {
                return "root".to_string();
            }
            let relation = labels[d - 1].split([':', '|']).next().unwrap_or("dep");
            format!("{relation}{}", if h < d { '<' } else { '>' })
        })
        .collect()
}

/// Features of word `i` (1-based) given the supertags already guessed to its left.
fn features(w: &Words, i: usize, guessed: &[u64], out: &mut Vec<u64>) {
    out.clear();
    let n = w.tag.len() - 1;
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= 1 && j as usize <= n).then_some(j as usize)
    };
    let tg = |k: isize| at(k).map_or(NONE, |j| w.tag[j]);
    let wd = |k: isize| at(k).map_or(NONE, |j| w.norm[j]);
    let st = |k: isize| at(k).map_or(NONE, |j| guessed[j]);
    let (t_2, t_1, t0, t1, t2) = (tg(-2), tg(-1), tg(0), tg(1), tg(2));
    let (w_1, w0, w1) = (wd(-1), wd(0), wd(1));
    let (s_2, s_1) = (st(-2), st(-1));
    // Whether a verb lies to either side, and how far the word is from either end: a noun
    // before the sentence's verb is more often its subject, one after it its object.
    let verb = |j: usize| w.kind[j] & super::AUXILIARY == 0 && w.verb[j];
    let verb_left = (1..i).any(verb) as u64;
    let verb_right = (i + 1..=n).any(verb) as u64;
    let features = [
        feature(200, &[]),
        feature(201, &[w0]),
        feature(202, &[t0]),
        feature(203, &[w0, t0]),
        feature(204, &[w.suffix[i], t0]),
        feature(205, &[t_1]),
        feature(206, &[t1]),
        feature(207, &[t_2]),
        feature(208, &[t2]),
        feature(209, &[t_1, t0]),
        feature(210, &[t0, t1]),
        feature(211, &[t_1, t0, t1]),
        feature(212, &[t_2, t_1, t0]),
        feature(213, &[t0, t1, t2]),
        feature(214, &[w_1, t0]),
        feature(215, &[w1, t0]),
        feature(216, &[w0, t1]),
        feature(217, &[w0, t_1]),
        feature(218, &[s_1]),
        feature(219, &[s_1, t0]),
        feature(220, &[s_2, s_1, t0]),
        feature(221, &[s_1, w0]),
        feature(222, &[t0, verb_left, verb_right]),
        feature(223, &[w0, verb_left, verb_right]),
        feature(224, &[t0, bucket(i - 1), bucket(n - i)]),
        feature(225, &[t_1, t0, verb_left, verb_right]),
        feature(226, &[w.commas_before[i].min(3) as u64, t0, verb_left]),
    ];
    out.extend_from_slice(&features);
}

impl Supertagger {
    /// Guesses each word's supertag (the hashes the parser reads), slot 0 the root's.
    pub(super) fn tag(&self, w: &Words) -> Vec<u64> {
        let n = w.tag.len() - 1;
        let mut guessed = vec![string("<root>"); n + 1];
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0f32; self.names.len()];
        for i in 1..=n {
            features(w, i, &guessed, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0.0);
            self.model.score_into(&feats, &mut scores);
            guessed[i] = self.hashes[Perceptron::best(&scores, None)];
        }
        guessed
    }

    /// Trains on `words` with each sentence's gold supertags (from [`gold_supertags`]).
    pub(super) fn train(words: &[&Words], gold: &[&[String]], seed: u64) -> Supertagger {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut sorted: Vec<&str> = gold
            .iter()
            .flat_map(|g| g.iter().map(String::as_str))
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        for name in sorted {
            index.insert(name, names.len());
            names.push(name.to_string());
        }
        let hashes: Vec<u64> = names.iter().map(|s| string(s)).collect();
        let classes: Vec<Vec<usize>> = gold
            .iter()
            .map(|g| g.iter().map(|s| index[s.as_str()]).collect())
            .collect();
        let mut model = Perceptron::new(names.len());
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..words.len()).collect();
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0f32; names.len()];
        for _ in 0..EPOCHS {
            rng.shuffle(&mut order);
            for &s in &order {
                let w = words[s];
                let n = w.tag.len() - 1;
                let mut guessed = vec![string("<root>"); n + 1];
                for i in 1..=n {
                    features(w, i, &guessed, &mut feats);
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    model.score_into(&feats, &mut scores);
                    let guess = Perceptron::best(&scores, None);
                    let truth = classes[s][i - 1];
                    model.tick();
                    model.update(&feats, truth, guess);
                    guessed[i] = hashes[guess];
                }
            }
        }
        model.finish();
        Supertagger {
            model,
            names,
            hashes,
        }
    }

    /// Number of features with weights.
    pub(super) fn n_features(&self) -> usize {
        self.model.n_features()
    }

    pub(super) fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        write_u32(out, self.names.len() as u32)?;
        for name in &self.names {
            write_string(out, name)?;
        }
        self.model.write_to(out)
    }

    pub(super) fn read_from(input: &mut impl Read) -> io::Result<Supertagger> {
        let n = read_u32(input)? as usize;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            names.push(read_string(input)?);
        }
        let model = Perceptron::read_from(input)?;
        if model.n_classes() != names.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "supertagger classes do not match its names",
            ));
        }
        let hashes = names.iter().map(|s| string(s)).collect();
        Ok(Supertagger {
            model,
            names,
            hashes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn words(forms: &[&str], tags: &[&str]) -> Words {
        Words::new(forms, tags, &HashSet::new())
    }

    #[test]
    fn a_supertag_is_the_relation_and_the_side_of_the_head() {
        // "Envoys met rebels ." : met is the root.
        let heads = [0, 2, 0, 2, 2];
        let labels: Vec<String> = ["nsubj", "root", "obj", "punct"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            gold_supertags(&heads, &labels),
            ["nsubj>", "root", "obj<", "punct<"]
        );
        // Subtypes and lifted labels keep their universal part only.
        let labels: Vec<String> = ["nsubj:pass", "root", "obl|advcl", "punct"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(gold_supertags(&heads, &labels)[0], "nsubj>");
        assert_eq!(gold_supertags(&heads, &labels)[2], "obl<");
    }

    #[test]
    fn a_supertagger_learns_where_subjects_and_objects_lie_and_reads_back_from_a_file() {
        let a = words(
            &["Envoys", "met", "rebels", "."],
            &["NNS", "VBD", "NNS", "."],
        );
        let b = words(
            &["Rebels", "freed", "two", "hostages", "."],
            &["NNS", "VBD", "CD", "NNS", "."],
        );
        let gold_a: Vec<String> = ["nsubj>", "root", "obj<", "punct<"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let gold_b: Vec<String> = ["nsubj>", "root", "nummod>", "obj<", "punct<"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let trained = Supertagger::train(&[&a, &b], &[&gold_a, &gold_b], 3);
        let c = words(
            &["Monitors", "counted", "votes", "."],
            &["NNS", "VBD", "NNS", "."],
        );
        let expect = |names: &[&str]| -> Vec<u64> {
            std::iter::once(string("<root>"))
                .chain(names.iter().map(|s| string(s)))
                .collect()
        };
        let want = expect(&["nsubj>", "root", "obj<", "punct<"]);
        assert_eq!(trained.tag(&c), want);
        let mut bytes = Vec::new();
        trained.write_to(&mut bytes).unwrap();
        let read = Supertagger::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(read.tag(&c), want);
    }
}
