//! Libraries the export tests share.

#![allow(dead_code)]

use copy_that_spacing::{
    aggregate, AggregateOptions, BBox, Measurement, SpacingLibrary, SpacingType,
};

fn m(v: f64, t: SpacingType, ctx: &str) -> Measurement {
    Measurement::new(v, 0.9, t)
        .expect("valid")
        .with_context(ctx)
        .with_bbox(BBox {
            x: 10,
            y: 20,
            w: v as u32,
            h: 30,
        })
}

/// A 4 px scale measured in two screenshots, with contexts.
pub fn library() -> SpacingLibrary {
    let a = vec![
        m(4.0, SpacingType::Gap, "inline gap"),
        m(8.0, SpacingType::Padding, "button padding"),
        m(8.0, SpacingType::Padding, "button padding"),
        m(16.0, SpacingType::Padding, "card padding"),
        m(16.0, SpacingType::Padding, "card padding"),
        m(24.0, SpacingType::Gutter, "grid gutter"),
    ];
    let b = vec![
        m(12.0, SpacingType::Gap, "list gap"),
        m(16.0, SpacingType::Padding, "card padding"),
        m(32.0, SpacingType::Margin, "section spacing"),
        m(48.0, SpacingType::Margin, "section spacing"),
    ];
    aggregate(&[a, b], &AggregateOptions::default()).expect("aggregate")
}

/// Names nobody should be able to break out of a file with.
pub const HOSTILE: [&str; 8] = [
    "*/ body { display: none } /*",
    "} :root { --x: 1 }",
    "</style><script>alert(1)</script>",
    "${process.exit(1)}",
    "\"quoted\" 'single' `back`",
    "line\nbreak\r\nand\u{2028}separator",
    "🎨 emoji 🚀",
    "--> <!-- ]]>",
];

/// The fixture library with every token's names and texts replaced by hostile strings.
pub fn hostile_library() -> SpacingLibrary {
    let mut lib = library();
    for (i, t) in lib.tokens.iter_mut().enumerate() {
        let h = HOSTILE[i % HOSTILE.len()];
        t.name = h.to_string();
        t.use_case = h.to_string();
        t.design_intent = h.to_string();
        t.context = h.to_string();
        t.semantic_names.contextual = h.to_string();
        t.semantic_names.descriptive = format!("{h}-x");
    }
    lib
}
