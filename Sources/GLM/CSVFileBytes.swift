#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, memory-mapped when possible so a large CSV is scanned in place
/// rather than copied; pipes and other unmappable files are read into memory.
final class CSVFileBytes {
    let buffer: UnsafeBufferPointer<UInt8>
    private var mapped: UnsafeMutableRawPointer?
    private var owned: UnsafeMutablePointer<UInt8>?

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic(.missingFile, "cannot open file: \(reason)", location: .init(file: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Diagnostic(.missingFile, "cannot read file information", location: .init(file: path))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic(.missingFile, "is a directory, not a CSV file", location: .init(file: path))
        }
        // /dev/zero or /dev/urandom would be read until memory runs out; a pipe
        // (`<(…)`, /dev/stdin) ends and is still read.
        if (info.st_mode & S_IFMT) == S_IFCHR || (info.st_mode & S_IFMT) == S_IFBLK {
            throw Diagnostic(.badData, "is a device (a special file), not a CSV file", location: .init(file: path),
                             suggestion: "give the path of a CSV file")
        }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG, size > 0,
            let address = mmap(nil, size, PROT_READ, Self.mapFlags, descriptor, 0),
            address != MAP_FAILED
        {
            mapped = address
            buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
            return
        }
        // Not mappable (a pipe, an empty file): read it all.
        var capacity = max(size, 1 << 16)
        var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                grown.update(from: storage, count: count)
                storage.deallocate()
                storage = grown
                capacity *= 2
            }
            let got = read(descriptor, storage + count, capacity - count)
            if got < 0 {
                storage.deallocate()
                throw Diagnostic(.missingFile, "cannot read file: \(String(cString: strerror(errno)))", location: .init(file: path))
            }
            if got == 0 { break }
            count += got
        }
        owned = storage
        buffer = UnsafeBufferPointer(start: storage, count: count)
    }

    /// Private read-only mapping; on Linux pre-faulted, since every page is read.
    #if os(Linux)
    private static let mapFlags = MAP_PRIVATE | MAP_POPULATE
    #else
    private static let mapFlags = MAP_PRIVATE
    #endif

    /// Lets the kernel drop the mapped pages once a pass over them is done. They
    /// are clean copies of the file, so any later read faults them back in from
    /// the page cache; meanwhile they no longer count against the process while
    /// the columns are assembled. A no-op for bytes read into memory.
    func releaseResidentPages() {
        if let mapped { _ = madvise(mapped, buffer.count, MADV_DONTNEED) }
    }

    deinit {
        if let mapped { munmap(mapped, buffer.count) }
        owned?.deallocate()
    }
}
