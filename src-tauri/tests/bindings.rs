//! Generates `ui/src/lib/bindings.ts` from the Rust types that cross IPC and fails when the
//! committed copy has drifted. Regenerate with `UPDATE_BINDINGS=1 cargo test --test bindings`.
use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($ty:ty),+ $(,)?) => {{
        let mut out = Vec::new();
        $( out.push(format!("export {}", <$ty as TS>::decl($cfg))); )+
        out
    }};
}

fn generate() -> String {
    use sprintshield_core as core;
    let cfg = Config::new().with_large_int("number");
    let decls = decls![&cfg;
        core::ErrorKind, core::AppError,
        core::time::DateSpan,
        core::team::TeamKind, core::team::NewTeam, core::team::TeamSpec, core::team::Team,
        core::member::NewMember, core::member::MemberSpec, core::member::Member,
        core::time_off::TimeOffKind, core::time_off::NewTimeOff, core::time_off::TimeOffSpec, core::time_off::TimeOff,
        core::time_off::NewHoliday, core::time_off::Holiday,
        core::sprint::NewSprint, core::sprint::SprintSpec, core::sprint::Sprint,
        core::interrupt::InterruptCategory, core::interrupt::Severity, core::interrupt::NewInterrupt,
        core::interrupt::InterruptSpec, core::interrupt::Interrupt,
        sprintshield_store::interrupts::InterruptFilter, sprintshield_store::demo::DemoSummary,
        sprintshield_app::commands::app::AppInfo,
    ];
    let mut text = String::from("// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit.\n// Regenerate: UPDATE_BINDINGS=1 cargo test --test bindings\n\n");
    for d in decls {
        text.push_str(&d);
        text.push_str("\n\n");
    }
    text.trim_end().to_owned() + "\n"
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is out of date; run UPDATE_BINDINGS=1 cargo test --test bindings"
    );
}
