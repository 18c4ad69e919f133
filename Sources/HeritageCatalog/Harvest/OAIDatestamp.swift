/// A `from` or `until` argument: a day (`YYYY-MM-DD`) or a second (`YYYY-MM-DDThh:mm:ssZ`),
/// the two granularities OAI-PMH allows and this repository supports.
struct OAIDatestamp: Hashable, Sendable {
  enum Granularity: Sendable { case day, second }

  /// The text as given.
  var text: String
  var granularity: Granularity

  /// Parses `text`, or `nil` when it is neither granularity or names no real date and time.
  init?(_ text: String) {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard bytes.count == 10 || bytes.count == 20, bytes[4] == UInt8(ascii: "-"),
      bytes[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      year >= 1, (1...12).contains(month), day >= 1, day <= OAIDatestamp.days(inMonth: month, of: year)
    else { return nil }
    if bytes.count == 20 {
      guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
        bytes[19] == UInt8(ascii: "Z"), let hour = number(11..<13), let minute = number(14..<16),
        let second = number(17..<19), hour < 24, minute < 60, second < 60
      else { return nil }
      granularity = .second
    } else {
      granularity = .day
    }
    self.text = text
  }

  /// The first second it covers, as a datestamp.
  var start: String { granularity == .day ? text + "T00:00:00Z" : text }

  /// The last second it covers: a day-granularity `until` covers the whole day.
  var end: String { granularity == .day ? text + "T23:59:59Z" : text }

  private static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
