//! Tables people take into a spreadsheet: CSV and XLSX from the same rows. Cells that a
//! spreadsheet would run as a formula are neutralised in CSV; in XLSX text is always written
//! as a string, which a spreadsheet never evaluates, while numbers and dates are typed cells
//! people can sort and sum (issue 13, item 10).

use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// One cell: text, a whole number or a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(Date),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl Cell {
    /// A date stored as `YYYY-MM-DD`, or empty when absent or unreadable.
    pub fn date_text(text: Option<&str>) -> Cell {
        text.and_then(|t| t.get(..10))
            .and_then(|t| t.parse().ok())
            .map_or(Cell::Empty, Cell::Date)
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => csv_cell(text),
            Cell::Number(n) => n.to_string(),
            Cell::Date(day) => day.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

pub struct Table {
    pub sheet: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns of long text, wrapped in a wide column in XLSX.
    pub wrapped: Vec<usize>,
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
        let headers: Vec<String> = self.headers.iter().map(|h| csv_cell(h)).collect();
        out.push_str(&headers.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(Cell::csv).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    pub fn xlsx(&self) -> anyhow::Result<Vec<u8>> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(self.sheet)?;
        let bold = Format::new().set_bold().set_text_wrap();
        let date = Format::new().set_num_format("dd-mm-yyyy");
        let wrap = Format::new().set_text_wrap();
        for (col, header) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *header, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Text(text) if self.wrapped.contains(&col) => {
                        sheet.write_string_with_format(r, c, text, &wrap)?;
                    }
                    Cell::Text(text) => {
                        sheet.write_string(r, c, text)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Cell::Date(day) => {
                        let when = ExcelDateTime::from_ymd(
                            u16::try_from(day.year())?,
                            u8::try_from(day.month())?,
                            u8::try_from(day.day())?,
                        )?;
                        sheet.write_datetime_with_format(r, c, &when, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
        for col in &self.wrapped {
            sheet.set_column_width(*col as u16, 40)?;
        }
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
    fn xlsx_text_cells_are_strings_never_formulas() {
        let table = Table {
            sheet: "Register",
            headers: vec!["nama"],
            rows: vec![vec!["=HYPERLINK(\"http://x\")".into()]],
            wrapped: Vec::new(),
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
        assert!(table.csv().starts_with("\u{feff}\"nama\"\r\n\"'=HYPERLINK"));
    }

    #[test]
    fn numbers_and_dates_are_typed_and_text_stays_text() {
        let table = Table {
            sheet: "Uji",
            headers: vec!["No.", "Nama", "Tanggal"],
            rows: vec![vec![
                Cell::Number(7),
                "=1+1".into(),
                Cell::date_text(Some("2026-11-30")),
            ]],
            wrapped: vec![1],
        };
        let csv = table.csv();
        assert!(csv.contains("7,\"'=1+1\",2026-11-30"), "{csv}");
        let xlsx = table.xlsx().unwrap();
        assert_eq!(&xlsx[..2], b"PK");
        assert_eq!(Cell::date_text(Some("bukan tanggal")), Cell::Empty);
    }
}
