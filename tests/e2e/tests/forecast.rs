//! The Forecast screen in the real window: the headline ("Commit to N points …" with its causes
//! and one range) is visible without scrolling in a 1280×800 window; the expander "How this is
//! computed" holds the uPlot charts, painted; put a member on duty in the what-if panel and see
//! the commitment drop at once. Screenshots (with `SCREENSHOT_DIR`) are named after the colour
//! scheme the page rendered in, so a run under `GTK_THEME=Adwaita:dark` gives the dark ones.
use std::time::{Duration, Instant};

use sprintshield_e2e::{scheme, Home, Window};

/// N of "Commit to N points".
fn points(text: &str) -> f64 {
    text.trim()
        .strip_prefix("Commit to ")
        .and_then(|t| t.strip_suffix(" points"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not \"Commit to N points\": {text:?}"))
}

/// What a uPlot chart painted on its canvas, counted in the page.
#[derive(Debug)]
struct Painted {
    /// Pixels in the bar colour (the --accent token, drawn half transparent).
    bars: u64,
    /// Pixels in the P85 line's colour (the --ok token).
    p85_line: u64,
    /// The canvas is as wide as the chart's container (it follows the card's width).
    fills_container: bool,
}

/// Waits (up to 5 s) until the chart `testid` has painted what `drawn` expects.
async fn painted(w: &Window, testid: &str, drawn: impl Fn(&Painted) -> bool) -> Painted {
    let start = Instant::now();
    loop {
        let p = paint_of(w, testid).await;
        if drawn(&p) {
            return p;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "{testid} not drawn: {p:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn paint_of(w: &Window, testid: &str) -> Painted {
    let script = format!(
        r#"const box = document.querySelector('[data-testid={testid}]');
        const c = box.querySelector('canvas');
        const css = getComputedStyle(document.documentElement);
        const rgb = (n) => {{ const h = css.getPropertyValue(n).trim().slice(1);
          return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)); }};
        const near = (d, i, [r, g, b]) => Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const accent = rgb('--accent'), ok = rgb('--ok');
        let bars = 0, line = 0;
        for (let i = 0; i < d.length; i += 4) {{
          if (d[i + 3] > 100 && d[i + 3] < 200 && near(d, i, accent)) bars++;
          if (d[i + 3] > 200 && near(d, i, ok)) line++;
        }}
        return [bars, line, Math.abs(c.getBoundingClientRect().width - box.clientWidth) <= 2];"#
    );
    let v = w.eval(&script).await;
    Painted {
        bars: v[0].as_u64().expect("bar pixel count"),
        p85_line: v[1].as_u64().expect("line pixel count"),
        fills_container: v[2].as_bool().expect("width check"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_headline_is_visible_without_scrolling_at_1280_by_800() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.client.set_window_size(1280, 800).await.expect("resize the window");
    w.click("[data-testid=nav-forecast]").await;
    w.wait_for_text("[data-testid=forecast-headline]", "Commit to").await;
    let sentence = w.text("[data-testid=forecast-headline]").await;
    assert!(
        sentence.contains("focus days of"),
        "the causes are visible text: {sentence}"
    );
    let range = w.text("[data-testid=forecast-range]").await;
    assert!(range.starts_with("Likely range: "), "{range}");
    // Whole points: no "26.25" anywhere in the headline or the range.
    let decimals = regex_free_decimal(&format!("{sentence} {range}"));
    assert!(
        decimals.is_empty(),
        "points with decimals {decimals:?} in {sentence} {range}"
    );
    let v = w
        .eval(
            "const r = document.querySelector('[data-testid=forecast-range]').getBoundingClientRect();
             const h = document.querySelector('[data-testid=forecast-headline]').getBoundingClientRect();
             const main = document.scrollingElement;
             return [h.top, r.bottom, innerHeight, innerWidth, main.scrollTop,
                     document.querySelector('[data-testid=forecast-details]').open];",
        )
        .await;
    let (top, bottom, height, width) = (
        v[0].as_f64().unwrap(),
        v[1].as_f64().unwrap(),
        v[2].as_f64().unwrap(),
        v[3].as_f64().unwrap(),
    );
    assert!(width <= 1280.0 && height <= 800.0, "viewport {width}×{height}");
    assert_eq!(v[4].as_f64(), Some(0.0), "not scrolled");
    assert!(
        top >= 0.0 && bottom <= height,
        "headline and range from {top} to {bottom} px, viewport {height} px high"
    );
    assert_eq!(v[5], serde_json::Value::Bool(false), "the details start closed");
    let s = scheme(&w).await;
    w.screenshot(&format!("forecast-headline-{s}")).await;
    w.click("[data-testid=forecast-details] summary").await;
    w.wait_for_text("[data-testid=forecast-details]", "P85").await;
    // The explanations are text in the expander, not hover-only titles.
    w.wait_for_text("[data-testid=forecast-per-person]", "focus person-days")
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    w.screenshot(&format!("forecast-details-{s}")).await;
    w.close().await;
}

/// Numbers with a decimal point in `text` ("26.25"), which a headline in whole points never has
/// (focus days may keep one decimal: "30.5 focus days" is allowed).
fn regex_free_decimal(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[1].starts_with("points") || w[1].starts_with("half"))
        .map(|w| w[0].trim_start_matches(['(', '–', '−']).to_owned())
        .filter(|n| n.contains('.') || n.split('–').any(|p| p.contains('.')))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_on_duty_in_the_what_if_panel_lowers_the_commitment() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-forecast]").await;
    w.wait_for_text("[data-testid=capacity-heatmap]", "Ana Souza").await;
    let day_totals = w
        .eval("return document.querySelectorAll('[data-testid=capacity-day-totals] td.team').length;")
        .await;
    let days = w
        .eval("return document.querySelectorAll('[data-testid=capacity-heatmap] thead th').length - 2;")
        .await;
    assert_eq!(day_totals, days, "one team total per sprint day");
    let before = points(&w.text("[data-testid=forecast-commit]").await);
    assert!(before > 0.0, "commit {before}");
    // The charts live in the "How this is computed" expander.
    w.click("[data-testid=forecast-details] summary").await;
    w.wait_for("[data-testid=forecast-chart] canvas").await;
    w.wait_for("[data-testid=velocity-chart] canvas").await;
    w.wait_for("[data-testid=backtest]").await;
    let dist = painted(&w, "forecast-chart", |p| p.bars > 100 && p.p85_line > 20).await;
    assert!(
        dist.fills_container,
        "forecast chart is not as wide as its card: {dist:?}"
    );
    let velo = painted(&w, "velocity-chart", |p| p.bars > 100).await;
    assert!(
        velo.fills_container,
        "velocity chart is not as wide as its card: {velo:?}"
    );
    w.screenshot("forecast").await;

    w.click("[data-testid^=whatif-duty-]").await;
    let start = Instant::now();
    let after = loop {
        let now = points(&w.text("[data-testid=forecast-commit]").await);
        if now != before {
            break now;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the commitment stayed at {before}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(after < before, "the commitment went from {before} to {after}");
    w.wait_for_text("[data-testid=whatif-panel]", "on duty the whole sprint")
        .await;
    w.screenshot("forecast-what-if").await;
    // Clicking scrolls the scenarios, the charts and the backtest into view for the screenshots.
    w.click("[data-testid=scenarios]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    w.screenshot("forecast-scenarios-charts").await;
    w.click("[data-testid=backtest]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    w.screenshot("forecast-backtest").await;
    w.close().await;
}
