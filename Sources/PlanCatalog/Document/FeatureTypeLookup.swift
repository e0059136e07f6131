/// The type of each feature by slug, for reading what the plans grant (a feature's type decides how its
/// `featureValue` reads).
///
/// A catalog of 100,000 plans grants the same few hundred features half a million times, and hashing each
/// granted slug to find its type was a tenth of reading the plans. So in front of the dictionary sits a
/// small table of the slugs met last, each under a word-sized summary of its bytes (length, first and
/// last eight bytes), which for a slug of up to 16 bytes is the slug itself: a hit hashes nothing and
/// makes no `String` (every grant of a feature shares one). The table only saves work: a miss, or a
/// collision a hostile file could arrange, falls back to the dictionary, whose hashing is seeded.
struct FeatureTypeLookup {
    /// A slug's length and its first and last eight bytes (fewer for a shorter slug, the rest zero).
    private struct Summary: Equatable {
        var length = -1
        var head: UInt64 = 0
        var tail: UInt64 = 0

        init() {}

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            length = bytes.count
            if bytes.count >= 8, let base = bytes.baseAddress {
                head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                tail = UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self)
            } else {
                for (offset, byte) in bytes.enumerated() { head |= UInt64(byte) &<< (8 * offset) }
            }
        }

        /// Whether the summary alone says which bytes it summarises.
        var isWhole: Bool { length <= 16 }

        /// A slot of the table, from a multiplicative mix of the words.
        var slot: Int {
            let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            return Int(truncatingIfNeeded: (mixed &* 0x1656_67B1_9E37_79F9) >> 54)
        }
    }

    private let types: [String: FeatureType]
    /// 1,024 slots (`Summary.slot` gives ten bits): room for a catalog's few hundred features.
    private var recentSummaries = [Summary](repeating: Summary(), count: 1024)
    private var recentEntries = [(slug: String, type: FeatureType)?](repeating: nil, count: 1024)

    init(_ features: [CatalogDocument.Feature]) {
        var types: [String: FeatureType] = [:]
        for feature in features { types[feature.slug] = feature.featureType }
        self.types = types
    }

    /// Every slug, for did-you-mean suggestions.
    var slugs: Dictionary<String, FeatureType>.Keys { types.keys }

    /// The slug spelt by `bytes`, as a `String`, and its feature's type; nil when no feature has it.
    mutating func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (slug: String, type: FeatureType)? {
        let summary = Summary(bytes)
        let slot = summary.slot
        if recentSummaries[slot] == summary, let entry = recentEntries[slot],
           summary.isWhole || entry.slug.utf8.elementsEqual(bytes) {
            return entry
        }
        let slug = String(decoding: bytes, as: UTF8.self)
        guard let type = types[slug] else { return nil }
        recentSummaries[slot] = summary
        recentEntries[slot] = (slug, type)
        return (slug, type)
    }
}
