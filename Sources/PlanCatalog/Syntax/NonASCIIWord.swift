import Foundation

/// What a word with letters outside ASCII (`plan_pró`) was most likely meant to be: the language's words
/// are ASCII (LANGUAGE.md §1), and most such words are an ASCII word with an accent added.
enum NonASCIIWord {
    /// The word with its accents removed (`plan_pró` → `plan_pro`), when that leaves a valid ASCII word;
    /// nil when some letter has no ASCII form (`ß`, `日本`).
    static func asciiSpelling(of word: String) -> String? {
        let decomposed = word.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        let spelling = String(String.UnicodeScalarView(decomposed))
        guard let first = spelling.utf8.first, Lexer.isWordStart(first),
              spelling.utf8.allSatisfy(Lexer.isWordCharacter) else { return nil }
        return spelling
    }
}
