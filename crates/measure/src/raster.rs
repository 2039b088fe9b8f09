//! An RGB pixel grid with alpha flattened onto white (design exports are often transparent).

use image::{DynamicImage, GenericImageView};

#[derive(Clone)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    /// Row-major RGB, packed as 0x00RRGGBB.
    pub px: Vec<u32>,
}

impl Raster {
    /// The decoded image's pixels, read in its own colour type: a greyscale or RGB image is not
    /// first widened to an RGBA copy, so building the raster holds the decoded buffer and the raster
    /// and nothing more, and the decoded buffer is freed as soon as the raster is built.
    pub fn from_image(image: DynamicImage) -> Self {
        let (width, height) = (image.width(), image.height());
        let px: Vec<u32> = match &image {
            DynamicImage::ImageLuma8(b) => b.as_raw().iter().map(|&l| pack(l, l, l)).collect(),
            DynamicImage::ImageLumaA8(b) => b
                .as_raw()
                .chunks_exact(2)
                .map(|p| over_white(p[0], p[0], p[0], p[1]))
                .collect(),
            DynamicImage::ImageRgb8(b) => b
                .as_raw()
                .chunks_exact(3)
                .map(|p| pack(p[0], p[1], p[2]))
                .collect(),
            DynamicImage::ImageRgba8(b) => b
                .as_raw()
                .chunks_exact(4)
                .map(|p| over_white(p[0], p[1], p[2], p[3]))
                .collect(),
            // 16-bit and float images: converted a pixel at a time, never as a whole copy.
            other => other
                .pixels()
                .map(|(_, _, p)| {
                    let [r, g, b, a] = p.0;
                    over_white(r, g, b, a)
                })
                .collect(),
        };
        drop(image);
        Self { width, height, px }
    }

    /// A raster from packed pixels (tests draw their own images).
    pub fn from_pixels(width: u32, height: u32, px: Vec<u32>) -> Self {
        assert_eq!(px.len(), (width as usize) * (height as usize));
        Self { width, height, px }
    }

    /// Edge-preserving smoothing for lossy images: each pixel becomes the mean of its 3×3
    /// neighbours that are within `close` of it, so compression noise on flat areas and faint
    /// ringing fade while real edges (which differ by more) stay sharp.
    pub fn denoise(&self, close: u32) -> Raster {
        let (w, h) = (self.width as usize, self.height as usize);
        let mut out = self.px.clone();
        for y in 1..h.saturating_sub(1) {
            for x in 1..w.saturating_sub(1) {
                let c = self.px[y * w + x];
                let (mut r, mut g, mut b, mut n) = (0u32, 0u32, 0u32, 0u32);
                for dy in 0..3 {
                    let row = (y + dy - 1) * w;
                    for dx in 0..3 {
                        let p = self.px[row + x + dx - 1];
                        if diff(p, c) <= close {
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                            n += 1;
                        }
                    }
                }
                out[y * w + x] =
                    ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | ((b + n / 2) / n);
            }
        }
        Raster {
            width: self.width,
            height: self.height,
            px: out,
        }
    }

    /// A PNG no larger than `max` px on its long side.
    pub fn thumbnail_png(&self, max: u32) -> Vec<u8> {
        let rgb: Vec<u8> = self
            .px
            .iter()
            .flat_map(|p| [(p >> 16) as u8, (p >> 8) as u8, *p as u8])
            .collect();
        let Some(img) = image::RgbImage::from_raw(self.width, self.height, rgb) else {
            return Vec::new();
        };
        let scale = f64::from(max) / f64::from(self.width.max(self.height));
        let (w, h) = if scale < 1.0 {
            (
                ((f64::from(self.width) * scale).round() as u32).max(1),
                ((f64::from(self.height) * scale).round() as u32).max(1),
            )
        } else {
            (self.width, self.height)
        };
        let small = image::imageops::thumbnail(&img, w, h);
        let mut out = std::io::Cursor::new(Vec::new());
        match small.write_to(&mut out, image::ImageFormat::Png) {
            Ok(()) => out.into_inner(),
            Err(_) => Vec::new(),
        }
    }

    #[inline]
    pub fn at(&self, x: u32, y: u32) -> u32 {
        self.px[(y as usize) * (self.width as usize) + x as usize]
    }
}

#[inline]
fn pack(r: u8, g: u8, b: u8) -> u32 {
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// A pixel flattened onto white by its alpha.
#[inline]
fn over_white(r: u8, g: u8, b: u8, a: u8) -> u32 {
    let a = u32::from(a);
    let over = |c: u8| -> u32 { (u32::from(c) * a + 255 * (255 - a) + 127) / 255 };
    (over(r) << 16) | (over(g) << 8) | over(b)
}

/// Largest difference between two colours over the three channels.
#[inline]
pub fn diff(a: u32, b: u32) -> u32 {
    let dr = ((a >> 16) & 0xFF).abs_diff((b >> 16) & 0xFF);
    let dg = ((a >> 8) & 0xFF).abs_diff((b >> 8) & 0xFF);
    let db = (a & 0xFF).abs_diff(b & 0xFF);
    dr.max(dg).max(db)
}
