/// One input of a run, as the user named it or as a directory walk found it.
public struct InputFile: Sendable, Hashable {
    /// The path as shown in findings; `-` for standard input.
    public var path: String
    /// Position among the run's inputs.
    public var index: Int

    public init(path: String, index: Int) {
        self.path = path
        self.index = index
    }
}
