//! What a setting is: a stored name (or a family of names sharing a prefix) with the check its
//! values must pass. Each feature declares its own in a `SETTINGS` list beside its code;
//! [`crate::settings`] gathers them into the one registry that saving and importing consult.

/// The problem with a setting name Ballast does not have.
pub(crate) const UNKNOWN_SETTING: &str = "Ballast has no setting by this name.";

/// One setting, or one family of settings, that a feature keeps.
#[derive(Debug, Clone, Copy)]
pub struct SettingKey {
    /// The stored name, or the prefix every name of the family starts with.
    pub name: &'static str,
    /// Whether `name` is a prefix (`check_in_every_days.` + an instrument id).
    pub family: bool,
    /// Why `value` is not acceptable for the stored name `key`, if it is not.
    pub problem: fn(key: &str, value: &str) -> Option<String>,
}

impl SettingKey {
    /// A single setting.
    pub const fn exact(name: &'static str, problem: fn(&str, &str) -> Option<String>) -> Self {
        Self { name, family: false, problem }
    }

    /// A family of settings whose names start with `prefix`.
    pub const fn family(prefix: &'static str, problem: fn(&str, &str) -> Option<String>) -> Self {
        Self { name: prefix, family: true, problem }
    }

    /// Whether the stored name `key` is this setting (or one of this family).
    pub fn matches(&self, key: &str) -> bool {
        if self.family { key.starts_with(self.name) } else { key == self.name }
    }
}
