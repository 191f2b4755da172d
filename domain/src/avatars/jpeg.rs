//! A JPEG's structure, walked marker by marker: our decoder fills a cut-short photo
//! with grey instead of failing, so a missing end marker is caught here.

/// Whether the JPEG in `bytes` reaches its end-of-image marker.
pub fn is_complete(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xff, 0xd8]) {
        return false;
    }
    let mut at = 2;
    loop {
        if bytes.get(at) != Some(&0xff) {
            return false;
        }
        // Any number of 0xff fill bytes may stand before a marker.
        while bytes.get(at) == Some(&0xff) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match marker {
            0xd9 => return true,
            // Markers that stand alone, with no length.
            0x01 | 0xd0..=0xd7 => continue,
            _ => {}
        }
        let Some(length) = bytes
            .get(at..at + 2)
            .map(|length| usize::from(u16::from_be_bytes([length[0], length[1]])))
        else {
            return false;
        };
        if length < 2 {
            return false;
        }
        at += length;
        if marker == 0xda {
            match end_of_scan(bytes, at) {
                Some(next_marker) => at = next_marker,
                None => return false,
            }
        }
    }
}

/// Where the entropy-coded data starting at `at` ends: the next real marker, skipping
/// stuffed zeros and restart markers.
fn end_of_scan(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        match (bytes.get(at)?, bytes.get(at + 1)?) {
            (0xff, 0x00 | 0xd0..=0xd7) => at += 2,
            (0xff, 0xff) => at += 1,
            (0xff, _) => return Some(at),
            _ => at += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_jpeg_is_complete_and_a_cut_one_is_not() {
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut bytes)
            .encode_image(&image::RgbImage::new(40, 30))
            .unwrap();
        assert!(is_complete(&bytes));
        bytes.extend_from_slice(b"trailing bytes some cameras add");
        assert!(is_complete(&bytes), "data after the end marker is ignored");
        for cut in [2, 20, bytes.len() / 2, bytes.len() - 40] {
            assert!(!is_complete(&bytes[..cut]), "cut at {cut}");
        }
        assert!(!is_complete(b"not a jpeg"));
    }
}
