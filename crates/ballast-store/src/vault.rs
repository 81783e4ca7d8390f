//! The vault: the journal's random 256-bit data key, stored only wrapped (XChaCha20-Poly1305)
//! under keys derived with Argon2id, once from the worker's passphrase and once from the recovery
//! key. The KDF parameters are stored with each wrap so they can be raised later. Changing the
//! passphrase re-wraps the same data key; re-keying (see [`crate::rekey`]) makes a new one.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::{OsRng, RngCore};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError, io};

/// Format 2 adds `check`, a BLAKE2s digest of the rest, so damage to a wrapped key is told apart
/// from a wrong passphrase (the AEAD alone cannot tell them apart). Format 1 is still read.
const FORMAT: u32 = 2;
/// Crockford's base32 alphabet, for recovery keys that are easy to copy by hand.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_BYTES: usize = 20;

/// The raw SQLCipher key. Zeroed when dropped.
pub struct DataKey(pub(crate) Zeroizing<[u8; 32]>);

impl DataKey {
    pub(crate) fn random() -> Self {
        let mut k = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(k.as_mut());
        Self(k)
    }
}

/// A secret that opens the journal.
pub enum Secret {
    /// The worker's passphrase.
    Passphrase(SecretString),
    /// The recovery key shown at set-up.
    RecoveryKey(SecretString),
}

/// A recovery key: 160 random bits written as 32 characters in groups of four. Shown once.
pub struct RecoveryKey(SecretString);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey([hidden])")
    }
}

impl RecoveryKey {
    fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; RECOVERY_BYTES]);
        OsRng.fill_bytes(bytes.as_mut());
        let mut bits = Zeroizing::new(String::new());
        for chunk in bytes.chunks(5) {
            let mut n = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
            let mut group = [0u8; 8];
            for slot in group.iter_mut().rev() {
                *slot = ALPHABET[(n & 31) as usize];
                n >>= 5;
            }
            bits.push_str(std::str::from_utf8(&group).unwrap_or_default());
        }
        let grouped: Vec<&str> = (0..bits.len()).step_by(4).map(|i| &bits[i..i + 4]).collect();
        Self(SecretString::from(grouped.join("-")))
    }

    /// The key as shown to the worker, e.g. `7K2M-...`.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// The canonical form of a typed recovery key: uppercase, no separators, look-alikes mapped.
fn normalise_recovery(typed: &str) -> Zeroizing<String> {
    Zeroizing::new(
        typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                u => u,
            })
            .collect(),
    )
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KdfParams {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

impl KdfParams {
    fn fresh() -> Self {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        Self {
            algorithm: "argon2id-v19".into(),
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
            salt: B64.encode(salt),
        }
    }

    fn derive(&self, secret: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        if self.algorithm != "argon2id-v19" {
            return Err(StoreError::VaultDamaged(format!("unknown key derivation {:?}", self.algorithm)));
        }
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| StoreError::VaultDamaged(format!("key derivation parameters: {e}")))?;
        let salt = B64.decode(&self.salt).map_err(|_| StoreError::VaultDamaged("salt is not base64".into()))?;
        let mut out = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(secret, &salt, out.as_mut())
            .map_err(|e| StoreError::VaultDamaged(format!("key derivation: {e}")))?;
        Ok(out)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum WrapKind {
    Passphrase,
    RecoveryKey,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Wrap {
    kind: WrapKind,
    kdf: KdfParams,
    nonce: String,
    ciphertext: String,
}

fn aad(kind: WrapKind) -> &'static [u8] {
    match kind {
        WrapKind::Passphrase => b"ballast vault v1 passphrase",
        WrapKind::RecoveryKey => b"ballast vault v1 recovery_key",
    }
}

impl Wrap {
    fn seal(kind: WrapKind, secret: &[u8], key: &DataKey) -> Result<Self> {
        let kdf = KdfParams::fresh();
        let kek = kdf.derive(secret)?;
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let ciphertext = XChaCha20Poly1305::new(kek.as_ref().into())
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.0.as_ref(), aad: aad(kind) })
            .map_err(|_| StoreError::VaultDamaged("could not wrap the key".into()))?;
        Ok(Self { kind, kdf, nonce: B64.encode(nonce), ciphertext: B64.encode(ciphertext) })
    }

    fn open(&self, secret: &[u8]) -> Result<DataKey> {
        let nonce = B64.decode(&self.nonce).ok().filter(|n| n.len() == 24);
        let nonce = nonce.ok_or_else(|| StoreError::VaultDamaged("nonce is malformed".into()))?;
        let ciphertext =
            B64.decode(&self.ciphertext).map_err(|_| StoreError::VaultDamaged("wrapped key is not base64".into()))?;
        let kek = self.kdf.derive(secret)?;
        let plain = Zeroizing::new(
            XChaCha20Poly1305::new(kek.as_ref().into())
                .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ciphertext, aad: aad(self.kind) })
                .map_err(|_| StoreError::WrongSecret)?,
        );
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::VaultDamaged("wrapped key has the wrong length".into()))?;
        Ok(DataKey(Zeroizing::new(bytes)))
    }
}

/// The vault file's contents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Vault {
    format: u32,
    wraps: Vec<Wrap>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check: Option<String>,
}

/// The digest over the format and the wraps, as stored in `check`.
fn digest(format: u32, wraps: &[Wrap]) -> Result<String> {
    use blake2::Digest;
    let bytes = serde_json::to_vec(&(format, wraps)).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(blake2::Blake2s256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect())
}

impl Vault {
    /// A new data key, wrapped under the passphrase and a new recovery key.
    pub(crate) fn create(passphrase: &SecretString) -> Result<(Self, DataKey, RecoveryKey)> {
        let key = DataKey::random();
        let (vault, recovery) = Self::for_key(&key, passphrase)?;
        Ok((vault, key, recovery))
    }

    /// `key` (a new data key, when re-keying) wrapped under `passphrase` and a new recovery key.
    pub(crate) fn for_key(key: &DataKey, passphrase: &SecretString) -> Result<(Self, RecoveryKey)> {
        let recovery = RecoveryKey::random();
        let wraps = vec![
            Wrap::seal(WrapKind::Passphrase, passphrase.expose_secret().as_bytes(), key)?,
            Wrap::seal(WrapKind::RecoveryKey, normalise_recovery(recovery.expose()).as_bytes(), key)?,
        ];
        Ok((Self { format: FORMAT, wraps, check: None }, recovery))
    }

    /// Reads the vault file. A missing file is [`StoreError::NotSetUp`]; an unreadable one is
    /// [`StoreError::VaultDamaged`].
    pub(crate) fn load(path: &Path) -> Result<Self> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::NotSetUp),
            Err(e) => return Err(io(path)(e)),
        };
        let vault: Self = serde_json::from_slice(&bytes)
            .map_err(|e| StoreError::VaultDamaged(format!("not a Ballast vault ({})", json_problem(&e))))?;
        match (vault.format, &vault.check) {
            (1, None) => {}
            (FORMAT, Some(check)) if *check == digest(vault.format, &vault.wraps)? => {}
            (FORMAT, _) => return Err(StoreError::VaultDamaged("its checksum does not match its contents".into())),
            (other, _) => return Err(StoreError::VaultDamaged(format!("unknown vault format {other}"))),
        }
        for kind in [WrapKind::Passphrase, WrapKind::RecoveryKey] {
            if vault.wraps.iter().filter(|w| w.kind == kind).count() != 1 {
                return Err(StoreError::VaultDamaged("a wrapped key is missing or repeated".into()));
            }
        }
        Ok(vault)
    }

    /// Unwraps the data key with a passphrase or recovery key.
    pub(crate) fn unlock(&self, secret: &Secret) -> Result<DataKey> {
        let (kind, bytes) = match secret {
            Secret::Passphrase(p) => (WrapKind::Passphrase, Zeroizing::new(p.expose_secret().to_owned())),
            Secret::RecoveryKey(r) => (WrapKind::RecoveryKey, normalise_recovery(r.expose_secret())),
        };
        self.wraps.iter().find(|w| w.kind == kind).ok_or(StoreError::NotSetUp)?.open(bytes.as_bytes())
    }

    /// Re-wraps the data key under a new passphrase; the recovery wrap is kept.
    pub(crate) fn rewrap_passphrase(&mut self, key: &DataKey, passphrase: &SecretString) -> Result<()> {
        let wrap = Wrap::seal(WrapKind::Passphrase, passphrase.expose_secret().as_bytes(), key)?;
        self.wraps.retain(|w| w.kind != WrapKind::Passphrase);
        self.wraps.insert(0, wrap);
        Ok(())
    }

    /// Writes the vault atomically: a temporary file, flushed, renamed over the old one.
    pub(crate) fn save(&self, path: &Path) -> Result<()> {
        let sealed = Self { format: FORMAT, wraps: self.wraps.clone(), check: Some(digest(FORMAT, &self.wraps)?) };
        let json = serde_json::to_vec_pretty(&sealed).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        crate::durable::write_atomic(path, &json)
    }
}

fn json_problem(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Io => "unreadable",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "missing or wrong fields",
        serde_json::error::Category::Eof => "cut short",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_keys_are_32_characters_in_groups_of_four_and_forgive_typing() {
        let k = RecoveryKey::random();
        let shown = k.expose();
        assert_eq!(shown.len(), 39, "8 groups of 4 with 7 dashes");
        assert!(shown.split('-').all(|g| g.len() == 4), "groups of four are easy to copy");
        let typed = shown.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(
            *normalise_recovery(&typed),
            shown.replace('-', ""),
            "lowercase, spaces and look-alike letters must still open the journal"
        );
    }
}
