Page({ data: { mch: {} }, save() {} })
