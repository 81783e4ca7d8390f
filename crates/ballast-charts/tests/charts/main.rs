//! `ballast-charts`' one integration binary: SVG snapshots of each kind of chart with fixed data,
//! the same SVG on every run, and journal text that cannot inject markup.

use ballast_charts::{
    Axis, Bar, BarChart, Rule, Series, Shade, TimeChart, Timeline, TimelineRow, bar_chart, time_chart, timeline,
};
use chrono::NaiveDate;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("a valid date")
}

fn proqol() -> TimeChart {
    let band = |from, to, label: &str| Shade { from, to, label: label.to_owned() };
    TimeChart {
        title: "ProQOL 5 over time".into(),
        from: day(1, 1),
        to: day(6, 30),
        y: Axis { label: "Score (10–50)".into(), min: 10.0, max: 50.0 },
        series: vec![
            Series {
                label: "Compassion satisfaction".into(),
                points: vec![(day(1, 10), 38.0), (day(2, 12), 36.0), (day(3, 14), 40.0), (day(5, 2), 41.0)],
            },
            Series {
                label: "Burnout".into(),
                points: vec![(day(1, 10), 24.0), (day(2, 12), 29.0), (day(3, 14), 33.0), (day(5, 2), 30.0)],
            },
            Series {
                label: "Secondary traumatic stress".into(),
                points: vec![(day(1, 10), 20.0), (day(2, 12), 23.0), (day(3, 14), 27.0), (day(5, 2), 22.0)],
            },
        ],
        shades: vec![
            band(10.0, 22.5, "Lower range (≤ 22)"),
            band(22.5, 41.5, "Middle range"),
            band(41.5, 50.0, "Higher range (≥ 42)"),
        ],
        rules: Vec::new(),
    }
}

fn who5() -> TimeChart {
    TimeChart {
        title: "WHO-5 over time".into(),
        from: day(3, 1),
        to: day(4, 30),
        y: Axis { label: "Score (0–100)".into(), min: 0.0, max: 100.0 },
        series: vec![Series {
            label: "Wellbeing".into(),
            points: vec![(day(3, 2), 56.0), (day(3, 16), 48.0), (day(3, 30), 60.0), (day(4, 13), 64.0)],
        }],
        shades: Vec::new(),
        rules: vec![Rule { at: 50.0, label: "50: the suggested cut-off".into() }],
    }
}

#[test]
fn the_proqol_chart_with_its_bands() {
    insta::assert_snapshot!("proqol", time_chart::render(&proqol()).expect("draws"));
}

#[test]
fn the_who5_chart_with_its_cutoff_line() {
    insta::assert_snapshot!("who5", time_chart::render(&who5()).expect("draws"));
}

#[test]
fn the_same_data_gives_the_same_svg() {
    let a = time_chart::render(&proqol()).expect("draws");
    let b = time_chart::render(&proqol()).expect("draws again");
    assert_eq!(a, b, "rendering is deterministic");
    assert!(a.contains("font-family=\"Inter\""), "text names the shipped font");
    assert!(!a.contains("sans-serif"), "and never a system family");
}

#[test]
fn journal_text_cannot_inject_markup() {
    let mut chart = who5();
    chart.title = "Tags: <script>alert('x')</script> & R7".into();
    chart.series[0].label = "<img src=x onerror=alert(1)> & co".into();
    chart.rules[0].label = "</text><script>bad()</script>".into();
    let svg = time_chart::render(&chart).expect("draws");
    for raw in ["<script", "<img", "</text><script"] {
        assert!(!svg.contains(raw), "{raw:?} must not reach the SVG as markup");
    }
    assert!(
        svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; R7"),
        "the title is escaped, not dropped"
    );
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"), "a legend label is escaped");
    let opened = svg.matches("<text").count();
    let closed = svg.matches("</text>").count();
    assert_eq!(opened, closed, "every text element is closed exactly once");
}

#[test]
fn an_empty_range_is_refused_not_drawn() {
    let mut chart = who5();
    chart.to = day(2, 1);
    assert!(time_chart::render(&chart).is_err(), "a range that ends before it starts");
}

fn coupling() -> BarChart {
    let bar = |label: &str, value, note: &str| Bar { label: label.into(), value, note: note.into() };
    BarChart {
        title: "Mean self-worth by kind of day".into(),
        y: Axis { label: "Mean self-worth (0–10)".into(), min: 0.0, max: 10.0 },
        bars: vec![
            bar("Setback days", Some(4.5), "6 days"),
            bar("Progress days", Some(7.25), "9 days"),
            bar("Other days", None, "0 days"),
        ],
        absent: "no data".into(),
    }
}

#[test]
fn the_coupling_bars_with_values_and_day_counts() {
    let svg = bar_chart::render(&coupling()).expect("draws");
    assert!(
        svg.contains("4.50 (6 days)") && svg.contains("7.25 (9 days)"),
        "each bar says its value and what it rests on"
    );
    assert!(svg.contains("no data (0 days)"), "a group without days says so instead of showing zero");
    insta::assert_snapshot!("coupling", svg);
}

#[test]
fn a_bar_label_from_the_journal_is_escaped() {
    let mut chart = coupling();
    chart.bars[0].label = "<script>x()</script>".into();
    let svg = bar_chart::render(&chart).expect("draws");
    assert!(!svg.contains("<script"), "no markup from a label");
    assert!(svg.contains("&lt;script&gt;x()&lt;/script&gt;"), "the label is kept, escaped");
}

#[test]
fn setbacks_on_a_timeline_a_row_per_kind() {
    let chart = Timeline {
        title: "Setbacks".into(),
        from: day(1, 1),
        to: day(3, 31),
        rows: vec![
            TimelineRow { label: "Crisis".into(), days: vec![day(1, 14), day(3, 2)] },
            TimelineRow { label: "Hospital admission".into(), days: vec![day(2, 20)] },
        ],
        context: Some((
            "Mood (0–10)".into(),
            vec![(day(1, 10), 6.0), (day(1, 14), 3.0), (day(2, 20), 4.0), (day(3, 2), 7.0)],
        )),
    };
    let svg = timeline::render(&chart).expect("draws");
    assert!(
        svg.contains("\nCrisis\n</text>") && svg.contains("\nHospital admission\n</text>"),
        "each row is named in text"
    );
    assert!(svg.contains("\nMood (0–10)\n</text>") && svg.contains("<polyline"), "with the mood line above it, named");
    assert_eq!(svg.matches("<rect").count() - 1, 3, "a marker per setback (after the background)");
    insta::assert_snapshot!("timeline", svg);
}

/// Every colour attribute in `svg` (`"#RRGGBB"`, quotes included).
fn colours(svg: &str) -> std::collections::BTreeSet<String> {
    svg.match_indices("\"#").map(|(i, _)| svg[i..i + 9].to_owned()).collect()
}

#[test]
fn every_kind_of_chart_takes_each_themes_palette_whole() {
    use ballast_charts::palette::{Palette, Theme, quoted};
    let colours_of = |p: &Palette| -> Vec<String> {
        std::iter::once(p.background).chain([p.text, p.grid]).chain(p.shades).chain(p.series).map(quoted).collect()
    };
    let light_colours = colours_of(&Palette::LIGHT);
    let drawn = [
        time_chart::render(&proqol()).expect("draws"),
        time_chart::render(&who5()).expect("draws"),
        bar_chart::render(&coupling()).expect("draws"),
    ];
    for svg in &drawn {
        for c in colours(svg) {
            assert!(
                light_colours.contains(&c),
                "{c} is drawn but is not in the light palette, so no theme would recolour it"
            );
        }
        for theme in [Theme::Dark, Theme::Contrast] {
            let themed = Palette::of(theme).recolour(svg);
            let own = colours_of(Palette::of(theme));
            let strays: Vec<String> = colours(&themed).into_iter().filter(|c| !own.contains(c)).collect();
            assert!(
                strays.is_empty(),
                "{theme:?}: every colour drawn is the theme's own, none left from light: {strays:?}"
            );
            assert_eq!(themed.len(), svg.len(), "{theme:?}: only colours change, nothing else");
        }
    }
}
