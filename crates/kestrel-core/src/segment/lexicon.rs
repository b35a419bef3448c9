//! Word lists the segmenter needs: abbreviations, bound prefixes and sentence openers.
//!
//! These are facts of English orthography and of news style, not of any one corpus.

/// Abbreviations that stand before a name or number and so never end a sentence.
const PREFIX_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm",
    "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Det",
    "Amb", "Atty", "Fr", "Msgr", "Sr", "Sra", "Mme", "Mlle", "Messrs", "St", "Mt", "Ft", "No",
    "Nos", "Vol", "Vols", "Fig", "Figs", "Art", "Sec", "Ch", "Ref", "vs", "v", "e.g", "i.e", "cf",
    "viz", "ca", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "Hwy", "Pl", "Sq", "ext", "tel", "pp", "para", "Op",
];

/// Abbreviations that often end a sentence as well ("... owned by Acme Inc.").
const FINAL_ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "plc", "LLC", "Jr", "etc", "al", "Assn", "Dept",
    "Univ", "Ariz", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun", "mln", "bln", "yrs", "hrs", "min", "sq", "ft", "lb", "lbs", "oz", "kg", "km",
];

/// True when `stem` (without its final period) is a known abbreviation.
pub fn is_abbreviation(stem: &str) -> bool {
    PREFIX_ABBREVIATIONS.contains(&stem) || FINAL_ABBREVIATIONS.contains(&stem)
}

/// True when a word ending in a period stands before what follows and cannot end a sentence:
/// titles ("Gen."), "e.g.", "No." and the like. Initials ("F.") are not listed: they end a
/// sentence when a typical sentence opener follows ("... because of X. So we left.").
pub fn is_prefix_abbreviation(word: &str) -> bool {
    let stem = word.strip_suffix('.').unwrap_or(word);
    PREFIX_ABBREVIATIONS.contains(&stem)
}

/// Prefixes that UD English keeps joined to the word after their hyphen ("co-founder").
const BOUND_PREFIXES: &[&str] = &[
    "e", "co", "pre", "post", "non", "semi", "re", "multi", "ex", "anti", "sub", "over", "vice",
    "un", "socio", "mid", "pro", "inter", "intra", "counter", "micro", "macro", "mini", "neo",
    "quasi", "ultra", "trans", "pseudo", "bi", "tri", "de", "psycho", "geo",
];

/// True when `piece` (the text before a hyphen) is a bound prefix.
pub fn is_bound_prefix(piece: &str) -> bool {
    let lower = piece.to_ascii_lowercase();
    BOUND_PREFIXES.contains(&lower.as_str())
}

/// Capitalised words that usually open a sentence. After an abbreviation that may end a
/// sentence ("U.S.", "Inc."), one of these signals a new sentence; a proper noun does not.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "With",
    "By",
    "From",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Although",
    "Though",
    "Because",
    "Since",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Meanwhile",
    "However",
    "Still",
    "Also",
    "Then",
    "Now",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Other",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Both",
    "Each",
    "Every",
    "Several",
    "Few",
    "Officials",
    "Police",
    "According",
    "Under",
    "Over",
    "During",
    "Despite",
    "Until",
    "About",
    "More",
    "Only",
    "Even",
    "Instead",
    "Asked",
    "Speaking",
    "Among",
    "Without",
    "Further",
    "Separately",
];

/// True when a capitalised word usually opens a sentence.
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}
