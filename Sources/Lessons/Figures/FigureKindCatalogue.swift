import Foundation

/// The option tables of docs/lesson-spec.md, written from the figure kinds'
/// definitions so the reference a course author reads is the one the spec
/// reader enforces. `glmviz generate-option-docs` rewrites the marked region;
/// a test fails while the document and the definitions differ.
public enum FigureKindCatalogue {
    public static let beginMarker = "<!-- options:begin -->"
    public static let endMarker = "<!-- options:end -->"

    /// `document` with the region between the markers replaced by the tables;
    /// nil when the markers are missing or out of order.
    public static func rewritten(_ document: String) -> String? {
        guard let begin = document.range(of: beginMarker),
              let end = document.range(of: endMarker, range: begin.upperBound..<document.endIndex) else { return nil }
        return String(document[..<begin.upperBound]) + "\n" + markdownTables() + String(document[end.lowerBound...])
    }

    /// The generated region: the kinds, the common options, each kind's own
    /// options and the animation options, in Markdown.
    public static func markdownTables() -> String {
        let kinds = FigureKindRegistry.kinds
        var lines: [String] = [
            "<!-- Written by `glmviz generate-option-docs` from the figure kinds' definitions"
                + " (Sources/Lessons/Figures); change those, not these tables. -->",
            "",
            "| kind | what it shows | its options |",
            "| ---- | ------------- | ----------- |",
        ]
        for kind in kinds {
            let names = kind.definition.options.map { "`\($0.name)`" }.joined(separator: ", ")
            lines.append(row(["`\(kind.rawValue)`", kind.definition.summary, names.isEmpty ? "—" : names]))
        }
        lines += ["", "### Options every kind accepts", ""] + optionTable(CommonFigureOptions.all)
        lines += ["", "### Options of each kind"]
        for kind in kinds where !kind.definition.options.isEmpty {
            lines += ["", "#### `\(kind.rawValue)`", ""] + optionTable(kind.definition.options)
        }
        lines += ["", "### Animation", ""] + animationSection(kinds.filter(\.animates))
        return lines.joined(separator: "\n") + "\n"
    }

    static func optionTable(_ options: [any FigureOptionDeclaring]) -> [String] {
        ["| option | value | default | meaning |", "| ------ | ----- | ------- | ------- |"]
            + options.map { row(["`\($0.name)`", valueText($0.type), $0.defaultText, $0.documentation]) }
    }

    /// Which kinds animate and how, then one table of the shared timing
    /// options with each kind's defaults.
    static func animationSection(_ kinds: [FigureKind]) -> [String] {
        let moving = kinds.compactMap { kind in
            kind.definition.animation.map { "`\(kind.rawValue)` (\($0.summary))" }
        }
        let listed = moving.count > 1 ? moving.dropLast().joined(separator: ", ") + " and " + moving.last! : moving.joined()
        func defaults(_ text: (FigureKindAnimation) -> String) -> String {
            let each = kinds.compactMap { kind in kind.definition.animation.map { (kind.rawValue, text($0)) } }
            if Set(each.map(\.1)).count == 1, let only = each.first { return only.1 }
            return each.map { "\($0.1) (`\($0.0)`)" }.joined(separator: ", ")
        }
        let columns: [(any FigureOptionDeclaring, String)] = [
            (AnimationOptions.frames, defaults { "\($0.defaults.frameCount)" }),
            (AnimationOptions.delay, defaults { seconds($0.defaults.frameDelay) }),
            (AnimationOptions.hold, defaults { $0.holdFollowsDelay ? "same as `delay`" : seconds($0.defaults.finalDelay) }),
            (AnimationOptions.loop, defaults { $0.defaults.loopCount == 0 ? "`forever`" : "\($0.defaults.loopCount)" }),
        ]
        return [
            "\(listed) also write `<figure-id>.gif` when `formats` includes `gif`. Their extra options:",
            "",
            "| option | value | default | meaning |",
            "| ------ | ----- | ------- | ------- |",
        ] + columns.map { option, shown in row(["`\(option.name)`", valueText(option.type), shown, option.documentation]) }
    }

    /// GIF hundredths as seconds, the unit the options take.
    static func seconds(_ hundredths: Int) -> String {
        FigureOptionKey<Double>.shown(Double(hundredths) / 100)
    }

    /// The values an option takes, in words.
    static func valueText(_ type: FigureOption.ValueType) -> String {
        func words(_ list: [String]) -> String { list.map { "`\($0)`" }.joined(separator: ", ") }
        switch type {
        case .number(let range):
            return "number from \(FigureOptionKey<Double>.shown(range.lowerBound)) to \(FigureOptionKey<Double>.shown(range.upperBound))"
        case .integer(let range): return "whole number from \(range.lowerBound) to \(range.upperBound)"
        case .bool: return "`true` or `false`"
        case .string: return "text"
        case .numbers: return "list of numbers"
        case .choice(let list): return "one of \(words(list))"
        case .choices(let list): return "any of \(words(list)), as a list"
        case .countOrForever(let range, let word):
            return "`\(word)` or a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .contrasts: return "mapping of names to a list of weights or column names (`a - b`)"
        case .equations: return "list of TeX equations (block scalars welcome)"
        }
    }

    /// A table row; a `|` inside a cell would end it.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
