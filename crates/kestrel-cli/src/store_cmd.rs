//! `kestrel ingest`, `kestrel query`, and `kestrel code --format csv|gdelt|parquet`.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kestrel_core::{Document, InputError, InputKind, Inputs, Pipeline, ReadOptions};
use kestrel_store::{Query, Store, Stored};
use rayon::prelude::*;

use crate::code::{prepare, run_pipeline};
use crate::{CodeArgs, ExportFormat, IngestArgs, OutputFormat, QueryArgs, ServeArgs};

/// Documents coded and stored per transaction: a batch of `code`'s size (32 per worker thread),
/// at least this many; a crash loses at most the batch in flight. Up to three batches of coded
/// documents are held at once (one being coded, one queued, one being written); 256 at a time
/// made `ingest` of the BBC corpus peak at 346 MB resident, over the pipeline's 300 MB budget.
const MIN_BATCH: usize = 64;

/// What an ingest run did.
#[derive(Default)]
struct IngestSummary {
    by_kind: BTreeMap<&'static str, usize>,
    added: usize,
    replaced: usize,
    unchanged: usize,
    duplicates: usize,
    failed: usize,
    mentions: usize,
}

/// Reads, codes and stores. Coding of one batch overlaps with storing the previous one: a
/// writer thread owns the store, and the coding side asks a second, read-only connection what is
/// stored already (`status`; none for a store in memory, where everything is new).
fn ingest_into(
    store: Store,
    status: Option<Store>,
    paths: &[std::path::PathBuf],
    options: ReadOptions,
    pipeline: &Pipeline,
) -> anyhow::Result<(Store, IngestSummary)> {
    let mut s = IngestSummary::default();
    let (to_writer, from_coder) =
        std::sync::mpsc::sync_channel::<(Vec<(Document, String)>, Vec<InputError>)>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(
            move || -> anyhow::Result<(Store, kestrel_store::IngestReport)> {
                let mut store = store;
                let mut total = kestrel_store::IngestReport::default();
                for (docs, failures) in from_coder {
                    let r = store.insert(&docs, &failures).with_context(|| {
                        if store.path().as_os_str().is_empty() {
                            // The export formats' store (see `code_to_export`).
                            "cannot write to the temporary store (is the temporary directory, \
                             TMPDIR, full?)"
                                .to_string()
                        } else {
                            format!("cannot write to {}", store.path().display())
                        }
                    })?;
                    total.added += r.added;
                    total.replaced += r.replaced;
                    total.failed += r.failed;
                    total.mentions += r.mentions;
                    total.duplicates += r.duplicates;
                }
                Ok((store, total))
            },
        );
        let mut inputs = Inputs::new(paths, options);
        let batch_size = crate::code::batch_size(MIN_BATCH);
        let coding = (|| -> anyhow::Result<()> {
            loop {
                let batch: Vec<(InputKind, Result<Document, InputError>)> =
                    inputs.by_ref().take(batch_size).collect();
                if batch.is_empty() {
                    return Ok(());
                }
                let mut to_code: Vec<(Document, String)> = Vec::new();
                let mut failures: Vec<InputError> = Vec::new();
                for (kind, item) in batch {
                    *s.by_kind.entry(kind.name()).or_default() += 1;
                    match item {
                        Ok(doc) => {
                            let hash = kestrel_store::content_hash(&doc.text);
                            let stored = match &status {
                                Some(st) => st.status(&doc.id, &hash)?,
                                None => Stored::New,
                            };
                            match stored {
                                Stored::Unchanged => s.unchanged += 1,
                                Stored::Duplicate(_) => s.duplicates += 1,
                                Stored::New | Stored::Changed => to_code.push((doc, hash)),
                            }
                        }
                        Err(e) => failures.push(e),
                    }
                }
                let coded: Vec<Result<(Document, String), InputError>> = to_code
                    .into_par_iter()
                    .map(|(doc, hash)| run_pipeline(doc, pipeline).map(|d| (d, hash)))
                    .collect();
                let mut docs = Vec::with_capacity(coded.len());
                for c in coded {
                    match c {
                        Ok(d) => docs.push(d),
                        Err(e) => failures.push(e),
                    }
                }
                for f in &failures {
                    eprintln!("kestrel: {f}");
                }
                if to_writer.send((docs, failures)).is_err() {
                    // The writer stopped on an error; it is reported below.
                    return Ok(());
                }
            }
        })();
        drop(to_writer);
        let (store, report) = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer stopped unexpectedly"))??;
        coding?;
        s.added = report.added;
        s.replaced = report.replaced;
        s.failed = report.failed;
        s.mentions = report.mentions;
        s.duplicates += report.duplicates;
        Ok((store, s))
    })
}

/// `kestrel ingest`.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let (pipeline, options) = prepare(&args.input)?;
    let mut store = Store::open(&args.db)?;
    let mut rules = store.rules().clone();
    if let Some(w) = args.window_days {
        rules.window_days = w;
    }
    if args.ignore_place {
        rules.match_place = false;
    }
    if args.match_place {
        rules.match_place = true;
    }
    store.set_rules(rules)?;
    let status = Store::open_read_only(&args.db)?;
    let (store, s) = ingest_into(store, Some(status), &args.input.paths, options, &pipeline)?;
    let [docs, mentions, events, failures] = store.counts()?;
    let read = s.added + s.replaced + s.unchanged + s.duplicates + s.failed;
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    eprintln!(
        "kestrel: {read} document{} read ({}): {} added, {} replaced, {} unchanged, {} duplicate content, {} failed; {} event mentions stored",
        if read == 1 { "" } else { "s" },
        if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
        s.added,
        s.replaced,
        s.unchanged,
        s.duplicates,
        s.failed,
        s.mentions
    );
    eprintln!(
        "kestrel: {} now holds {docs} documents, {mentions} event mentions in {events} events, {failures} failures",
        args.db.display()
    );
    if read == 0 {
        eprintln!("kestrel: no documents found in the given paths");
    }
    Ok(if s.failed > 0 || read == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `kestrel serve`.
pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        anyhow::bail!(
            "--timeout {} must be a positive number of seconds",
            args.timeout
        );
    }
    let mut config = kestrel_server::ServerConfig::new(args.db, args.addr);
    config.max_body_bytes = args.max_body_bytes;
    config.timeout = std::time::Duration::from_secs_f64(args.timeout);
    if args.allow_ingest {
        let stages = crate::code::available_stages(args.models.as_deref(), &[], &[])?;
        let pipeline = Pipeline::select(stages, crate::code::DEFAULT_STAGES)?;
        config.ingest = Some(kestrel_server::Ingest {
            pipeline,
            options: ReadOptions {
                max_bytes: args.max_body_bytes,
                web: Some(kestrel_web::read),
                ..ReadOptions::default()
            },
        });
    }
    kestrel_server::serve(config)?;
    Ok(ExitCode::SUCCESS)
}

/// `kestrel query`.
pub fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db)?;
    let q = Query {
        from: args.from,
        to: args.to,
        actor: args.actor,
        recipient: args.recipient,
        sector: args.sector,
        event_type: args.event_type,
        cameo: args.cameo,
        country: args.country,
        place: args.place,
        text: args.text,
        limit: args.limit,
        ..Query::default()
    };
    let n = export(
        &store,
        &q,
        args.format,
        args.output.as_deref(),
        args.mentions,
    )?;
    eprintln!(
        "kestrel: {n} {} written",
        if args.mentions { "mentions" } else { "events" }
    );
    Ok(ExitCode::SUCCESS)
}

/// `kestrel code --format csv|gdelt|parquet`: the run's documents go through a store in
/// memory, and its deduplicated events are written.
pub fn code_to_export(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let (pipeline, options) = prepare(&args.input)?;
    // SQLite's private temporary database (the empty name): on disk, deleted when closed, and
    // held in a bounded page cache. A store in memory grew with the input (BBC politics' 417
    // articles: 301 MB peak against 272 MB for the same run writing JSON).
    let store = Store::open(Path::new(""))?;
    let (store, s) = ingest_into(store, None, &args.input.paths, options, &pipeline)?;
    let format = match args.format {
        OutputFormat::Csv => ExportFormat::Csv,
        OutputFormat::Gdelt => ExportFormat::Gdelt,
        _ => ExportFormat::Parquet,
    };
    export(
        &store,
        &Query::default(),
        format,
        args.output.as_deref(),
        false,
    )?;
    let coded = s.added + s.replaced + s.unchanged + s.duplicates;
    Ok(crate::code::summary(&s.by_kind, coded, s.failed))
}

/// Writes the events (or their mentions) that match; returns how many.
fn export(
    store: &Store,
    q: &Query,
    format: ExportFormat,
    output: Option<&Path>,
    mentions: bool,
) -> anyhow::Result<usize> {
    if matches!(format, ExportFormat::Parquet) {
        let Some(path) = output else {
            anyhow::bail!(
                "parquet needs --output FILE.parquet, or --output DIR to partition by date"
            );
        };
        if mentions {
            anyhow::bail!("--mentions is written as jsonl, csv or gdelt; parquet holds events");
        }
        let rows = store.events(q)?;
        kestrel_store::parquet::write(&rows, path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(rows.len());
    }
    let sink: Box<dyn Write> = match output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    if mentions {
        let rows = store.mentions(q)?;
        match format {
            ExportFormat::Gdelt => {
                for m in &rows {
                    writeln!(out, "{}", kestrel_store::to_gdelt_mention_row(m))?;
                }
            }
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(kestrel_store::mention_csv_header())?;
                for m in &rows {
                    w.write_record(kestrel_store::mention_csv_row(m))?;
                }
                w.flush()?;
            }
            _ => {
                for m in &rows {
                    writeln!(out, "{}", kestrel_store::mention_json_line(m))?;
                }
            }
        }
        out.flush()?;
        return Ok(rows.len());
    }
    let rows = store.events(q)?;
    match format {
        ExportFormat::Jsonl => {
            for e in &rows {
                writeln!(out, "{}", kestrel_store::to_json_line(e))?;
            }
        }
        ExportFormat::Plover => {
            for e in &rows {
                writeln!(out, "{}", kestrel_store::to_plover_line(e))?;
            }
        }
        ExportFormat::Gdelt => {
            let gazetteer = kestrel_places::Gazetteer::builtin();
            for e in &rows {
                writeln!(out, "{}", kestrel_store::to_gdelt_row(e, &gazetteer))?;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(kestrel_store::csv_header())?;
            for e in &rows {
                w.write_record(kestrel_store::to_csv_row(e))?;
            }
            w.flush()?;
        }
        ExportFormat::Parquet => unreachable!("written above"),
    }
    out.flush()?;
    Ok(rows.len())
}
