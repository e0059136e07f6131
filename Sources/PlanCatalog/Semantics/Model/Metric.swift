/// A usage metric: the events an app sends, and how they add up over a billing period.
public struct Metric: Sendable {
    public var id: Located<String>
    public var name: String
    public var description: String?
    /// The event name the app sends; the metric id unless `event` says otherwise.
    public var eventName: String
    public var aggregation: Aggregation
    public var valueType: MetricValueType
}

public enum Aggregation: String, Sendable, CaseIterable {
    case count
    case sum
    case max
    case min
    case avg
    case uniqueCount = "unique-count"

    /// Lumen's `aggregationType`.
    public var lumenName: String {
        switch self {
        case .uniqueCount: "UNIQUE_COUNT"
        default: rawValue.uppercased()
        }
    }
}

public enum MetricValueType: String, Sendable, CaseIterable {
    case numeric
    case string

    /// Lumen's `valueType`.
    public var lumenName: String { rawValue.uppercased() }
}

/// What a metric is where its block says nothing (LANGUAGE.md): lowering fills these in, and import
/// leaves out a statement whose value is the one lowering would fill in. Each default is stated here once.
extension Metric {
    /// The aggregation without an `aggregate` statement: the sum of the events' values.
    static let defaultAggregation = Aggregation.sum

    /// The value type without a `value` statement: strings for a unique count (it counts distinct
    /// values, user ids and the like), numbers for every other aggregation.
    static func defaultValueType(for aggregation: Aggregation) -> MetricValueType {
        aggregation == .uniqueCount ? .string : .numeric
    }

    /// The event name without an `event` statement: the metric's id.
    static func defaultEventName(for id: String) -> String { id }
}
