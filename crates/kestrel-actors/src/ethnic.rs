//! Ethnic groups as actors: "Hutu rebels", "Ibo elders", "ethnic Albanians in Serbia".
//!
//! An event coder codes a group by the country it lives in, and a group may live in several
//! (Hutus in Burundi and Rwanda): the story names which. A nationality after "ethnic" names a
//! minority outside its kin state, so "ethnic Albanians" in a story from Serbia are Serbia's.

use std::collections::HashMap;

use kestrel_core::document::{ActorCode, ActorSource, Document, Entity, EntityKind, MentionKind};
use kestrel_core::Span;

use crate::{capitalised, covered_by_entities, name_key, ActorDictionary, Date};

/// One ethnic group and the countries it lives in, the one with most of it first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EthnicGroup {
    /// The group's name ("Hutu").
    pub name: String,
    /// ISO 3166 alpha-3 codes of its home countries.
    pub homes: Vec<String>,
}

/// Ethnic groups indexed by their names and plurals.
#[derive(Clone, Debug, Default)]
pub struct EthnicGroups {
    groups: Vec<EthnicGroup>,
    index: HashMap<String, usize>,
}

impl EthnicGroups {
    /// Reads the table format of `dictionaries/ethnic_groups.tsv`: name, other names (`|`),
    /// home countries (`|`); `#` opens a comment line.
    pub fn from_tsv(content: &str) -> Result<EthnicGroups, String> {
        let mut out = EthnicGroups::default();
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [name, others, homes] = fields.as_slice() else {
                return Err(format!(
                    "line {}: expected 3 tab-separated fields (name, other names, homes), found {}",
                    n + 1,
                    fields.len()
                ));
            };
            let homes: Vec<String> = homes.split('|').map(|h| h.trim().to_string()).collect();
            if homes.iter().any(|h| h.len() != 3) {
                return Err(format!(
                    "line {}: home countries must be ISO 3166 alpha-3 codes",
                    n + 1
                ));
            }
            let i = out.groups.len();
            let names = std::iter::once(*name).chain(others.split('|'));
            for alias in names.filter(|a| !a.is_empty()) {
                out.index.insert(name_key(alias), i);
            }
            out.groups.push(EthnicGroup {
                name: name.to_string(),
                homes,
            });
        }
        Ok(out)
    }

    /// The group known by this name or plural ("Hutus").
    pub fn lookup(&self, name: &str) -> Option<&EthnicGroup> {
        self.index.get(&name_key(name)).map(|&i| &self.groups[i])
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// The built-in table (`dictionaries/ethnic_groups.tsv`), read once per process.
pub fn builtin_ethnic_groups() -> &'static EthnicGroups {
    static GROUPS: std::sync::OnceLock<EthnicGroups> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        EthnicGroups::from_tsv(include_str!("../../../dictionaries/ethnic_groups.tsv"))
            .expect("dictionaries/ethnic_groups.tsv is checked by the crate's tests")
    })
}

/// Codes the ethnic groups a document names, and re-homes nationalities written after
/// "ethnic". Runs after the dictionary has resolved the entity mentions.
pub fn code_ethnic_groups(
    doc: &mut Document,
    groups: &EthnicGroups,
    dictionary: &ActorDictionary,
    date: Option<Date>,
) {
    add_group_mentions(doc, groups);
    let mut changes: Vec<(usize, Option<ActorCode>)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind == EntityKind::Person || e.mention != MentionKind::Name {
            continue;
        }
        let text = &doc.text[e.span.range()];
        if let Some(group) = groups.lookup(text) {
            // A name some dictionary knows keeps what it says.
            if e.actor.is_none() {
                let home = home_in_context(doc, i, Some(&group.homes), None)
                    .unwrap_or_else(|| group.homes[0].clone());
                changes.push((i, Some(group_code(group, &home))));
            }
            continue;
        }
        if !after_ethnic(doc, e) {
            continue;
        }
        // "Ethnic Albanians" as one mention: its nationality is the word after.
        let nationality = match text.split_once(' ') {
            Some((first, rest)) if first.eq_ignore_ascii_case("ethnic") => {
                dictionary.resolve(rest, EntityKind::Norp, date)
            }
            _ => e.actor.clone(),
        };
        if let Some(kin) = nationality.as_ref().and_then(crate::country_of) {
            let home = home_in_context(doc, i, None, Some(kin));
            let code = home.map(|home| ActorCode {
                code: home,
                sector: None,
                name: text.to_string(),
                source: ActorSource::Text,
            });
            changes.push((i, code));
        }
    }
    for (i, code) in changes {
        doc.entities[i].actor = code;
    }
    residents_of_a_country(doc, groups);
}

/// A people named after a nationality or country ("Bosnian Serbs", "Iraqi Kurds", "Kosovo
/// Albanians") are residents of the first: the entity model often marks the two words as two
/// mentions, and the second alone would name a kin state.
fn residents_of_a_country(doc: &mut Document, groups: &EthnicGroups) {
    // Peoples that news names for a kin state while they live in another. Not the civic
    // nationalities of countries of immigration: "Irish Americans" are American.
    const KIN_PEOPLES: &[&str] = &[
        "serb",
        "serbs",
        "croat",
        "croats",
        "albanian",
        "albanians",
        "turk",
        "turks",
        "arab",
        "arabs",
        "hungarian",
        "hungarians",
        "russian",
        "russians",
        "armenian",
        "armenians",
        "azeri",
        "azeris",
        "greek",
        "greeks",
        "uzbek",
        "uzbeks",
        "tajik",
        "tajiks",
        "chinese",
    ];
    let mut changes = Vec::new();
    for (j, people) in doc.entities.iter().enumerate().skip(1) {
        let before = &doc.entities[j - 1];
        let text = &doc.text[people.span.range()];
        let key = name_key(text);
        let kin_people = KIN_PEOPLES.contains(&key.as_str()) || groups.lookup(text).is_some();
        // "Albanian Macedonian Bulgarian Oil Corporation" is a name, not a people.
        let name_goes_on = doc
            .sentences
            .get(people.sentence)
            .is_some_and(|s| people.tokens.end < s.tokens.end)
            && capitalised(doc, people.tokens.end);
        if people.kind != EntityKind::Norp
            || !kin_people
            || name_goes_on
            || before.sentence != people.sentence
            || before.tokens.end != people.tokens.start
            || !matches!(before.kind, EntityKind::Norp | EntityKind::Gpe)
        {
            continue;
        }
        let (Some(country), Some(own)) = (
            before.actor.as_ref().and_then(crate::country_of),
            people.actor.as_ref(),
        ) else {
            continue;
        };
        if own.sector.is_none() && own.code != country {
            let mut code = own.clone();
            code.code = country.to_string();
            changes.push((j, code));
        }
    }
    for (j, code) in changes {
        doc.entities[j].actor = Some(code);
    }
}

fn group_code(group: &EthnicGroup, home: &str) -> ActorCode {
    ActorCode {
        code: home.to_string(),
        sector: None,
        name: group.name.clone(),
        source: ActorSource::Dictionary,
    }
}

/// Whether the mention is a nationality written as an ethnic group: "ethnic Albanians",
/// "Ethnic Serb civilians" (the word inside the mention or right before it).
fn after_ethnic(doc: &Document, e: &Entity) -> bool {
    let is_ethnic = |t: usize| doc.text[doc.tokens[t].span.range()].eq_ignore_ascii_case("ethnic");
    let inside = e.tokens.len() > 1 && is_ethnic(e.tokens.start);
    let before =
        e.tokens.start > doc.sentences[e.sentence].tokens.start && is_ethnic(e.tokens.start - 1);
    inside || before
}

/// The country the `i`-th mention's group lives in, by the story: a country its sentence
/// names in a phrase with "in" after it ("ethnic Albanians in southern Serbia"), else the
/// first its sentence names, else the one the article names most; among `homes` when given,
/// never `not`.
fn home_in_context(
    doc: &Document,
    i: usize,
    homes: Option<&[String]>,
    not: Option<&str>,
) -> Option<String> {
    let mention = &doc.entities[i];
    let fits = |code: &str| not != Some(code) && homes.is_none_or(|h| h.iter().any(|x| x == code));
    let countries = doc.entities.iter().enumerate().filter_map(|(j, e)| {
        let code = e.actor.as_ref().and_then(crate::country_of)?;
        (j != i && fits(code)).then_some((e, code))
    });
    let in_sentence: Vec<(&Entity, &str)> = countries
        .clone()
        .filter(|(e, _)| e.sentence == mention.sentence)
        .collect();
    let after_in = in_sentence.iter().find(|(e, _)| {
        let from = e.tokens.start.saturating_sub(3).max(mention.tokens.end);
        e.tokens.start > mention.tokens.start
            && (from..e.tokens.start)
                .any(|t| doc.text[doc.tokens[t].span.range()].eq_ignore_ascii_case("in"))
    });
    if let Some((_, code)) = after_in.or(in_sentence.first()) {
        return Some(code.to_string());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, code) in countries {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    // The first named wins a tie.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map(|(c, _)| c.to_string())
}

/// Adds a mention for each group name the entity model missed: a plural ("Hutus"), or a
/// singular that modifies a noun ("Ibo elders", "a Karen stronghold"), so that a given name
/// ("Karen said") is not taken for its people.
fn add_group_mentions(doc: &mut Document, groups: &EthnicGroups) {
    let covered = covered_by_entities(doc);
    let mut added = Vec::new();
    for (s_idx, s) in doc.sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            if covered[t] || !capitalised(doc, t) {
                continue;
            }
            let word = &doc.text[doc.tokens[t].span.range()];
            let Some(group) = groups.lookup(word) else {
                continue;
            };
            let token = &doc.tokens[t];
            let plural = name_key(word) != name_key(&group.name) && word.ends_with('s');
            let modifies_a_noun = matches!(token.deprel.as_deref(), Some("amod" | "compound"))
                && token
                    .head
                    .map(|h| s.tokens.start + h)
                    .filter(|&h| h > t && h < s.tokens.end)
                    .is_some_and(|h| doc.tokens[h].upos.as_deref() == Some("NOUN"));
            if !plural && !modifies_a_noun {
                continue;
            }
            added.push(Entity {
                span: Span::new(token.span.start, token.span.end),
                sentence: s_idx,
                tokens: t..t + 1,
                kind: EntityKind::Norp,
                actor: None,
                cluster: None,
                mention: MentionKind::Name,
            });
        }
    }
    if !added.is_empty() {
        doc.entities.extend(added);
        doc.entities.sort_by_key(|e| e.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_table_reads_and_every_home_is_a_code() {
        let groups = builtin_ethnic_groups();
        assert!(groups.len() > 40);
        assert_eq!(groups.lookup("Hutus").unwrap().homes, ["BDI", "RWA"]);
        assert_eq!(groups.lookup("ibo").unwrap().name, "Igbo");
        assert!(groups.lookup("Kenyans").is_none());
    }

    #[test]
    fn ethnic_groups_table_errors_name_the_line() {
        let err = EthnicGroups::from_tsv("# c\nHutu\tHutus\tBurundi\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(EthnicGroups::from_tsv("Hutu\tBDI\n").is_err());
    }
}
