//! The one font charts use: Inter (OFL, `assets/fonts/`), registered with plotters once, under
//! its own name and as plotters' default family, so no text is ever measured with a system font.

use std::sync::OnceLock;

use plotters::style::FontStyle;

/// The font family every chart names.
pub const FAMILY: &str = "Inter";

/// The font file, compiled in.
pub const INTER_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");

/// Registers the font (once per process). The shipped file always parses: every chart test draws
/// text with it, and a font that failed to register would fail them with `FontUnavailable`.
pub(crate) fn ensure() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        for name in [FAMILY, "sans-serif"] {
            for style in [FontStyle::Normal, FontStyle::Bold] {
                let _ = plotters::style::register_font(name, style, INTER_REGULAR);
            }
        }
    });
}
