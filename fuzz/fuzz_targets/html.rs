//! Any bytes as an HTML page: extraction must return, never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (html, _) = kestrel_core::ingest::decode(data);
    let _ = kestrel_web::extract(&html, Some("https://example.org/2024/03/05/a"));
});
