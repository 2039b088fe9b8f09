//! The screenshots the desktop end-to-end tests drop on the window, drawn here with known geometry
//! so their expected spacing is by construction. `UPDATE_FIXTURES=1` rewrites the committed files;
//! otherwise they must match the drawing, and measure to the values they were drawn with.

mod common;

use std::path::PathBuf;

use common::Canvas;
use copy_that_measure::{extract_bytes, Dpr};
use copy_that_spacing::{select_system, SelectOptions};

const PAGE: u32 = 0xF4F4F5;
const CARD: u32 = 0xFFFFFF;
const BORDER: u32 = 0xD4D4D8;
const INK: u32 = 0x18181B;
const ACCENT: u32 = 0x4F46E5;
const MUTED: u32 = 0xA1A1AA;

/// Three cards 32 px apart, 24 px padding, buttons 16 px apart inside.
fn dashboard() -> Canvas {
    let mut c = Canvas::new(960, 560, 1, PAGE);
    for i in 0..3 {
        let x = 48 + i * (272 + 32);
        c.bordered(x, 48, 272, 186, BORDER, CARD);
        let inner = x + 1 + 24;
        c.text(inner, 73, 12, INK);
        c.fill(inner, 73 + 24 + 16, 222, 40, MUTED);
        c.fill(inner, 73 + 24 + 16 + 40 + 16, 96, 40, ACCENT);
        c.fill(inner + 96 + 16, 73 + 24 + 16 + 40 + 16, 96, 40, ACCENT);
    }
    for i in 0..2 {
        let x = 48 + i * (424 + 32);
        c.bordered(x, 48 + 186 + 32, 424, 184, BORDER, CARD);
        c.fill(x + 25, 48 + 186 + 32 + 25, 374, 134, MUTED);
    }
    c
}

/// A settings panel: 32 px padding, rows 16 px apart, buttons 8 px apart.
fn settings() -> Canvas {
    let mut c = Canvas::new(960, 560, 1, PAGE);
    c.bordered(160, 48, 640, 448, BORDER, CARD);
    let inner = 160 + 1 + 32;
    let mut y = 48 + 1 + 32;
    for _ in 0..6 {
        c.bordered(inner, y, 574, 40, BORDER, CARD);
        y += 40 + 16;
    }
    let bottom = 48 + 448 - 1 - 32;
    c.fill(inner + 574 - 96, bottom - 40, 96, 40, ACCENT);
    c.fill(inner + 574 - 96 - 8 - 96, bottom - 40, 96, 40, MUTED);
    c
}

/// A dense grid of small cards (12 px padding, 16 px gutters): hundreds of instances on one image.
fn grid() -> Canvas {
    let mut c = Canvas::new(1280, 800, 1, PAGE);
    for row in 0..9 {
        for col in 0..13 {
            let (x, y) = (32 + col * (80 + 16), 32 + row * (66 + 16));
            c.bordered(x, y, 80, 66, BORDER, CARD);
            c.fill(x + 1 + 12, y + 1 + 12, 80 - 2 - 24, 66 - 2 - 24, ACCENT);
        }
    }
    c
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/screens")
}

#[test]
fn e2e_fixtures_are_the_drawings_and_measure_as_drawn() {
    let screens = [
        ("dashboard.png", dashboard(), vec![16.0, 24.0, 32.0]),
        ("settings.png", settings(), vec![8.0, 16.0, 32.0]),
        ("grid.png", grid(), vec![12.0, 16.0]),
    ];
    for (name, canvas, expected) in screens {
        let png = canvas.png();
        let path = dir().join(name);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(dir()).expect("fixture dir");
            std::fs::write(&path, &png).expect("write fixture");
        }
        let committed =
            std::fs::read(&path).expect("fixture committed (UPDATE_FIXTURES=1 writes it)");
        assert!(
            committed == png,
            "{name} differs from its drawing: UPDATE_FIXTURES=1 rewrites it"
        );
        let e = extract_bytes(&png, name, Dpr::Auto).expect("measure");
        let values: Vec<f64> = select_system(&e.measurements, &SelectOptions::default())
            .iter()
            .map(|m| m.value_px)
            .collect();
        for v in expected {
            assert!(
                values.contains(&v),
                "{name}: {v} px not measured in {values:?}"
            );
        }
    }
}
