/// Recognises UTF-16 text, which Excel's "Unicode text" and Windows Notepad
/// write. Read as UTF-8 it looks like a NUL byte after every letter (or an
/// invalid 0xFF byte at the start), and the resulting message about a missing
/// column or binary file does not tell the user to re-save the file.
public enum UTF16Signature: Equatable, Sendable {
    case littleEndian(byteOrderMark: Bool)
    case bigEndian(byteOrderMark: Bool)

    /// The encoding of `bytes` when they start like UTF-16 text: a byte-order
    /// mark, or ASCII characters each paired with a zero byte.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF16Signature? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF, bytes[1] == 0xFE { return .littleEndian(byteOrderMark: true) }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return .bigEndian(byteOrderMark: true) }
        // Without a mark: the first few characters (up to four) are ASCII with a zero high byte.
        let units = min(bytes.count / 2, 4)
        let ascii = { (byte: UInt8) in byte != 0 && byte < 0x80 }
        if (0..<units).allSatisfy({ ascii(bytes[2 * $0]) && bytes[2 * $0 + 1] == 0 }) {
            return .littleEndian(byteOrderMark: false)
        }
        if (0..<units).allSatisfy({ bytes[2 * $0] == 0 && ascii(bytes[2 * $0 + 1]) }) {
            return .bigEndian(byteOrderMark: false)
        }
        return nil
    }

    /// Convenience for bytes held in an array or `Data`.
    public static func detect<Bytes: Collection>(in bytes: Bytes) -> UTF16Signature? where Bytes.Element == UInt8 {
        let prefix = Array(bytes.prefix(8))
        return prefix.withUnsafeBufferPointer { detect($0) }
    }

    /// "UTF-16 (little-endian)" and the like, for messages.
    public var name: String {
        switch self {
        case .littleEndian(let mark): return "UTF-16 (little-endian\(mark ? ", with a byte-order mark" : ""))"
        case .bigEndian(let mark): return "UTF-16 (big-endian\(mark ? ", with a byte-order mark" : ""))"
        }
    }

    /// The name iconv knows it by: with a mark iconv reads the order itself.
    public var iconvName: String {
        switch self {
        case .littleEndian(let mark): return mark ? "UTF-16" : "UTF-16LE"
        case .bigEndian(let mark): return mark ? "UTF-16" : "UTF-16BE"
        }
    }
}
