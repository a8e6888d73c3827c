//! The Sprintshield desktop shell: opens the database, registers the IPC commands, sets up
//! logging and the window. Each command calls one `sprintshield-service` operation; no rule
//! lives here.
#![deny(missing_docs)]

pub mod commands;
pub mod state;

use std::path::PathBuf;

use sprintshield_service::{OpenMode, Sprintshield};
use tauri::{Manager, Runtime};

pub use state::AppState;

/// Registers every IPC command on `builder` (shared by the app and the mock-runtime tests).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::*;
    builder.invoke_handler(tauri::generate_handler![
        app::app_info,
        app::load_demo,
        app::undo_changes,
        teams::list_teams,
        teams::create_team,
        teams::list_zones,
        teams::preview_team_edit,
        teams::edit_team,
        teams::remove_team,
        teams::list_members,
        teams::add_member,
        teams::edit_member,
        teams::retire_member,
        teams::remove_member,
        teams::list_time_off,
        teams::add_time_off,
        teams::preview_add_time_off,
        teams::describe_turn_moves,
        teams::edit_time_off,
        teams::preview_delete_time_off,
        teams::delete_time_off,
        teams::list_holidays,
        teams::add_holiday,
        teams::preview_add_holiday,
        teams::edit_holiday,
        teams::preview_delete_holiday,
        teams::delete_holiday,
        sprints::list_sprints,
        sprints::create_sprint,
        sprints::close_sprint,
        sprints::default_sprint,
        sprints::sprint_actions,
        sprints::reopen_sprint,
        sprints::edit_sprint,
        sprints::remove_sprint,
        interrupts::log_interrupt,
        interrupts::list_interrupts,
        interrupts::edit_interrupt,
        interrupts::remove_interrupt,
        import_csv::preview_interrupt_csv,
        import_csv::import_interrupt_csv,
        import_csv::preview_sprint_csv,
        import_csv::import_sprint_csv,
        forecast::forecast_sprint,
        forecast::forecast_backlog,
        forecast::forecast_backtest,
        insights::interrupt_stats,
        insights::simulate,
        insights::simulation_backtest,
        rotation::list_policies,
        rotation::add_policy,
        rotation::validate_policy,
        rotation::preview_policy_edit,
        rotation::edit_policy,
        rotation::remove_policy,
        rotation::rotation_view,
        rotation::plan_rotation,
        rotation::preview_plan,
        rotation::preview_edit,
        rotation::apply_edit,
        rotation::set_turn_note,
        rotation::unlock_turn,
        chat::standup_text,
        chat::chat_status,
        chat::set_chat_target,
        chat_keyring::set_chat_target_in_keyring,
        chat::post_standup,
        publish::publish_status,
        publish::set_calendar_target,
        publish_keyring::set_calendar_target_in_keyring,
        publish::preview_publish,
        publish::publish_plan,
        releases::list_release_trains,
        releases::add_release_train,
        releases::update_release_train,
        releases::remove_release_train,
        releases::release_plan,
        releases::pin_release,
        releases::unpin_release,
        releases::list_freezes,
        releases::add_freeze,
        releases::edit_freeze,
        releases::delete_freeze,
        calendar::export_preview,
        calendar::save_export,
        calendar::import_calendar,
        calendar::import_calendar_file,
    ])
}

/// Opens the database at `path`; on a brand-new file, loads the demo teams so a first start shows
/// something real to plan with.
pub fn open_state(path: PathBuf) -> Result<AppState, sprintshield_core::AppError> {
    let fresh = !path.exists();
    let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing)?;
    if fresh {
        let now = chrono::Utc::now();
        let today = now.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
        let summary = app.load_demo(today, now)?;
        tracing::info!(?summary, "new database: loaded the demo teams");
    }
    Ok(AppState::new(app, path))
}

/// Moves SQLite's log checkpoints off the commits the user waits for (see
/// `sprintshield_service::Checkpointer`). Without it the app still works, with SQLite's own
/// checkpoints; so a failure here is logged, not fatal.
fn start_background_checkpoints(state: &AppState, db: &std::path::Path) {
    let started = sprintshield_service::Checkpointer::open(db)
        .map_err(|e| e.to_string())
        .and_then(|c| c.spawn(std::time::Duration::from_secs(5)).map_err(|e| e.to_string()))
        .and_then(|_| state.with(|s| s.defer_checkpoints()).map_err(|e| e.message));
    if let Err(e) = started {
        tracing::warn!(error = %e, "background checkpoints not started");
    }
}

fn init_logging(dir: PathBuf) -> tracing_appender::non_blocking::WorkerGuard {
    let _ = std::fs::create_dir_all(&dir);
    let appender = tracing_appender::rolling::daily(dir, "sprintshield.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("SPRINTSHIELD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"))
        .add_directive(sprintshield_service::HTTP_LOG_CAP.parse().expect("a valid directive"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    guard
}

/// Starts the desktop app.
pub fn run() {
    let app = with_commands(tauri::Builder::default())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let log_dir = app.path().app_log_dir()?;
            app.manage(init_logging(log_dir));
            let db = sprintshield_service::default_db_path();
            tracing::info!(db = %db.display(), "starting Sprintshield");
            let state = open_state(db.clone()).map_err(|e| {
                tracing::error!(error = %e.message, "could not open the database");
                e.message
            })?;
            start_background_checkpoints(&state, &db);
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("Sprintshield could not start: {e}");
            std::process::exit(1);
        }
    }
}
