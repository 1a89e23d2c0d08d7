import Foundation

/// When an agreement figure is shown at all. A kappa or an ICC over three questions swings with every
/// rating; the debrief withholds it and says why (`AgreementNotShown`) rather than print noise.
public struct AgreementPolicy: Hashable, Sendable, Codable {
    /// Questions rated by both raters (kappa) or by every rater of the panel (ICC) needed to show a figure.
    public var minimumCommonQuestions: Int

    public init(minimumCommonQuestions: Int = 5) {
        self.minimumCommonQuestions = minimumCommonQuestions
    }

    public static let standard = AgreementPolicy()
}

/// A figure, or the reason it is not shown.
public enum AgreementOutcome<Figure: Hashable & Sendable>: Hashable, Sendable {
    case shown(Figure)
    case notShown(AgreementNotShown)

    public var figure: Figure? {
        if case .shown(let figure) = self { return figure }
        return nil
    }

    public var reason: AgreementNotShown? {
        if case .notShown(let reason) = self { return reason }
        return nil
    }
}
