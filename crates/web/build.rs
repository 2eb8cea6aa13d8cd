//! Joins the text catalogue's area files (`i18n/*.txt`, in name order) into one `catalog!`
//! invocation for `src/i18n.rs` to include: the texts are split by area, and the catalogue
//! stays one typed struct whose missing key is a compile error.

use std::path::Path;

fn main() {
    let dir = Path::new("i18n");
    println!("cargo::rerun-if-changed=i18n");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the i18n folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut catalog = String::from("catalog! {\n");
    for file in files {
        println!("cargo::rerun-if-changed={}", file.display());
        catalog.push_str(&std::fs::read_to_string(&file).expect("an i18n file"));
        catalog.push('\n');
    }
    catalog.push_str("}\n");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("catalog.rs"), catalog).expect("write the catalogue");
}
