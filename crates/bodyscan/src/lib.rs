//! Reads one field out of an untrusted request body without parsing the rest: the CSRF
//! check looks for its token in a form (`application/x-www-form-urlencoded`) or in an upload
//! (`multipart/form-data`) before any handler sees the body. Whatever the bytes, these return
//! a value or `None`; they never panic (fuzzed by `fuzz/fuzz_targets/request_bodies.rs`).

/// The first value of `name` in a URL-encoded form body.
pub fn urlencoded_field(encoded: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(encoded)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// A text field of a multipart body, read from the part that names it (the boundary
/// comes from the body itself: its first line). Only a short value is taken.
pub fn multipart_field(body: &[u8], name: &str) -> Option<String> {
    let first_line = body.split(|b| *b == b'\n').next()?;
    let boundary = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    if !boundary.starts_with(b"--") || boundary.len() < 3 {
        return None;
    }
    let marker = format!("name=\"{name}\"");
    let mut at = 0;
    while let Some(offset) = find(&body[at..], boundary) {
        let part = at + offset + boundary.len();
        let end = find(&body[part..], boundary).map_or(body.len(), |e| part + e);
        let section = &body[part..end];
        if let Some(split) = find(section, b"\r\n\r\n") {
            let headers = &section[..split];
            let named =
                find(headers, marker.as_bytes()).is_some() && find(headers, b"filename=").is_none();
            if named {
                let value = &section[split + 4..];
                let value = value.strip_suffix(b"\r\n").unwrap_or(value);
                return (value.len() <= 256)
                    .then(|| String::from_utf8(value.to_vec()).ok())
                    .flatten();
            }
        }
        at = end;
        if end >= body.len() {
            break;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(parts: &[(&str, &str, bool)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value, file) in parts {
            let filename = if *file { "; filename=\"a.jpg\"" } else { "" };
            out.extend_from_slice(
                format!("--b0undary\r\nContent-Disposition: form-data; name=\"{name}\"{filename}\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        out.extend_from_slice(b"--b0undary--\r\n");
        out
    }

    #[test]
    fn the_token_is_read_from_its_own_part_only() {
        let form = body(&[("_csrf", "abc123", false), ("date", "2026-11-30", false)]);
        assert_eq!(multipart_field(&form, "_csrf").as_deref(), Some("abc123"));
        let later = body(&[("date", "x", false), ("_csrf", "def", false)]);
        assert_eq!(multipart_field(&later, "_csrf").as_deref(), Some("def"));
        let in_a_file = body(&[("_csrf", "abc123", true)]);
        assert_eq!(
            multipart_field(&in_a_file, "_csrf"),
            None,
            "a file part named _csrf is not the token"
        );
        assert_eq!(
            multipart_field(&body(&[("date", "x", false)]), "_csrf"),
            None
        );
        assert_eq!(multipart_field(b"not multipart at all", "_csrf"), None);
        assert_eq!(multipart_field(b"", "_csrf"), None);
    }
}
