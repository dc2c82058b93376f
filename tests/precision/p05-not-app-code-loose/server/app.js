const express = require('express')

const app = express()
app.post('/api/notify', (req, res) => {
  // 回调失败时提示运营人员
  res.json({ code: 1, msg: '请添加客服微信 ops_2024 人工处理' })
})
app.listen(3000)
