import Foundation
import InterviewCore

/// What a run of the simulation benchmark may change from the command line. Everything else is fixed in
/// `SimulatedTeam` and `PanelDesign` and printed with the figures, so a run is reproduced from its output.
struct SimulationOptions {
    var seeds = 20
    var firstSeed: UInt64 = 1
    /// Candidates per seed and design: a team's quarter of hiring for one role.
    var candidates = 200
    var interviewers = 20
    /// Share of candidates in the single-interviewer designs who also meet a second interviewer in a
    /// second round; see `PanelDesign.linkingShare`.
    var linkingShare = 0.25
    var guideID = BundledGuides.seniorPythonID
    var language = "en"
    /// Seeds run side by side; each seed is independent of the others.
    var workers = ProcessInfo.processInfo.activeProcessorCount

    static let usage = """
    usage: calibration-simulation [--seeds N] [--first-seed S] [--candidates C] [--interviewers R]
                                  [--linking SHARE] [--guide python-backend-senior|backend-new-graduate]
                                  [--language en|zh] [--workers W]
      Walks simulated interviews with known abilities, difficulties and severities through the engine,
      fits the rater calibration, and compares how well the raw and the severity-adjusted scores rank
      candidates by their true ability (issue 15). Seeds S…S+N−1 (default 1…20); exits 1 when on some
      design the adjusted ranking does not beat the raw one on the mean over seeds.
    """

    /// Reads `--name value` pairs; an unknown name or a value that does not parse is an error with the usage.
    static func parse(_ arguments: [String]) -> Result<SimulationOptions, OptionError> {
        var options = SimulationOptions()
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if name == "-h" || name == "--help" { return .failure(.help) }
            guard let value = rest.popFirst() else { return .failure(.invalid("\(name) needs a value")) }
            func number<T: LosslessStringConvertible>(_ type: T.Type) throws(OptionError) -> T {
                guard let parsed = T(value) else { throw .invalid("\(name): '\(value)' is not a number") }
                return parsed
            }
            do throws(OptionError) {
                switch name {
                case "--seeds": options.seeds = try number(Int.self)
                case "--first-seed": options.firstSeed = try number(UInt64.self)
                case "--candidates": options.candidates = try number(Int.self)
                case "--interviewers": options.interviewers = try number(Int.self)
                case "--linking": options.linkingShare = try number(Double.self)
                case "--guide": options.guideID = value
                case "--language": options.language = value
                case "--workers": options.workers = try number(Int.self)
                default: throw .invalid("unknown option \(name)")
                }
            } catch {
                return .failure(error)
            }
        }
        guard options.seeds >= 1, options.workers >= 1 else { return .failure(.invalid("--seeds and --workers must be at least 1")) }
        // Two interviewers per panel, and enough candidates that a rank correlation means something.
        guard options.interviewers >= 2, options.candidates >= 10 else {
            return .failure(.invalid("--interviewers must be at least 2 and --candidates at least 10"))
        }
        guard (0...1).contains(options.linkingShare) else { return .failure(.invalid("--linking is a share, 0…1")) }
        return .success(options)
    }

    enum OptionError: Error {
        case help
        case invalid(String)
    }
}
