import Foundation

/// Paths of the repository and of `../shared`, found from this file's location.
enum Repository {
    /// The package root: three levels above `Tests/SFTLintCoreTests/Support/Repository.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("fixtures")

    /// `../shared` beside the repository; absent outside the development workspace.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static func sharedExists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent(relative).path)
    }
}
