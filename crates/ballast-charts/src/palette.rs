//! Colours and markers, one palette per theme of the app (light, dark, high contrast). Every
//! colour meets WCAG AA on its palette's background and band shades (text 4.5:1, lines and
//! markers 3:1), and no colour carries meaning alone: each series also has its own marker shape
//! and a label, and bands are named in text.
//!
//! A chart is drawn once, in [`Palette::LIGHT`], and [`Palette::recolour`] turns it into another
//! theme's colours: every colour the light palette holds has one counterpart in each palette.

use plotters::style::RGBColor;

/// Text and axes.
pub const TEXT: RGBColor = RGBColor(0x1f, 0x29, 0x33);
/// Light grid lines (decoration only).
pub const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xeb);
/// Band shading, lightest to darkest (behind the data; each band is also labelled).
pub const SHADES: [RGBColor; 3] = [RGBColor(0xf1, 0xf5, 0xf4), RGBColor(0xe2, 0xec, 0xea), RGBColor(0xd0, 0xe1, 0xde)];
/// The background.
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);

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

/// The series markers, in order.
pub const MARKERS: [Marker; 4] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Cross];

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

/// Which of the app's themes a chart is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on white (the PDF summary always uses this).
    Light,
    /// Light text on a dark surface.
    Dark,
    /// White and bright colours on black.
    Contrast,
}

/// One theme's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Behind everything.
    pub background: RGBColor,
    /// Text and axes.
    pub text: RGBColor,
    /// Grid lines (decoration only).
    pub grid: RGBColor,
    /// Band shading, lightest to darkest in the light palette.
    pub shades: [RGBColor; 3],
    /// The series colours, in order (markers are [`MARKERS`] in every theme).
    pub series: [RGBColor; 4],
}

impl Palette {
    /// The light palette, the one charts are drawn in.
    pub const LIGHT: Self = Self {
        background: BACKGROUND,
        text: TEXT,
        grid: GRID,
        shades: SHADES,
        series: [SERIES[0].0, SERIES[1].0, SERIES[2].0, SERIES[3].0],
    };

    /// The dark palette, on the dark theme's surface (`--surface` in the UI's tokens).
    pub const DARK: Self = Self {
        background: RGBColor(0x1c, 0x24, 0x23),
        text: RGBColor(0xe7, 0xed, 0xeb),
        grid: RGBColor(0x3a, 0x46, 0x44),
        shades: [RGBColor(0x23, 0x2e, 0x2d), RGBColor(0x2a, 0x38, 0x36), RGBColor(0x32, 0x43, 0x41)],
        series: [
            RGBColor(0x7f, 0xd0, 0xc6),
            RGBColor(0xf2, 0xa0, 0x6b),
            RGBColor(0xb9, 0xb0, 0xff),
            RGBColor(0xc4, 0xc4, 0xc4),
        ],
    };

    /// The high-contrast palette, on black.
    pub const CONTRAST: Self = Self {
        background: RGBColor(0, 0, 0),
        text: RGBColor(0xff, 0xff, 0xff),
        grid: RGBColor(0x5a, 0x5a, 0x5a),
        shades: [RGBColor(0x14, 0x14, 0x14), RGBColor(0x24, 0x24, 0x24), RGBColor(0x33, 0x33, 0x33)],
        series: [
            RGBColor(0xff, 0xe1, 0x4d),
            RGBColor(0x4d, 0xe1, 0xff),
            RGBColor(0xff, 0x9e, 0xe0),
            RGBColor(0xe0, 0xe0, 0xe0),
        ],
    };

    /// The palette of `theme`.
    pub const fn of(theme: Theme) -> &'static Self {
        match theme {
            Theme::Light => &Self::LIGHT,
            Theme::Dark => &Self::DARK,
            Theme::Contrast => &Self::CONTRAST,
        }
    }

    /// Each light colour with this palette's counterpart.
    fn pairs(&self) -> impl Iterator<Item = (RGBColor, RGBColor)> {
        let light = Self::LIGHT;
        [(light.background, self.background), (light.text, self.text), (light.grid, self.grid)]
            .into_iter()
            .chain(light.shades.into_iter().zip(self.shades))
            .chain(light.series.into_iter().zip(self.series))
    }

    /// A chart drawn in the light palette, in this palette's colours. Only attribute values
    /// (`fill="#…"`, `stroke="#…"`) change: text in the chart has its quotes escaped, so a label
    /// that happens to read like a colour is left as it is.
    pub fn recolour(&self, svg: &str) -> String {
        if *self == Self::LIGHT {
            return svg.to_owned();
        }
        let map: Vec<(String, String)> = self.pairs().map(|(from, to)| (quoted(from), quoted(to))).collect();
        // One pass, so a colour already changed is never changed again.
        let mut out = String::with_capacity(svg.len());
        let mut rest = svg;
        while let Some(at) = rest.find("\"#") {
            out.push_str(&rest[..at]);
            let token = rest.get(at..at + 9).unwrap_or(&rest[at..]);
            match map.iter().find(|(from, _)| from == token) {
                Some((_, to)) => {
                    out.push_str(to);
                    rest = &rest[at + 9..];
                }
                None => {
                    out.push('"');
                    rest = &rest[at + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A colour as plotters writes it in an attribute, quotes included.
pub fn quoted(c: RGBColor) -> String {
    format!("\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
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
    fn colours_meet_wcag_aa_on_the_background_and_every_shade_in_every_theme() {
        for theme in [Theme::Light, Theme::Dark, Theme::Contrast] {
            let p = Palette::of(theme);
            for bg in std::iter::once(p.background).chain(p.shades) {
                let text = contrast(p.text, bg);
                assert!(text >= 4.5, "{theme:?}: text on {bg:?} meets 4.5:1 (is {text:.2})");
                for c in p.series {
                    let line = contrast(c, bg);
                    assert!(
                        line >= 3.0,
                        "{theme:?}: series colour {c:?} on {bg:?} meets 3:1 for graphics (is {line:.2})"
                    );
                }
            }
        }
    }

    #[test]
    fn every_theme_tells_its_colours_apart_so_recolouring_is_one_to_one() {
        for theme in [Theme::Light, Theme::Dark, Theme::Contrast] {
            let mut all: Vec<String> = Palette::of(theme).pairs().map(|(_, c)| quoted(c)).collect();
            let n = all.len();
            all.sort();
            all.dedup();
            assert_eq!(
                all.len(),
                n,
                "{theme:?}: no two roles share a colour, or recolouring could not be undone in tests"
            );
        }
    }

    #[test]
    fn recolouring_changes_attributes_and_leaves_text_alone() {
        let svg = "<rect fill=\"#FFFFFF\"/><text fill=\"#1F2933\">#1F2933 &quot;#1F2933&quot;</text>";
        let dark = Palette::DARK.recolour(svg);
        assert_eq!(
            dark, "<rect fill=\"#1C2423\"/><text fill=\"#E7EDEB\">#1F2933 &quot;#1F2933&quot;</text>",
            "the attributes take the dark colours; the words in the chart do not change"
        );
        assert_eq!(Palette::LIGHT.recolour(svg), svg, "light is how charts are drawn");
    }

    #[test]
    fn no_two_series_share_a_marker() {
        let mut markers: Vec<String> = SERIES.iter().map(|(_, m)| format!("{m:?}")).collect();
        markers.sort();
        markers.dedup();
        assert_eq!(markers.len(), SERIES.len(), "each series is told apart by shape too");
        assert_eq!(SERIES.map(|(_, m)| m), MARKERS, "the markers are the same in every theme");
    }
}
