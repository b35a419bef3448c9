//! The `kestrel` command.

mod amounts_eval;
mod code;
mod coref_eval;
mod cues;
mod dedup_eval;
mod eval;
mod extract_eval;
mod gazetteer;
mod geo_eval;
mod home_regions;
mod ner_gold;
mod petrarch_eval;
mod quotes_eval;
mod store_cmd;
mod timex_eval;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

// Parsing HTML and scoring with the models allocate many small, short-lived objects.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Kestrel turns news into political event data.
#[derive(Parser)]
#[command(name = "kestrel", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles: read files, directories or - (standard input), write one JSON
    /// document per article.
    Code(CodeArgs),
    /// Learn where each publication is at home from the places its articles name (grouped by
    /// their URLs' hosts or site names) and write them for `kestrel code --home-regions`.
    HomeRegions(HomeRegionsArgs),
    /// Code articles and keep them in a store (SQLite): documents, entities, places,
    /// quotes and events, with reports of one event merged. Re-running skips what is stored.
    Ingest(IngestArgs),
    /// Query a store's events and export them: JSON Lines, CSV, PLOVER, GDELT 2.0, Parquet.
    Query(QueryArgs),
    /// Serve a store: a JSON API (OpenAPI at /api/openapi.json, docs at /api/docs) and a
    /// dashboard at / (timeline, actor network, map, events, documents). Read-only unless
    /// --allow-ingest.
    Serve(ServeArgs),
    /// Measure a component against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// List the pipeline's stages, in order, with what each needs and adds.
    Stages,
    /// Train the tagger, lemmatizer and parser from UD treebanks.
    Train(TrainArgs),
    /// Check actor dictionaries (the built-in one and any given): unknown country codes, dates
    /// that end before they start, names shared by actors with different codes.
    CheckActors {
        /// Dictionaries to add to the built-in one (Kestrel's format or PETRARCH's).
        files: Vec<PathBuf>,
        /// List at most this many problems.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Build the gazetteer (dictionaries/gazetteer.tsv.gz) from GeoNames: countries,
    /// first- and second-level regions and cities of 15,000 people or more.
    BuildGazetteer {
        /// GeoNames folder (countryInfo.txt, admin1CodesASCII.txt, admin2Codes.txt.gz,
        /// cities15000.zip).
        #[arg(long, value_name = "DIR", default_value = "../shared/data/geo")]
        geo: PathBuf,
        /// Output file.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "dictionaries/gazetteer.tsv.gz"
        )]
        out: PathBuf,
    },
    /// Build the actor dictionary (dictionaries/actors.tsv.gz) from GeoNames countries,
    /// demonyms and PETRARCH actor dictionaries.
    BuildActors {
        /// GeoNames folder (countryInfo.txt, demonyms.csv).
        #[arg(long, value_name = "DIR", default_value = "../shared/data/geo")]
        geo: PathBuf,
        /// Folder of PETRARCH actor dictionaries (Phoenix.*.actors.txt).
        #[arg(
            long,
            value_name = "DIR",
            default_value = "../shared/data/dicts/petrarch2"
        )]
        petrarch: PathBuf,
        /// Output file (.tsv, or .tsv.gz to compress).
        #[arg(
            long,
            value_name = "FILE",
            default_value = "dictionaries/actors.tsv.gz"
        )]
        out: PathBuf,
    },
    /// Build the CAMEO table (dictionaries/cameo.tsv: names, Goldstein scores, PLOVER
    /// conversions) from the CAMEO code list and the CAMEO-to-PLOVER table.
    BuildCameo {
        /// The CAMEO code list (CSV with code, name and goldstein columns).
        #[arg(
            long,
            value_name = "FILE",
            default_value = "../shared/data/events/cameo-codes.csv"
        )]
        cameo: PathBuf,
        /// The CAMEO-to-PLOVER conversion table.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "../shared/data/events/CAMEO2PLOVER-2021.txt"
        )]
        plover: PathBuf,
        /// Output file.
        #[arg(long, value_name = "FILE", default_value = "dictionaries/cameo.tsv")]
        out: PathBuf,
    },
    /// Learn attribution cue verbs (dictionaries/cues.tsv) from PolNeAR's training split: the
    /// verbs annotated as cues, and whether each introduces a clause, a `to`-clause or an
    /// object.
    BuildCues {
        /// The PolNeAR training split (attributions/ and text/).
        #[arg(
            long,
            value_name = "DIR",
            default_value = "../shared/data/quotes/train"
        )]
        polnear: PathBuf,
        /// Output file.
        #[arg(long, value_name = "FILE", default_value = "dictionaries/cues.tsv")]
        out: PathBuf,
    },
    /// Train the cue model (dictionaries/cue_model.tsv) on PolNeAR's training split: which
    /// verbs the rules leave alone are cues after all. Run after build-cues and a rebuild, as
    /// the model learns from what the built-in rules miss.
    BuildCueModel {
        /// The PolNeAR training split (attributions/ and text/).
        #[arg(
            long,
            value_name = "DIR",
            default_value = "../shared/data/quotes/train"
        )]
        polnear: PathBuf,
        /// Output file.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "dictionaries/cue_model.tsv"
        )]
        out: PathBuf,
    },
    /// Check event dictionaries (the built-in one and any given) and report what they cover:
    /// PLOVER types, modes and CAMEO roots.
    CheckEvents {
        /// Dictionaries to read after the built-in one.
        files: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct TrainArgs {
    /// What to train: tagger (with the lemmatizer), parser, all (tagger and parser; from a
    /// .conllu treebank), ner (from a UniversalNER-style .iob2 file), or clusters (word
    /// classes from the treebank's sentences and unlabelled `--text`).
    #[arg(value_enum)]
    what: TrainWhat,
    /// Training treebank (.conllu; .iob2 for ner). Give it more than once to train on several
    /// files, read in the order given (the shipped models are trained on EWT's train and dev).
    #[arg(long, value_name = "FILE", required = true)]
    train: Vec<PathBuf>,
    /// Development treebank, scored into the model's metadata.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Output directory for the model files.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Passes over the training data (default: 10 for the tagger, 15 for the parser).
    #[arg(long)]
    epochs: Option<usize>,
    /// Random seed for shuffling and exploration.
    #[arg(long)]
    seed: Option<u64>,
    /// Entity recogniser: models trained with seeds seed, seed+1, ... whose mean is kept
    /// (default 3).
    #[arg(long)]
    runs: Option<usize>,
    /// Parser: partial parses kept at each step, in training and then when parsing; 1 is
    /// greedy search (default 4; the width is stored in the model).
    #[arg(long)]
    beam: Option<usize>,
    /// Parser: also train two greedy parsers, one reading left to right and one right to
    /// left, whose trees vote with the beam parser's on each word's head (stored in the
    /// model; off by default, see README).
    #[arg(long)]
    voters: bool,
    /// Parser: also train a supertagger, whose guesses of each word's relation and head side
    /// the parser reads (stored in the model; off by default, see README).
    #[arg(long)]
    supertags: bool,
    /// Parser: also train a neural head scorer for this many epochs, whose tree replaces the
    /// transition model's (stored in the model; off by default, see README).
    #[arg(long)]
    neural_epochs: Option<usize>,
    /// Parser, with `--neural-epochs`: what each arc of the transition model's tree adds to
    /// the neural scorer's log-probability of it; 0 leaves the transition model out of
    /// parsing (default 0).
    #[arg(long)]
    neural_bonus: Option<f32>,
    /// Tagger passes: 1 (left context) or 2 (adds a pass that sees right-context tags).
    #[arg(long)]
    tagger_passes: Option<usize>,
    /// Tagger: taggers trained with seeds seed, seed+1, ... whose mean is kept (default 5).
    #[arg(long)]
    tagger_runs: Option<usize>,
    /// Parser: probability of following its own move rather than the oracle's, once
    /// exploring (default 0.9).
    #[arg(long)]
    explore: Option<f64>,
    /// Parser: the epoch (0-based) from which it explores (default 1).
    #[arg(long)]
    explore_from: Option<usize>,
    /// Parser: share of training sentences that also train as a copy with a time adjunct
    /// where news puts one, "The council on Tuesday approved ..." (default 0.3; 0 for none).
    #[arg(long)]
    news_adjuncts: Option<f64>,
    /// Parser: share of declarative training sentences that also train as a copy ending with
    /// an attribution, "..., officials said on Tuesday." (default 0.1; 0 for none).
    #[arg(long)]
    news_attributions: Option<f64>,
    /// Parser: share of training sentences with a bare name for a subject that also train as a
    /// copy with a nationality and an office before it (default 1; 0 for none).
    #[arg(long)]
    news_titles: Option<f64>,
    /// GeoNames folder for the entity recogniser's gazetteer (countryInfo.txt,
    /// admin1CodesASCII.txt, cities15000.zip, demonyms.csv).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/geo")]
    geo: PathBuf,
    /// Folder of PETRARCH actor dictionaries (Phoenix.*.actors.txt) whose names join the
    /// entity recogniser's gazetteer; `none` to leave them out.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/dicts/petrarch2"
    )]
    actors: PathBuf,
    /// Licence of the training data, recorded in the model's metadata.
    #[arg(long, default_value = kestrel_nlp::train::EWT_LICENCE)]
    licence: String,
    /// Word classes (`kestrel train clusters` writes them) whose classes the tagger, parser
    /// and entity recogniser see as features; `none` for no classes. For `train clusters`,
    /// the file to write.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "models/en_ewt/clusters.tsv.gz"
    )]
    clusters: PathBuf,
    /// Unlabelled text, a folder of .txt files or a .tar.gz of them (repeatable). Word classes
    /// are learned from it besides the treebank's sentences; the parser (`parser`, `all`)
    /// trains a beam and a greedy parser first, and the sentences of the text they parse alike
    /// join its training data (tagged by the tagger in --out, else the built-in one); the
    /// entity recogniser (`ner`) trains a second recogniser without word classes, and 2,000 of
    /// the sentences the two read alike join its training data
    #[arg(long, value_name = "PATH")]
    text: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TrainWhat {
    Tagger,
    Parser,
    All,
    Ner,
    Clusters,
}

#[derive(Args)]
struct HomeRegionsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the homes to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct CodeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write to this file (for parquet: a file, or a directory to partition by date) instead
    /// of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format (`--output-format` works too). csv, gdelt and parquet write the
    /// deduplicated events of the whole run, as `kestrel query` does from a store.
    #[arg(short, long, alias = "output-format", value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Indent the JSON (one document then spans several lines).
    #[arg(long)]
    pretty: bool,
    /// Write the readable table, and after each document every word the event dictionary
    /// lists with what the coder made of it: the event, or why there was none (tagged as no
    /// verb, no entry's conditions hold, negated, no actor, ...).
    #[arg(long)]
    explain: bool,
    /// After the summary, report the time spent loading models and dictionaries and in each
    /// stage (summed over worker threads): where a run's time goes.
    #[arg(long)]
    timings: bool,
}

#[derive(Args)]
struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The store; created when missing.
    #[arg(long, value_name = "FILE", default_value = "kestrel.db")]
    db: PathBuf,
    /// Deduplication: the largest gap in days between two reports of one event (default 1;
    /// kept in the store, and changing it regroups the stored events).
    #[arg(long, value_name = "DAYS")]
    window_days: Option<i64>,
    /// Deduplication: merge reports even when they place the event in different countries.
    #[arg(long, conflicts_with = "match_place")]
    ignore_place: bool,
    /// Deduplication: keep reports placed in different countries apart (the default).
    #[arg(long)]
    match_place: bool,
}

#[derive(Args)]
struct ServeArgs {
    /// The store.
    #[arg(long, value_name = "FILE", default_value = "kestrel.db")]
    db: PathBuf,
    /// Address to listen on (loopback by default; 0.0.0.0:8080 serves the network).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Accept articles at POST /api/documents: code them and store them (creates the store
    /// when missing).
    #[arg(long)]
    allow_ingest: bool,
    /// Largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Longest a request may take, in seconds, before it is answered with 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    timeout: f64,
    /// Read models from this directory instead of the built-in ones (for --allow-ingest).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

#[derive(Args)]
struct QueryArgs {
    /// The store.
    #[arg(long, value_name = "FILE", default_value = "kestrel.db")]
    db: PathBuf,
    /// First date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// An actor's code (USA, IGOUNO).
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// A recipient's code.
    #[arg(long, value_name = "CODE")]
    recipient: Option<String>,
    /// A sector of an actor or recipient (GOV, MIL, REB, ...).
    #[arg(long)]
    sector: Option<String>,
    /// A PLOVER event type (PROTEST, ASSAULT, ...).
    #[arg(long = "type", value_name = "TYPE")]
    event_type: Option<String>,
    /// A CAMEO code prefix (14 for protests, 1411, ...).
    #[arg(long, value_name = "CODE")]
    cameo: Option<String>,
    /// The country where it happened (ISO alpha-3).
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// The place where it happened (GeoNames name).
    #[arg(long)]
    place: Option<String>,
    /// Full text of the reporting articles (SQLite FTS5: words, "phrases", AND, OR, NOT, pre*).
    #[arg(long)]
    text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,
    /// Write each report of the matching events instead (GDELT's mentions table).
    #[arg(long)]
    mentions: bool,
    /// Write to this file (for parquet: a file, or a directory to partition by date).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// One JSON object per event.
    Jsonl,
    /// CSV with a header.
    Csv,
    /// PLOVER JSON Lines (the first report's record, with the event's counts).
    Plover,
    /// GDELT 2.0: 61 tab-separated columns without a header (with --mentions, the 16-column
    /// mentions table).
    Gdelt,
    /// Parquet (a file, or a directory partitioned by date).
    Parquet,
}

/// What to read and how to code it: shared by `kestrel code` and `kestrel ingest`.
#[derive(Args)]
struct InputArgs {
    /// Files, directories (read recursively), tar and zip archives (each file in them a
    /// document) or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// How to read inputs; auto decides by extension, then by content.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,
    /// Publication date (YYYY-MM-DD) for plain-text inputs.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Document id for a single plain-text input.
    #[arg(long)]
    id: Option<String>,
    /// Comma-separated stages to run (see `kestrel stages`); default: all.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    stages: Option<Vec<String>>,
    /// Worker threads; default: all cores.
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    /// Largest article read, in bytes; larger ones become error records.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: usize,
    /// Process only share K of N of the inputs (K from 0 to N-1): the documents whose place
    /// in the input stream is K modulo N. N runs with K = 0..N-1 (a Slurm job array, say)
    /// over the same inputs together process each document once.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Read models from this directory instead of the built-in ones.
    /// Files it lacks are the built-in ones; a `heads.bin.gz` in it adds a neural head
    /// scorer to the parser (`--models models/en_ewt-neural`: more accurate trees, about
    /// half the speed).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Add an actor dictionary (Kestrel's tab-separated format or PETRARCH's .actors.txt);
    /// its entries win over the built-in ones. May be given more than once.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Add an event dictionary (Kestrel's format, see dictionaries/events.txt); its entries
    /// are read after the built-in ones. May be given more than once.
    #[arg(long, value_name = "FILE")]
    events: Vec<PathBuf>,
    /// Where publications are at home (publication, country, region, tab-separated; made by
    /// `kestrel home-regions`): an article's bare town names are read near its publication's
    /// home ("Paris" in a Tennessee paper), matched by the host of its URL or its site name.
    #[arg(long, value_name = "FILE")]
    home_regions: Option<PathBuf>,
    /// Code events in sports reports too. By default a document whose words are at least 2%
    /// words of sport ("league", "striker", "wicket", ...) gets no events and a warning:
    /// "England beat Samoa" is no political event.
    #[arg(long)]
    code_sports: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// JSON Lines, one document per line (schema kestrel/1).
    Json,
    /// A readable summary per document.
    Table,
    /// CoNLL-U, one `# newdoc` per document.
    Conllu,
    /// PLOVER JSON Lines, one event per line.
    Plover,
    /// Deduplicated events as CSV with a header.
    Csv,
    /// Deduplicated events as GDELT 2.0 event records (61 tab-separated columns, no header).
    Gdelt,
    /// Deduplicated events as Parquet.
    Parquet,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
    Conllu,
    Html,
    Warc,
    Feed,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Sentence and token boundaries against a CoNLL-U treebank (from its # text lines).
    Segment {
        /// A .conllu file.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
    },
    /// Tagging, lemmas and parsing against a CoNLL-U treebank (UPOS, XPOS, lemma, UAS, LAS).
    Ud {
        /// A .conllu file.
        file: PathBuf,
        /// Start from the raw `# text` lines through Kestrel's segmenter, not gold words.
        #[arg(long)]
        raw: bool,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Read models from this directory instead of the built-in ones.
        /// Files it lacks are the built-in ones; a `heads.bin.gz` in it adds a neural head
        /// scorer to the parser (`--models models/en_ewt-neural`: more accurate trees, about
        /// half the speed).
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
        /// Write the models' tags, lemmas and trees of the gold words to this CoNLL-U file,
        /// to read the errors beside the treebank's (not with --raw).
        #[arg(long, value_name = "FILE", conflicts_with = "raw")]
        predictions: Option<PathBuf>,
    },
    /// Named entities against an IOB2 file (PER, ORG, LOC), span F1 per type and overall;
    /// or against a .conllu treebank whose MISC column marks entities (UD English-GUM).
    Ner {
        /// A .iob2 file, or a .conllu file with `Entity=` marks (names are the mentions of
        /// people, organisations and places headed by a proper noun; see README).
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Read the entity model from this file instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// List the spans missed and the spurious ones (a wrong type is both), one per line.
        #[arg(long)]
        errors: bool,
        /// Score the entity mentions the pipeline outputs (the recogniser's, then the actor
        /// stage's: names of its dictionary the recogniser missed, mentions widened to a
        /// dictionary name), as `kestrel code` writes them, instead of the recogniser's alone.
        /// A treebank's documents are read whole; an IOB2 file's sentences one by one.
        #[arg(long)]
        pipeline: bool,
    },
    /// Event coding against PLOVER's gold standard records (PLOVER_GSR_CAMEO.json): type
    /// accuracy and macro F1, actor and recipient country accuracy, full-event F1.
    Plover {
        /// The gold JSON file.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list the records Kestrel got wrong.
        #[arg(long)]
        errors: bool,
        /// Read the tagger, parser and entity models from this directory instead of the
        /// built-in ones.
        /// Files it lacks are the built-in ones; a `heads.bin.gz` in it adds a neural head
        /// scorer to the parser (`--models models/en_ewt-neural`: more accurate trees, about
        /// half the speed).
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
    },
    /// Event coding against a PETRARCH validation file (PETR_Validate_records_2_02.xml,
    /// PETR.UnitTest.records.xml) with PETRARCH-format dictionaries, through Kestrel's own
    /// parse: exact-match pass rate and event precision and recall over (source, target,
    /// code) triples. Dictionaries default to those the file's <Environment> names.
    Petrarch {
        /// The validation XML file.
        file: PathBuf,
        /// A PETRARCH verb dictionary (CAMEO.2.0.txt format).
        #[arg(long, value_name = "FILE")]
        verbs: Option<PathBuf>,
        /// PETRARCH actor dictionaries; repeat for several.
        #[arg(long, value_name = "FILE")]
        actors: Vec<PathBuf>,
        /// A PETRARCH agent dictionary.
        #[arg(long, value_name = "FILE")]
        agents: Option<PathBuf>,
        /// A PETRARCH discard dictionary.
        #[arg(long, value_name = "FILE")]
        discards: Option<PathBuf>,
        /// Also code events without a target, with target `---` (PETRARCH's require_dyad =
        /// false).
        #[arg(long)]
        monadic: bool,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list the records Kestrel got wrong.
        #[arg(long)]
        errors: bool,
        /// Read the tagger and parser from this directory instead of the built-in ones.
        /// Files it lacks are the built-in ones; a `heads.bin.gz` in it adds a neural head
        /// scorer to the parser (`--models models/en_ewt-neural`: more accurate trees, about
        /// half the speed).
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
    },
    /// Quotation finding against PolNeAR (brat Source, Cue and Content spans): precision,
    /// recall and F1 per role, exact (edges trimmed of spaces and punctuation) and overlapping.
    Quotes {
        /// A PolNeAR split: a folder with attributions/*.ann and text/*.txt.
        dir: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
    },
    /// Coreference against a CoNLL-U treebank with `Entity=` annotations (UD English-GUM):
    /// precision and recall of the links Kestrel makes from pronouns, definite descriptions
    /// and later names to a named person, organisation or place, through its own pipeline
    /// from each document's text.
    Coref {
        /// A .conllu file whose MISC column carries `Entity=` brackets.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list each wrong or missed link: document, kind, mention, Kestrel's antecedent,
        /// the gold one, and the text around it.
        #[arg(long)]
        errors: bool,
    },
    /// Main-text extraction from HTML pages against trafilatura's evaluation set
    /// (trafilatura-eval.tar.gz: evaldata.json and eval/*.html): snippet precision, recall and
    /// F1 by trafilatura's method, and title, date and author accuracy.
    Extract {
        /// The .tar.gz archive.
        archive: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list each page's missed and kept snippets.
        #[arg(long)]
        errors: bool,
        /// Write each page's text to this folder, before (NAME.extracted.txt) and after
        /// (NAME.txt) the boilerplate filter, NAME being the page's file in the archive.
        #[arg(long, value_name = "DIR")]
        dump: Option<PathBuf>,
    },
    /// Temporal expressions against TimeML files (TempEval-3's TBAQ-cleaned: TimeBank and
    /// AQUAINT): span F1, strict and relaxed, and value F1 against each document's creation
    /// time.
    Timex {
        /// A folder of .tml files (searched recursively).
        dir: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list the expressions whose value is wrong.
        #[arg(long)]
        errors: bool,
    },
    /// Money against Microsoft Recognizers-Text's currency cases (CurrencyModel.json): found
    /// and valued, precision, recall and F1.
    Amounts {
        /// The JSON file of cases.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list the cases Kestrel got wrong.
        #[arg(long)]
        errors: bool,
    },
    /// Toponym resolution against LGL or TR-News (lgl.xml, TR-News.xml): accuracy within
    /// 161 km and mean error, over the files' gold toponyms.
    Geo {
        /// The XML file.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// List the toponyms not resolved or placed more than 161 km off, most frequent first.
        #[arg(long)]
        errors: bool,
        /// Learn each publication's home region from the places its articles name (a first
        /// pass over the file, grouped by `<domain>`; no gold readings) and resolve again
        /// with it, as `kestrel code --home-regions` does.
        #[arg(long)]
        home_regions: bool,
    },
    /// Event deduplication against articles with true event groups (data/eval/dedup.jsonl):
    /// pairwise precision and recall of merged reports.
    Dedup {
        /// A .jsonl file of articles with "events": [{"sentence", "group"}].
        file: PathBuf,
        /// Largest gap in days between two reports of one event.
        #[arg(long, default_value_t = 1)]
        window_days: i64,
        /// Merge reports placed in different countries.
        #[arg(long)]
        ignore_place: bool,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// List uncoded mentions, false merges and missed merges.
        #[arg(long)]
        errors: bool,
    },
    /// Boilerplate detection against a labelled paragraph set (JSON Lines).
    Boilerplate {
        /// A .jsonl file of {"id", "paragraphs": [{"text", "label"}]}.
        file: PathBuf,
        /// End with one JSON object of scores on the last line.
        #[arg(long)]
        json: bool,
        /// Also list the paragraphs the cleaner got wrong.
        #[arg(long)]
        errors: bool,
    },
}

/// Reads `K/N` for `--shard`.
fn parse_shard(value: &str) -> Result<(usize, usize), String> {
    let bad = || format!("{value:?}: write the shard as K/N with 0 <= K < N, e.g. 0/4");
    let (k, n) = value.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if n == 0 || k >= n {
        return Err(bad());
    }
    Ok((k, n))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::HomeRegions(args) => home_regions::run(args),
        Command::Eval(EvalCommand::Segment { file, json }) => eval::segment(&file, json),
        Command::Eval(EvalCommand::Ud {
            file,
            raw,
            json,
            models,
            predictions,
        }) => eval::ud(&file, raw, json, models.as_deref(), predictions.as_deref()),
        Command::Eval(EvalCommand::Ner {
            file,
            json,
            model,
            errors,
            pipeline,
        }) => eval::ner(&file, json, model.as_deref(), errors, pipeline),
        Command::Train(args) => train::run(args),
        Command::Eval(EvalCommand::Dedup {
            file,
            window_days,
            ignore_place,
            json,
            errors,
        }) => dedup_eval::run(
            &file,
            kestrel_store::DedupRules {
                window_days,
                match_place: !ignore_place,
            },
            json,
            errors,
        ),
        Command::Ingest(args) => store_cmd::ingest(args),
        Command::Query(args) => store_cmd::query(args),
        Command::Serve(args) => store_cmd::serve(args),
        Command::BuildActors { geo, petrarch, out } => train::build_actors(&geo, &petrarch, &out),
        Command::BuildGazetteer { geo, out } => gazetteer::build(&geo, &out),
        Command::CheckActors { files, limit } => code::check_actors(&files, limit),
        Command::BuildCameo { cameo, plover, out } => train::build_cameo(&cameo, &plover, &out),
        Command::CheckEvents { files } => code::check_events(&files),
        Command::BuildCues { polnear, out } => cues::build(&polnear, &out),
        Command::BuildCueModel { polnear, out } => cues::build_model(&polnear, &out),
        Command::Eval(EvalCommand::Plover {
            file,
            json,
            errors,
            models,
        }) => eval::plover(&file, json, errors, models.as_deref()),
        Command::Eval(EvalCommand::Petrarch {
            file,
            verbs,
            actors,
            agents,
            discards,
            monadic,
            json,
            errors,
            models,
        }) => petrarch_eval::run(
            &file,
            petrarch_eval::Dictionaries {
                verbs,
                actors,
                agents,
                discards,
                models,
            },
            json,
            errors,
            monadic,
        ),
        Command::Eval(EvalCommand::Quotes { dir, json }) => quotes_eval::run(&dir, json),
        Command::Eval(EvalCommand::Coref { file, json, errors }) => {
            coref_eval::run(&file, json, errors)
        }
        Command::Eval(EvalCommand::Geo {
            file,
            json,
            errors,
            home_regions,
        }) => geo_eval::run(&file, json, errors, home_regions),
        Command::Eval(EvalCommand::Amounts { file, json, errors }) => {
            amounts_eval::run(&file, json, errors)
        }
        Command::Eval(EvalCommand::Timex { dir, json, errors }) => {
            timex_eval::run(&dir, json, errors)
        }
        Command::Eval(EvalCommand::Extract {
            archive,
            json,
            errors,
            dump,
        }) => extract_eval::run(&archive, json, errors, dump.as_deref()),
        Command::Eval(EvalCommand::Boilerplate { file, json, errors }) => {
            eval::boilerplate(&file, json, errors)
        }
        Command::Stages => {
            for stage in code::available_stages(None, &[], &[])
                .unwrap_or_else(|_| kestrel_core::pipeline::all_stages())
            {
                let needs: Vec<&str> = stage.requires().iter().map(|l| l.name()).collect();
                println!(
                    "{:<10} adds {:<10} needs {}",
                    stage.name(),
                    stage.assigns().name(),
                    if needs.is_empty() {
                        "-".to_string()
                    } else {
                        needs.join(", ")
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprint!("kestrel: error: {err}");
            for cause in err.chain().skip(1) {
                eprint!(": {cause}");
            }
            eprintln!();
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
