//! Reading the container around the pixels without decoding them: whether the file is whole.
//!
//! Decoders are lenient with a file cut short: the JPEG decoder fills the missing scan with grey and
//! carries on, so a half-downloaded screenshot would be measured as if its bottom were blank. Each
//! format has an end marker (PNG's IEND chunk, JPEG's EOI marker, WebP's RIFF length), and a file
//! that stops before it is refused. Walking the structure skips over pixel data by its stated
//! lengths, so this is cheap even for large files.

/// The formats read: the container walked here, the pixels decoded in `decode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    WebP,
}

impl Format {
    /// Every format read, in the order they are listed to a designer.
    pub const ALL: [Format; 3] = [Format::Png, Format::Jpeg, Format::WebP];

    /// The format of these bytes by their content (never a file name), if it is one this reads.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        match image::guess_format(bytes).ok()? {
            image::ImageFormat::Png => Some(Format::Png),
            image::ImageFormat::Jpeg => Some(Format::Jpeg),
            image::ImageFormat::WebP => Some(Format::WebP),
            _ => None,
        }
    }

    /// Lossy formats blur edges and add noise, so colour comparisons need more slack.
    pub fn lossy(self) -> bool {
        matches!(self, Format::Jpeg | Format::WebP)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::WebP => "WebP",
        }
    }
}

/// Whether the file reaches its format's end marker. A structure this walk does not understand is
/// left to the decoder to judge (true): only a file that runs out of bytes is called truncated.
pub fn is_whole(format: Format, bytes: &[u8]) -> bool {
    match format {
        Format::Png => png_is_whole(bytes),
        Format::Jpeg => jpeg_is_whole(bytes),
        Format::WebP => webp_is_whole(bytes),
    }
}

/// Chunk by chunk from after the signature up to IEND.
fn png_is_whole(bytes: &[u8]) -> bool {
    png_chunks(bytes).any(|(kind, _)| kind == b"IEND")
}

/// A PNG's chunks after the signature as (type, data), each whole (length, type, data and CRC all
/// in the file); the walk stops at the first chunk the file cuts short.
pub(crate) fn png_chunks(bytes: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = 8usize;
    std::iter::from_fn(move || {
        let len = read_u32_be(bytes, pos)? as usize;
        let kind = bytes.get(pos + 4..pos + 8)?;
        let end = pos.saturating_add(12).saturating_add(len);
        if end > bytes.len() {
            return None;
        }
        let body = &bytes[pos + 8..pos + 8 + len];
        pos = end;
        Some((kind, body))
    })
}

/// Marker segments (FF xx, 16-bit length) up to each start of scan, then the entropy-coded data up
/// to the next marker (an FF followed by neither a stuffed 00 nor a restart marker), up to EOI.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut pos = 2usize; // after SOI
    loop {
        if bytes.get(pos) != Some(&0xFF) {
            // Not a marker where one should be: the decoder decides (unless the bytes ran out).
            return pos < bytes.len();
        }
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1; // fill bytes
        }
        let Some(&marker) = bytes.get(pos) else {
            return false;
        };
        pos += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD8 => continue, // markers without a length
            _ => {}
        }
        let Some(len) = bytes.get(pos..pos + 2) else {
            return false;
        };
        pos += usize::from(u16::from_be_bytes([len[0], len[1]]));
        if pos > bytes.len() {
            return false;
        }
        if marker == 0xDA {
            match scan_end(bytes, pos) {
                Some(next) => pos = next,
                None => return false,
            }
        }
    }
}

/// The position of the marker ending the entropy-coded data that starts at `pos`.
fn scan_end(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        let at = pos + bytes.get(pos..)?.iter().position(|&b| b == 0xFF)?;
        match bytes.get(at + 1)? {
            0x00 | 0xD0..=0xD7 => pos = at + 2,
            _ => return Some(at),
        }
    }
}

/// The RIFF header states the file's length.
fn webp_is_whole(bytes: &[u8]) -> bool {
    let Some(size) = bytes.get(4..8) else {
        return false;
    };
    let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    bytes.len() >= size.saturating_add(8)
}

pub(crate) fn read_u32_be(bytes: &[u8], pos: usize) -> Option<u32> {
    let b = bytes.get(pos..pos + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}
