import Foundation
import PlanCatalog

/// Standard input standing for the file at a PATH (`--stdin-filename PATH`), as an editor sends an unsaved
/// buffer: its diagnostics name PATH, and a PATH inside a catalog directory is checked with the rest of
/// that catalog.
///
/// A file of a catalog directory means nothing alone: checked as a catalog of its own, the buffer of
/// `catalogs/teamspace/plans.plancat` draws an error for every feature, metric and currency the other
/// files define. So the catalog directory is found as for a `.plancat` PATH (the nearest ancestor
/// directory holding `catalog.plancat`), its files are read from disk, and the buffer takes the place of
/// PATH's file — or joins them, when PATH is a file not yet saved. PATH itself need not exist.
struct StandardInputFile {
    /// PATH as the user gave it; the buffer's diagnostics name it so.
    let path: String
    let bytes: [UInt8]
    let currentDirectory: String

    /// The buffer as a catalog of its own, named PATH.
    var alone: CatalogInputs.Catalog {
        let file = SourceFile(path: path, bytes: bytes)
        return CatalogInputs.Catalog(path: path, files: [file], standardInputFile: file)
    }

    /// The buffer with the rest of its catalog directory, or alone when PATH is in none.
    func catalog(discovery: CatalogDiscovery) -> Result<CatalogInputs.Catalog, CatalogDiscovery.Failure> {
        let absolute = Self.normalized(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
        guard path.hasSuffix(CatalogDiscovery.fileExtension), let root = enclosingCatalogDirectory(of: absolute) else {
            return .success(alone)
        }
        let found = discovery.discover([shownPath(ofDirectory: root, above: absolute)])
        if let failure = found.failures.first { return .failure(failure) }
        guard let onDisk = found.catalogs.first else { return .success(alone) }
        let buffer = SourceFile(path: path, bytes: bytes)
        var files = onDisk.files.filter { file in
            Self.normalized(file.path.hasPrefix("/") ? file.path : currentDirectory + "/" + file.path) != absolute
        }
        files.append(buffer)
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return .success(CatalogInputs.Catalog(path: onDisk.path, files: files, standardInputFile: buffer))
    }

    /// The nearest directory above the file at `absolute` that holds a `catalog.plancat`. The file's own
    /// directory need not exist: a new file may go into a folder not yet made.
    private func enclosingCatalogDirectory(of absolute: String) -> String? {
        var directory = (absolute as NSString).deletingLastPathComponent
        while true {
            let root = (directory as NSString).appendingPathComponent(CatalogDiscovery.rootFileName)
            if FileManager.default.fileExists(atPath: root) { return directory }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }

    /// The catalog directory `root` as the user's PATH spells it (`catalogs/teamspace` for
    /// `catalogs/teamspace/plans.plancat`), so that discovery shows its files as it would show PATH's;
    /// the absolute `root` when PATH does not spell it (`../plans.plancat`).
    private func shownPath(ofDirectory root: String, above absolute: String) -> String {
        let below = absolute.split(separator: "/").count - root.split(separator: "/").count
        let written = path.split(separator: "/")
        let stripped = written.suffix(below)
        guard written.count >= below, !stripped.contains("."), !stripped.contains("..") else { return root }
        let kept = written.dropLast(below).joined(separator: "/")
        if path.hasPrefix("/") { return "/" + kept }
        return kept.isEmpty ? "." : kept
    }

    /// An absolute path with `.` and `..` resolved by name, as discovery resolves them.
    private static func normalized(_ absolute: String) -> String {
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
