//! Part-of-speech tagging: UPOS and Penn Treebank XPOS together, one class per pair seen in
//! training, by a greedy left-to-right averaged perceptron.
//!
//! With two passes, a second model also sees the tags the first pass gave the next two words.
//! Its training data gets those tags by jackknifing (each fold tagged by a first-pass model
//! trained without it), so that it learns how far to trust them.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::sync::Arc;

use crate::clusters::WordClusters;
use crate::corpus::TrainSentence;
use crate::hash::{feature, string};
use crate::io_util::{read_string, read_u32, write_string, write_u32};
use crate::perceptron::Perceptron;
use crate::rng::Rng;

/// Settings for training a tagger.
#[derive(Clone, Debug)]
pub struct TaggerConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// 1: left context only; 2: add a second pass that sees right-context tags.
    pub passes: usize,
    /// Folds for jackknifing the first pass's tags when `passes` is 2.
    pub folds: usize,
    /// Seed for shuffling.
    pub seed: u64,
    /// Taggers trained (seeds `seed`, `seed + 1`, ...) whose mean weights are each pass's
    /// model; the jackknifed first-pass tags the second pass learns from come from single runs.
    pub runs: usize,
    /// Word classes learned from unlabelled text, seen as features (empty: none).
    pub clusters: Arc<WordClusters>,
}

impl Default for TaggerConfig {
    fn default() -> TaggerConfig {
        TaggerConfig {
            epochs: 10,
            passes: 2,
            folds: 4,
            seed: 7,
            // EWT dev / GUM dev UPOS: one run 95.22 / 95.52 (seed 8: 95.16 / 95.52), the mean
            // of three 95.29 / 95.66 and of five 95.36 / 95.68 (pruned, see `MEAN_MIN_WEIGHT`).
            runs: 5,
            clusters: Arc::default(),
        }
    }
}

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// (UPOS, XPOS) of each class.
    classes: Vec<(String, String)>,
    first: Perceptron,
    second: Option<Perceptron>,
    /// Frequent words that always had the same class in training.
    tag_dictionary: HashMap<String, u16>,
    /// Ambiguity classes: for each word seen often enough, a hash of the classes it took.
    ambiguity: HashMap<String, u64>,
    /// The same, keyed by the hash of the key string, for lookups that allocate nothing.
    ambiguity_index: HashMap<u64, u64, crate::hash::BuildPassThrough>,
    /// Word classes the features read.
    clusters: Arc<WordClusters>,
}

fn index_ambiguity(
    ambiguity: &HashMap<String, u64>,
) -> HashMap<u64, u64, crate::hash::BuildPassThrough> {
    ambiguity.iter().map(|(k, &v)| (string(k), v)).collect()
}

/// The hash of `=` followed by `word`, as [`string`] would give it, without building it.
fn exact_key(word: &str) -> u64 {
    crate::hash::string_continue(string("="), word)
}

/// Per-token values, hashed once per sentence.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    pub(crate) form: u64,
    pub(crate) norm: u64,
    suffix: [u64; 4],
    prefix: [u64; 3],
    pub(crate) shape: u64,
    flags: u64,
    /// How capitalised the sentence is (a headline or an all-caps line), bucketed.
    caps_profile: u64,
    /// The word's classes, finest first.
    pub(crate) class: [u64; crate::clusters::LEVELS],
}

const START: u64 = 0x5741_5254;
const END: u64 = 0x0045_4e44;

/// Lowercase, with digits folded to `0` so that numbers share statistics.
pub(crate) fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Word shape with runs collapsed: "Kiprono" → "Xx", "U.S." → "X.X.", "3.5" → "d.d".
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(s) || !matches!(s, 'X' | 'x' | 'd') {
            out.push(s);
        }
        last = Some(s);
    }
    out
}

pub(crate) fn token_info(words: &[&str], clusters: &WordClusters) -> Vec<TokenInfo> {
    let alpha: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = alpha
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let all_caps = alpha
        .iter()
        .filter(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
        .count();
    let caps_profile = if alpha.is_empty() {
        0
    } else if all_caps * 2 > alpha.len() {
        1
    } else {
        2 + (capitalised * 4 / alpha.len()) as u64
    };
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let norm = normalise(w);
            let chars: Vec<char> = norm.chars().collect();
            let mut suffix = [0; 4];
            let mut prefix = [0; 3];
            for k in 1..=4 {
                let s: String = chars[chars.len().saturating_sub(k)..].iter().collect();
                suffix[k - 1] = string(&s) ^ k as u64;
            }
            for k in 1..=3 {
                let s: String = chars[..k.min(chars.len())].iter().collect();
                prefix[k - 1] = string(&s) ^ (k as u64) << 8;
            }
            let first = w.chars().next().unwrap_or(' ');
            let flags = (w.contains('-') as u64)
                | (w.chars().any(|c| c.is_ascii_digit()) as u64) << 1
                | (w.chars().all(|c| !c.is_lowercase()) as u64) << 2
                | (first.is_uppercase() as u64) << 3
                | ((i == 0) as u64) << 4;
            let (form, norm) = (string(w), string(&norm));
            TokenInfo {
                form,
                norm,
                suffix,
                prefix,
                shape: string(&shape(w)),
                flags,
                caps_profile,
                class: clusters.feature_values_hashed(w, form, norm),
            }
        })
        .collect()
}

/// Features of token `i` given the tags to its left (`left`) and, for the second pass, to
/// its right (`right`).
fn features(
    info: &[TokenInfo],
    (amb, exact): (&[u64], &[u64]),
    i: usize,
    left: [u64; 2],
    right: Option<[u64; 2]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < info.len()).then(|| &info[j as usize])
    };
    let norm = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |t| t.norm);
    let t = &info[i];
    let [p1, p2] = left;
    out.push(feature(0, &[]));
    out.push(feature(1, &[t.norm]));
    for (k, s) in t.suffix.iter().enumerate() {
        out.push(feature(2 + k as u64, &[*s]));
    }
    for (k, p) in t.prefix.iter().enumerate() {
        out.push(feature(6 + k as u64, &[*p]));
    }
    out.push(feature(9, &[t.shape]));
    out.push(feature(10, &[t.flags]));
    out.push(feature(11, &[norm(-1)]));
    out.push(feature(12, &[norm(1)]));
    out.push(feature(13, &[norm(-2)]));
    out.push(feature(14, &[norm(2)]));
    out.push(feature(15, &[at(-1).map_or(START, |x| x.suffix[2])]));
    out.push(feature(16, &[at(1).map_or(END, |x| x.suffix[2])]));
    out.push(feature(17, &[p1]));
    out.push(feature(18, &[p2]));
    out.push(feature(19, &[p1, p2]));
    out.push(feature(20, &[p1, t.norm]));
    out.push(feature(21, &[norm(-1), t.norm]));
    out.push(feature(22, &[t.norm, norm(1)]));
    out.push(feature(23, &[at(1).map_or(END, |x| x.shape)]));
    out.push(feature(24, &[p1, t.suffix[2]]));
    out.push(feature(25, &[t.form]));
    out.push(feature(26, &[at(-1).map_or(START, |x| x.shape), t.shape]));
    let a = |k: isize| {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            amb.get(j as usize).copied().unwrap_or(END)
        }
    };
    out.push(feature(40, &[a(0)]));
    out.push(feature(41, &[a(1)]));
    out.push(feature(42, &[a(-1)]));
    out.push(feature(43, &[a(2)]));
    out.push(feature(44, &[a(0), a(1)]));
    out.push(feature(45, &[p1, a(0)]));
    out.push(feature(46, &[p1, a(0), a(1)]));
    out.push(feature(47, &[a(0), t.suffix[2]]));
    let shape_at = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |x| x.shape);
    out.push(feature(48, &[shape_at(-1), t.shape, shape_at(1)]));
    out.push(feature(49, &[t.caps_profile, t.shape, t.flags & 0b11000]));
    out.push(feature(50, &[t.caps_profile, a(0)]));
    out.push(feature(51, &[exact.get(i).copied().unwrap_or(END)]));
    out.push(feature(
        52,
        &[exact.get(i).copied().unwrap_or(END), t.caps_profile],
    ));
    // Word classes: of this word at each level, and of its neighbours.
    let class =
        |k: isize, level: usize| at(k).map_or(if k < 0 { START } else { END }, |x| x.class[level]);
    out.push(feature(53, &[t.class[0]]));
    out.push(feature(54, &[t.class[1]]));
    out.push(feature(55, &[t.class[2]]));
    out.push(feature(56, &[class(-1, 0)]));
    out.push(feature(57, &[class(1, 0)]));
    out.push(feature(58, &[p1, t.class[1]]));
    out.push(feature(59, &[t.class[1], class(1, 1)]));
    out.push(feature(60, &[class(-1, 1), t.class[1]]));
    if let Some([n1, n2]) = right {
        out.push(feature(27, &[n1]));
        out.push(feature(28, &[n2]));
        out.push(feature(29, &[n1, n2]));
        out.push(feature(30, &[p1, n1]));
        out.push(feature(31, &[n1, t.norm]));
        out.push(feature(32, &[n1, t.suffix[2]]));
    }
}

fn tag_id(class: Option<usize>) -> u64 {
    class.map_or(START, |c| c as u64 + 1)
}

/// The tags around word `i`: the two already given to its left, and (second pass) the first
/// pass's two to its right.
fn context(out: &[usize], i: usize, right: Option<&[usize]>) -> ([u64; 2], Option<[u64; 2]>) {
    let left = [
        tag_id(i.checked_sub(1).map(|j| out[j])),
        tag_id(i.checked_sub(2).map(|j| out[j])),
    ];
    let next = |r: &[usize], k: usize| r.get(k).map_or(END, |&c| c as u64 + 1);
    (left, right.map(|r| [next(r, i + 1), next(r, i + 2)]))
}

/// The second pass re-tags only words whose first-pass margin over the runner-up class is
/// below this: a confident first pass is kept. Chosen on EWT dev, where it leaves accuracy as it
/// was (UPOS 95.13 against 95.11 re-tagging everything) and makes tagging 40% faster.
const SECOND_PASS_KEEP_MARGIN: f32 = 10.0;

/// Greedy decoding with one model; `right` gives the first pass's classes and score margins
/// for pass two, which keeps a first-pass class whose margin is at least `keep_margin`.
/// Returns each word's class and its margin over the runner-up (infinite for dictionary
/// words).
fn decode(
    model: &Perceptron,
    dictionary: &HashMap<String, u16>,
    words: &[&str],
    info: &[TokenInfo],
    amb: (&[u64], &[u64]),
    right: Option<(&[usize], &[f32])>,
    keep_margin: f32,
) -> (Vec<usize>, Vec<f32>) {
    let mut out: Vec<usize> = Vec::with_capacity(words.len());
    let mut margins: Vec<f32> = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0.0; model.n_classes()];
    for (i, word) in words.iter().enumerate() {
        if let Some(&c) = dictionary.get(*word) {
            out.push(c as usize);
            margins.push(f32::INFINITY);
            continue;
        }
        if let Some((first, first_margins)) = right {
            if first_margins[i] >= keep_margin {
                out.push(first[i]);
                margins.push(first_margins[i]);
                continue;
            }
        }
        let (left, right) = context(&out, i, right.map(|r| r.0));
        features(info, amb, i, left, right, &mut feats);
        scores.iter_mut().for_each(|s| *s = 0.0);
        model.score_into(&feats, &mut scores);
        let best = Perceptron::best(&scores, None);
        let runner_up = scores
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != best)
            .map(|(_, &s)| s)
            .fold(f32::NEG_INFINITY, f32::max);
        out.push(best);
        margins.push(scores[best] - runner_up);
    }
    (out, margins)
}

impl Tagger {
    /// Tags a sentence of words: (UPOS, XPOS) per word.
    pub fn tag(&self, words: &[&str]) -> Vec<(&str, &str)> {
        self.tag_classes(words)
            .into_iter()
            .map(|c| (self.classes[c].0.as_str(), self.classes[c].1.as_str()))
            .collect()
    }

    fn tag_classes(&self, words: &[&str]) -> Vec<usize> {
        let mut classes = self.decoded_classes(words);
        self.no_gerund_without_a_stem(words, &mut classes);
        self.no_adjective_heading_a_subject(words, &mut classes);
        classes
    }

    /// A gerund's stem has a vowel ("being", "eyeing"): "wing", "swing" or "ING" tagged VBG
    /// are nouns (proper when capitalised inside the sentence).
    fn no_gerund_without_a_stem(&self, words: &[&str], classes: &mut [usize]) {
        let class_of = |upos: &str, xpos: &str| {
            self.classes
                .iter()
                .position(|(u, x)| u == upos && x == xpos)
        };
        for (i, word) in words.iter().enumerate() {
            if self.classes[classes[i]].1 != "VBG" {
                continue;
            }
            let lower = word.to_lowercase();
            let Some(stem) = lower.strip_suffix("ing") else {
                continue;
            };
            if stem.chars().any(|c| "aeiouy".contains(c)) || !stem.chars().all(char::is_alphabetic)
            {
                continue;
            }
            let proper = i > 0 && word.starts_with(char::is_uppercase);
            let replacement = if proper {
                class_of("PROPN", "NNP")
            } else {
                class_of("NOUN", "NN")
            };
            if let Some(c) = replacement {
                classes[i] = c;
            }
        }
    }

    /// "A top U.S. official praised ...", with "official" tagged an adjective: a lower-case
    /// adjective that ends a noun phrase (after a determiner, adjective, proper noun or
    /// possessive) right before a finite verb is that phrase's noun. A noun read as an
    /// adjective drags the verb after it into a participle, so "VBN" followed by an object
    /// counts as finite too, and becomes the past tense it is.
    fn no_adjective_heading_a_subject(&self, words: &[&str], classes: &mut [usize]) {
        let Some(noun) = self
            .classes
            .iter()
            .position(|(u, x)| u == "NOUN" && x == "NN")
        else {
            return;
        };
        let past = self
            .classes
            .iter()
            .position(|(u, x)| u == "VERB" && x == "VBD");
        for i in 1..words.len().saturating_sub(1) {
            if self.classes[classes[i]].1 != "JJ" || !words[i].starts_with(char::is_lowercase) {
                continue;
            }
            let before = self.classes[classes[i - 1]].1.as_str();
            let after = self.classes[classes[i + 1]].1.as_str();
            // A participle with an object after it is the finite verb mis-tagged as well.
            let then = classes
                .get(i + 2)
                .map_or("", |&c| self.classes[c].1.as_str());
            let finite = matches!(after, "VBD" | "VBZ")
                || (after == "VBN" && matches!(then, "DT" | "PRP$" | "NNP" | "CD"));
            if matches!(before, "DT" | "JJ" | "NNP" | "PRP$" | "POS") && finite {
                classes[i] = noun;
                if after == "VBN" {
                    if let Some(past) = past {
                        classes[i + 1] = past;
                    }
                }
            }
        }
    }

    fn decoded_classes(&self, words: &[&str]) -> Vec<usize> {
        let info = token_info(words, &self.clusters);
        let amb = ambiguity_of(&self.ambiguity_index, words);
        let amb = (amb.0.as_slice(), amb.1.as_slice());
        let (first, margins) = decode(
            &self.first,
            &self.tag_dictionary,
            words,
            &info,
            amb,
            None,
            f32::INFINITY,
        );
        match &self.second {
            None => first,
            Some(second) => {
                decode(
                    second,
                    &self.tag_dictionary,
                    words,
                    &info,
                    amb,
                    Some((&first, &margins)),
                    SECOND_PASS_KEEP_MARGIN,
                )
                .0
            }
        }
    }

    /// Trains a tagger on sentences with gold UPOS and XPOS.
    pub fn train(sentences: &[TrainSentence], config: &TaggerConfig) -> Tagger {
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        let mut classes = Vec::new();
        for s in sentences {
            for w in &s.words {
                let key = (w.upos.clone(), w.xpos.clone());
                if !index.contains_key(&key) {
                    index.insert(key.clone(), classes.len());
                    classes.push(key);
                }
            }
        }
        let gold: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| index[&(w.upos.clone(), w.xpos.clone())])
                    .collect()
            })
            .collect();
        let tag_dictionary = build_tag_dictionary(sentences, &gold);
        let ambiguity = build_ambiguity(sentences, &gold);
        let ambiguity_index = index_ambiguity(&ambiguity);
        // A pass over all the sentences, the mean of `config.runs`; the second pass reads the
        // first pass's jackknifed tags on the right.
        let train_all = |right: Option<&[Vec<usize>]>| {
            mean_of_runs(config, |c| {
                train_pass(
                    sentences,
                    &gold,
                    &tag_dictionary,
                    &ambiguity_index,
                    classes.len(),
                    c,
                    right,
                )
            })
        };
        let first = train_all(None);
        let second = (config.passes >= 2).then(|| {
            // Jackknife: tag each fold with a first-pass model that never saw it.
            let k = config.folds.max(2);
            let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
            for fold in 0..k {
                let train_idx: Vec<usize> =
                    (0..sentences.len()).filter(|i| i % k != fold).collect();
                let train_s: Vec<TrainSentence> =
                    train_idx.iter().map(|&i| sentences[i].clone()).collect();
                let train_g: Vec<Vec<usize>> = train_idx.iter().map(|&i| gold[i].clone()).collect();
                let model = train_pass(
                    &train_s,
                    &train_g,
                    &tag_dictionary,
                    &ambiguity_index,
                    classes.len(),
                    config,
                    None,
                );
                for i in (0..sentences.len()).filter(|i| i % k == fold) {
                    let words = sentences[i].forms();
                    let info = token_info(&words, &config.clusters);
                    let amb = ambiguity_of(&ambiguity_index, &words);
                    predicted[i] = decode(
                        &model,
                        &tag_dictionary,
                        &words,
                        &info,
                        (&amb.0, &amb.1),
                        None,
                        f32::INFINITY,
                    )
                    .0;
                }
            }
            train_all(Some(&predicted))
        });
        Tagger {
            classes,
            first,
            second,
            tag_dictionary,
            ambiguity,
            ambiguity_index,
            clusters: config.clusters.clone(),
        }
    }

    /// Writes the tagger.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        write_u32(out, self.classes.len() as u32)?;
        for (u, x) in &self.classes {
            write_string(out, u)?;
            write_string(out, x)?;
        }
        let mut dict: Vec<(&String, &u16)> = self.tag_dictionary.iter().collect();
        dict.sort();
        write_u32(out, dict.len() as u32)?;
        for (w, c) in dict {
            write_string(out, w)?;
            write_u32(out, *c as u32)?;
        }
        let mut amb: Vec<(&String, &u64)> = self.ambiguity.iter().collect();
        amb.sort();
        write_u32(out, amb.len() as u32)?;
        for (w, h) in amb {
            write_string(out, w)?;
            out.write_all(&h.to_le_bytes())?;
        }
        self.first.write_to(out)?;
        write_u32(out, self.second.is_some() as u32)?;
        if let Some(s) = &self.second {
            s.write_to(out)?;
        }
        self.clusters.write_to(out)
    }

    /// Reads a tagger written by [`Tagger::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Tagger> {
        let n = read_u32(input)? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((read_string(input)?, read_string(input)?));
        }
        let d = read_u32(input)? as usize;
        let mut tag_dictionary = HashMap::with_capacity(d);
        for _ in 0..d {
            let w = read_string(input)?;
            tag_dictionary.insert(w, read_u32(input)? as u16);
        }
        let a = read_u32(input)? as usize;
        let mut ambiguity = HashMap::with_capacity(a);
        for _ in 0..a {
            let w = read_string(input)?;
            let mut b = [0u8; 8];
            input.read_exact(&mut b)?;
            ambiguity.insert(w, u64::from_le_bytes(b));
        }
        let first = Perceptron::read_from(input)?;
        let second = if read_u32(input)? == 1 {
            Some(Perceptron::read_from(input)?)
        } else {
            None
        };
        let ambiguity_index = index_ambiguity(&ambiguity);
        let clusters = Arc::new(WordClusters::read_optional(input)?);
        Ok(Tagger {
            classes,
            first,
            second,
            tag_dictionary,
            ambiguity,
            ambiguity_index,
            clusters,
        })
    }
}

fn build_tag_dictionary(sentences: &[TrainSentence], gold: &[Vec<usize>]) -> HashMap<String, u16> {
    let mut counts: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    for (s, g) in sentences.iter().zip(gold) {
        for (w, &c) in s.words.iter().zip(g) {
            *counts
                .entry(w.form.as_str())
                .or_default()
                .entry(c)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, by_class)| {
            let total: usize = by_class.values().sum();
            let (&c, &n) = by_class
                .iter()
                .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))?;
            (total >= 20 && n * 1000 >= total * 995).then(|| (w.to_string(), c as u16))
        })
        .collect()
}

/// Words seen at least this often get an ambiguity class; rarer ones would leak their gold
/// tag into training.
const AMBIGUITY_MIN_COUNT: usize = 5;

fn build_ambiguity(sentences: &[TrainSentence], gold: &[Vec<usize>]) -> HashMap<String, u64> {
    let mut counts: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    for (s, g) in sentences.iter().zip(gold) {
        for (w, &c) in s.words.iter().zip(g) {
            *counts
                .entry(normalise(&w.form))
                .or_default()
                .entry(c)
                .or_default() += 1;
            *counts
                .entry(format!("={}", w.form))
                .or_default()
                .entry(c)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, by_class)| {
            let total: usize = by_class.values().sum();
            if total < AMBIGUITY_MIN_COUNT {
                return None;
            }
            // Classes that make up at least 5% of the word's uses, in class order.
            let mut classes: Vec<usize> = by_class
                .iter()
                .filter(|(_, &n)| n * 20 >= total)
                .map(|(&c, _)| c)
                .collect();
            classes.sort_unstable();
            let h = classes
                .iter()
                .fold(0x616d_6267u64, |h, &c| crate::hash::mix(h, c as u64 + 1));
            Some((w, h))
        })
        .collect()
}

/// Ambiguity classes of the words, by lowercase form and by exact form (keys of exact forms
/// carry a leading `=`).
fn ambiguity_of(
    index: &HashMap<u64, u64, crate::hash::BuildPassThrough>,
    words: &[&str],
) -> (Vec<u64>, Vec<u64>) {
    const UNKNOWN: u64 = 0x0075_6e6b;
    let lower = words
        .iter()
        .map(|w| {
            index
                .get(&string(&normalise(w)))
                .copied()
                .unwrap_or(UNKNOWN)
        })
        .collect();
    let exact = words
        .iter()
        .map(|w| index.get(&exact_key(w)).copied().unwrap_or(UNKNOWN))
        .collect();
    (lower, exact)
}

/// The mean of several runs keeps only features with a weight at least this large. Five runs
/// trained on EWT train, unpruned: EWT dev / GUM dev UPOS 95.37 / 95.68 and a file of 12.2 MB
/// (one run: 7.6 MB), which added 42 MB to a one-line run's resident memory; at 0.3, 95.36 /
/// 95.68 and 10.1 MB; at 0.6, 95.36 / 95.68, 8.1 MB and 10 MB more resident; at 1.0, 95.33 /
/// 95.62 and 6.3 MB.
const MEAN_MIN_WEIGHT: f32 = 0.6;

/// One model from `config.runs` runs with successive seeds: their mean when more than one.
fn mean_of_runs(config: &TaggerConfig, train: impl Fn(&TaggerConfig) -> Perceptron) -> Perceptron {
    let runs = config.runs.max(1);
    if runs == 1 {
        return train(config);
    }
    let models: Vec<Perceptron> = (0..runs)
        .map(|run| {
            train(&TaggerConfig {
                seed: config.seed.wrapping_add(run as u64),
                ..config.clone()
            })
        })
        .collect();
    Perceptron::mean_of(&models).pruned(MEAN_MIN_WEIGHT)
}

fn train_pass(
    sentences: &[TrainSentence],
    gold: &[Vec<usize>],
    dictionary: &HashMap<String, u16>,
    ambiguity: &HashMap<u64, u64, crate::hash::BuildPassThrough>,
    n_classes: usize,
    config: &TaggerConfig,
    right: Option<&[Vec<usize>]>,
) -> Perceptron {
    let mut model = Perceptron::new(n_classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(config.seed);
    let infos: Vec<Vec<TokenInfo>> = sentences
        .iter()
        .map(|s| token_info(&s.forms(), &config.clusters))
        .collect();
    let ambs: Vec<(Vec<u64>, Vec<u64>)> = sentences
        .iter()
        .map(|s| ambiguity_of(ambiguity, &s.forms()))
        .collect();
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0.0; n_classes];
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &sentences[si];
            let info = &infos[si];
            let mut out: Vec<usize> = Vec::with_capacity(s.words.len());
            for (i, word) in s.words.iter().enumerate() {
                if let Some(&c) = dictionary.get(word.form.as_str()) {
                    out.push(c as usize);
                    continue;
                }
                let (left, r) = context(&out, i, right.map(|r| r[si].as_slice()));
                features(info, (&ambs[si].0, &ambs[si].1), i, left, r, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                model.score_into(&feats, &mut scores);
                let guess = Perceptron::best(&scores, None);
                model.tick();
                model.update(&feats, gold[si][i], guess);
                out.push(guess);
            }
        }
    }
    model.finish();
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_shapes() {
        assert_eq!(shape("Kiprono"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("3.5"), "d.d");
        assert_eq!(normalise("Year2024"), "year0000");
    }

    #[test]
    fn a_gerund_needs_a_vowel_in_its_stem() {
        let row = |i: usize, form: &str, upos: &str, xpos: &str, head: usize, rel: &str| {
            format!("{i}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n")
        };
        let mut conllu = String::new();
        conllu += &row(1, "Envoys", "NOUN", "NNS", 2, "nsubj");
        conllu += &row(2, "are", "AUX", "VBP", 3, "aux");
        conllu += &row(3, "meeting", "VERB", "VBG", 0, "root");
        conllu += &row(4, "Vesk", "PROPN", "NNP", 3, "obj");
        conllu += &row(5, "today", "NOUN", "NN", 3, "obl");
        let data = crate::corpus::parse(&conllu).unwrap();
        let tagger = Tagger::train(&data, &TaggerConfig::default());
        let vbg = tagger.classes.iter().position(|c| c.1 == "VBG").unwrap();
        let words = ["The", "party", "wing", "and", "ING", "are", "meeting"];
        let mut classes = vec![vbg; words.len()];
        tagger.no_gerund_without_a_stem(&words, &mut classes);
        let xpos: Vec<&str> = classes
            .iter()
            .map(|&c| tagger.classes[c].1.as_str())
            .collect();
        assert_eq!(xpos[2], "NN");
        assert_eq!(xpos[4], "NNP");
        assert_eq!(xpos[6], "VBG");
    }
}
