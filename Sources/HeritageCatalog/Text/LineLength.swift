/// The number of `Character`s of `lines` joined by newlines, as
/// `lines.joined(separator: "\n").count` gives it, without joining them: the ranking key of
/// "shorter names first", computed for every candidate of a search.
///
/// A newline is always a `Character` of its own, except after a carriage return (CR LF is one).
/// A line of printable ASCII and CJK ideographs only has one `Character` per scalar; any other
/// line is counted by `String.count`, which walks grapheme boundaries (ten times the cost for
/// CJK text).
func joinedLength(_ lines: [String]) -> Int {
  var length = max(0, lines.count - 1)
  for (index, line) in lines.enumerated() {
    length += scalarsAreCharacters(line) ?? line.count
    if index < lines.count - 1, line.unicodeScalars.last == "\r" { length -= 1 }
  }
  return length
}

/// The number of scalars of `text` when each is a `Character` of its own for certain (every
/// scalar printable ASCII or a CJK unified ideograph: none of them joins a neighbour), else
/// `nil`.
private func scalarsAreCharacters(_ text: String) -> Int? {
  var count = 0
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x20...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF: count += 1
    default: return nil
    }
  }
  return count
}
