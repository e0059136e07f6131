import PlanCatalog

extension LanguageServer {
    /// `shutdown`: from now on only `exit` is served; the answer is `null`.
    func shutdown() -> JSONValue {
        phase = .shutDown
        return .null
    }
}
