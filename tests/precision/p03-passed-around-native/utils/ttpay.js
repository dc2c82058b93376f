const promisify = (fn) => (options = {}) =>
  new Promise((resolve, reject) => fn({ ...options, success: resolve, fail: reject }))
const judgingEnv = () => typeof tt !== 'undefined' && typeof tt.pay === 'function'
const payAsync = promisify(tt.pay)

module.exports = { judgingEnv, payAsync }
