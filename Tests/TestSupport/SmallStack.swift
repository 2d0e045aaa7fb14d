import Foundation

/// Runs work on a thread with a chosen stack size: parsers must not overflow
/// the smaller stacks of `DispatchQueue` worker threads on some systems, and a
/// test on the main thread's 8 MB would not show it.
public enum SmallStack {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    public static func run<T>(bytes: Int, _ body: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return box.value!
    }
}
