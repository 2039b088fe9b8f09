//! Damage beyond the first page: random bytes in a data page were not noticed on open (only
//! `sqlite_master` was read), so commands ran on, and wrote into, a damaged file.

use copy_that_store::{set_aside_pending, Store, StoreError, DB_FILE};
use sqlx::Connection;

/// A database with enough projects to span several pages, its WAL folded into the main file.
async fn database_with_projects(path: &std::path::Path) {
    let store = Store::open(path).await.expect("open");
    for i in 0..400 {
        store
            .create_project(&format!("project number {i} with a longish name"))
            .await
            .expect("create");
    }
    store.close().await;
    let url = format!("sqlite://{}", path.display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("connect");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .expect("checkpoint");
    conn.close().await.expect("close");
}

/// The page holding the root of the `projects` table, and the page size.
async fn projects_root_page(path: &std::path::Path) -> (u64, u64) {
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("connect");
    let root: i64 =
        sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = 'projects'")
            .fetch_one(&mut conn)
            .await
            .expect("rootpage");
    let size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await
        .expect("page_size");
    conn.close().await.expect("close");
    (root as u64, size as u64)
}

/// Overwrites one page with pseudo-random bytes (a fixed seed: the same damage every run).
fn scribble_page(path: &std::path::Path, page: u64, page_size: u64) -> Vec<u8> {
    let mut bytes = std::fs::read(path).expect("read");
    let start = ((page - 1) * page_size) as usize;
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for b in &mut bytes[start..start + page_size as usize] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *b = (state >> 24) as u8;
    }
    std::fs::write(path, &bytes).expect("write");
    bytes
}

#[tokio::test]
async fn random_bytes_in_a_data_page_are_caught_on_open_and_the_file_set_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    database_with_projects(&path).await;
    let (root, page_size) = projects_root_page(&path).await;
    assert!(root > 1, "the projects table lives past the first page");
    let damaged = scribble_page(&path, root, page_size);

    let err = Store::open(&path)
        .await
        .err()
        .expect("a damaged file is refused");
    let StoreError::Corrupt { moved_to, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        std::fs::read(moved_to).expect("kept"),
        damaged,
        "not written to"
    );
    assert!(!path.exists());
    assert_eq!(
        set_aside_pending(&path).as_deref(),
        Some(moved_to.as_path())
    );

    // The next open starts an empty database, and says so once.
    let store = Store::open(&path).await.expect("a new database");
    let notice = store.notice().expect("a notice").to_string();
    assert!(notice.contains("new, empty project database"), "{notice}");
    assert!(notice.contains(&moved_to.display().to_string()), "{notice}");
    assert!(store.list_projects().await.expect("list").is_empty());
    store.close().await;
    let store = Store::open(&path).await.expect("reopen");
    assert_eq!(store.notice(), None, "said once");
    assert_eq!(set_aside_pending(&path), None);
}

#[tokio::test]
async fn a_sound_database_opens_without_a_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    database_with_projects(&path).await;
    let store = Store::open(&path).await.expect("open");
    assert_eq!(store.notice(), None);
    assert_eq!(store.list_projects().await.expect("list").len(), 400);
}
