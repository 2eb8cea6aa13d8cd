//! The small typst `World` a letter is compiled in: a virtual file system holding the embedded
//! templates, the letter's `data.json`, its `qr.svg` and, on forms with a pas foto, the client's
//! photo (`photo.jpg` or `photo.png`); the fonts of `typst-assets`, loaded once;
//! and a fixed "today", the letter's date. Nothing is read from disk or the network.

use std::sync::LazyLock;

use jiff::civil::Date;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The embedded templates by virtual path. `common.typ` is imported by all the others,
/// `annex.typ` by the forms of the annexes.
const TEMPLATES: [(&str, &str); 16] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/annex.typ", include_str!("../templates/annex.typ")),
    ("/summons.typ", include_str!("../templates/summons.typ")),
    (
        "/missing_documents.typ",
        include_str!("../templates/missing_documents.typ"),
    ),
    (
        "/absence_consideration.typ",
        include_str!("../templates/absence_consideration.typ"),
    ),
    (
        "/assignment.typ",
        include_str!("../templates/assignment.typ"),
    ),
    ("/placement.typ", include_str!("../templates/placement.typ")),
    (
        "/implementation_report.typ",
        include_str!("../templates/implementation_report.typ"),
    ),
    (
        "/attendance.typ",
        include_str!("../templates/attendance.typ"),
    ),
    ("/attitude.typ", include_str!("../templates/attitude.typ")),
    ("/partners.typ", include_str!("../templates/partners.typ")),
    ("/litmas.typ", include_str!("../templates/litmas.typ")),
    (
        "/progress_report.typ",
        include_str!("../templates/progress_report.typ"),
    ),
    (
        "/tpp_minutes.typ",
        include_str!("../templates/tpp_minutes.typ"),
    ),
    (
        "/termination.typ",
        include_str!("../templates/termination.typ"),
    ),
    ("/dossier.typ", include_str!("../templates/dossier.typ")),
];

const DATA_PATH: &str = "/data.json";
const QR_PATH: &str = "/qr.svg";

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// Parsed once; a `Source` is cheap to clone.
static SOURCES: LazyLock<Vec<Source>> = LazyLock::new(|| {
    TEMPLATES
        .iter()
        .map(|(path, text)| Source::new(file_id(path), (*text).to_owned()))
        .collect()
});

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The world of one letter.
pub(crate) struct LetterWorld {
    main: FileId,
    data: Bytes,
    qr: Bytes,
    photo: Option<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl LetterWorld {
    /// `template` is one of the paths of [`TEMPLATES`]; `data` the letter's JSON; `qr` its SVG;
    /// `photo` the client's photo with the path it is read from.
    pub(crate) fn new(
        template: &str,
        data: Vec<u8>,
        qr: String,
        photo: Option<(&str, &[u8])>,
        today: Date,
    ) -> Self {
        let today = u8::try_from(today.month())
            .ok()
            .zip(u8::try_from(today.day()).ok())
            .and_then(|(month, day)| Datetime::from_ymd(i32::from(today.year()), month, day));
        LetterWorld {
            main: file_id(template),
            data: Bytes::new(data),
            qr: Bytes::from_string(qr),
            photo: photo.map(|(path, bytes)| (file_id(path), Bytes::new(bytes.to_vec()))),
            today,
        }
    }
}

impl World for LetterWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        SOURCES
            .iter()
            .find(|source| source.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id(DATA_PATH) {
            Ok(self.data.clone())
        } else if id == file_id(QR_PATH) {
            Ok(self.qr.clone())
        } else if let Some((_, photo)) = self.photo.as_ref().filter(|(path, _)| *path == id) {
            Ok(photo.clone())
        } else {
            self.source(id)
                .map(|source| Bytes::from_string(source.text().to_owned()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// The letter's own date, whatever the offset: templates never depend on the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
