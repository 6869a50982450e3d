/// Leaf-by-leaf merging of JSON trees, as pricing overlays and dated price changes apply.
extension JSONNode {
  /// This tree with `overlay` laid over it: objects merge key by key, recursively; any other
  /// value of `overlay` (a number, a string, `null`, a whole list) replaces the one here.
  ///
  /// Keys keep this tree's order; keys only the overlay has follow in the overlay's order.
  public func merging(_ overlay: JSONNode) -> JSONNode {
    guard var members = members, let overlayMembers = overlay.members else { return overlay }
    for member in overlayMembers {
      if let position = members.firstIndex(where: { $0.key == member.key }) {
        members[position].value = members[position].value.merging(member.value)
      } else {
        members.append(member)
      }
    }
    return JSONNode(kind: .object(members), location: location)
  }

  /// This tree with every location marked as coming from `file`, so a problem found after a
  /// merge names the file the value was written in.
  public func stamped(file: String) -> JSONNode {
    var node = self
    node.location.file = file
    switch kind {
    case .object(let members):
      node.kind = .object(
        members.map { member in
          var member = member
          member.keyLocation.file = file
          member.value = member.value.stamped(file: file)
          return member
        })
    case .array(let items):
      node.kind = .array(items.map { $0.stamped(file: file) })
    case .null, .bool, .number, .string:
      break
    }
    return node
  }

  /// The dotted paths of the values this tree sets.
  ///
  /// Objects are walked, anything else (lists included) is a leaf. Keys starting with `x-` are
  /// notes and are skipped.
  public func leafPaths(prefix: String = "") -> [String] {
    guard let members else { return prefix.isEmpty ? [] : [prefix] }
    return members.filter { !$0.key.hasPrefix("x-") }.flatMap { member in
      member.value.leafPaths(prefix: prefix.isEmpty ? member.key : prefix + "." + member.key)
    }
  }

  /// This object without the members named in `keys`.
  public func removing(_ keys: Set<String>) -> JSONNode {
    guard let members else { return self }
    return JSONNode(kind: .object(members.filter { !keys.contains($0.key) }), location: location)
  }

  /// This object with `key` set to `value` (replacing it, or appended at the end).
  public func setting(_ key: String, to value: JSONNode) -> JSONNode {
    guard var members else { return self }
    if let position = members.firstIndex(where: { $0.key == key }) {
      members[position].value = value
    } else {
      members.append(Member(key: key, keyLocation: location, value: value))
    }
    return JSONNode(kind: .object(members), location: location)
  }
}

extension JSONNode {
  /// This tree without any `x-` member at any depth (users' notes and marks).
  public func strippingNotes() -> JSONNode {
    guard let members else { return self }
    return JSONNode(
      kind: .object(
        members.filter { !$0.key.hasPrefix("x-") }.map { member in
          var member = member
          member.value = member.value.strippingNotes()
          return member
        }),
      location: location)
  }
}

extension JSONNode {
  /// The locations of this node and every node and key inside it.
  public var allLocations: [SourceLocation] {
    switch kind {
    case .object(let members):
      return [location] + members.flatMap { [$0.keyLocation] + $0.value.allLocations }
    case .array(let items):
      return [location] + items.flatMap(\.allLocations)
    case .null, .bool, .number, .string:
      return [location]
    }
  }
}
