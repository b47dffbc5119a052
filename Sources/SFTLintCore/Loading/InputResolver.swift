import Foundation

/// A file to lint and how to open it.
struct ResolvedInput: Sendable {
    let file: InputFile
    let isStandardInput: Bool

    func open() throws(SFTLintError) -> ByteReader {
        isStandardInput ? ByteReader(standardInputNamed: file.path) : try ByteReader(path: file.path)
    }
}

/// Turns the paths a user gave into the files to lint, failing before any work on a path that can't be read.
enum InputResolver {
    /// Extensions a directory walk picks up.
    static let dataExtensions: Set<String> = ["json", "jsonl"]

    static func resolve(_ inputs: [InputSource]) throws(SFTLintError) -> [ResolvedInput] {
        var paths: [(path: String, isStandardInput: Bool)] = []
        for input in inputs {
            switch input {
            case .standardInput:
                paths.append(("-", true))
            case .path(let path):
                for file in try expand(path) { paths.append((file, false)) }
            }
        }
        var seen: Set<String> = []
        var resolved: [ResolvedInput] = []
        for entry in paths where entry.isStandardInput || seen.insert(entry.path).inserted {
            if !entry.isStandardInput {
                // Open now, so a run never lints half the inputs and then fails on an unreadable one.
                _ = try ByteReader(path: entry.path)
            }
            resolved.append(
                ResolvedInput(file: InputFile(path: entry.path, index: resolved.count), isStandardInput: entry.isStandardInput))
        }
        return resolved
    }

    /// A file path as is; a directory's `*.json` and `*.jsonl` files, recursively, in sorted order.
    static func expand(_ path: String) throws(SFTLintError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SFTLintError("cannot read '\(path)': \(missingReason(path))")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw SFTLintError("cannot read directory '\(path)'")
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            // Hidden folders (.git, .venv, .cache) hold no dataset a user means to lint.
            if name.hasPrefix(".") {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                continue
            }
            guard dataExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            // The config file sits among the data it configures; it is not a dataset.
            if name == "sftlint.json" { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            if isRegularFile(full) { found.append(full) }
        }
        guard !found.isEmpty else {
            throw SFTLintError("no *.json or *.jsonl files under '\(path)'")
        }
        return found.sorted()
    }

    /// Whether `path`, symlinks followed, is a plain file. A walk takes only those: opening a FIFO or a device
    /// that happens to end in `.jsonl` would block or never end. A path given by name is opened whatever it is,
    /// so that `sftlint check <(zcat train.jsonl.gz)` works.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Why a path that does not resolve can't be read: a symlink loop or a dangling symlink is not a missing file.
    static func missingReason(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) != 0 && errno == ELOOP { return "too many levels of symbolic links (a symlink loop)" }
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            return "a symbolic link to a file that does not exist"
        }
        return "no such file or directory"
    }
}
