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
