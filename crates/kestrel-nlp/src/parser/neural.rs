//! A neural head scorer: each word's head chosen among all the words of the sentence by a
//! biaffine score over a bidirectional LSTM's reading of the sentence (Kiperwasser & Goldberg
//! 2016; Dozat & Manning 2017), trained by cross-entropy over each word's candidate heads and
//! decoded as the maximum spanning tree. Written without a tensor library: every layer's
//! forward and backward pass works on flat `f32` rows, with small kernels of our own for
//! parsing and `matrixmultiply` for training's larger products, and a batch's sentences are
//! split between threads that each add into their own gradient.
//!
//! Opt-in: `kestrel train parser --neural-epochs N` adds one to a parser, whose tree it then
//! chooses (see `Parser::set_neural`); the shipped parser goes without it, as the README
//! tells. `examples/neural_heads.rs` trains one alone and reports its head accuracy.

use std::collections::HashMap;
use std::sync::OnceLock;

use std::io::{self, Read, Write};

use crate::io_util::{read_string, read_u32, write_string, write_u32};
use crate::perceptron::{f16_to_f32, f32_to_f16};
use crate::rng::Rng;

mod quantized;

use quantized::{QMatrix, QRows};

/// Settings for training a [`NeuralHeads`] scorer.
#[derive(Clone, Debug)]
pub struct NeuralConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Word embedding width.
    pub word_dim: usize,
    /// Tag embedding width.
    pub tag_dim: usize,
    /// LSTM state width, each direction.
    pub hidden: usize,
    /// Stacked bidirectional LSTM layers.
    pub layers: usize,
    /// Width of the head and dependent projections the biaffine score reads.
    pub arc_dim: usize,
    /// Sentences per update.
    pub batch: usize,
    /// Adam's step size.
    pub learning_rate: f32,
    /// Dropout on the LSTM inputs and outputs.
    pub dropout: f32,
    /// The step size is multiplied by this after each epoch.
    pub decay: f32,
    /// Threads that share a batch.
    pub threads: usize,
    /// Seed for initialisation, shuffling and dropout.
    pub seed: u64,
}

impl Default for NeuralConfig {
    fn default() -> NeuralConfig {
        NeuralConfig {
            epochs: 10,
            word_dim: 100,
            tag_dim: 32,
            hidden: 128,
            layers: 2,
            arc_dim: 128,
            batch: 32,
            learning_rate: 2e-3,
            dropout: 0.33,
            decay: 0.9,
            threads: 2,
            seed: 1,
        }
    }
}

/// The top bit of a scorer file's weight count: its weights are in half precision.
const HALF_PRECISION: u32 = 1 << 31;

const UNKNOWN: usize = 0;
const ROOT: usize = 1;

/// Where each parameter block sits in the flat parameter vector.
#[derive(Clone, Debug)]
struct Layout {
    words: usize,
    tags: usize,
    word_dim: usize,
    tag_dim: usize,
    hidden: usize,
    arc_dim: usize,
    word_emb: usize,
    tag_emb: usize,
    /// Per layer, per direction: (input weights, recurrent weights, bias, input width).
    lstm: Vec<[(usize, usize, usize, usize); 2]>,
    dep_w: usize,
    dep_b: usize,
    head_w: usize,
    head_b: usize,
    biaffine: usize,
    head_bias: usize,
    total: usize,
}

impl Layout {
    fn new(words: usize, tags: usize, c: &NeuralConfig) -> Layout {
        let mut at = 0;
        let mut take = |n: usize| {
            let start = at;
            at += n;
            start
        };
        let word_emb = take(words * c.word_dim);
        let tag_emb = take(tags * c.tag_dim);
        let mut lstm = Vec::new();
        for l in 0..c.layers {
            let input = if l == 0 {
                c.word_dim + c.tag_dim
            } else {
                2 * c.hidden
            };
            let mut dirs = [(0, 0, 0, 0); 2];
            for d in &mut dirs {
                let wx = take(4 * c.hidden * input);
                let wh = take(4 * c.hidden * c.hidden);
                let b = take(4 * c.hidden);
                *d = (wx, wh, b, input);
            }
            lstm.push(dirs);
        }
        let out = 2 * c.hidden;
        let dep_w = take(c.arc_dim * out);
        let dep_b = take(c.arc_dim);
        let head_w = take(c.arc_dim * out);
        let head_b = take(c.arc_dim);
        let biaffine = take(c.arc_dim * c.arc_dim);
        let head_bias = take(c.arc_dim);
        Layout {
            words,
            tags,
            word_dim: c.word_dim,
            tag_dim: c.tag_dim,
            hidden: c.hidden,
            arc_dim: c.arc_dim,
            word_emb,
            tag_emb,
            lstm,
            dep_w,
            dep_b,
            head_w,
            head_b,
            biaffine,
            head_bias,
            total: at,
        }
    }
}

/// A trained head scorer.
#[derive(Clone, Debug)]
pub struct NeuralHeads {
    layout: Layout,
    params: Vec<f32>,
    words: HashMap<String, usize>,
    tags: HashMap<String, usize>,
    /// The weights in eight bits, for parsing: made from `params` when first needed.
    quantized: OnceLock<Quantized>,
}

/// The weight matrices parsing reads, in eight bits (see `quantized`).
#[derive(Clone, Debug)]
struct Quantized {
    /// Per layer, per direction: input weights, recurrent weights, bias.
    lstm: Vec<[(QMatrix, QMatrix, Vec<f32>); 2]>,
    dep: QMatrix,
    head: QMatrix,
}

/// One sentence as the network reads it: ids with the root in slot 0.
struct Encoded {
    words: Vec<usize>,
    tags: Vec<usize>,
    /// Gold heads (slot 0 unused); empty when parsing.
    heads: Vec<usize>,
}

// ---- small dense kernels over row-major rows ----

#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if simd::available() {
        // SAFETY: the CPU has the features `simd` is compiled for.
        return unsafe { simd::dot(a, b) };
    }
    let mut acc = [0.0f32; 8];
    let chunks = a.len() / 8;
    for k in 0..chunks {
        let (x, y) = (&a[k * 8..k * 8 + 8], &b[k * 8..k * 8 + 8]);
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for k in chunks * 8..a.len() {
        s += a[k] * b[k];
    }
    s
}

#[inline]
fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if simd::available() {
        // SAFETY: as in `dot`.
        return unsafe { simd::axpy(alpha, x, y) };
    }
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

/// The two kernels with AVX2 and fused multiply-add, chosen at run time, since release
/// builds target the x86-64 baseline: on this machine they make the scorer about twice as
/// fast.
#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::*;
    use std::sync::OnceLock;

    pub(super) fn available() -> bool {
        static AVAILABLE: OnceLock<bool> = OnceLock::new();
        *AVAILABLE
            .get_or_init(|| is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma"))
    }

    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len().min(b.len());
        let (pa, pb) = (a.as_ptr(), b.as_ptr());
        let mut acc0 = _mm256_setzero_ps();
        let mut acc1 = _mm256_setzero_ps();
        let mut k = 0;
        while k + 16 <= n {
            acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(k)), _mm256_loadu_ps(pb.add(k)), acc0);
            acc1 = _mm256_fmadd_ps(
                _mm256_loadu_ps(pa.add(k + 8)),
                _mm256_loadu_ps(pb.add(k + 8)),
                acc1,
            );
            k += 16;
        }
        if k + 8 <= n {
            acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(k)), _mm256_loadu_ps(pb.add(k)), acc0);
            k += 8;
        }
        let acc = _mm256_add_ps(acc0, acc1);
        let mut lanes = [0.0f32; 8];
        _mm256_storeu_ps(lanes.as_mut_ptr(), acc);
        let mut s: f32 = lanes.iter().sum();
        while k < n {
            s += a[k] * b[k];
            k += 1;
        }
        s
    }

    /// The dot products of four rows of `cols` weights each (`rows`, one after the other)
    /// with `x`: `x` is read once for the four.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn dot4(rows: &[f32], cols: usize, x: &[f32]) -> [f32; 4] {
        assert!(rows.len() >= 4 * cols && x.len() >= cols);
        let (pr, px) = (rows.as_ptr(), x.as_ptr());
        let mut acc = [_mm256_setzero_ps(); 4];
        let mut k = 0;
        while k + 8 <= cols {
            let xv = _mm256_loadu_ps(px.add(k));
            for (i, a) in acc.iter_mut().enumerate() {
                *a = _mm256_fmadd_ps(_mm256_loadu_ps(pr.add(i * cols + k)), xv, *a);
            }
            k += 8;
        }
        let mut out = [0.0f32; 4];
        for (i, a) in acc.iter().enumerate() {
            let mut lanes = [0.0f32; 8];
            _mm256_storeu_ps(lanes.as_mut_ptr(), *a);
            out[i] = lanes.iter().sum();
            for j in k..cols {
                out[i] += rows[i * cols + j] * x[j];
            }
        }
        out
    }

    /// [`dot4`] against two vectors at once: each row is loaded once for both.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn dot4x2(
        rows: &[f32],
        cols: usize,
        x0: &[f32],
        x1: &[f32],
    ) -> ([f32; 4], [f32; 4]) {
        assert!(rows.len() >= 4 * cols && x0.len() >= cols && x1.len() >= cols);
        let (pr, p0, p1) = (rows.as_ptr(), x0.as_ptr(), x1.as_ptr());
        let mut a0 = [_mm256_setzero_ps(); 4];
        let mut a1 = [_mm256_setzero_ps(); 4];
        let mut k = 0;
        while k + 8 <= cols {
            let v0 = _mm256_loadu_ps(p0.add(k));
            let v1 = _mm256_loadu_ps(p1.add(k));
            for i in 0..4 {
                let r = _mm256_loadu_ps(pr.add(i * cols + k));
                a0[i] = _mm256_fmadd_ps(r, v0, a0[i]);
                a1[i] = _mm256_fmadd_ps(r, v1, a1[i]);
            }
            k += 8;
        }
        let mut out = ([0.0f32; 4], [0.0f32; 4]);
        for i in 0..4 {
            let mut lanes = [0.0f32; 8];
            _mm256_storeu_ps(lanes.as_mut_ptr(), a0[i]);
            out.0[i] = lanes.iter().sum();
            _mm256_storeu_ps(lanes.as_mut_ptr(), a1[i]);
            out.1[i] = lanes.iter().sum();
            for j in k..cols {
                out.0[i] += rows[i * cols + j] * x0[j];
                out.1[i] += rows[i * cols + j] * x1[j];
            }
        }
        out
    }

    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
        let n = x.len().min(y.len());
        let (px, py) = (x.as_ptr(), y.as_mut_ptr());
        let va = _mm256_set1_ps(alpha);
        let mut k = 0;
        while k + 8 <= n {
            let v = _mm256_fmadd_ps(va, _mm256_loadu_ps(px.add(k)), _mm256_loadu_ps(py.add(k)));
            _mm256_storeu_ps(py.add(k), v);
            k += 8;
        }
        while k < n {
            y[k] += alpha * x[k];
            k += 1;
        }
    }
}

/// out += W x, W rows × cols.
fn matvec_add(out: &mut [f32], w: &[f32], cols: usize, x: &[f32]) {
    for (r, o) in out.iter_mut().enumerate() {
        *o += dot(&w[r * cols..(r + 1) * cols], x);
    }
}

/// out += Wᵀ v, W rows × cols.
fn matvec_t_add(out: &mut [f32], w: &[f32], cols: usize, v: &[f32]) {
    for (r, &vr) in v.iter().enumerate() {
        if vr != 0.0 {
            axpy(vr, &w[r * cols..(r + 1) * cols], out);
        }
    }
}

/// C (n × r) += X (n × k) Wᵀ, W (r × k) row-major: the forward pass's products, whose
/// sentence-long X is short. Four rows of W at a time are read against every row of X, so
/// that W is read once; a general product would copy (pack) all of W first, which for a
/// sentence of twenty words took longer than the arithmetic.
fn times_transposed(x: &[f32], k: usize, w: &[f32], c: &mut [f32]) {
    if k == 0 {
        return;
    }
    let n = x.len() / k;
    let r_total = w.len() / k;
    assert!(c.len() >= n * r_total);
    let mut r = 0;
    #[cfg(target_arch = "x86_64")]
    if simd::available() {
        while r + 4 <= r_total {
            let rows = &w[r * k..(r + 4) * k];
            let mut t = 0;
            while t + 2 <= n {
                // SAFETY: as in `dot`.
                let (s0, s1) = unsafe {
                    simd::dot4x2(
                        rows,
                        k,
                        &x[t * k..(t + 1) * k],
                        &x[(t + 1) * k..(t + 2) * k],
                    )
                };
                for (o, s) in c[t * r_total + r..t * r_total + r + 4].iter_mut().zip(s0) {
                    *o += s;
                }
                let next = (t + 1) * r_total + r;
                for (o, s) in c[next..next + 4].iter_mut().zip(s1) {
                    *o += s;
                }
                t += 2;
            }
            if t < n {
                // SAFETY: as in `dot`.
                let sums = unsafe { simd::dot4(rows, k, &x[t * k..(t + 1) * k]) };
                for (o, s) in c[t * r_total + r..t * r_total + r + 4].iter_mut().zip(sums) {
                    *o += s;
                }
            }
            r += 4;
        }
    }
    while r < r_total {
        let row = &w[r * k..(r + 1) * k];
        for t in 0..n {
            c[t * r_total + r] += dot(row, &x[t * k..(t + 1) * k]);
        }
        r += 1;
    }
}

/// A matrix in a slice: its (rows, columns) and the strides of a row and a column.
#[derive(Clone, Copy)]
struct Shape {
    rows: usize,
    cols: usize,
    row_stride: usize,
    col_stride: usize,
}

impl Shape {
    /// A row-major matrix.
    fn rows(rows: usize, cols: usize) -> Shape {
        Shape {
            rows,
            cols,
            row_stride: cols,
            col_stride: 1,
        }
    }

    /// The transpose of a row-major `rows` × `cols` matrix.
    fn transposed(rows: usize, cols: usize) -> Shape {
        Shape {
            rows: cols,
            cols: rows,
            row_stride: 1,
            col_stride: cols,
        }
    }

    /// The smallest slice length that holds the matrix.
    fn extent(&self) -> usize {
        if self.rows == 0 || self.cols == 0 {
            0
        } else {
            (self.rows - 1) * self.row_stride + (self.cols - 1) * self.col_stride + 1
        }
    }
}

/// C += A B, C row-major (A's rows × B's columns).
fn gemm(a: &[f32], sa: Shape, b: &[f32], sb: Shape, c: &mut [f32]) {
    assert_eq!(sa.cols, sb.rows);
    assert!(a.len() >= sa.extent() && b.len() >= sb.extent());
    assert!(c.len() >= sa.rows * sb.cols);
    if sa.rows == 0 || sb.cols == 0 || sa.cols == 0 {
        return;
    }
    // SAFETY: the asserts above keep every element the product reads or writes inside the
    // slices, and `c` does not overlap `a` or `b` (it is borrowed mutably).
    unsafe {
        matrixmultiply::sgemm(
            sa.rows,
            sa.cols,
            sb.cols,
            1.0,
            a.as_ptr(),
            sa.row_stride as isize,
            sa.col_stride as isize,
            b.as_ptr(),
            sb.row_stride as isize,
            sb.col_stride as isize,
            1.0,
            c.as_mut_ptr(),
            sb.cols as isize,
            1,
        );
    }
}

#[inline(always)]
fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 88.0);
    // n = x / ln 2 rounded to the nearest integer by the float adder (exact for |n| < 2^22),
    // and f = x - n ln 2 with ln 2 in two parts (Cody and Waite), which keeps f exact enough.
    let shifted = x * std::f32::consts::LOG2_E + 12_582_912.0;
    let n = shifted - 12_582_912.0;
    let f = x - n * 0.693_359_4 - n * -2.121_944_4e-4;
    // e^f for |f| <= ln 2 / 2, Taylor to the sixth power.
    let p = 1.0
        + f * (1.0
            + f * (0.5
                + f * (1.0 / 6.0 + f * (1.0 / 24.0 + f * (1.0 / 120.0 + f * (1.0 / 720.0))))));
    // 2^n from the bits of the shifted sum, which are those of 1.5 · 2^23 plus n: integer
    // steps that vectorise, where a cast of n to an integer would not.
    let two_n = (shifted
        .to_bits()
        .wrapping_sub(0x4B40_0000)
        .wrapping_add(127))
        << 23;
    f32::from_bits(two_n) * p
}

#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

#[inline(always)]
fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

/// What one LSTM direction kept from its forward pass, for the backward one.
struct LstmTrace {
    /// Gate activations per step: i, f, g, o (4H each).
    gates: Vec<f32>,
    /// Cell states per step (H each).
    cells: Vec<f32>,
    /// Outputs per step (H each).
    outs: Vec<f32>,
}

/// Runs one LSTM direction over sentences one after the other in `inputs` (rows of width
/// `input`; `lens` words each), all of them in step: at each step the recurrent weights are
/// read once for every sentence still running, not once a sentence, which is where a
/// sentence at a time spent its time (the weights do not stay in the cache between steps).
fn lstm_forward(
    p: &[f32],
    (wx, wh, b, input): (usize, usize, usize, usize),
    hidden: usize,
    inputs: &[f32],
    lens: &[usize],
    backward: bool,
) -> LstmTrace {
    let h4 = 4 * hidden;
    let total: usize = lens.iter().sum();
    let mut gates = vec![0.0f32; total * h4];
    let mut cells = vec![0.0f32; total * hidden];
    let mut outs = vec![0.0f32; total * hidden];
    let wx = &p[wx..wx + h4 * input];
    let wh = &p[wh..wh + h4 * hidden];
    let bias = &p[b..b + h4];
    // The inputs' part of every step's gates first, all the steps at once.
    for row in gates.chunks_exact_mut(h4) {
        row.copy_from_slice(bias);
    }
    times_transposed(&inputs[..total * input], input, wx, &mut gates);
    // The cell being computed, kept across steps.
    let mut cell = vec![0.0f32; hidden];
    let mut steps = Lockstep::new(lens, backward);
    for k in 0..steps.longest() {
        steps.step(k);
        let (running, recurrent) = (&steps.running, &steps.recurrent);
        recurrent_step(wh, hidden, recurrent, &outs, &mut gates);
        cell_steps(running, &mut gates, &mut cells, &mut outs, &mut cell);
    }
    LstmTrace { gates, cells, outs }
}

/// [`cell_step`] for each (row, the step before's row) of `running`, reading the rows' gates
/// and writing their cells and outputs (`cell` is scratch).
fn cell_steps(
    running: &[(usize, Option<usize>)],
    gates: &mut [f32],
    cells: &mut [f32],
    outs: &mut [f32],
    cell: &mut [f32],
) {
    let hidden = cell.len();
    let h4 = 4 * hidden;
    for &(t, prev) in running {
        let c_prev = prev.map(|pt| &cells[pt * hidden..(pt + 1) * hidden]);
        cell_step(
            &mut gates[t * h4..(t + 1) * h4],
            c_prev,
            cell,
            &mut outs[t * hidden..(t + 1) * hidden],
        );
        cells[t * hidden..(t + 1) * hidden].copy_from_slice(cell);
    }
}

/// Sentences read in step, one after the other in the rows (see [`lstm_forward`]): at each
/// step, (this step's row, the step before's row) of each sentence still running, and of those
/// past their first step. The lists are kept across steps.
struct Lockstep<'a> {
    lens: &'a [usize],
    starts: Vec<usize>,
    backward: bool,
    running: Vec<(usize, Option<usize>)>,
    recurrent: Vec<(usize, usize)>,
}

impl<'a> Lockstep<'a> {
    fn new(lens: &'a [usize], backward: bool) -> Lockstep<'a> {
        let mut at = 0;
        let starts = lens
            .iter()
            .map(|&n| {
                at += n;
                at - n
            })
            .collect();
        Lockstep {
            lens,
            starts,
            backward,
            running: Vec::with_capacity(lens.len()),
            recurrent: Vec::with_capacity(lens.len()),
        }
    }

    fn longest(&self) -> usize {
        self.lens.iter().copied().max().unwrap_or(0)
    }

    fn step(&mut self, k: usize) {
        self.running.clear();
        self.recurrent.clear();
        for (&start, &n) in self.starts.iter().zip(self.lens) {
            if k < n {
                let at = |k: usize| start + if self.backward { n - 1 - k } else { k };
                let prev = k.checked_sub(1).map(at);
                self.running.push((at(k), prev));
                if let Some(pt) = prev {
                    self.recurrent.push((at(k), pt));
                }
            }
        }
    }
}

/// [`lstm_forward`] for parsing, with eight-bit weights and inputs: each step's outputs.
fn lstm_quantized(
    (wx, wh, bias): &(QMatrix, QMatrix, Vec<f32>),
    hidden: usize,
    inputs: &QRows,
    lens: &[usize],
    backward: bool,
) -> Vec<f32> {
    let h4 = 4 * hidden;
    let total: usize = lens.iter().sum();
    let mut gates = vec![0.0f32; total * h4];
    for row in gates.chunks_exact_mut(h4) {
        row.copy_from_slice(bias);
    }
    wx.add_products(inputs, &mut gates);
    let mut outs = vec![0.0f32; total * hidden];
    let mut cells = vec![0.0f32; total * hidden];
    let mut outs_q = QRows::zeros(total, wh.input_width());
    let mut cell = vec![0.0f32; hidden];
    let mut steps = Lockstep::new(lens, backward);
    for k in 0..steps.longest() {
        steps.step(k);
        wh.add_products_to(&outs_q, &steps.recurrent, &mut gates);
        cell_steps(&steps.running, &mut gates, &mut cells, &mut outs, &mut cell);
        for &(t, _) in &steps.running {
            outs_q.set(t, &outs[t * hidden..(t + 1) * hidden]);
        }
    }
    outs
}

/// One LSTM cell's step: the gates' sums `z` (i, f, g, o) become their activations, `cell`
/// the new cell state (from `c_prev`, none at the first step) and `out` the output.
fn cell_step(z: &mut [f32], c_prev: Option<&[f32]>, cell: &mut [f32], out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if simd::available() {
        // SAFETY: the CPU has the features `simd` is compiled for.
        return unsafe { cell_step_avx2(z, c_prev, cell, out) };
    }
    cell_step_body(z, c_prev, cell, out)
}

/// [`cell_step`] compiled for AVX2, where its loops vectorise eight wide: the same operations
/// in the same order, so the same results.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn cell_step_avx2(z: &mut [f32], c_prev: Option<&[f32]>, cell: &mut [f32], out: &mut [f32]) {
    cell_step_body(z, c_prev, cell, out)
}

#[inline(always)]
fn cell_step_body(z: &mut [f32], c_prev: Option<&[f32]>, cell: &mut [f32], out: &mut [f32]) {
    let hidden = cell.len();
    let (ifg, o) = z.split_at_mut(3 * hidden);
    let (i_f, g) = ifg.split_at_mut(2 * hidden);
    // Gates i, f and o are sigmoids, g a tanh: loops of one kind each, which vectorise.
    for v in i_f.iter_mut() {
        *v = sigmoid(*v);
    }
    for v in g.iter_mut() {
        *v = tanh(*v);
    }
    for v in o.iter_mut() {
        *v = sigmoid(*v);
    }
    let (i, f) = i_f.split_at(hidden);
    match c_prev {
        Some(c_prev) => {
            for ((c, &fv), &cp) in cell.iter_mut().zip(f.iter()).zip(c_prev) {
                *c = fv * cp;
            }
        }
        None => cell.iter_mut().for_each(|c| *c = 0.0),
    }
    for ((c, &iv), &gv) in cell.iter_mut().zip(i.iter()).zip(g.iter()) {
        *c += iv * gv;
    }
    for ((h, &ov), &c) in out.iter_mut().zip(o.iter()).zip(cell.iter()) {
        *h = ov * tanh(c);
    }
}

/// Adds each sentence's recurrent part, `Wh` times the step before's output, to its gates:
/// `pairs` holds (this step's row, the step before's row) of each. Four rows of `Wh` at a
/// time are read against every sentence.
fn recurrent_step(
    wh: &[f32],
    hidden: usize,
    pairs: &[(usize, usize)],
    outs: &[f32],
    gates: &mut [f32],
) {
    let h4 = 4 * hidden;
    #[cfg(target_arch = "x86_64")]
    if simd::available() {
        for r in (0..h4).step_by(4) {
            let rows = &wh[r * hidden..(r + 4) * hidden];
            let mut two = pairs.chunks_exact(2);
            for pair in &mut two {
                let ((t0, p0), (t1, p1)) = (pair[0], pair[1]);
                // SAFETY: as in `dot`.
                let (s0, s1) = unsafe {
                    simd::dot4x2(
                        rows,
                        hidden,
                        &outs[p0 * hidden..(p0 + 1) * hidden],
                        &outs[p1 * hidden..(p1 + 1) * hidden],
                    )
                };
                for (o, s) in gates[t0 * h4 + r..t0 * h4 + r + 4].iter_mut().zip(s0) {
                    *o += s;
                }
                for (o, s) in gates[t1 * h4 + r..t1 * h4 + r + 4].iter_mut().zip(s1) {
                    *o += s;
                }
            }
            for &(t, pt) in two.remainder() {
                // SAFETY: as in `dot`.
                let sums =
                    unsafe { simd::dot4(rows, hidden, &outs[pt * hidden..(pt + 1) * hidden]) };
                for (o, s) in gates[t * h4 + r..t * h4 + r + 4].iter_mut().zip(sums) {
                    *o += s;
                }
            }
        }
        return;
    }
    for &(t, pt) in pairs {
        matvec_add(
            &mut gates[t * h4..(t + 1) * h4],
            wh,
            hidden,
            &outs[pt * hidden..(pt + 1) * hidden],
        );
    }
}

/// Backpropagates `d_outs` (T × H) through one LSTM direction, adding parameter gradients
/// into `g` and input gradients into `d_inputs` (T × input).
#[allow(clippy::too_many_arguments)]
fn lstm_backward(
    p: &[f32],
    g: &mut [f32],
    (wx, wh, b, input): (usize, usize, usize, usize),
    hidden: usize,
    inputs: &[f32],
    trace: &LstmTrace,
    d_outs: &[f32],
    d_inputs: &mut [f32],
    steps: usize,
    backward: bool,
) {
    let h4 = 4 * hidden;
    let mut dh_next = vec![0.0f32; hidden];
    let mut dc_next = vec![0.0f32; hidden];
    // Each step's gate gradients, and the output each step read from the step before it:
    // the weight gradients are their products over all the steps at once.
    let mut dz_all = vec![0.0f32; steps * h4];
    let mut before = vec![0.0f32; steps * hidden];
    for k in (0..steps).rev() {
        let t = if backward { steps - 1 - k } else { k };
        let prev = if k == 0 {
            None
        } else if backward {
            Some(t + 1)
        } else {
            Some(t - 1)
        };
        let gt = &trace.gates[t * h4..(t + 1) * h4];
        let dz = &mut dz_all[t * h4..(t + 1) * h4];
        for j in 0..hidden {
            let (i_g, f_g, g_g, o_g) = (
                gt[j],
                gt[hidden + j],
                gt[2 * hidden + j],
                gt[3 * hidden + j],
            );
            let c = trace.cells[t * hidden + j];
            let tc = tanh(c);
            let dh = d_outs[t * hidden + j] + dh_next[j];
            let d_o = dh * tc;
            let dc = dh * o_g * (1.0 - tc * tc) + dc_next[j];
            let c_prev = prev.map_or(0.0, |pt| trace.cells[pt * hidden + j]);
            dz[j] = dc * g_g * i_g * (1.0 - i_g);
            dz[hidden + j] = dc * c_prev * f_g * (1.0 - f_g);
            dz[2 * hidden + j] = dc * i_g * (1.0 - g_g * g_g);
            dz[3 * hidden + j] = d_o * o_g * (1.0 - o_g);
            dc_next[j] = dc * f_g;
        }
        dh_next.iter_mut().for_each(|v| *v = 0.0);
        if let Some(pt) = prev {
            before[t * hidden..(t + 1) * hidden]
                .copy_from_slice(&trace.outs[pt * hidden..(pt + 1) * hidden]);
            matvec_t_add(&mut dh_next, &p[wh..wh + h4 * hidden], hidden, dz);
        }
    }
    gemm(
        &dz_all,
        Shape::transposed(steps, h4),
        inputs,
        Shape::rows(steps, input),
        &mut g[wx..wx + h4 * input],
    );
    gemm(
        &dz_all,
        Shape::transposed(steps, h4),
        &before,
        Shape::rows(steps, hidden),
        &mut g[wh..wh + h4 * hidden],
    );
    for dz in dz_all.chunks_exact(h4) {
        axpy(1.0, dz, &mut g[b..b + h4]);
    }
    gemm(
        &dz_all,
        Shape::rows(steps, h4),
        &p[wx..wx + h4 * input],
        Shape::rows(h4, input),
        d_inputs,
    );
}

/// A dropout mask (scaled so that expectations match), or none.
fn mask(rng: &mut Option<Rng>, n: usize, rate: f32) -> Option<Vec<f32>> {
    let rng = rng.as_mut()?;
    if rate <= 0.0 {
        return None;
    }
    let keep = 1.0 / (1.0 - rate);
    Some(
        (0..n)
            .map(|_| {
                if (rng.unit() as f32) < rate {
                    0.0
                } else {
                    keep
                }
            })
            .collect(),
    )
}

fn apply(values: &mut [f32], m: &Option<Vec<f32>>) {
    if let Some(m) = m {
        values.iter_mut().zip(m).for_each(|(v, k)| *v *= k);
    }
}

/// Everything the forward pass of one sentence computed.
struct Forward {
    steps: usize,
    /// Inputs to each layer (after dropout), T × width.
    layer_inputs: Vec<Vec<f32>>,
    input_masks: Vec<Option<Vec<f32>>>,
    traces: Vec<[LstmTrace; 2]>,
    /// The top layer's reading after dropout, T × 2H.
    top: Vec<f32>,
    top_mask: Option<Vec<f32>>,
    dep: Vec<f32>,
    head: Vec<f32>,
    /// U · head, T × A.
    u_head: Vec<f32>,
    /// Each sentence's scores: `[i * n + j]` for word j as the head of word i.
    scores: Vec<Vec<f32>>,
}

impl NeuralHeads {
    fn encode(&self, forms: &[&str], tags: &[&str]) -> Encoded {
        let mut words = vec![ROOT];
        let mut tag_ids = vec![ROOT];
        for (f, t) in forms.iter().zip(tags) {
            words.push(*self.words.get(&f.to_lowercase()).unwrap_or(&UNKNOWN));
            tag_ids.push(*self.tags.get(*t).unwrap_or(&UNKNOWN));
        }
        Encoded {
            words,
            tags: tag_ids,
            heads: Vec::new(),
        }
    }

    /// The biaffine scores of each sentence (`lens` words, one after the other in `dep` and
    /// `head`), with `U · head` for each word, which training's backward pass reads.
    fn biaffine(&self, dep: &[f32], head: &[f32], lens: &[usize]) -> (Vec<f32>, Vec<Vec<f32>>) {
        let l = &self.layout;
        let p = &self.params;
        let a = l.arc_dim;
        let total: usize = lens.iter().sum();
        let mut u_head = vec![0.0f32; total * a];
        times_transposed(head, a, &p[l.biaffine..l.biaffine + a * a], &mut u_head);
        let hb = &p[l.head_bias..l.head_bias + a];
        let mut scores = Vec::with_capacity(lens.len());
        let mut start = 0;
        for &steps in lens {
            let words = start * a..(start + steps) * a;
            let head_terms: Vec<f32> = head[words.clone()]
                .chunks_exact(a)
                .map(|h| dot(hb, h))
                .collect();
            let mut sentence = vec![0.0f32; steps * steps];
            for row in sentence.chunks_exact_mut(steps) {
                row.copy_from_slice(&head_terms);
            }
            times_transposed(&dep[words.clone()], a, &u_head[words], &mut sentence);
            scores.push(sentence);
            start += steps;
        }
        (u_head, scores)
    }

    /// The embeddings of each sentence's words and tags, one row a word.
    fn embed(&self, sentences: &[&Encoded]) -> Vec<f32> {
        let l = &self.layout;
        let p = &self.params;
        let total: usize = sentences.iter().map(|s| s.words.len()).sum();
        let mut x = Vec::with_capacity(total * (l.word_dim + l.tag_dim));
        for s in sentences {
            for (&w, &t) in s.words.iter().zip(&s.tags) {
                let w = l.word_emb + w * l.word_dim;
                x.extend_from_slice(&p[w..w + l.word_dim]);
                let t = l.tag_emb + t * l.tag_dim;
                x.extend_from_slice(&p[t..t + l.tag_dim]);
            }
        }
        x
    }

    fn quantized(&self) -> &Quantized {
        self.quantized.get_or_init(|| {
            let l = &self.layout;
            let p = &self.params;
            let h = l.hidden;
            let lstm = l
                .lstm
                .iter()
                .map(|dirs| {
                    dirs.map(|(wx, wh, b, input)| {
                        (
                            QMatrix::new(&p[wx..wx + 4 * h * input], 4 * h, input),
                            QMatrix::new(&p[wh..wh + 4 * h * h], 4 * h, h),
                            p[b..b + 4 * h].to_vec(),
                        )
                    })
                })
                .collect();
            let (a, out) = (l.arc_dim, 2 * h);
            Quantized {
                lstm,
                dep: QMatrix::new(&p[l.dep_w..l.dep_w + a * out], a, out),
                head: QMatrix::new(&p[l.head_w..l.head_w + a * out], a, out),
            }
        })
    }

    /// The forward pass for parsing, with the eight-bit weights: each sentence's scores.
    fn scores_quantized(&self, sentences: &[&Encoded]) -> Vec<Vec<f32>> {
        let l = &self.layout;
        let p = &self.params;
        let q = self.quantized();
        let lens: Vec<usize> = sentences.iter().map(|s| s.words.len()).collect();
        let total: usize = lens.iter().sum();
        let h = l.hidden;
        let mut current = self.embed(sentences);
        let mut width = l.word_dim + l.tag_dim;
        for dirs in &q.lstm {
            let x = QRows::of(&current, width, dirs[0].0.input_width());
            let fwd = lstm_quantized(&dirs[0], h, &x, &lens, false);
            let bwd = lstm_quantized(&dirs[1], h, &x, &lens, true);
            let mut out = vec![0.0f32; total * 2 * h];
            for (t, row) in out.chunks_exact_mut(2 * h).enumerate() {
                row[..h].copy_from_slice(&fwd[t * h..(t + 1) * h]);
                row[h..].copy_from_slice(&bwd[t * h..(t + 1) * h]);
            }
            current = out;
            width = 2 * h;
        }
        let top = QRows::of(&current, width, q.dep.input_width());
        let a = l.arc_dim;
        let mut dep = vec![0.0f32; total * a];
        let mut head = vec![0.0f32; total * a];
        for (acts, m, b) in [(&mut dep, &q.dep, l.dep_b), (&mut head, &q.head, l.head_b)] {
            for row in acts.chunks_exact_mut(a) {
                row.copy_from_slice(&p[b..b + a]);
            }
            m.add_products(&top, acts);
            acts.iter_mut().for_each(|v| *v = v.max(0.0));
        }
        self.biaffine(&dep, &head, &lens).1
    }

    /// The forward pass over sentences read together (see [`lstm_forward`]); training reads
    /// one at a time, with dropout.
    fn forward(&self, sentences: &[&Encoded], rng: &mut Option<Rng>, dropout: f32) -> Forward {
        let l = &self.layout;
        let p = &self.params;
        let lens: Vec<usize> = sentences.iter().map(|s| s.words.len()).collect();
        let total: usize = lens.iter().sum();
        let x = self.embed(sentences);
        let mut layer_inputs = Vec::new();
        let mut input_masks = Vec::new();
        let mut traces = Vec::new();
        let mut current = x;
        let h = l.hidden;
        for dirs in &l.lstm {
            let m = mask(rng, current.len(), dropout);
            apply(&mut current, &m);
            let fwd = lstm_forward(p, dirs[0], h, &current, &lens, false);
            let bwd = lstm_forward(p, dirs[1], h, &current, &lens, true);
            let mut out = vec![0.0f32; total * 2 * h];
            for (t, row) in out.chunks_exact_mut(2 * h).enumerate() {
                row[..h].copy_from_slice(&fwd.outs[t * h..(t + 1) * h]);
                row[h..].copy_from_slice(&bwd.outs[t * h..(t + 1) * h]);
            }
            layer_inputs.push(current);
            input_masks.push(m);
            traces.push([fwd, bwd]);
            current = out;
        }
        let top_mask = mask(rng, current.len(), dropout);
        apply(&mut current, &top_mask);
        let top = current;
        let out = 2 * h;
        let a = l.arc_dim;
        let mut dep = vec![0.0f32; total * a];
        let mut head = vec![0.0f32; total * a];
        for (acts, w, b) in [
            (&mut dep, l.dep_w, l.dep_b),
            (&mut head, l.head_w, l.head_b),
        ] {
            for row in acts.chunks_exact_mut(a) {
                row.copy_from_slice(&p[b..b + a]);
            }
            times_transposed(&top, out, &p[w..w + a * out], acts);
            acts.iter_mut().for_each(|v| *v = v.max(0.0));
        }
        let (u_head, scores) = self.biaffine(&dep, &head, &lens);
        Forward {
            steps: total,
            layer_inputs,
            input_masks,
            traces,
            top,
            top_mask,
            dep,
            head,
            u_head,
            scores,
        }
    }

    /// Adds the gradient of the sentence's loss (times `scale`) into `g`; returns the loss
    /// and how many heads the scores got right.
    fn backward(&self, s: &Encoded, f: &Forward, g: &mut [f32], scale: f32) -> (f32, usize) {
        let l = &self.layout;
        let p = &self.params;
        let steps = f.steps;
        let a = l.arc_dim;
        let out = 2 * l.hidden;
        // Softmax over each word's candidate heads.
        let mut gs = vec![0.0f32; steps * steps];
        let mut loss = 0.0;
        let mut right = 0;
        for i in 1..steps {
            let row = &f.scores[0][i * steps..(i + 1) * steps];
            let mut max = f32::NEG_INFINITY;
            let mut best = 0;
            for (j, &v) in row.iter().enumerate() {
                if j != i && v > max {
                    max = v;
                    best = j;
                }
            }
            right += (best == s.heads[i]) as usize;
            let mut sum = 0.0;
            for (j, &v) in row.iter().enumerate() {
                if j != i {
                    sum += (v - max).exp();
                }
            }
            let gold = s.heads[i];
            loss += -(row[gold] - max - sum.ln());
            let gr = &mut gs[i * steps..(i + 1) * steps];
            for (j, &v) in row.iter().enumerate() {
                if j != i {
                    gr[j] = (v - max).exp() / sum * scale;
                }
            }
            gr[gold] -= scale;
        }
        // Biaffine.
        let mut d_dep = vec![0.0f32; steps * a];
        gemm(
            &gs,
            Shape::rows(steps, steps),
            &f.u_head,
            Shape::rows(steps, a),
            &mut d_dep,
        );
        let mut d_uhead = vec![0.0f32; steps * a];
        gemm(
            &gs,
            Shape::transposed(steps, steps),
            &f.dep,
            Shape::rows(steps, a),
            &mut d_uhead,
        );
        let mut col_sums = vec![0.0f32; steps];
        for row in gs.chunks_exact(steps) {
            axpy(1.0, row, &mut col_sums);
        }
        gemm(
            &d_uhead,
            Shape::transposed(steps, a),
            &f.head,
            Shape::rows(steps, a),
            &mut g[l.biaffine..l.biaffine + a * a],
        );
        let mut d_head = vec![0.0f32; steps * a];
        gemm(
            &d_uhead,
            Shape::rows(steps, a),
            &p[l.biaffine..l.biaffine + a * a],
            Shape::rows(a, a),
            &mut d_head,
        );
        for j in 0..steps {
            axpy(
                col_sums[j],
                &f.head[j * a..(j + 1) * a],
                &mut g[l.head_bias..l.head_bias + a],
            );
            axpy(
                col_sums[j],
                &p[l.head_bias..l.head_bias + a],
                &mut d_head[j * a..(j + 1) * a],
            );
        }
        // The two projections (ReLU).
        let mut d_top = vec![0.0f32; steps * out];
        for (acts, grads, w, b) in [
            (&f.dep, &mut d_dep, l.dep_w, l.dep_b),
            (&f.head, &mut d_head, l.head_w, l.head_b),
        ] {
            for (v, &act) in grads.iter_mut().zip(acts.iter()) {
                if act <= 0.0 {
                    *v = 0.0;
                }
            }
            gemm(
                grads,
                Shape::transposed(steps, a),
                &f.top,
                Shape::rows(steps, out),
                &mut g[w..w + a * out],
            );
            for row in grads.chunks_exact(a) {
                axpy(1.0, row, &mut g[b..b + a]);
            }
            gemm(
                grads,
                Shape::rows(steps, a),
                &p[w..w + a * out],
                Shape::rows(a, out),
                &mut d_top,
            );
        }
        apply(&mut d_top, &f.top_mask);
        // The LSTM layers, top down.
        let mut d_out = d_top;
        for (li, dirs) in l.lstm.iter().enumerate().rev() {
            let input = dirs[0].3;
            let mut d_in = vec![0.0f32; steps * input];
            let h = l.hidden;
            for (di, backward) in [(0usize, false), (1, true)] {
                let mut d_dir = vec![0.0f32; steps * h];
                for t in 0..steps {
                    d_dir[t * h..(t + 1) * h]
                        .copy_from_slice(&d_out[t * 2 * h + di * h..t * 2 * h + (di + 1) * h]);
                }
                lstm_backward(
                    p,
                    g,
                    dirs[di],
                    h,
                    &f.layer_inputs[li],
                    &f.traces[li][di],
                    &d_dir,
                    &mut d_in,
                    steps,
                    backward,
                );
            }
            apply(&mut d_in, &f.input_masks[li]);
            d_out = d_in;
        }
        // Embeddings.
        let width0 = l.word_dim + l.tag_dim;
        for t in 0..steps {
            let row = &d_out[t * width0..(t + 1) * width0];
            let w = l.word_emb + s.words[t] * l.word_dim;
            axpy(1.0, &row[..l.word_dim], &mut g[w..w + l.word_dim]);
            let tg = l.tag_emb + s.tags[t] * l.tag_dim;
            axpy(1.0, &row[l.word_dim..], &mut g[tg..tg + l.tag_dim]);
        }
        (loss, right)
    }

    /// Each word's head score: `scores[i][j]` for word `j` (0 the root) as the head of word
    /// `i` (1-based; row 0 unused).
    pub fn scores(&self, forms: &[&str], tags: &[&str]) -> Vec<Vec<f32>> {
        self.scores_many(&[(forms, tags)])
            .pop()
            .expect("one sentence")
    }

    /// [`NeuralHeads::scores`] of several sentences, read together: faster than one at a
    /// time (see [`lstm_forward`]).
    pub fn scores_many(&self, sentences: &[(&[&str], &[&str])]) -> Vec<Vec<Vec<f32>>> {
        let encoded: Vec<Encoded> = sentences
            .iter()
            .map(|(forms, tags)| self.encode(forms, tags))
            .collect();
        let refs: Vec<&Encoded> = encoded.iter().collect();
        let scores = if quantized::eight_bit() {
            self.scores_quantized(&refs)
        } else {
            self.forward(&refs, &mut None, 0.0).scores
        };
        scores
            .iter()
            .map(|flat| {
                let n = (flat.len() as f64).sqrt() as usize;
                flat.chunks_exact(n).map(<[f32]>::to_vec).collect()
            })
            .collect()
    }

    /// Each word's head (slot 0 unused): the maximum spanning tree over the scores, one word on
    /// the root.
    pub fn heads(&self, forms: &[&str], tags: &[&str]) -> Vec<usize> {
        tree_of(self.scores(forms, tags), None)
    }

    /// How many weights the scorer has.
    pub fn size(&self) -> usize {
        self.params.len()
    }

    /// Writes the scorer: its sizes, its words and tags, then its weights.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let l = &self.layout;
        for v in [l.word_dim, l.tag_dim, l.hidden, l.lstm.len(), l.arc_dim] {
            write_u32(out, v as u32)?;
        }
        for (table, n) in [(&self.words, l.words), (&self.tags, l.tags)] {
            let mut names = vec![""; n];
            for (w, &i) in table {
                names[i] = w;
            }
            write_u32(out, n as u32)?;
            for name in names {
                write_string(out, name)?;
            }
        }
        // The weights in half precision, which halves the file and moves no score that
        // matters (training ends by rounding them so, see `train`); the count's top bit says
        // so, as files written before it hold single precision.
        write_u32(out, self.params.len() as u32 | HALF_PRECISION)?;
        let mut bytes = Vec::with_capacity(2 * self.params.len());
        for &v in &self.params {
            bytes.extend_from_slice(&f32_to_f16(v).to_le_bytes());
        }
        out.write_all(&bytes)
    }

    /// Writes a heads file's body: the bonus of the transition model's arcs (see
    /// [`tree_of`]), then the scorer.
    pub fn write_with_bonus(&self, bonus: f32, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        write_u32(out, bonus.to_bits())?;
        self.write_to(out)
    }

    /// Reads what [`NeuralHeads::write_with_bonus`] wrote.
    pub fn read_with_bonus(input: &mut impl Read) -> io::Result<(NeuralHeads, f32)> {
        let bonus = f32::from_bits(read_u32(input)?);
        Ok((NeuralHeads::read_from(input)?, bonus))
    }

    /// Reads a scorer written by [`NeuralHeads::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<NeuralHeads> {
        let mut sizes = [0usize; 5];
        for v in &mut sizes {
            *v = read_u32(input)? as usize;
        }
        let [word_dim, tag_dim, hidden, layers, arc_dim] = sizes;
        let mut tables = Vec::new();
        for _ in 0..2 {
            let n = read_u32(input)? as usize;
            let mut table = HashMap::with_capacity(n);
            for i in 0..n {
                let name = read_string(input)?;
                if i > ROOT {
                    table.insert(name, i);
                }
            }
            tables.push((table, n));
        }
        let (tags, n_tags) = tables.pop().expect("two tables");
        let (words, n_words) = tables.pop().expect("two tables");
        let config = NeuralConfig {
            word_dim,
            tag_dim,
            hidden,
            layers,
            arc_dim,
            ..NeuralConfig::default()
        };
        let layout = Layout::new(n_words, n_tags, &config);
        let count = read_u32(input)?;
        let half = count & HALF_PRECISION != 0;
        let n = (count & !HALF_PRECISION) as usize;
        if n != layout.total {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "neural head scorer: weights do not match its sizes",
            ));
        }
        let params = if half {
            let mut bytes = vec![0u8; 2 * n];
            input.read_exact(&mut bytes)?;
            bytes
                .chunks_exact(2)
                .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
                .collect()
        } else {
            let mut bytes = vec![0u8; 4 * n];
            input.read_exact(&mut bytes)?;
            bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()
        };
        Ok(NeuralHeads {
            layout,
            params,
            words,
            tags,
            quantized: OnceLock::new(),
        })
    }

    /// A scorer with its weights at their starting values, reading `words` and `tags` (ids
    /// from 2: 0 is the unknown word or tag, 1 the root).
    fn initial(
        words: HashMap<String, usize>,
        tags: HashMap<String, usize>,
        config: &NeuralConfig,
        rng: &mut Rng,
    ) -> NeuralHeads {
        let layout = Layout::new(words.len() + 2, tags.len() + 2, config);
        let mut params = vec![0.0f32; layout.total];
        let init = |params: &mut [f32], start: usize, n: usize, fan: usize, rng: &mut Rng| {
            let bound = (6.0 / fan as f64).sqrt() as f32;
            for v in &mut params[start..start + n] {
                *v = ((rng.unit() as f32) * 2.0 - 1.0) * bound;
            }
        };
        init(
            &mut params,
            layout.word_emb,
            layout.words * config.word_dim,
            config.word_dim * 4,
            rng,
        );
        init(
            &mut params,
            layout.tag_emb,
            layout.tags * config.tag_dim,
            config.tag_dim * 4,
            rng,
        );
        let h = config.hidden;
        for dirs in &layout.lstm {
            for &(wx, wh, b, input) in dirs {
                init(&mut params, wx, 4 * h * input, 4 * h + input, rng);
                init(&mut params, wh, 4 * h * h, 5 * h, rng);
                // Forget gates start open.
                params[b + h..b + 2 * h].iter_mut().for_each(|v| *v = 1.0);
            }
        }
        let out = 2 * h;
        let a = config.arc_dim;
        init(&mut params, layout.dep_w, a * out, a + out, rng);
        init(&mut params, layout.head_w, a * out, a + out, rng);
        // The biaffine weights start at zero, as Dozat & Manning start them.
        NeuralHeads {
            layout,
            params,
            words,
            tags,
            quantized: OnceLock::new(),
        }
    }

    /// Trains a scorer on sentences (forms, predicted XPOS tags, gold heads), calling `report`
    /// after each epoch with the epoch, the mean loss a word, the share of heads the scores
    /// got right while training, and the scorer as it stands.
    pub fn train(
        train: &[(Vec<String>, Vec<String>, Vec<usize>)],
        config: &NeuralConfig,
        mut report: impl FnMut(usize, f32, f64, &NeuralHeads),
    ) -> NeuralHeads {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut tag_set: Vec<String> = Vec::new();
        for (forms, tags, _) in train {
            for f in forms {
                *counts.entry(f.to_lowercase()).or_default() += 1;
            }
            for t in tags {
                if !tag_set.contains(t) {
                    tag_set.push(t.clone());
                }
            }
        }
        let mut vocab: Vec<(&String, &usize)> = counts.iter().filter(|(_, &c)| c >= 2).collect();
        vocab.sort();
        let words: HashMap<String, usize> = vocab
            .iter()
            .enumerate()
            .map(|(i, (w, _))| ((*w).clone(), i + 2))
            .collect();
        tag_set.sort();
        let tags: HashMap<String, usize> = tag_set
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i + 2))
            .collect();
        let mut rng = Rng::new(config.seed);
        let mut model = NeuralHeads::initial(words, tags, config, &mut rng);
        let encoded: Vec<Encoded> = train
            .iter()
            .map(|(forms, tags, heads)| {
                let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
                let trefs: Vec<&str> = tags.iter().map(String::as_str).collect();
                let mut e = model.encode(&refs, &trefs);
                e.heads = std::iter::once(0).chain(heads.iter().copied()).collect();
                e
            })
            .collect();
        let word_counts: Vec<usize> = {
            let mut c = vec![0usize; model.layout.words];
            for e in &encoded {
                for &w in &e.words {
                    c[w] += 1;
                }
            }
            c
        };
        let total = model.layout.total;
        let mut m1 = vec![0.0f32; total];
        let mut m2 = vec![0.0f32; total];
        let (beta1, beta2, eps) = (0.9f32, 0.9f32, 1e-8f32);
        let mut step = 0i32;
        let mut order: Vec<usize> = (0..encoded.len()).collect();
        let threads = config.threads.max(1);
        for epoch in 0..config.epochs {
            rng.shuffle(&mut order);
            let mut epoch_loss = 0.0f64;
            let mut right = 0usize;
            let mut words_seen = 0usize;
            for batch in order.chunks(config.batch) {
                // Word dropout: a rare word is sometimes read as unknown, so that the unknown
                // word's embedding learns from words like those the parser has not seen.
                let mut dropped: Vec<Encoded> = Vec::with_capacity(batch.len());
                for &si in batch {
                    let e = &encoded[si];
                    let words = e
                        .words
                        .iter()
                        .map(|&w| {
                            let c = word_counts[w] as f64;
                            if w > ROOT && rng.unit() < 0.25 / (0.25 + c) {
                                UNKNOWN
                            } else {
                                w
                            }
                        })
                        .collect();
                    dropped.push(Encoded {
                        words,
                        tags: e.tags.clone(),
                        heads: e.heads.clone(),
                    });
                }
                let batch_words: usize = dropped.iter().map(|e| e.words.len() - 1).sum();
                let scale = 1.0 / batch_words as f32;
                let seeds: Vec<u64> = (0..threads).map(|_| rng.next()).collect();
                let per = dropped.len().div_ceil(threads);
                let parts: Vec<(Vec<f32>, f32, usize)> = std::thread::scope(|sc| {
                    let handles: Vec<_> = dropped
                        .chunks(per)
                        .zip(&seeds)
                        .map(|(chunk, &seed)| {
                            let model = &model;
                            sc.spawn(move || {
                                let mut g = vec![0.0f32; total];
                                let mut local = Some(Rng::new(seed));
                                let mut loss = 0.0;
                                let mut right = 0;
                                for e in chunk {
                                    let f = model.forward(&[e], &mut local, config.dropout);
                                    let (l, r) = model.backward(e, &f, &mut g, scale);
                                    loss += l;
                                    right += r;
                                }
                                (g, loss, right)
                            })
                        })
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("trainer thread"))
                        .collect()
                });
                let mut grad = vec![0.0f32; total];
                for (g, loss, r) in &parts {
                    axpy(1.0, g, &mut grad);
                    epoch_loss += *loss as f64;
                    right += r;
                }
                words_seen += batch_words;
                // Clip the gradient's norm at 5.
                let norm = grad.iter().map(|v| v * v).sum::<f32>().sqrt();
                if norm > 5.0 {
                    let k = 5.0 / norm;
                    grad.iter_mut().for_each(|v| *v *= k);
                }
                step += 1;
                let lr = config.learning_rate
                    * config.decay.powi(epoch as i32)
                    * (1.0 - beta2.powi(step)).sqrt()
                    / (1.0 - beta1.powi(step));
                for k in 0..total {
                    let gk = grad[k];
                    m1[k] = beta1 * m1[k] + (1.0 - beta1) * gk;
                    m2[k] = beta2 * m2[k] + (1.0 - beta2) * gk * gk;
                    model.params[k] -= lr * m1[k] / (m2[k].sqrt() + eps);
                }
            }
            // The eight-bit weights, if a report made them, are those of the epoch before.
            model.quantized = OnceLock::new();
            report(
                epoch,
                (epoch_loss / words_seen as f64) as f32,
                right as f64 / words_seen as f64,
                &model,
            );
        }
        // As the file keeps them (see `write_to`), so that the scorer trained is the one read.
        for v in &mut model.params {
            *v = f16_to_f32(f32_to_f16(*v));
        }
        model.quantized = OnceLock::new();
        model
    }
}

/// The tree (heads, slot 0 unused) of head scores from [`NeuralHeads::scores`], with each arc
/// of `other` (another parser's heads) worth `weight` more in log-probability.
pub fn tree_of(mut scores: Vec<Vec<f32>>, other: Option<(&[usize], f32)>) -> Vec<usize> {
    // Each word has one head, so a constant taken off a word's row changes neither which tree
    // is best nor which word the root takes: the rows need to be log-probabilities only for
    // another tree's bonus to weigh the same everywhere.
    let Some((heads, weight)) = other else {
        return super::vote::best_tree(&scores);
    };
    for (d, row) in scores.iter_mut().enumerate().skip(1) {
        let max = row
            .iter()
            .enumerate()
            .filter(|&(h, _)| h != d)
            .map(|(_, &v)| v)
            .fold(f32::NEG_INFINITY, f32::max);
        let sum: f32 = row
            .iter()
            .enumerate()
            .filter(|&(h, _)| h != d)
            .map(|(_, &v)| (v - max).exp())
            .sum();
        let norm = max + sum.ln();
        row.iter_mut().for_each(|v| *v -= norm);
        row[heads[d]] += weight;
    }
    super::vote::best_tree(&scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_config() -> NeuralConfig {
        NeuralConfig {
            epochs: 100,
            word_dim: 6,
            tag_dim: 3,
            hidden: 5,
            layers: 2,
            arc_dim: 8,
            batch: 2,
            learning_rate: 5e-3,
            dropout: 0.0,
            decay: 1.0,
            threads: 2,
            seed: 3,
        }
    }

    fn ids(names: &[&str]) -> HashMap<String, usize> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i + 2))
            .collect()
    }

    #[test]
    fn the_backward_pass_is_the_loss_gradient() {
        let mut rng = Rng::new(5);
        let mut model = NeuralHeads::initial(
            ids(&["envoys", "met", "rebels", "."]),
            ids(&["NNS", "VBD", "."]),
            &tiny_config(),
            &mut rng,
        );
        // Biaffine weights away from zero, so that every path carries a gradient, and the
        // projections' biases too, so that few of their units sit near the kink of the ReLU,
        // where a finite difference does not measure the gradient.
        let l = model.layout.clone();
        for k in l.biaffine..l.total {
            model.params[k] = (rng.unit() as f32 - 0.5) * 0.8;
        }
        for k in (l.dep_b..l.dep_b + l.arc_dim).chain(l.head_b..l.head_b + l.arc_dim) {
            model.params[k] = 0.5;
        }
        let mut s = model.encode(
            &["Envoys", "met", "rebels", "."],
            &["NNS", "VBD", "NNS", "."],
        );
        s.heads = vec![0, 2, 0, 2, 2];
        let loss_at = |m: &NeuralHeads| {
            let f = m.forward(&[&s], &mut None, 0.0);
            let mut g = vec![0.0f32; m.layout.total];
            m.backward(&s, &f, &mut g, 1.0).0
        };
        let f = model.forward(&[&s], &mut None, 0.0);
        let mut grad = vec![0.0f32; l.total];
        model.backward(&s, &f, &mut grad, 1.0);
        // Along the gradient of each block of weights (each embedding table, each LSTM
        // layer's and direction's input weights, recurrent weights and bias, the projections
        // and the biaffine), the loss changes as the gradient says it should.
        let mut blocks = vec![
            (l.word_emb, l.tag_emb),
            (l.tag_emb, l.lstm[0][0].0),
            (l.dep_w, l.dep_b),
            (l.dep_b, l.head_w),
            (l.head_w, l.head_b),
            (l.biaffine, l.head_bias),
            (l.head_bias, l.total),
        ];
        for dirs in &l.lstm {
            for &(wx, wh, b, _) in dirs {
                blocks.push((wx, wh));
                blocks.push((wh, b));
                blocks.push((b, b + 4 * l.hidden));
            }
        }
        let mut checked = 0;
        for (start, end) in blocks {
            let norm2: f32 = grad[start..end].iter().map(|g| g * g).sum();
            assert!(norm2 > 1e-6, "no gradient for weights {start}..{end}");
            let eps = 3e-3 / norm2.sqrt();
            let moved = |sign: f32| {
                let mut m = model.clone();
                for (w, g) in m.params[start..end].iter_mut().zip(&grad[start..end]) {
                    *w += sign * eps * g;
                }
                loss_at(&m)
            };
            let numeric = (moved(1.0) - moved(-1.0)) / (2.0 * eps);
            assert!(
                (numeric - norm2).abs() / norm2 < 0.01,
                "weights {start}..{end}: backward says {norm2}, finite difference {numeric}"
            );
            checked += 1;
        }
        assert_eq!(checked, 7 + 6 * l.lstm.len());
        // While every unit of the head projection is active, as the biases above make them,
        // its bias moves every candidate head's score alike, which the softmax over them does
        // not see.
        let head_bias: f32 = grad[l.head_b..l.biaffine].iter().map(|g| g * g).sum();
        assert!(head_bias < 1e-9);
    }

    #[test]
    fn a_small_treebank_is_learnt_and_survives_its_file() {
        // Subject-verb-object sentences of our own and two with a modifier.
        let rows: Vec<(Vec<&str>, Vec<&str>, Vec<usize>)> = vec![
            (
                vec!["Envoys", "met", "rebels", "."],
                vec!["NNS", "VBD", "NNS", "."],
                vec![2, 0, 2, 2],
            ),
            (
                vec!["Rebels", "freed", "hostages", "."],
                vec!["NNS", "VBD", "NNS", "."],
                vec![2, 0, 2, 2],
            ),
            (
                vec!["Troops", "left", "."],
                vec!["NNS", "VBD", "."],
                vec![2, 0, 2],
            ),
            (
                vec!["Angry", "farmers", "blocked", "roads", "."],
                vec!["JJ", "NNS", "VBD", "NNS", "."],
                vec![2, 3, 0, 3, 3],
            ),
            (
                vec!["Ministers", "signed", "new", "deals", "."],
                vec!["NNS", "VBD", "JJ", "NNS", "."],
                vec![2, 0, 4, 2, 2],
            ),
        ];
        let data: Vec<(Vec<String>, Vec<String>, Vec<usize>)> = rows
            .iter()
            .map(|(f, t, h)| {
                (
                    f.iter().map(|s| s.to_string()).collect(),
                    t.iter().map(|s| s.to_string()).collect(),
                    h.clone(),
                )
            })
            .collect();
        let mut losses = Vec::new();
        let model = NeuralHeads::train(&data, &tiny_config(), |_, loss, _, _| losses.push(loss));
        assert!(losses[losses.len() - 1] < losses[0] / 4.0, "{losses:?}");
        for (forms, tags, heads) in &rows {
            let parsed = model.heads(forms, tags);
            assert_eq!(&parsed[1..], heads.as_slice(), "{forms:?}");
        }
        // A sentence it has not seen, of a shape it has.
        let forms = ["Envoys", "freed", "farmers", "."];
        let tags = ["NNS", "VBD", "NNS", "."];
        assert_eq!(model.heads(&forms, &tags), vec![0, 2, 0, 2, 2]);
        // Read with other sentences, each sentence scores as it does alone.
        let other = (["Troops", "left", "."], ["NNS", "VBD", "."]);
        let together = model.scores_many(&[(&forms, &tags), (&other.0, &other.1)]);
        assert_eq!(together[0], model.scores(&forms, &tags));
        assert_eq!(together[1], model.scores(&other.0, &other.1));
        let mut bytes = Vec::new();
        model.write_to(&mut bytes).unwrap();
        let read = NeuralHeads::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(read.scores(&forms, &tags), model.scores(&forms, &tags));
        // Trained twice, the same weights.
        let again = NeuralHeads::train(&data, &tiny_config(), |_, _, _, _| {});
        assert_eq!(again.params, model.params);
        // The eight-bit weights score close to the float ones and choose the same heads,
        // whichever path this CPU parses with.
        let encoded = model.encode(&forms, &tags);
        let float = model.forward(&[&encoded], &mut None, 0.0).scores.remove(0);
        let eight = model.scores_quantized(&[&encoded]).remove(0);
        let n = forms.len() + 1;
        for (f, e) in float.chunks_exact(n).zip(eight.chunks_exact(n)) {
            let largest = f.iter().fold(1.0f32, |m, v| m.max(v.abs()));
            for (a, b) in f.iter().zip(e) {
                assert!((a - b).abs() < 0.05 * largest, "{f:?} vs {e:?}");
            }
        }
        let rows = |flat: &[f32]| flat.chunks_exact(n).map(<[f32]>::to_vec).collect();
        assert_eq!(tree_of(rows(&eight), None), tree_of(rows(&float), None));
    }
}

#[cfg(test)]
mod activation_tests {
    use super::*;

    #[test]
    fn the_activations_match_the_platforms() {
        for k in -2000..=2000 {
            let x = k as f32 / 100.0;
            let e = x.exp();
            assert!((exp(x) - e).abs() <= 1e-6 * e, "exp({x})");
            assert!(
                (sigmoid(x) - 1.0 / (1.0 + (-x).exp())).abs() < 1e-6,
                "sigmoid({x})"
            );
            assert!((tanh(x) - x.tanh()).abs() < 1e-6, "tanh({x})");
        }
        assert_eq!(exp(-200.0), exp(-87.0));
        assert!(sigmoid(-200.0) < 1e-30 && sigmoid(200.0) == 1.0);
    }
}
