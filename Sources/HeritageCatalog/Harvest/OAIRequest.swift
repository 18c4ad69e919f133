/// The six OAI-PMH verbs.
enum OAIVerb: String, CaseIterable, Sendable {
  case identify = "Identify"
  case listMetadataFormats = "ListMetadataFormats"
  case listSets = "ListSets"
  case getRecord = "GetRecord"
  case listIdentifiers = "ListIdentifiers"
  case listRecords = "ListRecords"

  /// The arguments the verb takes (section 4).
  var arguments: Set<String> {
    switch self {
    case .identify: []
    case .listMetadataFormats: ["identifier"]
    case .listSets: ["resumptionToken"]
    case .getRecord: ["identifier", "metadataPrefix"]
    case .listIdentifiers, .listRecords: ["metadataPrefix", "from", "until", "set", "resumptionToken"]
    }
  }
}

/// A request whose verb and arguments follow the protocol's rules of presence, repetition and
/// syntax. What it names (a format, a record, a set, a token) is checked when it is answered.
struct OAIRequest {
  var verb: OAIVerb
  /// The arguments besides the verb, one value each.
  var arguments: [String: String]

  /// The pairs to echo as attributes of `<request>`, verb first.
  var echo: [(String, String)] {
    [("verb", verb.rawValue)] + arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  var identifier: String? { arguments["identifier"] }
  var metadataPrefix: String? { arguments["metadataPrefix"] }
  var set: String? { arguments["set"] }
  var resumptionToken: String? { arguments["resumptionToken"] }
  var from: OAIDatestamp? { arguments["from"].flatMap(OAIDatestamp.init) }
  var until: OAIDatestamp? { arguments["until"].flatMap(OAIDatestamp.init) }

  /// Checks the arguments of a request, in the order they came (a query string or a form body).
  /// - Throws: ``OAIError`` `.badVerb` or `.badArgument`.
  init(_ pairs: [(name: String, value: String)]) throws {
    let verbs = pairs.filter { $0.name == "verb" }.map(\.value)
    guard let text = verbs.first else { throw OAIError(.badVerb, "the request names no verb") }
    guard verbs.count == 1 else {
      throw OAIError(.badVerb, "the verb is given \(verbs.count) times; give it once")
    }
    guard let verb = OAIVerb(rawValue: text) else {
      let all = OAIVerb.allCases.map(\.rawValue).joined(separator: ", ")
      throw OAIError(.badVerb, "“\(text)” is not an OAI-PMH verb; the verbs are \(all)")
    }
    var arguments: [String: String] = [:]
    for (name, value) in pairs where name != "verb" {
      guard verb.arguments.contains(name) else {
        throw OAIError(.badArgument, "\(verb.rawValue) takes no argument “\(name)”")
      }
      guard arguments[name] == nil else { throw OAIError(.badArgument, "\(name) is given more than once") }
      guard !value.isEmpty else { throw OAIError(.badArgument, "\(name) is empty") }
      arguments[name] = value
    }
    self.verb = verb
    self.arguments = arguments
    try checkPresence()
    try checkSyntax()
  }

  private func checkPresence() throws {
    if resumptionToken != nil, arguments.count > 1 {
      throw OAIError(.badArgument, "resumptionToken is an exclusive argument: send it alone with the verb")
    }
    let required: [String] =
      switch verb {
      case .getRecord: ["identifier", "metadataPrefix"]
      case .listIdentifiers, .listRecords: resumptionToken == nil ? ["metadataPrefix"] : []
      default: []
      }
    for name in required where arguments[name] == nil {
      throw OAIError(.badArgument, "\(verb.rawValue) needs the argument \(name)")
    }
  }

  private func checkSyntax() throws {
    if let prefix = metadataPrefix, prefix.wholeMatch(of: /[A-Za-z0-9\-_.!~*'()]+/) == nil {
      throw OAIError(.badArgument, "metadataPrefix “\(prefix)” has characters a prefix cannot have")
    }
    if let set, set.wholeMatch(of: /[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*/) == nil {
      throw OAIError(.badArgument, "set “\(set)” is not a setSpec")
    }
    if let identifier, identifier.wholeMatch(of: /[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]+/) == nil {
      throw OAIError(.badArgument, "identifier “\(identifier)” is not a URI")
    }
    for name in ["from", "until"] {
      if let text = arguments[name], OAIDatestamp(text) == nil {
        throw OAIError(
          .badArgument, "\(name) “\(text)” is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ)")
      }
    }
    if let from, let until {
      guard from.granularity == until.granularity else {
        throw OAIError(.badArgument, "from and until must have the same granularity")
      }
      guard from.start <= until.end else {
        throw OAIError(.badArgument, "from \(from.text) is after until \(until.text)")
      }
    }
  }
}
