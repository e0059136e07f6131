#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog
import Testing

/// SIGINT, SIGTERM and the other terminating signals (SIGHUP, SIGQUIT, SIGUSR1, SIGALRM) sent to the real
/// `plancat` executable while it builds, formats or imports a large catalog: whenever the signal comes,
/// every file written is either as it was or entirely new — never a mix, never half a file — no temporary
/// dot-file is left, and the process exits 0 (it finished first) or 128 + the signal (130, 143, 129…)
/// after `plancat: interrupted` (Docs/CLI.md § Exit status). And two builds into one directory at once
/// leave it as one or the other left it.
///
/// Signals cannot be tested in process, so each attempt runs `plancat` as a child, started with both
/// signals at their default action and unblocked whatever the test runner does with them, and waits until
/// the child has installed its handler (on Linux, by its `SigCgt` in /proc) before the clock starts: a
/// signal before that would end it by the default action, which is the kernel's business, not plancat's.
///
/// The moment of the signal is chosen two ways. Spread delays — fractions of an uninterrupted run, from
/// 2% (still reading the catalog) to 95% — cover the whole run. Watching the file system hits the short windows
/// that matter exactly: the first temporary dot-file appearing (the write phase), and `catalog.json`
/// being replaced (the commit, where a build renames one file after another and removes stale pricing
/// tables). The generated catalog has 40 pricing tables, so a commit is ~80 renames and removals long.
///
/// The suite is serialized so that its runs do not compete with each other for the CPU, which would
/// stretch the timings it spreads its delays over; and it blocks its thread while it waits (see `pause`).
@Suite(.serialized) struct InterruptedWriteTests {
    // MARK: build

    @Test(arguments: [SIGINT, SIGTERM])
    func buildInterruptedAfterVariousDelaysIsEntirelyOldOrEntirelyNew(signal: Int32) throws {
        let fixture = try BuildFixture.shared.get()
        let directory = try TemporaryDirectory(["next.plancat": fixture.nextSource])
        var outcomes: [Outcome] = []
        for fraction in [0.02, 0.35, 0.7, 0.95] {
            let delay = fixture.nextBuildDuration * fraction
            outcomes.append(try attemptBuild(fixture, in: directory, signal: signal, at: .after(delay),
                                                   label: "signal \(signal) after \(delay)"))
        }
        // The earliest signal comes long before the build writes anything.
        #expect(outcomes.first == Outcome(wasInterrupted: true, matched: 0),
                "the first signal, at 2% of the build, must stop it before it writes: \(outcomes)")
    }

    /// The signal goes as soon as the first temporary file appears: the handler must remove it and those
    /// written after it. (In 20 runs of 20 with each signal, it was interrupted with the previous files.)
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func buildInterruptedWhileWritingTemporaryFilesLeavesThePreviousFiles(signal: Int32) throws {
        let fixture = try BuildFixture.shared.get()
        let directory = try TemporaryDirectory(["next.plancat": fixture.nextSource])
        let output = directory.path + "/out"
        let outcomes = try untilInterrupted {
            try attemptBuild(fixture, in: directory, signal: signal, at: .when { hasTemporaryFile(in: output) },
                             label: "signal \(signal) at the first temporary file")
        }
        #expect(outcomes.contains { $0.wasInterrupted },
                "the signal came too late to test the write phase: \(outcomes)")
    }

    /// The signal goes as soon as catalog.json, the first file renamed, is replaced: the commit must go on
    /// to its end (some 40 renames and 40 removals later), then the process stops. Without the deferral
    /// every run of 20 left a mix: a new catalog.json with the previous entitlements.json and tables; so
    /// did SIGHUP, SIGUSR1 and SIGALRM, which were not handled at all, and SIGQUIT, which the runtime's
    /// backtracer took.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM])
    func buildInterruptedDuringItsCommitFinishesTheCommitFirst(signal: Int32) throws {
        let fixture = try BuildFixture.shared.get()
        let directory = try TemporaryDirectory(["next.plancat": fixture.nextSource])
        let catalog = directory.path + "/out/catalog.json"
        var previousCatalog: [UInt64] = []
        let outcomes = try untilInterrupted {
            try attemptBuild(fixture, in: directory, signal: signal,
                             at: .when { fileIdentity(catalog) != previousCatalog },
                             // catalog.json is new by then: so must be everything.
                             expecting: [fixture.nextOutput],
                             label: "signal \(signal) once catalog.json is replaced") {
                previousCatalog = fileIdentity(catalog)
            }
        }
        #expect(outcomes.contains { $0.wasInterrupted }, "the signal came too late to test the commit: \(outcomes)")
    }

    /// A build into a directory that does not exist yet: interrupted before its commit, it removes the
    /// directories it made too.
    @Test func buildIntoANewDirectoryInterruptedLeavesNoDirectoryOrAllOfIt() throws {
        let fixture = try BuildFixture.shared.get()
        let directory = try TemporaryDirectory(["next.plancat": fixture.nextSource])
        let parent = directory.path + "/new", output = parent + "/out"
        var outcomes: [Outcome] = []
        for trigger in [Trigger.when { hasTemporaryFile(in: output) }, .after(fixture.nextBuildDuration * 0.5)] {
            try? FileManager.default.removeItem(atPath: parent)
            outcomes.append(try attempt(["build", directory.path + "/next.plancat", "-o", output],
                                              signal: SIGINT, at: trigger, in: directory.path, watching: parent,
                                              expecting: [.missing, fixture.nextOutput.moved(under: "out")],
                                              label: "SIGINT building into a new directory"))
        }
        #expect(outcomes.first == Outcome(wasInterrupted: true, matched: 0),
                "the signal at the first temporary file must leave no directory: \(outcomes)")
    }

    // MARK: Concurrent builds

    /// Two builds of different revisions into one directory, started together: each waits its turn for
    /// the directory's lock, so both exit 0 and the directory is exactly one revision's build, never a mix
    /// (without the lock, a probe saw a mix in 17 of 350 pairs), and no temporary file is left.
    @Test func twoBuildsIntoOneDirectoryAtOnceLeaveOneBuildOrTheOther() throws {
        let fixture = try BuildFixture.shared.get()
        let directory = try TemporaryDirectory(["previous.plancat": fixture.previousSource,
                                                "next.plancat": fixture.nextSource])
        let output = directory.path + "/out"
        for round in 0..<6 {
            // Over the previous build, or into nothing at all: a new directory is made by both at once.
            if round % 2 == 0 {
                try fixture.previousOutput.restore(at: output)
            } else {
                try? FileManager.default.removeItem(atPath: output)
            }
            let first = try PlancatProcess(["build", directory.path + "/previous.plancat", "-o", output],
                                           standardError: directory.path + "/first.txt")
            let second = try PlancatProcess(["build", directory.path + "/next.plancat", "-o", output],
                                            standardError: directory.path + "/second.txt")
            let terminations = [first.wait(), second.wait()]
            let errors = ["first.txt", "second.txt"].map {
                (try? String(contentsOfFile: directory.path + "/" + $0, encoding: .utf8)) ?? ""
            }
            #expect(terminations == [.exited(0), .exited(0)], "round \(round): \(terminations) \(errors)")
            let left = Snapshot(of: output) ?? .missing
            #expect(left.names.filter(isTemporaryFile).isEmpty, "round \(round): temporary files left")
            let matched = [fixture.previousOutput, fixture.nextOutput].firstIndex(of: left)
            #expect(matched != nil, """
                round \(round) left a mix of the two builds: \
                \(left.difference(from: [fixture.previousOutput, fixture.nextOutput]))
                """)
        }
    }

    // MARK: fmt and import

    /// fmt rewrites each file on its own (Docs/CLI.md § plancat fmt): each must be as it was or
    /// formatted, in any combination.
    @Test func fmtInterruptedLeavesEachFileAsItWasOrFormatted() throws {
        let names = ["a.plancat", "b.plancat", "c.plancat"]
        var files: [String: String] = [:]
        for (revision, name) in names.enumerated() {
            let source = LargeCatalog.source(planCount: 1000, rowsPerTable: 1000, revision: revision,
                                             indentation: "    ")
            files["catalogs/" + name] = source
            files["reference/" + name] = source
        }
        let directory = try TemporaryDirectory(files)
        let catalogs = directory.path + "/catalogs", referenceDirectory = directory.path + "/reference"
        let original = try #require(Snapshot(of: catalogs))
        let reference = try PlancatProcess.run(["fmt"] + names.map { referenceDirectory + "/" + $0 },
                                                     in: directory.path)
        #expect(reference.termination == .exited(0), "fmt failed: \(reference.standardError)")
        let formatted = try #require(Snapshot(of: referenceDirectory))
        #expect(formatted.files.keys.allSatisfy { formatted.files[$0] != original.files[$0] },
                "the generated files must all need formatting")

        let triggers = [0.1, 0.4, 0.7, 0.9].map { Trigger.after(reference.duration * $0) }
            + [.when { hasTemporaryFile(in: catalogs) }]
        var outcomes: [Outcome] = []
        for trigger in triggers {
            try original.restore(at: catalogs)
            outcomes.append(try attempt(["fmt"] + names.map { catalogs + "/" + $0 },
                                              signal: SIGINT, at: trigger, in: directory.path, watching: catalogs,
                                              expecting: Snapshot.everyMix(of: original, and: formatted),
                                              label: "SIGINT during fmt"))
        }
        #expect(outcomes.first == Outcome(wasInterrupted: true, matched: 0),
                "the first signal, at 10% of the run, must stop fmt before it writes: \(outcomes)")
    }

    @Test func importInterruptedLeavesTheOutputAsItWasOrComplete() throws {
        let source = LargeCatalog.source(planCount: 300, rowsPerTable: 300, revision: 0)
        let built = try #require(CatalogCompiler.build([SourceFile(path: "large.plancat", text: source)]).output,
                                 "the generated catalog does not build")
        let previous = "# the previous acme.plancat, which an interrupted import must not lose\n"
        let catalogJSON = String(decoding: built.document.jsonBytes, as: UTF8.self)
        let directory = try TemporaryDirectory(["catalog.json": catalogJSON, "out/acme.plancat": previous,
                                                "reference/acme.plancat": previous])
        let input = directory.path + "/catalog.json", output = directory.path + "/out"
        let reference = try PlancatProcess.run(
            ["import", input, "-o", directory.path + "/reference/acme.plancat"], in: directory.path)
        #expect(reference.termination == .exited(0), "import failed: \(reference.standardError)")
        let imported = try #require(Snapshot(of: directory.path + "/reference"))
        let original = try #require(Snapshot(of: output))

        let triggers = [0.1, 0.5, 0.9, 0.97].map { Trigger.after(reference.duration * $0) }
            + [.when { hasTemporaryFile(in: output) }]
        var outcomes: [Outcome] = []
        for trigger in triggers {
            try original.restore(at: output)
            outcomes.append(try attempt(["import", input, "-o", output + "/acme.plancat"],
                                              signal: SIGINT, at: trigger, in: directory.path, watching: output,
                                              expecting: [original, imported], label: "SIGINT during import"))
        }
        #expect(outcomes.first == Outcome(wasInterrupted: true, matched: 0),
                "the first signal, at 10% of the run, must stop import before it writes: \(outcomes)")
    }

    /// Runs `attempt` until it is interrupted, at most three times: a watched window is only hit if the
    /// test's thread is on a CPU at that moment, which a loaded machine does not always grant. Every run
    /// must leave an expected state all the same (`attempt` checks that).
    private func untilInterrupted(_ attempt: () throws -> Outcome) rethrows -> [Outcome] {
        var outcomes: [Outcome] = []
        while outcomes.count < 3, !(outcomes.last?.wasInterrupted ?? false) {
            outcomes.append(try attempt())
        }
        return outcomes
    }

    /// Restores the previous build into `out/`, then builds the next revision over it with a signal.
    /// `prepare` runs once the previous files are back, before plancat starts.
    private func attemptBuild(_ fixture: BuildFixture, in directory: TemporaryDirectory, signal: Int32,
                              at trigger: Trigger, expecting expected: [Snapshot]? = nil, label: String,
                              prepare: () -> Void = {}) throws -> Outcome {
        let output = directory.path + "/out"
        try fixture.previousOutput.restore(at: output)
        prepare()
        return try attempt(["build", directory.path + "/next.plancat", "-o", output], signal: signal,
                                 at: trigger, in: directory.path, watching: output,
                                 expecting: expected ?? [fixture.previousOutput, fixture.nextOutput], label: label)
    }

    // MARK: One attempt

    /// How an attempt ended: interrupted or finished, and which expected state it left (its index).
    private struct Outcome: Equatable, CustomStringConvertible {
        let wasInterrupted: Bool
        let matched: Int?

        var description: String {
            (wasInterrupted ? "interrupted" : "finished") + (matched.map { ", state \($0)" } ?? ", no expected state")
        }
    }

    /// When the signal goes.
    private enum Trigger {
        /// This long after the child has installed its handler.
        case after(Duration)
        /// As soon as this is true.
        case when(() -> Bool)
    }

    /// Runs `plancat arguments`, sends `signal` at `trigger`, and checks what it left in `watched`: one of
    /// `expected`, no temporary file, exit 0 or 128 + `signal` (then with `plancat: interrupted`).
    private func attempt(_ arguments: [String], signal: Int32, at trigger: Trigger, in directory: String,
                         watching watched: String, expecting expected: [Snapshot],
                         label: String) throws -> Outcome {
        let process = try PlancatProcess(arguments, standardError: directory + "/stderr.txt")
        process.waitUntilCatchingInterrupts()
        switch trigger {
        case .after(let delay):
            pause(delay)
        case .when(let isTime):
            // Every 100 µs, so as not to take the CPU from the child; without pause from its write phase on,
            // a few milliseconds in which a commit's window is counted in microseconds.
            let deadline = ContinuousClock.now + .seconds(30)
            var isWriting = false
            while !isTime(), process.poll() == nil, ContinuousClock.now < deadline {
                isWriting = isWriting || hasTemporaryFile(in: watched)
                if !isWriting { usleep(100) }
            }
        }
        process.send(signal)
        let termination = process.wait()
        let standardError = (try? String(contentsOfFile: directory + "/stderr.txt", encoding: .utf8)) ?? ""

        let wasInterrupted = termination == .exited(128 + signal)
        #expect(termination == .exited(0) || wasInterrupted,
                "\(label): plancat ended with \(termination): \(standardError)")
        if wasInterrupted {
            #expect(standardError.hasSuffix("plancat: interrupted\n"), "\(label): standard error was \(standardError)")
        }
        let left = Snapshot(of: watched) ?? .missing
        let temporaryFiles = left.names.filter(isTemporaryFile)
        #expect(temporaryFiles.isEmpty, "\(label): temporary files left behind: \(temporaryFiles)")
        let matched = expected.firstIndex(of: left)
        #expect(matched != nil, """
            \(label) (\(termination)) left a state that is none of those expected: \
            \(left.difference(from: expected))
            """)
        return Outcome(wasInterrupted: wasInterrupted, matched: matched)
    }

    private func hasTemporaryFile(in directory: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains(where: isTemporaryFile)
    }

    /// `.catalog.json.plancat-4242-k3x9.tmp`, as `AtomicFileWriter` names them.
    private func isTemporaryFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix(".") && name.contains(".plancat-") && name.hasSuffix(".tmp")
    }

    /// Sleeps this thread. The tests block rather than await: with other suites' long tests holding the
    /// cooperative threads (two on a two-core machine), an awaited sleep can resume seconds late.
    private func pause(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    /// The device and inode at `path`: a rename over it changes them.
    private func fileIdentity(_ path: String) -> [UInt64] {
        var information = stat()
        guard stat(path, &information) == 0 else { return [] }
        return [UInt64(information.st_dev), UInt64(information.st_ino)]
    }
}

// MARK: - The build fixture

/// The two builds every build test starts from, made once: the previous output (the generated catalog
/// at revision 0, built by the real executable) and the next one (revision 1 built over it), with how
/// long that second build took.
private struct BuildFixture: Sendable {
    let previousSource: String
    let nextSource: String
    let previousOutput: Snapshot
    let nextOutput: Snapshot
    let nextBuildDuration: Duration

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let shared: Result<BuildFixture, Failure> = Result { () throws(Failure) in try make() }

    private static func make() throws(Failure) -> BuildFixture {
        do {
            let previousSource = LargeCatalog.source(planCount: 1000, rowsPerTable: 25, revision: 0)
            let nextSource = LargeCatalog.source(planCount: 1000, rowsPerTable: 25, revision: 1)
            let directory = try TemporaryDirectory(["previous.plancat": previousSource, "next.plancat": nextSource])
            let output = directory.path + "/out"
            let first = try PlancatProcess.run(["build", directory.path + "/previous.plancat", "-o", output],
                                                       in: directory.path)
            guard first.termination == .exited(0), let previous = Snapshot(of: output) else {
                throw Failure(description: "the previous build failed: \(first.termination) \(first.standardError)")
            }
            let second = try PlancatProcess.run(["build", directory.path + "/next.plancat", "-o", output],
                                                        in: directory.path)
            guard second.termination == .exited(0), let next = Snapshot(of: output) else {
                throw Failure(description: "the next build failed: \(second.termination) \(second.standardError)")
            }
            // Every file differs, and the pricing tables are renamed: a mix is always visible.
            guard Set(previous.files.keys).isDisjoint(with: next.files.keys.filter { $0.hasPrefix("pricing-tables/") }),
                  previous.files["catalog.json"] != next.files["catalog.json"],
                  previous.files["entitlements.json"] != next.files["entitlements.json"] else {
                throw Failure(description: "the two revisions of the generated catalog build to overlapping files")
            }
            return BuildFixture(previousSource: previousSource, nextSource: nextSource, previousOutput: previous, nextOutput: next,
                                nextBuildDuration: second.duration)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }
}

// MARK: - The generated catalog

/// A large catalog, the same bytes every time: `planCount` plans with a monthly price and one to eight
/// boolean features each, shown in pricing tables of `rowsPerTable` rows. Another `revision` changes every
/// plan's name, features and price, and renames every pricing table, so that every output file differs
/// and the old tables become stale. `indentation` other than two spaces makes it need formatting.
private enum LargeCatalog {
    static func source(planCount: Int, rowsPerTable: Int, revision: Int, indentation: String = "  ") -> String {
        let featureCount = 8
        var lines = ["catalog \"Generated\"", "currency USD", ""]
        for feature in 0..<featureCount {
            lines += ["feature feature-\(feature) {", indentation + "name \"Feature \(feature)\"",
                      indentation + "type boolean", "}", ""]
        }
        for plan in 0..<planCount {
            let id = planID(plan)
            lines += ["plan \(id) {",
                      indentation + "name \"Plan \(plan), revision \(revision)\"",
                      indentation + "description \"A generated plan to make the catalog large\"",
                      indentation + "features {"]
            for feature in 0...((plan + revision) % featureCount) {
                lines.append(indentation + indentation + "feature-\(feature)")
            }
            lines += [indentation + "}",
                      indentation + "price price_\(plan)_monthly {",
                      indentation + indentation + "interval month",
                      indentation + indentation + "component comp_base { fixed \(plan + revision) }",
                      indentation + "}",
                      "}", ""]
        }
        for (table, first) in stride(from: 0, to: planCount, by: rowsPerTable).enumerated() {
            lines += ["pricing-table tier-\(revision)-\(table) {", indentation + "name \"Tier \(table)\""]
            for plan in first..<min(planCount, first + rowsPerTable) {
                lines.append(indentation + "row " + planID(plan))
            }
            lines += ["}", ""]
        }
        return lines.joined(separator: "\n")
    }

    private static func planID(_ plan: Int) -> String {
        "plan_" + String(repeating: "0", count: max(0, 5 - String(plan).count)) + String(plan)
    }
}

// MARK: - Directory contents

/// Every directory and file under a directory, with the files' bytes; `missing` when there is none.
private struct Snapshot: Equatable, Sendable {
    var exists = true
    var directories: Set<String> = []
    var files: [String: [UInt8]] = [:]

    static let missing = Snapshot(exists: false)

    /// All the names, directories and files, relative to the snapshot's root.
    var names: [String] { (Array(directories) + files.keys).sorted() }

    init(exists: Bool) { self.exists = exists }

    /// Reads everything under `root`; nil when it is not a directory.
    init?(of root: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        var pending = [""]
        while let relative = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                   isDirectory.boolValue {
                    directories.insert(path)
                    pending.append(path)
                } else {
                    files[path] = FileManager.default.contents(atPath: root + "/" + path).map(Array.init) ?? []
                }
            }
        }
    }

    /// The same contents one directory further down, as seen from its parent.
    func moved(under name: String) -> Snapshot {
        var moved = Snapshot(exists: true)
        moved.directories = Set(directories.map { name + "/" + $0 } + [name])
        moved.files = Dictionary(uniqueKeysWithValues: files.map { (name + "/" + $0.key, $0.value) })
        return moved
    }

    /// Makes `root` hold exactly these contents again.
    func restore(at root: String) throws {
        try? FileManager.default.removeItem(atPath: root)
        guard exists else { return }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for directory in directories.sorted() {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        for (path, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + path))
        }
    }

    /// Every snapshot that takes each file from `old` or from `new` (which hold the same names).
    static func everyMix(of old: Snapshot, and new: Snapshot) -> [Snapshot] {
        var mixes = [old]
        for name in old.files.keys.sorted() {
            mixes += mixes.map { mix in
                var mixed = mix
                mixed.files[name] = new.files[name]
                return mixed
            }
        }
        return mixes
    }

    /// Which names differ from each expected snapshot, for a failure message.
    func difference(from expected: [Snapshot]) -> String {
        guard exists else { return "no directory" }
        return expected.enumerated().map { index, other in
            let names = Set(names).union(other.names).sorted().filter { name in
                directories.contains(name) != other.directories.contains(name) || files[name] != other.files[name]
            }
            return "state \(index) differs at \(names.prefix(8).joined(separator: ", "))"
                + (names.count > 8 ? " and \(names.count - 8) more" : "")
        }.joined(separator: "; ")
    }
}
