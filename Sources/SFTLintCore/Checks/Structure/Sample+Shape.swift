extension Sample {
    /// Whether the record was read completely enough for rules about its turns to judge it: a known format and
    /// no defect that dropped or misread a turn. Rules about turn order stay quiet otherwise, so one broken field
    /// yields one finding rather than a cascade.
    public var isWellFormed: Bool {
        guard format != nil else { return false }
        return !defects.contains { defect in
            switch defect {
            case .invalidJSON, .notAnObject, .unknownFormat, .missingField, .wrongType, .unknownRole: true
            case .invalidUTF8, .duplicateKey, .emptyField, .unknownField, .emptyTurn: false
            }
        }
    }
}
