//! The Sprintshield desktop app binary.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    sprintshield_app::run();
}
