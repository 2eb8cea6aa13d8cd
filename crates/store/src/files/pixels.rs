//! The pixel budget of an uploaded photo, read from its header before anything decodes it.

use image::ImageReader;

use super::UploadError;

/// The most pixels a photo may have: 40 megapixels, above any phone camera's default and far
/// above the 1600 px the client's page sends.
pub const MAX_PIXELS: u64 = 40_000_000;

/// Refuses an image whose header declares more than [`MAX_PIXELS`], without decoding it. A
/// header the reader cannot read is left to the metadata cleaner, which refuses damage.
pub fn check_budget(bytes: &[u8]) -> Result<(), UploadError> {
    let Some((width, height)) = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|reader| reader.into_dimensions().ok())
    else {
        return Ok(());
    };
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(UploadError::TooManyPixels {
            max_megapixels: MAX_PIXELS / 1_000_000,
        });
    }
    Ok(())
}

/// Limits for any decoder of uploaded images: the same budget, and no more memory than
/// such an image needs.
pub fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 16 * 1024 * 1024);
    limits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG header that declares `width`×`height` (the pixels are never there).
    fn declared_png(width: u32, height: u32) -> Vec<u8> {
        let mut image = image::RgbImage::new(2, 2);
        image.put_pixel(0, 0, image::Rgb([1, 2, 3]));
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        // IHDR's width and height follow the signature (8), length (4) and type (4); its
        // CRC (over type and data, 17 bytes) follows the 13 bytes of data.
        png[16..20].copy_from_slice(&width.to_be_bytes());
        png[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        png
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_12000_by_12000_image_is_refused_from_its_header() {
        assert!(matches!(
            check_budget(&declared_png(12_000, 12_000)),
            Err(UploadError::TooManyPixels { max_megapixels: 40 })
        ));
        assert!(
            check_budget(&declared_png(4_000, 3_000)).is_ok(),
            "a 12 MP phone photo"
        );
    }
}
