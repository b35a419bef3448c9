//! `kestrel build-gazetteer`: dictionaries/gazetteer.tsv.gz from GeoNames (countryInfo.txt,
//! admin1CodesASCII.txt, admin2Codes.txt.gz, cities15000.zip).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

struct City {
    id: String,
    name: String,
    alternates: Vec<String>,
    lat: f64,
    lon: f64,
    country2: String,
    admin1: String,
    admin2: String,
    population: u64,
    capital: bool,
}

/// Alternate names worth matching: Latin letters, spaces, dots and hyphens, of some length.
fn keep_alternate(name: &str) -> bool {
    let n = name.chars().count();
    (3..=30).contains(&n)
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''))
}

/// The abbreviations of US states in news style (AP), by postal code; the postal codes
/// themselves are GeoNames' admin1 codes and are added too.
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("AL", "Ala."),
    ("AZ", "Ariz."),
    ("AR", "Ark."),
    ("CA", "Calif."),
    ("CO", "Colo."),
    ("CT", "Conn."),
    ("DE", "Del."),
    ("FL", "Fla."),
    ("GA", "Ga."),
    ("IL", "Ill."),
    ("IN", "Ind."),
    ("KS", "Kan."),
    ("KS", "Kans."),
    ("KY", "Ky."),
    ("LA", "La."),
    ("MD", "Md."),
    ("MA", "Mass."),
    ("MI", "Mich."),
    ("MN", "Minn."),
    ("MS", "Miss."),
    ("MO", "Mo."),
    ("MT", "Mont."),
    ("NE", "Neb."),
    ("NE", "Nebr."),
    ("NV", "Nev."),
    ("NH", "N.H."),
    ("NJ", "N.J."),
    ("NM", "N.M."),
    ("NY", "N.Y."),
    ("NC", "N.C."),
    ("ND", "N.D."),
    ("OK", "Okla."),
    ("OR", "Ore."),
    ("PA", "Pa."),
    ("RI", "R.I."),
    ("SC", "S.C."),
    ("SD", "S.D."),
    ("TN", "Tenn."),
    ("TX", "Tex."),
    ("VT", "Vt."),
    ("VA", "Va."),
    ("WA", "Wash."),
    ("WV", "W.Va."),
    ("WV", "W. Va."),
    ("WI", "Wis."),
    ("WY", "Wyo."),
];

/// The abbreviations of Canadian provinces and Australian states in news style, by GeoNames'
/// first-level region code. Two-letter forms that are also words or other places' codes
/// ("WA", "SA", "NT", "ACT") are left out.
const OTHER_REGION_ABBREVIATIONS: &[(&str, &str)] = &[
    ("CA.01", "Alta."),
    ("CA.02", "B.C."),
    ("CA.03", "Man."),
    ("CA.04", "N.B."),
    ("CA.05", "N.L."),
    ("CA.05", "Nfld."),
    ("CA.05", "Newfoundland"),
    ("CA.07", "N.S."),
    ("CA.08", "Ont."),
    ("CA.09", "P.E.I."),
    ("CA.10", "Que."),
    ("CA.10", "Qué."),
    ("CA.11", "Sask."),
    ("CA.13", "N.W.T."),
    ("AU.01", "A.C.T."),
    ("AU.02", "NSW"),
    ("AU.02", "N.S.W."),
    ("AU.04", "Qld"),
    ("AU.04", "Qld."),
    ("AU.06", "Tas."),
    ("AU.07", "Vic."),
];

/// The population from which a city keeps all its alternate names.
const ALL_ALTERNATES_FROM: u64 = 500_000;

/// Regions the news names that are not one GeoNames region but a group of them: name,
/// alternate names, country (ISO2), and GeoNames' first-level region codes.
const NAMED_REGIONS: &[(&str, &str, &str, &[&str])] = &[
    ("Donbas", "Donbass|Donets Basin", "UA", &["05", "14"]),
    ("Darfur", "", "SD", &["47", "49", "55", "60", "61"]),
    (
        "Kurdistan Region",
        "Iraqi Kurdistan|Kurdistan Regional Government|Kurdistan",
        "IQ",
        &["05", "08", "11", "19"],
    ),
    // Regions of conflicts that GeoNames files under other first-level regions: placed at
    // their cities, the region that holds them standing in where a border is disputed.
    ("South Ossetia", "Tskhinvali Region", "GE", &["73"]),
    (
        "Nagorno-Karabakh",
        "Karabakh|Nagorny Karabakh|Artsakh",
        "AZ",
        &["55", "56", "61", "64", "65"],
    ),
    ("Somaliland", "", "SO", &["12", "19", "20", "21", "22"]),
    ("Puntland", "", "SO", &["03", "10", "18"]),
    ("Sinai", "Sinai Peninsula|the Sinai", "EG", &["26", "27"]),
    ("Golan Heights", "Golan", "SY", &["03"]),
    ("Casamance", "", "SN", &["11", "12", "18"]),
    ("Mindanao", "", "PH", &["09", "10", "11", "12", "13", "14"]),
];

/// England's metropolitan and ceremonial counties that GeoNames files as several
/// second-level regions (boroughs and unitary authorities) and news names whole ("West
/// Yorkshire Police", "a farmer in Cheshire"): name, alternate names, and the GeoNames
/// second-level codes under England (`GB.ENG`). Placed at the mean position of their cities.
const ENGLISH_COUNTIES: &[(&str, &str, &[&str])] = &[
    ("West Yorkshire", "", &["H3", "B4", "C2", "G8", "O7"]),
    ("South Yorkshire", "", &["L9", "A3", "D5", "L3"]),
    (
        "Greater Manchester",
        "",
        &["I2", "B1", "C1", "K1", "L2", "L5", "N2", "O1", "O6", "P7"],
    ),
    ("Merseyside", "", &["H8", "G9", "L8", "N1", "Q1"]),
    (
        "West Midlands",
        "",
        &["A7", "C7", "D7", "L7", "M2", "O8", "Q3"],
    ),
    ("Tyne and Wear", "", &["I7", "E5", "J5", "M7", "N6"]),
    ("Berkshire", "", &["B3", "K7", "M1", "P4", "P9", "Q2"]),
    ("Bedfordshire", "", &["Z5", "Z6", "I1"]),
    ("Cheshire", "", &["Z7", "Z8", "E9", "P2"]),
];

/// The continents, which the news names as places ("across Europe"): GeoNames' own records
/// (id, name, latitude, longitude), as the files we build from do not hold them.
const CONTINENTS: &[(u64, &str, f64, f64)] = &[
    (6255146, "Africa", 7.1881, 21.09375),
    (6255147, "Asia", 29.84064, 89.29688),
    (6255148, "Europe", 48.69096, 9.14062),
    (6255149, "North America", 46.07323, -100.54688),
    (6255150, "South America", -14.60485, -57.65625),
    (6255151, "Oceania", -18.31281, 138.51563),
    (6255152, "Antarctica", -78.15856, 16.40626),
];

/// The mean position of a set of cities: a stand-in for a country's or region's centre, which
/// these GeoNames files do not give.
fn centre(cities: &[&City]) -> Option<(f64, f64)> {
    if cities.is_empty() {
        return None;
    }
    let n = cities.len() as f64;
    let lat = cities.iter().map(|c| c.lat).sum::<f64>() / n;
    let lon = cities.iter().map(|c| c.lon).sum::<f64>() / n;
    Some((lat, lon))
}

/// Builds the gazetteer.
pub fn build(geo: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let read = |name: &str| {
        std::fs::read_to_string(geo.join(name))
            .with_context(|| format!("cannot read {}", geo.join(name).display()))
    };
    let country_info = read("countryInfo.txt")?;
    let admin1 = read("admin1CodesASCII.txt")?;
    let admin2_path = geo.join("admin2Codes.txt.gz");
    let mut admin2 = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(&admin2_path)
            .with_context(|| format!("cannot open {}", admin2_path.display()))?,
    )
    .read_to_string(&mut admin2)
    .with_context(|| format!("{} is not gzip text", admin2_path.display()))?;
    let zip_path = geo.join("cities15000.zip");
    let file = std::fs::File::open(&zip_path)
        .with_context(|| format!("cannot open {}", zip_path.display()))?;
    let mut archive = zip::ZipArchive::new(file).context("cities15000.zip is not a zip archive")?;
    let mut cities_text = String::new();
    archive
        .by_name("cities15000.txt")
        .context("cities15000.zip has no cities15000.txt")?
        .read_to_string(&mut cities_text)?;

    // ISO2 -> (ISO3, name, FIPS 10-4, population, geonameid).
    let mut countries: HashMap<String, (String, String, String, u64, String)> = HashMap::new();
    for line in country_info.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 16 {
            countries.insert(
                f[0].to_string(),
                (
                    f[1].to_string(),
                    f[4].to_string(),
                    f[3].to_string(),
                    f[7].parse().unwrap_or(0),
                    f[16].to_string(),
                ),
            );
        }
    }
    let mut cities: Vec<City> = Vec::new();
    for line in cities_text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[4].parse(), f[5].parse()) else {
            continue;
        };
        // GeoNames lists alternate names alphabetically, old and foreign ones among them. A
        // large city's list holds the English names the news uses ("Kiev", "Calcutta",
        // "Seville") and is kept whole; a smaller town's holds more stray names (an old name
        // of Huntsville, Alabama is "Twickenham"), so only its first few are kept.
        let population: u64 = f[14].parse().unwrap_or(0);
        let limit = if population >= ALL_ALTERNATES_FROM {
            usize::MAX
        } else {
            8
        };
        let mut alternates: Vec<String> = f[3]
            .split(',')
            .filter(|a| keep_alternate(a) && *a != f[1])
            .take(limit)
            .map(String::from)
            .collect();
        if let Some(short) =
            kestrel_places::short_name(f[1]).filter(|s| !alternates.iter().any(|a| a == s))
        {
            alternates.push(short.to_string());
        }
        cities.push(City {
            id: f[0].to_string(),
            name: f[1].to_string(),
            alternates,
            lat,
            lon,
            country2: f[8].to_string(),
            admin1: f[10].to_string(),
            admin2: f[11].to_string(),
            population,
            capital: f[7] == "PPLC",
        });
    }
    let mut lines: Vec<String> = Vec::new();
    let iso3 = |c2: &str| countries.get(c2).map(|c| c.0.clone());
    // Regions: at the mean position of their cities.
    let mut admin1_points: HashMap<String, (f64, f64)> = HashMap::new();
    let mut admin1_names: HashMap<String, String> = HashMap::new();
    for line in admin1.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 4 {
            admin1_names.insert(f[0].to_string(), f[1].to_string());
        }
    }
    for line in admin1.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let Some((c2, code)) = f[0].split_once('.') else {
            continue;
        };
        let in_region: Vec<&City> = cities
            .iter()
            .filter(|c| c.country2 == c2 && c.admin1 == code)
            .collect();
        let Some((lat, lon)) = centre(&in_region) else {
            continue;
        };
        let Some(c3) = iso3(c2) else { continue };
        admin1_points.insert(f[0].to_string(), (lat, lon));
        let population: u64 = in_region.iter().map(|c| c.population).sum();
        let mut alternates: Vec<&str> = Vec::new();
        if f[2] != f[1] {
            alternates.push(f[2]);
        }
        alternates.extend(
            OTHER_REGION_ABBREVIATIONS
                .iter()
                .filter(|(region, _)| *region == f[0])
                .map(|(_, abbreviation)| *abbreviation),
        );
        if c2 == "US" {
            alternates.push(code);
            alternates.extend(
                US_STATE_ABBREVIATIONS
                    .iter()
                    .filter(|(postal, _)| *postal == code)
                    .map(|(_, abbreviation)| *abbreviation),
            );
        }
        lines.push(format!(
            "{}\tadmin1\t{}\t{c3}\t{}\t{lat:.4}\t{lon:.4}\t{population}\t{}",
            f[3],
            f[1],
            f[1],
            alternates.join("|")
        ));
    }
    // Second-level regions (counties, districts): at the mean position of their cities of
    // 15,000 or more, else at their region's point.
    let mut admin2_cities: HashMap<String, Vec<&City>> = HashMap::new();
    for c in &cities {
        admin2_cities
            .entry(format!("{}.{}.{}", c.country2, c.admin1, c.admin2))
            .or_default()
            .push(c);
    }
    for line in admin2.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let mut parts = f[0].splitn(3, '.');
        let (Some(c2), Some(a1), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Some(c3) = iso3(c2) else { continue };
        let in_district = admin2_cities.get(f[0]).cloned().unwrap_or_default();
        let region_key = format!("{c2}.{a1}");
        let Some((lat, lon)) =
            centre(&in_district).or_else(|| admin1_points.get(&region_key).copied())
        else {
            continue;
        };
        let region = admin1_names.get(&region_key).cloned().unwrap_or_default();
        let population: u64 = in_district.iter().map(|c| c.population).sum();
        // The ASCII name where it differs, and the short name ("Borough of Torbay" is Torbay).
        let alt = [
            (f[2] != f[1] && keep_alternate(f[2])).then_some(f[2]),
            kestrel_places::short_name(f[1]),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<&str>>()
        .join("|");
        lines.push(format!(
            "{}\tadmin2\t{}\t{c3}\t{region}\t{lat:.4}\t{lon:.4}\t{population}\t{alt}",
            f[3], f[1]
        ));
    }
    for (name, alternates, codes) in ENGLISH_COUNTIES {
        let in_county: Vec<&City> = cities
            .iter()
            .filter(|c| {
                c.country2 == "GB" && c.admin1 == "ENG" && codes.contains(&c.admin2.as_str())
            })
            .collect();
        let (Some((lat, lon)), Some(country)) = (centre(&in_county), countries.get("GB")) else {
            continue;
        };
        let population: u64 = in_county.iter().map(|c| c.population).sum();
        lines.push(format!(
            "{}\tregion\t{name}\t{}\tEngland\t{lat:.4}\t{lon:.4}\t{population}\t{alternates}",
            country.4, country.0
        ));
    }
    // Named groups of regions: at the mean position of their cities, under the country's id.
    for (name, alternates, c2, codes) in NAMED_REGIONS {
        let in_group: Vec<&City> = cities
            .iter()
            .filter(|c| c.country2 == *c2 && codes.contains(&c.admin1.as_str()))
            .collect();
        let (Some((lat, lon)), Some(country)) = (centre(&in_group), countries.get(*c2)) else {
            continue;
        };
        let population: u64 = in_group.iter().map(|c| c.population).sum();
        lines.push(format!(
            "{}\tregion\t{name}\t{}\t\t{lat:.4}\t{lon:.4}\t{population}\t{alternates}",
            country.4, country.0
        ));
    }
    // Continents, with no country.
    for (id, name, lat, lon) in CONTINENTS {
        lines.push(format!(
            "{id}\tcontinent\t{name}\t\t\t{lat:.4}\t{lon:.4}\t0\t"
        ));
    }
    // Countries: at the mean position of their cities.
    let mut codes: Vec<&String> = countries.keys().collect();
    codes.sort();
    for c2 in codes {
        let (c3, name, fips, population, id) = &countries[c2];
        let in_country: Vec<&City> = cities.iter().filter(|c| c.country2 == *c2).collect();
        let Some((lat, lon)) = centre(&in_country) else {
            continue;
        };
        lines.push(format!(
            "{id}\tcountry\t{name}\t{c3}\t\t{lat:.4}\t{lon:.4}\t{population}\t\t{fips}"
        ));
    }
    for c in &cities {
        let Some(c3) = iso3(&c.country2) else {
            continue;
        };
        let region = admin1_names
            .get(&format!("{}.{}", c.country2, c.admin1))
            .cloned()
            .unwrap_or_default();
        // Capitals are marked: "Washington" in the news is the city, not the state.
        let level = if c.capital { "capital" } else { "city" };
        lines.push(format!(
            "{}\t{level}\t{}\t{c3}\t{region}\t{}\t{}\t{}\t{}",
            c.id,
            c.name,
            c.lat,
            c.lon,
            c.population,
            c.alternates.join("|")
        ));
    }
    let mut text = String::from(
        "# Kestrel gazetteer, built by `kestrel build-gazetteer` from GeoNames (CC BY 4.0):\n\
         # geonameid, level, name, country (ISO3), admin1, lat, lon, population, alternate names,\n\
         # and on country lines the FIPS 10-4 code.\n\
         # Countries and regions stand at the mean position of their cities; continents at\n\
         # GeoNames' own points, with no country.\n",
    );
    for l in &lines {
        text.push_str(l);
        text.push('\n');
    }
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    gz.write_all(text.as_bytes())?;
    gz.finish()?;
    eprintln!(
        "kestrel: {} places written to {}",
        lines.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
