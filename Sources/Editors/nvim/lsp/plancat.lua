-- `plancat lsp` for Neovim 0.11+, found by `vim.lsp.enable('plancat')` on the runtimepath.
-- A catalog directory is the folder holding `catalog.plancat`; a single-file catalog falls back to the
-- repository root, then to the file's own folder.
return {
  cmd = { 'plancat', 'lsp' },
  filetypes = { 'plancat' },
  root_markers = { 'catalog.plancat', '.git' },
}
