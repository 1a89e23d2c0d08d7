import Foundation

/// Seeded randomness that is the same on every machine and Swift version (SplitMix64, Steele et al.
/// 2014), so a simulated team or a demo data folder is reproduced exactly from its seed. The standard
/// library's generator is not seedable.
public struct SimulationRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Normal with mean 0 and this standard deviation (Box–Muller; one of the pair is dropped, which
    /// costs nothing that matters here).
    public mutating func normal(_ standardDeviation: Double = 1) -> Double {
        let u = max(uniform(), .leastNonzeroMagnitude)
        return standardDeviation * (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
    }

    /// 0..<count.
    public mutating func index(_ count: Int) -> Int { Int(next() % UInt64(max(count, 1))) }

    /// `count` distinct values of 0..<range (all of them when range ≤ count), in the order drawn.
    public mutating func distinct(_ count: Int, below range: Int) -> [Int] {
        guard count < range else { return Array(0..<max(range, 0)) }
        var drawn: [Int] = [], seen: Set<Int> = []
        while drawn.count < count {
            let i = index(range)
            if seen.insert(i).inserted { drawn.append(i) }
        }
        return drawn
    }
}

/// A clock that moves a fixed step each time it is read, and further when told to (an answer's time):
/// simulated interviews get plausible times.
public final class SimulationClock: SessionClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private let step: TimeInterval

    public init(start: Date, step: TimeInterval = 40) {
        current = start
        self.step = step
    }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        current += step
        return current
    }

    public func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current += max(seconds, 0)
    }
}

/// How time passes in a simulated interview.
public enum SimulationPace: Sendable {
    /// Every reading of the clock moves it 40 s, whatever happens: what the calibration simulation was
    /// measured with (docs/scoring.md), kept so its figures stay reproducible.
    case fixed
    /// As in a real interview, for demo data: each rated question takes its answer's time (log-normal
    /// around a median that spreads the stage's budget over its questions, `InterviewSimulator.answerMedians`),
    /// a stage of talk 60–100% of its time budget (3 min without one), every other step 2 s.
    case realistic
}
