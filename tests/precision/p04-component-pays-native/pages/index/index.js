Page({ data: { imId: 'edu_cs' }, onImError() {} })
