//! Shared by the migration tests: the migrations of an older release, to make a database as that
//! release left it.

/// The `up.sql` of every migration numbered below `before`, in order.
pub fn migrations_before(before: u32) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name[..2].parse::<u32>().unwrap() < before
        })
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| std::fs::read_to_string(d.join("up.sql")).unwrap())
        .collect()
}
