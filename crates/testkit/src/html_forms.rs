//! The POST forms of a page as the browser would send them, read from our own templates'
//! HTML (double-quoted attributes, one tag per element): for tests that every field a form
//! sends is stored and shown, so a renamed field cannot silently drop what a user typed.

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    /// `text`, `textarea`, `select`, `date`, `time`, `number`, `hidden`, `checkbox`, `radio`,
    /// `file`, `password`, `search`…
    pub kind: String,
    /// The value the page put there (hidden fields, a select's first real option).
    pub value: String,
}

/// One POST form: where it goes and what it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub action: String,
    pub multipart: bool,
    pub fields: Vec<Field>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The tags named `tag` in `html`, each as its opening tag's text.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(end) = after.find('>') else { break };
        let text = &after[..=end];
        // `<input` must not match `<inputs`: the next character ends the name.
        if text[open.len()..].starts_with([' ', '>', '\n']) {
            out.push(text);
        }
        rest = &after[end..];
    }
    out
}

/// The first option with a non-empty value in a `<select>`, or its selected one.
fn select_value(body: &str) -> String {
    let options = tags(body, "option");
    options
        .iter()
        .find(|o| o.contains(" selected"))
        .or_else(|| {
            options
                .iter()
                .find(|o| attribute(o, "value").is_some_and(|v| !v.is_empty()))
        })
        .and_then(|o| attribute(o, "value"))
        .unwrap_or_default()
}

/// Every `method="post"` form of the page.
pub fn post_forms(html: &str) -> Vec<Form> {
    let mut forms = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<form ") {
        let after = &rest[start..];
        let Some(end) = after.find("</form>") else {
            break;
        };
        let body = &after[..end];
        rest = &after[end..];
        let head = &body[..body.find('>').unwrap_or(body.len())];
        if attribute(head, "method").as_deref() != Some("post") {
            continue;
        }
        let mut fields = Vec::new();
        for input in tags(body, "input") {
            if let Some(name) = attribute(input, "name") {
                fields.push(Field {
                    name,
                    kind: attribute(input, "type").unwrap_or_else(|| "text".into()),
                    value: attribute(input, "value").unwrap_or_default(),
                });
            }
        }
        for textarea in tags(body, "textarea") {
            if let Some(name) = attribute(textarea, "name") {
                fields.push(Field {
                    name,
                    kind: "textarea".into(),
                    value: String::new(),
                });
            }
        }
        let mut select_rest = body;
        while let Some(start) = select_rest.find("<select") {
            let after = &select_rest[start..];
            let close = after.find("</select>").unwrap_or(after.len());
            let select = &after[..close];
            let head = &select[..select.find('>').unwrap_or(select.len())];
            if let Some(name) = attribute(head, "name") {
                fields.push(Field {
                    name,
                    kind: "select".into(),
                    value: select_value(select),
                });
            }
            select_rest = &after[close..];
        }
        forms.push(Form {
            action: attribute(head, "action").unwrap_or_default(),
            multipart: head.contains("multipart/form-data"),
            fields,
        });
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_a_form_sends() {
        let html = r#"<form method="get" action="/x"><input name="q"></form>
            <form method="post" action="/cases/1/visits" class="form">
            <input type="hidden" name="_csrf" value="abc">
            <input id="visited_on" name="visited_on" type="date" value="">
            <select id="kind" name="kind"><option value="">—</option><option value="home">Rumah</option></select>
            <textarea id="visit_note" name="visit_note" rows="3"></textarea>
            <button type="submit">Simpan</button></form>"#;
        let forms = post_forms(html);
        assert_eq!(forms.len(), 1);
        let form = &forms[0];
        assert_eq!(form.action, "/cases/1/visits");
        let names: Vec<&str> = form.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["_csrf", "visited_on", "visit_note", "kind"]);
        assert_eq!(form.fields[0].value, "abc");
        assert_eq!(form.fields[3].value, "home");
    }
}
