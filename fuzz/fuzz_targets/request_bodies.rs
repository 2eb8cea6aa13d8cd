//! Request bodies before any handler sees them: the CSRF check reads its token out of a form
//! or an upload (multipart) body, whatever a client sends — never a panic, never more than a
//! short value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Some(token) = karya_bodyscan::multipart_field(bytes, "_csrf") {
        assert!(token.len() <= 256);
    }
    let _ = karya_bodyscan::urlencoded_field(bytes, "_csrf");
});
