import Testing
@testable import PlanCatalog

/// A public pricing-table file holds nothing private (OUTPUT.md, LANGUAGE.md §2 "Quotes are private"):
/// no quote's id, override price, customer or subscription, no hidden plan, and no trial plan as a row —
/// a trial appears only as the `trial.trialPlanId` of its parent's row. Checked on every file of every
/// corpus catalog that builds, by searching the file's raw bytes, so that a private string is found
/// wherever it hides: in a bullet, a heading, a component's label, a key.
@Suite struct PublicTableLeakTests {
    /// Every corpus catalog that builds.
    static let catalogs = CatalogCorpus.catalogs.filter { CatalogCompiler.build($0.sourceFiles()).output != nil }

    /// One string a public table must not hold, and what it is, for the message.
    struct PrivateString: Hashable {
        let text: String
        let kind: String
    }

    /// What the catalog keeps private. Trial plans are left out of the hidden plans even when hidden:
    /// a trial's id is public by design in its parent's row, and `trialProblems` says where it may be.
    static func privateStrings(of document: CatalogDocument) -> [PrivateString] {
        var strings: [PrivateString] = []
        for quote in document.quotes {
            strings.append(.init(text: quote.id, kind: "quote id"))
            strings.append(.init(text: quote.priceID, kind: "override price id"))
            strings.append(.init(text: quote.customer, kind: "quote customer"))
            if let subscription = quote.stableSubscriptionID {
                strings.append(.init(text: subscription, kind: "subscription id"))
            }
        }
        for price in document.prices where price.isOverridePrice {
            strings.append(.init(text: price.id, kind: "override price id"))
        }
        for plan in document.plans where !plan.isVisibleInPricingTable && !plan.isTrialPlan {
            strings.append(.init(text: plan.id, kind: "hidden plan id"))
            strings += plan.priceIDs.map { .init(text: $0, kind: "hidden plan's price id") }
        }
        return Array(Set(strings)).sorted { ($0.text, $0.kind) < ($1.text, $1.kind) }
    }

    /// How often `text` occurs in `bytes` as JSON writes it (escaped) and as a whole word where it starts
    /// or ends with a word character: the quote `q1` is not found in `q10`, nor the plan `plan_team` in
    /// `plan_team_yearly`, which would be false alarms; `Globex` is found in "Built for Globex".
    static func occurrences(of text: String, in bytes: [UInt8]) -> Int {
        let needle = Array(JSONText.quoted(text).utf8.dropFirst().dropLast())
        guard !needle.isEmpty, needle.count <= bytes.count else { return 0 }
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
        var count = 0
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            let end = start + needle.count
            if isWordByte(needle[0]), start > 0, isWordByte(bytes[start - 1]) { continue }
            if isWordByte(needle[needle.count - 1]), end < bytes.count, isWordByte(bytes[end]) { continue }
            count += 1
        }
        return count
    }

    /// Every way a public table's bytes break the rules, as lines for a person; none for a clean file.
    static func leaks(in file: OutputFile, of document: CatalogDocument) -> [String] {
        var problems: [String] = []
        for secret in privateStrings(of: document) where occurrences(of: secret.text, in: file.bytes) > 0 {
            problems.append("holds \(secret.kind) `\(secret.text)`")
        }
        guard let table = try? JSONParser.parse(file.bytes), case .array(let rows)? = table["pricingTable"]?["plans"] else {
            return problems + ["is not a public pricing table"]
        }
        return problems + trialProblems(rows: rows, bytes: file.bytes, document: document)
    }

    /// No row is a trial plan; a row whose plan has a trial carries it as `trial`, and the trial's id
    /// appears nowhere else in the file.
    static func trialProblems(rows: [JSONValue], bytes: [UInt8], document: CatalogDocument) -> [String] {
        var problems: [String] = []
        let trials = document.plans.filter(\.isTrialPlan)
        for (index, row) in rows.enumerated() {
            guard case .string(let planID)? = row["planId"] else {
                problems.append("row \(index + 1) has no planId")
                continue
            }
            if trials.contains(where: { $0.id == planID }) {
                problems.append("row \(index + 1) is trial plan `\(planID)`")
            }
            let expected: JSONValue = trials.first { $0.trialParentPlanID == planID }.map { trial in
                .object([.init("available", true), .init("days", .number(trial.trialDays)),
                         .init("trialPlanId", .string(trial.id))])
            } ?? .null
            if row["trial"] != expected {
                problems.append("row \(index + 1) (`\(planID)`) has trial \(row["trial"].map { JSONWriter.compactText(of: $0) } ?? "missing"), "
                                + "not \(JSONWriter.compactText(of: expected))")
            }
        }
        for trial in trials {
            let parentRows = rows.count { $0["planId"] == .string(trial.trialParentPlanID ?? "") }
            let found = occurrences(of: trial.id, in: bytes)
            if found != parentRows {
                problems.append("names trial plan `\(trial.id)` \(found) times; only its parent's \(parentRows) row(s) may, "
                                + "as their trial")
            }
        }
        return problems
    }

    // MARK: The corpus

    @Test("no public pricing table holds anything private", arguments: catalogs)
    func publicTablesHoldNothingPrivate(_ catalog: CatalogCorpus.Catalog) throws {
        let output = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        let tables = output.files.filter { $0.path.hasPrefix(BuildOutput.pricingTablesDirectory + "/") }
        #expect(tables.count == output.document.pricingTables.count)
        for file in tables {
            for problem in Self.leaks(in: file, of: output.document) {
                Issue.record("\(catalog.name): \(file.path) \(problem)")
            }
        }
    }

    @Test("the corpus has quotes, subscriptions, hidden plans and trials with a parent's row to leak from")
    func corpusCanLeak() throws {
        let documents = try Self.catalogs.map { try #require(CatalogCompiler.build($0.sourceFiles()).output).document }
        #expect(documents.contains { !$0.quotes.isEmpty && !$0.pricingTables.isEmpty }, "quotes")
        #expect(documents.contains { $0.quotes.contains { $0.stableSubscriptionID != nil } }, "subscription ids")
        #expect(documents.contains { $0.plans.contains { !$0.isVisibleInPricingTable && !$0.isTrialPlan } }, "hidden plans")
        #expect(documents.contains { document in
            document.plans.contains { trial in
                trial.isTrialPlan && document.pricingTables.contains { $0.planConfigs.contains { $0.planID == trial.trialParentPlanID } }
            }
        }, "a trial whose parent is a row, so that its row's `trial` is checked")
        // One catalog with all of them, so that a leak of each kind is looked for next to the others.
        let teamspace = try #require(Self.catalogs.firstIndex { $0.name == "catalogs/teamspace" })
        let kinds = Set(Self.privateStrings(of: documents[teamspace]).map(\.kind))
        #expect(kinds.isSuperset(of: ["quote id", "override price id", "quote customer", "subscription id", "hidden plan id"]),
                "\(kinds)")
    }

    // MARK: The check bites

    /// The shipped catalog directory's public table, with `edit` applied to its text.
    static func plantedTeamspaceTable(_ edit: (String) -> String) throws -> (OutputFile, CatalogDocument) {
        let catalog = try #require(catalogs.first { $0.name == "catalogs/teamspace" })
        let output = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        let file = try #require(output.files.first { $0.path.hasPrefix(BuildOutput.pricingTablesDirectory + "/") })
        let text = String(decoding: file.bytes, as: UTF8.self)
        let edited = edit(text)
        #expect(edited != text, "the edit changes the file")
        return (OutputFile(path: file.path, bytes: Array(edited.utf8)), output.document)
    }

    @Test("each kind of planted leak is found")
    func plantedLeaksAreFound() throws {
        let catalog = try #require(Self.catalogs.first { $0.name == "catalogs/teamspace" })
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output).document
        let quote = try #require(document.quotes.first { $0.stableSubscriptionID != nil })
        let hidden = try #require(document.plans.first { !$0.isVisibleInPricingTable && !$0.isTrialPlan })
        let trial = try #require(document.plans.first { $0.isTrialPlan })
        let plants: [(String, String)] = [
            (quote.customer, "holds quote customer `\(quote.customer)`"),
            (quote.id, "holds quote id `\(quote.id)`"),
            (quote.priceID, "holds override price id `\(quote.priceID)`"),
            (quote.stableSubscriptionID ?? "", "holds subscription id `\(quote.stableSubscriptionID ?? "")`"),
            (hidden.id, "holds hidden plan id `\(hidden.id)`"),
            (trial.id, "names trial plan `\(trial.id)` 2 times"),
        ]
        for (planted, expected) in plants {
            // Into a bullet, where free text could carry it unnoticed.
            let (file, document) = try Self.plantedTeamspaceTable {
                $0.replacing(#""text": ""#, with: #""text": "\#(planted) — "#, maxReplacements: 1)
            }
            let problems = Self.leaks(in: file, of: document)
            #expect(problems.contains { $0.hasPrefix(expected) }, "planted `\(planted)`: \(problems)")
        }
    }

    @Test("a trial plan's row, and a row without its plan's trial, are found")
    func trialRowsAreFound() throws {
        let catalog = try #require(Self.catalogs.first { $0.name == "catalogs/teamspace" })
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output).document
        let trial = try #require(document.plans.first { $0.isTrialPlan })
        let parent = try #require(trial.trialParentPlanID)
        // The parent's row renamed to the trial: a row of the trial itself, and no row carrying the trial.
        let (asRow, rowDocument) = try Self.plantedTeamspaceTable {
            $0.replacing(#""planId": "\#(parent)""#, with: #""planId": "\#(trial.id)""#)
        }
        let problems = Self.leaks(in: asRow, of: rowDocument)
        #expect(problems.contains { $0.hasPrefix("row") && $0.contains("is trial plan `\(trial.id)`") }, "\(problems)")
        #expect(problems.contains { $0.contains("has trial") }, "\(problems)")

        // The parent's row without its trial.
        let (withoutTrial, trialDocument) = try Self.plantedTeamspaceTable { text in
            text.replacing(#""trialPlanId": "\#(trial.id)""#, with: #""trialPlanId": "plan_other""#)
        }
        let missing = Self.leaks(in: withoutTrial, of: trialDocument)
        #expect(missing.contains { $0.contains("(`\(parent)`) has trial") }, "\(missing)")
        #expect(missing.contains { $0.hasPrefix("names trial plan `\(trial.id)` 0 times") }, "\(missing)")
    }

    @Test("a private id is found as a whole word only, and escaped as JSON writes it")
    func occurrencesAreWholeWords() {
        let bytes = Array(#"{"a": "q10 plan_team_yearly", "b": "for \"Acme\" Corp", "c": "q1"}"#.utf8)
        #expect(Self.occurrences(of: "q1", in: bytes) == 1)
        #expect(Self.occurrences(of: "plan_team", in: bytes) == 0)
        #expect(Self.occurrences(of: "\"Acme\" Corp", in: bytes) == 1)
        #expect(Self.occurrences(of: "Corp", in: bytes) == 1)
    }
}
