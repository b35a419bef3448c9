//! Any bytes as a WARC archive (gzipped or not): records or error records, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = kestrel_core::ReadOptions {
        max_bytes: 1 << 20,
        ..Default::default()
    };
    let _ = kestrel_web::read_warc(
        Box::new(std::io::Cursor::new(data.to_vec())),
        "fuzz.warc",
        "fuzz",
        &options,
    );
});
