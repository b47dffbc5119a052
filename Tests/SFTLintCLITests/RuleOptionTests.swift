import SFTLintCore
import Testing

@testable import SFTLintCLI

/// Options of individual rules reach the engine as `RuleSettings`.
@Suite struct RuleOptionTests {
    @Test func shortResponseWordsSetsTheFloorOfL001() throws {
        #expect(try CheckCommand(arguments: []).settings.shortResponseWords == 2)
        #expect(try CheckCommand(arguments: ["--short-response-words", "5"]).settings.shortResponseWords == 5)
        let calls = LintCalls()
        _ = Harness.run(["check", "data.jsonl", "--short-response-words=3"], calls: calls)
        #expect(calls.calls.first?.options.settings.shortResponseWords == 3)
    }

    @Test func shortResponseWordsMustBeAWholeNumber() {
        for value in ["0", "two", "-1"] {
            do throws(UsageError) {
                _ = try CheckCommand(arguments: ["--short-response-words", value])
                Issue.record("accepted \(value)")
            } catch {
                #expect(error.message == "--short-response-words expects a whole number of 1 or more, got '\(value)'")
            }
        }
    }
}
