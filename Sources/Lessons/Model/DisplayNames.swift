import GLM

/// The words a reader sees for a model's variables, levels and design columns.
///
/// R's names are for code: `bloodAB` runs a variable into its level, and
/// `work_hours` is a column name, not a phrase. A lesson's `labels:` gives the
/// words; without an entry, a dummy column shows its level (`AB`) and the
/// variable is named once beside it, never run together. `fits.json` keeps R's
/// names, because it is read by programs that compare with R.
public struct DisplayNames: Sendable {
    let labels: [String: String]
    let design: Design

    init(labels: [DisplayLabel], design: Design) {
        self.labels = Dictionary(labels.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        self.design = design
    }

    /// A data column (or the response): its label, else its name.
    public func variable(_ name: String) -> String { labels[name] ?? name }

    /// One level of a categorical variable: the label of its design column
    /// (R's name, the variable and level run together), else the level itself.
    public func level(_ level: String, of variable: String) -> String { labels[variable + level] ?? level }

    /// Design column `j` as a table row or an equation names it on its own,
    /// e.g. "Blood type: AB", "Lot size", "Age × Blood type: AB".
    public func term(_ j: Int) -> String {
        joined(j) { variable, level in "\(self.variable(variable)): \(self.level(level, of: variable))" }
    }

    /// The term of the design column R calls `name`, or `name` when the design
    /// has no such column.
    public func term(named name: String) -> String {
        design.columnNames.firstIndex(of: name).map(term) ?? (labels[name] ?? name)
    }

    /// Design column `j` under a heading that already names its variable (a
    /// design matrix's column, a dummy-coding table): the level alone, `AB`.
    public func header(_ j: Int) -> String {
        joined(j) { variable, level in self.level(level, of: variable) }
    }

    /// Column `j`: its label, else its factors joined by " × ", numeric ones by
    /// their label or variable name and level indicators as `level` writes them;
    /// R's name for the intercept.
    private func joined(_ j: Int, level: (_ variable: String, _ level: String) -> String) -> String {
        let name = design.columnNames[j]
        if let label = labels[name] { return label }
        let parts = design.columnParts(j)
        if parts.isEmpty { return name }
        return parts.map { part in
            switch part {
            case .numeric(let label, let variable): return labels[label] ?? variable.map(self.variable) ?? label
            case .level(let variable, let value): return level(variable, value)
            }
        }.joined(separator: " × ")
    }
}

extension LessonSpec {
    /// Refuses a `labels:` key that names nothing in any model: neither a data
    /// column a model reads nor one of its design columns.
    func checkLabels(against models: [FittedModel]) throws {
        guard !labels.isEmpty else { return }
        var known: [String] = []
        for model in models {
            known += model.frame.names + model.design.columnNames + [model.design.responseName]
            for j in model.design.columnNames.indices {
                for case .numeric(let label, _) in model.design.columnParts(j) { known.append(label) }
            }
        }
        for label in labels where !known.contains(label.key) {
            let unique = Array(Set(known)).sorted()
            throw LessonError(.badSpec, at: label.location,
                              message: "'labels' names '\(label.key)', which is neither a data column nor a design column of any model",
                              suggestion: NearestWord.suggestion(for: label.key, among: unique).map { "did you mean '\($0)'?" }
                                  ?? "use a column name from the data, or a design column as fits.json names it (e.g. bloodAB)")
        }
    }
}
