import Foundation
import SFTLintCore

/// Where a run's config file is: named with `--config`, or the nearest `sftlint.json` (or `.sftlint.json`) in the
/// working directory or above it, up to the filesystem root.
enum ConfigFile {
    /// The nearest config file from `directory` upwards, nil when there is none. A file found in `directory`
    /// itself is named relative to it when `directory` is `.`, so that messages say `sftlint.json:3:5`.
    static func find(from directory: String) throws(SFTLintError) -> String? {
        let start = directory.hasPrefix("/")
            ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var current = (start as NSString).standardizingPath
        var isStart = true
        while true {
            let present = Configuration.fileNames.filter { isFile((current as NSString).appendingPathComponent($0)) }
            if present.count > 1 {
                throw SFTLintError("both \(present.joined(separator: " and ")) in '\(current)': keep one")
            }
            if let name = present.first {
                return isStart && directory == "." ? name : (current as NSString).appendingPathComponent(name)
            }
            let parent = (current as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != current else { return nil }
            current = parent
            isStart = false
        }
    }

    /// The configuration a command runs with: `--config FILE`, or the one found from `workingDirectory`, or none
    /// with `--no-config`. `rules` are the built-in rules its selectors may name.
    static func load(
        explicit: String?, isDisabled: Bool, workingDirectory: String, rules: [CheckInfo]
    ) throws(SFTLintError) -> Configuration {
        if isDisabled { return Configuration() }
        let found = try explicit == nil ? find(from: workingDirectory) : explicit
        guard let path = found else { return Configuration() }
        return try Configuration.load(path: path, rules: rules)
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
