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
