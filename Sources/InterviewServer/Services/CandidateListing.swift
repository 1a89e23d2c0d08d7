import Foundation
import Vapor

/// One page of a list (candidates, interviews), and where it sits among the rest.
struct Listing<Row: Sendable>: Sendable {
    /// Enough to scan on one screen; a team's busiest position is thousands of candidates.
    static var pageSize: Int { 50 }

    /// The API's largest page, as the audit trail's.
    static var largestPage: Int { 500 }

    var rows: [Row]
    var total: Int
    var page: Int
    var per: Int = Self.pageSize

    var pages: Int { max(1, (total + per - 1) / per) }

    /// Page numbers count from 1; one past the end shows the last page rather than an empty table.
    static func clamp(_ page: Int?, total: Int, per: Int = pageSize) -> Int {
        let last = max(1, (total + per - 1) / per)
        return min(max(page ?? 1, 1), last)
    }

    /// A page size asked of the API, kept within 1…`largestPage`.
    static func clampPer(_ per: Int?) -> Int { min(max(per ?? pageSize, 1), largestPage) }

    /// The API's page answer: the rows, with the total in `X-Total-Count` and the neighbouring pages in
    /// `Link` (RFC 8288), so a tool walks a long list without the body's shape changing.
    func response(for req: Request, path: String, query: [URLQueryItem]) async throws -> Response
        where Row: Content {
        let response = try await rows.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: "X-Total-Count", value: String(total))
        func link(_ page: Int, _ rel: String) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query.filter { !($0.value ?? "").isEmpty }
                + [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per", value: String(per))]
            return "<\(components.string ?? path)>; rel=\"\(rel)\""
        }
        let links = (page > 1 ? [link(page - 1, "prev")] : []) + (page < pages ? [link(page + 1, "next")] : [])
        if !links.isEmpty { response.headers.replaceOrAdd(name: .link, value: links.joined(separator: ", ")) }
        return response
    }

    /// The table's pager: links to the neighbouring pages of `path` with the same filters.
    func pager(path: String, query: [URLQueryItem], language: Language) -> CandidatePager {
        func link(_ page: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query.filter { !($0.value ?? "").isEmpty } + [URLQueryItem(name: "page", value: String(page))]
            return components.string ?? path
        }
        return CandidatePager(page: page, pages: pages, total: total,
                              previousHref: page > 1 ? link(page - 1) : nil,
                              nextHref: page < pages ? link(page + 1) : nil,
                              position: CandidatePager.words(page: page, pages: pages, total: total, language))
    }
}

typealias CandidateListing = Listing<CandidateService.Row>

/// What a paged table shows under itself.
struct CandidatePager: Encodable, Sendable {
    var page: Int
    var pages: Int
    var total: Int
    var previousHref: String?
    var nextHref: String?
    /// `words(page:pages:total:_:)` in the reader's language.
    var position: String

    /// "Page 2 of 3 (123 in all)" / "第 2 / 3 页（共 123 条）": the bare "页 1 / 3 (123)" kept English
    /// word order in Chinese and did not say what 123 counted. The audit page's pager says the same.
    static func words(page: Int, pages: Int, total: Int, _ language: Language) -> String {
        language == .zh ? "第 \(page) / \(pages) 页（共 \(total) 条）" : "Page \(page) of \(pages) (\(total) in all)"
    }
}
