import Testing
@testable import SFTLintCore

@Test func placeholderCore() { #expect(Severity.error > Severity.warning) }
