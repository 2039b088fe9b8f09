//! Opening the database: connection settings, corruption handling, backup, migrations.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::damage::{quick_check, set_aside, take_notice};
use crate::error::StoreError;

/// The database file inside the data folder.
pub const DB_FILE: &str = "copy-that.db";
/// How long a writer waits for another before giving up with "locked".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// Limits for opening the store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub busy_timeout: Duration,
    /// Caps the file's size in pages, to see how a full disk is reported.
    pub max_page_count: Option<u32>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            busy_timeout: BUSY_TIMEOUT,
            max_page_count: None,
        }
    }
}

/// The project store: one SQLite file, opened once and shared.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    pub(crate) path: PathBuf,
    /// Set when this open started a new database in place of one set aside.
    notice: Option<String>,
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// SQLite result codes that mean the file is not (or no longer) a usable database.
fn is_corruption(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code().and_then(|c| i32::from_str(&c).ok()).unwrap_or(0) & 0xFF;
            code == 11 || code == 26
        }
        _ => false,
    }
}

impl Store {
    /// Opens (creating if needed) the store in a data folder.
    pub async fn open_dir(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Store::open(&dir.join(DB_FILE)).await
    }

    /// Opens (creating if needed) a database file. WAL journal, foreign keys and the busy timeout
    /// are set on every connection. A file that is not a database is moved aside, never written to.
    /// Before a migration changes an existing database, a copy is kept beside it.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, &OpenOptions::default()).await
    }

    /// [`Store::open`] with explicit limits (tests use a short busy timeout and a page cap).
    pub async fn open_with(path: &Path, open: &OpenOptions) -> Result<Store, StoreError> {
        let existed = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with NORMAL sync survives a crashed or killed app (only a power cut can lose the
            // last commits), and keeps batch recording fast.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(open.busy_timeout);
        let options = match open.max_page_count {
            Some(pages) => options.pragma("max_page_count", pages.to_string()),
            None => options,
        };
        let pool = match SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
        {
            Ok(pool) => pool,
            Err(e) if is_corruption(&e) => return Err(set_aside(path)),
            Err(e) => return Err(StoreError::from_sqlx(e, path)),
        };
        let probe = sqlx::query("SELECT count(*) FROM sqlite_master")
            .fetch_one(&pool)
            .await;
        let checked = match probe {
            Ok(_) => quick_check(&pool).await,
            Err(e) => Err(e),
        };
        match checked {
            Ok(None) => {}
            Ok(Some(_damage)) => {
                pool.close().await;
                return Err(set_aside(path));
            }
            Err(e) => {
                pool.close().await;
                return Err(if is_corruption(&e) {
                    set_aside(path)
                } else {
                    StoreError::from_sqlx(e, path)
                });
            }
        }
        let store = Store {
            pool,
            path: path.to_path_buf(),
            notice: if existed { None } else { take_notice(path) },
        };
        if existed {
            store.backup_before_migration().await?;
        }
        MIGRATOR
            .run(&store.pool)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// When this open started a new, empty database in place of a damaged one set aside: what to
    /// tell the designer (once; the next open has no notice).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub async fn close(self) {
        self.pool.close().await;
    }

    async fn backup_before_migration(&self) -> Result<(), StoreError> {
        let has_table: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        let applied: i64 = if has_table > 0 {
            sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success = 1")
                .fetch_one(&self.pool)
                .await
                .map_err(|e| StoreError::from_sqlx(e, &self.path))?
        } else {
            0
        };
        if applied as usize >= MIGRATOR.iter().count() {
            return Ok(());
        }
        // Fold the WAL into the main file so the copy is complete.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        let backup = self
            .path
            .with_extension(format!("db.bak-v{applied}-{}", now()));
        std::fs::copy(&self.path, &backup).map_err(|source| StoreError::Io {
            path: backup.clone(),
            source,
        })?;
        Ok(())
    }
}

/// The default data folder: `COPY_THAT_DATA_DIR`, else the OS's app-data folder for the app's
/// identifier (shared by the desktop app and the CLI).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COPY_THAT_DATA_DIR") {
        return PathBuf::from(dir);
    }
    const ID: &str = "app.copythat.desktop";
    if cfg!(target_os = "macos") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home)
                .join("Library/Application Support")
                .join(ID);
        }
    } else if cfg!(windows) {
        if let Some(appdata) = std::env::var_os("APPDATA") {
            return PathBuf::from(appdata).join(ID);
        }
    } else if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(xdg).join(ID);
    } else if let Some(home) = std::env::var_os("HOME") {
        return PathBuf::from(home).join(".local/share").join(ID);
    }
    PathBuf::from(".").join(ID)
}

/// Introspection used by tests and diagnostics.
impl Store {
    /// `(journal_mode, foreign_keys, busy_timeout)` as a connection of the pool reports them.
    pub async fn pragmas(&self) -> Result<(String, i64, i64), StoreError> {
        let mut conn = self
            .pool
            .acquire()
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        let q = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        let fk = q("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        let timeout = q("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        Ok((mode, fk, timeout))
    }

    /// Jobs recorded for a project.
    pub async fn job_count(&self, project: u32) -> Result<u32, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE project_id = ?")
            .bind(i64::from(project))
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::from_sqlx(e, &self.path))?;
        Ok(n as u32)
    }

    /// Rows whose parent is gone (should always be 0: foreign keys cascade).
    pub async fn orphan_rows(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM images WHERE project_id NOT IN (SELECT id FROM projects))
                  + (SELECT count(*) FROM jobs WHERE image_id NOT IN (SELECT id FROM images))
                  + (SELECT count(*) FROM measurements WHERE job_id NOT IN (SELECT id FROM jobs))
                  + (SELECT count(*) FROM tokens WHERE library_id NOT IN (SELECT id FROM libraries))
                  + (SELECT count(*) FROM token_sources WHERE token_id NOT IN (SELECT id FROM tokens))",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| StoreError::from_sqlx(e, &self.path))
    }
}
