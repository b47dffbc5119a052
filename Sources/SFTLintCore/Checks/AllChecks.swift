/// Every built-in rule, sorted by code. Edited by hand when a check is added.
public let allChecks: [any Check] = [
    InvalidJSONCheck(),
    InvalidUTF8Check(),
    DuplicateKeyCheck(),
    NotAnObjectCheck(),
    UnknownFormatCheck(),
    MissingFieldCheck(),
    WrongTypeCheck(),
    EmptyFieldCheck(),
    UnknownFieldCheck(),
    MixedFormatsCheck(),
    InconsistentFieldsCheck(),
    UnknownRoleCheck(),
    RoleOrderCheck(),
    NoAssistantTurnCheck(),
    EmptyTurnCheck(),
    RoleTagDriftCheck(),
]
