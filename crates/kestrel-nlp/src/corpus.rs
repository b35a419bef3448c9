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

/// Reads training sentences from CoNLL-U text.
pub fn parse(content: &str) -> Result<Vec<TrainSentence>, conllu::ConlluError> {
    Ok(conllu::parse(content)?
        .iter()
        .map(TrainSentence::from)
        .collect())
}
