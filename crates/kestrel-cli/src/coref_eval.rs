//! `kestrel eval coref FILE.conllu`: coreference against a treebank whose MISC column carries
//! CorefUD-style `Entity=` brackets (UD English-GUM since v2.11). Each document's text is
//! rebuilt from its `# text` lines and run through Kestrel's own pipeline; mentions are matched
//! to the gold ones by character spans.
//!
//! Kestrel links three kinds of mention to a named entity: pronouns, definite descriptions
//! and later name mentions ("Mensah" after "Kofi Mensah"). Each kind is scored as links: a
//! link is right when the nearest name mention before it in Kestrel's cluster is a mention of
//! the gold entity the linked mention belongs to. Recall is over the gold mentions of that
//! kind whose entity (a person, organisation or place) was named before them.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::eval::ratio;
use kestrel_core::output::CharOffsets;
use kestrel_core::{Document, EntityKind, MentionKind};
use serde_json::json;

/// One word of a gold document.
#[derive(Clone, Debug)]
struct GoldWord {
    /// Character offsets in the rebuilt text.
    start: usize,
    end: usize,
    form: String,
    upos: String,
}

/// One gold mention: words `first..=last` of its document.
#[derive(Clone, Debug)]
pub(crate) struct GoldMention {
    pub(crate) entity: String,
    /// GUM's entity type: person, organization, place, abstract, ...
    pub(crate) kind: String,
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// One gold document: its text, words and mentions.
#[derive(Clone, Debug, Default)]
struct GoldDocument {
    id: String,
    text: String,
    words: Vec<GoldWord>,
    mentions: Vec<GoldMention>,
    /// `text` as characters, which spans count in.
    chars: Vec<char>,
}

/// The three kinds of mention scored.
const KINDS: [&str; 3] = ["pronoun", "description", "name"];

/// Third-person pronouns that may refer to a person, an organisation or a place.
const PRONOUNS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// Links of one kind and one group (people, or organisations and places).
#[derive(Clone, Copy, Debug, Default)]
struct Links {
    /// Links Kestrel made.
    made: usize,
    /// Of them, right.
    right: usize,
    /// Gold mentions that should be linked.
    gold: usize,
    /// Of them, linked right.
    found: usize,
}

impl Links {
    fn precision(&self) -> f64 {
        ratio(self.right, self.made)
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Links) {
        self.made += o.made;
        self.right += o.right;
        self.gold += o.gold;
        self.found += o.found;
    }
}

/// Parses one MISC `Entity=` value into the mentions it opens (entity, type, and whether it
/// closes on the same word) and the entities it closes: `(3-person-new-...-coref` opens,
/// `3)` closes, `(3-person-...)` is a one-word mention.
fn parse_entity_field(value: &str) -> (Vec<(String, String, bool)>, Vec<String>) {
    let (mut opened, mut closed) = (Vec::new(), Vec::new());
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let end = value[i + 1..]
                .find(['(', ')'])
                .map_or(value.len(), |k| i + 1 + k);
            let spec = &value[i + 1..end];
            let mut fields = spec.split('-');
            let id = fields.next().unwrap_or_default().to_string();
            let kind = fields.next().unwrap_or_default().to_string();
            let closes_here = bytes.get(end) == Some(&b')');
            opened.push((id, kind, closes_here));
            i = if closes_here { end + 1 } else { end };
        } else {
            let end = value[i..].find(')').map_or(value.len(), |k| i + k);
            let id = value[i..end].trim();
            if !id.is_empty() {
                closed.push(id.to_string());
            }
            i = end + 1;
        }
    }
    (opened, closed)
}

/// Reads word `w`'s `Entity=` value: the mentions it opens join `open` (entity, type, first
/// word), and the mentions that end at it, one-word ones included, are returned.
pub(crate) fn mentions_ending_at(
    value: &str,
    w: usize,
    open: &mut Vec<(String, String, usize)>,
) -> Vec<GoldMention> {
    let (opened, closed) = parse_entity_field(value);
    let mut ended = Vec::new();
    for (entity, kind, closes_here) in opened {
        if closes_here {
            ended.push(GoldMention {
                entity,
                kind,
                first: w,
                last: w,
            });
        } else {
            open.push((entity, kind, w));
        }
    }
    for id in closed {
        if let Some(k) = open.iter().rposition(|(o, _, _)| *o == id) {
            let (entity, kind, first) = open.remove(k);
            ended.push(GoldMention {
                entity,
                kind,
                first,
                last: w,
            });
        }
    }
    ended
}

/// Reads the documents of a CoNLL-U file with `Entity=` annotations. Sentences are joined by
/// a space within a paragraph (`# newpar`) and by a blank line between paragraphs.
fn read_gold(content: &str) -> Vec<GoldDocument> {
    let mut docs: Vec<GoldDocument> = Vec::new();
    let mut open: Vec<(String, String, usize)> = Vec::new();
    // The current sentence's text, as characters, which word offsets count.
    let mut sentence_chars: Vec<char> = Vec::new();
    // Where the current sentence's text starts, and how far its words have been found.
    let mut sentence_start = 0;
    let mut cursor = 0;
    for line in content.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            docs.push(GoldDocument {
                id: id.trim().to_string(),
                ..GoldDocument::default()
            });
            open.clear();
            continue;
        }
        if docs.is_empty() {
            docs.push(GoldDocument {
                id: "document".to_string(),
                ..GoldDocument::default()
            });
        }
        let doc = docs.last_mut().expect("a document is open");
        if line.starts_with("# newpar") && !doc.text.is_empty() {
            doc.text.push_str("\n\n");
            continue;
        }
        if let Some(text) = line.strip_prefix("# text = ") {
            if !doc.text.is_empty() && !doc.text.ends_with('\n') {
                doc.text.push(' ');
            }
            sentence_start = doc.text.chars().count();
            cursor = 0;
            doc.text.push_str(text);
            sentence_chars = text.chars().collect();
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let form = cols[1];
        // The word's place in its sentence's text; a word the text spells otherwise keeps
        // the place the search has reached, with no width.
        let chars = &sentence_chars;
        let form_chars: Vec<char> = form.chars().collect();
        let found = (cursor..=chars.len().saturating_sub(form_chars.len()))
            .find(|&k| chars[k..].starts_with(&form_chars));
        let (start, end) = match found {
            Some(k) => {
                cursor = k + form_chars.len();
                (k, cursor)
            }
            None => (cursor, cursor),
        };
        let w = doc.words.len();
        doc.words.push(GoldWord {
            start: sentence_start + start,
            end: sentence_start + end,
            form: form.to_string(),
            upos: cols[3].to_string(),
        });
        let Some(value) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        doc.mentions.extend(mentions_ending_at(value, w, &mut open));
    }
    for doc in &mut docs {
        doc.mentions
            .sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        doc.chars = doc.text.chars().collect();
    }
    docs
}

impl GoldDocument {
    fn span(&self, m: &GoldMention) -> (usize, usize) {
        (self.words[m.first].start, self.words[m.last].end)
    }

    /// A mention by name: its words, leaving out determiners, punctuation and the possessive
    /// ending, are all proper nouns.
    fn is_named(&self, m: &GoldMention) -> bool {
        let words = &self.words[m.first..=m.last];
        let content: Vec<&GoldWord> = words
            .iter()
            .filter(|w| !matches!(w.upos.as_str(), "DET" | "PUNCT" | "PART"))
            .collect();
        !content.is_empty() && content.iter().all(|w| w.upos == "PROPN")
    }

    /// A definite description: a determiner ("the", "this", ...), then no proper noun and no
    /// pronoun.
    fn is_description(&self, m: &GoldMention) -> bool {
        let words = &self.words[m.first..=m.last];
        words.len() >= 2
            && words[0].upos == "DET"
            && matches!(
                words[0].form.to_lowercase().as_str(),
                "the" | "this" | "that" | "these" | "those"
            )
            && words[1..]
                .iter()
                .all(|w| !matches!(w.upos.as_str(), "PROPN" | "PRON"))
    }

    fn is_pronoun(&self, m: &GoldMention) -> bool {
        m.first == m.last && PRONOUNS.contains(&self.words[m.first].form.to_lowercase().as_str())
    }

    /// Whether an earlier mention of the same entity is by name.
    fn named_before(&self, m: &GoldMention) -> bool {
        self.mentions
            .iter()
            .any(|o| o.entity == m.entity && o.last < m.first && self.is_named(o))
    }

    /// The text of the last mention by name of the same entity before `m`.
    fn name_before(&self, m: &GoldMention) -> Option<String> {
        let o = self
            .mentions
            .iter()
            .rev()
            .find(|o| o.entity == m.entity && o.last < m.first && self.is_named(o))?;
        let (a, b) = self.span(o);
        Some(self.chars[a..b].iter().collect())
    }

    /// The gold mention a predicted span stands for: the same span, or, as English puts a
    /// noun phrase's head last, the innermost mention that ends where it ends (after a
    /// possessive ending and punctuation) and starts no later, or else the innermost that
    /// starts where it starts and ends later.
    fn mention_at(&self, (a, b): (usize, usize)) -> Option<&GoldMention> {
        let chars = &self.chars;
        let trim_end = |mut b: usize, a: usize| loop {
            let before = b;
            while b > a && (chars[b - 1].is_whitespace() || ",.;:\"”’".contains(chars[b - 1])) {
                b -= 1;
            }
            for ending in ["'s", "’s", "'", "’"] {
                let e: Vec<char> = ending.chars().collect();
                if b >= a + e.len() && chars[b - e.len()..b] == e[..] {
                    b -= e.len();
                    break;
                }
            }
            if b == before {
                return b;
            }
        };
        let end = trim_end(b, a);
        self.mentions
            .iter()
            .filter(|m| {
                let (c, d) = self.span(m);
                (c, d) == (a, b) || (c <= a && trim_end(d, c) == end)
            })
            .min_by_key(|m| {
                let (c, d) = self.span(m);
                ((c, d) != (a, b), d - c)
            })
            .or_else(|| {
                // Else the innermost that starts where it starts and runs on past it: GUM
                // keeps an apposition in the mention ("Ana Ruiz, QC").
                self.mentions
                    .iter()
                    .filter(|m| {
                        let (c, d) = self.span(m);
                        c == a && b <= d
                    })
                    .min_by_key(|m| {
                        let (c, d) = self.span(m);
                        d - c
                    })
            })
    }
}

/// Which of the two groups an entity type belongs to: people (0) or organisations and
/// places (1).
fn group_of_gold(kind: &str) -> Option<usize> {
    match kind {
        "person" => Some(0),
        "organization" | "place" => Some(1),
        _ => None,
    }
}

fn group_of(kind: EntityKind) -> Option<usize> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Org | EntityKind::Gpe | EntityKind::Loc => Some(1),
        _ => None,
    }
}

/// Tallies, by kind (pronoun, description, name) and group (people; organisations and
/// places).
type Tally = [[Links; 2]; 3];

/// One wrong or missed link, for `--errors`.
struct LinkError {
    kind: usize,
    at: usize,
    mention: String,
    kestrel: Option<String>,
    gold: Option<String>,
}

/// Scores one document's predicted clusters against its gold mentions.
fn score_document(
    gold: &GoldDocument,
    doc: &Document,
    tally: &mut Tally,
    errors: &mut Vec<LinkError>,
) {
    let offsets = CharOffsets::new(&doc.text);
    let span =
        |e: &kestrel_core::Entity| (offsets.char_at(e.span.start), offsets.char_at(e.span.end));
    let text_of = |(a, b): (usize, usize)| gold.chars[a..b].iter().collect::<String>();
    // The gold mention each predicted mention stands for.
    let matched: Vec<Option<&GoldMention>> = doc
        .entities
        .iter()
        .map(|e| gold.mention_at(span(e)))
        .collect();
    // Gold mentions (by their place in `gold.mentions`) linked right.
    let mut found: HashMap<(usize, usize), bool> = HashMap::new();
    let index_of = |m: &GoldMention| {
        gold.mentions
            .iter()
            .position(|o| std::ptr::eq(o, m))
            .expect("a gold mention")
    };
    for (i, e) in doc.entities.iter().enumerate() {
        let kind = match e.mention {
            MentionKind::Pronoun => 0,
            MentionKind::Description => 1,
            MentionKind::Name => 2,
        };
        let Some(group) = group_of(e.kind) else {
            continue;
        };
        let Some(cluster) = e.cluster else {
            continue;
        };
        // The nearest name mention of the cluster before this one.
        let antecedent = doc
            .entities
            .iter()
            .enumerate()
            .filter(|&(j, o)| {
                j != i
                    && o.cluster == Some(cluster)
                    && o.mention == MentionKind::Name
                    && o.span.end <= e.span.start
            })
            .max_by_key(|(_, o)| o.span.start)
            .map(|(j, _)| j);
        let Some(antecedent) = antecedent else {
            continue;
        };
        tally[kind][group].made += 1;
        let right = match (matched[i], matched[antecedent]) {
            (Some(m), Some(a)) => m.entity == a.entity && !std::ptr::eq(m, a),
            _ => false,
        };
        if right {
            tally[kind][group].right += 1;
            found.insert((kind, index_of(matched[i].expect("matched"))), true);
        } else {
            errors.push(LinkError {
                kind,
                at: span(e).0,
                mention: text_of(span(e)),
                kestrel: Some(text_of(span(&doc.entities[antecedent]))),
                gold: matched[i].and_then(|m| gold.name_before(m)),
            });
        }
    }
    for (k, m) in gold.mentions.iter().enumerate() {
        let Some(group) = group_of_gold(&m.kind) else {
            continue;
        };
        let kind = if gold.is_pronoun(m) {
            0
        } else if gold.is_description(m) {
            1
        } else if gold.is_named(m) {
            2
        } else {
            continue;
        };
        if !gold.named_before(m) {
            continue;
        }
        tally[kind][group].gold += 1;
        if found.contains_key(&(kind, k)) {
            tally[kind][group].found += 1;
        } else {
            let (a, b) = gold.span(m);
            if !errors.iter().any(|x| x.at == a && x.kind == kind) {
                errors.push(LinkError {
                    kind,
                    at: a,
                    mention: text_of((a, b)),
                    kestrel: None,
                    gold: gold.name_before(m),
                });
            }
        }
    }
}

/// Runs the evaluation.
pub fn run(file: &Path, json: bool, list_errors: bool) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let docs = read_gold(&content);
    anyhow::ensure!(
        docs.iter().any(|d| !d.mentions.is_empty()),
        "{} has no Entity= annotations in its MISC column; coreference needs a treebank that \
         carries them, such as UD English-GUM",
        file.display()
    );
    let stages = crate::code::available_stages(None, &[], &[])?;
    let pipeline =
        kestrel_core::Pipeline::select(stages, &["segment", "tag", "parse", "ner", "actors"])?;
    let mut total: Tally = Default::default();
    let mut by_genre: std::collections::BTreeMap<String, Tally> = Default::default();
    for gold in &docs {
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        pipeline.run(&mut doc);
        let mut tally: Tally = Default::default();
        let mut errors = Vec::new();
        score_document(gold, &doc, &mut tally, &mut errors);
        // GUM's documents are named GUM_<genre>_<name>.
        let genre = gold.id.split('_').nth(1).unwrap_or("other").to_string();
        let genre_tally = by_genre.entry(genre).or_default();
        for k in 0..3 {
            for g in 0..2 {
                total[k][g].add(&tally[k][g]);
                genre_tally[k][g].add(&tally[k][g]);
            }
        }
        if list_errors {
            errors.sort_by_key(|x| x.at);
            for x in errors {
                let context: String = gold
                    .text
                    .chars()
                    .skip(x.at.saturating_sub(60))
                    .take(60 + x.mention.chars().count() + 30)
                    .collect::<String>()
                    .replace('\n', " ");
                println!(
                    "{}\t{}\t{:?}\tkestrel: {}\tgold: {}\t…{}…",
                    gold.id,
                    KINDS[x.kind],
                    x.mention,
                    x.kestrel.as_deref().unwrap_or("(none)"),
                    x.gold.as_deref().unwrap_or("(not a named entity's)"),
                    context
                );
            }
        }
    }
    println!("{}: {} documents", file.display(), docs.len());
    println!("  links          group                 P / R / F1            made  gold");
    let groups = ["people", "organisations, places"];
    for k in 0..3 {
        for (g, group) in groups.iter().enumerate() {
            let l = &total[k][g];
            println!(
                "  {:<13}  {:<21} {:.3} / {:.3} / {:.3}   {:>5} {:>5}",
                KINDS[k],
                group,
                l.precision(),
                l.recall(),
                l.f1(),
                l.made,
                l.gold
            );
        }
    }
    if json {
        let links_json = |l: &Links| {
            json!({
                "precision": crate::eval::round(l.precision()),
                "recall": crate::eval::round(l.recall()),
                "f1": crate::eval::round(l.f1()),
                "made": l.made, "right": l.right, "gold": l.gold, "found": l.found,
            })
        };
        let tally_json = |t: &Tally| {
            let mut v = serde_json::Map::new();
            for k in 0..3 {
                v.insert(
                    KINDS[k].to_string(),
                    json!({"people": links_json(&t[k][0]), "bodies": links_json(&t[k][1])}),
                );
            }
            serde_json::Value::Object(v)
        };
        let genres: serde_json::Map<String, serde_json::Value> = by_genre
            .iter()
            .map(|(g, t)| (g.clone(), tally_json(t)))
            .collect();
        println!(
            "{}",
            json!({
                "task": "coref",
                "file": file.display().to_string(),
                "documents": docs.len(),
                "links": tally_json(&total),
                "by_genre": genres,
            })
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kestrel_core::{Entity, Span};

    #[test]
    fn entity_brackets() {
        let (o, c) =
            parse_entity_field("(7-abstract-new-nnnss-cf6-2-coref(3-person-giv:act-s-1-coref)");
        assert_eq!(
            o,
            [
                ("7".to_string(), "abstract".to_string(), false),
                ("3".to_string(), "person".to_string(), true)
            ]
        );
        assert!(c.is_empty());
        let (o, c) = parse_entity_field("3)7)");
        assert!(o.is_empty());
        assert_eq!(c, ["3", "7"]);
    }

    /// A made-up story: Nadia Ferro, then "she", then "the minister", then "Ferro".
    const STORY: &str = "# newdoc id = GUM_news_made_up
# newpar
# text = Nadia Ferro arrived.
1\tNadia\tNadia\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-x-coref
2\tFerro\tFerro\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = She spoke and the minister left.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-coref)
2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_
3\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(1-person-giv-x-coref
5\tminister\tminister\tNOUN\tNN\t_\t6\tnsubj\t_\tEntity=1)
6\tleft\tleave\tVERB\tVBD\t_\t2\tconj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newpar
# text = Ferro smiled.
1\tFerro\tFerro\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-coref)
2\tsmiled\tsmile\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn reads_documents_words_and_mentions() {
        let docs = read_gold(STORY);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "Nadia Ferro arrived. She spoke and the minister left.\n\nFerro smiled."
        );
        assert_eq!(d.mentions.len(), 4);
        let spans: Vec<String> = d
            .mentions
            .iter()
            .map(|m| {
                let (a, b) = d.span(m);
                d.text[a..b].to_string()
            })
            .collect();
        assert_eq!(spans, ["Nadia Ferro", "She", "the minister", "Ferro"]);
        assert!(d.is_named(&d.mentions[0]) && d.is_pronoun(&d.mentions[1]));
        assert!(d.is_description(&d.mentions[2]) && d.named_before(&d.mentions[3]));
    }

    fn mention(
        text: &str,
        word: &str,
        kind: EntityKind,
        cluster: usize,
        how: MentionKind,
    ) -> Entity {
        let start = text.find(word).expect("word in text");
        Entity {
            span: Span::new(start, start + word.len()),
            sentence: 0,
            tokens: 0..0,
            kind,
            actor: None,
            cluster: Some(cluster),
            mention: how,
        }
    }

    #[test]
    fn scores_links() {
        let gold = &read_gold(STORY)[0];
        let mut doc = Document::new("d", gold.text.clone());
        // The name and "She" are linked right; "the minister" is linked to a mention that
        // is no gold mention of hers; "Ferro" is left in a cluster of its own.
        doc.entities = vec![
            mention(
                &gold.text,
                "Nadia Ferro",
                EntityKind::Person,
                0,
                MentionKind::Name,
            ),
            mention(
                &gold.text,
                "arrived",
                EntityKind::Person,
                1,
                MentionKind::Name,
            ),
            mention(
                &gold.text,
                "She",
                EntityKind::Person,
                0,
                MentionKind::Pronoun,
            ),
            mention(
                &gold.text,
                "the minister",
                EntityKind::Person,
                1,
                MentionKind::Description,
            ),
            mention(
                &gold.text,
                "Ferro smiled",
                EntityKind::Person,
                4,
                MentionKind::Name,
            ),
        ];
        doc.entities[4].span.end = doc.entities[4].span.start + "Ferro".len();
        let mut tally: Tally = Default::default();
        let mut errors = Vec::new();
        score_document(gold, &doc, &mut tally, &mut errors);
        let pronoun = tally[0][0];
        assert_eq!(
            (pronoun.made, pronoun.right, pronoun.gold, pronoun.found),
            (1, 1, 1, 1)
        );
        let description = tally[1][0];
        assert_eq!(
            (
                description.made,
                description.right,
                description.gold,
                description.found
            ),
            (1, 0, 1, 0)
        );
        let name = tally[2][0];
        assert_eq!((name.made, name.right, name.gold, name.found), (0, 0, 1, 0));
        assert_eq!(errors.len(), 2, "the wrong description and the missed name");
    }
}
