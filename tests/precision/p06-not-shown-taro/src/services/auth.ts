import Taro from '@tarojs/taro'

export async function login(): Promise<string> {
  const res = await Taro.login()
  console.log('微信登录码:', res.code)
  if (!res.code) {
    throw new Error('微信登录失败: 未获取到 code')
  }
  const { data } = await Taro.request({ url: 'https://api.goodhealth.cn/login', method: 'POST', data: { code: res.code } })
  return data.token
}
