//! Colours and markers. Every colour has at least 3:1 contrast with the white background (WCAG AA
//! for graphics; text uses [`TEXT`] at 4.5:1 or more), and no colour carries meaning alone: each
//! series also has its own marker shape and a label, and bands are named in text.

use plotters::style::RGBColor;

/// Text and axes.
pub const TEXT: RGBColor = RGBColor(0x1f, 0x29, 0x33);
/// Light grid lines (decoration only).
pub const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xeb);
/// Band shading, lightest to darkest (behind the data; each band is also labelled).
pub const SHADES: [RGBColor; 3] = [RGBColor(0xf1, 0xf5, 0xf4), RGBColor(0xe2, 0xec, 0xea), RGBColor(0xd0, 0xe1, 0xde)];

/// A marker shape, so series differ by more than colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A filled circle.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle.
    Triangle,
    /// A cross.
    Cross,
}

/// The series styles, in order: colour and marker.
pub const SERIES: [(RGBColor, Marker); 4] = [
    (RGBColor(0x1d, 0x5e, 0x5a), Marker::Circle),   // deep teal
    (RGBColor(0x9a, 0x3b, 0x12), Marker::Square),   // rust
    (RGBColor(0x4b, 0x3f, 0x9e), Marker::Triangle), // indigo
    (RGBColor(0x5c, 0x5c, 0x5c), Marker::Cross),    // grey
];

/// The style of the `i`th series (wrapping).
pub fn series(i: usize) -> (RGBColor, Marker) {
    SERIES[i % SERIES.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.040_45 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn colours_meet_wcag_aa_on_white_and_on_every_shade() {
        let white = RGBColor(255, 255, 255);
        assert!(contrast(TEXT, white) >= 4.5, "text on white meets 4.5:1");
        for bg in std::iter::once(white).chain(SHADES) {
            assert!(contrast(TEXT, bg) >= 4.5, "text on a band shade meets 4.5:1");
            for (c, _) in SERIES {
                assert!(contrast(c, bg) >= 3.0, "series colour {c:?} on {bg:?} meets 3:1 for graphics");
            }
        }
    }

    #[test]
    fn no_two_series_share_a_marker() {
        let mut markers: Vec<String> = SERIES.iter().map(|(_, m)| format!("{m:?}")).collect();
        markers.sort();
        markers.dedup();
        assert_eq!(markers.len(), SERIES.len(), "each series is told apart by shape too");
    }
}
