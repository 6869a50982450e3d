import FTCostKit
import Foundation

/// `ftcost dataset …` (and `train --dataset`).
enum DatasetCommands {
  static func trainFromDataset(_ invocation: inout Invocation, file: String, epochs: Int64?) throws -> Int32 {
    throw CommandFailure("counting a dataset is not available yet; give --examples and --tokens-per-example")
  }
}
