// The mini-program's own global: Taro does not wrap every API on every platform.
const api = process.env.TARO_ENV === 'tt' ? tt : process.env.TARO_ENV === 'alipay' ? my : wx

export default api
