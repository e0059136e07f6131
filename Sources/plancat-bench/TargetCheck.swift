/// One target of the issue against what the benchmark measured: a row of the report's targets table.
struct TargetCheck {
    let target: String
    let goal: String
    /// The measured value, or why there is none ("not run").
    let measured: String
    /// `met`, `missed by 0.21 s (21%)`, or `—` when nothing was measured.
    let result: String

    /// A value that must stay at or below `limit`; `unit` formats values and differences alike.
    static func atMost(_ target: String, _ limit: Double, measured value: Double?, unit: (Double) -> String,
                       missingBecause reason: String = "not run") -> TargetCheck {
        guard let value else {
            return TargetCheck(target: target, goal: "≤ \(unit(limit))", measured: reason, result: "—")
        }
        let result = value <= limit
            ? "met"
            : "missed by \(unit(value - limit)) (\(Format.fixed((value / limit - 1) * 100, digits: 0))%)"
        return TargetCheck(target: target, goal: "≤ \(unit(limit))", measured: unit(value), result: result)
    }

    /// A value that must reach at least `limit`.
    static func atLeast(_ target: String, _ limit: Double, measured value: Double?,
                        unit: (Double) -> String) -> TargetCheck {
        guard let value else {
            return TargetCheck(target: target, goal: "≥ \(unit(limit))", measured: "not run", result: "—")
        }
        let result = value >= limit
            ? "met"
            : "missed by \(unit(limit - value)) (\(Format.fixed((1 - value / limit) * 100, digits: 0))%)"
        return TargetCheck(target: target, goal: "≥ \(unit(limit))", measured: unit(value), result: result)
    }
}
