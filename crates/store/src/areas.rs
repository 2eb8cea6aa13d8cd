//! Indonesia's administrative areas down to the district, embedded from idn-area-data
//! (ODbL 1.0; `data/idn-area/README.md`), to name the district of an address and check it.

use std::collections::HashMap;
use std::sync::OnceLock;

const PROVINCES: &str = include_str!("../data/idn-area/provinces.csv");
const REGENCIES: &str = include_str!("../data/idn-area/regencies.csv");
const DISTRICTS: &str = include_str!("../data/idn-area/districts.csv");

struct Areas {
    provinces: HashMap<&'static str, &'static str>,
    regencies: HashMap<&'static str, &'static str>,
    districts: HashMap<&'static str, (&'static str, &'static str)>,
}

/// Rows of a CSV whose last column is a name that may itself hold commas.
fn rows(csv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts: Vec<&'static str> = line.splitn(3, ',').collect();
            if let Some(last) = parts.last_mut() {
                *last = last.trim().trim_matches('"');
            }
            parts
        })
}

fn areas() -> &'static Areas {
    static AREAS: OnceLock<Areas> = OnceLock::new();
    AREAS.get_or_init(|| Areas {
        provinces: rows(PROVINCES)
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect(),
        regencies: rows(REGENCIES)
            .filter_map(|r| Some((*r.first()?, *r.get(2)?)))
            .collect(),
        districts: rows(DISTRICTS)
            .filter_map(|r| Some((*r.first()?, (*r.get(1)?, *r.get(2)?))))
            .collect(),
    })
}

/// "Kecamatan, Kabupaten/Kota, Provinsi" for a district code like `32.73.01`.
pub fn district_name(code: &str) -> Option<String> {
    let areas = areas();
    let (regency_code, district) = areas.districts.get(code.trim())?;
    let regency = areas.regencies.get(regency_code).copied().unwrap_or("");
    let province = regency_code
        .split('.')
        .next()
        .and_then(|p| areas.provinces.get(p))
        .copied()
        .unwrap_or("");
    Some(format!("{district}, {regency}, {province}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_district_code_names_its_district_regency_and_province() {
        let name = super::district_name("11.01.01").unwrap();
        assert!(name.starts_with("Bakongan, "), "{name}");
        assert!(super::district_name("99.99.99").is_none());
    }
}
