import Foundation
import SFTLintCore

/// `sftlint init [--force]`: writes a starter `sftlint.json` for the data in the working directory.
struct InitCommand {
    static let specs: [OptionSpec] = [
        .flag("--force", help: "replace an existing config file"),
        .flag("--help", short: "-h", help: "print this help"),
    ]

    static let usage = """
        Usage: sftlint init [OPTIONS]

        Writes sftlint.json in the working directory for the data found there: the detected formats and the
        end-of-sequence token most responses end with, noted in "//" keys, and the common keys at their defaults.
        Refuses to replace an existing sftlint.json or .sftlint.json unless --force is given.

        Options:
        \(ArgumentParser.help(specs))
        """

    var isForced = false
    var isHelp = false

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentParser.parse(arguments, specs: InitCommand.specs)
        guard parsed.positionals.isEmpty else {
            throw UsageError("init takes no paths: it looks at the working directory")
        }
        isForced = parsed.options.contains { $0.name == "--force" }
        isHelp = parsed.options.contains { $0.name == "--help" }
    }

    func run(console: inout Console, toolkit: Toolkit) -> ExitStatus {
        if isHelp {
            console.print(InitCommand.usage)
            return .success
        }
        let directory = toolkit.workingDirectory
        let target = directory == "." ? "sftlint.json" : (directory as NSString).appendingPathComponent("sftlint.json")
        let existing = Configuration.fileNames.filter {
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0))
        }
        if let name = existing.first, !isForced {
            console.printError("\(name) already exists; use --force to replace it")
            return .error
        }
        do throws(SFTLintError) {
            let starter = try StarterConfig(directory: directory)
            let text = JSONWriter().write(starter.json) + "\n"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                throw SFTLintError("cannot write '\(target)': \(error.localizedDescription)")
            }
            let eos = starter.eos.map { "eos \($0)" } ?? "no eos guessed"
            console.print("wrote \(target) for \(starter.files.count) data file(s); \(eos)\n")
            return .success
        } catch {
            console.printError(error.message)
            return .error
        }
    }
}
