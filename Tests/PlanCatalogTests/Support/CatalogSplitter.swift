@testable import PlanCatalog

/// Spreads the files of a catalog over the files of a catalog directory, top-level statement by top-level
/// statement, to test that a catalog split over several files means what it means in one (OUTPUT.md).
///
/// Every part keeps the layout of the file it came from: the statements it does not hold are blanked —
/// each character a space, line ends kept — so every statement stays at its line and column, and the
/// diagnostics of the split catalog can be compared with the original's at the same positions. A
/// statement takes with it everything between the previous statement's end and its own (its comments,
/// the rest of the previous line), and the first part takes what follows the last one, so each character
/// of the original is in exactly one part.
///
/// The parts of the first file are `catalog.plancat`, then `part-1-2.plancat` … `part-1-N.plancat`; those
/// of the second file `part-2-1.plancat` … (a catalog directory is split file by file). The catalog's
/// `catalog` and `currency` statements stay in each file's first part: the root file, where a catalog
/// directory keeps them (Docs/Language.md).
enum CatalogSplitter {
    /// How the other statements are dealt out.
    enum Layout {
        /// Statement 1 to part 1, statement 2 to part 2, …: neighbours land in different files, and the
        /// order of the files differs from the order of the statements.
        case roundRobin
        /// Runs of neighbouring statements, in order: the files, in path order, read the statements in
        /// their original order, so that "the earlier" of two statements stays the earlier one.
        case inOrder
    }

    /// The top-level statements that stay in the root file.
    static let rootStatements: Set<String> = ["catalog", "currency"]

    /// The catalog's files split into `count` parts each under `directory`, in path order (as discovery
    /// gives them).
    static func split(_ files: [SourceFile], into count: Int, layout: Layout = .roundRobin,
                      directory: String = "split") -> [SourceFile] {
        precondition(count >= 1 && count <= 9, "part names sort by their digit")
        var parts: [SourceFile] = []
        for (fileIndex, file) in files.enumerated() {
            for (partIndex, bytes) in split(file.bytes, into: count, layout: layout).enumerated() {
                let name = fileIndex == 0 && partIndex == 0 ? CatalogDiscovery.rootFileName
                    : "part-\(fileIndex + 1)-\(partIndex + 1).plancat"
                parts.append(SourceFile(path: "\(directory)/\(name)", bytes: bytes))
            }
        }
        return parts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The bytes of each of `count` parts of one file.
    static func split(_ bytes: [UInt8], into count: Int, layout: Layout) -> [[UInt8]] {
        let statements = Parser.parse(SourceFile(path: "whole.plancat", bytes: bytes)).tree.statements
        let dealtCount = statements.count { !rootStatements.contains($0.keyword.text) }
        // Each statement owns the bytes from the end of the one before to its own end.
        var owners: [(end: Int, part: Int)] = []
        var dealt = 0
        var end = 0
        for statement in statements {
            end = max(end, min(statement.span.end, bytes.count))
            var part = 0
            if !rootStatements.contains(statement.keyword.text) {
                part = switch layout {
                case .roundRobin: dealt % count
                case .inOrder: dealt * count / dealtCount
                }
                dealt += 1
            }
            owners.append((end, part))
        }
        owners.append((bytes.count, 0))

        var parts = Array(repeating: [UInt8](), count: count)
        var start = 0
        // A byte order mark stays at the start of every part, where it is ignored.
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: byteOrderMark) {
            for index in parts.indices { parts[index] = byteOrderMark }
            start = byteOrderMark.count
        }
        for owner in owners where owner.end > start {
            let segment = bytes[start..<owner.end]
            for index in parts.indices {
                parts[index] += index == owner.part ? Array(segment) : blanked(segment)
            }
            start = owner.end
        }
        return parts
    }

    /// A space for each character, line ends kept, so that what follows on a line keeps its column
    /// (columns count characters). A UTF-8 continuation byte is part of a character already counted.
    /// Spaces that only run up to a line end are dropped: nothing follows them, and a blanked line of a
    /// long statement must not become a long line of its own (E0114) in every part.
    private static func blanked(_ segment: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var pendingSpaces = 0
        for byte in segment {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pendingSpaces = 0
                result.append(byte)
            case 0x80...0xBF:
                continue
            default:
                pendingSpaces += 1
            }
        }
        return result + [UInt8](repeating: UInt8(ascii: " "), count: pendingSpaces)
    }
}
