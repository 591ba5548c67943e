/// Timings (or any measurements) of one thing, with the percentiles a report quotes.
struct Samples {
    private(set) var values: [Double] = []
    private var isSorted = true

    mutating func add(_ value: Double) {
        if let last = values.last, value < last { isSorted = false }
        values.append(value)
    }

    mutating func add(contentsOf more: [Double]) {
        for value in more { add(value) }
    }

    /// The nearest-rank percentile: `percentile(0.5)` is the median, `percentile(0.99)` the p99.
    func percentile(_ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = isSorted ? values : values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var median: Double { percentile(0.5) }
    var maximum: Double { values.max() ?? .nan }
}
