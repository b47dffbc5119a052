/// A problem that stops a run: unreadable input, a bad option, an unknown rule. Not a defect of the data.
///
/// Messages are lowercase and name the path or flag; the CLI prints them as `error: …` and exits with 2.
public struct SFTLintError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
