//! Gentle warnings when a person code or tag looks like something that identifies a real
//! person (a name, an email address, a phone number). They never block a save.

use crate::field::FieldError;

const EMAIL: &str =
    "This looks like an email address. A short code you choose (like R7) keeps the person private, even here.";
const PHONE: &str =
    "This looks like a phone number. A short code you choose (like R7) keeps the person private, even here.";
const NAME: &str =
    "This looks like it could be a real name. A short code you choose (like R7) keeps the person private, even here.";

fn looks_like_email(v: &str) -> bool {
    v.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

fn looks_like_phone(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 7 && v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// A capitalised word of letters ("Robert"), or two or more of them ("Jane Smith").
fn looks_like_name(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    let capitalised = |w: &&str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && w.chars().skip(1).any(char::is_lowercase)
    };
    !words.is_empty() && words.iter().all(capitalised) && (words.len() >= 2 || v.chars().count() >= 3)
}

/// Warnings about a person code: a name, an email or a phone number.
pub fn code_warnings(code: &str) -> Vec<FieldError> {
    let v = code.trim();
    let message = if looks_like_email(v) {
        EMAIL
    } else if looks_like_phone(v) {
        PHONE
    } else if looks_like_name(v) {
        NAME
    } else {
        return Vec::new();
    };
    vec![FieldError::new("person_code", message)]
}

/// Warnings about tags: an email, a phone number, or two capitalised words (a full name).
/// A single capitalised tag ("Housing") is common and is not flagged.
pub fn tag_warnings(tags: &[String]) -> Vec<FieldError> {
    tags.iter()
        .map(|t| t.trim())
        .find_map(|t| {
            if looks_like_email(t) {
                Some(EMAIL)
            } else if looks_like_phone(t) {
                Some(PHONE)
            } else if t.split_whitespace().count() >= 2 && looks_like_name(t) {
                Some(NAME)
            } else {
                None
            }
        })
        .map(|m| vec![FieldError::new("tags", m)])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonymous_codes_pass_quietly() {
        for code in ["R7", "r7", "AB-12", "J", "client 4", "K9x", ""] {
            assert!(code_warnings(code).is_empty(), "{code:?} is a pseudonymous code and must not be flagged");
        }
    }

    #[test]
    fn names_emails_and_phones_are_flagged() {
        for code in ["Robert", "Jane Smith", "Mary-Ann O'Neil", "sam@example.org", "+44 7700 900123", "(555) 123-4567"]
        {
            assert_eq!(code_warnings(code).len(), 1, "{code:?} could identify a real person and must be flagged");
        }
    }

    #[test]
    fn tags_flag_only_clear_identifiers() {
        assert!(tag_warnings(&["Housing".into(), "hard day".into()]).is_empty(), "ordinary tags must not be flagged");
        assert_eq!(tag_warnings(&["Jane Smith".into()]).len(), 1, "a full name in a tag must be flagged");
        assert_eq!(tag_warnings(&["a@b.co".into()]).len(), 1, "an email in a tag must be flagged");
    }
}
