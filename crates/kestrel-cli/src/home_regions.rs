//! `kestrel home-regions PATH...`: where each publication is at home, learned from the places
//! its articles name, for `kestrel code --home-regions`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context};
use kestrel_core::{InputError, InputKind, Inputs, Pipeline};
use rayon::prelude::*;

use crate::HomeRegionsArgs;

/// One article's publication and how its place names read.
type ArticleReadings<'g> = (String, Vec<Option<&'g kestrel_places::Entry>>);

/// What became of one input: failed, read without a publication, or read.
enum Read<'g> {
    Failed(InputError),
    Anonymous,
    Article(ArticleReadings<'g>),
}

/// The stages whose layers place names are read from: entities, and actors for the countries
/// an article is about.
const STAGES: &[&str] = &["clean", "segment", "tag", "parse", "ner", "actors"];

pub fn run(args: HomeRegionsArgs) -> anyhow::Result<ExitCode> {
    if args.input.stages.is_some() {
        bail!(
            "home-regions runs its own stages ({}); leave out --stages",
            STAGES.join(",")
        );
    }
    if args.input.home_regions.is_some() {
        bail!("home-regions learns the homes from the articles alone; leave out --home-regions");
    }
    // Only the stages this command runs are built, not the whole pipeline `code` would.
    let options = crate::code::read_options(&args.input)?;
    let stages = kestrel::available_stages(
        args.input.models.as_deref(),
        &args.input.actors,
        &args.input.events,
    )?;
    let pipeline = Pipeline::select(stages, STAGES)?;
    let gazetteer = kestrel_places::Gazetteer::builtin();
    let mut articles: Vec<ArticleReadings> = Vec::new();
    let (mut read, mut failed, mut anonymous) = (0usize, 0usize, 0usize);
    let mut inputs = Inputs::new(&args.input.paths, options);
    loop {
        let batch: Vec<(InputKind, Result<kestrel_core::Document, InputError>)> =
            inputs.by_ref().take(512).collect();
        if batch.is_empty() {
            break;
        }
        let done: Vec<Read> = batch
            .into_par_iter()
            .map(|(_, item)| {
                let doc = match item.and_then(|d| kestrel::run_pipeline(d, &pipeline)) {
                    Ok(doc) => doc,
                    Err(e) => return Read::Failed(e),
                };
                match kestrel_places::publication(&doc) {
                    Some(p) => Read::Article((p, kestrel_places::town_readings(&doc, &gazetteer))),
                    None => Read::Anonymous,
                }
            })
            .collect();
        for d in done {
            match d {
                Read::Failed(e) => {
                    // Each failed document named on standard error; the run goes on.
                    eprintln!("kestrel: {e}");
                    failed += 1;
                }
                Read::Anonymous => {
                    read += 1;
                    anonymous += 1;
                }
                Read::Article(article) => {
                    read += 1;
                    articles.push(article);
                }
            }
        }
    }
    let homes = kestrel_places::HomeRegions::learn(&gazetteer, &articles);
    let tsv = homes.to_tsv();
    match &args.output {
        Some(path) => {
            std::fs::write(path, tsv).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => std::io::stdout().lock().write_all(tsv.as_bytes())?,
    }
    eprintln!(
        "{read} articles read ({anonymous} with no URL or site name), {failed} failed; {} publications with a home ({} in a first-level region)",
        homes.len(),
        homes.regions()
    );
    Ok(if failed > 0 || read == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
