import Taro from '@tarojs/taro'

const promisify = (fn) => (options = {}) =>
  new Promise((resolve, reject) => fn({ ...options, success: resolve, fail: reject }))
export const judgingEnv = () => typeof Taro.pay === 'function'
export const payAsync = promisify(Taro.pay)
