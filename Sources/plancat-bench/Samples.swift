/// The timed runs of one measurement, in seconds. The median is the number the report leads with: a
/// run that a neighbouring process slowed down moves it less than it moves a mean. The minimum is what
/// the code itself takes when nothing interferes.
struct Samples {
    let seconds: [Double]

    init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "a measurement needs at least one run")
        self.seconds = seconds.sorted()
    }

    var median: Double {
        let middle = seconds.count / 2
        return seconds.count % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2
    }

    var minimum: Double { seconds[0] }
}
