import Foundation

enum Stopwatch {
    /// Median wall time in milliseconds over repeated runs: at least 5, more while under a second
    /// in total (at most 1,001), after one warm-up run that is not counted.
    static func median(_ body: () -> Void) -> Double {
        body()
        var samples: [Double] = []
        var total = 0.0
        while samples.count < 5 || (total < 1_000 && samples.count < 1_001) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            samples.append(ms)
            total += ms
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static func format(_ ms: Double) -> String {
        String(format: ms < 0.1 ? "%.4f" : ms < 1 ? "%.3f" : ms < 100 ? "%.2f" : "%.1f", ms)
    }
}
