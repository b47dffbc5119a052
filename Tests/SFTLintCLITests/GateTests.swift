import SFTLintCore
import Testing

@testable import SFTLintCLI

@Suite struct GateTests {
    let clean = Harness.report()
    let infos = Harness.report([.info, .info])
    let warning = Harness.report([.info, .warning])
    let error = Harness.report([.warning, .error, .info])

    @Test func failOnErrorByDefault() {
        let gate = Gate()
        #expect(gate.status(for: clean) == .success)
        #expect(gate.status(for: infos) == .success)
        #expect(gate.status(for: warning) == .success)
        #expect(gate.status(for: error) == .failure)
    }

    @Test func failOnLowerSeverities() {
        let onWarning = Gate(failOn: .warning)
        #expect(onWarning.status(for: infos) == .success)
        #expect(onWarning.status(for: warning) == .failure)
        #expect(onWarning.status(for: error) == .failure)
        let onInfo = Gate(failOn: .info)
        #expect(onInfo.status(for: clean) == .success)
        #expect(onInfo.status(for: infos) == .failure)
    }

    @Test func failOnNever() {
        #expect(Gate(failOn: .never).status(for: error) == .success)
        #expect(Gate(failOn: .never, failUnder: 99).status(for: Harness.report([.error], score: 90.5)) == .failure)
    }

    @Test func failUnderComparesTheScore() {
        let gate = Gate(failOn: .never, failUnder: 93.8)
        #expect(gate.status(for: Harness.report(score: 93.7)) == .failure)
        #expect(gate.status(for: Harness.report(score: 93.8)) == .success)
        #expect(gate.status(for: Harness.report(score: 100)) == .success)
        #expect(Gate(failUnder: 0).status(for: Harness.report(score: 0)) == .success)
        #expect(Gate(failUnder: 100).status(for: Harness.report(score: 99.9)) == .failure)
    }

    @Test func exitZeroPasses() {
        let gate = Gate(failOn: .info, failUnder: 100, isExitZero: true)
        #expect(gate.isFailing(Harness.report([.error], score: 10)))
        #expect(gate.status(for: Harness.report([.error], score: 10)) == .success)
    }

    @Test func exitCodesAreDocumented() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.failure.rawValue == 1)
        #expect(ExitStatus.error.rawValue == 2)
    }

    @Test func autoColorNeedsATerminalAndNoNoColor() {
        #expect(ColorChoice.auto.isEnabled(isTerminal: true, environment: [:]))
        #expect(ColorChoice.auto.isEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColorChoice.auto.isEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.auto.isEnabled(isTerminal: false, environment: [:]))
    }

    @Test func explicitColorWinsOverNoColor() {
        #expect(ColorChoice.always.isEnabled(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.isEnabled(isTerminal: true, environment: [:]))
    }
}
