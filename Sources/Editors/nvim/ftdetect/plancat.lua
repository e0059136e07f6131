-- A `.plancat` file is a plancat catalog.
vim.filetype.add({ extension = { plancat = 'plancat' } })
