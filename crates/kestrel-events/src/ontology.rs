//! The two ontologies Kestrel codes to: CAMEO codes (names, Goldstein scores, quad classes)
//! and PLOVER 2.0 (event types, their modes, and conflict-cooperation scores).
//!
//! The CAMEO table ships as `dictionaries/cameo.tsv`, rebuilt from the CAMEO code list and the
//! CAMEO→PLOVER conversion table by `kestrel build-cameo`. PLOVER's types, modes and scores are
//! facts from the PLOVER 2.0 manual, written out below.

use std::collections::HashMap;
use std::fmt::Write;

use crate::EventError;

/// PLOVER 2.0's sixteen event types, in the manual's order.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The modes each PLOVER type allows, and the PLOVER score of the type alone and of each
/// type–mode pair (PLOVER 2.0 manual, conflict–cooperation scores).
type ModeScores = &'static [(&'static str, f32)];

const PLOVER_MODES: &[(&str, f32, ModeScores)] = &[
    ("AGREE", 2.5, &[]),
    (
        "CONSULT",
        2.5,
        &[
            ("visit", 4.0),
            ("third-party", 1.0),
            ("multilateral", 4.0),
            ("phone", 1.5),
        ],
    ),
    ("SUPPORT", 5.0, &[]),
    ("CONCEDE", 4.5, &[]),
    ("COOPERATE", 9.5, &[]),
    ("AID", 10.0, &[]),
    (
        "RETREAT",
        6.5,
        &[
            ("withdraw", 8.0),
            ("release", 6.5),
            ("disarm", 10.0),
            ("ceasefire", 7.5),
            ("access", 6.5),
            ("resign", 4.5),
        ],
    ),
    (
        "REQUEST",
        0.0,
        &[
            ("assist", 0.5),
            ("change", -1.0),
            ("yield", -1.0),
            ("meet", 0.0),
        ],
    ),
    (
        "ACCUSE",
        -3.0,
        &[
            ("disapprove", -2.0),
            ("investigate", -3.5),
            ("allege", -3.5),
        ],
    ),
    (
        "REJECT",
        -2.0,
        &[
            ("assist", -1.5),
            ("change", -2.0),
            ("yield", -2.0),
            ("meet", -2.0),
        ],
    ),
    (
        "THREATEN",
        -3.5,
        &[
            ("restrict", -3.0),
            ("arrest", -3.5),
            ("relations", -3.5),
            ("expel", -3.5),
            ("territory", -4.0),
            ("violence", -3.5),
        ],
    ),
    (
        "PROTEST",
        -5.0,
        &[
            ("demo", -5.0),
            ("riot", -7.0),
            ("strike", -5.0),
            ("hunger", -4.5),
            ("boycott", -4.5),
            ("obstruct", -4.5),
            ("vandalize", -5.0),
        ],
    ),
    (
        "SANCTION",
        -6.0,
        &[
            ("convict", -6.0),
            ("expel", -5.5),
            ("withdraw", -6.0),
            ("discontinue", -6.0),
        ],
    ),
    (
        "MOBILIZE",
        -5.5,
        &[
            ("troops", -6.5),
            ("weapons", -6.5),
            ("police", -5.5),
            ("militia", -6.0),
        ],
    ),
    (
        "COERCE",
        -7.0,
        &[
            ("seize", -7.0),
            ("restrict", -7.0),
            ("censor", -6.5),
            ("curfew", -6.5),
            ("martial-law", -7.5),
            ("arrest", -7.0),
            ("deport", -7.0),
            ("withhold", -7.0),
            ("misinformation", -6.5),
            ("cyber", -7.0),
        ],
    ),
    (
        "ASSAULT",
        -9.0,
        &[
            ("abduct", -8.5),
            ("beat", -7.5),
            ("torture", -8.5),
            ("sexual", -8.5),
            ("targeted", -9.5),
            ("destroy", -8.5),
            ("primitive", -8.0),
            ("firearms", -9.0),
            ("explosives", -9.0),
            ("suicide-attack", -9.5),
            ("aerial", -9.5),
            ("drone", -9.5),
            ("heavy-weapons", -9.5),
            ("crowd-control", -7.5),
            ("unconventional", -10.0),
        ],
    ),
];

/// PLOVER 2.0's contexts (the manual's "context codes that can be used with any category").
pub const PLOVER_CONTEXTS: &[&str] = &[
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
];

/// The modes a PLOVER type allows (empty for types without modes); `None` for an unknown type.
pub fn plover_modes(plover_type: &str) -> Option<Vec<&'static str>> {
    PLOVER_MODES
        .iter()
        .find(|(t, _, _)| *t == plover_type)
        .map(|(_, _, modes)| modes.iter().map(|(m, _)| *m).collect())
}

/// The PLOVER score of a type and mode (the type's own score when the mode has none).
pub fn plover_score(plover_type: &str, mode: Option<&str>) -> Option<f32> {
    let (_, base, modes) = PLOVER_MODES.iter().find(|(t, _, _)| *t == plover_type)?;
    Some(
        mode.and_then(|m| modes.iter().find(|(n, _)| *n == m).map(|(_, s)| *s))
            .unwrap_or(*base),
    )
}

/// CAMEO's quad class of a code, by its root: 1 verbal cooperation (01–05), 2 material
/// cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub fn quad_class(cameo: &str) -> u8 {
    match cameo
        .get(..2)
        .and_then(|r| r.parse::<u8>().ok())
        .unwrap_or(0)
    {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

/// One CAMEO code and what it becomes in PLOVER.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code, with its leading zero ("0211").
    pub code: String,
    /// CAMEO's name for it.
    pub name: String,
    /// Goldstein conflict-cooperation score.
    pub goldstein: f32,
    /// The PLOVER type it converts to; `None` for CAMEO's public statements (01), which PLOVER
    /// does not code.
    pub plover_type: Option<String>,
    /// The PLOVER mode it converts to, when the conversion gives one that PLOVER 2.0 allows.
    pub mode: Option<String>,
    /// PLOVER contexts the conversion gives.
    pub context: Vec<String>,
}

/// Every CAMEO code Kestrel knows.
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

const CAMEO_TSV: &str = include_str!("../../../dictionaries/cameo.tsv");

impl CameoTable {
    /// The table shipped with Kestrel.
    pub fn builtin() -> CameoTable {
        CameoTable::from_tsv(CAMEO_TSV).expect("the shipped CAMEO table is valid")
    }

    /// Reads the table's TSV form (code, Goldstein, PLOVER type, mode, contexts, name).
    pub fn from_tsv(content: &str) -> Result<CameoTable, EventError> {
        let mut codes = HashMap::new();
        for (n, line) in content.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |why: &str| EventError::Dictionary {
                source_name: "cameo.tsv".into(),
                line: n + 1,
                message: why.into(),
            };
            if f.len() != 6 {
                return Err(bad("expected 6 tab-separated fields"));
            }
            let goldstein = f[1]
                .parse::<f32>()
                .map_err(|_| bad("the Goldstein score is not a number"))?;
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            codes.insert(
                f[0].to_string(),
                CameoCode {
                    code: f[0].to_string(),
                    goldstein,
                    plover_type: opt(f[2]),
                    mode: opt(f[3]),
                    context: f[4]
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(String::from)
                        .collect(),
                    name: f[5].to_string(),
                },
            );
        }
        Ok(CameoTable { codes })
    }

    /// The code's entry.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Makes sure `code` is in the table: a code it lacks (a dictionary's local sub-code such
    /// as "0579") is added with its closest parent's score and PLOVER conversion. False when no
    /// parent is known either.
    pub fn add_like_parent(&mut self, code: &str) -> bool {
        if self.codes.contains_key(code) {
            return true;
        }
        let parent = (2..code.len())
            .rev()
            .filter_map(|n| code.get(..n))
            .find_map(|p| self.codes.get(p))
            .cloned();
        match parent {
            Some(mut c) => {
                c.code = code.to_string();
                self.codes.insert(code.to_string(), c);
                true
            }
            None => false,
        }
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the table has no codes.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Builds `dictionaries/cameo.tsv` from the CAMEO code list (CSV with `code`, `name` and
/// `goldstein` columns) and the CAMEO→PLOVER conversion table (`CODE: TYPE, mode, context #
/// name` lines).
///
/// Where the conversion table is silent about a code, the code takes its parent's conversion
/// ("0211" from "021", then "02"). Two choices are Kestrel's own and documented in the README:
/// CAMEO's appeals (02) become PLOVER `REQUEST`, as PLOVER folds requests and demands together,
/// and public statements (01) stay without a PLOVER type.
pub fn build_cameo_table(cameo_csv: &str, cameo_to_plover: &str) -> Result<String, EventError> {
    let bad = |source: &str, line: usize, message: String| EventError::Dictionary {
        source_name: source.into(),
        line,
        message,
    };
    let mut conversion: HashMap<String, (String, Option<String>, Vec<String>)> = HashMap::new();
    for (n, line) in cameo_to_plover.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let parts: Vec<&str> = rest.split(',').map(str::trim).collect();
        let plover_type = parts[0].to_string();
        if !PLOVER_TYPES.contains(&plover_type.as_str()) {
            return Err(bad(
                "CAMEO2PLOVER",
                n + 1,
                format!("unknown PLOVER type {plover_type:?}"),
            ));
        }
        let modes = plover_modes(&plover_type).unwrap_or_default();
        let mode = parts
            .get(1)
            .map(|m| m.trim().to_string())
            .filter(|m| modes.contains(&m.as_str()));
        let context: Vec<String> = parts
            .get(2)
            .map(|c| {
                c.split(';')
                    .map(|x| x.trim().replace('-', "_"))
                    .filter(|x| PLOVER_CONTEXTS.contains(&x.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        // A code listed twice keeps its first conversion.
        conversion
            .entry(code.to_string())
            .or_insert((plover_type, mode, context));
    }
    conversion.insert("02".into(), ("REQUEST".into(), None, vec![]));

    let mut reader = csv::Reader::from_reader(cameo_csv.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad("cameo-codes.csv", 1, e.to_string()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| bad("cameo-codes.csv", 1, format!("no {name:?} column")))
    };
    let (code_col, name_col, goldstein_col) =
        (column("code")?, column("name")?, column("goldstein")?);
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| bad("cameo-codes.csv", n + 2, e.to_string()))?;
        let code = record.get(code_col).unwrap_or("").trim().to_string();
        let goldstein: f32 = record
            .get(goldstein_col)
            .unwrap_or("")
            .trim()
            .parse()
            .map_err(|_| {
                bad(
                    "cameo-codes.csv",
                    n + 2,
                    format!("code {code}: bad Goldstein score"),
                )
            })?;
        let name = record.get(name_col).unwrap_or("").trim().to_string();
        let mut key = code.clone();
        let converted = loop {
            if let Some(c) = conversion.get(&key) {
                break Some(c.clone());
            }
            if key.len() <= 2 {
                break None;
            }
            key.pop();
        };
        rows.push((code, goldstein, converted, name));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from(
        "# CAMEO codes for Kestrel: code, Goldstein score, PLOVER type, PLOVER mode, PLOVER contexts, name.\n\
         # Built by `kestrel build-cameo` from the CAMEO code list (MIT) and the CAMEO-to-PLOVER table (CC BY-SA 4.0).\n",
    );
    for (code, goldstein, converted, name) in rows {
        let (t, m, c) = converted.unwrap_or_default();
        let _ = writeln!(
            out,
            "{code}\t{goldstein}\t{t}\t{}\t{}\t{name}",
            m.unwrap_or_default(),
            c.join(",")
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontology_scores_and_quads() {
        assert_eq!(plover_score("CONSULT", Some("visit")), Some(4.0));
        assert_eq!(plover_score("CONSULT", None), Some(2.5));
        assert_eq!(plover_score("ASSAULT", Some("no-such-mode")), Some(-9.0));
        assert_eq!(plover_score("FIGHT", None), None);
        assert_eq!(quad_class("0211"), 1);
        assert_eq!(quad_class("073"), 2);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(quad_class("190"), 4);
        assert_eq!(plover_modes("AID"), Some(vec![]));
    }

    #[test]
    fn ontology_builds_the_cameo_table_with_parent_conversions() {
        let csv = "\"code\",\"name\",\"goldstein\"\n\"02\",\"APPEAL\",3\n\"0211\",\"Appeal for economic cooperation\",3.4\n\"041\",\"Discuss by telephone\",1\n\"010\",\"Make statement\",0\n\"042\",\"Make a visit\",1.9\n";
        let map = "04: CONSULT\n041: CONSULT, phone,   # Discuss by telephone\n042: CONSULT, visit, diplomatic # Make a visit\n";
        let tsv = build_cameo_table(csv, map).unwrap();
        let table = CameoTable::from_tsv(&tsv).unwrap();
        assert_eq!(table.len(), 5);
        let phone = table.get("041").unwrap();
        assert_eq!(phone.plover_type.as_deref(), Some("CONSULT"));
        assert_eq!(phone.mode.as_deref(), Some("phone"));
        assert_eq!(table.get("042").unwrap().context, ["diplomatic"]);
        assert_eq!(
            table.get("0211").unwrap().plover_type.as_deref(),
            Some("REQUEST")
        );
        assert_eq!(table.get("010").unwrap().plover_type, None);
        assert!((table.get("0211").unwrap().goldstein - 3.4).abs() < 1e-6);
    }
}
