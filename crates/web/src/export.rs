//! Tables people take into a spreadsheet: CSV and XLSX from the same rows. Cells that a
//! spreadsheet would run as a formula are neutralised in CSV; in XLSX every cell is written
//! as a string, which a spreadsheet never evaluates.

use rust_xlsxwriter::{Format, Workbook};

pub struct Table {
    pub sheet: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A CSV cell that a spreadsheet will show as text: cells starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return are prefixed with `'` (formula injection), and every cell is
/// quoted.
pub fn csv_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

impl Table {
    /// UTF-8 with a byte-order mark, so that spreadsheets read Indonesian names correctly.
    pub fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        out.push_str(&self.headers.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    pub fn xlsx(&self) -> anyhow::Result<Vec<u8>> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(self.sheet)?;
        let bold = Format::new().set_bold();
        for (col, header) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *header, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, col as u16, cell)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
        Ok(book.save_to_buffer()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+62 812"), "\"'+62 812\"");
        assert_eq!(csv_cell("-1"), "\"'-1\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("Andi Saputra"), "\"Andi Saputra\"");
    }

    #[test]
    fn xlsx_is_a_workbook_whose_cells_are_all_strings() {
        let table = Table {
            sheet: "Register",
            headers: vec!["nama"],
            rows: vec![vec!["=HYPERLINK(\"http://x\")".to_owned()]],
        };
        let bytes = table.xlsx().unwrap();
        // An XLSX file is a ZIP archive of XML parts: the text is a shared string and the
        // sheet has no formula element.
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let part = |archive: &mut zip::ZipArchive<_>, name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let sheet = part(&mut archive, "xl/worksheets/sheet1.xml");
        let strings = part(&mut archive, "xl/sharedStrings.xml");
        assert!(
            strings.contains("=HYPERLINK("),
            "the text is kept as it was typed"
        );
        assert!(sheet.contains("t=\"s\""), "cells are shared strings");
        assert!(!sheet.contains("<f>"), "no cell is a formula");
        assert!(table.csv().starts_with("\u{feff}nama\r\n\"'=HYPERLINK"));
    }
}
