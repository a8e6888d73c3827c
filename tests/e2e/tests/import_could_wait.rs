//! "Could have waited" on imported interrupts, in the real window: the PagerDuty export's two
//! low-urgency incidents are marked by the stated rule (low waits; critical and high never), the
//! preview's checkboxes change which severities wait and the rows follow, and what is imported
//! carries the marks the preview showed.
use sprintshield_e2e::{csv_sample, strings, Home, Window};

/// The "could wait" cells of the rows to add, in order.
async fn waits(w: &Window) -> Vec<String> {
    strings(
        w,
        "return [...document.querySelectorAll('[data-testid=csv-rows] [data-testid=csv-row-waits]')].map(c => c.textContent.trim());",
    )
    .await
}

async fn until_waits(w: &Window, want: &[&str]) {
    for _ in 0..200 {
        if waits(w).await == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the rows say {:?}, not {want:?}", waits(w).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_interrupts_could_have_waited_by_the_stated_rule() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-interrupts]").await;
    w.wait_for("[data-testid=interrupt-stats]").await;
    w.click("[data-testid=csv-open]").await;
    let input = w.wait_for("[data-testid=csv-file]").await;
    input.send_keys(&csv_sample("pagerduty.csv")).await.unwrap();
    w.wait_for_text("[data-testid=csv-summary]", "3 interrupts to add")
        .await;
    // Urgency high, low, low: the two low ones could have waited, and the preview says why.
    until_waits(&w, &["", "yes", "yes"]).await;
    assert!(w
        .text("[data-testid=csv-dialog]")
        .await
        .contains("Could have waited: every low interrupt"));
    // Untick low: nothing waits; tick it again.
    w.click("[data-testid=csv-wait-low]").await;
    until_waits(&w, &["", "", ""]).await;
    w.click("[data-testid=csv-wait-low]").await;
    until_waits(&w, &["", "yes", "yes"]).await;
    w.click("[data-testid=csv-apply]").await;
    w.wait_for_text("[data-testid=banner-ok]", "Imported 3 interrupts")
        .await;
    let stored: Vec<(String, bool)> = {
        let db = home.read_db();
        let mut st = db
            .prepare(
                "SELECT i.severity, i.could_have_waited FROM interrupt i
                 JOIN interrupt_source s ON s.interrupt_id = i.id ORDER BY i.arrived_at",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(
        stored,
        vec![
            ("high".to_owned(), false),
            ("low".to_owned(), true),
            ("low".to_owned(), true)
        ]
    );
    w.close().await;
}
