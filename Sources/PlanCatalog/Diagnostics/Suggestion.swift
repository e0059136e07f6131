/// "Did you mean …?": the closest candidate to a misspelt name, by edit distance.
public enum Suggestion {
    /// The candidate nearest to `name`, if it is close enough to be a plausible typo.
    ///
    /// A candidate that differs only in case always qualifies. Otherwise the allowed distance grows with
    /// the name's length (one edit for short names, at most three), so that `pro` never suggests `free`.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.unicodeScalars)
        let lowered = name.lowercased()
        let allowed = Swift.min(3, Swift.max(1, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            if candidate.lowercased() == lowered { return candidate }
            // A name cut short or run on (`comp_usage` for `comp_usage_api`) counts as one edit away.
            let isPrefix = min(candidate.count, name.count) >= 3
                && (candidate.hasPrefix(name) || name.hasPrefix(candidate))
            // A length that differs by more than the budget is more edits away than allowed: skipped
            // before its characters are copied out.
            guard isPrefix || abs(candidate.unicodeScalars.count - target.count) <= allowed else { continue }
            // Only a candidate nearer than the best so far matters, so the band narrows as they improve.
            let limit = Swift.min(allowed, (best?.distance ?? allowed + 1) - 1)
            let distance = isPrefix ? 1 : editDistance(target, Array(candidate.unicodeScalars), limit: limit)
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `limit + 1` for
    /// anything farther than `limit`.
    ///
    /// Only the band of cells within `limit` of the diagonal is computed, since a path leaving it costs
    /// more than `limit` edits, and the work stops once a whole row of the band is over `limit`: two
    /// 60,000-character ids take 60,000 × (2 × limit + 1) steps, not 60,000², which made `check` hang on a
    /// small file (issue 18). Cells outside the band hold `limit + 1`, never more, so sums cannot overflow.
    static func editDistance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar], limit: Int) -> Int {
        var steps = 0
        return editDistance(source, target, limit: limit, steps: &steps)
    }

    /// The same, counting in `steps` the cells it computes, so that tests can check that the work is
    /// bounded by the band rather than timing it.
    static func editDistance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar], limit: Int,
                             steps: inout Int) -> Int {
        let outside = limit + 1
        if abs(source.count - target.count) > limit { return outside }
        // What the two share at either end costs nothing: `plan_pro_monthly` against `plan_pro_montly`
        // comes down to `h` against nothing.
        var start = 0
        while start < source.count, start < target.count, source[start] == target[start] { start += 1 }
        var sourceEnd = source.count, targetEnd = target.count
        while sourceEnd > start, targetEnd > start, source[sourceEnd - 1] == target[targetEnd - 1] {
            sourceEnd -= 1
            targetEnd -= 1
        }
        if start > 0 || sourceEnd < source.count {
            return editDistance(Array(source[start..<sourceEnd]), Array(target[start..<targetEnd]), limit: limit,
                                steps: &steps)
        }
        if source.isEmpty { return Swift.min(target.count, outside) }
        if target.isEmpty { return Swift.min(source.count, outside) }
        var previousPrevious = [Int](repeating: outside, count: target.count + 1)
        var previous = [Int](repeating: outside, count: target.count + 1)
        var current = [Int](repeating: outside, count: target.count + 1)
        for j in 0...Swift.min(target.count, limit) { previous[j] = j }
        for i in 1...source.count {
            let low = Swift.max(1, i - limit)
            let high = Swift.min(target.count, i + limit)
            // The cell left of the band: the first column while it is within `limit`, else outside.
            var left = low == 1 ? i : outside
            current[low - 1] = left
            var rowMinimum = left
            for j in low...high {
                steps += 1
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                // `previous[j]` lies outside the previous row's band when j is its last cell plus one.
                let above = j < i + limit ? previous[j] : outside
                var value = Swift.min(above + 1, left + 1, previous[j - 1] + cost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    value = Swift.min(value, previousPrevious[j - 2] + 1)
                }
                value = Swift.min(value, outside)
                current[j] = value
                left = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            if rowMinimum > limit { return outside }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[target.count]
    }

    /// The help line for a suggestion: "did you mean `api-calls`?".
    public static func help(_ candidate: String?) -> String? {
        candidate.map { "did you mean `\($0)`?" }
    }
}
