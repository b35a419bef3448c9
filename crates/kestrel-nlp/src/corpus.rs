//! Training sentences from CoNLL-U.

use kestrel_core::conllu::{self, ConlluSentence};

/// One gold word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainWord {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Features (`_` when none).
    pub feats: String,
    /// 1-based head, 0 for the root.
    pub head: usize,
    /// Relation to the head.
    pub deprel: String,
}

/// One gold sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainSentence {
    /// The words.
    pub words: Vec<TrainWord>,
}

impl TrainSentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

impl From<&ConlluSentence> for TrainSentence {
    fn from(s: &ConlluSentence) -> TrainSentence {
        TrainSentence {
            words: s
                .words
                .iter()
                .map(|w| TrainWord {
                    form: w.form.clone(),
                    lemma: w.lemma.clone(),
                    upos: w.upos.clone(),
                    xpos: w.xpos.clone(),
                    feats: w.feats.clone(),
                    head: w.head,
                    deprel: w.deprel.clone(),
                })
                .collect(),
        }
    }
}

/// Reads training sentences from CoNLL-U text.
pub fn parse(content: &str) -> Result<Vec<TrainSentence>, conllu::ConlluError> {
    Ok(conllu::parse(content)?
        .iter()
        .map(TrainSentence::from)
        .collect())
}
