extension LanguageServer {
    /// `initialized`: the client has the capabilities. Nothing to register dynamically yet.
    func initialized() {}
}
