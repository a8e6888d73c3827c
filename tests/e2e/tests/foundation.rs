//! The foundation through the real window: add a member, restart, still there; an invalid form
//! shows its error and writes nothing.
use sprintshield_e2e::{Home, Window};

fn member_count(home: &Home, name: &str) -> i64 {
    home.read_db()
        .query_row("SELECT count(*) FROM member WHERE name = ?1", [name], |r| r.get(0))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn added_member_survives_a_restart() {
    let home = Home::new();
    let w = Window::start(&home).await;
    println!("cold start to first paint: {} ms", w.cold_start.as_millis());
    w.wait_for_text("[data-testid=member-list]", "Ana Souza").await;
    w.screenshot("teams").await;
    w.click("[data-testid=add-member]").await;
    w.fill("#member-name", "Zara Quinn").await;
    w.fill("#member-capacity", "70").await;
    w.fill("#member-skills", "db, ops").await;
    w.click("[data-testid=member-submit]").await;
    w.wait_for_text("[data-testid=member-list]", "Zara Quinn").await;
    w.close().await;
    assert_eq!(member_count(&home, "Zara Quinn"), 1);

    let w = Window::start(&home).await;
    println!("warm start to first paint: {} ms", w.cold_start.as_millis());
    w.wait_for_text("[data-testid=member-list]", "Zara Quinn").await;
    assert!(w.text("[data-testid=member-list]").await.contains("70 %"));
    w.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_member_shows_the_error_and_writes_nothing() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=add-member]").await;
    w.fill("#member-name", "Otto Over").await;
    w.fill("#member-capacity", "150").await;
    w.click("[data-testid=member-submit]").await;
    w.wait_for_text("[data-testid=error-member-capacity]", "between 1 and 100")
        .await;
    w.screenshot("invalid-member").await;
    assert_eq!(member_count(&home, "Otto Over"), 0);
    let rows: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 9, "only the demo members");
    w.close().await;
}
