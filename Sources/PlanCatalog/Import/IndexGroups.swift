/// Indices of records grouped by the index of their owner — a plan's prices, credits and trials — kept
/// in two flat arrays (each group a slice of one array of members) rather than in an array per owner:
/// import asks for every plan's groups, and hundreds of thousands of small arrays would cost more to
/// make than the whole lookup.
struct IndexGroups {
    /// Where each owner's members start in `members`; one more entry than there are owners.
    private let starts: [Int]
    private let members: [Int]

    /// Records `0..<owners.count` grouped in their order, each going to the owner given at its index
    /// (none: nil), among `ownerCount` owners.
    init(owners: [Int?], ownerCount: Int) {
        var starts = [Int](repeating: 0, count: ownerCount + 1)
        for case let owner? in owners { starts[owner + 1] += 1 }
        for owner in 0..<ownerCount { starts[owner + 1] += starts[owner] }
        var next = starts
        var members = [Int](repeating: 0, count: starts[ownerCount])
        for (record, owner) in owners.enumerated() {
            guard let owner else { continue }
            members[next[owner]] = record
            next[owner] += 1
        }
        self.starts = starts
        self.members = members
    }

    /// Groups of the owners in `owners` made one after another: `members` appends the indices of an
    /// owner's. Such groups of consecutive ranges of owners are joined with `joined(_:)`.
    init(owners: Range<Int>, members: (_ owner: Int, _ into: inout [Int]) -> Void) {
        var starts = [0]
        starts.reserveCapacity(owners.count + 1)
        var flat: [Int] = []
        for owner in owners {
            members(owner, &flat)
            starts.append(flat.count)
        }
        self.starts = starts
        self.members = flat
    }

    private init(starts: [Int], members: [Int]) {
        self.starts = starts
        self.members = members
    }

    /// The groups of consecutive ranges of owners, as one: the first part's owners first.
    static func joined(_ parts: [IndexGroups]) -> IndexGroups {
        var starts = [0]
        var members: [Int] = []
        for part in parts {
            let offset = members.count
            starts += part.starts.dropFirst().map { $0 + offset }
            members += part.members
        }
        return IndexGroups(starts: starts, members: members)
    }

    /// The records of one owner, in their order.
    subscript(owner: Int) -> ArraySlice<Int> { members[starts[owner]..<starts[owner + 1]] }
}
