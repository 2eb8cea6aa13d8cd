//! The court decision's terms as any API caller may send them (`POST /api/v1/cases`,
//! `/api/v1/sentence-terms/validate`): parsed from JSON, checked against KUHP Art. 85 and,
//! when lawful, turned into a service window — never a panic or an arithmetic overflow.
#![no_main]

use karya_domain::FineCategories;
use karya_domain::sentence::SentenceTerms;
use karya_domain::window::ServiceWindow;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(terms) = serde_json::from_slice::<SentenceTerms>(bytes) else {
        return;
    };
    if let Ok(valid) = terms.validate(&FineCategories::default()) {
        let received = terms.date_final;
        let _ = ServiceWindow::for_sentence(&valid, received);
    }
});
