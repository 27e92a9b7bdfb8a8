-- Opens a manifest in headless Neovim with its built-in LSP client attached to `clmanifest server`, waits
-- for the diagnostics, mends a line the way a user would (incremental sync), waits for the diagnostics to
-- follow, and writes both lists as JSON. Written for Neovim 0.7 (Debian's) and later.
local out = vim.env.CLMANIFEST_NVIM_OUT
local file = vim.env.CLMANIFEST_NVIM_FILE
local fixed_line = vim.env.CLMANIFEST_NVIM_FIXED_LINE
local broken = tonumber(vim.env.CLMANIFEST_NVIM_BROKEN)

local function collect(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message,
      code = d.code or lsp.code,
    })
  end
  return list
end

local function finish(result)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'clmanifest',
  cmd = { vim.env.CLMANIFEST_BIN, 'server' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client then
  finish({ error = 'the client did not start' })
  return
end
vim.lsp.buf_attach_client(buf, client)
local opened = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local before = collect(buf)
-- Mend the broken line as a user would.
vim.api.nvim_buf_set_lines(buf, broken, broken + 1, false, { fixed_line })
local mended = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum == broken then return false end
  end
  return true
end, 20)
finish({ opened = opened, mended = mended, before = before, after = collect(buf) })
