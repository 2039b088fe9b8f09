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

    /// A PNG no larger than `max` px on its long side.
    pub fn thumbnail_png(&self, max: u32) -> Vec<u8> {
        let scale = f64::from(max) / f64::from(self.width.max(self.height));
        let (w, h) = if scale < 1.0 {
            (
                ((f64::from(self.width) * scale).round() as u32).max(1),
                ((f64::from(self.height) * scale).round() as u32).max(1),
            )
        } else {
            (self.width, self.height)
        };
        let small = self.averaged_down(w, h);
        let mut out = std::io::Cursor::new(Vec::new());
        match small.write_to(&mut out, image::ImageFormat::Png) {
            Ok(()) => out.into_inner(),
            Err(_) => Vec::new(),
        }
    }

    /// The raster at `w`×`h` (at most its own size), each pixel the mean of the pixels it covers,
    /// read row by row: no full-size copy. The thumbnail was made from a full-size RGB copy, whose
    /// collect grew past 3 bytes a pixel: a 16384×8192 screenshot's peak went from 672 MB to
    /// 916 MB when saved into a project (found by the bad-input corpus).
    fn averaged_down(&self, w: u32, h: u32) -> image::RgbImage {
        let (sw, sh) = (u64::from(self.width), u64::from(self.height));
        let column: Vec<usize> = (0..sw).map(|x| (x * u64::from(w) / sw) as usize).collect();
        let mut out = image::RgbImage::new(w, h);
        // Red, green, blue and count per output column, for the output row being summed.
        let mut sums = vec![[0u64; 4]; w as usize];
        let mut flush = |row: u32, sums: &mut [[u64; 4]]| {
            for (x, s) in sums.iter_mut().enumerate() {
                let n = s[3].max(1);
                let avg = |c: u64| ((c + n / 2) / n) as u8;
                out.put_pixel(x as u32, row, image::Rgb([avg(s[0]), avg(s[1]), avg(s[2])]));
                *s = [0; 4];
            }
        };
        let mut current = 0u32;
        for (y, line) in self.px.chunks_exact(self.width as usize).enumerate() {
            let row = (y as u64 * u64::from(h) / sh) as u32;
            if row != current {
                flush(current, &mut sums);
                current = row;
            }
            for (&p, &x) in line.iter().zip(&column) {
                let s = &mut sums[x];
                s[0] += u64::from((p >> 16) & 0xFF);
                s[1] += u64::from((p >> 8) & 0xFF);
                s[2] += u64::from(p & 0xFF);
                s[3] += 1;
            }
        }
        flush(current, &mut sums);
        out
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

#[cfg(test)]
impl Raster {
    /// A `w` × `h` raster whose pixel at (x, y) is `paint(x, y)`: test images drawn by a rule.
    pub(crate) fn painted(w: u32, h: u32, paint: impl Fn(u32, u32) -> u32) -> Self {
        let px = (0..w * h).map(|i| paint(i % w, i / w)).collect();
        Raster::from_pixels(w, h, px)
    }
}

/// Largest difference between two colours over the three channels.
#[inline]
pub fn diff(a: u32, b: u32) -> u32 {
    let dr = ((a >> 16) & 0xFF).abs_diff((b >> 16) & 0xFF);
    let dg = ((a >> 8) & 0xFF).abs_diff((b >> 8) & 0xFF);
    let db = (a & 0xFF).abs_diff(b & 0xFF);
    dr.max(dg).max(db)
}

#[cfg(test)]
mod tests {
    use super::Raster;

    #[test]
    fn a_thumbnail_averages_the_pixels_each_of_its_pixels_covers() {
        // 4×2: the left half black, the right half white, one red pixel in the top right.
        let (b, w, r) = (0x000000, 0xFFFFFF, 0xFF0000);
        let raster = Raster::from_pixels(4, 2, vec![b, b, w, r, b, b, w, w]);
        let small = raster.averaged_down(2, 1);
        assert_eq!(small.get_pixel(0, 0).0, [0, 0, 0]);
        // Three white pixels and a red one: red stays full, green and blue are three quarters.
        assert_eq!(small.get_pixel(1, 0).0, [255, 191, 191]);
        // At its own size, the thumbnail is the raster.
        let same = raster.averaged_down(4, 2);
        assert_eq!(same.get_pixel(3, 0).0, [255, 0, 0]);
        let png = raster.thumbnail_png(2);
        let decoded = image::load_from_memory(&png).expect("png").to_rgb8();
        assert_eq!(decoded.dimensions(), (2, 1));
    }
}
