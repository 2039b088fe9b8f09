//! Shared by the CLI tests: screenshots drawn with known geometry.

/// A 640×300 screenshot: a bordered card with 24 px padding, two buttons 16 px apart, a second card
/// 32 px to the right, repeated twice so every value has support.
pub fn screenshot(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let mut img = image::RgbImage::from_pixel(640, 300, image::Rgb([244, 244, 245]));
    let mut fill = |x: u32, y: u32, w: u32, h: u32, c: [u8; 3]| {
        for yy in y..y + h {
            for xx in x..x + w {
                img.put_pixel(xx, yy, image::Rgb(c));
            }
        }
    };
    for (cx, cy) in [(40, 24), (332, 24), (40, 156), (332, 156)] {
        fill(cx, cy, 260, 120, [212, 212, 216]);
        fill(cx + 1, cy + 1, 258, 118, [255, 255, 255]);
        fill(cx + 25, cy + 25, 80, 32, [79, 70, 229]);
        fill(cx + 121, cy + 25, 80, 32, [79, 70, 229]);
        fill(cx + 25, cy + 73, 210, 22, [79, 70, 229]);
    }
    let path = dir.join(name);
    img.save(&path).expect("save png");
    path
}
