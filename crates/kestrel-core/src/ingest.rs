//! Reading articles: plain-text files, JSON Lines, directories and standard input.
//!
//! Inputs are streamed: a directory is walked lazily in sorted order, and a JSON Lines file
//! is read a line at a time, so a run over a large corpus holds one batch in memory. A bad
//! input (an unreadable file, an empty article, a malformed line) becomes an [`InputError`]
//! in the stream, and reading goes on.
//!
//! A tar archive (`.tar`, `.tar.gz`, `.tgz`) or a zip archive is read as the files it holds,
//! in the archive's order, each by its own name as a file in a folder would be: a thread reads
//! the archive and hands over one file at a time, so a large archive is never held in memory
//! whole.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::document::Document;

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide from the file extension, then from the content.
    #[default]
    Auto,
    /// One article per file; the first line may be a headline.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// CoNLL-U: already segmented (and perhaps tagged and parsed) text, one document per
    /// `# newdoc`.
    Conllu,
    /// An HTML page: the article is extracted from it.
    Html,
    /// A WARC archive, gzipped or not: each HTML response is a page.
    Warc,
    /// An RSS or Atom feed: each item is an article.
    Feed,
}

impl InputFormat {
    /// Parses a format name: `auto`, `text` or `jsonl`.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        match name {
            "auto" => Some(InputFormat::Auto),
            "text" | "txt" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "conllu" | "conll" => Some(InputFormat::Conllu),
            "html" | "htm" => Some(InputFormat::Html),
            "warc" => Some(InputFormat::Warc),
            "feed" | "rss" | "atom" => Some(InputFormat::Feed),
            _ => None,
        }
    }
}

/// Options for reading inputs.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// How to read each input.
    pub format: InputFormat,
    /// Publication date for plain-text inputs that carry none.
    pub published: Option<String>,
    /// Identifier for a single plain-text input.
    pub id: Option<String>,
    /// Largest article, in bytes, that is read; a larger one is an error record.
    pub max_bytes: usize,
    /// The reader for HTML, WARC and feeds, which live in another crate (`kestrel-web`);
    /// without one those inputs are error records.
    pub web: Option<WebReader>,
    /// Only this share of the stream: `(k, n)` keeps the items whose place in the stream
    /// (counting from 0, error records included) is `k` modulo `n`. Runs with `k` from 0 to
    /// `n - 1` over the same inputs together read every item once.
    pub shard: Option<(usize, usize)>,
}

/// Reads an HTML page, a WARC archive or a feed into documents: the format, the input, its
/// source name, the id stem, and the options.
pub type WebReader =
    fn(InputFormat, Box<dyn BufRead + Send>, &str, &str, &ReadOptions) -> Vec<InputItem>;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: InputFormat::Auto,
            published: None,
            id: None,
            max_bytes: 16 * 1024 * 1024,
            web: None,
            shard: None,
        }
    }
}

/// A document that could not be read. It is reported, and the run goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The document's id, when it is known.
    pub id: Option<String>,
    /// The file (or `-` for standard input).
    pub source: String,
    /// The 1-based line, for JSON Lines input.
    pub line: Option<usize>,
    /// What went wrong, and what to do about it.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Which reader produced a document, for the run summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputKind {
    /// A plain-text file or standard input.
    Text,
    /// A line of a JSON Lines file.
    Jsonl,
    /// A document of a CoNLL-U file.
    Conllu,
    /// An HTML page.
    Html,
    /// A page from a WARC archive.
    Warc,
    /// An item of an RSS or Atom feed.
    Feed,
}

impl InputKind {
    /// The kind's name in summaries.
    pub fn name(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Jsonl => "jsonl",
            InputKind::Conllu => "conllu",
            InputKind::Html => "html",
            InputKind::Warc => "warc",
            InputKind::Feed => "feed",
        }
    }
}

/// One item of the input stream.
pub type InputItem = (InputKind, Result<Document, InputError>);

/// A lazy stream of documents over paths (files, directories, `-` for standard input).
pub struct Inputs {
    options: ReadOptions,
    /// Paths still to open, with the root they were found under (for ids).
    pending: VecDeque<(PathBuf, Option<PathBuf>)>,
    current: Option<JsonLines>,
    /// The CoNLL-U file being read, one document at a time.
    conllu: Option<ConlluDocuments>,
    /// Documents already read from a file that yields several at once (web archives, feeds).
    queued: VecDeque<InputItem>,
    /// The tar or zip archive being read, one file at a time.
    archive: Option<ArchiveFiles>,
    /// Items produced so far, for sharding.
    seen: usize,
}

struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    source: String,
    stem: String,
    line: usize,
}

impl Inputs {
    /// A stream over `paths`. Directories are walked recursively in sorted order.
    pub fn new(paths: &[PathBuf], options: ReadOptions) -> Inputs {
        Inputs {
            options,
            pending: paths.iter().map(|p| (p.clone(), None)).collect(),
            current: None,
            conllu: None,
            queued: VecDeque::new(),
            archive: None,
            seen: 0,
        }
    }

    fn next_from_path(&mut self, path: PathBuf, root: Option<PathBuf>) -> Option<InputItem> {
        let source = path.display().to_string();
        if source == "-" {
            let stdin: Box<dyn BufRead + Send> = Box::new(BufReader::new(io::stdin()));
            return self.open_stream(stdin, source, "stdin".to_string(), None);
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(file_error(&source, &e, "check the path")),
        };
        if meta.is_dir() {
            match sorted_children(&path) {
                Ok(children) => {
                    let root = root.unwrap_or_else(|| path.clone());
                    for child in children.into_iter().rev() {
                        self.pending.push_front((child, Some(root.clone())));
                    }
                }
                Err(e) => return Some(file_error(&source, &e, "check its permissions")),
            }
            return None;
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(file_error(&source, &e, "check its permissions")),
        };
        let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, file));
        match is_zip(&mut reader) {
            Ok(true) => {
                // Zip's directory is at the end of the file: it is read from the file itself.
                drop(reader);
                let stem = document_id(&path, root.as_deref());
                return match File::open(&path) {
                    Ok(file) => self.open_archive(ArchiveFiles::zip(file, source, stem)),
                    Err(e) => Some(file_error(&source, &e, "check its permissions")),
                };
            }
            Ok(false) => {}
            Err(e) => return Some(file_error(&source, &e, "check the input")),
        }
        let stem_of = |path: &Path| document_id(path, root.as_deref());
        self.open_named(reader, &path, source, stem_of)
    }

    /// Opens a file's contents as its name says (under `.gz`, its decompression), with
    /// `stem_of` giving the document id from the name without `.gz`.
    fn open_named(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        path: &Path,
        source: String,
        stem_of: impl Fn(&Path) -> String,
    ) -> Option<InputItem> {
        // A gzipped file of another format (`.jsonl.gz`, `.txt.gz`, `.html.gz`, ...) is read
        // through its decompression and named by the extension under `.gz`. WARC archives
        // keep theirs: their reader steps over damaged members (see `kestrel-web`).
        let gzipped = path.extension().is_some_and(|e| e == "gz")
            && !path.to_string_lossy().ends_with(".warc.gz");
        let path = if gzipped {
            reader = Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::MultiGzDecoder::new(reader),
            ));
            path.with_extension("")
        } else if path.extension().is_some_and(|e| e == "tgz") {
            reader = Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::MultiGzDecoder::new(reader),
            ));
            path.with_extension("tar")
        } else {
            path.to_path_buf()
        };
        let stem = stem_of(&path);
        let by_extension = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => Some(InputFormat::Jsonl),
            Some("txt" | "text") => Some(InputFormat::Text),
            Some("conllu" | "conll") => Some(InputFormat::Conllu),
            Some("html" | "htm" | "xhtml") => Some(InputFormat::Html),
            Some("warc") => Some(InputFormat::Warc),
            Some("rss" | "atom") => Some(InputFormat::Feed),
            Some("gz") if path.to_string_lossy().ends_with(".warc.gz") => Some(InputFormat::Warc),
            _ => None,
        };
        self.open_stream(reader, source, stem, by_extension)
    }

    fn open_stream(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        source: String,
        stem: String,
        by_extension: Option<InputFormat>,
    ) -> Option<InputItem> {
        // A tar archive (gzipped or not) is read as the files it holds: as one text document
        // its files would run together with their headers, megabytes long.
        match is_tar(&mut reader) {
            Ok(true) => return self.open_archive(ArchiveFiles::tar(reader, source, stem)),
            Ok(false) => {}
            Err(e) => return Some(file_error(&source, &e, "check the input")),
        }
        // A zip archive read from a stream (standard input, a file in an archive) is read
        // into memory: its directory is at its end.
        match is_zip(&mut reader) {
            Ok(true) => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return Some(file_error(&source, &e, "check the input"));
                }
                return self.open_archive(ArchiveFiles::zip(io::Cursor::new(bytes), source, stem));
            }
            Ok(false) => {}
            Err(e) => return Some(file_error(&source, &e, "check the input")),
        }
        let format = match (self.options.format, by_extension) {
            (InputFormat::Auto, Some(f)) => f,
            (InputFormat::Auto, None) => match sniff(&mut reader) {
                Ok(f) => f,
                Err(e) => return Some(file_error(&source, &e, "check the input")),
            },
            (forced, _) => forced,
        };
        match format {
            InputFormat::Jsonl | InputFormat::Auto => {
                self.current = Some(JsonLines {
                    reader,
                    source,
                    stem,
                    line: 0,
                });
                None
            }
            InputFormat::Text => Some((
                InputKind::Text,
                read_text(reader, &source, &stem, &self.options),
            )),
            InputFormat::Conllu => {
                self.conllu = Some(ConlluDocuments {
                    reader,
                    source,
                    stem,
                    line: 0,
                    carried: None,
                    documents: 0,
                    done: false,
                });
                None
            }
            InputFormat::Html | InputFormat::Warc | InputFormat::Feed => {
                let Some(web) = self.options.web else {
                    return Some(file_error(
                        &source,
                        &io::Error::other("this build has no HTML, WARC or feed reader"),
                        "use the kestrel command, which has them",
                    ));
                };
                self.queued
                    .extend(web(format, reader, &source, &stem, &self.options));
                self.queued.pop_front()
            }
        }
    }
}

impl Inputs {
    /// Starts reading an archive's files; an archive inside the one being read is not opened.
    fn open_archive(&mut self, archive: ArchiveFiles) -> Option<InputItem> {
        if let Some(outer) = &self.archive {
            let message = format!("it is an archive inside the archive {}", outer.source);
            return Some(file_error(
                &archive.source,
                &io::Error::other(message),
                "unpack the outer archive and give the folder",
            ));
        }
        self.archive = Some(archive);
        None
    }
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            let item = self.next_item()?;
            let place = self.seen;
            self.seen += 1;
            match self.options.shard {
                Some((k, n)) if place % n.max(1) != k => continue,
                _ => return Some(item),
            }
        }
    }
}

impl Inputs {
    fn next_item(&mut self) -> Option<InputItem> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Some(item);
            }
            if let Some(lines) = &mut self.current {
                match lines.next_document(&self.options) {
                    Some(item) => return Some((InputKind::Jsonl, item)),
                    None => self.current = None,
                }
            }
            if let Some(file) = &mut self.conllu {
                match file.next_document(&self.options) {
                    Some(item) => return Some((InputKind::Conllu, item)),
                    None => self.conllu = None,
                }
            }
            if let Some(archive) = &self.archive {
                match archive.files.recv() {
                    Ok(ArchiveItem::File(name, bytes)) => {
                        let source = format!("{}:{name}", archive.source);
                        let stem = archive.stem.clone();
                        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(bytes));
                        let inner = Path::new(name.trim_start_matches("./")).to_path_buf();
                        let stem_of = |path: &Path| {
                            format!("{stem}/{}", document_id(path, Some(Path::new(""))))
                        };
                        if let Some(item) = self.open_named(reader, &inner, source, stem_of) {
                            return Some(item);
                        }
                    }
                    Ok(ArchiveItem::Broken(name, e)) => {
                        let source = format!("{}:{name}", archive.source);
                        return Some(file_error(&source, &e, "the archive may be damaged"));
                    }
                    Ok(ArchiveItem::Failed(e, advice)) => {
                        let source = archive.source.clone();
                        self.archive = None;
                        return Some(file_error(&source, &e, advice));
                    }
                    Err(_) => self.archive = None,
                }
                continue;
            }
            let (path, root) = self.pending.pop_front()?;
            if let Some(item) = self.next_from_path(path, root) {
                return Some(item);
            }
        }
    }
}

/// Room to make for a file the archive says is `size` bytes long: its size, up to 64 MiB (a
/// damaged header may claim anything; a file truly larger grows its buffer as it is read).
fn capacity_for(size: u64) -> usize {
    size.min(1 << 26) as usize
}

/// What to do about an archive whose reading stopped.
const CUT_SHORT: &str = "the archive may be cut short or damaged";

/// What an archive's reader hands over.
enum ArchiveItem {
    /// A file: its name inside the archive and its contents.
    File(String, Vec<u8>),
    /// A file that could not be read; reading goes on with the next.
    Broken(String, io::Error),
    /// Reading stopped here (a cut or damaged archive), with what to do about it.
    Failed(io::Error, &'static str),
}

/// The files of a tar or zip archive, read on a thread of their own and handed over one at a
/// time, in the archive's order. Hidden files and folders are skipped, as in a folder.
struct ArchiveFiles {
    files: std::sync::mpsc::Receiver<ArchiveItem>,
    source: String,
    stem: String,
}

/// Whether a file of the archive is left out: a folder, or hidden (`.name`, and the `._name`
/// files macOS adds).
fn hidden_in_archive(name: &str) -> bool {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'))
}

impl ArchiveFiles {
    /// Starts `read` on a thread, handing its items over a few at a time: enough to keep the
    /// reader busy, little enough to bound memory.
    fn start(
        source: String,
        stem: String,
        read: impl FnOnce(&dyn Fn(ArchiveItem) -> bool) + Send + 'static,
    ) -> ArchiveFiles {
        let (send, files) = std::sync::mpsc::sync_channel(4);
        // `send` fails once the stream is dropped (the run was stopped): the reader stops.
        std::thread::spawn(move || read(&|item| send.send(item).is_ok()));
        ArchiveFiles {
            files,
            source,
            stem,
        }
    }

    fn tar(reader: Box<dyn BufRead + Send>, source: String, stem: String) -> ArchiveFiles {
        ArchiveFiles::start(source, stem, move |send| {
            let mut archive = tar::Archive::new(reader);
            let entries = match archive.entries() {
                Ok(entries) => entries,
                Err(e) => {
                    send(ArchiveItem::Failed(e, CUT_SHORT));
                    return;
                }
            };
            for entry in entries {
                let file = entry.and_then(|mut entry| {
                    if !entry.header().entry_type().is_file() {
                        return Ok(None);
                    }
                    let name = entry.path()?.to_string_lossy().into_owned();
                    if hidden_in_archive(&name) {
                        return Ok(None);
                    }
                    let mut bytes = Vec::with_capacity(capacity_for(entry.size()));
                    entry.read_to_end(&mut bytes)?;
                    // A cut archive reads as a short last file, not as an error.
                    if (bytes.len() as u64) < entry.size() {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            format!("the archive ends inside {name}"),
                        ));
                    }
                    Ok(Some((name, bytes)))
                });
                let go_on = match file {
                    Ok(None) => true,
                    Ok(Some((name, bytes))) => send(ArchiveItem::File(name, bytes)),
                    Err(e) => {
                        send(ArchiveItem::Failed(e, CUT_SHORT));
                        false
                    }
                };
                if !go_on {
                    return;
                }
            }
        })
    }

    fn zip(
        input: impl Read + io::Seek + Send + 'static,
        source: String,
        stem: String,
    ) -> ArchiveFiles {
        ArchiveFiles::start(source, stem, move |send| {
            let mut archive = match zip::ZipArchive::new(input) {
                Ok(archive) => archive,
                Err(e) => {
                    send(ArchiveItem::Failed(io::Error::other(e), CUT_SHORT));
                    return;
                }
            };
            // Word, Excel and OpenDocument files and e-books are zips of XML parts: one
            // document each, not a folder of articles.
            let names: Vec<&str> = archive.file_names().collect();
            if names.contains(&"[Content_Types].xml") || names.contains(&"mimetype") {
                send(ArchiveItem::Failed(
                    io::Error::other(
                        "it is an Office or OpenDocument file or an e-book (a zip of XML parts)",
                    ),
                    "save it as text or HTML and give that",
                ));
                return;
            }
            for i in 0..archive.len() {
                let item = match archive.by_index(i) {
                    Ok(mut file) => {
                        let name = file.name().to_string();
                        if file.is_dir() || hidden_in_archive(&name) {
                            continue;
                        }
                        let mut bytes = Vec::with_capacity(capacity_for(file.size()));
                        // A damaged file fails its checksum at its end: it alone is lost.
                        match file.read_to_end(&mut bytes) {
                            Ok(_) => ArchiveItem::File(name, bytes),
                            Err(e) => ArchiveItem::Broken(name, e),
                        }
                    }
                    Err(e) => ArchiveItem::Broken(format!("file {}", i + 1), io::Error::other(e)),
                };
                if !send(item) {
                    return;
                }
            }
        })
    }
}

fn file_error(source: &str, e: &io::Error, advice: &str) -> InputItem {
    (
        InputKind::Text,
        Err(InputError {
            id: None,
            source: source.to_string(),
            line: None,
            message: format!("cannot read: {e}; {advice}"),
        }),
    )
}

fn sorted_children(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            children.push(path);
        }
    }
    children.sort();
    Ok(children)
}

/// The id of a file: its path under the directory it was found in, without extension, or
/// its stem when it was named directly.
fn document_id(path: &Path, root: Option<&Path>) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    let rel = rel.with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether the input starts with a tar header: "ustar" at byte 257 of the first block.
fn is_tar(reader: &mut Box<dyn BufRead + Send>) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.len() >= 262 && &buf[257..262] == b"ustar")
}

/// Whether the input starts as a zip archive does (a local file header, or the end of an
/// empty archive's directory).
fn is_zip(reader: &mut Box<dyn BufRead + Send>) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.starts_with(b"PK\x03\x04") || buf.starts_with(b"PK\x05\x06"))
}

/// Guesses the format from the first bytes: gzip or `WARC/` is a WARC archive, an HTML
/// doctype or tag is a page, an XML document with `<rss`, `<feed` or `<rdf` is a feed, a
/// first non-blank `{` is JSON Lines, anything else plain text.
fn sniff(reader: &mut Box<dyn BufRead + Send>) -> io::Result<InputFormat> {
    let buf = reader.fill_buf()?;
    if buf.starts_with(&[0x1f, 0x8b]) || buf.starts_with(b"WARC/") {
        return Ok(InputFormat::Warc);
    }
    let buf = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(buf);
    let start = buf
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(buf.len());
    let head: Vec<u8> = buf[start..buf.len().min(start + 1024)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || has(b"<html") {
        return Ok(InputFormat::Html);
    }
    if head.starts_with(b"<") && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) {
        return Ok(InputFormat::Feed);
    }
    Ok(match head.first() {
        Some(b'{') => InputFormat::Jsonl,
        _ => InputFormat::Text,
    })
}

/// Whether text starts with a UTF-16 byte order mark: the one way UTF-16 is told, and the
/// one text that holds NUL bytes.
fn starts_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff")
}

/// Decodes bytes to text. Valid UTF-8 passes through; anything else is decoded by the
/// encoding chardetng guesses, and the guess is reported as a warning.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    // encoding_rs reads the byte order mark, little- or big-endian, and drops it.
    if starts_utf16(bytes) {
        let (text, encoding, had_errors) = encoding_rs::UTF_16LE.decode(bytes);
        let mut warning = format!(
            "input is not UTF-8; decoded as {} (byte order mark)",
            encoding.name()
        );
        if had_errors {
            warning.push_str(", with some bytes replaced");
        }
        return (text.into_owned(), Some(warning));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let encoding = guess_encoding(bytes);
            let (text, _, had_errors) = encoding.decode(bytes);
            let mut warning = format!(
                "input is not valid UTF-8; decoded as {} (detected)",
                encoding.name()
            );
            if had_errors {
                warning.push_str(", with some bytes replaced");
            }
            (text.into_owned(), Some(warning))
        }
    }
}

/// How many bytes of lines that can tell encodings apart chardetng is given: plenty for a
/// confident guess, and a cap on its cost on a large page.
const DETECTION_SAMPLE: usize = 64 * 1024;

/// The encoding chardetng guesses from the lines that can tell encodings apart: those with
/// bytes outside ASCII, or the escape byte that ISO-2022-JP shifts with. Pure ASCII lines
/// (most of a web page's markup and scripts) read the same in every candidate, and feeding
/// them cost a tenth of web extraction's time.
fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    let mut fed = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if line.iter().any(|&b| b >= 0x80 || b == 0x1b) {
            detector.feed(line, false);
            fed += line.len();
            if fed >= DETECTION_SAMPLE {
                break;
            }
        }
    }
    detector.feed(b"", true);
    detector.guess(None, true)
}

/// A CoNLL-U file read one document (`# newdoc`) at a time, so that a whole treebank never
/// sits in memory at once. Tokens are its words; columns it fills (tags, lemmas, features,
/// heads) are kept, and their layers marked present so that the pipeline does not redo them.
/// The size limit, a bad line and an encoding other than UTF-8 are each one document's.
struct ConlluDocuments {
    reader: Box<dyn BufRead + Send>,
    source: String,
    stem: String,
    /// Lines read so far.
    line: usize,
    /// The `# newdoc` line that ended the document before and opens the next, with the comment
    /// lines before it, and how many lines they are.
    carried: Option<(Vec<u8>, usize)>,
    /// Documents read so far, for the ids of documents without one.
    documents: usize,
    done: bool,
}

impl ConlluDocuments {
    fn next_document(&mut self, options: &ReadOptions) -> Option<Result<Document, InputError>> {
        if self.done && self.carried.is_none() {
            return None;
        }
        let (mut chunk, carried_lines) = self.carried.take().unwrap_or_default();
        let first_line = self.line + 1 - carried_lines;
        // Whether the chunk holds a word line, and whether a sentence's words have begun since
        // the last blank line: a `# newdoc` line opens the next document only between
        // sentences, taking with it the comments before it that belong to its first sentence.
        let (mut words, mut open) = (false, false);
        let (mut comments, mut comment_lines) = (0usize, 0usize);
        let mut over = false;
        let mut line = Vec::new();
        loop {
            line.clear();
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(None, None, format!("cannot read: {e}"))));
                }
            }
            let text = line.trim_ascii();
            if text.starts_with(b"# newdoc") && words && !open {
                let mut next = chunk.split_off(chunk.len() - comments);
                next.extend_from_slice(&line);
                self.carried = Some((next, comment_lines + 1));
                break;
            }
            // Past the size limit the lines are counted but no longer kept.
            over |= chunk.len() + line.len() > options.max_bytes;
            if !over {
                chunk.extend_from_slice(&line);
            }
            if text.is_empty() {
                (open, comments, comment_lines) = (false, 0, 0);
            } else if text.starts_with(b"#") {
                if !open && !over {
                    comments += line.len();
                    comment_lines += 1;
                }
            } else {
                (open, words) = (true, true);
            }
        }
        let (text, warning) = decode(&chunk);
        let id = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("# newdoc id ="))
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty());
        if over {
            self.documents += 1;
            let limit = options.max_bytes;
            return Some(Err(self.error(
                id,
                Some(first_line),
                format!("document is over the size limit of {limit} bytes; raise --max-bytes to read it"),
            )));
        }
        if !words {
            return (self.documents == 0).then(|| {
                Err(self.error(
                    None,
                    None,
                    "empty document: no sentences in the CoNLL-U file".to_string(),
                ))
            });
        }
        self.documents += 1;
        let sentences = match crate::conllu::parse(&text) {
            Ok(s) => s,
            Err(e) => {
                return Some(Err(self.error(
                    id,
                    Some(first_line + e.line - 1),
                    format!("not valid CoNLL-U: {}", e.message),
                )))
            }
        };
        let id = sentences
            .first()
            .and_then(|s| s.document_id.clone())
            .or(id)
            .unwrap_or_else(|| format!("{}:{}", self.stem, self.documents));
        let mut doc = conllu_document(id, &self.source, &sentences);
        doc.warnings.extend(warning);
        Some(Ok(doc))
    }

    fn error(&self, id: Option<String>, line: Option<usize>, message: String) -> InputError {
        InputError {
            id,
            source: self.source.clone(),
            line,
            message,
        }
    }
}

fn conllu_document(id: String, source: &str, group: &[crate::conllu::ConlluSentence]) -> Document {
    use crate::document::{Layer, Sentence, Token};
    let gold = crate::eval::gold_text(group);
    let mut doc = Document::new(id, gold.text.clone());
    doc.source = Some(source.to_string());
    let filled =
        |f: &dyn Fn(&crate::conllu::Word) -> bool| group.iter().all(|s| s.words.iter().all(f));
    let tagged = filled(&|w| w.upos != "_");
    // Heads that do not form a tree (a cycle, a head past the sentence's end) would send the
    // stages that climb from a word to the root round for ever; the document is parsed again.
    let broken_tree = group.iter().position(|s| {
        let heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
        !crate::conllu::heads_form_a_tree(&heads)
    });
    let parsed = filled(&|w| w.deprel != "_") && broken_tree.is_none();
    for (s, (spans, span)) in group.iter().zip(gold.words.iter().zip(&gold.sentences)) {
        let first = doc.tokens.len();
        for (k, w) in s.words.iter().enumerate() {
            let word_span = spans[k].unwrap_or(*span);
            let joined = s
                .tokens
                .iter()
                .any(|t| t.words.start < k && k < t.words.end);
            let col = |v: &str| (v != "_").then(|| v.to_string());
            doc.tokens.push(Token {
                span: word_span,
                joined_to_previous: joined,
                upos: tagged.then(|| w.upos.clone()),
                xpos: if tagged { col(&w.xpos) } else { None },
                lemma: if tagged { col(&w.lemma) } else { None },
                feats: if tagged { Some(w.feats.clone()) } else { None },
                head: if parsed { w.head.checked_sub(1) } else { None },
                deprel: parsed.then(|| w.deprel.clone()),
            });
        }
        doc.sentences.push(Sentence {
            span: *span,
            tokens: first..doc.tokens.len(),
        });
    }
    doc.paragraphs = vec![crate::document::Span::new(0, doc.text.len())];
    doc.layers = vec![Layer::Clean, Layer::Segment];
    if tagged {
        doc.layers.push(Layer::Tag);
    }
    if parsed {
        doc.layers.push(Layer::Parse);
    }
    if gold.unaligned > 0 {
        doc.warnings.push(format!(
            "{} tokens did not match their sentence's # text line",
            gold.unaligned
        ));
    }
    if let Some(s) = broken_tree.filter(|_| filled(&|w| w.deprel != "_")) {
        doc.warnings.push(format!(
            "sentence {}: its heads do not form a tree (a cycle, or a head past the last word); the given parse was set aside and the document parsed again",
            s + 1
        ));
    }
    doc
}

fn read_text(
    reader: Box<dyn BufRead + Send>,
    source: &str,
    stem: &str,
    options: &ReadOptions,
) -> Result<Document, InputError> {
    let id = options.id.clone().unwrap_or_else(|| stem.to_string());
    let err = |message: String| InputError {
        id: Some(id.clone()),
        source: source.to_string(),
        line: None,
        message,
    };
    let limit = options.max_bytes;
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(format!("cannot read: {e}")))?;
    if bytes.len() > limit {
        return Err(err(format!(
            "article is over the size limit of {limit} bytes; raise --max-bytes to read it"
        )));
    }
    if let Some((what, advice)) = binary_kind(&bytes) {
        return Err(err(format!("cannot read: it is {what}; {advice}")));
    }
    let (text, warning) = decode(&bytes);
    if text.trim().is_empty() {
        return Err(err("empty document: the file has no text".to_string()));
    }
    let mut doc = Document::new(id, text);
    doc.source = Some(source.to_string());
    doc.warnings.extend(warning);
    split_headline(&mut doc);
    set_published(&mut doc, options.published.as_deref());
    if doc.published.is_none() {
        if let Some(date) = date_in_name(stem) {
            doc.warnings.push(format!(
                "publication date {date} taken from the file name; set --published to override"
            ));
            doc.published = Some(date);
        }
    }
    Ok(doc)
}

/// What a file that is not text is, and what to do with it, from its first bytes: a known
/// kind by its signature, else any file with a NUL byte in its first 8 KiB (as ripgrep and
/// git tell binary files; text in UTF-16, which has them, starts with a byte order mark).
/// Decoded as text, such a file would become a document of mojibake and be coded.
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const KINDS: &[(&[u8], &str, &str)] = &[
        (
            b"%PDF-",
            "a PDF file",
            "extract its text first (for example with pdftotext) and give the text file",
        ),
        (
            b"\xd0\xcf\x11\xe0",
            "a Microsoft Office file (.doc, .xls, .ppt)",
            "save it as text or HTML and give that",
        ),
        (b"\x89PNG", "a PNG image", "Kestrel reads text, not images"),
        (
            b"\xff\xd8\xff",
            "a JPEG image",
            "Kestrel reads text, not images",
        ),
        (b"GIF8", "a GIF image", "Kestrel reads text, not images"),
        (b"\x7fELF", "a program (ELF)", "give text files"),
    ];
    for (signature, what, advice) in KINDS {
        if bytes.starts_with(signature) {
            return Some((what, advice));
        }
    }
    if !starts_utf16(bytes) && bytes[..bytes.len().min(8192)].contains(&0) {
        return Some((
            "a binary file (it holds NUL bytes)",
            "Kestrel reads text, HTML, JSON Lines, CoNLL-U, WARC, RSS and Atom, and tar or zip \
             archives of them",
        ));
    }
    None
}

/// Takes a headline off the top of a plain-text article: a short first line without final
/// punctuation, followed by more text.
fn split_headline(doc: &mut Document) {
    let text = &doc.text;
    let lead = text.len() - text.trim_start().len();
    let Some(nl) = text[lead..].find('\n') else {
        return;
    };
    let line = text[lead..lead + nl].trim();
    let rest = &text[lead + nl..];
    let words = line.split_whitespace().count();
    let ends_open = !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}']);
    if words == 0 || words > 20 || !ends_open || rest.trim().is_empty() {
        return;
    }
    doc.title = Some(line.to_string());
    let body_start = text.len() - rest.trim_start().len();
    doc.text = text[body_start..].to_string();
}

fn set_published(doc: &mut Document, value: Option<&str>) {
    let Some(value) = value else { return };
    match normalise_date(value) {
        Some(date) => doc.published = Some(date),
        None => doc.warnings.push(format!(
            "published value {value:?} is not a date (expected YYYY-MM-DD or an RFC 3339 \
             date-time); ignored"
        )),
    }
}

/// Accepts `YYYY-MM-DD`, optionally followed by a time (`T` or space); returns the date
/// alone for a bare date and the whole value for a date-time.
pub fn normalise_date(value: &str) -> Option<String> {
    let v = value.trim();
    let date = v.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let year: u32 = date[..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days {
        return None;
    }
    let rest = &v[10..];
    if rest.is_empty() {
        Some(date.to_string())
    } else if rest.starts_with(['T', ' '])
        && rest[1..]
            .get(..2)
            .is_some_and(|h| h.bytes().all(|c| c.is_ascii_digit()))
    {
        Some(v.to_string())
    } else {
        None
    }
}

fn date_in_name(stem: &str) -> Option<String> {
    let name = stem.rsplit('/').next().unwrap_or(stem);
    (0..name.len().saturating_sub(9))
        .filter(|&i| name.is_char_boundary(i) && name.is_char_boundary(i + 10))
        .filter(|&i| i == 0 || !name.as_bytes()[i - 1].is_ascii_digit())
        .filter(|&i| {
            name.as_bytes()
                .get(i + 10)
                .is_none_or(|b| !b.is_ascii_digit())
        })
        .find_map(|i| normalise_date(&name[i..i + 10]))
}

impl JsonLines {
    fn next_document(&mut self, options: &ReadOptions) -> Option<Result<Document, InputError>> {
        loop {
            let mut bytes = Vec::new();
            self.line += 1;
            let limit = options.max_bytes as u64 + 1;
            let read = (&mut self.reader).take(limit).read_until(b'\n', &mut bytes);
            let err = |id: Option<String>, message: String| InputError {
                id,
                source: self.source.clone(),
                line: Some(self.line),
                message,
            };
            match read {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let error = err(
                        None,
                        format!("cannot read: {e}; the rest of the file is not read"),
                    );
                    // A reader that failed may fail the same way on every call (a gzip
                    // stream cut short does): the file ends here instead of repeating it.
                    self.reader = Box::new(io::empty());
                    return Some(Err(error));
                }
            }
            if bytes.len() as u64 >= limit && !bytes.ends_with(b"\n") {
                // Skip the rest of the oversized line so the next record starts clean.
                let mut sink = Vec::new();
                let _ = self.reader.read_until(b'\n', &mut sink);
                return Some(Err(err(
                    None,
                    format!(
                        "line is over the size limit of {} bytes; raise --max-bytes to read it",
                        options.max_bytes
                    ),
                )));
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (line, warning) = decode(&bytes);
            let fallback_id = format!("{}:{}", self.stem, self.line);
            let value: serde_json::Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(err(
                        None,
                        format!("malformed JSON: {e}; each line must be one JSON object"),
                    )))
                }
            };
            let source = format!("{}:{}", self.source, self.line);
            let mut doc = match document_from_json(&value, fallback_id, source, options) {
                Ok(doc) => doc,
                Err((id, message)) => return Some(Err(err(id, message))),
            };
            doc.warnings.extend(warning);
            return Some(Ok(doc));
        }
    }
}

/// Reads one document from a JSON object, as a line of JSON Lines input is read (`id`,
/// `text` or `html`, `published`, `url`, `title`, ...): for inputs that arrive one at a time,
/// such as an HTTP request. `fallback_id` is its id when the object has none.
pub fn document_from_json_value(
    value: &serde_json::Value,
    fallback_id: &str,
    source: &str,
    options: &ReadOptions,
) -> Result<Document, InputError> {
    document_from_json(value, fallback_id.to_string(), source.to_string(), options).map_err(
        |(id, message)| InputError {
            id,
            source: source.to_string(),
            line: None,
            message,
        },
    )
}

/// Field names accepted for each document field, first match wins.
const TEXT_FIELDS: &[&str] = &["text", "body", "content"];
const DATE_FIELDS: &[&str] = &["published", "date", "publish_date", "published_at"];

fn document_from_json(
    value: &serde_json::Value,
    fallback_id: String,
    source: String,
    options: &ReadOptions,
) -> Result<Document, (Option<String>, String)> {
    let obj = value
        .as_object()
        .ok_or((None, "a line must be a JSON object".to_string()))?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => fallback_id,
        Some(other) => {
            return Err((
                None,
                format!(
                    "id must be a string or a number, found {}",
                    json_type(other)
                ),
            ))
        }
    };
    let field = |names: &[&str]| names.iter().find_map(|n| obj.get(*n));
    // A page given as HTML: the article is extracted from it, its metadata filling in what
    // the line does not give.
    let mut from_html: Option<Document> = None;
    if field(TEXT_FIELDS).is_none() {
        if let Some(html) = obj.get("html").and_then(|h| h.as_str()) {
            let Some(web) = options.web else {
                return Err((
                    Some(id),
                    "this build cannot read the html field".to_string(),
                ));
            };
            let reader: Box<dyn BufRead + Send> =
                Box::new(io::Cursor::new(html.as_bytes().to_vec()));
            match web(InputFormat::Html, reader, &source, &id, options)
                .into_iter()
                .next()
            {
                Some((_, Ok(page))) => from_html = Some(page),
                Some((_, Err(e))) => return Err((Some(id), e.message)),
                None => return Err((Some(id), "the html field has no article".to_string())),
            }
        }
    }
    let text = match field(TEXT_FIELDS) {
        None if from_html.is_some() => from_html
            .as_ref()
            .map(|d| d.text.clone())
            .unwrap_or_default(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => {
            return Err((
                Some(id),
                format!("text must be a string, found {}", json_type(other)),
            ))
        }
        None => {
            return Err((
                Some(id),
                "no text field (expected one of: text, body, content, html)".to_string(),
            ))
        }
    };
    if text.trim().is_empty() {
        return Err((
            Some(id),
            "empty document: the text field is blank".to_string(),
        ));
    }
    let string = |names: &[&str]| field(names).and_then(|v| v.as_str()).map(str::to_string);
    let mut doc = Document::new(id, text);
    doc.source = Some(source);
    doc.title = string(&["title", "headline"]);
    doc.url = string(&["url", "link"]);
    doc.language = string(&["language", "lang"]);
    doc.author = string(&["author", "byline"]);
    doc.site_name = string(&["site_name", "site"]);
    if let Some(page) = from_html {
        doc.title = doc.title.or(page.title);
        doc.url = doc.url.or(page.url);
        doc.language = doc.language.or(page.language);
        doc.author = doc.author.or(page.author);
        doc.site_name = doc.site_name.or(page.site_name);
        doc.published = page.published;
        doc.warnings.extend(page.warnings);
    }
    if let Some(published) = field(DATE_FIELDS) {
        match published.as_str() {
            Some(p) => set_published(&mut doc, Some(p)),
            None if published.is_null() => {}
            None => doc.warnings.push(format!(
                "published must be a string, found {}; ignored",
                json_type(published)
            )),
        }
    }
    Ok(doc)
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A scratch directory, removed with everything in it when the guard is dropped.
    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("kestrel-ingest-{name}-"))
            .tempdir()
            .unwrap()
    }

    /// A tar archive of three article files, a hidden file and a folder entry.
    fn tar_of_articles() -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        let mut add = |name: &str, body: &[u8]| {
            let mut header = tar::Header::new_gnu();
            header.set_size(body.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, name, body).unwrap();
        };
        add("desk/b-second.txt", b"The harbour board met on Monday.");
        add("./desk/a-first.txt", b"Ferry crews walked out at dawn.");
        add("desk/._a-first.txt", b"\0\0resource fork");
        add(
            "wire/batch.jsonl",
            b"{\"id\": \"w1\", \"text\": \"The mayor resigned.\"}\n{\"text\": \"Talks resumed.\"}\n",
        );
        let mut folder = tar::Header::new_gnu();
        folder.set_entry_type(tar::EntryType::Directory);
        folder.set_size(0);
        folder.set_cksum();
        builder.append_data(&mut folder, "empty/", &[][..]).unwrap();
        builder.into_inner().unwrap()
    }

    fn ids_and_texts(items: &[InputItem]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(_, r)| match r {
                Ok(d) => (d.id.clone(), d.text.clone()),
                Err(e) => ("error".to_string(), e.message.clone()),
            })
            .collect()
    }

    #[test]
    fn a_tar_archive_is_read_as_the_files_it_holds_in_its_order() {
        let scratch = temp_dir("tar");
        let dir = scratch.path();
        let tar = tar_of_articles();
        std::fs::write(dir.join("desk.tar"), &tar).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&tar).unwrap();
        let gz = gz.finish().unwrap();
        std::fs::write(dir.join("news.tar.gz"), &gz).unwrap();
        std::fs::write(dir.join("wire.tgz"), &gz).unwrap();
        let expected = |stem: &str| {
            vec![
                (
                    format!("{stem}/desk/b-second"),
                    "The harbour board met on Monday.".to_string(),
                ),
                (
                    format!("{stem}/desk/a-first"),
                    "Ferry crews walked out at dawn.".to_string(),
                ),
                ("w1".to_string(), "The mayor resigned.".to_string()),
                (format!("{stem}/wire/batch:2"), "Talks resumed.".to_string()),
            ]
        };
        for (name, stem) in [
            ("desk.tar", "desk"),
            ("news.tar.gz", "news"),
            ("wire.tgz", "wire"),
        ] {
            let items: Vec<_> = Inputs::new(&[dir.join(name)], ReadOptions::default()).collect();
            assert_eq!(ids_and_texts(&items), expected(stem), "{name}");
        }
        // Found in a folder, an archive's files come in its place among the folder's.
        std::fs::write(dir.join("a-note.txt"), "A note before the archives.").unwrap();
        let items: Vec<_> = Inputs::new(&[dir.to_path_buf()], ReadOptions::default()).collect();
        assert_eq!(items.len(), 13);
        assert_eq!(items[0].1.as_ref().unwrap().id, "a-note");
        assert_eq!(items[1].1.as_ref().unwrap().id, "desk/desk/b-second");
    }

    #[test]
    fn a_cut_tar_archive_keeps_the_files_before_the_cut_and_ends_with_an_error() {
        let scratch = temp_dir("tar-cut");
        let dir = scratch.path();
        let tar = tar_of_articles();
        // Cut inside the third file's contents, after two whole files and a hidden one.
        let path = dir.join("cut.tar");
        std::fs::write(&path, &tar[..512 * 7 + 20]).unwrap();
        let items: Vec<_> = Inputs::new(&[path], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "cut/desk/b-second");
        assert_eq!(got[1].0, "cut/desk/a-first");
        assert_eq!(got[2].0, "error");
        assert!(got[2].1.contains("cut short"), "{}", got[2].1);
        // An archive inside another is not opened: one error for it, and reading goes on.
        let mut outer = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_gnu();
        header.set_size(tar.len() as u64);
        header.set_cksum();
        outer
            .append_data(&mut header, "inner.tar", &tar[..])
            .unwrap();
        let mut header = tar::Header::new_gnu();
        header.set_size(5);
        header.set_cksum();
        outer
            .append_data(&mut header, "last.txt", &b"Done."[..])
            .unwrap();
        let path = dir.join("outer.tar");
        std::fs::write(&path, outer.into_inner().unwrap()).unwrap();
        let items: Vec<_> = Inputs::new(&[path], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].1.contains("an archive inside the archive"),
            "{}",
            got[0].1
        );
        assert_eq!(got[1], ("outer/last".to_string(), "Done.".to_string()));
    }

    #[test]
    fn a_zip_archive_is_read_as_the_files_it_holds_and_a_damaged_file_is_one_error() {
        let scratch = temp_dir("zip");
        let dir = scratch.path();
        let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
        zip.add_directory("desk/", stored).unwrap();
        zip.start_file("desk/one.txt", deflated).unwrap();
        zip.write_all(b"The customs agency seized a cargo of rifles.")
            .unwrap();
        zip.start_file("desk/.DS_Store", stored).unwrap();
        zip.write_all(b"\0\0\0").unwrap();
        zip.start_file("desk/two.txt", stored).unwrap();
        zip.write_all(b"Dock workers ended their strike.").unwrap();
        zip.start_file("three.txt", stored).unwrap();
        zip.write_all(b"The senate passed the budget.").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        std::fs::write(dir.join("desk.zip"), &bytes).unwrap();
        let items: Vec<_> = Inputs::new(&[dir.join("desk.zip")], ReadOptions::default()).collect();
        let expected = |stem: &str| {
            [
                ("desk/one", "The customs agency seized a cargo of rifles."),
                ("desk/two", "Dock workers ended their strike."),
                ("three", "The senate passed the budget."),
            ]
            .map(|(id, text)| (format!("{stem}/{id}"), text.to_string()))
            .to_vec()
        };
        assert_eq!(ids_and_texts(&items), expected("desk"));
        // One stored file's contents changed: its checksum fails, the others are read.
        let mut damaged = bytes.clone();
        let at = damaged.windows(7).position(|w| w == b"workers").unwrap();
        damaged[at] = b'W';
        std::fs::write(dir.join("damaged.zip"), &damaged).unwrap();
        let items: Vec<_> =
            Inputs::new(&[dir.join("damaged.zip")], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], expected("damaged")[0]);
        assert_eq!(got[1].0, "error");
        assert!(got[1].1.contains("damaged"), "{}", got[1].1);
        assert_eq!(got[2], expected("damaged")[2]);
        // A Word file is a zip of XML parts: one error for it, not its parts as articles.
        let mut docx = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
        docx.start_file("[Content_Types].xml", deflated).unwrap();
        docx.write_all(b"<Types/>").unwrap();
        docx.start_file("word/document.xml", deflated).unwrap();
        docx.write_all(b"<w:document>The board met.</w:document>")
            .unwrap();
        std::fs::write(dir.join("memo.docx"), docx.finish().unwrap().into_inner()).unwrap();
        let items: Vec<_> = Inputs::new(&[dir.join("memo.docx")], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains("Office") && got[0].1.contains("save it as text"));
        // A zip archive inside a tar archive is not opened.
        let mut tar = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_cksum();
        tar.append_data(&mut header, "inner.zip", &bytes[..])
            .unwrap();
        std::fs::write(dir.join("outer.tar"), tar.into_inner().unwrap()).unwrap();
        let items: Vec<_> = Inputs::new(&[dir.join("outer.tar")], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].1.contains("an archive inside the archive"),
            "{}",
            got[0].1
        );
    }

    #[test]
    fn gzipped_files_are_read_by_the_extension_under_gz_and_a_cut_one_ends_with_an_error() {
        let scratch = temp_dir("gz");
        let dir = scratch.path();
        let gzip = |text: &str| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(text.as_bytes()).unwrap();
            gz.finish().unwrap()
        };
        let lines: String = (1..=300)
            .map(|n| {
                format!("{{\"id\": \"m{n}\", \"text\": \"The port council met on day {n}.\"}}\n")
            })
            .collect();
        let whole = gzip(&lines);
        std::fs::write(dir.join("wire.jsonl.gz"), &whole).unwrap();
        std::fs::write(dir.join("note.txt.gz"), gzip("The port council met again.")).unwrap();
        let items: Vec<_> = Inputs::new(&[dir.to_path_buf()], ReadOptions::default()).collect();
        assert_eq!(items.len(), 301);
        assert_eq!(items[0].1.as_ref().unwrap().id, "note");
        assert_eq!(items[0].0, InputKind::Text);
        assert_eq!(items[1].1.as_ref().unwrap().id, "m1");
        assert_eq!(items[1].0, InputKind::Jsonl);
        // Cut short: the whole lines before the cut, then one error, and the reading ends.
        let cut = dir.join("cut.jsonl.gz");
        std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
        let items: Vec<_> = Inputs::new(&[cut], ReadOptions::default()).collect();
        let errors = items.iter().filter(|i| i.1.is_err()).count();
        assert_eq!(errors, 1, "{:?}", items.last());
        assert!(items.len() > 1 && items.len() < 300, "{}", items.len());
        let last = items.last().unwrap().1.as_ref().unwrap_err();
        assert!(last.message.contains("cannot read"), "{last:?}");
    }

    #[test]
    fn ingest_jsonl_aliases_and_errors() {
        let scratch = temp_dir("jsonl");
        let dir = scratch.path();
        let path = dir.join("batch.jsonl");
        let mut f = File::create(&path).unwrap();
        writeln!(
            f,
            r#"{{"id": "a1", "body": "The envoy arrived.", "date": "2024-03-05"}}"#
        )
        .unwrap();
        writeln!(f, "{{not json").unwrap();
        writeln!(f).unwrap();
        writeln!(f, r#"{{"content": "   "}}"#).unwrap();
        writeln!(
            f,
            r#"{{"id": 7, "text": "Second one.", "published": "May 5"}}"#
        )
        .unwrap();
        drop(f);
        let items: Vec<_> = Inputs::new(&[path], ReadOptions::default()).collect();
        assert_eq!(items.len(), 4);
        let a = items[0].1.as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.published.as_deref()),
            ("a1", Some("2024-03-05"))
        );
        let bad = items[1].1.as_ref().unwrap_err();
        assert_eq!(bad.line, Some(2));
        assert!(bad.message.contains("malformed JSON"));
        let empty = items[2].1.as_ref().unwrap_err();
        assert_eq!(empty.id.as_deref(), Some("batch:4"));
        let seven = items[3].1.as_ref().unwrap();
        assert_eq!(seven.id, "7");
        assert!(seven.published.is_none());
        assert!(seven.warnings[0].contains("not a date"));
    }

    #[test]
    fn conllu_heads_that_do_not_form_a_tree_are_set_aside_with_a_warning() {
        use crate::document::Layer;
        let scratch = temp_dir("conllu-tree");
        let path = scratch.path().join("parsed.conllu");
        let sentence = |doc: &str, heads: [usize; 4]| {
            let words = ["Talks", "resumed", "on", "Monday"];
            let rels = ["nsubj", "root", "case", "obl"];
            let mut out = format!("# newdoc id = {doc}\n# text = Talks resumed on Monday\n");
            for (i, w) in words.iter().enumerate() {
                let rel = if heads[i] == 0 { "root" } else { rels[i] };
                out.push_str(&format!(
                    "{}\t{w}\t_\tX\tX\t_\t{}\t{rel}\t_\t_\n",
                    i + 1,
                    heads[i]
                ));
            }
            out + "\n"
        };
        let text = [
            sentence("tree", [2, 0, 4, 2]),
            // "resumed" and "Monday" each other's heads, and no root.
            sentence("cycle", [2, 4, 4, 2]),
            sentence("past-the-end", [2, 0, 9, 2]),
        ]
        .concat();
        std::fs::write(&path, text).unwrap();
        let docs: Vec<Document> = Inputs::new(&[path], ReadOptions::default())
            .map(|(_, d)| d.unwrap())
            .collect();
        assert_eq!(docs.len(), 3);
        assert!(docs[0].layers.contains(&Layer::Parse));
        assert_eq!(docs[0].tokens[0].head, Some(1));
        assert!(docs[0].warnings.is_empty(), "{:?}", docs[0].warnings);
        for doc in &docs[1..] {
            assert!(!doc.layers.contains(&Layer::Parse), "{}", doc.id);
            assert!(doc.layers.contains(&Layer::Tag), "{}", doc.id);
            assert!(doc.tokens.iter().all(|t| t.head.is_none()), "{}", doc.id);
            assert!(
                doc.warnings
                    .iter()
                    .any(|w| w.contains("sentence 1: its heads do not form a tree")),
                "{}: {:?}",
                doc.id,
                doc.warnings
            );
        }
    }

    #[test]
    fn conllu_documents_are_read_one_at_a_time_each_with_its_own_errors() {
        let scratch = temp_dir("conllu-stream");
        let path = scratch.path().join("three.conllu");
        let word = |i: usize, w: &str, head: usize| {
            let rel = if head == 0 { "root" } else { "dep" };
            format!("{i}\t{w}\t_\t_\t_\t_\t{head}\t{rel}\t_\t_\n")
        };
        let long: String = (1..=40)
            .map(|i| word(i, "word", if i == 1 { 0 } else { 1 }))
            .collect();
        let text = [
            "# sent_id = s1\n# newdoc id = first\n# text = Talks resumed\n".to_string(),
            word(1, "Talks", 2),
            word(2, "resumed", 0),
            "\n# text = Bad row\n# newdoc id = broken\n1\tBad\n\n".to_string(),
            "# newdoc id = long\n".to_string(),
            long,
            "\n# text = Envoys met\n".to_string(),
            word(1, "Envoys", 2),
            word(2, "met", 0),
            "\n".to_string(),
        ]
        .concat();
        std::fs::write(&path, &text).unwrap();
        let options = ReadOptions {
            max_bytes: 400,
            ..ReadOptions::default()
        };
        assert!(text.len() > options.max_bytes, "the limit is a document's");
        let items: Vec<_> = Inputs::new(&[path], options).collect();
        assert_eq!(items.len(), 3);
        let first = items[0].1.as_ref().unwrap();
        assert_eq!(first.id, "first");
        assert_eq!(first.tokens.len(), 2);
        assert_eq!(first.text, "Talks resumed");
        let broken = items[1].1.as_ref().unwrap_err();
        assert_eq!(broken.id.as_deref(), Some("broken"));
        assert_eq!(broken.line, Some(9), "{broken:?}");
        assert!(broken.message.contains("not valid CoNLL-U"), "{broken:?}");
        // The third document, 40 words and a second sentence, is over the limit of 400 bytes.
        let long = items[2].1.as_ref().unwrap_err();
        assert_eq!(long.id.as_deref(), Some("long"));
        assert!(long.message.contains("size limit"), "{long:?}");
    }

    #[test]
    fn ingest_directory_sorted_with_relative_ids() {
        let scratch = temp_dir("dir");
        let dir = scratch.path();
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::write(dir.join("b/2.txt"), "Second article body.").unwrap();
        std::fs::write(dir.join("a.txt"), "Short headline\n\nFirst article body.").unwrap();
        std::fs::write(dir.join("empty.txt"), " \n").unwrap();
        let items: Vec<_> = Inputs::new(&[dir.to_path_buf()], ReadOptions::default()).collect();
        let ids: Vec<String> = items
            .iter()
            .map(|(_, r)| match r {
                Ok(d) => d.id.clone(),
                Err(e) => format!("error:{}", e.id.clone().unwrap()),
            })
            .collect();
        assert_eq!(ids, ["a", "b/2", "error:empty"]);
        let a = items[0].1.as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Short headline"));
        assert_eq!(a.text, "First article body.");
    }

    #[test]
    fn ingest_missing_file_is_an_error_record() {
        let items: Vec<_> =
            Inputs::new(&[PathBuf::from("no/such/file.txt")], ReadOptions::default()).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0]
            .1
            .as_ref()
            .unwrap_err()
            .message
            .contains("cannot read"));
    }

    #[test]
    fn ingest_decodes_legacy_encodings() {
        let bytes =
            b"Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9union \xe9tait termin\xe9e.";
        let (text, warning) = decode(bytes);
        assert!(text.contains("fran\u{e7}ais"));
        assert!(warning.unwrap().contains("windows-1252"));
    }

    #[test]
    fn binary_files_get_an_error_record_that_names_them_and_utf16_is_read() {
        let scratch = temp_dir("binary");
        let dir = scratch.path();
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend((0..=255u8).cycle().take(2000));
        std::fs::write(dir.join("a-report.pdf"), &pdf).unwrap();
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend((0..=255u8).cycle().take(2000));
        std::fs::write(dir.join("b-photo.png"), &png).unwrap();
        // No known signature, but NUL bytes: binary all the same.
        let blob: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        std::fs::write(dir.join("c-blob.dat"), &blob).unwrap();
        let text = "The coalition agreed on a budget for the coming year.";
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(dir.join("d-utf16.txt"), &utf16).unwrap();
        let items: Vec<_> = Inputs::new(&[dir.to_path_buf()], ReadOptions::default()).collect();
        let got = ids_and_texts(&items);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].1.contains("a PDF file") && got[0].1.contains("pdftotext"));
        assert!(got[1].1.contains("a PNG image"), "{}", got[1].1);
        assert!(got[2].1.contains("a binary file"), "{}", got[2].1);
        assert!(items[..3].iter().all(|(_, r)| r.is_err()));
        let doc = items[3].1.as_ref().unwrap();
        assert_eq!(doc.text, text);
        assert!(doc.warnings[0].contains("UTF-16LE"), "{:?}", doc.warnings);
    }

    #[test]
    fn detection_reads_the_lines_that_tell_encodings_apart() {
        // A page of ASCII markup with Cyrillic in windows-1251, longer than the detection
        // sample: its last line, past the sample, is decoded too.
        let mut bytes = b"<html><head><title>x</title></head><body>\n".to_vec();
        bytes.extend(b"<div class=\"nav\">menu</div>\n".repeat(200));
        bytes.extend(b"<p>\xcc\xe8\xed\xe8\xf1\xf2\xf0 \xe8\xed\xee\xf1\xf2\xf0\xe0\xed\xed\xfb\xf5 \xe4\xe5\xeb</p>\n");
        bytes.extend(b"<p>\xe7\xe0\xff\xe2\xe8\xeb \xf1\xe5\xe3\xee\xe4\xed\xff \xe2 \xcc\xee\xf1\xea\xe2\xe5</p>\n");
        bytes.extend(
            b"<p>\xe7\xe0\xff\xe2\xe8\xeb \xf1\xe5\xe3\xee\xe4\xed\xff</p>\n".repeat(5_000),
        );
        bytes.extend(b"<p>\xcc\xee\xf1\xea\xe2\xe0</p>\n");
        let (text, warning) = decode(&bytes);
        assert!(warning.unwrap().contains("windows-1251"));
        assert!(text.contains("\u{41c}\u{438}\u{43d}\u{438}\u{441}\u{442}\u{440}"));
        assert!(text.ends_with("<p>\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}</p>\n"));
    }

    #[test]
    fn ingest_dates() {
        assert_eq!(normalise_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(normalise_date("2023-02-29"), None);
        assert_eq!(
            normalise_date("2024-03-05T10:00:00Z").as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(normalise_date("05/03/2024"), None);
        assert_eq!(
            date_in_name("sahel-talks-2021-11-30").as_deref(),
            Some("2021-11-30")
        );
        assert_eq!(date_in_name("report-12021-11-30"), None);
    }
}
