//! The averaged perceptron (Collins 2002).
//!
//! While training, each feature that was ever updated owns a dense row of one weight per
//! class. Averaging uses lazy timestamps: a weight's running total is brought up to date only
//! when the weight changes, and the averages are computed once, when training ends. Then the
//! rows become sparse: most features carry weight for a handful of classes only, and reading
//! (class, weight) pairs instead of whole rows is what keeps scoring fast.

use std::collections::HashMap;
use std::io::{self, Read, Write};

use crate::hash::BuildPassThrough;

/// A linear multi-class model over hashed features.
#[derive(Clone, Debug, Default)]
pub struct Perceptron {
    n_classes: usize,
    /// Training: feature → dense row index into `weights`.
    rows: HashMap<u64, u32, BuildPassThrough>,
    weights: Vec<f32>,
    training: Option<Averaging>,
    /// Trained: feature → its (class, weight) entries, in its slot or beside the table.
    sparse: FeatureTable,
    /// Trained, with at most four classes: feature → its whole row, in the slot itself.
    small: SmallTable,
}

/// A slot of an open-addressing table: its key, 0 when empty.
trait Keyed {
    fn key(&self) -> u64;
}

impl<T> Keyed for (u64, T) {
    fn key(&self) -> u64 {
        self.0
    }
}

/// The slot holding key `k`, or the empty slot (key 0) where it would go, in an
/// open-addressing table with linear probing. The table must have a free slot.
fn probe<S: Keyed>(slots: &[S], k: u64) -> usize {
    let mask = slots.len() - 1;
    let mut i = (k >> 7) as usize & mask;
    while slots[i].key() != 0 && slots[i].key() != k {
        i = (i + 1) & mask;
    }
    i
}

/// Asks the processor to start loading the slot each key probes first. Scoring is bound by
/// one cache miss per feature; issued together up front, the misses overlap instead of
/// waiting on each other.
#[inline]
fn prefetch_slots<S>(slots: &[S], keys: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    {
        if slots.is_empty() {
            return;
        }
        let mask = slots.len() - 1;
        for &k in keys {
            let i = (slot_key(k) >> 7) as usize & mask;
            // SAFETY: `i` is masked to the slice's length (a power of two), so the pointer
            // is in bounds; a prefetch reads nothing and has no effect on memory.
            unsafe {
                let p = slots.as_ptr().add(i) as *const i8;
                std::arch::x86_64::_mm_prefetch(p, std::arch::x86_64::_MM_HINT_T0);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slots, keys);
}

/// Asks the processor to start loading each found row kept outside its slot before any is
/// read, for the same reason as [`prefetch_slots`]: such a row is a second miss.
#[inline]
fn prefetch_rows(table: &FeatureTable, rows: &[Option<&RowSlot>]) {
    #[cfg(target_arch = "x86_64")]
    for slot in rows.iter().flatten() {
        if slot.is_inline() {
            continue;
        }
        // SAFETY: a row kept outside its slot has entries, and they lie inside `dense` or
        // `overflow`, so the pointer is in bounds; a prefetch reads nothing.
        unsafe {
            if slot.is_whole() {
                // A whole row spans up to four cache lines (128 classes in half precision).
                let p = table.dense.as_ptr().add(slot.start as usize) as *const i8;
                for line in (0..table.dense_width * 2).step_by(64) {
                    std::arch::x86_64::_mm_prefetch(p.add(line), std::arch::x86_64::_MM_HINT_T0);
                }
            } else {
                let p = table.overflow.as_ptr().add(slot.start as usize) as *const i8;
                std::arch::x86_64::_mm_prefetch(p, std::arch::x86_64::_MM_HINT_T0);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (table, rows);
}

/// Keys are hashes already; 0 is reserved for empty slots.
fn slot_key(k: u64) -> u64 {
    if k == 0 {
        1
    } else {
        k
    }
}

/// Looks a key up in an open-addressing table. (The hot path of scoring: it returns from inside
/// the probe loop rather than probing first and reading the slot again.)
fn lookup<S: Keyed>(slots: &[S], k: u64) -> Option<&S> {
    if slots.is_empty() {
        return None;
    }
    let k = slot_key(k);
    let mask = slots.len() - 1;
    let mut i = (k >> 7) as usize & mask;
    loop {
        let slot = &slots[i];
        if slot.key() == k {
            return Some(slot);
        }
        if slot.key() == 0 {
            return None;
        }
        i = (i + 1) & mask;
    }
}

/// Open addressing like [`FeatureTable`], for models of at most [`SMALL`] classes: the row
/// lives in the slot, so a lookup is one cache miss and no second one for the row. Weights
/// are kept as the half-precision numbers the model file holds: a slot is then 16 bytes,
/// four to a cache line and never split across two (at 24 bytes a quarter of them were, a
/// second miss that no prefetch asked for).
#[derive(Clone, Debug, Default)]
struct SmallTable {
    slots: Vec<(u64, [u16; SMALL])>,
    len: usize,
}

const SMALL: usize = 4;

impl SmallTable {
    fn get(&self, k: u64) -> Option<&[u16; SMALL]> {
        lookup(&self.slots, k).map(|s| &s.1)
    }

    /// Adds the rows of these features to `scores`.
    fn add_rows(&self, features: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if has_f16c() {
            // SAFETY: the processor has F16C, as checked just above.
            unsafe { self.add_rows_f16c(features, scores) };
            return;
        }
        let mut sum = [0.0f32; SMALL];
        for &f in features {
            if let Some(row) = self.get(f) {
                for (s, &h) in sum.iter_mut().zip(row) {
                    *s += f16_to_f32(h);
                }
            }
        }
        for (s, v) in scores.iter_mut().zip(sum) {
            *s += v;
        }
    }

    /// [`SmallTable::add_rows`] with the processor's half-precision conversion, four weights
    /// in one instruction. The conversion is exact, so the scores are the same.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "f16c")]
    unsafe fn add_rows_f16c(&self, features: &[u64], scores: &mut [f32]) {
        use std::arch::x86_64::{__m128i, _mm_add_ps, _mm_cvtph_ps, _mm_loadl_epi64};
        use std::arch::x86_64::{_mm_setzero_ps, _mm_storeu_ps};
        let mut sum = _mm_setzero_ps();
        for &f in features {
            if let Some(row) = self.get(f) {
                // SAFETY: `row` is four u16s, the 8 bytes the load reads.
                let halves = unsafe { _mm_loadl_epi64(row.as_ptr() as *const __m128i) };
                sum = _mm_add_ps(sum, _mm_cvtph_ps(halves));
            }
        }
        let mut out = [0.0f32; SMALL];
        // SAFETY: `out` holds the four floats the store writes.
        unsafe { _mm_storeu_ps(out.as_mut_ptr(), sum) };
        for (s, v) in scores.iter_mut().zip(out) {
            *s += v;
        }
    }

    /// Adds a row to a table sized beforehand (at most half full).
    fn insert(&mut self, k: u64, entries: &[(u16, f32)]) {
        if entries.is_empty() {
            return;
        }
        let mut row = [0u16; SMALL];
        for &(c, w) in entries {
            row[c as usize] = f32_to_f16(w);
        }
        let k = slot_key(k);
        let i = probe(&self.slots, k);
        if self.slots[i].0 == 0 {
            self.len += 1;
        }
        self.slots[i] = (k, row);
    }

    fn build(table: &FeatureTable) -> SmallTable {
        let mut slots = vec![(0u64, [0u16; SMALL]); table.slots.len()];
        for (k, row_entries) in table.rows() {
            let mut row = [0u16; SMALL];
            for (c, w) in row_entries {
                row[c as usize] = f32_to_f16(w);
            }
            let i = probe(&slots, k);
            slots[i] = (k, row);
        }
        SmallTable {
            slots,
            len: table.len,
        }
    }
}

/// An open-addressing table from feature hashes to rows. Scoring is bound by cache misses:
/// a row of up to [`INLINE`] entries (nine features in ten) lives in its 32-byte slot, one
/// miss, and a longer one beside the table, a second miss: whole (one half-precision weight
/// per class, added eight at a time) when that takes no more room than its (class, weight)
/// entries and the model has at most [`MAX_DENSE`] classes, else as entries. Rows of
/// frequent features (a tag, a pair of tags) hold a weight for most classes; added whole,
/// eight at a time, they cost a tenth of the scattered additions of their entries.
#[derive(Clone, Debug, Default)]
struct FeatureTable {
    slots: Vec<RowSlot>,
    len: usize,
    /// Long rows as (class, weight) entries.
    overflow: Vec<(u32, f32)>,
    /// Long rows whole, `dense_width` weights each.
    dense: Vec<u16>,
    /// The class count rounded up to a multiple of eight; 0 when rows are never kept whole.
    dense_width: usize,
}

/// Entries a slot holds itself.
const INLINE: usize = 6;

/// The most classes for which long rows are kept whole (up to four cache lines a row).
const MAX_DENSE: usize = 128;

/// Marks a slot whose row is kept whole, in `classes[0]` (unused when the row is not inline).
const WHOLE: u8 = 1;

/// A feature's row: up to [`INLINE`] (class, half-precision weight) entries in place, or
/// `len` entries from `start` in the list beside the table. Aligned so that a slot never
/// spans two cache lines.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(32))]
struct RowSlot {
    key: u64,
    len: u16,
    classes: [u8; INLINE],
    weights: [u16; INLINE],
    start: u32,
}

const _: () =
    assert!(std::mem::size_of::<RowSlot>() == 32 && std::mem::offset_of!(RowSlot, weights) == 16);

impl Keyed for RowSlot {
    fn key(&self) -> u64 {
        self.key
    }
}

impl RowSlot {
    fn is_inline(&self) -> bool {
        self.len as usize <= INLINE
    }

    /// Whether the row lies whole in the table's `dense` list (else in its slot or as
    /// entries in `overflow`).
    fn is_whole(&self) -> bool {
        !self.is_inline() && self.classes[0] == WHOLE
    }

    /// A slot holding these entries itself, when they fit.
    fn inline(key: u64, entries: &[(u16, f32)]) -> Option<RowSlot> {
        if entries.len() > INLINE || entries.iter().any(|&(c, _)| c > u8::MAX as u16) {
            return None;
        }
        let mut slot = RowSlot {
            key,
            len: entries.len() as u16,
            ..RowSlot::default()
        };
        for (k, &(c, w)) in entries.iter().enumerate() {
            slot.classes[k] = c as u8;
            slot.weights[k] = f32_to_f16(w);
        }
        Some(slot)
    }

    /// Adds an inline row to `scores`.
    #[inline]
    fn add_inline(&self, scores: &mut [f32], f16c: bool) {
        #[cfg(target_arch = "x86_64")]
        if f16c {
            // SAFETY: the caller found the processor to have F16C and AVX.
            let weights = unsafe { self.weights_f16c() };
            for k in 0..self.len as usize {
                scores[self.classes[k] as usize] += weights[k];
            }
            return;
        }
        let _ = f16c;
        for k in 0..self.len as usize {
            scores[self.classes[k] as usize] += f16_to_f32(self.weights[k]);
        }
    }

    /// The inline weights as f32, converted by the processor, eight in one instruction (the
    /// last two read from `start` and unused). The conversion is exact.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx,f16c")]
    unsafe fn weights_f16c(&self) -> [f32; 8] {
        use std::arch::x86_64::{__m128i, _mm256_cvtph_ps, _mm256_storeu_ps, _mm_loadu_si128};
        let mut out = [0.0f32; 8];
        // SAFETY: `weights` and `start` are the last 16 bytes of this `repr(C)` slot (checked
        // below), read through a pointer to the whole slot; `out` holds the eight floats the
        // store writes.
        unsafe {
            let slot =
                (self as *const RowSlot as *const u8).add(std::mem::offset_of!(RowSlot, weights));
            let halves = _mm_loadu_si128(slot as *const __m128i);
            _mm256_storeu_ps(out.as_mut_ptr(), _mm256_cvtph_ps(halves));
        }
        out
    }
}

/// Whether this processor converts half precision in hardware (checked once, then cached
/// by the standard library).
#[inline]
fn has_f16c() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("f16c") && std::arch::is_x86_feature_detected!("avx")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

impl FeatureTable {
    /// Sets how long rows are kept, from the model's class count; before the first row.
    fn set_classes(&mut self, n_classes: usize) {
        debug_assert!(self.len == 0);
        self.dense_width = if n_classes <= MAX_DENSE {
            n_classes.div_ceil(8) * 8
        } else {
            0
        };
    }

    fn get(&self, k: u64) -> Option<&RowSlot> {
        lookup(&self.slots, k)
    }

    /// Adds a row: in its slot when it fits, else beside the table. Weights are those of a
    /// finished model, already rounded to half precision (by `finish`, `mean_of` and the
    /// model file), so keeping them in half precision loses nothing.
    fn insert(&mut self, k: u64, entries: &[(u16, f32)]) {
        debug_assert!(entries.iter().all(|&(_, w)| f16_to_f32(f32_to_f16(w)) == w));
        let k = slot_key(k);
        let mut slot = RowSlot::inline(k, entries).unwrap_or(RowSlot {
            key: k,
            len: entries.len() as u16,
            ..RowSlot::default()
        });
        if !slot.is_inline() {
            // Whole when that is no larger: 2 bytes a class against 8 an entry.
            if self.dense_width > 0 && entries.len() * 4 >= self.dense_width {
                slot.classes[0] = WHOLE;
                slot.start = self.dense.len() as u32;
                let mut row = vec![0u16; self.dense_width];
                for &(c, w) in entries {
                    row[c as usize] = f32_to_f16(w);
                }
                self.dense.extend(row);
            } else {
                slot.start = self.overflow.len() as u32;
                self.overflow
                    .extend(entries.iter().map(|&(c, w)| (c as u32, w)));
            }
        }
        self.put(slot);
    }

    /// A row's entries (the non-zero weights of a whole row).
    fn entries(&self, slot: &RowSlot) -> Vec<(u16, f32)> {
        let start = slot.start as usize;
        if slot.is_inline() {
            (0..slot.len as usize)
                .map(|k| (slot.classes[k] as u16, f16_to_f32(slot.weights[k])))
                .collect()
        } else if slot.is_whole() {
            self.dense[start..start + self.dense_width]
                .iter()
                .enumerate()
                .filter(|&(_, &h)| h != 0)
                .map(|(c, &h)| (c as u16, f16_to_f32(h)))
                .collect()
        } else {
            self.overflow[start..start + slot.len as usize]
                .iter()
                .map(|&(c, w)| (c as u16, w))
                .collect()
        }
    }

    /// Adds the row of `slot`, kept beside the table, to `scores` (which holds at least
    /// `dense_width` slots).
    #[inline]
    fn add_long_row(&self, slot: &RowSlot, scores: &mut [f32], f16c: bool) {
        let start = slot.start as usize;
        if !slot.is_whole() {
            for &(c, w) in &self.overflow[start..start + slot.len as usize] {
                scores[c as usize] += w;
            }
            return;
        }
        let row = &self.dense[start..start + self.dense_width];
        #[cfg(target_arch = "x86_64")]
        if f16c {
            // SAFETY: the caller found the processor to have F16C and AVX.
            unsafe { add_halves_f16c(row, &mut scores[..row.len()]) };
            return;
        }
        let _ = f16c;
        for (s, &h) in scores.iter_mut().zip(row) {
            *s += f16_to_f32(h);
        }
    }

    fn put(&mut self, slot: RowSlot) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(16));
        }
        let i = probe(&self.slots, slot.key);
        if self.slots[i].key == 0 {
            self.len += 1;
        }
        self.slots[i] = slot;
    }

    fn reserve(&mut self, n: usize) {
        let want = (n * 2).next_power_of_two().max(16);
        if want > self.slots.len() {
            self.resize(want);
        }
    }

    fn resize(&mut self, capacity: usize) {
        let old = std::mem::replace(&mut self.slots, vec![RowSlot::default(); capacity]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| s.key != 0) {
            self.put(slot);
        }
    }

    /// Every feature's key and entries, in table order.
    fn rows(&self) -> impl Iterator<Item = (u64, Vec<(u16, f32)>)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.key != 0)
            .map(move |s| (s.key, self.entries(s)))
    }
}

/// Adds half-precision weights to `scores` (of the same length, a multiple of eight), eight
/// at a time. The conversion is exact and each score gets the same additions in the same
/// order as one at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx,f16c")]
unsafe fn add_halves_f16c(row: &[u16], scores: &mut [f32]) {
    use std::arch::x86_64::{__m128i, _mm256_add_ps, _mm256_cvtph_ps, _mm256_loadu_ps};
    use std::arch::x86_64::{_mm256_storeu_ps, _mm_loadu_si128};
    debug_assert!(row.len() == scores.len() && row.len() % 8 == 0);
    for (h, s) in row.chunks_exact(8).zip(scores.chunks_exact_mut(8)) {
        // SAFETY: each chunk is eight u16s (16 bytes) and eight f32s (32 bytes), the bytes
        // the loads read and the store writes.
        unsafe {
            let w = _mm256_cvtph_ps(_mm_loadu_si128(h.as_ptr() as *const __m128i));
            _mm256_storeu_ps(
                s.as_mut_ptr(),
                _mm256_add_ps(_mm256_loadu_ps(s.as_ptr()), w),
            );
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Averaging {
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Perceptron {
    /// An empty model ready for training.
    pub fn new(n_classes: usize) -> Perceptron {
        Perceptron {
            n_classes,
            training: Some(Averaging::default()),
            ..Perceptron::default()
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.rows.len().max(self.sparse.len).max(self.small.len)
    }

    /// Adds each feature's weights to `scores` (which must hold one slot per class).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.n_classes);
        if self.training.is_some() {
            for f in features {
                if let Some(&row) = self.rows.get(f) {
                    let start = row as usize * self.n_classes;
                    let w = &self.weights[start..start + self.n_classes];
                    for (s, w) in scores.iter_mut().zip(w) {
                        *s += w;
                    }
                }
            }
            return;
        }
        if self.small.len > 0 {
            prefetch_slots(&self.small.slots, features);
            self.small.add_rows(features, scores);
            return;
        }
        // Two phases: first every table lookup, then every row. Lookups are independent
        // cache misses; with nothing between them the processor overlaps them.
        let f16c = has_f16c();
        let table = &self.sparse;
        // Whole rows are added eight classes at a time, so the scores are widened to match.
        let mut wide = [0.0f32; MAX_DENSE];
        let n = scores.len();
        let target: &mut [f32] = if table.dense_width > 0 {
            wide[..n].copy_from_slice(scores);
            &mut wide[..table.dense_width]
        } else {
            &mut *scores
        };
        let mut found: [Option<&RowSlot>; 96] = [None; 96];
        for chunk in features.chunks(found.len()) {
            prefetch_slots(&table.slots, chunk);
            for (slot, &f) in found.iter_mut().zip(chunk) {
                *slot = table.get(f);
            }
            prefetch_rows(table, &found[..chunk.len()]);
            for slot in found[..chunk.len()].iter().flatten() {
                if slot.is_inline() {
                    slot.add_inline(target, f16c);
                } else {
                    table.add_long_row(slot, target, f16c);
                }
            }
        }
        if table.dense_width > 0 {
            scores.copy_from_slice(&wide[..n]);
        }
    }

    /// Starts loading the weights of these features, to be scored soon: a caller with
    /// several feature sets to score (a beam's items) asks for all of them first, so that
    /// their cache misses overlap.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        if self.training.is_none() && self.small.len > 0 {
            prefetch_slots(&self.small.slots, features);
        }
    }

    /// Scores of every class for these features.
    #[cfg(test)]
    pub fn scores(&self, features: &[u64]) -> Vec<f32> {
        let mut s = vec![0.0; self.n_classes];
        self.score_into(features, &mut s);
        s
    }

    /// The best class among those `allowed` (all when `None`); ties go to the lowest index.
    pub fn best(scores: &[f32], allowed: Option<&[bool]>) -> usize {
        let mut best = usize::MAX;
        let mut best_score = f32::NEG_INFINITY;
        for (c, &s) in scores.iter().enumerate() {
            if allowed.is_some_and(|a| !a[c]) {
                continue;
            }
            if best == usize::MAX || s > best_score {
                best = c;
                best_score = s;
            }
        }
        best
    }

    /// Counts one training example; call once per example, updated or not.
    pub fn tick(&mut self) {
        if let Some(t) = &mut self.training {
            t.step += 1;
        }
    }

    /// Moves the weights toward `truth` and away from `guess` for these features.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        self.adjust(features, truth, 1.0);
        self.adjust(features, guess, -1.0);
    }

    /// Adds `delta` to the weight of `class` for each of these features (a structured update
    /// rewards the gold sequence's features and penalises the guessed one's, which may differ).
    pub fn adjust(&mut self, features: &[u64], class: usize, delta: f32) {
        assert!(
            self.training.is_some(),
            "a finished model cannot be trained further"
        );
        for &f in features {
            let n = self.n_classes;
            let row = match self.rows.get(&f) {
                Some(&r) => r as usize,
                None => {
                    let r = self.rows.len();
                    self.rows.insert(f, r as u32);
                    self.weights.resize((r + 1) * n, 0.0);
                    if let Some(t) = &mut self.training {
                        t.totals.resize((r + 1) * n, 0.0);
                        t.stamps.resize((r + 1) * n, t.step);
                    }
                    r
                }
            };
            let i = row * n + class;
            if let Some(t) = &mut self.training {
                t.totals[i] += (t.step - t.stamps[i]) as f64 * self.weights[i] as f64;
                t.stamps[i] = t.step;
            }
            self.weights[i] += delta;
        }
    }

    /// Replaces the weights by their averages over training, drops those below 1e-3 in
    /// magnitude, and makes the rows sparse. The model can no longer be trained.
    pub fn finish(&mut self) {
        let Some(t) = self.training.take() else {
            return;
        };
        let step = t.step.max(1) as f64;
        for i in 0..self.weights.len() {
            let total = t.totals[i] + (t.step - t.stamps[i]) as f64 * self.weights[i] as f64;
            self.weights[i] = (total / step) as f32;
        }
        let n = self.n_classes;
        let mut keys: Vec<(u64, u32)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable_by_key(|&(k, _)| k);
        for (k, r) in keys {
            let row = &self.weights[r as usize * n..(r as usize + 1) * n];
            // Round through half precision now, so a saved and reloaded model scores the same.
            let entries: Vec<(u16, f32)> = row
                .iter()
                .enumerate()
                .map(|(c, &w)| (c as u16, f16_to_f32(f32_to_f16(w))))
                .filter(|&(_, w)| w.abs() >= 1e-3)
                .collect();
            self.push_row(k, &entries);
        }
        self.rows = HashMap::default();
        self.weights = Vec::new();
        self.build_small();
    }

    fn build_small(&mut self) {
        if self.n_classes <= SMALL {
            self.small = SmallTable::build(&self.sparse);
            // The rows now live in the slots; the general table would only hold copies.
            self.sparse = FeatureTable::default();
        }
    }

    /// Every feature's non-zero (class, weight) pairs, in key order.
    fn rows_sorted(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = if self.small.len > 0 {
            self.small
                .slots
                .iter()
                .filter(|s| s.0 != 0)
                .map(|(k, row)| {
                    let entries = row[..self.n_classes]
                        .iter()
                        .map(|&h| f16_to_f32(h))
                        .enumerate()
                        .filter(|&(_, w)| w != 0.0)
                        .map(|(c, w)| (c as u16, w))
                        .collect();
                    (*k, entries)
                })
                .collect()
        } else {
            self.sparse.rows().collect()
        };
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    fn push_row(&mut self, key: u64, entries: &[(u16, f32)]) {
        if entries.is_empty() {
            return;
        }
        if self.sparse.len == 0 {
            self.sparse.set_classes(self.n_classes);
        }
        self.sparse.insert(key, entries);
    }

    /// The same finished model without the features whose largest weight is below `min_abs`
    /// in absolute value: they sway few decisions, and each costs a slot of the table that
    /// scoring reads.
    pub fn pruned(&self, min_abs: f32) -> Perceptron {
        let rows = self
            .finished_rows()
            .into_iter()
            .filter(|(_, entries)| entries.iter().any(|&(_, w)| w.abs() >= min_abs));
        self.with_rows(rows)
    }

    /// The same finished model with at most `max_features` features, those whose largest
    /// weight is the largest in absolute value (ties kept by key): a bound on the table that
    /// scoring reads, which [`Perceptron::pruned`] gives only for one model's weights.
    pub fn strongest(&self, max_features: usize) -> Perceptron {
        let mut rows = self.finished_rows();
        if rows.len() > max_features {
            let strength =
                |e: &[(u16, f32)]| e.iter().map(|&(_, w)| w.abs()).fold(0.0f32, f32::max);
            rows.sort_by(|a, b| {
                strength(&b.1)
                    .total_cmp(&strength(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            rows.truncate(max_features);
            rows.sort_unstable_by_key(|r| r.0);
        }
        self.with_rows(rows)
    }

    fn finished_rows(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        assert!(
            self.training.is_none(),
            "finish the model before pruning it"
        );
        self.rows_sorted()
    }

    /// A finished model over this one's classes holding these rows, in key order.
    fn with_rows(&self, rows: impl IntoIterator<Item = (u64, Vec<(u16, f32)>)>) -> Perceptron {
        let mut p = Perceptron {
            n_classes: self.n_classes,
            ..Perceptron::default()
        };
        for (k, entries) in rows {
            p.push_row(k, &entries);
        }
        p.build_small();
        p
    }

    /// The mean of finished models over the same classes: each feature's weights summed and
    /// divided by the number of models. Models trained on differently shuffled data err
    /// differently; their mean varies less from seed to seed than any one of them.
    pub fn mean_of(models: &[Perceptron]) -> Perceptron {
        assert!(!models.is_empty(), "the mean of no models");
        let n = models[0].n_classes;
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = Default::default();
        for m in models {
            assert!(
                m.training.is_none() && m.n_classes == n,
                "finished models of one shape"
            );
            for (k, entries) in m.rows_sorted() {
                let row = sums.entry(k).or_insert_with(|| vec![0.0; n]);
                for (c, w) in entries {
                    row[c as usize] += w;
                }
            }
        }
        let mut p = Perceptron {
            n_classes: n,
            ..Perceptron::default()
        };
        p.sparse.reserve(sums.len());
        let k = models.len() as f32;
        for (key, row) in sums {
            let entries: Vec<(u16, f32)> = row
                .iter()
                .enumerate()
                .map(|(c, &w)| (c as u16, f16_to_f32(f32_to_f16(w / k))))
                .filter(|&(_, w)| w.abs() >= 1e-3)
                .collect();
            p.push_row(key, &entries);
        }
        p.build_small();
        p
    }

    /// Writes a finished model: class count, feature count, then per feature (in key order)
    /// its key, its entry count, and (class, f16 weight) pairs, little-endian, so that the
    /// same model always gives the same bytes.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        assert!(
            self.training.is_none(),
            "finish the model before writing it"
        );
        out.write_all(&(self.n_classes as u32).to_le_bytes())?;
        let rows = self.rows_sorted();
        out.write_all(&(rows.len() as u64).to_le_bytes())?;
        for (k, entries) in rows {
            out.write_all(&k.to_le_bytes())?;
            out.write_all(&(entries.len() as u16).to_le_bytes())?;
            for (c, w) in entries {
                out.write_all(&c.to_le_bytes())?;
                out.write_all(&f32_to_f16(w).to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads a model written by [`Perceptron::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Perceptron> {
        let bad =
            |what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("model file: {what}"));
        let mut b4 = [0u8; 4];
        let mut b8 = [0u8; 8];
        input.read_exact(&mut b4)?;
        let n = u32::from_le_bytes(b4) as usize;
        input.read_exact(&mut b8)?;
        let count = u64::from_le_bytes(b8) as usize;
        if n == 0 || n > u16::MAX as usize || count > 100_000_000 {
            return Err(bad("implausible header"));
        }
        let mut p = Perceptron {
            n_classes: n,
            ..Perceptron::default()
        };
        // A model of few classes is read straight into the table that scores it: building
        // the general table first and copying it would touch twice the memory.
        let small = n <= SMALL;
        if small {
            p.small.slots = vec![(0u64, [0u16; SMALL]); (count * 2).next_power_of_two().max(16)];
        } else {
            p.sparse.reserve(count);
        }
        let mut entries = Vec::new();
        let mut head = [0u8; 10];
        let mut row = Vec::new();
        for _ in 0..count {
            // Each row whole: reading it field by field made loading a fifth slower.
            input.read_exact(&mut head)?;
            let key = u64::from_le_bytes(head[..8].try_into().expect("8 bytes"));
            let len = u16::from_le_bytes([head[8], head[9]]) as usize;
            row.resize(len * 4, 0);
            input.read_exact(&mut row)?;
            entries.clear();
            for pair in row.chunks_exact(4) {
                let c = u16::from_le_bytes([pair[0], pair[1]]);
                if c as usize >= n {
                    return Err(bad("class out of range"));
                }
                entries.push((c, f16_to_f32(u16::from_le_bytes([pair[2], pair[3]]))));
            }
            if small {
                p.small.insert(key, &entries);
            } else {
                p.push_row(key, &entries);
            }
        }
        Ok(p)
    }
}

/// Rounds an f32 to IEEE half precision (round to nearest even; overflow saturates to
/// infinity, tiny values flush to zero). Weights lose nothing that matters at this size.
pub(crate) fn f32_to_f16(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32;
    let mant = bits & 0x7f_ffff;
    if exp == 0xff {
        return sign | 0x7c00 | if mant != 0 { 0x200 } else { 0 };
    }
    let e = exp - 127 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    if e <= 0 {
        if e < -10 {
            return sign;
        }
        let m = (mant | 0x80_0000) >> (1 - e);
        let half = m >> 13;
        let rest = m & 0x1fff;
        let round = rest > 0x1000 || (rest == 0x1000 && half & 1 == 1);
        return sign | (half + round as u32) as u16;
    }
    let half = ((e as u32) << 10) | (mant >> 13);
    let rest = mant & 0x1fff;
    let round = rest > 0x1000 || (rest == 0x1000 && half & 1 == 1);
    sign | (half + round as u32) as u16
}

pub(crate) fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let mant = (h & 0x3ff) as u32;
    let bits = match exp {
        0 if mant == 0 => sign,
        0 => {
            let mut e = 127 - 15 + 1;
            let mut m = mant;
            while m & 0x400 == 0 {
                m <<= 1;
                e -= 1;
            }
            sign | (e << 23) | ((m & 0x3ff) << 13)
        }
        0x1f => sign | 0x7f80_0000 | (mant << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (mant << 13),
    };
    f32::from_bits(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_a_separable_problem() {
        let mut p = Perceptron::new(3);
        let data = [(vec![1u64, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        for _ in 0..5 {
            for (f, y) in &data {
                p.tick();
                let guess = Perceptron::best(&p.scores(f), None);
                p.update(f, *y, guess);
            }
        }
        p.finish();
        for (f, y) in &data {
            assert_eq!(Perceptron::best(&p.scores(f), None), *y);
        }
    }

    /// A model file of `n` classes whose feature `k` (1-based) has weights for its first `k`
    /// classes (wrapping), so that rows run from one entry to longer than a slot holds.
    fn model_bytes(n: usize, features: u64) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend((n as u32).to_le_bytes());
        bytes.extend(features.to_le_bytes());
        for k in 1..=features {
            let len = (k as usize).min(n);
            bytes.extend(k.to_le_bytes());
            bytes.extend((len as u16).to_le_bytes());
            for c in 0..len {
                let w = (k as f32) * 0.25 - c as f32 * 0.5 + 0.125;
                bytes.extend((c as u16).to_le_bytes());
                bytes.extend(f32_to_f16(w).to_le_bytes());
            }
        }
        bytes
    }

    #[test]
    fn scores_are_the_sums_of_rows_however_the_rows_are_kept() {
        // 3 classes: rows in the small table; 17: long rows whole; 40: long rows whole from
        // ten entries, as entries below; 150: long rows as entries.
        for n in [3usize, 17, 40, 150] {
            let bytes = model_bytes(n, 50);
            let p = Perceptron::read_from(&mut bytes.as_slice()).expect("a model");
            assert_eq!(p.n_features(), 50);
            let features: Vec<u64> = (1..=60).collect();
            let mut expected = vec![0.0f32; n];
            for k in 1..=50u64 {
                for (c, e) in expected.iter_mut().enumerate().take((k as usize).min(n)) {
                    *e += (k as f32) * 0.25 - c as f32 * 0.5 + 0.125;
                }
            }
            assert_eq!(p.scores(&features), expected, "{n} classes");
            // And the model writes back the bytes it was read from.
            let mut out = Vec::new();
            p.write_to(&mut out).expect("written");
            assert_eq!(out, bytes, "{n} classes");
        }
    }

    #[test]
    fn the_mean_of_models_averages_each_weight() {
        let trained = |class: usize, other: u64| {
            let mut p = Perceptron::new(5);
            // The update, then the one step it holds for: its average is itself.
            p.adjust(&[1, other], class, 2.0);
            p.tick();
            p.finish();
            p
        };
        // Five classes, so the general (not the small) table is used, as by the recogniser.
        let (a, b) = (trained(0, 7), trained(3, 8));
        let mean = Perceptron::mean_of(&[a.clone(), b.clone()]);
        assert_eq!(a.scores(&[1]), vec![2.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(mean.scores(&[1]), vec![1.0, 0.0, 0.0, 1.0, 0.0]);
        // A feature only one model has counts half.
        assert_eq!(mean.scores(&[7]), vec![1.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(mean.scores(&[8]), vec![0.0, 0.0, 0.0, 1.0, 0.0]);
        assert_eq!(mean.n_features(), 3);
    }

    #[test]
    fn pruning_drops_features_whose_weights_are_all_small() {
        for classes in [3, 5] {
            let mut p = Perceptron::new(classes);
            p.adjust(&[1], 0, 2.0);
            p.adjust(&[2], 1, 0.25);
            p.adjust(&[3], 2, -0.5);
            p.tick();
            p.finish();
            let q = p.pruned(0.4);
            assert_eq!(q.n_features(), 2, "{classes} classes");
            assert_eq!(q.scores(&[1]), p.scores(&[1]));
            assert_eq!(q.scores(&[3]), p.scores(&[3]));
            assert_eq!(q.scores(&[2]), vec![0.0; classes]);
        }
    }

    #[test]
    fn the_strongest_features_are_kept_up_to_a_count() {
        for classes in [3, 5] {
            let mut p = Perceptron::new(classes);
            p.adjust(&[1], 0, 2.0);
            p.adjust(&[2], 1, 0.25);
            p.adjust(&[3], 2, -0.5);
            p.adjust(&[4], 1, 0.5);
            p.tick();
            p.finish();
            let q = p.strongest(2);
            assert_eq!(q.n_features(), 2, "{classes} classes");
            assert_eq!(q.scores(&[1]), p.scores(&[1]));
            // Features 3 and 4 weigh the same in absolute value: the lower key stays.
            assert_eq!(q.scores(&[3]), p.scores(&[3]));
            assert_eq!(q.scores(&[4]), vec![0.0; classes]);
            assert_eq!(p.strongest(10).n_features(), 4);
        }
    }

    #[test]
    fn perceptron_round_trips_and_is_deterministic() {
        let mut p = Perceptron::new(2);
        for i in 0..50u64 {
            p.tick();
            p.update(
                &[i % 7, 100 + i % 3],
                (i % 2) as usize,
                1 - (i % 2) as usize,
            );
        }
        p.finish();
        let mut a = Vec::new();
        p.write_to(&mut a).unwrap();
        let q = Perceptron::read_from(&mut a.as_slice()).unwrap();
        let mut b = Vec::new();
        q.write_to(&mut b).unwrap();
        assert_eq!(a, b);
        for f in 0..7u64 {
            let (x, y) = (p.scores(&[f]), q.scores(&[f]));
            for (x, y) in x.iter().zip(&y) {
                assert!((x - y).abs() <= x.abs() * 1e-3 + 1e-3);
            }
        }
    }

    #[test]
    fn perceptron_half_precision() {
        for x in [0.0f32, 1.0, -2.5, 0.333, 1234.5, 6.0e-5, -7.0e-8, 70000.0] {
            let y = f16_to_f32(f32_to_f16(x));
            if x.abs() < 6.1e-5 {
                // Subnormal halves: absolute precision of one step.
                assert!((x - y).abs() <= 6.0e-8, "{x} -> {y}");
            } else if x.abs() > 65504.0 {
                assert!(y.is_infinite());
            } else {
                assert!((x - y).abs() <= x.abs() * 1e-3, "{x} -> {y}");
            }
        }
    }
}
