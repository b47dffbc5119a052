import Foundation

/// A file in a fresh temporary directory, removed with the directory when the value goes away.
final class TemporaryFile {
    let directory: URL
    let url: URL
    var path: String { url.path }

    init(_ bytes: [UInt8], name: String = "data.jsonl") throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sftlint-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
    }

    convenience init(_ text: String, name: String = "data.jsonl") throws {
        try self.init(Array(text.utf8), name: name)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
