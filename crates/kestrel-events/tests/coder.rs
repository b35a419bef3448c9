//! The coder on hand-parsed sentences, so that these tests do not depend on the statistical
//! models: each row is `form lemma UPOS XPOS head deprel [actor code]`, heads 1-based (a coded
//! adjective or plural proper noun is a nationality); the code `-` marks a person the
//! dictionaries do not know.

use kestrel_core::{
    ActorCode, ActorSource, Document, Entity, EntityKind, Event, Layer, MentionKind, Modality,
    Sentence, Span, Token,
};
use kestrel_events::Coder;

fn doc(rows: &str) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut entities = Vec::new();
    for (i, row) in rows
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .enumerate()
    {
        let f: Vec<&str> = row.split_whitespace().collect();
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(f[0]);
        let span = Span::new(start, text.len());
        let head: usize = f[4].parse().unwrap();
        tokens.push(Token {
            span,
            joined_to_previous: false,
            upos: Some(f[2].into()),
            xpos: Some(f[3].into()),
            lemma: Some(f[1].into()),
            feats: None,
            head: head.checked_sub(1),
            deprel: Some(f[5].into()),
        });
        if let Some(code) = f.get(6) {
            let (code, sector) = match code.split_once('/') {
                Some((c, s)) => (c.to_string(), Some(s.to_string())),
                None => (code.to_string(), None),
            };
            let kind = if f[2] == "PRON" || sector.is_some() {
                EntityKind::Person
            } else if f[2] == "ADJ" || f[3] == "NNPS" {
                EntityKind::Norp
            } else {
                EntityKind::Gpe
            };
            // "-": a person no dictionary knows; "?": an organisation no dictionary knows.
            let known = code != "-" && code != "?";
            let kind = match code.as_str() {
                "-" => EntityKind::Person,
                "?" => EntityKind::Org,
                _ => kind,
            };
            entities.push(Entity {
                span,
                sentence: 0,
                tokens: i..i + 1,
                kind,
                actor: known.then(|| ActorCode {
                    code,
                    sector,
                    name: f[0].into(),
                    source: ActorSource::Dictionary,
                }),
                cluster: None,
                mention: if f[2] == "PRON" {
                    MentionKind::Pronoun
                } else {
                    MentionKind::Name
                },
            });
        }
    }
    let mut d = Document::new("test", text.clone());
    d.published = Some("2026-03-02".into());
    d.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..tokens.len(),
    }];
    d.tokens = tokens;
    d.entities = entities;
    d.layers = vec![
        Layer::Segment,
        Layer::Tag,
        Layer::Parse,
        Layer::Entities,
        Layer::Actors,
    ];
    d
}

fn code(rows: &str) -> (Document, Vec<Event>) {
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let d = doc(rows);
    let events = coder.code(&d);
    (d, events)
}

/// Puts entity `entity` of the first sentence in the places layer as a town of `country`.
fn town_at(d: &mut Document, entity: usize, name: &str, country: &str) {
    d.places.push(kestrel_core::Place {
        span: d.entities[entity].span,
        sentence: 0,
        entity: Some(entity),
        geonameid: 1,
        name: name.into(),
        country: country.into(),
        admin1: None,
        lat: 0.0,
        lon: 0.0,
        level: "city".into(),
        basis: "name".into(),
    });
}

/// An event's PLOVER type and CAMEO code.
fn type_and_code(e: &Event) -> (&str, &str) {
    (e.plover_type.as_str(), e.cameo.as_str())
}

fn codes(ps: &[kestrel_core::Participant]) -> Vec<&str> {
    ps.iter().filter_map(|p| p.code.as_deref()).collect()
}

#[test]
fn coder_codes_subject_verb_object() {
    let (d, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    let e = &ev[0];
    assert_eq!(e.plover_type, "ACCUSE");
    assert_eq!(e.mode.as_deref(), Some("disapprove"));
    assert_eq!(e.cameo, "111");
    assert_eq!(e.quad_class, 3);
    assert!((e.goldstein - -2.0).abs() < 1e-6);
    assert_eq!(codes(&e.actors), ["GHA"]);
    assert_eq!(codes(&e.recipients), ["TGO"]);
    assert_eq!(d.slice(e.trigger), "condemned");
    assert_eq!(e.modality, Modality::Asserted);
    assert!(e.rule.starts_with("events.txt:"));
}

#[test]
fn coder_skips_negated_modal_and_questioned_clauses() {
    let negated = "Ghana Ghana PROPN NNP 4 nsubj GHA
         did do AUX VBD 4 aux
         not not PART RB 4 advmod
         condemn condemn VERB VB 0 root
         Togo Togo PROPN NNP 4 obj TGO
         . . PUNCT . 4 punct";
    assert!(code(negated).1.is_empty());
    let modal = "Ghana Ghana PROPN NNP 3 nsubj GHA
         might might AUX MD 3 aux
         condemn condemn VERB VB 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct";
    assert!(code(modal).1.is_empty());
    let question = "Will will AUX MD 3 aux
         Ghana Ghana PROPN NNP 3 nsubj GHA
         condemn condemn VERB VB 0 root
         Togo Togo PROPN NNP 3 obj TGO
         ? ? PUNCT . 3 punct";
    assert!(code(question).1.is_empty());
    let conditional = "if if SCONJ IN 3 mark
         Ghana Ghana PROPN NNP 3 nsubj GHA
         attacks attack VERB VBZ 6 advcl
         Togo Togo PROPN NNP 3 obj TGO
         , , PUNCT , 6 punct
         protests protest NOUN NNS 0 root";
    assert!(code(conditional)
        .1
        .iter()
        .all(|e| e.plover_type != "ASSAULT"));
}

#[test]
fn coder_joins_coordinated_subjects_and_shares_them_with_coordinated_verbs() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 4 nsubj GHA
         and and CCONJ CC 3 cc
         Benin Benin PROPN NNP 1 conj BEN
         criticized criticize VERB VBD 0 root
         Togo Togo PROPN NNP 4 obj TGO
         and and CCONJ CC 7 cc
         met meet VERB VBD 4 conj
         Niger Niger PROPN NNP 7 obj NER
         . . PUNCT . 4 punct",
    );
    let types: Vec<&str> = ev.iter().map(|e| e.plover_type.as_str()).collect();
    assert_eq!(types, ["ACCUSE", "CONSULT"]);
    for e in &ev {
        assert_eq!(codes(&e.actors), ["GHA", "BEN"]);
    }
    assert_eq!(codes(&ev[1].recipients), ["NER"]);
}

#[test]
fn coder_reads_passives_with_their_agent() {
    let (_, ev) = code(
        "Togo Togo PROPN NNP 3 nsubj:pass TGO
         was be AUX VBD 3 aux:pass
         denounced denounce VERB VBN 0 root
         by by ADP IN 5 case
         Ghana Ghana PROPN NNP 3 obl:agent GHA
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_takes_the_place_a_curfew_is_in_as_its_target() {
    let (_, ev) = code(
        "Togo Togo PROPN NNP 2 nsubj TGO
         extended extend VERB VBD 0 root
         the the DET DT 4 det
         curfew curfew NOUN NN 2 obj
         in in ADP IN 6 case
         Lome Lome PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    let curfew: Vec<&Event> = ev.iter().filter(|e| e.plover_type == "COERCE").collect();
    assert_eq!(curfew.len(), 1, "{ev:?}");
    assert_eq!(codes(&curfew[0].recipients), ["TGO"]);
}

#[test]
fn coder_codes_no_visit_by_troops() {
    let rows = |who: &str, lemma: &str, verb: &str| {
        format!(
            "Togolese Togolese ADJ JJ 2 amod TGO
             {who} {lemma} NOUN NNS 3 nsubj
             {verb} {verb} VERB VBD 0 root
             in in ADP IN 5 case
             Ghana Ghana PROPN NNP 3 obl GHA
             . . PUNCT . 3 punct"
        )
    };
    let (_, ev) = code(&rows("troops", "troop", "arrive"));
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(&rows("police", "police", "arrive"));
    assert!(ev.is_empty(), "police arriving come to search: {ev:?}");
    let (_, ev) = code(&rows("ministers", "minister", "arrive"));
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "CONSULT");
    // The same troops are an actor with a sector where they act.
    let (_, ev) = code(&rows("troops", "troop", "deploy"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MIL"));
}

#[test]
fn coder_reads_a_concession_declared_not_to_come_as_a_refusal() {
    let rows = |negation: &str| {
        format!(
            "Togo Togo PROPN NNP 4 nsubj TGO
             will will AUX MD 4 aux
             {negation}
             release release VERB VB 0 root
             the the DET DT 6 det
             prisoners prisoner NOUN NNS 4 obj
             . . PUNCT . 4 punct"
        )
    };
    let (_, ev) = code(&rows("not not PART RB 4 advmod"));
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "REJECT");
    assert_eq!(ev[0].cameo, "1243");
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
    // Affirmed, it is an announced release.
    let (_, ev) = code(&rows("soon soon ADV RB 4 advmod"));
    assert_eq!(ev.len(), 1);
    assert_ne!(ev[0].plover_type, "REJECT");
    // An agreement declared not to come is a rejection of what was on offer.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 4 nsubj TGO
         will will AUX MD 4 aux
         not not PART RB 4 advmod
         accept accept VERB VB 0 root
         the the DET DT 6 det
         mediation mediation NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("REJECT", "126"));
    // Not declared (a past fact), it is no event.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 4 nsubj TGO
         did do AUX VBD 4 aux
         not not PART RB 4 advmod
         accept accept VERB VB 0 root
         the the DET DT 6 det
         mediation mediation NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn coder_takes_the_parties_between_whom_a_mediation_is() {
    let (_, ev) = code(
        "Qatar Qatar PROPN NNP 2 nsubj QAT
         launched launch VERB VBD 0 root
         a a DET DT 5 det
         mediation mediation NOUN NN 5 compound
         effort effort NOUN NN 2 obj
         between between ADP IN 7 case
         Kenya Kenya PROPN NNP 5 nmod KEN
         and and CCONJ CC 9 cc
         Uganda Uganda PROPN NNP 7 conj UGA
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["QAT"]);
    assert_eq!(codes(&ev[0].recipients), ["KEN", "UGA"]);
}

#[test]
fn coder_places_an_unnamed_group_in_the_one_country_of_a_domestic_event() {
    let (_, ev) = code(
        "Togolese Togolese ADJ JJ 2 amod TGO
         police police NOUN NNS 3 nsubj
         arrested arrest VERB VBD 0 root
         rebels rebel NOUN NNS 3 obj
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    assert_eq!(ev[0].recipients[0].sector.as_deref(), Some("REB"));
    // Not when the sentence names another country.
    let (_, ev) = code(
        "Togolese Togolese ADJ JJ 2 amod TGO
         police police NOUN NNS 3 nsubj
         arrested arrest VERB VBD 0 root
         rebels rebel NOUN NNS 3 obj
         near near ADP IN 6 case
         Ghana Ghana PROPN NNP 3 obl GHA
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert!(codes(&ev[0].recipients).is_empty());
}

#[test]
fn coder_takes_a_definite_nouns_owner_from_its_earlier_mention() {
    let (_, ev) = code(
        "Togo Togo PROPN NNP 3 nmod:poss TGO
         's 's PART POS 1 case
         invasion invasion NOUN NN 4 nsubj
         stalled stall VERB VBD 0 root
         and and CCONJ CC 7 cc
         Ghana Ghana PROPN NNP 7 nsubj GHA
         condemned condemn VERB VBD 4 conj
         the the DET DT 9 det
         invasion invasion NOUN NN 7 obj
         . . PUNCT . 4 punct",
    );
    let condemned: Vec<&Event> = ev.iter().filter(|e| e.plover_type == "ACCUSE").collect();
    assert_eq!(condemned.len(), 1);
    assert_eq!(codes(&condemned[0].actors), ["GHA"]);
    assert_eq!(codes(&condemned[0].recipients), ["TGO"]);
}

#[test]
fn coder_reads_a_stance_in_the_passive_form_as_its_subjects() {
    let (_, ev) = code(
        "Togo Togo PROPN NNP 3 nsubj:pass TGO
         is be AUX VBZ 3 aux:pass
         opposed oppose VERB VBN 0 root
         to to ADP IN 6 case
         Ghanaian Ghanaian ADJ JJ 6 amod GHA
         mediation mediation NOUN NN 3 obl
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "REJECT");
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
}

#[test]
fn coder_turns_promised_aid_into_agree_and_keeps_the_recipient() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 3 nsubj GHA
         will will AUX MD 3 aux
         send send VERB VB 0 root
         aid aid NOUN NN 3 obj
         to to ADP IN 6 case
         Togo Togo PROPN NNP 3 obl TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "AGREE");
    assert_eq!(ev[0].cameo, "0333");
    assert_eq!(ev[0].modality, Modality::Future);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_codes_what_a_speaker_reports_and_not_the_speech() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         said say VERB VBD 0 root
         it it PRON PRP 5 nsubj GHA
         had have AUX VBD 5 aux
         attacked attack VERB VBN 2 ccomp
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_codes_requests_and_refusals_but_not_what_they_ask_or_refuse() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         urged urge VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         to to PART TO 5 mark
         release release VERB VB 2 xcomp
         the the DET DT 7 det
         prisoners prisoner NOUN NNS 5 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "REQUEST");
    assert_eq!(ev[0].mode.as_deref(), Some("yield"));
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);

    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         refused refuse VERB VBD 0 root
         to to PART TO 4 mark
         meet meet VERB VB 2 xcomp
         Togo Togo PROPN NNP 4 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "REJECT");
    assert_eq!(ev[0].mode.as_deref(), Some("meet"));
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_codes_event_nouns_only_where_they_are_reported() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         held hold VERB VBD 0 root
         talks talk NOUN NNS 2 obj
         with with ADP IN 5 case
         Togo Togo PROPN NNP 3 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "CONSULT");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);

    // "the invasion" is talked about, not reported: only the condemnation is coded.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 5 nmod:poss TGO
         's 's PART POS 3 case
         invasion invasion NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_finds_the_recipient_behind_a_phrasal_preposition() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         on on ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         to to PART TO 6 mark
         withdraw withdraw VERB VB 2 advcl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REQUEST");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_codes_nothing_without_a_codable_event_or_actor() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         said say VERB VBD 0 root
         the the DET DT 4 det
         weather weather NOUN NN 6 nsubj
         was be AUX VBD 6 cop
         fine fine ADJ JJ 2 ccomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty());
    // A trigger whose subject is no actor at all.
    let (_, ev) = code(
        "Something something PRON NN 2 nsubj
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty());
}

#[test]
fn coder_reads_agents_and_their_country() {
    let (_, ev) = code(
        "Ghanaian Ghanaian ADJ JJ 2 amod GHA
         troops troop NOUN NNS 3 nsubj
         shelled shell VERB VBD 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert_eq!(ev[0].mode.as_deref(), Some("heavy-weapons"));
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MIL"));
}

#[test]
fn coder_reads_must_complements_as_demands_and_reports_through_their_content() {
    // "Ghana said Togo must free the sailors": a demand by Ghana of Togo; the freeing is not
    // asserted.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         said say VERB VBD 0 root
         Togo Togo PROPN NNP 5 nsubj TGO
         must must AUX MD 5 aux
         free free VERB VB 2 ccomp
         the the DET DT 7 det
         sailors sailor NOUN NNS 5 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REQUEST");
    assert_eq!(ev[0].cameo, "100");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    // "Ghana said Togo had condemned Benin": the condemnation is the news, and the report of
    // it gives no event of its own.
    let (d, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         said say VERB VBD 0 root
         Togo Togo PROPN NNP 5 nsubj TGO
         had have AUX VBD 5 aux
         condemned condemn VERB VBN 2 ccomp
         Benin Benin PROPN NNP 5 obj BEN
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(d.slice(ev[0].trigger), "condemned");
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
}

#[test]
fn coder_repairs_a_verb_hung_on_the_subject_noun() {
    // "Ghanaian troops today shelled Togo", parsed with the verb as an appositive of "troops"
    // and "Togo" labelled as a subject after the verb.
    let (_, ev) = code(
        "Ghanaian Ghanaian ADJ JJ 2 amod GHA
         troops troop NOUN NNS 0 root
         today today NOUN NN 4 obl:unmarked
         shelled shell VERB VBD 2 appos
         Togo Togo PROPN NNP 4 nsubj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MIL"));
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_finds_targets_by_place_and_by_agent_phrases() {
    // "Ghana lifted a curfew in Togo": an action on a place targets it.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         lifted lift VERB VBD 0 root
         a a DET DT 4 det
         curfew curfew NOUN NN 2 obj
         in in ADP IN 6 case
         Togo Togo PROPN NNP 4 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    // "Ghana demanded an apology by Togo": the party asked.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         demanded demand VERB VBD 0 root
         an a DET DT 4 det
         apology apology NOUN NN 2 obj
         by by ADP IN 6 case
         Togo Togo PROPN NNP 4 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REQUEST");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_counts_the_dead_in_the_clause_of_a_killing() {
    // "Ghanaian troops killed at least 20 people in Togo"
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc("Ghanaian Ghanaian ADJ JJ 2 amod GHA
         troops troop NOUN NNS 3 nsubj
         killed kill VERB VBD 0 root
         at at ADP IN 5 case
         least least ADJ JJS 7 nmod
         20 20 NUM CD 7 nummod
         people person NOUN NNS 3 obj
         in in ADP IN 9 case
         Togo Togo PROPN NNP 3 obl TGO
         . . PUNCT . 3 punct");
    d.amounts = kestrel_amounts::find_amounts(&d);
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert_eq!(ev[0].dead, Some(20.0));
    assert_eq!(ev[0].injured, None);
}

#[test]
fn coder_repairs_verb_lemmas_the_lemmatizer_guessed_wrong() {
    // Lemmas as a lemmatizer that never saw these verbs guesses them.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         expelled expell VERB VBD 0 root
         two two NUM CD 4 nummod
         diplomats diplomat NOUN NNS 2 obj
         from from ADP IN 6 case
         Togo Togo PROPN NNP 4 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "SANCTION");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 4 nsubj GHA
         and and CCONJ CC 3 cc
         Togo Togo PROPN NNP 1 conj TGO
         resumed resum VERB VBD 0 root
         talks talk NOUN NNS 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "CONSULT");
    assert_eq!(codes(&ev[0].actors), ["GHA", "TGO"]);
    // A lemma that is no verb of the dictionary and has no spelling that is stays as it is.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         glorped glorp VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty());
}

#[test]
fn coder_takes_a_side_from_its_nationality_adjectives() {
    let (_, ev) = code(
        "The the DET DT 5 det
         Ghanaian Ghanaian ADJ JJ 5 amod GHA
         and and CCONJ CC 4 cc
         Togolese Togolese ADJ JJ 2 conj TGO
         delegations delegation NOUN NNS 6 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 8 det
         raid raid NOUN NN 6 obj
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA", "TGO"]);
    // A noun that names no agent takes its side from the adjectives too.
    let (_, ev) = code(
        "The the DET DT 5 det
         Ghanaian Ghanaian ADJ JJ 5 amod GHA
         and and CCONJ CC 4 cc
         Togolese Togolese ADJ JJ 2 conj TGO
         sides side NOUN NNS 6 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 8 det
         raid raid NOUN NN 6 obj
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA", "TGO"]);
    // A noun with no nationality stays without an actor, and so without an event.
    let (_, ev) = code(
        "The the DET DT 2 det
         sides side NOUN NNS 3 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 5 det
         raid raid NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty());
}

#[test]
fn coder_reads_through_quantities_and_misplaced_time_words() {
    // "Thousands of Togolese marched ...": the quantity stands for whom it counts.
    let (_, ev) = code(
        "Thousands thousand NOUN NNS 4 nsubj
         of of ADP IN 3 case
         Togolese Togolese PROPN NNPS 1 nmod TGO
         condemned condemn VERB VBD 0 root
         the the DET DT 6 det
         raid raid NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
    // "Ghana today condemned ..." parsed with the name as a modifier of "today".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 compound GHA
         today today NOUN NN 3 nsubj
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_takes_a_sector_from_the_modifier_that_names_one() {
    // "Togolese opposition leaders condemned the raid": opposition, not government.
    let (_, ev) = code(
        "Togolese Togolese ADJ JJ 3 amod TGO
         opposition opposition NOUN NN 3 compound
         leaders leader NOUN NNS 4 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 6 det
         raid raid NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["TGO"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("OPP"));
    // An institution keeps its own: "the Togolese military court" is a court.
    let (_, ev) = code(
        "The the DET DT 4 det
         Togolese Togolese ADJ JJ 4 amod TGO
         military military ADJ JJ 4 amod
         court court NOUN NN 5 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 7 det
         raid raid NOUN NN 5 obj
         . . PUNCT . 5 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("JUD"));
    // A word of a name is no agent noun: the "Union" of a union of states is not a labour
    // union's, and its ministers stay the government's.
    let (_, ev) = code(
        "Union Union PROPN NNP 3 compound IGOAND
         finance finance NOUN NN 3 compound
         ministers minister NOUN NNS 4 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 6 det
         raid raid NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["IGOAND"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("GOV"));
    // "Togo's securities watchdog condemned the raid": a regulator, the state's; a rights
    // watchdog stays a non-governmental one.
    let watchdog = |topic: &str| {
        let (_, ev) = code(&format!(
            "Togo Togo PROPN NNP 4 nmod:poss TGO
             's 's PART POS 1 case
             {topic} {topic} NOUN NN 4 compound
             watchdog watchdog NOUN NN 5 nsubj
             condemned condemn VERB VBD 0 root
             the the DET DT 7 det
             raid raid NOUN NN 5 obj
             . . PUNCT . 5 punct"
        ));
        assert_eq!(ev.len(), 1);
        assert_eq!(codes(&ev[0].actors), ["TGO"]);
        ev[0].actors[0].sector.clone()
    };
    assert_eq!(watchdog("securities").as_deref(), Some("GOV"));
    assert_eq!(watchdog("rights").as_deref(), Some("NGO"));
}

#[test]
fn coder_reads_what_an_object_measures_and_a_particle_the_parser_misplaced() {
    // "Ghana handed over 900 tons of grain to Togo", parsed with "over" as "more than" on
    // the number: the particle still makes "hand over", and the tons are of grain.
    let (d, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         handed hand VERB VBD 0 root
         over over ADV RB 4 advmod
         900 900 NUM CD 5 nummod
         tons ton NOUN NNS 2 obj
         of of ADP IN 7 case
         grain grain NOUN NN 5 nmod
         to to ADP IN 9 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "AID");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    assert!(ev[0].trigger_extra.iter().any(|s| d.slice(*s) == "grain"));
    // Without a measure the object's own `of` phrase is not read: "handed over the files of
    // the inquiry" is not aid.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         handed hand VERB VBD 0 root
         over over ADP RP 2 compound:prt
         the the DET DT 5 det
         files file NOUN NNS 2 obj
         of of ADP IN 8 case
         the the DET DT 8 det
         grain grain NOUN NN 5 nmod
         to to ADP IN 10 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "AID"));
}

#[test]
fn coder_codes_violence_whose_perpetrator_is_unnamed() {
    // "A roadside bomb killed two Ghanaian soldiers": an assault on Ghanaians, by no one named.
    let (_, ev) = code(
        "A a DET DT 3 det
         roadside roadside NOUN NN 3 compound
         bomb bomb NOUN NN 4 nsubj
         killed kill VERB VBD 0 root
         two two NUM CD 7 nummod
         Ghanaian Ghanaian ADJ JJ 7 amod GHA
         soldiers soldier NOUN NNS 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert!(ev[0].actors.is_empty());
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
    // A subject that names someone of no known country is not an unknown perpetrator: "the
    // Stars beat Togo" is left alone.
    let (_, ev) = code(
        "The the DET DT 2 det
         Stars Stars PROPN NNPS 3 nsubj
         beat beat VERB VBD 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty());
    // Nor is a place it happened in a victim: "the film was shot in Togo".
    let (_, ev) = code(
        "The the DET DT 2 det
         film film NOUN NN 4 nsubj:pass
         was be AUX VBD 4 aux:pass
         shot shoot VERB VBN 0 root
         in in ADP IN 6 case
         Togo Togo PROPN NNP 4 obl TGO
         . . PUNCT . 4 punct",
    );
    assert!(ev.is_empty());
}

#[test]
fn coder_repairs_three_misreadings_of_who_acted() {
    // "Togo said after meeting Ghana ...", the adverbial clause labelled a complement: the
    // meeting is Togo's.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 2 nsubj TGO
         said say VERB VBD 0 root
         after after SCONJ IN 4 mark
         meeting meet VERB VBG 2 ccomp
         Ghana Ghana PROPN NNP 4 obj GHA
         . . PUNCT . 2 punct",
    );
    let meeting: Vec<_> = ev.iter().filter(|e| e.plover_type == "CONSULT").collect();
    assert_eq!(meeting.len(), 1);
    assert_eq!(codes(&meeting[0].actors), ["TGO"]);
    // "Ghanaian police clashed with students", with "clashed" read as a participle and the
    // police hung on it.
    let (_, ev) = code(
        "Ghanaian Ghanaian ADJ JJ 2 amod GHA
         police police NOUN NN 3 obl:unmarked
         clashed clash VERB VBN 0 root
         with with ADP IN 5 case
         Togolese Togolese PROPN NNPS 3 obl TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    // "Ghana walked out as Togo condemned the vote", the second clause set beside the first
    // with its subject hung elsewhere: Togo condemned, not Ghana.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         walked walk VERB VBD 0 root
         out out ADP RP 2 compound:prt
         as as ADP IN 5 case
         Togo Togo PROPN NNP 2 obl TGO
         condemned condemn VERB VBD 2 parataxis
         the the DET DT 8 det
         vote vote NOUN NN 6 obj
         . . PUNCT . 2 punct",
    );
    let condemned: Vec<_> = ev.iter().filter(|e| e.plover_type == "ACCUSE").collect();
    assert_eq!(condemned.len(), 1);
    assert_eq!(codes(&condemned[0].actors), ["TGO"]);
}

#[test]
fn coder_reads_ready_and_willing_as_intentions() {
    // "Ghana is ready to send troops to Togo": an intention to give military aid, an AGREE.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 3 nsubj GHA
         is be AUX VBZ 3 cop
         ready ready ADJ JJ 0 root
         to to PART TO 5 mark
         send send VERB VB 3 xcomp
         troops troop NOUN NNS 5 obj
         to to ADP IN 8 case
         Togo Togo PROPN NNP 5 obl TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "AGREE");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    // Not when it is denied: "Ghana is not willing to send troops".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 4 nsubj GHA
         is be AUX VBZ 4 cop
         not not PART RB 4 advmod
         willing willing ADJ JJ 0 root
         to to PART TO 6 mark
         send send VERB VB 4 xcomp
         troops troop NOUN NNS 6 obj
         . . PUNCT . 4 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "AGREE"), "{ev:?}");
}

#[test]
fn coder_knows_ties_established_and_forces_strengthened() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         established establish VERB VBD 0 root
         ties tie NOUN NNS 2 obj
         with with ADP IN 5 case
         Togo Togo PROPN NNP 3 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "SUPPORT");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         strengthened strengthen VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss
         forces force NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "MOBILIZE");
}

#[test]
fn coder_reads_inspectors_sent_as_an_investigation() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         dispatched dispatch VERB VBD 0 root
         inspectors inspector NOUN NNS 2 obj
         to to ADP IN 5 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(ev[0].mode.as_deref(), Some("investigate"));
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_finds_recipients_in_possessors_and_that_clauses() {
    // "Togo denounced Ghana's crackdown": the crackdown is Ghana's.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 2 nsubj TGO
         denounced denounce VERB VBD 0 root
         Ghana Ghana PROPN NNP 5 nmod:poss GHA
         's 's PART POS 3 case
         crackdown crackdown NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
    // "Togo demanded Friday that Ghana free the prisoners", the clause parsed as adverbial.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 2 nsubj TGO
         demanded demand VERB VBD 0 root
         Friday Friday PROPN NNP 2 obl:tmod
         that that SCONJ IN 6 mark
         Ghana Ghana PROPN NNP 6 nsubj GHA
         free free VERB VB 2 advcl
         the the DET DT 8 det
         prisoners prisoner NOUN NNS 6 obj
         . . PUNCT . 2 punct",
    );
    let demand: Vec<_> = ev.iter().filter(|e| e.plover_type == "REQUEST").collect();
    assert_eq!(demand.len(), 1, "{ev:?}");
    assert_eq!(codes(&demand[0].recipients), ["GHA"]);
}

#[test]
fn coder_finds_recipients_deeper_in_complements_and_destinations() {
    // "Ghana refused to lift the blockade on Togo".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         refused refuse VERB VBD 0 root
         to to PART TO 4 mark
         lift lift VERB VB 2 xcomp
         the the DET DT 6 det
         blockade blockade NOUN NN 4 obj
         on on ADP IN 8 case
         Togo Togo PROPN NNP 6 nmod TGO
         . . PUNCT . 2 punct",
    );
    let refusal: Vec<_> = ev.iter().filter(|e| e.plover_type == "REJECT").collect();
    assert_eq!(refusal.len(), 1, "{ev:?}");
    assert_eq!(codes(&refusal[0].recipients), ["TGO"]);
    // "Ghana sent food to refugees in Togo": the refugees are no actor, their place is.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         sent send VERB VBD 0 root
         food food NOUN NN 2 obj
         to to ADP IN 5 case
         refugees refugee NOUN NNS 3 nmod
         in in ADP IN 7 case
         Togo Togo PROPN NNP 5 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "AID");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_finds_the_recipient_in_a_complements_purpose_clause() {
    // "Ghana is ready to lend aircraft to help protect Togo": the aircraft name no one, the
    // purpose clause's own complement does.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 3 nsubj GHA
         is be AUX VBZ 3 cop
         ready ready ADJ JJ 0 root
         to to PART TO 5 mark
         lend lend VERB VB 3 xcomp
         aircraft aircraft NOUN NN 5 obj
         to to PART TO 8 mark
         help help VERB VB 5 advcl
         protect protect VERB VB 8 xcomp
         Togo Togo PROPN NNP 9 obj TGO
         . . PUNCT . 3 punct",
    );
    let offer: Vec<_> = ev.iter().filter(|e| e.plover_type == "AGREE").collect();
    assert_eq!(offer.len(), 1, "{ev:?}");
    assert_eq!(codes(&offer[0].recipients), ["TGO"]);
}

#[test]
fn coder_gives_an_unknown_person_the_sector_of_the_title_before_the_name() {
    // "Opposition leader Okafor accused Tanzania of fraud ."
    let (_, events) = code(
        "Opposition opposition NOUN NN 2 compound
         leader leader NOUN NN 3 nmod:desc
         Okafor Okafor PROPN NNP 4 nsubj -
         accused accuse VERB VBD 0 root
         Tanzania Tanzania PROPN NNP 4 obj TZA
         of of ADP IN 7 case
         fraud fraud NOUN NN 4 obl
         . . PUNCT . 4 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    let actor = &events[0].actors[0];
    assert_eq!(actor.code, None);
    assert_eq!(actor.sector.as_deref(), Some("OPP"));
    assert_eq!(codes(&events[0].recipients), vec!["TZA"]);

    // Without a title, a person nobody knows is no actor.
    let (_, events) = code(
        "Okafor Okafor PROPN NNP 2 nsubj -
         accused accuse VERB VBD 0 root
         Tanzania Tanzania PROPN NNP 2 obj TZA
         of of ADP IN 5 case
         fraud fraud NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn coder_reads_a_participle_after_a_comma_as_the_sentence_subjects_act() {
    // "Peru accused Chile of hoarding water , demanding Chile release it ." with "demanding"
    // hung on the gerund inside the "of" clause.
    let (_, events) = code(
        "Peru Peru PROPN NNP 2 nsubj PER
         accused accuse VERB VBD 0 root
         Chile Chile PROPN NNP 2 obj CHL
         of of SCONJ IN 5 mark
         hoarding hoard VERB VBG 2 advcl
         water water NOUN NN 5 obj
         , , PUNCT , 8 punct
         demanding demand VERB VBG 5 advcl
         Chile Chile PROPN NNP 10 nsubj CHL
         release release VERB VB 8 xcomp
         it it PRON PRP 10 obj
         . . PUNCT . 2 punct",
    );
    let types: Vec<&str> = events.iter().map(|e| e.plover_type.as_str()).collect();
    assert!(types.contains(&"REQUEST"), "{events:?}");
    let request = events.iter().find(|e| e.plover_type == "REQUEST").unwrap();
    assert_eq!(codes(&request.actors), ["PER"]);
}

#[test]
fn coder_explains_what_it_did_not_code() {
    // "Kenya did not condemn Uganda ." and "Kenya condemned Uganda ."
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let d = doc("Kenya Kenya PROPN NNP 4 nsubj KEN
         did do AUX VBD 4 aux
         not not PART RB 4 advmod
         condemn condemn VERB VB 0 root
         Uganda Uganda PROPN NNP 4 obj UGA
         . . PUNCT . 4 punct");
    let decisions = coder.explain(&d);
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    assert!(!decisions[0].coded);
    assert_eq!(decisions[0].lemma, "condemn");
    assert!(decisions[0].outcome.contains("negated"), "{decisions:?}");

    let d = doc("Kenya Kenya PROPN NNP 2 nsubj KEN
         condemned condemn VERB VBD 0 root
         Uganda Uganda PROPN NNP 2 obj UGA
         . . PUNCT . 2 punct");
    let decisions = coder.explain(&d);
    assert!(decisions[0].coded, "{decisions:?}");
    assert!(decisions[0].outcome.starts_with("ACCUSE"), "{decisions:?}");
    assert!(decisions[0].rule.is_some());
}

#[test]
fn coder_takes_an_organisation_word_for_the_organisation_its_modifiers_name() {
    // "The Hezbollah group attacked Israel ."
    let (_, events) = code(
        "The the DET DT 3 det
         Hezbollah Hezbollah PROPN NNP 3 compound LBN/REB
         group group NOUN NN 4 nsubj
         attacked attack VERB VBD 0 root
         Israel Israel PROPN NNP 4 obj ISR
         . . PUNCT . 4 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(codes(&events[0].actors), ["LBN"]);
    assert_eq!(codes(&events[0].recipients), ["ISR"]);
}

#[test]
fn coder_reports_what_an_instrument_was_used_for_unless_the_use_is_not_asserted() {
    // "Kenyan police used tear gas to disperse protesters ."
    let rows = |aux: &str| {
        format!(
            "Kenyan Kenyan ADJ JJ 2 amod KEN
             police police NOUN NNS 4 nsubj
             {aux}
             used use VERB VBD 0 root
             tear tear NOUN NN 6 compound
             gas gas NOUN NN 4 obj
             to to PART TO 8 mark
             disperse disperse VERB VB 4 advcl
             protesters protester NOUN NNS 8 obj
             . . PUNCT . 4 punct"
        )
    };
    let (_, events) = code(&rows("already already ADV RB 4 advmod"));
    assert!(events.iter().any(|e| e.cameo == "175"), "{events:?}");
    let (_, events) = code(&rows("may may AUX MD 4 aux"));
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn coder_reads_predicate_adjectives_with_their_argument() {
    // "Kenya is critical of Uganda ." and "Kenya is free of debt ."
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 3 nsubj KEN
         is be AUX VBZ 3 cop
         critical critical ADJ JJ 0 root
         of of ADP IN 5 case
         Uganda Uganda PROPN NNP 3 obl UGA
         . . PUNCT . 3 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].plover_type, "ACCUSE");
    assert_eq!(codes(&events[0].recipients), ["UGA"]);
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 3 nsubj KEN
         is be AUX VBZ 3 cop
         free free ADJ JJ 0 root
         of of ADP IN 5 case
         debt debt NOUN NN 3 obl
         . . PUNCT . 3 punct",
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn coder_turns_announced_coercion_into_threats_and_announced_retreats_into_concessions() {
    // "Kenya will impose a curfew on Uganda ." (the PLOVER manual: the mode is what is
    // threatened) and "Kenya will withdraw troops from Somalia ." (announced retreats are
    // CONCEDE).
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 3 nsubj KEN
         will will AUX MD 3 aux
         impose impose VERB VB 0 root
         a a DET DT 5 det
         curfew curfew NOUN NN 3 obj
         on on ADP IN 7 case
         Uganda Uganda PROPN NNP 3 obl UGA
         . . PUNCT . 3 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].plover_type, "THREATEN");
    assert_eq!(events[0].mode.as_deref(), Some("restrict"));
    assert_eq!(events[0].cameo, "1323");
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 3 nsubj KEN
         will will AUX MD 3 aux
         withdraw withdraw VERB VB 0 root
         troops troop NOUN NNS 3 obj
         from from ADP IN 6 case
         Somalia Somalia PROPN NNP 3 obl SOM
         . . PUNCT . 3 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].plover_type, "CONCEDE");
    assert_eq!(events[0].cameo, "0356");
}

#[test]
fn coder_takes_no_recipient_from_the_actors_own_possession() {
    // "Kenya withdrew its troops from Somalia ." ("its" points back to Kenya).
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         withdrew withdraw VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss KEN
         troops troop NOUN NNS 2 obj
         from from ADP IN 6 case
         Somalia Somalia PROPN NNP 2 obl SOM
         . . PUNCT . 2 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(codes(&events[0].recipients), ["SOM"]);
}

#[test]
fn coder_finds_a_noun_events_recipient_inside_what_it_is_of() {
    // "Kenya announced a suspension of flights with Uganda ."
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         announced announce VERB VBD 0 root
         a a DET DT 4 det
         suspension suspension NOUN NN 2 obj
         of of ADP IN 6 case
         flights flight NOUN NNS 4 nmod
         with with ADP IN 8 case
         Uganda Uganda PROPN NNP 6 nmod UGA
         . . PUNCT . 2 punct",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].plover_type, "SANCTION");
    assert_eq!(codes(&events[0].actors), ["KEN"]);
    assert_eq!(codes(&events[0].recipients), ["UGA"]);
}

#[test]
fn coder_reads_a_reported_would_through_coordination() {
    // "Kenya said it would close the border and would expel Ugandan diplomats ."
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         said say VERB VBD 0 root
         it it PRON PRP 5 nsubj KEN
         would would AUX MD 5 aux
         close close VERB VB 2 ccomp
         the the DET DT 7 det
         border border NOUN NN 5 obj
         and and CCONJ CC 10 cc
         would would AUX MD 10 aux
         expel expel VERB VB 5 conj
         Ugandan Ugandan ADJ JJ 12 amod UGA
         diplomats diplomat NOUN NNS 10 obj
         . . PUNCT . 2 punct",
    );
    let expel = events
        .iter()
        .find(|e| e.cameo.starts_with("13") || e.cameo.starts_with("16"));
    assert!(expel.is_some(), "{events:?}");
    assert_eq!(expel.unwrap().modality, kestrel_core::Modality::Future);
}

#[test]
fn coder_reads_a_people_named_with_a_nationality() {
    // "Velorian Kurds demonstrated ."
    let (_, ev) = code(
        "Velorian Velorian ADJ JJ 2 amod VLR
         Kurds Kurd PROPN NNPS 3 nsubj
         demonstrated demonstrate VERB VBD 0 root
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "PROTEST");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    // Named no target, the protest is aimed at the protesters' own government.
    let implied = &ev[0].recipients;
    assert_eq!(codes(implied), ["VLR"]);
    assert!(implied[0].implied && implied[0].span.is_empty());
    assert_eq!(implied[0].sector.as_deref(), Some("GOV"));
}

#[test]
fn coder_addresses_a_complaint_made_by_summoning_to_whom_was_summoned() {
    // "Ghana summoned Togo 's ambassador to complain ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         summoned summon VERB VBD 0 root
         Togo Togo PROPN NNP 5 nmod:poss TGO
         's 's PART POS 3 case
         ambassador ambassador NOUN NN 2 obj
         to to PART TO 7 mark
         complain complain VERB VB 2 advcl
         . . PUNCT . 2 punct",
    );
    let complaint = ev
        .iter()
        .find(|e| e.plover_type == "ACCUSE")
        .expect("{ev:?}");
    assert_eq!(codes(&complaint.actors), ["GHA"]);
    assert_eq!(codes(&complaint.recipients), ["TGO"]);
}

#[test]
fn coder_codes_a_demand_restated() {
    // "Ghana reiterated its demand for talks ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         reiterated reiterate VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss
         demand demand NOUN NN 2 obj
         for for ADP IN 6 case
         talks talk NOUN NNS 4 nmod
         . . PUNCT . 2 punct",
    );
    assert!(
        ev.iter()
            .any(|e| e.plover_type == "REQUEST" && codes(&e.actors) == ["GHA"]),
        "{ev:?}"
    );
}

#[test]
fn coder_reads_a_group_by_whom_it_is_of() {
    // "Supporters of the Velorian opposition marched ."
    let (_, ev) = code(
        "Supporters supporter NOUN NNS 6 nsubj
         of of ADP IN 5 case
         the the DET DT 5 det
         Velorian Velorian ADJ JJ 5 amod VLR
         opposition opposition NOUN NN 1 nmod
         marched march VERB VBD 0 root
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("OPP"));
}

#[test]
fn coder_implies_no_target_for_a_government_protest_or_a_named_one() {
    // "Velorian officials protested ." : a state's protest is aimed at someone it names.
    let (_, ev) = code(
        "Velorian Velorian ADJ JJ 2 amod VLR
         officials official NOUN NNS 3 nsubj
         protested protest VERB VBD 0 root
         . . PUNCT . 3 punct",
    );
    assert!(ev.iter().all(|e| e.recipients.is_empty()), "{ev:?}");
    // "Velorian Kurds demonstrated against Ghana ." : the named target stands alone.
    let (_, ev) = code(
        "Velorian Velorian ADJ JJ 2 amod VLR
         Kurds Kurd PROPN NNPS 3 nsubj
         demonstrated demonstrate VERB VBD 0 root
         against against ADP IN 5 case
         Ghana Ghana PROPN NNP 3 obl GHA
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
    assert!(!ev[0].recipients[0].implied);
}

#[test]
fn coder_gives_a_town_named_as_a_participant_its_country() {
    // "Ghana condemned Tarvik ." where Tarvik is a town the places stage put in Togo and no
    // actor dictionary lists.
    let mut d = doc("Ghana Ghana PROPN NNP 2 nsubj GHA
         condemned condemn VERB VBD 0 root
         Tarvik Tarvik PROPN NNP 2 obj -
         . . PUNCT . 2 punct");
    d.entities[1].kind = EntityKind::Gpe;
    town_at(&mut d, 1, "Tarvik", "TGO");
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_reads_forces_deployed_in_the_passive_as_their_countrys() {
    // "Velorian troops were deployed to Kostova ."
    let (_, ev) = code(
        "Velorian Velorian ADJ JJ 2 amod VLR
         troops troops NOUN NNS 4 nsubj:pass
         were be AUX VBD 4 aux:pass
         deployed deploy VERB VBN 0 root
         to to ADP IN 6 case
         Kostova Kostova PROPN NNP 4 obl KST
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "MOBILIZE");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MIL"));
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
}

#[test]
fn coder_reads_a_group_as_its_members_and_an_infinitive_on_the_object() {
    // "A group of Velorian diplomats met Tomas Ek ."
    let (_, ev) = code(
        "A a DET DT 2 det
         group group NOUN NN 6 nsubj
         of of ADP IN 5 case
         Velorian Velorian ADJ JJ 5 amod VLR
         diplomats diplomat NOUN NNS 2 nmod
         met meet VERB VBD 0 root
         Tomas Tomas PROPN NNP 6 obj KST/GOV
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    // "Velorian police ordered the newspaper to suspend publication ." with the infinitive
    // hung on "newspaper".
    let (_, ev) = code(
        "Velorian Velorian ADJ JJ 2 amod VLR
         police police NOUN NNS 3 nsubj
         ordered order VERB VBD 0 root
         the the DET DT 5 det
         newspaper newspaper NOUN NN 3 obj
         to to PART TO 7 mark
         suspend suspend VERB VB 5 acl
         publication publication NOUN NN 7 obj
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].cameo, "1721");
}

#[test]
fn coder_reads_no_recipient_in_the_entrys_own_phrase() {
    // "Kostova lifted the state of emergency ." names no recipient ("state" is part of the
    // phrase, not a government).
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         lifted lift VERB VBD 0 root
         the the DET DT 4 det
         state state NOUN NN 2 obj
         of of ADP IN 6 case
         emergency emergency NOUN NN 4 nmod
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].cameo, "0814");
    assert!(ev[0].recipients.is_empty(), "{:?}", ev[0].recipients);
}

#[test]
fn coder_reads_an_action_announced_on_a_condition_as_a_threat() {
    // "Kostova will boycott the talks unless Velor pays ."
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         will will AUX MD 3 aux
         boycott boycott VERB VB 0 root
         the the DET DT 5 det
         talks talk NOUN NNS 3 obj
         unless unless SCONJ IN 8 mark
         Velor Velor PROPN NNP 8 nsubj VLR
         pays pay VERB VBZ 3 advcl
         . . PUNCT . 3 punct",
    );
    let threat = ev.iter().find(|e| e.plover_type == "THREATEN");
    assert!(threat.is_some(), "{ev:?}");
    assert_eq!(threat.unwrap().modality, Modality::Future);
    // Without the condition it is an announced boycott.
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         will will AUX MD 3 aux
         boycott boycott VERB VB 0 root
         the the DET DT 5 det
         talks talk NOUN NNS 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "THREATEN"), "{ev:?}");
}

#[test]
fn coder_reads_a_hostile_act_that_may_come_on_a_condition_as_a_threat() {
    // "Kostova may halt its mediation if Velor attacks ."
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         may may AUX MD 3 aux
         halt halt VERB VB 0 root
         its its PRON PRP$ 5 nmod:poss
         mediation mediation NOUN NN 3 obj
         if if SCONJ IN 8 mark
         Velor Velor PROPN NNP 8 nsubj VLR
         attacks attack VERB VBZ 3 advcl
         . . PUNCT . 3 punct",
    );
    let threat = ev.iter().find(|e| e.plover_type == "THREATEN");
    assert_eq!(threat.map(|e| e.cameo.as_str()), Some("135"), "{ev:?}");
    // "Kostova may halt its mediation ." says nothing yet.
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         may may AUX MD 3 aux
         halt halt VERB VB 0 root
         its its PRON PRP$ 5 nmod:poss
         mediation mediation NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Kostovan nurses could strike if Velor cuts pay ." threatens a strike, not an attack.
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         nurses nurse NOUN NNS 4 nsubj
         could could AUX MD 4 aux
         strike strike VERB VB 0 root
         if if SCONJ IN 7 mark
         Velor Velor PROPN NNP 7 nsubj VLR
         cuts cut VERB VBZ 4 advcl
         pay pay NOUN NN 7 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("THREATEN", "133"));
}

#[test]
fn coder_reads_an_announced_boycott_or_strike_as_a_threat() {
    // "Kostova will boycott all contact with Velor ."
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         will will AUX MD 3 aux
         boycott boycott VERB VB 0 root
         all all DET DT 5 det
         contact contact NOUN NN 3 obj
         with with ADP IN 7 case
         Velor Velor PROPN NNP 5 nmod VLR
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("THREATEN", "1312"));
    // "Kostovan miners will strike ."
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         miners miner NOUN NNS 4 nsubj
         will will AUX MD 4 aux
         strike strike VERB VB 0 root
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("THREATEN", "133"));
}

#[test]
fn coder_reads_a_share_of_a_group_as_the_group_whatever_the_parser_hung_it_on() {
    // "One third of Kostovan rebels were demobilized ." with "rebels" an oblique of "third".
    let (_, ev) = code(
        "One one NUM CD 2 nummod
         third third ADJ JJ 7 nsubj:pass
         of of ADP IN 5 case
         Kostovan Kostovan ADJ JJ 5 amod KST
         rebels rebel NOUN NNS 2 obl
         were be AUX VBD 7 aux:pass
         demobilized demobilize VERB VBN 0 root
         . . PUNCT . 7 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "RETREAT");
    assert_eq!(codes(&ev[0].actors), ["KST"]);
}

#[test]
fn coder_looks_past_an_object_that_names_no_one_for_whom_it_goes_to() {
    // "Kostova sent doctors to a camp in Velor ."
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         sent send VERB VBD 0 root
         doctors doctor NOUN NNS 2 obj
         to to ADP IN 6 case
         a a DET DT 6 det
         camp camp NOUN NN 3 nmod
         in in ADP IN 8 case
         Velor Velor PROPN NNP 6 nmod VLR
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "AID");
    assert_eq!(codes(&ev[0].recipients), ["VLR"]);
}

#[test]
fn coder_puts_a_restriction_that_names_no_one_on_the_states_own_country() {
    // "The Kostovan government imposed a curfew ."
    let (_, ev) = code(
        "The the DET DT 3 det
         Kostovan Kostovan ADJ JJ 3 amod KST
         government government NOUN NN 4 nsubj
         imposed impose VERB VBD 0 root
         a a DET DT 6 det
         curfew curfew NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "COERCE");
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
    assert!(ev[0].recipients[0].implied);
    // Rebels are no arm of the state: no one is implied.
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         rebels rebel NOUN NNS 3 nsubj
         imposed impose VERB VBD 0 root
         a a DET DT 5 det
         curfew curfew NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(ev.iter().all(|e| e.recipients.is_empty()), "{ev:?}");
}

#[test]
fn coder_finds_a_protests_target_in_the_purpose_it_states() {
    // "Kostovan students began a hunger strike to protest Velor 's decision ."
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         students student NOUN NNS 3 nsubj
         began begin VERB VBD 0 root
         a a DET DT 6 det
         hunger hunger NOUN NN 6 compound
         strike strike NOUN NN 3 obj
         to to PART TO 8 mark
         protest protest VERB VB 6 acl
         Velor Velor PROPN NNP 11 nmod:poss VLR
         's 's PART POS 9 case
         decision decision NOUN NN 8 obj
         . . PUNCT . 3 punct",
    );
    let protest = ev.iter().find(|e| e.plover_type == "PROTEST");
    assert!(protest.is_some(), "{ev:?}");
    assert_eq!(codes(&protest.unwrap().recipients), ["VLR"]);
}

#[test]
fn coder_aims_an_investigation_of_wrongs_at_those_who_did_them() {
    // "Kostova is investigating crimes by Velori troops against Upland civilians ." with
    // both phrases read as the verb's.
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 3 nsubj KST
         is be AUX VBZ 3 aux
         investigating investigate VERB VBG 0 root
         crimes crime NOUN NNS 3 obj
         by by ADP IN 7 case
         Velori Velori ADJ JJ 7 amod VLR
         troops troops NOUN NNS 3 obl
         against against ADP IN 10 case
         Upland Upland ADJ JJ 10 amod UPL
         civilians civilian NOUN NNS 3 obl
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(codes(&ev[0].recipients), ["VLR"]);
}

#[test]
fn coder_reads_an_exercise_by_two_countries_forces_as_cooperation() {
    // "Kostovan and Velori warships launched ten days of war games ."
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 4 amod KST
         and and CCONJ CC 3 cc
         Velori Velori ADJ JJ 1 conj VLR
         warships warship NOUN NNS 5 nsubj
         launched launch VERB VBD 0 root
         ten ten NUM CD 7 nummod
         days day NOUN NNS 5 obj
         of of ADP IN 10 case
         war war NOUN NN 10 compound
         games game NOUN NNS 7 nmod
         . . PUNCT . 5 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("COOPERATE", "062"));
    assert_eq!(codes(&ev[0].actors), ["KST", "VLR"]);
    // One country's forces: a show of force.
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         warships warship NOUN NNS 3 nsubj
         launched launch VERB VBD 0 root
         war war NOUN NN 5 compound
         games game NOUN NNS 3 obj
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "MOBILIZE");
}

#[test]
fn coder_skips_what_a_present_tense_before_clause_says_is_still_to_come() {
    // "Velor must pay before Kostovan rebels disarm ."
    let (_, ev) = code(
        "Velor Velor PROPN NNP 3 nsubj VLR
         must must AUX MD 3 aux
         pay pay VERB VB 0 root
         before before SCONJ IN 7 mark
         Kostovan Kostovan ADJ JJ 6 amod KST
         rebels rebel NOUN NNS 7 nsubj
         disarm disarm VERB VBP 3 advcl
         . . PUNCT . 3 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "RETREAT"), "{ev:?}");
    // In the past tense it happened: "Velor paid before Kostovan rebels disarmed ."
    let (_, ev) = code(
        "Velor Velor PROPN NNP 2 nsubj VLR
         paid pay VERB VBD 0 root
         before before SCONJ IN 6 mark
         Kostovan Kostovan ADJ JJ 5 amod KST
         rebels rebel NOUN NNS 6 nsubj
         disarmed disarm VERB VBD 2 advcl
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "RETREAT"), "{ev:?}");
}

#[test]
fn coder_reads_a_strike_by_workers_as_a_protest() {
    // "Kostovan miners struck ."
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         miners miner NOUN NNS 3 nsubj
         struck strike VERB VBD 0 root
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "PROTEST");
}

#[test]
fn coder_reads_an_infinitive_parsed_as_a_purpose_as_the_complement() {
    // "Kostova agreed on Friday to provide aid to Velor ." with "provide" an `advcl`.
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         agreed agree VERB VBD 0 root
         on on ADP IN 4 case
         Friday Friday PROPN NNP 2 obl
         to to PART TO 6 mark
         provide provide VERB VB 2 advcl
         aid aid NOUN NN 6 obj
         to to ADP IN 9 case
         Velor Velor PROPN NNP 6 obl VLR
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "AGREE");
    assert_eq!(ev[0].cameo, "033");
    assert_eq!(codes(&ev[0].recipients), ["VLR"]);
}

#[test]
fn coder_reads_partners_as_the_body_named_before_them() {
    // "Kostova urged its Nato partners to act ." and "... urged its partners ...".
    let rows = |modifier: &str| {
        format!(
            "Kostova Kostova PROPN NNP 2 nsubj KST
             urged urge VERB VBD 0 root
             its its PRON PRP$ 5 nmod:poss KST
             {modifier}
             partners partner NOUN NNS 2 obj
             to to PART TO 7 mark
             act act VERB VB 2 xcomp
             . . PUNCT . 2 punct"
        )
    };
    let (_, ev) = code(&rows("Nato Nato PROPN NNP 5 compound IGOWSTNAT"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].recipients), ["IGOWSTNAT"]);
    let (_, ev) = code(&rows("new new ADJ JJ 5 amod"));
    assert!(ev.iter().all(|e| codes(&e.recipients) != ["KST"]), "{ev:?}");
}

#[test]
fn coder_reads_a_people_where_it_lives_as_of_that_country() {
    // "Velorians in Kostova demanded autonomy ."
    let (_, ev) = code(
        "Velorians Velorian PROPN NNPS 4 nsubj VLR
         in in ADP IN 3 case
         Kostova Kostova PROPN NNP 1 nmod KST
         demanded demand VERB VBD 0 root
         autonomy autonomy NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["KST"]);
}

#[test]
fn coder_reads_a_demand_in_a_that_clause_parsed_as_adverbial() {
    // "Kostova declared Tuesday that Velor must withdraw ." with the clause an `advcl`.
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         declared declare VERB VBD 0 root
         Tuesday Tuesday PROPN NNP 2 obl:unmarked
         that that SCONJ IN 7 mark
         Velor Velor PROPN NNP 7 nsubj VLR
         must must AUX MD 7 aux
         withdraw withdraw VERB VB 2 advcl
         . . PUNCT . 2 punct",
    );
    let demand = ev.iter().find(|e| e.plover_type == "REQUEST");
    assert!(demand.is_some(), "{ev:?}");
    assert_eq!(codes(&demand.unwrap().recipients), ["VLR"]);
}

#[test]
fn coder_finds_the_recipient_after_coordinated_objects() {
    // "Velor sent tents and medical supplies to Kostova ." with "to Kostova" on "supplies".
    let (_, ev) = code(
        "Velor Velor PROPN NNP 2 nsubj VLR
         sent send VERB VBD 0 root
         tents tent NOUN NNS 2 obj
         and and CCONJ CC 6 cc
         medical medical ADJ JJ 6 amod
         supplies supplies NOUN NNS 3 conj
         to to ADP IN 8 case
         Kostova Kostova PROPN NNP 6 nmod KST
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "AID");
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
}

#[test]
fn coder_reads_a_completed_withdrawal_as_one_that_took_place() {
    // "Velor completed the withdrawal of its troops from Kostova ."
    let (_, ev) = code(
        "Velor Velor PROPN NNP 2 nsubj VLR
         completed complete VERB VBD 0 root
         the the DET DT 4 det
         withdrawal withdrawal NOUN NN 2 obj
         of of ADP IN 7 case
         its its PRON PRP$ 7 nmod:poss VLR
         troops troops NOUN NNS 4 nmod
         from from ADP IN 9 case
         Kostova Kostova PROPN NNP 4 nmod KST
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "RETREAT");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
}

#[test]
fn coder_gives_an_arrest_without_agent_to_the_country_it_was_made_in() {
    // "A Norland reporter was arrested in Vesk ." and "... was attacked in Vesk .".
    let rows = |verb: &str, lemma: &str| {
        format!(
            "A a DET DT 3 det
             Norland Norland ADJ JJ 3 amod NRL
             reporter reporter NOUN NN 5 nsubj:pass
             was be AUX VBD 5 aux:pass
             {verb} {lemma} VERB VBN 0 root
             in in ADP IN 7 case
             Vesk Vesk PROPN NNP 5 obl VSK
             . . PUNCT . 5 punct"
        )
    };
    let (_, ev) = code(&rows("arrested", "arrest"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "COERCE");
    assert_eq!(codes(&ev[0].actors), ["VSK"]);
    assert_eq!(codes(&ev[0].recipients), ["NRL"]);
    // Anyone may attack: the place names no perpetrator.
    let (_, ev) = code(&rows("attacked", "attack"));
    assert!(ev.iter().all(|e| codes(&e.actors) != ["VSK"]), "{ev:?}");
    // "Mensah was detained in Vesk .": the place that acts is not also the recipient.
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 3 nsubj:pass -
         was be AUX VBD 3 aux:pass
         detained detain VERB VBN 0 root
         in in ADP IN 5 case
         Vesk Vesk PROPN NNP 3 obl VSK
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VSK"]);
    assert!(codes(&ev[0].recipients).is_empty(), "{ev:?}");
}

#[test]
fn coder_reads_up_to_as_a_count_and_finds_where_the_troops_go() {
    // "Velor is ready to send up to 500 troops to a force in Kostova ."
    let (_, ev) = code(
        "Velor Velor PROPN NNP 3 nsubj VLR
         is be AUX VBZ 3 cop
         ready ready ADJ JJ 0 root
         to to PART TO 5 mark
         send send VERB VB 3 xcomp
         up up ADP RP 5 compound:prt
         to to ADP IN 9 case
         500 500 NUM CD 9 nummod
         troops troops NOUN NNS 5 obl
         to to ADP IN 12 case
         a a DET DT 12 det
         force force NOUN NN 9 nmod
         in in ADP IN 14 case
         Kostova Kostova PROPN NNP 12 nmod KST
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "AGREE");
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
}

#[test]
fn coder_reads_the_subject_of_engaged_in_as_the_actor() {
    // "Velor forces were engaged in fighting with Kostova ." with "were" the passive
    // auxiliary.
    let (_, ev) = code(
        "Velor Velor ADJ JJ 2 amod VLR
         forces force NOUN NNS 4 nsubj:pass
         were be AUX VBD 4 aux:pass
         engaged engage VERB VBN 0 root
         in in ADP IN 6 case
         fighting fighting NOUN NN 4 obl
         with with ADP IN 8 case
         Kostova Kostova PROPN NNP 6 nmod KST
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
}

#[test]
fn coder_reads_meeting_a_target_as_no_meeting_and_an_attack_on_plans_as_criticism() {
    // "Norland met its deficit target ."
    let (_, ev) = code(
        "Norland Norland PROPN NNP 2 nsubj NRL
         met meet VERB VBD 0 root
         its its PRON PRP$ 5 nmod:poss NRL
         deficit deficit NOUN NN 5 compound
         target target NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Kostova launched an attack on Velor 's budget plans ."
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         launched launch VERB VBD 0 root
         an a DET DT 4 det
         attack attack NOUN NN 2 obj
         on on ADP IN 9 case
         Velor Velor PROPN NNP 9 nmod:poss VLR
         's 's PART POS 6 case
         budget budget NOUN NN 9 compound
         plans plan NOUN NNS 4 nmod
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(codes(&ev[0].actors), ["KST"]);
    assert_eq!(codes(&ev[0].recipients), ["VLR"]);
}

#[test]
fn coder_reads_fighting_a_problem_as_no_assault() {
    // "Norland 's army again fought corruption ." and "... again fought the rebels ."
    let sentence = |object: &str| {
        format!(
            "Norland Norland PROPN NNP 3 nmod:poss NRL
             's 's PART POS 1 case
             army army NOUN NN 5 nsubj
             again again ADV RB 5 advmod
             fought fight VERB VBD 0 root
             {object}
             . . PUNCT . 5 punct"
        )
    };
    let (_, ev) = code(&sentence("corruption corruption NOUN NN 5 obj"));
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(&sentence(
        "the the DET DT 7 det
             rebels rebel NOUN NNS 5 obj",
    ));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
}

#[test]
fn coder_reads_asking_why_as_a_question_not_a_request() {
    // "Kostova asked why Velor closed the border ." and "Kostova asked Velor to open the
    // border .".
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         asked ask VERB VBD 0 root
         why why ADV WRB 5 advmod
         Velor Velor PROPN NNP 5 nsubj VLR
         closed close VERB VBD 2 ccomp
         the the DET DT 7 det
         border border NOUN NN 5 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "REQUEST"), "{ev:?}");
    let (_, ev) = code(
        "Kostova Kostova PROPN NNP 2 nsubj KST
         asked ask VERB VBD 0 root
         Velor Velor PROPN NNP 2 obj VLR
         to to PART TO 5 mark
         open open VERB VB 2 xcomp
         the the DET DT 7 det
         border border NOUN NN 5 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "REQUEST"), "{ev:?}");
}

#[test]
fn coder_knows_a_sports_report_by_its_words() {
    use kestrel_core::Stage;
    let segmented = |text: &str| {
        let mut d = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut d);
        d
    };
    let sport = "Vesk City beat Norland Rovers 3-1 in the league on Saturday. The striker \
scored twice before half-time and the goalkeeper saved a penalty. Their coach praised the \
squad after the match, and the captain said the team would fight for the cup. The referee \
sent off a defender late in the second half, and the fans sang until the final whistle. \
Rovers stay bottom of the league with four matches left in the season, and their \
midfielder faces a ban before the derby at the stadium next week.";
    let d = segmented(sport);
    let (words, total) = kestrel_events::sports_report(&d).expect("a sports report");
    assert!(words >= 10 && total >= 80, "{words} of {total}");
    let politics = "The parliament of Vesk voted on Tuesday to impose sanctions on Norland \
after its troops crossed the border. The foreign minister said the measures would stay until \
the troops withdrew, and the opposition leader accused the government of acting too late. \
Norland's ambassador rejected the charges and warned that his country would respond. The \
United Nations urged both sides to return to talks, and a mediator from the regional bloc \
said she would visit both capitals before the end of the month to meet their leaders.";
    assert_eq!(kestrel_events::sports_report(&segmented(politics)), None);
    // One sentence is too little to tell.
    assert_eq!(
        kestrel_events::sports_report(&segmented("The striker scored a goal in the cup match.")),
        None
    );
}

#[test]
fn an_unknown_long_name_takes_the_actor_of_its_known_short_form() {
    // "The Upland Herders League (UHL) condemned Togo ." with only the short form known.
    let (_, ev) = code(
        "The the DET DT 4 det
         Upland Upland PROPN NNP 4 compound
         Herders Herders PROPN NNPS 4 compound
         League League PROPN NNP 9 nsubj -
         ( ( PUNCT -LRB- 6 punct
         UHL UHL PROPN NNP 4 appos GHA
         ) ) PUNCT -RRB- 6 punct
         today today NOUN NN 9 obl:unmarked
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 9 obj TGO
         . . PUNCT . 9 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn of_two_subjects_the_one_that_names_someone_acts() {
    // "Up to 300 Kenyans marched against Uganda ." with "Up" read as a subject too.
    let (_, ev) = code(
        "Up up ADP IN 5 nsubj
         to to ADP IN 1 fixed
         300 300 NUM CD 1 nummod
         Kenyans Kenyans PROPN NNPS 5 nsubj KEN
         marched march VERB VBD 0 root
         against against ADP IN 7 case
         Uganda Uganda PROPN NNP 5 obl UGA
         . . PUNCT . 5 punct",
    );
    assert!(!ev.is_empty());
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
}

#[test]
fn coder_reads_machines_as_the_force_that_runs_them() {
    // "Velor army bulldozers demolished Kostovan homes ."
    let (_, ev) = code(
        "Velor Velor ADJ JJ 2 amod VLR
         army army NOUN NN 3 compound
         bulldozers bulldozer NOUN NNS 4 nsubj
         demolished demolish VERB VBD 0 root
         Kostovan Kostovan ADJ JJ 6 amod KST
         homes home NOUN NNS 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MIL"));
    // A compound before a word that is no machine says nothing of who acts: "the company
    // points" is no company.
    let (_, ev) = code(
        "The the DET DT 3 det
         company company NOUN NN 3 compound
         points point NOUN NNS 4 nsubj
         demolished demolish VERB VBD 0 root
         Kostovan Kostovan ADJ JJ 6 amod KST
         homes home NOUN NNS 4 obj
         . . PUNCT . 4 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn coder_reads_supporters_as_of_their_leaders_country_not_office() {
    // "Supporters of President Velan blocked roads ." with Velan a Kostovan official.
    let (_, ev) = code(
        "Supporters supporter NOUN NNS 5 nsubj
         of of ADP IN 4 case
         President President PROPN NNP 4 nmod:desc
         Velan Velan PROPN NNP 1 nmod KST/GOV
         blocked block VERB VBD 0 root
         roads road NOUN NNS 5 obj
         . . PUNCT . 5 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["KST"]);
    assert_eq!(ev[0].actors[0].sector, None);
}

#[test]
fn coder_gives_a_body_the_country_it_is_based_in() {
    // "A newspaper based in Velor accused Kostova ." and "A Velor-based group accused
    // Kostova .".
    let (_, ev) = code(
        "A a DET DT 2 det
         newspaper newspaper NOUN NN 6 nsubj
         based base VERB VBN 2 acl
         in in ADP IN 5 case
         Velor Velor PROPN NNP 3 obl VLR
         accused accuse VERB VBD 0 root
         Kostova Kostova PROPN NNP 6 obj KST
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("JRN"));
    let (_, ev) = code(
        "A a DET DT 5 det
         Velor Velor PROPN NNP 4 obl:unmarked VLR
         - - PUNCT HYPH 2 punct
         based base VERB VBN 5 amod
         group group NOUN NN 6 nsubj
         accused accuse VERB VBD 0 root
         Kostova Kostova PROPN NNP 6 obj KST
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
}

#[test]
fn coder_places_an_unknown_organisation_in_the_one_country_of_a_domestic_event() {
    // "Kostovan police raided Vemtor ." with Vemtor an organisation no dictionary knows.
    let rows = |country: &str| {
        format!(
            "Kostovan Kostovan ADJ JJ 2 amod KST
             police police NOUN NN 3 nsubj
             raided raid VERB VBD 0 root
             Vemtor Vemtor PROPN NNP 3 obj ?
             in in ADP IN 6 case
             {country}
             . . PUNCT . 3 punct"
        )
    };
    let (_, ev) = code(&rows("Kostova Kostova PROPN NNP 3 obl KST"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].recipients), ["KST"]);
    // Another country named: the organisation may be from there.
    let (_, ev) = code(&rows("Velor Velor PROPN NNP 3 obl VLR"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(codes(&ev[0].recipients).is_empty(), "{ev:?}");
}

#[test]
fn coder_gives_an_attack_by_no_one_named_the_attackers_of_its_place() {
    // "A bomb in Velor killed two Kostovan soldiers ." with the places stage having put the
    // event in Velor.
    let rows = "A a DET DT 2 det
         bomb bomb NOUN NN 5 nsubj
         in in ADP IN 4 case
         Velor Velor PROPN NNP 2 nmod VLR
         killed kill VERB VBD 0 root
         two two NUM CD 8 nummod
         Kostovan Kostovan ADJ JJ 8 amod KST
         soldiers soldier NOUN NNS 5 obj
         . . PUNCT . 5 punct";
    let mut d = doc(rows);
    town_at(&mut d, 0, "Velor", "VLR");
    let ev = Coder::builtin().unwrap().code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["VLR"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("UAF"));
    assert!(ev[0].actors[0].implied);
}

#[test]
fn coder_aims_a_protest_by_people_placed_only_by_its_place_at_their_government() {
    // "Students protested in Velor ." with the places stage having put the event in Velor:
    // the students are Velori, and so is the government they protest to.
    let rows = "Students student NOUN NNS 2 nsubj
         protested protest VERB VBD 0 root
         in in ADP IN 4 case
         Velor Velor PROPN NNP 2 obl VLR
         . . PUNCT . 2 punct";
    let mut d = doc(rows);
    town_at(&mut d, 0, "Velor", "VLR");
    let ev = Coder::builtin().unwrap().code(&d);
    let protest = ev.iter().find(|e| e.plover_type == "PROTEST");
    assert!(protest.is_some(), "{ev:?}");
    let protest = protest.unwrap();
    assert_eq!(codes(&protest.actors), ["VLR"]);
    assert_eq!(codes(&protest.recipients), ["VLR"]);
    assert!(protest.recipients[0].implied);
}

#[test]
fn coder_takes_a_protests_target_from_in_defiance_of() {
    // "Kostovan students blocked roads in defiance of Velor ."
    let (_, ev) = code(
        "Kostovan Kostovan ADJ JJ 2 amod KST
         students student NOUN NNS 3 nsubj
         blocked block VERB VBD 0 root
         roads road NOUN NNS 3 obj
         in in ADP IN 6 case
         defiance defiance NOUN NN 3 obl
         of of ADP IN 8 case
         Velor Velor PROPN NNP 6 nmod VLR
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "PROTEST");
    assert_eq!(codes(&ev[0].recipients), ["VLR"]);
    assert!(!ev[0].recipients[0].implied);
}

#[test]
fn coder_shares_a_participants_country_across_the_events_of_its_sentence() {
    // "Students continued their hunger strike to demand the resignation of President Velan ."
    let (_, ev) = code(
        "Students student NOUN NNS 2 nsubj
         continued continue VERB VBD 0 root
         their their PRON PRP$ 5 nmod:poss
         hunger hunger NOUN NN 5 compound
         strike strike NOUN NN 2 obj
         to to PART TO 7 mark
         demand demand VERB VB 2 advcl
         the the DET DT 9 det
         resignation resignation NOUN NN 7 obj
         of of ADP IN 12 case
         President President PROPN NNP 12 nmod:desc
         Velan Velan PROPN NNP 9 nmod KST/GOV
         . . PUNCT . 2 punct",
    );
    let strike = ev
        .iter()
        .find(|e| e.plover_type == "PROTEST")
        .expect("the strike");
    let demand = ev
        .iter()
        .find(|e| e.plover_type == "REQUEST")
        .expect("the demand");
    assert_eq!(codes(&demand.actors), ["KST"], "{ev:?}");
    assert_eq!(codes(&strike.actors), ["KST"], "{ev:?}");
    assert_eq!(codes(&strike.recipients), ["KST"], "{ev:?}");
}

#[test]
fn a_noun_with_a_named_person_beside_it_stands_for_that_person() {
    // "Ghana 's minister met her Togolese counterpart Mensah ." with "Mensah" an appositive.
    let (d, ev) = code(
        "Ghana Ghana PROPN NNP 3 nmod:poss GHA
         's 's PART POS 1 case
         minister minister NOUN NN 4 nsubj
         met meet VERB VBD 0 root
         her her PRON PRP$ 7 nmod:poss
         Togolese Togolese ADJ JJ 7 amod TGO
         counterpart counterpart NOUN NN 4 obj
         Mensah Mensah PROPN NNP 7 appos TGO/GOV
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1);
    let recipient = &ev[0].recipients[0];
    assert_eq!(&d.text[recipient.span.start..recipient.span.end], "Mensah");
    assert_eq!(recipient.sector.as_deref(), Some("GOV"));
}

#[test]
fn a_title_with_the_name_hung_flat_on_it_stands_for_the_person() {
    // "Vice-President Mensah condemned Togo ." with the name read as flat on the title.
    let (d, ev) = code(
        "Vice-President vice-president PROPN NNP 3 nsubj
         Mensah Mensah PROPN NNP 1 flat GHA/GOV
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1);
    let actor = &ev[0].actors[0];
    assert_eq!(&d.text[actor.span.start..actor.span.end], "Mensah");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
}

#[test]
fn what_is_sent_gives_way_to_whom_it_is_sent_to() {
    // "Ghana sent doctors to Togo ." with "doctors" the object: the object names no country,
    // the "to" phrase does.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         sent send VERB VBD 0 root
         doctors doctor NOUN NNS 2 obj
         to to ADP IN 5 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert!(!ev.is_empty());
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn an_organisation_named_before_a_body_noun_is_the_body() {
    // "The Velor Council forum condemned Togo ." with the name a compound of "forum".
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc("The the DET DT 3 det
         Velor Velor PROPN NNP 3 compound IGO
         forum forum NOUN NN 4 nsubj
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 4 obj TGO
         . . PUNCT . 4 punct");
    d.entities[0].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["IGO"]);
}

#[test]
fn a_title_stands_for_the_person_hung_on_it_through_of() {
    // "Secretary of State Mensah condemned Togo ." with the name an nmod of the title.
    let (_, ev) = code(
        "Secretary secretary PROPN NNP 5 nsubj
         of of ADP IN 4 case
         State State PROPN NNP 4 compound
         Mensah Mensah PROPN NNP 1 nmod GHA/GOV
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 5 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
}

#[test]
fn agents_the_verb_moves_stand_for_the_place_it_puts_them() {
    // "Ghana refused to deploy troops in Togo ." with "in Togo" an oblique of "deploy".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         refused refuse VERB VBD 0 root
         to to PART TO 4 mark
         deploy deploy VERB VB 2 xcomp
         troops troop NOUN NNS 4 obj
         in in ADP IN 7 case
         Togo Togo PROPN NNP 4 obl TGO
         . . PUNCT . 2 punct",
    );
    assert!(!ev.is_empty());
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn a_threats_condition_deep_in_the_threatened_action_names_whom_it_is_aimed_at() {
    // "Ghana threatened to end talks to cut tariffs if Togo raises duties ." with the
    // condition hung on "cut".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         threatened threaten VERB VBD 0 root
         to to PART TO 4 mark
         end end VERB VB 2 xcomp
         talks talk NOUN NNS 4 obj
         to to PART TO 7 mark
         cut cut VERB VB 4 advcl
         tariffs tariff NOUN NNS 7 obj
         if if SCONJ IN 11 mark
         Togo Togo PROPN NNP 11 nsubj TGO
         raises raise VERB VBZ 7 advcl
         duties duty NOUN NNS 11 obj
         . . PUNCT . 2 punct",
    );
    let threat = ev
        .iter()
        .find(|e| e.plover_type == "THREATEN")
        .expect("a threat");
    assert_eq!(codes(&threat.recipients), ["TGO"]);
}

#[test]
fn a_phrase_on_the_verbs_adverb_can_name_the_recipient() {
    // "Ghana took aid away from Togo ." with "from Togo" on "away", as UD hangs it.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         took take VERB VBD 0 root
         aid aid NOUN NN 2 obj
         away away ADV RB 2 advmod
         from from ADP IN 6 case
         Togo Togo PROPN NNP 4 obl TGO
         . . PUNCT . 2 punct",
    );
    let e = ev
        .iter()
        .find(|e| !e.recipients.is_empty())
        .expect("an event with a recipient");
    assert_eq!(codes(&e.recipients), ["TGO"]);
}

#[test]
fn a_country_named_only_in_the_reports_source_leaves_a_group_domestic() {
    // "Ghanaian police arrested opponents , a Togolese official said ." The official's
    // country says who told, not whose the opponents are.
    let (_, ev) = code(
        "Ghanaian Ghanaian ADJ JJ 2 amod GHA
         police police NOUN NNS 3 nsubj
         arrested arrest VERB VBD 9 ccomp
         opponents opponent NOUN NNS 3 obj
         , , PUNCT , 3 punct
         a a DET DT 8 det
         Togolese Togolese ADJ JJ 8 amod TGO
         official official NOUN NN 9 nsubj
         said say VERB VBD 0 root
         . . PUNCT . 9 punct",
    );
    let arrest = ev
        .iter()
        .find(|e| e.plover_type == "COERCE")
        .expect("the arrest");
    assert_eq!(codes(&arrest.recipients), ["GHA"]);
}

#[test]
fn a_state_easing_its_curfew_eases_it_on_its_own_country() {
    // "The Ghanaian government lifted the curfew ." names no one the curfew was on.
    let (_, ev) = code(
        "The the DET DT 3 det
         Ghanaian Ghanaian ADJ JJ 3 amod GHA
         government government NOUN NN 4 nsubj
         lifted lift VERB VBD 0 root
         the the DET DT 6 det
         curfew curfew NOUN NN 4 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(ev[0].cameo.starts_with("081"));
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
}

#[test]
fn an_acts_purpose_names_whom_it_is_for() {
    // "Ghana opened the border to allow the delivery of grain to Togo ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         opened open VERB VBD 0 root
         the the DET DT 4 det
         border border NOUN NN 2 obj
         to to PART TO 6 mark
         allow allow VERB VB 2 advcl
         the the DET DT 8 det
         delivery delivery NOUN NN 6 obj
         of of ADP IN 10 case
         grain grain NOUN NN 8 nmod
         to to ADP IN 12 case
         Togo Togo PROPN NNP 10 nmod TGO
         . . PUNCT . 2 punct",
    );
    let opened = ev
        .iter()
        .find(|e| e.cameo.starts_with("08"))
        .expect("the opening");
    assert_eq!(codes(&opened.recipients), ["TGO"]);
}

#[test]
fn an_event_noun_as_subject_takes_its_clauses_object_as_recipient() {
    // "Ghanaian attacks reached Togo ." with the noun the clause's subject.
    let (_, ev) = code(
        "Ghanaian Ghanaian ADJ JJ 2 amod GHA
         attacks attack NOUN NNS 3 nsubj
         reached reach VERB VBD 0 root
         Togo Togo PROPN NNP 3 obj TGO
         . . PUNCT . 3 punct",
    );
    let attack = ev
        .iter()
        .find(|e| e.plover_type == "ASSAULT")
        .expect("the attacks");
    assert_eq!(codes(&attack.actors), ["GHA"]);
    assert_eq!(codes(&attack.recipients), ["TGO"]);
}

#[test]
fn coder_reads_who_after_a_comma_as_the_name_before_it() {
    // The relative clause read as a clause of its own (parataxis): "who" is still Ruiz.
    let (_, events) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         thanked thank VERB VBD 0 root
         Ruiz Ruiz PROPN NNP 2 obj CHL/GOV
         , , PUNCT , 6 punct
         who who PRON WP 6 nsubj
         criticised criticise VERB VBD 2 parataxis
         Peru Peru PROPN NNP 6 obj PER
         . . PUNCT . 2 punct",
    );
    let criticism = events
        .iter()
        .find(|e| e.plover_type == "ACCUSE")
        .expect("the criticism is coded");
    assert_eq!(codes(&criticism.actors), ["CHL"], "Ruiz, not Kenya");
    assert_eq!(codes(&criticism.recipients), ["PER"]);
}

#[test]
fn a_person_named_after_a_party_and_title_is_the_participant() {
    // "Verde MP Ana Ruiz condemned Togo ." with the name in apposition to the party.
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let rows = "Verde Verde PROPN NNP 5 nsubj GHA/PTY
         MP MP PROPN NNP 1 nmod:desc
         Ana Ana PROPN NNP 1 appos GHA/LEG
         Ruiz Ruiz PROPN NNP 3 flat
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 5 punct";
    let mut d = doc(rows);
    d.entities[0].kind = EntityKind::Org;
    d.entities[1].tokens = 2..4;
    d.entities[1].span = Span::new(d.tokens[2].span.start, d.tokens[3].span.end);
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    let actor = &ev[0].actors[0];
    assert_eq!(actor.entity, Some(1), "the person, not the party");
    assert_eq!(actor.sector.as_deref(), Some("LEG"));

    // "Verde , MP Ana Ruiz ...": a comma after the party sets the name apart from it.
    let rows = rows
        .replacen("MP MP", ", ,", 1)
        .replacen("nmod:desc", "punct", 1);
    let mut d = doc(&rows);
    d.entities[0].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev[0].actors[0].entity, Some(0));
}

#[test]
fn a_generic_title_keeps_the_sector_of_the_body_it_serves() {
    // "The Verde leader condemned Togo ." and "The Verde minister condemned Togo .": a leader
    // is the party's, a minister the government's.
    for (title, sector) in [("leader", "PTY"), ("minister", "GOV")] {
        let coder = Coder::builtin().expect("the shipped dictionary loads");
        let mut d = doc(&format!(
            "The the DET DT 3 det
             Verde Verde PROPN NNP 3 compound GHA/PTY
             {title} {title} NOUN NN 4 nsubj
             condemned condemn VERB VBD 0 root
             Togo Togo PROPN NNP 4 obj TGO
             . . PUNCT . 4 punct"
        ));
        d.entities[0].kind = EntityKind::Org;
        let ev = coder.code(&d);
        assert_eq!(ev.len(), 1, "{title}");
        assert_eq!(codes(&ev[0].actors), ["GHA"], "{title}");
        assert_eq!(ev[0].actors[0].sector.as_deref(), Some(sector), "{title}");
    }
}

#[test]
fn groups_with_no_country_take_the_one_country_the_story_names() {
    // "After talks with Ghana , unions condemned teachers ."
    let rows = "After after SCONJ IN 2 case
         talks talk NOUN NNS 7 obl
         with with ADP IN 4 case
         Ghana Ghana PROPN NNP 2 nmod GHA
         , , PUNCT , 7 punct
         unions union NOUN NNS 7 nsubj
         condemned condemn VERB VBD 0 root
         teachers teacher NOUN NNS 7 obj
         . . PUNCT . 7 punct";
    let accusation = |rows: &str| {
        let (_, ev) = code(rows);
        let e = ev
            .into_iter()
            .find(|e| e.plover_type == "ACCUSE")
            .expect("the condemnation is coded");
        let codes = |ps: &[kestrel_core::Participant]| -> Vec<Option<String>> {
            ps.iter().map(|p| p.code.clone()).collect()
        };
        (codes(&e.actors), codes(&e.recipients))
    };
    let ghana = Some("GHA".to_string());
    assert_eq!(accusation(rows), (vec![ghana.clone()], vec![ghana.clone()]));

    // "After talks in Ghana ...": a country named where something happens says less, but with
    // no other named it is still the story's own.
    assert_eq!(
        accusation(&rows.replace("with with", "in in")),
        (vec![ghana.clone()], vec![ghana.clone()])
    );

    // "European unions": a proper adjective no recogniser or dictionary knew still says
    // whose they are. (The adjective stands in for the comma, so the heads stay.)
    let european = rows.replace(", , PUNCT , 7 punct", "European European ADJ JJ 6 amod");
    assert_eq!(accusation(&european), (vec![None], vec![ghana.clone()]));

    // Refugees are most often from elsewhere.
    let refugees = rows.replace("unions union", "refugees refugee");
    assert_eq!(accusation(&refugees), (vec![None], vec![ghana]));

    // "After talks with Ghana and Togo ...": either country's.
    let two = "After after SCONJ IN 2 case
         talks talk NOUN NNS 9 obl
         with with ADP IN 4 case
         Ghana Ghana PROPN NNP 2 nmod GHA
         and and CCONJ CC 6 cc
         Togo Togo PROPN NNP 4 conj TGO
         , , PUNCT , 9 punct
         unions union NOUN NNS 9 nsubj
         condemned condemn VERB VBD 0 root
         teachers teacher NOUN NNS 9 obj
         . . PUNCT . 9 punct";
    assert_eq!(accusation(two), (vec![None], vec![None]));
}

#[test]
fn a_date_after_a_particle_preposition_is_not_its_argument() {
    // "Ghana called Togo a liar on Tuesday ." is name-calling, not a call on someone.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         a a DET DT 5 det
         liar liar NOUN NN 3 nmod:unmarked
         on on ADP IN 7 case
         Tuesday Tuesday PROPN NNP 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(
        ev.iter().all(|e| e.plover_type != "REQUEST"),
        "{:?}",
        ev.iter().map(type_and_code).collect::<Vec<_>>()
    );
    // "Ghana called on Togo on Tuesday ." still is.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         on on ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         on on ADP IN 6 case
         Tuesday Tuesday PROPN NNP 2 obl
         . . PUNCT . 2 punct",
    );
    assert_eq!(
        ev.iter().map(type_and_code).collect::<Vec<_>>(),
        [("REQUEST", "020")]
    );
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_reads_name_calling_whichever_way_the_parser_hangs_the_name() {
    // UD's reading: the name is the verb's `xcomp`.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         a a DET DT 5 det
         bully bully NOUN NN 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].plover_type.as_str(), ev[0].cameo.as_str()),
        ("ACCUSE", "111")
    );
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    // A bare noun hung on the object, as the parser also reads it.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         warmongers warmonger NOUN NNS 3 nmod
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].cameo, "111");
    // Praise given as a name.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         a a DET DT 5 det
         friend friend NOUN NN 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].plover_type.as_str(), ev[0].cameo.as_str()),
        ("SUPPORT", "051")
    );
}

#[test]
fn coder_leaves_calls_that_name_nothing_alone() {
    // "called Togo to settle": a governed verb is no name; "called Togo later": an adverb.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         later later ADV RB 2 advmod
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "ACCUSE"), "{ev:?}");
    // A word the dictionary does not list as a reproach.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         a a DET DT 5 det
         neighbour neighbour NOUN NN 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn coder_codes_whatever_is_branded_as_a_reproach() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         branded brand VERB VBD 0 root
         Togo Togo PROPN NNP 4 nmod:poss TGO
         plan plan NOUN NN 2 obj
         naive naive ADJ JJ 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].cameo, "111");
}

#[test]
fn coder_does_not_take_a_think_tank_for_tanks() {
    let (_, ev) = code(
        "A a DET DT 4 det
         think think NOUN NN 4 compound
         - - PUNCT HYPH 2 punct
         tank tank NOUN NN 5 nsubj
         condemned condemn VERB VBD 0 root
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 5 punct",
    );
    assert!(
        ev.iter()
            .all(|e| e.actors.iter().all(|a| a.sector.as_deref() != Some("MIL"))),
        "{ev:?}"
    );
}

#[test]
fn an_attack_on_a_party_or_between_people_is_made_in_words() {
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj GBR/PTY
         attacked attack VERB VBD 0 root
         Soto Soto PROPN NNP 2 obj GBR/GOV
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].plover_type.as_str(), ev[0].cameo.as_str()),
        ("ACCUSE", "111")
    );
    assert_eq!(ev[0].mode.as_deref(), Some("disapprove"));
    // A country's attack on a country stays an assault.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         attacked attack VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ASSAULT");
    // A named person's attack on a newspaper is made in words; on a force, in arms.
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc("Ruiz Ruiz PROPN NNP 2 nsubj GBR/GOV
         attacked attack VERB VBD 0 root
         the the DET DT 4 det
         newspaper newspaper NOUN NN 2 obj GHA/JRN
         . . PUNCT . 2 punct");
    d.entities[1].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ACCUSE", "{ev:?}");
    let mut d = doc("Ruiz Ruiz PROPN NNP 2 nsubj GBR/GOV
         attacked attack VERB VBD 0 root
         the the DET DT 4 det
         army army NOUN NN 2 obj GHA/MIL
         . . PUNCT . 2 punct");
    d.entities[1].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ASSAULT", "{ev:?}");
    // Two named people who clash do so in words.
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj GBR/GOV
         clashed clash VERB VBD 0 root
         with with ADP IN 4 case
         Soto Soto PROPN NNP 2 obl GBR/JUD
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].plover_type, "ACCUSE", "{ev:?}");
    // The noun as the verb: a party's "attack on" a minister is made in words too.
    let (d, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj GBR/OPP
         launched launch VERB VBD 0 root
         an a DET DT 4 det
         attack attack NOUN NN 2 obj
         on on ADP IN 6 case
         Soto Soto PROPN NNP 4 nmod GBR/GOV
         . . PUNCT . 2 punct",
    );
    let attack: Vec<&Event> = ev
        .iter()
        .filter(|e| &d.text[e.trigger.range()] == "attack")
        .collect();
    assert_eq!(attack.len(), 1, "{ev:?}");
    assert_eq!(
        (attack[0].plover_type.as_str(), attack[0].cameo.as_str()),
        ("ACCUSE", "111")
    );
}

#[test]
fn a_companys_officer_keeps_the_companys_sector() {
    // "Acme president praised Ghana ."
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc("Acme Acme PROPN NNP 2 compound MNCUSA/MNC
         president president NOUN NN 3 nsubj
         praised praise VERB VBD 0 root
         Ghana Ghana PROPN NNP 3 obj GHA
         . . PUNCT . 3 punct");
    d.entities[0].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["MNCUSA"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("MNC"), "{ev:?}");
}

#[test]
fn the_subject_the_parser_gives_a_gerund_after_of_is_the_accused() {
    // "Ghana accused Togo of lying .", parsed with "Togo" the subject of "lying".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         accused accuse VERB VBD 0 root
         Togo Togo PROPN NNP 5 nsubj TGO
         of of SCONJ IN 5 mark
         lying lie VERB VBG 2 advcl
         . . PUNCT . 2 punct",
    );
    let accused: Vec<&Event> = ev.iter().filter(|e| e.plover_type == "ACCUSE").collect();
    assert_eq!(accused.len(), 1, "{ev:?}");
    assert_eq!(codes(&accused[0].recipients), ["TGO"]);
}

#[test]
fn seizing_a_chance_raiding_reserves_and_targeting_voters_use_no_force() {
    for (verb, lemma, object) in [
        ("seized", "seize", "initiative"),
        ("raided", "raid", "reserves"),
        ("targeted", "target", "voters"),
    ] {
        let (_, ev) = code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA/GOV
             {verb} {lemma} VERB VBD 0 root
             the the DET DT 4 det
             {object} {object} NOUN NN 2 obj
             . . PUNCT . 2 punct"
        ));
        assert!(ev.is_empty(), "{verb} the {object}: {ev:?}");
    }
    // A growth target hit is met.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA/GOV
         hit hit VERB VBD 0 root
         its its PRON PRP$ 5 nmod:poss
         growth growth NOUN NN 5 compound
         target target NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // A town seized is still taken by force.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA/MIL
         seized seize VERB VBD 0 root
         the the DET DT 4 det
         town town NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn countries_and_companies_beat_one_another_in_contests() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         beat beat VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         3-1 3-1 NUM CD 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Police who beat protesters use force.
    let (_, ev) = code(
        "Police police NOUN NNS 2 nsubj GHA/COP
         beat beat VERB VBD 0 root
         protesters protester NOUN NNS 2 obj GHA/CVL
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
}

#[test]
fn companies_fight_competition_lawsuits_and_costs_without_arms() {
    for rows in [
        "Acme Acme PROPN NNP 2 nsubj USA
         battled battle VERB VBD 0 root
         fierce fierce ADJ JJ 4 amod
         competition competition NOUN NN 2 obj
         . . PUNCT . 2 punct",
        "Acme Acme PROPN NNP 2 nsubj USA
         fought fight VERB VBD 0 root
         for for ADP IN 5 case
         its its PRON PRP$ 5 nmod:poss
         survival survival NOUN NN 2 obl
         . . PUNCT . 2 punct",
        "Acme Acme PROPN NNP 2 nsubj USA
         battled battle VERB VBD 0 root
         to to PART TO 4 mark
         cut cut VERB VB 2 xcomp
         costs cost NOUN NNS 4 obj
         . . PUNCT . 2 punct",
    ] {
        let (_, ev) = code(rows);
        assert!(
            ev.iter().all(|e| e.plover_type != "ASSAULT"),
            "{rows}: {ev:?}"
        );
    }
}

#[test]
fn warnings_of_profits_and_to_the_public_threaten_no_one() {
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         issued issue VERB VBD 0 root
         a a DET DT 5 det
         profit profit NOUN NN 5 compound
         warning warning NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "THREATEN"), "{ev:?}");
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         warned warn VERB VBD 0 root
         users user NOUN NNS 2 obj
         to to PART TO 5 mark
         update update VERB VB 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "THREATEN"), "{ev:?}");
    // A warning to a country still threatens.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         warned warn VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "THREATEN"), "{ev:?}");
}

#[test]
fn an_attempt_under_a_modal_is_no_attack() {
    let attempt = |aux: &str| {
        let aux_row = if aux.is_empty() {
            String::new()
        } else {
            format!("{aux} {aux} AUX MD 3 aux\n")
        };
        let shift = usize::from(!aux.is_empty());
        let rows = format!(
            "Rebels rebel NOUN NNS {} nsubj GHA/REB
             {aux_row}tried try VERB VBD 0 root
             to to PART TO {} mark
             attack attack VERB VB {} xcomp
             Kasa Kasa PROPN NNP {} obj TGO
             . . PUNCT . {} punct",
            2 + shift,
            4 + shift,
            2 + shift,
            4 + shift,
            2 + shift,
        );
        code(&rows).1
    };
    // Tried and done or not, an attempted attack is coded.
    assert!(attempt("").iter().any(|e| e.plover_type == "ASSAULT"));
    // "might try to attack": the modal on the attempt holds the attack back.
    assert!(attempt("might").iter().all(|e| e.plover_type != "ASSAULT"));
}

#[test]
fn blame_laid_on_a_cause_accuses_no_one() {
    // "Acme blamed weak sales and a strong dollar": causes, no one accused.
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         blamed blame VERB VBD 0 root
         weak weak ADJ JJ 4 amod
         sales sale NOUN NNS 2 obj
         and and CCONJ CC 8 cc
         a a DET DT 8 det
         strong strong ADJ JJ 8 amod
         dollar dollar NOUN NN 4 conj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Acme blamed the losses on a wet summer".
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         blamed blame VERB VBD 0 root
         the the DET DT 4 det
         losses loss NOUN NNS 2 obj
         on on ADP IN 8 case
         a a DET DT 8 det
         wet wet ADJ JJ 8 amod
         summer summer NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Blame laid on people is an accusation, coded or not: "blamed the bombing on
    // officials", "blamed him".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         blamed blame VERB VBD 0 root
         the the DET DT 4 det
         bombing bombing NOUN NN 2 obj
         on on ADP IN 6 case
         officials official NOUN NNS 2 obl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         blamed blame VERB VBD 0 root
         him he PRON PRP 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn hyphenated_british_spellings_find_their_entries() {
    // "Ghana will co-operate with Togo": the dictionary spells it "cooperate".
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 3 nsubj GHA
         will will AUX MD 3 aux
         co-operate co-operate VERB VB 0 root
         with with ADP IN 5 case
         Togo Togo PROPN NNP 3 obl TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn plans_are_executed_and_power_arrived_in_without_force_or_visits() {
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         executed execute VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss
         plan plan NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         arrived arrive VERB VBD 0 root
         in in ADP IN 4 case
         power power NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Arriving in a capital is a visit.
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         arrived arrive VERB VBD 0 root
         in in ADP IN 4 case
         Lome Lome PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn a_forecast_misread_as_warning_a_price_threatens_no_one() {
    // "Acme warned prices would rise", with "prices" read as the one warned.
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         warned warn VERB VBD 0 root
         prices price NOUN NNS 2 obj
         would would AUX MD 5 aux
         rise rise VERB VB 2 ccomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn demonstrating_a_thing_shows_it_and_defying_pundits_beats_them() {
    // "Acme demonstrated its phone" is a show; "students demonstrated" a protest.
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         demonstrated demonstrate VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss
         phone phone NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Students student NOUN NNS 2 nsubj GHA/EDU
         demonstrated demonstrate VERB VBD 0 root
         in in ADP IN 4 case
         Accra Accra PROPN NNP 2 obl GHA
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "PROTEST");
    // "Mensah defied the pundits", against "Mensah defied the ban".
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         defied defy VERB VBD 0 root
         the the DET DT 4 det
         pundits pundit NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         defied defy VERB VBD 0 root
         the the DET DT 4 det
         ban ban NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn speaking_with_sincerity_is_no_meeting() {
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         spoke speak VERB VBD 0 root
         with with ADP IN 4 case
         sincerity sincerity NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA
         spoke speak VERB VBD 0 root
         with with ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn try_and_is_try_to() {
    // "Ghana may try and expel them" asserts no expulsion.
    let rows = |modal: &str| {
        format!(
            "Ghana Ghana PROPN NNP 3 nsubj GHA
             {modal} {modal} AUX MD 3 aux
             try try VERB VB 0 root
             and and CCONJ CC 5 cc
             expel expel VERB VB 3 conj
             Togolese Togolese PROPN NNPS 5 obj TGO
             . . PUNCT . 3 punct"
        )
    };
    let (_, ev) = code(&rows("may"));
    assert!(ev.is_empty(), "{ev:?}");
    // "Ghana will go and meet Togo": a meeting announced.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 3 nsubj GHA
         will will AUX MD 3 aux
         go go VERB VB 0 root
         and and CCONJ CC 5 cc
         meet meet VERB VB 3 conj
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].modality, kestrel_core::Modality::Future);
    // "tried and convicted" is two acts, both done.
    let (_, ev) = code(
        "Judges judge NOUN NNS 2 nsubj GHA/JUD
         tried try VERB VBD 0 root
         and and CCONJ CC 4 cc
         convicted convict VERB VBD 2 conj
         Togolese Togolese PROPN NNPS 4 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].modality, kestrel_core::Modality::Asserted);
}

#[test]
fn a_particle_is_no_preposition_on_a_verb_with_an_object() {
    // "Ghana gave details in a statement" has not given in.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         gave give VERB VBD 0 root
         details detail NOUN NNS 2 obj
         in in ADP IN 6 case
         a a DET DT 6 det
         statement statement NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Ghana gave in to Togo" has.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         gave give VERB VBD 0 root
         in in ADP RP 2 compound:prt
         to to ADP IN 5 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "CONCEDE");
}

#[test]
fn conferring_an_award_is_no_consultation() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         conferred confer VERB VBD 0 root
         the the DET DT 4 det
         award award NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         conferred confer VERB VBD 0 root
         with with ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn defending_nothing_and_rallying_to_win_are_games() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         defended defend VERB VBD 0 root
         well well ADV RB 2 advmod
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         defended defend VERB VBD 0 root
         Togo Togo PROPN NNP 2 obj TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         rallied rally VERB VBD 0 root
         to to PART TO 4 mark
         win win VERB VB 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn pressing_charges_accuses() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         pressed press VERB VBD 0 root
         charges charge NOUN NNS 2 obj
         against against ADP IN 5 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(ev[0].cameo, "112");
}

#[test]
fn shooting_a_film_or_to_fame_uses_no_firearms() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         shot shoot VERB VBD 0 root
         a a DET DT 4 det
         film film NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Troops troop NOUN NNS 2 nsubj GHA/MIL
         shot shoot VERB VBD 0 root
         protesters protester NOUN NNS 2 obj GHA/CVL
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ASSAULT");
}

#[test]
fn an_actor_is_not_its_own_recipient_through_coreference() {
    // "Ghana criticised Accra", with "Accra" (its seat of power) joined to Ghana by
    // coreference: no one else is criticised. The same rows without the link keep the
    // recipient.
    let rows = "Ghana Ghana PROPN NNP 2 nsubj GHA
         criticised criticise VERB VBD 0 root
         Accra Accra PROPN NNP 2 obj GHA
         . . PUNCT . 2 punct";
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let d = doc(rows);
    let first = coder.code(&d);
    assert_eq!(first[0].recipients.len(), 1, "{first:?}");
    let mut d = doc(rows);
    d.entities[0].cluster = Some(0);
    d.entities[1].cluster = Some(0);
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(ev[0].recipients.is_empty(), "{ev:?}");
}

#[test]
fn a_relative_clause_finds_its_object_in_the_noun_it_hangs_on() {
    // "the charges which Ghana denied" deny the charges; "the minister who met Togo" is no
    // object of the meeting.
    let (_, ev) = code(
        "The the DET DT 2 det
         charges charge NOUN NNS 0 root
         which which PRON WDT 5 obj
         Ghana Ghana PROPN NNP 5 nsubj GHA
         denied deny VERB VBD 2 acl:relcl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REJECT");
    let (_, ev) = code(
        "The the DET DT 2 det
         plan plan NOUN NN 0 root
         Ghana Ghana PROPN NNP 4 nsubj GHA
         attacked attack VERB VBD 2 acl:relcl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        ev[0].plover_type, "ACCUSE",
        "an attack on a plan is made in words"
    );
}

#[test]
fn attacks_on_plans_and_by_judges_are_made_in_words() {
    // "Ghana attacked Togo's plans": criticism of Togo.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         attacked attack VERB VBD 0 root
         Togo Togo PROPN NNP 5 nmod:poss TGO
         's 's PART POS 3 case
         plans plan NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
    // "Judges clashed with ministers".
    let (_, ev) = code(
        "Judges judge NOUN NNS 2 nsubj GHA/JUD
         clashed clash VERB VBD 0 root
         with with ADP IN 4 case
         ministers minister NOUN NNS 2 obl GHA/GOV
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
}

#[test]
fn parties_fight_with_votes_and_requests_bombard_no_one() {
    let (_, ev) = code(
        "Parties party NOUN NNS 2 nsubj GHA/PTY
         fought fight VERB VBD 0 root
         each each DET DT 4 det
         other other ADJ JJ 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "MPs mp NOUN NNS 2 nsubj GHA/LEG
         bombarded bombard VERB VBD 0 root
         Mensah Mensah PROPN NNP 2 obj GHA
         with with ADP IN 5 case
         questions question NOUN NNS 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Troops still fight rebels.
    let (_, ev) = code(
        "Troops troop NOUN NNS 2 nsubj GHA/MIL
         fought fight VERB VBD 0 root
         rebels rebel NOUN NNS 2 obj GHA/REB
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn businesses_fight_in_courts_and_warn_no_one_of_a_forecast() {
    // A business in a person's role: the token with a sector is a Person; make it a body.
    let business = |rows: &str| {
        let mut d = doc(rows);
        d.entities[0].kind = EntityKind::Org;
        Coder::builtin().unwrap().code(&d)
    };
    let ev = business(
        "Zorvex Zorvex PROPN NNP 3 nsubj GHA/BUS
         has have AUX VBZ 3 aux
         battled battle VERB VBN 0 root
         regulators regulator NOUN NNS 3 obj GHA/GOV
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let ev = business(
        "Zorvex Zorvex PROPN NNP 2 nsubj GHA/BUS
         issued issue VERB VBD 0 root
         a a DET DT 4 det
         warning warning NOUN NN 2 obj
         about about ADP IN 6 case
         viruses virus NOUN NNS 4 nmod
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // A business looking into a thing is its own business.
    let ev = business(
        "Zorvex Zorvex PROPN NNP 3 nsubj GHA/BUS
         is be AUX VBZ 3 aux
         investigating investigate VERB VBG 0 root
         a a DET DT 5 det
         virus virus NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // A business attacking a minister does so in words.
    let ev = business(
        "Zorvex Zorvex PROPN NNP 2 nsubj GHA/BUS
         attacked attack VERB VBD 0 root
         Mensah Mensah PROPN NNP 2 obj GHA/GOV
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("ACCUSE", "111"));
    // Armed groups that fight still fight.
    let ev = business(
        "Rebels rebel NOUN NNS 2 nsubj GHA/REB
         battled battle VERB VBD 0 root
         troops troop NOUN NNS 2 obj GHA/MIL
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn regret_for_a_harm_is_an_apology_and_for_a_decision_disapproval() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         regretted regret VERB VBD 0 root
         the the DET DT 4 det
         delay delay NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("SUPPORT", "055"));
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         regretted regret VERB VBD 0 root
         the the DET DT 4 det
         decision decision NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("ACCUSE", "110"));
}

#[test]
fn two_people_of_one_side_both_stay_and_seats_are_defended_against_no_one() {
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         criticised criticise VERB VBD 0 root
         Mensah Mensah PROPN NNP 2 obj GHA/GOV
         and and CCONJ CC 5 cc
         Owusu Owusu PROPN NNP 3 conj GHA/GOV
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].recipients.len(), 2, "{ev:?}");
    // However the first is mentioned ("the minister and Owusu").
    let mut d = doc("Kenya Kenya PROPN NNP 2 nsubj KEN
         criticised criticise VERB VBD 0 root
         minister minister NOUN NN 2 obj GHA/GOV
         and and CCONJ CC 5 cc
         Owusu Owusu PROPN NNP 3 conj GHA/GOV
         . . PUNCT . 2 punct");
    d.entities[1].mention = MentionKind::Description;
    let ev = Coder::builtin().unwrap().code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].recipients.len(), 2, "{ev:?}");
    let (_, ev) = code(
        "MPs mp NOUN NNS 2 nsubj GHA/LEG
         defended defend VERB VBD 0 root
         their their PRON PRP$ 4 nmod:poss
         seats seat NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn websites_are_visited_by_no_one_and_a_clause_is_no_particle() {
    let (_, ev) = code(
        "Kenyans Kenyans PROPN NNPS 2 nsubj KEN
         visited visit VERB VBD 0 root
         the the DET DT 4 det
         website website NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Kenya gave no sign whether it was in doubt": "in" heads no phrase of "gave", so this is
    // no "give in".
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         gave give VERB VBD 0 root
         no no DET DT 4 det
         sign sign NOUN NN 9 nsubj
         whether whether SCONJ IN 9 mark
         it it PRON PRP 9 nsubj
         was be AUX VBD 9 cop
         in in ADP IN 9 case
         doubt doubt NOUN NN 2 advcl
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.cameo != "080"), "{ev:?}");
}

#[test]
fn a_person_attacks_a_people_in_words_and_backing_out_backs_no_one() {
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 2 nsubj GHA/GOV
         attacked attack VERB VBD 0 root
         Kenyan Kenyan ADJ JJ 4 amod KEN
         bankers banker NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("ACCUSE", "111"));
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         backed back VERB VBD 0 root
         out out ADP RP 2 compound:prt
         of of ADP IN 6 case
         the the DET DT 6 det
         deal deal NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Contestants battle it out.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         battled battle VERB VBD 0 root
         it it PRON PRP 2 obj
         out out ADP RP 2 compound:prt
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // Refusing to rule something out keeps it open.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         refused refuse VERB VBD 0 root
         to to PART TO 4 mark
         rule rule VERB VB 2 xcomp
         out out ADP RP 4 compound:prt
         talks talk NOUN NNS 4 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn those_killed_in_an_absolute_clause_are_victims_not_killers() {
    // "Ghana mourned , with ten soldiers killed ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         mourned mourn VERB VBD 0 root
         , , PUNCT , 7 punct
         with with SCONJ IN 7 mark
         ten ten NUM CD 6 nummod
         soldiers soldier NOUN NNS 7 nsubj GHA/MIL
         killed kill VERB VBN 2 advcl
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| codes(&e.actors).is_empty()), "{ev:?}");
}

#[test]
fn a_town_before_a_meeting_is_where_it_is_held() {
    // "The Vesk meeting began .", with Vesk a town of Kostova.
    let mut d = doc("The the DET DT 3 det
         Vesk Vesk PROPN NNP 3 compound KST
         meeting meeting NOUN NN 4 nsubj
         began begin VERB VBD 0 root
         . . PUNCT . 4 punct");
    town_at(&mut d, 0, "Vesk", "KST");
    let ev = Coder::builtin().unwrap().code(&d);
    assert!(ev.iter().all(|e| codes(&e.actors) != ["KST"]), "{ev:?}");
}

#[test]
fn the_place_before_a_visit_with_its_traveller_named_is_where_it_goes() {
    let (_, ev) = code(
        "Mensah Mensah PROPN NNP 4 nmod:poss GHA/GOV
         's 's PART POS 1 case
         Togo Togo PROPN NNP 4 compound TGO
         visit visit NOUN NN 5 nsubj
         began begin VERB VBD 0 root
         . . PUNCT . 5 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["GHA"]);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn a_conjunct_stands_where_its_first_conjunct_stands() {
    // "Ghana wants to meet Togo and sign a deal": both announced, neither done.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         wants want VERB VBZ 0 root
         to to PART TO 4 mark
         meet meet VERB VB 2 xcomp
         Togo Togo PROPN NNP 4 obj TGO
         and and CCONJ CC 7 cc
         sign sign VERB VB 4 conj
         a a DET DT 9 det
         deal deal NOUN NN 7 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.modality == Modality::Future), "{ev:?}");
    // "Ghana cannot accept the plan and will oppose it": the negation is the first verb's.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 4 nsubj GHA
         can can AUX MD 4 aux
         not not PART RB 4 advmod
         accept accept VERB VB 0 root
         the the DET DT 6 det
         plan plan NOUN NN 4 obj
         and and CCONJ CC 9 cc
         will will AUX MD 9 aux
         oppose oppose VERB VB 4 conj
         it it PRON PRP 9 obj
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REJECT");
}

#[test]
fn a_participle_after_writing_tells_what_was_done() {
    // "Ghana wrote to Togo accusing it of fraud" accuses; "Ghana wants accusing" is no
    // sentence, and "Ghana avoided accusing Togo" accuses no one.
    let rows = |verb: &str, lemma: &str| {
        format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             {verb} {lemma} VERB VBD 0 root
             accusing accuse VERB VBG 2 xcomp
             Togo Togo PROPN NNP 3 obj TGO
             of of ADP IN 6 case
             fraud fraud NOUN NN 3 obl
             . . PUNCT . 2 punct"
        )
    };
    let (_, ev) = code(&rows("wrote", "write"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    let (_, ev) = code(&rows("avoided", "avoid"));
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn what_is_said_to_be_true_is_told_as_so() {
    // "It is true that Ghana expelled Togolese diplomats" against "... possible that ...".
    let rows = |adjective: &str| {
        format!(
            "It it PRON PRP 3 expl
             is be AUX VBZ 3 cop
             {adjective} {adjective} ADJ JJ 0 root
             that that SCONJ IN 6 mark
             Ghana Ghana PROPN NNP 6 nsubj GHA
             expelled expel VERB VBD 3 ccomp
             Togolese Togolese PROPN NNPS 6 obj TGO
             . . PUNCT . 3 punct"
        )
    };
    let (_, ev) = code(&rows("true"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    let (_, ev) = code(&rows("possible"));
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn a_fronted_past_participle_names_its_patient_not_its_agent() {
    // "Pressed on the plan, Mensah replied": no one named pressed anyone.
    let (_, ev) = code(
        "Pressed press VERB VBN 7 advcl
         on on ADP IN 4 case
         the the DET DT 4 det
         plan plan NOUN NN 1 obl
         , , PUNCT , 1 punct
         Mensah Mensah PROPN NNP 7 nsubj GHA
         replied reply VERB VBD 0 root
         . . PUNCT . 7 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "REQUEST"), "{ev:?}");
}

#[test]
fn machines_support_speeds_and_backups_back_no_one() {
    let (_, ev) = code(
        "Acme Acme PROPN NNP 2 nsubj USA
         supports support VERB VBZ 0 root
         faster fast ADJ JJR 4 amod
         speeds speed NOUN NNS 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         supports support VERB VBZ 0 root
         the the DET DT 4 det
         resolution resolution NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    let (_, ev) = code(
        "Users user NOUN NNS 2 nsubj USA/CVL
         backed back VERB VBD 0 root
         up up ADP RP 2 compound:prt
         on on ADP IN 5 case
         disc disc NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         backed back VERB VBD 0 root
         up up ADP RP 2 compound:prt
         Togo Togo PROPN NNP 6 nmod:poss TGO
         's 's PART POS 4 case
         claim claim NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "SUPPORT");
}

#[test]
fn international_bodies_clash_in_words() {
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc("Assembly Assembly PROPN NNP 2 nsubj IGO/IGO
         clashed clash VERB VBD 0 root
         with with ADP IN 4 case
         Council Council PROPN NNP 2 obl IGO/IGO
         . . PUNCT . 2 punct");
    d.entities[0].kind = EntityKind::Org;
    d.entities[1].kind = EntityKind::Org;
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
}

#[test]
fn coder_reads_should_as_an_appeal_only_to_someone_who_can_act() {
    // "Ruiz said the minister should resign": an appeal; "Ruiz said the software should work":
    // a forecast about a thing, no event.
    let rows = |subject: &str, lemma: &str, verb: &str| {
        format!(
            "Ruiz Ruiz PROPN NNP 2 nsubj KEN/GOV
             said say VERB VBD 0 root
             the the DET DT 4 det
             {subject} {lemma} NOUN NN 6 nsubj
             should should AUX MD 6 aux
             {verb} {verb} VERB VB 2 ccomp
             . . PUNCT . 2 punct"
        )
    };
    let (_, ev) = code(&rows("minister", "minister", "resign"));
    assert_eq!(ev.len(), 1);
    assert_eq!(type_and_code(&ev[0]), ("REQUEST", "020"));
    let (_, ev) = code(&rows("software", "software", "work"));
    assert!(ev.is_empty(), "{ev:?}");
    // A passive asks whoever can act: "said the prisoners should be freed".
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj KEN/GOV
         said say VERB VBD 0 root
         the the DET DT 4 det
         ban ban NOUN NN 7 nsubj:pass
         should should AUX MD 7 aux
         be be AUX VB 7 aux:pass
         lifted lift VERB VBN 2 ccomp
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(type_and_code(&ev[0]), ("REQUEST", "020"));
}

#[test]
fn coder_codes_no_act_that_a_noun_of_right_or_plan_leaves_undone() {
    // "Kenya criticised curbs of rights to protest .", with "to protest" hung on the verb as a
    // purpose clause: the right to protest is no protest.
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         criticised criticise VERB VBD 0 root
         curbs curb NOUN NNS 2 obj
         of of ADP IN 5 case
         rights right NOUN NNS 3 nmod
         to to PART TO 7 mark
         protest protest VERB VB 2 advcl
         . . PUNCT . 2 punct",
    );
    let types: Vec<&str> = ev.iter().map(|e| e.plover_type.as_str()).collect();
    assert_eq!(types, ["ACCUSE"]);
    // A purpose clause of an act is still done with it: "Kenya criticised the curbs to protest".
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         criticised criticise VERB VBD 0 root
         the the DET DT 4 det
         curbs curb NOUN NNS 2 obj
         to to PART TO 6 mark
         protest protest VERB VB 2 advcl
         . . PUNCT . 2 punct",
    );
    let types: Vec<&str> = ev.iter().map(|e| e.plover_type.as_str()).collect();
    assert!(types.contains(&"PROTEST"), "{types:?}");
}

#[test]
fn coder_reads_whose_arrest_it_was_as_who_underwent_it() {
    // "Ruiz 's arrest by Kenyan police came on Monday .": Ruiz was arrested.
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 3 nmod:poss KEN/OPP
         's 's PART POS 1 case
         arrest arrest NOUN NN 7 nsubj
         by by ADP IN 6 case
         Kenyan Kenyan ADJ JJ 6 amod KEN
         police police NOUN NNS 3 nmod
         came come VERB VBD 0 root
         on on ADP IN 9 case
         Monday Monday PROPN NNP 7 obl
         . . PUNCT . 7 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("COP"));
    assert_eq!(codes(&ev[0].recipients), ["KEN"]);
    assert_eq!(ev[0].recipients[0].sector.as_deref(), Some("OPP"));
    // "Kenya 's arrest of Ruiz came on Monday .": with an "of" phrase the possessor acts.
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 3 nmod:poss KEN
         's 's PART POS 1 case
         arrest arrest NOUN NN 7 nsubj
         of of ADP IN 5 case
         Ruiz Ruiz PROPN NNP 3 nmod UGA/OPP
         came come VERB VBD 0 root
         on on ADP IN 8 case
         Monday Monday PROPN NNP 6 obl
         . . PUNCT . 6 punct",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(codes(&ev[0].recipients), ["UGA"]);
}

#[test]
fn coder_takes_no_town_for_a_party_to_the_treaty_named_after_it() {
    // "Kenya refused to join the Tarvik treaty .", Tarvik a town in Togo; a country's name
    // there ("the Togo treaty") does name a party.
    let rows = |code: &str| {
        format!(
            "Kenya Kenya PROPN NNP 2 nsubj KEN
             refused refuse VERB VBD 0 root
             to to PART TO 4 mark
             join join VERB VB 2 xcomp
             the the DET DT 7 det
             Tarvik Tarvik PROPN NNP 7 compound {code}
             treaty treaty NOUN NN 4 obj
             . . PUNCT . 2 punct"
        )
    };
    let mut d = doc(&rows("TGO"));
    town_at(&mut d, 1, "Tarvik", "TGO");
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(codes(&ev[0].recipients).is_empty(), "{ev:?}");
    let (_, ev) = code(&rows("TGO"));
    assert_eq!(ev.len(), 1);
    assert_eq!(codes(&ev[0].recipients), ["TGO"]);
}

#[test]
fn coder_takes_the_person_a_nationality_and_title_introduce() {
    // "Ruiz and Peruvian President Salas signed the deal .", read with the nationality
    // heading the second conjunct, the title flat on it and the name in apposition.
    let (mut d, _) = code(
        "Ruiz Ruiz PROPN NNP 6 nsubj CHL/GOV
         and and CCONJ CC 3 cc
         Peruvian Peruvian ADJ JJ 1 conj PER
         President President PROPN NNP 3 flat
         Salas Salas PROPN NNP 3 appos PER/GOV
         signed sign VERB VBD 0 root
         the the DET DT 8 det
         deal deal NOUN NN 6 obj
         . . PUNCT . 6 punct",
    );
    d.entities[1].kind = EntityKind::Norp;
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1);
    let named: Vec<&str> = ev[0]
        .actors
        .iter()
        .map(|p| &d.text[p.span.start..p.span.end])
        .collect();
    assert_eq!(named, ["Ruiz", "Salas"]);
}

#[test]
fn coder_takes_whom_a_participle_asks_from_the_verb_of_addressing_before_it() {
    // "Ruiz wrote to Soto demanding an explanation .": Soto is asked; "Ruiz rested at home
    // demanding an explanation ." asks no one at home.
    let rows = |verb: &str, lemma: &str, prep: &str, whom: &str, code: &str| {
        format!(
            "Ruiz Ruiz PROPN NNP 2 nsubj KEN/OPP
             {verb} {lemma} VERB VBD 0 root
             {prep} {prep} ADP IN 4 case
             {whom} {whom} PROPN NNP 2 obl {code}
             demanding demand VERB VBG 2 advcl
             an a DET DT 7 det
             explanation explanation NOUN NN 5 obj
             . . PUNCT . 2 punct"
        )
    };
    let (_, ev) = code(&rows("wrote", "write", "to", "Soto", "KEN/GOV"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "REQUEST");
    assert_eq!(codes(&ev[0].recipients), ["KEN"]);
    assert_eq!(ev[0].recipients[0].sector.as_deref(), Some("GOV"));
    let (_, ev) = code(&rows("rested", "rest", "at", "home", "-"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(codes(&ev[0].recipients).is_empty(), "{ev:?}");
    // "Ruiz wrote to Soto accusing Lima .", with the participle hung on Soto: Ruiz accuses
    // Lima, and Soto is no actor.
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj KEN/OPP
         wrote write VERB VBD 0 root
         to to ADP IN 4 case
         Soto Soto PROPN NNP 2 obl KEN/GOV
         accusing accuse VERB VBG 4 acl
         Lima Lima PROPN NNP 5 obj UGA/GOV
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].plover_type, "ACCUSE");
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("OPP"));
    assert_eq!(codes(&ev[0].recipients), ["UGA"]);
}

#[test]
fn coder_reads_a_task_force_as_no_army() {
    // "The task force held talks ." against "The border force held talks .".
    let rows = |kind: &str| {
        format!(
            "The the DET DT 3 det
             {kind} {kind} NOUN NN 3 compound
             force force NOUN NN 4 nsubj
             held hold VERB VBD 0 root
             talks talk NOUN NNS 4 obj
             . . PUNCT . 4 punct"
        )
    };
    let sectors = |kind: &str| -> Vec<Option<String>> {
        let (_, ev) = code(&rows(kind));
        ev.iter()
            .flat_map(|e| e.actors.iter().map(|a| a.sector.clone()))
            .collect()
    };
    assert!(!sectors("task").contains(&Some("MIL".into())));
    assert!(sectors("border").contains(&Some("MIL".into())));
}

#[test]
fn coder_reads_councils_as_government() {
    // "Kenyan councils rejected the plan ."
    let (_, ev) = code(
        "Kenyan Kenyan ADJ JJ 2 amod KEN
         councils council NOUN NNS 3 nsubj
         rejected reject VERB VBD 0 root
         the the DET DT 5 det
         plan plan NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("GOV"));
    // "The Council rejected the plan .": a capitalised council no name covers is one named
    // elsewhere, not a government.
    let (_, ev) = code(
        "The the DET DT 2 det
         Council council PROPN NNP 3 nsubj
         rejected reject VERB VBD 0 root
         the the DET DT 5 det
         plan plan NOUN NN 3 obj
         . . PUNCT . 3 punct",
    );
    assert!(
        ev.iter()
            .flat_map(|e| &e.actors)
            .all(|a| a.sector.as_deref() != Some("GOV")),
        "{ev:?}"
    );
}

#[test]
fn coder_takes_who_a_criticism_is_from_as_its_actor() {
    // "The minister faced criticism from Kenyan MPs ."
    let (_, ev) = code(
        "The the DET DT 2 det
         minister minister NOUN NN 3 nsubj
         faced face VERB VBD 0 root
         criticism criticism NOUN NN 3 obj
         from from ADP IN 7 case
         Kenyan Kenyan ADJ JJ 7 amod KEN
         MPs mp NOUN NNS 4 nmod
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("ACCUSE", "111"));
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("LEG"));
    assert_eq!(ev[0].recipients.len(), 1, "the minister is criticised");
    assert_eq!(ev[0].recipients[0].sector.as_deref(), Some("GOV"));
    // "Ghana drew protests from Kenyan unions .", the phrase hung on the verb.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         drew draw VERB VBD 0 root
         protests protest NOUN NNS 2 obj
         from from ADP IN 6 case
         Kenyan Kenyan ADJ JJ 6 amod KEN
         unions union NOUN NNS 2 obl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
    // "Togo withdrew its support from Ghana .": support taken from Ghana is not Ghana's.
    let (_, ev) = code(
        "Togo Togo PROPN NNP 2 nsubj TGO
         withdrew withdraw VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss
         support support NOUN NN 2 obj
         from from ADP IN 6 case
         Ghana Ghana PROPN NNP 2 obl GHA
         . . PUNCT . 2 punct",
    );
    assert!(
        ev.iter().all(|e| !codes(&e.actors).contains(&"GHA")),
        "{ev:?}"
    );
}

#[test]
fn coder_gives_foreign_groups_no_country_of_the_story() {
    // "Foreign firms in Kenya protested ." against "Local firms in Kenya protested .".
    let rows = |kind: &str| {
        format!(
            "{kind} {} ADJ JJ 2 amod
             firms firm NOUN NNS 5 nsubj
             in in ADP IN 4 case
             Kenya Kenya PROPN NNP 2 nmod KEN
             protested protest VERB VBD 0 root
             . . PUNCT . 5 punct",
            kind.to_lowercase()
        )
    };
    let actor_codes = |kind: &str| -> Vec<String> {
        let (_, ev) = code(&rows(kind));
        assert_eq!(ev.len(), 1, "{ev:?}");
        codes(&ev[0].actors).into_iter().map(String::from).collect()
    };
    assert!(actor_codes("Foreign").is_empty());
    assert_eq!(actor_codes("Local"), ["KEN"]);
}

#[test]
fn coder_gives_a_nationalitys_banks_the_business_sector() {
    // "Kenyan banks agreed to merge ." against "Kenyan central banks agreed to merge .".
    let rows = |central: bool| {
        let (modifier, shift) = if central {
            ("central central ADJ JJ 3 amod\n", 1)
        } else {
            ("", 0)
        };
        format!(
            "Kenyan Kenyan ADJ JJ {b} amod KEN
             {modifier}banks bank NOUN NNS {v} nsubj
             agreed agree VERB VBD 0 root
             to to PART TO {m} mark
             merge merge VERB VB {v} xcomp
             . . PUNCT . {v} punct",
            b = 2 + shift,
            v = 3 + shift,
            m = 5 + shift,
        )
    };
    let sectors = |central: bool| -> Vec<Option<String>> {
        let (_, ev) = code(&rows(central));
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(codes(&ev[0].actors), ["KEN"]);
        ev[0].actors.iter().map(|a| a.sector.clone()).collect()
    };
    assert_eq!(sectors(false), [Some("BUS".to_string())]);
    assert_eq!(sectors(true), [Some("GOV".to_string())]);
}

#[test]
fn coder_takes_a_place_no_dictionary_knows_after_at_for_where() {
    // "Ghana will meet at Elmore ." with Elmore a place no dictionary makes an actor, then
    // one it does.
    let rows = "Ghana Ghana PROPN NNP 3 nsubj GHA
         will will AUX MD 3 aux
         meet meet VERB VB 0 root
         at at ADP IN 5 case
         Elmore Elmore PROPN NNP 3 obl KEN
         . . PUNCT . 3 punct";
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc(rows);
    let known = coder.code(&d);
    assert_eq!(known.len(), 1, "{known:?}");
    assert_eq!(codes(&known[0].recipients), ["KEN"]);
    d.entities[1].actor = None;
    let unknown = coder.code(&d);
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].recipients.is_empty(), "{unknown:?}");
}

#[test]
fn coder_reads_rallying_markets_and_supporters_as_no_protest() {
    let rally = |subject: &str, object: Option<&str>| {
        let lemma = subject.trim_end_matches('s');
        let rows = match object {
            None => format!(
                "{subject} {lemma} NOUN NNS 2 nsubj
                 rallied rally VERB VBD 0 root
                 . . PUNCT . 2 punct"
            ),
            Some(o) => format!(
                "{subject} {lemma} NOUN NNS 2 nsubj
                 rallied rally VERB VBD 0 root
                 {o} {o} NOUN NNS 2 obj
                 . . PUNCT . 2 punct"
            ),
        };
        let (_, ev) = code(&rows);
        ev.iter().any(|e| e.plover_type == "PROTEST")
    };
    assert!(rally("protesters", None));
    assert!(!rally("shares", None));
    assert!(!rally("it", None), "a thing rallies by rising");
    assert!(!rally("leaders", Some("supporters")));
}

#[test]
fn coder_reads_it_joined_to_an_unknown_body_as_the_reporting_subject() {
    // "The government said it would invite observers .", with "it" joined to an
    // organisation no dictionary knows: the government's word on what it will do.
    let (_, ev) = code(
        "The the DET DT 2 det
         government government NOUN NN 3 nsubj
         said say VERB VBD 0 root
         it it PRON PRP 6 nsubj ?
         would would AUX MD 6 aux
         invite invite VERB VB 3 ccomp
         observers observer NOUN NNS 6 obj
         . . PUNCT . 3 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].actors.len(), 1, "{ev:?}");
    assert_eq!(ev[0].actors[0].sector.as_deref(), Some("GOV"));
}

#[test]
fn coder_reads_speaking_to_a_paper_or_to_pupils_as_no_consultation() {
    // "Ghana spoke to the {noun} ."
    let consults = |noun: &str| {
        let (_, ev) = code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             spoke speak VERB VBD 0 root
             to to ADP IN 5 case
             the the DET DT 5 det
             {noun} {noun} NOUN NN 2 obl
             . . PUNCT . 2 punct"
        ));
        ev.iter().any(|e| e.plover_type == "CONSULT")
    };
    assert!(consults("envoy"));
    assert!(!consults("newspaper"));
    assert!(!consults("audience"));
}

#[test]
fn coder_takes_the_asked_subject_over_a_country_deeper_in_the_request() {
    // "Kenya said states must let prices rise against Ghana ."
    let (_, ev) = code(
        "Kenya Kenya PROPN NNP 2 nsubj KEN
         said say VERB VBD 0 root
         states state NOUN NNS 5 nsubj
         must must AUX MD 5 aux
         let let VERB VB 2 ccomp
         prices price NOUN NNS 5 obj
         rise rise VERB VB 5 xcomp
         against against ADP IN 9 case
         Ghana Ghana PROPN NNP 7 obl GHA
         . . PUNCT . 2 punct",
    );
    let request = ev
        .iter()
        .find(|e| e.plover_type == "REQUEST")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert!(!codes(&request.recipients).contains(&"GHA"), "{request:?}");
    assert_eq!(request.recipients.len(), 1);
    assert_eq!(request.recipients[0].sector.as_deref(), Some("GOV"));
}

#[test]
fn coder_reads_meeting_with_a_reception_as_receiving_it() {
    // "Ghana met with a poor reception ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         met meet VERB VBD 0 root
         with with ADP IN 6 case
         a a DET DT 6 det
         poor poor ADJ JJ 6 amod
         reception reception NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    // "Ghana met with criticism from Kenyan unions .": the unions criticise Ghana.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         met meet VERB VBD 0 root
         with with ADP IN 4 case
         criticism criticism NOUN NN 2 obl
         from from ADP IN 7 case
         Kenyan Kenyan ADJ JJ 7 amod KEN
         unions union NOUN NNS 2 obl
         . . PUNCT . 2 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("ACCUSE", "111"));
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
    assert_eq!(codes(&ev[0].recipients), ["GHA"]);
}

#[test]
fn coder_reads_a_driving_force_and_a_credit_union_as_no_army_or_labour() {
    // "The {modifier} {noun} rejected the plan ."
    let sectors = |modifier: &str, upos: &str, rel: &str, noun: &str| -> Vec<Option<String>> {
        let (_, ev) = code(&format!(
            "The the DET DT 3 det
             {modifier} {modifier} {upos} JJ 3 {rel}
             {noun} {noun} NOUN NN 4 nsubj
             rejected reject VERB VBD 0 root
             the the DET DT 6 det
             plan plan NOUN NN 4 obj
             . . PUNCT . 4 punct"
        ));
        ev.iter()
            .flat_map(|e| e.actors.iter().map(|a| a.sector.clone()))
            .collect()
    };
    assert!(!sectors("driving", "ADJ", "amod", "force").contains(&Some("MIL".into())));
    assert!(sectors("border", "NOUN", "compound", "force").contains(&Some("MIL".into())));
    assert!(!sectors("credit", "NOUN", "compound", "union").contains(&Some("LAB".into())));
    assert!(sectors("trade", "NOUN", "compound", "union").contains(&Some("LAB".into())));
}

#[test]
fn coder_reads_conceding_that_as_admitting_a_point() {
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         conceded concede VERB VBD 0 root
         that that SCONJ IN 6 mark
         Kenya Kenya PROPN NNP 6 nsubj KEN
         had have AUX VBD 6 aux
         won win VERB VBN 2 ccomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "CONCEDE"), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         conceded concede VERB VBD 0 root
         defeat defeat NOUN NN 2 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "CONCEDE"), "{ev:?}");
    // "Ghana conceded that it would withdraw .": a position yielded.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         conceded concede VERB VBD 0 root
         that that SCONJ IN 6 mark
         it it PRON PRP 6 nsubj GHA
         would would AUX MD 6 aux
         withdraw withdraw VERB VB 2 ccomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "CONCEDE"), "{ev:?}");
}

#[test]
fn coder_asks_no_one_of_a_request_that_nobody_should_act() {
    // "Ghana said nobody should be distracted from Kenya ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         said say VERB VBD 0 root
         nobody nobody PRON NN 6 nsubj:pass
         should should AUX MD 6 aux
         be be AUX VB 6 aux:pass
         distracted distract VERB VBN 2 ccomp
         from from ADP IN 8 case
         Kenya Kenya PROPN NNP 6 obl KEN
         . . PUNCT . 2 punct",
    );
    assert!(!ev.is_empty());
    assert!(
        ev.iter().all(|e| !codes(&e.recipients).contains(&"KEN")),
        "{ev:?}"
    );
}

#[test]
fn coder_gives_a_towns_officials_the_towns_country() {
    // "The Elmore council spokesman criticised the plan .", Elmore a town in Kenya that no
    // dictionary makes an actor.
    let rows = "The the DET DT 4 det
         Elmore Elmore PROPN NNP 4 compound XXX
         council council NOUN NN 4 compound
         spokesman spokesman NOUN NN 5 nsubj
         criticised criticise VERB VBD 0 root
         the the DET DT 7 det
         plan plan NOUN NN 5 obj
         . . PUNCT . 5 punct";
    let coder = Coder::builtin().expect("the shipped dictionary loads");
    let mut d = doc(rows);
    d.entities[0].actor = None;
    assert!(
        coder.code(&d).iter().all(|e| codes(&e.actors).is_empty()),
        "unplaced, the town says nothing"
    );
    town_at(&mut d, 0, "Elmore", "KEN");
    let ev = coder.code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(codes(&ev[0].actors), ["KEN"]);
}

#[test]
fn coder_gives_an_arrest_that_names_no_one_the_police_of_the_story() {
    // "Kenyan journalists were arrested ."
    let (_, ev) = code(
        "Kenyan Kenyan ADJ JJ 2 amod KEN
         journalists journalist NOUN NNS 4 nsubj:pass
         were be AUX VBD 4 aux:pass
         arrested arrest VERB VBN 0 root
         . . PUNCT . 4 punct",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("COERCE", "173"));
    let actor = &ev[0].actors[0];
    assert!(actor.implied);
    assert_eq!(
        (actor.code.as_deref(), actor.sector.as_deref()),
        (Some("KEN"), Some("COP"))
    );
    assert_eq!(codes(&ev[0].recipients), ["KEN"]);
}

#[test]
fn coder_reads_appealing_to_instincts_as_no_appeal() {
    // "Ghana appealed to {noun} ."
    let appeals = |noun: &str| {
        let (_, ev) = code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             appealed appeal VERB VBD 0 root
             to to ADP IN 4 case
             {noun} {noun} NOUN NNS 2 obl
             . . PUNCT . 2 punct"
        ));
        ev.iter().any(|e| e.plover_type == "REQUEST")
    };
    assert!(appeals("donors"));
    assert!(!appeals("instincts"));
}

#[test]
fn coder_reads_heeding_a_warning_as_receiving_it() {
    // "Ghana heeded warnings from Kenyan doctors .": the doctors warn Ghana.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         heeded heed VERB VBD 0 root
         warnings warning NOUN NNS 2 obj
         from from ADP IN 6 case
         Kenyan Kenyan ADJ JJ 6 amod KEN
         doctors doctor NOUN NNS 3 nmod
         . . PUNCT . 2 punct",
    );
    let warning = ev
        .iter()
        .find(|e| e.plover_type == "THREATEN")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(codes(&warning.actors), ["KEN"]);
    assert_eq!(codes(&warning.recipients), ["GHA"]);
}

#[test]
fn coder_reads_a_capital_an_arrest_is_made_in_as_a_place() {
    // "Police arrested four men in Nairobi .", Nairobi a capital the dictionary reads as the
    // government.
    let mut d = doc("Police police NOUN NNS 2 nsubj
         arrested arrest VERB VBD 0 root
         four four NUM CD 4 nummod
         men man NOUN NNS 2 obj
         in in ADP IN 6 case
         Nairobi Nairobi PROPN NNP 2 obl KEN/GOV
         . . PUNCT . 2 punct");
    d.entities[0].kind = EntityKind::Gpe;
    let ev = Coder::builtin().unwrap().code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(type_and_code(&ev[0]), ("COERCE", "173"));
    let recipient = &ev[0].recipients[0];
    assert_eq!(
        (recipient.code.as_deref(), recipient.sector.as_deref()),
        (Some("KEN"), None)
    );
}

#[test]
fn coder_reads_a_newspaper_targeting_someone_as_words() {
    // "Ruiz was targeted by the newspaper ."
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 3 nsubj:pass KEN/GOV
         was be AUX VBD 3 aux:pass
         targeted target VERB VBN 0 root
         by by ADP IN 6 case
         the the DET DT 6 det
         newspaper newspaper NOUN NN 3 obl:agent
         . . PUNCT . 3 punct",
    );
    assert!(ev.is_empty(), "a newspaper uses no force: {ev:?}");
}

#[test]
fn coder_reads_no_call_on_in_a_phrase_on_the_object() {
    // "Ghana studied what it called an attack on Togo ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         studied study VERB VBD 0 root
         what what PRON WP 2 obj
         it it PRON PRP 5 nsubj GHA
         called call VERB VBD 3 acl:relcl
         an a DET DT 7 det
         attack attack NOUN NN 5 obj
         on on ADP IN 9 case
         Togo Togo PROPN NNP 7 nmod TGO
         . . PUNCT . 2 punct",
    );
    assert!(
        ev.iter().all(|e| e.plover_type != "REQUEST"),
        "naming an attack asks no one: {ev:?}"
    );
    // "Ghana called on Togo to act ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         called call VERB VBD 0 root
         on on ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         to to PART TO 6 mark
         act act VERB VB 2 xcomp
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "REQUEST"), "{ev:?}");
}

#[test]
fn coder_skips_what_no_evidence_shows() {
    // "Ghana said there was no sign that Kenyan troops attacked Togo .", with "that" read
    // as a relative pronoun, as the parser often does; and with "a sign", which tells it.
    let said = |det: &str| {
        code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             said say VERB VBD 0 root
             there there PRON EX 4 expl
             was be VERB VBD 2 ccomp
             {det} {det} DET DT 6 det
             sign sign NOUN NN 4 nsubj
             that that PRON WDT 10 obj
             Kenyan Kenyan ADJ JJ 9 amod KEN
             troops troops NOUN NNS 10 nsubj
             attacked attack VERB VBD 6 acl:relcl
             Togo Togo PROPN NNP 10 obj TGO
             . . PUNCT . 2 punct"
        ))
        .1
    };
    assert!(said("no").is_empty(), "{:?}", said("no"));
    assert!(said("a").iter().any(|e| e.plover_type == "ASSAULT"));
}

#[test]
fn coder_skips_a_question_inside_quotation_marks() {
    // Ghana asked : " Would Togo free the men ? "
    let asked = |end: &str| {
        code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             asked ask VERB VBD 0 root
             : : PUNCT : 2 punct
             \" \" PUNCT `` 7 punct
             Would would AUX MD 7 aux
             Togo Togo PROPN NNP 7 nsubj TGO
             free free VERB VB 2 ccomp
             the the DET DT 9 det
             men man NOUN NNS 7 obj
             {end} {end} PUNCT . 7 punct
             \" \" PUNCT '' 7 punct"
        ))
        .1
    };
    assert!(asked("?").is_empty(), "{:?}", asked("?"));
}

#[test]
fn coder_reads_a_markets_demand_as_no_demand() {
    // "Ghana sold phones but demand for them fell .", with "demand" tagged as a verb.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         sold sell VERB VBD 0 root
         phones phone NOUN NNS 2 obj
         but but CCONJ CC 5 cc
         demand demand VERB VB 2 conj
         for for ADP IN 7 case
         them they PRON PRP 5 obl
         fell fall VERB VBD 5 conj
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "REQUEST"), "{ev:?}");
    // "Ghana renewed its demand for a ceasefire .": a demand someone makes.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         renewed renew VERB VBD 0 root
         its its PRON PRP$ 4 nmod:poss GHA
         demand demand NOUN NN 2 obj
         for for ADP IN 7 case
         a a DET DT 7 det
         ceasefire ceasefire NOUN NN 4 nmod
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "REQUEST"), "{ev:?}");
}

#[test]
fn coder_reads_a_talk_given_as_no_talks() {
    // "Ruiz 's {talk} covered trade ." with Ruiz a Kenyan official.
    let talks = |form: &str, xpos: &str| {
        code(&format!(
            "Ruiz Ruiz PROPN NNP 3 nmod:poss KEN/GOV
             's 's PART POS 1 case
             {form} talk NOUN {xpos} 4 nsubj
             covered cover VERB VBD 0 root
             trade trade NOUN NN 4 obj
             . . PUNCT . 4 punct"
        ))
        .1
        .iter()
        .any(|e| e.cameo == "046")
    };
    assert!(talks("talks", "NNS"));
    assert!(!talks("talk", "NN"));
}

#[test]
fn coder_reads_whose_indictment_as_undergone() {
    // "Ruiz 's indictment followed ." Ruiz is indicted, and indicts no one.
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 3 nmod:poss KEN/GOV
         's 's PART POS 1 case
         indictment indictment NOUN NN 4 nsubj
         followed follow VERB VBD 0 root
         . . PUNCT . 4 punct",
    );
    assert!(
        ev.iter()
            .all(|e| e.actors.iter().all(|a| a.code.as_deref() != Some("KEN"))),
        "{ev:?}"
    );
}

#[test]
fn coder_reads_a_business_coercing_no_one_as_no_event() {
    // "Velox blocked infected sites ." and "Kenya blocked opposition sites ."
    let blocked = |who: &str, actor: &str, what: &str| {
        code(&format!(
            "{who} {who} PROPN NNP 2 nsubj {actor}
             blocked block VERB VBD 0 root
             {what} {what} ADJ JJ 4 amod
             sites site NOUN NNS 2 obj
             . . PUNCT . 2 punct"
        ))
        .1
    };
    assert!(blocked("Velox", "KEN/BUS", "infected").is_empty());
    assert!(!blocked("Kenya", "KEN", "opposition").is_empty());
}

#[test]
fn coder_reads_inviting_bids_as_no_invitation_to_meet() {
    // "Ghana invited bids ." and "Ghana invited Togo ."
    let invited = |object: &str| {
        code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             invited invite VERB VBD 0 root
             {object}
             . . PUNCT . 2 punct"
        ))
        .1
        .iter()
        .any(|e| e.cameo == "026")
    };
    assert!(!invited("bids bid NOUN NNS 2 obj"));
    assert!(invited("Togo Togo PROPN NNP 2 obj TGO"));
}

#[test]
fn coder_reads_they_after_a_plural_object_as_that_object() {
    // "Ghana hired Togolese workers because they demanded it .": the workers demanded.
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         hired hire VERB VBD 0 root
         Togolese Togolese ADJ JJ 4 amod TGO
         workers worker NOUN NNS 2 obj
         because because SCONJ IN 7 mark
         they they PRON PRP 7 nsubj
         demanded demand VERB VBD 2 advcl
         it it PRON PRP 7 obj
         . . PUNCT . 2 punct",
    );
    let demand = ev.iter().find(|e| e.plover_type == "REQUEST");
    assert!(
        demand.is_none_or(|e| codes(&e.actors) != ["GHA"]),
        "the workers demand, not Ghana: {ev:?}"
    );
}

#[test]
fn coder_reads_a_speakers_own_duty_as_asking_no_one() {
    // "Ruiz said : I should tell you the news ." and the same with Togo for "I".
    let said = |subject: &str| {
        code(&format!(
            "Ruiz Ruiz PROPN NNP 2 nsubj KEN/GOV
             said say VERB VBD 0 root
             : : PUNCT : 2 punct
             {subject}
             should should AUX MD 6 aux
             tell tell VERB VB 2 ccomp
             you you PRON PRP 6 iobj
             the the DET DT 9 det
             news news NOUN NN 6 obj
             . . PUNCT . 2 punct"
        ))
        .1
        .iter()
        .any(|e| e.plover_type == "REQUEST")
    };
    assert!(!said("I I PRON PRP 6 nsubj"));
    assert!(said("Togo Togo PROPN NNP 6 nsubj TGO"));
}

#[test]
fn coder_gives_an_implied_arrest_the_country_of_a_known_person_arrested() {
    // "Ruiz was arrested , Togo , Togo and Benin said .", Ruiz a Kenyan official the
    // dictionary knows, in a story that names Togo most.
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 3 nsubj:pass KEN/GOV
         was be AUX VBD 3 aux:pass
         arrested arrest VERB VBN 10 ccomp
         , , PUNCT , 10 punct
         Togo Togo PROPN NNP 10 nsubj TGO
         , , PUNCT , 7 punct
         Togo Togo PROPN NNP 5 conj TGO
         and and CCONJ CC 9 cc
         Benin Benin PROPN NNP 5 conj BEN
         said say VERB VBD 0 root
         . . PUNCT . 10 punct",
    );
    let arrest = ev.iter().find(|e| e.cameo == "173").expect("an arrest");
    assert!(arrest.actors[0].implied);
    assert_eq!(codes(&arrest.actors), ["KEN"]);
}

#[test]
fn coder_reads_people_fighting_no_one_as_words() {
    // "Ruiz fought ." and "Kenyan rebels fought ."
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 2 nsubj KEN/GOV
         fought fight VERB VBD 0 root
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().all(|e| e.plover_type != "ASSAULT"), "{ev:?}");
    let (_, ev) = code(
        "Kenyan Kenyan ADJ JJ 2 amod KEN
         rebels rebel NOUN NNS 3 nsubj
         fought fight VERB VBD 0 root
         . . PUNCT . 3 punct",
    );
    assert!(ev.iter().any(|e| e.plover_type == "ASSAULT"), "{ev:?}");
}

#[test]
fn coder_reads_meeting_a_promise_as_no_meeting() {
    // "Ghana met its {noun} ."
    let met = |noun: &str| {
        code(&format!(
            "Ghana Ghana PROPN NNP 2 nsubj GHA
             met meet VERB VBD 0 root
             its its PRON PRP$ 4 nmod:poss GHA
             {noun} {noun} NOUN NNS 2 obj
             . . PUNCT . 2 punct"
        ))
        .1
        .iter()
        .any(|e| e.plover_type == "CONSULT")
    };
    assert!(!met("promise"));
    assert!(!met("pledge"));
}

#[test]
fn coder_gives_the_complement_of_a_passive_the_passives_subject() {
    // "Ruiz is expected to criticise Togo ."
    let (_, ev) = code(
        "Ruiz Ruiz PROPN NNP 3 nsubj:pass KEN/GOV
         is be AUX VBZ 3 aux:pass
         expected expect VERB VBN 0 root
         to to PART TO 5 mark
         criticise criticise VERB VB 3 xcomp
         Togo Togo PROPN NNP 5 obj TGO
         . . PUNCT . 3 punct",
    );
    let criticism = ev
        .iter()
        .find(|e| e.plover_type == "ACCUSE")
        .expect("a criticism");
    assert_eq!(codes(&criticism.actors), ["KEN"]);
    assert_eq!(codes(&criticism.recipients), ["TGO"]);
}

#[test]
fn coder_reads_seizing_on_a_report_as_no_seizure() {
    // "Ghana seized on the report ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         seized seize VERB VBD 0 root
         on on ADP IN 5 case
         the the DET DT 5 det
         report report NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn coder_reads_people_travelling_to_no_one_as_no_visit() {
    // "Thousands of people travelled to the farm ." and "Ghana travelled to Togo ."
    let (_, ev) = code(
        "People people NOUN NNS 2 nsubj
         travelled travel VERB VBD 0 root
         to to ADP IN 5 case
         the the DET DT 5 det
         farm farm NOUN NN 2 obl
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         travelled travel VERB VBD 0 root
         to to ADP IN 4 case
         Togo Togo PROPN NNP 2 obl TGO
         . . PUNCT . 2 punct",
    );
    assert!(ev.iter().any(|e| e.cameo == "042"), "{ev:?}");
}

#[test]
fn coder_reads_the_president_of_an_unnamed_body_as_no_government() {
    // "The Academy president praised Togo ." and "The president praised Togo ."
    let praise = |body: &str| {
        let rows = if body.is_empty() {
            "The the DET DT 2 det
             president president NOUN NN 3 nsubj
             praised praise VERB VBD 0 root
             Togo Togo PROPN NNP 3 obj TGO
             . . PUNCT . 3 punct"
                .to_string()
        } else {
            format!(
                "The the DET DT 3 det
                 {body} {} PROPN NNP 3 compound
                 president president NOUN NN 4 nsubj
                 praised praise VERB VBD 0 root
                 Togo Togo PROPN NNP 4 obj TGO
                 . . PUNCT . 4 punct",
                body.to_lowercase()
            )
        };
        let (_, ev) = code(&rows);
        ev.iter()
            .filter(|e| e.plover_type == "SUPPORT")
            .flat_map(|e| e.actors.iter().map(|a| a.sector.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(praise(""), [Some("GOV".to_string())]);
    assert!(
        !praise("Academy").contains(&Some("GOV".to_string())),
        "{:?}",
        praise("Academy")
    );
}

#[test]
fn coder_reads_a_for_phrase_before_the_subject_as_no_recipient() {
    // "For Ghana , Ruiz said Togo should act ."
    let (_, ev) = code(
        "For for ADP IN 2 case
         Ghana Ghana PROPN NNP 5 obl GHA
         , , PUNCT , 5 punct
         Ruiz Ruiz PROPN NNP 5 nsubj KEN/GOV
         said say VERB VBD 0 root
         Togo Togo PROPN NNP 8 nsubj TGO
         should should AUX MD 8 aux
         act act VERB VB 5 ccomp
         . . PUNCT . 5 punct",
    );
    let appeal = ev
        .iter()
        .find(|e| e.plover_type == "REQUEST")
        .expect("an appeal");
    assert_eq!(codes(&appeal.recipients), ["TGO"]);
}

#[test]
fn coder_reads_an_infinitive_to_as_no_one_talked_to() {
    // "Ghana wants to talk about plans to grow trade ." and "Ghana wants to talk to Togo ."
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         wants want VERB VBZ 0 root
         to to PART TO 4 mark
         talk talk VERB VB 2 xcomp
         about about ADP IN 6 case
         plans plan NOUN NNS 4 obl
         to to PART TO 8 mark
         grow grow VERB VB 4 advcl
         trade trade NOUN NN 8 obj
         . . PUNCT . 2 punct",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let (_, ev) = code(
        "Ghana Ghana PROPN NNP 2 nsubj GHA
         wants want VERB VBZ 0 root
         to to PART TO 4 mark
         talk talk VERB VB 2 xcomp
         to to ADP IN 6 case
         Togo Togo PROPN NNP 4 obl TGO
         . . PUNCT . 2 punct",
    );
    assert!(!ev.is_empty(), "talking to Togo is coded");
}
