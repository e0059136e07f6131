/// The statement keyword at a position of a file, read against the schema: what an editor shows on a
/// keyword (hover). Only the file's own tree is read — a keyword's meaning depends only on the blocks
/// around it — so a file with errors elsewhere still answers.
public enum KeywordHover {
    /// The keyword whose bytes contain `offset` of the file of `tree` (`Parser.parse`, or end right
    /// before it), with the Markdown of its statement in its block; nil off a keyword, on a line of a
    /// `features` block (a feature id) and on a word the schema does not know where it stands.
    public static func keyword(at offset: Int, in tree: SyntaxTree) -> (span: Span, markdown: String)? {
        var statements = tree.statements
        var context = Schema.Context.topLevel
        while true {
            guard let statement = statements.first(where: { $0.span.start <= offset && offset <= $0.span.end })
                    ?? statements.first(where: { $0.keyword.span.start <= offset && offset <= $0.keyword.span.end })
            else { return nil }
            let keyword = statement.keyword
            let role = StatementRole(keyword: keyword.text, in: context)
            if keyword.span.start <= offset && offset <= keyword.span.end {
                guard let markdown = SymbolSummary.markdown(of: role) else { return nil }
                return (keyword.span, markdown)
            }
            guard let block = statement.block, let inner = role.blockContext else { return nil }
            context = inner
            statements = block.statements
        }
    }
}
