/// cairo numbers SVG glyph, surface, clip and pattern ids from process-wide
/// counters, so the second render of a figure in one process names its ids
/// differently from the first. This renumbers every id in order of first
/// appearance (definition or reference) so equal drawings give equal bytes.
enum SVGNormalizer {
    static let markers: [[UInt8]] = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]

    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var names: [[UInt8]: [UInt8]] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            var matched: [UInt8]? = nil
            let b = bytes[i]
            if b == UInt8(ascii: "i") || b == UInt8(ascii: "h") || b == UInt8(ascii: "u") {
                for m in markers where i + m.count <= n && bytes[i] == m[0] {
                    if bytes[i..<(i + m.count)].elementsEqual(m) { matched = m; break }
                }
            }
            guard let marker = matched else { out.append(b); i += 1; continue }
            out.append(contentsOf: marker)
            i += marker.count
            var end = i
            while end < n && bytes[end] != UInt8(ascii: "\"") && bytes[end] != UInt8(ascii: ")") { end += 1 }
            let id = Array(bytes[i..<end])
            if let known = names[id] {
                out.append(contentsOf: known)
            } else {
                let prefix = id.prefix { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) }
                let fresh = Array((prefix.isEmpty ? "id" : String(decoding: prefix, as: UTF8.self)).utf8) + Array(String(names.count + 1).utf8)
                names[id] = fresh
                out.append(contentsOf: fresh)
            }
            i = end
        }
        return out
    }
}
