/// The compiler's pipeline one stage at a time, for the benchmark program (`plancat-bench`), which times
/// each stage on its own. Not part of the library's API: it is exported as SPI, imported with
/// `@_spi(Benchmarking) import PlanCatalog`, and may change with the pipeline.
///
/// `CatalogCompiler.check` and `build` run these stages, except that they lower each top-level statement
/// as soon as it is parsed instead of parsing the whole file first; here each stage runs on its own, so
/// that its time can be taken.
@_spi(Benchmarking)
public enum CompilerStages {
    /// Lexes one file, returning how many tokens it holds. `parse` lexes again: the parser reads its
    /// tokens as it goes, so the parse stage's time includes lexing, and the parser's own share is the
    /// difference.
    public static func lex(_ file: SourceFile) -> Int {
        Lexer.tokenize(file).tokens.count
    }

    /// Lexes and parses one file.
    public static func parse(_ file: SourceFile) -> SyntaxTree {
        Parser.parse(file).tree
    }

    /// Lowers the trees of a catalog's files into its model.
    public static func lower(_ trees: [SyntaxTree]) -> Catalog {
        Lowering.lower(trees).catalog
    }

    /// Runs every check on the model, returning how many problems they found.
    public static func validate(_ catalog: Catalog) -> Int {
        CatalogChecks.run(catalog).count
    }

    /// Builds the catalog document and every output file's bytes, returning their total size. The bytes
    /// are made as `plancat build` makes them, a chunk at a time, and counted rather than kept.
    public static func emit(_ catalog: Catalog) -> Int {
        let output = BuildOutput(document: CatalogDocument(compiling: catalog))
        var counter = ByteCounter()
        output.write(to: &counter)
        return counter.count
    }

    /// A sink that only counts what it is given.
    private struct ByteCounter: BuildOutputSink {
        var count = 0
        mutating func beginFile(at path: String) {}
        mutating func write(_ chunk: UnsafeRawBufferPointer) { count += chunk.count }
        mutating func endFile() {}
    }
}
