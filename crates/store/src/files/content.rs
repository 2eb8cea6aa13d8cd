//! What an uploaded file is, judged by its bytes rather than by the name or type the browser
//! sent (ARCHITECTURE §8), and the cleaning applied before a photo is stored: metadata
//! (EXIF, which may carry the place and time a photo was taken) is removed.

/// The file types Karya accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    Pdf,
    Jpeg,
    Png,
    /// A short video of attendance (B7).
    Mp4,
}

impl ContentType {
    pub fn mime(self) -> &'static str {
        match self {
            ContentType::Pdf => "application/pdf",
            ContentType::Jpeg => "image/jpeg",
            ContentType::Png => "image/png",
            ContentType::Mp4 => "video/mp4",
        }
    }

    pub fn from_mime(mime: &str) -> Option<ContentType> {
        [
            ContentType::Pdf,
            ContentType::Jpeg,
            ContentType::Png,
            ContentType::Mp4,
        ]
        .into_iter()
        .find(|t| t.mime() == mime)
    }

    pub fn extension(self) -> &'static str {
        match self {
            ContentType::Pdf => "pdf",
            ContentType::Jpeg => "jpg",
            ContentType::Png => "png",
            ContentType::Mp4 => "mp4",
        }
    }

    /// The type the bytes begin with, if it is one Karya accepts.
    pub fn sniff(bytes: &[u8]) -> Option<ContentType> {
        if bytes.starts_with(b"%PDF-") {
            Some(ContentType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ContentType::Jpeg)
        } else if bytes.starts_with(PNG_SIGNATURE) {
            Some(ContentType::Png)
        } else if bytes.get(4..8) == Some(b"ftyp") {
            Some(ContentType::Mp4)
        } else {
            None
        }
    }
}

const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// The image without its metadata: JPEG APPn segments other than the JFIF header (APP0) and
/// comments are dropped; PNG text and EXIF chunks are dropped. Returns `None` when the
/// structure is broken (the upload is then refused rather than stored half-cleaned).
pub fn strip_metadata(kind: ContentType, bytes: &[u8]) -> Option<Vec<u8>> {
    match kind {
        ContentType::Pdf => Some(bytes.to_vec()),
        ContentType::Jpeg => strip_jpeg(bytes),
        ContentType::Png => strip_png(bytes),
        ContentType::Mp4 => super::video::strip_mp4(bytes),
    }
}

fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    // Total on any input: the property test found that fewer than two bytes panicked here.
    out.extend_from_slice(bytes.get(..2)?);
    let mut at = 2;
    loop {
        if bytes.get(at)? != &0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        // Start of scan: the compressed image follows to the end; copy it as it is.
        if marker == 0xDA {
            out.extend_from_slice(&bytes[at..]);
            return Some(out);
        }
        if marker == 0xD9 {
            out.extend_from_slice(&bytes[at..at + 2]);
            return Some(out);
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let end = at.checked_add(2 + length)?;
        let segment = bytes.get(at..end)?;
        let metadata = (0xE1..=0xEF).contains(&marker) || marker == 0xFE;
        if !metadata {
            out.extend_from_slice(segment);
        }
        at = end;
    }
}

fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut at = PNG_SIGNATURE.len();
    while at < bytes.len() {
        let length = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = bytes.get(at + 4..at + 8)?;
        let end = at.checked_add(12)?.checked_add(length)?;
        let chunk = bytes.get(at..end)?;
        let metadata = matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME");
        if !metadata {
            out.extend_from_slice(chunk);
        }
        at = end;
        if kind == b"IEND" {
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_bytes_not_the_name() {
        assert_eq!(ContentType::sniff(b"%PDF-1.7\n"), Some(ContentType::Pdf));
        assert_eq!(
            ContentType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ContentType::Jpeg)
        );
        assert_eq!(ContentType::sniff(PNG_SIGNATURE), Some(ContentType::Png));
        assert_eq!(ContentType::sniff(b"<html><script>"), None);
        assert_eq!(ContentType::sniff(b"MZ\x90\x00"), None);
    }

    #[test]
    fn exif_is_removed_from_a_jpeg_and_the_image_kept() {
        let exif = b"Exif\0\0GPS-LAT-6.9";
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x04, b'J', b'F']);
        jpeg.extend_from_slice(&[0xFF, 0xE1]);
        jpeg.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(exif);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 1, 2, 3, 0xFF, 0xD9]);
        let clean = strip_metadata(ContentType::Jpeg, &jpeg).unwrap();
        assert!(!clean.windows(3).any(|w| w == b"GPS"));
        assert!(clean.starts_with(&[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(clean.ends_with(&[0xFF, 0xDA, 0x00, 0x02, 1, 2, 3, 0xFF, 0xD9]));
    }

    #[test]
    fn text_chunks_are_removed_from_a_png() {
        let chunk = |kind: &[u8], data: &[u8]| {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        };
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Location\0Makassar"));
        png.extend(chunk(b"IDAT", &[1, 2, 3]));
        png.extend(chunk(b"IEND", &[]));
        let clean = strip_metadata(ContentType::Png, &png).unwrap();
        assert!(!clean.windows(8).any(|w| w == b"Makassar"));
        assert!(clean.windows(4).any(|w| w == b"IDAT"));
        assert!(clean.ends_with(&chunk(b"IEND", &[])));
    }

    #[test]
    fn a_truncated_image_is_refused_not_stored_half_cleaned() {
        assert_eq!(
            strip_metadata(ContentType::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE1, 0x10]),
            None
        );
        assert_eq!(strip_metadata(ContentType::Png, PNG_SIGNATURE), None);
    }
}
