-- Commands for the Encaisse plugin (Neovim 0.7+).
if vim.g.loaded_encaisse then return end
vim.g.loaded_encaisse = true

local function encaisse() return require("encaisse") end

vim.api.nvim_create_user_command("Encaisse", function(o)
  encaisse().ask_and_show(o.args)
end, { nargs = "+", desc = "Pose une question à Encaisse" })

vim.api.nvim_create_user_command("EncaisseInsert", function(o)
  encaisse().ask_and_insert(o.args)
end, { nargs = "+", desc = "Insère la réponse d'Encaisse au curseur" })

vim.api.nvim_create_user_command("EncaisseStop", function()
  encaisse().stop()
end, { nargs = 0, desc = "Arrête le processus encaisse" })

vim.api.nvim_create_autocmd("VimLeavePre", {
  callback = function()
    if package.loaded["encaisse"] then pcall(require("encaisse").stop) end
  end,
})
