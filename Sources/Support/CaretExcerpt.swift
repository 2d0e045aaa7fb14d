/// Lays out an excerpt for a terminal (a formula under a `Diagnostic`, a label
/// under a `TeXError`): the text on one line and the carets under it, aligned by
/// display width rather than by character count, and cut to a window around the
/// caret when the text is long.
///
/// Terminals give East Asian wide characters and emoji two columns and combining
/// marks none, so padding with one space per character put the caret under the
/// wrong place after any of them. Tabs and line breaks (a formula from a YAML
/// block scalar holds them) are shown as one space so the excerpt stays on one
/// line. A formula or label thousands of characters long is shown as a window of about
/// `maximumWidth` columns with `…` where it was cut.
public enum CaretExcerpt {
    /// Columns an excerpt line may take before it is cut to a window.
    public static let maximumWidth = 100

    /// The excerpt line, the caret line (both without indentation) and whether the
    /// text was cut to a window.
    public static func lines(text: String, offset: Int, length: Int, maximumWidth: Int = maximumWidth)
        -> (text: String, carets: String, cut: Bool) {
        let characters = Array(text)
        let shown = characters.map { $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : $0 }
        let widths = shown.map(DisplayWidth.of)
        let start = min(max(0, offset), characters.count)
        let end = min(characters.count, start + max(1, length))
        var from = 0, to = characters.count
        if widths.reduce(0, +) > maximumWidth {
            // Keep about a third of the window before the caret, the rest after it.
            var before = 0
            from = start
            while from > 0, before + widths[from - 1] <= maximumWidth / 3 {
                from -= 1
                before += widths[from]
            }
            var used = before
            to = start
            while to < characters.count, used + widths[to] <= maximumWidth {
                used += widths[to]
                to += 1
            }
            // Near the end, the room left after the caret goes before it.
            while from > 0, used + widths[from - 1] <= maximumWidth {
                from -= 1
                used += widths[from]
            }
        }
        let prefix = from > 0 ? "…" : "", suffix = to < characters.count ? "…" : ""
        let line = prefix + String(shown[from..<to]) + suffix
        let pad = prefix.count + widths[from..<start].reduce(0, +)
        let underline = start < to ? widths[start..<min(end, to)].reduce(0, +) : 0
        let carets = String(repeating: " ", count: pad) + String(repeating: "^", count: max(1, underline))
        return (line, carets, from > 0 || to < characters.count)
    }
}

/// How many terminal columns a character takes, as `wcwidth` counts them: two for
/// East Asian wide and fullwidth characters and emoji, none for combining marks
/// and invisible format characters, one otherwise.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation || scalars.contains("\u{FE0F}") { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return isWide(first.value) ? 2 : 1
        }
    }

    /// East_Asian_Width W and F, in the blocks where they occur.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF,
        0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        wideRanges.contains { $0.contains(value) }
    }
}
