extension Parser {
    /// A file of at least this many bytes is parsed on a thread of its own while the caller takes its
    /// statements (`Parallel.pipeline`): below it, starting a thread costs more than the overlap saves.
    static let pipelinedFileSize = 256 * 1024
    /// How many statements the parsing thread hands over at once, and how many such regions may wait:
    /// enough to keep the two threads from waiting on each other at every statement, few enough that the
    /// statements in flight stay a small part of the memory.
    static let pipelinedRegionSize = 4096
    static let regionsInFlight = 4

    /// Parses `file` and gives `body` each top-level statement in order, on the calling thread, keeping
    /// none of them. A file of `pipelinedFileSize` bytes or more is parsed on a thread of its own
    /// meanwhile, in regions of `regionSize` statements, so that parsing and what the caller does with the
    /// statements (lowering them, printing them) overlap; a smaller one is parsed on the calling thread, a
    /// statement at a time. `alsoOnTheParsingThread` runs after the parse, where the parse ran; its
    /// problems follow the parser's. The result is the same either way.
    static func parse(_ file: SourceFile, id: FileID = .first, pipelinedFileSize: Int = pipelinedFileSize,
                      regionSize: Int = pipelinedRegionSize,
                      alsoOnTheParsingThread: @Sendable () -> [Diagnostic] = { [] },
                      eachStatement body: (Statement) -> Void) -> (trailingTrivia: [Trivia], diagnostics: [Diagnostic]) {
        @Sendable func parseThen(regionSize: Int, eachRegion: (StatementList) -> Void)
            -> (trailingTrivia: [Trivia], diagnostics: [Diagnostic]) {
            var result = parse(file, id: id, regionSize: regionSize, eachRegion: eachRegion)
            result.diagnostics += alsoOnTheParsingThread()
            return result
        }
        guard file.bytes.count >= pipelinedFileSize else {
            return parseThen(regionSize: 1) { region in region.forEach(body) }
        }
        return Parallel.pipeline(capacity: regionsInFlight, produce: { handOver in
            parseThen(regionSize: regionSize, eachRegion: handOver)
        }, consume: { region in
            region.forEach(body)
        })
    }
}
