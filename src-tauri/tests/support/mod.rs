//! Shared by the IPC tests: a mock-runtime app over a brand-new database (which gets the demo
//! teams, like a first start) and a way to call its commands exactly as the UI does.
#![allow(dead_code)] // each test file uses its own subset

use serde_json::{json, Value};
use sprintshield_app::{open_state, with_commands};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

/// The mock app, its window and the folder holding its database.
pub struct Harness {
    /// Folder of the database (and of files a test writes).
    pub dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Harness {
    /// A mock app over a brand-new database file.
    pub fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let state = open_state(dir.path().join("s.db")).unwrap();
        let app = with_commands(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness { dir, _app: app, window }
    }

    /// Invokes `cmd` with `args` (camelCase keys, as `invoke` sends them); `Err` is the error object.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
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

    /// The id of the team called `name`.
    pub fn team_id(&self, name: &str) -> i64 {
        let teams = self.call("list_teams", json!({})).unwrap();
        teams.as_array().unwrap().iter().find(|t| t["name"] == name).unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    /// The id of the demo team Phoenix.
    pub fn phoenix_id(&self) -> i64 {
        self.team_id("Phoenix")
    }
}
