//! The Forecast screen in the real window: the uPlot charts are painted, read the P85 line, put a
//! member on duty in the what-if panel, and see P85 drop at once.
use std::time::{Duration, Instant};

use sprintshield_e2e::{Home, Window};

fn points(text: &str) -> f64 {
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("P85 is not a number: {text:?}"))
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
async fn a_member_on_duty_in_the_what_if_panel_lowers_p85() {
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
    w.wait_for("[data-testid=forecast-chart] canvas").await;
    w.wait_for("[data-testid=velocity-chart] canvas").await;
    w.wait_for("[data-testid=backtest]").await;
    let before = points(&w.text("[data-testid=forecast-p85]").await);
    assert!(before > 0.0, "P85 {before}");
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
        let now = points(&w.text("[data-testid=forecast-p85]").await);
        if now != before {
            break now;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "P85 stayed at {before}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(after < before, "P85 went from {before} to {after}");
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
