//! Pasting a screenshot: the image on the system clipboard, read by Rust (the webview never sees
//! the file system), written as a PNG into the data folder's `pasted` folder and measured as one
//! batch, like a drop. Once measured it is kept with the project, and the file is removed. A
//! paste during a batch is held: the clipboard is read at once into such a file, granted like a
//! drop, and queued with the drops (`hold_pasted_image`).

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
    let path = read_clipboard(&state).await?;
    let summary = run_extraction(
        app,
        &state,
        job,
        project.clone(),
        vec![path.clone()],
        engine,
    )
    .await;
    forget_pasted(&state, &project, &[path]).await;
    summary
}

/// Reads the image on the clipboard now, for a batch that is still running: returns the file it
/// was saved to, granted for `start_extraction`, which the designer's queue hands over when the
/// batch is done. Refused, with the reason, when the clipboard holds no image.
#[tauri::command]
#[specta::specta]
pub async fn hold_pasted_image(state: State<'_, AppState>) -> Result<String, AppError> {
    let path = read_clipboard(&state).await?;
    let shown = path.display().to_string();
    state.grants.grant([path]);
    Ok(shown)
}

/// The data folder's `pasted` folder.
fn pasted_folder(state: &AppState) -> Result<PathBuf, AppError> {
    state
        .store()?
        .path()
        .parent()
        .map(|d| d.join("pasted"))
        .ok_or_else(|| AppError::Internal("the data folder has no parent".into()))
}

async fn read_clipboard(state: &AppState) -> Result<PathBuf, AppError> {
    let folder = pasted_folder(state)?;
    tokio::task::spawn_blocking(move || save_clipboard_image(&folder))
        .await
        .map_err(joined)?
}

/// Removes the pasted files among `paths` that the batch kept with the project: they have done
/// their work. One that failed stays, so the project's retry can read it again.
pub(crate) async fn forget_pasted(state: &AppState, project: &str, paths: &[PathBuf]) {
    let Ok(folder) = pasted_folder(state) else {
        return;
    };
    let pasted: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| p.parent() == Some(&folder))
        .collect();
    if pasted.is_empty() {
        return;
    }
    let Ok(store) = state.store() else {
        return;
    };
    let failed: Vec<PathBuf> = match store.project(project).await {
        Ok(p) => match store.failures(p.id).await {
            Ok(f) => f.into_iter().map(|f| PathBuf::from(f.path)).collect(),
            // Not knowing which failed, keep them all: a stray file costs less than a lost image.
            Err(_) => return,
        },
        Err(_) => return,
    };
    for path in pasted.into_iter().filter(|p| !failed.contains(p)) {
        let _ = std::fs::remove_file(path);
    }
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
