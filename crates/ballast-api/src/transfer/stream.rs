//! Reading an export document one record at a time, never holding it whole: the top-level object
//! is visited key by key and each array element by element, handed to a [`Sink`]; bytes read are
//! counted for progress.

use std::fmt;
use std::io::{BufReader, Read};
use std::path::Path;

use ballast_core::FieldError;
use ballast_store::Progress;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// Where the parser hands each part of the document.
pub(super) trait Sink {
    fn header(&mut self, key: &str, value: Value);
    fn record(&mut self, part: Part, index: usize, value: Value);
}

/// The arrays of records an export holds, each with the first export version that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Entries,
    Settings,
    CheckIns,
    Dismissed,
    Plans,
    Resources,
    Shared,
    Templates,
    TemplateChoices,
}

impl Part {
    pub(super) const ALL: [Self; 9] = [
        Self::Entries,
        Self::Settings,
        Self::CheckIns,
        Self::Dismissed,
        Self::Plans,
        Self::Resources,
        Self::Shared,
        Self::Templates,
        Self::TemplateChoices,
    ];

    /// Its key in the document.
    pub(super) fn key(self) -> &'static str {
        match self {
            Self::Entries => "entries",
            Self::Settings => "settings",
            Self::CheckIns => "check_ins",
            Self::Dismissed => "dismissed_nudges",
            Self::Plans => "self_care_plans",
            Self::Resources => "support_resources",
            Self::Shared => "share_log",
            Self::Templates => "templates",
            Self::TemplateChoices => "template_choices",
        }
    }

    /// The first export version that has it.
    pub(super) fn since(self) -> u64 {
        match self {
            Self::Entries | Self::Settings => 1,
            Self::CheckIns => 2,
            Self::Dismissed => 3,
            Self::Plans | Self::Resources => 4,
            Self::Shared => 5,
            Self::Templates | Self::TemplateChoices => 6,
        }
    }
}

/// The top-level object, visited key by key.
struct Doc<'a>(&'a mut dyn Sink);

/// An array of records, visited one element at a time (never held whole).
struct Records<'a>(&'a mut dyn Sink, Part);

impl<'de> DeserializeSeed<'de> for Doc<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Doc<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Ballast export")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let sink = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match Part::ALL.into_iter().find(|p| p.key() == key) {
                Some(part) => map.next_value_seed(Records(&mut *sink, part))?,
                None => sink.header(&key, map.next_value()?),
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(v) = seq.next_element::<Value>()? {
            self.0.record(self.1, index, v);
            index += 1;
        }
        Ok(())
    }
}

/// Counts bytes read, for progress.
struct Counting<'p, R> {
    inner: R,
    read: u64,
    base: u64,
    total: u64,
    progress: &'p mut dyn FnMut(Progress),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let before = self.read >> 20;
        self.read += n as u64;
        if self.read >> 20 != before || n == 0 {
            (self.progress)(Progress { done: self.base + self.read, total: self.total });
        }
        Ok(n)
    }
}

pub(super) fn problem(field: impl Into<String>, message: &str) -> FieldError {
    FieldError::new(field, message)
}

/// Reads the file at `path` into `sink`, reporting progress from `base` of twice its size (the
/// import reads it twice).
pub(super) fn parse(
    path: &Path,
    sink: &mut dyn Sink,
    base: u64,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), FieldError> {
    let file = std::fs::File::open(path).map_err(|_| problem("file", "The file could not be opened."))?;
    let total = 2 * file.metadata().map_or(0, |m| m.len());
    parse_reader(Counting { inner: BufReader::with_capacity(1 << 16, file), read: 0, base, total, progress }, sink)
}

/// Reads a whole document into `sink`. A file that is not JSON, or not shaped like an export, is
/// one problem, described without echoing its contents.
pub(super) fn parse_reader(reader: impl Read, sink: &mut dyn Sink) -> Result<(), FieldError> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    Doc(sink).deserialize(&mut de).and_then(|()| de.end()).map_err(|e| {
        let at = format!("line {}, column {}", e.line(), e.column());
        problem(
            "file",
            &match e.classify() {
                serde_json::error::Category::Io => "The file could not be read.".to_owned(),
                serde_json::error::Category::Eof => format!("The file ends too early ({at}); it may be cut short."),
                serde_json::error::Category::Syntax => format!("The file is not valid JSON ({at})."),
                serde_json::error::Category::Data => format!("The file is not laid out as a Ballast export ({at})."),
            },
        )
    })
}
