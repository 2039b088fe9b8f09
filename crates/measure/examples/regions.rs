//! Prints what the layout pass sees at the top level of a screenshot: its background, the largest
//! components and whether each is a box. For looking into an image that measures badly.
//!
//!     cargo run --release -p copy-that-measure --example regions -- shot.png
use copy_that_measure::components::{edge_colour, label, Rect};
use copy_that_measure::decode;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: regions IMAGE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("readable image");
    let d = decode::decode(&bytes, &path).expect("decodable image");
    let r = &d.raster;
    let page = Rect {
        x0: 0,
        y0: 0,
        x1: r.width,
        y1: r.height,
    };
    let bg = edge_colour(r, page);
    println!("{}x{} bg #{bg:06x}", r.width, r.height);
    if let Ok(spec) = std::env::var("PIX") {
        // PIX=x,y,n: n pixels of row y from x; PIX=x,y,n,v: of column x from y.
        // The trailing `v` is not a number: it is looked for before the numbers are parsed (it
        // was dropped by the parse, so every column was printed as a row).
        let col = spec.ends_with(",v");
        let v: Vec<u32> = spec.split(',').filter_map(|s| s.parse().ok()).collect();
        let line: Vec<String> = (0..v[2])
            .map(|i| {
                let (x, y) = if col {
                    (v[0], v[1] + i)
                } else {
                    (v[0] + i, v[1])
                };
                format!("{:06x}", r.at(x, y))
            })
            .collect();
        println!("{}", line.join(" "));
    }
    if let Ok(spec) = std::env::var("RECT") {
        let v: Vec<u32> = spec.split(',').filter_map(|s| s.parse().ok()).collect();
        let rect = Rect {
            x0: v[0],
            y0: v[1],
            x1: v[2],
            y1: v[3],
        };
        for c in label(r, rect, bg, 16) {
            println!("  rect comp {:?} px {}", c.bbox, c.pixels);
        }
    }
    let edges = copy_that_measure::density::phase::crisp_edges(r, 2);
    for d in [2.0, 2.625, 3.0] {
        let one = |p: &[u32]| {
            let on = p
                .iter()
                .filter(|&&q| copy_that_measure::density::phase::on_lattice(q, d))
                .count();
            on as f64 / p.len().max(1) as f64
        };
        println!(
            "lattice {d}: x {} edges {:.2} on, y {} edges {:.2} on, lift {:.2}",
            edges.x.len(),
            one(&edges.x),
            edges.y.len(),
            one(&edges.y),
            copy_that_measure::density::phase::lift(&edges, d, 8)
        );
    }
    if std::env::var("ONLY_LATTICE").is_ok() {
        return;
    }
    let layout = copy_that_measure::layout::Analyser::run(r, 4, false);
    println!(
        "layout: {} spans, {} boxes, body font {:.1}",
        layout.spans.len(),
        layout.boxes,
        layout.body_font
    );
    for (name, comps) in [
        ("plain", label(r, page, bg, 4)),
        ("coarse 16", label(r, page, bg, 16)),
    ] {
        let mut comps = comps;
        comps.sort_by_key(|c| std::cmp::Reverse(c.pixels));
        println!("{name}: {} components", comps.len());
        for c in comps.iter().take(8) {
            let b = c.bbox;
            println!(
                "  {}x{} at {},{} pixels {}",
                b.w(),
                b.h(),
                b.x0,
                b.y0,
                c.pixels
            );
        }
    }
}
