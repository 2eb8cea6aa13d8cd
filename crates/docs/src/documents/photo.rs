//! The client's pas foto (3×4 cm) on Annexes II and IV.

use std::fmt;

use serde::{Serialize, Serializer};

/// A JPEG or PNG photo of the client. The bytes are handed to the template as a file of their
/// own (`/photo.jpg` or `/photo.png`), never through `data.json`; the JSON only names the file.
#[derive(Clone, PartialEq, Eq)]
pub struct Photo {
    bytes: Vec<u8>,
    format: PhotoFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhotoFormat {
    Jpeg,
    Png,
}

impl Photo {
    /// The photo, if `bytes` start like a JPEG or a PNG file; `None` for anything else. A file
    /// that starts right but is damaged inside fails the render with
    /// [`crate::DocsError::Template`].
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Photo> {
        let format = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            PhotoFormat::Jpeg
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            PhotoFormat::Png
        } else {
            return None;
        };
        Some(Photo { bytes, format })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The virtual path the template reads the photo from.
    pub(crate) fn path(&self) -> &'static str {
        match self.format {
            PhotoFormat::Jpeg => "/photo.jpg",
            PhotoFormat::Png => "/photo.png",
        }
    }
}

/// The bytes are left out: a debug line must not carry a picture of the client.
impl fmt::Debug for Photo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Photo")
            .field("format", &self.format)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Serialised as the path the template loads it from.
impl Serialize for Photo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jpeg_and_png_are_photos() {
        let jpeg = Photo::from_bytes(vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).expect("a JPEG");
        assert_eq!(jpeg.path(), "/photo.jpg");
        let png = Photo::from_bytes(b"\x89PNG\r\n\x1a\nrest".to_vec()).expect("a PNG");
        assert_eq!(png.path(), "/photo.png");
        assert!(Photo::from_bytes(b"GIF89a".to_vec()).is_none());
        assert!(Photo::from_bytes(Vec::new()).is_none());
        assert_eq!(format!("{png:?}"), "Photo { format: Png, len: 12 }");
    }
}
