/// The shortest edit script between two sequences of lines: Myers' O(ND) algorithm in its linear-space
/// form (the "middle snake", section 4b of "An O(ND) Difference Algorithm and Its Variations", 1986).
///
/// The linear-space form matters because a formatter's diff can touch every line of a long file: the
/// plain algorithm keeps one vector per edit step, which for a 10,000-line file rewritten throughout is
/// hundreds of megabytes, while this keeps two vectors and recurses on halves. Lines are compared as
/// integers (each distinct line numbered once), so the inner loop never compares strings.
enum LineDiff {
    /// One step of the script, by line index in the old and new sequences.
    enum Edit: Equatable {
        case keep(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// The edits turning `old` into `new`, in order of both sequences; within a run of changes,
    /// deletions and insertions may interleave (a renderer groups them).
    ///
    /// A line found in only one of the sequences can never be kept, so it is left out of the search and
    /// only put back as a deletion or insertion: the script is as short, and a file whose every line
    /// changed (a formatter re-indenting it) costs a linear pass instead of a quadratic search.
    static func edits<Line: Hashable>(from old: [Line], to new: [Line]) -> [Edit] {
        var numbers: [Line: Int] = [:]
        let oldNumbers = old.map { line in numbers[line] ?? { numbers[line] = numbers.count; return numbers.count - 1 }() }
        let newNumbers = new.map { line in numbers[line] ?? { numbers[line] = numbers.count; return numbers.count - 1 }() }
        let inOld = Set(oldNumbers), inNew = Set(newNumbers)
        let oldShared = oldNumbers.indices.filter { inNew.contains(oldNumbers[$0]) }
        let newShared = newNumbers.indices.filter { inOld.contains(newNumbers[$0]) }
        var search = Search(old: oldShared.map { oldNumbers[$0] }, new: newShared.map { newNumbers[$0] })
        search.compare(oldRange: 0..<oldShared.count, newRange: 0..<newShared.count)

        var edits: [Edit] = []
        var oldNext = 0, newNext = 0
        func advance(toOld oldIndex: Int, new newIndex: Int) {
            edits += (oldNext..<oldIndex).map { .delete(old: $0) }
            edits += (newNext..<newIndex).map { .insert(new: $0) }
        }
        for case .keep(let oldIndex, let newIndex) in search.edits {
            let oldLine = oldShared[oldIndex], newLine = newShared[newIndex]
            advance(toOld: oldLine, new: newLine)
            edits.append(.keep(old: oldLine, new: newLine))
            oldNext = oldLine + 1
            newNext = newLine + 1
        }
        advance(toOld: old.count, new: new.count)
        return edits
    }

    /// The recursion's state: the two sequences, the script so far, and the two search vectors.
    private struct Search {
        let old: [Int]
        let new: [Int]
        var edits: [Edit] = []
        private var forward: [Int]
        private var backward: [Int]

        init(old: [Int], new: [Int]) {
            self.old = old
            self.new = new
            let size = 2 * (old.count + new.count) + 4
            forward = Array(repeating: 0, count: size)
            backward = Array(repeating: 0, count: size)
        }

        /// Appends the script of one rectangle of the edit graph.
        mutating func compare(oldRange: Range<Int>, newRange: Range<Int>) {
            var oldStart = oldRange.lowerBound, oldEnd = oldRange.upperBound
            var newStart = newRange.lowerBound, newEnd = newRange.upperBound
            var prefix: [Edit] = []
            while oldStart < oldEnd, newStart < newEnd, old[oldStart] == new[newStart] {
                prefix.append(.keep(old: oldStart, new: newStart))
                oldStart += 1
                newStart += 1
            }
            var suffix: [Edit] = []
            while oldStart < oldEnd, newStart < newEnd, old[oldEnd - 1] == new[newEnd - 1] {
                oldEnd -= 1
                newEnd -= 1
                suffix.append(.keep(old: oldEnd, new: newEnd))
            }
            edits += prefix
            if oldStart == oldEnd {
                edits += (newStart..<newEnd).map { .insert(new: $0) }
            } else if newStart == newEnd {
                edits += (oldStart..<oldEnd).map { .delete(old: $0) }
            } else {
                let snake = middleSnake(oldStart: oldStart, oldEnd: oldEnd, newStart: newStart, newEnd: newEnd)
                // Each half must be smaller than the whole, or the recursion would not end.
                precondition((snake.end.old, snake.end.new) != (oldStart, newStart)
                                 && (snake.start.old, snake.start.new) != (oldEnd, newEnd),
                             "the diff must make progress")
                compare(oldRange: oldStart..<snake.start.old, newRange: newStart..<snake.start.new)
                for offset in 0..<(snake.end.old - snake.start.old) {
                    edits.append(.keep(old: snake.start.old + offset, new: snake.start.new + offset))
                }
                compare(oldRange: snake.end.old..<oldEnd, newRange: snake.end.new..<newEnd)
            }
            edits += suffix.reversed()
        }

        /// The middle snake of a rectangle whose first and last lines differ: a run of equal lines that
        /// some shortest script passes through about half way, found by searching from both corners.
        private mutating func middleSnake(oldStart: Int, oldEnd: Int, newStart: Int, newEnd: Int)
            -> (start: (old: Int, new: Int), end: (old: Int, new: Int)) {
            let oldCount = oldEnd - oldStart, newCount = newEnd - newStart
            let delta = oldCount - newCount
            let isOdd = delta % 2 != 0
            let limit = (oldCount + newCount + 1) / 2
            // Diagonal k is stored at k + center; both vectors span -limit-1...limit+1.
            let center = limit + 1
            forward[center + 1] = 0
            backward[center + 1] = 0
            for step in 0...limit {
                for diagonal in stride(from: -step, through: step, by: 2) {
                    var x = diagonal == -step || (diagonal != step && forward[center + diagonal - 1] < forward[center + diagonal + 1])
                        ? forward[center + diagonal + 1] : forward[center + diagonal - 1] + 1
                    var y = x - diagonal
                    let startX = x, startY = y
                    while x < oldCount, y < newCount, old[oldStart + x] == new[newStart + y] {
                        x += 1
                        y += 1
                    }
                    forward[center + diagonal] = x
                    let mirrored = delta - diagonal
                    if isOdd, mirrored >= -(step - 1), mirrored <= step - 1,
                       x + backward[center + mirrored] >= oldCount {
                        return ((oldStart + startX, newStart + startY), (oldStart + x, newStart + y))
                    }
                }
                for diagonal in stride(from: -step, through: step, by: 2) {
                    var x = diagonal == -step || (diagonal != step && backward[center + diagonal - 1] < backward[center + diagonal + 1])
                        ? backward[center + diagonal + 1] : backward[center + diagonal - 1] + 1
                    var y = x - diagonal
                    let startX = x, startY = y
                    while x < oldCount, y < newCount,
                          old[oldEnd - 1 - x] == new[newEnd - 1 - y] {
                        x += 1
                        y += 1
                    }
                    backward[center + diagonal] = x
                    let mirrored = delta - diagonal
                    if !isOdd, mirrored >= -step, mirrored <= step,
                       x + forward[center + mirrored] >= oldCount {
                        return ((oldEnd - x, newEnd - y), (oldEnd - startX, newEnd - startY))
                    }
                }
            }
            preconditionFailure("two sequences always have a middle snake within (N + M + 1) / 2 steps")
        }
    }
}
