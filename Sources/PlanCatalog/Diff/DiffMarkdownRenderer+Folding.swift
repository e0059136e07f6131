/// Folding a comment that is too long for GitHub, one step at a time, each leaving out more and saying
/// what it left out:
///
/// 1. the field blocks of changes, largest first, until the comment fits (a few huge changes — a new
///    price list, a rewritten pricing table — are folded before many small ones);
/// 2. the request bodies of API calls (a manual step keeps its body: it is what a person must enter);
/// 3. the API calls themselves, keeping every manual step;
/// 4. the operations altogether;
/// 5. table rows from the end, as many as it takes.
///
/// The summary line, the breaking count and the warning are never left out.
extension DiffMarkdownRenderer {
    struct Folding {
        /// Field blocks left out, by section number and change index.
        var leftOutFields: Set<ChangeAddress> = []
        var leavesOutBodies = false
        var leavesOutAPICalls = false
        var leavesOutOperations = false
        /// The most table rows each section shows; nil: all.
        var tableRowLimit: Int?

        struct ChangeAddress: Hashable {
            let section: Int
            let change: Int
        }

        func leavesOutFields(section: Int, change: Int) -> Bool {
            leftOutFields.contains(ChangeAddress(section: section, change: change))
        }

        /// The next folding for a comment `output` that is too long, or nil when nothing is left to fold.
        func next(pieces: Pieces, output: String, maximumLength: Int) -> Folding? {
            var next = self
            let excess = output.utf8.count - maximumLength
            // 1. Field blocks, largest first, until their sizes cover the excess and a note per section.
            var blocks: [(address: ChangeAddress, size: Int)] = []
            for (sectionNumber, sectionBlocks) in pieces.fieldBlocks.enumerated() {
                for (index, block) in sectionBlocks {
                    let address = ChangeAddress(section: sectionNumber, change: index)
                    guard !leftOutFields.contains(address) else { continue }
                    blocks.append((address, block.utf8.count + 1))
                }
            }
            if !blocks.isEmpty {
                let noteAllowance = 200 * pieces.fieldBlocks.count
                var covered = 0
                let largestFirst = blocks.sorted {
                    ($0.size, $1.address.section, $1.address.change) > ($1.size, $0.address.section, $0.address.change)
                }
                for block in largestFirst {
                    next.leftOutFields.insert(block.address)
                    covered += block.size
                    if covered >= excess + noteAllowance { break }
                }
                return next
            }
            // 2.–4. The operations, less and less of them.
            let hasOperations = pieces.hasOperations
            if hasOperations, !leavesOutBodies {
                next.leavesOutBodies = true
                return next
            }
            if hasOperations, !leavesOutAPICalls {
                next.leavesOutAPICalls = true
                return next
            }
            if hasOperations, !leavesOutOperations {
                next.leavesOutOperations = true
                return next
            }
            // 5., the table rows, is left to the renderer, which finds how many fit.
            return nil
        }
    }
}
