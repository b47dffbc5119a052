/// Renders a report in one output format; a pure function of the `Report`.
public protocol Reporter: Sendable {
    /// The value of `--format`.
    static var id: String { get }
    static var summary: String { get }
    func render(_ report: Report) -> String
}
