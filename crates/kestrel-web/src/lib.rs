//! Reading the web as it comes: HTML pages, WARC archives and RSS/Atom feeds.
//!
//! - **HTML**: the article is extracted with `dom_smoothie` (a port of Mozilla's Readability),
//!   its text kept paragraph by paragraph (the standfirst under the headline, which Readability
//!   leaves out, opens it; lines that are only links, credits and labels go); the title,
//!   publication date (meta tags, JSON-LD, `<time datetime>`, a date in the URL), author (the
//!   byline, else meta tags and JSON-LD), site name, canonical URL and language
//!   (declared, else detected with `whatlang`) become the document's metadata. Bytes that are
//!   not valid UTF-8 are decoded in the charset the page declares when they decode in it
//!   without error, else by detection (chardetng and encoding_rs). Scripts and style sheets
//!   are emptied before the HTML parser runs (see `without_code`).
//! - **WARC** (plain or gzipped): every `response` record with an HTML payload is a page, its
//!   target URI and date its URL and fallback date; other records are skipped and counted in
//!   a warning; a truncated archive ends with an error record.
//! - **Feeds** (RSS, Atom, JSON Feed, through `feed-rs`): each item is an article, its content
//!   (or summary) the text, stripped of markup.
//!
//! [`read`] is the hook [`kestrel_core::ReadOptions::web`] takes.
#![deny(missing_docs)]

use std::io::{BufRead, BufReader, Read};

mod gzip_members;

use kestrel_core::ingest::{decode, normalise_date, InputError, InputFormat, InputItem, InputKind};
use kestrel_core::{Document, ReadOptions};

/// Reads one input of a web format into documents (the [`kestrel_core::ReadOptions::web`]
/// hook).
pub fn read(
    format: InputFormat,
    reader: Box<dyn BufRead + Send>,
    source: &str,
    stem: &str,
    options: &ReadOptions,
) -> Vec<InputItem> {
    match format {
        InputFormat::Warc => read_warc(reader, source, stem, options)
            .into_iter()
            .map(|r| (InputKind::Warc, r))
            .collect(),
        InputFormat::Feed => read_feed(reader, source, stem, options)
            .into_iter()
            .map(|r| (InputKind::Feed, r))
            .collect(),
        _ => {
            let id = options.id.clone().unwrap_or_else(|| stem.to_string());
            let result = read_limited(reader, options.max_bytes)
                .map_err(|m| error(Some(&id), source, m))
                .and_then(|bytes| {
                    page_document(&bytes, None, &id, source)
                        .map_err(|m| error(Some(&id), source, m))
                });
            vec![(InputKind::Html, result)]
        }
    }
}

fn error(id: Option<&str>, source: &str, message: String) -> InputError {
    InputError {
        id: id.map(String::from),
        source: source.to_string(),
        line: None,
        message,
    }
}

fn read_limited(reader: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > limit {
        return Err(format!(
            "input is over the size limit of {limit} bytes; raise --max-bytes to read it"
        ));
    }
    Ok(bytes)
}

/// What an HTML page gives: the article and its metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's text, one paragraph per line, blank lines between paragraphs.
    pub text: String,
    /// Its title.
    pub title: Option<String>,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Its author or byline.
    pub author: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// The canonical URL, when the page gives one.
    pub url: Option<String>,
    /// The language: ISO 639-1 where it has one, else 639-3.
    pub language: Option<String>,
    /// What the reader could not do as usual with the page.
    pub warnings: Vec<String>,
}

/// Extracts the article and metadata from an HTML page. `url` is where the page came from,
/// when known (a WARC record's target): it resolves relative links and is a last source of a
/// date.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, String> {
    // A URL that does not parse (a WARC record's odd target, a file name) must not cost the
    // article: Readability then reads the page without a base URL.
    let base = url.filter(|u| dom_smoothie::Readability::new("", Some(u), None).is_ok());
    // Scripts and style sheets out once, for the depth count and for each parse of the tree.
    let code_free = without_code(html);
    let parsed_tree = || dom_query::Document::from(lean_attributes(&code_free).as_str());
    let page_tree = || {
        let dom = parsed_tree();
        drop_page_furniture(&dom);
        dom
    };
    let readability = |dom| {
        let cfg = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        dom_smoothie::Readability::with_document(dom, base, Some(cfg))
            .map_err(|e| format!("cannot parse the HTML: {e}"))
    };
    // The HTML parser itself slows with depth (elements nested 100,000 deep took 45 s to
    // parse), and Readability's and the furniture rules' searches cost the depth times the
    // page's size (5,000 deep 7 s, 20,000 deep 110 s): too deep a page is read by its
    // paragraphs instead, and past the first limit not parsed at all.
    let open = open_tag_depth(&code_free);
    if open > MAX_UNPARSED_NESTING {
        return too_deep_page(html, url, open);
    }
    let first_tree = parsed_tree();
    let depth = nesting_depth(&first_tree);
    if depth > MAX_NESTING {
        return too_deep_page(html, url, depth);
    }
    drop_page_furniture(&first_tree);
    let prose = prose_block(&first_tree);
    let lead = lead_paragraph(&first_tree);
    let link_lines = link_lines(&first_tree);
    // One strict attempt first: `parse` copies the whole tree before each of its attempts,
    // and the strict one is enough for most pages. Only when it finds too little text does
    // `parse` run its relaxed attempts on a fresh tree, with the same result as running it
    // at once.
    let strict = readability(first_tree)?
        .parse_with_policy(dom_smoothie::ParsePolicy::Strict)
        .ok()
        .filter(|a| a.length >= STRICT_ENOUGH);
    let parsed = match strict {
        Some(article) => Ok(article),
        None => readability(page_tree())?.parse(),
    };
    let article = match parsed {
        Ok(a) => a,
        Err(e) => {
            // Readability found no article: the page's paragraphs, when it has some.
            let text = paragraph_elements(html);
            if text.len() < MIN_ARTICLE {
                return Err(format!("no article found in the page: {e}"));
            }
            return Ok(Page {
                title: None,
                published: meta_date(html).or_else(|| url.and_then(url_date)),
                language: detect_language(&text),
                url: url.map(String::from),
                text,
                ..Page::default()
            });
        }
    };
    let mut text = paragraphs(&article.text_content);
    if let Some(block) = prose {
        if block.outweighs(&text) {
            // Readability's own running text first (a lead the block lacks), then the block;
            // what Readability kept that is not running text (its list, its form) goes.
            let mut joined: Vec<&str> = text
                .split("\n\n")
                .filter(|p| is_prose(p) && !block.text.contains(*p))
                .collect();
            joined.push(&block.text);
            text = joined.join("\n\n");
        }
    }
    if text.len() < MIN_ARTICLE {
        let fallback = paragraph_elements(html);
        if fallback.len() > text.len() {
            text = fallback;
        }
    }
    // Before the lead joins: a standfirst that a teaser elsewhere on the page also links to
    // is still the story's.
    let mut text = if link_lines.is_empty() {
        text
    } else {
        text.split("\n\n")
            .filter(|p| !link_lines.contains(*p))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    if let Some(lead) = lead {
        // Compared on letters and digits alone: Readability's text may space a link or a
        // quotation mark differently, and a lead it kept must not be written twice.
        let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
        if !text.is_empty() && !letters(&text).contains(&letters(&lead)) {
            text = format!("{lead}\n\n{text}");
        }
    }
    let text = without_trailing_labels(&without_label_lines(&text));
    let nonempty = |s: Option<String>| s.map(|v| single_spaced(&v)).filter(|v| !v.is_empty());
    // The page's own tags first: Readability's published time may be moved to UTC, a day
    // off the date the page gives.
    // One lowercase copy of the page for the readers that search it without case.
    let lower = html.to_ascii_lowercase();
    let published = meta_date_in(html, &lower)
        .or_else(|| article.published_time.as_deref().and_then(normalise_date))
        .or_else(|| time_element_date_in(html, &lower))
        .or_else(|| article.url.as_deref().and_then(url_date))
        .or_else(|| url.and_then(url_date))
        .or_else(|| kestrel_time::first_written_date(&visible_text(html)));
    let language = article
        .lang
        .as_deref()
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
        .filter(|l| (2..=3).contains(&l.len()))
        .or_else(|| detect_language(&text));
    let site = article.url.as_deref().or(url);
    let published = published.map(|d| site_local_date(&d, site, language.as_deref()));
    Ok(Page {
        title: nonempty(Some(article.title.clone()))
            .map(|t| headline(&t, html, &lower, article.site_name.as_deref(), site)),
        published,
        author: nonempty(article.byline.clone())
            .and_then(|b| byline_name(&b))
            .or_else(|| meta_author_in(html, &lower)),
        site_name: nonempty(article.site_name.clone()),
        url: article.url.clone().or_else(|| url.map(String::from)),
        language,
        text,
        warnings: Vec::new(),
    })
}

/// A page nested `depth` deep, past [`MAX_NESTING`]: its `<p>` paragraphs, with a warning.
fn too_deep_page(html: &str, url: Option<&str>, depth: usize) -> Result<Page, String> {
    let text = paragraph_elements(html);
    if text.len() < MIN_ARTICLE {
        return Err(format!(
            "the page's elements nest {depth} deep (at most {MAX_NESTING} are read, as \
             browsers do) and it has no paragraphs to read instead"
        ));
    }
    Ok(Page {
        published: meta_date(html).or_else(|| url.and_then(url_date)),
        language: detect_language(&text),
        url: url.map(String::from),
        text,
        warnings: vec![format!(
            "the page's elements nest {depth} deep (at most {MAX_NESTING} are read, as \
             browsers do): its paragraphs were read without Readability"
        )],
        ..Page::default()
    })
}

/// Elements nested deeper than this are not read as a tree. Browsers' parsers stop nesting
/// at 512 (deeper elements become siblings at that depth); pages written by hand or by a
/// template nest a few dozen deep, and deeper ones are broken (thousands of unclosed tags) or
/// built to stall a reader.
const MAX_NESTING: usize = 512;

/// Pages whose tags open deeper than this, by [`open_tag_depth`], are not parsed: past it the
/// parser's time grows as the square of the depth (5,000 deep parse in a tenth of a second).
const MAX_UNPARSED_NESTING: usize = 5_000;

/// How deep the page's tags open, counted over the text before parsing (`html` without its
/// code, see [`without_code`]): opening tags less closing ones, leaving out elements whose end
/// tag may be left out (`p`, `li`, `td`, ...) and void elements (`br`, `img`, ...). Misnested or unclosed
/// tags make it more or less than the parsed tree's depth; it only has to find pages far too
/// deep.
fn open_tag_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead",
        "tbody", "tfoot", "colgroup", "caption", "html", "head", "body", "area", "base", "br",
        "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "keygen", "frame", "basefont", "isindex",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    // The next '>' at or after the current tag's name, found once for all the tags before it.
    let mut next_close = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + found + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + closing as usize;
        // As the HTML tokenizer reads a tag name: up to a space, a slash or the tag's end.
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |e| name_start + e);
        at = name_end.max(start);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        if next_close < name_end {
            next_close = bytes[name_end..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |e| name_end + e);
        }
        let self_closed = next_close < bytes.len() && bytes[next_close - 1] == b'/';
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// How deep the page's elements nest, the root's children at depth 1.
fn nesting_depth(dom: &dom_query::Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(dom.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// Elements that hold page furniture rather than the article on any site: captions and photo
/// credits, related-story boxes, author boxes and lines of post metadata. Readability keeps
/// many of them when they sit inside the article's container. An element is dropped only when
/// it holds under a tenth of the page's text, so a container that merely carries such a class
/// (`<div class="post-meta-wrapper">` around the whole story) stays.
fn drop_page_furniture(dom: &dom_query::Document) {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let marks = MARKS.get_or_init(|| class_word_matcher(&["caption", "related", "author", "meta"]));
    let Some(body) = dom.select("body").nodes().first().cloned() else {
        return;
    };
    // One walk with plain string tests: CSS selectors that match attribute substrings without
    // case cost a sixth of the extraction time.
    let furniture: Vec<_> = body
        .descendants_it()
        .filter(|node| {
            node.is_element() && (node.has_name("figcaption") || class_or_id_matches(node, marks))
        })
        .collect();
    if furniture.is_empty() {
        return;
    }
    let page_chars = body.normalized_char_count();
    for node in furniture {
        if node.normalized_char_count() * 10 < page_chars {
            node.remove_from_parent();
        }
    }
}

/// The element of a page whose paragraphs hold the most running text, as a second opinion on
/// Readability's choice: Readability weighs classes, ids and link density, and now and then
/// picks a list of signatories, a form's messages or a paywall's teaser over the story.
struct ProseBlock {
    /// The block's paragraphs, one blank line apart.
    text: String,
    /// Its paragraphs of running text, whitespace normalised.
    prose: Vec<String>,
}

/// A paragraph of running text: a dozen words or more, with a sentence end.
fn is_prose(paragraph: &str) -> bool {
    paragraph.split_whitespace().nth(11).is_some()
        && paragraph.contains(['.', '!', '?', '。', '؟', '…'])
}

/// The block joins Readability's text when the running text it holds and Readability left out
/// comes to at least this many bytes ...
const PROSE_MISSED_MIN: usize = 300;

impl ProseBlock {
    /// Whether the block holds running text Readability left out (a paragraph counts as left
    /// out when under half of its words are in Readability's text) that outweighs all the
    /// running text Readability kept.
    fn outweighs(&self, readability_text: &str) -> bool {
        let words: std::collections::HashSet<&str> = readability_text.split_whitespace().collect();
        let kept: usize = readability_text
            .split("\n\n")
            .filter(|p| is_prose(p))
            .map(str::len)
            .sum();
        let missed: usize = self
            .prose
            .iter()
            .filter(|p| {
                let (mut all, mut seen) = (0, 0);
                for w in p.split_whitespace() {
                    all += 1;
                    seen += usize::from(words.contains(w));
                }
                seen * 2 < all
            })
            .map(String::len)
            .sum();
        missed >= PROSE_MISSED_MIN && missed > kept
    }
}

/// `text` with each run of whitespace one space, and none at either end.
fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An automaton that finds any of `words` in class and id values, without regard to case.
fn class_word_matcher(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .expect("class words are valid patterns")
}

/// Whether an element's class or id holds one of the words `marks` finds.
fn class_or_id_matches(node: &dom_query::NodeRef, marks: &aho_corasick::AhoCorasick) -> bool {
    ["class", "id"]
        .iter()
        .any(|attr| node.attr(attr).is_some_and(|v| marks.is_match(v.as_ref())))
}

/// Whether an element stands in a part of the page that is not the story: readers' comments,
/// cookie and privacy notices, newsletter and subscription boxes, footers, sidebars, related
/// stories, teasers, pop-ups. Used to choose the [`ProseBlock`], never to cut Readability's
/// text (as a filter on Readability's input, such classes cost whole stories).
fn marks_outside_story(node: &dom_query::NodeRef) -> bool {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        class_word_matcher(&[
            "comment",
            "cookie",
            "consent",
            "privacy",
            "gdpr",
            "newsletter",
            "subscri",
            "footer",
            "sidebar",
            "related",
            "teaser",
            "promo",
            "modal",
            "popup",
            "datenschutz",
        ])
    });
    // Each class word alone, without states ("has-sidebar", "is-modal-open") or BEM
    // modifiers ("node--promoted"), which say how an element looks rather than what it is.
    let marked = |value: &str| {
        value.split_ascii_whitespace().any(|word| {
            let lower = word.get(..4).unwrap_or("").to_ascii_lowercase();
            let state = lower.starts_with("has-") || lower.starts_with("is-");
            let block = word.split("--").next().unwrap_or(word);
            !state && marks.is_match(block)
        })
    };
    node.has_name("footer")
        || node.has_name("aside")
        || node.has_name("nav")
        || ["class", "id"]
            .iter()
            .any(|attr| node.attr(attr).is_some_and(|v| marked(v.as_ref())))
}

/// How many bytes of an element's text are link text.
fn link_text_len(node: &dom_query::NodeRef) -> usize {
    node.descendants_it()
        .filter(|n| n.has_name("a"))
        .map(|a| a.text().len())
        .sum()
}

/// The [`ProseBlock`] of a page: each paragraph of running text that is not mostly link text
/// and stands in no part outside the story scores its length for its parent, half for its
/// grandparent, a third and a quarter for the two above (Readability's own way of finding the
/// container of many paragraphs), and the element with the highest score is the block.
fn prose_block(dom: &dom_query::Document) -> Option<ProseBlock> {
    let body = dom.select("body").nodes().first().cloned()?;
    // One walk down the page, each element knowing whether it stands outside the story or in
    // a link, and the ids of the four elements above it.
    // Each paragraph: whether it stands outside the story, and whether it counted as running
    // text of the story.
    let mut paragraphs = std::collections::HashMap::new();
    let mut scores: std::collections::HashMap<dom_query::NodeId, f32> = Default::default();
    let mut stack = vec![(body, false, false, [None; 4])];
    while let Some((node, outside, in_link, above)) = stack.pop() {
        let outside = outside || marks_outside_story(&node);
        let in_link = in_link || node.has_name("a");
        if node.has_name("p") {
            let text = node.text();
            let counted =
                !outside && !in_link && is_prose(&text) && link_text_len(&node) * 2 <= text.len();
            paragraphs.insert(node.id, (outside, counted));
            if counted {
                let len = text.trim().len() as f32;
                for (level, id) in above.iter().enumerate() {
                    if let Some(id) = id {
                        *scores.entry(*id).or_default() += len / (level + 1) as f32;
                    }
                }
            }
            continue;
        }
        let below = [Some(node.id), above[0], above[1], above[2]];
        for child in node.children_it(true).filter(|c| c.is_element()) {
            stack.push((child, outside, in_link, below));
        }
    }
    let best = scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?
        .0;
    let block = dom_query::NodeRef::new(best, &dom.tree);
    let mut text = String::new();
    let mut prose = Vec::new();
    for p in block.descendants_it().filter(|n| n.has_name("p")) {
        let (outside, counted) = paragraphs.get(&p.id).copied().unwrap_or((true, false));
        let line = single_spaced(&p.text());
        if outside || line.chars().count() < 30 {
            continue;
        }
        if counted {
            prose.push(line.clone());
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&line);
    }
    Some(ProseBlock { text, prose })
}

/// The standfirst of a story: a subheading or paragraph right after the page's headline, or
/// the first element soon after it whose class or id names a lead, an introduction or a
/// summary. Readability often leaves it out, as it stands in the story's header rather than
/// its body.
fn lead_paragraph(dom: &dom_query::Document) -> Option<String> {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        class_word_matcher(&[
            "lead",
            "intro",
            "teaser",
            "subtitle",
            "subheadline",
            "standfirst",
            "excerpt",
            "summary",
            "description",
            "chapo",
            "abstract",
        ])
    });
    let body = dom.select("body").nodes().first().cloned()?;
    let mut after_headline = false;
    let mut seen = 0usize;
    for node in body.descendants_it().filter(|n| n.is_element()) {
        // Pages carry more than one h1 (a logo, a hidden heading): the count starts again at
        // each.
        if node.has_name("h1") {
            after_headline = true;
            seen = 0;
            // A subheading set right under the headline is the standfirst too.
            if let Some(next) = node
                .next_element_sibling()
                .filter(|n| n.has_name("h2") || n.has_name("p"))
            {
                let text = next.text();
                if LEAD_WORDS.contains(&text.split_whitespace().count()) {
                    return Some(single_spaced(&text));
                }
            }
            continue;
        }
        if !after_headline {
            continue;
        }
        seen += 1;
        if seen > LEAD_WITHIN {
            return None;
        }
        if !class_or_id_matches(&node, marks) || node.has_name("a") || node.has_name("img") {
            continue;
        }
        let text = node.text();
        let words = text.split_whitespace().count();
        if LEAD_WORDS.contains(&words) && link_text_len(&node) * 2 <= text.len() {
            return Some(single_spaced(&text));
        }
    }
    None
}

/// The lines of a page that are links and nothing else (a block whose whole text is the text
/// of the links in it): other stories' headlines, menus, "Next article". Readability keeps
/// some of them inside the story's container.
fn link_lines(dom: &dom_query::Document) -> std::collections::HashSet<String> {
    const BLOCKS: [&str; 9] = ["p", "li", "h2", "h3", "h4", "h5", "h6", "dt", "dd"];
    let mut lines = std::collections::HashSet::new();
    let Some(body) = dom.select("body").nodes().first().cloned() else {
        return lines;
    };
    // One walk over the page: each link's text is counted for the block that holds it (a few
    // levels up at most), so that only blocks with links have their text read.
    let mut link_bytes: std::collections::HashMap<dom_query::NodeId, usize> = Default::default();
    let mut blocks = Vec::new();
    let mut headings = Vec::new();
    for node in body.descendants_it().filter(|n| n.is_element()) {
        // Anchors without an address (`<a name=...>` on a heading) are no links.
        if node.has_name("a") && node.has_attr("href") {
            let block = std::iter::successors(node.parent(), |n| n.parent())
                .take(4)
                .find(|n| BLOCKS.iter().any(|t| n.has_name(t)));
            if let Some(block) = block {
                let bytes = link_bytes.entry(block.id).or_insert_with(|| {
                    blocks.push(block);
                    0
                });
                *bytes += node.text().len();
            }
        } else if BLOCKS[2..7].iter().any(|t| node.has_name(t)) {
            headings.push(node);
        }
    }
    let linked = |text: &str, id| {
        link_bytes
            .get(&id)
            .is_some_and(|&bytes| bytes * 10 >= text.trim().len() * 9)
    };
    for block in &blocks {
        let text = block.text();
        if linked(&text, block.id) {
            let line = single_spaced(&text);
            if !line.is_empty() {
                lines.insert(line);
            }
        }
    }
    // A table of contents links to the story's own headings: those stay.
    if !lines.is_empty() {
        for heading in headings {
            let text = heading.text();
            if !linked(&text, heading.id) {
                lines.remove(&single_spaced(&text));
            }
        }
    }
    lines
}

/// How many elements after the headline a lead may stand.
const LEAD_WITHIN: usize = 40;

/// How many words a lead has: a label such as "Photo gallery" is none, nor a whole story.
const LEAD_WORDS: std::ops::RangeInclusive<usize> = 10..=150;

/// The calendar date of a publication time as the site's readers saw it. Pages often give the
/// time in UTC ("2022-11-06T23:00:00Z"), while the date printed on the story is local: a UTC
/// time is moved by the offset of the site's country, known from its country-code domain or,
/// on a generic domain, from the page's language. Other times keep their own date.
fn site_local_date(stamp: &str, site: Option<&str>, language: Option<&str>) -> String {
    let date: String = stamp.chars().take(10).collect();
    let rest = stamp.get(10..).unwrap_or("");
    let utc = rest.ends_with('Z') || rest.ends_with("+00:00") || rest.ends_with("+0000");
    let time = rest
        .get(1..6)
        .filter(|_| rest.starts_with(['T', ' ']))
        .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok());
    let (Some(time), true) = (time, utc) else {
        return date;
    };
    let Ok(day) = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
        return date;
    };
    let Some(offset) = site_utc_offset(site, language, chrono::Datelike::month(&day)) else {
        return date;
    };
    let local = day.and_time(time) + chrono::Duration::hours(offset.into());
    local.date().format("%Y-%m-%d").to_string()
}

/// Standard offsets from UTC (hours) of the countries whose sites we see most, with European
/// and North American summer time taken as April to October.
fn site_utc_offset(site: Option<&str>, language: Option<&str>, month: u32) -> Option<i8> {
    let summer = (4..=10).contains(&month);
    let europe = 1 + i8::from(summer);
    let host = site
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split(['/', ':', '?']).next())
        .unwrap_or("");
    let tld = host.rsplit('.').next().unwrap_or("");
    let by_domain = match tld {
        "de" | "at" | "ch" | "fr" | "it" | "es" | "nl" | "be" | "pl" | "cz" | "dk" | "se"
        | "no" | "hu" | "sk" | "si" | "hr" | "lu" => Some(europe),
        "uk" | "ie" | "pt" => Some(i8::from(summer)),
        "br" | "ar" | "uy" => Some(-3),
        "co" | "pe" | "ec" => Some(-5),
        "mx" => Some(-6),
        "in" => None, // +5:30: whole hours only
        "jp" | "kr" => Some(9),
        "cn" | "sg" | "hk" | "tw" => Some(8),
        "ru" => Some(3),
        "us" => Some(-5 + i8::from(summer)),
        _ => None,
    };
    by_domain.or_else(|| {
        if !matches!(tld, "com" | "org" | "net" | "info" | "news" | "media") {
            return None;
        }
        // English is written from Sydney to Seattle: no guess.
        match language? {
            "de" | "fr" | "it" | "nl" | "pl" | "cs" | "da" | "sv" | "nb" | "hu" => Some(europe),
            _ => None,
        }
    })
}

/// The headline within a page title: the first `<h1>` when the title contains it, else the
/// title without the parts, set off by separators at either end, that name the site (its
/// `og:site_name` or its domain: "Talks resume - The Courier", "Courier | Talks resume").
/// Other parts stay ("Storm closes harbour – ferries diverted"): taking the longest part, as
/// before, cut such titles.
fn headline(
    title: &str,
    html: &str,
    lower: &str,
    site_name: Option<&str>,
    url: Option<&str>,
) -> String {
    if let Some(at) = lower.find("<h1") {
        if let Some(end) = lower[at..].find("</h1>") {
            let h1 = visible_text(&html[at..at + end]);
            let h1 = single_spaced(&h1);
            if h1.chars().count() >= 3 && title.contains(&h1) {
                return h1;
            }
        }
    }
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " › ", " » ", " :: ", " // ", " · ",
    ];
    // Letters and digits only, lowercased: "ZEIT ONLINE" and "zeit.de" meet as "zeitonline"
    // and "zeit".
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let site = site_name.map(squeeze).filter(|s| !s.is_empty());
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split(['/', ':', '?']).next())
        .map(|h| h.trim_start_matches("www."))
        .and_then(|h| h.rsplit_once('.').map(|(name, _)| squeeze(name)))
        .filter(|h| h.len() >= 3);
    // A part of the title that names the site rather than the story.
    let names_site = |part: &str| {
        let part = squeeze(part);
        !part.is_empty()
            && (site
                .as_deref()
                .is_some_and(|s| part.contains(s) || s.contains(&part))
                || host
                    .as_deref()
                    .is_some_and(|h| part.contains(h) || h.contains(&part)))
    };
    let mut rest = title.trim();
    loop {
        let last = SEPARATORS
            .iter()
            .filter_map(|sep| rest.rfind(sep).map(|at| (at, at + sep.len())))
            .max();
        let first = SEPARATORS
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, at + sep.len())))
            .min();
        match (first, last) {
            (_, Some((at, after))) if names_site(&rest[after..]) => rest = rest[..at].trim(),
            (Some((at, after)), _) if names_site(&rest[..at]) => rest = rest[after..].trim(),
            _ => break,
        }
    }
    // A title that only names the site is still the page's title.
    if rest.is_empty() {
        return title.trim().to_string();
    }
    rest.to_string()
}

/// The page without its scripts, style sheets, inline SVG drawings and comments, which
/// Readability drops anyway and which make up much of a modern page's bytes: the HTML parser
/// then reads only the rest. Elements stay, emptied, so that Readability and the date readers
/// see the same structure; comments go. JSON-LD blocks stay whole, as they carry the article's
/// metadata.
fn without_code(html: &str) -> std::borrow::Cow<'_, str> {
    // Opening patterns come first, each closed by the pattern `CLOSES` further on.
    const PATTERNS: [&str; 8] = [
        "<script", "<style", "<svg", "<!--", "</script", "</style", "</svg", "-->",
    ];
    const SVG: usize = 2;
    const COMMENT: usize = 3;
    const CLOSES: usize = 4;
    static TAGS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let tags = TAGS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PATTERNS)
            .expect("the tag patterns are valid")
    });
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    // The element being skipped: its pattern and where what is kept of it ends.
    let mut inside: Option<(usize, usize)> = None;
    for m in tags.find_iter(html) {
        let kind = m.pattern().as_usize();
        match inside {
            None if kind == COMMENT => inside = Some((kind, m.start())),
            None if kind < CLOSES => {
                // `<scripts>` or `<style-guide>` are other elements.
                if !matches!(
                    bytes.get(m.end()),
                    Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
                ) {
                    continue;
                }
                let Some(tag_end) = html[m.end()..].find('>').map(|at| m.end() + at) else {
                    break;
                };
                let opening = &bytes[m.start()..tag_end];
                // A self-closed drawing (`<svg ... />`) has nothing to empty.
                if (kind == SVG && bytes[tag_end - 1] == b'/')
                    || opening
                        .windows(7)
                        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
                {
                    continue;
                }
                inside = Some((kind, tag_end + 1));
            }
            Some((open, kept)) if kind == open + CLOSES => {
                out.push_str(&html[copied..kept]);
                copied = if open == COMMENT { m.end() } else { m.start() };
                inside = None;
            }
            _ => {}
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The page with the attribute values that say nothing about its text left out: image
/// sources and sizes, `data-*` payloads, titles, alternative texts and event handlers go, and
/// link targets shrink to `#` or `x` (Readability weighs links by their text and counts
/// in-page links apart). Attribute values make up half of a page's markup once its scripts
/// are gone, and the HTML parser reads every byte of them. Classes, ids, styles, `hidden`
/// and `aria-*` stay, as Readability scores and hides elements by them; script elements
/// (JSON-LD) are copied whole.
fn lean_attributes(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    // One tag's attributes as they will be written, reused from tag to tag.
    let mut kept = String::new();
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        at = start + 1;
        if !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = bytes[start + 1..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
            .map_or(bytes.len(), |p| start + 1 + p);
        if bytes[start + 1..name_end].eq_ignore_ascii_case(b"script") {
            // JSON-LD and whatever else survives: copied as it is, to its end tag.
            let Some(close) = memchr::memmem::find(&bytes[name_end..], b"</") else {
                break;
            };
            at = name_end + close;
            continue;
        }
        // The attributes: name, optional `=` and a quoted or bare value, until `>`.
        let mut i = name_end;
        kept.clear();
        let mut changed = false;
        let end = loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() {
                break None;
            }
            if bytes[i] == b'>' {
                break Some(i);
            }
            let name_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'>' | b'=' | b'/')
            {
                i += 1;
            }
            let name = &html[name_start..i];
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = None;
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let Some(close) = memchr::memchr(q, &bytes[j + 1..]) else {
                            break None;
                        };
                        value = Some(&html[j + 1..j + 1 + close]);
                        i = j + close + 2;
                    }
                    _ => {
                        let len = bytes[j..]
                            .iter()
                            .position(|b| b.is_ascii_whitespace() || *b == b'>')
                            .unwrap_or(bytes.len() - j);
                        value = Some(&html[j..j + len]);
                        i = j + len;
                    }
                }
            }
            match lean_value(&bytes[start + 1..name_end], name, value) {
                Lean::Keep => {
                    kept.push(' ');
                    kept.push_str(&html[name_start..i]);
                }
                Lean::Drop => changed = true,
                Lean::Short(v) => {
                    changed = true;
                    kept.push(' ');
                    kept.push_str(name);
                    kept.push_str("=\"");
                    kept.push_str(v);
                    kept.push('"');
                }
            }
        };
        let Some(end) = end else {
            break;
        };
        if changed {
            out.push_str(&html[copied..name_end]);
            out.push_str(&kept);
            if bytes[end - 1] == b'/' {
                out.push('/');
            }
            copied = end;
        }
        at = end;
    }
    out.push_str(&html[copied..]);
    out
}

enum Lean {
    Keep,
    Drop,
    Short(&'static str),
}

fn lean_value(tag: &[u8], name: &str, value: Option<&str>) -> Lean {
    let lower = |n: &str| name.eq_ignore_ascii_case(n);
    // `<link rel="canonical">` and `<base>` give the page's own address.
    let addresses = tag.eq_ignore_ascii_case(b"link") || tag.eq_ignore_ascii_case(b"base");
    if lower("href") && !addresses {
        return match value {
            Some(v) if v.starts_with('#') => Lean::Short("#"),
            Some(_) => Lean::Short("x"),
            None => Lean::Keep,
        };
    }
    let bytes = name.as_bytes();
    let prefixed = |p: &[u8]| bytes.len() > p.len() && bytes[..p.len()].eq_ignore_ascii_case(p);
    let dropped = [
        "src", "srcset", "sizes", "alt", "title", "onclick", "onload", "onerror",
    ]
    .iter()
    .any(|n| lower(n))
        || prefixed(b"data-");
    if dropped {
        Lean::Drop
    } else {
        Lean::Keep
    }
}

/// Readability's own threshold (characters) under which it relaxes its rules and tries again.
const STRICT_ENOUGH: usize = 500;

/// Below this many bytes an extracted article is taken to have failed, and the page's
/// paragraphs are used instead.
const MIN_ARTICLE: usize = 250;

/// The text of a page's `<p>` elements of some length, one paragraph each.
fn paragraph_elements(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<p") {
        let start = from + at;
        let after = lower.as_bytes().get(start + 2).copied();
        if !matches!(after, Some(b'>' | b' ' | b'\n' | b'\t')) {
            from = start + 2;
            continue;
        }
        let end = lower[start..]
            .find("</p>")
            .map_or(lower.len(), |e| start + e);
        let text = visible_text(&html[start..end]);
        let text = single_spaced(&text);
        if text.chars().count() >= 30 {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
        from = end.max(start + 2);
    }
    out
}

/// Credit and source lines start with one of these, in the languages of the pages we read.
const CREDIT_OPENERS: &[&str] = &[
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "bilder:",
    "titelbild:",
    "quelle:",
    "quellen:",
    "source:",
    "sources:",
    "źródło:",
    "fuente:",
    "credit:",
    "credits:",
    "©",
    "crédits",
    "crédit photo",
    "copyright",
    "image:",
    "images:",
    "fotografía:",
    "foto di",
];

/// How lines that date the page or time its reading open ("Published: 4 May 2021", "Lesezeit:
/// 3 Minuten"): the page's metadata, not its story.
const DATELINE_OPENERS: &[&str] = &[
    "published:",
    "published on",
    "updated:",
    "updated on",
    "last updated",
    "reading time",
    "veröffentlicht:",
    "veröffentlicht am",
    "veröffentlichung:",
    "aktualisiert:",
    "aktualisiert am",
    "zuletzt aktualisiert",
    "lesezeit:",
    "lesedauer:",
    "publié le",
    "mis à jour",
    "publicado:",
    "publicado el",
    "actualizado:",
    "actualizado el",
    "pubblicato il",
    "aggiornato il",
    "publikacja:",
    "aktualizacja:",
    "ten tekst przeczytasz",
];

/// Labels of links to other stories inside an article ("Read also: ..."), in the languages of
/// the pages we read, lowercased.
const READ_ALSO: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related",
    "lea también",
    "lea más",
    "lea",
    "lee también",
    "lee más",
    "mire",
    "mira",
    "vea también",
    "vea",
    "ver también",
    "le puede interesar",
    "te puede interesar",
    "puede interesarle",
    "leia também",
    "leia mais",
    "veja também",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lesen sie auch",
    "auch interessant",
    "mehr zum thema",
    "zum weiterlesen",
    "weiterlesen",
    "leggi anche",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "you may also like",
    "you might also like",
    "more on this story",
    "more on this topic",
    "further reading",
    "recommended",
    "das könnte sie auch interessieren",
    "das könnte sie interessieren",
    "das könnte dich auch interessieren",
    "weitere artikel",
    "weitere artikel zum thema",
    "weitere beiträge",
    "weitere beiträge zum thema",
    "weiterführende links",
    "weiterführende artikel",
    "empfohlene beiträge",
    "empfohlene artikel",
    "ähnliche artikel",
    "ähnliche beiträge",
    "schon gelesen",
    "auch lesen",
    "lesen sie hier",
    "lesen sie mehr",
    "mehr dazu",
    "artikel und videos zum thema",
    "sur le même sujet",
    "à lire également",
    "a lire également",
    "articles liés",
    "audios et vidéos sur le sujet",
    "noticias relacionadas",
    "te recomendamos",
    "potrebbe interessarti",
    "articoli correlati",
    "przeczytaj też",
    "przeczytaj także",
    "dowiedz się więcej",
    "polecamy",
    "puedes ver",
    "weitere informationen",
    "weitere infos",
];

/// Drops paragraphs that credit rather than tell the story: photo credits and source lines
/// ("Foto: dpa", "Źródło: PAP", "© Reuters"). Short lines that only carry a date were tried
/// too: they cost as much recall as they gave precision.
fn without_label_lines(text: &str) -> String {
    let keep = |p: &str| {
        let lower = p.to_lowercase();
        let words = p.split_whitespace().count();
        let credit = words <= 12
            && CREDIT_OPENERS
                .iter()
                .chain(DATELINE_OPENERS)
                .any(|o| lower.starts_with(o));
        // A link to another story set in the text: a label, a colon, that story's headline.
        let is_label = |l: &str| {
            READ_ALSO.contains(&l.trim_start_matches(['¿', '¡', '»', '>', '-', ' ']).trim())
        };
        // ... or the label alone, over a list of links the extraction left out.
        let link = words <= 30
            && (lower
                .split_once([':', '»'])
                .is_some_and(|(label, _)| is_label(label))
                || is_label(lower.trim_end_matches([':', ' ', '.', '…'])));
        !(credit || link)
    };
    text.split("\n\n")
        .filter(|p| keep(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Drops the one or two short lines that end a page's text when they carry no sentence: labels,
/// buttons and credits the extraction kept after the story ("Contact:", "Share this story",
/// "Example Wire / A. Photographer"). Three or more such lines are left alone, as they are
/// more often a list that belongs to the article (a recipe's last items, a ranking).
fn without_trailing_labels(text: &str) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let is_label = |p: &str| {
        let p = p.trim();
        p.split_whitespace().nth(TRAILING_LABEL_WORDS).is_none()
            && p.chars().count() <= TRAILING_LABEL_CHARS
            && !p.ends_with(['.', '!', '?', '…', '"', '”', '»', ')', '。'])
    };
    let run = paragraphs
        .iter()
        .rev()
        .take(paragraphs.len().saturating_sub(1))
        .take_while(|p| is_label(p))
        .count();
    if run == 0 || run > 2 {
        return text.to_string();
    }
    paragraphs[..paragraphs.len() - run].join("\n\n")
}

/// A trailing label has at most this many words ...
const TRAILING_LABEL_WORDS: usize = 6;
/// ... and characters.
const TRAILING_LABEL_CHARS: usize = 60;

/// Normalises extracted text: paragraphs separated by one blank line, lines trimmed, runs of
/// spaces collapsed.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for block in text.split('\n') {
        let line = single_spaced(block);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// Names of meta tags and microdata properties that carry the publication date.
const DATE_PROPERTIES: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "article.published",
    "og:published_time",
    "created",
    "date.created",
    "originalpublicationdate",
    "datecreated",
];

/// Markers of a publication date outside `<meta>` tags, in order of preference (lowercase).
const DATE_MARKERS: &[&str] = &[
    "itemprop=\"datepublished\"",
    "itemprop='datepublished'",
    "\"datepublished\"",
    "schema:datepublished",
    "\"publisheddate\"",
    "\"published_at\"",
    "\"publishedat\"",
    "\"publish_date\"",
    "schema:datecreated",
    "\"datecreated\"",
    "\"created_at\"",
    "\"createdat\"",
];

/// The value of attribute `name` in one tag's text (lowercase names).
fn attribute<'a>(tag: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = &lower[start + name.len()..];
        let trimmed = rest.trim_start();
        if before_ok && trimmed.starts_with('=') {
            let value_start = start + name.len() + (rest.len() - trimmed.len()) + 1;
            let value = tag[value_start..].trim_start();
            let (quote, body) = match value.chars().next() {
                Some(q @ ('"' | '\'')) => (q, &value[1..]),
                _ => (' ', value),
            };
            let end = body.find([quote, '>']).unwrap_or(body.len());
            return Some(&body[..end]);
        }
        from = start + name.len();
    }
    None
}

/// A publication date from `<meta>` tags, microdata and JSON-LD `datePublished`.
fn meta_date(html: &str) -> Option<String> {
    meta_date_in(html, &html.to_ascii_lowercase())
}

/// [`meta_date`] given the page in lowercase.
fn meta_date_in(html: &str, lower: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = start + lower[start..].find('>').unwrap_or(lower.len() - start);
        let (tag, tag_lower) = (&html[start..end], &lower[start..end]);
        let key = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .find_map(|k| attribute(tag, tag_lower, k))
            .map(str::to_ascii_lowercase);
        if key.as_deref().is_some_and(|k| DATE_PROPERTIES.contains(&k)) {
            if let Some(date) = attribute(tag, tag_lower, "content").and_then(normalise_date) {
                return Some(date);
            }
        }
        from = end.max(start + 5);
    }
    // Microdata, RDFa and the JSON that pages and their frameworks embed, publication before
    // creation: the first occurrence of each marker. Every marker holds "publish" or "create";
    // a vectorised search for those two words and a look around each hit is several times
    // faster than an automaton over the whole page, which no prefilter can skip through.
    let mut first = [None; DATE_MARKERS.len()];
    for word in ["publish", "create"] {
        for hit in memchr::memmem::find_iter(lower.as_bytes(), word) {
            for (k, marker) in DATE_MARKERS.iter().enumerate() {
                let Some(offset) = marker.find(word) else {
                    continue;
                };
                let fits = hit
                    .checked_sub(offset)
                    .and_then(|start| lower.get(start..start + marker.len()))
                    .is_some_and(|found| found == *marker);
                if fits {
                    first[k].get_or_insert(hit - offset);
                }
            }
        }
    }
    for at in first.into_iter().flatten() {
        let mut end = html.len().min(at + 300);
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        let window = &html[at..end];
        let digits = window
            .char_indices()
            .find(|&(i, c)| c.is_ascii_digit() && normalise_date(&window[i..]).is_some())
            .and_then(|(i, _)| {
                let stamp: String = window[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || "-:T.+Z".contains(*c))
                    .collect();
                normalise_date(&stamp)
            });
        if digits.is_some() {
            return digits;
        }
    }
    None
}

/// The author a page names in its metadata: a `<meta>` author (`author`, `article:author`,
/// `dc.creator`, `parsely-author`, `sailthru.author`) that is a name rather than an address,
/// else the first author of its JSON-LD. Readability's byline comes after it: it is read from
/// the page's text and now and then takes a button ("Share") or a date line.
fn meta_author_in(html: &str, lower: &str) -> Option<String> {
    let name = |value: &str| {
        let value = single_spaced(value);
        let address = value.contains("://") || value.starts_with('/') || value.contains('@');
        (!value.is_empty() && !address && value.chars().count() <= 100).then_some(value)
    };
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = start + lower[start..].find('>').unwrap_or(lower.len() - start);
        let (tag, tag_lower) = (&html[start..end], &lower[start..end]);
        let key = ["property", "name"]
            .iter()
            .find_map(|k| attribute(tag, tag_lower, k))
            .map(str::to_ascii_lowercase);
        if key
            .as_deref()
            .is_some_and(|k| AUTHOR_PROPERTIES.contains(&k))
        {
            if let Some(author) = attribute(tag, tag_lower, "content").and_then(name) {
                return Some(decode_entities(&author));
            }
        }
        from = end.max(start + 5);
    }
    let mut from = 0;
    while let Some(at) = lower[from..].find("application/ld+json") {
        let open = from + at + lower[from + at..].find('>')? + 1;
        let close = open + lower[open..].find("</script")?;
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&html[open..close]) {
            if let Some(author) = json_ld_author(&json).as_deref().and_then(name) {
                return Some(author);
            }
        }
        from = close;
    }
    None
}

/// An attribute value with its character references decoded: the named ones attribute values
/// carry most ("&amp;", "&quot;", "&nbsp;", ...) and numeric ones ("&#252;", "&#xFC;").
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => name.strip_prefix('#').and_then(|n| {
                    match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    }
                    .and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The name in a byline Readability read from the page: without a leading "By", "Von", "Par",
/// "Por" and trailing punctuation; none when what is left is a label or a date line ("Share",
/// "Veröffentlicht von", "12. Mai 2023 · von").
fn byline_name(byline: &str) -> Option<String> {
    let mut name = byline
        .trim()
        .trim_end_matches([',', ';', ':', '·', '|', '-'])
        .trim();
    for prefix in ["by ", "von ", "par ", "por ", "di ", "door ", "przez "] {
        if let Some(rest) = name
            .get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .and_then(|_| name.get(prefix.len()..))
        {
            name = rest.trim_start();
        }
    }
    let lower = name.to_lowercase();
    let label = matches!(lower.as_str(), "share" | "weiter" | "more" | "mehr")
        || [" von", " by", " par", " por"]
            .iter()
            .any(|w| lower.ends_with(w))
        || lower.split_whitespace().count() <= 1 && !name.chars().any(char::is_uppercase);
    let dated = name.chars().any(|c| c.is_ascii_digit());
    (!name.is_empty() && !label && !dated).then(|| name.to_string())
}

/// Names of meta tags that carry the author.
const AUTHOR_PROPERTIES: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
];

/// The first author named in a JSON-LD object or graph.
fn json_ld_author(json: &serde_json::Value) -> Option<String> {
    fn name(author: &serde_json::Value) -> Option<String> {
        match author {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(map) => map.get("name").and_then(name),
            serde_json::Value::Array(items) => items.iter().find_map(name),
            _ => None,
        }
    }
    match json {
        serde_json::Value::Object(map) => map
            .get("author")
            .and_then(name)
            .or_else(|| map.values().find_map(json_ld_author)),
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_author),
        _ => None,
    }
}

/// The page's visible text, roughly: tags, scripts and styles removed.
fn visible_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 3);
    let mut i = 0;
    while i < html.len() {
        if lower[i..].starts_with("<script") || lower[i..].starts_with("<style") {
            let close = if lower[i..].starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            i = lower[i..]
                .find(close)
                .map_or(html.len(), |e| i + e + close.len());
            continue;
        }
        if html.as_bytes()[i] == b'<' {
            i = lower[i..].find('>').map_or(html.len(), |e| i + e + 1);
            out.push(' ');
            continue;
        }
        let next = html[i..].find('<').map_or(html.len(), |e| i + e);
        // Non-breaking spaces as entities join a date to its neighbours ("&nbsp;02.02.2022").
        let segment = &html[i..next];
        if segment.contains('&') {
            out.push_str(&segment.replace("&nbsp;", " ").replace("&#160;", " "));
        } else {
            out.push_str(segment);
        }
        i = next;
    }
    out
}

/// The first `<time datetime="YYYY-MM-DD...">` in the page.
#[cfg(test)]
fn time_element_date(html: &str) -> Option<String> {
    time_element_date_in(html, &html.to_ascii_lowercase())
}

/// [`time_element_date`] given the page in lowercase.
fn time_element_date_in(html: &str, lower: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = lower[from..].find("<time") {
        let start = from + at;
        let end = start + lower[start..].find('>')?;
        let tag = &html[start..end];
        if let Some(d) = tag.find("datetime=") {
            let value = tag[d + 9..].trim_start_matches(['"', '\'']);
            if let Some(date) = normalise_date(value.get(..10).unwrap_or(value)) {
                return Some(date);
            }
        }
        from = end;
    }
    None
}

/// A date written in a URL's path: `/2022/07/09/`, `/2022-07-09/`, `/20220709/`.
fn url_date(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split(['/', '?', '#']).collect();
    for w in parts.windows(3) {
        let (y, m, d) = (w[0], w[1], w[2]);
        let d2: String = d.chars().take(2).collect();
        let ok = y.len() == 4
            && m.len() == 2
            && d2.len() == 2
            && [y, m, &d2]
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if ok {
            if let Some(date) = normalise_date(&format!("{y}-{m}-{d2}")) {
                return Some(date);
            }
        }
    }
    // "/meldungen/29-10-2021": day, month and year in one segment.
    for p in &parts {
        let nums: Vec<&str> = p.split('-').collect();
        for w in nums.windows(3) {
            let ok = w[0].len() == 2
                && w[1].len() == 2
                && w[2].len() == 4
                && w.iter().all(|n| n.chars().all(|c| c.is_ascii_digit()));
            if ok {
                if let Some(date) = normalise_date(&format!("{}-{}-{}", w[2], w[1], w[0])) {
                    return Some(date);
                }
            }
        }
    }
    for p in parts {
        let digits: String = p.chars().take(10).collect();
        if let Some(date) = normalise_date(&digits) {
            return Some(date);
        }
    }
    None
}

/// The language of a text by `whatlang`, when it is confident.
/// Bytes of the article's text whatlang reads.
const LANGUAGE_SAMPLE: usize = 4096;

fn detect_language(text: &str) -> Option<String> {
    // The first few thousand bytes say as much as the whole article, at a fraction of the cost.
    let mut end = text.len().min(LANGUAGE_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    const TWO: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("rus", "ru"),
        ("ara", "ar"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("tur", "tr"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("ukr", "uk"),
        ("pes", "fa"),
        ("heb", "he"),
        ("hin", "hi"),
        ("ind", "id"),
        ("vie", "vi"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("ell", "el"),
        ("ces", "cs"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("urd", "ur"),
        ("ben", "bn"),
    ];
    Some(
        TWO.iter()
            .find(|(three, _)| *three == code)
            .map_or(code, |(_, two)| two)
            .to_string(),
    )
}

/// Decodes a page's bytes. Valid UTF-8 passes through; otherwise the charset the page declares
/// in its first 1,024 bytes (`<meta charset>` or a content type), as browsers read it, when the
/// page decodes in it without error; otherwise the charset is detected (chardetng). The
/// warning says which.
pub fn decode_html(bytes: &[u8]) -> (String, Option<String>) {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        return (text.to_string(), None);
    }
    let declared =
        declared_charset(&bytes[..bytes.len().min(1024)]).filter(|&e| e != encoding_rs::UTF_8);
    if let Some(encoding) = declared {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            let warning = format!(
                "input is not valid UTF-8; decoded as {} (declared)",
                encoding.name()
            );
            return (text.into_owned(), Some(warning));
        }
    }
    decode(bytes)
}

/// The encoding named by the first `charset=` of `head`, when encoding_rs knows the label.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let at = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?
        + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// A document from an HTML page's bytes.
fn page_document(
    bytes: &[u8],
    url: Option<&str>,
    id: &str,
    source: &str,
) -> Result<Document, String> {
    let (html, warning) = decode_html(bytes);
    let page = extract(&html, url)?;
    if page.text.trim().is_empty() {
        return Err("empty document: no article text in the page".to_string());
    }
    let mut doc = Document::new(id.to_string(), page.text);
    doc.source = Some(source.to_string());
    doc.title = page.title;
    doc.published = page.published;
    doc.author = page.author;
    doc.site_name = page.site_name;
    doc.url = page.url;
    doc.language = page.language;
    doc.warnings.extend(warning);
    doc.warnings.extend(page.warnings);
    Ok(doc)
}

/// Reads a WARC archive (gzipped or not): one document per HTML response.
pub fn read_warc(
    mut reader: Box<dyn BufRead + Send>,
    source: &str,
    stem: &str,
    options: &ReadOptions,
) -> Vec<Result<Document, InputError>> {
    let gzipped = reader
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let damaged = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let stream: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::new(gzip_members::GzipMembers::new(
            reader,
            b"WARC/1.",
            damaged.clone(),
        )))
    } else {
        reader
    };
    let mut out = Vec::new();
    let report_damage = |out: &mut Vec<Result<Document, InputError>>| {
        let mut damaged = damaged
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        out.extend(
            damaged
                .drain(..)
                .map(|message| Err(error(None, source, message))),
        );
    };
    let mut skipped = 0usize;
    // Raw records: the crate's checked `Record::header` panics on header values that are not
    // UTF-8 (found by fuzzing), so headers are read as bytes here.
    for (n, record) in warc::WarcReader::new(stream).iter_raw_records().enumerate() {
        report_damage(&mut out);
        let (header, body) = match record {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(error(
                    None,
                    source,
                    format!("WARC record {} cannot be read ({e}); the archive may be truncated, reading stops here", n + 1),
                )));
                break;
            }
        };
        let value = |h: warc::WarcHeader| {
            header
                .headers
                .get(&h)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
        };
        if !value(warc::WarcHeader::WarcType).is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            skipped += 1;
            continue;
        }
        let uri = value(warc::WarcHeader::TargetURI);
        let date = value(warc::WarcHeader::Date).and_then(|d| normalise_date(&d));
        let id = format!("{stem}:{}", n + 1);
        let body = &body[..];
        if body.len() > options.max_bytes {
            out.push(Err(error(
                Some(&id),
                source,
                format!(
                    "response is over the size limit of {} bytes; raise --max-bytes to read it",
                    options.max_bytes
                ),
            )));
            continue;
        }
        let Some((headers, payload)) = split_http(body) else {
            skipped += 1;
            continue;
        };
        if !headers.contains("text/html") && !headers.contains("application/xhtml") {
            skipped += 1;
            continue;
        }
        match page_document(payload, uri.as_deref(), &id, source) {
            Ok(mut doc) => {
                doc.published = doc.published.or(date);
                doc.url = doc.url.or(uri);
                out.push(Ok(doc));
            }
            Err(message) => out.push(Err(error(Some(&id), source, message))),
        }
    }
    report_damage(&mut out);
    if skipped > 0 {
        if let Some(Ok(first)) = out.iter_mut().find(|r| r.is_ok()) {
            first.warnings.push(format!(
                "{skipped} WARC records of {source} were not HTML responses and were skipped"
            ));
        }
    }
    out
}

/// Splits an HTTP response into its header block (lowercased) and payload.
fn split_http(body: &[u8]) -> Option<(String, &[u8])> {
    let end = body
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            body.windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let headers = String::from_utf8_lossy(&body[..end.0]).to_lowercase();
    headers
        .starts_with("http/")
        .then_some((headers, &body[end.1..]))
}

/// The longest run of whole items at the start of an XML feed that does not parse (cut short
/// in transfer, or broken further on): the feed up to the end of an item, its open elements
/// closed, read again. The items' ends are tried from the last, then halving the range,
/// as a feed that parses up to one item parses up to every item before it.
fn readable_items(bytes: &[u8]) -> Option<feed_rs::model::Feed> {
    let text = String::from_utf8_lossy(bytes);
    let closing = if text.contains("<rdf:RDF") {
        "</rdf:RDF>"
    } else if text.contains("<rss") {
        "</channel></rss>"
    } else if text.contains("<feed") {
        "</feed>"
    } else {
        return None;
    };
    let ends: Vec<usize> = ["</item>", "</entry>"]
        .iter()
        .flat_map(|tag| text.match_indices(tag).map(|(at, t)| at + t.len()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let parse = |end: usize| {
        let whole = format!("{}{closing}", &text[..end]);
        feed_rs::parser::parse(whole.as_bytes())
            .ok()
            .filter(|f| !f.entries.is_empty())
    };
    let last = *ends.last()?;
    if let Some(feed) = parse(last) {
        return Some(feed);
    }
    // `lo`: the last end known to parse, if any; `hi`: an end known not to.
    let (mut lo, mut hi) = (None::<usize>, ends.len() - 1);
    loop {
        let start = lo.map_or(0, |l| l + 1);
        if start >= hi {
            break;
        }
        let mid = (start + hi) / 2;
        if parse(ends[mid]).is_some() {
            lo = Some(mid);
        } else {
            hi = mid;
        }
    }
    lo.and_then(|l| parse(ends[l]))
}

/// Reads an RSS, Atom or JSON feed: one document per item with text. An XML feed that breaks
/// off or is broken further on gives the items before the break, and an error record.
pub fn read_feed(
    reader: Box<dyn BufRead + Send>,
    source: &str,
    stem: &str,
    options: &ReadOptions,
) -> Vec<Result<Document, InputError>> {
    let bytes = match read_limited(reader, options.max_bytes) {
        Ok(b) => b,
        Err(m) => return vec![Err(error(None, source, m))],
    };
    let mut out = Vec::new();
    let feed = match feed_rs::parser::parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => match readable_items(&bytes) {
            Some(f) => {
                out.push(Err(error(
                    None,
                    source,
                    format!(
                        "the feed breaks off or is broken after its item {} ({e}); the items \
                         before were read",
                        f.entries.len()
                    ),
                )));
                f
            }
            None => {
                return vec![Err(error(
                    None,
                    source,
                    format!("not a readable RSS, Atom or JSON feed: {e}"),
                ))]
            }
        },
    };
    let site = feed.title.as_ref().map(|t| t.content.trim().to_string());
    for (n, entry) in feed.entries.iter().enumerate() {
        let id = if entry.id.is_empty() {
            format!("{stem}:{}", n + 1)
        } else {
            entry.id.clone()
        };
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = if body.contains('<') {
            extract(
                &format!("<html><body><article>{body}</article></body></html>"),
                None,
            )
            .map(|p| p.text)
            .unwrap_or_default()
        } else {
            paragraphs(&body)
        };
        if text.trim().is_empty() {
            out.push(Err(error(
                Some(&id),
                source,
                "feed item has no content or summary to code".to_string(),
            )));
            continue;
        }
        let mut doc = Document::new(id, text);
        doc.source = Some(source.to_string());
        doc.title = entry.title.as_ref().map(|t| t.content.trim().to_string());
        doc.url = entry.links.first().map(|l| l.href.clone());
        doc.published = entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%d").to_string());
        doc.author = entry.authors.first().and_then(|a| a.name.clone());
        doc.site_name = site.clone();
        doc.language = detect_language(&doc.text);
        out.push(Ok(doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_attributes_keeps_what_readability_reads() {
        let page = concat!(
            r#"<link rel="canonical" href="https://example.org/a/1">"#,
            r#"<div class="story" data-track='{"x": ">"}' id=main>"#,
            r#"<img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" alt="A > B"/>"#,
            r##"<a href="/other" title="More">More</a> <a href="#top">Top</a>"##,
            r#"<p style="display:none" hidden>Hidden</p> 3 < 4"#,
            r#"<script type="application/ld+json">{"a": "<b data-x=1>"}</script></div>"#,
        );
        assert_eq!(
            lean_attributes(page),
            concat!(
                r#"<link rel="canonical" href="https://example.org/a/1">"#,
                r#"<div class="story" id=main>"#,
                r#"<img/>"#,
                r##"<a href="x">More</a> <a href="#">Top</a>"##,
                r#"<p style="display:none" hidden>Hidden</p> 3 < 4"#,
                r#"<script type="application/ld+json">{"a": "<b data-x=1>"}</script></div>"#,
            )
        );
        // A tag left open at the end loses nothing.
        assert_eq!(lean_attributes("<p class=\"x"), "<p class=\"x");
    }

    /// A page of our own: navigation, an article with a byline and date, a footer.
    pub(crate) const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<title>Valdoria and Kessland reopen the northern crossing - The Example Courier</title>
<meta property="og:site_name" content="The Example Courier">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<meta name="author" content="Amina Odhiambo">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Valdoria and Kessland reopen the northern crossing</h1>
<p>The governments of Valdoria and Kessland agreed on Tuesday to reopen the northern border
crossing, which had been closed for eleven months after a dispute over customs fees.</p>
<p>Trucks carrying grain and fuel were expected to pass through the crossing by the end of the
week, officials from both countries said at a joint news conference in the border town.</p>
<p>The agreement also sets up a joint commission that will meet every three months to settle
disagreements over tariffs before they close the border again, the officials added.</p>
</article>
<footer>Copyright 2024 The Example Courier. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn pages_give_their_article_and_metadata() {
        let page = extract(PAGE, Some("https://example.org/world/2024/03/05/crossing")).unwrap();
        assert!(
            page.text.starts_with("The governments of Valdoria"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("\n\nTrucks carrying grain"),
            "{}",
            page.text
        );
        assert!(!page.text.contains("Copyright"), "{}", page.text);
        assert!(!page.text.contains("Sport"), "{}", page.text);
        assert_eq!(page.published.as_deref(), Some("2024-03-05"));
        assert_eq!(page.author.as_deref(), Some("Amina Odhiambo"));
        assert_eq!(page.site_name.as_deref(), Some("The Example Courier"));
        assert_eq!(page.language.as_deref(), Some("en"));
    }

    #[test]
    fn tags_are_counted_as_they_open_before_parsing() {
        assert_eq!(
            open_tag_depth("<div><p>One<br><img src=x/><span>two</span></div>"),
            2
        );
        // End tags that may be left out and void elements do not count.
        assert_eq!(open_tag_depth(&"<li><p>item<hr>".repeat(50)), 0);
        // A tag name runs to a space, a slash or the tag's end, as the tokenizer reads it.
        assert_eq!(open_tag_depth(&format!("<body>{}", "<a".repeat(1000))), 1);
        assert_eq!(open_tag_depth("<div/><div />< div>"), 0);
        // Comments and what scripts hold are not read (the emptied script element is).
        assert_eq!(
            open_tag_depth(&without_code(
                "<!-- <div><div> --><script>'<b><b>'</script>"
            )),
            1
        );
    }

    #[test]
    fn a_page_nested_past_the_limit_gives_its_paragraphs_with_a_warning() {
        let paragraph = "<p>The harbour board of Port Selwyn voted on Monday to reopen the \
            coastal road after two months of repairs, its chair told reporters.</p>";
        for depth in [MAX_NESTING + 10, MAX_UNPARSED_NESTING + 10] {
            let html = format!(
                "<html><body>{}{}{}</body></html>",
                "<div>".repeat(depth),
                paragraph.repeat(3),
                "</div>".repeat(depth)
            );
            let page = extract(&html, None).unwrap();
            assert!(page.text.starts_with("The harbour board"), "{depth}");
            assert_eq!(page.text.matches("harbour board").count(), 3);
            assert!(page.warnings[0].contains("nest"), "{:?}", page.warnings);
            let html = format!("<html><body>{}</body></html>", "<div>".repeat(depth));
            let error = extract(&html, None).unwrap_err();
            assert!(error.contains("no paragraphs"), "{error}");
        }
        // A page of ordinary depth has no warning.
        assert!(extract(PAGE, None).unwrap().warnings.is_empty());
    }

    #[test]
    fn a_url_that_does_not_parse_does_not_cost_the_article() {
        for url in ["page-17.html", "archive::crossing", "not a url"] {
            let page = extract(PAGE, Some(url)).unwrap();
            assert!(
                page.text.starts_with("The governments of Valdoria"),
                "{url}"
            );
        }
    }

    #[test]
    fn warc_responses_become_documents_and_truncation_is_reported() {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let record = |kind: &str, body: &str| {
            format!(
                "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2024-03-06T10:00:00Z\r\nWARC-Target-URI: https://example.org/a\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
                body.len(),
                body.len()
            )
        };
        let archive = format!(
            "{}{}",
            record("request", "GET /a HTTP/1.1\r\n\r\n"),
            record("response", &http)
        );
        let docs = read_warc(
            Box::new(std::io::Cursor::new(archive.clone().into_bytes())),
            "test.warc",
            "test",
            &ReadOptions::default(),
        );
        assert_eq!(docs.len(), 1, "{docs:?}");
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.url.as_deref(), Some("https://example.org/a"));
        assert!(doc.warnings.iter().any(|w| w.contains("1 WARC records")));
        // Cut off in the middle of the response: an error record, no panic, no stall.
        let cut = &archive.as_bytes()[..archive.len() - 200];
        let docs = read_warc(
            Box::new(std::io::Cursor::new(cut.to_vec())),
            "test.warc",
            "test",
            &ReadOptions::default(),
        );
        assert!(docs.iter().any(|d| d.is_err()), "{docs:?}");
    }

    #[test]
    fn a_damaged_record_of_a_warc_gzipped_record_by_record_costs_that_record_alone() {
        use std::io::Write;
        let member = |n: usize| {
            let page = PAGE.replace("Valdoria", &format!("Valdoria{n}"));
            let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
            let record = format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n}>\r\nWARC-Target-URI: https://example.org/{n}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
                http.len()
            );
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(record.as_bytes()).unwrap();
            gz.finish().unwrap()
        };
        let mut second = member(2);
        for b in &mut second[30..60] {
            *b = !*b;
        }
        let archive = [member(1), second, member(3)].concat();
        let docs = read_warc(
            Box::new(std::io::Cursor::new(archive)),
            "crawl.warc.gz",
            "crawl",
            &ReadOptions::default(),
        );
        let urls: Vec<_> = docs
            .iter()
            .filter_map(|d| d.as_ref().ok())
            .map(|d| d.url.clone().unwrap_or_default())
            .collect();
        assert_eq!(urls, ["https://example.org/1", "https://example.org/3"]);
        let errors: Vec<_> = docs.iter().filter_map(|d| d.as_ref().err()).collect();
        assert_eq!(errors.len(), 1, "{docs:?}");
        assert!(errors[0].message.contains("damaged"), "{errors:?}");
    }

    #[test]
    fn warc_headers_that_are_not_utf8_do_not_panic() {
        // Found by fuzzing: a target URI with invalid UTF-8 bytes.
        let archive = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://example.org/\xff\xfe\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n".to_vec();
        let docs = read_warc(
            Box::new(std::io::Cursor::new(archive)),
            "bad.warc",
            "bad",
            &ReadOptions::default(),
        );
        // The record is read (no panic) and skipped: its payload is no HTTP response.
        assert!(docs.is_empty(), "{docs:?}");
    }

    #[test]
    fn a_feed_that_breaks_off_gives_the_items_before_the_break() {
        let item = |n: usize| {
            format!(
                "<item><title>Vote {n}</title><link>https://example.org/{n}</link>\
                 <description>The harbour board voted on measure {n}.</description></item>"
            )
        };
        let items: String = (1..=9).map(item).collect();
        let read = |xml: String| {
            read_feed(
                Box::new(std::io::Cursor::new(xml.into_bytes())),
                "feed.xml",
                "feed",
                &ReadOptions::default(),
            )
        };
        let head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>";
        // Cut short inside the tenth item, and broken inside the seventh.
        let cut = format!("{head}{items}<item><title>Vote 10</tit");
        let broken = format!(
            "{head}{}<item><title>Vote <b>7</title></item>{}</channel></rss>",
            (1..=6).map(item).collect::<String>(),
            (8..=9).map(item).collect::<String>()
        );
        for (xml, whole) in [(cut, 9), (broken, 6)] {
            let docs = read(xml);
            let error = docs[0].as_ref().unwrap_err();
            assert!(
                error.message.contains(&format!("after its item {whole}")),
                "{error:?}"
            );
            let titles: Vec<String> = docs[1..]
                .iter()
                .map(|d| d.as_ref().unwrap().title.clone().unwrap())
                .collect();
            let expected: Vec<String> = (1..=whole).map(|n| format!("Vote {n}")).collect();
            assert_eq!(titles, expected);
        }
        // Nothing readable at all is still one error.
        let docs = read(format!("{head}<item><title>Vote"));
        assert_eq!(docs.len(), 1);
        assert!(docs[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("not a readable"));
    }

    #[test]
    fn feed_items_become_documents() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Crossing reopens</title><link>https://example.org/1</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>The governments of Valdoria and Kessland agreed to reopen the crossing.</description></item>
<item><title>No text here</title><link>https://example.org/2</link></item>
</channel></rss>"#;
        let docs = read_feed(
            Box::new(std::io::Cursor::new(rss.as_bytes().to_vec())),
            "feed.xml",
            "feed",
            &ReadOptions::default(),
        );
        assert_eq!(docs.len(), 2);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Crossing reopens"));
        assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
        assert_eq!(doc.site_name.as_deref(), Some("Example Wire"));
        assert!(docs[1].is_err());
    }

    #[test]
    fn written_dates_are_read() {
        assert_eq!(
            kestrel_time::first_written_date("Posted on March 5, 2024 by staff").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            kestrel_time::first_written_date("Veröffentlicht am 5. März 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            kestrel_time::first_written_date("Stand: 05.03.2024, 10:00").as_deref(),
            Some("2024-03-05")
        );
        for (text, date) in [
            ("Hochgeladen 23.09.22 von der Redaktion", "2022-09-23"),
            ("Posted 17/02/2022 at noon", "2022-02-17"),
            ("Posted 02/17/2022 at noon", "2022-02-17"),
            ("Publié le mardi 5 mars 2024 à 10h", "2024-03-05"),
            ("Actualizado el 3 de mayo de 2022", "2022-05-03"),
            ("Опубликовано 15 августа 2016, 13:43", "2016-08-15"),
            ("Pubblicato il 7 giugno 2021", "2021-06-07"),
        ] {
            assert_eq!(
                kestrel_time::first_written_date(text).as_deref(),
                Some(date),
                "{text}"
            );
        }
        assert_eq!(kestrel_time::first_written_date("no date here"), None);
        // With slashes and both numbers up to 12, day and month cannot be told apart.
        assert_eq!(kestrel_time::first_written_date("Posted 03/05/2022"), None);
    }

    #[test]
    fn links_to_other_stories_are_dropped() {
        let text = "The ferry resumed service on Monday.\n\nLea también: Otro puerto cierra por \
                    la tormenta\n\nREAD ALSO: Harbour board names new chief\n\nMehr zum \
                    Thema\n\nThe mayor \
                    said more boats would follow: two in May and one in June.";
        assert_eq!(
            without_label_lines(text),
            "The ferry resumed service on Monday.\n\nThe mayor said more boats would follow: \
             two in May and one in June."
        );
    }

    #[test]
    fn the_standfirst_under_the_headline_is_the_lead() {
        let lead = "The harbour board of Kessport will rebuild the old timber pier before the \
                    summer season, its chair told members on Monday.";
        let page = format!(
            "<html><body><h1 class=\"logo\">Kessport Courier</h1><nav><a href=\"/\">Home</a>\
             </nav><article><h1>Pier to be rebuilt</h1><div class=\"byline\">By A. Writer</div>\
             <p class=\"article-intro\">{lead}</p><p>Body text.</p></article></body></html>"
        );
        let dom = dom_query::Document::from(page.as_str());
        assert_eq!(
            lead_paragraph(&dom).as_deref(),
            Some(
                lead.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str()
            )
        );
        // A subheading right under the headline is one too.
        let page = format!("<html><body><h1>Pier to be rebuilt</h1><h2>{lead}</h2></body></html>");
        let dom = dom_query::Document::from(page.as_str());
        assert!(lead_paragraph(&dom).is_some());
        // A short label is no lead, and neither is a marked element far below the headline.
        let far: String = (0..50).map(|i| format!("<p>Line {i}.</p>")).collect();
        let page = format!(
            "<html><body><h1>Pier</h1><p class=\"teaser\">Photo gallery</p>{far}\
             <p class=\"teaser\">{lead}</p></body></html>"
        );
        let dom = dom_query::Document::from(page.as_str());
        assert_eq!(lead_paragraph(&dom), None);
    }

    #[test]
    fn lines_that_are_only_links_are_found_unless_the_page_writes_them_too() {
        let page = "<html><body><article><h2>Timber from the north</h2><p>The board bought \
                    <a href=\"/t\">timber</a> from northern mills.</p></article><ul>\
                    <li><a href=\"/1\">Storm closes second harbour</a></li><li><a \
                    href=\"#timber\">Timber from the north</a></li></ul><h3><a \
                    name=\"costs\">Costs</a></h3></body></html>";
        let dom = dom_query::Document::from(page);
        let lines = link_lines(&dom);
        assert!(lines.contains("Storm closes second harbour"));
        // The table of contents links to the story's own heading, which stays.
        assert!(!lines.contains("Timber from the north"));
        // A named anchor is no link; a paragraph with a link in it is no link line.
        assert!(!lines.contains("Costs"));
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn the_headline_loses_the_site_name_and_keeps_its_own_parts() {
        let title = |t: &str, site: Option<&str>, url: Option<&str>| {
            headline(t, "<p>No heading</p>", "<p>no heading</p>", site, url)
        };
        let url = Some("https://www.kessport-courier.com/2024/05/pier");
        assert_eq!(
            title("Pier to be rebuilt - Kessport Courier", None, url),
            "Pier to be rebuilt"
        );
        assert_eq!(
            title(
                "KESSPORT COURIER | Pier to be rebuilt | News",
                Some("Kessport Courier"),
                None
            ),
            "Pier to be rebuilt | News"
        );
        assert_eq!(
            title(
                "Storm closes harbour – ferries diverted",
                Some("The Courier"),
                url
            ),
            "Storm closes harbour – ferries diverted"
        );
        // The headline of the page, when the title holds it.
        let html = "<h1>Storm closes harbour</h1>";
        assert_eq!(
            headline("Storm closes harbour: live", html, html, None, None),
            "Storm closes harbour"
        );
    }

    #[test]
    fn the_author_comes_from_the_byline_else_the_metadata() {
        assert_eq!(byline_name("By Ana Velo,").as_deref(), Some("Ana Velo"));
        assert_eq!(byline_name("Von Ávila Ruiz").as_deref(), Some("Ávila Ruiz"));
        for label in [
            "Share",
            "Veröffentlicht von",
            "12. Mai 2023 · von Ana",
            "by",
        ] {
            assert_eq!(byline_name(label), None, "{label}");
        }
        let page = "<head><meta property=\"article:author\" content=\"https://x.org/ana\">\
                    <meta name=\"author\" content=\"Bo K&amp;ade\"></head>";
        assert_eq!(
            meta_author_in(page, &page.to_ascii_lowercase()).as_deref(),
            Some("Bo K&ade")
        );
        let page = "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \
                    \"NewsArticle\", \"author\": [{\"@type\": \"Person\", \"name\": \
                    \"Ana Velo\"}]}]}</script>";
        assert_eq!(
            meta_author_in(page, &page.to_ascii_lowercase()).as_deref(),
            Some("Ana Velo")
        );
        assert_eq!(
            decode_entities("M&#252;ller &#xFC; &bogus; &"),
            "Müller ü &bogus; &"
        );
    }

    #[test]
    fn dateline_labels_are_dropped() {
        let text = "Published: 4 May 2024\n\nThe ferry resumed service on Monday.\n\n\
                    Veröffentlicht am 04.05.2024\n\nPUEDES VER: Otro puerto cierra\n\n\
                    À lire aussi » Le port rouvre";
        assert_eq!(
            without_label_lines(text),
            "The ferry resumed service on Monday."
        );
    }

    #[test]
    fn the_prose_block_is_the_story_and_joins_a_text_with_little_running_text() {
        let sentence = |n: usize| {
            format!(
                "The harbour board of Kessport voted on Monday to rebuild pier {n} after the \
                 winter storms damaged its timber deck beyond repair."
            )
        };
        let story: String = (1..=4).map(|n| format!("<p>{}</p>", sentence(n))).collect();
        let comments: String = (5..=12)
            .map(|n| format!("<p>{}</p>", sentence(n)))
            .collect();
        let html = format!(
            "<html><body><div class=\"layout has-sidebar\"><div class=\"signatures\"><p>Ana \
             Velo, writer</p><p>Bo Kade, historian</p></div><article class=\"node \
             node--promoted\"><div>{story}</div></article><section id=\"comments\">{comments}\
             </section><footer><p>{}</p></footer></div></body></html>",
            sentence(99)
        );
        let dom = dom_query::Document::from(html.as_str());
        let block = prose_block(&dom).expect("the page has running text");
        // The story's four paragraphs, not the longer comments or the footer; a wrapper's
        // state ("has-sidebar") or a modifier ("node--promoted") marks nothing.
        assert_eq!(block.prose.len(), 4);
        assert!(block.text.contains("pier 1 ") && !block.text.contains("pier 5 "));
        // Readability's list of names holds no running text: the block outweighs it.
        assert!(block.outweighs("Ana Velo, writer\n\nBo Kade, historian"));
        // When Readability kept the story, it does not.
        let kept: Vec<String> = (1..=4).map(sentence).collect();
        assert!(!block.outweighs(&kept.join("\n\n")));
    }

    #[test]
    fn one_or_two_trailing_labels_are_dropped_and_lists_kept() {
        let story = "The ferry service resumed on Monday after the storm.\n\nThe harbour \
                     master said crossings would run hourly.";
        assert_eq!(
            without_trailing_labels(&format!("{story}\n\nShare this story\n\nMore on ferries")),
            story
        );
        // A closing line that is a sentence stays.
        let signed = format!("{story}\n\nCrossings are free until May.");
        assert_eq!(without_trailing_labels(&signed), signed);
        // Three short lines or more are a list that belongs to the text.
        let list = format!("{story}\n\nTimetable:\n\n08:00 Kessport\n\n09:00 Velmouth");
        assert_eq!(without_trailing_labels(&list), list);
        // A text of one short line is left as it is.
        assert_eq!(without_trailing_labels("Harbour news"), "Harbour news");
    }

    #[test]
    fn credit_lines_are_dropped_and_sentences_about_photos_kept() {
        let text = "The bridge reopened on Monday.\n\nFoto: Stadtarchiv Kessland\n\n\
                    Photo: a crowd at the bridge, as the mayor cut the ribbon to cheers from \
                    the families who had waited two years for it.\n\n© Example Wire 2024";
        assert_eq!(
            without_label_lines(text),
            "The bridge reopened on Monday.\n\nPhoto: a crowd at the bridge, as the mayor cut \
             the ribbon to cheers from the families who had waited two years for it."
        );
    }

    #[test]
    fn scripts_styles_drawings_and_comments_go_before_parsing_and_json_ld_stays() {
        let html = "<head><SCRIPT src=a.js>var x = '<p>no</p>';</script>\
                    <style>p { color: red }</style>\
                    <script type=\"application/ld+json\">{\"headline\":\"Kept\"}</script>\
                    <stylesheet>odd</stylesheet></head><body><!-- a <p>note</p> -->\
                    <svg viewBox=\"0 0 9 9\"><path d=\"M0 0\"/></svg><svg class=i /><p>Text</p>\
                    <svgs>kept</svgs></body>";
        assert_eq!(
            without_code(html),
            "<head><SCRIPT src=a.js></script><style></style>\
             <script type=\"application/ld+json\">{\"headline\":\"Kept\"}</script>\
             <stylesheet>odd</stylesheet></head><body>\
             <svg viewBox=\"0 0 9 9\"></svg><svg class=i /><p>Text</p><svgs>kept</svgs></body>"
        );
        // An unclosed comment loses nothing.
        assert_eq!(without_code("<p>a</p><!-- b"), "<p>a</p><!-- b");
        // Nothing to take out: the page itself, not a copy.
        assert!(matches!(
            without_code("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_declared_charset_decodes_the_page_and_detection_is_the_fallback() {
        let mut page = b"<meta charset=\"windows-1252\"><p>Caf".to_vec();
        page.extend([0xe9, b' ', 0x80, b'5']);
        let (text, warning) = decode_html(&page);
        assert!(text.ends_with("Café €5"), "{text}");
        assert!(warning.unwrap().contains("windows-1252 (declared)"));
        // A page that claims UTF-8 but is not: detected.
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><p>".to_vec();
        page.extend(
            "Zürich liegt am Zürichsee, sagt der Müller."
                .bytes()
                .map(|b| if b == 0xc3 { b'?' } else { b }),
        );
        let (_, warning) = decode_html(&page);
        assert!(warning.unwrap().contains("(detected)"));
        assert_eq!(
            decode_html("<p>já</p>".as_bytes()),
            ("<p>já</p>".to_string(), None)
        );
    }

    #[test]
    fn embedded_json_and_rdfa_dates_are_read() {
        for html in [
            r#"<script>{"title":"x","published_at":"2019-03-02T06:22:28+01:00"}</script>"#,
            r#"<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z"}</script>"#,
            r#"<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>"#,
        ] {
            let date = meta_date(html).map(|d| d.chars().take(10).collect::<String>());
            assert!(date.is_some(), "{html}");
        }
        assert_eq!(
            url_date("https://example.org/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
    }

    #[test]
    fn utc_times_take_the_sites_local_date() {
        let at =
            |stamp: &str, url: &str, lang: Option<&str>| site_local_date(stamp, Some(url), lang);
        // 23:00 UTC in November is midnight in Berlin; 00:44 UTC in May is the evening
        // before in São Paulo.
        assert_eq!(
            at("2022-11-06T23:00:00.000Z", "https://example.de/a", None),
            "2022-11-07"
        );
        assert_eq!(
            at("2022-05-04T00:44:52Z", "https://example.com.br/a", None),
            "2022-05-03"
        );
        // A generic domain goes by the page's language; English gives no guess.
        assert_eq!(
            at(
                "2019-10-18T22:30:00+00:00",
                "https://example.com/a",
                Some("de")
            ),
            "2019-10-19"
        );
        assert_eq!(
            at("2020-02-25T02:25:54Z", "https://example.com/a", Some("en")),
            "2020-02-25"
        );
        // A time with its own offset is already local.
        assert_eq!(
            at("2019-12-09T23:30:00+01:00", "https://example.fr/a", None),
            "2019-12-09"
        );
    }

    #[test]
    fn microdata_dates_in_single_quotes_are_read() {
        let html = "<html><body><p>Story</p><abbr itemprop='datePublished' \
                    title='2018-06-05T08:00:00-07:00'>08:00</abbr></body></html>";
        // The whole timestamp, offset included, and none of the markup after it.
        assert_eq!(
            meta_date(html).as_deref(),
            Some("2018-06-05T08:00:00-07:00")
        );
    }

    #[test]
    fn urls_and_time_elements_give_dates() {
        assert_eq!(
            url_date("https://example.org/world/2024/03/05/talks-resume/").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(url_date("https://example.org/about/"), None);
        assert_eq!(
            time_element_date(
                "<p><time class=\"x\" datetime=\"2023-11-02T10:00:00Z\">Nov 2</time>"
            )
            .as_deref(),
            Some("2023-11-02")
        );
    }
}
