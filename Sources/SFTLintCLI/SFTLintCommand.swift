import Foundation
import SFTLintCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The `sftlint` command: arguments in, report out, exit code back.
public enum SFTLintCommand {
    /// The version `--version` prints and reports carry.
    public static let version = "0.1.0"

    static let usage = """
        sftlint \(version): lint LLM fine-tuning (SFT) datasets before training on them

        Usage:
          sftlint check [OPTIONS] [PATH...]   lint datasets and print a scored report
          sftlint rules [RULE]                list the rules, or explain one
          sftlint init [--force]              write a starter sftlint.json for the data here
          sftlint config [OPTIONS]            print the effective configuration (file and flags)
          sftlint help [COMMAND]              print help for sftlint or a command
          sftlint --version                   print the version

        Run 'sftlint check --help' for the options of check.

        """

    /// Runs the command in this process, against the real standard streams and environment.
    public static func main(_ arguments: [String]) -> Int32 {
        var console = Console(
            standardOutput: FileDescriptorStream(descriptor: 1), standardError: FileDescriptorStream(descriptor: 2),
            environment: ProcessInfo.processInfo.environment, isTerminal: isatty(1) == 1)
        return run(arguments, console: &console)
    }

    /// Runs the command with `console` for output and environment, and returns its exit code.
    public static func run(_ arguments: [String], console: inout Console) -> Int32 {
        run(arguments, console: &console, toolkit: .builtIn).rawValue
    }

    static func run(_ arguments: [String], console: inout Console, toolkit: Toolkit) -> ExitStatus {
        let status = dispatch(arguments, console: &console, toolkit: toolkit)
        // A report or listing lost to a full disk or a closed descriptor must not pass as a success.
        if let reason = console.outputFailure {
            console.printError("cannot write to standard output: \(reason)")
            return .error
        }
        return status
    }

    private static func dispatch(_ arguments: [String], console: inout Console, toolkit: Toolkit) -> ExitStatus {
        guard let command = arguments.first else {
            console.standardError.write(usage)
            return .error
        }
        let rest = Array(arguments.dropFirst())
        do throws(UsageError) {
            switch command {
            case "check": return try CheckCommand(arguments: rest).run(console: &console, toolkit: toolkit)
            case "rules": return try RulesCommand(arguments: rest).run(console: &console, toolkit: toolkit)
            case "init": return try InitCommand(arguments: rest).run(console: &console, toolkit: toolkit)
            case "config": return try ConfigCommand(arguments: rest).run(console: &console, toolkit: toolkit)
            case "--version":
                console.print("sftlint \(version)\n")
                return .success
            case "help", "--help", "-h":
                console.print(try help(for: rest.first))
                return .success
            default:
                throw UsageError(
                    command.hasPrefix("-") ? "unknown option '\(command)'" : "unknown command '\(command)'")
            }
        } catch {
            console.printUsageError(error)
            return .error
        }
    }

    /// `sftlint help [COMMAND]`.
    private static func help(for command: String?) throws(UsageError) -> String {
        switch command {
        case nil: usage
        case "check": CheckCommand.usage
        case "rules": RulesCommand.usage
        case "init": InitCommand.usage
        case "config": ConfigCommand.usage
        case let other?: throw UsageError("unknown command '\(other)'")
        }
    }
}

/// What the commands work with: the rules, and how to lint. Tests swap in their own.
struct Toolkit: Sendable {
    var rules: [CheckInfo]
    var lint: @Sendable ([InputSource], LintOptions) throws(SFTLintError) -> Report
    /// Where a config file is looked for and `init` writes one; `.` is the process's working directory.
    var workingDirectory = "."

    /// The built-in checks and the real engine.
    static let builtIn = Toolkit(
        rules: allChecks.map { type(of: $0).info },
        lint: { inputs, options throws(SFTLintError) in try Linter(options: options).run(inputs) })
}
