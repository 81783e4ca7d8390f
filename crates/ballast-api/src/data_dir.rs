//! Choosing the data directory: `--data-dir` when given, else `BALLAST_DATA_DIR`, else the
//! platform's data directory (e.g. `~/.local/share/ballast` on Linux). On Windows a new journal
//! goes to the local app-data folder, which never roams to other machines; a journal already in
//! the roaming folder (from an older Ballast) is used where it is.

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
    let dirs = directories::ProjectDirs::from("org", "Ballast", "ballast").ok_or(ApiError::Internal)?;
    Ok(platform_choice(DataDir::new(dirs.data_dir()), DataDir::new(dirs.data_local_dir())))
}

/// The local folder, unless a journal is already set up in the roaming one (the two are the
/// same folder on Linux and macOS).
fn platform_choice(roaming: DataDir, local: DataDir) -> DataDir {
    if roaming.is_set_up() && !local.is_set_up() { roaming } else { local }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_journal_goes_local_and_an_existing_roaming_one_stays_where_it_is() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let (roaming, local) = (DataDir::new(tmp.path().join("Roaming")), DataDir::new(tmp.path().join("Local")));
        assert_eq!(platform_choice(roaming.clone(), local.clone()).root(), local.root(), "a new journal is local");
        std::fs::create_dir_all(roaming.root()).expect("folder");
        std::fs::write(roaming.vault(), b"{}").expect("a vault");
        assert_eq!(
            platform_choice(roaming.clone(), local.clone()).root(),
            roaming.root(),
            "an existing one is used where it is"
        );
    }
}
