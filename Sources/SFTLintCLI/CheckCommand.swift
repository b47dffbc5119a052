import SFTLintCore

/// `sftlint check [OPTIONS] [PATH...]`: lints the inputs, prints the report, and gates the exit code.
struct CheckCommand {
    static let specs: [OptionSpec] = [
        .choice("--format", "FORMAT", allReporters.map { $0.id }, default: TextReporter.id, help: "report format"),
        .choice(
            "--input-format", "FORMAT", SampleFormat.allCases.map(\.rawValue),
            help: "skip detection, read every record as"),
        .value(
            "--select", "RULES", expects: rulesValue,
            help: "run only these rules (codes, prefixes, names; comma-separated)"),
        .value("--ignore", "RULES", expects: rulesValue, help: "skip these rules"),
        .choice(
            "--fail-on", "SEVERITY", Gate.FailOn.allCases.map(\.rawValue), default: Gate.FailOn.error.rawValue,
            help: "exit 1 on a finding this severe or worse"),
        .value(
            "--fail-under", "SCORE", expects: "a number from 0 to 100", help: "exit 1 when the score is below SCORE"),
        .value(
            "--baseline", "FILE", expects: "a baseline file path",
            help: "report only findings not in FILE; counts, score and the gate see only those"),
        .value(
            "--write-baseline", "FILE", expects: "a file path",
            help: "record every finding in FILE as accepted, and exit 0"),
        .flag("--exit-zero", help: "exit 0 even when the data fails (usage and input errors still exit 2)"),
        .flag("--statistics", help: "text: print only the per-rule counts, the statistics and the summary line"),
        .flag("--quiet", help: "text: print only the findings and the summary line"),
        .choice(
            "--color", "WHEN", ColorChoice.allCases.map(\.rawValue), default: ColorChoice.auto.rawValue,
            help: "colour the text report"),
        .value("--output", "FILE", expects: "a file path", help: "write the report to FILE instead of standard output"),
        .value(
            "--html", "FILE", expects: "a file path",
            help: "also write a self-contained HTML report to FILE, whatever --format says"),
        .value("--jobs", "N", expects: "a whole number of 1 or more", help: "worker threads (default: one per core)"),
        .value(
            "--max-findings-per-rule", "N", expects: "a whole number (0 for no limit)",
            help: "list at most N findings of each rule (default 1000; all are counted)"),
        .value(
            "--near-dup-threshold", "T", expects: "a number above 0 and at most 1",
            help: "similarity at which prompts are near-duplicates (D003, D004; default 0.8)"),
        .value(
            "--against", "PATH", expects: "a file or directory path",
            help: "eval or benchmark data training prompts must not repeat (D004; repeatable)"),
        .value(
            "--short-response-words", "N", expects: "a whole number of 1 or more",
            help: "L001: responses with fewer words are short (default 2; a CJK character counts half)"),
        .value(
            "--max-tokens", "N", expects: "a whole number of 1 or more",
            help: "the training sequence length in estimated tokens: L002 and stats.budget"),
        .value(
            "--eos", "TOKEN", expects: "a token such as </s>",
            help: "the model's end-of-sequence token: every response must end with it (E001)"),
        .value(
            "--special-token", "TOKEN", expects: "a token such as <|my_end|>",
            help: "also flag this control token in content (E003); repeatable"),
        .value(
            "--config", "FILE", expects: "a file path",
            help: "read this config file instead of the nearest sftlint.json or .sftlint.json"),
        .flag("--no-config", help: "read no config file"),
        .flag("--help", short: "-h", help: "print this help"),
    ]

    private static let rulesValue = "rule codes, prefixes or names"

    static let usage = """
        Usage: sftlint check [OPTIONS] [PATH...]

        Lints SFT datasets: JSON or JSONL files, directories (walked), or '-' for standard input.
        With no PATH, lints the current directory.

        Options:
        \(ArgumentParser.help(specs))
        --color auto colours only a terminal, and not when NO_COLOR is set.
        Settings come from sftlint.json (or .sftlint.json), the nearest one in the working directory or above;
        flags override it. 'sftlint config' prints the result, 'sftlint init' writes a starter.
        Exit codes: 0 passed, 1 the data failed --fail-on or --fail-under, 2 usage or input error.

        """

    var inputs: [InputSource] = [.path(".")]
    var reporter: any Reporter.Type = TextReporter.self
    var inputFormat: SampleFormat?
    var select: [String] = []
    var ignore: [String] = []
    var gate = Gate()
    var isStatisticsOnly = false
    var isQuiet = false
    var color = ColorChoice.auto
    var output: ReportFile?
    /// `--html`: a second report, always HTML, besides the one `--format` chooses.
    var html: ReportFile?
    var jobs = 0
    var maxFindingsPerRule = 1000
    var isHelp = false
    /// Options of individual rules (`--eos`, `--special-token`).
    var settings = RuleSettings()
    /// `--config FILE`; nil looks for a config file from the working directory.
    var configPath: String?
    var isConfigDisabled = false
    var baselineOptions = BaselineOptions()
    /// Long names of the options given, so that the config file sets only the others.
    var given: Set<String> = []

    /// Parses the arguments after `check`.
    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentParser.parse(arguments, specs: CheckCommand.specs)
        given = Set(parsed.options.map(\.name))
        for option in parsed.options {
            try apply(option)
        }
        if !parsed.positionals.isEmpty {
            inputs = parsed.positionals.map { $0 == "-" ? .standardInput : .path($0) }
        }
        if inputs.contains(.standardInput), settings.against.contains(.standardInput) {
            throw UsageError("standard input can't be both the data and --against")
        }
        if inputs.filter({ $0 == .standardInput }).count > 1 {
            throw UsageError("'-' (standard input) is given twice; it can be read only once")
        }
        if configPath != nil && isConfigDisabled {
            throw UsageError("--config and --no-config contradict each other; give one")
        }
    }

    private mutating func apply(_ option: ParsedArguments.Option) throws(UsageError) {
        guard let spec = CheckCommand.specs.first(where: { $0.name == option.name }) else { return }
        let value = option.value ?? ""
        switch option.name {
        case "--format": reporter = try spec.parse(value, reporterType(id:))
        case "--input-format": inputFormat = try spec.parse(value, SampleFormat.init(rawValue:))
        case "--select": select.append(value)
        case "--ignore": ignore.append(value)
        case "--fail-on": gate.failOn = try spec.parse(value, Gate.FailOn.init(rawValue:))
        case "--fail-under":
            gate.failUnder = try spec.parse(value) { Double($0).flatMap { (0...100).contains($0) ? $0 : nil } }
        case "--baseline": baselineOptions.readPath = try spec.parse(value) { $0.isEmpty ? nil : $0 }
        case "--write-baseline":
            baselineOptions.output = try spec.parse(value) { $0.isEmpty ? nil : ReportFile(path: $0) }
        case "--exit-zero": gate.isExitZero = true
        case "--statistics": isStatisticsOnly = true
        case "--quiet": isQuiet = true
        case "--color": color = try spec.parse(value, ColorChoice.init(rawValue:))
        case "--output": output = try spec.parse(value) { $0.isEmpty ? nil : ReportFile(path: $0) }
        case "--html": html = try spec.parse(value) { $0.isEmpty ? nil : ReportFile(path: $0) }
        case "--jobs": jobs = try spec.parse(value) { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        case "--max-findings-per-rule": maxFindingsPerRule = try spec.parse(value) { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        case "--near-dup-threshold":
            settings.nearDuplicateThreshold = try spec.parse(value) {
                Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil }
            }
        case "--against":
            settings.against.append(try spec.parse(value) { $0.isEmpty ? nil : $0 == "-" ? .standardInput : .path($0) })
        case "--max-tokens": settings.maxTokens = try spec.parse(value) { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        case "--eos": settings.eos = try spec.parse(value) { $0.isEmpty ? nil : $0 }
        case "--special-token": settings.specialTokens.append(try spec.parse(value) { $0.isEmpty ? nil : $0 })
        case "--help": isHelp = true
        case "--config": configPath = try spec.parse(value) { $0.isEmpty ? nil : $0 }
        case "--no-config": isConfigDisabled = true
        case "--short-response-words":
            settings.shortResponseWords = try spec.parse(value) { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        default: break
        }
    }

    // MARK: - Running

    /// Lints, writes the report, and returns the exit status.
    func run(console: inout Console, toolkit: Toolkit) -> ExitStatus {
        if isHelp {
            console.print(CheckCommand.usage)
            return .success
        }
        do throws(UsageError) {
            // Eval data given with --against is an input too.
            try output?.checkNotInput(inputs + settings.against)
            try html?.checkNotInput(inputs + settings.against, option: "--html")
            try baselineOptions.output?.checkNotInput(inputs + settings.against, option: "--write-baseline")
            if let html, let output, html.isSameFile(as: output) {
                throw UsageError("--html and --output name the same file '\(html.path)'")
            }
        } catch {
            console.printUsageError(error)
            return .error
        }
        var report: Report
        let gate: Gate
        do throws(SFTLintError) {
            let baseline = try baselineOptions.load()
            let configuration = try effectiveConfiguration(toolkit: toolkit)
            gate = self.gate.adopting(configuration)
            var options = try lintOptions(configuration, toolkit: toolkit)
            let limit = options.maxFindingsPerRule
            if baselineOptions.isActive { options.maxFindingsPerRule = 0 }
            options.isFingerprinting = baselineOptions.isActive || reporter.showsFingerprints
            report = try toolkit.lint(inputs, options)
            report = try baselineOptions.apply(
                to: report, baseline: baseline, maxFindingsPerRule: limit, console: &console)
        } catch {
            console.printError(error.message)
            return .error
        }
        let isTerminal = output == nil && console.isTerminal
        let options = ReporterOptions(
            color: color.isEnabled(isTerminal: isTerminal, environment: console.environment),
            statisticsOnly: isStatisticsOnly, quiet: isQuiet)
        if let html {
            do throws(SFTLintError) {
                try html.write(HTMLReporter(options: options).render(report))
            } catch {
                console.printError(error.message)
                return .error
            }
        }
        let text = reporter.init(options: options).render(report)
        if let output {
            do throws(SFTLintError) {
                try output.write(text)
            } catch {
                console.printError(error.message)
                return .error
            }
        } else {
            console.print(text)
        }
        return baselineOptions.output == nil ? gate.status(for: report) : .success
    }
}

extension OptionSpec {
    /// `convert(value)`, or the error that says what the option expects.
    func parse<T>(_ value: String, _ convert: (String) -> T?) throws(UsageError) -> T {
        guard let result = convert(value) else { throw invalid(value) }
        return result
    }
}
