//! Word classes learned from unlabelled text, for the tagger and the entity recogniser (the
//! parser scored lower with them): words that occur between the same neighbours share a
//! class, so a model that saw "Mombasa" in training knows something about "Kisumu" it never
//! saw.
//!
//! Classes come from the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
//! 1998): every word starts in a class, and each pass moves each word to the class that most
//! raises the likelihood of a class bigram model of the text. Coarser levels cluster the
//! finer level's classes the same way, over the class bigram counts, so that the levels nest
//! as the bit prefixes of Brown clusters do.
//!
//! ```
//! use kestrel_nlp::clusters::{ClusterConfig, WordClusters};
//! let text: Vec<Vec<String>> = ["the minister met the envoy", "the envoy met the minister"]
//!     .iter()
//!     .map(|s| s.split(' ').map(String::from).collect())
//!     .collect();
//! let config = ClusterConfig { classes: vec![4, 2], min_count: 1, iterations: 5 };
//! let clusters = WordClusters::learn(&text, &config);
//! assert_eq!(clusters.classes_of("minister"), clusters.classes_of("envoy"));
//! assert!(clusters.classes_of("Mombasa").is_none());
//! ```

use std::collections::HashMap;
use std::io::{self, BufRead, Read, Write};

use crate::hash::{string, BuildPassThrough};
use crate::io_util::{read_u32, write_u32};

/// How many levels of classes a word has, finest first.
pub const LEVELS: usize = 3;

/// The feature value of a word without a class.
pub(crate) const NO_CLASS: u64 = 0x6e6f_636c;

/// Settings for learning classes.
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// Classes at each level, finest first (at most [`LEVELS`]; missing levels repeat the
    /// coarsest).
    pub classes: Vec<usize>,
    /// Words seen fewer times than this get no class.
    pub min_count: usize,
    /// Most passes of the exchange algorithm at each level.
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            // On EWT dev, 512 / 128 / 32 classes gave the recogniser F1 71.1 against 70.4 to
            // 70.7 for 1024 / 256 / 64 and 256 / 64 / 16; the tagger moved by under 0.1.
            classes: vec![512, 128, 32],
            min_count: 3,
            iterations: 12,
        }
    }
}

/// Word → its class at each level.
#[derive(Clone, Default)]
pub struct WordClusters {
    /// The words, as written with digits folded to `0`, in the order learned (most frequent
    /// first), with their classes.
    words: Vec<(String, [u16; LEVELS])>,
    /// Keyed by the hash of the word (digits folded), and of its lowercase form where that is
    /// not a word of its own.
    index: HashMap<u64, [u16; LEVELS], BuildPassThrough>,
}

impl std::fmt::Debug for WordClusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordClusters({} words)", self.words.len())
    }
}

/// Digits folded to `0`, so that numbers share classes; case kept.
pub fn fold_digits(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        word.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>()
            .into()
    } else {
        word.into()
    }
}

impl WordClusters {
    /// No classes: every lookup misses.
    pub fn empty() -> WordClusters {
        WordClusters::default()
    }

    /// How many words have classes.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn from_words(words: Vec<(String, [u16; LEVELS])>) -> WordClusters {
        let mut index: HashMap<u64, [u16; LEVELS], BuildPassThrough> = HashMap::default();
        for (w, c) in &words {
            index.insert(string(w), *c);
        }
        // The lowercase form falls back to the most frequent casing ("BRUSSELS" → "Brussels"
        // through "brussels") where it is not a word of its own.
        for (w, c) in &words {
            let lower = w.to_lowercase();
            if lower != *w {
                index.entry(string(&lower)).or_insert(*c);
            }
        }
        WordClusters { words, index }
    }

    /// The classes of a word, finest first: its own, else its lowercase form's.
    pub fn classes_of(&self, word: &str) -> Option<[u16; LEVELS]> {
        let folded = fold_digits(word);
        self.index
            .get(&string(&folded))
            .or_else(|| self.index.get(&string(&folded.to_lowercase())))
            .copied()
    }

    /// Feature values of a word's classes, one per level (finest first), given the word, its
    /// hash (`string(word)`) and the hash of its lowercase form with digits folded, which the
    /// callers have already computed; words without a class get [`NO_CLASS`] at every level.
    pub(crate) fn feature_values_hashed(&self, word: &str, hash: u64, lower: u64) -> [u64; LEVELS] {
        if self.index.is_empty() {
            return [NO_CLASS; LEVELS];
        }
        let exact = if word.bytes().any(|b| b.is_ascii_digit()) {
            string(&fold_digits(word))
        } else {
            hash
        };
        match self.index.get(&exact).or_else(|| self.index.get(&lower)) {
            Some(c) => std::array::from_fn(|l| ((l as u64 + 1) << 16) | c[l] as u64),
            None => [NO_CLASS; LEVELS],
        }
    }

    /// Learns classes from tokenised sentences.
    pub fn learn(sentences: &[Vec<String>], config: &ClusterConfig) -> WordClusters {
        // Word ids by frequency (ties by spelling), 0 for the sentence boundary and 1 for
        // every rare word.
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in sentences {
            for w in s {
                *counts.entry(fold_digits(w).into_owned()).or_default() += 1;
            }
        }
        let mut vocab: Vec<(String, usize)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= config.min_count.max(1))
            .collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let id: HashMap<&str, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.as_str(), i as u32 + 2))
            .collect();
        let n_items = vocab.len() + 2;
        let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
        for s in sentences {
            let mut prev = 0u32;
            for w in s {
                let cur = id.get(fold_digits(w).as_ref()).copied().unwrap_or(1);
                *bigrams.entry((prev, cur)).or_default() += 1;
                prev = cur;
            }
            *bigrams.entry((prev, 0)).or_default() += 1;
        }
        let mut bigrams: Vec<(u32, u32, u32)> =
            bigrams.into_iter().map(|((a, b), n)| (a, b, n)).collect();
        bigrams.sort_unstable();

        let mut levels: Vec<Vec<u32>> = Vec::new();
        let mut item_bigrams = bigrams;
        let mut items = n_items;
        let mut sizes = config.classes.clone();
        sizes.truncate(LEVELS);
        if sizes.is_empty() {
            sizes.push(64);
        }
        while sizes.len() < LEVELS {
            sizes.push(*sizes.last().unwrap());
        }
        for &size in &sizes {
            let classes = exchange(items, &item_bigrams, size.max(1), config.iterations);
            // The next level clusters these classes, over their bigram counts.
            let mut next: HashMap<(u32, u32), u32> = HashMap::new();
            for &(a, b, n) in &item_bigrams {
                *next
                    .entry((classes[a as usize], classes[b as usize]))
                    .or_default() += n;
            }
            item_bigrams = next.into_iter().map(|((a, b), n)| (a, b, n)).collect();
            item_bigrams.sort_unstable();
            items = size.max(1);
            levels.push(classes);
        }
        let words = vocab
            .into_iter()
            .enumerate()
            .map(|(i, (w, _))| {
                let mut item = i as u32 + 2;
                let mut c = [0u16; LEVELS];
                for (level, classes) in levels.iter().enumerate() {
                    item = classes[item as usize];
                    c[level] = item as u16;
                }
                (w, c)
            })
            .collect();
        WordClusters::from_words(words)
    }

    /// Writes the classes as text: one `word<TAB>fine<TAB>middle<TAB>coarse` line per word.
    pub fn write_tsv(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "# kestrel word classes v1, finest level first")?;
        for (w, c) in &self.words {
            writeln!(out, "{w}\t{}\t{}\t{}", c[0], c[1], c[2])?;
        }
        Ok(())
    }

    /// Reads what [`WordClusters::write_tsv`] wrote.
    pub fn read_tsv(input: impl BufRead) -> io::Result<WordClusters> {
        let mut words = Vec::new();
        for (n, line) in input.lines().enumerate() {
            let line = line?;
            // Only the first line is a comment: "#" and "#hashtag" are words.
            if (n == 0 && line.starts_with('#')) || line.is_empty() {
                continue;
            }
            let bad = || {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "word classes, line {}: expected a word and {LEVELS} class numbers",
                        n + 1
                    ),
                )
            };
            let mut fields = line.split('\t');
            let word = fields.next().ok_or_else(bad)?.to_string();
            let mut c = [0u16; LEVELS];
            for slot in &mut c {
                *slot = fields.next().and_then(|f| f.parse().ok()).ok_or_else(bad)?;
            }
            words.push((word, c));
        }
        Ok(WordClusters::from_words(words))
    }

    /// Writes the classes into a model file's body.
    pub(crate) fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        write_u32(out, self.words.len() as u32)?;
        for (w, c) in &self.words {
            crate::io_util::write_string(out, w)?;
            for v in c {
                out.write_all(&v.to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads what [`WordClusters::write_to`] wrote, or no classes at the end of a model
    /// written before models carried them.
    pub(crate) fn read_optional(input: &mut impl Read) -> io::Result<WordClusters> {
        let mut first = [0u8; 1];
        match input.read(&mut first)? {
            0 => Ok(WordClusters::empty()),
            _ => WordClusters::read_from(&mut first.chain(input)),
        }
    }

    /// Reads what [`WordClusters::write_to`] wrote.
    pub(crate) fn read_from(input: &mut impl Read) -> io::Result<WordClusters> {
        let n = read_u32(input)? as usize;
        let mut words = Vec::with_capacity(n);
        for _ in 0..n {
            let w = crate::io_util::read_string(input)?;
            let mut c = [0u16; LEVELS];
            for slot in &mut c {
                let mut b = [0u8; 2];
                input.read_exact(&mut b)?;
                *slot = u16::from_le_bytes(b);
            }
            words.push((w, c));
        }
        Ok(WordClusters::from_words(words))
    }
}

/// `x ln x`, with a table for the small counts that dominate.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(max: usize) -> XLogX {
        let table = (0..=max)
            .map(|n| {
                if n == 0 {
                    0.0
                } else {
                    n as f64 * (n as f64).ln()
                }
            })
            .collect();
        XLogX { table }
    }

    #[inline]
    fn at(&self, n: i64) -> f64 {
        match self.table.get(n as usize) {
            Some(&v) if n >= 0 => v,
            _ if n <= 0 => 0.0,
            _ => n as f64 * (n as f64).ln(),
        }
    }
}

/// The exchange algorithm over `n_items` items with bigram counts `(left, right, count)`:
/// each item's class among `n_classes`. Deterministic: items are visited in id order (the
/// callers number them by frequency) and start in class `id % n_classes`.
fn exchange(
    n_items: usize,
    bigrams: &[(u32, u32, u32)],
    n_classes: usize,
    iterations: usize,
) -> Vec<u32> {
    let c = n_classes;
    let mut class: Vec<u32> = (0..n_items).map(|i| (i % c) as u32).collect();
    if n_items <= c {
        return (0..n_items as u32).collect();
    }
    // Each item's right and left neighbours with counts.
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n_items];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n_items];
    let mut out_count = vec![0i64; n_items];
    let mut in_count = vec![0i64; n_items];
    let mut total = 0usize;
    for &(a, b, n) in bigrams {
        right[a as usize].push((b, n));
        left[b as usize].push((a, n));
        out_count[a as usize] += n as i64;
        in_count[b as usize] += n as i64;
        total += n as usize;
    }
    let f = XLogX::new(total.min(1 << 22));
    // Class bigram counts (row: left class), and class totals as left and as right.
    let mut pair = vec![0i64; c * c];
    let mut as_left = vec![0i64; c];
    let mut as_right = vec![0i64; c];
    for &(a, b, n) in bigrams {
        pair[class[a as usize] as usize * c + class[b as usize] as usize] += n as i64;
    }
    for i in 0..n_items {
        as_left[class[i] as usize] += out_count[i];
        as_right[class[i] as usize] += in_count[i];
    }
    let mut r = vec![0i64; c];
    let mut l = vec![0i64; c];
    let mut r_used: Vec<usize> = Vec::new();
    let mut l_used: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..n_items {
            if out_count[w] == 0 && in_count[w] == 0 {
                continue;
            }
            // Counts of w's neighbours by class, w itself apart.
            let mut own = 0i64;
            for &(v, n) in &right[w] {
                if v as usize == w {
                    own += n as i64;
                    continue;
                }
                let k = class[v as usize] as usize;
                if r[k] == 0 {
                    r_used.push(k);
                }
                r[k] += n as i64;
            }
            for &(u, n) in &left[w] {
                if u as usize == w {
                    continue;
                }
                let k = class[u as usize] as usize;
                if l[k] == 0 {
                    l_used.push(k);
                }
                l[k] += n as i64;
            }
            // Take w out of its class.
            let from = class[w] as usize;
            for &k in &r_used {
                pair[from * c + k] -= r[k];
            }
            for &k in &l_used {
                pair[k * c + from] -= l[k];
            }
            pair[from * c + from] -= own;
            as_left[from] -= out_count[w];
            as_right[from] -= in_count[w];
            // The gain of putting it in each class.
            let mut best = from;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..c {
                let mut gain = 0.0;
                for &k in &r_used {
                    if k != b {
                        let x = pair[b * c + k];
                        gain += f.at(x + r[k]) - f.at(x);
                    }
                }
                for &k in &l_used {
                    if k != b {
                        let x = pair[k * c + b];
                        gain += f.at(x + l[k]) - f.at(x);
                    }
                }
                let x = pair[b * c + b];
                gain += f.at(x + r[b] + l[b] + own) - f.at(x);
                gain -= f.at(as_left[b] + out_count[w]) - f.at(as_left[b]);
                gain -= f.at(as_right[b] + in_count[w]) - f.at(as_right[b]);
                if gain > best_gain + 1e-9 {
                    best_gain = gain;
                    best = b;
                }
            }
            for &k in &r_used {
                pair[best * c + k] += r[k];
            }
            for &k in &l_used {
                pair[k * c + best] += l[k];
            }
            pair[best * c + best] += own;
            as_left[best] += out_count[w];
            as_right[best] += in_count[w];
            if best != from {
                class[w] = best as u32;
                moved += 1;
            }
            for &k in &r_used {
                r[k] = 0;
            }
            for &k in &l_used {
                l[k] = 0;
            }
            r_used.clear();
            l_used.clear();
        }
        if moved * 1000 < n_items {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split_whitespace().map(String::from).collect())
            .collect()
    }

    #[test]
    fn words_in_the_same_slots_share_a_class() {
        let text = sentences(
            "the envoy visited Tarvo on Monday\n\
             the minister visited Olsk on Tuesday\n\
             the envoy left Olsk on Friday\n\
             the minister left Tarvo on Monday\n\
             the general visited Tarvo on Friday\n\
             the general left Olsk on Tuesday",
        );
        let config = ClusterConfig {
            classes: vec![6, 3, 2],
            min_count: 1,
            iterations: 10,
        };
        let c = WordClusters::learn(&text, &config);
        let fine = |w: &str| c.classes_of(w).unwrap()[0];
        assert_eq!(fine("envoy"), fine("minister"));
        assert_eq!(fine("envoy"), fine("general"));
        assert_eq!(fine("Monday"), fine("Friday"));
        assert_ne!(fine("envoy"), fine("Monday"));
        // Coarser levels nest: words sharing a fine class share every coarser one.
        assert_eq!(c.classes_of("envoy"), c.classes_of("minister"));
        // A word's lowercase form finds it; digits are folded.
        assert_eq!(c.classes_of("ENVOY"), c.classes_of("envoy"));
        assert!(c.classes_of("Zembla").is_none());
    }

    #[test]
    fn classes_round_trip_through_text_and_model_bytes() {
        let text = sentences("a b c 12\na b d 34 #\nc d a 56");
        let c = WordClusters::learn(
            &text,
            &ClusterConfig {
                classes: vec![3, 2, 1],
                min_count: 1,
                iterations: 3,
            },
        );
        assert_eq!(c.classes_of("00"), c.classes_of("77"));
        let mut tsv = Vec::new();
        c.write_tsv(&mut tsv).unwrap();
        let back = WordClusters::read_tsv(tsv.as_slice()).unwrap();
        let mut bin = Vec::new();
        c.write_to(&mut bin).unwrap();
        let back2 = WordClusters::read_from(&mut bin.as_slice()).unwrap();
        assert_eq!(back.len(), c.len(), "\"#\" is a word, not a comment");
        for w in ["a", "b", "c", "d", "12", "#"] {
            assert_eq!(back.classes_of(w), c.classes_of(w));
            assert_eq!(back2.classes_of(w), c.classes_of(w));
        }
        assert!(WordClusters::read_tsv(&b"word\t1\n"[..]).is_err());
    }
}
