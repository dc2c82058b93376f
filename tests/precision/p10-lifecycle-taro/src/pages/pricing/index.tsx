import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default function Pricing() {
  const router = useRouter()
  useEffect(() => {
    if (router.params.plan) {
      Taro.requestOrder({
        data: router.params.order,
        byteAuthorization: router.params.auth,
        success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
      })
    }
  }, [])
  return (
    <View className='pricing'>
      <View>专业版会员 订阅后解锁全部深度分析</View>
      <Button openType='im' data-im-id='tsla_digest'>联系客服</Button>
    </View>
  )
}
