//! `kestrel code`: read, run the pipeline, write, in input order.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kestrel_core::ingest::normalise_date;
use kestrel_core::output::{error_to_json, to_conllu, to_json, to_json_pretty, to_table};
use kestrel_core::{InputError, InputFormat, InputKind, Inputs, Pipeline, ReadOptions};
use rayon::prelude::*;

use crate::{CodeArgs, InputArgs, InputFormatArg, OutputFormat};
pub use kestrel::{
    actor_dictionary, available_stages, available_stages_with, event_coder, run_pipeline,
    DEFAULT_STAGES,
};

/// Documents handed to each worker thread at a time: a batch is the worker threads times this.
/// Output keeps input order within and across batches, so the same input always gives the same
/// bytes. A batch's documents and their output are held until the batch is written: with a
/// fixed 512, coding BBC politics (417 articles, 36 MB of JSON) held all of it at once and
/// peaked at 305-315 MB resident, over the pipeline's 300 MB budget; 32 a thread keeps the
/// held output to a few megabytes while a thread waits at a batch's end for about 1/64 of it.
const BATCH_PER_THREAD: usize = 32;

/// Documents a batch holds with the current worker threads, and at least `at_least` (`ingest`
/// keeps its transactions from getting small).
pub(crate) fn batch_size(at_least: usize) -> usize {
    (BATCH_PER_THREAD * rayon::current_num_threads()).max(at_least)
}

/// What became of one document.
enum Outcome {
    Coded(String),
    Failed(String),
}

/// The pipeline and read options that the input arguments ask for.
pub fn prepare(args: &InputArgs) -> anyhow::Result<(Pipeline, ReadOptions)> {
    let names: Vec<&str> = match &args.stages {
        None => DEFAULT_STAGES.to_vec(),
        Some(names) => names
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect(),
    };
    let needs_models = names.iter().any(|n| {
        matches!(
            *n,
            "tag"
                | "parse"
                | "ner"
                | "actors"
                | "quotes"
                | "dates"
                | "amounts"
                | "places"
                | "events"
        )
    });
    let available = if needs_models {
        available_stages_with(
            args.models.as_deref(),
            &args.actors,
            &args.events,
            kestrel_events::Conventions {
                code_sports_reports: args.code_sports,
                ..Default::default()
            },
        )?
    } else {
        kestrel_core::pipeline::all_stages()
    };
    let available = match &args.home_regions {
        Some(path) => with_home_regions(available, path)?,
        None => available,
    };
    let pipeline = Pipeline::select(available, &names)?;
    Ok((pipeline, read_options(args)?))
}

/// The read options the input arguments ask for (and the worker threads they set up).
pub fn read_options(args: &InputArgs) -> anyhow::Result<ReadOptions> {
    if let Some(p) = &args.published {
        if normalise_date(p).is_none() {
            bail!("--published {p:?} is not a date; write it as YYYY-MM-DD");
        }
    }
    if args.id.is_some() && (args.paths.len() != 1 || args.paths[0].is_dir()) {
        bail!("--id names one document; give a single file or - with it");
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the worker threads")?;
    }
    Ok(ReadOptions {
        format: match args.input_format {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Conllu => InputFormat::Conllu,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Warc => InputFormat::Warc,
            InputFormatArg::Feed => InputFormat::Feed,
        },
        published: args.published.clone(),
        id: args.id.clone(),
        max_bytes: args.max_bytes,
        web: Some(kestrel_web::read),
        shard: args.shard,
    })
}

/// The stages with the places stage told where publications are at home (a file written by
/// `kestrel home-regions`).
fn with_home_regions(
    stages: Vec<Box<dyn kestrel_core::Stage>>,
    path: &std::path::Path,
) -> anyhow::Result<Vec<Box<dyn kestrel_core::Stage>>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read home regions {}", path.display()))?;
    let gazetteer = kestrel_places::Gazetteer::builtin();
    let homes = kestrel_places::HomeRegions::from_tsv(&text, &gazetteer)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let homes = std::sync::Arc::new(homes);
    Ok(stages
        .into_iter()
        .map(|stage| -> Box<dyn kestrel_core::Stage> {
            if stage.name() == "places" {
                Box::new(kestrel_places::PlaceStage::with_homes(
                    gazetteer.clone(),
                    homes.clone(),
                ))
            } else {
                stage
            }
        })
        .collect())
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    if matches!(
        args.format,
        OutputFormat::Csv | OutputFormat::Gdelt | OutputFormat::Parquet
    ) {
        return crate::store_cmd::code_to_export(args);
    }
    let started = std::time::Instant::now();
    let (mut pipeline, options) = prepare(&args.input)?;
    let loading = started.elapsed();
    if args.timings {
        pipeline.time_stages();
    }
    // --explain writes the table, with the coder's decisions after each document.
    let (format, explainer) = if args.explain {
        (
            OutputFormat::Table,
            Some(kestrel::event_coder(&args.input.events)?),
        )
    } else {
        (args.format, None)
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let progress = progress_bar();
    let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut coded, mut failed) = (0usize, 0usize);
    let mut inputs = Inputs::new(&args.input.paths, options);
    let batch_size = batch_size(1);
    loop {
        let batch: Vec<(InputKind, Result<kestrel_core::Document, InputError>)> =
            inputs.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            break;
        }
        for (kind, _) in &batch {
            *by_kind.entry(kind.name()).or_default() += 1;
        }
        let outcomes: Vec<Outcome> = batch
            .into_par_iter()
            .map(|(_, item)| process(item, &pipeline, format, args.pretty, explainer.as_ref()))
            .collect();
        for outcome in outcomes {
            let s = match outcome {
                Outcome::Coded(s) => {
                    coded += 1;
                    s
                }
                Outcome::Failed(s) => {
                    failed += 1;
                    s
                }
            };
            // PLOVER output has one line per event, and none for a document without events.
            let s = s.strip_suffix('\n').unwrap_or(&s);
            if !(s.is_empty() && matches!(format, OutputFormat::Plover)) {
                out.write_all(s.as_bytes())?;
                out.write_all(b"\n")?;
            }
            progress.inc(1);
        }
    }
    out.flush()?;
    progress.finish_and_clear();
    let code = summary(&by_kind, coded, failed);
    if args.timings {
        eprint!("{}", timings_report(loading, &pipeline, started.elapsed()));
    }
    Ok(code)
}

/// The `--timings` lines: loading, each stage with its share of the stages' total, and the
/// whole run.
fn timings_report(
    loading: std::time::Duration,
    pipeline: &Pipeline,
    wall: std::time::Duration,
) -> String {
    let stages = pipeline.stage_times();
    let total: f64 = stages.iter().map(|(_, t)| t.as_secs_f64()).sum();
    let mut report = format!(
        "kestrel: loading {:.2} s, stages {total:.2} s, whole run {:.2} s\n",
        loading.as_secs_f64(),
        wall.as_secs_f64()
    );
    for (name, t) in stages {
        let t = t.as_secs_f64();
        let share = if total > 0.0 { 100.0 * t / total } else { 0.0 };
        report += &format!("kestrel:   {name:<10} {t:>8.2} s {share:>5.1}%\n");
    }
    report
}

/// Prints the run's summary line and gives the exit code: 1 when a document failed or none
/// was found.
pub fn summary(by_kind: &BTreeMap<&'static str, usize>, coded: usize, failed: usize) -> ExitCode {
    let read = coded + failed;
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    eprintln!(
        "kestrel: {read} document{} read ({}), {coded} coded, {failed} failed",
        if read == 1 { "" } else { "s" },
        if kinds.is_empty() {
            "none".to_string()
        } else {
            kinds.join(", ")
        },
    );
    if read == 0 {
        eprintln!("kestrel: no documents found in the given paths");
    }
    if failed > 0 || read == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn check_events(files: &[std::path::PathBuf]) -> anyhow::Result<ExitCode> {
    let coder = event_coder(files)?;
    let entries = coder.dictionary.entries();
    let (types, modes) = coder.dictionary.coverage();
    let coded = entries
        .iter()
        .filter(|e| e.plover_type != kestrel_events::dictionary::IGNORE);
    let mut roots: Vec<&str> = coded.clone().map(|e| &e.cameo[..2]).collect();
    roots.sort_unstable();
    roots.dedup();
    let mut codes: Vec<&str> = coded.map(|e| e.cameo.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    println!("entries         {}", entries.len());
    println!(
        "verbs / nouns   {} / {}",
        entries
            .iter()
            .filter(|e| e.kind == kestrel_events::TriggerKind::Verb)
            .count(),
        entries
            .iter()
            .filter(|e| e.kind == kestrel_events::TriggerKind::Noun)
            .count()
    );
    println!("PLOVER types    {} of 16: {}", types.len(), types.join(" "));
    let mut missing_modes = Vec::new();
    let mut all_modes = 0;
    for t in kestrel_events::PLOVER_TYPES {
        for m in kestrel_events::ontology::plover_modes(t).unwrap_or_default() {
            all_modes += 1;
            if !modes.contains(&format!("{t} {m}")) {
                missing_modes.push(format!("{t} {m}"));
            }
        }
    }
    println!(
        "PLOVER modes    {} of {all_modes}",
        all_modes - missing_modes.len()
    );
    if !missing_modes.is_empty() {
        println!("  missing: {}", missing_modes.join(", "));
    }
    println!("CAMEO roots     {} of 20: {}", roots.len(), roots.join(" "));
    println!("CAMEO codes     {}", codes.len());
    let complete = types.len() == 16 && missing_modes.is_empty();
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn check_actors(files: &[std::path::PathBuf], limit: usize) -> anyhow::Result<ExitCode> {
    let dict = actor_dictionary(files)?;
    let problems = dict.check();
    for p in problems.iter().take(limit) {
        println!("{p}");
    }
    if problems.len() > limit {
        println!("... and {} more", problems.len() - limit);
    }
    eprintln!(
        "kestrel: {} actors checked, {} problems",
        dict.len(),
        problems.len()
    );
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn process(
    item: Result<kestrel_core::Document, InputError>,
    pipeline: &Pipeline,
    format: OutputFormat,
    pretty: bool,
    explainer: Option<&kestrel_events::Coder>,
) -> Outcome {
    let doc = match item.and_then(|doc| run_pipeline(doc, pipeline)) {
        Ok(doc) => doc,
        Err(e) => return Outcome::Failed(render_error(&e, format)),
    };
    let id = doc.id.clone();
    let source = doc.source.clone().unwrap_or_default();
    // One document that trips a bug must not end the run: it becomes an error record.
    let run = catch_unwind(AssertUnwindSafe(|| match format {
        OutputFormat::Json if pretty => to_json_pretty(&doc),
        OutputFormat::Json | OutputFormat::Csv | OutputFormat::Gdelt | OutputFormat::Parquet => {
            to_json(&doc)
        }
        OutputFormat::Table => match explainer {
            Some(coder) => to_table(&doc) + &explain_table(&doc, coder),
            None => to_table(&doc),
        },
        OutputFormat::Conllu => to_conllu(&doc),
        OutputFormat::Plover => kestrel_events::plover::to_plover_jsonl(&doc),
    }));
    match run {
        Ok(s) => Outcome::Coded(s),
        Err(panic) => {
            let e = kestrel::internal_error(id, source, panic.as_ref());
            Outcome::Failed(render_error(&e, format))
        }
    }
}

fn render_error(e: &InputError, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json
        | OutputFormat::Plover
        | OutputFormat::Csv
        | OutputFormat::Gdelt
        | OutputFormat::Parquet => error_to_json(e),
        OutputFormat::Table => format!("{}\nerror     {e}\n", "-".repeat(72)),
        OutputFormat::Conllu => format!("# error = {e}\n"),
    }
}

fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}")
            .expect("valid template"),
    );
    bar
}

/// The coder's decisions on a coded document, one line per dictionary word, by sentence.
fn explain_table(doc: &kestrel_core::Document, coder: &kestrel_events::Coder) -> String {
    use std::fmt::Write as _;
    let decisions = coder.explain(doc);
    let mut out = format!("\ncoder decisions ({})\n", decisions.len());
    for d in &decisions {
        let _ = writeln!(
            out,
            "  s{:<3} {:<16} {} {}{}",
            d.sentence,
            doc.slice(d.trigger),
            if d.coded { "coded " } else { "no    " },
            d.outcome,
            d.rule
                .as_deref()
                .map(|r| format!("  [{r}]"))
                .unwrap_or_default()
        );
    }
    out
}
