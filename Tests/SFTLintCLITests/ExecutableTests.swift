import Foundation
import Testing

@testable import SFTLintCLI

/// Runs the built `sftlint` binary, to check what only the real process wires: arguments, streams, exit codes.
@Suite struct ExecutableTests {
    /// The binary sits next to the test bundle in the build products directory.
    static let binary: URL? = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("sftlint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test(.enabled(if: binary != nil)) func versionAndUsage() throws {
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.output == "sftlint \(SFTLintCommand.version)\n")
        let bare = try run([])
        #expect(bare.status == 2)
        #expect(bare.output.isEmpty)
        #expect(bare.errors == SFTLintCommand.usage)
        let bad = try run(["check", "--jobs", "0"])
        #expect(bad.status == 2)
        #expect(
            bad.errors == "error: --jobs expects a whole number of 1 or more, got '0'\nrun 'sftlint --help' for usage\n"
        )
    }

    @Test(.enabled(if: binary != nil)) func pipedOutputHasNoColor() throws {
        let result = try run(["check", "-", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(!result.output.contains("\u{1B}"))
        #expect(result.output.hasSuffix("/100\n"))
    }
}

/// Standard input through the real process: `-` reads it, whatever the layout.
@Suite struct StandardInputTests {
    func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    @Test(.enabled(if: ExecutableTests.binary != nil)) func dashReadsStandardInput() throws {
        let lines = try run(["check", "-"], input: "{\"instruction\": \"Hi\", \"output\": null}\n")
        #expect(lines.status == 1)
        #expect(lines.output.hasPrefix("-:1:33: error: \"output\" is null, expected a string [S003 wrong-type]\n"))
        let array = try run(["check", "-", "--format", "json"], input: "[{\"text\": \"ok</s>\"}]")
        #expect(array.status == 0)
        #expect(array.output.contains("\"records\": 1"))
    }
}

/// An unreadable input, through the real process. Root reads every file, so as root the binary runs under
/// `setpriv` without the two capabilities that let root ignore file permissions.
@Suite struct UnreadableInputTests {
    static let setpriv = "/usr/bin/setpriv"
    static let canRun = ExecutableTests.binary != nil && (geteuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv))

    @Test(.enabled(if: canRun, "needs the built binary, and setpriv when running as root"))
    func aFileWithoutReadPermissionExitsTwo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-perm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("locked.jsonl")
        try Data("{\"text\": \"hi\"}\n".utf8).write(to: file)
        chmod(file.path, 0)
        let process = Process()
        let binary = try #require(ExecutableTests.binary)
        if geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--bounding-set=-dac_override,-dac_read_search", "--", binary.path, "check", file.path]
        } else {
            process.executableURL = binary
            process.arguments = ["check", file.path]
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message == "error: cannot read '\(file.path)': permission denied\n")
    }
}
