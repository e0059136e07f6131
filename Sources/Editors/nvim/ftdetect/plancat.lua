-- A `.plancat` file is a plancat catalog. Neovim 0.8+ detects filetypes through `vim.filetype`; 0.7
-- still through filetype.vim's autocommands (this file is sourced in their `filetypedetect` group).
vim.filetype.add({ extension = { plancat = 'plancat' } })
if vim.fn.has('nvim-0.8') == 0 then
  vim.cmd('autocmd BufRead,BufNewFile *.plancat setfiletype plancat')
end
