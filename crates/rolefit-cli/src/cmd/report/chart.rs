//! The scorecard as an inline SVG bar chart: one bar per role, the recommended ones
//! highlighted. Plain shapes and text, so it prints and needs no script.

use std::fmt::Write as _;

use rolefit::{Catalog, Scorecard};

use super::escape::esc;

const WIDTH: f64 = 720.0;
const LABEL: f64 = 190.0;
const BAR: f64 = 440.0;
const ROW: f64 = 34.0;
const TOP: f64 = 12.0;
const AXIS: f64 = 26.0;

/// The chart, as an `<svg>` element that scales to its container.
pub fn scores(catalog: &Catalog, card: &Scorecard) -> String {
    let n = card.scores().len().max(1) as f64;
    let height = TOP + n * ROW + AXIS;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">"#
    );
    svg.push_str(r#"<title id="chart-title">Score of each role, from 0 to 1</title>"#);
    // Grid lines and axis labels at quarters.
    for q in 0..=4 {
        let x = LABEL + BAR * f64::from(q) / 4.0;
        let _ = write!(
            svg,
            r##"<line x1="{x}" y1="{TOP}" x2="{x}" y2="{y2}" stroke="#d5dae3" stroke-width="1"/><text x="{x}" y="{ty}" font-size="11" text-anchor="middle" fill="#5b6475">{label}</text>"##,
            y2 = TOP + n * ROW,
            ty = TOP + n * ROW + 16.0,
            label = f64::from(q) / 4.0,
        );
    }
    for (i, s) in card.scores().iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let name = catalog.role(s.role.as_str()).map_or(s.role.as_str(), |r| &r.name);
        let recommended = card.recommended().iter().any(|r| r == &s.role);
        let fill = if recommended { "#2f6fdf" } else { "#9aa7bd" };
        let score = if s.score.is_finite() { s.score.clamp(0.0, 1.0) } else { 0.0 };
        let w = (BAR * score).max(1.0);
        let _ = write!(
            svg,
            r##"<text x="{lx}" y="{ty}" font-size="13" text-anchor="end" fill="#1d2330"{weight}>{name}</text><rect x="{LABEL}" y="{ry}" width="{w:.1}" height="{h}" rx="3" fill="{fill}"/><text x="{vx:.1}" y="{ty}" font-size="12" fill="#1d2330">{score:.2}{mark}</text>"##,
            lx = LABEL - 10.0,
            ty = y + ROW / 2.0 + 4.0,
            weight = if recommended { r#" font-weight="600""# } else { "" },
            name = esc(name),
            ry = y + 7.0,
            h = ROW - 14.0,
            vx = LABEL + w + 6.0,
            mark = if recommended { " ✓ recommended" } else { "" },
        );
    }
    svg.push_str("</svg>");
    svg
}
