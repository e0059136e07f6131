import PlanCatalog

extension LanguageServer {
    /// `textDocument/inlayHint`: what the source leaves to arithmetic, written beside it. After the amount
    /// of a fixed or per-seat component billed over more than a month, what it comes to each month
    /// (`fixed 290` on a yearly price: `≈ $24.17/month`); after a scenario's id, its invoice's total
    /// (`total $38.00`) — none while the catalog has errors other than its `expect` lines. Only the hints
    /// in the requested range, which LSP requires (-32602 without it).
    func inlayHint(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/inlayHint") else { return .array([]) }
        let analysis = analysis(of: document)
        guard let file = analysis.fileID(of: document) else { return .array([]) }
        let source = analysis.result.files[file]
        let range = try byteRange(of: params?["range"], in: source, for: "textDocument/inlayHint")
        var hints: [(offset: Int, label: String)] = []
        let catalog = analysis.result.catalog
        for price in catalog.allPrices where price.location.file == file {
            for component in price.components {
                guard let monthly = PriceWording.monthlyEquivalent(of: component, in: price) else { continue }
                switch component.kind {
                case .fixed(let amount), .perSeat(let amount): hints.append((amount.location.span.end, monthly))
                case .usage, nil: break
                }
            }
        }
        for scenario in catalog.scenarios where scenario.id.location.file == file {
            guard case .success(let invoice)? = analysis.invoices.invoice(of: scenario.id.value) else { continue }
            hints.append((scenario.id.location.span.end, "total " + invoice.formattedTotal))
        }
        return .array(hints.filter { range.contains($0.offset) }.sorted { $0.offset < $1.offset }.map { hint in
            .object([
                .init("position", positionEncoding.position(ofByte: hint.offset, in: source)),
                .init("label", .string(hint.label)),
                .init("paddingLeft", true),
            ])
        })
    }
}
