import SFTLintCore
import Testing

@testable import SFTLintCLI

/// `--max-tokens` sets the token budget of L002 and `stats.budget`.
@Suite struct MaxTokensOptionTests {
    @Test func maxTokensReachesTheEngine() throws {
        #expect(try CheckCommand(arguments: []).settings.maxTokens == nil)
        #expect(try CheckCommand(arguments: ["--max-tokens", "4096"]).settings.maxTokens == 4096)
        let calls = LintCalls()
        _ = Harness.run(["check", "data.jsonl", "--max-tokens=2048"], calls: calls)
        #expect(calls.calls.first?.options.settings.maxTokens == 2048)
    }

    @Test func maxTokensMustBeAWholeNumber() {
        for value in ["0", "many", "-5", "1.5"] {
            do throws(UsageError) {
                _ = try CheckCommand(arguments: ["--max-tokens", value])
                Issue.record("accepted \(value)")
            } catch {
                #expect(error.message == "--max-tokens expects a whole number of 1 or more, got '\(value)'")
            }
        }
    }

    @Test func examplesShowTheirBudget() {
        var settings = RuleSettings()
        settings.maxTokens = 20
        #expect(settings.arguments == ["--max-tokens", "20"])
    }
}
