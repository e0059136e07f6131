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
