//! Attribution on hand-parsed sentences, so that these tests do not depend on the statistical
//! models: each row is `form lemma UPOS XPOS head deprel`, heads 1-based.

use kestrel_core::{Document, Layer, Sentence, Span, Token};

fn doc(rows: &str) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for row in rows.lines().map(str::trim).filter(|r| !r.is_empty()) {
        let f: Vec<&str> = row.split_whitespace().collect();
        // Punctuation joins the word before it, as written.
        let joined = matches!(f[0], "," | ".") && !text.is_empty();
        if !text.is_empty() && !joined {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(f[0]);
        let head: usize = f[4].parse().unwrap();
        tokens.push(Token {
            span: Span::new(start, text.len()),
            joined_to_previous: joined,
            upos: Some(f[2].into()),
            xpos: Some(f[3].into()),
            lemma: Some(f[1].into()),
            feats: None,
            head: head.checked_sub(1),
            deprel: Some(f[5].into()),
        });
    }
    let mut d = Document::new("test", text.clone());
    d.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..tokens.len(),
    }];
    d.tokens = tokens;
    d.layers = vec![Layer::Segment, Layer::Tag, Layer::Parse];
    d
}

#[test]
fn a_complement_with_its_own_preposition_is_not_what_was_said() {
    // "The bridge deal had collapsed, the mayor said on Monday, according to three aides.",
    // with "aides" parsed as the complement of "said".
    let d = doc("The the DET DT 3 det
         bridge bridge NOUN NN 3 compound
         deal deal NOUN NN 5 nsubj
         had have AUX VBD 5 aux
         collapsed collapse VERB VBN 9 ccomp
         , , PUNCT , 5 punct
         the the DET DT 8 det
         mayor mayor NOUN NN 9 nsubj
         said say VERB VBD 0 root
         on on ADP IN 11 case
         Monday Monday PROPN NNP 9 obl
         , , PUNCT , 16 punct
         according accord VERB VBG 16 case
         to to ADP IN 13 fixed
         three three NUM CD 16 nummod
         aides aide NOUN NNS 9 ccomp
         . . PUNCT . 9 punct");
    let quotes = kestrel_quotes::find_quotes(&d);
    let by_mayor = quotes
        .iter()
        .find(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| d.slice(s.span) == "the mayor")
        })
        .expect("the mayor's statement is found");
    assert!(
        d.slice(by_mayor.content)
            .starts_with("The bridge deal had collapsed"),
        "{:?}",
        d.slice(by_mayor.content)
    );
}

#[test]
fn a_speech_verb_that_ends_the_sentence_after_a_comma_is_read_without_a_subject() {
    // "The plan will fail, warned": the subject is looked for after the verb, where there is
    // no word left. A parse from outside (CoNLL-U input) can hang it so.
    let d = doc("The the DET DT 2 det
         plan plan NOUN NN 4 nsubj
         will will AUX MD 4 aux
         fail fail VERB VB 6 ccomp
         , , PUNCT , 6 punct
         warned warn VERB VBD 0 root");
    let quotes = kestrel_quotes::find_quotes(&d);
    assert!(quotes.iter().all(|q| q.speaker.is_none()), "{quotes:?}");
}
