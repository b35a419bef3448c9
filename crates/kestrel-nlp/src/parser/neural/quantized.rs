//! The scorer's products in eight bits, for parsing: each weight row kept as `i8` with a scale
//! of its own, each activation row as `u8` (offset by 128) with a scale of its own, and their
//! dot products summed exactly in `i32` by the CPU's VNNI instruction (`vpdpbusd`, 32
//! multiply-adds in one instruction, against 8 for a float one). Where the CPU lacks VNNI the
//! scorer keeps its float path (see `NeuralHeads::scores_many`).
//!
//! The weights are packed so that no product needs a horizontal sum: a block of 32 bytes holds
//! 8 rows' weights for 4 consecutive inputs, and the 4 input bytes are broadcast to the 8 lanes.

/// Whether parsing reads the eight-bit weights: where the CPU has VNNI, unless the
/// environment variable `KESTREL_NO_VNNI` is set (to compare with the float path).
pub(super) fn eight_bit() -> bool {
    #[cfg(target_arch = "x86_64")]
    return vnni::kind().is_some();
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// A weight matrix in 8 bits.
#[derive(Clone, Debug)]
pub(super) struct QMatrix {
    rows: usize,
    /// Input blocks of 4 (the input width rounded up to a multiple of 4, over 4).
    blocks: usize,
    /// Groups of 8 rows (the last padded with zero rows).
    groups: usize,
    /// `[group][block]` 32-byte blocks: byte `r * 4 + j` is row `group * 8 + r`, input
    /// `block * 4 + j`.
    packed: Vec<i8>,
    /// Each row's scale: its weights are `packed * scale`.
    scales: Vec<f32>,
    /// 128 times each row's sum of `packed`, taken off its sums to undo the inputs' offset.
    offsets: Vec<i32>,
}

impl QMatrix {
    /// `w`: `rows` × `cols`, row-major.
    pub(super) fn new(w: &[f32], rows: usize, cols: usize) -> QMatrix {
        let blocks = cols.div_ceil(4);
        let groups = rows.div_ceil(8);
        let mut packed = vec![0i8; groups * blocks * 32];
        let mut scales = vec![0.0f32; rows];
        let mut offsets = vec![0i32; rows];
        for r in 0..rows {
            let row = &w[r * cols..(r + 1) * cols];
            let max = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            scales[r] = scale;
            let (g, lane) = (r / 8, r % 8);
            let mut sum = 0i32;
            for (k, &v) in row.iter().enumerate() {
                let q = (v / scale).round().clamp(-127.0, 127.0) as i8;
                packed[(g * blocks + k / 4) * 32 + lane * 4 + k % 4] = q;
                sum += q as i32;
            }
            offsets[r] = 128 * sum;
        }
        QMatrix {
            rows,
            blocks,
            groups,
            packed,
            scales,
            offsets,
        }
    }

    /// The width of the input rows it reads, in bytes.
    pub(super) fn input_width(&self) -> usize {
        4 * self.blocks
    }

    /// `out[t]` (rows of `self.rows`) += W times input row `t`, for every row of `x`.
    pub(super) fn add_products(&self, x: &QRows, out: &mut [f32]) {
        let rows: Vec<(usize, usize)> = (0..x.len()).map(|t| (t, t)).collect();
        self.add_products_to(x, &rows, out);
    }

    /// `out[o]` (rows of `self.rows`) += W times input row `i`, for each `(o, i)` of `rows`:
    /// two at a time, each block of W read once for both.
    pub(super) fn add_products_to(&self, x: &QRows, rows: &[(usize, usize)], out: &mut [f32]) {
        let half = 8 * self.groups;
        let mut acc = vec![0i32; 2 * half];
        for pair in rows.chunks(2) {
            let (o0, i0) = pair[0];
            let (o1, i1) = *pair.get(1).unwrap_or(&pair[0]);
            self.sums(x.row(i0), x.row(i1), &mut acc);
            self.add_scaled(&acc[..half], x.scales[i0], &mut out[o0 * self.rows..]);
            if pair.len() == 2 {
                self.add_scaled(&acc[half..], x.scales[i1], &mut out[o1 * self.rows..]);
            }
        }
    }

    /// The exact integer sums of every (padded) row with `x0` and with `x1`, into `acc`
    /// (`8 * groups` for `x0`, then as many for `x1`).
    pub(super) fn sums(&self, x0: &[u8], x1: &[u8], acc: &mut [i32]) {
        assert!(x0.len() >= 4 * self.blocks && x1.len() >= 4 * self.blocks);
        assert!(acc.len() >= 16 * self.groups);
        #[cfg(target_arch = "x86_64")]
        match vnni::kind() {
            // SAFETY: the CPU has the features each kernel is compiled for, and the asserts
            // above keep its reads and writes inside the slices.
            Some(vnni::Kind::Avx) => return unsafe { vnni::sums_avx(self, x0, x1, acc) },
            Some(vnni::Kind::Avx512) => return unsafe { vnni::sums_avx512(self, x0, x1, acc) },
            None => {}
        }
        self.sums_portable(x0, x1, acc);
    }

    /// [`QMatrix::sums`] in plain Rust: the same integers.
    pub(super) fn sums_portable(&self, x0: &[u8], x1: &[u8], acc: &mut [i32]) {
        let half = 8 * self.groups;
        acc[..2 * half].iter_mut().for_each(|v| *v = 0);
        for g in 0..self.groups {
            for b in 0..self.blocks {
                let block = &self.packed[(g * self.blocks + b) * 32..][..32];
                for lane in 0..8 {
                    for j in 0..4 {
                        let w = block[lane * 4 + j] as i32;
                        acc[g * 8 + lane] += w * x0[b * 4 + j] as i32;
                        acc[half + g * 8 + lane] += w * x1[b * 4 + j] as i32;
                    }
                }
            }
        }
    }

    /// `out[r] += x_scale * scale[r] * (sum[r] - offset[r])`.
    pub(super) fn add_scaled(&self, sums: &[i32], x_scale: f32, out: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if vnni::kind().is_some() {
            // SAFETY: a CPU with VNNI has AVX2.
            return unsafe { self.add_scaled_avx2(sums, x_scale, out) };
        }
        self.add_scaled_body(sums, x_scale, out)
    }

    /// [`QMatrix::add_scaled`] compiled for AVX2, where it vectorises eight wide (the same
    /// operations, so the same results).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_scaled_avx2(&self, sums: &[i32], x_scale: f32, out: &mut [f32]) {
        self.add_scaled_body(sums, x_scale, out)
    }

    #[inline(always)]
    fn add_scaled_body(&self, sums: &[i32], x_scale: f32, out: &mut [f32]) {
        for (((o, &s), &w), &off) in out[..self.rows]
            .iter_mut()
            .zip(sums)
            .zip(&self.scales)
            .zip(&self.offsets)
        {
            *o += x_scale * w * (s - off) as f32;
        }
    }
}

/// Rows of activations in 8 bits: `u8` values `q + 128` with `q` in -127..=127, and a scale
/// a row (the row is `q * scale`).
#[derive(Clone, Debug, Default)]
pub(super) struct QRows {
    width: usize,
    values: Vec<u8>,
    scales: Vec<f32>,
}

impl QRows {
    /// `n` rows of `width` bytes (a multiple of 4), all zero.
    pub(super) fn zeros(n: usize, width: usize) -> QRows {
        QRows {
            width,
            values: vec![128; n * width],
            scales: vec![0.0; n],
        }
    }

    /// The rows of `x` (`cols` floats each), each to `width` bytes.
    pub(super) fn of(x: &[f32], cols: usize, width: usize) -> QRows {
        let n = x.len().checked_div(cols).unwrap_or(0);
        let mut rows = QRows::zeros(n, width);
        for t in 0..n {
            rows.set(t, &x[t * cols..(t + 1) * cols]);
        }
        rows
    }

    pub(super) fn len(&self) -> usize {
        self.scales.len()
    }

    pub(super) fn row(&self, t: usize) -> &[u8] {
        &self.values[t * self.width..(t + 1) * self.width]
    }

    /// Row `t` becomes `x`, scaled to its largest magnitude.
    pub(super) fn set(&mut self, t: usize, x: &[f32]) {
        #[cfg(target_arch = "x86_64")]
        if vnni::kind().is_some() {
            // SAFETY: a CPU with VNNI has AVX2.
            return unsafe { self.set_avx2(t, x) };
        }
        self.set_body(t, x)
    }

    /// [`QRows::set`] compiled for AVX2 (the same operations, so the same results).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn set_avx2(&mut self, t: usize, x: &[f32]) {
        self.set_body(t, x)
    }

    #[inline(always)]
    fn set_body(&mut self, t: usize, x: &[f32]) {
        let max = x.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        let row = &mut self.values[t * self.width..(t + 1) * self.width];
        if max == 0.0 {
            row.iter_mut().for_each(|v| *v = 128);
            self.scales[t] = 0.0;
            return;
        }
        let inverse = 127.0 / max;
        // v * inverse is within ±127: added to 1.5 · 2^23 + 128, it is rounded by the adder
        // and 128 plus it is the sum's low byte. `round` and casts would not vectorise.
        for (q, &v) in row.iter_mut().zip(x) {
            *q = ((v * inverse + 12_583_040.0).to_bits() & 0xFF) as u8;
        }
        self.scales[t] = max / 127.0;
    }
}

#[cfg(target_arch = "x86_64")]
pub(super) mod vnni {
    use std::arch::asm;
    use std::arch::x86_64::*;
    use std::sync::OnceLock;

    use super::QMatrix;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(in super::super) enum Kind {
        /// AVX-VNNI (Intel since Alder Lake, AMD since Zen 5).
        Avx,
        /// AVX-512 VNNI on 256-bit registers (Intel since Ice Lake, AMD Zen 4).
        Avx512,
    }

    pub(in super::super) fn kind() -> Option<Kind> {
        static KIND: OnceLock<Option<Kind>> = OnceLock::new();
        *KIND.get_or_init(|| {
            if std::env::var_os("KESTREL_NO_VNNI").is_some() || !is_x86_feature_detected!("avx2") {
                None
            } else if avx_vnni() {
                Some(Kind::Avx)
            } else if is_x86_feature_detected!("avx512vnni") && is_x86_feature_detected!("avx512vl")
            {
                Some(Kind::Avx512)
            } else {
                None
            }
        })
    }

    /// AVX-VNNI, read from CPUID (leaf 7, subleaf 1, EAX bit 4), as the toolchains we
    /// support cannot name it to `is_x86_feature_detected!`.
    pub(in super::super) fn avx_vnni() -> bool {
        // SAFETY: CPUID is on every x86-64 CPU; leaf 7 is asked only where leaf 0 lists it.
        // (Newer toolchains call these functions safe.)
        #[allow(unused_unsafe)]
        unsafe {
            __cpuid(0).eax >= 7
                && __cpuid_count(7, 0).eax >= 1
                && __cpuid_count(7, 1).eax & (1 << 4) != 0
        }
    }

    // `vpdpbusd` in assembly: its intrinsics need a newer toolchain than the one we support.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn dpbusd_vex(acc: __m256i, x: __m256i, w: __m256i) -> __m256i {
        let mut acc = acc;
        asm!("{{vex}} vpdpbusd {acc}, {x}, {w}", acc = inout(ymm_reg) acc, x = in(ymm_reg) x,
             w = in(ymm_reg) w, options(pure, nomem, nostack, preserves_flags));
        acc
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn dpbusd_evex(acc: __m256i, x: __m256i, w: __m256i) -> __m256i {
        let mut acc = acc;
        asm!("{{evex}} vpdpbusd {acc}, {x}, {w}", acc = inout(ymm_reg) acc, x = in(ymm_reg) x,
             w = in(ymm_reg) w, options(pure, nomem, nostack, preserves_flags));
        acc
    }

    /// The kernel, once for each encoding: four groups of 8 rows against both inputs at a
    /// time, eight accumulators, which keeps both multiply units busy.
    macro_rules! sums_kernel {
        ($name:ident, $dpbusd:ident) => {
            #[target_feature(enable = "avx2")]
            pub(in super::super) unsafe fn $name(
                m: &QMatrix,
                x0: &[u8],
                x1: &[u8],
                acc: &mut [i32],
            ) {
                let (blocks, groups) = (m.blocks, m.groups);
                let w = m.packed.as_ptr();
                let (p0, p1) = (x0.as_ptr(), x1.as_ptr());
                let out = acc.as_mut_ptr();
                let half = 8 * groups;
                let mut g = 0;
                while g < groups {
                    let take = (groups - g).min(4);
                    let mut a0 = [_mm256_setzero_si256(); 4];
                    let mut a1 = [_mm256_setzero_si256(); 4];
                    for b in 0..blocks {
                        let v0 = _mm256_set1_epi32((p0.add(4 * b) as *const i32).read_unaligned());
                        let v1 = _mm256_set1_epi32((p1.add(4 * b) as *const i32).read_unaligned());
                        // Four as a constant, which keeps the accumulators in registers;
                        // the last groups, fewer than four, as a count.
                        if take == 4 {
                            for i in 0..4 {
                                let wv = _mm256_loadu_si256(
                                    w.add(((g + i) * blocks + b) * 32) as *const __m256i
                                );
                                a0[i] = $dpbusd(a0[i], v0, wv);
                                a1[i] = $dpbusd(a1[i], v1, wv);
                            }
                        } else {
                            for i in 0..take {
                                let wv = _mm256_loadu_si256(
                                    w.add(((g + i) * blocks + b) * 32) as *const __m256i
                                );
                                a0[i] = $dpbusd(a0[i], v0, wv);
                                a1[i] = $dpbusd(a1[i], v1, wv);
                            }
                        }
                    }
                    for i in 0..take {
                        _mm256_storeu_si256(out.add((g + i) * 8) as *mut __m256i, a0[i]);
                        _mm256_storeu_si256(out.add(half + (g + i) * 8) as *mut __m256i, a1[i]);
                    }
                    g += take;
                }
            }
        };
    }

    sums_kernel!(sums_avx, dpbusd_vex);
    sums_kernel!(sums_avx512, dpbusd_evex);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn random(n: usize, rng: &mut Rng) -> Vec<f32> {
        (0..n).map(|_| rng.unit() as f32 * 2.0 - 1.0).collect()
    }

    #[test]
    fn the_kernel_sums_as_plain_rust_does() {
        let mut rng = Rng::new(9);
        // Row and column counts that leave partial groups and blocks.
        for (rows, cols) in [(8, 4), (37, 13), (64, 130), (5, 3)] {
            let m = QMatrix::new(&random(rows * cols, &mut rng), rows, cols);
            let x = QRows::of(&random(2 * cols, &mut rng), cols, m.input_width());
            let mut fast = vec![7i32; 16 * m.groups];
            let mut plain = vec![-3i32; 16 * m.groups];
            m.sums(x.row(0), x.row(1), &mut fast);
            m.sums_portable(x.row(0), x.row(1), &mut plain);
            assert_eq!(fast, plain, "{rows} x {cols}");
            // Both encodings, where this CPU has them.
            #[cfg(target_arch = "x86_64")]
            {
                let mut other = vec![0i32; 16 * m.groups];
                if vnni::kind().is_some() && vnni::avx_vnni() {
                    // SAFETY: the CPU has AVX-VNNI.
                    unsafe { vnni::sums_avx(&m, x.row(0), x.row(1), &mut other) };
                    assert_eq!(other, plain, "AVX-VNNI, {rows} x {cols}");
                }
                if vnni::kind().is_some()
                    && is_x86_feature_detected!("avx512vnni")
                    && is_x86_feature_detected!("avx512vl")
                {
                    // SAFETY: the CPU has AVX-512 VNNI on 256-bit registers.
                    unsafe { vnni::sums_avx512(&m, x.row(0), x.row(1), &mut other) };
                    assert_eq!(other, plain, "AVX-512 VNNI, {rows} x {cols}");
                }
            }
        }
    }

    #[test]
    fn eight_bit_products_are_close_to_the_float_ones() {
        let mut rng = Rng::new(4);
        let (rows, cols, n) = (19, 70, 5);
        let w = random(rows * cols, &mut rng);
        let x: Vec<f32> = random(n * cols, &mut rng).iter().map(|v| v * 3.0).collect();
        let m = QMatrix::new(&w, rows, cols);
        let q = QRows::of(&x, cols, m.input_width());
        let mut out = vec![0.5f32; n * rows];
        m.add_products(&q, &mut out);
        for t in 0..n {
            for r in 0..rows {
                let exact: f32 = (0..cols).map(|k| w[r * cols + k] * x[t * cols + k]).sum();
                let got = out[t * rows + r] - 0.5;
                // Each product is off by at most half a step of each side's scale.
                assert!((got - exact).abs() < 0.15, "{got} vs {exact}");
            }
        }
        // A row of zeros reads as zeros.
        let zero = QRows::of(&vec![0.0; cols], cols, m.input_width());
        let mut out = vec![0.0f32; rows];
        m.add_products(&zero, &mut out);
        assert!(out.iter().all(|&v| v == 0.0));
    }
}
