/// A feature that plans grant; its id is the slug the app gates on.
public struct Feature: Sendable {
    public var slug: Located<String>
    public var name: String
    public var description: String?
    /// Nil when the `type` statement is missing or invalid (already reported).
    public var type: Located<FeatureType>?
    public var metricIDs: [Located<String>]
    /// The singular unit for display (`"seat"`, `"API call"`).
    public var unit: String?
    public var location: SourceLocation
}

public enum FeatureType: String, Sendable, CaseIterable {
    case boolean
    case number
    case text
    case usage
}
