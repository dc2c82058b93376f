Page({ submit() {} })
