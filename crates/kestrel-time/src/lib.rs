//! When: temporal expressions in news text, with TimeML TIMEX3 values resolved against the
//! publication date.
//!
//! - Absolute dates: "July 8, 2022", "8 July 2022", "July 2022", "2022-07-08", "in 2021",
//!   "mid-2021"; a month and day without a year take the publication year.
//! - Dates relative to the publication date: "today", "yesterday", "tomorrow", weekday names
//!   ("on Friday": the last one on or before the publication date, or the next one in a clause
//!   about the future), "last week", "this month", "next year", "earlier this year", "two days
//!   ago", "this morning", "now" (`PRESENT_REF`), "recently" (`PAST_REF`), decades ("the
//!   early 1980s": `198`). A clause about the future ("will", "is scheduled to", "planned
//!   to", "as early as") looks forward.
//! - Quarters as financial news uses them: "the third quarter" is the latest one to have begun;
//!   "the quarter" and "the latest quarter" the one the story named last, else the last one to
//!   have ended; "a year earlier" and "the year-ago quarter" that quarter a year before.
//! - Holidays with a fixed rule: Christmas, New Year's Day and Eve, Thanksgiving, Halloween,
//!   Valentine's Day.
//! - Durations ("five hours", "a 12-year rift", "the past four months": `PT5H`, `P12Y`, `P4M`)
//!   and sets ("every week",
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

/// Month names of other languages, for the written dates of web pages only: French, Spanish,
/// Italian, Portuguese, Dutch, Polish and Russian (genitive, as dates write them).
const PAGE_MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
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
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
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

/// A TIMEX3 span of `amount` units as written ("1", "X"), hours and minutes after `T`.
fn span_of(amount: &str, unit: &str, time: bool) -> String {
    if time {
        format!("PT{amount}{unit}")
    } else {
        format!("P{amount}{unit}")
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
        "quarter" => ("Q", false),
        "century" | "centurie" => ("CE", false),
        "hour" => ("H", true),
        "minute" => ("M", true),
        _ => return None,
    })
}

/// TIMEX3's code of a season's name.
fn season_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "summer" => "SU",
        "winter" => "WI",
        "spring" => "SP",
        "fall" | "autumn" => "FA",
        _ => return None,
    })
}

/// The decade digit of a decade's name ("nineties": 9), for the twentieth century.
fn decade_word(word: &str) -> Option<u32> {
    let names = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    names.iter().position(|n| *n == word).map(|i| i as u32 + 2)
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

fn number(word: &str) -> Option<u32> {
    word.parse::<u32>()
        .ok()
        .or_else(|| NUMBERS.iter().find(|(n, _)| *n == word).map(|&(_, v)| v))
        .or_else(|| {
            // "twenty-five" as one word.
            let (tens, unit) = word.split_once('-')?;
            tens_and_unit(tens, unit)
        })
}

/// "twenty" and "five" → 25.
fn tens_and_unit(tens: &str, unit: &str) -> Option<u32> {
    let t = number(tens).filter(|t| (20..=90).contains(t) && t % 10 == 0)?;
    let u = number(unit).filter(|u| (1..=9).contains(u) && unit != "a")?;
    Some(t + u)
}

/// A count of one word at `words[i]`, or "twenty - five" as the tokenizer splits it: the
/// number and how many words it takes.
fn count_at(words: &[String], i: usize) -> Option<(u32, usize)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    if w(1) == "-" {
        if let Some(n) = tens_and_unit(w(0), w(2)) {
            return Some((n, 3));
        }
    }
    // "a couple of years".
    if w(0) == "a" && w(1) == "couple" && w(2) == "of" {
        return Some((2, 3));
    }
    let n = number(w(0))?;
    // "a hundred years", "two hundred days".
    let len = if w(1) == "hundred" && (1..=9).contains(&n) {
        2
    } else {
        1
    };
    let n = if len == 2 { n * 100 } else { n };
    // "two more weeks", "an additional year", "six trading days": the count still measures
    // the unit after the word between.
    let between = matches!(
        w(len),
        "more" | "additional" | "extra" | "further" | "trading" | "business" | "working"
    ) && unit(w(len + 1)).is_some();
    Some((n, len + usize::from(between)))
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

/// Which way from the publication date a clause looks, by its words and its verb's tense.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Past,
    Future,
    Either,
}

/// A month and day without a year: the nearest to the publication date ("Nov. 25" in a January
/// story is last November's); in a clause about the future the first one on or after it; in a
/// clause in the past tense one before it, unless the next one is three times nearer (a past
/// tense verb does not make "payable Nov. 16" a year old in a story of November 2).
fn nearest(anchor: NaiveDate, m: u32, d: u32, direction: Direction) -> Option<String> {
    let distance = |c: &NaiveDate| {
        let days = (*c - anchor).num_days();
        match direction {
            Direction::Past if days > 0 => days * 3,
            _ => days.abs(),
        }
    };
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .filter(|c| direction != Direction::Future || *c >= anchor)
        .min_by_key(distance)
        .map(|c| c.format("%Y-%m-%d").to_string())
}

/// A month named without a year: the nearest one to the publication date, or after "last"
/// the nearest before it and after "next" (or in a clause about the future) the nearest after
/// it; in the past tense, as for a day (`nearest`).
fn nearest_month(a: NaiveDate, m: u32, modifier: &str, direction: Direction) -> String {
    let months = |y: i32| (y * 12 + m as i32) - (a.year() * 12 + a.month() as i32);
    let y = (a.year() - 1..=a.year() + 1)
        .filter(|&y| match (modifier, direction) {
            ("last", _) => months(y) < 0,
            ("next", _) => months(y) > 0,
            // "this September": the one of the publication's year, before or after it.
            ("this", _) => y == a.year(),
            (_, Direction::Future) => months(y) >= 0,
            _ => true,
        })
        .min_by_key(|&y| match direction {
            Direction::Past if months(y) > 0 => months(y) * 3,
            _ => months(y).abs(),
        })
        .unwrap_or(a.year());
    format!("{y:04}-{m:02}")
}

/// How a holiday falls in a year.
#[derive(Clone, Copy)]
enum HolidayRule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The nth weekday of a month (n = 5: the last one).
    Nth(u32, Weekday, u32),
}

/// A holiday's name at word `start` (lowercase words): how many words it takes and its rule.
fn holiday(words: &[String], start: usize) -> Option<(usize, HolidayRule)> {
    use HolidayRule::*;
    let w = |k: usize| words.get(start + k).map(String::as_str).unwrap_or("");
    // "New Year's Day" may come as "year's" or as "year" + "'s".
    // Checked at every word, so without building the possessive forms.
    let possessive = |at: usize, stem: &str| {
        let joined = w(at)
            .strip_suffix("'s")
            .or_else(|| w(at).strip_suffix("’s"));
        if joined == Some(stem) {
            Some(at + 1)
        } else if w(at) == stem && matches!(w(at + 1), "'s" | "’s") {
            Some(at + 2)
        } else {
            None
        }
    };
    let with_day = |at: usize| at + usize::from(w(at) == "day");
    match w(0) {
        "christmas" if w(1) == "eve" => Some((2, Fixed(12, 24))),
        "christmas" => Some((with_day(1), Fixed(12, 25))),
        "thanksgiving" => Some((with_day(1), Nth(11, Weekday::Thu, 4))),
        "halloween" => Some((1, Fixed(10, 31))),
        "new" => {
            let at = possessive(1, "year")?;
            match w(at) {
                "eve" => Some((at + 1, Fixed(12, 31))),
                "day" => Some((at + 1, Fixed(1, 1))),
                _ => None,
            }
        }
        _ => {
            let at = possessive(0, "valentine")?;
            (w(at) == "day").then_some((at + 1, Fixed(2, 14)))
        }
    }
}

fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        HolidayRule::Nth(m, wd, n) => NaiveDate::from_weekday_of_month_opt(year, m, wd, n as u8),
    }
}

/// The first day on `wd`, from `start` (included) walking `step` days (1 or -1) at a time.
fn walk_to_weekday(start: NaiveDate, wd: Weekday, step: i64) -> String {
    let mut d = start;
    while d.weekday() != wd {
        d += Duration::days(step);
    }
    d.format("%Y-%m-%d").to_string()
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

/// What an expression is resolved against besides its own words.
#[derive(Clone, Copy)]
struct Context {
    /// The publication date.
    anchor: Option<NaiveDate>,
    /// Whether the clause before the expression speaks of the future.
    future: bool,
    /// Whether the verb nearest the expression is in the past tense (needs the tagger).
    past: bool,
    /// The quarter the document reports on: the last one it named ("the third quarter"),
    /// as (year, quarter).
    quarter: Option<(i32, u32)>,
    /// Whether the report has moved on from its quarter to a span of the year so far ("the
    /// nine months", "the six months"), which "a year earlier" then compares with.
    year_to_date: bool,
    /// The last date the document named, as precisely as it was named: what "that year" or
    /// "the following day" count from.
    last: Option<NamedDate>,
}

/// A calendar date named to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NamedDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl NamedDate {
    /// Reads a TIMEX3 value `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn parse(value: &str) -> Option<NamedDate> {
        let mut parts = value.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        parts
            .next()
            .is_none()
            .then_some(NamedDate { year, month, day })
    }

    fn of(d: NaiveDate) -> NamedDate {
        NamedDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// This date moved by `step` units ("Y", "M" or "D") and written to that unit's
    /// precision; `None` when the date was not named that precisely.
    fn moved(self, unit: &str, step: i32) -> Option<String> {
        match unit {
            "Y" => Some(format!("{:04}", self.year + step)),
            "M" => {
                let first = NaiveDate::from_ymd_opt(self.year, self.month?, 1)?;
                let d = shift_months(first, step);
                Some(format!("{:04}-{:02}", d.year(), d.month()))
            }
            _ => {
                let d = NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)?;
                Some(
                    (d + Duration::days(step as i64))
                        .format("%Y-%m-%d")
                        .to_string(),
                )
            }
        }
    }
}

/// TIMEX3's code of a part of the day.
fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// "this year", "last year", "next year" at word `i`, as a step in years from the publication
/// year: a month or day named before it falls in that year ("in February this year").
fn year_named_after(words: &[String], i: usize) -> Option<i32> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    match (w(0), w(1)) {
        ("this", "year") => Some(0),
        ("last", "year") => Some(-1),
        ("next", "year") => Some(1),
        _ => None,
    }
}

/// A month and day written without a year, `after` the index of the word that follows them:
/// in the year named there ("March 5 this year"), else the one nearest the publication date.
fn month_day(
    a: NaiveDate,
    words: &[String],
    after: usize,
    m: u32,
    d: u32,
    direction: Direction,
) -> Option<String> {
    match year_named_after(words, after) {
        Some(step) => {
            let y = a.year() + step;
            NaiveDate::from_ymd_opt(y, m, d).map(|_| ymd(y, m, d))
        }
        None => nearest(a, m, d, direction),
    }
}

/// A time of day at word `i`: "9 a.m.", "7:15 p.m.", "noon", "midnight", with a time zone
/// after it ("6 a.m. EDT"), as (hour, minute, words). Midnight is hour 24, as TIMEX3 writes
/// the end of a day. A bare "7:15" is left alone: scores and ratios are written so too.
fn clock_time(words: &[String], i: usize) -> Option<(u32, u32, usize)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let (hour, minute, len) = match w(0) {
        "noon" => (12, 0, 1),
        "midnight" => (24, 0, 1),
        word => {
            let (h, m) = match word.split_once(':') {
                Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                Some(_) => return None,
                None => (word.parse::<u32>().ok()?, 0),
            };
            // Digits only ("+5" parses as a number too).
            let digits = word.split(':').next()?;
            if !(1..=12).contains(&h) || m > 59 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let h = match w(1) {
                "a.m." | "a.m" | "am" => h % 12,
                "p.m." | "p.m" | "pm" => h % 12 + 12,
                _ => return None,
            };
            (h, m, 2)
        }
    };
    let zone = usize::from(TIME_ZONES.contains(&w(len)));
    Some((hour, minute, len + zone))
}

/// Time zones written after a time of day (lowercase).
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "et", "edt", "est", "ct", "cdt", "cst", "mt", "mdt", "mst", "pt", "pdt", "pst",
    "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest", "aedt",
];

/// "nineteen ninety-six", as broadcast transcripts write years: the year and how many words
/// it takes ("ninety-six" may come as one word or as three).
fn spelled_year(words: &[String], i: usize) -> Option<(i32, usize)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const UNITS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let century = match w(0) {
        "nineteen" => 1900,
        "eighteen" => 1800,
        _ => return None,
    };
    let tens_of = |x: &str| {
        TENS.iter()
            .position(|t| *t == x)
            .map(|i| (i as i32 + 2) * 10)
    };
    let unit_of = |x: &str| UNITS.iter().position(|u| *u == x).map(|i| i as i32 + 1);
    let first = w(1);
    if let Some((t, u)) = first.split_once('-') {
        return Some((century + tens_of(t)? + unit_of(u)?, 2));
    }
    let tens = tens_of(first)?;
    if w(2) == "-" {
        if let Some(u) = unit_of(w(3)) {
            return Some((century + tens + u, 4));
        }
    }
    Some((century + tens, 2))
}

/// Words that put a clause in the future: "will meet on Tuesday", "is scheduled to close
/// Monday", "planned to leave on Thursday", "as early as Tuesday", "would travel Thursday".
fn future_cue(words: &[String]) -> bool {
    // Called at every word: walks back without allocating.
    let back = || {
        words
            .iter()
            .rev()
            .take(8)
            .map(String::as_str)
            .take_while(|w| !matches!(*w, "," | "." | ";" | ":" | "said" | "says" | "told" | "--"))
    };
    let has = |w: &str| back().any(|b| b == w);
    // "effective Feb. 1": when a change takes effect, announced ahead.
    words.last().is_some_and(|w| w == "effective")
        || back().any(|w| {
        matches!(
            w,
            "will"
                | "'ll"
                | "shall"
                | "wo"
                | "would"
                | "scheduled"
                | "planned"
                | "plans"
                | "planning"
                | "next"
        )
    }) || (has("as") && (has("soon") || has("early")))
        // "is to resume", "are to meet": an arrangement ahead.
        || back()
            .zip(back().skip(1))
            .any(|(later, earlier)| later == "to" && matches!(earlier, "is" | "are"))
        || (has("set") || has("expected")) && has("to")
}

/// Whether the verb nearest word `i` of a sentence is in the past tense: "rose" (VBD), or a
/// participle after "has", "had", "was" or "were". False without tags.
fn nearest_verb_is_past(toks: &[kestrel_core::Token], words: &[String], i: usize) -> bool {
    let is_verb = |k: usize| {
        toks[k]
            .xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("VB") || x == "MD")
    };
    let nearest = (1..toks.len()).find_map(|d| {
        [i.checked_sub(d), Some(i + d)]
            .into_iter()
            .flatten()
            .find(|&k| k < toks.len() && is_verb(k))
    });
    nearest.is_some_and(|k| match toks[k].xpos.as_deref() {
        Some("VBD") => true,
        Some("VBN") => {
            k > 0
                && words[..k]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| matches!(w.as_str(), "has" | "had" | "have" | "was" | "were"))
        }
        _ => false,
    })
}

/// The most recent quarter that has ended by `d`: what a report about "the quarter" covers.
fn last_completed_quarter(d: NaiveDate) -> (i32, u32) {
    let q = d.month0() / 3 + 1;
    if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    }
}

fn quarter_value((y, q): (i32, u32)) -> String {
    format!("{y:04}-Q{q}")
}

/// Matches a temporal expression starting at word `i` of a sentence.
fn match_at(words: &[String], i: usize, ctx: Context) -> Option<Found> {
    let Context {
        anchor,
        future,
        past,
        quarter,
        year_to_date,
        last: _,
    } = ctx;
    let direction = match (future, past) {
        (true, _) => Direction::Future,
        (false, true) => Direction::Past,
        _ => Direction::Either,
    };
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
    // "mid-2021"; "post-1990 politics", "pre-2001 borders" name the year they count from.
    if let Some(y) = ["mid-", "post-", "pre-"]
        .iter()
        .find_map(|p| w(0).strip_prefix(p))
        .and_then(year)
    {
        return date(1, Some(format!("{y:04}")), false);
    }
    // "the 20th century", "the twenty-first century": its hundred years, written by their
    // first two digits as TIMEX3 does.
    if matches!(w(1), "century" | "-century") {
        let ordinal = w(0)
            .strip_suffix("st")
            .or_else(|| w(0).strip_suffix("nd"))
            .or_else(|| w(0).strip_suffix("rd"))
            .or_else(|| w(0).strip_suffix("th"))
            .and_then(|n| n.parse::<u32>().ok())
            .or(match w(0) {
                "nineteenth" => Some(19),
                "twentieth" => Some(20),
                "twenty-first" => Some(21),
                _ => None,
            });
        if let Some(n) = ordinal.filter(|n| (1..=30).contains(n)) {
            return date(2, Some(format!("{:02}", n - 1)), false);
        }
    }
    // "mid-November": the nearest November.
    if let Some(m) = w(0).strip_prefix("mid-").and_then(month) {
        return date(
            1,
            anchor.map(|a| nearest_month(a, m, w(0), direction)),
            true,
        );
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
                let value = anchor.and_then(|a| month_day(a, words, i + 2, m, d, direction));
                return date(2, value, true);
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
        let value = anchor.and_then(|a| month_day(a, words, i + 2, m, d, direction));
        return date(2, value, true);
    }
    // A time of day: "8 p.m. Tuesday", "noon Friday", "1:30 a.m. EST, March 5" on the day
    // named with it; alone ("at 10 p.m.") on the day the story named last, else the
    // publication day.
    if let Some((hour, minute, len)) = clock_time(words, i) {
        let comma = usize::from(w(len) == ",");
        let day = match_at(words, i + len + comma, ctx)
            .filter(|f| f.kind == TimexKind::Date)
            .filter(|f| f.value.as_deref().is_some_and(|v| v.len() == 10));
        // "noon" alone is a time after a preposition ("by noon"), not in a title.
        let bare_word = matches!(w(0), "noon" | "midnight");
        let after_preposition = i > 0
            && matches!(
                words[i - 1].as_str(),
                "at" | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "around"
                    | "about"
                    | "from"
                    | "past"
                    | "since"
                    | "to"
            );
        let (len, value, relative) = match day {
            Some(f) => (len + comma + f.len, f.value, f.relative),
            None if bare_word && !after_preposition => return None,
            None => {
                let on = ctx
                    .last
                    .filter(|d| d.day.is_some())
                    .and_then(|d| d.moved("D", 0))
                    .or_else(|| anchor.map(|a| a.format("%Y-%m-%d").to_string()));
                (len, on, true)
            }
        };
        let value = value.map(|d| format!("{d}T{hour:02}:{minute:02}"));
        return found(len, TimexKind::Time, value, relative);
    }
    // Weekdays.
    if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w(0)) {
        // "Monday, Oct. 26": the date that follows says which Monday (when it is one).
        let written = (w(1) == ",")
            .then(|| match_at(words, i + 2, ctx))
            .flatten()
            .and_then(|f| f.value)
            .filter(|v| {
                v.get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .is_some_and(|d| d.weekday() == wd)
            });
        if let Some(v) = written {
            return date(1, v.get(..10).map(str::to_string), false);
        }
        let value = anchor.map(|a| {
            // The most recent such day, the publication day included (wire stories name the
            // day they are filed); in a clause about the future, the next one.
            walk_to_weekday(a, wd, if future { 1 } else { -1 })
        });
        // "Friday morning": a part of that day, a time as TimeML writes it.
        if let Some(part) = part_of_day(w(1)) {
            return found(
                2,
                TimexKind::Time,
                value.map(|v| format!("{v}T{part}")),
                true,
            );
        }
        return date(1, value, true);
    }
    // "year-earlier profit", "the year-ago quarter".
    let lead = usize::from(w(0) == "the");
    let year_back = if matches!(w(lead), "year-earlier" | "year-ago") {
        1
    } else if w(lead) == "year" && w(lead + 1) == "-" && matches!(w(lead + 2), "earlier" | "ago") {
        3
    } else {
        0
    };
    if year_back > 0 {
        let noun = matches!(w(lead + year_back), "period" | "quarter");
        let len = lead + year_back + usize::from(lead == 1 && noun);
        let value = anchor.map(|a| match quarter {
            Some((y, q)) => quarter_value((y - 1, q)),
            None => format!("{:04}", a.year() - 1),
        });
        return date(len, value, true);
    }
    // Holidays with a fixed rule: the nearest one, or after "last" / "next" the one before /
    // after the publication date.
    {
        let lead = usize::from(matches!(w(0), "last" | "next"));
        if let Some((len, rule)) = holiday(words, i + lead) {
            let value = anchor.map(|a| {
                let on = |y: i32| holiday_date(rule, y);
                let candidates = (a.year() - 1..=a.year() + 1).filter_map(on);
                let pick = match w(0) {
                    "last" => candidates.filter(|d| *d < a).max(),
                    "next" => candidates.filter(|d| *d > a).min(),
                    _ => candidates.min_by_key(|d| (*d - a).num_days().abs()),
                };
                pick.map(|d| d.format("%Y-%m-%d").to_string())
            });
            return date(lead + len, value.flatten(), true);
        }
    }
    // A year in words: "nineteen ninety-six".
    if let Some((y, len)) = spelled_year(words, i) {
        return date(len, Some(format!("{y:04}")), false);
    }
    // Dates counted from the last one the story named, else from the publication date: "that
    // year", "later that month", "the following day", "the next morning".
    {
        let lead = usize::from(matches!(w(0), "later" | "earlier") && w(1) == "that");
        let (step, unit_at) = match (w(lead), w(lead + 1), w(lead + 2)) {
            ("that", "same", _) => (0, Some(lead + 2)),
            ("that", _, _) => (0, Some(lead + 1)),
            ("the", "same", _) if lead == 0 => (0, Some(2)),
            ("the", "following", _) if lead == 0 => (1, Some(2)),
            ("the", "next", "day" | "morning" | "evening" | "night") if lead == 0 => (1, Some(2)),
            ("the", "previous" | "preceding", _) if lead == 0 => (-1, Some(2)),
            _ => (0, None),
        };
        let unit = match unit_at.map_or("", w) {
            "year" => Some(("Y", None)),
            "month" => Some(("M", None)),
            "day" => Some(("D", None)),
            word => part_of_day(word).map(|p| ("D", Some(p))),
        };
        if let Some((unit, part)) = unit {
            let from = ctx.last.or(anchor.map(NamedDate::of));
            // Named less precisely than the unit ("that day" after "in 1998"): no date.
            let value = from.and_then(|d| d.moved(unit, step))?;
            // A part of a day named on its own ("that morning") is a time; after "the next"
            // the day is what is meant.
            let kind = if part.is_some() && step == 0 {
                TimexKind::Time
            } else {
                TimexKind::Date
            };
            let value = match (kind, part) {
                (TimexKind::Time, Some(p)) => format!("{value}T{p}"),
                _ => value,
            };
            return found(unit_at.unwrap_or(0) + 1, kind, Some(value), true);
        }
    }
    // "year-end", "year end", "year's end", "the end of the year": this year.
    {
        let len = match (w(0), w(1), w(2), w(3)) {
            ("year-end", _, _, _) => Some(1),
            ("year", "-", "end", _) => Some(3),
            ("year", "end", _, _) => Some(2),
            ("year's" | "year’s", "end", _, _) => Some(2),
            ("year", "'s" | "’s", "end", _) => Some(3),
            ("the", "end", "of", "the") if w(4) == "year" => Some(5),
            _ => None,
        };
        if let Some(len) = len {
            return date(len, anchor.map(|a| format!("{:04}", a.year())), true);
        }
    }
    // "midday": noon of the publication day.
    if w(0) == "midday" {
        let value = anchor.map(|a| format!("{}T12:00", a.format("%Y-%m-%d")));
        return found(1, TimexKind::Time, value, true);
    }
    // Deictic words.
    let shift =
        |days: i64| anchor.map(|a| (a + Duration::days(days)).format("%Y-%m-%d").to_string());
    let day_step = match w(0) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let (Some(step), Some(part)) = (day_step, part_of_day(w(1))) {
        let value = shift(step).map(|d| format!("{d}T{part}"));
        return found(2, TimexKind::Time, value, true);
    }
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
        // "Previously", "soon" and the adjectives "recent" and "future" only point at a
        // time, as TimeML reads them ("future talks" has no date); "the future" is one.
        "recently" | "lately" => return date(1, Some("PAST_REF".into()), false),
        "these" if w(1) == "days" => return date(2, Some("PRESENT_REF".into()), false),
        // "in recent weeks": a span of unknown length up to now, as "the past few weeks".
        "recent" if w(1).ends_with('s') => {
            if let Some((u, time)) = unit(w(1)) {
                return found(2, TimexKind::Duration, Some(span_of("X", u, time)), false);
            }
        }
        "hourly" => return found(1, TimexKind::Set, Some("PT1H".into()), false),
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
        // "in the coming weeks": some time ahead.
        if deictic == "coming" && noun.ends_with('s') && unit(noun).is_some() {
            return date(len, Some("FUTURE_REF".into()), false);
        }
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
            // "this quarter": the one the report is on, else the current one; "last quarter"
            // the last to have ended; "next quarter" the one after the current one.
            "quarter" => anchor.map(|a| {
                let current = (a.year(), a.month0() / 3 + 1);
                quarter_value(match step {
                    0 => quarter.unwrap_or(current),
                    s if s < 0 => last_completed_quarter(a),
                    _ if current.1 == 4 => (current.0 + 1, 1),
                    _ => (current.0, current.1 + 1),
                })
            }),
            "night" if deictic == "last" => {
                return found(
                    len,
                    TimexKind::Time,
                    shift(-1).map(|d| format!("{d}TNI")),
                    true,
                );
            }
            _ if step == 0 && part_of_day(noun).is_some() => {
                let part = part_of_day(noun).unwrap_or("NI");
                return found(
                    len,
                    TimexKind::Time,
                    shift(0).map(|d| format!("{d}T{part}")),
                    true,
                );
            }
            "summer" | "winter" | "spring" | "fall" | "autumn" => {
                let season = season_code(noun).unwrap_or("FA");
                anchor.map(|a| format!("{:04}-{season}", a.year() + step as i32))
            }
            n if step != 0 && WEEKDAYS.iter().any(|(d, _)| *d == n) => {
                // "last Friday", "next Tuesday": never the publication day itself ("last
                // Monday" written on a Monday is a week back).
                let wd = WEEKDAYS.iter().find(|(d, _)| *d == n).map(|&(_, wd)| wd)?;
                let value = anchor.map(|a| walk_to_weekday(a + Duration::days(step), wd, step));
                return date(len, value, true);
            }
            n if WEEKDAYS.iter().any(|(d, _)| *d == n) => {
                // "this Friday".
                let f = match_at(
                    words,
                    i + lead + 1,
                    Context {
                        future: step > 0,
                        ..ctx
                    },
                )?;
                return date(len, f.value, true);
            }
            _ => None,
        };
        if value.is_some() || anchor.is_none() && matches!(noun, "week" | "month" | "year") {
            return date(len, value, true);
        }
    }
    // "the past four months", "the next few days", "the first nine months": a span of time.
    if w(0) == "the"
        && matches!(
            w(1),
            "past" | "last" | "next" | "coming" | "previous" | "first"
        )
    {
        let few = matches!(w(2), "few" | "several" | "couple");
        let n = number(w(2)).filter(|&n| n > 0 && w(2) != "a");
        let at = 3 + usize::from(w(2) == "couple" && w(3) == "of");
        if let (true, Some((u, time))) = (n.is_some() || few, unit(w(at))) {
            let value = match n {
                Some(n) if w(2) != "couple" => duration(n, u, time),
                _ if w(2) == "couple" => duration(2, u, time),
                _ => (if time {
                    format!("PTX{u}")
                } else {
                    format!("PX{u}")
                })
                .replace("XDE", "XY")
                .replace("XCE", "XY"),
            };
            return found(at + 1, TimexKind::Duration, Some(value), false);
        }
    }
    // "the future", "the past", "the weekend", "the year", "the quarter".
    if w(0) == "the" {
        match w(1) {
            "future" => return date(2, Some("FUTURE_REF".into()), false),
            // "the near future", "the near term", "the short term".
            "near" | "short" if matches!(w(2), "future" | "term") => {
                return date(3, Some("FUTURE_REF".into()), false)
            }
            // "the summer", "the early summer": this year's ("the fall" is more often a
            // decline than autumn).
            _ if season_code(w(1)).is_some() || season_code(w(2)).is_some() => {
                let modified = matches!(w(1), "early" | "late" | "mid");
                let name = w(1 + usize::from(modified));
                if let Some(code) = season_code(name).filter(|_| name != "fall") {
                    let value = anchor.map(|a| format!("{:04}-{code}", a.year()));
                    return date(2 + usize::from(modified), value, true);
                }
            }
            // "the nineties": a decade in words.
            word if decade_word(word).is_some() => {
                return date(2, decade_word(word).map(|d| format!("19{d}")), false);
            }
            "past" if unit(w(2)).is_none() => return date(2, Some("PAST_REF".into()), false),
            // "the weekend": in a story from Monday to Thursday the one just past, unless the
            // clause is about the future; from Friday, the one of its own week.
            "weekend" => {
                let value = anchor.map(|a| {
                    let early_week = a.weekday().num_days_from_monday() < 4;
                    let week = if early_week && !future {
                        a - Duration::weeks(1)
                    } else {
                        a
                    };
                    format!("{}-WE", week_of(week))
                });
                return date(2, value, true);
            }
            // "the year ended March 31": a fiscal year, a span of time.
            "year" if matches!(w(2), "ended" | "ending") => {
                return found(2, TimexKind::Duration, Some("P1Y".into()), false);
            }
            "year" => return date(2, anchor.map(|a| format!("{:04}", a.year())), true),
            // "the fiscal year", "the full year": this year, or a span before "ended".
            "fiscal" | "full" if w(2) == "year" => {
                if matches!(w(3), "ended" | "ending") {
                    return found(3, TimexKind::Duration, Some("P1Y".into()), false);
                }
                return date(3, anchor.map(|a| format!("{:04}", a.year())), true);
            }
            // "the quarter", "the latest quarter", "the latest period": in a report, the
            // quarter the document named last, else the last one to have ended; in a clause
            // about the future, the current one.
            "quarter" | "latest" if w(1) == "quarter" || matches!(w(2), "quarter" | "period") => {
                let len = if w(1) == "quarter" { 2 } else { 3 };
                let value = anchor.map(|a| {
                    if future {
                        quarter_of(a)
                    } else {
                        quarter_value(quarter.unwrap_or_else(|| last_completed_quarter(a)))
                    }
                });
                return date(len, value, true);
            }
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
            // The latest such quarter to have begun, or in a clause about the future the
            // next one: "the fourth quarter" in a January story is the one just ended.
            let value = anchor.map(|a| {
                let current = a.month0() / 3 + 1;
                let y = match (q > current, future) {
                    (true, false) => a.year() - 1,
                    (false, true) if q < current => a.year() + 1,
                    _ => a.year(),
                };
                quarter_value((y, q))
            });
            return date(lead + 2 + hyphen, value, true);
        }
    }
    // A month named alone ("in January", "late November", "last April"): the nearest one.
    {
        let modifier = usize::from(matches!(
            w(0),
            "early" | "late" | "mid" | "last" | "this" | "next" | "since" | "in" | "until"
        ));
        let name = w(modifier);
        // "May" is the month only where the modal cannot stand: after a preposition or
        // "last"/"next" ("signed last May", "by May", "the end of May").
        let before = if modifier == 1 {
            w(0)
        } else {
            i.checked_sub(1).map_or("", |k| words[k].as_str())
        };
        let may_is_month = matches!(
            before,
            "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "in"
                | "since"
                | "until"
                | "by"
                | "of"
                | "through"
                | "before"
                | "after"
                | "from"
                | "to"
                | "till"
        );
        if let Some(m) = month(name).filter(|_| {
            if name == "may" {
                may_is_month
            } else {
                name.len() > 3
            }
        }) {
            let keep = if matches!(w(0), "since" | "in" | "until") {
                0
            } else {
                modifier
            };
            // "in February this year", "in May last year": the month of that year (the year
            // is an expression of its own).
            let of_year = year_named_after(words, i + modifier + 1);
            let value = anchor.map(|a| match of_year {
                Some(step) => format!("{:04}-{m:02}", a.year() + step),
                None => nearest_month(a, m, w(0), direction),
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
    // Decades: "the 1990s", "the early 1980s", "the mid-1990s", "the '80s": TIMEX3 writes a
    // decade as its first three digits.
    {
        let lead = usize::from(w(0) == "the");
        let modifier = usize::from(matches!(w(lead), "early" | "late" | "mid"));
        let word = w(lead + modifier);
        let word = word.strip_prefix("mid-").unwrap_or(word);
        let decade = word
            .strip_suffix('s')
            .map(|d| d.trim_matches('\''))
            .and_then(|d| match d.len() {
                4 => year(d).filter(|y| y % 10 == 0).map(|y| y / 10),
                2 if lead == 1 => d
                    .parse::<i32>()
                    .ok()
                    .filter(|y| y % 10 == 0)
                    .map(|y| 190 + y / 10),
                _ => None,
            });
        if let Some(d) = decade {
            return date(lead + modifier + 1, Some(format!("{d:03}")), false);
        }
    }
    // "every week", "each year".
    if matches!(w(0), "every" | "each") {
        if let Some((u, time)) = unit(w(1)) {
            return found(2, TimexKind::Set, Some(span_of("1", u, time)), false);
        }
    }
    // "3 1/2 years", "2 1/2 hours": a count and a half.
    if let (Some(n), "1/2") = (w(0).parse::<u32>().ok(), w(1)) {
        let value = match unit(w(2)) {
            Some(("Y", false)) => Some(format!("P{n}Y6M")),
            Some(("D", false)) => Some(format!("P{n}DT12H")),
            Some(("H", true)) => Some(format!("PT{n}H30M")),
            Some(("M", true)) => Some(format!("PT{n}M30S")),
            _ => None,
        };
        if value.is_some() {
            return found(3, TimexKind::Duration, value, false);
        }
    }
    // "a day-long meeting", "a decades-long feud": one unit, or some of them.
    let long = match w(0).strip_suffix("-long") {
        Some(u) => Some((u, 1)),
        // As the tokenizer splits it: "day", "-", "long".
        None if w(1) == "-" && w(2) == "long" => Some((w(0), 3)),
        None => None,
    };
    if let Some((u, len)) = long {
        if let Some((letter, time)) = unit(u) {
            let value = if u.ends_with('s') {
                span_of("X", letter, time)
                    .replace("XDE", "XY")
                    .replace("XCE", "XY")
            } else {
                duration(1, letter, time)
            };
            return found(len, TimexKind::Duration, Some(value), false);
        }
    }
    // "two days ago", "five hours", "a 12-year rift".
    let (n, unit_at) = match count_at(words, i) {
        Some(found) => found,
        None => {
            // "12-year" as one word.
            let (num, u) = w(0).split_once('-')?;
            let n = number(num)?;
            // "three-quarters" is a share.
            let (letter, time) = unit(u).filter(|(l, _)| *l != "Q")?;
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
        // "three-quarters of its food" is a share; a span of quarters is singular when
        // hyphenated ("a four-quarter test").
        if w(unit_at + 1) == "quarters" {
            return None;
        }
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
    // "a day-long strike": the span is "day-long", found at the next word.
    if w(unit_at + 1) == "-" && w(unit_at + 2) == "long" {
        return None;
    }
    // "a quarter of the vote" is a share, not three months.
    if u == "Q" && matches!(w(0), "a" | "an" | "one") {
        return None;
    }
    // "$2 million a year", "358,000 a month": a rate, a set of times as TimeML writes it
    // ("$5 million a year ago" is a date).
    let after_amount = i.checked_sub(1).is_some_and(|k| {
        let before = words[k].as_str();
        before.contains(|c: char| c.is_ascii_digit())
            || matches!(
                before,
                "million"
                    | "billion"
                    | "trillion"
                    | "thousand"
                    | "hundred"
                    | "cents"
                    | "dollars"
                    | "percent"
                    | "%"
                    | "times"
            )
    });
    let counted_back = matches!(w(2), "ago" | "earlier" | "before" | "later");
    if matches!(w(0), "a" | "an" | "per") && unit_at == 1 && after_amount && !counted_back {
        return found(2, TimexKind::Set, Some(span_of("1", u, time)), false);
    }
    let amount = if n == 0 {
        "X".to_string()
    } else {
        n.to_string()
    };
    // "a year ago", "a year earlier": in a report on a quarter, that quarter of the year
    // before ("profit rose from $5 million a year ago").
    let back_from = |a: NaiveDate| match quarter {
        Some((y, q)) if u == "Y" && !time && !year_to_date => quarter_value((y - n as i32, q)),
        _ => format!("{:04}", a.year() - n as i32),
    };
    if matches!(w(unit_at + 1), "earlier" | "before") && u == "Y" && n > 0 {
        return date(unit_at + 2, anchor.map(back_from), true);
    }
    if w(unit_at + 1) == "ago" {
        if n == 0 {
            // "several years ago", "a few weeks ago".
            return date(unit_at + 2, Some("PAST_REF".into()), false);
        }
        let value = anchor.map(|a| match u {
            "Y" => back_from(a),
            "DE" => format!("{:04}", a.year() - 10 * n as i32),
            "CE" => format!("{:04}", a.year() - 100 * n as i32),
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
        MONTHS
            .iter()
            .chain(PAGE_MONTHS)
            .find(|(m, _)| *m == w)
            .map(|&(_, n)| n)
    };
    // "3 de mayo de 2022", "13 juin 2019": connecting words between the parts.
    let skip = |at: usize| {
        let mut at = at;
        while words
            .get(at)
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "de" | "del" | "of" | "di"))
        {
            at += 1;
        }
        at
    };
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '/');
        // Every form below needs a digit in this word or, for "March 5, 2024", a number
        // next: most words of a page are neither, and are passed over cheaply.
        if !w.bytes().any(|b| b.is_ascii_digit())
            && !words
                .get(i + 1)
                .is_some_and(|x| x.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        {
            continue;
        }
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
        // "23.09.22": a two-digit year, all three parts written with two digits.
        if parts.len() == 3 && w.contains('.') && parts.iter().all(|p| p.len() == 2) {
            if let (Some(d), Ok(m), Ok(y)) = (
                day(parts[0]),
                parts[1].parse::<u32>(),
                parts[2].parse::<i32>(),
            ) {
                let y = if y <= 35 { 2000 + y } else { 1900 + y };
                if (1..=12).contains(&m) {
                    if let Some(date) =
                        kestrel_core::ingest::normalise_date(&format!("{y:04}-{m:02}-{d:02}"))
                    {
                        return Some(date);
                    }
                }
            }
        }
        // "17/02/2022" and "02/17/2022": with slashes, only when the order is certain (one
        // of the first two numbers is over 12).
        if parts.len() == 3 && w.contains('/') && !w.contains('.') {
            if let (Ok(a), Ok(b), Some(y)) = (
                parts[0].parse::<u32>(),
                parts[1].parse::<u32>(),
                year(parts[2]),
            ) {
                let (d, m) = match (a > 12, b > 12) {
                    (true, false) => (a, b),
                    (false, true) => (b, a),
                    _ => (0, 0),
                };
                if d > 0 && d <= 31 && (1..=12).contains(&m) {
                    if let Some(date) =
                        kestrel_core::ingest::normalise_date(&format!("{y:04}-{m:02}-{d:02}"))
                    {
                        return Some(date);
                    }
                }
            }
        }
        // "5 March 2024", "5. März 2024", "3 de mayo de 2022".
        let month_at = skip(i + 1);
        if let (Some(d), Some(m), Some(y)) = (
            day(w),
            words.get(month_at).and_then(|x| month(x)),
            words.get(skip(month_at + 1)).and_then(|x| year(x)),
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
    let mut quarter = None;
    let mut year_to_date = false;
    let mut last = None;
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
            let ctx = Context {
                anchor,
                future: future_cue(&words[..i]),
                past: nearest_verb_is_past(toks, &words, i),
                quarter,
                year_to_date,
                last,
            };
            let Some(f) = match_at(&words, i, ctx) else {
                i += 1;
                continue;
            };
            // "1,000" is no year, "Dec." alone no date.
            let first = &toks[i];
            let last_token = &toks[(i + f.len).min(toks.len()) - 1];
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
                // A quarter named by its number becomes the one the report is about.
                let named_quarter = words[i..i + f.len]
                    .iter()
                    .any(|w| matches!(w.as_str(), "first" | "second" | "third" | "fourth"));
                if let Some(v) = f.value.as_deref().filter(|_| named_quarter) {
                    if let Some((y, q)) = v.split_once("-Q") {
                        if let (Ok(y), Ok(q)) = (y.parse(), q.parse()) {
                            quarter = Some((y, q));
                            year_to_date = false;
                        }
                    }
                }
                if f.kind == TimexKind::Duration
                    && (words[i] == "the" || i > 0 && words[i - 1] == "the")
                    && matches!(f.value.as_deref(), Some("P6M" | "P9M"))
                {
                    year_to_date = true;
                }
                // A time's day ("8 p.m. Tuesday", "Friday night") is named as a date is.
                let named = match f.kind {
                    TimexKind::Date => f.value.as_deref(),
                    TimexKind::Time => f.value.as_deref().and_then(|v| v.get(..10)),
                    _ => None,
                };
                if let Some(d) = named.and_then(NamedDate::parse) {
                    // "Later that year" after "March 3, 2019" keeps the day.
                    let coarser = last.is_some_and(|l: NamedDate| {
                        l.year == d.year
                            && (d.month.is_none() || (l.month == d.month && d.day.is_none()))
                    });
                    if !coarser {
                        last = Some(d);
                    }
                }
                out.push(TimeExpression {
                    span: Span::new(first.span.start, last_token.span.end),
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

    /// Asserts the expressions found in `text`: (text, kind, value) each.
    fn assert_found(text: &str, published: &str, expected: &[(&str, &str, Option<&str>)]) {
        let v = values(text, published);
        let found: Vec<(&str, &str, Option<&str>)> = v
            .iter()
            .map(|x| (x.0.as_str(), x.1, x.2.as_deref()))
            .collect();
        assert_eq!(found, expected);
    }

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
    fn counts_written_in_words_measure_durations() {
        let v = values(
            "The dam stood for forty years, the siege lasted seventeen days and the talks ran \
             twenty-five hours; the twenty - one weeks before were calm.",
            "2022-07-09",
        );
        let get = |text: &str| v.iter().find(|x| x.0 == text).and_then(|x| x.2.clone());
        assert_eq!(get("forty years").as_deref(), Some("P40Y"));
        assert_eq!(get("seventeen days").as_deref(), Some("P17D"));
        assert_eq!(get("twenty-five hours").as_deref(), Some("PT25H"));
        assert_eq!(number("ninety-nine"), Some(99));
        assert_eq!(number("forty-a"), None);
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            count_at(&words(&["twenty", "-", "one", "weeks"]), 0),
            Some((21, 3))
        );
        assert_eq!(
            count_at(&words(&["a", "hundred", "years"]), 0),
            Some((100, 2))
        );
    }

    #[test]
    fn months_quarters_and_references() {
        let v = values(
            "Sales rose in the third quarter, as in November, and will rise in the future.",
            "2023-01-20",
        );
        // In a January story, the third quarter that sales rose in is last year's.
        assert_eq!(
            v[0],
            ("the third quarter".into(), "DATE", Some("2022-Q3".into()))
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
    fn reports_on_a_quarter_compare_with_the_same_quarter_a_year_before() {
        let v = values(
            "Harwick Mills said third-quarter profit fell to $4 million from $6 million a year \
             earlier. Sales in the latest quarter slipped, and the year-earlier period had a \
             one-time gain. Profit was also below last year's.",
            "2023-11-02",
        );
        let get = |text: &str| v.iter().find(|x| x.0 == text).and_then(|x| x.2.clone());
        assert_eq!(get("third-quarter").as_deref(), Some("2023-Q3"));
        assert_eq!(get("a year earlier").as_deref(), Some("2022-Q3"));
        assert_eq!(get("the latest quarter").as_deref(), Some("2023-Q3"));
        assert_eq!(get("the year-earlier period").as_deref(), Some("2022-Q3"));
        // Without a named quarter, "the quarter" is the last one to have ended.
        let v = values("Orders doubled in the quarter.", "2024-02-10");
        assert_eq!(v[0].2.as_deref(), Some("2023-Q4"));
        // "the year ended June 30" is a fiscal year: a span of time.
        let v = values("Revenue for the year ended June 30 rose.", "2024-02-10");
        assert_eq!(v[0], ("the year".into(), "DURATION", Some("P1Y".into())));
        // After the year so far, "a year earlier" compares with last year, not a quarter.
        let v = values(
            "Third-quarter sales at Orrin Tools rose. For the nine months, profit reached \
             $9 million, against $7 million a year earlier.",
            "2023-11-02",
        );
        let get = |text: &str| v.iter().find(|x| x.0 == text).and_then(|x| x.2.clone());
        assert_eq!(get("a year earlier").as_deref(), Some("2022"));
    }

    #[test]
    fn shares_and_recent_spans() {
        // A hyphenated plural of quarters is a share of something.
        let v = values(
            "The island buys three-quarters of its fuel abroad.",
            "2023-11-02",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = values("Prices climbed in recent weeks.", "2023-11-02");
        assert_eq!(
            v[0],
            ("recent weeks".into(), "DURATION", Some("PXW".into()))
        );
    }

    #[test]
    fn a_past_tense_verb_looks_back_for_a_date_without_a_year() {
        let dated = |text: &str, past_verb: Option<&str>| {
            let mut doc = Document::new("t", text);
            doc.published = Some("2023-11-02".into());
            kestrel_core::pipeline::SegmentStage.process(&mut doc);
            for i in 0..doc.tokens.len() {
                let word = doc.slice(doc.tokens[i].span).to_string();
                let tag = if Some(word.as_str()) == past_verb {
                    "VBD"
                } else {
                    "NN"
                };
                doc.tokens[i].xpos = Some(tag.to_string());
            }
            find_dates(&doc)[0].value.clone()
        };
        // Untagged, the nearest March 31 is next year's; "fell" puts it in the past.
        let text = "Shares of the mill fell sharply on March 31.";
        assert_eq!(dated(text, None).as_deref(), Some("2024-03-31"));
        assert_eq!(dated(text, Some("fell")).as_deref(), Some("2023-03-31"));
        // A date a fortnight ahead stays ahead: the next one is three times nearer.
        let text = "The board declared a dividend payable Nov. 16.";
        assert_eq!(dated(text, Some("declared")).as_deref(), Some("2023-11-16"));
    }

    #[test]
    fn may_is_a_month_only_where_the_modal_cannot_stand() {
        let v = values("The envoys signed the accord last May.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2023-05"));
        let v = values("The mill must reopen by May, the union said.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2024-05"));
        assert!(values("The strike may spread to the port.", "2024-03-06").is_empty());
        assert!(values("May the talks go well, the envoy said.", "2024-03-06").is_empty());
    }

    #[test]
    fn plans_and_schedules_look_forward() {
        // 2024-03-06 is a Wednesday.
        for text in [
            "The court is scheduled to rule on Monday.",
            "Delegates planned to leave for the capital on Monday.",
            "The envoy could arrive as early as Monday.",
        ] {
            let v = values(text, "2024-03-06");
            assert_eq!(v[0].2.as_deref(), Some("2024-03-11"), "{text}");
        }
        let v = values("The court ruled on Monday.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2024-03-04"));
        // "The weekend" in a Wednesday story is the one just past, unless it is ahead.
        let v = values("Talks ran through the weekend.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2024-W09-WE"));
        let v = values("Talks will run through the weekend.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2024-W10-WE"));
        // A reporting verb ends the look back: the ruling came before the statement.
        let v = values("They will appeal, lawyers said Monday.", "2024-03-06");
        assert_eq!(v[0].2.as_deref(), Some("2024-03-04"));
    }

    #[test]
    fn decades_and_vague_references() {
        let v = values(
            "Prices were stable through the 1990s and the early 1980s, rose in recent years, \
             and previously fell; talks on future cuts will resume soon.",
            "2024-03-06",
        );
        let texts: Vec<(&str, Option<&str>)> =
            v.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            texts,
            [
                ("the 1990s", Some("199")),
                ("the early 1980s", Some("198")),
                ("recent years", Some("PXY")),
            ]
        );
    }

    #[test]
    fn spans_counted_back_or_forward_and_holidays() {
        assert_found(
            "Over the past four months and the next few days, and again last Thanksgiving, \
             the ferry ran on Christmas Day and on New Year's Eve.",
            "2024-03-06",
            &[
                ("the past four months", "DURATION", Some("P4M")),
                ("the next few days", "DURATION", Some("PXD")),
                ("last Thanksgiving", "DATE", Some("2023-11-23")),
                ("Christmas Day", "DATE", Some("2023-12-25")),
                ("New Year's Eve", "DATE", Some("2023-12-31")),
            ],
        );
    }

    #[test]
    fn last_weekday_is_never_today_and_a_written_date_names_the_weekday() {
        // Published on Wednesday 2024-03-06.
        assert_found(
            "The dean resigned last Wednesday. On Friday, March 8, the board meets; the ferry is \
             to sail Thursday. The vote is next Wednesday.",
            "2024-03-06",
            &[
                ("last Wednesday", "DATE", Some("2024-02-28")),
                ("Friday", "DATE", Some("2024-03-08")),
                ("March 8", "DATE", Some("2024-03-08")),
                ("Thursday", "DATE", Some("2024-03-07")),
                ("next Wednesday", "DATE", Some("2024-03-13")),
            ],
        );
    }

    #[test]
    fn times_of_day_take_the_day_named_with_them_else_the_last_one() {
        // Published on Wednesday 2024-03-06.
        assert_found(
            "Polls closed at 8 p.m. Tuesday. The count ended at 1:30 a.m. EST, March 5, and a \
             recount began at 11 a.m. The show Noon Talk ran until midnight.",
            "2024-03-06",
            &[
                ("8 p.m. Tuesday", "TIME", Some("2024-03-05T20:00")),
                ("1:30 a.m. EST, March 5", "TIME", Some("2024-03-05T01:30")),
                ("11 a.m.", "TIME", Some("2024-03-05T11:00")),
                ("midnight", "TIME", Some("2024-03-05T24:00")),
            ],
        );
        // No clock without "a.m." or "p.m.": a score, a ratio, a verse.
        assert_found(
            "The hosts won 3 - 1 and the vote split 7:5 at noon Friday.",
            "2024-03-06",
            &[("noon Friday", "TIME", Some("2024-03-01T12:00"))],
        );
    }

    #[test]
    fn centuries_years_counted_from_and_months_of_a_named_year() {
        // Published on Thursday 2024-02-15.
        assert_found(
            "The 19th century mill closed in the post-1990 slump. The festival returns this \
             September; the levy rose in January last year and takes effect on 1 June.",
            "2024-02-15",
            &[
                ("19th century", "DATE", Some("18")),
                ("post-1990", "DATE", Some("1990")),
                ("this September", "DATE", Some("2024-09")),
                ("January", "DATE", Some("2023-01")),
                ("last year", "DATE", Some("2023")),
                ("1 June", "DATE", Some("2024-06-01")),
            ],
        );
        // "effective" names the day a change takes effect: the next one, though the last one
        // is nearer.
        assert_found(
            "The union signed a wage pact effective June 1.",
            "2024-10-26",
            &[("June 1", "DATE", Some("2025-06-01"))],
        );
    }

    #[test]
    fn counts_with_a_word_between_halves_rates_and_long_spans() {
        // Published on Thursday 2024-02-15.
        assert_found(
            "Talks need two more weeks and an additional year of funds, after eight trading \
             days of losses and 2 1/2 years of delays. The levy raises $3 million a year \
             against $2 million a year ago. A day-long strike ended a decades-long feud; \
             trains ran hourly. This quarter looks weaker than last quarter.",
            "2024-02-15",
            &[
                ("two more weeks", "DURATION", Some("P2W")),
                ("an additional year", "DURATION", Some("P1Y")),
                ("eight trading days", "DURATION", Some("P8D")),
                ("2 1/2 years", "DURATION", Some("P2Y6M")),
                ("a year", "SET", Some("P1Y")),
                ("a year ago", "DATE", Some("2023")),
                ("day-long", "DURATION", Some("P1D")),
                ("decades-long", "DURATION", Some("PXY")),
                ("hourly", "SET", Some("PT1H")),
                ("This quarter", "DATE", Some("2024-Q1")),
                ("last quarter", "DATE", Some("2023-Q4")),
            ],
        );
        // Ages are not spans of time.
        assert_found("The 44-year-old mayor resigned.", "2024-02-15", &[]);
    }

    #[test]
    fn holidays_with_a_possessive_in_either_apostrophe() {
        assert_found(
            "The florists were busy before Valentine’s Day and the bakers on New Year’s Day.",
            "2024-03-06",
            &[
                ("Valentine’s Day", "DATE", Some("2024-02-14")),
                ("New Year’s Day", "DATE", Some("2024-01-01")),
            ],
        );
    }

    #[test]
    fn dates_counted_from_the_last_one_named() {
        assert_found(
            "The dam opened on March 3, 2019. Later that year it flooded. The panel met on \
             June 2, 2021, and the next morning it reported; the following year the minister \
             resigned.",
            "2024-05-10",
            &[
                ("March 3, 2019", "DATE", Some("2019-03-03")),
                ("Later that year", "DATE", Some("2019")),
                ("June 2, 2021", "DATE", Some("2021-06-02")),
                ("the next morning", "DATE", Some("2021-06-03")),
                ("the following year", "DATE", Some("2022")),
            ],
        );
        // With no date named before, the publication date; a part of the day is a time.
        assert_found(
            "Crowds gathered that evening near the port on Friday night.",
            "2024-05-10",
            &[
                ("that evening", "TIME", Some("2024-05-10TEV")),
                ("Friday night", "TIME", Some("2024-05-10TNI")),
            ],
        );
    }

    #[test]
    fn years_in_words_fiscal_years_and_quarters_as_spans() {
        assert_found(
            "Sales fell in nineteen ninety-six and by year-end the fiscal year looked poor; \
             several quarters of losses followed, a quarter of the staff left, and in the \
             coming months prices may rise.",
            "2024-05-10",
            &[
                ("nineteen ninety-six", "DATE", Some("1996")),
                ("year-end", "DATE", Some("2024")),
                ("the fiscal year", "DATE", Some("2024")),
                ("several quarters", "DURATION", Some("PXQ")),
                ("coming months", "DATE", Some("FUTURE_REF")),
            ],
        );
    }

    #[test]
    fn seasons_vague_futures_and_decades_in_words() {
        let v = values(
            "Like the nineties, these days the port is busy; in the early summer it will \
             expand, and in the near future again, despite the fall in prices.",
            "2024-03-06",
        );
        let texts: Vec<(&str, Option<&str>)> =
            v.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            texts,
            [
                ("the nineties", Some("199")),
                ("these days", Some("PRESENT_REF")),
                ("the early summer", Some("2024-SU")),
                ("the near future", Some("FUTURE_REF")),
            ]
        );
    }

    #[test]
    fn decades_ago_and_vague_counts_ago() {
        let v = values(
            "The dam opened two decades ago and was repaired several years ago, due to floods.",
            "2024-03-06",
        );
        assert_eq!(
            v[0],
            ("two decades ago".into(), "DATE", Some("2004".into()))
        );
        assert_eq!(
            v[1],
            ("several years ago".into(), "DATE", Some("PAST_REF".into()))
        );
        // "due to" is a cause, not a schedule: the third quarter stays last year's.
        let v = values("Profit fell due to its third-quarter loss.", "2024-02-06");
        assert_eq!(v[0].2.as_deref(), Some("2023-Q3"));
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
