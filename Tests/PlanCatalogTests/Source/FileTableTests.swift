import Testing
@testable import PlanCatalog

/// The file table: a location names its file by id, and the compilation's table turns the id back into
/// a path, a line and a column.
@Suite struct FileTableTests {
    @Test func idsAreThePositionsOfTheFilesInTheOrderAdded() {
        let first = SourceFile(path: "b.plancat", text: "plan b {\n}\n")
        let second = SourceFile(path: "a.plancat", text: "x\n  plan a\n")
        var table = FileTable()
        #expect(table.add(first) == .first)
        #expect(table.add(second) == FileID(1))
        #expect(table.count == 2)
        #expect(table.ids == [FileID(0), FileID(1)])
        #expect(table[FileID(1)] === second)
        let location = SourceLocation(file: FileID(1), span: Span(start: 4, end: 8))
        #expect(table.path(of: location) == "a.plancat")
        #expect(table.text(of: location) == "plan")
        #expect(table.start(of: location) == LineColumn(line: 2, column: 3))
        #expect(table.end(of: location) == LineColumn(line: 2, column: 7))
    }

    /// The compiler numbers a catalog's files in path order, whatever order they are given in, and its
    /// result carries the table that the model's and the diagnostics' locations index.
    @Test func aCheckNumbersItsFilesInPathOrderAndReturnsTheTable() throws {
        let plans = SourceFile(path: "cat/plans.plancat", text: "plan pro {\n  name \"Pro\"\n}\n")
        let metrics = SourceFile(path: "cat/catalog.plancat", text: "catalog \"C\"\nmetric api {\n  name \"API\"\n}\n")
        let result = CatalogCompiler.check([plans, metrics])
        #expect(result.files.files.map(\.path) == ["cat/catalog.plancat", "cat/plans.plancat"])
        let plan = try #require(result.catalog.plans.first)
        #expect(result.files.path(of: plan.id.location) == "cat/plans.plancat")
        #expect(result.files.text(of: plan.id.location) == "pro")
        let metric = try #require(result.catalog.metrics.first)
        #expect(result.files.start(of: metric.id.location) == LineColumn(line: 2, column: 8))
        // The placeholder plan's warning points into the second file.
        let warning = result.diagnostics.first { $0.code == .unusedPlaceholderPlan }
        #expect(warning.map { result.files.path(of: $0.location) } == "cat/plans.plancat")
    }

    /// Two checks have tables of their own: the same id names each check's own file.
    @Test func eachCheckHasItsOwnTable() throws {
        let one = CatalogCompiler.check([SourceFile(path: "one.plancat", text: "plan p {\n  name \"P\"\n}\n")])
        let two = CatalogCompiler.check([SourceFile(path: "two.plancat", text: "\nplan q {\n  name \"Q\"\n}\n")])
        let first = try #require(one.diagnostics.first), second = try #require(two.diagnostics.first)
        #expect(first.location.file == second.location.file)
        #expect(one.files.path(of: first.location) == "one.plancat")
        #expect(two.files.path(of: second.location) == "two.plancat")
        #expect(two.files.start(of: second.location).line == 2)
    }

    /// A location is plain integers and small: every token, statement and model value holds one, so its
    /// size is the model's size (issue 15).
    @Test func aLocationIsTwelveBytesOfIntegers() {
        #expect(MemoryLayout<PlanCatalog.SourceLocation>.size == 12)
        #expect(MemoryLayout<Span>.size == 8)
        #expect(_isPOD(PlanCatalog.SourceLocation.self))
    }
}
