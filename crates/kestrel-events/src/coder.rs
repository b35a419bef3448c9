//! Coding one sentence: find triggers, check what the clause asserts, map arguments to actors
//! and recipients.
//!
//! Everything here reads the Universal Dependencies parse. A trigger is a verb or event noun
//! that a dictionary entry accepts in its syntactic company. Its clause must assert the event:
//! a negated, conditional, modal, questioned, wished-for or demanded event is not coded (a
//! refusal or a demand is coded by its own verb). Actors come from the subject, a passive's
//! `by` phrase, a shared subject of coordinated verbs, the noun a relative clause hangs on, or a
//! noun trigger's possessor and modifiers; recipients from the object, the preposition the
//! entry names, an indirect object or a directional preposition.

use kestrel_actors::{agent_sector, is_generic_title, is_state_code, story_country};
use kestrel_core::{Document, EntityKind, Event, Modality, Participant, Span, Token};

use crate::dictionary::{Condition, Entry, EventDictionary, Slot, TriggerKind};
use crate::ontology::{plover_score, quad_class, CameoTable};

/// Words for an organisation that say nothing of its sector by themselves.
const ORGANISATION_HEADS: &[&str] = &[
    "network",
    "group",
    "organisation",
    "organization",
    "movement",
    "wing",
    "body",
    "forum",
    "association",
    "party",
    "front",
    "faction",
    "coalition",
    "alliance",
    "council",
    "committee",
    "agency",
    "union",
    "league",
    "mission",
    "office",
];

/// Verbs whose clausal complement is a report of something that happened.
const REPORTING_VERBS: &[&str] = &[
    "say",
    "tell",
    "announce",
    "report",
    "add",
    "state",
    "confirm",
    "note",
    "declare",
    "write",
    "explain",
    "reveal",
    "acknowledge",
    "admit",
    "tweet",
    "insist",
    "claim",
    "disclose",
    "show",
    "indicate",
    "stress",
    "emphasize",
    "emphasise",
    "recall",
    "learn",
    "know",
    "find",
    "see",
    "hear",
    "realize",
    "post",
    "remark",
    "comment",
    "observe",
    "quote",
    // "... want to defend it," he continued; "replied that ...".
    "continue",
    "reply",
    "answer",
];

/// Verbs that only say an action began, went on or resumed: the action itself is coded.
const ASPECT_VERBS: &[&str] = &[
    "begin", "start", "continue", "resume", "keep", "step", "finish", "stop", "help",
];

/// Words that with a verb are mostly adverbial particles ("give in", "step down", "pull
/// out"), seldom the preposition of an argument.
const ADVERBIAL_PARTICLES: &[&str] = &["in", "out", "down", "back", "up", "off", "over", "away"];

/// Verbs whose participle complement tells what the subject did meanwhile ("wrote to the
/// council accusing it", "spent a week touring the region", "came out fighting").
const WHILE_VERBS: &[&str] = &[
    "write", "spend", "go", "come", "leave", "return", "respond", "reply", "react", "sit", "stand",
    "end", "emerge", "arrive",
];

/// Verbs of attempting: an attempted attack or seizure is coded (CAMEO counts attempts at
/// assassination, bombing and abduction), an attempted meeting or deal is not.
const ATTEMPT_VERBS: &[&str] = &["attempt", "try"];

/// Nouns for an attempt ("an attempt to assassinate the governor was foiled"): as with the
/// verbs, an attempted attack or seizure counts.
const ATTEMPT_NOUNS: &[&str] = &["attempt", "bid"];

/// Verbs of intention and decision: the action they govern is announced, not yet done
/// ("plans to visit", "voted to impose"), and is coded as a future event.
const INTENT_VERBS: &[&str] = &[
    "plan", "intend", "prepare", "decide", "vote", "expect", "aim", "want", "hope", "wish", "move",
    "resolve", "go", "schedule", "set", "pledge", "promise", "vow", "agree", "offer", "about",
    "poised", "due", "ready", "slate", "willing", "prepared", "swear",
];

/// Verbs by which the actor binds itself: in "pledged that Labour would ...", the clause's
/// subject is the actor's own side, not whom the pledge is made to.
const COMMISSIVE_VERBS: &[&str] = &[
    "pledge",
    "promise",
    "vow",
    "swear",
    "guarantee",
    "undertake",
];

/// Event types whose actions are done to a place, so that "in PLACE" names their target:
/// "lifted a curfew in Montenegro", "imposed a blockade in Gaza"; and threats of them
/// ("threatened to resume attacks in Velora").
const PLACE_TARGET_TYPES: &[&str] = &[
    "ASSAULT", "COERCE", "CONCEDE", "RETREAT", "SANCTION", "MOBILIZE", "THREATEN",
];

/// Nouns for people and bodies that the agent nouns leave out, as subjects that can be asked
/// to act: "said an organisation should monitor ...", "said the prince should apologise".
const SUBJECTS_THAT_ACT: &[&str] = &[
    "organisation",
    "organization",
    "body",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "world",
    "public",
    "country",
    "nation",
    "prince",
    "princess",
    "queen",
];

/// What a state's regulator watches over: "the securities watchdog", "the media watchdog".
const REGULATED_TRADES: &[&str] = &[
    "securities",
    "financial",
    "finance",
    "competition",
    "media",
    "communications",
    "telecoms",
    "telecommunications",
    "broadcasting",
    "energy",
    "gas",
    "electricity",
    "water",
    "rail",
    "aviation",
    "consumer",
    "advertising",
    "food",
    "medicines",
    "drug",
    "drugs",
    "market",
    "markets",
    "stock",
    "banking",
    "insurance",
    "pensions",
    "gambling",
    "privacy",
    "data",
    "information",
    "accounting",
    "audit",
    "spending",
    "electoral",
    "election",
    "police",
    "prisons",
    "safety",
];

/// Nouns whose infinitive tells an act not done: "the right to protest", "plans to protest",
/// "a call to protest", "the decision to appeal", "its unwillingness to sign".
const UNDONE_ACT_NOUNS: &[&str] = &[
    "unwillingness",
    "reluctance",
    "refusal",
    "failure",
    "inability",
    "right",
    "freedom",
    "ability",
    "power",
    "permission",
    "chance",
    "opportunity",
    "plan",
    "proposal",
    "need",
    "way",
    "time",
    "licence",
    "license",
    "intention",
    "wish",
    "desire",
    "willingness",
    "readiness",
    "bid",
    "effort",
    "attempt",
    "threat",
    "call",
    "decision",
    "order",
    "promise",
    "pledge",
    "commitment",
    "offer",
    "request",
];

/// Event types whose purpose clause is done by the act that serves it: "gathered to
/// demand", "met to criticise".
const EXPRESSIVE_TYPES: &[&str] = &["REQUEST", "ACCUSE", "PROTEST", "SUPPORT", "REJECT"];

/// Words of time the parser may take for a clause's subject, with the true subject hanging
/// on them ("Iran today threatened").
use kestrel_core::DAY_WORDS as TIME_WORDS;

/// Weapons and incidents that kill without naming who used them ("a car bomb killed ...").
const CAUSE_NOUNS: &[&str] = &[
    "bomb",
    "bombing",
    "explosion",
    "blast",
    "attack",
    "mine",
    "landmine",
    "minefield",
    "shell",
    "shelling",
    "rocket",
    "missile",
    "mortar",
    "grenade",
    "device",
    "airstrike",
    "strike",
    "raid",
    "gunfire",
    "ambush",
    "drone",
    "gunman",
    "gunmen",
    "assailant",
    "attacker",
    "sniper",
];

/// Units and amounts whose `of` phrase says what is measured ("tons of grain", "a shipment
/// of arms").
const MEASURE_NOUNS: &[&str] = &[
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "pound",
    "litre",
    "liter",
    "gallon",
    "barrel",
    "dollar",
    "euro",
    "worth",
    "amount",
    "quantity",
    "shipment",
    "consignment",
    "load",
    "batch",
    "package",
    "supply",
    "lot",
    "box",
    "truckload",
    "planeload",
    "convoy",
    "crate",
];

/// Nouns that count or divide what their `of` phrase names ("thousands of protesters",
/// "members of the union", "a third of the guerrillas").
const QUANTITY_NOUNS: &[&str] = &[
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "dozen",
    "dozens",
    "ten",
    "tens",
    "score",
    "scores",
    "number",
    "member",
    "majority",
    "minority",
    "third",
    "half",
    "quarter",
    "part",
    "rest",
    "many",
    "most",
    "some",
    "all",
    "none",
    "both",
    "each",
];

/// Nouns for the partners of a body, which stand for the body named before them ("EU
/// partners", "Nato allies").
const PARTNER_NOUNS: &[&str] = &["partner", "ally", "member", "neighbour", "neighbor"];

/// People named by whom they follow ("supporters of X").
const FOLLOWER_NOUNS: &[&str] = &[
    "supporter",
    "follower",
    "loyalist",
    "partisan",
    "backer",
    "disciple",
    "devotee",
];

/// Nouns for a body of people that stand for their members ("a group of diplomats").
/// ("party" is not one: "the party of the president" is a political party.)
const COMPANY_NOUNS: &[&str] = &[
    "group",
    "delegation",
    "team",
    "contingent",
    "band",
    "batch",
    "patch",
    "deployment",
    "detachment",
];

/// Verbs that hand their subject to an event noun object ("held talks", "launched an
/// offensive", "imposed sanctions").
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "have",
    "conduct",
    "launch",
    "carry",
    "stage",
    "begin",
    "start",
    "continue",
    "resume",
    "renew",
    // "completed their withdrawal", "speeded up the pull-out": the action took place.
    "complete",
    "finish",
    "accelerate",
    "speed",
    "open",
    "announce",
    "impose",
    "provide",
    "give",
    "send",
    "deliver",
    "approve",
    "make",
    "mount",
    "engage",
    "join",
    "lead",
    "unveil",
    "extend",
    "grant",
    "take",
    "step",
    "intensify",
    "escalate",
    "order",
    "organize",
    "organise",
    "unleash",
    "wage",
    "commit",
    "perpetrate",
    "host",
    "attend",
    "stage",
    "allocate",
    "release",
    "ship",
    "airlift",
    "pay",
    "level",
    "file",
    "bring",
    "lodge",
    "issue",
    "deploy",
    "tighten",
    "expand",
    "introduce",
    "enact",
    "slap",
    // Speech acts restated or voiced: "reiterated its demand", "repeated its call", "voiced
    // its support", "submitted a request".
    "reiterate",
    "repeat",
    "voice",
    "express",
    "submit",
];

/// Prepositions that can introduce a recipient.
/// Verbs of addressing someone "to" or "on" whom a participle after them asks or tells.
const ADDRESSING_VERBS: &[&str] = &[
    "appeal",
    "call",
    "cable",
    "e-mail",
    "email",
    "phone",
    "speak",
    "talk",
    "telephone",
    "turn",
    "write",
];

/// Nouns that a town's name before them names for where they were made or held.
const TOWN_NAMED_NOUNS: &[&str] = &[
    "accord",
    "agreement",
    "charter",
    "conference",
    "convention",
    "declaration",
    "format",
    "meeting",
    "pact",
    "process",
    "protocol",
    "round",
    "statute",
    "summit",
    "talk",
    "talks",
    "treaty",
];

/// Event nouns for what one side says or gives to another, whose "from" phrase names who
/// says or gives it: "criticism from MPs", "calls from the opposition", "aid from Japan".
/// (A withdrawal or an expulsion "from" somewhere is from where it was.)
const FROM_SOURCE_NOUNS: &[&str] = &[
    "accusation",
    "aid",
    "allegation",
    "apology",
    "appeal",
    "approval",
    "assistance",
    "attack",
    "backing",
    "bid",
    "call",
    "challenge",
    "complaint",
    "condemnation",
    "criticism",
    "demand",
    "denial",
    "donation",
    "endorsement",
    "grant",
    "help",
    "invitation",
    "loan",
    "objection",
    "offer",
    "opposition",
    "plea",
    "pledge",
    "praise",
    "pressure",
    "proposal",
    "protest",
    "rebuke",
    "refusal",
    "rejection",
    "request",
    "resistance",
    "sanction",
    "support",
    "threat",
    "ultimatum",
    "warning",
];

/// Event nouns whose possessor, or name before them, undergoes the act: "his arrest", "the
/// Hariri assassination". With an "of" phrase naming who undergoes it, the possessor acts
/// ("the army's arrest of protesters").
const UNDERGONE_NOUNS: &[&str] = &[
    "abduction",
    "arrest",
    "assassination",
    "beheading",
    "capture",
    "conviction",
    "deportation",
    "detention",
    "execution",
    "expulsion",
    "extradition",
    "imprisonment",
    "impeachment",
    "indictment",
    "internment",
    "jailing",
    "kidnap",
    "kidnapping",
    "killing",
    "lynching",
    "murder",
    "ouster",
    "overthrow",
    "sacking",
    "torture",
];

/// Head words of the names of places where things happen rather than bodies that act: "at"
/// one of them names where an act took place.
const VENUES: &[&str] = &[
    "university",
    "college",
    "school",
    "stadium",
    "arena",
    "hotel",
    "centre",
    "center",
    "hall",
    "theatre",
    "theater",
    "hospital",
    "airport",
    "park",
    "square",
    "club",
    "museum",
    "gallery",
];

const RECIPIENT_PREPS: &[&str] = &[
    "against", "on", "with", "to", "at", "toward", "towards", "into", "for", "from", "upon",
    "onto", "between", "among",
];

/// CAMEO codes of acts only a state's authorities do: arrest and detain (173), expel or
/// deport (174), investigate (09).
const STATE_ONLY: &[&str] = &["173", "174", "09"];

/// Auxiliaries that make a clause hypothetical or obligatory rather than asserted.
const MODALS: &[&str] = &[
    "could", "might", "may", "should", "must", "can", "ought", "shall",
];

/// What the clause around a trigger does to it.
enum Status {
    Code(Modality),
    /// Not asserted, and why.
    Skip(&'static str),
}

/// One sentence, with what the coder needs to read its parse quickly.
struct Sentence<'a> {
    doc: &'a Document,
    toks: &'a [Token],
    children: Vec<Vec<usize>>,
    /// The entity mention each token is part of (the one with an actor, when mentions nest).
    entity_at: Vec<Option<usize>>,
    lemmas: Vec<String>,
    published_year: Option<i32>,
    conventions: Conventions,
    index: usize,
}

impl<'a> Sentence<'a> {
    fn new(doc: &'a Document, index: usize, conventions: Conventions) -> Sentence<'a> {
        let s = &doc.sentences[index];
        let toks = doc.sentence_tokens(s);
        let base = s.tokens.start;
        let mut children = vec![Vec::new(); toks.len()];
        for (i, t) in toks.iter().enumerate() {
            if let Some(h) = t.head {
                if h < toks.len() {
                    children[h].push(i);
                }
            }
        }
        let mut entity_at = vec![None; toks.len()];
        for (e_idx, e) in doc.entities.iter().enumerate() {
            if e.sentence != index {
                continue;
            }
            for t in e.tokens.clone() {
                if t >= base && t - base < toks.len() {
                    let slot: &mut Option<usize> = &mut entity_at[t - base];
                    let better = match *slot {
                        None => true,
                        Some(old) => doc.entities[old].actor.is_none() && e.actor.is_some(),
                    };
                    if better {
                        *slot = Some(e_idx);
                    }
                }
            }
        }
        let lemmas = toks
            .iter()
            .map(|t| {
                t.lemma
                    .as_deref()
                    .unwrap_or_else(|| doc.slice(t.span))
                    .to_lowercase()
            })
            .collect();
        let published_year = doc
            .published
            .as_deref()
            .and_then(|p| p.get(..4))
            .and_then(|y| y.parse().ok());
        Sentence {
            doc,
            toks,
            children,
            entity_at,
            lemmas,
            published_year,
            conventions,
            index,
        }
    }

    /// Verb lemmas the lemmatizer guessed wrong for words its treebank lacks ("resumed" →
    /// "resum", "expelled" → "expell"): where the lemma is no verb the dictionary knows but
    /// exactly one of the spellings English inflection allows is, that one is taken.
    fn repair_verb_lemmas(&mut self, dict: &EventDictionary) {
        for t in 0..self.toks.len() {
            if self.upos(t) != "VERB" || dict.knows_verb(&self.lemmas[t]) {
                continue;
            }
            let form = self.doc.slice(self.toks[t].span).to_lowercase();
            let mut found = kestrel_core::morphology::verb_base_forms(&form)
                .into_iter()
                .filter(|b| dict.knows_verb(b));
            if let (Some(base), None) = (found.next(), found.next()) {
                self.lemmas[t] = base;
            }
        }
    }

    /// British spellings with a hyphen the dictionary writes without one ("co-operate",
    /// "co-ordination", "re-open"): a hyphenated lemma the dictionary lacks is read as the
    /// joined word when the dictionary knows that.
    fn join_hyphenated_lemmas(&mut self, dict: &EventDictionary) {
        for lemma in &mut self.lemmas {
            if lemma.contains('-') && !dict.knows_word(lemma) {
                let joined = lemma.replace('-', "");
                if dict.knows_word(&joined) {
                    *lemma = joined;
                }
            }
        }
    }

    /// Dictionary entries for the word at `t`: those listed under its written form first
    /// (PETRARCH lists some verbs so: "LEFT" is not "LEAVE"), then under its lemma.
    fn entries_for<'d>(
        &self,
        dict: &'d EventDictionary,
        kind: TriggerKind,
        t: usize,
    ) -> impl Iterator<Item = &'d Entry> + 'd {
        let form = self.doc.slice(self.toks[t].span).to_lowercase();
        let lemma = self.lemmas[t].clone();
        let by_form = (form != lemma).then(|| dict.lookup(kind, &form));
        by_form
            .into_iter()
            .flatten()
            .chain(dict.lookup(kind, &lemma))
    }

    /// The date of the trigger's own clause: a resolved date or time expression whose words
    /// hang on the trigger without crossing another verb ("met on Friday", "the talks in
    /// March").
    fn clause_date(&self, t: usize) -> Option<String> {
        self.doc
            .dates
            .iter()
            .filter(|x| {
                x.sentence == self.index
                    && matches!(
                        x.kind,
                        kestrel_core::TimexKind::Date | kestrel_core::TimexKind::Time
                    )
            })
            .filter(|x| self.hangs_on(x.span, t))
            .find_map(|x| x.value.as_deref().map(calendar_part))
    }

    /// The token of `span` whose head lies outside it.
    fn span_head(&self, span: Span) -> Option<usize> {
        let tokens: Vec<usize> = (0..self.toks.len())
            .filter(|&i| {
                let sp = self.toks[i].span;
                sp.start >= span.start && sp.end <= span.end
            })
            .collect();
        tokens
            .iter()
            .copied()
            .find(|&i| self.head(i).is_none_or(|h| !tokens.contains(&h)))
    }

    /// Whether the words of `span` hang on the trigger `t` without crossing another verb.
    fn hangs_on(&self, span: Span, t: usize) -> bool {
        let Some(head) = self.span_head(span) else {
            return false;
        };
        let mut at = head;
        for _ in 0..self.toks.len() {
            let Some(h) = self.head(at) else {
                return false;
            };
            if h == t {
                return true;
            }
            if self.upos(h) == "VERB" {
                return false;
            }
            at = h;
        }
        false
    }

    /// Money and counts of people in the trigger's clause: the money, and the dead, injured
    /// and arrested as the trigger's meaning says ("killed at least 20 people").
    fn clause_amounts(&self, t: usize) -> (Option<usize>, [Option<f64>; 3]) {
        let mut money = None;
        let mut counts = [None; 3];
        let slot = match self.lemmas[t].as_str() {
            "kill" | "die" | "massacre" | "execute" | "behead" | "assassinate" => Some(0),
            "injure" | "wound" | "hurt" | "maim" => Some(1),
            "arrest" | "detain" | "jail" | "imprison" | "capture" | "abduct" | "kidnap" => Some(2),
            _ => None,
        };
        for (i, a) in self.doc.amounts.iter().enumerate() {
            if a.sentence != self.index || !self.hangs_on(a.span, t) {
                continue;
            }
            match a.kind {
                kestrel_core::AmountKind::Money if money.is_none() => money = Some(i),
                kestrel_core::AmountKind::People => {
                    if let Some(k) = slot {
                        counts[k] = counts[k].or(Some(a.value));
                    }
                }
                _ => {}
            }
        }
        (money, counts)
    }

    /// The first place in the trigger's clause that names none of the event's participants and
    /// stands in a prepositional phrase ("in Mombasa"); a place that is an object is a
    /// participant by metonymy ("pressed Beijing"), not where the event happened.
    fn clause_place(&self, t: usize, participants: &[&Participant]) -> Option<usize> {
        let oblique = |span: Span| {
            let Some(mut h) = self.span_head(span) else {
                return false;
            };
            while self.rel(h) == "conj" {
                match self.head(h) {
                    Some(x) => h = x,
                    None => return false,
                }
            }
            let rel = self.rel(h);
            rel.starts_with("obl") || rel.starts_with("nmod") && !rel.ends_with("poss")
        };
        // "students in Mombasa": the place says where the students are from, and where the
        // event happened; only the place itself standing for a participant is left out.
        let locates_a_noun = |span: Span| {
            self.span_head(span).is_some_and(|h| {
                self.rel(h).starts_with("nmod")
                    && self.head(h).is_some_and(|n| self.upos(n) == "NOUN")
                    && self.children[h].iter().any(|&c| {
                        self.rel(c) == "case"
                            && matches!(
                                self.lemmas[c].as_str(),
                                "in" | "at" | "near" | "outside" | "inside"
                            )
                    })
            })
        };
        self.doc.places.iter().position(|p| {
            p.sentence == self.index
                && oblique(p.span)
                && self.hangs_on(p.span, t)
                && (locates_a_noun(p.span)
                    || !participants.iter().any(|q| {
                        (p.entity.is_some() && q.entity == p.entity)
                            || (q.span.start < p.span.end && p.span.start < q.span.end)
                    }))
        })
    }

    fn rel(&self, i: usize) -> &str {
        self.toks[i].deprel.as_deref().unwrap_or("")
    }

    fn upos(&self, i: usize) -> &str {
        self.toks[i].upos.as_deref().unwrap_or("")
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.toks[i].head.filter(|&h| h < self.toks.len())
    }

    fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel || self.rel(c).split(':').next() == Some(rel))
    }

    fn kid_exact(&self, i: usize, rel: &str) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.rel(c) == rel)
    }

    /// The preposition or subordinator introducing a dependent ("of" in "of aggression").
    fn case_of(&self, i: usize) -> Option<&str> {
        let c = self.children[i]
            .iter()
            .copied()
            .find(|&c| matches!(self.rel(c), "case" | "mark"))?;
        // "pulled out of the deal", "walked away from talks": the particle and the
        // preposition both read as the noun's case; the preposition is the one that counts.
        if self.particle_before_a_preposition(c) {
            return Some(self.lemmas[c + 1].as_str());
        }
        // "contribute up to 4,000 troops": "up to" counts, it points nowhere.
        let counted = self.lemmas[c] == "to"
            && c > 0
            && self.lemmas[c - 1] == "up"
            && self.children[i].iter().any(|&k| self.rel(k) == "nummod");
        (!counted).then(|| self.lemmas[c].as_str())
    }

    fn span(&self, i: usize) -> Span {
        self.toks[i].span
    }

    /// Whether `c` is a verb's particle that the parser read as the case of the noun after
    /// the preposition that follows it ("out" in "pulled out of the deal").
    fn particle_before_a_preposition(&self, c: usize) -> bool {
        let Some(noun) = self.head(c) else {
            return false;
        };
        self.rel(c) == "case"
            && ADVERBIAL_PARTICLES.contains(&self.lemmas[c].as_str())
            && c + 1 < noun
            && self.head(c + 1) == Some(noun)
            && matches!(self.rel(c + 1), "case" | "fixed")
            && matches!(self.lemmas[c + 1].as_str(), "of" | "from")
    }

    /// A passive clause has a passive auxiliary; a passive subject without one is a parse
    /// error on an active verb ("he had pressed"), read as the subject.
    fn is_passive(&self, v: usize) -> bool {
        (self.kid_exact(v, "aux:pass").is_some() || self.reduced_passive(v))
            && !self.stative_participle(v)
    }

    /// "with at least 900 people killed": a past participle opened by "with", with a subject
    /// but no auxiliary and no object, is a passive, whatever relation the parser gave its
    /// subject. (Without "with" the tagger's past participles are too often past tenses.)
    fn reduced_passive(&self, v: usize) -> bool {
        self.toks[v].xpos.as_deref() == Some("VBN")
            && self.kids(v, "mark").any(|m| self.lemmas[m] == "with")
            && self.kid_exact(v, "nsubj").is_some()
            && self.kid_exact(v, "aux").is_none()
            && self.kid_exact(v, "aux:pass").is_none()
            && self.kid_exact(v, "obj").is_none()
            && self.kid_exact(v, "cop").is_none()
    }

    /// The subject of a passive clause: `nsubj:pass`, or `nsubj` of a reduced passive.
    fn passive_subject(&self, v: usize) -> Option<usize> {
        self.kid_exact(v, "nsubj:pass").or_else(|| {
            self.reduced_passive(v)
                .then(|| self.kid_exact(v, "nsubj"))
                .flatten()
        })
    }

    /// "Israel is opposed to the plan", "Velora is committed to the talks": participles that
    /// with "be" and no agent describe their subject's stance, which is the subject's act,
    /// not something done to it.
    fn stative_participle(&self, v: usize) -> bool {
        const STATIVE: &[&str] = &[
            "opposed",
            "committed",
            "determined",
            "resolved",
            "prepared",
            "inclined",
            "disposed",
            "dedicated",
            "devoted",
        ];
        let form = self.doc.slice(self.toks[v].span).to_lowercase();
        STATIVE.contains(&form.as_str()) && self.agent_phrase(v).is_none()
    }

    /// Dependents that can carry an entry's preposition: obliques, nominal modifiers and
    /// adverbial clauses of the trigger, and those hanging on its object (parsers often attach
    /// "of aggression" in "accused Kyiv of aggression" to the object).
    fn prep_dependents(&self, t: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.children[t]
            .iter()
            .copied()
            .filter(|&c| {
                let r = self.rel(c);
                r.starts_with("obl") || r.starts_with("nmod") || r == "advcl" || r == "obj"
            })
            .collect();
        if let Some(o) = self.kid_exact(t, "obj") {
            out.extend(self.children[o].iter().copied().filter(|&c| {
                let r = self.rel(c);
                r.starts_with("nmod") || r == "acl"
            }));
        }
        // "called Labour 'a machine for talking'": after what a verb names its object, a
        // phrase belongs to the name, not to a call for anything.
        if let Some(named_as) = self
            .kid_exact(t, "xcomp")
            .filter(|&x| matches!(self.upos(x), "NOUN" | "PROPN" | "ADJ"))
            .filter(|&x| self.kid_exact(t, "obj").is_some_and(|o| o < x))
        {
            out.retain(|&c| c < named_as);
        }
        out
    }

    /// Whether a token is a time word or part of a temporal expression ("Tuesday", "5 May").
    fn is_time(&self, c: usize) -> bool {
        let span = self.span(c);
        TIME_WORDS.contains(&self.lemmas[c].as_str())
            || self
                .doc
                .dates
                .iter()
                .any(|d| d.span.start <= span.start && span.end <= d.span.end)
    }

    fn matches(&self, entry: &Entry, t: usize) -> Option<Match> {
        let mut m = Match::default();
        for p in &entry.particles {
            let particle = self.children[t]
                .iter()
                .copied()
                .find(|&c| {
                    matches!(self.rel(c), "compound:prt" | "advmod" | "prt") && self.lemmas[c] == *p
                })
                .or_else(|| {
                    // "handed over 700 kg": the parser may hang the particle right after the
                    // verb on what follows ("over 700", as "more than").
                    let next = t + 1;
                    (next < self.lemmas.len()
                        && self.lemmas[next] == *p
                        && matches!(self.upos(next), "ADV" | "ADP" | "PART")
                        && (self.rel(next) != "case" || self.particle_before_a_preposition(next)))
                    .then_some(next)
                });
            if let Some(c) = particle {
                m.extra.push(c);
                continue;
            }
            // "gave details in a statement" has not given in: a word that is mostly an
            // adverbial particle stands for a preposition only on a verb without an object.
            if ADVERBIAL_PARTICLES.contains(&p.as_str()) && self.kid_exact(t, "obj").is_some() {
                return None;
            }
            // "called the minister a liar on Tuesday": a date is no one called on. And a
            // clause ("gave no sign whether it was in mind") does not stand for a particle.
            // "what it called an attack on its ships": a phrase on an object the entry does
            // not name is none of a particle's, as "called on Ghana" has no object before its
            // "on"; "condemned an attack by ..." names its object.
            let adverbial = ADVERBIAL_PARTICLES.contains(&p.as_str());
            let names_object = entry
                .conditions
                .iter()
                .any(|c| matches!(c.slot, Slot::Object | Slot::ObjectModifier));
            let arg = self.prep_dependents(t).into_iter().find(|&c| {
                (names_object || self.head(c) == Some(t))
                    && self.case_of(c) == Some(p.as_str())
                    && !self.is_time(c)
                    && !(adverbial && self.rel(c) == "advcl")
            })?;
            m.particle_arg = Some(arg);
        }
        for c in &entry.conditions {
            let found = self.condition_token(c, t)?;
            // "..., warn union leaders": the speaker after the report is no object.
            if matches!(c.slot, Slot::Object) && self.speaker_after_the_report(t) == Some(found) {
                return None;
            }
            m.extra.push(found);
            // "met with Ruto", "arrived in Nairobi": the preposition's object is the first
            // choice for the recipient.
            if matches!(c.slot, Slot::Prep(_)) && m.particle_arg.is_none() {
                m.particle_arg = Some(found);
            }
        }
        Some(m)
    }

    /// Objects followed by what they measure: "delivered 700 kg of medicine", "provide 70
    /// million dollars of aid", "$50,000 worth of goods" send medicine, aid and goods.
    fn with_measured(&self, objects: Vec<usize>) -> Vec<usize> {
        let mut out = objects.clone();
        for o in objects {
            let lemma = self.lemmas[o].as_str();
            let counted = self.upos(o) == "NUM"
                || QUANTITY_NOUNS.contains(&lemma)
                || MEASURE_NOUNS.contains(&lemma)
                || self.children[o].iter().any(|&c| self.rel(c) == "nummod");
            if !counted {
                continue;
            }
            out.extend(
                self.children[o]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of")),
            );
        }
        out
    }

    /// Whether word `i` names a person: a person's name, a personal pronoun, a noun for
    /// people of some trade or side, or a number standing for people ("released the four").
    fn names_a_person(&self, i: usize) -> bool {
        if self.upos(i) == "PRON" {
            // Whatever the pronoun was resolved to ("they" may stand for a government).
            return matches!(
                self.lemmas[i].to_lowercase().as_str(),
                "i" | "me" | "you" | "he" | "she" | "they" | "him" | "her" | "them" | "we" | "us"
            );
        }
        if let Some(e) = self.entity_at[i] {
            return self.doc.entities[e].kind == kestrel_core::EntityKind::Person;
        }
        match self.upos(i) {
            "NUM" => !self.children[i]
                .iter()
                .any(|&c| self.rel(c).starts_with("nmod")),
            // "freed the protesters": a noun for people of some trade or side.
            "NOUN" => agent_sector(&self.lemmas[i]).is_some(),
            _ => false,
        }
    }

    /// Whether the noun phrase headed at `s` names someone who can act on an appeal: a person
    /// or a body, by name, pronoun or noun ("users", "gadget makers", "heads of government",
    /// "the rest of the world"), not a thing ("the software", "reforms").
    fn can_act(&self, s: usize) -> bool {
        let lemma = self.lemmas[s].as_str();
        // Plural nouns for doers: "users", "makers", "recipients", "investors".
        let doers = self.toks[s].xpos.as_deref() == Some("NNS")
            && lemma.len() >= 4
            && ["er", "or", "ist", "ant", "ent"]
                .iter()
                .any(|suffix| lemma.ends_with(suffix));
        self.names_a_person(s)
            || doers
            || SUBJECTS_THAT_ACT.contains(&lemma)
            || is_generic_title(lemma)
            || self.phrase_sector(s).is_some()
            || !self.participants(s, false).is_empty()
            || self.children[s]
                .iter()
                .any(|&c| self.rel(c) == "nmod" && self.case_of(c) == Some("of") && self.can_act(c))
    }

    /// Whether "demand" is a market's: "demand for them has been slow", "booming growth
    /// drives demand for travel". A demand someone makes has a determiner or an owner ("the
    /// demand", "their demand") or is one of several ("demands"); bare "demand" is for goods,
    /// unless what it is for is something only someone asks ("demand for his resignation").
    fn market_demand(&self, t: usize) -> bool {
        const ASKED_FOR: &[&str] = &[
            "resignation",
            "release",
            "independence",
            "withdrawal",
            "apology",
            "compensation",
            "reform",
            "justice",
            "inquiry",
            "investigation",
            "referendum",
            "election",
            "autonomy",
            "freedom",
            "change",
            "action",
            "talk",
            "recognition",
            "explanation",
            "end",
            "ceasefire",
            "right",
        ];
        // "prices and demand dipping", "drives demand for travel", with "demand" tagged as a
        // verb: a present-tense "demand" with no subject, object or clause of its own.
        let bare_verb = matches!(self.toks[t].xpos.as_deref(), Some("VB" | "VBP"))
            && !self.children[t].iter().any(|&c| {
                matches!(self.rel(c), "nsubj" | "obj" | "ccomp")
                    || (self.rel(c) == "xcomp" && self.opened_by(c, &["to"]))
            });
        self.lemmas[t] == "demand"
            && (self.toks[t].xpos.as_deref() == Some("NN") || bare_verb)
            && !self.children[t].iter().any(|&c| {
                matches!(self.rel(c), "det" | "nmod:poss" | "nummod")
                    || (self.case_of(c) == Some("for")
                        && ASKED_FOR.contains(&self.lemmas[c].as_str()))
            })
    }

    /// Whether every thing a verb of blame lays blame on (its object or passive subject,
    /// what it lays the blame "on", and their conjuncts) is neither a person, nor a group, nor
    /// a named entity: "blamed weak demand and currency losses".
    fn blames_a_cause(&self, t: usize) -> bool {
        let mut blamed: Vec<usize> = self.kids(t, "obj").collect();
        blamed.extend(self.kid_exact(t, "nsubj:pass"));
        blamed.extend(
            self.kids(t, "obl")
                .filter(|&o| self.case_of(o) == Some("on")),
        );
        let conjuncts: Vec<usize> = blamed.iter().flat_map(|&b| self.kids(b, "conj")).collect();
        blamed.extend(conjuncts);
        !blamed.is_empty()
            && blamed
                .iter()
                .all(|&b| self.entity_at[b].is_none() && !self.names_a_person(b))
    }

    /// The noun a relative clause hangs on when it is the object the clause's verb lacks: "a
    /// target he says he has met", "the plan which ministers attacked", "the files that were
    /// destroyed". Not in a clause whose subject is the relative pronoun ("the minister who
    /// met them").
    fn relativized_object(&self, t: usize) -> Option<usize> {
        const RELATIVES: &[&str] = &["which", "that", "who", "whom"];
        let relative = |k: usize| RELATIVES.contains(&self.lemmas[k].as_str());
        let clause = if self.rel(t) == "acl:relcl" {
            t
        } else if self.rel(t) == "ccomp" {
            // "a target he says he has met", not "the minister who says he will meet".
            let h = self.head(t).filter(|&h| self.rel(h) == "acl:relcl")?;
            self.kids(h, "nsubj").find(|&k| !relative(k))?;
            h
        } else {
            return None;
        };
        let noun = self.head(clause)?;
        let object = self
            .kids(t, "obj")
            .chain(self.kid_exact(t, "nsubj:pass"))
            .collect::<Vec<_>>();
        if object.iter().any(|&o| !relative(o)) {
            return None;
        }
        // The parser may give "which" and the true subject both as subjects.
        let named_subject = self
            .kids(t, "nsubj")
            .any(|k| self.rel(k) != "nsubj:pass" && !relative(k));
        let gap = !object.is_empty() || named_subject;
        (gap && matches!(self.upos(noun), "NOUN" | "PROPN")).then_some(noun)
    }

    fn condition_token(&self, c: &Condition, t: usize) -> Option<usize> {
        let accepts = |i: usize| {
            c.lemmas.is_empty()
                || c.lemmas.contains(&self.lemmas[i])
                || (c.lemmas.iter().any(|l| l == "@person") && self.names_a_person(i))
        };
        let candidates: Vec<usize> = match &c.slot {
            Slot::Object => {
                let mut v: Vec<usize> = self.kids(t, "obj").collect();
                v.extend(self.kid_exact(t, "nsubj:pass"));
                v.extend(self.relativized_object(t));
                // "sent tents and medicine": any of coordinated objects.
                let conjuncts: Vec<usize> = v.iter().flat_map(|&o| self.kids(o, "conj")).collect();
                v.extend(conjuncts);
                self.with_measured(v)
            }
            Slot::Complement => {
                // "agreed in principle on Saturday to provide ...": the parser may read the
                // infinitive the entry asks for as a purpose (`advcl`).
                // "asked why ministers attacked the plan" is a question, not a request: a
                // clause opened by a question word is no governed action.
                let question = |k: usize| {
                    self.children[k].iter().any(|&c| {
                        c < k
                            && matches!(
                                self.lemmas[c].as_str(),
                                "why"
                                    | "how"
                                    | "what"
                                    | "whether"
                                    | "if"
                                    | "when"
                                    | "where"
                                    | "who"
                            )
                    })
                };
                let mut v: Vec<usize> = self.children[t]
                    .iter()
                    .copied()
                    .filter(|&k| {
                        (matches!(self.rel(k), "xcomp" | "ccomp")
                            || (self.rel(k) == "advcl" && k > t && self.opened_by(k, &["to"])))
                            && !question(k)
                    })
                    .collect();
                // "ordered the newspaper to suspend ...", parsed with the infinitive on the
                // object: it is still the verb's complement.
                v.extend(self.kids(t, "obj").flat_map(|o| {
                    self.children[o]
                        .iter()
                        .copied()
                        .filter(|&k| self.rel(k) == "acl" && self.opened_by(k, &["to"]))
                        .collect::<Vec<_>>()
                }));
                v
            }
            Slot::Modifier => self.children[t]
                .iter()
                .copied()
                .filter(|&k| matches!(self.rel(k), "compound" | "amod" | "advmod" | "nmod:npmod"))
                .collect(),
            Slot::ComplementAux => {
                // The clause is returned, so that it counts as the entry's and is not coded
                // on its own.
                // A clause opened by "that" is a complement even where the parser made it
                // adverbial ("declared Tuesday that China must ...").
                let complements = self.children[t].iter().copied().filter(|&k| {
                    matches!(self.rel(k), "ccomp" | "xcomp")
                        || (self.rel(k) == "advcl" && self.opened_by(k, &["that"]))
                });
                // "said the software should be available by May" foresees; "said Tehran must
                // release ..." and "said ministers should resign" ask someone to act: an
                // active clause needs a subject that can (a named entity, a pronoun for people,
                // a noun for people or bodies). A passive ("said the prisoners must be
                // freed") or "there must be an inquiry" asks whoever can.
                let someone_can = |k: usize| {
                    if self.is_passive(k) || self.kid_exact(k, "expl").is_some() {
                        return true;
                    }
                    // "I should tell you that ...", "I must say ...": a speaker's duty to
                    // themselves asks no one.
                    self.kid_exact(k, "nsubj").is_none_or(|s| {
                        self.can_act(s) && !self.lemmas[s].eq_ignore_ascii_case("i")
                    })
                };
                return complements.into_iter().find(|&k| {
                    self.children[k]
                        .iter()
                        .any(|&a| self.rel(a) == "aux" && accepts(a))
                        && someone_can(k)
                });
            }
            Slot::ObjectModifier => {
                let mut objects: Vec<usize> = self.kids(t, "obj").collect();
                objects.extend(self.kid_exact(t, "nsubj:pass"));
                // "signed a trade deal", "lifted the state of emergency".
                self.with_measured(objects)
                    .into_iter()
                    .flat_map(|o| self.children[o].iter().copied())
                    .filter(|&k| {
                        matches!(self.rel(k), "compound" | "amod" | "nmod:npmod")
                            || (self.rel(k) == "nmod" && self.case_of(k) == Some("of"))
                    })
                    .collect()
            }
            // "thousands of nurses struck": the people counted.
            Slot::Subject => self.with_measured(self.kids(t, "nsubj").collect()),
            Slot::Predicate => self.predicates_of_object(t),
            // "talk ... to increase prosperity": an infinitive's "to" introduces no one.
            Slot::Prep(p) => self
                .prep_dependents(t)
                .into_iter()
                .filter(|&k| self.case_of(k) == Some(p.as_str()))
                .filter(|&k| {
                    !(p == "to"
                        && matches!(self.rel(k), "advcl" | "acl")
                        && self.toks[k].xpos.as_deref() == Some("VB"))
                })
                .collect(),
        };
        candidates.into_iter().find(|&i| accepts(i))
    }

    /// What the verb at `t` calls its object ("called the minister a liar", "branded the vote
    /// illegal", "was called a traitor"), and the predicates coordinated with it. UD makes it
    /// the verb's `xcomp`; the parser also reads it as a second object, or as a bare noun or
    /// an adjective hung on the object after it ("called the rebels terrorists", "called the
    /// talks with Kenya constructive": an adjective after its noun is rarely attributive).
    fn predicates_of_object(&self, t: usize) -> Vec<usize> {
        let nominal = |k: usize| matches!(self.upos(k), "NOUN" | "ADJ" | "PROPN");
        let bare = |k: usize| {
            !self.children[k]
                .iter()
                .any(|&c| matches!(self.rel(c), "case" | "mark"))
        };
        let mut v: Vec<usize> = self
            .kids(t, "xcomp")
            .filter(|&k| nominal(k) && bare(k))
            .collect();
        let objects: Vec<usize> = self.kids(t, "obj").collect();
        if let Some(&first) = objects.first() {
            v.extend(objects[1..].iter().copied().filter(|&k| nominal(k)));
            v.extend(self.children[first].iter().copied().filter(|&k| {
                k > first
                    && matches!(self.rel(k), "nmod" | "appos" | "xcomp" | "amod")
                    && nominal(k)
                    && bare(k)
            }));
        }
        let conjuncts: Vec<usize> = v.iter().flat_map(|&k| self.kids(k, "conj")).collect();
        v.extend(conjuncts);
        v
    }

    /// Whether the clause of the trigger at `t` is conditional on something not happening: an
    /// adverbial clause opened by "unless", or by "if" with a negation in it.
    fn on_a_condition_of_not(&self, t: usize) -> bool {
        let clause = if self.upos(t) == "VERB" {
            t
        } else {
            match self.head(t) {
                Some(h) => h,
                None => return false,
            }
        };
        self.kids(clause, "advcl").any(|c| {
            self.opened_by(c, &["unless"])
                || (self.opened_by(c, &["if"])
                    && self.children[c].iter().any(|&k| {
                        self.rel(k) == "advmod" && matches!(self.lemmas[k].as_str(), "not" | "n't")
                    }))
        })
    }

    /// Whether clause `x` says its act "may", "might" or "could" come on a condition ("may
    /// halt its mediation if the talks founder", "could strike if ministers scrap ...").
    fn held_out_on_a_condition(&self, x: usize) -> bool {
        self.children[x].iter().any(|&a| {
            self.rel(a) == "aux" && matches!(self.lemmas[a].as_str(), "may" | "might" | "could")
        }) && self
            .kids(x, "advcl")
            .any(|c| c > x && self.opened_by(c, &["if", "unless"]))
    }

    /// Whom a demand, accusation or protest made by way of another act is addressed to: that
    /// act's object ("summoned the ambassador to complain", "met the envoy to demand ...").
    fn purpose_addressee(&self, t: usize, plover_type: &str) -> Vec<Participant> {
        if !EXPRESSIVE_TYPES.contains(&plover_type)
            || self.rel(t) != "advcl"
            || self.case_of(t) != Some("to")
        {
            return Vec::new();
        }
        let Some(h) = self.head(t) else {
            return Vec::new();
        };
        self.kids(h, "obj")
            .filter(|&o| o < t)
            .map(|o| self.participants(o, false))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// Whom a protest is aimed at, named in a phrase of the protest: "blocked streets in
    /// defiance of the authorities", "a hunger strike in protest at the government's refusal"
    /// (the party, or whose the thing protested is).
    fn protest_target(&self, t: usize) -> Vec<Participant> {
        const STANCES: &[&str] = &["defiance", "protest", "opposition", "condemnation"];
        for &c in &self.children[t] {
            if !matches!(self.rel(c), "obl" | "nmod")
                || self.case_of(c) != Some("in")
                || !STANCES.contains(&self.lemmas[c].as_str())
            {
                continue;
            }
            let target = self.children[c].iter().copied().find(|&x| {
                self.rel(x).starts_with("nmod")
                    && matches!(self.case_of(x), Some("of" | "against" | "at" | "over"))
            });
            if let Some(x) = target {
                let found = self.participants(x, true);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// Whom a protest is aimed at, named in the purpose it states: "a hunger strike to protest
    /// President Assad's failure", "blocked a road to show their disapproval for the United
    /// States' policies" (the party the purpose clause's object or phrase names, or whose
    /// thing it is). The clause may hang on the protest, its verb or that verb's object.
    fn purpose_target(&self, t: usize) -> Vec<Participant> {
        const PURPOSES: &[&str] = &[
            "protest",
            "denounce",
            "condemn",
            "oppose",
            "show",
            "express",
            "voice",
            "demand",
            "decry",
            "challenge",
            "reject",
        ];
        let mut hosts = vec![t];
        hosts.extend(self.head(t));
        hosts.extend(self.kids(t, "obj"));
        let purpose = hosts
            .iter()
            .flat_map(|&h| self.children[h].iter().copied())
            .find(|&c| {
                matches!(self.rel(c), "advcl" | "acl" | "xcomp")
                    && self.opened_by(c, &["to"])
                    && PURPOSES.contains(&self.lemmas[c].as_str())
            });
        let Some(v) = purpose else {
            return Vec::new();
        };
        // The thing itself, else whose it is ("Assad's failure"; not "their disapproval").
        let named_or_owner = |n: usize| -> Vec<Participant> {
            let found = self.participants(n, true);
            if !found.is_empty() {
                return found;
            }
            self.children[n]
                .iter()
                .copied()
                .filter(|&k| self.rel(k) == "nmod:poss" && self.upos(k) != "PRON")
                .map(|k| self.participants(k, false))
                .find(|found| !found.is_empty())
                .unwrap_or_default()
        };
        let mut args: Vec<usize> = self.kids(v, "obj").collect();
        args.extend(self.children[v].iter().copied().filter(|&c| {
            self.rel(c).starts_with("obl")
                && matches!(
                    self.case_of(c),
                    Some("for" | "against" | "over" | "at" | "of")
                )
        }));
        args.into_iter()
            .map(named_or_owner)
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// Whom an investigation or accusation is about when it names wrongs and who did them:
    /// "investigating war crimes by Croatian extremists against Serb civilians", "an inquiry
    /// into abuses committed by the police" (the doers, not the victims).
    fn wrongdoers(&self, t: usize) -> Vec<Participant> {
        const WRONGS: &[&str] = &[
            "crime",
            "abuse",
            "violation",
            "atrocity",
            "killing",
            "massacre",
            "corruption",
            "wrongdoing",
            "misconduct",
            "fraud",
            "torture",
            "attack",
            "murder",
        ];
        let by = |h: usize, rel: &str| {
            self.children[h]
                .iter()
                .copied()
                .find(|&c| self.rel(c).starts_with(rel) && self.case_of(c) == Some("by"))
        };
        // The wrongs: the trigger's object, or what an investigation is "into" or "of".
        let mut wrongs: Vec<usize> = self.kids(t, "obj").collect();
        wrongs.extend(self.children[t].iter().copied().filter(|&c| {
            self.rel(c).starts_with("nmod") && matches!(self.case_of(c), Some("into" | "of"))
        }));
        if let Some(g) = self.light_governor(t) {
            wrongs.extend(self.kids(g, "obj").filter(|&o| o != t));
        }
        for w in wrongs {
            if !WRONGS.contains(&self.lemmas[w].as_str()) {
                continue;
            }
            // "crimes by X", "crimes committed by X", or "by X" read as the verb's own.
            let doer = by(w, "nmod")
                .or_else(|| self.kids(w, "acl").find_map(|a| by(a, "obl")))
                .or_else(|| (!self.is_passive(t)).then(|| by(t, "obl")).flatten());
            if let Some(d) = doer {
                let found = self.participants(d, true);
                if found.iter().any(|p| p.code.is_some()) {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// The party a conditional threat is aimed at: the subject of its condition ("threatened
    /// to halt the talks if Velora deploys the missiles", "will retaliate unless the
    /// government backs down"). The condition clause may hang on the threat's verb or on the
    /// action threatened, and the parser sometimes joins it as a conjunct.
    fn condition_party(&self, t: usize) -> Vec<Participant> {
        // The threat's clause and the clauses it governs, three levels down ("threatened to
        // end the talks on cutting arms if ...").
        let mut clauses = vec![t];
        let mut k = 0;
        let mut depth = vec![0];
        while k < clauses.len() {
            let (v, d) = (clauses[k], depth[k]);
            k += 1;
            if d == 3 {
                continue;
            }
            for c in self
                .kids(v, "xcomp")
                .chain(self.kids(v, "advcl"))
                .chain(self.kids(v, "ccomp"))
            {
                clauses.push(c);
                depth.push(d + 1);
            }
        }
        for &v in &clauses {
            let conditions = self.children[v]
                .iter()
                .copied()
                .filter(|&c| c > v && matches!(self.rel(c), "advcl" | "conj"))
                .filter(|&c| self.opened_by(c, &["if", "unless"]));
            for c in conditions {
                for subject in self.kids(c, "nsubj") {
                    let found = self.participants(subject, false);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        Vec::new()
    }

    /// Whether the clause asserts the event at `t`, and how.
    fn status(&self, t: usize, plover_type: &str, is_trigger: &dyn Fn(usize) -> bool) -> Status {
        // A question ends in "?", perhaps inside closing quotes ("asked: \"Would it ...?\"").
        let closing = |w: &str| matches!(w, "\"" | "'" | "\u{201d}" | "\u{2019}" | ")");
        if self
            .toks
            .iter()
            .rev()
            .map(|l| self.doc.slice(l.span))
            .find(|w| !closing(w))
            == Some("?")
        {
            return Status::Skip("a question");
        }
        let mut modality = Modality::Asserted;
        // The trigger's own clause: a verb trigger, or the verb a noun trigger hangs on.
        let mut x = t;
        let mut own_clause = true;
        // Reached from a later conjunct: the first conjunct's negation is its own ("cannot
        // accept and will oppose").
        let mut from_conjunct = false;
        loop {
            for &c in &self.children[x] {
                let r = self.rel(c);
                let l = self.lemmas[c].as_str();
                if !from_conjunct
                    && ((r == "advmod" && matches!(l, "not" | "never" | "n't"))
                        || (r == "det" && matches!(l, "no" | "neither"))
                        || (r == "cc:preconj" && l == "neither"))
                {
                    return Status::Skip("negated");
                }
                if r == "mark" && matches!(l, "if" | "unless" | "whether" | "lest") {
                    return Status::Skip("a condition (if, unless, whether)");
                }
                // "Straw is to visit Thailand", "talks are to resume": "be" with "to" before a
                // bare verb tells what is planned.
                if own_clause
                    && matches!(r, "aux" | "cop")
                    && l == "be"
                    && self.toks[x].xpos.as_deref() == Some("VB")
                    && self.children[x]
                        .iter()
                        .any(|&m| self.rel(m) == "mark" && self.lemmas[m] == "to" && m < x && m > c)
                {
                    modality = Modality::Future;
                }
                if own_clause && r == "aux" {
                    match l {
                        "will" | "'ll" | "wo" => modality = Modality::Future,
                        "would" | "'d" => {
                            // "announced it would prohibit aid and would deny entry": a
                            // conjunct reports as its first conjunct does.
                            let mut first = x;
                            while self.rel(first) == "conj" {
                                match self.head(first) {
                                    Some(h) => first = h,
                                    None => break,
                                }
                            }
                            if self.rel(first) == "ccomp" {
                                modality = Modality::Future;
                            } else {
                                return Status::Skip("hypothetical (would)");
                            }
                        }
                        // "may halt its mediation if the talks founder": a hostile act
                        // held out on a condition is a threat, whatever the modal.
                        "may" | "might" | "could"
                            if matches!(
                                plover_type,
                                "COERCE" | "ASSAULT" | "SANCTION" | "PROTEST"
                            ) && self.held_out_on_a_condition(x) =>
                        {
                            modality = Modality::Future
                        }
                        _ if MODALS.contains(&l) => {
                            return Status::Skip("a modal (may, could, should, ...)")
                        }
                        _ => {}
                    }
                }
            }
            from_conjunct = false;
            if own_clause && self.upos(x) == "VERB" {
                // "is going to meet", "plans to visit" are handled by the governing verb.
                own_clause = false;
            }
            let Some(h) = self.head(x) else {
                break;
            };
            let rel = self.rel(x);
            let mut base = rel.split(':').next().unwrap_or(rel);
            // "may try and deport them", "will go and meet him": the verb after "try and" or
            // "go and" is governed by it, as after "try to". Only the bare form is so used:
            // "tried and convicted" is two acts.
            if base == "conj"
                && matches!(self.lemmas[h].as_str(), "try" | "go")
                && self
                    .doc
                    .slice(self.span(h))
                    .eq_ignore_ascii_case(&self.lemmas[h])
                && x == h + 2
                && self.lemmas[h + 1] == "and"
            {
                base = "xcomp";
            }
            match base {
                // "accused him of lying and then attacking the critics", "wants to meet Ruto and
                // sign the deal": a conjunct stands where its first conjunct stands.
                "conj" => {
                    x = h;
                    from_conjunct = true;
                    continue;
                }
                "parataxis" | "list" | "appos" | "root" | "discourse" | "vocative" => break,
                // "no evidence that any prisoner was tortured", "no sign that troops had
                // attacked": what a noun says none of is not so.
                // The parser may read the "that" as a relative pronoun, so the noun and the
                // "that" right after it tell.
                "acl"
                    if matches!(
                        self.lemmas[h].as_str(),
                        "evidence" | "sign" | "indication" | "proof" | "suggestion" | "hint"
                    ) && x > h + 1
                        && self.lemmas[h + 1] == "that"
                        && self.children[h]
                            .iter()
                            .any(|&d| self.rel(d) == "det" && self.lemmas[d] == "no") =>
                {
                    return Status::Skip("negated");
                }
                "acl" if rel == "acl:relcl" => break,
                // "wrote to him accusing him of ...", "spent a month trying to find it":
                // a participle after a verb of writing, going or spending time tells what the
                // subject did meanwhile.
                "xcomp"
                    if self.toks[x].xpos.as_deref() == Some("VBG")
                        && self.case_of(x).is_none()
                        && WHILE_VERBS.contains(&self.lemmas[h].as_str()) => {}
                // "became so well known that police raided it": what a linking verb's
                // predicate governs is told as it is.
                "xcomp"
                    if self.case_of(x).is_none()
                        && matches!(self.upos(x), "ADJ" | "VERB")
                        && matches!(
                            self.lemmas[h].as_str(),
                            "become" | "remain" | "get" | "grow" | "turn" | "stay" | "prove"
                        )
                        && self.toks[x].xpos.as_deref() != Some("VB") => {}
                "xcomp" => {
                    let mut governor = self.lemmas[h].as_str();
                    // "He went on to accuse Mr Brown": going on to do something is doing it
                    // next, as continuing is; "is going to" stays an intention.
                    let goes_on = governor == "go"
                        && self.children[h].iter().any(|&c| {
                            matches!(self.rel(c), "compound:prt" | "advmod")
                                && self.lemmas[c] == "on"
                                && c == h + 1
                        });
                    if goes_on {
                        governor = "continue";
                    }
                    // An attempted attack or seizure counts; other attempts do not.
                    let attempted_attack = ATTEMPT_VERBS.contains(&governor)
                        && matches!(plover_type, "ASSAULT" | "COERCE");
                    // "wants to meet" is the subject's intention; "wants Britain to meet"
                    // is not.
                    let someone_else = self.children[h]
                        .iter()
                        .any(|&c| matches!(self.rel(c), "obj" | "iobj") && c < x);
                    if INTENT_VERBS.contains(&governor) && !is_trigger(h) && !someone_else {
                        modality = Modality::Future;
                    } else if !ASPECT_VERBS.contains(&governor) && !attempted_attack {
                        return Status::Skip("the complement of a verb that does not assert it");
                    } else {
                        // "began to shell", "tried to storm": the governor's own auxiliaries
                        // speak for the act ("might try to attack" is no attack).
                        own_clause = true;
                        x = h;
                        continue;
                    }
                }
                // "It is true that they apologised": what is said to be so is told as so,
                // read as the complement or, after the expletive "it", as the subject.
                "ccomp" | "csubj"
                    if self.upos(h) == "ADJ"
                        && (base == "ccomp" || self.case_of(x) == Some("that"))
                        && matches!(
                            self.lemmas[h].as_str(),
                            "true" | "clear" | "obvious" | "evident" | "plain" | "undeniable"
                        ) => {}
                "ccomp" if !REPORTING_VERBS.contains(&self.lemmas[h].as_str()) => {
                    return Status::Skip("the complement of a verb that does not report it");
                }
                "csubj" => return Status::Skip("a clausal subject"),
                "advcl" | "acl" => match self.case_of(x) {
                    // Not what a noun of right, plan or intent leaves to do ("the right to
                    // protest", "plans to protest"), which is not done.
                    // The parser may hang such an infinitive on the verb instead ("curbing
                    // rights to protest"): the noun right before "to" tells.
                    Some("to")
                        if x == t
                            && EXPRESSIVE_TYPES.contains(&plover_type)
                            && !(rel == "acl"
                                && UNDONE_ACT_NOUNS.contains(&self.lemmas[h].as_str()))
                            && !(x >= 2
                                && self.lemmas[x - 1] == "to"
                                && self.upos(x - 2) == "NOUN"
                                && UNDONE_ACT_NOUNS.contains(&self.lemmas[x - 2].as_str())) =>
                    {
                        break
                    }
                    // "used tear gas to disperse the crowd": what an instrument was used for
                    // is reported as done.
                    // The instrument's clause still decides: "could use X to ..." is not.
                    Some("to") if matches!(self.lemmas[h].as_str(), "use" | "employ") => {
                        own_clause = true;
                        x = h;
                        continue;
                    }
                    Some("to")
                        if rel == "acl"
                            && ATTEMPT_NOUNS.contains(&self.lemmas[h].as_str())
                            && matches!(plover_type, "ASSAULT" | "COERCE") =>
                    {
                        x = h;
                        continue;
                    }
                    Some("to" | "of" | "for" | "without" | "so" | "in") => {
                        return Status::Skip("a purpose or manner clause (to, for, without, ...)")
                    }
                    // "must agree to changes before they demobilize": a clause in the present
                    // tense after "before" or "until" tells of a time still to come.
                    Some("before" | "until")
                        if matches!(self.toks[x].xpos.as_deref(), Some("VBP" | "VBZ" | "VB")) =>
                    {
                        return Status::Skip("a time still to come (before, until)")
                    }
                    Some(_) => break,
                    // "..., demanding Moscow allow ...": a participle set off by a comma
                    // speaks for the sentence's subject whatever the parser hung it on.
                    None if self.toks[x].xpos.as_deref() == Some("VBG")
                        && self.comma_before_clause(x) =>
                    {
                        break
                    }
                    None => {}
                },
                _ => {}
            }
            x = h;
        }
        if modality == Modality::Asserted && self.is_historical(t) {
            modality = Modality::Historical;
        }
        Status::Code(modality)
    }

    /// Whether the clause headed by `x` opens right after a comma.
    fn comma_before_clause(&self, x: usize) -> bool {
        let mut start = x;
        for (i, _) in self.toks.iter().enumerate().take(x).rev() {
            let mut a = i;
            let mut inside = false;
            for _ in 0..self.toks.len() {
                if a == x {
                    inside = true;
                    break;
                }
                match self.head(a) {
                    Some(h) => a = h,
                    None => break,
                }
            }
            if !inside {
                break;
            }
            start = i;
        }
        // The comma may hang on the clause or before it.
        self.doc.slice(self.toks[start].span) == ","
            || (start > 0 && self.doc.slice(self.toks[start - 1].span) == ",")
    }

    /// A year well before the publication year in the trigger's time modifiers.
    fn is_historical(&self, t: usize) -> bool {
        let Some(published) = self.published_year else {
            return false;
        };
        let mut stack: Vec<usize> = self.children[t]
            .iter()
            .copied()
            .filter(|&c| {
                let r = self.rel(c);
                r.starts_with("obl") || r.starts_with("nmod") || r == "advmod"
            })
            .collect();
        while let Some(i) = stack.pop() {
            let text = self.doc.slice(self.span(i));
            if text.len() == 4 {
                if let Ok(y) = text.parse::<i32>() {
                    if (1900..published - 1).contains(&y) {
                        return true;
                    }
                }
            }
            if self.lemmas[i] == "ago" {
                if let Some(n) = self.children[i].iter().find(|&&c| self.lemmas[c] == "year") {
                    let _ = n;
                    return true;
                }
            }
            stack.extend(
                self.children[i]
                    .iter()
                    .copied()
                    .filter(|&c| !self.rel(c).starts_with("acl")),
            );
        }
        false
    }

    /// The participants a noun phrase headed by `h` stands for, one per coordinated member.
    fn participants(&self, h: usize, loose: bool) -> Vec<Participant> {
        let mut heads = vec![h];
        let mut k = 0;
        while k < heads.len() {
            let x = heads[k];
            let more: Vec<usize> = self
                .kids(x, "conj")
                .filter(|c| !heads.contains(c))
                .collect();
            heads.extend(more);
            k += 1;
        }
        let mut out: Vec<Participant> = Vec::new();
        for x in heads {
            for p in self.participant(x, loose) {
                if !out.iter().any(|q| q.span == p.span) {
                    out.push(p);
                }
            }
        }
        out
    }

    fn entity_participant(&self, e: usize, sector_override: Option<&str>) -> Participant {
        let entity = &self.doc.entities[e];
        let actor = entity.actor.as_ref();
        Participant {
            span: entity.span,
            entity: Some(e),
            code: actor.map(|a| a.code.clone()),
            sector: sector_override
                .map(String::from)
                .or_else(|| actor.and_then(|a| a.sector.clone())),
            implied: false,
        }
    }

    /// Whether the places stage placed an entity at one of these levels ("city", "admin1").
    fn placed_as(&self, e: usize, levels: &[&str]) -> bool {
        self.doc
            .places
            .iter()
            .any(|p| p.entity == Some(e) && levels.contains(&p.level.as_str()))
    }

    /// The sector a noun phrase's head names, made precise by a modifier that names a sector
    /// of its own: "opposition leaders" are OPP and "military officials" MIL, not GOV; "rebel
    /// forces" are REB; "opposition groups" OPP. Institutions keep theirs ("military court").
    fn phrase_sector(&self, h: usize) -> Option<&'static str> {
        const INSTITUTIONS: &[&str] = &[
            "government",
            "ministry",
            "cabinet",
            "administration",
            "regime",
            "state",
            "country",
            "nation",
            "authority",
            "leadership",
        ];
        const GROUPS: &[&str] = &[
            "group",
            "faction",
            "movement",
            "coalition",
            "alliance",
            "camp",
            "bloc",
            "supporter",
            "member",
            "figure",
            "source",
        ];
        // Words that make a group or organisation a non-governmental one: "a human rights
        // group", "humanitarian agencies", "an aid organisation".
        const NGO_MODIFIERS: &[&str] = &[
            "right",
            "rights",
            "humanitarian",
            "aid",
            "relief",
            "charity",
            "advocacy",
            "watchdog",
            "non-governmental",
            "nongovernmental",
        ];
        const NGO_BODIES: &[&str] = &["organization", "organisation", "agency", "watchdog"];
        // A modifier that makes the agent noun a thing: "a think-tank", "fuel tanks", "the
        // labour force".
        const NOT_AGENTS: &[(&str, &str)] = &[
            ("think", "tank"),
            ("fuel", "tank"),
            ("water", "tank"),
            ("oil", "tank"),
            ("gas", "tank"),
            ("fish", "tank"),
            ("septic", "tank"),
            ("storage", "tank"),
            ("labour", "force"),
            ("labor", "force"),
            ("work", "force"),
            ("sales", "force"),
            ("task", "force"),
            // "a unifying force", "the driving force behind the plan": a figure of speech.
            ("unifying", "force"),
            ("driving", "force"),
            ("guiding", "force"),
            ("moving", "force"),
            ("spent", "force"),
            // A credit union lends; a trade union is labour's.
            ("credit", "union"),
        ];
        let lemma = self.lemmas[h].as_str();
        let modifiers = || {
            self.children[h]
                .iter()
                .filter(|&&c| matches!(self.rel(c), "compound" | "amod"))
        };
        if modifiers().any(|&c| {
            NOT_AGENTS.contains(&(self.lemmas[c].to_lowercase().as_str(), lemma))
                || NOT_AGENTS.contains(&(
                    self.doc.slice(self.toks[c].span).to_lowercase().as_str(),
                    lemma,
                ))
        }) {
            return None;
        }
        // "the Council's version": a capitalised council that no name covers is one named
        // elsewhere in the story (the EU's, a city's), not the story's own government.
        let capitalised = self.doc.text[self.toks[h].span.range()].starts_with(char::is_uppercase);
        if matches!(lemma, "council" | "councils") && h > 0 && capitalised {
            return None;
        }
        // "Academy president Frank Pierson", "the club president": a president of a body that
        // a noun names with no sector of its own and no name of a state heads that body, not a
        // state.
        const NO_BODY: &[&str] = &[
            "vice", "deputy", "acting", "former", "interim", "outgoing", "incoming", "elect",
        ];
        if lemma == "president"
            && modifiers().any(|&c| {
                let word = self.lemmas[c].to_lowercase();
                let named =
                    self.doc.text[self.toks[c].span.range()].starts_with(char::is_uppercase);
                self.entity_at[c].is_none()
                    && !NO_BODY.contains(&word.as_str())
                    && agent_sector(&word).is_none()
                    && (self.rel(c) == "compound" || named)
            })
        {
            return None;
        }
        // "the Spanish media", "the press": journalists as a body, but only as a phrase's
        // own head in lower case, not in "press spokesman" or the portfolio "Culture, Media
        // and Sport".
        if matches!(lemma, "media" | "press")
            && self.upos(h) == "NOUN"
            && !matches!(self.rel(h), "compound" | "flat")
            && self.doc.text[self.toks[h].span.range()].starts_with(char::is_lowercase)
            && self.children[h]
                .iter()
                .any(|&c| matches!(self.rel(c), "det" | "amod" | "nmod:poss"))
        {
            return Some("JRN");
        }
        // "the Spanish media criticised their English counterparts": the counterparts of the
        // clause's subject are of the subject's trade, not a government's.
        if lemma == "counterpart" && self.kids(h, "nmod:poss").any(|c| self.upos(c) == "PRON") {
            let subject = self
                .head(h)
                .and_then(|v| self.kid_exact(v, "nsubj"))
                .filter(|&s| s != h && self.lemmas[s] != "counterpart");
            // A named subject is left out: whose counterpart a person is shows in their office
            // at the time, not in the code a dictionary gives them for the story's date.
            let sector = subject
                .filter(|&s| self.entity_at[s].is_none())
                .and_then(|s| self.phrase_sector(s));
            if sector.is_some() {
                return sector;
            }
        }
        let own = agent_sector(lemma);
        if (GROUPS.contains(&lemma) || NGO_BODIES.contains(&lemma))
            && modifiers().any(|&c| NGO_MODIFIERS.contains(&self.lemmas[c].to_lowercase().as_str()))
        {
            return Some("NGO");
        }
        // "the securities watchdog", "Britain's competition watchdog": a watchdog of a
        // regulated trade is the state's regulator.
        if lemma == "watchdog"
            && modifiers()
                .any(|&c| REGULATED_TRADES.contains(&self.lemmas[c].to_lowercase().as_str()))
        {
            return Some("GOV");
        }
        // A word of a name is no agent noun: "European Union finance ministers" are not a
        // labour union's.
        let modifier = modifiers()
            .filter(|&&c| self.entity_at[c].is_none())
            .find_map(|&c| agent_sector(&self.lemmas[c]).filter(|&m| m != "GOV"));
        // "supporters of the opposition", "members of the army", "a group of rebels".
        let of_whom = || {
            self.children[h]
                .iter()
                .copied()
                .filter(|&c| self.rel(c) == "nmod" && self.case_of(c) == Some("of"))
                .find_map(|c| agent_sector(&self.lemmas[c]))
        };
        match (own, modifier) {
            (None, None) if GROUPS.contains(&lemma) => of_whom(),
            (Some("GOV"), Some(m)) if !INSTITUTIONS.contains(&lemma) => Some(m),
            (Some("MIL"), Some(m @ ("REB" | "PRM" | "OPP"))) => Some(m),
            (None, Some(m)) if GROUPS.contains(&lemma) => Some(m),
            (own, _) => own,
        }
    }

    /// "Ana Ruiz and Luis Soto met on Monday. They agreed ...": the people the sentence before
    /// names together as its subject, each known to a dictionary or the text, whom a "they"
    /// that coreference left unresolved stands for (a mention stands for one entity, so
    /// coreference cannot join "they" to two).
    fn people_named_together_before(&self) -> Vec<Participant> {
        let Some(before) = self.index.checked_sub(1) else {
            return Vec::new();
        };
        let prev = Sentence::new(self.doc, before, self.conventions);
        let Some(root) = (0..prev.toks.len()).find(|&t| prev.toks[t].head.is_none()) else {
            return Vec::new();
        };
        let Some(subject) = prev.kid_exact(root, "nsubj") else {
            return Vec::new();
        };
        let found = prev.participants(subject, false);
        let person = |p: &Participant| {
            p.code.is_some()
                && p.entity
                    .is_some_and(|e| self.doc.entities[e].kind == kestrel_core::EntityKind::Person)
        };
        if found.len() >= 2 && found.iter().all(person) {
            found
        } else {
            Vec::new()
        }
    }

    /// What one noun phrase head stands for. `loose` also reaches into modifiers of a head that
    /// is not an agent ("Russia's invasion" stands for Russia as a recipient).
    fn participant(&self, h: usize, loose: bool) -> Vec<Participant> {
        if self.entity_at[h].is_none() && matches!(self.lemmas[h].as_str(), "they" | "them") {
            let people = self.people_named_together_before();
            if !people.is_empty() {
                return people;
            }
        }
        if let Some(e) = self.entity_at[h] {
            // A long name no dictionary knows, followed by a short form that one does: "the
            // Indian Ocean Fisheries Forum (IOFF)".
            if self.doc.entities[e].actor.is_none() {
                let short = self
                    .kids(h, "appos")
                    .filter_map(|a| self.entity_at[a])
                    .find(|&a| a != e && self.doc.entities[a].actor.is_some());
                if let Some(a) = short {
                    return vec![self.entity_participant(a, None)];
                }
            }
            // A person no dictionary knows still has the sector of the title before the name
            // ("opposition leader Maria Okafor"), when no country came with it.
            let title_sector = if self.doc.entities[e].actor.is_none() {
                self.children[h]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c) == "nmod:desc" && self.entity_at[c].is_none())
                    .find_map(|c| self.phrase_sector(c))
                    .filter(|_| self.conventions.agent_nouns)
            } else {
                None
            };
            // "ethnic Albanians in southern Serbia", "the Kurds of Iraq": a people where it
            // lives is of that country, as CAMEO codes minorities.
            if self.doc.entities[e].kind == kestrel_core::EntityKind::Norp
                && self.toks[h]
                    .xpos
                    .as_deref()
                    .is_some_and(|x| x.ends_with('S'))
            {
                let home = self.children[h]
                    .iter()
                    .copied()
                    .filter(|&c| {
                        self.rel(c).starts_with("nmod")
                            && matches!(self.case_of(c), Some("in" | "of"))
                    })
                    .flat_map(|c| self.participants(c, false))
                    .find(|p| p.code.as_ref().is_some_and(|c| c.len() == 3));
                if let Some(home) = home {
                    return vec![home];
                }
            }
            // "Labour MP Jana Novak", parsed with the name in apposition to the party or hung
            // flat on it: the person whom the party and the title name is the participant; so
            // too for a nationality ("... and Peruvian President Jorge Salas" read with the
            // nationality heading the conjunct).
            let body = &self.doc.entities[e];
            if matches!(
                body.kind,
                kestrel_core::EntityKind::Org | kestrel_core::EntityKind::Norp
            ) {
                // The name may hang on the party or on the title ("nmod:desc").
                let titles: Vec<usize> = self.kids(h, "nmod:desc").collect();
                let titled = [h]
                    .into_iter()
                    .chain(titles)
                    .flat_map(|x| self.kids(x, "appos").chain(self.kids(x, "flat")))
                    .filter_map(|a| self.entity_at[a])
                    .find(|&p| {
                        let person = &self.doc.entities[p];
                        let between = self
                            .doc
                            .text
                            .get(body.span.end..person.span.start)
                            .unwrap_or(",");
                        person.kind == kestrel_core::EntityKind::Person
                            && person.actor.is_some()
                            && person.tokens.start <= body.tokens.end + 3
                            && !between.contains([',', '(', ';', ':'])
                    });
                if let Some(p) = titled {
                    return vec![self.entity_participant(p, None)];
                }
            }
            return vec![self.entity_participant(e, title_sector)];
        }
        // "his Chinese counterpart Wang Yi", "the minister, Ana Ruiz", "Vice-President Ana
        // Ruiz" with the name hung flat on the title: a person named beside the noun, whom a
        // dictionary knows, is the participant; the noun only describes them.
        // A title's person can also hang on it through "of", close after it ("Secretary of
        // State Ana Ruiz", read as the secretary of a person).
        let title = self.toks[h].xpos.as_deref() == Some("NNP");
        let named = self
            .kids(h, "appos")
            .chain(self.kids(h, "flat"))
            .chain(self.kids(h, "nmod").filter(|&a| title && a <= h + 4))
            // "his counterpart, Admiral Rosa Vidal": the rank heads the apposition and the
            // name hangs flat on it.
            .filter_map(|a| {
                self.entity_at[a].or_else(|| self.kids(a, "flat").find_map(|f| self.entity_at[f]))
            })
            .find(|&e| {
                let entity = &self.doc.entities[e];
                entity.kind == kestrel_core::EntityKind::Person && entity.actor.is_some()
            });
        if let Some(e) = named {
            return vec![self.entity_participant(e, None)];
        }
        let lemma = self.lemmas[h].as_str();
        // "Iran today threatened ...": the parser can take the name for a modifier of the
        // time word that follows it.
        if TIME_WORDS.contains(&lemma) {
            return self.children[h]
                .iter()
                .copied()
                .filter(|&c| matches!(self.rel(c), "compound" | "nmod:poss"))
                .flat_map(|c| self.participant(c, loose))
                .collect();
        }
        // "Thousands of Iraqi Kurds", "members of the union": a quantity stands for what it
        // counts (which the parser may hang on it as an oblique: "one third of guerrillas").
        if QUANTITY_NOUNS.contains(&lemma) || self.upos(h) == "NUM" {
            if let Some(c) = self.children[h].iter().copied().find(|&c| {
                (self.rel(c).starts_with("nmod") || self.rel(c) == "obl")
                    && self.case_of(c) == Some("of")
            }) {
                return self.participants(c, loose);
            }
        }
        // "a group of Moroccan diplomats", "a delegation of Kenyan officials": the group is
        // who its members are, when they name someone.
        if COMPANY_NOUNS.contains(&lemma) {
            let members = self.children[h]
                .iter()
                .copied()
                .find(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of"))
                .map(|c| self.participants(c, loose))
                .unwrap_or_default();
            if !members.is_empty() {
                return members;
            }
        }
        // "its European Community partners", "Nato allies": the body named before the word,
        // not a possessor ("its allies" are not its own country).
        if PARTNER_NOUNS.contains(&lemma) {
            let mut named: Vec<Participant> = Vec::new();
            for &c in &self.children[h] {
                let Some(e) = self.entity_at[c] else {
                    continue;
                };
                let entity = &self.doc.entities[e];
                if matches!(self.rel(c), "compound" | "amod" | "flat")
                    && entity.actor.is_some()
                    && entity.mention == kestrel_core::MentionKind::Name
                    && !named.iter().any(|p| p.entity == Some(e))
                {
                    named.push(self.entity_participant(e, None));
                }
            }
            if !named.is_empty() {
                return named;
            }
        }
        // "Iraqi Kurds", "Bosnian Serbs": a people named in the plural with a nationality
        // before it are of that nationality's country.
        if self.toks[h].xpos.as_deref() == Some("NNPS") {
            let nationality = self.children[h]
                .iter()
                .copied()
                .filter(|&c| matches!(self.rel(c), "amod" | "compound"))
                .filter_map(|c| self.entity_at[c])
                .find(|&e| self.doc.entities[e].actor.is_some());
            if let Some(e) = nationality {
                return vec![self.entity_participant(e, None)];
            }
        }
        let sector = self
            .phrase_sector(h)
            .filter(|_| self.conventions.agent_nouns);
        if sector.is_none() && loose {
            // Only the phrase's own possessor or modifier: "Russia's invasion", "Russian
            // positions".
            // "the Kyoto treaty", "the Doha talks": a town or region before an agreement or a
            // gathering names where it was made or held, not who is party to it.
            let named_for_a_town = TOWN_NAMED_NOUNS.contains(&lemma);
            let mut found: Vec<Participant> = Vec::new();
            for &c in &self.children[h] {
                if !matches!(self.rel(c), "nmod:poss" | "amod" | "compound") {
                    continue;
                }
                if let Some(e) = self.entity_at[c] {
                    let town = self.rel(c) == "compound"
                        && self.placed_as(e, &["city", "capital", "admin1", "admin2"]);
                    if named_for_a_town && town {
                        continue;
                    }
                    if self.doc.entities[e].actor.is_some()
                        && !found.iter().any(|p| p.entity == Some(e))
                    {
                        let mut participant = self.entity_participant(e, None);
                        // "the London market", "the party's London HQ": a capital before a
                        // noun that names no sector says where the thing is, not that the
                        // government is it.
                        if town {
                            participant.sector = None;
                        }
                        found.push(participant);
                    }
                }
            }
            if found.is_empty() {
                // "the capital of Ukraine", "a group of Kenyan traders".
                if let Some(c) = self.children[h]
                    .iter()
                    .copied()
                    .find(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of"))
                {
                    found = self.participants(c, false);
                }
            }
            return found;
        }
        if sector.is_none() {
            // "the Nato alliance", "the Asia-Pacific Economic Cooperation (APEC) forum": an
            // organisation named in the words before the body's noun is the body.
            if ORGANISATION_HEADS.contains(&lemma) {
                let mut stack: Vec<usize> = self.kids(h, "compound").collect();
                let mut named = None;
                while let Some(c) = stack.pop() {
                    if let Some(e) = self.entity_at[c] {
                        let entity = &self.doc.entities[e];
                        if entity.kind == kestrel_core::EntityKind::Org && entity.actor.is_some() {
                            named = Some(e);
                            break;
                        }
                    }
                    stack.extend(self.children[c].iter().copied());
                }
                if let Some(e) = named {
                    return vec![self.entity_participant(e, None)];
                }
            }
            // "a London-based group": an organisation of the country it is based in.
            if ORGANISATION_HEADS.contains(&lemma) {
                if let Some(code) = self.based_in(h) {
                    return vec![Participant {
                        span: self.span(h),
                        entity: None,
                        code: Some(code),
                        sector: None,
                        implied: false,
                    }];
                }
            }
            // An appositive can still name it: "the bloc, the EU".
            if let Some(a) = self.kid_exact(h, "appos") {
                if let Some(e) = self.entity_at[a] {
                    return vec![self.entity_participant(e, None)];
                }
            }
            // "supporters of former President X", "followers of the cleric": people named by
            // whom they follow are of that person's country, not in that person's office.
            if FOLLOWER_NOUNS.contains(&lemma) {
                let leader = self.children[h]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of"))
                    .filter_map(|c| self.entity_at[c])
                    .find(|&e| {
                        let entity = &self.doc.entities[e];
                        entity.kind == kestrel_core::EntityKind::Person && entity.actor.is_some()
                    });
                if let Some(e) = leader {
                    let mut p = self.entity_participant(e, None);
                    p.sector = None;
                    return vec![p];
                }
            }
            // "army bulldozers", "police helicopters": the machines stand for the force that
            // the compound before them names.
            const MACHINES: &[&str] = &[
                "bulldozer",
                "tank",
                "warplane",
                "jet",
                "plane",
                "aircraft",
                "helicopter",
                "gunship",
                "chopper",
                "drone",
                "warship",
                "ship",
                "boat",
                "vessel",
                "submarine",
                "artillery",
                "gun",
                "vehicle",
                "truck",
                "jeep",
                "convoy",
                "bomber",
                "fighter",
                "missile",
                "rocket",
                "battery",
                "cannon",
                "mortar",
                "sniper",
                "patrol",
                "unit",
            ];
            if self.conventions.agent_nouns && MACHINES.contains(&lemma) {
                let force = self.children[h]
                    .iter()
                    .copied()
                    .find(|&c| self.rel(c) == "compound" && self.phrase_sector(c).is_some());
                if let Some(c) = force {
                    return self.participant(c, loose);
                }
            }
            // A word for an organisation stands for the one its modifiers name: "the
            // al-Qaeda network", "the Hizbollah group", "Libya's ruling party".
            if ORGANISATION_HEADS.contains(&lemma) {
                let mut named: Vec<Participant> = Vec::new();
                for &c in &self.children[h] {
                    if !matches!(self.rel(c), "compound" | "nmod:poss" | "amod" | "flat") {
                        continue;
                    }
                    if let Some(e) = self.entity_at[c] {
                        if self.doc.entities[e].actor.is_some()
                            && !named.iter().any(|p| p.entity == Some(e))
                        {
                            named.push(self.entity_participant(e, None));
                        }
                    }
                }
                if !named.is_empty() {
                    return named;
                }
            }
            // A nationality adjective names the side a phrase stands for, as PLOVER codes
            // it: "the Turkish and Greek sides", "French warships".
            if self.conventions.agent_nouns && self.upos(h) == "NOUN" {
                // "Nigerian banks", "Japanese carmakers": businesses of that country; "the
                // Nigerian central bank" is the state's.
                let before = h.checked_sub(1).map_or("", |b| self.lemmas[b].as_str());
                let central = self
                    .kids(h, "amod")
                    .chain(self.kids(h, "compound"))
                    .any(|c| matches!(self.lemmas[c].as_str(), "central" | "state"));
                let business = kestrel_actors::business_noun(&[before, lemma], 1, None)
                    .flatten()
                    .map(|sector| if central { "GOV" } else { sector });
                let mut found: Vec<Participant> = Vec::new();
                for &c in &self.children[h] {
                    if self.rel(c) != "amod" {
                        continue;
                    }
                    let conj = self.children[c]
                        .iter()
                        .copied()
                        .filter(|&k| self.rel(k) == "conj");
                    for k in std::iter::once(c).chain(conj) {
                        if let Some(e) = self.entity_at[k] {
                            let entity = &self.doc.entities[e];
                            if entity.kind == kestrel_core::EntityKind::Norp
                                && entity.actor.is_some()
                                && !found.iter().any(|p| p.entity == Some(e))
                            {
                                found.push(self.entity_participant(e, business));
                            }
                        }
                    }
                }
                return found;
            }
            return Vec::new();
        }
        // Countries and organisations in the modifiers: "Russian troops", "Kenya's army",
        // "officials from Hungary", "Hungarian and Romanian officials".
        // A generic title keeps a body's own sector: "the Tory leader" is the party's, as "the
        // union spokesman" is the union's.
        // A company's officers are the company's whatever their title: "the eBay president" is
        // no government's.
        let generic_title = is_generic_title(lemma);
        let keeps_own_sector = |e: usize| {
            let entity = &self.doc.entities[e];
            let sector = entity.actor.as_ref().and_then(|a| a.sector.as_deref());
            entity.kind == kestrel_core::EntityKind::Org
                && sector.is_some()
                && (generic_title || matches!(sector, Some("MNC" | "BUS")))
        };
        let mut found: Vec<Participant> = Vec::new();
        // "foreign troops in Kenya" are not Kenya's.
        let abroad = self.placed_abroad(h);
        let mut stack: Vec<(usize, usize)> = self.children[h]
            .iter()
            .copied()
            .filter(|&c| {
                matches!(
                    self.rel(c),
                    "amod" | "compound" | "nmod:poss" | "nmod" | "appos" | "flat" | "obl"
                )
            })
            .filter(|&c| !(abroad && matches!(self.case_of(c), Some("in" | "at" | "inside"))))
            .map(|c| (c, 0))
            .collect();
        while let Some((c, depth)) = stack.pop() {
            if let Some(e) = self.entity_at[c] {
                if self.doc.entities[e].actor.is_some()
                    && !found.iter().any(|p| p.entity == Some(e))
                {
                    let sector = sector.filter(|_| !keeps_own_sector(e));
                    found.push(self.entity_participant(e, sector));
                }
                // "Hungarian and Romanian officials": the conjuncts hang on the first.
                stack.extend(
                    self.children[c]
                        .iter()
                        .copied()
                        .filter(|&k| self.rel(k) == "conj")
                        .map(|k| (k, depth)),
                );
                continue;
            }
            if depth < 1 {
                stack.extend(
                    self.children[c]
                        .iter()
                        .copied()
                        .filter(|&k| {
                            matches!(self.rel(k), "conj" | "amod" | "compound" | "nmod:poss")
                        })
                        .map(|k| (k, depth + 1)),
                );
            }
        }
        // "his Chinese counterpart": the named country says who; the possessive pronoun only
        // says whose counterpart.
        let named = |p: &Participant| {
            p.entity
                .is_some_and(|e| self.doc.entities[e].mention != kestrel_core::MentionKind::Pronoun)
        };
        if found.iter().any(named) {
            found.retain(named);
        }
        if !found.is_empty() {
            found.sort_by_key(|p| p.span.start);
            if let Some(s) = sector {
                // The phrase stands for the actor; keep the head's words as its text.
                for p in &mut found {
                    if !p.entity.is_some_and(keeps_own_sector) {
                        p.sector = Some(s.to_string());
                    }
                }
            }
            return found;
        }
        // "a newspaper based in Beirut": the country of its base.
        match sector {
            Some(s) => vec![Participant {
                span: self.span(h),
                entity: None,
                code: self.based_in(h).or_else(|| self.town_before(h)),
                sector: Some(s.to_string()),
                implied: false,
            }],
            None => Vec::new(),
        }
    }

    /// The country of a town or region named right before a group's noun that no dictionary
    /// makes an actor: "West Yorkshire police", "the Darlington council spokesman", as the
    /// places stage placed it.
    fn town_before(&self, h: usize) -> Option<String> {
        self.children[h]
            .iter()
            .copied()
            .filter(|&c| c < h && matches!(self.rel(c), "compound" | "amod" | "nmod:poss"))
            .flat_map(|c| {
                std::iter::once(c).chain(self.children[c].iter().copied().filter(move |&k| k < c))
            })
            .filter_map(|c| self.entity_at[c])
            .filter(|&e| self.doc.entities[e].actor.is_none())
            .find_map(|e| {
                self.doc
                    .places
                    .iter()
                    .find(|p| {
                        p.entity == Some(e) && p.level != "continent" && !p.country.is_empty()
                    })
                    .map(|p| p.country.clone())
            })
    }

    /// The country of the place a noun is said to be based in: "based in X" (`acl` with an
    /// oblique) or "X-based" (`amod` with the place before it).
    fn based_in(&self, h: usize) -> Option<String> {
        let based = self.children[h]
            .iter()
            .copied()
            .find(|&c| matches!(self.rel(c), "acl" | "amod") && self.lemmas[c] == "base")?;
        let places = self.children[based]
            .iter()
            .copied()
            .filter(|&k| self.rel(k).starts_with("obl") || self.rel(k) == "compound");
        for k in places {
            let words = std::iter::once(k).chain(
                self.children[k]
                    .iter()
                    .copied()
                    .filter(|&w| matches!(self.rel(w), "flat" | "compound")),
            );
            for w in words {
                let code = self.entity_at[w]
                    .and_then(|e| self.doc.entities[e].actor.as_ref())
                    .map(|a| a.code.as_str())
                    .filter(|c| is_state_code(c));
                if let Some(code) = code {
                    return Some(code.to_string());
                }
            }
        }
        None
    }

    /// The subject of a verb, reaching through coordination, participles, control and
    /// relative clauses when the verb has none of its own.
    /// The subject of a verb that the parser hung on the noun phrase before it ("The Druze
    /// leader today threatened ..." parsed as `leader ← threatened`): the noun, or the
    /// nominal's own subject. Only when the verb has no subject before it.
    fn fronted_subject(&self, v: usize) -> Option<usize> {
        let h = self.head(v).filter(|&h| h < v)?;
        if !matches!(self.rel(v), "parataxis" | "appos" | "dep" | "acl") {
            return None;
        }
        let has_own = self.children[v]
            .iter()
            .any(|&c| self.rel(c).starts_with("nsubj") && c < v);
        if has_own || self.head(h).is_some() {
            return None;
        }
        match self.upos(h) {
            "NOUN" | "PROPN" => Some(h),
            // "... walked out as his counterpart Annalena Baerbock criticized ...", with the
            // name hung elsewhere: a noun phrase right before the verb is its subject, not the
            // governing verb's.
            "VERB"
                if v - 1 > h
                    && matches!(self.upos(v - 1), "NOUN" | "PROPN")
                    && !TIME_WORDS.contains(&self.lemmas[v - 1].as_str()) =>
            {
                let mut n = v - 1;
                while matches!(self.rel(n), "flat" | "flat:name" | "compound") {
                    match self.head(n) {
                        Some(p) if p < v => n = p,
                        _ => break,
                    }
                }
                Some(n)
            }
            _ => self.children[h]
                .iter()
                .copied()
                .find(|&c| self.rel(c).starts_with("nsubj") && c < v),
        }
    }

    fn subject_of(&self, v: usize, depth: usize) -> Vec<Participant> {
        if depth > 4 {
            return Vec::new();
        }
        if let Some(f) = self.fronted_subject(v) {
            let found = self.participants(f, false);
            if !found.is_empty() {
                return found;
            }
        }
        let subject = self
            .kid_exact(v, "nsubj")
            .filter(|_| !self.reduced_passive(v))
            .or_else(|| self.kid_exact(v, "nsubj:outer"))
            .or_else(|| {
                self.kid_exact(v, "nsubj:pass")
                    .filter(|_| !self.is_passive(v))
            });
        if let Some(s) = subject {
            let relative = self.toks[s]
                .feats
                .as_deref()
                .is_some_and(|f| f.contains("PronType=Rel"))
                || (self.rel(v) == "acl:relcl"
                    && matches!(self.lemmas[s].as_str(), "who" | "which" | "that"));
            if relative && self.rel(v) == "acl:relcl" {
                if let Some(h) = self.head(v) {
                    return self.participants(h, false);
                }
            }
            // "met Foreign Minister Wang Yi, who pledged aid", with the relative clause read as
            // a clause of its own (parataxis, conj): "who" after a comma is the noun phrase
            // that ends before the comma, not the sentence's subject.
            if matches!(self.lemmas[s].as_str(), "who" | "whom")
                && self.rel(v) != "acl:relcl"
                && s >= 2
                && self.lemmas[s - 1] == ","
            {
                let mut n = s - 2;
                while matches!(self.rel(n), "flat" | "fixed") {
                    match self.head(n).filter(|&h| h < n) {
                        Some(h) => n = h,
                        None => break,
                    }
                }
                if matches!(self.upos(n), "NOUN" | "PROPN") {
                    let found = self.participants(n, false);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            let found = self.participants(s, false);
            // A pronoun joined to an organisation no dictionary knows says no more than one
            // left unresolved. (One joined to a person stays theirs: the reporting clause's
            // subject may be someone else, "the paper said he ...".)
            let unknown_body = self.entity_at[s].is_some_and(|e| {
                let entity = &self.doc.entities[e];
                entity.actor.is_none() && entity.kind != EntityKind::Person
            });
            if (self.entity_at[s].is_none() || unknown_body) && self.upos(s) == "PRON" {
                // "the ministry had difficulty hiring women because they demanded ...": an
                // unresolved "they" of an adverbial clause, under a verb whose object is
                // plural and whose subject is not, is that object, whoever it names.
                if let Some(o) = self
                    .head(v)
                    .filter(|_| self.lemmas[s] == "they" && self.rel(v) == "advcl")
                    .and_then(|h| self.plural_object_of_a_singular_subject(h))
                {
                    return self.participants(o, false);
                }
                // "Kenya said it would ...", "the rebels said they had ...": an unresolved
                // pronoun subject of a complement is the reporting clause's subject.
                if let Some(h) = self
                    .head(v)
                    .filter(|_| matches!(self.rel(v), "ccomp" | "advcl" | "conj" | "parataxis"))
                {
                    return self.subject_of(h, depth + 1);
                }
                // "He said it was true that I ...": a clause that is the subject of a predicate
                // after the expletive "it" stands where that predicate stands.
                if let Some(g) = self
                    .head(v)
                    .filter(|&p| self.rel(v) == "csubj" && self.kid_exact(p, "expl").is_some())
                    .filter(|&p| matches!(self.rel(p), "ccomp" | "advcl" | "conj" | "parataxis"))
                    .and_then(|p| self.head(p))
                {
                    return self.subject_of(g, depth + 1);
                }
            }
            if found.is_empty() {
                // Two subjects where one belongs ("Up to 300 ethnic Kurds marched", with "Up"
                // read as a subject too): the one that names someone.
                let other = self.children[v]
                    .iter()
                    .copied()
                    .filter(|&c| c != s && self.rel(c) == "nsubj")
                    .map(|c| self.participants(c, false))
                    .find(|p| !p.is_empty());
                if let Some(other) = other {
                    return other;
                }
            }
            return found;
        }
        // "Kenyan police clashed with ...", read as a participle with "police" hung on it: a
        // past participle with no auxiliary and no subject takes the noun right before it
        // that depends on it.
        let bare_participle = self.toks[v].xpos.as_deref() == Some("VBN")
            && !self.children[v]
                .iter()
                .any(|&c| self.rel(c).starts_with("aux"));
        if bare_participle
            && v > 0
            && self.head(v - 1) == Some(v)
            && matches!(self.upos(v - 1), "NOUN" | "PROPN")
        {
            let found = self.participants(v - 1, false);
            if !found.is_empty() {
                return found;
            }
        }
        // "wrote to the watchdog accusing ...", with the participle hung on the one addressed:
        // the writer accuses.
        if self.rel(v) == "acl" {
            if let Some((g, _)) = self.addressed_before(v) {
                return self.subject_of(g, depth + 1);
            }
        }
        let Some(h) = self.head(v) else {
            return Vec::new();
        };
        // "Kennedy is expected to attack ...", "he was forced to resign": the complement of a
        // passive is done by the passive's subject.
        if self.rel(v) == "xcomp" && self.is_passive(h) {
            if let Some(s) = self.kid_exact(h, "nsubj:pass") {
                return self.participants(s, false);
            }
        }
        match self.rel(v) {
            // "Pressed on the plan, he replied ...", "Asked about it, she said ...": the
            // subject a past participle shares is the one pressed, not who pressed.
            "advcl" if bare_participle => Vec::new(),
            // Coordinated verbs, control and participial clauses ("after meeting ...",
            // "..., demanding ...") share the governing clause's subject.
            "conj" | "xcomp" | "advcl" => self.subject_of(h, depth + 1),
            // "said after meeting ...": a clause opened by a temporal conjunction is adverbial
            // whatever the parser named it.
            "ccomp"
                if self.opened_by(
                    v,
                    &["after", "before", "while", "when", "since", "until", "upon"],
                ) =>
            {
                self.subject_of(h, depth + 1)
            }
            "acl:relcl" => self.participants(h, false),
            // A finite past verb attached to a noun is a parse error for "NOUN VERBed".
            "amod" | "acl" if self.toks[v].xpos.as_deref() == Some("VBD") => {
                self.participants(h, false)
            }
            // "protesters demanding ...": the noun a present participle describes.
            "acl" if self.toks[v].xpos.as_deref() == Some("VBG") => self.participants(h, false),
            _ => Vec::new(),
        }
    }

    /// The plural object of a verb (or of the verb its gerund is the object of: "had
    /// difficulty hiring women") whose subject is not plural.
    fn plural_object_of_a_singular_subject(&self, h: usize) -> Option<usize> {
        let plural = |k: usize| {
            matches!(self.toks[k].xpos.as_deref(), Some("NNS" | "NNPS"))
                || matches!(self.lemmas[k].as_str(), "they" | "we")
        };
        // The object, or the object of a gerund on it ("difficulty hiring women").
        let plural_object = |verb: usize| {
            let o = self.kids(verb, "obj").next()?;
            if plural(o) {
                return Some(o);
            }
            self.children[o]
                .iter()
                .copied()
                .filter(|&g| self.rel(g) == "acl" && self.toks[g].xpos.as_deref() == Some("VBG"))
                .find_map(|g| self.kids(g, "obj").next().filter(|&o| plural(o)))
        };
        let mut verb = h;
        for _ in 0..3 {
            let object = plural_object(verb);
            let subject = self
                .kid_exact(verb, "nsubj")
                .or_else(|| self.kid_exact(verb, "nsubj:pass"));
            if let Some(o) = object {
                return subject.is_some_and(|s| !plural(s)).then_some(o);
            }
            if subject.is_some() {
                return None;
            }
            verb = self.head(verb)?;
        }
        None
    }

    /// "..., warn union leaders.": a verb of saying after the report and a comma, with no
    /// subject of its own and a person or a body after it that ends the sentence, has that
    /// speaker inverted after it, which the parser reads as its object.
    fn speaker_after_the_report(&self, v: usize) -> Option<usize> {
        const SAYING: &[&str] = &["warn", "argue", "predict", "caution", "suggest", "urge"];
        let lemma = self.lemmas[v].as_str();
        if !(REPORTING_VERBS.contains(&lemma) || SAYING.contains(&lemma))
            || v == 0
            || !matches!(self.lemmas[v - 1].as_str(), "," | "\"" | "'" | "\u{201d}")
            || self.children[v]
                .iter()
                .any(|&c| self.rel(c).starts_with("nsubj"))
            || !matches!(self.rel(v), "parataxis" | "root" | "conj")
        {
            return None;
        }
        let o = self.kid_exact(v, "obj").filter(|&o| o > v)?;
        let last = self.subtree_last(o);
        let ends = last + 1 >= self.lemmas.len()
            || matches!(self.upos(last + 1), "PUNCT") && self.lemmas[last + 1] != ",";
        (ends && (self.names_a_person(o) || self.entity_at[o].is_some())).then_some(o)
    }

    /// The last token of the phrase headed at `h`.
    fn subtree_last(&self, h: usize) -> usize {
        self.children[h]
            .iter()
            .map(|&c| self.subtree_last(c))
            .fold(h, usize::max)
    }

    /// "wrote to the minister demanding an explanation", "called on Kenya, urging restraint":
    /// a present participle after a verb of addressing someone "to" or "on" whom, hung on the
    /// verb or on the one addressed. The verb and the one addressed.
    fn addressed_before(&self, v: usize) -> Option<(usize, usize)> {
        if self.toks[v].xpos.as_deref() != Some("VBG") {
            return None;
        }
        let addressing = |g: usize| ADDRESSING_VERBS.contains(&self.lemmas[g].as_str());
        let to_whom = |c: usize| {
            self.rel(c).starts_with("obl") && matches!(self.case_of(c), Some("to" | "on"))
        };
        let h = self.head(v).filter(|&h| h < v)?;
        match self.rel(v) {
            "advcl" if addressing(h) => self.children[h]
                .iter()
                .copied()
                .find(|&c| c < v && to_whom(c))
                .map(|c| (h, c)),
            "acl" if to_whom(h) => self.head(h).filter(|&g| addressing(g)).map(|g| (g, h)),
            _ => None,
        }
    }

    /// `moves_own_forces`: the verb moves the actor's own forces ("deploy", "withdraw"), so a
    /// passive with no agent ("Kenyan troops were deployed to Haiti") is done by the forces'
    /// country, not to it.
    fn verb_arguments(
        &self,
        v: usize,
        m: &Match,
        place_is_target: bool,
        moves_own_forces: bool,
    ) -> (Vec<Participant>, Vec<Participant>) {
        let mut actors;
        let mut recipients = Vec::new();
        if self.is_passive(v) {
            actors = self.passive_agent(v);
            if let Some(s) = self.passive_subject(v) {
                if actors.is_empty() && moves_own_forces {
                    actors = self.participants(s, true);
                } else {
                    recipients = self.participants(s, true);
                }
            }
        } else if let Some(speaker) = self.speaker_after_the_report(v) {
            // "Kenya must withdraw, said Ugandan officials": the report before is the verb's,
            // and its subject is whom it asks, as in a complement.
            let report = self.head(v).filter(|&h| h < v).or_else(|| {
                self.children[v]
                    .iter()
                    .copied()
                    .find(|&c| c < v && matches!(self.rel(c), "ccomp" | "parataxis"))
            });
            let asked = report
                .and_then(|h| self.kid_exact(h, "nsubj"))
                .map(|s| self.participants(s, false))
                .unwrap_or_default();
            return (self.participants(speaker, false), asked);
        } else {
            actors = self.subject_of(v, 0);
        }
        if recipients.is_empty() {
            if let Some(a) = m.particle_arg {
                recipients = self.participants(a, true);
                if recipients.is_empty() {
                    // "clashed over the efforts of Eriador": whose efforts.
                    recipients = self.children[a]
                        .iter()
                        .copied()
                        .filter(|&c| {
                            self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of")
                        })
                        .map(|c| self.participants(c, false))
                        .find(|found| !found.is_empty())
                        .unwrap_or_default();
                }
            }
        }
        // "withdraw its troops", "mobilised their supporters": a pronoun that points back to
        // the actor makes the object the actor's own, not the recipient.
        let own = |r: &Participant| {
            r.entity
                .is_some_and(|e| self.doc.entities[e].mention == kestrel_core::MentionKind::Pronoun)
                && actors.iter().any(|a| a.code.is_some() && a.code == r.code)
        };
        // A recipient among a clause's arguments, passing over an object the actor owns.
        let recipient_not_owned = |x: usize| -> Vec<Participant> {
            let object = self.kids(x, "obj").next();
            let found = self.recipient_among(x, None, place_is_target);
            // "lifted the state of emergency": an object that is part of the entry's phrase,
            // with the modifier the entry asked for, names no one when it brings no country.
            let phrase_object = object.is_some_and(|o| {
                m.extra.contains(&o) && m.extra.iter().any(|&k| self.head(k) == Some(o))
            });
            if phrase_object && !found.is_empty() && found.iter().all(|r| r.code.is_none()) {
                return self.recipient_among(x, object, place_is_target);
            }
            // "contribute 4,000 troops to a force in Liberia": an object that names no
            // country is what is given or sent, and the phrase that directs it names whom to.
            if let Some(o) = object.filter(|_| found.iter().all(|r| r.code.is_none())) {
                let directed = self.directed_within(o, 2, place_is_target);
                if directed.iter().any(|r| r.code.is_some()) {
                    return directed;
                }
            }
            // "refused to deploy peacekeepers in Iraq", with "in Iraq" the verb's: agents the
            // verb moves, of no country of their own, stand for the place it puts them.
            let agents = !found.is_empty()
                && found.iter().all(|r| r.code.is_none() && r.entity.is_none())
                && found.iter().any(|r| r.sector.is_some());
            if object.is_some() && agents {
                let placed = self.children[x]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c).starts_with("obl") && self.case_of(c) == Some("in"))
                    .map(|c| self.participants(c, false))
                    .find(|p| p.iter().any(|r| r.code.is_some() && self.names_a_place(r)));
                if let Some(mut placed) = placed {
                    for r in &mut placed {
                        r.sector = found[0].sector.clone();
                    }
                    return placed;
                }
            }
            if found.is_empty() || !found.iter().all(own) {
                return found;
            }
            self.recipient_among(x, object, place_is_target)
                .into_iter()
                .filter(|r| !own(r))
                .collect()
        };
        if recipients.is_empty() {
            recipients = recipient_not_owned(v);
        }
        if recipients.is_empty() {
            // "demanded that Pyongyang give up ...", "threatened to cut supplies to Kyiv": the
            // complement's subject, else its own recipient.
            // A clause opened by "that" is a complement even where the parser made it
            // adverbial ("demanded Friday that Washington match ...").
            let that_clause = |c: usize| self.rel(c) == "advcl" && self.opened_by(c, &["that"]);
            let comp = m
                .extra
                .iter()
                .copied()
                .chain(self.children[v].iter().copied())
                .find(|&c| {
                    self.head(c) == Some(v)
                        && (matches!(self.rel(c), "xcomp" | "ccomp")
                            || that_clause(c)
                            || (self.rel(c) == "advcl" && m.extra.contains(&c)))
                })
                // "investigating whether lyrics incite violence against gays": a question is
                // the matter looked into, and whom it names is no party to the act.
                .filter(|&c| !self.opened_by(c, &["whether", "if"]));
            if let Some(c) = comp {
                // "nobody should be distracted from the business of government" asks no one.
                let mut no_one = false;
                if self.rel(c) == "ccomp" || that_clause(c) {
                    let subject = self
                        .kid_exact(c, "nsubj")
                        .or_else(|| self.kid_exact(c, "nsubj:pass"));
                    no_one = subject.is_some_and(|subj| {
                        matches!(self.lemmas[subj].as_str(), "nobody" | "none" | "noone")
                    });
                    if let Some(subj) = self.kid_exact(c, "nsubj") {
                        recipients = self.participants(subj, false);
                        // "He pledged Labour would ...": a commissive's clause subject of the
                        // actor's own country is the side that binds itself.
                        let own_side = |r: &Participant| {
                            r.code.is_some() && actors.iter().any(|a| a.code == r.code)
                        };
                        if COMMISSIVE_VERBS.contains(&self.lemmas[v].as_str())
                            && recipients.iter().any(own_side)
                        {
                            recipients.clear();
                        }
                    }
                }
                // "say Asian states must let their currencies rise against the dollar": the
                // complement's subject is whom it asks, even with no country of its own.
                let asked = !recipients.is_empty() || no_one;
                if recipients.is_empty() && !no_one {
                    recipients = recipient_not_owned(c);
                }
                // "stands ready to lend aircraft to help protect Velora": the complement's own
                // purpose or complement clause, two steps down at most.
                // An object that names no party ("aircraft") does not stop the search.
                let mut inner = c;
                for _ in 0..2 {
                    if asked {
                        break;
                    }
                    if recipients.iter().any(|r| r.code.is_some()) {
                        break;
                    }
                    let Some(next) = self.children[inner].iter().copied().find(|&k| {
                        self.rel(k) == "xcomp"
                            || (self.rel(k) == "advcl" && self.opened_by(k, &["to"]))
                    }) else {
                        break;
                    };
                    let deeper = recipient_not_owned(next);
                    if deeper.iter().any(|r| r.code.is_some()) {
                        recipients = deeper;
                    }
                    inner = next;
                }
                if recipients.is_empty() && !no_one {
                    // "refused to lift the curfew on Palestinians", "ready to send troops to
                    // a force in Liberia": a directional phrase in the complement's object
                    // or oblique.
                    recipients = self.children[c]
                        .iter()
                        .copied()
                        .filter(|&o| self.rel(o) == "obj" || self.rel(o).starts_with("obl"))
                        .map(|o| self.directed_within(o, 2, place_is_target))
                        .find(|found| !found.is_empty())
                        .unwrap_or_default();
                }
            }
        }
        if recipients.is_empty() {
            // "opened fire to disperse the protesters": whom the act's purpose is aimed at.
            if let Some(purpose) = self.children[v]
                .iter()
                .copied()
                .find(|&c| self.rel(c) == "advcl" && self.opened_by(c, &["to"]))
            {
                // Its arguments, or a directional phrase in its object ("opened the bridge to
                // allow the delivery of grain to Kabul").
                let names = |found: &Vec<Participant>| {
                    found.iter().any(|p| p.code.is_some() || p.sector.is_some())
                };
                recipients = Some(recipient_not_owned(purpose))
                    .filter(names)
                    .or_else(|| {
                        self.kids(purpose, "obj")
                            .next()
                            .map(|o| self.directed_within(o, 3, place_is_target))
                            .filter(names)
                    })
                    .unwrap_or_default();
            }
        }
        if recipients.is_empty() {
            // "provide $360 million in support to Ukraine": a directional phrase deeper in
            // the object.
            let mut args: Vec<usize> = self.kids(v, "obj").collect();
            args.extend(
                self.children[v]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c).starts_with("obl")),
            );
            recipients = args
                .into_iter()
                .map(|a| self.directed_within(a, 3, place_is_target))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        if recipients.is_empty() && place_is_target {
            recipients = self.children[v]
                .iter()
                .copied()
                .filter(|&c| self.rel(c).starts_with("obl") && self.case_of(c) == Some("in"))
                .map(|c| self.participants(c, true))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
            // "arrested four men in Nairobi": the capital is where, not the government.
            for r in &mut recipients {
                if self.names_a_place(r) {
                    r.sector = None;
                }
            }
        }
        if recipients.is_empty() {
            if let Some(o) = self.kids(v, "obj").next() {
                recipients = self.owner_named_before(o);
                // "the EU pledged to work towards lifting the ban" after "the EU's ban":
                // the actor's own thing names no one else.
                if recipients
                    .iter()
                    .all(|r| actors.iter().any(|a| a.code == r.code))
                {
                    recipients.clear();
                }
            }
        }
        if recipients.is_empty() {
            if let Some((_, whom)) = self.addressed_before(v) {
                recipients = self.participants(whom, false);
            }
        }
        if recipients.is_empty() && self.conventions.any_preposition_recipient {
            recipients = self.children[v]
                .iter()
                .copied()
                .filter(|&c| self.rel(c).starts_with("obl") && self.case_of(c).is_some())
                .map(|c| self.participants(c, false))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        settle(self.doc, actors, recipients)
    }

    /// Whether a phrase is "on" or "at" a kind of place named by an "of" phrase ("on the
    /// resort island of Bali", "at the port of Aden"), or "at" a place no dictionary makes an
    /// actor: where something happened, which the places stage reads, not whom it was done to.
    fn names_a_locale(&self, c: usize) -> bool {
        const KINDS_OF_PLACE: &[&str] = &[
            "island",
            "city",
            "town",
            "village",
            "port",
            "resort",
            "region",
            "province",
            "district",
            "peninsula",
            "coast",
            "capital",
        ];
        // "will meet at Gleneagles".
        let unknown_place = self.entity_at[c].is_some_and(|e| {
            let entity = &self.doc.entities[e];
            matches!(entity.kind, EntityKind::Gpe | EntityKind::Loc) && entity.actor.is_none()
        });
        if self.case_of(c) == Some("at") && unknown_place {
            return true;
        }
        // "a concert at Velan State University", "talks at the Grand Hotel": a named venue
        // no dictionary makes an actor is where the act took place. (An embassy, a ministry
        // or a named body the dictionary knows stays a target: "protested at the embassy".)
        let unknown_venue = self.entity_at[c].is_some_and(|e| {
            let entity = &self.doc.entities[e];
            let base = self.doc.sentences[self.index].tokens.start;
            let last = entity.tokens.end.saturating_sub(base + 1);
            entity.actor.is_none()
                && entity.kind == EntityKind::Org
                && self
                    .lemmas
                    .get(last)
                    .is_some_and(|l| VENUES.contains(&l.to_lowercase().as_str()))
        });
        if self.case_of(c) == Some("at") && unknown_venue {
            return true;
        }
        self.case_of(c).is_some_and(|p| matches!(p, "on" | "at"))
            && KINDS_OF_PLACE.contains(&self.lemmas[c].as_str())
            && self.children[c].iter().any(|&k| {
                self.rel(k).starts_with("nmod")
                    && self.case_of(k) == Some("of")
                    && self
                        .participants(k, true)
                        .iter()
                        .any(|p| self.names_a_place(p))
            })
    }

    /// Whether a participant is a place named by name (no pronoun): how an "in" phrase names
    /// a target.
    fn names_a_place(&self, p: &Participant) -> bool {
        p.entity.is_some_and(|e| {
            let entity = &self.doc.entities[e];
            entity.mention != kestrel_core::MentionKind::Pronoun
                && matches!(entity.kind, EntityKind::Gpe | EntityKind::Loc)
        })
    }

    /// Whether a participant named by a common noun is a group or a body ("rebels",
    /// "police", "the government"), not one person ("the archbishop"), whose own phrase
    /// names nothing ("inhabitants of the Golan Heights", with a name no dictionary placed,
    /// are of wherever that is).
    fn names_a_group(&self, p: &Participant) -> bool {
        // Other nations are not the speaker's.
        const FOREIGN: &[&str] = &["nation", "country", "state", "ally", "partner", "neighbour"];
        const BODIES: &[&str] = &[
            "police",
            "army",
            "military",
            "government",
            "authorities",
            "junta",
            "opposition",
            "administration",
            "regime",
            "cabinet",
            "parliament",
            "court",
            "navy",
            "force",
            "leadership",
            "people",
            "public",
            "media",
            "newspaper",
            "magazine",
            "broadcaster",
            "tabloid",
            "station",
            "channel",
        ];
        self.toks
            .iter()
            .position(|t| t.span.end == p.span.end)
            .is_some_and(|k| {
                // A capitalised modifier shaped like a demonym says where the group is from
                // ("European leaders", "Western diplomats"; not "Islamic fundamentalists").
                let capitalised = |c: usize| {
                    let word = self.doc.slice(self.toks[c].span);
                    matches!(self.upos(c), "ADJ" | "PROPN")
                        && word.starts_with(char::is_uppercase)
                        && (["an", "ese", "ish", "ern", "i"]
                            .iter()
                            .any(|e| word.ends_with(e))
                            || word == "Arab")
                };
                // A name no dictionary knows says nothing of where the group is from ("the
                // Umma party").
                let known = |c: usize| {
                    self.entity_at[c].is_some_and(|e| self.doc.entities[e].actor.is_some())
                };
                let names_something = self.children[k].iter().any(|&c| {
                    known(c) || capitalised(c) || self.children[c].iter().any(|&g| known(g))
                });
                (matches!(self.toks[k].xpos.as_deref(), Some("NNS" | "NNPS"))
                    || BODIES.contains(&self.lemmas[k].as_str())
                    || ORGANISATION_HEADS.contains(&self.lemmas[k].as_str()))
                    && !FOREIGN.contains(&self.lemmas[k].as_str())
                    && !names_something
            })
    }

    /// "foreign firms", "overseas investors", "international donors": a group its own words
    /// place outside the country, so that neither the place of the event, the other side's
    /// country nor the story's is theirs.
    fn is_from_abroad(&self, p: &Participant) -> bool {
        p.entity.is_none()
            && self
                .toks
                .iter()
                .position(|t| t.span == p.span)
                .is_some_and(|k| self.placed_abroad(k))
    }

    /// Whether a noun has a modifier in [`ABROAD_MODIFIERS`] ("foreign firms").
    fn placed_abroad(&self, h: usize) -> bool {
        self.kids(h, "amod")
            .any(|c| ABROAD_MODIFIERS.contains(&self.lemmas[c].to_lowercase().as_str()))
    }

    /// "will not release", "would never lift", "won't meet": the trigger's own clause
    /// declares, with "will" or "would" and a negation, that it will not happen, and nothing
    /// above it is negated or conditional.
    fn declared_not_to_come(&self, t: usize) -> bool {
        let has = |words: &[&str]| {
            self.children[t].iter().any(|&c| {
                matches!(self.rel(c), "advmod" | "aux") && words.contains(&self.lemmas[c].as_str())
            })
        };
        if !has(&["not", "n't", "never"]) || !has(&["will", "would", "wo", "'ll", "'d"]) {
            return false;
        }
        // The clause above must itself be asserted: "did not say it would not release" is not
        // a refusal.
        let mut x = t;
        while let Some(h) = self.head(x) {
            if matches!(self.rel(x), "root") {
                break;
            }
            let negated_or_conditional = self.children[h].iter().any(|&c| {
                (self.rel(c) == "advmod"
                    && matches!(self.lemmas[c].as_str(), "not" | "n't" | "never"))
                    || (self.rel(c) == "mark" && matches!(self.lemmas[c].as_str(), "if" | "unless"))
            });
            if negated_or_conditional {
                return false;
            }
            x = h;
        }
        true
    }

    /// The state codes of the countries and places this sentence names; a place or
    /// nationality named without a code is "???", a country not known.
    fn countries_named(&self) -> Vec<String> {
        // The source of a report ("..., a spokeswoman for the U.S. embassy said") names who
        // told of the event, not where its sides are from.
        let base = self.doc.sentences[self.index].tokens.start;
        let in_source = |i: usize| {
            let mut x = i;
            for _ in 0..self.toks.len() {
                let Some(h) = self.head(x) else {
                    return false;
                };
                if self.rel(x).starts_with("nsubj")
                    && REPORTING_VERBS.contains(&self.lemmas[h].as_str())
                    && self.children[h]
                        .iter()
                        .any(|&c| matches!(self.rel(c), "ccomp" | "parataxis"))
                {
                    return true;
                }
                x = h;
            }
            false
        };
        let mut out: Vec<String> = Vec::new();
        for e in self
            .doc
            .entities
            .iter()
            .filter(|e| e.sentence == self.index)
            .filter(|e| {
                e.tokens.start < base
                    || e.tokens.start - base >= self.toks.len()
                    || !in_source(e.tokens.start - base)
            })
        {
            let Some(code) = e.actor.as_ref().map(|a| a.code.as_str()) else {
                let place = matches!(e.kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Norp);
                if place && !out.iter().any(|c| c == "???") {
                    out.push("???".to_string());
                }
                continue;
            };
            if is_state_code(code) && !out.iter().any(|c| c == code) {
                out.push(code.to_string());
            }
        }
        out
    }

    /// "criticised the invasion", after "Russia's invasion of Ukraine" earlier in the story: a
    /// definite noun that names no one in its own phrase is the one the story named before
    /// with the same word (in this sentence or the ten before it), and stands for whose it
    /// was there.
    fn owner_named_before(&self, o: usize) -> Vec<Participant> {
        const LOOK_BACK: usize = 10;
        let definite = self.children[o]
            .iter()
            .any(|&c| self.rel(c) == "det" && self.lemmas[c] == "the");
        let own_words = self.children[o].iter().any(|&c| {
            matches!(
                self.rel(c).split(':').next(),
                Some("nmod" | "amod" | "compound" | "appos" | "acl")
            )
        });
        if !definite || own_words || self.upos(o) != "NOUN" {
            return Vec::new();
        }
        let lemma = &self.lemmas[o];
        for earlier in (self.index.saturating_sub(LOOK_BACK)..=self.index).rev() {
            // Most sentences lack the word: read their tokens before building their parse.
            let has_word = self.doc.tokens[self.doc.sentences[earlier].tokens.clone()]
                .iter()
                .any(|t| {
                    t.lemma
                        .as_deref()
                        .is_some_and(|l| l.eq_ignore_ascii_case(lemma))
                });
            if !has_word {
                continue;
            }
            let s = Sentence::new(self.doc, earlier, self.conventions);
            let end = if earlier == self.index {
                o
            } else {
                s.toks.len()
            };
            for k in (0..end).rev() {
                if s.lemmas[k] != *lemma || s.upos(k) != "NOUN" {
                    continue;
                }
                let owner: Vec<Participant> = s.children[k]
                    .iter()
                    .copied()
                    .filter(|&c| s.rel(c) == "nmod:poss")
                    .flat_map(|c| s.participants(c, false))
                    .filter(|p| p.code.is_some())
                    .collect();
                if !owner.is_empty() {
                    return owner;
                }
            }
        }
        Vec::new()
    }

    /// "A reporter was arrested in Velor": an act only a state's authorities do (an arrest, an
    /// expulsion, an investigation), in the passive with no agent, is that of the country it
    /// was done in, when a country is named there.
    fn state_where_done(&self, v: usize) -> Vec<Participant> {
        if !self.is_passive(v) || self.agent_phrase(v).is_some() {
            return Vec::new();
        }
        self.country_named_in(v).into_iter().collect()
    }

    /// The country of a place named in an "in" phrase of clause `v` ("was arrested in
    /// Lebanon", "demonstrated in Serbia"). Only a named place: "in a Cuban camp" may be
    /// another state's.
    fn country_named_in(&self, v: usize) -> Option<Participant> {
        self.children[v]
            .iter()
            .copied()
            .filter(|&c| {
                self.rel(c).starts_with("obl")
                    && self.case_of(c) == Some("in")
                    && self.entity_at[c].is_some()
            })
            .flat_map(|c| self.participants(c, true))
            .find(|p| p.code.as_ref().is_some_and(|c| c.len() == 3))
    }

    /// Whether a violent verb's clause leaves its perpetrator unnamed: a passive with no agent
    /// ("were killed on Monday") or one that is a weapon or an incident ("killed by a roadside
    /// bomb"), or such a subject ("an explosion killed ..."). A subject that names someone
    /// without a known country ("Chelsea beat Portsmouth") is not unnamed.
    fn perpetrator_unnamed(&self, v: usize) -> bool {
        let is_cause = |n: usize| CAUSE_NOUNS.contains(&self.lemmas[n].as_str());
        if self.is_passive(v) {
            return self.agent_phrase(v).is_none_or(is_cause);
        }
        self.kid_exact(v, "nsubj").is_some_and(is_cause)
    }

    /// Whether the victims of a violent verb, its object or its passive subject, include one
    /// whose country is known ("killed two Ghanaian soldiers"); a place it happened in is not
    /// a victim.
    fn named_victims(&self, v: usize) -> bool {
        let slot = if self.is_passive(v) {
            self.passive_subject(v)
        } else {
            self.kid_exact(v, "obj")
        };
        slot.is_some_and(|n| self.participants(n, true).iter().any(|p| p.code.is_some()))
    }

    /// The `by` phrase of a passive verb, as actors.
    fn passive_agent(&self, v: usize) -> Vec<Participant> {
        self.agent_phrase(v)
            .map(|a| self.participants(a, false))
            .unwrap_or_default()
    }

    /// The head of a verb's `by` phrase.
    fn agent_phrase(&self, v: usize) -> Option<usize> {
        self.children[v].iter().copied().find(|&c| {
            self.rel(c) == "obl:agent"
                || (self.rel(c).starts_with("obl") && self.case_of(c) == Some("by"))
        })
    }

    /// Whether clause `c` is opened by one of these subordinating words.
    fn opened_by(&self, c: usize, marks: &[&str]) -> bool {
        self.children[c]
            .iter()
            .any(|&k| self.rel(k) == "mark" && marks.contains(&self.lemmas[k].as_str()))
    }

    /// The first of a verb's object, indirect object and directional obliques that stands for
    /// a participant; `skip` leaves one dependent out (the event noun itself).
    /// `place_is_target`: a place the act is done at is its target ("shelled the town of
    /// X"); otherwise "on the island of X", "at the port of X" only say where it happened.
    fn recipient_among(
        &self,
        v: usize,
        skip: Option<usize>,
        place_is_target: bool,
    ) -> Vec<Participant> {
        let mut candidates: Vec<usize> = self.kids(v, "obj").collect();
        // "accused the Tories of running scared", parsed with "the Tories" the subject of the
        // gerund: the object of a verb that takes one before "of", "for" or "from". Only such
        // verbs: "heard of a farrier doing it" has no object.
        const OBJECT_THEN_GERUND: &[&str] = &[
            "accuse",
            "blame",
            "suspect",
            "convict",
            "criticise",
            "criticize",
            "condemn",
            "fault",
            "rebuke",
            "punish",
            "praise",
            "commend",
            "congratulate",
            "thank",
            "prevent",
            "stop",
            "bar",
            "ban",
            "block",
            "prohibit",
        ];
        if candidates.is_empty() && OBJECT_THEN_GERUND.contains(&self.lemmas[v].as_str()) {
            candidates.extend(
                self.kids(v, "advcl")
                    .filter(|&c| {
                        c > v
                            && self.toks[c].xpos.as_deref() == Some("VBG")
                            && matches!(self.case_of(c), Some("of" | "for" | "from"))
                    })
                    .flat_map(|c| self.kids(c, "nsubj").filter(move |&s| v < s && s < c)),
            );
        }
        if self.fronted_subject(v).is_some() {
            // The object, mislabelled as a subject after the verb.
            candidates.extend(
                self.children[v]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c) == "nsubj" && c > v),
            );
        }
        candidates.extend(self.kids(v, "iobj"));
        // "For the Liberal Democrats, Ana Ruiz said ...": a "for" phrase before the subject
        // names the side the actor speaks for, not one the act is directed at.
        let subject = self.kid_exact(v, "nsubj");
        let side_spoken_for =
            |c: usize| self.case_of(c) == Some("for") && subject.is_some_and(|s| c < s);
        let directed = |c: &usize| {
            self.rel(*c).starts_with("obl")
                && self
                    .case_of(*c)
                    .is_some_and(|p| RECIPIENT_PREPS.contains(&p))
                && (place_is_target || !self.names_a_locale(*c))
                && !side_spoken_for(*c)
        };
        candidates.extend(self.children[v].iter().copied().filter(directed));
        // "taken away from the politicians", with the phrase on the adverb, as UD hangs it.
        for a in self.kids(v, "advmod") {
            candidates.extend(self.children[a].iter().copied().filter(directed));
        }
        // The first candidate that names a country wins, else the first that names anyone;
        // after that, only a `to` or `for` phrase is still looked at: what is given ("sent
        // doctors to Togo") names no country, the side it goes to does.
        let mut first: Vec<Participant> = Vec::new();
        for c in candidates.into_iter().filter(|&c| Some(c) != skip) {
            let given_to = self.rel(c).starts_with("obl")
                && self.case_of(c).is_some_and(|p| matches!(p, "to" | "for"));
            if !first.is_empty() && !given_to {
                continue;
            }
            let mut found =
                self.participants(c, self.rel(c) == "obj" || self.rel(c).starts_with("obl"));
            // "sent troops to a force in Liberia": who receives them is no actor, the place
            // they go to stands for the recipient.
            if given_to && !found.iter().any(|p| p.code.is_some()) {
                if let Some(placed) = self
                    .places_in(c)
                    .find(|placed| placed.iter().any(|p| p.code.is_some()))
                {
                    found = placed;
                }
            }
            if found.iter().any(|p| p.code.is_some()) {
                return found;
            }
            if first.is_empty() {
                first = found;
            }
        }
        first
    }

    /// The verb whose subject is on the receiving end of an event noun: "faced criticism",
    /// "received calls", "drew protests", "came under pressure", "met with resistance"; and
    /// "have" when the noun names where it came from ("we had complaints from residents").
    fn receiving_governor(&self, n: usize) -> Option<usize> {
        let g = self.head(n)?;
        let had = self.lemmas[g] == "have" && self.rel(n) == "obj" && self.source_of(n).is_some();
        ((self.receives(g, n) || had) && !self.is_passive(g)).then_some(g)
    }

    /// Whether verb `g` takes event noun `n` as something its subject receives.
    fn receives(&self, g: usize, n: usize) -> bool {
        let rel = self.rel(n);
        let oblique_with = |p: &str| rel.starts_with("obl") && self.case_of(n) == Some(p);
        match self.lemmas[g].as_str() {
            "face" | "receive" | "draw" | "attract" | "get" | "suffer" | "endure" | "weather" => {
                rel == "obj"
            }
            "meet" => oblique_with("with"),
            "come" => oblique_with("under"),
            // "heeded the warnings", "take the threats seriously": who is warned heeds.
            "heed" => rel == "obj",
            "take" => {
                rel == "obj"
                    && self
                        .kids(g, "advmod")
                        .any(|a| self.lemmas[a] == "seriously")
            }
            _ => false,
        }
    }

    /// The "from" phrase of a noun in [`FROM_SOURCE_NOUNS`]: who says or gives it. The
    /// parser often hangs the phrase on the verb instead ("drew criticism | from MPs", "there
    /// was criticism | from MPs"); taken there only after a verb of receiving or an
    /// existential "be", as "withdrew its support from the government" is no support given by
    /// the government.
    fn source_of(&self, n: usize) -> Option<usize> {
        if !FROM_SOURCE_NOUNS.contains(&self.lemmas[n].as_str()) {
            return None;
        }
        let from = |h: usize, rel: &str| {
            self.children[h]
                .iter()
                .copied()
                .find(|&c| c > n && self.rel(c).starts_with(rel) && self.case_of(c) == Some("from"))
        };
        from(n, "nmod").or_else(|| {
            let g = self.head(n)?;
            let existential = self.lemmas[g] == "be"
                && self.rel(n) == "nsubj"
                && self.kids(g, "expl").next().is_some();
            if self.receives(g, n) || existential {
                from(g, "obl")
            } else {
                None
            }
        })
    }

    /// The light verb an event noun is the object of ("held talks") or an oblique of
    /// ("engaged in talks").
    fn light_governor(&self, n: usize) -> Option<usize> {
        let g = self.head(n)?;
        // "launched ten days of war games", "held two rounds of talks": the event counted by a
        // span or a number of rounds.
        if self.rel(n).starts_with("nmod")
            && self.case_of(n) == Some("of")
            && matches!(
                self.lemmas[g].as_str(),
                "day" | "week" | "month" | "hour" | "year" | "round" | "series"
            )
            && self.rel(g) == "obj"
        {
            return self.light_governor(g);
        }
        let rel = self.rel(n);
        let light = LIGHT_VERBS.contains(&self.lemmas[g].as_str());
        let slot = rel == "obj"
            || (rel.starts_with("obl")
                && self
                    .case_of(n)
                    .is_some_and(|p| matches!(p, "in" | "with" | "of")));
        (light && slot).then_some(g)
    }

    /// What each `in` phrase on a noun names ("a force in Liberia").
    fn places_in(&self, n: usize) -> impl Iterator<Item = Vec<Participant>> + '_ {
        self.children[n]
            .iter()
            .copied()
            .filter(|&k| self.rel(k).starts_with("nmod") && self.case_of(k) == Some("in"))
            .map(|k| self.participants(k, true))
    }

    /// Participants introduced by a recipient preposition somewhere below `h`.
    /// `place_is_target`: an `in` phrase names the target too ("a curfew in Montenegro"), as for
    /// actions done to a place.
    fn directed_within(&self, h: usize, depth: usize, place_is_target: bool) -> Vec<Participant> {
        if depth == 0 {
            return Vec::new();
        }
        for &c in &self.children[h] {
            // "denounced Serbia's crackdown": whose action it is, when named.
            if self.rel(c) == "nmod:poss" && self.upos(c) != "PRON" {
                let found = self.participants(c, false);
                if !found.is_empty() {
                    return found;
                }
            }
            if self.rel(c).starts_with("nmod")
                && self.case_of(c).is_some_and(|p| {
                    // "an admission by Moscow", "support from Paris": the party asked;
                    // "a mediation effort between Velora and Upland": the parties.
                    matches!(
                        p,
                        "to" | "for" | "against" | "on" | "with" | "by" | "from" | "between"
                    ) || (place_is_target && p == "in")
                        || self.conventions.any_preposition_recipient
                })
            {
                let mut found = self.participants(c, true);
                // An "in" phrase names a target by naming a place ("attacks in Velora"),
                // not by whose it is ("an offensive in its war with ...").
                if self.case_of(c) == Some("in") && !self.conventions.any_preposition_recipient {
                    found.retain(|p| self.names_a_place(p));
                }
                if !found.is_empty() {
                    return found;
                }
                // "aid to refugees in Darfur", "troops to a force in Liberia": who receives it
                // is no actor, the place it goes to stands for the recipient.
                if self.case_of(c).is_some_and(|p| matches!(p, "to" | "for")) {
                    if let Some(found) = self.places_in(c).find(|found| !found.is_empty()) {
                        return found;
                    }
                }
            }
        }
        for &c in &self.children[h] {
            // "photographs and intelligence to Skopje": the last of coordinated objects
            // carries the direction they share.
            if self.rel(c).starts_with("nmod") || matches!(self.rel(c), "nummod" | "conj") {
                let found = self.directed_within(c, depth - 1, place_is_target);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// Whether an event noun is reported as happening here: the object of a light verb
    /// ("held talks"), a clause's subject ("talks resumed") or a headline's root. A noun that
    /// is only talked about ("condemned the invasion") is not coded.
    fn noun_is_reported(&self, n: usize) -> bool {
        self.head(n).is_none()
            || self.rel(n).starts_with("nsubj")
            || self.light_governor(n).is_some()
            || self.receiving_governor(n).is_some()
    }

    fn noun_arguments(
        &self,
        n: usize,
        place_is_target: bool,
    ) -> (Vec<Participant>, Vec<Participant>) {
        let mut actors: Vec<Participant> = Vec::new();
        let mut recipients: Vec<Participant> = Vec::new();
        // "Mr Straw's China trip": with the traveller named, the place before a visit noun is
        // where the visit goes.
        let visit = matches!(self.lemmas[n].as_str(), "visit" | "trip" | "tour");
        let traveller_named = self.children[n].iter().any(|&c| self.rel(c) == "nmod:poss");
        // "the Glasgow meeting", "the Geneva talks": a town or city before a meeting names
        // where it is held, not who meets (countries do: "US-China talks").
        let gathering = matches!(
            self.lemmas[n].as_str(),
            "meeting" | "meet" | "summit" | "talk" | "talks" | "conference" | "congress"
        );
        let undergone = UNDERGONE_NOUNS.contains(&self.lemmas[n].as_str())
            && !self.children[n]
                .iter()
                .any(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of"));
        for c in self.children[n].iter().copied() {
            let r = self.rel(c);
            let by = r.starts_with("nmod") && self.case_of(c) == Some("by");
            let undergoer = undergone && matches!(r, "nmod:poss" | "compound");
            if matches!(r, "nmod:poss" | "amod" | "compound") || by {
                if let Some(e) = self.entity_at[c] {
                    let destination = visit
                        && traveller_named
                        && r != "nmod:poss"
                        && self.doc.entities[e].kind == EntityKind::Gpe;
                    if gathering && r == "compound" && self.placed_as(e, &["city", "capital"]) {
                        continue;
                    }
                    if destination || undergoer {
                        recipients.push(self.entity_participant(e, None));
                    } else {
                        actors.push(self.entity_participant(e, None));
                    }
                } else if undergoer {
                    recipients.extend(self.participants(c, false));
                } else if by || r == "nmod:poss" {
                    actors.extend(self.participants(c, false));
                }
            }
        }
        let source = self.source_of(n);
        if let Some(c) = source.filter(|_| actors.is_empty()) {
            actors = self.participants(c, false);
        }
        // A directional phrase names the recipient before an "of" phrase does: "the
        // withdrawal of its troops from Kostova" is from Kostova.
        for directional in [true, false] {
            for c in self.children[n].iter().copied() {
                if self.rel(c).starts_with("nmod")
                    && Some(c) != source
                    && !actors.iter().any(|a| {
                        a.span.start <= self.span(c).start && self.span(c).end <= a.span.end
                    })
                {
                    match self.case_of(c) {
                        Some("between" | "among") if actors.is_empty() => {
                            actors = self.participants(c, false);
                        }
                        Some(p)
                            if recipients.is_empty()
                                && (if directional {
                                    RECIPIENT_PREPS.contains(&p)
                                } else {
                                    p == "of"
                                }) =>
                        {
                            recipients = self.participants(c, p != "of");
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Some(g) = self.receiving_governor(n) {
            // "The minister faced criticism from MPs": the minister is criticised. Not the
            // subject of a clause that a participle hangs on ("... were relocated, drawing
            // criticism"): what draws it is the whole clause.
            if recipients.is_empty() {
                recipients = match self.kid_exact(g, "nsubj") {
                    Some(subject) => self.participants(subject, false),
                    None if self.rel(g) == "conj" => self.subject_of(g, 0),
                    None => Vec::new(),
                };
            }
        } else if actors.is_empty() {
            if let Some(g) = self.light_governor(n) {
                actors = if self.is_passive(g) {
                    let by_agent = self.passive_agent(g);
                    // "forces were engaged in ethnic cleansing": with the noun an oblique
                    // and no agent, the participle says what state its subject is in.
                    match self.kid_exact(g, "nsubj:pass") {
                        Some(s) if by_agent.is_empty() && self.rel(n).starts_with("obl") => {
                            self.participants(s, false)
                        }
                        _ => by_agent,
                    }
                } else {
                    self.subject_of(g, 0)
                };
                if recipients.is_empty() {
                    recipients = self.recipient_among(g, Some(n), place_is_target);
                }
            }
        }
        if recipients.is_empty() && self.rel(n) == "nsubj" {
            // "air strikes killed eight fighters": the event noun as a clause's subject does to
            // the clause's object what the clause says.
            if let Some(g) = self.head(n) {
                recipients = self.recipient_among(g, Some(n), place_is_target);
            }
        }
        if recipients.is_empty() {
            // "a suspension of air links with Serbia": a directional phrase inside what the
            // noun is of.
            recipients = self.children[n]
                .iter()
                .copied()
                .filter(|&c| self.rel(c).starts_with("nmod") && self.case_of(c) == Some("of"))
                .map(|c| self.directed_within(c, 2, false))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        if recipients.is_empty() && place_is_target {
            // "a curfew in Abidjan", "air strikes in Velora": the named place it is done in,
            // on the noun or on the verb that carries it ("extend the curfew in Abidjan").
            let carrier = self.light_governor(n);
            recipients = self.children[n]
                .iter()
                .copied()
                .filter(|&c| self.rel(c).starts_with("nmod"))
                .chain(carrier.into_iter().flat_map(|g| {
                    self.children[g]
                        .iter()
                        .copied()
                        .filter(|&c| self.rel(c).starts_with("obl"))
                }))
                .filter(|&c| self.case_of(c) == Some("in"))
                .flat_map(|c| self.participants(c, true))
                .filter(|p| self.names_a_place(p))
                .collect();
        }
        settle(self.doc, actors, recipients)
    }
}

/// Keeps the actors that say who acted (a code or at least a sector), and drops a recipient
/// that is one of them, by the same mention or by coreference: "Apple promised it could
/// supply enough" asks nothing of anyone else.
fn settle(
    doc: &Document,
    mut actors: Vec<Participant>,
    mut recipients: Vec<Participant>,
) -> (Vec<Participant>, Vec<Participant>) {
    actors.retain(|a| a.code.is_some() || a.sector.is_some());
    // A nationality names a different group each time ("Palestinian police" took arms from
    // "Palestinian groups"), whatever cluster its name is in.
    let cluster = |e: usize| match doc.entities.get(e) {
        Some(x) if x.kind != EntityKind::Norp => x.cluster.unwrap_or(e),
        _ => e,
    };
    let actor_clusters: Vec<usize> = actors
        .iter()
        .filter_map(|a| a.entity)
        .map(cluster)
        .collect();
    recipients.retain(|r| {
        r.entity
            .is_none_or(|e| !actor_clusters.contains(&cluster(e)))
    });
    (actors, recipients)
}

#[derive(Default)]
struct Match {
    /// Tokens beyond the trigger that the entry needed (particles, condition words).
    extra: Vec<usize>,
    /// The argument a particle preposition introduced ("on Ankara" for "call on").
    particle_arg: Option<usize>,
}

/// The CAMEO code of a promised cooperative action (PLOVER: future CONSULT, SUPPORT,
/// COOPERATE and AID are AGREE).
fn promised(cameo: &str) -> &'static str {
    match cameo {
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        c if c.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        _ => "033",
    }
}

/// One participant per side: "his German counterpart Annalena Baerbock" names Germany twice
/// (the adjective and the minister); the more specific mention (with a sector) stays, and of
/// exact repeats a mention of someone before an agent noun, then the fuller name. Two people
/// (`two_people` of their entities: "criticised Ana Ruiz and Luis Soto", "the minister and Mr
/// Soto", both their government's) both stay.
fn one_per_side(
    mut list: Vec<Participant>,
    two_people: impl Fn(usize, usize) -> bool,
    person: impl Fn(usize) -> bool,
) -> Vec<Participant> {
    let n = list.len();
    let mut keep = vec![true; n];
    for i in 0..n {
        for j in 0..n {
            if i == j || !keep[j] || list[i].code.is_none() || list[i].code != list[j].code {
                continue;
            }
            if let (Some(a), Some(b)) = (list[i].entity, list[j].entity) {
                if two_people(a, b) {
                    continue;
                }
            }
            let less_specific = list[i].sector.is_none() && list[j].sector.is_some();
            // Of two alike, a mention of someone over a bare agent noun ("Mr Blair and other
            // ministers"), then a person over the body they speak for ("Ana Ruiz, for the
            // Greens,"), then the fuller name ("Annalena Baerbock" over "German").
            let rank = |p: &Participant| {
                (
                    p.entity.is_some(),
                    p.entity.is_some_and(&person),
                    p.span.len(),
                )
            };
            let (rank_i, rank_j) = (rank(&list[i]), rank(&list[j]));
            let repeat = list[i].sector == list[j].sector
                && (rank_j > rank_i || (rank_j == rank_i && j < i));
            if less_specific || repeat {
                keep[i] = false;
                break;
            }
        }
    }
    let mut k = 0;
    list.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    list
}

/// CAMEO's refusal to yield (124x) matching a concession or retreat, and the rejection (12x)
/// matching an agreement.
fn refusal_matching(cameo: &str) -> &'static str {
    match cameo {
        // An agreement declared not to come (CAMEO 03x): the matching rejection.
        c if c.starts_with("031") => "121",
        c if c.starts_with("034") => "123",
        c if c.starts_with("035") => "124",
        c if c.starts_with("036") => "125",
        c if c.starts_with("037") => "127",
        c if c.starts_with("038") || c.starts_with("039") => "126",
        c if c.starts_with("03") => "120",
        c if c.starts_with("081") => "1241",
        c if c.starts_with("082") => "1242",
        c if c.starts_with("084") => "1243",
        c if c.starts_with("085") => "1244",
        c if c.starts_with("086") => "1245",
        c if c.starts_with("087") => "1246",
        _ => "124",
    }
}

/// The CAMEO code of an announced retreat, which PLOVER codes as `CONCEDE`: CAMEO's
/// "express intent to yield" (035x).
fn announced_retreat(cameo: &str) -> &'static str {
    match cameo {
        c if c.starts_with("084") => "0353",
        c if c.starts_with("085") => "0354",
        c if c.starts_with("086") => "0355",
        c if c.starts_with("087") => "0356",
        _ => "035",
    }
}

/// The CAMEO threat (13x) and PLOVER `THREATEN` mode (the threat's content) for an announced
/// coercive, violent or sanctioning action.
fn threatened(cameo: &str) -> (&'static str, &'static str) {
    match cameo {
        "1723" => ("1323", "restrict"),
        "1724" => ("1324", "restrict"),
        c if c.starts_with("172") => ("1321", "restrict"),
        "173" => ("137", "arrest"),
        "174" => ("137", "expel"),
        c if c.starts_with("171") => ("1382", "territory"),
        c if c.starts_with("191") => ("1381", "restrict"),
        c if c.starts_with("17") => ("137", "violence"),
        c if c.starts_with("162") => ("1311", "relations"),
        "164" => ("134", "relations"),
        "165" => ("135", "relations"),
        c if c.starts_with("163") => ("1312", "restrict"),
        c if c.starts_with("166") => ("1313", "expel"),
        c if c.starts_with("16") => ("1313", "relations"),
        _ => ("138", "violence"),
    }
}

/// Choices where coding conventions differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conventions {
    /// PLOVER's types for announced actions: a promised consultation, support, cooperation or
    /// aid is `AGREE` (CAMEO 03x), an announced retreat `CONCEDE` (035x), an announced
    /// coercion, attack or sanction `THREATEN` (13x, the mode naming what is threatened).
    /// PETRARCH codes the action itself, so its validation suites are scored with this off.
    pub plover_future_types: bool,
    /// PETRARCH takes its target from any prepositional phrase of the verb ("met in
    /// Nairobi"); Kestrel only from directional ones ("to", "against", "with", ...).
    pub any_preposition_recipient: bool,
    /// Kestrel reads agents from common nouns ("officials", "troops") with no dictionary
    /// entry; PETRARCH knows only its agent dictionary's.
    pub agent_nouns: bool,
    /// Code sports reports too. Off by default: "England beat Samoa", "Wales threatened
    /// further scores" are no political events (see [`sports_report`]).
    pub code_sports_reports: bool,
    /// A protest that names no target is aimed at the protesters' own government, as CAMEO
    /// and PLOVER coders code domestic unrest (see [`protesters_government`]), and a state's
    /// restriction that names no one at its own country ([`restricted_country`]). PETRARCH
    /// codes no target then.
    pub implied_protest_target: bool,
}

impl Default for Conventions {
    fn default() -> Conventions {
        Conventions {
            plover_future_types: true,
            any_preposition_recipient: false,
            agent_nouns: true,
            code_sports_reports: false,
            implied_protest_target: true,
        }
    }
}

/// Whether the participant is a person the recogniser named.
fn is_person(doc: &Document, p: &Participant) -> bool {
    p.entity
        .is_some_and(|e| doc.entities[e].kind == EntityKind::Person)
}

/// A participant's code when it names one state.
fn state_code(p: &Participant) -> Option<&str> {
    p.code.as_deref().filter(|c| is_state_code(c))
}

/// "The Velora government accepted demands from rebels", "Nigerians rallied against
/// violations by fundamentalists": a group named only by what it is (rebels, police,
/// fundamentalists: no name, so no country) on one side of an event whose other side is of one
/// country, in a sentence that names no other country, is of that country, as CAMEO codes
/// domestic actors; so is an organisation named but known to no dictionary ("police raided
/// the offices of Vemtor"). Named people are left alone: a title without a country
/// ("President Ruiz") says nothing of where the other side is from.
fn domestic_country(
    side: &mut [Participant],
    other: &[Participant],
    named: &[String],
    group: impl Fn(&Participant) -> bool,
) {
    let mut codes = other.iter().filter_map(state_code);
    let Some(country) = codes.next() else {
        return;
    };
    if codes.any(|c| c != country) || named.iter().any(|n| n != country) {
        return;
    }
    for p in side.iter_mut() {
        // Refugees and migrants are most often from elsewhere.
        let from_elsewhere = p.sector.as_deref() == Some("REF");
        let unnamed_group = p.entity.is_none() && p.sector.is_some();
        if p.code.is_none()
            && (unnamed_group || p.entity.is_some())
            && !from_elsewhere
            && !p.implied
            && group(p)
        {
            p.code = Some(country.to_string());
        }
    }
}

/// The government a protest with no named target is aimed at: that of the protesters' country,
/// when every actor with a code is of the same country and none is an arm of the state (a
/// government that "protests" names whom it protests to). The recipient is marked implied,
/// with an empty span at the trigger.
fn protesters_government(actors: &[Participant], trigger: Span) -> Option<Participant> {
    let (country, state_actor) = one_country(actors)?;
    (!state_actor).then(|| implied_participant(Some(country), Some("GOV"), trigger))
}

/// The one country of every actor with a code (none when they differ or the first has none),
/// and whether one of them is an arm of the state.
fn one_country(actors: &[Participant]) -> Option<(&str, bool)> {
    const STATE: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];
    let mut countries = actors.iter().map(state_code);
    let first = countries.next()??;
    if !countries.all(|c| c == Some(first)) {
        return None;
    }
    let state_actor = actors
        .iter()
        .any(|a| a.sector.as_deref().is_some_and(|s| STATE.contains(&s)));
    Some((first, state_actor))
}

/// A participant no words name, with an empty span at the trigger.
fn implied_participant(country: Option<&str>, sector: Option<&str>, trigger: Span) -> Participant {
    Participant {
        span: Span::new(trigger.start, trigger.start),
        entity: None,
        code: country.map(String::from),
        sector: sector.map(String::from),
        implied: true,
    }
}

/// The country a state restricts when it names no one (CAMEO 172x, and threats of it, 132x:
/// a curfew, martial law, a state of emergency, a ban on parties), or whose restrictions it
/// eases (081x: "shortened the curfew"): its own, as coders code emergency powers. Only when
/// every actor with a code is of one country and one of them is an arm of the state. Marked
/// implied, with an empty span at the trigger.
fn restricted_country(actors: &[Participant], trigger: Span) -> Option<Participant> {
    let (country, state_actor) = one_country(actors)?;
    state_actor.then(|| implied_participant(Some(country), None, trigger))
}

/// Codes every sentence of a document; returns its events in trigger order.
pub fn code_document(doc: &Document, dict: &EventDictionary, cameo: &CameoTable) -> Vec<Event> {
    code_document_with(doc, dict, cameo, Conventions::default())
}

/// The calendar part of a TimeML value: an event is dated to the day ("2024-05-03TNI", a
/// Friday night, and "2024-05-03T14:00" are 2024-05-03); coarser values ("2024-05",
/// "2024-W18") stay as they are.
fn calendar_part(value: &str) -> String {
    let day = value.get(..10).filter(|d| {
        d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
    });
    day.unwrap_or(value).to_string()
}

/// What the coder decided about one word the event dictionary lists: the event it coded, or
/// why it coded none (`kestrel explain` prints these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Index of the sentence.
    pub sentence: usize,
    /// The word, as a byte span of the cleaned text.
    pub trigger: Span,
    /// Its lemma.
    pub lemma: String,
    /// Whether it became an event.
    pub coded: bool,
    /// The event it became ("REJECT 125") or why it became none.
    pub outcome: String,
    /// The dictionary entry used (`FILE:LINE`), when one matched.
    pub rule: Option<String>,
}

/// Words of sport that politics rarely uses (not "race", "victory", "title" or "champion").
const SPORT_WORDS: &[&str] = &[
    "match",
    "matches",
    "goal",
    "goals",
    "striker",
    "strikers",
    "midfielder",
    "midfielders",
    "goalkeeper",
    "keeper",
    "coach",
    "coaches",
    "league",
    "cup",
    "championship",
    "championships",
    "tournament",
    "tournaments",
    "season",
    "seasons",
    "scored",
    "scoring",
    "scorer",
    "referee",
    "penalty",
    "penalties",
    "wicket",
    "wickets",
    "innings",
    "batsman",
    "bowler",
    "bowlers",
    "seed",
    "seeded",
    "semi-final",
    "semi-finals",
    "quarter-final",
    "quarter-finals",
    "olympic",
    "olympics",
    "medal",
    "medals",
    "lap",
    "laps",
    "club",
    "clubs",
    "fans",
    "squad",
    "squads",
    "fixture",
    "fixtures",
    "premiership",
    "rugby",
    "football",
    "soccer",
    "tennis",
    "cricket",
    "golf",
    "athletics",
    "sprint",
    "sprinter",
    "marathon",
    "boxing",
    "boxer",
    "team",
    "teams",
    "stadium",
    "pitch",
    "half-time",
    "kick-off",
    "tackle",
    "try",
    "tries",
    "winger",
    "fly-half",
    "scrum",
    "lineout",
    "defender",
    "defenders",
    "substitute",
    "debut",
    "captain",
    "captains",
    "skipper",
    "trophy",
    "slam",
    "slams",
];

/// A document this long or longer can be judged a sports report; a lone sentence cannot.
const SPORTS_REPORT_MIN_WORDS: usize = 80;

/// The share of sport words at which a document is a sports report. On the BBC corpus it
/// marks 403 of 511 sports stories and 21 of 1,714 others, nearly all of them about the
/// business of football clubs or about games.
const SPORTS_REPORT_SHARE: f64 = 0.02;

/// Whether a document is a sports report: `Some((sport words, words))` when at least
/// [`SPORTS_REPORT_SHARE`] of its words (and it has [`SPORTS_REPORT_MIN_WORDS`]) are words of
/// sport. Sports reports are full of political verbs used for games ("beat", "threatened",
/// "rallied", "attack"), so the coder leaves them alone unless asked.
pub fn sports_report(doc: &Document) -> Option<(usize, usize)> {
    let mut words = 0;
    let mut sport = 0;
    for t in &doc.tokens {
        let w = &doc.text[t.span.range()];
        if !w.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        words += 1;
        let lower = w.to_lowercase();
        if SPORT_WORDS.contains(&lower.as_str()) {
            sport += 1;
        }
    }
    (words >= SPORTS_REPORT_MIN_WORDS && sport as f64 >= SPORTS_REPORT_SHARE * words as f64)
        .then_some((sport, words))
}

/// Codes a parsed document as [`code_document`] does and says, for every word the dictionary
/// lists, what became of it.
pub fn explain_document(
    doc: &Document,
    dict: &EventDictionary,
    cameo: &CameoTable,
) -> (Vec<Event>, Vec<Decision>) {
    let mut events = Vec::new();
    let mut decisions = Vec::new();
    for index in 0..doc.sentences.len() {
        code_sentence(
            doc,
            index,
            dict,
            cameo,
            Conventions::default(),
            &mut events,
            Some(&mut decisions),
        );
    }
    if let Some((sport, words)) = sports_report(doc) {
        // What each word would have given stays listed; the events go.
        events.clear();
        for d in decisions.iter_mut().filter(|d| d.coded) {
            d.coded = false;
            d.outcome = format!(
                "{}: but a sports report ({sport} of {words} words are of sport)",
                d.outcome
            );
        }
    }
    (events, decisions)
}

/// [`code_document`] under other conventions.
pub fn code_document_with(
    doc: &Document,
    dict: &EventDictionary,
    cameo: &CameoTable,
    conventions: Conventions,
) -> Vec<Event> {
    let mut events = Vec::new();
    if !conventions.code_sports_reports && sports_report(doc).is_some() {
        return events;
    }
    for index in 0..doc.sentences.len() {
        code_sentence(doc, index, dict, cameo, conventions, &mut events, None);
    }
    let fallback = dateline_place(doc)
        .map(|p| (p, "dateline"))
        .or_else(|| main_place(doc).map(|p| (p, "article")));
    if let Some((p, source)) = fallback {
        for e in events.iter_mut().filter(|e| e.place.is_none()) {
            e.place = Some(p);
            e.place_source = source;
        }
    }
    let story = story_country(doc);
    for e in &mut events {
        fill_countries_from_places(doc, e);
        state_of_the_place_or_story(doc, e, story.as_deref());
        domestic_participants(doc, e, conventions);
        unidentified_attackers(doc, e);
        if conventions.agent_nouns {
            groups_of_the_other_side(doc, e, story.as_deref(), conventions);
            groups_of_the_story(doc, e, conventions);
        }
        // Targets implied by the actors, once the actors have every country the document
        // gives them ("demonstrators ... in Monrovia").
        if conventions.implied_protest_target && e.recipients.is_empty() {
            if e.plover_type == "PROTEST" {
                e.recipients
                    .extend(protesters_government(&e.actors, e.trigger));
            } else if e.cameo.starts_with("172")
                || e.cameo.starts_with("132")
                || e.cameo.starts_with("081")
            {
                e.recipients
                    .extend(restricted_country(&e.actors, e.trigger));
            }
        }
    }
    share_codes_within_sentences(&mut events, conventions);
    events
}

/// "Fundamentalists continued their hunger strike to demand the resignation of the Algerian
/// president": the same words name the same participant in every event of their sentence, so
/// a country one event found for them (the demand, domestic) holds in the others (the strike).
/// A protest whose protesters so gain a country is aimed at that country's government, as
/// [`protesters_government`] reads protests with no target.
fn share_codes_within_sentences(events: &mut [Event], conventions: Conventions) {
    let mut found: std::collections::HashMap<(usize, Span), String> =
        std::collections::HashMap::new();
    for e in events.iter() {
        for p in e.actors.iter().chain(&e.recipients) {
            if let (Some(code), false) = (&p.code, p.implied) {
                found
                    .entry((e.sentence, p.span))
                    .or_insert_with(|| code.clone());
            }
        }
    }
    for e in events.iter_mut() {
        let mut gained = false;
        for p in e.actors.iter_mut().chain(e.recipients.iter_mut()) {
            if p.code.is_none() && !p.implied {
                if let Some(code) = found.get(&(e.sentence, p.span)) {
                    p.code = Some(code.clone());
                    gained = true;
                }
            }
        }
        if gained
            && conventions.implied_protest_target
            && e.plover_type == "PROTEST"
            && e.recipients.is_empty()
        {
            e.recipients
                .extend(protesters_government(&e.actors, e.trigger));
        }
    }
}

/// A town or region named as a participant with no code of its own ("imposed a curfew in
/// Cizre") stands for the country the places stage put it in. An agent with no country
/// ("protesters") does not take the country of the event's place: on the development set
/// that guessed as many countries wrong as right.
fn fill_countries_from_places(doc: &Document, e: &mut Event) {
    let uncoded = e.actors.iter_mut().chain(e.recipients.iter_mut());
    for q in uncoded.filter(|q| q.code.is_none()) {
        let place = q
            .entity
            .and_then(|x| doc.places.iter().find(|p| p.entity == Some(x)));
        if let Some(p) = place.filter(|p| !p.country.is_empty()) {
            q.code = Some(p.country.clone());
        }
    }
}

/// Modifiers that place a group outside the country where it acts: "foreign firms",
/// "overseas investors", "international donors".
const ABROAD_MODIFIERS: &[&str] = &["foreign", "overseas", "international", "multinational"];

/// Participants known only by their sector ("opposition leaders", "police", "a judge") take
/// the country of the place the event happened in, when the event's own clause or the
/// dateline names it ("riot police broke up a march in Baku"): people acting where they are,
/// as most events in a story are domestic. Not from the article's main place, which says less
/// about one event.
fn domestic_participants(doc: &Document, e: &mut Event, conventions: Conventions) {
    if !matches!(e.place_source, "text" | "dateline") {
        return;
    }
    let Some(country) = place_country(doc, e) else {
        return;
    };
    let s = Sentence::new(doc, e.sentence, conventions);
    for q in e.actors.iter_mut().chain(e.recipients.iter_mut()) {
        if q.code.is_none() && q.sector.is_some() && !s.is_from_abroad(q) {
            q.code = Some(country.to_string());
        }
    }
}

/// The country of the place an event was put in, when it has one (a continent has none).
fn place_country<'d>(doc: &'d Document, e: &Event) -> Option<&'d str> {
    e.place
        .map(|p| doc.places[p].country.as_str())
        .filter(|c| !c.is_empty())
}

/// The implied state agent of an arrest, expulsion or investigation that names none (see
/// `code_sentence`) is of the country the event was placed in by its clause or the dateline,
/// else of the country of the person who undergoes it, when a dictionary gives them one ("Mr
/// Khodorkovsky was arrested" in a story that names America most), else of the article's main
/// place, else of the story.
fn state_of_the_place_or_story(doc: &Document, e: &mut Event, story: Option<&str>) {
    // A person a dictionary knows (a public figure, mostly arrested at home); not one the
    // text calls a foreign national ("a Belgian national ... was jailed" in Britain).
    let known_to_a_dictionary = |r: &&Participant| {
        r.entity.is_some_and(|x| {
            doc.entities[x].actor.as_ref().is_some_and(|a| {
                matches!(
                    a.source,
                    kestrel_core::ActorSource::Dictionary | kestrel_core::ActorSource::Both
                )
            })
        })
    };
    let persons_country = e
        .recipients
        .iter()
        .filter(|r| is_person(doc, r))
        .filter(known_to_a_dictionary)
        .find_map(state_code)
        .map(String::from);
    let own_place = place_country(doc, e).filter(|_| matches!(e.place_source, "text" | "dateline"));
    let country = own_place
        .or(persons_country.as_deref())
        .or_else(|| place_country(doc, e))
        .or(story);
    for a in e
        .actors
        .iter_mut()
        .filter(|a| a.implied && a.code.is_none())
    {
        a.code = country.map(String::from);
    }
}

/// "A roadside bomb near Samarra killed a soldier": an attack that names no attacker was made
/// by unidentified attackers (`UAF`) of the country where its clause places it, as ICEWS codes
/// unattributed violence. Not from the dateline or the article's main place, which say less
/// about one event. The actor is implied: no words name it.
fn unidentified_attackers(doc: &Document, e: &mut Event) {
    if e.plover_type != "ASSAULT" || !e.actors.is_empty() || e.place_source != "text" {
        return;
    }
    let Some(country) = place_country(doc, e) else {
        return;
    };
    e.actors
        .push(implied_participant(Some(country), Some("UAF"), e.trigger));
}

/// The groups [`domestic_participants`] left without a country take the other side's, by
/// [`domestic_country`]: among the countries the event's sentence names, the story's own
/// (the one it names most) counts too ("MPs backed the invasion of Iraq" in a story from
/// Westminster is no domestic Iraqi event).
fn groups_of_the_other_side(
    doc: &Document,
    e: &mut Event,
    story: Option<&str>,
    conventions: Conventions,
) {
    // An organisation named but known to no dictionary ("the banned Movement for ...").
    let unknown_organisation = |p: &Participant| {
        p.code.is_none()
            && p.entity.is_some_and(|x| {
                doc.entities[x].kind == kestrel_core::EntityKind::Org
                    && doc.entities[x].actor.is_none()
            })
    };
    let uncoded = |list: &[Participant]| {
        list.iter()
            .any(|p| (p.code.is_none() && p.sector.is_some()) || unknown_organisation(p))
    };
    if !uncoded(&e.actors) && !uncoded(&e.recipients) {
        return;
    }
    let s = Sentence::new(doc, e.sentence, conventions);
    let mut named = s.countries_named();
    if let Some(focus) = story.filter(|f| !named.iter().any(|n| n == f)) {
        named.push(focus.to_string());
    }
    let group =
        |p: &Participant| (unknown_organisation(p) || s.names_a_group(p)) && !s.is_from_abroad(p);
    domestic_country(&mut e.actors, &e.recipients, &named, group);
    domestic_country(&mut e.recipients, &e.actors, &named, group);
}

/// The groups still without a country after [`groups_of_the_other_side`] ("ministers",
/// "police", "unions" in a story of one country) take the one country the text names in the
/// five sentences before them and in their own ([`kestrel_actors::countries_named_before`]),
/// else, where those name none, the story's own ([`story_country`]), as most of a story's
/// groups are its own country's. Not refugees, who are most often from elsewhere, nor a title
/// with a name no dictionary knows ("Archbishop Ana Ruiz": a title says nothing of where its
/// holder is from), a word with a modifier the recogniser took for a name or a proper
/// adjective it missed ("European leaders"), or states in general ("rich nations").
fn groups_of_the_story(doc: &Document, e: &mut Event, conventions: Conventions) {
    let uncoded = |p: &Participant| {
        p.code.is_none()
            && p.entity.is_none()
            && !p.implied
            && p.sector.as_deref().is_some_and(|s| s != "REF")
    };
    if !e.actors.iter().chain(&e.recipients).any(uncoded) {
        return;
    }
    let s = Sentence::new(doc, e.sentence, conventions);
    let sentence = &doc.sentences[e.sentence];
    let named = kestrel_actors::countries_named_before(doc, e.sentence, sentence.tokens.end);
    let country = match named.as_slice() {
        [code] => code.clone(),
        // Where the sentences around name no country, the story's own.
        [] => match story_country(doc) {
            Some(code) => code,
            None => return,
        },
        _ => return,
    };
    for p in e.actors.iter_mut().chain(e.recipients.iter_mut()) {
        if !uncoded(p) {
            continue;
        }
        let Some(h) = s.toks.iter().position(|t| t.span == p.span) else {
            continue;
        };
        let person_named = s.children[h].iter().any(|&c| {
            matches!(s.rel(c), "flat" | "appos")
                && s.entity_at[c]
                    .is_some_and(|x| doc.entities[x].kind == kestrel_core::EntityKind::Person)
        });
        let unknown_modifier = s.children[h].iter().any(|&c| {
            matches!(s.rel(c), "amod" | "compound")
                && s.entity_at[c].is_some_and(|x| doc.entities[x].actor.is_none())
        });
        // "European firms": a proper adjective the recogniser missed (its lemma capitalised,
        // wherever it stands) still says whose.
        let capitalised_adjective = s.children[h].iter().any(|&c| {
            s.rel(c) == "amod"
                && s.toks[c]
                    .lemma
                    .as_deref()
                    .and_then(|l| l.chars().next())
                    .is_some_and(char::is_uppercase)
        });
        let states = matches!(s.lemmas[h].as_str(), "nation" | "country" | "state");
        if !(person_named
            || unknown_modifier
            || capitalised_adjective
            || states
            || s.is_from_abroad(p))
        {
            p.code = Some(country.clone());
        }
    }
}

/// The place of the article's dateline ("NAIROBI —"), as an index into its places.
fn dateline_place(doc: &Document) -> Option<usize> {
    let d = doc.dateline.as_ref()?;
    doc.places
        .iter()
        .position(|p| p.span.start < d.place.end && d.place.start < p.span.end)
}

/// The place the article names most often below the level of a country, else the country it
/// names most; the first named wins a tie.
fn main_place(doc: &Document) -> Option<usize> {
    let best = |below_country: bool| {
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in doc.places.iter().enumerate() {
            if (p.level != "country") != below_country {
                continue;
            }
            let n = doc
                .places
                .iter()
                .filter(|q| q.geonameid == p.geonameid && q.name == p.name)
                .count();
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    };
    best(true).or_else(|| best(false))
}

fn code_sentence(
    doc: &Document,
    index: usize,
    dict: &EventDictionary,
    cameo: &CameoTable,
    conventions: Conventions,
    events: &mut Vec<Event>,
    mut trace: Option<&mut Vec<Decision>>,
) {
    let mut s = Sentence::new(doc, index, conventions);
    if s.toks.iter().all(|t| t.deprel.is_none()) {
        return;
    }
    s.join_hyphenated_lemmas(dict);
    s.repair_verb_lemmas(dict);
    let mut consumed = vec![false; s.toks.len()];
    let mut found: Vec<(usize, Event)> = Vec::new();
    let mut note = |t: usize, outcome: String, rule: Option<&str>, coded: bool| {
        if let Some(trace) = trace.as_deref_mut() {
            trace.push(Decision {
                sentence: index,
                trigger: s.span(t),
                lemma: s.lemmas[t].clone(),
                coded,
                outcome,
                rule: rule.map(String::from),
            });
        }
    };
    for kind in [TriggerKind::Verb, TriggerKind::Noun] {
        for t in 0..s.toks.len() {
            if consumed[t] {
                continue;
            }
            let upos = s.upos(t);
            let fits = match kind {
                // "ready to talk", "willing to send": a predicate adjective governing a verb
                // stands for a verb of intention; "opposed to the plan", "critical of Ankara":
                // one with its prepositional argument, for a verb of attitude.
                TriggerKind::Verb => {
                    upos == "VERB"
                        || (upos == "ADJ"
                            && s.children[t].iter().any(|&c| s.rel(c) == "cop")
                            && s.children[t]
                                .iter()
                                .any(|&c| matches!(s.rel(c), "xcomp" | "obl")))
                }
                TriggerKind::Noun => {
                    upos == "NOUN" && s.entity_at[t].is_none() && s.noun_is_reported(t)
                }
            };
            if !fits {
                if kind == TriggerKind::Verb
                    && !matches!(upos, "NOUN" | "PROPN")
                    && s.entries_for(dict, kind, t).next().is_some()
                {
                    note(t, format!("tagged {upos}, not read as a verb"), None, false);
                }
                continue;
            }
            let Some((entry, m)) = s
                .entries_for(dict, kind, t)
                .find_map(|e| s.matches(e, t).map(|m| (e, m)))
            else {
                if s.entries_for(dict, kind, t).next().is_some() {
                    note(
                        t,
                        "no entry's conditions hold (object, complement, preposition)".into(),
                        None,
                        false,
                    );
                }
                continue;
            };
            if entry.cameo.starts_with("10") && s.market_demand(t) {
                note(t, "a market's demand".into(), Some(&entry.rule), false);
                continue;
            }
            // Negotiations are "talks"; "her talk touted ...", "a talk at the conference" is
            // a speech, "talk of war" a rumour.
            if kind == TriggerKind::Noun
                && entry.cameo == "046"
                && s.lemmas[t] == "talk"
                && s.toks[t].xpos.as_deref() == Some("NN")
            {
                note(
                    t,
                    "a talk given, not talks held".into(),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // An adjective stands for a verb only through an entry that names its argument:
            // "opposed to" is, "free of" (the verb "free") is not.
            let adjective_without_argument = upos == "ADJ"
                && !s.children[t].iter().any(|&c| s.rel(c) == "xcomp")
                && !entry
                    .conditions
                    .iter()
                    .any(|c| matches!(c.slot, crate::dictionary::Slot::Prep(_)));
            if adjective_without_argument {
                continue;
            }
            // "met with criticism from unions": what a verb of receiving takes is an event of
            // its own, done to the verb's subject.
            for &x in m
                .extra
                .iter()
                .filter(|&&x| s.receiving_governor(x) != Some(t))
            {
                consumed[x] = true;
            }
            if entry.plover_type == crate::dictionary::IGNORE {
                note(t, "listed as no event".into(), Some(&entry.rule), false);
                continue;
            }
            let is_trigger = |h: usize| {
                let kind = if s.upos(h) == "VERB" {
                    TriggerKind::Verb
                } else {
                    TriggerKind::Noun
                };
                s.entries_for(dict, kind, h)
                    .any(|e| s.matches(e, h).is_some())
            };
            // "will not release the prisoners", "would not meet their demands": a concession
            // declared not to come is a refusal to yield (CAMEO 124x); "will not accept the
            // plan", an agreement declared not to come, a rejection (12x).
            let mut refused = false;
            let modality = match s.status(t, &entry.plover_type, &is_trigger) {
                Status::Code(modality) => modality,
                Status::Skip("negated")
                    if matches!(entry.plover_type.as_str(), "CONCEDE" | "RETREAT" | "AGREE")
                        && s.declared_not_to_come(t) =>
                {
                    refused = true;
                    Modality::Asserted
                }
                Status::Skip(why) => {
                    note(t, format!("not asserted: {why}"), Some(&entry.rule), false);
                    continue;
                }
            };
            let (actors, recipients) = match kind {
                TriggerKind::Verb => s.verb_arguments(
                    t,
                    &m,
                    PLACE_TARGET_TYPES.contains(&entry.plover_type.as_str()),
                    matches!(
                        entry.mode.as_deref(),
                        Some("troops" | "withdraw" | "disarm")
                    ),
                ),
                TriggerKind::Noun => {
                    s.noun_arguments(t, PLACE_TARGET_TYPES.contains(&entry.plover_type.as_str()))
                }
            };
            // People of two clusters are two people, however mentioned ("the prime minister
            // and Mr Brown").
            let two_people = |a: usize, b: usize| {
                let (ea, eb) = (&doc.entities[a], &doc.entities[b]);
                ea.kind == EntityKind::Person
                    && eb.kind == EntityKind::Person
                    && ea.cluster.unwrap_or(a) != eb.cluster.unwrap_or(b)
            };
            let person = |e: usize| doc.entities[e].kind == EntityKind::Person;
            let (mut actors, mut recipients) = (
                one_per_side(actors, two_people, person),
                one_per_side(recipients, two_people, person),
            );
            // "Velora's troops arrived in Upland": a visit (042, 043) is made by officials;
            // troops arriving are deployed, which the dictionary's own entries code, and police
            // arriving at a house come to search it.
            let troops_only = !actors.is_empty()
                && actors
                    .iter()
                    .all(|a| matches!(a.sector.as_deref(), Some("MIL" | "COP")));
            if troops_only && (entry.cameo.starts_with("042") || entry.cameo.starts_with("043")) {
                note(
                    t,
                    "a visit by troops or police is no visit".to_string(),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            if actors.is_empty()
                && kind == TriggerKind::Verb
                && STATE_ONLY.iter().any(|c| entry.cameo.starts_with(c))
            {
                actors = s.state_where_done(t);
                // "was detained in Zambia": the country where it was done acts; the place
                // is not also its recipient.
                (actors, recipients) = settle(doc, actors, recipients);
                // "Three journalists were arrested": with no place named, the state's police
                // (its government, for an expulsion or an investigation) of the country
                // where the event took place or of the story, filled in once the document's
                // places are known.
                // Who undergoes it is the clause's own subject ("Mr Doherty was arrested after
                // an incident in a London hotel" is no arrest of London).
                let undergone_by_someone = s.passive_subject(t).is_some_and(|subject| {
                    s.participants(subject, false)
                        .iter()
                        .any(|r| r.code.is_some() || r.sector.is_some())
                });
                if actors.is_empty()
                    && undergone_by_someone
                    && s.is_passive(t)
                    && s.agent_phrase(t).is_none()
                {
                    let sector = if entry.cameo.starts_with("173") {
                        "COP"
                    } else {
                        "GOV"
                    };
                    actors.push(implied_participant(None, Some(sector), s.span(t)));
                }
            }
            // Violence with unknown perpetrators is still an event ("a roadside bomb killed two
            // soldiers", "three civilians were killed in a car bombing"), coded with no actor
            // as PLOVER does, when its victims are known; other events need their actor.
            let actorless_violence = entry.plover_type == "ASSAULT"
                && kind == TriggerKind::Verb
                && s.perpetrator_unnamed(t)
                && s.named_victims(t);
            if actors.is_empty() && !actorless_violence {
                note(
                    t,
                    format!(
                        "{} {}: no actor with a country or sector",
                        entry.plover_type, entry.cameo
                    ),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            let needs_recipient =
                matches!(entry.plover_type.as_str(), "COOPERATE" | "AID" | "SANCTION");
            // A threat finds its target in its condition too ("may end its aid if Velor ...").
            let conditional = conventions.plover_future_types
                && modality == Modality::Future
                && (s.on_a_condition_of_not(t) || s.held_out_on_a_condition(t));
            if needs_recipient && recipients.is_empty() && !conditional {
                note(
                    t,
                    format!(
                        "{} {}: no recipient, which this type needs",
                        entry.plover_type, entry.cameo
                    ),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // "England beat Fiji 26-21", "the bank beat its rival to the deal": countries and
            // companies beat one another at games and in markets. A beating is given by or to
            // people, a force or a group.
            let contest = |p: &Participant| {
                !is_person(doc, p) && matches!(p.sector.as_deref(), None | Some("MNC" | "BUS"))
            };
            if s.lemmas[t] == "beat" && actors.iter().chain(&recipients).all(contest) {
                note(
                    t,
                    format!(
                        "{} {}: countries and companies beat one another in contests",
                        entry.plover_type, entry.cameo
                    ),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // "Italy defended well", "the champion defends in March": defending with no one
            // and nothing defended is a game's, not a stand taken for someone.
            if s.lemmas[t] == "defend"
                && !s.children[t]
                    .iter()
                    .any(|&c| matches!(s.rel(c), "obj" | "nsubj:pass" | "ccomp" | "iobj"))
            {
                note(
                    t,
                    format!(
                        "{} {}: nothing and no one is defended",
                        entry.plover_type, entry.cameo
                    ),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // "blamed high fuel prices for the fall in profits", "blamed the losses on a weak
            // dollar": blame laid on a cause accuses no one. Blame laid on someone names a
            // recipient, or at least a person or a group the coder could not place.
            if s.lemmas[t] == "blame" && recipients.is_empty() && s.blames_a_cause(t) {
                note(
                    t,
                    format!(
                        "{} {}: the blame falls on a cause, not on anyone",
                        entry.plover_type, entry.cameo
                    ),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            let mut plover_type = entry.plover_type.clone();
            let mut mode = entry.mode.clone();
            let mut code = entry.cameo.clone();
            // "French and Egyptian warships launched war games": an exercise held by the
            // forces of two countries together is military cooperation (CAMEO 062), not a
            // show of force.
            if code == "150" && mode.as_deref() == Some("troops") {
                let mut countries: Vec<&str> = actors.iter().filter_map(state_code).collect();
                countries.sort_unstable();
                countries.dedup();
                // A sea or a range the exercise is held in names no one.
                if countries.len() >= 2 && recipients.iter().all(|r| r.code.is_none()) {
                    plover_type = "COOPERATE".into();
                    mode = None;
                    code = "062".into();
                    recipients.clear();
                }
            }
            // "Labour attacked the Tories", "the minister attacked the opposition's plans": an
            // attack on or by a party, or a person's on a person or a thing, is made in words.
            // An attack on a country or a force stays one. The noun as the verb: "the Tory
            // leader launched an attack on the minister"; and a clash, "the judge clashed with
            // ministers". A target aimed at so is no event.
            if code == "190" && matches!(s.lemmas[t].as_str(), "attack" | "clash" | "target") {
                let political =
                    |p: &Participant| matches!(p.sector.as_deref(), Some("PTY" | "OPP" | "LEG"));
                let person = |p: &Participant| is_person(doc, p);
                // Judges, journalists, teachers and businesses attack in words as people do,
                // and so do international bodies among themselves ("the European Parliament
                // clashed with the Commission").
                let speaking_body = |p: &Participant| {
                    matches!(
                        p.sector.as_deref(),
                        Some("JUD" | "JRN" | "EDU" | "BUS" | "MNC")
                    )
                };
                let bodies_among_themselves = !actors.is_empty()
                    && !recipients.is_empty()
                    && actors
                        .iter()
                        .chain(&recipients)
                        .all(|p| matches!(p.sector.as_deref(), Some("IGO" | "NGO")));
                let by_people =
                    !actors.is_empty() && actors.iter().all(|a| person(a) || speaking_body(a));
                // A person attacks a government, a court or a newspaper in words; one who
                // attacks a force, an armed group or a country may use arms.
                let civil = |p: &Participant| {
                    p.sector.as_deref().is_some_and(|s| {
                        !matches!(
                            s,
                            "MIL" | "COP" | "REB" | "SPY" | "INS" | "UAF" | "PRM" | "RAD"
                        )
                    })
                };
                // "attacked British imperialists": a people named by its nationality is no
                // force.
                let a_people = |p: &Participant| {
                    p.sector.is_none()
                        && p.entity
                            .is_some_and(|e| doc.entities[e].kind == EntityKind::Norp)
                };
                let in_words = actors.iter().chain(&recipients).any(political)
                    || bodies_among_themselves
                    || (by_people
                        && recipients
                            .iter()
                            .all(|r| person(r) || civil(r) || a_people(r)));
                // Parties target seats and voters, firms customers: no attack at all.
                if in_words && s.lemmas[t] == "target" {
                    note(
                        t,
                        "190: a target aimed at in words".into(),
                        Some(&entry.rule),
                        false,
                    );
                    continue;
                }
                if in_words {
                    plover_type = "ACCUSE".into();
                    code = "111".into();
                    mode = cameo.get(&code).and_then(|c| c.mode.clone());
                }
            }
            // "153,000 people are expected to travel to the farm": people going somewhere that
            // is no one visit no one.
            let civilians_alone = !actors.is_empty()
                && actors
                    .iter()
                    .all(|p| p.sector.as_deref() == Some("CVL") && p.entity.is_none());
            if entry.mode.as_deref() == Some("visit") && recipients.is_empty() && civilians_alone {
                note(
                    t,
                    format!("{code}: people visiting no one"),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // "The security firm issued a warning about a new virus", "the retailer warned that
            // profits would fall": a business's warning that warns no one is an alert or a
            // forecast, not a threat. And "the firm is investigating a trojan program": a
            // business's inquiry into no one is its own business, as its coercion of no one.
            let business_alone = recipients.is_empty()
                && !actors.is_empty()
                && actors
                    .iter()
                    .all(|p| matches!(p.sector.as_deref(), Some("BUS" | "MNC")));
            let warning =
                plover_type == "THREATEN" && matches!(s.lemmas[t].as_str(), "warn" | "warning");
            let inquiry = code.starts_with("09");
            // "cracking down on pirated software", "began blocking infected sites": a
            // business's coercion of no one is its own housekeeping.
            let coercion = code.starts_with("17");
            if business_alone && (warning || inquiry || coercion) {
                let what = if warning {
                    "warning"
                } else if inquiry {
                    "inquiry"
                } else {
                    "coercion"
                };
                note(
                    t,
                    format!("{code}: a business's {what} to no one"),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            // "the two big parties battling over taxes", "they are fighting each other": parties
            // fight elections and one another with votes. Businesses fight in courts and
            // markets: "the firm has been battling the tax authorities".
            // "we have been squabbling, fighting," she added: people fighting no one fight in
            // words, whatever their office.
            if code.starts_with("19")
                && matches!(s.lemmas[t].as_str(), "fight" | "battle")
                && recipients.is_empty()
                && !actors.is_empty()
                && actors.iter().all(|a| is_person(doc, a))
            {
                note(
                    t,
                    format!("{code}: people fighting no one"),
                    Some(&entry.rule),
                    false,
                );
                continue;
            }
            if code.starts_with("19") && matches!(s.lemmas[t].as_str(), "fight" | "battle") {
                let party =
                    |p: &Participant| matches!(p.sector.as_deref(), Some("PTY" | "OPP" | "LEG"));
                let business = |p: &Participant| matches!(p.sector.as_deref(), Some("BUS" | "MNC"));
                let armed = |p: &Participant| {
                    p.sector.as_deref().is_some_and(|s| {
                        matches!(
                            s,
                            "MIL" | "COP" | "REB" | "SPY" | "INS" | "UAF" | "PRM" | "RAD"
                        )
                    })
                };
                let parties = !actors.is_empty() && actors.iter().chain(&recipients).all(party);
                let businesses = !actors.is_empty()
                    && actors.iter().all(business)
                    && !recipients.iter().any(armed);
                if parties || businesses {
                    let who = if parties {
                        "parties fight with votes"
                    } else {
                        "businesses fight in courts and markets"
                    };
                    note(t, format!("{code}: {who}"), Some(&entry.rule), false);
                    continue;
                }
            }
            if refused {
                plover_type = "REJECT".into();
                code = refusal_matching(&code).to_string();
                mode = cameo.get(&code).and_then(|c| c.mode.clone());
            } else if conditional && plover_type != "THREATEN" {
                // "will withdraw its force unless the government agrees", "said it would
                // boycott the vote unless ...": an action announced on a condition is a threat.
                let (threat, content) = match plover_type.as_str() {
                    "COERCE" | "ASSAULT" | "SANCTION" => threatened(&code),
                    // "will boycott the vote unless ...": a boycott; "could strike if ...":
                    // dissent.
                    "PROTEST" if mode.as_deref() == Some("boycott") => ("1312", "restrict"),
                    "PROTEST" => ("133", "relations"),
                    _ => ("130", ""),
                };
                plover_type = "THREATEN".into();
                mode = (!content.is_empty()).then(|| content.to_string());
                code = threat.to_string();
            } else if conventions.plover_future_types && modality == Modality::Future {
                match plover_type.as_str() {
                    "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" => {
                        plover_type = "AGREE".into();
                        mode = None;
                        code = promised(&code).to_string();
                    }
                    "RETREAT" => {
                        plover_type = "CONCEDE".into();
                        mode = None;
                        code = announced_retreat(&code).to_string();
                    }
                    "COERCE" | "ASSAULT" | "SANCTION" => {
                        let (threat, content) = threatened(&code);
                        plover_type = "THREATEN".into();
                        mode = Some(content.to_string());
                        code = threat.to_string();
                    }
                    // "said they would boycott all contact with Velor": a boycott announced.
                    "PROTEST" if mode.as_deref() == Some("boycott") => {
                        plover_type = "THREATEN".into();
                        mode = Some("restrict".to_string());
                        code = "1312".to_string();
                    }
                    "PROTEST" => {
                        plover_type = "THREATEN".into();
                        mode = Some("relations".to_string());
                        code = "133".to_string();
                    }
                    _ => {}
                }
            }
            let Some(c) = cameo.get(&code) else {
                note(
                    t,
                    format!("CAMEO code {code} is not in the table"),
                    Some(&entry.rule),
                    false,
                );
                continue;
            };
            let mut extra: Vec<usize> = m.extra.clone();
            extra.sort_unstable();
            extra.dedup();
            let (money, [dead, injured, arrested]) = s.clause_amounts(t);
            // Recipients found outside the trigger's own arguments, once the event's final type
            // is known (a conditional announcement becomes a threat above).
            if recipients.is_empty() && kind == TriggerKind::Verb {
                let mut found = s.purpose_addressee(t, &plover_type);
                if found.is_empty() && plover_type == "THREATEN" {
                    found = s.condition_party(t);
                }

                (actors, recipients) = settle(doc, actors, found);
            }
            if plover_type == "ACCUSE" {
                let found = s.wrongdoers(t);
                if !found.is_empty() {
                    (actors, recipients) = settle(doc, actors, found);
                }
            }
            if plover_type == "PROTEST" && recipients.is_empty() {
                let mut found = s.protest_target(t);
                if found.is_empty() {
                    found = s.purpose_target(t);
                }
                (actors, recipients) = settle(doc, actors, found);
            }
            let participants: Vec<&Participant> = actors.iter().chain(&recipients).collect();
            let place = s.clause_place(t, &participants);
            let (date, date_source) = match s.clause_date(t) {
                Some(d) => (Some(d), "text"),
                None => match doc.published.as_deref().and_then(|p| p.get(..10)) {
                    Some(p) => (Some(p.to_string()), "published"),
                    None => (None, "none"),
                },
            };
            found.push((
                t,
                Event {
                    sentence: index,
                    trigger: s.span(t),
                    trigger_extra: extra.iter().map(|&x| s.span(x)).collect(),
                    plover_score: plover_score(&plover_type, mode.as_deref()).unwrap_or(0.0),
                    plover_type,
                    mode,
                    context: entry.context.clone(),
                    quad_class: quad_class(&code),
                    goldstein: c.goldstein,
                    cameo: code,
                    actors,
                    recipients,
                    modality,
                    date,
                    date_source,
                    money,
                    dead,
                    injured,
                    arrested,
                    place,
                    place_source: if place.is_some() { "text" } else { "none" },
                    rule: entry.rule.clone(),
                },
            ));
        }
    }
    // A report whose content is itself coded ("X said Y attacked Z") is not an event of its
    // own: the content is the news.
    let triggers: Vec<usize> = found.iter().map(|(t, _)| *t).collect();
    let dominates = |top: usize, low: usize| {
        let mut x = low;
        for _ in 0..s.toks.len() {
            match s.head(x) {
                Some(h) if h == top => return true,
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    };
    found.retain(|(t, e)| {
        let kept = !REPORTING_VERBS.contains(&s.lemmas[*t].as_str())
            || !triggers.iter().any(|&o| {
                o != *t && (dominates(*t, o) || (s.rel(*t) == "parataxis" && s.head(*t) == Some(o)))
            });
        note(
            *t,
            if kept {
                format!("{} {}", e.plover_type, e.cameo)
            } else {
                "a report whose content is coded".to_string()
            },
            Some(&e.rule),
            kept,
        );
        kept
    });
    found.sort_by_key(|(t, _)| *t);
    events.extend(found.into_iter().map(|(_, e)| e));
}

#[cfg(test)]
mod tests {
    use super::{calendar_part, one_per_side};
    use kestrel_core::{Participant, Span};

    fn part(start: usize, end: usize, code: &str, sector: Option<&str>) -> Participant {
        Participant {
            span: Span::new(start, end),
            entity: None,
            code: Some(code.into()),
            sector: sector.map(String::from),
            implied: false,
        }
    }

    #[test]
    fn a_side_named_twice_is_one_participant() {
        // "his German counterpart Annalena Baerbock": the adjective and the name.
        let kept = one_per_side(
            vec![
                part(4, 10, "DEU", Some("GOV")),
                part(23, 40, "DEU", Some("GOV")),
                part(45, 50, "FRA", None),
            ],
            |_, _| false,
            |_| false,
        );
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].span, Span::new(23, 40));
        // A code with a sector wins over the same code without one.
        let kept = one_per_side(
            vec![part(0, 5, "KEN", None), part(9, 14, "KEN", Some("MIL"))],
            |_, _| false,
            |_| false,
        );
        assert_eq!(kept, vec![part(9, 14, "KEN", Some("MIL"))]);
        // A person over the body they speak for, though the body's name is longer.
        let mut named = part(0, 8, "KEN", Some("PTY"));
        named.entity = Some(0);
        let mut body = part(18, 40, "KEN", Some("PTY"));
        body.entity = Some(1);
        let kept = one_per_side(vec![named.clone(), body], |_, _| false, |e| e == 0);
        assert_eq!(kept, vec![named]);
    }

    #[test]
    fn events_are_dated_to_the_day() {
        assert_eq!(calendar_part("2024-05-03TNI"), "2024-05-03");
        assert_eq!(calendar_part("2024-05-03T14:00"), "2024-05-03");
        assert_eq!(calendar_part("2024-05"), "2024-05");
        assert_eq!(calendar_part("2024-W18"), "2024-W18");
        assert_eq!(calendar_part("PRESENT_REF"), "PRESENT_REF");
    }
}
