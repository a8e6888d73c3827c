//! Rebuilds the store when a migration is added or changed: `include_dir!` embeds the folder but
//! does not tell cargo to watch it, so a new migration folder was otherwise missed until some
//! other file of the crate changed.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
