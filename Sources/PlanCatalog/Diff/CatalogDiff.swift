/// What changing the source would do to a deployed catalog: every object created, updated, versioned,
/// replaced or archived, with the fields that changed, and the Lumen API calls that would carry it out
/// (OUTPUT.md, "Diff"). Like `terraform plan`, it is computed from two catalog documents and nothing else:
/// the deployed catalog.json and the source's build.
///
/// `CatalogDiff(deployed:source:)` (CatalogDiff+Comparing.swift) computes it; the renderers in this folder
/// word it as text, JSON or Markdown.
public struct CatalogDiff: Equatable, Sendable {
    /// Changes by kind in dependency order (metrics … quotes), by id within a kind; archives last, in
    /// reverse dependency order.
    public var changes: [Change]
    /// The Lumen API calls in dependency order.
    public var operations: [Operation]

    public init(changes: [Change], operations: [Operation]) {
        self.changes = changes
        self.operations = operations
    }

    public var isEmpty: Bool { changes.isEmpty }
    public var hasBreakingChanges: Bool { changes.contains(where: \.isBreaking) }

    /// How many changes have each action.
    public func count(of action: Action) -> Int { changes.count { $0.action == action } }

    /// The kinds of object a catalog holds, in dependency order: a kind may refer only to kinds before it.
    public enum Kind: String, CaseIterable, Comparable, Sendable {
        case metric
        case feature
        case plan
        case price
        case creditDefinition
        case pricingTable
        case quote

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.position < rhs.position }

        /// The kind's place in the dependency order (`allCases`).
        var position: Int { Self.allCases.firstIndex(of: self)! }

        /// How messages name the kind: "credit definition", "pricing table".
        public var displayName: String {
            switch self {
            case .creditDefinition: "credit definition"
            case .pricingTable: "pricing table"
            default: rawValue
            }
        }
    }

    /// What happens to one object (OUTPUT.md's table).
    public enum Action: String, CaseIterable, Sendable {
        /// In the source, not deployed.
        case create
        /// Only mutable fields differ: Lumen edits it in place.
        case update
        /// A plan's grants, trial or price list change: Lumen makes a new plan version.
        case newVersion = "new-version"
        /// Lumen cannot edit it in place: a new object takes its place.
        case replace
        /// Deployed, gone from the source.
        case archive

        /// Whether existing subscribers or apps are affected (OUTPUT.md).
        public var isBreaking: Bool {
            switch self {
            case .create, .update: false
            case .newVersion, .replace, .archive: true
            }
        }
    }

    /// One object's change.
    public struct Change: Equatable, Sendable {
        public var kind: Kind
        /// The object's id (slug for features and pricing tables).
        public var id: String
        public var action: Action
        /// Why the action is what it is: "the amount of a price changed; Lumen cannot edit a price in place".
        public var reason: String
        /// The fields that differ, in document order; for a create, every non-null leaf of the new record
        /// (from nil), so a reviewer sees what is created; empty for an archive.
        public var fields: [FieldChange]
        /// What the money fields of each side are counted in, for the text and Markdown renderings (not
        /// part of the JSON document, which keeps catalog.json's minor units).
        public var denominations: Denominations

        public init(kind: Kind, id: String, action: Action, reason: String, fields: [FieldChange],
                    denominations: Denominations = .none) {
            self.kind = kind
            self.id = id
            self.action = action
            self.reason = reason
            self.fields = fields
            self.denominations = denominations
        }

        public var isBreaking: Bool { action.isBreaking }
    }

    /// One field that differs: its path within the object, with array items addressed by id
    /// (`pricingData.components[comp_base].amount_cents`), and its deployed and source values; nil where
    /// the field is absent on that side.
    public struct FieldChange: Equatable, Sendable {
        public var path: String
        public var from: JSONValue?
        public var to: JSONValue?

        public init(path: String, from: JSONValue?, to: JSONValue?) {
            self.path = path
            self.from = from
            self.to = to
        }
    }

    /// One Lumen API call, or a step Lumen's API has no call for (`method` `MANUAL`, with a description).
    public struct Operation: Equatable, Sendable {
        public static let manual = "MANUAL"

        public var method: String
        /// `/v1/plans`, `/v1/subscriptions/price-override/sub_123`; nil for a manual step.
        public var path: String?
        public var body: JSONValue?
        /// What to do by hand, for a manual step; a short note otherwise (may be nil).
        public var description: String?

        public init(method: String, path: String?, body: JSONValue?, description: String?) {
            self.method = method
            self.path = path
            self.body = body
            self.description = description
        }
    }
}
