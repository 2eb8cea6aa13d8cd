//! Short videos of attendance (B7) as MP4: the metadata boxes (`udta`, `meta`, `uuid`, which
//! may carry the place and time of recording) are removed before storage, and the chunk
//! offsets (`stco`, `co64`) are moved by the bytes removed before them, so the video still
//! plays.

/// Container boxes walked into; the boxes dropped wherever they are.
const CONTAINERS: [&[u8; 4]; 7] = [
    b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf",
];
const DROPPED: [&[u8; 4]; 3] = [b"udta", b"meta", b"uuid"];

/// How deep containers may nest. A real MP4 nests about six deep (moov/trak/mdia/minf/stbl);
/// a file built to nest thousands deep is refused instead of walking it (each level is one
/// frame of recursion: 20,000 levels overflowed the stack and aborted the server).
const MAX_DEPTH: usize = 16;
/// How many metadata boxes may be removed: each one shifts every chunk offset after it.
const MAX_REMOVED: usize = 4_096;

/// One box: where it starts, its header length, its total length and its type.
struct Mp4Box {
    at: usize,
    header: usize,
    len: usize,
    kind: [u8; 4],
}

fn boxes(data: &[u8], start: usize, end: usize) -> Option<Vec<Mp4Box>> {
    let mut out = Vec::new();
    let mut at = start;
    while at < end {
        let size = u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind: [u8; 4] = data.get(at + 4..at + 8)?.try_into().ok()?;
        let (header, len) = match size {
            0 => (8, end - at),
            1 => {
                let large = u64::from_be_bytes(data.get(at + 8..at + 16)?.try_into().ok()?);
                (16, usize::try_from(large).ok()?)
            }
            n => (8, n),
        };
        if len < header || at.checked_add(len)? > end {
            return None;
        }
        out.push(Mp4Box {
            at,
            header,
            len,
            kind,
        });
        at += len;
    }
    Some(out)
}

/// Where the removed boxes were: (start, length) in the original file.
fn removed(
    data: &[u8],
    start: usize,
    end: usize,
    depth: usize,
    out: &mut Vec<(usize, usize)>,
) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    for b in boxes(data, start, end)? {
        if DROPPED.contains(&&b.kind) {
            out.push((b.at, b.len));
            if out.len() > MAX_REMOVED {
                return None;
            }
        } else if CONTAINERS.contains(&&b.kind) {
            removed(data, b.at + b.header, b.at + b.len, depth + 1, out)?;
        }
    }
    Some(())
}

fn shift(offset: u64, removed: &[(usize, usize)]) -> u64 {
    let before: usize = removed
        .iter()
        .filter(|(at, _)| (*at as u64) < offset)
        .map(|(_, len)| *len)
        .sum();
    offset.saturating_sub(before as u64)
}

fn write_header(out: &mut Vec<u8>, header: usize, len: usize, kind: &[u8; 4]) -> Option<()> {
    if header == 16 {
        out.extend_from_slice(&1u32.to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(&(len as u64).to_be_bytes());
    } else {
        out.extend_from_slice(&u32::try_from(len).ok()?.to_be_bytes());
        out.extend_from_slice(kind);
    }
    Some(())
}

fn emit(
    data: &[u8],
    start: usize,
    end: usize,
    depth: usize,
    cut: &[(usize, usize)],
    out: &mut Vec<u8>,
) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    for b in boxes(data, start, end)? {
        let body = data.get(b.at + b.header..b.at + b.len)?;
        if DROPPED.contains(&&b.kind) {
            continue;
        }
        if CONTAINERS.contains(&&b.kind) {
            let mut inner = Vec::new();
            emit(
                data,
                b.at + b.header,
                b.at + b.len,
                depth + 1,
                cut,
                &mut inner,
            )?;
            write_header(out, b.header, b.header + inner.len(), &b.kind)?;
            out.extend_from_slice(&inner);
        } else if &b.kind == b"stco" || &b.kind == b"co64" {
            let wide = &b.kind == b"co64";
            let count = u32::from_be_bytes(body.get(4..8)?.try_into().ok()?) as usize;
            let width = if wide { 8 } else { 4 };
            if body.len() != 8 + count * width {
                return None;
            }
            write_header(out, b.header, b.len, &b.kind)?;
            out.extend_from_slice(&body[..8]);
            for entry in body[8..].chunks(width) {
                if wide {
                    let old = u64::from_be_bytes(entry.try_into().ok()?);
                    out.extend_from_slice(&shift(old, cut).to_be_bytes());
                } else {
                    let old = u64::from(u32::from_be_bytes(entry.try_into().ok()?));
                    out.extend_from_slice(&u32::try_from(shift(old, cut)).ok()?.to_be_bytes());
                }
            }
        } else {
            out.extend_from_slice(data.get(b.at..b.at + b.len)?);
        }
    }
    Some(())
}

/// The video without its metadata boxes, or `None` when its structure is broken.
pub fn strip_mp4(data: &[u8]) -> Option<Vec<u8>> {
    let mut cut = Vec::new();
    removed(data, 0, data.len(), 0, &mut cut)?;
    let mut out = Vec::with_capacity(data.len());
    emit(data, 0, data.len(), 0, &cut, &mut out)?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `levels` moov boxes, each the only content of the one around it.
    fn nested_moov(levels: usize) -> Vec<u8> {
        let mut file = Vec::with_capacity(levels * 8);
        for level in 0..levels {
            file.extend_from_slice(&(((levels - level) * 8) as u32).to_be_bytes());
            file.extend_from_slice(b"moov");
        }
        file
    }

    #[test]
    fn a_file_of_twenty_thousand_nested_boxes_is_refused_not_a_crash() {
        let bomb = nested_moov(20_000);
        assert_eq!(bomb.len(), 160_000, "a 160 KB upload");
        assert!(strip_mp4(&bomb).is_none());
        // Real nesting depth still passes.
        assert!(strip_mp4(&nested_moov(MAX_DEPTH)).is_some());
    }

    #[test]
    fn too_many_metadata_boxes_are_refused() {
        let mut file = Vec::new();
        for _ in 0..=MAX_REMOVED {
            file.extend_from_slice(&8u32.to_be_bytes());
            file.extend_from_slice(b"udta");
        }
        assert!(strip_mp4(&file).is_none());
    }

    fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        b.extend_from_slice(kind);
        b.extend_from_slice(body);
        b
    }

    /// ftyp, moov (udta with a location; trak/mdia/minf/stbl/stco pointing at the payload), mdat.
    fn sample(offset: u32) -> Vec<u8> {
        let ftyp = mp4_box(b"ftyp", b"isom\0\0\0\0isom");
        let mut stco_body = vec![0, 0, 0, 0, 0, 0, 0, 1];
        stco_body.extend_from_slice(&offset.to_be_bytes());
        let stbl = mp4_box(b"stbl", &mp4_box(b"stco", &stco_body));
        let trak = mp4_box(b"trak", &mp4_box(b"mdia", &mp4_box(b"minf", &stbl)));
        let udta = mp4_box(b"udta", &mp4_box(b"\xA9xyz", b"+06.9147+107.6098/"));
        let mut moov_body = mp4_box(b"mvhd", &[0; 12]);
        moov_body.extend(udta);
        moov_body.extend(trak);
        let moov = mp4_box(b"moov", &moov_body);
        let mut file = ftyp;
        file.extend(moov);
        file.extend(mp4_box(b"mdat", b"VIDEO"));
        file
    }

    #[test]
    fn the_location_is_removed_and_the_video_still_points_at_its_frames() {
        let probe = sample(0);
        let payload_at = probe.len() - 5;
        let video = sample(payload_at as u32);
        let clean = strip_mp4(&video).unwrap();
        assert!(
            !clean.windows(5).any(|w| w == b"+06.9"),
            "the location is gone"
        );
        assert!(clean.len() < video.len());
        let stco = clean.windows(4).position(|w| w == b"stco").unwrap();
        let offset = u32::from_be_bytes(clean[stco + 12..stco + 16].try_into().unwrap()) as usize;
        assert_eq!(
            &clean[offset..offset + 5],
            b"VIDEO",
            "the chunk offset follows the move"
        );
    }

    #[test]
    fn a_broken_video_is_refused() {
        let mut video = sample(0);
        video.truncate(30);
        assert_eq!(strip_mp4(&video), None);
    }
}
