//! English inflection as spelling writes it, for the stages that must undo it.

/// The base forms an inflected verb may have by English spelling, most likely first: "-ed",
/// "-ing" or "-s" taken off, with a final "e" restored ("resumed" → "resume"), a doubled
/// consonant undoubled ("expelled" → "expel") or "i" turned back to "y" ("carried" →
/// "carry"); "-es" only after sibilants and "o" ("pushes", "goes"). Which one is right needs a
/// lexicon: callers keep the candidates their vocabulary knows.
///
/// ```
/// let forms = kestrel_core::morphology::verb_base_forms("resumed");
/// assert!(forms.contains(&"resume".to_string()));
/// assert!(kestrel_core::morphology::verb_base_forms("expelled").contains(&"expel".to_string()));
/// ```
pub fn verb_base_forms(form: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    for suffix in ["ed", "ing"] {
        let Some(stem) = form.strip_suffix(suffix) else {
            continue;
        };
        push(format!("{stem}e"));
        push(stem.to_string());
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            push(stem[..stem.len() - 1].to_string());
        }
        if let Some(i) = stem.strip_suffix('i') {
            push(format!("{i}y"));
        }
    }
    if let Some(stem) = form.strip_suffix("ies") {
        push(format!("{stem}y"));
    }
    if let Some(stem) = form.strip_suffix("es").filter(|s| {
        ["s", "x", "z", "ch", "sh", "o"]
            .iter()
            .any(|e| s.ends_with(e))
    }) {
        push(stem.to_string());
    }
    if let Some(stem) = form.strip_suffix('s') {
        push(stem.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_inflected_verbs() {
        assert_eq!(verb_base_forms("carried"), ["carrie", "carri", "carry"]);
        assert!(verb_base_forms("pushes").contains(&"push".to_string()));
        // "-es" after other letters is "-s" off the "e" form: "departes" is no "depart".
        assert_eq!(verb_base_forms("departes"), ["departe"]);
        assert!(verb_base_forms("walk").is_empty());
    }
}
