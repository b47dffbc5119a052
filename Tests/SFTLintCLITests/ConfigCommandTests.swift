import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

/// The config file from the command line: discovery, flags over the file, `init`, `config` and `rules`.
@Suite("Config file")
struct ConfigCommandTests {
    /// A fresh directory with `files` (relative path → content), removed by the caller.
    func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    /// Runs the command with the real engine, as if started in `workingDirectory`.
    func run(_ arguments: [String], in workingDirectory: URL) -> Outcome {
        let output = Capture()
        let errors = Capture()
        var console = Console(standardOutput: output, standardError: errors, environment: [:], isTerminal: false)
        var toolkit = Toolkit.builtIn
        toolkit.workingDirectory = workingDirectory.path
        let status = SFTLintCommand.run(arguments, console: &console, toolkit: toolkit)
        return Outcome(status: status, output: output.text, errors: errors.text)
    }

    static let fixture = EndToEndTests.fixture("sharegpt/tool-calls.json")

    // MARK: - Discovery

    @Test func theNearestConfigFileIsFoundUpwards() throws {
        let root = try directory(["sftlint.json": "{}", "a/b/data.jsonl": "", "c/.sftlint.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b").path
        #expect(try ConfigFile.find(from: nested) == root.appendingPathComponent("sftlint.json").path)
        #expect(try ConfigFile.find(from: root.appendingPathComponent("c").path) == root.path + "/c/.sftlint.json")
        try Data("{}".utf8).write(to: root.appendingPathComponent(".sftlint.json"))
        #expect(throws: SFTLintError("both sftlint.json and .sftlint.json in '\(root.path)': keep one")) {
            try ConfigFile.find(from: nested)
        }
    }

    @Test func aFoundConfigAppliesAndFlagsOverrideIt() throws {
        let root = try directory(["sftlint.json": #"{"fail-on": "never", "ignore": ["S009"]}"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let configured = run(["check", Self.fixture], in: nested)
        #expect(configured.status == .success)
        #expect(!configured.output.contains("S009"))
        #expect(run(["check", Self.fixture, "--fail-on", "error"], in: nested).status == .failure)
        // A flag replaces the file's list rather than adding to it.
        #expect(run(["check", Self.fixture, "--ignore", "S008"], in: nested).output.contains("S009 role-order"))
        #expect(run(["check", Self.fixture, "--no-config"], in: nested).status == .failure)
    }

    @Test func severityOverridesChangeTheGate() throws {
        let root = try directory(["lenient.json": #"{"severity": {"S": "warning"}}"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("lenient.json").path
        let lenient = run(["check", Self.fixture, "--config", config], in: root)
        #expect(lenient.status == .success)
        #expect(lenient.output.contains("warning: conversations[2] is \"gpt\" after \"gpt\""))
        #expect(run(["check", Self.fixture, "--config", config, "--fail-on", "warning"], in: root).status == .failure)
    }

    @Test func aBadConfigIsAUsageErrorWithItsLocation() throws {
        let root = try directory(["sftlint.json": "{\n  \"ignore\": [\"S009\"],\n  \"colour\": true\n}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = run(["check", Self.fixture], in: root)
        #expect(result.status == .error)
        #expect(result.errors == "error: \(root.path)/sftlint.json:3:3: colour: unknown key\n")
        try Data(#"{"against": ["-"]}"#.utf8).write(to: root.appendingPathComponent("stdin.json"))
        let twice = run(["check", "-", "--config", root.path + "/stdin.json"], in: root)
        #expect(twice.status == .error)
        #expect(twice.errors == "error: standard input can't be both the data and against\n")
        let missing = run(["check", Self.fixture, "--config", root.path + "/nope.json"], in: root)
        #expect(missing.status == .error)
        #expect(missing.errors == "error: cannot read config file '\(root.path)/nope.json': no such file or directory\n")
        let folder = run(["check", Self.fixture, "--config", root.path], in: root)
        #expect(folder.status == .error)
        #expect(folder.errors == "error: cannot read config file '\(root.path)': it is a directory\n")
    }

    @Test func customRulesRunAndAreListed() throws {
        let rules = #"""
            {"rules": [{"code": "X001", "name": "weather-talk", "pattern": "weather", "in": "prompt",
                        "severity": "error", "message": "asks about the weather"}],
             "select": ["X"]}
            """#
        let root = try directory(["sftlint.json": rules])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = run(["check", Self.fixture], in: root)
        #expect(result.status == .failure)
        #expect(result.output.hasPrefix(Self.fixture + ":4:46: error: asks about the weather: \"weather\" [X001 weather-talk]\n"))
        #expect(run(["check", Self.fixture, "--ignore", "weather-talk"], in: root).status == .success)
        let listed = run(["rules"], in: root)
        #expect(listed.output.contains("X001  weather-talk"))
        #expect(run(["rules", "X001"], in: root).output.contains("User turns match /weather/: asks about the weather."))
        #expect(!run(["rules", "--no-config"], in: root).output.contains("X001"))
    }

    @Test func overridesApplyToPathsRelativeToTheConfigFile() throws {
        let record = #"{"instruction": "Hi", "output": "Hello.", "note": 1}"#
        let root = try directory([
            "sftlint.json": #"{"overrides": [{"paths": ["legacy/**"], "ignore": ["S005"]}]}"#,
            "legacy/old.jsonl": record + "\n", "new.jsonl": record + "\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = run(["check", root.path, "--format", "json"], in: root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let unknownFields = findings.filter { $0["code"] as? String == "S005" }.compactMap { $0["path"] as? String }
        #expect(unknownFields == [root.path + "/new.jsonl"])
        // The config file is not read as data.
        let files = try #require(report["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(files == [root.path + "/legacy/old.jsonl", root.path + "/new.jsonl"])
    }

    @Test func theReadmeExampleIsAValidConfig() throws {
        let readme = try String(
            contentsOf: EndToEndTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Configuration\n").last)
        let example = try #require(
            section.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let configuration = try Configuration(
            decoding: Array(example.utf8), file: "README.md", directory: "repo", rules: Toolkit.builtIn.rules)
        #expect(configuration.against == ["repo/eval/mmlu.jsonl", "repo/eval/gsm8k/"])
        #expect(configuration.overrides.count == 2)
        #expect(configuration.rules.map(\.code) == ["X001"])
        #expect(configuration.maxTokens == 4096)
    }

    @Test(.enabled(if: ExecutableTests.binary != nil)) func theBinaryFindsTheConfigFromItsWorkingDirectory() throws {
        let root = try directory([
            "sftlint.json": #"{"fail-on": "never"}"#, "data/train.jsonl": #"{"instruction": "Hi", "output": ""}"# + "\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, errors: String) {
            let process = Process()
            process.executableURL = ExecutableTests.binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let text = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: text, as: UTF8.self))
        }
        let data = root.appendingPathComponent("data")
        #expect(try run(["check", "train.jsonl"], in: data).status == 0)
        #expect(try run(["check", "train.jsonl", "--no-config"], in: data).status == 1)
        try Data(#"{"fail-on": "never", "colour": 1}"#.utf8).write(to: root.appendingPathComponent("sftlint.json"))
        // Found in the working directory itself, the file is named as the user would write it.
        #expect(try run(["check", "data"], in: root) == (2, "error: sftlint.json:1:22: colour: unknown key\n"))
        #expect(try run(["check", "train.jsonl"], in: data).errors.hasPrefix("error: \(root.path)/sftlint.json:1:22:"))
    }

    // MARK: - config

    @Test func configPrintsTheEffectiveConfigurationWhichReadsBack() throws {
        let root = try directory(["sftlint.json": #"{"eos": "</s>", "against": ["eval"], "severity": {"C003": "warning"}}"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = run(["config", "--fail-on", "warning", "--near-dup-threshold", "0.85"], in: root)
        #expect(result.status == .success)
        let path = root.path + "/sftlint.json"
        for line in [
            "\"//\": \"read from \(path)\"", "\"fail-on\": \"warning\"", "\"near-dup-threshold\": 0.85",
            "\"eos\": \"</s>\"", "\"C003\": \"warning\"", "\"max-findings-per-rule\": 1000", "\"\(root.path)/eval\"",
        ] {
            #expect(result.output.contains(line))
        }
        let printed = root.appendingPathComponent("printed.json")
        try Data(result.output.utf8).write(to: printed)
        let reread = try Configuration.load(path: printed.path, rules: Toolkit.builtIn.rules)
        #expect(reread.failOn == "warning")
        #expect(reread.eos == "</s>")
        #expect(reread.against == [root.path + "/eval"])
        #expect(reread.severities.entries == [.init("C003", .warning)])
        let flagged = run(["config", "--eos", "<eos>", "--against", "other"], in: root)
        #expect(flagged.output.contains("\"eos\": \"<eos>\""))
        #expect(flagged.output.contains("\"against\": [\n    \"other\"\n  ]"))
        #expect(run(["config", "data.jsonl"], in: root).errors.hasPrefix("error: config takes no paths, got 'data.jsonl'"))
        let none = run(["config", "--no-config"], in: root)
        #expect(none.output.contains("\"//\": \"no config file: defaults and command-line flags\""))
    }

    // MARK: - init

    @Test func initWritesAStarterThatGuessesTheEOSAndRefusesToOverwrite() throws {
        var lines = ""
        for i in 0..<10 {
            let end = i < 8 ? "<|im_end|>" : ""
            lines += #"{"messages": [{"role": "user", "content": "Q\#(i)"}, {"role": "assistant", "content": "A\#(i).\#(end)"}]}"# + "\n"
        }
        let root = try directory(["data/train.jsonl": lines, "data/alpaca.json": #"[{"instruction": "a", "output": "b"}]"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let written = run(["init"], in: root)
        #expect(written.status == .success)
        #expect(written.output == "wrote \(root.path)/sftlint.json for 2 data file(s); eos <|im_end|>\n")
        let target = root.appendingPathComponent("sftlint.json")
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.contains("formats of the first records: openai 10, alpaca 1."))
        #expect(text.contains("eos: 8 of 11 sampled responses end with <|im_end|>."))
        let starter = try Configuration.load(path: target.path, rules: Toolkit.builtIn.rules)
        #expect(starter.eos == "<|im_end|>")
        #expect(starter.failOn == "error")

        try Data("{}".utf8).write(to: target)
        let refused = run(["init"], in: root)
        #expect(refused.status == .error)
        #expect(refused.errors == "error: sftlint.json already exists; use --force to replace it\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
        #expect(run(["init", "--force"], in: root).status == .success)
        #expect(try String(contentsOf: target, encoding: .utf8) == text)
    }

    @Test func initOnTheFixtureDatasets() throws {
        let root = try directory([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let copy = root.appendingPathComponent("datasets")
        try FileManager.default.copyItem(
            at: EndToEndTests.root.appendingPathComponent("fixtures/datasets"), to: copy)
        let files = (FileManager.default.subpaths(atPath: copy.path) ?? []).filter {
            $0.hasSuffix(".json") || $0.hasSuffix(".jsonl")
        }
        let result = run(["init"], in: copy)
        #expect(result.status == .success)
        #expect(result.output == "wrote \(copy.path)/sftlint.json for \(files.count) data file(s); no eos guessed\n")
        let text = try String(contentsOf: copy.appendingPathComponent("sftlint.json"), encoding: .utf8)
        for format in ["alpaca", "sharegpt", "openai", "text", "prompt-completion"] {
            #expect(text.contains(format + " "), "the starter notes the \(format) records")
        }
        // The starter is a valid config, and checking the directory with it doesn't read it as data.
        let check = run(["check", copy.path, "--format", "json", "--exit-zero"], in: copy)
        #expect(check.status == .success)
        #expect(!check.output.contains("sftlint.json"))
    }

    @Test func initWithoutAGuessLeavesEOSUnset() throws {
        let root = try directory(["x.jsonl": #"{"instruction": "a", "output": "b"}"# + "\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run(["init"], in: root).output.hasSuffix("no eos guessed\n"))
        let starter = try Configuration.load(path: root.path + "/sftlint.json", rules: Toolkit.builtIn.rules)
        #expect(starter.eos == nil)
        let empty = try directory([:])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(run(["init"], in: empty).errors == "error: no *.json or *.jsonl files under '\(empty.path)'\n")
    }

    @Test func helpMentionsTheConfigFile() {
        let root = URL(fileURLWithPath: "/")
        #expect(run(["check", "--help"], in: root).output.contains("--config FILE"))
        #expect(run(["help"], in: root).output.contains("sftlint init [--force]"))
        #expect(run(["help", "config"], in: root).output.contains("Usage: sftlint config"))
    }
}
