//! Image files for the avatar tests, made in memory: real JPEG, PNG and WebP photos,
//! a JPEG carrying EXIF GPS data, and files that only pretend to be images.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{ImageEncoder, ImageReader, RgbImage, RgbaImage};

/// A smooth gradient, so that encoders have something photo-like to work on.
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
    })
}

/// A JPEG photo of `width` × `height`.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&picture(width, height))
        .unwrap();
    bytes
}

/// A PNG with a transparent half.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let rgb = picture(width, height);
    let rgba = RgbaImage::from_fn(width, height, |x, y| {
        let [r, g, b] = rgb.get_pixel(x, y).0;
        image::Rgba([r, g, b, if x < width / 2 { 0 } else { 255 }])
    });
    let mut bytes = Vec::new();
    PngEncoder::new(&mut bytes)
        .write_image(
            rgba.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgba8,
        )
        .unwrap();
    bytes
}

/// A lossless WebP.
pub fn webp(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    WebPEncoder::new_lossless(&mut bytes)
        .write_image(
            picture(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    bytes
}

/// A 1 × 1 GIF.
pub const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// An SVG, which could carry scripts.
pub const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

/// Latitude 51 deg 30 min 26 s north, written where no image should carry it.
pub const SECRET_PLACE: &[u8] = b"GPS-SECRET-51.5074N";

/// A JPEG photo with an APP1 EXIF segment whose GPS directory says where it was taken.
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    // TIFF, big-endian: IFD0 at 8 with one entry (GPS IFD pointer), GPS IFD at 26 with
    // latitude ref "N", latitude 51/1 30/1 26/1, and a processing-method note.
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend_from_slice(&[0x00, 0x01]); // one entry
    tiff.extend_from_slice(&[0x88, 0x25, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 26]); // GPSInfo -> 26
    tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    assert_eq!(tiff.len(), 26);
    let data_at: u32 = 26 + 2 + 3 * 12 + 4;
    let note_at = data_at + 24;
    tiff.extend_from_slice(&[0x00, 0x03]); // three entries
    tiff.extend_from_slice(&[0x00, 0x01, 0x00, 0x02, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0x00, 0x02, 0x00, 0x05, 0, 0, 0, 3]);
    tiff.extend_from_slice(&data_at.to_be_bytes());
    tiff.extend_from_slice(&[0x00, 0x1b, 0x00, 0x07, 0, 0, 0]);
    tiff.push(SECRET_PLACE.len() as u8);
    tiff.extend_from_slice(&note_at.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    for (numerator, denominator) in [(51u32, 1u32), (30, 1), (26, 1)] {
        tiff.extend_from_slice(&numerator.to_be_bytes());
        tiff.extend_from_slice(&denominator.to_be_bytes());
    }
    tiff.extend_from_slice(SECRET_PLACE);

    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let length = u16::try_from(app1.len() + 2).unwrap();
    let plain = jpeg(width, height);
    let mut bytes = plain[..2].to_vec(); // SOI
    bytes.extend_from_slice(&[0xff, 0xe1]);
    bytes.extend_from_slice(&length.to_be_bytes());
    bytes.extend_from_slice(&app1);
    bytes.extend_from_slice(&plain[2..]);
    bytes
}

/// The EXIF block a decoder finds in `bytes`, if any.
pub fn exif_of(bytes: &[u8]) -> Option<Vec<u8>> {
    use image::ImageDecoder;
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    decoder.exif_metadata().unwrap()
}

/// The width, height and format of an encoded image.
pub fn shape_of(bytes: &[u8]) -> (u32, u32, image::ImageFormat) {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap();
    let format = reader.format().unwrap();
    let (width, height) = reader.into_dimensions().unwrap();
    (width, height, format)
}

/// A PNG whose header claims `width` × `height` (with a valid checksum) but whose
/// data is a tiny image: how a decompression bomb starts.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(4, 4);
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// CRC-32 as PNG chunks use it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
