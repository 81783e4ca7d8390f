//! The two kinds of journal entry, post-shift reflections and setbacks, as validated values.
//! A value of these types has passed every rule in [`crate::draft`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An entry's id, shared by both kinds so `show ID` and `delete ID` need no kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type)]
#[serde(transparent)]
pub struct EntryId(
    // A SQLite rowid: far below 2^53, so a JavaScript number holds it exactly.
    #[specta(type = i32)] pub i64,
);

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Which kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A post-shift reflection.
    Reflection,
    /// A setback.
    Setback,
}

/// A 0–10 rating (mood, self-worth, how much self-worth depended on outcomes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Score(u8);

impl Score {
    /// A rating, if `v` is 0–10.
    pub fn new(v: u8) -> Option<Self> {
        (v <= 10).then_some(Self(v))
    }
    /// The rating.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Generates a string-keyed enum with its wire names and a parser.
macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $wire)] $variant),+ }
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire),+ }
            }
            /// Parses a wire name.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($wire => Some(Self::$variant),)+ _ => None }
            }
            /// The wire names, for messages.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

wire_enum!(
    /// How the person supported did.
    Outcome {
        /// A setback.
        Setback = "setback",
        /// No change.
        NoChange = "no_change",
        /// Progress.
        Progress = "progress",
        /// Not applicable (e.g. no contact).
        NotApplicable = "not_applicable",
    }
);

wire_enum!(
    /// How a self-disclosure landed.
    Landed {
        /// It helped.
        Helped = "helped",
        /// Not sure.
        Unsure = "unsure",
        /// I regretted it.
        Regretted = "regretted",
    }
);

wire_enum!(
    /// The kind of setback.
    SetbackType {
        /// Relapse.
        Relapse = "relapse",
        /// Hospital admission.
        HospitalAdmission = "hospital_admission",
        /// Disengagement.
        Disengagement = "disengagement",
        /// Crisis.
        Crisis = "crisis",
        /// Loss.
        Loss = "loss",
        /// Conflict with services.
        ConflictWithServices = "conflict_with_services",
        /// Something else.
        Other = "other",
    }
);

wire_enum!(
    /// The kind of service someone was connected to.
    ServiceKind {
        /// Housing.
        Housing = "housing",
        /// Benefits.
        Benefits = "benefits",
        /// Clinical care.
        ClinicalCare = "clinical_care",
        /// A peer or community group.
        PeerOrCommunityGroup = "peer_or_community_group",
        /// Work or study.
        WorkOrStudy = "work_or_study",
        /// Something else.
        Other = "other",
    }
);

wire_enum!(
    /// Whether a link to a service held (often known only later).
    LinkHeld {
        /// It held.
        Held = "held",
        /// It did not hold.
        DidNotHold = "did_not_hold",
        /// Not known yet.
        NotYetKnown = "not_yet_known",
    }
);

impl ServiceKind {
    /// In words, as the form, charts and summaries show it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Housing => "Housing",
            Self::Benefits => "Benefits",
            Self::ClinicalCare => "Clinical care",
            Self::PeerOrCommunityGroup => "Peer or community group",
            Self::WorkOrStudy => "Work or study",
            Self::Other => "Something else",
        }
    }
}

impl LinkHeld {
    /// In words, as the form, charts and summaries show it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Held => "It held",
            Self::DidNotHold => "It did not hold",
            Self::NotYetKnown => "Not known yet",
        }
    }
}

impl Outcome {
    /// In words, as the reflection form shows it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Setback => "A setback",
            Self::NoChange => "No change",
            Self::Progress => "Progress",
            Self::NotApplicable => "Not applicable",
        }
    }
}

impl Landed {
    /// In words, as the reflection form shows it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Helped => "It helped",
            Self::Unsure => "Not sure",
            Self::Regretted => "I regretted it",
        }
    }
}

impl SetbackType {
    /// In words, as charts and summaries show it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Relapse => "Relapse",
            Self::HospitalAdmission => "Hospital admission",
            Self::Disengagement => "Disengagement",
            Self::Crisis => "Crisis",
            Self::Loss => "Loss",
            Self::ConflictWithServices => "Conflict with services",
            Self::Other => "Other",
        }
    }
}

/// Push–patience balance: −2 held back too much, 0 gentle persistence, +2 pushed too hard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PushPatience(i8);

impl PushPatience {
    /// A balance, if `v` is −2…2.
    pub fn new(v: i8) -> Option<Self> {
        (-2..=2).contains(&v).then_some(Self(v))
    }
    /// The balance.
    pub fn get(self) -> i8 {
        self.0
    }
}

/// A self-disclosure used in a session, and how it landed if the worker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// How it landed; `None` when the worker did not say.
    pub landed: Option<Landed>,
}

/// A validated post-shift reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reflection {
    /// When the shift or session happened.
    pub occurred_at: DateTime<Utc>,
    /// Mood 0–10.
    pub mood: Option<Score>,
    /// Self-worth today 0–10.
    pub self_worth: Option<Score>,
    /// How much today's self-worth depended on how the people I support are doing, 0–10
    /// (Ballast's own item, not a validated measure).
    pub worth_tied_to_outcomes: Option<Score>,
    /// How the person did.
    pub outcome: Option<Outcome>,
    /// Push–patience balance.
    pub push_patience: Option<PushPatience>,
    /// Self-disclosure, when used.
    pub disclosure: Option<Disclosure>,
    /// Connected someone to a service.
    pub connected_to_service: Option<bool>,
    /// The kind of service, when connected.
    pub service_kind: Option<ServiceKind>,
    /// Whether the link held, when known (often filled in later).
    pub service_held: Option<LinkHeld>,
    /// Strengths noticed.
    pub strengths: Option<String>,
    /// A few short words for the strengths noticed, reused across entries ("humour", "patience").
    pub strength_words: Vec<String>,
    /// Pseudonymous code of the person supported.
    pub person_code: Option<String>,
    /// Tags, trimmed, without duplicates, in the order given.
    pub tags: Vec<String>,
    /// Free text.
    pub text: Option<String>,
    /// Whether this entry's text may appear in supervision summaries.
    pub share_text: bool,
    /// The template it was written with and its answers (`None`: the everyday form).
    pub template: Option<crate::template::Answers>,
}

/// A validated setback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setback {
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The kind of setback.
    pub setback_type: SetbackType,
    /// Pseudonymous code of the person supported.
    pub person_code: Option<String>,
    /// What happened.
    pub what_happened: Option<String>,
    /// What I could control.
    pub in_my_control: Option<String>,
    /// What I could not control.
    pub outside_my_control: Option<String>,
    /// My reaction (including, if I want to say, how it echoed my own history).
    pub my_reaction: Option<String>,
    /// The support I used or need.
    pub support: Option<String>,
    /// Mood 0–10.
    pub mood: Option<Score>,
    /// Whether this entry's text may appear in supervision summaries.
    pub share_text: bool,
}

/// A saved entry of either kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryBody {
    /// A post-shift reflection.
    Reflection(Reflection),
    /// A setback.
    Setback(Setback),
}

impl EntryBody {
    /// Which kind.
    pub fn kind(&self) -> EntryKind {
        match self {
            Self::Reflection(_) => EntryKind::Reflection,
            Self::Setback(_) => EntryKind::Setback,
        }
    }

    /// When it happened.
    pub fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::Reflection(r) => r.occurred_at,
            Self::Setback(s) => s.occurred_at,
        }
    }

    /// Whether its text may appear in supervision summaries.
    pub fn share_text(&self) -> bool {
        match self {
            Self::Reflection(r) => r.share_text,
            Self::Setback(s) => s.share_text,
        }
    }
}

/// A saved entry with its id and bookkeeping times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its id.
    pub id: EntryId,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// What it holds.
    pub body: EntryBody,
}

/// One line of the journal list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct EntrySummary {
    /// Its id.
    pub id: EntryId,
    /// Which kind.
    pub kind: EntryKind,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Mood, when given.
    pub mood: Option<u8>,
    /// Person code, when given.
    pub person_code: Option<String>,
    /// The start of its main text (a reflection's text, or what happened in a setback).
    pub preview: String,
}

/// Where a page of the list starts: strictly older than this entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Cursor {
    /// The last listed entry's time.
    pub occurred_at: DateTime<Utc>,
    /// The last listed entry's id (breaks ties).
    pub id: EntryId,
}
