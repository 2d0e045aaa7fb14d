import GLM
import CYaml
import Foundation
import Support
import Yams

/// Reads a lesson spec from YAML text into a validated `LessonSpec`.
///
/// The whole spec is checked before anything is loaded or drawn, so a bad spec
/// never leaves half a lesson on disk. Every error points at a line and column.
public enum LessonSpecParser {
    /// Upper bounds that keep a spec from asking for absurd work.
    public static let maximumRows = 100_000
    public static let maximumFigures = 200
    /// How deep YAML lists and mappings may nest. Yams composes and frees nodes
    /// recursively, about 700 bytes of stack a level in a debug build, and specs
    /// are read on worker threads whose stacks may be 512 KiB: libyaml's default
    /// of 1 000 levels overflowed such a stack at about 750. A spec needs a handful.
    /// libyaml's message names a C function, so it is reworded in `yamlError`.
    public static let maximumNesting = 200

    /// Sets libyaml's limit, a process-wide setting, once (a static's initializer
    /// runs exactly once, whichever thread gets there first).
    private static let nestingLimit: Void = yaml_set_max_nest_level(Int32(maximumNesting))

    static let topLevelKeys = ["title", "description", "data", "events", "models", "figures", "formats", "density", "labels", "notation"]

    /// Parses `yaml`; `file` is used in messages, `name` becomes the lesson name.
    public static func parse(yaml: String, file: String, name: String, baseDirectory: String?) throws -> LessonSpec {
        guard !yaml.contains("\u{0}") else {
            throw LessonError(.badSpec, file: file, line: 1, column: 1,
                              message: "the spec is binary, not YAML text")
        }
        _ = nestingLimit
        let root: Node
        do {
            // The basic resolver: the spec reader takes every scalar's text and
            // parses it itself, so Yams' implicit tags are never read, while the
            // default resolver's regular expressions bring in ICU: about 2.8 MiB,
            // 7% of the peak memory of `glmviz lesson simple-regression`.
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw LessonError(.badSpec, file: file, line: 1, column: 1,
                                  message: "the spec is empty; expected a mapping with 'title', 'data', 'models' and 'figures'")
            }
            root = node
        } catch let error as YamlError {
            throw yamlError(error, yaml: yaml, file: file)
        }
        let top = try SpecNode(node: root, file: file).mapping("the lesson spec")
        try top.allowOnly(topLevelKeys)

        let title = try top.required("title").string("'title'")
        if let description = top["description"] { _ = try description.string("'description'") }
        let data = try top["data"].map(parseData)
        let events = try top["events"].map(EventsSpecParser.parse)
        let models = try parseModels(try top.required("models"), yaml: yaml)
        try FMRIModelParser.check(models: models, lessonData: data, events: events, eventsNode: top["events"])
        if data == nil, let orphan = models.first(where: { $0.data == nil }) {
            throw LessonError(.badSpec, at: orphan.location,
                              message: "model '\(orphan.name)' has no data: the spec has no top-level 'data' and the model no 'data' of its own",
                              suggestion: "add a 'data' block (builtin, csv, columns or generate)")
        }
        let figures = try parseFigures(try top.required("figures"), models: models, lines: FormulaSource.lines(of: yaml))
        let formats = try top["formats"].map(parseFormats) ?? OutputFormat.defaults
        var spec = LessonSpec(name: name, title: title, data: data, models: models, figures: figures,
                              formats: formats, baseDirectory: baseDirectory, file: file)
        if let node = top["density"] {
            let density = try node.double("'density'")
            guard LessonSpec.densities.contains(density) else {
                throw node.fail("'density' (PNG pixels per display pixel) must be between 1 and 4, found "
                                + String(posixFormat: "%g", density))
            }
            spec.density = density
        }
        spec.events = events
        if let node = top["labels"] { spec.labels = try parseLabels(node) }
        if let node = top["notation"] { spec.notation = try parseNotation(node) }
        return spec
    }

    /// `labels:` maps data columns and design columns (R's names, such as
    /// `bloodAB`) to the words a reader sees. The keys are checked against the
    /// fitted models in `PreparedLesson`, once the columns are known.
    static func parseLabels(_ node: SpecNode) throws -> [DisplayLabel] {
        try node.mapping("'labels'").entries.map { entry in
            let text = try entry.value.string("the label of '\(entry.key)'")
            guard !text.contains(where: \.isNewline) else {
                throw entry.value.fail("the label of '\(entry.key)' spans lines; a label is one line of text",
                                       suggestion: "write it on one line")
            }
            return DisplayLabel(key: entry.key, text: text, location: entry.keyNode.location)
        }
    }

    /// `notation: {case: lower|upper, estimates: beta-hat|b}`.
    static func parseNotation(_ node: SpecNode) throws -> Notation {
        let mapping = try node.mapping("'notation'")
        try mapping.allowOnly(LessonSpec.notationKeys)
        var notation = Notation()
        if let value = mapping["case"] {
            let word = try value.string("'case'")
            guard let chosen = Notation.LetterCase(rawValue: word) else {
                throw value.fail("'case' is 'lower' (y, x, ŷ: the chapter's) or 'upper' (Y, X, Ŷ), found '\(word)'",
                                 suggestion: NearestWord.hint(for: word, among: Notation.LetterCase.allCases.map(\.rawValue)))
            }
            notation.letterCase = chosen
        }
        if let value = mapping["estimates"] {
            let word = try value.string("'estimates'")
            guard let chosen = Notation.Estimates(rawValue: word) else {
                throw value.fail("'estimates' is 'beta-hat' (β̂₀, β̂₁) or 'b' (b₀, b₁), found '\(word)'",
                                 suggestion: NearestWord.hint(for: word, among: Notation.Estimates.allCases.map(\.rawValue)))
            }
            notation.estimates = chosen
        }
        if let value = mapping["digits"] {
            let digits = try value.double("'digits'")
            guard digits == digits.rounded(), Notation.digitRange.contains(Int(exactly: digits) ?? 0) else {
                throw value.fail("'digits' (significant digits of the numbers in figure labels) is a whole number from \(Notation.digitRange.lowerBound) to \(Notation.digitRange.upperBound), found " + String(posixFormat: "%g", digits))
            }
            notation.digits = Int(digits)
        }
        if let value = mapping["decimals"] {
            let decimals = try value.mapping("'decimals' (decimals of coefficient-table quantities)")
            try decimals.allowOnly(TableDecimals.keys)
            for entry in decimals.entries {
                let number = try entry.value.double("the decimals of \(entry.key)")
                guard number == number.rounded(), let places = Int(exactly: number), TableDecimals.range.contains(places) else {
                    throw entry.value.fail("the decimals of \(entry.key) are a whole number from \(TableDecimals.range.lowerBound) to \(TableDecimals.range.upperBound), found " + String(posixFormat: "%g", number))
                }
                switch entry.key {
                case "estimates": notation.decimals.estimates = places
                case "standard-errors": notation.decimals.standardErrors = places
                default: notation.decimals.statistics = places
                }
            }
        }
        if let value = mapping["p-values"] {
            let word = try value.string("'p-values'")
            switch word {
            case "leading-zero": notation.pValues = .leadingZero
            case "apa": notation.pValues = .apa
            default:
                throw value.fail("'p-values' is 'leading-zero' (p = 0.038, p < 0.001) or 'apa' (p = .038, p < .001), found '\(word)'",
                                 suggestion: NearestWord.hint(for: word, among: ["leading-zero", "apa"]))
            }
        }
        return notation
    }

    /// Turns a Yams error into one that names the file, line and column.
    static func yamlError(_ error: YamlError, yaml: String, file: String) -> LessonError {
        switch error {
        case let .parser(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            return LessonError(.badSpec, file: file, line: mark.line, column: mark.column,
                               message: "lists and mappings nest more than \(maximumNesting) levels deep",
                               suggestion: "a lesson spec needs only a few levels; remove the extra brackets or indentation")
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return LessonError(.badSpec, file: file, line: mark.line, column: mark.column,
                               message: "this is not valid YAML: \(problem)",
                               suggestion: "check the indentation and that every 'key: value' has a space after the colon")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let (first, second) = duplicateKeyLines(key, in: yaml, from: context.mark.line)
            return LessonError(.badSpec, file: file, line: second?.line ?? context.mark.line,
                               column: second?.column ?? context.mark.column,
                               message: "duplicate key '\(key)'" + (first.map { " (first given at line \($0))" } ?? ""),
                               suggestion: "keep only one")
        case let .reader(problem, _, _, _):
            return LessonError(.badSpec, file: file, line: 1, column: 1,
                               message: "the spec cannot be read as UTF-8 text: \(problem)")
        default:
            return LessonError(.badSpec, file: file, line: 1, column: 1, message: "this is not valid YAML: \(error)")
        }
    }

    /// Yams reports a duplicate key only with the enclosing mapping's position;
    /// find the first and second block-style lines that start with that key at
    /// the same indentation, so the message can point at the repeat.
    static func duplicateKeyLines(_ key: String, in yaml: String, from line: Int) -> (Int?, (line: Int, column: Int)?) {
        // Lines as YAML counts them: LF, CRLF and a lone CR each end a line (a
        // Swift Character holds CRLF whole, so splitting on "\n" alone would not).
        let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var first: (line: Int, indent: Int)?
        for index in min(max(0, line - 1), lines.count)..<lines.count {
            let text = lines[index]
            let indent = text.prefix { $0 == " " }.count
            let rest = text.dropFirst(indent)
            guard rest.hasPrefix("\(key):") || rest.hasPrefix("'\(key)':") || rest.hasPrefix("\"\(key)\":") else { continue }
            if let first, first.indent == indent { return (first.line, (index + 1, indent + 1)) }
            if first == nil { first = (index + 1, indent) }
        }
        return (first?.line, nil)
    }

    // MARK: data

    static func parseData(_ node: SpecNode) throws -> DataSpec {
        let map = try node.mapping("'data'")
        let sources = ["builtin", "csv", "columns", "generate", "timeseries", "volumes"]
        try map.allowOnly(sources)
        guard map.entries.count == 1, let entry = map.entries.first else {
            throw node.fail("'data' needs exactly one of 'builtin', 'csv', 'columns', 'generate', 'timeseries' or 'volumes'")
        }
        switch entry.key {
        case "builtin":
            let name = try entry.value.string("the name of a built-in dataset")
            guard DataSpec.builtinNames.contains(name) else {
                throw entry.value.fail("unknown built-in dataset '\(name)'",
                                       suggestion: NearestWord.hint(for: name, among: DataSpec.builtinNames))
            }
            return .builtin(name: name, location: entry.value.location)
        case "csv":
            let path = try entry.value.string("a CSV path relative to the spec")
            return .csv(path: path, location: entry.value.location)
        case "columns":
            return try parseInlineColumns(entry.value)
        case "timeseries":
            return .timeseries(try EventsSpecParser.parseTimeseries(entry.value))
        case "volumes":
            return .volumes(try VolumeSpecParser.parse(entry.value))
        default:
            return .generated(try GeneratorSpecParser.parse(entry.value))
        }
    }

    static func parseInlineColumns(_ node: SpecNode) throws -> DataSpec {
        let map = try node.mapping("'columns'")
        guard !map.entries.isEmpty else { throw node.fail("'columns' needs at least one column") }
        var columns: [InlineColumn] = []
        for entry in map.entries {
            let items = try entry.value.sequence("column '\(entry.key)'")
            guard !items.isEmpty else { throw entry.value.fail("column '\(entry.key)' has no values") }
            guard items.count <= maximumRows else {
                throw entry.value.fail("column '\(entry.key)' has \(items.count) values; the limit is \(maximumRows)")
            }
            let numbers = items.map { item -> Double? in
                if case .scalar(let s) = item.node, s.style == .plain { return SpecNode.parseNumber(s.string) }
                return nil
            }
            try checkInlineNumbers(items, numbers: numbers, column: entry.key)
            let values: InlineColumn.Values
            if numbers.allSatisfy({ $0 != nil }) {
                values = .numeric(numbers.map { $0! })
            } else {
                values = .categorical(try items.map { try $0.string("each label of column '\(entry.key)'") })
            }
            columns.append(InlineColumn(name: entry.key, values: values, location: entry.keyNode.location))
        }
        let count = columns[0].count
        if let ragged = columns.first(where: { $0.count != count }) {
            throw LessonError(.badSpec, at: ragged.location,
                              message: "column '\(ragged.name)' has \(ragged.count) values but '\(columns[0].name)' has \(count)",
                              suggestion: "give every column the same number of values")
        }
        return .inline(columns: columns, location: node.location)
    }

    /// YAML's `.nan` and `.inf` (and numbers too large for a double) would otherwise
    /// turn a numeric column into labels or poison the fit, and a single typo in a
    /// column of numbers would turn it categorical; refuse both at the cell.
    static func checkInlineNumbers(_ items: [SpecNode], numbers: [Double?], column: String) throws {
        for (item, number) in zip(items, numbers) {
            guard case .scalar(let s) = item.node, s.style == .plain else { continue }
            let word = s.string.trimmingCharacters(in: .whitespaces)
            let bare = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-."))
            if number.map({ !$0.isFinite }) ?? ["nan", "inf", "infinity"].contains(bare) {
                throw item.fail("column '\(column)' holds '\(word)', which is not a finite number",
                                suggestion: "inline columns cannot mark missing values; leave the row out of every column, "
                                    + "or use a CSV file, where an empty cell or NA drops the row")
            }
        }
        let numeric = numbers.filter { $0 != nil }.count
        if numeric >= 2, 2 * numeric > numbers.count,
           let stray = zip(items, numbers).first(where: { $0.1 == nil })?.0 {
            throw stray.fail("column '\(column)' holds numbers but this value is not one (\(numeric) of its \(numbers.count) values are numbers)",
                             suggestion: "fix the value; a categorical column should hold only labels")
        }
    }

    // MARK: models

    static func parseModels(_ node: SpecNode, yaml: String) throws -> [ModelSpec] {
        let map = try node.mapping("'models'")
        guard !map.entries.isEmpty else { throw node.fail("'models' needs at least one model") }
        let lines = FormulaSource.lines(of: yaml)
        return try map.entries.map { entry in
            try checkIdentifier(entry.key, at: entry.keyNode, what: "model name")
            if case .scalar = entry.value.node {
                return ModelSpec(name: entry.key, formula: try entry.value.string("a formula such as 'y ~ x'"),
                                 formulaSource: FormulaSource(node: entry.value.node, lines: lines, file: entry.value.file),
                                 referenceLevels: [:], levelOrder: [:],
                                 data: nil, location: entry.keyNode.location)
            }
            let model = try entry.value.mapping("model '\(entry.key)'")
            if let fmriNode = model["fmri"] {
                return try FMRIModelParser.parse(model, fmri: fmriNode, name: entry.key, keyNode: entry.keyNode, lines: lines)
            }
            try model.allowOnly(["formula", "reference", "levels", "data", "coding", "fmri"])
            let formulaNode = try model.required("formula")
            let formula = try formulaNode.string("a formula such as 'y ~ x'")
            guard formula.contains("~") else {
                throw formulaNode.fail("expected a formula with '~' between response and predictors, found '\(formula)'",
                                       suggestion: "write it like 'work_hours ~ lot_size'")
            }
            var references: [String: String] = [:]
            if let node = model["reference"] {
                for item in try node.mapping("'reference' (column: level)").entries {
                    references[item.key] = try item.value.string("the reference level of '\(item.key)'")
                }
            }
            var orders: [String: [String]] = [:]
            if let node = model["levels"] {
                for item in try node.mapping("'levels' (column: [level, …])").entries {
                    let levels = try item.value.strings("the levels of '\(item.key)'")
                    guard Set(levels).count == levels.count else {
                        throw item.value.fail("the levels of '\(item.key)' repeat a level")
                    }
                    orders[item.key] = levels
                }
            }
            for (column, level) in references {
                if let order = orders[column], !order.contains(level) {
                    throw (model["reference"] ?? formulaNode).fail(
                        "reference level '\(level)' of '\(column)' is not among its levels \(order)",
                        suggestion: NearestWord.hint(for: level, among: order))
                }
            }
            var codings: [String: ContrastCoding] = [:]
            if let node = model["coding"] {
                for item in try node.mapping("'coding' (column: treatment, sum, helmert or poly)").entries {
                    let word = try item.value.string("the coding of '\(item.key)'")
                    guard let coding = ContrastCoding(rName: word) else {
                        throw item.value.fail("unknown coding '\(word)' for '\(item.key)'; expected treatment, sum, helmert or poly",
                                              suggestion: NearestWord.hint(for: word, among: ContrastCoding.allCases.map(\.rawValue)))
                    }
                    codings[item.key] = coding
                }
            }
            return ModelSpec(name: entry.key, formula: formula,
                             formulaSource: FormulaSource(node: formulaNode.node, lines: lines, file: formulaNode.file),
                             referenceLevels: references, levelOrder: orders,
                             data: try model["data"].map(parseData), location: entry.keyNode.location, codings: codings)
        }
    }

    // MARK: figures

    static func parseFigures(_ node: SpecNode, models: [ModelSpec], lines: [[Unicode.Scalar]] = []) throws -> [FigureSpec] {
        let map = try node.mapping("'figures'")
        guard !map.entries.isEmpty else { throw node.fail("'figures' needs at least one figure") }
        guard map.entries.count <= maximumFigures else {
            throw node.fail("a lesson may have at most \(maximumFigures) figures, found \(map.entries.count)")
        }
        let modelNames = models.map(\.name)
        let figures = try map.entries.map { entry in
            try checkIdentifier(entry.key, at: entry.keyNode, what: "figure id")
            let figure = try entry.value.mapping("figure '\(entry.key)'")
            try figure.allowOnly(["kind", "model", "caption", "name", "options"])
            let kindNode = try figure.required("kind")
            let kindName = try kindNode.string("a figure kind")
            guard let kind = FigureKind(rawValue: kindName) else {
                throw kindNode.fail("unknown figure kind '\(kindName)'",
                                    suggestion: NearestWord.hint(for: kindName, among: FigureKind.names))
            }
            var model: String?
            if let modelNode = figure["model"] {
                let name = try modelNode.string("a model name")
                guard modelNames.contains(name) else {
                    throw modelNode.fail("figure '\(entry.key)' uses model '\(name)', which the spec does not define",
                                         suggestion: NearestWord.hint(for: name, among: modelNames))
                }
                model = name
            } else {
                guard modelNames.count == 1 else {
                    throw entry.value.fail("figure '\(entry.key)' must say which model it shows",
                                           suggestion: "add 'model: \(modelNames[0])' (or another model name)")
                }
                model = modelNames[0]
            }
            var options: [String: FigureOption] = [:]
            if let optionsNode = figure["options"] {
                let declared = kind.options
                let optionMap = try optionsNode.mapping("the options of '\(entry.key)'")
                try optionMap.allowOnly(declared.map(\.name).sorted())
                for option in optionMap.entries {
                    let declaration = declared.first { $0.name == option.key }!
                    options[option.key] = try FigureOption.read(option.value, as: declaration.type, name: option.key, lines: lines)
                }
            }
            let caption = try figure["caption"].map { try $0.string("a caption") }
            let name = try figure["name"].map(parseReferenceName)
            return FigureSpec(id: entry.key, kind: kind, model: model, options: options, caption: caption,
                              name: name, location: entry.keyNode.location)
        }
        var seen: [String: String] = [:]
        for figure in figures {
            let reference = figure.referenceName
            if let first = seen[reference] {
                throw LessonError(.badSpec, at: figure.location,
                                  message: "figures '\(first)' and '\(figure.id)' have the same cross-reference name '\(reference)'; a book could not tell which one {numref} means",
                                  suggestion: "give one of them another 'name'")
            }
            seen[reference] = figure.id
        }
        return figures
    }

    /// A figure's `name:`, the label a book cross-references it by
    /// (`{numref}`simple-fig``): letters, digits and `-_.:`, starting with a
    /// letter or digit, as Sphinx labels are written.
    static func parseReferenceName(_ node: SpecNode) throws -> String {
        let name = try node.string("a cross-reference name")
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) }
        guard allowed, let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first),
              name.count <= 100 else {
            throw node.fail("'name' is the label a book cross-references the figure by; it takes ASCII letters, digits and - _ . : (starting with a letter or digit, at most 100), found '\(name)'",
                            suggestion: "e.g. name: simple-fig")
        }
        return name
    }

    static func parseFormats(_ node: SpecNode) throws -> [OutputFormat] {
        let items: [SpecNode]
        if case .sequence = node.node { items = try node.sequence("'formats'") } else { items = [node] }
        var formats: [OutputFormat] = []
        for item in items {
            let word = try item.string("an output format")
            guard let format = OutputFormat(rawValue: word.lowercased()) else {
                throw item.fail("unknown output format '\(word)'",
                                suggestion: NearestWord.hint(for: word, among: OutputFormat.allCases.map(\.rawValue)))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw node.fail("'formats' needs at least one of png, svg, pdf, gif") }
        return formats.sorted()
    }

    /// Names that become file names must be plain: no path separators, no dots
    /// that could climb out of the output folder.
    static func checkIdentifier(_ name: String, at node: SpecNode, what: String) throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(allowed.contains), name.first != "-" else {
            throw node.fail("\(what) '\(name)' may only use letters, digits, '-' and '_' (it becomes a file name)")
        }
        // The longest file made from it, `ID.myst.md`, must stay within the
        // 255 bytes a file name may have.
        guard name.utf8.count <= maximumIdentifierLength else {
            throw node.fail("\(what) '\(name.prefix(24))…' is \(name.utf8.count) characters long; at most "
                            + "\(maximumIdentifierLength) (it becomes a file name)",
                            suggestion: "choose a shorter name")
        }
    }

    static let maximumIdentifierLength = 200
}
