/// Refuses a catalog.json that holds what looks like a secret API key, anywhere (LANGUAGE.md §4.10 for
/// the source; the same promise for the JSON that `diff --against` and `import` read).
///
/// A catalog never holds secrets, whichever way it comes in. A key pasted into a deployed file's plan name
/// would otherwise be printed by `diff` as an old → new value, or written by `import` into a `.plancat`
/// file that is then committed. So the whole value is walked before anything else is read — every member
/// key and every string value, known to the schema or not — and the first key found is reported at its
/// JSON path, masked as `SecretScanner` masks it: the message names where to look, never the key.
///
/// Walking first also keeps the key out of the reader's other messages, which quote what they found
/// (`unknown key …`, `unsupported schemaVersion …`); `CatalogDocumentError` masks every message as a
/// second line of defence.
extension CatalogDocumentReader {
    static func refuseSecretKeys(in value: JSONValue, at path: String) throws(CatalogDocumentError) {
        switch value {
        case .string(let text):
            if let key = firstSecretKey(in: text) {
                throw CatalogDocumentError(path: path, message: secretMessage(key, holder: "holds"))
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try refuseSecretKeys(in: element, at: "\(path)[\(index)]")
            }
        case .object(let members):
            for member in members {
                // The key before its value, so that a key holding a secret never becomes part of a path.
                if let key = firstSecretKey(in: member.key) {
                    throw CatalogDocumentError(path: path, message: secretMessage(key, holder: "a member's key holds"))
                }
                try refuseSecretKeys(in: member.value, at: memberPath(path, member.key))
            }
        case .null, .bool, .number:
            // A number's text is digits, a sign, a point and an exponent: it cannot hold a key.
            break
        }
    }

    /// The first key in `text`, masked: `sk_live_••••`.
    private static func firstSecretKey(in text: String) -> String? {
        let bytes = Array(text.utf8)
        return SecretScanner.keyRanges(in: bytes).first.map { SecretScanner.maskedKey(bytes[$0]) }
    }

    /// `holds what looks like a secret API key, `sk_live_••••`; …`, with E1001's advice: the key has left
    /// the vault, so removing it is not enough.
    private static func secretMessage(_ maskedKey: String, holder: String) -> String {
        "\(holder) what looks like a secret API key, `\(maskedKey)`; a catalog never holds secrets: "
            + "remove it, and rotate the key with your payment provider"
    }

    /// `$.plans[0].planName` for a key the schema could have; `$.plans[0]["odd key"]` for any other, so
    /// that a path stays one unambiguous line whatever the document's keys hold.
    private static func memberPath(_ path: String, _ key: String) -> String {
        let isPlain = !key.isEmpty && key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
        return isPlain ? "\(path).\(key)" : "\(path)[\(JSONText.quoted(key))]"
    }
}
