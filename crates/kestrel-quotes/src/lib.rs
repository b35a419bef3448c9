//! Who said what: quotations and reported speech, attributed to their speakers.
//!
//! The finder reads a parsed [`Document`] whose entities have actors, and adds its `quotes`
//! layer: one [`Quote`] per stretch of reported speech, with its kind, its content, its cue
//! ("said", "told reporters", "according to") and its speaker.
//!
//! - **Direct** quotes are words in quotation marks (straight or curly, double, or single
//!   when they pair up) that make up the statement: they start a sentence, follow a colon or
//!   end in the statement's own punctuation. A quote left open at the end of a paragraph ends
//!   there, and a paragraph that reopens it continues it. The speaker is the subject of a
//!   speech verb in the same sentence outside the marks ("..., the minister said"), else of a
//!   sentence ending in a colon just before, else the previous quote's when it is in the same
//!   or the previous paragraph.
//! - **Indirect** quotes are the clausal complements of speech and thought verbs ("X said
//!   (that) ...", "X told AFP that ..."), the rest of a sentence that a speech clause interrupts
//!   or ends ("..., officials said"), and clauses that "according to X" attaches to.
//! - **Partial** quotes are quoted words inside the reporter's own sentence; they take the
//!   speaker of the speech verb that governs them ("called the plan \"a non-starter\"").
//! - **Scare** quotes are short quoted terms that no speech verb governs (a so-called
//!   "special operation"); they are kept, marked, and never given a speaker.
//!
//! Speakers are the subject phrase of the cue verb; the entity mention at its head (a pronoun's
//! mention carries its coreference cluster and actor) links it to an actor.
#![deny(missing_docs)]

use std::ops::Range;

use kestrel_core::{Document, Layer, Quote, QuoteKind, Span, Speaker, Stage};

mod model;
pub use model::CueModel;

/// Verbs that report speech, writing or a stated position.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "state",
    "declare",
    "announce",
    "report",
    "write",
    "tweet",
    "post",
    "explain",
    "argue",
    "claim",
    "insist",
    "warn",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "suggest",
    "assert",
    "stress",
    "emphasize",
    "emphasise",
    "recall",
    "reply",
    "respond",
    "answer",
    "ask",
    "conclude",
    "predict",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "urge",
    "complain",
    "comment",
    "joke",
    "quip",
    "observe",
    "remark",
    "reveal",
    "concede",
    "contend",
    "maintain",
    "testify",
    "allege",
    "charge",
    "counter",
    "retort",
    "mention",
    "boast",
    "lament",
    "shout",
    "chant",
    "scream",
    "yell",
    "whisper",
    "inform",
    "assure",
    "hint",
    "caution",
    "describe",
    "call",
    "agree",
    "disagree",
    "estimate",
    "indicate",
    "show",
    "find",
    "learn",
    "believe",
    "think",
    "feel",
    "fear",
    "hope",
    "expect",
    "worry",
    "wonder",
    "know",
    "recognize",
    "recognise",
    "realize",
    "realise",
    "understand",
    "guess",
    "imagine",
    "doubt",
    "speculate",
    "repeat",
    "reiterate",
    "proclaim",
    "demand",
    "propose",
    "recommend",
    "advise",
    "signal",
    "accuse",
    "blame",
    "criticize",
    "criticise",
    "praise",
    "question",
];

/// Verbs that take a clause and report thought or speech strongly enough to carry quoted
/// words as their own: the subset of [`SPEECH_VERBS`] that introduce direct quotes.
const QUOTING_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "state",
    "declare",
    "announce",
    "write",
    "tweet",
    "post",
    "explain",
    "argue",
    "claim",
    "insist",
    "warn",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "suggest",
    "assert",
    "stress",
    "emphasize",
    "emphasise",
    "recall",
    "reply",
    "respond",
    "answer",
    "ask",
    "conclude",
    "predict",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "urge",
    "complain",
    "comment",
    "joke",
    "quip",
    "observe",
    "remark",
    "reveal",
    "concede",
    "contend",
    "maintain",
    "testify",
    "counter",
    "retort",
    "boast",
    "lament",
    "shout",
    "chant",
    "scream",
    "yell",
    "whisper",
    "continue",
    "call",
    "repeat",
    "reiterate",
    "proclaim",
    "describe",
    "caution",
    "muse",
    "recount",
    "exclaim",
    "tout",
];

/// Verbs whose `to`-clause states an intention, expectation or stance ("wants to run",
/// "refused to comment", "is expected to win").
const INTENT_VERBS: &[&str] = &[
    "want",
    "plan",
    "refuse",
    "expect",
    "seem",
    "appear",
    "intend",
    "hope",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "decline",
    "agree",
    "aim",
    "seek",
    "wish",
    "urge",
    "ask",
    "tell",
    "call",
    "encourage",
    "warn",
    "prefer",
    "decide",
    "offer",
    "insist",
    "claim",
];

/// Verbs whose object is the stance or statement reported ("backed Crist", "praised the
/// effort", "announced his resignation").
const STANCE_VERBS: &[&str] = &[
    "support",
    "back",
    "endorse",
    "praise",
    "criticize",
    "criticise",
    "thank",
    "prefer",
    "oppose",
    "favor",
    "favour",
    "condemn",
    "blame",
    "welcome",
    "reject",
    "announce",
    "report",
    "reveal",
    "deny",
    "confirm",
    "acknowledge",
    "mention",
    "describe",
    "defend",
    "question",
    "dispute",
    "call",
    "show",
    "find",
    "cite",
    "predict",
    "dismiss",
    "applaud",
    "slam",
    "blast",
    "denounce",
    "accuse",
    "like",
    "love",
    "hate",
    "trust",
    "admire",
    "respect",
    "fear",
    "doubt",
    "recommend",
    "propose",
    "suggest",
    "demand",
    "urge",
    "estimate",
    "disclose",
    "highlight",
    "emphasize",
    "emphasise",
    "stress",
    "recall",
];

/// Verbs whose `for` phrase is the demand or choice reported ("called for", "voted for").
const FOR_VERBS: &[&str] = &["call", "push", "press", "argue", "advocate", "plead", "ask"];

/// A stretch of text in quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marked {
    /// From the opening mark to the closing mark, both included (or to the paragraph's end
    /// for a quote left open).
    span: Span,
    /// The paragraph reopens a quote the previous paragraph left open.
    continues: bool,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{—–-:;,/“‘".contains(c))
}

/// Finds quotation-mark spans, paragraph by paragraph.
fn marked_spans(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let mut out: Vec<Marked> = Vec::new();
    let whole = [Span::new(0, text.len())];
    let paragraphs = if paragraphs.is_empty() {
        &whole[..]
    } else {
        paragraphs
    };
    let mut left_open = false;
    for p in paragraphs {
        let para = &text[p.range()];
        let mut open: Option<(usize, char)> = None;
        let mut prev: Option<char> = None;
        let mut first_mark = true;
        let mut chars = para.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let at = p.start + i;
            // Plain-text renderings of quotation marks: ''...'' and ``...'' (as in Penn
            // Treebank-style text and some newswire archives) pair up like "...".
            if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
                chars.next();
                match open {
                    None => open = Some((at, '"')),
                    Some((start, o)) if o != '‘' && c == '\'' => {
                        out.push(Marked {
                            span: Span::new(start, at + 2),
                            continues: left_open && first_mark,
                        });
                        first_mark = false;
                        open = None;
                    }
                    _ => {}
                }
                prev = Some(c);
                continue;
            }
            match (c, open) {
                ('“', None) | ('"', None) => {
                    open = Some((at, c));
                }
                ('‘', None) if is_opening_context(prev) => open = Some((at, c)),
                // An opening mark typed where a closing one belongs: right after the quoted
                // words and before a space or the end ("grim,“ said").
                ('“', Some((start, o)))
                    if o != '‘'
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| n.is_whitespace()) =>
                {
                    out.push(Marked {
                        span: Span::new(start, at + c.len_utf8()),
                        continues: left_open && first_mark,
                    });
                    first_mark = false;
                    open = None;
                }
                ('”', Some((start, o))) | ('"', Some((start, o))) if o != '‘' => {
                    out.push(Marked {
                        span: Span::new(start, at + c.len_utf8()),
                        continues: left_open && first_mark,
                    });
                    first_mark = false;
                    open = None;
                }
                ('’', Some((start, '‘'))) if next.is_none_or(|n| !n.is_alphanumeric()) => {
                    out.push(Marked {
                        span: Span::new(start, at + c.len_utf8()),
                        continues: false,
                    });
                    first_mark = false;
                    open = None;
                }
                _ => {}
            }
            if !c.is_whitespace() && first_mark && open.is_none() {
                first_mark = false;
            }
            prev = Some(c);
        }
        left_open = false;
        if let Some((start, o)) = open {
            if o != '‘' {
                // A quote that runs on into the next paragraph ends here for now.
                let end = p.start + para.trim_end().len();
                if end > start + o.len_utf8() {
                    out.push(Marked {
                        span: Span::new(start, end),
                        continues: false,
                    });
                    left_open = true;
                }
            }
        }
    }
    out
}

/// One sentence's parse, for walking.
struct Parsed<'a> {
    doc: &'a Document,
    base: usize,
    len: usize,
    children: Vec<Vec<usize>>,
    lemmas: Vec<String>,
}

impl<'a> Parsed<'a> {
    fn new(doc: &'a Document, s: usize) -> Parsed<'a> {
        let sentence = &doc.sentences[s];
        let toks = doc.sentence_tokens(sentence);
        let mut children = vec![Vec::new(); toks.len()];
        for (i, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < toks.len()) {
                children[h].push(i);
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
        Parsed {
            doc,
            base: sentence.tokens.start,
            len: toks.len(),
            children,
            lemmas,
        }
    }

    fn tok(&self, i: usize) -> &kestrel_core::Token {
        &self.doc.tokens[self.base + i]
    }

    fn rel(&self, i: usize) -> &str {
        self.tok(i).deprel.as_deref().unwrap_or("")
    }

    fn upos(&self, i: usize) -> &str {
        self.tok(i).upos.as_deref().unwrap_or("")
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.tok(i).head.filter(|&h| h < self.len)
    }

    fn word(&self, i: usize) -> &str {
        self.doc.slice(self.tok(i).span)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.upos(i) == "PUNCT"
    }

    /// The tokens of `i`'s subtree, sorted.
    fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let x = out[k];
            out.extend(self.children[x].iter().copied());
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The span from the first to the last of `tokens` that is not punctuation at an edge
    /// (quotation marks are kept).
    fn span_of(&self, tokens: &[usize]) -> Option<Span> {
        let keep = |&&t: &&usize| !self.is_punct(t) || is_quote_mark(self.word(t));
        let first = tokens.iter().find(keep)?;
        let last = tokens.iter().rev().find(keep)?;
        Some(Span::new(
            self.tok(*first).span.start,
            self.tok(*last).span.end,
        ))
    }

    /// The cue's words: the verb with the auxiliaries, negation, particles and adverbs right
    /// before or after it ("has said", "also noted", "pointed out").
    fn cue_span(&self, v: usize) -> Span {
        let mut first = v;
        let mut last = v;
        let attached = |c: usize| {
            matches!(
                self.rel(c),
                "aux" | "aux:pass" | "advmod" | "compound:prt" | "neg"
            )
        };
        loop {
            let before = first
                .checked_sub(1)
                .filter(|&b| self.head(b) == Some(v) && attached(b));
            match before {
                Some(b) => first = b,
                None => break,
            }
        }
        while last + 1 < self.len
            && self.head(last + 1) == Some(v)
            && self.rel(last + 1) == "compound:prt"
        {
            last += 1;
        }
        Span::new(self.tok(first).span.start, self.tok(last).span.end)
    }

    /// The subject phrase of a verb, reaching through a relative pronoun to its noun. Words
    /// inside `not_in` (the quote itself) cannot be the speaker. A verb without a subject of
    /// its own shares its head's, as UD leaves it ("attacked Cruz, saying ...", "met them and
    /// said ..."); failing that, the words around the verb are read, as the parse of a
    /// speech clause is often wrong (see `subject_by_position`).
    fn subject(&self, v: usize, not_in: Option<Span>) -> Option<usize> {
        self.subject_within(v, not_in, 3)
    }

    fn subject_within(&self, v: usize, not_in: Option<Span>, depth: usize) -> Option<usize> {
        let outside = |c: usize| {
            not_in.is_none_or(|q| {
                let t = self.tok(c).span;
                t.end <= q.start || t.start >= q.end
            })
        };
        // A day or a time is no speaker, whatever the parse says ("said Saturday night").
        let own = self.children[v]
            .iter()
            .copied()
            .filter(|&c| matches!(self.rel(c), "nsubj" | "nsubj:outer") && outside(c))
            .filter(|&c| !is_time_word(&self.lemmas[c]))
            .min_by_key(|&c| (c > v, c.abs_diff(v)));
        if let Some(s) = own {
            // A relative pronoun is the speaker's word in its clause, as a pronoun is; the
            // noun it stands for gives the entity (see `speaker`).
            if self.relative_antecedent(s).is_some() {
                return Some(s);
            }
            // A subject after the verb is the complement's, misread, when a name before a
            // parenthesis starts the clause ("Ortiz, a senator, said the plan ...").
            if s > v {
                let comma = v.checked_sub(1).filter(|&b| self.word(b) == ",");
                if let Some(name) = comma.and_then(|b| self.name_before_parenthesis(b)) {
                    return outside(name).then_some(name);
                }
            }
            return Some(s);
        }
        if self.children[v]
            .iter()
            .any(|&c| self.rel(c) == "nsubj:pass")
        {
            return None;
        }
        self.inherited_subject(v, not_in, depth)
            .or_else(|| self.subject_by_position(v, &outside))
    }

    /// The subject a verb shares with its head: a conjoined verb's ("criticised the plan and
    /// said ..."), a participle's ("..., saying ..."), a controlled verb's ("wants to call
    /// for ..."; with an object, the object's: "urged Ortiz to say").
    fn inherited_subject(&self, v: usize, not_in: Option<Span>, depth: usize) -> Option<usize> {
        let h = self.head(v).filter(|_| depth > 0)?;
        match self.rel(v) {
            "conj" | "advcl" if matches!(self.upos(h), "VERB" | "AUX") => {
                // A clause with its own subordinator and tense is no participle: "when ...".
                let finite_advcl = self.rel(v) == "advcl"
                    && !self.word(v).to_lowercase().ends_with("ing")
                    && !self.children[v].iter().any(|&c| self.word(c) == "to");
                if finite_advcl {
                    return None;
                }
                self.subject_within(h, not_in, depth - 1)
            }
            "xcomp" if matches!(self.upos(h), "VERB" | "AUX") => self.children[h]
                .iter()
                .copied()
                .find(|&c| self.rel(c) == "obj")
                .or_else(|| self.subject_within(h, not_in, depth - 1)),
            // A participle after a comma that the parse hung on a noun ("attacked him on
            // Saturday morning, saying ..."): the sentence's subject, before it.
            _ if self.word(v).to_lowercase().ends_with("ing")
                && v > 0
                && self.word(v - 1) == "," =>
            {
                let root = (0..self.len).find(|&t| self.rel(t) == "root")?;
                if root == v {
                    return None;
                }
                self.subject_within(root, not_in, depth - 1)
                    .filter(|&s| s < v)
            }
            _ => None,
        }
    }

    /// A speech verb's subject read from the words when the parse gives none: a noun or
    /// pronoun right before it ("..., Blinken said"); a name before a parenthesis set off by
    /// commas ("Ortiz, who chairs the council, said"); a noun phrase right after it when the
    /// verb follows a quotation or a comma ("\"...,\" said Ortiz", "..., says the minister").
    fn subject_by_position(&self, v: usize, outside: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut b = v.checked_sub(1)?;
        // A capitalised word that starts the sentence is a name the tagger read as an adverb
        // ("Jolly said"), not an adverb to step over.
        let name_first =
            |t: usize| t == 0 && self.word(t).chars().next().is_some_and(char::is_uppercase);
        while matches!(self.rel(b), "aux" | "advmod") && self.head(b) == Some(v) && !name_first(b) {
            b = b.checked_sub(1)?;
        }
        if name_first(b) && self.upos(b) == "ADV" {
            return outside(b).then_some(b);
        }
        let nominal = |t: usize| self.is_nominal(t);
        // Not the object of a preposition: "A source familiar with the inquiry said".
        let in_phrase = |t: usize| self.children[t].iter().any(|&c| self.rel(c) == "case");
        if nominal(b) && !in_phrase(b) {
            return outside(b).then_some(b);
        }
        if nominal(b) {
            // The first noun of the verbless stretch that ends at the verb heads the subject.
            let start = (0..b)
                .rev()
                .find(|&t| self.is_punct(t) && !matches!(self.word(t), "-"))
                .map_or(0, |t| t + 1);
            let verbless = (start..b).all(|t| !matches!(self.upos(t), "VERB" | "AUX" | "SCONJ"));
            let first = (start..b).find(|&t| nominal(t) && !in_phrase(t));
            return first.filter(|&t| verbless && outside(t));
        }
        // `,"` closing a parenthesis that ends in a quotation.
        let close = if is_quote_mark(self.word(b)) && b > 0 && self.word(b - 1) == "," {
            b - 1
        } else {
            b
        };
        if let Some(s) = self.name_before_parenthesis(close) {
            return outside(s).then_some(s);
        }
        if self.word(b) == "," || is_quote_mark(self.word(b)) {
            let mut a = v + 1;
            while a < self.len && matches!(self.upos(a), "DET" | "ADJ" | "NUM") && !nominal(a) {
                a += 1;
            }
            // The verb ends the sentence, or only determiners and modifiers follow it.
            if a >= self.len {
                return None;
            }
            let mut s = a;
            while s + 1 < self.len && self.upos(s + 1) == "PROPN" && nominal(s) {
                s += 1;
            }
            // The name's head is the word the parse hangs the others on ("Mina" with "Ortiz"
            // as `flat`), else its last.
            let head = (a..=s).find(|&t| self.head(t).is_none_or(|h| h < a || h > s));
            // The phrase ends there, or an apposition or a time follows: not the subject of a
            // clause the verb introduces ("..., saying he would").
            let ends = s + 1 >= self.len
                || self.is_punct(s + 1)
                || matches!(self.upos(s + 1), "ADP" | "NOUN" | "PROPN" | "ADJ")
                || matches!(self.lemmas[s + 1].as_str(), "who" | "whose");
            let participle = self.word(v).to_lowercase().ends_with("ing");
            if nominal(a) && ends && !participle && outside(a) {
                return Some(head.unwrap_or(s));
            }
        }
        None
    }

    /// A noun, a proper noun or a pronoun, or a capitalised word the tagger took for an
    /// adjective or an interjection: a name ("Cuban said", "Harlow, who ...").
    fn is_nominal(&self, t: usize) -> bool {
        matches!(self.upos(t), "PROPN" | "NOUN" | "PRON")
            || (matches!(self.upos(t), "ADJ" | "INTJ" | "X")
                && self.word(t).chars().next().is_some_and(char::is_uppercase))
    }

    /// For `close` closing a parenthesis (a comma, a dash or a bracket: "Ortiz, who chairs the
    /// council, said", "Ortiz (Texas) said"), the name before the mark that opens it, when
    /// that name starts its clause.
    fn name_before_parenthesis(&self, close: usize) -> Option<usize> {
        let mark = self.word(close);
        let dash = |w: &str| matches!(w, "—" | "–" | "--");
        let open = match mark {
            ")" => (0..close).rev().find(|&t| self.word(t) == "(")?,
            "," => (0..close).rev().find(|&t| {
                self.is_punct(t) && !is_quote_mark(self.word(t)) && !matches!(self.word(t), "-")
            })?,
            w if dash(w) => (0..close).rev().find(|&t| dash(self.word(t)))?,
            _ => return None,
        };
        if (mark == "," && self.word(open) != ",") || open == 0 || open + 1 == close {
            return None;
        }
        let name = open - 1;
        let nominal = self.is_nominal(name);
        // What the parenthesis holds is not checked: a relative clause, an apposition, a
        // participle, a prepositional phrase ("Ortiz, after a pause, said") all describe the
        // name; the verbless start of the clause is what makes the name its subject.
        // Nothing before the name in its clause is a verb: the name is the subject.
        let clause_start = (0..name)
            .rev()
            .find(|&t| self.is_punct(t) && !matches!(self.word(t), "." | "-"))
            .map_or(0, |t| t + 1);
        let verbless = (clause_start..name).all(|t| !matches!(self.upos(t), "VERB" | "AUX"));
        (nominal && verbless).then_some(name)
    }

    /// The speaker phrase of subject `s`: its subtree, relative clauses and appositions
    /// included as PolNeAR's sources include them ("Ortiz, who chairs the council,"), without a
    /// parenthetical clause after the head.
    fn speaker(&self, s: usize) -> Option<Speaker> {
        // A conjunct speaks with the whole coordination: "NBC and CNN reported".
        let mut s = s;
        while self.rel(s) == "conj" {
            match self.head(s) {
                Some(h) if h < s => s = h,
                _ => break,
            }
        }
        let mut tokens = vec![s];
        let mut k = 0;
        while k < tokens.len() {
            let x = tokens[k];
            for &c in &self.children[x] {
                if x == s && c > s && self.rel(c) == "parataxis" {
                    continue;
                }
                tokens.push(c);
            }
            k += 1;
        }
        tokens.sort_unstable();
        // An article the parser hung elsewhere: "the | New York Daily News".
        if let Some(&first) = tokens.first() {
            if first > 0 && self.upos(first - 1) == "DET" && !tokens.contains(&(first - 1)) {
                tokens.insert(0, first - 1);
            }
        }
        // Leading conjunctions and prepositions are not the speaker's ("and NBC News").
        while tokens.len() > 1 && matches!(self.upos(tokens[0]), "CCONJ" | "ADP" | "PUNCT") {
            tokens.remove(0);
        }
        // Keep the contiguous stretch around the head.
        let at = tokens.iter().position(|&t| t == s)?;
        let mut lo = at;
        while lo > 0 && tokens[lo - 1] + 1 == tokens[lo] {
            lo -= 1;
        }
        let mut hi = at;
        while hi + 1 < tokens.len() && tokens[hi + 1] == tokens[hi] + 1 {
            hi += 1;
        }
        let span = self.span_of(&tokens[lo..=hi])?;
        let entity = self
            .entity_at(s)
            .or_else(|| self.relative_antecedent(s).and_then(|a| self.entity_at(a)))
            .or_else(|| {
                tokens[lo..=hi]
                    .iter()
                    .filter_map(|&t| self.entity_at(t))
                    .find(|&e| self.doc.entities[e].actor.is_some())
            });
        Some(Speaker { span, entity })
    }

    /// For a relative pronoun that is a subject ("Ortiz, who said ..."), the noun its clause
    /// describes: the head of the relative clause, else, where the parse missed the clause,
    /// the noun right before the pronoun.
    fn relative_antecedent(&self, s: usize) -> Option<usize> {
        if !matches!(self.lemmas[s].as_str(), "who" | "which" | "that") {
            return None;
        }
        let v = self.head(s)?;
        if self.rel(v) == "acl:relcl" {
            return self.head(v);
        }
        let before = (0..s).rev().find(|&t| self.word(t) != ",")?;
        matches!(self.upos(before), "NOUN" | "PROPN").then_some(before)
    }

    fn entity_at(&self, i: usize) -> Option<usize> {
        let t = self.base + i;
        self.doc.entities.iter().position(|e| e.tokens.contains(&t))
    }
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "‘" | "’" | "''" | "``")
}

/// Cues learned from PolNeAR's training split (`kestrel build-cues`): a lemma and the frame
/// in which it reports (`speech`: a clausal complement, `intent`: a `to`-clause, `stance`: an
/// object, `as`: an object and an `as` phrase, `topic`: an oblique with about/on/of/over).
const LEARNED_CUES: &str = include_str!("../../../dictionaries/cues.tsv");

fn learned(frame: &str, lemma: &str) -> bool {
    static CUES: std::sync::OnceLock<std::collections::HashSet<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| {
        LEARNED_CUES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?))
            })
            .collect()
    });
    cues.contains(&(lemma, frame))
}

fn is_speech(lemma: &str) -> bool {
    SPEECH_VERBS.contains(&lemma) || learned("speech", lemma)
}

fn is_intent(lemma: &str) -> bool {
    INTENT_VERBS.contains(&lemma) || learned("intent", lemma)
}

fn is_stance(lemma: &str) -> bool {
    STANCE_VERBS.contains(&lemma) || learned("stance", lemma)
}

/// What one speech verb introduces.
struct Attribution {
    verb: usize,
    cue: Span,
    speaker: Option<Speaker>,
    /// Tokens of the reported content.
    content: Vec<usize>,
}

/// The speech attributions of one sentence: complements of speech verbs, sentences that a
/// speech clause interrupts or ends, and "according to".
fn attributions(p: &Parsed) -> Vec<Attribution> {
    let mut out = Vec::new();
    for v in 0..p.len {
        let lemma = p.lemmas[v].as_str();
        let listed = is_speech(lemma)
            || is_intent(lemma)
            || is_stance(lemma)
            || FOR_VERBS.contains(&lemma)
            || learned("topic", lemma)
            || learned("towards", lemma)
            || learned("as", lemma);
        // Adjectives only when learned as cues: "is confident that", "are content to wait".
        let cue_word = match p.upos(v) {
            "VERB" => listed,
            "ADJ" => ["speech", "intent", "stance", "topic", "as"]
                .iter()
                .any(|class| learned(class, lemma)),
            _ => false,
        };
        if !cue_word {
            continue;
        }
        // "Ortiz appears to lead", "the vote is expected to pass", "it is unclear whether":
        // evidentials whose subject is part of what is reported, with no one named saying it.
        let passive = p.children[v]
            .iter()
            .any(|&c| matches!(p.rel(c), "aux:pass" | "nsubj:pass"));
        // The passive of a verb of saying or thinking with a `to`-clause raises the same way:
        // "Ortiz is said (believed, thought, known) to have ...".
        let to_clause = p.children[v].iter().any(|&c| p.rel(c) == "xcomp");
        let raising = matches!(lemma, "seem" | "appear")
            || (lemma == "expect" && passive)
            || (passive
                && to_clause
                && matches!(
                    lemma,
                    "say" | "believe" | "think" | "know" | "report" | "consider" | "rumor"
                ))
            || (p.upos(v) == "ADJ" && matches!(lemma, "unclear" | "likely" | "unlikely"));
        if raising {
            let mut content: Vec<usize> = p.children[v]
                .iter()
                .copied()
                .filter(|&c| {
                    matches!(
                        p.rel(c),
                        "nsubj" | "nsubj:pass" | "xcomp" | "ccomp" | "csubj"
                    ) && p.lemmas[c] != "it"
                })
                .flat_map(|c| p.subtree(c))
                .collect();
            content.sort_unstable();
            if content.len() >= 2 && content.iter().any(|&c| c > v) {
                out.push(Attribution {
                    verb: v,
                    cue: p.cue_span(v),
                    speaker: None,
                    content,
                });
            }
            continue;
        }
        let speaker = p.subject(v, None).and_then(|s| p.speaker(s));
        // What the cue word itself introduces.
        let said = |content: Vec<usize>| Attribution {
            verb: v,
            cue: p.cue_span(v),
            speaker: speaker.clone(),
            content,
        };
        // "X said (that) ...": the clausal complement.
        // The complement after the verb before one before it, and never the one holding the
        // speaker ("Ortiz, who clashed with them, said he ..." misparsed).
        let speaker_head = p.subject(v, None);
        let ccomp = p.children[v]
            .iter()
            .copied()
            .filter(|&c| p.rel(c) == "ccomp")
            .filter(|&c| speaker_head.is_none_or(|s| !p.subtree(c).contains(&s)))
            // A "complement" with a preposition of its own is a noun phrase ("said on Friday,
            // according to two people" misparsed), not what was said.
            .filter(|&c| !p.children[c].iter().any(|&k| p.rel(k) == "case"))
            .min_by_key(|&c| c < v);
        if let Some(c) = ccomp.filter(|_| is_speech(lemma)) {
            out.push(said(p.subtree(c)));
            continue;
        }
        // "X says that the reaction has been rejection" with the complement mislabelled (an
        // object, an oblique, a conjunct): a later child that heads a clause of its own. The
        // repairs of the parse below are for verbs of speech proper: a verb learned only with
        // a clausal complement ("allow", "deliver") has no clause to repair without one.
        let speech_proper = SPEECH_VERBS.contains(&lemma);
        if speech_proper {
            if let Some(content) = mislabelled_complement(p, v, lemma)
                .or_else(|| speaker.as_ref().and_then(|_| words_after(p, v, lemma)))
            {
                out.push(said(content));
                continue;
            }
        }
        // The stances below are attributions only with someone holding them: "refusal to
        // support more controls" states no one's position.
        if speaker.is_none() && !is_speech(lemma) {
            continue;
        }
        // "wants to run", "refused to comment": the `to`-clause.
        if is_intent(lemma) {
            if let Some(c) = p.children[v]
                .iter()
                .copied()
                .find(|&c| p.rel(c) == "xcomp" && p.upos(c) == "VERB")
            {
                out.push(said(p.subtree(c)));
                continue;
            }
        }
        // "called for the impeachment": the `for` phrase; "talked about the wall", "spoke of
        // reform": the topic, after verbs learned to report what was said about something.
        let found = FOR_VERBS
            .contains(&lemma)
            .then(|| prepositional(p, v, &["for"], speaker.clone()))
            .flatten()
            .or_else(|| {
                learned("topic", lemma)
                    .then(|| prepositional(p, v, &["about", "on", "of", "over"], speaker.clone()))
                    .flatten()
            })
            .or_else(|| {
                // "referred to the vote", "voted against the bill", "pushed for a recount".
                learned("towards", lemma)
                    .then(|| prepositional(p, v, &["to", "for", "against"], speaker.clone()))
                    .flatten()
            });
        if let Some(a) = found {
            out.push(a);
            continue;
        }
        // "described the plan as reckless": the object and what it is seen as.
        if learned("as", lemma) {
            let object = p.children[v].iter().copied().find(|&c| p.rel(c) == "obj");
            let as_phrase = |c: usize| {
                p.children[c]
                    .iter()
                    .any(|&k| p.rel(k) == "case" && p.lemmas[k] == "as")
            };
            let seen_as = p.children[v]
                .iter()
                .copied()
                .find(|&c| p.rel(c).starts_with("obl") && as_phrase(c))
                .or_else(|| {
                    // "as" hung on the object: its subtree holds it already.
                    let o = object?;
                    p.children[o]
                        .iter()
                        .copied()
                        .find(|&c| p.rel(c).starts_with("nmod") && as_phrase(c))
                });
            if let (Some(o), Some(a)) = (object, seen_as) {
                let mut content = p.subtree(o);
                content.extend(p.subtree(a));
                content.sort_unstable();
                content.dedup();
                out.push(said(content));
                continue;
            }
        }
        // "backed Crist", "announced his resignation": the object.
        if is_stance(lemma) {
            if let Some(o) = p.children[v].iter().copied().find(|&c| p.rel(c) == "obj") {
                let mut content = p.subtree(o);
                // "calling Christmas a sham": the object and what it is called.
                for &c in &p.children[v] {
                    if p.rel(c) == "xcomp" {
                        content.extend(p.subtree(c));
                    }
                }
                content.sort_unstable();
                out.push(said(content));
                continue;
            }
        }
        // "..., officials said": the clause the speech clause hangs on, without it.
        if matches!(p.rel(v), "parataxis") {
            if let Some(h) = p.head(v) {
                let own = p.subtree(v);
                let content: Vec<usize> = p
                    .subtree(h)
                    .into_iter()
                    .filter(|t| !own.contains(t))
                    .collect();
                let content = contiguous_block(&content, v);
                out.push(said(content));
                continue;
            }
        }
        // A speech clause set off by commas that the parse did not read as one ("..., Sanders
        // said." taken for a complement of the sentence's verb): read from the punctuation.
        if speech_proper && ccomp.is_none() {
            if let Some(content) = comma_clause_content(p, v) {
                out.push(said(content));
            }
        }
    }
    // "Ghana's president: the talks are over": a headline or summary naming its source before
    // a colon.
    if let Some(c) = (1..p.len.min(9)).find(|&c| p.word(c) == ":") {
        // The part before the colon names someone: an entity, not "Question" or a title.
        let before_ok = (0..c).any(|t| {
            p.entity_at(t)
                .is_some_and(|e| !matches!(p.doc.entities[e].kind, kestrel_core::EntityKind::Loc))
        }) && !(0..c).any(|t| matches!(p.upos(t), "VERB" | "AUX"));
        let after: Vec<usize> = (c + 1..p.len).collect();
        if before_ok && after.len() >= 3 {
            let source: Vec<usize> = (0..c).collect();
            let head = (0..c)
                .rev()
                .find(|&t| matches!(p.upos(t), "PROPN" | "NOUN"));
            out.push(Attribution {
                verb: c,
                cue: p.tok(c).span,
                speaker: p.span_of(&source).map(|span| Speaker {
                    span,
                    entity: head.and_then(|h| p.entity_at(h)),
                }),
                content: after,
            });
        }
    }
    // A title-case headline, which the tagger reads poorly: "Bellwether County Says Trump
    // Should Win" is source, cue and content around a speech verb's written form.
    let words: Vec<usize> = (0..p.len)
        .filter(|&t| p.word(t).chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|&&t| p.word(t).chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 4 && capitalised * 10 >= words.len() * 7 {
        const HEADLINE_CUES: &[&str] = &[
            "says",
            "said",
            "tells",
            "told",
            "warns",
            "urges",
            "claims",
            "vows",
            "insists",
            "admits",
            "denies",
            "reveals",
            "predicts",
            "announces",
            "slams",
            "blasts",
            "calls",
            "argues",
            "suggests",
            "confirms",
            "thinks",
            "believes",
            "wants",
            "rejects",
        ];
        let cue = (1..p.len.saturating_sub(2)).find(|&t| {
            HEADLINE_CUES.contains(&p.word(t).to_lowercase().as_str())
                && !out.iter().any(|a: &Attribution| a.verb == t)
        });
        if let Some(t) = cue {
            let source: Vec<usize> = (0..t).collect();
            let content: Vec<usize> = (t + 1..p.len).collect();
            let head = (0..t).rev().find(|&x| p.entity_at(x).is_some());
            if let Some(span) = p.span_of(&source) {
                out.push(Attribution {
                    verb: t,
                    cue: p.tok(t).span,
                    speaker: Some(Speaker {
                        span,
                        entity: head.and_then(|h| p.entity_at(h)),
                    }),
                    content,
                });
            }
        }
    }
    // "according to X, ...": X is the words after "to" up to the next punctuation, and the
    // rest of the sentence is what X says. Read from the words, not the parse, which often
    // hangs "according" on the wrong head.
    for x in 0..p.len {
        if !p.word(x).eq_ignore_ascii_case("according") {
            continue;
        }
        let to = (x + 1 < p.len && p.word(x + 1).eq_ignore_ascii_case("to")).then_some(x + 1);
        let Some(to) = to else {
            continue;
        };
        let start = to + 1;
        let mut end = start;
        while end < p.len && !matches!(p.word(end), "," | "." | ";" | ":" | "!" | "?" | "—") {
            end += 1;
        }
        if end == start || !(start..end).any(|t| matches!(p.upos(t), "NOUN" | "PROPN" | "PRON")) {
            continue;
        }
        let source_tokens: Vec<usize> = (start..end).collect();
        let head = source_tokens
            .iter()
            .copied()
            .find(|&t| p.head(t).is_none_or(|h| h < start || h >= end))
            .unwrap_or(start);
        let speaker = p.span_of(&source_tokens).map(|span| Speaker {
            span,
            entity: p
                .entity_at(head)
                .or_else(|| source_tokens.iter().find_map(|&t| p.entity_at(t))),
        });
        // The longer side of the sentence; its edge punctuation is trimmed with the span.
        let content: Vec<usize> = (0..p.len).filter(|&t| t < x || t >= end).collect();
        let content = contiguous_block(&content, x);
        if content.len() < 2 {
            continue;
        }
        out.push(Attribution {
            verb: x,
            cue: Span::new(p.tok(x).span.start, p.tok(to).span.end),
            speaker,
            content,
        });
    }
    out
}

/// The oblique of verb `v` that one of `prepositions` introduces, as the attribution's
/// content, the preposition joining the cue ("called for", "talked about").
fn prepositional(
    p: &Parsed,
    v: usize,
    prepositions: &[&str],
    speaker: Option<Speaker>,
) -> Option<Attribution> {
    let (c, case) = p.children[v].iter().find_map(|&c| {
        // A time is when something was said, not what about: "said on Friday".
        if !p.rel(c).starts_with("obl") || is_time_word(&p.lemmas[c]) {
            return None;
        }
        let case = p.children[c].iter().copied().find(|&k| {
            p.rel(k) == "case"
                && prepositions
                    .iter()
                    .any(|w| p.word(k).eq_ignore_ascii_case(w))
        })?;
        Some((c, case))
    })?;
    let mut cue = p.cue_span(v);
    cue.end = cue.end.max(p.tok(case).span.end);
    Some(Attribution {
        verb: v,
        cue,
        speaker,
        content: p.subtree(c).into_iter().filter(|&t| t != case).collect(),
    })
}

/// Speech verbs whose object is the one spoken to ("told reporters ..."), not what was said.
const ADDRESSEE: &[&str] = &["tell", "ask", "inform", "assure", "warn", "remind", "urge"];

/// The complement of speech verb `v` when the parse gave it another relation: from the first
/// later child that heads a clause (it has a subject, a copula, an auxiliary or "that") to the
/// end of the verb's phrase. An object right before that clause is taken as the clause's
/// misattached subject ("said the Clintons and the foundation had been careful"), except
/// after verbs that take an addressee ("told reporters ...").
fn mislabelled_complement(p: &Parsed, v: usize, lemma: &str) -> Option<Vec<usize>> {
    let heads_clause = |c: usize| {
        p.children[c].iter().any(|&k| {
            matches!(
                p.rel(k),
                "nsubj" | "nsubj:pass" | "cop" | "mark" | "aux" | "aux:pass"
            ) && (p.rel(k) != "mark" || p.word(k).eq_ignore_ascii_case("that"))
        })
    };
    let clause = p.children[v].iter().copied().find(|&c| {
        c > v
            && matches!(
                p.rel(c),
                "obj" | "obl" | "conj" | "advcl" | "xcomp" | "dep" | "parataxis" | "acl"
            )
            && heads_clause(c)
    })?;
    let mut start = p.subtree(clause).into_iter().min()?;
    if !ADDRESSEE.contains(&lemma) {
        if let Some(o) = p.children[v]
            .iter()
            .copied()
            .find(|&o| o > v && o < clause && p.rel(o) == "obj")
        {
            start = start.min(p.subtree(o).into_iter().min()?);
        }
    }
    let end = p.subtree(v).into_iter().max()?;
    let content: Vec<usize> = (start..=end)
        .filter(|&t| !(t == end && p.upos(t) == "PUNCT"))
        .collect();
    (content.len() >= 2).then_some(content)
}

/// What a speech verb introduces, read from the words when the parse attached its clause
/// elsewhere ("said last week that ..." with the clause hung on "week"; "said he would" with
/// "would" as the verb's auxiliary): from a "that" a few words on, or from the word after the
/// verb (and its addressee), to the end of the sentence, when that stretch holds a verb.
fn words_after(p: &Parsed, v: usize, lemma: &str) -> Option<Vec<usize>> {
    let end = (v + 1..p.len)
        .rev()
        .find(|&t| !p.is_punct(t) || is_quote_mark(p.word(t)))?;
    // "that" after the verb, a time ("last week"), a phrase ("in a statement") or the
    // addressee ("told reporters"); after another noun it is a relative ("the areas that").
    let that = (v + 1..p.len.min(v + 8))
        .take_while(|&t| !matches!(p.upos(t), "VERB" | "AUX") && !p.is_punct(t))
        .find(|&t| p.word(t).eq_ignore_ascii_case("that"))
        .filter(|&t| {
            let before = t - 1;
            before == v
                || is_time_word(&p.lemmas[before])
                || p.upos(before) == "PROPN"
                || p.children[before].iter().any(|&c| p.rel(c) == "case")
                || ADDRESSEE.contains(&lemma)
        });
    let start = match that {
        Some(t) => t,
        None => {
            let mut t = v + 1;
            if ADDRESSEE.contains(&lemma) && t < p.len && matches!(p.upos(t), "PRON" | "PROPN") {
                t += 1;
            }
            // The clause starts at once with its subject.
            if t >= p.len || !matches!(p.upos(t), "PRON" | "DET" | "PROPN" | "NOUN" | "NUM") {
                return None;
            }
            t
        }
    };
    let content: Vec<usize> = (start..=end).collect();
    let has_verb = content.iter().any(|&t| matches!(p.upos(t), "VERB" | "AUX"));
    (has_verb && content.len() >= 2).then_some(content)
}

/// The statement around a speech clause that commas set off: "It will pass, Sanders said."
/// and "It will pass, said Ana Ruiz, an aide." give the words before the clause; "Greensboro,
/// Sexton said, changed him." the words after, when those before are too few for a statement.
/// None unless the clause is short, names someone, and ends with the verb or its subject.
fn comma_clause_content(p: &Parsed, v: usize) -> Option<Vec<usize>> {
    let is_break = |t: usize| matches!(p.word(t), "," | "—" | "--");
    let is_end = |t: usize| matches!(p.word(t), "." | "!" | "?") || is_quote_mark(p.word(t));
    let left = (v.saturating_sub(7)..v).rev().find(|&t| is_break(t))?;
    if (left + 1..v).any(|t| matches!(p.upos(t), "VERB" | "AUX" | "SCONJ")) {
        return None;
    }
    let mut right = v + 1;
    while right < p.len && !is_break(right) && !is_end(right) {
        right += 1;
    }
    if right - v > 8 || (v + 1..right).any(|t| matches!(p.upos(t), "VERB" | "AUX" | "SCONJ")) {
        return None;
    }
    let named = (left + 1..right).any(|t| t != v && matches!(p.upos(t), "PROPN" | "PRON" | "NOUN"));
    if !named {
        return None;
    }
    let words = |r: Range<usize>| -> Vec<usize> {
        let mut w: Vec<usize> = r.filter(|&t| !is_end(t)).collect();
        // A leading "But" or "And" joins the sentence to the last; it is not said.
        if w.first().is_some_and(|&t| p.upos(t) == "CCONJ") {
            w.remove(0);
        }
        w
    };
    let before = words(0..left);
    if before.len() >= 3 {
        return Some(before);
    }
    if right < p.len && is_break(right) {
        let after = words(right + 1..p.len);
        if after.len() >= 3 {
            return Some(after);
        }
    }
    None
}

/// The longest run of consecutive tokens in `tokens` (sorted), preferring the run next to
/// `near` on ties.
fn contiguous_block(tokens: &[usize], near: usize) -> Vec<usize> {
    let mut best: Range<usize> = 0..0;
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i] != tokens[i - 1] + 1 {
            let better = i - start > best.len()
                || (i - start == best.len()
                    && tokens[start].abs_diff(near) < tokens[best.start].abs_diff(near));
            if better {
                best = start..i;
            }
            start = i;
        }
    }
    tokens[best].to_vec()
}

/// The sentences a span touches.
fn sentences_of(doc: &Document, span: Span) -> Range<usize> {
    let first = doc
        .sentences
        .iter()
        .position(|s| s.span.end > span.start)
        .unwrap_or(0);
    let last = doc
        .sentences
        .iter()
        .rposition(|s| s.span.start < span.end)
        .unwrap_or(first);
    first..last.max(first) + 1
}

fn paragraph_of(doc: &Document, at: usize) -> usize {
    doc.paragraphs
        .iter()
        .position(|p| p.start <= at && at < p.end.max(p.start + 1))
        .unwrap_or(0)
}

/// Days, parts of days and other times, which a parse may take for a subject.
fn is_time_word(lemma: &str) -> bool {
    matches!(
        lemma,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "day"
    )
}

fn is_quoting_verb(p: &Parsed, v: usize) -> bool {
    if p.upos(v) != "VERB" {
        return false;
    }
    // The word's own endings too: a verb the treebank never saw may get a wrong lemma
    // ("tweeted" as "tweete").
    let word = p.word(v).to_lowercase();
    let stems = ["ed", "d", "s", "ing"]
        .iter()
        .filter_map(|e| word.strip_suffix(e));
    std::iter::once(p.lemmas[v].as_str())
        .chain(stems)
        .any(|l| QUOTING_VERBS.contains(&l))
}

/// The speech verb that introduces a direct quote: one outside the marks in the quote's
/// sentences, nearest to the quote; (sentence, token).
fn direct_cue(parsed: &[Parsed], quote: Span, sentences: Range<usize>) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None; // (distance, sentence, verb)
    for s in sentences {
        let p = &parsed[s];
        for v in 0..p.len {
            let span = p.tok(v).span;
            let outside = span.end <= quote.start || span.start >= quote.end;
            if !outside || !is_quoting_verb(p, v) {
                continue;
            }
            let distance = if span.end <= quote.start {
                quote.start - span.end
            } else {
                span.start - quote.end
            };
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, s, v));
            }
        }
    }
    best.map(|(_, s, v)| (s, v))
}

/// The features the cue model reads for verb `v`: its lemma, relation and tag, its
/// dependents' relations (with the lemma), its object's lemma, its particle, the prepositions
/// of its obliques, and its subject's kind (a personal pronoun, a part of speech) and entity.
fn cue_features(p: &Parsed, v: usize) -> Vec<String> {
    let lemma = p.lemmas[v].as_str();
    let mut f = vec![
        format!("lem={lemma}"),
        format!("rel={}", p.rel(v)),
        format!("xpos={}", p.tok(v).xpos.as_deref().unwrap_or("")),
    ];
    // What the verb hangs on: "went on to say", "decided to endorse".
    if let Some(h) = p.head(v) {
        f.push(format!("head={}|{}", p.lemmas[h], p.rel(v)));
        f.push(format!("headlem={lemma}|{}", p.lemmas[h]));
    }
    let mut rels: Vec<&str> = p.children[v].iter().map(|&c| p.rel(c)).collect();
    rels.sort_unstable();
    rels.dedup();
    for r in rels {
        f.push(format!("kid={r}"));
        f.push(format!("lemkid={lemma}|{r}"));
    }
    for &c in &p.children[v] {
        match p.rel(c) {
            "obj" => f.push(format!("obj={lemma}|{}", p.lemmas[c])),
            "compound:prt" => f.push(format!("prt={lemma}|{}", p.word(c).to_lowercase())),
            "aux" | "advmod" => f.push(format!("mod={}", p.lemmas[c])),
            r if r.starts_with("obl") => {
                if let Some(&k) = p.children[c].iter().find(|&&k| p.rel(k) == "case") {
                    let case = p.word(k).to_lowercase();
                    f.push(format!("obl={lemma}|{case}"));
                    f.push(format!("oblc={case}"));
                }
            }
            _ => {}
        }
    }
    match p.children[v].iter().copied().find(|&c| p.rel(c) == "nsubj") {
        Some(s) => {
            let word = p.word(s).to_lowercase();
            let class = if matches!(
                word.as_str(),
                "he" | "she" | "they" | "i" | "we" | "you" | "who"
            ) {
                "pers".to_string()
            } else {
                p.upos(s).to_string()
            };
            let entity = p.entity_at(s).map_or("none".to_string(), |e| {
                format!("{:?}", p.doc.entities[e].kind)
            });
            f.push(format!("subj={class}"));
            f.push(format!("subjent={entity}"));
            f.push(format!("lemsubj={lemma}|{class}"));
            // A common noun says what kind of source it is: "poll", "report", "officials".
            if p.upos(s) == "NOUN" {
                f.push(format!("subjlem={}", p.lemmas[s]));
            }
            // A subject the actor layer knows: a person or body of political weight.
            let actor = p
                .entity_at(s)
                .and_then(|e| p.doc.entities[e].actor.as_ref())
                .is_some();
            f.push(format!("subjactor={actor}"));
        }
        None => f.push("nosubj".to_string()),
    }
    f
}

/// The verbs (and adjectives with a complement) the rules left alone: (sentence, token) of each
/// that is no quote's cue and stands outside every quote's content.
fn uncued_verbs(parsed: &[Parsed], quotes: &[Quote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, p) in parsed.iter().enumerate() {
        for v in 0..p.len {
            // Verbs, and adjectives with a complement ("is worried that", "is eager to").
            let adjective = p.upos(v) == "ADJ"
                && p.children[v]
                    .iter()
                    .any(|&c| matches!(p.rel(c), "ccomp" | "xcomp") || p.rel(c).starts_with("obl"));
            if p.upos(v) != "VERB" && !adjective {
                continue;
            }
            let t = p.tok(v).span;
            let taken = quotes.iter().any(|q| {
                q.cue.is_some_and(|c| c.start < t.end && t.start < c.end)
                    || (q.kind != QuoteKind::Scare
                        && q.content.start < t.start
                        && t.end < q.content.end)
            });
            if !taken {
                out.push((s, v));
            }
        }
    }
    out
}

/// What a verb the model took as a cue introduces: its clause, its `to`-clause, its object or
/// its first oblique after it.
fn model_content(p: &Parsed, v: usize) -> Option<Vec<usize>> {
    let first = |want: &dyn Fn(&str) -> bool| {
        p.children[v]
            .iter()
            .copied()
            .filter(|&c| c > v && want(p.rel(c)))
            .min()
    };
    let head = first(&|r| r == "ccomp")
        .or_else(|| first(&|r| r == "xcomp"))
        .or_else(|| first(&|r| r == "obj"))
        .or_else(|| first(&|r| r.starts_with("obl")))?;
    let content = p.subtree(head);
    (content.len() >= 2).then_some(content)
}

/// Training examples for the cue model from one document that has been through the stages
/// before quotes: the byte span of each verb the rules leave alone, with its features.
pub fn cue_model_examples(doc: &Document) -> Vec<(Span, Vec<String>)> {
    let parsed: Vec<Parsed> = (0..doc.sentences.len())
        .map(|s| Parsed::new(doc, s))
        .collect();
    let quotes = find_quotes_with(doc, None);
    uncued_verbs(&parsed, &quotes)
        .into_iter()
        .map(|(s, v)| (parsed[s].tok(v).span, cue_features(&parsed[s], v)))
        .collect()
}

/// Finds a document's quotations, with Kestrel's cue model.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    find_quotes_with(doc, Some(CueModel::builtin()))
}

/// Finds a document's quotations by the rules, and with `model` also the attributions of
/// verbs it scores as cues.
pub fn find_quotes_with(doc: &Document, model: Option<&CueModel>) -> Vec<Quote> {
    let marked = marked_spans(&doc.text, &doc.paragraphs);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut used_for_direct: Vec<(usize, usize)> = Vec::new(); // (sentence, verb)
    let parsed: Vec<Parsed> = (0..doc.sentences.len())
        .map(|s| Parsed::new(doc, s))
        .collect();
    let all_attributions: Vec<Vec<Attribution>> = parsed.iter().map(attributions).collect();

    // Direct, partial and scare quotes.
    let mut last_direct: Option<(usize, Option<Speaker>)> = None; // (paragraph, speaker)
    for m in &marked {
        let sentences = sentences_of(doc, m.span);
        let inner = &doc.text[m.span.range()];
        let words = inner.split_whitespace().count();
        let first_sentence = &doc.sentences[sentences.start];
        let before = doc.text[first_sentence.span.start..m.span.start].trim();
        let inner_trimmed = inner.trim_end_matches(['”', '"', '’']).trim_end();
        let ends_statement = inner_trimmed.ends_with([',', '.', '!', '?', '…']);
        let standalone = before.is_empty()
            || before.ends_with(':')
            || m.continues
            || sentences.len() > 1
            || (before.ends_with(',') && ends_statement && words > 3);
        let paragraph = paragraph_of(doc, m.span.start);
        if standalone {
            let cue = direct_cue(&parsed, m.span, sentences.clone())
                .or_else(|| {
                    // A colon-ended sentence just before: "He said:".
                    let s = sentences.start.checked_sub(1)?;
                    if !doc.slice(doc.sentences[s].span).trim_end().ends_with(':') {
                        return None;
                    }
                    let p = &parsed[s];
                    let v = (0..p.len).rev().find(|&v| is_quoting_verb(p, v))?;
                    Some((s, v))
                })
                .or_else(|| {
                    // The speech clause split off as a sentence of its own right after the quote:
                    // "“Can we win?” | Mr. Manafort asked." (short, with its subject, in the same
                    // paragraph).
                    let s = sentences.end;
                    let next = doc.sentences.get(s)?;
                    if paragraph_of(doc, next.span.start) != paragraph {
                        return None;
                    }
                    let p = &parsed[s];
                    if p.len > 8 {
                        return None;
                    }
                    let v = (0..p.len).find(|&v| is_quoting_verb(p, v))?;
                    p.subject(v, None)?;
                    Some((s, v))
                });
            if let Some((s, v)) = cue {
                let p = &parsed[s];
                let speaker = p.subject(v, Some(m.span)).and_then(|x| p.speaker(x));
                used_for_direct.push((s, v));
                last_direct = Some((paragraph, speaker.clone()));
                quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: m.span,
                    speaker,
                    cue: Some(p.cue_span(v)),
                    sentences,
                });
                continue;
            }
            // "Bush: “The mission is ...”": a name and a colon right before the quote.
            let colon = all_attributions[sentences.start].iter().find(|a| {
                let cue = a.cue;
                cue.end <= m.span.start
                    && doc.text[cue.range()] == *":"
                    && doc.text[cue.end..m.span.start].trim().is_empty()
            });
            if let Some(a) = colon {
                used_for_direct.push((sentences.start, a.verb));
                last_direct = Some((paragraph, a.speaker.clone()));
                quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: m.span,
                    speaker: a.speaker.clone(),
                    cue: Some(a.cue),
                    sentences,
                });
                continue;
            }
            // No cue of its own: the previous quote's speaker goes on, in the same or the next
            // paragraph.
            let speaker = last_direct
                .as_ref()
                .filter(|(para, _)| paragraph <= para + 1)
                .and_then(|(_, sp)| sp.clone());
            if speaker.is_some() || words > 3 {
                if speaker.is_some() {
                    last_direct = Some((paragraph, speaker.clone()));
                }
                quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: m.span,
                    speaker,
                    cue: None,
                    sentences,
                });
                continue;
            }
        }
        // Inside the reporter's sentence: a partial quote when a speech verb governs it,
        // else a term set apart.
        let s = sentences.start;
        let p = &parsed[s];
        let governing = all_attributions[s].iter().find(|a| {
            let first = p.tok(*a.content.first().unwrap_or(&0)).span.start;
            let last = p.tok(*a.content.last().unwrap_or(&0)).span.end;
            first <= m.span.start && m.span.end <= last + 3
        });
        let verb_of_quote = governing.map(|a| (a.speaker.clone(), a.cue)).or_else(|| {
            // "called the plan “a non-starter”": the quote is in a speech verb's own phrase.
            let first_tok = (0..p.len).find(|&t| p.tok(t).span.start >= m.span.start)?;
            // Climb inside the phrase only: a clause boundary ends the search.
            let mut x = first_tok;
            for _ in 0..p.len {
                let rel = p.rel(x);
                let inside_phrase =
                    matches!(rel, "obj" | "iobj" | "xcomp" | "appos" | "det" | "case")
                        || ["nmod", "obl", "amod", "compound", "flat", "nummod", "punct"]
                            .iter()
                            .any(|r| rel.starts_with(r));
                if !inside_phrase {
                    return None;
                }
                let h = p.head(x)?;
                if p.upos(h) == "VERB" {
                    if !QUOTING_VERBS.contains(&p.lemmas[h].as_str()) {
                        return None;
                    }
                    let speaker = p.subject(h, Some(m.span)).and_then(|y| p.speaker(y));
                    return Some((speaker, p.cue_span(h)));
                }
                x = h;
            }
            None
        });
        // "so-called", "the term": the words set apart are named, not said.
        let named = doc.text[..m.span.start]
            .trim_end()
            .to_lowercase()
            .ends_with("so-called");
        let verb_of_quote = verb_of_quote.filter(|_| !named);
        match verb_of_quote {
            Some((speaker, cue)) if words > 1 || speaker.is_some() => quotes.push(Quote {
                kind: QuoteKind::Partial,
                content: m.span,
                speaker,
                cue: Some(cue),
                sentences,
            }),
            _ => quotes.push(Quote {
                kind: QuoteKind::Scare,
                content: m.span,
                speaker: None,
                cue: None,
                sentences,
            }),
        }
    }

    // Indirect speech: attributions not used by a direct quote whose content is not itself a
    // quotation.
    let mut indirect: Vec<(Quote, bool)> = Vec::new();
    for (s, list) in all_attributions.iter().enumerate() {
        let p = &parsed[s];
        for a in list {
            if used_for_direct.contains(&(s, a.verb)) {
                continue;
            }
            let Some(mut content) = p.span_of(&a.content) else {
                continue;
            };
            // Keep a quotation the content opens whole.
            if let Some(m) = marked
                .iter()
                .find(|m| m.span.start >= content.start && m.span.start < content.end)
            {
                content.end = content.end.max(m.span.end);
            }
            let covered = quotes.iter().any(|q| {
                q.kind == QuoteKind::Direct
                    && q.content.start <= content.start
                    && content.end <= q.content.end
            });
            // Speech reported inside a quotation is the quoted speaker's words ("“I told them
            // we would win,” she said"), not an attribution of the article's.
            let nested = quotes.iter().any(|q| {
                q.kind == QuoteKind::Direct
                    && q.content.start < a.cue.start
                    && a.cue.end < q.content.end
            });
            if covered || nested || content.end <= content.start {
                continue;
            }
            let word = p.lemmas.get(a.verb).map_or("", String::as_str);
            // Thoughts count with stances: "officials said they think ..." reports the
            // thinking as part of what the officials said.
            let cognition = matches!(
                word,
                "think"
                    | "believe"
                    | "know"
                    | "feel"
                    | "hope"
                    | "understand"
                    | "assume"
                    | "guess"
                    | "suppose"
                    | "wonder"
                    | "doubt"
                    | "fear"
                    | "realize"
                    | "worry"
            );
            let stance = p.upos(a.verb) != "PUNCT"
                && (!SPEECH_VERBS.contains(&word) || cognition)
                && word != "accord";
            indirect.push((
                Quote {
                    kind: QuoteKind::Indirect,
                    content,
                    speaker: a.speaker.clone(),
                    cue: Some(a.cue),
                    sentences: sentences_of(doc, content),
                },
                stance,
            ));
        }
    }
    // A stance, intention or topic inside what someone else is reported to say ("Ortiz said
    // the council supports the plan") is part of that report, not the article's attribution;
    // reported speech inside it ("... said the mayor told him ...") stays.
    let inside_another = |cue: Span, own: Span| {
        quotes
            .iter()
            .map(|q| (q.kind, q.content))
            .chain(indirect.iter().map(|(q, _)| (q.kind, q.content)))
            .any(|(kind, c)| {
                kind != QuoteKind::Scare && c != own && c.start <= cue.start && cue.end <= c.end
            })
    };
    let kept: Vec<Quote> = indirect
        .iter()
        .filter(|(q, stance)| !(*stance && q.cue.is_some_and(|c| inside_another(c, q.content))))
        .map(|(q, _)| q.clone())
        .collect();
    quotes.extend(kept);
    if let Some(model) = model.filter(|m| !m.is_empty()) {
        let mut learned = Vec::new();
        for (s, v) in uncued_verbs(&parsed, &quotes) {
            let p = &parsed[s];
            if model.probability(&cue_features(p, v)) < model::THRESHOLD {
                continue;
            }
            let speaker = p.subject(v, None).and_then(|x| p.speaker(x));
            let (Some(speaker), Some(content)) = (speaker, model_content(p, v)) else {
                continue;
            };
            let Some(content) = p.span_of(&content) else {
                continue;
            };
            learned.push(Quote {
                kind: QuoteKind::Indirect,
                content,
                speaker: Some(speaker),
                cue: Some(p.cue_span(v)),
                sentences: sentences_of(doc, content),
            });
        }
        quotes.extend(learned);
    }
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    quotes
}

/// The pipeline stage that adds the `quotes` layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuoteStage;

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse, Layer::Actors]
    }

    fn assigns(&self) -> Layer {
        Layer::Quotes
    }

    fn process(&self, doc: &mut Document) {
        doc.quotes = find_quotes(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_pair_up_and_apostrophes_do_not() {
        let text = "He said “we will not move” and Ghana’s ‘best offer’ stands. \"Yes,\" she said.";
        let spans: Vec<&str> = marked_spans(text, &[])
            .iter()
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(spans, ["“we will not move”", "‘best offer’", "\"Yes,\""]);
    }

    #[test]
    fn doubled_apostrophes_and_backticks_pair_up_as_marks() {
        let text = "''We will rebuild,'' she said. ``It is done,'' he said. Don't stop.";
        let spans: Vec<&str> = marked_spans(text, &[])
            .iter()
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(spans, ["''We will rebuild,''", "``It is done,''"]);
    }

    #[test]
    fn an_opening_mark_typed_as_a_closing_one_closes() {
        let text = "“The harbour stays shut,“ the mayor said. “Ferries resume on Monday.”";
        let m = marked_spans(text, &[]);
        let quoted: Vec<&str> = m.iter().map(|q| &text[q.span.range()]).collect();
        assert_eq!(
            quoted,
            ["“The harbour stays shut,“", "“Ferries resume on Monday.”"]
        );
    }

    #[test]
    fn a_quote_open_at_a_paragraph_end_continues_in_the_next() {
        let text = "“We came here in peace.\n\n“And we leave in peace,” she said.";
        let cut = text.find("\n\n").unwrap();
        let paragraphs = [Span::new(0, cut), Span::new(cut + 2, text.len())];
        let m = marked_spans(text, &paragraphs);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].span.range()], "“We came here in peace.");
        assert!(!m[0].continues);
        assert!(m[1].continues);
    }
}
