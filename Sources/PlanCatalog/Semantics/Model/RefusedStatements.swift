/// The statements the schema checker refused (an invalid value, the wrong kind of argument, …), by the
/// element whose block held them; and the elements whose block is never closed (E0104), whose end the
/// parser could only guess, so that any statement may be missing from them.
///
/// A refused statement was reported once, where it stands. What it would have said is then *unknown*,
/// not missing: `interval monthly` is an invalid interval, and the price that holds it must not also be
/// reported for having no interval. Lowering records every refusal here; the checks ask the catalog's
/// index (`CatalogIndex+Unknowns.swift`) before reporting something as absent.
public struct RefusedStatements: Sendable {
    /// An element is named by where its statement starts: every model element keeps that location.
    private struct Key: Hashable {
        let file: FileID?
        let offset: Int
        let keyword: String
    }

    private var keys: Set<Key> = []
    /// Stands for every keyword of an element whose block is never closed.
    private static let anyKeyword = ""

    public init() {}

    /// Records that `keyword` was refused in the block of the element at `owner`; nil for the top level.
    mutating func record(_ keyword: String, in owner: SourceLocation?) {
        keys.insert(Self.key(keyword, owner))
    }

    /// Records that the block of the element at `owner` is never closed: what it lacks is unknown.
    mutating func recordUnclosedBlock(of owner: SourceLocation) {
        keys.insert(Self.key(Self.anyKeyword, owner))
    }

    /// Whether a `keyword` statement was written in the block of the element at `owner` (nil: the top
    /// level) and refused, or that block is never closed.
    public func contains(_ keyword: String, in owner: SourceLocation?) -> Bool {
        !keys.isEmpty && (keys.contains(Self.key(keyword, owner))
            || owner != nil && keys.contains(Self.key(Self.anyKeyword, owner)))
    }

    /// Records that a top-level definition (`plan "plan_pro" {`) was refused, with the id it was meant
    /// to have: a reference to that id is then not reported as unknown.
    mutating func recordRefusedDefinition(_ keyword: String, id: String) {
        keys.insert(Self.key(keyword + " " + id, nil))
    }

    /// Whether a top-level `keyword` definition meant to have `id` was refused.
    public func containsRefusedDefinition(_ keyword: String, id: String) -> Bool {
        !keys.isEmpty && keys.contains(Self.key(keyword + " " + id, nil))
    }

    public var isEmpty: Bool { keys.isEmpty }

    private static func key(_ keyword: String, _ owner: SourceLocation?) -> Key {
        Key(file: owner?.file, offset: owner?.span.start ?? -1, keyword: keyword)
    }
}
