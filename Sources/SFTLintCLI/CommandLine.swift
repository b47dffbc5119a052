// STUB: the CLI helper implements the command line here.
/// The `sftlint` command: arguments in, report out, exit code back.
public enum SFTLintCommand {
    /// Runs the command and returns its exit code.
    public static func main(_ arguments: [String]) -> Int32 { 0 }
}
