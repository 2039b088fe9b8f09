//! The bad-input corpus: every kind of file a designer (or an attacker) may drop on the window or
//! pass to `copy-that extract`, made at test time in a folder, each with the outcome it must have.
//!
//! Made, not downloaded: every file is drawn or written byte by byte here (no third-party files),
//! so the corpus is the same on every machine and costs nothing to keep. The CLI's tests
//! (`crates/cli/tests/bad_inputs.rs`) and the pipeline's (`crates/pipeline/tests/bad_inputs.rs`, the
//! app's add-images path) both run it; `cargo run -p copy-that-bad-inputs -- DIR` writes it to a
//! folder to try by hand.

pub mod memory;

use std::path::{Path, PathBuf};

use image::{ImageEncoder, RgbImage};

/// What a case must come to, in the words the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Decoded and measured (it may still yield no confident spacing).
    Measured,
    /// Tried and refused: the reason contains this text.
    Failed(&'static str),
    /// Never read (not a regular file, or not there): the skip reason contains this text.
    Skipped(&'static str),
    /// A folder holding no image: nothing is measured and nothing fails.
    NoImages,
}

/// One file (or folder, link, pipe…) of the corpus.
#[derive(Debug, Clone)]
pub struct Case {
    /// Short name for test output.
    pub label: String,
    pub path: PathBuf,
    pub expect: Expect,
    /// Unreadable by its owner's permissions: root reads it anyway, so only a run as an
    /// unprivileged user sees the refusal.
    pub unreadable: bool,
    /// Decodes to at least 100 megapixels: the case that sets the memory bound.
    pub largest: bool,
}

/// The size of the sparse file: past the pipeline's 256 MB limit on a file read as an image.
const SPARSE_BYTES: u64 = 300 * 1024 * 1024;

/// A small page: cards with padding and gaps, so a decoded image has something to measure.
pub fn page(width: u32, height: u32) -> RgbImage {
    let mut img = RgbImage::from_pixel(width, height, image::Rgb([244, 244, 245]));
    let mut fill = |x: u32, y: u32, w: u32, h: u32, c: [u8; 3]| {
        for yy in y..(y + h).min(height) {
            for xx in x..(x + w).min(width) {
                img.put_pixel(xx, yy, image::Rgb(c));
            }
        }
    };
    let mut y = 16;
    while y + 48 <= height {
        let mut x = 16;
        while x + 64 <= width {
            fill(x, y, 64, 48, [255, 255, 255]);
            fill(x + 12, y + 12, 40, 10, [79, 70, 229]);
            fill(x + 12, y + 28, 24, 8, [40, 40, 40]);
            x += 80;
        }
        y += 64;
    }
    img
}

/// [`page`] as PNG bytes that differ for every `n` (the first pixels spell it): many distinct
/// screenshots for soak runs, where the store keeps one image of several identical files.
pub fn numbered_page(width: u32, height: u32, n: u32) -> Vec<u8> {
    let mut img = page(width, height);
    for (i, byte) in n.to_le_bytes().into_iter().enumerate() {
        img.put_pixel(i as u32 % width, 0, image::Rgb([byte, 244, 245]));
    }
    png(&img)
}

/// A large page with few things on it: six cards with a button each. Its pixels cost what any
/// image of its size costs, its measurements almost nothing (for memory tests about pixels).
pub fn sparse_page(width: u32, height: u32) -> RgbImage {
    let mut img = RgbImage::from_pixel(width, height, image::Rgb([244, 244, 245]));
    let (cw, ch) = (width / 4, height / 3);
    for row in 0..2 {
        for col in 0..3 {
            let (x0, y0) = (cw / 4 + col * (cw + cw / 4), ch / 4 + row * (ch + ch / 4));
            for (x, y, c) in [(x0, y0, [255, 255, 255]), (x0 + 24, y0 + 24, [79, 70, 229])] {
                let (w, h) = if c[0] == 255 { (cw, ch) } else { (cw / 3, 40) };
                for yy in y..(y + h).min(height) {
                    for xx in x..(x + w).min(width) {
                        img.put_pixel(xx, yy, image::Rgb(c));
                    }
                }
            }
        }
    }
    img
}

fn encode(img: &RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    let (w, h) = img.dimensions();
    let t = image::ExtendedColorType::Rgb8;
    let done = match format {
        image::ImageFormat::Jpeg => {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
                .write_image(img, w, h, t)
        }
        image::ImageFormat::WebP => {
            image::codecs::webp::WebPEncoder::new_lossless(&mut out).write_image(img, w, h, t)
        }
        _ => image::codecs::png::PngEncoder::new(&mut out).write_image(img, w, h, t),
    };
    done.expect("encoding a drawn image");
    out
}

pub fn png(img: &RgbImage) -> Vec<u8> {
    encode(img, image::ImageFormat::Png)
}

pub fn jpeg(img: &RgbImage) -> Vec<u8> {
    encode(img, image::ImageFormat::Jpeg)
}

pub fn webp(img: &RgbImage) -> Vec<u8> {
    encode(img, image::ImageFormat::WebP)
}

/// A PNG through the `png` crate in any colour type and depth, with an optional palette and
/// transparency, and as many animation frames as `frames` holds (one is a still image).
fn png_with(
    width: u32,
    height: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    palette: Option<(&[u8], &[u8])>,
    frames: &[Vec<u8>],
) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, width, height);
        e.set_color(color);
        e.set_depth(depth);
        if let Some((plte, trns)) = palette {
            e.set_palette(plte.to_vec());
            e.set_trns(trns.to_vec());
        }
        if frames.len() > 1 {
            e.set_animated(frames.len() as u32, 0).expect("apng");
        }
        let mut w = e.write_header().expect("header");
        for f in frames {
            w.write_image_data(f).expect("frame");
        }
    }
    out
}

/// The page's pixels through `f` per RGB pixel, flattened.
fn pixels(img: &RgbImage, mut f: impl FnMut([u8; 3]) -> Vec<u8>) -> Vec<u8> {
    img.pixels().flat_map(|p| f(p.0)).collect()
}

fn grey(p: [u8; 3]) -> u8 {
    ((u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10) as u8
}

/// A PNG chunk: length, type, data, CRC.
pub fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
    out
}

fn ihdr(width: u32, height: u32, depth: u8, colour: u8, interlace: u8) -> Vec<u8> {
    let mut d = width.to_be_bytes().to_vec();
    d.extend_from_slice(&height.to_be_bytes());
    d.extend_from_slice(&[depth, colour, 0, 0, interlace]);
    chunk(b"IHDR", &d)
}

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A PNG from its chunks, between the signature and IEND.
fn png_of(chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut out = SIGNATURE.to_vec();
    for c in chunks {
        out.extend_from_slice(c);
    }
    out.extend(chunk(b"IEND", &[]));
    out
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &d in data {
        a = (a + u32::from(d)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A zlib stream of stored (uncompressed) blocks: valid, and simple enough to write here.
pub fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = if data.is_empty() {
        vec![&[]]
    } else {
        data.chunks(65_535).collect()
    };
    for (i, b) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = b.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(b);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// Bits into bytes, least significant first, as deflate packs them.
struct Bits {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            self.acc |= ((value >> i) & 1) << self.n;
            self.n += 1;
            if self.n == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.n = 0;
            }
        }
    }
    /// A Huffman code goes in most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put(code >> i, 1);
        }
    }
}

/// A zlib stream inflating to `n` zero bytes, about 160 times smaller: one fixed-Huffman block of
/// a literal 0 and 258-byte copies of it. The decompression bomb of every chunk kind below.
pub fn zlib_zeros(n: u64) -> Vec<u8> {
    assert!(n >= 1);
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the final block
    bits.put(1, 2); // fixed Huffman codes
    let literal_zero = |b: &mut Bits| b.code(0x30, 8);
    literal_zero(&mut bits);
    let copies = (n - 1) / 258;
    for _ in 0..copies {
        bits.code(0xC5, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
    }
    for _ in 0..(n - 1) % 258 {
        literal_zero(&mut bits);
    }
    bits.code(0, 7); // end of block (code 256)
    if bits.n > 0 {
        bits.out.push(bits.acc as u8);
    }
    let mut out = bits.out;
    let b = (n % 65_521) as u32;
    out.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    out
}

/// A PNG of `width`×`height` 8-bit grey pixels, all black, its IDAT a bomb: tiny on disk, the
/// full size once inflated.
pub fn grey_bomb(width: u32, height: u32) -> Vec<u8> {
    let raw = u64::from(height) * (u64::from(width) + 1);
    png_of(&[
        ihdr(width, height, 8, 0, 0),
        chunk(b"IDAT", &zlib_zeros(raw)),
    ])
}

/// The page as an Adam7-interlaced 8-bit RGB PNG (the `png` crate writes no interlaced files).
fn interlaced(img: &RgbImage) -> Vec<u8> {
    const PASSES: [(u32, u32, u32, u32); 7] = [
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ];
    let (w, h) = img.dimensions();
    let mut raw = Vec::new();
    for (x0, y0, dx, dy) in PASSES {
        if x0 >= w || y0 >= h {
            continue;
        }
        for y in (y0..h).step_by(dy as usize) {
            raw.push(0);
            for x in (x0..w).step_by(dx as usize) {
                raw.extend_from_slice(&img.get_pixel(x, y).0);
            }
        }
    }
    png_of(&[ihdr(w, h, 8, 2, 1), chunk(b"IDAT", &zlib_stored(&raw))])
}

/// `chunk` placed right after IHDR (where text and colour profile chunks live).
fn with_chunk_after_ihdr(png: &[u8], c: &[u8]) -> Vec<u8> {
    let at = SIGNATURE.len() + 25;
    let mut out = png[..at].to_vec();
    out.extend_from_slice(c);
    out.extend_from_slice(&png[at..]);
    out
}

/// A JPEG through `jpeg-encoder`, which writes what the `image` crate does not: CMYK (with
/// Adobe's marker) and progressive scans.
fn jpeg_with(img: &RgbImage, cmyk: bool, progressive: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 85);
    e.set_progressive(progressive);
    let (w, h) = (img.width() as u16, img.height() as u16);
    let done = if cmyk {
        let data = pixels(img, |[r, g, b]| {
            let k = 255 - r.max(g).max(b);
            vec![255 - r - k, 255 - g - k, 255 - b - k, k]
        });
        e.encode(&data, w, h, jpeg_encoder::ColorType::Cmyk)
    } else {
        e.encode(img.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
    };
    done.expect("jpeg-encoder");
    out
}

/// The JPEG's first frame header (SOF0/SOF2) claiming `width`×`height`.
fn jpeg_claiming(jpeg: &[u8], width: u16, height: u16) -> Vec<u8> {
    let mut out = jpeg.to_vec();
    let at = out
        .windows(2)
        .position(|w| w[0] == 0xFF && matches!(w[1], 0xC0 | 0xC2))
        .expect("a frame header");
    out[at + 5..at + 7].copy_from_slice(&height.to_be_bytes());
    out[at + 7..at + 9].copy_from_slice(&width.to_be_bytes());
    out
}

/// A two-frame animated GIF, 2×2 px, written byte by byte.
fn animated_gif() -> Vec<u8> {
    let mut g = b"GIF89a".to_vec();
    g.extend_from_slice(&[2, 0, 2, 0, 0x80, 0, 0]); // screen 2×2, a 2-colour table
    g.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
    g.extend_from_slice(b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00"); // loop forever
    for _ in 0..2 {
        g.extend_from_slice(&[0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // 0.1 s a frame
        g.extend_from_slice(&[0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0]);
        g.extend_from_slice(&[2, 2, 0x84, 0x51, 0]); // LZW: four pixels of colour 0
    }
    g.push(0x3B);
    g
}

/// Whether this process runs as root (reads `/proc/self/status`: no unsafe call needed).
pub fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|v| v.split_whitespace().nth(1).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Writes the corpus into `dir` (which must exist and be empty) and returns its cases. The folder
/// is opened to every user (0755), so a run as an unprivileged user can reach it.
pub fn build(dir: &Path) -> Vec<Case> {
    let mut c = Corpus {
        dir,
        cases: Vec::new(),
    };
    use Expect::*;
    let truncated = Failed("is truncated");
    let damaged = Failed("is damaged or truncated");
    let not_image = Failed("is not a PNG, JPEG or WebP image");

    let img = page(240, 160);
    let (p, j, w) = (png(&img), jpeg(&img), webp(&img));
    c.add("page.png", &p, Measured);
    c.add("page.jpg", &j, Measured);
    c.add("page.webp", &w, Measured);

    // Cut short at several offsets: a download still running, a copy interrupted.
    for (name, bytes) in [("png", &p), ("jpg", &j), ("webp", &w)] {
        let n = bytes.len();
        for (at, what) in [
            (n / 10, "10pc"),
            (n / 2, "half"),
            (n * 9 / 10, "90pc"),
            (n - 1, "last-byte"),
        ] {
            c.add(
                &format!("cut-{what}.{name}"),
                &bytes[..at],
                truncated.clone(),
            );
        }
    }
    // Cut inside the header: not enough left to read the size, still called truncated.
    c.add("cut-signature.png", &p[..8], truncated.clone());
    c.add("cut-header.png", &p[..20], truncated.clone());
    c.add("cut-header.jpg", &j[..4], truncated.clone());
    c.add("cut-riff.webp", &w[..12], truncated.clone());

    // The content decides, not the name.
    c.add("png-named.jpg", &p, Measured);
    c.add("jpeg-named.png", &j, Measured);
    c.add("webp-named.jpeg", &w, Measured);
    c.add("png-named.txt", &p, Measured);
    c.add("png-no-extension", &p, Measured);
    c.add(
        "text-named.png",
        b"these are my notes, not a screenshot\n",
        not_image.clone(),
    );
    c.add(
        "html-named.jpg",
        b"<!doctype html><title>x</title>",
        not_image.clone(),
    );
    c.add("empty.png", b"", Failed("is empty (0 bytes)"));
    c.add("empty.webp", b"", Failed("is empty (0 bytes)"));
    c.add(
        "random.png",
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<u8>>(),
        not_image.clone(),
    );

    // Other formats: refused by name of what is supported.
    c.add("animated.gif", &animated_gif(), not_image.clone());
    c.add("gif-named.png", &animated_gif(), not_image.clone());
    c.add(
        "drawing.svg",
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="50" height="50"/></svg>"#,
        not_image.clone(),
    );
    c.add(
        "svg-named.png",
        br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>"#,
        not_image.clone(),
    );
    c.add(
        "document.pdf",
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        not_image.clone(),
    );
    c.add("pdf-named.png", b"%PDF-1.7\n%%EOF\n", not_image.clone());
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&[0; 52]);
    c.add("bitmap.bmp", &bmp, not_image.clone());
    c.add("scan.tiff", b"II*\0\x08\0\0\0\0\0", not_image.clone());
    c.add(
        "icon.ico",
        &[0, 0, 1, 0, 1, 0, 16, 16, 0, 0],
        not_image.clone(),
    );
    c.add(
        "photo.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
        not_image.clone(),
    );
    c.add(
        "archive-named.png",
        b"PK\x03\x04\x14\0\0\0\0\0",
        not_image.clone(),
    );

    // PNG colour types and depths: all decode to the same measuring raster.
    let (pw, ph) = img.dimensions();
    let rgb16 = pixels(&img, |p| p.iter().flat_map(|&c| [c, c]).collect());
    c.add(
        "rgb-16bit.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Rgb,
            png::BitDepth::Sixteen,
            None,
            &[rgb16],
        ),
        Measured,
    );
    let grey16 = pixels(&img, |p| vec![grey(p), 0]);
    c.add(
        "grey-16bit.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Grayscale,
            png::BitDepth::Sixteen,
            None,
            &[grey16],
        ),
        Measured,
    );
    let grey_alpha = pixels(&img, |p| vec![grey(p), 255]);
    c.add(
        "grey-alpha.png",
        &png_with(
            pw,
            ph,
            png::ColorType::GrayscaleAlpha,
            png::BitDepth::Eight,
            None,
            &[grey_alpha],
        ),
        Measured,
    );
    let rgba = pixels(&img, |p| {
        vec![p[0], p[1], p[2], if p == [244, 244, 245] { 0 } else { 255 }]
    });
    c.add(
        "rgba-transparent.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            None,
            std::slice::from_ref(&rgba),
        ),
        Measured,
    );
    // A palette of the page's colours (index by first appearance), one of them transparent.
    let mut colours: Vec<[u8; 3]> = Vec::new();
    let indices = pixels(&img, |p| {
        let i = colours.iter().position(|c| *c == p).unwrap_or_else(|| {
            colours.push(p);
            colours.len() - 1
        });
        vec![i as u8]
    });
    let plte: Vec<u8> = colours.iter().flatten().copied().collect();
    c.add(
        "palette.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Indexed,
            png::BitDepth::Eight,
            Some((&plte, &[0])),
            &[indices],
        ),
        Measured,
    );
    // 1-bit grey: eight pixels a byte, each row padded to a whole byte.
    let row_bytes = pw.div_ceil(8) as usize;
    let mut bilevel = vec![0u8; row_bytes * ph as usize];
    for (x, y, p) in img.enumerate_pixels() {
        if grey(p.0) > 128 {
            bilevel[y as usize * row_bytes + x as usize / 8] |= 0x80 >> (x % 8);
        }
    }
    c.add(
        "grey-1bit.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Grayscale,
            png::BitDepth::One,
            None,
            &[bilevel],
        ),
        Measured,
    );
    c.add("interlaced.png", &interlaced(&img), Measured);
    let frame2 = pixels(&page(pw, ph), |p| vec![255 - p[0], p[1], p[2], 255]);
    c.add(
        "animated.png",
        &png_with(
            pw,
            ph,
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            None,
            &[rgba, frame2],
        ),
        Measured,
    );
    c.add("one-pixel.png", &png(&page(1, 1)), Measured);
    c.add("one-row.png", &png(&page(4096, 1)), Measured);
    c.add("one-column.png", &png(&page(1, 4096)), Measured);

    // JPEG kinds.
    c.add("cmyk.jpg", &jpeg_with(&img, true, false), Measured);
    c.add("progressive.jpg", &jpeg_with(&img, false, true), Measured);
    c.add(
        "cut-progressive.jpg",
        &{
            let pj = jpeg_with(&img, false, true);
            pj[..pj.len() * 2 / 3].to_vec()
        },
        truncated.clone(),
    );
    let grey_img =
        image::GrayImage::from_fn(pw, ph, |x, y| image::Luma([grey(img.get_pixel(x, y).0)]));
    let mut grey_jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut grey_jpeg, 90)
        .write_image(&grey_img, pw, ph, image::ExtendedColorType::L8)
        .expect("grey jpeg");
    c.add("grey.jpg", &grey_jpeg, Measured);
    c.add("soi-eoi-only.jpg", b"\xFF\xD8\xFF\xD9", damaged.clone());

    // Headers claiming sizes beyond the limits: refused before any pixel is allocated.
    let too_large = Failed("are supported");
    c.add(
        "claims-65500px.jpg",
        &jpeg_claiming(&j, 65_500, 65_500),
        too_large.clone(),
    );
    c.add(
        "claims-100000px.png",
        &png_of(&[ihdr(100_000, 100_000, 8, 2, 0)]),
        too_large.clone(),
    );
    c.add(
        "claims-16384-square.png",
        &grey_bomb(16_384, 16_384),
        too_large.clone(),
    );
    c.add(
        "claims-16000-square-grey.png",
        &grey_bomb(16_000, 16_000),
        too_large.clone(),
    );
    c.add(
        "claims-0px.png",
        &png_of(&[ihdr(0, 0, 8, 2, 0)]),
        too_large.clone(),
    );
    let mut riff_huge = w.clone();
    riff_huge[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    c.add("riff-claims-4gb.webp", &riff_huge, truncated.clone());
    let mut riff_garbage = w[..30].to_vec();
    riff_garbage.extend((0..200u32).map(|i| (i * 7) as u8));
    let size = (riff_garbage.len() - 8) as u32;
    riff_garbage[4..8].copy_from_slice(&size.to_le_bytes());
    c.add("riff-garbage.webp", &riff_garbage, damaged.clone());
    let mut bad_crc = p.clone();
    let idat = bad_crc.windows(4).position(|w| w == b"IDAT").expect("IDAT");
    bad_crc[idat + 6] ^= 0xFF;
    c.add("idat-flipped-byte.png", &bad_crc, damaged.clone());
    c.add(
        "idat-not-zlib.png",
        &png_of(&[
            ihdr(64, 64, 8, 2, 0),
            chunk(b"IDAT", b"this is not zlib data at all"),
        ]),
        damaged.clone(),
    );
    c.add(
        "idat-too-short.png",
        &png_of(&[
            ihdr(64, 64, 8, 2, 0),
            chunk(b"IDAT", &zlib_stored(&[0; 100])),
        ]),
        damaged.clone(),
    );

    // Decompression bombs: a few hundred KB inflating to 64 MB in text and colour profile chunks,
    // and image data within the pixel budget that inflates to the largest raster accepted.
    let small = png(&page(64, 48));
    let bomb = zlib_zeros(64 << 20);
    let mut ztxt = b"Comment\0\0".to_vec();
    ztxt.extend_from_slice(&bomb);
    c.add(
        "bomb-ztxt.png",
        &with_chunk_after_ihdr(&small, &chunk(b"zTXt", &ztxt)),
        Measured,
    );
    let mut itxt = b"Description\0\x01\0en\0\0".to_vec();
    itxt.extend_from_slice(&bomb);
    c.add(
        "bomb-itxt.png",
        &with_chunk_after_ihdr(&small, &chunk(b"iTXt", &itxt)),
        Measured,
    );
    let mut iccp = b"profile\0\0".to_vec();
    iccp.extend_from_slice(&bomb);
    c.add(
        "bomb-iccp.png",
        &with_chunk_after_ihdr(&small, &chunk(b"iCCP", &iccp)),
        Measured,
    );
    c.add(
        "bomb-idat-4096-square.png",
        &grey_bomb(4096, 4096),
        Measured,
    );
    c.add("bomb-idat-largest.png", &grey_bomb(16_384, 8_192), Measured);
    c.cases.last_mut().expect("just added").largest = true;

    // Names: not UTF-8, terminal escapes and a newline, the longest a file system takes.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"shot-\xFF\xFE-latin1-\xE9.png");
        c.add_path(dir.join(name), &p, "not-utf8-name.png", Measured);
        let sub = dir.join(std::ffi::OsStr::from_bytes(b"folder-\xC3\x28"));
        std::fs::create_dir(&sub).expect("dir");
        c.add_path(
            sub.join("inside.png"),
            &p,
            "file-in-not-utf8-folder.png",
            Measured,
        );
    }
    c.add("evil-\x1b[31mred\x1b[0m-\nnewline.png", &p, Measured);
    c.add(&format!("{}.png", "n".repeat(251)), &p, Measured);

    // What is not a regular file, or not there at all.
    let folder = dir.join("folder.png");
    std::fs::create_dir(&folder).expect("dir");
    c.cases.push(case("folder.png", folder, NoImages));
    let shots = dir.join("shots.png");
    std::fs::create_dir(&shots).expect("dir");
    std::fs::write(shots.join("inside.png"), &p).expect("write");
    c.cases
        .push(case("folder-with-an-image.png", shots, Measured));
    c.cases.push(case(
        "missing.png",
        dir.join("missing.png"),
        Skipped("could not be opened"),
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let link = |name: &str, to: &Path| {
            let path = dir.join(name);
            symlink(to, &path).expect("symlink");
            path
        };
        let a = dir.join("loop-a.png");
        let b = link("loop-b.png", &a);
        link("loop-a.png", &b);
        c.cases
            .push(case("symlink-loop.png", a, Skipped("could not be opened")));
        let dangling = link("dangling.png", &dir.join("gone.png"));
        c.cases.push(case(
            "dangling-symlink.png",
            dangling,
            Skipped("could not be opened"),
        ));
        let good = link("link-to-page.png", &dir.join("page.png"));
        c.cases.push(case("symlink-to-image.png", good, Measured));
        let zero = link("zero.png", Path::new("/dev/zero"));
        c.cases
            .push(case("dev-zero.png", zero, Skipped("not a regular file")));
        let random = link("urandom.jpg", Path::new("/dev/urandom"));
        c.cases.push(case(
            "dev-urandom.jpg",
            random,
            Skipped("not a regular file"),
        ));
        let null = link("null.png", Path::new("/dev/null"));
        c.cases
            .push(case("dev-null.png", null, Skipped("not a regular file")));
        // The reading process's own memory: a regular file whose read fails (address 0 is unmapped).
        let mem = link("procmem.png", Path::new("/proc/self/mem"));
        c.cases
            .push(case("proc-self-mem.png", mem, Failed("could not be read")));
        let fifo = dir.join("fifo.png");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        c.cases
            .push(case("fifo.png", fifo, Skipped("not a regular file")));
        let socket = dir.join("socket.png");
        let listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
        drop(listener); // the socket file stays
        c.cases
            .push(case("socket.png", socket, Skipped("not a regular file")));
        let unreadable = dir.join("unreadable.png");
        std::fs::write(&unreadable, &p).expect("write");
        set_mode(&unreadable, 0o000);
        let mut u = case("unreadable.png", unreadable, Failed("Permission denied"));
        u.unreadable = true;
        c.cases.push(u);
        set_mode(dir, 0o755);
    }
    let sparse = dir.join("sparse-300mb.png");
    let f = std::fs::File::create(&sparse).expect("create");
    f.set_len(SPARSE_BYTES).expect("sparse");
    c.cases.push(case(
        "sparse-300mb.png",
        sparse,
        Failed("larger than 256 MB"),
    ));
    c.cases
}

fn case(label: &str, path: PathBuf, expect: Expect) -> Case {
    Case {
        label: label.to_string(),
        path,
        expect,
        unreadable: false,
        largest: false,
    }
}

struct Corpus<'a> {
    dir: &'a Path,
    cases: Vec<Case>,
}

impl Corpus<'_> {
    /// A file of `bytes` named `name` in the corpus folder.
    fn add(&mut self, name: &str, bytes: &[u8], expect: Expect) {
        self.add_path(self.dir.join(name), bytes, name, expect);
    }

    fn add_path(&mut self, path: PathBuf, bytes: &[u8], label: &str, expect: Expect) {
        std::fs::write(&path, bytes).expect("write a corpus file");
        self.cases.push(case(label, path, expect));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inflate_len(png: &[u8]) -> usize {
        // Decoded through the image crate: the stream is valid and of the stated size.
        let img = image::load_from_memory(png).expect("decodes");
        (img.width() * img.height()) as usize
    }

    #[test]
    fn a_zero_bomb_inflates_to_exactly_its_size() {
        for (w, h) in [(1, 1), (7, 3), (300, 40)] {
            let bomb = grey_bomb(w, h);
            assert_eq!(inflate_len(&bomb), (w * h) as usize);
        }
        // About 160 times smaller than what it inflates to.
        assert!(zlib_zeros(1 << 20).len() < (1 << 20) / 150);
    }

    #[test]
    fn stored_zlib_and_interlacing_decode_to_the_page() {
        let img = page(37, 29);
        let decoded = image::load_from_memory(&interlaced(&img))
            .expect("decodes")
            .to_rgb8();
        assert_eq!(decoded, img);
    }

    #[test]
    fn the_corpus_has_at_least_60_cases_each_present() {
        let dir = std::env::temp_dir().join(format!("bad-inputs-selftest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let cases = build(&dir);
        assert!(cases.len() >= 60, "{} cases", cases.len());
        for c in &cases {
            assert!(
                std::fs::symlink_metadata(&c.path).is_ok() || c.label == "missing.png",
                "{}",
                c.label
            );
        }
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
