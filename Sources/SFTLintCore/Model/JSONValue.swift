/// A JSON value to write: what reporters build and `JSONWriter` prints, and what statistics are made of.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number printed with exactly `places` decimals, such as a score: `93.8`, `100.0`.
    case decimal(Double, places: Int)
    case string(String)
    case array([JSONValue])
    /// Written with keys sorted, whatever the dictionary's order.
    case object([String: JSONValue])

    /// `.integer(value)`, or `.null` when there is no value.
    public static func integer(_ value: Int?) -> JSONValue {
        value.map { .integer($0) } ?? .null
    }
}

