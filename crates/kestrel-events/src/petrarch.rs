//! PETRARCH-2 verb dictionaries (`CAMEO.2.0.txt` and the validation suites' verb files) read
//! into Kestrel's matcher.
//!
//! A PETRARCH verb block lists verbs that share a default code, then patterns:
//!
//! ```text
//! ---  MEND   [050]  ---
//! MEND
//! +PATCH_UP {+PATCHES_UP +PATCHED_UP}
//! - * RELATIONS                  [051]
//! - * (WITH &ALLY)               [057]
//! - * TIES (WITH)                [064:064]
//! ```
//!
//! Each pattern becomes a Kestrel [`Entry`]: a word after `*` is the object ("RELATIONS"), a
//! `{...}` phrase is the object named by its last word, `(PREP WORDS)` an argument introduced by
//! `PREP` whose head is the last word, and particles such as `OUT` and `OFF` stay particles.
//! `&NAME` synonym sets expand to their members. Words are compared with lemmas, so a pattern's
//! plural also matches its singular. A code `A:B` codes `A` from the subject to the object and
//! `B` back (a visit is also a visit received); `[---]` says "no event" and silences the match.
//!
//! What the parse cannot say is left out and counted: patterns with words before the verb
//! (PETRARCH's "&MILITARY *", "SAID *"). Of several object words the last is taken as the
//! object's head.

use std::collections::HashMap;

use crate::dictionary::{Condition, Entry, EventDictionary, Slot, TriggerKind, IGNORE};
use crate::ontology::CameoTable;

/// Particles that stay with the verb rather than naming its object.
const PARTICLES: &[&str] = &[
    "out", "off", "up", "down", "away", "back", "forward", "aside", "together", "around", "apart",
];

/// Prepositions that, written bare before a noun, introduce it ("* ON &SOLUTION").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "to", "with", "for", "against", "into", "at", "of", "from", "about", "over", "by",
    "upon", "toward", "towards", "under", "through", "between", "across",
];

/// A PETRARCH verb dictionary read into Kestrel's form.
#[derive(Clone, Debug, Default)]
pub struct PetrarchVerbs {
    /// The entries.
    pub dictionary: EventDictionary,
    /// For paired codes (`042:043`): the rule of the entry and the code of the event back.
    pub reverse: HashMap<String, String>,
    /// Patterns read.
    pub patterns: usize,
    /// Patterns Kestrel cannot express, left out.
    pub skipped: usize,
}

/// One item of a pattern line.
#[derive(Debug)]
enum Item {
    Word(String),
    Phrase(Vec<String>),
    Prep(String, Vec<String>),
}

fn items(body: &str) -> Vec<Item> {
    // PETRARCH-1 files join words with `_` ("FOR_ASYLUM"); a trailing `_` ("CASH_") only
    // marks a whole word.
    let mut spaced = String::with_capacity(body.len());
    let chars: Vec<char> = body.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_word = chars
            .get(i + 1)
            .is_some_and(|n| n.is_alphanumeric() || "&*%$+^".contains(*n));
        spaced.push(if c == '_' && next_is_word { ' ' } else { c });
    }
    let mut out = Vec::new();
    let mut rest = spaced.trim();
    while !rest.is_empty() {
        let (item, next) = if let Some(r) = rest.strip_prefix('{') {
            let end = r.find('}').unwrap_or(r.len());
            let words = r[..end].split_whitespace().map(String::from).collect();
            (Item::Phrase(words), r.get(end + 1..).unwrap_or(""))
        } else if let Some(r) = rest.strip_prefix('(') {
            let end = r.find(')').unwrap_or(r.len());
            let mut words = r[..end].split_whitespace().map(String::from);
            let prep = words.next().unwrap_or_default();
            (
                Item::Prep(prep, words.collect()),
                r.get(end + 1..).unwrap_or(""),
            )
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '{' || c == '(')
                .unwrap_or(rest.len());
            (Item::Word(rest[..end].to_string()), &rest[end..])
        };
        out.push(item);
        rest = next.trim_start();
    }
    out
}

fn is_marker(w: &str) -> bool {
    matches!(w, "+" | "$" | "%" | "^" | "*")
}

impl PetrarchVerbs {
    /// Reads a PETRARCH verb dictionary. `source_name` names the file in each entry's rule;
    /// codes the table lacks ("1951" in the validation suites) are added to it, taking their
    /// closest parent's PLOVER conversion and Goldstein score.
    pub fn read(content: &str, source_name: &str, cameo: &mut CameoTable) -> PetrarchVerbs {
        let mut out = PetrarchVerbs::default();
        let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
        let mut current_set: Option<String> = None;
        let mut block_code: Option<String> = None;
        let mut verbs: Vec<(String, Vec<String>)> = Vec::new();
        let mut in_patterns = false;
        for (n, raw) in content.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            let rule = format!("{source_name}:{}", n + 1);
            if line.is_empty() {
                current_set = None;
                continue;
            }
            if let Some(name) = line.strip_prefix('&') {
                let name = name.split_whitespace().next().unwrap_or("").to_uppercase();
                synsets.entry(name.clone()).or_default();
                current_set = Some(name);
                continue;
            }
            if line.starts_with("---") {
                current_set = None;
                in_patterns = false;
                verbs.clear();
                block_code = code_in(line).map(String::from);
                continue;
            }
            if let Some(set) = &current_set {
                if let Some(member) = line.strip_prefix('+') {
                    if !member.starts_with('(') {
                        synsets
                            .get_mut(set)
                            .expect("opened")
                            .push(member.to_string());
                    }
                }
                continue;
            }
            let is_pattern = line.starts_with('-') || (line.contains('*') && line.contains('['));
            if is_pattern {
                if !in_patterns {
                    in_patterns = true;
                }
                out.patterns += 1;
                let Some(code) = code_in(line) else {
                    out.skipped += 1;
                    continue;
                };
                let body = line.trim_start_matches('-');
                let body = &body[..body.find('[').unwrap_or(body.len())];
                let Some(shape) = pattern_shape(body, &synsets) else {
                    out.skipped += 1;
                    continue;
                };
                let mut added = false;
                for (lemma, particles) in &verbs {
                    let mut all_particles = particles.clone();
                    all_particles.extend(shape.particles.iter().cloned());
                    added |= out.add(
                        lemma,
                        all_particles,
                        shape.conditions.clone(),
                        code,
                        &rule,
                        cameo,
                    );
                }
                if !added {
                    out.skipped += 1;
                }
                continue;
            }
            if in_patterns {
                // A verb line after patterns starts a block without a header.
                in_patterns = false;
                verbs.clear();
            }
            // A verb: `WORD {FORMS}` or `+MULTI_WORD {FORMS}`; its default code is the block's.
            let word = line
                .trim_start_matches('+')
                .split(['{', '['])
                .next()
                .unwrap_or("")
                .trim();
            let mut words = word
                .split(['_', ' '])
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase);
            let Some(lemma) = words.next() else {
                continue;
            };
            let particles: Vec<String> = words.collect();
            let own_code = code_in(line).map(String::from).or(block_code.clone());
            if let Some(code) = own_code {
                out.add(&lemma, particles.clone(), Vec::new(), &code, &rule, cameo);
            }
            verbs.push((lemma, particles));
        }
        out
    }

    fn add(
        &mut self,
        lemma: &str,
        particles: Vec<String>,
        conditions: Vec<Condition>,
        code: &str,
        rule: &str,
        cameo: &mut CameoTable,
    ) -> bool {
        let (forward, back) = match code.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (code, None),
        };
        let duplicate = self
            .dictionary
            .lookup(TriggerKind::Verb, lemma)
            .any(|e| e.particles == particles && e.conditions == conditions);
        if forward.is_empty() || duplicate {
            return false;
        }
        let plover_type = if forward == "---" {
            IGNORE.to_string()
        } else {
            if !cameo.add_like_parent(forward) {
                return false;
            }
            if let Some(b) = back.filter(|b| !b.is_empty() && *b != "---") {
                if cameo.add_like_parent(b) {
                    self.reverse.insert(rule.to_string(), b.to_string());
                }
            }
            cameo
                .get(forward)
                .and_then(|c| c.plover_type.clone())
                .unwrap_or_default()
        };
        self.dictionary.push(Entry {
            kind: TriggerKind::Verb,
            lemma: lemma.to_string(),
            particles,
            conditions,
            cameo: forward.to_string(),
            mode: None,
            context: Vec::new(),
            plover_type,
            rule: rule.to_string(),
        });
        true
    }
}

/// The code in a line's brackets.
fn code_in(line: &str) -> Option<&str> {
    let open = line.find('[')?;
    let close = open + line[open..].find(']')?;
    let code = line[open + 1..close].trim();
    (!code.is_empty()).then_some(code)
}

struct Shape {
    particles: Vec<String>,
    conditions: Vec<Condition>,
}

/// Lemmas a dictionary word stands for: its members when it is a synonym set, and each word
/// with a plural's `s` taken off.
fn lemmas_of(word: &str, synsets: &HashMap<String, Vec<String>>, depth: usize) -> Vec<String> {
    if let Some(name) = word.strip_prefix('&') {
        if depth > 4 {
            return Vec::new();
        }
        let members = synsets
            .get(&name.to_uppercase())
            .cloned()
            .unwrap_or_default();
        return members
            .iter()
            .flat_map(|m| {
                let last = m.split(['_', ' ']).rfind(|w| !w.is_empty()).unwrap_or("");
                lemmas_of(last, synsets, depth + 1)
            })
            .collect();
    }
    let w = word.trim_end_matches('_').to_lowercase();
    if w.is_empty() {
        return Vec::new();
    }
    let mut out = vec![w.clone()];
    if let Some(stem) = w.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("es") {
        out.push(stem.to_string());
    }
    if let Some(stem) = w.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        out.push(stem.to_string());
    }
    out
}

fn head_lemmas(words: &[String], synsets: &HashMap<String, Vec<String>>) -> Vec<String> {
    words
        .iter()
        .rev()
        .find(|w| !is_marker(w))
        .map(|w| {
            let last = w.split('_').rfind(|x| !x.is_empty()).unwrap_or(w);
            let last = if w.starts_with('&') { w.as_str() } else { last };
            let mut l = lemmas_of(last, synsets, 0);
            l.sort();
            l.dedup();
            l
        })
        .unwrap_or_default()
}

fn pattern_shape(body: &str, synsets: &HashMap<String, Vec<String>>) -> Option<Shape> {
    let all = items(body);
    let star = all
        .iter()
        .position(|i| matches!(i, Item::Word(w) if w == "*"))?;
    if all[..star]
        .iter()
        .any(|i| !matches!(i, Item::Word(w) if is_marker(w)))
    {
        return None;
    }
    let mut shape = Shape {
        particles: Vec::new(),
        conditions: Vec::new(),
    };
    let mut object = false;
    let mut k = star + 1;
    while k < all.len() {
        match &all[k] {
            Item::Word(w) if is_marker(w) => {}
            Item::Word(w) => {
                let lower = w.to_lowercase();
                let next_is_noun = matches!(all.get(k + 1), Some(Item::Word(x)) if !is_marker(x))
                    || matches!(all.get(k + 1), Some(Item::Phrase(_)));
                if PREPOSITIONS.contains(&lower.as_str()) && next_is_noun {
                    let head = match &all[k + 1] {
                        Item::Word(x) => head_lemmas(std::slice::from_ref(x), synsets),
                        Item::Phrase(p) => head_lemmas(p, synsets),
                        Item::Prep(..) => unreachable!("checked above"),
                    };
                    shape.conditions.push(Condition {
                        slot: Slot::Prep(lower),
                        lemmas: head,
                    });
                    k += 2;
                    continue;
                }
                if PARTICLES.contains(&lower.as_str()) || PREPOSITIONS.contains(&lower.as_str()) {
                    shape.particles.push(lower);
                } else {
                    // Of several object words ("* HUNGER STRIKE"), the last is the head.
                    if object {
                        shape.conditions.retain(|c| c.slot != Slot::Object);
                    }
                    object = true;
                    shape.conditions.push(Condition {
                        slot: Slot::Object,
                        lemmas: head_lemmas(std::slice::from_ref(w), synsets),
                    });
                }
            }
            Item::Phrase(words) => {
                if object {
                    shape
                        .conditions
                        .retain(|c| !matches!(c.slot, Slot::Object | Slot::ObjectModifier));
                }
                object = true;
                shape.conditions.push(Condition {
                    slot: Slot::Object,
                    lemmas: head_lemmas(words, synsets),
                });
                // The phrase's other words modify the object: "{TRADE PROTOCOL}".
                let content: Vec<&String> = words.iter().filter(|w| !is_marker(w)).collect();
                for w in content.iter().take(content.len().saturating_sub(1)) {
                    let lower = w.to_lowercase();
                    if matches!(lower.as_str(), "the" | "a" | "an" | "to" | "of") {
                        continue;
                    }
                    let mut lemmas = lemmas_of(w, synsets, 0);
                    lemmas.sort();
                    lemmas.dedup();
                    if !lemmas.is_empty() {
                        shape.conditions.push(Condition {
                            slot: Slot::ObjectModifier,
                            lemmas,
                        });
                    }
                }
            }
            Item::Prep(prep, words) => {
                let prep = prep.to_lowercase();
                if prep.is_empty() || is_marker(&prep) {
                    k += 1;
                    continue;
                }
                if !PREPOSITIONS.contains(&prep.as_str()) && !PARTICLES.contains(&prep.as_str()) {
                    return None;
                }
                let head = head_lemmas(words, synsets);
                if head.is_empty() {
                    shape.particles.push(prep);
                } else {
                    shape.conditions.push(Condition {
                        slot: Slot::Prep(prep),
                        lemmas: head,
                    });
                }
            }
        }
        k += 1;
    }
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "\
&ALLY
+FRIEND
+PARTNER_

--- MEND [050] ---
MEND
+PATCH_UP {+PATCHED_UP}
- * RELATIONS   [051]
- * (WITH &ALLY)  [057]
- * TIES (WITH)   [064:064]
- &ALLY * FENCES  [052]
- * NOTHING   [---]
";

    #[test]
    fn reads_blocks_patterns_and_synonym_sets() {
        let mut cameo = CameoTable::builtin();
        let v = PetrarchVerbs::read(VERBS, "verbs.txt", &mut cameo);
        assert_eq!(v.patterns, 5);
        // The pattern with a word before the verb is left out.
        assert_eq!(v.skipped, 1);
        let mend: Vec<&Entry> = v.dictionary.lookup(TriggerKind::Verb, "mend").collect();
        assert_eq!(mend.len(), 5);
        let with = mend
            .iter()
            .find(|e| e.cameo == "057")
            .expect("the WITH pattern");
        assert_eq!(
            with.conditions,
            vec![Condition {
                slot: Slot::Prep("with".into()),
                lemmas: vec!["friend".into(), "partner".into()],
            }]
        );
        let ties = mend.iter().find(|e| e.cameo == "064").expect("paired");
        assert_eq!(ties.particles, vec!["with".to_string()]);
        assert_eq!(v.reverse.get(&ties.rule).map(String::as_str), Some("064"));
        assert!(mend.iter().any(|e| e.plover_type == IGNORE));
        let patch: Vec<&Entry> = v.dictionary.lookup(TriggerKind::Verb, "patch").collect();
        assert!(patch
            .iter()
            .all(|e| e.particles.first().map(String::as_str) == Some("up")));
        assert_eq!(patch.len(), 5);
    }
}
