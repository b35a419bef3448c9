//! Dependency parsing: an arc-hybrid transition parser, searched with a beam and trained with
//! early update (`parser/beam.rs`) or greedily with a dynamic oracle, and an arc labeler that
//! names each relation once the tree is built.
//!
//! * Transitions (Kuhlmann et al. 2011): SHIFT moves the next word onto the stack; LEFT makes
//!   the next word the head of the stack top; RIGHT makes the word below the stack top its head.
//!   The root sits at the bottom of the stack and takes its one dependent last.
//! * Greedy training follows the dynamic oracle of Goldberg & Nivre (2013): after the first
//!   epoch the parser mostly follows its own predictions, mistakes included, and learns the best
//!   move from wherever it ends up. Beam training reads the same oracle's costs to tell which
//!   partial parses can still reach the gold tree.
//! * Non-projective trees go through the pseudo-projective transform in [`projective`].
//! * Labels come from a second perceptron that sees the whole unlabeled tree: dependent, head,
//!   grandparent, siblings, children, direction and distance.

mod attach;
mod beam;
pub mod neural;
pub mod projective;
mod supertag;
mod vote;

use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};

use crate::clusters::WordClusters;
use crate::corpus::TrainSentence;
use crate::hash::{feature, string};
use crate::io_util::{read_string, read_u32, write_string, write_u32};
use crate::perceptron::Perceptron;
use crate::rng::Rng;
use crate::tagger::token_info;

mod repair;

/// Settings for training a parser.
#[derive(Clone, Debug)]
pub struct ParserConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// From this epoch on (0-based), follow the model's own moves...
    pub explore_from: usize,
    /// ...with this probability.
    pub explore: f64,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Parsers trained (seeds `seed`, `seed + 1`, ...) whose mean weights are the parser:
    /// averaging smooths out how one run's shuffling and exploration happened to fall.
    pub runs: usize,
    /// Share of training sentences that also train as a copy with a time adjunct where news
    /// puts one ("The council on Tuesday approved ...", see [`crate::augment`]); 0 for none.
    /// Applied by [`crate::train::train_parser`], not by [`Parser::train`].
    pub news_adjuncts: f64,
    /// Share of declarative training sentences that also train as a copy ending with an
    /// attribution ("..., officials said on Tuesday.", see [`crate::augment`]); 0 for none.
    /// Applied by [`crate::train::train_parser`].
    pub news_attributions: f64,
    /// Share of training sentences with a bare name for a subject that also train as a copy
    /// with a nationality and an office before it ("Chilean Foreign Minister Ana Ruiz said",
    /// see [`crate::augment`]); 0 for none. Applied by [`crate::train::train_parser`].
    pub news_titles: f64,
    /// Partial parses kept at each step while training and parsing; 1 is greedy search with
    /// the dynamic oracle, more is beam search trained with early update.
    pub beam: usize,
    /// From this epoch on (0-based) the labeller learns on the beam's own tree of each training
    /// sentence (its words with the right head) instead of the gold tree; `usize::MAX` never.
    /// Beam parsers only.
    pub label_parses_from: usize,
    /// Whether a beam parser also trains two greedy parsers, one reading sentences left to
    /// right and one right to left, whose trees vote with its own on each word's head (see
    /// `parser/vote.rs`).
    pub voters: bool,
    /// Whether a supertagger guesses each word's relation and the side of its head before
    /// parsing, for the transition model and the labeller to read (see `parser/supertag.rs`).
    pub supertags: bool,
    /// A neural head scorer to train after the transition model, whose tree replaces the
    /// transition model's (see `parser/neural.rs`); none to go without.
    pub neural: Option<neural::NeuralConfig>,
    /// With a neural scorer: what each arc of the transition model's tree adds to the
    /// scorer's log-probability of it (0: the transition model does not parse).
    pub neural_bonus: f32,
}

impl Default for ParserConfig {
    fn default() -> ParserConfig {
        ParserConfig {
            epochs: 15,
            explore_from: 1,
            explore: 0.9,
            seed: 11,
            // On EWT dev, UAS / LAS 83.23 / 79.50 for one parser (seed 12: 83.49 / 79.67),
            // 83.60 / 79.81 for the mean of three and 83.73 / 79.97 for five, both before
            // pruning (see `MEAN_MIN_WEIGHT`; three pruned: 83.56 / 79.77).
            runs: 3,
            news_adjuncts: 0.3,
            news_attributions: 0.1,
            news_titles: 1.0,
            // On EWT dev (single parsers, seeds 11 / 12) UAS / LAS 84.05 / 80.35 and 84.02 /
            // 80.44 greedy, 84.38 / 80.88 and 84.46 / 80.94 with a beam of 4; a beam of 3
            // gave 83.78 / 80.30 (seed 11), one of 8 84.29 / 80.84, taking half as long again.
            beam: 4,
            // One run, seed 11, EWT train, the same transitions: EWT dev / GUM dev LAS 81.04 /
            // 78.26 on gold trees throughout; on the beam's trees from epoch 1 81.16 / 78.33,
            // from 3 81.16 / 78.32, from 5 81.13 / 78.35, from 10 81.08 / 78.29.
            label_parses_from: 3,
            // Off: with the shipped settings on EWT train and dev, the vote gained EWT test UAS
            // / LAS 85.55 / 82.62 -> 86.07 / 83.03 (GUM dev 82.67 -> 83.05) over its own beam
            // parser, but the event coder, whose tree repairs and rules were written over the
            // beam parser's trees, lost (PETRARCH validation records passed 169 -> 161, GSR
            // type accuracy 0.761 -> 0.745), and tagging and parsing took half as long again.
            voters: false,
            // Off: with the shipped settings the supertags gained EWT test UAS / LAS 85.70 /
            // 82.77 -> 86.15 / 83.25 (GUM dev 82.77 / 79.01 -> 83.05 / 79.31), but tagging
            // and parsing ran at 55,500 words a second against 65,900 (criterion, one hour),
            // under the 60,000 asked.
            supertags: false,
            // Off: with the shipped settings and a bonus of 2, EWT test UAS / LAS 85.95 /
            // 83.01 -> 88.20 / 85.06, but tagging and parsing ran at 28,700 words a second
            // against 108,400, and the event coder, written over the transition model's
            // trees, lost (GSR type accuracy 0.752 -> 0.736, PETRARCH records passed 169 ->
            // 163).
            neural: None,
            neural_bonus: 0.0,
        }
    }
}

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

/// A trained parser.
#[derive(Clone, Debug)]
pub struct Parser {
    transitions: Perceptron,
    labeler: Perceptron,
    /// The labeller's classes, shared for the life of the process (see [`intern`]).
    labels: Vec<&'static str>,
    /// Hashes of the normalised words seen often enough in training to be features; rarer
    /// words are read as unknown, which keeps the parser from memorising them.
    vocabulary: HashSet<u64>,
    /// Partial parses kept at each step (1: greedy).
    beam: usize,
    /// Greedy parsers whose trees vote with this one's on each word's head.
    voters: Vec<Voter>,
    /// Guesses each word's relation and head side before parsing.
    supertagger: Option<supertag::Supertagger>,
    /// Share of the training words whose jackknifed supertag was right, for the metadata of
    /// a parser just trained (not kept in the file).
    supertag_accuracy: Option<f64>,
    /// How often each verb and noun of the training treebank takes a phrase of each
    /// preposition (see `parser/attach.rs`); none in files written before it.
    attachments: Option<attach::Attachments>,
    /// A neural head scorer whose tree, with the transition model's arcs worth
    /// `neural_bonus` more (0: the transition model does not parse), replaces the transition
    /// model's, and the voters' vote with it (see `parser/neural.rs`); none in files written
    /// before it.
    neural: Option<neural::NeuralHeads>,
    /// What an arc of the transition model's tree adds to the neural scorer's
    /// log-probability of it.
    neural_bonus: f32,
}

/// A greedy transition model that votes on heads (see `parser/vote.rs`). It reads the words
/// as the parser does, with the parser's vocabulary, and has no labeller of its own: the
/// parser labels the tree the vote makes.
#[derive(Clone, Debug)]
struct Voter {
    transitions: Perceptron,
    /// Trained on, and reading, each sentence from its last word to its first.
    right_to_left: bool,
}

/// One sentence's words for [`Parser::parse_tagged_many`]: forms, XPOS, UPOS and lemmas.
pub type TaggedWords<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], &'a [&'a str]);

/// Sentences the neural scorer reads together.
const NEURAL_BATCH: usize = 32;

/// The parser's own tree outweighs each voter's, so that where all three differ it decides.
const OWN_VOTE: f32 = 1.1;

/// Voters keep at most this many transition features, those of largest weight. One run of
/// greedy training holds about 1.25 million on EWT train and its news copies; the table that
/// scoring reads holds twice the features rounded up to a power of two, 16 bytes each (8 MB
/// here), and the pipeline has to stay under 300 MB.
const VOTER_MAX_FEATURES: usize = 1 << 18;

/// The mean of several parsers keeps only features with a weight at least this large: the
/// union of three runs' features (1.30 million transition features) would double the table
/// that scoring reads (about 90 MB more resident memory and 0.4 s more to load); at 0.4, 0.90
/// million stay, for EWT dev UAS / LAS 83.56 / 79.77 against 83.60 / 79.81 unpruned. With
/// the 74 templates of `parser-v4`, 0.4 keeps 1.12 million, which doubles the power-of-two
/// table (a parse-only run of BBC politics went from 290 to 340 MB resident); 0.6 keeps 0.95
/// million, for EWT dev 84.38 / 80.57 against 84.46 / 80.61 and GUM dev the same.
const MEAN_MIN_WEIGHT: f32 = 0.6;

/// [`MEAN_MIN_WEIGHT`] for the transitions of parsers trained with a beam, whose weights run
/// larger: the mean of three beam-4 runs holds 1.47 million transition features at 0.6 and
/// 0.77 million at 1.2, for EWT dev UAS / LAS 84.55 / 81.11 against 84.54 / 81.07 and GUM dev
/// 82.23 / 78.50 against 82.52 / 78.77 (at 2.0, 0.36 million: 84.53 / 81.03, GUM 82.29 /
/// 78.57; at 3.0, 0.16 million: 84.07 / 80.60).
const BEAM_MEAN_MIN_WEIGHT: f32 = 1.2;

/// The mean of beam parsers with voters keeps at most this many transition features, those of
/// largest weight, so that its table (twice the features rounded up to a power of two, 16
/// bytes a slot) takes 16 MB, not the 32 MB of the 0.84 million features that
/// [`BEAM_MEAN_MIN_WEIGHT`] leaves on EWT train and dev: the voters' tables take the rest.
/// Alone, the beam parser cut so scored EWT test UAS 85.55 against 85.70.
/// With the voters, a one-run beam parser on EWT train cut from 2.16 million features to this
/// scored EWT dev / GUM dev UAS 85.49 / 82.79 against 85.51 / 82.78.
const BEAM_MAX_FEATURES: usize = 1 << 19;

/// The mean of beam parsers that read supertags keeps at most this many transition features,
/// those of largest weight, so that their table (twice the features rounded up to a power of
/// two, 16 bytes a slot) takes no more than the 32 MB the parser's takes without them. Pruned
/// at [`MEAN_MIN_WEIGHT`] alone, the mean of three on EWT train and dev held 1.51 million with
/// ten supertag templates, a 64 MB table: a one-thread run over BBC politics peaked at 286 MB
/// against 238.
const SUPERTAGGED_MAX_FEATURES: usize = 3 << 18;

/// Lifted labels (`obl|advcl`) seen fewer times than this become plain labels.
const MIN_LIFTED_LABEL_COUNT: usize = 5;

/// Words seen fewer times than this in training are unknown to the parser.
const VOCABULARY_MIN_COUNT: usize = 3;

/// What the parser reads of each word.
struct Words {
    /// Index 0 is the root; words are 1..=n.
    norm: Vec<u64>,
    tag: Vec<u64>,
    suffix: Vec<u64>,
    /// What kind of function word each is: [`ADPOSITION`], [`AUXILIARY`], [`NOMINAL`],
    /// [`COORDINATOR`] and [`PUNCTUATION`] bits.
    kind: Vec<u8>,
    /// How many commas come before each word (the root's 0 included): how many lie between
    /// two words, which a comma often keeps apart.
    commas_before: Vec<u32>,
    /// Whether each word is tagged a verb (not a modal).
    verb: Vec<bool>,
    /// Each word's supertag (see `parser/supertag.rs`), [`NONE`] for a parser without them.
    stag: Vec<u64>,
}

/// A preposition, "to" or a possessive ending: a case or mark word.
const ADPOSITION: u8 = 1;
/// A form of an auxiliary verb (be, have, do, get, the modals), tagged as a verb.
const AUXILIARY: u8 = 2;
/// A noun or pronoun.
const NOMINAL: u8 = 4;
/// A coordinating conjunction.
const COORDINATOR: u8 = 8;
/// A punctuation mark (one of [`PUNCTUATION_TAGS`]).
const PUNCTUATION: u8 = 16;
/// The kinds the transition model sees among a word's children.
const CHILD_KINDS: u8 = ADPOSITION | AUXILIARY | NOMINAL;

/// Penn Treebank tags of punctuation marks, which the labeller labels `punct` unasked.
const PUNCTUATION_TAGS: [&str; 8] = [",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"];

const AUXILIARY_FORMS: &[&str] = &[
    "be", "is", "am", "are", "was", "were", "been", "being", "'s", "'re", "'m", "has", "have",
    "had", "having", "'ve", "'d", "do", "does", "did", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "get", "gets", "got", "gotten", "getting", "ca", "wo",
];

impl Words {
    fn new(forms: &[&str], tags: &[&str], vocabulary: &HashSet<u64>) -> Words {
        // Word classes, which the tagger reads, did not help the parser (EWT dev UAS 83.74
        // without them, 83.37 to 83.50 with three sets of templates over them).
        let info = token_info(forms, &WordClusters::empty());
        let root = string("<root>");
        let unknown = string("<unk>");
        let mut norm = vec![root];
        let mut tag = vec![root];
        let mut suffix = vec![root];
        let mut kind = vec![0u8];
        let mut commas_before = vec![0u32];
        let mut verb = vec![false];
        for (i, t) in info.iter().zip(tags) {
            verb.push(t.starts_with("VB"));
            let before = *commas_before.last().expect("root")
                + (tag.len() > 1 && tag.last() == Some(&string(","))) as u32;
            commas_before.push(before);
            let form = forms[norm.len() - 1];
            kind.push(
                if matches!(*t, "IN" | "TO" | "POS") {
                    ADPOSITION
                } else {
                    0
                } | if (t.starts_with('V') || *t == "MD")
                    && AUXILIARY_FORMS.iter().any(|a| a.eq_ignore_ascii_case(form))
                {
                    AUXILIARY
                } else {
                    0
                } | if t.starts_with("NN") || matches!(*t, "PRP" | "WP" | "EX") {
                    NOMINAL
                } else {
                    0
                } | if *t == "CC" { COORDINATOR } else { 0 }
                    | if PUNCTUATION_TAGS.contains(t) {
                        PUNCTUATION
                    } else {
                        0
                    },
            );
            norm.push(if vocabulary.contains(&i.norm) {
                i.norm
            } else {
                unknown
            });
            tag.push(string(t));
            let chars: Vec<char> = forms[norm.len() - 2].to_lowercase().chars().collect();
            let s: String = chars[chars.len().saturating_sub(3)..].iter().collect();
            suffix.push(string(&s));
        }
        let stag = vec![NONE; norm.len()];
        Words {
            norm,
            tag,
            suffix,
            kind,
            commas_before,
            verb,
            stag,
        }
    }

    /// Commas between words `a` and `b` (`0 < a < b`): none, one or more.
    fn commas_between(&self, a: usize, b: usize) -> u64 {
        (self.commas_before[b] - self.commas_before[a + 1]).min(2) as u64
    }
}

/// What the features read of a word's children so far. Index 0 (the root) is never a
/// child, so 0 stands for none.
#[derive(Clone, Copy, Default)]
struct Children {
    /// Leftmost and second leftmost.
    left: [u32; 2],
    /// Rightmost and second rightmost.
    right: [u32; 2],
    n_left: u8,
    n_right: u8,
    /// The [`CHILD_KINDS`] of the left children, and of the right ones shifted by 4.
    kinds: u8,
    /// The leftmost adposition among the left children.
    case: u32,
}

/// A parser configuration: stack, buffer front and the arcs so far. Plain vectors of
/// fixed-size entries, so that a beam copies it with three allocations.
#[derive(Clone)]
struct State {
    stack: Vec<usize>,
    next: usize,
    n: usize,
    heads: Vec<Option<usize>>,
    children: Vec<Children>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            next: 1,
            n,
            heads: vec![None; n + 1],
            children: vec![Children::default(); n + 1],
        }
    }

    /// Becomes a copy of `other`, in the memory it already holds.
    fn copy_from(&mut self, other: &State) {
        self.stack.clone_from(&other.stack);
        self.next = other.next;
        self.n = other.n;
        self.heads.clone_from(&other.heads);
        self.children.clone_from(&other.children);
    }

    fn done(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
    }

    /// Whether more than one move is valid: with one (an empty stack, an empty buffer) there
    /// is nothing to score, a fifth of a sentence's moves or more, greedy or with a beam.
    fn has_choice(&self) -> bool {
        self.valid().iter().filter(|&&v| v).count() > 1
    }

    /// Each word's head, slot 0 the root's (a finished parse leaves none without one).
    fn heads(&self) -> Vec<usize> {
        self.heads.iter().map(|h| h.unwrap_or(0)).collect()
    }

    fn valid(&self) -> [bool; 3] {
        let has_buffer = self.next <= self.n;
        let s = self.stack.len();
        [
            has_buffer,
            has_buffer && s >= 2,
            // The root takes its dependent only at the very end, so there is exactly one.
            s >= 3 || (s == 2 && !has_buffer),
        ]
    }

    /// Applies a move; `kind` is each word's [`Words::kind`].
    fn apply(&mut self, t: usize, kind: &[u8]) {
        match t {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            LEFT => {
                let d = self.stack.pop().expect("valid");
                self.attach(self.next, d, kind);
            }
            _ => {
                let d = self.stack.pop().expect("valid");
                let h = *self.stack.last().expect("valid");
                self.attach(h, d, kind);
            }
        }
    }

    /// In arc-hybrid parsing a new left child is always the leftmost so far (the words below
    /// the stack top lie further left) and a new right child the rightmost.
    fn attach(&mut self, h: usize, d: usize, kind: &[u8]) {
        self.heads[d] = Some(h);
        let c = &mut self.children[h];
        let k = kind[d] & CHILD_KINDS;
        if d < h {
            debug_assert!(c.left[0] == 0 || (d as u32) < c.left[0]);
            c.left = [d as u32, c.left[0]];
            c.n_left = c.n_left.saturating_add(1);
            c.kinds |= k;
            if kind[d] & ADPOSITION != 0 {
                c.case = d as u32;
            }
        } else {
            debug_assert!((d as u32) > c.right[0]);
            c.right = [d as u32, c.right[0]];
            c.n_right = c.n_right.saturating_add(1);
            c.kinds |= k << 4;
        }
    }

    /// Costs of each transition against gold heads (1-based, 0 = root), per the dynamic
    /// oracle: how many gold arcs each move makes unreachable.
    fn costs(&self, gold: &[usize], children: &[Vec<usize>]) -> [usize; 3] {
        let valid = self.valid();
        let mut c = [usize::MAX; 3];
        let b = self.next;
        let in_buffer = |x: usize| x >= b && x <= self.n;
        if valid[SHIFT] {
            let mut cost = 0;
            let s0 = *self.stack.last().expect("root");
            for &x in &self.stack {
                if x != 0 && gold[x] == b {
                    cost += 1;
                }
            }
            let h = gold[b];
            if h != s0 && self.stack.contains(&h) {
                cost += 1;
            }
            c[SHIFT] = cost;
        }
        let s0 = *self.stack.last().expect("root");
        let deps_in_buffer = if s0 == 0 {
            0
        } else {
            children[s0].iter().filter(|&&d| in_buffer(d)).count()
        };
        if valid[LEFT] {
            let s1 = self.stack[self.stack.len() - 2];
            let h = gold[s0];
            let lost_head = h == s1 || (in_buffer(h) && h != b);
            c[LEFT] = deps_in_buffer + lost_head as usize;
        }
        if valid[RIGHT] {
            let h = gold[s0];
            c[RIGHT] = deps_in_buffer + in_buffer(h) as usize;
        }
        c
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

const NONE: u64 = 0x4e4f_4e45;

fn transition_features(w: &Words, s: &State, out: &mut Vec<u64>) {
    out.clear();
    let st = &s.stack;
    let get = |k: usize| -> Option<usize> { st.len().checked_sub(k + 1).map(|i| st[i]) };
    let (s0, s1, s2) = (get(0), get(1), get(2));
    let buf = |k: usize| -> Option<usize> { (s.next + k <= s.n).then_some(s.next + k) };
    let (b0, b1, b2) = (buf(0), buf(1), buf(2));
    let wd = |x: Option<usize>| x.map_or(NONE, |i| w.norm[i]);
    let tg = |x: Option<usize>| x.map_or(NONE, |i| w.tag[i]);
    let some = |c: u32| (c != 0).then_some(c as usize);
    let left = |x: Option<usize>, k: usize| x.and_then(|i| some(s.children[i].left[k]));
    let right = |x: Option<usize>, k: usize| x.and_then(|i| some(s.children[i].right[k]));
    let (s0w, s0t, s1w, s1t, b0w, b0t, b1w, b1t) = (
        wd(s0),
        tg(s0),
        wd(s1),
        tg(s1),
        wd(b0),
        tg(b0),
        wd(b1),
        tg(b1),
    );
    let (b2t, s2t) = (tg(b2), tg(s2));
    let (s0l, s0r, s0l2, s0r2) = (
        tg(left(s0, 0)),
        tg(right(s0, 0)),
        tg(left(s0, 1)),
        tg(right(s0, 1)),
    );
    let (s1l, s1r) = (tg(left(s1, 0)), tg(right(s1, 0)));
    let (b0l, b0l2) = (tg(left(b0, 0)), tg(left(b0, 1)));
    let dist = match (s0, b0) {
        (Some(a), Some(b)) if a > 0 => bucket(b - a),
        _ => NONE,
    };
    let dist01 = match (s1, s0) {
        (Some(a), Some(b)) if a > 0 => bucket(b - a),
        _ => NONE,
    };
    let vr = |x: Option<usize>| x.map_or(NONE, |i| s.children[i].n_right.min(4) as u64);
    let vl = |x: Option<usize>| x.map_or(NONE, |i| s.children[i].n_left.min(4) as u64);
    let sf = |x: Option<usize>| x.map_or(NONE, |i| w.suffix[i]);
    // The case word a word has taken as its left child ("by", "of", "to"): which head a
    // prepositional phrase attaches to depends on its preposition.
    let case_of = |x: Option<usize>| {
        x.and_then(|i| some(s.children[i].case))
            .map_or(NONE, |k| w.norm[k])
    };
    let (s0c, b0c) = (case_of(s0), case_of(b0));
    // What kinds of word a word has taken as children on each side (nominal, adposition,
    // auxiliary): a stand-in for the labels a labelled parser would see, so that a verb
    // that has its subject, or a noun that has its case word, is told from one that has not.
    let kinds = |x: Option<usize>| x.map_or(NONE, |i| s.children[i].kinds as u64);
    let (s0k, s1k, b0k) = (kinds(s0), kinds(s1), kinds(b0));
    let (s0lw, s0rw, b0lw, s1rw) = (
        wd(left(s0, 0)),
        wd(right(s0, 0)),
        wd(left(b0, 0)),
        wd(right(s1, 0)),
    );
    let commas = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) if a > 0 && a < b => w.commas_between(a, b),
        _ => NONE,
    };
    let (c0, c1) = (commas(s0, b0), commas(s1, s0));
    // Each template hashed in line with its own length: 74 independent chains of mixing
    // that the processor overlaps, where a loop over the templates ran them one by one.
    let features: [u64; 74] = [
        feature(0, &[]),
        feature(1, &[s0w]),
        feature(2, &[s0t]),
        feature(3, &[s0w, s0t]),
        feature(4, &[s1w]),
        feature(5, &[s1t]),
        feature(6, &[s1w, s1t]),
        feature(7, &[b0w]),
        feature(8, &[b0t]),
        feature(9, &[b0w, b0t]),
        feature(10, &[b1w]),
        feature(11, &[b1t]),
        feature(12, &[b1w, b1t]),
        feature(13, &[b2t]),
        feature(14, &[s2t]),
        feature(15, &[s0w, s0t, b0w, b0t]),
        feature(16, &[s0w, s0t, b0w]),
        feature(17, &[s0w, b0w, b0t]),
        feature(18, &[s0w, s0t, b0t]),
        feature(19, &[s0t, b0w, b0t]),
        feature(20, &[s0w, b0w]),
        feature(21, &[s0t, b0t]),
        feature(22, &[b0t, b1t]),
        feature(23, &[s1t, s0t]),
        feature(24, &[s1w, s0w]),
        feature(25, &[s1w, s1t, s0t]),
        feature(26, &[s1t, s0w, s0t]),
        feature(27, &[b0t, b1t, b2t]),
        feature(28, &[s0t, b0t, b1t]),
        feature(29, &[s1t, s0t, b0t]),
        feature(30, &[s0t, s0l, b0t]),
        feature(31, &[s0t, s0r, b0t]),
        feature(32, &[s0t, b0t, b0l]),
        feature(33, &[s1t, s1r, s0t]),
        feature(34, &[s1t, s1l, s0t]),
        feature(35, &[s2t, s1t, s0t]),
        feature(36, &[s0w, dist]),
        feature(37, &[s0t, dist]),
        feature(38, &[b0w, dist]),
        feature(39, &[b0t, dist]),
        feature(40, &[s0w, b0w, dist]),
        feature(41, &[s0t, b0t, dist]),
        feature(42, &[s1t, s0t, dist01]),
        feature(43, &[s1w, s0w, dist01]),
        feature(44, &[s0w, vr(s0)]),
        feature(45, &[s0t, vr(s0)]),
        feature(46, &[s0w, vl(s0)]),
        feature(47, &[s0t, vl(s0)]),
        feature(48, &[s1w, vr(s1)]),
        feature(49, &[s1t, vr(s1)]),
        feature(50, &[b0w, vl(b0)]),
        feature(51, &[b0t, vl(b0)]),
        feature(52, &[s0t, s0l, s0l2]),
        feature(53, &[s0t, s0r, s0r2]),
        feature(54, &[b0t, b0l, b0l2]),
        feature(55, &[sf(s0), b0t]),
        feature(56, &[s0t, sf(b0)]),
        feature(57, &[s1t, sf(s0), b0t]),
        feature(58, &[s0t, b0t, b0c]),
        feature(59, &[s0w, b0c]),
        feature(60, &[s1t, s0t, s0c]),
        feature(61, &[s1w, s0c]),
        feature(62, &[s0t, b0t, s0k]),
        feature(63, &[s1t, s0t, s1k, s0k]),
        feature(64, &[s0t, b0t, b0k]),
        feature(65, &[s0w, s0k, b0t]),
        feature(66, &[s0t, s0k, b0w]),
        feature(67, &[s0t, s0lw, b0t]),
        feature(68, &[s0t, s0rw, b0t]),
        feature(69, &[b0t, b0lw]),
        feature(70, &[s1t, s1rw, s0t]),
        feature(71, &[s0t, b0t, c0]),
        feature(72, &[s1t, s0t, c1]),
        feature(73, &[s0w, b0t, c0]),
    ];
    out.extend_from_slice(&features);
    if w.stag[0] != NONE {
        let st = |x: Option<usize>| x.map_or(NONE, |i| w.stag[i]);
        let (s0s, s1s, b0s) = (st(s0), st(s1), st(b0));
        let supertagged: [u64; 4] = [
            feature(74, &[s0s]),
            feature(75, &[b0s]),
            feature(78, &[s0s, b0s]),
            feature(79, &[s1s, s0s]),
        ];
        out.extend_from_slice(&supertagged);
    }
}

/// Features for labelling the arc into `d` (1-based) in a finished tree (`heads[d]`).
fn label_features(
    w: &Words,
    heads: &[usize],
    children: &[Vec<usize>],
    d: usize,
    prev_sibling_label: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let h = heads[d];
    let gp = if h == 0 { NONE } else { w.tag[heads[h]] };
    let (dw, dt, hw, ht) = (w.norm[d], w.tag[d], w.norm[h], w.tag[h]);
    let dir = (d < h) as u64;
    let dist = bucket(d.abs_diff(h));
    let kids = &children[d];
    let first_kid = kids.first().map_or(NONE, |&k| w.tag[k]);
    let last_kid = kids.last().map_or(NONE, |&k| w.tag[k]);
    let sibs = &children[h];
    let pos = sibs.iter().position(|&x| x == d).unwrap_or(0);
    let left_sib = pos.checked_sub(1).map_or(NONE, |p| w.tag[sibs[p]]);
    let right_sib = sibs.get(pos + 1).map_or(NONE, |&x| w.tag[x]);
    let prev = if d > 1 { w.tag[d - 1] } else { NONE };
    let next = if d + 1 < w.tag.len() {
        w.tag[d + 1]
    } else {
        NONE
    };
    let is_root = (h == 0) as u64;
    // The dependent's case or mark word ("by", "of", "that", "to"), whether it has a nominal
    // child before it (a subject: ccomp against xcomp), and the auxiliary its head has before
    // it ("was" makes a passive's subject nsubj:pass).
    let case = kids
        .iter()
        .find(|&&k| w.kind[k] & ADPOSITION != 0)
        .map_or(NONE, |&k| w.norm[k]);
    let subject_before = kids.iter().any(|&k| k < d && w.kind[k] & NOMINAL != 0) as u64;
    let head_aux = sibs
        .iter()
        .rev()
        .find(|&&k| k < h && k != d && w.kind[k] & AUXILIARY != 0)
        .map_or(NONE, |&k| w.norm[k]);
    // Commas between the two words (none, one, more) and whether the dependent has taken a
    // coordinator: a conjunct, an apposition and a parenthetical clause differ in both.
    let commas = if h == 0 {
        NONE
    } else {
        w.commas_between(d.min(h), d.max(h))
    };
    let has_cc = kids.iter().any(|&k| k < d && w.kind[k] & COORDINATOR != 0) as u64;
    // A bare noun after this one on the same head makes this one the indirect object.
    let bare_noun_after = sibs.iter().any(|&k| {
        k > d
            && w.kind[k] & NOMINAL != 0
            && !children[k].iter().any(|&c| w.kind[c] & ADPOSITION != 0)
    }) as u64;
    let first_kid_word = kids.first().map_or(NONE, |&k| w.norm[k]);
    let features: [u64; 42] = [
        feature(100, &[]),
        feature(101, &[dw]),
        feature(102, &[dt]),
        feature(103, &[dw, dt]),
        feature(104, &[hw]),
        feature(105, &[ht]),
        feature(106, &[hw, ht]),
        feature(107, &[dt, ht]),
        feature(108, &[dw, ht]),
        feature(109, &[dt, hw]),
        feature(110, &[dw, hw]),
        feature(111, &[dt, ht, dir]),
        feature(112, &[dt, ht, dir, dist]),
        feature(113, &[dw, dir]),
        feature(114, &[dt, gp]),
        feature(115, &[dt, ht, gp]),
        feature(116, &[dt, first_kid]),
        feature(117, &[dt, last_kid]),
        feature(118, &[dt, kids.len().min(5) as u64]),
        feature(119, &[dt, left_sib]),
        feature(120, &[dt, right_sib]),
        feature(121, &[dt, ht, left_sib]),
        feature(122, &[dt, prev]),
        feature(123, &[dt, next]),
        feature(124, &[prev_sibling_label, dt, ht]),
        feature(125, &[is_root, dt]),
        feature(126, &[w.suffix[d], dt]),
        feature(127, &[dt, ht, prev, dir]),
        feature(128, &[dw, ht, dir]),
        feature(129, &[hw, dt, dir]),
        feature(130, &[dt, ht, case]),
        feature(131, &[dt, case, hw]),
        feature(132, &[dt, ht, subject_before]),
        feature(133, &[dt, ht, head_aux]),
        feature(134, &[dw, case]),
        feature(135, &[dt, ht, dir, head_aux]),
        feature(136, &[dt, ht, dir, commas]),
        feature(137, &[dt, ht, has_cc]),
        feature(138, &[dt, ht, commas, has_cc]),
        feature(139, &[dt, ht, dir, bare_noun_after]),
        feature(140, &[dt, first_kid_word]),
        feature(141, &[dt, ht, first_kid_word]),
    ];
    out.extend_from_slice(&features);
    if w.stag[0] != NONE {
        let (ds, hs) = (w.stag[d], w.stag[h]);
        out.extend_from_slice(&[
            feature(142, &[ds]),
            feature(143, &[ds, dt, ht]),
            feature(144, &[ds, dir]),
            feature(145, &[ds, hs]),
        ]);
    }
}

/// The parse of a sentence less its first word, with that word put back before it and hung
/// on the root with `label`.
/// Sentences longer than this are parsed in pieces (see [`Parser::parse`]). The segmenter
/// cuts its sentences to this length; a sentence given whole (CoNLL-U without heads) may be
/// longer, and the tree repairs' time grows faster than a sentence's length (6,000 words: 1.7
/// s).
const MAX_PARSED_WORDS: usize = kestrel_core::segment::MAX_SENTENCE_TOKENS;

impl Parser {
    /// Parses a sentence longer than [`MAX_PARSED_WORDS`] as consecutive pieces, each cut
    /// after a comma or colon as the segmenter cuts (`kestrel_core::segment::cut_long_run`),
    /// and hangs each later piece's root on the first piece's root as `parataxis`: one
    /// tree, as CoNLL-U asks, over text that had no sentence marks to cut it by.
    fn parse_in_pieces(&self, forms: &[&str], tags: &[&str]) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::with_capacity(forms.len());
        let mut root = 0;
        let pieces =
            kestrel_core::segment::cut_long_run(0..forms.len(), |i| matches!(tags[i], "," | ":"));
        for piece in pieces {
            let start = piece.start;
            for (h, label) in self.parse(&forms[piece.clone()], &tags[piece]) {
                out.push(match h {
                    0 if root == 0 => {
                        root = out.len() + 1;
                        (0, label)
                    }
                    0 => (root, "parataxis".to_string()),
                    h => (h + start, label),
                });
            }
        }
        out
    }
}

fn with_opening_word(rest: Vec<(usize, String)>, label: &str) -> Vec<(usize, String)> {
    let root = rest.iter().position(|(h, _)| *h == 0).unwrap_or(0) + 2;
    std::iter::once((root, label.to_string()))
        .chain(
            rest.into_iter()
                .map(|(h, l)| (if h == 0 { 0 } else { h + 1 }, l)),
        )
        .collect()
}

/// A dependency label as a string shared for the life of the process: the tree repairs
/// compare and reassign labels many times a sentence, and a shared label costs no allocation
/// or copy. A parser has a few dozen labels (and their lifted forms); each distinct one is
/// kept once, however many models are loaded.
fn intern(label: &str) -> &'static str {
    static KEPT: std::sync::OnceLock<std::sync::Mutex<HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let mut kept = KEPT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&l) = kept.get(label) {
        return l;
    }
    let l: &'static str = Box::leak(label.to_string().into_boxed_str());
    kept.insert(l);
    l
}

fn children_of(heads: &[usize]) -> Vec<Vec<usize>> {
    let mut c = vec![Vec::new(); heads.len()];
    for d in 1..heads.len() {
        c[heads[d]].push(d);
    }
    c
}

impl Parser {
    /// Parses one sentence given its words and XPOS tags: (head, relation) per word, heads
    /// 1-based with 0 for the root.
    pub fn parse(&self, forms: &[&str], tags: &[&str]) -> Vec<(usize, String)> {
        self.parse_scored(forms, tags, None)
    }

    /// [`Parser::parse`], with the neural scorer's head scores of the sentence when they have
    /// been computed already (with those of other sentences, which is faster).
    fn parse_scored(
        &self,
        forms: &[&str],
        tags: &[&str],
        neural_scores: Option<Vec<Vec<f32>>>,
    ) -> Vec<(usize, String)> {
        if forms.len() > MAX_PARSED_WORDS {
            return self.parse_in_pieces(forms, tags);
        }
        let mut parsed = self.parse_words(forms, tags, neural_scores);
        // An opening quotation mark or conjunction made the root: the greedy parser has
        // hung the whole sentence on the wrong word and the tree is lost (UD English-EWT
        // train: no such root). The rest of the sentence is parsed alone, and the opening
        // word hung on its root.
        let opening = match tags.first() {
            Some(&"``") | Some(&"-LRB-") => Some("punct"),
            Some(&"CC") => Some("cc"),
            _ => None,
        };
        if let Some(label) = opening.filter(|_| forms.len() > 2 && parsed[0].0 == 0) {
            parsed = with_opening_word(self.parse_words(&forms[1..], &tags[1..], None), label);
        }
        parsed
    }

    fn parse_words(
        &self,
        forms: &[&str],
        tags: &[&str],
        neural_scores: Option<Vec<Vec<f32>>>,
    ) -> Vec<(usize, String)> {
        let n = forms.len();
        if n == 0 {
            return Vec::new();
        }
        let mut words = Words::new(forms, tags, &self.vocabulary);
        if let Some(supertagger) = &self.supertagger {
            words.stag = supertagger.tag(&words);
        }
        let heads = match &self.neural {
            Some(neural) => {
                let scores = neural_scores.unwrap_or_else(|| neural.scores(forms, tags));
                let own = (self.neural_bonus > 0.0).then(|| {
                    if self.beam > 1 {
                        beam::parse(&self.transitions, &words, n, self.beam)
                    } else {
                        greedy_heads(&self.transitions, &words, n)
                    }
                });
                neural::tree_of(scores, own.as_deref().map(|h| (h, self.neural_bonus)))
            }
            None if self.beam > 1 => beam::parse(&self.transitions, &words, n, self.beam),
            None => greedy_heads(&self.transitions, &words, n),
        };
        let heads = if self.voters.is_empty() || self.neural.is_some() {
            heads
        } else {
            self.voted_heads(forms, tags, &words, heads)
        };
        let mut labels = self.label(&words, &heads);
        let mut h: Vec<usize> = heads[1..].to_vec();
        projective::deprojectivize(&mut h, &mut labels);
        repair::repair(forms, tags, &mut h, &mut labels);
        h.into_iter()
            .zip(labels)
            .map(|(h, l)| (h, l.to_string()))
            .collect()
    }

    /// The tree (heads, slot 0 the root's) of the vote between `own` and the voters' trees.
    fn voted_heads(
        &self,
        forms: &[&str],
        tags: &[&str],
        words: &Words,
        own: Vec<usize>,
    ) -> Vec<usize> {
        let n = forms.len();
        let total = OWN_VOTE + self.voters.len() as f32;
        let mut agreeing = OWN_VOTE;
        let mut theirs: Vec<Vec<usize>> = Vec::with_capacity(self.voters.len());
        for voter in &self.voters {
            // Once the voters that agree with the parser's whole tree outweigh all the others,
            // each of its arcs outscores any other and the tree stands: the rest need not
            // parse (the left-to-right voter agrees on about two sentences in five, the shorter
            // ones).
            if 2.0 * agreeing > total {
                return own;
            }
            let heads = if voter.right_to_left {
                let forms: Vec<&str> = forms.iter().rev().copied().collect();
                let tags: Vec<&str> = tags.iter().rev().copied().collect();
                let reversed = Words::new(&forms, &tags, &self.vocabulary);
                let heads = greedy_heads(&voter.transitions, &reversed, n);
                // Word d is word n + 1 - d read from the end.
                let flip = |i: usize| if i == 0 { 0 } else { n + 1 - i };
                (0..=n).map(|d| flip(heads[flip(d)])).collect()
            } else {
                greedy_heads(&voter.transitions, words, n)
            };
            if heads == own {
                agreeing += 1.0;
            }
            theirs.push(heads);
        }
        if 2.0 * agreeing > total {
            return own;
        }
        let mut trees: Vec<(&[usize], f32)> = vec![(&own, OWN_VOTE)];
        trees.extend(theirs.iter().map(|h| (h.as_slice(), 1.0)));
        vote::combine(&trees)
    }

    fn label(&self, words: &Words, heads: &[usize]) -> Vec<&'static str> {
        let children = children_of(heads);
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0f32; self.labels.len()];
        let mut out: Vec<usize> = vec![0; heads.len()];
        // A punctuation mark below the root is `punct`, without asking the model: in EWT
        // train 99.5% of them are, and they are an eighth of the words to label.
        let punct = self.labels.iter().position(|&l| l == "punct");
        for d in 1..heads.len() {
            if let Some(punct) = punct.filter(|_| heads[d] != 0 && words.kind[d] & PUNCTUATION != 0)
            {
                out[d] = punct;
                continue;
            }
            let prev = prev_sibling_label(heads, &children, d, &out);
            label_features(words, heads, &children, d, prev, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0.0);
            self.labeler.score_into(&feats, &mut scores);
            out[d] = Perceptron::best(&scores, None);
        }
        out[1..].iter().map(|&l| self.labels[l]).collect()
    }

    /// Trains a parser on gold trees, reading `tags` (XPOS per word) as the tag features:
    /// the mean of `config.runs` parsers trained with successive seeds.
    pub fn train(
        sentences: &[TrainSentence],
        tags: &[Vec<String>],
        config: &ParserConfig,
    ) -> Parser {
        let (supertagger, stags) = if config.supertags {
            let (supertagger, stags, accuracy) = jackknifed_supertags(sentences, tags, config.seed);
            (Some((supertagger, accuracy)), Some(stags))
        } else {
            (None, None)
        };
        let stags = stags.as_deref();
        let mut parsers: Vec<Parser> = (0..config.runs.max(1))
            .map(|run| {
                let seed = config.seed.wrapping_add(run as u64);
                Parser::train_one(
                    sentences,
                    tags,
                    stags,
                    &ParserConfig {
                        seed,
                        ..config.clone()
                    },
                )
            })
            .collect();
        let mut parser = if parsers.len() == 1 {
            parsers.pop().expect("one parser")
        } else {
            let transitions: Vec<Perceptron> =
                parsers.iter().map(|p| p.transitions.clone()).collect();
            let labelers: Vec<Perceptron> = parsers.iter().map(|p| p.labeler.clone()).collect();
            let first = parsers.swap_remove(0);
            Parser {
                transitions: if config.beam > 1 && config.voters {
                    Perceptron::mean_of(&transitions)
                        .pruned(BEAM_MEAN_MIN_WEIGHT)
                        .strongest(BEAM_MAX_FEATURES)
                } else if config.beam > 1 && config.supertags {
                    Perceptron::mean_of(&transitions)
                        .pruned(BEAM_MEAN_MIN_WEIGHT)
                        .strongest(SUPERTAGGED_MAX_FEATURES)
                } else if config.beam > 1 {
                    Perceptron::mean_of(&transitions).pruned(BEAM_MEAN_MIN_WEIGHT)
                } else {
                    Perceptron::mean_of(&transitions).pruned(MEAN_MIN_WEIGHT)
                },
                labeler: Perceptron::mean_of(&labelers).pruned(MEAN_MIN_WEIGHT),
                ..first
            }
        };
        if config.voters && config.beam > 1 {
            let greedy = ParserConfig {
                beam: 1,
                voters: false,
                ..config.clone()
            };
            let left_to_right = Parser::train_one(sentences, tags, stags, &greedy);
            // Supertags are guessed reading left to right; the right-to-left voter goes
            // without them.
            let (reversed, reversed_tags) = reversed_sentences(sentences, tags);
            let right_to_left = Parser::train_one(&reversed, &reversed_tags, None, &greedy);
            parser.add_voter(&left_to_right, false);
            parser.add_voter(&right_to_left, true);
        }
        if let Some((supertagger, accuracy)) = supertagger {
            parser.supertagger = Some(supertagger);
            parser.supertag_accuracy = Some(accuracy);
        }
        if let Some(neural_config) = &config.neural {
            let data: Vec<(Vec<String>, Vec<String>, Vec<usize>)> = sentences
                .iter()
                .zip(tags)
                .map(|(s, t)| {
                    (
                        s.words.iter().map(|w| w.form.clone()).collect(),
                        t.clone(),
                        s.words.iter().map(|w| w.head).collect(),
                    )
                })
                .collect();
            let neural = neural::NeuralHeads::train(&data, neural_config, |_, _, _, _| {});
            parser.set_neural(Some(neural), config.neural_bonus);
        }
        parser
    }

    /// Gives the parser a neural head scorer (see `parser/neural.rs`), whose tree replaces
    /// the transition model's; with `bonus` above 0 the transition model still parses, and
    /// each of its arcs adds `bonus` to the scorer's log-probability of that arc.
    pub fn set_neural(&mut self, neural: Option<neural::NeuralHeads>, bonus: f32) {
        self.neural = neural;
        self.neural_bonus = bonus;
    }

    /// Sets what each arc of the transition model's tree adds to the neural scorer's
    /// log-probability of it (see [`Parser::set_neural`]).
    pub fn set_neural_bonus(&mut self, bonus: f32) {
        self.neural_bonus = bonus;
    }

    /// Takes the neural head scorer and its bonus out of the parser, which goes on without.
    pub fn take_neural(&mut self) -> Option<(neural::NeuralHeads, f32)> {
        self.neural.take().map(|n| (n, self.neural_bonus))
    }

    /// The neural head scorer's weights, when the parser has one.
    pub fn neural_size(&self) -> Option<usize> {
        self.neural.as_ref().map(neural::NeuralHeads::size)
    }

    /// Adds `voter`'s transition model as a voter on this parser's heads (see
    /// `parser/vote.rs`); `right_to_left` when it was trained on sentences read from the end.
    /// The voter must have been trained on the same sentences, whose vocabulary it shares.
    fn add_voter(&mut self, voter: &Parser, right_to_left: bool) {
        self.voters.push(Voter {
            transitions: voter.transitions.strongest(VOTER_MAX_FEATURES),
            right_to_left,
        });
    }

    fn train_one(
        sentences: &[TrainSentence],
        tags: &[Vec<String>],
        stags: Option<&[Vec<u64>]>,
        config: &ParserConfig,
    ) -> Parser {
        let mut rng = Rng::new(config.seed);
        // Projectivize the gold trees once.
        let gold: Vec<(Vec<usize>, Vec<String>)> = sentences
            .iter()
            .map(|s| {
                let heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
                let labels: Vec<String> = s.words.iter().map(|w| w.deprel.clone()).collect();
                projective::projectivize(&heads, &labels)
            })
            .collect();
        // A lifted label seen only a few times is not worth a class of its own: the arc keeps
        // its plain label (and stays at the lifted head).
        let mut lifted_counts: HashMap<String, usize> = HashMap::new();
        for (_, ls) in &gold {
            for l in ls.iter().filter(|l| l.contains(projective::LIFT_MARK)) {
                *lifted_counts.entry(l.clone()).or_default() += 1;
            }
        }
        let gold: Vec<(Vec<usize>, Vec<String>)> = gold
            .into_iter()
            .map(|(h, ls)| {
                let ls = ls
                    .into_iter()
                    .map(|l| match l.split_once(projective::LIFT_MARK) {
                        Some((own, _)) if lifted_counts[&l] < MIN_LIFTED_LABEL_COUNT => {
                            own.to_string()
                        }
                        _ => l,
                    })
                    .collect();
                (h, ls)
            })
            .collect();
        let mut label_index: HashMap<String, usize> = HashMap::new();
        let mut labels: Vec<&'static str> = Vec::new();
        for (_, ls) in &gold {
            for l in ls {
                if !label_index.contains_key(l) {
                    label_index.insert(l.clone(), labels.len());
                    labels.push(intern(l));
                }
            }
        }
        let vocabulary = vocabulary_of(sentences);
        let mut words = words_of(sentences, tags, &vocabulary);
        if let Some(stags) = stags {
            for (w, s) in words.iter_mut().zip(stags) {
                w.stag.clone_from(s);
            }
        }
        let mut transitions = Perceptron::new(3);
        let mut labeler = Perceptron::new(labels.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut feats = Vec::with_capacity(64);
        let mut label_scores = vec![0.0f32; labels.len()];
        for epoch in 0..config.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let (heads, ls) = &gold[si];
                let n = heads.len();
                if n == 0 {
                    continue;
                }
                let w = &words[si];
                // 1-based gold heads with a slot for the root.
                let mut g = vec![0usize; n + 1];
                g[1..].copy_from_slice(heads);
                let children = children_of(&g);
                if config.beam > 1 {
                    beam::train_sentence(&mut transitions, w, &g, &children, config.beam);
                } else {
                    let explore = (epoch >= config.explore_from).then_some(config.explore);
                    train_greedy(&mut transitions, w, &g, &children, explore, &mut rng);
                }
                // The labeller learns on the gold tree, and from `label_parses_from` on, on the
                // tree the transitions give, as it will see trees when parsing: from the words
                // whose head is right (the others are labelled for their siblings' features).
                let own = (epoch >= config.label_parses_from && config.beam > 1).then(|| {
                    let heads = beam::parse(&transitions, w, n, config.beam);
                    let children = children_of(&heads);
                    (heads, children)
                });
                let (tree, tree_children) = own.as_ref().map_or((&g, &children), |(h, c)| (h, c));
                let mut out = vec![0usize; n + 1];
                for d in 1..=n {
                    let prev = prev_sibling_label(tree, tree_children, d, &out);
                    label_features(w, tree, tree_children, d, prev, &mut feats);
                    label_scores.iter_mut().for_each(|s| *s = 0.0);
                    labeler.score_into(&feats, &mut label_scores);
                    let guess = Perceptron::best(&label_scores, None);
                    out[d] = if tree[d] == g[d] {
                        let truth = label_index[&ls[d - 1]];
                        labeler.tick();
                        labeler.update(&feats, truth, guess);
                        truth
                    } else {
                        guess
                    };
                }
            }
        }
        transitions.finish();
        labeler.finish();
        Parser {
            transitions,
            labeler,
            labels,
            vocabulary,
            beam: config.beam,
            voters: Vec::new(),
            supertagger: None,
            supertag_accuracy: None,
            attachments: None,
            neural: None,
            neural_bonus: 0.0,
        }
    }

    /// Sizes, for model metadata: (transition features, label features, labels).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.transitions.n_features(),
            self.labeler.n_features(),
            self.labels.len(),
        )
    }

    /// Features of the supertagger and, for a parser just trained, the share of training
    /// words its jackknifed guesses got right: for model metadata (none without one).
    pub fn supertagger_sizes(&self) -> Option<(usize, Option<f64>)> {
        self.supertagger
            .as_ref()
            .map(|s| (s.n_features(), self.supertag_accuracy))
    }

    /// Each voter's transition features, for model metadata.
    pub fn voter_sizes(&self) -> Vec<usize> {
        self.voters
            .iter()
            .map(|v| v.transitions.n_features())
            .collect()
    }

    /// Writes the parser.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        write_u32(out, self.labels.len() as u32)?;
        for l in &self.labels {
            write_string(out, l)?;
        }
        let mut vocabulary: Vec<u64> = self.vocabulary.iter().copied().collect();
        vocabulary.sort_unstable();
        write_u32(out, vocabulary.len() as u32)?;
        for w in vocabulary {
            out.write_all(&w.to_le_bytes())?;
        }
        self.transitions.write_to(out)?;
        self.labeler.write_to(out)?;
        write_u32(out, self.beam as u32)?;
        write_u32(out, self.voters.len() as u32)?;
        for voter in &self.voters {
            write_u32(out, voter.right_to_left as u32)?;
            voter.transitions.write_to(out)?;
        }
        write_u32(out, self.supertagger.is_some() as u32)?;
        if let Some(supertagger) = &self.supertagger {
            supertagger.write_to(out)?;
        }
        write_u32(out, self.attachments.is_some() as u32)?;
        if let Some(attachments) = &self.attachments {
            attachments.write_to(out)?;
        }
        write_u32(out, self.neural.is_some() as u32)?;
        if let Some(neural) = &self.neural {
            write_u32(out, self.neural_bonus.to_bits())?;
            neural.write_to(out)?;
        }
        Ok(())
    }

    /// Reads a parser written by [`Parser::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Parser> {
        let n = read_u32(input)? as usize;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(intern(&read_string(input)?));
        }
        let v = read_u32(input)? as usize;
        let mut vocabulary = HashSet::with_capacity(v);
        let mut b = [0u8; 8];
        for _ in 0..v {
            input.read_exact(&mut b)?;
            vocabulary.insert(u64::from_le_bytes(b));
        }
        let transitions = Perceptron::read_from(input)?;
        let labeler = Perceptron::read_from(input)?;
        // The beam width was added at the end, where files written before it simply end:
        // those parsers were trained for greedy search.
        let beam = match read_u32(input) {
            Ok(b) => (b as usize).max(1),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => 1,
            Err(e) => return Err(e),
        };
        // So were the voters, after it: files without them have none.
        let mut voters = Vec::new();
        let n_voters = match read_u32(input) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(e),
        };
        for _ in 0..n_voters {
            let right_to_left = read_u32(input)? != 0;
            let transitions = Perceptron::read_from(input)?;
            if transitions.n_classes() != 3 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "parser voter does not have three moves",
                ));
            }
            voters.push(Voter {
                transitions,
                right_to_left,
            });
        }
        // And the supertagger after them.
        let supertagger = match read_u32(input) {
            Ok(0) => None,
            Ok(_) => Some(supertag::Supertagger::read_from(input)?),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => None,
            Err(e) => return Err(e),
        };
        // And the counts of prepositional phrases after it.
        let attachments = match read_u32(input) {
            Ok(0) => None,
            Ok(_) => Some(attach::Attachments::read_from(input)?),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => None,
            Err(e) => return Err(e),
        };
        // And the neural head scorer after them.
        let (neural, neural_bonus) = match read_u32(input) {
            Ok(0) => (None, 0.0),
            Ok(_) => {
                let bonus = f32::from_bits(read_u32(input)?);
                (Some(neural::NeuralHeads::read_from(input)?), bonus)
            }
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => (None, 0.0),
            Err(e) => return Err(e),
        };
        if labeler.n_classes() != labels.len() || transitions.n_classes() != 3 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "parser model parts do not match",
            ));
        }
        Ok(Parser {
            transitions,
            labeler,
            labels,
            vocabulary,
            beam,
            voters,
            supertagger,
            supertag_accuracy: None,
            attachments,
            neural,
            neural_bonus,
        })
    }

    /// Counts, on these gold trees, how often each verb and noun takes a phrase of each
    /// preposition, for [`Parser::parse_tagged`] to read.
    pub fn count_attachments(&mut self, sentences: &[TrainSentence]) {
        self.attachments = Some(attach::Attachments::count(sentences));
    }

    /// How many (verb, preposition) and (noun, preposition) pairs the parser has counted; none
    /// for a parser without counts.
    pub fn attachment_sizes(&self) -> Option<(usize, usize)> {
        self.attachments.as_ref().map(attach::Attachments::sizes)
    }

    /// Parses one sentence as [`Parser::parse`] does, then moves its prepositional phrases
    /// between a verb and the noun before them where the counts of the training treebank
    /// prefer the other head (see `parser/attach.rs`), which needs each word's UPOS and
    /// lemma. A parser without counts returns [`Parser::parse`]'s tree.
    pub fn parse_tagged(
        &self,
        forms: &[&str],
        xpos: &[&str],
        upos: &[&str],
        lemmas: &[&str],
    ) -> Vec<(usize, String)> {
        let mut parsed = self.parse(forms, xpos);
        self.attach_prepositions(lemmas, upos, &mut parsed);
        parsed
    }

    /// [`Parser::parse_tagged`] of several sentences (forms, XPOS, UPOS, lemmas): the same
    /// trees, faster with a neural scorer, which reads the sentences together.
    pub fn parse_tagged_many(&self, sentences: &[TaggedWords<'_>]) -> Vec<Vec<(usize, String)>> {
        let mut scores: Vec<Option<Vec<Vec<f32>>>> = vec![None; sentences.len()];
        if let Some(neural) = &self.neural {
            let whole: Vec<usize> = (0..sentences.len())
                .filter(|&i| !sentences[i].0.is_empty() && sentences[i].0.len() <= MAX_PARSED_WORDS)
                .collect();
            // Enough sentences together to share the weights, few enough to stay in the cache.
            for chunk in whole.chunks(NEURAL_BATCH) {
                let batch: Vec<(&[&str], &[&str])> = chunk
                    .iter()
                    .map(|&i| (sentences[i].0, sentences[i].1))
                    .collect();
                for (&i, s) in chunk.iter().zip(neural.scores_many(&batch)) {
                    scores[i] = Some(s);
                }
            }
        }
        sentences
            .iter()
            .zip(scores)
            .map(|(&(forms, xpos, upos, lemmas), scores)| {
                let mut parsed = self.parse_scored(forms, xpos, scores);
                self.attach_prepositions(lemmas, upos, &mut parsed);
                parsed
            })
            .collect()
    }

    fn attach_prepositions(&self, lemmas: &[&str], upos: &[&str], parsed: &mut [(usize, String)]) {
        let Some(attachments) = &self.attachments else {
            return;
        };
        if !parsed.iter().any(|p| p.1 == "case") {
            return;
        }
        let mut heads: Vec<usize> = parsed.iter().map(|p| p.0).collect();
        let mut labels: Vec<&str> = parsed.iter().map(|p| p.1.as_str()).collect();
        attachments.apply(lemmas, upos, &mut heads, &mut labels);
        let moved: Vec<(usize, usize, String)> = (0..parsed.len())
            .filter(|&i| heads[i] != parsed[i].0 || labels[i] != parsed[i].1)
            .map(|i| (i, heads[i], labels[i].to_string()))
            .collect();
        for (i, h, l) in moved {
            parsed[i] = (h, l);
        }
    }
}

/// Words seen at least [`VOCABULARY_MIN_COUNT`] times in the training sentences.
fn vocabulary_of(sentences: &[TrainSentence]) -> HashSet<u64> {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for s in sentences {
        for i in token_info(&s.forms(), &WordClusters::empty()) {
            *counts.entry(i.norm).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= VOCABULARY_MIN_COUNT)
        .map(|(w, _)| w)
        .collect()
}

fn words_of(
    sentences: &[TrainSentence],
    tags: &[Vec<String>],
    vocabulary: &HashSet<u64>,
) -> Vec<Words> {
    sentences
        .iter()
        .zip(tags)
        .map(|(s, t)| {
            Words::new(
                &s.forms(),
                &t.iter().map(String::as_str).collect::<Vec<_>>(),
                vocabulary,
            )
        })
        .collect()
}

/// Folds the training sentences' supertags are guessed over.
const SUPERTAG_FOLDS: usize = 4;

/// A supertagger trained on all the sentences, and each sentence's supertags as guessed by
/// one trained on the other folds, so that the parser learns from guesses as wrong as those
/// it will read.
fn jackknifed_supertags(
    sentences: &[TrainSentence],
    tags: &[Vec<String>],
    seed: u64,
) -> (supertag::Supertagger, Vec<Vec<u64>>, f64) {
    let vocabulary = vocabulary_of(sentences);
    let words = words_of(sentences, tags, &vocabulary);
    let gold: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            let heads: Vec<usize> = std::iter::once(0)
                .chain(s.words.iter().map(|w| w.head))
                .collect();
            let labels: Vec<String> = s.words.iter().map(|w| w.deprel.clone()).collect();
            supertag::gold_supertags(&heads, &labels)
        })
        .collect();
    let mut guessed: Vec<Vec<u64>> = vec![Vec::new(); sentences.len()];
    for fold in 0..SUPERTAG_FOLDS {
        let (rest_words, rest_gold): (Vec<&Words>, Vec<&[String]>) = words
            .iter()
            .zip(&gold)
            .enumerate()
            .filter(|(i, _)| i % SUPERTAG_FOLDS != fold)
            .map(|(_, (w, g))| (w, g.as_slice()))
            .unzip();
        let supertagger = supertag::Supertagger::train(&rest_words, &rest_gold, seed);
        for i in (fold..sentences.len()).step_by(SUPERTAG_FOLDS) {
            guessed[i] = supertagger.tag(&words[i]);
        }
    }
    let (mut right, mut total) = (0usize, 0usize);
    for (g, s) in gold.iter().zip(&guessed) {
        for (g, &s) in g.iter().zip(&s[1..]) {
            right += (crate::hash::string(g) == s) as usize;
            total += 1;
        }
    }
    let all_words: Vec<&Words> = words.iter().collect();
    let all_gold: Vec<&[String]> = gold.iter().map(Vec::as_slice).collect();
    (
        supertag::Supertagger::train(&all_words, &all_gold, seed),
        guessed,
        right as f64 / total.max(1) as f64,
    )
}

/// Heads (slot 0 the root's) found by following the best-scoring move at each step.
fn greedy_heads(model: &Perceptron, words: &Words, n: usize) -> Vec<usize> {
    let mut state = State::new(n);
    let mut feats = Vec::with_capacity(64);
    while !state.done() {
        let valid = state.valid();
        let t = if !state.has_choice() {
            valid.iter().position(|&v| v).expect("one valid move")
        } else {
            transition_features(words, &state, &mut feats);
            let mut scores = [0.0f32; 3];
            model.score_into(&feats, &mut scores);
            Perceptron::best(&scores, Some(&valid))
        };
        state.apply(t, &words.kind);
    }
    state.heads()
}

/// The sentences read from their last word to their first, with their tags: what a
/// right-to-left voter learns from.
fn reversed_sentences(
    sentences: &[TrainSentence],
    tags: &[Vec<String>],
) -> (Vec<TrainSentence>, Vec<Vec<String>>) {
    let sentences = sentences
        .iter()
        .map(|s| {
            let n = s.words.len();
            let words = s
                .words
                .iter()
                .rev()
                .map(|w| crate::corpus::TrainWord {
                    head: if w.head == 0 { 0 } else { n + 1 - w.head },
                    ..w.clone()
                })
                .collect();
            TrainSentence { words }
        })
        .collect();
    let tags = tags
        .iter()
        .map(|t| t.iter().rev().cloned().collect())
        .collect();
    (sentences, tags)
}

/// Greedy training on one sentence with the dynamic oracle: at each move the model learns
/// the best zero-cost move, and with probability `explore` (when given) it then follows its
/// own guess, mistakes included.
fn train_greedy(
    model: &mut Perceptron,
    w: &Words,
    gold: &[usize],
    children: &[Vec<usize>],
    explore: Option<f64>,
    rng: &mut Rng,
) {
    let mut feats = Vec::with_capacity(80);
    let mut state = State::new(gold.len() - 1);
    while !state.done() {
        transition_features(w, &state, &mut feats);
        let mut scores = [0.0f32; 3];
        model.score_into(&feats, &mut scores);
        let valid = state.valid();
        let guess = Perceptron::best(&scores, Some(&valid));
        let costs = state.costs(gold, children);
        let best_cost = *costs.iter().min().expect("three");
        let zero: [bool; 3] = std::array::from_fn(|t| valid[t] && costs[t] == best_cost);
        let truth = Perceptron::best(&scores, Some(&zero));
        model.tick();
        if costs[guess] > best_cost {
            model.update(&feats, truth, guess);
        }
        let follow = if explore.is_some_and(|p| rng.unit() < p) {
            guess
        } else {
            truth
        };
        state.apply(follow, &w.kind);
    }
}

/// The label already given to the nearest sibling on the left (labels go left to right).
fn prev_sibling_label(heads: &[usize], children: &[Vec<usize>], d: usize, labels: &[usize]) -> u64 {
    let sibs = &children[heads[d]];
    let pos = sibs.iter().position(|&x| x == d).unwrap_or(0);
    pos.checked_sub(1)
        .map_or(NONE, |p| labels[sibs[p]] as u64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_word_hangs_on_the_root_of_the_rest() {
        // "But | talks failed ." parsed as "talks failed ." alone.
        let rest = vec![
            (2, "nsubj".to_string()),
            (0, "root".to_string()),
            (2, "punct".to_string()),
        ];
        let parsed = with_opening_word(rest, "cc");
        let heads: Vec<(usize, &str)> = parsed.iter().map(|(h, l)| (*h, l.as_str())).collect();
        assert_eq!(
            heads,
            vec![(3, "cc"), (3, "nsubj"), (0, "root"), (3, "punct")]
        );
    }

    #[test]
    fn words_know_their_function_word_kinds() {
        let forms = [
            "Talks", "were", "halted", "by", "the", "ministry", "'s", "envoy",
        ];
        let tags = ["NNS", "VBD", "VBN", "IN", "DT", "NN", "POS", "NN"];
        let w = Words::new(&forms, &tags, &HashSet::new());
        // Index 0 is the root.
        assert_eq!(
            w.kind,
            vec![0, NOMINAL, AUXILIARY, 0, ADPOSITION, 0, NOMINAL, ADPOSITION, NOMINAL]
        );
    }

    #[test]
    fn the_labeller_sees_commas_and_a_coordinator_between_conjuncts() {
        // "Ana left , and Ben stayed ." with "stayed" a conjunct of "left".
        let forms = ["Ana", "left", ",", "and", "Ben", "stayed", "."];
        let tags = ["NNP", "VBD", ",", "CC", "NNP", "VBD", "."];
        let w = Words::new(&forms, &tags, &HashSet::new());
        let heads = vec![0, 2, 0, 6, 6, 6, 2, 2];
        let children = children_of(&heads);
        let mut feats = Vec::new();
        label_features(&w, &heads, &children, 6, NONE, &mut feats);
        let (dt, ht) = (w.tag[6], w.tag[2]);
        assert!(
            feats.contains(&feature(137, &[dt, ht, 1])),
            "a coordinator taken"
        );
        assert!(
            feats.contains(&feature(136, &[dt, ht, 0, 1])),
            "one comma between"
        );
        // With the comma and "and" hung on "left", "stayed" has taken no coordinator.
        let heads = vec![0, 2, 0, 2, 2, 6, 2, 2];
        let children = children_of(&heads);
        label_features(&w, &heads, &children, 6, NONE, &mut feats);
        assert!(feats.contains(&feature(137, &[dt, ht, 0])));
    }

    #[test]
    fn a_parser_file_keeps_its_beam_and_voters_and_older_files_read_without_them() {
        let mut transitions = Perceptron::new(3);
        transitions.finish();
        let mut labeler = Perceptron::new(1);
        labeler.finish();
        let parser = Parser {
            transitions: transitions.clone(),
            labeler,
            labels: vec!["root"],
            vocabulary: HashSet::new(),
            beam: 4,
            voters: vec![Voter {
                transitions,
                right_to_left: true,
            }],
            supertagger: None,
            supertag_accuracy: None,
            attachments: Some(attach::Attachments::count(&[])),
            neural: None,
            neural_bonus: 0.0,
        };
        let mut bytes = Vec::new();
        parser.write_to(&mut bytes).unwrap();
        let read = Parser::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(read.beam, 4);
        assert_eq!(read.voters.len(), 1);
        assert!(read.voters[0].right_to_left);
        assert_eq!(read.attachments, parser.attachments);
        // Files written before the neural head scorer end where it begins, those before the
        // counts of prepositional phrases where they begin,
        // those written before the voters where the voters begin, and those written before
        // the beam width where it begins.
        let mut before_voters = Vec::new();
        Parser {
            voters: Vec::new(),
            attachments: None,
            ..parser
        }
        .write_to(&mut before_voters)
        .unwrap();
        before_voters.truncate(before_voters.len() - 4);
        let read = Parser::read_from(&mut before_voters.as_slice()).unwrap();
        assert!(read.neural.is_none());
        before_voters.truncate(before_voters.len() - 4);
        let read = Parser::read_from(&mut before_voters.as_slice()).unwrap();
        assert!(read.attachments.is_none());
        before_voters.truncate(before_voters.len() - 8);
        let read = Parser::read_from(&mut before_voters.as_slice()).unwrap();
        assert_eq!((read.beam, read.voters.len()), (4, 0));
        before_voters.truncate(before_voters.len() - 4);
        let read = Parser::read_from(&mut before_voters.as_slice()).unwrap();
        assert_eq!((read.beam, read.voters.len()), (1, 0));
    }

    #[test]
    fn a_parser_file_keeps_its_supertagger_whose_guesses_the_moves_read() {
        let forms = ["Envoys", "met", "rebels", "."];
        let tags = ["NNS", "VBD", "NNS", "."];
        let w = Words::new(&forms, &tags, &HashSet::new());
        let labels: Vec<String> = ["nsubj", "root", "obj", "punct"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let gold = supertag::gold_supertags(&[0, 2, 0, 2, 2], &labels);
        let supertagger = supertag::Supertagger::train(&[&w], &[&gold], 1);
        let mut transitions = Perceptron::new(3);
        transitions.finish();
        let mut labeler = Perceptron::new(1);
        labeler.finish();
        let parser = Parser {
            transitions,
            labeler,
            labels: vec!["root"],
            vocabulary: HashSet::new(),
            beam: 1,
            voters: Vec::new(),
            supertagger: Some(supertagger),
            supertag_accuracy: None,
            attachments: None,
            neural: None,
            neural_bonus: 0.0,
        };
        let mut bytes = Vec::new();
        parser.write_to(&mut bytes).unwrap();
        let read = Parser::read_from(&mut bytes.as_slice()).unwrap();
        let mut words = Words::new(&forms, &tags, &HashSet::new());
        words.stag = read.supertagger.as_ref().expect("kept").tag(&words);
        assert_eq!(words.stag[1], string("nsubj>"));
        // With the stack holding "Envoys" and "met" next, the moves read both guesses.
        let mut state = State::new(forms.len());
        state.apply(SHIFT, &words.kind);
        let mut feats = Vec::new();
        transition_features(&words, &state, &mut feats);
        assert!(feats.contains(&feature(78, &[string("nsubj>"), string("root")])));
        // Without a supertagger the moves read no guesses.
        let plain = Words::new(&forms, &tags, &HashSet::new());
        transition_features(&plain, &state, &mut feats);
        assert_eq!(feats.len(), 74);
    }

    #[test]
    fn the_mean_of_beam_runs_is_pruned_at_the_beam_weight() {
        let sentences = crate::corpus::parse(include_str!("../../tests/data/tiny.conllu")).unwrap();
        let tags: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.words.iter().map(|w| w.xpos.clone()).collect())
            .collect();
        let config = ParserConfig {
            epochs: 3,
            runs: 2,
            beam: 4,
            ..ParserConfig::default()
        };
        let mean = Parser::train(&sentences, &tags, &config);
        let runs: Vec<Perceptron> = (0..2)
            .map(|run| {
                let one = ParserConfig {
                    seed: config.seed + run,
                    ..config.clone()
                };
                Parser::train_one(&sentences, &tags, None, &one).transitions
            })
            .collect();
        let expected = Perceptron::mean_of(&runs).pruned(BEAM_MEAN_MIN_WEIGHT);
        assert_eq!(mean.transitions.n_features(), expected.n_features());
        assert!(
            expected.n_features()
                < Perceptron::mean_of(&runs)
                    .pruned(MEAN_MIN_WEIGHT)
                    .n_features()
        );
    }

    #[test]
    fn sentences_read_from_the_end_keep_their_trees() {
        let word = |form: &str, head: usize| crate::corpus::TrainWord {
            form: form.into(),
            lemma: form.into(),
            upos: "X".into(),
            xpos: "X".into(),
            feats: "_".into(),
            head,
            deprel: "dep".into(),
        };
        // Ministers(2) met(0) rebels(2) .(2)
        let s = TrainSentence {
            words: vec![
                word("Ministers", 2),
                word("met", 0),
                word("rebels", 2),
                word(".", 2),
            ],
        };
        let tags = vec![vec!["NNS".into(), "VBD".into(), "NNS".into(), ".".into()]];
        let (r, rt) = reversed_sentences(std::slice::from_ref(&s), &tags);
        let forms: Vec<&str> = r[0].words.iter().map(|w| w.form.as_str()).collect();
        let heads: Vec<usize> = r[0].words.iter().map(|w| w.head).collect();
        assert_eq!(forms, [".", "rebels", "met", "Ministers"]);
        assert_eq!(heads, [3, 3, 0, 3]);
        assert_eq!(rt[0], [".", "NNS", "VBD", "NNS"]);
        let (back, back_tags) = reversed_sentences(&r, &rt);
        assert_eq!(
            back[0].words.iter().map(|w| w.head).collect::<Vec<_>>(),
            [2, 0, 2, 2]
        );
        assert_eq!(back_tags, tags);
    }

    #[test]
    fn a_parser_with_a_neural_scorer_keeps_it_in_its_file_and_parses_sentences_together_alike() {
        use crate::corpus::sentence_of_rows;
        let sentences = vec![
            sentence_of_rows(&[
                ("Envoys", "NNS", 2, "nsubj"),
                ("met", "VBD", 0, "root"),
                ("rebels", "NNS", 2, "obj"),
                (".", ".", 2, "punct"),
            ]),
            sentence_of_rows(&[
                ("Angry", "JJ", 2, "amod"),
                ("farmers", "NNS", 3, "nsubj"),
                ("blocked", "VBD", 0, "root"),
                ("roads", "NNS", 3, "obj"),
                (".", ".", 3, "punct"),
            ]),
            sentence_of_rows(&[
                ("Troops", "NNS", 2, "nsubj"),
                ("left", "VBD", 0, "root"),
                (".", ".", 2, "punct"),
            ]),
        ];
        // The rows' second column serves as the XPOS tag.
        let tags: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.words.iter().map(|w| w.upos.clone()).collect())
            .collect();
        let config = ParserConfig {
            epochs: 3,
            runs: 1,
            beam: 2,
            neural: Some(neural::NeuralConfig {
                epochs: 20,
                word_dim: 4,
                tag_dim: 3,
                hidden: 4,
                layers: 1,
                arc_dim: 4,
                batch: 2,
                ..neural::NeuralConfig::default()
            }),
            neural_bonus: 1.5,
            ..ParserConfig::default()
        };
        let parser = Parser::train(&sentences, &tags, &config);
        assert!(parser.neural_size().is_some());
        let mut bytes = Vec::new();
        parser.write_to(&mut bytes).unwrap();
        let read = Parser::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(read.neural_bonus, 1.5);
        let columns: Vec<[Vec<&str>; 4]> = sentences
            .iter()
            .zip(&tags)
            .map(|(s, t)| {
                [
                    s.forms(),
                    t.iter().map(String::as_str).collect(),
                    t.iter().map(|_| "X").collect(),
                    s.words.iter().map(|w| w.lemma.as_str()).collect(),
                ]
            })
            .collect();
        let batch: Vec<TaggedWords<'_>> = columns
            .iter()
            .map(|[f, x, u, l]| (f.as_slice(), x.as_slice(), u.as_slice(), l.as_slice()))
            .collect();
        let together = read.parse_tagged_many(&batch);
        for (i, &(forms, xpos, upos, lemmas)) in batch.iter().enumerate() {
            let alone = parser.parse_tagged(forms, xpos, upos, lemmas);
            assert_eq!(together[i], alone);
            assert_eq!(alone.iter().filter(|(h, _)| *h == 0).count(), 1);
        }
    }

    #[test]
    fn parser_oracle_reproduces_gold_projective_trees() {
        // "Officials said the talks failed ." with heads (1-based): said is the root.
        let gold = vec![0, 2, 0, 4, 5, 2, 2];
        let children = children_of(&gold);
        let n = gold.len() - 1;
        let mut s = State::new(n);
        while !s.done() {
            let c = s.costs(&gold, &children);
            let valid = s.valid();
            let t = (0..3)
                .find(|&t| valid[t] && c[t] == 0)
                .expect("a zero-cost move exists");
            s.apply(t, &[0; 7]);
        }
        let heads: Vec<usize> = (1..=n).map(|i| s.heads[i].unwrap()).collect();
        assert_eq!(heads, gold[1..]);
    }
}
