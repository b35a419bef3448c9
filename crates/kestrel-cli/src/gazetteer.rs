//! `kestrel build-gazetteer`: dictionaries/gazetteer.tsv.gz from GeoNames (countryInfo.txt,
//! admin1CodesASCII.txt, cities15000.zip).

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
    let zip_path = geo.join("cities15000.zip");
    let file = std::fs::File::open(&zip_path)
        .with_context(|| format!("cannot open {}", zip_path.display()))?;
    let mut archive = zip::ZipArchive::new(file).context("cities15000.zip is not a zip archive")?;
    let mut cities_text = String::new();
    archive
        .by_name("cities15000.txt")
        .context("cities15000.zip has no cities15000.txt")?
        .read_to_string(&mut cities_text)?;

    // ISO2 -> (ISO3, name, capital, population, geonameid).
    let mut countries: HashMap<String, (String, String, String, u64, String)> = HashMap::new();
    for line in country_info.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 16 {
            countries.insert(
                f[0].to_string(),
                (
                    f[1].to_string(),
                    f[4].to_string(),
                    f[5].to_string(),
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
        cities.push(City {
            id: f[0].to_string(),
            name: f[1].to_string(),
            alternates: f[3]
                .split(',')
                .filter(|a| keep_alternate(a) && *a != f[1])
                .take(8)
                .map(String::from)
                .collect(),
            lat,
            lon,
            country2: f[8].to_string(),
            admin1: f[10].to_string(),
            population: f[14].parse().unwrap_or(0),
            capital: f[7] == "PPLC",
        });
    }
    let mut lines: Vec<String> = Vec::new();
    let iso3 = |c2: &str| countries.get(c2).map(|c| c.0.clone());
    // Regions: at their most populous city.
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
        let population: u64 = in_region.iter().map(|c| c.population).sum();
        let alt = if f[2] != f[1] { f[2] } else { "" };
        lines.push(format!(
            "{}\tadmin1\t{}\t{c3}\t{}\t{lat:.4}\t{lon:.4}\t{population}\t{alt}",
            f[3], f[1], f[1]
        ));
    }
    // Countries: at the mean position of their cities.
    let mut codes: Vec<&String> = countries.keys().collect();
    codes.sort();
    for c2 in codes {
        let (c3, name, capital, population, id) = &countries[c2];
        let _ = capital;
        let in_country: Vec<&City> = cities.iter().filter(|c| c.country2 == *c2).collect();
        let Some((lat, lon)) = centre(&in_country) else {
            continue;
        };
        lines.push(format!(
            "{id}\tcountry\t{name}\t{c3}\t\t{lat:.4}\t{lon:.4}\t{population}\t"
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
         # geonameid, level, name, country (ISO3), admin1, lat, lon, population, alternate names.\n\
         # Countries and regions stand at the mean position of their cities.\n",
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
