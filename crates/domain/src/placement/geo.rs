//! Coordinates and great-circle distance, for P2 (away from the victim) and P3 (near home).

use serde::{Deserialize, Serialize};

/// Mean Earth radius (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point on Earth in decimal degrees (WGS 84), checked to be a real one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCoordinates")]
pub struct Coordinates {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct RawCoordinates {
    lat: f64,
    lon: f64,
}

impl TryFrom<RawCoordinates> for Coordinates {
    type Error = &'static str;

    fn try_from(raw: RawCoordinates) -> Result<Self, Self::Error> {
        Coordinates::new(raw.lat, raw.lon)
            .ok_or("latitude must be within ±90 and longitude within ±180 degrees")
    }
}

impl Coordinates {
    /// `None` unless the latitude is within ±90° and the longitude within ±180°.
    pub fn new(lat: f64, lon: f64) -> Option<Coordinates> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(Coordinates { lat, lon })
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// The great-circle (haversine) distance in kilometres.
    pub fn distance_km(self, other: Coordinates) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let half_dlat = (lat2 - lat1) / 2.0;
        let half_dlon = (other.lon - self.lon).to_radians() / 2.0;
        let h = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlon.sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Coordinates {
        Coordinates::new(lat, lon).expect("valid")
    }

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = at(-6.0, 106.8).distance_km(at(-7.0, 106.8));
        assert!((d - 111.2).abs() < 0.1, "{d}");
    }

    #[test]
    fn distance_is_zero_to_itself_symmetric_and_at_most_half_the_earth() {
        let jakarta = at(-6.1754, 106.8272);
        let bandung = at(-6.9025, 107.6187);
        assert_eq!(jakarta.distance_km(jakarta), 0.0);
        let there = jakarta.distance_km(bandung);
        assert!((there - bandung.distance_km(jakarta)).abs() < 1e-9);
        assert!((115.0..125.0).contains(&there), "{there}");
        let antipode = at(6.1754, 106.8272 - 180.0);
        assert!((jakarta.distance_km(antipode) - 20_015.1).abs() < 1.0);
    }

    #[test]
    fn rejects_points_that_are_not_on_earth() {
        assert!(Coordinates::new(90.1, 0.0).is_none());
        assert!(Coordinates::new(0.0, -180.5).is_none());
        assert!(Coordinates::new(f64::NAN, 0.0).is_none());
        assert!(serde_json::from_str::<Coordinates>(r#"{"lat": 91, "lon": 0}"#).is_err());
        let ok: Coordinates = serde_json::from_str(r#"{"lat": -6.2, "lon": 106.8}"#).unwrap();
        assert_eq!(ok, at(-6.2, 106.8));
    }
}
