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
            throw SFTLintError("cannot read '\(path)': no such file or directory")
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
            var isSubdirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                found.append(full)
            }
        }
        guard !found.isEmpty else {
            throw SFTLintError("no *.json or *.jsonl files under '\(path)'")
        }
        return found.sorted()
    }
}
