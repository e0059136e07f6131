-- End to end with Neovim's own LSP client: Neovim, set up as Docs/Editors.md says (init.lua), opens
-- copies of the shipped catalogs, starts `plancat lsp` through Sources/Editors/nvim, and this script
-- plays the user: it plants an error and waits for its diagnostic, fixes it, hovers a plan, jumps to a
-- definition, formats, lists references and renames a plan across a catalog directory, through the
-- commands a user runs (vim.lsp.buf.*), asserting what Neovim shows. Written for Neovim 0.7 (Debian
-- 12's, the one CI runs) and later.
--
--   PATH="$(swift build --show-bin-path):$PATH" nvim --headless --clean \
--     -u Tests/LanguageServerEndToEnd/nvim/init.lua -c 'luafile Tests/LanguageServerEndToEnd/nvim/client_test.lua'
--
-- It prints one line per step and exits 0 when every step passed; a failing step prints what was
-- expected and what Neovim had, the next steps still run, and Neovim exits 1.

local TIMEOUT = 10000 -- milliseconds to wait for the server

local this_file = debug.getinfo(1, 'S').source:sub(2)
local repository = vim.fn.fnamemodify(this_file, ':p:h:h:h:h')
local passed = 0

local function say(line)
  io.stdout:write(line .. '\n')
end

local function fail(message)
  error({ plancat_failure = message })
end

local function expect(condition, message)
  if not condition then
    fail(message)
  end
end

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 20) then
    fail('timed out after ' .. TIMEOUT .. ' ms waiting for ' .. what)
  end
end

local failed = 0

-- Why a step failed: its own message for an `expect`, else the Lua error with its traceback.
local function reason(problem)
  if type(problem) == 'table' and problem.plancat_failure then
    return problem.plancat_failure
  end
  return debug.traceback(tostring(problem), 2)
end

-- Runs one step; a failing step is reported and the next one still runs.
local function step(name, body)
  local ok, problem = xpcall(body, reason)
  if ok then
    passed = passed + 1
    say('ok - ' .. name)
  else
    failed = failed + 1
    say('not ok - ' .. name)
    io.stderr:write('FAIL: ' .. name .. ':\n  ' .. problem:gsub('\n', '\n  ') .. '\n')
  end
end

-- The plancat clients attached to a buffer (the API changed in 0.10).
local function clients_of(buffer)
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buffer })
    or vim.tbl_values(vim.lsp.buf_get_clients(buffer))
  return vim.tbl_filter(function(client)
    return client.name == 'plancat'
  end, all)
end

local function text_of(buffer)
  return table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n') .. '\n'
end

local function read(path)
  return table.concat(vim.fn.readfile(path), '\n') .. '\n'
end

-- Whole-word occurrences of a plancat id (its words hold letters, digits, `_` and `-`).
local function id_pattern(id)
  return '%f[%w_%-]' .. id:gsub('%-', '%%-') .. '%f[^%w_%-]'
end

-- The 1-based line and 0-based byte column of the first `needle` (plain text) in the current buffer,
-- `within` bytes into it.
local function find(needle, within)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local column = line:find(needle, 1, true)
    if column then
      return number, column - 1 + (within or 0)
    end
  end
  fail('`' .. needle .. '` is not in ' .. vim.api.nvim_buf_get_name(0))
end

local function put_cursor_on(needle, within)
  local line, column = find(needle, within)
  vim.api.nvim_win_set_cursor(0, { line, column })
  return line, column
end

-- Every publishDiagnostics notification Neovim receives, counted by URI, before its own handler runs.
local published = {}
local show_diagnostics = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri then
    published[result.uri] = (published[result.uri] or 0) + 1
  end
  return show_diagnostics(err, result, ctx, config)
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buffer = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buffer)
  wait_for('plancat lsp to attach to ' .. path .. ' and publish its diagnostics', function()
    local clients = clients_of(buffer)
    return #clients == 1 and clients[1].initialized and (published[uri] or 0) > 0
  end)
  return buffer
end

local function floating_windows()
  return vim.tbl_filter(function(window)
    return vim.api.nvim_win_get_config(window).relative ~= ''
  end, vim.api.nvim_list_wins())
end

local function run()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
    .. ', plancat ' .. vim.fn.exepath('plancat'))
  expect(vim.fn.executable('plancat') == 1, 'plancat is not on the PATH')

  -- Copies of the shipped catalogs: the test edits and renames, never the repository's files.
  local workspace = vim.fn.tempname()
  vim.fn.mkdir(workspace, 'p')
  vim.fn.system({ 'cp', '-R', repository .. '/catalogs', workspace .. '/catalogs' })
  expect(vim.v.shell_error == 0, 'could not copy catalogs/ to ' .. workspace)
  local catalogs = workspace .. '/catalogs'

  local buffer
  step('a shipped catalog opens as plancat, with its syntax, its indentation and plancat lsp', function()
    buffer = open(catalogs .. '/freemium-to-enterprise.plancat')
    expect(vim.bo.filetype == 'plancat', 'filetype is `' .. vim.bo.filetype .. '`, not plancat')
    expect(vim.b.current_syntax == 'plancat', 'the plancat syntax file is not loaded')
    expect(vim.bo.shiftwidth == 2 and vim.bo.expandtab, 'ftplugin/plancat.lua did not set two-space indentation')
    expect(#vim.diagnostic.get(buffer) == 0, 'the shipped catalog has diagnostics: '
      .. vim.inspect(vim.diagnostic.get(buffer)))
  end)

  local shipped = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
  step('a planted unknown plan shows its diagnostic: code, severity, exact range and source', function()
    local line = find('trial-of plan_pro')
    vim.api.nvim_buf_set_lines(buffer, line - 1, line, false, { '  trial-of plan_gold' })
    wait_for('the diagnostic of plan_gold', function()
      return #vim.diagnostic.get(buffer) > 0
    end)
    local diagnostics = vim.diagnostic.get(buffer)
    expect(#diagnostics == 1, 'expected one diagnostic, got ' .. vim.inspect(diagnostics))
    local diagnostic = diagnostics[1]
    expect(diagnostic.code == 'E0403', 'code ' .. tostring(diagnostic.code) .. ', not E0403')
    expect(diagnostic.severity == vim.diagnostic.severity.ERROR, 'not an error: ' .. vim.inspect(diagnostic))
    expect(diagnostic.source == 'plancat', 'source ' .. tostring(diagnostic.source))
    expect(diagnostic.message:find('unknown plan `plan_gold`', 1, true), 'message: ' .. diagnostic.message)
    local expected = { lnum = line - 1, col = 11, end_lnum = line - 1, end_col = 20 } -- `plan_gold`
    for key, value in pairs(expected) do
      expect(diagnostic[key] == value, key .. ' is ' .. tostring(diagnostic[key]) .. ', not ' .. value)
    end
  end)

  step('fixing it clears the diagnostic', function()
    vim.api.nvim_buf_set_lines(buffer, 0, -1, false, shipped)
    wait_for('the diagnostics to clear', function()
      return #vim.diagnostic.get(buffer) == 0
    end)
  end)

  step('hover on a plan shows its name and prices in a floating window', function()
    put_cursor_on('row plan_pro', #'row plan_')
    vim.lsp.buf.hover()
    wait_for('the hover window', function()
      return #floating_windows() > 0
    end)
    local window = floating_windows()[1]
    local shown = text_of(vim.api.nvim_win_get_buf(window))
    expect(shown:find('Pro', 1, true), 'the hover does not name the plan: ' .. shown)
    expect(shown:find('$29/month', 1, true) and shown:find('$290/year', 1, true),
      'the hover does not show $29/month and $290/year: ' .. shown)
    vim.api.nvim_win_close(window, true)
  end)

  step('go to definition of `trial-of plan_pro` lands on `plan plan_pro`', function()
    local from = put_cursor_on('trial-of plan_pro', #'trial-of plan_')
    local line = find('plan plan_pro {')
    vim.lsp.buf.definition()
    wait_for('the cursor to jump from line ' .. from .. ' to line ' .. line, function()
      return vim.api.nvim_win_get_cursor(0)[1] == line
    end)
    local column = vim.api.nvim_win_get_cursor(0)[2]
    expect(column == #'plan ', 'the cursor is at column ' .. column .. ', not on plan_pro')
  end)

  step('format document lays a badly indented catalog out as plancat fmt does', function()
    local messy = vim.tbl_map(function(line)
      return (line:gsub('^(%s+)', '%1%1'))
    end, shipped)
    vim.api.nvim_buf_set_lines(buffer, 0, -1, false, messy)
    if vim.lsp.buf.format then
      vim.lsp.buf.format({ timeout_ms = TIMEOUT })
    else
      vim.lsp.buf.formatting_sync(nil, TIMEOUT)
    end
    local now = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
    expect(vim.deep_equal(now, shipped), 'the formatted buffer differs from the shipped catalog:\n'
      .. table.concat(now, '\n'))
  end)

  step('references of a plan list its definition and every use in the quickfix list', function()
    put_cursor_on('plan plan_pro {', #'plan ')
    vim.fn.setqflist({}, 'r')
    vim.lsp.buf.references({ includeDeclaration = true })
    wait_for('the references in the quickfix list', function()
      return #vim.fn.getqflist() > 0
    end)
    local lines = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(lines, item.lnum)
    end
    table.sort(lines)
    local expected = {}
    for number, line in ipairs(shipped) do
      if line:gsub('#.*', ''):find(id_pattern('plan_pro')) then
        table.insert(expected, number)
      end
    end
    expect(#expected == 3, 'freemium-to-enterprise names plan_pro on ' .. #expected .. ' lines, not 3')
    expect(vim.deep_equal(lines, expected), 'references on lines ' .. table.concat(lines, ', ')
      .. ', not ' .. table.concat(expected, ', '))
    vim.cmd('cclose')
  end)

  step('rename of a plan changes every occurrence in every file of a catalog directory', function()
    local teamspace = catalogs .. '/teamspace'
    local files = vim.fn.globpath(teamspace, '**/*.plancat', false, true)
    local before = {}
    local count = 0
    for _, file in ipairs(files) do
      before[file] = read(file)
      count = count + select(2, before[file]:gsub(id_pattern('plan_business'), ''))
    end
    expect(count == 5, 'teamspace names plan_business ' .. count .. ' times, not 5')
    open(teamspace .. '/plans.plancat')
    put_cursor_on('plan plan_business {', #'plan ')
    vim.lsp.buf.rename('plan_scale')
    local function text(file)
      local renamed = vim.fn.bufnr(file)
      return renamed ~= -1 and vim.api.nvim_buf_is_loaded(renamed) and text_of(renamed) or read(file)
    end
    wait_for('plan_business to be renamed in every file', function()
      for _, file in ipairs(files) do
        if text(file):find(id_pattern('plan_business')) then
          return false
        end
      end
      return true
    end)
    for _, file in ipairs(files) do
      local expected = before[file]:gsub(id_pattern('plan_business'), 'plan_scale')
      expect(text(file) == expected, file .. ' after the rename:\n' .. text(file))
    end
    vim.cmd('silent wall')
    local check = vim.fn.system({ 'plancat', 'check', teamspace })
    expect(vim.v.shell_error == 0, 'the renamed catalog does not check clean:\n' .. check)
  end)

  vim.fn.delete(workspace, 'rf')
end

local ok, problem = xpcall(run, reason)
if not ok then
  failed = failed + 1
  io.stderr:write('FAIL: ' .. problem .. '\n')
end
say('neovim: ' .. passed .. ' passed, ' .. failed .. ' failed')
if failed == 0 then
  vim.cmd('qa!')
else
  vim.cmd('cquit 1')
end
