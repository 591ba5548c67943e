/// A day of the calendar, without a time or a zone: what "Monday" or 「先週の月曜」 is counted
/// from. The session passes today's date in; the reader never reads a clock.
public struct CivilDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day of the week, 1 for Monday to 7 for Sunday (ISO 8601).
    public var weekday: Int {
        let d = dayNumber
        return ((d + 3) % 7 + 7) % 7 + 1
    }

    /// How many days back the latest past `weekday` is (1 Monday … 7 Sunday): 1 to 7, never 0,
    /// since "Monday" said on a Monday means the week before.
    public func daysSince(weekday target: Int) -> Int {
        let back = ((weekday - target) % 7 + 7) % 7
        return back == 0 ? 7 : back
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
