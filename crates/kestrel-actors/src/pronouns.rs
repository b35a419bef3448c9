//! Personal pronouns joined to the people they refer to.
//!
//! A third-person personal pronoun ("he", "his", "she", "her") refers, in news writing, to the
//! person last named in the same sentence before it, or else to the person the previous sentence
//! is about: its subject when the parse says which mention that is, else the person named
//! closest before its main verb, else its first person. We
//! look back two sentences at most. Gender is not used: we have no names-to-gender data, and a
//! wrong guess would be worse than none.

use kestrel_core::{Document, Entity, EntityKind, Span};

const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
];

/// How many sentences back an antecedent may be.
const LOOK_BACK: usize = 2;

/// Whether the mention is its clause's subject: its head word's relation is a subject one.
fn is_subject(doc: &Document, e: &Entity) -> bool {
    let sentence = &doc.sentences[e.sentence].tokens;
    e.tokens.clone().any(|t| {
        let tok = &doc.tokens[t];
        let head_outside = tok
            .head
            .is_none_or(|h| !e.tokens.contains(&(sentence.start + h)));
        head_outside
            && tok
                .deprel
                .as_deref()
                .is_some_and(|d| d.starts_with("nsubj"))
    })
}

/// When the parse names no subject: the person named closest before the sentence's main verb
/// (English puts the subject there).
fn before_main_verb(doc: &Document, s: usize, mentions: &[usize]) -> Option<usize> {
    let sentence = &doc.sentences[s].tokens;
    let root = sentence
        .clone()
        .find(|&t| doc.tokens[t].deprel.as_deref() == Some("root"))?;
    mentions
        .iter()
        .copied()
        .filter(|&i| doc.entities[i].tokens.end <= root)
        .max_by_key(|&i| doc.entities[i].tokens.end)
}

/// Adds a mention for each pronoun that refers to a named person, in its antecedent's cluster
/// and with its actor. Returns how many were added.
pub fn link_pronouns(doc: &mut Document) -> usize {
    let names: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| doc.entities[i].kind == EntityKind::Person && !doc.entities[i].pronoun)
        .filter(|&i| {
            !doc.entities[i].tokens.is_empty() && doc.entities[i].sentence < doc.sentences.len()
        })
        .collect();
    let covered: std::collections::HashSet<usize> =
        doc.entities.iter().flat_map(|e| e.tokens.clone()).collect();
    let mut added: Vec<(Entity, usize)> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            let tok = &doc.tokens[t];
            let word = doc.text[tok.span.range()].to_lowercase();
            if !PRONOUNS.contains(&word.as_str())
                || covered.contains(&t)
                || tok
                    .upos
                    .as_deref()
                    .is_some_and(|u| u != "PRON" && u != "DET")
            {
                continue;
            }
            let same_sentence = names
                .iter()
                .rev()
                .find(|&&i| doc.entities[i].sentence == s && doc.entities[i].tokens.end <= t);
            let earlier = || {
                (1..=LOOK_BACK)
                    .filter_map(|back| s.checked_sub(back))
                    .find_map(|ps| {
                        let in_sentence: Vec<usize> = names
                            .iter()
                            .copied()
                            .filter(|&i| doc.entities[i].sentence == ps)
                            .collect();
                        in_sentence
                            .iter()
                            .copied()
                            .find(|&i| is_subject(doc, &doc.entities[i]))
                            .or_else(|| before_main_verb(doc, ps, &in_sentence))
                            .or(in_sentence.first().copied())
                    })
            };
            let Some(antecedent) = same_sentence.copied().or_else(earlier) else {
                continue;
            };
            let a = &doc.entities[antecedent];
            added.push((
                Entity {
                    span: Span::new(tok.span.start, tok.span.end),
                    sentence: s,
                    tokens: t..t + 1,
                    kind: EntityKind::Person,
                    actor: a.actor.clone(),
                    cluster: None,
                    pronoun: true,
                },
                antecedent,
            ));
        }
    }
    let n = added.len();
    if n == 0 {
        return 0;
    }
    // Merge in text order; cluster ids are indices, so map old indices to new ones.
    let old = std::mem::take(&mut doc.entities);
    let mut order: Vec<(usize, bool, usize)> = (0..old.len())
        .map(|i| (old[i].span.start, false, i))
        .collect();
    order.extend(
        added
            .iter()
            .enumerate()
            .map(|(k, (e, _))| (e.span.start, true, k)),
    );
    order.sort();
    let mut new_index_of_old = vec![0usize; old.len()];
    for (new, &(_, is_pronoun, i)) in order.iter().enumerate() {
        if !is_pronoun {
            new_index_of_old[i] = new;
        }
    }
    let mut old = old.into_iter().map(Some).collect::<Vec<_>>();
    let mut added = added.into_iter().map(Some).collect::<Vec<_>>();
    for &(_, is_pronoun, i) in &order {
        let mut e = if is_pronoun {
            let (mut e, antecedent) = added[i].take().expect("once");
            // The antecedent comes first in the text, so it is placed, its cluster remapped.
            let placed = new_index_of_old[antecedent];
            e.cluster = Some(doc.entities[placed].cluster.unwrap_or(placed));
            e
        } else {
            let mut e = old[i].take().expect("once");
            e.cluster = e.cluster.map(|c| new_index_of_old[c]);
            e
        };
        if e.cluster.is_none() {
            e.cluster = Some(doc.entities.len());
        }
        doc.entities.push(e);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use kestrel_core::Pipeline;

    #[test]
    fn pronouns_join_the_person_named_before() {
        let text = "Amina Odhiambo met reporters. She said the talks failed, and her aide agreed. Rain fell. It stopped.";
        let mut doc = Document::new("t", text);
        Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        let tokens = 0..2;
        doc.entities.push(Entity {
            span: Span::new(0, 14),
            sentence: 0,
            tokens,
            kind: EntityKind::Person,
            actor: None,
            cluster: Some(0),
            pronoun: false,
        });
        assert_eq!(link_pronouns(&mut doc), 2);
        let found: Vec<(&str, Option<usize>, bool)> = doc
            .entities
            .iter()
            .map(|e| (&doc.text[e.span.range()], e.cluster, e.pronoun))
            .collect();
        assert_eq!(
            found,
            [
                ("Amina Odhiambo", Some(0), false),
                ("She", Some(0), true),
                ("her", Some(0), true)
            ]
        );
    }
}
