/// A feature that plans grant; its id is the slug the app gates on.
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class Feature: Sendable {
    public let slug: Located<String>
    public let name: String
    public let description: String?
    /// Nil when the `type` statement is missing or invalid (already reported).
    public let type: Located<FeatureType>?
    public let metricIDs: [Located<String>]
    /// The singular unit for display (`"seat"`, `"API call"`).
    public let unit: String?
    /// The unit's plural, when written (`unit "person" "people"`); else generated bullets derive it
    /// (`DisplayText.plural`). catalog.json keeps only the singular.
    public let unitPlural: String?
    public let location: SourceLocation

    init(slug: Located<String>, name: String, description: String?, type: Located<FeatureType>?,
         metricIDs: [Located<String>], unit: String?, unitPlural: String? = nil, location: SourceLocation) {
        self.slug = slug
        self.name = name
        self.description = description
        self.type = type
        self.metricIDs = metricIDs
        self.unit = unit
        self.unitPlural = unitPlural
        self.location = location
    }
}

public enum FeatureType: String, Sendable, CaseIterable {
    case boolean
    case number
    case text
    case usage
}
