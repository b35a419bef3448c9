//! Businesses described by the text: "the Ruritanian oil giant Zendra", "Kostova's biggest
//! carmaker, Velox," and "Velox, the Arvenian broadcaster," give an organisation the
//! dictionary does not know a country and a sector (BUS, or JRN for the media), as roles do
//! for people (see [`crate::read_roles`]).
//!
//! The pattern is a country's mention (a name or nationality that resolves to a country), an
//! optional possessive, up to four lower-case words ("oil", "biggest", "state", "-",
//! "owned"), a business noun ([`crate::business_noun`]) and the name; or the name, a comma and
//! the same phrase, closed by a comma or the sentence's end.

use kestrel_core::{ActorCode, ActorSource, Document, EntityKind};

use crate::{business_noun, is_country_code, is_state_code};

/// Lower-case words that may stand between a country and the business noun.
const MAX_WORDS_BETWEEN: usize = 4;

/// Gives organisations that the dictionary does not know the country and sector that a
/// business description beside their name states. Returns how many got one.
pub fn read_business_descriptions(doc: &mut Document) -> usize {
    let n_tokens = doc.tokens.len();
    let mut entity_at = vec![None; n_tokens];
    for (i, e) in doc.entities.iter().enumerate() {
        for t in e.tokens.clone().filter(|&t| t < n_tokens) {
            entity_at[t] = Some(i);
        }
    }
    let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
    let tag = |t: usize| doc.tokens[t].xpos.as_deref();
    let country_of = |i: usize| -> Option<String> {
        let e = &doc.entities[i];
        let actor = e.actor.as_ref()?;
        (matches!(e.kind, EntityKind::Gpe | EntityKind::Norp) && is_country_code(actor))
            .then(|| actor.code.clone())
    };
    // The country and the sector of a description whose business noun is token `noun` of a
    // sentence starting at `first`: the country's mention ends before the noun's modifiers.
    let described = |first: usize, noun: usize| -> Option<(String, &'static str)> {
        let words: Vec<&str> = (first..=noun).map(word).collect();
        let sector = business_noun(&words, words.len() - 1, tag(noun))??;
        let mut k = noun;
        let mut between = 0;
        while k > first {
            let w = word(k - 1);
            if let Some(i) = entity_at[k - 1] {
                // "The Paris-based bank": a city the business is based in gives its country.
                let based_in = k < noun
                    && word(k) == "-"
                    && word(k + 1) == "based"
                    && matches!(doc.entities[i].kind, EntityKind::Gpe | EntityKind::Loc);
                let code = match &doc.entities[i].actor {
                    Some(a) if based_in && is_state_code(&a.code) => a.code.clone(),
                    _ => country_of(i)?,
                };
                return Some((code, sector));
            }
            let modifier = w == "-"
                || w == "'s"
                || w == "\u{2019}s"
                || (w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !matches!(w, "the" | "a" | "an" | "of" | "and" | "or" | "to" | "by"));
            if !modifier || between == MAX_WORDS_BETWEEN {
                return None;
            }
            if w != "-" && w != "'s" && w != "\u{2019}s" {
                between += 1;
            }
            k -= 1;
        }
        None
    };
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Org
            || e.actor.is_some()
            || e.mention != kestrel_core::MentionKind::Name
        {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence).map(|s| s.tokens.clone()) else {
            continue;
        };
        let (start, end) = (e.tokens.start, e.tokens.end);
        let closes = |k: usize| k >= sentence.end || matches!(word(k), "," | "." | ";" | ")");
        // Before, next to the name: "the Ruritanian oil giant Zendra".
        let before = (start > sentence.start)
            .then(|| described(sentence.start, start - 1))
            .flatten();
        // Before, across a comma, when the name closes the apposition: "Kostova's biggest
        // carmaker, Velox,".
        let apposed_before = || {
            let comma = start.checked_sub(1).filter(|&c| c > sentence.start)?;
            (word(comma) == "," && closes(end))
                .then(|| described(sentence.start, comma - 1))
                .flatten()
        };
        // After: "Velox, the Arvenian broadcaster," — the description's noun closes it.
        let apposed_after = || {
            if end >= sentence.end || word(end) != "," {
                return None;
            }
            let noun = (end + 1..sentence.end.min(end + 3 + 2 * MAX_WORDS_BETWEEN))
                .find(|&k| closes(k + 1) && business_noun(&[word(k)], 0, tag(k)).is_some())?;
            described(end + 1, noun)
        };
        let Some((code, sector)) = before.or_else(apposed_before).or_else(apposed_after) else {
            continue;
        };
        found.push((
            i,
            ActorCode {
                code,
                sector: Some(sector.to_string()),
                name: doc.text[e.span.range()].to_string(),
                source: ActorSource::Text,
            },
        ));
    }
    let n = found.len();
    for (i, actor) in found {
        doc.entities[i].actor = Some(actor);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::tests::{actor, doc_with};

    #[test]
    fn a_business_takes_the_country_its_description_states() {
        let mut doc = doc_with(
            "The Chilean copper giant Zorvex cut jobs. Talks with Kestamo, Peru's biggest \
             lender, and with Lyra, the Kenyan broadcaster, went on.",
            &[
                ("Chilean", EntityKind::Norp, Some(("CHL", None))),
                ("Zorvex", EntityKind::Org, None),
                ("Kestamo", EntityKind::Org, None),
                ("Peru", EntityKind::Gpe, Some(("PER", None))),
                ("Lyra", EntityKind::Org, None),
                ("Kenyan", EntityKind::Norp, Some(("KEN", None))),
            ],
        );
        assert_eq!(read_business_descriptions(&mut doc), 3);
        assert_eq!(actor(&doc, 1), ("CHL".into(), Some("BUS".into()), "text"));
        assert_eq!(actor(&doc, 2), ("PER".into(), Some("BUS".into()), "text"));
        assert_eq!(actor(&doc, 4), ("KEN".into(), Some("JRN".into()), "text"));
    }

    #[test]
    fn a_business_across_a_comma_before_its_name() {
        let mut doc = doc_with(
            "Chile's largest carmaker, Zorvex, said so.",
            &[
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
                ("Zorvex", EntityKind::Org, None),
            ],
        );
        assert_eq!(read_business_descriptions(&mut doc), 1);
        assert_eq!(actor(&doc, 1).0, "CHL");
    }

    #[test]
    fn a_business_based_in_a_city_is_of_its_country() {
        let mut doc = doc_with(
            "The Santiago - based lender Zorvex grew.",
            &[
                ("Santiago", EntityKind::Gpe, Some(("CHL", Some("GOV")))),
                ("Zorvex", EntityKind::Org, None),
            ],
        );
        assert_eq!(read_business_descriptions(&mut doc), 1);
        assert_eq!(actor(&doc, 1), ("CHL".into(), Some("BUS".into()), "text"));
    }

    #[test]
    fn no_business_without_a_country_a_business_noun_or_where_the_dictionary_knows_it() {
        let mut doc = doc_with(
            // No country; a pressure group is no business; a film-maker is a person's trade;
            // the dictionary's code stands; a city is no country (unless the business is based
            // there, below).
            "The oil firm Zorvex met the Chilean pressure group Kestamo, the Chilean film - \
             maker Lyra, the Chilean bank Banco Norte and the Santiago firm Orvo.",
            &[
                ("Zorvex", EntityKind::Org, None),
                ("Chilean", EntityKind::Norp, Some(("CHL", None))),
                ("Kestamo", EntityKind::Org, None),
                ("Chilean", EntityKind::Norp, Some(("CHL", None))),
                ("Lyra", EntityKind::Org, None),
                ("Chilean", EntityKind::Norp, Some(("CHL", None))),
                (
                    "Banco Norte",
                    EntityKind::Org,
                    Some(("MNCCHL", Some("MNC"))),
                ),
                ("Santiago", EntityKind::Gpe, Some(("CHL", Some("GOV")))),
                ("Orvo", EntityKind::Org, None),
            ],
        );
        assert_eq!(read_business_descriptions(&mut doc), 0);
        assert_eq!(actor(&doc, 6).0, "MNCCHL");
    }
}
