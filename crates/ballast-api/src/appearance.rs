//! How Ballast looks and is laid out for this worker: the theme (light, dark, high contrast, or as
//! the system is, the default) and whether the reflection form shows its further questions
//! ("More") or only the quick four. Kept in the journal's settings, like every other choice, so
//! it travels with an export; the UI applies it.

use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::session::Session;
use crate::setting::SettingKey;

/// The stored theme: `system`, `light`, `dark` or `contrast`.
pub const THEME_KEY: &str = "theme";
/// The stored "More" of the reflection form: `true` shows every question.
pub const REFLECTION_MORE_KEY: &str = "reflection_more";

/// This feature's settings.
pub const SETTINGS: &[SettingKey] = &[
    SettingKey::exact(THEME_KEY, |_, v| ThemeChoice::parse(v).is_none().then(|| THEME_CHOICES.to_owned())),
    SettingKey::exact(REFLECTION_MORE_KEY, |_, v| match v {
        "true" | "false" => None,
        _ => Some("Choose on or off.".to_owned()),
    }),
];

const THEME_CHOICES: &str = "Choose one of: as the system is, light, dark or high contrast.";

/// A theme, or "as the system is".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Light or dark (or high contrast) as the computer is set.
    #[default]
    System,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
    /// White and yellow on black, with thicker focus rings.
    Contrast,
}

impl ThemeChoice {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Contrast => "contrast",
        }
    }

    /// The choice a stored word names, if any.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::System, Self::Light, Self::Dark, Self::Contrast].into_iter().find(|c| c.as_str() == word)
    }
}

/// The worker's look and layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
pub struct Appearance {
    /// The theme.
    pub theme: ThemeChoice,
    /// Whether the reflection form opens with every question showing.
    pub reflection_more: bool,
}

/// The worker's look and layout, with the defaults (as the system is; the quick four questions)
/// for what they have not chosen. A stored value Ballast does not know is read as the default.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn current(session: &Session) -> Result<Appearance, ApiError> {
    let j = session.journal()?;
    let theme = j.setting(THEME_KEY)?.as_deref().and_then(ThemeChoice::parse).unwrap_or_default();
    let reflection_more = j.setting(REFLECTION_MORE_KEY)?.is_some_and(|v| v == "true");
    Ok(Appearance { theme, reflection_more })
}

/// Keeps the worker's theme.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn set_theme(session: &Session, theme: ThemeChoice) -> Result<(), ApiError> {
    session.journal()?.set_setting(THEME_KEY, theme.as_str())?;
    Ok(())
}

/// Keeps whether the reflection form shows every question.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn set_reflection_more(session: &Session, more: bool) -> Result<(), ApiError> {
    session.journal()?.set_setting(REFLECTION_MORE_KEY, if more { "true" } else { "false" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_is_stored_as_a_word_it_reads_back() {
        for c in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Contrast] {
            assert_eq!(ThemeChoice::parse(c.as_str()), Some(c), "{c:?} survives being stored");
            assert_eq!(crate::settings::problem(THEME_KEY, c.as_str()), None, "{c:?} is accepted by the registry");
        }
        assert!(
            crate::settings::problem(THEME_KEY, "sepia").is_some(),
            "an unknown theme is refused on save and import"
        );
        assert!(crate::settings::problem(REFLECTION_MORE_KEY, "sometimes").is_some(), "More is on or off");
    }
}
