//! The summary as a PDF (krilla): real, selectable text in the shipped Inter font (embedded,
//! subset), the charts drawn as vectors from the very SVGs the app shows (krilla-svg, with the
//! same font and no system font), a structure tree (headings, paragraphs, lists, figures with their
//! alternative text), page numbers, and metadata holding the title, the language and the
//! worker's name only when they added one.

mod layout;

use std::num::NonZeroU16;
use std::sync::{Arc, OnceLock};

use ab_glyph::FontRef;
use ballast_charts::font::{FAMILY, INTER_REGULAR};
use krilla::Document;
use krilla::geom::{Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use krilla_svg::{SurfaceExt, SvgSettings};

use self::layout::{FOOTER_BASELINE, Mark, Op, PAGE_H, PAGE_W};
use crate::ReportError;
use crate::model::{Block, Summary};

/// The font database charts are read with: the shipped font only, as every family.
fn svg_options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(INTER_REGULAR.to_vec());
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        usvg::Options { font_family: FAMILY.to_owned(), fontdb: Arc::new(db), ..usvg::Options::default() }
    })
}

fn pdf_font() -> Result<Font, ReportError> {
    static FONT: OnceLock<Option<Font>> = OnceLock::new();
    FONT.get_or_init(|| Font::new(INTER_REGULAR.to_vec().into(), 0))
        .clone()
        .ok_or_else(|| ReportError::Pdf("the shipped font could not be read".into()))
}

fn tag(mark: &Mark) -> TagKind {
    match mark {
        Mark::Heading(level, title) => {
            Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(title.clone())).into()
        }
        Mark::Paragraph => Tag::P.into(),
        Mark::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        Mark::List => Tag::L(ListNumbering::None).into(),
        Mark::ListItem => Tag::LI.into(),
        Mark::ListBody => Tag::LBody.into(),
    }
}

/// Group `i` with its content and its child groups, in reading order.
fn tag_group(i: usize, marks: &[Mark], ids: &mut [Vec<Identifier>], children: &[Vec<usize>]) -> TagGroup {
    let mut group = TagGroup::new(tag(&marks[i]));
    std::mem::take(&mut ids[i]).into_iter().for_each(|id| group.push(id));
    for &c in &children[i] {
        group.push(tag_group(c, marks, ids, children));
    }
    group
}

fn draw(surface: &mut Surface<'_>, op: &Op, font: &Font, charts: &[usvg::Tree]) -> Option<(usize, Identifier)> {
    match op {
        Op::Text { x, baseline, size, text, group } => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.draw_text(Point::from_xy(*x, *baseline), font.clone(), *size, text, false, TextDirection::Auto);
            surface.end_tagged();
            Some((*group, id))
        }
        Op::Chart { x, y, w, h, index, group } => {
            // Everything that can fail is settled before the tagged section opens, so it always closes.
            let (tree, size) = (charts.get(*index)?, Size::from_wh(*w, *h)?);
            let id = surface.start_tagged(ContentTag::Other);
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_svg(tree, size, SvgSettings::default());
            surface.pop();
            surface.end_tagged();
            Some((*group, id))
        }
    }
}

/// The characters of `summary`'s text that the shipped font cannot draw (each once, in order of
/// appearance): the PDF shows them as empty boxes, so the preview says so (Markdown keeps them).
pub fn unsupported(summary: &Summary) -> Vec<char> {
    let Ok(font) = FontRef::try_from_slice(INTER_REGULAR) else { return Vec::new() };
    let mut out = Vec::new();
    for text in summary.texts() {
        for c in text.chars().filter(|c| !c.is_whitespace() && !c.is_control()) {
            if ab_glyph::Font::glyph_id(&font, c).0 == 0 && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The PDF of `summary`.
///
/// # Errors
/// [`ReportError::Chart`] when a chart's SVG cannot be read; [`ReportError::Pdf`] when the
/// document cannot be written.
pub fn render(summary: &Summary) -> Result<Vec<u8>, ReportError> {
    let charts: Vec<usvg::Tree> = summary
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Chart { svg, .. } => Some(svg),
            _ => None,
        })
        .map(|svg| usvg::Tree::from_str(svg, svg_options()).map_err(|e| ReportError::Chart(e.to_string())))
        .collect::<Result<_, _>>()?;
    let sizes: Vec<(f32, f32)> = charts.iter().map(|t| (t.size().width(), t.size().height())).collect();
    let measure = FontRef::try_from_slice(INTER_REGULAR).map_err(|e| ReportError::Pdf(e.to_string()))?;
    let laid = layout::lay_out(measure.clone(), summary, &sizes);
    let font = pdf_font()?;
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ReportError::Pdf("page size".into()))?;
    let mut doc = Document::new();
    let mut ids: Vec<Vec<Identifier>> = vec![Vec::new(); laid.groups.len()];
    let count = laid.pages.len();
    for (n, ops) in laid.pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            if let Some((group, id)) = draw(&mut surface, op, &font, &charts)
                && let Some(list) = ids.get_mut(group)
            {
                list.push(id);
            }
        }
        let number = format!("Page {} of {count}", n + 1);
        let x = (PAGE_W - layout::width(&measure, &number, 9.0)) / 2.0;
        surface.start_tagged(ContentTag::Artifact(ArtifactType::Footer));
        surface.draw_text(Point::from_xy(x, FOOTER_BASELINE), font.clone(), 9.0, &number, false, TextDirection::Auto);
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    // Groups without content are dropped by krilla; a list holds its items, an item its body.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); laid.groups.len()];
    let mut roots = Vec::new();
    for (i, parent) in laid.parents.iter().enumerate() {
        match parent {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    let mut tree = TagTree::new().with_lang(Some("en".to_owned()));
    for i in roots {
        tree.push(tag_group(i, &laid.groups, &mut ids, &children));
    }
    doc.set_tag_tree(tree);
    let mut metadata = Metadata::new()
        .title(format!("{}, {}", summary.title, summary.subtitle))
        .language("en".to_owned())
        .creator("Ballast".to_owned());
    if let Some(author) = &summary.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    doc.set_metadata(metadata);
    doc.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))
}
