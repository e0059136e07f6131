-- Starts `plancat lsp` for plancat buffers: through `vim.lsp.enable` on Neovim 0.11+ (which reads
-- lsp/plancat.lua), through `vim.lsp.start` on 0.10.
if vim.g.loaded_plancat_lsp then
  return
end
vim.g.loaded_plancat_lsp = true

if vim.fn.executable('plancat') ~= 1 then
  return
end

if vim.lsp.enable then
  vim.lsp.enable('plancat')
  return
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'plancat',
  group = vim.api.nvim_create_augroup('plancat_lsp', { clear = true }),
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    vim.lsp.start({
      name = 'plancat',
      cmd = { 'plancat', 'lsp' },
      root_dir = vim.fs.root(args.buf, { 'catalog.plancat', '.git' }) or vim.fs.dirname(path),
    })
  end,
})
