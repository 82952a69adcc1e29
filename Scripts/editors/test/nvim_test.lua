-- Headless test of the Neovim plugin against the real binary.
-- nvim --headless -u NONE -c "set rtp+=Scripts/editors/nvim" \
--   -c "luafile Scripts/editors/test/nvim_test.lua"
-- Binary: $ENCAISSE_BIN (default .build/debug/encaisse). Exit code 1 on failure.
local bin = os.getenv("ENCAISSE_BIN") or ".build/debug/encaisse"
local passed, failed = 0, 0

local function out(s) io.stdout:write(s .. "\n") end

local function wait_for(pred, ms)
  return vim.wait(ms or 10000, function()
    local ok, v = pcall(pred)
    return ok and v
  end, 10)
end

local function test(name, fn)
  local ok, err = pcall(fn)
  if ok then passed = passed + 1; out("ok   - nvim: " .. name)
  else failed = failed + 1; out("FAIL - nvim: " .. name .. ": " .. tostring(err)) end
end

local function buf_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
end

local function contains(hay, needle, what)
  if type(hay) ~= "string" or not hay:find(needle, 1, true) then
    error(string.format("%s: %q does not contain %q", what or "text", tostring(hay), needle), 2)
  end
end

local notes = {}
vim.notify = function(msg, level) notes[#notes + 1] = { msg = msg, level = level } end

local main = function()
  vim.cmd("runtime plugin/encaisse.lua")
  if vim.fn.exists(":Encaisse") ~= 2 then error("plugin/encaisse.lua did not define :Encaisse") end
  local enc = require("encaisse")
  enc.setup({ cmd = { bin, "--demo", "--today", "2026-11-22" } })

  local function reply_text()
    local b = vim.fn.bufnr("encaisse://reply")
    if b == -1 then return "" end
    return buf_text(b)
  end

  test(":Encaisse shows the reply in a scratch split", function()
    vim.cmd("Encaisse combien me doit Dupont ?")
    assert(wait_for(function() return reply_text():find("Boulangerie Dupont", 1, true) end),
      "no reply shown; got " .. vim.inspect(reply_text()) .. " notes " .. vim.inspect(notes))
    local b = vim.fn.bufnr("encaisse://reply")
    assert(vim.fn.bufwinid(b) ~= -1, "reply buffer is not displayed")
    assert(vim.api.nvim_buf_get_option(b, "buftype") == "nofile", "reply buffer is not a scratch buffer")
  end)

  test("context carries over in the session (et Durand ?)", function()
    vim.cmd("Encaisse et Durand ?")
    assert(wait_for(function() return reply_text():find("Durand SAS", 1, true) end),
      "got " .. vim.inspect(reply_text()))
  end)

  test("client name completion of Mar", function()
    local names = enc.omnifunc(0, "Mar")
    assert(vim.tbl_contains(names, "Martin SARL"), vim.inspect(names))
    assert(vim.tbl_contains(names, "Martin & Fils"), vim.inspect(names))
    vim.cmd("enew")
    vim.bo.omnifunc = "v:lua.require'encaisse'.omnifunc"
    vim.api.nvim_buf_set_lines(0, 0, -1, false, { "Relancer Mar" })
    vim.api.nvim_win_set_cursor(0, { 1, 12 })
    local start = vim.api.nvim_eval("v:lua.require'encaisse'.omnifunc(1, '')")
    assert(start == 9, "findstart returned " .. tostring(start))
    -- Real insert-mode completion through 'omnifunc' (<C-x><C-o>).
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("A<C-x><C-o><Esc>", true, false, true), "x", false)
    contains(vim.api.nvim_get_current_line(), "Relancer Martin", "line after <C-x><C-o>")
  end)

  test("ambiguous client goes through vim.ui.select, then :EncaisseInsert inserts the reply", function()
    -- On a freshly started server: the chosen name must reach the same session.
    enc.stop()
    local seen
    local orig = vim.ui.select
    vim.ui.select = function(items, opts, cb) seen = items; cb(items[2], 2) end
    vim.cmd("enew")
    vim.api.nvim_buf_set_lines(0, 0, -1, false, { "Note : " })
    vim.api.nvim_win_set_cursor(0, { 1, 6 })
    vim.cmd("EncaisseInsert combien me doit Martin ?")
    local ok = wait_for(function() return buf_text(0):find("Martin SARL vous doit", 1, true) end)
    vim.ui.select = orig
    assert(seen, "vim.ui.select was not called; notes " .. vim.inspect(notes))
    assert(vim.tbl_contains(seen, "Martin SARL") and vim.tbl_contains(seen, "Martin & Fils"),
      "candidates " .. vim.inspect(seen))
    assert(ok, "buffer is " .. vim.inspect(buf_text(0)))
    contains(buf_text(0), "Note : Martin SARL", "inserted at the cursor")
  end)

  test("other errors go to vim.notify, no Lua error", function()
    local before = #notes
    local called = false
    enc.ask("combien me doit Zorglub ?", function() called = true end)
    assert(wait_for(function() return #notes > before end), "no notification")
    contains(notes[#notes].msg, "introuvable", "notification")
    assert(not called, "reply callback should not be called")
  end)

  test("a missing program is reported with vim.notify", function()
    enc.stop()
    enc.setup({ cmd = { "/nonexistent/encaisse" } })
    local before = #notes
    enc.ask("aide", function() end)
    assert(#notes > before, "no notification")
    contains(notes[#notes].msg, "introuvable", "notification")
  end)
end

local ok, err = pcall(main)
if not ok then failed = failed + 1; out("FAIL - nvim: " .. tostring(err)) end
pcall(function() require("encaisse").stop() end)
out(string.format("nvim: %d passed, %d failed", passed, failed))
if failed > 0 then vim.cmd("cquit 1") else vim.cmd("qall!") end
