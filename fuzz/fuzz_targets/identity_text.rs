//! Text people type into identity fields, checked by the domain: a NIK (with the region,
//! sex and birth date it encodes) and the name of an office's time zone.
#![no_main]

use karya_domain::{Nik, OfficeZone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(nik) = Nik::parse(text) {
        let today = jiff::civil::date(2026, 11, 30);
        let _ = (nik.sex(), nik.birth_day_month_yy(), nik.birth_date(today));
        let _ = (nik.province_code(), nik.regency_code(), nik.district_code(), nik.serial());
    }
    let _ = OfficeZone::parse(text);
});
