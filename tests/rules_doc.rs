//! docs/RULES.md tells the truth about tests: every test it names exists in the code, and a
//! rule it says is tested has at least one test whose name carries the rule's ID.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("read a source folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names of every function in the workspace's sources (tests included).
fn function_names(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("src"), &mut files);
    let mut names = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read a source file");
        for piece in text.split("fn ").skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// A rule ID such as `L5` split into its letters and number.
fn rule_id(text: &str) -> Option<(String, u32)> {
    let letters: String = text
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let digits: String = text[letters.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    Some((letters.clone(), digits.parse().ok()?)).filter(|_| !letters.is_empty())
}

/// Rule IDs of a table's first cell: `L5 8 h a day` → [L5]; `T1–T3` → [T1, T2, T3].
fn rule_ids(cell: &str) -> Vec<String> {
    let head = cell.split_whitespace().next().unwrap_or("");
    if let Some((from, to)) = head.split_once('–')
        && let (Some((letters, a)), Some((_, b))) = (rule_id(from), rule_id(to))
    {
        return (a..=b).map(|n| format!("{letters}{n}")).collect();
    }
    rule_id(head)
        .map(|(letters, n)| vec![format!("{letters}{n}")])
        .unwrap_or_default()
}

#[test]
fn every_test_named_in_rules_md_exists_and_tested_rules_have_a_test_with_their_id() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = std::fs::read_to_string(root.join("docs/RULES.md")).expect("docs/RULES.md");
    let names = function_names(root);
    let mut problems = Vec::new();
    let mut rows = 0;
    for line in rules.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let ids = rule_ids(cells.get(1).copied().unwrap_or(""));
        if ids.is_empty() || cells.len() < 4 {
            continue;
        }
        rows += 1;
        // The Tests column: backticked names, possibly as `file.rs::name`.
        let named: Vec<&str> = cells[3]
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|t| t.rsplit("::").next().unwrap_or(t))
            .filter(|t| t.chars().all(|c| c.is_alphanumeric() || c == '_') && t.contains('_'))
            .collect();
        for test in &named {
            if !names.iter().any(|n| n == test) {
                problems.push(format!(
                    "{}: names `{test}`, which is not in the code",
                    ids.join("/")
                ));
            }
        }
        let carries_an_id = ids
            .iter()
            .any(|id| names.iter().any(|n| n.split('_').any(|part| part == id)));
        if !named.is_empty() && !carries_an_id {
            problems.push(format!(
                "{}: said to be tested, but no test name carries the ID",
                ids.join("/")
            ));
        }
    }
    assert!(rows > 40, "the rule tables were read ({rows} rows)");
    assert!(
        problems.is_empty(),
        "docs/RULES.md:\n{}",
        problems.join("\n")
    );
}
