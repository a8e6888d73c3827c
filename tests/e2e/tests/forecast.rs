//! The Forecast screen in the real window: read the P85 line, put a member on duty in the what-if
//! panel, and see P85 drop at once.
use std::time::{Duration, Instant};

use sprintshield_e2e::{Home, Window};

fn points(text: &str) -> f64 {
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("P85 is not a number: {text:?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_on_duty_in_the_what_if_panel_lowers_p85() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-forecast]").await;
    w.wait_for_text("[data-testid=capacity-heatmap]", "Ana Souza").await;
    w.wait_for("[data-testid=forecast-chart]").await;
    w.wait_for("[data-testid=backtest]").await;
    let before = points(&w.text("[data-testid=forecast-p85]").await);
    assert!(before > 0.0, "P85 {before}");
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
