//! Training sentences from CoNLL-U.

use kestrel_core::conllu::{self, ConlluSentence};

/// One gold word: a CoNLL-U word.
pub type TrainWord = conllu::Word;

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
            words: s.words.clone(),
        }
    }
}

/// A sentence from (form, UPOS, head, relation) rows, each lemma the lower-cased form: a
/// small gold tree for tests.
#[cfg(test)]
pub(crate) fn sentence_of_rows(rows: &[(&str, &str, usize, &str)]) -> TrainSentence {
    TrainSentence {
        words: rows
            .iter()
            .map(|&(form, upos, head, deprel)| TrainWord {
                form: form.into(),
                lemma: form.to_lowercase(),
                upos: upos.into(),
                xpos: "_".into(),
                feats: "_".into(),
                head,
                deprel: deprel.into(),
            })
            .collect(),
    }
}

/// Reads training sentences from CoNLL-U text.
pub fn parse(content: &str) -> Result<Vec<TrainSentence>, conllu::ConlluError> {
    Ok(conllu::parse(content)?
        .iter()
        .map(TrainSentence::from)
        .collect())
}
