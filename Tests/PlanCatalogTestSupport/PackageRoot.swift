import Foundation

/// The package's root directory, for tests that read the shipped catalogs, the docs and the fixtures:
/// the nearest directory above this file that holds `Package.swift`. Found by looking rather than by
/// counting `..` from each test file, so a test file can move to another folder without its paths breaking.
public enum PackageRoot {
    public static let url: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let parent = directory.deletingLastPathComponent()
            precondition(parent.path != directory.path, "no Package.swift above \(#filePath)")
            directory = parent
        }
        return directory
    }()

    /// `relativePath` under the root: `PackageRoot.url(of: "catalogs/teamspace")`.
    public static func url(of relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }
}
