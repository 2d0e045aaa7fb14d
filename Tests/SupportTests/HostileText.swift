/// Inputs an attacker would try, shared by the escaper tests: every kind of
/// line break, TeX's own escapes, markup closers, quotes and control
/// characters, and a backslash, brace and quote carrying a combining mark
/// (one Swift `Character`, two characters to every parser that reads the
/// output).
enum HostileText {
    static let lineBreaks: [String] = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0C}", "\u{0B}"]

    /// U+FFFF, U+FDD0, U+1FFFE: Swift literals may not spell them.
    static let noncharacters = String(String.UnicodeScalarView([0xFFFF, 0xFDD0, 0x1FFFE].map { Unicode.Scalar($0)! }))

    static let samples: [String] = [
        "\\input{/etc/passwd}",
        "\\write18{touch pwned}",
        "^^J\\input x",
        "^^5cinput",
        "50% & $x$ #1 {a} ~^_",
        "</script><script>alert(1)</script>",
        "]]><![CDATA[",
        "\"'`",
        "\u{0}\u{1}\u{7}\u{1B}[31m\u{7F}\u{9B}",
        "\\\u{301}{\u{301}\"\u{301}<\u{301}$\u{301}",
        "```{code-cell}\n:::\n:name: evil\n---\n",
        "\u{FEFF}\u{202E}" + noncharacters + "𝔁",
    ] + lineBreaks.map { "a\($0)\\input{/etc/hostname}" }
}
