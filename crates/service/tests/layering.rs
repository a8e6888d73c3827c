//! The house rules, checked on the workspace's manifests (`cargo metadata`): dependencies point
//! one way — ui → src-tauri → service → store → core, and cli → service. The faces never reach
//! the store, only the store links SQLite (tests aside), and nothing below the shell knows Tauri.
use std::collections::BTreeMap;
use std::process::Command;

/// Each workspace package with its normal (non-dev, non-build) dependencies.
fn normal_dependencies() -> BTreeMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().unwrap().to_owned())
                .collect();
            (p["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

/// Adapters to servers outside (network I/O only), called by the service.
const ADAPTERS: &[&str] = &["sprintshield-chat", "sprintshield-caldav"];

fn ours(deps: &[String]) -> Vec<&str> {
    deps.iter()
        .map(String::as_str)
        .filter(|d| d.starts_with("sprintshield"))
        .collect()
}

#[test]
fn dependencies_point_one_way() {
    let all = normal_dependencies();
    let deps = |name: &str| {
        all.get(name)
            .unwrap_or_else(|| panic!("package {name} is in the workspace"))
    };
    assert_eq!(
        ours(deps("sprintshield-core")),
        Vec::<&str>::new(),
        "core depends on nothing of ours"
    );
    assert_eq!(ours(deps("sprintshield-store")), ["sprintshield-core"]);
    // The service also drives the adapters to the outside world (chat webhook, CalDAV server);
    // they know the domain at most, never the store or a face.
    let mut service = ours(deps("sprintshield-service"));
    service.sort_unstable();
    service.retain(|d| !ADAPTERS.contains(d));
    assert_eq!(service, ["sprintshield-core", "sprintshield-store"]);
    for adapter in ADAPTERS.iter().filter(|a| all.contains_key(**a)) {
        let d = ours(deps(adapter));
        assert!(
            d.iter().all(|x| *x == "sprintshield-core"),
            "{adapter} may use the domain only: {d:?}"
        );
    }
    for face in ["sprintshield", "sprintshield-cli"] {
        let d = ours(deps(face));
        assert!(
            !d.contains(&"sprintshield-store"),
            "{face} must reach the database through sprintshield-service only: {d:?}"
        );
        assert!(d.contains(&"sprintshield-service"), "{face} calls the service: {d:?}");
    }
}

#[test]
fn only_the_store_links_sqlite_and_only_the_shell_knows_tauri() {
    for (name, deps) in normal_dependencies() {
        // The window-test crate is all test code: it reads the file to check what the app wrote.
        if name != "sprintshield-store" && name != "sprintshield-e2e" {
            for sqlite in ["rusqlite", "rusqlite_migration", "libsqlite3-sys"] {
                assert!(
                    !deps.iter().any(|d| d == sqlite),
                    "{name} links {sqlite} outside its tests"
                );
            }
        }
        if name != "sprintshield" && name != "sprintshield-e2e" {
            assert!(
                !deps.iter().any(|d| d.starts_with("tauri")),
                "{name} depends on Tauri: {deps:?}"
            );
        }
    }
}

/// Inside core, the rotation knows nothing of the capacity model or the forecast (they read the
/// rotation's turns, never the other way round).
#[test]
fn core_rotation_does_not_use_capacity_or_forecast() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/rotation");
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            if line.contains("crate::capacity") || line.contains("crate::forecast") {
                offenders.push(format!("{}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "rotation depends on capacity/forecast: {offenders:#?}"
    );
}
