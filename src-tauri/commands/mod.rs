//! Tauri commands, one file per feature: parse what the UI sent, call the engine, report.

pub mod aggregate;
pub mod compare;
pub mod export;
pub mod extract;
pub mod paste;
pub mod projects;
pub mod settings;
pub mod tokens;

use tauri_specta::{collect_commands, Commands};

/// Every command the window may call. `build.rs` lists the same names for the capability file.
pub fn collect() -> Commands<tauri::Wry> {
    collect_commands![
        aggregate::aggregate_measurements,
        projects::startup,
        projects::list_projects,
        projects::create_project,
        projects::rename_project,
        projects::delete_project,
        projects::open_project,
        projects::saved_library,
        projects::preview_threshold,
        projects::set_project_threshold,
        extract::pick_images,
        extract::start_extraction,
        extract::retry_failed,
        paste::paste_image,
        paste::hold_pasted_image,
        extract::cancel_extraction,
        tokens::edit_token,
        tokens::audit_project,
        tokens::image_thumbnail,
        tokens::image_source,
        compare::load_library,
        compare::import_dtcg_file,
        export::export_formats,
        export::preview_export,
        export::save_export,
        export::export_to_folder,
        settings::get_settings,
        settings::save_settings,
        settings::key_status,
        settings::store_api_key,
        settings::delete_api_key,
    ]
}
