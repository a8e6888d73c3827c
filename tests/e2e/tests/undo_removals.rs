//! Undo of policy edits and of removals in the real window, without the CLI: on a team made in
//! the app (three members, a sprint two weeks out, a weekly Pager planned into it), a policy edit
//! (a member added to the pool) is undone with Ctrl+Z; the policy is removed and the rail's Undo
//! brings it back with its turns under their ids; a release train to Atlas is removed and Ctrl+Z
//! brings it back; the team is removed and Ctrl+Z brings it all back (its train included) and
//! selects it again — the database is compared row for row with how it was before each removal.
//! Screenshots are named for the colour scheme the page rendered in, so a run under
//! `GTK_THEME=Adwaita:dark` gives the dark ones.

use rusqlite::types::ValueRef;
use serde_json::Value;
use sprintshield_e2e::{ctrl_z, pick, save_enabled, says, scheme, set, until, Home, Window};

/// Every row of every table, one line each, sorted: equal dumps are equal databases.
fn dump(home: &Home) -> Vec<String> {
    let c = home.read_db();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut lines = Vec::new();
    for table in tables {
        let mut st = c.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let mut line = table.clone();
            for i in 0..n {
                line.push_str(" | ");
                line.push_str(&match r.get_ref(i).unwrap() {
                    ValueRef::Null => "NULL".to_owned(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => format!("{v:?}"),
                    ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => format!("{b:?}"),
                });
            }
            lines.push(line);
        }
    }
    lines.sort();
    lines
}

fn count(home: &Home, sql: &str) -> i64 {
    home.read_db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Pager's turns as (id, member, start), by start.
fn pager_turns(home: &Home) -> Vec<(i64, i64, String)> {
    let c = home.read_db();
    let mut st = c
        .prepare(
            "SELECT t.id, t.member_id, t.start_at FROM turn t JOIN duty_policy p ON p.id = t.policy_id
             WHERE p.name = 'Pager' ORDER BY t.start_at",
        )
        .unwrap();
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn pager_pool(home: &Home) -> Vec<i64> {
    let text: String = home
        .read_db()
        .query_row("SELECT pool FROM duty_policy WHERE name = 'Pager'", [], |r| r.get(0))
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A date `days` from today, as the date inputs take it.
fn in_days(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), to stay off a date crate.
    let z = now / 86_400 + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[tokio::test(flavor = "multi_thread")]
async fn policy_edit_policy_removal_and_team_removal_are_undone() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let theme = scheme(&w).await;

    // A new team with three members and a sprint two weeks out, made in the app.
    w.click("button.newteam").await;
    w.fill("#team-name", "Orion").await;
    w.click("[data-testid=team-form] [type=submit]").await;
    until(
        &w,
        "return document.querySelector('[data-testid=team-picker]').selectedOptions[0]?.text === 'Orion';",
        "Orion selected",
    )
    .await;
    for name in ["Ana Lima", "Ben Ode", "Cleo Park"] {
        if w.eval("return !document.querySelector('#member-name');").await == Value::Bool(true) {
            w.click("[data-testid=add-member]").await;
        }
        w.fill("#member-name", name).await;
        w.click("[data-testid=member-submit]").await;
        until(
            &w,
            &format!(
                "return [...document.querySelectorAll('[data-testid=member-row]')].some(r => r.textContent.includes({name:?}));"
            ),
            "member added",
        )
        .await;
    }
    w.click("[data-testid=nav-sprints]").await;
    w.fill("#sp-name", "Orion 1").await;
    set(&w, "#sp-start", &in_days(14)).await;
    set(&w, "#sp-end", &in_days(27)).await;
    w.click("[data-testid=sprint-form] [type=submit]").await;
    says(&w, "[data-testid=sprint-list]", "Orion 1").await;

    // A weekly Pager for Ana and Ben, planned over the sprint (all of it in the future).
    w.click("[data-testid=nav-rotation]").await;
    w.click("[data-testid=add-first-policy]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.fill("#policy-name", "Pager").await;
    pick(&w, "#policy-kind", "Weekly (Op of the Week)").await;
    w.wait_for("#policy-weekday").await;
    pick(&w, "#policy-weekday", "Mon").await;
    set(&w, "#policy-time", "12:00").await;
    for name in ["Ana Lima", "Ben Ode"] {
        w.click(&format!("[data-testid=pool-member][data-member={name:?}]"))
            .await;
    }
    save_enabled(&w).await;
    w.click("[data-testid=policy-save]").await;
    w.wait_for("[data-testid=edit-policy][data-policy=Pager]").await;
    w.click("[data-testid=offer-autoplan-button]").await;
    w.wait_for("[data-testid=proposal]").await;
    w.click("[data-testid=accept-plan]").await;
    until(
        &w,
        "return document.querySelectorAll('[data-testid=turn]').length >= 2;",
        "Pager planned",
    )
    .await;
    let planned = pager_turns(&home);
    assert!(planned.len() >= 2, "turns planned: {planned:?}");
    assert_eq!(pager_pool(&home).len(), 2);

    // Edit: Cleo joins the pool; Ctrl+Z takes her out again and puts the turns back.
    w.click("[data-testid=edit-policy][data-policy=Pager]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.click("[data-testid=pool-member][data-member=\"Cleo Park\"]").await;
    says(&w, "[data-testid=policy-effect]", "Saving").await;
    save_enabled(&w).await;
    w.click("[data-testid=policy-save]").await;
    until(
        &w,
        "return !document.querySelector('[data-testid=policy-editor]');",
        "the editor closes",
    )
    .await;
    assert_eq!(pager_pool(&home).len(), 3, "Cleo is in the pool");
    says(&w, "[data-testid=app-undo]", "Edit policy Pager").await;
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Edit policy Pager").await;
    assert_eq!(pager_pool(&home).len(), 2, "undo took Cleo out again");
    assert_eq!(pager_turns(&home), planned, "and put the turns back");

    // Remove Pager: its turns go; the rail's Undo brings policy and turns back under their ids.
    let before_policy_removal = dump(&home);
    w.click("[data-testid=edit-policy][data-policy=Pager]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.click("[data-testid=policy-remove]").await;
    w.wait_for("[data-testid=policy-remove-confirm]").await;
    w.eval(
        "document.querySelector('[data-testid=policy-remove-confirm]').scrollIntoView({block: 'center'}); return 0;",
    )
    .await;
    w.screenshot(&format!("undo-removals-policy-question-{theme}")).await;
    w.click("[data-testid=policy-remove-confirm]").await;
    until(
        &w,
        "return !document.querySelector('[data-testid=edit-policy][data-policy=Pager]');",
        "Pager gone from the grid",
    )
    .await;
    assert_eq!(count(&home, "SELECT count(*) FROM duty_policy WHERE name = 'Pager'"), 0);
    assert!(pager_turns(&home).is_empty(), "its turns went with it");
    says(&w, "[data-testid=app-undo]", "Remove policy Pager").await;
    w.click("[data-testid=app-undo]").await;
    says(&w, "[data-testid=undo-status]", "Undid: Remove policy Pager").await;
    w.wait_for("[data-testid=edit-policy][data-policy=Pager]").await;
    assert_eq!(pager_turns(&home), planned, "the turns are back under their ids");
    assert_eq!(
        dump(&home),
        before_policy_removal,
        "the database is as it was before the removal"
    );
    w.screenshot(&format!("undo-removals-policy-back-{theme}")).await;

    // A release train from Orion to Atlas, removed and brought back by Ctrl+Z.
    w.click("[data-testid=nav-releases]").await;
    pick(&w, "[data-testid=ops-team]", "Atlas").await;
    w.eval("[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Add release train').click(); return 0;")
        .await;
    w.wait_for("[data-testid=train-picker]").await;
    says(&w, "[data-testid=app-undo]", "Add release train Orion-Atlas").await;
    let before_train_removal = dump(&home);
    assert_eq!(
        count(&home, "SELECT count(*) FROM release_train WHERE name = 'Orion-Atlas'"),
        1
    );
    w.click("[data-testid=train-remove]").await;
    w.click("[data-testid=train-remove-yes]").await;
    says(&w, "[data-testid=train-notice]", "Undo (Ctrl+Z) brings it back").await;
    assert_eq!(
        count(&home, "SELECT count(*) FROM release_train WHERE name = 'Orion-Atlas'"),
        0
    );
    w.screenshot(&format!("undo-removals-train-removed-{theme}")).await;
    ctrl_z(&w).await;
    says(
        &w,
        "[data-testid=undo-status]",
        "Undid: Remove release train Orion-Atlas",
    )
    .await;
    w.wait_for("[data-testid=train-picker]").await;
    assert_eq!(dump(&home), before_train_removal, "the train is back under its id");

    // Remove the team (no history yet): the window shows another team; Ctrl+Z brings it all back.
    let before_team_removal = dump(&home);
    w.click("[data-testid=nav-teams]").await;
    w.click("[data-testid=edit-team]").await;
    w.click("[data-testid=team-remove]").await;
    w.wait_for("[data-testid=team-remove-confirm]").await;
    w.screenshot(&format!("undo-removals-team-question-{theme}")).await;
    w.click("[data-testid=team-remove-confirm]").await;
    until(
        &w,
        "return ![...document.querySelectorAll('[data-testid=team-picker] option')].some(o => o.text === 'Orion');",
        "Orion gone from the picker",
    )
    .await;
    assert_eq!(count(&home, "SELECT count(*) FROM team WHERE name = 'Orion'"), 0);
    assert_eq!(
        count(&home, "SELECT count(*) FROM member WHERE name = 'Cleo Park'"),
        0,
        "its members went with it"
    );
    says(&w, "[data-testid=app-undo]", "Remove team Orion").await;
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Remove team Orion").await;
    until(
        &w,
        "return [...document.querySelectorAll('[data-testid=team-picker] option')].some(o => o.text === 'Orion');",
        "Orion back in the picker",
    )
    .await;
    // The window shows the team that came back, not the one it had switched to.
    until(
        &w,
        "return document.querySelector('[data-testid=team-picker]').selectedOptions[0]?.text === 'Orion';",
        "Orion selected again after the undo",
    )
    .await;
    assert_eq!(
        dump(&home),
        before_team_removal,
        "team, members, sprint, policy and turns are back, row for row"
    );
    w.screenshot(&format!("undo-removals-team-back-{theme}")).await;
    w.close().await;
}
