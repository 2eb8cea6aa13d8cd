//! Fields of social work (the sector a partner or a work form belongs to) and the kinds of
//! place of Tables 1–3. P1 compares a field with the client's profession and trauma.

use super::set::{Set, labelled_enum};

labelled_enum! {
    /// The field (bidang) of a partner or a work form: one per row of Tables 2 and 3, plus the
    /// other local-government offices named after Table 2.
    pub enum Field {
        /// Table 2 row 1, Table 3 row 4: orphanages and homes for the elderly.
        Social => ("social", "Sosial (panti)", "Social affairs (social homes)"),
        /// Table 2 row 2: houses of worship.
        Religious => ("religious", "Keagamaan (rumah ibadah)", "Religious affairs (houses of worship)"),
        /// Table 2 row 3, Table 3 row 2: hospitals, clinics, puskesmas.
        Health => ("health", "Kesehatan", "Health"),
        /// Table 2 row 4: nature reserves.
        Environment => ("environment", "Lingkungan hidup dan kehutanan", "Environment and forestry"),
        /// Table 2 row 5, Table 3 row 3: schools.
        Education => ("education", "Pendidikan dasar dan menengah", "Primary and secondary education"),
        /// Table 2 row 6: stations, terminals, stops.
        Transport => ("transport", "Perhubungan", "Transport"),
        /// Table 2 row 7: streets.
        Sanitation => ("sanitation", "Kebersihan", "Sanitation"),
        /// Table 2 row 8: public cemeteries.
        Parks => ("parks", "Pertamanan dan hutan kota", "Parks and city forests"),
        /// Table 2 row 9: livestock centres.
        Livestock => ("livestock", "Peternakan dan kesehatan hewan", "Livestock and animal health"),
        /// Table 2 row 10: stadiums and sports halls.
        Sports => ("sports", "Olahraga", "Sports"),
        /// After Table 2: RT/RW offices, Karang Taruna and other government offices.
        LocalGovernment => (
            "local_government",
            "Kantor RT/RW, Karang Taruna dan kantor pemerintahan lainnya",
            "RT/RW offices, Karang Taruna and other government offices"
        ),
        /// Table 3 row 1: social and religious foundations and NGOs (humanitarian aid).
        Humanitarian => (
            "humanitarian",
            "Yayasan sosial keagamaan/LSM",
            "Social and religious foundations, NGOs"
        ),
    }
}

/// A set of fields (the client's skills, the fields that may cause trauma).
pub type Fields = Set<Field>;

labelled_enum! {
    /// Whether a partner is a government institution (Table 2) or not (Table 3).
    pub enum Sector {
        Government => ("government", "Lembaga pemerintah", "Government institution"),
        NonGovernment => ("non_government", "Lembaga non-pemerintah", "Non-government institution"),
    }
}

labelled_enum! {
    /// A kind of place (lokasi) of Tables 1–3.
    pub enum Place {
        Orphanage => ("orphanage", "Rumah panti asuhan", "Orphanage"),
        ElderlyHome => ("elderly_home", "Rumah panti jompo", "Home for the elderly"),
        HouseOfWorship => ("house_of_worship", "Rumah ibadah", "House of worship"),
        Hospital => ("hospital", "Rumah sakit", "Hospital"),
        Clinic => ("clinic", "Klinik", "Clinic"),
        Puskesmas => ("puskesmas", "Puskesmas", "Community health centre (puskesmas)"),
        NatureReserve => ("nature_reserve", "Cagar alam", "Nature reserve"),
        School => ("school", "Sekolah", "School"),
        Station => ("station", "Stasiun", "Station"),
        Terminal => ("terminal", "Terminal", "Bus terminal"),
        Stop => ("stop", "Halte", "Stop"),
        Street => ("street", "Jalanan", "Streets"),
        PublicCemetery => ("public_cemetery", "Pemakaman umum", "Public cemetery"),
        LivestockCentre => ("livestock_centre", "Balai peternakan", "Livestock centre"),
        Stadium => ("stadium", "Stadion", "Stadium"),
        SportsHall => ("sports_hall", "GOR", "Sports hall"),
        RtRwOffice => ("rt_rw_office", "Kantor RT/RW", "RT/RW office"),
        KarangTaruna => ("karang_taruna", "Karang Taruna", "Karang Taruna (youth organisation)"),
        GovernmentOffice => ("government_office", "Kantor pemerintahan lainnya", "Other government office"),
        FoundationOffice => (
            "foundation_office",
            "Kantor yayasan sosial keagamaan/LSM",
            "Office of a social or religious foundation or NGO"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        for &field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(field));
        }
        for &place in Place::ALL {
            assert_eq!(Place::parse(place.as_str()), Some(place));
        }
        assert_eq!(Field::parse("Health"), None);
        let json = serde_json::to_string(&Fields::of(&[Field::Sports, Field::Health])).unwrap();
        assert_eq!(json, r#"["health","sports"]"#);
        let back: Fields = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Fields::of(&[Field::Health, Field::Sports]));
        assert!(serde_json::from_str::<Fields>(r#"["hospital"]"#).is_err());
    }
}
