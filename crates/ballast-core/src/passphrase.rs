//! The passphrase rule: long enough to resist guessing. The journal's whole protection rests on
//! it, because anyone holding the files can try guesses offline as fast as their computer allows.

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Why a passphrase cannot be used, in calm words, or `None` when it can.
pub fn passphrase_problem(passphrase: &str) -> Option<String> {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Some(format!(
            "Please use at least {MIN_PASSPHRASE_CHARS} characters (this has {chars}). Your passphrase is the only lock on everything you write here, and a longer one, such as a few unrelated words, is far harder to guess."
        ));
    }
    let mut distinct: Vec<char> = passphrase.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 4 {
        return Some(
            "This repeats very few characters, which makes it easy to guess. A few unrelated words work well."
                .to_owned(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_repetitive_passphrases_are_refused_with_a_reason() {
        assert!(
            passphrase_problem("short").is_some_and(|m| m.contains("12")),
            "a short passphrase must be refused and the minimum named"
        );
        assert!(passphrase_problem("aaaaaaaaaaaaaaaa").is_some(), "one repeated character must be refused");
        assert!(passphrase_problem("harbour lantern quietly").is_none(), "a few unrelated words must be accepted");
    }
}
