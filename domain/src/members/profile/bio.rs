//! Biographies are plain text with links: the text is cut into pieces the page
//! shows as escaped text and as links, so no markup a member types ever runs.

use iey_dto::BioPiece;
use linkify::{LinkFinder, LinkKind};

/// Cuts `bio` into text and links. Only `http://` and `https://` addresses become
/// links; anything else (`javascript:`, `data:`, tags) stays text.
pub fn bio_pieces(bio: &str) -> Vec<BioPiece> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    let mut pieces: Vec<BioPiece> = Vec::new();
    for span in finder.spans(bio) {
        let text = span.as_str();
        if span.kind() == Some(&LinkKind::Url) && is_web_address(text) {
            pieces.push(BioPiece::Link {
                href: text.to_owned(),
                text: text.to_owned(),
            });
        } else if let Some(BioPiece::Text(previous)) = pieces.last_mut() {
            previous.push_str(text);
        } else {
            pieces.push(BioPiece::Text(text.to_owned()));
        }
    }
    pieces
}

fn is_web_address(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> BioPiece {
        BioPiece::Text(value.to_owned())
    }

    #[test]
    fn web_addresses_become_links_and_the_rest_stays_text() {
        assert_eq!(
            bio_pieces("See https://example.org/a?b=1 and more."),
            vec![
                text("See "),
                BioPiece::Link {
                    href: "https://example.org/a?b=1".into(),
                    text: "https://example.org/a?b=1".into(),
                },
                text(" and more."),
            ]
        );
        assert_eq!(bio_pieces(""), Vec::<BioPiece>::new());
    }

    #[test]
    fn scripts_and_other_schemes_stay_text() {
        for bio in [
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "<a href=\"x\" onclick=\"alert(1)\">hi</a>",
            "ftp://example.org/file",
            "data:text/html,<b>x</b>",
        ] {
            assert_eq!(bio_pieces(bio), vec![text(bio)], "{bio}");
        }
    }
}
