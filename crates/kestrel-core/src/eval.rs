//! Evaluation against gold data: segmentation against UD treebanks, boilerplate against a
//! labelled paragraph set. Scores are fractions in `[0, 1]`.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::clean::{classify, CleanerConfig};
use crate::conllu::ConlluSentence;
use crate::document::{BoilerplateKind, Document, Span};
use crate::segment::segment;

/// True positives, false positives and false negatives, and the scores they give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    /// Items found that are in the gold set.
    pub tp: usize,
    /// Items found that are not.
    pub fp: usize,
    /// Gold items not found.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    /// Counts the overlap of two sets.
    pub fn from_sets<T: Eq + std::hash::Hash>(predicted: &HashSet<T>, gold: &HashSet<T>) -> Prf {
        let tp = predicted.intersection(gold).count();
        Prf {
            tp,
            fp: predicted.len() - tp,
            fn_: gold.len() - tp,
        }
    }

    /// tp / (tp + fp), or 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), or 0 when the gold set is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::ops::AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// a / b, or 0 when b is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Segmentation scores against a treebank.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SegmentScores {
    /// Documents in the treebank.
    pub documents: usize,
    /// Sentences: a predicted sentence counts when its span matches a gold one exactly.
    pub sentences: Prf,
    /// Surface tokens ("don't" is one token): exact span match.
    pub tokens: Prf,
    /// Syntactic words ("don't" is `do` + `n't`): exact span match.
    pub words: Prf,
    /// Gold tokens whose form could not be found in the `# text` line (not scored).
    pub unaligned_gold_tokens: usize,
}

/// Rebuilds each document's raw text from the `# text` lines (sentences joined by a space,
/// paragraphs by a line break), segments it, and compares spans with the gold ones.
pub fn evaluate_segmentation(sentences: &[ConlluSentence]) -> SegmentScores {
    let mut scores = SegmentScores::default();
    for doc in documents(sentences) {
        score_document(doc, &mut scores);
        scores.documents += 1;
    }
    scores
}

/// A treebank document rebuilt as raw text, with the gold spans of its units.
#[derive(Clone, Debug, Default)]
pub struct GoldText {
    /// Sentences joined by a space, paragraphs by a line break.
    pub text: String,
    /// Each sentence's span.
    pub sentences: Vec<Span>,
    /// Surface tokens' spans.
    pub tokens: Vec<Span>,
    /// Per sentence, each word's span (a multi-word token's words split it when their forms
    /// spell it out, else share it); `None` for a word whose form was not found.
    pub words: Vec<Vec<Option<Span>>>,
    /// Gold tokens whose form was not found in the `# text` line.
    pub unaligned: usize,
}

/// Splits a treebank into documents at `# newdoc` comments.
pub fn documents(sentences: &[ConlluSentence]) -> Vec<&[ConlluSentence]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < sentences.len() {
        let mut end = start + 1;
        while end < sentences.len() && !sentences[end].new_document {
            end += 1;
        }
        out.push(&sentences[start..end]);
        start = end;
    }
    out
}

/// Rebuilds one treebank document's raw text and gold spans.
pub fn gold_text(sentences: &[ConlluSentence]) -> GoldText {
    let mut g = GoldText::default();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            g.text.push(if s.new_paragraph { '\n' } else { ' ' });
        }
        let base = g.text.len();
        g.text.push_str(&s.text);
        g.sentences.push(Span::new(base, g.text.len()));
        let mut words = vec![None; s.words.len()];
        let mut cursor = 0;
        for tok in &s.tokens {
            let Some(found) = s.text[cursor..].find(tok.form.as_str()) else {
                g.unaligned += 1;
                continue;
            };
            let a = cursor + found;
            let b = a + tok.form.len();
            cursor = b;
            g.tokens.push(Span::new(base + a, base + b));
            let forms = &s.words[tok.words.clone()];
            let joined: String = forms.iter().map(|w| w.form.as_str()).collect();
            if forms.len() > 1 && joined.to_lowercase() == tok.form.to_lowercase() {
                let mut at = base + a;
                for (k, w) in forms.iter().enumerate() {
                    words[tok.words.start + k] = Some(Span::new(at, at + w.form.len()));
                    at += w.form.len();
                }
            } else {
                for k in tok.words.clone() {
                    words[k] = Some(Span::new(base + a, base + b));
                }
            }
        }
        g.words.push(words);
    }
    g
}

fn score_document(sentences: &[ConlluSentence], scores: &mut SegmentScores) {
    let gold = gold_text(sentences);
    scores.unaligned_gold_tokens += gold.unaligned;
    let gold_sentences: HashSet<Span> = gold.sentences.iter().copied().collect();
    let gold_tokens: HashSet<Span> = gold.tokens.iter().copied().collect();
    let gold_words: HashSet<Span> = gold.words.iter().flatten().flatten().copied().collect();
    let text = gold.text;
    let mut doc = Document::new("eval", text);
    segment(&mut doc);
    let predicted_sentences: HashSet<Span> = doc.sentences.iter().map(|s| s.span).collect();
    let predicted_words: HashSet<Span> = doc.tokens.iter().map(|t| t.span).collect();
    let mut merged: Vec<Span> = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        match merged.last_mut() {
            Some(last) if t.joined_to_previous => last.end = t.span.end,
            _ => merged.push(t.span),
        }
    }
    let predicted_tokens: HashSet<Span> = merged.into_iter().collect();
    scores.sentences += Prf::from_sets(&predicted_sentences, &gold_sentences);
    scores.tokens += Prf::from_sets(&predicted_tokens, &gold_tokens);
    scores.words += Prf::from_sets(&predicted_words, &gold_words);
}

/// One article of the labelled boilerplate set: its paragraphs, each labelled `body` or
/// with a boilerplate kind.
#[derive(Clone, Debug, Deserialize)]
pub struct LabelledArticle {
    /// Article id.
    pub id: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<LabelledParagraph>,
}

/// One labelled paragraph.
#[derive(Clone, Debug, Deserialize)]
pub struct LabelledParagraph {
    /// The paragraph's text (one line).
    pub text: String,
    /// `body`, or a boilerplate kind name (`appeal`, `newsletter`, ...).
    pub label: String,
}

/// Boilerplate detection scores: boilerplate paragraphs are the positive class.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BoilerplateScores {
    /// Articles read.
    pub articles: usize,
    /// Paragraphs read.
    pub paragraphs: usize,
    /// Paragraph-level counts.
    pub counts: Prf,
    /// Of the boilerplate paragraphs found, the share given the labelled kind.
    pub kind_accuracy: f64,
    /// Recall by labelled kind: (found, labelled).
    pub recall_by_kind: BTreeMap<String, (usize, usize)>,
    /// The paragraphs the cleaner got wrong: (article, label, predicted, text).
    pub errors: Vec<(String, String, String, String)>,
}

/// Why a labelled set could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LabelError {
    /// A label that is neither `body` nor a kind.
    #[error("article {id}: unknown label {label:?}; use body or one of: {kinds}")]
    UnknownLabel {
        /// The article.
        id: String,
        /// The label.
        label: String,
        /// The kinds there are.
        kinds: String,
    },
    /// A paragraph with a line break in it, which would not stay one paragraph.
    #[error("article {id}: paragraph {index} contains a line break or is blank")]
    BadParagraph {
        /// The article.
        id: String,
        /// 0-based paragraph index.
        index: usize,
    },
}

/// Scores the cleaner on labelled articles.
pub fn evaluate_boilerplate(
    articles: &[LabelledArticle],
    config: &CleanerConfig,
) -> Result<BoilerplateScores, LabelError> {
    let mut s = BoilerplateScores::default();
    let mut kinds_right = 0;
    for a in articles {
        for (index, p) in a.paragraphs.iter().enumerate() {
            if p.text.contains('\n') || p.text.trim().is_empty() {
                return Err(LabelError::BadParagraph {
                    id: a.id.clone(),
                    index,
                });
            }
            if p.label != "body" && BoilerplateKind::from_name(&p.label).is_none() {
                return Err(LabelError::UnknownLabel {
                    id: a.id.clone(),
                    label: p.label.clone(),
                    kinds: BoilerplateKind::ALL.map(|k| k.name()).join(", "),
                });
            }
        }
        let text: String = a
            .paragraphs
            .iter()
            .map(|p| format!("{}\n", p.text.trim()))
            .collect();
        let verdicts = classify(&text, config);
        assert_eq!(verdicts.len(), a.paragraphs.len(), "one verdict per line");
        s.articles += 1;
        for (p, v) in a.paragraphs.iter().zip(&verdicts) {
            s.paragraphs += 1;
            let gold = p.label != "body";
            let predicted = v.removed.map(|k| k.name()).unwrap_or("body");
            match (gold, v.removed.is_some()) {
                (true, true) => {
                    s.counts.tp += 1;
                    if predicted == p.label {
                        kinds_right += 1;
                    }
                }
                (false, true) => s.counts.fp += 1,
                (true, false) => s.counts.fn_ += 1,
                (false, false) => {}
            }
            if gold {
                let e = s.recall_by_kind.entry(p.label.clone()).or_default();
                e.1 += 1;
                if v.removed.is_some() {
                    e.0 += 1;
                }
            }
            if gold != v.removed.is_some() {
                s.errors.push((
                    a.id.clone(),
                    p.label.clone(),
                    predicted.to_string(),
                    p.text.clone(),
                ));
            }
        }
    }
    s.kind_accuracy = ratio(kinds_right, s.counts.tp);
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse;

    #[test]
    fn eval_prf_scores() {
        let p = Prf {
            tp: 8,
            fp: 2,
            fn_: 8,
        };
        assert!((p.precision() - 0.8).abs() < 1e-9);
        assert!((p.recall() - 0.5).abs() < 1e-9);
        assert!((p.f1() - 0.615_384_6).abs() < 1e-6);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn eval_segmentation_on_a_small_treebank() {
        let treebank = "# newdoc\n# newpar\n# text = Rain fell.\n\
1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n\
2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = It didn't stop.\n\
1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
        let s = evaluate_segmentation(&parse(treebank).unwrap());
        assert_eq!(
            s.sentences,
            Prf {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.words,
            Prf {
                tp: 8,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.tokens,
            Prf {
                tp: 7,
                fp: 0,
                fn_: 0
            }
        );
    }
}
