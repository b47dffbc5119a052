/// The kind of a JSON value, named as messages say it.
public enum JSONKind: UInt8, Sendable, Hashable {
    case object
    case array
    case string
    case number
    case bool
    case null

    /// `an object`, `a string`, `null`: the phrase used in messages.
    public var phrase: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// `object`, `string`: the bare name used in counts.
    public var name: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
