//! Personal pronouns and definite descriptions joined to the people they refer to.
//!
//! A third-person personal pronoun ("he", "his", "she", "her") refers, in news writing, to the
//! person last named in the same sentence before it, or else to the person the previous sentence
//! is about: its subject when the parse says which mention that is, else the person named
//! closest before its main verb, else its first person. We
//! look back two sentences at most. A pronoun never takes a person the text has already given
//! the other gender (by an honorific, "Mr", "Ms", a gendered title, "spokeswoman", or a
//! pronoun joined to them before); gender is never guessed from a name, for want of data and
//! as a wrong guess is worse than none. And an object pronoun is not its own clause's subject
//! ("Ruiz thanked her": "her" is someone else; "herself" and "her" as a possessive may be).
//!
//! A definite description of a person ("the Russian diplomat", "the minister", "the general")
//! refers to the nearest person named earlier whose actor fits it: the country of its
//! nationality word or of "from" and a country after it, when it has one, and the sector of
//! its role noun. Within five sentences, unless it states the country, which makes it specific
//! enough to reach back through the whole story. "The country" and "the nation" refer to the
//! country named before them as "it" does to a country, and "the city", "the town", "the
//! province" and the like to the nearest place named before them, within five sentences, that
//! the gazetteer knows as a place of that kind ([`PlaceKinds`]).

use std::collections::HashMap;

use crate::agent_sector;
use kestrel_core::{Document, Entity, EntityKind, Span};

const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
];

/// How many sentences back a pronoun's antecedent may be.
const LOOK_BACK: usize = 2;
/// The sentences that open a story, where it names the person it is about.
const STORY_OPENING: usize = 3;

/// A person's gender as the text states it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a word right before a name, or leading it, states: an honorific or a gendered
/// title.
fn title_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "emperor" | "sultan" | "emir" | "spokesman"
        | "businessman" | "chairman" | "congressman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" | "empress"
        | "spokeswoman" | "businesswoman" | "chairwoman" | "congresswoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Given names that name one gender (`dictionaries/given_names.tsv`: name, tab, `M` or `F`).
const GIVEN_NAMES: &str = include_str!("../../../dictionaries/given_names.tsv");

/// The gender a given name states, when the list holds it.
fn given_name_gender(word: &str) -> Option<Gender> {
    static NAMES: std::sync::OnceLock<HashMap<&'static str, Gender>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(name, g)| match g.trim() {
                "M" => Some((name, Gender::Male)),
                "F" => Some((name, Gender::Female)),
                _ => None,
            })
            .collect()
    });
    names.get(word).copied()
}

/// The gender the text gives each named person's cluster before any pronoun is read: from an
/// honorific or gendered title just before the mention or at its start, else from the given
/// name that opens a name of two words or more ("Tomas Reyes", "Ana Ruiz"). A title wins over
/// the given name, and a cluster keeps the first gender it is given. Not from the given name
/// when the story names two people of one surname with different given names ("Pierre Roux"
/// and his mother "Marie Roux"): a later "Roux" may have joined either.
fn stated_genders(doc: &Document, names: &[usize]) -> HashMap<usize, Gender> {
    let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
    let mut given_by_surname: HashMap<&str, Vec<&str>> = HashMap::new();
    for &i in names {
        let e = &doc.entities[i];
        if e.tokens.len() > 1 {
            let given = given_by_surname.entry(word(e.tokens.end - 1)).or_default();
            if !given.contains(&word(e.tokens.start)) {
                given.push(word(e.tokens.start));
            }
        }
    }
    let mut out = HashMap::new();
    let mut from_given_name = HashMap::new();
    for &i in names {
        let e = &doc.entities[i];
        let sentence = &doc.sentences[e.sentence].tokens;
        let before = (e.tokens.start > sentence.start)
            .then(|| title_gender(word(e.tokens.start - 1)))
            .flatten();
        let cluster = e.cluster.unwrap_or(i);
        if let Some(g) = before.or_else(|| title_gender(word(e.tokens.start))) {
            out.entry(cluster).or_insert(g);
        } else if e.tokens.len() > 1
            && given_by_surname
                .get(word(e.tokens.end - 1))
                .is_some_and(|given| given.len() == 1)
        {
            if let Some(g) = given_name_gender(word(e.tokens.start)) {
                from_given_name.entry(cluster).or_insert(g);
            }
        }
    }
    for (cluster, g) in from_given_name {
        out.entry(cluster).or_insert(g);
    }
    out
}

/// Whether the mention is the subject of the word `head` (a sentence-relative index).
fn subject_of(doc: &Document, e: &Entity, head: usize) -> bool {
    with_title(doc, e).any(|k| {
        let tok = &doc.tokens[k];
        tok.head == Some(head)
            && tok
                .deprel
                .as_deref()
                .is_some_and(|d| d.starts_with("nsubj"))
    })
}

/// Whether the mention is the object, indirect object or oblique of the word `head` (a
/// sentence-relative index).
/// An object of a verb the word governs as `xcomp` counts: "he went on to accuse Ruiz".
fn object_of_word(doc: &Document, e: &Entity, head: usize) -> bool {
    let base = doc.sentences[e.sentence].tokens.start;
    with_title(doc, e).any(|k| {
        let tok = &doc.tokens[k];
        let is_object = tok
            .deprel
            .as_deref()
            .is_some_and(|d| matches!(d, "obj" | "iobj") || d.starts_with("obl"));
        is_object
            && tok.head.is_some_and(|h| {
                h == head || {
                    let verb = &doc.tokens[base + h];
                    verb.head == Some(head) && verb.deprel.as_deref() == Some("xcomp")
                }
            })
    })
}

/// The mention's tokens, with the word before it when that word heads it: the recogniser
/// leaves an honorific or title out of the name ("Ms Ruiz" is "Ruiz"), but the parser may
/// make it the phrase's head, which then bears the name's relation.
fn with_title(doc: &Document, e: &Entity) -> std::ops::Range<usize> {
    let sentence = &doc.sentences[e.sentence].tokens;
    let before = e
        .tokens
        .start
        .checked_sub(1)
        .filter(|b| sentence.contains(b));
    match before {
        Some(b)
            if e.tokens
                .clone()
                .any(|k| doc.tokens[k].head == Some(b - sentence.start)) =>
        {
            b..e.tokens.end
        }
        _ => e.tokens.clone(),
    }
}

/// Pronouns that refer to countries and organisations ("it said", "their forces").
const THING_PRONOUNS: &[&str] = &["it", "its", "they", "them", "their"];
/// The antecedent of a description added in a cluster of its own: an office the text names
/// without saying who holds it.
const NO_ANTECEDENT: usize = usize::MAX;

/// How many sentences back a description's antecedent may be.
const DESCRIPTION_LOOK_BACK: usize = 5;

/// Words that qualify an office without naming it ("the former minister", "the top
/// diplomat").
const QUALIFIERS: &[&str] = &[
    "former",
    "ex",
    "top",
    "senior",
    "leading",
    "prominent",
    "then",
];

/// The office words of a role phrase, lower-cased, without its qualifiers.
fn office_words(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !QUALIFIERS.contains(&w.as_str()) && !w.starts_with("ex-"))
        .collect()
}

/// Whether a description names one office so precisely that it must be the one the text has
/// given someone: "the prime minister" is not whichever minister was named last, nor "the
/// chancellor" any member of the government, and "the spokesman" is most often not the
/// minister named before. "The minister", "the official", "the general" stay loose.
fn names_one_office(office: &[String], sector: &str) -> bool {
    // "The opposition leader", "the army chief": a sector other than government's says as
    // much as a title would of whom they may be.
    (office.len() >= 2 && sector == "GOV")
        // "The Tory leader" is not the Labour one, nor any politician named before.
        || office.first().is_some_and(|w| w.starts_with(PARTY_PREFIX))
        || office.len() == 1
            && office.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "president"
                        | "premier"
                        | "chancellor"
                        | "mayor"
                        | "governor"
                        | "king"
                        | "queen"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "editor"
                        | "reporter"
                        | "journalist"
                        | "archbishop"
                        | "bishop"
                        | "judge"
                        | "prosecutor"
                        | "ambassador"
                        | "envoy"
                )
            })
}

/// How a party stands among a title's or a description's office words: by the name its
/// dictionary entry goes by, so that "the Conservative leader" is "Tory leader Michael Howard".
const PARTY_PREFIX: &str = "party:";

/// A party's mention ending at token `end`, as an office word: an organisation whose actor is
/// a party.
fn party_word(e: &Entity, end: usize) -> Option<String> {
    let actor = e.actor.as_ref()?;
    (e.kind == EntityKind::Org && e.tokens.end == end && actor.sector.as_deref() == Some("PTY"))
        .then(|| format!("{PARTY_PREFIX}{}", actor.name.to_lowercase()))
}

/// Whether a title the text gives someone ("Prime Minister", "the foreign secretary") is the
/// office a description names: the same head word, and every word of the description in it.
fn title_fits(office: &[String], title: &[String]) -> bool {
    office.last().is_some_and(|h| title.last() == Some(h))
        && office.iter().all(|w| title.contains(w))
        // The shadow chancellor is not "the chancellor", nor a deputy the minister.
        && OTHER_OFFICE
            .iter()
            .all(|w| office.iter().any(|x| x == w) || !title.iter().any(|x| x == w))
}

/// Words before an office that make it another one: "Shadow Chancellor Oliver Letwin" is not
/// "the chancellor".
const OTHER_OFFICE: &[&str] = &["shadow", "deputy", "vice", "assistant", "junior", "acting"];

/// The titles the text gives each person's cluster: the role words right before a name
/// ("Prime Minister Tony Blair", "Chancellor Gordon Brown") and a role in apposition after or
/// before it ("Jack Straw, the foreign secretary", "the chancellor, Gordon Brown").
fn stated_titles(
    doc: &Document,
    entity_at: &[Option<usize>],
    names: &[usize],
) -> HashMap<usize, Vec<Vec<String>>> {
    let word = |k: usize| &doc.text[doc.tokens[k].span.range()];
    let is_role = |k: usize| {
        entity_at[k].is_none()
            && (crate::roles::role_word(word(k)).is_some()
                || OTHER_OFFICE.contains(&word(k).to_lowercase().as_str()))
    };
    let mut out: HashMap<usize, Vec<Vec<String>>> = HashMap::new();
    for &i in names {
        let e = &doc.entities[i];
        let sentence = doc.sentences[e.sentence].tokens.clone();
        let mut titles = Vec::new();
        // Role words right before the name, or before a comma before it.
        let mut k = e.tokens.start;
        let comma_before = k > sentence.start && word(k - 1) == ",";
        if comma_before {
            k -= 1;
        }
        let end = k;
        while k > sentence.start && is_role(k - 1) {
            k -= 1;
        }
        // "Tory leader Michael Howard": the party is part of the title.
        let party = (k > sentence.start)
            .then(|| entity_at[k - 1])
            .flatten()
            .and_then(|p| {
                party_word(&doc.entities[p], k).map(|w| (w, doc.entities[p].tokens.start))
            });
        let opening = party.as_ref().map_or(k, |p| p.1);
        let opens = opening == sentence.start
            || matches!(
                word(opening - 1).to_lowercase().as_str(),
                "the" | "a" | "an" | ","
            );
        if k < end && (!comma_before || opens) {
            let mut title = office_words(&(k..end).map(word).collect::<Vec<_>>());
            if let Some((party, _)) = party {
                title.insert(0, party);
            }
            titles.push(title);
        }
        // ", the foreign secretary" after it.
        let mut k = e.tokens.end;
        if k + 1 < sentence.end && word(k) == "," {
            k += 1;
            if matches!(word(k).to_lowercase().as_str(), "the" | "a" | "an") {
                k += 1;
            }
            let start = k;
            while k < sentence.end && is_role(k) {
                k += 1;
            }
            // Closed by punctuation: in "Ana Ruiz, the prime minister said", the role is the
            // subject of the next clause, not Ruiz's.
            let closed = k == sentence.end
                || doc.tokens[k].upos.as_deref() == Some("PUNCT")
                || matches!(word(k), "," | "." | ";" | ")");
            if k > start && closed {
                titles.push(office_words(&(start..k).map(word).collect::<Vec<_>>()));
            }
        }
        titles.retain(|t| !t.is_empty());
        out.entry(e.cluster.unwrap_or(i))
            .or_default()
            .extend(titles);
    }
    out
}

/// A description starting at `the` (token `t`) and what it says of its referent.
fn description(
    doc: &Document,
    entity_at: &[Option<usize>],
    t: usize,
    end: usize,
) -> Option<Described> {
    let mut k = t + 1;
    let mut country = None;
    let mut party = None;
    if let Some(i) = entity_at.get(k).copied().flatten() {
        let e = &doc.entities[i];
        party = party_word(e, e.tokens.end);
        // A nationality, a country's name the recogniser typed so ("the Somali leader"), or a
        // party ("the Tory leader", "the Labour MP").
        if !(matches!(e.kind, EntityKind::Norp | EntityKind::Gpe) || party.is_some())
            || e.tokens.start != k
        {
            return None;
        }
        country = Some(e.actor.as_ref()?.code.clone());
        k = e.tokens.end;
    }
    let mut last = None;
    let mut words = Vec::new();
    let first = k;
    while k < end && k < t + 5 {
        let w = &doc.text[doc.tokens[k].span.range()];
        let lower_case = w.chars().all(|c| c.is_lowercase() || c == '-');
        match crate::roles::role_word(w) {
            Some(decides) if entity_at[k].is_none() && lower_case => {
                words.push(w);
                if decides.is_some() {
                    last = Some(k);
                }
                k += 1;
            }
            _ => break,
        }
    }
    let last = last?;
    // "The police", "the army", "the union", "the opposition" name a body, not one person; their words
    // stand in a person's role only before another ("the police chief").
    let last_word = doc.text[doc.tokens[last].span.range()].to_lowercase();
    if matches!(
        last_word.as_str(),
        "police"
            | "army"
            | "union"
            | "military"
            | "opposition"
            | "defence"
            | "defense"
            | "human"
            | "rights"
            | "leading"
            | "prominent"
            | "vice"
            | "shadow"
    ) {
        return None;
    }
    // "The general public", "the official figures", "the police response": a role word that
    // modifies a noun after it (an adjective, or a noun before a noun) names no one.
    let modifies = doc.tokens[last].upos.as_deref() == Some("ADJ")
        || doc
            .tokens
            .get(last + 1)
            .is_some_and(|x| last + 1 < end && x.upos.as_deref() == Some("NOUN"));
    if modifies {
        return None;
    }
    // "the opposition leader" is OPP: the phrase's sector, as a role read from the text.
    let sector = crate::roles::sector_of(&words[..=last - first])?;
    // "The Tory leader", "the Labour spokesman": a party's person whose role word states no
    // sector of its own is the party's, as roles read before a name are.
    let sector = if party.is_some() && crate::roles::is_generic_role(&words[..=last - first]) {
        "PTY"
    } else {
        sector
    };
    let former = words.iter().any(|w| crate::roles::is_former(w));
    // "The ministers" are a group, not one of the people named.
    if doc.tokens[last].xpos.as_deref() == Some("NNS") {
        return None;
    }
    // "the foreign minister Dmytro Kuleba" is a title before a name, not a reference.
    if entity_at.get(last + 1).copied().flatten().is_some() {
        return None;
    }
    // "the president of Armenia" says whose office it is: someone new, not a reference.
    let of = doc
        .tokens
        .get(last + 1)
        .is_some_and(|x| doc.text[x.span.range()].eq_ignore_ascii_case("of"));
    let place_after_of = entity_at.get(last + 2).copied().flatten().is_some_and(|i| {
        matches!(doc.entities[i].kind, EntityKind::Gpe | EntityKind::Loc)
            && doc.entities[i].tokens.start == last + 2
    });
    if of && place_after_of {
        return None;
    }
    // "the minister from Slovenia" says which of the people named it is.
    let from = doc
        .tokens
        .get(last + 1)
        .is_some_and(|x| doc.text[x.span.range()].eq_ignore_ascii_case("from"));
    let country = match entity_at.get(last + 2).copied().flatten() {
        Some(i)
            if from
                && country.is_none()
                && doc.entities[i].tokens.start == last + 2
                && matches!(doc.entities[i].kind, EntityKind::Gpe | EntityKind::Norp) =>
        {
            doc.entities[i].actor.as_ref().map(|a| a.code.clone())
        }
        _ => country,
    };
    let mut office = office_words(&words[..=last - first]);
    if let Some(party) = party {
        office.insert(0, party);
    }
    Some(Described {
        last,
        country,
        sector,
        former,
        office,
    })
}

/// What a description of a person says of them.
struct Described {
    /// Its last token.
    last: usize,
    /// The country its nationality word or "from" states.
    country: Option<String>,
    /// The sector its role words state.
    sector: &'static str,
    /// Whether it says "former", which a former official's ELI fits too.
    former: bool,
    /// Its office words ([`office_words`]).
    office: Vec<String>,
}

/// Whether the relation of the mention's head word (a word whose head lies outside it) is
/// one `relation` accepts.
fn head_relation_is(doc: &Document, e: &Entity, relation: impl Fn(&str) -> bool) -> bool {
    let sentence = &doc.sentences[e.sentence].tokens;
    let tokens = with_title(doc, e);
    tokens.clone().any(|t| {
        let tok = &doc.tokens[t];
        let head_outside = tok
            .head
            .is_none_or(|h| !tokens.contains(&(sentence.start + h)));
        head_outside && tok.deprel.as_deref().is_some_and(&relation)
    })
}

/// Nouns that refer back to an organisation named before ("the alliance", "the company"),
/// with the sectors of the organisations each may refer to.
const BODY_NOUNS: &[(&str, &[&str])] = &[
    ("alliance", &["IGO", "PTY", "OPP", "REB"]),
    ("bloc", &["IGO", "PTY"]),
    // Armed, opposition and campaign groups: news writes "the group" of many bodies it has
    // not named (a campaign group, a business group), so not of any body named before.
    (
        "group",
        &["REB", "OPP", "NGO", "RAD", "INS", "PRM", "UAF", "CVL"],
    ),
    ("organisation", &["IGO", "NGO"]),
    ("organization", &["IGO", "NGO"]),
    ("company", &["MNC", "BUS"]),
    ("firm", &["MNC", "BUS"]),
    // Kinds of business ("the carmaker", "the broadcaster"), as the text or the dictionary
    // describes one named before. Not "the bank": after a central bank (a government's) it
    // would take a lender named before.
    ("carmaker", &["MNC", "BUS"]),
    ("manufacturer", &["MNC", "BUS"]),
    ("airline", &["MNC", "BUS"]),
    ("retailer", &["MNC", "BUS"]),
    ("supermarket", &["MNC", "BUS"]),
    ("insurer", &["MNC", "BUS"]),
    ("lender", &["MNC", "BUS"]),
    ("conglomerate", &["MNC", "BUS"]),
    ("brewer", &["MNC", "BUS"]),
    ("broadcaster", &["MNC", "BUS", "JRN"]),
    ("newspaper", &["MNC", "BUS", "JRN"]),
    ("publisher", &["MNC", "BUS", "JRN"]),
    ("movement", &["REB", "OPP", "PTY", "CVL", "RAD", "INS"]),
    ("party", &["PTY", "OPP"]),
    ("militia", &["REB", "RAD", "INS", "PRM", "UAF"]),
    // Institutions, after one named with the same word ("the European Parliament ... the
    // parliament", "the Court of Arbitration for Sport ... the court"); an institution never
    // named takes its country from the story, as an agent noun.
    ("parliament", &["LEG", "IGO"]),
    ("assembly", &["LEG", "IGO"]),
    ("court", &["JUD", "IGO"]),
    ("tribunal", &["JUD", "IGO"]),
    ("commission", &["IGO", "GOV"]),
    ("council", &["IGO", "GOV", "LEG"]),
];

/// Words in a business's name that say which kind it is ("British Airways" is an airline,
/// "the Daily Herald" a newspaper).
const KIND_NAME_WORDS: &[(&str, &[&str])] = &[
    ("airline", &["air", "airways", "airlines", "airline"]),
    (
        "newspaper",
        &[
            "times",
            "post",
            "journal",
            "herald",
            "telegraph",
            "guardian",
            "tribune",
            "gazette",
            "daily",
            "news",
            "mail",
            "express",
            "observer",
            "chronicle",
            "mirror",
        ],
    ),
    (
        "broadcaster",
        &["broadcasting", "tv", "television", "radio", "channel"],
    ),
    ("carmaker", &["motor", "motors", "auto", "cars"]),
    ("insurer", &["insurance", "assurance"]),
    ("brewer", &["brewery", "breweries", "brewing"]),
    ("publisher", &["publishing", "press"]),
];

/// Whether body `i` is of the kind a kind-of-business noun names ("the airline", "the
/// newspaper"): a mention of its cluster stands right after that noun ("German airline
/// Lufthansa"), or its name holds the noun itself ("the European Parliament") or a word of the
/// kind ("British Airways"). Any business is a "company" or a "firm", and a party a "party".
fn of_the_kind(doc: &Document, i: usize, noun: &str) -> bool {
    const ANY_OF_ITS_SECTORS: &[&str] = &[
        "company",
        "firm",
        "group",
        "organisation",
        "organization",
        "alliance",
        "bloc",
        "movement",
        "party",
        "militia",
    ];
    if ANY_OF_ITS_SECTORS.contains(&noun) {
        return true;
    }
    let cluster = doc.entities[i].cluster.unwrap_or(i);
    let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
    let name_words = KIND_NAME_WORDS
        .iter()
        .find(|(n, _)| *n == noun)
        .map_or(&[][..], |(_, w)| *w);
    doc.entities.iter().enumerate().any(|(j, e)| {
        if j != i && e.cluster.unwrap_or(j) != cluster {
            return false;
        }
        let after_noun = doc
            .sentences
            .get(e.sentence)
            .is_some_and(|s| e.tokens.start > s.tokens.start && word(e.tokens.start - 1) == noun);
        after_noun
            || e.tokens.clone().any(|t| {
                let w = word(t).to_lowercase();
                // "The European Parliament ... the parliament": the noun itself in the name.
                w == noun || name_words.contains(&w.as_str())
            })
    })
}

/// "The country", "the nation", "the alliance", "the company", "the world body", ... at token
/// `t` (its "the") of sentence `s`: the country or organisation it refers to, among those
/// named before it that fit the noun (`countries` for "country" and "nation", `bodies` of the
/// noun's sectors otherwise; the nearest in the sentence, else a previous sentence's subject,
/// nearest, or first, within [`DESCRIPTION_LOOK_BACK`]). Returns the mention's kind, the
/// referent's actor and index, and the description's last token. Not a noun modifier ("the
/// country music", "the party leader") nor a noun with its own complement ("the country of
/// ...").
fn the_country_or_body(
    doc: &Document,
    entity_at: &[Option<usize>],
    countries: &[usize],
    bodies: &[usize],
    s: usize,
    t: usize,
) -> Option<(EntityKind, kestrel_core::ActorCode, usize, usize)> {
    let sentence = &doc.sentences[s].tokens;
    let word = |k: usize| &doc.text[doc.tokens[k].span.range()];
    let mut noun = t + 1;
    if noun >= sentence.end {
        return None;
    }
    // "The world body" is the United Nations.
    let world_body = word(noun) == "world" && noun + 1 < sentence.end && word(noun + 1) == "body";
    if world_body {
        noun += 1;
    }
    let tok = &doc.tokens[noun];
    if tok.upos.as_deref() == Some("ADJ") || entity_at.get(noun).copied().flatten().is_some() {
        return None;
    }
    if modifies_or_has_complement(doc, noun, sentence.end) {
        return None;
    }
    let sector_of = |i: usize| {
        doc.entities[i]
            .actor
            .as_ref()
            .and_then(|a| a.sector.clone())
    };
    let (kind, candidates): (EntityKind, Vec<usize>) = match word(noun) {
        "country" | "nation" => (EntityKind::Gpe, countries.to_vec()),
        _ if world_body => (
            EntityKind::Org,
            bodies
                .iter()
                .copied()
                .filter(|&i| {
                    doc.entities[i]
                        .actor
                        .as_ref()
                        .is_some_and(|a| a.code.starts_with("IGOUNO"))
                })
                .collect(),
        ),
        w => {
            let sectors = BODY_NOUNS.iter().find(|(n, _)| *n == w)?.1;
            let fitting = bodies
                .iter()
                .copied()
                .filter(|&i| doc.entities[i].kind == EntityKind::Org)
                .filter(|&i| sector_of(i).is_some_and(|x| sectors.contains(&x.as_str())))
                .filter(|&i| of_the_kind(doc, i, w))
                .collect();
            (EntityKind::Org, fitting)
        }
    };
    let i = antecedent(
        doc,
        &as_candidates(doc, &candidates),
        s,
        t,
        DESCRIPTION_LOOK_BACK,
    )?;
    Some((kind, doc.entities[i].actor.clone()?, i, noun))
}

/// "The government" at token `t` (its "the") of sentence `s`: the government of
/// [`one_country_named_before`] it, returned with the description's last token. Not a noun
/// modifier ("the government benches") nor one with its own complement ("the government of
/// ...").
fn the_government(
    doc: &Document,
    entity_at: &[Option<usize>],
    s: usize,
    t: usize,
) -> Option<(String, usize)> {
    let sentence = &doc.sentences[s].tokens;
    let noun = t + 1;
    if noun >= sentence.end
        || !doc.text[doc.tokens[noun].span.range()].eq_ignore_ascii_case("government")
        || entity_at[noun].is_some()
        || modifies_or_has_complement(doc, noun, sentence.end)
    {
        return None;
    }
    Some((one_country_named_before(doc, s, t)?, noun))
}

/// The one country that the text names before token `t` of sentence `s`, within five
/// sentences: by the country's name or nationality, or by a person or body of its government (of an actor
/// stage's mentions, names and the pronouns and descriptions joined to them). None where they
/// name two countries, whose people and bodies a word such as "the government" or "police"
/// could be either's. A capital does not count, as it may be a namesake's town ("London" in a
/// story from Ontario), nor a country's name that modifies a noun ("the Iraq war") or says
/// where something is ("the war in Iraq").
pub fn one_country_named_before(doc: &Document, s: usize, t: usize) -> Option<String> {
    match countries_named_before(doc, s, t).as_slice() {
        [code] => Some(code.clone()),
        _ => None,
    }
}

/// The countries, in code order, that the text names before token `t` of sentence `s` within
/// five sentences, as [`one_country_named_before`] reads them.
pub fn countries_named_before(doc: &Document, s: usize, t: usize) -> Vec<String> {
    let window = s.saturating_sub(DESCRIPTION_LOOK_BACK);
    let mut named: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.sentence >= window && e.tokens.end <= t)
        .filter_map(|e| country_named(doc, e))
        .collect();
    named.sort_unstable();
    named.dedup();
    named.into_iter().map(String::from).collect()
}

/// The country a mention names, for [`countries_named_before`]: a country's name, a
/// nationality, or a person or body of its government.
fn country_named<'d>(doc: &Document, e: &'d Entity) -> Option<&'d str> {
    if e.tokens.is_empty() {
        return None;
    }
    let a = e.actor.as_ref()?;
    let governs = a.sector.as_deref() == Some("GOV")
        && a.code.len() == 3
        && matches!(e.kind, EntityKind::Person | EntityKind::Org);
    // "The Iraq war" names a war, and "the conflict in Iraq" where it is fought, not a story
    // of Iraq's people.
    let modifier = doc.tokens[e.tokens.end - 1].deprel.as_deref() == Some("compound");
    let country = e.mention == kestrel_core::MentionKind::Name
        && crate::is_country_code(a)
        && match e.kind {
            EntityKind::Gpe => {
                !modifier
                    && !located_in(doc, e)
                    && crate::names_the_country(&doc.text[e.span.range()], a)
            }
            // "Togolese police": a nationality names its country.
            EntityKind::Norp => true,
            _ => false,
        };
    (governs || country).then_some(a.code.as_str())
}

/// Prepositions of place: their object is where something is or happens.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "within",
    "inside",
    "around",
];

/// Whether a mention is the object of a preposition of place ("in", "at", "near",
/// "across", ...): where something is or happens.
fn placed_by_a_preposition(doc: &Document, e: &Entity) -> bool {
    has_case_word(doc, e, PLACE_PREPOSITIONS)
}

/// Whether a mention is the object of "in": where something is or happens.
fn located_in(doc: &Document, e: &Entity) -> bool {
    has_case_word(doc, e, &["in"])
}

/// Whether a mention's head word takes one of these prepositions (lower case) as its `case`.
fn has_case_word(doc: &Document, e: &Entity, prepositions: &[&str]) -> bool {
    if e.sentence >= doc.sentences.len() {
        return false;
    }
    case_word(doc, e.sentence, e.tokens.end - 1).is_some_and(|c| prepositions.contains(&c.as_str()))
}

/// The preposition (lower case) that token `k` of sentence `s` takes as its `case`, if any.
fn case_word(doc: &Document, s: usize, k: usize) -> Option<String> {
    let sentence = &doc.sentences[s].tokens;
    let head = k - sentence.start;
    sentence
        .clone()
        .find(|&c| {
            doc.tokens[c].head == Some(head) && doc.tokens[c].deprel.as_deref() == Some("case")
        })
        .map(|c| doc.text[doc.tokens[c].span.range()].to_lowercase())
}

/// Whether the noun of a description at token `noun` (its sentence ending at `end`) modifies
/// the noun after it ("the country music", "the city council") or takes its own complement
/// ("the country of ...", "the city of Lagos"): either way it refers to nothing named before.
fn modifies_or_has_complement(doc: &Document, noun: usize, end: usize) -> bool {
    (noun + 1 < end)
        .then(|| &doc.tokens[noun + 1])
        .is_some_and(|x| {
            doc.text[x.span.range()].eq_ignore_ascii_case("of")
                || matches!(x.upos.as_deref(), Some("NOUN" | "PROPN"))
        })
}

/// What a place's name may name, as the gazetteer knows it: what "the city" or "the province"
/// after it may refer to. One per entity, filled by the caller (the actor stage reads the
/// places gazetteer); the default fits no description.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceKinds {
    /// A city or town of that name, or a name the gazetteer lacks (a town under its 15,000
    /// people): "the city", "the town".
    pub town: bool,
    /// A place named as a town is that the gazetteer lacks, so under 15,000 people: "the
    /// village" too.
    pub small: bool,
    /// A country's capital of that name: "the capital".
    pub capital: bool,
    /// A first-level region ("the province").
    pub state: bool,
    /// A first- or second-level region, a named region or a continent ("the district", "the
    /// county").
    pub region: bool,
}

/// Whether a place of these kinds fits a description with this noun ("the city"); `None` when
/// the noun describes no place. Not "the region" nor "the state": news writes the one of wide,
/// vague areas ("stability in the region") and the other of government ("the role of the
/// state") more often than of a place it has named.
fn place_noun_fits(noun: &str, k: &PlaceKinds) -> Option<bool> {
    Some(match noun {
        "city" => k.town || k.capital,
        "town" | "municipality" => k.town,
        "village" => k.small,
        "capital" => k.capital,
        "province" => k.state,
        "county" | "district" => k.region,
        _ => return None,
    })
}

/// "The city", "the town", "the province", ... at token `t` (its "the") of sentence `s`: the
/// nearest place named before it, within [`DESCRIPTION_LOOK_BACK`] sentences, that fits the
/// noun, passing over a name that only modifies another noun ("the Lagos office") when one
/// that heads its phrase fits. A description already joined (`earlier`: each mention with
/// the name it was joined to) stands for its place as a name does, so that "the city" can go
/// on for a story's length after the name. Returns the referent's index and the description's
/// last token. Not a noun modifier ("the city council", "the state media") nor a noun with its
/// own complement ("the city of Lagos", which names its place).
fn the_place(
    doc: &Document,
    entity_at: &[Option<usize>],
    place_kinds: &[PlaceKinds],
    earlier: &[(Entity, usize)],
    s: usize,
    t: usize,
) -> Option<(usize, usize)> {
    let sentence = &doc.sentences[s].tokens;
    let noun = t + 1;
    if noun >= sentence.end || entity_at.get(noun).copied().flatten().is_some() {
        return None;
    }
    let tok = &doc.tokens[noun];
    if !matches!(tok.upos.as_deref(), Some("NOUN") | None) {
        return None;
    }
    // "The City" (of London), "Sex and the City": a capitalised noun is part of a name.
    let written = &doc.text[tok.span.range()];
    if written.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    place_noun_fits(written, &PlaceKinds::default())?;
    let fits = |k: &PlaceKinds| place_noun_fits(written, k) == Some(true);
    if modifies_or_has_complement(doc, noun, sentence.end) {
        return None;
    }
    let in_reach = |e: &Entity| {
        matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
            && !e.tokens.is_empty()
            && e.tokens.end <= t
            && e.sentence + DESCRIPTION_LOOK_BACK >= s
    };
    let mut candidates: Vec<(usize, &Entity)> = (0..doc.entities.len())
        .filter(|&i| {
            let e = &doc.entities[i];
            e.mention == kestrel_core::MentionKind::Name
                && in_reach(e)
                && place_kinds.get(i).is_some_and(fits)
        })
        .map(|i| (i, &doc.entities[i]))
        .collect();
    candidates.extend(
        earlier
            .iter()
            .filter(|(e, a)| {
                e.mention == kestrel_core::MentionKind::Description
                    && in_reach(e)
                    && place_kinds.get(*a).is_some_and(fits)
            })
            .map(|(e, a)| (*a, e)),
    );
    candidates.sort_by_key(|(_, e)| e.tokens.start);
    if let Some(i) = antecedent(doc, &candidates, s, t, DESCRIPTION_LOOK_BACK) {
        return Some((i, noun));
    }
    // None named of late: the place of its kind the story has named most before, when it
    // has named it more than once and more often than any other ("Tulsa", ten paragraphs
    // on, is still "the city" of a guide to Tulsa).
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        let named_before = e.mention == kestrel_core::MentionKind::Name
            && matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
            && !e.tokens.is_empty()
            && e.tokens.end <= t;
        if !named_before || !place_kinds.get(i).is_some_and(fits) {
            continue;
        }
        let first = e.cluster.unwrap_or(i);
        match counts.iter_mut().find(|(c, _)| *c == first) {
            Some((_, n)) => *n += 1,
            None => counts.push((first, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(top, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some((*top, noun))
        }
        _ => None,
    }
}

/// Whether the mention is its clause's subject: its head word's relation is a subject one.
fn is_subject(doc: &Document, e: &Entity) -> bool {
    head_relation_is(doc, e, |d| d.starts_with("nsubj"))
}

/// Whether the mention modifies another noun ("G20 diplomats", "Russian troops"): its head
/// word is a `compound` or `amod`.
fn is_modifier(doc: &Document, e: &Entity) -> bool {
    head_relation_is(doc, e, |d| matches!(d, "compound" | "amod"))
}

/// Mentions an antecedent may be found among: each with what it refers to (an index into
/// [`Document::entities`]: a name itself, or the name a pronoun or description was joined to),
/// in text order.
type Candidates<'a> = [(usize, &'a Entity)];

/// The candidates that are these entities themselves.
fn as_candidates<'a>(doc: &'a Document, entities: &[usize]) -> Vec<(usize, &'a Entity)> {
    entities.iter().map(|&i| (i, &doc.entities[i])).collect()
}

/// When the parse names no subject: the person named closest before the sentence's main verb
/// (English puts the subject there).
fn before_main_verb(doc: &Document, s: usize, mentions: &Candidates) -> Option<usize> {
    let sentence = &doc.sentences[s].tokens;
    let root = sentence
        .clone()
        .find(|&t| doc.tokens[t].deprel.as_deref() == Some("root"))?;
    mentions
        .iter()
        .filter(|(_, e)| e.tokens.end <= root)
        .max_by_key(|(_, e)| e.tokens.end)
        .map(|&(i, _)| i)
}

/// Words of a news outlet's name ("BBC Radio Wales", "the Financial Times").
const OUTLET_WORDS: &[&str] = &[
    "BBC",
    "Radio",
    "News",
    "TV",
    "Television",
    "Times",
    "Post",
    "Telegraph",
    "Guardian",
    "Journal",
    "Herald",
    "Gazette",
    "Tribune",
    "Independent",
    "Observer",
    "Today",
    "Newsnight",
    "Channel",
    "ITV",
    "Sky",
    "CNN",
    "Reuters",
    "Press",
    "Agency",
];

/// Whether a mention is the news outlet a statement was made to or on ("told the BBC",
/// "told BBC Radio 4's Today programme", "speaking on Sky News", "in an interview with
/// Reuters"): the pronouns of what was said are not the outlet.
fn outlet_told(doc: &Document, e: &Entity) -> bool {
    let outlet = e.actor.as_ref().and_then(|a| a.sector.as_deref()) == Some("JRN")
        || e.tokens
            .clone()
            .any(|k| OUTLET_WORDS.contains(&&doc.text[doc.tokens[k].span.range()]));
    if e.kind != EntityKind::Org || !outlet {
        return false;
    }
    let start = doc.sentences[e.sentence].tokens.start;
    // The mention's head, then up through the noun phrases it is part of ("BBC Radio 4's
    // Today programme").
    let Some(mut k) = e.tokens.clone().find(|&k| {
        doc.tokens[k]
            .head
            .is_none_or(|h| !e.tokens.contains(&(start + h)))
    }) else {
        return false;
    };
    for _ in 0..4 {
        let relation = doc.tokens[k].deprel.as_deref().unwrap_or("");
        let Some(h) = doc.tokens[k].head.map(|h| start + h) else {
            return false;
        };
        let head_lemma = doc.tokens[h].lemma.as_deref().unwrap_or("");
        match relation {
            "obj" | "iobj" => return matches!(head_lemma, "tell" | "inform" | "brief"),
            r if r.starts_with("obl") || r.starts_with("nmod") => {
                let speaking = REPORTING_LEMMAS.contains(&head_lemma)
                    || matches!(head_lemma, "speak" | "talk" | "interview" | "appear");
                let case = case_word(doc, e.sentence, k);
                if speaking && matches!(case.as_deref(), Some("to" | "on" | "with")) {
                    return true;
                }
                if !r.starts_with("nmod") {
                    return false;
                }
            }
            "compound" | "flat" | "appos" => {}
            _ => return false,
        }
        k = h;
    }
    false
}

/// The country or organisation an "it" or "they" at token `t` of sentence `s` refers to: the
/// nearest one before it in the sentence, else one in the sentence before.
/// An "it" that only fills a subject slot ("it is clear that ...", "it was not us who ...")
/// refers to nothing.
fn thing_antecedent(doc: &Document, bodies: &[usize], s: usize, t: usize) -> Option<usize> {
    let sentence = &doc.sentences[s];
    let tok = &doc.tokens[t];
    // "It seems that ...", "it is said": an expletive refers to nothing.
    if tok.deprel.as_deref().is_some_and(|d| d.starts_with("expl")) {
        return None;
    }
    // "when it comes to immigration": an idiom's "it" refers to nothing.
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|_| sentence.tokens.contains(&k))
            .map_or("", |x| &doc.text[x.span.range()])
    };
    let it_comes_to = t > sentence.tokens.start
        && matches!(word(t - 1).to_lowercase().as_str(), "when" | "where" | "if")
        && word(t).eq_ignore_ascii_case("it")
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|x| x.lemma.as_deref() == Some("come"))
        && word(t + 2) == "to";
    if it_comes_to {
        return None;
    }
    if let Some(h) = tok.head {
        let head = &doc.tokens[sentence.tokens.start + h];
        // "it is clear", "it was not us": the head is an adjective or a form of "be" (not
        // "has" in "as it has been").
        let copular = head.upos.as_deref() == Some("ADJ")
            || head.lemma.as_deref() == Some("be")
            || doc.tokens[sentence.tokens.clone()]
                .iter()
                .any(|x| x.head == Some(h) && x.deprel.as_deref() == Some("cop"));
        if copular && doc.text[tok.span.range()].eq_ignore_ascii_case("it") {
            return None;
        }
        // "It was announced that ...", "it emerged on Monday that ...": the subject of a
        // passive verb or of a verb of happening or seeming, with a clause after it that is
        // the verb's real subject or content ("it is expected to report", with an
        // infinitive, may well be the company).
        let children = || {
            doc.tokens[sentence.tokens.clone()]
                .iter()
                .enumerate()
                .filter(move |(_, x)| x.head == Some(h))
        };
        let passive = children().any(|(_, x)| x.deprel.as_deref() == Some("aux:pass"));
        let happening = matches!(
            head.lemma.as_deref(),
            Some("seem" | "appear" | "emerge" | "transpire" | "happen" | "remain" | "matter")
        );
        let clause_after = children().any(|(k, x)| {
            k > h && matches!(x.deprel.as_deref(), Some("ccomp" | "csubj" | "csubj:pass"))
        });
        let subject = tok
            .deprel
            .as_deref()
            .is_some_and(|d| d.starts_with("nsubj"));
        if subject
            && (passive || happening)
            && clause_after
            && doc.text[tok.span.range()].eq_ignore_ascii_case("it")
        {
            return None;
        }
        // "She found it hard to ...", "it makes it difficult for ...": "it" as the object of
        // a verb of finding or making, right before an adjective that the verb takes, stands
        // for the infinitive or clause after it.
        let finding = matches!(
            head.lemma.as_deref(),
            Some("find" | "make" | "consider" | "think" | "deem")
        );
        let adjective_after = doc
            .tokens
            .get(t + 1)
            .filter(|_| t + 1 < sentence.tokens.end)
            .is_some_and(|x| x.upos.as_deref() == Some("ADJ") && x.head == Some(h));
        let object = tok
            .deprel
            .as_deref()
            .is_some_and(|d| d == "obj" || d.starts_with("expl"));
        if finding
            && adjective_after
            && object
            && doc.text[tok.span.range()].eq_ignore_ascii_case("it")
        {
            return None;
        }
    }
    // "... and we oppose it": an object "it" is most often a thing the sentence before
    // spoke of, not a body named there; it takes a body named in its own sentence only.
    let object = tok
        .deprel
        .as_deref()
        .is_some_and(|d| matches!(d, "obj" | "iobj") || d.starts_with("obl"));
    let object_it = object && doc.text[tok.span.range()].eq_ignore_ascii_case("it");
    // "They" after a country is its people or its team far more often than its state,
    // which English calls "it"; an organisation may be either.
    let plural = !doc.text[tok.span.range()].to_lowercase().starts_with("it");
    // "Labour MPs ... it": a name that ends in a plural noun for people is "they", not "it"
    // ("the United Nations" and "General Motors" end in other plurals).
    let last_word = |i: usize| &doc.tokens[doc.entities[i].tokens.end - 1];
    let plural_name = |i: usize| matches!(last_word(i).xpos.as_deref(), Some("NNS" | "NNPS"));
    let ends_in_people = |i: usize| {
        let lemma = last_word(i).lemma.as_deref().unwrap_or("").to_lowercase();
        plural_name(i) && agent_sector(&lemma).is_some()
    };
    // "Tory MPs voted against it": an object is not its own verb's subject.
    let subject_of_its_verb = |i: usize| {
        object
            && tok
                .head
                .is_some_and(|h| subject_of(doc, &doc.entities[i], h))
    };
    let told = the_one_told(doc, s, t);
    // "a church in Santa Ana ... its founding pastor", "the collection, one of few in the UK.
    // It has ...": a place named where something is stands in the background, and "it" is the
    // thing there.
    let where_something_is = |i: usize| {
        let e = &doc.entities[i];
        matches!(e.kind, EntityKind::Gpe | EntityKind::Loc) && placed_by_a_preposition(doc, e)
    };
    let fitting: Vec<usize> = bodies
        .iter()
        .copied()
        .filter(|&i| plural || !where_something_is(i))
        .filter(|&i| !plural || doc.entities[i].kind == EntityKind::Org)
        .filter(|&i| plural || !ends_in_people(i))
        .filter(|&i| !subject_of_its_verb(i))
        .filter(|&i| told.is_none_or(|k| !doc.entities[i].tokens.contains(&k)))
        .filter(|&i| !outlet_told(doc, &doc.entities[i]))
        .collect();
    let found = antecedent(doc, &as_candidates(doc, &fitting), s, t, 1)?;
    // "The Home Office said it would not leave the children ... to rot, and sent them home":
    // a plural common noun between the body and "they", "them" or "their" is what the pronoun
    // refers to far more often than the body, unless the body's own name is plural or it is a
    // party ("The Tories say the changes they want ...").
    let e = &doc.entities[found];
    let named_as_many =
        plural_name(found) || e.actor.as_ref().and_then(|a| a.sector.as_deref()) == Some("PTY");
    // "Both Boeing and Airbus have been taking orders for their new planes": bodies named
    // together are "they".
    let word_is = |k: usize, w: &str| {
        doc.tokens
            .get(k)
            .is_some_and(|x| doc.text[x.span.range()].eq_ignore_ascii_case(w))
    };
    let coordinated = doc.entities.iter().any(|f| {
        matches!(f.kind, EntityKind::Org | EntityKind::Gpe)
            && ((f.tokens.end + 1 == e.tokens.start && word_is(f.tokens.end, "and"))
                || (e.tokens.end + 1 == f.tokens.start && word_is(e.tokens.end, "and")))
    });
    if plural && !named_as_many && !coordinated {
        let from = e.tokens.end;
        let noun_between = (from..t).any(|k| {
            doc.tokens[k].xpos.as_deref() == Some("NNS")
                && !doc.entities.iter().any(|e| e.tokens.contains(&k))
        });
        if noun_between {
            return None;
        }
    }
    // "They signed the Kyoto protocol, calling it ...", "the Labour manifesto ... its": a
    // name that only modifies a singular common noun before "it" leaves "it" to that noun's
    // thing.
    if !plural {
        let head_word = e.tokens.end - 1;
        let sentence_start = doc.sentences[e.sentence].tokens.start;
        let modified = (doc.tokens[head_word].deprel.as_deref() == Some("compound"))
            .then(|| doc.tokens[head_word].head)
            .flatten()
            .map(|h| sentence_start + h)
            .filter(|&h| h >= e.tokens.end && (e.sentence < s || h < t));
        // Not a body's noun: "the Kenya government ... it" is Kenya's.
        let thing = modified.is_some_and(|h| {
            let lemma = doc.tokens[h].lemma.as_deref().unwrap_or("").to_lowercase();
            doc.tokens[h].xpos.as_deref() == Some("NN")
                && agent_sector(&lemma).is_none()
                && !doc.entities.iter().any(|f| f.tokens.contains(&h))
        });
        if thing {
            return None;
        }
    }
    // "The Tanzanian army has completed its withdrawal": a common noun that is the subject
    // before the pronoun, in its own sentence, is what "its" refers to, not a country or
    // organisation named in the sentence before.
    let in_sentence = doc.entities[found].sentence == s;
    let noun_subject_before = sentence.tokens.clone().any(|k| {
        let x = &doc.tokens[k];
        k < t
            && x.upos.as_deref() == Some("NOUN")
            && x.deprel.as_deref().is_some_and(|d| d.starts_with("nsubj"))
    });
    (in_sentence || (!noun_subject_before && !object_it)).then_some(found)
}

/// "Government sources told the BBC they had reached a settlement", "the firm told Reuters
/// it would appeal": the subject of what a verb of telling reports is the teller's side, not
/// the one told. The token of the one told (the verb's indirect or direct object), where
/// token `t` is the subject of the clause it reports.
fn the_one_told(doc: &Document, s: usize, t: usize) -> Option<usize> {
    let start = doc.sentences[s].tokens.start;
    let tok = &doc.tokens[t];
    if !tok
        .deprel
        .as_deref()
        .is_some_and(|d| d.starts_with("nsubj"))
    {
        return None;
    }
    let clause = start + tok.head?;
    if doc.tokens[clause].deprel.as_deref() != Some("ccomp") {
        return None;
    }
    let verb = start + doc.tokens[clause].head?;
    let telling = matches!(
        doc.tokens[verb].lemma.as_deref(),
        Some("tell" | "inform" | "assure" | "remind" | "notify")
    );
    if !telling {
        return None;
    }
    doc.sentences[s].tokens.clone().find(|&k| {
        k < t
            && doc.tokens[k].head == Some(verb - start)
            && matches!(doc.tokens[k].deprel.as_deref(), Some("iobj" | "obj"))
    })
}

/// A pronoun that is the subject of a clause reported or explained by the clause above it
/// ("Ruiz refused to meet Soto, saying he would ...", "Kenya said it would ...") refers to that
/// clause's subject, when the subject is one of `candidates` and comes before it: news
/// reports what its subject says of itself. Climbs through clauses with no subject of their
/// own ("saying"), three at most.
fn subject_above(doc: &Document, candidates: &Candidates, s: usize, t: usize) -> Option<usize> {
    let sentence = doc.sentences[s].tokens.clone();
    let rel = |k: usize| doc.tokens[k].deprel.as_deref().unwrap_or("");
    let head = |k: usize| head_in(doc, &sentence, k);
    if !rel(t).starts_with("nsubj") {
        return None;
    }
    let mut clause = head(t)?;
    for step in 0..3 {
        // "... tariffs, which it says are unfair": a relative clause that the pronoun opens
        // as subject, on a noun of the clause above, reports that clause's subject's view.
        // Not a content clause read as one ("reports that he had told ...").
        let relative = step == 0
            && rel(clause) == "acl:relcl"
            && head(t) == Some(clause)
            && !sentence
                .clone()
                .any(|k| head(k) == Some(clause) && rel(k) == "mark");
        if !relative && !matches!(rel(clause), "ccomp" | "xcomp" | "advcl" | "parataxis") {
            return None;
        }
        let mut above = head(clause)?;
        if relative {
            for _ in 0..3 {
                if doc.tokens[above].upos.as_deref() == Some("VERB") {
                    break;
                }
                if !matches!(rel(above), "obj" | "obl" | "nmod" | "conj" | "appos") {
                    return None;
                }
                above = head(above)?;
            }
        }
        let subject = sentence
            .clone()
            .find(|&k| k < t && head(k) == Some(above) && rel(k).starts_with("nsubj"));
        if let Some(k) = subject {
            return candidates
                .iter()
                .find(|(_, e)| e.sentence == s && e.tokens.contains(&k))
                .map(|&(i, _)| i);
        }
        clause = above;
    }
    None
}

/// The head of token `k` among the tokens of `sentence`: none for the root, or for a head that
/// the indices put outside it.
fn head_in(doc: &Document, sentence: &std::ops::Range<usize>, k: usize) -> Option<usize> {
    doc.tokens[k]
        .head
        .map(|h| sentence.start + h)
        .filter(|h| sentence.contains(h))
}

/// Whether the mention stands in a clause fronted before the subject pronoun at token `t`
/// that has no subject of its own ("Placed in the care of Dr Ruiz, he ...", "After meeting
/// Ruiz, she ..."): such a clause's subject is the pronoun's referent, so a name inside it is
/// someone else. "When Ruiz arrived, he ..." keeps Ruiz, the clause's own subject.
fn in_subjectless_clause_before(doc: &Document, e: &Entity, s: usize, t: usize) -> bool {
    let sentence = doc.sentences[s].tokens.clone();
    let rel = |k: usize| doc.tokens[k].deprel.as_deref().unwrap_or("");
    let head = |k: usize| head_in(doc, &sentence, k);
    if !rel(t).starts_with("nsubj") {
        return false;
    }
    let Some(verb) = head(t) else {
        return false;
    };
    // Climb from the mention's first word to the clause hanging from the pronoun's verb.
    let mut k = e.tokens.start;
    for _ in 0..sentence.len() {
        let Some(h) = head(k) else {
            return false;
        };
        if h == verb {
            // A fronted clause with no subject may come out of the parser as `ccomp`.
            return matches!(rel(k), "advcl" | "ccomp")
                && k < t
                && !sentence.clone().any(|x| {
                    head(x) == Some(k)
                            && rel(x).starts_with("nsubj")
                            // A reference mark, "[17]", is no subject.
                            && doc.tokens[x].upos.as_deref() != Some("NUM")
                });
        }
        k = h;
    }
    false
}

/// The person a story is about, for a pronoun with no one named in the sentences just before
/// it ("He was educated at ..." under a heading, in a profile): of the people among `allowed`
/// named before token `t`, the one mentioned most often so far (by name, or by a pronoun
/// joined to them), when named in the story's opening sentences and mentioned at least four
/// times and at least three times as often as anyone else.
fn story_subject(
    doc: &Document,
    allowed: &[usize],
    added: &[(Entity, usize)],
    t: usize,
) -> Option<usize> {
    let cluster = |i: usize| doc.entities[i].cluster.unwrap_or(i);
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for &i in allowed {
        if doc.entities[i].tokens.end <= t {
            let entry = counts.entry(cluster(i)).or_insert((0, i));
            entry.0 += 1;
            entry.1 = i;
        }
    }
    for (_, a) in added {
        if *a != NO_ANTECEDENT && allowed.contains(a) {
            if let Some(entry) = counts.get_mut(&cluster(*a)) {
                entry.0 += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_values().collect();
    ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // The story's subject is named in its opening sentences, as a news story's lead or a
    // profile's first line names them.
    let named_early = |i: usize| {
        allowed
            .iter()
            .any(|&k| cluster(k) == cluster(i) && doc.entities[k].sentence < STORY_OPENING)
    };
    match ranked.as_slice() {
        [(top, i), rest @ ..]
            if *top >= 4
                && rest.first().is_none_or(|(n, _)| top >= &(3 * n))
                && named_early(*i) =>
        {
            Some(*i)
        }
        _ => None,
    }
}

/// Whether the mention is the source a sentence cites ("according to Reuters", "according to
/// the ministry"): a pronoun in the same sentence tells what the source said of someone else
/// ("According to Reuters, they plan to ...").
fn named_as_the_source(doc: &Document, e: &Entity) -> bool {
    let Some(sentence) = doc.sentences.get(e.sentence) else {
        return false;
    };
    let word = |k: usize| doc.text[doc.tokens[k].span.range()].to_lowercase();
    let mut k = e.tokens.start;
    while k > sentence.tokens.start && doc.tokens[k - 1].upos.as_deref() == Some("DET") {
        k -= 1;
    }
    k >= sentence.tokens.start + 2 && word(k - 1) == "to" && word(k - 2) == "according"
}

/// Verbs that report speech, by lemma: a sentence with one at its root and a quotation
/// after it names the speaker who goes on in the quotation.
const REPORTING_LEMMAS: &[&str] = &[
    "say", "tell", "add", "insist", "warn", "claim", "argue", "explain", "state", "declare",
    "announce", "write", "continue", "comment", "note", "remark",
];

/// The word that names who speaks in sentence `s`: the subject, outside quotation marks, of a
/// verb of saying that is the sentence's root or hangs on it as a parenthetical ("Ruiz said:
/// ...", "\"...,\" she added").
fn speaker_word(doc: &Document, s: usize) -> Option<usize> {
    let sentence = doc.sentences[s].tokens.clone();
    let quoted = quoted_words(doc, s);
    let outside = |k: usize| !quoted[k - sentence.start];
    let rel = |k: usize| doc.tokens[k].deprel.as_deref().unwrap_or("");
    let head = |k: usize| head_in(doc, &sentence, k);
    let saying = |k: usize| {
        doc.tokens[k]
            .lemma
            .as_deref()
            .is_some_and(|l| REPORTING_LEMMAS.contains(&l))
    };
    let root = sentence.clone().find(|&k| rel(k) == "root")?;
    let verb = std::iter::once(root)
        .chain(
            sentence
                .clone()
                .filter(|&k| head(k) == Some(root) && matches!(rel(k), "parataxis" | "ccomp")),
        )
        .find(|&k| saying(k) && outside(k))?;
    sentence
        .clone()
        .find(|&k| head(k) == Some(verb) && rel(k).starts_with("nsubj") && outside(k))
}

/// Whether mention `e` names the speaker whose word is token `k`, stands in the words that
/// describe them ("Ana Ruiz, the Greens' spokeswoman,", "a Greens spokeswoman") or speaks with
/// them: the speaker's word is reached from the mention's head through nouns, their modifiers
/// and names joined to them alone.
fn names_the_speaker(doc: &Document, e: &Entity, k: usize) -> bool {
    if e.tokens.contains(&k) {
        return true;
    }
    let sentence = doc.sentences[e.sentence].tokens.clone();
    let Some(mut h) = e
        .tokens
        .clone()
        .find(|&x| head_in(doc, &sentence, x).is_none_or(|h| !e.tokens.contains(&h)))
    else {
        return false;
    };
    for _ in 0..sentence.len() {
        let Some(up) = head_in(doc, &sentence, h) else {
            return false;
        };
        let relation = doc.tokens[h].deprel.as_deref().unwrap_or("");
        // A name joined to the speaker's ("Ruiz and the Greens said") speaks too.
        let describes = matches!(relation, "appos" | "compound" | "flat" | "amod" | "conj")
            || relation.starts_with("nmod");
        if !describes {
            return false;
        }
        if up == k {
            return true;
        }
        h = up;
    }
    false
}

/// Who speaks the quotation sentence `s` holds, as (sentence, word): its own speaker, else,
/// when `s` opens inside a quotation ("\"The plan has failed.\""), the speaker of the
/// sentence before, who goes on speaking.
fn quotation_speaker(doc: &Document, s: usize) -> Option<(usize, usize)> {
    if let Some(k) = speaker_word(doc, s) {
        return Some((s, k));
    }
    let first = doc.sentences[s].tokens.start;
    let opens_quoted = matches!(
        &doc.text[doc.tokens[first].span.range()],
        "\"" | "\u{201c}" | "``"
    ) || quoted_words(doc, s).first().copied().unwrap_or(false);
    let previous = s.checked_sub(1).filter(|_| opens_quoted)?;
    speaker_word(doc, previous).map(|k| (previous, k))
}

/// For each word of sentence `s`, whether it stands inside quotation marks. The marks are
/// followed from the start of the sentence's paragraph, as a quotation runs over several
/// sentences: a curly mark opens or closes, and so does a straight one, by the space before
/// it. News opens each paragraph of a long quotation again without closing the one before,
/// so a paragraph starts outside. Single marks are left out, as they are apostrophes as often.
fn quoted_words(doc: &Document, s: usize) -> Vec<bool> {
    let gap_has_break = |i: usize| {
        i == 0 || {
            let end = doc.sentences[i - 1].span.end;
            let start = doc.sentences[i].span.start;
            doc.text.get(end..start).is_some_and(|g| g.contains('\n'))
        }
    };
    let mut first = s;
    while !gap_has_break(first) {
        first -= 1;
    }
    let mut inside = false;
    let mut flags = Vec::new();
    for i in first..=s {
        flags.clear();
        for k in doc.sentences[i].tokens.clone() {
            let flag = match &doc.text[doc.tokens[k].span.range()] {
                "\u{201c}" | "``" => {
                    inside = true;
                    false
                }
                "\u{201d}" | "''" => {
                    inside = false;
                    false
                }
                // A straight mark opens after a space or the paragraph's start and closes
                // after a word: news may open a quotation again without closing the last.
                "\"" => {
                    let span = doc.tokens[k].span;
                    inside = doc.text[..span.start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| c.is_whitespace() || "([{-\u{2014}".contains(c));
                    false
                }
                _ => inside,
            };
            flags.push(flag);
        }
    }
    flags
}

/// The mention a pronoun at token `t` of sentence `s` refers to, among `candidates`: the
/// subject of the clause above its own (see [`subject_above`]), else the nearest before it in
/// the sentence, else, in each of the `look_back` sentences before, its
/// subject, the mention before its main verb, or its first.
fn antecedent(
    doc: &Document,
    candidates: &Candidates,
    s: usize,
    t: usize,
    look_back: usize,
) -> Option<usize> {
    if let Some(i) = subject_above(doc, candidates, s, t) {
        return Some(i);
    }
    // A pronoun outside quotation marks is not someone the quotation names: "\"Soto has
    // been a loyal ally,\" he said" is the speaker.
    let quoted = quoted_words(doc, s);
    let start = doc.sentences[s].tokens.start;
    let outside_quotes = !quoted.get(t - start).copied().unwrap_or(false);
    // The nearest before it in the sentence, passing over a name that only modifies another
    // noun ("Russia engaging with G20 diplomats over its invasion" is Russia's) when a
    // name heading its own phrase comes before.
    // A pronoun inside quotation marks is not who speaks them, nor the body the speaker is
    // named by ("Ana Ruiz, the Greens' spokeswoman, said: \"They have no plan\""): speakers
    // say "I" and "we".
    let speaker_of = |ps: usize| {
        (!outside_quotes)
            .then(|| quotation_speaker(doc, ps))
            .flatten()
    };
    let the_speakers = |speaker: Option<(usize, usize)>, e: &Entity| {
        speaker.is_some_and(|(sp, k)| e.sentence == sp && names_the_speaker(doc, e, k))
    };
    let own_speaker = speaker_of(s);
    let before: Vec<(usize, &Entity)> = candidates
        .iter()
        .copied()
        .filter(|(_, e)| e.sentence == s && e.tokens.end <= t)
        .filter(|(_, e)| !in_subjectless_clause_before(doc, e, s, t))
        .filter(|(_, e)| !named_as_the_source(doc, e))
        .filter(|(_, e)| !(outside_quotes && quoted[e.tokens.start - start]))
        .filter(|(_, e)| !the_speakers(own_speaker, e))
        .collect();
    let heading = before.iter().rev().find(|(_, e)| !is_modifier(doc, e));
    if let Some(&(i, _)) = heading.or(before.last()) {
        return Some(i);
    }
    // A pronoun outside quotation marks looks back to who spoke: after "X said: \"The
    // minister has failed.\"", "He added ..." is X.
    (1..=look_back)
        .filter_map(|back| s.checked_sub(back))
        .find_map(|ps| {
            if outside_quotes {
                let speaker = quotation_speaker(doc, ps).and_then(|(sp, k)| {
                    candidates
                        .iter()
                        .find(|(_, e)| e.sentence == sp && e.tokens.contains(&k))
                });
                if let Some(&(i, _)) = speaker {
                    return Some(i);
                }
            }
            let speaker = speaker_of(ps);
            let in_sentence: Vec<(usize, &Entity)> = candidates
                .iter()
                .copied()
                .filter(|(_, e)| e.sentence == ps)
                .filter(|(_, e)| !the_speakers(speaker, e))
                .collect();
            // The main clause's subject first: "Asked if she would stand, Ruiz said ..." is
            // about Ruiz, whatever the clause before says.
            let root = doc.sentences[ps]
                .tokens
                .clone()
                .find(|&k| doc.tokens[k].deprel.as_deref() == Some("root"))
                .map(|k| k - doc.sentences[ps].tokens.start);
            in_sentence
                .iter()
                .find(|(_, e)| root.is_some_and(|r| subject_of(doc, e, r)))
                // Then a subject named by name before one joined by a pronoun, which may
                // carry an earlier mistake along.
                .or_else(|| {
                    in_sentence.iter().find(|(_, e)| {
                        e.mention == kestrel_core::MentionKind::Name && is_subject(doc, e)
                    })
                })
                .or_else(|| in_sentence.iter().find(|(_, e)| is_subject(doc, e)))
                .map(|&(i, _)| i)
                .or_else(|| before_main_verb(doc, ps, &in_sentence))
                .or(in_sentence.first().map(|&(i, _)| i))
        })
}

/// The names among `names` that the pronoun at token `t` of sentence `s` cannot refer to
/// because it is an argument of a relative clause hanging from them: "Soto, who thanked him",
/// "Soto, with whom he spoke" ("who" is Soto, so "him" is someone else). A possessive may be
/// Soto ("Soto, who thanked his aide"), and so may a subject further down ("Soto, who said he
/// would go"). The clause hangs from the noun the parser gives it as `acl:relcl`, and from
/// the word right before ", who" or ", with whom", as the parser may hang the clause on a
/// noun before the name or take it for a second verb of the sentence.
fn in_relative_clause_of(doc: &Document, names: &[usize], s: usize, t: usize) -> Vec<usize> {
    let sentence = doc.sentences[s].tokens.clone();
    let tok = &doc.tokens[t];
    let word = doc.text[tok.span.range()].to_lowercase();
    let argument = tok.deprel.as_deref().is_some_and(|d| {
        matches!(d, "obj" | "iobj") || d.starts_with("obl") || d.starts_with("nsubj")
    });
    if !argument || word.ends_with("self") {
        return Vec::new();
    }
    let Some(clause) = tok.head.map(|h| sentence.start + h) else {
        return Vec::new();
    };
    let parsed_head = (doc.tokens[clause].deprel.as_deref() == Some("acl:relcl"))
        .then(|| doc.tokens[clause].head.map(|n| sentence.start + n))
        .flatten();
    let who = sentence.clone().find(|&k| {
        k < t
            && doc.tokens[k].head.map(|x| sentence.start + x) == Some(clause)
            && matches!(
                doc.text[doc.tokens[k].span.range()].to_lowercase().as_str(),
                "who" | "whom"
            )
    });
    let before_who = who.and_then(|who| {
        let mut n = who.checked_sub(1)?;
        while n > sentence.start && matches!(doc.tokens[n].upos.as_deref(), Some("PUNCT" | "ADP")) {
            n -= 1;
        }
        Some(n)
    });
    names
        .iter()
        .copied()
        .filter(|&i| {
            let e = &doc.entities[i];
            e.sentence == s
                && [parsed_head, before_who]
                    .into_iter()
                    .flatten()
                    .any(|n| with_title(doc, e).contains(&n))
        })
        .collect()
}

/// Adds a mention for each pronoun that refers to a named person, in its antecedent's cluster
/// and with its actor. Returns how many were added.
pub fn link_pronouns(doc: &mut Document) -> usize {
    link_pronouns_and_places(doc, &[])
}

/// [`link_pronouns`], and descriptions of places ("the city") joined to the place they refer
/// to, given what each entity's name may name (`place_kinds`, one per entity; missing ones
/// fit no description).
pub fn link_pronouns_and_places(doc: &mut Document, place_kinds: &[PlaceKinds]) -> usize {
    let bodies: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| {
            let e = &doc.entities[i];
            matches!(e.kind, EntityKind::Gpe | EntityKind::Org)
                && e.mention == kestrel_core::MentionKind::Name
                && e.actor.is_some()
                && !e.tokens.is_empty()
        })
        .collect();
    // "Yukos said it would sue": a pronoun may refer to an organisation no dictionary knows,
    // which then gives it no code rather than leaving it to a body named before.
    let bodies_and_unknown_organisations: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| {
            let e = &doc.entities[i];
            matches!(e.kind, EntityKind::Gpe | EntityKind::Org)
                && e.mention == kestrel_core::MentionKind::Name
                && (e.actor.is_some() || e.kind == EntityKind::Org)
                && !e.tokens.is_empty()
        })
        .collect();
    // Countries named by name, for "the country".
    let countries: Vec<usize> = bodies
        .iter()
        .copied()
        .filter(|&i| {
            let e = &doc.entities[i];
            // Not a city the dictionary files under its country: "the country" after
            // "Mombasa" is Kenya, which that mention does not name.
            e.kind == EntityKind::Gpe
                && e.actor.as_ref().is_some_and(|a| {
                    crate::is_country_code(a)
                        && crate::names_the_country(&doc.text[e.span.range()], a)
                })
        })
        .collect();
    let names: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| {
            doc.entities[i].kind == EntityKind::Person
                && doc.entities[i].mention == kestrel_core::MentionKind::Name
        })
        .filter(|&i| {
            !doc.entities[i].tokens.is_empty() && doc.entities[i].sentence < doc.sentences.len()
        })
        .collect();
    let covered: std::collections::HashSet<usize> =
        doc.entities.iter().flat_map(|e| e.tokens.clone()).collect();
    let n_tokens = doc.tokens.len();
    let mut entity_at = vec![None; n_tokens];
    for (i, e) in doc.entities.iter().enumerate() {
        for t in e.tokens.clone().filter(|&t| t < n_tokens) {
            entity_at[t] = Some(i);
        }
    }
    let mut genders = stated_genders(doc, &names);
    let titles = stated_titles(doc, &entity_at, &names);
    // Each mention added, with the entity it refers to (or [`NO_ANTECEDENT`]).
    let mut added: Vec<(Entity, usize)> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            let tok = &doc.tokens[t];
            let word = doc.text[tok.span.range()].to_lowercase();
            // "That country", "that city" point back as "the" does, to places and bodies, and
            // "this city" to a town, whose name a speaker has most often used before saying
            // it. Not "this country", which in a quotation is the speaker's own ("there are
            // hundreds of them in this country", said in Britain of a story about South
            // Africa).
            let determiner = tok.upos.as_deref() == Some("DET");
            let demonstrative = word == "that" && determiner;
            let this = word == "this" && determiner;
            if word == "the" || demonstrative || this {
                if let Some((antecedent, last)) =
                    the_place(doc, &entity_at, place_kinds, &added, s, t)
                {
                    let a = &doc.entities[antecedent];
                    added.push((
                        Entity {
                            span: Span::new(tok.span.start, doc.tokens[last].span.end),
                            sentence: s,
                            tokens: t..last + 1,
                            kind: a.kind,
                            actor: a.actor.clone(),
                            cluster: None,
                            mention: kestrel_core::MentionKind::Description,
                        },
                        antecedent,
                    ));
                    continue;
                }
                if this {
                    continue;
                }
                if let Some((kind, actor, antecedent, last)) =
                    the_country_or_body(doc, &entity_at, &countries, &bodies, s, t)
                {
                    added.push((
                        Entity {
                            span: Span::new(tok.span.start, doc.tokens[last].span.end),
                            sentence: s,
                            tokens: t..last + 1,
                            kind,
                            actor: Some(actor),
                            cluster: None,
                            mention: kestrel_core::MentionKind::Description,
                        },
                        antecedent,
                    ));
                    continue;
                }
                if demonstrative {
                    continue;
                }
                if let Some((code, last)) = the_government(doc, &entity_at, s, t) {
                    let span = Span::new(tok.span.start, doc.tokens[last].span.end);
                    let actor = kestrel_core::ActorCode {
                        code,
                        sector: Some("GOV".into()),
                        name: doc.text[span.range()].to_string(),
                        source: kestrel_core::ActorSource::Text,
                    };
                    added.push((
                        Entity {
                            span,
                            sentence: s,
                            tokens: t..last + 1,
                            kind: EntityKind::Org,
                            actor: Some(actor),
                            cluster: None,
                            mention: kestrel_core::MentionKind::Description,
                        },
                        NO_ANTECEDENT,
                    ));
                    continue;
                }
                if let Some(Described {
                    last,
                    country,
                    sector,
                    former,
                    office,
                }) = description(doc, &entity_at, t, sentence.tokens.end)
                {
                    let one_office = names_one_office(&office, sector);
                    // "Ruiz criticised the minister", "She wrote to the minister": a
                    // description as an object or oblique is not its own verb's subject, be
                    // that subject a name or a pronoun joined to one.
                    let cluster = |i: usize| doc.entities[i].cluster.unwrap_or(i);
                    let bound: Vec<usize> = doc.tokens[last]
                        .head
                        .filter(|_| {
                            doc.tokens[last].deprel.as_deref().is_some_and(|d| {
                                matches!(d, "obj" | "iobj") || d.starts_with("obl")
                            })
                        })
                        .map_or(Vec::new(), |h| {
                            let named = names.iter().copied().filter(|&i| {
                                doc.entities[i].sentence == s
                                    && subject_of(doc, &doc.entities[i], h)
                            });
                            let pronouns = added
                                .iter()
                                .filter(|(e, a)| {
                                    *a != NO_ANTECEDENT && e.sentence == s && subject_of(doc, e, h)
                                })
                                .map(|(_, a)| *a);
                            named.chain(pronouns).map(cluster).collect()
                        });
                    // `strict`: as a coreference link; else as a clue to the office's country.
                    let fits = |i: &usize, strict: bool| {
                        let e = &doc.entities[*i];
                        if strict && bound.contains(&cluster(*i)) {
                            return false;
                        }
                        let a = e.actor.as_ref();
                        // "The prime minister" is someone the text has called so.
                        let titled = || {
                            titles
                                .get(&e.cluster.unwrap_or(*i))
                                .is_some_and(|ts| ts.iter().any(|x| title_fits(&office, x)))
                        };
                        // "the Tory leader" of a party in opposition is its leader there.
                        let sector_is = |x: &str| {
                            x == sector || (former && x == "ELI") || (sector == "PTY" && x == "OPP")
                        };
                        let sector = a.and_then(|a| a.sector.as_deref());
                        // A loose description ("the minister") may take someone whose
                        // sector the dictionary or the text states and fits it; one who
                        // names an office takes only someone the text has called so, and
                        // anyone else needs that title too: "the spokesman" or "the editor"
                        // after a name the dictionary lacks is most often someone else.
                        let known = if !strict {
                            sector.is_none_or(sector_is)
                        } else if one_office {
                            titled() && sector.is_none_or(sector_is)
                        } else {
                            sector.is_some_and(sector_is) || (sector.is_none() && titled())
                        };
                        // A description that states the country may reach further back:
                        // "the Slovenian minister" is the one named, however long ago.
                        // As a clue to the country of an office no one holds, anyone the story
                        // is about.
                        known
                            && (country.is_some()
                                || !strict
                                || e.sentence + DESCRIPTION_LOOK_BACK >= s)
                            && e.tokens.end <= t
                            && country
                                .as_ref()
                                .is_none_or(|c| a.is_some_and(|a| &a.code == c))
                    };
                    let span = Span::new(tok.span.start, doc.tokens[last].span.end);
                    let mention = |actor| Entity {
                        span,
                        sentence: s,
                        tokens: t..last + 1,
                        kind: EntityKind::Person,
                        actor,
                        cluster: None,
                        mention: kestrel_core::MentionKind::Description,
                    };
                    if let Some(&antecedent) = names.iter().rev().find(|i| fits(i, true)) {
                        added.push((mention(doc.entities[antecedent].actor.clone()), antecedent));
                    } else if one_office {
                        // "The prime minister" in a story whose people the text has not
                        // called so is still an office of the country of those it is
                        // about: the office, in a cluster of its own, with the country of
                        // the nearest person whose sector fits, or the country the description
                        // states ("the Tory leader", "the Slovenian prime minister").
                        let country = country.clone().or_else(|| {
                            names
                                .iter()
                                .rev()
                                .filter(|i| fits(i, false))
                                .find_map(|&i| doc.entities[i].actor.as_ref())
                                // A country's three letters, not an organisation's code.
                                .filter(|a| a.code.len() == 3)
                                .map(|a| a.code.clone())
                        });
                        if let Some(code) = country {
                            let actor = kestrel_core::ActorCode {
                                code,
                                sector: Some(sector.to_string()),
                                name: doc.text[span.range()].to_string(),
                                source: kestrel_core::ActorSource::Text,
                            };
                            added.push((mention(Some(actor)), NO_ANTECEDENT));
                        }
                    }
                }
                continue;
            }
            if covered.contains(&t) {
                continue;
            }
            let upos = tok.upos.as_deref();
            let antecedent = if THING_PRONOUNS.contains(&word.as_str()) && upos == Some("PRON") {
                thing_antecedent(doc, &bodies_and_unknown_organisations, s, t)
            } else if PRONOUNS.contains(&word.as_str())
                && upos.is_none_or(|u| u == "PRON" || u == "DET")
            {
                let gender = pronoun_gender(&word);
                // "him" or "her" as an object or oblique is not its own verb's subject.
                let object_of = tok.head.filter(|_| {
                    !word.ends_with("self")
                        && tok
                            .deprel
                            .as_deref()
                            .is_some_and(|d| matches!(d, "obj" | "iobj") || d.starts_with("obl"))
                });
                let cluster = |i: usize| doc.entities[i].cluster.unwrap_or(i);
                let mut bound: Vec<usize> = object_of.map_or(Vec::new(), |h| {
                    names
                        .iter()
                        .copied()
                        .filter(|&i| {
                            doc.entities[i].sentence == s && subject_of(doc, &doc.entities[i], h)
                        })
                        .map(cluster)
                        .collect()
                });
                bound.extend(
                    in_relative_clause_of(doc, &names, s, t)
                        .into_iter()
                        .map(cluster),
                );
                // "Ruiz said Soto had served well. \"His record ...": the speaker who goes on
                // in a quotation does not call themselves "he".
                let quoted = quoted_words(doc, s)[t - doc.sentences[s].tokens.start];
                let speaker_at = |ps: usize, k: usize| {
                    doc.entities
                        .iter()
                        .position(|e| e.sentence == ps && e.tokens.contains(&k))
                        .or_else(|| {
                            added
                                .iter()
                                .find(|(e, a)| {
                                    *a != NO_ANTECEDENT && e.sentence == ps && e.tokens.contains(&k)
                                })
                                .map(|(_, a)| *a)
                        })
                };
                if let Some((ps, k)) = quotation_speaker(doc, s).filter(|_| quoted) {
                    // "\"He was ...,\" he said", the speaker a pronoun not yet joined: the
                    // speaker of the sentence before, who goes on.
                    let speaker = speaker_at(ps, k).or_else(|| {
                        let before = (ps == s && k > t).then(|| s.checked_sub(1)).flatten()?;
                        speaker_word(doc, before).and_then(|k| speaker_at(before, k))
                    });
                    if let Some(speaker) = speaker {
                        bound.push(cluster(speaker));
                    }
                }
                // "He accused Mr Ruiz": a subject is not its own verb's object either.
                let subject_of_verb = tok.head.filter(|_| {
                    !word.ends_with("self")
                        && tok
                            .deprel
                            .as_deref()
                            .is_some_and(|d| d.starts_with("nsubj"))
                });
                if let Some(h) = subject_of_verb {
                    bound.extend(
                        names
                            .iter()
                            .copied()
                            .filter(|&i| {
                                doc.entities[i].sentence == s
                                    && object_of_word(doc, &doc.entities[i], h)
                            })
                            .map(cluster),
                    );
                }
                let allowed: Vec<usize> = names
                    .iter()
                    .copied()
                    .filter(|&i| {
                        genders.get(&cluster(i)).is_none_or(|g| Some(*g) == gender)
                            && !bound.contains(&cluster(i))
                    })
                    .collect();
                // A person named a while ago is followed through the pronouns and
                // descriptions already joined to them: "He" opening a sentence after "He ..."
                // is the same man, and a name in that sentence's object is not its subject.
                let window = s.saturating_sub(LOOK_BACK);
                let mut candidates: Vec<(usize, &Entity)> = allowed
                    .iter()
                    .filter(|&&i| doc.entities[i].sentence >= window)
                    .map(|&i| (i, &doc.entities[i]))
                    .collect();
                candidates.extend(
                    added
                        .iter()
                        .filter(|(e, a)| {
                            e.kind == EntityKind::Person
                                && e.sentence >= window
                                && allowed.contains(a)
                        })
                        .map(|(e, a)| (*a, e)),
                );
                candidates.sort_by_key(|(_, e)| (e.sentence, e.tokens.start));
                let found = antecedent(doc, &candidates, s, t, LOOK_BACK)
                    .or_else(|| story_subject(doc, &allowed, &added, t));
                if let (Some(i), Some(g)) = (found, gender) {
                    genders.entry(cluster(i)).or_insert(g);
                }
                found
            } else {
                None
            };
            let Some(antecedent) = antecedent else {
                continue;
            };
            let a = &doc.entities[antecedent];
            added.push((
                Entity {
                    span: Span::new(tok.span.start, tok.span.end),
                    sentence: s,
                    tokens: t..t + 1,
                    kind: a.kind,
                    actor: a.actor.clone(),
                    cluster: None,
                    mention: kestrel_core::MentionKind::Pronoun,
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
            if antecedent != NO_ANTECEDENT {
                let placed = new_index_of_old[antecedent];
                e.cluster = Some(doc.entities[placed].cluster.unwrap_or(placed));
            }
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

    /// A document of `text`, split into sentences and words.
    fn segmented(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        doc
    }

    /// A mention by name: `name` found in `doc`'s text from byte `from`, its tokens looked
    /// up by span.
    fn named(doc: &Document, name: &str, from: usize, kind: EntityKind) -> Entity {
        let start = from + doc.text[from..].find(name).unwrap();
        let end = start + name.len();
        let tokens = doc
            .tokens
            .iter()
            .position(|t| t.span.start == start)
            .unwrap()
            ..doc.tokens.iter().position(|t| t.span.end == end).unwrap() + 1;
        let sentence = doc
            .sentences
            .iter()
            .position(|s| s.tokens.contains(&tokens.start))
            .unwrap();
        Entity {
            span: Span::new(start, end),
            sentence,
            tokens,
            kind,
            actor: None,
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        }
    }

    /// The descriptions and pronouns `link_pronouns_and_places` added, with the text of the
    /// name their cluster starts with.
    fn joined_to(doc: &Document) -> Vec<(&str, &str)> {
        doc.entities
            .iter()
            .filter(|e| e.mention != kestrel_core::MentionKind::Name)
            .map(|e| {
                let head = &doc.entities[e.cluster.unwrap()];
                (&doc.text[e.span.range()], &doc.text[head.span.range()])
            })
            .collect()
    }

    #[test]
    fn place_descriptions_join_the_nearest_place_of_their_kind() {
        let text = "Talks opened in Velmar, the capital of Ostra Province. Delegates praised the \
                    city and the city council. Farmers across the province protested. Bankers in the City \
                    stayed calm.";
        let mut doc = segmented(text);
        doc.entities.push(named(&doc, "Velmar", 0, EntityKind::Gpe));
        doc.entities
            .push(named(&doc, "Ostra Province", 0, EntityKind::Gpe));
        for (i, e) in doc.entities.iter_mut().enumerate() {
            e.cluster = Some(i);
        }
        let council = doc
            .tokens
            .iter()
            .position(|t| &text[t.span.range()] == "council")
            .unwrap();
        doc.tokens[council].upos = Some("NOUN".into());
        let town = PlaceKinds {
            town: true,
            capital: true,
            ..PlaceKinds::default()
        };
        let province = PlaceKinds {
            state: true,
            region: true,
            ..PlaceKinds::default()
        };
        assert_eq!(link_pronouns_and_places(&mut doc, &[town, province]), 2);
        // Not "the city council" (a modifier) nor "The City" (part of a name).
        assert_eq!(
            joined_to(&doc),
            [("the city", "Velmar"), ("the province", "Ostra Province")]
        );
    }

    #[test]
    fn a_city_described_again_and_again_stays_joined() {
        // Seven sentences after the name: too far for a description alone, but each "the city"
        // stands for the place as its name would.
        let text = "Floods reached Velmar on Monday. The river rose. The city closed its schools. \
                    Roads were shut. Trains stopped. Shops closed. Help came. The city \
                    reopened. Nobody in the town of Arlo was hurt. The province and the village \
                    were spared.";
        let mut doc = segmented(text);
        doc.entities.push(named(&doc, "Velmar", 0, EntityKind::Gpe));
        doc.entities[0].cluster = Some(0);
        let town = PlaceKinds {
            town: true,
            ..PlaceKinds::default()
        };
        assert_eq!(link_pronouns_and_places(&mut doc, &[town]), 2);
        // "The province" fits no place named before it, nor "the village" a town large
        // enough for the gazetteer; "the town of Arlo" names its own.
        assert_eq!(
            joined_to(&doc),
            [("The city", "Velmar"), ("The city", "Velmar")]
        );
    }

    #[test]
    fn a_city_named_long_ago_is_the_city_the_story_names_most() {
        // Velmar is named twice and Arlo once, both more than five sentences before the city.
        let text = "Guides praise Velmar. Velmar has a port. Arlo has none. Ships call. Ferries \
                    run. Buses are cheap. Trams are old. Taxis wait. Walkers love the city.";
        let mut doc = segmented(text);
        doc.entities.push(named(&doc, "Velmar", 0, EntityKind::Gpe));
        let second = text.rfind("Velmar").unwrap();
        doc.entities
            .push(named(&doc, "Velmar", second, EntityKind::Gpe));
        doc.entities.push(named(&doc, "Arlo", 0, EntityKind::Gpe));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(0);
        doc.entities[2].cluster = Some(2);
        let town = PlaceKinds {
            town: true,
            ..PlaceKinds::default()
        };
        assert_eq!(link_pronouns_and_places(&mut doc, &[town, town, town]), 1);
        assert_eq!(joined_to(&doc), [("the city", "Velmar")]);
        // Named once each, neither is the story's city.
        let mut doc = segmented(text);
        doc.entities.push(named(&doc, "Velmar", 0, EntityKind::Gpe));
        doc.entities.push(named(&doc, "Arlo", 0, EntityKind::Gpe));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns_and_places(&mut doc, &[town, town]), 0);
    }

    #[test]
    fn a_description_of_an_office_takes_the_one_the_text_called_so() {
        let text = "Prime Minister Ana Ruiz met Finance Minister Kofi Mensah, and Shadow \
                    Chancellor Luis Soto. Eva Lind, the foreign secretary, was away. The \
                    prime minister said little. The foreign secretary wrote. The chancellor \
                    spoke. The minister left.";
        let mut doc = segmented(text);
        for name in ["Ana Ruiz", "Kofi Mensah", "Luis Soto", "Eva Lind"] {
            let mut e = named(&doc, name, 0, EntityKind::Person);
            e.actor = Some(kestrel_core::ActorCode {
                code: "VLR".into(),
                sector: Some("GOV".into()),
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            });
            doc.entities.push(e);
        }
        for (i, e) in doc.entities.iter_mut().enumerate() {
            e.cluster = Some(i);
        }
        link_pronouns(&mut doc);
        // The apposition joins its name; then not the nearest member of the government, but
        // the one with the title; the shadow
        // chancellor is not the chancellor, whose office keeps a cluster of its own with the
        // country of the people around it; "the minister" stays loose.
        let found: Vec<(&str, Option<&str>, Option<&str>)> = doc
            .entities
            .iter()
            .filter(|e| e.mention == kestrel_core::MentionKind::Description)
            .map(|e| {
                let head = &doc.entities[e.cluster.unwrap()];
                let named = (head.mention == kestrel_core::MentionKind::Name)
                    .then(|| &doc.text[head.span.range()]);
                let code = e.actor.as_ref().map(|a| a.code.as_str());
                (&doc.text[e.span.range()], named, code)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("the foreign secretary", Some("Eva Lind"), Some("VLR")),
                ("The prime minister", Some("Ana Ruiz"), Some("VLR")),
                ("The foreign secretary", Some("Eva Lind"), Some("VLR")),
                ("The chancellor", None, Some("VLR")),
                ("The minister", Some("Eva Lind"), Some("VLR")),
            ]
        );
    }

    #[test]
    fn a_role_after_a_name_that_opens_a_clause_is_not_its_title() {
        // "Ana Ruiz, the president said" (Ruiz is addressed or listed; the president speaks).
        let text = "They thanked Ana Ruiz, the president said. The president left.";
        let mut doc = segmented(text);
        doc.entities
            .push(named(&doc, "Ana Ruiz", 0, EntityKind::Person));
        doc.entities[0].cluster = Some(0);
        let said = doc
            .tokens
            .iter()
            .position(|t| &text[t.span.range()] == "said")
            .unwrap();
        doc.tokens[said].upos = Some("VERB".into());
        link_pronouns(&mut doc);
        assert!(
            doc.entities
                .iter()
                .all(|e| e.mention == kestrel_core::MentionKind::Name || e.cluster != Some(0)),
            "{:?}",
            joined_to(&doc)
        );
    }

    #[test]
    fn a_role_word_that_names_a_body_or_modifies_a_noun_is_no_description() {
        let text = "General Kofi Mensah spoke. The general public cheered. The police \
                    arrived. The military service ended.";
        let mut doc = segmented(text);
        doc.entities
            .push(named(&doc, "Kofi Mensah", 0, EntityKind::Person));
        doc.entities[0].cluster = Some(0);
        doc.entities[0].actor = Some(kestrel_core::ActorCode {
            code: "GHA".into(),
            sector: Some("MIL".into()),
            name: String::new(),
            source: kestrel_core::ActorSource::Dictionary,
        });
        let tag = |doc: &mut Document, word: &str, upos: &str| {
            let k = doc
                .tokens
                .iter()
                .position(|t| &text[t.span.range()] == word)
                .unwrap();
            doc.tokens[k].upos = Some(upos.into());
        };
        tag(&mut doc, "general", "ADJ");
        tag(&mut doc, "service", "NOUN");
        assert_eq!(link_pronouns(&mut doc), 0, "{:?}", joined_to(&doc));
        // Read as a noun, "the general" is the man named before.
        let mut doc = segmented("General Kofi Mensah spoke. The general left.");
        doc.entities
            .push(named(&doc, "Kofi Mensah", 0, EntityKind::Person));
        doc.entities[0].cluster = Some(0);
        assert_eq!(link_pronouns(&mut doc), 1);
    }

    #[test]
    fn descriptions_join_the_person_they_fit() {
        let text = "Ana Ruiz met Kofi Mensah. The Chilean diplomat left early. The general stayed.";
        let mut doc = segmented(text);
        let person =
            |start: usize, end: usize, tokens: std::ops::Range<usize>, code: &str, sector: &str| {
                Entity {
                    span: Span::new(start, end),
                    sentence: 0,
                    tokens,
                    kind: EntityKind::Person,
                    actor: Some(kestrel_core::ActorCode {
                        code: code.into(),
                        sector: Some(sector.into()),
                        name: String::new(),
                        source: kestrel_core::ActorSource::Dictionary,
                    }),
                    cluster: None,
                    mention: kestrel_core::MentionKind::Name,
                }
            };
        doc.entities.push(person(0, 8, 0..2, "CHL", "GOV"));
        doc.entities[0].cluster = Some(0);
        doc.entities.push(person(13, 24, 3..5, "GHA", "MIL"));
        doc.entities[1].cluster = Some(1);
        let chilean = text.find("Chilean").unwrap();
        doc.entities.push(Entity {
            span: Span::new(chilean, chilean + 7),
            sentence: 1,
            tokens: 7..8,
            kind: EntityKind::Norp,
            actor: Some(kestrel_core::ActorCode {
                code: "CHL".into(),
                sector: None,
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            }),
            cluster: Some(2),
            mention: kestrel_core::MentionKind::Name,
        });
        assert_eq!(link_pronouns(&mut doc), 2);
        let found: Vec<(&str, Option<usize>)> = doc
            .entities
            .iter()
            .filter(|e| e.mention != kestrel_core::MentionKind::Name)
            .map(|e| (&doc.text[e.span.range()], e.cluster))
            .collect();
        assert_eq!(
            found,
            [("The Chilean diplomat", Some(0)), ("The general", Some(1))]
        );
    }

    #[test]
    fn a_description_with_from_and_a_country_joins_that_countrys_person() {
        let text = "Ana Ruiz met Luis Soto . The minister from Chile left .";
        let mut doc = segmented(text);
        let with_actor = |mut e: Entity, code: &str| {
            e.actor = Some(kestrel_core::ActorCode {
                code: code.into(),
                sector: Some("GOV".into()),
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            });
            e
        };
        doc.entities
            .push(with_actor(person(text, "Ana Ruiz", 0, 0..2), "CHL"));
        doc.entities
            .push(with_actor(person(text, "Luis Soto", 0, 3..5), "PER"));
        let chile = text.find("Chile").unwrap();
        doc.entities.push(Entity {
            span: Span::new(chile, chile + 5),
            sentence: 1,
            tokens: 9..10,
            kind: EntityKind::Gpe,
            actor: Some(kestrel_core::ActorCode {
                code: "CHL".into(),
                sector: None,
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            }),
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        });
        for i in 0..3 {
            doc.entities[i].cluster = Some(i);
        }
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(
            linked(&doc, "The minister"),
            Some(0),
            "Chile's minister, not the nearest"
        );
    }

    #[test]
    fn a_description_takes_the_sector_its_role_words_state() {
        let text = "Ana Ruiz met reporters . Luis Soto spoke . The opposition leader left .";
        let mut doc = segmented(text);
        let mut ruiz = person(text, "Ana Ruiz", 0, 0..2);
        ruiz.actor = Some(kestrel_core::ActorCode {
            code: "KEN".into(),
            sector: Some("OPP".into()),
            name: String::new(),
            source: kestrel_core::ActorSource::Text,
        });
        let mut soto = person(text, "Luis Soto", 1, 4..6);
        soto.actor = Some(kestrel_core::ActorCode {
            code: "KEN".into(),
            sector: Some("GOV".into()),
            name: String::new(),
            source: kestrel_core::ActorSource::Text,
        });
        doc.entities.extend([ruiz, soto]);
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(
            linked(&doc, "The opposition leader"),
            Some(0),
            "an opposition leader, not the nearer official"
        );
    }

    /// `doc` with a party's mentions (`party`, of Velor) and people's (of Velor, their sector
    /// `sector`), each in a cluster of its own.
    fn with_party(text: &str, party: &[&str], people: &[(&str, &str)]) -> Document {
        let mut doc = segmented(text);
        let actor = |sector: &str| kestrel_core::ActorCode {
            code: "VLR".into(),
            sector: Some(sector.into()),
            name: "Verde Party".into(),
            source: kestrel_core::ActorSource::Dictionary,
        };
        let mut from = 0;
        for name in party {
            let mut e = named(&doc, name, from, EntityKind::Org);
            from = e.span.end;
            e.actor = Some(actor("PTY"));
            doc.entities.push(e);
        }
        for (name, sector) in people {
            let mut e = named(&doc, name, 0, EntityKind::Person);
            e.actor = Some(actor(sector));
            doc.entities.push(e);
        }
        doc.entities.sort_by_key(|e| e.span.start);
        for (i, e) in doc.entities.iter_mut().enumerate() {
            e.cluster = Some(i);
        }
        doc
    }

    #[test]
    fn a_partys_description_takes_the_person_the_party_titled() {
        let text = "Verde leader Ana Ruiz met Chancellor Luis Soto. The Verde leader replied. \
                    The shadow chancellor stayed away.";
        let mut doc = with_party(
            text,
            &["Verde", "Verde"],
            &[("Ana Ruiz", "PTY"), ("Luis Soto", "GOV")],
        );
        link_pronouns(&mut doc);
        assert_eq!(
            joined_to(&doc),
            [("The Verde leader", "Ana Ruiz")],
            "the party's leader, not the nearer name; a shadow chancellor is not the chancellor"
        );

        // A party's leader in opposition is the party's leader too.
        let text = "Verde leader Ana Ruiz met Chancellor Luis Soto. The Verde leader replied.";
        let mut doc = with_party(
            text,
            &["Verde", "Verde"],
            &[("Ana Ruiz", "OPP"), ("Luis Soto", "GOV")],
        );
        link_pronouns(&mut doc);
        assert_eq!(joined_to(&doc), [("The Verde leader", "Ana Ruiz")]);

        // No one is called the party's leader: the description is an office of its own, the
        // party's, not the nearest politician's.
        let text = "Luis Soto met reporters. The Verde leader replied.";
        let mut doc = with_party(text, &["Verde"], &[("Luis Soto", "GOV")]);
        link_pronouns(&mut doc);
        let leader = doc
            .entities
            .iter()
            .find(|e| e.mention == kestrel_core::MentionKind::Description)
            .expect("the description is a mention");
        assert_ne!(leader.cluster, Some(0));
        let actor = leader
            .actor
            .as_ref()
            .expect("the party's country and sector");
        assert_eq!(
            (actor.code.as_str(), actor.sector.as_deref()),
            ("VLR", Some("PTY"))
        );
    }

    #[test]
    fn a_country_named_only_where_something_happens_says_not_whose_government() {
        // (text, the first sentence's parse): Velor as the subject, after "in", and as a
        // noun's modifier.
        type Case<'a> = (&'a str, &'a [(usize, &'a str, &'a str)], Option<&'a str>);
        let cases: [Case; 3] = [
            (
                "Velor voted . The government said little .",
                &[
                    (1, "nsubj", "PROPN"),
                    (usize::MAX, "root", "VERB"),
                    (1, "punct", "PUNCT"),
                ],
                Some("VLR"),
            ),
            (
                "Fighting in Velor . The government said little .",
                &[
                    (usize::MAX, "root", "NOUN"),
                    (2, "case", "ADP"),
                    (0, "nmod", "PROPN"),
                    (0, "punct", "PUNCT"),
                ],
                None,
            ),
            (
                "The Velor war . The government said little .",
                &[
                    (2, "det", "DET"),
                    (2, "compound", "PROPN"),
                    (usize::MAX, "root", "NOUN"),
                    (2, "punct", "PUNCT"),
                ],
                None,
            ),
        ];
        for (text, first, expected) in cases {
            let mut doc = segmented(text);
            let mut rows = first.to_vec();
            rows.extend([
                (1, "det", "DET"),
                (2, "nsubj", "NOUN"),
                (usize::MAX, "root", "VERB"),
                (2, "obj", "ADJ"),
                (2, "punct", "PUNCT"),
            ]);
            parse(&mut doc, &rows);
            let mut velor = named(&doc, "Velor", 0, EntityKind::Gpe);
            velor.actor = Some(kestrel_core::ActorCode {
                code: "VLR".into(),
                sector: None,
                name: "Velor".into(),
                source: kestrel_core::ActorSource::Dictionary,
            });
            velor.cluster = Some(0);
            doc.entities.push(velor);
            link_pronouns(&mut doc);
            let government = doc
                .entities
                .iter()
                .find(|e| e.mention == kestrel_core::MentionKind::Description)
                .and_then(|e| e.actor.as_ref())
                .map(|a| a.code.as_str());
            assert_eq!(government, expected, "{text}");
        }
    }

    #[test]
    fn the_government_is_that_of_the_one_country_named_before_it() {
        let code_of = |text: &str, people: &[(&str, &str)]| {
            let mut doc = segmented(text);
            for tok in &mut doc.tokens {
                if text[tok.span.range()] == *"benches" {
                    tok.upos = Some("NOUN".into());
                }
            }
            for (name, code) in people {
                let mut e = named(&doc, name, 0, EntityKind::Person);
                e.actor = Some(kestrel_core::ActorCode {
                    code: code.to_string(),
                    sector: Some("GOV".into()),
                    name: String::new(),
                    source: kestrel_core::ActorSource::Dictionary,
                });
                doc.entities.push(e);
            }
            link_pronouns(&mut doc);
            doc.entities
                .iter()
                .find(|e| e.mention == kestrel_core::MentionKind::Description)
                .map(|e| {
                    let a = e.actor.as_ref().expect("a government has an actor");
                    assert_eq!(a.sector.as_deref(), Some("GOV"));
                    (doc.text[e.span.range()].to_string(), a.code.clone())
                })
        };
        assert_eq!(
            code_of(
                "Ana Ruiz spoke on Monday. The government said little.",
                &[("Ana Ruiz", "VLR")]
            ),
            Some(("The government".into(), "VLR".into()))
        );
        // Two countries' people: either's government.
        assert_eq!(
            code_of(
                "Ana Ruiz met Kofi Mensah. The government said little.",
                &[("Ana Ruiz", "VLR"), ("Kofi Mensah", "GHA")]
            ),
            None
        );
        // "The government of ..." names its own; "the government benches" are no government.
        for text in [
            "Ana Ruiz spoke. The government of Ghana said little.",
            "Ana Ruiz spoke. The government benches said little.",
        ] {
            assert_eq!(code_of(text, &[("Ana Ruiz", "VLR")]), None, "{text}");
        }
    }

    #[test]
    fn a_description_that_names_its_country_refers_to_no_one_before() {
        let text = "Ana Ruiz met reporters. The president of Velor left.";
        let mut doc = segmented(text);
        let entity =
            |span: Span, sentence, tokens, kind, code: &str, sector: Option<&str>| Entity {
                span,
                sentence,
                tokens,
                kind,
                actor: Some(kestrel_core::ActorCode {
                    code: code.into(),
                    sector: sector.map(String::from),
                    name: String::new(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: None,
                mention: kestrel_core::MentionKind::Name,
            };
        doc.entities.push(entity(
            Span::new(0, 8),
            0,
            0..2,
            EntityKind::Person,
            "VLR",
            Some("GOV"),
        ));
        let velor = text.find("Velor").unwrap();
        doc.entities.push(entity(
            Span::new(velor, velor + 5),
            1,
            8..9,
            EntityKind::Gpe,
            "VLR",
            None,
        ));
        assert_eq!(link_pronouns(&mut doc), 0);
    }

    #[test]
    fn a_reported_subject_pronoun_joins_the_subject_above_it() {
        // Both men, by their given names: the clause, not the gender, decides.
        let text = "Tomas Ruiz refused to meet Luis Soto , saying he was busy .";
        let mut doc = segmented(text);
        let parse = [
            (2, "nsubj"),
            (0, "flat"),
            (usize::MAX, "root"),
            (4, "mark"),
            (2, "xcomp"),
            (4, "obj"),
            (5, "flat"),
            (8, "punct"),
            (2, "advcl"),
            (11, "nsubj"),
            (11, "cop"),
            (8, "ccomp"),
            (2, "punct"),
        ];
        assert_eq!(doc.tokens.len(), parse.len());
        for (tok, (head, rel)) in doc.tokens.iter_mut().zip(parse) {
            tok.head = (head != usize::MAX).then_some(head);
            tok.deprel = Some(rel.into());
            tok.upos = Some(
                if rel == "nsubj" && head == 11 {
                    "PRON"
                } else {
                    "X"
                }
                .into(),
            );
        }
        for (cluster, (name, tokens)) in [("Tomas Ruiz", 0..2), ("Luis Soto", 5..7)]
            .into_iter()
            .enumerate()
        {
            let start = text.find(name).unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, start + name.len()),
                sentence: 0,
                tokens,
                kind: EntityKind::Person,
                actor: None,
                cluster: Some(cluster),
                mention: kestrel_core::MentionKind::Name,
            });
        }
        assert_eq!(link_pronouns(&mut doc), 1);
        let he = doc.entities.last().unwrap();
        assert_eq!(&doc.text[he.span.range()], "he");
        assert_eq!(
            he.cluster,
            Some(0),
            "the subject of the clause above, not the nearest name"
        );
    }

    #[test]
    fn a_possessive_passes_over_a_name_that_modifies_a_noun() {
        let text = "Kenya met Uganda envoys over its plan .";
        let mut doc = segmented(text);
        let parse = [
            (1, "nsubj", "PROPN"),
            (usize::MAX, "root", "VERB"),
            (3, "compound", "PROPN"),
            (1, "obj", "NOUN"),
            (6, "case", "ADP"),
            (6, "nmod:poss", "PRON"),
            (1, "obl", "NOUN"),
            (1, "punct", "PUNCT"),
        ];
        assert_eq!(doc.tokens.len(), parse.len());
        for (tok, (head, rel, upos)) in doc.tokens.iter_mut().zip(parse) {
            tok.head = (head != usize::MAX).then_some(head);
            tok.deprel = Some(rel.into());
            tok.upos = Some(upos.into());
        }
        for (cluster, (name, code, t)) in [("Kenya", "KEN", 0), ("Uganda", "UGA", 2)]
            .into_iter()
            .enumerate()
        {
            let start = text.find(name).unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, start + name.len()),
                sentence: 0,
                tokens: t..t + 1,
                kind: EntityKind::Gpe,
                actor: Some(kestrel_core::ActorCode {
                    code: code.into(),
                    sector: None,
                    name: name.into(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: Some(cluster),
                mention: kestrel_core::MentionKind::Name,
            });
        }
        link_pronouns(&mut doc);
        let its = doc
            .entities
            .iter()
            .find(|e| &doc.text[e.span.range()] == "its")
            .expect("its is linked");
        assert_eq!(
            its.cluster,
            Some(0),
            "Kenya heads its phrase; Uganda only modifies one"
        );
    }

    /// Sets each token's (head, relation, UPOS); `usize::MAX` marks the root.
    fn parse(doc: &mut Document, rows: &[(usize, &str, &str)]) {
        assert_eq!(doc.tokens.len(), rows.len());
        for (tok, &(head, rel, upos)) in doc.tokens.iter_mut().zip(rows) {
            tok.head = (head != usize::MAX).then_some(head);
            tok.deprel = Some(rel.into());
            tok.upos = Some(upos.into());
        }
    }

    /// A person's mention of `name` in sentence `sentence` over `tokens`, with no actor.
    fn person(text: &str, name: &str, sentence: usize, tokens: std::ops::Range<usize>) -> Entity {
        let start = text.find(name).unwrap();
        Entity {
            span: Span::new(start, start + name.len()),
            sentence,
            tokens,
            kind: EntityKind::Person,
            actor: None,
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        }
    }

    fn linked(doc: &Document, word: &str) -> Option<usize> {
        doc.entities
            .iter()
            .find(|e| {
                e.mention != kestrel_core::MentionKind::Name && &doc.text[e.span.range()] == word
            })
            .and_then(|e| e.cluster)
    }

    /// The clusters of the pronouns and descriptions `link_pronouns` added, in text order.
    fn linked_clusters(doc: &Document) -> Vec<(&str, Option<usize>)> {
        doc.entities
            .iter()
            .filter(|e| e.mention != kestrel_core::MentionKind::Name)
            .map(|e| (&doc.text[e.span.range()], e.cluster))
            .collect()
    }

    #[test]
    fn a_pronoun_follows_the_pronouns_joined_before() {
        // Ruiz is named three sentences before the fourth "She", and Soto is the only name
        // in the sentence before the last: the pronouns between carry Ruiz along.
        let text = "Ana Ruiz arrived . She spoke . She ate . She met Luis Soto . She left .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "obj", "PROPN"),
                (2, "flat", "PROPN"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Ana Ruiz", 0, 0..2));
        doc.entities.push(person(text, "Luis Soto", 3, 12..14));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 4);
        assert!(
            linked_clusters(&doc).iter().all(|&(_, c)| c == Some(0)),
            "{:?}",
            linked_clusters(&doc)
        );
    }

    #[test]
    fn a_subject_pronoun_is_not_its_verbs_object() {
        // "He went on to accuse Ruiz": Ruiz, the last subject, is not "He".
        let text = "Luis Soto spoke . Ana Ruiz arrived . He went on to accuse Ruiz .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "compound:prt", "ADP"),
                (4, "mark", "PART"),
                (1, "xcomp", "VERB"),
                (4, "obj", "PROPN"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Luis Soto", 0, 0..2));
        doc.entities.push(person(text, "Ana Ruiz", 1, 4..6));
        let mut later = person(text, "Ruiz .", 2, 13..14);
        later.span = Span::new(later.span.start, later.span.start + "Ruiz".len());
        doc.entities.push(later);
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        doc.entities[2].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked_clusters(&doc), [("He", Some(0))]);
    }

    #[test]
    fn a_description_as_an_object_is_not_its_verbs_subject() {
        let text =
            "Ana Ruiz thanked the minister . She wrote to the minister . The minister replied .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (4, "det", "DET"),
                (2, "obj", "NOUN"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (4, "case", "ADP"),
                (4, "det", "DET"),
                (1, "obl", "NOUN"),
                (1, "punct", "PUNCT"),
                (1, "det", "DET"),
                (2, "nsubj", "NOUN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
            ],
        );
        let mut ruiz = person(text, "Ana Ruiz", 0, 0..2);
        ruiz.cluster = Some(0);
        ruiz.actor = Some(kestrel_core::ActorCode {
            code: "CHL".into(),
            sector: Some("GOV".into()),
            name: String::new(),
            source: kestrel_core::ActorSource::Dictionary,
        });
        doc.entities.push(ruiz);
        link_pronouns(&mut doc);
        assert_eq!(
            linked_clusters(&doc),
            [("She", Some(0)), ("The minister", Some(0))],
            "the minister thanked and written to is someone else; the one who replies may be Ruiz"
        );
    }

    #[test]
    fn a_name_in_a_fronted_clause_without_a_subject_is_not_the_pronouns() {
        // "Met by Soto, she smiled": whoever was met is "she", so not Soto.
        let text = "Ana Ruiz arrived . Met by Luis Soto , she smiled .";
        let mut doc = segmented(text);
        let first = [
            (2, "nsubj", "PROPN"),
            (0, "flat", "PROPN"),
            (usize::MAX, "root", "VERB"),
            (2, "punct", "PUNCT"),
        ];
        let mut rows = first.to_vec();
        rows.extend([
            (6, "advcl", "VERB"),
            (2, "case", "ADP"),
            (0, "obl", "PROPN"),
            (2, "flat", "PROPN"),
            (0, "punct", "PUNCT"),
            (6, "nsubj", "PRON"),
            (usize::MAX, "root", "VERB"),
            (6, "punct", "PUNCT"),
        ]);
        parse(&mut doc, &rows);
        doc.entities.push(person(text, "Ana Ruiz", 0, 0..2));
        doc.entities.push(person(text, "Luis Soto", 1, 6..8));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "she"), Some(0));

        // "When Soto came, he smiled": the clause has its own subject, who is "he".
        let text = "Ana Ruiz arrived . When Luis Soto came , he smiled .";
        let mut doc = segmented(text);
        let mut rows = first.to_vec();
        rows.extend([
            (3, "mark", "SCONJ"),
            (3, "nsubj", "PROPN"),
            (1, "flat", "PROPN"),
            (6, "advcl", "VERB"),
            (3, "punct", "PUNCT"),
            (6, "nsubj", "PRON"),
            (usize::MAX, "root", "VERB"),
            (6, "punct", "PUNCT"),
        ]);
        parse(&mut doc, &rows);
        doc.entities.push(person(text, "Ana Ruiz", 0, 0..2));
        doc.entities.push(person(text, "Luis Soto", 1, 5..7));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "he"), Some(1));
    }

    #[test]
    fn a_pronoun_in_a_relative_clause_is_not_the_name_it_hangs_from() {
        // "Soto, who thanked her": "who" is Soto, so "her" is someone else, even where the
        // parser took the clause for a second verb of the sentence.
        let text = "Ana Ruiz arrived . She met Luis Soto , who thanked her .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "obj", "PROPN"),
                (2, "flat", "PROPN"),
                (6, "punct", "PUNCT"),
                (6, "nsubj", "PRON"),
                (1, "conj", "VERB"),
                (6, "obj", "PRON"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Ana Ruiz", 0, 0..2));
        doc.entities.push(person(text, "Luis Soto", 1, 6..8));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 2);
        assert_eq!(linked(&doc, "her"), Some(0), "Ruiz, not Soto");
    }

    #[test]
    fn the_main_clauses_subject_wins_even_when_the_parser_heads_it_with_a_title() {
        // "Dr" heads "Dr Ruiz" in the parse while the mention is "Ruiz" alone; Soto is the
        // subject of a clause inside the sentence, Ruiz of the sentence itself.
        let text = "Asked if Luis Soto would go , Dr Ruiz said no . He left .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (9, "advcl", "VERB"),
                (5, "mark", "SCONJ"),
                (5, "nsubj", "PROPN"),
                (2, "flat", "PROPN"),
                (5, "aux", "AUX"),
                (0, "ccomp", "VERB"),
                (0, "punct", "PUNCT"),
                (9, "nsubj", "PROPN"),
                (7, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (9, "obj", "INTJ"),
                (9, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Luis Soto", 0, 2..4));
        doc.entities.push(person(text, "Ruiz", 0, 8..9));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "He"), Some(1));
    }

    #[test]
    fn they_passes_over_a_country_for_an_organisation() {
        let text = "Kenya met the Vela Union . They left .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (4, "det", "DET"),
                (4, "compound", "PROPN"),
                (1, "obj", "PROPN"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
            ],
        );
        let body = |name: &str, tokens, kind, code: &str, sector: Option<&str>| {
            let start = text.find(name).unwrap();
            Entity {
                span: Span::new(start, start + name.len()),
                sentence: 0,
                tokens,
                kind,
                actor: Some(kestrel_core::ActorCode {
                    code: code.into(),
                    sector: sector.map(Into::into),
                    name: String::new(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: None,
                mention: kestrel_core::MentionKind::Name,
            }
        };
        doc.entities
            .push(body("Kenya", 0..1, EntityKind::Gpe, "KEN", None));
        doc.entities.push(body(
            "Vela Union",
            3..5,
            EntityKind::Org,
            "KENLAB",
            Some("LAB"),
        ));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "They"), Some(1), "the union, not Kenya");
    }

    /// The parse of "Kenya left .": a subject, its verb, the full stop.
    const KENYA_LEFT: [(usize, &str, &str); 3] = [
        (1, "nsubj", "PROPN"),
        (usize::MAX, "root", "VERB"),
        (1, "punct", "PUNCT"),
    ];

    /// "Kenya" as the first word of a document, named and coded.
    fn kenya_first() -> Entity {
        Entity {
            span: Span::new(0, 5),
            sentence: 0,
            tokens: 0..1,
            kind: EntityKind::Gpe,
            actor: Some(kestrel_core::ActorCode {
                code: "KEN".into(),
                sector: None,
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            }),
            cluster: Some(0),
            mention: kestrel_core::MentionKind::Name,
        }
    }

    #[test]
    fn an_expletive_it_refers_to_nothing() {
        // "Kenya left . It seems odd ." with "It" read as an expletive, then as a subject.
        let text = "Kenya left . It seems odd .";
        let relation = |it: &'static str| {
            let mut doc = segmented(text);
            parse(
                &mut doc,
                &[
                    (1, "nsubj", "PROPN"),
                    (usize::MAX, "root", "VERB"),
                    (1, "punct", "PUNCT"),
                    (1, it, "PRON"),
                    (usize::MAX, "root", "VERB"),
                    (1, "xcomp", "ADJ"),
                    (1, "punct", "PUNCT"),
                ],
            );
            doc.entities.push(kenya_first());
            link_pronouns(&mut doc)
        };
        assert_eq!(relation("expl"), 0);
        assert_eq!(relation("nsubj"), 1);
    }

    #[test]
    fn it_in_when_it_comes_to_refers_to_nothing() {
        // "Kenya left . When it comes to trade , ministers agree ." against "... When it
        // came , ministers agree .", where "it" is a thing that came.
        let link = |text: &str, to: bool| {
            let mut doc = segmented(text);
            let mut rows = vec![
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (2, "mark", "SCONJ"),
                (2, "nsubj", "PRON"),
                (usize::MAX, "advcl", "VERB"),
            ];
            if to {
                rows.extend([(4, "case", "ADP"), (2, "obl", "NOUN")]);
            }
            let verb = rows.len() - 3 + 2;
            rows[5].0 = verb;
            rows.extend([(verb, "punct", "PUNCT"), (verb, "nsubj", "NOUN")]);
            rows.extend([(usize::MAX, "root", "VERB"), (verb, "punct", "PUNCT")]);
            parse(&mut doc, &rows);
            doc.tokens[5].lemma = Some("come".into());
            doc.entities.push(kenya_first());
            link_pronouns(&mut doc)
        };
        assert_eq!(
            link(
                "Kenya left . When it comes to trade , ministers agree .",
                true
            ),
            0
        );
        assert_eq!(
            link("Kenya left . When it came , ministers agree .", false),
            1
        );
    }

    #[test]
    fn it_after_a_name_modifying_a_thing_is_the_thing() {
        // "Ministers signed the Lorin protocol and praised it .": the protocol, not the town;
        // "... met the Lorin government and praised it ." is Lorin's.
        let link = |noun: &str| {
            let text = format!("Ministers signed the Lorin {noun} and praised it .");
            let mut doc = segmented(&text);
            parse(
                &mut doc,
                &[
                    (1, "nsubj", "NOUN"),
                    (usize::MAX, "root", "VERB"),
                    (4, "det", "DET"),
                    (4, "compound", "PROPN"),
                    (1, "obj", "NOUN"),
                    (6, "cc", "CCONJ"),
                    (1, "conj", "VERB"),
                    (6, "obj", "PRON"),
                    (1, "punct", "PUNCT"),
                ],
            );
            doc.tokens[4].xpos = Some("NN".into());
            doc.tokens[4].lemma = Some(noun.into());
            let mut lorin = named(&doc, "Lorin", 0, EntityKind::Gpe);
            lorin.actor = kenya_first().actor;
            doc.entities.push(lorin);
            link_pronouns(&mut doc)
        };
        assert_eq!(link("protocol"), 0);
        assert_eq!(link("government"), 1);
    }

    #[test]
    fn it_may_be_an_organisation_no_dictionary_knows() {
        // "Kenya left . Zentro said it would appeal .": the company, known to no dictionary,
        // not the country before it.
        let text = "Kenya left . Zentro said it would appeal .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (4, "nsubj", "PRON"),
                (4, "aux", "AUX"),
                (1, "ccomp", "VERB"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(kenya_first());
        doc.entities.push(named(&doc, "Zentro", 0, EntityKind::Org));
        link_pronouns(&mut doc);
        let it = doc
            .entities
            .iter()
            .find(|e| e.mention == kestrel_core::MentionKind::Pronoun)
            .expect("\"it\" joined to a body");
        assert!(it.actor.is_none(), "{it:?}");
        assert_eq!(it.kind, EntityKind::Org);
    }

    #[test]
    fn they_after_a_plural_noun_is_not_the_body_before_it() {
        // "Acme fined the firms and sued them ." against "... the firm and sued them .":
        // "them" is the firms, where there are firms; and "the Corran Unions ... them" may
        // be the unions, whose name is plural.
        let link = |text: &str, plural_noun: bool, plural_name: bool| {
            let mut doc = segmented(text);
            parse(
                &mut doc,
                &[
                    (1, "nsubj", "PROPN"),
                    (usize::MAX, "root", "VERB"),
                    (3, "det", "DET"),
                    (1, "obj", "NOUN"),
                    (5, "cc", "CCONJ"),
                    (1, "conj", "VERB"),
                    (5, "obj", "PRON"),
                    (1, "punct", "PUNCT"),
                ],
            );
            doc.tokens[3].xpos = Some(if plural_noun { "NNS" } else { "NN" }.into());
            let mut body = named(&doc, &text[..text.find(' ').unwrap()], 0, EntityKind::Org);
            if plural_name {
                doc.tokens[0].xpos = Some("NNPS".into());
            }
            body.actor = Some(kestrel_core::ActorCode {
                code: "KST".into(),
                sector: Some("LAB".into()),
                name: String::new(),
                source: kestrel_core::ActorSource::Dictionary,
            });
            doc.entities.push(body);
            link_pronouns(&mut doc)
        };
        assert_eq!(link("Acme fined the firms and sued them .", true, false), 0);
        assert_eq!(link("Acme fined the firm and sued them .", false, false), 1);
        assert_eq!(
            link("Unions fined the firms and sued them .", true, true),
            1
        );
    }

    #[test]
    fn it_between_finding_and_an_adjective_refers_to_nothing() {
        // "For Kenya , Ruiz found it hard to leave .", with "hard" an adjective the verb takes,
        // against the same words with a noun there. ("In Kenya" would name where, which "it"
        // does not refer to.)
        let link = |after: &'static str| {
            let mut doc = segmented("For Kenya , Ruiz found it hard to leave .");
            parse(
                &mut doc,
                &[
                    (1, "case", "ADP"),
                    (4, "obl", "PROPN"),
                    (4, "punct", "PUNCT"),
                    (4, "nsubj", "PROPN"),
                    (usize::MAX, "root", "VERB"),
                    (4, "obj", "PRON"),
                    (4, "xcomp", after),
                    (8, "mark", "PART"),
                    (6, "xcomp", "VERB"),
                    (4, "punct", "PUNCT"),
                ],
            );
            doc.tokens[4].lemma = Some("find".into());
            let mut kenya = named(&doc, "Kenya", 0, EntityKind::Gpe);
            kenya.actor = kenya_first().actor;
            doc.entities.push(kenya);
            link_pronouns(&mut doc)
        };
        assert_eq!(link("ADJ"), 0);
        assert_eq!(link("NOUN"), 1);
    }

    #[test]
    fn it_before_a_passive_verb_and_its_clause_refers_to_nothing() {
        let first = KENYA_LEFT;
        let link = |rows: &[(usize, &str, &str)], text: &str| {
            let mut all = first.to_vec();
            all.extend_from_slice(rows);
            let mut doc = segmented(text);
            parse(&mut doc, &all);
            doc.entities.push(kenya_first());
            link_pronouns(&mut doc)
        };
        let passive = [
            (2, "nsubj:pass", "PRON"),
            (2, "aux:pass", "AUX"),
            (usize::MAX, "root", "VERB"),
            (5, "mark", "SCONJ"),
            (5, "nsubj", "NOUN"),
            (2, "ccomp", "VERB"),
            (2, "punct", "PUNCT"),
        ];
        let text = "Kenya left . It was announced that talks ended .";
        assert_eq!(link(&passive, text), 0);
        let active = [
            (1, "nsubj", "PRON"),
            (usize::MAX, "root", "VERB"),
            (4, "mark", "SCONJ"),
            (4, "nsubj", "NOUN"),
            (1, "ccomp", "VERB"),
            (1, "punct", "PUNCT"),
        ];
        assert_eq!(
            link(&active, "Kenya left . It announced that talks ended ."),
            1
        );
    }

    #[test]
    fn an_object_it_takes_a_body_of_its_own_sentence_only() {
        // "Kenya left . They oppose it ." against "Kenya left . It opposes them .": the
        // object is a thing the sentence before spoke of, the subject is Kenya.
        let link = |rows: &[(usize, &str, &str)], text: &str| {
            let mut doc = segmented(text);
            parse(&mut doc, rows);
            doc.entities.push(kenya_first());
            link_pronouns(&mut doc)
        };
        let first = KENYA_LEFT;
        let mut object = first.to_vec();
        object.extend([
            (1, "nsubj", "PRON"),
            (usize::MAX, "root", "VERB"),
            (1, "obj", "PRON"),
            (1, "punct", "PUNCT"),
        ]);
        assert_eq!(link(&object, "Kenya left . They oppose it ."), 0);
        assert_eq!(link(&object, "Kenya left . It opposes them ."), 1);
    }

    #[test]
    fn it_is_neither_its_own_verbs_subject_nor_a_body_of_people() {
        // "Kenya backed it ." and "Kenya MPs left . It ...": an object "it" is not its verb's
        // subject, and a name ending in a plural noun for people is "they".
        let mut doc = segmented("Kenya backed it .");
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "obj", "PRON"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(kenya_first());
        assert_eq!(link_pronouns(&mut doc), 0);
        // "Kenya MPs left . It rained ." and "Kenya Airways left . It rained .": a body of
        // people is "they", a body's own name "it".
        let linked = |name: &str, head_lemma: &str| {
            let mut doc = segmented(&format!("{name} left . It rained ."));
            parse(
                &mut doc,
                &[
                    (1, "compound", "PROPN"),
                    (2, "nsubj", "PROPN"),
                    (usize::MAX, "root", "VERB"),
                    (2, "punct", "PUNCT"),
                    (1, "nsubj", "PRON"),
                    (usize::MAX, "root", "VERB"),
                    (1, "punct", "PUNCT"),
                ],
            );
            doc.tokens[1].xpos = Some("NNPS".into());
            doc.tokens[1].lemma = Some(head_lemma.into());
            let mut body = named(&doc, name, 0, EntityKind::Org);
            body.actor = kenya_first().actor;
            body.cluster = Some(0);
            doc.entities.push(body);
            link_pronouns(&mut doc)
        };
        assert_eq!(linked("Kenya MPs", "mp"), 0);
        assert_eq!(linked("Kenya Airways", "airway"), 1);
    }

    #[test]
    fn a_given_name_states_a_gender_unless_the_surname_is_shared() {
        let text = "Ana Ruiz met Tomas Reyes and Ms Lorca . Pierre Roux and Marie Roux came .";
        let mut doc = segmented(text);
        let mut from = 0;
        for name in [
            "Ana Ruiz",
            "Tomas Reyes",
            "Lorca",
            "Pierre Roux",
            "Marie Roux",
        ] {
            let mut e = named(&doc, name, from, EntityKind::Person);
            from = e.span.end;
            e.cluster = Some(doc.entities.len());
            doc.entities.push(e);
        }
        let genders = stated_genders(&doc, &[0, 1, 2, 3, 4]);
        assert_eq!(genders.get(&0), Some(&Gender::Female));
        assert_eq!(genders.get(&1), Some(&Gender::Male));
        // From the honorific.
        assert_eq!(genders.get(&2), Some(&Gender::Female));
        // Two given names for one surname: a later "Roux" could be either.
        assert_eq!(genders.get(&3), None);
        assert_eq!(genders.get(&4), None);
        assert_eq!(given_name_gender("Jordan"), None, "a name borne by both");
    }

    #[test]
    fn a_pronoun_far_from_any_name_is_the_story_subject() {
        // "She" three sentences after the last name is the person the story opened with and
        // keeps naming; not when that person first comes later in the story.
        let link = |opening: &str| {
            let text = format!(
                "{opening}Ana Ruiz won . Ruiz spoke . Ruiz left . Ruiz slept . Rain fell . \
                 Rain fell . Rain fell . She smiled ."
            );
            let mut doc = segmented(&text);
            // A sentence of a subject, its verb and a full stop.
            let clause = |subject: &'static str| {
                [
                    (1, "nsubj", subject),
                    (usize::MAX, "root", "VERB"),
                    (1, "punct", "PUNCT"),
                ]
            };
            let mut rows = Vec::new();
            for _ in 0..opening.matches(" . ").count() {
                rows.extend(clause("NOUN"));
            }
            rows.extend([
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "punct", "PUNCT"),
            ]);
            for subject in ["PROPN", "PROPN", "PROPN", "NOUN", "NOUN", "NOUN", "PRON"] {
                rows.extend(clause(subject));
            }
            parse(&mut doc, &rows);
            let mut from = 0;
            for name in ["Ana Ruiz", "Ruiz", "Ruiz", "Ruiz"] {
                let mut e = named(&doc, name, from, EntityKind::Person);
                from = e.span.end;
                e.cluster = Some(0);
                doc.entities.push(e);
            }
            link_pronouns(&mut doc);
            linked(&doc, "She")
        };
        assert_eq!(link(""), Some(0));
        assert_eq!(link("Rain fell . Rain fell . Rain fell . "), None);
    }

    #[test]
    fn a_pronoun_is_not_the_source_its_sentence_cites() {
        // "Kenya left . According to Vela , it will sell .": what a source says is of
        // someone else, here the country named before.
        let text = "Kenya left . According to Vela , it will sell .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (2, "case", "VERB"),
                (0, "fixed", "ADP"),
                (6, "obl", "PROPN"),
                (6, "punct", "PUNCT"),
                (6, "nsubj", "PRON"),
                (6, "aux", "AUX"),
                (usize::MAX, "root", "VERB"),
                (6, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(kenya_first());
        let mut source = named(&doc, "Vela", 0, EntityKind::Org);
        source.actor = Some(kestrel_core::ActorCode {
            code: "KENMED".into(),
            sector: Some("JRN".into()),
            name: String::new(),
            source: kestrel_core::ActorSource::Dictionary,
        });
        source.cluster = Some(1);
        doc.entities.push(source);
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "it"), Some(0), "Kenya, not the source");
    }

    #[test]
    fn an_object_pronoun_is_not_its_own_verbs_subject() {
        let text = "Ana Ruiz met Luis Soto . Soto thanked her .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "obj", "PROPN"),
                (3, "flat", "PROPN"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "obj", "PRON"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Ana Ruiz", 0, 0..2));
        doc.entities.push(person(text, "Luis Soto", 0, 3..5));
        let soto = text.rfind("Soto").unwrap();
        doc.entities.push(Entity {
            span: Span::new(soto, soto + 4),
            ..person(text, "Soto", 1, 6..7)
        });
        for (i, c) in [0, 1, 1].into_iter().enumerate() {
            doc.entities[i].cluster = Some(c);
        }
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "her"), Some(0), "not Soto, who thanked");
    }

    #[test]
    fn a_pronoun_skips_a_person_the_text_gave_the_other_gender() {
        // "Ms" makes Ana Ruiz a woman; "he" then passes her over, and "his" after "He"
        // joins Soto, whom "He" made a man.
        let text = "Ms Ana Ruiz met Luis Soto . He left . She stayed and his aide left .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "compound", "PROPN"),
                (3, "nsubj", "PROPN"),
                (1, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (3, "obj", "PROPN"),
                (4, "flat", "PROPN"),
                (3, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PRON"),
                (usize::MAX, "root", "VERB"),
                (6, "cc", "CCONJ"),
                (5, "nmod:poss", "PRON"),
                (6, "nsubj", "NOUN"),
                (1, "conj", "VERB"),
                (1, "punct", "PUNCT"),
            ],
        );
        doc.entities.push(person(text, "Ana Ruiz", 0, 1..3));
        doc.entities.push(person(text, "Luis Soto", 0, 4..6));
        doc.entities[0].cluster = Some(0);
        doc.entities[1].cluster = Some(1);
        assert_eq!(link_pronouns(&mut doc), 3);
        assert_eq!(linked(&doc, "He"), Some(1), "the subject is a woman");
        assert_eq!(linked(&doc, "She"), Some(0));
        assert_eq!(
            linked(&doc, "his"),
            Some(1),
            "the one man, not the nearest person"
        );
    }

    #[test]
    fn the_country_joins_the_country_named_before() {
        let text =
            "Kenya hosted the talks in Nairobi . Ruiz praised the country and the country music .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (3, "det", "DET"),
                (1, "obj", "NOUN"),
                (5, "case", "ADP"),
                (1, "obl", "PROPN"),
                (1, "punct", "PUNCT"),
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (3, "det", "DET"),
                (1, "obj", "NOUN"),
                (7, "cc", "CCONJ"),
                (7, "det", "DET"),
                (7, "compound", "NOUN"),
                (3, "conj", "NOUN"),
                (1, "punct", "PUNCT"),
            ],
        );
        for (cluster, (name, sector, t)) in [("Kenya", None, 0), ("Nairobi", Some("GOV"), 5)]
            .into_iter()
            .enumerate()
        {
            let start = text.find(name).unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, start + name.len()),
                sentence: 0,
                tokens: t..t + 1,
                kind: EntityKind::Gpe,
                actor: Some(kestrel_core::ActorCode {
                    code: "KEN".into(),
                    sector: sector.map(String::from),
                    name: name.into(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: Some(cluster),
                mention: kestrel_core::MentionKind::Name,
            });
        }
        assert_eq!(link_pronouns(&mut doc), 1, "not the country music");
        let country = doc
            .entities
            .iter()
            .find(|e| e.mention == kestrel_core::MentionKind::Description)
            .unwrap();
        assert_eq!(&doc.text[country.span.range()], "the country");
        assert_eq!(country.cluster, Some(0), "the country, not its capital");
        assert_eq!(country.kind, EntityKind::Gpe);
    }

    #[test]
    fn the_country_passes_over_a_city_filed_under_its_country() {
        // The dictionary files Port Asca under Kenya's entry, so it has Kenya's code with no
        // sector; "the country" is still Kenya, not the city named nearer.
        let text = "Kenya won . Port Asca hosted talks . Ruiz praised the country .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "punct", "PUNCT"),
                (2, "nsubj", "PROPN"),
                (0, "flat", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (2, "obj", "NOUN"),
                (2, "punct", "PUNCT"),
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (3, "det", "DET"),
                (1, "obj", "NOUN"),
                (1, "punct", "PUNCT"),
            ],
        );
        for (cluster, (mention, sentence, tokens)) in [("Kenya", 0, 0..1), ("Port Asca", 1, 3..5)]
            .into_iter()
            .enumerate()
        {
            let start = text.find(mention).unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, start + mention.len()),
                sentence,
                tokens,
                kind: EntityKind::Gpe,
                actor: Some(kestrel_core::ActorCode {
                    code: "KEN".into(),
                    sector: None,
                    name: "Kenya".into(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: Some(cluster),
                mention: kestrel_core::MentionKind::Name,
            });
        }
        assert_eq!(link_pronouns(&mut doc), 1);
        assert_eq!(linked(&doc, "the country"), Some(0));
    }

    #[test]
    fn the_alliance_and_the_company_join_the_body_named_before() {
        let text = "Velnato sent troops . The alliance said Orvix helped . The company denied it , and the group stage began .";
        let mut doc = segmented(text);
        parse(
            &mut doc,
            &[
                (1, "nsubj", "PROPN"),
                (usize::MAX, "root", "VERB"),
                (1, "obj", "NOUN"),
                (1, "punct", "PUNCT"),
                (1, "det", "DET"),
                (2, "nsubj", "NOUN"),
                (usize::MAX, "root", "VERB"),
                (4, "nsubj", "PROPN"),
                (2, "ccomp", "VERB"),
                (2, "punct", "PUNCT"),
                (1, "det", "DET"),
                (2, "nsubj", "NOUN"),
                (usize::MAX, "root", "VERB"),
                (2, "obj", "PRON"),
                (9, "punct", "PUNCT"),
                (9, "cc", "CCONJ"),
                (8, "det", "DET"),
                (8, "compound", "NOUN"),
                (9, "nsubj", "NOUN"),
                (2, "conj", "VERB"),
                (2, "punct", "PUNCT"),
            ],
        );
        for (cluster, (name, code, sector, sentence, t)) in [
            ("Velnato", "IGOVLN", "IGO", 0, 0),
            ("Orvix", "MNCVLR", "MNC", 1, 7),
        ]
        .into_iter()
        .enumerate()
        {
            let start = text.find(name).unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, start + name.len()),
                sentence,
                tokens: t..t + 1,
                kind: EntityKind::Org,
                actor: Some(kestrel_core::ActorCode {
                    code: code.into(),
                    sector: Some(sector.into()),
                    name: name.into(),
                    source: kestrel_core::ActorSource::Dictionary,
                }),
                cluster: Some(cluster),
                mention: kestrel_core::MentionKind::Name,
            });
        }
        link_pronouns(&mut doc);
        assert_eq!(
            linked(&doc, "The alliance"),
            Some(0),
            "the IGO, not the company"
        );
        assert_eq!(
            linked(&doc, "The company"),
            Some(2),
            "Orvix, placed after the alliance"
        );
        assert_eq!(linked(&doc, "the group"), None, "a noun's modifier");
    }

    #[test]
    fn pronouns_join_the_person_named_before() {
        let text = "Amina Odhiambo met reporters. She said the talks failed, and her aide agreed. Rain fell. It stopped.";
        let mut doc = segmented(text);
        let tokens = 0..2;
        doc.entities.push(Entity {
            span: Span::new(0, 14),
            sentence: 0,
            tokens,
            kind: EntityKind::Person,
            actor: None,
            cluster: Some(0),
            mention: kestrel_core::MentionKind::Name,
        });
        assert_eq!(link_pronouns(&mut doc), 2);
        let found: Vec<(&str, Option<usize>, bool)> = doc
            .entities
            .iter()
            .map(|e| {
                (
                    &doc.text[e.span.range()],
                    e.cluster,
                    e.mention != kestrel_core::MentionKind::Name,
                )
            })
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
