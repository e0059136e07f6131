" Vim syntax file for plancat pricing catalogs (.plancat); works in Vim 8.2+ and Neovim.
" The token classes are those of the TextMate grammar (Sources/Editors/textmate/plancat.tmLanguage.json),
" and the keyword lists are the compiler's schema: EditorGrammarTests keeps all three equal.

if exists('b:current_syntax')
  finish
endif

" Words hold letters, digits, `_` and `-` (`pricing-table`, `on-billing`), and only ASCII.
syntax iskeyword 45,48-57,65-90,95,97-122
syntax case match

" Anything no other item claims is a character the lexer reports (E0103); defined first, so that every
" later item wins over it.
syntax match plancatError /[^ \t\r\n]/

" Any word: an id in argument position.
syntax match plancatWord /[A-Za-z0-9_][A-Za-z0-9_-]*/

" The first word of a statement (at the start of a line, or after `{` or `;`): a keyword, or an id that
" starts a statement, which in a `features` block is a feature.
syntax match plancatStatementId /\%(\%(^\|[{;]\)[ \t]*\)\@<=[A-Za-z0-9_][A-Za-z0-9_-]*/ contains=plancatStatement,plancatBlock
syntax keyword plancatStatement contained aggregate amount applies-to bill-immediately billing-description
syntax keyword plancatStatement contained billing-visible bullet button catalog component credit currency
syntax keyword plancatStatement contained customer description effective enterprise event expect
syntax keyword plancatStatement contained expires-after-days feature features fixed heading hidden interval
syntax keyword plancatStatement contained interval-count label metric min-seats name outline per-seat plan
syntax keyword plancatStatement contained popular price pricing-table quote refill renew row scenario seats
syntax keyword plancatStatement contained start subheading subscription trial-days trial-of type unit
syntax keyword plancatStatement contained unit-price usage value

" Keywords that open a block (`plan plan_pro {`, `features {`); defined after plancatStatement, so they win.
syntax keyword plancatBlock contained metric feature plan pricing-table quote scenario features price
syntax keyword plancatBlock contained component credit row

" The id a block declares, and the plan a row names.
syntax match plancatDeclaredId /\%(\%(^\|[{;]\)[ \t]*\%(pricing-table\|component\|scenario\|feature\|credit\|metric\|price\|quote\|plan\)[ \t]\+\)\@<=[A-Za-z0-9_][A-Za-z0-9_-]*\ze[ \t]*{/
syntax match plancatRowPlan /\%(\%(^\|[{;]\)[ \t]*row[ \t]\+\)\@<=[A-Za-z0-9_][A-Za-z0-9_-]*/

" Argument words: never the first word of a statement.
syntax match plancatCurrency /\%(\%(^\|[{;]\)[ \t]*\)\@<![A-Za-z0-9_.-]\@<!\u\{3}[A-Za-z0-9_.-]\@!/
syntax match plancatEnum /\%(\%(^\|[{;]\)[ \t]*\)\@<![A-Za-z0-9_.-]\@<!\%(count\|sum\|max\|min\|avg\|unique-count\|numeric\|string\|boolean\|number\|text\|usage\|day\|week\|month\|year\|monetary\|on-billing\|monthly\|yearly\|never\|immediately\|next-billing\|subtotal\|credits\|total\)[A-Za-z0-9_.-]\@!/
syntax match plancatBoolean /\%(\%(^\|[{;]\)[ \t]*\)\@<![A-Za-z0-9_.-]\@<!\%(true\|false\)[A-Za-z0-9_.-]\@!/
syntax match plancatUnlimited /\%(\%(^\|[{;]\)[ \t]*\)\@<![A-Za-z0-9_.-]\@<!unlimited[A-Za-z0-9_.-]\@!/
syntax match plancatFrom /\%(\%(^\|[{;]\)[ \t]*\)\@<![A-Za-z0-9_.-]\@<!from[A-Za-z0-9_.-]\@!/

" `price.component`, with no spaces.
syntax match plancatReference /[A-Za-z0-9_.-]\@<![A-Za-z0-9_][A-Za-z0-9_-]*\.[A-Za-z0-9_][A-Za-z0-9_-]*[A-Za-z0-9_.-]\@!/ contains=plancatDot

" Numbers: an exact decimal, `_` only between digits; what the lexer reads as one malformed number
" (E0104: `10_`, `1,000`, `1.5k`, `1.`) is an error. Dates (`2026-03-17`) are words of their own.
syntax match plancatNumberError /[A-Za-z0-9_-]\@<!\%(-\d[A-Za-z0-9_-]*\|[0-9_]*\d[0-9_]*[A-Za-z0-9_-]\@!\)\%(,\d[A-Za-z0-9_-]*\)*\%(\.[0-9_][A-Za-z0-9_-]*\%(\.[A-Za-z0-9_-]\+\)*\|\.\)\=/
syntax match plancatNumber /[A-Za-z0-9_-]\@<!-\=\d\+\%(_\d\+\)*\%(\.\d\+\%(_\d\+\)*\)\=\%([A-Za-z0-9_.-]\|,\d\)\@!/
syntax match plancatDate /[A-Za-z0-9_-]\@<!\d\{4}-\d\{2}-\d\{2}[A-Za-z0-9_.-]\@!/

syntax match plancatBrace /[{}]/
syntax match plancatSemicolon /;/
syntax match plancatDot /\./

" Strings: one line; escapes \" \\ \n \t \u{1-6 hex digits}. The rest of a line with no closing quote is
" an unterminated string (E0102).
syntax region plancatString start=/"/ skip=/\\\\\|\\"/ end=/"\|$/ oneline contains=plancatEscapeError,plancatEscape,plancatControl,plancatUnterminated
syntax match plancatUnterminated /[^"\\]\+$/ contained
syntax match plancatControl /[\x00-\x08\x0a-\x1f\x7f]/ contained
syntax match plancatEscapeError /\\\%(u\%({\x*}\=\)\=\|.\|$\)/ contained
syntax match plancatEscape /\\\%(["\\nt]\|u{\x\{1,6}}\)/ contained

syntax match plancatComment /#.*$/ contains=@Spell

highlight default link plancatComment Comment
highlight default link plancatString String
highlight default link plancatEscape SpecialChar
highlight default link plancatEscapeError Error
highlight default link plancatControl Error
highlight default link plancatUnterminated Error
highlight default link plancatNumber Number
highlight default link plancatNumberError Error
highlight default link plancatDate Number
highlight default link plancatBlock Structure
highlight default link plancatStatement Keyword
highlight default link plancatStatementId Identifier
highlight default link plancatDeclaredId Type
highlight default link plancatRowPlan Identifier
highlight default link plancatReference Identifier
highlight default link plancatEnum Constant
highlight default link plancatBoolean Boolean
highlight default link plancatUnlimited Constant
highlight default link plancatFrom Keyword
highlight default link plancatCurrency Constant
highlight default link plancatWord Identifier
highlight default link plancatBrace Delimiter
highlight default link plancatSemicolon Delimiter
highlight default link plancatDot Delimiter
highlight default link plancatError Error

let b:current_syntax = 'plancat'
