/// Reading catalog.json back, as `plancat diff` reads a deployed catalog and `plancat import` turns one
/// into source. The reader accepts exactly what `CatalogDocument+JSON.swift` writes (and the same in
/// another key or record order), and refuses anything else with the path and what is wrong.
extension CatalogDocument {
    /// Reads catalog.json's bytes: strict JSON (`JSONParser`), then a strict catalog, as `init(jsonValue:)`.
    public init(json bytes: [UInt8]) throws(CatalogDocumentError) {
        let tape: JSONTape
        do {
            tape = try JSONParser.tape(of: bytes)
        } catch {
            throw CatalogDocumentError(syntax: error)
        }
        self = try tape.withView { (view) throws(CatalogDocumentError) in try CatalogDocumentReader.read(view) }
    }

    /// Reads catalog.json's value: every key OUTPUT.md lists (`null` where unset, components without
    /// the keys that do not apply), no other key, `schemaVersion` 1, Lumen's spellings, exact amounts,
    /// unique ids and references that resolve.
    public init(jsonValue: JSONValue) throws(CatalogDocumentError) {
        self = try JSONTape(jsonValue).withView { (view) throws(CatalogDocumentError) in
            try CatalogDocumentReader.read(view)
        }
    }
}
