//! Little-endian helpers for model files.

use std::io::{self, Read, Write};

pub(crate) fn write_u32(out: &mut (impl Write + ?Sized), v: u32) -> io::Result<()> {
    out.write_all(&v.to_le_bytes())
}

pub(crate) fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

pub(crate) fn write_string(out: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    write_u32(out, s.len() as u32)?;
    out.write_all(s.as_bytes())
}

pub(crate) fn read_string(input: &mut impl Read) -> io::Result<String> {
    let n = read_u32(input)? as usize;
    if n > 1 << 20 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "string too long in model file",
        ));
    }
    let mut b = vec![0u8; n];
    input.read_exact(&mut b)?;
    String::from_utf8(b)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "model string is not UTF-8"))
}
