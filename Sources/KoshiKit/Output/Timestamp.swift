/// A moment as seconds since 1970 in UTC, written the ISO 8601 way; the clock itself belongs to
/// the driver, so that tests can fix the time.
public struct Timestamp: Sendable, Hashable {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// `2026-11-25T08:11:13Z`.
    public var iso8601: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let seconds = secondsSince1970 - days * 86_400
        let (year, month, day) = Timestamp.civil(fromDays: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(iso8601 text: String) {
        let digits = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int64($0) }
        guard digits.count == 6, text.hasSuffix("Z"), (1...12).contains(digits[1]), (1...31).contains(digits[2]),
              digits[3] < 24, digits[4] < 60, digits[5] < 61 else { return nil }
        let days = Timestamp.days(fromCivil: digits[0], digits[1], digits[2])
        secondsSince1970 = days * 86_400 + digits[3] * 3600 + digits[4] * 60 + digits[5]
    }

    // Howard Hinnant's civil calendar algorithms.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
