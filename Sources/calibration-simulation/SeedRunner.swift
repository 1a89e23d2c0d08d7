import Foundation
import InterviewCore
import Synchronization

/// Runs every design on every seed, seeds side by side on `workers` threads. A seed's figures depend on
/// the seed alone, never on which thread ran it or when, so the output is the same with any `workers`.
enum SeedRunner {
    static func run(_ designs: [PanelDesign], guide: Guide, options: SimulationOptions) throws -> [DesignReport] {
        let seeds = (0..<UInt64(options.seeds)).map { options.firstSeed + $0 }
        let results = Mutex<[UInt64: Result<[CohortRun], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: min(options.workers, seeds.count)) { worker in
            for seed in seeds.enumerated().filter({ $0.offset % options.workers == worker }).map(\.element) {
                let outcome = Result { () throws -> [CohortRun] in
                    let team = SimulatedTeam(seed: seed, guide: guide, candidates: options.candidates,
                                             interviewers: options.interviewers)
                    return try designs.map { try CohortRun.run($0, team: team, guide: guide, seed: seed) }
                }
                results.withLock { $0[seed] = outcome }
            }
        }
        let bySeed = try results.withLock { all in try seeds.map { try all[$0]!.get() } }
        return designs.indices.map { d in DesignReport(design: designs[d], runs: bySeed.map { $0[d] }) }
    }
}
