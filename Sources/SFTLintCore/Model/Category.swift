/// A family of rules, named by the first letter of their codes.
public enum Category: String, Sendable, Hashable, CaseIterable {
    case json
    case structure
    case duplicates
    case endings
    case content
    case length
    case diversity

    /// The code letter: `J` for `J001`.
    public var letter: Character {
        switch self {
        case .json: "J"
        case .structure: "S"
        case .duplicates: "D"
        case .endings: "E"
        case .content: "C"
        case .length: "L"
        case .diversity: "V"
        }
    }

    /// The category of a rule code such as `S009`, or nil for a code with an unknown letter.
    public init?(code: String) {
        guard let first = code.first, let match = Category.allCases.first(where: { $0.letter == first }) else {
            return nil
        }
        self = match
    }
}
