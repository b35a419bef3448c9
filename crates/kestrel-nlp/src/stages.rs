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
        // All the sentences at once: a parser with a neural scorer reads them together.
        let columns: Vec<[Vec<&str>; 4]> = doc
            .sentences
            .iter()
            .map(|sentence| {
                let tokens = &doc.tokens[sentence.tokens.clone()];
                [
                    tokens.iter().map(|t| &doc.text[t.span.range()]).collect(),
                    tokens
                        .iter()
                        .map(|t| t.xpos.as_deref().unwrap_or("NN"))
                        .collect(),
                    tokens
                        .iter()
                        .map(|t| t.upos.as_deref().unwrap_or("X"))
                        .collect(),
                    tokens
                        .iter()
                        .map(|t| t.lemma.as_deref().unwrap_or(""))
                        .collect(),
                ]
            })
            .collect();
        let sentences: Vec<crate::parser::TaggedWords<'_>> = columns
            .iter()
            .map(|[forms, tags, upos, lemmas]| {
                (
                    forms.as_slice(),
                    tags.as_slice(),
                    upos.as_slice(),
                    lemmas.as_slice(),
                )
            })
            .collect();
        let parsed = self.models.parser.parse_tagged_many(&sentences);
        for (s, parsed) in parsed.into_iter().enumerate() {
            let range = doc.sentences[s].tokens.clone();
            for (tok, (head, deprel)) in doc.tokens[range].iter_mut().zip(parsed) {
                tok.head = head.checked_sub(1);
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
        let ner = &self.ner;
        names_of_businesses(
            doc,
            |w| ner.opens_a_persons_name(w),
            |words| ner.names_a_country(words),
        );
        surnames_of_people_named_before(
            doc,
            |w| ner.opens_a_persons_name(w),
            |words| ner.names_a_country(words),
        );
        surnames_the_recogniser_missed(doc, |words| ner.names_a_country(words));
        acronyms_defined_in_the_story(doc);
    }
}

/// "The Halden Water Authority (HWA) ... the HWA would be sued": the recogniser reads one
/// sentence at a time and may miss an acronym in one sentence that a story defined in
/// another. An acronym (two capitals or more) in brackets right after an organisation's or a
/// place's name of two words or more is that name's, and wherever else it stands outside every
/// mention it is a mention of the same type. Not inside a run of capitalised words ("HWA
/// Holdings"), and not an acronym the story defines for names of two types. Acronyms the
/// recogniser found without a definition are not spread: they are as often a technology's
/// ("RFID", "IPTV") as a body's.
fn acronyms_defined_in_the_story(doc: &mut Document) {
    use kestrel_core::EntityKind;
    let word_at = |k: usize| &doc.text[doc.tokens[k].span.range()];
    let mut acronyms: Vec<(&str, EntityKind)> = Vec::new();
    let mut two_ways: Vec<&str> = Vec::new();
    for e in &doc.entities {
        if !matches!(e.kind, EntityKind::Org | EntityKind::Gpe | EntityKind::Loc)
            || e.mention != kestrel_core::MentionKind::Name
            || e.tokens.len() < 2
        {
            continue;
        }
        let end = e.tokens.end;
        if end + 3 > doc.sentences[e.sentence].tokens.end
            || word_at(end) != "("
            || word_at(end + 2) != ")"
        {
            continue;
        }
        let acronym = word_at(end + 1);
        if acronym.len() < 2 || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        match acronyms.iter().find(|(a, _)| *a == acronym) {
            Some((_, kind)) if *kind != e.kind => two_ways.push(acronym),
            Some(_) => {}
            None => acronyms.push((acronym, e.kind)),
        }
    }
    acronyms.retain(|(a, _)| !two_ways.contains(a));
    if acronyms.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for e in &doc.entities {
        covered[e.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let capitalised = |k: usize| word_at(k).starts_with(char::is_uppercase);
    let mut added = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        for t in range.clone() {
            // A sentence's first word is capitalised whatever it is.
            let inside_a_name =
                t > range.start && capitalised(t - 1) || t + 1 < range.end && capitalised(t + 1);
            if covered[t] || inside_a_name {
                continue;
            }
            let found = acronyms.iter().find(|(a, _)| word_at(t) == *a);
            if let Some(&(_, kind)) = found {
                added.push(one_word_name(doc, s, t, kind));
            }
        }
    }
    add_mentions(doc, added);
}

/// A name's mention of one word, token `t` of sentence `s`.
fn one_word_name(
    doc: &Document,
    s: usize,
    t: usize,
    kind: kestrel_core::EntityKind,
) -> kestrel_core::Entity {
    kestrel_core::Entity {
        span: doc.tokens[t].span,
        sentence: s,
        tokens: t..t + 1,
        kind,
        actor: None,
        cluster: None,
        mention: kestrel_core::MentionKind::Name,
    }
}

/// Adds mentions a pass found to the document's, keeping them in text order.
fn add_mentions(doc: &mut Document, added: Vec<kestrel_core::Entity>) {
    if added.is_empty() {
        return;
    }
    doc.entities.extend(added);
    doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
}

/// "Ana Ruiz met the envoy. Ruiz later said ...": the recogniser reads one sentence at a time
/// and may miss a surname standing alone, most often where it opens a sentence. A proper noun
/// outside every mention that is the last word of a person's name given in full earlier in
/// the document (two or three capitalised words) is a mention of that person (a word tagged
/// otherwise counts when the parse makes it a subject), unless a
/// capitalised word stands right before or after it in its sentence (it is then part of
/// another name: "Ruiz Holdings"), it names a month, a day or a country, or it follows an
/// article ("the Ruiz case" is read as the person too often to risk).
fn surnames_the_recogniser_missed(doc: &mut Document, names_a_country: impl Fn(&[&str]) -> bool) {
    use kestrel_core::EntityKind;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // (surname, first token of the full name)
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for e in &doc.entities {
        if e.kind != EntityKind::Person || !(2..=3).contains(&e.tokens.len()) {
            continue;
        }
        let words: Vec<&str> = doc.tokens[e.tokens.clone()]
            .iter()
            .map(|t| &doc.text[t.span.range()])
            .collect();
        let last = words[words.len() - 1];
        if words
            .iter()
            .all(|w| capitalised(w) && w.chars().all(char::is_alphabetic) || w.contains('-'))
            && last.chars().count() >= 3
            && !surnames.iter().any(|(s, _)| s == last)
        {
            surnames.push((last.to_string(), e.tokens.start));
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for e in &doc.entities {
        covered[e.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            let word = &doc.text[doc.tokens[t].span.range()];
            let named_before = surnames.iter().any(|(name, at)| name == word && *at < t);
            // A proper noun, or the subject of its clause: opening a sentence, a surname may be
            // tagged as something else ("Velling" as a verb's -ing form).
            let proper = matches!(doc.tokens[t].xpos.as_deref(), Some("NNP" | "NNPS"))
                || doc.tokens[t]
                    .deprel
                    .as_deref()
                    .is_some_and(|d| d.starts_with("nsubj"));
            if covered[t]
                || !named_before
                || !proper
                || crate::ner::is_day_or_month(word)
                || names_a_country(&[word])
            {
                continue;
            }
            let word_at = |k: usize| &doc.text[doc.tokens[k].span.range()];
            let before = (t > sentence.tokens.start).then(|| word_at(t - 1));
            let after = (t + 1 < sentence.tokens.end).then(|| word_at(t + 1));
            if before.is_some_and(|w| capitalised(w) || matches!(w, "the" | "a" | "an"))
                || after.is_some_and(capitalised)
            {
                continue;
            }
            added.push(one_word_name(doc, s, t, EntityKind::Person));
        }
    }
    add_mentions(doc, added);
}

/// "The publisher Zendra ... Zendra's sales": a name that a business noun stands before
/// somewhere in the document (so that the recogniser made it an organisation's) is the
/// business's wherever else it stands alone, as a story uses a name in one sense. Not a
/// country's name, nor a person's name that opens with a given name or an honorific.
fn names_of_businesses(
    doc: &mut Document,
    opens_a_persons_name: impl Fn(&str) -> bool,
    names_a_country: impl Fn(&[&str]) -> bool,
) {
    use kestrel_core::EntityKind;
    let name_words = |doc: &Document, e: &kestrel_core::Entity| -> Vec<String> {
        doc.tokens[e.tokens.clone()]
            .iter()
            .map(|t| doc.text[t.span.range()].to_string())
            .filter(|w| !matches!(w.as_str(), "'s" | "\u{2019}s"))
            .collect()
    };
    let mut businesses: Vec<Vec<String>> = Vec::new();
    for e in &doc.entities {
        if e.kind != EntityKind::Org || e.tokens.start == 0 {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence) else {
            continue;
        };
        if e.tokens.start <= sentence.tokens.start {
            continue;
        }
        // The noun and the two words before it, all that `business_noun` reads.
        let from = sentence.tokens.start.max(e.tokens.start.saturating_sub(3));
        let words: Vec<&str> = doc.tokens[from..e.tokens.start]
            .iter()
            .map(|t| &doc.text[t.span.range()])
            .collect();
        let tag = doc.tokens[e.tokens.start - 1].xpos.as_deref();
        if kestrel_actors::business_noun(&words, words.len() - 1, tag).is_some() {
            let name = name_words(doc, e);
            if !businesses.contains(&name) {
                businesses.push(name);
            }
        }
    }
    if businesses.is_empty() {
        return;
    }
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        let name = name_words(doc, e);
        let words: Vec<&str> = name.iter().map(String::as_str).collect();
        let retypes = match e.kind {
            EntityKind::Person => words.first().is_some_and(|w| !opens_a_persons_name(w)),
            EntityKind::Gpe | EntityKind::Loc => !names_a_country(&words),
            _ => false,
        };
        if retypes && businesses.contains(&name) {
            doc.entities[i].kind = EntityKind::Org;
        }
    }
}

/// Prepositions after which a name is a place's ("in Dallas", "near Murray", "San Felipe de
/// Austin"). Not "to", "from", "for" or "of", which stand as often before people ("assistant
/// to Ferguson").
const BEFORE_A_PLACE: &[&str] = &[
    "in",
    "at",
    "into",
    "near",
    "outside",
    "inside",
    "around",
    "throughout",
    "across",
    "within",
    "via",
    "toward",
    "towards",
    "de",
    "del",
    "di",
    "da",
    "du",
];

/// "Robert Kilroy-Silk ... Kilroy-Silk said": a later mention that is the surname of a person
/// named in full before it is that person's, whatever type its sentence alone suggested (an
/// organisation, a town), when the full name opens with a given name or an honorific and
/// is written as a name (capitalised words or initials, perhaps hyphenated). Not after a
/// preposition of place or ", of" ("a rally in Dallas", "Tom Dallas, of Dallas"), where the
/// story speaks of the place; and a country's name not after any preposition nor before a
/// noun ("Scotland fans").
fn surnames_of_people_named_before(
    doc: &mut Document,
    opens_a_persons_name: impl Fn(&str) -> bool,
    names_a_country: impl Fn(&[&str]) -> bool,
) {
    fn without_possessive(text: &str) -> &str {
        text.strip_suffix("'s")
            .or_else(|| text.strip_suffix("\u{2019}s"))
            .unwrap_or(text)
    }
    let mut surnames: Vec<String> = Vec::new();
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        let text = without_possessive(&doc.text[e.span.range()]);
        if e.kind == kestrel_core::EntityKind::Person {
            let words: Vec<&str> = text.split_whitespace().collect();
            // Only a name that opens as a person's does: "Progressive Mérida", a person read
            // wrongly, would take the town.
            let written_as_a_name = |w: &&str| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '\u{2019}'))
            };
            // A title the recogniser took in ("Referee Hugh Dallas") goes before the given name.
            let opens = |k: usize| words.len() > k + 1 && opens_a_persons_name(words[k]);
            if let [.., last] = words.as_slice() {
                if (opens(0) || opens(1))
                    && words.iter().all(written_as_a_name)
                    && !surnames.iter().any(|s| s == last)
                {
                    surnames.push(last.to_string());
                }
            }
            continue;
        }
        let retypes = matches!(
            e.kind,
            kestrel_core::EntityKind::Org
                | kestrel_core::EntityKind::Gpe
                | kestrel_core::EntityKind::Loc
        );
        if retypes && surnames.iter().any(|s| s == text) {
            let sentence = doc.sentences[e.sentence].tokens.clone();
            let word = |t: usize| doc.text[doc.tokens[t].span.range()].to_lowercase();
            let tag = |t: usize| doc.tokens[t].xpos.as_deref().unwrap_or("");
            let (first, end) = (e.tokens.start, e.tokens.end);
            let previous = (first > sentence.start).then(|| word(first - 1));
            // "at Versace's house", "into Crawford registration": the preposition governs
            // the noun after the name.
            let possessive = end < sentence.end && matches!(tag(end), "POS")
                || text.len() < doc.text[e.span.range()].len();
            let modifies_a_noun = end < sentence.end && tag(end).starts_with("NN");
            let after_a_preposition_of_place = previous
                .as_deref()
                .is_some_and(|w| BEFORE_A_PLACE.contains(&w))
                || first > sentence.start + 1 && word(first - 1) == "of" && word(first - 2) == ",";
            let after_any_preposition =
                first > sentence.start && doc.tokens[first - 1].upos.as_deref() == Some("ADP");
            let words: Vec<&str> = doc.tokens[e.tokens.clone()]
                .iter()
                .map(|t| &doc.text[t.span.range()])
                .filter(|w| !matches!(*w, "'s" | "\u{2019}s"))
                .collect();
            // A country's name ("Jordan", "Scotland") is the person's only where nothing
            // around it reads as the country ("Scotland fans", "to Jordan").
            let place = if names_a_country(&words) {
                after_any_preposition || modifies_a_noun
            } else {
                after_a_preposition_of_place && !possessive && !modifies_a_noun
            };
            if !place {
                doc.entities[i].kind = kestrel_core::EntityKind::Person;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kestrel_core::{Entity, EntityKind, Pipeline, Span};

    /// A segmented document with these mentions, found in order in the text.
    fn with_mentions(text: &str, mentions: &[(&str, EntityKind)]) -> Document {
        let mut doc = Document::new("t", text);
        Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        let mut from = 0;
        for &(mention, kind) in mentions {
            let start = from + text[from..].find(mention).unwrap();
            let span = Span::new(start, start + mention.len());
            from = span.end;
            let tokens: Vec<usize> = (0..doc.tokens.len())
                .filter(|&t| {
                    doc.tokens[t].span.start >= span.start && doc.tokens[t].span.end <= span.end
                })
                .collect();
            let sentence = doc
                .sentences
                .iter()
                .position(|s| s.tokens.contains(&tokens[0]))
                .unwrap();
            doc.entities.push(Entity {
                span,
                sentence,
                tokens: tokens[0]..tokens[tokens.len() - 1] + 1,
                kind,
                actor: None,
                cluster: None,
                mention: kestrel_core::MentionKind::Name,
            });
        }
        doc
    }

    #[test]
    fn a_later_surname_of_a_person_named_in_full_is_theirs() {
        let text = "Mara Okonkwo-Bell met Jordan Vale. Okonkwo-Bell's party thanked Vale and \
                    Jordan. Progressive Tarn spoke in Tarn.";
        let mut doc = with_mentions(
            text,
            &[
                ("Mara Okonkwo-Bell", EntityKind::Person),
                ("Jordan Vale", EntityKind::Person),
                ("Okonkwo-Bell's", EntityKind::Org),
                ("Vale", EntityKind::Gpe),
                ("Jordan", EntityKind::Gpe),
                ("Progressive Tarn", EntityKind::Person),
                ("Tarn", EntityKind::Gpe),
            ],
        );
        surnames_of_people_named_before(
            &mut doc,
            |w| matches!(w, "Mara" | "Jordan"),
            |words| words == ["Jordan"],
        );
        let kinds: Vec<EntityKind> = doc.entities.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntityKind::Person,
                EntityKind::Person,
                // The surname, with its possessive.
                EntityKind::Person,
                EntityKind::Person,
                // A country's name that is no one's surname stays the country.
                EntityKind::Gpe,
                EntityKind::Person,
                // "Progressive" is no given name: the town stays a town.
                EntityKind::Gpe,
            ]
        );
    }

    #[test]
    fn a_surname_that_names_a_place_is_the_persons_where_nothing_says_place() {
        let text = "Referee Tomas Ireland met Sal Dallas. Ireland said Dallas was right. \
                    Fans flew to Ireland for a rally in Dallas. Ireland fans cheered Ireland's \
                    call, and Kim Dallas, of Dallas, agreed.";
        let mut doc = with_mentions(
            text,
            &[
                // A title the recogniser took in.
                ("Referee Tomas Ireland", EntityKind::Person),
                ("Sal Dallas", EntityKind::Person),
                ("Ireland", EntityKind::Gpe),
                ("Dallas", EntityKind::Gpe),
                ("Ireland", EntityKind::Gpe),
                ("Dallas", EntityKind::Gpe),
                ("Ireland", EntityKind::Gpe),
                ("Ireland's", EntityKind::Gpe),
                ("Kim Dallas", EntityKind::Person),
                ("Dallas", EntityKind::Gpe),
            ],
        );
        for t in 0..doc.tokens.len() {
            let (upos, xpos) = match &doc.text[doc.tokens[t].span.range()] {
                "to" | "in" | "of" => ("ADP", "IN"),
                "fans" => ("NOUN", "NNS"),
                "'s" => ("PART", "POS"),
                _ => ("X", "X"),
            };
            doc.tokens[t].upos = Some(upos.to_string());
            doc.tokens[t].xpos = Some(xpos.to_string());
        }
        surnames_of_people_named_before(
            &mut doc,
            |w| matches!(w, "Tomas" | "Sal" | "Kim"),
            |words| words == ["Ireland"] || words == ["Dallas"],
        );
        let kinds: Vec<EntityKind> = doc.entities.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntityKind::Person,
                EntityKind::Person,
                // Subjects of their clauses: the people.
                EntityKind::Person,
                EntityKind::Person,
                // After a preposition: the places.
                EntityKind::Gpe,
                EntityKind::Gpe,
                // Before a noun: the country; with a possessive ending: the person.
                EntityKind::Gpe,
                EntityKind::Person,
                EntityKind::Person,
                // "Kim Dallas, of Dallas": the city.
                EntityKind::Gpe,
            ]
        );
    }

    #[test]
    fn an_acronym_defined_in_brackets_is_the_name_elsewhere() {
        let text = "The Halden Water Authority (HWA) failed. Later the HWA said it would appeal. \
                    HWA Holdings denied it. The RFID tag and the Kelso Trust (KT) agreed.";
        let mut doc = with_mentions(
            text,
            &[
                ("Halden Water Authority", EntityKind::Org),
                ("RFID", EntityKind::Org),
                ("Kelso Trust", EntityKind::Org),
            ],
        );
        acronyms_defined_in_the_story(&mut doc);
        let found: Vec<(&str, EntityKind)> = doc
            .entities
            .iter()
            .map(|e| (&doc.text[e.span.range()], e.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("Halden Water Authority", EntityKind::Org),
                ("HWA", EntityKind::Org),
                // Elsewhere, but not inside another name ("HWA Holdings").
                ("HWA", EntityKind::Org),
                // An acronym found without a definition stays where it was.
                ("RFID", EntityKind::Org),
                ("Kelso Trust", EntityKind::Org),
                ("KT", EntityKind::Org),
            ]
        );
    }

    #[test]
    fn a_surname_the_recogniser_missed_is_the_persons() {
        let text = "Ana Ruiz met the envoy. Ruiz later backed the Ruiz plan. \
                    Shares in Ruiz Holdings rose, and Lorca spoke.";
        let mut doc = with_mentions(text, &[("Ana Ruiz", EntityKind::Person)]);
        for t in &mut doc.tokens {
            let word = &text[t.span.range()];
            let proper = word.starts_with(char::is_uppercase) && word != "Shares";
            t.xpos = Some(if proper { "NNP" } else { "NN" }.to_string());
        }
        surnames_the_recogniser_missed(&mut doc, |_| false);
        let found: Vec<(&str, EntityKind)> = doc
            .entities
            .iter()
            .map(|e| (&text[e.span.range()], e.kind))
            .collect();
        // Not after an article, not inside another name, not a name given nowhere in full.
        assert_eq!(
            found,
            [
                ("Ana Ruiz", EntityKind::Person),
                ("Ruiz", EntityKind::Person)
            ]
        );
        assert_eq!(doc.entities[1].sentence, 1);
    }

    #[test]
    fn a_name_a_business_noun_stands_before_is_the_business_elsewhere() {
        let text = "The publisher Zorvex grew. Zorvex's sales rose, and Mara Zorvex and \
                    Arvenia spoke. Arvenia fell.";
        let mut doc = with_mentions(
            text,
            &[
                ("Zorvex", EntityKind::Org),
                ("Zorvex's", EntityKind::Person),
                ("Mara Zorvex", EntityKind::Person),
                ("Arvenia", EntityKind::Gpe),
                ("Arvenia", EntityKind::Gpe),
            ],
        );
        for tok in &mut doc.tokens {
            tok.xpos = Some("NN".into());
        }
        names_of_businesses(&mut doc, |w| w == "Mara", |words| words == ["Arvenia"]);
        let kinds: Vec<EntityKind> = doc.entities.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntityKind::Org,
                // The name with its possessive.
                EntityKind::Org,
                // Another name, of a person.
                EntityKind::Person,
                EntityKind::Gpe,
                EntityKind::Gpe,
            ]
        );
        // Without the noun before it the name keeps its type.
        let mut doc = with_mentions(
            "The boss Zorvex grew. Zorvex spoke.",
            &[("Zorvex", EntityKind::Org), ("Zorvex", EntityKind::Person)],
        );
        names_of_businesses(&mut doc, |_| false, |_| false);
        assert_eq!(doc.entities[1].kind, EntityKind::Person);
    }
}
