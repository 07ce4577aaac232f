-- Drives Neovim's built-in LSP client against `coe lsp` (test/e2e/lsp-neovim.test.ts):
-- start the server, open the COE, wait for its diagnostics, ask for the code
-- actions on the finding's line as a user does (the choice made by a stand-in
-- for vim.ui.select), apply the chosen one, wait for the new diagnostics,
-- write the buffer, and save what was seen as JSON. Works on Neovim 0.7 on.
local env = vim.env
local out = {}

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { code = d.code, line = d.lnum, message = d.message, severity = d.severity })
  end
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'coe',
    cmd = { 'node', env.COE_REPO .. '/bin/coe.js', 'lsp' },
    root_dir = env.COE_DIR,
    init_options = { now = '2025-10-01', debounceMs = 50 },
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(env.COE_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  assert(vim.wait(20000, function() return has_code(bufnr, env.COE_CODE) ~= nil end, 50), 'no ' .. env.COE_CODE .. ' diagnostic')
  out.before = codes(bufnr)
  local finding = has_code(bufnr, env.COE_CODE)
  vim.api.nvim_win_set_cursor(0, { finding.lnum + 1, finding.col })

  -- The menu of code actions: note what is offered, choose the fix by its title.
  local chosen = false
  vim.ui.select = function(items, opts, on_choice)
    out.titles = {}
    local pick
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      local title = action.title or (opts.format_item and opts.format_item(item)) or ''
      table.insert(out.titles, title)
      if not pick and title:find(env.COE_TITLE, 1, true) then pick = i end
    end
    chosen = true
    on_choice(pick and items[pick] or nil, pick)
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  assert(vim.wait(20000, function() return chosen end, 50), 'no code action menu')
  assert(vim.wait(20000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 50), 'the fix changed nothing')

  -- The server lints the changed buffer again: the finding is gone.
  assert(vim.wait(20000, function() return has_code(bufnr, env.COE_CODE) == nil end, 50), 'the finding stayed')
  out.after = codes(bufnr)
  out.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  vim.cmd('write')
end

local ok, err = pcall(run)
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(out) }, env.COE_RESULT)
vim.cmd('qa!')
