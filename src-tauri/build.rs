//! Tauri build script. tauri.conf.json sits at the repository root, so the capabilities folder in
//! src-tauri/ must be named explicitly (the default looks in <root>/capabilities).
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"))
        .expect("tauri build step failed");
}
