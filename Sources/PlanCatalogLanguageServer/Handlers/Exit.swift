extension LanguageServer {
    /// `exit`: the status the process ends with, 0 after `shutdown` and 1 without it (LSP 3.17).
    func exit() -> Int32 {
        phase == .shutDown ? 0 : 1
    }
}
