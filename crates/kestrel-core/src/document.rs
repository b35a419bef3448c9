//! The document model: one article and the layers the pipeline adds to it.
//!
//! Every span inside a [`Document`] is a half-open **byte** range `[start, end)` into
//! [`Document::text`]: the start is inclusive, the end exclusive, and both fall on UTF-8
//! character boundaries. The JSON output converts them to character (Unicode scalar value)
//! offsets, see [`crate::output`].

use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Inclusive start, in bytes.
    pub start: usize,
    /// Exclusive end, in bytes.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The byte range, to slice a string with.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The layers a document can carry. Each pipeline stage declares which layers it needs and
/// which it adds, so that a pipeline missing a prerequisite is refused when it is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Boilerplate has been removed from `text` and recorded in `removed`.
    Clean,
    /// Paragraphs, sentences and tokens (and a dateline, when there is one).
    Segment,
    /// Part-of-speech tags, lemmas and morphological features on every token.
    Tag,
    /// Dependency heads and relations on every token.
    Parse,
    /// Named entity mentions.
    Entities,
    /// Actor codes on entity mentions.
    Actors,
    /// Quotations and reported speech, with their speakers.
    Quotes,
    /// Temporal expressions, resolved against the publication date.
    Dates,
    /// Money, percentages and counts of people.
    Amounts,
    /// Places resolved to GeoNames.
    Places,
    /// Coded events.
    Events,
}

impl Layer {
    /// The layer's name as it appears in the JSON output's `layers` list.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Clean => "clean",
            Layer::Segment => "segment",
            Layer::Tag => "tag",
            Layer::Parse => "parse",
            Layer::Entities => "entities",
            Layer::Actors => "actors",
            Layer::Quotes => "quotes",
            Layer::Dates => "dates",
            Layer::Amounts => "amounts",
            Layer::Places => "places",
            Layer::Events => "events",
        }
    }
}

/// What kind of publisher material a removed span was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// Requests for money: donations, memberships, "support our journalism".
    Appeal,
    /// Paywall and subscription offers.
    Subscription,
    /// Newsletter and e-mail sign-ups.
    Newsletter,
    /// Cookie, consent and privacy notices.
    Cookie,
    /// "Read more", "Related", "Most read" and similar link lists.
    Related,
    /// "Share this", "Follow us" and social-media prompts.
    Share,
    /// App download and notification prompts.
    App,
    /// Copyright and "all rights reserved" lines.
    Copyright,
    /// Photo, image and video credits and captions' credits.
    Credit,
    /// Comment-section prompts and community rules.
    Comments,
    /// Advertising markers ("Advertisement", "Sponsored").
    Advert,
    /// Other publisher material: navigation, author boxes, corrections banners, tips lines.
    Other,
}

impl BoilerplateKind {
    /// The kind's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            BoilerplateKind::Appeal => "appeal",
            BoilerplateKind::Subscription => "subscription",
            BoilerplateKind::Newsletter => "newsletter",
            BoilerplateKind::Cookie => "cookie",
            BoilerplateKind::Related => "related",
            BoilerplateKind::Share => "share",
            BoilerplateKind::App => "app",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Advert => "advert",
            BoilerplateKind::Other => "other",
        }
    }

    /// All kinds, in a fixed order.
    pub const ALL: [BoilerplateKind; 12] = [
        BoilerplateKind::Appeal,
        BoilerplateKind::Subscription,
        BoilerplateKind::Newsletter,
        BoilerplateKind::Cookie,
        BoilerplateKind::Related,
        BoilerplateKind::Share,
        BoilerplateKind::App,
        BoilerplateKind::Copyright,
        BoilerplateKind::Credit,
        BoilerplateKind::Comments,
        BoilerplateKind::Advert,
        BoilerplateKind::Other,
    ];

    /// Looks a kind up by its JSON name.
    pub fn from_name(name: &str) -> Option<BoilerplateKind> {
        BoilerplateKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A stretch of publisher material that the cleaner took out of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Where it stood in the text before cleaning (bytes).
    pub original: Span,
    /// Where it was cut out of the cleaned [`Document::text`] (a byte offset).
    pub at: usize,
    /// What kind of material it was.
    pub kind: BoilerplateKind,
    /// The removed text, exactly as it stood (including its trailing line break).
    pub text: String,
}

/// One token: a syntactic word in the Universal Dependencies sense ("don't" is `do` + `n't`).
///
/// The annotation fields stay `None` until a stage fills them, so "not run" and "empty" differ.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Token {
    /// Where the token stands in the text.
    pub span: Span,
    /// True when this word and the previous one were written as one orthographic token
    /// (a UD multi-word token such as "Russia's" → `Russia` + `'s`).
    pub joined_to_previous: bool,
    /// Universal part-of-speech tag.
    pub upos: Option<String>,
    /// Language-specific (Penn Treebank) tag.
    pub xpos: Option<String>,
    /// Lemma.
    pub lemma: Option<String>,
    /// Morphological features, in CoNLL-U `Feat=Value|...` form.
    pub feats: Option<String>,
    /// Head as a 0-based token index within the sentence; `None` for the root or before parsing.
    pub head: Option<usize>,
    /// Universal dependency relation to the head.
    pub deprel: Option<String>,
}

/// What kind of thing an entity mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// People.
    Person,
    /// Organisations: parties, companies, armed groups, agencies, governments as bodies.
    Org,
    /// Geopolitical entities: countries, regions, cities.
    Gpe,
    /// Other locations: seas, rivers, mountains, regions without a government.
    Loc,
    /// Nationalities and other groups ("Russian", "Kenyans").
    Norp,
}

impl EntityKind {
    /// The kind's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
        }
    }
}

/// Where an actor's code came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorSource {
    /// An actor dictionary.
    Dictionary,
    /// Words in the text ("Kenyan Foreign Minister ...").
    Text,
    /// Both, agreeing.
    Both,
}

impl ActorSource {
    /// The source's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            ActorSource::Dictionary => "dictionary",
            ActorSource::Text => "text",
            ActorSource::Both => "both",
        }
    }
}

/// The actor an entity mention stands for: a country or organisation code and a sector, as of
/// the article's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorCode {
    /// ISO 3166 alpha-3 country code, or a CAMEO international code (`IGOUNO`, `NGO...`).
    pub code: String,
    /// Sector (`GOV`, `MIL`, `REB`, `OPP`, `ELI`, ...), when known.
    pub sector: Option<String>,
    /// The actor's name in the dictionary.
    pub name: String,
    /// Where the code came from.
    pub source: ActorSource,
}

/// One named entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Where the mention stands in the text.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
    /// Its tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// What it names.
    pub kind: EntityKind,
    /// The actor it resolves to, once actors are resolved.
    pub actor: Option<ActorCode>,
    /// The coreference cluster: the index (into [`Document::entities`]) of the cluster's first
    /// mention, once mentions are clustered.
    pub cluster: Option<usize>,
    /// How the mention names its referent.
    pub mention: MentionKind,
}

/// How a mention names what it refers to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MentionKind {
    /// By name ("Amina Odhiambo", "Kenya").
    #[default]
    Name,
    /// By a pronoun ("she", "his"), added by coreference.
    Pronoun,
    /// By a definite description ("the Kenyan minister"), added by coreference.
    Description,
}

impl MentionKind {
    /// The kind's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Description => "description",
        }
    }
}

/// Whether a coded event happened, will happen or happened long ago. Negated and hypothetical
/// events are not coded at all, so they have no modality here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Modality {
    /// Reported as done or under way.
    #[default]
    Asserted,
    /// Announced, promised or planned ("will visit", "plans to send").
    Future,
    /// Dated well before the article ("invaded in 2014").
    Historical,
}

impl Modality {
    /// The modality's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Historical => "historical",
        }
    }
}

/// One side of an event: who acted, or who was acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// The words that name the participant (the entity mention, or the noun phrase's head).
    pub span: Span,
    /// The entity mention, as an index into [`Document::entities`], when there is one.
    pub entity: Option<usize>,
    /// Country or organisation code (ISO 3166 alpha-3, `IGO...`), when known.
    pub code: Option<String>,
    /// Sector code (`GOV`, `MIL`, ...), when known.
    pub sector: Option<String>,
    /// Named by no words but implied by the event: a protest with no target named is aimed
    /// at the protesters' own government. Its span is empty, at the trigger.
    pub implied: bool,
}

/// What a temporal expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexKind {
    /// A calendar date or period ("July 8, 2022", "Friday", "last month", "2021").
    Date,
    /// A time of day ("6 a.m.", "tonight").
    Time,
    /// A length of time ("five hours", "three years").
    Duration,
    /// A recurrence ("every week", "daily").
    Set,
}

impl TimexKind {
    /// The kind's name in the JSON output (TimeML's TIMEX3 types).
    pub fn name(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpression {
    /// Where it stands in the text.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
    /// Date, time, duration or set.
    pub kind: TimexKind,
    /// Its value in TimeML's TIMEX3 notation ("2022-07-08", "2022-07", "2022-W27", "P5H",
    /// "PRESENT_REF"); `None` when a relative expression has no date to resolve against.
    pub value: Option<String>,
    /// True when the value was computed from the publication date ("Friday", "last week").
    pub relative: bool,
}

/// A place mention resolved to GeoNames.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Where it stands in the text.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
    /// The entity mention it is, when it is one.
    pub entity: Option<usize>,
    /// GeoNames id.
    pub geonameid: u64,
    /// GeoNames' name for it.
    pub name: String,
    /// ISO 3166 alpha-3 country; empty for a continent.
    pub country: String,
    /// First-level region, when below a country.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `continent`, `country`, `region`, `admin1`, `admin2`, `capital` or `city`.
    pub level: String,
    /// How it was placed: `name` (the gazetteer knows the place by this name), `actor` (a
    /// country name the actor dictionary knows), `written_region` (a town the gazetteer lacks,
    /// at the region written after its name: "Glasgow, Ky."), `article_region` (a town the
    /// gazetteer lacks, at the region where the article's other towns lie).
    pub basis: String,
}

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountKind {
    /// Money, with a currency.
    Money,
    /// A percentage.
    Percent,
    /// A number of people ("at least 20 people", "dozens of protesters").
    People,
}

impl AmountKind {
    /// The kind's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            AmountKind::Money => "money",
            AmountKind::Percent => "percent",
            AmountKind::People => "people",
        }
    }
}

/// One amount read from the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// Where it stands in the text.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
    /// Money, percentage or people.
    pub kind: AmountKind,
    /// The number it states (`360000000.0` for "$360 million"); for vague counts ("dozens")
    /// the smallest number the word allows.
    pub value: f64,
    /// ISO 4217 code, for money.
    pub currency: Option<String>,
    /// True for "at least", "more than" and vague counts: the value is a floor.
    pub at_least: bool,
}

/// How a quotation reports speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words in quotation marks that make up the reported statement.
    Direct,
    /// Quoted words inside the reporter's own sentence ("called the plan \"a non-starter\"").
    Partial,
    /// Reported speech without quotation marks ("X said (that) ...", "according to X, ...").
    Indirect,
    /// Quotation marks that set a term apart rather than report speech ("a so-called
    /// \"special operation\""); never given a speaker.
    Scare,
}

impl QuoteKind {
    /// The kind's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Scare => "scare",
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The words that name the speaker ("a senior diplomat", "Lavrov", "she").
    pub span: Span,
    /// The entity mention the speaker is, when there is one (a pronoun's mention carries its
    /// cluster and actor).
    pub entity: Option<usize>,
}

/// One quotation or piece of reported speech.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Direct, partial, indirect or scare.
    pub kind: QuoteKind,
    /// What was said: the quoted words (with their marks) or the reported clause.
    pub content: Span,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
    /// The words that introduce it ("said", "told reporters", "according to").
    pub cue: Option<Span>,
    /// The sentences the content spans, as indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// One coded event: who did what to whom, in PLOVER and in CAMEO.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The sentence it was coded from.
    pub sentence: usize,
    /// The word that triggered it (a verb or an event noun).
    pub trigger: Span,
    /// Further words of a multi-word trigger ("out" in "walk out", "sanctions" in "impose
    /// sanctions").
    pub trigger_extra: Vec<Span>,
    /// PLOVER event type (`ACCUSE`, `CONSULT`, ...).
    pub plover_type: String,
    /// PLOVER mode, when one applies.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO event code (a string: codes have leading zeros).
    pub cameo: String,
    /// Goldstein conflict-cooperation score of the CAMEO code.
    pub goldstein: f32,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// PLOVER conflict-cooperation score of the type and mode.
    pub plover_score: f32,
    /// Who acted; several for a compound actor.
    pub actors: Vec<Participant>,
    /// Who was acted on; may be empty.
    pub recipients: Vec<Participant>,
    /// Asserted, future or historical.
    pub modality: Modality,
    /// When it happened, in TIMEX3 notation, when known.
    pub date: Option<String>,
    /// Money in the event's clause ("provide $360 million"), as an index into
    /// [`Document::amounts`].
    pub money: Option<usize>,
    /// PLOVER's size fields: people killed, injured and arrested, as stated in the event's
    /// clause.
    pub dead: Option<f64>,
    /// People injured.
    pub injured: Option<f64>,
    /// People arrested.
    pub arrested: Option<f64>,
    /// Where it happened, as an index into [`Document::places`]: a place in the event's clause
    /// that is not one of its participants ("clashed with police in Mombasa"), else the
    /// dateline's place, else the article's main place.
    pub place: Option<usize>,
    /// Where the place came from: `text` (the event's clause), `dateline`, `article` (the
    /// place the article names most) or `none`.
    pub place_source: &'static str,
    /// Where the date came from: `text` (an expression in the event's clause), `published`
    /// (the publication date) or `none`.
    pub date_source: &'static str,
    /// The dictionary entry that coded it, as `FILE:LINE`.
    pub rule: String,
}

impl Event {
    /// The Goldstein score as the `f64` with the same shortest decimal form: CAMEO's -4.4
    /// stays -4.4 rather than becoming -4.400000095367432.
    pub fn goldstein_f64(&self) -> f64 {
        shortest_f64(self.goldstein)
    }

    /// The PLOVER score as the `f64` with the same shortest decimal form.
    pub fn plover_score_f64(&self) -> f64 {
        shortest_f64(self.plover_score)
    }
}

fn shortest_f64(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// One sentence: a span of text and a range of the document's tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence stands in the text.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A dateline that opens an article ("LONDON, March 3 (Reuters) -"). It is kept out of the
/// first sentence so that the parser sees a clean sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, dash included.
    pub span: Span,
    /// The place name at its head ("LONDON").
    pub place: Span,
}

/// One article and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The article's identifier, unique within a run.
    pub id: String,
    /// Where it came from: a file path, with `:LINE` for JSON Lines input.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The article's address, when known.
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD`, or an RFC 3339 date-time as given).
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// The author or byline, when the page says.
    pub author: Option<String>,
    /// The publication's name ("Reuters", "The Nation"), when the page says.
    pub site_name: Option<String>,
    /// The article text. Before cleaning this is the text as read; after it, the body with
    /// boilerplate taken out. Every span refers to this text as it stands after cleaning.
    pub text: String,
    /// What cleaning took out, in text order.
    pub removed: Vec<Removed>,
    /// Paragraphs of the cleaned text.
    pub paragraphs: Vec<Span>,
    /// The opening dateline, when the article has one.
    pub dateline: Option<Dateline>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// All tokens of the document, in text order; sentences hold ranges into it.
    pub tokens: Vec<Token>,
    /// Named entity mentions, in text order.
    pub entities: Vec<Entity>,
    /// Quotations and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, in text order.
    pub dates: Vec<TimeExpression>,
    /// Amounts, in text order.
    pub amounts: Vec<Amount>,
    /// Places, in text order.
    pub places: Vec<Place>,
    /// Coded events, in text order of their triggers.
    pub events: Vec<Event>,
    /// Things a user should know about this document (decoding guesses, odd metadata).
    pub warnings: Vec<String>,
    /// The layers that have been added, in the order the stages ran.
    pub layers: Vec<Layer>,
}

impl Document {
    /// A document with an id and a text, and nothing else yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text a span covers.
    ///
    /// # Panics
    ///
    /// Panics when the span lies outside the text or off a character boundary.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// True when the layer has been added.
    pub fn has_layer(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }
}
