//! Golden view models: the JSON each template reads, kept in `tests/golden/`. A change to a view
//! model shows up here as a readable diff. Run with `UPDATE_GOLDEN=1` to rewrite the files.

mod common;

use std::path::Path;

use common::{one_document_of_each, one_of_each};

#[test]
fn every_view_model_matches_its_golden_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    // Fields keep their declared order (a `serde_json::Value` would sort them).
    let letters = one_of_each("Budi Santoso bin Slamet")
        .into_iter()
        .map(|(kind, letter)| (kind, serde_json::to_string_pretty(&letter)));
    let documents = one_document_of_each("Budi Santoso bin Slamet")
        .into_iter()
        .map(|(kind, document)| (kind, serde_json::to_string_pretty(&document)));
    for (kind, json) in letters.chain(documents) {
        let json = json.expect("view models serialise") + "\n";
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
