import Foundation
@_spi(Benchmarking) import PlanCatalog

/// The pipeline's stages timed one by one in this process, on one synthetic catalog: where a command's
/// time goes, without process start-up, file discovery or writing outputs.
///
/// Each stage runs on the previous stage's result from its first run, so every run of a stage does the
/// same work. `parse` lexes as it goes, so its time includes `lex`'s (CompilerStages.swift).
struct StageTimings {
    let plans: Int
    let sourceBytes: Int
    /// In pipeline order: read, lex, parse, lower, validate, emit.
    let stages: [Stage]

    struct Stage {
        let name: String
        let samples: Samples
        /// Whether the stage goes through the source's bytes, so that MB/s says something about it.
        let readsSource: Bool
    }

    static func measure(_ workspace: SyntheticWorkspace, runs: Int) throws -> StageTimings {
        var stages: [Stage] = []
        func time<Result>(_ name: String, readsSource: Bool = false, _ body: () throws -> Result) rethrows -> Result {
            var seconds: [Double] = []
            var first: Result?
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let result = try body()
                // The result lives past the clock: freeing it is not part of the stage.
                seconds.append(withExtendedLifetime(result) { (ContinuousClock.now - start).seconds })
                if first == nil { first = result }
            }
            stages.append(Stage(name: name, samples: Samples(seconds), readsSource: readsSource))
            return first!
        }

        let url = workspace.catalogURL
        // Read: the file's bytes into a SourceFile, whose line table is built on the way in.
        let file = try time("read", readsSource: true) {
            SourceFile(path: workspace.catalogName, bytes: Array(try Data(contentsOf: url)))
        }
        _ = time("lex", readsSource: true) { CompilerStages.lex(file) }
        let tree = time("parse", readsSource: true) { CompilerStages.parse(file) }
        let catalog = time("lower") { CompilerStages.lower([tree]) }
        let problems = time("validate") { CompilerStages.validate(catalog) }
        guard problems == 0 else {
            throw BenchmarkFailure("\(workspace.catalogName): the checks found \(problems) problems "
                                   + "in a catalog that plancat built")
        }
        _ = time("emit") { CompilerStages.emit(catalog) }
        return StageTimings(plans: workspace.plans, sourceBytes: workspace.sourceBytes, stages: stages)
    }
}
