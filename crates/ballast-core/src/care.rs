//! The worker's self-care plan and support resources: what they are and the rules their text
//! meets. The plan is kept in versions (each save that changes it is a new version); the support
//! resources are one list, with a starting list that says its country and asks the worker to
//! check the numbers where they live.

use serde::{Deserialize, Serialize};

use crate::field::{FieldError, MAX_TEXT_CHARS};

/// The self-care plan, in Ballast's own words: warning signs, what helps (body, mind,
/// relationships, work), people to talk to, boundaries, and a vicarious-trauma action plan in
/// five steps. Every part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default, deny_unknown_fields)]
pub struct SelfCarePlan {
    /// Signs that things are getting heavy.
    pub warning_signs: String,
    /// What helps: body.
    pub helps_body: String,
    /// What helps: mind.
    pub helps_mind: String,
    /// What helps: relationships.
    pub helps_relationships: String,
    /// What helps: work.
    pub helps_work: String,
    /// People I can talk to.
    pub people: String,
    /// Boundaries I keep.
    pub boundaries: String,
    /// Vicarious trauma, step 1: what tends to weigh on me.
    pub vt_risk_factors: String,
    /// Step 2: how I notice it in myself.
    pub vt_signs: String,
    /// Step 3: what I do to cope.
    pub vt_coping: String,
    /// Step 4: where I find meaning and hope.
    pub vt_meaning: String,
    /// Step 5: two goals for this week.
    pub vt_goals: String,
    /// Anything else.
    pub notes: String,
}

/// One support resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default, deny_unknown_fields)]
pub struct Resource {
    /// Who or what, e.g. "988 Suicide & Crisis Lifeline".
    pub name: String,
    /// How to reach them, e.g. "Call or text 988".
    pub contact: String,
    /// A note, e.g. when they are open.
    pub note: String,
}

/// The most resources a list may hold.
pub const MAX_RESOURCES: usize = 100;
/// The longest name or contact, in characters.
pub const MAX_SHORT_CHARS: usize = 200;

/// The starting list, and the country it is for.
pub const DEFAULT_COUNTRY: &str = "United States";

/// The starting list of support resources (for [`DEFAULT_COUNTRY`]).
pub fn default_resources() -> Vec<Resource> {
    let r = |name: &str, contact: &str, note: &str| Resource {
        name: name.into(),
        contact: contact.into(),
        note: note.into(),
    };
    vec![
        r("Emergency services", "Call 911", "If you or someone else is in danger right now."),
        r("988 Suicide & Crisis Lifeline", "Call or text 988", "Any time, day or night."),
        r("Crisis Text Line", "Text HOME to 741741", "Any time, by text."),
        r("My supervisor", "", "Add how to reach them."),
        r("A peer I trust", "", "Add who, and how to reach them."),
        r("Employee assistance programme", "", "Add the number your employer gives."),
    ]
}

fn text_problem(field: &str, value: &str, max: usize, problems: &mut Vec<FieldError>) {
    if value.chars().count() > max {
        problems.push(FieldError::new(field, format!("This can hold up to {max} characters.")));
    } else if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        problems.push(FieldError::new(field, "This holds a character that cannot be kept (a control character)."));
    }
}

impl SelfCarePlan {
    /// Every part by name, in the order shown.
    pub fn parts(&self) -> [(&'static str, &str); 13] {
        [
            ("warning_signs", &self.warning_signs),
            ("helps_body", &self.helps_body),
            ("helps_mind", &self.helps_mind),
            ("helps_relationships", &self.helps_relationships),
            ("helps_work", &self.helps_work),
            ("people", &self.people),
            ("boundaries", &self.boundaries),
            ("vt_risk_factors", &self.vt_risk_factors),
            ("vt_signs", &self.vt_signs),
            ("vt_coping", &self.vt_coping),
            ("vt_meaning", &self.vt_meaning),
            ("vt_goals", &self.vt_goals),
            ("notes", &self.notes),
        ]
    }

    /// Every problem with the plan's text (length, control characters), by part.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        for (field, value) in self.parts() {
            text_problem(field, value, MAX_TEXT_CHARS, &mut out);
        }
        out
    }
}

/// Every problem with a list of resources, by place (`resources[2].name`).
pub fn resource_problems(list: &[Resource]) -> Vec<FieldError> {
    let mut out = Vec::new();
    if list.len() > MAX_RESOURCES {
        out.push(FieldError::new("resources", format!("The list can hold up to {MAX_RESOURCES} resources.")));
    }
    for (i, r) in list.iter().enumerate() {
        if r.name.trim().is_empty() {
            out.push(FieldError::new(format!("resources[{i}].name"), "Give each resource a name."));
        }
        text_problem(&format!("resources[{i}].name"), &r.name, MAX_SHORT_CHARS, &mut out);
        text_problem(&format!("resources[{i}].contact"), &r.contact, MAX_SHORT_CHARS, &mut out);
        text_problem(&format!("resources[{i}].note"), &r.note, MAX_TEXT_CHARS, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_with_a_control_character_or_too_much_text_is_named_by_part() {
        let plan = SelfCarePlan {
            vt_goals: "Rest\u{7}".into(),
            people: "x".repeat(MAX_TEXT_CHARS + 1),
            ..SelfCarePlan::default()
        };
        let fields: Vec<String> = plan.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["people", "vt_goals"], "each problem names its part");
        assert!(
            SelfCarePlan { notes: "Line one\nline two\ttabbed".into(), ..SelfCarePlan::default() }
                .problems()
                .is_empty(),
            "new lines and tabs are fine"
        );
    }

    #[test]
    fn the_starting_list_is_valid_and_every_resource_needs_a_name() {
        assert!(resource_problems(&default_resources()).is_empty(), "the starting list passes its own rules");
        let unnamed = vec![Resource { name: " ".into(), ..Resource::default() }];
        assert_eq!(resource_problems(&unnamed)[0].field, "resources[0].name", "a resource without a name is named");
    }
}
