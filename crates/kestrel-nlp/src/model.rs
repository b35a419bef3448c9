//! Model files: a gzip stream holding a magic tag, a format version, the component kind,
//! a JSON metadata block, then the component's own bytes.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use crate::io_util::{read_u32, write_u32};

const MAGIC: &[u8; 8] = b"KESTREL\0";
/// The model file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// What a model file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    /// The part-of-speech tagger.
    Tagger = 1,
    /// The lemmatizer and feature guesser.
    Lemmatizer = 2,
    /// The dependency parser.
    Parser = 3,
    /// The named entity recogniser.
    Ner = 4,
    /// The parser's neural head scorer (`heads.bin.gz`), kept apart from the parser so that
    /// a model set can go with or without it.
    Heads = 5,
}

/// Facts about how a model was made, stored in its file and in `meta.json` beside it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ModelMeta {
    /// Component name.
    pub component: String,
    /// Training file name.
    pub train_file: String,
    /// FNV-1a hash of the training file's bytes, hex.
    pub train_hash: String,
    /// Development file name, when one was given.
    pub dev_file: Option<String>,
    /// The feature set's name and version.
    pub features: String,
    /// The training settings, as text.
    pub settings: String,
    /// Scores on the development file (from gold tokens), as fractions.
    pub dev_scores: std::collections::BTreeMap<String, f64>,
    /// Licence of the training data, which the model inherits.
    pub licence: String,
}

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Not a Kestrel model file.
    #[error("not a Kestrel model file (bad magic bytes); was it written by `kestrel train`?")]
    NotAModel,
    /// A format version this build cannot read.
    #[error("model format version {found} is not supported (this build reads version {FORMAT_VERSION}); retrain it with this build's `kestrel train`")]
    Version {
        /// The version in the file.
        found: u32,
    },
    /// A model of another component.
    #[error("expected a {expected:?} model, found component {found}")]
    Component {
        /// What was asked for.
        expected: Component,
        /// What the file holds.
        found: u32,
    },
    /// Reading failed.
    #[error("cannot read model: {0}")]
    Io(#[from] io::Error),
    /// The metadata block is not valid JSON.
    #[error("model metadata is not valid: {0}")]
    Meta(#[from] serde_json::Error),
}

/// Writes a model file: header, metadata, then `body`'s bytes, gzip-compressed.
pub fn write_model(
    out: impl Write,
    component: Component,
    meta: &ModelMeta,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(out, flate2::Compression::best());
    gz.write_all(MAGIC)?;
    write_u32(&mut gz, FORMAT_VERSION)?;
    write_u32(&mut gz, component as u32)?;
    let json = serde_json::to_vec(meta).map_err(io::Error::other)?;
    write_u32(&mut gz, json.len() as u32)?;
    gz.write_all(&json)?;
    body(&mut gz)?;
    gz.finish()?;
    Ok(())
}

/// Opens a model file, checks its header, and returns the metadata and a reader positioned
/// at the component's bytes.
pub fn read_model<'a>(
    input: impl Read + 'a,
    component: Component,
) -> Result<(ModelMeta, impl Read + 'a), ModelError> {
    let mut gz = io::BufReader::with_capacity(1 << 16, flate2::read::GzDecoder::new(input));
    let mut magic = [0u8; 8];
    gz.read_exact(&mut magic)
        .map_err(|_| ModelError::NotAModel)?;
    if &magic != MAGIC {
        return Err(ModelError::NotAModel);
    }
    let version = read_u32(&mut gz)?;
    if version != FORMAT_VERSION {
        return Err(ModelError::Version { found: version });
    }
    let found = read_u32(&mut gz)?;
    if found != component as u32 {
        return Err(ModelError::Component {
            expected: component,
            found,
        });
    }
    let n = read_u32(&mut gz)? as usize;
    let mut json = vec![0u8; n];
    gz.read_exact(&mut json)?;
    Ok((serde_json::from_slice(&json)?, gz))
}

/// FNV-1a over bytes, as hex: a stable fingerprint of training data.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_header_round_trip_and_checks() {
        let meta = ModelMeta {
            component: "tagger".into(),
            ..ModelMeta::default()
        };
        let mut bytes = Vec::new();
        write_model(&mut bytes, Component::Tagger, &meta, |w| {
            w.write_all(b"payload")
        })
        .unwrap();
        let (m, mut r) = read_model(bytes.as_slice(), Component::Tagger).unwrap();
        assert_eq!(m, meta);
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"payload");
        assert!(matches!(
            read_model(bytes.as_slice(), Component::Parser),
            Err(ModelError::Component { .. })
        ));
        assert!(matches!(
            read_model(&b"not gzip"[..], Component::Tagger),
            Err(ModelError::NotAModel)
        ));
    }
}
