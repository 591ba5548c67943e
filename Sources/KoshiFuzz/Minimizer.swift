import KoshiTestSupport

/// Shrinks an input that breaks an invariant while it still breaks it: first whole lines, then
/// ever smaller runs of bytes. Smaller reproducers make precise reports.
struct Minimizer {
    let stillFails: ([UInt8]) -> Bool
    var attempts = 4_000
    /// Shrinking stops here even with attempts left: slow inputs make slow attempts.
    let deadline = Monotonic.now() + 120

    mutating func minimize(_ input: [UInt8]) -> [UInt8] {
        var best = dropLines(input)
        var chunk = max(1, best.count / 2)
        while chunk >= 1 && attempts > 0 {
            var start = 0
            var shrank = false
            while start < best.count && attempts > 0 {
                var candidate = best
                candidate.removeSubrange(start..<min(best.count, start + chunk))
                if tries(candidate) {
                    best = candidate
                    shrank = true
                } else {
                    start += chunk
                }
            }
            if !shrank { chunk /= 2 }
        }
        return best
    }

    private mutating func dropLines(_ input: [UInt8]) -> [UInt8] {
        var lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        var index = 0
        while index < lines.count && lines.count > 1 && attempts > 0 {
            var candidate = lines
            candidate.remove(at: index)
            if tries(Array(candidate.joined(separator: [0x0A]))) { lines = candidate } else { index += 1 }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    private mutating func tries(_ candidate: [UInt8]) -> Bool {
        attempts = Monotonic.now() < deadline ? attempts - 1 : 0
        return stillFails(candidate)
    }
}
