//! Data embedded in the binary (models, dictionaries, the gazetteer) is read once, to be
//! unpacked into the structures that serve it; after that its pages are dead weight that the
//! kernel still counts as the process's resident memory until it needs them back (about 30 MB
//! of compressed models and dictionaries, a tenth of the pipeline's budget).

/// Tells the kernel that the pages of `bytes`, data embedded in the binary, are not needed
/// any more: they leave the process's resident memory. Reading `bytes` again stays correct
/// (the pages come back from the binary's file), only slower. Does nothing where the call is
/// not available.
pub fn release(bytes: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let Ok(page) = usize::try_from(page) else {
            return;
        };
        if page == 0 || !page.is_power_of_two() {
            return;
        }
        let start = (bytes.as_ptr() as usize).div_ceil(page) * page;
        let end = (bytes.as_ptr() as usize + bytes.len()) & !(page - 1);
        if end > start {
            // SAFETY: only whole pages inside `bytes` are named. `bytes` is a `'static`
            // read-only slice of the binary's file-backed, never-written data, so dropping
            // its pages cannot lose anything: a later read faults them in again from the file.
            // madvise changes no Rust-visible value.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

/// Reads data embedded in the binary and releases (see [`release`]) what it has read as it
/// goes, a mebibyte at a time: unpacking a model then holds a mebibyte of its compressed
/// pages resident rather than all of them, and models unpacked side by side do not add their
/// compressed sizes up. Releases the rest when dropped.
pub struct Reader {
    bytes: &'static [u8],
    position: usize,
    released: usize,
}

/// How much is read between two releases.
const RELEASE_EVERY: usize = 1 << 20;

impl Reader {
    /// A reader over `bytes`, from its start.
    pub fn new(bytes: &'static [u8]) -> Reader {
        Reader {
            bytes,
            position: 0,
            released: 0,
        }
    }
}

impl std::io::Read for Reader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = &self.bytes[self.position..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.position += n;
        if self.position - self.released >= RELEASE_EVERY {
            release(&self.bytes[self.released..self.position]);
            self.released = self.position;
        }
        Ok(n)
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        release(&self.bytes[self.released..]);
    }
}

#[cfg(test)]
mod tests {
    static DATA: [u8; 3 * 65536] = {
        let mut d = [0u8; 3 * 65536];
        let mut i = 0;
        while i < d.len() {
            d[i] = (i % 251) as u8;
            i += 1;
        }
        d
    };

    #[test]
    fn released_data_reads_the_same_afterwards() {
        let sum = |d: &[u8]| d.iter().map(|&b| b as u64).sum::<u64>();
        let before = sum(&DATA);
        super::release(&DATA);
        assert_eq!(sum(&DATA), before);
        assert!(DATA.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
        // Slices too small for a whole page are left alone.
        super::release(&DATA[5..100]);
        assert_eq!(DATA[99], 99);
    }

    #[test]
    fn a_reader_reads_all_the_data_in_order() {
        use std::io::Read;
        let mut out = Vec::new();
        let mut reader = super::Reader::new(&DATA);
        let mut buf = [0u8; 1000];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        drop(reader);
        assert_eq!(out, DATA);
        assert_eq!(DATA[65537], (65537 % 251) as u8);
    }
}
