//! Training sentences made news-like: copies of treebank sentences with a time adjunct put
//! where news writing puts it and web text seldom does.
//!
//! Wire stories date nearly every clause between the subject and its verb ("The council on
//! Tuesday approved ...") or between a verb and its complement ("agreed on Monday that ...",
//! "said yesterday it would ..."). English-EWT, the parser's training data, is mostly web text
//! and has few of these, and a greedy parser that has not seen them tends to hang the verb
//! under a later one or make the date the sentence's root. The copies teach the placement; the
//! rest of each copy's tree is the treebank's own.
//!
//! Wire stories also end a report with who gave it ("..., officials said on Tuesday."), which
//! EWT has 27 times in 12,544 sentences; a parser that has not learned it takes the report's
//! last noun for the subject of "said". Copies of declarative sentences with such an
//! attribution added teach it, annotated as EWT annotates its few: the saying verb the root,
//! the report its `ccomp`, the comma the report's.
//!
//! And news names people with their nationality and office ("Chilean Foreign Minister Ana
//! Ruiz said ..."), which EWT does 64 times; copies of sentences whose subject is a bare name
//! put such a title before it, annotated as EWT annotates its few (the nationality an `amod`
//! of the title, the title's head an `nmod:desc` of the name).

use crate::corpus::{TrainSentence, TrainWord};
use crate::rng::Rng;

/// A time adjunct: words as (form, UPOS, XPOS, relation), the last word its head; `{day}`
/// and `{month}` stand for a weekday and a month chosen with the copy.
type Adjunct = &'static [(&'static str, &'static str, &'static str, &'static str)];

const ADJUNCTS: &[Adjunct] = &[
    &[
        ("on", "ADP", "IN", "case"),
        ("{day}", "PROPN", "NNP", "obl"),
    ],
    // Agency style: "Hamas Monday rejected ...".
    &[("{day}", "PROPN", "NNP", "obl:unmarked")],
    &[("today", "NOUN", "NN", "obl:unmarked")],
    &[("yesterday", "NOUN", "NN", "obl:unmarked")],
    &[
        ("last", "ADJ", "JJ", "amod"),
        ("week", "NOUN", "NN", "obl:unmarked"),
    ],
    &[
        ("this", "DET", "DT", "det"),
        ("week", "NOUN", "NN", "obl:unmarked"),
    ],
    &[
        ("in", "ADP", "IN", "case"),
        ("{month}", "PROPN", "NNP", "obl"),
    ],
];

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Where a copy may take an adjunct: before word `at` (0-based), attached to word `head`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Site {
    at: usize,
    head: usize,
}

/// Adds to `train` the three kinds of news copies of its sentences, in the shares and with
/// the seed `config` gives (see [`news_adjunct_copies`], [`attribution_copies`] and
/// [`title_copies`]), as the parser trains on them.
pub fn add_news_copies(train: &mut Vec<TrainSentence>, config: &crate::parser::ParserConfig) {
    let adjuncts = news_adjunct_copies(train, config.news_adjuncts, config.seed);
    let attributed = attribution_copies(train, config.news_attributions, config.seed);
    let titled = title_copies(train, config.news_titles, config.seed);
    train.extend(adjuncts);
    train.extend(attributed);
    train.extend(titled);
}

/// For each sentence, with probability `share`, one copy with a time adjunct at one of the
/// places news puts it (chosen by `seed`); sentences with no such place are not copied.
pub fn news_adjunct_copies(train: &[TrainSentence], share: f64, seed: u64) -> Vec<TrainSentence> {
    let mut rng = Rng::new(seed);
    let mut copies = Vec::new();
    for sentence in train {
        let sites = sites(&sentence.words);
        // Draw for every sentence, so one sentence's sites do not shift the others' draws.
        let (draw, pick, which, name) = (rng.unit(), rng.next(), rng.next(), rng.next());
        if sites.is_empty() || draw >= share {
            continue;
        }
        let site = sites[(pick % sites.len() as u64) as usize];
        let adjunct = ADJUNCTS[(which % ADJUNCTS.len() as u64) as usize];
        let day = DAYS[(name % 7) as usize];
        let month = MONTHS[(name % 12) as usize];
        copies.push(with_adjunct(sentence, site, adjunct, day, month));
    }
    copies
}

fn is_subject(deprel: &str) -> bool {
    matches!(deprel, "nsubj" | "nsubj:pass")
}

/// The first and last word of the subtree of `node` (0-based).
fn subtree_span(words: &[TrainWord], node: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (node, node);
    for (i, _) in words.iter().enumerate() {
        let mut at = i;
        // Walk up to the root; treebank trees are acyclic, the bound guards bad input.
        for _ in 0..words.len() {
            if at == node {
                lo = lo.min(i);
                hi = hi.max(i);
                break;
            }
            match words[at].head {
                0 => break,
                h => at = h - 1,
            }
        }
    }
    (lo, hi)
}

fn sites(words: &[TrainWord]) -> Vec<Site> {
    let mut out = Vec::new();
    for (v, verb) in words.iter().enumerate() {
        if verb.upos != "VERB" {
            continue;
        }
        let children: Vec<usize> = (0..words.len())
            .filter(|&c| words[c].head == v + 1)
            .collect();
        // Subject, then the verb (after its auxiliaries): "The council [on Tuesday] approved".
        if let Some(&s) = children
            .iter()
            .find(|&&c| c < v && is_subject(&words[c].deprel))
        {
            let (_, end) = subtree_span(words, s);
            let between_are_aux = (end + 1..v).all(|i| {
                words[i].head == v + 1
                    && words[i].deprel.starts_with("aux")
                    && words[i].upos == "AUX"
            });
            if end < v && between_are_aux && words[end].upos != "PUNCT" {
                out.push(Site {
                    at: end + 1,
                    head: v,
                });
            }
        }
        // The verb, then its clausal complement's first word: "agreed [on Monday] that",
        // "said [yesterday] it would".
        for &c in &children {
            if c <= v || !matches!(words[c].deprel.as_str(), "ccomp" | "xcomp") {
                continue;
            }
            let (start, _) = subtree_span(words, c);
            if start == v + 1 && words[start].upos != "PUNCT" {
                out.push(Site { at: start, head: v });
            }
        }
    }
    out
}

/// A word a copy adds; names keep their case in the lemma, as in EWT.
fn added_word(form: &str, upos: &str, xpos: &str, head: usize, deprel: &str) -> TrainWord {
    let lemma = if matches!(upos, "PROPN" | "ADJ") && form.starts_with(char::is_uppercase) {
        form.to_string()
    } else {
        form.to_lowercase()
    };
    TrainWord {
        form: form.to_string(),
        lemma,
        upos: upos.to_string(),
        xpos: xpos.to_string(),
        feats: "_".to_string(),
        head,
        deprel: deprel.to_string(),
    }
}

fn with_adjunct(
    sentence: &TrainSentence,
    site: Site,
    adjunct: Adjunct,
    day: &str,
    month: &str,
) -> TrainSentence {
    let n = adjunct.len();
    let adjunct_head = site.at + n; // 1-based index of the adjunct's last word
    let verb = if site.head >= site.at {
        site.head + n + 1
    } else {
        site.head + 1
    };
    let added = adjunct
        .iter()
        .enumerate()
        .map(|(k, &(form, upos, xpos, deprel))| {
            let form = match form {
                "{day}" => day,
                "{month}" => month,
                _ => form,
            };
            let head = if k + 1 == n { verb } else { adjunct_head };
            added_word(form, upos, xpos, head, deprel)
        })
        .collect();
    spliced(sentence, site.at, added)
}

/// The sentence with `added` put before word `at` (0-based); the added words' heads are
/// already in the new numbering, the sentence's own are moved past them.
fn spliced(sentence: &TrainSentence, at: usize, added: Vec<TrainWord>) -> TrainSentence {
    let n = added.len();
    let mut words: Vec<TrainWord> = sentence
        .words
        .iter()
        .map(|w| TrainWord {
            head: if w.head > at { w.head + n } else { w.head },
            ..w.clone()
        })
        .collect();
    words.splice(at..at, added);
    TrainSentence { words }
}

/// Who gave a report: words as for [`Adjunct`], the saying verb marked `root`; its subject
/// and object hang on it.
const ATTRIBUTIONS: &[Adjunct] = &[
    &[
        ("officials", "NOUN", "NNS", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("a", "DET", "DT", "det"),
        ("spokesman", "NOUN", "NN", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("the", "DET", "DT", "det"),
        ("ministry", "NOUN", "NN", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("police", "NOUN", "NNS", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("he", "PRON", "PRP", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("the", "DET", "DT", "det"),
        ("agency", "NOUN", "NN", "nsubj"),
        ("reported", "VERB", "VBD", "root"),
    ],
    &[
        ("state", "NOUN", "NN", "compound"),
        ("media", "NOUN", "NNS", "nsubj"),
        ("reported", "VERB", "VBD", "root"),
    ],
    &[
        ("the", "DET", "DT", "det"),
        ("Kenyan", "ADJ", "JJ", "amod"),
        ("government", "NOUN", "NN", "nsubj"),
        ("said", "VERB", "VBD", "root"),
    ],
    &[
        ("residents", "NOUN", "NNS", "nsubj"),
        ("told", "VERB", "VBD", "root"),
        ("reporters", "NOUN", "NNS", "obj"),
    ],
];

/// For each declarative sentence whose root (a verb, or a predicate noun or adjective) has a
/// subject, with probability
/// `share`, one copy that ends with an attribution and, half the time, its day
/// ("..., the ministry said on Tuesday.").
pub fn attribution_copies(train: &[TrainSentence], share: f64, seed: u64) -> Vec<TrainSentence> {
    let mut rng = Rng::new(seed ^ 0xa77b);
    let mut copies = Vec::new();
    for sentence in train {
        let (draw, which, when, name) = (rng.unit(), rng.next(), rng.next(), rng.next());
        if draw >= share || !reports_alone(&sentence.words) {
            continue;
        }
        let attribution = ATTRIBUTIONS[(which % ATTRIBUTIONS.len() as u64) as usize];
        // Half with no day; the rest "on Tuesday", "Tuesday" or "yesterday".
        let day = DAYS[(name % 7) as usize];
        let time: Adjunct = match when % 6 {
            0 => ADJUNCTS[0],
            1 => ADJUNCTS[1],
            2 => ADJUNCTS[3],
            _ => &[],
        };
        copies.push(with_attribution(sentence, attribution, time, day));
    }
    copies
}

/// A sentence that is one report: its root a verb or predicate with a subject, its last word the full
/// stop hung on the root.
fn reports_alone(words: &[TrainWord]) -> bool {
    let Some(root) = words.iter().position(|w| w.head == 0) else {
        return false;
    };
    let last = words.len() - 1;
    words.len() >= 4
        && matches!(words[root].upos.as_str(), "VERB" | "ADJ" | "NOUN" | "PROPN")
        && words[last].form == "."
        && words[last].head == root + 1
        && words
            .iter()
            .any(|w| w.head == root + 1 && is_subject(&w.deprel))
        && !words
            .iter()
            .any(|w| w.head == root + 1 && w.deprel == "parataxis")
}

fn with_attribution(
    sentence: &TrainSentence,
    attribution: Adjunct,
    time: Adjunct,
    day: &str,
) -> TrainSentence {
    let words = &sentence.words;
    let root = words.iter().position(|w| w.head == 0).expect("a root");
    let kept = words.len() - 1; // the full stop goes to the end of the attribution
    let verb_at = kept
        + 1
        + attribution
            .iter()
            .position(|a| a.3 == "root")
            .expect("a verb");
    let verb = verb_at + 1; // 1-based
    let mut out: Vec<TrainWord> = words[..kept]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == root {
                TrainWord {
                    head: verb,
                    deprel: "ccomp".to_string(),
                    ..w.clone()
                }
            } else {
                w.clone()
            }
        })
        .collect();
    out.push(added_word(",", "PUNCT", ",", root + 1, "punct"));
    for (k, &(form, upos, xpos, deprel)) in attribution.iter().enumerate() {
        let (head, deprel) = match deprel {
            "root" => (0, "root"),
            // A determiner or modifier hangs on the noun after it.
            "det" | "compound" | "amod" => {
                let noun = k + attribution[k..]
                    .iter()
                    .position(|a| matches!(a.3, "nsubj" | "obj"))
                    .expect("a noun after its modifier");
                (kept + 1 + noun + 1, deprel)
            }
            _ => (verb, deprel),
        };
        out.push(added_word(form, upos, xpos, head, deprel));
    }
    let start = out.len();
    for (k, &(form, upos, xpos, deprel)) in time.iter().enumerate() {
        let last = k + 1 == time.len();
        let form = if form == "{day}" { day } else { form };
        let head = if last { verb } else { start + time.len() };
        out.push(added_word(form, upos, xpos, head, deprel));
    }
    out.push(added_word(".", "PUNCT", ".", verb, "punct"));
    TrainSentence { words: out }
}

const NATIONALITIES: [&str; 16] = [
    "Kenyan",
    "Polish",
    "Chilean",
    "Thai",
    "Ghanaian",
    "Slovenian",
    "Peruvian",
    "Tunisian",
    "Russian",
    "French",
    "Chinese",
    "Turkish",
    "Brazilian",
    "Iranian",
    "Ukrainian",
    "Nigerian",
];

const TITLES: [&[&str]; 8] = [
    &["President"],
    &["Prime", "Minister"],
    &["Foreign", "Minister"],
    &["Defence", "Minister"],
    &["Interior", "Minister"],
    &["Finance", "Minister"],
    &["General"],
    &["Ambassador"],
];

/// For each sentence whose verb has a bare name for its subject, with probability `share`,
/// one copy with a nationality and an office before the name ("Chilean Foreign Minister Ana
/// Ruiz said ...").
pub fn title_copies(train: &[TrainSentence], share: f64, seed: u64) -> Vec<TrainSentence> {
    let mut rng = Rng::new(seed ^ 0x717e);
    let mut copies = Vec::new();
    for sentence in train {
        let (draw, pick, nationality, title) = (rng.unit(), rng.next(), rng.next(), rng.next());
        let sites = bare_named_subjects(&sentence.words);
        if sites.is_empty() || draw >= share {
            continue;
        }
        let at = sites[(pick % sites.len() as u64) as usize];
        let nationality = NATIONALITIES[(nationality % NATIONALITIES.len() as u64) as usize];
        let title = TITLES[(title % TITLES.len() as u64) as usize];
        copies.push(with_title(sentence, at, nationality, title));
    }
    copies
}

/// Names (a proper noun with only `flat` parts after it) that are the subject of a verb and
/// that nothing nominal precedes ("the Smith report" is no place for a title).
fn bare_named_subjects(words: &[TrainWord]) -> Vec<usize> {
    (0..words.len())
        .filter(|&i| {
            let w = &words[i];
            w.upos == "PROPN"
                && is_subject(&w.deprel)
                && w.head > 0
                && words[w.head - 1].upos == "VERB"
                && words
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.head == i + 1)
                    .all(|(k, c)| k > i && c.deprel == "flat")
                && (i == 0
                    || !matches!(
                        words[i - 1].upos.as_str(),
                        "PROPN" | "ADJ" | "DET" | "NOUN" | "PRON" | "NUM"
                    ))
        })
        .collect()
}

fn with_title(
    sentence: &TrainSentence,
    at: usize,
    nationality: &str,
    title: &[&str],
) -> TrainSentence {
    let n = 1 + title.len();
    let title_head = at + n; // 1-based index of the title's last word
    let name = at + n + 1;
    let mut added = vec![added_word(nationality, "ADJ", "JJ", title_head, "amod")];
    for (k, t) in title.iter().enumerate() {
        added.push(if k + 1 == title.len() {
            added_word(t, "PROPN", "NNP", name, "nmod:desc")
        } else {
            added_word(t, "PROPN", "NNP", title_head, "compound")
        });
    }
    spliced(sentence, at, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::corpus::sentence_of_rows as sentence;

    fn expected(rows: &[(&str, usize, &str)]) -> Vec<(String, usize, String)> {
        rows.iter()
            .map(|&(f, h, d)| (f.to_string(), h, d.to_string()))
            .collect()
    }

    fn rows(s: &TrainSentence) -> Vec<(String, usize, String)> {
        s.words
            .iter()
            .map(|w| (w.form.clone(), w.head, w.deprel.clone()))
            .collect()
    }

    #[test]
    fn adjunct_goes_between_subject_and_verb_with_heads_renumbered() {
        // "The board approved the plan ."
        let s = sentence(&[
            ("The", "DET", 2, "det"),
            ("board", "NOUN", 3, "nsubj"),
            ("approved", "VERB", 0, "root"),
            ("the", "DET", 5, "det"),
            ("plan", "NOUN", 3, "obj"),
            (".", "PUNCT", 3, "punct"),
        ]);
        assert_eq!(sites(&s.words), vec![Site { at: 2, head: 2 }]);
        let copy = with_adjunct(&s, Site { at: 2, head: 2 }, ADJUNCTS[0], "Monday", "May");
        let expected = expected(&[
            ("The", 2, "det"),
            ("board", 5, "nsubj"),
            ("on", 4, "case"),
            ("Monday", 5, "obl"),
            ("approved", 0, "root"),
            ("the", 7, "det"),
            ("plan", 5, "obj"),
            (".", 5, "punct"),
        ]);
        assert_eq!(rows(&copy), expected);
    }

    #[test]
    fn adjunct_goes_before_a_complement_and_after_auxiliaries_only_when_adjacent() {
        // "Officials have agreed that talks resume ."
        let s = sentence(&[
            ("Officials", "NOUN", 3, "nsubj"),
            ("have", "AUX", 3, "aux"),
            ("agreed", "VERB", 0, "root"),
            ("that", "SCONJ", 6, "mark"),
            ("talks", "NOUN", 6, "nsubj"),
            ("resume", "VERB", 3, "ccomp"),
            (".", "PUNCT", 3, "punct"),
        ]);
        let found = sites(&s.words);
        // After the subject (before the auxiliary), and before "that"; "resume"'s subject
        // "talks" is right before it too.
        assert!(found.contains(&Site { at: 1, head: 2 }));
        assert!(found.contains(&Site { at: 3, head: 2 }));
        assert!(found.contains(&Site { at: 5, head: 5 }));
        let copy = with_adjunct(&s, Site { at: 3, head: 2 }, ADJUNCTS[3], "Monday", "May");
        assert_eq!(copy.words[3].form, "yesterday");
        assert_eq!(copy.words[3].head, 3);
        assert_eq!(copy.words[4].head, 7, "the mark still hangs on its verb");
        assert_eq!(
            copy.words[6].head, 3,
            "the complement still hangs on agreed"
        );
    }

    #[test]
    fn copies_are_reproducible_and_share_bounded() {
        let s = sentence(&[
            ("Ministers", "NOUN", 2, "nsubj"),
            ("met", "VERB", 0, "root"),
            (".", "PUNCT", 2, "punct"),
        ]);
        let train = vec![s; 200];
        let a = news_adjunct_copies(&train, 0.5, 7);
        assert_eq!(a, news_adjunct_copies(&train, 0.5, 7));
        assert!((60..140).contains(&a.len()), "{} copies", a.len());
        assert!(news_adjunct_copies(&train, 0.0, 7).is_empty());
    }

    #[test]
    fn an_attribution_makes_the_report_a_complement_of_the_saying_verb() {
        // "Rebels took the town ."
        let s = sentence(&[
            ("Rebels", "NOUN", 2, "nsubj"),
            ("took", "VERB", 0, "root"),
            ("the", "DET", 4, "det"),
            ("town", "NOUN", 2, "obj"),
            (".", "PUNCT", 2, "punct"),
        ]);
        assert!(reports_alone(&s.words));
        let copy = with_attribution(&s, ATTRIBUTIONS[7], ADJUNCTS[0], "Friday");
        let expected = expected(&[
            ("Rebels", 2, "nsubj"),
            ("took", 9, "ccomp"),
            ("the", 4, "det"),
            ("town", 2, "obj"),
            (",", 2, "punct"),
            ("the", 8, "det"),
            ("Kenyan", 8, "amod"),
            ("government", 9, "nsubj"),
            ("said", 0, "root"),
            ("on", 11, "case"),
            ("Friday", 9, "obl"),
            (".", 9, "punct"),
        ]);
        assert_eq!(rows(&copy), expected);
        let bare = with_attribution(&s, ATTRIBUTIONS[0], &[], "Friday");
        assert_eq!(bare.words.len(), 8);
        assert_eq!(bare.words[5].head, 7, "officials -> said");
        assert_eq!(bare.words[6].head, 0);
    }

    #[test]
    fn a_question_or_a_verbless_sentence_gets_no_attribution() {
        let question = sentence(&[
            ("Who", "PRON", 2, "nsubj"),
            ("took", "VERB", 0, "root"),
            ("it", "PRON", 2, "obj"),
            ("?", "PUNCT", 2, "punct"),
        ]);
        let verbless = sentence(&[
            ("A", "DET", 2, "det"),
            ("town", "NOUN", 0, "root"),
            ("in", "ADP", 4, "case"),
            ("ruins", "NOUN", 2, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ]);
        assert!(!reports_alone(&question.words));
        assert!(!reports_alone(&verbless.words));
        assert!(attribution_copies(&[question, verbless], 1.0, 3).is_empty());
    }

    #[test]
    fn a_title_goes_before_a_bare_named_subject() {
        // "Then Odhiambo resigned ."
        let s = sentence(&[
            ("Then", "ADV", 3, "advmod"),
            ("Odhiambo", "PROPN", 3, "nsubj"),
            ("resigned", "VERB", 0, "root"),
            (".", "PUNCT", 3, "punct"),
        ]);
        assert_eq!(bare_named_subjects(&s.words), vec![1]);
        let copy = with_title(&s, 1, "Kenyan", &["Foreign", "Minister"]);
        let expected = expected(&[
            ("Then", 6, "advmod"),
            ("Kenyan", 4, "amod"),
            ("Foreign", 4, "compound"),
            ("Minister", 5, "nmod:desc"),
            ("Odhiambo", 6, "nsubj"),
            ("resigned", 0, "root"),
            (".", 6, "punct"),
        ]);
        assert_eq!(rows(&copy), expected);
        // "The Odhiambo report appeared ." has no bare named subject.
        let t = sentence(&[
            ("The", "DET", 3, "det"),
            ("Odhiambo", "PROPN", 3, "compound"),
            ("report", "NOUN", 4, "nsubj"),
            ("appeared", "VERB", 0, "root"),
            (".", "PUNCT", 4, "punct"),
        ]);
        assert!(bare_named_subjects(&t.words).is_empty());
    }
}
