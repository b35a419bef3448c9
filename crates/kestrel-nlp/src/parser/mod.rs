//! Dependency parsing: a greedy arc-hybrid transition parser trained with a dynamic oracle,
//! and an arc labeler that names each relation once the tree is built.
//!
//! * Transitions (Kuhlmann et al. 2011): SHIFT moves the next word onto the stack; LEFT makes
//!   the next word the head of the stack top; RIGHT makes the word below the stack top its head.
//!   The root sits at the bottom of the stack and takes its one dependent last.
//! * Training follows the dynamic oracle of Goldberg & Nivre (2013): after the first epoch the
//!   parser mostly follows its own predictions, mistakes included, and learns the best move from
//!   wherever it ends up.
//! * Non-projective trees go through the pseudo-projective transform in [`projective`].
//! * Labels come from a second perceptron that sees the whole unlabeled tree: dependent, head,
//!   grandparent, siblings, children, direction and distance.

pub mod projective;

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
}

/// The mean of several parsers keeps only features with a weight at least this large: the
/// union of three runs' features (1.30 million transition features) would double the table
/// that scoring reads (about 90 MB more resident memory and 0.4 s more to load); at 0.4, 0.90
/// million stay, for EWT dev UAS / LAS 83.56 / 79.77 against 83.60 / 79.81 unpruned. With
/// the 74 templates of `parser-v4`, 0.4 keeps 1.12 million, which doubles the power-of-two
/// table (a parse-only run of BBC politics went from 290 to 340 MB resident); 0.6 keeps 0.95
/// million, for EWT dev 84.38 / 80.57 against 84.46 / 80.61 and GUM dev the same.
const MEAN_MIN_WEIGHT: f32 = 0.6;

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
        for (i, t) in info.iter().zip(tags) {
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
        Words {
            norm,
            tag,
            suffix,
            kind,
            commas_before,
        }
    }

    /// Commas between words `a` and `b` (`0 < a < b`): none, one or more.
    fn commas_between(&self, a: usize, b: usize) -> u64 {
        (self.commas_before[b] - self.commas_before[a + 1]).min(2) as u64
    }
}

/// A parser configuration: stack, buffer front and the arcs so far.
struct State {
    stack: Vec<usize>,
    next: usize,
    n: usize,
    heads: Vec<Option<usize>>,
    /// Children of each word in order of position (left ones then right ones, sorted).
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            next: 1,
            n,
            heads: vec![None; n + 1],
            lefts: vec![Vec::new(); n + 1],
            rights: vec![Vec::new(); n + 1],
        }
    }

    fn done(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
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

    fn apply(&mut self, t: usize) {
        match t {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            LEFT => {
                let d = self.stack.pop().expect("valid");
                self.attach(self.next, d);
            }
            _ => {
                let d = self.stack.pop().expect("valid");
                let h = *self.stack.last().expect("valid");
                self.attach(h, d);
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize) {
        self.heads[d] = Some(h);
        if d < h {
            let l = &mut self.lefts[h];
            let at = l.partition_point(|&x| x < d);
            l.insert(at, d);
        } else {
            self.rights[h].push(d);
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
    let left = |x: Option<usize>, k: usize| x.and_then(|i| s.lefts[i].get(k).copied());
    let right = |x: Option<usize>, k: usize| {
        x.and_then(|i| {
            let r = &s.rights[i];
            r.len().checked_sub(k + 1).map(|j| r[j])
        })
    };
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
    let vr = |x: Option<usize>| x.map_or(NONE, |i| s.rights[i].len().min(4) as u64);
    let vl = |x: Option<usize>| x.map_or(NONE, |i| s.lefts[i].len().min(4) as u64);
    let sf = |x: Option<usize>| x.map_or(NONE, |i| w.suffix[i]);
    // The case word a word has taken as its left child ("by", "of", "to"): which head a
    // prepositional phrase attaches to depends on its preposition.
    let case_of = |x: Option<usize>| {
        x.and_then(|i| {
            s.lefts[i]
                .iter()
                .find(|&&k| w.kind[k] & ADPOSITION != 0)
                .map(|&k| w.norm[k])
        })
        .unwrap_or(NONE)
    };
    let (s0c, b0c) = (case_of(s0), case_of(b0));
    // What kinds of word a word has taken as children on each side (nominal, adposition,
    // auxiliary): a stand-in for the labels a labelled parser would see, so that a verb
    // that has its subject, or a noun that has its case word, is told from one that has not.
    let kinds = |x: Option<usize>| {
        x.map_or(NONE, |i| {
            let fold = |children: &[usize]| {
                children
                    .iter()
                    .fold(0u64, |k, &c| k | (w.kind[c] & CHILD_KINDS) as u64)
            };
            fold(&s.lefts[i]) | (fold(&s.rights[i]) << 4)
        })
    };
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
    let templates: [(u64, &[u64]); 74] = [
        (0, &[]),
        (1, &[s0w]),
        (2, &[s0t]),
        (3, &[s0w, s0t]),
        (4, &[s1w]),
        (5, &[s1t]),
        (6, &[s1w, s1t]),
        (7, &[b0w]),
        (8, &[b0t]),
        (9, &[b0w, b0t]),
        (10, &[b1w]),
        (11, &[b1t]),
        (12, &[b1w, b1t]),
        (13, &[b2t]),
        (14, &[s2t]),
        (15, &[s0w, s0t, b0w, b0t]),
        (16, &[s0w, s0t, b0w]),
        (17, &[s0w, b0w, b0t]),
        (18, &[s0w, s0t, b0t]),
        (19, &[s0t, b0w, b0t]),
        (20, &[s0w, b0w]),
        (21, &[s0t, b0t]),
        (22, &[b0t, b1t]),
        (23, &[s1t, s0t]),
        (24, &[s1w, s0w]),
        (25, &[s1w, s1t, s0t]),
        (26, &[s1t, s0w, s0t]),
        (27, &[b0t, b1t, b2t]),
        (28, &[s0t, b0t, b1t]),
        (29, &[s1t, s0t, b0t]),
        (30, &[s0t, s0l, b0t]),
        (31, &[s0t, s0r, b0t]),
        (32, &[s0t, b0t, b0l]),
        (33, &[s1t, s1r, s0t]),
        (34, &[s1t, s1l, s0t]),
        (35, &[s2t, s1t, s0t]),
        (36, &[s0w, dist]),
        (37, &[s0t, dist]),
        (38, &[b0w, dist]),
        (39, &[b0t, dist]),
        (40, &[s0w, b0w, dist]),
        (41, &[s0t, b0t, dist]),
        (42, &[s1t, s0t, dist01]),
        (43, &[s1w, s0w, dist01]),
        (44, &[s0w, vr(s0)]),
        (45, &[s0t, vr(s0)]),
        (46, &[s0w, vl(s0)]),
        (47, &[s0t, vl(s0)]),
        (48, &[s1w, vr(s1)]),
        (49, &[s1t, vr(s1)]),
        (50, &[b0w, vl(b0)]),
        (51, &[b0t, vl(b0)]),
        (52, &[s0t, s0l, s0l2]),
        (53, &[s0t, s0r, s0r2]),
        (54, &[b0t, b0l, b0l2]),
        (55, &[sf(s0), b0t]),
        (56, &[s0t, sf(b0)]),
        (57, &[s1t, sf(s0), b0t]),
        (58, &[s0t, b0t, b0c]),
        (59, &[s0w, b0c]),
        (60, &[s1t, s0t, s0c]),
        (61, &[s1w, s0c]),
        (62, &[s0t, b0t, s0k]),
        (63, &[s1t, s0t, s1k, s0k]),
        (64, &[s0t, b0t, b0k]),
        (65, &[s0w, s0k, b0t]),
        (66, &[s0t, s0k, b0w]),
        (67, &[s0t, s0lw, b0t]),
        (68, &[s0t, s0rw, b0t]),
        (69, &[b0t, b0lw]),
        (70, &[s1t, s1rw, s0t]),
        (71, &[s0t, b0t, c0]),
        (72, &[s1t, s0t, c1]),
        (73, &[s0w, b0t, c0]),
    ];
    for (id, values) in templates {
        out.push(feature(id, values));
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
    let templates: [(u64, &[u64]); 42] = [
        (100, &[]),
        (101, &[dw]),
        (102, &[dt]),
        (103, &[dw, dt]),
        (104, &[hw]),
        (105, &[ht]),
        (106, &[hw, ht]),
        (107, &[dt, ht]),
        (108, &[dw, ht]),
        (109, &[dt, hw]),
        (110, &[dw, hw]),
        (111, &[dt, ht, dir]),
        (112, &[dt, ht, dir, dist]),
        (113, &[dw, dir]),
        (114, &[dt, gp]),
        (115, &[dt, ht, gp]),
        (116, &[dt, first_kid]),
        (117, &[dt, last_kid]),
        (118, &[dt, kids.len().min(5) as u64]),
        (119, &[dt, left_sib]),
        (120, &[dt, right_sib]),
        (121, &[dt, ht, left_sib]),
        (122, &[dt, prev]),
        (123, &[dt, next]),
        (124, &[prev_sibling_label, dt, ht]),
        (125, &[is_root, dt]),
        (126, &[w.suffix[d], dt]),
        (127, &[dt, ht, prev, dir]),
        (128, &[dw, ht, dir]),
        (129, &[hw, dt, dir]),
        (130, &[dt, ht, case]),
        (131, &[dt, case, hw]),
        (132, &[dt, ht, subject_before]),
        (133, &[dt, ht, head_aux]),
        (134, &[dw, case]),
        (135, &[dt, ht, dir, head_aux]),
        (136, &[dt, ht, dir, commas]),
        (137, &[dt, ht, has_cc]),
        (138, &[dt, ht, commas, has_cc]),
        (139, &[dt, ht, dir, bare_noun_after]),
        (140, &[dt, first_kid_word]),
        (141, &[dt, ht, first_kid_word]),
    ];
    for (id, values) in templates {
        out.push(feature(id, values));
    }
}

/// The parse of a sentence less its first word, with that word put back before it and hung
/// on the root with `label`.
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
        let mut parsed = self.parse_words(forms, tags);
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
            parsed = with_opening_word(self.parse_words(&forms[1..], &tags[1..]), label);
        }
        parsed
    }

    fn parse_words(&self, forms: &[&str], tags: &[&str]) -> Vec<(usize, String)> {
        let n = forms.len();
        if n == 0 {
            return Vec::new();
        }
        let words = Words::new(forms, tags, &self.vocabulary);
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(64);
        while !state.done() {
            let valid = state.valid();
            // With one move allowed (an empty stack, an empty buffer) there is nothing to
            // score: a fifth of a sentence's moves or more.
            let t = if valid.iter().filter(|&&v| v).count() == 1 {
                valid.iter().position(|&v| v).expect("one valid move")
            } else {
                transition_features(&words, &state, &mut feats);
                let mut scores = [0.0f32; 3];
                self.transitions.score_into(&feats, &mut scores);
                Perceptron::best(&scores, Some(&valid))
            };
            state.apply(t);
        }
        let heads: Vec<usize> = (0..=n).map(|i| state.heads[i].unwrap_or(0)).collect();
        let mut labels = self.label(&words, &heads);
        let mut h: Vec<usize> = heads[1..].to_vec();
        projective::deprojectivize(&mut h, &mut labels);
        repair::repair(forms, tags, &mut h, &mut labels);
        h.into_iter()
            .zip(labels)
            .map(|(h, l)| (h, l.to_string()))
            .collect()
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
        let mut parsers: Vec<Parser> = (0..config.runs.max(1))
            .map(|run| {
                let seed = config.seed.wrapping_add(run as u64);
                Parser::train_one(
                    sentences,
                    tags,
                    &ParserConfig {
                        seed,
                        ..config.clone()
                    },
                )
            })
            .collect();
        if parsers.len() == 1 {
            return parsers.pop().expect("one parser");
        }
        let transitions: Vec<Perceptron> = parsers.iter().map(|p| p.transitions.clone()).collect();
        let labelers: Vec<Perceptron> = parsers.iter().map(|p| p.labeler.clone()).collect();
        let first = parsers.swap_remove(0);
        Parser {
            transitions: Perceptron::mean_of(&transitions).pruned(MEAN_MIN_WEIGHT),
            labeler: Perceptron::mean_of(&labelers).pruned(MEAN_MIN_WEIGHT),
            ..first
        }
    }

    fn train_one(
        sentences: &[TrainSentence],
        tags: &[Vec<String>],
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
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for s in sentences {
            for i in token_info(&s.forms(), &WordClusters::empty()) {
                *counts.entry(i.norm).or_default() += 1;
            }
        }
        let vocabulary: HashSet<u64> = counts
            .into_iter()
            .filter(|&(_, n)| n >= VOCABULARY_MIN_COUNT)
            .map(|(w, _)| w)
            .collect();
        let words: Vec<Words> = sentences
            .iter()
            .zip(tags)
            .map(|(s, t)| {
                Words::new(
                    &s.forms(),
                    &t.iter().map(String::as_str).collect::<Vec<_>>(),
                    &vocabulary,
                )
            })
            .collect();
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
                let mut state = State::new(n);
                while !state.done() {
                    transition_features(w, &state, &mut feats);
                    let mut scores = [0.0f32; 3];
                    transitions.score_into(&feats, &mut scores);
                    let valid = state.valid();
                    let guess = Perceptron::best(&scores, Some(&valid));
                    let costs = state.costs(&g, &children);
                    let best_cost = *costs.iter().min().expect("three");
                    let zero: [bool; 3] =
                        std::array::from_fn(|t| valid[t] && costs[t] == best_cost);
                    let truth = Perceptron::best(&scores, Some(&zero));
                    transitions.tick();
                    if costs[guess] > best_cost {
                        transitions.update(&feats, truth, guess);
                    }
                    let follow = if epoch >= config.explore_from && rng.unit() < config.explore {
                        guess
                    } else {
                        truth
                    };
                    state.apply(follow);
                }
                // The labeler learns on the gold tree.
                let mut out = vec![0usize; n + 1];
                for d in 1..=n {
                    let prev = prev_sibling_label(&g, &children, d, &out);
                    label_features(w, &g, &children, d, prev, &mut feats);
                    label_scores.iter_mut().for_each(|s| *s = 0.0);
                    labeler.score_into(&feats, &mut label_scores);
                    let guess = Perceptron::best(&label_scores, None);
                    let truth = label_index[&ls[d - 1]];
                    labeler.tick();
                    labeler.update(&feats, truth, guess);
                    out[d] = truth;
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
        self.labeler.write_to(out)
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
        })
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
            s.apply(t);
        }
        let heads: Vec<usize> = (1..=n).map(|i| s.heads[i].unwrap()).collect();
        assert_eq!(heads, gold[1..]);
    }
}
