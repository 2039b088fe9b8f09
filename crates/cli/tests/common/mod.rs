//! Shared by the CLI tests: screenshots drawn with known geometry, the binary with no keyring in
//! reach, and an OpenAI-compatible server that answers every request one way.
// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::process::Command;

/// The CLI with `args`, and a session bus that does not exist: no test reads or writes the keyring
/// of the machine it runs on.
pub fn copy_that_command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copy-that"));
    c.args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    c
}

/// Runs the CLI with `--data-dir data` before `args`, to its end.
pub fn copy_that_in(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--data-dir", data.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    copy_that_command(&all).output().expect("run copy-that")
}

/// A local server that answers every POST with `reply`, and its base URL (`…/v1`) for
/// `--base-url`. The server stops when the returned handle is dropped.
pub async fn ai_server(reply: wiremock::ResponseTemplate) -> (wiremock::MockServer, String) {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(reply)
        .mount(&server)
        .await;
    let uri = format!("{}/v1", server.uri());
    (server, uri)
}

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
