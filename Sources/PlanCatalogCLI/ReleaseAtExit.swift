/// Hands the last large result of a command to the process's exit instead of freeing it.
///
/// Freeing the model of a 100,000-plan catalog — millions of small objects — takes about 5% of a `check`
/// just before the process exits and the system reclaims the memory anyway (Docs/Performance.md); clang's
/// `-disable-free` does the same. Only the real process skips it: commands run in-process by the tests
/// free their results as usual.
enum ReleaseAtExit {
    /// Set once by `PlanCatalogCLI.main()`, before any command runs and before any other thread exists.
    nonisolated(unsafe) static var isEnabled = false

    /// Keeps `value` alive until the process exits, when enabled.
    static func hold(_ value: some Any) {
        guard isEnabled else { return }
        _ = Unmanaged.passRetained(Holder(value))
    }

    private final class Holder {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}
