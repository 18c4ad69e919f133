import Foundation
import Testing

@testable import HeritageServer

/// `Last-Modified` dates by calendar arithmetic agree with Foundation's date formatter.
struct HTTPDateTests {
  @Test func agreesWithADateFormatterFrom1970To2200() throws {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    // Every 1,000,003 seconds (11.6 days, so every weekday, day of month and leap day comes
    // round) from 1970 to 2200, plus the leap days and year ends themselves.
    var instants = Array(stride(from: 0, to: 7_258_118_400, by: 1_000_003)).map {
      Date(timeIntervalSince1970: Double($0))
    }
    for text in [
      "2000-02-29T12:00:00Z", "2024-02-29T23:59:59Z", "2100-03-01T00:00:00Z", "1999-12-31T23:59:59Z",
      "2026-11-25T23:01:44Z",
    ] {
      instants.append(try Date(text, strategy: .iso8601))
    }
    for instant in instants {
      let text = instant.ISO8601Format()
      #expect(HTTPDate.format(iso8601: text) == formatter.string(from: instant), "\(text)")
    }
  }

  @Test(arguments: [
    "", "2026-11-25", "2026-11-25T23:01:44", "2026-11-25T23:01:44.5Z", "2026-13-01T00:00:00Z",
    "2026-02-29T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25 23:01:44Z", "２０２６-11-25T23:01:44Z",
  ])
  func whatIsNotASecondsTimestampHasNoDate(text: String) {
    #expect(HTTPDate.format(iso8601: text) == nil)
  }
}
