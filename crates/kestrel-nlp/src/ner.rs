//! Named entities: PERSON, ORG, GPE, LOC and NORP.
//!
//! A greedy left-to-right averaged perceptron over BILOU labels, trained on UniversalNER
//! (PER, ORG, LOC, and OTH for other names), with gazetteer features from GeoNames (countries,
//! first-level regions, cities) and demonyms, and word lists of organisation and title words.
//! Only transitions that make well-formed spans are allowed. After tagging, a LOC span that the
//! gazetteer knows as a country, region or city becomes GPE, and an OTH span that is a demonym
//! ("Kenyan", "Chileans") becomes NORP; other OTH spans are not reported.

use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};
use std::path::Path;

use crate::hash::{feature, string};
use crate::io_util::{read_string, read_u32, write_string, write_u32};
use crate::perceptron::Perceptron;
use crate::rng::Rng;
use crate::tagger::{normalise, shape};

pub use kestrel_core::EntityKind as EntityType;

/// Whether a word is a hesitation or a backchannel of speech ("um", "Uhhh", "mhm", "hmm"),
/// however many times its letters are drawn out.
pub(crate) fn is_filler(word: &str) -> bool {
    let mut squeezed = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if !squeezed.ends_with(c) {
            squeezed.push(c);
        }
    }
    match squeezed.as_str() {
        "um" | "uh" | "uhm" | "mhm" | "hm" | "er" | "erm" | "ah" | "huh" | "uhuh" => true,
        // "Mm", not the initial "M".
        "m" => word.chars().count() > 1,
        _ => false,
    }
}

/// Whether a word is an honorific that opens a person's name ("Mr", "Ms.", "Dr", "Sir").
fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Mx" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady"
    )
}

/// "..., Apple said in a statement", read as the place "Apple said": a name does not end in a
/// lower-case verb, modal, preposition, determiner, pronoun, conjunction or adverb, nor in a
/// dash or a comma, so such words are cut from a mention's end ("US military" and "Sadr city", which end in lower-case
/// nouns, stay whole).
fn without_trailing_function_words(words: &[&str], tags: &[&str], out: &mut Vec<Mention>) {
    let function_word = |k: usize| {
        let tag = tags[k];
        // "Ray Reardon - known as ...": nor in a dash or a comma.
        if matches!(
            words[k],
            "-" | "--" | "\u{2013}" | "\u{2014}" | "," | ";" | ":"
        ) {
            return true;
        }
        words[k].chars().all(|c| c.is_lowercase())
            && (tag.starts_with("VB")
                || matches!(
                    tag,
                    "MD" | "IN" | "DT" | "WDT" | "WP" | "TO" | "CC" | "PRP" | "RB"
                ))
    };
    for m in out.iter_mut() {
        while m.tokens.len() > 1 && function_word(m.tokens.end - 1) {
            m.tokens.end -= 1;
        }
    }
    out.retain(|m| !(m.tokens.len() == 1 && function_word(m.tokens.start)));
}

/// "Mr Houston", "Ms Essex": a name an honorific opens is a person's, whatever place or body
/// it also names. So is a place's name of one or two words right after a title that only a
/// person bears ("Justice Marlow's ruling", "President Lima"), when no organisation's word is in
/// it.
fn people_by_honorific(words: &[&str], out: &mut [Mention]) {
    for m in out {
        let before = m.tokens.start.checked_sub(1).map(|b| words[b]);
        let first = words[m.tokens.start];
        let place_after_a_title = matches!(m.kind, EntityType::Gpe | EntityType::Loc)
            && m.tokens.len() <= 2
            && before.is_some_and(|w| w.starts_with(char::is_uppercase) && is_personal_title(w))
            && !words[m.tokens.clone()]
                .iter()
                .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
        if before.is_some_and(is_honorific)
            || (m.tokens.len() > 1 && is_honorific(first))
            || place_after_a_title
        {
            m.kind = EntityType::Person;
        }
    }
}

/// Whether a capitalised word names a day of the week or a month ("on Wednesday Lord Woolf").
pub(crate) fn is_day_or_month(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && (kestrel_core::WEEKDAYS.contains(&lower.as_str())
            || kestrel_core::MONTHS.contains(&lower.as_str()))
}

/// Words that make a title and the capitalised words after it a place or a thing named after
/// someone ("King Street", "Queen Square", "King's Cross"), not a person.
const PLACES_AFTER_TITLES: &[&str] = &[
    "street", "road", "square", "cross", "avenue", "park", "hall", "bridge", "gate", "island",
    "airport", "station", "act", "bill", "plan", "prize", "award", "cup", "trophy",
];

/// "... by Justice Scalia, he said", "President Ruiz": the model may miss a name after a title
/// that only a person bears, or an honorific. One to three capitalised words right after such
/// a title (itself capitalised), that no mention covers, are a person's name, unless one of them
/// is a title ("Mr Speaker", "Governor General") or an organisation's word ("the Justice
/// Department", "Queen Mary College").
fn names_after_a_personal_title(words: &[&str], out: &mut Vec<Mention>) {
    let covered = covered_tokens(words.len(), out);
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    // A title after a capitalised word that is no title is part of a name itself ("the
    // Criminal Justice Act", "the Family Justice Division"); after a title it is a title still
    // ("Lord Justice Rix", "Mr Justice Eady").
    let inside_a_name = |k: usize| {
        k > 1 && {
            let before = words[k - 2];
            before.chars().next().is_some_and(char::is_uppercase)
                && before.chars().all(char::is_alphabetic)
                && !is_title(before)
                && !is_honorific(before)
                && !TITLE_OPENERS.contains(&before.to_lowercase().as_str())
                && !is_day_or_month(before)
        }
    };
    // Not a title in the plural ("Lord Justices Clarke and Rix").
    let title_word = |w: &str| is_title(w) || is_title(w.trim_end_matches('s'));
    let mut t = 1;
    while t < words.len() {
        let title = words[t - 1];
        if covered[t]
            || !title.starts_with(char::is_uppercase)
            || !(is_honorific(title) || is_personal_title(title))
            || !name_word(words[t])
            || inside_a_name(t)
        {
            t += 1;
            continue;
        }
        let mut end = t;
        while end < words.len() && end < t + 3 && !covered[end] && name_word(words[end]) {
            end += 1;
        }
        let clean = words[t..end].iter().all(|w| {
            let lower = w.to_lowercase();
            !title_word(w)
                && !ORG_WORDS.contains(&lower.as_str())
                && !PLACES_AFTER_TITLES.contains(&lower.as_str())
        });
        // A run that goes on past three words is no name of a person.
        let stops = end == words.len() || !name_word(words[end]) || covered[end];
        if clean && stops {
            out.push(Mention {
                tokens: t..end,
                kind: EntityType::Person,
            });
            t = end;
        } else {
            // A title after a title ("Mr Justice Orvell") is the next one's title.
            t += 1;
        }
    }
}

/// Kinds of gazetteer entry, as bits.
const GAZ_COUNTRY: u8 = 1;
const GAZ_REGION: u8 = 2;
const GAZ_CITY: u8 = 4;
const GAZ_DEMONYM: u8 = 8;
const GAZ_PERSON: u8 = 16;
const GAZ_ORG: u8 = 32;
/// A given name: the first word of a person's name of two or three words.
const GAZ_GIVEN: u8 = 64;
/// Longest gazetteer phrase, in tokens.
const MAX_PHRASE: usize = 6;

/// Names from GeoNames and the demonym table.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Lowercase phrase (tokens joined by a space) → kind bits.
    names: HashMap<String, u8>,
}

impl Gazetteer {
    /// Builds the gazetteer from a GeoNames folder: `countryInfo.txt`, `admin1CodesASCII.txt`,
    /// `cities15000.zip` (or `cities15000.txt`) and `demonyms.csv`.
    pub fn from_geonames(dir: &Path) -> io::Result<Gazetteer> {
        let mut g = Gazetteer::default();
        let read = |name: &str| std::fs::read_to_string(dir.join(name));
        for line in read("countryInfo.txt")?
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 5 {
                g.add(cols[4], GAZ_COUNTRY);
                g.add(cols[5], GAZ_CITY);
            }
        }
        for line in read("admin1CodesASCII.txt")?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 {
                g.add(cols[1], GAZ_REGION);
                g.add(cols[2], GAZ_REGION);
            }
        }
        let cities = match read("cities15000.txt") {
            Ok(s) => s,
            Err(_) => unzip_single(&dir.join("cities15000.zip"))?,
        };
        for line in cities.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 {
                g.add(cols[1], GAZ_CITY);
                g.add(cols[2], GAZ_CITY);
            }
        }
        for line in read("demonyms.csv")?.lines().skip(1) {
            if let Some((name, _)) = line.split_once(',') {
                g.add(name, GAZ_DEMONYM);
                // Plural demonyms: "Kenyans", "Chileans".
                if !name.ends_with('s')
                    && !name.ends_with("ese")
                    && !name.ends_with("sh")
                    && !name.ends_with("ch")
                {
                    g.add(&format!("{name}s"), GAZ_DEMONYM);
                }
            }
        }
        Ok(g)
    }

    /// Adds every name of an actor dictionary: people, countries and organisations (PETRARCH's
    /// dictionaries read into [`kestrel_actors::ActorDictionary`]).
    pub fn add_actors(&mut self, actors: &kestrel_actors::ActorDictionary) {
        for a in actors.actors() {
            let kind = match a.kind {
                kestrel_actors::ActorKind::Person => GAZ_PERSON,
                kestrel_actors::ActorKind::Country => GAZ_COUNTRY,
                kestrel_actors::ActorKind::Org => GAZ_ORG,
            };
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                self.add_tokenized(name, kind);
                if kind == GAZ_PERSON {
                    self.add_given_name(name);
                }
            }
        }
    }

    /// Adds a phrase as Kestrel's tokenizer splits it, so that keys match run-time tokens
    /// ("Ban Ki-moon" is `ban ki - moon`).
    fn add_tokenized(&mut self, phrase: &str, kind: u8) {
        let tokens = kestrel_core::segment::tokenize(phrase.trim());
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| &phrase.trim()[t.span.range()])
            .collect();
        if words.is_empty() || words.len() > MAX_PHRASE || words.iter().all(|w| w.len() < 2) {
            return;
        }
        *self.names.entry(phrase_key(words.into_iter())).or_default() |= kind;
    }

    /// Marks the first word of a person's name of two or three words as a given name, unless
    /// it is a title ("President", "Secretary-general") or too short to tell.
    fn add_given_name(&mut self, name: &str) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(first) = words.first() else { return };
        let lower = first.to_lowercase();
        let plain = first.chars().all(char::is_alphabetic)
            && first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().skip(1).any(char::is_lowercase);
        if (2..=3).contains(&words.len())
            && plain
            && first.chars().count() >= 3
            && !TITLE_WORDS.contains(&lower.as_str())
        {
            *self.names.entry(lower).or_default() |= GAZ_GIVEN;
        }
    }

    fn add(&mut self, name: &str, kind: u8) {
        let key = phrase_key(name.split_whitespace());
        if key.is_empty() || key.split(' ').count() > MAX_PHRASE {
            return;
        }
        *self.names.entry(key).or_default() |= kind;
    }

    fn get(&self, words: &[&str]) -> u8 {
        self.names
            .get(&phrase_key(words.iter().copied()))
            .copied()
            .unwrap_or(0)
    }

    /// For each token, the kind bits of the longest gazetteer phrase covering it, and whether
    /// the token begins that phrase.
    fn mark(&self, words: &[&str]) -> Vec<(u8, bool)> {
        let mut out = vec![(0u8, false); words.len()];
        // The key of the longest phrase from a word; each shorter phrase's key is a prefix.
        let mut key = String::new();
        let mut ends = [0usize; MAX_PHRASE + 1];
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            // Only capitalised phrases count: "china" the dish set, "nice" the adjective.
            let capitalised = words[i].chars().next().is_some_and(char::is_uppercase);
            let longest = if capitalised {
                MAX_PHRASE.min(words.len() - i)
            } else {
                0
            };
            key.clear();
            for (k, w) in words[i..i + longest].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.extend(w.chars().flat_map(char::to_lowercase));
                ends[k + 1] = key.len();
            }
            for len in (1..=longest).rev() {
                let kind = self.names.get(&key[..ends[len]]).copied().unwrap_or(0);
                if kind != 0 {
                    for (k, slot) in out[i..i + len].iter_mut().enumerate() {
                        *slot = (kind, k == 0);
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

fn phrase_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for w in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w.to_lowercase());
    }
    key
}

/// Reads the first file of a zip archive: GeoNames ships each of its lists zipped alone.
fn unzip_single(path: &Path) -> io::Result<String> {
    let bad = |e: zip::result::ZipError| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}: not a zip archive Kestrel can read ({e})",
                path.display()
            ),
        )
    };
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path)?).map_err(bad)?;
    let mut text = String::new();
    archive
        .by_index(0)
        .map_err(bad)?
        .read_to_string(&mut text)?;
    Ok(text)
}

/// Words that name organisations when capitalised ("Ministry", "Party", "Council").
const ORG_WORDS: &[&str] = &[
    "ministry",
    "party",
    "council",
    "committee",
    "commission",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "court",
    "tribunal",
    "army",
    "navy",
    "police",
    "agency",
    "bank",
    "fund",
    "union",
    "organization",
    "organisation",
    "association",
    "federation",
    "front",
    "movement",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "group",
    "university",
    "institute",
    "foundation",
    "office",
    "department",
    "authority",
    "service",
    "forces",
    "league",
    "alliance",
    "coalition",
    "board",
    "bureau",
    "network",
    "times",
    "post",
    "news",
    "airlines",
    "church",
    "club",
    "co",
    "llc",
    "plc",
    "gmbh",
    "holdings",
    "industries",
    "technologies",
    "airways",
    "motors",
    "petroleum",
    "energy",
    "media",
    "press",
    "radio",
    "television",
    "broadcasting",
    "herald",
    "journal",
    "tribune",
    "gazette",
    "telegraph",
    "magazine",
    "school",
    "college",
    "academy",
    "hospital",
    "museum",
    "secretariat",
    "cabinet",
    "administration",
    "brigade",
    "battalion",
    "regiment",
    "corps",
    "militia",
    "society",
    "trust",
    "institution",
    "exchange",
    "reserve",
    "guard",
    "directorate",
    "ministries",
    "chamber",
    "caucus",
    "consortium",
    "cooperative",
];

/// Which of a sentence's `n` tokens the mentions cover.
fn covered_tokens(n: usize, mentions: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; n];
    for m in mentions {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// Organisation words that end no body's name the rules below would find: words of trades and
/// media that name things as often ("Energy", "Press"), and those that close names of places in
/// UniversalNER's training text ("Hosanna Church"; also "Club", "Museum", "Hospital", "School",
/// "College").
const NO_BODY_HEADS: &[&str] = &[
    "congress",
    "front",
    "church",
    "club",
    "co",
    "petroleum",
    "energy",
    "media",
    "press",
    "radio",
    "television",
    "magazine",
    "school",
    "college",
    "academy",
    "hospital",
    "museum",
    "cabinet",
    "institution",
    "reserve",
    "guard",
    "ministries",
];

/// Organisation words that end places' names too ("West Bank", "Oval Office") or are surnames
/// ("Court", "Post", "Times"): a body's head only in a run the model left alone (see
/// [`Ner::bodies_the_model_missed`]), not in a name it typed a place or a person.
const PLACE_OR_SURNAME_HEADS: &[&str] = &[
    "court",
    "office",
    "service",
    "union",
    "bank",
    "police",
    "board",
    "trust",
    "chamber",
    "exchange",
    "times",
    "telegraph",
    "news",
    "post",
    "herald",
    "journal",
    "tribune",
    "gazette",
];

/// Whether a word (lower case) ends a body's name: one of [`ORG_WORDS`] but for
/// [`NO_BODY_HEADS`], and, unless `in_a_missed_run`, but for [`PLACE_OR_SURNAME_HEADS`]. In
/// UniversalNER EWT train and dev, names of two words or more that end in a strict head,
/// capitalised, are organisations 121 times and places 3.
fn is_body_head(word: &str, in_a_missed_run: bool) -> bool {
    ORG_WORDS.contains(&word)
        && !NO_BODY_HEADS.contains(&word)
        && (in_a_missed_run || !PLACE_OR_SURNAME_HEADS.contains(&word))
}

/// Words that stand before a person's name ("Minister", "General", "Mr").
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "secretary",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "king",
    "queen",
    "prince",
    "princess",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "mayor",
    "judge",
    "pope",
    "chancellor",
    "premier",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "chief",
    "leader",
    "sheikh",
    "shaikh",
    "prof",
    "professor",
    "lt",
    "sgt",
    "commander",
    "director",
    "chairman",
    "ceo",
    "counterpart",
    "diplomat",
    "officer",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "ayatollah",
    "reverend",
];

/// The label set: O, then B, I, L, U for each of the four training types.
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "OTH"];

fn label_name(l: usize) -> (char, usize) {
    if l == 0 {
        ('O', 0)
    } else {
        (['B', 'I', 'L', 'U'][(l - 1) % 4], (l - 1) / 4)
    }
}

fn label_of(prefix: char, ty: usize) -> usize {
    1 + ty * 4 + "BILU".find(prefix).expect("BILU")
}

/// Whether label `l` may follow label `prev` in BILOU.
fn allowed(prev: usize, l: usize) -> bool {
    let (pp, pt) = label_name(prev);
    let (lp, lt) = label_name(l);
    let open = matches!(pp, 'B' | 'I');
    match lp {
        'I' | 'L' => open && pt == lt,
        _ => !open,
    }
}

/// A trained entity recogniser.
#[derive(Clone, Debug)]
pub struct Ner {
    model: Perceptron,
    gazetteer: Gazetteer,
    /// Word classes the features read.
    clusters: std::sync::Arc<crate::clusters::WordClusters>,
}

/// Settings for training the recogniser.
#[derive(Clone, Debug)]
pub struct NerConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed for shuffling.
    pub seed: u64,
    /// Models trained (seeds `seed`, `seed + 1`, ...) whose mean is the recogniser: three
    /// scored 68.3 on EWT dev against 68.0 for one, over three seeds, and vary less by seed.
    pub runs: usize,
    /// Word classes learned from unlabelled text, seen as features (empty: none).
    pub clusters: std::sync::Arc<crate::clusters::WordClusters>,
}

impl Default for NerConfig {
    fn default() -> NerConfig {
        NerConfig {
            epochs: 12,
            seed: 5,
            runs: 3,
            clusters: Default::default(),
        }
    }
}

/// One entity mention found in a sentence: token range and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Tokens `[start, end)` of the sentence.
    pub tokens: std::ops::Range<usize>,
    /// Its type.
    pub kind: EntityType,
}

/// A sentence of the IOB2 training format: tokens and their labels (`O`, `B-PER`, ...).
#[derive(Clone, Debug)]
pub struct NerSentence {
    /// Tokens.
    pub words: Vec<String>,
    /// IOB2 labels.
    pub labels: Vec<String>,
}

/// Reads UniversalNER-style IOB2: `index<TAB>token<TAB>label...`, blank lines between sentences.
pub fn parse_iob2(content: &str) -> Vec<NerSentence> {
    let mut out = Vec::new();
    let mut cur = NerSentence {
        words: Vec::new(),
        labels: Vec::new(),
    };
    for line in content.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    NerSentence {
                        words: Vec::new(),
                        labels: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 {
            cur.words.push(cols[1].to_string());
            cur.labels.push(cols[2].to_string());
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Spans of an IOB2 label sequence: (start, end, type name).
pub fn iob2_spans(labels: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (prefix, ty) = l.split_once('-').map_or((l.as_str(), ""), |(p, t)| (p, t));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, labels.len(), t));
    }
    out
}

fn bilou(sentence: &NerSentence) -> Vec<usize> {
    let mut out = vec![0; sentence.words.len()];
    for (s, e, t) in iob2_spans(&sentence.labels) {
        let Some(ty) = TYPES.iter().position(|x| *x == t) else {
            continue;
        };
        if e - s == 1 {
            out[s] = label_of('U', ty);
        } else {
            out[s] = label_of('B', ty);
            for slot in &mut out[s + 1..e - 1] {
                *slot = label_of('I', ty);
            }
            out[e - 1] = label_of('L', ty);
        }
    }
    out
}

struct Prepared {
    norm: Vec<u64>,
    form: Vec<u64>,
    shape: Vec<u64>,
    suffix3: Vec<u64>,
    prefix3: Vec<u64>,
    flags: Vec<u64>,
    gaz: Vec<u64>,
    word_class: Vec<u64>,
    pos: Vec<u64>,
    /// Per token, what the run of capitalised words it stands in holds (see [`name_runs`]).
    run: Vec<u64>,
    /// Per token, the run's first and last words (0 outside a run).
    run_ends: Vec<(u64, u64)>,
    /// Per token, its word classes, finest first.
    class: Vec<[u64; crate::clusters::LEVELS]>,
    /// Per token, the gazetteer's marks (see [`Gazetteer::mark`]).
    marks: Vec<(u8, bool)>,
}

/// Words that join capitalised words into one name ("Bank of England", "Ministry for Foreign
/// Affairs"). Not "and", which joins two names far more often than it stands inside one.
const NAME_JOINERS: &[&str] = &["of", "for", "&", "de", "du", "der", "al"];

/// Runs of capitalised words, joined across [`NAME_JOINERS`] when a capitalised word follows:
/// for each token in a run, bits saying whether the run holds an organisation word (1), a
/// title word (2), a gazetteer place (4) or person (8), its length (capped at 4, bits 4-6),
/// the token's place in it (begin, inside, last, unit: bits 8-9) and bit 12; 0 outside runs;
/// and the run's token range. A name's type is most
/// often told by a word elsewhere in it ("the Kenya Ports Authority"), beyond the window of
/// neighbouring words.
fn name_runs(words: &[&str], lower: &[String], marks: &[(u8, bool)]) -> Vec<(u64, (usize, usize))> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = words.len();
    let mut out = vec![(0u64, (0, 0)); n];
    let mut i = 0;
    while i < n {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && capitalised(words[end]) {
                end += 1;
            } else if end + 1 < n
                && NAME_JOINERS.contains(&lower[end].as_str())
                && capitalised(words[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        let mut bits = 0u64;
        for k in start..end {
            let w = lower[k].trim_end_matches('.');
            if ORG_WORDS.contains(&w) {
                bits |= 1;
            }
            if TITLE_WORDS.contains(&w) {
                bits |= 2;
            }
            if marks[k].0 & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY) != 0 {
                bits |= 4;
            }
            if marks[k].0 & GAZ_PERSON != 0 {
                bits |= 8;
            }
        }
        let len = (end - start).min(4) as u64;
        for (k, slot) in out[start..end].iter_mut().enumerate() {
            let position = if end - start == 1 {
                3
            } else if k == 0 {
                0
            } else if start + k + 1 == end {
                2
            } else {
                1
            };
            *slot = (1 << 12 | bits | len << 4 | position << 8, (start, end));
        }
        i = end;
    }
    out
}

fn prepare(
    words: &[&str],
    tags: &[&str],
    gazetteer: &Gazetteer,
    clusters: &crate::clusters::WordClusters,
) -> Prepared {
    let marks = gazetteer.mark(words);
    let mut p = Prepared {
        norm: vec![],
        form: vec![],
        shape: vec![],
        suffix3: vec![],
        prefix3: vec![],
        flags: vec![],
        gaz: vec![],
        word_class: vec![],
        pos: tags.iter().map(|t| string(t)).collect(),
        run: vec![],
        run_ends: vec![],
        class: Vec::with_capacity(words.len()),
        marks: Vec::new(),
    };
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    for (bits, (start, end)) in name_runs(words, &lower, &marks) {
        p.run.push(bits);
        p.run_ends.push(if bits == 0 {
            (0, 0)
        } else {
            (string(&lower[start]), string(&lower[end - 1]))
        });
    }
    for (i, w) in words.iter().enumerate() {
        let norm = normalise(w);
        let chars: Vec<char> = norm.chars().collect();
        let suffix: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        let prefix: String = chars[..chars.len().min(3)].iter().collect();
        let first = w.chars().next().unwrap_or(' ');
        let lower = lower[i].trim_end_matches('.');
        let (norm, form) = (string(&norm), string(w));
        p.class.push(clusters.feature_values_hashed(w, form, norm));
        p.norm.push(norm);
        p.form.push(form);
        p.shape.push(string(&shape(w)));
        p.suffix3.push(string(&suffix) ^ 3);
        p.prefix3.push(string(&prefix) ^ 5);
        p.flags.push(
            (first.is_uppercase() as u64)
                | (w.chars().all(|c| !c.is_lowercase()) as u64) << 1
                | (w.chars().any(|c| c.is_ascii_digit()) as u64) << 2
                | ((i == 0) as u64) << 3,
        );
        let (kind, begins) = marks[i];
        p.gaz.push(kind as u64 | (begins as u64) << 8);
        let class = if ORG_WORDS.contains(&lower) {
            1
        } else if TITLE_WORDS.contains(&lower) {
            2
        } else {
            0
        };
        p.word_class.push(class);
    }
    p.marks = marks;
    p
}

/// The features of token `i` that do not depend on the labels.
fn static_features(p: &Prepared, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = p.norm.len();
    let at = |v: &Vec<u64>, k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            0xfeed
        } else {
            v[j as usize]
        }
    };
    let pos = |k: isize| at(&p.pos, k);
    let (run_first, run_last) = p.run_ends[i];
    let class = |k: isize, level: usize| {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            0xfeed
        } else {
            p.class[j as usize][level]
        }
    };
    let features: [u64; 47] = [
        feature(200, &[]),
        feature(200 + 1, &[p.norm[i]]),
        feature(200 + 2, &[p.form[i]]),
        feature(200 + 3, &[p.shape[i]]),
        feature(200 + 4, &[p.suffix3[i]]),
        feature(200 + 5, &[p.prefix3[i]]),
        feature(200 + 6, &[p.flags[i]]),
        feature(200 + 7, &[at(&p.norm, -1)]),
        feature(200 + 8, &[at(&p.norm, 1)]),
        feature(200 + 9, &[at(&p.norm, -2)]),
        feature(200 + 10, &[at(&p.norm, 2)]),
        feature(200 + 11, &[at(&p.shape, -1), p.shape[i]]),
        feature(200 + 12, &[p.shape[i], at(&p.shape, 1)]),
        feature(200 + 17, &[p.gaz[i]]),
        feature(200 + 18, &[p.gaz[i], p.flags[i]]),
        feature(200 + 19, &[at(&p.gaz, -1), p.gaz[i]]),
        feature(200 + 20, &[p.gaz[i], at(&p.gaz, 1)]),
        feature(200 + 21, &[p.word_class[i]]),
        feature(200 + 22, &[at(&p.word_class, -1), p.flags[i]]),
        feature(200 + 23, &[at(&p.word_class, 1), p.flags[i]]),
        feature(200 + 24, &[at(&p.word_class, -1), p.shape[i]]),
        feature(200 + 25, &[at(&p.norm, -1), p.norm[i]]),
        feature(200 + 26, &[p.norm[i], at(&p.norm, 1)]),
        feature(200 + 28, &[at(&p.flags, -1), p.flags[i], at(&p.flags, 1)]),
        feature(200 + 29, &[at(&p.suffix3, 1)]),
        feature(200 + 30, &[at(&p.suffix3, -1)]),
        feature(200 + 32, &[at(&p.word_class, 2), p.flags[i]]),
        feature(200 + 33, &[at(&p.shape, 2)]),
        feature(200 + 34, &[pos(0)]),
        feature(200 + 35, &[pos(-1), pos(0)]),
        feature(200 + 36, &[pos(0), pos(1)]),
        feature(200 + 37, &[pos(-1), pos(0), pos(1)]),
        feature(200 + 38, &[pos(0), p.flags[i]]),
        feature(200 + 40, &[pos(0), p.gaz[i]]),
        feature(200 + 41, &[pos(1), pos(2)]),
        feature(200 + 42, &[p.run[i]]),
        feature(200 + 44, &[p.run[i] & 0xf0ff, run_last]),
        feature(200 + 45, &[p.run[i] & 0xf0ff, run_first]),
        feature(200 + 46, &[at(&p.run, -1), p.run[i]]),
        feature(200 + 47, &[class(0, 0)]),
        feature(200 + 48, &[class(0, 1)]),
        feature(200 + 49, &[class(0, 2)]),
        feature(200 + 50, &[class(-1, 1)]),
        feature(200 + 51, &[class(1, 1)]),
        feature(200 + 52, &[class(0, 0), p.flags[i]]),
        feature(200 + 53, &[class(-1, 2), class(0, 2), class(1, 2)]),
        feature(200 + 54, &[pos(0), class(0, 1)]),
    ];
    out.extend_from_slice(&features);
}

/// The features of token `i` that pair the labels of the tokens before it with the token,
/// appended to `out`.
fn transition_features(p: &Prepared, i: usize, prev: [usize; 2], out: &mut Vec<u64>) {
    let (p1, p2) = (prev[0] as u64, prev[1] as u64);
    let next_class = p.word_class.get(i + 1).copied().unwrap_or(0xfeed);
    let features: [u64; 9] = [
        feature(200 + 13, &[p1]),
        feature(200 + 14, &[p1, p2]),
        feature(200 + 15, &[p1, p.norm[i]]),
        feature(200 + 16, &[p1, p.shape[i]]),
        feature(200 + 27, &[p1, next_class]),
        feature(200 + 31, &[p1, p.gaz[i]]),
        feature(200 + 39, &[p1, p.pos[i]]),
        feature(200 + 43, &[p.run[i], p1]),
        feature(200 + 55, &[p1, p.class[i][1]]),
    ];
    out.extend_from_slice(&features);
}

fn allowed_mask(prev: usize, last: bool, mask: &mut [bool]) {
    for (l, m) in mask.iter_mut().enumerate() {
        // At the sentence's end no span may stay open.
        let (lp, _) = label_name(l);
        *m = allowed(prev, l) && !(last && matches!(lp, 'B' | 'I'));
    }
}

/// Buffers for choosing one token's label; after [`Chooser::choose`], `feats` holds the
/// token's features (which training updates).
struct Chooser {
    feats: Vec<u64>,
    scores: Vec<f32>,
    mask: Vec<bool>,
}

impl Chooser {
    fn new(n_labels: usize) -> Chooser {
        Chooser {
            feats: Vec::with_capacity(56),
            scores: vec![0.0; n_labels],
            mask: vec![false; n_labels],
        }
    }

    /// The best label for token `i` after the labels `prev` (last first) among those
    /// that keep the spans well formed.
    fn choose(&mut self, model: &Perceptron, p: &Prepared, i: usize, prev: [usize; 2]) -> usize {
        static_features(p, i, &mut self.feats);
        transition_features(p, i, prev, &mut self.feats);
        self.scores.iter_mut().for_each(|s| *s = 0.0);
        model.score_into(&self.feats, &mut self.scores);
        allowed_mask(prev[0], i + 1 == p.norm.len(), &mut self.mask);
        Perceptron::best(&self.scores, Some(&self.mask))
    }
}

/// Labels a sentence left to right, each token's label chosen among those that keep the
/// spans well formed. (A Viterbi search with structured training was tried: on EWT dev it
/// scored the same, 67.9 against 67.8 over three seeds, and ran slower.)
fn decode(model: &Perceptron, p: &Prepared, words: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(p.norm.len());
    let mut chooser = Chooser::new(model.n_classes());
    let cased = well_cased(words);
    for i in 0..p.norm.len() {
        let prev = [
            out.last().copied().unwrap_or(0),
            out.len().checked_sub(2).map_or(0, |j| out[j]),
        ];
        if cased && surely_outside(words, p, i, prev[0]) {
            out.push(0);
            continue;
        }
        out.push(chooser.choose(model, p, i, prev));
    }
    out
}

/// Whether token `i` is outside every name without asking the model: no span is open before
/// it, neither it nor the next word has a capital letter, and it stands in no run of
/// capitalised words and no gazetteer name. Such tokens are most of a news text, and the
/// model labels them O all but once in thousands; skipping them saves over half of the
/// recogniser's time.
fn surely_outside(words: &[&str], p: &Prepared, i: usize, prev: usize) -> bool {
    let has_capital = |w: &str| w.chars().any(char::is_uppercase);
    // The next word, or the one after a hyphen: "al - Qaeda" comes split.
    let next = match words.get(i + 1) {
        Some(&"-") => words.get(i + 2),
        next => next,
    };
    prev == 0
        && p.run[i] == 0
        && p.marks[i].0 == 0
        && !has_capital(words[i])
        && !next.is_some_and(|w| has_capital(w))
}

/// Whether a sentence is written with capitals where they belong: its first word that starts
/// with a letter is capitalised, and "I" is. In text typed without them ("went to chicago
/// with my sister, i loved it") names are lower-case too, and only the model finds them.
fn well_cased(words: &[&str]) -> bool {
    let first_capitalised = words
        .iter()
        .find_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
        .is_some_and(char::is_uppercase);
    first_capitalised && !words.contains(&"i")
}

impl Ner {
    /// Trains a recogniser on IOB2 sentences, with `tags` (a part-of-speech tag per word, as
    /// the tagger gives them) as features.
    pub fn train(
        sentences: &[NerSentence],
        tags: &[Vec<String>],
        gazetteer: Gazetteer,
        config: &NerConfig,
    ) -> Ner {
        let n_labels = 1 + TYPES.len() * 4;
        let prepared: Vec<Prepared> = sentences
            .iter()
            .zip(tags)
            .map(|(s, t)| {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let t: Vec<&str> = t.iter().map(String::as_str).collect();
                prepare(&words, &t, &gazetteer, &config.clusters)
            })
            .collect();
        let gold: Vec<Vec<usize>> = sentences.iter().map(bilou).collect();
        let mut models = Vec::with_capacity(config.runs.max(1));
        for run in 0..config.runs.max(1) {
            let seed = config.seed.wrapping_add(run as u64);
            let mut model = Perceptron::new(n_labels);
            let mut order: Vec<usize> = (0..sentences.len()).collect();
            let mut rng = Rng::new(seed);
            let mut chooser = Chooser::new(n_labels);
            for _ in 0..config.epochs {
                rng.shuffle(&mut order);
                for &si in &order {
                    let p = &prepared[si];
                    let mut prev = [0usize, 0usize];
                    for (i, &truth) in gold[si].iter().enumerate() {
                        let guess = chooser.choose(&model, p, i, prev);
                        model.tick();
                        model.update(&chooser.feats, truth, guess);
                        // Learn from the gold history. (Following the model's own labels, as the
                        // tagger does, scored 0.56 F1 on EWT dev against 0.66 for this.)
                        prev = [truth, prev[0]];
                    }
                }
            }
            model.finish();
            models.push(model);
        }
        let model = if models.len() == 1 {
            models.pop().expect("one model")
        } else {
            Perceptron::mean_of(&models)
        };
        Ner {
            model,
            gazetteer,
            clusters: config.clusters.clone(),
        }
    }

    /// The mentions in a sentence of words with their part-of-speech tags (XPOS).
    pub fn recognise(&self, words: &[&str], tags: &[&str]) -> Vec<Mention> {
        let p = prepare(words, tags, &self.gazetteer, &self.clusters);
        let labels = decode(&self.model, &p, words);
        let mut out = Vec::new();
        let mut start = None;
        let mut covered = vec![false; words.len()];
        for (i, &l) in labels.iter().enumerate() {
            covered[i] = l != 0;
            let (prefix, ty) = label_name(l);
            match prefix {
                'B' => start = Some(i),
                'U' => self.push(words, i..i + 1, ty, &mut out),
                'L' => {
                    if let Some(s) = start.take() {
                        self.push(words, s..i + 1, ty, &mut out);
                    }
                }
                _ => {}
            }
        }
        nationality_adjectives(&mut out, words, tags, &p.marks);
        // Nationalities are not annotated in the training data (UniversalNER folds them into
        // OTH), so a capitalised demonym that no mention covers is a NORP mention outright.
        let marks = &p.marks;
        for (i, &(kind, begins)) in marks.iter().enumerate() {
            // A one-word phrase: the next token does not continue it.
            let single = marks.get(i + 1).is_none_or(|m| m.1 || m.0 == 0);
            if begins && single && kind & GAZ_DEMONYM != 0 && !covered[i] {
                out.push(Mention {
                    tokens: i..i + 1,
                    kind: EntityType::Norp,
                });
            }
        }
        add_physical_features(words, &mut out);
        let found = self.bodies_the_model_missed(words, tags, &mut out);
        self.with_named_complements(words, &mut out);
        // A head noun found alone before "of" is a body's only with the name after it.
        out.retain(|m| !found.contains(&m.tokens));
        self.countries_opening_bodies(words, &mut out);
        // "Um", "Mhm", "Uhhh" opening a transcript's line are no one's name.
        out.retain(|m| !words[m.tokens.clone()].iter().all(|w| is_filler(w)));
        without_trailing_function_words(words, tags, &mut out);
        people_by_honorific(words, &mut out);
        names_after_a_personal_title(words, &mut out);
        self.organisations_by_business_noun(words, tags, &mut out);
        without_title_openers(words, &mut out);
        no_laws(words, tags, &mut out);
        no_titles_of_works(words, tags, &mut out);
        without_brackets(words, &mut out);
        // Offices the passes after the model found.
        out = out
            .into_iter()
            .filter_map(|m| {
                if m.kind == EntityType::Person {
                    return Some(m);
                }
                office_holder(words, m.tokens.clone(), |w| self.gazetteer.get(w)).unwrap_or(Some(m))
            })
            .collect();
        out.sort_by_key(|m| m.tokens.start);
        // A name widened over the word after it ("Henry VIII") keeps that word.
        out.dedup_by(|later, kept| later.tokens.start < kept.tokens.end);
        out
    }

    fn push(
        &self,
        words: &[&str],
        tokens: std::ops::Range<usize>,
        ty: usize,
        out: &mut Vec<Mention>,
    ) {
        let mut tokens = without_trailing_weekday(words, tokens);
        // "Apple's new phone": the possessive ending is no part of the name, as UniversalNER
        // marks it.
        while tokens.len() >= 2 && matches!(words[tokens.end - 1], "'s" | "’s" | "'" | "’") {
            tokens = tokens.start..tokens.end - 1;
        }
        // "The United Nations on Tuesday rejected ...": a dateline's day after a name the
        // gazetteer knows is not part of it ("The Mail on Sunday", unknown, stays whole).
        if tokens.len() >= 3 {
            let on = tokens.end - 2;
            if words[on] == "on"
                && kestrel_core::WEEKDAYS.contains(&words[on + 1].to_lowercase().as_str())
                && self.gazetteer.get(&words[tokens.start..on]) != 0
            {
                tokens = tokens.start..on;
            }
        }
        // "Arab League Secretary General Ana", "Nato Secretary": an organisation the gazetteer
        // knows, run into the title of its officer (and the officer's name, when it follows).
        // One ordinary word before a title is a portfolio more often than a body ("Labour
        // Minister", "Health Secretary"): a body of one word must be an acronym ("NATO").
        let body = |t: usize| {
            let acronym = words[tokens.start].len() >= 2
                && words[tokens.start].chars().all(|c| c.is_ascii_uppercase());
            (t - tokens.start >= 2 || acronym)
                && self.gazetteer.get(&words[tokens.start..t]) & GAZ_ORG != 0
        };
        if let Some(title) = (tokens.start + 1..tokens.end).find(|&t| is_title(words[t]) && body(t))
        {
            out.push(Mention {
                tokens: tokens.start..title,
                kind: EntityType::Org,
            });
            let name = (title..tokens.end)
                .find(|&t| {
                    !is_title(words[t])
                        && !TITLE_OPENERS.contains(&words[t].to_lowercase().as_str())
                        && words[t] != "-"
                })
                .map(|t| t..tokens.end);
            // Its first and last words capitalised ("Ghazi al-Gosaibi", "Hans van den Broek").
            let capitalised = |t: usize| words[t].chars().next().is_some_and(|c| c.is_uppercase());
            if let Some(name) = name.filter(|n| capitalised(n.start) && capitalised(n.end - 1)) {
                out.push(Mention {
                    tokens: with_name_suffix(words, name),
                    kind: EntityType::Person,
                });
            }
            return;
        }
        // Before the passes over the words the model left, which may find the body the
        // office names ("the Office of the Deputy Prime Minister").
        if TYPES[ty] != "PER" {
            if let Some(holder) = office_holder(words, tokens.clone(), |w| self.gazetteer.get(w)) {
                out.extend(holder);
                return;
            }
        }
        if let Some((before, person)) = split_at_title(words, tokens.clone()) {
            // "Kyrgyz Prime Minister Ana Ruiz" read as one name: the nationality, if the
            // gazetteer knows it, and the person, without the title (which UniversalNER, like
            // the actor stage, leaves out of the name).
            if let Some(b) = before {
                let gaz = self.gazetteer.get(&words[b.clone()]);
                let kind = if gaz & GAZ_DEMONYM != 0 {
                    Some(EntityType::Norp)
                } else if gaz & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY) != 0 {
                    Some(EntityType::Gpe)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push(Mention { tokens: b, kind });
                }
            }
            out.push(Mention {
                tokens: with_name_suffix(words, person),
                kind: EntityType::Person,
            });
            return;
        }
        // "Kenya's Supreme Court" read as one name (web text writes shops so: "Ray's Pizza"): a
        // place the gazetteer knows, its possessive ending, and an organisation's name after it
        // are two mentions, the place and the body.
        if let Some(pos) = (tokens.start + 1..tokens.end.saturating_sub(1)).find(|&k| {
            matches!(words[k], "'s" | "’s")
                && self.gazetteer.get(&words[tokens.start..k])
                    & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY)
                    != 0
                && ORG_WORDS.contains(&words[tokens.end - 1].to_lowercase().as_str())
        }) {
            out.push(Mention {
                tokens: tokens.start..pos,
                kind: EntityType::Gpe,
            });
            out.push(Mention {
                tokens: pos + 1..tokens.end,
                kind: EntityType::Org,
            });
            return;
        }
        let gaz = self.gazetteer.get(&words[tokens.clone()]);
        // A country's name and nothing else the gazetteer knows ("Kenya" read as a person or an
        // organisation): the training text writes a country as a place wherever it stands, even
        // where it acts, so the model's other type is its mistake.
        let only_a_country = gaz & GAZ_COUNTRY != 0 && gaz & (GAZ_PERSON | GAZ_ORG) == 0;
        // "Kyoto University" or "the Audubon Society" read as a place, "the Andy Warhol
        // Foundation" as a person: a name of two words or more that ends in the head noun of
        // a body is the body's, unless the gazetteer knows it as a place ("the Russian
        // Federation") or a given name opens it.
        let last = words[tokens.end - 1];
        let bodys_name = tokens.len() >= 2
            && last.starts_with(char::is_uppercase)
            && is_body_head(&last.to_lowercase(), false)
            && gaz & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY) == 0;
        let kind = match TYPES[ty] {
            "PER" | "ORG" if only_a_country => EntityType::Gpe,
            "LOC" if bodys_name => EntityType::Org,
            "PER" if bodys_name && !self.opens_a_persons_name(words[tokens.start]) => {
                EntityType::Org
            }
            "PER" => EntityType::Person,
            "ORG" => EntityType::Org,
            "LOC" if gaz & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY) != 0 => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            _ if gaz & GAZ_DEMONYM != 0 => EntityType::Norp,
            _ => return,
        };
        let tokens = if kind == EntityType::Person {
            with_name_suffix(words, tokens)
        } else {
            tokens
        };
        out.push(Mention { tokens, kind });
    }

    /// Writes the recogniser: gazetteer (sorted), then the model.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let mut names: Vec<(&String, &u8)> = self.gazetteer.names.iter().collect();
        names.sort();
        write_u32(out, names.len() as u32)?;
        for (n, k) in names {
            write_string(out, n)?;
            out.write_all(&[*k])?;
        }
        self.model.write_to(out)?;
        self.clusters.write_to(out)
    }

    /// Reads a recogniser written by [`Ner::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Ner> {
        let n = read_u32(input)? as usize;
        let mut names = HashMap::with_capacity(n);
        let mut k = [0u8; 1];
        for _ in 0..n {
            let name = read_string(input)?;
            input.read_exact(&mut k)?;
            names.insert(name, k[0]);
        }
        let model = Perceptron::read_from(input)?;
        let clusters = std::sync::Arc::new(crate::clusters::WordClusters::read_optional(input)?);
        Ok(Ner {
            model,
            gazetteer: Gazetteer { names },
            clusters,
        })
    }
}

/// Organisation head nouns whose name goes on through "of" or "for" ("Department of Housing
/// and Urban Development", "Movement for Democratic Change").
const HEADS_WITH_COMPLEMENT: &[&str] = &[
    "ministry",
    "department",
    "university",
    "school",
    "college",
    "academy",
    "institute",
    "bank",
    "court",
    "council",
    "commission",
    "committee",
    "authority",
    "office",
    "offices",
    "board",
    "bureau",
    "association",
    "federation",
    "union",
    "organization",
    "organisation",
    "league",
    "society",
    "chamber",
    "museum",
    "church",
    "party",
    "agency",
    "secretariat",
    "directorate",
    "fund",
    "foundation",
    "trust",
    "front",
    "movement",
    "alliance",
    "coalition",
    "congress",
    "assembly",
    "service",
    "corps",
    "army",
    "institution",
    "administration",
];

impl Ner {
    /// "The oil giant Zendra", "carmaker Velox", "Velox, the Arvenian carmaker,": a name right
    /// after a business noun ([`kestrel_actors::business_noun`]), or apposed to one (the
    /// noun, a comma and the name closed by punctuation; the name, a comma and a phrase ending
    /// in the noun), is an organisation's, whatever person or place it also names. Not a
    /// country's name, nor a person's name that opens with a given name or an honorific ("the
    /// publisher Ana Ruiz" is a person). A run of proper nouns right after the noun that no
    /// mention covers is an organisation's mention of its own.
    fn organisations_by_business_noun(
        &self,
        words: &[&str],
        tags: &[&str],
        out: &mut Vec<Mention>,
    ) {
        let is_noun = |k: usize| kestrel_actors::business_noun(words, k, Some(tags[k])).is_some();
        let closes = |k: usize| k >= words.len() || matches!(words[k], "," | "." | ";" | ")");
        for m in out.iter_mut() {
            let retypes = match m.kind {
                EntityType::Person => !self.opens_a_persons_name(words[m.tokens.start]),
                EntityType::Gpe | EntityType::Loc => {
                    !self.names_a_country(&words[m.tokens.clone()])
                }
                _ => false,
            };
            if !retypes {
                continue;
            }
            let (start, end) = (m.tokens.start, m.tokens.end);
            let next_to = start.checked_sub(1).is_some_and(is_noun);
            let apposed_before =
                start >= 2 && words[start - 1] == "," && is_noun(start - 2) && closes(end);
            // The phrase after the comma: no comma inside it, the noun closing it.
            let apposed_after = end < words.len()
                && words[end] == ","
                && (end + 1..words.len().min(end + 10))
                    .take_while(|&k| words[k] != ",")
                    .any(|k| is_noun(k) && closes(k + 1));
            if next_to || apposed_before || apposed_after {
                m.kind = EntityType::Org;
            }
        }
        let covered = covered_tokens(words.len(), out);
        let proper = |k: usize| {
            matches!(tags[k], "NNP" | "NNPS")
                && words[k].starts_with(char::is_uppercase)
                && !covered[k]
                && !kestrel_core::WEEKDAYS.contains(&words[k].to_lowercase().as_str())
        };
        // The run goes on over capitalised words whatever their tags ("Shady Records").
        let capitalised = |k: usize| words[k].starts_with(char::is_uppercase) && !covered[k];
        for k in 0..words.len().saturating_sub(1) {
            if !is_noun(k) || !proper(k + 1) {
                continue;
            }
            // "F - Secure": a hyphen between capitalised words joins them.
            let joins = |j: usize| {
                words[j] == "-"
                    && words
                        .get(j + 1)
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
            };
            let end = (k + 1..words.len().min(k + 7))
                .take_while(|&j| capitalised(j) || joins(j))
                .last()
                .map_or(k + 1, |j| j + 1);
            let end = if words[end - 1] == "-" { end - 1 } else { end };
            out.push(Mention {
                tokens: k + 1..end,
                kind: EntityType::Org,
            });
        }
    }

    /// Whether the gazetteer knows this phrase (its words) as a country.
    pub fn names_a_country(&self, words: &[&str]) -> bool {
        self.gazetteer.get(words) & GAZ_COUNTRY != 0
    }

    /// Whether a person's name that begins with this word is surely one: the word is a given
    /// name the gazetteer knows, or an honorific ("Mr").
    pub fn opens_a_persons_name(&self, word: &str) -> bool {
        is_honorific(word) || self.gazetteer.get(&[word]) & GAZ_GIVEN != 0
    }
}

impl Ner {
    /// Bodies named in full that the model left out ("the Court of Appeal", "the Sentencing
    /// Council", "the Office of Fair Trading", "the Daily Telegraph"): a run of capitalised
    /// words that no mention touches, of two words or more ending in a body's head noun, or one
    /// head noun that takes a complement before "of" or "for" and a capitalised word, is an
    /// organisation. An "and" joins the run ("the Transport and General Workers Union") unless
    /// a head noun stands before it ("the Sunday Times and Sunday Telegraph"). Determiners,
    /// days, months and titles are no part of it, nor a sentence's first word that is no
    /// proper noun ("Former Cabinet ministers"); nor is a run the gazetteer knows as a place.
    /// Returns the mentions of one head noun: they are kept only if
    /// [`Ner::with_named_complements`] widens them over their complement.
    fn bodies_the_model_missed(
        &self,
        words: &[&str],
        tags: &[&str],
        out: &mut Vec<Mention>,
    ) -> Vec<std::ops::Range<usize>> {
        let covered = covered_tokens(words.len(), out);
        let lower = |t: usize| words[t].to_lowercase();
        // A sentence's first word is capitalised whatever it is ("If Parliament wanted ...").
        let first_word = words
            .iter()
            .position(|w| w.starts_with(char::is_alphabetic));
        let name_word = |t: usize| {
            t < words.len()
                && !covered[t]
                && words[t].starts_with(char::is_uppercase)
                && !matches!(words[t], "The" | "A" | "An" | "I")
                && !is_title(words[t])
                && !is_day_or_month(words[t])
                && (Some(t) != first_word || matches!(tags[t], "NNP" | "NNPS"))
        };
        let body_head = |t: usize| is_body_head(&lower(t), true);
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !name_word(i) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            loop {
                if name_word(end) {
                    end += 1;
                } else if end + 1 < words.len()
                    && matches!(words[end], "and" | "&")
                    && name_word(end + 1)
                    && !body_head(end - 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let head = end - 1;
            let takes_complement = end - i == 1
                && HEADS_WITH_COMPLEMENT.contains(&lower(head).as_str())
                && words.get(end).is_some_and(|w| matches!(*w, "of" | "for"))
                && (name_word(end + 1) || words.get(end + 1) == Some(&"the") && name_word(end + 2));
            let place = self.gazetteer.get(&words[i..end]) & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY);
            if place == 0 && (end - i >= 2 && body_head(head) || takes_complement) {
                if end - i == 1 {
                    found.push(i..end);
                }
                out.push(Mention {
                    tokens: i..end,
                    kind: EntityType::Org,
                });
            }
            i = end;
        }
        found
    }
}

impl Ner {
    /// "The US Food and Drug Administration", "the Iraqi National Congress": a country or
    /// nationality of one word right before a body's name is part of it, as UniversalNER's
    /// training text writes such names (53 times against 5, where the name after it has no
    /// head noun: "the Pakistani ISI"). So an organisation with a body's head noun in it
    /// takes in the country's or nationality's mention right before it.
    fn countries_opening_bodies(&self, words: &[&str], out: &mut Vec<Mention>) {
        let has_head = |m: &Mention| {
            words[m.tokens.clone()]
                .iter()
                .any(|w| is_body_head(&w.to_lowercase(), true))
        };
        let mut joined = Vec::new();
        for k in 0..out.len() {
            if out[k].kind != EntityType::Org || !has_head(&out[k]) || out[k].tokens.start == 0 {
                continue;
            }
            let before = out[k].tokens.start - 1;
            let country = out.iter().position(|m| {
                m.tokens == (before..before + 1)
                    && matches!(m.kind, EntityType::Gpe | EntityType::Norp)
                    && self.gazetteer.get(&words[m.tokens.clone()]) & (GAZ_COUNTRY | GAZ_DEMONYM)
                        != 0
            });
            if let Some(c) = country {
                out[k].tokens.start = before;
                joined.push(c);
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !joined.contains(&(k - 1))
        });
    }
}

impl Ner {
    /// An organisation's name that goes on past where the model stopped it takes the rest
    /// in: after its head noun, "of" or "for" and a run of capitalised words ("the Housing
    /// Authority of Eastfield", read as an organisation and a place), and after a name that
    /// already holds such a complement, the capitalised words and "and" that follow ("the
    /// Department of Farming and Rural Affairs" cut after "Farming"). The run may hold "of",
    /// "for" and "the" between capitalised words; it stops at a title ("the Bank of Eastfield
    /// Governor Ana Ruiz") and at an "and" before an organisation or a person the gazetteer knows ("the
    /// Ministry of Energy and Gazprom") or before "the" ("the Bank of England and the
    /// Treasury"), and at a second "and" or one before a name with a head noun of its own ("the
    /// Bank of Eastfield and Westfield Savings Bank"). A complement that
    /// is only a country stays apart ("the Interior Ministry of Kenya"): the country is the
    /// actor's, and the ministry a part of its government.
    fn with_named_complements(&self, words: &[&str], out: &mut Vec<Mention>) {
        let capitalised = |t: usize| {
            words
                .get(t)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
                && !is_title(words[t])
        };
        let lower = |t: usize| words.get(t).map(|w| w.to_lowercase());
        let head = |t: usize| {
            lower(t).is_some_and(|w| HEADS_WITH_COMPLEMENT.contains(&w.trim_end_matches('.')))
        };
        let joiner = |t: usize| matches!(lower(t).as_deref(), Some("of" | "for"));
        // The end of the run of name words from `from` on.
        let run_end = |from: usize| {
            let mut end = from;
            let mut joined = false;
            loop {
                if capitalised(end) {
                    end += 1;
                    continue;
                }
                let next = if words.get(end + 1).is_some_and(|w| *w == "the") {
                    end + 2
                } else {
                    end + 1
                };
                let joins = match lower(end).as_deref() {
                    Some("of" | "for") => end > from && capitalised(next),
                    Some("and" | "&") => {
                        let mut stop = end + 1;
                        while capitalised(stop) {
                            stop += 1;
                        }
                        let own_head = lower(stop - 1)
                            .is_some_and(|w| ORG_WORDS.contains(&w.trim_end_matches('.')));
                        end > from
                            && !joined
                            && next == end + 1
                            && capitalised(next)
                            && !own_head
                            && self.gazetteer.get(&words[end + 1..stop]) & (GAZ_ORG | GAZ_PERSON)
                                == 0
                    }
                    _ => false,
                };
                if !joins {
                    return end;
                }
                joined |= matches!(lower(end).as_deref(), Some("and" | "&"));
                end = next;
            }
        };
        let mut widened = Vec::new();
        for m in out.iter_mut().filter(|m| m.kind == EntityType::Org) {
            let (start, end) = if head(m.tokens.end - 1) && joiner(m.tokens.end) {
                let from = m.tokens.end
                    + 1
                    + words.get(m.tokens.end + 1).is_some_and(|w| *w == "the") as usize;
                if !capitalised(from) {
                    continue;
                }
                (from, run_end(from))
            } else if (m.tokens.start..m.tokens.end - 1).any(|k| head(k) && joiner(k + 1)) {
                let k = (m.tokens.start..m.tokens.end - 1)
                    .find(|&k| head(k) && joiner(k + 1))
                    .expect("found above");
                (k + 2, run_end(m.tokens.end - 1).max(m.tokens.end))
            } else {
                continue;
            };
            if end <= m.tokens.end {
                continue;
            }
            let complement = self.gazetteer.get(&words[start..end]);
            if complement & GAZ_COUNTRY != 0 && complement & GAZ_ORG == 0 {
                continue;
            }
            m.tokens = m.tokens.start..end;
            widened.push(m.tokens.clone());
        }
        // The mentions the widened names now hold go.
        out.retain(|m| {
            !widened
                .iter()
                .any(|a| a.start <= m.tokens.start && m.tokens.end <= a.end && *a != m.tokens)
        });
    }
}

/// A demonym the tagger reads as an adjective ("the German economy") names a nationality,
/// whatever type the model gave it: no place is an adjective. (Not an abbreviation: "the UK
/// economy" names the country.)
fn nationality_adjectives(
    out: &mut [Mention],
    words: &[&str],
    tags: &[&str],
    marks: &[(u8, bool)],
) {
    for m in out.iter_mut() {
        let at = m.tokens.start;
        if m.tokens.len() == 1
            && words[at].chars().any(char::is_lowercase)
            && matches!(m.kind, EntityType::Gpe | EntityType::Loc)
            && tags[at] == "JJ"
            && marks[at].0 & GAZ_DEMONYM != 0
        {
            m.kind = EntityType::Norp;
        }
    }
}

/// A mention less a weekday that news writes right after a name ("fighting in Serbia Friday",
/// "Hamas Monday rejected"), which the recogniser, having seen few datelined sentences, reads
/// as part of the name. A weekday after a lower-case word stays ("The Mail on Sunday").
fn without_trailing_weekday(
    words: &[&str],
    tokens: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let last = tokens.end - 1;
    let before_is_name = last > tokens.start
        && words[last - 1]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
    if before_is_name && kestrel_core::WEEKDAYS.contains(&words[last].to_lowercase().as_str()) {
        tokens.start..last
    } else {
        tokens
    }
}

/// "The Finance Bill", "the Bill", "the Road Safety Act": a law is no person, body or place.
/// A mention that ends in "Bill" or "Act" is one when it has more words than that, or when the
/// capitalised words and joiners before it ("Prevention of Terrorism") come after a determiner
/// or a possessive, or hold one ("Succession to the Crown Bill"), perhaps with two lower-case
/// modifiers between ("the much delayed Crossrail Link Bill"). English names its laws so; "Bill"
/// opening a sentence, or after "Thanks", "Dear" or "Rev.", is a man.
fn no_laws(words: &[&str], tags: &[&str], out: &mut Vec<Mention>) {
    let tag = |k: usize| tags.get(k).copied().unwrap_or("");
    // A capitalised noun or adjective of a law's name, not a title or an honorific.
    let law_word = |k: usize| {
        let w = words[k];
        w.starts_with(char::is_uppercase)
            && (tag(k).starts_with("NN") || tag(k).starts_with("JJ"))
            && !is_honorific(w)
            && !TITLE_WORDS.contains(&w.to_lowercase().as_str())
    };
    let joiner = |k: usize| {
        matches!(
            words[k].to_lowercase().as_str(),
            "of" | "and" | "to" | "on" | "for" | "the" | "&" | "-"
        )
    };
    let determiner = |k: usize| {
        let w = words[k].to_lowercase();
        matches!(
            w.as_str(),
            "the" | "this" | "that" | "a" | "its" | "their" | "his" | "her"
        ) || tag(k) == "POS"
            || (w.ends_with('\'') && tag(k).starts_with("NNP"))
    };
    out.retain(|m| {
        let last = words[m.tokens.end - 1];
        if !matches!(last, "Bill" | "Act") {
            return true;
        }
        if m.tokens.len() > 1 {
            return false;
        }
        let mut k = m.tokens.start;
        // Not back into another law's name ("the Finance Bill and the Road Safety Act").
        while k > 0 && !matches!(words[k - 1], "Bill" | "Act") && (law_word(k - 1) || joiner(k - 1))
        {
            k -= 1;
        }
        let mut j = k;
        while j > 0
            && k - j < 2
            && words[j - 1].starts_with(char::is_lowercase)
            && (tag(j - 1).starts_with("JJ") || tag(j - 1) == "VBN" || tag(j - 1).starts_with("RB"))
        {
            j -= 1;
        }
        let names_a_law = (j.saturating_sub(1)..m.tokens.start).any(determiner);
        !names_a_law
    });
}

/// A name right after a noun for a work is the work's title (see
/// [`kestrel_actors::is_title_of_a_work`]); UniversalNER leaves titles out.
fn no_titles_of_works(words: &[&str], tags: &[&str], out: &mut Vec<Mention>) {
    out.retain(|m| !kestrel_actors::is_title_of_a_work(words, tags, m.tokens.start));
}

/// A mention that runs a title into a name ("Vice-President Ana Ruiz", "Kenyan Prime Minister
/// Ana Ruiz"): the words before the first title word, if any, and the name after the last
/// one. Only when the name has two words or more, all capitalised, so that organisations named
/// with a title word ("General Motors", "UN General Assembly") stay whole.
/// Drops people's mentions made only of words that open a title: "Shadow" of "Shadow
/// chancellor Ana Ruiz" opening a sentence. Title words themselves may be surnames ("Bishop",
/// "King"), so they stay.
fn without_title_openers(words: &[&str], out: &mut Vec<Mention>) {
    out.retain(|m| {
        m.kind != EntityType::Person
            || !words[m.tokens.clone()].iter().all(|w| {
                let lower = w.to_lowercase();
                lower == "shadow" || TITLE_OPENERS.contains(&lower.as_str())
            })
    });
}

fn split_at_title(
    words: &[&str],
    tokens: std::ops::Range<usize>,
) -> Option<(Option<std::ops::Range<usize>>, std::ops::Range<usize>)> {
    let last = tokens.clone().rev().find(|&t| is_title(words[t]))?;
    let mut first = last;
    while first > tokens.start && {
        let w = words[first - 1].to_lowercase();
        is_title(&w) || TITLE_OPENERS.contains(&w.as_str())
    } {
        first -= 1;
    }
    let name = last + 1..tokens.end;
    let capitalised = |t: usize| words[t].chars().next().is_some_and(|c| c.is_uppercase());
    // An honorific or a personal title comes before a person only ("Mr Velden", "President
    // Ruiz", "Emperor Velmar"), so one word after it is a name; after other titles one word may
    // be an organisation's ("General Motors", "Chief Executive").
    let personal = is_personal_title(words[last]);
    let shortest = if personal { 1 } else { 2 };
    if name.len() < shortest || !name.clone().all(capitalised) {
        return None;
    }
    if name
        .clone()
        .any(|t| ORG_WORDS.contains(&words[t].to_lowercase().as_str()))
    {
        return None;
    }
    let before = (first > tokens.start).then_some(tokens.start..first);
    Some((before, name))
}

/// A title word ("minister", "Secretary", "Vice-President"), in any case, with or without a
/// full stop.
fn is_title(w: &str) -> bool {
    let lower = w.to_lowercase();
    let lower = lower.trim_end_matches('.');
    TITLE_WORDS.contains(&lower)
        || ROYAL_TITLES.contains(&lower)
        || JUDICIAL_TITLES.contains(&lower)
        || MILITARY_RANKS.contains(&lower)
        || lower
            .split_once('-')
            .is_some_and(|(a, b)| matches!(a, "vice" | "deputy") && TITLE_WORDS.contains(&b))
}

/// "General Motors (GM)" read as one name, or as "Motors (GM": a bracket is no part of a
/// name. A mention with a bracket in it becomes the words before the bracket and those inside
/// it, each a mention of the same type where it holds a capitalised word.
fn without_brackets(words: &[&str], out: &mut Vec<Mention>) {
    let bracket = |w: &str| matches!(w, "(" | ")" | "[" | "]");
    let mut parts = Vec::new();
    out.retain(|m| {
        if !m.tokens.clone().any(|t| bracket(words[t])) {
            return true;
        }
        let mut start = m.tokens.start;
        for t in m.tokens.clone().chain(std::iter::once(m.tokens.end)) {
            if t == m.tokens.end || bracket(words[t]) {
                let named = (start..t).any(|k| words[k].starts_with(char::is_uppercase));
                if named {
                    parts.push(Mention {
                        tokens: start..t,
                        kind: m.kind,
                    });
                }
                start = t + 1;
            }
        }
        false
    });
    out.extend(parts);
}

/// "German Chancellor", "UN Emergency Relief Coordinator", "Deputy Prime Minister" read as a
/// body's or a place's name: an office is no name. For a mention that ends in an office's
/// title, what to keep in its place: the body or country that holds the office, if the
/// gazetteer (`gazetteer`, its flags for a phrase) knows it or its name ends in a body's head
/// noun ("Refugee Council Chief"), or nothing (`Some(None)`) for an office of role words alone.
/// `None` leaves the mention as it is: it ends in no office's title, or the words before the
/// title may be a name the gazetteer lacks.
fn office_holder(
    words: &[&str],
    tokens: std::ops::Range<usize>,
    gazetteer: impl Fn(&[&str]) -> u8,
) -> Option<Option<Mention>> {
    if tokens.len() < 2 || !closes_an_office(words, tokens.end - 1) {
        return None;
    }
    // "The Trade Representative's Office": the office names the body after it.
    let owns_a_body = matches!(words.get(tokens.end), Some(&"'s" | &"’s"))
        && words.get(tokens.end + 1).is_some_and(|w| {
            w.starts_with(char::is_uppercase) && is_body_head(&w.to_lowercase(), true)
        });
    if owns_a_body {
        return None;
    }
    let mut role_start = tokens.end - 1;
    while role_start > tokens.start && is_office_word(words[role_start - 1]) {
        role_start -= 1;
    }
    if role_start == tokens.start {
        return Some(None);
    }
    let holder = tokens.start..role_start;
    let gaz = gazetteer(&words[holder.clone()]);
    let last = words[role_start - 1].to_lowercase();
    let kind = if gaz & GAZ_DEMONYM != 0 {
        EntityType::Norp
    } else if gaz & GAZ_ORG != 0 {
        EntityType::Org
    } else if gaz & (GAZ_COUNTRY | GAZ_REGION | GAZ_CITY) != 0 {
        EntityType::Gpe
    } else if holder.len() >= 2 && is_body_head(&last, false) {
        EntityType::Org
    } else {
        return None;
    };
    Some(Some(Mention {
        tokens: holder,
        kind,
    }))
}

/// Whether the word at `t` is the title that ends the name of an office held by one person
/// ("Minister", "Coordinator", "Secretary General"); "General" alone ends company names
/// ("Dollar General"), and "Army" or "Police" end the names of bodies.
fn closes_an_office(words: &[&str], t: usize) -> bool {
    let lower = words[t].to_lowercase();
    match lower.trim_end_matches('.') {
        "general" => t > 0 && BEFORE_GENERAL.contains(&words[t - 1].to_lowercase().as_str()),
        w => OFFICE_TITLES.contains(&w),
    }
}

/// The words that make "General" after them an office ("Attorney General").
const BEFORE_GENERAL: &[&str] = &[
    "secretary",
    "attorney",
    "solicitor",
    "inspector",
    "auditor",
    "surgeon",
];

/// Titles of offices that one person holds.
const OFFICE_TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "governor",
    "mayor",
    "commissioner",
    "coordinator",
    "representative",
    "chairman",
    "chairwoman",
    "leader",
    "negotiator",
    "rapporteur",
];

/// A word of an office's title before its last word: a title, a portfolio, a rank's qualifier
/// ("Deputy", "Foreign", "Emergency Relief", "Attorney").
fn is_office_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    kestrel_actors::is_role_word(word)
        || TITLE_OPENERS.contains(&lower.as_str())
        || BEFORE_GENERAL.contains(&lower.as_str())
}

/// Words that open a title before its title word ("Prime Minister", "Foreign Secretary").
const TITLE_OPENERS: &[&str] = &[
    "prime", "vice", "deputy", "foreign", "interior", "defence", "defense", "finance", "acting",
    "former", "junior", "senior", "chief", "home",
];

/// Titles that stand before one person's name and in no organisation's name, so that one
/// word after them is a name (lowercase, without a full stop).
const PERSONAL_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "chancellor",
    "premier",
    "sheikh",
    "shaikh",
    "ayatollah",
    "cardinal",
    "rabbi",
    "imam",
    "archbishop",
    "bishop",
];

/// Royal titles the recogniser's own list lacks; used only to split a name from its title,
/// as the recogniser's features were learnt with its list as it is.
const ROYAL_TITLES: &[&str] = &["emperor", "empress", "sultan", "emir", "tsar", "czar"];

/// Judges' titles, personal before a name ("Justice Marlow", "Judge Tam"), split from the name
/// after them as the royal titles are. ("Judge" is in the recogniser's own title list; "justice"
/// is not, as "the Justice Department" and "the Justice Party" are no titles: a name after it
/// holding an organisation's word stays whole.)
const JUDICIAL_TITLES: &[&str] = &["justice", "judge"];

/// Whether a word is a title that only a person bears before their name: a personal, royal or
/// judicial title ("President", "Emperor", "Justice"), in any case, with or without a full stop.
fn is_personal_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    PERSONAL_TITLES.contains(&lower)
        || ROYAL_TITLES.contains(&lower)
        || JUDICIAL_TITLES.contains(&lower)
}

/// Military ranks the recogniser's own list lacks, split from a name of two words or more
/// after them ("Admiral Rosa Vidal") for the same reason. Not personal titles: "Admiral
/// Vidal" may be a ship.
const MILITARY_RANKS: &[&str] = &[
    "admiral",
    "brigadier",
    "lieutenant",
    "sergeant",
    "marshal",
    "commodore",
    "corporal",
];

/// A person's mention with the regnal number or generation written after the name ("Henry
/// VIII", "Ottmar I", "Ana Ruiz III", "Tomas Ek, Jr."), which the recogniser, seeing
/// few of them, leaves out. "I" counts only before punctuation or "of", where it cannot be the
/// pronoun.
fn with_name_suffix(words: &[&str], tokens: std::ops::Range<usize>) -> std::ops::Range<usize> {
    const NUMERALS: &[&str] = &[
        "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
        "XVI", "Jr.", "Jr", "Sr.", "Sr",
    ];
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    let end = tokens.end;
    let after_i = at(end + 1);
    let pronoun_free =
        after_i.is_empty() || after_i == "of" || after_i.chars().all(|c| c.is_ascii_punctuation());
    if NUMERALS.contains(&at(end)) || (at(end) == "I" && pronoun_free) {
        tokens.start..end + 1
    } else if at(end) == "," && matches!(at(end + 1), "Jr." | "Sr.") {
        tokens.start..end + 2
    } else {
        tokens
    }
}

/// Seas, oceans, straits, mountain ranges, rivers and regions that span countries, which the
/// gazetteer (towns and administrative regions from GeoNames) lacks and the training text
/// rarely names: names of places (LOC) wherever they are written with their capitals. Rivers
/// and ranges whose one-word names are also other things ("Amazon", "Jordan", "Don", "Po") are
/// listed only with the word that makes them places.
const PHYSICAL_FEATURES: &[&str] = &[
    "Atlantic",
    "Pacific",
    "Arctic",
    "Antarctic",
    "Antarctica",
    "Mediterranean",
    "Balkans",
    "Caucasus",
    "Himalayas",
    "Alps",
    "Andes",
    "Pyrenees",
    "Carpathians",
    "Urals",
    "Rockies",
    "Sahara",
    "Sahel",
    "Maghreb",
    "Levant",
    "Eurasia",
    "Scandinavia",
    "Siberia",
    "Patagonia",
    "Bosphorus",
    "Dardanelles",
    "Euphrates",
    "Tigris",
    "Danube",
    "Rhine",
    "Nile",
    "Yangtze",
    "Mekong",
    "Ganges",
    "Indus",
    "Volga",
    "Dnieper",
    "Atlantic Ocean",
    "Pacific Ocean",
    "Indian Ocean",
    "Arctic Ocean",
    "Southern Ocean",
    "Black Sea",
    "Red Sea",
    "Dead Sea",
    "Caspian Sea",
    "Baltic Sea",
    "North Sea",
    "Irish Sea",
    "Aegean Sea",
    "Adriatic Sea",
    "Arabian Sea",
    "Caribbean Sea",
    "Ionian Sea",
    "Tyrrhenian Sea",
    "Sea of Azov",
    "Sea of Japan",
    "Sea of Marmara",
    "South China Sea",
    "East China Sea",
    "Yellow Sea",
    "Barents Sea",
    "Bering Sea",
    "Norwegian Sea",
    "Coral Sea",
    "Persian Gulf",
    "Gulf of Aden",
    "Gulf of Oman",
    "Gulf of Mexico",
    "Gulf of Guinea",
    "Gulf of Finland",
    "Bay of Bengal",
    "Bay of Biscay",
    "Strait of Hormuz",
    "Strait of Gibraltar",
    "Taiwan Strait",
    "Strait of Malacca",
    "Kerch Strait",
    "English Channel",
    "Suez Canal",
    "Panama Canal",
    "Horn of Africa",
    "Middle East",
    "Near East",
    "Far East",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "West Africa",
    "East Africa",
    "North Africa",
    "Southern Africa",
    "Central Africa",
    "Sub-Saharan Africa",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "British Isles",
    "Korean Peninsula",
    "Iberian Peninsula",
    "Arabian Peninsula",
    "Balkan Peninsula",
    "Crimean Peninsula",
    "Rocky Mountains",
    "Atlas Mountains",
    "Ural Mountains",
    "Hindu Kush",
    "Great Lakes",
    "Lake Victoria",
    "Lake Chad",
    "Lake Tanganyika",
    "Lake Geneva",
    "Jordan River",
    "Rhine River",
    "Nile River",
    "Amazon River",
    "Amazon rainforest",
    "Mississippi River",
    "Danube River",
    "Yellow River",
];

/// Adds a place mention for each physical feature written in the sentence ("the Black Sea",
/// "the Balkans"), longest name first, where no mention reaching outside it stands; mentions
/// inside it ("America" in "South America", "Indian" in "Indian Ocean") give way to it.
fn add_physical_features(words: &[&str], out: &mut Vec<Mention>) {
    // The names by their first word, longest first: the recogniser runs on every sentence.
    type ByFirstWord = HashMap<&'static str, Vec<Vec<&'static str>>>;
    static NAMES: std::sync::OnceLock<ByFirstWord> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = ByFirstWord::new();
        for name in PHYSICAL_FEATURES {
            let words: Vec<&str> = name.split(' ').collect();
            names.entry(words[0]).or_default().push(words);
        }
        for same_start in names.values_mut() {
            same_start.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        names
    });
    let mut i = 0;
    while i < words.len() {
        let found = names.get(words[i]).and_then(|candidates| {
            candidates
                .iter()
                .find(|n| words.get(i..i + n.len()).is_some_and(|w| w == n.as_slice()))
        });
        let Some(name) = found else {
            i += 1;
            continue;
        };
        let span = i..i + name.len();
        // "Mediterranean", "Atlantic" alone are adjectives as often ("a Mediterranean
        // restaurant"); after "the" they are the sea.
        let adjective = name.len() == 1
            && matches!(
                name[0],
                "Atlantic" | "Pacific" | "Arctic" | "Antarctic" | "Mediterranean"
            );
        let after_the = i > 0 && words[i - 1].eq_ignore_ascii_case("the");
        if adjective && !after_the {
            i = span.end;
            continue;
        }
        let crosses = out.iter().any(|m| {
            m.tokens.start < span.end
                && span.start < m.tokens.end
                && (m.tokens.start < span.start || m.tokens.end > span.end)
        });
        if !crosses {
            out.retain(|m| !(span.start <= m.tokens.start && m.tokens.end <= span.end));
            out.push(Mention {
                tokens: span.clone(),
                kind: EntityType::Loc,
            });
        }
        i = span.end;
    }
}

/// Entity-level scores against IOB2 gold data, with Kestrel's types mapped onto PER, ORG and
/// LOC (GPE and LOC are both LOC; NORP and the gold OTH are left out).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct NerScores {
    /// Per type: (true positives, false positives, false negatives).
    pub per_type: std::collections::BTreeMap<String, (usize, usize, usize)>,
    /// Overall counts.
    pub overall: (usize, usize, usize),
    /// Every span that is not right, as `(kind, type, mention words)`: `missed` (gold, not
    /// found), `spurious` (found, not gold); a span found with the wrong type is both.
    pub errors: Vec<(&'static str, String, String)>,
}

/// Scores the recogniser on gold sentences, tagging them with `tagger` first.
pub fn evaluate(ner: &Ner, tagger: &crate::Tagger, sentences: &[NerSentence]) -> NerScores {
    evaluate_with(sentences, |words| {
        let tags: Vec<&str> = tagger.tag(words).into_iter().map(|t| t.1).collect();
        ner.recognise(words, &tags)
            .into_iter()
            .map(|m| (m.tokens, m.kind))
            .collect()
    })
}

/// UniversalNER's type for one of Kestrel's (PER, ORG, LOC); none for nationalities, which
/// it files under OTH.
pub fn uner_type(kind: EntityType) -> Option<&'static str> {
    match kind {
        EntityType::Person => Some("PER"),
        EntityType::Org => Some("ORG"),
        EntityType::Gpe | EntityType::Loc => Some("LOC"),
        EntityType::Norp => None,
    }
}

/// Scores mentions found by `find` (word ranges and types, given a sentence's words) on gold
/// sentences.
pub fn evaluate_with(
    sentences: &[NerSentence],
    mut find: impl FnMut(&[&str]) -> Vec<(std::ops::Range<usize>, EntityType)>,
) -> NerScores {
    let mut s = NerScores::default();
    for sentence in sentences {
        let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
        let gold: HashSet<(usize, usize, String)> = iob2_spans(&sentence.labels)
            .into_iter()
            .filter(|(_, _, t)| ["PER", "ORG", "LOC"].contains(&t.as_str()))
            .collect();
        let predicted: HashSet<(usize, usize, String)> = find(&words)
            .into_iter()
            .filter_map(|(tokens, kind)| {
                let t = uner_type(kind)?;
                Some((tokens.start, tokens.end, t.to_string()))
            })
            .collect();
        for t in ["PER", "ORG", "LOC"] {
            let g: HashSet<_> = gold.iter().filter(|x| x.2 == t).collect();
            let p: HashSet<_> = predicted.iter().filter(|x| x.2 == t).collect();
            let tp = g.intersection(&p).count();
            let e = s.per_type.entry(t.to_string()).or_default();
            e.0 += tp;
            e.1 += p.len() - tp;
            e.2 += g.len() - tp;
            s.overall.0 += tp;
            s.overall.1 += p.len() - tp;
            s.overall.2 += g.len() - tp;
            let words_of = |x: &(usize, usize, String)| sentence.words[x.0..x.1].join(" ");
            let mut missed: Vec<_> = g.difference(&p).collect();
            missed.sort();
            for x in missed {
                s.errors.push(("missed", t.to_string(), words_of(x)));
            }
            let mut spurious: Vec<_> = p.difference(&g).collect();
            spurious.sort();
            for x in spurious {
                s.errors.push(("spurious", t.to_string(), words_of(x)));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lower_case_words_outside_names_skip_the_model() {
        let outside = |sentence: &str| -> Vec<bool> {
            let words: Vec<&str> = sentence.split(' ').collect();
            let tags = vec!["NN"; words.len()];
            let clusters = crate::clusters::WordClusters::empty();
            let p = prepare(&words, &tags, &Gazetteer::default(), &clusters);
            (0..words.len())
                .map(|i| well_cased(&words) && surely_outside(&words, &p, i, 0))
                .collect()
        };
        // "in" comes before a capitalised word, "al" before one after a hyphen.
        assert_eq!(
            outside("The ferry left the harbour in Velmora at dawn with al - Tarif aboard"),
            [
                false, true, true, true, true, false, false, true, true, true, false, false, false,
                true
            ]
        );
        // A sentence typed without capitals keeps every word for the model.
        assert!(outside("we flew to velmora and i stayed a week")
            .iter()
            .all(|&o| !o));
        assert!(outside("the ferry left at dawn").iter().all(|&o| !o));
    }

    #[test]
    fn a_country_typed_as_a_person_or_organisation_is_a_place() {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add("Velmora", GAZ_COUNTRY);
        gazetteer.add("Kostova", GAZ_COUNTRY | GAZ_ORG);
        let ner = Ner {
            model: Perceptron::new(1 + TYPES.len() * 4),
            gazetteer,
            clusters: Default::default(),
        };
        let words = ["Velmora", "and", "Kostova", "met", "Arvenia"];
        let typed = |at: usize, ty: usize| {
            let mut out = Vec::new();
            ner.push(&words, at..at + 1, ty, &mut out);
            out[0].kind
        };
        assert_eq!(typed(0, 0), EntityType::Gpe);
        assert_eq!(typed(0, 1), EntityType::Gpe);
        // A name the gazetteer also knows as something else, or not at all, keeps its type.
        assert_eq!(typed(2, 1), EntityType::Org);
        assert_eq!(typed(4, 0), EntityType::Person);
    }

    #[test]
    fn a_persons_first_word_is_a_given_name_unless_a_title() {
        let mut gazetteer = Gazetteer::default();
        for name in [
            "Amos Kiprono",
            "President Tomas Ek",
            "Lena Maria Brandt",
            "Jo Ruiz",
            "Okafor",
            "Ana Lucia de la Vega Ruiz",
        ] {
            gazetteer.add_given_name(name);
        }
        let given = |w: &str| gazetteer.get(&[w]) & GAZ_GIVEN != 0;
        assert!(given("Amos") && given("Lena"));
        // A title, a name too short to tell, a single name, a name of many words.
        assert!(!given("President") && !given("Jo") && !given("Okafor") && !given("Ana"));
        // The mark goes with the word, not the whole name.
        assert!(gazetteer.get(&["Amos", "Kiprono"]) == 0);
    }

    #[test]
    fn a_demonym_read_as_an_adjective_is_a_nationality() {
        let mention = |at: usize, kind| Mention {
            tokens: at..at + 1,
            kind,
        };
        let mut out = vec![
            mention(1, EntityType::Gpe),
            mention(5, EntityType::Gpe),
            mention(7, EntityType::Loc),
            mention(8, EntityType::Gpe),
        ];
        let words = [
            "The", "Velmoran", "economy", "grew", "in", "Velmora", "and", "Kostova", "VK", "too",
        ];
        let tags = ["DT", "JJ", "NN", "VBD", "IN", "NNP", "CC", "JJ", "JJ", "RB"];
        let mut marks = vec![(0u8, false); words.len()];
        marks[1] = (GAZ_DEMONYM | GAZ_COUNTRY, true);
        marks[5] = (GAZ_DEMONYM | GAZ_COUNTRY, true);
        marks[7] = (GAZ_COUNTRY, true);
        marks[8] = (GAZ_DEMONYM | GAZ_COUNTRY, true);
        nationality_adjectives(&mut out, &words, &tags, &marks);
        let kinds: Vec<EntityType> = out.iter().map(|m| m.kind).collect();
        // A proper noun, an adjective the gazetteer knows as no demonym, and an abbreviation
        // keep their types.
        assert_eq!(
            kinds,
            [
                EntityType::Norp,
                EntityType::Gpe,
                EntityType::Loc,
                EntityType::Gpe
            ]
        );
    }

    #[test]
    fn a_title_inside_a_mention_splits_it() {
        let words = [
            "Velorian", "Prime", "Minister", "Ana", "Ruiz", "met", "General", "Motors",
        ];
        assert_eq!(split_at_title(&words, 0..5), Some((Some(0..1), 3..5)));
        assert_eq!(split_at_title(&words, 1..5), Some((None, 3..5)));
        assert_eq!(split_at_title(&words, 6..8), None);
        let hyphen = ["Vice-President", "Tomas", "Ek"];
        assert_eq!(split_at_title(&hyphen, 0..3), Some((None, 1..3)));
        // After an honorific one word is a name; after another title it may not be.
        let honorifics = [
            "Mr", "Velden", "and", "Dr.", "Ruiz", "met", "General", "Motors",
        ];
        assert_eq!(split_at_title(&honorifics, 0..2), Some((None, 1..2)));
        assert_eq!(split_at_title(&honorifics, 3..5), Some((None, 4..5)));
        assert_eq!(split_at_title(&honorifics, 6..8), None);
        let royal = ["Emperor", "Velmar", "met", "President", "Okafor"];
        assert_eq!(split_at_title(&royal, 0..2), Some((None, 1..2)));
        assert_eq!(split_at_title(&royal, 3..5), Some((None, 4..5)));
        // A rank before two names splits; before one it may name a ship.
        let ranks = ["Admiral", "Rosa", "Vidal", "and", "Admiral", "Vidal"];
        assert_eq!(split_at_title(&ranks, 0..3), Some((None, 1..3)));
        assert_eq!(split_at_title(&ranks, 4..6), None);
    }

    #[test]
    fn a_bracket_is_no_part_of_a_name() {
        let words = [
            "Halden", "Motors", "(", "HM", ")", "and", "Kestrel", "(", "the", "firm", ")",
        ];
        let mut out = vec![
            Mention {
                tokens: 1..4,
                kind: EntityType::Org,
            },
            Mention {
                tokens: 6..11,
                kind: EntityType::Org,
            },
        ];
        without_brackets(&words, &mut out);
        out.sort_by_key(|m| m.tokens.start);
        let spans: Vec<_> = out.iter().map(|m| m.tokens.clone()).collect();
        assert_eq!(spans, [1..2, 3..4, 6..7]);
        assert!(out.iter().all(|m| m.kind == EntityType::Org));
    }

    #[test]
    fn an_office_is_no_name_but_its_holder_is() {
        let gazetteer = |w: &[&str]| match w {
            ["Velorian"] => GAZ_DEMONYM,
            ["Arvenia"] => GAZ_COUNTRY,
            ["Northern", "Alliance"] => GAZ_ORG,
            _ => 0,
        };
        let holder = |sentence: &str| -> Option<Option<(String, EntityType)>> {
            let words: Vec<&str> = sentence.split(' ').collect();
            office_holder(&words, 0..words.len(), gazetteer)
                .map(|m| m.map(|m| (words[m.tokens].join(" "), m.kind)))
        };
        let kept = |name: &str, kind| Some(Some((name.to_string(), kind)));
        assert_eq!(
            holder("Velorian Chancellor"),
            kept("Velorian", EntityType::Norp)
        );
        assert_eq!(
            holder("Arvenia Trade Representative"),
            kept("Arvenia", EntityType::Gpe)
        );
        assert_eq!(
            holder("Northern Alliance Emergency Relief Coordinator"),
            kept("Northern Alliance", EntityType::Org)
        );
        assert_eq!(
            holder("Fisheries Council Chief"),
            kept("Fisheries Council", EntityType::Org)
        );
        assert_eq!(holder("Deputy Prime Minister"), Some(None));
        assert_eq!(holder("Attorney General"), Some(None));
        // Names that end in no office's title, or in one after words that may be a name.
        assert_eq!(holder("Dollar General"), None);
        assert_eq!(holder("Kestrel Army"), None);
        assert_eq!(holder("Halden Economic Minister"), None);
        assert_eq!(holder("Chancellor"), None);
        let owner = ["Arvenia", "Trade", "Representative", "'s", "Office", "said"];
        assert_eq!(office_holder(&owner, 0..3, gazetteer), None);
    }

    #[test]
    fn a_name_after_a_personal_title_is_a_persons() {
        let names = |sentence: &str, out: &mut Vec<Mention>| -> Vec<String> {
            let words: Vec<&str> = sentence.split(' ').collect();
            names_after_a_personal_title(&words, out);
            out.iter()
                .map(|m| words[m.tokens.clone()].join(" "))
                .collect()
        };
        assert_eq!(
            names("In a ruling by Justice Marlow , he wrote .", &mut vec![]),
            ["Marlow"]
        );
        assert_eq!(
            names("Mr Justice Orvell and Judge Ana Tam agreed .", &mut vec![]),
            ["Orvell", "Ana Tam"]
        );
        // Part of a name, a title, a body, a street, a lower-case title: none.
        for sentence in [
            "the Criminal Justice Act passed .",
            "Lord Justices Clarke and Rix sat .",
            "the Justice Department said .",
            "shops on King Street closed .",
            "the chancellor Britain has had .",
        ] {
            assert!(names(sentence, &mut vec![]).is_empty(), "{sentence}");
        }
        // A name the model found stays as it is.
        let mut found = vec![Mention {
            tokens: 1..2,
            kind: EntityType::Person,
        }];
        assert_eq!(names("President Arvo spoke .", &mut found), ["Arvo"]);
        // A place right after such a title is the person of that name.
        let words = ["President", "Lima", "spoke", "."];
        let mut out = vec![Mention {
            tokens: 1..2,
            kind: EntityType::Gpe,
        }];
        people_by_honorific(&words, &mut out);
        assert_eq!(out[0].kind, EntityType::Person);
    }

    #[test]
    fn fillers_of_speech_are_no_names() {
        for w in ["Um", "Umm", "Uhhh", "Mhm", "Mm", "Hmm", "Erm", "Ah"] {
            assert!(is_filler(w), "{w}");
        }
        for w in ["M", "Uma", "Mahmoud", "Hum", "Oh", "Ahmed", "Erdogan"] {
            assert!(!is_filler(w), "{w}");
        }
    }

    #[test]
    fn a_name_after_an_honorific_is_a_persons() {
        let words = ["Mr", "Houston", "met", "Dr.", "Essex", "in", "Houston", "."];
        let mention = |tokens, kind| Mention { tokens, kind };
        let mut out = vec![
            mention(1..2, EntityType::Gpe),
            mention(4..5, EntityType::Org),
            mention(6..7, EntityType::Gpe),
        ];
        people_by_honorific(&words, &mut out);
        let kinds: Vec<EntityType> = out.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [EntityType::Person, EntityType::Person, EntityType::Gpe]
        );
        // The honorific inside the mention.
        let words = ["Lady", "Wellington", "spoke"];
        let mut out = vec![mention(0..2, EntityType::Gpe)];
        people_by_honorific(&words, &mut out);
        assert_eq!(out[0].kind, EntityType::Person);
        assert!(!is_honorific("Mrsa") && is_honorific("Mrs."));
    }

    #[test]
    fn words_that_open_a_title_are_no_persons_name() {
        let words = [
            "Shadow",
            "chancellor",
            "Ana",
            "Ruiz",
            "met",
            "Bishop",
            "and",
            "Acting",
        ];
        let mention = |tokens| Mention {
            tokens,
            kind: EntityType::Person,
        };
        let mut out = vec![mention(0..1), mention(2..4), mention(5..6), mention(7..8)];
        without_title_openers(&words, &mut out);
        let kept: Vec<std::ops::Range<usize>> = out.into_iter().map(|m| m.tokens).collect();
        assert_eq!(kept, [2..4, 5..6]);
    }

    #[test]
    fn seas_ranges_and_regions_are_places() {
        let words = [
            "Ships",
            "left",
            "the",
            "Black",
            "Sea",
            "for",
            "South",
            "America",
            "and",
            "the",
            "Balkans",
            ";",
            "a",
            "Mediterranean",
            "diet",
            "and",
            "the",
            "Mediterranean",
            ".",
        ];
        // The recogniser found "America" alone and an organisation reaching over "Balkans".
        let mut out = vec![
            Mention {
                tokens: 7..8,
                kind: EntityType::Gpe,
            },
            Mention {
                tokens: 9..11,
                kind: EntityType::Org,
            },
        ];
        add_physical_features(&words, &mut out);
        out.sort_by_key(|m| m.tokens.start);
        let spans: Vec<_> = out.iter().map(|m| (m.tokens.clone(), m.kind)).collect();
        assert_eq!(
            spans,
            vec![
                (3..5, EntityType::Loc),
                (6..8, EntityType::Loc),
                (9..11, EntityType::Org),
                (17..18, EntityType::Loc),
            ]
        );
    }

    #[test]
    fn regnal_numbers_and_generations_join_a_name() {
        let words = [
            "Ottmar", "IV", "of", "Kessland", "met", "Ana", "Ruiz", ",", "Jr.", "and", "Henrik",
            "I", "said", "Tomas", "I", ".",
        ];
        assert_eq!(with_name_suffix(&words, 0..1), 0..2);
        assert_eq!(with_name_suffix(&words, 5..7), 5..9);
        // "I" before a verb is the pronoun; before a full stop a numeral.
        assert_eq!(with_name_suffix(&words, 10..11), 10..11);
        assert_eq!(with_name_suffix(&words, 13..14), 13..15);
    }

    #[test]
    fn a_run_of_capitalised_words_says_what_it_holds() {
        let words = [
            "Yesterday",
            "the",
            "Central",
            "Bank",
            "of",
            "Velor",
            "and",
            "Ana",
            "Ruiz",
            "met",
            "in",
            "of",
            "Tolvania",
        ];
        let bits = |v: u64| v & 0xf;
        let place = |v: u64| (v >> 8) & 3;
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut marks = vec![(0u8, false); words.len()];
        marks[5] = (GAZ_CITY, true);
        let runs = name_runs(&words, &lower, &marks);
        // "Central Bank of Velor": joined across "of", an organisation word and a place in it.
        for (t, run) in runs.iter().enumerate().take(6).skip(2) {
            assert_eq!(run.1, (2, 6), "token {t}");
            assert_eq!(bits(run.0), 1 | 4, "token {t}");
        }
        assert_eq!(place(runs[2].0), 0, "begins");
        assert_eq!(place(runs[5].0), 2, "ends");
        // "and" does not join "Velor" to "Ana Ruiz", a run with nothing in it but names.
        assert_eq!(runs[7].1, (7, 9));
        assert_eq!(bits(runs[7].0), 0);
        assert_eq!(runs[0].1, (0, 1));
        assert_eq!(place(runs[0].0), 3, "a one-word run");
        assert_eq!(runs[1].0, 0, "lower case is outside any run");
        assert_eq!(runs[9].0, 0);
        // A joiner needs a capitalised word on both sides.
        assert_eq!(runs[11].0, 0);
        assert_eq!(runs[12].1, (12, 13));
    }

    #[test]
    fn a_weekday_after_a_name_is_not_part_of_it() {
        let words = [
            "Clashes", "in", "Tolvania", "Friday", "and", "the", "Post", "on", "Sunday",
        ];
        assert_eq!(without_trailing_weekday(&words, 2..4), 2..3);
        assert_eq!(without_trailing_weekday(&words, 6..9), 6..9);
        assert_eq!(without_trailing_weekday(&words, 3..4), 3..4);
    }

    #[test]
    fn ner_bilou_round_trip_and_constraints() {
        let s = NerSentence {
            words: ["Ana", "Ruiz", "met", "UN", "staff", "in", "Lima"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            labels: ["B-PER", "I-PER", "O", "B-ORG", "O", "O", "B-LOC"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        let b = bilou(&s);
        assert_eq!(
            b,
            vec![
                label_of('B', 0),
                label_of('L', 0),
                0,
                label_of('U', 1),
                0,
                0,
                label_of('U', 2)
            ]
        );
        assert!(!allowed(0, label_of('I', 0)));
        assert!(allowed(label_of('B', 0), label_of('L', 0)));
        assert!(!allowed(label_of('B', 0), label_of('L', 1)));
        assert!(!allowed(label_of('B', 0), 0));
    }

    #[test]
    fn bodies_named_in_full_outside_every_mention_are_organisations() {
        let mut ner = untrained_with_names(&[]);
        ner.gazetteer.add("Arvenia", GAZ_COUNTRY);
        ner.gazetteer.add("Arvenian", GAZ_DEMONYM);
        ner.gazetteer.add("Tolmar Union", GAZ_COUNTRY);
        // The rules after the model, in the recogniser's order, over the model's mentions.
        let found =
            |words: &[&str], tags: &[&str], mentions: &[(std::ops::Range<usize>, EntityType)]| {
                let mut out = mentions_of(mentions);
                let alone = ner.bodies_the_model_missed(words, tags, &mut out);
                ner.with_named_complements(words, &mut out);
                out.retain(|m| !alone.contains(&m.tokens));
                ner.countries_opening_bodies(words, &mut out);
                out.sort_by_key(|m| m.tokens.start);
                out.into_iter()
                    .map(|m| (m.tokens, m.kind))
                    .collect::<Vec<_>>()
            };
        let words = [
            "He", "told", "the", "Court", "of", "Appeal", "and", "the", "Rural", "Roads", "Agency",
            "on", "Monday", ".",
        ];
        let tags = [
            "PRP", "VBD", "DT", "NNP", "IN", "NNP", "CC", "DT", "NNP", "NNP", "NNP", "IN", "NNP",
            ".",
        ];
        assert_eq!(
            found(&words, &tags, &[]),
            [(3..6, EntityType::Org), (8..11, EntityType::Org)]
        );
        // A country before the name joins it; "and" joins words before the head noun, not
        // two bodies; a mention the model made stays as it is, and a head noun alone after it
        // is no body.
        let words = [
            "Arvenian", "Farm", "and", "Food", "Agency", "staff", "met", "Velor", "Foods", "and",
            "Arvenia", "Times",
        ];
        let tags = [
            "JJ", "NNP", "CC", "NNP", "NNP", "NNS", "VBD", "NNP", "NNPS", "CC", "NNP", "NNP",
        ];
        assert_eq!(
            found(
                &words,
                &tags,
                &[
                    (0..1, EntityType::Norp),
                    (7..9, EntityType::Org),
                    (10..11, EntityType::Gpe)
                ]
            ),
            [
                (0..5, EntityType::Org),
                (7..9, EntityType::Org),
                (10..11, EntityType::Gpe)
            ]
        );
        // No body: a head noun alone, a head noun before a lower-case complement, a known
        // place, a sentence's first word that is no name, a title, days and months.
        for (words, tags) in [
            (
                &["The", "Agency", "said", "so", "."][..],
                &["DT", "NNP", "VBD", "RB", "."][..],
            ),
            (
                &["Its", "Office", "of", "record"],
                &["PRP$", "NNP", "IN", "NN"],
            ),
            (
                &["the", "Tolmar", "Union", "voted"],
                &["DT", "NNP", "NNP", "VBD"],
            ),
            (&["Former", "Cabinet", "members"], &["JJ", "NNP", "NNS"]),
            (
                &["\"", "If", "Parliament", "wants"],
                &["``", "IN", "NNP", "VBZ"],
            ),
            (&["on", "Monday", "Council"], &["IN", "NNP", "NNP"]),
            (
                &["Home", "Secretary", "Ana", "Ruiz"],
                &["NNP", "NNP", "NNP", "NNP"],
            ),
        ] {
            assert_eq!(found(words, tags, &[]), [], "{words:?}");
        }
    }

    #[test]
    fn an_organisations_name_goes_on_past_its_head_and_of() {
        let ner = untrained_with_names(&["Vantor Bank", "Kessel"]);
        let mut gazetteer_country = ner.gazetteer.clone();
        gazetteer_country.add("Arvenia", GAZ_COUNTRY);
        let ner = Ner {
            gazetteer: gazetteer_country,
            ..ner
        };
        let widened = |words: &[&str], mentions: &[(std::ops::Range<usize>, EntityType)]| {
            let mut out = mentions_of(mentions);
            ner.with_named_complements(words, &mut out);
            out.into_iter()
                .map(|m| (m.tokens, m.kind))
                .collect::<Vec<_>>()
        };
        // Stopped at its head noun, with the place of its complement read apart.
        let words = [
            "the",
            "Housing",
            "Authority",
            "of",
            "Port",
            "Selwyn",
            "said",
        ];
        assert_eq!(
            widened(&words, &[(1..3, EntityType::Org), (4..6, EntityType::Gpe)]),
            [(1..6, EntityType::Org)]
        );
        // Cut inside its complement, before "and".
        let words = [
            "the", "Office", "of", "Rural", "Roads", "and", "Canals", "said", "so",
        ];
        assert_eq!(
            widened(&words, &[(1..5, EntityType::Org)]),
            [(1..7, EntityType::Org)]
        );
        // No further than a title, a known organisation, a second body or "the".
        let words = ["the", "Bank", "of", "Tolmar", "Governor", "Ana", "Ruiz"];
        assert_eq!(
            widened(&words, &[(1..2, EntityType::Org)]),
            [(1..4, EntityType::Org)]
        );
        let words = ["Ministry", "of", "Energy", "and", "Kessel", "agreed"];
        assert_eq!(
            widened(&words, &[(0..1, EntityType::Org)]),
            [(0..3, EntityType::Org)]
        );
        let words = ["Bank", "of", "Tolmar", "and", "Selwyn", "Savings", "Bank"];
        assert_eq!(
            widened(&words, &[(0..3, EntityType::Org)]),
            [(0..3, EntityType::Org)]
        );
        let words = ["Ministry", "of", "Energy", "and", "the", "Treasury"];
        assert_eq!(
            widened(&words, &[(0..1, EntityType::Org)]),
            [(0..3, EntityType::Org)]
        );
        // A country alone stays apart; a person's "of" is not an organisation's.
        let words = ["the", "Interior", "Ministry", "of", "Arvenia"];
        assert_eq!(
            widened(&words, &[(1..3, EntityType::Org), (4..5, EntityType::Gpe)]),
            [(1..3, EntityType::Org), (4..5, EntityType::Gpe)]
        );
        let words = ["Ana", "Ruiz", "of", "Selwyn", "Savings"];
        assert_eq!(
            widened(&words, &[(0..2, EntityType::Person)]),
            [(0..2, EntityType::Person)]
        );
    }

    /// A recogniser with no model whose gazetteer knows these organisations.
    /// Mentions over these token spans, of these types.
    fn mentions_of(spans: &[(std::ops::Range<usize>, EntityType)]) -> Vec<Mention> {
        spans
            .iter()
            .map(|(tokens, kind)| Mention {
                tokens: tokens.clone(),
                kind: *kind,
            })
            .collect()
    }

    fn untrained_with_names(organisations: &[&str]) -> Ner {
        let mut gazetteer = Gazetteer::default();
        for name in organisations {
            gazetteer.add(name, GAZ_ORG);
        }
        Ner {
            model: Perceptron::new(1),
            gazetteer,
            clusters: Default::default(),
        }
    }

    #[test]
    fn a_name_ends_in_no_verb_function_word_or_dash() {
        let words = [
            "Zorvex", "said", "that", "Kestamo", "-", "the", "US", "military", "left",
        ];
        let tags = ["NNP", "VBD", "IN", "NNP", ":", "DT", "NNP", "NN", "VBD"];
        let mut out = mentions_of(&[
            (0..3, EntityType::Loc),
            (3..5, EntityType::Person),
            (6..8, EntityType::Org),
            (8..9, EntityType::Org),
        ]);
        without_trailing_function_words(&words, &tags, &mut out);
        let spans: Vec<_> = out.iter().map(|m| m.tokens.clone()).collect();
        // A name ending in a lower-case noun stays whole; a mention of a verb alone goes.
        assert_eq!(spans, [0..1, 3..4, 6..8]);
    }

    #[test]
    fn a_name_after_or_apposed_to_a_business_noun_is_an_organisations() {
        let mut ner = untrained_with_names(&[]);
        ner.gazetteer.add("Arvenia", GAZ_COUNTRY);
        ner.gazetteer.add_given_name("Amos Kiprono");
        let typed = |sentence: &str, mentions: &[(std::ops::Range<usize>, EntityType)]| {
            let words: Vec<&str> = sentence.split(' ').collect();
            // Lower-case words are nouns, capitalised ones proper nouns, "," punctuation.
            let tags: Vec<&str> = words
                .iter()
                .map(|w| match w {
                    w if w.starts_with(char::is_uppercase) => "NNP",
                    &"," | &"." | &"-" => ",",
                    _ => "NN",
                })
                .collect();
            let mut out = mentions_of(mentions);
            ner.organisations_by_business_noun(&words, &tags, &mut out);
            out.into_iter()
                .map(|m| (m.tokens, m.kind))
                .collect::<Vec<_>>()
        };
        let (person, place, org) = (EntityType::Person, EntityType::Gpe, EntityType::Org);
        // Next to the noun, and across a comma either way.
        assert_eq!(
            typed("the oil giant Zorvex rose", &[(3..4, person)]),
            [(3..4, org)]
        );
        assert_eq!(
            typed("the biggest lender , Kestamo , fell", &[(4..5, place)]),
            [(4..5, org)]
        );
        assert_eq!(
            typed("Kestamo , the biggest lender , fell", &[(0..1, person)]),
            [(0..1, org)]
        );
        // A person named with a given name, a country, a film-maker, "giant" read as an
        // adjective are left as they are.
        assert_eq!(
            typed("the publisher Amos Kiprono spoke", &[(2..4, person)]),
            [(2..4, person)]
        );
        assert_eq!(typed("the bank Arvenia", &[(2..3, place)]), [(2..3, place)]);
        assert_eq!(
            typed("the film - maker Zorvex spoke", &[(4..5, person)]),
            [(4..5, person)]
        );
        // A run of proper nouns after the noun that no mention covers is one, hyphen and all.
        assert_eq!(
            typed("the security firm Vel - Secure Labs warned", &[]),
            [(3..7, org)]
        );
    }

    #[test]
    fn a_dateline_day_after_a_known_name_is_not_part_of_it() {
        let ner = untrained_with_names(&["African Union"]);
        let org = TYPES.iter().position(|&t| t == "ORG").unwrap();
        let words = [
            "The", "African", "Union", "on", "Tuesday", "met", "the", "Post", "on", "Sunday",
        ];
        let mut out = Vec::new();
        ner.push(&words, 1..5, org, &mut out);
        ner.push(&words, 7..10, org, &mut out);
        assert_eq!(out[0].tokens, 1..3);
        assert_eq!(
            out[1].tokens,
            7..10,
            "a name the gazetteer does not know stays whole"
        );
    }

    #[test]
    fn a_place_and_its_possessive_before_a_body_are_two_mentions() {
        let mut ner = untrained_with_names(&[]);
        ner.gazetteer.add("Arvenia", GAZ_COUNTRY);
        let loc = TYPES.iter().position(|&t| t == "LOC").unwrap();
        let words = [
            "Arvenia", "'s", "Supreme", "Court", "ruled", "Ray", "'s", "Pizza",
        ];
        let mut out = Vec::new();
        ner.push(&words, 0..4, loc, &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].tokens.clone(), out[0].kind),
            (0..1, EntityType::Gpe)
        );
        assert_eq!(
            (out[1].tokens.clone(), out[1].kind),
            (2..4, EntityType::Org)
        );
        // A shop named after someone stays one name.
        let org = TYPES.iter().position(|&t| t == "ORG").unwrap();
        let mut out = Vec::new();
        ner.push(&words, 5..8, org, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].tokens, 5..8);
    }

    #[test]
    fn a_possessive_ending_is_no_part_of_a_name() {
        let ner = untrained_with_names(&[]);
        let org = TYPES.iter().position(|&t| t == "ORG").unwrap();
        let words = ["Velox", "'s", "new", "phone", "and", "the", "Dockers", "’"];
        let mut out = Vec::new();
        ner.push(&words, 0..2, org, &mut out);
        ner.push(&words, 6..8, org, &mut out);
        let spans: Vec<_> = out.iter().map(|m| m.tokens.clone()).collect();
        assert_eq!(spans, [0..1, 6..7]);
    }

    #[test]
    fn laws_are_no_names() {
        let sentence = "Bill backed the Harbour Bill , the Bill and the Fisheries Act ; Thanks \
                        Bill , the long delayed Quay Repair Bill ; Dear Bill";
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags: Vec<&str> = "NNP VBD DT NNP NNP , DT NNP CC DT NNP NNP : NNS NNP , DT RB VBN \
                               NNP NNP NNP : JJ NNP"
            .split(' ')
            .collect();
        let mention = |tokens: std::ops::Range<usize>, kind| Mention { tokens, kind };
        let mut out = vec![
            mention(0..1, EntityType::Person),
            mention(4..5, EntityType::Person),
            mention(7..8, EntityType::Person),
            mention(10..12, EntityType::Org),
            mention(14..15, EntityType::Person),
            mention(21..22, EntityType::Person),
            mention(24..25, EntityType::Person),
        ];
        no_laws(&words, &tags, &mut out);
        let kept: Vec<_> = out.iter().map(|m| m.tokens.clone()).collect();
        assert_eq!(kept, vec![0..1, 14..15, 24..25]);
    }

    #[test]
    fn titles_of_works_are_no_names() {
        let sentence = "Her new album Saltwater Road beat the film Corvina and the trilogy of \
                        Ana Ruiz ; they play Corvina and the film director Tomas Lind";
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags: Vec<&str> = "PRP$ JJ NN NNP NNP VBD DT NN NNP CC DT NN IN NNP NNP : PRP VBP \
                               NNP CC DT NN NN NNP NNP"
            .split(' ')
            .collect();
        let mention = |tokens: std::ops::Range<usize>, kind| Mention { tokens, kind };
        let mut out = vec![
            mention(3..5, EntityType::Loc),
            mention(8..9, EntityType::Person),
            mention(13..15, EntityType::Person),
            mention(18..19, EntityType::Person),
            mention(23..25, EntityType::Person),
        ];
        no_titles_of_works(&words, &tags, &mut out);
        let kept: Vec<_> = out.iter().map(|m| m.tokens.clone()).collect();
        assert_eq!(kept, vec![13..15, 18..19, 23..25]);
    }

    #[test]
    fn a_name_ending_in_a_bodys_head_noun_is_the_bodys() {
        let mut ner = untrained_with_names(&[]);
        ner.gazetteer.add_given_name("Lena Brandt");
        ner.gazetteer.add("Velmoran Federation", GAZ_COUNTRY);
        let ty = |t: &str| TYPES.iter().position(|&x| x == t).unwrap();
        let words = [
            "Dravik",
            "University",
            "and",
            "the",
            "Corran",
            "Foundation",
            "met",
            "Lena",
            "Institute",
            "in",
            "the",
            "Velmoran",
            "Federation",
            "near",
            "Saint",
            "Society",
        ];
        let kind = |range: std::ops::Range<usize>, t: &str| {
            let mut out = Vec::new();
            ner.push(&words, range, ty(t), &mut out);
            out[0].kind
        };
        assert_eq!(kind(0..2, "LOC"), EntityType::Org);
        assert_eq!(kind(4..6, "PER"), EntityType::Org);
        // A known place, a person whose given name opens the name, and one word alone keep
        // the model's type; so does a lower-case head ("Saint society" is no body's name).
        assert_eq!(kind(11..13, "LOC"), EntityType::Gpe);
        assert_eq!(kind(7..9, "PER"), EntityType::Person);
        assert_eq!(kind(1..2, "LOC"), EntityType::Loc);
        let words = ["Saint", "society"];
        let mut out = Vec::new();
        ner.push(&words, 0..2, ty("LOC"), &mut out);
        assert_eq!(out[0].kind, EntityType::Loc);
    }

    #[test]
    fn a_known_organisation_run_into_its_officers_title_splits() {
        let ner = untrained_with_names(&["Velor League"]);
        let org = TYPES.iter().position(|&t| t == "ORG").unwrap();
        let words = [
            "Velor",
            "League",
            "Secretary",
            "General",
            "Ana",
            "Ruiz",
            "met",
            "the",
            "Velor",
            "League",
            "Secretary",
        ];
        let mut out = Vec::new();
        ner.push(&words, 0..6, org, &mut out);
        ner.push(&words, 8..11, org, &mut out);
        let found: Vec<_> = out.iter().map(|m| (m.tokens.clone(), m.kind)).collect();
        assert_eq!(
            found,
            [
                (0..2, EntityType::Org),
                (4..6, EntityType::Person),
                (8..10, EntityType::Org)
            ]
        );
        // A portfolio is no body: "Labour Minister Ana Ruiz" is a person after a title.
        let ner = untrained_with_names(&["Labour"]);
        let mut out = Vec::new();
        ner.push(&["Labour", "Minister", "Ana", "Ruiz"], 0..4, org, &mut out);
        assert_eq!(
            (out[0].tokens.clone(), out[0].kind),
            (2..4, EntityType::Person)
        );
        // An organisation the gazetteer does not know keeps its title word ("General Motors").
        let mut out = Vec::new();
        ner.push(&["Vantor", "General", "Motors"], 0..3, org, &mut out);
        assert_eq!(out[0].tokens, 0..3);
    }

    #[test]
    fn a_zipped_list_is_read_whole_and_a_file_that_is_no_zip_says_so() {
        let dir = std::env::temp_dir().join(format!("kestrel-ner-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let list = "1\tPort Halden\tPort Halden\n2\tVesk\tVesk\n".repeat(50);
        let path = dir.join("towns.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("towns.txt", options).unwrap();
        zip.write_all(list.as_bytes()).unwrap();
        zip.finish().unwrap();
        assert_eq!(unzip_single(&path).unwrap(), list);
        let not_zip = dir.join("towns.txt.zip");
        std::fs::write(&not_zip, list.as_bytes()).unwrap();
        let e = unzip_single(&not_zip).unwrap_err();
        assert!(e.to_string().contains("not a zip archive"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ner_gazetteer_marks_longest_capitalised_match() {
        let mut g = Gazetteer::default();
        g.add("New York", GAZ_CITY);
        g.add("York", GAZ_CITY);
        g.add("Kenyan", GAZ_DEMONYM);
        let marks = g.mark(&["in", "New", "York", "a", "Kenyan", "new", "york"]);
        assert_eq!(marks[1], (GAZ_CITY, true));
        assert_eq!(marks[2], (GAZ_CITY, false));
        assert_eq!(marks[4], (GAZ_DEMONYM, true));
        assert_eq!(marks[5], (0, false));
    }
}
