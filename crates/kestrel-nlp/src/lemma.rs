//! Lemmas and morphological features, learned from the treebank.
//!
//! Lemmas: a lexicon of (lowercase form, XPOS) → lemma for words seen in training, and for
//! other words the most frequent suffix edit ("-ies" → "-y" for NNS) learned per XPOS from
//! the longest matching suffix. Features: the most frequent feature set of (form, XPOS), else
//! of the XPOS (PTB tags carry most of English morphology).

use std::collections::HashMap;
use std::io::{self, Read, Write};

use crate::corpus::TrainSentence;
use crate::hash::{feature, string, BuildPassThrough};
use crate::io_util::{read_string, read_u32, write_string, write_u32};

/// An edit from a form to its lemma: drop `strip` characters from the end, append `append`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Edit {
    strip: u32,
    append: String,
}

/// Lemmatizer and feature guesser.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    lexicon: HashMap<(String, String), String>,
    /// (XPOS, suffix) → edit.
    rules: HashMap<(String, String), Edit>,
    form_feats: HashMap<(String, String), String>,
    tag_feats: HashMap<String, String>,
    /// The same tables keyed by hashes of their string pairs, for lookups that allocate
    /// nothing; built from the tables above.
    index: Index,
}

#[derive(Clone, Debug, Default)]
struct Index {
    lexicon: HashMap<u64, String, BuildPassThrough>,
    rules: HashMap<u64, Edit, BuildPassThrough>,
    form_feats: HashMap<u64, String, BuildPassThrough>,
    /// Every word the treebank has, as a form or a lemma (lowercase).
    known_words: std::collections::HashSet<u64, BuildPassThrough>,
    /// The lemmas the treebank gives its verbs (lowercase).
    verb_lemmas: std::collections::HashSet<u64, BuildPassThrough>,
}

fn pair(a: &str, b: &str) -> u64 {
    feature(0x6c656d, &[string(a), string(b)])
}

impl Lemmatizer {
    fn build_index(mut self) -> Lemmatizer {
        self.index = Index {
            lexicon: self
                .lexicon
                .iter()
                .map(|((f, x), l)| (pair(f, x), l.clone()))
                .collect(),
            rules: self
                .rules
                .iter()
                .map(|((x, s), e)| (pair(x, s), e.clone()))
                .collect(),
            form_feats: self
                .form_feats
                .iter()
                .map(|((f, x), v)| (pair(f, x), v.clone()))
                .collect(),
            known_words: self
                .lexicon
                .iter()
                .flat_map(|((f, _), l)| [f.to_lowercase(), l.to_lowercase()])
                .map(|w| pair(&w, ""))
                .collect(),
            verb_lemmas: self
                .lexicon
                .iter()
                .filter(|((_, x), _)| x.starts_with("VB"))
                .map(|(_, l)| pair(&l.to_lowercase(), ""))
                .collect(),
        };
        self
    }
}

const MAX_SUFFIX: usize = 5;

fn edit_between(form: &str, lemma: &str) -> Edit {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    Edit {
        strip: (f.len() - common) as u32,
        append: l[common..].iter().collect(),
    }
}

fn apply(form: &str, edit: &Edit) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    let keep = chars.len().checked_sub(edit.strip as usize)?;
    if keep == 0 {
        return None;
    }
    let mut s: String = chars[..keep].iter().collect();
    s.push_str(&edit.append);
    Some(s)
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

fn most_frequent<K: std::hash::Hash + Eq, V: Ord + Clone>(
    counts: HashMap<K, HashMap<V, usize>>,
) -> HashMap<K, V> {
    counts
        .into_iter()
        .filter_map(|(k, by)| {
            let (v, _) = by
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
            Some((k, v))
        })
        .collect()
}

impl Lemmatizer {
    /// Learns lemmas and features from gold sentences.
    pub fn train(sentences: &[TrainSentence]) -> Lemmatizer {
        let mut lex: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        let mut rules: HashMap<(String, String), HashMap<Edit, usize>> = HashMap::new();
        let mut form_feats: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        let mut tag_feats: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for s in sentences {
            for w in &s.words {
                let key_form = if is_proper(&w.xpos) {
                    w.form.clone()
                } else {
                    w.form.to_lowercase()
                };
                *lex.entry((key_form.clone(), w.xpos.clone()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
                let edit = edit_between(&key_form, &w.lemma);
                let chars: Vec<char> = key_form.chars().collect();
                for k in 1..=MAX_SUFFIX.min(chars.len()) {
                    let suffix: String = chars[chars.len() - k..].iter().collect();
                    *rules
                        .entry((w.xpos.clone(), suffix))
                        .or_default()
                        .entry(edit.clone())
                        .or_default() += 1;
                }
                *form_feats
                    .entry((w.form.to_lowercase(), w.xpos.clone()))
                    .or_default()
                    .entry(w.feats.clone())
                    .or_default() += 1;
                *tag_feats
                    .entry(w.xpos.clone())
                    .or_default()
                    .entry(w.feats.clone())
                    .or_default() += 1;
            }
        }
        // A suffix rule is kept only when it was seen more than once.
        let rules = rules
            .into_iter()
            .filter(|(_, by)| by.values().sum::<usize>() >= 2)
            .collect::<HashMap<_, _>>();
        Lemmatizer {
            lexicon: most_frequent(lex),
            rules: most_frequent(rules),
            form_feats: most_frequent(form_feats),
            tag_feats: most_frequent(tag_feats),
            index: Index::default(),
        }
        .build_index()
    }

    /// Whether `form` is an inflection of a verb the treebank knows ("speaking", "resumed"),
    /// by the spellings English inflection allows.
    pub fn is_verb_form(&self, form: &str) -> bool {
        kestrel_core::morphology::verb_base_forms(&form.to_lowercase())
            .iter()
            .any(|b| self.index.verb_lemmas.contains(&pair(b, "")))
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let key_form = if is_proper(xpos) {
            form.to_string()
        } else {
            form.to_lowercase()
        };
        if let Some(l) = self.index.lexicon.get(&pair(&key_form, xpos)) {
            return l.clone();
        }
        // Suffix starts, longest suffix first (at most MAX_SUFFIX characters). The first
        // edit that gives a word the treebank knows wins ("tweeted": "-eted" -> "-ete" is the
        // common edit, but "tweet" is a word and "tweete" is not); else the longest suffix's.
        let starts: Vec<usize> = key_form.char_indices().map(|(i, _)| i).collect();
        let mut first: Option<String> = None;
        for k in (1..=MAX_SUFFIX.min(starts.len())).rev() {
            let suffix = &key_form[starts[starts.len() - k]..];
            // An edit reaching past its suffix was learned from whole-word changes ("chinese"
            // → "Chinese") and would graft that word onto others ("sudanese").
            if let Some(edit) = self
                .index
                .rules
                .get(&pair(xpos, suffix))
                .filter(|e| e.strip as usize <= k)
            {
                if let Some(l) = apply(&key_form, edit) {
                    if self
                        .index
                        .known_words
                        .contains(&pair(&l.to_lowercase(), ""))
                    {
                        return l;
                    }
                    first.get_or_insert(l);
                }
            }
        }
        // An inflected verb none of whose suffix edits gives a known word ("resumed" →
        // "resum": EWT's "-med" verbs mostly just drop "-ed"): the spelling English inflection
        // allows that the treebank knows, a verb's lemma first, then any word.
        if matches!(xpos, "VBD" | "VBN" | "VBG" | "VBZ") {
            let candidates = kestrel_core::morphology::verb_base_forms(&key_form);
            let known = |set: &std::collections::HashSet<u64, BuildPassThrough>| {
                candidates
                    .iter()
                    .find(|c| set.contains(&pair(c, "")))
                    .cloned()
            };
            if let Some(l) =
                known(&self.index.verb_lemmas).or_else(|| known(&self.index.known_words))
            {
                return l;
            }
        }
        // A known word none of whose edits gives one is most likely its own lemma under a
        // wrong tag ("ease" tagged as a past tense had become "eaose" by "chose" → "choose").
        if self.index.known_words.contains(&pair(&key_form, "")) {
            return key_form;
        }
        first.unwrap_or(key_form)
    }

    /// The morphological features of `form` tagged `xpos`, `_` for none.
    pub fn feats(&self, form: &str, xpos: &str) -> &str {
        self.index
            .form_feats
            .get(&pair(&form.to_lowercase(), xpos))
            .or_else(|| self.tag_feats.get(xpos))
            .map_or("_", |s| s.as_str())
    }

    /// Writes the lemmatizer, in sorted order so the bytes are stable.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let mut lex: Vec<_> = self.lexicon.iter().collect();
        lex.sort();
        write_u32(out, lex.len() as u32)?;
        for ((f, x), l) in lex {
            write_string(out, f)?;
            write_string(out, x)?;
            write_string(out, l)?;
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        write_u32(out, rules.len() as u32)?;
        for ((x, s), e) in rules {
            write_string(out, x)?;
            write_string(out, s)?;
            write_u32(out, e.strip)?;
            write_string(out, &e.append)?;
        }
        let mut ff: Vec<_> = self.form_feats.iter().collect();
        ff.sort();
        write_u32(out, ff.len() as u32)?;
        for ((f, x), v) in ff {
            write_string(out, f)?;
            write_string(out, x)?;
            write_string(out, v)?;
        }
        let mut tf: Vec<_> = self.tag_feats.iter().collect();
        tf.sort();
        write_u32(out, tf.len() as u32)?;
        for (x, v) in tf {
            write_string(out, x)?;
            write_string(out, v)?;
        }
        Ok(())
    }

    /// Reads a lemmatizer written by [`Lemmatizer::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Lemmatizer> {
        let mut l = Lemmatizer::default();
        for _ in 0..read_u32(input)? {
            let (f, x, v) = (
                read_string(input)?,
                read_string(input)?,
                read_string(input)?,
            );
            l.lexicon.insert((f, x), v);
        }
        for _ in 0..read_u32(input)? {
            let (x, s) = (read_string(input)?, read_string(input)?);
            let strip = read_u32(input)?;
            let append = read_string(input)?;
            l.rules.insert((x, s), Edit { strip, append });
        }
        for _ in 0..read_u32(input)? {
            let (f, x, v) = (
                read_string(input)?,
                read_string(input)?,
                read_string(input)?,
            );
            l.form_feats.insert((f, x), v);
        }
        for _ in 0..read_u32(input)? {
            let (x, v) = (read_string(input)?, read_string(input)?);
            l.tag_feats.insert(x, v);
        }
        Ok(l.build_index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::TrainWord;

    fn word(form: &str, lemma: &str, xpos: &str) -> TrainWord {
        TrainWord {
            form: form.into(),
            lemma: lemma.into(),
            upos: "X".into(),
            xpos: xpos.into(),
            feats: "_".into(),
            head: 0,
            deprel: "dep".into(),
        }
    }

    #[test]
    fn lemma_learns_suffix_edits() {
        let s = TrainSentence {
            words: vec![
                word("cities", "city", "NNS"),
                word("parties", "party", "NNS"),
                word("talks", "talk", "NNS"),
                word("banks", "bank", "NNS"),
                word("Went", "go", "VBD"),
            ],
        };
        let l = Lemmatizer::train(&[s]);
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("militias", "NNS"), "militia");
        assert_eq!(l.lemma("Kiprono", "NNP"), "Kiprono");
    }

    #[test]
    fn a_lemma_the_treebank_knows_wins_over_the_commoner_edit() {
        // "-eted" loses its "d" ("completed", "deleted") and "-ed" mostly "ed"; "greeted"
        // gives "greet", a word the treebank has, so the shorter suffix's edit wins, while
        // "repeated" keeps the longest suffix's edit as "repeat" is not known.
        let s = TrainSentence {
            words: vec![
                word("completed", "complete", "VBD"),
                word("deleted", "delete", "VBD"),
                word("competed", "compete", "VBD"),
                word("wanted", "want", "VBD"),
                word("visited", "visit", "VBD"),
                word("walked", "walk", "VBD"),
                word("played", "play", "VBD"),
                word("opened", "open", "VBD"),
                word("greet", "greet", "VB"),
            ],
        };
        let l = Lemmatizer::train(&[s]);
        assert_eq!(l.lemma("repeated", "VBD"), "repeate");
        assert_eq!(l.lemma("greeted", "VBD"), "greet");
    }

    #[test]
    fn a_known_word_under_a_wrong_tag_keeps_its_form() {
        // "chose" → "choose" teaches "-se" → "-ose"; "ease" tagged as a past tense is the
        // known word "ease", not "eaose".
        let s = TrainSentence {
            words: vec![
                word("chose", "choose", "VBD"),
                word("chose", "choose", "VBD"),
                word("ease", "ease", "NN"),
            ],
        };
        let l = Lemmatizer::train(&[s]);
        assert_eq!(l.lemma("ease", "VBD"), "ease");
    }

    #[test]
    fn an_unknown_verb_takes_the_spelling_the_treebank_knows() {
        // The "-med" verbs here drop "-ed", so the learned edit makes "resumed" "resum"; the
        // treebank knows "resume" (as a noun), and "fuel" as a verb.
        let s = TrainSentence {
            words: vec![
                word("formed", "form", "VBD"),
                word("claimed", "claim", "VBD"),
                word("seemed", "seem", "VBD"),
                word("called", "call", "VBD"),
                word("killed", "kill", "VBD"),
                word("resume", "resume", "NN"),
                word("fuel", "fuel", "VB"),
            ],
        };
        let l = Lemmatizer::train(&[s]);
        assert_eq!(l.lemma("resumed", "VBD"), "resume");
        assert_eq!(l.lemma("fuelled", "VBD"), "fuel");
        // Nothing known: the learned edit stays.
        assert_eq!(l.lemma("glorped", "VBD"), "glorp");
    }

    #[test]
    fn lemma_edits_stay_within_their_suffix() {
        // A whole-word change ("maltese" → "Maltese") must not be grafted onto another word
        // with the same ending.
        let s = TrainSentence {
            words: vec![
                word("Maltese", "Maltese", "JJ"),
                word("Maltese", "Maltese", "JJ"),
            ],
        };
        let l = Lemmatizer::train(&[s]);
        assert_eq!(l.lemma("Togolese", "JJ"), "togolese");
    }
}
