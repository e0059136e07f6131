-- Starts `plancat lsp` for plancat buffers, on every Neovim from 0.7 on: through `vim.lsp.enable` on
-- 0.11+ (which reads lsp/plancat.lua), through `vim.lsp.start` on 0.8 to 0.10, and on 0.7 (Debian 12's)
-- through `vim.lsp.start_client` and `vim.lsp.buf_attach_client`, one client per catalog.
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

-- The root of a file's catalog, as lsp/plancat.lua's `root_markers` find it: the nearest folder holding
-- `catalog.plancat` (a catalog directory), else the repository's (`.git`, a folder or a worktree's
-- file), else the file's own folder.
local function root_of(path)
  local folder = vim.fn.fnamemodify(path, ':p:h')
  local catalog = vim.fn.findfile('catalog.plancat', folder .. ';')
  if catalog ~= '' then
    return vim.fn.fnamemodify(catalog, ':p:h')
  end
  for _, found in ipairs({ vim.fn.finddir('.git', folder .. ';'), vim.fn.findfile('.git', folder .. ';') }) do
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return folder
end

-- On 0.7, the client started for each root, reused by the other files of that catalog.
local clients = {}

local function start(buffer)
  local path = vim.api.nvim_buf_get_name(buffer)
  if path == '' then
    return
  end
  local config = { name = 'plancat', cmd = { 'plancat', 'lsp' }, root_dir = root_of(path) }
  if vim.lsp.start then
    vim.lsp.start(config)
    return
  end
  local id = clients[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(buffer, id)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'plancat',
  group = vim.api.nvim_create_augroup('plancat_lsp', { clear = true }),
  callback = function(args)
    start(args.buf)
  end,
})
