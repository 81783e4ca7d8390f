//! The commands the UI invokes, grouped by what they touch. Each is a few lines: take the
//! state, call `ballast-api`, return. Sync functions run off the main thread (`async`), so a
//! slow key derivation never freezes the window.

pub mod drafts;
pub mod entries;
pub mod journal;
pub mod settings;
