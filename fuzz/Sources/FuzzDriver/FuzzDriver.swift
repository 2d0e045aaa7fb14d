import CLibFuzzer

/// Hands control to libFuzzer with the process arguments and `body` as the
/// function under test.
///
/// SwiftPM on Linux renames an executable's entry point and points `main` at it,
/// so libFuzzer's own `main` cannot be used; each target has a Swift `@main`
/// that calls this instead, which takes the same command-line flags.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, body)
    exit(status)
}

/// LeakSanitizer suppressions for every target, read once at start-up (it is
/// in this file, which every target links, so the linker keeps it). fontconfig keeps its font
/// caches in structures linked by offsets rather than pointers, so LeakSanitizer
/// cannot see that they are still referenced and reports the first font lookup of
/// a run as a leak. cairo hangs its font faces and glyph caches from those
/// structures, so every new glyph an input draws (a figure's scene records
/// glyph runs, painting it at another scale caches them again, and the TeX
/// target's math font is found through fontconfig too) grows a
/// cache LeakSanitizer also cannot reach: reported as an indirect leak under
/// the suppressed fontconfig block. Leaks of Swift objects and of glmviz's own
/// allocations are still findings; the cache's growth is bounded by cairo's
/// cache limits and `-rss_limit_mb`. The string is a literal: this runs before
/// Swift is initialised.
@_cdecl("__lsan_default_suppressions")
public func leakSuppressions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("leak:libfontconfig.so\nleak:libcairo.so\n" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}
