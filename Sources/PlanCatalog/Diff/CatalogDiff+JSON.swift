/// The diff as the JSON document of OUTPUT.md ("Diff"), for `plancat diff --format json`:
///
/// ```
/// { "schemaVersion": 1,
///   "summary": { "create", "update", "newVersion", "replace", "archive", "breaking" },
///   "changes": [ { "kind", "id", "action", "breaking", "reason", "fields": [ { "path", "from", "to" } ] } ],
///   "operations": [ { "method", "path", "body", "description" } ],
///   "invoiceImpact": [ { "scenario", "before": { "subtotal", "total" } | null,
///                        "after": { "subtotal", "total" } | null, "change" } ] }
/// ```
///
/// Every key is always present, in that order, `null` where unset: a field's absent side, an operation's
/// missing path, body or description. A field's `null` therefore means "absent or null"; the text and
/// Markdown renderings tell the two apart. The one exception is `invoiceImpact` (PREVIEW.md § 5), present
/// exactly when the source has scenarios, so that the document of a catalog without any is unchanged:
/// one entry per scenario when the diff has changes, `[]` when it has none. `Docs/schemas/diff.schema.json`
/// describes the document.
extension CatalogDiff {
    /// The version of the document's shape; bumped only when a key changes meaning or goes away.
    public static let schemaVersion = 1

    /// The whole document, keys in OUTPUT.md's order, for a source without scenarios.
    public var jsonValue: JSONValue { jsonValue(invoiceImpact: nil) }

    /// The whole document, keys in OUTPUT.md's order, then `invoiceImpact` when there is an impact (the
    /// source has scenarios).
    public func jsonValue(invoiceImpact: InvoiceImpact?) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("schemaVersion", .number(Self.schemaVersion)),
            .init("summary", summaryJSON),
            .init("changes", .array(changes.map(\.jsonValue))),
            .init("operations", .array(operations.map(\.jsonValue))),
        ]
        if let invoiceImpact {
            members.append(.init("invoiceImpact", .array(invoiceImpact.rows.map(\.jsonValue))))
        }
        return .object(members)
    }

    /// The document's bytes as `JSONWriter` writes them: two-space indentation and a trailing newline.
    public var jsonBytes: [UInt8] { JSONWriter.bytes(of: jsonValue) }

    /// The document's bytes with the diff's invoice impact, when there is one.
    public func jsonBytes(invoiceImpact: InvoiceImpact?) -> [UInt8] {
        JSONWriter.bytes(of: jsonValue(invoiceImpact: invoiceImpact))
    }

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

extension InvoiceImpact.Row {
    /// `{ "scenario", "before", "after", "change" }`: a side's `{ "subtotal", "total" }` in exact major
    /// units, `null` where it has no invoice (no price of the scenario's id, or one the engine refused);
    /// `change` is `total` after − before, `null` unless both sides have an invoice in one currency.
    public var jsonValue: JSONValue {
        .object([
            .init("scenario", .string(scenarioID)),
            .init("before", Self.jsonValue(of: before)),
            .init("after", Self.jsonValue(of: after)),
            .init("change", .number(change)),
        ])
    }

    private static func jsonValue(of side: InvoiceImpact.Side) -> JSONValue {
        guard let totals = side.totals else { return .null }
        return .object([.init("subtotal", .number(totals.subtotal)), .init("total", .number(totals.total))])
    }
}
