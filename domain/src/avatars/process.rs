//! Turning an uploaded photo into safe avatar images: check the size, sniff the real
//! format, decode within limits, square it, resize it and encode it afresh, so that
//! nothing of the original file (EXIF, GPS, comments, trailing bytes) survives.

use std::io::Cursor;

use iey_dto::AvatarProblem;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

/// The largest upload we accept, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// The widest or tallest image we decode, in pixels.
pub const MAX_SIDE: u32 = 8000;
/// The most pixels we decode: a 48-megapixel phone photo fits, a decompression bomb does not.
pub const MAX_PIXELS: u64 = 48_000_000;
/// The most memory a decoder may allocate.
const MAX_DECODER_BYTES: u64 = 256 * 1024 * 1024;
/// Big photos are first shrunk cheaply to this side, then resized with a good filter.
const PRESHRINK_SIDE: u32 = 1024;
/// JPEG quality of the stored images: small for photos, no visible artefacts at 256 px.
const JPEG_QUALITY: u8 = 85;

/// The sizes every avatar is stored in, in pixels (square).
pub const SIZES: [u32; 2] = [256, 64];

/// One re-encoded avatar image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedImage {
    /// Its side in pixels.
    pub size: u32,
    /// Its MIME type.
    pub content_type: &'static str,
    /// The encoded file.
    pub bytes: Vec<u8>,
}

/// Checks, decodes and re-encodes an upload in every size of [`SIZES`], largest first.
/// CPU-bound: call it off the async threads.
pub fn process(upload: &[u8]) -> Result<Vec<EncodedImage>, AvatarProblem> {
    if upload.is_empty() {
        return Err(AvatarProblem::Missing);
    }
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(AvatarProblem::TooLarge);
    }
    let format = sniff(upload)?;
    if format == ImageFormat::Jpeg && !super::jpeg::is_complete(upload) {
        return Err(AvatarProblem::Unreadable);
    }
    let square = square(decode(upload, format)?);
    let source = if square.width() > PRESHRINK_SIDE {
        square.thumbnail_exact(PRESHRINK_SIDE, PRESHRINK_SIDE)
    } else {
        square
    };
    let flat = flatten(&source);
    SIZES
        .iter()
        .map(|&size| {
            let resized = image::imageops::resize(&flat, size, size, FilterType::Lanczos3);
            encode_jpeg(&resized).map(|bytes| EncodedImage {
                size,
                content_type: "image/jpeg",
                bytes,
            })
        })
        .collect()
}

/// The format the bytes really are, whatever the file was called.
fn sniff(upload: &[u8]) -> Result<ImageFormat, AvatarProblem> {
    match image::guess_format(upload) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        _ => Err(AvatarProblem::WrongFormat),
    }
}

/// Decodes within [`MAX_SIDE`], [`MAX_PIXELS`] and a memory cap, the right way up.
fn decode(upload: &[u8], format: ImageFormat) -> Result<DynamicImage, AvatarProblem> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(problem)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS
        || decoder.total_bytes() > MAX_DECODER_BYTES
    {
        return Err(AvatarProblem::TooManyPixels);
    }
    if width == 0 || height == 0 {
        return Err(AvatarProblem::Unreadable);
    }
    // Phones store photos sideways and say so in EXIF; turn them before EXIF is dropped.
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(problem)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

/// What a decoding failure means for the member.
fn problem(error: ImageError) -> AvatarProblem {
    match error {
        ImageError::Limits(_) => AvatarProblem::TooManyPixels,
        ImageError::Unsupported(_) => AvatarProblem::WrongFormat,
        _ => AvatarProblem::Unreadable,
    }
}

/// The largest centred square of the image.
fn square(image: DynamicImage) -> DynamicImage {
    let (width, height) = (image.width(), image.height());
    let side = width.min(height);
    if width == height {
        image
    } else {
        image.crop_imm((width - side) / 2, (height - side) / 2, side, side)
    }
}

/// RGB with any transparency laid over white, as JPEG has no alpha channel.
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |channel: u8| {
            let (channel, alpha) = (u16::from(channel), u16::from(a));
            // (c·a + 255·(255−a)) / 255 stays within 0..=255.
            u8::try_from((channel * alpha + 255 * (255 - alpha) + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// A fresh baseline JPEG with no metadata at all.
fn encode_jpeg(image: &RgbImage) -> Result<Vec<u8>, AvatarProblem> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .encode_image(image)
        .map_err(|error| {
            tracing::error!(%error, "could not encode an avatar");
            AvatarProblem::Unreadable
        })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparent_pixels_become_white_and_opaque_ones_stay() {
        let mut rgba = image::RgbaImage::new(2, 1);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, image::Rgba([10, 20, 30, 255]));
        let flat = flatten(&DynamicImage::ImageRgba8(rgba));
        assert_eq!(flat.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(flat.get_pixel(1, 0).0, [10, 20, 30]);
    }

    #[test]
    fn the_centre_square_is_kept() {
        let wide = DynamicImage::new_rgb8(300, 100);
        let squared = square(wide);
        assert_eq!((squared.width(), squared.height()), (100, 100));
    }
}
