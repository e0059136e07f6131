/// The diff as the JSON document of OUTPUT.md ("Diff"), for `plancat diff --format json`:
///
/// ```
/// { "schemaVersion": 1,
///   "summary": { "create", "update", "newVersion", "replace", "archive", "breaking" },
///   "changes": [ { "kind", "id", "action", "breaking", "reason", "fields": [ { "path", "from", "to" } ] } ],
///   "operations": [ { "method", "path", "body", "description" } ] }
/// ```
///
/// Every key is always present, in that order, `null` where unset: a field's absent side, an operation's
/// missing path, body or description. A field's `null` therefore means "absent or null"; the text and
/// Markdown renderings tell the two apart. `Docs/schemas/diff.schema.json` describes the document.
extension CatalogDiff {
    /// The version of the document's shape; bumped only when a key changes meaning or goes away.
    public static let schemaVersion = 1

    /// The whole document, keys in OUTPUT.md's order.
    public var jsonValue: JSONValue {
        .object([
            .init("schemaVersion", .number(Self.schemaVersion)),
            .init("summary", summaryJSON),
            .init("changes", .array(changes.map(\.jsonValue))),
            .init("operations", .array(operations.map(\.jsonValue))),
        ])
    }

    /// The document's bytes as `JSONWriter` writes them: two-space indentation and a trailing newline.
    public var jsonBytes: [UInt8] { JSONWriter.bytes(of: jsonValue) }

    /// How many changes have each action, and how many are breaking.
    private var summaryJSON: JSONValue {
        .object([
            .init("create", .number(count(of: .create))),
            .init("update", .number(count(of: .update))),
            .init("newVersion", .number(count(of: .newVersion))),
            .init("replace", .number(count(of: .replace))),
            .init("archive", .number(count(of: .archive))),
            .init("breaking", .number(changes.count(where: \.isBreaking))),
        ])
    }
}

extension CatalogDiff.Change {
    /// `{ "kind", "id", "action", "breaking", "reason", "fields" }`.
    public var jsonValue: JSONValue {
        .object([
            .init("kind", .string(kind.rawValue)),
            .init("id", .string(id)),
            .init("action", .string(action.rawValue)),
            .init("breaking", .bool(isBreaking)),
            .init("reason", .string(reason)),
            .init("fields", .array(fields.map(\.jsonValue))),
        ])
    }
}

extension CatalogDiff.FieldChange {
    /// `{ "path", "from", "to" }`, `null` for an absent side.
    public var jsonValue: JSONValue {
        .object([
            .init("path", .string(path)),
            .init("from", from ?? .null),
            .init("to", to ?? .null),
        ])
    }
}

extension CatalogDiff.Operation {
    /// `{ "method", "path", "body", "description" }`, `null` where unset.
    public var jsonValue: JSONValue {
        .object([
            .init("method", .string(method)),
            .init("path", .string(path)),
            .init("body", body ?? .null),
            .init("description", .string(description)),
        ])
    }
}
