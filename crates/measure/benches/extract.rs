//! Decoding and measuring one 1280×800 screenshot (PNG in memory), on one core.

use copy_that_measure::{extract_bytes, Dpr};
use criterion::{criterion_group, criterion_main, Criterion};

/// A synthetic page shaped like a dashboard: a sidebar, a header, a grid of cards with buttons
/// and lines of text, so the benchmark does not depend on files outside the repository.
fn dashboard_png() -> Vec<u8> {
    let (w, h) = (1280u32, 800u32);
    let mut img = image::RgbImage::from_pixel(w, h, image::Rgb([244, 244, 245]));
    let mut fill = |x: u32, y: u32, bw: u32, bh: u32, c: [u8; 3]| {
        for yy in y..(y + bh).min(h) {
            for xx in x..(x + bw).min(w) {
                img.put_pixel(xx, yy, image::Rgb(c));
            }
        }
    };
    fill(0, 0, 240, 800, [250, 250, 250]);
    fill(239, 0, 1, 800, [228, 228, 231]);
    for row in 0..3 {
        for col in 0..3 {
            let (x, y) = (272 + col * 330, 120 + row * 220);
            fill(x, y, 310, 200, [212, 212, 216]);
            fill(x + 1, y + 1, 308, 198, [255, 255, 255]);
            for line in 0..4 {
                for letter in 0..24 {
                    fill(x + 17 + letter * 9, y + 20 + line * 22, 6, 11, [24, 24, 27]);
                }
            }
            fill(x + 17, y + 150, 90, 32, [79, 70, 229]);
            fill(x + 123, y + 150, 90, 32, [79, 70, 229]);
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

fn bench(c: &mut Criterion) {
    let png = dashboard_png();
    c.bench_function("extract 1280x800 png", |b| {
        b.iter(|| extract_bytes(&png, "dashboard.png", Dpr::Auto).expect("extract"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
