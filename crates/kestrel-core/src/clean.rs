//! Boilerplate removal for plain text.
//!
//! Publisher material (donation appeals, newsletter and cookie prompts, share bars, copyright
//! lines, photo credits) is told from news by how it is written, not by which outlet wrote it:
//! it addresses the reader ("you", "your"), speaks as the publisher ("we", "our") outside any
//! quotation, gives orders ("Subscribe", "Sign up", "Remind me later"), asks for money, drifts
//! away from the article's topic and sits at the edges of the text. News narration does none
//! of that: it reports ("said", "told", "according to") in the third person.
//!
//! Each paragraph gets a score from those features. Paragraphs that score high are removed;
//! weaker ones are removed only when they touch removed material (the salutation and the
//! middle of a multi-paragraph appeal), so a single odd sentence in the body is safe.

use crate::document::{BoilerplateKind, Document, Removed, Span};
use crate::segment::paragraph_spans;

/// Tunable thresholds of the cleaner. The defaults are what we measured with; see the README.
#[derive(Clone, Debug, PartialEq)]
pub struct CleanerConfig {
    /// A paragraph scoring at least this is removed on its own.
    pub strong: f32,
    /// A paragraph scoring at least this is removed when it touches removed material.
    pub weak: f32,
    /// A single paragraph between two removed ones is removed when it scores at least this.
    pub gap: f32,
}

impl Default for CleanerConfig {
    fn default() -> CleanerConfig {
        CleanerConfig {
            strong: 3.0,
            weak: 1.0,
            gap: 0.0,
        }
    }
}

/// The cleaner's verdict on one paragraph, for inspection and evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphVerdict {
    /// The paragraph.
    pub span: Span,
    /// Its boilerplate score.
    pub score: f32,
    /// The kind it was removed as, or `None` when it is kept.
    pub removed: Option<BoilerplateKind>,
}

/// Removes boilerplate paragraphs from `doc.text`, recording them in `doc.removed`, and
/// sets `doc.paragraphs` to the paragraphs that remain.
pub fn clean(doc: &mut Document, config: &CleanerConfig) {
    let verdicts = classify(&doc.text, config);
    let old = std::mem::take(&mut doc.text);
    let mut text = String::with_capacity(old.len());
    let mut paragraphs = Vec::new();
    let mut removed: Vec<Removed> = Vec::new();
    // Each paragraph owns the whitespace after it, so text + removed rebuild the input.
    let leading = verdicts.first().map_or(old.len(), |v| v.span.start);
    text.push_str(&old[..leading]);
    for (k, v) in verdicts.iter().enumerate() {
        let owned_end = verdicts.get(k + 1).map_or(old.len(), |n| n.span.start);
        match v.removed {
            None => {
                let start = text.len();
                text.push_str(&old[v.span.start..owned_end]);
                paragraphs.push(Span::new(start, start + v.span.len()));
            }
            Some(kind) => {
                let at = text.len();
                match removed.last_mut() {
                    Some(last) if last.kind == kind && last.at == at => {
                        last.original.end = owned_end;
                        last.text.push_str(&old[v.span.start..owned_end]);
                    }
                    _ => removed.push(Removed {
                        original: Span::new(v.span.start, owned_end),
                        at,
                        kind,
                        text: old[v.span.start..owned_end].to_string(),
                    }),
                }
            }
        }
    }
    if verdicts.is_empty() {
        text = old;
    }
    doc.text = text;
    doc.paragraphs = paragraphs;
    doc.removed = removed;
}

/// Scores every paragraph of `text` and decides which are boilerplate.
pub fn classify(text: &str, config: &CleanerConfig) -> Vec<ParagraphVerdict> {
    let spans = paragraph_spans(text);
    let n = spans.len();
    let paras: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
    let topic = TopicProfile::new(&paras);
    let features: Vec<Features> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| Features::of(p, |phrase| topic.is_topic_phrase(i, phrase)))
        .collect();
    // A first-person column addresses its readers throughout; there, voice says little.
    let voiced = features.iter().filter(|f| f.voice > 0).count();
    let voice_weight = if n >= 4 && voiced * 2 > n { 0.3 } else { 1.0 };
    let scores: Vec<f32> = (0..n)
        .map(|i| score(&features[i], &topic, i, n, paras[i], voice_weight))
        .collect();

    let mut removed: Vec<bool> = scores.iter().map(|&s| s >= config.strong).collect();
    // Grow removed stretches over weaker neighbours until nothing changes.
    loop {
        let mut changed = false;
        for i in 0..n {
            if removed[i] || scores[i] < config.weak || !features[i].has_evidence() {
                continue;
            }
            let touches = (i > 0 && removed[i - 1]) || (i + 1 < n && removed[i + 1]);
            if touches {
                removed[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for i in 1..n.saturating_sub(1) {
        if !removed[i]
            && removed[i - 1]
            && removed[i + 1]
            && scores[i] >= config.gap
            && features[i].has_evidence()
        {
            removed[i] = true;
        }
    }
    // A heading belongs to the section it introduces ("A note to our readers:").
    for i in (1..n.saturating_sub(1)).rev() {
        if !removed[i] && removed[i + 1] && features[i].fragment && scores[i] >= config.gap - 1.0 {
            removed[i] = true;
        }
    }
    // A last paragraph after a removed stretch is the stretch's end ("Remind me later").
    if n >= 3
        && !removed[n - 1]
        && removed[n - 2]
        && scores[n - 1] >= config.gap
        && features[n - 1].has_evidence()
    {
        removed[n - 1] = true;
    }

    let mut kinds: Vec<Option<BoilerplateKind>> = (0..n)
        .map(|i| removed[i].then(|| features[i].kind()).flatten())
        .collect();
    // A removed paragraph with no telling words of its own takes its neighbours' kind.
    for i in 0..n {
        if removed[i] && kinds[i].is_none() {
            let near = (1..n).find_map(|d| {
                let after = (i + d < n).then(|| kinds[i + d]).flatten();
                let before = (i >= d).then(|| kinds[i - d]).flatten();
                after.or(before)
            });
            kinds[i] = Some(near.unwrap_or(BoilerplateKind::Other));
        }
    }
    // Framing (a heading, a salutation, a "Maybe later" button) belongs to the material it
    // frames: within one removed stretch, `Other` takes the kind of the nearest specific one.
    for i in 0..n {
        if kinds[i] != Some(BoilerplateKind::Other) {
            continue;
        }
        let specific = |j: usize| kinds[j].filter(|&k| k != BoilerplateKind::Other);
        let after = (i + 1..n).take_while(|&j| removed[j]).find_map(specific);
        let before = (0..i).rev().take_while(|&j| removed[j]).find_map(specific);
        if let Some(k) = after.or(before) {
            kinds[i] = Some(k);
        }
    }
    (0..n)
        .map(|i| ParagraphVerdict {
            span: spans[i],
            score: scores[i],
            removed: kinds[i],
        })
        .collect()
}

/// Surface features of one paragraph.
#[derive(Debug, Default)]
struct Features {
    words: usize,
    /// Second-person words outside quotations.
    you: usize,
    /// First-person plural words outside quotations.
    we: usize,
    /// `you + we` > 0, used to notice first-person columns.
    voice: usize,
    /// Sentences that open with a call-to-action verb, outside quotations.
    imperatives: usize,
    /// Reporting verbs and attributions: the voice of news.
    reporting: usize,
    /// A money amount together with an ask.
    money_ask: bool,
    /// Telling phrases, weighted, per kind.
    kind_weight: [f32; BoilerplateKind::ALL.len()],
    /// Short line without final punctuation or ending in ':' or ','.
    fragment: bool,
    /// Names a weekday outside quotations, as news narration does ("on Tuesday").
    dated: bool,
}

impl Features {
    /// `on_topic` tells whether a telling phrase is one of the article's own topic words,
    /// as "cookies" is in a story about a cookie-consent fine.
    fn of(para: &str, on_topic: impl Fn(&str) -> bool) -> Features {
        let lower = para.to_lowercase();
        let unquoted = strip_quotations(&lower);
        let words: Vec<&str> = unquoted
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter(|w| !w.is_empty())
            .collect();
        let all_words = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .count();
        let count = |set: &[&str]| words.iter().filter(|w| set.contains(w)).count();
        let you = count(&[
            "you", "your", "yours", "you're", "you'll", "you've", "you'd",
        ]);
        let we = count(&["we", "our", "us", "ours", "we're", "we've", "we'll"]);
        let imperatives = sentence_starts(&unquoted)
            .filter(|first| CALL_TO_ACTION.contains(first))
            .count();
        // One pass finds every telling phrase and reporting verb (patterns: PHRASES, then
        // REPORTING); a phrase counts once, a reporting verb each time.
        let mut phrase_hit = [false; PHRASES.len()];
        let mut reporting = 0;
        for m in phrase_matcher().find_overlapping_iter(&lower) {
            if !at_word_edges(&lower, m.start(), m.end()) {
                continue;
            }
            match m.pattern().as_usize() {
                p if p < PHRASES.len() => phrase_hit[p] = true,
                _ => reporting += 1,
            }
        }
        let has_money = lower.contains(['$', '\u{20ac}', '\u{00a3}']);
        // An ask addresses someone: "doctors donated $50,000 of goods" is news.
        let money_ask = has_money
            && (you + we + imperatives > 0)
            && ASK_WORDS
                .iter()
                .any(|w| count_phrase(&lower, w) > 0 || lower.contains(w));
        let mut kind_weight = [0.0; BoilerplateKind::ALL.len()];
        for (&(phrase, kind, weight), _) in PHRASES.iter().zip(phrase_hit).filter(|p| p.1) {
            {
                let k = BoilerplateKind::ALL
                    .iter()
                    .position(|&x| x == kind)
                    .expect("listed");
                kind_weight[k] += if on_topic(phrase) {
                    weight * 0.25
                } else {
                    weight
                };
            }
        }
        let dated = crate::WEEKDAYS.iter().any(|d| words.contains(d));
        // A paragraph that opens "Dear ..." addresses the reader as a letter does.
        if lower.trim_start().starts_with("dear ") {
            let k = BoilerplateKind::ALL
                .iter()
                .position(|&x| x == BoilerplateKind::Other)
                .expect("listed");
            kind_weight[k] += 3.0;
        }
        let trimmed = para.trim_end();
        let fragment = all_words <= 8
            && (trimmed.ends_with([':', ','])
                || !trimmed.ends_with(['.', '!', '?', '"', '\u{201d}', ')']));
        Features {
            words: all_words,
            you,
            we,
            voice: you + we,
            imperatives,
            reporting,
            money_ask,
            kind_weight,
            fragment,
            dated,
        }
    }

    /// Signs of the publisher's voice, beyond position and topic drift.
    fn has_evidence(&self) -> bool {
        self.phrase_total() > 0.0
            || self.voice > 0
            || self.imperatives > 0
            || self.money_ask
            || self.fragment
    }

    fn phrase_total(&self) -> f32 {
        self.kind_weight.iter().sum()
    }

    fn kind(&self) -> Option<BoilerplateKind> {
        let (best, &w) = self
            .kind_weight
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.partial_cmp(b.1).expect("finite"))?;
        if w > 0.0 {
            Some(BoilerplateKind::ALL[best])
        } else if self.money_ask || (self.you > 0 && self.we > 0) {
            Some(BoilerplateKind::Appeal)
        } else {
            None
        }
    }
}

fn score(f: &Features, topic: &TopicProfile, i: usize, n: usize, para: &str, voice: f32) -> f32 {
    let mut s = 0.0;
    s += f.phrase_total().min(6.0);
    s += voice * (0.8 * f.you as f32).min(2.4);
    s += voice * (0.5 * f.we as f32).min(2.0);
    s += (1.5 * f.imperatives as f32).min(3.0);
    if f.money_ask {
        s += 2.0;
    }
    if f.fragment {
        s += 0.8;
    }
    s -= (1.0 * f.reporting as f32).min(3.0);
    if f.dated {
        s -= 0.5;
    }
    if f.words > 80 {
        s -= 0.5;
    }
    let overlap = topic.overlap(i, para);
    if let Some(o) = overlap {
        s += (0.35 - o) * 3.0;
    }
    // Publisher material gathers at the ends of a scraped page.
    let pos = if n > 1 {
        i as f32 / (n - 1) as f32
    } else {
        0.5
    };
    if n >= 5 {
        if pos >= 0.75 || i == 0 {
            s += 0.3;
        } else {
            s -= 0.5;
        }
    }
    s
}

/// The article's vocabulary, taken from its first two thirds, where the body lies.
struct TopicProfile {
    /// Content words and, per word, the set of paragraphs (bit index capped at 63) using it.
    words: std::collections::HashMap<String, u64>,
    /// How many paragraphs the profile was taken from.
    body: usize,
}

impl TopicProfile {
    fn new(paras: &[&str]) -> TopicProfile {
        let mut words: std::collections::HashMap<String, u64> = Default::default();
        let body = (paras.len() * 2).div_ceil(3).max(1);
        for (i, p) in paras.iter().take(body).enumerate() {
            for w in content_words(p) {
                *words.entry(w).or_default() |= 1u64 << i.min(63);
            }
        }
        TopicProfile { words, body }
    }

    /// True when every content word of `phrase` is used by at least two body paragraphs
    /// other than paragraph `i`.
    fn is_topic_phrase(&self, i: usize, phrase: &str) -> bool {
        let own_bit = 1u64 << i.min(63);
        let mut words = content_words(phrase).peekable();
        words.peek().is_some()
            && words.all(|w| {
                let stem = w.trim_end_matches('s');
                [w.as_str(), stem].iter().any(|v| {
                    self.words
                        .get(*v)
                        .or_else(|| self.words.get(&format!("{v}s")))
                        .is_some_and(|&bits| (bits & !own_bit).count_ones() >= 2)
                })
            })
    }

    /// Share of the paragraph's content words that other body paragraphs use too;
    /// `None` when the paragraph has too few content words to say.
    fn overlap(&self, i: usize, para: &str) -> Option<f32> {
        // With no other body paragraph there is nothing to drift from.
        if self.body == 1 && i == 0 {
            return None;
        }
        let own_bit = 1u64 << i.min(63);
        let mine: std::collections::BTreeSet<String> = content_words(para).collect();
        if mine.len() < 3 {
            return None;
        }
        let shared = mine
            .iter()
            .filter(|w| self.words.get(*w).is_some_and(|&bits| bits & !own_bit != 0))
            .count();
        Some(shared as f32 / mine.len() as f32)
    }
}

fn content_words(p: &str) -> impl Iterator<Item = String> + '_ {
    p.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
}

/// Drops text inside quotation marks, so that quoted speech ("we will fight") does not
/// count as the publisher's voice. An unclosed quotation runs to the paragraph's end.
fn strip_quotations(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            // English “...”, German „...“ and »...«, French «...».
            '"' | '\u{00ab}' | '\u{00bb}' => inside = !inside,
            '\u{201e}' => inside = true,
            '\u{201c}' => inside = !inside,
            '\u{201d}' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The first word of each sentence-like piece.
fn sentence_starts(s: &str) -> impl Iterator<Item = &str> {
    s.split(['.', '!', '?', '\n', '|', '\u{2022}'])
        .filter_map(|piece| piece.split_whitespace().next())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

fn phrase_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let patterns = PHRASES.iter().map(|p| p.0).chain(REPORTING.iter().copied());
        aho_corasick::AhoCorasick::new(patterns).expect("the phrase lists are small")
    })
}

/// True when `text[start..end]` starts and ends at word edges (a phrase that itself begins or
/// ends with punctuation, such as "photo:", needs no edge there).
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    (phrase.starts_with(|c: char| !c.is_alphanumeric()) || edge(text[..start].chars().next_back()))
        && (phrase.ends_with(|c: char| !c.is_alphanumeric()) || edge(text[end..].chars().next()))
}

/// Counts `phrase` in `text` at word boundaries.
fn count_phrase(text: &str, phrase: &str) -> usize {
    let mut n = 0;
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        if at_word_edges(text, start, end) {
            n += 1;
        }
        from = end;
    }
    n
}

const CALL_TO_ACTION: &[&str] = &[
    "subscribe",
    "sign",
    "donate",
    "support",
    "click",
    "tap",
    "follow",
    "share",
    "download",
    "join",
    "register",
    "log",
    "become",
    "give",
    "contribute",
    "remind",
    "accept",
    "allow",
    "manage",
    "enable",
    "install",
    "listen",
    "watch",
    "continue",
    "explore",
    "send",
    "contact",
    "leave",
    "comment",
    "like",
    "save",
    "upgrade",
    "unlock",
    "discover",
    "visit",
    "enter",
    "get",
    "read",
    "help",
    "try",
    "start",
    "choose",
    "learn",
    "reject",
    "dismiss",
    "close",
];

const ASK_WORDS: &[&str] = &[
    "donat",
    "contribut",
    "support",
    "month",
    "gift",
    "member",
    "subscri",
    "per year",
    "a year",
    "one-time",
    "just",
];

const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "reported",
    "announced",
    "added",
    "stated",
    "declared",
    "warned",
    "urged",
    "insisted",
    "confirmed",
    "denied",
];

/// Telling phrases: (lowercase phrase, kind, weight). General to the genre, not to an outlet.
const PHRASES: &[(&str, BoilerplateKind, f32)] = {
    use BoilerplateKind::*;
    &[
        ("donate", Appeal, 2.5),
        ("donation", Appeal, 2.5),
        ("donations", Appeal, 2.5),
        ("your support", Appeal, 2.0),
        ("support us", Appeal, 2.5),
        ("support our", Appeal, 2.0),
        ("supporting us", Appeal, 2.0),
        ("by supporting", Appeal, 1.5),
        ("every contribution", Appeal, 2.5),
        ("make a contribution", Appeal, 2.5),
        ("reader-funded", Appeal, 2.5),
        ("independent journalism", Appeal, 1.5),
        ("we need your help", Appeal, 2.5),
        ("become a member", Appeal, 2.5),
        ("become a patron", Appeal, 2.5),
        ("a message from", Other, 1.5),
        ("remind me later", Other, 3.0),
        ("no thanks", Other, 2.0),
        ("skip to", Other, 3.0),
        ("has been updated", Other, 2.0),
        ("correction:", Other, 2.5),
        ("back to top", Other, 3.0),
        ("got a tip", Other, 2.5),
        ("subscribe", Subscription, 2.5),
        ("subscription", Subscription, 2.0),
        ("subscriber", Subscription, 2.0),
        ("subscribers", Subscription, 1.5),
        ("free trial", Subscription, 2.5),
        ("unlimited access", Subscription, 3.0),
        ("already a subscriber", Subscription, 3.0),
        ("sign in", Subscription, 1.5),
        ("log in", Subscription, 1.5),
        ("paywall", Subscription, 2.0),
        ("newsletter", Newsletter, 3.0),
        ("newsletters", Newsletter, 3.0),
        ("sign up", Newsletter, 1.5),
        ("inbox", Newsletter, 2.0),
        ("email address", Newsletter, 2.0),
        ("e-mail address", Newsletter, 2.0),
        ("cookie", Cookie, 3.0),
        ("cookies", Cookie, 3.0),
        ("consent", Cookie, 1.0),
        ("privacy policy", Cookie, 2.5),
        ("privacy settings", Cookie, 2.5),
        ("personal data", Cookie, 1.0),
        ("accept all", Cookie, 3.0),
        ("manage preferences", Cookie, 3.0),
        ("read more", Related, 3.0),
        ("read also", Related, 3.0),
        ("related:", Related, 3.0),
        ("related stories", Related, 3.0),
        ("related articles", Related, 3.0),
        ("most read", Related, 3.0),
        ("most popular", Related, 2.5),
        ("more on this story", Related, 3.0),
        ("recommended", Related, 1.0),
        ("you may also like", Related, 3.0),
        ("see also", Related, 2.0),
        ("top stories", Related, 2.0),
        ("share this", Share, 3.0),
        ("share on", Share, 2.5),
        ("follow us", Share, 3.0),
        ("facebook", Share, 1.0),
        ("twitter", Share, 1.0),
        ("whatsapp", Share, 1.0),
        ("linkedin", Share, 1.0),
        ("telegram channel", Share, 2.0),
        ("copy link", Share, 3.0),
        ("our app", App, 3.0),
        ("the app", App, 1.5),
        ("app store", App, 3.0),
        ("google play", App, 3.0),
        ("ios and android", App, 3.0),
        ("android and ios", App, 3.0),
        ("push notifications", App, 2.5),
        ("notifications", App, 1.0),
        ("all rights reserved", Copyright, 4.0),
        ("copyright", Copyright, 3.0),
        ("\u{00a9}", Copyright, 3.0),
        ("may not be published", Copyright, 3.0),
        ("may not be reproduced", Copyright, 3.0),
        ("without permission", Copyright, 1.5),
        ("broadcast, rewritten", Copyright, 3.0),
        ("photo:", Credit, 3.0),
        ("photo by", Credit, 3.0),
        ("photograph:", Credit, 3.0),
        ("image:", Credit, 3.0),
        ("image source", Credit, 3.0),
        ("credit:", Credit, 3.0),
        ("file photo", Credit, 2.5),
        ("getty images", Credit, 2.5),
        ("via getty", Credit, 3.0),
        ("reporting by", Credit, 3.0),
        ("editing by", Credit, 3.0),
        ("additional reporting", Credit, 2.0),
        ("comments", Comments, 1.5),
        ("leave a comment", Comments, 3.0),
        ("join the conversation", Comments, 3.0),
        ("community guidelines", Comments, 3.0),
        ("advertisement", Advert, 3.0),
        ("sponsored", Advert, 2.0),
        ("sponsored content", Advert, 3.0),
        ("paid content", Advert, 3.0),
        ("partner content", Advert, 3.0),
        // The same kinds in the other languages of the pages Kestrel reads (German, French,
        // Spanish, Italian, Portuguese, Polish): web pages come in all of them, and the
        // extraction benchmark is mostly German.
        ("spenden", Appeal, 2.0),
        ("jetzt spenden", Appeal, 3.0),
        ("faire un don", Appeal, 2.5),
        ("abonnieren", Subscription, 2.5),
        ("abonnement", Subscription, 2.0),
        ("abonnez-vous", Subscription, 2.5),
        ("suscríbete", Subscription, 2.5),
        ("suscribirse", Subscription, 2.5),
        ("assine", Subscription, 2.0),
        ("abbonati", Subscription, 2.5),
        ("prenumeraty", Subscription, 2.0),
        ("subskrypcji", Subscription, 2.5),
        ("anmelden", Subscription, 1.5),
        ("einloggen", Subscription, 1.5),
        ("eingeloggt", Subscription, 2.0),
        ("registrieren", Subscription, 1.5),
        ("se connecter", Subscription, 1.5),
        ("iniciar sesión", Subscription, 1.5),
        ("zaloguj się", Subscription, 1.5),
        ("datenschutzerklärung", Cookie, 2.5),
        ("datenschutzbestimmungen", Cookie, 2.5),
        ("datenschutzhinweise", Cookie, 2.5),
        ("einwilligung", Cookie, 1.0),
        ("politique de confidentialité", Cookie, 2.5),
        ("política de privacidad", Cookie, 2.5),
        ("informativa sulla privacy", Cookie, 2.5),
        ("polityka prywatności", Cookie, 2.5),
        ("lesen sie auch", Related, 3.0),
        ("mehr zum thema", Related, 3.0),
        ("das könnte sie auch interessieren", Related, 3.0),
        ("lire aussi", Related, 3.0),
        ("lea también", Related, 3.0),
        ("leggi anche", Related, 3.0),
        ("czytaj też", Related, 3.0),
        ("czytaj także", Related, 3.0),
        ("teilen", Share, 1.0),
        ("artikel teilen", Share, 3.0),
        ("jetzt teilen", Share, 3.0),
        ("partager", Share, 1.0),
        ("compartir", Share, 1.0),
        ("condividi", Share, 1.0),
        ("udostępnij", Share, 2.0),
        ("folgen sie uns", Share, 3.0),
        ("suivez-nous", Share, 3.0),
        ("síguenos", Share, 3.0),
        ("alle rechte vorbehalten", Copyright, 4.0),
        ("tous droits réservés", Copyright, 4.0),
        ("todos los derechos reservados", Copyright, 4.0),
        ("tutti i diritti riservati", Copyright, 4.0),
        ("todos os direitos reservados", Copyright, 4.0),
        ("wszelkie prawa zastrzeżone", Copyright, 4.0),
        ("kommentare", Comments, 1.5),
        ("kommentar schreiben", Comments, 3.0),
        ("commentaires", Comments, 1.5),
        ("comentarios", Comments, 1.5),
        ("komentarze", Comments, 1.5),
        ("anzeige", Advert, 2.0),
        ("werbung", Advert, 2.0),
        ("publicité", Advert, 2.0),
        ("publicidad", Advert, 2.0),
        ("pubblicità", Advert, 2.0),
        ("reklama", Advert, 2.0),
    ]
};

const STOPWORDS: &[&str] = &[
    "that", "this", "with", "from", "have", "they", "their", "there", "were", "been", "will",
    "would", "could", "should", "about", "which", "when", "what", "where", "said", "says", "also",
    "into", "than", "then", "them", "these", "those", "more", "most", "some", "such", "over",
    "after", "before", "while", "being", "only", "other", "very", "just", "your", "ours", "make",
    "makes", "made", "take", "many", "much", "even", "because", "since", "does", "still", "here",
    "each", "every", "like", "through", "year", "years", "last", "first", "time", "told", "under",
    "between", "against", "during", "without", "both",
];

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "\
The parliament of Valdoria approved a new budget on Tuesday after weeks of debate.\n\
Finance Minister Ilse Varga said the budget would raise spending on schools by 4 percent.\n\
Opposition leader Tomas Brenn told reporters the plan ignored rural hospitals.\n\
\"We will keep fighting for the clinics,\" Brenn said.\n\
The budget now goes to the president, who is expected to sign it next week.\n\
Sign up for our morning newsletter and get the day's top stories in your inbox.\n\
Copyright 2024 Example Media. All rights reserved.\n";

    #[test]
    fn clean_removes_tail_and_keeps_body() {
        let mut doc = Document::new("a", ARTICLE);
        clean(&mut doc, &CleanerConfig::default());
        assert!(doc.text.contains("fighting for the clinics"));
        assert!(doc.text.ends_with("sign it next week.\n"));
        let kinds: Vec<&str> = doc.removed.iter().map(|r| r.kind.name()).collect();
        assert_eq!(kinds, ["newsletter", "copyright"]);
        assert_eq!(doc.paragraphs.len(), 5);
    }

    #[test]
    fn clean_loses_nothing() {
        let mut doc = Document::new("a", ARTICLE);
        clean(&mut doc, &CleanerConfig::default());
        let mut rebuilt = doc.text.clone();
        for r in doc.removed.iter().rev() {
            rebuilt.insert_str(r.at, &r.text);
        }
        assert_eq!(rebuilt, ARTICLE);
        for r in &doc.removed {
            assert_eq!(&ARTICLE[r.original.range()], r.text);
        }
    }

    #[test]
    fn clean_keeps_a_lone_report_of_a_donation() {
        let text =
            "Two charities from Norland donated $80,000 worth of blankets and medicine to a \
hospital in Vesk on Thursday.\n";
        let mut doc = Document::new("a", text);
        clean(&mut doc, &CleanerConfig::default());
        assert!(doc.removed.is_empty(), "{:?}", doc.removed);
        let appeal = "Two charities need your help: donate $80 today and keep the shelters open.\n";
        let mut doc = Document::new("b", appeal);
        clean(&mut doc, &CleanerConfig::default());
        assert_eq!(doc.removed.len(), 1);
    }

    #[test]
    fn clean_quoted_first_person_is_news() {
        let text = "Protesters gathered outside the ministry in Arvel on Monday.\n\
\"We want our jobs back, and you will hear us,\" one organiser said.\n\
Police said the crowd dispersed peacefully by the evening.\n";
        let mut doc = Document::new("a", text);
        clean(&mut doc, &CleanerConfig::default());
        assert!(doc.removed.is_empty(), "{:?}", doc.removed);
    }

    #[test]
    fn clean_removes_app_prompts_that_name_the_platforms() {
        let text = "The harbour board approved the new ferry timetable on Tuesday.\n\
Boats will leave every forty minutes from May, the board said.\n\
For breaking news on the go, get the Valley Courier apps for iOS and Android.\n";
        let mut doc = Document::new("a", text);
        clean(&mut doc, &CleanerConfig::default());
        let kinds: Vec<&str> = doc.removed.iter().map(|r| r.kind.name()).collect();
        assert_eq!(kinds, ["app"], "{:?}", doc.removed);
    }

    #[test]
    fn clean_reads_publisher_material_in_other_languages() {
        let text = "Der Stadtrat von Wellbach hat am Dienstag den neuen Fahrplan der Fähre \
beschlossen.\n\
Die Boote sollen ab Mai alle vierzig Minuten ablegen, teilte die Verwaltung mit.\n\
© 2024 Wellbacher Bote. Alle Rechte vorbehalten.\n";
        let mut doc = Document::new("a", text);
        clean(&mut doc, &CleanerConfig::default());
        let kinds: Vec<&str> = doc.removed.iter().map(|r| r.kind.name()).collect();
        assert_eq!(kinds, ["copyright"], "{:?}", doc.removed);
        assert!(doc.text.contains("vierzig Minuten"));
    }

    #[test]
    fn quotations_end_where_their_language_closes_them() {
        // German opens with „ and closes with “, which opens a quotation in English.
        assert_eq!(
            strip_quotations("er sagte: „wir kommen“, und ging"),
            "er sagte: , und ging"
        );
        assert_eq!(strip_quotations("« nous partons » dit-il"), " dit-il");
        assert_eq!(
            strip_quotations("she said “we stay” today"),
            "she said  today"
        );
    }

    #[test]
    fn clean_phrase_needs_word_boundary() {
        assert_eq!(count_phrase("the donated sum", "donate"), 0);
        assert_eq!(count_phrase("please donate.", "donate"), 1);
    }
}
