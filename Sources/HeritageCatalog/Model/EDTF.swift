/// Checks values against the Extended Date/Time Format (ISO 8601-2, levels 0 and 1).
///
/// Accepted: `2009`, `2009-08`, `2009-08-15`, negative and `Y`-prefixed years, unspecified
/// digits (`19XX`, `2004-XX`), seasons (`2001-21`), the qualifiers `?`, `~` and `%`, and
/// intervals `A/B` whose ends may be empty (unknown) or `..` (open), such as `1368/1644`.
/// See <https://www.loc.gov/standards/datetime/>.
public enum EDTF {
  /// `true` when `value` is a valid EDTF date or interval.
  public static func isValid(_ value: String) -> Bool {
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      return isValidDate(Substring(value))
    case 2:
      let (start, end) = (parts[0], parts[1])
      if start.isEmpty && end.isEmpty { return false }
      return isValidEnd(start) && isValidEnd(end)
    default:
      return false
    }
  }

  private static func isValidEnd(_ end: Substring) -> Bool {
    end.isEmpty || end == ".." || isValidDate(end)
  }

  private static func isValidDate(_ raw: Substring) -> Bool {
    var text = raw
    while let last = text.last, last == "?" || last == "~" || last == "%" {
      text.removeLast()
    }
    guard !text.isEmpty else { return false }
    if text.first == "Y" {
      let digits = text.dropFirst().drop { $0 == "-" }
      return digits.count > 4 && digits.allSatisfy(\.isASCIIDigit)
    }
    var body = text
    if body.first == "-" { body = body.dropFirst() }
    let fields = body.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count), fields[0].count == 4,
      fields[0].allSatisfy({ $0.isASCIIDigit || $0 == "X" })
    else { return false }
    if fields.count >= 2 {
      let month = fields[1]
      guard month.count == 2 else { return false }
      if month != "XX" {
        guard let number = Int(month),
          (1...12).contains(number) || (fields.count == 2 && (21...24).contains(number))
        else { return false }
      }
    }
    if fields.count == 3 {
      let day = fields[2]
      guard day.count == 2 else { return false }
      if day != "XX" {
        guard let number = Int(day), number >= 1 else { return false }
        let month = Int(fields[1]) ?? 1
        let year = Int(fields[0]) ?? 2000
        guard number <= daysIn(month: month, year: year) else { return false }
      }
    }
    return true
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
