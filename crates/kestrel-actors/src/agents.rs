//! Sector agents: the nouns for the groups and offices that act in the news ("government",
//! "troops", "rebels", "court") and the PLOVER sector each stands for. The event coder reads
//! them as actors ("Kenyan police"), and the actor stage reads them at the end of an
//! organisation's name ("the Latvian Constitutional Court").

/// Lemmas of agent nouns and their sectors.
const AGENT_NOUNS: &[(&str, &str)] = &[
    ("government", "GOV"),
    ("official", "GOV"),
    ("minister", "GOV"),
    ("ministry", "GOV"),
    ("president", "GOV"),
    ("premier", "GOV"),
    ("leader", "GOV"),
    ("leadership", "GOV"),
    ("authority", "GOV"),
    ("administration", "GOV"),
    ("cabinet", "GOV"),
    ("regime", "GOV"),
    ("diplomat", "GOV"),
    ("ambassador", "GOV"),
    ("envoy", "GOV"),
    ("delegation", "GOV"),
    ("spokesman", "GOV"),
    ("spokeswoman", "GOV"),
    ("spokesperson", "GOV"),
    ("negotiator", "GOV"),
    ("counterpart", "GOV"),
    ("chancellor", "GOV"),
    ("state", "GOV"),
    ("country", "GOV"),
    ("nation", "GOV"),
    ("troop", "MIL"),
    // The treebank's lemma for "troops" is "troops".
    ("troops", "MIL"),
    ("soldier", "MIL"),
    ("army", "MIL"),
    ("military", "MIL"),
    ("force", "MIL"),
    ("navy", "MIL"),
    ("jet", "MIL"),
    ("warplane", "MIL"),
    ("general", "MIL"),
    ("commander", "MIL"),
    ("police", "COP"),
    ("policeman", "COP"),
    ("officer", "COP"),
    ("rebel", "REB"),
    ("insurgent", "REB"),
    ("militant", "REB"),
    ("guerrilla", "REB"),
    ("fighter", "REB"),
    ("separatist", "REB"),
    ("militia", "PRM"),
    ("gunman", "UAF"),
    ("protester", "CVL"),
    ("protestor", "CVL"),
    ("demonstrator", "CVL"),
    ("activist", "CVL"),
    ("civilian", "CVL"),
    ("opposition", "OPP"),
    ("dissident", "OPP"),
    ("opponent", "OPP"),
    ("court", "JUD"),
    ("judge", "JUD"),
    ("prosecutor", "JUD"),
    ("journalist", "JRN"),
    ("reporter", "JRN"),
    ("newspaper", "JRN"),
    ("broadcaster", "JRN"),
    ("magazine", "JRN"),
    ("tabloid", "JRN"),
    ("editor", "JRN"),
    ("columnist", "JRN"),
    ("correspondent", "JRN"),
    ("refugee", "REF"),
    ("migrant", "REF"),
    ("parliament", "LEG"),
    ("lawmaker", "LEG"),
    ("legislator", "LEG"),
    ("senator", "LEG"),
    ("congress", "LEG"),
    ("student", "EDU"),
    ("worker", "LAB"),
    ("union", "LAB"),
    ("company", "BUS"),
    ("firm", "BUS"),
    ("businessman", "BUS"),
    ("people", "CVL"),
    ("villager", "CVL"),
    ("resident", "CVL"),
    ("crowd", "CVL"),
    ("mob", "CVL"),
    ("tribesman", "CVL"),
    ("attacker", "UAF"),
    ("assailant", "UAF"),
    ("bomber", "UAF"),
    ("kidnapper", "UAF"),
    ("hijacker", "UAF"),
    ("sniper", "UAF"),
    ("extremist", "REB"),
    ("terrorist", "REB"),
    ("jihadist", "REB"),
    ("guerilla", "REB"),
    ("insurgency", "REB"),
    ("serviceman", "MIL"),
    ("helicopter", "MIL"),
    ("aircraft", "MIL"),
    ("warship", "MIL"),
    ("tank", "MIL"),
    ("artillery", "MIL"),
    ("missionary", "REL"),
    ("fundamentalist", "REL"),
    ("islamist", "REL"),
    ("cleric", "REL"),
    ("priest", "REL"),
    ("bishop", "REL"),
    ("archbishop", "REL"),
    ("cardinal", "REL"),
    ("pope", "REL"),
    ("rabbi", "REL"),
    ("mufti", "REL"),
    ("ayatollah", "REL"),
    ("pastor", "REL"),
    ("nun", "REL"),
    ("church", "REL"),
    ("doctor", "MED"),
    ("party", "PTY"),
    ("lawyer", "JUD"),
    ("hacker", "UAF"),
    ("teacher", "EDU"),
    ("professor", "EDU"),
    ("employee", "LAB"),
    ("driver", "LAB"),
    ("miner", "LAB"),
    ("staff", "LAB"),
    ("labourer", "LAB"),
    ("laborer", "LAB"),
    ("nurse", "MED"),
    ("physician", "MED"),
    ("farmer", "AGR"),
    ("fisherman", "AGR"),
    ("trader", "BUS"),
    ("merchant", "BUS"),
    ("shopkeeper", "BUS"),
    ("investor", "BUS"),
    ("citizen", "CVL"),
    ("youth", "CVL"),
    ("settler", "CVL"),
    ("elder", "CVL"),
    ("monk", "REL"),
    ("imam", "REL"),
    ("governor", "GOV"),
    ("mayor", "GOV"),
    // A town's or county's council governs it: "Welsh councils", "the council voted".
    ("council", "GOV"),
    ("councillor", "GOV"),
    ("councilor", "GOV"),
    ("king", "GOV"),
    ("queen", "GOV"),
    ("monarch", "GOV"),
    ("junta", "MIL"),
    ("marine", "MIL"),
    ("paratrooper", "MIL"),
    ("mp", "LEG"),
    ("watchdog", "NGO"),
    ("charity", "NGO"),
    ("ngo", "NGO"),
    ("emir", "GOV"),
    ("peacekeeper", "MIL"),
    ("prisoner", "CVL"),
    ("detainee", "CVL"),
    ("inhabitant", "CVL"),
];

/// The sector an agent noun's lemma stands for.
///
/// ```
/// use kestrel_actors::agent_sector;
/// // "asks the Queen to dissolve Parliament": a monarch is the head of state.
/// assert_eq!(agent_sector("queen"), Some("GOV"));
/// assert_eq!(agent_sector("rebel"), Some("REB"));
/// assert_eq!(agent_sector("table"), None);
/// ```
pub fn agent_sector(lemma: &str) -> Option<&'static str> {
    AGENT_NOUNS
        .iter()
        .find(|(l, _)| *l == lemma)
        .map(|(_, s)| *s)
}

/// Nouns that say, right before a name, that the name is a business's: "the oil firm Zendra",
/// "carmaker Velox", "the broadcaster Kanal Nord". Each with the sector of the business it
/// names: media (JRN) for broadcasters, newspapers and publishers; none for "group", which
/// names campaigns ("the pressure group ...") as often as companies.
const BUSINESS_NOUNS: &[(&str, Option<&str>)] = &[
    ("company", Some("BUS")),
    ("firm", Some("BUS")),
    ("giant", Some("BUS")),
    ("conglomerate", Some("BUS")),
    ("multinational", Some("BUS")),
    ("maker", Some("BUS")),
    ("carmaker", Some("BUS")),
    ("automaker", Some("BUS")),
    ("drugmaker", Some("BUS")),
    ("chipmaker", Some("BUS")),
    ("steelmaker", Some("BUS")),
    ("planemaker", Some("BUS")),
    ("bookmaker", Some("BUS")),
    ("manufacturer", Some("BUS")),
    ("retailer", Some("BUS")),
    ("supermarket", Some("BUS")),
    ("chain", Some("BUS")),
    ("bank", Some("BUS")),
    ("lender", Some("BUS")),
    ("insurer", Some("BUS")),
    ("airline", Some("BUS")),
    ("carrier", Some("BUS")),
    ("operator", Some("BUS")),
    ("brewer", Some("BUS")),
    ("refiner", Some("BUS")),
    ("supplier", Some("BUS")),
    ("exporter", Some("BUS")),
    ("distributor", Some("BUS")),
    ("fund", Some("BUS")),
    ("label", Some("BUS")),
    ("startup", Some("BUS")),
    ("broadcaster", Some("JRN")),
    ("newspaper", Some("JRN")),
    ("publisher", Some("JRN")),
    ("group", None),
];

/// Words before "maker" or "carrier" that make it a person's trade or no business
/// ("film-maker", "policy maker", "aircraft carrier"). ("Producer" is no business noun at all:
/// before a name it is mostly a film's or a record's producer, a person.)
const NO_BUSINESS_BEFORE: &[&str] = &[
    "film",
    "movie",
    "documentary",
    "policy",
    "decision",
    "peace",
    "law",
    "programme",
    "program",
    "trouble",
    "match",
    "king",
    "aircraft",
    "mail",
    "letter",
    "flag",
];

/// Whether the word at `k` is a business noun standing right before a name, and if so the
/// sector of the business it names (`Some(None)` for "group"). The noun must be written in
/// lower case ("Bank" in "Deutsche Bank" is part of a name) and, where its part-of-speech
/// tag (XPOS) is known, read as a noun ("two giant plants" holds none). A compound split at
/// its hyphen ("chip - maker", "film - maker") is read by its first part.
///
/// ```
/// let words = ["the", "oil", "giant", "Zendra"];
/// assert_eq!(kestrel_actors::business_noun(&words, 2, Some("NN")), Some(Some("BUS")));
/// assert_eq!(kestrel_actors::business_noun(&words, 2, Some("JJ")), None);
/// let words = ["the", "film", "-", "maker", "Ana", "Ruiz"];
/// assert_eq!(kestrel_actors::business_noun(&words, 3, None), None);
/// ```
pub fn business_noun(words: &[&str], k: usize, tag: Option<&str>) -> Option<Option<&'static str>> {
    if tag.is_some_and(|t| !t.starts_with("NN")) {
        return None;
    }
    let word = *words.get(k)?;
    let sector = BUSINESS_NOUNS.iter().find(|(n, _)| *n == word)?.1;
    if matches!(word, "maker" | "carrier") {
        let before = match k.checked_sub(1).map(|b| words[b]) {
            Some("-") => k.checked_sub(2).map(|b| words[b]),
            other => other,
        };
        if before.is_some_and(|b| NO_BUSINESS_BEFORE.contains(&b.to_lowercase().as_str())) {
            return None;
        }
    }
    Some(sector)
}
