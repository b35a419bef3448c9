//! Pipeline stages that run the models.

use std::sync::Arc;

use kestrel_core::{Document, Layer, Stage};

use crate::{Models, Ner};

/// Tags, lemmatizes and adds features to every token.
#[derive(Clone, Debug)]
pub struct TagStage {
    models: Arc<Models>,
}

impl TagStage {
    /// A stage over these models.
    pub fn new(models: Arc<Models>) -> TagStage {
        TagStage { models }
    }
}

impl Stage for TagStage {
    fn name(&self) -> &'static str {
        "tag"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Segment]
    }
    fn assigns(&self) -> Layer {
        Layer::Tag
    }
    fn process(&self, doc: &mut Document) {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let forms: Vec<String> = doc.tokens[range.clone()]
                .iter()
                .map(|t| doc.text[t.span.range()].to_string())
                .collect();
            let words: Vec<&str> = forms.iter().map(String::as_str).collect();
            let mut tags = self.models.tagger.tag(&words);
            crate::tag_repair::repair_tags(&words, &mut tags);
            crate::tag_repair::name_read_as_a_gerund(&words, &mut tags, |w| {
                self.models.lemmatizer.is_verb_form(w)
            });
            for ((tok, form), (upos, xpos)) in doc.tokens[range].iter_mut().zip(&words).zip(tags) {
                tok.lemma = Some(self.models.lemmatizer.lemma(form, xpos));
                tok.feats = Some(self.models.lemmatizer.feats(form, xpos).to_string());
                tok.upos = Some(upos.to_string());
                tok.xpos = Some(xpos.to_string());
            }
        }
    }
}

/// Adds heads and dependency relations.
#[derive(Clone, Debug)]
pub struct ParseStage {
    models: Arc<Models>,
}

impl ParseStage {
    /// A stage over these models.
    pub fn new(models: Arc<Models>) -> ParseStage {
        ParseStage { models }
    }
}

impl Stage for ParseStage {
    fn name(&self) -> &'static str {
        "parse"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Segment, Layer::Tag]
    }
    fn assigns(&self) -> Layer {
        Layer::Parse
    }
    fn process(&self, doc: &mut Document) {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let forms: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| &doc.text[t.span.range()])
                .collect();
            let tags: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| t.xpos.as_deref().unwrap_or("NN"))
                .collect();
            let parsed = self.models.parser.parse(&forms, &tags);
            let heads: Vec<(Option<usize>, String)> = parsed
                .into_iter()
                .map(|(h, l)| (h.checked_sub(1), l))
                .collect();
            for (tok, (head, deprel)) in doc.tokens[range].iter_mut().zip(heads) {
                tok.head = head;
                tok.deprel = Some(deprel);
            }
        }
    }
}

/// Finds named entity mentions.
#[derive(Clone, Debug)]
pub struct NerStage {
    ner: Arc<Ner>,
}

impl NerStage {
    /// A stage over this recogniser.
    pub fn new(ner: Arc<Ner>) -> NerStage {
        NerStage { ner }
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Segment, Layer::Tag]
    }
    fn assigns(&self) -> Layer {
        Layer::Entities
    }
    fn process(&self, doc: &mut Document) {
        doc.entities.clear();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            let words: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| &doc.text[t.span.range()])
                .collect();
            let tags: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| t.xpos.as_deref().unwrap_or("NN"))
                .collect();
            for m in self.ner.recognise(&words, &tags) {
                let tokens = range.start + m.tokens.start..range.start + m.tokens.end;
                let span = kestrel_core::Span::new(
                    doc.tokens[tokens.start].span.start,
                    doc.tokens[tokens.end - 1].span.end,
                );
                doc.entities.push(kestrel_core::Entity {
                    span,
                    sentence: s,
                    tokens,
                    kind: m.kind,
                    actor: None,
                    cluster: None,
                    mention: kestrel_core::MentionKind::Name,
                });
            }
        }
    }
}
