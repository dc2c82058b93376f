const promisify = (fn) => (options = {}) =>
  new Promise((resolve, reject) => fn({ ...options, success: resolve, fail: reject }))
export const judgingEnv = () => typeof tt !== 'undefined' && typeof tt.pay === 'function'
export const payAsync = promisify(tt.pay)
