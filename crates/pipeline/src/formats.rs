//! The image formats every face accepts, each written once, by the decoder's own list
//! (`copy_that_measure::decode::Format`): the file extensions folders are searched by and the open
//! dialog filters by, the MIME type the overlay's `data:` URL names, and the content sniffer (the
//! decoder's: `image::guess_format`, narrowed to those formats). Adding a format to the decoder
//! fails to compile here until it has its extensions and MIME type.

use copy_that_measure::decode::Format;

/// Every format the decoder reads, in the order messages name them.
pub const FORMATS: [Format; 3] = Format::ALL;

/// The file extensions of a format, lower case.
pub fn extensions(format: Format) -> &'static [&'static str] {
    match format {
        Format::Png => &["png"],
        Format::Jpeg => &["jpg", "jpeg"],
        Format::WebP => &["webp"],
    }
}

pub fn mime(format: Format) -> &'static str {
    match format {
        Format::Png => "image/png",
        Format::Jpeg => "image/jpeg",
        Format::WebP => "image/webp",
    }
}

/// Every accepted extension, for a file dialog's filter.
pub fn all_extensions() -> Vec<&'static str> {
    FORMATS.into_iter().flat_map(extensions).copied().collect()
}

/// Whether a file name's extension (any case) is one of an accepted format's.
pub fn has_image_extension(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| all_extensions().contains(&e.to_ascii_lowercase().as_str()))
}

/// "PNG, JPEG or WebP": the formats as a sentence names them.
pub fn listed() -> String {
    let names: Vec<&str> = FORMATS.into_iter().map(Format::name).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The format of these bytes, by their content (never a name), if it is one the decoder reads:
/// the decoder's own sniffing, so the two cannot disagree.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    Format::sniff(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_list_gives_the_extensions_the_message_and_the_mime_types() {
        assert_eq!(all_extensions(), ["png", "jpg", "jpeg", "webp"]);
        assert_eq!(listed(), "PNG, JPEG or WebP");
        assert!(has_image_extension(std::path::Path::new("a/B.JPG")));
        assert!(!has_image_extension(std::path::Path::new("notes.txt")));
        assert!(!has_image_extension(std::path::Path::new("png")));
    }

    #[test]
    fn content_decides_the_mime_type() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(sniff(png).map(mime), Some("image/png"));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).map(mime),
            Some("image/jpeg")
        );
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").map(mime), Some("image/webp"));
        // A GIF is an image, but not one the decoder reads.
        assert_eq!(sniff(b"GIF89a\x01\0\x01\0"), None);
        assert_eq!(sniff(b"hello"), None);
    }
}
