#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file or standard input in chunks, through `read(2)`, so that a 5 GB file never sits in memory.
final class ByteReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
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
    }

    /// Appends up to `count` bytes to `buffer`; returns how many were read, 0 at the end of the input.
    func read(appendingTo buffer: inout [UInt8], count: Int) throws(SFTLintError) -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        while true {
            let got = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + start, count)
            }
            if got >= 0 {
                buffer.removeLast(count - got)
                return got
            }
            if errno == EINTR { continue }
            buffer.removeLast(count)
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
