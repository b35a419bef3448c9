//! The decompressed stream of a gzip file made of many members, as crawlers write WARC
//! archives (one member per record), that steps over a member that does not decompress
//! instead of ending there: one damaged record then costs that record, not the rest of the
//! archive. `flate2`'s `MultiGzDecoder` stops at the first damaged member, and a deflate
//! stream cannot be resynchronised from inside, so each member is decoded whole before its
//! bytes are handed on, and after a damaged one reading starts again at the next gzip header
//! found after the damaged member's own. Of a damaged member's bytes, the whole records before
//! its last record start are kept: a whole archive gzipped as one member keeps the records
//! before the damage, as it did when read as one stream.

use std::io::{self, BufRead, Read};
use std::sync::{Arc, Mutex};

use flate2::bufread::GzDecoder;

/// Members whose decompressed bytes run past this are streamed rather than held, as a whole
/// archive gzipped in one member is: such a member cannot be stepped over if it is damaged.
const MEMBER_BUFFER: u64 = 64 << 20;

/// A gzip member starts with these bytes (magic number, deflate method).
const MEMBER_START: [u8; 3] = [0x1f, 0x8b, 0x08];

/// The raw compressed bytes, which can record what a member's decoder consumes and give it
/// back to be read again.
struct Raw<R> {
    inner: R,
    /// Bytes to serve before `inner`'s, from `again_at` on.
    again: Vec<u8>,
    again_at: usize,
    /// Everything consumed since recording began, while under [`MEMBER_BUFFER`].
    recording: Option<Vec<u8>>,
    /// Bytes consumed from the start of the file.
    offset: u64,
}

impl<R: BufRead> Read for Raw<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Raw<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.again_at < self.again.len() {
            return Ok(&self.again[self.again_at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        let over = self
            .recording
            .as_ref()
            .is_some_and(|r| r.len() as u64 + n as u64 > MEMBER_BUFFER);
        if over {
            self.recording = None;
        }
        if let Some(recording) = self.recording.as_mut() {
            if self.again_at < self.again.len() {
                recording.extend_from_slice(&self.again[self.again_at..self.again_at + n]);
            } else if let Ok(buf) = self.inner.fill_buf() {
                // The bytes `fill_buf` returned are still in the inner buffer.
                recording.extend_from_slice(&buf[..n]);
            }
        }
        if self.again_at < self.again.len() {
            self.again_at += n;
        } else {
            self.inner.consume(n);
        }
        self.offset += n as u64;
    }
}

enum State<R> {
    /// Between members.
    Between(Raw<R>),
    /// Inside a member too large to hold.
    Streaming(GzDecoder<Raw<R>>),
    Done,
}

/// The concatenated contents of a gzip file's members (see the module documentation).
pub(crate) struct GzipMembers<R> {
    state: State<R>,
    /// The current member's decompressed bytes, served from `at` on.
    held: Vec<u8>,
    at: usize,
    /// One line for each damaged stretch stepped over, for the caller to report.
    damaged: Arc<Mutex<Vec<String>>>,
    /// The last member tried was damaged (a damaged stretch is reported once).
    in_damage: bool,
    /// What begins a record, after a line end.
    record_start: &'static [u8],
}

impl<R: BufRead> GzipMembers<R> {
    /// Reads `raw`, a gzip file of records that each begin with `record_start` at the start of
    /// a line, reporting each damaged stretch in `damaged`.
    pub(crate) fn new(
        raw: R,
        record_start: &'static [u8],
        damaged: Arc<Mutex<Vec<String>>>,
    ) -> GzipMembers<R> {
        GzipMembers {
            state: State::Between(Raw {
                inner: raw,
                again: Vec::new(),
                again_at: 0,
                recording: None,
                offset: 0,
            }),
            held: Vec::new(),
            at: 0,
            damaged,
            in_damage: false,
            record_start,
        }
    }

    /// Decodes the next member, or steps over a damaged one, and sets the state that follows
    /// (left `Done` at the end of the file).
    fn next_member(&mut self, mut raw: Raw<R>) -> io::Result<()> {
        if raw.fill_buf()?.is_empty() {
            return Ok(());
        }
        let start = raw.offset;
        raw.recording = Some(Vec::new());
        let mut decoder = GzDecoder::new(raw);
        self.held.clear();
        self.at = 0;
        match (&mut decoder)
            .take(MEMBER_BUFFER)
            .read_to_end(&mut self.held)
        {
            Ok(n) => {
                self.in_damage = false;
                if n as u64 == MEMBER_BUFFER {
                    decoder.get_mut().recording = None;
                    self.state = State::Streaming(decoder);
                } else {
                    let mut raw = decoder.into_inner();
                    raw.recording = None;
                    self.state = State::Between(raw);
                }
                Ok(())
            }
            Err(e) => {
                let whole = self
                    .held
                    .windows(self.record_start.len() + 1)
                    .rposition(|w| w[0] == b'\n' && &w[1..] == self.record_start)
                    .map_or(0, |p| p + 1);
                self.held.truncate(whole);
                let mut raw = decoder.into_inner();
                if !self.in_damage {
                    self.damaged
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .push(format!(
                            "the gzip member at byte {start} is damaged ({e}); its record is skipped and reading goes on at the next member"
                        ));
                }
                self.in_damage = true;
                // The decoder may have read past the member's end into the next ones: what
                // it consumed after the damaged member's first byte is read again, from the
                // next gzip header in it.
                let consumed = raw.recording.take().unwrap_or_default();
                let resume = find_member_start(&consumed, 1);
                if let Some(at) = resume {
                    let mut again = consumed[at..].to_vec();
                    again.extend_from_slice(&raw.again[raw.again_at..]);
                    raw.offset -= (consumed.len() - at) as u64;
                    raw.again = again;
                    raw.again_at = 0;
                } else if !skip_to_member_start(&mut raw)? {
                    return Ok(());
                }
                self.state = State::Between(raw);
                Ok(())
            }
        }
    }
}

/// Where the next gzip member starts in `bytes`, from `from` on.
fn find_member_start(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(MEMBER_START.len())
        .position(|w| w == MEMBER_START)
        .map(|p| p + from)
}

/// Consumes `raw` up to the next gzip member's start; `Ok(false)` when there is none.
fn skip_to_member_start<R: BufRead>(raw: &mut Raw<R>) -> io::Result<bool> {
    // A header split across two buffers is found by keeping the last two bytes seen.
    let mut tail: Vec<u8> = Vec::new();
    loop {
        let buf = raw.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let mut window = tail.clone();
        window.extend_from_slice(&buf[..buf.len().min(MEMBER_START.len())]);
        if let Some(p) = find_member_start(&window, 0) {
            // The header begins in `tail`, whose bytes are already consumed: give them back.
            let from_tail = tail.len() - p;
            let mut again = tail[p..].to_vec();
            again.extend_from_slice(&raw.again[raw.again_at..]);
            raw.again = again;
            raw.again_at = 0;
            raw.offset -= from_tail as u64;
            return Ok(true);
        }
        if let Some(p) = find_member_start(buf, 0) {
            raw.consume(p);
            return Ok(true);
        }
        let n = buf.len();
        tail = buf[n.saturating_sub(MEMBER_START.len() - 1)..].to_vec();
        raw.consume(n);
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.at < self.held.len() {
                let n = (self.held.len() - self.at).min(buf.len());
                buf[..n].copy_from_slice(&self.held[self.at..self.at + n]);
                self.at += n;
                return Ok(n);
            }
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Streaming(mut decoder) => match decoder.read(buf)? {
                    0 => self.state = State::Between(decoder.into_inner()),
                    n => {
                        self.state = State::Streaming(decoder);
                        return Ok(n);
                    }
                },
                // At the end the state stays `Done`, once what is held has been read.
                State::Between(raw) => {
                    self.next_member(raw)?;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        gz.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>, buffer: usize) -> (String, Vec<String>) {
        let damaged = Arc::new(Mutex::new(Vec::new()));
        let raw = io::BufReader::with_capacity(buffer, io::Cursor::new(bytes));
        let mut out = String::new();
        GzipMembers::new(raw, b"#", damaged.clone())
            .read_to_string(&mut out)
            .unwrap();
        let damaged = damaged.lock().unwrap().clone();
        (out, damaged)
    }

    #[test]
    fn members_are_read_one_after_another() {
        let bytes = [member("#first "), member("#second "), member("#third")].concat();
        for buffer in [3, 7, 8192] {
            let (text, damaged) = read_all(bytes.clone(), buffer);
            assert_eq!(text, "#first #second #third");
            assert!(damaged.is_empty());
        }
    }

    #[test]
    fn a_damaged_member_is_stepped_over_and_reported_once() {
        let second = member(&format!(
            "#{}",
            "the council met again on the budget ".repeat(40)
        ));
        let mut damaged_second = second.clone();
        // Damage the compressed data, past the ten-byte header.
        for b in &mut damaged_second[12..40] {
            *b ^= 0x5a;
        }
        let bytes = [member("#first "), damaged_second, member("#third")].concat();
        for buffer in [5, 64, 8192] {
            let (text, damaged) = read_all(bytes.clone(), buffer);
            assert_eq!(text, "#first #third", "buffer {buffer}");
            assert_eq!(damaged.len(), 1, "{damaged:?}");
            let at = format!("byte {}", member("#first ").len());
            assert!(damaged[0].contains(&at), "{damaged:?}");
        }
    }

    #[test]
    fn damage_at_the_end_ends_the_reading_with_a_report() {
        let mut last = member("#the end");
        let n = last.len();
        last.truncate(n - 6);
        let (text, damaged) = read_all([member("#first "), last].concat(), 8192);
        assert_eq!(text, "#first ");
        assert_eq!(damaged.len(), 1);
    }

    #[test]
    fn one_member_of_many_records_keeps_the_whole_ones_before_its_damage() {
        // Enough records, and varied enough, that deflate writes many blocks.
        let records: String = (1..=4000u64)
            .map(|n| {
                let mixed = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                format!("#record {n} of the harbour board's minutes, {mixed:x}\n")
            })
            .collect();
        let mut whole = member(&records);
        let n = whole.len();
        whole.truncate(n - 40);
        let (text, damaged) = read_all(whole, 8192);
        assert_eq!(damaged.len(), 1);
        assert!(text.starts_with("#record 1 of"), "{text}");
        assert!(text.ends_with('\n'), "{}", text.len());
        assert!(text.matches('#').count() >= 3000, "{}", text.len());
    }
}
