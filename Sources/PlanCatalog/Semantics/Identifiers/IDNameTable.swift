/// The place of the first definition of each id string of one kind: the lookup by name behind
/// `IDTable` (and the identity checks' search for repeated ids), an open-addressing hash table over the
/// names' UTF-8 bytes.
///
/// Why not `[String: Int32]`: the standard library hashes a `String` with SipHash, and the index looks
/// up every reference once (five or more per plan), so that hash was most of the index's time. Here a
/// name is hashed with FNV-1a, a few instructions a byte, as compilers do for their symbol tables
/// (rustc's `FxHash` makes the same trade). Its starting value is drawn once per process, as SipHash's
/// key is: a catalog from a pull request is not always its reviewer's own input, and names made to share
/// a slot under a fixed hash would turn every lookup into a walk of the table. Only the slots depend on
/// it, never a result. The table is filled once and then only read, so it needs neither deletion nor
/// growth: it is made with room for every name at half load.
///
/// Names compare as `String`s do, by canonical equivalence, which bytes alone cannot tell for text
/// outside ASCII (`K` and the Kelvin sign `K` are equal). Ids are ASCII (the lexer reports any other
/// word, E0117), so that case is kept correct at a bounded cost: once a name outside ASCII is defined,
/// the table answers through a `Dictionary`; and a name outside ASCII looked up among ASCII ones is first
/// spelled in ASCII, character by character (`asciiEquivalent`), then looked up like any other.
struct IDNameTable: Sendable {
    /// Each distinct name once, in the order first inserted.
    private(set) var names: [String] = []
    /// Where the first definition of `names[n]` stands in its kind's list.
    private var positions: [Int32] = []
    /// The hash table proper: 1 + an index into `names`, or 0 for an empty slot. Its size is a power of
    /// two; a name starts at the slot its hash's top bits pick and probes onward one slot at a time.
    private var slots: [Int32]
    /// 64 minus the number of bits that pick a slot.
    private let shift: UInt64
    /// The hash's starting value: this process's, read once per table.
    private let seed = Self.processSeed
    /// From the first definition of a name outside ASCII on: every name, by `String` equality, to its
    /// index in `names`. Nil while every name is ASCII (always, in a catalog without errors).
    private var byCanonicalName: [String: Int]?

    /// A table with room for `capacity` names at no more than half load.
    init(capacity: Int) {
        var slotCount = 8
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = [Int32](repeating: 0, count: slotCount)
        shift = UInt64(64 - slotCount.trailingZeroBitCount)
        names.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// Records that the definition at `position` has the id `name`, unless an earlier one has it: then
    /// returns that earlier one's position and records nothing.
    mutating func insert(_ name: String, at position: Int32) -> Int32? {
        let (hash, isASCII) = Self.hash(name, seed: seed)
        if !isASCII, byCanonicalName == nil {
            byCanonicalName = Dictionary(uniqueKeysWithValues: zip(names, names.indices))
        }
        if byCanonicalName != nil {
            if let entry = byCanonicalName![name] { return positions[entry] }
            byCanonicalName![name] = names.count
            names.append(name)
            positions.append(position)
            return nil
        }
        precondition(2 * (names.count + 1) <= slots.count, "IDNameTable(capacity:) counts every name")
        var slot = firstSlot(hash)
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if names[entry] == name { return positions[entry] }
            slot = (slot + 1) & (slots.count - 1)
        }
        names.append(name)
        positions.append(position)
        slots[slot] = Int32(names.count)
        return nil
    }

    /// The position of the first definition named `name`; nil when none is.
    func position(of name: String) -> Int32? {
        if let byCanonicalName { return byCanonicalName[name].map { positions[$0] } }
        let (hash, isASCII) = Self.hash(name, seed: seed)
        guard isASCII else {
            // Every name defined is ASCII; this one may still equal one of them (the Kelvin sign).
            guard let ascii = Self.asciiEquivalent(of: name) else { return nil }
            return position(of: ascii)
        }
        var slot = firstSlot(hash)
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if names[entry] == name { return positions[entry] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The ASCII string equal to `name`, or nil when none is. Strings are equal when their characters
    /// are, one by one, so each character outside ASCII is compared with the ASCII characters an id can
    /// hold: a bounded cost per character, where comparing the name with every name defined grew with the
    /// catalog (a broken catalog of 30,000 such references took 25 s).
    static func asciiEquivalent(of name: String) -> String? {
        var ascii = ""
        for character in name {
            if character.isASCII {
                ascii.append(character)
                continue
            }
            guard let equal = idCharacters.first(where: { $0 == character }) else { return nil }
            ascii.append(equal)
        }
        return ascii
    }

    /// Every ASCII character but the controls: those an id can hold, and the rest of what a lookup could
    /// be asked about.
    private static let idCharacters: [Character] = (0x20...0x7e).map { Character(Unicode.Scalar(UInt8($0))) }

    /// The starting value of every table's hash in this process.
    private static let processSeed = UInt64.random(in: .min ... .max)

    /// The slot a name's probe starts at: the top bits of its hash.
    private func firstSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> shift)
    }

    /// FNV-1a's step over the name's UTF-8 bytes, eight at a time where the string lends them in place
    /// (a native string always does), else one at a time through its UTF-8 view; then mixed once more.
    /// And whether every byte is ASCII, found on the way.
    static func hash(_ name: String, seed: UInt64) -> (hash: UInt64, isASCII: Bool) {
        var (hash, isASCII) = name.utf8.withContiguousStorageIfAvailable { fnv1a(words: $0, seed: seed) }
            ?? fnv1a(bytes: name.utf8, seed: seed)
        // FNV-1a's multiplication carries a bit only upward, and its prime (2^40 + 0x1b3) barely moves
        // the last bytes into the top bits, which pick the slot: ids that differ in their last digits
        // (`plan_000017`, `plan_000018`) would crowd into one run of slots. MurmurHash3's finalizer
        // spreads every bit over the whole word.
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return (hash, isASCII)
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Eight bytes a step: an id is ten to twenty bytes, so this takes two or three steps where a byte
    /// at a time takes a dozen or more. The bytes are read as unaligned words of the buffer; the last
    /// word is the last eight bytes, overlapping the one before unless the length is a multiple of
    /// eight, and a name shorter than a word is one word padded with zeros. The length goes into the
    /// starting value, so that names of different lengths differ.
    private static func fnv1a(words bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> (hash: UInt64, isASCII: Bool) {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash = offsetBasis ^ seed ^ UInt64(raw.count)
        var allBits: UInt64 = 0
        func step(_ word: UInt64) {
            hash = (hash ^ word) &* prime
            allBits |= word
        }
        if raw.count >= 8 {
            var offset = 0
            while offset + 8 < raw.count {
                step(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            step(raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        } else {
            var word: UInt64 = 0
            for position in 0..<raw.count { word |= UInt64(raw[position]) << (8 * UInt64(position)) }
            step(word)
        }
        return (hash, allBits & 0x8080_8080_8080_8080 == 0)
    }

    /// For a string that does not lend its bytes in place (one bridged from elsewhere): its bytes copied
    /// out, then hashed as above, so that a name hashes the same however it is stored.
    private static func fnv1a(bytes: String.UTF8View, seed: UInt64) -> (hash: UInt64, isASCII: Bool) {
        Array(bytes).withUnsafeBufferPointer { fnv1a(words: $0, seed: seed) }
    }
}
