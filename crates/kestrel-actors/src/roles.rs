//! Roles read from the text: "Kenyan Foreign Minister Amos Kiprono", "Chile's top diplomat
//! Ana Ruiz", "his Peruvian counterpart Luis Soto", "Ana Ruiz, Chile's foreign minister," and
//! "the Ghanaian army chief, General Kofi Mensah" give a person a country and a sector whether
//! or not the dictionary knows them.
//!
//! The pattern is a country mention (a GPE or NORP mention, or an organisation such as the EU,
//! that resolves to an actor), then only role words (and a possessive `'s`), then the person;
//! or the person, a comma, and the same country-and-role phrase after it. The role words decide
//! the sector.

use kestrel_core::{ActorCode, ActorSource, Document, Entity, EntityKind};

/// Role words and the sector they point to (`None`: a word that belongs to role phrases but
/// does not decide the sector, such as "foreign" or "top").
pub(crate) const ROLE_WORDS: &[(&str, Option<&str>)] = &[
    ("minister", Some("GOV")),
    ("ministers", Some("GOV")),
    ("president", Some("GOV")),
    ("vice", None),
    ("prime", Some("GOV")),
    ("premier", Some("GOV")),
    ("chancellor", Some("GOV")),
    ("secretary", Some("GOV")),
    ("diplomat", Some("GOV")),
    ("counterpart", Some("GOV")),
    ("ambassador", Some("GOV")),
    ("envoy", Some("GOV")),
    ("spokesman", Some("GOV")),
    ("spokeswoman", Some("GOV")),
    ("spokesperson", Some("GOV")),
    ("king", Some("GOV")),
    ("queen", Some("GOV")),
    ("governor", Some("GOV")),
    ("mayor", Some("GOV")),
    ("official", Some("GOV")),
    ("leader", Some("GOV")),
    ("head", None),
    ("chief", None),
    ("general", Some("MIL")),
    ("commander", Some("MIL")),
    ("colonel", Some("MIL")),
    ("admiral", Some("MIL")),
    ("brigadier", Some("MIL")),
    ("lieutenant", Some("MIL")),
    ("sergeant", Some("MIL")),
    ("marshal", Some("MIL")),
    ("commodore", Some("MIL")),
    ("army", Some("MIL")),
    ("military", Some("MIL")),
    ("defence", None),
    ("defense", None),
    ("judge", Some("JUD")),
    // "Attorney General", "Solicitor General": government lawyers, no soldiers (see
    // `sector_of`).
    ("attorney", None),
    ("solicitor", None),
    ("prosecutor", Some("JUD")),
    ("justice", None),
    ("lawmaker", Some("LEG")),
    ("senator", Some("LEG")),
    ("legislator", Some("LEG")),
    ("parliamentarian", Some("LEG")),
    ("mp", Some("LEG")),
    ("opposition", Some("OPP")),
    // Westminster's opposition names a shadow for each minister: "the shadow chancellor" speaks
    // for the opposition.
    ("shadow", Some("OPP")),
    ("dissident", Some("OPP")),
    ("rebel", Some("REB")),
    ("militant", Some("REB")),
    ("journalist", Some("JRN")),
    ("reporter", Some("JRN")),
    ("editor", Some("JRN")),
    ("police", Some("COP")),
    // "union leader", "a union official": a trade union's officer is labour's.
    ("union", Some("LAB")),
    ("activist", Some("CVL")),
    ("campaigner", Some("CVL")),
    ("human", None),
    ("rights", None),
    ("leading", None),
    ("prominent", None),
    ("archbishop", Some("REL")),
    ("bishop", Some("REL")),
    ("cleric", Some("REL")),
    ("businessman", Some("BUS")),
    ("businesswoman", Some("BUS")),
    ("executive", Some("BUS")),
    // A company's officers; "chairman" is generic (below): "the party chairman" is the
    // party's, "the Fed chairman" the central bank's.
    ("chairman", Some("BUS")),
    ("chairwoman", Some("BUS")),
    ("chairperson", Some("BUS")),
    ("boss", Some("BUS")),
    ("ceo", Some("BUS")),
    ("negotiator", Some("GOV")),
    ("representative", Some("GOV")),
    ("commissioner", Some("GOV")),
    ("coordinator", Some("GOV")),
    ("rapporteur", Some("GOV")),
    ("emir", Some("GOV")),
    ("monarch", Some("GOV")),
    ("sultan", Some("GOV")),
    ("junior", None),
    ("acting", None),
    ("interim", None),
    ("caretaker", None),
    ("outgoing", None),
    ("assistant", None),
    ("home", None),
    ("health", None),
    ("economy", None),
    ("energy", None),
    ("labour", None),
    ("labor", None),
    ("agriculture", None),
    ("environment", None),
    ("transport", None),
    ("education", None),
    ("information", None),
    ("foreign", None),
    ("interior", None),
    ("welfare", None),
    ("science", None),
    ("constitutional", None),
    ("housing", None),
    ("employment", None),
    ("pensions", None),
    ("culture", None),
    ("industry", None),
    ("development", None),
    ("immigration", None),
    ("finance", None),
    ("treasury", None),
    ("economics", None),
    ("trade", None),
    // An international body's officers: "the UN's emergency relief coordinator", "the EU's
    // High Representative".
    ("emergency", None),
    ("relief", None),
    ("humanitarian", None),
    ("high", None),
    ("special", None),
    ("policy", None),
    ("top", None),
    ("senior", None),
    ("former", None),
    // "ex-minister", as "ex" before the hyphen.
    ("ex", None),
    ("deputy", None),
    ("state", None),
    ("of", None),
    ("affairs", None),
    ("national", None),
    ("security", None),
    ("adviser", None),
    ("advisor", None),
    ("the", None),
    // "Secretary - General", as the tokenizer splits a hyphenated title.
    ("-", None),
    ("'s", None),
    ("\u{2019}s", None),
];

/// Words that open a judge's title before "Justice" or "Judge": "Mr Justice Eady", "Lord
/// Justice Rix", "Chief Justice Ana Ruiz".
const JUDGES_TITLE_OPENERS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Chief",
    "Associate",
    "Senior",
    "Deputy",
];

/// Role words that say what someone does for whichever body they serve, not which kind of
/// body that is: "the party leader" is the party's, "the ministry spokesman" the ministry's.
const GENERIC_ROLE_WORDS: &[&str] = &[
    "leader",
    "chairman",
    "chairwoman",
    "chairperson",
    "boss",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "representative",
    "negotiator",
];

/// Whether a role phrase's words state no sector of their own ("leader", "party leader",
/// "spokesman"), so that the body whose person it names gives the sector.
pub(crate) fn is_generic_role(role: &[&str]) -> bool {
    // "TUC General Secretary Brendan Barber": a union's or a party's general secretary runs
    // that body.
    let has = |word: &str| role.iter().any(|w| w.eq_ignore_ascii_case(word));
    let general_secretary = has("general-secretary")
        || has("secretary-general")
        || (has("general") && has("secretary"));
    general_secretary
        || role
            .iter()
            .all(|w| role_word(w).flatten().is_none() || is_generic_title(w))
}

/// Whether a title says what someone does for whichever body they serve, not which kind of
/// body that is: "the union spokesman" is of the union's sector, "the party leader" of the
/// party's.
///
/// ```
/// assert!(kestrel_actors::is_generic_title("Spokesman"));
/// assert!(kestrel_actors::is_generic_title("co-chairman"));
/// assert!(!kestrel_actors::is_generic_title("minister"));
/// ```
pub fn is_generic_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    // "co-chairman" is a chairman's title.
    let title = lower.strip_prefix("co-").unwrap_or(&lower);
    GENERIC_ROLE_WORDS.contains(&title)
}

/// "Former" or "ex-": the role is one the person no longer holds.
pub(crate) fn is_former(w: &str) -> bool {
    let lower = w.to_lowercase();
    lower == "former" || lower == "ex" || lower.starts_with("ex-")
}

/// Whether a word belongs to the phrase of a role or an office: a title ("minister",
/// "Commissioner"), a portfolio ("Foreign", "trade") or a word that qualifies one ("deputy",
/// "former").
///
/// ```
/// assert!(kestrel_actors::is_role_word("Minister"));
/// assert!(kestrel_actors::is_role_word("Trade"));
/// assert!(!kestrel_actors::is_role_word("Nations"));
/// ```
pub fn is_role_word(w: &str) -> bool {
    role_word(w).is_some()
}

pub(crate) fn role_word(w: &str) -> Option<Option<&'static str>> {
    let lower = w.to_lowercase();
    let find = |part: &str| ROLE_WORDS.iter().find(|(r, _)| *r == part).map(|(_, s)| *s);
    // "Vice-President", "Deputy-Governor": the last part decides. "Co-chairman" shares the
    // office ("co" alone is no role: "Smith & Co").
    match lower.split_once('-') {
        Some(("co", rest)) if !rest.is_empty() => find(rest),
        Some((first, rest)) if !first.is_empty() && !rest.is_empty() => {
            find(first)?;
            find(rest)
        }
        _ => find(&lower),
    }
}

/// Whether role words name an office, not only qualify one ("special", "trade"): a word that
/// decides a sector, or a head, chief, adviser or national.
fn states_an_office(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let lower = w.to_lowercase();
        // "ex-head": the last part names the office.
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        role_word(w).flatten().is_some()
            || matches!(last, "head" | "chief" | "adviser" | "advisor" | "national")
    })
}

/// The sector of a role phrase: the last word that decides one wins ("army chief" is MIL,
/// "opposition leader" is OPP: the more specific word comes first, so earlier deciding words
/// other than GOV win over a final GOV).
pub(crate) fn sector_of(words: &[&str]) -> Option<&'static str> {
    // A phrase of only "the", "'s", "of" states no role at all.
    let stating: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "of" | "'s" | "\u{2019}s" | "-" | "a" | "an"
            )
        })
        .collect();
    if stating.is_empty() {
        return None;
    }
    // "a Belgian national": a citizen, as "national" alone is no office ("national security
    // adviser" is).
    if stating.iter().all(|w| w == "national") {
        return Some("CVL");
    }
    // "Senior vice president" is a company's rank: a state's deputy is its "first" or only
    // vice-president, never a senior one. (Callers give role words in either order.)
    let vice = |w: &str| w == "vice" || w.starts_with("vice-");
    let senior_vice = stating.windows(2).any(|pair| {
        (pair[0] == "senior" && vice(&pair[1])) || (vice(&pair[0]) && pair[1] == "senior")
    });
    if senior_vice {
        return Some("BUS");
    }
    // A secretary-general or attorney general is no soldier.
    let civil_general = words.iter().any(|w| {
        let w = w.to_lowercase();
        ["secretary", "attorney", "solicitor"]
            .iter()
            .any(|c| w == *c || w.strip_prefix(c).is_some_and(|rest| rest.starts_with('-')))
    });
    // An attorney or solicitor without "general" is a lawyer, whom the agent nouns code as
    // the judiciary's.
    let lawyer = words.iter().any(|w| {
        let w = w.to_lowercase();
        w == "attorney" || w == "solicitor"
    }) && !words.iter().any(|w| w.to_lowercase().ends_with("general"));
    if lawyer {
        return Some("JUD");
    }
    let sectors: Vec<&str> = words
        .iter()
        .filter(|w| !(civil_general && w.to_lowercase().ends_with("general")))
        .filter_map(|w| role_word(w).flatten())
        .collect();
    // "Foreign policy chief": role words without a deciding one are an official's.
    Some(
        sectors
            .iter()
            .find(|s| **s != "GOV")
            .or(sectors.last())
            .copied()
            .unwrap_or("GOV"),
    )
}

/// The country of a party whose name follows "ex-" inside a role word ("Ex-Labour MP"), when
/// the story names that party elsewhere with a state's code.
fn party_inside_a_role_word(doc: &Document, role: &[&str]) -> Option<String> {
    role.iter().find_map(|w| {
        let lower = w.to_lowercase();
        let name = lower.strip_prefix("ex-")?;
        doc.entities
            .iter()
            .filter(|p| p.kind == EntityKind::Org)
            .filter_map(|p| {
                let text = doc.text[p.span.range()].to_lowercase();
                let first = text.trim_start_matches("the ").split_whitespace().next()?;
                (first == name).then_some(p.actor.as_ref()?)
            })
            .find(|a| a.sector.as_deref() == Some("PTY") && crate::is_state_code(&a.code))
            .map(|a| a.code.clone())
    })
}

/// Gives PERSON mentions the country and sector their role phrase states. Returns how many
/// mentions got one.
pub fn read_roles(doc: &mut Document) -> usize {
    let token_entity = {
        let n_tokens = doc.tokens.len();
        let mut map = vec![None; n_tokens];
        for (i, e) in doc.entities.iter().enumerate() {
            for t in e.tokens.clone().filter(|&t| t < n_tokens) {
                map[t] = Some(i);
            }
        }
        map
    };
    let word = |t: usize| &doc.text[doc.tokens[t].span.range()];
    // A judge's title right before a name: "Mr Justice Eady", "Judge Ana Ruiz".
    // "Criminal Justice Bill", "Social Justice Party": a capitalised word before "Justice"
    // other than a title's makes it part of a name.
    let judges_title = |e: &Entity| {
        let t = e.tokens.start;
        t > 0
            && t <= doc.tokens.len()
            && matches!(word(t - 1), "Justice" | "Judge")
            && (t < 2
                || !word(t - 2).starts_with(char::is_uppercase)
                || JUDGES_TITLE_OPENERS.contains(&word(t - 2).trim_end_matches('.')))
    };
    // The story's country, by its people, bodies and nationalities: not by place names, which
    // may be a namesake's ("Georgia", the US state, or "Paris, Texas"), nor by a namesake the
    // dictionary found for a judge.
    let story = crate::story_country_apart_from(doc, |i| {
        let e = &doc.entities[i];
        matches!(e.kind, EntityKind::Gpe | EntityKind::Loc) || judges_title(e)
    })
    .or_else(|| crate::story_country_apart_from(doc, |i| judges_title(&doc.entities[i])));
    let mut found = Vec::new();
    // Mentions whose dictionary actor the text shows to be a namesake.
    let mut namesakes = Vec::new();
    // People with an office whose country the text leaves to the story, and its sector.
    let mut of_the_story: Vec<(usize, &str)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityKind::Person || e.tokens.is_empty() || e.tokens.end > doc.tokens.len() {
            continue;
        }
        let Some(sentence) = doc.sentences.get(e.sentence).map(|s| &s.tokens) else {
            continue;
        };
        // A rank or title the recogniser left inside the mention ("Admiral Rosa Vidal") is
        // part of the role: capitalised role words before at least two more words.
        let mut role: Vec<&str> = e
            .tokens
            .clone()
            .take_while(|&k| {
                let w = word(k);
                k + 2 < e.tokens.end
                    && w.starts_with(char::is_uppercase)
                    && role_word(w).flatten().is_some()
            })
            .map(word)
            .collect();
        // The run of role words, outside any mention, that ends right before token `end`:
        // where it starts, and its words (last first).
        let role_words_before = |end: usize| {
            let mut k = end;
            let mut words = Vec::new();
            while k > sentence.start && token_entity[k - 1].is_none() {
                let w = word(k - 1);
                if role_word(w).is_none() {
                    break;
                }
                words.push(w);
                k -= 1;
            }
            (k, words)
        };
        // Before: COUNTRY role-words PERSON.
        let (t, words) = role_words_before(e.tokens.start);
        role.extend(words);
        // "former Conservative chancellor Ana Ruiz", "ex-Tory minister Luis Soto": a party
        // or nationality the recogniser left unnamed stops the run of role words, but the
        // "former" before it still ends the role.
        if !role.is_empty() && t > sentence.start && token_entity[t - 1].is_none() {
            let unnamed = word(t - 1);
            let unnamed_is_a_name = unnamed.starts_with(char::is_uppercase);
            if is_former(unnamed) {
                role.push(unnamed);
            } else if unnamed_is_a_name && t - 1 > sentence.start {
                let mut k = t - 2;
                // "ex - Tory", as the tokenizer may split a hyphen off.
                if word(k) == "-" && k > sentence.start {
                    k -= 1;
                }
                if token_entity[k].is_none() && is_former(word(k)) {
                    role.push(word(k));
                }
            }
        }
        let before = (t > sentence.start).then(|| token_entity[t - 1]).flatten();
        // After: PERSON , COUNTRY role-words (,|.)
        let after = || -> Option<(usize, Vec<&str>)> {
            let comma = e.tokens.end;
            if comma + 1 >= sentence.end || word(comma) != "," {
                return None;
            }
            let mut k = comma + 1;
            while k < sentence.end && matches!(word(k).to_lowercase().as_str(), "the" | "a" | "an")
            {
                k += 1;
            }
            let country = token_entity.get(k).copied().flatten()?;
            let mut k = doc.entities[country].tokens.end;
            let mut words = Vec::new();
            while k < sentence.end && token_entity[k].is_none() && role_word(word(k)).is_some() {
                words.push(word(k));
                k += 1;
            }
            // "Rainer Voss, the German head of Velox Motors,": the office is the named body's,
            // not the country's ("the German head of state" is).
            // "Ana Ruiz, UN Secretary General Kofi Annan, ...": a list; the role is the next
            // person's.
            if !words.is_empty()
                && token_entity
                    .get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|x| doc.entities[x].kind == EntityKind::Person)
            {
                return None;
            }
            // "of" is a role word ("Secretary of State"), so the role may have taken it.
            let of_next = if words.last().is_some_and(|w| *w == "of") {
                Some(k)
            } else {
                (k < sentence.end && word(k) == "of" && !words.is_empty()).then_some(k + 1)
            };
            if let Some(mut j) = of_next.filter(|&j| j < sentence.end) {
                if word(j).eq_ignore_ascii_case("the") && j + 1 < sentence.end {
                    j += 1;
                }
                let place = token_entity[j].is_some_and(|x| {
                    matches!(doc.entities[x].kind, EntityKind::Gpe | EntityKind::Loc)
                });
                if word(j).starts_with(char::is_uppercase) && !place {
                    return None;
                }
            }
            // "Ana Ruiz, a Kenyan relief worker": words that only qualify a role name no
            // office of a country ("a Microsoft security manager" is the company's, whatever
            // the office).
            let body = doc.entities[country].kind == EntityKind::Org;
            (body || states_an_office(&words)).then_some((country, words))
        };
        // Before, across a comma, when the name closes the apposition: "the Ghanaian army
        // chief, General Kofi Mensah," ("..., Kofi Mensah said" is a reporter, not a
        // description of the name).
        let apposed = || -> Option<(usize, Vec<&str>)> {
            let comma = t.checked_sub(1).filter(|&c| c > sentence.start)?;
            if word(comma) != "," {
                return None;
            }
            let end = e.tokens.end;
            let closes =
                end >= sentence.end || matches!(word(end), "," | "." | ";" | ":" | ")" | "!" | "?");
            if !closes {
                return None;
            }
            let (k, mut words) = role_words_before(comma);
            if k == sentence.start || words.is_empty() {
                return None;
            }
            let country = token_entity[k - 1]?;
            words.extend(role.iter().copied());
            Some((country, words))
        };
        // A title before the name and its country after "of": "President Amina Warsame of
        // Somalia", "Foreign Minister Ana Ruiz of Chile". Without the title, "Ana Ruiz of
        // Nairobi" may say where she lives.
        let titled_of = || -> Option<(usize, Vec<&str>)> {
            let of = e.tokens.end;
            if role.is_empty() || of + 1 >= sentence.end || word(of) != "of" {
                return None;
            }
            let country = token_entity[of + 1]?;
            (doc.entities[country].tokens.start == of + 1
                && doc.entities[country].kind == EntityKind::Gpe)
                .then(|| (country, role.clone()))
        };
        // "Liberal Democrat Ana Ruiz", "Tory Luis Soto": a party's name right before the name
        // of someone the dictionary does not know or knows in no sector, with no role
        // between, is their party.
        let party_before = before
            .filter(|_| {
                role.is_empty()
                    && t == e.tokens.start
                    && e.actor.as_ref().is_none_or(|a| a.sector.is_none())
            })
            .and_then(|c| doc.entities[c].actor.as_ref())
            .filter(|a| a.sector.as_deref() == Some("PTY") && crate::is_state_code(&a.code));
        if let Some(party) = party_before {
            found.push((
                i,
                ActorCode {
                    code: party.code.clone(),
                    sector: Some("PTY".to_string()),
                    name: doc.text[e.span.range()].to_string(),
                    source: ActorSource::Text,
                },
            ));
            continue;
        }
        // "Academy president Frank Pierson", "Club president Ana Ruiz": a president whose
        // role words stop at a noun no mention covers heads that body, not the story's state.
        let heads_an_unnamed_body = {
            let body = t.checked_sub(1).filter(|&k| k >= sentence.start);
            role.len() == 1
                && role[0].eq_ignore_ascii_case("president")
                && body.is_some_and(|k| {
                    token_entity[k].is_none()
                        && matches!(
                            doc.tokens[k].upos.as_deref(),
                            Some("NOUN" | "PROPN" | "ADJ")
                        )
                        && !is_former(word(k))
                })
        };
        // "Ana Ruiz, of Amnesty International, said", "Luis Soto, for the Greens, said": a
        // body after ", of" or ", for", closing the apposition, is the one the person speaks
        // for; a place there is where they live ("Tom Shipley, of Leeds").
        let of_a_body = || -> Option<usize> {
            let comma = e.tokens.end;
            if comma + 2 >= sentence.end
                || word(comma) != ","
                || !matches!(word(comma + 1), "of" | "for")
            {
                return None;
            }
            let mut k = comma + 2;
            if word(k).eq_ignore_ascii_case("the") {
                k += 1;
            }
            if k >= sentence.end {
                return None;
            }
            let body = token_entity.get(k).copied().flatten()?;
            let b = &doc.entities[body];
            let closes =
                b.tokens.end >= sentence.end || matches!(word(b.tokens.end), "," | "." | ";" | ")");
            (b.kind == EntityKind::Org && b.tokens.start == k && closes && b.actor.is_some())
                .then_some(body)
        };
        if let Some(body) = (role.is_empty() && before.is_none())
            .then(of_a_body)
            .flatten()
        {
            let a = doc.entities[body]
                .actor
                .as_ref()
                .expect("a body with an actor");
            found.push((
                i,
                ActorCode {
                    code: a.code.clone(),
                    sector: a.sector.clone(),
                    name: doc.text[e.span.range()].to_string(),
                    source: ActorSource::Text,
                },
            ));
            continue;
        }
        let candidate = match before {
            Some(c) if !role.is_empty() => Some((c, role.clone())),
            _ => after().or_else(titled_of).or_else(apposed),
        };
        let Some((country, role)) = candidate else {
            // No country stated: "shadow chancellor Ana Ruiz", "former minister Luis Soto",
            // or after the name, closed by a comma or a full stop: "Ana Ruiz, the shadow
            // chancellor, said".
            let role_after = || -> Vec<&str> {
                let comma = e.tokens.end;
                if comma + 1 >= sentence.end || word(comma) != "," {
                    return Vec::new();
                }
                let mut k = comma + 1;
                // "Ana Ruiz, a union official,": the article opens the role.
                if k < sentence.end && matches!(word(k), "a" | "an") {
                    k += 1;
                }
                let mut words = Vec::new();
                while k < sentence.end && token_entity[k].is_none() && role_word(word(k)).is_some()
                {
                    words.push(word(k));
                    k += 1;
                }
                let closed = k < sentence.end && matches!(word(k), "," | ".");
                if closed {
                    words
                } else {
                    Vec::new()
                }
            };
            let role = if role.is_empty() && before.is_none() {
                role_after()
            } else {
                role
            };
            // "Mr Justice Eady", "Lord Justice Rix", "Judge Ana Ruiz": a judge's title right
            // before the name makes a judge of the story's country, and a namesake the
            // dictionary knows in another sector ("Lord Justice May") is someone else.
            let judge = e.tokens.start > sentence.start && judges_title(e);
            let known_judge = e
                .actor
                .as_ref()
                .is_some_and(|a| a.sector.as_deref() == Some("JUD"));
            if judge && !known_judge {
                namesakes.push(i);
                // Their country is the one stated at another mention of the surname ("Texas
                // Judge Ana Ruiz", before or after "Judge Ruiz"), else the story's.
                of_the_story.push((i, "JUD"));
                continue;
            }
            // For someone the dictionary gives a country, a role that puts them out of
            // government is the text's word on what they are now, where the dictionary's (in
            // an undated story, their latest office) may be another time's.
            if before.is_none() && !role.is_empty() {
                if let Some(known) = e.actor.as_ref().filter(|a| a.code.len() == 3) {
                    let sector = if role.iter().any(|w| is_former(w)) {
                        Some("ELI")
                    } else {
                        sector_of(&role).filter(|s| *s == "OPP")
                    };
                    if let Some(sector) = sector.filter(|s| known.sector.as_deref() != Some(*s)) {
                        found.push((
                            i,
                            ActorCode {
                                sector: Some(sector.to_string()),
                                source: ActorSource::Text,
                                ..known.clone()
                            },
                        ));
                    }
                } else if let Some(party) = e
                    .actor
                    .is_none()
                    .then(|| party_inside_a_role_word(doc, &role))
                    .flatten()
                {
                    // "Ex-Labour MP Luis Soto", the party's name inside the word "ex-" opens:
                    // the party named elsewhere in the story gives the country.
                    found.push((
                        i,
                        ActorCode {
                            code: party,
                            sector: Some("ELI".to_string()),
                            name: doc.text[e.span.range()].to_string(),
                            source: ActorSource::Text,
                        },
                    ));
                } else if let (None, Some(_), false) = (&e.actor, &story, heads_an_unnamed_body) {
                    // "Deputy Health Minister Ana Ruiz", "former welfare minister Luis Soto":
                    // an office that states its sector and no country, held by someone the
                    // dictionary does not know, is the story's country's. A role that says
                    // only what someone does for a body ("spokesman") says too little.
                    let sector = if role.iter().any(|w| is_former(w)) {
                        Some("ELI")
                    } else {
                        sector_of(&role)
                    };
                    if let Some(sector) = sector.filter(|_| !is_generic_role(&role)) {
                        of_the_story.push((i, sector));
                    }
                }
            }
            continue;
        };
        let c = &doc.entities[country];
        if !matches!(c.kind, EntityKind::Gpe | EntityKind::Norp | EntityKind::Org) {
            continue;
        }
        let Some(country_actor) = &c.actor else {
            continue;
        };
        let Some(sector) = sector_of(&role) else {
            continue;
        };
        // An international body keeps its own code; a country's person takes the role's sector.
        let international = country_actor
            .sector
            .as_deref()
            .is_some_and(|s| country_actor.code.starts_with(s));
        // A body's person with a role word that states no sector of its own ("leader",
        // "spokesman") is of the body's sector: "the Conservative Party leader" is PTY.
        // A minister, mayor or president of a party is still in government: only generic
        // role words give way to the body's sector.
        let generic_role = is_generic_role(&role);
        // "Lib Dem president Simon Hughes": a party's president chairs the party.
        let party_president = country_actor.sector.as_deref() == Some("PTY")
            && role
                .iter()
                .filter(|w| !is_former(w))
                .all(|w| w.eq_ignore_ascii_case("president"));
        let body_sector = country_actor
            .sector
            .as_deref()
            .filter(|_| c.kind == EntityKind::Org && (generic_role || party_president));
        // "Former Kenyan President ...", "Chile's former foreign minister", "ex-minister": a
        // former official is one of the elites (ELI), as the dictionary codes people whose
        // office has ended.
        let starts = c.tokens.start;
        let former = role.iter().any(|w| is_former(w))
            || (starts > sentence.start && is_former(word(starts - 1)));
        // "Labour Minister Ghazi al-Gosaibi" in a story about Saudi Arabia, "Labour leader
        // Shimon Peres" in one about Israel: a party's name whose country the story names
        // nowhere else is the office's or a namesake party's, of the story's country.
        let party = c.kind == EntityKind::Org && country_actor.sector.as_deref() == Some("PTY");
        let party_country_named = || {
            doc.entities.iter().enumerate().any(|(j, o)| {
                j != country
                    && o.actor.as_ref().is_some_and(|a| {
                        a.code == country_actor.code && a.sector.as_deref() != Some("PTY")
                    })
            })
        };
        let other_story = story
            .as_deref()
            .is_some_and(|s| s != country_actor.code.as_str());
        if party && !former && other_story && !party_country_named() {
            of_the_story.push((i, body_sector.unwrap_or(sector)));
            continue;
        }
        let sector = if international {
            country_actor.sector.clone()
        } else if former {
            Some("ELI".to_string())
        } else {
            Some(body_sector.unwrap_or(sector).to_string())
        };
        found.push((
            i,
            ActorCode {
                code: country_actor.code.clone(),
                sector,
                name: doc.text[e.span.range()].to_string(),
                source: ActorSource::Text,
            },
        ));
    }
    // An office held in the story's country, unless the person's country is stated at
    // another mention of their surname ("Benin's President Mathieu Kerekou", then "President
    // Kerekou").
    for (i, sector) in of_the_story {
        let surname = |j: usize| {
            let span = doc.entities[j].span;
            doc.text[span.range()].split_whitespace().last()
        };
        let stated = (0..doc.entities.len())
            .filter(|&j| j != i && doc.entities[j].kind == EntityKind::Person)
            .filter(|j| !namesakes.contains(j))
            .filter(|&j| surname(j) == surname(i))
            .find_map(|j| {
                let from_text = found.iter().find(|(k, _)| *k == j).map(|(_, a)| a);
                from_text
                    .or(doc.entities[j].actor.as_ref())
                    .filter(|a| crate::is_state_code(&a.code))
                    .map(|a| a.code.clone())
            });
        if let Some(code) = stated.or_else(|| story.clone()) {
            found.push((
                i,
                ActorCode {
                    code,
                    sector: Some(sector.to_string()),
                    name: doc.text[doc.entities[i].span.range()].to_string(),
                    source: ActorSource::Text,
                },
            ));
        }
    }
    let n = found.len();
    for i in namesakes {
        doc.entities[i].actor = None;
    }
    for (i, from_text) in found {
        let e = &mut doc.entities[i];
        e.actor = Some(match e.actor.take() {
            // The dictionary agrees on the country: keep its name, mark both. A party's person
            // whom the dictionary knows as the opposition on the date stays so: "the Tory
            // leader" of a party out of office is the opposition's leader.
            Some(d) if d.code == from_text.code => ActorCode {
                source: ActorSource::Both,
                sector: if from_text.sector.as_deref() == Some("PTY")
                    && d.sector.as_deref() == Some("OPP")
                {
                    d.sector.clone()
                } else {
                    from_text.sector
                },
                ..d
            },
            // The text is explicit: it wins.
            _ => from_text,
        });
    }
    n
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use kestrel_core::{Pipeline, Span};

    /// A mention: its text, kind, and (code, sector) from the dictionary.
    pub(crate) type Mention<'a> = (&'a str, EntityKind, Option<(&'a str, Option<&'a str>)>);

    /// A segmented document with these mentions, found in order in the text.
    pub(crate) fn doc_with(text: &str, mentions: &[Mention<'_>]) -> Document {
        let mut doc = Document::new("t", text);
        Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut doc);
        let mut from = 0;
        for (m, kind, actor) in mentions {
            let start = from + doc.text[from..].find(m).unwrap();
            let end = start + m.len();
            from = end;
            let tokens: Vec<usize> = (0..doc.tokens.len())
                .filter(|&t| doc.tokens[t].span.start >= start && doc.tokens[t].span.end <= end)
                .collect();
            let sentence = doc
                .sentences
                .iter()
                .position(|s| s.tokens.contains(&tokens[0]))
                .unwrap();
            doc.entities.push(Entity {
                span: Span::new(start, end),
                sentence,
                tokens: tokens[0]..tokens[tokens.len() - 1] + 1,
                kind: *kind,
                actor: actor.map(|(c, s)| ActorCode {
                    code: c.into(),
                    sector: s.map(Into::into),
                    name: m.to_string(),
                    source: ActorSource::Dictionary,
                }),
                cluster: None,
                mention: kestrel_core::MentionKind::Name,
            });
        }
        doc
    }

    pub(crate) fn actor(doc: &Document, i: usize) -> (String, Option<String>, &'static str) {
        let a = doc.entities[i].actor.as_ref().expect("an actor");
        (a.code.clone(), a.sector.clone(), a.source.name())
    }

    #[test]
    fn a_senior_vice_president_is_a_companys() {
        assert_eq!(sector_of(&["senior", "vice", "president"]), Some("BUS"));
        assert_eq!(sector_of(&["Senior", "Vice-President"]), Some("BUS"));
        assert_eq!(sector_of(&["vice", "president"]), Some("GOV"));
        assert_eq!(sector_of(&["first", "vice", "president"]), Some("GOV"));
        assert_eq!(sector_of(&["president", "vice", "senior"]), Some("BUS"));
    }

    #[test]
    fn an_activist_of_a_country() {
        let mut doc = doc_with(
            "Ana Ruiz, Chile's leading human rights activist, spoke.",
            &[
                ("Ana Ruiz", EntityKind::Person, None),
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 1);
        assert_eq!(actor(&doc, 0), ("CHL".into(), Some("CVL".into()), "text"));
    }

    #[test]
    fn a_partys_name_before_a_name_is_that_persons_party() {
        // The party right before the name, for someone unknown and someone known in no
        // sector; not across a comma, nor for someone the dictionary puts in government.
        let mut doc = doc_with(
            "Unity Ana Ruiz spoke. Unity Luis Soto spoke. Unity, Jo Vidal spoke. Unity Rosa Lima spoke.",
            &[
                ("Unity", EntityKind::Org, Some(("KEN", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Unity", EntityKind::Org, Some(("KEN", Some("PTY")))),
                ("Luis Soto", EntityKind::Person, Some(("KEN", None))),
                ("Unity", EntityKind::Org, Some(("KEN", Some("PTY")))),
                ("Jo Vidal", EntityKind::Person, None),
                ("Unity", EntityKind::Org, Some(("KEN", Some("PTY")))),
                ("Rosa Lima", EntityKind::Person, Some(("KEN", Some("GOV")))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 1), ("KEN".into(), Some("PTY".into()), "text"));
        assert_eq!(actor(&doc, 3), ("KEN".into(), Some("PTY".into()), "both"));
        assert!(doc.entities[5].actor.is_none());
        assert_eq!(
            actor(&doc, 7),
            ("KEN".into(), Some("GOV".into()), "dictionary")
        );
    }

    #[test]
    fn a_hyphenated_title_of_an_organisation() {
        let mut doc = doc_with(
            "Upland League Secretary-General Ana Ruiz spoke, and Kenyan Secretary-General Luis Soto.",
            &[
                ("Upland League", EntityKind::Org, Some(("IGOUPL", Some("IGO")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Kenyan", EntityKind::Norp, Some(("KEN", None))),
                ("Luis Soto", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(
            actor(&doc, 1),
            ("IGOUPL".into(), Some("IGO".into()), "text")
        );
        assert_eq!(actor(&doc, 3), ("KEN".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn a_chairman_is_his_bodys_and_a_boss_in_business() {
        let mut doc = doc_with(
            "Upland Party chairman Ana Ruiz met Kestrel Foods boss Luis Soto and Chilean chairwoman Rosa Vidal.",
            &[
                ("Upland Party", EntityKind::Org, Some(("UPL", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Kestrel Foods", EntityKind::Org, Some(("MNCCHL", Some("MNC")))),
                ("Luis Soto", EntityKind::Person, None),
                ("Chilean", EntityKind::Norp, Some(("CHL", None))),
                ("Rosa Vidal", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 3);
        assert_eq!(actor(&doc, 1), ("UPL".into(), Some("PTY".into()), "text"));
        assert_eq!(
            actor(&doc, 3),
            ("MNCCHL".into(), Some("MNC".into()), "text")
        );
        assert_eq!(actor(&doc, 5), ("CHL".into(), Some("BUS".into()), "text"));
    }

    #[test]
    fn roles_before_the_name() {
        let mut doc = doc_with(
            "Slovenian Interior Minister Jana Novak met Chile's top diplomat Ana Ruiz and his Peruvian counterpart Luis Soto.",
            &[
                ("Slovenian", EntityKind::Norp, Some(("SVN", None))),
                ("Jana Novak", EntityKind::Person, None),
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Peruvian", EntityKind::Norp, Some(("PER", None))),
                ("Luis Soto", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 3);
        assert_eq!(actor(&doc, 1), ("SVN".into(), Some("GOV".into()), "text"));
        assert_eq!(actor(&doc, 3), ("CHL".into(), Some("GOV".into()), "text"));
        assert_eq!(actor(&doc, 5), ("PER".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn roles_after_the_name_and_military_and_text_wins() {
        let mut doc = doc_with(
            "Kofi Mensah, the Ghanaian army chief, spoke. Ana Ruiz, Chile's foreign minister, left.",
            &[
                ("Kofi Mensah", EntityKind::Person, Some(("GHA", Some("ELI")))),
                ("Ghanaian", EntityKind::Norp, Some(("GHA", None))),
                ("Ana Ruiz", EntityKind::Person, Some(("ARG", Some("GOV")))),
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 0), ("GHA".into(), Some("MIL".into()), "both"));
        assert_eq!(actor(&doc, 2), ("CHL".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn roles_with_rank_and_portfolio_words_and_hyphenated_titles() {
        let mut doc = doc_with(
            "Velorian junior health minister Tomas Ek met Kostovan Vice-President Ines Lund.",
            &[
                ("Velorian", EntityKind::Norp, Some(("VLR", None))),
                ("Tomas Ek", EntityKind::Person, None),
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Ines Lund", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("GOV".into()), "text"));
        assert_eq!(actor(&doc, 3), ("KST".into(), Some("GOV".into()), "text"));
        assert_eq!(role_word("Vice-President"), Some(Some("GOV")));
        assert_eq!(role_word("Ex-Wife"), None);
    }

    #[test]
    fn a_role_in_apposition_before_the_name() {
        let mut doc = doc_with(
            "Tomas Ek met the Ghanaian army chief, General Kofi Mensah, and his Velorian counterpart, Admiral Rosa Vidal.",
            &[
                ("Tomas Ek", EntityKind::Person, None),
                ("Ghanaian", EntityKind::Norp, Some(("GHA", None))),
                ("Kofi Mensah", EntityKind::Person, Some(("GHA", Some("ELI")))),
                ("Velorian", EntityKind::Norp, Some(("VLR", None))),
                ("Admiral Rosa Vidal", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 2), ("GHA".into(), Some("MIL".into()), "both"));
        assert_eq!(
            actor(&doc, 4),
            ("VLR".into(), Some("MIL".into()), "text"),
            "the rank in the mention says which counterpart"
        );
    }

    #[test]
    fn a_title_before_the_name_and_its_country_after_of() {
        let mut doc = doc_with(
            "President Amina Warsame of Somalia met Ana Ruiz of Nairobi.",
            &[
                ("Amina Warsame", EntityKind::Person, None),
                ("Somalia", EntityKind::Gpe, Some(("SOM", None))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Nairobi", EntityKind::Gpe, Some(("KEN", Some("GOV")))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 1, "no title before Ana Ruiz");
        assert_eq!(actor(&doc, 0), ("SOM".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn a_judges_title_makes_a_judge_of_the_storys_country_not_a_namesake() {
        let mut doc = doc_with(
            "Kostova's government lost in a Kostovan court: Mr Justice Vidal and Judge Ana Ruiz ruled after Lord Justice Mensah heard it.",
            &[
                ("Kostova", EntityKind::Gpe, Some(("KST", None))),
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Vidal", EntityKind::Person, None),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Mensah", EntityKind::Person, Some(("GHA", Some("GOV")))),
            ],
        );
        read_roles(&mut doc);
        assert_eq!(actor(&doc, 2), ("KST".into(), Some("JUD".into()), "text"));
        assert_eq!(actor(&doc, 3), ("KST".into(), Some("JUD".into()), "text"));
        assert_eq!(
            actor(&doc, 4),
            ("KST".into(), Some("JUD".into()), "text"),
            "the dictionary's minister is a namesake"
        );
        assert_eq!(doc.entities[4].actor.as_ref().unwrap().name, "Mensah");
        // With no country in the story, the namesake goes and nothing takes its place.
        let mut doc = doc_with(
            "Lord Justice Mensah dismissed it.",
            &[("Mensah", EntityKind::Person, Some(("GHA", Some("GOV"))))],
        );
        read_roles(&mut doc);
        assert!(doc.entities[0].actor.is_none());
    }

    #[test]
    fn an_office_with_no_country_is_the_storys_unless_the_text_states_one() {
        let mut doc = doc_with(
            "Kostovan officials met the Kostova Senate. Deputy Health Minister Ana Ruiz, former welfare minister Luis Soto and shadow attorney general Vera Lind spoke after Velora's President Tomas Ek, whom President Ek's aides and spokesman Jon Dal joined in Velora.",
            &[
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Kostova Senate", EntityKind::Org, Some(("KST", Some("LEG")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Luis Soto", EntityKind::Person, None),
                ("Vera Lind", EntityKind::Person, None),
                ("Velora", EntityKind::Gpe, Some(("VLR", None))),
                ("Tomas Ek", EntityKind::Person, None),
                ("Ek", EntityKind::Person, None),
                ("Jon Dal", EntityKind::Person, None),
                ("Velora", EntityKind::Gpe, Some(("VLR", None))),
            ],
        );
        read_roles(&mut doc);
        // Velora is named as often as Kostova, but as a place: the story's people and bodies
        // are Kostova's.
        assert_eq!(actor(&doc, 2), ("KST".into(), Some("GOV".into()), "text"));
        assert_eq!(actor(&doc, 3), ("KST".into(), Some("ELI".into()), "text"));
        assert_eq!(actor(&doc, 4), ("KST".into(), Some("OPP".into()), "text"));
        assert_eq!(actor(&doc, 6), ("VLR".into(), Some("GOV".into()), "text"));
        assert_eq!(
            actor(&doc, 7),
            ("VLR".into(), Some("GOV".into()), "text"),
            "the country stated at another mention of the surname"
        );
        assert!(
            doc.entities[8].actor.is_none(),
            "a spokesman of no stated body"
        );
    }

    #[test]
    fn a_union_officer_is_labours_and_qualifiers_alone_name_no_office() {
        let mut doc = doc_with(
            "Kostovan officials met the Kostova Senate. Union leader Ana Ruiz and Luis Soto, a \
             union official, spoke. Vera Lind, a Kostovan relief worker, and Jon Dal, the UN \
             relief coordinator, left.",
            &[
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                (
                    "Kostova Senate",
                    EntityKind::Org,
                    Some(("KST", Some("LEG"))),
                ),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Luis Soto", EntityKind::Person, None),
                ("Vera Lind", EntityKind::Person, None),
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Jon Dal", EntityKind::Person, None),
                ("UN", EntityKind::Org, Some(("IGOUNO", Some("IGO")))),
            ],
        );
        read_roles(&mut doc);
        assert_eq!(actor(&doc, 2), ("KST".into(), Some("LAB".into()), "text"));
        assert_eq!(actor(&doc, 3), ("KST".into(), Some("LAB".into()), "text"));
        assert!(
            doc.entities[4].actor.is_none(),
            "a relief worker holds no office"
        );
        assert_eq!(
            actor(&doc, 6),
            ("IGOUNO".into(), Some("IGO".into()), "text")
        );
    }

    #[test]
    fn a_body_after_of_is_the_one_a_person_speaks_for() {
        let mut doc = doc_with(
            "Ana Ruiz, of the Kestrel Rights Watch, spoke. Luis Soto, of Velora, left. \
             Rosa Vidal, for the Velora Greens, agreed.",
            &[
                ("Ana Ruiz", EntityKind::Person, None),
                (
                    "Kestrel Rights Watch",
                    EntityKind::Org,
                    Some(("NGOHRI", Some("NGO"))),
                ),
                ("Luis Soto", EntityKind::Person, None),
                ("Velora", EntityKind::Gpe, Some(("VLR", None))),
                ("Rosa Vidal", EntityKind::Person, None),
                ("Velora Greens", EntityKind::Org, Some(("VLR", Some("PTY")))),
            ],
        );
        read_roles(&mut doc);
        assert_eq!(
            actor(&doc, 0),
            ("NGOHRI".into(), Some("NGO".into()), "text")
        );
        assert!(
            doc.entities[2].actor.is_none(),
            "a place after \"of\" is a home"
        );
        assert_eq!(actor(&doc, 4), ("VLR".into(), Some("PTY".into()), "text"));
    }

    #[test]
    fn a_head_of_a_named_body_is_not_the_countrys_and_a_co_chairman_is_a_chairman() {
        let text = "Rainer Voss, the Velorian head of Kestrel Motors, spoke. \
                    Ana Ruiz, the Velorian head of state, left. \
                    Velorian co-chairman Luis Soto stayed.";
        let mentions = [
            ("Rainer Voss", EntityKind::Person, None),
            ("Velorian", EntityKind::Norp, Some(("VLR", None))),
            ("Ana Ruiz", EntityKind::Person, None),
            ("Velorian", EntityKind::Norp, Some(("VLR", None))),
            ("Velorian", EntityKind::Norp, Some(("VLR", None))),
            ("Luis Soto", EntityKind::Person, None),
        ];
        let mut doc = doc_with(text, &mentions);
        read_roles(&mut doc);
        assert!(
            doc.entities[0].actor.is_none(),
            "{:?}",
            doc.entities[0].actor
        );
        assert_eq!(actor(&doc, 2), ("VLR".into(), Some("GOV".into()), "text"));
        assert_eq!(actor(&doc, 5), ("VLR".into(), Some("BUS".into()), "text"));
    }

    #[test]
    fn a_role_before_the_next_name_in_a_list_is_that_persons() {
        let text = "Guests are Ana Ruiz, Velorian Foreign Minister Luis Soto and others.";
        let mentions = [
            ("Ana Ruiz", EntityKind::Person, None),
            ("Velorian", EntityKind::Norp, Some(("VLR", None))),
            ("Luis Soto", EntityKind::Person, None),
        ];
        let mut doc = doc_with(text, &mentions);
        read_roles(&mut doc);
        assert!(
            doc.entities[0].actor.is_none(),
            "{:?}",
            doc.entities[0].actor
        );
        assert_eq!(actor(&doc, 2), ("VLR".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn a_national_of_a_country_is_a_citizen() {
        let text = "Ana Ruiz, a Kostovan national, was held.";
        let mentions = [
            ("Ana Ruiz", EntityKind::Person, None),
            ("Kostovan", EntityKind::Norp, Some(("KST", None))),
        ];
        let mut doc = doc_with(text, &mentions);
        read_roles(&mut doc);
        assert_eq!(actor(&doc, 0), ("KST".into(), Some("CVL".into()), "text"));
    }

    #[test]
    fn a_party_of_a_country_the_story_never_names_is_a_portfolio() {
        // Kestia's Labour party, in a story about Kostova: "Labour Minister" is Kostova's.
        let text = "Kostovan officials met. Labour Minister Ana Ruiz spoke to the Kostova Senate.";
        let mentions = [
            ("Kostovan", EntityKind::Norp, Some(("KST", None))),
            ("Labour", EntityKind::Org, Some(("KSA", Some("PTY")))),
            ("Ana Ruiz", EntityKind::Person, None),
            (
                "Kostova Senate",
                EntityKind::Org,
                Some(("KST", Some("LEG"))),
            ),
        ];
        let mut doc = doc_with(text, &mentions);
        read_roles(&mut doc);
        assert_eq!(actor(&doc, 2), ("KST".into(), Some("GOV".into()), "text"));
        // Where the story also names Kestia, the party is Kestia's.
        let text = "Kestia and Kostova met. Labour Minister Ana Ruiz spoke to the Kostova Senate.";
        let mut mentions = mentions;
        mentions[0] = ("Kestia", EntityKind::Gpe, Some(("KSA", None)));
        let mut doc = doc_with(text, &mentions);
        read_roles(&mut doc);
        assert_eq!(actor(&doc, 2), ("KSA".into(), Some("GOV".into()), "text"));
    }

    #[test]
    fn a_former_official_is_one_of_the_elites() {
        let mut doc = doc_with(
            "Former Kenyan President Daniel Mwangi met Chile's former foreign minister Ana Ruiz and Peruvian ex-minister Luis Soto.",
            &[
                ("Kenyan", EntityKind::Norp, Some(("KEN", None))),
                ("Daniel Mwangi", EntityKind::Person, None),
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Peruvian", EntityKind::Norp, Some(("PER", None))),
                ("Luis Soto", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 3);
        assert_eq!(actor(&doc, 1), ("KEN".into(), Some("ELI".into()), "text"));
        assert_eq!(actor(&doc, 3), ("CHL".into(), Some("ELI".into()), "text"));
        assert_eq!(actor(&doc, 5), ("PER".into(), Some("ELI".into()), "text"));
    }

    #[test]
    fn former_before_a_party_the_recogniser_missed_ends_the_role() {
        // "Unity" is a party's name the recogniser left unnamed; "ex-Unity" one token.
        let mut doc = doc_with(
            "The former Unity chancellor Ana Ruiz spoke. Ex-Unity minister Luis Soto agreed. \
             The Unity minister Tomas Ek left.",
            &[
                ("Ana Ruiz", EntityKind::Person, Some(("VLR", None))),
                ("Luis Soto", EntityKind::Person, Some(("VLR", None))),
                ("Tomas Ek", EntityKind::Person, Some(("VLR", None))),
            ],
        );
        read_roles(&mut doc);
        for i in [0, 1] {
            let (code, sector, _) = actor(&doc, i);
            assert_eq!((code.as_str(), sector.as_deref()), ("VLR", Some("ELI")));
        }
        assert_eq!(
            actor(&doc, 2).1,
            None,
            "no \"former\": the dictionary's word stands"
        );
    }

    #[test]
    fn a_party_inside_ex_is_the_one_the_story_names() {
        // The story is Kostova's by its people; the party, named later, is Velora's.
        let mut doc = doc_with(
            "Ex-Unity MP Ana Ruiz met Kostovan and Kostovan officials. She had left the Unity \
             party in 2003.",
            &[
                ("Ana Ruiz", EntityKind::Person, None),
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Kostovan", EntityKind::Norp, Some(("KST", None))),
                ("Unity", EntityKind::Org, Some(("VLR", Some("PTY")))),
            ],
        );
        read_roles(&mut doc);
        let (code, sector, _) = actor(&doc, 0);
        assert_eq!((code.as_str(), sector.as_deref()), ("VLR", Some("ELI")));
    }

    #[test]
    fn a_partys_treasury_spokesman_speaks_for_the_party() {
        let mut doc = doc_with(
            "Unity Party Treasury spokesman Ana Ruiz spoke.",
            &[
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 1);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("PTY".into()), "text"));
    }

    #[test]
    fn a_unions_general_secretary_runs_the_union() {
        let mut doc = doc_with(
            "Velorian Dockers Union General Secretary Ana Ruiz spoke.",
            &[
                (
                    "Velorian Dockers Union",
                    EntityKind::Org,
                    Some(("VLR", Some("LAB"))),
                ),
                ("Ana Ruiz", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 1);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("LAB".into()), "text"));
    }

    #[test]
    fn a_bodys_leader_has_the_bodys_sector() {
        let mut doc = doc_with(
            "The Velorian Unity Party leader, Ana Ruiz, spoke. Unity Party lawmaker Tomas Ek agreed. Unity Party mayor Ines Lund left.",
            &[
                ("Velorian Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Tomas Ek", EntityKind::Person, None),
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Ines Lund", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 3);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("PTY".into()), "text"));
        assert_eq!(
            actor(&doc, 5),
            ("VLR".into(), Some("GOV".into()), "text"),
            "a mayor governs, whatever the party"
        );
        assert_eq!(
            actor(&doc, 3),
            ("VLR".into(), Some("LEG".into()), "text"),
            "a role word with a sector of its own keeps it"
        );
    }

    #[test]
    fn a_shadow_minister_speaks_for_the_opposition() {
        let mut doc = doc_with(
            "Velorian shadow finance minister Ana Ruiz spoke.",
            &[
                ("Velorian", EntityKind::Norp, Some(("VLR", None))),
                ("Ana Ruiz", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 1);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("OPP".into()), "text"));
    }

    #[test]
    fn a_role_out_of_government_wins_over_the_dictionarys_office() {
        let mut doc = doc_with(
            "Shadow chancellor Ana Ruiz spoke. Former minister Luis Soto agreed. \
             Tomas Ek, the former foreign minister, left. Finance Minister Ines Lund stayed.",
            &[
                ("Ana Ruiz", EntityKind::Person, Some(("VLR", Some("GOV")))),
                ("Luis Soto", EntityKind::Person, Some(("VLR", Some("GOV")))),
                ("Tomas Ek", EntityKind::Person, Some(("VLR", Some("OPP")))),
                ("Ines Lund", EntityKind::Person, Some(("VLR", Some("OPP")))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 3);
        assert_eq!(actor(&doc, 0), ("VLR".into(), Some("OPP".into()), "both"));
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("ELI".into()), "both"));
        assert_eq!(actor(&doc, 2), ("VLR".into(), Some("ELI".into()), "both"));
        assert_eq!(
            actor(&doc, 3),
            ("VLR".into(), Some("OPP".into()), "dictionary"),
            "an office in government without a country is left to the dictionary"
        );
    }

    #[test]
    fn a_party_leader_the_dictionary_knows_in_opposition_stays_the_opposition() {
        let mut doc = doc_with(
            "Unity Party leader Ana Ruiz spoke. Unity Party leader Luis Soto replied.",
            &[
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, Some(("VLR", Some("OPP")))),
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Luis Soto", EntityKind::Person, Some(("VLR", Some("GOV")))),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("OPP".into()), "both"));
        assert_eq!(
            actor(&doc, 3),
            ("VLR".into(), Some("PTY".into()), "both"),
            "a party's leader in government speaks for the party"
        );
    }

    #[test]
    fn a_partys_president_chairs_the_party() {
        let mut doc = doc_with(
            "Unity Party president Ana Ruiz spoke. Unity Party minister Luis Soto replied.",
            &[
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Ana Ruiz", EntityKind::Person, None),
                ("Unity Party", EntityKind::Org, Some(("VLR", Some("PTY")))),
                ("Luis Soto", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 2);
        assert_eq!(actor(&doc, 1), ("VLR".into(), Some("PTY".into()), "text"));
        assert_eq!(
            actor(&doc, 3),
            ("VLR".into(), Some("GOV".into()), "text"),
            "a party's minister is in government"
        );
    }

    #[test]
    fn a_name_after_a_role_and_a_comma_that_goes_on_is_no_apposition() {
        let mut doc = doc_with(
            "After he met the Kenyan president, Amos Kiprono said the talks went well.",
            &[
                ("Kenyan", EntityKind::Norp, Some(("KEN", None))),
                ("Amos Kiprono", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 0);
        assert!(doc.entities[1].actor.is_none());
    }

    #[test]
    fn roles_need_only_role_words_between() {
        let mut doc = doc_with(
            "Chile said on Monday that Ana Ruiz would travel.",
            &[
                ("Chile", EntityKind::Gpe, Some(("CHL", None))),
                ("Ana Ruiz", EntityKind::Person, None),
            ],
        );
        assert_eq!(read_roles(&mut doc), 0);
        assert!(doc.entities[1].actor.is_none());
    }
}
