-- The Neovim configuration of Docs/Editors.md § Neovim, with this checkout as /path/to/plancat: the one
-- line a user adds to init.lua. The end-to-end test (client_test.lua) starts Neovim with this file only
-- (`nvim --headless --clean -u init.lua`), so no user configuration can interfere.
local this_file = debug.getinfo(1, 'S').source:sub(2)
local repository = vim.fn.fnamemodify(this_file, ':p:h:h:h:h')
vim.opt.runtimepath:append(repository .. '/Sources/Editors/nvim')
