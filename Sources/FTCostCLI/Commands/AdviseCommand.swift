import FTCostKit
import Foundation

/// `ftcost advise`: the "should we fine-tune?" decision tree, interactive or scripted.
enum AdviseCommand {
  static let spec = CommandSpec(
    name: "advise",
    abstract: "Should we fine-tune? A decision tree that explains itself, backed by the engine's numbers.",
    discussion: """
      Interactive when no answers are given: one question at a time, numbered choices with a default, '?' explains why a question matters, 'b' goes back. Answers may also be piped on stdin, one per line.
      Answer keys: problem = knowledge|format|both|cost|latency; few_shot_quality = 0-100 or unknown; examples = a count; data_changes = often|rarely; provider = a provider id from the pricing tables; cost_critical = yes|no; latency_critical = yes|no; teacher_meets_quality = yes|no|unknown.
      Optional keys that put numbers on the advice (interactive mode asks them after the tree; return skips one): requests_per_month = a number; current_model = a model id or alias; prompt_tokens = input tokens per request (system + few-shot + user); few_shot_tokens = the few-shot part of them; output_tokens = tokens per answer; start_date = YYYY-MM-DD (default today); task = classification|style|domain|multi-turn (default from the problem).
      With requests_per_month and no --scenario, the advisor builds a scenario (staying on the current model against the recommended path, and a switch to a cheaper current model where there is one), runs the engine and leaves training when it never pays back; --emit-scenario writes that scenario for `ftcost compare`. Only models open on the start date are named. With --scenario, requests_per_month overrides the scenario's volume and disagreements are flagged both ways.
      """,
    options: [
      OptionSpec(
        "--answer", .repeating("key=value"), help: "An answer, e.g. --answer problem=format (repeat for each key)."),
      OptionSpec("--answers", .value("file.json"), help: "Answers as a JSON object of key: value.", completion: .files),
      OptionSpec(
        "--scenario", .value("file"), help: "Back the advice with this scenario's numbers.", completion: .files),
      OptionSpec(
        "--emit-scenario", .value("file"), help: "Write the scenario the advisor built from the answers.",
        completion: .files),
      OptionSpec("--force", .flag, help: "Overwrite the --emit-scenario file if it exists."),
      OptionSpec("--tree", .flag, help: "Print the whole decision tree instead (--format mermaid, text or json)."),
      OptionSpec(
        "--format", .value("format"), help: "Output format (default: table; mermaid and text for --tree).",
        completion: .values(["table", "json", "markdown", "mermaid", "text"])),
      CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let catalog = try invocation.catalog()
    let advisor = Advisor(catalog: catalog, today: invocation.today)
    let format = invocation.string("--format") ?? "table"
    if invocation.flag("--tree") {
      // The tree's own shapes: an outline for people, mermaid for a diagram, JSON for programs.
      let shape = format == "mermaid" || format == "markdown" ? advisor.tree.mermaid : advisor.tree.outline
      let tree = Report(title: "Decision tree", blocks: [.preformatted(shape)], json: advisor.tree.json)
      try invocation.emit(tree, format: format == "json" ? .json : .table)
      return CLI.ExitCode.success
    }
    if format == "mermaid" || format == "text" {
      throw UsageError.invalidValue(format, option: "--format", reason: .requiresOption("--tree"))
    }
    var answers: [String: String] = [:]
    let scripted = !invocation.strings("--answer").isEmpty || invocation.string("--answers") != nil
    if scripted {
      answers = try scriptedAnswers(invocation, advisor: advisor)
    }
    var treeAdvice: Advice
    switch advisor.walk(answers) {
    case .done(let done):
      treeAdvice = done
    case .needs(let question, _):
      if scripted {
        throw UsageError.answer(.missingAnswer(key: question.key, allowed: advisor.allowed(question.key)))
      }
      treeAdvice = try interview(invocation, advisor: advisor, answers: &answers)
    }
    if !scripted { askMoneyQuestions(invocation, advisor: advisor, answers: &answers) }
    let scenarioFile = invocation.string("--scenario")
    let emitPath = invocation.string("--emit-scenario")
    if scenarioFile != nil, emitPath != nil {
      throw UsageError.conflictingOptions(["--scenario", "--emit-scenario"])
    }
    let files = AdviceFiles(scenario: scenarioFile, emitted: emitPath)
    var advice: Advice
    if let scenarioFile {
      let overrides =
        answers["requests_per_month"].map { [ScenarioOverride(path: "workload.requests_per_month", value: $0)] } ?? []
      let (loaded, applied, file) = try ScenarioLoader.load(file: scenarioFile, overrides: overrides, horizon: nil)
      var result = try ScenarioEngine.run(loaded, catalog: catalog, today: invocation.today, file: file)
      result.overrides = applied
      for warning in result.warnings { invocation.warn("warning: \(warning)") }
      advice = try advisor.finish(treeAdvice, answers: answers, files: files, backing: result)
      advice.givenScenario = FileManager.default.contents(atPath: scenarioFile)
        .flatMap { try? JSONParser.parse(Array($0)) }.flatMap { JSON(node: $0) }
    } else {
      advice = try advisor.finish(treeAdvice, answers: answers, files: files)
      for warning in advice.costs?.warnings ?? [] { invocation.warn("warning: \(warning)") }
    }
    if let emitPath {
      guard let document = advice.builtScenario?.document else {
        throw CommandFailure(
          "no scenario to write: answer requests_per_month (and current_model, prompt_tokens, output_tokens) so the advisor can build one"
        )
      }
      try AtomicFile.write(document.rendered() + "\n", to: emitPath, overwrite: invocation.flag("--force"))
    }
    let shapes: [String: OutputFormat] = ["json": .json, "markdown": .markdown]
    try invocation.emit(advice.report(money: invocation.moneyFormat), format: shapes[format] ?? .table)
    return CLI.ExitCode.success
  }

  /// Asks the optional money questions the answers leave open; return (or the end of input)
  /// skips one.
  static func askMoneyQuestions(_ invocation: Invocation, advisor: Advisor, answers: inout [String: String]) {
    let say = invocation.environment.writeOutput
    var announced = false
    for question in advisor.moneyQuestions where answers[question.key] == nil {
      if !announced {
        say("\nOptional: numbers for the advice (return skips a question).\n")
        announced = true
      }
      while true {
        say("\n\(question.text)\n  (\(advisor.allowed(question.key)))\n[\(question.key), return to skip] > ")
        guard let line = invocation.environment.readLine() else {
          say("\n")
          return
        }
        let reply = line.trimmingCharacters(in: .whitespaces)
        if reply.isEmpty { break }
        if reply == "?" {
          say("  Why: \(question.why)\n")
          continue
        }
        do {
          answers[question.key] = try advisor.validate(key: question.key, value: reply)
          break
        } catch {
          say("  Not a valid answer: \(error.description)\n")
        }
      }
    }
  }

  static func scriptedAnswers(_ invocation: Invocation, advisor: Advisor) throws -> [String: String] {
    var raw: [(String, String)] = []
    if let path = invocation.string("--answers") {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("answers file '\(path)' does not exist")
      }
      let node: JSONNode
      do { node = try JSONParser.parse(Array(data)) } catch {
        throw CommandFailure("\(path):\(error.location): malformed JSON: \(error.message)")
      }
      guard let members = node.members else { throw CommandFailure("\(path): expected a JSON object of answers") }
      for member in members {
        switch member.value.kind {
        case .string(let text): raw.append((member.key, text))
        case .number(let text): raw.append((member.key, text))
        case .bool(let flag): raw.append((member.key, flag ? "yes" : "no"))
        default:
          throw CommandFailure("\(path):\(member.value.location): answer '\(member.key)' must be a string or a number")
        }
      }
    }
    for item in invocation.strings("--answer") {
      guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
        throw UsageError.invalidValue(
          item, option: "--answer", reason: .malformed(expected: "key=value", example: "problem=format"))
      }
      raw.append((String(item[..<equals]), String(item[item.index(after: equals)...])))
    }
    var answers: [String: String] = [:]
    for (key, value) in raw {
      do {
        answers[key] = try advisor.validate(key: key, value: value)
      } catch {
        throw UsageError.answer(error)
      }
    }
    return answers
  }

  /// Asks the questions the path needs, one at a time, on stdin/stdout.
  static func interview(_ invocation: Invocation, advisor: Advisor, answers: inout [String: String]) throws -> Advice {
    let environment = invocation.environment
    let say = environment.writeOutput
    var history: [String] = []
    var invalidInARow = 0
    if environment.stdinIsTerminal {
      say(
        "Should we fine-tune? Answer each question: a number or a value, return for the default, '?' for why it matters, 'b' to go back.\n"
      )
    }
    while true {
      switch advisor.walk(answers) {
      case .done(let advice):
        say("\n")
        return advice
      case .needs(let question, _):
        var choices: [String] = []
        say("\n\(question.text)\n")
        switch question.kind {
        case .choice(let list):
          choices = list.map(\.value)
          for (index, choice) in list.enumerated() { say("  \(index + 1)) \(choice.value) - \(choice.label)\n") }
        case .provider:
          choices = advisor.catalog.providers
          for (index, provider) in choices.enumerated() {
            let api =
              advisor.catalog.table(forProvider: provider)?.fineTuning?.api == false ? " (no fine-tuning API)" : ""
            say("  \(index + 1)) \(provider)\(api)\n")
          }
        default:
          say("  (\(advisor.allowed(question.key)))\n")
        }
        say("[\(question.key)\(question.defaultAnswer.map { ", default \($0)" } ?? "")] > ")
        guard let line = environment.readLine() else {
          say("\n")
          throw CommandFailure(
            "input ended before '\(question.key)' was answered; no advice yet (answer all questions, or use --answer \(question.key)=…)"
          )
        }
        let reply = line.trimmingCharacters(in: .whitespaces)
        if reply == "?" {
          say("  Why: \(question.why)\n")
          continue
        }
        if reply == "b" {
          if let last = history.popLast() {
            answers[last] = nil
          } else {
            say("  (this is the first question)\n")
          }
          continue
        }
        var value = reply.isEmpty ? question.defaultAnswer : reply
        if let number = Int(reply), !choices.isEmpty {
          value = (1...choices.count).contains(number) ? choices[number - 1] : nil
          if value == nil { say("  Choose 1 to \(choices.count).\n"); invalidInARow += 1 }
        }
        guard let value else {
          if reply.isEmpty { say("  This question has no default; please answer.\n") }
          invalidInARow += 1
          if invalidInARow >= 50 { throw CommandFailure("too many invalid answers in a row; stopping") }
          continue
        }
        do {
          answers[question.key] = try advisor.validate(key: question.key, value: value)
          history.append(question.key)
          invalidInARow = 0
        } catch {
          say("  Not a valid answer: \(error.description)\n")
          invalidInARow += 1
          if invalidInARow >= 50 { throw CommandFailure("too many invalid answers in a row; stopping") }
        }
      }
    }
  }
}
