import Testing
@testable import PlanCatalog

/// The index's table of names answers as a `[String: Int32]` that keeps the first position of each
/// name would: by `String` equality, for names of every length, and whatever their bytes.
@Suite struct IDNameTableTests {
    @Test("a repeated name keeps its first position; an unknown one has none")
    func firstPositionWins() {
        var table = IDNameTable(capacity: 3)
        #expect(table.insert("plan_pro", at: 0) == nil)
        #expect(table.insert("plan_team", at: 1) == nil)
        #expect(table.insert("plan_pro", at: 2) == 0)
        #expect(table.position(of: "plan_pro") == 0)
        #expect(table.position(of: "plan_team") == 1)
        #expect(table.position(of: "plan_gone") == nil)
        #expect(table.names == ["plan_pro", "plan_team"])
    }

    @Test("names of every length up to forty bytes, many differing only at the end, are all found")
    func everyLength() {
        let names = (0...40).flatMap { length in
            (0..<30).map { suffix in String(repeating: "x", count: length) + "_\(suffix)" }
        } + [""]
        var table = IDNameTable(capacity: names.count)
        for (position, name) in names.enumerated() {
            #expect(table.insert(name, at: Int32(position)) == nil, "\(name)")
        }
        for (position, name) in names.enumerated() {
            #expect(table.position(of: name) == Int32(position), "\(name)")
        }
        #expect(table.position(of: String(repeating: "x", count: 41)) == nil)
    }

    @Test("names outside ASCII compare as strings do: by canonical equivalence")
    func canonicalEquivalence() {
        // Every name ASCII: the Kelvin sign still finds the letter K.
        var ascii = IDNameTable(capacity: 2)
        _ = ascii.insert("plan_K", at: 0)
        #expect(ascii.position(of: "plan_\u{212A}") == 0)
        #expect(ascii.position(of: "plan_\u{E9}") == nil)

        // A name outside ASCII defined: precomposed and decomposed forms are one name.
        var accented = IDNameTable(capacity: 3)
        #expect(accented.insert("plan_a", at: 0) == nil)
        #expect(accented.insert("caf\u{E9}", at: 1) == nil)
        #expect(accented.insert("cafe\u{301}", at: 2) == 1)
        #expect(accented.position(of: "cafe\u{301}") == 1)
        #expect(accented.position(of: "plan_a") == 0)
        #expect(accented.names == ["plan_a", "caf\u{E9}"])
    }

    /// A name outside ASCII is spelled in ASCII character by character before it is looked up among
    /// ASCII names: the Kelvin sign and the Greek question mark have ASCII equals, an accented letter or a
    /// letter with a combining mark has none.
    @Test("a name outside ASCII is looked up by its ASCII equal, when it has one")
    func asciiEquivalent() {
        #expect(IDNameTable.asciiEquivalent(of: "plan_\u{212A}") == "plan_K")
        #expect(IDNameTable.asciiEquivalent(of: "a\u{37E}b") == "a;b")
        #expect(IDNameTable.asciiEquivalent(of: "caf\u{E9}") == nil)
        #expect(IDNameTable.asciiEquivalent(of: "cafe\u{301}") == nil)
        #expect(IDNameTable.asciiEquivalent(of: "plan") == "plan")
    }

    /// Thousands of lookups of names outside ASCII among thousands of ASCII names, as a broken catalog
    /// makes (each row naming `pà…`): each finds its answer without comparing the name with every name
    /// defined, so the answers are those of a plain search, whichever names are asked for.
    @Test("lookups outside ASCII among many ASCII names give a plain search's answers")
    func manyLookupsOutsideASCII() {
        let names = (0..<5_000).map { "p\($0)" }
        var table = IDNameTable(capacity: names.count)
        for (position, name) in names.enumerated() { _ = table.insert(name, at: Int32(position)) }
        for index in stride(from: 0, to: 5_000, by: 7) {
            #expect(table.position(of: "p\u{E0}\(index)") == nil)
            #expect(table.position(of: "p\(index)") == Int32(index))
        }
        #expect(table.position(of: "p1\u{212A}") == nil)
        var withKelvin = IDNameTable(capacity: 1)
        _ = withKelvin.insert("pK1", at: 0)
        #expect(withKelvin.position(of: "p\u{212A}1") == 0)
    }
}
