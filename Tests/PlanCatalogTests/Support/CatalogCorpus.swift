import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Real catalogs to test whole-compiler properties on: every shipped catalog under `catalogs/`, every
/// `.plancat` fixture under `Tests/PlanCatalogTests/Fixtures/`, and a built-in sample that is always there.
///
/// Files are grouped as LANGUAGE.md groups them: every `.plancat` under a directory holding
/// `catalog.plancat` belongs to that one catalog; any other file is a catalog of its own.
enum CatalogCorpus {
    /// One catalog: the files that are checked together.
    struct Catalog: Sendable, CustomTestStringConvertible {
        struct File: Sendable {
            /// Relative to the package root, as diagnostics show it.
            let path: String
            let bytes: [UInt8]
        }

        let name: String
        let files: [File]

        var testDescription: String { name }
        var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }

        /// Fresh source files, so that nothing is shared between two checks.
        func sourceFiles() -> [SourceFile] { files.map { SourceFile(path: $0.path, bytes: $0.bytes) } }
    }

    /// The package root, found from this file's path: Tests/PlanCatalogTests/Support/CatalogCorpus.swift.
    static let packageRoot: URL = PackageRoot.url

    /// The sample first, then the shipped catalogs and the fixtures, each in path order.
    static let catalogs: [Catalog] = {
        var result = [Catalog(name: "built-in sample", files: [.init(path: "sample.plancat", bytes: Array(sample.utf8))])]
        result += catalogs(under: "catalogs")
        result += catalogs(under: "Tests/PlanCatalogTests/Fixtures")
        return result
    }()

    /// Every catalog under a directory of the package (none when it does not exist).
    static func catalogs(under relativeDirectory: String) -> [Catalog] {
        let root = packageRoot.appendingPathComponent(relativeDirectory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "plancat" {
            paths.append(url.standardizedFileURL.path)
        }
        let rootPath = root.standardizedFileURL.path
        var groups: [String: [String]] = [:]
        for path in paths {
            groups[catalogRoot(of: path, within: rootPath), default: []].append(path)
        }
        let prefix = packageRoot.standardizedFileURL.path + "/"
        func relative(_ path: String) -> String { path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path }
        return groups.keys.sorted().compactMap { key in
            let files = groups[key]!.sorted().compactMap { path -> Catalog.File? in
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                return Catalog.File(path: relative(path), bytes: Array(data))
            }
            return files.isEmpty ? nil : Catalog(name: relative(key), files: files)
        }
    }

    /// The catalog directory a file belongs to (the nearest one holding `catalog.plancat`), or the file.
    private static func catalogRoot(of path: String, within rootPath: String) -> String {
        var directory = (path as NSString).deletingLastPathComponent
        while directory.hasPrefix(rootPath) {
            if FileManager.default.fileExists(atPath: directory + "/catalog.plancat") { return directory }
            if directory == rootPath { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return path
    }

    /// A realistic catalog of every form of LANGUAGE.md, which checks clean: the corpus is never empty.
    static let sample = """
        # Acme Analytics: the Free / Pro / Enterprise model, written out in full.
        catalog "Acme Analytics"
        currency USD

        metric api-calls {
          name "API calls"
          event "api.call"
          aggregate count
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
          unit "API call"
        }

        feature advanced-reports {
          name "Advanced reports"
          description "Cohorts, funnels and retention"
          type boolean
        }

        feature team-members {
          name "Team members"
          type number
          unit "seat"
        }

        feature support {
          name "Support"
          type text
        }

        plan plan_free {
          name "Free"
          features {
            team-members 3
            api-calls
            support "Community forum"
          }
          price price_free_monthly {
            interval month
            component comp_base { fixed 0 }
          }
          credit free_api_quota {
            name "Free API quota"
            applies-to api-calls
            amount 1_000
            renew monthly
          }
        }

        plan plan_pro {
          name "Pro"
          description "For growing teams"
          features {
            advanced-reports
            team-members 10
            api-calls
            support "Priority email" # answered within a day
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29.00; label "Platform fee" }
            component comp_usage_api { usage api-calls; unit-price 0.002 }
          }
          price price_pro_yearly {
            interval year
            component comp_base { fixed 290 }
            component comp_usage_api { usage api-calls; unit-price 0.002 }
          }
          credit included_api_quota {
            name "Included API Quota"
            applies-to price_pro_monthly.comp_usage_api
            amount 10_000
          }
        }

        plan plan_pro_trial {
          name "Pro trial"
          trial-of plan_pro
          trial-days 14
        }

        plan plan_enterprise {
          name "Enterprise"
          features {
            advanced-reports
            team-members unlimited
            api-calls
            support "Dedicated account manager \\u{1F91D}"
          }
        }

        pricing-table main {
          heading "Simple, usage-based pricing"
          subheading "Start free; pay as you grow."
          row plan_free
          row plan_pro { popular "Most teams pick this" }
          row plan_enterprise {
            enterprise "https://example.com/contact-sales"
            bullet "SSO and audit logs"
            outline
          }
        }

        quote quote_globex {
          plan plan_enterprise
          customer "Globex Corporation"
          effective next-billing
          price price_globex_yearly {
            interval year
            component comp_seats { per-seat 25.50; min-seats 100; unit "user" }
            component comp_platform { fixed 5_000 }
          }
        }

        """
}
