import PlanCatalog

/// Frames messages for the client: `Content-Length: N\r\n\r\n` and the compact JSON, N counting its
/// UTF-8 bytes. The only thing that writes to the server's output, so that nothing but protocol reaches it.
struct MessageWriter {
    let write: ([UInt8]) -> Void

    func send(_ message: JSONValue) {
        let body = Array(JSONWriter.compactText(of: message).utf8)
        write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
