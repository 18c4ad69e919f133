/// libxml2's messages (schema and syntax errors, in English) as ``Message``s, so that the ones
/// archivists meet most are shown in their language: a rule per message shape, the values it
/// quotes kept as arguments. A message no rule knows is shown as libxml2 wrote it.
enum LibXMLMessages {
  /// The message for `text`, a diagnostic tidied by HeritageXML (`attribute id of <gi-product>:
  /// [facet 'pattern'] The value 'X' is not accepted by the pattern 'P'.`).
  static func message(_ text: String) -> Message {
    var subject: Message?
    var body = Substring(text)
    if let match = body.prefixMatch(of: #/attribute ([^ ]+) of <([^>]+)>: /#) {
      subject = "attribute \(String(match.1)) of <\(String(match.2))>"
      body = body[match.range.upperBound...]
    } else if let match = body.prefixMatch(of: #/<([^>]+)>: /#) {
      subject = "<\(String(match.1))>"
      body = body[match.range.upperBound...]
    }
    guard let known = rule(String(body)) else { return Message(verbatim: text) }
    guard let subject else { return known }
    return "\(subject): \(known)"
  }

  private static func rule(_ body: String) -> Message? {
    if let m = body.wholeMatch(
      of: #/\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\./#)
    {
      return "the value “\(String(m.1))” does not have the form \(String(m.2))"
    }
    if let m = body.wholeMatch(
      of: #/\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\./#)
    {
      return "the value “\(String(m.1))” is not one of \(String(m.2))"
    }
    if let m = body.wholeMatch(
      of:
        #/\[facet 'maxLength'\] The value '(.*)' has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\./#
    ) {
      return "the value is \(String(m.2)) characters long; at most \(String(m.3)) are allowed"
    }
    if let m = body.wholeMatch(
      of: #/\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\./#
    ) {
      return "the value \(String(m.1)) is greater than \(String(m.2)), the largest allowed"
    }
    if let m = body.wholeMatch(
      of: #/\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)\./#)
    {
      return "the value \(String(m.1)) is less than \(String(m.2)), the smallest allowed"
    }
    if body == "This element is not expected." { return "this element is not expected here" }
    if let m = body.wholeMatch(of: #/This element is not expected\. Expected is (one of )?\( (.*) \)\./#) {
      return "this element is not expected here; expected: \(String(m.2))"
    }
    if let m = body.wholeMatch(of: #/Missing child element\(s\)\. Expected is (one of )?\( (.*) \)\./#) {
      return "a child element is missing; expected: \(String(m.2))"
    }
    if let m = body.wholeMatch(of: #/The attribute '(.*)' is required but missing\./#) {
      return "the attribute \(String(m.1)) is required but missing"
    }
    if let m = body.wholeMatch(of: #/The attribute '(.*)' is not allowed\./#) {
      return "the attribute \(String(m.1)) is not allowed here"
    }
    if let m = body.wholeMatch(of: #/Opening and ending tag mismatch: (.*) line (\d+) and (.*)/#) {
      return "the element <\(String(m.1))> opened on line \(String(m.2)) is closed by </\(String(m.3))>"
    }
    if let m = body.wholeMatch(of: #/'(.*)' is not a valid value of the atomic type '(.*)'\./#) {
      return "“\(String(m.1))” is not a valid \(String(m.2))"
    }
    return nil
  }
}
