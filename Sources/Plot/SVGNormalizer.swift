/// cairo numbers SVG glyph, surface, clip and pattern ids from process-wide
/// counters, so the second render of a figure in one process names its ids
/// differently from the first. This renumbers every id in order of first
/// appearance (definition or reference) so equal drawings give equal bytes.
enum SVGNormalizer {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var names: [Substring: String] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let markers = ["id=\"", "href=\"#", "url(#"]
        var rest = text[...]
        while !rest.isEmpty {
            var nearest: (Range<Substring.Index>, String)? = nil
            for m in markers {
                if let r = rest.range(of: m), nearest == nil || r.lowerBound < nearest!.0.lowerBound { nearest = (r, m) }
            }
            guard let (range, _) = nearest else { out += rest; break }
            out += rest[rest.startIndex..<range.upperBound]
            rest = rest[range.upperBound...]
            let end = rest.firstIndex(where: { $0 == "\"" || $0 == ")" }) ?? rest.endIndex
            let id = rest[rest.startIndex..<end]
            if let known = names[id] {
                out += known
            } else {
                let prefix = id.prefix(while: { $0.isLetter })
                let fresh = "\(prefix.isEmpty ? "id" : String(prefix))\(names.count + 1)"
                names[id] = fresh
                out += fresh
            }
            rest = rest[end...]
        }
        return Array(out.utf8)
    }
}
