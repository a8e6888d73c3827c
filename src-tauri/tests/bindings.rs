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
        core::interrupt::InterruptSpec, core::interrupt::Interrupt, core::interrupt::InterruptOrigin,
        core::interrupt::InterruptFilter, core::demo::DemoSummary,
        core::import_csv::CsvSource, core::import_csv::ImportField, core::import_csv::ColumnChoice,
        core::import_csv::ValueChoice, core::import_csv::CsvMapping, core::import_csv::InterruptCsvRequest,
        core::import_csv::ImportRow, core::import_csv::DuplicateRow, core::import_csv::SkippedRow,
        core::import_csv::UnknownValue, core::import_csv::InterruptCsvPreview, core::import_csv::SprintCsvRequest,
        core::import_csv::SprintRow, core::import_csv::SprintCsvPreview,
        core::import_csv::SprintField, core::import_csv::SprintColumnChoice, core::import_csv::MappingSource,
        sprintshield_app::commands::app::AppInfo,
        core::capacity::Sourced, core::capacity::CellFlag, core::capacity::CapacityCell, core::capacity::CapacityDay,
        core::capacity::PersonCapacity, core::capacity::InterruptRate, core::capacity::ScenarioKind,
        core::capacity::PersonTotal, core::capacity::Scenario, core::capacity::CapacityReport, core::capacity::WhatIf,
        core::capacity::CauseKind, core::capacity::Cause, core::capacity::CapacityBreakdown,
        core::forecast::PastSprint, core::forecast::VelocityPoint, core::forecast::PointRange,
        core::forecast::Deterministic, core::forecast::Bin, core::forecast::Histogram, core::forecast::MonteCarlo,
        core::forecast::WarningKind, core::forecast::ForecastWarning, core::forecast::Forecast,
        core::forecast::SprintCapacity, core::forecast::SprintForecast, core::forecast::SprintCount,
        core::forecast::BacklogForecast, core::forecast::BacktestRow, core::forecast::Backtest,
        core::forecast::TeamBacktest, core::forecast::LikelyRange, core::forecast::Percentile, core::forecast::Headline,
        core::rotation::PolicyKind, core::rotation::Handoff, core::rotation::LoadWeights, core::rotation::StandingCover,
        core::rotation::NewPolicy, core::rotation::PolicySpec, core::rotation::DutyPolicy,
        core::rotation::TurnSource, core::rotation::Turn, core::rotation::ConflictKind, core::rotation::Severity,
        core::rotation::Conflict, core::rotation::ShownConflict, core::rotation::OnDuty, core::rotation::TodayCard,
        core::rotation::FairnessRow, core::rotation::CoverEntry, core::rotation::Payback, core::rotation::FairnessReport,
        core::rotation::Explanation, core::rotation::Plan, core::rotation::TurnChanges, core::rotation::ViewDay,
        core::rotation::RotationView, core::rotation::Edit,
        core::rotation::LoadChange, core::rotation::CapacityChange, core::rotation::EditPreview,
        sprintshield_service::Record, sprintshield_service::RecordChange, sprintshield_service::Changes,
        sprintshield_service::PublishedResource, core::publish::Holder,
        sprintshield_service::EditResult, sprintshield_service::Outcome<()>,
        sprintshield_service::sprint_status::SprintActions, sprintshield_service::EditEffect, sprintshield_service::TurnMoves,
        core::release::RoutineEvents, core::release::ReleaseTrainSpec, core::release::ReleaseTrain,
        core::release::MonthDay, core::release::FreezeSpan, core::release::FreezeWindow, core::release::Window,
        core::release::ReleasePin, core::release::Release, core::release::WarningKind, core::release::ReleaseWarning,
        core::release::TrainInfo, core::release::StoredFreeze,
        core::release::FrozenDays, core::release::TrainPlan,
        core::calendar::EventTime, core::calendar::Person, core::calendar::CalendarEvent,
        core::calendar::sources::ExportWhat, core::calendar::import::ImportedPerson,
        core::calendar::import::MessageLevel, core::calendar::import::ImportMessage,
        core::calendar::mapping::ProposedTimeOff, core::calendar::mapping::ProposedHoliday,
        core::calendar::mapping::KindChoice,
        core::calendar::mapping::UnmatchedItem, core::calendar::mapping::ImportProposal,
        core::calendar::requests::ExportRequest, core::calendar::requests::ExportPreview,
        core::calendar::requests::ImportAs, core::calendar::requests::ImportRequest,
        core::calendar::requests::ImportPreview,
        core::insights::Tally, core::insights::Share, core::insights::SprintTally, core::insights::PersonTally,
        core::insights::LimitKind, core::insights::Breach, core::insights::InterruptStats,
        core::simulate::StrategyKind, core::simulate::Strategy, core::simulate::SimulationSettings,
        core::simulate::Spread, core::simulate::StrategyResult, core::simulate::SensitivityCell,
        core::simulate::InterruptModel, core::simulate::Simulation,
        core::simulate::SimBacktestRow, core::simulate::SimBacktest,
        core::publish::ActionKind, core::publish::ChatFormat, core::publish::CalendarTarget, core::publish::ChatTarget,
        core::publish::PasswordSource,
        core::publish::WebhookSource,
        sprintshield_service::PublishOptions, sprintshield_service::PublishChange, sprintshield_service::PublishReport,
        sprintshield_service::PublishStatus, sprintshield_service::ChatStatus,
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
