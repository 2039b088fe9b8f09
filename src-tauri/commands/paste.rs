//! Pasting a screenshot: the image on the system clipboard, read by Rust (the webview never sees
//! the file system), written as a PNG into the data folder's `pasted` folder and measured as one
//! batch, like a drop. Once measured it is kept with the project, and the file is removed.

use std::io::Write;
use std::path::{Path, PathBuf};

use tauri::{AppHandle, State};

use copy_that_ai::EngineKind;
use copy_that_pipeline::BatchSummary;

use crate::commands::extract::run_extraction;
use crate::error::{joined, AppError};
use crate::state::AppState;

/// The largest pasted image taken, in pixels (as the decoder's own limit for a file).
const MAX_PIXELS: u64 = 16384 * 8192;

/// Measures the image on the clipboard into a project, streaming `ExtractProgressEvent`s tagged
/// `job`. Refused, with the reason, when the clipboard holds no image or cannot be read.
#[tauri::command]
#[specta::specta]
pub async fn paste_image(
    app: AppHandle,
    state: State<'_, AppState>,
    job: String,
    project: String,
    engine: Option<EngineKind>,
) -> Result<BatchSummary, AppError> {
    let folder = state
        .store()?
        .path()
        .parent()
        .map(|d| d.join("pasted"))
        .ok_or_else(|| AppError::Internal("the data folder has no parent".into()))?;
    let path = tokio::task::spawn_blocking(move || save_clipboard_image(&folder))
        .await
        .map_err(joined)??;
    let summary = run_extraction(app, &state, job, project, vec![path.clone()], engine).await;
    // Measured and kept with the project: the file has done its work. A failure keeps it, so
    // the project's retry can read it again.
    if matches!(&summary, Ok(s) if s.failed == 0) {
        let _ = std::fs::remove_file(&path);
    }
    summary
}

fn unreadable(e: impl std::fmt::Display) -> AppError {
    AppError::InvalidInput(format!("the clipboard could not be read ({e})"))
}

/// The clipboard's image as a new PNG file in `folder`, named after the time it was pasted.
fn save_clipboard_image(folder: &Path) -> Result<PathBuf, AppError> {
    let mut clipboard = arboard::Clipboard::new().map_err(unreadable)?;
    let image = clipboard.get_image().map_err(|e| match e {
        arboard::Error::ContentNotAvailable => AppError::InvalidInput(
            "the clipboard holds no image: copy a screenshot, then paste".into(),
        ),
        e => unreadable(e),
    })?;
    let (w, h) = (image.width as u64, image.height as u64);
    if w == 0 || h == 0 || w * h > MAX_PIXELS {
        return Err(AppError::InvalidInput(format!(
            "the clipboard's image is {w}×{h} px; images up to 16384×8192 px are taken"
        )));
    }
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &image.bytes,
        w as u32,
        h as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(unreadable)?;
    std::fs::create_dir_all(folder).map_err(|e| AppError::Io(e.to_string()))?;
    let path = folder.join(format!("pasted-{}.png", stamp()));
    // A new file only: never through a link someone left at that name.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| AppError::Io(format!("saving the pasted image: {e}")))?;
    file.write_all(&png)
        .map_err(|e| AppError::Io(format!("saving the pasted image: {e}")))?;
    Ok(path)
}

/// The time now as `YYYY-MM-DD-HHMMSS-mmm` (UTC), for a file name a designer can read.
fn stamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}-{:02}{:02}{:02}-{:03}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        now.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::stamp;

    #[test]
    fn a_paste_is_named_after_its_date_and_time() {
        let s = stamp();
        // 2026-12-06-114012-345
        assert_eq!(s.len(), 21, "{s}");
        let year: i32 = s[..4].parse().expect("year");
        assert!((2024..2200).contains(&year), "{s}");
        assert!(
            s[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
            "{s}"
        );
        assert!(
            s[8..10].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)),
            "{s}"
        );
    }
}
