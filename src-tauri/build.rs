// Every app command gets an `allow-<command>` permission; the window's capability grants exactly
// the ones the UI calls (checked against the bindings by tests/capabilities.rs).
const COMMANDS: &[&str] = &[
    "aggregate_measurements",
    "startup",
    "list_projects",
    "create_project",
    "rename_project",
    "delete_project",
    "open_project",
    "saved_library",
    "preview_threshold",
    "set_project_threshold",
    "pick_images",
    "start_extraction",
    "retry_failed",
    "paste_image",
    "hold_pasted_image",
    "cancel_extraction",
    "edit_token",
    "audit_project",
    "image_thumbnail",
    "image_source",
    "load_library",
    "import_dtcg_file",
    "export_formats",
    "preview_export",
    "save_export",
    "export_to_folder",
    "get_settings",
    "save_settings",
    "key_status",
    "store_api_key",
    "delete_api_key",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
