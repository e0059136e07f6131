/// The records of one kind under one id, by their position on each side (nil where a side has none), and
/// whether the two are equal as typed records. Matching is by id alone, so a renamed id is one record on
/// each side (an archive and a create), never guessed to be the same object.
struct RecordMatch {
    let deployed: Int?
    let source: Int?
    /// Both sides are there and equal: their catalog.json values are the same.
    let areEqual: Bool

    /// A match for every id of either side, ids in byte order. A repeated id (which the reader and the
    /// compiler refuse) keeps its first record.
    ///
    /// Both documents normally list their records sorted by id (the compiler sorts them; a deployed file
    /// is one it wrote), so the two lists are merged in one pass, each id compared once with its
    /// neighbours; lists in another order, or with a repeated id, are matched through dictionaries and
    /// the ids sorted.
    static func matches<Record: CatalogRecord>(deployed: [Record], source: [Record]) -> [RecordMatch] {
        let positions = merge(deployed: deployed, source: source) ?? matchUnsorted(deployed: deployed, source: source)
        // Through buffers, so that comparing two records borrows them rather than copying each.
        return deployed.withUnsafeBufferPointer { deployed in
            source.withUnsafeBufferPointer { source in
                positions.map { deployedIndex, sourceIndex in
                    let areEqual = if let deployedIndex, let sourceIndex {
                        deployed[deployedIndex] == source[sourceIndex]
                    } else {
                        false
                    }
                    return RecordMatch(deployed: deployedIndex, source: sourceIndex, areEqual: areEqual)
                }
            }
        }
    }

    /// The merged positions, or nil as soon as either side turns out not to be strictly ascending.
    private static func merge<Record: CatalogRecord>(deployed: [Record], source: [Record]) -> [(Int?, Int?)]? {
        var merged: [(Int?, Int?)] = []
        merged.reserveCapacity(Swift.max(deployed.count, source.count))
        var deployedIndex = 0
        var sourceIndex = 0
        while deployedIndex < deployed.count || sourceIndex < source.count {
            let order: Int
            if deployedIndex == deployed.count {
                order = 1
            } else if sourceIndex == source.count {
                order = -1
            } else {
                order = CatalogDiff.byteOrder(deployed[deployedIndex].recordID, source[sourceIndex].recordID)
            }
            if order <= 0 {
                guard deployedIndex == 0
                        || CatalogDiff.byteOrder(deployed[deployedIndex - 1].recordID, deployed[deployedIndex].recordID) < 0
                else { return nil }
            }
            if order >= 0 {
                guard sourceIndex == 0
                        || CatalogDiff.byteOrder(source[sourceIndex - 1].recordID, source[sourceIndex].recordID) < 0
                else { return nil }
            }
            switch order {
            case ..<0:
                merged.append((deployedIndex, nil))
                deployedIndex += 1
            case 0:
                merged.append((deployedIndex, sourceIndex))
                deployedIndex += 1
                sourceIndex += 1
            default:
                merged.append((nil, sourceIndex))
                sourceIndex += 1
            }
        }
        return merged
    }

    private static func matchUnsorted<Record: CatalogRecord>(deployed: [Record], source: [Record]) -> [(Int?, Int?)] {
        func firstIndexByID(_ records: [Record]) -> [String: Int] {
            var indices: [String: Int] = [:]
            for (index, record) in records.enumerated() where indices[record.recordID] == nil {
                indices[record.recordID] = index
            }
            return indices
        }
        let deployedByID = firstIndexByID(deployed)
        let sourceByID = firstIndexByID(source)
        return Set(deployedByID.keys).union(sourceByID.keys).sorted(by: CatalogDiff.precedesInByteOrder).map {
            (deployedByID[$0], sourceByID[$0])
        }
    }
}

/// One matched id with each side's record as catalog.json's value: what the differ classifies.
struct RecordPair {
    let id: String
    let deployed: JSONValue?
    let source: JSONValue?
}

extension CatalogDiff {
    /// Whether `lhs` sorts before `rhs` by the bytes of their UTF-8 text, as catalog.json sorts ids.
    static func precedesInByteOrder(_ lhs: String, _ rhs: String) -> Bool { byteOrder(lhs, rhs) < 0 }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs` by the bytes of their UTF-8
    /// text: eight bytes at a time, read big-endian so that comparing the words compares the bytes in
    /// order. Matching two catalogs of 100,000 plans compares ids a million times.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = Swift.min(left.count, right.count)
                var offset = 0
                if let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                    while offset + 8 <= common {
                        let leftWord = UInt64(bigEndian: UnsafeRawPointer(leftBase + offset).loadUnaligned(as: UInt64.self))
                        let rightWord = UInt64(bigEndian: UnsafeRawPointer(rightBase + offset).loadUnaligned(as: UInt64.self))
                        if leftWord != rightWord { return leftWord < rightWord ? -1 : 1 }
                        offset += 8
                    }
                }
                while offset < common {
                    if left[offset] != right[offset] { return left[offset] < right[offset] ? -1 : 1 }
                    offset += 1
                }
                return left.count - right.count
            }
        }
    }
}
