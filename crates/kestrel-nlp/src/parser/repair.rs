//! Repairs of finished trees: shapes the greedy parser gets wrong in news text (which its
//! training treebank, web text, rarely shows) and that break a constraint every UD English
//! tree keeps, such as one subject per predicate. Each takes heads 1-based (0 for the root),
//! one per word, and the relations beside them.

/// Runs every repair, in order.
pub(super) fn repair(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    verb_read_as_auxiliary(forms, tags, heads, labels);
    preposition_on_a_modifier(tags, heads, labels);
    noun_conjunct_of_a_verb(tags, heads, labels);
    phrase_read_as_a_conjunct(forms, tags, heads, labels);
    object_before_the_object(tags, heads, labels);
    infinitive_read_as_a_second_subject(forms, heads, labels);
    copula_of_a_participle(tags, heads, labels);
    agree_voice(heads, labels);
    title_before_name(forms, tags, heads, labels);
    preposition_on_the_first_word_of_a_name(forms, tags, heads, labels);
    determiner_read_as_subject(tags, heads, labels);
    noun_before_the_subject(forms, tags, heads, labels);
    subject_after_the_verb(tags, heads, labels);
    second_subject_is_the_object(forms, tags, heads, labels);
    relative_clause_subject(tags, heads, labels);
    noun_after_a_preposition_read_as_a_subject(forms, tags, heads, labels);
    clause_after_a_subordinator(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        subject_split_by_a_subordinator(forms, tags, h, l)
    });
    day_read_as_subject(forms, heads, labels);
    name_after_a_fronted_day(forms, tags, heads, labels);
    day_after_its_noun(forms, tags, heads, labels);
    phrase_after_a_day(forms, tags, heads, labels);
    day_between_subject_and_verb(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        object_read_as_a_later_subject(tags, h, l)
    });
    kept_if_a_tree(heads, labels, |h, l| {
        participle_after_an_auxiliary_read_as_a_modifier(tags, h, l)
    });
    kept_if_a_tree(heads, labels, |h, l| {
        subordinator_on_the_subject(forms, tags, h, l)
    });
    kept_if_a_tree(heads, labels, |h, l| {
        subject_hung_before_its_verb(tags, h, l)
    });
    kept_if_a_tree(heads, labels, |h, l| subject_split_in_two(tags, h, l));
    kept_if_a_tree(heads, labels, |h, l| {
        object_read_as_a_complement(tags, h, l)
    });
    kept_if_a_tree(heads, labels, |h, l| {
        reporting_verb_after_its_clause(forms, tags, h, l)
    });
    whose_clause_read_as_the_main_one(tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        relative_clause_read_as_the_main_one(forms, tags, h, l)
    });
    // The repairs run on a copy need a number or a participle: most sentences skip the copy.
    if tags.contains(&"CD") {
        kept_if_a_tree(heads, labels, |h, l| {
            first_object_before_a_number(tags, h, l)
        });
    }
    auxiliary_read_as_verb(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        verb_hung_on_its_subject(forms, tags, h, l)
    });
    participle_with_a_subject(tags, heads, labels);
    complement_before_its_verb(tags, heads, labels);
    if tags.iter().any(|t| matches!(*t, "VBN" | "VBD")) {
        kept_if_a_tree(heads, labels, |h, l| {
            participle_as_the_main_verb(forms, tags, h, l)
        });
    }
    if tags.contains(&"VBN") {
        kept_if_a_tree(heads, labels, |h, l| {
            hyphenated_participle(forms, tags, h, l)
        });
        kept_if_a_tree(heads, labels, |h, l| {
            clause_noun_before_a_participle(tags, h, l)
        });
        kept_if_a_tree(heads, labels, |h, l| {
            report_verb_read_as_a_modifier(tags, h, l)
        });
    }
    // After the participle repairs, which leave some of these shapes.
    // Most sentences have no complement before its verb, and skip the copy.
    if (0..heads.len()).any(|c| labels[c] == "ccomp" && heads[c] > c + 1) {
        kept_if_a_tree(heads, labels, |h, l| {
            complement_before_its_verb_without_punctuation(forms, tags, h, l)
        });
    }
    // After the participle repairs, which can leave a noun where a participle stood.
    to_marking_a_noun(forms, tags, heads, labels);
    clause_with_an_auxiliary_hung_on_its_subject(tags, heads, labels);
    quantity_read_as_a_preposition(tags, heads, labels);
    up_to_a_number(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| more_than_a_number(forms, tags, h, l));
    kept_if_a_tree(heads, labels, |h, l| {
        number_read_as_the_head(forms, tags, h, l)
    });
    noun_hung_on_its_preposition(forms, tags, heads, labels);
    subject_read_as_an_oblique(forms, tags, heads, labels);
    first_object_read_as_a_modifier(forms, tags, heads, labels);
    bare_oblique_is_the_object(forms, tags, heads, labels);
    nominal_complement_is_the_object(forms, tags, heads, labels);
    object_with_a_preposition(heads, labels);
    two_objects(forms, tags, heads, labels);
    noun_labelled_an_adjective(tags, labels);
    adjective_labelled_a_compound(tags, labels);
    expletive_before_a_clause(forms, tags, heads, labels);
    infinitive_read_as_a_relative_clause(forms, tags, heads, labels);
    adverbial_clause_read_as_a_relative_clause(forms, tags, heads, labels);
    place_between_subject_and_verb(forms, tags, heads, labels);
    determiner_hung_on_a_verb(tags, heads, labels);
    word_hung_on_its_function_word(tags, heads, labels);
    verb_joined_to_its_subject(tags, heads, labels);
    participle_modifier_read_as_a_clause(forms, tags, heads, labels);
    words_hung_on_an_adverbial_idiom(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        noun_before_a_clause_read_as_its_subject(forms, tags, h, l)
    });
    relative_clause_holding_the_main_subject(forms, tags, heads, labels);
    addressee_read_as_a_subject(forms, tags, heads, labels);
    kept_if_a_tree(heads, labels, |h, l| {
        relative_clause_read_as_a_complement(forms, tags, h, l)
    });
    name_hung_on_its_title(forms, tags, heads, labels);
    // Last, as it follows from the rest of the tree.
    kept_if_a_tree(heads, labels, |h, l| {
        brackets_and_quotes_on_what_they_enclose(forms, h, l)
    });
    punctuation_crossing_an_arc(forms, heads, labels);
}

/// "can exclude pupils who threaten violence", "met Ana Ruiz, who ran the agency", parsed
/// with the verb after "who" or "which" hung on the main verb (as a complement, an adverbial
/// clause, a conjunct or a parenthetical): a clause whose subject is that relative pronoun,
/// right after a noun or name (and perhaps a comma), is a relative clause on that noun, on the
/// first word of a name (`acl:relcl`).
fn relative_clause_read_as_a_complement(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for i in 1..heads.len() {
        let pronoun = forms[i].to_lowercase();
        // "that" read as a relative pronoun right before its verb ("a plan that cuts ...",
        // "shelters that would last"); before a noun or pronoun it as often opens a content
        // clause ("a report that he planned ...").
        let relative_that = pronoun == "that"
            && tags[i] == "WDT"
            && tags
                .get(i + 1)
                .is_some_and(|t| t.starts_with("VB") || matches!(*t, "MD" | "RB"));
        let subject = (matches!(pronoun.as_str(), "who" | "which") || relative_that)
            && matches!(labels[i], "nsubj" | "nsubj:pass");
        // "the vote, which Velan won": the pronoun as the clause's object.
        let object = matches!(pronoun.as_str(), "who" | "whom" | "which") && labels[i] == "obj";
        if !subject && !object {
            continue;
        }
        let Some(verb) = heads[i].checked_sub(1) else {
            continue;
        };
        if verb <= i
            || !matches!(
                labels[verb],
                "ccomp" | "advcl" | "conj" | "parataxis" | "xcomp"
            )
        {
            continue;
        }
        let mut noun = i - 1;
        if forms[noun] == "," {
            let Some(before) = noun.checked_sub(1) else {
                continue;
            };
            noun = before;
        }
        if !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS") {
            continue;
        }
        // "John Cam Hobhouse, who ...": the name's first word heads it.
        while labels[noun] == "flat" && heads[noun] >= 1 && heads[noun] - 1 < noun {
            noun = heads[noun] - 1;
        }
        // A noun the parser hung on the clause ("after the vote, which Velan won, ...", with
        // "vote" an oblique of "won") takes the clause's place.
        if heads[noun] == verb + 1 {
            let new_head = heads[verb];
            // A subject that would land on a verb before it ("ban voting if Hamas, which
            // backs it, ran ...") belongs to a clause the parser has not built: left alone.
            if labels[noun].starts_with("nsubj") && new_head <= noun + 1 {
                continue;
            }
            heads[noun] = new_head;
            // "BAA, which runs it, said ...": with no preposition of its own, the noun before
            // a verb that has no subject is that verb's subject.
            let has_case = (0..heads.len()).any(|k| heads[k] == noun + 1 && labels[k] == "case");
            let subject_of_new_head = (0..heads.len())
                .any(|k| k != noun && heads[k] == new_head && labels[k].starts_with("nsubj"));
            if new_head > noun + 1
                && tags[new_head - 1].starts_with("VB")
                && !has_case
                && !subject_of_new_head
            {
                labels[noun] = "nsubj";
            }
        }
        heads[verb] = noun + 1;
        labels[verb] = "acl:relcl";
    }
}

/// "A lawyer told Reuters the company had agreed ...", parsed with "Reuters" as a second
/// subject of "agreed": a verb of telling with no object of its own, right before a noun or
/// name that the clause it reports takes as a subject beside a later one, has that noun as
/// the one told (`iobj`).
fn addressee_read_as_a_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const TELLING: &[&str] = &[
        "tell",
        "tells",
        "told",
        "telling",
        "inform",
        "informs",
        "informed",
        "informing",
        "assure",
        "assures",
        "assured",
        "assuring",
        "remind",
        "reminds",
        "reminded",
        "reminding",
        "notify",
        "notifies",
        "notified",
        "notifying",
    ];
    let n = heads.len();
    for x in 1..n {
        if !matches!(tags[x], "NN" | "NNS" | "NNP" | "NNPS") || labels[x] != "nsubj" {
            continue;
        }
        // The noun's phrase opens right after the verb of telling ("told the BBC ...").
        let (x_start, x_end) = phrase_span(heads, x);
        let Some(t) = x_start.checked_sub(1) else {
            continue;
        };
        if !TELLING.contains(&forms[t].to_lowercase().as_str())
            || dependents(heads, t).any(|k| matches!(labels[k], "obj" | "iobj"))
        {
            continue;
        }
        let Some(verb) = heads[x].checked_sub(1) else {
            continue;
        };
        let later_subject = dependents(heads, verb)
            .any(|k| k > x_end && k < verb && labels[k].starts_with("nsubj"));
        if heads[verb] == t + 1 && labels[verb] == "ccomp" && later_subject {
            heads[x] = t + 1;
            labels[x] = "iobj";
        }
    }
}

/// "a charge the company denies", "reports he told the minister": a verb with two subjects
/// before it, the first a common noun whose phrase ends where the second's (a personal pronoun
/// or a phrase opened by a determiner) begins, is a clause on that noun, the noun standing
/// where the verb stood. The clause is a relative clause (`acl:relcl`) when its verb has no
/// object, else a clause that tells the noun's content (`acl`). Not for the root. `heads` are
/// 1-based (0 for the root), one per word, as `labels`.
fn noun_before_a_clause_read_as_its_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const PERSONAL: &[&str] = &["he", "she", "they", "we", "i", "you", "it"];
    let n = heads.len();
    let span = |heads: &[usize], i: usize| {
        let inside = (0..n).filter(|&k| descends_from(heads, k, i));
        inside.fold((i, i), |(lo, hi), k| (lo.min(k), hi.max(k)))
    };
    for v in 0..n {
        if heads[v] == 0 || !tags[v].starts_with("VB") {
            continue;
        }
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| heads[k] == v + 1 && labels[k] == "nsubj")
            .collect();
        let [noun, second, ..] = subjects[..] else {
            continue;
        };
        if !matches!(tags[noun], "NN" | "NNS") {
            continue;
        }
        let (_, noun_end) = span(heads, noun);
        let (second_start, _) = span(heads, second);
        let personal =
            tags[second] == "PRP" && PERSONAL.contains(&forms[second].to_lowercase().as_str());
        if noun_end + 1 != second_start || !(personal || tags[second_start] == "DT") {
            continue;
        }
        let has_object = (0..n).any(|k| heads[k] == v + 1 && labels[k] == "obj");
        heads[noun] = heads[v];
        labels[noun] = match labels[v] {
            "ccomp" | "xcomp" => "obj",
            "advcl" => "obl",
            "csubj" => "nsubj",
            other => other,
        };
        heads[v] = noun + 1;
        labels[v] = if has_object { "acl" } else { "acl:relcl" };
    }
}

/// Hangs a pair of brackets or quotation marks on the one word of the stretch between them
/// whose head lies outside it, as the UD guidelines place them (the rule of Udapi's
/// `ud.FixPunct`): the parser often hung one of the pair elsewhere. Marks with dependents of
/// their own, straight single quotes (apostrophes as often) and marks with no partner are left
/// as they are. `heads` are 1-based (0 for the root), one per word, as `labels`.
fn brackets_and_quotes_on_what_they_enclose(
    forms: &[&str],
    heads: &mut [usize],
    labels: &[&'static str],
) {
    let n = heads.len();
    let old = heads.to_vec();
    let mut has_dependents = vec![false; n];
    for &h in &old {
        if h > 0 {
            has_dependents[h - 1] = true;
        }
    }
    let punct: Vec<bool> = (0..n)
        .map(|k| labels[k] == "punct" && !has_dependents[k])
        .collect();
    for i in 0..n {
        if !punct[i] {
            continue;
        }
        let w = forms[i];
        let straight_opening = w == "\"" && forms[..i].iter().filter(|&&f| f == w).count() % 2 == 0;
        let closer = match w {
            "(" => Some(")"),
            "[" => Some("]"),
            "{" => Some("}"),
            "“" => Some("”"),
            "‘" => Some("’"),
            "«" => Some("»"),
            "\"" if straight_opening => Some("\""),
            _ => None,
        };
        let opener = match w {
            ")" => Some("("),
            "]" => Some("["),
            "}" => Some("{"),
            "”" => Some("“"),
            "’" => Some("‘"),
            "»" => Some("«"),
            "\"" if !straight_opening => Some("\""),
            _ => None,
        };
        let span = match (closer, opener) {
            (Some(c), _) => (i + 1..n).find(|&k| forms[k] == c).map(|j| (i + 1, j)),
            (None, Some(o)) => (0..i).rev().find(|&k| forms[k] == o).map(|j| (j + 1, i)),
            (None, None) => None,
        };
        let Some((a, b)) = span else {
            continue;
        };
        let inside = |h: usize| h > a && h <= b;
        let mut tops = (a..b).filter(|&k| !punct[k] && !inside(old[k]));
        if let (Some(top), None) = (tops.next(), tops.next()) {
            heads[i] = top + 1;
        }
    }
}

/// Whether the arc from word `i` to its head crosses another arc: a word strictly between the
/// two ends hangs outside them, or a word outside hangs strictly between.
pub(super) fn arc_crosses_another(heads: &[usize], i: usize) -> bool {
    let Some(h) = heads[i].checked_sub(1) else {
        return false;
    };
    let (lo, hi) = (i.min(h), i.max(h));
    (0..heads.len()).any(|k| {
        let Some(hk) = heads[k].checked_sub(1) else {
            return lo < k && k < hi;
        };
        let inside = |x: usize| lo < x && x < hi;
        let outside = |x: usize| x < lo || x > hi;
        k != i && ((inside(k) && outside(hk)) || (inside(hk) && outside(k)))
    })
}

/// A comma, dash, colon or full stop whose arc crosses another arc: UD hangs punctuation so
/// that it crosses none, and the parser's mark was hung past a phrase it does not belong to.
/// It goes where Udapi's `ud.FixPunct` puts it: each neighbouring word climbs to its highest
/// ancestor on its own side of the mark whose phrase stays on that side, and the mark hangs on
/// the lower of the two (the left one when neither is below the other). Kept only when the new
/// arc crosses nothing. Marks that come in pairs are the rule above's. (Every mark so placed,
/// crossing or not, gained on GUM and lost on EWT dev; the crossing ones gain on both.)
fn punctuation_crossing_an_arc(forms: &[&str], heads: &mut [usize], labels: &[&'static str]) {
    let n = heads.len();
    let paired = |w: &str| {
        matches!(
            w,
            "(" | ")"
                | "["
                | "]"
                | "{"
                | "}"
                | "\""
                | "'"
                | "`"
                | "``"
                | "''"
                | "“"
                | "”"
                | "‘"
                | "’"
                | "«"
                | "»"
        )
    };
    let span = |heads: &[usize], x: usize| {
        let inside = (0..n).filter(|&k| descends_from(heads, k, x));
        inside.fold((x, x), |(lo, hi), k| (lo.min(k), hi.max(k)))
    };
    for i in 0..n {
        if labels[i] != "punct"
            || paired(forms[i])
            || heads.contains(&(i + 1))
            || !arc_crosses_another(heads, i)
        {
            continue;
        }
        let left = (0..i).rev().find(|&k| labels[k] != "punct").map(|mut l| {
            while heads[l] != 0 && heads[l] - 1 < i && span(heads, l).1 < i {
                l = heads[l] - 1;
            }
            l
        });
        let right = (i + 1..n).find(|&k| labels[k] != "punct").map(|mut r| {
            while heads[r] != 0 && heads[r] - 1 > i && span(heads, r).0 > i {
                r = heads[r] - 1;
            }
            r
        });
        let target = match (left, right) {
            (Some(l), Some(r)) if descends_from(heads, r, l) && !descends_from(heads, l, r) => r,
            (Some(l), _) => l,
            (None, Some(r)) => r,
            (None, None) => continue,
        };
        if labels[target] == "punct" {
            continue;
        }
        let old = heads[i];
        heads[i] = target + 1;
        if arc_crosses_another(heads, i) {
            heads[i] = old;
        }
    }
}

/// "a hunger strike to protest the verdict", with "to protest" labelled a relative clause
/// (`acl:relcl`): an infinitive with "to" and no wh-word is a plain clausal modifier (`acl`),
/// as EWT train labels 415 such clauses against 1.
fn infinitive_read_as_a_relative_clause(
    forms: &[&str],
    tags: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    for d in 0..heads.len() {
        if labels[d] != "acl:relcl" || tags[d] != "VB" {
            continue;
        }
        let to = dependents(heads, d)
            .any(|k| labels[k] == "mark" && forms[k].eq_ignore_ascii_case("to"));
        let wh = dependents(heads, d).any(|k| tags[k].starts_with('W'));
        if to && !wh {
            labels[d] = "acl";
        }
    }
}

/// The first verb (1-based) at `from` (1-based) or above it, if the climb reaches one before
/// the root; a broken tree's cycle ends the climb after as many steps as there are words.
fn verb_at_or_above(tags: &[&str], heads: &[usize], from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..heads.len() {
        if at == 0 {
            return None;
        }
        if tags[at - 1].starts_with("VB") {
            return Some(at);
        }
        at = heads[at - 1];
    }
    None
}

/// Subordinators that open adverbial clauses and never relative ones: of the 1,250 or so
/// clauses they mark in EWT train and dev, none is an `acl` or `acl:relcl`.
const ADVERBIAL_SUBORDINATORS: &[&str] = &[
    "if", "unless", "because", "although", "though", "whereas", "while", "once",
];

/// "vowed to cut the tariffs if the neighbours keep theirs", with "keep" read as a relative
/// clause on "tariffs": a clause that "if", "because", "although", ... open is adverbial, and
/// hangs on the nearest verb above the noun (`advcl`).
fn adverbial_clause_read_as_a_relative_clause(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for d in 0..heads.len() {
        if !matches!(labels[d], "acl" | "acl:relcl") || heads[d] == 0 {
            continue;
        }
        let opened = dependents(heads, d).any(|k| {
            labels[k] == "mark"
                && ADVERBIAL_SUBORDINATORS
                    .iter()
                    .any(|s| forms[k].eq_ignore_ascii_case(s))
        });
        if !opened {
            continue;
        }
        if let Some(above) = verb_at_or_above(tags, heads, heads[d]) {
            heads[d] = above;
            labels[d] = "advcl";
        }
    }
}

/// "Two unions in Arvenia have called a strike", with "in Arvenia" an oblique of "called": a
/// phrase that names a place or a body, standing between a subject's head and its verb with
/// nothing but auxiliaries and adverbs after it, belongs to the subject (`nmod`). In EWT train
/// a phrase between a subject's last word and its verb hangs on the subject's head 199 times,
/// on a word inside the subject 43 and on the verb 5, each of the five a time ("on Friday",
/// "in 1999") or an idiom ("in turn"), which a day, a time noun (a month, a season), a number
/// and a name keep out here.
fn place_between_subject_and_verb(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for d in 0..heads.len() {
        let v = heads[d];
        if labels[d] != "obl" || !matches!(tags[d], "NNP" | "NNPS") || v == 0 || v - 1 <= d {
            continue;
        }
        let v = v - 1;
        let lower = forms[d].to_lowercase();
        if DAY_WORDS.contains(&lower.as_str()) || is_time_noun(&lower) {
            continue;
        }
        let (start, end) = phrase_span(heads, d);
        let opens_with_preposition =
            labels[start] == "case" && heads[start] == d + 1 && tags[start] == "IN";
        if start == 0 || !opens_with_preposition || (start..=end).any(|k| tags[k] == "CD") {
            continue;
        }
        let subject = start - 1;
        let is_subject = heads[subject] == v + 1 && labels[subject].starts_with("nsubj");
        let only_auxiliaries = (end + 1..v)
            .all(|k| heads[k] == v + 1 && matches!(labels[k], "aux" | "aux:pass" | "advmod"));
        if is_subject && matches!(tags[subject], "NN" | "NNS" | "NNP" | "NNPS") && only_auxiliaries
        {
            heads[d] = subject + 1;
            labels[d] = "nmod";
        }
    }
}

/// Nouns that make an adverb with "in" before them and take no modifiers there.
const IDIOM_NOUNS: &[&str] = &[
    "principle",
    "fact",
    "particular",
    "turn",
    "short",
    "brief",
    "total",
    "effect",
    "theory",
];

/// "agreed in principle on Saturday to provide aid", with "on Saturday" and "to provide"
/// hung on "principle": "in principle", "in fact", "in turn" are adverbs of the clause, and
/// what follows them is the verb's (an infinitive its complement, a phrase its oblique).
fn words_hung_on_an_adverbial_idiom(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for n in 1..heads.len() {
        let v = heads[n];
        if !forms[n - 1].eq_ignore_ascii_case("in")
            || heads[n - 1] != n + 1
            || v == 0
            || !tags[v - 1].starts_with("VB")
            || !IDIOM_NOUNS.contains(&forms[n].to_lowercase().as_str())
        {
            continue;
        }
        for k in n + 1..heads.len() {
            if heads[k] != n + 1 {
                continue;
            }
            let relation = match labels[k] {
                "acl" if !dependents(heads, v - 1).any(|x| labels[x] == "xcomp") => "xcomp",
                "acl" => "advcl",
                "nmod" => "obl",
                "punct" => "punct",
                _ => continue,
            };
            heads[k] = v;
            labels[k] = relation;
        }
    }
}

/// Words in "-ing" that news writes before a noun as its modifier, not as a verb taking the
/// noun for its object ("from neighbouring Lebanon", "deliver devastating blows").
const MODIFYING_PARTICIPLES: &[&str] = &[
    "neighboring",
    "neighbouring",
    "devastating",
    "warring",
    "ongoing",
    "upcoming",
    "outgoing",
    "crippling",
    "lingering",
    "worsening",
    "escalating",
    "deepening",
    "staggering",
    "sweeping",
];

/// "Algeria's leading rights activist, staged ...", "withdraw its troops from neighbouring
/// Lebanon", with the "-ing" word read as a clause whose object is the noun after it: after
/// a possessive or a determiner such a word can only modify the noun (a verb takes no
/// determiner), and so can the words in [`MODIFYING_PARTICIPLES`] anywhere. The noun takes
/// the participle's place and relation (its preposition with it), the participle becomes
/// its `amod`.
fn participle_modifier_read_as_a_clause(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for v in 0..heads.len() {
        if tags[v] != "VBG" || heads[v] == 0 {
            continue;
        }
        let Some(o) = (v + 1..heads.len())
            .find(|&k| heads[k] == v + 1 && matches!(tags[k], "NN" | "NNS" | "NNP" | "NNPS"))
        else {
            continue;
        };
        // The words between belong to the noun ("leading human rights activist").
        if !(v + 1..o).all(|k| descends_from(heads, k, o)) {
            continue;
        }
        let before = v.checked_sub(1).map(|b| tags[b]);
        let determined = matches!(before, Some("POS" | "PRP$" | "DT"));
        let listed = MODIFYING_PARTICIPLES.contains(&forms[v].to_lowercase().as_str());
        if !determined && !listed {
            continue;
        }
        let head = heads[v];
        let head_is_verb = tags[head - 1].starts_with("VB");
        let preposition =
            dependents(heads, v).find(|&k| k < v && labels[k] == "mark" && tags[k] == "IN");
        let relation = match (labels[v], preposition) {
            (_, Some(_)) if head_is_verb => "obl",
            (_, Some(_)) => "nmod",
            ("advcl" | "xcomp" | "ccomp", None) if head_is_verb => {
                if dependents(heads, head - 1).any(|k| labels[k] == "obj") {
                    "obl"
                } else {
                    "obj"
                }
            }
            ("acl" | "advcl", None) => "nmod",
            (l, None) => l,
        };
        // The clause's own words (its subject, punctuation, adverbs) go to the clause the
        // participle hung on; the noun phrase's words to the noun.
        for k in 0..heads.len() {
            if k != o && heads[k] == v + 1 {
                let clausal = Some(k) != preposition
                    && (labels[k].starts_with("nsubj")
                        || labels[k].starts_with("aux")
                        || matches!(
                            labels[k],
                            "csubj" | "cop" | "mark" | "advmod" | "obl" | "punct" | "advcl"
                        ));
                heads[k] = if clausal { head } else { o + 1 };
            }
        }
        if let Some(p) = preposition {
            labels[p] = "case";
        }
        heads[o] = head;
        labels[o] = relation;
        heads[v] = o + 1;
        labels[v] = "amod";
    }
}

/// "Kenya deported suspected pirates", with "Kenya" the root and "deported" its `goeswith`
/// (see above: edited news has no broken words): a finite verb joined so to the noun right
/// before it is the clause's verb and the noun its subject.
fn verb_joined_to_its_subject(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    for v in 1..heads.len() {
        let n = v - 1;
        if labels[v] != "goeswith"
            || heads[v] != n + 1
            || !matches!(tags[v], "VBD" | "VBZ" | "VBP")
            || !matches!(tags[n], "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
        {
            continue;
        }
        heads[v] = heads[n];
        labels[v] = std::mem::replace(&mut labels[n], "nsubj");
        heads[n] = v + 1;
        // The clause's words after the verb were hung on the noun.
        for h in heads.iter_mut().skip(v + 1) {
            if *h == n + 1 {
                *h = v + 1;
            }
        }
    }
}

/// "adviser to Chancellor Brown", "spent on improving skills", with the name or the verb a
/// `goeswith` of the preposition before it (which took the phrase's own relation). UD joins
/// with `goeswith` only the pieces of one misspelt word, which edited news does not have
/// (the BBC politics stories: 20, each of them this or another misreading): the word takes
/// the function word's place and relation, and the function word becomes its preposition,
/// clause marker, determiner or possessor.
fn word_hung_on_its_function_word(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    for d in 1..heads.len() {
        let f = d - 1;
        if labels[d] != "goeswith"
            || heads[d] != f + 1
            || heads[f] == 0
            || !matches!(tags[f], "IN" | "TO" | "DT" | "PRP$")
            || !matches!(
                labels[f],
                "obl" | "nmod" | "obj" | "iobj" | "nsubj" | "nsubj:pass" | "conj" | "appos"
            )
        {
            continue;
        }
        let verb = tags[d].starts_with("VB");
        let nominal = tags[d].starts_with("NN") || tags[d] == "CD" || tags[d] == "PRP";
        if !verb && !nominal {
            continue;
        }
        let relation = match (labels[f], verb) {
            ("obl", true) => "advcl",
            ("nmod", true) => "acl",
            (l, _) => l,
        };
        // The function word's other words become the content word's (the content word's
        // own head is changed below).
        for h in heads.iter_mut() {
            if *h == f + 1 {
                *h = d + 1;
            }
        }
        heads[d] = heads[f];
        labels[d] = relation;
        heads[f] = d + 1;
        labels[f] = match tags[f] {
            "DT" => "det",
            "PRP$" => "nmod:poss",
            _ if verb => "mark",
            _ => "case",
        };
    }
}

/// "The £13.8m deal gives ...", with "The" hung on the verb (UD English-EWT train: no
/// determiner has a verb for its head; the BBC business and politics stories: 116): a
/// determiner before a verb whose subject stands between them is the subject's.
fn determiner_hung_on_a_verb(tags: &[&str], heads: &mut [usize], labels: &[&'static str]) {
    for d in 0..heads.len() {
        let v = heads[d];
        if v == 0 || v - 1 <= d || labels[d] != "det" || !tags[v - 1].starts_with("VB") {
            continue;
        }
        let subject = (d + 1..v - 1)
            .find(|&k| heads[k] == v && labels[k].starts_with("nsubj") && tags[k] != "PRP");
        if let Some(subject) = subject {
            heads[d] = subject + 1;
        }
    }
}

/// A noun before a noun labelled `amod` (UD English-EWT train: no noun is an `amod`; the BBC
/// business and politics stories: 172) is its `compound`.
fn noun_labelled_an_adjective(tags: &[&str], labels: &mut [&'static str]) {
    for (tag, label) in tags.iter().zip(labels.iter_mut()) {
        if *label == "amod" && matches!(*tag, "NN" | "NNS") {
            *label = "compound";
        }
    }
}

/// An adjective labelled `compound` (UD English-EWT and GUM train: no adjective is one; of
/// about 16,000 adjectives, 8,296 and 7,798 are `amod`) is the `amod` it modifies as.
fn adjective_labelled_a_compound(tags: &[&str], labels: &mut [&'static str]) {
    for (tag, label) in tags.iter().zip(labels.iter_mut()) {
        if *label == "compound" && matches!(*tag, "JJ" | "JJR" | "JJS") {
            *label = "amod";
        }
    }
}

/// "It is hard to say", "it was clear that the talks had failed": an "it" read as the subject
/// of a predicate with a copula, which also has an infinitive or a "that" clause after it, is
/// an expletive, and the clause is the subject it stands in for (`csubj`), as UD English
/// writes them. The clause may have been read as a complement, an adverbial clause (an
/// infinitive only) or a subject; "similar to flying" has no infinitive and is left alone.
fn expletive_before_a_clause(
    forms: &[&str],
    tags: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    for it in 0..heads.len() {
        if labels[it] != "nsubj" || !forms[it].eq_ignore_ascii_case("it") || heads[it] == 0 {
            continue;
        }
        let p = heads[it] - 1;
        if !dependents(heads, p).any(|k| labels[k] == "cop") {
            continue;
        }
        // The mark nearest the verb: "to" in "hard for me to say".
        let mark_of = |c: usize| {
            dependents(heads, c)
                .filter(|&m| m < c && labels[m] == "mark")
                .last()
                .map(|m| forms[m].to_lowercase())
        };
        let clause = dependents(heads, p).find(|&c| {
            c > p
                && matches!(labels[c], "xcomp" | "ccomp" | "advcl" | "csubj")
                && match mark_of(c).as_deref() {
                    Some("to") => tags[c] == "VB",
                    // "so late that we left" is an adverbial clause of result.
                    Some("that") => labels[c] != "advcl",
                    _ => false,
                }
        });
        let predicate = forms[p].to_lowercase();
        let of_the_subject = PREDICATES_OF_THEIR_SUBJECT.contains(&predicate.as_str())
            // "It is likely that they left", but "it is likely to fall".
            && !(clause.and_then(mark_of).as_deref() == Some("that")
                && matches!(predicate.as_str(), "likely" | "unlikely" | "certain"));
        if of_the_subject {
            continue;
        }
        if let Some(c) = clause {
            labels[it] = "expl";
            labels[c] = "csubj";
        }
    }
}

/// Predicates whose subject is someone who wills, can or feels what the clause after them
/// says ("Kenya says it is willing to talk", "the firm said it was confident that ..."): the
/// "it" before them stands for someone, and is no expletive.
const PREDICATES_OF_THEIR_SUBJECT: &[&str] = &[
    "willing",
    "unwilling",
    "able",
    "unable",
    "ready",
    "prepared",
    "eager",
    "keen",
    "happy",
    "glad",
    "pleased",
    "proud",
    "afraid",
    "reluctant",
    "determined",
    "set",
    "due",
    "about",
    "sure",
    "certain",
    "bound",
    "likely",
    "unlikely",
    "free",
    "quick",
    "slow",
    "anxious",
    "desperate",
    "content",
    "careful",
    "apt",
    "liable",
    "poised",
    "supposed",
    "going",
    "confident",
    "aware",
    "unaware",
    "convinced",
    "worried",
    "concerned",
    "hopeful",
    "optimistic",
    "satisfied",
    "disappointed",
    "sorry",
    "adamant",
    "conscious",
    "mindful",
    "committed",
    "entitled",
    "obliged",
];

/// "repaid the money to Lord Ashcroft" with "Ashcroft" a second object: an object takes no
/// preposition (UD English-EWT train: none of its objects has a `case`), so one that has a
/// preposition before it is an oblique.
/// The preposition may hang on a title inside the phrase ("to Lord Ashcroft"), but not on a
/// modifier of a modifier ("at least" in "killed at least eight fighters").
fn object_with_a_preposition(heads: &[usize], labels: &mut [&'static str]) {
    for o in 0..heads.len() {
        if labels[o] != "obj" {
            continue;
        }
        let (start, _) = phrase_span(heads, o);
        let on_the_name = labels[start] == "case"
            && heads[start] != 0
            && (heads[start] == o + 1 || {
                let h = heads[start] - 1;
                heads[h] == o + 1 && matches!(labels[h], "compound" | "flat" | "nmod:desc")
            });
        if dependents(heads, o).any(|k| k < o && labels[k] == "case") || on_the_name {
            labels[o] = "obl";
        }
    }
}

/// The first and last word (0-based) of the phrase word `d` heads.
fn phrase_span(heads: &[usize], d: usize) -> (usize, usize) {
    let mut inside = (0..heads.len()).filter(|&k| descends_from(heads, k, d));
    let first = inside.next().unwrap_or(d);
    (first, inside.next_back().unwrap_or(first))
}

/// A verb with two objects, one right after the other (UD English-EWT train has no verb
/// with two `obj`; the second of two is an `iobj` before it or something else): the first
/// is the second's possessor when it ends in "'s" ("attack Mr Blair's words"); an amount
/// after a currency sign is its number ("cut £ 35bn"); a second object that opens with a
/// coordinator is the first one's conjunct; a person or pronoun (or any first object, after
/// a verb of giving) is the indirect object ("teach him discipline"), but "her" before a noun
/// after a verb that gives nothing is a possessive ("defended her record"); one set off by a
/// comma after a name is its apposition ("bought Glenmorangie, one of ..."); and a bare
/// noun or name right before the second is its compound ("showed house prices", "bought US
/// rival Grey Global"), and a bare number its count ("held two suspected smugglers").
fn two_objects(forms: &[&str], tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    let mut objects_of = vec![0u8; n + 1];
    for k in 0..n {
        if labels[k] == "obj" {
            objects_of[heads[k]] = objects_of[heads[k]].saturating_add(1);
        }
    }
    for v in 0..n {
        if objects_of[v + 1] < 2 {
            continue;
        }
        let (first, second) = {
            let mut objects = dependents(heads, v).filter(|&k| labels[k] == "obj");
            match (objects.next(), objects.next()) {
                (Some(first), Some(second)) => (first, second),
                _ => continue,
            }
        };
        if first < v {
            continue;
        }
        let (_, first_end) = phrase_span(heads, first);
        let (second_start, _) = phrase_span(heads, second);
        if first_end + 1 != second_start {
            continue;
        }
        let giving = DITRANSITIVE_FORMS.contains(&forms[v].to_lowercase().as_str());
        let opens_with_coordinator =
            dependents(heads, second).any(|k| k == second_start && labels[k] == "cc");
        let bare = first_end == first && (0..n).all(|k| heads[k] != first + 1);
        let amount = tags[second] == "CD"
            || (tags[second] == "NN" && forms[second].starts_with(|c: char| c.is_ascii_digit()));
        let (dependent, head, label) = if tags[first_end] == "POS" {
            (first, second, "nmod:poss")
        } else if tags[second_start] == "POS" && heads[second_start] == second + 1 {
            // "Mr Blair | 's words", the possessive ending hung on the possessed.
            heads[second_start] = first + 1;
            labels[second_start] = "case";
            (first, second, "nmod:poss")
        } else if tags[first] == "$" && amount {
            (second, first, "nummod")
        } else if opens_with_coordinator {
            (second, first, "conj")
        } else if matches!(tags[first], "NNP" | "NNPS")
            && (tags[second_start] == "," || tags[first_end] == ",")
        {
            // "bought Glenmorangie, one of the premier firms": set off by a comma after a
            // name, the second names it again.
            (second, first, "appos")
        } else if bare && tags[first] == "CD" && tags[second].starts_with("NN") {
            // "arrested two suspected militants": the number counts the noun.
            (first, second, "nummod")
        } else if forms[first].eq_ignore_ascii_case("her") && bare && !giving {
            (first, second, "nmod:poss")
        } else if giving || (bare && tags[first] == "PRP") {
            (first, v, "iobj")
        } else if bare && tags[first] == "NN" && second_start == second {
            (first, second, "compound")
        } else {
            continue;
        };
        heads[dependent] = head + 1;
        labels[dependent] = label;
    }
}

/// Verbs that take two objects ("gave Velora 5 million dollars"), as forms.
const DITRANSITIVE_FORMS: &[&str] = &[
    "give", "gives", "gave", "given", "giving", "send", "sends", "sent", "sending", "offer",
    "offers", "offered", "offering", "grant", "grants", "granted", "granting", "lend", "lends",
    "lent", "lending", "hand", "hands", "handed", "handing", "award", "awards", "awarded",
    "promise", "promises", "promised", "pay", "pays", "paid", "owe", "owes", "owed",
];

/// "gave the Velora Republic 5 million dollars of aid", with the name hung on the amount as
/// an unmarked modifier: a proper name right after a verb of giving (after a determiner at
/// most), modifying the verb's object without a preposition, is the verb's indirect object.
fn first_object_read_as_a_modifier(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for (v, form) in forms.iter().enumerate() {
        if !DITRANSITIVE_FORMS.contains(&form.to_lowercase().as_str()) {
            continue;
        }
        let Some(object) = (v + 1..n).find(|&o| heads[o] == v + 1 && labels[o] == "obj") else {
            continue;
        };
        for d in v + 1..object {
            // The name's last word, which heads it.
            let name = matches!(tags[d], "NNP" | "NNPS") && !matches!(tags[d + 1], "NNP" | "NNPS");
            let unmarked = matches!(labels[d], "nmod:unmarked" | "compound" | "nmod");
            let only_a_determiner_before =
                (v + 1..d).all(|k| tags[k] == "DT" || (tags[k] == "NNP" && heads[k] == d + 1));
            let inside_object = descends_from(heads, d, object);
            let marked = (0..n).any(|k| heads[k] == d + 1 && labels[k] == "case");
            if name
                && unmarked
                && only_a_determiner_before
                && inside_object
                && !marked
                && heads[d] != object + 1
            {
                heads[d] = v + 1;
                labels[d] = "iobj";
                break;
            }
        }
    }
}

/// "kidnapped up to 16 advisers", "killed at least 20 people", with the quantity's first word
/// read as the noun's preposition (`case`, the rest `fixed`): a fixed expression right
/// before a number that counts the noun bounds the number (`advmod` of it), and the noun is
/// left bare for [`bare_oblique_is_the_object`] to read.
fn quantity_read_as_a_preposition(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for c in 0..n.saturating_sub(1) {
        if labels[c] != "case" || heads[c] == 0 {
            continue;
        }
        let noun = heads[c] - 1;
        // The expression's last word, then the number right after it.
        let mut last = c;
        while last + 1 < n && heads[last + 1] == c + 1 && labels[last + 1] == "fixed" {
            last += 1;
        }
        let number = last + 1;
        if last == c
            || number >= noun
            || tags[number] != "CD"
            || heads[number] != noun + 1
            || labels[number] != "nummod"
        {
            continue;
        }
        heads[c] = number + 1;
        labels[c] = "advmod";
    }
}

/// The verb word `d` hangs on with `label`, when `d` is a noun after that verb (1-based).
fn noun_after_its_verb(
    tags: &[&str],
    heads: &[usize],
    labels: &[&'static str],
    d: usize,
    label: &str,
) -> Option<usize> {
    let h = heads[d];
    let fits = labels[d] == label
        && h != 0
        && h <= d
        && tags[h - 1].starts_with("VB")
        && matches!(tags[d], "NN" | "NNS" | "NNP" | "NNPS");
    fits.then_some(h)
}

/// Whether a lower-case word is `stem` or a regular inflection of it ("names", "named",
/// "naming", "sitting"); irregular forms are listed as stems of their own.
fn inflects(word: &str, stem: &str) -> bool {
    if word == stem {
        return true;
    }
    let base = stem.strip_suffix('e').unwrap_or(stem);
    let Some(rest) = word.strip_prefix(base) else {
        return false;
    };
    let doubled = base
        .bytes()
        .last()
        .is_some_and(|c| rest.as_bytes().first() == Some(&c) && matches!(&rest[1..], "ed" | "ing"));
    matches!(rest, "s" | "es" | "ed" | "ing") || doubled
}

/// Verbs whose complement may be a bare noun phrase that describes the subject ("became
/// president", "remained leader"), by their stems; irregular forms listed as their own.
const LINKING_VERBS: &[&str] = &[
    "become", "became", "remain", "seem", "appear", "stay", "look", "sound", "feel", "felt",
    "turn", "prove", "grow", "grew", "stand", "stood", "sit", "sat", "go", "went", "gone", "come",
    "came", "fall", "fell", "run", "ran", "serve", "act", "rank", "end", "finish", "live", "die",
    "died", "return", "make", "made", "name", "elect", "appoint", "call", "consider", "declare",
    "vote", "crown", "dub", "label", "term", "keep", "kept", "leave", "left", "get", "got", "play",
    "pose", "pass", "be", "was", "were", "is", "are", "been",
];

/// "Soldiers killed three villagers in a raid", with "villagers" an open clausal complement
/// (`xcomp`) of "killed": a bare noun phrase is a verb's `xcomp` only after a linking verb
/// ("became president") or beside an object it describes ("named her envoy"), or after a
/// passive ("was elected president"). Otherwise it is the verb's object.
fn nominal_complement_is_the_object(
    forms: &[&str],
    tags: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        let Some(h) = noun_after_its_verb(tags, heads, labels, d, "xcomp") else {
            continue;
        };
        let verb = forms[h - 1].to_lowercase();
        if LINKING_VERBS.iter().any(|stem| inflects(&verb, stem)) {
            continue;
        }
        let beside = (0..n).any(|k| {
            heads[k] == h
                && (matches!(labels[k], "obj" | "iobj" | "nsubj:pass" | "ccomp")
                    || labels[k].starts_with("aux:pass")
                    || labels[k] == "expl")
        });
        let own_clause = (0..n)
            .any(|k| heads[k] == d + 1 && matches!(labels[k], "cop" | "mark" | "nsubj" | "case"));
        if !beside && !own_clause {
            labels[d] = "obj";
        }
    }
}

/// Whether a lower-case word is a noun of time, which stands bare as an adverbial ("this
/// week", "two years ago", "last spring", "next May").
fn is_time_noun(word: &str) -> bool {
    TIME_NOUNS.contains(&word) || kestrel_core::MONTHS.contains(&word)
}

/// Nouns of time other than the months.
const TIME_NOUNS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "weekend",
    "day",
    "days",
    "time",
    "times",
    "morning",
    "afternoon",
    "evening",
    "night",
    "decade",
    "decades",
    "century",
    "hour",
    "hours",
    "minute",
    "minutes",
    "season",
    "quarter",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "ago",
    "earlier",
    "later",
    "once",
];

/// Nouns that stand bare as adverbials of manner or extent ("went that way", "came home",
/// "a lot").
const EXTENT_NOUNS: &[&str] = &["way", "home", "lot", "bit"];

/// "Soldiers arrested more than 100 protesters", with "protesters" an oblique (`obl`) of
/// "arrested": an oblique takes a preposition, or is a bare adverbial of time (labelled
/// `obl:unmarked` or `obl:tmod`); a bare noun phrase after a verb that has no object, naming
/// no time, is that verb's object.
fn bare_oblique_is_the_object(
    forms: &[&str],
    tags: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        let Some(h) = noun_after_its_verb(tags, heads, labels, d, "obl") else {
            continue;
        };
        let lower = forms[d].to_lowercase();
        if is_time_noun(&lower)
            || EXTENT_NOUNS.contains(&lower.as_str())
            || DAY_WORDS.contains(&lower.as_str())
        {
            continue;
        }
        let marked = (0..n).any(|k| heads[k] == d + 1 && matches!(labels[k], "case" | "mark"));
        let has_object =
            (0..n).any(|k| heads[k] == h && matches!(labels[k], "obj" | "ccomp" | "xcomp"));
        if !marked && !has_object {
            labels[d] = "obj";
        }
    }
}

/// "The farmers of the north are demanding land", with "farmers" the root and "demanding" an
/// adverbial clause of it: a verb with an auxiliary of its own ("are", "have", "will") and no
/// subject, hung on a noun root before it, is the sentence's verb and the noun its subject.
/// A clause on a noun that keeps its auxiliary and lacks its subject has no other reading.
fn clause_with_an_auxiliary_hung_on_its_subject(
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let Some(noun) = (0..n).find(|&d| heads[d] == 0) else {
        return;
    };
    if !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS") {
        return;
    }
    let Some(v) = (noun + 1..n).find(|&v| {
        heads[v] == noun + 1 && matches!(labels[v], "advcl" | "acl") && tags[v].starts_with("VB")
    }) else {
        return;
    };
    let kids: Vec<usize> = (0..n).filter(|&d| heads[d] == v + 1).collect();
    let aux = kids
        .iter()
        .find(|&&d| d < v && labels[d].starts_with("aux"));
    let blocked = kids.iter().any(|&d| {
        labels[d].starts_with("nsubj") || labels[d] == "mark" || labels[d].starts_with("csubj")
    });
    let Some(&aux) = aux else {
        return;
    };
    if blocked {
        return;
    }
    let passive = labels[aux] == "aux:pass";
    heads[v] = 0;
    labels[v] = "root";
    heads[noun] = v + 1;
    labels[noun] = if passive { "nsubj:pass" } else { "nsubj" };
    for h in heads.iter_mut().skip(v + 1) {
        if *h == noun + 1 {
            *h = v + 1;
        }
    }
}

/// "sent aid to war-torn Velora", with "to" read as an infinitive's marker and the place as
/// a clause (`acl`, `advcl`) with no verb: "to" before a noun that heads no verb is its
/// preposition (`case`), and the noun a modifier of what governs it (`nmod` of a noun,
/// `obl` of a verb).
fn to_marking_a_noun(forms: &[&str], tags: &[&str], heads: &[usize], labels: &mut [&'static str]) {
    for d in 0..heads.len() {
        let h = heads[d];
        if labels[d] != "mark" || !forms[d].eq_ignore_ascii_case("to") || h == 0 || h <= d + 1 {
            continue;
        }
        let noun = h - 1;
        if !tags[noun].starts_with("NN") || !matches!(labels[noun], "acl" | "advcl") {
            continue;
        }
        // A noun with a copula or an auxiliary is a clause's predicate ("to be a partner").
        if (0..heads.len())
            .any(|k| heads[k] == h && (labels[k] == "cop" || labels[k].starts_with("aux")))
        {
            continue;
        }
        let governor = heads[noun];
        labels[d] = "case";
        labels[noun] = if governor > 0 && tags[governor - 1].starts_with("NN") {
            "nmod"
        } else {
            "obl"
        };
    }
}

/// "He is prepared to lift the ban" with "to lift" labelled a clausal subject of "prepared":
/// a predicate has one subject, and a clause after it with "to" is a clausal subject only when
/// an expletive holds the subject's place ("it is hard to say"); with a nominal subject there
/// it is the predicate's complement (`xcomp`).
fn infinitive_read_as_a_second_subject(
    forms: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        let h = heads[d];
        if labels[d] != "csubj" || h == 0 || d < h {
            continue;
        }
        let marked_to =
            (0..d).any(|k| heads[k] == d + 1 && labels[k] == "mark" && forms[k] == "to");
        let nominal_subject = (0..n).any(|k| heads[k] == h && labels[k].starts_with("nsubj"));
        if marked_to && nominal_subject {
            labels[d] = "xcomp";
        }
    }
}

/// "Police in Lagos arrested 40 protesters, a spokesman said.", with "arrested" tagged as a
/// participle and read as a modifier of "protesters", the report's noun hung on "said" and
/// "Police" a second subject of "said": a verb has one subject, so the first is the
/// participle's, the participle heads the report (`ccomp`) and the noun is its object. Only
/// when the participle has no auxiliary of its own and stands between the two subjects.
fn report_verb_read_as_a_modifier(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for v in 0..n {
        let subjects: Vec<usize> = (0..n)
            .filter(|&k| heads[k] == v + 1 && labels[k] == "nsubj")
            .collect();
        let [first, second] = subjects[..] else {
            continue;
        };
        // The first subject comes before the verb (the second may come either side).
        if first > v {
            continue;
        }
        let Some(p) = (first + 1..second.min(v)).find(|&p| {
            tags[p] == "VBN"
                && matches!(labels[p], "amod" | "acl")
                && heads[p] > p + 1
                && !(0..n).any(|k| heads[k] == p + 1 && labels[k].starts_with("aux"))
        }) else {
            continue;
        };
        let noun = heads[p] - 1;
        if heads[noun] != v + 1 || !tags[noun].starts_with("NN") || noun > second.min(v) {
            continue;
        }
        heads[p] = v + 1;
        labels[p] = "ccomp";
        heads[first] = p + 1;
        heads[noun] = p + 1;
        labels[noun] = "obj";
        // Punctuation and the like that hung on the noun's old place stay with the clause.
        for k in 0..n {
            if heads[k] == v + 1 && k > first && k < noun && k != p && labels[k] != "punct" {
                heads[k] = p + 1;
            }
        }
        return;
    }
}

/// Runs a repair that moves whole phrases on a copy, and keeps its result only when every
/// word still reaches the root: a repair must never leave a cycle behind.
fn kept_if_a_tree(
    heads: &mut [usize],
    labels: &mut [&'static str],
    repair: impl FnOnce(&mut [usize], &mut [&'static str]),
) {
    let mut new_heads = heads.to_vec();
    let mut new_labels = labels.to_vec();
    repair(&mut new_heads, &mut new_labels);
    if new_heads == heads {
        labels.clone_from_slice(&new_labels);
        return;
    }
    let reaches_root = kestrel_core::conllu::heads_form_a_tree(&new_heads);
    let one_root = new_heads.iter().filter(|&&h| h == 0).count() == 1;
    if reaches_root && one_root {
        heads.copy_from_slice(&new_heads);
        labels.clone_from_slice(&new_labels);
    }
}

/// "Velox, which makes buses, said ..." and "... are on the lists, which ban cold calls": a
/// root whose only subject is a relative pronoun right after a comma is a relative clause on
/// the noun before the comma, and the main clause is elsewhere: a later verb hung on the root
/// (the noun, when it has no other place, its subject) or the clause the noun stands in before
/// it. The relative clause's verb hangs on the noun as `acl:relcl`; what stood before the
/// relative clause, and the closing punctuation, go to the main clause. `heads` are 1-based (0
/// for the root), one per word, as `labels`.
fn relative_clause_read_as_the_main_one(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let Some(r) = (0..n).find(|&k| heads[k] == 0) else {
        return;
    };
    let subjects: Vec<usize> = (0..r)
        .filter(|&k| heads[k] == r + 1 && labels[k].starts_with("nsubj"))
        .collect();
    let [relative] = subjects[..] else {
        return;
    };
    let lower = forms[relative].to_lowercase();
    if !matches!(tags[relative], "WDT" | "WP")
        || !matches!(lower.as_str(), "which" | "who")
        || relative < 2
        || forms[relative - 1] != ","
        || (0..n).any(|k| heads[k] == r + 1 && labels[k] == "nsubj:outer")
    {
        return;
    }
    // The noun before the comma, at the head of its name ("Mr Blair", "Kilroy-Silk").
    let mut noun = relative - 2;
    while matches!(labels[noun], "flat" | "compound" | "fixed") && heads[noun] > noun + 1 {
        noun = heads[noun] - 1;
    }
    if !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS") {
        return;
    }
    // The word of the noun's phrase that hangs on the root.
    let mut top = noun;
    for _ in 0..n {
        if heads[top] == r + 1 || heads[top] == 0 {
            break;
        }
        top = heads[top] - 1;
    }
    if heads[top] != r + 1 || top > relative {
        return;
    }
    let has_subject = |heads: &[usize], labels: &[&str], c: usize| {
        (0..n).any(|k| heads[k] == c + 1 && (labels[k].starts_with("nsubj") || labels[k] == "expl"))
    };
    let clause_before = has_subject(heads, labels, top)
        && matches!(
            tags[top],
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "VBD" | "VBZ" | "VBP"
        );
    let main = if clause_before {
        top
    } else {
        // A later verb hung on the root, after a comma: "..., said it had bought ...".
        let finite = |c: usize| heads_a_finite_clause(tags, heads, c);
        // The verb's own words before it ("has been driven", "last week appointed") open its
        // clause, right after a comma.
        let opened_by_a_comma = |c: usize| forms[first_word_after(heads, labels, r, c) - 1] == ",";
        let Some(m) = (r + 1..n).find(|&c| {
            descends_from(heads, c, r)
                && matches!(
                    labels[c],
                    "conj" | "parataxis" | "advcl" | "ccomp" | "dep" | "acl" | "acl:relcl"
                )
                && tags[c].starts_with("VB")
                && finite(c)
                && !has_subject(heads, labels, c)
                && opened_by_a_comma(c)
        }) else {
            return;
        };
        m
    };
    let noun_was_on_root = top == noun;
    let main_has_subject = has_subject(heads, labels, main);
    heads[main] = 0;
    labels[main] = "root";
    // What stood before the relative clause, and the closing punctuation, belong to the main
    // clause.
    let last = n - 1;
    for k in 0..n {
        if k != main && heads[k] == r + 1 && (k < relative || (k == last && labels[k] == "punct")) {
            heads[k] = main + 1;
        }
    }
    let passive = (0..n).any(|k| heads[k] == main + 1 && labels[k] == "aux:pass");
    let subject = if passive { "nsubj:pass" } else { "nsubj" };
    if !clause_before && !main_has_subject {
        if noun_was_on_root {
            labels[noun] = subject;
        } else if labels[noun] == "appos" {
            // "In the meantime, Velox, which ..., began talks": the name is the subject.
            heads[noun] = main + 1;
            labels[noun] = subject;
        }
    }
    heads[r] = noun + 1;
    labels[r] = "acl:relcl";
}

/// Whether word `c` heads a finite clause: a finite verb, or a word with a finite auxiliary or
/// modal before it ("has been driven", "will report", "are responsible").
fn heads_a_finite_clause(tags: &[&str], heads: &[usize], c: usize) -> bool {
    matches!(tags[c], "VBD" | "VBZ" | "VBP")
        || (0..c).any(|k| heads[k] == c + 1 && matches!(tags[k], "MD" | "VBZ" | "VBD" | "VBP"))
}

/// The first word of `c`'s phrase after word `after` that is no punctuation mark: where the
/// clause `c` heads opens ("last week appointed" opens at "last").
fn first_word_after(heads: &[usize], labels: &[&str], after: usize, c: usize) -> usize {
    (after + 1..c)
        .find(|&k| labels[k] != "punct" && descends_from(heads, k, c))
        .unwrap_or(c)
}

/// "The panel, which met on Monday, will report soon" read with "met" holding two subjects,
/// "panel" and "which", and "report" a clause hung on it or beside it: a verb whose subjects
/// are a noun and then "which" or "who" right after a comma closing the noun's phrase, or
/// "which", "who" or "that" right after the noun's phrase ("Firms that cut jobs face fines"),
/// or a personal pronoun or a determiner's phrase right after a noun closing the noun's phrase
/// ("The goods we buy cost more"), is a relative clause on the noun before the relative
/// pronoun or the second subject. The main clause is the first
/// later predicate (a verb, or a word with a copula: "are responsible") that is finite, has no
/// subject and no coordinating conjunction of its own, and is hung on the relative verb or on
/// the relative verb's head, its words opened by a comma (after a comma) or following the
/// relative clause's last word (without one). It takes the relative verb's place (its head and
/// relation), the first noun as its subject, the words before that noun and the closing
/// punctuation. Where the noun before the relative pronoun stands in an apposition on the first
/// noun ("Ruiz, head of the panel, who ..."), the clause is on the first noun. `heads` are
/// 1-based (0 for the root), one per word, as `labels`.
fn relative_clause_holding_the_main_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const PERSONAL: &[&str] = &["he", "she", "they", "we", "i", "you", "it"];
    let n = heads.len();
    let is_noun = |k: usize| matches!(tags[k], "NN" | "NNS" | "NNP" | "NNPS");
    let span = |heads: &[usize], i: usize| {
        let inside = (0..n).filter(|&k| descends_from(heads, k, i));
        inside.fold((i, i), |(lo, hi), k| (lo.min(k), hi.max(k)))
    };
    for v in 0..n {
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| heads[k] == v + 1 && labels[k].starts_with("nsubj"))
            .collect();
        let [first, relative] = subjects[..] else {
            continue;
        };
        if !is_noun(first) {
            continue;
        }
        let (after_a_comma, before) = if matches!(tags[relative], "WDT" | "WP") {
            // The relative pronoun follows the first subject, so it is never the first word.
            let after_a_comma = forms[relative - 1] == ",";
            if after_a_comma && relative < 2 {
                continue;
            }
            let pronoun_fits = match forms[relative].to_lowercase().as_str() {
                "which" | "who" => true,
                "that" => !after_a_comma,
                _ => false,
            };
            if !pronoun_fits {
                continue;
            }
            (after_a_comma, relative - 1 - after_a_comma as usize)
        } else {
            // A relative clause without a pronoun ("the goods we buy", "the cost this rise
            // brings"): its subject, a personal pronoun or a phrase opened by a determiner,
            // begins right after the first subject's phrase, which ends in a noun.
            let (_, first_end) = span(heads, first);
            let (start, _) = span(heads, relative);
            let personal = tags[relative] == "PRP"
                && PERSONAL.contains(&forms[relative].to_lowercase().as_str());
            if start == 0
                || first_end + 1 != start
                || !(personal || tags[start] == "DT")
                || !is_noun(start - 1)
            {
                continue;
            }
            (false, start - 1)
        };
        if !descends_from(heads, before, first) {
            continue;
        }
        // The noun before the relative clause, at the head of its name.
        let mut noun = before;
        while matches!(labels[noun], "flat" | "compound" | "fixed") && heads[noun] > noun + 1 {
            noun = heads[noun] - 1;
        }
        let mut in_apposition = false;
        let mut k = noun;
        while k != first {
            in_apposition |= labels[k] == "appos";
            k = heads[k] - 1;
        }
        if in_apposition || !is_noun(noun) {
            noun = first;
        }
        let main = (v + 1..n).find(|&c| {
            let on_the_clause = heads[c] == v + 1 || (heads[v] != 0 && heads[c] == heads[v]);
            let predicate = tags[c].starts_with("VB")
                || (0..c).any(|k| heads[k] == c + 1 && labels[k] == "cop");
            let finite = heads_a_finite_clause(tags, heads, c);
            let own_subject_or_conjunction = (0..n).any(|k| {
                heads[k] == c + 1
                    && (labels[k].starts_with("nsubj") || matches!(labels[k], "expl" | "cc"))
            });
            if !on_the_clause
                || !matches!(
                    labels[c].split(':').next(),
                    Some("conj" | "parataxis" | "advcl" | "ccomp" | "dep" | "acl" | "xcomp")
                )
                || !predicate
                || !finite
                || own_subject_or_conjunction
            {
                return false;
            }
            let first_word = first_word_after(heads, labels, v, c);
            if after_a_comma {
                forms[first_word - 1] == ","
            } else {
                // The relative clause's last word comes right before the main clause's first.
                let last_of_relative = (v..first_word)
                    .filter(|&k| descends_from(heads, k, v))
                    .max()
                    .unwrap_or(v);
                first_word == last_of_relative + 1
            }
        });
        let Some(main) = main else {
            continue;
        };
        let mut new_heads = heads.to_vec();
        let mut new_labels = labels.to_vec();
        new_heads[main] = heads[v];
        new_labels[main] = labels[v];
        let last = n - 1;
        for k in 0..n {
            if k != main && heads[k] == v + 1 && (k < first || (k == last && labels[k] == "punct"))
            {
                new_heads[k] = main + 1;
            }
        }
        let passive = (0..n).any(|k| heads[k] == main + 1 && labels[k] == "aux:pass");
        new_heads[first] = main + 1;
        new_labels[first] = if passive { "nsubj:pass" } else { "nsubj" };
        new_heads[v] = noun + 1;
        new_labels[v] = "acl:relcl";
        if kestrel_core::conllu::heads_form_a_tree(&new_heads)
            && new_heads.iter().filter(|&&h| h == 0).count() == 1
        {
            heads.copy_from_slice(&new_heads);
            labels.clone_from_slice(&new_labels);
        }
    }
}

/// "Delgado, whose finish surprised many, said ...": read as one clause with two subjects,
/// "Delgado" and "finish", and "said" its conjunct. A noun with "whose" before it is the
/// subject of a relative clause on the name before it: the relative clause's verb hangs on the
/// name as `acl:relcl`, and the conjunct that follows, which has no subject of its own, becomes
/// the main verb with the name as its subject.
fn whose_clause_read_as_the_main_one(
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for v in 0..n {
        if labels[v] != "root" {
            continue;
        }
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| heads[k] == v + 1 && labels[k] == "nsubj")
            .collect();
        let [name, noun] = subjects[..] else {
            continue;
        };
        let whose = (0..noun).any(|k| heads[k] == noun + 1 && tags[k] == "WP$");
        if !whose || tags[name] == "WP$" {
            continue;
        }
        let Some(main) = (v + 1..n).find(|&k| heads[k] == v + 1 && labels[k] == "conj") else {
            continue;
        };
        if (0..n).any(|k| heads[k] == main + 1 && labels[k].starts_with("nsubj")) {
            continue;
        }
        heads[main] = 0;
        labels[main] = "root";
        heads[v] = name + 1;
        labels[v] = "acl:relcl";
        heads[name] = main + 1;
        for k in main + 1..n {
            if heads[k] == v + 1 && labels[k] == "punct" {
                heads[k] = main + 1;
            }
        }
        return;
    }
}

/// "Talks resumed on Monday, the ministry said." and "Taxes will rise if Ruiz wins the vote,
/// his rival has claimed.": a verb of saying after a comma, with its subject between the comma
/// and it and no complement of its own, hung on the sentence's root as its clausal complement,
/// or, when it ends the sentence, anywhere inside the clause it reports (a complement of
/// "wins", a relative clause on a noun, a conjunct). The saying verb takes the clause it
/// reports, as UD English-EWT most often writes it (the reporting verb the root, the old root
/// its `ccomp`). A noun of the report the parser gave the verb as a second subject ("the
/// vote") is the object of the verb before it, when that verb has none; otherwise the tree
/// stays as it was. `heads` are 1-based (0 for the root), one per word, as `labels`.
fn reporting_verb_after_its_clause(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const SAYING: &[&str] = &[
        "said", "says", "told", "added", "adds", "reported", "stated", "claimed", "insisted",
        "noted", "warned", "argued", "believes", "believe", "thinks",
    ];
    let n = heads.len();
    let Some(root) = (0..n).find(|&k| heads[k] == 0) else {
        return;
    };
    let punctuation = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_punctuation() || "“”‘’".contains(c))
    };
    let last_word = (0..n).rev().find(|&k| !punctuation(forms[k]));
    let Some(v) = (root + 1..n).find(|&v| {
        let complement_of_root = labels[v] == "ccomp" && heads[v] == root + 1;
        (complement_of_root || (Some(v) == last_word && heads[v] != 0))
            && SAYING.contains(&forms[v].to_lowercase().as_str())
    }) else {
        return;
    };
    let kids: Vec<usize> = (0..n).filter(|&k| heads[k] == v + 1).collect();
    if kids.iter().any(|&k| {
        matches!(labels[k], "ccomp" | "xcomp" | "obj" | "iobj" | "nsubj:pass")
            || (k > v && labels[k] == "nsubj")
    }) {
        return;
    }
    let subjects: Vec<usize> = kids
        .iter()
        .copied()
        .filter(|&k| labels[k] == "nsubj")
        .collect();
    let Some(&subject) = subjects.last() else {
        return;
    };
    // The word before the subject's phrase must be a comma (which may hang on either), after
    // the old root, with at most a closing quotation mark between (", \" the minister said").
    let stray = |k: usize| {
        subjects
            .iter()
            .any(|&other| other != subject && descends_from(heads, k, other))
    };
    let first = (0..=subject)
        .find(|&k| labels[k] != "punct" && descends_from(heads, k, v) && !stray(k))
        .unwrap_or(subject);
    let mut comma = first;
    while comma > 0 && comma + 2 >= first && matches!(forms[comma - 1], "\"" | "”" | "'" | "’")
    {
        comma -= 1;
    }
    if comma == 0 || forms[comma - 1] != "," || comma - 1 <= root {
        return;
    }
    // Second subjects before the comma are objects of the report's last verb before them.
    for &stray in subjects.iter().filter(|&&k| k < comma - 1) {
        let Some(verb) = (0..stray).rev().find(|&k| tags[k].starts_with("VB")) else {
            return;
        };
        let has_object = (0..n).any(|k| heads[k] == verb + 1 && labels[k] == "obj");
        if has_object || !descends_from(heads, verb, root) {
            return;
        }
        heads[stray] = verb + 1;
        labels[stray] = "obj";
    }
    heads[v] = 0;
    labels[v] = "root";
    heads[root] = v + 1;
    labels[root] = "ccomp";
    // The sentence's final punctuation goes with the new root.
    for k in v + 1..n {
        if heads[k] == root + 1 && labels[k] == "punct" {
            heads[k] = v + 1;
        }
    }
}

/// "they were freed", labelled with "were" a copula: a past participle takes no copula, so
/// "be" before it is the passive auxiliary and its subject the passive subject.
fn copula_of_a_participle(tags: &[&str], heads: &[usize], labels: &mut [&'static str]) {
    for k in 0..heads.len() {
        let v = heads[k];
        if v == 0 || labels[k] != "cop" || tags[v - 1] != "VBN" {
            continue;
        }
        labels[k] = "aux:pass";
        for d in 0..heads.len() {
            if heads[d] == v && labels[d] == "nsubj" {
                labels[d] = "nsubj:pass";
            }
        }
    }
}

/// A passive subject needs a passive auxiliary beside it: the labeller, which names each
/// word's relation before it has seen the auxiliaries after it, reads "Ortiz has urged ..." as
/// passive. Without an `aux:pass` sibling, `nsubj:pass` and `csubj:pass` become active.
/// `heads` are 1-based (0 for the root), one per word, as `labels`.
fn agree_voice(heads: &[usize], labels: &mut [&'static str]) {
    for d in 0..labels.len() {
        let active = match labels[d] {
            "nsubj:pass" => "nsubj",
            "csubj:pass" => "csubj",
            _ => continue,
        };
        let head = heads[d];
        let passive = (0..labels.len()).any(|s| heads[s] == head && labels[s] == "aux:pass");
        if !passive && head != 0 {
            labels[d] = active;
        }
    }
}

/// Words that stand before a name as its title ("Mr Law", "Dr Okafor").
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
];

/// Titles that stand right before a name: the honorifics, and offices and ranks written as
/// one capitalised word ("President", "Chancellor"). Not "General" ("General Motors") nor
/// "Justice" ("Justice Department"), which open names of other things as often.
const TITLES_BEFORE_NAMES: &[&str] = &[
    "president",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "chancellor",
    "minister",
    "secretary",
    "professor",
    "prof",
    "prof.",
    "judge",
    "king",
    "queen",
    "prince",
    "princess",
    "baron",
    "baroness",
    "earl",
    "duke",
    "duchess",
    "viscount",
    "pope",
    "sheikh",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
    "rev",
    "rev.",
    "reverend",
    "captain",
    "colonel",
    "sergeant",
    "inspector",
    "detective",
];

/// "Mr Law said", "President Ruiz arrived", parsed with the title at the head of the phrase
/// and the name hung `flat` on it: UD English makes the name the head and the title its
/// `nmod:desc` (EWT train: every one of about 150 such titles), and a title hung on the name as
/// a `compound` is that `nmod:desc` too. The name's first word takes the title's place and
/// relation; its other words, and the title's dependents after the title (a preposition
/// before the title, a relative clause or an apposition after the name), go with it; the
/// title keeps its own modifiers before it ("former President Ruiz"). News writes "Mr" before
/// every surname, where web text rarely does. `heads` are 1-based, one per word, as `labels`.
fn name_hung_on_its_title(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for title in 0..n.saturating_sub(1) {
        let name = title + 1;
        let word = forms[title].to_lowercase();
        let is_title = (HONORIFICS.contains(&word.as_str())
            || TITLES_BEFORE_NAMES.contains(&word.as_str()))
            && forms[title].starts_with(char::is_uppercase)
            && matches!(tags[title], "NNP" | "NN");
        if !is_title || tags[name] != "NNP" {
            continue;
        }
        if heads[title] == name + 1 && labels[title] == "compound" {
            labels[title] = "nmod:desc";
            continue;
        }
        if heads[name] != title + 1 || labels[name] != "flat" {
            continue;
        }
        heads[name] = heads[title];
        labels[name] = labels[title];
        for k in 0..n {
            if k != name && heads[k] == title + 1 && (k > title || labels[k] == "case") {
                heads[k] = name + 1;
            }
        }
        heads[title] = name + 1;
        labels[title] = "nmod:desc";
    }
}

/// A title or role right before a name both hung on the verb as its subject ("Tory leader |
/// Michael Howard said", "Mr | Law said") is one subject: EWT, where such phrases are rare,
/// makes the title `nmod:desc` of a name of several words, and a word before a one-word name
/// part of it ("Audit | Office") a `compound`. Two subjects of one verb gave the event coder two
/// actors and the quotation stage the title for a speaker. `heads` are 1-based (0 for the
/// root), one per word, as `labels`.
fn title_before_name(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    for d in 0..heads.len().saturating_sub(1) {
        let name = d + 1;
        if !is_subject(labels[d])
            || !is_subject(labels[name])
            || heads[d] != heads[name]
            || tags[name] != "NNP"
            || !matches!(tags[d], "NN" | "NNS" | "NNP")
        {
            continue;
        }
        let multiword_name = (0..heads.len()).any(|k| heads[k] == name + 1 && labels[k] == "flat");
        let honorific = HONORIFICS.contains(&forms[d].to_lowercase().as_str());
        heads[d] = name + 1;
        labels[d] = if honorific || multiword_name {
            "nmod:desc"
        } else {
            "compound"
        };
    }
}

/// "for Tony Blair", "to Lord Ashcroft", parsed with the preposition on the name's first word
/// and that word an `nmod` of the last (UD English-EWT train: two such shapes in 12,544
/// sentences; the BBC politics stories: 45 in 8,743): the preposition is the whole name's,
/// and the first word a title of it (`nmod:desc`) or a part of it (`compound`).
fn preposition_on_the_first_word_of_a_name(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let proper = |t: &str| matches!(t, "NNP" | "NNPS");
    for c in 0..heads.len() {
        if labels[c] != "case" || !matches!(tags[c], "IN" | "TO") || heads[c] == 0 {
            continue;
        }
        let first = heads[c] - 1;
        if first <= c || heads[first] == 0 {
            continue;
        }
        let last = heads[first] - 1;
        if last <= first
            || !(first..=last).all(|k| proper(tags[k]))
            || !matches!(
                labels[first],
                "nmod" | "compound" | "nmod:unmarked" | "nmod:desc"
            )
            || dependents(heads, last).any(|k| labels[k] == "case")
        {
            continue;
        }
        heads[c] = last + 1;
        let title = labels[first] == "nmod:desc"
            || HONORIFICS.contains(&forms[first].to_lowercase().as_str());
        labels[first] = if title { "nmod:desc" } else { "compound" };
        // "a meeting with President Velan", the name read as the meeting's apposition: with
        // its preposition it is a modifier of the noun, or of the verb an oblique.
        if labels[last] == "appos" && heads[last] > 0 {
            let verbal = tags[heads[last] - 1].starts_with("VB");
            labels[last] = if verbal { "obl" } else { "nmod" };
        }
    }
}

/// "Some 800,000 refugees fled", parsed with both "Some" and "refugees" as subjects of
/// "fled": a determiner right before a noun phrase that is the verb's other subject is that
/// phrase's determiner; a number so placed ("One third of the rebels were disarmed") is its
/// number (a verb has one subject; EWT train's two numbers that are subjects before another
/// are outer subjects of copular clauses, with words between that are not the other's), when
/// that subject is a noun, an adjective or a number: "one" before a pronoun or a relative
/// word heads a phrase of its own ("one that would last", "one I liked").
fn determiner_read_as_subject(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for d in 0..n {
        let relation = match tags[d] {
            "DT" => "det",
            "CD" => "nummod",
            _ => continue,
        };
        if !labels[d].starts_with("nsubj") || heads[d] == 0 {
            continue;
        }
        let verb = heads[d];
        let Some(noun) =
            (d + 1..verb - 1).find(|&k| heads[k] == verb && labels[k].starts_with("nsubj"))
        else {
            continue;
        };
        let counted = matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "CD");
        if (relation == "det" || counted) && (d + 1..noun).all(|k| descends_from(heads, k, noun)) {
            heads[d] = noun + 1;
            labels[d] = relation;
        }
    }
}

/// "European Community foreign ministers demanded ...", parsed with "Community" a bare
/// oblique of the verb (`obl:unmarked`, as for "Monday demanded"): a noun that names no time,
/// right before the subject's phrase, is part of it (a `compound` of the subject).
fn noun_before_the_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for x in 0..n {
        if labels[x] != "obl:unmarked"
            || heads[x] == 0
            || !matches!(tags[x], "NN" | "NNS" | "NNP" | "NNPS")
        {
            continue;
        }
        let lower = forms[x].to_lowercase();
        let singular = lower.trim_end_matches('s');
        if DAY_WORDS.contains(&lower.as_str()) || is_time_noun(&lower) || is_time_noun(singular) {
            continue;
        }
        let verb = heads[x];
        let Some(subject) = (x + 1..verb.saturating_sub(1))
            .find(|&k| heads[k] == verb && labels[k].starts_with("nsubj"))
        else {
            continue;
        };
        // Not a relative clause's head, which the parser reads the same way ("the way the
        // government handled it", "which seat he will contest"): a determined noun, or a
        // subject that is a pronoun.
        let determined = (0..x).any(|k| heads[k] == x + 1 && labels[k] == "det");
        let nominal_subject =
            matches!(tags[subject], "NN" | "NNS" | "NNP" | "NNPS") && forms[subject] != "%";
        if !determined
            && nominal_subject
            && (x + 1..subject).all(|k| descends_from(heads, k, subject))
        {
            heads[x] = subject + 1;
            labels[x] = "compound";
        }
    }
}

/// A verb with a subject before it and another after it ("the spokeswoman said | the move
/// was premature") has taken its complement's subject: the second subject goes to the
/// complement clause after it that has none, or, where the parser hung the complement's verb
/// on that noun ("said the venture | had failed"), the noun and that verb become the
/// complement. `heads` are 1-based (0 for the root), one per word, as `labels`.
fn subject_after_the_verb(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    let finite = |t: &str| matches!(t, "VBD" | "VBZ" | "VBP" | "MD");
    let n = heads.len();
    for v in 0..n {
        let verb = v + 1;
        if !(0..v).any(|d| heads[d] == verb && is_subject(labels[d])) {
            continue;
        }
        let Some(after) = (v + 1..n).find(|&d| heads[d] == verb && is_subject(labels[d])) else {
            continue;
        };
        let has_subject = |heads: &[usize], labels: &[&'static str], c: usize| {
            (0..n).any(|d| heads[d] == c + 1 && (is_subject(labels[d]) || labels[d] == "expl"))
        };
        let complement = (after + 1..n)
            .find(|&c| heads[c] == verb && labels[c] == "ccomp" && !has_subject(heads, labels, c));
        if let Some(c) = complement {
            heads[after] = c + 1;
            continue;
        }
        let hung = (after + 1..n).find(|&c| {
            heads[c] == after + 1
                && labels[c] == "acl"
                && finite(tags[c])
                && !has_subject(heads, labels, c)
        });
        if let Some(c) = hung {
            heads[c] = verb;
            labels[c] = "ccomp";
            heads[after] = c + 1;
        }
    }
}

/// "Israeli soldiers arrested more than 100 Palestinians", parsed with the noun after the verb
/// as a second subject: what the repair above could not give to a complement clause is the
/// object, when the verb has none and takes no clause. Not after forms of "be" ("there is no
/// ..."), nor after verbs that report or judge, whose second subject opens a clause the parser
/// split ("said the move was not ...").
fn second_subject_is_the_object(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const CLAUSE_VERBS: &[&str] = &[
        "say",
        "said",
        "tell",
        "told",
        "think",
        "thought",
        "believe",
        "claim",
        "suggest",
        "warn",
        "insist",
        "argue",
        "add",
        "admit",
        "note",
        "state",
        "report",
        "announce",
        "show",
        "shown",
        "mean",
        "meant",
        "know",
        "knew",
        "known",
        "hope",
        "fear",
        "feel",
        "felt",
        "find",
        "found",
        "see",
        "saw",
        "seen",
        "expect",
        "predict",
        "estimate",
        "reckon",
        "accept",
        "agree",
        "confirm",
        "deny",
        "explain",
        "indicate",
        "reveal",
        "acknowledge",
        "assume",
        "guess",
        "realise",
        "realize",
        "understand",
        "understood",
        "doubt",
        "hear",
        "heard",
        "learn",
        "learnt",
        "prove",
        "proven",
        "recall",
        "remember",
        "ensure",
        "promise",
        "vow",
        "pledge",
        // Verbs that link a subject to a description, as "be" does.
        "remain",
        "become",
        "became",
        "seem",
        "appear",
        "stay",
        "look",
        "sound",
    ];
    let base = |form: &str| -> String {
        let f = form.to_lowercase();
        for suffix in ["ing", "ed", "es", "s", "d"] {
            if let Some(stem) = f.strip_suffix(suffix) {
                for candidate in [stem.to_string(), format!("{stem}e")] {
                    if CLAUSE_VERBS.contains(&candidate.as_str()) {
                        return candidate;
                    }
                }
            }
        }
        f
    };
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    let n = heads.len();
    for v in 0..n {
        let verb = v + 1;
        let before = (0..v).find(|&d| heads[d] == verb && is_subject(labels[d]));
        let Some(before) = before else {
            continue;
        };
        let Some(after) = (v + 1..n).find(|&d| heads[d] == verb && is_subject(labels[d])) else {
            continue;
        };
        let lower = forms[v].to_lowercase();
        let be = matches!(
            lower.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "'re" | "'m" | "am"
        );
        let clause_verb = CLAUSE_VERBS.contains(&base(forms[v]).as_str());
        let takes_something = (0..n)
            .any(|d| heads[d] == verb && matches!(labels[d], "obj" | "ccomp" | "xcomp" | "cop"));
        // "served in the Scots Guards": a prepositional phrase is no object.
        let prepositional = (0..n).any(|d| heads[d] == after + 1 && labels[d] == "case");
        if be
            || clause_verb
            || takes_something
            || prepositional
            || forms[after] == "%"
            || forms[before].eq_ignore_ascii_case("there")
            || !tags[v].starts_with("VB")
            || !matches!(tags[after], "NN" | "NNS" | "NNP" | "NNPS")
        {
            continue;
        }
        labels[after] = "obj";
    }
}

/// "Ms Ruiz, who won the seat in 2019, said ...": when the verb of a relative clause took both
/// the noun it describes and its relative pronoun for subjects, the noun is the subject of the
/// clause the relative one hangs on (when that clause comes after it and has none), and the
/// relative clause describes the noun. `heads` are 1-based (0 for the root), one per word, as
/// `labels`.
fn relative_clause_subject(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    let n = heads.len();
    for v in 0..n {
        let verb = v + 1;
        let main = heads[v];
        if main == 0 || main <= verb {
            continue;
        }
        let subjects: Vec<usize> = (0..v)
            .filter(|&d| heads[d] == verb && is_subject(labels[d]))
            .collect();
        let [noun, relative] = subjects[..] else {
            continue;
        };
        if !matches!(tags[relative], "WP" | "WDT") || matches!(tags[noun], "WP" | "WDT" | "PRP") {
            continue;
        }
        let main_has_subject =
            (0..n).any(|d| heads[d] == main && (is_subject(labels[d]) || labels[d] == "expl"));
        if main_has_subject {
            continue;
        }
        heads[noun] = main;
        heads[v] = noun + 1;
        labels[v] = "acl:relcl";
    }
}

/// Words that open an adverbial clause and are also prepositions ("after the talks", "after
/// the talks failed").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "as", "since", "until", "till", "while", "if", "unless", "although",
    "though", "whereas", "whether",
];

fn descends_from(heads: &[usize], mut d: usize, ancestor: usize) -> bool {
    for _ in 0..heads.len() {
        if d == ancestor {
            return true;
        }
        match heads[d] {
            0 => return false,
            h => d = h - 1,
        }
    }
    false
}

/// "... walked out after Velmora and its allies condemned the plan", parsed with "Velmora" the
/// object of "after" and "its allies condemned the plan" a conjunct clause: the two nouns
/// joined by "and" are the clause's subject, the subordinator its `mark`, and the clause an
/// `advcl` of the nearest verb above where the first noun hung.
fn subject_split_by_a_subordinator(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for v in 1..heads.len() {
        if !matches!(tags[v], "VBD" | "VBZ" | "VBP") {
            continue;
        }
        let Some(subject) = dependents(heads, v).find(|&d| d < v && labels[d].starts_with("nsubj"))
        else {
            continue;
        };
        let (start, end) = phrase_span(heads, subject);
        // Only auxiliaries and adverbs between the subject and its verb.
        let adjacent = (end + 1..v)
            .all(|k| heads[k] == v + 1 && matches!(labels[k], "aux" | "aux:pass" | "advmod"));
        if start < 3 || !adjacent {
            continue;
        }
        let cc = start - 1;
        let joined = matches!(forms[cc].to_lowercase().as_str(), "and" | "or")
            && labels[cc] == "cc"
            && (heads[cc] == v + 1 || heads[cc] == subject + 1);
        // The noun phrase before "and", opened by a subordinator read as its preposition.
        let noun = cc - 1;
        let (first, last) = phrase_span(heads, noun);
        if !joined
            || last != noun
            || !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
            || first == 0
            || heads[noun] == 0
        {
            continue;
        }
        let subordinator = first;
        let opens = labels[subordinator] == "case"
            && heads[subordinator] == noun + 1
            && SUBORDINATORS.contains(&forms[subordinator].to_lowercase().as_str());
        if !opens {
            continue;
        }
        // The clause hangs on the nearest verb above where the noun hung, outside the clause.
        let Some(above) = verb_at_or_above(tags, heads, heads[noun]) else {
            continue;
        };
        if above == v + 1 || descends_from(heads, above - 1, v) {
            continue;
        }
        heads[v] = above;
        labels[v] = "advcl";
        heads[noun] = v + 1;
        labels[noun] = "nsubj";
        heads[subordinator] = v + 1;
        labels[subordinator] = "mark";
        heads[subject] = noun + 1;
        labels[subject] = "conj";
        heads[cc] = subject + 1;
        return;
    }
}

/// "... walked out as his counterpart Ana Ruiz criticised the plan", "... left after the union
/// and its allies condemned the deal": the parser read the subordinator as a preposition, the
/// clause's subject as its object, and left the verb after them with no subject (or hung it
/// on that noun as a participle, though it takes an object). The noun phrase becomes the
/// verb's subject, the subordinator its `mark`, and the clause an `advcl` of the nearest verb
/// above where the phrase hung.
fn clause_after_a_subordinator(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let is_subject = |l: &str| l.starts_with("nsubj") || l.starts_with("csubj") || l == "expl";
    for v in 1..n {
        let finite = matches!(tags[v], "VBD" | "VBZ" | "VBP");
        let has_object = (0..n).any(|d| heads[d] == v + 1 && labels[d] == "obj");
        let passive = (0..n).any(|d| heads[d] == v + 1 && labels[d] == "aux:pass");
        let has_aux = (0..n).any(|d| heads[d] == v + 1 && d < v && labels[d].starts_with("aux"));
        // "after two vehicles were hit": a passive made finite by its auxiliary.
        let finite_passive = tags[v] == "VBN"
            && passive
            && (0..n).any(|d| {
                heads[d] == v + 1
                    && d < v
                    && labels[d].starts_with("aux")
                    && matches!(tags[d], "VBD" | "VBZ" | "VBP")
            });
        if !(finite || finite_passive || (tags[v] == "VBN" && has_object && !passive && !has_aux))
            || labels[v].starts_with("aux")
            || labels[v] == "cop"
        {
            continue;
        }
        // A subject the verb took from before the subordinator is no subject of the clause
        // after it: see the fronted verb below.
        let subjects: Vec<usize> = (0..n)
            .filter(|&d| heads[d] == v + 1 && is_subject(labels[d]))
            .collect();
        // The phrase: the words right before the verb, back to a subordinator, are all of a
        // noun phrase; the first of them that hangs outside it is its head, and the others
        // that do are joined to it ("Washington and its allies").
        let phrase_tag = |t: &str| {
            matches!(
                t,
                "DT" | "PRP$"
                    | "JJ"
                    | "JJR"
                    | "JJS"
                    | "NN"
                    | "NNS"
                    | "NNP"
                    | "NNPS"
                    | "PRP"
                    | "CC"
                    | "POS"
                    | "CD"
                    | "HYPH"
                    | ","
            )
        };
        // The verb's group starts at its first auxiliary ("were hit").
        let mut group = v;
        while group > 0 && heads[group - 1] == v + 1 && labels[group - 1].starts_with("aux") {
            group -= 1;
        }
        // "of" inside the phrase: "two of their vehicles".
        let in_phrase = |j: usize| {
            phrase_tag(tags[j]) || (forms[j].eq_ignore_ascii_case("of") && labels[j] == "case")
        };
        let Some(subordinator) = (0..group).rev().find(|&j| !in_phrase(j)).filter(|&j| {
            j + 1 < group
                && labels[j] == "case"
                && SUBORDINATORS.contains(&forms[j].to_lowercase().as_str())
        }) else {
            continue;
        };
        let span = subordinator + 1..group;
        let outside: Vec<usize> = span
            .clone()
            .filter(|&d| heads[d] == 0 || !span.contains(&(heads[d] - 1)))
            .collect();
        let Some(&noun) = outside.first() else {
            continue;
        };
        if subjects.iter().any(|&d| d > subordinator) {
            continue;
        }
        // Others that hang outside are conjuncts, or a prepositional phrase of the noun
        // ("two | of their vehicles").
        let prepositional =
            |d: usize| (noun + 1..d).any(|k| heads[k] == d + 1 && labels[k] == "case");
        if !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "CD")
            || outside[1..]
                .iter()
                .any(|&d| labels[d] != "conj" && !prepositional(d))
        {
            continue;
        }
        // Nothing after the verb may hang in the phrase but through the verb.
        if (v + 1..n)
            .any(|k| heads[k] != 0 && span.contains(&(heads[k] - 1)) && !descends_from(heads, k, v))
        {
            continue;
        }
        // The clause hangs on the nearest verb above where the phrase hung.
        let mut above = heads[noun];
        while above != 0 && (!tags[above - 1].starts_with("VB") || span.contains(&(above - 1))) {
            above = heads[above - 1];
        }
        let mut subjects = subjects;
        if above == v + 1 {
            // "X cancelled a visit to Haiti after a state of siege was declared", parsed with
            // "visit" the subject of "declared" and "declared" the complement of "cancelled":
            // the noun taken for the subject is the object of the verb above, which the
            // clause then hangs on.
            let mut top = noun;
            while heads[top] != v + 1 {
                top = heads[top] - 1;
            }
            let governor = heads[v];
            let takes_object =
                |g: usize| dependents(heads, g).any(|k| matches!(labels[k], "obj" | "xcomp"));
            if subjects != [top]
                || top > subordinator
                || governor == 0
                || governor - 1 > top
                || !tags[governor - 1].starts_with("VB")
                || !matches!(tags[top], "NN" | "NNS" | "NNP" | "NNPS")
                || takes_object(governor - 1)
            {
                continue;
            }
            heads[top] = governor;
            labels[top] = "obj";
            above = governor;
            subjects.clear();
        }
        if above == 0 {
            continue;
        }
        let fronted = descends_from(heads, above - 1, v);
        if !subjects.is_empty() && !fronted {
            continue;
        }
        if fronted {
            // "X suspended aid after two vehicles were hit", parsed with "hit" as the
            // sentence's head and "suspended" its complement: the main verb takes its place.
            // The verb's child on the way down to where the phrase hung is that main verb
            // ("X threatened to impose tariffs as the leaders sought ...")...
            let mut top = above - 1;
            while heads[top] != v + 1 {
                top = heads[top] - 1;
            }
            if top > subordinator {
                continue;
            }
            let main = if tags[top].starts_with("VB") && subjects.is_empty() {
                top
            } else {
                // ...or a noun taken for its subject, whose verb came before it: "X shortened
                // the curfew imposed after a coup toppled the government", with "curfew" the
                // subject of "toppled" and "shortened" its complement. The noun is the
                // fronted verb's object.
                let fronted_verb = (0..top).rev().find(|&c| {
                    heads[c] == v + 1 && labels[c] == "ccomp" && tags[c].starts_with("VB")
                });
                let Some(c) = fronted_verb else {
                    continue;
                };
                let takes_object =
                    |k: usize| heads[k] == c + 1 && matches!(labels[k], "obj" | "ccomp" | "xcomp");
                if subjects != [top]
                    || !matches!(tags[top], "NN" | "NNS" | "NNP" | "NNPS")
                    || (0..n).any(takes_object)
                {
                    continue;
                }
                heads[top] = c + 1;
                labels[top] = "obj";
                c
            };
            heads[main] = heads[v];
            labels[main] = labels[v];
            // What else hung on the verb from before the subordinator, and the sentence's
            // final punctuation, go with the main verb.
            for k in 0..n {
                let closing = k == n - 1 && labels[k] == "punct";
                if heads[k] == v + 1 && k != main && (k < subordinator || closing) {
                    heads[k] = main + 1;
                }
            }
        }
        for &d in &outside[1..] {
            heads[d] = noun + 1;
            if labels[d] != "conj" {
                labels[d] = "nmod";
            }
        }
        heads[v] = above;
        labels[v] = "advcl";
        heads[noun] = v + 1;
        labels[noun] = if passive { "nsubj:pass" } else { "nsubj" };
        heads[subordinator] = v + 1;
        labels[subordinator] = "mark";
    }
}

/// A clause hung as the `ccomp` of a verb after it with no punctuation between the two: UD
/// English writes a fronted report with a comma or a quotation mark before its speaker ("Talks
/// resumed, she said"), and the treebank's other such shapes are a handful of "which I'm sure
/// ..."; in news the shape is a main clause the parser hung on a later one. Three readings:
/// * a participle right after the noun that is its subject or the later verb's ("The Red
///   Cross operating in Iraq said", "a statement issued by the ministry said") modifies that
///   noun (`acl`), and the noun is the later verb's subject;
/// * a later verb with "that", "whether" or "if" before it ("officials agreed on Monday that
///   their countries should cooperate") is the first one's `ccomp`;
/// * a later verb with a coordinator before it ("X has said ... but on Wednesday said ...") is
///   the first one's `conj`.
fn complement_before_its_verb_without_punctuation(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let is_punctuation =
        |t: &str| matches!(t, "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "NFP");
    let nominal = |t: &str| matches!(t, "NN" | "NNS" | "NNP" | "NNPS");
    for c in 1..n {
        if labels[c] != "ccomp" || heads[c] == 0 || heads[c] - 1 <= c {
            continue;
        }
        let r = heads[c] - 1;
        if (c + 1..r).any(|k| is_punctuation(tags[k])) {
            continue;
        }
        let noun = c - 1;
        let subject_of = |v: usize| heads[noun] == v + 1 && labels[noun].starts_with("nsubj");
        if matches!(tags[c], "VBN" | "VBG")
            && nominal(tags[noun])
            && (subject_of(c) || subject_of(r))
            && !dependents(heads, c).any(|k| labels[k].starts_with("aux") || labels[k] == "cop")
            && !dependents(heads, r).any(|k| k != noun && k < r && labels[k].starts_with("nsubj"))
        {
            heads[c] = noun + 1;
            labels[c] = "acl";
            heads[noun] = r + 1;
            labels[noun] = "nsubj";
            return;
        }
        let between = |k: usize| k > c && k < r;
        // "... live with families in the UK and carers have said ...", with "carers" a
        // conjunct inside the first clause and the later verb without a subject: the noun
        // right before the later verb (and its auxiliaries) is that verb's subject, and its
        // coordinator the verb's.
        let mut group = r;
        while group > 0 && heads[group - 1] == r + 1 && labels[group - 1].starts_with("aux") {
            group -= 1;
        }
        let subjectless = !dependents(heads, r).any(|k| labels[k].starts_with("nsubj"));
        if subjectless && group > c + 1 {
            let noun = group - 1;
            let cc = dependents(heads, noun).find(|&k| k < noun && labels[k] == "cc");
            if let (Some(cc), true) = (cc, labels[noun] == "conj" && nominal(tags[noun])) {
                if descends_from(heads, noun, c) {
                    heads[noun] = r + 1;
                    labels[noun] = "nsubj";
                    heads[cc] = r + 1;
                }
            }
        }
        let marked = dependents(heads, r).any(|k| {
            between(k)
                && labels[k] == "mark"
                && matches!(forms[k].to_lowercase().as_str(), "that" | "whether" | "if")
        });
        let coordinated = dependents(heads, r).any(|k| between(k) && labels[k] == "cc");
        let complemented = dependents(heads, c).any(|k| matches!(labels[k], "ccomp" | "xcomp"));
        let label = match (marked, coordinated) {
            (true, _) if !complemented => "ccomp",
            (false, true) => "conj",
            _ => continue,
        };
        let first = (0..=c).find(|&k| descends_from(heads, k, c)).unwrap_or(c);
        let has_subject = dependents(heads, c).any(|k| labels[k].starts_with("nsubj"));
        heads[c] = heads[r];
        labels[c] = labels[r];
        // What hung on the later verb before the first one's words, and the sentence's
        // closing punctuation, go with the first verb.
        for k in 0..n {
            let before = k < first && !(has_subject && labels[k].starts_with("nsubj"));
            let closing = k == n - 1 && labels[k] == "punct";
            if heads[k] == r + 1 && (before || closing) {
                heads[k] = c + 1;
            }
        }
        heads[r] = c + 1;
        labels[r] = label;
        return;
    }
}

/// "A statement issued by the ministry of finance said ...", with "of" hung on "said" and
/// "finance" its second subject (or "inhabitants of the Golan Heights threatened", with
/// "Heights" one): a noun phrase right after a preposition that cannot open a clause,
/// both hung on a verb that has another subject before them, belongs to the noun before the
/// preposition (`nmod`, the preposition its `case`).
fn noun_after_a_preposition_read_as_a_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const PREPOSITIONS: &[&str] = &["of", "in", "on", "at", "from", "with", "for", "by"];
    let n = heads.len();
    for s in 2..n {
        let v = heads[s];
        if v == 0 || labels[s] != "nsubj" {
            continue;
        }
        // The preposition: right before the noun's phrase ("of the Golan Heights").
        // A determiner or adjective of the phrase may hang on the verb too ("the Syrian
        // Golan Heights").
        let stray_adjective = |k: usize| heads[k] == v && matches!(labels[k], "amod" | "det");
        let mut p = s - 1;
        while p > 1 && (descends_from(heads, p, s) || stray_adjective(p)) {
            p -= 1;
        }
        if heads[p] != v
            || !PREPOSITIONS.contains(&forms[p].to_lowercase().as_str())
            || !matches!(tags[p - 1], "NN" | "NNS" | "NNP" | "NNPS")
            || !matches!(tags[s], "NN" | "NNS" | "NNP" | "NNPS")
            || !dependents(heads, v - 1).any(|k| k < p && labels[k].starts_with("nsubj"))
            || descends_from(heads, p - 1, s)
        {
            continue;
        }
        let strays: Vec<usize> = (p + 1..s).filter(|&k| stray_adjective(k)).collect();
        for k in strays {
            heads[k] = s + 1;
        }
        heads[s] = p;
        labels[s] = "nmod";
        heads[p] = s + 1;
        labels[p] = "case";
    }
}

/// "the resignation of President X", with "of" hung on "resignation" and "X" on "of" (UD
/// gives a preposition no dependents but fixed words and conjuncts): the noun takes the
/// preposition's place, as `nmod` of a noun or `obl` of a verb, and the preposition becomes its
/// `case`.
fn noun_hung_on_its_preposition(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const PREPOSITIONS: &[&str] = &[
        "of", "in", "on", "at", "from", "with", "for", "by", "against", "into", "over", "under",
        "about", "between", "among", "across", "through", "toward", "towards",
    ];
    for p in 0..heads.len() {
        let h = heads[p];
        if tags[p] != "IN"
            || h == 0
            || labels[p] == "fixed"
            || !PREPOSITIONS.contains(&forms[p].to_lowercase().as_str())
        {
            continue;
        }
        let Some(n) = (p + 1..heads.len()).find(|&n| {
            heads[n] == p + 1
                && matches!(tags[n], "NN" | "NNS" | "NNP" | "NNPS")
                && !matches!(labels[n], "fixed" | "conj" | "cc" | "punct" | "flat")
        }) else {
            continue;
        };
        if descends_from(heads, h - 1, n) {
            continue;
        }
        heads[n] = h;
        labels[n] = if tags[h - 1].starts_with("VB") {
            "obl"
        } else {
            "nmod"
        };
        // The preposition's other dependents were the noun's.
        for k in 0..heads.len() {
            if k != n && heads[k] == p + 1 && !matches!(labels[k], "fixed") {
                heads[k] = n + 1;
            }
        }
        heads[p] = n + 1;
        labels[p] = "case";
    }
}

/// "up to 100 people": "up" modifies the number and "to" is fixed to it, as EWT writes them;
/// the parser made "to" the noun's preposition and "up" a clause marker.
fn up_to_a_number(forms: &[&str], tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    for i in 0..heads.len().saturating_sub(2) {
        let number = i + 2;
        if !forms[i].eq_ignore_ascii_case("up")
            || !forms[i + 1].eq_ignore_ascii_case("to")
            || tags[number] != "CD"
            || (heads[i + 1] == i + 1 && labels[i + 1] == "fixed")
            || heads[i] == 0
            || heads[i + 1] == 0
            || heads[number] == 0
            || descends_from(heads, number, i)
            || descends_from(heads, number, i + 1)
        {
            continue;
        }
        // Whatever hung on "up" or "to" goes to the number's head.
        for k in 0..heads.len() {
            if k != i + 1 && (heads[k] == i + 1 || heads[k] == i + 2) {
                heads[k] = heads[number];
            }
        }
        heads[i] = number + 1;
        labels[i] = "advmod";
        heads[i + 1] = i + 1;
        labels[i + 1] = "fixed";
    }
}

/// "Up to 300 protesters marched ...", with "protesters" an `obl` of the verb (the labeller
/// reads "up to" as the noun's preposition, though it hangs on the number), or "Palestinian
/// police in Jericho seized ...", with "police" a bare `obl:unmarked`: a noun before a
/// finite active verb that has no subject, attached as an oblique without a preposition of
/// its own, is the subject. Not words of time ("Last week the court ruled"). (EWT train's
/// gold trees have no bare oblique before a finite verb that lacks a subject.)
fn subject_read_as_an_oblique(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for s in 0..heads.len() {
        if !matches!(labels[s], "obl" | "obl:unmarked") || heads[s] <= s + 1 {
            continue;
        }
        let v = heads[s] - 1;
        let lower = forms[s].to_lowercase();
        if !matches!(tags[s], "NN" | "NNS" | "NNP" | "NNPS")
            || !matches!(tags[v], "VBD" | "VBZ" | "VBP")
            || is_time_noun(&lower)
            || EXTENT_NOUNS.contains(&lower.as_str())
            || DAY_WORDS.contains(&lower.as_str())
            || dependents(heads, s).any(|k| labels[k] == "case")
            || dependents(heads, v).any(|k| {
                labels[k].starts_with("nsubj")
                    || labels[k].starts_with("csubj")
                    || matches!(labels[k], "expl" | "aux:pass" | "mark")
            })
        {
            continue;
        }
        labels[s] = "nsubj";
    }
}

/// "In a surprise move, city police seized ...", "..., Defence Minister Ana Ruiz said": the
/// noun phrase between a comma and a finite verb that has no subject was hung on a word before
/// the comma (as its conjunct, apposition or modifier). A clause's head verb needs a subject
/// and nothing else claims the phrase, so the phrase becomes the verb's subject. Only for a
/// verb heading a main, complement, adverbial or parenthetical clause: conjuncts, relative
/// clauses and modifiers share or lack subjects in good trees.
fn subject_hung_before_its_verb(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for v in 2..n {
        if !matches!(tags[v], "VBD" | "VBZ" | "VBP")
            || !matches!(labels[v], "root" | "ccomp" | "advcl" | "parataxis")
            || dependents(heads, v).any(|k| {
                labels[k].starts_with("nsubj")
                    || labels[k].starts_with("csubj")
                    || matches!(labels[k], "expl" | "mark")
            })
        {
            continue;
        }
        // The phrase: from just after the nearest comma before the verb; of the words between,
        // only it hangs before the comma, and the rest of them on the phrase or on the verb
        // ("police in Jericho seized", with "in Jericho" the verb's).
        let Some(comma) = (0..v).rev().find(|&k| tags[k] == ",") else {
            continue;
        };
        if comma + 1 >= v {
            continue;
        }
        let mut tops = (comma + 1..v).filter(|&k| heads[k] != 0 && heads[k] - 1 < comma);
        let (Some(top), None) = (tops.next(), tops.next()) else {
            continue;
        };
        if !matches!(tags[top], "NN" | "NNS" | "NNP" | "NNPS")
            || !matches!(
                labels[top],
                "conj" | "appos" | "nmod" | "parataxis" | "list" | "dep" | "flat" | "compound"
            )
            || descends_from(heads, v, top)
            || !descends_from(heads, comma + 1, top)
            // Nouns in a list share their verb ("photos, loose connections ... make up"); a
            // phrase after a preposition's phrase cannot be its conjunct.
            || (labels[top] == "conj"
                && !dependents(heads, heads[top] - 1).any(|k| labels[k] == "case"))
            || (0..n).any(|k| {
                let on_top = descends_from(heads, k, top);
                if k > comma && k < v {
                    !on_top && !descends_from(heads, k, v)
                } else {
                    on_top && k != comma
                }
            })
        {
            continue;
        }
        heads[top] = v + 1;
        labels[top] = "nsubj";
    }
}

/// "arrested more than 40 people", parsed with "more" as the object and the people hung on it
/// behind "than" as a preposition: "more than" before a number is one modifier of the number
/// (`fixed`, then `advmod`, as EWT writes it), and the noun phrase takes its place.
fn more_than_a_number(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for i in 0..heads.len().saturating_sub(2) {
        let number = i + 2;
        if !matches!(forms[i].to_lowercase().as_str(), "more" | "less" | "fewer")
            || !forms[i + 1].eq_ignore_ascii_case("than")
            || tags[number] != "CD"
            || (heads[i + 1] == i + 1 && labels[i + 1] == "fixed")
            || heads[i] == 0
        {
            continue;
        }
        // The phrase: the noun the number counts, else the number.
        let phrase = if labels[number] == "nummod" && heads[number] > number + 1 {
            heads[number] - 1
        } else {
            number
        };
        if !descends_from(heads, phrase, i) {
            continue;
        }
        heads[phrase] = heads[i];
        labels[phrase] = labels[i];
        for (k, head) in heads.iter_mut().enumerate() {
            if k != i + 1 && *head == i + 1 {
                *head = phrase + 1;
            }
        }
        if phrase != number {
            heads[number] = phrase + 1;
            labels[number] = "nummod";
        }
        heads[i] = number + 1;
        labels[i] = "advmod";
        heads[i + 1] = i + 1;
        labels[i + 1] = "fixed";
    }
}

/// "The Asia-Pacific Economic Cooperation forum has agreed ...", parsed with the name and
/// "forum" as two subjects of the verb: two subjects side by side, the second a common noun
/// with no determiner of its own, are one phrase, the first naming the second (`compound`),
/// which takes the first's determiner.
fn subject_split_in_two(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    // Most sentences have fewer than two subjects: no verb to look at.
    if labels.iter().filter(|&&l| l == "nsubj").count() < 2 {
        return;
    }
    for v in 0..n {
        let subjects: Vec<usize> = dependents(heads, v)
            .filter(|&k| k < v && labels[k] == "nsubj")
            .collect();
        let &[first, second] = subjects.as_slice() else {
            continue;
        };
        if !matches!(tags[second], "NN" | "NNS")
            || !matches!(tags[first], "NN" | "NNS" | "NNP" | "NNPS")
            || dependents(heads, second)
                .any(|k| k < second && matches!(labels[k], "det" | "nmod:poss" | "cc"))
            || dependents(heads, first).any(|k| matches!(labels[k], "conj" | "cc"))
        {
            continue;
        }
        // The first subject's phrase runs up to the second's, with nothing between.
        let (second_start, _) = phrase_span(heads, second);
        let (first_start, first_end) = phrase_span(heads, first);
        if first_end + 1 != second_start
            || matches!(tags[first_end], "," | "." | ":" | "``" | "''" | "HYPH")
            || !(first_start..=first_end).all(|k| descends_from(heads, k, first))
        {
            continue;
        }
        heads[first] = second + 1;
        // "the city's reality": a possessor keeps its own determiner.
        if tags[first_end] == "POS" {
            labels[first] = "nmod:poss";
            continue;
        }
        labels[first] = "compound";
        for k in 0..first {
            if heads[k] == first + 1 && labels[k] == "det" {
                heads[k] = second + 1;
            }
        }
    }
}

/// "granted asylum to 18 Rwandan rebels", "against 28 local officials", parsed with the
/// number as the phrase's head (the noun its `nmod`) or with the words between hung on the
/// number: a number before the plural noun it counts, with only modifiers between, is the
/// noun's `nummod`, and the noun heads the phrase and its modifiers.
fn number_read_as_the_head(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for number in 0..n {
        if tags[number] != "CD" || heads[number] == 0 || forms[number].contains(':') {
            continue;
        }
        let Some(noun) = (number + 1..n).find(|&k| !matches!(tags[k], "JJ" | "NNP" | "NN" | "VBN"))
        else {
            continue;
        };
        if tags[noun] != "NNS" || (noun == number + 1 && heads[number] == noun + 1) {
            continue;
        }
        let between = number + 1..noun;
        let noun_on_number = descends_from(heads, noun, number);
        let number_on_noun = heads[number] == noun + 1;
        let strays = between.clone().any(|k| heads[k] == number + 1);
        if !(noun_on_number || (number_on_noun && (strays || labels[number] != "nummod"))) {
            continue;
        }
        if noun_on_number {
            heads[noun] = heads[number];
            labels[noun] = labels[number];
            // The number's other words (its preposition, a clause after) go with the noun.
            for (k, head) in heads.iter_mut().enumerate() {
                if *head == number + 1 && !between.contains(&k) {
                    *head = noun + 1;
                }
            }
        }
        heads[number] = noun + 1;
        labels[number] = "nummod";
        for k in between {
            if heads[k] == number + 1 {
                heads[k] = noun + 1;
                labels[k] = if tags[k] == "JJ" || tags[k] == "VBN" {
                    "amod"
                } else {
                    "compound"
                };
            }
        }
    }
}

/// "... may halt mediation efforts among ..., the minister said", parsed with "efforts" a
/// second complement of "said": a noun with no subject or copula of its own is no clause, and
/// right after a verb that has no object it is that verb's object.
fn object_read_as_a_complement(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for x in 1..n {
        if labels[x] != "ccomp"
            || !matches!(tags[x], "NN" | "NNS" | "NNP" | "NNPS")
            || dependents(heads, x).any(|k| {
                labels[k].starts_with("nsubj") || matches!(labels[k], "cop" | "mark" | "aux")
            })
        {
            continue;
        }
        let (start, _) = phrase_span(heads, x);
        let Some(verb) = start.checked_sub(1) else {
            continue;
        };
        if !tags[verb].starts_with("VB")
            || descends_from(heads, verb, x)
            || dependents(heads, verb).any(|k| matches!(labels[k], "obj" | "ccomp" | "xcomp"))
        {
            continue;
        }
        heads[x] = verb + 1;
        labels[x] = "obj";
    }
}

/// "The agency will provide 900 tons of grain to ..., the ministry said", parsed with "tons"
/// as the subject of "said": a noun right after a verb that has a subject of its own and no
/// object, taken as the subject of the verb that verb's clause hangs on, is its object.
fn object_read_as_a_later_subject(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for x in 1..n {
        if labels[x] != "nsubj"
            || heads[x] <= x + 1
            || !matches!(tags[x], "NN" | "NNS" | "NNP" | "NNPS" | "CD")
        {
            continue;
        }
        let (start, _) = phrase_span(heads, x);
        let Some(verb) = start.checked_sub(1) else {
            continue;
        };
        if !matches!(tags[verb], "VB" | "VBD" | "VBZ" | "VBP")
            || heads[verb] != heads[x]
            || !matches!(labels[verb], "ccomp" | "advcl" | "parataxis")
            || !dependents(heads, verb).any(|k| k < verb && labels[k].starts_with("nsubj"))
            || dependents(heads, verb)
                .any(|k| matches!(labels[k], "obj" | "ccomp" | "xcomp" | "nsubj:pass"))
        {
            continue;
        }
        heads[x] = verb + 1;
        labels[x] = "obj";
    }
}

/// "The district administration has denied land allocation ...", parsed with "has" and
/// "denied" both hung on "allocation" (an auxiliary and an adjectival participle): a noun takes
/// no auxiliary, so the participle right after it is the verb, which takes the noun's place,
/// the auxiliary, and the subject; the noun becomes its object.
fn participle_after_an_auxiliary_read_as_a_modifier(
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for aux in 0..n.saturating_sub(2) {
        let verb = aux + 1;
        if !labels[aux].starts_with("aux")
            || heads[aux] == 0
            || heads[aux] != heads[verb]
            || !matches!(tags[verb], "VBN" | "VBG")
            || !matches!(labels[verb], "amod" | "compound")
        {
            continue;
        }
        let noun = heads[verb] - 1;
        if noun <= verb || !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS") {
            continue;
        }
        heads[verb] = heads[noun];
        labels[verb] = labels[noun];
        // The noun's words before the participle (subject, auxiliaries, adverbs) are the verb's.
        for head in heads.iter_mut().take(verb) {
            if *head == noun + 1 {
                *head = verb + 1;
            }
        }
        heads[noun] = verb + 1;
        labels[noun] = "obj";
    }
}

/// "... to ban voting if the party, which opposes it, ran in the election", parsed with "if"
/// marking "party" and "ran" a conjunct of the main verb: a subordinator on a noun with no
/// copula opens a clause whose verb is the first finite verb after the noun's phrase that has
/// no subject. That verb becomes an adverbial clause of the nearest verb above the noun, the
/// noun its subject, and the subordinator its `mark`.
fn subordinator_on_the_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    const OPENERS: &[&str] = &[
        "if", "unless", "although", "though", "because", "whereas", "when",
    ];
    let n = heads.len();
    for m in 0..n.saturating_sub(2) {
        if labels[m] != "mark"
            || heads[m] == 0
            || !OPENERS.contains(&forms[m].to_lowercase().as_str())
        {
            continue;
        }
        let noun = heads[m] - 1;
        if noun <= m
            || heads[noun] == 0
            || !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
            || dependents(heads, noun).any(|k| labels[k] == "cop")
        {
            continue;
        }
        // The noun's phrase ends where the words stop hanging on it.
        let end = (noun + 1..n)
            .find(|&k| !descends_from(heads, k, noun))
            .unwrap_or(n);
        let Some(verb) = (end..n).find(|&k| !matches!(tags[k], "," | "RB")) else {
            continue;
        };
        if !matches!(tags[verb], "VBD" | "VBZ" | "VBP")
            || dependents(heads, verb)
                .any(|k| labels[k].starts_with("nsubj") || labels[k] == "mark")
        {
            continue;
        }
        let mut above = heads[noun];
        while above != 0 && !tags[above - 1].starts_with("VB") {
            above = heads[above - 1];
        }
        if above == 0 || descends_from(heads, above - 1, verb) {
            continue;
        }
        heads[verb] = above;
        labels[verb] = "advcl";
        heads[noun] = verb + 1;
        labels[noun] = "nsubj";
        heads[m] = verb + 1;
    }
}

/// The words hung on word `v` (0-based), 0-based.
fn dependents(heads: &[usize], v: usize) -> impl Iterator<Item = usize> + '_ {
    (0..heads.len()).filter(move |&k| heads[k] == v + 1)
}

use kestrel_core::DAY_WORDS;

/// "Rebels on Tuesday blocked ...", parsed with "on" as a clause's `mark` and "Tuesday" as the
/// verb's subject: a day after "on" is a date (`obl`, with "on" its `case`).
fn day_read_as_subject(forms: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    for d in 1..heads.len() {
        if labels[d] != "nsubj" || !DAY_WORDS.contains(&forms[d].to_lowercase().as_str()) {
            continue;
        }
        let on = d - 1;
        if forms[on].to_lowercase() != "on" || !matches!(labels[on], "mark" | "case") {
            continue;
        }
        heads[on] = d + 1;
        labels[on] = "case";
        labels[d] = "obl";
    }
}

/// "Students staged mass rallies Saturday", parsed with "Saturday" the object and "rallies"
/// a compound on it: a day word takes no noun as a compound, so the noun is the head of the
/// phrase (with the day's relation and its modifiers before it) and the day a bare modifier
/// of the same governor, as UD writes a date without a preposition.
fn day_after_its_noun(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 1..n {
        let c = d - 1;
        if heads[c] != d + 1
            || labels[c] != "compound"
            || !matches!(tags[c], "NN" | "NNS")
            || !DAY_WORDS.contains(&forms[d].to_lowercase().as_str())
        {
            continue;
        }
        let governor = heads[d];
        heads[c] = governor;
        labels[c] = std::mem::take(&mut labels[d]);
        for h in heads.iter_mut().take(c) {
            if *h == d + 1 {
                *h = c + 1;
            }
        }
        if governor == 0 {
            heads[d] = c + 1;
            labels[d] = "nmod:unmarked";
        } else {
            let verbal = tags[governor - 1].starts_with("VB");
            labels[d] = if verbal {
                "obl:unmarked"
            } else {
                "nmod:unmarked"
            };
        }
    }
}

/// "The paper called Thursday on Arabs to unite", parsed with "on Arabs" a modifier of
/// "Thursday": a prepositional phrase after a day word that dates a verb belongs to the verb,
/// as UD attaches "met Monday in Geneva".
fn phrase_after_a_day(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        let verb = heads[d];
        if verb == 0
            || !labels[d].starts_with("obl")
            || !tags[verb - 1].starts_with("VB")
            || !DAY_WORDS.contains(&forms[d].to_lowercase().as_str())
        {
            continue;
        }
        for c in d + 1..n {
            let has_case = (0..n).any(|k| heads[k] == c + 1 && labels[k] == "case");
            if heads[c] == d + 1 && labels[c] == "nmod" && has_case {
                heads[c] = verb;
                labels[c] = "obl";
            }
        }
    }
}

/// "The council on Monday approved ...", parsed with "on Monday" a modifier of the subject:
/// a day between a subject and its verb dates the verb, as UD attaches it.
fn day_between_subject_and_verb(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        let s = heads[d];
        if s == 0
            || s > d
            || !labels[d].starts_with("nmod")
            || !DAY_WORDS.contains(&forms[d].to_lowercase().as_str())
            || !labels[s - 1].starts_with("nsubj")
        {
            continue;
        }
        let verb = heads[s - 1];
        if verb <= d + 1 || !tags[verb - 1].starts_with("VB") {
            continue;
        }
        heads[d] = verb;
        labels[d] = if labels[d] == "nmod" {
            "obl"
        } else {
            "obl:unmarked"
        };
    }
}

/// "gave the island 5 million dollars", parsed with "island" a compound of "dollars": a
/// compound never has a number between it and its head, so the noun before the number is a
/// first (indirect) object of the verb, with its determiner and modifiers.
fn first_object_before_a_number(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for c in 0..n.saturating_sub(1) {
        let object = heads[c];
        if labels[c] != "compound"
            || !tags[c].starts_with("NN")
            || tags[c + 1] != "CD"
            || object <= c + 2
            || labels[object - 1] != "obj"
        {
            continue;
        }
        let verb = heads[object - 1];
        if verb == 0 || verb > c + 1 || !tags[verb - 1].starts_with("VB") {
            continue;
        }
        heads[c] = verb;
        labels[c] = "iobj";
        for j in verb..c {
            if heads[j] == object && matches!(labels[j], "det" | "amod" | "compound") {
                heads[j] = c + 1;
            }
        }
    }
}

/// "The ministers agreed on Friday to ...", "the committee pressed the minister on ...",
/// parsed as a sentence with no verb: the main verb read as a participle modifying a noun
/// (`acl` or `amod`) and the subject's noun as the root. A sentence with no finite verb whose
/// root noun comes before a bare participle (no auxiliary, no "by" agent, not set off by a
/// comma as a reduced relative is) makes that participle the root: the root noun becomes
/// its subject, a noun it modified its object, and what follows it on the subject's side
/// hangs on it instead.
fn participle_as_the_main_verb(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let Some(r) = (0..n).find(|&i| heads[i] == 0) else {
        return;
    };
    if !tags[r].starts_with("NN") {
        return;
    }
    let opened_by_by = |k: usize| {
        (0..n).any(|c| {
            heads[c] == k + 1 && labels[c] == "case" && forms[c].eq_ignore_ascii_case("by")
        })
    };
    let passive_sign = |k: usize| {
        labels[k].starts_with("aux") || (labels[k].starts_with("obl") && opened_by_by(k))
    };
    // A past tense read as a participle ("Doctors from two groups donated ...", with
    // "donated" an `acl`) is one too: a reduced relative clause has no finite verb.
    let Some(v) = (r + 1..n).find(|&v| {
        ((tags[v] == "VBN" && matches!(labels[v], "acl" | "amod"))
            || (tags[v] == "VBD" && labels[v] == "acl"))
            && descends_from(heads, v, r)
            && !(0..n).any(|k| heads[k] == v + 1 && passive_sign(k))
    }) else {
        return;
    };
    // Another finite verb, not one joined to this one, is the sentence's own.
    let finite = |t: &str| matches!(t, "VBD" | "VBZ" | "VBP" | "MD");
    if (0..n).any(|i| i != v && finite(tags[i]) && !(heads[i] == v + 1 && labels[i] == "conj")) {
        return;
    }
    // An odd number of commas between the subject and the participle opens a reduced
    // relative ("The men, elected in May, ..."); an even one closes an apposition first.
    let commas = (r + 1..v).filter(|&k| forms[k] == ",").count();
    if commas % 2 == 1 {
        return;
    }
    let old_head = heads[v] - 1;
    let was_amod = labels[v] == "amod" && old_head > v;
    // Whatever after the participle hangs on the subject's words belongs to the verb.
    for j in v + 1..n {
        let h = heads[j];
        if h == 0 || h > v || !descends_from(heads, h - 1, r) {
            continue;
        }
        if was_amod && j == old_head {
            continue;
        }
        let moved = match labels[j] {
            l if l.starts_with("nmod") => Some(super::intern(&l.replacen("nmod", "obl", 1))),
            "acl" => Some(
                if (0..n).any(|c| heads[c] == j + 1 && labels[c] == "mark" && forms[c] == "to") {
                    "xcomp"
                } else {
                    "advcl"
                },
            ),
            "punct" | "advmod" | "advcl" | "parataxis" | "xcomp" | "ccomp" | "obj" => {
                Some(labels[j])
            }
            l if l.starts_with("obl") => Some(labels[j]),
            _ => None,
        };
        if let Some(label) = moved {
            heads[j] = v + 1;
            labels[j] = label;
        }
    }
    if was_amod {
        heads[old_head] = v + 1;
        labels[old_head] = "obj";
    }
    heads[v] = 0;
    labels[v] = "root";
    heads[r] = v + 1;
    labels[r] = "nsubj";
}

/// "Kenyan-led forces", "a Nairobi-based group", tokenised "Kenyan - led forces": the
/// participle is an adjective of the noun after it and the word before the hyphen its
/// `compound`, as UD writes them; the greedy parser may read the participle as a clause's
/// verb with the noun as its object. The noun takes the participle's place in the tree.
fn hyphenated_participle(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for v in 2..n.saturating_sub(1) {
        if tags[v] != "VBN" || forms[v - 1] != "-" || !matches!(tags[v - 2], "NNP" | "NN" | "JJ") {
            continue;
        }
        if labels[v] == "amod" {
            continue;
        }
        // The noun the participle describes: the last of a run of nouns after it.
        let mut noun = v + 1;
        if !tags[noun].starts_with("NN") {
            continue;
        }
        while noun + 1 < n && tags[noun + 1].starts_with("NN") && heads[noun] == noun + 2 {
            noun += 1;
        }
        let x = v - 2;
        if heads[noun] == v + 1 {
            let governor = heads[v];
            heads[noun] = governor;
            labels[noun] = std::mem::take(&mut labels[v]);
            // A phrase before a verb that has no subject, read as an adverbial clause, is
            // that verb's subject.
            let subjectless = governor > noun + 1
                && tags[governor - 1].starts_with("VB")
                && !(0..n).any(|k| heads[k] == governor && labels[k].starts_with("nsubj"));
            if labels[noun] == "advcl" && subjectless {
                labels[noun] = "nsubj";
            }
        }
        for (k, h) in heads.iter_mut().enumerate() {
            if *h == v + 1 && k != x && k != v - 1 && k != noun {
                *h = noun + 1;
            }
        }
        heads[v] = noun + 1;
        labels[v] = "amod";
        heads[x] = v + 1;
        labels[x] = "compound";
        heads[v - 1] = x + 1;
        labels[v - 1] = "punct";
    }
}

/// "..., forces launched rockets at the camp, officials said", parsed with "forces" the
/// reported clause and "launched" a participle on it: a noun heads no clause, and a bare
/// participle with an object is an active verb. The participle takes the noun's place and
/// the noun becomes its subject.
fn clause_noun_before_a_participle(
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for v in 1..n {
        let noun = v - 1;
        if tags[v] != "VBN"
            || labels[v] != "acl"
            || heads[v] != noun + 1
            || !tags[noun].starts_with("NN")
            || !matches!(labels[noun], "ccomp" | "root" | "parataxis" | "advcl")
        {
            continue;
        }
        let has_object = (0..n).any(|k| heads[k] == v + 1 && labels[k] == "obj");
        let has_aux = (0..n).any(|k| heads[k] == v + 1 && labels[k].starts_with("aux"));
        if !has_object || has_aux {
            continue;
        }
        heads[v] = heads[noun];
        labels[v] = std::mem::replace(&mut labels[noun], "nsubj");
        heads[noun] = v + 1;
        // What hung on the noun after it (the clause's punctuation, its adverbials) now
        // hangs on the verb.
        for k in v + 1..n {
            if heads[k] == noun + 1 {
                heads[k] = v + 1;
                if let Some(rest) = labels[k].strip_prefix("nmod") {
                    labels[k] = super::intern(&format!("obl{rest}"));
                }
            }
        }
    }
}

/// "On Tuesday, the Kenyan minister Ana Ruiz summoned ...", parsed with the name as an
/// apposition of the day and the verb left with no subject: a day names no person, so a noun
/// hung on a day word before a verb that has no subject is that verb's subject.
fn name_after_a_fronted_day(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for d in 0..n {
        if heads[d] == 0 || !DAY_WORDS.contains(&forms[d].to_lowercase().as_str()) {
            continue;
        }
        let verb = heads[d];
        let v = verb - 1;
        if v < d || !tags[v].starts_with("VB") {
            continue;
        }
        let has_subject = (0..n)
            .any(|k| heads[k] == verb && (labels[k].starts_with("nsubj") || labels[k] == "expl"));
        if has_subject {
            continue;
        }
        let name = (d + 1..v).find(|&k| {
            heads[k] == d + 1
                && matches!(labels[k], "appos" | "nmod" | "compound" | "flat")
                && matches!(tags[k], "NN" | "NNS" | "NNP" | "NNPS")
        });
        if let Some(k) = name {
            heads[k] = verb;
            labels[k] = "nsubj";
        }
    }
}

/// "The council lifted a ban on rallies imposed in May, state radio reported", parsed with
/// both "ban" and "radio" as subjects of "reported": a complement before both subjects, with
/// its own subject and no object, whose words run up to the first subject's phrase, takes
/// that phrase as its object when a comma parts it from the last subject.
fn object_read_as_the_reporters_subject(
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
    v: usize,
    subjects: &[usize],
) {
    let (first, last) = (subjects[0], subjects[subjects.len() - 1]);
    let (start, end) = phrase_span(heads, first);
    let Some(c) = (0..start)
        .rev()
        .find(|&c| heads[c] == v + 1 && labels[c] == "ccomp" && tags[c].starts_with("VB"))
    else {
        return;
    };
    let own = |l: &str| l == "obj" || l == "ccomp" || l == "xcomp";
    if !(c + 1..start).all(|k| descends_from(heads, k, c))
        || !dependents(heads, c).any(|k| labels[k].starts_with("nsubj"))
        || dependents(heads, c).any(|k| own(labels[k]))
        || !matches!(tags[first], "NN" | "NNS" | "NNP" | "NNPS")
        // The comma may close the phrase, hung on its last word ("... after clashes there,").
        || !(end..last).any(|k| tags[k] == ",")
    {
        return;
    }
    heads[first] = c + 1;
    labels[first] = "obj";
}

/// "Kenya expelled the envoy on Friday, a senior official said", parsed with both "Kenya" and
/// "official" as subjects of "said" and "expelled" as its complement with no subject: a clause
/// reported before its verb keeps the subject that opens it. The verb's first subject, before
/// the complement, becomes the complement's; a further subject between the two, when the
/// complement has no object, is its object.
fn complement_before_its_verb(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    let n = heads.len();
    for v in 0..n {
        let verb = v + 1;
        let subjects: Vec<usize> = (0..v)
            .filter(|&d| heads[d] == verb && is_subject(labels[d]))
            .collect();
        if subjects.len() < 2 {
            continue;
        }
        let Some(c) = (subjects[0] + 1..v).find(|&c| {
            heads[c] == verb
                && labels[c] == "ccomp"
                && tags[c].starts_with("VB")
                && !(0..n)
                    .any(|k| heads[k] == c + 1 && (is_subject(labels[k]) || labels[k] == "expl"))
        }) else {
            object_read_as_the_reporters_subject(tags, heads, labels, v, &subjects);
            continue;
        };
        let first = subjects[0];
        // Between the subject and the complement, the subject's words, the complement's own
        // ("on Tuesday") and punctuation.
        if !(first + 1..c).all(|k| {
            descends_from(heads, k, first) || descends_from(heads, k, c) || labels[k] == "punct"
        }) {
            continue;
        }
        heads[first] = c + 1;
        let has_object = (0..n).any(|k| heads[k] == c + 1 && labels[k] == "obj");
        let last = *subjects.last().unwrap_or(&first);
        if let Some(&o) = subjects.iter().find(|&&s| s > c && s != last) {
            if !has_object {
                heads[o] = c + 1;
                labels[o] = "obj";
            }
        }
    }
}

/// "granted asylum to 18 Rwandan rebels", parsed with "to" on the number: a preposition
/// belongs to the head of its noun phrase, not to a number, adjective, determiner or noun
/// that modifies it ("on TV chat shows", "on Wednesday morning").
fn preposition_on_a_modifier(tags: &[&str], heads: &mut [usize], labels: &[&'static str]) {
    for c in 0..heads.len() {
        if labels[c] != "case" || heads[c] == 0 {
            continue;
        }
        let modifier = heads[c] - 1;
        let head = heads[modifier];
        if modifier <= c
            || head <= modifier + 1
            || !matches!(labels[modifier], "nummod" | "amod" | "det" | "compound")
            || !(tags[head - 1].starts_with("NN") || tags[head - 1] == "CD")
            || dependents(heads, head - 1).any(|k| labels[k] == "case")
        {
            continue;
        }
        heads[c] = head;
    }
}

/// "is providing photographs and intelligence to Velora", parsed with "intelligence" a
/// conjunct of the verb: a noun joined by "and" or "or" to a verb that has an object before
/// it, with nothing of a clause or a prepositional phrase of its own (no subject, auxiliary,
/// copula, object, marker or preposition), is that object's conjunct.
fn noun_conjunct_of_a_verb(tags: &[&str], heads: &mut [usize], labels: &[&'static str]) {
    let nominal = |t: &str| t.starts_with("NN") || t == "PRP" || t == "CD";
    for c in 0..heads.len() {
        if labels[c] != "conj" || heads[c] == 0 || !nominal(tags[c]) {
            continue;
        }
        let verb = heads[c] - 1;
        if !tags[verb].starts_with("VB") {
            continue;
        }
        let own = |k: &usize| {
            matches!(
                labels[*k],
                "nsubj" | "nsubj:pass" | "aux" | "aux:pass" | "cop" | "obj" | "mark" | "case"
            )
        };
        let joined = dependents(heads, c).any(|k| labels[k] == "cc");
        if !joined || dependents(heads, c).any(|k| own(&k)) {
            continue;
        }
        let object = dependents(heads, verb)
            .filter(|&k| labels[k] == "obj" && k < c)
            .last();
        if let Some(object) = object {
            heads[c] = object + 1;
        }
    }
}

/// "was accused of fraud, by the opposition", parsed with "opposition" a conjunct of
/// "accused": a noun with a preposition of its own and no coordinator, hung on a verb as its
/// conjunct, is the verb's oblique (its passive agent after "by"). EWT train's gold trees
/// have two such conjuncts in 12,544 sentences.
fn phrase_read_as_a_conjunct(
    forms: &[&str],
    tags: &[&str],
    heads: &[usize],
    labels: &mut [&'static str],
) {
    for c in 0..heads.len() {
        if labels[c] != "conj" || heads[c] == 0 || !tags[c].starts_with("NN") {
            continue;
        }
        let verb = heads[c] - 1;
        if !tags[verb].starts_with("VB") || dependents(heads, c).any(|k| labels[k] == "cc") {
            continue;
        }
        let Some(case) = dependents(heads, c).find(|&k| labels[k] == "case") else {
            continue;
        };
        let passive = dependents(heads, verb).any(|k| labels[k] == "aux:pass");
        labels[c] = if passive && forms[case].eq_ignore_ascii_case("by") {
            "obl:agent"
        } else {
            "obl"
        };
    }
}

/// "dismissed the maternity pay plan", parsed with both "maternity" and "plan" objects of
/// "dismissed"; "attack Mr Velan 's words", with "Mr" and "words": a noun that runs straight
/// into the verb's next object (only nouns and a possessive between) modifies it, as its
/// possessor when "'s" closes it, else, after a determiner, as a compound. Without either, two
/// objects may be meant ("give police more power").
fn object_before_the_object(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    for first in 0..heads.len() {
        if labels[first] != "obj" || !tags[first].starts_with("NN") {
            continue;
        }
        let verb = heads[first];
        let Some(second) = (first + 1..heads.len())
            .find(|&k| labels[k] == "obj" && heads[k] == verb && tags[k].starts_with("NN"))
        else {
            continue;
        };
        let between = &tags[first + 1..second];
        if !between.iter().all(|t| t.starts_with("NN") || *t == "POS") {
            continue;
        }
        // "gave police more power", "give parents choice": two objects of their own. A
        // possessive, or a determiner before the first noun, says it is one phrase.
        let possessive = between.contains(&"POS");
        let determined = first > 0 && matches!(tags[first - 1], "DT" | "PRP$");
        if !possessive && !determined {
            continue;
        }
        heads[first] = second + 1;
        labels[first] = if possessive { "nmod:poss" } else { "compound" };
        // The words between hang on the second object when they hung on the verb.
        for k in first + 1..second {
            if heads[k] == verb && labels[k] != "case" {
                heads[k] = second + 1;
            }
        }
    }
}

/// "The rebels reject proposed changes to the deal", parsed with "reject" as the auxiliary of
/// "proposed": a verb that is no auxiliary, right before a participle that has an object, is
/// the clause's verb, the object is its own, and the participle modifies the object
/// (`amod`), as in "decoded intercepted traffic".
fn verb_read_as_auxiliary(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    for a in 0..heads.len().saturating_sub(1) {
        let participle = a + 1;
        if labels[a] != "aux"
            || heads[a] != participle + 1
            || !tags[a].starts_with("VB")
            || tags[participle] != "VBN"
            || crate::tag_repair::is_auxiliary_form(forms[a])
        {
            continue;
        }
        let Some(object) =
            dependents(heads, participle).find(|&k| labels[k] == "obj" && k > participle)
        else {
            continue;
        };
        let verb = a + 1;
        heads[a] = heads[participle];
        labels[a] = std::mem::take(&mut labels[participle]);
        for (k, head) in heads.iter_mut().enumerate() {
            if *head == participle + 1 && k != object && k != a {
                *head = verb;
            }
        }
        heads[object] = verb;
        heads[participle] = object + 1;
        labels[participle] = "amod";
    }
}

/// "Kenya has once again rejected the plan", parsed with "has" as the main verb of a clause
/// whose complement is "rejected", or labelled its auxiliary but still holding the subject: a
/// form of "have" right before a past participle (or a past tense the tagger chose instead),
/// with only adverbs between, is its auxiliary, and its subject is the participle's (an
/// auxiliary takes no dependents of its own).
fn auxiliary_read_as_verb(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    for a in 0..n {
        if !matches!(forms[a].to_lowercase().as_str(), "has" | "have" | "had") {
            continue;
        }
        let Some(v) = (a + 1..n).find(|&k| !tags[k].starts_with("RB")) else {
            continue;
        };
        if !matches!(tags[v], "VBN" | "VBD") || heads[a] != v + 1 {
            continue;
        }
        let subject_of_v = (0..n).any(|d| heads[d] == v + 1 && labels[d].starts_with("nsubj"));
        if subject_of_v {
            continue;
        }
        for d in 0..n {
            if heads[d] == a + 1 && (labels[d].starts_with("nsubj") || labels[d] == "advmod") {
                heads[d] = v + 1;
            }
        }
        heads[a] = v + 1;
        labels[a] = "aux";
    }
}

/// "The Kenyan government today welcomed the plan", "Liberian police used tear gas", "Thousands
/// of farmers marched ..., witnesses said": the parser, which saw few such sentences, hung
/// the verb on the noun phrase before it as a modifier (of the noun, or of the day word after
/// it), leaving the verb without a subject and the noun as the sentence's root or as a second
/// subject of "said". The verb takes the noun's place, the noun becomes its subject, and the
/// day word and the noun's dependents after the verb move to the verb. Only verbs that cannot
/// be modifiers: a finite past or present, or a past participle with an object after it.
fn verb_hung_on_its_subject(
    forms: &[&str],
    tags: &[&str],
    heads: &mut [usize],
    labels: &mut [&'static str],
) {
    let n = heads.len();
    let is_subject = |l: &str| l == "nsubj" || l == "nsubj:pass";
    let nominal = |t: &str| matches!(t, "NN" | "NNS" | "NNP" | "NNPS");
    for v in 1..n {
        if !matches!(labels[v], "acl" | "amod" | "acl:relcl" | "appos" | "nmod") || heads[v] == 0 {
            continue;
        }
        let kids = |heads: &[usize], x: usize| -> Vec<usize> {
            (0..n).filter(|&d| heads[d] == x + 1).collect()
        };
        let own = kids(heads, v);
        // A verb read as a noun's `nmod` is no modifier at all, even with its auxiliaries
        // ("Thousands of farmers were marching ...").
        let nominal_relation = labels[v] == "nmod";
        if own.iter().any(|&d| {
            is_subject(labels[d])
                || labels[d] == "mark"
                || (labels[d].starts_with("aux") && !nominal_relation)
        }) {
            continue;
        }
        let with_auxiliary = own.iter().any(|&d| labels[d].starts_with("aux"));
        let object_after = own.iter().any(|&d| d > v && labels[d] == "obj")
            || (v + 1 < n
                && matches!(tags[v + 1], "DT" | "PRP$" | "NNP" | "NNPS" | "CD")
                && descends_from(heads, v + 1, v));
        // The noun: where the verb hung, or the noun a day word before the verb hangs on.
        let mut noun = heads[v] - 1;
        let mut day = None;
        if DAY_WORDS.contains(&forms[noun].to_lowercase().as_str()) && heads[noun] != 0 {
            day = Some(noun);
            noun = heads[noun] - 1;
        }
        // A noun that is one of two subjects of a later "said": the verb becomes what was
        // said, and even a participle with no object is the clause's verb then ("Thousands of
        // farmers marched ..., witnesses said", with "marched" read as a participle).
        let place = heads[noun];
        let relation = labels[noun];
        let second_subject = place != 0
            && is_subject(relation)
            && place - 1 > v
            && (0..n).any(|d| d != noun && heads[d] == place && is_subject(labels[d]) && d > v);
        // Or a noun read as a compound of that later subject across the clause and a comma
        // ("Kenyan police opened fire ..., security sources said", with "police" on
        // "sources"): the verb is what the later verb reports.
        let reported = place != 0
            && relation == "compound"
            && place - 1 > v
            && (v..place - 1).any(|k| forms[k] == ",")
            && is_subject(labels[place - 1])
            && heads[place - 1] > place;
        // A noun that is the subject of a later infinitive ("troops remained on alert ... to
        // prevent ...", read with "remained" on "troops"): an infinitive with "to" takes no
        // subject, the finite verb does, and the infinitive is its purpose.
        let infinitive = place != 0
            && is_subject(relation)
            && place - 1 > v
            && tags[place - 1] == "VB"
            && (0..n).any(|d| heads[d] == place && labels[d] == "mark" && forms[d] == "to");
        let verb_like = matches!(tags[v], "VBD" | "VBZ" | "VBP")
            || (tags[v] == "VBN" && (object_after || second_subject || infinitive))
            || (nominal_relation && with_auxiliary && matches!(tags[v], "VBG" | "VBN"));
        if !verb_like {
            continue;
        }
        // A noun the tagger took for an adjective still has its determiner ("a top official").
        let determined = (0..noun).any(|d| heads[d] == noun + 1 && labels[d] == "det");
        if noun >= v || !(nominal(tags[noun]) || (tags[noun] == "JJ" && determined)) {
            continue;
        }
        // Between the noun and the verb only the noun's own words and the day word.
        let between_ok = (noun + 1..v).all(|k| {
            descends_from(heads, k, noun) && !descends_from(heads, k, v)
                || day.is_some_and(|d| descends_from(heads, k, d))
                || (heads[k] == v + 1 && labels[k].starts_with("aux"))
        });
        if !between_ok {
            continue;
        }
        if infinitive {
            let to_verb = place - 1;
            heads[v] = heads[to_verb];
            labels[v] = labels[to_verb];
            heads[to_verb] = v + 1;
            labels[to_verb] = "advcl";
        } else if reported {
            heads[v] = heads[place - 1];
            labels[v] = "ccomp";
        } else if place != 0 {
            if !second_subject {
                continue;
            }
            heads[v] = place;
            labels[v] = "ccomp";
        } else {
            heads[v] = 0;
            labels[v] = "root";
        }
        heads[noun] = v + 1;
        labels[noun] = "nsubj";
        if let Some(d) = day {
            heads[d] = v + 1;
            if labels[d] != "obl" {
                labels[d] = "obl:unmarked";
            }
        }
        // The noun's dependents after the verb belong to the clause.
        for head in heads.iter_mut().skip(v + 1) {
            if *head == noun + 1 {
                *head = v + 1;
            }
        }
    }
}

/// "The bloc imposed sanctions on ...", parsed with "imposed" a participle on "sanctions" but
/// with "bloc" as its subject: a modifier has no subject, so the verb is the clause's head and
/// the noun after it its object.
fn participle_with_a_subject(tags: &[&str], heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    for v in 0..n {
        if !matches!(labels[v], "amod" | "acl")
            || !matches!(tags[v], "VBD" | "VBN" | "VBZ" | "VBP")
            || heads[v] == 0
        {
            continue;
        }
        let noun = heads[v] - 1;
        if noun <= v || !matches!(tags[noun], "NN" | "NNS" | "NNP" | "NNPS") {
            continue;
        }
        let has_subject = (0..v).any(|d| heads[d] == v + 1 && labels[d] == "nsubj");
        if !has_subject
            || !matches!(
                labels[noun],
                "root" | "ccomp" | "conj" | "parataxis" | "advcl"
            )
        {
            continue;
        }
        heads[v] = heads[noun];
        labels[v] = std::mem::replace(&mut labels[noun], "obj");
        heads[noun] = v + 1;
        // Punctuation and the clause's other words before the verb go with the verb.
        for d in 0..n {
            if heads[d] == noun + 1 && (d < v || labels[d] == "punct") {
                heads[d] = v + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(ls: &[&'static str]) -> Vec<&'static str> {
        ls.to_vec()
    }

    #[test]
    fn a_past_tense_read_as_a_reduced_relative_is_the_main_verb() {
        // "Doctors from aid groups donated food ." with "donated" an acl of "groups".
        let forms = ["Doctors", "from", "aid", "groups", "donated", "food", "."];
        let tags = ["NNS", "IN", "NN", "NNS", "VBD", "NN", "."];
        let mut heads = vec![0, 4, 4, 1, 4, 5, 1];
        let mut ls = labels(&["root", "case", "compound", "nmod", "acl", "obj", "punct"]);
        participle_as_the_main_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (0, "root"));
        assert_eq!((heads[0], ls[0]), (5, "nsubj"));
        // With a finite verb of its own, the sentence keeps its verb.
        let forms = ["Doctors", "from", "groups", "donated", "food", "said", "."];
        let tags = ["NNS", "IN", "NNS", "VBD", "NN", "VBD", "."];
        let mut heads = vec![6, 3, 1, 3, 4, 0, 6];
        let mut ls = labels(&["nsubj", "case", "nmod", "acl", "obj", "root", "punct"]);
        participle_as_the_main_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [6, 3, 1, 3, 4, 0, 6]);
    }

    #[test]
    fn a_clause_opened_by_if_is_adverbial_not_relative() {
        // "They vowed to cut tariffs on steel if the neighbours keep quotas ." with "keep" a
        // relative clause on "steel".
        let forms = [
            "They",
            "vowed",
            "to",
            "cut",
            "tariffs",
            "on",
            "steel",
            "if",
            "the",
            "neighbours",
            "keep",
            "quotas",
            ".",
        ];
        let tags = [
            "PRP", "VBD", "TO", "VB", "NNS", "IN", "NN", "IN", "DT", "NNS", "VBP", "NNS", ".",
        ];
        let mut heads = vec![2, 0, 4, 2, 4, 7, 5, 11, 10, 11, 7, 11, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "mark",
            "xcomp",
            "obj",
            "case",
            "nmod",
            "mark",
            "det",
            "nsubj",
            "acl:relcl",
            "obj",
            "punct",
        ]);
        adverbial_clause_read_as_a_relative_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[10], ls[10]), (4, "advcl"));
        // A relative clause opened by a relative pronoun stays.
        let forms = ["They", "cut", "tariffs", "that", "hurt", "farmers", "."];
        let tags = ["PRP", "VBD", "NNS", "WDT", "VBP", "NNS", "."];
        let mut heads = vec![2, 0, 2, 5, 3, 5, 2];
        let mut ls = labels(&["nsubj", "root", "obj", "nsubj", "acl:relcl", "obj", "punct"]);
        adverbial_clause_read_as_a_relative_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (3, "acl:relcl"));
    }

    #[test]
    fn a_place_between_a_subject_and_its_verb_belongs_to_the_subject() {
        // "Two parties in Arvenia have called a strike ." with "Arvenia" an oblique.
        let forms = [
            "Two", "parties", "in", "Arvenia", "have", "called", "a", "strike", ".",
        ];
        let tags = ["CD", "NNS", "IN", "NNP", "VBP", "VBN", "DT", "NN", "."];
        let mut heads = vec![2, 6, 4, 6, 6, 0, 8, 6, 6];
        let mut ls = labels(&[
            "nummod", "nsubj", "case", "obl", "aux", "root", "det", "obj", "punct",
        ]);
        place_between_subject_and_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "nmod"));
        // A day there is the verb's time: "Police on Friday arrested them ."
        let forms = ["Police", "on", "Friday", "arrested", "them", "."];
        let tags = ["NNS", "IN", "NNP", "VBD", "PRP", "."];
        let mut heads = vec![4, 3, 4, 0, 4, 4];
        let mut ls = labels(&["nsubj", "case", "obl", "root", "obj", "punct"]);
        place_between_subject_and_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (4, "obl"));
    }

    #[test]
    fn a_subject_split_by_a_subordinator_read_as_a_preposition_is_joined() {
        // "Envoys left on Friday after Velmora and its allies condemned the plan ." with
        // "Velmora" hung on "Friday" and "condemned" a conjunct of "left".
        let forms = [
            "Envoys",
            "left",
            "on",
            "Friday",
            "after",
            "Velmora",
            "and",
            "its",
            "allies",
            "condemned",
            "the",
            "plan",
            ".",
        ];
        let tags = [
            "NNS", "VBD", "IN", "NNP", "IN", "NNP", "CC", "PRP$", "NNS", "VBD", "DT", "NN", ".",
        ];
        let mut heads = vec![2, 0, 4, 2, 6, 4, 10, 9, 10, 2, 12, 10, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "case",
            "obl",
            "case",
            "nmod",
            "cc",
            "nmod:poss",
            "nsubj",
            "conj",
            "det",
            "obj",
            "punct",
        ]);
        kept_if_a_tree(&mut heads, &mut ls, |h, l| {
            subject_split_by_a_subordinator(&forms, &tags, h, l)
        });
        assert_eq!((heads[9], ls[9]), (2, "advcl"));
        assert_eq!((heads[5], ls[5]), (10, "nsubj"));
        assert_eq!((heads[4], ls[4]), (10, "mark"));
        assert_eq!((heads[8], ls[8]), (6, "conj"));
        assert_eq!(heads[6], 9);
    }

    #[test]
    fn a_noun_hung_on_its_preposition_takes_its_place() {
        // "They sought the removal of Velan ." with "of" an advmod of "removal" and "Velan"
        // an apposition of "of".
        let forms = ["They", "sought", "the", "removal", "of", "Velan", "."];
        let tags = ["PRP", "VBD", "DT", "NN", "IN", "NNP", "."];
        let mut heads = vec![2, 0, 4, 2, 4, 5, 2];
        let mut ls = labels(&["nsubj", "root", "det", "obj", "advmod", "appos", "punct"]);
        noun_hung_on_its_preposition(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 6, 4, 2]);
        assert_eq!((ls[4], ls[5]), ("case", "nmod"));
    }

    #[test]
    fn a_word_joined_to_its_preposition_takes_its_place() {
        // "Funds went on training nurses ." with "on" an oblique and "training" its goeswith.
        let tags = ["NNS", "VBD", "IN", "VBG", "NNS", "."];
        let mut heads = vec![2, 0, 2, 3, 4, 2];
        let mut ls = labels(&["nsubj", "root", "obl", "goeswith", "obj", "punct"]);
        word_hung_on_its_function_word(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 4, 2]);
        assert_eq!((ls[2], ls[3]), ("mark", "advcl"));
        // "an aide to Governor Osei": the name takes the oblique's place, "to" its case.
        let tags = ["DT", "NN", "TO", "NNP", "NNP"];
        let mut heads = vec![2, 0, 2, 3, 4];
        let mut ls = labels(&["det", "root", "nmod", "goeswith", "flat"]);
        word_hung_on_its_function_word(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 4]);
        assert_eq!((ls[2], ls[3]), ("case", "nmod"));
    }

    #[test]
    fn a_verb_joined_to_its_subject_heads_the_clause() {
        // "Chad expelled two envoys ." with "Chad" the root and "expelled" its goeswith.
        let tags = ["NNP", "VBD", "CD", "NNS", "."];
        let mut heads = vec![0, 1, 4, 2, 1];
        let mut ls = labels(&["root", "goeswith", "nummod", "obj", "punct"]);
        verb_joined_to_its_subject(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 2]);
        assert_eq!((ls[0], ls[1]), ("nsubj", "root"));
    }

    #[test]
    fn a_participle_before_its_noun_modifies_it() {
        // "Troops left from neighbouring Ruvia ." with "neighbouring" a clause of "left",
        // "from" its marker and "Ruvia" its object.
        let forms = ["Troops", "left", "from", "neighbouring", "Ruvia", "."];
        let tags = ["NNS", "VBD", "IN", "VBG", "NNP", "."];
        let mut heads = vec![2, 0, 4, 2, 4, 2];
        let mut ls = labels(&["nsubj", "root", "mark", "advcl", "obj", "punct"]);
        participle_modifier_read_as_a_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 5, 5, 2, 2]);
        assert_eq!((ls[2], ls[3], ls[4]), ("case", "amod", "obl"));
        // "Ana , Velora 's leading poet , spoke ." with "leading" an oblique of "spoke" and
        // "Ana" its subject: the possessive makes it a modifier, "Ana" the verb's subject.
        let forms = [
            "Ana", ",", "Velora", "'s", "leading", "poet", ",", "spoke", ".",
        ];
        let tags = ["NNP", ",", "NNP", "POS", "VBG", "NN", ",", "VBD", "."];
        let mut heads = vec![5, 1, 5, 3, 8, 5, 8, 0, 8];
        let mut ls = labels(&[
            "nsubj",
            "punct",
            "nmod:poss",
            "case",
            "obl",
            "obj",
            "punct",
            "root",
            "punct",
        ]);
        participle_modifier_read_as_a_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [8, 1, 6, 3, 6, 8, 8, 0, 8]);
        assert_eq!((ls[0], ls[4]), ("nsubj", "amod"));
        // A gerund taking its object keeps it: "by shelling villages".
        let forms = ["They", "won", "by", "shelling", "villages", "."];
        let tags = ["PRP", "VBD", "IN", "VBG", "NNS", "."];
        let mut heads = vec![2, 0, 4, 2, 4, 2];
        let mut ls = labels(&["nsubj", "root", "mark", "advcl", "obj", "punct"]);
        participle_modifier_read_as_a_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 4, 2]);
    }

    #[test]
    fn words_after_in_principle_belong_to_the_verb() {
        // "Ministers agreed in principle on Friday to meet ." with "on Friday" and "to meet"
        // hung on "principle".
        let forms = [
            "Ministers",
            "agreed",
            "in",
            "principle",
            "on",
            "Friday",
            "to",
            "meet",
            ".",
        ];
        let tags = ["NNS", "VBD", "IN", "NN", "IN", "NNP", "TO", "VB", "."];
        let mut heads = vec![2, 0, 4, 2, 6, 4, 8, 4, 2];
        let mut ls = labels(&[
            "nsubj", "root", "case", "obl", "case", "nmod", "mark", "acl", "punct",
        ]);
        words_hung_on_an_adverbial_idiom(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 2, 6, 2, 8, 2, 2]);
        assert_eq!((ls[5], ls[7]), ("obl", "xcomp"));
    }

    #[test]
    fn up_to_a_number_modifies_the_number_and_frees_the_subject() {
        // "Up to 90 miners struck ." with "Up" a marker of the verb, "to" the noun's
        // preposition and the noun an oblique.
        let forms = ["Up", "to", "90", "miners", "struck", "."];
        let tags = ["IN", "IN", "CD", "NNS", "VBD", "."];
        let mut heads = vec![5, 4, 4, 5, 0, 5];
        let mut ls = labels(&["mark", "case", "nummod", "obl", "root", "punct"]);
        up_to_a_number(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [3, 1, 4, 5, 0, 5]);
        assert_eq!((ls[0], ls[1]), ("advmod", "fixed"));
        subject_read_as_an_oblique(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[3], "nsubj");
        // A time word, or a verb that has a subject, keeps its oblique.
        let forms = ["Last", "week", "miners", "struck", "."];
        let tags = ["JJ", "NN", "NNS", "VBD", "."];
        let mut heads = vec![2, 4, 4, 0, 4];
        let mut ls = labels(&["amod", "obl", "nsubj", "root", "punct"]);
        subject_read_as_an_oblique(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[1], "obl");
    }

    #[test]
    fn a_preposition_belongs_to_the_whole_name() {
        // "Aid went to Lord Velan ." with "to" on "Lord" and "Lord" an nmod of "Velan".
        let forms = ["Aid", "went", "to", "Lord", "Velan", "."];
        let tags = ["NN", "VBD", "IN", "NNP", "NNP", "."];
        let mut heads = vec![2, 0, 4, 5, 2, 2];
        let mut ls = labels(&["nsubj", "root", "case", "nmod", "obl", "punct"]);
        preposition_on_the_first_word_of_a_name(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[3]), (5, "nmod:desc"));
    }

    #[test]
    fn a_title_keeps_its_name_when_the_preposition_moves_to_the_name() {
        // "held a meeting with President Velan ." with "with" on "President", the title an
        // nmod:desc of "Velan" and "Velan" the meeting's apposition.
        let forms = [
            "They",
            "held",
            "a",
            "meeting",
            "with",
            "President",
            "Velan",
            ".",
        ];
        let tags = ["PRP", "VBD", "DT", "NN", "IN", "NNP", "NNP", "."];
        let mut heads = vec![2, 0, 4, 2, 6, 7, 4, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "det",
            "obj",
            "case",
            "nmod:desc",
            "appos",
            "punct",
        ]);
        preposition_on_the_first_word_of_a_name(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (7, "case"));
        assert_eq!((heads[5], ls[5]), (7, "nmod:desc"));
        assert_eq!((heads[6], ls[6]), (4, "nmod"));
    }

    #[test]
    fn a_noun_run_into_the_next_object_modifies_it() {
        // "They dismissed the pay plan ." with "pay" and "plan" both objects.
        let tags = ["PRP", "VBD", "DT", "NN", "NN", "."];
        let mut heads = vec![2, 0, 5, 2, 2, 2];
        let mut ls = labels(&["nsubj", "root", "det", "obj", "obj", "punct"]);
        object_before_the_object(&tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (5, "compound"));
        // "attack Velan 's words" with "Velan" and "words" both objects.
        let tags = ["VB", "NNP", "POS", "NNS"];
        let mut heads = vec![0, 1, 2, 1];
        let mut ls = labels(&["root", "obj", "case", "obj"]);
        object_before_the_object(&tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (4, "nmod:poss"));
        // Two objects of a verb that takes two: "gave police power".
        let tags = ["VBD", "NNS", "NN"];
        let mut heads = vec![0, 1, 1];
        let mut ls = labels(&["root", "obj", "obj"]);
        object_before_the_object(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [0, 1, 1]);
        // Objects apart ("gave Ana , Tom and books") stay as they are.
        let tags = ["VBD", "NNP", ",", "NNS"];
        let mut heads = vec![0, 1, 1, 1];
        let mut ls = labels(&["root", "obj", "punct", "obj"]);
        object_before_the_object(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [0, 1, 1, 1]);
    }

    #[test]
    fn a_noun_joined_to_a_verb_with_an_object_joins_the_object() {
        // "They sent food and medicine ." with "medicine" a conjunct of "sent".
        let tags = ["PRP", "VBD", "NN", "CC", "NN", "."];
        let mut heads = vec![2, 0, 2, 5, 2, 2];
        let ls = labels(&["nsubj", "root", "obj", "cc", "conj", "punct"]);
        noun_conjunct_of_a_verb(&tags, &mut heads, &ls);
        assert_eq!(heads, [2, 0, 2, 5, 3, 2]);
        // "... food , despite a ban" is no conjunct of the object.
        let tags = ["PRP", "VBD", "NN", "CC", "IN", "NN", "."];
        let mut heads = vec![2, 0, 2, 6, 6, 2, 2];
        let ls = labels(&["nsubj", "root", "obj", "cc", "case", "conj", "punct"]);
        noun_conjunct_of_a_verb(&tags, &mut heads, &ls);
        assert_eq!(heads[5], 2);
    }

    #[test]
    fn a_preposition_belongs_to_the_head_of_its_phrase() {
        // "gave aid to 18 rebels ." with "to" on "18".
        let tags = ["VBD", "NN", "IN", "CD", "NNS", "."];
        let mut heads = vec![0, 1, 4, 5, 1, 1];
        let ls = labels(&["root", "obj", "case", "nummod", "obl", "punct"]);
        preposition_on_a_modifier(&tags, &mut heads, &ls);
        assert_eq!(heads, [0, 1, 5, 5, 1, 1]);
    }

    #[test]
    fn a_verb_before_a_participle_is_no_auxiliary() {
        // "Rebels reject proposed changes , he said ." with "reject" the auxiliary of
        // "proposed" and "Rebels" its subject.
        let forms = [
            "Rebels", "reject", "proposed", "changes", ",", "he", "said", ".",
        ];
        let tags = ["NNS", "VBP", "VBN", "NNS", ",", "PRP", "VBD", "."];
        let mut heads = vec![3, 3, 7, 3, 7, 7, 0, 7];
        let mut ls = labels(&[
            "nsubj", "aux", "ccomp", "obj", "punct", "nsubj", "root", "punct",
        ]);
        verb_read_as_auxiliary(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 7, 4, 2, 7, 7, 0, 7]);
        assert_eq!(ls[1], "ccomp");
        assert_eq!(ls[2], "amod");
        // A real auxiliary stays: "have proposed changes".
        let forms = ["They", "have", "proposed", "changes", "."];
        let tags = ["PRP", "VBP", "VBN", "NNS", "."];
        let mut heads = vec![3, 3, 0, 3, 3];
        let mut ls = labels(&["nsubj", "aux", "root", "obj", "punct"]);
        verb_read_as_auxiliary(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [3, 3, 0, 3, 3]);
    }

    #[test]
    fn a_reported_clauses_object_is_not_the_reporters_subject() {
        // "Velora lifted a ban on rallies , radio reported ." with "ban" and "radio" both
        // subjects of "reported".
        let tags = ["NNP", "VBD", "DT", "NN", "IN", "NNS", ",", "NN", "VBD", "."];
        let mut heads = vec![2, 9, 4, 9, 6, 4, 9, 9, 0, 9];
        let mut ls = labels(&[
            "nsubj", "ccomp", "det", "nsubj", "case", "nmod", "punct", "nsubj", "root", "punct",
        ]);
        complement_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "obj"));
        assert_eq!((heads[7], ls[7]), (9, "nsubj"));
    }

    #[test]
    fn a_determiner_belongs_to_the_subject_not_the_verb() {
        // "The new deal gives Velora access ." with "The" hung on "gives".
        let tags = ["DT", "JJ", "NN", "VBZ", "NNP", "NN", "."];
        let mut heads = vec![4, 3, 4, 0, 4, 4, 4];
        let ls = labels(&["det", "amod", "nsubj", "root", "iobj", "obj", "punct"]);
        determiner_hung_on_a_verb(&tags, &mut heads, &ls);
        assert_eq!(heads[0], 3);
    }

    #[test]
    fn two_objects_side_by_side() {
        // "Critics attacked Ruiz 's plan ." with "Ruiz" and "plan" both objects.
        let forms = ["Critics", "attacked", "Ruiz", "'s", "plan", "."];
        let tags = ["NNS", "VBD", "NNP", "POS", "NN", "."];
        let mut heads = vec![2, 0, 2, 3, 2, 2];
        let mut ls = labels(&["nsubj", "root", "obj", "case", "obj", "punct"]);
        two_objects(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (5, "nmod:poss"));
        // "The war will teach them patience ."
        let forms = ["The", "war", "will", "teach", "them", "patience", "."];
        let tags = ["DT", "NN", "MD", "VB", "PRP", "NN", "."];
        let mut heads = vec![2, 4, 4, 0, 4, 4, 4];
        let mut ls = labels(&["det", "nsubj", "aux", "root", "obj", "obj", "punct"]);
        two_objects(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (4, "iobj"));
        // "The mayor defended her budget ."
        let forms = ["The", "mayor", "defended", "her", "budget", "."];
        let tags = ["DT", "NN", "VBD", "PRP", "NN", "."];
        let mut heads = vec![2, 3, 0, 3, 3, 3];
        let mut ls = labels(&["det", "nsubj", "root", "obj", "obj", "punct"]);
        two_objects(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (5, "nmod:poss"));
        // "Data showed rent rises slowing ." (compound) and a preposition on an object.
        let forms = ["Data", "showed", "rent", "rises", "to", "Velora", "."];
        let tags = ["NNS", "VBD", "NN", "NNS", "IN", "NNP", "."];
        let mut heads = vec![2, 0, 2, 2, 6, 2, 2];
        let mut ls = labels(&["nsubj", "root", "obj", "obj", "case", "obj", "punct"]);
        object_with_a_preposition(&heads, &mut ls);
        assert_eq!(ls[5], "obl");
        two_objects(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (4, "compound"));
        // "Guards held two suspected smugglers ."
        let forms = ["Guards", "held", "two", "suspected", "smugglers", "."];
        let tags = ["NNS", "VBD", "CD", "VBN", "NNS", "."];
        let mut heads = vec![2, 0, 2, 5, 2, 2];
        let mut ls = labels(&["nsubj", "root", "obj", "amod", "obj", "punct"]);
        two_objects(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (5, "nummod"));
    }

    #[test]
    fn a_verb_before_that_is_the_main_one() {
        // "Velora officials agreed on Monday that both sides should talk ." with "talk" the
        // root and "agreed" its complement.
        let forms = [
            "Velora",
            "officials",
            "agreed",
            "on",
            "Monday",
            "that",
            "both",
            "sides",
            "should",
            "talk",
            ".",
        ];
        let tags = [
            "NNP", "NNS", "VBD", "IN", "NNP", "IN", "DT", "NNS", "MD", "VB", ".",
        ];
        let mut heads = vec![2, 3, 10, 5, 3, 10, 8, 10, 10, 0, 10];
        let mut ls = labels(&[
            "compound", "nsubj", "ccomp", "case", "obl", "mark", "det", "nsubj", "aux", "root",
            "punct",
        ]);
        complement_before_its_verb_without_punctuation(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (0, "root"));
        assert_eq!((heads[9], ls[9]), (3, "ccomp"));
        assert_eq!(heads[10], 3);
    }

    #[test]
    fn a_noun_conjunct_before_a_verb_without_a_subject_is_its_subject() {
        // "Families live in Velora and doctors have said so ." with "doctors" a conjunct of
        // "Velora" and "live" the complement of "said".
        let forms = [
            "Families", "live", "in", "Velora", "and", "doctors", "have", "said", "so", ".",
        ];
        let tags = [
            "NNS", "VBP", "IN", "NNP", "CC", "NNS", "VBP", "VBN", "RB", ".",
        ];
        let mut heads = vec![2, 8, 4, 2, 6, 4, 8, 0, 8, 8];
        let mut ls = labels(&[
            "nsubj", "ccomp", "case", "obl", "cc", "conj", "aux", "root", "advmod", "punct",
        ]);
        complement_before_its_verb_without_punctuation(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (0, "root"));
        assert_eq!((heads[7], ls[7]), (2, "conj"));
        assert_eq!((heads[5], ls[5]), (8, "nsubj"));
        assert_eq!(heads[4], 8);
    }

    #[test]
    fn a_participle_after_its_noun_modifies_it() {
        // "A report issued by the office of audits said so ." with "audits" a second
        // subject of "said" and "of" hung on it.
        let forms = [
            "A", "report", "issued", "by", "the", "office", "of", "audits", "said", "so", ".",
        ];
        let tags = [
            "DT", "NN", "VBN", "IN", "DT", "NN", "IN", "NNS", "VBD", "RB", ".",
        ];
        let mut heads = vec![2, 9, 2, 6, 6, 3, 9, 9, 0, 9, 9];
        let mut ls = labels(&[
            "det",
            "nsubj",
            "acl",
            "case",
            "det",
            "obl:agent",
            "advmod",
            "nsubj",
            "root",
            "advmod",
            "punct",
        ]);
        noun_after_a_preposition_read_as_a_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[7], ls[7]), (6, "nmod"));
        assert_eq!((heads[6], ls[6]), (8, "case"));
        // The same with "issued" the complement of "said" and "report" its subject.
        heads[1] = 3;
        (heads[2], ls[2]) = (9, "ccomp");
        complement_before_its_verb_without_punctuation(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (2, "acl"));
        assert_eq!((heads[1], ls[1]), (9, "nsubj"));
    }

    #[test]
    fn an_object_taken_for_the_subject_of_a_clause_after_a_subordinator() {
        // "The minister cancelled a visit after a siege was declared ." with "visit" the
        // passive subject of "declared", "after" the case of "siege" and "declared" the
        // complement of "cancelled".
        let forms = [
            "The",
            "minister",
            "cancelled",
            "a",
            "visit",
            "after",
            "a",
            "siege",
            "was",
            "declared",
            ".",
        ];
        let tags = [
            "DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "VBD", "VBN", ".",
        ];
        let mut heads = vec![2, 3, 0, 5, 10, 8, 8, 5, 10, 3, 3];
        let mut ls = labels(&[
            "det",
            "nsubj",
            "root",
            "det",
            "nsubj:pass",
            "case",
            "det",
            "nmod",
            "aux:pass",
            "ccomp",
            "punct",
        ]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (3, "obj"));
        assert_eq!((heads[9], ls[9]), (3, "advcl"));
        assert_eq!((heads[7], ls[7]), (10, "nsubj:pass"));
        assert_eq!((heads[5], ls[5]), (10, "mark"));
    }

    #[test]
    fn a_fronted_verb_before_a_subordinate_clause_is_the_main_one() {
        // "The mayor shortened the curfew imposed after a storm hit the town ." with "hit"
        // the root, "shortened" its complement, "curfew" its subject and "after" a case.
        let forms = [
            "The",
            "mayor",
            "shortened",
            "the",
            "curfew",
            "imposed",
            "after",
            "a",
            "storm",
            "hit",
            "the",
            "town",
            ".",
        ];
        let tags = [
            "DT", "NN", "VBD", "DT", "NN", "VBN", "IN", "DT", "NN", "VBD", "DT", "NN", ".",
        ];
        let mut heads = vec![2, 3, 10, 5, 10, 5, 9, 9, 6, 0, 12, 10, 10];
        let mut ls = labels(&[
            "det", "nsubj", "ccomp", "det", "nsubj", "acl", "case", "det", "obl", "root", "det",
            "obj", "punct",
        ]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (0, "root"));
        assert_eq!((heads[4], ls[4]), (3, "obj"));
        assert_eq!((heads[9], ls[9]), (6, "advcl"));
        assert_eq!((heads[8], ls[8]), (10, "nsubj"));
        assert_eq!((heads[6], ls[6]), (10, "mark"));
        assert_eq!(heads[12], 3);
    }

    #[test]
    fn a_clause_with_an_auxiliary_on_a_noun_root_is_the_main_one() {
        // "The farmers of Velora are demanding land ." with "farmers" the root.
        let tags = ["DT", "NNS", "IN", "NNP", "VBP", "VBG", "NN", "."];
        let mut heads = vec![2, 0, 4, 2, 6, 2, 6, 2];
        let mut ls = labels(&[
            "det", "root", "case", "nmod", "aux", "advcl", "obj", "punct",
        ]);
        clause_with_an_auxiliary_hung_on_its_subject(&tags, &mut heads, &mut ls);
        assert_eq!(heads, vec![2, 6, 4, 2, 6, 0, 6, 6]);
        assert_eq!((ls[1], ls[5]), ("nsubj", "root"));
    }

    #[test]
    fn a_name_after_a_verb_of_giving_is_its_indirect_object() {
        // "Upland gave the Velora Republic 5 million dollars ." with "Republic" on "million".
        let forms = [
            "Upland", "gave", "the", "Velora", "Republic", "5", "million", "dollars", ".",
        ];
        let tags = ["NNP", "VBD", "DT", "NNP", "NNP", "CD", "CD", "NNS", "."];
        let mut heads = vec![2, 0, 5, 5, 7, 7, 8, 2, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "det",
            "compound",
            "nmod:unmarked",
            "compound",
            "nummod",
            "obj",
            "punct",
        ]);
        first_object_read_as_a_modifier(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (2, "iobj"));
    }

    #[test]
    fn a_bound_on_a_number_is_no_preposition() {
        // "Rebels seized up to 16 advisers ." with "up" the case of "advisers".
        let forms = ["Rebels", "seized", "up", "to", "16", "advisers", "."];
        let tags = ["NNS", "VBD", "IN", "IN", "CD", "NNS", "."];
        let mut heads = vec![2, 0, 6, 3, 6, 2, 2];
        let mut ls = labels(&["nsubj", "root", "case", "fixed", "nummod", "obl", "punct"]);
        quantity_read_as_a_preposition(&tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (5, "advmod"));
        bare_oblique_is_the_object(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[5], "obj");
    }

    #[test]
    fn inflections_of_a_stem() {
        assert!(
            inflects("named", "name") && inflects("naming", "name") && inflects("names", "name")
        );
        assert!(inflects("remained", "remain") && inflects("sitting", "sit"));
        assert!(
            !inflects("beat", "be") && !inflects("issued", "is") && !inflects("endorsed", "end")
        );
    }

    #[test]
    fn a_bare_noun_complement_of_an_action_verb_is_its_object() {
        // "Troops killed three villagers ." with "villagers" an xcomp.
        let forms = ["Troops", "killed", "three", "villagers", "."];
        let tags = ["NNS", "VBD", "CD", "NNS", "."];
        let heads = vec![2, 0, 4, 2, 2];
        let mut ls = labels(&["nsubj", "root", "nummod", "xcomp", "punct"]);
        nominal_complement_is_the_object(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[3], "obj");
        // "She became president ." keeps its complement.
        let forms = ["She", "became", "president", "."];
        let tags = ["PRP", "VBD", "NN", "."];
        let heads = vec![2, 0, 2, 2];
        let mut ls = labels(&["nsubj", "root", "xcomp", "punct"]);
        nominal_complement_is_the_object(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[2], "xcomp");
    }

    #[test]
    fn a_bare_oblique_after_a_verb_without_an_object_is_its_object() {
        // "Police detained 40 protesters Monday ." with "protesters" an oblique.
        let forms = ["Police", "detained", "40", "protesters", "Monday", "."];
        let tags = ["NNS", "VBD", "CD", "NNS", "NNP", "."];
        let heads = vec![2, 0, 4, 2, 2, 2];
        let mut ls = labels(&["nsubj", "root", "nummod", "obl", "obl", "punct"]);
        bare_oblique_is_the_object(&forms, &tags, &heads, &mut ls);
        assert_eq!((ls[3], ls[4]), ("obj", "obl"));
    }

    #[test]
    fn to_before_a_noun_is_its_preposition() {
        // "sent aid to war - torn Velora ." with "to" a marker and "Velora" a clause.
        let forms = ["sent", "aid", "to", "war", "-", "torn", "Velora", "."];
        let tags = ["VBD", "NN", "TO", "NN", "HYPH", "VBN", "NNP", "."];
        let heads = vec![0, 1, 7, 6, 4, 7, 2, 1];
        let mut ls = labels(&[
            "root", "obj", "mark", "compound", "punct", "amod", "acl", "punct",
        ]);
        to_marking_a_noun(&forms, &tags, &heads, &mut ls);
        assert_eq!((ls[2], ls[6]), ("case", "nmod"));
        // "wanted to be a partner": a predicate noun keeps its clause.
        let forms = ["wanted", "to", "be", "a", "partner"];
        let tags = ["VBD", "TO", "VB", "DT", "NN"];
        let heads = vec![0, 5, 5, 5, 1];
        let mut ls = labels(&["root", "mark", "cop", "det", "xcomp"]);
        to_marking_a_noun(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[1], "mark");
    }

    #[test]
    fn an_infinitive_after_a_predicate_with_a_subject_is_its_complement() {
        // "She is ready to talk ." with "talk" read as a clausal subject of "ready".
        let forms = ["She", "is", "ready", "to", "talk", "."];
        let heads = vec![3, 3, 0, 5, 3, 3];
        let mut ls = labels(&["nsubj", "cop", "root", "mark", "csubj", "punct"]);
        infinitive_read_as_a_second_subject(&forms, &heads, &mut ls);
        assert_eq!(ls[4], "xcomp");
        // "It is hard to say ." keeps its extraposed clausal subject.
        let forms = ["It", "is", "hard", "to", "say", "."];
        let mut ls = labels(&["expl", "cop", "root", "mark", "csubj", "punct"]);
        infinitive_read_as_a_second_subject(&forms, &heads, &mut ls);
        assert_eq!(ls[4], "csubj");
    }

    #[test]
    fn a_noun_before_a_clause_takes_the_clause() {
        // "Ruiz met the target he set ." read with "target" and "he" both subjects of "set",
        // itself the object clause of "met".
        let forms = ["Ruiz", "met", "the", "target", "he", "set", "."];
        let tags = ["NNP", "VBD", "DT", "NN", "PRP", "VBD", "."];
        let mut heads = vec![2, 0, 4, 6, 6, 2, 2];
        let mut ls = labels(&["nsubj", "root", "det", "nsubj", "nsubj", "ccomp", "punct"]);
        noun_before_a_clause_read_as_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "obj"));
        assert_eq!((heads[5], ls[5]), (4, "acl:relcl"));
        assert_eq!((heads[4], ls[4]), (6, "nsubj"));
        // With an object of its own the clause tells the noun's content: "denied reports the
        // party repaid loans".
        let forms = [
            "Ruiz", "denied", "reports", "the", "party", "repaid", "loans", ".",
        ];
        let tags = ["NNP", "VBD", "NNS", "DT", "NN", "VBD", "NNS", "."];
        let mut heads = vec![2, 0, 6, 5, 6, 2, 6, 2];
        let mut ls = labels(&[
            "nsubj", "root", "nsubj", "det", "nsubj", "ccomp", "obj", "punct",
        ]);
        noun_before_a_clause_read_as_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (2, "obj"));
        assert_eq!((heads[5], ls[5]), (3, "acl"));
    }

    #[test]
    fn the_one_told_is_no_subject_of_what_is_told() {
        // "Ruiz told the Courier the firm had paid ." with "Courier" a second subject of
        // "paid"; and "Ruiz said the Courier had paid .", which keeps its one subject.
        let forms = [
            "Ruiz", "told", "the", "Courier", "the", "firm", "had", "paid", ".",
        ];
        let tags = ["NNP", "VBD", "DT", "NNP", "DT", "NN", "VBD", "VBN", "."];
        let mut heads = vec![2, 0, 4, 8, 6, 8, 8, 2, 2];
        let mut ls = labels(&[
            "nsubj", "root", "det", "nsubj", "det", "nsubj", "aux", "ccomp", "punct",
        ]);
        addressee_read_as_a_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "iobj"));
        assert_eq!((heads[5], ls[5]), (8, "nsubj"));
        let forms = ["Ruiz", "said", "the", "Courier", "had", "paid", "."];
        let tags = ["NNP", "VBD", "DT", "NNP", "VBD", "VBN", "."];
        let mut heads = vec![2, 0, 4, 6, 6, 2, 2];
        let mut ls = labels(&["nsubj", "root", "det", "nsubj", "aux", "ccomp", "punct"]);
        addressee_read_as_a_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (6, "nsubj"));
    }

    #[test]
    fn an_adjective_labelled_a_compound_is_an_amod() {
        let tags = ["JJ", "NN", "NN"];
        let mut ls = labels(&["compound", "compound", "root"]);
        adjective_labelled_a_compound(&tags, &mut ls);
        assert_eq!(ls, ["amod", "compound", "root"]);
    }

    #[test]
    fn it_before_a_predicate_with_an_infinitive_is_an_expletive() {
        // "It was wise to wait ." with the infinitive read as a complement, and "It was near
        // to closing ." (no infinitive), which keeps its subject.
        let forms = ["It", "was", "wise", "to", "wait", "."];
        let tags_wise = ["PRP", "VBD", "JJ", "TO", "VB", "."];
        let heads_wise = [3, 3, 0, 5, 3, 3];
        let mut ls = labels(&["nsubj", "cop", "root", "mark", "xcomp", "punct"]);
        expletive_before_a_clause(&forms, &tags_wise, &heads_wise, &mut ls);
        assert_eq!(ls, ["expl", "cop", "root", "mark", "csubj", "punct"]);

        let forms = ["It", "was", "near", "to", "closing", "."];
        let tags = ["PRP", "VBD", "JJ", "TO", "VBG", "."];
        let mut ls = labels(&["nsubj", "cop", "root", "mark", "advcl", "punct"]);
        expletive_before_a_clause(&forms, &tags, &heads_wise, &mut ls);
        assert_eq!(ls, ["nsubj", "cop", "root", "mark", "advcl", "punct"]);

        // "It was willing to wait ." keeps its subject: someone is willing.
        let forms = ["It", "was", "willing", "to", "wait", "."];
        let mut ls = labels(&["nsubj", "cop", "root", "mark", "xcomp", "punct"]);
        expletive_before_a_clause(&forms, &tags_wise, &heads_wise, &mut ls);
        assert_eq!(ls, ["nsubj", "cop", "root", "mark", "xcomp", "punct"]);

        // "It was so late that we left ." keeps its subject: the clause is one of result.
        let forms = ["It", "was", "so", "late", "that", "we", "left", "."];
        let tags = ["PRP", "VBD", "RB", "JJ", "IN", "PRP", "VBD", "."];
        let heads = [4, 4, 4, 0, 7, 7, 4, 4];
        let mut ls = labels(&[
            "nsubj", "cop", "advmod", "root", "mark", "nsubj", "advcl", "punct",
        ]);
        expletive_before_a_clause(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[0], "nsubj");
    }

    #[test]
    fn a_name_hung_on_its_title_heads_the_phrase() {
        // "Aides told Mr Luis Soto , who left ." with "Mr" the object, "Luis" and "Soto" flat on
        // it and the relative clause on it; and "Dr Luis Vela" with "Dr" a compound of "Luis".
        let forms = [
            "Aides", "told", "Mr", "Luis", "Soto", ",", "who", "left", ".",
        ];
        let tags = ["NNS", "VBD", "NNP", "NNP", "NNP", ",", "WP", "VBD", "."];
        let mut heads = vec![2, 0, 2, 3, 3, 8, 8, 3, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "obj",
            "flat",
            "flat",
            "punct",
            "nsubj",
            "acl:relcl",
            "punct",
        ]);
        name_hung_on_its_title(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "obj"));
        assert_eq!((heads[2], ls[2]), (4, "nmod:desc"));
        assert_eq!((heads[4], ls[4]), (4, "flat"));
        assert_eq!((heads[7], ls[7]), (4, "acl:relcl"));
        let forms = ["Dr", "Luis", "Vela", "spoke", "."];
        let tags = ["NNP", "NNP", "NNP", "VBD", "."];
        let mut heads = vec![2, 4, 2, 0, 4];
        let mut ls = labels(&["compound", "nsubj", "flat", "root", "punct"]);
        name_hung_on_its_title(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (2, "nmod:desc"));
        // "General Motors" keeps its shape.
        let forms = ["General", "Motors", "fell", "."];
        let tags = ["NNP", "NNP", "VBD", "."];
        let mut heads = vec![3, 1, 0, 3];
        let mut ls = labels(&["nsubj", "flat", "root", "punct"]);
        name_hung_on_its_title(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (1, "flat"));
    }

    #[test]
    fn a_clause_on_who_after_a_noun_is_a_relative_clause() {
        // "Staff may expel pupils who threaten others ." with "threaten" a complement of
        // "expel"; and "Ruiz met Ana Lind , who runs it ." with "runs" a conjunct of "met".
        let forms = [
            "Staff", "may", "expel", "pupils", "who", "threaten", "others", ".",
        ];
        let tags = ["NN", "MD", "VB", "NNS", "WP", "VBP", "NNS", "."];
        let mut heads = vec![3, 3, 0, 3, 6, 3, 6, 3];
        let mut ls = labels(&[
            "nsubj", "aux", "root", "obj", "nsubj", "ccomp", "obj", "punct",
        ]);
        relative_clause_read_as_a_complement(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[5], ls[5]), (4, "acl:relcl"));
        let forms = ["Ruiz", "met", "Ana", "Lind", ",", "who", "runs", "it", "."];
        let tags = ["NNP", "VBD", "NNP", "NNP", ",", "WP", "VBZ", "PRP", "."];
        let mut heads = vec![2, 0, 2, 3, 7, 7, 2, 7, 2];
        let mut ls = labels(&[
            "nsubj", "root", "obj", "flat", "punct", "nsubj", "conj", "obj", "punct",
        ]);
        relative_clause_read_as_a_complement(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[6], ls[6]), (3, "acl:relcl"));
        // "After the vote , which Soto won , aides agreed ." with "won" a complement of
        // "agreed" and "vote" its oblique: "vote" takes the clause's place.
        let forms = [
            "After", "the", "vote", ",", "which", "Soto", "won", ",", "aides", "agreed", ".",
        ];
        let tags = [
            "IN", "DT", "NN", ",", "WDT", "NNP", "VBD", ",", "NNS", "VBD", ".",
        ];
        let mut heads = vec![3, 3, 7, 3, 7, 7, 10, 7, 10, 0, 10];
        let mut ls = labels(&[
            "case", "det", "obl", "punct", "obj", "nsubj", "ccomp", "punct", "nsubj", "root",
            "punct",
        ]);
        relative_clause_read_as_a_complement(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[6], ls[6]), (3, "acl:relcl"));
        assert_eq!((heads[2], ls[2]), (10, "obl"));
        // "Kestamo , which owns it , said ." with "Kestamo" hung on "owns" and "owns" a
        // complement of "said": "Kestamo" is the subject of "said".
        let forms = ["Kestamo", ",", "which", "owns", "it", ",", "said", "."];
        let tags = ["NNP", ",", "WDT", "VBZ", "PRP", ",", "VBD", "."];
        let mut heads = vec![4, 4, 4, 7, 4, 4, 0, 7];
        let mut ls = labels(&[
            "vocative", "punct", "nsubj", "ccomp", "obj", "punct", "root", "punct",
        ]);
        relative_clause_read_as_a_complement(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (1, "acl:relcl"));
        assert_eq!((heads[0], ls[0]), (7, "nsubj"));
    }

    #[test]
    fn brackets_and_quotes_hang_on_what_they_enclose() {
        // "Ruiz left ( early ) and said " no " ." with the closing bracket on "left" and the
        // opening quotation mark on "said".
        let forms = [
            "Ruiz", "left", "(", "early", ")", "and", "said", "\"", "no", "\"", ".",
        ];
        let mut heads = vec![2, 0, 4, 2, 2, 7, 2, 7, 7, 9, 2];
        let ls = labels(&[
            "nsubj", "root", "punct", "advmod", "punct", "cc", "conj", "punct", "ccomp", "punct",
            "punct",
        ]);
        brackets_and_quotes_on_what_they_enclose(&forms, &mut heads, &ls);
        assert_eq!((heads[2], heads[4]), (4, 4));
        assert_eq!((heads[7], heads[9]), (9, 9));
        // Other marks stay where the parser put them.
        assert_eq!((heads[10], heads[5]), (2, 7));
        // A mark with a dependent of its own stays.
        let forms = ["Go", "(", "now", ")"];
        let mut heads = vec![0, 1, 2, 3];
        let ls = labels(&["root", "punct", "advmod", "punct"]);
        brackets_and_quotes_on_what_they_enclose(&forms, &mut heads, &ls);
        assert_eq!(heads[1], 1);
    }

    #[test]
    fn a_reporting_verb_that_ends_the_sentence_is_the_root() {
        // "Taxes rise if Ruiz wins the vote , Soto claimed ." read with "claimed" a complement
        // of "wins" and "vote" its second subject.
        let forms = [
            "Taxes", "rise", "if", "Ruiz", "wins", "the", "vote", ",", "Soto", "claimed", ".",
        ];
        let tags = [
            "NNS", "VBP", "IN", "NNP", "VBZ", "DT", "NN", ",", "NNP", "VBD", ".",
        ];
        let mut heads = vec![2, 0, 5, 5, 2, 7, 10, 9, 10, 5, 2];
        let mut ls = labels(&[
            "nsubj", "root", "mark", "nsubj", "advcl", "det", "nsubj", "punct", "nsubj", "ccomp",
            "punct",
        ]);
        reporting_verb_after_its_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[9], ls[9]), (0, "root"));
        assert_eq!((heads[1], ls[1]), (10, "ccomp"));
        assert_eq!((heads[6], ls[6]), (5, "obj"));
        assert_eq!((heads[8], ls[8]), (10, "nsubj"));
        assert_eq!(heads[10], 10);
        // Not when the verb reports something of its own: "..., Soto told reporters ."
        let forms = ["Taxes", "rise", ",", "Soto", "told", "reporters", "."];
        let tags = ["NNS", "VBP", ",", "NNP", "VBD", "NNS", "."];
        let mut heads = vec![2, 0, 4, 5, 2, 5, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "punct",
            "nsubj",
            "parataxis",
            "obj",
            "punct",
        ]);
        reporting_verb_after_its_clause(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 4, 5, 2, 5, 2]);
    }

    #[test]
    fn a_relative_clause_read_as_the_main_one_hangs_on_its_noun() {
        // "Velox , which makes buses , said it grew ." read with "makes" the root, "Velox"
        // hung on it and "said" its conjunct.
        let forms = [
            "Velox", ",", "which", "makes", "buses", ",", "said", "it", "grew", ".",
        ];
        let tags = [
            "NNP", ",", "WDT", "VBZ", "NNS", ",", "VBD", "PRP", "VBD", ".",
        ];
        let mut heads = vec![4, 1, 4, 0, 4, 7, 4, 9, 7, 4];
        let mut ls = labels(&[
            "vocative", "punct", "nsubj", "root", "obj", "punct", "conj", "nsubj", "ccomp", "punct",
        ]);
        relative_clause_read_as_the_main_one(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[6], ls[6]), (0, "root"));
        assert_eq!((heads[0], ls[0]), (7, "nsubj"));
        assert_eq!((heads[3], ls[3]), (1, "acl:relcl"));
        assert_eq!((heads[2], ls[2]), (4, "nsubj"));
        assert_eq!(heads[9], 7);
        // "Velox , which runs lines , has been hit ." with the main verb hung on the object
        // and its auxiliaries before it.
        let forms = [
            "Velox", ",", "which", "runs", "lines", ",", "has", "been", "hit", ".",
        ];
        let tags = [
            "NNP", ",", "WDT", "VBZ", "NNS", ",", "VBZ", "VBN", "VBN", ".",
        ];
        let mut heads = vec![4, 1, 4, 0, 4, 9, 9, 9, 5, 4];
        let mut ls = labels(&[
            "vocative",
            "punct",
            "nsubj",
            "root",
            "obj",
            "punct",
            "aux",
            "aux:pass",
            "acl:relcl",
            "punct",
        ]);
        relative_clause_read_as_the_main_one(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[8], ls[8]), (0, "root"));
        assert_eq!((heads[0], ls[0]), (9, "nsubj:pass"));
        assert_eq!((heads[3], ls[3]), (1, "acl:relcl"));
        // "Sales are on the lists , which ban calls ." with the main clause a conjunct of
        // "ban": the clause before the relative pronoun is the main one.
        let forms = [
            "Sales", "are", "on", "the", "lists", ",", "which", "ban", "calls", ".",
        ];
        let tags = [
            "NNS", "VBP", "IN", "DT", "NNS", ",", "WDT", "VBP", "NNS", ".",
        ];
        let mut heads = vec![5, 5, 5, 5, 8, 5, 8, 0, 8, 8];
        let mut ls = labels(&[
            "nsubj", "cop", "case", "det", "conj", "punct", "nsubj", "root", "obj", "punct",
        ]);
        relative_clause_read_as_the_main_one(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (0, "root"));
        assert_eq!((heads[7], ls[7]), (5, "acl:relcl"));
        assert_eq!(heads[9], 5);
        assert_eq!(heads[8], 8, "the object stays the relative clause's");
        // "Honestly , who cares ?" has no noun before the comma: unchanged.
        let forms = ["Honestly", ",", "who", "cares", "?"];
        let tags = ["RB", ",", "WP", "VBZ", "."];
        let mut heads = vec![4, 1, 4, 0, 4];
        let mut ls = labels(&["advmod", "punct", "nsubj", "root", "punct"]);
        relative_clause_read_as_the_main_one(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [4, 1, 4, 0, 4]);
    }

    #[test]
    fn a_relative_clause_gives_its_first_subject_to_the_main_verb() {
        // "The panel , which met on Monday , will report soon ." read with "met" the root,
        // holding "panel" and "which" as subjects, and "report" its parataxis.
        let forms = [
            "The", "panel", ",", "which", "met", "on", "Monday", ",", "will", "report", "soon", ".",
        ];
        let tags = [
            "DT", "NN", ",", "WDT", "VBD", "IN", "NNP", ",", "MD", "VB", "RB", ".",
        ];
        let mut heads = vec![2, 5, 5, 5, 0, 7, 5, 10, 10, 5, 10, 5];
        let mut ls = labels(&[
            "det",
            "nsubj",
            "punct",
            "nsubj",
            "root",
            "case",
            "obl",
            "punct",
            "aux",
            "parataxis",
            "advmod",
            "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[9], ls[9]), (0, "root"));
        assert_eq!((heads[1], ls[1]), (10, "nsubj"));
        assert_eq!((heads[4], ls[4]), (2, "acl:relcl"));
        assert_eq!((heads[3], ls[3]), (5, "nsubj"));
        assert_eq!(heads[11], 10);
        // "A spokesman for Velox , which makes buses , said so ." inside a complement: the
        // clause is on the noun before the comma, and the main verb takes the complement's
        // place.
        let forms = [
            "I",
            "heard",
            "a",
            "spokesman",
            "for",
            "Velox",
            ",",
            "which",
            "makes",
            "buses",
            ",",
            "said",
            "so",
            ".",
        ];
        let tags = [
            "PRP", "VBD", "DT", "NN", "IN", "NNP", ",", "WDT", "VBZ", "NNS", ",", "VBD", "RB", ".",
        ];
        let mut heads = vec![2, 0, 4, 9, 6, 4, 9, 9, 2, 9, 12, 2, 12, 2];
        let mut ls = labels(&[
            "nsubj", "root", "det", "nsubj", "case", "nmod", "punct", "nsubj", "ccomp", "obj",
            "punct", "conj", "advmod", "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[11], ls[11]), (2, "ccomp"));
        assert_eq!((heads[3], ls[3]), (12, "nsubj"));
        assert_eq!((heads[8], ls[8]), (6, "acl:relcl"));
        assert_eq!(heads[13], 2, "the sentence's full stop stays on the root");
        // With no later verb free of a subject, nothing changes.
        let forms = [
            "Velox", ",", "which", "makes", "buses", ",", "it", "said", ".",
        ];
        let tags = ["NNP", ",", "WDT", "VBZ", "NNS", ",", "PRP", "VBD", "."];
        let before = vec![4, 1, 4, 0, 4, 8, 8, 4, 4];
        let mut heads = before.clone();
        let mut ls = labels(&[
            "nsubj",
            "punct",
            "nsubj",
            "root",
            "obj",
            "punct",
            "nsubj",
            "parataxis",
            "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
        // "Firms that cut jobs face fines ." without a comma: the main clause follows the
        // relative clause's last word.
        let forms = ["Firms", "that", "cut", "jobs", "face", "fines", "."];
        let tags = ["NNS", "WDT", "VBD", "NNS", "VBP", "NNS", "."];
        let mut heads = vec![3, 3, 0, 3, 3, 5, 3];
        let mut ls = labels(&["nsubj", "nsubj", "root", "obj", "parataxis", "obj", "punct"]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [5, 3, 1, 3, 0, 5, 5]);
        assert_eq!((ls[2], ls[4]), ("acl:relcl", "root"));
        // "Firms that cut jobs and face fines ." : the later verb is the relative clause's
        // conjunct, and nothing changes.
        let forms = ["Firms", "that", "cut", "jobs", "and", "face", "fines", "."];
        let tags = ["NNS", "WDT", "VBD", "NNS", "CC", "VBP", "NNS", "."];
        let before = vec![3, 3, 0, 3, 6, 3, 6, 3];
        let mut heads = before.clone();
        let mut ls = labels(&[
            "nsubj", "nsubj", "root", "obj", "cc", "conj", "obj", "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
        // "The goods we buy cost more ." : a relative clause without a pronoun.
        let forms = ["The", "goods", "we", "buy", "cost", "more", "."];
        let tags = ["DT", "NNS", "PRP", "VBP", "VBP", "JJR", "."];
        let mut heads = vec![2, 4, 4, 0, 4, 5, 4];
        let mut ls = labels(&["det", "nsubj", "nsubj", "root", "parataxis", "obj", "punct"]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 5, 4, 2, 0, 5, 5]);
        // "The Tories , he said , can win ." : a parenthetical, not a relative clause.
        let forms = ["The", "Tories", ",", "he", "said", ",", "can", "win", "."];
        let tags = ["DT", "NNPS", ",", "PRP", "VBD", ",", "MD", "VB", "."];
        let before = vec![2, 5, 2, 5, 0, 8, 8, 5, 5];
        let mut heads = before.clone();
        let mut ls = labels(&[
            "det",
            "nsubj",
            "punct",
            "nsubj",
            "root",
            "punct",
            "aux",
            "parataxis",
            "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
        // "Officials , who testify today , are responsible ." : a predicate with a copula.
        let forms = [
            "Officials",
            ",",
            "who",
            "testify",
            "today",
            ",",
            "are",
            "responsible",
            ".",
        ];
        let tags = ["NNS", ",", "WP", "VBP", "NN", ",", "VBP", "JJ", "."];
        let mut heads = vec![4, 4, 4, 0, 4, 8, 8, 4, 4];
        let mut ls = labels(&[
            "nsubj",
            "punct",
            "nsubj",
            "root",
            "obl:tmod",
            "punct",
            "cop",
            "parataxis",
            "punct",
        ]);
        relative_clause_holding_the_main_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[7], ls[7]), (0, "root"));
        assert_eq!((heads[0], ls[0]), (8, "nsubj"));
        assert_eq!((heads[3], ls[3]), (1, "acl:relcl"));
    }

    #[test]
    fn a_mark_crossing_an_arc_hangs_beside_its_phrase() {
        // "Ruiz , the envoy , left early ." with the second comma hung on "early", across the
        // arc from "left" to "Ruiz": it goes to "Ruiz", the highest word of the phrase on its
        // left.
        let forms = ["Ruiz", ",", "the", "envoy", ",", "left", "early", "."];
        let mut heads = vec![6, 4, 4, 1, 7, 0, 6, 6];
        let ls = labels(&[
            "nsubj", "punct", "det", "appos", "punct", "root", "advmod", "punct",
        ]);
        assert!(arc_crosses_another(&heads, 4));
        punctuation_crossing_an_arc(&forms, &mut heads, &ls);
        assert_eq!(heads, [6, 4, 4, 1, 1, 0, 6, 6]);
        // A mark whose arc crosses nothing stays where the parser hung it.
        let mut heads = vec![6, 4, 4, 1, 6, 0, 6, 6];
        punctuation_crossing_an_arc(&forms, &mut heads, &ls);
        assert_eq!(heads, [6, 4, 4, 1, 6, 0, 6, 6]);
    }

    #[test]
    fn a_whose_clause_is_a_relative_clause_on_the_name_before_it() {
        // "Delgado , whose finish surprised many , said so ." read as one clause.
        let tags = ["NNP", ",", "WP$", "NN", "VBD", "JJ", ",", "VBD", "RB", "."];
        let mut heads = vec![5, 1, 4, 5, 0, 5, 8, 5, 8, 5];
        let mut labels: Vec<&'static str> = [
            "nsubj",
            "punct",
            "nmod:poss",
            "nsubj",
            "root",
            "obj",
            "punct",
            "conj",
            "advmod",
            "punct",
        ]
        .to_vec();
        whose_clause_read_as_the_main_one(&tags, &mut heads, &mut labels);
        assert_eq!((heads[7], labels[7]), (0, "root"));
        assert_eq!((heads[0], labels[0]), (8, "nsubj"));
        assert_eq!((heads[4], labels[4]), (1, "acl:relcl"));
        assert_eq!((heads[3], labels[3]), (5, "nsubj"));
        assert_eq!(heads[9], 8);
    }

    #[test]
    fn a_report_verb_read_as_a_modifier_heads_the_report() {
        // "Guards in Velor detained 30 miners , an official said ." with "detained" a
        // modifier of "miners" and "Guards" a second subject of "said".
        let tags = [
            "NNS", "IN", "NNP", "VBN", "CD", "NNS", ",", "DT", "NN", "VBD", ".",
        ];
        let mut heads = vec![10, 3, 1, 6, 6, 10, 10, 9, 10, 0, 10];
        let mut labels: Vec<&'static str> = [
            "nsubj", "case", "nmod", "amod", "nummod", "ccomp", "punct", "det", "nsubj", "root",
            "punct",
        ]
        .to_vec();
        report_verb_read_as_a_modifier(&tags, &mut heads, &mut labels);
        assert_eq!((heads[3], labels[3]), (10, "ccomp"));
        assert_eq!((heads[0], labels[0]), (4, "nsubj"));
        assert_eq!((heads[5], labels[5]), (4, "obj"));
        assert_eq!((heads[8], labels[8]), (10, "nsubj"));

        // Run again, the repaired tree (one subject per verb) is left as it is.
        let mut heads2 = heads.clone();
        let before = heads2.clone();
        let mut labels2 = labels.clone();
        report_verb_read_as_a_modifier(&tags, &mut heads2, &mut labels2);
        assert_eq!(heads2, before);
    }

    #[test]
    fn a_reporting_verb_after_its_clause_takes_the_clause() {
        // "Talks resumed on Monday , the ministry said ." with "said" hung on "resumed".
        let forms = [
            "Talks", "resumed", "on", "Monday", ",", "the", "ministry", "said", ".",
        ];
        let mut heads = vec![2, 0, 4, 2, 8, 7, 8, 2, 2];
        let mut labels: Vec<&'static str> = [
            "nsubj", "root", "case", "obl", "punct", "det", "nsubj", "ccomp", "punct",
        ]
        .to_vec();
        let tags = ["NNS", "VBD", "IN", "NNP", ",", "DT", "NN", "VBD", "."];
        reporting_verb_after_its_clause(&forms, &tags, &mut heads, &mut labels);
        assert_eq!((heads[7], labels[7]), (0, "root"));
        assert_eq!((heads[1], labels[1]), (8, "ccomp"));
        assert_eq!(heads[8], 8, "the full stop goes with the root");
        assert_eq!(heads[0], 2, "the clause keeps its own words");

        // No comma before the subject: "Talks resumed after the ministry said so ." stays.
        let forms = [
            "Talks", "resumed", "after", "the", "ministry", "said", "so", ".",
        ];
        let before = vec![2, 0, 6, 5, 6, 2, 6, 2];
        let mut heads = before.clone();
        let mut labels: Vec<&'static str> = [
            "nsubj", "root", "mark", "det", "nsubj", "ccomp", "advmod", "punct",
        ]
        .to_vec();
        let tags = ["NNS", "VBD", "IN", "DT", "NN", "VBD", "RB", "."];
        reporting_verb_after_its_clause(&forms, &tags, &mut heads, &mut labels);
        assert_eq!(heads, before);
    }

    #[test]
    fn passive_subjects_need_a_passive_auxiliary() {
        // "Ortiz has urged them" (active, mislabelled) and "Ortiz was urged" (passive).
        let heads = [3, 3, 0, 3, 7, 7, 0];
        let mut labels: Vec<&'static str> = [
            "nsubj:pass",
            "aux",
            "root",
            "obj",
            "nsubj:pass",
            "aux:pass",
            "root",
        ]
        .to_vec();
        agree_voice(&heads, &mut labels);
        assert_eq!(labels[0], "nsubj");
        assert_eq!(labels[4], "nsubj:pass");
    }

    #[test]
    fn a_title_before_a_name_is_not_a_second_subject() {
        // "Opposition leader Maria Okafor said ." and "Harbour Authority said ." with both
        // nouns hung on "said" as subjects.
        let forms = ["Opposition", "leader", "Maria", "Okafor", "said", "."];
        let tags = ["NN", "NN", "NNP", "NNP", "VBD", "."];
        let mut heads = vec![2, 5, 5, 3, 0, 5];
        let mut labels: Vec<&'static str> =
            ["compound", "nsubj", "nsubj", "flat", "root", "punct"].to_vec();
        title_before_name(&forms, &tags, &mut heads, &mut labels);
        assert_eq!((heads[1], labels[1]), (3, "nmod:desc"));
        assert_eq!((heads[2], labels[2]), (5, "nsubj"));

        let forms = ["Harbour", "Authority", "said", "."];
        let tags = ["NNP", "NNP", "VBD", "."];
        let mut heads = vec![3, 3, 0, 3];
        let mut labels: Vec<&'static str> = ["nsubj", "nsubj", "root", "punct"].to_vec();
        title_before_name(&forms, &tags, &mut heads, &mut labels);
        assert_eq!((heads[0], labels[0]), (2, "compound"));
        assert_eq!(labels[1], "nsubj");

        // Two subjects that are not title and name stay as they are.
        let forms = ["Farmers", "they", "said", "."];
        let tags = ["NNS", "PRP", "VBD", "."];
        let mut heads = vec![3, 3, 0, 3];
        let mut labels: Vec<&'static str> = ["nsubj", "nsubj", "root", "punct"].to_vec();
        title_before_name(&forms, &tags, &mut heads, &mut labels);
        assert_eq!(heads, vec![3, 3, 0, 3]);
    }

    #[test]
    fn a_subject_after_the_verb_goes_to_the_complement() {
        // "Officials said the dam was safe ." with "dam" on "said".
        let tags = ["NNS", "VBD", "DT", "NN", "VBD", "JJ", "."];
        let mut heads = vec![2, 0, 4, 2, 6, 2, 2];
        let mut ls = labels(&["nsubj", "root", "det", "nsubj", "cop", "ccomp", "punct"]);
        subject_after_the_verb(&tags, &mut heads, &mut ls);
        assert_eq!(heads, vec![2, 0, 4, 6, 6, 2, 2]);

        // "Officials said the dam had burst ." with "had burst" hung on "dam" as `acl`.
        let tags = ["NNS", "VBD", "DT", "NN", "VBD", "VBN", "."];
        let mut heads = vec![2, 0, 4, 2, 4, 5, 2];
        let mut ls = labels(&["nsubj", "root", "det", "nsubj", "acl", "xcomp", "punct"]);
        subject_after_the_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[3], heads[4], ls[4]), (5, 2, "ccomp"));

        // "Said the minister : ..." has one subject and stays.
        let tags = ["VBD", "DT", "NN", "."];
        let mut heads = vec![0, 3, 1, 1];
        let mut ls = labels(&["root", "det", "nsubj", "punct"]);
        subject_after_the_verb(&tags, &mut heads, &mut ls);
        assert_eq!(heads, vec![0, 3, 1, 1]);
    }

    #[test]
    fn a_relative_clause_gives_back_the_subject_it_took() {
        // "Ruiz , who won , resigned ." with "Ruiz" and "who" both on "won", "won" on
        // "resigned".
        let tags = ["NNP", ",", "WP", "VBD", ",", "VBD", "."];
        let mut heads = vec![4, 4, 4, 6, 4, 0, 6];
        let mut labels: Vec<&'static str> =
            ["nsubj", "punct", "nsubj", "advcl", "punct", "root", "punct"].to_vec();
        relative_clause_subject(&tags, &mut heads, &mut labels);
        assert_eq!((heads[0], labels[0]), (6, "nsubj"));
        assert_eq!((heads[3], labels[3]), (1, "acl:relcl"));
        assert_eq!(heads[2], 4);
    }

    #[test]
    fn a_clause_read_as_a_prepositional_phrase_gets_its_subject_and_mark() {
        // "Okafor left after Uganda and its partners rejected the plan ." with "after Uganda"
        // an `obl` of "left" and "rejected" a participle on "partners".
        let forms = [
            "Okafor", "left", "after", "Uganda", "and", "its", "partners", "rejected", "the",
            "plan", ".",
        ];
        let tags = [
            "NNP", "VBD", "IN", "NNP", "CC", "PRP$", "NNS", "VBN", "DT", "NN", ".",
        ];
        let mut heads = vec![2, 0, 4, 2, 7, 7, 4, 7, 10, 8, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "case",
            "obl",
            "cc",
            "nmod:poss",
            "conj",
            "amod",
            "det",
            "obj",
            "punct",
        ]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[7], ls[7]), (2, "advcl"));
        assert_eq!((heads[3], ls[3]), (8, "nsubj"));
        assert_eq!((heads[2], ls[2]), (8, "mark"));
        assert_eq!((heads[6], ls[6]), (4, "conj"));
        assert_eq!(heads[9], 8);

        // "Okafor left after the talks ." has no clause to find.
        let forms = ["Okafor", "left", "after", "the", "talks", "."];
        let tags = ["NNP", "VBD", "IN", "DT", "NNS", "."];
        let mut heads = vec![2, 0, 5, 5, 2, 2];
        let mut ls = labels(&["nsubj", "root", "case", "det", "obl", "punct"]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, vec![2, 0, 5, 5, 2, 2]);
    }

    #[test]
    fn a_verb_hung_on_its_subject_takes_the_subjects_place() {
        // "The Kenyan government today welcomed the plan ." with "welcomed" a participle on
        // "today" and "government" the root.
        let forms = [
            "The",
            "Kenyan",
            "government",
            "today",
            "welcomed",
            "the",
            "plan",
            ".",
        ];
        let tags = ["DT", "JJ", "NN", "NN", "VBN", "DT", "NN", "."];
        let mut heads = vec![3, 3, 0, 3, 4, 7, 5, 3];
        let mut ls = labels(&[
            "det",
            "amod",
            "root",
            "obl:unmarked",
            "acl",
            "det",
            "obj",
            "punct",
        ]);
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (0, "root"));
        assert_eq!((heads[2], ls[2]), (5, "nsubj"));
        assert_eq!(heads[3], 5);
        assert_eq!(heads[7], 5, "the full stop moves to the verb");

        // "The plan welcomed by Kenya failed ." keeps its participle.
        let forms = ["The", "plan", "welcomed", "by", "Kenya", "failed", "."];
        let tags = ["DT", "NN", "VBN", "IN", "NNP", "VBD", "."];
        let mut heads = vec![2, 6, 2, 5, 3, 0, 6];
        let mut ls = labels(&["det", "nsubj", "acl", "case", "obl:agent", "root", "punct"]);
        let before = heads.clone();
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_participle_with_a_subject_is_the_clauses_verb() {
        // "The bloc imposed sanctions on Peru ." with "imposed" a modifier of "sanctions".
        let tags = ["DT", "NN", "VBN", "NNS", "IN", "NNP", "."];
        let mut heads = vec![2, 3, 4, 0, 6, 4, 4];
        let mut labels: Vec<&'static str> =
            ["det", "nsubj", "amod", "root", "case", "nmod", "punct"].to_vec();
        participle_with_a_subject(&tags, &mut heads, &mut labels);
        assert_eq!((heads[2], labels[2]), (0, "root"));
        assert_eq!((heads[3], labels[3]), (3, "obj"));
        assert_eq!(heads[5], 4, "the phrase after the noun stays with it");
        assert_eq!(heads[6], 3);
    }

    #[test]
    fn a_day_after_on_is_a_date_and_have_before_a_participle_its_auxiliary() {
        // "Rebels on Tuesday blocked roads ." with "on" a `mark` and "Tuesday" a subject.
        let forms = ["Rebels", "on", "Tuesday", "blocked", "roads", "."];
        let mut heads = vec![0, 4, 4, 1, 4, 1];
        let mut ls = labels(&["root", "mark", "nsubj", "acl:relcl", "obj", "punct"]);
        day_read_as_subject(&forms, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (3, "case"));
        assert_eq!(ls[2], "obl");

        // "Kenya has again rejected the plan ." with "has" a clause of its own.
        let forms = ["Kenya", "has", "again", "rejected", "the", "plan", "."];
        let tags = ["NNP", "VBZ", "RB", "VBD", "DT", "NN", "."];
        let mut heads = vec![2, 4, 4, 0, 6, 4, 4];
        let mut ls = labels(&["nsubj", "ccomp", "advmod", "root", "det", "obj", "punct"]);
        auxiliary_read_as_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (4, "aux"));
        assert_eq!((heads[0], ls[0]), (4, "nsubj"));
        // The same with "has" labelled the auxiliary but holding the subject.
        let mut heads = vec![2, 4, 4, 0, 6, 4, 4];
        let mut ls = labels(&["nsubj", "aux", "advmod", "root", "det", "obj", "punct"]);
        auxiliary_read_as_verb(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (4, "aux"));
        assert_eq!((heads[0], ls[0]), (4, "nsubj"));
    }

    #[test]
    fn a_bare_unmarked_oblique_before_a_verb_without_a_subject_is_its_subject() {
        // "Local police in Arvia seized rifles ." with "police" an `obl:unmarked`.
        let forms = ["Local", "police", "in", "Arvia", "seized", "rifles", "."];
        let tags = ["JJ", "NN", "IN", "NNP", "VBD", "NNS", "."];
        let mut heads = vec![2, 5, 4, 5, 0, 5, 5];
        let mut ls = labels(&[
            "amod",
            "obl:unmarked",
            "case",
            "obl",
            "root",
            "obj",
            "punct",
        ]);
        subject_read_as_an_oblique(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[1], "nsubj");
        // "This morning police seized rifles": a time word stays an oblique.
        let forms = ["This", "morning", "police", "seized", "rifles", "."];
        let tags = ["DT", "NN", "NNS", "VBD", "NNS", "."];
        let mut heads = vec![2, 4, 4, 0, 4, 4];
        let mut ls = labels(&["det", "obl:unmarked", "obl", "root", "obj", "punct"]);
        subject_read_as_an_oblique(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[1], "obl:unmarked");
    }

    #[test]
    fn a_phrase_with_its_own_preposition_is_no_conjunct_of_a_verb() {
        // "Osei was accused , by the opposition ." with "opposition" a conjunct.
        let forms = [
            "Osei",
            "was",
            "accused",
            ",",
            "by",
            "the",
            "opposition",
            ".",
        ];
        let tags = ["NNP", "VBD", "VBN", ",", "IN", "DT", "NN", "."];
        let heads = vec![3, 3, 0, 7, 7, 7, 3, 3];
        let mut ls = labels(&[
            "nsubj:pass",
            "aux:pass",
            "root",
            "punct",
            "case",
            "det",
            "conj",
            "punct",
        ]);
        phrase_read_as_a_conjunct(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[6], "obl:agent");
        // "rose , and by a lot": a coordinator keeps the conjunct.
        let forms = ["Prices", "rose", ",", "and", "by", "a", "lot", "."];
        let tags = ["NNS", "VBD", ",", "CC", "IN", "DT", "NN", "."];
        let heads = vec![2, 0, 7, 7, 7, 7, 2, 2];
        let mut ls = labels(&[
            "nsubj", "root", "punct", "cc", "case", "det", "conj", "punct",
        ]);
        phrase_read_as_a_conjunct(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[6], "conj");
    }

    #[test]
    fn an_infinitive_with_to_is_no_relative_clause() {
        // "They began a fast to protest the ruling ." with "protest" an `acl:relcl`.
        let forms = [
            "They", "began", "a", "fast", "to", "protest", "the", "ruling", ".",
        ];
        let tags = ["PRP", "VBD", "DT", "NN", "TO", "VB", "DT", "NN", "."];
        let heads = vec![2, 0, 4, 2, 6, 4, 8, 6, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "det",
            "obj",
            "mark",
            "acl:relcl",
            "det",
            "obj",
            "punct",
        ]);
        infinitive_read_as_a_relative_clause(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[5], "acl");
        // "a place in which to rest": a wh-word makes it relative.
        let forms = ["a", "place", "in", "which", "to", "rest"];
        let tags = ["DT", "NN", "IN", "WDT", "TO", "VB"];
        let heads = vec![2, 0, 4, 6, 6, 2];
        let mut ls = labels(&["det", "root", "case", "obl", "mark", "acl:relcl"]);
        infinitive_read_as_a_relative_clause(&forms, &tags, &heads, &mut ls);
        assert_eq!(ls[5], "acl:relcl");
    }

    #[test]
    fn an_intransitive_participle_before_a_second_subject_is_what_was_said() {
        // "Hundreds of farmers marched , witnesses said ." with "marched" a participle on
        // "Hundreds" and both nouns subjects of "said".
        let forms = [
            "Hundreds",
            "of",
            "farmers",
            "marched",
            ",",
            "witnesses",
            "said",
            ".",
        ];
        let tags = ["NNS", "IN", "NNS", "VBN", ",", "NNS", "VBD", "."];
        let mut heads = vec![7, 3, 1, 1, 7, 7, 0, 7];
        let mut ls = labels(&[
            "nsubj", "case", "nmod", "acl", "punct", "nsubj", "root", "punct",
        ]);
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (7, "ccomp"));
        assert_eq!((heads[0], ls[0]), (4, "nsubj"));

        // "Hundreds of farmers displaced by floods waited ." keeps its participle.
        let forms = [
            "Hundreds",
            "of",
            "farmers",
            "displaced",
            "by",
            "floods",
            "waited",
            ".",
        ];
        let tags = ["NNS", "IN", "NNS", "VBN", "IN", "NNS", "VBD", "."];
        let mut heads = vec![7, 3, 1, 1, 6, 4, 0, 7];
        let mut ls = labels(&[
            "nsubj", "case", "nmod", "acl", "case", "obl", "root", "punct",
        ]);
        let before = heads.clone();
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_name_hung_on_a_fronted_day_is_the_subject() {
        // "On Friday , minister Ana Ruiz left ." with "Ruiz" an apposition of "Friday".
        let forms = ["On", "Friday", ",", "minister", "Ana", "Ruiz", "left", "."];
        let tags = ["IN", "NNP", ",", "NN", "NNP", "NNP", "VBD", "."];
        let mut heads = vec![2, 7, 5, 5, 2, 5, 0, 7];
        let mut ls = labels(&[
            "case",
            "obl",
            "punct",
            "nmod:desc",
            "appos",
            "flat",
            "root",
            "punct",
        ]);
        name_after_a_fronted_day(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (7, "nsubj"));

        // A verb with a subject keeps it: "On Friday , Ruiz 's aide left ."
        let forms = ["On", "Friday", ",", "Ruiz", "'s", "aide", "left", "."];
        let tags = ["IN", "NNP", ",", "NNP", "POS", "NN", "VBD", "."];
        let mut heads = vec![2, 7, 4, 2, 4, 7, 0, 7];
        let mut ls = labels(&[
            "case", "obl", "punct", "appos", "case", "nsubj", "root", "punct",
        ]);
        let before = heads.clone();
        name_after_a_fronted_day(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_complement_before_its_verb_keeps_its_subject() {
        // "Kostova expelled the envoy , an official said ." with "Kostova" and "official" both
        // subjects of "said".
        let tags = ["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "VBD", "."];
        let mut heads = vec![8, 8, 4, 2, 8, 7, 8, 0, 8];
        let mut ls = labels(&[
            "nsubj", "ccomp", "det", "obj", "punct", "det", "nsubj", "root", "punct",
        ]);
        complement_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (2, "nsubj"));
        assert_eq!((heads[6], ls[6]), (8, "nsubj"));

        // "Kostova expelled Ana Ruiz , an official said ." with "Ruiz" a third subject.
        let tags = ["NNP", "VBD", "NNP", "NNP", ",", "DT", "NN", "VBD", "."];
        let mut heads = vec![8, 8, 8, 3, 8, 7, 8, 0, 8];
        let mut ls = labels(&[
            "nsubj", "ccomp", "nsubj", "flat", "punct", "det", "nsubj", "root", "punct",
        ]);
        complement_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (2, "nsubj"));
        assert_eq!((heads[2], ls[2]), (2, "obj"));

        // "Kostova on Monday expelled the envoy , an official said ." with the day between
        // the subject and its verb.
        let tags = [
            "NNP", "IN", "NNP", "VBD", "DT", "NN", ",", "DT", "NN", "VBD", ".",
        ];
        let mut heads = vec![10, 3, 4, 10, 6, 4, 10, 9, 10, 0, 10];
        let mut ls = labels(&[
            "nsubj", "case", "obl", "ccomp", "det", "obj", "punct", "det", "nsubj", "root", "punct",
        ]);
        complement_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (4, "nsubj"));
    }

    #[test]
    fn a_noun_before_a_day_word_heads_the_phrase() {
        // "Students staged mass rallies Saturday ." with "Saturday" the object.
        let forms = ["Students", "staged", "mass", "rallies", "Saturday", "."];
        let tags = ["NNS", "VBD", "JJ", "NNS", "NNP", "."];
        let mut heads = vec![2, 0, 5, 5, 2, 2];
        let mut ls = labels(&["nsubj", "root", "amod", "compound", "obj", "punct"]);
        day_after_its_noun(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "obj"));
        assert_eq!((heads[4], ls[4]), (2, "obl:unmarked"));
        assert_eq!(heads[2], 4, "the adjective goes with the noun");
    }

    #[test]
    fn a_phrase_after_a_day_word_belongs_to_the_verb() {
        // "Kostova called Friday on Velor to talk ." with "on Velor" on "Friday".
        let forms = [
            "Kostova", "called", "Friday", "on", "Velor", "to", "talk", ".",
        ];
        let tags = ["NNP", "VBD", "NNP", "IN", "NNP", "TO", "VB", "."];
        let mut heads = vec![2, 0, 2, 5, 3, 7, 2, 2];
        let mut ls = labels(&[
            "nsubj",
            "root",
            "obl:unmarked",
            "case",
            "nmod",
            "mark",
            "xcomp",
            "punct",
        ]);
        phrase_after_a_day(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[4], ls[4]), (2, "obl"));
    }

    #[test]
    fn a_passive_clause_after_a_subordinator_is_not_the_main_verb() {
        // "Officials suspended aid after two of their trucks were hit ." with "hit" the root,
        // "suspended" its complement and "two ... trucks" obliques of "suspended".
        let forms = [
            "Officials",
            "suspended",
            "aid",
            "after",
            "two",
            "of",
            "their",
            "trucks",
            "were",
            "hit",
            ".",
        ];
        let tags = [
            "NNS", "VBD", "NN", "IN", "CD", "IN", "PRP$", "NNS", "VBD", "VBN", ".",
        ];
        let mut heads = vec![2, 10, 2, 5, 2, 8, 8, 2, 10, 0, 10];
        let mut ls = labels(&[
            "nsubj",
            "ccomp",
            "obj",
            "case",
            "obl",
            "case",
            "nmod:poss",
            "obl",
            "aux:pass",
            "root",
            "punct",
        ]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (0, "root"));
        assert_eq!((heads[9], ls[9]), (2, "advcl"));
        assert_eq!((heads[4], ls[4]), (10, "nsubj:pass"));
        assert_eq!((heads[7], ls[7]), (5, "nmod"));
        assert_eq!((heads[3], ls[3]), (10, "mark"));
    }

    #[test]
    fn a_determiner_before_the_subject_is_its_determiner() {
        // "Some 900 refugees fled ." with "Some" and "refugees" both subjects.
        let tags = ["DT", "CD", "NNS", "VBD", "."];
        let mut heads = vec![4, 3, 4, 0, 4];
        let mut ls = labels(&["nsubj", "nummod", "nsubj", "root", "punct"]);
        determiner_read_as_subject(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (3, "det"));
        assert_eq!((heads[2], ls[2]), (4, "nsubj"));
    }

    #[test]
    fn a_number_before_the_subject_is_its_number() {
        // "Two thousand workers were laid off ." with "Two" and "thousand" both subjects.
        let tags = ["CD", "CD", "NNS", "VBD", "VBN", "RP", "."];
        let mut heads = vec![5, 3, 5, 5, 0, 5, 5];
        let mut ls = labels(&[
            "nsubj:pass",
            "nummod",
            "nsubj:pass",
            "aux:pass",
            "root",
            "compound:prt",
            "punct",
        ]);
        determiner_read_as_subject(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (3, "nummod"));
        assert_eq!((heads[2], ls[2]), (5, "nsubj:pass"));
        // "one that lasted" read with both as subjects: "one" is no number of "that".
        let tags = ["CD", "WDT", "VBD"];
        let mut heads = vec![3, 3, 0];
        let mut ls = labels(&["nsubj", "nsubj", "root"]);
        determiner_read_as_subject(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0]), (3, "nsubj"));
    }

    #[test]
    fn a_second_subject_after_a_verb_with_no_clause_is_its_object() {
        // "Soldiers arrested 100 protesters ." with "protesters" a second subject.
        let forms = ["Soldiers", "arrested", "100", "protesters", "."];
        let tags = ["NNS", "VBD", "CD", "NNS", "."];
        let mut heads = vec![2, 0, 4, 2, 2];
        let mut ls = labels(&["nsubj", "root", "nummod", "nsubj", "punct"]);
        second_subject_is_the_object(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (2, "obj"));
        // "Officials said the move failed ." keeps its subjects for the clause repairs.
        let forms = ["Officials", "said", "the", "move", "."];
        let tags = ["NNS", "VBD", "DT", "NN", "."];
        let mut heads = vec![2, 0, 4, 2, 2];
        let mut ls = labels(&["nsubj", "root", "det", "nsubj", "punct"]);
        second_subject_is_the_object(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[3], "nsubj");
    }

    #[test]
    fn a_noun_before_the_subject_is_part_of_it() {
        // "Harbour Authority officials objected ." with "Authority" a bare oblique.
        let forms = ["Harbour", "Authority", "officials", "objected", "."];
        let tags = ["NNP", "NNP", "NNS", "VBD", "."];
        let mut heads = vec![2, 4, 4, 0, 4];
        let mut ls = labels(&["compound", "obl:unmarked", "nsubj", "root", "punct"]);
        noun_before_the_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[1], ls[1]), (3, "compound"));
        // "Monday officials objected ." keeps its date.
        let forms = ["Monday", "officials", "objected", "."];
        let tags = ["NNP", "NNS", "VBD", "."];
        let mut heads = vec![3, 3, 0, 3];
        let mut ls = labels(&["obl:unmarked", "nsubj", "root", "punct"]);
        noun_before_the_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(ls[0], "obl:unmarked");
    }

    #[test]
    fn a_day_between_subject_and_verb_dates_the_verb() {
        // "The council on Monday approved the plan ."
        let forms = [
            "The", "council", "on", "Monday", "approved", "the", "plan", ".",
        ];
        let tags = ["DT", "NN", "IN", "NNP", "VBD", "DT", "NN", "."];
        let mut heads = vec![2, 5, 4, 2, 0, 7, 5, 5];
        let mut first = labels(&[
            "det", "nsubj", "case", "nmod", "root", "det", "obj", "punct",
        ]);
        day_between_subject_and_verb(&forms, &tags, &mut heads, &mut first);
        assert_eq!((heads[3], first[3]), (5, "obl"));
        // "The council of Monday Street approved ..." is no date of the verb: the day word
        // is not the phrase's head there, so nothing moves.
        let forms = ["The", "council", "of", "Monday", "Street", "approved", "."];
        let tags = ["DT", "NN", "IN", "NNP", "NNP", "VBD", "."];
        let mut heads = vec![2, 6, 5, 5, 2, 0, 6];
        let mut second = labels(&["det", "nsubj", "case", "compound", "nmod", "root", "punct"]);
        day_between_subject_and_verb(&forms, &tags, &mut heads, &mut second);
        assert_eq!(heads[3], 5);
    }

    #[test]
    fn a_noun_before_a_number_is_the_first_object() {
        // "Norland gave the Vesk Republic 4 million dollars ."
        let tags = ["NNP", "VBD", "DT", "NNP", "NNP", "CD", "CD", "NNS", "."];
        let mut heads = vec![2, 0, 8, 5, 8, 7, 8, 2, 2];
        let mut labels = labels(&[
            "nsubj", "root", "det", "compound", "compound", "compound", "nummod", "obj", "punct",
        ]);
        first_object_before_a_number(&tags, &mut heads, &mut labels);
        assert_eq!((heads[4], labels[4]), (2, "iobj"));
        assert_eq!(heads[2], 5);
        assert_eq!(heads[3], 5);
        assert_eq!(heads[5], 7);
        assert_eq!(heads[7], 2);
    }

    #[test]
    fn a_bare_participle_after_a_root_noun_is_the_main_verb() {
        // "The envoys agreed on Friday to resume talks ." read with no verb.
        let forms = [
            "The", "envoys", "agreed", "on", "Friday", "to", "resume", "talks", ".",
        ];
        let tags = ["DT", "NNS", "VBN", "IN", "NNP", "TO", "VB", "NNS", "."];
        let mut heads = vec![2, 0, 2, 5, 3, 7, 2, 7, 2];
        let mut rels = labels(&[
            "det", "root", "acl", "case", "obl", "mark", "acl", "obj", "punct",
        ]);
        participle_as_the_main_verb(&forms, &tags, &mut heads, &mut rels);
        assert_eq!(heads, [2, 3, 0, 5, 3, 7, 3, 7, 3]);
        assert_eq!((rels[1], rels[2]), ("nsubj", "root"));
        assert_eq!(rels[6], "xcomp");

        // A caption with an agent and a reduced relative after a comma stay as they are.
        let forms = ["Tents", "pitched", "by", "volunteers", "."];
        let tags = ["NNS", "VBN", "IN", "NNS", "."];
        let mut heads = vec![0, 1, 4, 2, 1];
        let mut rels = labels(&["root", "acl", "case", "obl", "punct"]);
        participle_as_the_main_verb(&forms, &tags, &mut heads, &mut rels);
        assert_eq!(heads, [0, 1, 4, 2, 1]);
        let forms = ["The", "envoys", ",", "chosen", "in", "May", "."];
        let tags = ["DT", "NNS", ",", "VBN", "IN", "NNP", "."];
        let mut heads = vec![2, 0, 4, 2, 6, 4, 2];
        let mut rels = labels(&["det", "root", "punct", "acl", "case", "obl", "punct"]);
        participle_as_the_main_verb(&forms, &tags, &mut heads, &mut rels);
        assert_eq!(heads, [2, 0, 4, 2, 6, 4, 2]);
    }

    #[test]
    fn a_hyphenated_participle_describes_the_noun_after_it() {
        // "Kenyan - led forces took the town ." read with "led" the verb and "forces" its
        // object.
        let forms = ["Kenyan", "-", "led", "forces", "took", "the", "town", "."];
        let tags = ["JJ", "HYPH", "VBN", "NNS", "VBD", "DT", "NN", "."];
        let mut heads = vec![3, 1, 5, 3, 0, 7, 5, 5];
        let mut rels = labels(&[
            "compound", "punct", "advcl", "obj", "root", "det", "obj", "punct",
        ]);
        hyphenated_participle(&forms, &tags, &mut heads, &mut rels);
        assert_eq!(heads, [3, 1, 4, 5, 0, 7, 5, 5]);
        assert_eq!((rels[2], rels[3]), ("amod", "nsubj"));
    }

    #[test]
    fn a_participle_with_an_object_after_a_clause_noun_is_the_verb() {
        // "Rebels fired rockets , officials said ." with "Rebels" the reported clause and
        // "fired" a participle on it.
        let tags = ["NNS", "VBN", "NNS", ",", "NNS", "VBD", "."];
        let mut heads = vec![6, 1, 2, 1, 6, 0, 6];
        let mut rels = labels(&["ccomp", "acl", "obj", "punct", "nsubj", "root", "punct"]);
        clause_noun_before_a_participle(&tags, &mut heads, &mut rels);
        assert_eq!(heads, [2, 6, 2, 2, 6, 0, 6]);
        assert_eq!((rels[0], rels[1]), ("nsubj", "ccomp"));
        // "Aid sent to the camp arrived ." keeps its reduced relative: no object.
        let tags = ["NN", "VBN", "IN", "DT", "NN", "VBD", "."];
        let mut heads = vec![6, 1, 5, 5, 2, 0, 6];
        let mut rels = labels(&["nsubj", "acl", "case", "det", "obl", "root", "punct"]);
        clause_noun_before_a_participle(&tags, &mut heads, &mut rels);
        assert_eq!(heads, [6, 1, 5, 5, 2, 0, 6]);
    }

    #[test]
    fn a_repair_that_leaves_a_cycle_is_undone() {
        let mut heads = vec![2, 0, 2];
        let mut rels = labels(&["nsubj", "root", "obj"]);
        kept_if_a_tree(&mut heads, &mut rels, |h, l| {
            h[1] = 1;
            l[1] = "obj";
        });
        assert_eq!(heads, [2, 0, 2]);
        assert_eq!(rels[1], "root");
    }

    #[test]
    fn be_before_a_participle_is_the_passive_auxiliary() {
        // "They were freed ." read with "were" a copula.
        let tags = ["PRP", "VBD", "VBN", "."];
        let heads = [3, 3, 0, 3];
        let mut rels = labels(&["nsubj", "cop", "root", "punct"]);
        copula_of_a_participle(&tags, &heads, &mut rels);
        assert_eq!(rels, ["nsubj:pass", "aux:pass", "root", "punct"]);
        // "They were glad ." keeps its copula.
        let tags = ["PRP", "VBD", "JJ", "."];
        let mut rels = labels(&["nsubj", "cop", "root", "punct"]);
        copula_of_a_participle(&tags, &heads, &mut rels);
        assert_eq!(rels[1], "cop");
    }

    #[test]
    fn a_phrase_after_a_comma_is_the_subject_of_the_verb_that_lacks_one() {
        // "In a move , city police seized rifles ." with "police" a conjunct of "move".
        let tags = ["IN", "DT", "NN", ",", "NN", "NNS", "VBD", "NNS", "."];
        let mut heads = vec![3, 3, 7, 6, 6, 3, 0, 7, 7];
        let mut ls = labels(&[
            "case", "det", "obl", "punct", "compound", "conj", "root", "obj", "punct",
        ]);
        subject_hung_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[5], ls[5]), (7, "nsubj"));
        // Nouns listed before a shared verb stay a list ("Photos , letters prove it .").
        let tags = ["NNS", ",", "NNS", "VBP", "PRP", "."];
        let mut heads = vec![4, 3, 1, 0, 4, 4];
        let mut ls = labels(&["nsubj", "punct", "conj", "root", "obj", "punct"]);
        heads[0] = 4;
        ls[0] = "obl";
        subject_hung_before_its_verb(&tags, &mut heads, &mut ls);
        assert_eq!((heads[2], ls[2]), (1, "conj"));
    }

    #[test]
    fn two_subjects_side_by_side_are_one_phrase() {
        // "The Velor Council forum agreed ." with "Council" and "forum" both subjects.
        let tags = ["DT", "NNP", "NNP", "NN", "VBD", "."];
        let mut heads = vec![3, 3, 5, 5, 0, 5];
        let mut ls = labels(&["det", "compound", "nsubj", "nsubj", "root", "punct"]);
        subject_split_in_two(&tags, &mut heads, &mut ls);
        assert_eq!(heads, [4, 3, 4, 5, 0, 5]);
        assert_eq!(ls[2], "compound");
        // "the city 's mayor": a possessor keeps its determiner.
        let tags = ["DT", "NN", "POS", "NN", "VBD", "."];
        let mut heads = vec![2, 5, 2, 5, 0, 5];
        let mut ls = labels(&["det", "nsubj", "case", "nsubj", "root", "punct"]);
        subject_split_in_two(&tags, &mut heads, &mut ls);
        assert_eq!((heads[0], heads[1], ls[1]), (2, 4, "nmod:poss"));
    }

    #[test]
    fn more_than_a_number_modifies_the_number() {
        // "Police held more than 40 people ." with "more" the object and "people" its oblique.
        let forms = ["Police", "held", "more", "than", "40", "people", "."];
        let tags = ["NNS", "VBD", "JJR", "IN", "CD", "NNS", "."];
        let mut heads = vec![2, 0, 2, 6, 6, 3, 2];
        let mut ls = labels(&["nsubj", "root", "obj", "case", "nummod", "obl", "punct"]);
        more_than_a_number(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [2, 0, 5, 3, 6, 2, 2]);
        assert_eq!((ls[2], ls[3], ls[5]), ("advmod", "fixed", "obj"));
    }

    #[test]
    fn a_number_before_its_noun_is_its_nummod() {
        // "asylum to 18 Velorian rebels" with the number the phrase's head.
        let forms = ["asylum", "to", "18", "Velorian", "rebels"];
        let tags = ["NN", "IN", "CD", "NNP", "NNS"];
        let mut heads = vec![0, 3, 1, 5, 3];
        let mut ls = labels(&["root", "case", "nmod", "compound", "nmod"]);
        number_read_as_the_head(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [0, 5, 5, 5, 1]);
        assert_eq!((ls[2], ls[4]), ("nummod", "nmod"));
        // With the words between hung on the number.
        let mut heads = vec![0, 5, 5, 3, 1];
        let mut ls = labels(&["root", "case", "compound", "nmod:unmarked", "nmod"]);
        number_read_as_the_head(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [0, 5, 5, 5, 1]);
        assert_eq!((ls[2], ls[3]), ("nummod", "compound"));
    }

    #[test]
    fn a_noun_after_a_verb_without_an_object_is_its_object() {
        // "They may halt talks , he said ." with "talks" a second complement of "said".
        let tags = ["PRP", "MD", "VB", "NNS", ",", "PRP", "VBD", "."];
        let mut heads = vec![3, 3, 7, 7, 7, 7, 0, 7];
        let mut ls = labels(&[
            "nsubj", "aux", "ccomp", "ccomp", "punct", "nsubj", "root", "punct",
        ]);
        object_read_as_a_complement(&tags, &mut heads, &mut ls);
        assert_eq!((heads[3], ls[3]), (3, "obj"));
        // "The agency will send 90 tons , officials said ." with "tons" a subject of "said".
        let tags = ["DT", "NN", "MD", "VB", "CD", "NNS", ",", "NNS", "VBD", "."];
        let mut heads = vec![2, 4, 4, 9, 6, 9, 9, 9, 0, 9];
        let mut ls = labels(&[
            "det", "nsubj", "aux", "ccomp", "nummod", "nsubj", "punct", "nsubj", "root", "punct",
        ]);
        object_read_as_a_later_subject(&tags, &mut heads, &mut ls);
        assert_eq!((heads[5], ls[5]), (4, "obj"));
    }

    #[test]
    fn a_verb_read_as_a_modifier_of_its_subject_heads_the_clause() {
        // "Thousands of farmers were marching ." with "marching" an nmod of "Thousands".
        let forms = ["Thousands", "of", "farmers", "were", "marching", "."];
        let tags = ["NNS", "IN", "NNS", "VBD", "VBG", "."];
        let mut heads = vec![0, 3, 1, 5, 1, 1];
        let mut ls = labels(&["root", "case", "nmod", "aux", "nmod", "punct"]);
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!((heads[0], ls[0], heads[4], ls[4]), (5, "nsubj", 0, "root"));
        // "Troops remained on alert to stop raids ." with "remained" on "Troops", the subject
        // of the infinitive.
        let forms = [
            "Troops", "remained", "on", "alert", "to", "stop", "raids", ".",
        ];
        let tags = ["NNS", "VBN", "IN", "NN", "TO", "VB", "NNS", "."];
        let mut heads = vec![6, 1, 4, 2, 6, 0, 6, 6];
        let mut ls = labels(&[
            "nsubj", "acl", "case", "obl", "mark", "root", "obj", "punct",
        ]);
        verb_hung_on_its_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(
            (heads[0], heads[1], ls[1], heads[5], ls[5]),
            (2, 0, "root", 2, "advcl")
        );
    }

    #[test]
    fn if_before_a_clause_is_its_subordinator() {
        // "Ghana will act if Togo moves ." with "if" read as a preposition of "Togo".
        let forms = ["Ghana", "will", "act", "if", "Togo", "moves", "."];
        let tags = ["NNP", "MD", "VB", "IN", "NNP", "VBZ", "."];
        let mut heads = vec![3, 3, 0, 5, 3, 3, 3];
        let mut ls = labels(&["nsubj", "aux", "root", "case", "obl", "conj", "punct"]);
        clause_after_a_subordinator(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(heads, [3, 3, 0, 6, 6, 3, 3]);
        assert_eq!((ls[3], ls[4], ls[5]), ("mark", "nsubj", "advcl"));
    }

    #[test]
    fn a_subordinator_on_a_noun_opens_the_clause_of_the_verb_after_its_phrase() {
        // "Ghana will act if Togo , which objects , moves ." with "if" on "Togo" and
        // "moves" a conjunct of "act".
        let forms = [
            "Ghana", "will", "act", "if", "Togo", ",", "which", "objects", ",", "moves", ".",
        ];
        let tags = [
            "NNP", "MD", "VB", "IN", "NNP", ",", "WDT", "VBZ", ",", "VBZ", ".",
        ];
        let mut heads = vec![3, 3, 0, 5, 3, 8, 8, 5, 10, 3, 3];
        let mut ls = labels(&[
            "nsubj",
            "aux",
            "root",
            "mark",
            "obl",
            "punct",
            "nsubj",
            "acl:relcl",
            "punct",
            "conj",
            "punct",
        ]);
        subordinator_on_the_subject(&forms, &tags, &mut heads, &mut ls);
        assert_eq!(
            (heads[3], heads[4], ls[4], heads[9], ls[9]),
            (10, 10, "nsubj", 3, "advcl")
        );
    }

    #[test]
    fn at_least_before_a_number_is_no_preposition_of_the_object() {
        // "killed at least eight fighters" with "at" on "least", a modifier of the number.
        let heads = [0, 3, 4, 5, 1];
        let mut ls = labels(&["root", "case", "nmod", "nummod", "obl"]);
        ls[4] = "obj";
        object_with_a_preposition(&heads, &mut ls);
        assert_eq!(ls[4], "obj");
        // "paid it to Lord Velan" with "to" on the title: an oblique.
        let heads = [0, 1, 4, 5, 1];
        let mut ls = labels(&["root", "obj", "case", "nmod:desc", "obj"]);
        object_with_a_preposition(&heads, &mut ls);
        assert_eq!(ls[4], "obl");
    }
}
