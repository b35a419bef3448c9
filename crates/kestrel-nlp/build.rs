// Embeds the shipped models when they are present, so that a checkout without them (while
// they are being retrained) still builds; `Models::builtin` then says how to make them.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(kestrel_models)");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_ewt");
    let files = ["tagger.bin.gz", "lemmatizer.bin.gz", "parser.bin.gz"];
    for f in files {
        println!("cargo::rerun-if-changed={}", dir.join(f).display());
    }
    if files.iter().all(|f| dir.join(f).exists()) {
        println!("cargo::rustc-cfg=kestrel_models");
    }
    println!("cargo::rustc-check-cfg=cfg(kestrel_ner)");
    println!(
        "cargo::rerun-if-changed={}",
        dir.join("ner.bin.gz").display()
    );
    if dir.join("ner.bin.gz").exists() {
        println!("cargo::rustc-cfg=kestrel_ner");
    }
}
