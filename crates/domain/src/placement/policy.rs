//! The numbers of the ranking: how near to the victim is too near (P2), and how many points
//! distance (P3), missing accommodations (P3) and a profession match (Art. 85(1)) are worth.
//! One point is one kilometre of travel for a client without dependants.

use serde::{Deserialize, Serialize};

/// The ranking's thresholds and weights. [`Policy::STANDARD`] is what `rank` uses; an
/// office could be given its own.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// P2: a work place closer than this to where the victim lives or works is excluded.
    pub victim_min_km: f64,
    /// P3: points lost per kilometre from home.
    pub points_per_km: f64,
    /// P3: points lost per kilometre from home when the client has dependants.
    pub points_per_km_with_dependants: f64,
    /// P3: the distance assumed when the home or the work place has no coordinates.
    pub assumed_km: f64,
    /// P3: points lost per accommodation the client needs and the site lacks.
    pub missing_accommodation_points: i32,
    /// Art. 85(1): points gained when the work matches the client's profession or skills.
    pub profession_match_points: i32,
    /// P2: points lost when victim locations are known but the work place's is not.
    pub victim_distance_unknown_points: i32,
    /// P3 ("not far from home"): a work place farther than this from home is not a normal
    /// choice: it needs the PK's justification and the head's approval.
    pub distance_limit_km: f64,
    /// P3 ("especially with dependants"): the limit for a client with dependants.
    pub distance_limit_with_dependants_km: f64,
}

impl Policy {
    /// 15 km (10 km with dependants) is the distance limit issue 11 set for P3: about an hour
    /// each way by angkot or a half-hour by motorbike in a city.
    /// 2 km keeps the client out of the victim's neighbourhood (a kelurahan in a city is
    /// about that wide). A missing accommodation weighs as 100 km: far more than any
    /// reasonable commute, because the PK must ensure it. A profession match is worth 20 km.
    pub const STANDARD: Policy = Policy {
        victim_min_km: 2.0,
        points_per_km: 1.0,
        points_per_km_with_dependants: 2.0,
        assumed_km: 25.0,
        missing_accommodation_points: 100,
        profession_match_points: 20,
        victim_distance_unknown_points: 50,
        distance_limit_km: 15.0,
        distance_limit_with_dependants_km: 10.0,
    };
}

impl Default for Policy {
    fn default() -> Self {
        Policy::STANDARD
    }
}
