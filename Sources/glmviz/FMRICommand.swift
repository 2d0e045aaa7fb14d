import ArgumentParser
import Foundation
import GLM
import Support

/// `glmviz fmri`: the fMRI chapter's commands.
struct FMRICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmri",
        abstract: "fMRI: the GLM fitted at every voxel of BOLD images.",
        subcommands: [FMRIFitCommand.self])
}

/// `glmviz fmri fit`: one subject's runs, the same GLM at every voxel, maps as
/// NIfTI with the runs' geometry and a fits.json. Each run gets its own design
/// (events convolved with SPM's HRF, cosine drift, constant), is scaled to percent
/// signal and fitted alone; runs are combined by fixed effects, as nilearn does.
struct FMRIFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the GLM at every voxel of one subject's runs; write t/F maps and fits.json.",
        discussion: """
            Give one --events per BOLD run, in the same order: a BIDS events.tsv, a folder of \
            FSL three-column files named <condition>.txt, or FSL files separated by commas. \
            Contrasts use the condition names (--contrast "face - house"; "face; house" for F; \
            NAME=EXPR names the map). --voxels START:END fits only the in-mask voxels whose \
            flat index (i fastest, then j, k) lies in [START, END) and writes maps that are 0 \
            elsewhere: the maps of pieces covering 0:nx·ny·nz, added voxel by voxel, are the \
            whole fit's maps (contrib/dask/ does this over a cluster).
            """)

    @Argument(help: ArgumentHelp("BOLD runs (4-D NIfTI, .nii or .nii.gz), one per run.", valueName: "bold"))
    var bold: [String]

    @Option(name: .long, help: ArgumentHelp(
        "The events of each run, in the order of the BOLD runs.", valueName: "tsv|folder|fsl,fsl,…"))
    var events: [String] = []

    @Option(name: .long, help: ArgumentHelp("Repetition time in seconds (default: the images' header).", valueName: "seconds"))
    var tr: Double?

    @Option(name: .long, help: ArgumentHelp("A contrast of condition names, e.g. \"face - house\".", valueName: "[name=]expression"))
    var contrast: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Voxels to fit: a NIfTI mask, epi (nilearn's compute_epi_mask), above:N (mean EPI above N) or all.",
        valueName: "file|epi|above:N|all"))
    var mask: MaskChoice = .epi

    @Option(name: .long, help: "Noise model: ols, or ar1 (nilearn's binned AR(1) prewhitening).")
    var noise: NoiseChoice = .ar1

    @Option(name: .long, help: "Scaling of each run: percent (signal change, nilearn's signal_scaling=0) or none.")
    var scaling: ScalingChoice = .percent

    @Option(name: .customLong("high-pass"), help: ArgumentHelp("Cosine drift cut-off in seconds.", valueName: "seconds"))
    var highPass: Double = 128

    @Option(name: .long, help: ArgumentHelp("Fit only voxels with flat index in [START, END).", valueName: "START:END"))
    var voxels: VoxelRange?

    @Option(name: .long, help: ArgumentHelp("Folder for the maps and fits.json.", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Report progress on stderr even when it is not a terminal.")
    var progress = false

    @Flag(name: .long, help: "Report the time spent reading, building the designs, fitting and writing (on stderr).")
    var timing = false

    func validate() throws {
        try OptionChecks.nonEmpty(out, "--out", what: "a folder for the maps", shellExample: "--out \"$OUT\"")
        guard !bold.isEmpty else { throw ValidationError("give at least one BOLD run (a 4-D .nii or .nii.gz)") }
        guard events.count == bold.count else {
            throw ValidationError(
                "\(bold.count) BOLD run\(bold.count == 1 ? "" : "s") but \(events.count) --events; give one --events per run, in the same order")
        }
        if let tr, !(tr > 0 && tr.isFinite) {
            throw ValidationError("--tr must be a positive number of seconds (got \(tr)); e.g. --tr 2.5")
        }
        guard highPass > 0, highPass.isFinite else {
            throw ValidationError("--high-pass must be a positive number of seconds (got \(highPass)); e.g. --high-pass 128")
        }
    }

    func run() throws {
        do {
            try fitAndWrite()
        } catch let diagnostic as Diagnostic {
            FileHandle.standardError.write(Data(("error: " + diagnostic.description + "\n").utf8))
            throw ExitCode(diagnostic.exitCode)
        }
    }

    private func fitAndWrite() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let headers = try bold.map { try NIfTIFile.readHeader($0) }
        let grid = headers[0].geometry
        for header in headers where header.timePoints < 2 {
            throw Diagnostic(
                .badData, "is a single volume; a BOLD run is a 4-D series of scans", location: .init(file: header.source))
        }
        for header in headers.dropFirst() where !header.geometry.sameGrid(as: grid) {
            throw Diagnostic(
                .badData, "is on another grid than \(bold[0]) (\(header.geometry.dims.map(String.init).joined(separator: "×")) against \(grid.dims.map(String.init).joined(separator: "×")), or another affine)",
                location: .init(file: header.source), suggestion: "give runs of one subject, in one space")
        }
        guard let repetition = tr ?? headers[0].tr else {
            throw Diagnostic(
                .usage, "the images' headers give no repetition time", location: .init(file: bold[0]),
                suggestion: "give it with --tr SECONDS")
        }
        let requests = contrast.map(Self.request)
        let designStarted = clock.now
        let designs = try zip(headers, events).map { header, source -> FMRIDesign in
            let table = try FMRIEventSource.read(source)
            let timing = try ScanTiming(tr: repetition, scans: header.timePoints)
            return try FMRIDesign(
                runs: [FMRIRun(events: table, timing: timing)],
                options: FMRIDesignOptions(drift: .cosine(cutoff: highPass)))
        }
        var isF = [Bool](repeating: false, count: requests.count)
        for (r, d) in designs.enumerated() {
            for (c, request) in requests.enumerated() {
                do {
                    let weights = try d.contrastWeights(request.expression)
                    if r == 0 { isF[c] = weights.rows > 1 }
                } catch let error as Diagnostic {
                    var e = error
                    e.message = "contrast \"\(request.expression)\" in run \(r + 1) (\(events[r])): " + e.message
                    throw e
                }
            }
        }
        // The folder is checked before the fit, so a long fit is not spent on a
        // folder that could only be refused at the end (`write` checks it again).
        do {
            try FMRIMapWriter.checkReplaceable(
                folder: out,
                fileNames: FMRIMapWriter.fileNames(
                    contrasts: zip(requests, isF).map { ($0.name, $1) },
                    conditions: designs[0].conditions, autoregressive: noise != .ols))
        } catch let diagnostic as Diagnostic {
            FileHandle.standardError.write(Data(("error: " + diagnostic.description + "\n").utf8))
            throw ExitCode(73)
        }
        let designed = clock.now
        // At most one run's data in memory; the mask pass keeps the last run read,
        // so a single run is read once.
        var cached: (Int, NIfTIVolume)? = nil
        func load(_ r: Int) throws -> NIfTIVolume {
            if let cached, cached.0 == r { return cached.1 }
            cached = nil
            let volume = try NIfTIFile.read(bold[r])
            cached = (r, volume)
            return volume
        }
        let voxelMask: [Bool]
        switch mask {
        case .all: voxelMask = [Bool](repeating: true, count: grid.voxelCount)
        case .file(let path): voxelMask = try FMRIMask.read(path, grid: grid)
        case .epi, .above:
            var sum = [Double](repeating: 0, count: grid.voxelCount)
            var scans = 0
            for r in bold.indices {
                let volume = try load(r)
                let mean = volume.meanVolume()
                for i in sum.indices { sum[i] += mean[i] * Double(volume.timePoints) }
                scans += volume.timePoints
            }
            let mean = sum.map { $0 / Double(scans) }
            if case .above(let threshold) = mask {
                voxelMask = FMRIMask.meanAbove(threshold, mean: mean)
            } else {
                voxelMask = FMRIMask.epi(mean: mean, grid: grid)
            }
        }
        if let voxels, voxels.end > grid.voxelCount {
            throw Diagnostic(
                .usage, "--voxels \(voxels.start):\(voxels.end) ends past the images' \(grid.voxelCount) voxels",
                suggestion: "give a range within 0:\(grid.voxelCount)")
        }
        guard voxelMask.contains(true) else {
            throw Diagnostic(
                .badData, "the mask (\(mask.description)) keeps no voxel, so there is nothing to fit",
                location: .init(file: bold[0]), suggestion: "give --mask all, a lower above:N, or a mask file")
        }
        if bold.count == 1, cached == nil { _ = try load(0) }  // so the fit's time is the fit's alone
        let read = clock.now
        let options = FMRIVoxelwiseOptions(
            noise: noise == .ols ? .ols : .ar1(), scaling: scaling == .percent ? .percentPerRun : .none,
            voxelRange: voxels.map { $0.start..<$0.end })
        let reporter = FMRIProgress(enabled: progress || isatty(STDERR_FILENO) == 1)
        let fit = try FMRIVoxelwiseFit.fit(
            runCount: bold.count, loadRun: { r in
                let volume = try load(r)
                cached = nil  // the fit holds the run only while fitting it
                return volume
            }, designs: designs, mask: voxelMask, geometry: grid, contrasts: requests, options: options,
            progress: reporter.report)
        reporter.finish()
        let fitted = clock.now
        let written: [String]
        do {
            written = try FMRIMapWriter(fit: fit, folder: out, format: headers[0].format, tr: repetition).write(
                bold: bold, events: events, maskDescription: mask.description)
        } catch let diagnostic as Diagnostic {
            // An output that cannot be created exits 73, as everywhere in glmviz.
            FileHandle.standardError.write(Data(("error: " + diagnostic.description + "\n").utf8))
            throw ExitCode(73)
        }
        if timing {
            func s(_ d: Duration) -> String {
                // Milliseconds at least: bench/report.py reads these as plain decimals.
                let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                return NumberFormat.number(max(seconds, 0.001), .decimals(3)).text(.unicode)
            }
            let runs = bold.count == 1 ? "1 run" : "\(bold.count) runs (the fit reads all but a single run)"
            let reading = (designStarted - started) + (read - designed)
            FileHandle.standardError.write(Data((
                "timing: read \(runs) \(s(reading)) s, design \(designs[0].x.columns) columns \(s(designed - designStarted)) s, fit \(s(fitted - read)) s\n"
                    + "timing: write \(written.count) files \(s(clock.now - fitted)) s\n").utf8))
        }
        print(FMRIFitSummary.text(fit, runs: bold.count, tr: repetition, mask: mask.description, written: written, folder: out))
    }

    /// `name=expression`, or an expression named by its words (`face - house` →
    /// `face_minus_house`).
    static func request(_ text: String) -> FMRIContrastRequest {
        if let eq = text.firstIndex(of: "="), !text[..<eq].contains(where: { " -+*;".contains($0) }) {
            let name = text[..<eq].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty {
                return FMRIContrastRequest(name: name, expression: String(text[text.index(after: eq)...]))
            }
        }
        var name = text.replacingOccurrences(of: " ", with: "")
        for (symbol, word) in [("-", "_minus_"), ("+", "_plus_"), (";", "_and_"), ("*", "x")] {
            name = name.replacingOccurrences(of: symbol, with: word)
        }
        name = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." ? $0 : "_" })
        return FMRIContrastRequest(name: name.isEmpty ? "contrast" : name, expression: text)
    }
}

/// `--mask`: a file, `epi`, `above:N` or `all`.
enum MaskChoice: ExpressibleByArgument, CustomStringConvertible {
    case file(String)
    case epi
    case above(Double)
    case all

    init?(argument: String) {
        switch argument {
        case "epi": self = .epi
        case "all": self = .all
        case _ where argument.hasPrefix("above:"):
            guard let value = Double(argument.dropFirst("above:".count)), value.isFinite else { return nil }
            self = .above(value)
        case "": return nil
        default: self = .file(argument)
        }
    }

    var description: String {
        switch self {
        case .file(let path): return path
        case .epi: return "epi"
        // As it would be typed (no digit grouping), so a message or fits.json can
        // be copied back onto a command line.
        case .above(let value):
            return "above:" + (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)")
        case .all: return "all"
        }
    }
}

enum NoiseChoice: String, ExpressibleByArgument, CaseIterable {
    case ols, ar1
}

enum ScalingChoice: String, ExpressibleByArgument, CaseIterable {
    case percent, none
}

/// `--voxels START:END`, 0 ≤ START < END.
struct VoxelRange: ExpressibleByArgument {
    let start: Int
    let end: Int
    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), start >= 0, end > start else {
            return nil
        }
        self.start = start
        self.end = end
    }
}
