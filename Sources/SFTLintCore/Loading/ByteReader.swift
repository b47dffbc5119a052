#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file or standard input in chunks, through `read(2)`, so that a 5 GB file never sits in memory.
final class ByteReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Where `read(2)` writes before the bytes are appended: reused, so reading never zero-fills a chunk.
    private var scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 16)
    let path: String

    /// Opens `path` for reading; a usage-level error names the path and the reason.
    init(path: String) throws(SFTLintError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SFTLintError("cannot read '\(path)': \(ByteReader.lastErrorText())") }
        descriptor = fd
        ownsDescriptor = true
        self.path = path
    }

    /// Reads standard input.
    init(standardInputNamed path: String) {
        descriptor = 0
        ownsDescriptor = false
        self.path = path
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        scratch.deallocate()
    }

    /// Appends up to `count` bytes to `buffer`; returns how many were read, 0 at the end of the input.
    func read(appendingTo buffer: inout [UInt8], count: Int) throws(SFTLintError) -> Int {
        if scratch.count < count {
            scratch.deallocate()
            scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        }
        while true {
            let got = systemRead(descriptor, scratch.baseAddress!, count)
            if got >= 0 {
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<got]))
                return got
            }
            if errno == EINTR { continue }
            throw SFTLintError("cannot read '\(path)': \(ByteReader.lastErrorText())")
        }
    }

    static func lastErrorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// `read(2)`, named apart from `ByteReader.read` and portable between Glibc and Darwin.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
