const fs = require('fs')
const path = require('path')

// 把环信 SDK 打成小程序可用的单文件
const source = fs.readFileSync(path.join(__dirname, './build/output/connection.js'), 'utf8')
fs.writeFileSync(path.join(__dirname, 'connection.js'), source.replace('加群失败', '进群失败'))
