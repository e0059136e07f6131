extension Duration {
    /// The duration in seconds, as the report computes with them.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
