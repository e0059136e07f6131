import PlanCatalog
import Testing
@testable import PlanCatalogLanguageServer

/// The lifecycle of LSP 3.17 and its error codes.
@Suite struct LifecycleTests {
    @Test func declaresItsCapabilities() {
        let run = ServerRun(Client.start() + Client.stop)
        let result = run.response(1)?["result"]
        #expect(result?["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(result?["capabilities"]?["textDocumentSync"]?["change"]?.int == 1)
        #expect(result?["capabilities"]?["textDocumentSync"]?["openClose"] == .bool(true))
        #expect(result?["serverInfo"]?["name"] == "plancat")
        #expect(run.status == 0)
    }

    @Test func requestsBeforeInitializeAreRefused() {
        let run = ServerRun([Client.request(5, "shutdown", .null), Client.request(6, "textDocument/hover")]
                            + Client.start() + Client.stop)
        #expect(run.errorCode(5) == ResponseError.serverNotInitializedCode)
        #expect(run.errorCode(6) == ResponseError.serverNotInitializedCode)
        #expect(run.response(1)?["result"] != nil)
        #expect(run.status == 0)
    }

    /// A didOpen before initialize is dropped: no diagnostics, and the document is not open afterwards
    /// (a change to it publishes nothing).
    @Test func notificationsBeforeInitializeAreDropped() {
        let run = ServerRun([Client.didOpen("untitled:a", "bogus\n")] + Client.start()
                            + [Client.didChange("untitled:a", "still bogus\n", version: 2)] + Client.stop)
        #expect(run.publishCount == 0)
        #expect(run.status == 0)
    }

    @Test func initializeComesOnce() {
        let run = ServerRun(Client.start() + [Client.request(2, "initialize", .object([.init("capabilities", .object([]))]))]
                            + Client.stop)
        #expect(run.errorCode(2) == ResponseError.invalidRequestCode)
        #expect(run.status == 0)
    }

    @Test func initializeWithoutParamsIsInvalidParams() {
        let run = ServerRun([Client.request(1, "initialize", .null), Client.request(2, "shutdown", .null)])
        #expect(run.errorCode(1) == ResponseError.invalidParamsCode)
        #expect(run.errorCode(2) == ResponseError.serverNotInitializedCode)
    }

    @Test func shutdownThenExitEndsWithZero() {
        let run = ServerRun(Client.start() + Client.stop + [Client.request(3, "shutdown", .null)])
        #expect(run.response(999)?["result"] == .null)
        #expect(run.status == 0)
        // Nothing is read after `exit`.
        #expect(run.response(3) == nil)
    }

    @Test func exitWithoutShutdownEndsWithOne() {
        #expect(ServerRun(Client.start() + [Client.notification("exit")]).status == 1)
        #expect(ServerRun([Client.notification("exit")]).status == 1)
    }

    @Test func inputEndingWithoutExitEndsWithOne() {
        let run = ServerRun(Client.start() + [Client.request(999, "shutdown", .null)])
        #expect(run.status == 1)
        #expect(ServerRun(Client.start() + [Array("Content-Length: 40\r\n\r\n{".utf8)]).status == 1)
    }

    @Test func requestsAfterShutdownAreInvalid() {
        let run = ServerRun(Client.start() + [Client.request(2, "shutdown", .null), Client.request(3, "textDocument/hover"),
                                              Client.request(4, "shutdown", .null),
                                              Client.didOpen("untitled:a", "bogus\n"), Client.notification("exit")])
        #expect(run.errorCode(3) == ResponseError.invalidRequestCode)
        #expect(run.errorCode(4) == ResponseError.invalidRequestCode)
        #expect(run.publishCount == 0)
        #expect(run.status == 0)
    }

    @Test func unknownRequestsAndNotifications() {
        let run = ServerRun(Client.start() + [Client.request(2, "plancat/unknown"), Client.notification("plancat/unknown"),
                                              Client.notification("$/setTrace", .object([.init("value", "off")]))]
                            + Client.stop)
        #expect(run.errorCode(2) == ResponseError.methodNotFoundCode)
        // initialize's result, the -32601 and shutdown's result: the notifications get no answer.
        #expect(run.messages.count == 3)
        #expect(run.status == 0)
    }

    /// A request cancelled before it was handled answers -32800 and has no effect: this `shutdown` does
    /// not shut the server down, so the next request is still served. The messages arrive together, so
    /// the cancellation finds the request waiting; arriving later (the second chunk), it finds it answered.
    @Test(arguments: [65_536, 1])
    func cancelledRequestsAnswerRequestCancelled(chunkSize: Int) {
        let together = ServerRun(Client.start() + [
            Client.request(2, "shutdown", .null),
            Client.notification("$/cancelRequest", .object([.init("id", 2)])),
            Client.request(3, "plancat/unknown"),
            // Cancelling what was never asked changes nothing; nor does a cancellation for a later request
            // that reuses an id.
            Client.notification("$/cancelRequest", .object([.init("id", "never")])),
            Client.request(2, "plancat/unknown"),
        ] + Client.stop, chunkSize: chunkSize)
        let answers = together.messages.filter { $0["id"] == .number("2") }.map { $0["error"]?["code"]?.int }
        if chunkSize == 1 {
            // Byte by byte, each request is handled before the next message is read: nothing is pending.
            #expect(answers == [nil, ResponseError.invalidRequestCode])
            #expect(together.errorCode(3) == ResponseError.invalidRequestCode)
        } else {
            #expect(answers == [ResponseError.requestCancelledCode, ResponseError.methodNotFoundCode])
            #expect(together.errorCode(3) == ResponseError.methodNotFoundCode)
        }
        #expect(together.response(1)?["result"] != nil)
    }

    /// String ids are echoed as strings; responses from the client are ignored.
    @Test func stringIdsAndClientResponses() {
        let run = ServerRun(Client.start() + [
            Client.frame(Array(#"{"jsonrpc":"2.0","id":"abc","method":"plancat/unknown"}"#.utf8)),
            Client.frame(Array(#"{"jsonrpc":"2.0","id":"s1","result":null}"#.utf8)),
        ] + Client.stop)
        #expect(run.messages.contains { $0["id"] == "abc" && $0["error"]?["code"]?.int == ResponseError.methodNotFoundCode })
        #expect(run.messages.count == 3)
    }

    @Test(arguments: [(["utf-8", "utf-16"], "utf-8"), (["utf-32", "utf-16"], "utf-16"), ([], "utf-16")])
    func negotiatesThePositionEncoding(offered: [String], chosen: String) {
        let run = ServerRun(Client.start(encodings: offered) + Client.stop)
        #expect(run.response(1)?["result"]?["capabilities"]?["positionEncoding"] == .string(chosen))
    }
}
