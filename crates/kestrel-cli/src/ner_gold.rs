//! Named entities read from a treebank's `Entity=` marks (UD English-GUM), so that
//! `kestrel eval ner` can score the recogniser on GUM's genres (news, biographies, travel
//! guides, ...) as well as on UniversalNER's files.
//!
//! GUM marks every mention of an entity, named or not, with one of eleven types. A mention is
//! taken as a name when its head word (the first word whose head lies outside the mention) is a
//! capitalised proper noun. Its span is the run of capitalised words around the head, joined
//! across "of", "and", "&", "for" and the like, within the mention, less an opening "The" and,
//! for a person, the titles before the name ("Dr.", "Emperor"), as UniversalNER marks names.
//! Persons are PER, organisations ORG and places LOC; other types are left out, as are
//! mentions that cross a sentence's end. Where names overlap, the longer one is kept.

use kestrel_nlp::ner::NerSentence;

/// Words that join capitalised words inside one name ("Bank of England", "Marks & Spencer").
const JOINERS: &[&str] = &[
    "of", "and", "&", "for", "de", "du", "der", "la", "von", "van",
];

/// Titles and forms of address that UniversalNER leaves outside a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "emperor",
    "empress",
    "prince",
    "princess",
    "president",
    "pope",
    "saint",
    "st",
    "general",
    "gen",
    "colonel",
    "captain",
    "capt",
    "lieutenant",
    "sergeant",
    "admiral",
    "commander",
    "senator",
    "sen",
    "governor",
    "gov",
    "judge",
    "justice",
    "mayor",
    "minister",
    "chancellor",
    "premier",
    "secretary",
    "ambassador",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "father",
    "reverend",
    "rev",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "count",
    "countess",
    "baron",
    "duke",
    "earl",
    "chief",
    "coach",
    "officer",
    "detective",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "vice",
    "deputy",
];

struct Word {
    form: String,
    upos: String,
    /// Whether FEATS says plural.
    plural: bool,
    deprel: String,
    /// The head's index in the sentence, `None` for the root.
    head: Option<usize>,
}

fn capitalised(form: &str) -> bool {
    form.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn ner_type(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        _ => None,
    }
}

/// The name a mention of words `first..=last` holds, as a word range and type, if it is one.
fn name_in(
    words: &[Word],
    first: usize,
    last: usize,
    kind: &str,
) -> Option<(usize, usize, &'static str)> {
    let ty = ner_type(kind)?;
    let inside = |k: usize| (first..=last).contains(&k);
    let head = (first..=last).find(|&k| !words[k].head.is_some_and(inside))?;
    if words[head].upos != "PROPN" || !capitalised(&words[head].form) {
        return None;
    }
    // "the Rohingya", "Muslims": a people or a group, which UniversalNER leaves out.
    if ty == "PER" && words[head].plural {
        return None;
    }
    // A mention of several people ("Ama Owusu and Kofi Mensah") is no one name; its members
    // are mentions of their own.
    let coordinated =
        (first..=last).any(|k| words[k].deprel == "conj" && words[k].head == Some(head));
    if coordinated {
        return None;
    }
    // "and" stands inside the names of places and bodies ("Trinidad and Tobago"), not of people.
    let is_joiner = |k: usize| {
        let w = words[k].form.as_str();
        JOINERS.contains(&w) && !(ty == "PER" && w == "and")
    };
    // Capitalised function words ("This Senate", "Our Lady") open sentences and titles, not
    // names.
    let name_word = |k: usize| {
        capitalised(&words[k].form)
            && !matches!(
                words[k].upos.as_str(),
                "PUNCT" | "DET" | "PRON" | "ADP" | "CCONJ" | "SCONJ" | "AUX" | "PART"
            )
    };
    let (mut l, mut r) = (head, head);
    loop {
        if l > first && name_word(l - 1) {
            l -= 1;
        } else if l > first + 1 && is_joiner(l - 1) && words[l - 2].upos == "PROPN" {
            l -= 2;
        } else {
            break;
        }
    }
    loop {
        if r < last && name_word(r + 1) {
            r += 1;
        } else if r + 1 < last && is_joiner(r + 1) && name_word(r + 2) {
            r += 2;
        } else {
            break;
        }
    }
    let is_title =
        |k: usize| TITLES.contains(&words[k].form.trim_end_matches('.').to_lowercase().as_str());
    if ty == "PER" {
        // "US President Ama Owusu": the name starts after the last title before its head.
        if let Some(t) = (l..head).rev().find(|&k| is_title(k)) {
            l = t + 1;
        }
        while l <= r && is_title(l) {
            l += 1;
        }
    }
    while l <= r && (matches!(words[l].form.as_str(), "The" | "the") || is_joiner(l)) {
        l += 1;
    }
    (l <= r && (l..=r).any(|k| words[k].upos == "PROPN")).then_some((l, r + 1, ty))
}

fn labelled(words: &[Word], mentions: &[(usize, usize, String)]) -> NerSentence {
    let mut names: Vec<(usize, usize, &str)> = mentions
        .iter()
        .filter_map(|(first, last, kind)| name_in(words, *first, *last, kind))
        .collect();
    names.sort_by_key(|&(l, r, _)| (std::cmp::Reverse(r - l), l));
    let mut labels = vec!["O".to_string(); words.len()];
    for (l, r, ty) in names {
        if labels[l..r].iter().any(|x| x != "O") {
            continue;
        }
        for (k, label) in labels[l..r].iter_mut().enumerate() {
            *label = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
        }
    }
    NerSentence {
        words: words.iter().map(|w| w.form.clone()).collect(),
        labels,
    }
}

/// The genre of a GUM document, from its id (`GUM_news_iodine` is news); the whole id for
/// other treebanks' documents.
pub fn genre(document: &str) -> &str {
    match document.strip_prefix("GUM_") {
        Some(rest) => rest.split('_').next().unwrap_or(rest),
        None => document,
    }
}

/// The sentences of a CoNLL-U file with `Entity=` marks, labelled with the names their
/// mentions hold, each with the id of its document (`# newdoc id = ...`; empty before the
/// first).
pub fn named_entity_sentences(content: &str) -> Vec<(String, NerSentence)> {
    let mut out = Vec::new();
    let mut document = String::new();
    let mut words: Vec<Word> = Vec::new();
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut flush =
        |document: &str, words: &mut Vec<Word>, mentions: &mut Vec<(usize, usize, String)>| {
            if !words.is_empty() {
                out.push((document.to_string(), labelled(words, mentions)));
            }
            words.clear();
            mentions.clear();
        };
    for line in content.lines() {
        if line.trim().is_empty() {
            flush(&document, &mut words, &mut mentions);
            open.clear();
            continue;
        }
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            document = id.trim().to_string();
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let w = words.len();
        words.push(Word {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            plural: cols[5].split('|').any(|f| f == "Number=Plur"),
            deprel: cols[7].to_string(),
            head: cols[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1)),
        });
        let Some(value) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        mentions.extend(
            crate::coref_eval::mentions_ending_at(value, w, &mut open)
                .into_iter()
                .map(|m| (m.first, m.last, m.kind)),
        );
    }
    flush(&document, &mut words, &mut mentions);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans((_, s): &(String, NerSentence)) -> Vec<(String, String)> {
        kestrel_nlp::ner::iob2_spans(&s.labels)
            .into_iter()
            .map(|(a, b, t)| (t, s.words[a..b].join(" ")))
            .collect()
    }

    /// Our own sentence: "Dr. Ama Owusu of the Kumasi Water Board visited Port Elara ."
    const SENTENCE: &str = "\
# newdoc id = GUM_news_made_up
1\tDr.\tDr.\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-1-coref
2\tAma\tAma\tPROPN\tNNP\t_\t3\tflat\t_\t_
3\tOwusu\tOwusu\tPROPN\tNNP\t_\t9\tnsubj\t_\t_
4\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(2-organization-new-x-1-sgl
6\tKumasi\tKumasi\tPROPN\tNNP\t_\t8\tcompound\t_\tEntity=(3-place-new-x-1-sgl)
7\tWater\tWater\tPROPN\tNNP\t_\t8\tcompound\t_\t_
8\tBoard\tBoard\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=2)1)
9\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
10\tthe\tthe\tDET\tDT\t_\t11\tdet\t_\tEntity=(4-abstract-new-x-1-sgl
11\tport\tport\tNOUN\tNN\t_\t9\tobj\t_\tEntity=4)
12\tof\tof\tADP\tIN\t_\t13\tcase\t_\t_
13\tElara\tElara\tPROPN\tNNP\t_\t11\tnmod\t_\tEntity=(5-place-new-x-1-sgl)
14\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-1-coref)
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
";

    #[test]
    fn names_are_read_from_the_mentions_that_hold_them() {
        let sentences = named_entity_sentences(SENTENCE);
        assert_eq!(sentences.len(), 2);
        assert_eq!(genre(&sentences[1].0), "news");
        assert_eq!(
            spans(&sentences[0]),
            vec![
                ("PER".to_string(), "Ama Owusu".to_string()),
                ("ORG".to_string(), "Kumasi Water Board".to_string()),
                ("LOC".to_string(), "Elara".to_string()),
            ]
        );
        // A pronoun is a mention but no name.
        assert!(spans(&sentences[1]).is_empty());
    }
}
