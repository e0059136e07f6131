/// Lists of ids by owner in two flat arrays (compressed sparse rows): the members of owner `n` are
/// `members[starts[n]..<starts[n + 1]]`. One allocation for all owners instead of one array per owner,
/// and no hashing to find an owner's list: what `[String: [Plan]]` was, indexed by position.
struct IDGroups<Member: Sendable>: Sendable {
    /// Where each owner's members start in `members`; one more entry than there are owners.
    private var starts: [Int32]
    private var members: [Member]

    /// Groups built owner by owner, in order: `append` each member of the current owner, then
    /// `closeOwner()`.
    init(reservingOwners owners: Int = 0, members: Int = 0) {
        starts = [0]
        starts.reserveCapacity(owners + 1)
        self.members = []
        self.members.reserveCapacity(members)
    }

    /// Members grouped by owner, each going to the owner given with it, kept in the order given.
    init(_ pairs: [(owner: Int, member: Member)], ownerCount: Int) {
        var counts = [Int32](repeating: 0, count: ownerCount + 1)
        for pair in pairs { counts[pair.owner + 1] += 1 }
        for owner in 0..<ownerCount { counts[owner + 1] += counts[owner] }
        var next = counts
        var placed = [Member?](repeating: nil, count: pairs.count)
        for pair in pairs {
            placed[Int(next[pair.owner])] = pair.member
            next[pair.owner] += 1
        }
        starts = counts
        members = placed.map { $0! }
    }

    mutating func append(_ member: Member) { members.append(member) }

    mutating func closeOwner() { starts.append(Int32(members.count)) }

    /// The members of owner `owner`, in the order they were added.
    subscript(owner: Int) -> ArraySlice<Member> {
        members[Int(starts[owner])..<Int(starts[owner + 1])]
    }

    /// The `position`th member of owner `owner`.
    func member(_ position: Int, of owner: Int) -> Member {
        members[Int(starts[owner]) + position]
    }

    /// Whether no owner has a member.
    var isEmpty: Bool { members.isEmpty }
}
