//! The sample files the window tests hand to the app, kept with the core's import tests.

/// The absolute path of the CSV sample `name` in `crates/core/tests/import_csv`.
pub fn csv_sample(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../crates/core/tests/import_csv")
        .join(name)
        .canonicalize()
        .unwrap()
        .display()
        .to_string()
}
