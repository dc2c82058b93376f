import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@tarojs/cli'

const env = fs.readFileSync(path.resolve(__dirname, '../.env'), 'utf8')

export default defineConfig({
  projectName: 'lawfirm',
  sourceRoot: 'src',
  outputRoot: `dist-${process.env.TARO_ENV}`,
  defineConstants: { WECHAT_TIP: JSON.stringify('请在微信中打开') },
  env: { API: JSON.stringify(env) },
})
