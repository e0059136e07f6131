/// What one benchmark run does, from its command line (`plancat-bench --help`).
struct BenchmarkOptions {
    /// Where the report section goes.
    enum Output: Equatable {
        /// Between the markers of this file, which is created if missing.
        case file(String)
        /// `--output -`: the section alone, on standard output.
        case standardOutput
    }

    static let usage = """
        usage: plancat-bench [--sizes N,N,…] [--runs N] [--plancat PATH] [--output FILE|-] [--work DIR] [--seed S]

        Times plancat's commands on synthetic catalogs, as whole processes and per pipeline stage, and
        writes the results into Docs/Performance.md between its benchmark markers. Run it in release
        through `.ci/bench`, from the repository root.

          --sizes N,N,…   catalog sizes in plans (default 1000,10000,100000)
          --runs N        timed runs of each command and stage, after one warm-up (default 5)
          --plancat PATH  the plancat executable to time (default: the one beside plancat-bench)
          --output FILE   the file to write the section into (default Docs/Performance.md);
                          `-` prints the section on standard output instead
          --work DIR      where the catalogs and outputs go, kept afterwards (default: a temporary
                          directory, removed at the end)
          --seed S        the synthetic catalogs' seed (default 1)
          --help          this text
        """

    var sizes = [1_000, 10_000, 100_000]
    var runs = 5
    var plancatPath: String?
    var output = Output.file("Docs/Performance.md")
    var workDirectory: String?
    var seed: UInt64 = 1
    /// `--help`: print the usage and do nothing else.
    var showsHelp = false

    /// Whole-process runs of the shipped catalogs: they take milliseconds, so more runs cost nothing and
    /// steady the median of so short a measurement.
    var seedCatalogRuns: Int { max(20, runs) }

    /// A command line that cannot be run as written; exit status 64.
    struct UsageError: Error {
        let message: String
    }

    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            // `--name value` and `--name=value` both work, as in plancat itself.
            var name = argument
            var attachedValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attachedValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let attachedValue { return attachedValue }
                guard let next = remaining.popFirst() else { throw UsageError(message: "\(name) needs a value") }
                return next
            }
            switch name {
            case "--help", "-h": showsHelp = true
            case "--sizes": sizes = try Self.sizes(from: try value())
            case "--runs": runs = try Self.positiveNumber(try value(), of: "--runs")
            case "--plancat": plancatPath = try value()
            case "--output":
                let path = try value()
                output = path == "-" ? .standardOutput : .file(path)
            case "--work": workDirectory = try value()
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw UsageError(message: "--seed needs a whole number, not `\(text)`")
                }
                self.seed = seed
            default:
                throw UsageError(message: argument.hasPrefix("-") ? "unknown option `\(argument)`"
                                                                  : "unexpected argument `\(argument)`")
            }
        }
    }

    /// Distinct sizes in increasing order, so that tables and growth ratios read from small to large.
    private static func sizes(from text: String) throws(UsageError) -> [Int] {
        var sizes: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            sizes.append(try positiveNumber(String(part), of: "--sizes"))
        }
        return Array(Set(sizes)).sorted()
    }

    private static func positiveNumber(_ text: String, of option: String) throws(UsageError) -> Int {
        guard let number = Int(text), number > 0 else {
            throw UsageError(message: "\(option) needs positive whole numbers, not `\(text)`")
        }
        return number
    }
}
