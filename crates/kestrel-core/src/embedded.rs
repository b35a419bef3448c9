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
}
