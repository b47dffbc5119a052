#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SFTLintCLI

exit(SFTLintCommand.main(Array(CommandLine.arguments.dropFirst())))
