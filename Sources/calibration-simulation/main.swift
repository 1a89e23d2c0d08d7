import Foundation
import InterviewCore

// Does the severity adjustment rank candidates better than the raw score? (issue 15). Candidates,
// questions and interviewers with known parameters; every interview walked through the engine with its
// gates; the calibration fitted to every rating; Spearman's ρ of each score with the true ability.
// Run in release mode (Benchmarks/calibration/README.md):
//   swift build -c release --product calibration-simulation && .build/release/calibration-simulation

let options: SimulationOptions
switch SimulationOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(.help): print(SimulationOptions.usage); exit(0)
case .failure(.invalid(let message)):
    FileHandle.standardError.write(Data("calibration-simulation: \(message)\n\(SimulationOptions.usage)\n".utf8))
    exit(2)
}
guard let imported = BundledGuides.guide(id: options.guideID, language: options.language), imported.errors.isEmpty else {
    FileHandle.standardError.write(Data("calibration-simulation: no bundled guide \(options.guideID).\(options.language)\n".utf8))
    exit(2)
}
let guide = imported.guide
let designs = PanelDesign.standard(linkingShare: options.linkingShare)

for line in RunParameters.lines(options, guide: guide, designs: designs) { print(line) }
let clock = ContinuousClock.now
let reports: [DesignReport]
do {
    reports = try SeedRunner.run(designs, guide: guide, options: options)
} catch {
    // A walk the engine refused or a fit that failed is a broken benchmark, not a figure.
    FileHandle.standardError.write(Data("calibration-simulation: \(error)\n".utf8))
    exit(2)
}
let elapsed = ContinuousClock.now - clock
print("")
for report in reports { report.lines().forEach { print($0) }; print("") }
print(DesignReport.tableHeader)
reports.forEach { print($0.tableRow()) }
print("")
print("wall time: \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))) "
      + "(\(options.workers) worker\(options.workers == 1 ? "" : "s"))")
let failing = reports.filter { !$0.passes || $0.rawMismatches > 0 }.map { "(\($0.design.label))" }
if !failing.isEmpty {
    print("FAIL on design \(failing.joined(separator: ", ")): see the lines marked above")
    exit(1)
}
