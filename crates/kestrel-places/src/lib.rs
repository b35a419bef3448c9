//! Where: a compact GeoNames gazetteer and toponym resolution.
//!
//! The gazetteer (`dictionaries/gazetteer.tsv.gz`, built by `kestrel build-gazetteer` from
//! GeoNames' countryInfo, admin1 codes and cities15000; CC BY 4.0) lists countries, first-level
//! regions and cities of 15,000 people or more, one a line:
//! `geonameid level name country admin1 lat lon population alternate|names`. GeoNames gives
//! no coordinates for countries and regions in these files: they stand at the mean position of
//! their cities of 15,000 or more (an approximation, documented).
//!
//! A place name resolves to the candidate that scores best on: lying in a country the article
//! is about (its actors' countries and the places already resolved), being a country or region
//! when the name is one, and population.
#![deny(missing_docs)]

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, OnceLock};

use kestrel_core::{Document, EntityKind, Layer, Place, Stage};

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// GeoNames id.
    pub geonameid: u64,
    /// `country`, `admin1`, `capital` or `city`.
    pub level: String,
    /// Its name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: String,
    /// First-level region's name, for regions and cities.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
}

/// The gazetteer with its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_name: HashMap<String, Vec<u32>>,
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_start_matches("the ")
        .to_string()
}

impl Gazetteer {
    /// Reads the TSV form.
    pub fn from_tsv(content: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in content.lines() {
            if line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let (Ok(geonameid), Ok(lat), Ok(lon)) = (f[0].parse(), f[5].parse(), f[6].parse())
            else {
                continue;
            };
            let i = g.entries.len() as u32;
            g.entries.push(Entry {
                geonameid,
                level: f[1].to_string(),
                name: f[2].to_string(),
                country: f[3].to_string(),
                admin1: (!f[4].is_empty()).then(|| f[4].to_string()),
                lat,
                lon,
                population: f[7].parse().unwrap_or(0),
            });
            for name in std::iter::once(f[2]).chain(f[8].split('|')) {
                let k = key(name);
                if k.is_empty() {
                    continue;
                }
                let slot = g.by_name.entry(k).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        g
    }

    /// The gazetteer shipped with Kestrel.
    pub fn builtin() -> Arc<Gazetteer> {
        static G: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        G.get_or_init(|| {
            let bytes = include_bytes!("../../../dictionaries/gazetteer.tsv.gz");
            let mut text = String::new();
            let _ = flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text);
            Arc::new(Gazetteer::from_tsv(&text))
        })
        .clone()
    }

    /// The country entry of an ISO 3166 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.level == "country" && e.country == iso3)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best entry for a place name, given the countries the article is about.
    pub fn resolve(&self, name: &str, focus: &[String]) -> Option<&Entry> {
        self.resolve_near(name, focus, &[])
    }

    /// The best entry for a place name, given the countries the article is about and the
    /// regions (country, first-level region) of the other places it names: an article's
    /// places tend to lie together, so "Springfield" beside "Peoria" is the one in Illinois.
    pub fn resolve_near<'a>(
        &'a self,
        name: &str,
        focus: &[String],
        regions: &[(&str, &str)],
    ) -> Option<&'a Entry> {
        let ids = self.by_name.get(&key(name))?;
        let near = |e: &Entry| {
            let same = regions
                .iter()
                .any(|(c, a)| *c == e.country && e.admin1.as_deref() == Some(*a));
            if same && e.level != "admin1" {
                NEAR_WEIGHT
            } else {
                0.0
            }
        };
        ids.iter()
            .map(|&i| &self.entries[i as usize])
            .max_by(|a, b| (score(a, focus) + near(a)).total_cmp(&(score(b, focus) + near(b))))
    }

    /// Resolves all the place names of one article together: a first pass by focus and
    /// population, a second that favours the regions the first pass found for the other names.
    pub fn resolve_all<'a>(&'a self, names: &[&str], focus: &[String]) -> Vec<Option<&'a Entry>> {
        let first: Vec<Option<&Entry>> = names.iter().map(|n| self.resolve(n, focus)).collect();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let regions: Vec<(&str, &str)> = first
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| key(names[*j]) != key(names[i]))
                    .filter_map(|(_, e)| {
                        let e = (*e)?;
                        // A region named outright counts as much as a city in it.
                        let admin1 = if e.level == "admin1" {
                            e.name.as_str()
                        } else {
                            e.admin1.as_deref()?
                        };
                        Some((e.country.as_str(), admin1))
                    })
                    .collect();
                self.resolve_near(n, focus, &regions)
            })
            .collect()
    }
}

/// What lying in the same first-level region as another of the article's places is worth.
const NEAR_WEIGHT: f64 = 3.0;

/// How likely an entry is the place meant.
fn score(e: &Entry, focus: &[String]) -> f64 {
    let level = match e.level.as_str() {
        "country" => 6.0,
        "capital" => 4.0,
        "admin1" => 3.0,
        _ => 0.0,
    };
    // The first country named weighs most.
    let in_focus = match focus.iter().position(|c| *c == e.country) {
        Some(rank) => 8.0 - (rank as f64).min(4.0),
        None => 0.0,
    };
    level + in_focus + (e.population as f64 + 1.0).ln() / 2.0
}

/// Distance in kilometres between two points (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The countries an article is about, most mentioned first: its actors' countries.
pub fn focus_countries(doc: &Document) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in &doc.entities {
        let Some(code) = e.actor.as_ref().map(|a| a.code.clone()) else {
            continue;
        };
        if code.len() != 3 || code.starts_with("IGO") || code == "---" {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some(slot) => slot.1 += 1,
            None => counts.push((code, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counts.into_iter().map(|(c, _)| c).collect()
}

/// Resolves a document's place mentions (GPE and LOC entities).
pub fn find_places(doc: &Document, gazetteer: &Gazetteer) -> Vec<Place> {
    let focus = focus_countries(doc);
    let mentions: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| matches!(doc.entities[i].kind, EntityKind::Gpe | EntityKind::Loc))
        .collect();
    let names: Vec<&str> = mentions
        .iter()
        .map(|&i| doc.slice(doc.entities[i].span))
        .collect();
    let resolved = gazetteer.resolve_all(&names, &focus);
    let mut out = Vec::new();
    // The dateline's place ("NAIROBI —") when no entity mention covers it.
    if let Some(d) = &doc.dateline {
        let covered = mentions.iter().any(|&i| {
            let s = doc.entities[i].span;
            s.start < d.place.end && d.place.start < s.end
        });
        let sentence = doc
            .sentences
            .iter()
            .position(|s| s.span.start <= d.place.start && d.place.start < s.span.end.max(1));
        if let (false, Some(entry)) = (covered, gazetteer.resolve(doc.slice(d.place), &focus)) {
            out.push(place(d.place, sentence.unwrap_or(0), None, entry));
        }
    }
    for (&i, entry) in mentions.iter().zip(resolved) {
        let Some(entry) = entry else {
            continue;
        };
        let e = &doc.entities[i];
        out.push(place(e.span, e.sentence, Some(i), entry));
    }
    out.sort_by_key(|p| p.span.start);
    out
}

fn place(span: kestrel_core::Span, sentence: usize, entity: Option<usize>, e: &Entry) -> Place {
    Place {
        span,
        sentence,
        entity,
        geonameid: e.geonameid,
        name: e.name.clone(),
        country: e.country.clone(),
        admin1: e.admin1.clone(),
        lat: e.lat,
        lon: e.lon,
        level: e.level.clone(),
    }
}

/// The pipeline stage that adds the `places` layer.
#[derive(Clone, Debug)]
pub struct PlaceStage {
    gazetteer: Arc<Gazetteer>,
}

impl PlaceStage {
    /// A stage over a gazetteer.
    pub fn new(gazetteer: Arc<Gazetteer>) -> PlaceStage {
        PlaceStage { gazetteer }
    }
}

impl Stage for PlaceStage {
    fn name(&self) -> &'static str {
        "places"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn assigns(&self) -> Layer {
        Layer::Places
    }

    fn process(&self, doc: &mut Document) {
        doc.places = find_places(doc, &self.gazetteer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "\
1\tcountry\tValdoria\tVAL\t\t10.0\t20.0\t5000000\tRepublic of Valdoria
2\tcity\tPortmere\tVAL\tCoast\t10.5\t20.5\t300000\t
3\tcity\tPortmere\tKSL\tNorth\t40.0\t-70.0\t20000\t
4\tcity\tLakeside\tKSL\tNorth\t41.0\t-71.0\t900000\t
";

    #[test]
    fn names_resolve_by_focus_and_population() {
        let g = Gazetteer::from_tsv(TSV);
        assert_eq!(g.resolve("Portmere", &[]).unwrap().country, "VAL");
        assert_eq!(g.resolve("Portmere", &["KSL".into()]).unwrap().geonameid, 3);
        assert_eq!(
            g.resolve("the Republic of Valdoria", &[]).unwrap().level,
            "country"
        );
        assert!(g.resolve("Atlantis", &[]).is_none());
        let d = distance_km((10.0, 20.0), (10.5, 20.5));
        assert!((70.0..90.0).contains(&d), "{d}");
    }

    #[test]
    fn names_of_one_article_pull_towards_one_region() {
        let g = Gazetteer::from_tsv(TSV);
        let alone = g.resolve_all(&["Portmere"], &[]);
        assert_eq!(alone[0].unwrap().geonameid, 2);
        let together = g.resolve_all(&["Portmere", "Lakeside"], &[]);
        assert_eq!(together[0].unwrap().geonameid, 3);
        assert_eq!(together[1].unwrap().geonameid, 4);
        // A country the article is about still outweighs a neighbour.
        let focused = g.resolve_all(&["Portmere", "Lakeside"], &["VAL".into()]);
        assert_eq!(focused[0].unwrap().geonameid, 2);
    }
}
