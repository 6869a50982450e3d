import Foundation

/// Rounds a two-way table to cents so that every row adds up to its shown total, every column to
/// its shown total, and those to the shown grand total: the footing rule for a table that has
/// totals both ways (the cash flow's components across, its months down).
///
/// Each cell, row total and column total is shown rounded down or up to a cent (never further from
/// its exact value than that), and the grand total as `total`. Among the choices that foot, it
/// takes the one that departs least from ordinary rounding, column totals first, then row totals,
/// then cells: a minimum-cost flow, which for a single row is the largest-remainder rule of
/// `Footing`. Such a choice always exists (a two-way table is a network, whose bounds are whole
/// cents), so the flow always finds one.
public enum ControlledRounding {
  /// The rounded table.
  public struct Result: Sendable, Equatable {
    public var cells: [[Decimal]]
    public var rows: [Decimal]
    public var columns: [Decimal]
  }

  /// `cells` rounded to cents, footing to `total` (a whole number of cents) by `rule`; `nil` when a
  /// value is not finite or `total` is more than a cent from the exact sum.
  public static func round(_ cells: [[Decimal]], total: Decimal, rule: RoundingRule) -> Result? {
    let width = cells.map(\.count).max() ?? 0
    let grid = cells.map { $0 + Array(repeating: Decimal(0), count: width - $0.count) }
    guard grid.allSatisfy({ $0.allSatisfy(\.isFinite) }), total.isFinite else { return nil }
    let hundred = Decimal(100)
    let floors = grid.map { $0.map { ($0 * hundred).rounded(scale: 0, .down) } }
    func int(_ value: Decimal) -> Int { NSDecimalNumber(decimal: value).intValue }
    // Nodes: 0 source, 1 sink, rows, then columns.
    let rowCount = grid.count
    var graph = FlowGraph(nodes: 2 + rowCount + width)
    func rowNode(_ row: Int) -> Int { 2 + row }
    func columnNode(_ column: Int) -> Int { 2 + rowCount + column }
    /// The cost of showing `value` rounded up rather than down, for a part worth `weight`.
    func upCost(_ value: Decimal, weight: Int) -> Int {
      let cents = value * hundred
      let low = cents.rounded(scale: 0, .down)
      let fraction = cents - low
      let base = int(((1 - 2 * fraction) * 1_000_000).rounded(scale: 0, .plain))
      let ruleGoesUp = value.rounded(scale: 2, rule: rule) * hundred > low
      return (2 * base + (ruleGoesUp ? -1 : 1)) * weight
    }
    /// Bounds of a sum's rounding, as cents above the sum of its parts' floors.
    func bounds(_ exact: Decimal, floorSum: Decimal) -> (Int, Int) {
      let cents = exact * hundred
      return (int(cents.rounded(scale: 0, .down) - floorSum), int(cents.rounded(scale: 0, .up) - floorSum))
    }
    var cellEdges: [(row: Int, column: Int, edge: FlowGraph.EdgeRef)] = []
    var rowEdges: [FlowGraph.EdgeRef] = []
    var columnEdges: [FlowGraph.EdgeRef] = []
    var floorTotal: Decimal = 0
    for row in grid.indices {
      let floorSum = floors[row].reduce(0, +)
      floorTotal += floorSum
      let exact = grid[row].reduce(0, +)
      let (low, high) = bounds(exact, floorSum: floorSum)
      rowEdges.append(graph.add(0, rowNode(row), low: low, high: high, upCost: upCost(exact, weight: 100)))
      for column in 0..<width where grid[row][column] * hundred != floors[row][column] {
        let edge = graph.add(
          rowNode(row), columnNode(column), low: 0, high: 1, upCost: upCost(grid[row][column], weight: 1))
        cellEdges.append((row, column, edge))
      }
    }
    for column in 0..<width {
      let floorSum = floors.reduce(Decimal(0)) { $0 + $1[column] }
      let exact = grid.reduce(Decimal(0)) { $0 + $1[column] }
      let (low, high) = bounds(exact, floorSum: floorSum)
      columnEdges.append(graph.add(columnNode(column), 1, low: low, high: high, upCost: upCost(exact, weight: 10_000)))
    }
    let ups = int(total * hundred - floorTotal)
    let exactTotal = grid.reduce(Decimal(0)) { $0 + $1.reduce(0, +) }
    guard (total - exactTotal).magnitude < Footing.cent else { return nil }
    _ = graph.add(1, 0, low: ups, high: ups, upCost: 0)
    guard graph.solve() else { return nil }
    var shown = floors.map { $0.map { $0 / hundred } }
    for (row, column, edge) in cellEdges where graph.flow(edge) > 0 {
      shown[row][column] += Footing.cent
    }
    let rows = grid.indices.map { (floors[$0].reduce(0, +) + Decimal(graph.flow(rowEdges[$0]))) / hundred }
    let columns = (0..<width).map { column in
      (floors.reduce(Decimal(0)) { $0 + $1[column] } + Decimal(graph.flow(columnEdges[column]))) / hundred
    }
    return Result(cells: shown, rows: rows, columns: columns)
  }
}

/// A minimum-cost circulation with lower bounds, by successive shortest paths: small (a few
/// thousand edges) and exact in integers.
private struct FlowGraph {
  struct Edge {
    var to: Int
    var capacity: Int
    var cost: Int
    var reverse: Int
  }

  /// Where an edge is, with the flow its lower bound forces through it.
  struct EdgeRef {
    var from: Int
    var index: Int
    var low: Int
  }

  var edges: [[Edge]]
  var excess: [Int]

  init(nodes: Int) {
    edges = Array(repeating: [], count: nodes + 2)
    excess = Array(repeating: 0, count: nodes + 2)
  }

  /// An edge carrying between `low` and `high` units; each unit above `low` costs `upCost`.
  mutating func add(_ from: Int, _ to: Int, low: Int, high: Int, upCost: Int) -> EdgeRef {
    excess[to] += low
    excess[from] -= low
    let room = max(0, high - low)
    let forward = edges[from].count
    let backward = edges[to].count + (from == to ? 1 : 0)
    edges[from].append(Edge(to: to, capacity: room, cost: upCost, reverse: backward))
    edges[to].append(Edge(to: from, capacity: 0, cost: -upCost, reverse: forward))
    // A unit that lowers the cost is taken first; the search below can give it back.
    if upCost < 0 && room > 0 {
      edges[from][forward].capacity = 0
      edges[to][backward].capacity = room
      excess[to] += room
      excess[from] -= room
    }
    return EdgeRef(from: from, index: forward, low: low)
  }

  /// The units through an edge.
  func flow(_ ref: EdgeRef) -> Int {
    let edge = edges[ref.from][ref.index]
    return ref.low + edges[edge.to][edge.reverse].capacity
  }

  /// Routes every excess to a deficit at least cost; false when that is impossible.
  mutating func solve() -> Bool {
    let source = edges.count - 2
    let sink = edges.count - 1
    var needed = 0
    for node in 0..<source where excess[node] != 0 {
      if excess[node] > 0 {
        needed += excess[node]
        _ = add(source, node, low: 0, high: excess[node], upCost: 0)
      } else {
        _ = add(node, sink, low: 0, high: -excess[node], upCost: 0)
      }
    }
    var routed = 0
    while routed < needed {
      // Bellman-Ford with a queue: residual costs may be negative, cycles never are.
      var distance = Array(repeating: Int.max, count: edges.count)
      var previous: [(node: Int, edge: Int)?] = Array(repeating: nil, count: edges.count)
      var queued = Array(repeating: false, count: edges.count)
      var queue = [source]
      var head = 0
      distance[source] = 0
      queued[source] = true
      while head < queue.count {
        let node = queue[head]
        head += 1
        queued[node] = false
        for (index, edge) in edges[node].enumerated() where edge.capacity > 0 {
          let next = distance[node] + edge.cost
          if next < distance[edge.to] {
            distance[edge.to] = next
            previous[edge.to] = (node, index)
            if !queued[edge.to] {
              queued[edge.to] = true
              queue.append(edge.to)
            }
          }
        }
        if head > 64 * edges.count * 8 { return false }
      }
      guard distance[sink] != Int.max else { return false }
      var amount = Int.max
      var node = sink
      while let step = previous[node] {
        amount = min(amount, edges[step.node][step.edge].capacity)
        node = step.node
      }
      node = sink
      while let step = previous[node] {
        let edge = edges[step.node][step.edge]
        edges[step.node][step.edge].capacity -= amount
        edges[edge.to][edge.reverse].capacity += amount
        node = step.node
      }
      routed += amount
    }
    return true
  }
}
