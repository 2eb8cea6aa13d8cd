//! Reading a PDF back as text (`pdftotext -layout`, from poppler-utils), to check what a
//! rendered document says.

use std::io::Write;

pub fn pdf_text(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "karya-pdf-{}.pdf",
        karya_store::secret::random_hex()
    ));
    std::fs::File::create(&path)
        .and_then(|mut file| file.write_all(bytes))
        .expect("write a temporary PDF");
    let output = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&output.stdout).into_owned()
}
