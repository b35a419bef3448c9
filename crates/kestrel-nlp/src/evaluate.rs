//! Scoring tagger, lemmatizer and parser against a treebank, with the CoNLL 2018 shared task
//! definitions: LAS compares the universal part of the relation (`obl:tmod` counts as `obl`),
//! punctuation is scored, and from raw text words are aligned by their character spans and
//! each score is an F1 over gold and predicted words.

use std::collections::HashMap;

use kestrel_core::conllu::ConlluSentence;
use kestrel_core::eval::{documents, gold_text};
use kestrel_core::segment::segment;
use kestrel_core::{Document, Span, Stage};
use serde::Serialize;

use crate::{Models, ParseStage, TagStage};

/// Scores as fractions in [0, 1].
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct UdScores {
    /// Gold words.
    pub gold_words: usize,
    /// Predicted words.
    pub predicted_words: usize,
    /// Universal part-of-speech tags.
    pub upos: f64,
    /// Penn Treebank tags.
    pub xpos: f64,
    /// Lemmas.
    pub lemma: f64,
    /// Morphological features (the whole feature set must match).
    pub ufeats: f64,
    /// Unlabeled attachment.
    pub uas: f64,
    /// Labeled attachment (universal relation).
    pub las: f64,
    /// Word segmentation F1 (1.0 from gold tokens).
    pub words: f64,
    /// Sentence segmentation F1 (1.0 from gold tokens).
    pub sentences: f64,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    aligned: usize,
    upos: usize,
    xpos: usize,
    lemma: usize,
    feats: usize,
    uas: usize,
    las: usize,
    gold_sentences: usize,
    predicted_sentences: usize,
    matched_sentences: usize,
}

impl Counts {
    fn scores(&self) -> UdScores {
        let f1 = |correct: usize| {
            if self.gold + self.predicted == 0 {
                0.0
            } else {
                2.0 * correct as f64 / (self.gold + self.predicted) as f64
            }
        };
        let sentence_total = self.gold_sentences + self.predicted_sentences;
        UdScores {
            gold_words: self.gold,
            predicted_words: self.predicted,
            upos: f1(self.upos),
            xpos: f1(self.xpos),
            lemma: f1(self.lemma),
            ufeats: f1(self.feats),
            uas: f1(self.uas),
            las: f1(self.las),
            words: f1(self.aligned),
            sentences: if sentence_total == 0 {
                0.0
            } else {
                2.0 * self.matched_sentences as f64 / sentence_total as f64
            },
        }
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Tags, lemmatises and parses each sentence's gold words as the pipeline would: the
/// sentences come back with the treebank's words and the models' annotation in place of the
/// gold one, for writing out as CoNLL-U and reading the errors.
pub fn predict_ud(models: &Models, sentences: &[ConlluSentence]) -> Vec<ConlluSentence> {
    // Tagged one at a time, parsed together, as a document's sentences are.
    let tagged: Vec<TaggedSentence> = sentences
        .iter()
        .map(|s| tag_gold_words(models, s))
        .collect();
    let columns: Vec<[Vec<&str>; 3]> = tagged
        .iter()
        .map(|t| {
            [
                t.tags.iter().map(|x| x.1).collect(),
                t.tags.iter().map(|x| x.0).collect(),
                t.lemmas.iter().map(String::as_str).collect(),
            ]
        })
        .collect();
    let words: Vec<crate::parser::TaggedWords<'_>> = tagged
        .iter()
        .zip(&columns)
        .map(|(t, [x, u, l])| (t.forms.as_slice(), x.as_slice(), u.as_slice(), l.as_slice()))
        .collect();
    let parsed = models.parser.parse_tagged_many(&words);
    sentences
        .iter()
        .zip(&tagged)
        .zip(parsed)
        .map(|((s, t), parsed)| {
            let mut out = s.clone();
            for (i, w) in out.words.iter_mut().enumerate() {
                let (upos, x) = t.tags[i];
                w.lemma = t.lemmas[i].clone();
                w.feats = models.lemmatizer.feats(t.forms[i], x).to_string();
                w.upos = upos.to_string();
                w.xpos = x.to_string();
                w.head = parsed[i].0;
                w.deprel = parsed[i].1.to_string();
            }
            out
        })
        .collect()
}

/// A treebank sentence's gold words with the models' tags and lemmas.
struct TaggedSentence<'a> {
    forms: Vec<&'a str>,
    tags: Vec<(&'a str, &'a str)>,
    lemmas: Vec<String>,
}

fn tag_gold_words<'a>(models: &'a Models, s: &'a ConlluSentence) -> TaggedSentence<'a> {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    let mut tags = models.tagger.tag(&forms);
    // As the tag stage does.
    crate::tag_repair::repair_tags(&forms, &mut tags);
    crate::tag_repair::name_read_as_a_gerund(&forms, &mut tags, |w| {
        models.lemmatizer.is_verb_form(w)
    });
    let lemmas = forms
        .iter()
        .zip(&tags)
        .map(|(f, t)| models.lemmatizer.lemma(f, t.1))
        .collect();
    TaggedSentence {
        forms,
        tags,
        lemmas,
    }
}

/// Scores predictions of the gold words (from [`predict_ud`]) against the treebank.
pub fn score_ud(sentences: &[ConlluSentence], predicted: &[ConlluSentence]) -> UdScores {
    let mut c = Counts::default();
    for (s, p) in sentences.iter().zip(predicted) {
        c.gold_sentences += 1;
        c.predicted_sentences += 1;
        c.matched_sentences += 1;
        for (g, w) in s.words.iter().zip(&p.words) {
            c.gold += 1;
            c.predicted += 1;
            c.aligned += 1;
            c.upos += (w.upos == g.upos) as usize;
            c.xpos += (w.xpos == g.xpos) as usize;
            c.lemma += (w.lemma == g.lemma) as usize;
            c.feats += (w.feats == g.feats) as usize;
            if w.head == g.head {
                c.uas += 1;
                c.las += (universal(&w.deprel) == universal(&g.deprel)) as usize;
            }
        }
    }
    c.scores()
}

/// Scores the models on gold words (`raw` false) or on the treebank's raw text (`raw` true).
pub fn evaluate_ud(models: &Models, sentences: &[ConlluSentence], raw: bool) -> UdScores {
    if !raw {
        return score_ud(sentences, &predict_ud(models, sentences));
    }
    let mut c = Counts::default();
    let tag = TagStage::new(std::sync::Arc::new(models.clone()));
    let parse = ParseStage::new(std::sync::Arc::new(models.clone()));
    for doc_sentences in documents(sentences) {
        let gold = gold_text(doc_sentences);
        let mut doc = Document::new("eval", gold.text.clone());
        segment(&mut doc);
        tag.process(&mut doc);
        parse.process(&mut doc);
        // Gold: span → (head span or None for the root, word).
        let mut gold_words: HashMap<Span, (Option<Span>, &kestrel_core::conllu::Word)> =
            HashMap::new();
        for (s, spans) in doc_sentences.iter().zip(&gold.words) {
            for (i, w) in s.words.iter().enumerate() {
                let Some(span) = spans[i] else { continue };
                let head = if w.head == 0 { None } else { spans[w.head - 1] };
                gold_words.insert(span, (head, w));
            }
        }
        c.gold += doc_sentences.iter().map(|s| s.words.len()).sum::<usize>();
        c.predicted += doc.tokens.len();
        let gold_sentences: std::collections::HashSet<Span> =
            gold.sentences.iter().copied().collect();
        c.gold_sentences += gold.sentences.len();
        c.predicted_sentences += doc.sentences.len();
        c.matched_sentences += doc
            .sentences
            .iter()
            .filter(|s| gold_sentences.contains(&s.span))
            .count();
        for sentence in &doc.sentences {
            let toks = &doc.tokens[sentence.tokens.clone()];
            for t in toks {
                let Some((gold_head, g)) = gold_words.get(&t.span) else {
                    continue;
                };
                c.aligned += 1;
                let x = t.xpos.as_deref().unwrap_or("");
                c.upos += (t.upos.as_deref() == Some(g.upos.as_str())) as usize;
                c.xpos += (x == g.xpos) as usize;
                c.lemma += (t.lemma.as_deref() == Some(g.lemma.as_str())) as usize;
                c.feats += (t.feats.as_deref() == Some(g.feats.as_str())) as usize;
                let predicted_head = t.head.map(|h| toks[h].span);
                if predicted_head == *gold_head {
                    c.uas += 1;
                    let rel = t.deprel.as_deref().unwrap_or("");
                    c.las += (universal(rel) == universal(&g.deprel)) as usize;
                }
            }
        }
    }
    c.scores()
}
