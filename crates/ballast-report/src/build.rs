//! Builds the one [`Summary`] model from the worker's choices and what the range holds. Text from
//! entries reaches it only through [`crate::allow`]; the rest is counts, scores and charts.

use crate::allow::{day_words, shared_entry};
use crate::counts;
use crate::input::{Sources, SummaryRequest};
use crate::model::{Block, Line, Section, Summary};

/// The document's title.
pub const TITLE: &str = "Supervision summary";

fn said(on: bool, what: &str) -> String {
    if on { format!("{what} are included with the entries I shared.") } else { format!("{what} are not included.") }
}

/// The summary for `req` over `src`.
pub fn summary(req: &SummaryRequest, src: &Sources) -> Summary {
    let shared: Vec<Block> = src.entries.iter().filter_map(|(d, e)| shared_entry(*d, e, req)).collect();
    let mut sections = vec![Section {
        heading: "About this summary".into(),
        blocks: vec![
            Block::Paragraph {
                text: format!(
                    "Made with Ballast on {}. It holds only what I chose to share: self-check scores, trends and counts over this range, and the {} I marked to share.",
                    day_words(src.made_on),
                    if shared.len() == 1 { "one entry".to_owned() } else { format!("{} entries", shared.len()) }
                ),
            },
            Block::Paragraph {
                text: format!("{} {}", said(req.include_codes, "Person codes"), said(req.include_tags, "Tags")),
            },
            Block::Paragraph {
                text: "Ballast's own words (what each score means, and each chart's summary) are quoted as the app shows them to me, so they speak to me as \"you\".".into(),
            },
        ],
    }];
    if let Some(note) = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        sections.push(Section {
            heading: "What I'd like from supervision".into(),
            blocks: vec![Block::Paragraph { text: note.to_owned() }],
        });
    }
    let mut checks = vec![Block::Paragraph { text: src.not_a_diagnosis.clone() }];
    if src.check_ins.is_empty() {
        checks.push(Block::Paragraph { text: "No self-checks were taken in this range.".into() });
    }
    checks.extend(src.check_ins.iter().map(|c| {
        Block::Item {
            heading: format!("{}, {}", c.instrument, day_words(c.day)),
            lines: c
                .scores
                .iter()
                .map(|s| {
                    let value = match &s.score {
                        Some(score) if s.words.is_empty() => score.clone(),
                        Some(score) => format!("{score}. {}", s.words),
                        None => s.words.clone(),
                    };
                    Line::new(s.title.clone(), value)
                })
                .collect(),
        }
    }));
    sections.push(Section { heading: "Self-checks".into(), blocks: checks });
    sections.push(Section { heading: "What the journal holds".into(), blocks: counts::blocks(&src.entries) });
    if let Some(words) = &src.coupling {
        sections.push(Section {
            heading: "Self-worth and how the people I support are doing".into(),
            blocks: vec![Block::Paragraph { text: words.clone() }],
        });
    }
    let charts: Vec<Block> = src
        .charts
        .iter()
        .map(|c| Block::Chart { title: c.title.clone(), svg: c.svg.clone(), summary: c.summary.clone() })
        .collect();
    sections.push(Section {
        heading: "Trends".into(),
        blocks: if charts.is_empty() {
            vec![Block::Paragraph { text: "There is nothing to chart in this range.".into() }]
        } else {
            charts
        },
    });
    sections.push(Section {
        heading: "Entries I chose to share".into(),
        blocks: if shared.is_empty() {
            vec![Block::Paragraph { text: "No entries are shared in this summary.".into() }]
        } else {
            shared
        },
    });
    if !src.credits.is_empty() {
        sections.push(Section {
            heading: "About the self-checks".into(),
            blocks: src
                .credits
                .iter()
                .map(|c| Block::Item {
                    heading: c.instrument.clone(),
                    lines: vec![Line::new("Credit", c.credit.clone()), Line::new("Terms", c.terms.clone())],
                })
                .collect(),
        });
    }
    Summary {
        title: TITLE.into(),
        subtitle: format!("{} to {}", day_words(req.from), day_words(req.to)),
        author: req.author.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned),
        sections,
    }
}
