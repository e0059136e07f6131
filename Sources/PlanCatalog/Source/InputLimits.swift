/// The largest inputs plancat accepts, in one place (Docs/Robustness.md § Limits).
///
/// plancat runs unattended in CI on files anyone can edit. Every limit turns input that would otherwise
/// exhaust the stack, the memory or a CI log into one clear diagnostic, and each sits far above anything a
/// real catalog needs: the largest generated benchmark catalog (100,000 plans) is about 50 MB in one file
/// with lines under 200 bytes. Tests check each limit just below and just above.
public enum InputLimits {
    /// The most bytes one `.plancat` file may hold: 128 MiB (E0113). Readers stop after one byte more,
    /// so a huge or endless file (`/dev/zero`) is never read whole.
    public static let maximumSourceFileBytes = 128 * 1024 * 1024

    /// The most bytes one line may hold, without its line end: 64 KiB (E0114). A message quotes the
    /// line of its problem, so this also bounds what one diagnostic can print.
    public static let maximumLineBytes = 64 * 1024

    /// The most digits a number may have, leading and trailing zeros included (E0115). An amount needs at
    /// most 16 digits before its point (2^53 − 1 minor units) and a unit price a few more after it.
    public static let maximumNumberDigits = 40

    /// The most diagnostics one check reports (E0116). A file of a million stray `}` is one problem
    /// repeated; past this many, the rest are counted, not kept.
    public static let maximumDiagnostics = 1_000

    /// The most bytes an id may have (E0303); feature slugs have their own, Lumen's, limit of 50 (E0302).
    /// Ids are names people type and read in dashboards; 200 bytes is ten times any real one, and it
    /// keeps did-you-mean, messages and catalog.json's keys small (a 60,000-character id is not an id).
    /// A catalog.json with a longer id is refused (exit 65), so that `diff` and `import` agree.
    public static let maximumIDBytes = 200

    /// How deep blocks may nest (E0112); the parser recurses once per level.
    public static let maximumNestingDepth = 32

    /// The most bytes a catalog.json given to `diff --against` or `import` may hold: 1 GiB (exit 65).
    /// The 100,000-plan benchmark catalog builds to about 170 MB.
    public static let maximumJSONFileBytes = 1024 * 1024 * 1024

    /// How deep arrays and objects may nest in a catalog.json; a catalog needs 7 levels.
    public static let maximumJSONDepth = 128

    /// The most characters a number may have in a catalog.json (exit 65). No value of a catalog needs 30.
    public static let maximumJSONNumberLength = 100
}
