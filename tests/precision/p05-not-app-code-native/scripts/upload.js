const path = require('path')
const { execSync } = require('child_process')

const version = process.argv[2] || '1.0.0'
const desc = '修复微信登录后的跳转'
execSync(`tma upload -v ${version} -c "${desc}" ${path.resolve(__dirname, '..')}`, { stdio: 'inherit' })
