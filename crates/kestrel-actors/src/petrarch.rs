//! PETRARCH-format actor, agent and discard dictionaries, and actor coding with them.
//!
//! Kestrel's own actors are resolved by [`crate::ActorStage`]; this module exists so that
//! PETRARCH users can code with the dictionaries they have, and so that Kestrel can be measured
//! on PETRARCH's validation suites, whose actors are fictional ("Arnor", "Gondor") and known only
//! to those suites' dictionaries. Codes are kept exactly as the dictionaries write them.
//!
//! Coding follows PETRARCH's rules over Kestrel's parse: a noun phrase (the head with its
//! compounds, adjectives, possessor and, for an agent head such as "government", its `of`/`in`/
//! `from` phrase) takes the code of the first actor named in it, prefixed by agents written
//! `CODE~` and followed by agents written `~CODE`: "Arnor's foreign minister" is `ARN` + `GOV`.

use std::collections::HashMap;

use kestrel_core::{ActorCode, ActorSource, Document, Entity, EntityKind, Layer, MentionKind};

use crate::{parse_date, Date};

/// One entry of a PETRARCH actor dictionary: its phrases and its (possibly dated) codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetrarchEntry {
    /// The phrases, words lowercased and joined by spaces; the first is the entry's name.
    pub phrases: Vec<String>,
    /// Codes as written, with the dates they hold from and to (inclusive, open when `None`).
    pub codes: Vec<(String, Option<Date>, Option<Date>)>,
}

/// Reads the entries of a PETRARCH actor dictionary: a phrase (words joined by `_` or spaces)
/// starts an entry, `+PHRASE` lines add synonyms, and codes in brackets follow on the same or
/// indented lines, dated as `[CODE >YYMMDD]`, `[CODE <YYMMDD]` or `[CODE FROM-TO]`.
pub fn read_actor_entries(content: &str) -> Vec<PetrarchEntry> {
    let mut out: Vec<PetrarchEntry> = Vec::new();
    let mut current = PetrarchEntry {
        phrases: Vec::new(),
        codes: Vec::new(),
    };
    let flush = |current: &mut PetrarchEntry, out: &mut Vec<PetrarchEntry>| {
        if !current.phrases.is_empty() && !current.codes.is_empty() {
            out.push(current.clone());
        }
        current.phrases.clear();
        current.codes.clear();
    };
    for raw in content.lines() {
        let line = raw.split('#').next().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("<!") || trimmed.starts_with("<!--") {
            continue;
        }
        let (text, codes) = match trimmed.find('[') {
            Some(at) => (&trimmed[..at], &trimmed[at..]),
            None => (trimmed, ""),
        };
        let text = text.trim();
        let is_synonym = text.starts_with('+');
        if !text.is_empty() && !is_synonym {
            flush(&mut current, &mut out);
        }
        let phrase = phrase_key(text.trim_start_matches('+'));
        if !phrase.is_empty() {
            current.phrases.push(phrase);
        }
        for code in codes.split('[').skip(1) {
            let inner = code.split(']').next().unwrap_or("").trim();
            let mut parts = inner.splitn(2, char::is_whitespace);
            let Some(c) = parts.next().filter(|c| !c.is_empty()) else {
                continue;
            };
            let dates: String = parts.next().unwrap_or("").split_whitespace().collect();
            let (from, to) = if let Some(d) = dates.strip_prefix('>') {
                (parse_date(d), None)
            } else if let Some(d) = dates.strip_prefix('<') {
                (None, parse_date(d))
            } else if let Some((a, b)) = dates.split_once('-') {
                (parse_date(a), parse_date(b))
            } else {
                (None, None)
            };
            current.codes.push((c.to_string(), from, to));
        }
    }
    flush(&mut current, &mut out);
    out
}

/// A PETRARCH phrase as Kestrel matches it: lowercase words joined by single spaces, with `_`
/// read as a space.
fn phrase_key(text: &str) -> String {
    text.replace('_', " ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A PETRARCH actor dictionary, indexed by phrase.
#[derive(Clone, Debug, Default)]
pub struct PetrarchActors {
    entries: Vec<PetrarchEntry>,
    index: HashMap<String, usize>,
    longest: usize,
}

impl PetrarchActors {
    /// Reads a dictionary's text; later files override earlier phrases when read into the same
    /// dictionary.
    pub fn add_text(&mut self, content: &str) -> usize {
        let entries = read_actor_entries(content);
        let n = entries.len();
        for e in entries {
            let i = self.entries.len();
            for p in &e.phrases {
                self.longest = self.longest.max(p.split(' ').count());
                self.index.insert(p.clone(), i);
                // The parse often hangs "the" elsewhere: "The Hermit Kingdom" is matched
                // without it too.
                if let Some(rest) = p.strip_prefix("the ") {
                    self.index.entry(rest.to_string()).or_insert(i);
                }
            }
            self.entries.push(e);
        }
        n
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The code of the entry known by `phrase` on `date`: the dated code that covers the date,
    /// else the undated one. `None` when the phrase is unknown or its code is the null `---`.
    pub fn code(&self, phrase: &str, date: Option<Date>) -> Option<&str> {
        let entry = &self.entries[*self.index.get(phrase)?];
        let dated = |c: &&(String, Option<Date>, Option<Date>)| c.1.is_some() || c.2.is_some();
        let covering = date.and_then(|d| {
            entry
                .codes
                .iter()
                .filter(dated)
                .find(|c| c.1.is_none_or(|f| f <= d) && c.2.is_none_or(|t| d <= t))
        });
        let code = covering
            .or_else(|| entry.codes.iter().find(|c| !dated(c)))
            .map(|c| c.0.as_str())?;
        (code != "---").then_some(code)
    }
}

/// One agent: a phrase naming a kind of actor ("foreign minister", "rebels") and its code,
/// `~XXX` (appended to the actor's code) or `XXX~` (put before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Words, lowercase.
    pub words: Vec<String>,
    /// The code as written, with its `~`.
    pub code: String,
}

/// A PETRARCH agent dictionary.
#[derive(Clone, Debug, Default)]
pub struct PetrarchAgents {
    by_first_word: HashMap<String, Vec<Agent>>,
    len: usize,
}

impl PetrarchAgents {
    /// Reads an agent dictionary: `!NAME! = A, B` substitution sets, then lines `PHRASE
    /// [{PLURAL ...}] [~CODE]`. `{}` says the phrase has no plural; otherwise the plural is read
    /// from the lemma when matching.
    pub fn add_text(&mut self, content: &str) -> usize {
        let mut substitutions: Vec<(String, Vec<String>)> = Vec::new();
        let before = self.len;
        for raw in content.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('<') {
                continue;
            }
            if line.starts_with('!') {
                if let Some((name, values)) = line.split_once('=') {
                    let values = values
                        .split(',')
                        .map(|v| v.trim().to_string())
                        .filter(|v| !v.is_empty())
                        .collect();
                    substitutions.push((name.trim().to_string(), values));
                    continue;
                }
            }
            let Some(open) = line.find('[') else {
                continue;
            };
            let code: String = line[open + 1..]
                .split(']')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            if code.is_empty() {
                continue;
            }
            let head = &line[..open];
            let (phrase, plurals) = match head.find('{') {
                Some(b) => (&head[..b], head[b + 1..].split('}').next().unwrap_or("")),
                None => (head, ""),
            };
            let mut phrases = vec![phrase.trim().to_string()];
            phrases.extend(plurals.split_whitespace().map(String::from));
            for p in phrases {
                for expanded in expand(&p, &substitutions) {
                    let words: Vec<String> = phrase_key(&expanded)
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(String::from)
                        .collect();
                    if let Some(first) = words.first() {
                        self.by_first_word
                            .entry(first.clone())
                            .or_default()
                            .push(Agent {
                                words,
                                code: code.clone(),
                            });
                        self.len += 1;
                    }
                }
            }
        }
        for v in self.by_first_word.values_mut() {
            v.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
        }
        self.len - before
    }

    /// Number of agent phrases, plural forms included.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The longest agent starting at `words[at]`, matching each word by its form or, for the
    /// last word, its lemma: how many words it covers and its code.
    fn match_at(&self, forms: &[String], lemmas: &[String], at: usize) -> Option<(usize, &str)> {
        let candidates = self
            .by_first_word
            .get(&forms[at])
            .into_iter()
            .chain(self.by_first_word.get(&lemmas[at]))
            .flatten();
        let mut best: Option<(usize, &str)> = None;
        for a in candidates {
            let n = a.words.len();
            if at + n > forms.len() || best.is_some_and(|(m, _)| m >= n) {
                continue;
            }
            let fits = a
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| *w == forms[at + k] || (k + 1 == n && *w == lemmas[at + k]));
            if fits {
                best = Some((n, a.code.as_str()));
            }
        }
        best
    }
}

/// Expands `!NAME!` markers, which join to the words around them ("CONGRESS!PERSON!" is
/// "CONGRESSMAN", "CONGRESSWOMAN", ...).
fn expand(phrase: &str, substitutions: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in substitutions {
        if let Some(at) = phrase.find(name.as_str()) {
            let (before, after) = (&phrase[..at], &phrase[at + name.len()..]);
            return values
                .iter()
                .flat_map(|v| expand(&format!("{before}{v}{after}"), substitutions))
                .collect();
        }
    }
    vec![phrase.to_string()]
}

/// A PETRARCH discard dictionary: phrases that make a sentence (or, marked `+`, a whole story)
/// not worth coding: sports, weather.
#[derive(Clone, Debug, Default)]
pub struct PetrarchDiscards {
    /// Phrases that discard the sentence, lowercase.
    pub sentence: Vec<String>,
    /// Phrases that discard the story, lowercase.
    pub story: Vec<String>,
}

impl PetrarchDiscards {
    /// Reads a discard dictionary.
    pub fn add_text(&mut self, content: &str) {
        for raw in content.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('<') {
                continue;
            }
            match line.strip_prefix('+') {
                Some(story) => self.story.push(phrase_key(story)),
                None => self.sentence.push(phrase_key(line)),
            }
        }
    }

    /// The discard phrase found in `text`, as whole words, if any; story-level first.
    pub fn find<'d>(&'d self, text: &str) -> Option<(&'d str, bool)> {
        let words = phrase_key(&text.replace(|c: char| c.is_ascii_punctuation(), " "));
        let padded = format!(" {words} ");
        let has = |p: &str| padded.contains(&format!(" {p} "));
        self.story
            .iter()
            .find(|p| has(p))
            .map(|p| (p.as_str(), true))
            .or_else(|| {
                self.sentence
                    .iter()
                    .find(|p| has(p))
                    .map(|p| (p.as_str(), false))
            })
    }
}

/// Relations that keep a word inside its head's noun phrase.
fn in_noun_phrase(rel: &str) -> bool {
    matches!(
        rel,
        "compound" | "amod" | "nmod:poss" | "nmod:desc" | "flat" | "det" | "nummod"
    ) || rel.starts_with("compound")
        || rel.starts_with("flat")
}

/// Replaces the document's entity layer with noun phrases coded from PETRARCH dictionaries, and
/// marks the entity and actor layers done. Needs the parse.
pub fn code_petrarch_actors(doc: &mut Document, actors: &PetrarchActors, agents: &PetrarchAgents) {
    let date = doc
        .published
        .as_deref()
        .and_then(|p| parse_date(p.get(..10).unwrap_or(p)));
    let mut entities = Vec::new();
    let mut shapes = Vec::new();
    for (s_idx, s) in doc.sentences.iter().enumerate() {
        let base = s.tokens.start;
        let toks = doc.sentence_tokens(s);
        let n = toks.len();
        let forms: Vec<String> = toks
            .iter()
            .map(|t| doc.slice(t.span).to_lowercase())
            .collect();
        let lemmas: Vec<String> = toks
            .iter()
            .zip(&forms)
            .map(|(t, f)| t.lemma.as_deref().map_or(f.clone(), str::to_lowercase))
            .collect();
        // Actor and agent phrases, longest first from left to right.
        let mut actor_at: Vec<Option<(usize, String)>> = vec![None; n];
        let mut agent_at: Vec<Option<(usize, String)>> = vec![None; n];
        let mut i = 0;
        while i < n {
            let mut found = None;
            for len in (1..=actors.longest.min(n - i)).rev() {
                let key = forms[i..i + len].join(" ");
                if let Some(code) = actors.code(&key, date) {
                    found = Some((len, code.to_string()));
                    break;
                }
            }
            let agent = agents
                .match_at(&forms, &lemmas, i)
                .map(|(len, c)| (len, c.to_string()));
            match (found, agent) {
                (Some(a), Some(g)) if g.0 > a.0 => {
                    let len = g.0;
                    agent_at[i] = Some(g);
                    i += len;
                }
                (Some(a), _) => {
                    let len = a.0;
                    actor_at[i] = Some(a);
                    i += len;
                }
                (None, Some(g)) => {
                    let len = g.0;
                    agent_at[i] = Some(g);
                    i += len;
                }
                (None, None) => i += 1,
            }
        }
        let mut children = vec![Vec::new(); n];
        let mut depth = vec![0usize; n];
        for (k, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n) {
                children[h].push(k);
            }
            let mut d = 0;
            let mut at = k;
            while let Some(h) = toks[at].head.filter(|&h| h < n && d < n) {
                d += 1;
                at = h;
            }
            depth[k] = d;
        }
        let rel = |k: usize| toks[k].deprel.as_deref().unwrap_or("");
        let agent_covers =
            |k: usize| (0..=k).any(|st| agent_at[st].as_ref().is_some_and(|(len, _)| st + len > k));
        let actor_covers =
            |k: usize| (0..=k).any(|st| actor_at[st].as_ref().is_some_and(|(len, _)| st + len > k));
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&k| (depth[k], k));
        let mut taken = vec![false; n];
        // Per coded phrase head: the prefix agents, the actor and the modifier agents.
        let mut pieces: HashMap<usize, (String, String, String)> = HashMap::new();
        for h in order {
            let nominal = matches!(
                toks[h].upos.as_deref(),
                Some("NOUN" | "PROPN" | "X" | "ADJ" | "NUM")
            );
            if taken[h] || !nominal || in_noun_phrase(rel(h)) {
                continue;
            }
            // The phrase: the head and its modifiers; an agent head also takes its "of",
            // "in" and "from" phrases ("the government of Gondor", "lawmakers in Arnor").
            let mut phrase = vec![h];
            let mut k = 0;
            while k < phrase.len() {
                let x = phrase[k];
                for &c in &children[x] {
                    let of_phrase = x == h
                        && agent_covers(h)
                        && rel(c).starts_with("nmod")
                        && children[c]
                            .iter()
                            .any(|&g| matches!(forms[g].as_str(), "of" | "in" | "from"));
                    // The possessive 's belongs to its noun; other case markers stay out.
                    let possessive = rel(c) == "case" && matches!(forms[c].as_str(), "'s" | "'");
                    if in_noun_phrase(rel(c)) || of_phrase || possessive {
                        phrase.push(c);
                    }
                }
                k += 1;
            }
            phrase.sort_unstable();
            let first = phrase[0];
            let last = *phrase.last().expect("non-empty");
            let in_phrase = |st: usize, len: usize| {
                st + len - 1 <= last && (st..st + len).any(|x| phrase.contains(&x))
            };
            let mut actor: Option<String> = None;
            let (mut before, mut mod_after, mut head_after) =
                (String::new(), String::new(), String::new());
            // Agents among the modifiers count when the phrase names an actor or agent by
            // its head, or is a name with a title ("Prime Minister Falk"): an "official news
            // agency" is no official.
            let head_named =
                agent_covers(h) || actor_covers(h) || toks[h].upos.as_deref() == Some("PROPN");
            for st in 0..n {
                if let Some((len, code)) = &actor_at[st] {
                    if actor.is_none() && in_phrase(st, *len) {
                        actor = Some(code.clone());
                    }
                }
                let Some((len, code)) = &agent_at[st] else {
                    continue;
                };
                if !in_phrase(st, *len) || !head_named {
                    continue;
                }
                if let Some(c) = code.strip_prefix('~') {
                    let covers_head = st <= h && h < st + len;
                    let target = if covers_head {
                        &mut head_after
                    } else {
                        &mut mod_after
                    };
                    if !target.ends_with(c) {
                        target.push_str(c);
                    }
                } else if let Some(c) = code.strip_suffix('~') {
                    before.push_str(c);
                }
            }
            // "Danish media and government": a conjunct without an actor of its own shares the
            // first conjunct's ("DNK" + "GOV").
            if actor.is_none() && rel(h) == "conj" {
                if let Some((b, a, m)) = toks[h].head.and_then(|g| pieces.get(&g)) {
                    actor = Some(a.clone());
                    before = format!("{b}{before}");
                    mod_after = format!("{m}{mod_after}");
                }
            }
            if actor.is_none() && before.is_empty() && mod_after.is_empty() && head_after.is_empty()
            {
                continue;
            }
            if let Some(a) = &actor {
                pieces.insert(h, (before.clone(), a.clone(), mod_after.clone()));
            }
            let base_code = actor.as_deref().unwrap_or("---");
            let after = format!("{mod_after}{head_after}");
            let suffix = if base_code.ends_with(after.as_str()) {
                ""
            } else {
                after.as_str()
            };
            let code = format!("{before}{base_code}{suffix}");
            let shape = match (&actor, before.is_empty() && after.is_empty()) {
                (Some(_), true) => PhraseShape::ActorOnly,
                (None, _) if before.is_empty() => PhraseShape::SuffixAgentsOnly(after.clone()),
                _ => PhraseShape::Mixed,
            };
            taken[first..=last].fill(true);
            let span = kestrel_core::Span::new(toks[first].span.start, toks[last].span.end);
            shapes.push(shape);
            entities.push(Entity {
                span,
                sentence: s_idx,
                tokens: base + first..base + last + 1,
                kind: EntityKind::Org,
                actor: Some(ActorCode {
                    code,
                    sector: None,
                    name: doc.slice(span).to_string(),
                    source: ActorSource::Dictionary,
                }),
                cluster: None,
                mention: MentionKind::Name,
            });
        }
    }
    doc.entities = join_detached_titles(doc, entities, shapes);
    for layer in [Layer::Entities, Layer::Actors] {
        if !doc.layers.contains(&layer) {
            doc.layers.push(layer);
        }
    }
}

/// What a coded phrase was made of.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PhraseShape {
    /// An actor and no agent: "Gondor".
    ActorOnly,
    /// Agents written `~CODE` and no actor: "Prime Minister Falk" (`GOV`).
    SuffixAgentsOnly(String),
    /// Anything else.
    Mixed,
}

/// Joins an actor and the titled phrase right after it that the parse cut off ("Valdoria's |
/// Prime Minister Falk"): PETRARCH reads them as one phrase, `VALGOV`.
fn join_detached_titles(
    doc: &Document,
    entities: Vec<Entity>,
    shapes: Vec<PhraseShape>,
) -> Vec<Entity> {
    let mut pairs: Vec<(Entity, PhraseShape)> = entities.into_iter().zip(shapes).collect();
    pairs.sort_by_key(|(e, _)| e.span.start);
    let mut out: Vec<(Entity, PhraseShape)> = Vec::with_capacity(pairs.len());
    for (e, shape) in pairs {
        if let (Some((prev, PhraseShape::ActorOnly)), PhraseShape::SuffixAgentsOnly(suffix)) =
            (out.last_mut(), &shape)
        {
            let between = doc.text[prev.span.end..e.span.start].trim();
            let adjacent = prev.sentence == e.sentence
                && prev.tokens.end == e.tokens.start
                && (between.is_empty() || between == "'s");
            if adjacent {
                let actor = prev.actor.as_mut().expect("coded phrases have actors");
                if !actor.code.ends_with(suffix.as_str()) {
                    actor.code.push_str(suffix);
                }
                prev.span = kestrel_core::Span::new(prev.span.start, e.span.end);
                prev.tokens = prev.tokens.start..e.tokens.end;
                actor.name = doc.slice(prev.span).to_string();
                out.last_mut().expect("just matched").1 = PhraseShape::Mixed;
                continue;
            }
        }
        out.push((e, shape));
    }
    out.into_iter().map(|(e, _)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_entries_read_synonyms_and_dated_codes() {
        let text = "\
VALDORIA [VAL]
+VALDORIAN
KESSLAND_REPUBLIC [KSR] # comment
MARTA_OKONJO
\t[VALGOV 20100101-20141231]
\t[VALOPP >20150101]
\t[VAL]
";
        let mut d = PetrarchActors::default();
        assert_eq!(d.add_text(text), 3);
        assert_eq!(d.code("valdorian", None), Some("VAL"));
        assert_eq!(d.code("kessland republic", None), Some("KSR"));
        assert_eq!(d.code("marta okonjo", Some(20120505)), Some("VALGOV"));
        assert_eq!(d.code("marta okonjo", Some(20160505)), Some("VALOPP"));
        assert_eq!(d.code("marta okonjo", Some(20000505)), Some("VAL"));
        assert_eq!(d.code("nobody", None), None);
    }

    #[test]
    fn agents_expand_substitutions_and_plurals() {
        let text = "!PERSON! = MAN, WOMAN\nHARBOR!PERSON! [~LAB]\nPORT_AUTHORITY {PORT_AUTHORITIES} [~GOV]\nAID_GROUP [NGO~]\n";
        let mut a = PetrarchAgents::default();
        assert_eq!(a.add_text(text), 5);
        let forms: Vec<String> = ["the", "port", "authorities", "harborwoman"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(a.match_at(&forms, &forms, 1), Some((2, "~GOV")));
        assert_eq!(a.match_at(&forms, &forms, 3), Some((1, "~LAB")));
        assert_eq!(a.match_at(&forms, &forms, 0), None);
    }

    #[test]
    fn discards_match_whole_words() {
        let mut d = PetrarchDiscards::default();
        d.add_text("CRICKET MATCH\n+HURRICANE # story\n");
        assert_eq!(
            d.find("The cricket match ended early."),
            Some(("cricket match", false))
        );
        assert_eq!(d.find("A hurricane hit."), Some(("hurricane", true)));
        assert_eq!(d.find("Hurricanes are rare."), None);
    }
}
