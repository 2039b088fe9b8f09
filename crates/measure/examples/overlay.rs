//! Draws what the engine kept on a screenshot, as the app's overlay does: every kept measurement's
//! box outlined (red: padding, blue: gaps and the rest), for looking at a page by eye.
//!
//!     cargo run --release -p copy-that-measure --example overlay -- shot.png out.png
use copy_that_measure::{extract_bytes, Dpr};
use copy_that_spacing::{select_with_reasons, SelectOptions, SpacingType};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: overlay IMAGE OUT.png");
        std::process::exit(2);
    };
    let bytes = std::fs::read(input).expect("readable image");
    let e = extract_bytes(&bytes, input, Dpr::Auto).expect("measurable image");
    let s = select_with_reasons(&e.measurements, &SelectOptions::default());
    let mut img = image::load_from_memory(&bytes)
        .expect("decodable")
        .into_rgb8();
    let (w, h) = img.dimensions();
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
