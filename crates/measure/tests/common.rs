//! Drawing test screenshots with known geometry.

#![allow(dead_code)]

use copy_that_measure::raster::Raster;

pub struct Canvas {
    pub w: u32,
    pub h: u32,
    pub px: Vec<u32>,
    /// Image pixels per CSS pixel: every coordinate given in CSS px is scaled by it.
    pub scale: u32,
}

impl Canvas {
    pub fn new(css_w: u32, css_h: u32, scale: u32, bg: u32) -> Self {
        let (w, h) = (css_w * scale, css_h * scale);
        Self {
            w,
            h,
            px: vec![bg; (w * h) as usize],
            scale,
        }
    }

    /// Fills a rectangle given in CSS px.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, colour: u32) {
        let s = self.scale;
        for yy in y * s..(y + h) * s {
            for xx in x * s..(x + w) * s {
                self.px[(yy * self.w + xx) as usize] = colour;
            }
        }
    }

    /// A box with a 1 CSS px border.
    pub fn bordered(&mut self, x: u32, y: u32, w: u32, h: u32, border: u32, fill: u32) {
        self.fill(x, y, w, h, border);
        self.fill(x + 1, y + 1, w - 2, h - 2, fill);
    }

    /// A pill (fully rounded rectangle: half-circle ends), filled, or outlined 1 CSS px thick when
    /// `fill` is `None`. Pixels are in or out by their centre, as a renderer without anti-aliasing
    /// draws them.
    pub fn pill(&mut self, x: u32, y: u32, w: u32, h: u32, colour: u32, fill: Option<u32>) {
        let s = self.scale;
        let (x0, y0, w, h) = (x * s, y * s, w * s, h * s);
        let r = f64::from(h) / 2.0;
        let inside = |px: f64, py: f64, inset: f64| {
            let rr = r - inset;
            let cy = f64::from(y0) + r;
            let (left, right) = (f64::from(x0) + r, f64::from(x0 + w) - r);
            let cx = px.clamp(left, right);
            let (dx, dy) = (px - cx, py - cy);
            dx * dx + dy * dy <= rr * rr
        };
        for yy in y0..y0 + h {
            for xx in x0..x0 + w {
                let (px, py) = (f64::from(xx) + 0.5, f64::from(yy) + 0.5);
                if !inside(px, py, 0.0) {
                    continue;
                }
                let ring = !inside(px, py, f64::from(s));
                let c = match fill {
                    Some(f) if !ring => f,
                    None if !ring => continue,
                    _ => colour,
                };
                self.px[(yy * self.w + xx) as usize] = c;
            }
        }
    }

    /// A line of "text" whose CSS line box (line height 1.5 × 15 px) starts at `line_top`: letters
    /// as cap-height bars standing on the baseline, the way glyphs sit in a browser's line box.
    pub fn text(&mut self, x: u32, line_top: u32, letters: u32, colour: u32) {
        // Font 15 px: caps 11 px tall; baseline 16 px below the line top (see crate docs).
        let baseline = line_top + 16;
        for i in 0..letters {
            let lx = x + i * 9;
            self.fill(lx, baseline - 11, 6, 11, colour);
        }
    }

    pub fn raster(self) -> Raster {
        Raster::from_pixels(self.w, self.h, self.px)
    }

    pub fn png(self) -> Vec<u8> {
        let mut rgb = Vec::with_capacity(self.px.len() * 3);
        for p in &self.px {
            rgb.extend([(p >> 16) as u8, (p >> 8) as u8, *p as u8]);
        }
        let img = image::RgbImage::from_raw(self.w, self.h, rgb).expect("buffer");
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("encode");
        out.into_inner()
    }
}
