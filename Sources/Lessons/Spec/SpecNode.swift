import Foundation
import Yams

/// A YAML node together with the file it came from. Every typed accessor
/// either returns a value or throws a `LessonError` pointing at the node, so
/// the parser reads like a description of the format.
struct SpecNode {
    let node: Node
    let file: String

    var location: SourceLocation { SourceLocation(file: file, node: node) }

    /// What the node is, in words, for "expected X, found Y" messages.
    var kindDescription: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func fail(_ message: String, suggestion: String? = nil) -> LessonError {
        LessonError(.badSpec, at: location, message: message, suggestion: suggestion)
    }

    func mapping(_ what: String) throws -> SpecMapping {
        guard case .mapping(let mapping) = node else {
            throw fail("expected \(what) (a mapping of keys to values), found \(kindDescription)")
        }
        var entries: [SpecMapping.Entry] = []
        var seen: [String: SourceLocation] = [:]
        for (keyNode, valueNode) in mapping {
            let key = SpecNode(node: keyNode, file: file)
            guard case .scalar(let scalar) = keyNode else {
                throw key.fail("expected a plain key in \(what), found \(key.kindDescription)")
            }
            if let first = seen[scalar.string] {
                throw key.fail("duplicate key '\(scalar.string)' in \(what) (first given at line \(first.line))",
                               suggestion: "keep only one")
            }
            seen[scalar.string] = key.location
            entries.append(.init(key: scalar.string, keyNode: key, value: SpecNode(node: valueNode, file: file)))
        }
        return SpecMapping(entries: entries, owner: self, what: what)
    }

    func sequence(_ what: String) throws -> [SpecNode] {
        guard case .sequence(let sequence) = node else {
            throw fail("expected \(what) (a list), found \(kindDescription)")
        }
        return sequence.map { SpecNode(node: $0, file: file) }
    }

    private var plainScalar: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    func string(_ what: String) throws -> String {
        guard let text = plainScalar else {
            throw fail("expected \(what) (text), found \(kindDescription)")
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("expected \(what) (text), found an empty value")
        }
        return text
    }

    func double(_ what: String) throws -> Double {
        guard let text = plainScalar, let value = SpecNode.parseNumber(text) else {
            throw fail("expected \(what) (a number), found \(kindDescription)")
        }
        guard value.isFinite else { throw fail("expected \(what) (a finite number), found \(kindDescription)") }
        return value
    }

    func int(_ what: String, in range: ClosedRange<Int>) throws -> Int {
        guard let text = plainScalar else {
            throw fail("expected \(what) (a whole number), found \(kindDescription)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value: Int
        if let exact = Int(trimmed) {
            value = exact
        } else if let number = SpecNode.parseNumber(trimmed), number.isFinite, number == number.rounded() {
            // `1e3` is a whole number; one too large for Int (`99999999999999999999`,
            // `1e30`) is out of range, not "not a whole number".
            guard let exact = Int(exactly: number) else {
                throw fail("\(what) is too \(number > 0 ? "large" : "small"): '\(trimmed)' is not between \(range.lowerBound) and \(range.upperBound)")
            }
            value = exact
        } else {
            throw fail("expected \(what) (a whole number), found \(kindDescription)")
        }
        guard range.contains(value) else {
            throw fail("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    func bool(_ what: String) throws -> Bool {
        switch plainScalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("expected \(what) (true or false), found \(kindDescription)")
        }
    }

    func doubles(_ what: String) throws -> [Double] {
        try sequence(what).map { try $0.double("each entry of \(what)") }
    }

    func strings(_ what: String) throws -> [String] {
        try sequence(what).map { try $0.string("each entry of \(what)") }
    }

    /// Reads a number the way a person writes one in a spec: decimal point,
    /// optional exponent; no locale, no hex, no `nan`.
    static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isNumber || "+-.".contains(first) else { return nil }
        return Double(trimmed)
    }
}

/// A YAML mapping read as an ordered list of keys, so unknown keys can be
/// refused with a suggestion and duplicate keys are caught.
struct SpecMapping {
    struct Entry {
        let key: String
        let keyNode: SpecNode
        let value: SpecNode
    }

    let entries: [Entry]
    let owner: SpecNode
    let what: String

    /// Refuses any key not in `allowed`, naming the nearest allowed one.
    func allowOnly(_ allowed: [String]) throws {
        for entry in entries where !allowed.contains(entry.key) {
            throw entry.keyNode.fail("unknown key '\(entry.key)' in \(what)",
                                     suggestion: NearestWord.hint(for: entry.key, among: allowed))
        }
    }

    subscript(key: String) -> SpecNode? {
        entries.first { $0.key == key }?.value
    }

    func required(_ key: String) throws -> SpecNode {
        guard let value = self[key] else {
            throw owner.fail("missing required key '\(key)' in \(what)")
        }
        return value
    }
}
