//! Draws what the engine kept on a screenshot, as the app's overlay does: every kept measurement's
//! box outlined (red: padding, blue: gaps and the rest), for looking at a page by eye.
//!
//!     cargo run --release -p copy-that-measure --example overlay -- shot.png out.png
use copy_that_measure::{decode, measure, Dpr};
use copy_that_spacing::{select_with_reasons, SelectOptions, SpacingType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: overlay IMAGE OUT.png");
        std::process::exit(2);
    };
    let bytes = std::fs::read(input).expect("readable image");
    // Decoded once, with the engine's limits: measured, then drawn on.
    let d = decode::decode(&bytes, input).expect("decodable image");
    let e = measure(&d.raster, d.format.lossy(), d.metadata_density, Dpr::Auto);
    let s = select_with_reasons(&e.measurements, &SelectOptions::default());
    let (w, h) = (d.raster.width, d.raster.height);
    let mut img = image::RgbImage::from_fn(w, h, |x, y| {
        let p = d.raster.at(x, y);
        image::Rgb([(p >> 16) as u8, (p >> 8) as u8, p as u8])
    });
    for m in &s.kept {
        let Some(b) = m.bbox else { continue };
        let colour = if m.spacing_type == SpacingType::Padding {
            image::Rgb([230, 30, 30])
        } else {
            image::Rgb([30, 90, 230])
        };
        let (x1, y1) = ((b.x + b.w).min(w), (b.y + b.h).min(h));
        for x in b.x..x1 {
            for y in [b.y, y1.saturating_sub(1)] {
                img.put_pixel(x, y, colour);
            }
        }
        for y in b.y..y1 {
            for x in [b.x, x1.saturating_sub(1)] {
                img.put_pixel(x, y, colour);
            }
        }
    }
    img.save(output).expect("writable output");
    let values: Vec<String> = s.kept.iter().map(|m| m.value_px.to_string()).collect();
    println!(
        "{} at {}×: {} kept: {}",
        input,
        e.dpr,
        s.kept.len(),
        values.join(" ")
    );
}
