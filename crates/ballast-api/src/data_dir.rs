//! Choosing the data directory: `--data-dir` when given, else `BALLAST_DATA_DIR`, else the
//! platform's data directory (e.g. `~/.local/share/ballast` on Linux).

use std::path::PathBuf;

use ballast_store::DataDir;

use crate::error::ApiError;

/// The environment variable that names the data directory.
pub const ENV_VAR: &str = "BALLAST_DATA_DIR";

/// Resolves the data directory from an explicit choice, the environment, or the platform.
///
/// # Errors
/// [`ApiError::Internal`] when no home directory can be found and none was given.
pub fn resolve(explicit: Option<PathBuf>) -> Result<DataDir, ApiError> {
    if let Some(dir) = explicit.or_else(|| std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()).map(PathBuf::from)) {
        return Ok(DataDir::new(dir));
    }
    directories::ProjectDirs::from("org", "Ballast", "ballast")
        .map(|d| DataDir::new(d.data_dir()))
        .ok_or(ApiError::Internal)
}
