import Taro from '@tarojs/taro'

export interface SubscriptionInfo {
  active: boolean
  plan: string
}

export async function checkSubscription(): Promise<SubscriptionInfo> {
  const res = await Taro.request({ url: 'https://api.tsla-digest.cn/subscription' })
  return res.data as SubscriptionInfo
}

export async function subscribe(plan: string) {
  const res = await Taro.request({ url: 'https://api.tsla-digest.cn/order', method: 'POST', data: { plan } })
  if (process.env.TARO_ENV === 'tt') {
    await Taro.requestOrder({ data: res.data.data, byteAuthorization: res.data.byteAuthorization })
  }
}
