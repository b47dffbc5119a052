#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What the command talks to: its output streams, its environment, and whether standard output is a terminal.
///
/// `SFTLintCommand.main(_:)` wires the real process; tests pass string buffers and a made-up environment.
public struct Console {
    public var standardOutput: any TextOutputStream
    public var standardError: any TextOutputStream
    public var environment: [String: String]
    /// Whether standard output is a terminal, for `--color auto`.
    public var isTerminal: Bool

    public init(
        standardOutput: any TextOutputStream, standardError: any TextOutputStream, environment: [String: String],
        isTerminal: Bool
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.isTerminal = isTerminal
    }

    /// Writes `text` to standard output as it is.
    mutating func print(_ text: String) {
        standardOutput.write(text)
    }

    /// Why standard output lost some of what was printed (a full disk, a closed descriptor), when it did; a
    /// reader that stopped early (`| head`, EPIPE) is not a failure.
    var outputFailure: String? {
        guard let code = (standardOutput as? FileDescriptorStream)?.failure, code != EPIPE else { return nil }
        return String(cString: strerror(code))
    }

    /// Writes `error: <message>` to standard error.
    mutating func printError(_ message: String) {
        standardError.write("error: \(message)\n")
    }

    /// Writes a usage error and the hint that says where help is.
    mutating func printUsageError(_ error: UsageError) {
        printError(error.message)
        standardError.write("run 'sftlint --help' for usage\n")
    }
}

/// A file descriptor as a text stream, unbuffered: each write goes straight to the descriptor.
struct FileDescriptorStream: TextOutputStream {
    let descriptor: Int32
    /// `errno` of the first failed write; later writes are skipped. `Console.outputFailure` reports it.
    private(set) var failure: Int32?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func write(_ string: String) {
        guard failure == nil else { return }
        if !FileDescriptorStream.writeAll(string, to: descriptor) { failure = errno }
    }

    /// Writes all of `text`, retrying short and interrupted writes; false (with `errno` set) on failure.
    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard var pointer = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, pointer, remaining)
                #else
                let written = Darwin.write(descriptor, pointer, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += written
                remaining -= written
            }
            return true
        }
    }
}
