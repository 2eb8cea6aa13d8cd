//! Fine categories of KUHP Art. 79(1), needed by rule L1 (a fine replaced by community
//! service may be at most category II). Art. 79(2) lets a government regulation change the
//! amounts, so they are data: [`FineCategories::default`] holds the statutory amounts and
//! [`FineCategories::new`] accepts others.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::rule::{Refusal, Rule, Violation};

/// A category of KUHP Art. 79(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FineCategory {
    I,
    II,
    III,
    IV,
    V,
    VI,
    VII,
    VIII,
}

impl FineCategory {
    pub const ALL: [FineCategory; 8] = [
        FineCategory::I,
        FineCategory::II,
        FineCategory::III,
        FineCategory::IV,
        FineCategory::V,
        FineCategory::VI,
        FineCategory::VII,
        FineCategory::VIII,
    ];

    /// The Roman numeral the Code uses ("kategori II").
    pub const fn roman(self) -> &'static str {
        match self {
            FineCategory::I => "I",
            FineCategory::II => "II",
            FineCategory::III => "III",
            FineCategory::IV => "IV",
            FineCategory::V => "V",
            FineCategory::VI => "VI",
            FineCategory::VII => "VII",
            FineCategory::VIII => "VIII",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for FineCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.roman())
    }
}

/// The maximum amount of each fine category, in rupiah.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FineCategories {
    amounts_rupiah: [i64; 8],
}

impl FineCategories {
    /// The amounts of KUHP Art. 79(1): I Rp1.000.000; II Rp10.000.000; III Rp50.000.000;
    /// IV Rp200.000.000; V Rp500.000.000; VI Rp2.000.000.000; VII Rp5.000.000.000;
    /// VIII Rp50.000.000.000.
    pub const STATUTORY_RUPIAH: [i64; 8] = [
        1_000_000,
        10_000_000,
        50_000_000,
        200_000_000,
        500_000_000,
        2_000_000_000,
        5_000_000_000,
        50_000_000_000,
    ];

    /// Amounts set by a government regulation (Art. 79(2)), categories I to VIII in order.
    /// Each must be positive and each category larger than the one before.
    pub fn new(amounts_rupiah: [i64; 8]) -> Result<FineCategories, Violation> {
        let positive = amounts_rupiah.iter().all(|&a| a > 0);
        let increasing = amounts_rupiah.windows(2).all(|pair| pair[0] < pair[1]);
        if positive && increasing {
            Ok(FineCategories { amounts_rupiah })
        } else {
            Err(Violation::new(
                Rule::L1,
                "fine_categories",
                Refusal::FineCategoriesOrder,
            ))
        }
    }

    pub fn amount_rupiah(&self, category: FineCategory) -> i64 {
        self.amounts_rupiah
            .get(category.index())
            .copied()
            .unwrap_or(i64::MAX)
    }

    /// The smallest category whose maximum covers `amount_rupiah`, or `None` above VIII.
    pub fn category_of(&self, amount_rupiah: i64) -> Option<FineCategory> {
        FineCategory::ALL
            .into_iter()
            .find(|&c| amount_rupiah <= self.amount_rupiah(c))
    }
}

impl Default for FineCategories {
    fn default() -> FineCategories {
        FineCategories {
            amounts_rupiah: FineCategories::STATUTORY_RUPIAH,
        }
    }
}

/// Rupiah as Indonesian text writes it: `Rp10.000.000`.
pub fn rupiah(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}Rp{grouped}")
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;

    #[test]
    fn default_categories_are_the_statutory_amounts_of_article_79() {
        let c = FineCategories::default();
        assert_eq!(c.amount_rupiah(FineCategory::I), 1_000_000);
        assert_eq!(c.amount_rupiah(FineCategory::II), 10_000_000);
        assert_eq!(c.amount_rupiah(FineCategory::VIII), 50_000_000_000);
        assert_eq!(c.category_of(10_000_000), Some(FineCategory::II));
        assert_eq!(c.category_of(10_000_001), Some(FineCategory::III));
        assert_eq!(c.category_of(50_000_000_001), None);
    }

    #[test]
    fn a_regulation_may_set_other_amounts_but_not_unordered_ones_L1() {
        let mut raised = FineCategories::STATUTORY_RUPIAH;
        raised[1] = 20_000_000;
        let c = FineCategories::new(raised).expect("increasing amounts are accepted");
        assert_eq!(c.amount_rupiah(FineCategory::II), 20_000_000);

        let mut unordered = FineCategories::STATUTORY_RUPIAH;
        unordered[1] = 500;
        let err = FineCategories::new(unordered).expect_err("II below I is refused");
        assert_eq!(err.rule, Some(Rule::L1));
        assert!(FineCategories::new([0; 8]).is_err());
    }

    #[test]
    fn rupiah_are_grouped_with_dots() {
        assert_eq!(rupiah(10_000_000), "Rp10.000.000");
        assert_eq!(rupiah(999), "Rp999");
        assert_eq!(rupiah(1_000), "Rp1.000");
        assert_eq!(rupiah(-2_500), "-Rp2.500");
        assert_eq!(rupiah(i64::MIN), "-Rp9.223.372.036.854.775.808");
    }
}
