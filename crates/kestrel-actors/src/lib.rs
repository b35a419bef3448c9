//! Actor dictionaries and the resolution of entity mentions to actors.
//!
//! An actor is a person, a country or an organisation known by one or more names. A person's
//! roles are dated ("RUS GOV from 2004-03-09"), so that a mention resolves to the role its
//! holder had on the article's date, and to `ELI` (elite, a former official) once every dated
//! role has ended. Countries resolve by name, capital (a metonym for the government:
//! "Washington said" is the United States government) and demonym ("Kenyan").
//!
//! # The dictionary format
//!
//! Kestrel's own format is tab-separated text, one actor per line, `#` for comments:
//!
//! ```text
//! # kind   name              other names (|)            roles (;): CODE [FROM..TO]
//! person   Amina Odhiambo    Odhiambo|Minister Odhiambo  KENGOV 2019-01-05..2023-06-30; KENELI
//! org      Example League    EXL                        IGOEXL
//! country  Kenya             Republic of Kenya          KEN
//! ```
//!
//! A role without dates is the default when no dated role covers the date; a code is a
//! three-letter country (ISO 3166 alpha-3) followed by a sector (`GOV`, `MIL`, `OPP`, ...), or a
//! CAMEO international code (`IGO...`, `NGO...`). PETRARCH's `.actors.txt` dictionaries are read
//! too ([`ActorDictionary::add_petrarch`]).
#![deny(missing_docs)]

use std::collections::HashMap;
use std::sync::Arc;

mod agents;
mod companies;
mod ethnic;
pub mod petrarch;
mod pronouns;
mod roles;

pub use agents::{agent_sector, business_noun};
pub use companies::read_business_descriptions;
pub use ethnic::{builtin_ethnic_groups, code_ethnic_groups, EthnicGroup, EthnicGroups};
pub use pronouns::{
    countries_named_before, link_pronouns, link_pronouns_and_places, one_country_named_before,
    PlaceKinds,
};
pub use roles::{is_generic_title, is_role_word, read_roles};

use kestrel_core::{
    ActorCode, ActorSource, Document, Entity, EntityKind, Layer, MentionKind, Span, Stage,
};

/// Kestrel's curated actors (`dictionaries/curated.tsv`, Kestrel's format): people with dated
/// roles, seats of power, and organisations news names often.
pub const CURATED_ACTORS: &str = include_str!("../../../dictionaries/curated.tsv");

/// PETRARCH-2's actor dictionaries, in the order Kestrel reads them.
pub const PETRARCH_ACTOR_FILES: [&str; 3] = [
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.Countries.actors.txt",
];

/// A date as `YYYYMMDD`, which orders like the date.
pub type Date = u32;

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// A country or territory.
    Country,
    /// An organisation or a body.
    Org,
}

impl ActorKind {
    fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Org => "org",
        }
    }
}

/// One role: a code, valid from and to a date (inclusive; open when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Country or international code plus sector: `RUSGOV`, `IGOUNO`.
    pub code: String,
    /// First day, when dated.
    pub from: Option<Date>,
    /// Last day, when dated.
    pub to: Option<Date>,
}

impl Role {
    fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn covers(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// One actor and its roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Person, country or organisation.
    pub kind: ActorKind,
    /// Its main name.
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Its roles, dated and undated.
    pub roles: Vec<Role>,
}

/// Splits a code into (code, sector): `RUSGOV` → (`RUS`, `GOV`); international codes keep
/// their whole code and take their prefix as sector: `IGOUNO` → (`IGOUNO`, `IGO`).
/// PETRARCH's branches of government are PLOVER's sectors of their own: `USAGOVLEG` (a
/// senator) → (`USA`, `LEG`), `INDGOVJUD` → (`IND`, `JUD`).
pub fn split_code(code: &str) -> (String, Option<String>) {
    const INTERNATIONAL: [&str; 6] = ["IGO", "NGO", "IMG", "MNC", "UIS", "NGM"];
    let code = code.trim();
    let prefix = code.get(..3).unwrap_or(code);
    if INTERNATIONAL.contains(&prefix) {
        return (code.to_string(), Some(prefix.to_string()));
    }
    let branch = code
        .get(6..9)
        .filter(|b| code.get(3..6) == Some("GOV") && matches!(*b, "LEG" | "JUD"));
    let sector = branch
        .or_else(|| code.get(3..6).filter(|s| s.len() == 3))
        .map(str::to_string);
    (prefix.to_string(), sector)
}

impl Actor {
    /// The actor's code on a date: the latest-starting dated role that covers it; else the
    /// undated role; else, for a person whose dated roles have all ended, their country as
    /// `ELI` (a former official; a former head of a business or a newspaper stays `BUS` or
    /// `JRN`), and for one whose first role is still to come, their country with no sector.
    /// Without a date, the most recent role.
    pub fn code_on(&self, date: Option<Date>) -> Option<(String, Option<String>)> {
        let undated = self.roles.iter().find(|r| !r.dated());
        let Some(d) = date else {
            let latest = self
                .roles
                .iter()
                .filter(|r| r.dated())
                .max_by_key(|r| r.from.unwrap_or(0));
            return latest.or(undated).map(|r| split_code(&r.code));
        };
        if let Some(r) = self
            .roles
            .iter()
            .filter(|r| r.dated() && r.covers(d))
            .max_by_key(|r| r.from.unwrap_or(0))
        {
            return Some(split_code(&r.code));
        }
        if let Some(r) = undated {
            return Some(split_code(&r.code));
        }
        let ended = self
            .roles
            .iter()
            .filter(|r| r.to.is_some_and(|t| t < d))
            .max_by_key(|r| r.to);
        if self.kind == ActorKind::Person {
            if let Some(r) = ended {
                let (country, sector) = split_code(&r.code);
                // A former chief executive or editor is still of business or the press; only
                // an office of state, once left, makes one of the elites.
                let kept = sector.filter(|s| matches!(s.as_str(), "BUS" | "JRN"));
                return Some((country, kept.or_else(|| Some("ELI".to_string()))));
            }
            // Before their first office a person is already of their country, in no sector
            // the dictionary can say ("Zelensky" in a 2005 story is Ukrainian).
            let first = self
                .roles
                .iter()
                .filter(|r| r.from.is_some_and(|f| f > d))
                .min_by_key(|r| r.from);
            if let Some(r) = first {
                let (country, _) = split_code(&r.code);
                // International bodies' codes say nothing of a nationality.
                if country.len() == 3 && country != "---" {
                    return Some((country, None));
                }
            }
        }
        None
    }
}

/// Why a dictionary could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct DictionaryError {
    /// The file or source.
    pub source_name: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Actors indexed by their names.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    actors: Vec<Actor>,
    /// Normalised name → actors, most recently added first.
    index: HashMap<String, Vec<usize>>,
    /// Surname (last word of a person's name of two or more words) → people, for the actors
    /// [`ActorDictionary::index_surnames`] was asked to index.
    surnames: HashMap<String, Vec<usize>>,
    /// A person's given names (every word of a name but the last) → the surnames they go
    /// with, to find a person whose surname a story misspells.
    given_names: HashMap<String, Vec<String>>,
    /// The last word of every person's name → the people whose name or alias ends in it.
    known_surnames: HashMap<String, Vec<usize>>,
}

/// Lowercase words of a name as Kestrel's tokenizer splits it, joined by spaces; a hyphen
/// inside a word splits it too and letters lose their accents, as news writes the same name
/// "Jean-Bertrand" and "Jean Bertrand", "Milošević" and "Milosevic"; and "-isation" is spelt
/// "-ization", as British and American news name one body two ways.
///
/// ```
/// use kestrel_actors::name_key;
/// assert_eq!(name_key("Milošević"), name_key("Milosevic"));
/// assert_eq!(name_key("World Trade Organisation"), "world trade organization");
/// assert_eq!(name_key("Organisations"), name_key("organizations"));
/// assert_eq!(name_key("Isation"), "isation");
/// ```
pub fn name_key(name: &str) -> String {
    let name = name.trim();
    let mut out = String::with_capacity(name.len());
    for t in kestrel_core::segment::tokenize(name) {
        let word = &name[t.span.range()];
        let folded;
        let word = if word.is_ascii() {
            word
        } else {
            folded = deunicode::deunicode(word);
            folded.as_str()
        };
        for part in word.split('-').filter(|p| !p.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            let part = part.to_lowercase();
            // British and American spellings name one body: "World Trade Organisation".
            match part
                .strip_suffix("isation")
                .or(part.strip_suffix("isations"))
            {
                Some(stem) if stem.len() >= 3 => {
                    out.push_str(stem);
                    out.push_str(if part.ends_with('s') {
                        "izations"
                    } else {
                        "ization"
                    });
                }
                _ => out.push_str(&part),
            }
        }
    }
    out
}

/// The one or two capitalised title words right before `start` ("President ", "Prime
/// Minister ", "Prince "), with the space after them.
fn with_title_before(text: &str, start: usize) -> Option<&str> {
    // Titles of rank that state no office, by which dictionaries name royals and nobles
    // ("Prince Harry", "Lord Woolf"), beside the role words.
    const RANKS: &[&str] = &[
        "prince", "princess", "duke", "duchess", "lord", "lady", "sheikh", "emir", "sultan",
    ];
    let before = text[..start].strip_suffix(' ')?;
    let is_title = |w: &str| {
        let lower = w.to_lowercase();
        w.starts_with(char::is_uppercase)
            && (RANKS.contains(&lower.as_str())
                || roles::ROLE_WORDS.iter().any(|(r, _)| *r == lower))
    };
    let (rest, last) = before.rsplit_once(' ').unwrap_or(("", before));
    if !is_title(last) {
        return None;
    }
    let mut from = start - last.len() - 1;
    if let Some(second) = rest.rsplit(' ').next().filter(|w| is_title(w)) {
        from -= second.len() + 1;
    }
    Some(&text[from..start])
}

/// Arabic articles as news writes them, which say nothing about whom a name names.
const NAME_PARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul"];

/// The words of a name key that tell one person from another: not the articles, and
/// initials without their dots ("George W. Bush").
fn telling_name_words(key: &str) -> Vec<&str> {
    key.split(' ')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty() && !NAME_PARTICLES.contains(w))
        .collect()
}

/// Honorifics, abbreviated ranks and offices, and titles the role words leave out, in lower
/// case.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "adm",
    "sen",
    "rep",
    "gov",
    "pres",
    "prof",
    "rev",
    "fr",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "ayatollah",
    "imam",
    "rabbi",
    "cardinal",
    "crown",
];

/// Whether a word is a title or honorific that stands before a person's name ("Mr", "Lord",
/// "Gen.", "President", "Secretary"): capitalised, and an honorific or a role word.
fn is_title_before_a_name(word: &str) -> bool {
    let key = name_key(word);
    let key = key.trim_end_matches('.');
    word.starts_with(char::is_uppercase)
        && (HONORIFICS.contains(&key) || roles::role_word(key).is_some())
}

/// Whether a mention that ends in a person's surname gives them another given name: a
/// capitalised word right before the surname that is neither a title nor part of the
/// person's name ("Martin Bashir" is not "Omar al-Bashir"; "President Bashir" is).
fn another_given_name(text: &str, person: &Actor) -> bool {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    words.pop();
    // "Omar El Bashir": the article belongs to the surname.
    while words
        .last()
        .is_some_and(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let Some(before) = words.last() else {
        return false;
    };
    if !before.chars().next().is_some_and(char::is_uppercase) || is_title_before_a_name(before) {
        return false;
    }
    let before = name_key(before);
    let before = before.trim_end_matches('.');
    let own = std::iter::once(&person.name).chain(&person.aliases);
    !own.map(|n| name_key(n))
        .any(|k| k.split(' ').any(|w| w == before))
}

/// Whether two words are at most one edit apart: a letter added, dropped, changed, or two
/// neighbours swapped ("Bouteflicka" for "Bouteflika").
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        if prefix == short.len() {
            return true;
        }
        // One change, or one swap of neighbours.
        let rest = prefix + 1;
        short[rest..] == long[rest..]
            || (rest < short.len()
                && short[prefix] == long[rest]
                && short[rest] == long[prefix]
                && short[rest + 1..] == long[rest + 1..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Parses a date: `YYYY-MM-DD`, `YYYYMMDD`, or PETRARCH's `YYMMDD` (years over 30 are 19YY).
pub fn parse_date(s: &str) -> Option<Date> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    match digits.len() {
        8 => digits.parse().ok(),
        6 => {
            let yy: u32 = digits[..2].parse().ok()?;
            let rest: u32 = digits[2..].parse().ok()?;
            let year = if yy > 30 { 1900 + yy } else { 2000 + yy };
            Some(year * 10_000 + rest)
        }
        _ => None,
    }
}

impl ActorDictionary {
    /// An empty dictionary.
    pub fn new() -> ActorDictionary {
        ActorDictionary::default()
    }

    /// Whether every actor the dictionary knows by this very name is a country (a country's
    /// name, or a city PETRARCH files under its country: "Dallas", "Murray").
    pub fn names_only_countries(&self, text: &str) -> bool {
        self.index.get(&name_key(text)).is_some_and(|ids| {
            !ids.is_empty()
                && ids
                    .iter()
                    .all(|&i| self.actors[i].kind == ActorKind::Country)
        })
    }

    /// Whether every actor the dictionary knows by exactly this name is a company (an
    /// organisation coded `MNC...` or in the sector `MNC` or `BUS`), and there is one.
    pub fn names_only_companies(&self, text: &str) -> bool {
        self.index.get(&name_key(text)).is_some_and(|ids| {
            !ids.is_empty()
                && ids.iter().all(|&i| {
                    let actor = &self.actors[i];
                    actor.kind == ActorKind::Org
                        && actor.roles.iter().any(|r| {
                            let (code, sector) = split_code(&r.code);
                            code.starts_with("MNC")
                                || matches!(sector.as_deref(), Some("MNC" | "BUS"))
                        })
                })
        })
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// True when there are no actors.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// All actors, in the order they were added.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Adds an actor under its name and aliases.
    pub fn add(&mut self, actor: Actor) {
        let i = self.actors.len();
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            if actor.kind == ActorKind::Person {
                if let Some((given, surname)) = key.rsplit_once(' ') {
                    let people = self.known_surnames.entry(surname.to_string()).or_default();
                    if !people.contains(&i) {
                        people.push(i);
                    }
                    let surnames = self.given_names.entry(given.to_string()).or_default();
                    if !surnames.iter().any(|s| s == surname) {
                        surnames.push(surname.to_string());
                    }
                }
            }
            let slot = self.index.entry(key).or_default();
            if !slot.contains(&i) {
                slot.insert(0, i);
            }
        }
        self.actors.push(actor);
    }

    /// The actor known by this name; when several are, the most recently added (so that a
    /// user's dictionary overrides the built-in one).
    pub fn lookup(&self, name: &str) -> Option<&Actor> {
        let ids = self.index.get(&name_key(name))?;
        ids.iter().map(|&i| &self.actors[i]).next()
    }

    /// Reads Kestrel's tab-separated format (see the crate documentation).
    pub fn add_tsv(&mut self, content: &str, source_name: &str) -> Result<usize, DictionaryError> {
        let mut added = 0;
        for (n, line) in content.lines().enumerate() {
            let err = |message: String| DictionaryError {
                source_name: source_name.to_string(),
                line: n + 1,
                message,
            };
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(err(format!(
                    "expected 4 tab-separated columns (kind, name, other names, roles), found {}",
                    cols.len()
                )));
            }
            let kind = match cols[0].trim() {
                "person" => ActorKind::Person,
                "country" => ActorKind::Country,
                "org" => ActorKind::Org,
                other => {
                    return Err(err(format!(
                        "unknown kind {other:?}; use person, country or org"
                    )))
                }
            };
            let mut roles = Vec::new();
            for r in cols[3].split(';').map(str::trim).filter(|r| !r.is_empty()) {
                let (code, dates) = r.split_once(' ').map_or((r, ""), |(c, d)| (c, d.trim()));
                if code.len() < 3 || !code.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
                    return Err(err(format!("bad code {code:?}: use upper-case letters, such as KENGOV or IGOUNO (--- for an unknown country)")));
                }
                let (from, to) = if dates.is_empty() {
                    (None, None)
                } else {
                    let (a, b) = dates.split_once("..").ok_or_else(|| {
                        err(format!(
                            "bad dates {dates:?}: write FROM..TO, either side may be empty"
                        ))
                    })?;
                    let parse = |s: &str| -> Result<Option<Date>, DictionaryError> {
                        if s.trim().is_empty() {
                            Ok(None)
                        } else {
                            parse_date(s)
                                .map(Some)
                                .ok_or_else(|| err(format!("bad date {s:?}: write YYYY-MM-DD")))
                        }
                    };
                    (parse(a)?, parse(b)?)
                };
                roles.push(Role {
                    code: code.to_string(),
                    from,
                    to,
                });
            }
            let aliases = cols[2]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            self.add(Actor {
                kind,
                name: cols[1].trim().to_string(),
                aliases,
                roles,
            });
            added += 1;
        }
        Ok(added)
    }

    /// Rewrites the country codes CAMEO keeps from before ISO 3166 changed them (East Timor's
    /// `TMP`, now `TLS`; Kosovo's `KSV`, which GeoNames writes `XKX`), so that actors and
    /// places name a country alike. Returns how many roles changed.
    pub fn use_iso_country_codes(&mut self) -> usize {
        const RENAMED: [(&str, &str); 2] = [("TMP", "TLS"), ("KSV", "XKX")];
        let mut changed = 0;
        for role in self.actors.iter_mut().flat_map(|a| a.roles.iter_mut()) {
            if let Some(&(_, iso)) = RENAMED.iter().find(|(old, _)| role.code.starts_with(old)) {
                role.code.replace_range(..3, iso);
                changed += 1;
            }
        }
        changed
    }

    /// Writes the dictionary in Kestrel's tab-separated format.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# Kestrel actor dictionary: kind, name, other names (|), roles (;) as CODE [FROM..TO]\n");
        let date = |d: Option<Date>| {
            d.map_or(String::new(), |d| {
                format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
            })
        };
        // Names never hold the format's separators.
        let clean = |n: &str| {
            n.replace(['\t', '|', ';'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        for a in &self.actors {
            let aliases: Vec<String> = a.aliases.iter().map(|n| clean(n)).collect();
            let roles: Vec<String> = a
                .roles
                .iter()
                .map(|r| {
                    if r.dated() {
                        format!("{} {}..{}", r.code, date(r.from), date(r.to))
                    } else {
                        r.code.clone()
                    }
                })
                .collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                a.kind.name(),
                clean(&a.name),
                aliases.join("|"),
                roles.join("; ")
            ));
        }
        out
    }

    /// Reads a PETRARCH-format actor dictionary: entries of phrases joined by `_`, `+`
    /// synonyms, and codes in brackets, dated as `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]` or
    /// `[CODE <YYMMDD]`. Entries with dated codes are people.
    pub fn add_petrarch(&mut self, content: &str) -> usize {
        let mut added = 0;
        for entry in petrarch::read_actor_entries(content) {
            let roles: Vec<Role> = entry
                .codes
                .iter()
                .filter_map(|(c, from, to)| {
                    Some(Role {
                        code: petrarch_code(c)?,
                        from: *from,
                        to: *to,
                    })
                })
                .collect();
            if roles.is_empty() {
                continue;
            }
            // PETRARCH dates a country's codes too, across a change of state (Ukraine is
            // `USRUKR` until 1991, Iraq `IRQOCC` under occupation): dated codes that name no
            // sector or role are a place's history, not a person's offices.
            let dated = roles.iter().any(Role::dated);
            let places_only = roles.iter().all(|r| is_place_code(&r.code));
            let countries_only = roles
                .iter()
                .all(|r| r.code.len() == 3 && split_code(&r.code).1.is_none());
            let kind = if dated && !places_only {
                ActorKind::Person
            } else if dated || countries_only {
                ActorKind::Country
            } else {
                ActorKind::Org
            };
            let mut names = entry.phrases.iter().map(|p| title_case(&p.to_uppercase()));
            let name = names.next().expect("entries have a phrase");
            self.add(Actor {
                kind,
                name,
                aliases: names.collect(),
                roles,
            });
            added += 1;
        }
        added
    }

    /// Adds countries from GeoNames' `countryInfo.txt` (name and capital) and a demonym table
    /// (`nationality,alpha_3_code`). Capitals stand for governments ("Moscow said").
    pub fn add_countries(&mut self, country_info: &str, demonyms: &str) -> usize {
        let mut demonym_of: HashMap<&str, Vec<String>> = HashMap::new();
        for line in demonyms.lines().skip(1) {
            if let Some((name, code)) = line.split_once(',') {
                let entry = demonym_of.entry(code.trim()).or_default();
                entry.push(name.trim().to_string());
                if !name.ends_with('s')
                    && !name.ends_with("ese")
                    && !name.ends_with("sh")
                    && !name.ends_with("ch")
                {
                    entry.push(format!("{}s", name.trim()));
                }
            }
        }
        let mut added = 0;
        for line in country_info.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 6 || cols[1].len() != 3 {
                continue;
            }
            let (iso3, name, capital) = (cols[1], cols[4], cols[5]);
            let mut aliases = demonym_of.remove(iso3).unwrap_or_default();
            if let Some(short) = short_name(name) {
                aliases.push(short);
            }
            self.add(Actor {
                kind: ActorKind::Country,
                name: name.to_string(),
                aliases,
                roles: vec![Role {
                    code: iso3.to_string(),
                    from: None,
                    to: None,
                }],
            });
            if !capital.is_empty() {
                self.add(Actor {
                    kind: ActorKind::Org,
                    name: capital.to_string(),
                    aliases: Vec::new(),
                    roles: vec![Role {
                        code: format!("{iso3}GOV"),
                        from: None,
                        to: None,
                    }],
                });
            }
            added += 1;
        }
        added
    }

    /// Checks the dictionary: every role's code must start with a country the dictionary
    /// knows, `---` or an international prefix; dated roles must not end before they start, nor
    /// overlap another term of the same code;
    /// and a name shared by actors with different codes is reported as an overlap.
    pub fn check(&self) -> Vec<String> {
        let countries: std::collections::HashSet<&str> = self
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .flat_map(|a| a.roles.iter().map(|r| r.code.as_str()))
            .collect();
        let mut problems = Vec::new();
        for a in &self.actors {
            for r in &a.roles {
                let (code, sector) = split_code(&r.code);
                let international = sector.as_deref().is_some_and(|s| code.starts_with(s));
                if !(international || code == "---" || countries.contains(code.as_str())) {
                    problems.push(format!(
                        "{}: role {} has unknown country {code}",
                        a.name, r.code
                    ));
                }
                if let (Some(f), Some(t)) = (r.from, r.to) {
                    if t < f {
                        problems.push(format!(
                            "{}: role {} ends ({t}) before it starts ({f})",
                            a.name, r.code
                        ));
                    }
                }
            }
            // The same role twice at once is a typing slip (a term entered twice, or an end
            // date left off before a new term).
            for (i, r) in a.roles.iter().enumerate() {
                for q in &a.roles[i + 1..] {
                    let overlap = r.dated()
                        && q.dated()
                        && r.code == q.code
                        && r.from.unwrap_or(0) <= q.to.unwrap_or(u32::MAX)
                        && q.from.unwrap_or(0) <= r.to.unwrap_or(u32::MAX);
                    if overlap {
                        problems.push(format!(
                            "{}: terms of {} overlap ({}..{} and {}..{})",
                            a.name,
                            r.code,
                            r.from.map_or(String::new(), |d| d.to_string()),
                            r.to.map_or(String::new(), |d| d.to_string()),
                            q.from.map_or(String::new(), |d| d.to_string()),
                            q.to.map_or(String::new(), |d| d.to_string()),
                        ));
                    }
                }
            }
        }
        let mut keys: Vec<(&String, &Vec<usize>)> = self.index.iter().collect();
        keys.sort();
        for (key, ids) in keys {
            let mut codes: Vec<String> = ids
                .iter()
                .filter_map(|&i| self.actors[i].code_on(None).map(|c| c.0))
                .collect();
            codes.sort();
            codes.dedup();
            if codes.len() > 1 {
                problems.push(format!(
                    "name {key:?} is shared by actors with codes {}",
                    codes.join(", ")
                ));
            }
        }
        problems
    }

    /// Lets a surname alone name the people added from the `from`-th actor on, when one of
    /// them held office on the article's date ("Okafor" for Daniel Okafor in 2020). Meant for
    /// short lists of prominent people (Kestrel's curated dictionary, a user's own): over a
    /// long imported list a bare surname is too ambiguous.
    pub fn index_surnames(&mut self, from: usize) {
        for i in from..self.actors.len() {
            let actor = &self.actors[i];
            if actor.kind != ActorKind::Person {
                continue;
            }
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                // Keyed as a bare surname will be looked up: "Abdul-Mahdi" whole.
                let mut words = name.split_whitespace();
                let (Some(last), Some(_)) = (words.next_back(), words.next()) else {
                    continue;
                };
                let surname = name_key(last);
                let people = self.surnames.entry(surname).or_default();
                if !people.contains(&i) {
                    people.push(i);
                }
            }
        }
    }

    /// The one person with this surname who held a dated role on the date ("Bush" in 2005),
    /// or the only person with it when no date is given.
    fn by_surname(&self, surname: &str, date: Option<Date>) -> Option<&Actor> {
        let people = self.surnames.get(surname)?;
        let mut fitting = people
            .iter()
            .map(|&i| &self.actors[i])
            .filter(|a| match date {
                Some(d) => a.roles.iter().any(|r| r.dated() && r.covers(d)),
                None => people.len() == 1,
            });
        let first = fitting.next()?;
        fitting.next().is_none().then_some(first)
    }

    /// Everyone whom a bare surname may name on a date, as [`ActorDictionary::by_surname`]
    /// reads it (the people of the lists whose surnames were indexed; on a date, those in
    /// office on it), one per country: for a story to choose among by the countries it names.
    /// "Blair" in an undated story is Canada's minister for the index alone.
    pub fn surname_namesakes(&self, surname: &str, date: Option<Date>) -> Vec<ActorCode> {
        let Some(people) = self.surnames.get(&name_key(surname)) else {
            return Vec::new();
        };
        let mut found: Vec<ActorCode> = Vec::new();
        for a in people.iter().map(|&i| &self.actors[i]) {
            let fits = match date {
                Some(d) => a.roles.iter().any(|r| r.dated() && r.covers(d)),
                None => true,
            };
            let Some(code) = dictionary_code(a, date).filter(|_| fits) else {
                continue;
            };
            if code.code.len() == 3 && !found.iter().any(|f| f.code == code.code) {
                found.push(code);
            }
        }
        found
    }

    /// Everyone of every dictionary who bears this surname and whose code on the date is this
    /// country's (with a role begun by then), one per name.
    pub fn surname_bearers(
        &self,
        surname: &str,
        country: &str,
        date: Option<Date>,
    ) -> Vec<ActorCode> {
        let Some(people) = self.known_surnames.get(&name_key(surname)) else {
            return Vec::new();
        };
        let mut found: Vec<ActorCode> = Vec::new();
        for a in people.iter().map(|&i| &self.actors[i]) {
            let begun = date.is_none_or(|d| {
                a.roles
                    .iter()
                    .any(|r| !r.dated() || r.from.is_none_or(|f| f <= d))
            });
            let Some(code) = dictionary_code(a, date).filter(|_| begun) else {
                continue;
            };
            let named = |f: &ActorCode| name_key(&f.name) == name_key(&a.name);
            if code.code == country && !found.iter().any(named) {
                found.push(code);
            }
        }
        found
    }

    /// The country whose government a surname names in "the Bush administration", "the Assad
    /// regime": every person the dictionary knows by this surname who ever held a government
    /// role held it in this one country (none when they differ, or none governed).
    pub fn country_governed_by_surname(&self, surname: &str) -> Option<String> {
        let people = self.surnames.get(&name_key(surname))?;
        let mut countries = people.iter().flat_map(|&i| {
            self.actors[i].roles.iter().filter_map(|r| {
                let (code, sector) = split_code(&r.code);
                (sector.as_deref() == Some("GOV") && code.len() == 3).then_some(code)
            })
        });
        let first = countries.next()?;
        countries.all(|c| c == first).then_some(first)
    }

    /// The one person whose name differs from `name` (two words or more) by one edit in the
    /// surname alone, for a surname of eight letters or more that no one in the dictionary
    /// bears: transliterations and typos ("Abdelaziz Bouteflicka"). None when two fit.
    fn by_misspelt_surname(&self, name: &str) -> Option<&Actor> {
        // Shorter surnames are too often another real name ("Barnes", "Barnea").
        const MIN_SURNAME: usize = 8;
        let key = name_key(name);
        let (given, surname) = key.rsplit_once(' ')?;
        if surname.chars().count() < MIN_SURNAME || self.surname_known(surname) {
            return None;
        }
        let mut fitting = self
            .given_names
            .get(given)?
            .iter()
            .map(String::as_str)
            .filter(|s| s.chars().count() >= MIN_SURNAME && one_edit_apart(s, surname));
        let first = fitting.next()?;
        // One surname only, which several dictionaries may list: the name decides as an exact
        // one would.
        if fitting.any(|s| s != first) {
            return None;
        }
        self.lookup(&format!("{given} {first}"))
    }

    fn surname_known(&self, surname: &str) -> bool {
        self.known_surnames.contains_key(surname)
    }

    /// The one person named by the same words as `name` but for Arabic articles and the dots
    /// of initials ("Omar El Bashir" for Omar al-Bashir, "George W Bush"), or whose full name
    /// holds them all in order with the same first and last word ("Omar Hassan al-Bashir" for
    /// Omar Hassan Ahmad al Bashir: news drops middle names). Two words against a longer name
    /// only for someone in office on the date: else they are too often someone else ("Walter
    /// Smith", a football manager, for a general of the 1940s). Among several, the one in
    /// office on the date.
    fn by_fuller_name(&self, name: &str, date: Option<Date>) -> Option<&Actor> {
        let key = name_key(name);
        let words = telling_name_words(&key);
        let ([first, .., surname], true) = (words.as_slice(), words.len() >= 2) else {
            return None;
        };
        let in_office =
            |a: &Actor| date.is_some_and(|d| a.roles.iter().any(|r| r.dated() && r.covers(d)));
        let holds_the_words = |full: &str, a: &Actor| {
            let full_key = name_key(full);
            let full_words = telling_name_words(&full_key);
            let [full_first, .., full_last] = full_words.as_slice() else {
                return false;
            };
            let mut rest = full_words.iter();
            full_first == first
                && full_last == surname
                && (full_words.len() == words.len() || words.len() >= 3 || in_office(a))
                && words.iter().all(|w| rest.any(|f| f == w))
        };
        let mut fitting: Vec<&Actor> = self
            .known_surnames
            .get(*surname)?
            .iter()
            .map(|&i| &self.actors[i])
            .filter(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| holds_the_words(n, a))
            })
            .collect();
        if fitting.len() > 1 {
            if let Some(d) = date {
                fitting.retain(|a| a.roles.iter().any(|r| r.dated() && r.covers(d)));
            }
        }
        // One person whom several dictionaries list (their codes agree): the latest added
        // speaks, as in `resolve`.
        let code = fitting.first()?.code_on(date);
        fitting
            .iter()
            .all(|a| a.code_on(date) == code)
            .then(|| fitting.last().copied())
            .flatten()
    }

    /// "Young Algerians", "Angry Kenyans": a people named with a capitalised word before it
    /// that names no actor (a sentence's first word, a headline's capitals) is that people's
    /// country. Not when the word before names one ("Iraqi Kurds" is left to the coder).
    fn people_of_a_country(&self, text: &str) -> Option<&Actor> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (&last, before) = words.split_last()?;
        // A people in the plural ("Algerians", "Turks"), not a country's name ("Air France").
        if before.is_empty() || before.len() > 2 || !last.ends_with('s') {
            return None;
        }
        let people = self.lookup(last).filter(|a| a.kind == ActorKind::Country)?;
        let modifiers_name_nothing = before
            .iter()
            .all(|w| self.lookup(w).is_none() && w.chars().all(|c| c.is_alphabetic() || c == '-'));
        modifiers_name_nothing.then_some(people)
    }

    /// Every country's party known by this very name on a date, when more than one country's
    /// is ("the Conservatives" of Britain and of Canada): of the best standing on the date, as
    /// [`ActorDictionary::resolve`] ranks them, one per code. Empty when the name is one
    /// country's or no one's.
    pub fn namesakes(&self, text: &str, date: Option<Date>) -> Vec<ActorCode> {
        let Some(ids) = self.index.get(&name_key(text)) else {
            return Vec::new();
        };
        let ranked: Vec<(u8, ActorCode)> = ids
            .iter()
            .map(|&i| &self.actors[i])
            // Organisations only: a country's other names (a former state's, a people's) are
            // the dictionary's to rank.
            .filter(|a| a.kind == ActorKind::Org)
            .filter_map(|a| Some((standing(a, date), dictionary_code(a, date)?)))
            .collect();
        let Some(best) = ranked.iter().map(|(rank, _)| *rank).min() else {
            return Vec::new();
        };
        let mut found: Vec<ActorCode> = Vec::new();
        for (_, code) in ranked.into_iter().filter(|(rank, _)| *rank == best) {
            // Parties and legislatures ("Congress", the United States' or India's party): a
            // militant group filed under a country and as international, or a territory under
            // its own code and its state's, is the dictionary's to rank.
            let party = matches!(code.sector.as_deref(), Some("PTY" | "LEG"));
            if party && code.code.len() == 3 && !found.iter().any(|f| f.code == code.code) {
                found.push(code);
            }
        }
        if found.len() < 2 {
            found.clear();
        }
        found
    }

    /// Resolves one mention's text on a date.
    pub fn resolve(&self, text: &str, kind: EntityKind, date: Option<Date>) -> Option<ActorCode> {
        // A one-word name ("AKK", "Bibi") of someone not yet in office is too ambiguous to
        // give a country by; a full name is not.
        let full_name = text.split_whitespace().count() > 1;
        let coded = |actor: &Actor| {
            let yet_to_come = date.is_some_and(|d| {
                actor.kind == ActorKind::Person
                    && actor.roles.iter().all(|r| r.from.is_some_and(|f| f > d))
            });
            if yet_to_come && !full_name {
                return None;
            }
            dictionary_code(actor, date)
        };
        // Everyone known by this very name, the most recently added first: a later dictionary
        // overrides an earlier one on the dates it covers, and the earlier one still speaks for
        // the others (Kestrel's own list knows a minister's recent term, PETRARCH's her first).
        let key = name_key(text);
        if let Some(ids) = self.index.get(&key) {
            // "Victoria, a lobbyist, ...": a person called by a given name that is also a
            // capital's ("Victoria", "Douglas", "Stanley") is no government.
            let given_name =
                kind == EntityKind::Person && !full_name && self.given_names.contains_key(&key);
            // One who holds a role on the date first, then one who held one before it, then
            // one whose roles are all to come; the latest added among equals.
            // "Us magazine", "Un" opening a French title: two letters not both capitals are
            // no initials ("US", "UN") unless a dictionary writes the name so.
            let not_initials = text.chars().count() == 2 && text.chars().any(char::is_lowercase);
            let written_so = |a: &Actor| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| n == text)
            };
            return ids
                .iter()
                .map(|&i| &self.actors[i])
                .filter(|a| !(given_name && a.kind != ActorKind::Person))
                .filter(|a| !not_initials || written_so(a))
                .filter_map(|a| Some((standing(a, date), coded(a)?)))
                .min_by_key(|(rank, _)| *rank)
                .map(|(_, code)| code);
        }
        let actor = if kind == EntityKind::Person {
            // A person named by surname alone, when the dictionary knows the full name only.
            let last = text.split_whitespace().last()?;
            let bare = text.split_whitespace().count() == 1;
            self.by_misspelt_surname(text)
                .or_else(|| self.by_fuller_name(text, date))
                .or_else(|| {
                    self.lookup(last)
                        .filter(|a| a.kind == ActorKind::Person && !another_given_name(text, a))
                })
                .or_else(|| {
                    // Only a bare surname: "Ashley Cole" is not some other Cole.
                    bare.then(|| self.by_surname(&name_key(last), date))
                        .flatten()
                })
        } else {
            self.people_of_a_country(text)
        }?;
        coded(actor)
    }
}

/// An actor's code on a date, as the dictionary gives it.
fn dictionary_code(actor: &Actor, date: Option<Date>) -> Option<ActorCode> {
    let (code, sector) = actor.code_on(date)?;
    Some(ActorCode {
        code,
        sector,
        name: actor.name.clone(),
        source: ActorSource::Dictionary,
    })
}

/// How an actor stands on a date, best first: one who holds a role on it (or an undated
/// one), then one who held one before it, then one whose roles are all to come.
fn standing(actor: &Actor, date: Option<Date>) -> u8 {
    match date {
        None => 0,
        Some(d) if actor.roles.iter().any(|r| !r.dated() || r.covers(d)) => 0,
        Some(d) if actor.roles.iter().any(|r| r.to.is_some_and(|t| t < d)) => 1,
        Some(_) => 2,
    }
}

/// PETRARCH's sector codes where PLOVER's differ: PETRARCH writes media as `MED`, which PLOVER
/// uses for medical; PETRARCH's health sector is `HLH`.
fn plover_sector(chunk: &str) -> &str {
    match chunk {
        "MED" => "JRN",
        "HLH" => "MED",
        other => other,
    }
}

/// Whether a (Kestrel) code names only countries and their states: a country (`UKR`), one
/// within another (`USRUKR`, `ETHERI`), occupied, unrecognised, autonomous or under UN rule
/// (`IRQOCC`, `UKRUNR`, `ETHERIAUT`, `XKXUNO`); not a sector, a role, a religion or an
/// international body's code.
fn is_place_code(code: &str) -> bool {
    const NOT_PLACES: [&str; 40] = [
        "GOV", "MIL", "REB", "OPP", "JUD", "LEG", "PTY", "COP", "SPY", "ELI", "JRN", "MED", "HLH",
        "BUS", "CVL", "REF", "LAB", "EDU", "REL", "AGR", "ENV", "HRI", "CRM", "UAF", "INS", "DEV",
        "IGO", "NGO", "IMG", "MNC", "UIS", "NGM", "CHR", "MUS", "JEW", "CTH", "HIN", "BUD", "RAD",
        "MOD",
    ];
    code.len() % 3 == 0
        && !code.starts_with("---")
        && code.is_ascii()
        && (0..code.len())
            .step_by(3)
            .all(|i| !NOT_PLACES.contains(&&code[i..i + 3]))
}

/// Rewrites a PETRARCH code into Kestrel's: sector chunks renamed to PLOVER's, and a
/// sector-only code (`~MED`) given the unknown country `---`.
fn petrarch_code(code: &str) -> Option<String> {
    if let Some(sector) = code.strip_prefix('~') {
        return (sector.len() == 3).then(|| format!("---{}", plover_sector(sector)));
    }
    if code.len() < 3 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
        return None;
    }
    // A bare sector ("[MED]" for a news agency) has no country.
    const SECTORS: [&str; 24] = [
        "GOV", "MIL", "REB", "OPP", "JUD", "LEG", "PTY", "COP", "SPY", "ELI", "MED", "HLH", "BUS",
        "CVL", "REF", "LAB", "EDU", "REL", "AGR", "ENV", "HRI", "CRM", "UAF", "INS",
    ];
    if SECTORS.contains(&code) {
        return Some(format!("---{}", plover_sector(code)));
    }
    let mut out = code[..3].to_string();
    let mut rest = &code[3..];
    while rest.len() >= 3 {
        out.push_str(plover_sector(&rest[..3]));
        rest = &rest[3..];
    }
    out.push_str(rest);
    Some(out)
}

/// "SERGEY LAVROV" → "Sergey Lavrov", "THE UNITED NATIONS" → "the United Nations"; keeps
/// other short all-capital words ("UN", "U.S.").
fn title_case(s: &str) -> String {
    const SMALL: [&str; 14] = [
        "THE", "OF", "IN", "AND", "FOR", "ON", "AT", "TO", "WITH", "DE", "LA", "AL", "EL", "DU",
    ];
    s.split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| {
            if SMALL.contains(&w) {
                return if i == 0 {
                    title_word(w)
                } else {
                    w.to_lowercase()
                };
            }
            if w.len() <= 3 || w.contains('.') {
                return w.to_string();
            }
            title_word(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_word(w: &str) -> String {
    {
        {
            let mut c = w.chars();
            let first = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>())
                .unwrap_or_default();
            first + &c.as_str().to_lowercase()
        }
    }
}

/// "Republic of the Congo" → none; "United States" → none; "Iran, Islamic Republic of" → "Iran".
fn short_name(name: &str) -> Option<String> {
    name.split_once(',').map(|(a, _)| a.trim().to_string())
}

/// The built-in dictionary, read once per process: the one built from PETRARCH and GeoNames
/// (`dictionaries/actors.tsv.gz`), then Kestrel's curated actors (`dictionaries/curated.tsv`).
pub fn builtin() -> Result<Arc<ActorDictionary>, DictionaryError> {
    static DICT: std::sync::OnceLock<Result<Arc<ActorDictionary>, String>> =
        std::sync::OnceLock::new();
    DICT.get_or_init(|| {
        let bytes = include_bytes!("../../../dictionaries/actors.tsv.gz");
        let text = kestrel_core::gunzip_to_string(bytes).map_err(|e| e.to_string());
        kestrel_core::embedded::release(bytes);
        let text = text?;
        let mut d = ActorDictionary::new();
        d.add_tsv(&text, "dictionaries/actors.tsv.gz")
            .map_err(|e| e.to_string())?;
        // Kestrel's curated actors come last, so that they win over the imported entries.
        let imported = d.len();
        d.add_tsv(CURATED_ACTORS, "dictionaries/curated.tsv")
            .map_err(|e| e.to_string())?;
        d.index_surnames(imported);
        Ok(Arc::new(d))
    })
    .clone()
    .map_err(|message| DictionaryError {
        source_name: "built-in dictionary".into(),
        line: 0,
        message,
    })
}

/// Gives each entity mention the actor it stands for on the document's publication date.
#[derive(Clone, Debug)]
pub struct ActorStage {
    dictionary: Arc<ActorDictionary>,
    places: Option<Arc<kestrel_places::Gazetteer>>,
}

impl ActorStage {
    /// A stage over this dictionary.
    pub fn new(dictionary: Arc<ActorDictionary>) -> ActorStage {
        ActorStage {
            dictionary,
            places: None,
        }
    }

    /// The same stage, also joining descriptions of places ("the city", "the province") to
    /// the place named before them that the gazetteer knows as a place of that kind.
    pub fn with_places(mut self, gazetteer: Arc<kestrel_places::Gazetteer>) -> ActorStage {
        self.places = Some(gazetteer);
        self
    }
}

/// What each entity's name may name, for descriptions of places (see [`PlaceKinds`]).
fn place_kinds(doc: &Document, gazetteer: &kestrel_places::Gazetteer) -> Vec<PlaceKinds> {
    doc.entities
        .iter()
        .map(|e| {
            let mut kinds = PlaceKinds::default();
            // A country is "the country", not "the city" or "the province" its namesake is
            // ("Mexico").
            // The imported dictionary files cities under their country, so the name must be
            // the country's own ("Kenya", not "Mombasa").
            let text = &doc.text[e.span.range()];
            let country = e
                .actor
                .as_ref()
                .is_some_and(|a| is_country_code(a) && names_the_country(text, a));
            if !matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
                || e.mention != kestrel_core::MentionKind::Name
                || country
            {
                return kinds;
            }
            let levels: Vec<&str> = gazetteer.levels_named(text).collect();
            if levels.contains(&"country") {
                return kinds;
            }
            for &level in &levels {
                match level {
                    "city" => kinds.town = true,
                    "capital" => {
                        kinds.town = true;
                        kinds.capital = true;
                    }
                    "admin1" => {
                        kinds.state = true;
                        kinds.region = true;
                    }
                    "admin2" | "region" | "continent" => kinds.region = true,
                    _ => {}
                }
            }
            // A town's name is the town's, not that of the district or state named for it
            // ("Dallas", "Srinagar", "Islamabad").
            if kinds.town {
                kinds.state = false;
                kinds.region = false;
            }
            // A place named as a town is, that the gazetteer lacks, is most likely a town
            // under its 15,000 people; unless the dictionary files it under a country, as it
            // does other spellings of countries and their peoples ("Argentine").
            if levels.is_empty()
                && e.kind == EntityKind::Gpe
                && !e.actor.as_ref().is_some_and(is_country_code)
            {
                kinds.town = true;
                kinds.small = true;
            }
            // A park, a sea or a mountain (LOC) is no town, whatever namesake town the
            // gazetteer holds ("Forest Park").
            if e.kind == EntityKind::Loc {
                kinds.town = false;
                kinds.capital = false;
            }
            kinds
        })
        .collect()
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn assigns(&self) -> Layer {
        Layer::Actors
    }
    fn process(&self, doc: &mut Document) {
        let date = doc
            .published
            .as_deref()
            .and_then(|p| parse_date(p.get(..10).unwrap_or(p)));
        // "Andy Murray ... Murray said": a surname is no country, whatever place PETRARCH
        // files under one by that name.
        let surnames = surnames_named_in_full(doc);
        for i in 0..doc.entities.len() {
            let text = doc.text[doc.entities[i].span.range()].to_string();
            let kind = doc.entities[i].kind;
            if kind == EntityKind::Person
                && surnames.iter().any(|s| s == without_possessive(&text))
                && self
                    .dictionary
                    .names_only_countries(without_possessive(&text))
            {
                doc.entities[i].actor = None;
                continue;
            }
            doc.entities[i].actor = self.dictionary.resolve(&text, kind, date).or_else(|| {
                // "President Reagan": the recogniser leaves the title out, a dictionary may
                // know the person by it.
                let titled = with_title_before(&doc.text, doc.entities[i].span.start)?;
                (kind == EntityKind::Person)
                    .then(|| {
                        self.dictionary
                            .resolve(&format!("{titled}{text}"), kind, date)
                    })
                    .flatten()
            });
        }
        join_split_names(doc, &self.dictionary, date);
        companies_known_by_name(doc, &self.dictionary);
        widen_to_dictionary_names(doc, &self.dictionary, date);
        widen_to_longer_place_names(doc, &self.dictionary, date);
        add_dictionary_mentions(doc, &self.dictionary, date);
        no_tails_of_longer_names(doc);
        bodies_of_a_country(doc, &self.dictionary, date);
        known_bodies_after_their_country(doc, &self.dictionary, date);
        members_of_a_party(doc, &self.dictionary, date);
        governments_named_by_their_leader(doc, &self.dictionary, date);
        peoples_with_a_nationality(doc, &self.dictionary, date);
        code_ethnic_groups(doc, builtin_ethnic_groups(), &self.dictionary, date);
        choose_among_namesakes(doc, &self.dictionary, date);
        read_roles(doc);
        read_business_descriptions(doc);
        cluster_by_name(doc);
        bare_surnames_of_no_one_named(doc);
        if let Some(gazetteer) = &self.places {
            namesakes_in_unnamed_countries(doc, gazetteer, &self.dictionary);
            local_bodies(doc, gazetteer);
        }
        ministries_of_the_story(doc, &self.dictionary, date);
        let kinds = match &self.places {
            Some(gazetteer) => place_kinds(doc, gazetteer),
            None => Vec::new(),
        };
        link_pronouns_and_places(doc, &kinds);
    }
}

/// "Davis was the hero of the tie", "said Williams": a person the story names only by a bare
/// surname, never after an honorific or a title and never in full, is not the opposition
/// politician or the archbishop the dictionary knows by that surname, whose full name the
/// story would give, unless the story is one of that country's politics. The cluster keeps no
/// dictionary actor. Members of a government and former officials are left be: news calls
/// leaders in office, and those who held office, by surname alone.
fn bare_surnames_of_no_one_named(doc: &mut Document) {
    let titled = |e: &Entity| {
        let before = doc.text[..e.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        is_title_before_a_name(before)
    };
    let cluster_of = |i: usize| doc.entities[i].cluster.unwrap_or(usize::MAX - i);
    let mut keep: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut bare: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Person || e.mention != MentionKind::Name {
            continue;
        }
        let cluster = cluster_of(i);
        let text = &doc.text[e.span.range()];
        // The dictionary's person by their surname: a name of two words or more that ends in
        // the mention's word and that the story never writes.
        // Not a government's, nor a former official's: news calls leaders in office and
        // those who held office by surname alone ("Putin warned", "Blinken spoke").
        let from_surname = e.actor.as_ref().is_some_and(|a| {
            a.source == ActorSource::Dictionary
                && !matches!(a.sector.as_deref(), Some("GOV" | "ELI"))
                && a.name.split_whitespace().count() >= 2
                && a.name.split_whitespace().last() == Some(text)
                && !doc.text.contains(a.name.as_str())
        });
        let one_word = text.split_whitespace().count() == 1;
        if from_surname && one_word && !titled(e) {
            bare.insert(cluster);
        } else {
            keep.insert(cluster);
        }
    }
    // A story of their country's politics may well call them by surname alone ("Bush and
    // Kerry"): the cluster stays where another mention is of the person's country and of its
    // state or politics.
    let clusters: Vec<usize> = (0..doc.entities.len()).map(cluster_of).collect();
    let political = |a: &ActorCode| {
        matches!(
            a.sector.as_deref(),
            Some("GOV" | "OPP" | "LEG" | "PTY" | "ELI" | "JUD" | "MIL" | "COP" | "SPY")
        )
    };
    let country_in_politics = |cluster: usize| {
        let country = doc
            .entities
            .iter()
            .zip(&clusters)
            .find(|(_, c)| **c == cluster)
            .and_then(|(e, _)| e.actor.as_ref())
            .and_then(|a| a.code.get(..3));
        doc.entities.iter().zip(&clusters).any(|(e, &c)| {
            c != cluster
                && e.actor
                    .as_ref()
                    .is_some_and(|a| political(a) && a.code.get(..3) == country)
        })
    };
    let dropped: Vec<usize> = bare
        .difference(&keep)
        .copied()
        .filter(|&c| !country_in_politics(c))
        .collect();
    if dropped.is_empty() {
        return;
    }
    for (e, cluster) in doc.entities.iter_mut().zip(clusters) {
        if dropped.contains(&cluster) {
            e.actor = None;
        }
    }
}

/// Countries of fewer people than this are too small for a story to speak of one of their
/// officials without naming the country.
const SMALL_COUNTRY: u64 = 3_000_000;

/// "John Williams" in a football report is not Barbados' minister of that name, nor "Peter
/// Smith" the Cayman Islands' official: a person the dictionary alone places in a country of
/// under three million people (GeoNames' count), in a story that names nothing else of that
/// country (no place, people, body or person coded so from the text), is a namesake, and their
/// cluster keeps no actor. A larger country's leaders are named in stories that do not name
/// the country ("Bill Clinton" at a film premiere); a small one's seldom are. A person the
/// dictionary gives no role on the story's date (no sector: "Chris Evans", an Australian
/// senator only from 2008) is treated so whatever the country.
fn namesakes_in_unnamed_countries(
    doc: &mut Document,
    gazetteer: &kestrel_places::Gazetteer,
    dictionary: &ActorDictionary,
) {
    let country_of = |a: &ActorCode| a.code.get(..3).map(str::to_string);
    let named: std::collections::HashSet<String> = doc
        .entities
        .iter()
        .filter(|e| {
            e.kind != EntityKind::Person
                || e.actor
                    .as_ref()
                    .is_some_and(|a| a.source != ActorSource::Dictionary)
        })
        .filter_map(|e| e.actor.as_ref().and_then(country_of))
        .collect();
    let mut namesakes: Vec<(Option<usize>, String)> = Vec::new();
    for e in &doc.entities {
        let Some(actor) = &e.actor else { continue };
        if e.kind != EntityKind::Person
            || e.mention != MentionKind::Name
            || actor.source != ActorSource::Dictionary
        {
            continue;
        }
        // A country's code: not an international one ("IGOUNO"), nor "---".
        let country = actor.code.as_str();
        if country.len() != 3 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // A country the recogniser took for a person ("DR Congo's") is no namesake.
        if dictionary.names_only_countries(without_possessive(&doc.text[e.span.range()])) {
            continue;
        }
        let small = gazetteer
            .country(country)
            .is_some_and(|c| c.population < SMALL_COUNTRY);
        // No role on the story's date: someone who only later took office, or a namesake.
        let no_role_then = actor.sector.is_none();
        if (small || no_role_then) && !named.contains(country) {
            namesakes.push((e.cluster, actor.name.clone()));
        }
    }
    for e in doc.entities.iter_mut() {
        let namesake = e.actor.as_ref().is_some_and(|a| {
            namesakes
                .iter()
                .any(|(cluster, name)| *cluster == e.cluster && *name == a.name)
        });
        if namesake {
            e.actor = None;
        }
    }
}

/// Gives a town's, county's or region's council, police force or court the country the
/// gazetteer places it in ("Darlington Council", "Greater Manchester Police", "the Los Angeles
/// Superior Court"), with the sector its last word states: a name no dictionary knows, made of
/// a place's name, words that only say what kind of body it is, and "Council", "Police" or
/// "Court". Ambiguous place names are read towards the countries the story is about.
fn local_bodies(doc: &mut Document, gazetteer: &kestrel_places::Gazetteer) {
    const KINDS: &[(&str, &str)] = &[
        ("council", "GOV"),
        ("police", "COP"),
        ("constabulary", "COP"),
        ("court", "JUD"),
    ];
    const BODY_WORDS: &[&str] = &[
        "county",
        "city",
        "borough",
        "district",
        "metropolitan",
        "town",
        "parish",
        "regional",
        "municipal",
        "superior",
        "crown",
        "magistrates",
        "sheriff",
        "sheriff's",
        "high",
        "supreme",
        "state",
        "provincial",
        "area",
    ];
    // The countries the story names, by its actors first and then by its places.
    let mut focus = kestrel_places::focus_countries(doc, gazetteer);
    for e in &doc.entities {
        if let Some(code) = e.actor.as_ref().and_then(country_of) {
            if !focus.iter().any(|c| c == code) {
                focus.push(code.to_string());
            }
        }
    }
    let n_tokens = doc.tokens.len();
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if !matches!(e.kind, EntityKind::Org | EntityKind::Loc)
            || e.actor.is_some()
            || e.tokens.len() < 2
            || e.tokens.end > n_tokens
        {
            continue;
        }
        let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
        let last = word(e.tokens.end - 1).to_lowercase();
        let Some(&(_, sector)) = KINDS.iter().find(|(k, _)| *k == last) else {
            continue;
        };
        let start = if word(e.tokens.start).eq_ignore_ascii_case("the") {
            e.tokens.start + 1
        } else {
            e.tokens.start
        };
        // The place's name: the longest opening words the gazetteer knows in a country the
        // story names ("Essex County" is American, "Essex" British), with only words for a
        // kind of body between it and the last word. A place elsewhere is too weak a reading
        // ("the Lisbon Council" is a Brussels think tank).
        let place = (start + 1..e.tokens.end).rev().find_map(|end| {
            let kinds_only = (end..e.tokens.end - 1)
                .all(|t| BODY_WORDS.contains(&word(t).to_lowercase().as_str()));
            let name = &doc.text[doc.tokens[start].span.start..doc.tokens[end - 1].span.end];
            (kinds_only && gazetteer.has_name(name))
                .then(|| gazetteer.resolve(name, &focus))
                .flatten()
                .filter(|p| {
                    focus.contains(&p.country)
                        && matches!(p.level.as_str(), "city" | "capital" | "admin1" | "admin2")
                })
        });
        if let Some(place) = place {
            found.push((i, place.country.clone(), sector));
        }
    }
    for (i, country, sector) in found {
        let name = doc.text[doc.entities[i].span.range()].to_string();
        doc.entities[i].actor = Some(ActorCode {
            code: country,
            sector: Some(sector.to_string()),
            name,
            source: ActorSource::Text,
        });
    }
}

/// A name that the dictionary gives to parties of several countries ("the Conservatives", "the
/// Republicans") is the one of the country the rest of the story names most often, by mentions
/// of countries, peoples and bodies whose names are one country's. Where the story names none
/// of their countries but another, it is no one's; where it names no country at all, or two of
/// theirs as often, the dictionary's own choice stands.
///
/// A person named by a bare surname that the dictionary's short lists give to someone ("Blair"
/// to Canada's minister) is, where the story names one country most, that country's bearer of
/// the name: the short lists' own, else the one the long lists know ("Blair" of a British story
/// is Tony Blair), no one where they know several, and the short lists' reading where they know
/// none (a story of Blinken in Kyiv names Ukraine most, and no Ukrainian Blinken).
fn choose_among_namesakes(doc: &mut Document, dictionary: &ActorDictionary, date: Option<Date>) {
    // Not a peer's or a knight's title: "Lord Hutton" the judge is no namesake minister.
    const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr"];
    let honorific = |w: &str| HONORIFICS.contains(&w.trim_end_matches('.'));
    // The surname a person's mention is, alone or after an honorific ("Mr Howard"), and
    // whether an honorific comes with it.
    let surname = |e: &Entity| -> Option<(&str, bool)> {
        if e.kind != EntityKind::Person || e.mention != kestrel_core::MentionKind::Name {
            return None;
        }
        let words: Vec<&str> = doc.text[e.span.range()].split_whitespace().collect();
        let (word, inside) = match words.as_slice() {
            [word] => (*word, false),
            [first, word] if honorific(first) => (*word, true),
            _ => return None,
        };
        let before = doc.text[..e.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(honorific);
        word.starts_with(char::is_uppercase)
            .then_some((word, inside || before))
    };
    let surnames: Vec<Option<(&str, bool)>> = doc.entities.iter().map(surname).collect();
    let namesakes: Vec<Vec<ActorCode>> = doc
        .entities
        .iter()
        .zip(&surnames)
        .map(|(e, named)| match (&e.actor, named) {
            (_, Some((word, _))) => dictionary.surname_namesakes(word, date),
            (Some(a), None) if a.source == ActorSource::Dictionary => {
                dictionary.namesakes(&doc.text[e.span.range()], date)
            }
            _ => Vec::new(),
        })
        .collect();
    // "Mr Howard", whom only the imported dictionaries know: the honorific makes the word a
    // person's name, not a firm's ("Ford") or part of one ("Ernst & Young").
    let honoured: Vec<bool> = doc
        .entities
        .iter()
        .zip(&surnames)
        .zip(&namesakes)
        .map(|((e, named), others)| {
            others.is_empty() && e.actor.is_none() && named.is_some_and(|(_, h)| h)
        })
        .collect();
    if namesakes.iter().all(Vec::is_empty) && !honoured.contains(&true) {
        return;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (e, others) in doc.entities.iter().zip(&namesakes) {
        let Some(a) = e.actor.as_ref().filter(|a| a.code.len() == 3) else {
            continue;
        };
        // Not a person, whom the dictionary may know under a namesake's name ("Michael
        // Howard" of another country) until the text's roles say otherwise.
        if !others.is_empty() || e.kind == EntityKind::Person {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == a.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((a.code.as_str(), 1)),
        }
    }
    let count = |code: &str| {
        counts
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(0, |(_, n)| *n)
    };
    let story_best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let mut tops = counts
        .iter()
        .filter(|(_, n)| *n == story_best && story_best > 0);
    let story_country = tops
        .next()
        .filter(|_| tops.next().is_none())
        .map(|(c, _)| *c);
    // `None`: leave the dictionary's choice; `Some(None)`: no one's.
    let choices: Vec<Option<Option<ActorCode>>> = namesakes
        .iter()
        .zip(&surnames)
        .zip(&honoured)
        .map(|((others, named), &honoured)| {
            let person = named.is_some();
            let word = named.map_or("", |(w, _)| w);
            if honoured {
                let country = story_country?;
                return match dictionary.surname_bearers(word, country, date).as_slice() {
                    [one] => Some(Some(one.clone())),
                    _ => None,
                };
            }
            if person && !others.is_empty() {
                let country = story_country?;
                if let Some(own) = others.iter().find(|a| a.code == country) {
                    return Some(Some(own.clone()));
                }
                return match dictionary.surname_bearers(word, country, date).as_slice() {
                    [] => None,
                    [one] => Some(Some(one.clone())),
                    _ => Some(None),
                };
            }
            let best = others.iter().map(|a| count(&a.code)).max()?;
            let mut top = others.iter().filter(|a| count(&a.code) == best);
            let chosen = top.next()?;
            if best > 0 && top.next().is_none() {
                Some(Some(chosen.clone()))
            } else if best == 0 && !counts.is_empty() {
                // A story of another country: "the Republicans" of Northern Ireland are
                // neither American nor French.
                Some(None)
            } else {
                None
            }
        })
        .collect();
    for (e, choice) in doc.entities.iter_mut().zip(choices) {
        if let Some(actor) = choice {
            e.actor = actor;
        }
    }
}

/// Which tokens some entity mention already covers.
fn covered_by_entities(doc: &Document) -> Vec<bool> {
    let n_tokens = doc.tokens.len();
    let mut covered = vec![false; n_tokens];
    for e in &doc.entities {
        for t in e.tokens.clone().filter(|&t| t < n_tokens) {
            covered[t] = true;
        }
    }
    covered
}

/// Whether token `t`, a word alone, stands for no dictionary name whatever it spells: a word
/// the tagger reads as a function word (pronoun, determiner, preposition, auxiliary,
/// conjunction, particle, adverb, interjection; not a verb, as "Boeing" reads as one) unless
/// written in capitals ("Who" opening a question is not the WHO that "the WHO said" is), and a
/// portfolio or holiday ("Labour Minister", "Labour Day"), before the sentence's end `end`.
fn no_name_alone(doc: &Document, t: usize, end: usize) -> bool {
    let token = &doc.tokens[t];
    let function_word = matches!(
        token.upos.as_deref(),
        Some("PRON" | "DET" | "ADP" | "AUX" | "CCONJ" | "SCONJ" | "PART" | "ADV" | "INTJ")
    );
    if function_word && doc.text[token.span.range()].chars().any(char::is_lowercase) {
        return true;
    }
    let next = (t + 1 < end).then(|| &doc.text[doc.tokens[t + 1].span.range()]);
    next.is_some_and(|w| {
        matches!(
            w,
            "Minister" | "Ministry" | "Secretary" | "Department" | "Day"
        )
    })
}

/// "The Trade Unions Congress", "the Kostova Writers Union": an organisation of one word that
/// the dictionary knows, right after a capitalised word no mention covers (not opening the
/// sentence), is the last word of a longer name the recogniser cut, and no more the known
/// body than "Unions" is.
fn no_tails_of_longer_names(doc: &mut Document) {
    let covered = covered_by_entities(doc);
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        let from_dictionary = e
            .actor
            .as_ref()
            .is_some_and(|a| a.source == ActorSource::Dictionary);
        if e.kind != EntityKind::Org || e.tokens.len() != 1 || !from_dictionary {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence) else {
            continue;
        };
        let t = e.tokens.start;
        if t < sentence.tokens.start + 2 {
            continue;
        }
        let before = doc.text[doc.tokens[t - 1].span.range()].to_lowercase();
        let tail = !covered[t - 1]
            && capitalised(doc, t - 1)
            // "In October Tory leader ...".
            && !kestrel_core::WEEKDAYS.contains(&before.as_str())
            && !kestrel_core::MONTHS.contains(&before.as_str())
            && matches!(
                doc.tokens[t - 1].upos.as_deref(),
                Some("PROPN" | "NOUN" | "ADJ")
            );
        if tail {
            doc.entities[i].actor = None;
        }
    }
}

/// Whether the `k`-th token opens with a capital letter.
fn capitalised(doc: &Document, k: usize) -> bool {
    doc.text[doc.tokens[k].span.range()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Joins two name mentions of one sentence, side by side or across "of", "for" or "and", when
/// together they are a country's or organisation's name the dictionary knows and at least one
/// of them resolves to nothing alone: the entity model split "Democratic People's Republic"
/// from "Korea" and "Bank" from "England".
pub fn join_split_names(doc: &mut Document, dictionary: &ActorDictionary, date: Option<Date>) {
    let mut i = 0;
    while i + 1 < doc.entities.len() {
        match joined_name(
            doc,
            &doc.entities[i],
            &doc.entities[i + 1],
            dictionary,
            date,
        ) {
            Some((span, kind, code)) => {
                let end = doc.entities.remove(i + 1).tokens.end;
                let a = &mut doc.entities[i];
                a.tokens = a.tokens.start..end;
                a.span = span;
                a.kind = kind;
                a.actor = Some(code);
            }
            None => i += 1,
        }
    }
}

/// The span, kind and actor of two mentions joined, if [`join_split_names`] joins them.
fn joined_name(
    doc: &Document,
    a: &Entity,
    b: &Entity,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) -> Option<(Span, EntityKind, ActorCode)> {
    const JOINERS: [&str; 3] = ["of", "for", "and"];
    let joined = match b.tokens.start.checked_sub(a.tokens.end)? {
        0 => true,
        1 => JOINERS.contains(&&doc.text[doc.tokens[a.tokens.end].span.range()]),
        _ => false,
    };
    let names = a.mention == MentionKind::Name && b.mention == MentionKind::Name;
    if !joined || !names || a.sentence != b.sentence || (a.actor.is_some() && b.actor.is_some()) {
        return None;
    }
    let span = Span::new(a.span.start, b.span.end);
    let text = &doc.text[span.range()];
    let kind = match dictionary.lookup(text)?.kind {
        ActorKind::Country => EntityKind::Gpe,
        ActorKind::Org => EntityKind::Org,
        ActorKind::Person => return None,
    };
    Some((span, kind, dictionary.resolve(text, kind, date)?))
}

/// Widens a mention that resolves to nothing over the capitalised words beside it when they
/// make a country's or organisation's name the dictionary knows: the entity model found
/// "Street" in "Downing Street" and "Council" in "Gulf Cooperation Council".
pub fn widen_to_dictionary_names(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    const WIDEST: usize = 3;
    let n_tokens = doc.tokens.len();
    let mut covered = covered_by_entities(doc);
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        if e.actor.is_some() || e.tokens.is_empty() || e.tokens.end > n_tokens {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence).map(|s| s.tokens.clone()) else {
            continue;
        };
        let free = |k: usize| !covered[k] && capitalised(doc, k);
        // "Securities and Exchange Commission", of which the recogniser found the end: a
        // joining word between capitalised words belongs to the name too.
        let joiner = |k: usize| {
            !covered[k] && matches!(&doc.text[doc.tokens[k].span.range()], "and" | "&" | "of")
        };
        let left = (1..=WIDEST)
            .take_while(|&w| {
                e.tokens.start >= sentence.start + w
                    && (free(e.tokens.start - w)
                        || (joiner(e.tokens.start - w)
                            && e.tokens.start > sentence.start + w
                            && free(e.tokens.start - w - 1)))
            })
            .last()
            .unwrap_or(0);
        let right = (1..=WIDEST)
            .take_while(|&w| e.tokens.end + w <= sentence.end && free(e.tokens.end + w - 1))
            .last()
            .unwrap_or(0);
        let mut best = None;
        'widths: for total in (1..=left + right).rev() {
            for l in 0..=left.min(total) {
                let r = total - l;
                if r > right {
                    continue;
                }
                let tokens = e.tokens.start - l..e.tokens.end + r;
                let span = Span::new(
                    doc.tokens[tokens.start].span.start,
                    doc.tokens[tokens.end - 1].span.end,
                );
                let Some(actor) = dictionary.lookup(&doc.text[span.range()]) else {
                    continue;
                };
                let kind = match actor.kind {
                    ActorKind::Country => EntityKind::Gpe,
                    ActorKind::Org => EntityKind::Org,
                    ActorKind::Person => continue,
                };
                if let Some(code) = dictionary.resolve(&doc.text[span.range()], kind, date) {
                    best = Some((tokens, span, kind, code));
                    break 'widths;
                }
            }
        }
        if let Some((tokens, span, kind, code)) = best {
            for k in tokens.clone() {
                covered[k] = true;
            }
            let e = &mut doc.entities[i];
            e.tokens = tokens;
            e.span = span;
            e.kind = kind;
            e.actor = Some(code);
        }
    }
}

/// Widens a place mention over the capitalised words right before it when they make a longer
/// name the dictionary knows as a country or region: the entity model found "Ireland" in
/// "Northern Ireland" and "Korea" in "North Korea", each a name of another country.
pub fn widen_to_longer_place_names(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    const WIDEST: usize = 2;
    let n_tokens = doc.tokens.len();
    let covered = covered_by_entities(doc);
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        if !matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
            || e.actor.as_ref().and_then(country_of).is_none()
            || e.tokens.is_empty()
            || e.tokens.end > n_tokens
        {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence).map(|s| s.tokens.clone()) else {
            continue;
        };
        // A sentence's opening "The" is capitalised but names nothing ("The US").
        let free = |k: usize| {
            !covered[k]
                && capitalised(doc, k)
                && !doc.text[doc.tokens[k].span.range()].eq_ignore_ascii_case("the")
        };
        let left = (1..=WIDEST)
            .take_while(|&w| e.tokens.start >= sentence.start + w && free(e.tokens.start - w))
            .last()
            .unwrap_or(0);
        let wider = (1..=left).rev().find_map(|l| {
            let tokens = e.tokens.start - l..e.tokens.end;
            let span = Span::new(
                doc.tokens[tokens.start].span.start,
                doc.tokens[tokens.end - 1].span.end,
            );
            let name = &doc.text[span.range()];
            let actor = dictionary.lookup(name)?;
            if actor.kind != ActorKind::Country {
                return None;
            }
            let code = dictionary.resolve(name, EntityKind::Gpe, date)?;
            Some((tokens, span, code))
        });
        if let Some((tokens, span, code)) = wider {
            let e = &mut doc.entities[i];
            e.tokens = tokens;
            e.span = span;
            e.actor = Some(code);
        }
    }
}

/// The country an actor code names when it names a country alone (`KEN`, not `KENGOV` or
/// `IGOUNO`).
fn country_of(code: &ActorCode) -> Option<&str> {
    (code.code.len() == 3 && code.sector.is_none()).then_some(code.code.as_str())
}

/// Gives a country's institutions that no dictionary lists the country and the sector their
/// names state: "the Latvian Constitutional Court" (a nationality or country, then a name
/// ending in an agent noun), "Kostova's Supreme Court" (a country's possessive before it), "the
/// New Zealand High Court" (a country's mention right before it).
/// Only names that end in an agent noun ("court", "ministry", "army", "police", ...), so that
/// a company named for a place ("Georgia Power") stays without a country.
pub fn bodies_of_a_country(doc: &mut Document, dictionary: &ActorDictionary, date: Option<Date>) {
    let n_tokens = doc.tokens.len();
    let country_code = |code: &ActorCode| country_of(code).map(String::from);
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Org
            || e.actor.is_some()
            || e.tokens.len() < 2
            || e.tokens.end > n_tokens
        {
            continue;
        }
        let last = &doc.tokens[e.tokens.end - 1];
        let lemma = last
            .lemma
            .clone()
            .unwrap_or_else(|| doc.text[last.span.range()].to_lowercase())
            .to_lowercase();
        let Some(sector) = agent_sector(&lemma).or_else(|| institution_sector(&lemma)) else {
            continue;
        };
        let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
        // "Kostova's Supreme Court"; "the New Zealand High Court", a country or nationality
        // the recogniser named apart right before the name (not "Georgia", a US state's name
        // as well).
        let possessive =
            e.tokens.start >= 2 && matches!(word(e.tokens.start - 1), "'s" | "\u{2019}s");
        let before = if possessive {
            e.tokens.start - 1
        } else {
            e.tokens.start
        };
        let possessor = doc
            .entities
            .iter()
            .find(|x| {
                x.tokens.end == before
                    && (possessive
                        || (x.sentence == e.sentence
                            && matches!(x.kind, EntityKind::Gpe | EntityKind::Norp)
                            && !SHARED_WITH_A_US_STATE.contains(&&doc.text[x.span.range()])))
            })
            .and_then(|x| x.actor.as_ref())
            .and_then(country_code);
        // "Latvian Constitutional Court", "the Kostova National Assembly": the longest
        // opening words that name a country.
        let start = if word(e.tokens.start).eq_ignore_ascii_case("the") {
            e.tokens.start + 1
        } else {
            e.tokens.start
        };
        let opening = (start + 1..e.tokens.end).rev().find_map(|k| {
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[k - 1].span.end);
            // A country's name that is also a US state's: "the Georgia Public Service
            // Commission" is the state's as often as not.
            if SHARED_WITH_A_US_STATE.contains(&&doc.text[span.range()]) {
                return None;
            }
            dictionary
                .resolve(&doc.text[span.range()], EntityKind::Gpe, date)
                .as_ref()
                .and_then(country_code)
        });
        if let Some(code) = possessor.or(opening) {
            found.push((i, code, sector));
        }
    }
    give_text_actors(doc, found);
}

/// "The Scottish Conservative Party", "the Arvenian Labour Party": an organisation no
/// dictionary knows by its whole name, whose last words name a body the dictionary knows
/// (of two words or more) and whose first words name that body's country (a country, a
/// nationality, a place of it) or nothing the dictionary knows ("the Stevenage Labour
/// Party"), is that body. Not when they name another country or body ("the European
/// People's Party").
pub fn known_bodies_after_their_country(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    let n_tokens = doc.tokens.len();
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        if e.kind != EntityKind::Org
            || e.actor.is_some()
            || e.tokens.len() < 3
            || e.tokens.end > n_tokens
        {
            continue;
        }
        let span_of = |from: usize, to: usize| {
            Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)
        };
        let (start, end) = (e.tokens.start, e.tokens.end);
        let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
        let body = (start + 1..end - 1).find_map(|k| {
            // The body's name: two words or more, each a capitalised word or a joiner.
            let named = word(k).starts_with(char::is_uppercase)
                && (k..end).all(|t| {
                    word(t).starts_with(char::is_uppercase)
                        || matches!(word(t), "of" | "for" | "and" | "the")
                });
            if !named {
                return None;
            }
            let tail =
                dictionary.resolve(&doc.text[span_of(k, end).range()], EntityKind::Org, date)?;
            let opening = &doc.text[span_of(start, k).range()];
            let opening = [EntityKind::Gpe, EntityKind::Org]
                .into_iter()
                .find_map(|kind| dictionary.resolve(opening, kind, date));
            let same_country = opening
                .as_ref()
                .is_none_or(|o| country_of(o) == Some(tail.code.as_str()));
            same_country.then_some(tail)
        });
        if let Some(code) = body {
            doc.entities[i].actor = Some(code);
        }
    }
}

/// A name without the possessive ending the recogniser may leave on it ("Zorvex's").
fn without_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
        .unwrap_or(text)
}

/// The last words of the people's names the story gives in full (two words or more), without
/// a possessive ending: the surnames a lone later mention may stand for.
fn surnames_named_in_full(doc: &Document) -> Vec<String> {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.mention == MentionKind::Name)
        .filter_map(|e| {
            let words: Vec<&str> = doc.text[e.span.range()].split_whitespace().collect();
            (words.len() > 1).then(|| without_possessive(words[words.len() - 1]).to_string())
        })
        .collect()
}

/// "Merrill Lynch" read as a person, "Apple" as a place: a mention the recogniser typed as
/// a person or a place whose very name the dictionary knows only as companies' is the
/// company's, unless the story names a person in full with it as surname ("Henry Ford ...
/// Ford").
pub fn companies_known_by_name(doc: &mut Document, dictionary: &ActorDictionary) {
    let surnames = surnames_named_in_full(doc);
    for i in 0..doc.entities.len() {
        let e = &doc.entities[i];
        if !matches!(
            e.kind,
            EntityKind::Person | EntityKind::Loc | EntityKind::Gpe
        ) || e.mention != MentionKind::Name
        {
            continue;
        }
        let text = doc.text[e.span.range()].to_string();
        let text = without_possessive(&text);
        let a_persons_surname = e.kind == EntityKind::Person
            && !text.contains(' ')
            && surnames.iter().any(|s| s == text);
        if !a_persons_surname && dictionary.names_only_companies(text) {
            doc.entities[i].kind = EntityKind::Org;
        }
    }
    // "Merrill Lynch ... Merrill's customers": the first word of a company's name of two or
    // more words, standing alone, is the company.
    let short_forms: Vec<(String, ActorCode)> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Org && e.mention == MentionKind::Name)
        .filter_map(|e| {
            let text = &doc.text[e.span.range()];
            let actor = e.actor.clone()?;
            let first = text.split_whitespace().next()?;
            (text.split_whitespace().count() > 1 && dictionary.names_only_companies(text))
                .then(|| (first.to_string(), actor))
        })
        .collect();
    for e in &mut doc.entities {
        if !matches!(
            e.kind,
            EntityKind::Person | EntityKind::Loc | EntityKind::Gpe
        ) || e.mention != MentionKind::Name
        {
            continue;
        }
        let text = without_possessive(&doc.text[e.span.range()]);
        if surnames.iter().any(|s| s == text) {
            continue;
        }
        // Not a word that names something else ("London" of "London Stock Exchange").
        let found = short_forms
            .iter()
            .find(|(first, actor)| first == text && e.actor.as_ref().is_none_or(|a| a == actor));
        if let Some((_, actor)) = found {
            e.kind = EntityKind::Org;
            e.actor = Some(actor.clone());
        }
    }
}

/// People of a party named by the party: "Labour MPs", "Tory backbenchers", "Lib Dem
/// activists". A mention that no dictionary knows, whose opening words the dictionary knows as
/// one country's party, and whose last word is a noun for the party's people, takes the
/// party's country; members of a parliament (MPs, peers, backbenchers, rebels who vote
/// against their whips) are `LEG`, ministers `GOV`, and members, activists, candidates,
/// councillors and officials the party's own sector (`PTY`, or `OPP` out of office).
pub fn members_of_a_party(doc: &mut Document, dictionary: &ActorDictionary, date: Option<Date>) {
    let n_tokens = doc.tokens.len();
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.actor.is_some() || e.tokens.len() < 2 || e.tokens.end > n_tokens {
            continue;
        }
        let last = &doc.tokens[e.tokens.end - 1];
        let lemma = last
            .lemma
            .clone()
            .unwrap_or_else(|| doc.text[last.span.range()].to_string())
            .to_lowercase();
        let people = match lemma.as_str() {
            "mp" | "mps" | "mep" | "meps" | "peer" | "backbencher" | "lawmaker" | "rebel"
            | "senator" | "congressman" | "legislator" => Some("LEG"),
            "minister" => Some("GOV"),
            "member" | "activist" | "supporter" | "candidate" | "councillor" | "councilor"
            | "official" | "leader" | "grandee" | "delegate" | "figure" => None,
            _ => continue,
        };
        let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
        let start = if word(e.tokens.start).eq_ignore_ascii_case("the") {
            e.tokens.start + 1
        } else {
            e.tokens.start
        };
        if start + 1 >= e.tokens.end {
            continue;
        }
        let span = Span::new(
            doc.tokens[start].span.start,
            doc.tokens[e.tokens.end - 2].span.end,
        );
        let Some(party) = dictionary.resolve(&doc.text[span.range()], EntityKind::Org, date) else {
            continue;
        };
        let party_sector = match party.sector.as_deref() {
            Some("PTY") => "PTY",
            Some("OPP") => "OPP",
            _ => continue,
        };
        if is_state_code(&party.code) {
            found.push((i, party.code.clone(), people.unwrap_or(party_sector)));
        }
    }
    give_text_actors(doc, found);
}

/// The country the story names most often, when one does.
pub fn story_country(doc: &Document) -> Option<String> {
    story_country_apart_from(doc, |_| false)
}

/// [`story_country`] without the mentions `skip` picks out (by index).
pub(crate) fn story_country_apart_from(
    doc: &Document,
    skip: impl Fn(usize) -> bool,
) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if skip(i) {
            continue;
        }
        let Some(code) = e.actor.as_ref().map(|a| a.code.as_str()) else {
            continue;
        };
        if !is_state_code(code) {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    let (code, n) = *counts.iter().max_by_key(|(_, n)| *n)?;
    let tied = counts.iter().filter(|(_, m)| *m == n).count() > 1;
    (!tied).then(|| code.to_string())
}

/// Whether a code names one state (`KEN`), not an international or sector-only one.
pub fn is_state_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(code, "IGO" | "NGO" | "MNC" | "IMG")
}

/// Words that before "Department" or "Ministry" name a state's ministry ("the Labor
/// Department", "the Finance Ministry"), not a town's service ("the Police Department").
const MINISTRY_TOPICS: &[&str] = &[
    "Labor",
    "Labour",
    "Commerce",
    "State",
    "Justice",
    "Treasury",
    "Defense",
    "Defence",
    "Agriculture",
    "Energy",
    "Interior",
    "Education",
    "Transportation",
    "Transport",
    "Trade",
    "Finance",
    "Foreign",
    "Economy",
    "Economics",
    "Industry",
    "Oil",
    "Petroleum",
    "Work",
    "Information",
    "Environment",
    "Culture",
    "Immigration",
    "War",
    "Home",
    "Security",
    "Intelligence",
    "Planning",
    "Welfare",
    "Mines",
    "Mining",
    "Fisheries",
    "Tourism",
];

/// Whether an organisation's name, without its article, is that of a ministry, a
/// legislature's committee or a court that names no country: "the Department for Transport",
/// "the Labor Department", "the Finance Ministry", "the Treasury", "the Home Office" (`GOV`);
/// "the Treasury Select Committee", "the Senate Rules Committee" (`LEG`); "the High Court",
/// "the Court of Appeal" (`JUD`).
fn state_body_sector(name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, last) = (*words.first()?, *words.last()?);
    let second = words.get(1).copied();
    // "the European Department" of a bank or a fund is no state's.
    if matches!(
        first,
        "European"
            | "International"
            | "Regional"
            | "Global"
            | "Asian"
            | "African"
            | "Western"
            | "Eastern"
            | "Northern"
            | "Southern"
            | "Middle"
            | "Pacific"
            | "Atlantic"
            | "Arab"
            | "Latin"
            | "World"
    ) {
        return None;
    }
    if is_court_of_a_state(&words) {
        return Some("JUD");
    }
    if words.len() >= 2
        && last == "Committee"
        && (words.contains(&"Select")
            || matches!(
                first,
                "House" | "Senate" | "Commons" | "Lords" | "Congressional"
            ))
    {
        return Some("LEG");
    }
    let ministry = (matches!(first, "Department" | "Ministry")
        && matches!(second, Some("of" | "for"))
        && words.len() >= 3)
        || (words.len() >= 2
            && matches!(last, "Department" | "Ministry")
            && MINISTRY_TOPICS.contains(&words[words.len() - 2]))
        || matches!(
            name,
            "Treasury"
                | "Home Office"
                | "Foreign Office"
                | "Cabinet Office"
                | "Foreign and Commonwealth Office"
        );
    // A state's agencies and watchdogs: "the National Audit Office", "the Electoral
    // Commission", "the Serious Fraud Office", "the Child Support Agency".
    let agency = words.len() >= 2
        && matches!(
            last,
            "Commission" | "Agency" | "Office" | "Authority" | "Service" | "Executive" | "Inspectorate"
        )
        // "Labour's National Executive" is the party's.
        && ((first == "National" && last != "Executive")
            || MINISTRY_TOPICS.contains(&words[words.len() - 2])
            || AGENCY_TOPICS.contains(&words[words.len() - 2]));
    (ministry || agency).then_some("GOV")
}

/// Words before "Court" that say what kind of court a state's is: "the High Court", "the
/// Appeal Court", "the Supreme Court", "the Crown Court".
const COURT_KINDS: &[&str] = &[
    "Supreme",
    "High",
    "Appeal",
    "Appeals",
    "Appellate",
    "Crown",
    "County",
    "District",
    "Constitutional",
    "Federal",
    "Circuit",
    "Magistrates",
    "Magistrates'",
    "Administrative",
    "Military",
    "Family",
    "Criminal",
    "Juvenile",
    "Youth",
    "Tax",
    "Bankruptcy",
    "Superior",
    "Sheriff",
    "Coroner's",
    "Election",
    "Civil",
    "Employment",
    "Commercial",
    "Divisional",
    "Provincial",
    "Municipal",
    "Revolutionary",
    "Islamic",
    "Sharia",
    "Security",
    "Anti-Terrorism",
    "Anti-Corruption",
];

/// What "Court of ..." names when it is a state's court: "the Court of Appeal", "the Court of
/// Session", "the Court of Cassation".
const COURT_OF: &[&str] = &[
    "Appeal",
    "Appeals",
    "Session",
    "Cassation",
    "Criminal",
    "Claims",
    "Justiciary",
    "First",
    "Chancery",
];

/// Whether a name (its words, without the article) is that of a state's court which states no
/// country: "High Court", "Court of Appeal", "Constitutional Court". A court of Europe or of
/// the world ("the European Court of Justice") opens with a word the caller turns away first;
/// "Hampton Court" or "Earls Court", places, have no court kind before "Court".
fn is_court_of_a_state(words: &[&str]) -> bool {
    match words {
        [.., kind, "Court"] => COURT_KINDS.contains(kind),
        ["Court", "of", what, ..] => COURT_OF.contains(what),
        _ => false,
    }
}

/// Words that before "Commission", "Agency", "Office", "Authority", "Service" or "Executive"
/// name a state's agency or watchdog, beside the ministries' topics.
const AGENCY_TOPICS: &[&str] = &[
    "Electoral",
    "Election",
    "Audit",
    "Competition",
    "Boundary",
    "Statistics",
    "Revenue",
    "Customs",
    "Prosecution",
    "Fraud",
    "Prison",
    "Probation",
    "Support",
    "Standards",
    "Highways",
    "Benefits",
    "Pensions",
    "Passport",
    "Borders",
    "Safety",
];

/// Ministries, legislative committees and courts whose names state no country ("the
/// Department for Transport", "the Commerce Department", "the Treasury Select Committee", "the
/// High Court") belong to the
/// country the story is about where they stand: the one country named within the five
/// sentences before (by name, nationality, or a person or body of its government), else the
/// country the whole story names most, if one does strictly more than any other.
pub fn ministries_of_the_story(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    let story = story_country(doc);
    // Later mentions of a name take its first mention's country.
    let mut found: Vec<(usize, String, &str)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Org || e.actor.is_some() || e.mention != MentionKind::Name {
            continue;
        }
        let Some(sector) = state_body_sector(&doc.text[e.span.range()]) else {
            continue;
        };
        let cluster = e.cluster.unwrap_or(i);
        let first = found
            .iter()
            .find(|(j, _, _)| doc.entities[*j].cluster.unwrap_or(*j) == cluster)
            .map(|(_, code, _)| code.clone());
        // "the House of Commons Treasury Committee": a body of a country opens the name.
        let opening = (e.tokens.start + 1..e.tokens.end).rev().find_map(|k| {
            let span = Span::new(e.span.start, doc.tokens[k - 1].span.end);
            [EntityKind::Org, EntityKind::Gpe]
                .into_iter()
                .find_map(|kind| {
                    // A party ("Labor") opening a department's name is no country's, nor
                    // is a city ("Paris"), the seat of its country's power.
                    dictionary
                        .resolve(&doc.text[span.range()], kind, date)
                        .filter(|a| match kind {
                            EntityKind::Gpe => a.sector.is_none(),
                            _ => matches!(a.sector.as_deref(), Some("GOV" | "LEG")),
                        })
                        .map(|a| a.code)
                        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
                })
        });
        // A court is named with its country where it is not the story's own ("Spain's High
        // Court", given its country by `bodies_of_a_country`): a bare "the High Court" is the
        // story's, whatever country the sentences before it name.
        let nearby = || {
            (sector != "JUD")
                .then(|| one_country_named_before(doc, e.sentence, e.tokens.start))
                .flatten()
        };
        let country = first
            .or(opening)
            .or_else(|| nearby().or_else(|| story.clone()));
        if let Some(code) = country {
            found.push((i, code, sector));
        }
    }
    give_text_actors(doc, found);
}

/// Gives each mention `(index, country, sector)` the actor its own words state.
fn give_text_actors(doc: &mut Document, found: Vec<(usize, String, &str)>) {
    for (i, code, sector) in found {
        let name = doc.text[doc.entities[i].span.range()].to_string();
        doc.entities[i].actor = Some(ActorCode {
            code,
            sector: Some(sector.to_string()),
            name,
            source: ActorSource::Text,
        });
    }
}

/// Countries' names that are also names of US states.
const SHARED_WITH_A_US_STATE: &[&str] = &["Georgia"];

/// Head words of a state's bodies that are no agent nouns alone ("the assembly" could be any
/// gathering) but are in a name that opens with a country's: "the Kostova National Assembly",
/// "the Velora Anti-Corruption Commission" (also misspelt with one "s", as wires do).
fn institution_sector(lemma: &str) -> Option<&'static str> {
    match lemma {
        "assembly" | "senate" | "legislature" | "duma" | "diet" => Some("LEG"),
        "commission" | "commision" | "council" | "agency" | "directorate" | "bureau"
        | "department" => Some("GOV"),
        "guard" | "gendarmerie" => Some("MIL"),
        _ => None,
    }
}

/// Words for a government that a leader's surname before them names ("the Bush
/// administration").
const GOVERNMENT_NOUNS: &[&str] = &["administration", "government", "regime", "cabinet"];

/// "The Bush administration", "the Assad regime": a surname no dictionary placed on the
/// article's date, right before a word for a government, names the government of the country
/// a dictionary gives the whole phrase, else of the country of the person the story named in
/// full with that surname, else of the country every leader of that surname in
/// Kestrel's curated list governed (with no date, or a date between their terms, the surname
/// alone says no more). The mention becomes that country's `GOV`.
pub fn governments_named_by_their_leader(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Person
            || e.actor.is_some()
            || e.tokens.len() != 1
            || e.tokens.end >= doc.tokens.len()
        {
            continue;
        }
        let next = &doc.tokens[e.tokens.end];
        let noun = doc.text[next.span.range()].to_lowercase();
        if !GOVERNMENT_NOUNS.contains(&noun.as_str()) {
            continue;
        }
        let surname = &doc.text[e.span.range()];
        // A dictionary may know the phrase itself ("Bush Administration").
        let listed = dictionary
            .resolve(&format!("{surname} {noun}"), EntityKind::Org, date)
            .map(|code| code.code)
            .filter(|code| code.len() == 3 && code != "---");
        // "Tony Blair's government ... the Blair government": the country of the person the
        // story named in full with that surname, when it names one.
        let named_in_full = doc.entities.iter().find_map(|other| {
            let text = &doc.text[other.span.range()];
            let full = other.kind == EntityKind::Person
                && other.tokens.len() >= 2
                && text.rsplit(' ').next() == Some(surname);
            let actor = other.actor.as_ref().filter(|_| full)?;
            let (country, _) = split_code(&actor.code);
            (country.len() == 3 && country != "---").then_some(country)
        });
        let code = listed
            .or(named_in_full)
            .or_else(|| dictionary.country_governed_by_surname(surname));
        if let Some(code) = code {
            found.push((i, code));
        }
    }
    for (i, code) in found {
        let name = doc.text[doc.entities[i].span.range()].to_string();
        doc.entities[i].actor = Some(ActorCode {
            code,
            sector: Some("GOV".to_string()),
            name,
            source: ActorSource::Text,
        });
    }
}

/// Gives a people named with a nationality ("Bosnian Serbs", "Iraqi Kurds"), which the entity
/// model may read as one name of any kind, the nationality's country: a mention no dictionary
/// knows, not an organisation's, whose first word names a country and whose other words are
/// capitalised plurals.
pub fn peoples_with_a_nationality(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    let n_tokens = doc.tokens.len();
    let mut found = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind == EntityKind::Org
            || e.actor.is_some()
            || e.tokens.len() < 2
            || e.tokens.end > n_tokens
        {
            continue;
        }
        let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
        let plural_people = (e.tokens.start + 1..e.tokens.end).all(|t| {
            let w = word(t);
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && capitalised(doc, t)
        });
        if !plural_people {
            continue;
        }
        let Some(code) = dictionary.resolve(word(e.tokens.start), EntityKind::Norp, date) else {
            continue;
        };
        if let Some(country) = country_of(&code) {
            found.push((i, country.to_string()));
        }
    }
    for (i, code) in found {
        let name = doc.text[doc.entities[i].span.range()].to_string();
        let e = &mut doc.entities[i];
        e.kind = EntityKind::Norp;
        e.actor = Some(ActorCode {
            code,
            sector: None,
            name,
            source: ActorSource::Text,
        });
    }
}

/// Whether the name starting at word `start` of a sentence is the title of a work: "the film
/// Black Friday", "her latest album Rosa", "the comedy Little Britain" name no person, body or
/// place. Only after a lower-case noun for a work (a verb "play" or "show" leaves a name alone)
/// with a word before it, as titles are introduced ("the", "his", "hit", "Oscar-winning").
pub fn is_title_of_a_work(words: &[&str], tags: &[&str], start: usize) -> bool {
    const WORKS: &[&str] = &[
        "film",
        "movie",
        "biopic",
        "documentary",
        "book",
        "novel",
        "trilogy",
        "poem",
        "album",
        "song",
        "single",
        "track",
        "play",
        "musical",
        "opera",
        "series",
        "sitcom",
        "soap",
        "drama",
        "comedy",
        "thriller",
        "show",
        "painting",
    ];
    if start < 2 || start > words.len() {
        return false;
    }
    let tag = |k: usize| tags.get(k).copied().unwrap_or("");
    let before = tag(start - 2);
    let introduced = matches!(before, "DT" | "PRP$" | "POS" | "CD" | "VBN" | "VBG")
        || before.starts_with("JJ")
        || before.starts_with("NN");
    WORKS.contains(&words[start - 1]) && tag(start - 1).starts_with("NN") && introduced
}

/// Adds the capitalised names of countries and organisations that the entity model missed
/// ("Finland gives ..." tagged as a common noun), and full names of people the dictionary
/// knows: the longest dictionary name over tokens no entity covers.
pub fn add_dictionary_mentions(
    doc: &mut Document,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    const LONGEST: usize = 5;
    let covered = covered_by_entities(doc);
    let mut added = Vec::new();
    for (s_idx, s) in doc.sentences.iter().enumerate() {
        let mut t = s.tokens.start;
        while t < s.tokens.end {
            if covered[t] || !capitalised(doc, t) {
                t += 1;
                continue;
            }
            // "the film Black Friday": a title, no one's name.
            if title_of_a_work(doc, s.tokens.start, t) {
                t += 1;
                continue;
            }
            let mut found = None;
            for len in (1..=LONGEST.min(s.tokens.end - t)).rev() {
                let range = t..t + len;
                if range.clone().any(|k| covered[k]) || !capitalised(doc, t + len - 1) {
                    continue;
                }
                if len == 1 && no_name_alone(doc, t, s.tokens.end) {
                    continue;
                }
                let span = Span::new(doc.tokens[t].span.start, doc.tokens[t + len - 1].span.end);
                let Some(actor) = dictionary.lookup(&doc.text[span.range()]) else {
                    continue;
                };
                if len == 1 && actor.kind == ActorKind::Country && a_language(doc, t) {
                    continue;
                }
                if actor.kind == ActorKind::Org && an_office_with_its_holder(doc, range.clone()) {
                    continue;
                }
                let kind = match actor.kind {
                    // "English rugby", "the Scots": a people or its adjective, not the
                    // country's name.
                    ActorKind::Country if len == 1 && names_a_people(doc, dictionary, t) => {
                        EntityKind::Norp
                    }
                    ActorKind::Country => EntityKind::Gpe,
                    ActorKind::Org => EntityKind::Org,
                    // A bare surname or first name is too ambiguous to add unseen.
                    ActorKind::Person if len > 1 => EntityKind::Person,
                    ActorKind::Person => continue,
                };
                let Some(code) = dictionary.resolve(&doc.text[span.range()], kind, date) else {
                    continue;
                };
                found = Some((range, span, kind, code));
                break;
            }
            match found {
                Some((range, span, kind, code)) => {
                    t = range.end;
                    added.push(Entity {
                        span,
                        sentence: s_idx,
                        tokens: range,
                        kind,
                        actor: Some(code),
                        cluster: None,
                        mention: MentionKind::Name,
                    });
                }
                None => t += 1,
            }
        }
    }
    if !added.is_empty() {
        doc.entities.extend(added);
        doc.entities.sort_by_key(|e| e.span.start);
    }
}

/// Whether the one-word country name at token `t` is a people's name or its adjective
/// ("Welsh", "English", "Scots") rather than the country's: tagged an adjective, ending as
/// demonyms do, or a plural whose singular is a name of the same country ("Scot"; "Wales"
/// and "the Maldives" have none).
fn names_a_people(doc: &Document, dictionary: &ActorDictionary, t: usize) -> bool {
    let word = &doc.text[doc.tokens[t].span.range()];
    let plural_of_one = || {
        let one = word.strip_suffix('s');
        one.and_then(|one| dictionary.lookup(one))
            .zip(dictionary.lookup(word))
            .is_some_and(|(a, b)| {
                let code = |x: &Actor| x.roles.first().map(|r| r.code.clone());
                a.kind == ActorKind::Country && code(a).is_some() && code(a) == code(b)
            })
    };
    match doc.tokens[t].xpos.as_deref() {
        Some("JJ") => true,
        Some("NNS" | "NNPS") => plural_of_one(),
        _ => DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e)),
    }
}

/// Whether the words at `range` are an office, not a body ("Secretary of State"), that the
/// text gives to its holder or to another country: a person named after it ("..., Tessa
/// Jowell," or right after), a portfolio after "for" ("Secretary of State for Culture"), or a
/// country or nationality right before it ("the Chilean Secretary of State").
fn an_office_with_its_holder(doc: &Document, range: std::ops::Range<usize>) -> bool {
    let word = |k: usize| doc.tokens.get(k).map_or("", |x| &doc.text[x.span.range()]);
    if !range.clone().all(|k| roles::is_role_word(word(k))) {
        return false;
    }
    let person_at = |k: usize| {
        doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.tokens.start == k)
    };
    let country_before = range.start > 0
        && doc.entities.iter().any(|e| {
            e.tokens.end == range.start && matches!(e.kind, EntityKind::Gpe | EntityKind::Norp)
        });
    let after = range.end;
    word(after) == "for"
        || person_at(after)
        || (word(after) == "," && person_at(after + 1))
        || country_before
}

/// How demonyms end: "English", "Welsh", "Chinese".
const DEMONYM_ENDINGS: &[&str] = &["ish", "ese", "lsh"];

/// Whether the demonym at token `t` names a language ("speaks English", "in Welsh and
/// English", "English-speaking"): a noun of its own, neither after "the" nor before a noun, or
/// the first part of a word for speakers of the language.
fn a_language(doc: &Document, t: usize) -> bool {
    const OF_A_LANGUAGE: &[&str] = &["speaking", "language", "speaker", "speakers", "medium"];
    let word = |k: usize| doc.tokens.get(k).map_or("", |x| &doc.text[x.span.range()]);
    let tag = |k: usize| {
        doc.tokens
            .get(k)
            .and_then(|x| x.xpos.as_deref())
            .unwrap_or("")
    };
    if !DEMONYM_ENDINGS.iter().any(|e| word(t).ends_with(e)) {
        return false;
    }
    if word(t + 1) == "-" {
        return OF_A_LANGUAGE.contains(&word(t + 2).to_lowercase().as_str());
    }
    let after = tag(t + 1);
    let the = t > 0 && word(t - 1).eq_ignore_ascii_case("the");
    tag(t) == "NNP" && !the && !(after.starts_with("NN") || after.starts_with("JJ"))
}

/// [`is_title_of_a_work`] for the name at token `t` of the sentence starting at token `first`.
fn title_of_a_work(doc: &Document, first: usize, t: usize) -> bool {
    let from = first.max(t.saturating_sub(2));
    let words: Vec<&str> = (from..t)
        .map(|k| &doc.text[doc.tokens[k].span.range()])
        .collect();
    let tags: Vec<&str> = (from..t)
        .map(|k| doc.tokens[k].xpos.as_deref().unwrap_or(""))
        .collect();
    is_title_of_a_work(&words, &tags, words.len())
}

/// Whether the actor is a country as such: a three-letter code and no sector.
pub(crate) fn is_country_code(a: &ActorCode) -> bool {
    a.sector.is_none() && a.code.len() == 3
}

/// Conventional short names of countries that their dictionary names do not contain.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("britain", "GBR"),
    ("great britain", "GBR"),
    ("holland", "NLD"),
];

/// Whether `text` names the country `a` itself rather than a place within it that the
/// dictionary files under it: the dictionary's name ("United Kingdom"), its initials with or
/// without stops, whole or in part ("UK", "U.S.", "USA"), one of its words ("America",
/// "Russia" of "Russian Federation") or its first words, or a conventional short name
/// ("Britain").
pub(crate) fn names_the_country(text: &str, a: &ActorCode) -> bool {
    let text = text.trim();
    let text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    let lower = text.to_lowercase();
    let name = a.name.to_lowercase();
    if lower == name
        || SHORT_NAMES
            .iter()
            .any(|&(n, code)| n == lower && code == a.code)
    {
        return true;
    }
    let name_words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "and"))
        .collect();
    let initials: String = name_words.iter().filter_map(|w| w.chars().next()).collect();
    let letters: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    let written_as_initials = text
        .chars()
        .all(|c| c.is_uppercase() || c == '.' || c == ' ');
    if written_as_initials && letters.len() >= 2 && initials.starts_with(&letters) {
        return true;
    }
    // A word of the name, or its first words ("United States" of "United States of America").
    let words: Vec<&str> = lower.split_whitespace().collect();
    (lower.len() >= 4 && words.len() == 1 && name_words.contains(&lower.as_str()))
        || (words.len() > 1 && name_words.starts_with(&words))
}

/// The letters of a name written as an acronym ("CRA", "U.N.", "NATO"): two to six
/// capital letters, dots aside.
fn acronym(text: &str) -> Option<String> {
    let letters: String = text.chars().filter(|&c| c != '.').collect();
    let n = letters.chars().count();
    ((2..=6).contains(&n) && letters.chars().all(|c| c.is_ascii_uppercase())).then_some(letters)
}

/// The initials of a name of two or more capitalised words, function words left out
/// ("Computing Research Association" is "CRA", "Bank of England" "BE"), or none.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "The" | "and" | "for" | "on" | "in" | "&"))
        .collect();
    if words.len() < 2
        || !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    Some(words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Clusters mentions that name the same thing, and shares actors within each cluster.
///
/// People: mentions with the same full name join; a surname-only mention ("Lavrov") joins the
/// nearest full-name mention with that surname, earlier ones first, so that two people who
/// share a surname are not merged through it. Other mentions join those with the same resolved
/// actor, or else the same words. Then each mention takes the actor its cluster's text states
/// ("French Foreign Minister Catherine Colonna" ... "Colonna"), nearest first, over what the
/// dictionary says; an unresolved one takes the nearest resolved mention's. Pronouns and
/// descriptions ("the minister") are not clustered yet.
pub fn cluster_by_name(doc: &mut Document) {
    let n = doc.entities.len();
    let words: Vec<Vec<String>> = doc
        .entities
        .iter()
        .map(|e| {
            let mut words: Vec<String> = doc.text[e.span.range()]
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            // A title or rank the recogniser kept in a person's mention ("General Mensah",
            // "Admiral Vidal") is no part of the name the mention shares with others.
            if e.kind == EntityKind::Person {
                let titles = words
                    .iter()
                    .take_while(|w| roles::role_word(w).flatten().is_some())
                    .count();
                words.drain(..titles.min(words.len().saturating_sub(1)));
            }
            words
        })
        .collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        // The smaller index is the cluster's id: its first mention.
        parent[ra.max(rb)] = ra.min(rb);
    };
    let mut surname_of_a_full_name = vec![false; n];
    for i in 0..n {
        let e = &doc.entities[i];
        if e.kind == EntityKind::Person && words[i].len() == 1 {
            let name = &words[i][0];
            let is_person =
                |j: usize| doc.entities[j].kind == EntityKind::Person && words[j].len() > 1;
            // The surname last ("Sergei Lavrov"), else first (family-name-first "Wang Yi").
            let by_last = |j: &usize| is_person(*j) && words[*j].last() == Some(name);
            let by_first = |j: &usize| {
                is_person(*j) && words[*j].len() == 2 && words[*j].first() == Some(name)
            };
            let target = (0..i)
                .rev()
                .find(by_last)
                .or_else(|| (i + 1..n).find(by_last))
                .or_else(|| (0..i).rev().find(by_first))
                .or_else(|| (i + 1..n).find(by_first));
            if let Some(j) = target {
                union(&mut parent, i, j);
                surname_of_a_full_name[i] = words[j].last() == Some(name);
                continue;
            }
        }
        for j in 0..i {
            let o = &doc.entities[j];
            if o.kind != e.kind {
                // One name, typed two ways by the recogniser in two sentences ("Durham" a
                // place, then a person): one referent, as a story uses a name in one sense;
                // not a place after a surname joined to a name given in full ("Hugh Dallas
                // ... Dallas said ... in Dallas"), which the recogniser's stage left a place.
                let named = |k: EntityKind| !matches!(k, EntityKind::Norp);
                if named(e.kind)
                    && named(o.kind)
                    && words[i] == words[j]
                    && !(surname_of_a_full_name[j]
                        && matches!(e.kind, EntityKind::Gpe | EntityKind::Loc))
                {
                    union(&mut parent, i, j);
                    break;
                }
                continue;
            }
            let same = if e.kind == EntityKind::Person {
                words[i] == words[j]
            } else {
                match (&e.actor, &o.actor) {
                    // A city or region the dictionary files under its country shares the
                    // country's code but is another place: places join by code only when
                    // both name the country itself ("UK" and "Britain", not "Wales").
                    (Some(a), Some(b)) if is_country_code(a) && words[i] != words[j] => {
                        let (te, to) = (&doc.text[e.span.range()], &doc.text[o.span.range()]);
                        // Each names both actors' countries: a place with an entry of its own
                        // ("London", "Northern Ireland") names only itself.
                        a.code == b.code
                            && [a, b]
                                .iter()
                                .all(|x| names_the_country(te, x) && names_the_country(to, x))
                    }
                    (Some(a), Some(b)) => a == b,
                    _ => words[i] == words[j],
                }
            };
            if same {
                union(&mut parent, i, j);
                break;
            }
        }
    }
    // "the Computing Research Association (CRA) ... CRA": an acronym of an organisation's
    // capitalised words named before it is that organisation, unless the dictionary codes
    // the two apart.
    for i in 0..n {
        let Some(letters) = acronym(&doc.text[doc.entities[i].span.range()]) else {
            continue;
        };
        let found = (0..i).rev().find(|&j| {
            let o = &doc.entities[j];
            o.kind == EntityKind::Org
                && initials(&doc.text[o.span.range()]).as_deref() == Some(letters.as_str())
        });
        if let Some(j) = found {
            let coded_apart = match (&doc.entities[i].actor, &doc.entities[j].actor) {
                (Some(a), Some(b)) => a.code != b.code || a.sector != b.sector,
                _ => false,
            };
            if !coded_apart {
                union(&mut parent, i, j);
            }
        }
    }
    let cluster: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    for (e, &c) in doc.entities.iter_mut().zip(&cluster) {
        e.cluster = Some(c);
    }
    let from_text = |a: &Option<ActorCode>| {
        a.as_ref()
            .is_some_and(|a| a.source != ActorSource::Dictionary)
    };
    let snapshot: Vec<Option<ActorCode>> = doc.entities.iter().map(|e| e.actor.clone()).collect();
    for i in 0..n {
        if from_text(&snapshot[i]) {
            continue;
        }
        // A name in full that the dictionary does not know is not known from the guess a
        // surname alone gave ("reporter Martin Bashir ... Bashir" is no head of state).
        let full_name = doc.entities[i].kind == EntityKind::Person && words[i].len() > 1;
        let guessed_from_surname = |j: usize| {
            full_name && doc.entities[j].kind == EntityKind::Person && words[j].len() == 1
        };
        let nearest = |want_text: bool| {
            (0..n)
                .filter(|&j| {
                    cluster[j] == cluster[i]
                        && snapshot[j].is_some()
                        && (!want_text || from_text(&snapshot[j]))
                        && (want_text || !guessed_from_surname(j))
                })
                .min_by_key(|&j| (j.abs_diff(i), j > i))
        };
        let source = nearest(true).or_else(|| {
            if snapshot[i].is_none() {
                nearest(false)
            } else {
                None
            }
        });
        if let Some(j) = source {
            doc.entities[i].actor = snapshot[j].clone();
            continue;
        }
        // "Tony Blair ... Mr Blair": a surname alone is the person the article named in full,
        // whoever else the dictionary knows by that surname (with no date to choose by, a
        // bare "Blair" would be the one in office now). Unknown in full, unknown alone.
        if doc.entities[i].kind == EntityKind::Person && words[i].len() == 1 {
            let full = (0..n)
                .filter(|&j| {
                    cluster[j] == cluster[i]
                        && doc.entities[j].kind == EntityKind::Person
                        && words[j].len() > 1
                })
                .min_by_key(|&j| (j.abs_diff(i), j > i));
            if let Some(j) = full {
                doc.entities[i].actor = snapshot[j].clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# test\nperson\tAmina Odhiambo\tOdhiambo|Foreign Minister Odhiambo\tKENGOV 2019-01-05..2023-06-30\n\
org\tExample League\tEXL\tIGOEXL\ncountry\tKenya\tRepublic of Kenya\tKEN\n";

    #[test]
    fn actors_dated_roles_and_former_officials() {
        let mut d = ActorDictionary::new();
        assert_eq!(d.add_tsv(TSV, "test").unwrap(), 3);
        let r = |t: &str, date| d.resolve(t, EntityKind::Person, parse_date(date));
        let on = r("Amina Odhiambo", "2021-05-01").unwrap();
        assert_eq!(
            (on.code.as_str(), on.sector.as_deref()),
            ("KEN", Some("GOV"))
        );
        let after = r("Odhiambo", "2026-02-01").unwrap();
        assert_eq!(
            (after.code.as_str(), after.sector.as_deref()),
            ("KEN", Some("ELI"))
        );
        // Before her first office she is Kenyan, in no sector the dictionary knows; named by
        // one word only, she is not known yet.
        let before = r("Amina Odhiambo", "2010-02-01").unwrap();
        assert_eq!(
            (before.code.as_str(), before.sector.as_deref()),
            ("KEN", None)
        );
        assert_eq!(r("Odhiambo", "2010-02-01"), None);
        let org = d.resolve("EXL", EntityKind::Org, None).unwrap();
        assert_eq!(
            (org.code.as_str(), org.sector.as_deref()),
            ("IGOEXL", Some("IGO"))
        );
        assert_eq!(
            d.resolve("Republic of Kenya", EntityKind::Gpe, None)
                .unwrap()
                .code,
            "KEN"
        );
    }

    #[test]
    fn actors_names_match_across_hyphens_accents_and_one_misspelt_letter() {
        let mut d = ActorDictionary::new();
        let tsv = "person\tJean Pierre Habyakare\t\tRWAGOV 1990-01-01..\n\
person\tZoran Vukovic\t\tSRBGOV 1995-01-01..\n\
person\tLena Moraru\t\tMDAGOV 1995-01-01..\n\
person\tIvana Marekovska\t\tSVKGOV 2001-01-01..\n\
person\tIvana Marekovsky\t\tCZEGOV 2001-01-01..\n\
person\tPetra Novakovic\t\tHRVGOV 2001-01-01..\n\
person\tMarko Novakovich\t\tSRBGOV 2001-01-01..\n\
person\tOmar Halabi\tHalabi\tSYRGOV 2001-01-01..\n";
        d.add_tsv(tsv, "test").unwrap();
        let code = |t: &str| {
            d.resolve(t, EntityKind::Person, parse_date("2002-01-01"))
                .map(|a| a.code)
        };
        assert_eq!(code("Jean-Pierre Habyakare").as_deref(), Some("RWA"));
        assert_eq!(code("Zoran Vuković").as_deref(), Some("SRB"));
        // One letter dropped, added, changed, or two swapped.
        assert_eq!(code("Jean Pierre Habyakre").as_deref(), Some("RWA"));
        assert_eq!(code("Jean Pierre Habyakkare").as_deref(), Some("RWA"));
        assert_eq!(code("Jean Pierre Habyakase").as_deref(), Some("RWA"));
        assert_eq!(code("Jean Pierre Habyakrae").as_deref(), Some("RWA"));
        // Two edits, a short surname, a different given name, two people within one edit,
        // or a surname someone else in the dictionary bears.
        assert_eq!(code("Jean Pierre Habykrae"), None);
        assert_eq!(code("Lena Morar"), None);
        assert_eq!(code("Jean Paul Habyakare"), None);
        assert_eq!(code("Ivana Marekovsk"), None);
        assert_eq!(code("Petra Novakovich"), None);
        // A surname alone after a title, not after another given name.
        assert_eq!(code("President Halabi").as_deref(), Some("SYR"));
        assert_eq!(code("Karim Halabi"), None);
        assert_eq!(code("Gen. Halabi").as_deref(), Some("SYR"));
        assert!(!one_edit_apart("abcd", "badc"));
        assert!(one_edit_apart("abcd", "abdc"));
    }

    #[test]
    fn actors_a_later_dictionary_overrides_an_earlier_one_on_the_dates_it_covers() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tAna Ruiz\t\tCHLJUD 1990-01-01..1994-12-31\n",
            "built-in",
        )
        .unwrap();
        d.add_tsv("person\tAna Ruiz\t\tCHLGOV 2020-01-01..\n", "user")
            .unwrap();
        let sector = |date: &str| {
            d.resolve("Ana Ruiz", EntityKind::Person, parse_date(date))
                .and_then(|a| a.sector)
        };
        assert_eq!(sector("2021-06-01").as_deref(), Some("GOV"));
        assert_eq!(sector("1992-06-01").as_deref(), Some("JUD"));
        assert_eq!(sector("2005-06-01").as_deref(), Some("ELI"));
    }

    #[test]
    fn actors_a_former_head_of_a_business_stays_in_business() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tOla Berg\tBerg\tNORBUS 1990-01-01..2002-06-30\n\
             person\tIda Holm\tHolm\tNORGOV 1990-01-01..2002-06-30\n",
            "test",
        )
        .unwrap();
        let on = |t: &str| {
            let a = d
                .resolve(t, EntityKind::Person, parse_date("2005-01-01"))
                .unwrap();
            (a.code, a.sector)
        };
        assert_eq!(on("Ola Berg"), ("NOR".to_string(), Some("BUS".to_string())));
        assert_eq!(on("Ida Holm"), ("NOR".to_string(), Some("ELI".to_string())));
    }

    #[test]
    fn actors_branches_of_government_are_sectors() {
        assert_eq!(split_code("USAGOVLEG"), ("USA".into(), Some("LEG".into())));
        assert_eq!(split_code("INDGOVJUD"), ("IND".into(), Some("JUD".into())));
        assert_eq!(split_code("USAGOVDEF"), ("USA".into(), Some("GOV".into())));
        assert_eq!(split_code("USAGOV"), ("USA".into(), Some("GOV".into())));
    }

    #[test]
    fn actors_cameo_country_codes_become_iso_codes() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tAna Belo\t\tTMPGOV 2000-01-01..; TMPELI\ncountry\tKenya\t\tKEN\n",
            "t",
        )
        .unwrap();
        assert_eq!(d.use_iso_country_codes(), 2);
        let a = d.resolve("Ana Belo", EntityKind::Person, None).unwrap();
        assert_eq!((a.code.as_str(), a.sector.as_deref()), ("TLS", Some("GOV")));
        assert_eq!(
            d.resolve("Kenya", EntityKind::Gpe, None).unwrap().code,
            "KEN"
        );
    }

    #[test]
    fn a_people_after_a_word_that_names_nobody_is_its_country() {
        let mut d = ActorDictionary::new();
        let tsv = "country\tKenya\tKenyans|Kenyan\tKEN\ncountry\tUganda\tUgandan\tUGA\n";
        d.add_tsv(tsv, "test").unwrap();
        let code = |t: &str| d.resolve(t, EntityKind::Loc, None).map(|a| a.code);
        assert_eq!(code("Young Kenyans").as_deref(), Some("KEN"));
        // The word before names a country: the coder decides whose people they are.
        assert_eq!(code("Ugandan Kenyans"), None);
        // A country's name after another word is some body's name, not a people.
        assert_eq!(code("Radio Kenya"), None);
        assert_eq!(
            d.resolve("Young Kenyans", EntityKind::Person, None),
            None,
            "people are not read into a person's name"
        );
    }

    #[test]
    fn actors_tsv_round_trip_and_errors() {
        let mut d = ActorDictionary::new();
        d.add_tsv(TSV, "test").unwrap();
        let mut again = ActorDictionary::new();
        again.add_tsv(&d.to_tsv(), "again").unwrap();
        assert_eq!(d.actors(), again.actors());
        let err = ActorDictionary::new()
            .add_tsv("person\tX\t\tKENGOV 2019..\n", "bad")
            .unwrap_err();
        assert!(err.to_string().contains("bad date"), "{err}");
        let err = ActorDictionary::new()
            .add_tsv("robot\tX\t\tKEN\n", "bad")
            .unwrap_err();
        assert!(err.to_string().contains("unknown kind"), "{err}");
    }

    #[test]
    fn actors_read_petrarch_format() {
        // Our own entries, written in PETRARCH's layout.
        let petrarch =
            "# comment\nAMINA_ODHIAMBO_  # note\n+ODHIAMBO\n\t[KENGOV 190105-230630]\n\t[KENELI]\n\
EXAMPLE_LEAGUE_ [IGOEXL]\n+EXL_\n";
        let mut d = ActorDictionary::new();
        assert_eq!(d.add_petrarch(petrarch), 2);
        let a = d.lookup("Odhiambo").unwrap();
        assert_eq!(a.kind, ActorKind::Person);
        assert_eq!(a.name, "Amina Odhiambo");
        assert_eq!(
            a.roles[0],
            Role {
                code: "KENGOV".into(),
                from: Some(20190105),
                to: Some(20230630)
            }
        );
        // After the dated role the undated one applies.
        assert_eq!(
            a.code_on(Some(20250101)),
            Some(("KEN".into(), Some("ELI".into())))
        );
        assert_eq!(d.lookup("Example League").unwrap().kind, ActorKind::Org);
    }

    #[test]
    fn a_petrarch_country_with_dated_codes_is_a_country() {
        // Made-up states: one that left a union in 1993, one under occupation for a while.
        let petrarch = "ARVENIA_ [ARV]\n+ARVENIAN_\n+PORT_SELWYN_\n\t[USRARV <930101]\n\t[ARV >930101]\nKOSTOVA_\n\t[KSTOCC 100101-120101]\n\t[KST >120101]\nTOMAS_VERIN_\n\t[ARVGOV 150101-190101]\n";
        let mut d = ActorDictionary::new();
        assert_eq!(d.add_petrarch(petrarch), 3);
        assert_eq!(d.lookup("Port Selwyn").unwrap().kind, ActorKind::Country);
        assert_eq!(d.lookup("Kostova").unwrap().kind, ActorKind::Country);
        assert_eq!(
            d.lookup("Kostova").unwrap().code_on(Some(20110601)),
            Some(("KST".into(), Some("OCC".into())))
        );
        assert_eq!(d.lookup("Tomas Verin").unwrap().kind, ActorKind::Person);
    }

    #[test]
    fn actors_petrarch_sectors_become_plover_sectors() {
        let mut d = ActorDictionary::new();
        d.add_petrarch(
            "EXAMPLE_WIRE_SERVICE_ [~MED]\nEXAMPLE_CLINIC_ [KENHLH]\nEXAMPLE_AGENCY\n\t[MED]\n",
        );
        let agency = d.resolve("Example Agency", EntityKind::Org, None).unwrap();
        assert_eq!(
            (agency.code.as_str(), agency.sector.as_deref()),
            ("---", Some("JRN"))
        );
        let wire = d
            .resolve("Example Wire Service", EntityKind::Org, None)
            .unwrap();
        assert_eq!(
            (wire.code.as_str(), wire.sector.as_deref()),
            ("---", Some("JRN"))
        );
        let clinic = d.resolve("Example Clinic", EntityKind::Org, None).unwrap();
        assert_eq!(
            (clinic.code.as_str(), clinic.sector.as_deref()),
            ("KEN", Some("MED"))
        );
    }

    /// A name mention of `kind` over `tokens`, with no actor yet.
    fn mention(
        doc: &Document,
        tokens: std::ops::Range<usize>,
        kind: EntityKind,
    ) -> kestrel_core::Entity {
        kestrel_core::Entity {
            span: Span::new(
                doc.tokens[tokens.start].span.start,
                doc.tokens[tokens.end - 1].span.end,
            ),
            sentence: 0,
            tokens,
            kind,
            actor: None,
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        }
    }

    /// Each entity's words and its actor's code (every entity must have one).
    fn names_and_codes(doc: &Document) -> Vec<(&str, &str)> {
        doc.entities
            .iter()
            .map(|e| (doc.slice(e.span), e.actor.as_ref().unwrap().code.as_str()))
            .collect()
    }

    fn entity(doc: &Document, text: &str, nth: usize, kind: EntityKind) -> kestrel_core::Entity {
        let start = doc.text.match_indices(text).nth(nth).unwrap().0;
        kestrel_core::Entity {
            span: kestrel_core::Span::new(start, start + text.len()),
            sentence: 0,
            tokens: 0..0,
            kind,
            actor: None,
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        }
    }

    #[test]
    fn actors_one_name_typed_two_ways_is_one_cluster() {
        let text = "Velmar won. Velmar spoke. Velmar voted. Dutch firms left. Dutch stayed.";
        let mut doc = Document::new("t", text);
        doc.entities = vec![
            entity(&doc, "Velmar", 0, EntityKind::Gpe),
            entity(&doc, "Velmar", 1, EntityKind::Person),
            entity(&doc, "Velmar", 2, EntityKind::Org),
            entity(&doc, "Dutch", 0, EntityKind::Norp),
            entity(&doc, "Dutch", 1, EntityKind::Person),
        ];
        cluster_by_name(&mut doc);
        let clusters: Vec<Option<usize>> = doc.entities.iter().map(|e| e.cluster).collect();
        // A nationality stays apart from a name that happens to be spelt the same.
        assert_eq!(clusters, [Some(0), Some(0), Some(0), Some(3), Some(4)]);
    }

    #[test]
    fn actors_clusters_surnames_and_shares_actors() {
        let mut d = ActorDictionary::new();
        d.add_tsv(TSV, "test").unwrap();
        let text =
            "Ruiz spoke first. Amina Odhiambo met Carlos Ruiz. Odhiambo left; Ana Ruiz stayed.";
        let mut doc = Document::new("t", text);
        doc.published = Some("2021-05-01".into());
        for (t, nth) in [
            ("Ruiz", 0),
            ("Amina Odhiambo", 0),
            ("Carlos Ruiz", 0),
            ("Odhiambo", 1),
            ("Ana Ruiz", 0),
        ] {
            let e = entity(&doc, t, nth, EntityKind::Person);
            doc.entities.push(e);
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let clusters: Vec<usize> = doc.entities.iter().map(|e| e.cluster.unwrap()).collect();
        // "Ruiz" before any full name joins the first full name with that surname, Carlos Ruiz;
        // "Odhiambo" joins "Amina Odhiambo"; Ana Ruiz is someone else.
        assert_eq!(clusters, [0, 1, 0, 1, 4]);
        assert_eq!(doc.entities[3].actor.as_ref().unwrap().code, "KEN");
    }

    #[test]
    fn actors_place_kinds_come_from_the_gazetteer() {
        let gazetteer = kestrel_places::Gazetteer::from_tsv(
            "1\tcountry\tValdoria\tVAL\t\t10.0\t20.0\t5000000\t\n\
             2\tcity\tPortmere\tVAL\tCoast\t10.5\t20.5\t300000\t\n\
             3\tadmin1\tCoast\tVAL\tCoast\t10.4\t20.4\t900000\t\n\
             4\tadmin2\tPortmere\tVAL\tCoast\t10.5\t20.5\t0\t\n",
        );
        let text = "Portmere, Coast, Valdoria, Arlo, Arlo Hills, Valdorian";
        let mut doc = Document::new("d", text);
        let mention = |word: &str, kind: EntityKind, country: Option<&str>| {
            let start = text.find(word).unwrap();
            Entity {
                span: Span::new(start, start + word.len()),
                sentence: 0,
                tokens: 0..1,
                kind,
                actor: country.map(|c| ActorCode {
                    code: c.into(),
                    sector: None,
                    name: String::new(),
                    source: ActorSource::Dictionary,
                }),
                cluster: None,
                mention: MentionKind::Name,
            }
        };
        doc.entities = vec![
            mention("Portmere", EntityKind::Gpe, None),
            mention("Coast", EntityKind::Gpe, None),
            mention("Valdoria", EntityKind::Gpe, None),
            mention("Arlo", EntityKind::Gpe, None),
            mention("Arlo Hills", EntityKind::Loc, None),
            mention("Valdorian", EntityKind::Gpe, Some("VAL")),
        ];
        let kinds = place_kinds(&doc, &gazetteer);
        let town = PlaceKinds {
            town: true,
            ..PlaceKinds::default()
        };
        let small_town = PlaceKinds {
            town: true,
            small: true,
            ..PlaceKinds::default()
        };
        let region = PlaceKinds {
            state: true,
            region: true,
            ..PlaceKinds::default()
        };
        // A town named for its district is the town; a country is no town nor region; a
        // place the gazetteer lacks is a town when named as one (GPE), unless the dictionary
        // files it under a country.
        assert_eq!(
            kinds,
            [
                town,
                region,
                PlaceKinds::default(),
                small_town,
                PlaceKinds::default(),
                PlaceKinds::default()
            ]
        );
    }

    #[test]
    fn actors_places_filed_under_a_country_cluster_apart_from_it() {
        // A made-up country whose dictionary entry, like PETRARCH's, lists a region and a
        // city among its names; "UVR" is its initials and "Velor" one of its words.
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tUnited Velor Republic\tVelor|UVR|Northmark|Port Asca\tUVR\n",
            "test",
        )
        .unwrap();
        let text = "Velor and Northmark. The UVR and Port Asca. The United Velor Republic.";
        let mut doc = Document::new("t", text);
        kestrel_core::Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        for t in [
            "Velor",
            "Northmark",
            "UVR",
            "Port Asca",
            "United Velor Republic",
        ] {
            let mut e = entity(&doc, t, 0, EntityKind::Gpe);
            let inside: Vec<usize> = (0..doc.tokens.len())
                .filter(|&k| {
                    e.span.start <= doc.tokens[k].span.start && doc.tokens[k].span.end <= e.span.end
                })
                .collect();
            e.tokens = inside[0]..inside[inside.len() - 1] + 1;
            e.sentence = doc
                .sentences
                .iter()
                .position(|s| s.tokens.contains(&inside[0]))
                .unwrap();
            doc.entities.push(e);
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let codes: Vec<&str> = doc
            .entities
            .iter()
            .map(|e| e.actor.as_ref().unwrap().code.as_str())
            .collect();
        assert_eq!(codes, ["UVR"; 5]);
        let clusters: Vec<usize> = doc.entities.iter().map(|e| e.cluster.unwrap()).collect();
        assert_eq!(clusters, [0, 1, 0, 3, 0]);
    }

    #[test]
    fn actors_forms_of_a_countrys_name() {
        let code = |code: &str, name: &str| ActorCode {
            code: code.into(),
            sector: None,
            name: name.into(),
            source: ActorSource::Dictionary,
        };
        let usa = code("USA", "United States of America");
        for text in [
            "US",
            "U.S.",
            "USA",
            "America",
            "United States",
            "the United States",
        ] {
            assert!(names_the_country(text, &usa), "{text}");
        }
        for text in ["Houston", "us", "Texas"] {
            assert!(!names_the_country(text, &usa), "{text}");
        }
        let gbr = code("GBR", "United Kingdom");
        assert!(names_the_country("Britain", &gbr) && names_the_country("U.K.", &gbr));
        assert!(!names_the_country("Wales", &gbr));
    }

    /// The codes the actor stage gives person mentions (`-` for none), given a dictionary.
    fn person_codes(tsv: &str, text: &str, mentions: &[(&str, usize)]) -> Vec<String> {
        let mut d = ActorDictionary::new();
        d.add_tsv(tsv, "t").unwrap();
        let mut doc = Document::new("t", text);
        for &(t, nth) in mentions {
            let e = entity(&doc, t, nth, EntityKind::Person);
            doc.entities.push(e);
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        doc.entities
            .iter()
            .map(|e| e.actor.as_ref().map_or("-".into(), |a| a.code.clone()))
            .collect()
    }

    #[test]
    fn actors_a_bare_surname_is_the_person_of_the_storys_country() {
        // A long imported list, then a short list whose surnames are indexed.
        let long = "country\tKenya\t\tKEN\ncountry\tUganda\t\tUGA\ncountry\tGhana\t\tGHA\n\
                    country\tTogo\t\tTGO\n\
                    person\tGrace Wekesa\t\tGHAGOV 2000-01-01..2005-01-01\n\
                    person\tAma Nartey\t\tTGOGOV 2000-01-01..2005-01-01\n\
                    person\tYao Nartey\t\tTGOGOV 2001-01-01..2006-01-01\n\
                    person\tEsi Boateng\t\tGHAGOV 2000-01-01..2005-01-01\n";
        let short = "person\tAmos Wekesa\t\tKENGOV 2010-01-01..2030-01-01\n\
                     person\tRuth Wekesa\t\tUGAGOV 2010-01-01..2030-01-01\n\
                     person\tKofi Nartey\t\tGHAGOV 2010-01-01..2030-01-01\n";
        let mut d = ActorDictionary::new();
        d.add_tsv(long, "long").unwrap();
        let before = d.len();
        d.add_tsv(short, "short").unwrap();
        d.index_surnames(before);
        assert_eq!(d.surname_namesakes("Wekesa", None).len(), 2);
        assert_eq!(d.surname_bearers("Nartey", "TGO", None).len(), 2);
        let d = Arc::new(d);
        let name_of = |text: &str, surname: &str, countries: &[&str]| {
            let mut doc = Document::new("t", text);
            kestrel_core::Pipeline::with_stage_names(&["segment"])
                .unwrap()
                .run(&mut doc);
            for c in countries {
                doc.entities.push(entity(&doc, c, 0, EntityKind::Gpe));
            }
            doc.entities
                .push(entity(&doc, surname, 0, EntityKind::Person));
            ActorStage::new(d.clone()).process(&mut doc);
            let e = doc
                .entities
                .iter()
                .find(|e| doc.slice(e.span) == surname)
                .unwrap();
            e.actor.as_ref().map(|a| a.name.clone())
        };
        let cases: [(&str, &str, &[&str], Option<&str>); 8] = [
            // The short list's people of the story's country.
            (
                "Uganda voted. Mr Wekesa won.",
                "Wekesa",
                &["Uganda"],
                Some("Ruth Wekesa"),
            ),
            (
                "Kenya voted. Mr Wekesa won.",
                "Wekesa",
                &["Kenya"],
                Some("Amos Wekesa"),
            ),
            // Else the long list's one bearer of the story's country.
            (
                "Ghana voted. Mr Wekesa won.",
                "Wekesa",
                &["Ghana"],
                Some("Grace Wekesa"),
            ),
            // Two bearers there: no one.
            ("Togo voted. Mr Nartey won.", "Nartey", &["Togo"], None),
            // None there: the short list's reading ("Nartey" in Kenya is Ghana's still).
            (
                "Kenya voted. Mr Nartey won.",
                "Nartey",
                &["Kenya"],
                Some("Kofi Nartey"),
            ),
            ("Mr Nartey won.", "Nartey", &[], Some("Kofi Nartey")),
            // A surname only the long list knows, after an honorific: its one bearer of the
            // story's country; without the honorific, no one (a firm's name, perhaps).
            (
                "Ghana voted. Mr Boateng won.",
                "Boateng",
                &["Ghana"],
                Some("Esi Boateng"),
            ),
            ("Ghana voted. Boateng won.", "Boateng", &["Ghana"], None),
        ];
        for (text, surname, countries, expected) in cases {
            assert_eq!(
                name_of(text, surname, countries).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn actors_a_name_two_countries_share_is_the_storys_countrys() {
        let tsv = "country\tKenya\t\tKEN\ncountry\tUganda\t\tUGA\n\
                   org\tUganda Green Party\tGreens\tUGAPTY\norg\tKenya Green Party\tGreens\tKENPTY\n";
        let mut d = ActorDictionary::new();
        d.add_tsv(tsv, "t").unwrap();
        let namesakes: Vec<String> = d
            .namesakes("Greens", None)
            .into_iter()
            .map(|a| a.code)
            .collect();
        assert_eq!(namesakes.len(), 2, "{namesakes:?}");
        assert!(d.namesakes("Kenya", None).is_empty());
        let d = Arc::new(d);
        let greens = |text: &str, countries: &[&str]| {
            let mut doc = Document::new("t", text);
            kestrel_core::Pipeline::with_stage_names(&["segment"])
                .unwrap()
                .run(&mut doc);
            for (k, c) in countries.iter().enumerate() {
                let nth = countries[..k].iter().filter(|x| *x == c).count();
                doc.entities.push(entity(&doc, c, nth, EntityKind::Gpe));
            }
            doc.entities
                .push(entity(&doc, "Greens", 0, EntityKind::Org));
            ActorStage::new(d.clone()).process(&mut doc);
            let e = doc
                .entities
                .iter()
                .find(|e| doc.slice(e.span) == "Greens")
                .unwrap();
            e.actor.as_ref().unwrap().code.clone()
        };
        // Whichever entry is listed last, the story decides.
        assert_eq!(greens("Uganda voted. The Greens won.", &["Uganda"]), "UGA");
        assert_eq!(greens("Kenya voted. The Greens won.", &["Kenya"]), "KEN");
        assert_eq!(
            greens(
                "Uganda and Kenya voted. Kenya won. The Greens won.",
                &["Uganda", "Kenya", "Kenya"]
            ),
            "KEN"
        );
        assert_eq!(
            greens(
                "Kenya and Uganda voted. Uganda won. The Greens won.",
                &["Kenya", "Uganda", "Uganda"]
            ),
            "UGA"
        );
        // With no country named, or two named as often, the dictionary's own choice (the
        // entry listed last); with only another country named, no one's.
        assert_eq!(greens("The Greens won.", &[]), "KEN");
        let tsv_ghana = format!("{tsv}country\tGhana\t\tGHA\n");
        let mut with_ghana = ActorDictionary::new();
        with_ghana.add_tsv(&tsv_ghana, "t").unwrap();
        let mut doc = Document::new("t", "Ghana voted. The Greens won.");
        kestrel_core::Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        doc.entities.push(entity(&doc, "Ghana", 0, EntityKind::Gpe));
        doc.entities
            .push(entity(&doc, "Greens", 0, EntityKind::Org));
        ActorStage::new(Arc::new(with_ghana)).process(&mut doc);
        for e in &doc.entities {
            let code = e.actor.as_ref().map(|a| a.code.as_str());
            let expected = (doc.slice(e.span) == "Ghana").then_some("GHA");
            assert_eq!(code, expected, "{}", doc.slice(e.span));
        }
        assert_eq!(
            greens(
                "Uganda and Kenya voted. The Greens won.",
                &["Uganda", "Kenya"]
            ),
            "KEN"
        );
        assert_eq!(
            greens(
                "Kenya and Uganda voted. The Greens won.",
                &["Kenya", "Uganda"]
            ),
            "KEN"
        );
    }

    #[test]
    fn actors_a_surname_after_a_rank_is_the_person_named_in_full_before() {
        let codes = person_codes(
            "person\tKofi Asamoah\t\tGHAMIL 2020-01-01..\n",
            "Kofi Asamoah spoke. Later General Asamoah left, and Admiral Vidal stayed.",
            &[
                ("Kofi Asamoah", 0),
                ("General Asamoah", 0),
                ("Admiral Vidal", 0),
            ],
        );
        assert_eq!(codes, ["GHA", "GHA", "-"]);
    }

    #[test]
    fn actors_a_surname_alone_is_the_person_named_in_full_before() {
        // The dictionary knows another Brenn by the bare surname; with no date to choose by,
        // the article's own "Tomas Brenn" says who "Brenn" is.
        let codes = person_codes(
            "person\tTomas Brenn\t\tVLRGOV 1990-01-01..2000-12-31\n\
person\tIlse Brenn\tBrenn\tNRLGOV 2020-01-01..\n",
            "Tomas Brenn spoke. Later Brenn left.",
            &[("Tomas Brenn", 0), ("Brenn", 1)],
        );
        assert_eq!(codes, ["VLR", "VLR"]);
    }

    #[test]
    fn actors_a_full_name_the_dictionary_lacks_stays_unknown_whoever_its_surname_is() {
        let codes = person_codes(
            "person\tIlse Brenn\tBrenn\tNRLGOV 2020-01-01..\n",
            "Reporter Tomas Brenn spoke. Later Brenn left.",
            &[("Tomas Brenn", 0), ("Brenn", 1)],
        );
        assert_eq!(codes, ["-", "-"]);
    }

    #[test]
    fn actors_a_surname_after_a_title_is_found_by_the_title() {
        let codes = person_codes(
            "person\tRonaldo Vasquez\tPresident Vasquez\tVLRGOV 1990-01-01..\n",
            "President Vasquez spoke. Then Vasquez left.",
            &[("Vasquez", 0), ("Vasquez", 1)],
        );
        // The second takes the first's actor through their cluster.
        assert_eq!(codes, ["VLR", "VLR"]);
        assert_eq!(
            with_title_before("He met Prime Minister Ada", 22),
            Some("Prime Minister ")
        );
        assert_eq!(with_title_before("He met Ada", 7), None);
        assert_eq!(with_title_before("He met Prince Ada", 14), Some("Prince "));
    }

    #[test]
    fn actors_surnames_resolve_by_date_and_dictionary_names_become_mentions() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tGrace Okafor\t\tNGAGOV 2010-01-01..2014-12-31\n\
person\tDaniel Okafor\t\tNGAGOV 2019-01-01..2023-12-31\n\
country\tKenya\t\tKEN\norg\tExample League\tEXL\tIGOEXL\n",
            "t",
        )
        .unwrap();
        d.index_surnames(0);
        let on = |date| {
            d.resolve("Okafor", EntityKind::Person, parse_date(date))
                .map(|a| a.name)
        };
        assert_eq!(on("2012-03-01").as_deref(), Some("Grace Okafor"));
        assert_eq!(on("2020-03-01").as_deref(), Some("Daniel Okafor"));
        // Out of both terms, or with no date, the surname is ambiguous.
        assert_eq!(on("2017-03-01"), None);
        assert_eq!(d.resolve("Okafor", EntityKind::Person, None), None);

        // Names the entity model missed: countries, organisations, full names of people.
        let mut doc = Document::new(
            "t",
            "Kenya and the Example League met Daniel Okafor. Okafor left.",
        );
        doc.published = Some("2020-03-01".into());
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        ActorStage::new(Arc::new(d)).process(&mut doc);
        assert_eq!(
            names_and_codes(&doc),
            [
                ("Kenya", "KEN"),
                ("Example League", "IGOEXL"),
                ("Daniel Okafor", "NGA")
            ]
        );
    }

    #[test]
    fn actors_a_function_word_or_a_portfolio_is_no_dictionary_name() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "org\tWorld Health Organization\tWHO\tIGOUNOMEDWHO\n\
org\tLabour Party\tLabour\tGBRPTY\n",
            "t",
        )
        .unwrap();
        let mut doc = Document::new(
            "t",
            "Who approved it? The WHO did. Labour Minister Okafor and Labour agreed.",
        );
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        // As the tagger reads both: a pronoun, whatever their capitals.
        for token in doc.tokens.iter_mut() {
            if doc.text[token.span.range()].eq_ignore_ascii_case("who") {
                token.upos = Some("PRON".into());
            }
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let found: Vec<usize> = doc.entities.iter().map(|e| e.span.start).collect();
        // Nor is a portfolio: only the second "Labour" is the party.
        let party = doc.text.rfind("Labour").unwrap();
        assert_eq!(found, [doc.text.find("WHO").unwrap(), party]);
    }

    #[test]
    fn actors_a_leaders_surname_before_administration_names_the_government() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tGrace Okafor\t\tNGAGOV 2010-01-01..2014-12-31\n\
person\tDaniel Okafor\t\tNGAGOV 2019-01-01..2023-12-31\n\
person\tLena Brandt\t\tDEUGOV 2001-01-01..2005-12-31\n\
person\tOtto Brandt\t\tAUTGOV 2008-01-01..2010-12-31\n",
            "t",
        )
        .unwrap();
        d.index_surnames(0);
        let code = |text: &str, word: &str| {
            let mut doc = Document::new("t", text);
            doc.published = Some("2017-03-01".into());
            kestrel_core::pipeline::SegmentStage.process(&mut doc);
            let at = doc
                .tokens
                .iter()
                .position(|t| doc.slice(t.span) == word)
                .unwrap();
            doc.entities
                .push(mention(&doc, at..at + 1, EntityKind::Person));
            ActorStage::new(Arc::new(d.clone())).process(&mut doc);
            doc.entities[0]
                .actor
                .as_ref()
                .map(|a| format!("{}{}", a.code, a.sector.as_deref().unwrap_or("")))
        };
        // Between both Okafors' terms: either way Nigeria's government.
        assert_eq!(
            code("The Okafor administration cut taxes.", "Okafor").as_deref(),
            Some("NGAGOV")
        );
        // Two Brandts governed two countries: no way to tell.
        assert_eq!(code("The Brandt government fell.", "Brandt"), None);
        // Not before a word for a government.
        assert_eq!(code("Okafor spoke.", "Okafor"), None);
    }

    #[test]
    fn actors_widen_a_mention_to_the_dictionary_name_around_it() {
        let mut d = ActorDictionary::new();
        d.add_tsv("org\tHarbour Street\t\tKENGOV\n", "t").unwrap();
        let mut doc = Document::new("t", "Officials at Harbour Street denied it.");
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        // The entity model found only "Street".
        let at = doc
            .tokens
            .iter()
            .position(|t| doc.slice(t.span) == "Street")
            .unwrap();
        doc.entities
            .push(mention(&doc, at..at + 1, EntityKind::Person));
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let e = &doc.entities[0];
        assert_eq!(doc.slice(e.span), "Harbour Street");
        assert_eq!(e.kind, EntityKind::Org);
        assert_eq!(e.actor.as_ref().unwrap().code, "KEN");
    }

    #[test]
    fn actors_a_name_the_recogniser_split_in_two_is_joined() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tKostova\t\tKST\ncountry\tFree Republic of Kostova\t\tFRK\n\
country\tVelmora\t\tVLM\n",
            "t",
        )
        .unwrap();
        let text = "The Free Republic of Kostova and Velmora signed.";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let at = |word: &str| {
            doc.tokens
                .iter()
                .position(|t| doc.slice(t.span) == word)
                .unwrap()
        };
        let (free, kostova, velmora) = (at("Free"), at("Kostova"), at("Velmora"));
        let found = vec![
            mention(&doc, free..free + 2, EntityKind::Loc),
            mention(&doc, kostova..kostova + 1, EntityKind::Gpe),
            mention(&doc, velmora..velmora + 1, EntityKind::Gpe),
        ];
        doc.entities = found;
        ActorStage::new(Arc::new(d)).process(&mut doc);
        // Two names each known alone stay apart ("Kostova and Velmora" is no name).
        assert_eq!(
            names_and_codes(&doc),
            [("Free Republic of Kostova", "FRK"), ("Velmora", "VLM")]
        );
    }

    /// The code and sector of entity `i`'s actor.
    fn code_and_sector(doc: &Document, i: usize) -> Option<(String, Option<String>)> {
        doc.entities[i]
            .actor
            .as_ref()
            .map(|a| (a.code.clone(), a.sector.clone()))
    }

    /// The tokens of the first run of words spelling `name` (words split at spaces).
    fn tokens_of(doc: &Document, name: &str) -> std::ops::Range<usize> {
        let words: Vec<&str> = name.split(' ').collect();
        let k = (0..doc.tokens.len())
            .find(|&k| {
                words.iter().enumerate().all(|(j, w)| {
                    doc.tokens
                        .get(k + j)
                        .is_some_and(|t| doc.slice(t.span) == *w)
                })
            })
            .unwrap();
        k..k + words.len()
    }

    #[test]
    fn actors_a_ministry_with_no_country_in_its_name_is_the_storys_countrys() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        let text = "Kostova voted . The Department for Transport and the Treasury Select \
                    Committee met the European Department and the Police Department .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let kostova = tokens_of(&doc, "Kostova");
        doc.entities.push(mention(&doc, kostova, EntityKind::Gpe));
        for name in [
            "Department for Transport",
            "Treasury Select Committee",
            "European Department",
            "Police Department",
        ] {
            let tokens = tokens_of(&doc, name);
            doc.entities.push(mention(&doc, tokens, EntityKind::Org));
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        assert_eq!(code(1), Some(("KST".into(), Some("GOV".into()))));
        assert_eq!(code(2), Some(("KST".into(), Some("LEG".into()))));
        assert_eq!(code(3), None, "a bank's or a fund's department");
        assert_eq!(code(4), None, "a town's service");
    }

    #[test]
    fn actors_a_known_body_ending_a_longer_name_is_not_that_body() {
        let mut d = ActorDictionary::new();
        d.add_tsv("org\tUnion\t\tKSTLAB\norg\tGuild\t\tKSTLAB\n", "t")
            .unwrap();
        let text = "The Velora Writers Union met the Guild .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let writers = tokens_of(&doc, "Writers");
        doc.tokens[writers.start].upos = Some("NOUN".into());
        doc.entities
            .push(mention(&doc, writers.end..writers.end + 1, EntityKind::Org));
        doc.entities.push(mention(&doc, 6..7, EntityKind::Org));
        ActorStage::new(Arc::new(d)).process(&mut doc);
        assert_eq!(code_and_sector(&doc, 0), None, "the writers' union");
        assert_eq!(
            code_and_sector(&doc, 1),
            Some(("KST".into(), Some("LAB".into())))
        );
    }

    #[test]
    fn actors_a_legislatures_name_a_party_shares_goes_to_the_storys_country() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tKostova\tKostovan\tKST\ncountry\tVelora\tVeloran\tVLR\n\
             org\tCongress\t\tKSTLEG\norg\tVeloran Congress Party\tCongress\tVLRPTY\n",
            "t",
        )
        .unwrap();
        let code = |text: &str, country: &str| {
            let mut doc = Document::new("t", text);
            kestrel_core::pipeline::SegmentStage.process(&mut doc);
            let named = tokens_of(&doc, country);
            doc.entities.push(mention(&doc, named, EntityKind::Gpe));
            let congress = tokens_of(&doc, "Congress");
            doc.entities.push(mention(&doc, congress, EntityKind::Org));
            ActorStage::new(Arc::new(d.clone())).process(&mut doc);
            code_and_sector(&doc, 1)
        };
        assert_eq!(
            code("Velora voted and Congress won .", "Velora"),
            Some(("VLR".into(), Some("PTY".into())))
        );
        assert_eq!(
            code("Kostova voted and Congress won .", "Kostova"),
            Some(("KST".into(), Some("LEG".into())))
        );
    }

    #[test]
    fn actors_a_states_court_is_the_storys_countrys_judiciary() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        let text = "Kostova voted . The High Court , the Court of Appeal and the Appeal Court \
                    sat near Hampton Court and the Court of Auditors .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let kostova = tokens_of(&doc, "Kostova");
        doc.entities.push(mention(&doc, kostova, EntityKind::Gpe));
        for name in [
            "High Court",
            "Court of Appeal",
            "Appeal Court",
            "Hampton Court",
            "Court of Auditors",
        ] {
            let tokens = tokens_of(&doc, name);
            doc.entities.push(mention(&doc, tokens, EntityKind::Org));
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        let kostova_jud = Some(("KST".into(), Some("JUD".into())));
        assert_eq!(code(1), kostova_jud);
        assert_eq!(code(2), kostova_jud);
        assert_eq!(code(3), kostova_jud);
        assert_eq!(code(4), None, "a palace named for a court");
        assert_eq!(code(5), None, "auditors are no court of law");
    }

    #[test]
    fn actors_a_court_after_its_countrys_name_is_that_countrys() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tKostova\tKostovan\tKST\ncountry\tVelora\tVeloran\tVLR\n",
            "t",
        )
        .unwrap();
        let text = "Kostova voted . Kostovan judges met the Velora Supreme Court .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for (name, kind) in [
            ("Kostova", EntityKind::Gpe),
            ("Kostovan", EntityKind::Norp),
            ("Velora", EntityKind::Gpe),
            ("Supreme Court", EntityKind::Org),
        ] {
            let tokens = tokens_of(&doc, name);
            let mut m = mention(&doc, tokens, kind);
            m.sentence = usize::from(name != "Kostova");
            doc.entities.push(m);
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        assert_eq!(
            code_and_sector(&doc, 3),
            Some(("VLR".into(), Some("JUD".into()))),
            "the country before the court, not the story's"
        );
    }

    #[test]
    fn actors_a_states_agencies_and_watchdogs_are_the_storys_countrys() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        let text = "Kostova voted . The National Audit Office , the Electoral Commission , the \
                    National Executive and the Trade Commission met the Travel Agency .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let kostova = tokens_of(&doc, "Kostova");
        doc.entities.push(mention(&doc, kostova, EntityKind::Gpe));
        for name in [
            "National Audit Office",
            "Electoral Commission",
            "National Executive",
            "Trade Commission",
            "Travel Agency",
        ] {
            let tokens = tokens_of(&doc, name);
            doc.entities.push(mention(&doc, tokens, EntityKind::Org));
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        let kostova_gov = Some(("KST".into(), Some("GOV".into())));
        assert_eq!(code(1), kostova_gov);
        assert_eq!(code(2), kostova_gov);
        assert_eq!(code(3), None, "a party's executive");
        assert_eq!(code(4), kostova_gov);
        assert_eq!(code(5), None, "a business");
    }

    #[test]
    fn actors_a_countrys_institution_takes_its_country_and_sector() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        d.add_tsv("country\tGeorgia\tGeorgian\tGEO\n", "t").unwrap();
        let text = "The Kostovan Supreme Court and Kostova's Defence Ministry met Kostova Power, \
                    the Kostova Electoral Commission and the Georgia Senate.";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let org = |doc: &Document, name: &str| mention(doc, tokens_of(doc, name), EntityKind::Org);
        for name in [
            "Kostovan Supreme Court",
            "Defence Ministry",
            "Kostova Power",
            "Kostova Electoral Commission",
            "Georgia Senate",
        ] {
            let e = org(&doc, name);
            doc.entities.push(e);
        }
        let k = doc
            .tokens
            .iter()
            .position(|t| doc.slice(t.span) == "Kostova")
            .unwrap();
        doc.entities.push(mention(&doc, k..k + 1, EntityKind::Gpe));
        for t in &mut doc.tokens {
            t.lemma = Some(doc.text[t.span.range()].to_lowercase());
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        assert_eq!(code(0), Some(("KST".into(), Some("JUD".into()))));
        assert_eq!(code(1), Some(("KST".into(), Some("GOV".into()))));
        assert_eq!(code(2), None, "a company named for the country");
        assert_eq!(code(3), Some(("KST".into(), Some("GOV".into()))));
        assert_eq!(code(4), None, "Georgia is also a US state");
    }

    #[test]
    fn actors_a_known_body_after_its_country_or_an_unknown_place_is_that_body() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        d.add_tsv("country\tArvenia\tArvenian\tARV\n", "t").unwrap();
        d.add_tsv("org\tGreen Union Party\t\tKSTPTY\n", "t")
            .unwrap();
        let text = "The Kostovan Green Union Party , the Dravik Green Union Party , the \
                    Arvenian Green Union Party met .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for name in [
            "Kostovan Green Union Party",
            "Dravik Green Union Party",
            "Arvenian Green Union Party",
        ] {
            let tokens = tokens_of(&doc, name);
            doc.entities.push(mention(&doc, tokens, EntityKind::Org));
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        let party = Some(("KST".into(), Some("PTY".into())));
        assert_eq!(code(0), party);
        assert_eq!(code(1), party, "a town the dictionary does not know");
        // Another country's party of that name is that country's (`bodies_of_a_country`).
        assert_eq!(code(2), Some(("ARV".into(), Some("PTY".into()))));
    }

    #[test]
    fn actors_a_company_read_as_a_person_or_place_is_an_organisation() {
        let mut d = ActorDictionary::new();
        d.add_tsv("org\tZorvex Motors\t\tMNCKST\n", "t").unwrap();
        d.add_tsv("org\tKestamo\t\tMNCKST\n", "t").unwrap();
        d.add_tsv("country\tLondon\t\tGBR\n", "t").unwrap();
        let text = "Zorvex Motors and Kestamo grew . Zorvex fell , London Motors rose and Luis \
                    Kestamo spoke . Kestamo smiled .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for (name, kind) in [
            ("Zorvex Motors", EntityKind::Person),
            ("Kestamo", EntityKind::Gpe),
            ("Zorvex", EntityKind::Person),
            ("London", EntityKind::Gpe),
            ("Luis Kestamo", EntityKind::Person),
        ] {
            let e = mention(&doc, tokens_of(&doc, name), kind);
            doc.entities.push(e);
        }
        let last = doc.tokens.len() - 3;
        doc.entities
            .push(mention(&doc, last..last + 1, EntityKind::Person));
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let kinds: Vec<EntityKind> = doc.entities.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntityKind::Org,
                EntityKind::Org,
                // The first word of a company's name, standing alone.
                EntityKind::Org,
                // A word that names something else.
                EntityKind::Gpe,
                EntityKind::Person,
                // The last "Kestamo": a person's surname in this story.
                EntityKind::Person,
            ]
        );
        assert_eq!(code_and_sector(&doc, 2).map(|c| c.0), Some("MNCKST".into()));
    }

    #[test]
    fn actors_an_acronym_joins_the_organisation_it_abbreviates() {
        let mut d = ActorDictionary::new();
        d.add_tsv("org\tKostova Audit Office\t\tKSTGOV\n", "t")
            .unwrap();
        d.add_tsv("org\tKostova Arms Office\tKAO\tKSTMIL\n", "t")
            .unwrap();
        let text = "The Kostova Audit Office ( KAO ) met the Zorvex Trade Union . The ZTU and \
                    the KAO left .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for name in ["Kostova Audit Office", "KAO", "Zorvex Trade Union", "ZTU"] {
            let e = mention(&doc, tokens_of(&doc, name), EntityKind::Org);
            doc.entities.push(e);
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let cluster = |i: usize| doc.entities[i].cluster;
        // The union's acronym joins it; "KAO", which the dictionary codes as another body,
        // stays apart from the audit office.
        assert_eq!(cluster(3), cluster(2));
        assert_ne!(cluster(1), cluster(0));
        assert_eq!(initials("Bank of England").as_deref(), Some("BE"));
        assert_eq!(acronym("U.N.").as_deref(), Some("UN"));
        assert_eq!(acronym("Nato"), None);
    }

    #[test]
    fn actors_a_partys_people_take_its_country() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        d.add_tsv("org\tKostovan Unity Party\tUnity\tKSTPTY\n", "t")
            .unwrap();
        let text = "Unity MPs and Unity activists met the Unity Trust.";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for name in ["Unity MPs", "Unity activists", "Unity Trust"] {
            let e = mention(&doc, tokens_of(&doc, name), EntityKind::Org);
            doc.entities.push(e);
        }
        for t in &mut doc.tokens {
            let lemma = doc.text[t.span.range()].to_lowercase();
            t.lemma = Some(lemma.strip_suffix('s').unwrap_or(&lemma).to_string());
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let code = |i: usize| code_and_sector(&doc, i);
        assert_eq!(code(0), Some(("KST".into(), Some("LEG".into()))));
        assert_eq!(code(1), Some(("KST".into(), Some("PTY".into()))));
        assert_eq!(code(2), None, "no noun for the party's people");
    }

    #[test]
    fn actors_a_people_named_with_a_nationality_is_of_its_country() {
        let mut d = ActorDictionary::new();
        d.add_tsv("country\tKostova\tKostovan\tKST\n", "t").unwrap();
        let text = "Kostovan Velds marched and Kostovan Airlines flew.";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for (at, kind) in [(0, EntityKind::Person), (4, EntityKind::Org)] {
            doc.entities.push(mention(&doc, at..at + 2, kind));
        }
        ActorStage::new(Arc::new(d)).process(&mut doc);
        let people = &doc.entities[0];
        assert_eq!(people.kind, EntityKind::Norp);
        assert_eq!(people.actor.as_ref().map(|a| a.code.as_str()), Some("KST"));
        assert!(
            doc.entities[1].actor.is_none(),
            "an organisation stays as it is"
        );
    }

    #[test]
    fn actors_ethnic_groups_live_where_the_story_places_them() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tKostova\tKostovan|Kostovans\tKST\ncountry\tVeldia\tVeldian|Veldians\tVLD\n",
            "t",
        )
        .unwrap();
        let groups =
            EthnicGroups::from_tsv("Marrun\tMarruns\tKST|VLD\nOrdu\tOrdus\tKST\n").unwrap();
        let coded = |text: &str, marks: &[(usize, EntityKind)]| {
            let mut doc = Document::new("t", text);
            kestrel_core::pipeline::SegmentStage.process(&mut doc);
            for &(at, kind) in marks {
                let mut m = mention(&doc, at..at + 1, kind);
                m.actor = d.resolve(&doc.text[m.span.range()], kind, None);
                doc.entities.push(m);
            }
            code_ethnic_groups(&mut doc, &groups, &d, None);
            doc.entities
                .iter()
                .map(|e| e.actor.as_ref().map(|a| a.code.clone()))
                .collect::<Vec<_>>()
        };
        // A group takes the home its sentence names, else its first home.
        let some = |c: &str| Some(c.to_string());
        assert_eq!(
            coded(
                "Marruns marched in Veldia .",
                &[(0, EntityKind::Norp), (3, EntityKind::Gpe)]
            ),
            [some("VLD"), some("VLD")]
        );
        assert_eq!(
            coded("Marruns marched .", &[(0, EntityKind::Norp)]),
            [some("KST")]
        );
        // A nationality after "ethnic" is a minority where the story places it, and no
        // country at all when the story names none.
        assert_eq!(
            coded(
                "Kostova said ethnic Kostovans in Veldia marched .",
                &[
                    (0, EntityKind::Gpe),
                    (3, EntityKind::Norp),
                    (5, EntityKind::Gpe)
                ]
            ),
            [some("KST"), some("VLD"), some("VLD")]
        );
        assert_eq!(
            coded("Ethnic Kostovans marched .", &[(1, EntityKind::Norp)]),
            [None]
        );
        assert_eq!(
            coded("Kostovans marched .", &[(0, EntityKind::Norp)]),
            [some("KST")]
        );
        // A people after a nationality lives in the nationality's country; a civic
        // nationality is where they live.
        assert_eq!(
            coded(
                "Kostovan Veldians marched .",
                &[(0, EntityKind::Norp), (1, EntityKind::Norp)]
            ),
            [some("KST"), some("VLD")]
        );
        assert_eq!(
            coded(
                "Veldian Ordus marched .",
                &[(0, EntityKind::Norp), (1, EntityKind::Norp)]
            ),
            [some("VLD"), some("VLD")]
        );
    }

    #[test]
    fn actors_a_name_without_its_middle_names_or_with_another_article() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "person\tKarim Hadi Nasser al Tamimi\t\tKSTGOV 2001-01-01..\n\
person\tSamir Tamimi\t\tKSTLEG 2001-01-01..\n",
            "t",
        )
        .unwrap();
        let r = |t: &str| {
            d.resolve(t, EntityKind::Person, parse_date("2005-01-01"))
                .map(|a| a.name)
        };
        let karim = Some("Karim Hadi Nasser al Tamimi".to_string());
        assert_eq!(r("Karim Hadi al-Tamimi"), karim);
        assert_eq!(r("Karim Hadi El Tamimi"), karim);
        assert_eq!(r("Karim Nasser"), None);
        // Two words against a longer name: only for someone in office on the date.
        assert_eq!(r("Karim Tamimi"), karim);
        assert_eq!(
            d.resolve("Karim Tamimi", EntityKind::Person, parse_date("1999-01-01")),
            None
        );
        // Another given name, or words out of order, name someone else.
        assert_eq!(r("Nadia Tamimi"), None);
        assert_eq!(r("Karim Nasser Hadi al Tamimi"), None);
    }

    #[test]
    fn actors_a_place_widens_to_the_longer_name_of_another_country() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tVeldia\tthe Veldia\tVLD\ncountry\tNorth Veldia\t\tNVL\n",
            "t",
        )
        .unwrap();
        let text = "The Veldia team met North Veldia .";
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        for at in [1, 5] {
            let mut m = mention(&doc, at..at + 1, EntityKind::Gpe);
            m.actor = d.resolve(&doc.text[m.span.range()], EntityKind::Gpe, None);
            doc.entities.push(m);
        }
        widen_to_longer_place_names(&mut doc, &d, None);
        let names: Vec<(&str, &str)> = doc
            .entities
            .iter()
            .map(|e| {
                (
                    &doc.text[e.span.range()],
                    e.actor.as_ref().unwrap().code.as_str(),
                )
            })
            .collect();
        // "The Veldia" is no name: a sentence's opening "The" is not taken in.
        assert_eq!(names, [("Veldia", "VLD"), ("North Veldia", "NVL")]);
    }

    #[test]
    fn actors_curated_dictionary_is_large_and_consistent() {
        let curated = include_str!("../../../dictionaries/curated.tsv");
        let mut d = ActorDictionary::new();
        d.add_tsv(curated, "curated.tsv").unwrap();
        let roles: usize = d
            .actors()
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.roles.len())
            .sum();
        assert!(roles >= 1000, "{roles} person-role entries");
        // Codes need the country list, which lives in the imported dictionary; dates and
        // overlapping terms can be checked here.
        let problems: Vec<String> = d
            .check()
            .into_iter()
            .filter(|p| p.contains("before it starts") || p.contains("overlap"))
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn actors_builtin_knows_companies_news_organisations_and_parties() {
        let d = builtin().unwrap();
        let code = |name: &str| {
            d.resolve(name, EntityKind::Org, parse_date("2024-05-01"))
                .map(|a| format!("{} {}", a.code, a.sector.unwrap_or_default()))
        };
        assert_eq!(code("Huawei").as_deref(), Some("MNCCHN MNC"));
        assert_eq!(code("Sky News").as_deref(), Some("GBR JRN"));
        assert_eq!(code("Bharatiya Janata Party").as_deref(), Some("IND PTY"));
        assert_eq!(code("Tsinghua University").as_deref(), Some("CHN EDU"));
        assert_eq!(code("Home Office").as_deref(), Some("GBR GOV"));
        assert_eq!(code("Wagner Group").as_deref(), Some("RUS UAF"));
        assert_eq!(code("Bank of England").as_deref(), Some("GBR GOV"));
        // A name that an imported entry also holds keeps the imported code.
        assert_eq!(code("Apple Inc.").as_deref(), code("Apple Inc").as_deref());
    }

    #[test]
    fn actors_check_finds_problems() {
        let mut d = ActorDictionary::new();
        d.add_tsv(
            "country\tKenya\t\tKEN\nperson\tA B\tAB\tKENGOV 2020-01-01..2019-01-01\n\
person\tC D\tAB\tXYZGOV\norg\tExample League\t\tIGOEXL\n\
person\tE F\t\tKENGOV 2010-01-01..2015-01-01; KENGOV 2014-06-01..\n",
            "t",
        )
        .unwrap();
        let problems = d.check();
        assert!(problems.iter().any(|p| p.contains("ends")), "{problems:?}");
        assert!(
            problems.iter().any(|p| p.contains("unknown country XYZ")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("\"ab\" is shared")),
            "{problems:?}"
        );
        assert!(
            !problems.iter().any(|p| p.contains("Example League")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("E F: terms of KENGOV overlap")),
            "{problems:?}"
        );
    }

    #[test]
    fn actors_countries_capitals_and_demonyms() {
        let info = "#x\nKE\tKEN\t404\tKE\tKenya\tNairobi\nIR\tIRN\t364\tIR\tIran, Islamic Republic of\tTehran\n";
        let demonyms = "nationality,alpha_3_code\nKenyan,KEN\nIranian,IRN\n";
        let mut d = ActorDictionary::new();
        assert_eq!(d.add_countries(info, demonyms), 2);
        let c = d.resolve("Nairobi", EntityKind::Gpe, None).unwrap();
        assert_eq!((c.code.as_str(), c.sector.as_deref()), ("KEN", Some("GOV")));
        assert_eq!(
            d.resolve("Kenyans", EntityKind::Norp, None).unwrap().code,
            "KEN"
        );
        assert_eq!(
            d.resolve("Iran", EntityKind::Gpe, None).unwrap().code,
            "IRN"
        );
    }
}
