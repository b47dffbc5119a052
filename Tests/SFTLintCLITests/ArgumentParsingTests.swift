import SFTLintCore
import Testing

@testable import SFTLintCLI

@Suite struct ArgumentParsingTests {
    func parse(_ arguments: [String]) throws -> CheckCommand { try CheckCommand(arguments: arguments) }

    func message(_ arguments: [String]) -> String? {
        do throws(UsageError) {
            _ = try CheckCommand(arguments: arguments)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func defaults() throws {
        let command = try parse([])
        #expect(command.inputs == [.path(".")])
        #expect(command.reporter.id == "text")
        #expect(command.inputFormat == nil)
        #expect(command.select.isEmpty && command.ignore.isEmpty)
        #expect(command.gate == Gate(failOn: .error, failUnder: nil, isExitZero: false))
        #expect(!command.isStatisticsOnly && !command.isQuiet && !command.isHelp)
        #expect(command.color == .auto)
        #expect(command.output == nil)
        #expect(command.jobs == 0)
        #expect(command.settings == RuleSettings())
    }

    @Test func pathsAndStandardInput() throws {
        #expect(try parse(["a.jsonl", "-", "dir/"]).inputs == [.path("a.jsonl"), .standardInput, .path("dir/")])
        #expect(try parse(["--", "--quiet", "-"]).inputs == [.path("--quiet"), .standardInput])
        #expect(try parse(["a", "--quiet", "b"]).inputs == [.path("a"), .path("b")])
    }

    @Test(arguments: [["--format", "json"], ["--format=json"]])
    func format(arguments: [String]) throws {
        #expect(try parse(arguments).reporter.id == "json")
    }

    @Test func valueOptionsInBothForms() throws {
        for (separate, joined) in [
            (["--input-format", "prompt-completion"], ["--input-format=prompt-completion"]),
            (["--fail-on", "warning"], ["--fail-on=warning"]),
            (["--fail-under", "92.5"], ["--fail-under=92.5"]),
            (["--color", "always"], ["--color=always"]),
            (["--output", "report.json"], ["--output=report.json"]),
            (["--jobs", "3"], ["--jobs=3"]),
        ] {
            let a = try parse(separate)
            let b = try parse(joined)
            #expect(a.inputFormat == b.inputFormat && a.gate == b.gate && a.color == b.color)
            #expect(a.output == b.output && a.jobs == b.jobs)
        }
        #expect(try parse(["--input-format", "sharegpt"]).inputFormat == .sharegpt)
        #expect(try parse(["--input-format=prompt-completion"]).inputFormat == .promptCompletion)
        #expect(try parse(["--fail-on", "info"]).gate.failOn == .info)
        #expect(try parse(["--fail-on=never"]).gate.failOn == .never)
        #expect(try parse(["--fail-under", "92.5"]).gate.failUnder == 92.5)
        #expect(try parse(["--fail-under=0"]).gate.failUnder == 0)
        #expect(try parse(["--fail-under=100"]).gate.failUnder == 100)
        #expect(try parse(["--color=never"]).color == .never)
        #expect(try parse(["--output", "out/report.json"]).output == ReportFile(path: "out/report.json"))
        #expect(try parse(["--jobs=8"]).jobs == 8)
        #expect(try parse([]).maxFindingsPerRule == 1000)
        #expect(try parse(["--max-findings-per-rule", "0"]).maxFindingsPerRule == 0)
        #expect(try parse(["--max-findings-per-rule=25"]).maxFindingsPerRule == 25)
    }

    @Test func equalsKeepsTheRestOfTheValue() throws {
        #expect(try parse(["--output=a=b.txt"]).output == ReportFile(path: "a=b.txt"))
        #expect(try parse(["--output=--odd"]).output == ReportFile(path: "--odd"))
    }

    @Test func selectAndIgnoreRepeat() throws {
        let command = try parse(["--select", "S,D002", "--select=E", "--ignore", "S005", "--ignore=role-order"])
        #expect(command.select == ["S,D002", "E"])
        #expect(command.ignore == ["S005", "role-order"])
    }

    @Test func ruleOptions() throws {
        #expect(try parse(["--eos", "</s>"]).settings.eos == "</s>")
        #expect(try parse(["--eos=<|im_end|>"]).settings.eos == "<|im_end|>")
        #expect(try parse(["--eos", "</s>", "--eos", "<|eot_id|>"]).settings.eos == "<|eot_id|>")
        let tokens = try parse(["--special-token", "<|a|>", "--special-token=[B]", "data.jsonl"])
        #expect(tokens.settings.specialTokens == ["<|a|>", "[B]"])
        #expect(tokens.inputs == [.path("data.jsonl")])
        #expect(try parse(["--eos", "</s>"]).settings.arguments == ["--eos", "</s>"])
    }

    @Test func flags() throws {
        let command = try parse(["--exit-zero", "--statistics", "--quiet"])
        #expect(command.gate.isExitZero && command.isStatisticsOnly && command.isQuiet)
        #expect(try parse(["-h"]).isHelp)
        #expect(try parse(["x", "--help"]).isHelp)
    }

    @Test func lastValueWins() throws {
        #expect(try parse(["--format", "json", "--format", "text"]).reporter.id == "text")
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["-x"], "unknown option '-x'"),
        (["--bogus=1"], "unknown option '--bogus'"),
        (["--quiet=yes"], "--quiet takes no value"),
        (["--format"], "--format expects one of text, json, markdown, html, sarif, github, junit"),
        (["--format", "--quiet"], "--format expects one of text, json, markdown, html, sarif, github, junit"),
        (["--format", "xml"], "--format expects one of text, json, markdown, html, sarif, github, junit, got 'xml'"),
        (["--format="], "--format expects one of text, json, markdown, html, sarif, github, junit, got ''"),
        (
            ["--input-format", "chatml"],
            "--input-format expects one of alpaca, sharegpt, openai, text, prompt-completion, got 'chatml'"
        ),
        (["--fail-on", "fatal"], "--fail-on expects one of error, warning, info, never, got 'fatal'"),
        (["--fail-under", "abc"], "--fail-under expects a number from 0 to 100, got 'abc'"),
        (["--fail-under", "-5"], "--fail-under expects a number from 0 to 100, got '-5'"),
        (["--fail-under=100.1"], "--fail-under expects a number from 0 to 100, got '100.1'"),
        (["--fail-under", "nan"], "--fail-under expects a number from 0 to 100, got 'nan'"),
        (["--fail-under"], "--fail-under expects a number from 0 to 100"),
        (["--color", "sometimes"], "--color expects one of auto, always, never, got 'sometimes'"),
        (["--jobs", "0"], "--jobs expects a whole number of 1 or more, got '0'"),
        (["--jobs=two"], "--jobs expects a whole number of 1 or more, got 'two'"),
        (["--max-findings-per-rule", "-1"], "--max-findings-per-rule expects a whole number (0 for no limit), got '-1'"),
        (["--output="], "--output expects a file path, got ''"),
        (["--select"], "--select expects rule codes, prefixes or names"),
        (["--eos"], "--eos expects a token such as </s>"),
        (["--eos="], "--eos expects a token such as </s>, got ''"),
        (["--special-token"], "--special-token expects a token such as <|my_end|>"),
        (["--special-token="], "--special-token expects a token such as <|my_end|>, got ''"),
    ])
    func usageErrors(arguments: [String], expected: String) {
        #expect(message(arguments) == expected)
    }

    @Test func helpListsEveryOption() {
        for spec in CheckCommand.specs {
            #expect(CheckCommand.usage.contains(spec.name))
        }
        #expect(CheckCommand.usage.contains("  -h, --help"))
        #expect(CheckCommand.usage.contains("--fail-under SCORE"))
    }
}
