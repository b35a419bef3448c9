//! How much: money with ISO 4217 currencies, percentages, and counts of people.
//!
//! - Money: a currency sign or code before the number ("$360 million", "€2bn", "USD 500,000",
//!   "US$1.5 billion", "£40m") or a currency word after it ("1.2 billion dollars", "300,000
//!   euros", "5 million rubles").
//! - Percentages: "12%", "12 percent", "12 per cent".
//! - People: a number or a vague quantity word before a word for people ("at least 20 people",
//!   "dozens of protesters", "three soldiers"); "at least", "more than" and vague words mark the
//!   value as a floor.
#![deny(missing_docs)]

use kestrel_core::{Amount, AmountKind, Document, Layer, Span, Stage};

/// Signs and codes written before the number.
const PREFIXES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("us$", "USD"),
    ("usd", "USD"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("¥", "JPY"),
    ("jpy", "JPY"),
    ("rmb", "CNY"),
    ("cny", "CNY"),
    ("₹", "INR"),
    ("inr", "INR"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("₽", "RUB"),
    ("rub", "RUB"),
    ("₴", "UAH"),
    ("uah", "UAH"),
    ("chf", "CHF"),
    ("a$", "AUD"),
    ("aud", "AUD"),
    ("c$", "CAD"),
    ("cad", "CAD"),
    ("kes", "KES"),
    ("ksh", "KES"),
    ("ngn", "NGN"),
    ("₦", "NGN"),
    ("zar", "ZAR"),
    ("r", "ZAR"),
    ("₺", "TRY"),
    ("try", "TRY"),
    ("₩", "KRW"),
    ("krw", "KRW"),
    ("₪", "ILS"),
    ("ils", "ILS"),
    ("sar", "SAR"),
    ("aed", "AED"),
    ("brl", "BRL"),
    ("r$", "BRL"),
    ("mxn", "MXN"),
];

/// Currency words written after the number.
const SUFFIXES: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("shilling", "KES"),
    ("shillings", "KES"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("lira", "TRY"),
    ("won", "KRW"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("real", "BRL"),
    ("reais", "BRL"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("markka", "FIM"),
    ("guilder", "NLG"),
    ("guilders", "NLG"),
    ("peseta", "ESP"),
    ("pesetas", "ESP"),
    ("mark", "DEM"),
    ("marks", "DEM"),
    ("krona", "SEK"),
    ("kronor", "SEK"),
    ("krone", "NOK"),
    ("kroner", "NOK"),
];

/// Nationality words that name a different currency of the same name: "Australian dollars".
const NATIONAL: &[(&str, &str, &str)] = &[
    ("australian", "dollar", "AUD"),
    ("canadian", "dollar", "CAD"),
    ("us", "dollar", "USD"),
    ("u.s.", "dollar", "USD"),
    ("american", "dollar", "USD"),
    ("singapore", "dollar", "SGD"),
    ("zealand", "dollar", "NZD"),
    ("taiwan", "dollar", "TWD"),
    ("kong", "dollar", "HKD"),
    ("swiss", "franc", "CHF"),
    ("french", "franc", "FRF"),
    ("belgian", "franc", "BEF"),
    ("finnish", "markka", "FIM"),
    ("dutch", "guilder", "NLG"),
    ("chinese", "yuan", "CNY"),
    ("japanese", "yen", "JPY"),
    ("mexican", "peso", "MXN"),
    ("argentine", "peso", "ARS"),
    ("philippine", "peso", "PHP"),
    ("indian", "rupee", "INR"),
    ("pakistani", "rupee", "PKR"),
    ("swedish", "krona", "SEK"),
    ("norwegian", "krone", "NOK"),
    ("danish", "krone", "DKK"),
    ("german", "mark", "DEM"),
    ("turkish", "lira", "TRY"),
    ("egyptian", "pound", "EGP"),
    ("british", "pound", "GBP"),
    ("lebanese", "pound", "LBP"),
    ("south", "rand", "ZAR"),
];

/// Subunits: "50 cents" is half a dollar.
const SUBUNITS: &[(&str, &str)] = &[
    ("cent", "USD"),
    ("cents", "USD"),
    ("penny", "GBP"),
    ("pence", "GBP"),
];

/// The currency of a currency word with the word before it ("Swiss francs").
fn currency_word(before: &str, word: &str) -> Option<&'static str> {
    let base = lookup(SUFFIXES, word)?;
    let singular = word.trim_end_matches('s');
    Some(
        NATIONAL
            .iter()
            .find(|(adj, w, _)| *adj == before && (singular == *w || word == *w))
            .map_or(base, |&(_, _, code)| code),
    )
}

/// Scale words and suffixes.
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mn", 1e6),
    ("m", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Words for people, and vague quantities with the least number they allow.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "soldiers",
    "troops",
    "protesters",
    "demonstrators",
    "children",
    "women",
    "men",
    "migrants",
    "refugees",
    "prisoners",
    "detainees",
    "fighters",
    "militants",
    "rebels",
    "police",
    "officers",
    "students",
    "workers",
    "journalists",
    "residents",
    "villagers",
    "passengers",
    "hostages",
    "members",
    "activists",
    "supporters",
];

const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("tens", 20.0),
    ("several", 3.0),
    ("dozen", 12.0),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
];

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// A written number: "360", "1,200", "1.5", "2bn" (with its scale), or a number word.
fn number(word: &str) -> Option<(f64, f64)> {
    let digits: String = word
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return lookup(NUMBER_WORDS, word).map(|v| (v, 1.0));
    }
    let value: f64 = digits.replace(',', "").trim_end_matches('.').parse().ok()?;
    let rest = &word[digits.len()..];
    let scale = if rest.is_empty() {
        1.0
    } else {
        lookup(SCALES, rest)?
    };
    Some((value, scale))
}

/// Finds a document's amounts (needs the `segment` layer).
pub fn find_amounts(doc: &Document) -> Vec<Amount> {
    let mut out = Vec::new();
    for (s_idx, s) in doc.sentences.iter().enumerate() {
        let toks = doc.sentence_tokens(s);
        let words: Vec<String> = toks
            .iter()
            .map(|t| doc.slice(t.span).to_lowercase())
            .collect();
        let w = |k: usize| words.get(k).map(String::as_str).unwrap_or("");
        let mut i = 0;
        while i < words.len() {
            let floor = i >= 2
                && matches!(
                    (w(i - 2), w(i - 1)),
                    ("at", "least") | ("more", "than") | ("over", _)
                )
                || i >= 1 && matches!(w(i - 1), "over" | "nearly" | "almost");
            let mut push =
                |start: usize, end: usize, kind, value: f64, currency: Option<&str>, at_least| {
                    out.push(Amount {
                        span: Span::new(toks[start].span.start, toks[end - 1].span.end),
                        sentence: s_idx,
                        kind,
                        value,
                        currency: currency.map(String::from),
                        at_least,
                    });
                };
            // "$360 million", "USD 500,000", "€2bn".
            if let Some(cur) = lookup(PREFIXES, w(i)) {
                if let Some((v, scale)) = number(w(i + 1)) {
                    let extra = lookup(SCALES, w(i + 2));
                    let end = i + 2 + usize::from(extra.is_some());
                    push(
                        i,
                        end,
                        AmountKind::Money,
                        v * scale * extra.unwrap_or(1.0),
                        Some(cur),
                        floor,
                    );
                    i = end;
                    continue;
                }
            }
            if let Some((v, scale)) = number(w(i)) {
                let extra = lookup(SCALES, w(i + 1));
                let after = i + 1 + usize::from(extra.is_some());
                let value = v * scale * extra.unwrap_or(1.0);
                // "1.2 billion dollars", "420 million Finnish markka".
                if let Some(cur) = lookup(SUFFIXES, w(after)) {
                    push(i, after + 1, AmountKind::Money, value, Some(cur), floor);
                    i = after + 1;
                    continue;
                }
                if let Some(cur) = currency_word(w(after), w(after + 1)) {
                    push(i, after + 2, AmountKind::Money, value, Some(cur), floor);
                    i = after + 2;
                    continue;
                }
                if let Some(cur) = lookup(SUBUNITS, w(after)) {
                    push(
                        i,
                        after + 1,
                        AmountKind::Money,
                        value / 100.0,
                        Some(cur),
                        floor,
                    );
                    i = after + 1;
                    continue;
                }
                // "12%", "12 percent", "12 per cent".
                if w(after) == "%" || w(after) == "percent" {
                    push(i, after + 1, AmountKind::Percent, value, None, floor);
                    i = after + 1;
                    continue;
                }
                if w(after) == "per" && w(after + 1) == "cent" {
                    push(i, after + 2, AmountKind::Percent, value, None, floor);
                    i = after + 2;
                    continue;
                }
                // "20 people", "three soldiers".
                if PEOPLE.contains(&w(after)) {
                    push(i, after + 1, AmountKind::People, value, None, floor);
                    i = after + 1;
                    continue;
                }
            }
            // "dozens of protesters", "hundreds of people".
            if let Some(v) = lookup(VAGUE, w(i)) {
                let of = usize::from(w(i + 1) == "of");
                if PEOPLE.contains(&w(i + 1 + of)) {
                    push(i, i + 2 + of, AmountKind::People, v, None, true);
                    i += 2 + of;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// The pipeline stage that adds the `amounts` layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct AmountStage;

impl Stage for AmountStage {
    fn name(&self) -> &'static str {
        "amounts"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Segment]
    }

    fn assigns(&self) -> Layer {
        Layer::Amounts
    }

    fn process(&self, doc: &mut Document) {
        doc.amounts = find_amounts(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(String, &'static str, f64, Option<String>, bool)> {
        let mut doc = Document::new("t", text);
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        find_amounts(&doc)
            .into_iter()
            .map(|a| {
                (
                    doc.slice(a.span).to_string(),
                    a.kind.name(),
                    a.value,
                    a.currency,
                    a.at_least,
                )
            })
            .collect()
    }

    #[test]
    fn money_in_signs_codes_and_words() {
        let got = amounts(
            "Valdoria pledged $360 million, Kessland €2bn, and the bank 1.2 billion dollars and USD 500,000.",
        );
        let money: Vec<(String, f64, Option<String>)> = got
            .iter()
            .map(|a| (a.0.clone(), a.2, a.3.clone()))
            .collect();
        assert_eq!(
            money,
            [
                ("$360 million".to_string(), 360e6, Some("USD".to_string())),
                ("€2bn".to_string(), 2e9, Some("EUR".to_string())),
                (
                    "1.2 billion dollars".to_string(),
                    1.2e9,
                    Some("USD".to_string())
                ),
                (
                    "USD 500,000".to_string(),
                    500_000.0,
                    Some("USD".to_string())
                ),
            ]
        );
    }

    #[test]
    fn percentages_and_people() {
        let got = amounts(
            "Prices rose 12% as at least 20 people died and dozens of protesters were held.",
        );
        assert_eq!(got[0].1, "percent");
        assert_eq!(got[0].2, 12.0);
        assert_eq!((got[1].1, got[1].2, got[1].4), ("people", 20.0, true));
        assert_eq!((got[2].1, got[2].2, got[2].4), ("people", 24.0, true));
    }
}
