//! Every parser of uploaded bytes, fed bytes nobody vetted (issue 12, item 1): the type
//! check of every purpose, the metadata strippers, the pixel budget, the preview decoder and
//! the MP4 cleaner must answer — refuse or clean — and never panic or run away, whatever the
//! bytes. Each case starts from a real file's first bytes, so the parsers get past their
//! signature checks into the structures behind them, then random bytes follow.
//!
//! These are property tests, run on every `cargo test`; the same function is the body of the
//! coverage-guided fuzz target `fuzz/fuzz_targets/uploads.rs`, run by `scripts/fuzz`.

use proptest::prelude::*;

/// The first bytes of each kind of upload: a PDF, a JPEG (SOI, APP1 Exif), a PNG (signature
/// and IHDR) and an MP4 (`ftyp`, then a `moov` header).
fn prefixes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"%PDF-1.7\n".to_vec()),
        Just(vec![
            0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, b'E', b'x', b'i', b'f', 0, 0
        ]),
        Just(vec![
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R'
        ]),
        Just(
            [
                &[0, 0, 0, 16][..],
                b"ftypisom",
                &[0, 0, 2, 0],
                &[0, 0, 0, 8][..],
                b"moov",
            ]
            .concat()
        ),
        Just(Vec::new()),
    ]
}

fn untrusted() -> impl Strategy<Value = Vec<u8>> {
    (prefixes(), proptest::collection::vec(any::<u8>(), 0..2048)).prop_map(|(mut head, tail)| {
        head.extend(tail);
        head
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn no_parser_of_uploaded_bytes_panics(bytes in untrusted()) {
        super::run_every_parser(&bytes);
    }
}
