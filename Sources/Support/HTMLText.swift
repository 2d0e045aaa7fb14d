/// User text in HTML (the gallery page): captions, titles, lesson and term names.
public enum HTMLText {
    /// Text content or a quoted attribute value. HTML's rules for both are
    /// XML's or looser, so this is `XMLText.escaped`: markup characters become
    /// references, so a caption can never open a tag (`</script>`), an entity,
    /// or close an attribute; control characters and noncharacters, which HTML
    /// reports as parse errors, become U+FFFD.
    public static func escaped(_ text: String) -> String {
        XMLText.escaped(text)
    }

    /// A relative link to a file inside the output root, for `href` and `src`;
    /// each path segment is percent-encoded (everything but ASCII letters,
    /// digits and `-_.~`), so names with spaces, `#`, `"` or `/` still resolve
    /// offline and never leave the attribute or climb out of their folder.
    /// With one segment it is also a fragment (`#…`) that browsers decode
    /// before matching an `id`.
    public static func link(_ segments: String...) -> String {
        segments.map { segment in
            segment.unicodeScalars.map { scalar -> String in
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.~".unicodeScalars.contains(scalar) {
                    return String(scalar)
                }
                return scalar.percentEncoded
            }.joined()
        }.joined(separator: "/")
    }
}
