import SFTLintCore

/// `sftlint config [OPTIONS]`: prints the configuration a check would run with, the config file and the flags
/// merged, as a config file.
struct ConfigCommand {
    static let usage = """
        Usage: sftlint config [OPTIONS]

        Prints the effective configuration as JSON: the config file (--config FILE, or the nearest sftlint.json
        or .sftlint.json in the working directory or above) with the options of 'sftlint check' laid over it.
        Every key is shown, at its default when nothing sets it; the "//" key names the file read.

        Options: those of 'sftlint check' (see 'sftlint check --help').

        """

    let check: CheckCommand

    init(arguments: [String]) throws(UsageError) {
        if let path = try ArgumentParser.parse(arguments, specs: CheckCommand.specs).positionals.first {
            throw UsageError("config takes no paths, got '\(path)': the configuration doesn't depend on them")
        }
        check = try CheckCommand(arguments: arguments)
    }

    func run(console: inout Console, toolkit: Toolkit) -> ExitStatus {
        if check.isHelp {
            console.print(ConfigCommand.usage)
            return .success
        }
        do throws(SFTLintError) {
            let configuration = try check.effectiveConfiguration(toolkit: toolkit)
            // Resolving the options checks what only the whole configuration shows, such as a selection.
            let options = try check.lintOptions(configuration, toolkit: toolkit)
            console.print(JSONWriter().write(configuration.json(defaults: options)) + "\n")
            return .success
        } catch {
            console.printError(error.message)
            return .error
        }
    }
}
