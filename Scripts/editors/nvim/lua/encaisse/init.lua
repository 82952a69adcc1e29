-- Encaisse for Neovim (0.7+): talks JSON-RPC 2.0 to one long-lived
-- `encaisse rpc` process per editor, with Content-Length framing.
local M = {}

M.config = {
  -- Program and its options; "rpc" is inserted after the program name,
  -- e.g. { "encaisse", "--demo", "--today", "2026-11-22" }.
  cmd = { "encaisse" },
  -- "split" (scratch split) or "float" (floating window) for :Encaisse.
  display = "split",
  -- Milliseconds to wait for synchronous calls (completion, wait()).
  timeout = 10000,
}

local state = {
  job = nil,        -- job id of the running server
  buf = "",         -- bytes received and not yet framed
  next_id = 0,
  pending = {},     -- id -> callback(err, result)
  session = nil,
}

local json_encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local json_decode = (vim.json and vim.json.decode) or vim.fn.json_decode

local function notify(msg, level)
  vim.notify(tostring(msg), level or vim.log.levels.ERROR, { title = "Encaisse" })
end

local function session_id()
  if not state.session then
    state.session = string.format("nvim-%d-%d-%d", vim.fn.getpid(), os.time(), vim.loop.hrtime())
  end
  return state.session
end

local function fail_pending(message)
  local pending = state.pending
  state.pending = {}
  for _, cb in pairs(pending) do
    pcall(cb, { code = -32603, message = message }, nil)
  end
end

local function dispatch(msg)
  if type(msg) ~= "table" or msg.id == nil or msg.id == vim.NIL then
    return -- notifications from the server are ignored
  end
  local cb = state.pending[msg.id]
  state.pending[msg.id] = nil
  if not cb then return end
  local err = msg.error
  if err == vim.NIL then err = nil end
  local ok, e = pcall(cb, err, msg.result)
  if not ok then notify("Encaisse : " .. tostring(e)) end
end

local function on_stdout(_, data)
  if not data then return end
  state.buf = state.buf .. table.concat(data, "\n")
  while true do
    local hstart, hend = state.buf:find("\r\n\r\n", 1, true)
    if not hstart then return end
    local header = state.buf:sub(1, hstart - 1)
    local len = tonumber(header:match("[Cc]ontent%-[Ll]ength:%s*(%d+)"))
    if not len then
      state.buf = state.buf:sub(hend + 1) -- garbage header: drop it
    else
      if #state.buf - hend < len then return end
      local body = state.buf:sub(hend + 1, hend + len)
      state.buf = state.buf:sub(hend + len + 1)
      local ok, msg = pcall(json_decode, body)
      if ok then dispatch(msg) else notify("Encaisse : réponse illisible") end
    end
  end
end

local function command_line()
  local cmd = M.config.cmd
  if type(cmd) == "string" then cmd = { cmd } end
  local argv = { cmd[1], "rpc" }
  for i = 2, #cmd do argv[#argv + 1] = cmd[i] end
  return argv
end

--- Starts the server if needed. Returns true, or false and a message.
function M.start()
  if state.job then return true end
  local argv = command_line()
  if vim.fn.executable(argv[1]) ~= 1 then
    return false, "Encaisse : programme introuvable : " .. tostring(argv[1])
  end
  state.buf = ""
  local ok, job = pcall(vim.fn.jobstart, argv, {
    on_stdout = on_stdout,
    on_stderr = function() end, -- diagnostics only; never shown as errors
    on_exit = function(id, code)
      if state.job == id then
        state.job = nil
        state.buf = ""
        fail_pending("encaisse s'est arrêté (code " .. tostring(code) .. ")")
      end
    end,
  })
  if not ok or job <= 0 then
    return false, "Encaisse : impossible de lancer " .. table.concat(argv, " ")
  end
  state.job = job
  M.request("initialize", { clientName = "neovim" }, function() end)
  return true
end

--- Sends a request; callback(err, result) is called with the response.
function M.request(method, params, callback)
  if not state.job then
    local started, why = M.start()
    if not started then
      if callback then callback({ code = -32603, message = why }, nil) end
      return nil
    end
  end
  state.next_id = state.next_id + 1
  local id = state.next_id
  local msg = { jsonrpc = "2.0", id = id, method = method }
  if params ~= nil then msg.params = params end
  local body = json_encode(msg)
  state.pending[id] = callback or function() end
  vim.fn.chansend(state.job, "Content-Length: " .. #body .. "\r\n\r\n" .. body)
  return id
end

local function notify_server(method)
  if not state.job then return end
  local body = json_encode({ jsonrpc = "2.0", method = method })
  pcall(vim.fn.chansend, state.job, "Content-Length: " .. #body .. "\r\n\r\n" .. body)
end

--- Synchronous request: returns err, result (err.code -32603 on timeout).
function M.request_sync(method, params, timeout)
  local done, e, r = false, nil, nil
  local id = M.request(method, params, function(err, res) done, e, r = true, err, res end)
  if not id then return e, r end
  if not vim.wait(timeout or M.config.timeout, function() return done end, 10) then
    state.pending[id] = nil
    return { code = -32603, message = "encaisse ne répond pas" }, nil
  end
  return e, r
end

function M.stop()
  if not state.job then return end
  local job = state.job
  M.request_sync("shutdown", nil, 2000)
  notify_server("exit")
  vim.wait(1000, function() return state.job == nil end, 10)
  if state.job == job then pcall(vim.fn.jobstop, job) end
  state.job = nil
  state.session = nil
end

local function names_of(list)
  local names = {}
  if type(list) ~= "table" then return names end
  for _, c in ipairs(list) do
    if type(c) == "string" then
      names[#names + 1] = c
    elseif type(c) == "table" and type(c.name) == "string" then
      names[#names + 1] = c.name
    end
  end
  return names
end

--- Asks a question; on_reply(reply_text, result) is called on success.
--- Ambiguous (-32002) and unknown (-32001) clients go through vim.ui.select,
--- then the chosen name is sent in the same session to finish the question.
function M.ask(text, on_reply)
  M.request("ask", { text = text, sessionId = session_id() }, function(err, result)
    if err then
      local data = err.data
      if data == vim.NIL or type(data) ~= "table" then data = {} end
      local choices = {}
      if err.code == -32002 then
        choices = names_of(data.candidates)
      elseif err.code == -32001 then
        choices = names_of(data.suggestions)
      end
      if #choices > 0 then
        local prompt = vim.split(err.message or "Quel client ?", "\n", { plain = true })[1]
        vim.ui.select(choices, { prompt = prompt }, function(choice)
          if choice then M.ask(choice, on_reply) end
        end)
      else
        notify(err.message or "erreur inconnue")
      end
      return
    end
    local reply = type(result) == "table" and result.reply or nil
    if type(reply) ~= "string" then reply = "" end
    on_reply(reply, result)
  end)
end

local function lines_of(text)
  return vim.split(text, "\n", { plain = true })
end

local reply_buf = nil

--- Shows text in a scratch split (or a floating window).
function M.show(text)
  local lines = lines_of(text)
  if not (reply_buf and vim.api.nvim_buf_is_valid(reply_buf)) then
    reply_buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_option(reply_buf, "bufhidden", "hide")
    vim.api.nvim_buf_set_option(reply_buf, "filetype", "markdown")
    pcall(vim.api.nvim_buf_set_name, reply_buf, "encaisse://reply")
    vim.api.nvim_buf_set_keymap(reply_buf, "n", "q", "<cmd>close<cr>", { noremap = true, silent = true })
  end
  vim.api.nvim_buf_set_option(reply_buf, "modifiable", true)
  vim.api.nvim_buf_set_lines(reply_buf, 0, -1, false, lines)
  vim.api.nvim_buf_set_option(reply_buf, "modifiable", false)
  local win = vim.fn.bufwinid(reply_buf)
  if win ~= -1 then return reply_buf, win end
  if M.config.display == "float" then
    local width = 20
    for _, l in ipairs(lines) do width = math.max(width, vim.fn.strdisplaywidth(l)) end
    width = math.min(width, math.max(20, vim.o.columns - 4))
    win = vim.api.nvim_open_win(reply_buf, true, {
      relative = "editor", style = "minimal", border = "rounded",
      width = width, height = math.min(#lines, math.max(1, vim.o.lines - 4)),
      row = 1, col = math.max(0, vim.o.columns - width - 2),
    })
    vim.api.nvim_win_set_option(win, "wrap", true)
  else
    local prev = vim.api.nvim_get_current_win()
    vim.cmd("botright " .. math.min(math.max(#lines, 3), 15) .. "split")
    win = vim.api.nvim_get_current_win()
    vim.api.nvim_win_set_buf(win, reply_buf)
    vim.api.nvim_win_set_option(win, "wrap", true)
    vim.api.nvim_set_current_win(prev)
  end
  return reply_buf, win
end

--- :Encaisse <question>
function M.ask_and_show(text, done)
  M.ask(text, function(reply, result)
    M.show(reply)
    if done then done(reply, result) end
  end)
end

--- :EncaisseInsert <question> — inserts the reply at the cursor position
--- captured when the command was run.
function M.ask_and_insert(text, done)
  local buf = vim.api.nvim_get_current_buf()
  local pos = vim.api.nvim_win_get_cursor(0)
  local row, col = pos[1] - 1, pos[2]
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or ""
  -- In normal mode the cursor is on a character: insert after it, like `a`.
  if vim.api.nvim_get_mode().mode == "n" and #line > 0 then
    col = math.min(#line, col + #vim.fn.matchstr(line:sub(col + 1), "^."))
  end
  M.ask(text, function(reply, result)
    if not vim.api.nvim_buf_is_valid(buf) then return end
    local ok, e = pcall(vim.api.nvim_buf_set_text, buf, row, col, row, col, lines_of(reply))
    if not ok then notify("Encaisse : " .. tostring(e)) end
    if done then done(reply, result) end
  end)
end

--- Client names starting with prefix (synchronous, [] on failure).
function M.complete_names(prefix, limit)
  local err, result = M.request_sync("clients.complete", { prefix = prefix or "", limit = limit or 50 })
  if err or type(result) ~= "table" then return {} end
  return names_of(result.names)
end

--- omnifunc / completefunc:
---   setlocal omnifunc=v:lua.require'encaisse'.omnifunc
function M.omnifunc(findstart, base)
  if findstart == 1 or findstart == true then
    local line = vim.api.nvim_get_current_line()
    local col = vim.api.nvim_win_get_cursor(0)[2]
    local start = col
    while start > 0 and not line:sub(start, start):match("[%s%(%[\"«,;:]") do
      start = start - 1
    end
    return start
  end
  return M.complete_names(base)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", M.config, opts or {})
  if opts and opts.cmd then M.config.cmd = opts.cmd end -- lists are replaced, not merged
  return M
end

--- Test helpers.
function M._state() return state end
function M.session() return session_id() end

return M
