import Foundation

/// Rule changes for the input files some paths match: a config file's `overrides` entry.
public struct PathOverride: Sendable, Hashable {
    public var paths: [PathPattern]
    /// Selectors that bring back rules the run ignores, for these files.
    public var select: [String]
    /// Selectors of rules that don't run on these files; dataset rules don't even see their samples.
    public var ignore: [String]
    public var severities: SeverityOverrides

    public init(
        paths: [PathPattern], select: [String] = [], ignore: [String] = [],
        severities: SeverityOverrides = SeverityOverrides()
    ) {
        self.paths = paths
        self.select = select
        self.ignore = ignore
        self.severities = severities
    }
}

/// The overrides of a run, with the directory their paths are relative to (the config file's).
public struct PathOverrides: Sendable, Hashable {
    /// Absolute, or relative to the working directory.
    public var directory: String
    public var entries: [PathOverride]

    public init(directory: String = ".", entries: [PathOverride] = []) {
        self.directory = directory
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Indices of the entries that apply to the input file at `path`, in order. A file outside `directory`, and
    /// standard input, match none.
    public func matching(_ path: String) -> [Int] {
        guard !entries.isEmpty, let relative = Self.relative(path, to: directory) else { return [] }
        return entries.indices.filter { entries[$0].paths.contains { $0.matches(relative) } }
    }

    /// `path` relative to `directory`, or nil when it isn't below it.
    static func relative(_ path: String, to directory: String) -> String? {
        guard path != "-" else { return nil }
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        var base = URL(fileURLWithPath: directory).standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        guard file.hasPrefix(base) else { return nil }
        return String(file.dropFirst(base.count))
    }
}
