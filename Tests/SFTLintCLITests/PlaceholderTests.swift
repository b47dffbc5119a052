import Testing
@testable import SFTLintCLI

@Test func placeholderCLI() { #expect(SFTLintCommand.main([]) == 0) }
