//! Kestrel's event dictionary: which words, in which syntactic company, are which events.
//!
//! # Format
//!
//! Plain text, one entry per line, `#` starts a comment. A `[TYPE]` line opens a section of
//! PLOVER type `TYPE`; every entry below it codes that type.
//!
//! ```text
//! [ACCUSE]
//! verb condemn                              => 111
//! verb accuse  of=attack|aggression         => 1123
//! noun condemnation                         => 111
//!
//! [SANCTION]
//! verb impose  obj=sanction|embargo         => 163  mode=discontinue context=economic
//! verb pull out of                          => 166  mode=withdraw
//! ```
//!
//! An entry is `KIND WORDS [CONDITION ...] => CAMEO [mode=MODE] [context=C,C]`:
//!
//! - `KIND` is `verb` (the trigger is a verb) or `noun` (an event noun: "talks", "invasion").
//! - `WORDS` are the lemma, then any particles and a final preposition: `walk out`, `call on`,
//!   `pull out of`. Each further word must be a particle of the verb (`compound:prt`) or the
//!   preposition of one of its arguments; an argument reached that way is the first choice for
//!   the recipient ("called **on** Ankara").
//! - A `CONDITION` narrows the entry: `obj=L|L` (the verb's object, or a passive verb's subject,
//!   has one of these lemmas), `comp=L|L` (the verb governs one of these verbs: "agreed **to
//!   meet**"), `mod=L|L` (a noun trigger has one of these modifiers: "**peace** talks"),
//!   `objmod=L|L` (the verb's object has one: "signed a **trade** deal"), `compaux=L|L` (a
//!   governed clause has one of these auxiliaries: "said Tehran **must** ..."), `subj=L|L`
//!   (an active verb's subject has one: "**miners** struck"), `pred=L|L` (what the verb calls
//!   its object: "called the minister **a liar**", "branded the vote **illegal**"), and
//!   `PREP=L|L` for any preposition (an argument introduced by `PREP` has one of these lemmas:
//!   "accused Kyiv **of** aggression"). `*` accepts any lemma; `@person` accepts a person
//!   however named: a person's name, a personal pronoun, a noun for people of some trade or
//!   side ("protesters", "journalists"), or a number standing for people ("released **the
//!   four**").
//! - `CAMEO` is the CAMEO code. The PLOVER mode and contexts default to the CAMEO code's
//!   conversion; `mode=` and `context=` set them.
//!
//! A `[IGNORE]` section lists phrases that are not events although a more general entry would
//! code them ("declined **to comment**" is no refusal); its entries need a CAMEO code too, for
//! the record, and silence the word.
//!
//! When several entries fit a word, the one with the most conditions wins; among equals, the
//! first in the file.

use std::collections::HashMap;

use crate::ontology::{plover_modes, CameoTable, PLOVER_CONTEXTS, PLOVER_TYPES};
use crate::EventError;

/// The event dictionary shipped with Kestrel.
pub const BUILTIN_DICTIONARY: &str = include_str!("../../../dictionaries/events.txt");

/// The section of entries that are not events: a match silences the word ("declined to
/// comment" is not a refusal).
pub const IGNORE: &str = "IGNORE";

/// What part of speech a trigger is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// A verb.
    Verb,
    /// An event noun.
    Noun,
}

/// Where a condition looks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The object (or the subject of a passive).
    Object,
    /// A governed verb (`xcomp` or `ccomp`).
    Complement,
    /// A modifier of a noun trigger (`compound`, `amod`).
    Modifier,
    /// A modifier of the verb's object ("signed a **trade** protocol").
    ObjectModifier,
    /// An auxiliary of a governed clause ("said Tehran **must** release ..."): the lemmas are
    /// the auxiliaries.
    ComplementAux,
    /// An argument introduced by this preposition.
    Prep(String),
    /// The subject of an active verb ("**workers** struck").
    Subject,
    /// What the verb calls its object: "called the minister **a liar**", "branded the vote
    /// **illegal**".
    Predicate,
}

/// One condition of an entry: a slot and the lemmas it accepts (empty: any).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Condition {
    /// Where to look.
    pub slot: Slot,
    /// Accepted lemmas; empty accepts any.
    pub lemmas: Vec<String>,
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Verb or noun.
    pub kind: TriggerKind,
    /// The trigger's lemma.
    pub lemma: String,
    /// Particles and a final preposition that must go with the trigger.
    pub particles: Vec<String>,
    /// Further conditions.
    pub conditions: Vec<Condition>,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// Where the entry is: `FILE:LINE`.
    pub rule: String,
}

impl Entry {
    /// How specific the entry is: entries with more requirements win.
    pub fn specificity(&self) -> usize {
        self.particles.len() + self.conditions.len()
    }
}

/// A set of entries, indexed by trigger lemma.
#[derive(Clone, Debug, Default)]
pub struct EventDictionary {
    entries: Vec<Entry>,
    by_trigger: HashMap<(TriggerKind, String), Vec<usize>>,
    /// Every verb the entries name, as trigger or in a `comp=` condition.
    verbs: std::collections::HashSet<String>,
    /// Every lemma the entries name, as trigger or in any condition.
    words: std::collections::HashSet<String>,
}

impl EventDictionary {
    /// The dictionary shipped with Kestrel.
    pub fn builtin(cameo: &CameoTable) -> Result<EventDictionary, EventError> {
        let mut d = EventDictionary::default();
        d.add_text(BUILTIN_DICTIONARY, "events.txt", cameo)?;
        Ok(d)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries for a trigger lemma, most specific first.
    pub fn lookup(&self, kind: TriggerKind, lemma: &str) -> impl Iterator<Item = &Entry> {
        self.by_trigger
            .get(&(kind, lemma.to_string()))
            .into_iter()
            .flatten()
            .map(move |&i| &self.entries[i])
    }

    /// Whether an entry names `lemma` as a verb (a trigger or a governed verb).
    pub fn knows_verb(&self, lemma: &str) -> bool {
        self.verbs.contains(lemma)
    }

    /// Whether an entry names `lemma` anywhere (a trigger of either kind or in a condition).
    pub fn knows_word(&self, lemma: &str) -> bool {
        self.words.contains(lemma)
    }

    /// Adds the entries of a dictionary file; `source_name` names it in errors and rules.
    /// Returns the number of entries read.
    pub fn add_text(
        &mut self,
        content: &str,
        source_name: &str,
        cameo: &CameoTable,
    ) -> Result<usize, EventError> {
        let mut section: Option<String> = None;
        let mut added = 0;
        for (n, raw) in content.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let bad = |message: String| EventError::Dictionary {
                source_name: source_name.to_string(),
                line: n + 1,
                message,
            };
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let name = name.trim().to_ascii_uppercase();
                if !PLOVER_TYPES.contains(&name.as_str()) && name != IGNORE {
                    return Err(bad(format!(
                        "[{name}] is not a PLOVER type; use one of {}",
                        PLOVER_TYPES.join(", ")
                    )));
                }
                section = Some(name);
                continue;
            }
            let Some(plover_type) = section.clone() else {
                return Err(bad(
                    "an entry before any [TYPE] line; open a section such as [ACCUSE] first".into(),
                ));
            };
            let Some((lhs, rhs)) = line.split_once("=>") else {
                return Err(bad("no `=>` between the trigger and the CAMEO code".into()));
            };
            let mut words = lhs.split_whitespace();
            let kind = match words.next() {
                Some("verb") => TriggerKind::Verb,
                Some("noun") => TriggerKind::Noun,
                other => {
                    return Err(bad(format!(
                        "{:?} is not a trigger kind; write `verb` or `noun`",
                        other.unwrap_or("")
                    )))
                }
            };
            let mut lemma = None;
            let mut particles = Vec::new();
            let mut conditions = Vec::new();
            for w in words {
                if let Some((key, value)) = w.split_once('=') {
                    let slot = match key {
                        "obj" => Slot::Object,
                        "comp" => Slot::Complement,
                        "mod" => Slot::Modifier,
                        "objmod" => Slot::ObjectModifier,
                        "compaux" => Slot::ComplementAux,
                        "subj" => Slot::Subject,
                        "pred" => Slot::Predicate,
                        p if !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()) => {
                            Slot::Prep(p.to_string())
                        }
                        _ => return Err(bad(format!("{key:?} is not a condition"))),
                    };
                    let lemmas = if value == "*" {
                        Vec::new()
                    } else {
                        value.split('|').map(|l| l.to_lowercase()).collect()
                    };
                    if lemmas.iter().any(|l| l.is_empty()) {
                        return Err(bad(format!("empty lemma in {w:?}")));
                    }
                    conditions.push(Condition { slot, lemmas });
                } else if lemma.is_none() {
                    lemma = Some(w.to_lowercase());
                } else if conditions.is_empty() {
                    particles.push(w.to_lowercase());
                } else {
                    return Err(bad(format!("the word {w:?} comes after a condition")));
                }
            }
            let Some(lemma) = lemma else {
                return Err(bad("no trigger word".into()));
            };
            let mut rhs = rhs.split_whitespace();
            let code = rhs.next().unwrap_or("");
            let Some(cameo_code) = cameo.get(code) else {
                return Err(bad(format!("{code:?} is not a CAMEO code")));
            };
            let allowed = plover_modes(&plover_type).unwrap_or_default();
            let mut mode = cameo_code
                .mode
                .clone()
                .filter(|m| allowed.contains(&m.as_str()));
            let mut context = cameo_code.context.clone();
            for option in rhs {
                match option.split_once('=') {
                    Some(("mode", m)) => {
                        if !allowed.contains(&m) {
                            return Err(bad(format!(
                                "{plover_type} has no mode {m:?}; its modes are: {}",
                                if allowed.is_empty() {
                                    "none".to_string()
                                } else {
                                    allowed.join(", ")
                                }
                            )));
                        }
                        mode = Some(m.to_string());
                    }
                    Some(("context", c)) => {
                        context = c.split(',').map(String::from).collect();
                        if let Some(x) = context
                            .iter()
                            .find(|x| !PLOVER_CONTEXTS.contains(&x.as_str()))
                        {
                            return Err(bad(format!("{x:?} is not a PLOVER context")));
                        }
                    }
                    _ => {
                        return Err(bad(format!(
                            "{option:?} is not an option; use mode= or context="
                        )))
                    }
                }
            }
            let entry = Entry {
                kind,
                lemma,
                particles,
                conditions,
                cameo: code.to_string(),
                plover_type,
                mode,
                context,
                rule: format!("{source_name}:{}", n + 1),
            };
            if let Some(dup) = self
                .lookup(entry.kind, &entry.lemma)
                .find(|e| e.particles == entry.particles && e.conditions == entry.conditions)
            {
                return Err(bad(format!(
                    "the same trigger and conditions are already at {}",
                    dup.rule
                )));
            }
            self.add(entry);
            added += 1;
        }
        Ok(added)
    }

    /// Adds one entry, as readers of other dictionary formats do.
    pub fn push(&mut self, entry: Entry) {
        self.add(entry);
    }

    fn add(&mut self, entry: Entry) {
        if entry.kind == TriggerKind::Verb {
            self.verbs.insert(entry.lemma.clone());
        }
        self.words.insert(entry.lemma.clone());
        for c in &entry.conditions {
            self.words.extend(c.lemmas.iter().cloned());
        }
        for c in entry
            .conditions
            .iter()
            .filter(|c| c.slot == Slot::Complement)
        {
            self.verbs.extend(c.lemmas.iter().cloned());
        }
        let key = (entry.kind, entry.lemma.clone());
        self.entries.push(entry);
        let i = self.entries.len() - 1;
        let list = self.by_trigger.entry(key).or_default();
        list.push(i);
        // Most specific first; the sort is stable, so file order breaks ties.
        let entries = &self.entries;
        list.sort_by_key(|&j| std::cmp::Reverse(entries[j].specificity()));
    }

    /// The PLOVER types and `TYPE mode` pairs the dictionary codes, for coverage reports.
    pub fn coverage(&self) -> (Vec<String>, Vec<String>) {
        let mut types: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.plover_type != IGNORE)
            .map(|e| e.plover_type.clone())
            .collect();
        types.sort();
        types.dedup();
        let mut modes: Vec<String> = self
            .entries
            .iter()
            .filter_map(|e| e.mode.as_ref().map(|m| format!("{} {m}", e.plover_type)))
            .collect();
        modes.sort();
        modes.dedup();
        (types, modes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> CameoTable {
        CameoTable::builtin()
    }

    #[test]
    fn dictionary_reads_entries_and_orders_by_specificity() {
        let text = "[ACCUSE]\nverb accuse => 112\nverb accuse of=aggression|invasion => 1123\n\
                    [SANCTION]\nverb pull out of => 166 mode=withdraw context=diplomatic\n";
        let mut d = EventDictionary::default();
        assert_eq!(d.add_text(text, "t.txt", &table()).unwrap(), 3);
        let accuse: Vec<&Entry> = d.lookup(TriggerKind::Verb, "accuse").collect();
        assert_eq!(accuse[0].cameo, "1123");
        assert_eq!(accuse[0].rule, "t.txt:3");
        assert_eq!(accuse[1].cameo, "112");
        let pull = d.lookup(TriggerKind::Verb, "pull").next().unwrap();
        assert_eq!(pull.particles, ["out", "of"]);
        assert_eq!(pull.plover_type, "SANCTION");
        assert_eq!(pull.mode.as_deref(), Some("withdraw"));
    }

    #[test]
    fn dictionary_errors_say_where_and_what() {
        let cases = [
            ("verb condemn => 111", "before any [TYPE]"),
            ("[FIGHT]\nverb fight => 190", "not a PLOVER type"),
            ("[ACCUSE]\nverb condemn 111", "no `=>`"),
            ("[ACCUSE]\nverb condemn => 999", "not a CAMEO code"),
            ("[ACCUSE]\nverb condemn => 111 mode=visit", "has no mode"),
            (
                "[ACCUSE]\nverb condemn => 111\nverb condemn => 112",
                "already at",
            ),
            ("[ACCUSE]\nadverb x => 111", "not a trigger kind"),
        ];
        for (text, want) in cases {
            let err = EventDictionary::default()
                .add_text(text, "bad.txt", &table())
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text:?}: {err}");
            assert!(err.contains("bad.txt:"), "{err}");
        }
    }

    #[test]
    fn dictionary_builtin_covers_every_plover_type_and_mode() {
        let d = EventDictionary::builtin(&table()).unwrap();
        let (types, modes) = d.coverage();
        for t in PLOVER_TYPES {
            assert!(types.iter().any(|x| x == t), "no entry codes {t}");
            for m in plover_modes(t).unwrap() {
                let pair = format!("{t} {m}");
                assert!(modes.contains(&pair), "no entry codes {pair}");
            }
        }
    }
}
