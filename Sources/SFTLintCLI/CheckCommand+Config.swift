import SFTLintCore

extension CheckCommand {
    /// The command-line flags as a configuration that holds only the keys they set, to lay over the file's.
    var flagConfiguration: Configuration {
        var flags = Configuration()
        if given.contains("--select") { flags.select = select }
        if given.contains("--ignore") { flags.ignore = ignore }
        if given.contains("--fail-on") { flags.failOn = gate.failOn.rawValue }
        if given.contains("--fail-under") { flags.failUnder = gate.failUnder }
        if given.contains("--input-format") { flags.inputFormat = inputFormat }
        if given.contains("--max-findings-per-rule") { flags.maxFindingsPerRule = maxFindingsPerRule }
        if given.contains("--near-dup-threshold") { flags.nearDuplicateThreshold = settings.nearDuplicateThreshold }
        if given.contains("--against") {
            flags.against = settings.against.map { source in
                if case .path(let path) = source { path } else { "-" }
            }
        }
        if given.contains("--short-response-words") { flags.shortResponseWords = settings.shortResponseWords }
        if given.contains("--max-tokens") { flags.maxTokens = settings.maxTokens }
        if given.contains("--eos") { flags.eos = settings.eos }
        if given.contains("--special-token") { flags.specialTokens = settings.specialTokens }
        return flags
    }

    /// The config file (`--config`, or the nearest one, unless `--no-config`) with the flags laid over it.
    func effectiveConfiguration(toolkit: Toolkit) throws(SFTLintError) -> Configuration {
        let file = try ConfigFile.load(
            explicit: configPath, isDisabled: isConfigDisabled, workingDirectory: toolkit.workingDirectory,
            rules: toolkit.rules)
        let configuration = file.merging(flagConfiguration)
        if inputs.contains(.standardInput), configuration.against?.contains("-") == true {
            throw SFTLintError("standard input can't be both the data and against")
        }
        return configuration
    }

    /// The engine's options for `configuration`, over the settings the flags parsed.
    func lintOptions(_ configuration: Configuration, toolkit: Toolkit) throws(SFTLintError) -> LintOptions {
        var options = LintOptions(jobs: jobs, version: SFTLintCommand.version)
        options.settings = settings
        try configuration.apply(to: &options, rules: toolkit.rules)
        return options
    }
}

extension Gate {
    /// This gate with the configuration's `fail-on` and `fail-under`, where it sets them.
    func adopting(_ configuration: Configuration) -> Gate {
        var gate = self
        if let failOn = configuration.failOn.flatMap(FailOn.init(rawValue:)) { gate.failOn = failOn }
        if let failUnder = configuration.failUnder { gate.failUnder = failUnder }
        return gate
    }
}
