//! Where: a compact GeoNames gazetteer and toponym resolution.
//!
//! The gazetteer (`dictionaries/gazetteer.tsv.gz`, built by `kestrel build-gazetteer` from
//! GeoNames' countryInfo, admin1 and admin2 codes and cities15000; CC BY 4.0) lists countries,
//! first- and second-level regions and cities of 15,000 people or more, one a line:
//! `geonameid level name country admin1 lat lon population alternate|names [fips]` (the FIPS
//! 10-4 code on country lines only). GeoNames gives
//! no coordinates for countries and regions in these files: they stand at the mean position of
//! their cities of 15,000 or more, a second-level region without such a city at its region's
//! point (an approximation, documented).
//!
//! A place name resolves to the candidate that scores best on: lying in a country the article
//! is about (its actors' countries, then the countries its place names point to), being a
//! country, capital or region when the name is one, population, and lying in the same region as
//! the article's other places.
#![deny(missing_docs)]

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use kestrel_core::{Document, EntityKind, Layer, Place, Stage};

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// GeoNames id.
    pub geonameid: u64,
    /// `country`, `admin1`, `admin2`, `region` (a named group of regions, or a part of a
    /// country or region such as "eastern Ukraine"), `capital` or `city`.
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

/// A place name as an article writes it, with the words after it that name its region
/// ([`Gazetteer::qualifier`]).
#[derive(Clone, Copy, Debug)]
pub struct Mention<'a> {
    /// The name.
    pub name: &'a str,
    /// The region's name, as written ("Tenn.", "Ontario").
    pub qualifier: Option<&'a str>,
}

impl<'a> Mention<'a> {
    /// A name written with no region after it.
    pub fn bare(name: &'a str) -> Mention<'a> {
        Mention {
            name,
            qualifier: None,
        }
    }
}

/// The gazetteer with its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Names to entries; FxHash, as the gazetteer hashes some 600,000 names when it loads and
    /// SipHash's protection against chosen keys buys nothing for a file we ship.
    by_name: HashMap<String, Vec<u32>, rustc_hash::FxBuildHasher>,
    countries: HashMap<String, u32>,
    fips: HashMap<String, String>,
}

/// The index key of a name: its words lower-cased, in ASCII letters ("Île-de-France" and
/// "Ile-de-France" are one name, as the news writes both), without a leading "the".
fn key(name: &str) -> String {
    if !name.is_ascii() {
        let words = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let ascii = deunicode::deunicode(&words);
        return ascii.to_lowercase().trim_start_matches("the ").to_string();
    }
    // The same in one pass for the ASCII names that are nearly all of them: the gazetteer
    // keys some 600,000 names when it loads.
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    let mut the = 0;
    while out[the..].starts_with("the ") {
        the += 4;
    }
    out.drain(..the);
    out
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
            if f[1] == "country" {
                g.countries.insert(f[3].to_string(), i);
                if let Some(code) = f.get(9).filter(|c| !c.is_empty()) {
                    g.fips.insert(f[3].to_string(), code.to_string());
                }
            }
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
            // GeoNames writes "Western Darfur", news "West Darfur": regions also go by the
            // short compass word.
            let short = matches!(f[1], "admin1" | "admin2")
                .then(|| short_compass_form(f[2]))
                .flatten();
            for name in std::iter::once(f[2])
                .chain(f[8].split('|'))
                .chain(short.as_deref())
            {
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
            let text = kestrel_core::gunzip_to_string(bytes).unwrap_or_default();
            kestrel_core::embedded::release(bytes);
            Arc::new(Gazetteer::from_tsv(&text))
        })
        .clone()
    }

    /// The country entry of an ISO 3166 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).map(|&i| &self.entries[i as usize])
    }

    /// The FIPS 10-4 code of a country (GDELT's geographic country codes), from GeoNames.
    pub fn fips(&self, iso3: &str) -> Option<&str> {
        self.fips.get(iso3).map(String::as_str)
    }

    /// The part of a country or first-level region that a compass word names ("eastern
    /// Ukraine"): placed at the mean position of the third of its cities that lie furthest that
    /// way, or, for "central", nearest its centre. The part keeps the whole's GeoNames id.
    pub fn part(&self, whole: &Entry, compass_word: &str) -> Option<Entry> {
        let (north, east) = compass(compass_word)?;
        if !matches!(whole.level.as_str(), "country" | "admin1") {
            return None;
        }
        let mut cities: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| {
                matches!(e.level.as_str(), "city" | "capital")
                    && e.country == whole.country
                    && (whole.level == "country" || e.admin1 == whole.admin1)
            })
            .collect();
        if cities.is_empty() {
            return None;
        }
        let toward = |e: &Entry| {
            if north == 0.0 && east == 0.0 {
                -distance_km((e.lat, e.lon), (whole.lat, whole.lon))
            } else {
                north * (e.lat - whole.lat) + east * (e.lon - whole.lon)
            }
        };
        cities.sort_by(|a, b| toward(b).total_cmp(&toward(a)));
        let part = &cities[..cities.len().div_ceil(3)];
        let n = part.len() as f64;
        Some(Entry {
            geonameid: whole.geonameid,
            level: "region".into(),
            name: format!("{} {}", compass_word.to_lowercase(), whole.name),
            country: whole.country.clone(),
            admin1: whole.admin1.clone(),
            lat: part.iter().map(|e| e.lat).sum::<f64>() / n,
            lon: part.iter().map(|e| e.lon).sum::<f64>() / n,
            population: part.iter().map(|e| e.population).sum(),
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The first-level region of a country by its name.
    fn admin1_of(&self, country: &str, name: &str) -> Option<&Entry> {
        self.regions_named(name)
            .into_iter()
            .find(|e| e.level == "admin1" && e.country == country)
    }

    /// Whether the gazetteer lists this place under this name (its own or an alternate).
    pub fn knows_as(&self, name: &str, place: &Entry) -> bool {
        self.by_name
            .get(&key(name))
            .is_some_and(|ids| ids.iter().any(|&i| self.entries[i as usize] == *place))
    }

    /// How a name came to its reading: `written_region` when the reading is the region written
    /// after the name rather than a place of that name, else `name`.
    pub fn basis(&self, name: &str, qualifier: Option<&str>, reading: &Entry) -> &'static str {
        let of_the_name = |n: &str| self.knows_as(n, reading);
        let written = qualifier.is_some_and(|q| {
            self.regions_named(q)
                .iter()
                .any(|r| r.geonameid == reading.geonameid)
        });
        if written && !of_the_name(name) && !of_the_name(&format!("{name} county")) {
            "written_region"
        } else {
            "name"
        }
    }

    /// The first-level region where most of an article's towns lie (cities, capitals and
    /// counties, each mention counted; two at least and half of them, the first named winning a
    /// tie): where a town the gazetteer lacks most likely is.
    pub fn article_region<'a>(&'a self, readings: &[Option<&'a Entry>]) -> Option<&'a Entry> {
        let mut counts: Vec<((&str, &str), usize)> = Vec::new();
        for e in readings.iter().flatten().filter(|e| is_local(e)) {
            if let Some(admin1) = e.admin1.as_deref() {
                tally(&mut counts, (e.country.as_str(), admin1));
            }
        }
        let ((country, admin1), best) = most(&counts)?;
        let all: usize = counts.iter().map(|(_, n)| n).sum();
        // Two towns at least, and most of them: a story that names one town, or towns
        // everywhere, says nothing of where an unknown one lies.
        if best < 2 || 2 * best < all {
            return None;
        }
        self.admin1_of(country, admin1)
    }

    /// Where a publication is at home, learned from the readings of the places its articles
    /// name (towns and counties, each once an article): the first-level region that holds
    /// half of them, else the country that holds half of them, with at least
    /// [`HOME_MIN_TOWNS`] towns behind it. A local paper names its own towns over and over;
    /// what it names once ("Paris", "Dublin") is then read as the namesake next door.
    pub fn home_region<'a>(&'a self, articles: &[Vec<Option<&'a Entry>>]) -> Option<&'a Entry> {
        // Each place once an article: the paper's own town, named in every line of a story,
        // is the name most likely read as a namesake elsewhere.
        let mut local: Vec<&Entry> = Vec::new();
        for readings in articles {
            let mut seen: Vec<u64> = Vec::new();
            for e in readings.iter().flatten().filter(|e| is_local(e)) {
                if !seen.contains(&e.geonameid) {
                    seen.push(e.geonameid);
                    local.push(e);
                }
            }
        }
        let majority = |n: usize| n >= HOME_MIN_TOWNS && 2 * n >= local.len();
        let mut regions: Vec<((&str, &str), usize)> = Vec::new();
        let mut countries: Vec<(&str, usize)> = Vec::new();
        for e in &local {
            tally(&mut countries, e.country.as_str());
            if let Some(admin1) = e.admin1.as_deref() {
                tally(&mut regions, (e.country.as_str(), admin1));
            }
        }
        if let Some(((country, admin1), _)) = most(&regions).filter(|&(_, n)| majority(n)) {
            return self.admin1_of(country, admin1);
        }
        let (country, _) = most(&countries).filter(|&(_, n)| majority(n))?;
        self.country(country)
    }

    /// The levels (`city`, `admin1`, ...) of the places that go by this name, their own or an
    /// alternate one.
    pub fn levels_named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.by_name
            .get(&key(name))
            .into_iter()
            .flatten()
            .map(|&i| self.entries[i as usize].level.as_str())
    }

    /// Whether some place has this name, its own or an alternate one.
    pub fn has_name(&self, name: &str) -> bool {
        self.by_name.contains_key(&key(name))
    }

    /// The best entry for a place name, given the countries the article is about.
    pub fn resolve(&self, name: &str, focus: &[String]) -> Option<&Entry> {
        self.resolve_near(name, focus, &[], None)
    }

    /// The words right after a place name that name the region it lies in, as news writes
    /// it: a comma, then up to three capitalised words that end the clause or are an
    /// abbreviation ("Paris, Tenn., police said", "London, Ontario."), and that the gazetteer
    /// knows as a first-level region or a country. `end` is the byte offset where the name
    /// ends.
    ///
    /// ```
    /// # use kestrel_places::Gazetteer;
    /// let g = Gazetteer::from_tsv("1\tadmin1\tKentucky\tUSA\tKentucky\t37.5\t-85.3\t4000000\tKy.\n");
    /// let text = "She grew up in Glasgow, Ky., and left at 18.";
    /// let end = text.find(',').unwrap();
    /// assert_eq!(g.qualifier(text, end), Some("Ky."));
    /// assert_eq!(g.qualifier("Glasgow, Kentucky officials said", 7), None);
    /// ```
    pub fn qualifier<'t>(&self, text: &'t str, end: usize) -> Option<&'t str> {
        let rest = text.get(end..)?.strip_prefix(',')?;
        let rest = rest.trim_start_matches(' ');
        let offset = text.len() - rest.len();
        // The ends of up to three words, as offsets into `rest`.
        let mut ends: Vec<usize> = Vec::new();
        let mut at = 0;
        while ends.len() < 3 {
            let word_end = rest[at..]
                .find(|c: char| c.is_whitespace() || ",;:()\"“”".contains(c))
                .map_or(rest.len(), |i| at + i);
            let word = &rest[at..word_end];
            if !word.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            ends.push(word_end);
            if !rest[word_end..].starts_with(' ') {
                break;
            }
            at = word_end + 1;
        }
        ends.iter().rev().find_map(|&e| {
            let words = &rest[..e];
            let after = &rest[e..];
            let closes = words.ends_with('.')
                || after.is_empty()
                || after.starts_with([',', ';', ':', ')', '\n', '"', '”', '’'])
                || after.starts_with(" —")
                || after.starts_with(" –")
                || after.starts_with(" -");
            if !closes {
                return None;
            }
            let named = |w: &str| !self.regions_named(w).is_empty();
            if named(words) {
                Some(&text[offset..offset + e])
            } else {
                let bare = words.strip_suffix('.').filter(|w| named(w))?;
                Some(&text[offset..offset + bare.len()])
            }
        })
    }

    /// The first-level regions and countries a name can be.
    fn regions_named(&self, name: &str) -> Vec<&Entry> {
        self.by_name
            .get(&key(name))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i as usize])
            .filter(|e| matches!(e.level.as_str(), "admin1" | "country"))
            .collect()
    }

    /// The best entry for a place name, given the countries the article is about and the
    /// regions (country, first-level region) of the other places it names: an article's
    /// places tend to lie together, so "Springfield" beside "Peoria" is the one in Illinois.
    ///
    /// `qualifier` is the region the text places the name in ("Paris, Tenn."): a reading that
    /// lies in one of them wins, and a town the gazetteer lacks there is placed at its
    /// first-level region rather than at a namesake elsewhere.
    pub fn resolve_near<'a>(
        &'a self,
        name: &str,
        focus: &[String],
        regions: &[(&str, &str)],
        qualifier: Option<&str>,
    ) -> Option<&'a Entry> {
        self.resolve_beside(name, focus, regions, qualifier, &[], None)
    }

    /// [`Gazetteer::resolve_near`] given the readings each other name of the article could
    /// have (`others`, one list per name): a town with a reading of another name close by is
    /// likelier than a namesake far from all of them ("Huntsville" beside "Walker County" is
    /// the county's seat).
    fn resolve_beside<'a>(
        &'a self,
        name: &str,
        focus: &[String],
        regions: &[(&str, &str)],
        qualifier: Option<&str>,
        others: &[&[u32]],
        home: Option<&'a Entry>,
    ) -> Option<&'a Entry> {
        let within = qualifier.map(|q| self.regions_named(q)).unwrap_or_default();
        let lies_in = |e: &Entry| {
            within.iter().any(|r| {
                r.geonameid != e.geonameid
                    && r.country == e.country
                    && (r.level == "country" || e.admin1.as_deref() == Some(r.name.as_str()))
            })
        };
        let beside = |e: &Entry| {
            if !is_local(e) {
                return 0.0;
            }
            let close = others
                .iter()
                .filter(|ids| {
                    ids.iter().any(|&j| {
                        let o = &self.entries[j as usize];
                        is_local(o) && o.geonameid != e.geonameid && close_by(e, o)
                    })
                })
                .count();
            BESIDE_WEIGHT * close.min(2) as f64
        };
        let best = self.best_reading(name, focus, regions, &beside, &lies_in);
        if within.is_empty() {
            return self.local_namesake(best, home, regions, &beside).or(best);
        }
        if best.is_some_and(lies_in) {
            return best;
        }
        // The text says where the place is and no reading lies there: a town too small for
        // the gazetteer, placed at its region. A name that is itself a region or country
        // ("Ohio, Kentucky" in a list) keeps its reading.
        let town = best.is_none_or(|e| matches!(e.level.as_str(), "city" | "capital" | "admin2"));
        // Nor when the region's name is a city's too: "Moscow, Kiev" is a list of cities.
        let region_is_a_city_too = qualifier.is_some_and(|q| {
            self.by_name
                .get(&key(q))
                .into_iter()
                .flatten()
                .any(|&i| matches!(self.entries[i as usize].level.as_str(), "city" | "capital"))
        });
        if !town || region_is_a_city_too {
            return best;
        }
        // Only a first-level region: after a country the comma more often lists countries
        // ("the UK, France and Germany").
        within
            .iter()
            .find(|r| r.level == "admin1")
            .copied()
            .or(best)
    }

    /// A publication's home region in place of a small town of the same country elsewhere
    /// that nothing in the article places there: a local paper writes "Paris, Texas" for the
    /// one far away and plain "Paris" for its own, which may be too small for the gazetteer.
    fn local_namesake<'a>(
        &'a self,
        best: Option<&'a Entry>,
        home: Option<&'a Entry>,
        regions: &[(&str, &str)],
        beside: &dyn Fn(&Entry) -> f64,
    ) -> Option<&'a Entry> {
        let (best, home) = (best?, home?);
        let (country, admin1) = home_region(home)?;
        let elsewhere = best.country == country
            && best.level == "city"
            && best.population < LOCAL_NAMESAKE_MAX_POPULATION
            && best.admin1.as_deref() != Some(admin1);
        let placed = regions
            .iter()
            .any(|(c, a)| *c == best.country && best.admin1.as_deref() == Some(*a))
            || beside(best) > 0.0;
        (elsewhere && !placed).then_some(home)
    }

    fn best_reading<'a>(
        &'a self,
        name: &str,
        focus: &[String],
        regions: &[(&str, &str)],
        beside: &dyn Fn(&Entry) -> f64,
        lies_in: &dyn Fn(&Entry) -> bool,
    ) -> Option<&'a Entry> {
        // A county named without the word ("Kanawha") when nothing else has the name, and
        // only with another of the article's places in its region or beside it: alone, a
        // word such as "Atlantic" or "Brown" is no county.
        let (ids, county_by_its_word) = match self.by_name.get(&key(name)) {
            Some(ids) => (ids, false),
            None => (self.by_name.get(&format!("{} county", key(name)))?, true),
        };
        // Two other names in a region say more than one.
        let near = |e: &Entry| {
            let same = regions
                .iter()
                .filter(|(c, a)| *c == e.country && e.admin1.as_deref() == Some(*a))
                .count();
            if e.level != "admin1" {
                NEAR_WEIGHT * same.min(2) as f64
            } else {
                0.0
            }
        };
        // A place called so by its own name before one that has it among its alternate names,
        // which hold old and foreign names ("Athens" was once a name of Lemont, Illinois):
        // worth as much as the article's first country, so an alternate name wins only with
        // the article's countries or neighbours behind it, or when no place has it as its own
        // ("Kiev", "Seville").
        let wanted = key(name);
        let own = |e: &Entry| {
            if key(&e.name) == wanted || short_name(&e.name).is_some_and(|s| key(s) == wanted) {
                ALTERNATE_NAME_WEIGHT
            } else {
                0.0
            }
        };
        // Each reading's evidence once (the neighbours test scans the other names' readings).
        // Neighbours in the same region and neighbours close by each count: a town beside
        // another of the article's names usually shares its region too.
        ids.iter()
            .map(|&i| &self.entries[i as usize])
            .filter_map(|e| {
                let (near, beside, inside) = (near(e), beside(e), lies_in(e));
                if county_by_its_word && near == 0.0 && beside == 0.0 && !inside {
                    return None;
                }
                let within = if inside { WITHIN_WEIGHT } else { 0.0 };
                Some((e, score(e, focus) + near + beside + own(e) + within))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(e, _)| e)
    }

    /// Resolves all the place names of one article together: a first pass by focus and
    /// population, then passes that favour the countries and regions the pass before found for
    /// the other names, until the readings settle (three at most).
    pub fn resolve_all<'a>(&'a self, names: &[&str], focus: &[String]) -> Vec<Option<&'a Entry>> {
        let mentions: Vec<Mention> = names.iter().map(|&name| Mention::bare(name)).collect();
        self.resolve_mentions(&mentions, focus)
    }

    /// [`Gazetteer::resolve_all`] for names that may carry the region the text places them in.
    pub fn resolve_mentions<'a>(
        &'a self,
        mentions: &[Mention],
        focus: &[String],
    ) -> Vec<Option<&'a Entry>> {
        self.resolve_mentions_at(mentions, focus, None)
    }

    /// [`Gazetteer::resolve_mentions`] for an article from a publication whose home is
    /// known (a first-level region or a country, see [`Gazetteer::home_region`]): its country
    /// joins the focus after the article's own countries, and its region counts as two of the
    /// article's places (as much as the neighbours test weighs), so that "Springfield" in a
    /// Tennessee paper's story is the Tennessee town unless the story's own names point
    /// elsewhere; and a small town of the same country far from home that nothing in the
    /// article places there yields to the home region ("Paris" in a Tennessee paper is its own
    /// Paris, too small for the gazetteer, not the one in Texas).
    pub fn resolve_mentions_at<'a>(
        &'a self,
        mentions: &[Mention],
        focus: &[String],
        home: Option<&'a Entry>,
    ) -> Vec<Option<&'a Entry>> {
        let mut focus = focus.to_vec();
        if let Some(h) = home.filter(|h| !h.country.is_empty()) {
            if !focus.contains(&h.country) {
                focus.push(h.country.clone());
            }
        }
        let focus = &focus[..];
        let home_region = home.and_then(home_region);
        let home_regions: Vec<(&str, &str)> = home_region.into_iter().chain(home_region).collect();
        let names: Vec<&str> = mentions.iter().map(|m| m.name).collect();
        let names = &names[..];
        // A name placed once ("Glasgow, Ky.") is that place wherever the article repeats it.
        let qualifiers: Vec<Option<&str>> = mentions
            .iter()
            .map(|m| {
                m.qualifier.or_else(|| {
                    mentions
                        .iter()
                        .find(|o| o.qualifier.is_some() && key(o.name) == key(m.name))?
                        .qualifier
                })
            })
            .collect();
        let mut current: Vec<Option<&Entry>> = names
            .iter()
            .zip(&qualifiers)
            .map(|(n, q)| self.resolve_near(n, focus, &home_regions, *q))
            .collect();
        for _ in 0..3 {
            let next = self.resolve_pass(names, &qualifiers, focus, home, &current);
            let settled = next
                .iter()
                .zip(&current)
                .all(|(a, b)| a.map(|e| e.geonameid) == b.map(|e| e.geonameid));
            current = next;
            if settled {
                break;
            }
        }
        current
    }

    /// One pass of [`Gazetteer::resolve_all`] given the readings of the pass before.
    fn resolve_pass<'a>(
        &'a self,
        names: &[&str],
        qualifiers: &[Option<&str>],
        focus: &[String],
        home: Option<&'a Entry>,
        before: &[Option<&'a Entry>],
    ) -> Vec<Option<&'a Entry>> {
        let home_region = home.and_then(home_region);
        // The countries found for the other names join the focus after the actors'
        // countries, most named first: a local story that names three Ohio towns is about the
        // United States. A name does not vote for itself, or "Georgia" would keep the country
        // it first resolved to.
        let focus_without = |i: usize| {
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for (j, e) in before.iter().enumerate() {
                let Some(e) = e else { continue };
                // A continent has no country to vote for.
                if key(names[j]) == key(names[i]) || e.country.is_empty() {
                    continue;
                }
                match counts.iter_mut().find(|(c, _)| *c == e.country) {
                    Some(slot) => slot.1 += 1,
                    None => counts.push((&e.country, 1)),
                }
            }
            counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            let mut all = focus.to_vec();
            for (c, _) in counts {
                if !all.iter().any(|f| f == c) {
                    all.push(c.to_string());
                }
            }
            all
        };
        // Each distinct name's readings, for the neighbours test.
        let mut candidates: Vec<(String, &[u32])> = Vec::new();
        for n in names {
            let k = key(n);
            if candidates.iter().any(|(c, _)| *c == k) {
                continue;
            }
            if let Some(ids) = self.by_name.get(&k) {
                candidates.push((k, ids));
            }
        }
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let focus = &focus_without(i)[..];
                let regions: Vec<(&str, &str)> = before
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
                    .chain(home_region)
                    .chain(home_region)
                    .collect();
                let own_key = key(n);
                let others: Vec<&[u32]> = candidates
                    .iter()
                    .filter(|(k, _)| *k != own_key)
                    .map(|(_, ids)| *ids)
                    .collect();
                self.resolve_beside(n, focus, &regions, qualifiers[i], &others, home)
            })
            .collect()
    }
}

/// "Western Darfur" → "West Darfur": a name that opens with a compass adjective, with the
/// short word instead.
fn short_compass_form(name: &str) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    let short = match first {
        "Northern" => "North",
        "Southern" => "South",
        "Eastern" => "East",
        "Western" => "West",
        _ => return None,
    };
    Some(format!("{short} {rest}"))
}

/// Words that name a kind of administrative region after its name ("Borno State", "Helmand
/// Province", "Diyala Governorate").
const REGION_KIND_WORDS: &[&str] = &[
    "state",
    "province",
    "region",
    "governorate",
    "prefecture",
    "oblast",
    "district",
    "department",
    "county",
];

/// The name without a trailing word for its kind of region, when the gazetteer lacks the
/// whole and knows the rest as a region: "West Darfur State" is West Darfur.
fn without_region_kind<'t>(gazetteer: &Gazetteer, text: &'t str) -> Option<&'t str> {
    // The word first: most mentions end in none, and then no lookup is needed.
    let (rest, last) = text.rsplit_once(' ')?;
    if !REGION_KIND_WORDS.contains(&last.to_lowercase().as_str()) || gazetteer.has_name(text) {
        return None;
    }
    let ids = gazetteer.by_name.get(&key(rest))?;
    ids.iter()
        .any(|&i| {
            matches!(
                gazetteer.entries[i as usize].level.as_str(),
                "admin1" | "admin2"
            )
        })
        .then_some(rest)
}

/// The direction a compass word points, as (north, east) components; (0, 0) for "central".
fn compass(word: &str) -> Option<(f64, f64)> {
    let d = std::f64::consts::FRAC_1_SQRT_2;
    let w = word.to_lowercase().replace('-', "");
    let w = w.strip_suffix("ern").unwrap_or(&w);
    Some(match w {
        "north" => (1.0, 0.0),
        "south" => (-1.0, 0.0),
        "east" => (0.0, 1.0),
        "west" => (0.0, -1.0),
        "northeast" => (d, d),
        "northwest" => (d, -d),
        "southeast" => (-d, d),
        "southwest" => (-d, -d),
        "central" => (0.0, 0.0),
        _ => return None,
    })
}

/// The short name of a city whose full name adds its river or says it is a city ("Ludwigshafen
/// am Rhein", "Newcastle upon Tyne", "City of Westminster"), by which the news mostly calls it
/// and which counts as its own name.
///
/// ```
/// assert_eq!(kestrel_places::short_name("Frankfurt am Main"), Some("Frankfurt"));
/// assert_eq!(kestrel_places::short_name("City of Westminster"), Some("Westminster"));
/// assert_eq!(kestrel_places::short_name("Borough of Torbay"), Some("Torbay"));
/// assert_eq!(kestrel_places::short_name("Leeds"), None);
/// ```
pub fn short_name(name: &str) -> Option<&str> {
    // British local authorities: "Borough of Torbay", "Royal Borough of Greenwich".
    const AUTHORITY_PREFIXES: &[&str] = &[
        "City of ",
        "City and Borough of ",
        "Borough of ",
        "Royal Borough of ",
        "London Borough of ",
        "Metropolitan Borough of ",
        "District of ",
    ];
    if let Some(rest) = AUTHORITY_PREFIXES.iter().find_map(|p| name.strip_prefix(p)) {
        return Some(rest);
    }
    [" am ", " an der ", " upon ", " on the ", " im ", " in der "]
        .iter()
        .filter_map(|joint| name.find(joint))
        .min()
        .map(|i| &name[..i])
        .filter(|short| short.len() >= 3)
}

/// Counts one more of `k`.
fn tally<K: PartialEq>(counts: &mut Vec<(K, usize)>, k: K) {
    match counts.iter_mut().find(|(c, _)| *c == k) {
        Some(slot) => slot.1 += 1,
        None => counts.push((k, 1)),
    }
}

/// The most counted, the first counted winning a tie.
fn most<K: Copy>(counts: &[(K, usize)]) -> Option<(K, usize)> {
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.iter().find(|(_, n)| *n == best).copied()
}

/// A publication's home as (country, first-level region), when its home is a region.
fn home_region(home: &Entry) -> Option<(&str, &str)> {
    (home.level == "admin1").then_some((home.country.as_str(), home.name.as_str()))
}

/// The largest town of a publication's country outside its home region that a bare name
/// is read as without anything in the article placing it there.
const LOCAL_NAMESAKE_MAX_POPULATION: u64 = 250_000;

/// The fewest towns a publication's articles must name in one region or country for it to be
/// their home ([`Gazetteer::home_region`]).
pub const HOME_MIN_TOWNS: usize = 3;

/// What being called by its own name rather than an alternate one is worth.
const ALTERNATE_NAME_WEIGHT: f64 = 8.0;

/// What lying in the region the text names right after the place is worth: more than any
/// other evidence.
const WITHIN_WEIGHT: f64 = 20.0;

/// What a reading of another of the article's names close by is worth.
const BESIDE_WEIGHT: f64 = 3.0;

/// How close two towns must lie to count as neighbours, in kilometres.
const BESIDE_KM: f64 = 40.0;

/// A town or district: a place small enough for its neighbours to say where it is.
fn is_local(e: &Entry) -> bool {
    matches!(e.level.as_str(), "city" | "capital" | "admin2")
}

fn close_by(a: &Entry, b: &Entry) -> bool {
    // A degree of latitude is 111 km: most pairs are told apart without the trigonometry.
    (a.lat - b.lat).abs() * 111.0 <= BESIDE_KM
        && distance_km((a.lat, a.lon), (b.lat, b.lon)) <= BESIDE_KM
}

/// What lying in the same first-level region as another of the article's places is worth.
const NEAR_WEIGHT: f64 = 3.0;

/// How likely an entry is the place meant.
fn score(e: &Entry, focus: &[String]) -> f64 {
    let level = match e.level.as_str() {
        "country" | "continent" => 6.0,
        "capital" => 4.0,
        "admin1" | "region" => 3.0,
        // A county shares its name with its seat more often than it is meant.
        "admin2" => -1.0,
        _ => 0.0,
    };
    // The first country named weighs most.
    let in_focus = match focus.iter().position(|c| *c == e.country) {
        Some(rank) => 8.0 - (rank as f64).min(4.0),
        None => 0.0,
    };
    // A county's population is only that of its towns over 15,000 people, too partial to
    // tell counties of one name apart.
    let population = if e.level == "admin2" { 0 } else { e.population };
    level + in_focus + (population as f64 + 1.0).ln() / 2.0
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

/// The countries an article is about, most mentioned first: its actors' countries. Place
/// names do not count here, whatever the entity model typed them: their countries come from
/// resolving them together ([`Gazetteer::resolve_all`]), and a capital or state taken as its
/// government ("Dublin" as Ireland's, "Georgia" as the country's) would otherwise decide its own
/// reading in a story from Dublin, Ohio or Atlanta, Georgia.
pub fn focus_countries(doc: &Document, gazetteer: &Gazetteer) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in &doc.entities {
        if matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
            || gazetteer.by_name.contains_key(&key(doc.slice(e.span)))
        {
            continue;
        }
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

/// The publication an article comes from, as [`HomeRegions`] knows it: its address's host
/// without `www.` ("thetowntalk.com"), else the site's name as the page gives it, lowercased.
///
/// ```
/// let mut doc = kestrel_core::Document::new("a", String::new());
/// doc.url = Some("https://www.example-gazette.com/news/2024/04/01/story".into());
/// assert_eq!(kestrel_places::publication(&doc).as_deref(), Some("example-gazette.com"));
/// ```
pub fn publication(doc: &Document) -> Option<String> {
    let host = doc.url.as_deref().and_then(|url| {
        let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        (host.contains('.')).then_some(host)
    });
    host.or_else(|| {
        doc.site_name
            .as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
    })
}

/// Where publications are at home: publication ([`publication`]) to its country (ISO 3166
/// alpha-3) and, when known, first-level region, as `kestrel home-regions` learns them and
/// `kestrel code --home-regions FILE` reads them.
#[derive(Clone, Debug, Default)]
pub struct HomeRegions {
    homes: HashMap<String, (String, Option<String>)>,
}

impl HomeRegions {
    /// Reads the TSV form: `publication<TAB>country<TAB>region`, the region empty for a
    /// publication at home in a whole country; more columns (counts) and lines starting with
    /// `#` are ignored. Each home must be in the gazetteer.
    ///
    /// ```
    /// let g = kestrel_places::Gazetteer::builtin();
    /// let homes = kestrel_places::HomeRegions::from_tsv(
    ///     "# publication\tcountry\tregion\nexample-gazette.com\tUSA\tTennessee\n", &g).unwrap();
    /// assert_eq!(homes.len(), 1);
    /// assert!(kestrel_places::HomeRegions::from_tsv("x.com\tUSA\tAtlantis\n", &g).is_err());
    /// ```
    pub fn from_tsv(text: &str, gazetteer: &Gazetteer) -> Result<HomeRegions, String> {
        let mut homes = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(publication), Some(country)) = (f.first(), f.get(1)) else {
                return Err(format!(
                    "line {}: expected publication<TAB>country<TAB>region",
                    n + 1
                ));
            };
            let region = f.get(2).filter(|r| !r.is_empty()).map(|r| r.to_string());
            let known = match &region {
                Some(r) => gazetteer.admin1_of(country, r).is_some(),
                None => gazetteer.country(country).is_some(),
            };
            if !known {
                return Err(format!(
                    "line {}: the gazetteer has no {} in {country}; write the country as an ISO 3166 alpha-3 code and the region as GeoNames names it",
                    n + 1,
                    region.as_deref().unwrap_or("country")
                ));
            }
            homes.insert(publication.to_lowercase(), (country.to_string(), region));
        }
        Ok(HomeRegions { homes })
    }

    /// Learns each publication's home from its articles' first readings ([`town_readings`]),
    /// given as (publication, readings) per article, with [`Gazetteer::home_region`].
    pub fn learn<'a>(
        gazetteer: &'a Gazetteer,
        articles: &[(String, Vec<Option<&'a Entry>>)],
    ) -> HomeRegions {
        let mut by_publication: HashMap<&str, Vec<Vec<Option<&Entry>>>> = HashMap::new();
        for (publication, readings) in articles {
            by_publication
                .entry(publication)
                .or_default()
                .push(readings.clone());
        }
        let homes = by_publication
            .into_iter()
            .filter_map(|(publication, articles)| {
                let home = gazetteer.home_region(&articles)?;
                let region = (home.level == "admin1").then(|| home.name.clone());
                Some((publication.to_string(), (home.country.clone(), region)))
            })
            .collect();
        HomeRegions { homes }
    }

    /// The TSV form, sorted by publication.
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .homes
            .iter()
            .map(|(p, (c, r))| format!("{p}\t{c}\t{}\n", r.as_deref().unwrap_or("")))
            .collect();
        lines.sort();
        format!("# publication\tcountry\tregion\n{}", lines.concat())
    }

    /// How many publications have a home.
    pub fn len(&self) -> usize {
        self.homes.len()
    }

    /// How many publications are at home in a first-level region rather than a whole country.
    pub fn regions(&self) -> usize {
        self.homes.values().filter(|(_, r)| r.is_some()).count()
    }

    /// Whether no publication has a home.
    pub fn is_empty(&self) -> bool {
        self.homes.is_empty()
    }

    /// The home of an article's publication, as a gazetteer entry.
    pub fn home_of<'a>(&self, doc: &Document, gazetteer: &'a Gazetteer) -> Option<&'a Entry> {
        self.home_for(&publication(doc)?, gazetteer)
    }

    /// The home of a publication, as a gazetteer entry.
    pub fn home_for<'a>(&self, publication: &str, gazetteer: &'a Gazetteer) -> Option<&'a Entry> {
        let (country, region) = self.homes.get(publication)?;
        match region {
            Some(r) => gazetteer.admin1_of(country, r),
            None => gazetteer.country(country),
        }
    }
}

/// A document's place mentions (GPE and LOC entities): their entity indices and names.
fn place_mentions<'d>(doc: &'d Document, gazetteer: &Gazetteer) -> (Vec<usize>, Vec<Mention<'d>>) {
    // Descriptions ("the city", "the country") are placed where the name they refer to is.
    let mentions: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| matches!(doc.entities[i].kind, EntityKind::Gpe | EntityKind::Loc))
        .filter(|&i| doc.entities[i].mention != kestrel_core::MentionKind::Description)
        .collect();
    let names: Vec<Mention> = mentions
        .iter()
        .map(|&i| {
            let span = doc.entities[i].span;
            let text = doc.slice(span);
            // One mention over "Paris, Tenn.": the name, then its region.
            if let Some(comma) = text.find(',') {
                if let Some(q) = gazetteer.qualifier(text, comma) {
                    return Mention {
                        name: &text[..comma],
                        qualifier: Some(q),
                    };
                }
            }
            Mention {
                name: without_region_kind(gazetteer, text).unwrap_or(text),
                qualifier: gazetteer.qualifier(&doc.text, span.end),
            }
        })
        .collect();
    (mentions, names)
}

/// How the gazetteer reads a document's place mentions (GPE and LOC entities) without
/// knowing its publication's home: what [`HomeRegions::learn`] learns from.
pub fn town_readings<'a>(doc: &Document, gazetteer: &'a Gazetteer) -> Vec<Option<&'a Entry>> {
    let focus = focus_countries(doc, gazetteer);
    let (_, names) = place_mentions(doc, gazetteer);
    gazetteer.resolve_mentions(&names, &focus)
}

/// Resolves a document's place mentions (GPE and LOC entities).
pub fn find_places(doc: &Document, gazetteer: &Gazetteer) -> Vec<Place> {
    find_places_at(doc, gazetteer, None)
}

/// [`find_places`] for an article whose publication's home is known
/// ([`Gazetteer::resolve_mentions_at`]).
pub fn find_places_at<'a>(
    doc: &Document,
    gazetteer: &'a Gazetteer,
    home: Option<&'a Entry>,
) -> Vec<Place> {
    let focus = focus_countries(doc, gazetteer);
    let (mentions, names) = place_mentions(doc, gazetteer);
    let resolved = gazetteer.resolve_mentions_at(&names, &focus, home);
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
        let qualifier = gazetteer.qualifier(&doc.text, d.place.end);
        let entry = gazetteer.resolve_near(doc.slice(d.place), &focus, &[], qualifier);
        if let (false, Some(entry)) = (covered, entry) {
            let basis = gazetteer.basis(doc.slice(d.place), qualifier, entry);
            out.push(place(d.place, sentence.unwrap_or(0), None, entry, basis));
        }
    }
    let article_region = gazetteer.article_region(&resolved);
    // The publication's region, where its articles' towns too small for the gazetteer lie.
    let publication_region = home.filter(|h| h.level == "admin1");
    for ((&i, entry), mention) in mentions.iter().zip(resolved).zip(&names) {
        let e = &doc.entities[i];
        // "Eastern Ukraine", "north London" tagged as one mention: the compass word, then a
        // place large enough to have parts ("Central Bank" is no part of a small town called
        // Bank, nor "North Sea" of a city that has "Sea" among its alternate names).
        let entry = entry.or_else(|| {
            let (word, rest) = doc.slice(e.span).split_once(' ')?;
            compass(word)?;
            gazetteer.resolve(rest, &focus).filter(|r| {
                gazetteer.knows_as(rest, r) && (r.level != "city" || r.population >= 100_000)
            })
        });
        // A country name the gazetteer lacks ("U.S.") that the actor dictionary resolved to a
        // bare country is that country, before any county of the name ("Canadian").
        let country = || {
            let actor = e.actor.as_ref().filter(|a| a.sector.is_none())?;
            gazetteer.country(&actor.code)
        };
        let by_actor = country();
        let (entry, basis) = match (entry, by_actor) {
            (Some(_), Some(c)) if !gazetteer.has_name(doc.slice(e.span)) => (c, "actor"),
            (Some(found), _) => {
                let basis = match gazetteer.basis(mention.name, mention.qualifier, found) {
                    "name"
                        if publication_region == Some(found)
                            && !gazetteer.knows_as(mention.name, found) =>
                    {
                        "publication_region"
                    }
                    basis => basis,
                };
                (found, basis)
            }
            (None, Some(c)) => (c, "actor"),
            // A town the gazetteer lacks, named as a city or state is (GPE, not a sea or a
            // mountain range), stands at the region where the article's other towns lie, else
            // at its publication's.
            (None, None)
                if e.kind == EntityKind::Gpe && e.mention == kestrel_core::MentionKind::Name =>
            {
                match (article_region, publication_region) {
                    (Some(region), _) => (region, "article_region"),
                    (None, Some(region)) => (region, "publication_region"),
                    (None, None) => continue,
                }
            }
            (None, None) => continue,
        };
        let (span, entry) = compass_part(doc, gazetteer, e.span, entry);
        out.push(place(span, e.sentence, Some(i), &entry, basis));
    }
    out.sort_by_key(|p| p.span.start);
    let described = described_places(doc, gazetteer, &out);
    out.extend(described);
    out.sort_by_key(|p| p.span.start);
    out
}

/// The places of descriptions ("the city", "the country"): where the last name of their
/// cluster before them is placed (basis `coreference`), else, for a country the actor stage
/// gave them, that country.
fn described_places(doc: &Document, gazetteer: &Gazetteer, named: &[Place]) -> Vec<Place> {
    let mut out = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if !matches!(e.kind, EntityKind::Gpe | EntityKind::Loc)
            || e.mention != kestrel_core::MentionKind::Description
        {
            continue;
        }
        let of_cluster = named.iter().rev().find(|p| {
            p.span.end <= e.span.start
                && p.entity.is_some_and(|k| {
                    doc.entities[k].cluster.is_some() && doc.entities[k].cluster == e.cluster
                })
        });
        if let Some(p) = of_cluster {
            out.push(Place {
                span: e.span,
                sentence: e.sentence,
                entity: Some(i),
                basis: "coreference".to_string(),
                ..p.clone()
            });
            continue;
        }
        let country = e
            .actor
            .as_ref()
            .filter(|a| a.sector.is_none())
            .and_then(|a| gazetteer.country(&a.code));
        if let Some(c) = country {
            out.push(place(e.span, e.sentence, Some(i), c, "actor"));
        }
    }
    out
}

/// A compass word before a country or region ("in eastern Ukraine") makes the place that part
/// of it, its span widened to the word; a name that is itself a place ("South Sudan",
/// "Northern Ireland") stays whole.
fn compass_part(
    doc: &Document,
    gazetteer: &Gazetteer,
    span: kestrel_core::Span,
    entry: &Entry,
) -> (kestrel_core::Span, Entry) {
    let text = doc.slice(span);
    if let Some((word, _)) = text.split_once(' ') {
        if compass(word).is_some() && !gazetteer.by_name.contains_key(&key(text)) {
            if let Some(part) = gazetteer.part(entry, word) {
                return (span, part);
            }
        }
    }
    let Some(head) = doc.text[..span.start].strip_suffix(' ') else {
        return (span, entry.clone());
    };
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[start..];
    let named = gazetteer
        .by_name
        .contains_key(&key(&format!("{word} {text}")));
    match gazetteer.part(entry, word) {
        Some(part) if !named => (kestrel_core::Span::new(start, span.end), part),
        _ => (span, entry.clone()),
    }
}

fn place(
    span: kestrel_core::Span,
    sentence: usize,
    entity: Option<usize>,
    e: &Entry,
    basis: &str,
) -> Place {
    Place {
        basis: basis.to_string(),
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
    homes: Arc<HomeRegions>,
}

impl PlaceStage {
    /// A stage over a gazetteer.
    pub fn new(gazetteer: Arc<Gazetteer>) -> PlaceStage {
        PlaceStage::with_homes(gazetteer, Arc::new(HomeRegions::default()))
    }

    /// A stage that knows where publications are at home ([`HomeRegions`]).
    pub fn with_homes(gazetteer: Arc<Gazetteer>, homes: Arc<HomeRegions>) -> PlaceStage {
        PlaceStage { gazetteer, homes }
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
        let home = self.homes.home_of(doc, &self.gazetteer);
        doc.places = find_places_at(doc, &self.gazetteer, home);
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
    fn regions_go_by_short_compass_words_and_without_their_kind() {
        let g = Gazetteer::from_tsv(
            "1\tcountry\tValdoria\tVAL\t\t10.0\t20.0\t5000000\t\n\
             5\tadmin1\tWestern Marsh\tVAL\tWestern Marsh\t10.0\t19.0\t800000\t\n\
             6\tcity\tOrlen\tVAL\tWestern Marsh\t10.1\t19.1\t90000\t\n\
             7\tadmin2\tOrlen County\tVAL\tWestern Marsh\t10.1\t19.1\t0\t\n",
        );
        assert_eq!(g.resolve("West Marsh", &[]).unwrap().geonameid, 5);
        assert_eq!(
            without_region_kind(&g, "West Marsh State"),
            Some("West Marsh")
        );
        assert_eq!(
            without_region_kind(&g, "Western Marsh Province"),
            Some("Western Marsh")
        );
        // Known whole, not a region's kind, or a town's name alone: left as written.
        assert_eq!(without_region_kind(&g, "Orlen County"), None);
        assert_eq!(without_region_kind(&g, "West Marsh Rovers"), None);
        assert_eq!(without_region_kind(&g, "Orlen District"), None);
    }

    #[test]
    fn the_shipped_gazetteer_knows_englands_counties_whole() {
        let g = Gazetteer::builtin();
        let west_yorkshire = g.resolve("West Yorkshire", &[]).unwrap();
        assert_eq!(
            (
                west_yorkshire.country.as_str(),
                west_yorkshire.level.as_str()
            ),
            ("GBR", "region")
        );
        let cheshire = g.resolve("Cheshire", &["GBR".to_string()]).unwrap();
        assert_eq!(cheshire.country, "GBR");
    }

    #[test]
    fn a_borough_goes_by_its_name() {
        // `kestrel build-gazetteer` writes a local authority's short name as an alternate.
        let g = Gazetteer::builtin();
        let torbay = g.resolve("Torbay", &["GBR".to_string()]).unwrap();
        assert_eq!(
            (torbay.name.as_str(), torbay.country.as_str()),
            ("Borough of Torbay", "GBR")
        );
    }

    #[test]
    fn compass_words_name_parts() {
        let tsv = "\
1\tcountry\tValdoria\tVAL\t\t0.0\t0.0\t5000000\t
2\tcity\tWestby\tVAL\tA\t0.0\t-3.0\t30000\t
3\tcity\tMidby\tVAL\tA\t0.0\t0.0\t30000\t
4\tcity\tEastby\tVAL\tA\t0.0\t3.0\t30000\t
";
        let g = Gazetteer::from_tsv(tsv);
        let whole = g.country("VAL").unwrap();
        let east = g.part(whole, "Eastern").unwrap();
        assert_eq!(
            (east.name.as_str(), east.level.as_str()),
            ("eastern Valdoria", "region")
        );
        assert_eq!((east.lon, east.geonameid), (3.0, 1));
        assert_eq!(g.part(whole, "north-western").unwrap().lon, -3.0);
        assert_eq!(g.part(whole, "central").unwrap().lon, 0.0);
        assert!(g.part(whole, "greater").is_none());
        let city = g.resolve("Eastby", &[]).unwrap();
        assert!(g.part(city, "eastern").is_none());
    }

    #[test]
    fn continents_resolve_as_places_of_no_country() {
        let tsv = format!("{TSV}9\tcontinent\tEurope\t\t\t48.7\t9.1\t0\t\n");
        let g = Gazetteer::from_tsv(&tsv);
        let found = g.resolve_all(&["Europe", "Portmere"], &[]);
        assert_eq!(found[0].unwrap().level, "continent");
        assert_eq!(found[0].unwrap().country, "");
        assert_eq!(found[1].unwrap().geonameid, 2);
    }

    /// An entity mention of a word in a one-sentence text, named by name, with no actor.
    fn name_mention(text: &str, word: &str, kind: EntityKind) -> kestrel_core::Entity {
        let start = text.find(word).unwrap();
        kestrel_core::Entity {
            span: kestrel_core::Span::new(start, start + word.len()),
            sentence: 0,
            tokens: 0..1,
            kind,
            actor: None,
            cluster: None,
            mention: kestrel_core::MentionKind::Name,
        }
    }

    #[test]
    fn place_names_do_not_vote_for_the_articles_countries() {
        let text = "Portmere officials met Mayor Ilse Varn of Lakeside.";
        let mut doc = Document::new("d", text.to_string());
        let mention = |word: &str, kind: EntityKind, code: &str| {
            let mut e = name_mention(text, word, kind);
            e.actor = Some(kestrel_core::ActorCode {
                code: code.into(),
                sector: Some("GOV".into()),
                name: word.into(),
                source: kestrel_core::ActorSource::Dictionary,
            });
            e
        };
        // "Portmere" taken as its government (typed ORG) must not make the story Valdorian:
        // only the mayor, a person, counts.
        doc.entities = vec![
            mention("Portmere", EntityKind::Org, "VAL"),
            mention("Ilse Varn", EntityKind::Person, "KSL"),
            mention("Lakeside", EntityKind::Gpe, "KSL"),
        ];
        let g = Gazetteer::from_tsv(TSV);
        assert_eq!(focus_countries(&doc, &g), vec!["KSL".to_string()]);
    }

    #[test]
    fn counties_of_one_name_are_told_apart_by_their_neighbours_not_population() {
        let tsv = "\
10\tadmin1\tNorth\tKSL\tNorth\t40.0\t-70.0\t2000000\t
11\tadmin1\tSouth\tKSL\tSouth\t30.0\t-70.0\t2000000\t
12\tadmin2\tElm County\tKSL\tNorth\t40.0\t-70.0\t0\t
13\tadmin2\tElm County\tKSL\tSouth\t30.0\t-70.0\t90000\t
14\tcity\tBrookton\tKSL\tNorth\t40.1\t-70.1\t30000\t
15\tcity\tBrookton\tKSL\tSouth\t30.1\t-70.1\t20000\t
";
        let g = Gazetteer::from_tsv(tsv);
        // Named beside the northern region, both names go north, though the southern county
        // has more towns and the first pass put "Brookton" north only by population.
        let found = g.resolve_all(&["Elm County", "Brookton", "North"], &[]);
        assert_eq!(found[0].unwrap().geonameid, 12);
        assert_eq!(found[1].unwrap().geonameid, 14);
    }

    #[test]
    fn names_of_one_article_pull_towards_one_region() {
        let g = Gazetteer::from_tsv(TSV);
        let alone = g.resolve_all(&["Portmere"], &[]);
        assert_eq!(alone[0].unwrap().geonameid, 2);
        let together = g.resolve_all(&["Portmere", "Lakeside"], &[]);
        assert_eq!(together[0].unwrap().geonameid, 3);
        assert_eq!(together[1].unwrap().geonameid, 4);
        // The article's actors' country decides a name alone; a neighbour in the same region
        // and in that neighbour's country outweighs it.
        let focused = g.resolve_all(&["Portmere"], &["VAL".into()]);
        assert_eq!(focused[0].unwrap().geonameid, 2);
        let focused = g.resolve_all(&["Portmere", "Lakeside"], &["VAL".into()]);
        assert_eq!(focused[0].unwrap().geonameid, 3);
    }

    const REGIONS_TSV: &str = "\
20\tcountry\tKessel\tKSL\t\t35.0\t-70.0\t9000000\t
21\tadmin1\tNorth\tKSL\tNorth\t40.0\t-70.0\t2000000\tNo.|Nor.
22\tadmin1\tSouth\tKSL\tSouth\t30.0\t-70.0\t2000000\tSo.
23\tcity\tFenwick\tKSL\tNorth\t40.2\t-70.2\t400000\t
24\tcity\tFenwick\tKSL\tSouth\t30.2\t-70.2\t25000\t
25\tcity\tHollin\tKSL\tNorth\t40.4\t-70.4\t600000\t
26\tcity\tAshby\tKSL\tSouth\t31.0\t-71.0\t50000\t
27\tcity\tSouth\tKSL\tNorth\t40.9\t-70.9\t20000\t
28\tcity\tDunmore\tKSL\tNorth\t40.25\t-70.25\t16000\t
29\tcity\tDunmore\tKSL\tNorth\t44.0\t-73.0\t18000\t
30\tadmin2\tRook County\tKSL\tNorth\t40.26\t-70.26\t0\t
";

    #[test]
    fn the_region_written_after_a_name_places_it() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        let text = "A fire in Fenwick, So., spread overnight.";
        let end = text.find(',').unwrap();
        assert_eq!(g.qualifier(text, end), Some("So."));
        // The smaller southern Fenwick, as the text says, and a later bare "Fenwick" with it.
        let found = g.resolve_mentions(
            &[
                Mention {
                    name: "Fenwick",
                    qualifier: Some("So."),
                },
                Mention {
                    name: "Fenwick",
                    qualifier: None,
                },
            ],
            &[],
        );
        assert_eq!(found[0].unwrap().geonameid, 24);
        assert_eq!(found[1].unwrap().geonameid, 24);
        // A town the gazetteer lacks in the named region stands at the region, not at a
        // namesake elsewhere.
        let hollin = g.resolve_near("Hollin", &[], &[], Some("So.")).unwrap();
        assert_eq!(hollin.geonameid, 22);
        assert_eq!(g.basis("Hollin", Some("So."), hollin), "written_region");
        let fenwick = g.resolve_near("Fenwick", &[], &[], Some("So.")).unwrap();
        assert_eq!(g.basis("Fenwick", Some("So."), fenwick), "name");
        // Unless the region's name is a town's too: "Hollin, South and Ashby" is a list.
        assert_eq!(
            g.resolve_near("Hollin", &[], &[], Some("South"))
                .unwrap()
                .geonameid,
            25
        );
        // Words that go on into the sentence are no region: "Fenwick, North officials said".
        assert_eq!(g.qualifier("Fenwick, North officials said", 7), None);
        assert_eq!(g.qualifier("Fenwick, North.", 7), Some("North"));
        assert_eq!(g.qualifier("Fenwick, Nor. — Rain fell.", 7), Some("Nor."));
        assert_eq!(g.qualifier("Fenwick, Ashby, and Hollin", 7), None);
    }

    #[test]
    fn a_town_beside_another_of_the_articles_names_wins_over_a_namesake() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        // Both Dunmores lie in the county's region; the county lies beside the smaller one.
        let found = g.resolve_all(&["Dunmore", "Rook County"], &[]);
        assert_eq!(found[0].unwrap().geonameid, 28);
        let found = g.resolve_all(&["Dunmore"], &[]);
        assert_eq!(found[0].unwrap().geonameid, 29);
    }

    #[test]
    fn a_county_named_without_the_word_needs_a_neighbour() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        // "Rook" alone is no place; beside a town of its region it is Rook County.
        assert!(g.resolve_all(&["Rook"], &[])[0].is_none());
        let found = g.resolve_all(&["Rook", "Fenwick"], &[]);
        assert_eq!(found[0].unwrap().geonameid, 30);
    }

    #[test]
    fn a_town_the_gazetteer_lacks_stands_at_the_region_of_the_articles_towns() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        let text =
            "Crews from Hollin and Dunmore reached Mossgate, and the Fenwick road stayed shut.";
        let mut doc = Document::new("d", text.to_string());
        let mention = |word: &str, kind: EntityKind| name_mention(text, word, kind);
        doc.entities = vec![
            mention("Hollin", EntityKind::Gpe),
            mention("Dunmore", EntityKind::Gpe),
            mention("Mossgate", EntityKind::Gpe),
        ];
        let places = find_places(&doc, &g);
        let bases: Vec<(&str, &str)> = places
            .iter()
            .map(|p| (p.name.as_str(), p.basis.as_str()))
            .collect();
        assert_eq!(
            bases,
            [
                ("Hollin", "name"),
                ("Dunmore", "name"),
                ("North", "article_region")
            ]
        );
        // Named as a landform (LOC) it is not placed; nor with one town alone to go by.
        doc.entities[2].kind = EntityKind::Loc;
        assert_eq!(find_places(&doc, &g).len(), 2);
        doc.entities[2].kind = EntityKind::Gpe;
        doc.entities.remove(1);
        assert_eq!(find_places(&doc, &g).len(), 1);
    }

    #[test]
    fn a_description_stands_where_the_name_before_it_in_its_cluster_does() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        let text = "Crews reached Hollin, then Dunmore. Hollin reopened and the city was calm.";
        let mut doc = Document::new("d", text.to_string());
        let mention = |word: &str, from: usize, cluster: usize| {
            let mut e = name_mention(&text[from..], word, EntityKind::Gpe);
            e.span = kestrel_core::Span::new(e.span.start + from, e.span.end + from);
            e.cluster = Some(cluster);
            e
        };
        let second = text.find("Hollin reopened").unwrap();
        let mut city = mention("the city", 0, 0);
        city.mention = kestrel_core::MentionKind::Description;
        doc.entities = vec![
            mention("Hollin", 0, 0),
            mention("Dunmore", 0, 1),
            mention("Hollin", second, 0),
            city,
        ];
        let places = find_places(&doc, &g);
        let read: Vec<(&str, &str, Option<usize>)> = places
            .iter()
            .map(|p| (&text[p.span.range()], p.basis.as_str(), p.entity))
            .collect();
        assert_eq!(
            read,
            [
                ("Hollin", "name", Some(0)),
                ("Dunmore", "name", Some(1)),
                ("Hollin", "name", Some(2)),
                ("the city", "coreference", Some(3)),
            ]
        );
        assert_eq!(places[3].geonameid, places[2].geonameid);
        // In no place's cluster, and no country's: not placed, and never read as a name.
        doc.entities[3].cluster = Some(3);
        assert_eq!(find_places(&doc, &g).len(), 3);
    }

    #[test]
    fn a_publication_is_at_home_where_most_of_its_articles_towns_lie() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        let read = |names: &[&str]| g.resolve_all(names, &[]);
        let articles = vec![
            read(&["Hollin", "Fenwick"]),
            read(&["Hollin", "Hollin", "Hollin"]),
            read(&["Dunmore"]),
            read(&["Ashby"]),
        ];
        // Hollin counts once in the article that repeats it: three of four towns in North.
        assert_eq!(g.home_region(&articles).unwrap().geonameid, 21);
        // Two towns are too few to tell.
        assert!(g.home_region(&articles[..1]).is_none());
        // Towns all over one country make the country the home.
        let spread = vec![
            read(&["Hollin", "Ashby"]),
            read(&["Hollin"]),
            read(&["Ashby"]),
        ];
        assert_eq!(g.home_region(&spread).unwrap().geonameid, 20);
        let learned = HomeRegions::learn(
            &g,
            &articles
                .iter()
                .map(|a| ("north-courier.example".to_string(), a.clone()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            learned.to_tsv(),
            "# publication\tcountry\tregion\nnorth-courier.example\tKSL\tNorth\n"
        );
    }

    #[test]
    fn a_bare_town_name_is_read_near_its_publications_home() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        let south = g.admin1_of("KSL", "South");
        let at_home = |names: &[&str]| {
            let mentions: Vec<Mention> = names.iter().map(|&name| Mention::bare(name)).collect();
            g.resolve_mentions_at(&mentions, &[], south)
                .iter()
                .map(|e| e.map(|e| e.geonameid))
                .collect::<Vec<_>>()
        };
        // The southern Fenwick, smaller than the northern one, for a paper of the South.
        assert_eq!(at_home(&["Fenwick"]), [Some(24)]);
        // A small town known only in the North is the paper's own, too small for the
        // gazetteer, unless the article places it there; a large city stays itself.
        assert_eq!(at_home(&["Dunmore"]), [Some(22)]);
        assert_eq!(at_home(&["Dunmore", "Rook County"]), [Some(28), Some(30)]);
        assert_eq!(at_home(&["Hollin"]), [Some(25)]);
        // Written with its region, the name is where the text says.
        let written = g.resolve_mentions_at(
            &[Mention {
                name: "Fenwick",
                qualifier: Some("No."),
            }],
            &[],
            south,
        );
        assert_eq!(written[0].unwrap().geonameid, 23);
        // In the document: the reading says it came from the publication's region.
        let text = "Dunmore voters approved the levy.";
        let mut doc = Document::new("d", text.to_string());
        doc.url = Some("https://www.south-herald.example/local/levy".into());
        doc.entities = vec![name_mention(text, "Dunmore", EntityKind::Gpe)];
        let homes = HomeRegions::from_tsv("south-herald.example\tKSL\tSouth\tcounts ignored\n", &g)
            .unwrap();
        let home = homes.home_of(&doc, &g);
        assert_eq!(home.map(|h| h.geonameid), Some(22));
        let places = find_places_at(&doc, &g, home);
        assert_eq!(
            (places[0].name.as_str(), places[0].basis.as_str()),
            ("South", "publication_region")
        );
        assert_eq!(find_places(&doc, &g)[0].geonameid, 29);
        assert!(HomeRegions::from_tsv("x.example\tKSL\tWest\n", &g).is_err());
    }

    #[test]
    fn names_are_found_without_their_accents() {
        let g = Gazetteer::from_tsv("1\tcity\tVlorë\tALB\tVlorë\t40.47\t19.49\t130000\t\n");
        assert_eq!(g.resolve("Vlore", &[]).unwrap().geonameid, 1);
        assert_eq!(g.resolve("VLORË", &[]).unwrap().geonameid, 1);
    }
}
