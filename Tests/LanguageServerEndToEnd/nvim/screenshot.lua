-- What Docs/images/editor-lsp.png shows (screenshot.sh runs it in Neovim in an xterm): a copy of a
-- shipped catalog with a planted error, its diagnostic, and the hover of a plan. When the scene is on
-- screen, it writes the file $PLANCAT_SCREENSHOT_READY for screenshot.sh to take the picture.
local TIMEOUT = 10000

local function clients_of(buffer)
  return vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buffer })
    or vim.tbl_values(vim.lsp.buf_get_clients(buffer))
end

local function line_of(needle)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local column = line:find(needle, 1, true)
    if column then
      return number, column - 1
    end
  end
  error('`' .. needle .. '` is not in the catalog')
end

local function ready(note)
  vim.fn.writefile({ note }, vim.env.PLANCAT_SCREENSHOT_READY)
end

vim.opt.number = true
vim.opt.signcolumn = 'yes'
-- A framed, dark hover instead of 0.7's default magenta.
vim.cmd('highlight NormalFloat guibg=#252526 guifg=#d4d4d4')
vim.cmd('highlight FloatBorder guibg=#252526 guifg=#808080')
vim.lsp.handlers['textDocument/hover'] = vim.lsp.with(vim.lsp.handlers.hover, { border = 'rounded' })
local buffer = vim.api.nvim_get_current_buf()
vim.wait(TIMEOUT, function()
  return #clients_of(buffer) > 0 and clients_of(buffer)[1].initialized
end)

-- The planted error: Free's pricing-table row names a plan that does not exist.
local free = line_of('row plan_free')
vim.api.nvim_buf_set_lines(buffer, free - 1, free, false, { '  row plan_fre' })
if not vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buffer) > 0 end) then
  ready('no diagnostics')
  return
end

-- The hover of Pro, from its row, just below the error.
local pro, column = line_of('row plan_pro')
vim.api.nvim_win_set_cursor(0, { pro, column + #'row plan_' })
vim.cmd('normal! zz')
vim.lsp.buf.hover()
local shown = vim.wait(TIMEOUT, function()
  for _, window in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(window).relative ~= '' then
      return true
    end
  end
  return false
end)
vim.cmd('redraw')
ready(shown and 'diagnostics and hover' or 'diagnostics only: no hover')
