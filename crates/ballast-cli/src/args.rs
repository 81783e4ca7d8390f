//! The command line's shape.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Ballast: a private, encrypted journal for peer support workers. Nothing leaves this computer.
#[derive(Debug, Parser)]
#[command(name = "ballast", version, about)]
pub struct Cli {
    /// The data directory (default: BALLAST_DATA_DIR, else the platform's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands. Every command that opens the journal reads the passphrase from
/// BALLAST_PASSPHRASE, or the recovery key from BALLAST_RECOVERY_KEY, else asks for it.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score a self-check's answers without opening a journal; prints JSON. INSTRUMENT is one of
    /// proqol5, who5, cbi, single_item_burnout.
    Score {
        /// The instrument's id.
        instrument: String,
        /// Option values in item order, separated by commas; leave a value empty to skip an item.
        #[arg(long, value_name = "A1,A2,…", allow_hyphen_values = true)]
        answers: String,
    },
    /// Record a self-check; prints its id and scores as JSON.
    CheckIn {
        /// The instrument's id.
        instrument: String,
        /// Option values in item order, separated by commas; leave a value empty to skip an item.
        #[arg(long, value_name = "A1,A2,…", allow_hyphen_values = true)]
        answers: String,
    },
    /// List the self-checks, newest first.
    CheckIns {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The insights over a range of days: self-worth coupling, push–patience balance, nudges.
    Insights {
        /// The first day (YYYY-MM-DD, inclusive); default: the journal's first.
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// The last day (YYYY-MM-DD, inclusive); default: today.
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write one chart of the Trends screen as SVG. NAME is one of proqol5, cbi, who5,
    /// single_item_burnout, mood, coupling, coupling_over_time, dependence, push_patience,
    /// disclosure, services, setbacks.
    Chart {
        /// The chart's name.
        name: String,
        /// The first day (YYYY-MM-DD, inclusive); default: the journal's first.
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// The last day (YYYY-MM-DD, inclusive); default: today.
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// The SVG file to write.
        #[arg(long, value_name = "FILE.svg")]
        out: std::path::PathBuf,
    },
    /// Write a supervision summary for a range of days: PDF (FILE.pdf) or Markdown (FILE.md), by
    /// the extension. Entries' text appears only for entries marked to share; person codes and tags
    /// only when asked for. Each summary written is recorded in the share log.
    Report {
        /// The first day (YYYY-MM-DD, inclusive).
        #[arg(long, value_name = "DATE", value_parser = crate::report::day)]
        from: chrono::NaiveDate,
        /// The last day (YYYY-MM-DD, inclusive).
        #[arg(long, value_name = "DATE", value_parser = crate::report::day)]
        to: chrono::NaiveDate,
        /// The file to write: FILE.pdf or FILE.md.
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// Put person codes beside the entries shared.
        #[arg(long)]
        include_codes: bool,
        /// Put tags beside the entries shared.
        #[arg(long)]
        include_tags: bool,
        /// What I'd like from supervision.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Write a sample journal (made-up, varied entries and check-ins over DAYS days up to now) as an
    /// export file, for trying Ballast out: `ballast import FILE` reads it. Opens no journal.
    SampleData {
        /// How many days it covers.
        #[arg(long, default_value_t = 365)]
        days: u32,
        /// The generator's seed: the same seed and end give the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The last day it covers (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "DATE")]
        end: Option<chrono::NaiveDate>,
        /// The export file to write.
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Set up a new journal and print its recovery key.
    Init,
    /// Add a post-shift reflection, from JSON or from flags. Prints the new entry's id.
    Add(Box<AddArgs>),
    /// Add a setback from JSON. Prints the new entry's id.
    AddSetback {
        /// A JSON file with the setback's fields, or - for standard input.
        #[arg(long, value_name = "FILE|-")]
        json: String,
    },
    /// List entries, newest first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Search the journal's text (words match as the start of a word; "quoted words" as a phrase),
    /// best match first; without QUERY, the newest entries the filters allow.
    Search(SearchArgs),
    /// The person codes, with how many entries, first and last day, and outcomes.
    Codes {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Give every entry with code OLD the code NEW (merging the two when NEW is in use).
    RenameCode {
        /// The code used now.
        old: String,
        /// The code to use instead.
        new: String,
    },
    /// The reflection templates, in your order, with their prompts' ids (for `add --template`).
    Templates {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The tags, with how many entries carry each.
    Tags {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rename tag OLD to NEW on every entry (merging the two when NEW is in use).
    RenameTag {
        /// The tag used now.
        old: String,
        /// The tag to use instead.
        new: String,
    },
    /// Show one entry.
    Show {
        /// The entry's id.
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete one entry.
    Delete {
        /// The entry's id.
        id: i64,
    },
    /// Make a verified backup now. Prints its file name.
    Backup,
    /// List the verified backups, newest first.
    Backups {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a backup file with this journal's key; without FILE, check the journal and every
    /// backup. Exits 1 if anything fails.
    Verify {
        /// A backup file (a path, or a name from `ballast backups`).
        file: Option<String>,
    },
    /// Replace the journal with a backup, after backing the journal up. Also recovers a journal
    /// found damaged (its files are moved into quarantine/, never deleted).
    Restore {
        /// A backup: a path, a name from `ballast backups`, or `newest` (the newest that passes
        /// verification).
        file: String,
        /// Confirms the journal may be replaced.
        #[arg(long)]
        confirm: bool,
    },
    /// Export everything (drafts aside): ballast-export.json, entries.csv, settings.csv and
    /// entries.md, written into DIR.
    Export {
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Import a ballast-export.json. Every record is checked first; if any is invalid nothing is
    /// written and every problem is listed (exit 4). Entries already kept are skipped.
    Import {
        /// The export file.
        file: PathBuf,
    },
    /// Change the passphrase. The current passphrase comes from BALLAST_PASSPHRASE (or the recovery
    /// key from BALLAST_RECOVERY_KEY), the new one from BALLAST_NEW_PASSPHRASE, else both are asked
    /// for. With --rekey the journal is also re-encrypted under a new key: old copies of the key
    /// file, the old passphrase and the old recovery key then open nothing current, and a new
    /// recovery key is printed once.
    ChangePassphrase {
        /// Also re-encrypt the journal and its backups under a new key.
        #[arg(long)]
        rekey: bool,
        /// With --rekey: remove the backups instead of re-encrypting them.
        #[arg(long, requires = "rekey")]
        remove_backups: bool,
    },
    /// Make a new recovery key and retire the old one everywhere (the journal and its backups are
    /// re-encrypted under a new key; the passphrase stays). Prints the new key once.
    NewRecoveryKey {
        /// Remove the backups instead of re-encrypting them.
        #[arg(long)]
        remove_backups: bool,
    },
    /// Delete the journal, its key file and drafts. A final backup is kept unless
    /// --no-final-backup; the other backups are kept unless --remove-backups.
    DeleteAll {
        /// Confirms everything may be deleted.
        #[arg(long)]
        confirm: bool,
        /// Do not keep a final backup.
        #[arg(long)]
        no_final_backup: bool,
        /// Also remove the backups (but the final one) and any damaged files set aside.
        #[arg(long)]
        remove_backups: bool,
    },
}

/// A reflection from JSON or from flags (not both).
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Write it with this template (`ballast templates` lists them); its answers go in the JSON
    /// as "answers": {"PROMPT_ID": "…"}.
    #[arg(long, value_name = "ID")]
    pub template: Option<String>,
    /// A JSON file with the reflection's fields, or - for standard input.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["occurred_at", "mood", "self_worth", "worth_tied_to_outcomes", "outcome", "push_patience", "disclosure", "connected_to_service", "service_kind", "service_held", "strengths", "strength_words", "person_code", "tags", "text", "share_text"])]
    pub json: Option<String>,
    /// When (RFC 3339); default now.
    #[arg(long)]
    pub occurred_at: Option<String>,
    /// Mood 0–10.
    #[arg(long, allow_negative_numbers = true)]
    pub mood: Option<i32>,
    /// Self-worth today 0–10.
    #[arg(long, allow_negative_numbers = true)]
    pub self_worth: Option<i32>,
    /// How much today's self-worth depended on how the people I support are doing, 0–10
    /// (Ballast's own item, not a validated measure).
    #[arg(long, allow_negative_numbers = true)]
    pub worth_tied_to_outcomes: Option<i32>,
    /// setback | no_change | progress | not_applicable.
    #[arg(long)]
    pub outcome: Option<String>,
    /// −2 held back too much … 0 gentle persistence … 2 pushed too hard.
    #[arg(long, allow_negative_numbers = true)]
    pub push_patience: Option<i32>,
    /// A self-disclosure was used: helped | unsure | regretted | used (not saying how it landed).
    #[arg(long)]
    pub disclosure: Option<String>,
    /// Connected someone to a service: true or false.
    #[arg(long)]
    pub connected_to_service: Option<bool>,
    /// The kind of service: housing, benefits, clinical_care, peer_or_community_group,
    /// work_or_study, other.
    #[arg(long, value_name = "KIND")]
    pub service_kind: Option<String>,
    /// Whether the link held: held, did_not_hold, not_yet_known.
    #[arg(long, value_name = "HELD")]
    pub service_held: Option<String>,
    /// A short word for a strength noticed (repeatable).
    #[arg(long = "strength-word", value_name = "WORD")]
    pub strength_words: Vec<String>,
    /// Strengths noticed.
    #[arg(long)]
    pub strengths: Option<String>,
    /// Pseudonymous code of the person supported, e.g. R7.
    #[arg(long)]
    pub person_code: Option<String>,
    /// A tag (repeat for more).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Free text.
    #[arg(long)]
    pub text: Option<String>,
    /// Share this entry's text in supervision summaries.
    #[arg(long)]
    pub share_text: bool,
}

/// `ballast search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for.
    #[arg(default_value = "", allow_hyphen_values = true)]
    pub query: String,
    /// Print JSON: an array of results, best first, each with id, kind, occurred_at and snippet.
    #[arg(long)]
    pub json: bool,
    /// Only this kind.
    #[arg(long, value_parser = ["reflection", "setback"])]
    pub kind: Option<String>,
    /// Only entries with this tag.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only entries about this person code.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// Only reflections with this outcome: setback, no_change, progress, not_applicable.
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,
    /// Only setbacks of this type: relapse, hospital_admission, disengagement, crisis, loss,
    /// conflict_with_services, other.
    #[arg(long, value_name = "TYPE")]
    pub setback_type: Option<String>,
    /// From this day (YYYY-MM-DD, inclusive).
    #[arg(long, value_name = "DATE")]
    pub from: Option<chrono::NaiveDate>,
    /// Up to this day (YYYY-MM-DD, inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<chrono::NaiveDate>,
    /// Only reflections written with this template (post_shift: the everyday form).
    #[arg(long, value_name = "ID")]
    pub template: Option<String>,
    /// The most results.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,
}
