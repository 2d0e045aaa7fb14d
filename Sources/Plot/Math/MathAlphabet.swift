/// Maps a character to the Unicode mathematical alphanumeric that a MATH font
/// draws it with: math italic 𝑥 for x, bold 𝐘 for `\mathbf{Y}`, script 𝒩 for
/// `\mathcal{N}`. The fonts carry these as separate glyphs with their own
/// metrics, italic corrections and accent attachments.
enum MathAlphabet {
    struct Shape: Equatable {
        var italic = false
        var bold = false
        var script = false
    }

    static func scalar(for c: Unicode.Scalar, _ shape: Shape) -> Unicode.Scalar {
        let v = c.value
        if shape.script, v >= 0x41, v <= 0x5A {
            return TeXSymbols.script(Character(c)).unicodeScalars.first ?? c
        }
        func at(_ base: UInt32, _ offset: UInt32) -> Unicode.Scalar { Unicode.Scalar(base + offset) ?? c }
        switch v {
        case 0x41...0x5A:
            if shape.italic { return at(shape.bold ? 0x1D468 : 0x1D434, v - 0x41) }
            return shape.bold ? at(0x1D400, v - 0x41) : c
        case 0x61...0x7A:
            if shape.italic {
                if !shape.bold && c == "h" { return "\u{210E}" }  // Planck's constant holds italic h
                return at(shape.bold ? 0x1D482 : 0x1D44E, v - 0x61)
            }
            return shape.bold ? at(0x1D41A, v - 0x61) : c
        case 0x30...0x39:
            return shape.bold ? at(0x1D7CE, v - 0x30) : c
        case 0x3B1...0x3C9:
            if shape.italic { return at(shape.bold ? 0x1D736 : 0x1D6FC, v - 0x3B1) }
            return shape.bold ? at(0x1D6C2, v - 0x3B1) : c
        case 0x391...0x3A9:
            if shape.italic { return at(shape.bold ? 0x1D71C : 0x1D6E2, v - 0x391) }
            return shape.bold ? at(0x1D6A8, v - 0x391) : c
        default:
            // ϵ ϑ ϕ ϱ ϖ, in the order the math alphabets append them.
            let variants: [UInt32: UInt32] = [0x3F5: 0, 0x3D1: 1, 0x3D5: 3, 0x3F1: 4, 0x3D6: 5]
            guard let k = variants[v] else { return c }
            if shape.italic { return at(shape.bold ? 0x1D750 : 0x1D716, k) }
            return shape.bold ? at(0x1D6DC, k) : c
        }
    }
}
