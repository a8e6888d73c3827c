//! The forecast IPC commands through Tauri's mock runtime, called the way the Forecast screen
//! calls them, over a fresh database with the demo teams.
use serde_json::{json, Value};
use sprintshield_app::{open_state, with_commands};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct Harness {
    _dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

impl Harness {
    fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let state = open_state(dir.path().join("s.db")).unwrap();
        let app = with_commands(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            _dir: dir,
            _app: app,
            window,
        }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let req = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, req).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn phoenix_id(&self) -> i64 {
        let teams = self.call("list_teams", json!({})).unwrap();
        teams
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == "Phoenix")
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    }
}

fn p85(v: &Value) -> f64 {
    v["forecast"]["monte_carlo"]["p85"].as_f64().unwrap()
}

#[test]
fn the_default_sprint_is_forecast_and_a_what_if_duty_lowers_p85() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let base = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [] }),
        )
        .unwrap();
    assert!(
        base["capacity"]["sprint"]["completed_points"].is_null(),
        "the running or next sprint"
    );
    assert_eq!(base["capacity"]["report"]["people"].as_array().unwrap().len(), 5);
    assert_eq!(base["history"].as_array().unwrap().len(), 6);
    let sprint = base["capacity"]["sprint"]["id"].as_i64().unwrap();
    let member = base["capacity"]["report"]["people"][0]["member_id"].as_i64().unwrap();
    let toggled = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": sprint, "trials": 10000,
                    "whatIfs": [{ "kind": "on_duty", "member_id": member, "focus_share_percent": 0 }] }),
        )
        .unwrap();
    assert!(p85(&toggled) < p85(&base), "{} < {}", p85(&toggled), p85(&base));
    assert_eq!(toggled["capacity"]["report"]["people"][0]["total"]["value"], 0.0);
    assert_eq!(toggled["capacity"]["what_ifs"].as_array().unwrap().len(), 1);
    // Same input, same seed: same answer.
    let again = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": sprint, "whatIfs": [] }),
        )
        .unwrap();
    assert_eq!(again, base);
}

#[test]
fn backlog_and_backtest() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let b = h
        .call(
            "forecast_backlog",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [], "backlogPoints": 120 }),
        )
        .unwrap();
    let (p50, p95) = (b["p50_sprints"].as_u64().unwrap(), b["p95_sprints"].as_u64().unwrap());
    assert!(p50 >= 1 && p50 <= p95);
    let bt = h.call("forecast_backtest", json!({ "teamId": team })).unwrap();
    assert_eq!(bt["history"].as_array().unwrap().len(), 6);
    assert_eq!(bt["backtest"]["rows"].as_array().unwrap().len(), 3);
    assert!(bt["backtest"]["hit_rate"]["from"].as_str().unwrap().contains("P85"));
}

#[test]
fn bad_input_crosses_ipc_with_its_field() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [], "trials": 0 }),
        )
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("trials"))
    );
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": 999999, "whatIfs": [] }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "sprint");
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [{ "kind": "away", "member_id": 999999 }] }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "what_if");
    let err = h.call("forecast_backtest", json!({ "teamId": 999999 })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}
