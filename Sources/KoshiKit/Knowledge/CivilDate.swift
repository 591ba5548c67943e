/// A day of the calendar, in the person's time zone as the driver gives it: what "yesterday",
/// "Monday" and a review point 「12月20日までに」 are counted from. The engine never reads a clock.
public struct CivilDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public let daysSince1970: Int

    public init(daysSince1970: Int) {
        self.daysSince1970 = daysSince1970
    }

    public init(year: Int, month: Int, day: Int) {
        daysSince1970 = Int(Timestamp.days(fromCivil: Int64(year), Int64(month), Int64(day)))
    }

    /// The day of a moment, `offsetSeconds` east of UTC.
    public init(_ timestamp: Timestamp, offsetSeconds: Int = 0) {
        let seconds = timestamp.secondsSince1970 + Int64(offsetSeconds)
        daysSince1970 = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    public var year: Int { Int(Timestamp.civil(fromDays: Int64(daysSince1970)).0) }
    public var month: Int { Int(Timestamp.civil(fromDays: Int64(daysSince1970)).1) }
    public var day: Int { Int(Timestamp.civil(fromDays: Int64(daysSince1970)).2) }
    /// 1 for Monday … 7 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSince1970 % 7 + 7) % 7 + 3) % 7 + 1 }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSince1970: daysSince1970 + days) }

    /// Days since 1970-01-01, by the name the calendar readers use.
    public var dayNumber: Int { daysSince1970 }

    /// How many days back the latest past `weekday` is (1 Monday … 7 Sunday): 1 to 7, never 0,
    /// since "Monday" said on a Monday means the week before.
    public func daysSince(weekday target: Int) -> Int {
        let back = ((weekday - target) % 7 + 7) % 7
        return back == 0 ? 7 : back
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSince1970 < b.daysSince1970 }
}
