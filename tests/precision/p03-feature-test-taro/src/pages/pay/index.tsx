import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

function logPayError(stage: string, extra: object) {
  Taro.request({ url: 'https://www.xiaoce.fun/api/pay/log', method: 'POST', data: { stage, ...extra } })
}

export default function Pay() {
  const [tip, setTip] = useState('')
  const pay = () => {
    if (!Taro.requestOrder || !Taro.getOrderPayment) {
      logPayError('api_not_available', {
        hasRequestOrder: !!Taro.requestOrder,
        hasGetOrderPayment: Boolean(Taro.getOrderPayment),
        hasLegacyPay: typeof Taro.pay === 'function',
        legacyPay: Taro.pay !== undefined,
      })
      setTip('当前抖音版本过低，请升级后重试')
      return
    }
    const { data, byteAuthorization } = Taro.getCurrentInstance().router?.params || {}
    Taro.requestOrder({
      data,
      byteAuthorization,
      success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
    })
  }
  return (
    <View className='page'>
      <View className='tip'>{tip}</View>
      <Button className='btn' onClick={pay}>继续支付</Button>
    </View>
  )
}
