//! Images for upload tests.

/// A JPEG whose EXIF segment carries a location (`GPSLatitude`), to show it is removed.
pub fn jpeg_with_location() -> Vec<u8> {
    let exif = b"Exif\0\0GPSLatitude -6.914744";
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, b'J', b'F'];
    jpeg.extend_from_slice(&[0xFF, 0xE1]);
    jpeg.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    jpeg.extend_from_slice(exif);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 7, 7, 7, 0xFF, 0xD9]);
    jpeg
}

/// A valid 1×1 PNG, decodable (for previews).
pub fn tiny_png() -> Vec<u8> {
    vec![
        137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
        0, 0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99, 100, 248, 207, 80,
        15, 0, 3, 134, 1, 128, 90, 52, 125, 107, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
    ]
}

fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

/// A minimal MP4 (ftyp, moov with a `udta` location and a chunk offset, mdat).
pub fn mp4_with_location() -> Vec<u8> {
    let ftyp = mp4_box(b"ftyp", b"isom\0\0\0\0isom");
    let stco = mp4_box(b"stco", &[0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    let trak = mp4_box(
        b"trak",
        &mp4_box(b"mdia", &mp4_box(b"minf", &mp4_box(b"stbl", &stco))),
    );
    let mut moov = mp4_box(b"mvhd", &[0; 12]);
    moov.extend(mp4_box(
        b"udta",
        &mp4_box(b"\xA9xyz", b"+06.9147+107.6098/"),
    ));
    moov.extend(trak);
    let mut file = ftyp;
    file.extend(mp4_box(b"moov", &moov));
    file.extend(mp4_box(b"mdat", b"VIDEO"));
    file
}
