import SFTLintCore
import Testing

@testable import SFTLintCLI

@Suite struct CommandTests {
    let hint = "run 'sftlint --help' for usage\n"

    @Test func noArgumentsPrintsUsageToStandardError() {
        let outcome = Harness.run([])
        #expect(outcome.status == .error)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors == SFTLintCommand.usage)
    }

    @Test func version() {
        let outcome = Harness.run(["--version"])
        #expect(outcome.status == .success)
        #expect(outcome.output == "sftlint \(SFTLintCommand.version)\n")
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func help(arguments: [String]) {
        let outcome = Harness.run(arguments)
        #expect(outcome.status == .success)
        #expect(outcome.output == SFTLintCommand.usage)
        #expect(outcome.errors.isEmpty)
    }

    @Test func commandHelp() {
        #expect(Harness.run(["check", "--help"]).output == CheckCommand.usage)
        #expect(Harness.run(["help", "check"]).output == CheckCommand.usage)
        #expect(Harness.run(["rules", "-h"]).output == RulesCommand.usage)
        #expect(Harness.run(["help", "rules"]).output == RulesCommand.usage)
    }

    @Test func checkHelpDoesNotLint() {
        let calls = LintCalls()
        #expect(Harness.run(["check", "--help", "--bogus-later=1"], calls: calls).status == .error)
        #expect(Harness.run(["check", "data.jsonl", "--help"], calls: calls).status == .success)
        #expect(calls.calls.isEmpty)
    }

    @Test(arguments: [
        (["lint"], "unknown command 'lint'"),
        (["--verbose"], "unknown option '--verbose'"),
        (["help", "lint"], "unknown command 'lint'"),
        (["check", "--fail-under", "abc"], "--fail-under expects a number from 0 to 100, got 'abc'"),
        (["rules", "S011", "D002"], "rules takes at most one rule, got 2"),
        (["rules", "--format", "xml"], "--format expects one of text, json, got 'xml'"),
        (["rules", "X999"], "unknown rule 'X999'; see 'sftlint rules'"),
    ])
    func usageErrorsExitTwoWithAHint(arguments: [String], message: String) {
        let outcome = Harness.run(arguments)
        #expect(outcome.status == .error)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors == "error: \(message)\n" + hint)
    }

    // MARK: - check

    @Test func checkPassesOptionsToTheEngine() throws {
        let calls = LintCalls()
        _ = Harness.run(
            ["check", "a.jsonl", "-", "--input-format", "openai", "--jobs", "2", "--select", "S", "--ignore=S011"],
            calls: calls)
        let call = try #require(calls.calls.first)
        #expect(call.inputs == [.path("a.jsonl"), .standardInput])
        #expect(call.options.inputFormat == .openai)
        #expect(call.options.jobs == 2)
        #expect(call.options.version == SFTLintCommand.version)
        let included = Harness.rules.filter(call.options.selection.includes).map(\.code)
        #expect(included.isEmpty)
        let noPath = LintCalls()
        _ = Harness.run(["check"], calls: noPath)
        #expect(noPath.calls.first?.inputs == [.path(".")])
        #expect(noPath.calls.first?.options.selection == RuleSelection.all)
    }

    @Test func checkPrintsTheReportAndGates() {
        let failing = Harness.report([.error, .warning], score: 90)
        let outcome = Harness.run(["check"], report: failing)
        #expect(outcome.status == .failure)
        #expect(outcome.output == TextReporter().render(failing))
        #expect(outcome.errors.isEmpty)
        #expect(Harness.run(["check", "--exit-zero"], report: failing).status == .success)
        #expect(Harness.run(["check", "--fail-on", "never"], report: failing).status == .success)
        #expect(Harness.run(["check", "--fail-on", "never", "--fail-under", "95"], report: failing).status == .failure)
        let warnings = Harness.report([.warning], score: 99)
        #expect(Harness.run(["check"], report: warnings).status == .success)
        #expect(Harness.run(["check", "--fail-on=warning"], report: warnings).status == .failure)
    }

    @Test func checkRendersTheChosenFormat() {
        let report = Harness.report([.error])
        #expect(Harness.run(["check", "--format", "json"], report: report).output == JSONReporter().render(report))
        let statistics = Harness.run(["check", "--statistics"], report: report).output
        #expect(statistics == TextReporter(options: .init(statisticsOnly: true)).render(report))
        #expect(
            Harness.run(["check", "--quiet"], report: report).output
                == TextReporter(options: .init(quiet: true)).render(report))
    }

    @Test func unknownRuleStopsBeforeLinting() {
        let calls = LintCalls()
        let outcome = Harness.run(["check", "--select", "S011,X"], calls: calls)
        #expect(outcome.status == .error)
        #expect(outcome.errors == "error: unknown rule 'X' in --select; see 'sftlint rules'\n")
        #expect(calls.calls.isEmpty)
    }

    @Test func engineErrorsExitTwoEvenWithExitZero() {
        let failure = SFTLintError("cannot read 'missing.jsonl': no such file or directory")
        for arguments in [["check", "missing.jsonl"], ["check", "--exit-zero", "missing.jsonl"]] {
            let outcome = Harness.run(arguments, failure: failure)
            #expect(outcome.status == .error)
            #expect(outcome.output.isEmpty)
            #expect(outcome.errors == "error: cannot read 'missing.jsonl': no such file or directory\n")
        }
    }

    @Test func colorFollowsTerminalAndNoColor() {
        let report = Harness.report([.error])
        let escape = "\u{1B}["
        #expect(Harness.run(["check"], report: report, isTerminal: true).output.contains(escape))
        #expect(!Harness.run(["check"], report: report, isTerminal: false).output.contains(escape))
        let noColor = ["NO_COLOR": "1"]
        #expect(!Harness.run(["check"], report: report, environment: noColor, isTerminal: true).output.contains(escape))
        let always = Harness.run(["check", "--color", "always"], report: report, environment: noColor)
        #expect(always.output.contains(escape))
        #expect(!Harness.run(["check", "--color=never"], report: report, isTerminal: true).output.contains(escape))
    }

    // MARK: - rules

    @Test func rulesListsEveryRuleSortedByCode() {
        let outcome = Harness.run(["rules"])
        #expect(outcome.status == .success)
        #expect(
            outcome.output == """
                CODE  NAME                  SEVERITY  SUMMARY
                D002  conflicting-response  warning   Summary of conflicting-response.
                L004  short-response        info      Summary of short-response.
                S011  empty-turn            error     Summary of empty-turn.

                """)
    }

    @Test func longExamplesShowTheirEndsUnlessAFlaggedLineIsInTheMiddle() {
        let lines = ["! {\"n\": 0}"] + (1..<500).map { "{\"n\": \($0)}" }
        let short = RulesCommand.shortened(lines.map { Substring($0) }, code: "V001")
        #expect(short.count == 11)
        #expect(short[0] == "! {\"n\": 0}" && short[7] == "{\"n\": 7}" && short[10] == "{\"n\": 499}")
        #expect(short[8] == "… 490 more lines like these ('sftlint rules V001 --format json' prints them all)")
        var flagged = lines
        flagged[250] = "! {\"n\": 250}"
        #expect(RulesCommand.shortened(flagged.map { Substring($0) }, code: "V001").count == 500)
        let sixteen = lines.prefix(16).map { Substring($0) }
        #expect(RulesCommand.shortened(Array(sixteen), code: "V001") == Array(sixteen))
    }

    @Test(arguments: ["L004", "l004", "short-response"])
    func rulesExplainsOne(selector: String) {
        let outcome = Harness.run(["rules", selector])
        #expect(outcome.status == .success)
        #expect(
            outcome.output == """
                L004 short-response

                  severity: info
                  category: length
                  activation: only with --min-response-length

                Summary of short-response.

                Why it matters: Why short-response hurts.

                Triggers (lines marked '! ' are flagged):

                    {"a": 1}
                    ! {"a": 2}

                Does not trigger:

                    {"a": 3}

                    {"a": 4}

                """)
    }

    @Test func rulesAsJSON() {
        let list = Harness.run(["rules", "--format", "json"]).output
        #expect(list.hasPrefix("[\n  {\n    \"category\": \"duplicates\",\n    \"code\": \"D002\",\n"))
        #expect(!list.contains("triggering"))
        #expect(list.hasSuffix("]\n"))
        let one = Harness.run(["rules", "--format=json", "empty-turn"]).output
        #expect(
            one == """
                {
                  "activation": null,
                  "category": "structure",
                  "code": "S011",
                  "name": "empty-turn",
                  "nonTriggering": [
                    "{\\"a\\": 3}",
                    "{\\"a\\": 4}"
                  ],
                  "rationale": "Why empty-turn hurts.",
                  "severity": "error",
                  "summary": "Summary of empty-turn.",
                  "triggering": [
                    "{\\"a\\": 1}\\n! {\\"a\\": 2}"
                  ]
                }

                """)
    }

    @Test func builtInToolkitUsesAllChecks() {
        #expect(Toolkit.builtIn.rules.map(\.code) == allChecks.map { type(of: $0).info.code })
    }
}
