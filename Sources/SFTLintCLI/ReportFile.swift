import SFTLintCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `--output FILE`: where the report goes when not to standard output.
///
/// sftlint never writes over its input, and never leaves a half-written report: it writes a temporary file in
/// the same directory (so the rename can't cross file systems) and renames it over `FILE`.
struct ReportFile: Equatable, Sendable {
    /// Files a directory walk reads, so an existing one inside an input directory is an input.
    static let datasetExtensions: Set<String> = ["json", "jsonl"]

    var path: String

    /// Refuses a path that is, or would be read as, one of `inputs`; `option` names the flag in the message.
    func checkNotInput(_ inputs: [InputSource], option: String = "--output") throws(UsageError) {
        let output = FileIdentity(path)
        for case .path(let input) in inputs {
            let candidate = FileIdentity(input)
            let isSameFile = output.isSameFile(as: candidate)
            let isWalked =
                candidate.isDirectory && output.exists && output.isInside(candidate)
                && ReportFile.datasetExtensions.contains(output.pathExtension)
            if isSameFile || isWalked {
                throw UsageError("\(option) '\(path)' is an input of this run; sftlint never writes over its input")
            }
        }
    }

    /// Whether `other` names the same file, however spelt.
    func isSameFile(as other: ReportFile) -> Bool {
        FileIdentity(path).isSameFile(as: FileIdentity(other.path))
    }

    /// Writes `text` to a temporary file next to `path`, flushes it, and renames it to `path`; into `path` itself
    /// when it is a device or a FIFO (`/dev/stdout`, `/dev/null`), which a rename would replace with a plain file.
    /// A symlink is followed, so the link stays and its target gets the report. `what` names the content in errors.
    func write(_ text: String, what: String = "the report") throws(SFTLintError) {
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR {
            return try writeInPlace(text, what: what)
        }
        var destination = path
        if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            destination = String(cString: resolved)
            free(resolved)
        }
        try replace(destination, with: text, what: what)
    }

    /// Writes into the file at `path` as it is, without creating or renaming anything.
    private func writeInPlace(_ text: String, what: String) throws(SFTLintError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(what) }
        var error = FileDescriptorStream.writeAll(text, to: descriptor) ? nil : failure(what)
        if close(descriptor) != 0, error == nil { error = failure(what) }
        if let error { throw error }
    }

    /// Writes a temporary file next to `path`, flushes it, and renames it to `path`.
    private func replace(_ path: String, with text: String, what: String) throws(SFTLintError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory).\(name).sftlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(what) }
        let isWritten = FileDescriptorStream.writeAll(text, to: descriptor) && fsync(descriptor) == 0
        var error = isWritten ? nil : failure(what)
        if close(descriptor) != 0, error == nil { error = failure(what) }
        if error == nil, rename(temporary, path) != 0 { error = failure(what) }
        if let error {
            unlink(temporary)
            throw error
        }
    }

    /// The error for the current `errno`.
    private func failure(_ what: String) -> SFTLintError {
        SFTLintError("cannot write \(what) to '\(path)': \(String(cString: strerror(errno)))")
    }
}

/// A path as the file system sees it: its canonical form and, when it exists, its device and inode.
struct FileIdentity {
    /// Absolute, symbolic links resolved as far as the path exists.
    var canonical: String
    var device: UInt64?
    var inode: UInt64?
    var isDirectory = false

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            isDirectory = info.st_mode & S_IFMT == S_IFDIR
        }
        canonical = FileIdentity.canonicalize(path)
    }

    var exists: Bool { inode != nil }

    var pathExtension: String {
        let name = canonical.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    func isSameFile(as other: FileIdentity) -> Bool {
        if let inode, inode == other.inode, device == other.device { return true }
        return canonical == other.canonical
    }

    func isInside(_ directory: FileIdentity) -> Bool {
        let prefix = directory.canonical.hasSuffix("/") ? directory.canonical : directory.canonical + "/"
        return canonical.hasPrefix(prefix)
    }

    /// The real path of the longest existing parent, with the rest appended; a path that doesn't exist yet
    /// still compares equal to another spelling of it.
    private static func canonicalize(_ path: String) -> String {
        var head = path.isEmpty ? "." : path
        var tail: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for part in tail.reversed() where !part.isEmpty && part != "." {
                    result += (result.hasSuffix("/") ? "" : "/") + part
                }
                return result
            }
            if head == "." || head == "/" { return path }
            guard let slash = head.lastIndex(of: "/") else {
                tail.append(head)
                head = "."
                continue
            }
            tail.append(String(head[head.index(after: slash)...]))
            head = slash == head.startIndex ? "/" : String(head[..<slash])
        }
    }
}
