//! Helpers shared by the window tests: start tauri-driver, connect, clean up.
