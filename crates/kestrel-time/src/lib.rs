//! When: temporal expressions in news text, with TimeML TIMEX3 values resolved against the
//! publication date.
//!
//! - Absolute dates: "July 8, 2022", "8 July 2022", "July 2022", "2022-07-08", "in 2021",
//!   "mid-2021"; a month and day without a year take the publication year.
//! - Dates relative to the publication date: "today", "yesterday", "tomorrow", weekday names
//!   ("on Friday": the last one on or before the publication date, or the next one in a clause
//!   about the future), "last week", "this month", "next year", "earlier this year", "two days
//!   ago", "this morning", "now" (`PRESENT_REF`), "recently" (`PAST_REF`), quarters.
//! - Durations ("five hours", "a 12-year rift": `PT5H`, `P12Y`) and sets ("every week",
//!   "daily": `P1W`, `P1D`) are kept apart from dates.
//!
//! Without a publication date, relative expressions are found but have no value.
#![deny(missing_docs)]

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use kestrel_core::{Document, Layer, Span, Stage, TimeExpression, TimexKind};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German, for pages' written dates ("5. März 2024").
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const NUMBERS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("several", 0),
    ("few", 0),
    ("many", 0),
];

/// A TIMEX3 duration: decades and centuries in years, hours and minutes after `T`.
fn duration(n: u32, unit: &str, time: bool) -> String {
    match unit {
        "DE" => format!("P{}Y", n * 10),
        "CE" => format!("P{}Y", n * 100),
        u if time => format!("PT{n}{u}"),
        u => format!("P{n}{u}"),
    }
}

/// A unit of time: its TIMEX3 letter and whether it is a time (hours, minutes) rather than a
/// date unit.
fn unit(word: &str) -> Option<(&'static str, bool)> {
    let w = word.trim_end_matches('s');
    Some(match w {
        "year" => ("Y", false),
        "month" => ("M", false),
        "week" => ("W", false),
        "day" => ("D", false),
        "decade" => ("DE", false),
        "century" | "centurie" => ("CE", false),
        "hour" => ("H", true),
        "minute" => ("M", true),
        _ => return None,
    })
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

fn number(word: &str) -> Option<u32> {
    word.parse::<u32>()
        .ok()
        .or_else(|| NUMBERS.iter().find(|(n, _)| *n == word).map(|&(_, v)| v))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn quarter_of(d: NaiveDate) -> String {
    format!("{:04}-Q{}", d.year(), d.month0() / 3 + 1)
}

fn week_of(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn shift_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

/// A month and day without a year: the one nearest the publication date ("Nov. 25" in a
/// January story is last November's).
fn nearest(anchor: NaiveDate, m: u32, d: u32) -> Option<String> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|c| (*c - anchor).num_days().abs())
        .map(|c| c.format("%Y-%m-%d").to_string())
}

/// The publication date as a calendar date.
pub fn anchor(doc: &Document) -> Option<NaiveDate> {
    let p = doc.published.as_deref()?;
    NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok()
}

/// One match: how many words it covers, its kind, value and whether it is relative.
struct Found {
    len: usize,
    kind: TimexKind,
    value: Option<String>,
    relative: bool,
}

/// Matches a temporal expression starting at word `i` of a sentence.
fn match_at(words: &[String], i: usize, anchor: Option<NaiveDate>, future: bool) -> Option<Found> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let found = |len: usize, kind: TimexKind, value: Option<String>, relative: bool| {
        Some(Found {
            len,
            kind,
            value,
            relative,
        })
    };
    let date = |len: usize, value: Option<String>, relative: bool| {
        found(len, TimexKind::Date, value, relative)
    };
    // ISO dates and "mid-2021".
    if let Some(d) = kestrel_core::ingest::normalise_date(w(0)).filter(|_| w(0).len() == 10) {
        return date(1, Some(d), false);
    }
    if let Some(y) = w(0).strip_prefix("mid-").and_then(year) {
        return date(1, Some(format!("{y:04}")), false);
    }
    // Month-name dates.
    if let Some(m) = month(w(0)) {
        let may_is_verb = w(0) == "may" && day(w(1)).is_none() && year(w(1)).is_none();
        if !may_is_verb {
            if let Some(d) = day(w(1)) {
                let comma = usize::from(w(2) == ",");
                if let Some(y) = year(w(2 + comma)) {
                    return date(3 + comma, Some(ymd(y, m, d)), false);
                }
                return date(2, anchor.and_then(|a| nearest(a, m, d)), true);
            }
            if let Some(y) = year(w(1)) {
                return date(2, Some(format!("{y:04}-{m:02}")), false);
            }
        }
    }
    if let (Some(d), Some(m)) = (day(w(0)), month(w(1))) {
        if let Some(y) = year(w(2)) {
            return date(3, Some(ymd(y, m, d)), false);
        }
        return date(2, anchor.and_then(|a| nearest(a, m, d)), true);
    }
    // Weekdays.
    if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w(0)) {
        let value = anchor.map(|a| {
            // The most recent such day, the publication day included (wire stories name the
            // day they are filed); in a clause about the future, the next one.
            let step = if future { 1 } else { -1 };
            let mut d = a;
            while d.weekday() != wd {
                d += Duration::days(step);
            }
            d.format("%Y-%m-%d").to_string()
        });
        return date(1, value, true);
    }
    // Deictic words.
    let shift =
        |days: i64| anchor.map(|a| (a + Duration::days(days)).format("%Y-%m-%d").to_string());
    match w(0) {
        "today" => return date(1, shift(0), true),
        "yesterday" => return date(1, shift(-1), true),
        "tomorrow" => return date(1, shift(1), true),
        "tonight" => {
            return found(
                1,
                TimexKind::Time,
                shift(0).map(|d| format!("{d}TNI")),
                true,
            )
        }
        "now" | "currently" | "current" => return date(1, Some("PRESENT_REF".into()), false),
        "recently" | "lately" | "recent" | "previously" => {
            return date(1, Some("PAST_REF".into()), false)
        }
        "soon" | "future" => return date(1, Some("FUTURE_REF".into()), false),
        "daily" => return found(1, TimexKind::Set, Some("P1D".into()), false),
        "weekly" => return found(1, TimexKind::Set, Some("P1W".into()), false),
        "monthly" => return found(1, TimexKind::Set, Some("P1M".into()), false),
        "annually" | "yearly" => return found(1, TimexKind::Set, Some("P1Y".into()), false),
        _ => {}
    }
    // "this morning", "last week", "next month", "this year", "earlier this year".
    let (lead, deictic) = match (w(0), w(1)) {
        ("earlier" | "later", "this") => (1, "this"),
        (x @ ("last" | "this" | "next" | "past" | "coming"), _) => (0, x),
        _ => (usize::MAX, ""),
    };
    if lead != usize::MAX && !deictic.is_empty() {
        let noun = w(lead + 1);
        let len = lead + 2;
        let step = match deictic {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let value = match noun {
            "week" => anchor.map(|a| week_of(a + Duration::weeks(step))),
            "weekend" => anchor.map(|a| format!("{}-WE", week_of(a + Duration::weeks(step)))),
            "month" => anchor.map(|a| {
                let d = shift_months(a, step as i32);
                format!("{:04}-{:02}", d.year(), d.month())
            }),
            "year" => anchor.map(|a| format!("{:04}", a.year() + step as i32)),
            "morning" | "afternoon" | "evening" | "night" if step == 0 => {
                let part = match noun {
                    "morning" => "MO",
                    "afternoon" => "AF",
                    "evening" => "EV",
                    _ => "NI",
                };
                return found(
                    len,
                    TimexKind::Time,
                    shift(0).map(|d| format!("{d}T{part}")),
                    true,
                );
            }
            "summer" | "winter" | "spring" | "fall" | "autumn" => {
                let season = match noun {
                    "summer" => "SU",
                    "winter" => "WI",
                    "spring" => "SP",
                    _ => "FA",
                };
                anchor.map(|a| format!("{:04}-{season}", a.year() + step as i32))
            }
            n if WEEKDAYS.iter().any(|(d, _)| *d == n) => {
                // "last Friday", "next Tuesday".
                let f = match_at(words, i + lead + 1, anchor, step > 0)?;
                return date(len, f.value, true);
            }
            _ => None,
        };
        if value.is_some() || anchor.is_none() && matches!(noun, "week" | "month" | "year") {
            return date(len, value, true);
        }
    }
    // "the future", "the past", "the weekend", "the year", "the quarter".
    if w(0) == "the" {
        match w(1) {
            "future" => return date(2, Some("FUTURE_REF".into()), false),
            "past" if unit(w(2)).is_none() => return date(2, Some("PAST_REF".into()), false),
            "weekend" => return date(2, anchor.map(|a| format!("{}-WE", week_of(a))), true),
            "year" => return date(2, anchor.map(|a| format!("{:04}", a.year())), true),
            "quarter" => return date(2, anchor.map(quarter_of), true),
            "latest" if w(2) == "quarter" => return date(3, anchor.map(quarter_of), true),
            _ => {}
        }
    }
    // "the third quarter", "third-quarter", "third quarter".
    let lead = usize::from(w(0) == "the");
    let ordinal = match w(lead) {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    };
    if let Some(q) = ordinal {
        let hyphen = usize::from(w(lead + 1) == "-");
        if w(lead + 1 + hyphen) == "quarter" {
            return date(
                lead + 2 + hyphen,
                anchor.map(|a| format!("{:04}-Q{q}", a.year())),
                true,
            );
        }
    }
    // A month named alone ("in January", "late November", "last April"): the nearest one.
    {
        let modifier = usize::from(matches!(
            w(0),
            "early" | "late" | "mid" | "last" | "this" | "next" | "since" | "in" | "until"
        ));
        let name = w(modifier);
        if let Some(m) = month(name).filter(|_| name != "may" && name.len() > 3) {
            let keep = if matches!(w(0), "since" | "in" | "until") {
                0
            } else {
                modifier
            };
            let value = anchor.map(|a| {
                let y = (a.year() - 1..=a.year() + 1)
                    .filter(|&y| match w(0) {
                        "last" => (y, m) < (a.year(), a.month()),
                        "next" => (y, m) > (a.year(), a.month()),
                        _ => true,
                    })
                    .min_by_key(|&y| {
                        ((y * 12 + m as i32) - (a.year() * 12 + a.month() as i32)).abs()
                    })
                    .unwrap_or(a.year());
                format!("{y:04}-{m:02}")
            });
            if keep == 0 && modifier == 1 {
                return None;
            }
            return date(keep + 1, value, true);
        }
    }
    // Year alone, after a preposition or as the whole phrase ("in 2021", "since 1998").
    if let Some(y) = year(w(0)) {
        return date(1, Some(format!("{y:04}")), false);
    }
    // "every week", "each year".
    if matches!(w(0), "every" | "each") {
        if let Some((u, time)) = unit(w(1)) {
            let v = if time {
                format!("PT1{u}")
            } else {
                format!("P1{u}")
            };
            return found(2, TimexKind::Set, Some(v), false);
        }
    }
    // "two days ago", "five hours", "a 12-year rift".
    let (n, unit_at) = match number(w(0)) {
        Some(n) => (n, 1),
        None => {
            // "12-year" as one word.
            let (num, u) = w(0).split_once('-')?;
            let n = number(num)?;
            let (letter, time) = unit(u)?;
            return found(
                1,
                TimexKind::Duration,
                Some(duration(n, letter, time)),
                false,
            );
        }
    };
    // "two-year" split by the tokenizer into "two", "-", "year".
    if w(unit_at) == "-" {
        if let Some((letter, time)) = unit(w(unit_at + 1)) {
            return found(
                unit_at + 2,
                TimexKind::Duration,
                Some(duration(n.max(1), letter, time)),
                false,
            );
        }
    }
    let (u, time) = unit(w(unit_at))?;
    let amount = if n == 0 {
        "X".to_string()
    } else {
        n.to_string()
    };
    if w(unit_at + 1) == "ago" {
        let value = anchor.filter(|_| n > 0).map(|a| match u {
            "Y" => format!("{:04}", a.year() - n as i32),
            "M" if !time => {
                let d = shift_months(a, -(n as i32));
                format!("{:04}-{:02}", d.year(), d.month())
            }
            "W" => week_of(a - Duration::weeks(n as i64)),
            _ => (a - Duration::days(n as i64))
                .format("%Y-%m-%d")
                .to_string(),
        });
        return date(unit_at + 2, value, true);
    }
    let value = if n == 0 {
        if time {
            format!("PT{amount}{u}")
        } else {
            format!("P{amount}{u}")
        }
    } else {
        duration(n, u, time)
    };
    found(unit_at + 1, TimexKind::Duration, Some(value), false)
}

/// The first written date in a text, for pages whose metadata give none: `2024-03-05`, `05.03.2024`, `5 March 2024`,
/// `March 5, 2024`, `5. März 2024`.
pub fn first_written_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| {
        let y: String = w.chars().take_while(char::is_ascii_digit).collect();
        (y.len() == 4)
            .then(|| y.parse::<u32>().ok())
            .flatten()
            .filter(|y| (1990..=2035).contains(y))
    };
    let day = |w: &str| {
        let d: String = w.chars().take_while(char::is_ascii_digit).collect();
        d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
    };
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '/');
        // Numeric forms.
        if let Some(d) = kestrel_core::ingest::normalise_date(w) {
            return Some(d);
        }
        let parts: Vec<&str> = w.split(['.', '/']).filter(|p| !p.is_empty()).collect();
        if parts.len() == 3 && w.contains('.') {
            if let (Some(d), Ok(m), Some(y)) =
                (day(parts[0]), parts[1].parse::<u32>(), year(parts[2]))
            {
                if (1..=12).contains(&m) {
                    return kestrel_core::ingest::normalise_date(&format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        // "5 March 2024", "5. März 2024".
        if let (Some(d), Some(m), Some(y)) = (
            day(w),
            words.get(i + 1).and_then(|x| month(x)),
            words.get(i + 2).and_then(|x| year(x)),
        ) {
            return kestrel_core::ingest::normalise_date(&format!("{y:04}-{m:02}-{d:02}"));
        }
        // "March 5, 2024".
        if let (Some(m), Some(d), Some(y)) = (
            month(w),
            words.get(i + 1).and_then(|x| day(x)),
            words.get(i + 2).and_then(|x| year(x)),
        ) {
            return kestrel_core::ingest::normalise_date(&format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Finds and resolves a document's temporal expressions (needs the `segment` layer).
pub fn find_dates(doc: &Document) -> Vec<TimeExpression> {
    let anchor = anchor(doc);
    let mut out = Vec::new();
    for (s_idx, s) in doc.sentences.iter().enumerate() {
        let toks = doc.sentence_tokens(s);
        let words: Vec<String> = toks
            .iter()
            .map(|t| doc.slice(t.span).to_lowercase())
            .collect();
        let mut i = 0;
        while i < words.len() {
            // A word that only looks like a year or a number inside a longer number or name.
            // A clause about the future ("will meet on Tuesday") looks forward.
            let future = words[i.saturating_sub(5)..i]
                .iter()
                .any(|w| matches!(w.as_str(), "will" | "'ll" | "shall" | "wo"));
            let Some(f) = match_at(&words, i, anchor, future) else {
                i += 1;
                continue;
            };
            // "1,000" is no year, "Dec." alone no date.
            let first = &toks[i];
            let last = &toks[(i + f.len).min(toks.len()) - 1];
            let plausible = !(f.len == 1
                && f.kind == TimexKind::Date
                && !f.relative
                && year(&words[i]).is_some()
                && (i + 1 < words.len()
                    && matches!(words[i + 1].as_str(), "," | "." | "%")
                    && words
                        .get(i + 2)
                        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))));
            // A month's name is written with a capital; "march" and "august" are other words.
            let lowercase_month = f.len == 1
                && month(&words[i]).is_some()
                && !doc.slice(first.span).starts_with(char::is_uppercase);
            if plausible && !lowercase_month {
                out.push(TimeExpression {
                    span: Span::new(first.span.start, last.span.end),
                    sentence: s_idx,
                    kind: f.kind,
                    value: f.value,
                    relative: f.relative,
                });
            }
            i += f.len.max(1);
        }
    }
    out
}

/// The pipeline stage that adds the `dates` layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateStage;

impl Stage for DateStage {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Segment]
    }

    fn assigns(&self) -> Layer {
        Layer::Dates
    }

    fn process(&self, doc: &mut Document) {
        doc.dates = find_dates(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: &str) -> Vec<(String, &'static str, Option<String>)> {
        let mut doc = Document::new("t", text);
        doc.published = Some(published.into());
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        find_dates(&doc)
            .into_iter()
            .map(|x| (doc.slice(x.span).to_string(), x.kind.name(), x.value))
            .collect()
    }

    #[test]
    fn absolute_and_relative_dates_resolve() {
        // 2022-07-09 is a Saturday.
        let v = values(
            "The ministers met on Friday and again on July 3, 2021, and will meet on Tuesday.",
            "2022-07-09",
        );
        assert_eq!(
            v,
            [
                ("Friday".into(), "DATE", Some("2022-07-08".into())),
                ("July 3, 2021".into(), "DATE", Some("2021-07-03".into())),
                ("Tuesday".into(), "DATE", Some("2022-07-12".into())),
            ]
        );
        let v = values(
            "Talks stalled last week and resumed two days ago.",
            "2022-07-09",
        );
        assert_eq!(v[0].2.as_deref(), Some("2022-W26"));
        assert_eq!(v[1].2.as_deref(), Some("2022-07-07"));
    }

    #[test]
    fn months_quarters_and_references() {
        let v = values(
            "Sales rose in the third quarter, as in November, and will rise in the future.",
            "2023-01-20",
        );
        assert_eq!(
            v[0],
            ("the third quarter".into(), "DATE", Some("2023-Q3".into()))
        );
        // November nearest to a January story is the one before it.
        assert_eq!(v[1], ("November".into(), "DATE", Some("2022-11".into())));
        assert_eq!(
            v[2],
            ("the future".into(), "DATE", Some("FUTURE_REF".into()))
        );
        // "march" in lowercase is a verb, not a month.
        let v = values("Thousands will march through the city.", "2023-01-20");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn durations_and_sets_are_kept_apart() {
        let v = values(
            "After five hours of talks, they agreed to meet every week to end a two-decade feud.",
            "2022-07-09",
        );
        assert_eq!(v[0], ("five hours".into(), "DURATION", Some("PT5H".into())));
        assert_eq!(v[1], ("every week".into(), "SET", Some("P1W".into())));
        assert_eq!(v[2], ("two-decade".into(), "DURATION", Some("P20Y".into())));
    }

    #[test]
    fn without_a_publication_date_relative_values_stay_open() {
        let mut doc = Document::new("t", "They met yesterday, in 2021.");
        kestrel_core::pipeline::SegmentStage.process(&mut doc);
        let found = find_dates(&doc);
        assert_eq!(found[0].value, None);
        assert_eq!(found[1].value.as_deref(), Some("2021"));
    }
}
