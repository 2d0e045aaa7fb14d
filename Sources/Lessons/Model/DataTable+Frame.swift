import GLM

extension DataTable {
    /// The table as a GLM frame. Categorical columns keep R's level order
    /// (so default reference levels match `glmviz fit`).
    func frame(source: String) throws -> Frame {
        try Frame(columns: zip(names, columns).map { name, column in
            switch column {
            case .numeric(let values): return (name: name, column: .numeric(values))
            case .categorical(let labels, _): return (name: name, column: .categorical(labels))
            }
        }, source: source)
    }
}

extension Frame {
    /// A copy whose categorical columns use the level orders a model asks for,
    /// so dummy columns come out in the order the lesson text shows (A, B, AB).
    func reordered(levels orders: [String: [String]], model: ModelSpec) throws -> Frame {
        guard !orders.isEmpty else { return self }
        var columns: [(name: String, column: Column)] = []
        for (name, column) in zip(names, self.columns) {
            guard let order = orders[name] else { columns.append((name, column)); continue }
            guard case .categorical(let codes, let levels) = column.storage else {
                throw LessonError(.badSpec, at: model.location,
                                  message: "model '\(model.name)' gives levels for '\(name)', but that column holds numbers")
            }
            if let unknown = levels.first(where: { !order.contains($0) }) {
                throw LessonError(.badSpec, at: model.location,
                                  message: "column '\(name)' has the level '\(unknown)', which the model's 'levels' list leaves out",
                                  suggestion: "list every level: \(levels.joined(separator: ", "))")
            }
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, Int32($0)) })
            let recoded = codes.map { $0 < 0 ? Int32(-1) : position[levels[Int($0)]]! }
            columns.append((name, Column(storage: .categorical(codes: recoded, levels: order))))
        }
        return try Frame(columns: columns, source: source)
    }
}
