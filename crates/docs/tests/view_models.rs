//! Golden view models: the JSON each template reads, kept in `tests/golden/`. A change to a view
//! model shows up here as a readable diff. Run with `UPDATE_GOLDEN=1` to rewrite the files.

mod common;

use std::path::Path;

use common::one_of_each;

#[test]
fn every_view_model_matches_its_golden_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (kind, letter) in one_of_each("Budi Santoso bin Slamet") {
        let json = serde_json::to_string_pretty(&letter).expect("view models serialise") + "\n";
        let path = dir.join(format!("{kind}.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).expect("write the golden file");
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}); run with UPDATE_GOLDEN=1",
                path.display()
            )
        });
        assert_eq!(
            json,
            golden,
            "{kind} view model differs from {}",
            path.display()
        );
    }
}
