import Foundation

/// One NIST StRD linear least-squares problem with its certified results, read from
/// a directory holding `<Name>.csv` files and `certified.json` (the layout of the
/// project's `nist-strd` data; see the README there).
///
/// It lives in GLM, not in the tests, because `glmviz accuracy` prints the same
/// measurement the test suite enforces.
public struct NISTReferenceSet: Sendable {
    public let name: String
    public let difficulty: String
    public let hasIntercept: Bool
    /// Polynomial degree in x, or nil for a multilinear set (Longley).
    public let degree: Int?
    public let design: Matrix
    public let response: [Double]
    public let columnNames: [String]
    public let certifiedBeta: [Double]
    public let certifiedStandardErrors: [Double]
    public let certifiedResidualSD: Double
    public let certifiedRSquared: Double

    /// The eleven sets in NIST's order of difficulty.
    public static let names = [
        "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
    ]

    /// Reads every set in `names` from `directory`.
    public static func loadAll(from directory: URL) throws -> [NISTReferenceSet] {
        let certifiedURL = directory.appendingPathComponent("certified.json")
        let certified: [String: Any]
        do {
            let data = try Data(contentsOf: certifiedURL)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw NISTDataError(file: certifiedURL.path, message: "the top level is not a JSON object keyed by set name")
            }
            certified = object
        } catch let error as NISTDataError {
            throw error
        } catch {
            // Foundation's own text for these errors is a domain and a code number.
            let nsError = error as NSError
            let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
                $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil
            }
            let reason = posix.map { "cannot be read: \($0)" } ?? "is not valid JSON"
            throw NISTDataError(file: certifiedURL.path, message: "\(reason); pass the nist-strd directory with --nist")
        }
        return try names.map { name in
            guard let entry = certified[name] as? [String: Any] else {
                throw NISTDataError(file: certifiedURL.path, message: "has no entry for \(name)")
            }
            return try NISTReferenceSet(
                name: name, certified: entry, certifiedFile: certifiedURL.path,
                csv: directory.appendingPathComponent("\(name).csv"))
        }
    }

    init(name: String, certified: [String: Any], certifiedFile: String, csv: URL) throws {
        func number(_ key: String) throws -> Double {
            guard let value = certified[key] as? NSNumber else {
                throw NISTDataError(file: certifiedFile, message: "\(name).\(key) is missing or not a number")
            }
            return value.doubleValue
        }
        func numbers(_ key: String) throws -> [Double] {
            guard let values = certified[key] as? [NSNumber] else {
                throw NISTDataError(file: certifiedFile, message: "\(name).\(key) is missing or not an array of numbers")
            }
            return values.map(\.doubleValue)
        }
        self.name = name
        difficulty = certified["difficulty"] as? String ?? ""
        hasIntercept = certified["intercept"] as? Bool ?? true
        degree = (certified["degree"] as? NSNumber)?.intValue
        certifiedBeta = try numbers("beta")
        certifiedStandardErrors = try numbers("sd_beta")
        certifiedResidualSD = try number("residual_sd")
        certifiedRSquared = try number("r_squared")

        let table = try NISTReferenceSet.readNumericTable(csv)
        guard let yIndex = table.header.firstIndex(of: "y") else {
            throw NISTDataError(file: csv.path, message: "has no column named y")
        }
        response = table.rows.map { $0[yIndex] }
        var columns: [[Double]] = []
        var names: [String] = []
        if hasIntercept {
            columns.append([Double](repeating: 1, count: response.count))
            names.append("(Intercept)")
        }
        if let degree {
            guard let xIndex = table.header.firstIndex(of: "x") else {
                throw NISTDataError(file: csv.path, message: "has no column named x")
            }
            let x = table.rows.map { $0[xIndex] }
            for power in 1...max(degree, 1) {
                columns.append(x.map { NISTReferenceSet.power($0, power) })
                names.append(power == 1 ? "x" : "I(x^\(power))")
            }
        } else {
            for (index, column) in table.header.enumerated() where column != "y" {
                columns.append(table.rows.map { $0[index] })
                names.append(column)
            }
        }
        design = Matrix(columns: columns)
        columnNames = names
        guard certifiedBeta.count == names.count, certifiedStandardErrors.count == names.count else {
            throw NISTDataError(
                file: certifiedFile,
                message: "\(name) certifies \(certifiedBeta.count) parameters but its design has \(names.count) columns")
        }
    }

    /// x^k rounded once to double: the certified values are for exact powers, so the
    /// product is formed in extended precision where available.
    static func power(_ x: Double, _ k: Int) -> Double {
        #if arch(x86_64) || arch(i386)
        let base = Float80(x)
        var product: Float80 = 1
        for _ in 0..<k { product *= base }
        return Double(product)
        #else
        var product = 1.0
        for _ in 0..<k { product *= x }
        return product
        #endif
    }

    /// A plain numeric CSV: one header line, then numbers separated by commas.
    static func readNumericTable(_ url: URL) throws -> (header: [String], rows: [[Double]]) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw NISTDataError(file: url.path, message: "cannot be read; pass the nist-strd directory with --nist")
        }
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw NISTDataError(file: url.path, message: "is empty") }
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[Double]] = []
        for (offset, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count else {
                throw NISTDataError(
                    file: url.path,
                    message: "line \(offset + 2) has \(cells.count) fields, expected \(header.count)")
            }
            rows.append(try cells.enumerated().map { column, cell in
                guard let value = Double(cell.trimmingCharacters(in: .whitespaces)) else {
                    throw NISTDataError(
                        file: url.path,
                        message: "line \(offset + 2), column \(header[column]): '\(cell)' is not a number")
                }
                return value
            })
        }
        return (header, rows)
    }
}

/// A NIST data file that could not be used, naming the file and what was wrong.
public struct NISTDataError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
