//! Prints the layout pass's spans inside a rectangle of a screenshot, with what is at each end: for
//! looking into why a distance was (or was not) measured.
//!
//!     cargo run --release -p copy-that-measure --example spans -- shot.png X Y W H
use copy_that_measure::{decode, layout};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 6 {
        eprintln!("usage: spans IMAGE X Y W H");
        std::process::exit(2);
    }
    let n: Vec<u32> = args[2..6]
        .iter()
        .map(|a| a.parse().expect("a number"))
        .collect();
    let bytes = std::fs::read(&args[1]).expect("readable image");
    let d = decode::decode(&bytes, &args[1]).expect("decodable image");
    let lossy = d.format.lossy();
    let l = layout::Analyser::run(&d.raster, if lossy { 14 } else { 4 }, lossy);
    for s in &l.spans {
        let r = s.rect;
        if r.x0 >= n[0] && r.y0 >= n[1] && r.x1 <= n[0] + n[2] && r.y1 <= n[1] + n[3] {
            println!(
                "{:?} {:?} {} px {:?}->{:?} rect ({},{} {}x{}) container ({},{} {}x{}) box {}",
                s.relation,
                s.axis,
                s.px,
                s.near,
                s.far,
                r.x0,
                r.y0,
                r.w(),
                r.h(),
                s.container.x0,
                s.container.y0,
                s.container.w(),
                s.container.h(),
                s.container_is_box
            );
        }
    }
}
