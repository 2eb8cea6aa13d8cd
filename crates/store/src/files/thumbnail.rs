//! Small previews of uploaded photos (issue "serving the hours": thumbnails), so that the
//! PJ and the PK see a day's evidence at a glance on a slow line. Made from the cleaned image,
//! re-encoded as JPEG (which carries no metadata), at most 320 px on the long side.

use image::ImageReader;
use image::codecs::jpeg::JpegEncoder;

const LONG_SIDE: u32 = 320;

/// The thumbnail of a JPEG or PNG, or `None` when it cannot be decoded (the upload itself is
/// still kept: the preview is a convenience).
pub fn thumbnail(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    reader.limits(super::pixels::limits());
    let decoded = reader.decode().ok()?;
    let small = decoded.thumbnail(LONG_SIDE, LONG_SIDE).to_rgb8();
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 75)
        .encode_image(&small)
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_gets_a_small_jpeg_preview() {
        let mut big = image::RgbImage::new(1200, 800);
        for (x, _, pixel) in big.enumerate_pixels_mut() {
            *pixel = image::Rgb([(x % 256) as u8, 80, 160]);
        }
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(big)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let thumb = thumbnail(&png).unwrap();
        assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
        let back = image::load_from_memory(&thumb).unwrap();
        assert_eq!((back.width(), back.height()), (320, 213));
    }

    #[test]
    fn a_broken_image_gets_no_preview() {
        assert_eq!(thumbnail(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 4]), None);
    }
}
