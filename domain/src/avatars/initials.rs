//! Generated avatars for members without a photo: up to two initials on a coloured
//! circle, as a small SVG.

/// Background colours, each dark enough for white text at a contrast of at least
/// 4.5:1 (WCAG AA), and different enough to tell neighbours apart.
pub const PALETTE: [&str; 8] = [
    "#1d4ed8", // blue
    "#047857", // green
    "#b91c1c", // red
    "#6d28d9", // violet
    "#c2410c", // orange
    "#0f766e", // teal
    "#be185d", // pink
    "#4338ca", // indigo
];

/// A stable colour for a member, from something that does not change (their handle).
pub fn palette_index(seed: &str) -> usize {
    // FNV-1a: tiny, stable across releases and platforms (unlike std's hasher).
    let hash = seed.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    usize::try_from(hash).unwrap_or(0) % PALETTE.len()
}

/// An SVG of up to two `initials` (letters and digits only) on the palette colour
/// `colour` (taken modulo the palette's length).
pub fn initials_svg(initials: &str, colour: usize) -> String {
    let text: String = initials
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect();
    let fill = PALETTE[colour % PALETTE.len()];
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\">\
<circle cx=\"32\" cy=\"32\" r=\"32\" fill=\"{fill}\"/>\
<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" fill=\"#ffffff\" \
font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"26\" \
font-weight=\"600\">{}</text></svg>",
        escape_xml(&text)
    )
}

/// Escapes text for an XML text node or attribute.
fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of a `#rrggbb` colour.
    fn luminance(hex: &str) -> f64 {
        let channel = |at: usize| {
            let value = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).unwrap()) / 255.0;
            if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn white_text_is_readable_on_every_colour() {
        for colour in PALETTE {
            let contrast = 1.05 / (luminance(colour) + 0.05);
            assert!(contrast >= 4.5, "{colour} gives {contrast:.2}:1");
        }
    }

    #[test]
    fn markup_cannot_get_into_the_svg() {
        let svg = initials_svg("<script>&", 0);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains(">SC</text>"), "{svg}");
        assert_eq!(
            escape_xml("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }

    #[test]
    fn at_most_two_letters_upper_cased() {
        assert!(initials_svg("éva", 3).contains(">ÉV</text>"));
        assert!(initials_svg("", 3).contains("></text>"));
    }

    #[test]
    fn a_member_keeps_their_colour() {
        assert_eq!(palette_index("ana-lopez"), palette_index("ana-lopez"));
        assert!(palette_index("x") < PALETTE.len());
    }
}
