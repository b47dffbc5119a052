import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

@Suite struct ReportFileTests {
    /// A fresh directory with a dataset file in it, removed after the test body.
    func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{\"instruction\": \"hi\", \"output\": \"hello\"}\n".write(
            to: directory.appendingPathComponent("data.jsonl"), atomically: false, encoding: .utf8)
        try body(directory.path)
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func names(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func writesTheReportToANewFile() throws {
        try withDirectory { directory throws in
            let report = Harness.report([.error])
            let path = directory + "/report.json"
            let outcome = Harness.run(
                ["check", "--format", "json", "--output", path, directory + "/data.jsonl"], report: report,
                isTerminal: true)
            #expect(outcome.status == .failure)
            #expect(outcome.output.isEmpty)
            #expect(try contents(path) == JSONReporter().render(report))
            #expect(try names(directory) == ["data.jsonl", "report.json"])
        }
    }

    @Test func replacesAnOldReportAndNeverColorsAFile() throws {
        try withDirectory { directory throws in
            let path = directory + "/report.txt"
            try "old report, longer than the new one\n".write(toFile: path, atomically: false, encoding: .utf8)
            let report = Harness.report([.warning])
            let outcome = Harness.run(["check", "--output=\(path)", directory], report: report, isTerminal: true)
            #expect(outcome.status == .success)
            #expect(try contents(path) == TextReporter().render(report))
            #expect(try names(directory) == ["data.jsonl", "report.txt"])
        }
    }

    @Test func refusesToWriteOverAnInput() throws {
        try withDirectory { directory throws in
            let data = directory + "/data.jsonl"
            try FileManager.default.createSymbolicLink(atPath: directory + "/link.jsonl", withDestinationPath: data)
            try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)
            let spellings = [
                (data, data), (directory + "/sub/../data.jsonl", data), (directory + "/link.jsonl", data),
                (data, directory + "/link.jsonl"), (data, directory), (data, directory + "/"),
            ]
            let calls = LintCalls()
            for (output, input) in spellings {
                let outcome = Harness.run(["check", "--output", output, "a.jsonl", input], calls: calls)
                #expect(outcome.status == .error)
                #expect(
                    outcome.errors
                        == "error: --output '\(output)' is an input of this run; sftlint never writes over its input\n"
                        + "run 'sftlint --help' for usage\n")
            }
            #expect(calls.calls.isEmpty)
            #expect(try contents(data) == "{\"instruction\": \"hi\", \"output\": \"hello\"}\n")
        }
    }

    @Test func allowsANewFileOrAnotherKindInsideAnInputDirectory() throws {
        try withDirectory { directory throws in
            #expect(throws: Never.self) {
                try ReportFile(path: directory + "/new.json").checkNotInput([.path(directory)])
                try ReportFile(path: directory + "/sub/new.json").checkNotInput([.path(directory)])
                try ReportFile(path: directory + "/data.jsonl").checkNotInput([.standardInput, .path("elsewhere")])
            }
            try "x".write(toFile: directory + "/old.txt", atomically: false, encoding: .utf8)
            #expect(throws: Never.self) {
                try ReportFile(path: directory + "/old.txt").checkNotInput([.path(directory)])
            }
        }
    }

    @Test func unwritableDestinationIsAnError() throws {
        try withDirectory { directory throws in
            let path = directory + "/missing/report.json"
            let outcome = Harness.run(["check", "--output", path, "--exit-zero"])
            #expect(outcome.status == .error)
            #expect(outcome.errors == "error: cannot write the report to '\(path)': No such file or directory\n")
            let intoDirectory = Harness.run(["check", "--output", directory + "/"])
            #expect(intoDirectory.status == .error)
            #expect(try names(directory) == ["data.jsonl"])
        }
    }

    /// `--output /dev/stdout` or `/dev/null` is common in CI, where sftlint often runs as root: a temporary file
    /// renamed over the path would replace the device (or the /dev/stdout symlink) with a regular file. A FIFO
    /// stands in for a device here; it must get the report and stay a FIFO.
    @Test func aDeviceOrFIFOIsWrittenIntoNotReplaced() throws {
        try withDirectory { directory throws in
            let path = directory + "/pipe"
            #expect(mkfifo(path, 0o600) == 0)
            let reader = open(path, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            try ReportFile(path: path).write("report\n")
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(reader, &buffer, buffer.count)
            #expect(count == 7)
            #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "report\n")
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
            #expect(try names(directory) == ["data.jsonl", "pipe"])
        }
    }

    @Test func aSymlinkedReportKeepsItsLinkAndFillsItsTarget() throws {
        try withDirectory { directory throws in
            let target = directory + "/real.txt"
            let link = directory + "/link.txt"
            try "old".write(toFile: target, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            try ReportFile(path: link).write("new")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
            #expect(try contents(target) == "new")
        }
    }

    /// A report lost to a full disk or a closed descriptor must not pass the gate: `> /dev/full` exited 0.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailingStandardOutputIsAnError() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let errors = Capture()
        var console = Console(
            standardOutput: FileDescriptorStream(descriptor: descriptor), standardError: errors, environment: [:],
            isTerminal: false)
        let toolkit = Toolkit(rules: Harness.rules) { _, _ throws(SFTLintError) in Harness.report() }
        #expect(SFTLintCommand.run(["check", "data.jsonl"], console: &console, toolkit: toolkit) == .error)
        #expect(errors.text == "error: cannot write to standard output: No space left on device\n")
        for command in [["rules"], ["rules", "S011"], ["--version"], ["help"]] {
            errors.text = ""
            var console = Console(
                standardOutput: FileDescriptorStream(descriptor: descriptor), standardError: errors,
                environment: [:], isTerminal: false)
            #expect(SFTLintCommand.run(command, console: &console, toolkit: toolkit) == .error, "\(command)")
            #expect(errors.text == "error: cannot write to standard output: No space left on device\n")
        }
    }

    @Test func relativeSpellingsOfAnInputAreRefused() {
        #expect(throws: UsageError.self) { try ReportFile(path: "./data.jsonl").checkNotInput([.path("data.jsonl")]) }
        #expect(throws: Never.self) { try ReportFile(path: "report.json").checkNotInput([.path("data.jsonl")]) }
    }
}
