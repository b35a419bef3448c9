//! PETRARCH-format dictionaries through Kestrel's matcher, on hand-parsed sentences of our own
//! (rows are `form lemma UPOS head deprel`, heads 1-based), so that these tests do not depend
//! on the statistical models.

use kestrel_actors::petrarch::{code_petrarch_actors, PetrarchActors, PetrarchAgents};
use kestrel_core::{Document, Event, Layer, Sentence, Span, Token};
use kestrel_events::petrarch::PetrarchVerbs;
use kestrel_events::{code_document_with, CameoTable, Conventions};

const VERBS: &str = "\
&POSTS
+OUTPOST
+BORDER_POST

--- SHELL [190] ---
SHELL
- * {BORDER &POSTS}   [195]

--- VISIT [042:043] ---
VISIT
- SAID *   [010]
";

const ACTORS: &str = "\
VALDORIA [VAL]
+VALDORIAN
KESSLAND [KSL]
MARTA_OKONJO
\t[VALGOV 20200101-20241231]
\t[VALELI >20250101]
";

const AGENTS: &str = "TROOP {TROOPS} [~MIL]\nRELIEF_AGENCY [NGO~]\n";

fn doc(rows: &str, date: &str) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for row in rows.lines().map(str::trim).filter(|r| !r.is_empty()) {
        let f: Vec<&str> = row.split_whitespace().collect();
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(f[0]);
        let head: usize = f[3].parse().unwrap();
        tokens.push(Token {
            span: Span::new(start, text.len()),
            joined_to_previous: false,
            upos: Some(f[2].into()),
            xpos: None,
            lemma: Some(f[1].into()),
            feats: None,
            head: head.checked_sub(1),
            deprel: Some(f[4].into()),
        });
    }
    let mut d = Document::new("test", text.clone());
    d.published = Some(date.into());
    d.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..tokens.len(),
    }];
    d.tokens = tokens;
    d.layers = vec![Layer::Segment, Layer::Tag, Layer::Parse];
    d
}

fn code(d: &mut Document) -> (Vec<Event>, PetrarchVerbs) {
    let mut cameo = CameoTable::builtin();
    let verbs = PetrarchVerbs::read(VERBS, "verbs.txt", &mut cameo);
    let mut actors = PetrarchActors::default();
    actors.add_text(ACTORS);
    let mut agents = PetrarchAgents::default();
    agents.add_text(AGENTS);
    code_petrarch_actors(d, &actors, &agents);
    let conventions = Conventions {
        plover_future_types: false,
        any_preposition_recipient: true,
        agent_nouns: false,
        code_sports_reports: true,
        implied_protest_target: false,
    };
    let events = code_document_with(d, &verbs.dictionary, &cameo, conventions);
    (events, verbs)
}

fn codes(ps: &[kestrel_core::Participant]) -> Vec<&str> {
    ps.iter().filter_map(|p| p.code.as_deref()).collect()
}

#[test]
fn agent_and_actor_combine_and_object_phrases_pick_the_pattern() {
    let mut d = doc(
        "Valdorian valdorian ADJ 2 amod
         troops troop NOUN 3 nsubj
         shelled shell VERB 0 root
         Kessland Kessland PROPN 7 nmod:poss
         's 's PART 4 case
         border border NOUN 7 compound
         posts post NOUN 3 obj
         . . PUNCT 3 punct",
        "2026-02-01",
    );
    let (events, _) = code(&mut d);
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    // {BORDER &POSTS}: the object "posts" with the modifier "border".
    assert_eq!(e.cameo, "195");
    assert_eq!(codes(&e.actors), ["VALMIL"]);
    assert_eq!(codes(&e.recipients), ["KSL"]);
}

#[test]
fn a_bare_object_takes_the_block_code_and_dates_choose_the_role() {
    let rows = "Marta Marta PROPN 3 nsubj
         Okonjo Okonjo PROPN 1 flat
         visited visit VERB 0 root
         Kessland Kessland PROPN 3 obj
         . . PUNCT 3 punct";
    let mut in_office = doc(rows, "2022-06-01");
    let (events, verbs) = code(&mut in_office);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].cameo, "042");
    assert_eq!(codes(&events[0].actors), ["VALGOV"]);
    assert_eq!(codes(&events[0].recipients), ["KSL"]);
    // VISIT [042:043]: the visit received, back from the recipient.
    assert_eq!(
        verbs.reverse.get(&events[0].rule).map(String::as_str),
        Some("043")
    );
    let mut retired = doc(rows, "2026-06-01");
    let (events, _) = code(&mut retired);
    assert_eq!(codes(&events[0].actors), ["VALELI"]);
}

#[test]
fn a_shell_object_that_is_not_a_post_gets_the_block_code() {
    let mut d = doc(
        "Kessland Kessland PROPN 2 nsubj
         shelled shell VERB 0 root
         Valdorian valdorian ADJ 4 amod
         villages village NOUN 2 obj
         . . PUNCT 2 punct",
        "2026-02-01",
    );
    let (events, verbs) = code(&mut d);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].cameo, "190");
    assert_eq!(codes(&events[0].actors), ["KSL"]);
    assert_eq!(codes(&events[0].recipients), ["VAL"]);
    // "SAID *" has a word before the verb, which the parse cannot place: left out, counted.
    assert_eq!(verbs.skipped, 1);
}
