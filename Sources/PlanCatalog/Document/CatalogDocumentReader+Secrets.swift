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
///
/// On the tape, document order is node order, and a member's key comes before its value: the walk is one
/// pass over the nodes. The parser marks the strings that hold `sk_`, which every key prefix does, so only
/// those are scanned in full; the path is worked out only for the key that is reported.
extension CatalogDocumentReader {
    static func refuseSecretKeys(in tape: JSONTapeView) throws(CatalogDocumentError) {
        for index in tape.nodes.indices where tape.nodes[index].mayHoldSecret {
            guard let key = firstSecretKey(in: tape.bytes(at: index)) else { continue }
            let (path, isKey) = tape.location(of: index)
            // A key holding a secret is reported at its object, so that it never becomes part of a path.
            throw CatalogDocumentError(path: path, message: secretMessage(key, holder: isKey ? "a member's key holds" : "holds"))
        }
    }

    /// The first key in `bytes`, masked: `sk_live_••••`.
    private static func firstSecretKey(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        SecretScanner.keyRanges(in: bytes).first.map { SecretScanner.maskedKey(bytes[$0]) }
    }

    /// `holds what looks like a secret API key, `sk_live_••••`; …`, with E1001's advice: the key has left
    /// the vault, so removing it is not enough.
    private static func secretMessage(_ maskedKey: String, holder: String) -> String {
        "\(holder) what looks like a secret API key, `\(maskedKey)`; a catalog never holds secrets: "
            + "remove it, and rotate the key with your payment provider"
    }
}
