//! Every parser of uploaded bytes (photos, fingerprints, scans, evidence videos): whatever
//! the bytes, each refuses or cleans and none panics, overflows its stack or grows its input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    karya_store::files::run_every_parser(bytes);
});
