/// A rule: it knows its code, name, severity and examples. Conform to `SampleCheck` or `DatasetCheck`.
public protocol Check: Sendable {
    static var info: CheckInfo { get }
    /// This check's rule; the engine reads it, not the static `info`, so that a rule defined at run time (a
    /// config file's regex rule) can be one type with many codes. Defaults to the static `info`.
    var info: CheckInfo { get }
}

extension Check {
    public var info: CheckInfo { Self.info }
}

/// Looks at one sample at a time.
public protocol SampleCheck: Check {
    func inspect(_ sample: Sample, report: inout Findings)
}

/// Accumulates compact state over the dataset, then concludes.
///
/// The engine gives each batch of records its own state and merges them in data order, so a check sees the
/// same result whether the data arrives in one piece, on two cores, or in shards.
public protocol DatasetCheck: Check {
    associatedtype State: Mergeable
    func observe(_ sample: Sample, into state: inout State)
    func conclude(_ state: State, report: inout Findings)
    /// Figures for the report's `stats`, by key; each key belongs to one check. Only checks that run publish.
    func statistics(_ state: State) -> [String: JSONValue]
}

extension DatasetCheck {
    /// Most checks publish no statistics.
    public func statistics(_ state: State) -> [String: JSONValue] { [:] }
}

/// State that combines: `a.merge(b)` must equal the state of a's records followed by b's.
public protocol Mergeable: Sendable {
    init()
    /// Folds in the state of records that come after this state's records.
    mutating func merge(_ later: Self)
}
