//! Feature hashing. Features are tuples of small integers (a template id, word and tag ids)
//! mixed into one `u64`; strings are hashed once per token, never inside a decoder's loop.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one more value into a running hash.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// The hash of a feature made of a template id and values.
#[inline]
pub fn feature(template: u64, values: &[u64]) -> u64 {
    let mut h = mix(0x9e37_79b9_7f4a_7c15, template);
    for &v in values {
        h = mix(h, v);
    }
    // Final avalanche so that nearby tuples land far apart in a hash map.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// A stable 64-bit hash of a string (FNV-1a); stable across runs and platforms, so that
/// models saved on one machine load on another.
pub fn string(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Continues a [`string`] hash over more bytes: `string_continue(string(a), b)` equals
/// `string(a + b)`.
pub fn string_continue(mut h: u64, s: &str) -> u64 {
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// `HashMap` build-hasher for pre-hashed keys.
pub type BuildPassThrough = BuildHasherDefault<PassThrough>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_string_continues() {
        assert_eq!(string_continue(string("="), "Lima"), string("=Lima"));
        assert_ne!(feature(1, &[2, 3]), feature(1, &[3, 2]));
    }
}
