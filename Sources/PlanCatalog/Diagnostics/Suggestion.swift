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
            let distance = isPrefix ? 1 : editDistance(target, Array(candidate.unicodeScalars), limit: allowed)
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up early
    /// once every path exceeds `limit`.
    static func editDistance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar], limit: Int) -> Int {
        if abs(source.count - target.count) > limit { return limit + 1 }
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previousPrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    value = Swift.min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[target.count]
    }

    /// The help line for a suggestion: "did you mean `api-calls`?".
    public static func help(_ candidate: String?) -> String? {
        candidate.map { "did you mean `\($0)`?" }
    }
}
