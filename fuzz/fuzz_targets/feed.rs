//! Any bytes as an RSS, Atom or JSON feed: items or an error record, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kestrel_web::read_feed(
        Box::new(std::io::Cursor::new(data.to_vec())),
        "fuzz.xml",
        "fuzz",
        &kestrel_core::ReadOptions::default(),
    );
});
