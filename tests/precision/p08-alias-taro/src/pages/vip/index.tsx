import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import api from '../../utils/platform'

export default function Vip() {
  const buy = () => {
    Taro.request({
      url: 'https://health.example.cn/api/vip/order',
      success: (res) => {
        api.requestOrder({
          data: res.data.data,
          byteAuthorization: res.data.byteAuthorization,
          success: ({ orderId }) => api.getOrderPayment({ orderId }),
        })
      },
    })
  }
  const legacy = () => api.pay({ orderInfo: {}, service: 5 })
  return (
    <View>
      <View>开通会员 解锁全部饮食报告</View>
      <Button onClick={buy}>立即开通</Button>
      <Button onClick={legacy}>旧版开通</Button>
    </View>
  )
}
